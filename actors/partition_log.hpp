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
// One replica: an entry is applied by the db's group committer (one
// RocksDB write, and one fsync under durability `fsync`, for every entry of
// every partition queued meanwhile), or in the caller's thread under
// durability `none`, and under `os` when every partition actor runs on one
// thread (placement `io_thread`: no writers contend, and the entry costs no
// hop to the committer and back). It is committed once durable.
//
// Replicated (--replication-factor > 1): append() proposes the entry to the
// partition's Raft group through a log_replicator, and `applied` runs once
// a majority holds it and this node applied it. A replicated log belongs to
// one leadership term: the actors started when this node began serving the
// partition write through a log of that term, and once the term is over the
// group refuses their entries, so actors of an old term can never write into
// a new one (partition_logs::renew gives the next actors a fresh log).
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

/// Where a replicated partition's entries go: the node's Raft driver.
class log_replicator {
public:
  virtual ~log_replicator() = default;
  /// Proposes `entry` to partition p's group, if this node still serves it
  /// in `term`; `done` runs (on the replicator's thread) once the entry is
  /// applied here, or with the reason it was not.
  virtual void propose(partition_id p, uint64_t term, storage::write_batch entry,
                       std::function<void(storage::db_status)> done) = 0;
  /// ReadIndex: `done` runs (on the replicator's thread) once this node,
  /// still serving p in `term`, has had its leadership confirmed by a
  /// majority after the call; or with the reason it was not.
  virtual void confirm_read(partition_id p, uint64_t term,
                            std::function<void(storage::db_status)> done) = 0;
};

class partition_log {
public:
  /// Runs once an entry is applied (durable), or failed.
  using applied_fn = std::function<void(uint64_t index, storage::db_status status)>;

  /// A log of one replica; with `replicator`, one of leadership term `term`.
  /// `one_thread`: every partition actor runs on one thread (placement
  /// `io_thread`), so unsynced entries are applied in the caller's thread.
  partition_log(storage::db& db, partition_id p, log_replicator* replicator = nullptr,
                uint64_t term = 0, bool one_thread = false);

  partition_id partition() const { return partition_; }

  /// The storage entries are applied to (and reads are served from).
  storage::db& db() const { return db_; }

  /// True when the partition is a Raft group's (its entries replicated).
  bool replicated() const { return replicator_ != nullptr; }

  /// Runs `done` once a reply computed before this call may be given: at
  /// once for one replica; replicated, once a majority confirmed after the
  /// call that this node still leads in the log's term (ReadIndex), so a
  /// deposed leader (paused, cut off) never answers from stale state. On
  /// the replicator's thread, or before it returns.
  void confirm_read(std::function<void(storage::db_status)> done);

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
  log_replicator* replicator_;
  uint64_t term_;
  bool one_thread_;
  mutable std::mutex mutex_;
  uint64_t last_index_ = 0;
};

/// The node's logs, one per partition, for as long as the node runs.
class partition_logs {
public:
  partition_logs(storage::db& db, uint32_t partition_count,
                 log_replicator* replicator = nullptr, bool one_thread = false);

  partition_log& of(partition_id p) { return *logs_.at(p.value); }

  /// Replicated: the log of p's actors for leadership term `term`. The
  /// previous log stays valid (its actors may still be stopping) but its
  /// entries are refused from now on.
  partition_log& renew(partition_id p, uint64_t term);

private:
  storage::db& db_;
  log_replicator* replicator_;
  bool one_thread_;
  std::vector<std::unique_ptr<partition_log>> logs_;
  std::vector<std::unique_ptr<partition_log>> retired_;
};

} // namespace troupe::actors
