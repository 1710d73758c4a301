#include "node/resp_config.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <optional>
#include <set>

#include <unistd.h>

#include "actors/keyspace_events.hpp"
#include "actors/script_monitor.hpp"
#include "actors/stream_nodes.hpp"
#include "protocol/acl.hpp"
#include "storage/glob.hpp"

namespace troupe::node {

namespace {

constexpr const char* events_name = "notify-keyspace-events";

/// Redis 7.0 names two of each encoding threshold (ziplist, its old name,
/// and listpack), and the script budget (lua-time-limit, its old name):
/// both read and write one value.
const std::map<std::string, std::string>& aliases() {
  static const std::map<std::string, std::string> names{
    {"hash-max-ziplist-entries", "hash-max-listpack-entries"},
    {"hash-max-ziplist-value", "hash-max-listpack-value"},
    {"list-max-ziplist-size", "list-max-listpack-size"},
    {"zset-max-ziplist-entries", "zset-max-listpack-entries"},
    {"zset-max-ziplist-value", "zset-max-listpack-value"},
    {"lua-time-limit", "busy-reply-threshold"},
  };
  return names;
}

std::string canonical(const std::string& name) {
  auto it = aliases().find(name);
  return it == aliases().end() ? name : it->second;
}

bool is_integer(const std::string& text) {
  long long v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return !text.empty() && ec == std::errc{} && ptr == text.data() + text.size();
}

/// A memory size as Redis reads one: bytes, or with a unit (k = 1000,
/// kb = 1024, m, mb, g, gb; any case).
std::optional<uint64_t> memory_bytes(const std::string& text) {
  uint64_t n = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc{})
    return std::nullopt;
  std::string unit{ptr, text.data() + text.size()};
  for (auto& c : unit)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::map<std::string, uint64_t> units{
    {"", 1},          {"b", 1},           {"k", 1000},       {"kb", 1024},
    {"m", 1000'000},  {"mb", 1024 * 1024}, {"g", 1000'000'000}, {"gb", 1024 * 1024 * 1024}};
  auto it = units.find(unit);
  if (it == units.end() || n > UINT64_MAX / it->second)
    return std::nullopt;
  return n * it->second;
}

int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
           std::chrono::steady_clock::now().time_since_epoch())
    .count();
}

} // namespace

resp_config::resp_config(actors::stream_node_limits* stream_nodes,
                         actors::script_monitor* scripts, actors::keyspace_events* events,
                         uint32_t replicas, protocol::acl_log* acl_log)
  : fixed_{{"appendonly", "yes"},
           {"save", ""},
           {"databases", "1"},
           {"maxmemory-policy", "noeviction"}},
    tunables_{{"hash-max-listpack-entries", "128"},
              {"hash-max-listpack-value", "64"},
              {"list-max-listpack-size", "-2"},
              {"list-compress-depth", "0"},
              {"set-max-intset-entries", "512"},
              {"zset-max-listpack-entries", "128"},
              {"zset-max-listpack-value", "64"},
              {"stream-node-max-bytes", "4096"},
              {"stream-node-max-entries", "100"},
              {"maxmemory", "0"},
              {"min-replicas-to-write", "0"},
              {"acllog-max-len", "128"},
              {"busy-reply-threshold",
               std::to_string(scripts != nullptr ? scripts->budget().count() : 5000)}},
    stream_nodes_(stream_nodes),
    scripts_(scripts),
    events_(events),
    replicas_(replicas),
    acl_log_(acl_log) {
  if (events_ == nullptr)
    fixed_.emplace(events_name, "");  // none published
}

std::vector<std::pair<std::string, std::string>>
resp_config::get(const std::vector<std::string>& patterns) const {
  std::lock_guard lock{mutex_};
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](const std::string& name, const std::string& value) {
    for (auto& p : patterns)
      if (storage::glob_match(p, name)) {
        out.emplace_back(name, value);
        return;
      }
  };
  for (auto& [name, value] : fixed_)
    add(name, value);
  for (auto& [name, value] : tunables_)
    add(name, value);
  for (auto& [alias, name] : aliases())
    add(alias, tunables_.at(name));
  if (events_ != nullptr)
    add(events_name, actors::event_classes_text(events_->classes.load()));
  return out;
}

