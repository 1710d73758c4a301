// node_counters: live counts every actor of a node updates and the Stats
// request reads. Atomics: any thread may touch them.
#pragma once

#include <atomic>
#include <cstdint>

namespace troupe::actors {

struct node_counters {
  std::atomic<int64_t> sessions{0};
  std::atomic<int64_t> stream_groups{0};
  std::atomic<int64_t> stream_subscribers{0};
  std::atomic<int64_t> resp_clients{0};
  std::atomic<int64_t> resp_blocked_clients{0};  ///< waiting in BLPOP & co.
  std::atomic<int64_t> amqp_connections{0};
  /// The last CLIENT ID handed to a RESP connection (also: RESP
  /// connections accepted since start).
  std::atomic<int64_t> last_client_id{0};
  /// RESP commands taken since start (INFO's total_commands_processed).
  std::atomic<int64_t> resp_commands{0};
  /// RESP commands that changed data in this node's partitions since start
  /// (INFO's rdb_changes_since_last_save).
  std::atomic<int64_t> resp_changes{0};
  /// Reply and push bytes handed to client sockets, not yet sent.
  std::atomic<int64_t> queued_output_bytes{0};
  /// Requests sent to another node's gateway (each hop of a retry too).
  std::atomic<int64_t> forwarded_requests{0};
};

} // namespace troupe::actors
