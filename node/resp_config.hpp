// What CONFIG GET and CONFIG SET see on the RESP door: the settings Redis
// clients and tools probe, answered from troupe-node's own configuration,
// and Redis's encoding thresholds (list-max-listpack-size, ...), which
// CONFIG SET accepts and CONFIG GET reads back but which change nothing:
// every collection here keeps one record per element whatever its size
// (docs/resp.md). The exceptions are stream-node-max-entries and -bytes,
// which decide what approximate stream trimming removes,
// busy-reply-threshold (lua-time-limit), the scripts' time budget,
// notify-keyspace-events, the keyspace notifications' classes, maxmemory
// (the node's resident memory past which commands that may grow it are
// refused, Redis's noeviction) and min-replicas-to-write (writes are refused
// while a partition keeps fewer replicas besides its leader) and
// acllog-max-len (how many entries ACL LOG keeps).
// Node-wide, shared by every RESP session.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace troupe::actors {
struct stream_node_limits;
struct keyspace_events;
class script_monitor;
} // namespace troupe::actors

namespace troupe::protocol {
class acl_log;
} // namespace troupe::protocol

namespace troupe::node {

class resp_config {
public:
  /// `stream_nodes` gets the stream node settings, `scripts` the script
  /// time budget (busy-reply-threshold) and `events` the keyspace
  /// notifications' classes, `acl_log` its length; any may be null.
  /// `replicas`: how many replicas each partition keeps besides its leader.
  explicit resp_config(actors::stream_node_limits* stream_nodes = nullptr,
                       actors::script_monitor* scripts = nullptr,
                       actors::keyspace_events* events = nullptr, uint32_t replicas = 0,
                       protocol::acl_log* acl_log = nullptr);

  /// The settings whose names match any of `patterns` (globs, lower case).
  std::vector<std::pair<std::string, std::string>>
  get(const std::vector<std::string>& patterns) const;

  /// Applies name/value pairs (all or none); an empty string when done,
  /// otherwise Redis's error reply text.
  std::string set(const std::vector<std::string>& pairs);

  /// True when maxmemory is set and the node's resident memory is past it
  /// (read at most every 100 ms).
  bool over_max_memory() const;

  /// True when min-replicas-to-write asks for more replicas than the
  /// partitions keep.
  bool too_few_replicas() const { return min_replicas_.load() > replicas_; }

  /// maxmemory, bytes (0: none).
  uint64_t max_memory() const { return max_memory_.load(); }

private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> fixed_;      // troupe-node's flags decide
  std::map<std::string, std::string> tunables_;  // encoding thresholds
  actors::stream_node_limits* stream_nodes_;
  actors::script_monitor* scripts_;
  actors::keyspace_events* events_;
  uint32_t replicas_;
  protocol::acl_log* acl_log_;
  std::atomic<uint64_t> max_memory_{0};
  std::atomic<int64_t> min_replicas_{0};
  mutable std::atomic<int64_t> memory_read_at_ms_{0};  // steady clock; 0: read at once
  mutable std::atomic<bool> over_{false};
};

/// The process's resident memory, bytes (0 when /proc says nothing).
uint64_t resident_bytes();

} // namespace troupe::node
