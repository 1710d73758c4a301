#include "protocol/acl.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <set>

#include "protocol/digest.hpp"
#include "protocol/resp.hpp"
#include "protocol/resp_commands.hpp"
#include "storage/glob.hpp"

namespace troupe::protocol {

namespace {

// -- categories -------------------------------------------------------------------

/// Redis's categories, in ACL CAT's order; bit i is category i.
const std::vector<std::string> category_names{
  "keyspace", "read",   "write",     "set",       "sortedset",  "list",        "hash",
  "string",   "bitmap", "hyperloglog", "geo",     "stream",     "pubsub",      "admin",
  "fast",     "slow",   "blocking",  "dangerous", "connection", "transaction", "scripting"};

uint32_t bit(std::string_view category) {
  auto it = std::find(category_names.begin(), category_names.end(), category);
  return uint32_t{1} << (it - category_names.begin());
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// A command's categories: from its flags (read, write, admin, fast or
/// slow, blocking) and from what it works on, as Redis files it.
uint32_t categories_of(const resp_command& c) {
  std::string_view n{c.name};
  uint32_t out = 0;
  auto add = [&](std::string_view category) { out |= bit(category); };
  if (has_flag(c, "write"))
    add("write");
  if (has_flag(c, "readonly"))
    add("read");
  if (has_flag(c, "admin"))
    out |= bit("admin") | bit("dangerous");
  add(has_flag(c, "fast") ? "fast" : "slow");
  if (has_flag(c, "blocking"))
    add("blocking");
  bool sort = one_of(n, {"sort", "sort_ro"});
  if (one_of(n, {"get", "set", "setex", "psetex", "setnx", "getdel", "getset", "mget", "mset",
                 "incr", "incrby", "decr", "decrby", "append", "incrbyfloat", "getrange", "substr",
                 "setrange", "msetnx", "getex", "strlen", "lcs"}))
    add("string");
  if (one_of(n, {"setbit", "getbit", "bitcount", "bitpos", "bitop", "bitfield", "bitfield_ro"}))
    add("bitmap");
  if (n[0] == 'h' && n != "hello")
    add("hash");
  if (sort || one_of(n, {"lpush", "rpush", "lpushx", "rpushx", "lpop", "rpop", "llen", "lrange",
                         "lindex", "lset", "lrem", "ltrim", "linsert", "lpos", "lmove",
                         "rpoplpush", "blpop", "brpop", "blmove", "brpoplpush", "lmpop",
                         "blmpop"}))
    add("list");
  if (sort || one_of(n, {"sadd", "srem", "smembers", "sismember", "smismember", "scard", "spop",
                         "srandmember", "sinter", "sinterstore", "sintercard", "sunion",
                         "sunionstore", "sdiff", "sdiffstore", "smove", "sscan"}))
    add("set");
  if (sort || n[0] == 'z' || one_of(n, {"bzpopmin", "bzpopmax", "bzmpop"}))
    add("sortedset");
  if (n[0] == 'x')
    add("stream");
  if (starts_with(n, "pf"))
    add("hyperloglog");
  if (starts_with(n, "geo"))
    add("geo");
  if (one_of(n, {"publish", "spublish", "pubsub"}) || n.find("subscribe") != std::string::npos)
    add("pubsub");
  if (one_of(n, {"multi", "exec", "discard", "watch", "unwatch"}))
    add("transaction");
  if (starts_with(n, "eval") || starts_with(n, "fcall") || one_of(n, {"script", "function"}))
    add("scripting");
  if (one_of(n, {"ping", "echo", "hello", "auth", "client", "select", "quit", "reset"}))
    add("connection");
  if (one_of(n, {"del", "exists", "expire", "expireat", "pexpire", "pexpireat", "ttl", "pttl",
                 "persist", "type", "rename", "renamenx", "keys", "scan", "randomkey", "dump",
                 "restore", "copy", "touch", "unlink", "object", "expiretime", "pexpiretime",
                 "dbsize", "flushall", "flushdb", "move"}))
    add("keyspace");
  if (sort || one_of(n, {"keys", "flushall", "flushdb", "restore", "client", "config", "info",
                         "shutdown", "save", "acl"}))
    add("dangerous");
  return out;
}

// -- passwords ------------------------------------------------------------------


bool valid_hash(std::string_view h) {
  return h.size() == 64 && std::all_of(h.begin(), h.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

/// Compares without leaving the position of the first difference in the time.
bool equal_hashes(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

/// The commands' keys: eval-style numkeys included, which the table leaves
/// to the session.
std::vector<size_t> keys_of(const resp_command& c, const std::vector<std::string_view>& args) {
  std::string_view n{c.name};
  if (!starts_with(n, "eval") && !starts_with(n, "fcall"))
    return key_positions(c, args);
  std::vector<size_t> out;
  auto count = args.size() > 2 ? resp::parse_int(args[2]) : std::nullopt;
  if (!count || *count < 0 || static_cast<uint64_t>(*count) > args.size() - 3)
    return out;
  for (size_t i = 3; i < 3 + static_cast<size_t>(*count); ++i)
    out.push_back(i);
  return out;
}

// SETUSER's errors, in Redis's words.
constexpr const char* syntax_error = "Syntax error";
constexpr const char* unknown_name = "Unknown command or category name in ACL";
constexpr const char* after_all_keys =
  "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have "
  "any effect. Try 'resetkeys' to start with an empty list of patterns";
constexpr const char* after_all_channels =
  "Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not "
  "have any effect. Try 'resetchannels' to start with an empty list of channels";
constexpr const char* no_such_password =
  "The password you are trying to remove from the user does not exist";
constexpr const char* bad_hash =
  "The password hash must be exactly 64 characters and contain only lowercase hexadecimal "
  "characters";

} // namespace

const std::vector<std::string>& acl_categories() {
  return category_names;
}

std::optional<std::vector<std::string>> acl_category_commands(std::string_view category) {
  if (std::find(category_names.begin(), category_names.end(), category) == category_names.end())
    return std::nullopt;
  std::vector<std::string> out;
  for (auto& c : resp_commands())
    if ((categories_of(c) & bit(category)) != 0)
      out.emplace_back(c.name);
  return out;
}

std::string acl_command_name(const resp_command& spec, const std::vector<std::string_view>& args) {
  std::string name = spec.name;
  if (args.size() > 1 && one_of(name, {"config", "client", "script", "function", "object",
                                       "xinfo", "xgroup", "command", "pubsub", "acl"}))
    name += "|" + resp::lower(args[1]);
  return name;
}

std::string acl_refusal(acl_verdict why, std::string_view command) {
  switch (why) {
    case acl_verdict::command:
      return "NOPERM this user has no permissions to run the '" + std::string{command}
             + "' command";
    case acl_verdict::key:
      return "NOPERM this user has no permissions to access one of the keys used as arguments";
    case acl_verdict::channel:
      return "NOPERM this user has no permissions to access one of the channels used as "
             "arguments";
    case acl_verdict::allowed:
      break;
  }
  return {};
}

std::string acl_script_refusal(acl_verdict why) {
  std::string out = "ERR The user executing the script ";
  switch (why) {
    case acl_verdict::command:
      return out + "can't run this command or subcommand";
    case acl_verdict::key:
      return out + "can't access at least one of the keys mentioned in the command arguments";
    case acl_verdict::channel:
      return out + "can't publish to the channel mentioned in the command";
    case acl_verdict::allowed:
      break;
  }
  return {};
}

// -- acl_log ----------------------------------------------------------------------

acl_log_reason log_reason(acl_verdict verdict) {
  return verdict == acl_verdict::key       ? acl_log_reason::key
         : verdict == acl_verdict::channel ? acl_log_reason::channel
                                           : acl_log_reason::command;
}

void acl_log::add(event e, int64_t now_ms) {
  constexpr int64_t grouping_ms = 60'000;
  constexpr size_t scanned = 10;
  std::lock_guard<std::mutex> guard{mu_};
  for (size_t i = 0; i < std::min(scanned, entries_.size()); ++i) {
    auto& old = entries_[i];
    if (old.what.reason != e.reason || old.what.context != e.context
        || std::abs(old.at_ms - now_ms) > grouping_ms || old.what.object != e.object
        || old.what.username != e.username)
      continue;
    auto same = std::move(old);
    entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i));
    same.what.client_info = std::move(e.client_info);
    same.at_ms = now_ms;
    ++same.count;
    entries_.push_front(std::move(same));
    return;
  }
  entries_.push_front({std::move(e), 1, now_ms});
  while (entries_.size() > max_len_)
    entries_.pop_back();
}

std::string acl_log::reply(size_t count, bool resp3, int64_t now_ms) const {
  static const char* const reasons[] = {"command", "key", "channel", "auth"};
  static const char* const contexts[] = {"toplevel", "multi", "lua"};
  std::lock_guard<std::mutex> guard{mu_};
  count = std::min(count, entries_.size());
  std::string out;
  resp::array(out, count);
  for (size_t i = 0; i < count; ++i) {
    auto& e = entries_[i];
    resp::map(out, 7, resp3);
    resp::bulk(out, "count");
    resp::integer(out, static_cast<int64_t>(e.count));
    resp::bulk(out, "reason");
    resp::bulk(out, reasons[static_cast<int>(e.what.reason)]);
    resp::bulk(out, "context");
    resp::bulk(out, contexts[static_cast<int>(e.what.context)]);
    resp::bulk(out, "object");
    resp::bulk(out, e.what.object);
    resp::bulk(out, "username");
    resp::bulk(out, e.what.username);
    resp::bulk(out, "age-seconds");
    resp::dbl(out, static_cast<double>(now_ms - e.at_ms) / 1000, resp3);
    resp::bulk(out, "client-info");
    resp::bulk(out, e.what.client_info);
  }
  return out;
}

void acl_log::reset() {
  std::lock_guard<std::mutex> guard{mu_};
  entries_.clear();
}

void acl_log::set_max_len(size_t n) {
  std::lock_guard<std::mutex> guard{mu_};
  max_len_ = n;
  while (entries_.size() > max_len_)
    entries_.pop_back();
}

// -- acl_user: permissions --------------------------------------------------------

acl_user::permissions::permissions() : commands(resp_commands().size(), false) {}

bool acl_user::permissions::apply_command_rule(std::string_view rule, bool allow) {
  auto body = rule.substr(1);
  if (starts_with(body, "@")) {
    auto category = resp::lower(body.substr(1));
    bool all = category == "all";
    if (!all && std::find(category_names.begin(), category_names.end(), category)
                  == category_names.end())
      return false;
    auto& table = resp_commands();
    for (size_t i = 0; i < table.size(); ++i)
      if (all || (categories_of(table[i]) & bit(category)) != 0)
        commands[i] = allow;
    if (all) {
      all_commands_base = allow;
      command_rules.clear();
      subcommands.clear();
      return true;
    }
  } else {
    auto name = resp::lower(body);
    auto bar = name.find('|');
    auto* spec = find_resp_command(name.substr(0, bar));
    if (spec == nullptr || (bar != std::string::npos && bar + 1 == name.size()))
      return false;
    if (bar == std::string::npos) {
      commands[static_cast<size_t>(spec - resp_commands().data())] = allow;
      subcommands.erase(std::remove_if(subcommands.begin(), subcommands.end(),
                                       [&](const std::string& s) {
                                         return starts_with(s.substr(1), name + "|");
                                       }),
                        subcommands.end());
    } else {
      // "+cmd|sub" allows it besides; "-cmd|sub" takes it away from an allowed command.
      auto entry = std::string{allow ? "+" : "-"} + name;
      auto other = std::string{allow ? "-" : "+"} + name;
      subcommands.erase(std::remove(subcommands.begin(), subcommands.end(), other),
                        subcommands.end());
      if (std::find(subcommands.begin(), subcommands.end(), entry) == subcommands.end())
        subcommands.push_back(entry);
    }
  }
  command_rules += (command_rules.empty() ? "" : " ") + std::string{rule.substr(0, 1)}
                   + resp::lower(body);
  return true;
}

std::optional<std::string> acl_user::permissions::apply(std::string_view rule) {
  auto lower = resp::lower(rule);
  if (lower == "allkeys" || rule == "~*") {
    all_keys = true;
    keys.clear();
  } else if (lower == "resetkeys") {
    all_keys = false;
    keys.clear();
  } else if (!rule.empty() && (rule[0] == '~' || rule[0] == '%')) {
    key_pattern p;
    if (rule[0] == '%') {
      auto tilde = rule.find('~');
      if (tilde == std::string_view::npos || tilde == 1)
        return syntax_error;
      p.read = p.write = false;
      for (char c : rule.substr(1, tilde - 1)) {
        if (c == 'R' || c == 'r')
          p.read = true;
        else if (c == 'W' || c == 'w')
          p.write = true;
        else
          return syntax_error;
      }
      p.pattern = rule.substr(tilde + 1);
    } else {
      p.pattern = rule.substr(1);
    }
    if (all_keys)
      return after_all_keys;
    if (p.pattern == "*" && p.read && p.write) {
      all_keys = true;
      keys.clear();
    } else {
      keys.push_back(std::move(p));
    }
  } else if (lower == "allchannels" || rule == "&*") {
    all_channels = true;
    channels.clear();
  } else if (lower == "resetchannels") {
    all_channels = false;
    channels.clear();
  } else if (!rule.empty() && rule[0] == '&') {
    if (all_channels)
      return after_all_channels;
    channels.emplace_back(rule.substr(1));
  } else if (lower == "allcommands") {
    apply_command_rule("+@all", true);
  } else if (lower == "nocommands") {
    apply_command_rule("-@all", false);
  } else if (!rule.empty() && (rule[0] == '+' || rule[0] == '-')) {
    if (!apply_command_rule(rule, rule[0] == '+'))
      return unknown_name;
  } else {
    return syntax_error;
  }
  return std::nullopt;
}

bool acl_user::permissions::unrestricted() const {
  return all_keys && all_channels
         && std::all_of(commands.begin(), commands.end(), [](bool b) { return b; })
         && std::none_of(subcommands.begin(), subcommands.end(),
                         [](const std::string& s) { return s[0] == '-'; });
}

bool acl_user::permissions::command_allowed(const resp_command& spec,
                                            const std::vector<std::string_view>& args) const {
  bool allowed = commands[static_cast<size_t>(&spec - resp_commands().data())];
  if (args.size() < 2 || subcommands.empty())
    return allowed;
  auto sub = std::string{spec.name} + "|" + resp::lower(args[1]);
  for (auto& s : subcommands)
    if (s.compare(1, std::string::npos, sub) == 0)
      return s[0] == '+';
  return allowed;
}

bool acl_user::permissions::key_allowed(std::string_view key, bool read, bool write) const {
  if (all_keys)
    return true;
  for (auto& p : keys)
    if ((!read || p.read) && (!write || p.write) && storage::glob_match(p.pattern, key))
      return true;
  return false;
}

bool acl_user::permissions::channel_allowed(std::string_view channel, bool is_pattern) const {
  if (all_channels)
    return true;
  for (auto& p : channels)
    if (is_pattern ? p == channel : storage::glob_match(p, channel))
      return true;
  return false;
}

acl_verdict acl_user::permissions::check(const resp_command& spec,
                                         const std::vector<std::string_view>& args,
                                         size_t& at) const {
  if (!command_allowed(spec, args))
    return acl_verdict::command;
  if (!all_keys) {
    bool write = has_flag(spec, "write");
    bool read = has_flag(spec, "readonly") || !write;
    for (auto i : keys_of(spec, args))
      if (!key_allowed(args[i], read, write)) {
        at = i;
        return acl_verdict::key;
      }
  }
  std::string_view n{spec.name};
  if (!all_channels && (n == "publish" || n == "spublish" || n == "subscribe"
                        || n == "ssubscribe" || n == "psubscribe")) {
    auto last = n.find("publish") != std::string_view::npos ? std::min<size_t>(args.size(), 2)
                                                            : args.size();
    for (size_t i = 1; i < last; ++i)
      if (!channel_allowed(args[i], n == "psubscribe")) {
        at = i;
        return acl_verdict::channel;
      }
  }
  return acl_verdict::allowed;
}

namespace {

std::string key_pattern_text(bool read, bool write, const std::string& pattern) {
  return (read && write ? "~" : read ? "%R~" : "%W~") + pattern;
}

} // namespace

std::string acl_user::permissions::commands_text() const {
  return std::string{all_commands_base ? "+@all" : "-@all"}
         + (command_rules.empty() ? "" : " " + command_rules);
}

std::string acl_user::permissions::keys_text() const {
  std::string out = all_keys ? "~*" : "";
  for (auto& p : keys)
    out += (out.empty() ? "" : " ") + key_pattern_text(p.read, p.write, p.pattern);
  return out;
}

std::string acl_user::permissions::channels_text() const {
  std::string out = all_channels ? "&*" : "";
  for (auto& c : channels)
    out += (out.empty() ? "&" : " &") + c;
  return out;
}

std::string acl_user::permissions::describe() const {
  auto out = keys_text();
  out += std::string{out.empty() ? "" : " "} + (all_channels ? "&*" : "resetchannels");
  for (auto& c : channels)
    out += " &" + c;
  return out + " " + commands_text();
}

// -- acl_user ---------------------------------------------------------------------

acl_user::acl_user(std::string name) : name_(std::move(name)) {}

std::optional<std::string> acl_user::apply(std::string_view rule) {
  auto lower = resp::lower(rule);
  if (lower == "on") {
    enabled_ = true;
  } else if (lower == "off") {
    enabled_ = false;
  } else if (lower == "nopass") {
    nopass_ = true;
    passwords_.clear();
  } else if (lower == "resetpass") {
    nopass_ = false;
    passwords_.clear();
  } else if (lower == "sanitize-payload" || lower == "skip-sanitize-payload") {
    // RESTORE always checks its payload here; kept to be shown, as Redis shows it.
    payload_flag_ = lower;
  } else if (!rule.empty() && (rule[0] == '>' || rule[0] == '#')) {
    auto hash = rule[0] == '>' ? sha256_hex(rule.substr(1)) : std::string{rule.substr(1)};
    if (!valid_hash(hash))
      return bad_hash;
    if (std::find(passwords_.begin(), passwords_.end(), hash) == passwords_.end())
      passwords_.push_back(hash);
    nopass_ = false;
  } else if (!rule.empty() && (rule[0] == '<' || rule[0] == '!')) {
    auto hash = rule[0] == '<' ? sha256_hex(rule.substr(1)) : std::string{rule.substr(1)};
    if (!valid_hash(hash))
      return bad_hash;
    auto it = std::find(passwords_.begin(), passwords_.end(), hash);
    if (it == passwords_.end())
      return no_such_password;
    passwords_.erase(it);
  } else if (rule.size() >= 2 && rule.front() == '(' && rule.back() == ')') {
    // A selector: its rules, separated by spaces, on no permissions at all.
    permissions selector;
    auto body = rule.substr(1, rule.size() - 2);
    for (size_t at = 0; at < body.size();) {
      auto end = std::min(body.find(' ', at), body.size());
      if (end > at)
        if (auto why = selector.apply(body.substr(at, end - at)))
          return why;
      at = end + 1;
    }
    selectors_.push_back(std::move(selector));
  } else if (lower == "clearselectors") {
    selectors_.clear();
  } else if (lower == "reset") {
    for (auto* r : {"resetpass", "resetkeys", "resetchannels", "off", "sanitize-payload",
                    "clearselectors", "-@all"})
      apply(r);
  } else {
    return root_.apply(rule);
  }
  return std::nullopt;
}

bool acl_user::accepts(std::string_view password) const {
  if (!enabled_)
    return false;
  if (nopass_)
    return true;
  auto hash = sha256_hex(password);
  bool found = false;
  for (auto& p : passwords_)
    found |= equal_hashes(p, hash);
  return found;
}

bool acl_user::unrestricted() const {
  return root_.unrestricted();
}

acl_verdict acl_user::check(const resp_command& spec, const std::vector<std::string_view>& args,
                            size_t* at) const {
  size_t where = 0;
  auto why = root_.check(spec, args, where);
  for (auto& s : selectors_) {
    if (why == acl_verdict::allowed)
      break;
    size_t here = 0;
    auto next = s.check(spec, args, here);
    // Redis's pick: allowed, else the highest reason, the later position.
    if (next == acl_verdict::allowed || next > why || (next == why && here > where)) {
      why = next;
      where = here;
    }
  }
  if (at != nullptr && why != acl_verdict::allowed)
    *at = where;
  return why;
}

std::string acl_user::describe() const {
  std::string out = enabled_ ? "on" : "off";
  if (nopass_)
    out += " nopass";
  if (!payload_flag_.empty())
    out += " " + payload_flag_;
  for (auto& p : passwords_)
    out += " #" + p;
  out += " " + root_.describe();
  for (auto& s : selectors_)
    out += " (" + s.describe() + ")";
  return out;
}

std::string acl_user::getuser_reply(bool resp3) const {
  std::string out;
  resp::map(out, 6, resp3);
  resp::bulk(out, "flags");
  std::vector<std::string> flags{enabled_ ? "on" : "off"};
  if (nopass_)
    flags.emplace_back("nopass");
  if (!payload_flag_.empty())
    flags.push_back(payload_flag_);
  resp::set(out, flags.size(), resp3);
  for (auto& f : flags)
    resp::bulk(out, f);
  resp::bulk(out, "passwords");
  resp::array(out, passwords_.size());
  for (auto& p : passwords_)
    resp::bulk(out, p);
  auto add_permissions = [&](const permissions& p) {
    resp::bulk(out, "commands");
    resp::bulk(out, p.commands_text());
    resp::bulk(out, "keys");
    resp::bulk(out, p.keys_text());
    resp::bulk(out, "channels");
    resp::bulk(out, p.channels_text());
  };
  add_permissions(root_);
  resp::bulk(out, "selectors");
  resp::array(out, selectors_.size());
  for (auto& s : selectors_) {
    resp::map(out, 3, resp3);
    add_permissions(s);
  }
  return out;
}

// -- acl_users --------------------------------------------------------------------

acl_users::acl_users() {
  auto d = std::make_shared<acl_user>("default");
  for (auto* rule : {"+@all", "~*", "&*", "on", "nopass"})
    d->apply(rule);
  users_.emplace("default", std::move(d));
}

std::optional<std::string> acl_users::set_user(const std::string& name,
                                               const std::vector<std::string>& rules) {
  if (name.find_first_of(std::string_view{" \0", 2}) != std::string::npos)
    return "ERR Usernames can't contain spaces or null characters";
  std::lock_guard<std::mutex> guard{mu_};
  auto it = users_.find(name);
  // All rules or none: they apply to a copy, which replaces the user.
  auto next = it != users_.end() ? std::make_shared<acl_user>(*it->second)
                                 : std::make_shared<acl_user>(name);
  // A selector may come in several arguments: "(~key*" "+get)".
  std::vector<std::string> merged;
  std::optional<size_t> open;
  for (size_t i = 0; i < rules.size(); ++i) {
    auto& rule = rules[i];
    if (open) {
      merged.back() += " " + rule;
      if (!rule.empty() && rule.back() == ')')
        open.reset();
    } else {
      merged.push_back(rule);
      if (!rule.empty() && rule.front() == '(' && rule.back() != ')')
        open = i;
    }
  }
  if (open)
    return "ERR Unmatched parenthesis in acl selector starting at '" + rules[*open] + "'.";
  for (auto& rule : merged)
    if (auto why = next->apply(rule))
      return "ERR Error in ACL SETUSER modifier '" + rule + "': " + *why;
  users_[name] = std::move(next);
  ++version_;
  return std::nullopt;
}

std::shared_ptr<const acl_user> acl_users::find(std::string_view name) const {
  std::lock_guard<std::mutex> guard{mu_};
  auto it = users_.find(std::string{name});
  return it == users_.end() ? nullptr : it->second;
}

size_t acl_users::remove(const std::vector<std::string>& names) {
  std::lock_guard<std::mutex> guard{mu_};
  size_t n = 0;
  for (auto& name : names)
    if (name != "default")
      n += users_.erase(name);
  ++version_;
  return n;
}

std::vector<std::shared_ptr<const acl_user>> acl_users::all() const {
  std::vector<std::shared_ptr<const acl_user>> out;
  {
    std::lock_guard<std::mutex> guard{mu_};
    for (auto& [name, u] : users_)
      out.push_back(u);
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a->name() < b->name(); });
  return out;
}

} // namespace troupe::protocol
