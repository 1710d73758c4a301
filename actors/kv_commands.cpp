#include "actors/kv_keyspace.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <unordered_map>

#include "actors/keyspace_events.hpp"
#include "actors/kv_script.hpp"
#include "protocol/acl.hpp"
#include "protocol/resp.hpp"
#include "protocol/resp_commands.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"

namespace troupe::actors::kv {

namespace resp = protocol::resp;
using storage::column;

const char* const wrong_type = "WRONGTYPE Operation against a key holding the wrong kind of value";
const char* const not_integer = "ERR value is not an integer or out of range";
const char* const syntax_error = "ERR syntax error";

namespace {

const char* const overflow = "ERR increment or decrement would overflow";

/// The raw record of `key` (staged writes first, then storage).
std::optional<std::string> load_raw(command& c, const std::string& key) {
  if (auto* staged = c.st.pipeline->staged(key))
    return *staged;
  storage::db_status status;
  auto raw = c.st.db->get(column::kv, key, status);
  if (!status.ok)
    storage_error(c, "read", status.message);
  return raw;
}

/// The value of a live record, nullopt when it does not decode or expired.
std::optional<std::string_view> live_value(command& c, std::string_view raw) {
  storage::record_header h;
  std::string_view value;
  if (!storage::decode_record(raw, h, value) || h.expired(c.now))
    return std::nullopt;
  return value;
}

} // namespace

const char* type_name(char type) {
  switch (type) {
    case type_hash: return "hash";
    case type_list: return "list";
    case type_set: return "set";
    case type_zset: return "zset";
    case type_stream: return "stream";
    default: return "string";
  }
}

void storage_error(command& c, const std::string& what, const std::string& message) {
  if (c.failed)
    return;
  c.failed = true;
  c.out.clear();
  resp::error(c.out, "ERR storage " + what + " failed: " + message);
}

std::optional<entry> load(command& c, const std::string& mkey) {
  auto raw = load_raw(c, mkey);
  if (!raw)
    return std::nullopt;
  entry e;
  std::string_view value;
  if (!storage::decode_record(*raw, e.header, value) || value.empty()
      || e.header.expired(c.now))
    return std::nullopt;
  e.type = value[0];
  e.payload.assign(value.substr(1));
  return e;
}

void store(command& c, const std::string& mkey, const entry& e) {
  std::string value;
  value.reserve(1 + e.payload.size());
  value.push_back(e.type);
  value.append(e.payload);
  c.st.pipeline->put(c.batch, column::kv, mkey, storage::encode_record(e.header, value));
}

uint64_t field_count(const entry& e) {
  uint64_t n = 0;
  for (size_t i = 0; i < e.payload.size() && i < 8; ++i)
    n = (n << 8) | static_cast<uint8_t>(e.payload[i]);
  return n;
}

void set_field_count(entry& e, uint64_t n) {
  if (e.payload.size() < 8)
    e.payload.resize(8, '\0');
  for (int i = 7; i >= 0; --i) {
    e.payload[static_cast<size_t>(i)] = static_cast<char>(n & 0xFF);
    n >>= 8;
  }
}

entry new_entry(command& c, char type) {
  entry e;
  e.type = type;
  e.header.created_at_ms = c.now;
  e.header.updated_at_ms = c.now;
  if (type != type_string)
    set_field_count(e, 0);
  return e;
}

std::map<std::string, std::string> fields_of(command& c, const std::string& prefix) {
  std::map<std::string, std::string> live;
  each_field(c, prefix, {}, false, [&](std::string_view k, std::string_view v) {
    live.emplace(k, v);
    return true;
  });
  return live;
}

void each_field(command& c, const std::string& prefix, const std::string& from, bool reverse,
                const std::function<bool(std::string_view key, std::string_view value)>& fn) {
  // Staged writes (few) are merged into the storage walk in key order; a
  // staged record shadows the stored one of the same key.
  std::map<std::string, std::optional<std::string>> staged;
  c.st.pipeline->for_each_staged(
    prefix, [&](const std::string& k, const std::optional<std::string>& v) { staged[k] = v; });
  auto in_prefix = [&](std::string_view k) { return k.substr(0, prefix.size()) == prefix; };
  auto cur = c.st.db->new_cursor(column::kv);
  auto start = from.empty() ? (reverse ? storage::prefix_end(prefix) : prefix) : from;
  if (!reverse) {
    cur->seek(std::max(start, prefix));
  } else {
    cur->seek_for_prev(start);
    if (cur->valid() && from.empty() && cur->key() == start)
      cur->prev();
  }
  // The staged records in walking order from the start.
  std::vector<std::pair<const std::string*, const std::optional<std::string>*>> pending;
  if (!reverse) {
    for (auto it = staged.lower_bound(start); it != staged.end(); ++it)
      pending.emplace_back(&it->first, &it->second);
  } else {
    auto it = staged.upper_bound(start);
    while (it != staged.begin()) {
      --it;
      if (from.empty() && it->first == start)
        continue;
      pending.emplace_back(&it->first, &it->second);
    }
  }
  size_t next_staged = 0;
  auto before = [&](std::string_view a, std::string_view b) { return reverse ? a > b : a < b; };
  while (true) {
    bool stored = cur->valid() && in_prefix(cur->key());
    bool has_staged = next_staged < pending.size();
    if (!stored && !has_staged)
      break;
    std::string_view key;
    std::optional<std::string_view> value;
    if (has_staged && (!stored || !before(cur->key(), *pending[next_staged].first))) {
      auto [k, v] = pending[next_staged++];
      if (stored && cur->key() == *k)
        reverse ? cur->prev() : cur->next();
      key = *k;
      if (*v)
        value = live_value(c, **v);
    } else {
      key = cur->key();
      value = live_value(c, cur->value());
      // fn sees the cursor's key before it moves: copy it.
      std::string k{key}, v{value.value_or("")};
      bool live = value.has_value();
      reverse ? cur->prev() : cur->next();
      if (live && !fn(k, v))
        return;
      continue;
    }
    if (value && !fn(key, *value))
      return;
  }
  if (auto s = cur->status(); !s.ok)
    storage_error(c, "scan", s.message);
}

std::optional<std::string> load_field(command& c, const std::string& fkey) {
  auto raw = load_raw(c, fkey);
  if (!raw)
    return std::nullopt;
  auto value = live_value(c, *raw);
  return value ? std::optional<std::string>{std::string{*value}} : std::nullopt;
}

void store_field(command& c, const std::string& fkey, std::string_view value) {
  storage::record_header h;
  h.created_at_ms = c.now;
  h.updated_at_ms = c.now;
  c.st.pipeline->put(c.batch, column::kv, fkey, storage::encode_record(h, value));
}

void remove_field(command& c, const std::string& fkey) {
  c.st.pipeline->remove(c.batch, column::kv, fkey);
}

namespace {

/// Deletes every element record stored under `key`.
void remove_fields(command& c, std::string_view key) {
  for (auto& [fkey, value] : fields_of(c, storage::kv_field_prefix(c.st.partition, key)))
    remove_field(c, fkey);
}

} // namespace

void remove_key(command& c, std::string_view key, const std::string& mkey, const entry& e) {
  if (e.type != type_string)
    remove_fields(c, key);
  c.st.pipeline->remove(c.batch, column::kv, mkey);
}

entry create_collection(command& c, std::string_view key, char type) {
  remove_fields(c, key);
  return new_entry(c, type);
}

void save_collection(command& c, const std::string& mkey, entry& e, uint64_t count) {
  if (count == 0) {
    c.st.pipeline->remove(c.batch, column::kv, mkey);
    return;
  }
  set_field_count(e, count);
  e.header.updated_at_ms = c.now;
  store(c, mkey, e);
}

std::string mkey_of(command& c, std::string_view key) {
  return storage::kv_key(c.st.partition, key);
}

std::string fkey_of(command& c, std::string_view key, std::string_view sub) {
  return storage::kv_field_key(c.st.partition, key, sub);
}

bool check_key(command& c, std::string_view key, const char* what) {
  if (key.size() <= c.st.limits.max_key_bytes)
    return true;
  resp::error(c.out, resp::key_too_long(what, key.size(), c.st.limits.max_key_bytes));
  return false;
}

bool check_value(command& c, size_t size) {
  if (size <= c.st.limits.max_value_bytes)
    return true;
  resp::error(c.out, resp::value_too_long(c.st.limits.max_value_bytes));
  return false;
}

bool load_typed(command& c, std::string_view key, char type, std::optional<entry>& out) {
  out = load(c, mkey_of(c, key));
  if (c.failed)
    return false;
  if (out && out->type != type) {
    resp::error(c.out, wrong_type);
    return false;
  }
  return true;
}

void reply_value(command& c, const std::optional<std::string>& v) {
  if (v)
    resp::bulk(c.out, *v);
  else
    resp::null(c.out, c.resp3);
}

void wrong_arity(command& c) {
  resp::error(c.out, "ERR wrong number of arguments for '" + c.name + "' command");
}

namespace {

/// Gives a key a new expiry (0: none): its key record alone, O(1).
void set_expiry(command& c, const std::string& mkey, entry& e, int64_t expires_at_ms) {
  e.header.expires_at_ms = expires_at_ms;
  e.header.updated_at_ms = c.now;
  store(c, mkey, e);
}

/// now + amount (in `unit_ms` units), or absolute when `absolute`; nullopt
/// when it overflows.
std::optional<int64_t> expiry_at(int64_t now, int64_t amount, int64_t unit_ms, bool absolute) {
  int64_t ms = 0;
  if (__builtin_mul_overflow(amount, unit_ms, &ms))
    return std::nullopt;
  if (absolute)
    return ms;
  int64_t at = 0;
  if (__builtin_add_overflow(now, ms, &at))
    return std::nullopt;
  return at;
}

/// a + b, or nullopt after replying that it would overflow.
std::optional<int64_t> checked_add(command& c, int64_t a, int64_t b) {
  int64_t sum = 0;
  if (!__builtin_add_overflow(a, b, &sum))
    return sum;
  resp::error(c.out, overflow);
  return std::nullopt;
}

// -- strings ------------------------------------------------------------------

} // namespace

void put_string(command& c, std::string_view key, const std::optional<entry>& old,
                std::string_view value, bool keep_ttl, int64_t expires_at) {
  auto mkey = mkey_of(c, key);
  if (old && old->type != type_string)
    remove_key(c, key, mkey, *old);
  auto e = new_entry(c, type_string);
  if (old)
    e.header.created_at_ms = old->header.created_at_ms;
  e.header.expires_at_ms = keep_ttl && old ? old->header.expires_at_ms : expires_at;
  e.payload.assign(value);
  store(c, mkey, e);
}

namespace {

void cmd_get(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  reply_value(c, e ? std::optional<std::string>{e->payload} : std::nullopt);
}

void cmd_set(command& c) {
  auto& a = c.args;
  bool nx = false, xx = false, get = false, keep_ttl = false;
  int64_t expires_at = 0;
  bool has_expiry = false;
  for (size_t i = 3; i < a.size(); ++i) {
    auto opt = resp::lower(a[i]);
    if (opt == "nx" && !xx)
      nx = true;
    else if (opt == "xx" && !nx)
      xx = true;
    else if (opt == "get")
      get = true;
    else if (opt == "keepttl" && !has_expiry)
      keep_ttl = true;
    else if ((opt == "ex" || opt == "px" || opt == "exat" || opt == "pxat") && !keep_ttl
             && !has_expiry && i + 1 < a.size()) {
      auto n = resp::parse_int(a[++i]);
      if (!n) {
        resp::error(c.out, not_integer);
        return;
      }
      bool seconds = opt == "ex" || opt == "exat";
      auto at = expiry_at(c.now, *n, seconds ? 1000 : 1, opt.size() == 4);
      if (*n <= 0 || !at) {
        resp::error(c.out, "ERR invalid expire time in '" + c.name + "' command");
        return;
      }
      has_expiry = true;
      expires_at = *at;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  if (!check_key(c, a[1], "key") || !check_value(c, a[2].size()))
    return;
  auto old = load(c, mkey_of(c, a[1]));
  if (c.failed)
    return;
  if (get && old && old->type != type_string) {
    resp::error(c.out, wrong_type);
    return;
  }
  bool write = !(nx && old) && !(xx && !old);
  if (write)
    put_string(c, a[1], old, a[2], keep_ttl, expires_at);
  if (get)
    reply_value(c, old ? std::optional<std::string>{old->payload} : std::nullopt);
  else if (write)
    resp::simple(c.out, "OK");
  else
    resp::null(c.out, c.resp3);
}

/// SETEX key seconds value / PSETEX key ms value.
void cmd_setex(command& c, int64_t unit_ms) {
  auto n = resp::parse_int(c.args[2]);
  if (!n) {
    resp::error(c.out, not_integer);
    return;
  }
  auto at = expiry_at(c.now, *n, unit_ms, false);
  if (*n <= 0 || !at) {
    resp::error(c.out, "ERR invalid expire time in '" + c.name + "' command");
    return;
  }
  if (!check_key(c, c.args[1], "key") || !check_value(c, c.args[3].size()))
    return;
  auto old = load(c, mkey_of(c, c.args[1]));
  if (c.failed)
    return;
  put_string(c, c.args[1], old, c.args[3], false, *at);
  resp::simple(c.out, "OK");
}

void cmd_setnx(command& c) {
  if (!check_key(c, c.args[1], "key") || !check_value(c, c.args[2].size()))
    return;
  auto old = load(c, mkey_of(c, c.args[1]));
  if (c.failed)
    return;
  if (!old)
    put_string(c, c.args[1], old, c.args[2], false, 0);
  resp::integer(c.out, old ? 0 : 1);
}

/// GETDEL and GETSET share the read; `replacement` is GETSET's new value.
void cmd_getdel(command& c, const std::string_view* replacement) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  if (replacement) {
    if (!check_key(c, c.args[1], "key") || !check_value(c, replacement->size()))
      return;
    put_string(c, c.args[1], e, *replacement, false, 0);
  } else if (e) {
    c.st.pipeline->remove(c.batch, column::kv, mkey_of(c, c.args[1]));
  }
  reply_value(c, e ? std::optional<std::string>{e->payload} : std::nullopt);
}

void cmd_mget(command& c) {
  resp::array(c.out, c.args.size() - 1);
  for (size_t i = 1; i < c.args.size(); ++i) {
    auto e = load(c, mkey_of(c, c.args[i]));
    if (c.failed)
      return;
    reply_value(c, e && e->type == type_string ? std::optional<std::string>{e->payload}
                                               : std::nullopt);
  }
}

/// MSET's and MSETNX's key/value pairs: false after replying what is wrong.
bool check_pairs(command& c) {
  if ((c.args.size() - 1) % 2 != 0) {
    wrong_arity(c);
    return false;
  }
  for (size_t i = 1; i + 1 < c.args.size(); i += 2)
    if (!check_key(c, c.args[i], "key") || !check_value(c, c.args[i + 1].size()))
      return false;
  return true;
}

void cmd_mset(command& c) {
  if (!check_pairs(c))
    return;
  for (size_t i = 1; i + 1 < c.args.size(); i += 2) {
    auto old = load(c, mkey_of(c, c.args[i]));
    if (c.failed)
      return;
    put_string(c, c.args[i], old, c.args[i + 1], false, 0);
  }
  resp::simple(c.out, "OK");
}

void cmd_incrby(command& c, std::optional<int64_t> delta) {
  if (!delta) {
    resp::error(c.out, not_integer);
    return;
  }
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  int64_t current = 0;
  if (e) {
    auto n = resp::parse_int(e->payload);
    if (!n) {
      resp::error(c.out, not_integer);
      return;
    }
    current = *n;
  }
  auto result = checked_add(c, current, *delta);
  if (!result || !check_key(c, c.args[1], "key"))
    return;
  put_string(c, c.args[1], e, std::to_string(*result), true, 0);
  resp::integer(c.out, *result);
}

/// Redis's string2ld: the whole text, no leading space, not NaN.
std::optional<long double> parse_long_double(std::string_view text) {
  if (text.empty() || text.size() > 5000 || std::isspace(static_cast<unsigned char>(text[0])))
    return std::nullopt;
  std::string copy{text};
  char* end = nullptr;
  long double v = std::strtold(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || std::isnan(v))
    return std::nullopt;
  return v;
}

/// current + delta as Redis's INCRBYFLOAT prints it (17 decimals, trailing
/// zeros dropped); nullopt after replying that it is NaN or infinite.
std::optional<std::string> add_long_doubles(command& c, long double current, long double delta) {
  long double result = current + delta;
  if (std::isnan(result) || std::isinf(result)) {
    resp::error(c.out, "ERR increment would produce NaN or Infinity");
    return std::nullopt;
  }
  char digits[5100];
  int n = std::snprintf(digits, sizeof digits, "%.17Lf", result);
  std::string text{digits, static_cast<size_t>(std::max(n, 0))};
  if (text.find('.') != std::string::npos) {
    while (!text.empty() && text.back() == '0')
      text.pop_back();
    if (!text.empty() && text.back() == '.')
      text.pop_back();
  }
  if (text == "-0")
    text = "0";
  return text;
}

/// INCRBYFLOAT key increment.
void cmd_incrbyfloat(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  auto current = e ? parse_long_double(e->payload) : std::optional<long double>{0};
  auto delta = parse_long_double(c.args[2]);
  if (!current || !delta) {
    resp::error(c.out, "ERR value is not a valid float");
    return;
  }
  auto text = add_long_doubles(c, *current, *delta);
  if (!text || !check_key(c, c.args[1], "key"))
    return;
  put_string(c, c.args[1], e, *text, true, 0);
  resp::bulk(c.out, *text);
}

/// GETRANGE / SUBSTR key start end.
void cmd_getrange(command& c) {
  auto start = resp::parse_int(c.args[2]);
  auto end = start ? resp::parse_int(c.args[3]) : std::nullopt;
  if (!end) {
    resp::error(c.out, not_integer);
    return;
  }
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  auto len = static_cast<int64_t>(e ? e->payload.size() : 0);
  int64_t from = *start, to = *end;
  if (from < 0 && to < 0 && from > to) {
    resp::bulk(c.out, "");
    return;
  }
  if (from < 0)
    from = std::max<int64_t>(len + from, 0);
  if (to < 0)
    to = std::max<int64_t>(len + to, 0);
  if (to >= len)
    to = len - 1;
  if (from > to || len == 0)
    resp::bulk(c.out, "");
  else
    resp::bulk(c.out, std::string_view{e->payload}.substr(static_cast<size_t>(from),
                                                          static_cast<size_t>(to - from + 1)));
}

/// SETRANGE key offset value.
void cmd_setrange(command& c) {
  auto offset = resp::parse_int(c.args[2]);
  if (!offset) {
    resp::error(c.out, not_integer);
    return;
  }
  if (*offset < 0) {
    resp::error(c.out, "ERR offset is out of range");
    return;
  }
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  auto value = c.args[3];
  if (value.empty()) {
    resp::integer(c.out, e ? static_cast<int64_t>(e->payload.size()) : 0);
    return;
  }
  auto at = static_cast<uint64_t>(*offset);  // < 2^63: at + size cannot wrap
  if (!check_value(c, at + value.size()) || !check_key(c, c.args[1], "key"))
    return;
  std::string text = e ? e->payload : std::string{};
  if (text.size() < at + value.size())
    text.resize(at + value.size(), '\0');
  text.replace(at, value.size(), value);
  put_string(c, c.args[1], e, text, true, 0);
  resp::integer(c.out, static_cast<int64_t>(text.size()));
}

/// MSETNX key value [key value ...]: all or nothing, keys of one partition.
void cmd_msetnx(command& c) {
  if (!check_pairs(c))
    return;
  for (size_t i = 1; i < c.args.size(); i += 2) {
    bool exists = load(c, mkey_of(c, c.args[i])).has_value();
    if (c.failed)
      return;
    if (exists) {
      resp::integer(c.out, 0);
      return;
    }
  }
  for (size_t i = 1; i + 1 < c.args.size(); i += 2)
    put_string(c, c.args[i], std::nullopt, c.args[i + 1], false, 0);
  resp::integer(c.out, 1);
}

/// GETEX key [EX s | PX ms | EXAT s | PXAT ms | PERSIST].
void cmd_getex(command& c) {
  std::optional<int64_t> expires_at;  // 0: persist
  for (size_t i = 2; i < c.args.size(); ++i) {
    auto opt = resp::lower(c.args[i]);
    if (opt == "persist" && !expires_at) {
      expires_at = 0;
    } else if ((opt == "ex" || opt == "px" || opt == "exat" || opt == "pxat") && !expires_at
               && i + 1 < c.args.size()) {
      auto n = resp::parse_int(c.args[++i]);
      if (!n) {
        resp::error(c.out, not_integer);
        return;
      }
      auto at = expiry_at(c.now, *n, opt == "ex" || opt == "exat" ? 1000 : 1, opt.size() == 4);
      if (*n <= 0 || !at) {
        resp::error(c.out, "ERR invalid expire time in 'getex' command");
        return;
      }
      expires_at = *at;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  if (e && expires_at) {
    auto mkey = mkey_of(c, c.args[1]);
    if (*expires_at != 0 && *expires_at <= c.now)
      c.st.pipeline->remove(c.batch, column::kv, mkey);
    else if (*expires_at != 0 || e->header.expires_at_ms != 0)
      set_expiry(c, mkey, *e, *expires_at);
  }
  reply_value(c, e ? std::optional<std::string>{e->payload} : std::nullopt);
}

/// Gives `to` the element records of the collection at `from` (moving them
/// when `move`), after deleting any `to` still has (an expired collection's).
void copy_elements(command& c, std::string_view from, std::string_view to, bool move) {
  auto prefix = storage::kv_field_prefix(c.st.partition, from);
  auto target = storage::kv_field_prefix(c.st.partition, to);
  for (auto& [fkey, value] : fields_of(c, target))
    remove_field(c, fkey);
  for (auto& [fkey, value] : fields_of(c, prefix)) {
    store_field(c, target + fkey.substr(prefix.size()), value);
    if (move)
      remove_field(c, fkey);
  }
}

/// COPY source destination [DB 0] [REPLACE]: both in one partition; a
/// collection's elements are copied, O(n).
void cmd_copy(command& c) {
  bool replace = false;
  for (size_t i = 3; i < c.args.size(); ++i) {
    auto opt = resp::lower(c.args[i]);
    if (opt == "replace") {
      replace = true;
    } else if (opt == "db" && i + 1 < c.args.size()) {
      auto db = resp::parse_int(c.args[++i]);
      if (!db) {
        resp::error(c.out, not_integer);
        return;
      }
      if (*db != 0) {
        resp::error(c.out, "ERR DB index is out of range");
        return;
      }
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  if (c.args[1] == c.args[2]) {
    resp::error(c.out, "ERR source and destination objects are the same");
    return;
  }
  auto e = load(c, mkey_of(c, c.args[1]));
  auto to = mkey_of(c, c.args[2]);
  auto old = c.failed ? std::nullopt : load(c, to);
  if (c.failed)
    return;
  if (!e || (old && !replace)) {
    resp::integer(c.out, 0);
    return;
  }
  if (!check_key(c, c.args[2], "key"))
    return;
  if (old)
    remove_key(c, c.args[2], to, *old);
  if (e->type != type_string)
    copy_elements(c, c.args[1], c.args[2], false);
  auto copy = *e;
  copy.header.created_at_ms = c.now;
  copy.header.updated_at_ms = c.now;
  store(c, to, copy);
  resp::integer(c.out, 1);
}

/// RENAME / RENAMENX key newkey: the key record and every element record
/// move (O(n) in the elements, as Redis's is O(1) but DEL of the old value
/// at newkey is O(n) too); both keys in one partition.
void cmd_rename(command& c, bool only_new) {
  auto from = mkey_of(c, c.args[1]);
  auto e = load(c, from);
  if (c.failed)
    return;
  if (!e) {
    resp::error(c.out, "ERR no such key");
    return;
  }
  if (!check_key(c, c.args[2], "key"))
    return;
  auto to = mkey_of(c, c.args[2]);
  if (from == to) {
    only_new ? resp::integer(c.out, 0) : resp::simple(c.out, "OK");
    return;
  }
  auto old = load(c, to);
  if (c.failed)
    return;
  if (old && only_new) {
    resp::integer(c.out, 0);
    return;
  }
  if (old)
    remove_key(c, c.args[2], to, *old);
  if (e->type != type_string)
    copy_elements(c, c.args[1], c.args[2], true);
  c.st.pipeline->remove(c.batch, column::kv, from);
  store(c, to, *e);
  only_new ? resp::integer(c.out, 1) : resp::simple(c.out, "OK");
}

void cmd_decrby(command& c) {
  auto n = resp::parse_int(c.args[2]);
  if (n && *n == std::numeric_limits<int64_t>::min()) {
    resp::error(c.out, "ERR decrement would overflow");
    return;
  }
  cmd_incrby(c, n ? std::optional<int64_t>{-*n} : std::nullopt);
}

void cmd_append(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  std::string value = e ? e->payload : std::string{};
  if (!check_key(c, c.args[1], "key") || !check_value(c, value.size() + c.args[2].size()))
    return;
  value.append(c.args[2]);
  put_string(c, c.args[1], e, value, true, 0);
  resp::integer(c.out, static_cast<int64_t>(value.size()));
}

void cmd_strlen(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  resp::integer(c.out, e ? static_cast<int64_t>(e->payload.size()) : 0);
}

// -- keys ---------------------------------------------------------------------

void cmd_del(command& c) {
  int64_t removed = 0;
  for (size_t i = 1; i < c.args.size(); ++i) {
    auto mkey = mkey_of(c, c.args[i]);
    auto e = load(c, mkey);
    if (c.failed)
      return;
    if (e) {
      remove_key(c, c.args[i], mkey, *e);
      ++removed;
    }
  }
  resp::integer(c.out, removed);
}

void cmd_exists(command& c) {
  int64_t found = 0;
  for (size_t i = 1; i < c.args.size(); ++i) {
    if (load(c, mkey_of(c, c.args[i])))
      ++found;
    if (c.failed)
      return;
  }
  resp::integer(c.out, found);
}

/// EXPIRE / PEXPIRE / EXPIREAT / PEXPIREAT key n [NX|XX|GT|LT].
void cmd_expire(command& c, int64_t unit_ms, bool absolute) {
  bool nx = false, xx = false, gt = false, lt = false;
  for (size_t i = 3; i < c.args.size(); ++i) {
    auto opt = resp::lower(c.args[i]);
    if (opt == "nx")
      nx = true;
    else if (opt == "xx")
      xx = true;
    else if (opt == "gt")
      gt = true;
    else if (opt == "lt")
      lt = true;
    else {
      resp::error(c.out, "ERR Unsupported option " + std::string{c.args[i]});
      return;
    }
  }
  if (nx && (xx || gt || lt)) {
    resp::error(c.out, "ERR NX and XX, GT or LT options at the same time are not compatible");
    return;
  }
  if (gt && lt) {
    resp::error(c.out, "ERR GT and LT options at the same time are not compatible");
    return;
  }
  auto n = resp::parse_int(c.args[2]);
  if (!n) {
    resp::error(c.out, not_integer);
    return;
  }
  auto at = expiry_at(c.now, *n, unit_ms, absolute);
  if (!at) {
    resp::error(c.out, "ERR invalid expire time in '" + c.name + "' command");
    return;
  }
  auto mkey = mkey_of(c, c.args[1]);
  auto e = load(c, mkey);
  if (c.failed)
    return;
  if (!e) {
    resp::integer(c.out, 0);
    return;
  }
  auto current = e->header.expires_at_ms;  // 0: none, i.e. infinite
  bool ok = !(nx && current != 0) && !(xx && current == 0)
            && !(gt && (current == 0 || *at <= current)) && !(lt && current != 0 && *at >= current);
  if (ok) {
    if (*at <= c.now)
      remove_key(c, c.args[1], mkey, *e);
    else
      set_expiry(c, mkey, *e, *at);
  }
  resp::integer(c.out, ok ? 1 : 0);
}

/// TTL / PTTL (what is left) and EXPIRETIME / PEXPIRETIME (when, as a Unix
/// time): -2 without the key, -1 without an expiry.
void cmd_ttl(command& c, bool ms, bool absolute) {
  auto e = load(c, mkey_of(c, c.args[1]));
  if (c.failed)
    return;
  if (!e) {
    resp::integer(c.out, -2);
    return;
  }
  auto at = e->header.expires_at_ms;
  if (at == 0)
    resp::integer(c.out, -1);
  else if (absolute)
    resp::integer(c.out, ms ? at : at / 1000);
  else
    resp::integer(c.out, ms ? at - c.now : (at - c.now + 500) / 1000);
}

void cmd_persist(command& c) {
  auto mkey = mkey_of(c, c.args[1]);
  auto e = load(c, mkey);
  if (c.failed)
    return;
  bool had = e && e->header.expires_at_ms != 0;
  if (had)
    set_expiry(c, mkey, *e, 0);
  resp::integer(c.out, had ? 1 : 0);
}

void cmd_type(command& c) {
  auto e = load(c, mkey_of(c, c.args[1]));
  if (c.failed)
    return;
  resp::simple(c.out, e ? type_name(e->type) : "none");
}

// -- hashes -------------------------------------------------------------------

/// HSET / HMSET / HSETNX: sets field/value pairs, returns how many fields
/// are new (-1 after an error reply).
int64_t set_fields(command& c, bool only_new) {
  auto& a = c.args;
  if (a.size() < 4 || (a.size() - 2) % 2 != 0) {
    wrong_arity(c);
    return -1;
  }
  if (!check_key(c, a[1], "key"))
    return -1;
  for (size_t i = 2; i + 1 < a.size(); i += 2)
    if (!check_key(c, a[i], "field") || !check_value(c, a[i + 1].size()))
      return -1;
  std::optional<entry> e;
  if (!load_typed(c, a[1], type_hash, e))
    return -1;
  auto hash = e ? *e : create_collection(c, a[1], type_hash);
  auto count = field_count(hash);
  int64_t added = 0;
  for (size_t i = 2; i + 1 < a.size(); i += 2) {
    auto fkey = fkey_of(c, a[1], a[i]);
    bool exists = load_field(c, fkey).has_value();
    if (c.failed)
      return -1;
    if (exists && only_new)
      continue;
    if (!exists) {
      ++added;
      ++count;
    }
    store_field(c, fkey, a[i + 1]);
  }
  if (added > 0 || !e) {
    set_field_count(hash, count);
    hash.header.updated_at_ms = c.now;
    store(c, mkey_of(c, a[1]), hash);
  }
  return added;
}

void cmd_hset(command& c) {
  auto added = set_fields(c, false);
  if (added >= 0)
    resp::integer(c.out, added);
}

void cmd_hmset(command& c) {
  if (set_fields(c, false) >= 0)
    resp::simple(c.out, "OK");
}

void cmd_hsetnx(command& c) {
  auto added = set_fields(c, true);
  if (added >= 0)
    resp::integer(c.out, added);
}

void cmd_hget(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  reply_value(c, e ? load_field(c, fkey_of(c, c.args[1], c.args[2])) : std::nullopt);
}

void cmd_hmget(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  resp::array(c.out, c.args.size() - 2);
  for (size_t i = 2; i < c.args.size(); ++i)
    reply_value(c, e ? load_field(c, fkey_of(c, c.args[1], c.args[i])) : std::nullopt);
}

void cmd_hexists(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  bool found = e && load_field(c, fkey_of(c, c.args[1], c.args[2]));
  resp::integer(c.out, found ? 1 : 0);
}

void cmd_hlen(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  resp::integer(c.out, e ? static_cast<int64_t>(field_count(*e)) : 0);
}

enum class hash_part { keys, values, both };

void cmd_hgetall(command& c, hash_part part) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  std::map<std::string, std::string> fields;
  if (e)
    fields = fields_of(c, storage::kv_field_prefix(c.st.partition, c.args[1]));
  if (c.failed)
    return;
  if (part == hash_part::both)
    resp::map(c.out, fields.size(), c.resp3);
  else
    resp::array(c.out, fields.size());
  auto prefix_size = storage::kv_field_prefix(c.st.partition, c.args[1]).size();
  for (auto& [fkey, value] : fields) {
    if (part != hash_part::values)
      resp::bulk(c.out, storage::decode_kv_field(fkey, prefix_size).value_or(""));
    if (part != hash_part::keys)
      resp::bulk(c.out, value);
  }
}

void cmd_hdel(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  if (!e) {
    resp::integer(c.out, 0);
    return;
  }
  auto count = field_count(*e);
  int64_t removed = 0;
  for (size_t i = 2; i < c.args.size(); ++i) {
    auto fkey = fkey_of(c, c.args[1], c.args[i]);
    if (load_field(c, fkey)) {
      c.st.pipeline->remove(c.batch, column::kv, fkey);
      ++removed;
      --count;
    }
    if (c.failed)
      return;
  }
  auto mkey = mkey_of(c, c.args[1]);
  if (count == 0) {
    c.st.pipeline->remove(c.batch, column::kv, mkey);
  } else if (removed > 0) {
    set_field_count(*e, count);
    store(c, mkey, *e);
  }
  resp::integer(c.out, removed);
}

void cmd_hincrby(command& c) {
  auto delta = resp::parse_int(c.args[3]);
  if (!delta) {
    resp::error(c.out, not_integer);
    return;
  }
  if (!check_key(c, c.args[1], "key") || !check_key(c, c.args[2], "field"))
    return;
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  auto hash = e ? *e : create_collection(c, c.args[1], type_hash);
  auto fkey = fkey_of(c, c.args[1], c.args[2]);
  auto old = e ? load_field(c, fkey) : std::nullopt;
  int64_t current = 0;
  if (old) {
    auto n = resp::parse_int(*old);
    if (!n) {
      resp::error(c.out, "ERR hash value is not an integer");
      return;
    }
    current = *n;
  }
  auto result = checked_add(c, current, *delta);
  if (!result)
    return;
  store_field(c, fkey, std::to_string(*result));
  if (!old) {
    set_field_count(hash, field_count(hash) + 1);
    store(c, mkey_of(c, c.args[1]), hash);
  }
  resp::integer(c.out, *result);
}

void cmd_hstrlen(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  auto v = e ? load_field(c, fkey_of(c, c.args[1], c.args[2])) : std::nullopt;
  resp::integer(c.out, v ? static_cast<int64_t>(v->size()) : 0);
}

/// HINCRBYFLOAT key field increment.
void cmd_hincrbyfloat(command& c) {
  auto delta = parse_long_double(c.args[3]);
  if (!delta) {
    resp::error(c.out, "ERR value is not a valid float");
    return;
  }
  if (std::isinf(*delta)) {  // as Redis's HINCRBYFLOAT refuses it, before the key
    resp::error(c.out, "ERR value is NaN or Infinity");
    return;
  }
  if (!check_key(c, c.args[1], "key") || !check_key(c, c.args[2], "field"))
    return;
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  auto fkey = fkey_of(c, c.args[1], c.args[2]);
  auto old = e ? load_field(c, fkey) : std::nullopt;
  auto current = old ? parse_long_double(*old) : std::optional<long double>{0};
  if (!current) {
    resp::error(c.out, "ERR hash value is not a float");
    return;
  }
  auto text = add_long_doubles(c, *current, *delta);
  if (!text)
    return;
  auto hash = e ? *e : create_collection(c, c.args[1], type_hash);
  store_field(c, fkey, *text);
  if (!old)
    save_collection(c, mkey_of(c, c.args[1]), hash, field_count(hash) + 1);
  resp::bulk(c.out, *text);
}

// -- introspection --------------------------------------------------------------

/// OBJECT ENCODING | FREQ | IDLETIME | REFCOUNT key, OBJECT HELP. The
/// encoding names what Troupe really keeps: a string's bytes ("raw", or
/// "int" for a canonical integer, as Redis reports either), and for a
/// collection one record per element, which Redis calls its large-size
/// encodings (hashtable, quicklist, skiplist), never listpack or intset.
void cmd_object(command& c) {
  auto sub = resp::lower(c.args[1]);
  if (sub == "help" && c.args.size() == 2) {
    resp::help(c.out, "OBJECT",
               {"ENCODING <key>",
                "    Return the kind of internal representation used in order to store the value "
                "associated with a <key>.",
                "FREQ <key>",
                "    Return the access frequency index of the <key>. The returned integer is "
                "proportional to the logarithm of the recent access frequency of the key.",
                "IDLETIME <key>",
                "    Return the idle time of the <key>, that is the approximated number of seconds "
                "elapsed since the last access to the key.",
                "REFCOUNT <key>",
                "    Return the number of references of the value associated with the specified "
                "<key>."});
    return;
  }
  if (c.args.size() != 3 || (sub != "encoding" && sub != "freq" && sub != "idletime"
                             && sub != "refcount")) {
    resp::error(c.out, "ERR unknown subcommand or wrong number of arguments for '"
                         + std::string{c.args[1]} + "'. Try OBJECT HELP.");
    return;
  }
  auto e = load(c, mkey_of(c, c.args[2]));
  if (c.failed)
    return;
  if (!e) {
    resp::null(c.out, c.resp3);
    return;
  }
  if (sub == "refcount") {
    resp::integer(c.out, 1);
  } else if (sub == "freq") {
    resp::error(c.out, "ERR An LFU maxmemory policy is not selected, access frequency not "
                       "tracked. Please note that when switching between policies at runtime "
                       "LRU and LFU data will take some time to adjust.");
  } else if (sub == "idletime") {
    resp::error(c.out, "ERR OBJECT IDLETIME is not supported: access times are not tracked");
  } else if (e->type == type_string) {
    auto n = e->payload.size() <= 20 ? resp::parse_int(e->payload) : std::nullopt;
    resp::bulk(c.out, n ? "int" : "raw");
  } else {
    resp::bulk(c.out, e->type == type_list     ? "quicklist"
                      : e->type == type_zset   ? "skiplist"
                      : e->type == type_stream ? "stream"
                                               : "hashtable");
  }
}

/// MEMORY USAGE key [SAMPLES n] | HELP: the bytes the key's records take in
/// storage, keys and values as stored, every element counted (SAMPLES is
/// accepted and not needed).
void cmd_memory(command& c) {
  auto sub = resp::lower(c.args[1]);
  auto n = c.args.size();
  if (sub == "help" && n == 2) {
    resp::help(c.out, "MEMORY",
               {"USAGE <key> [SAMPLES <count>]",
                "    Return memory in bytes used by <key> and its value."});
    return;
  }
  if (sub != "usage" && sub != "help") {
    resp::error(c.out, "ERR unknown subcommand '" + std::string{c.args[1].substr(0, 128)}
                         + "'. Try MEMORY HELP.");
    return;
  }
  if (sub == "help" || n < 3) {
    resp::error(c.out, "ERR wrong number of arguments for 'memory|" + sub + "' command");
    return;
  }
  if (n != 3 && (n != 5 || resp::lower(c.args[3]) != "samples")) {
    resp::error(c.out, syntax_error);
    return;
  }
  if (n == 5 && !resp::parse_int(c.args[4])) {
    resp::error(c.out, not_integer);
    return;
  }
  auto mkey = mkey_of(c, c.args[2]);
  auto e = load(c, mkey);
  if (!e) {
    resp::null(c.out, c.resp3);
    return;
  }
  uint64_t bytes = mkey.size() + load_raw(c, mkey).value_or("").size();
  if (e->type != type_string)
    each_field(c, storage::kv_field_prefix(c.st.partition, c.args[2]), {}, false,
               [&](std::string_view k, std::string_view v) {
                 bytes += k.size() + v.size();
                 return true;
               });
  resp::integer(c.out, static_cast<int64_t>(bytes));
}

// -- dispatch -----------------------------------------------------------------

const handler_table& handlers() {
  static const handler_table table = [] {
    handler_table table{
      {"get", cmd_get},
      {"set", cmd_set},
      {"setex", [](command& c) { cmd_setex(c, 1000); }},
      {"psetex", [](command& c) { cmd_setex(c, 1); }},
      {"setnx", cmd_setnx},
      {"getdel", [](command& c) { cmd_getdel(c, nullptr); }},
      {"getset", [](command& c) { cmd_getdel(c, &c.args[2]); }},
      {"mget", cmd_mget},
      {"mset", cmd_mset},
      {"incr", [](command& c) { cmd_incrby(c, 1); }},
      {"decr", [](command& c) { cmd_incrby(c, -1); }},
      {"incrby", [](command& c) { cmd_incrby(c, resp::parse_int(c.args[2])); }},
      {"decrby", cmd_decrby},
      {"append", cmd_append},
      {"strlen", cmd_strlen},
      {"del", cmd_del},
      {"unlink", cmd_del},
      {"exists", cmd_exists},
      {"expire", [](command& c) { cmd_expire(c, 1000, false); }},
      {"pexpire", [](command& c) { cmd_expire(c, 1, false); }},
      {"expireat", [](command& c) { cmd_expire(c, 1000, true); }},
      {"pexpireat", [](command& c) { cmd_expire(c, 1, true); }},
      {"ttl", [](command& c) { cmd_ttl(c, false, false); }},
      {"pttl", [](command& c) { cmd_ttl(c, true, false); }},
      {"persist", cmd_persist},
      {"type", cmd_type},
      {"memory", cmd_memory},
      {"hset", cmd_hset},
      {"hmset", cmd_hmset},
      {"hsetnx", cmd_hsetnx},
      {"hget", cmd_hget},
      {"hmget", cmd_hmget},
      {"hexists", cmd_hexists},
      {"hlen", cmd_hlen},
      {"hgetall", [](command& c) { cmd_hgetall(c, hash_part::both); }},
      {"hkeys", [](command& c) { cmd_hgetall(c, hash_part::keys); }},
      {"hvals", [](command& c) { cmd_hgetall(c, hash_part::values); }},
      {"hdel", cmd_hdel},
      {"hincrby", cmd_hincrby},
      {"object", cmd_object},
      {"incrbyfloat", cmd_incrbyfloat},
      {"getrange", cmd_getrange},
      {"substr", cmd_getrange},
      {"setrange", cmd_setrange},
      {"msetnx", cmd_msetnx},
      {"getex", cmd_getex},
      {"expiretime", [](command& c) { cmd_ttl(c, false, true); }},
      {"pexpiretime", [](command& c) { cmd_ttl(c, true, true); }},
      {"copy", cmd_copy},
      {"touch", cmd_exists},
      {"hstrlen", cmd_hstrlen},
      {"hincrbyfloat", cmd_hincrbyfloat},
      {"rename", [](command& c) { cmd_rename(c, false); }},
      {"renamenx", [](command& c) { cmd_rename(c, true); }},
    };
    add_collection_handlers(table);
    add_stream_handlers(table);
    add_bit_handlers(table);
    add_dump_handlers(table);
    return table;
  }();
  return table;
}

uint64_t& version_of(kv_state& st, std::string_view key) {
  return st.versions[std::hash<std::string_view>{}(key) % st.versions.size()];
}

} // namespace

void touch_key(kv_state& st, const std::string& key) {
  version_of(st, key) = ++st.version_clock;
  if (!st.blocked.empty())
    st.written.push_back(key);
}


namespace {

/// Runs `c` by its handler; the keys whose records it changed (as its
/// writes say: a no-op such as SMOVE of a member the destination has
/// touches only the source) move their versions and wake their waiters.
void dispatch(command& c) {
  auto& table = handlers();
  auto it = table.find(c.name);
  if (it == table.end() || c.args.size() < 2) {
    resp::error(c.out, "ERR unknown command '" + c.name + "' for the keyspace");
    return;
  }
  auto* events = c.st.limits.events;
  bool announcing = events != nullptr && events->classes.load(std::memory_order_relaxed) != 0;
  auto absent = announcing && events->wants(event_class::new_key) ? absent_keys(c)
                                                                  : std::vector<std::string>{};
  auto before = c.batch.count();
  it->second(c);
  if (c.failed)
    return;
  auto& ops = c.batch.ops();
  if (ops.size() > before && c.st.limits.changes != nullptr)
    c.st.limits.changes->fetch_add(1, std::memory_order_relaxed);
  // The Redis key a record belongs to (its key record's or an element's).
  auto owner_of = [](const std::optional<storage::kv_key_parts>& key, const std::string& record) {
    return key ? std::optional<std::string>{key->key} : storage::decode_kv_field_owner(record);
  };
  if (!announcing) {
    std::string last;
    for (size_t i = before; i < ops.size(); ++i) {
      auto owner = owner_of(storage::decode_kv_key(ops[i].key), ops[i].key);
      if (owner && *owner != last) {
        touch_key(c.st, *owner);
        last = std::move(*owner);
      }
    }
    return;
  }
  // Each key written, in the order first written, and what became of its
  // key record.
  std::vector<written_key> written;
  std::unordered_map<std::string, size_t> index;
  for (size_t i = before; i < ops.size(); ++i) {
    auto key = storage::decode_kv_key(ops[i].key);
    auto owner = owner_of(key, ops[i].key);
    if (!owner)
      continue;
    auto [at, added] = index.try_emplace(*owner, written.size());
    if (added) {
      touch_key(c.st, *owner);
      written.push_back({std::move(*owner), std::nullopt});
    }
    auto& w = written[at->second];
    if (!key)
      continue;
    w.removed = ops[i].what == storage::write_batch::kind::remove;
    if (ops[i].what == storage::write_batch::kind::put && events->wants(event_class::expired))
      remember_expiry(c.st, w.key, ops[i].value);
  }
  announce(c, written, absent);
}

} // namespace

void expire_due(kv_state& st, int64_t now, size_t limit, storage::write_batch& batch) {
  std::vector<std::string_view> no_args;
  std::string name = "expire";
  command c{st, no_args, name, false, now, batch};
  for (size_t n = 0; n < limit && !st.expiring.empty() && st.expiring.begin()->first <= now;
       ++n) {
    auto key = std::move(st.expiring.begin()->second);
    st.expiring.erase(st.expiring.begin());
    auto mkey = mkey_of(c, key);
    auto raw = load_raw(c, mkey);
    if (c.failed)
      return;
    storage::record_header h;
    std::string_view value;
    if (!raw || !storage::decode_record(*raw, h, value) || !h.expired(now))
      continue;  // gone, or given a later expiry (remembered again then)
    // The key record only: a collection's elements are then orphans, which
    // the sweep deletes.
    st.pipeline->remove(batch, column::kv, mkey);
    touch_key(st, key);
    notify(st, event_class::expired, "expired", key);
  }
}

std::string run_nested(command& c, const std::vector<std::string_view>& args) {
  std::string name{args[0]};
  command nested{c.st, args, name, false, c.now, c.batch};
  nested.in_script = c.in_script;
  auto announced = c.st.events.size();
  dispatch(nested);
  c.st.events.resize(announced);  // the outer command announces what it did
  if (nested.failed) {
    c.failed = true;
    c.out = nested.out;
  }
  return std::move(nested.out);
}

namespace {

/// What may refuse a script's call besides the command itself, in the
/// order Redis checks it.
struct call_limits {
  const protocol::acl_user* user = nullptr;  ///< the caller's, when restricted
  std::string_view client_info;              ///< with `user`: the caller's CLIENT LIST line
  bool read_only = false;    ///< no-writes, EVAL_RO, FCALL_RO
  bool no_replicas = false;  ///< writes refused (min-replicas-to-write)
  bool oom = false;          ///< over maxmemory when the script started
  bool wrote = false;        ///< a write ran: OOM no longer stops the script midway
};

/// Why a script may not run `args` (`spec` its command, null when none
/// has that name) here; empty when it may. `stray` gets the first key of
/// another partition, when that is why.
std::string refusal(const kv_state& st, const std::vector<std::string_view>& args,
                    const protocol::resp_command* spec, const call_limits& limits,
                    std::string& stray) {
  using protocol::resp_route;
  if (spec == nullptr)
    return "ERR Unknown Redis command called from script";
  if (spec->route == resp_route::session || spec->route == resp_route::keyspace
      || protocol::has_flag(*spec, "noscript"))
    return "ERR This Redis command is not allowed from script";
  if (!arity_ok(*spec, args.size()))
    return "ERR Wrong number of args calling Redis command from script";
  if (limits.user != nullptr) {
    size_t at = 0;
    if (auto why = limits.user->check(*spec, args, &at); why != protocol::acl_verdict::allowed) {
      if (st.limits.acl != nullptr)
        st.limits.acl->log().add(
          {protocol::log_reason(why), protocol::acl_log_context::lua,
           why == protocol::acl_verdict::command ? protocol::acl_command_name(*spec, args)
                                                 : std::string{args[at]},
           limits.user->name(), std::string{limits.client_info}},
          storage::system_now_ms());
      return protocol::acl_script_refusal(why);
    }
  }
  bool write = protocol::has_flag(*spec, "write");
  if (limits.read_only && write)
    return "ERR Write commands are not allowed from read-only scripts.";
  if (limits.no_replicas && write)
    return "NOREPLICAS Not enough good replicas to write.";
  if (limits.oom && !limits.wrote && protocol::has_flag(*spec, "denyoom"))
    return "OOM command not allowed when used memory > 'maxmemory'.";
  if (!st.limits.partition_of_key)
    return {};
  for (auto i : protocol::key_positions(*spec, args))
    if (st.limits.partition_of_key(args[i]) != st.partition) {
      stray = args[i];
      return "ERR Script attempted to access a non local key in a cluster node";
    }
  return {};
}

} // namespace

kv_state::kv_state() = default;
kv_state::~kv_state() = default;

namespace {

/// Runs one script on `batch` at `now` and returns its reply; `abort` when
/// it was killed, storage failed or it moves: `batch` must then be dropped,
/// and the reply says why. A script that declared no keys and may move
/// (`move_to` given) and whose first key is another partition's stops
/// there, with that key in `move_to`.
std::string eval_script(kv_state& st, const v1::KvEval& req, int64_t now,
                        storage::write_batch& batch, bool& abort,
                        std::string* move_to = nullptr) {
  std::string out;
  if (st.limits.scripts == nullptr) {
    resp::error(out, "ERR scripting is not enabled on this node");
    return out;
  }
  if (!st.scripts)
    st.scripts = std::make_unique<script_vm>(st.limits.scripts, st.limits.script_memory_bytes);
  auto flags = req.function_name().empty() ? script_flags(req.body()) : std::nullopt;
  // The caller's user, when it is not allowed everything.
  auto user = req.acl_user().empty() || st.limits.acl == nullptr
                ? nullptr
                : st.limits.acl->find(req.acl_user());
  call_limits limits;
  limits.user = user.get();
  limits.client_info = req.acl_client_info();
  limits.read_only = req.read_only() || (flags && has_script_flag(*flags, "no-writes"));
  limits.no_replicas = req.no_replicas();
  limits.oom = req.oom();
  std::string storage_failure;
  bool touched_keys = false;
  script_host host;
  host.call = [&](const std::vector<std::string_view>& args, bool resp3) -> std::string {
    std::string reply;
    if (!storage_failure.empty())
      return storage_failure;
    auto name = resp::lower(args[0]);
    if (name == "ping" && args.size() <= 2) {
      args.size() == 1 ? resp::simple(reply, "PONG") : resp::bulk(reply, args[1]);
      return reply;
    }
    std::string stray;
    auto* spec = protocol::find_resp_command(name);
    if (auto why = refusal(st, args, spec, limits, stray); !why.empty()) {
      resp::error(reply, why);
      if (!stray.empty() && !touched_keys && move_to != nullptr && req.keys().empty()) {
        *move_to = std::move(stray);
        storage_failure = reply;  // ends the run: every later call fails too
      }
      return reply;
    }
    if (move_to != nullptr && !touched_keys && req.keys().empty())  // it may still move
      touched_keys = !protocol::key_positions(*spec, args).empty();
    command c{st, args, name, resp3, now, batch};
    c.in_script = true;
    dispatch(c);
    if (c.failed)
      storage_failure = c.out;
    if (limits.oom && !limits.wrote)  // only OOM asks whether it wrote
      limits.wrote = protocol::has_flag(*spec, "write");
    return std::move(c.out);
  };
  std::vector<std::string_view> keys(req.keys().begin(), req.keys().end());
  std::vector<std::string_view> argv(req.args().begin(), req.args().end());
  host.acl_check = [&](const std::vector<std::string_view>& args) -> std::optional<bool> {
    auto* spec = protocol::find_resp_command(resp::lower(args[0]));
    if (spec == nullptr)
      return std::nullopt;
    return !user || user->check(*spec, args) == protocol::acl_verdict::allowed;
  };
  auto end = st.scripts->run(req.sha(), req.body(), req.function_name(), keys, argv, req.resp3(),
                             host, out);
  abort = end == script_end::killed || !storage_failure.empty();
  if (!storage_failure.empty())
    out = storage_failure;
  return out;
}

/// Drops what a failed request staged.
void drop_batch(kv_state& st, storage::write_batch& batch) {
  st.pipeline->drop_next();
  st.zset_ends.clear();
  st.events.clear();
  batch = {};
}

} // namespace

std::vector<std::string> run_command(kv_state& st, const v1::KvCommand& req,
                                     v1::Response& resp, storage::write_batch& batch) {
  std::vector<std::string_view> args(req.args().begin(), req.args().end());
  std::string name = args.empty() ? std::string{} : resp::lower(args[0]);
  command c{st, args, name, req.resp3(), st.db->now_ms(), batch};
  c.may_block = req.block_ms() > 0;
  c.rerun = req.rerun();
  dispatch(c);
  if (c.failed)
    drop_batch(st, batch);
  if (!c.waits_on.empty()) {
    for (auto& a : c.rerun_args)
      resp.mutable_kv()->add_rerun_args(std::move(a));
    return std::move(c.waits_on);
  }
  resp.mutable_kv()->set_resp(std::move(c.out));
  return {};
}

void wake_written(kv_state& st) {
  auto keys = std::move(st.written);
  st.written.clear();
  for (auto& k : keys)
    st.blocked.wake_key(k);
}

uint64_t blocked_clients::add(const std::vector<std::string>& keys, std::function<void()> wake,
                              uint64_t token) {
  auto id = ++next_;
  for (auto& k : keys)
    by_key_.emplace(k, id);
  waiters_.emplace(id, waiter{keys, std::move(wake), token});
  if (token != 0)
    by_token_[token] = id;
  return id;
}

void blocked_clients::wake(uint64_t id) {
  auto it = waiters_.find(id);
  if (it == waiters_.end())
    return;
  auto w = std::move(it->second);
  waiters_.erase(it);
  if (w.token != 0)
    by_token_.erase(w.token);
  for (auto& k : w.keys) {
    auto [from, to] = by_key_.equal_range(k);
    for (auto i = from; i != to; ++i)
      if (i->second == id) {
        by_key_.erase(i);
        break;
      }
  }
  w.wake();
}

void blocked_clients::wake_key(const std::string& key) {
  std::vector<uint64_t> ids;
  auto [from, to] = by_key_.equal_range(key);
  for (auto i = from; i != to; ++i)
    ids.push_back(i->second);
  for (auto id : ids)
    wake(id);
}

void blocked_clients::wake_token(uint64_t token) {
  if (auto it = by_token_.find(token); it != by_token_.end())
    wake(it->second);
}

void run_watch(kv_state& st, const v1::KvWatch& req, v1::Response& resp) {
  std::string out;
  resp::array(out, static_cast<size_t>(req.keys_size()) * 2);
  storage::write_batch none;
  std::vector<std::string_view> no_args;
  std::string name = "watch";
  command c{st, no_args, name, false, st.db->now_ms(), none};
  for (auto& k : req.keys()) {
    auto e = load(c, mkey_of(c, k));
    resp::integer(out, static_cast<int64_t>(version_of(st, k)));
    resp::integer(out, e ? e->header.expires_at_ms : 0);
  }
  resp.mutable_kv()->set_resp(c.failed ? std::move(c.out) : std::move(out));
}

void run_exec(kv_state& st, const v1::KvExec& req, v1::Response& resp,
              storage::write_batch& batch) {
  std::string out;
  auto now = st.db->now_ms();
  for (int i = 0; i < req.watch_keys_size() && i < req.watch_versions_size(); ++i) {
    // Written since WATCH, or expired since (it was live then), as in Redis.
    auto expires_at = i < req.watch_expires_at_size() ? req.watch_expires_at(i) : 0;
    if (version_of(st, req.watch_keys(i)) != req.watch_versions(i)
        || (expires_at != 0 && expires_at <= now)) {
      resp::null_array(out, req.resp3());
      resp.mutable_kv()->set_resp(std::move(out));
      return;
    }
  }
  // One clock reading and one batch: the transaction is atomic, and an
  // error reply from one command does not stop the others, as in Redis.
  resp::array(out, static_cast<size_t>(req.commands_size()));
  for (auto& cmd : req.commands()) {
    std::vector<std::string_view> args(cmd.args().begin(), cmd.args().end());
    std::string name = args.empty() ? std::string{} : resp::lower(args[0]);
    if (name == "ping" || name == "echo") {
      args.size() == 1 ? resp::simple(out, "PONG") : resp::bulk(out, args[1]);
      continue;
    }
    if (name == "unwatch") {  // the session forgot its watches already
      resp::simple(out, "OK");
      continue;
    }
    if (cmd.has_eval()) {
      // A killed script (or a storage failure) inside a transaction
      // leaves nothing of it written.
      bool abort = false;
      auto reply = eval_script(st, cmd.eval(), now, batch, abort);
      if (abort) {
        drop_batch(st, batch);
        out = std::move(reply);
        break;
      }
      out += reply;
      continue;
    }
    command c{st, args, name, req.resp3(), now, batch};
    dispatch(c);
    if (c.failed) {
      drop_batch(st, batch);
      out = std::move(c.out);
      break;
    }
    out += c.out;
  }
  resp.mutable_kv()->set_resp(std::move(out));
}

void run_script(kv_state& st, const v1::KvEval& req, v1::Response& resp,
                storage::write_batch& batch) {
  // One clock reading for the whole script, as Redis freezes time in one.
  bool abort = false;
  std::string move_to;
  auto out = eval_script(st, req, st.db->now_ms(), batch, abort, req.pinned() ? nullptr : &move_to);
  if (abort)
    drop_batch(st, batch);
  if (!move_to.empty())
    resp.mutable_kv()->set_run_at_key(std::move(move_to));
  resp.mutable_kv()->set_resp(std::move(out));
}

} // namespace troupe::actors::kv
