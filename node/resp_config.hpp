// What CONFIG GET and CONFIG SET see on the RESP door: the settings Redis
// clients and tools probe, answered from troupe-node's own configuration,
// and Redis's encoding thresholds (list-max-listpack-size, ...), which
// CONFIG SET accepts and CONFIG GET reads back but which change nothing:
// every collection here keeps one record per element whatever its size
// (docs/resp.md). The exceptions are stream-node-max-entries and -bytes,
// which decide what approximate stream trimming removes,
// busy-reply-threshold (lua-time-limit), the scripts' time budget, and
// notify-keyspace-events, the keyspace notifications' classes.
// Node-wide, shared by every RESP session.
#pragma once

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

namespace troupe::node {

class resp_config {
public:
  /// `stream_nodes` gets the stream node settings, `scripts` the script
  /// time budget (busy-reply-threshold) and `events` the keyspace
  /// notifications' classes; any may be null.
  explicit resp_config(actors::stream_node_limits* stream_nodes = nullptr,
                       actors::script_monitor* scripts = nullptr,
                       actors::keyspace_events* events = nullptr);

  /// The settings whose names match any of `patterns` (globs, lower case).
  std::vector<std::pair<std::string, std::string>>
  get(const std::vector<std::string>& patterns) const;

  /// Applies name/value pairs (all or none); an empty string when done,
  /// otherwise Redis's error reply text.
  std::string set(const std::vector<std::string>& pairs);

private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> fixed_;      // troupe-node's flags decide
  std::map<std::string, std::string> tunables_;  // encoding thresholds
  actors::stream_node_limits* stream_nodes_;
  actors::script_monitor* scripts_;
  actors::keyspace_events* events_;
};

} // namespace troupe::node
