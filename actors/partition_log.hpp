// partition_log: the one log every write of a partition goes through.
//
// Every actor of a partition (state shard, stream directory and groups, event
// shard and topic queues, lock shard, kv shard) appends its write batches to
// its partition's log instead of writing to storage itself, and so does the
// move code (what a new owner copies in, what an old owner deletes). An entry
// is one write batch exactly as it was computed (revisions, sequence
// numbers, expiry, range deletes), so whoever applies it applies it as
// written and never recomputes it. Entries get consecutive indexes in append
// order and are applied in that order.
//
// One replica (today): an entry is applied by the db's group committer (one
// RocksDB write, and one fsync under durability `fsync`, for every entry of
// every partition queued meanwhile), or in the caller's thread under
// durability `none`. It is committed once durable. Replication changes only
// what happens inside append(): propose to the partition's group, apply once
// a majority has it.
//
// Thread-safe: the actors of one partition may run on different threads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage/db.hpp"
#include "storage/partition_id.hpp"

namespace troupe::actors {

class partition_log {
public:
  /// Runs once an entry is applied (durable), or failed.
  using applied_fn = std::function<void(uint64_t index, storage::db_status status)>;

  partition_log(storage::db& db, partition_id p);

  partition_id partition() const { return partition_; }

  /// The storage entries are applied to (and reads are served from).
  storage::db& db() const { return db_; }

  /// True when append() applies entries on the committer thread; false when
  /// it applies them in the caller's thread before it returns.
  bool asynchronous() const;

  /// Appends `entry` and returns its index; `applied` runs once it is
  /// applied: on the committer thread when asynchronous(), else before
  /// append() returns (outside the log's lock, so it may append again).
  uint64_t append(storage::write_batch entry, applied_fn applied);

  /// Appends `entry` and waits until it is applied, in the caller's thread.
  /// For the move code, which writes while the partition's actors are not
  /// running.
  storage::db_status apply(storage::write_batch entry);

  /// The index of the last entry appended; 0 before the first.
  uint64_t last_index() const;

private:
  storage::db& db_;
  partition_id partition_;
  mutable std::mutex mutex_;
  uint64_t last_index_ = 0;
};

/// The node's logs, one per partition, for as long as the node runs.
class partition_logs {
public:
  partition_logs(storage::db& db, uint32_t partition_count);

  partition_log& of(partition_id p) { return *logs_.at(p.value); }

private:
  std::vector<std::unique_ptr<partition_log>> logs_;
};

} // namespace troupe::actors
