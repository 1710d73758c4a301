// storage::db: the node's one RocksDB instance, its column families, the TTL
// compaction filter, and the group committer.
//
// Threads: reads (get, cursor) may run on any thread concurrently. write()
// runs in the caller's thread. commit() hands a batch to the committer thread,
// which merges every batch queued while the previous commit was being written
// into one RocksDB write (one fsync under durability `fsync`) and then calls
// each batch's callback, in submission order, on the committer thread.
// Every call and every open cursor or snapshot holds the database shared;
// reopening it after a failed log write (resume_writes) holds it alone.
//
// Ownership: the caller owns the db; destroying it commits what is queued,
// flushes memtables and closes RocksDB. rocksdb types never leave this folder.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

namespace rocksdb {
class Iterator;
class Snapshot;
class WriteBatch;
} // namespace rocksdb

namespace troupe::storage {

/// How an acknowledged write survives failures.
enum class durability {
  fsync,  ///< WAL synced before the ack (group commit): survives power loss
  os,     ///< WAL written, not synced: survives a process crash
  none,   ///< no WAL: memtables flushed on clean shutdown only (tests)
};

std::optional<durability> parse_durability(std::string_view text);
const char* to_string(durability mode);

enum class column { state, streams, queues, locks, kv, meta, raft };
constexpr int column_count = 7;
/// The columns a partition's data lives in (the first ones): what a move
/// copies. `raft` holds each replica's own log and is never moved.
constexpr int partition_data_columns = 6;

/// Milliseconds since the Unix epoch.
using clock_fn = std::function<int64_t()>;
int64_t system_now_ms();

struct db_options {
  /// Data directory; created when missing. Needs a restart to change.
  std::string path = "./troupe-data";
  /// Default fsync.
  durability mode = durability::fsync;
  /// Time source for expiry (reads and the compaction filter). Tests inject
  /// a manual clock. Default: the system clock.
  clock_fn clock = system_now_ms;
  /// RocksDB block cache, bytes. Default 64 MiB.
  size_t block_cache_bytes = size_t{64} << 20;
  /// The disk alarm: while fewer bytes than this are free under `path`,
  /// writes fail at once (reads are served) and succeed again once space
  /// is freed, so RocksDB never meets a full disk. 0: off. Default 64 MiB.
  uint64_t min_free_bytes = uint64_t{64} << 20;
  /// Test hook: while this file exists, the disk fails as its first word
  /// says: "nospace" (every file write fails with ENOSPC, the alarm seeing
  /// free space), "nospace-sst" (only table files: flushes and
  /// compactions), "io" (EIO), anything else: free space reads as 0 (the
  /// alarm refuses writes first). Looked at every 100 ms. Empty: off.
  std::string fault_file;
  /// Test hook (a named sync point): runs on the committer thread before each
  /// group write, so a test can hold the committer while batches queue.
  std::function<void()> before_group_write;
};

/// The outcome of a storage call: ok, or an error message from RocksDB.
struct db_status {
  bool ok = true;
  std::string message;
  /// A failure that certainly changed nothing: a replicated write refused
  /// before it was proposed (this node no longer leads its partition), so
  /// sending it again is safe. Other failures may or may not have applied.
  bool not_applied = false;
  static db_status success() { return {}; }
  static db_status failure(std::string msg) { return {false, std::move(msg)}; }
  static db_status refused(std::string msg) { return {false, std::move(msg), true}; }
};

/// Writes to apply atomically, in order. A plain value: building one needs
/// no db, so actors can prepare batches without touching RocksDB, and a
/// partition log can carry it to wherever it is applied.
class write_batch {
public:
  enum class kind { put, remove, remove_range };
  struct op {
    column cf;
    kind what;
    std::string key;    ///< remove_range: the first key removed
    std::string value;  ///< remove_range: the first key kept (end, exclusive)
  };

