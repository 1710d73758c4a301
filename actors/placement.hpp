// shard_placement: which threads run the partition actors. A plain enum,
// kept apart so options code need not include CAF.
#pragma once

namespace troupe::actors {

/// Where partition actors run.
enum class shard_placement {
  /// On CAF's worker threads: partitions proceed in parallel; every request
  /// crosses from the I/O thread to a worker and back.
  workers,
  /// On the middleman's I/O thread, next to the client sessions: no thread
  /// hop per request, one core for all partitions (Redis's model). RocksDB
  /// calls then run on the I/O thread; fsync waits happen on the committer.
  io_thread,
};

} // namespace troupe::actors
