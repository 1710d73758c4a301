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
  void observe(front_door d, std::string_view op, bool ok, std::chrono::steady_clock::duration took);

  /// Everything in Prometheus text format (version 0.0.4).
  std::string scrape(const metrics_sources& sources);

private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

} // namespace troupe::node