  void put(column cf, std::string key, std::string value) {
    ops_.push_back({cf, kind::put, std::move(key), std::move(value)});
  }
  void remove(column cf, std::string_view key) {
    ops_.push_back({cf, kind::remove, std::string{key}, {}});
  }
  /// Removes every key in [begin, end) of `cf`.
  void remove_range(column cf, std::string_view begin, std::string_view end) {
    ops_.push_back({cf, kind::remove_range, std::string{begin}, std::string{end}});
  }
  size_t count() const { return ops_.size(); }
  bool empty() const { return ops_.empty(); }
  const std::vector<op>& ops() const { return ops_; }

private:
  std::vector<op> ops_;
};

/// An ordered iterator over one column family; see db::new_cursor. While a
/// cursor lives, the database it reads is not reopened.
class cursor {
public:
  cursor(std::shared_lock<std::shared_mutex> hold, std::unique_ptr<rocksdb::Iterator> it);
  ~cursor();
  void seek(std::string_view key);
  /// To the last key <= `key`.
  void seek_for_prev(std::string_view key);
  bool valid() const;
  void next();
  void prev();
  std::string_view key() const;
  std::string_view value() const;
  /// Error of the underlying iterator, checked when valid() turns false.
  db_status status() const;

private:
  std::shared_lock<std::shared_mutex> hold_;  // released after it_ is gone
  std::unique_ptr<rocksdb::Iterator> it_;
};

/// A consistent point-in-time view of the whole database (every column);
/// released when the last reference goes (until then the database is not
/// reopened). See db::take_snapshot.
class snapshot;

struct commit_stats {
  uint64_t batches = 0;  ///< batches handed to commit()
  uint64_t writes = 0;   ///< RocksDB writes the committer issued
  /// How long those writes took (with --durability fsync, the WAL's sync
  /// included): counts per upper bound of write_bounds_us (cumulative
  /// from the smallest, the last one every write), and their sum.
  std::vector<uint64_t> write_buckets;
  double write_seconds = 0;
};

/// The upper bounds (µs) of commit_stats::write_buckets.
inline constexpr uint64_t write_bounds_us[] = {50,    100,   250,    500,    1000,   2500,
                                               5000,  10000, 25000,  50000,  100000, 250000,
                                               1000000};

class db {
public:
  /// Opens (creating if needed) the database at options.path.
  static std::unique_ptr<db> open(db_options options, std::string& error);

  ~db();
  db(const db&) = delete;
  db& operator=(const db&) = delete;

  durability mode() const { return options_.mode; }
  int64_t now_ms() const { return options_.clock(); }

  /// Reads one key. Returns nullopt when absent; `status` reports errors.
  std::optional<std::string> get(column cf, std::string_view key,
                                 db_status& status) const;

  /// An iterator over a consistent snapshot of `cf`.
  std::unique_ptr<cursor> new_cursor(column cf) const;

  /// A view of every column as of now; cursors over it see no later write.
  std::shared_ptr<const snapshot> take_snapshot() const;

  /// An iterator over `cf` as of `at`.
  std::unique_ptr<cursor> new_cursor(column cf, const snapshot& at) const;

  /// Writes `batch` in the calling thread, honoring the durability mode.
  db_status write(write_batch batch);

  /// Queues `batch` for the committer thread; `done` runs there once the
  /// batch is durable (or failed). Callbacks run in submission order.
  void commit(write_batch batch, std::function<void(db_status)> done);

  /// Runs a full manual compaction (drops expired records). For tests and
  /// operators.
  db_status compact();

  /// Writes every memtable to SST files and waits for it (RESP's SAVE):
  /// afterwards, what was written survives a crash even without a WAL.
  db_status flush() const;

  commit_stats stats() const;

  /// Writes a consistent copy of the whole database into `dir` (which must
  /// not exist): memtables flushed, SST files hard-linked where the file
  /// system allows. Writes may go on meanwhile.
  db_status checkpoint(const std::string& dir) const;

  /// A RocksDB integer property summed over every column, e.g.
  /// "rocksdb.cur-size-all-mem-tables"; nullopt when RocksDB has none.
  std::optional<uint64_t> int_property(const std::string& name) const;

private:
  struct impl;
  explicit db(db_options options);
  void committer_loop();
  /// Failure while the disk alarm is raised (see min_free_bytes).
  db_status disk_alarm() const;
  /// After a write RocksDB failed, asks it to take writes again (at most
  /// every 100 ms), opening it again when it cannot resume; failure while
  /// it does not take writes.
  db_status resume_writes();
  /// Closes RocksDB and opens it again (replaying its log), once no cursor
  /// or snapshot is open: how writes resume after the write-ahead log
  /// failed, which RocksDB does not resume from.
  db_status reopen();
  /// One RocksDB write of the batches `fill` appends, unless the disk
  /// alarm or an unresumed failure refuses it: timed, counted, and a
  /// failure noted for resume_writes.
  db_status write_now(const std::function<void(rocksdb::WriteBatch&)>& fill);
  db_options options_;
  std::unique_ptr<impl> impl_;
};

} // namespace troupe::storage
