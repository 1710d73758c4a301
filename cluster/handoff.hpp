// handoff: a partition's data on its way from its old owner to its new one.
//
// Every key of partition p, in every column family, starts with p's prefix,
// so a partition is a set of key ranges. The old owner reads them from a
// snapshot in chunks (troupe.v1.PartitionChunk bytes); the new owner turns
// each chunk into one entry of the partition's log. Catch-up is a diff: the writes made while the
// first copy was streamed are what differs between that snapshot and a
// second one taken once the partition stopped taking writes.
//
// Storage only: no actors, no sockets.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storage/db.hpp"
#include "storage/partition_id.hpp"

namespace troupe::cluster {

class partition_reader {
public:
  /// Reads every record of `p` in `at`; with `base`, only what changed from
  /// `base` to `at` (puts, and deletes of keys `at` no longer has).
  partition_reader(const storage::db& db, partition_id p,
                   std::shared_ptr<const storage::snapshot> at,
                   std::shared_ptr<const storage::snapshot> base = nullptr);
  ~partition_reader();

  /// The next chunk, of about `max_bytes` at most (one record may exceed
  /// it); nullopt once everything was read, or on a storage error (then
  /// `status` says which).
  std::optional<std::string> next(size_t max_bytes, storage::db_status& status);

  /// Records read so far.
  size_t records() const { return records_; }

private:
  struct column_scan;
  bool open_column(storage::db_status& status);

  const storage::db& db_;
  partition_id partition_;
  std::shared_ptr<const storage::snapshot> at_;
  std::shared_ptr<const storage::snapshot> base_;
  int column_ = -1;
  std::unique_ptr<column_scan> scan_;
  size_t records_ = 0;
};

/// The partition-log entry that applies `chunk` in one write: with `reset`,
/// everything the partition had here is deleted first. Sets `partition` to
/// the chunk's partition; fails, leaving `entry` unusable, on a malformed
/// chunk or a record outside that partition.
storage::db_status chunk_entry(std::string_view chunk, bool reset, partition_id& partition,
                               storage::write_batch& entry);

/// The entry that deletes everything of partition `p` (after it moved
/// away): one range delete per column family.
storage::write_batch erase_entry(partition_id p);

/// One chunk of partition `p`'s records (troupe.v1.PartitionChunk, with
/// where the next one starts, or done) for an export: from `column`, after
/// key `after` (empty: the column's first), about `max_bytes` of them, read
/// from `view`. Fails on a storage error or an `after` outside the
/// partition.
storage::db_status export_chunk(const storage::db& db, const storage::snapshot& view,
                                partition_id p, uint32_t column, std::string_view after,
                                size_t max_bytes, std::string& out);

/// Whether partition `p` holds no record here; false with `status` set on
/// a storage error.
bool partition_empty(const storage::db& db, partition_id p, storage::db_status& status);

} // namespace troupe::cluster
