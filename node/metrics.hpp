// node_metrics: what a node reports at /metrics (Prometheus text format,
// through prometheus-cpp): requests by door, operation and result with
// their latency, and, read at each scrape, connections, subscribers,
// partitions by how they are served, step-queue depths, scripts running,
// the group commit, RocksDB's memory, disk and stall figures, and on a
// replicated node the Raft groups' roles, terms and lag.
//
// Sessions call observe() per answered request; operations are bounded
// sets (protocol operations, RESP command names, "unknown"), so the label
// cardinality is too. Thread-safe. prometheus-cpp stays inside metrics.cpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace troupe::actors {
struct node_counters;
class script_monitor;
} // namespace troupe::actors

namespace troupe::cluster {
class partition_router;
class raft_driver;
} // namespace troupe::cluster

namespace troupe::storage {
class db;
} // namespace troupe::storage

namespace troupe::node {

/// Which door a request came through.
enum class front_door : uint8_t { client, resp, amqp };

/// How a request ended: answered, answered with an error, or refused
/// before it ran (wrong arity, not authenticated, keys of several
/// partitions: Redis's rejected calls).
enum class request_result : uint8_t { ok, failed, rejected };

/// One operation's figures since the node started.
struct op_figures {
  std::string op;
  uint64_t ok = 0, failed = 0, rejected = 0;
  double seconds = 0;  ///< time from arrival to reply, summed
};

/// What a scrape reads besides the request counts.
struct metrics_sources {
  const actors::node_counters* counters = nullptr;
  const actors::script_monitor* scripts = nullptr;
  std::shared_ptr<const cluster::partition_router> router;
  const storage::db* db = nullptr;
  const cluster::raft_driver* raft = nullptr;  ///< replicated nodes only
};

class node_metrics {
public:
  explicit node_metrics(std::string version);
  ~node_metrics();
  node_metrics(const node_metrics&) = delete;
  node_metrics& operator=(const node_metrics&) = delete;

  /// One answered request of `op` on door `d`.
  void observe(front_door d, std::string_view op, request_result r,
               std::chrono::steady_clock::duration took);
  /// One error reply of the RESP door, by its code ("ERR", "WRONGTYPE",
  /// ...); at most 128 codes are told apart, as in Redis.
  void count_error(std::string_view code);

  /// Every operation seen on door `d`, by name (RESP's INFO commandstats).
  std::vector<op_figures> figures(front_door d) const;
  /// Error replies by code (RESP's INFO errorstats), by code.
  std::vector<std::pair<std::string, uint64_t>> error_counts() const;
  /// CONFIG RESETSTAT: figures() and error_counts() count from now on
  /// (the /metrics counters, monotonic, go on).
  void reset_figures();

  /// Everything in Prometheus text format (version 0.0.4).
  std::string scrape(const metrics_sources& sources);

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace troupe::node