std::string resp_config::set(const std::vector<std::string>& pairs) {
  std::lock_guard lock{mutex_};
  std::set<std::string> seen;
  std::optional<uint32_t> event_classes;
  for (size_t i = 0; i + 1 < pairs.size(); i += 2) {
    auto name = canonical(pairs[i]);
    if (name == events_name && events_ != nullptr) {
      if (!seen.insert(name).second)
        return "ERR Duplicate parameter - " + pairs[i];
      event_classes = actors::parse_event_classes(pairs[i + 1]);
      if (!event_classes)
        return "ERR CONFIG SET failed (possibly related to argument '" + pairs[i]
               + "') - Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";
      continue;
    }
    if (auto it = fixed_.find(name); it != fixed_.end()) {
      if (it->second == pairs[i + 1])
        continue;  // what the node already does
      return "ERR CONFIG SET failed (possibly related to argument '" + pairs[i]
             + "') - troupe-node's flags decide it, not CONFIG SET";
    }
    if (tunables_.count(name) == 0)
      return "ERR Unknown option or number of arguments for CONFIG SET - '" + pairs[i] + "'";
    if (!seen.insert(name).second)
      return "ERR Duplicate parameter - " + pairs[i];
    auto failed = [&](const char* why) {
      return "ERR CONFIG SET failed (possibly related to argument '" + pairs[i] + "') - " + why;
    };
    if (name == "maxmemory") {
      if (!memory_bytes(pairs[i + 1]))
        return failed("argument must be a memory value");
    } else if (!is_integer(pairs[i + 1])) {
      return failed("argument couldn't be parsed into an integer");
    } else if (name == "min-replicas-to-write"
               && (std::stoll(pairs[i + 1]) < 0 || std::stoll(pairs[i + 1]) > INT32_MAX)) {
      return failed("argument must be between 0 and 2147483647 inclusive");
    } else if (name == "acllog-max-len" && std::stoll(pairs[i + 1]) < 0) {
      return failed("argument must be between 0 and 9223372036854775807 inclusive");
    }
  }
  for (size_t i = 0; i + 1 < pairs.size(); i += 2) {
    auto name = canonical(pairs[i]);
    if (name == "maxmemory")  // read back in bytes, as Redis does
      tunables_[name] = std::to_string(*memory_bytes(pairs[i + 1]));
    else if (tunables_.count(name) != 0)
      tunables_[name] = pairs[i + 1];
  }
  max_memory_.store(std::stoull(tunables_.at("maxmemory")));
  memory_read_at_ms_.store(0);
  min_replicas_.store(std::stoll(tunables_.at("min-replicas-to-write")));
  if (acl_log_ != nullptr)
    acl_log_->set_max_len(std::stoull(tunables_.at("acllog-max-len")));
  if (stream_nodes_ != nullptr) {
    stream_nodes_->max_entries = std::stoll(tunables_.at("stream-node-max-entries"));
    stream_nodes_->max_bytes = std::stoll(tunables_.at("stream-node-max-bytes"));
  }
  if (scripts_ != nullptr)
    scripts_->set_budget(std::chrono::milliseconds{std::stoll(tunables_.at("busy-reply-threshold"))});
  if (event_classes) {
    events_->classes.store(*event_classes);
    events_->epoch.fetch_add(1);
  }
  return {};
}

bool resp_config::over_max_memory() const {
  auto limit = max_memory_.load();
  if (limit == 0)
    return false;
  auto now = steady_ms();
  auto at = memory_read_at_ms_.load();
  if (at == 0 || now - at >= 100) {
    over_.store(resident_bytes() > limit);
    memory_read_at_ms_.store(now);
  }
  return over_.load();
}

uint64_t resident_bytes() {
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr)
    return 0;
  unsigned long size = 0, resident = 0;
  int n = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  return n == 2 ? static_cast<uint64_t>(resident) * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE))
                : 0;
}

} // namespace troupe::node
