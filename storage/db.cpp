#include "storage/db.hpp"
#include "storage/fault_fs.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdarg>
#include <cstdio>
#include <sys/statvfs.h>
#include <algorithm>
#include <array>
#include <atomic>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include <rocksdb/compaction_filter.h>
#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/utilities/checkpoint.h>
#include <rocksdb/write_batch.h>
#include <spdlog/spdlog.h>

#include "storage/record.hpp"

namespace troupe::storage {

namespace {

const char* column_names[column_count] = {"state", "streams", "queues", "locks",
                                          "kv",    "meta",    "raft"};

/// The test hook's fault: none while `file` does not exist, else what its
/// first word names ("nospace", "nospace-sst", "io", "io-read"; anything
/// else: a full disk).
disk_fault read_fault(const std::string& file) {
  if (file.empty())
    return disk_fault::none;
  std::ifstream in{file};
  if (!in)
    return disk_fault::none;
  std::string word;
  in >> word;
  return word == "nospace"       ? disk_fault::nospace
         : word == "nospace-sst" ? disk_fault::nospace_sst
         : word == "io"          ? disk_fault::io
         : word == "io-read"     ? disk_fault::io_read
                                 : disk_fault::full;
}

/// Bytes free to this process under `path`; nullopt when it cannot be told.
std::optional<uint64_t> free_bytes_under(const std::string& path) {
  struct statvfs vfs;
  if (::statvfs(path.c_str(), &vfs) != 0)
    return std::nullopt;
  return static_cast<uint64_t>(vfs.f_bavail) * vfs.f_frsize;
}

db_status from_rocks(const rocksdb::Status& st) {
  if (st.ok())
    return db_status::success();
  return db_status::failure(st.ToString());
}

// RocksDB's info log, into the node's log instead of a LOG file: a full
// disk can then not make RocksDB's own logging abort the process.
class spdlog_logger : public rocksdb::Logger {
public:
  spdlog_logger() : Logger(rocksdb::InfoLogLevel::WARN_LEVEL) {}

  using Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    Logv(rocksdb::InfoLogLevel::INFO_LEVEL, format, ap);
  }
  void Logv(const rocksdb::InfoLogLevel level, const char* format, va_list ap) override {
    if (level < GetInfoLogLevel())
      return;
    char line[1024];
    std::vsnprintf(line, sizeof line, format, ap);
    if (level >= rocksdb::InfoLogLevel::ERROR_LEVEL)
      spdlog::error("rocksdb: {}", line);
    else
      spdlog::warn("rocksdb: {}", line);
  }
};

// Drops records whose expiry has passed. Reads hide them before compaction.
class expiry_filter : public rocksdb::CompactionFilter {
public:
  explicit expiry_filter(clock_fn clock) : clock_(std::move(clock)) {}

  bool Filter(int, const rocksdb::Slice&, const rocksdb::Slice& existing,
              std::string*, bool*) const override {
    record_header header;
    std::string_view value;
    if (!decode_record({existing.data(), existing.size()}, header, value))
      return false;  // not a record: keep it, never drop what we don't know
    return header.expired(clock_());
  }

  const char* Name() const override { return "troupe.expiry"; }

private:
  clock_fn clock_;
};

} // namespace

std::optional<durability> parse_durability(std::string_view text) {
  if (text == "fsync")
    return durability::fsync;
  if (text == "os")
    return durability::os;
  if (text == "none")
    return durability::none;
  return std::nullopt;
}

const char* to_string(durability mode) {
  switch (mode) {
    case durability::fsync: return "fsync";
    case durability::os: return "os";
    case durability::none: return "none";
  }
  return "?";
}

int64_t system_now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch())
    .count();
}

// -- cursor -------------------------------------------------------------------

cursor::cursor(std::shared_lock<std::shared_mutex> hold, std::unique_ptr<rocksdb::Iterator> it)
  : hold_(std::move(hold)), it_(std::move(it)) {}
cursor::~cursor() = default;
void cursor::seek(std::string_view key) {
  it_->Seek(rocksdb::Slice{key.data(), key.size()});
}
void cursor::seek_for_prev(std::string_view key) {
  it_->SeekForPrev(rocksdb::Slice{key.data(), key.size()});
}
bool cursor::valid() const { return it_->Valid(); }
void cursor::next() { it_->Next(); }
void cursor::prev() { it_->Prev(); }
std::string_view cursor::key() const {
  auto k = it_->key();
  return {k.data(), k.size()};
}
std::string_view cursor::value() const {
  auto v = it_->value();
  return {v.data(), v.size()};
}
db_status cursor::status() const { return from_rocks(it_->status()); }

// -- db -----------------------------------------------------------------------

struct db::impl {
  // With a fault file: the file system RocksDB writes through (declared
  // first, so it outlives the database).
  std::shared_ptr<std::atomic<disk_fault>> fault =
    std::make_shared<std::atomic<disk_fault>>(disk_fault::none);
  std::unique_ptr<rocksdb::Env> fault_env;
  std::unique_ptr<expiry_filter> filter;
  // RocksDB as opened, and how to open it again. Null only after a reopen
  // failed (every call then answers that error). Used under `open_mu`
  // shared; a reopen replaces it holding `open_mu` alone.
  mutable std::shared_mutex open_mu;
  std::unique_ptr<rocksdb::DB> rocks;
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DBOptions open_options;
  std::vector<rocksdb::ColumnFamilyDescriptor> columns;
  std::string open_error;
  rocksdb::WriteOptions write_options;

  std::shared_lock<std::shared_mutex> shared() const {
    return std::shared_lock<std::shared_mutex>{open_mu};
  }

  /// Opens RocksDB at `path` with open_options and columns.
  rocksdb::Status open_rocks(const std::string& path) {
    rocksdb::DB* raw = nullptr;
    std::vector<rocksdb::ColumnFamilyHandle*> opened;
    auto st = rocksdb::DB::Open(open_options, path, columns, &opened, &raw);
    if (st.ok()) {
      rocks.reset(raw);
      handles = std::move(opened);
    }
    return st;
  }

  /// Flushes the memtables (when `flush`) and closes RocksDB.
  void close_rocks(bool flush) {
    if (!rocks)
      return;
    if (flush)
      rocks->Flush(rocksdb::FlushOptions{}, handles).PermitUncheckedError();
    for (auto* h : handles)
      rocks->DestroyColumnFamilyHandle(h).PermitUncheckedError();
    handles.clear();
    rocks->Close().PermitUncheckedError();
    rocks.reset();
  }

  /// A cursor over `cf` read with `ro`; over nothing but the error while
  /// RocksDB is closed.
  std::unique_ptr<cursor> open_cursor(column cf, const rocksdb::ReadOptions& ro) const {
    auto hold = shared();
    std::unique_ptr<rocksdb::Iterator> it{
      rocks ? rocks->NewIterator(ro, handle(cf))
            : rocksdb::NewErrorIterator(rocksdb::Status::IOError(closed().message))};
    return std::make_unique<cursor>(std::move(hold), std::move(it));
  }

  /// The failure every call answers while RocksDB is closed.
  db_status closed() const {
    return db_status::failure("storage closed: opening it again failed: " + open_error);
  }

  struct pending {
    write_batch batch;
    std::function<void(db_status)> done;
  };
  std::mutex mtx;
  std::condition_variable cv;
  std::deque<pending> queue;
  bool stopping = false;
  std::thread committer;
  std::atomic<uint64_t> batches{0};
  std::atomic<uint64_t> writes{0};
  std::array<std::atomic<uint64_t>, std::size(write_bounds_us)> write_buckets{};
  std::atomic<uint64_t> write_us{0};

  void time_write(std::chrono::steady_clock::duration took) {
    auto us = static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(took).count());
    write_us.fetch_add(us, std::memory_order_relaxed);
    auto at = std::lower_bound(std::begin(write_bounds_us), std::end(write_bounds_us), us);
    if (at != std::end(write_bounds_us))
      write_buckets[at - std::begin(write_bounds_us)].fetch_add(1, std::memory_order_relaxed);
  }
  // The disk alarm: free bytes under the data directory, measured at most
  // every 100 ms (any thread may write).
  std::atomic<int64_t> next_disk_check{0};
  std::atomic<uint64_t> free_bytes{UINT64_MAX};
  std::atomic<bool> alarm{false};
  // A write RocksDB failed (a full or failing disk) leaves it refusing
  // writes: the next writes ask it to resume, at most every 100 ms.
  std::mutex resume_mu;
  std::atomic<bool> resume_needed{false};  // read without the lock on every write
  std::chrono::steady_clock::time_point next_resume;
  db_status write_error;

  /// Reads the test hook's fault file into `fault` (what fault_fs sees).
  disk_fault refresh_fault(const std::string& file) {
    auto f = read_fault(file);
    fault->store(f, std::memory_order_relaxed);
    return f;
  }

  /// With the test hook, every read looks at the fault file first, so that
  /// a read fault meets the very next read (writes look every 100 ms).
  void refresh_fault_for_read(const std::string& file) {
    if (!file.empty())
      refresh_fault(file);
  }

  rocksdb::ColumnFamilyHandle* handle(column cf) const {
    return handles[static_cast<size_t>(cf)];
  }

  void append(rocksdb::WriteBatch& out, const write_batch& in) {
    for (auto& op : in.ops()) {
      rocksdb::Slice key{op.key.data(), op.key.size()};
      rocksdb::Slice value{op.value.data(), op.value.size()};
      switch (op.what) {
        case write_batch::kind::put:
          out.Put(handle(op.cf), key, value).PermitUncheckedError();
          break;
        case write_batch::kind::remove:
          out.Delete(handle(op.cf), key).PermitUncheckedError();
          break;
        case write_batch::kind::remove_range:
          out.DeleteRange(handle(op.cf), key, value).PermitUncheckedError();
          break;
      }
    }
  }
};

db::db(db_options options)
  : options_(std::move(options)), impl_(std::make_unique<impl>()) {
  // nop
}

std::unique_ptr<db> db::open(db_options options, std::string& error) {
  std::error_code ec;
  std::filesystem::create_directories(options.path, ec);
  if (ec) {
    error = "cannot create data directory " + options.path + ": " + ec.message();
    return nullptr;
  }
  std::unique_ptr<db> self{new db(std::move(options))};
  auto& im = *self->impl_;
  im.filter = std::make_unique<expiry_filter>(self->options_.clock);

  rocksdb::Options opts;
  opts.info_log = std::make_shared<spdlog_logger>();
  opts.create_if_missing = true;
  opts.create_missing_column_families = true;
  opts.IncreaseParallelism(2);
  opts.max_background_jobs = 2;
  opts.enable_pipelined_write = true;
  if (!self->options_.fault_file.empty()) {
    im.fault_env = rocksdb::NewCompositeEnv(make_fault_fs(rocksdb::FileSystem::Default(), im.fault));
    opts.env = im.fault_env.get();
  }
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(self->options_.block_cache_bytes);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;

  for (int i = 0; i < column_count; ++i) {
    rocksdb::ColumnFamilyOptions cf_opts{opts};
    cf_opts.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    // The point-read columns (Motia state, the RESP door's keys) get a
    // bloom filter over each memtable's whole keys (2% of its size, about
    // 17 bits a key at 100-byte records, 1.3 MB a memtable): a read of a
    // key the memtable lacks (a new key's first write reads its record)
    // skips the skiplist walk. Measured with every partition on the I/O
    // thread: pipelined RESP INCR 19-22 -> 16-17 µs of CPU per request,
    // HSET 20-21 -> 18, other commands unchanged.
    if (static_cast<column>(i) == column::state || static_cast<column>(i) == column::kv) {
      cf_opts.memtable_whole_key_filtering = true;
      cf_opts.memtable_prefix_bloom_size_ratio = 0.02;
    }
    if (static_cast<column>(i) != column::meta && static_cast<column>(i) != column::raft)
      cf_opts.compaction_filter = im.filter.get();
    im.columns.emplace_back(column_names[i], cf_opts);
  }
  // RocksDB requires the default family to be opened too; it stays empty.
  im.columns.emplace_back(rocksdb::kDefaultColumnFamilyName,
                          rocksdb::ColumnFamilyOptions{opts});
  im.open_options = rocksdb::DBOptions{opts};
  auto st = im.open_rocks(self->options_.path);
  if (!st.ok()) {
    error = "cannot open RocksDB at " + self->options_.path + ": " + st.ToString();
    return nullptr;
  }
  switch (self->options_.mode) {
    case durability::fsync:
      im.write_options.sync = true;
      break;
    case durability::os:
      break;
    case durability::none:
      im.write_options.disableWAL = true;
      break;
  }
  im.committer = std::thread{[p = self.get()] { p->committer_loop(); }};
  return self;
}

db::~db() {
  {
    std::lock_guard<std::mutex> guard{impl_->mtx};
    impl_->stopping = true;
  }
  impl_->cv.notify_all();
  if (impl_->committer.joinable())
    impl_->committer.join();
  // Cursors and snapshots end before the database; one that did not would
  // read a closed one either way, so closing does not wait for it.
  std::unique_lock<std::shared_mutex> alone{impl_->open_mu, std::try_to_lock};
  if (!alone)
    spdlog::warn("storage: closing the database while a scan or snapshot is still open");
  impl_->close_rocks(true);
}

std::optional<std::string> db::get(column cf, std::string_view key,
                                   db_status& status) const {
  impl_->refresh_fault_for_read(options_.fault_file);
  auto hold = impl_->shared();
  if (!impl_->rocks) {
    status = impl_->closed();
    return std::nullopt;
  }
  std::string value;
  auto st = impl_->rocks->Get(rocksdb::ReadOptions{}, impl_->handle(cf),
                              rocksdb::Slice{key.data(), key.size()}, &value);
  if (st.IsNotFound()) {
    status = db_status::success();
    return std::nullopt;
  }
  status = from_rocks(st);
  if (!status.ok)
    return std::nullopt;
  return value;
}

std::unique_ptr<cursor> db::new_cursor(column cf) const {
  impl_->refresh_fault_for_read(options_.fault_file);
  return impl_->open_cursor(cf, rocksdb::ReadOptions{});
}

class snapshot {
public:
  snapshot(std::shared_lock<std::shared_mutex> hold, rocksdb::DB* rocks)
    : hold_(std::move(hold)), rocks_(rocks), snap_(rocks ? rocks->GetSnapshot() : nullptr) {}
  ~snapshot() {
    if (snap_)
      rocks_->ReleaseSnapshot(snap_);
  }
  snapshot(const snapshot&) = delete;
  snapshot& operator=(const snapshot&) = delete;
  /// Null while RocksDB is closed (cursors over it then read the error).
  const rocksdb::Snapshot* get() const { return snap_; }

private:
  std::shared_lock<std::shared_mutex> hold_;
  rocksdb::DB* rocks_;
  const rocksdb::Snapshot* snap_;
};

std::shared_ptr<const snapshot> db::take_snapshot() const {
  auto hold = impl_->shared();
  auto* rocks = impl_->rocks.get();
  return std::make_shared<const snapshot>(std::move(hold), rocks);
}

std::unique_ptr<cursor> db::new_cursor(column cf, const snapshot& at) const {
  impl_->refresh_fault_for_read(options_.fault_file);
  rocksdb::ReadOptions ro;
  ro.snapshot = at.get();
  return impl_->open_cursor(cf, ro);
}

db_status db::disk_alarm() const {
  auto& im = *impl_;
  if (options_.min_free_bytes == 0 && options_.fault_file.empty())
    return db_status::success();
  using std::chrono::nanoseconds;
  auto now = std::chrono::duration_cast<nanoseconds>(std::chrono::steady_clock::now().time_since_epoch());
  if (now.count() >= im.next_disk_check.load(std::memory_order_relaxed)) {
    im.next_disk_check.store((now + nanoseconds{std::chrono::milliseconds{100}}).count(),
                             std::memory_order_relaxed);
    auto fault = im.refresh_fault(options_.fault_file);
    uint64_t free =
      fault == disk_fault::full ? 0 : free_bytes_under(options_.path).value_or(UINT64_MAX);
    im.free_bytes.store(free, std::memory_order_relaxed);
    bool raised = free < options_.min_free_bytes;
    if (raised != im.alarm.exchange(raised)) {
      if (raised)
        spdlog::error("disk alarm: {} bytes free under {} (limit {}): writes are refused, reads "
                      "served", free, options_.path, options_.min_free_bytes);
      else
        spdlog::info("disk alarm cleared: {} bytes free under {}", free, options_.path);
    }
  }
  if (!im.alarm.load(std::memory_order_relaxed))
    return db_status::success();
  return db_status::failure("disk alarm: " + std::to_string(im.free_bytes.load()) + " bytes free under "
                            + options_.path + ", below the limit of "
                            + std::to_string(options_.min_free_bytes)
                            + " (--disk-free-limit-bytes); writes resume once space is freed");
}

namespace {

/// Why RocksDB would refuse `batch` part-way, after logging it (a range
/// whose end comes before its start fails at the memtable, once the ops
/// before it are in, and again when the log is replayed); success if it
/// would not.
db_status check_batch(const write_batch& batch) {
  for (auto& op : batch.ops())
    if (op.what == write_batch::kind::remove_range && op.value < op.key)
      return db_status::failure("invalid write: a range whose end comes before its start");
  return db_status::success();
}

} // namespace

db_status db::write(write_batch batch) {
  if (auto st = check_batch(batch); !st.ok)
    return st;
  impl_->batches.fetch_add(1, std::memory_order_relaxed);
  return write_now([&](rocksdb::WriteBatch& wb) { impl_->append(wb, batch); });
}

db_status db::write_now(const std::function<void(rocksdb::WriteBatch&)>& fill) {
  auto& im = *impl_;
  auto st = disk_alarm();
  if (st.ok)
    st = resume_writes();
  if (!st.ok)
    return st;
  {
    auto hold = im.shared();
    if (!im.rocks)
      return im.closed();
    rocksdb::WriteBatch wb;
    fill(wb);
    auto started = std::chrono::steady_clock::now();
    st = from_rocks(im.rocks->Write(im.write_options, &wb));
    im.time_write(std::chrono::steady_clock::now() - started);
    im.writes.fetch_add(1, std::memory_order_relaxed);
  }
  if (!st.ok) {
    // RocksDB stops taking writes after one its disk failed; this one is
    // not in the memtables (a log record the disk kept despite a failed
    // sync is replayed when the database is opened again). Writes resume
    // once it can resume.
    spdlog::error("storage write failed: {}; writes are refused until the disk takes them "
                  "again, reads served", st.message);
    std::lock_guard<std::mutex> guard{im.resume_mu};
    im.resume_needed.store(true, std::memory_order_release);
    im.next_resume = std::chrono::steady_clock::now() + std::chrono::milliseconds{100};
    im.write_error = st;
  }
  return st;
}

void db::commit(write_batch batch, std::function<void(db_status)> done) {
  // Refused alone: merged into a group, it would fail every batch in it.
  if (auto st = check_batch(batch); !st.ok) {
    done(std::move(st));
    return;
  }
  impl_->batches.fetch_add(1, std::memory_order_relaxed);
  {
    std::lock_guard<std::mutex> guard{impl_->mtx};
    impl_->queue.push_back({std::move(batch), std::move(done)});
  }
  impl_->cv.notify_one();
}

void db::committer_loop() {
  auto& im = *impl_;
  std::deque<impl::pending> group;
  for (;;) {
    {
      std::unique_lock<std::mutex> lock{im.mtx};
      im.cv.wait(lock, [&] { return im.stopping || !im.queue.empty(); });
      if (im.queue.empty())
        return;  // stopping and drained
      group.swap(im.queue);
    }
    if (options_.before_group_write) {
      options_.before_group_write();
      // Batches that queued while the hook held us join this group.
      std::lock_guard<std::mutex> guard{im.mtx};
      while (!im.queue.empty()) {
        group.push_back(std::move(im.queue.front()));
        im.queue.pop_front();
      }
    }
    // Everything queued while the previous write ran becomes one write.
    auto st = write_now([&](rocksdb::WriteBatch& wb) {
      for (auto& p : group)
        im.append(wb, p.batch);
    });
    for (auto& p : group)
      p.done(st);
    group.clear();
  }
}

db_status db::resume_writes() {
  auto& im = *impl_;
  if (!im.resume_needed.load(std::memory_order_acquire))
    return db_status::success();
  std::lock_guard<std::mutex> guard{im.resume_mu};
  if (!im.resume_needed.load(std::memory_order_relaxed))
    return db_status::success();
  auto now = std::chrono::steady_clock::now();
  if (now < im.next_resume)
    return db_status::failure("storage refusing writes after: " + im.write_error.message
                              + " (retried every 100 ms)");
  im.next_resume = now + std::chrono::milliseconds{100};
  // Resume flushes the memtables to new files: tried only once the disk
  // has room again (a resume that fails on a full disk can leave RocksDB
  // past recovery).
  bool room = im.refresh_fault(options_.fault_file) == disk_fault::none
              && free_bytes_under(options_.path).value_or(0)
                   > options_.min_free_bytes + (uint64_t{16} << 20);
  if (!room)
    return db_status::failure("storage refusing writes after: " + im.write_error.message
                              + " (the disk has no room yet)");
  db_status st;
  {
    auto hold = im.shared();
    st = im.rocks ? from_rocks(im.rocks->Resume()) : im.closed();
  }
  // RocksDB does not resume after its write-ahead log failed: opened
  // again, it replays the log and takes writes.
  if (!st.ok && options_.mode != durability::none)
    st = reopen();
  if (!st.ok)
    return db_status::failure("storage refusing writes after: " + im.write_error.message
                              + " (resume failed: " + st.message + ")");
  im.resume_needed.store(false, std::memory_order_release);
  spdlog::info("storage takes writes again after: {}", im.write_error.message);
  return st;
}

db_status db::reopen() {
  auto& im = *impl_;
  std::unique_lock<std::shared_mutex> alone{im.open_mu, std::try_to_lock};
  if (!alone)
    return db_status::failure("waiting for open cursors and snapshots to close, to open "
                              "the database again");
  spdlog::warn("storage: opening the database again, to take writes after: {}",
               im.write_error.message);
  // Without a write-ahead log the memtables hold acknowledged writes that
  // a close would lose: never reopened then (resume_writes).
  im.close_rocks(false);
  auto st = im.open_rocks(options_.path);
  if (!st.ok()) {
    im.open_error = st.ToString();
    spdlog::error("storage: opening the database again failed: {}", im.open_error);
    return im.closed();
  }
  return db_status::success();
}

db_status db::flush() const {
  auto hold = impl_->shared();
  if (!impl_->rocks)
    return impl_->closed();
  auto st = impl_->rocks->Flush(rocksdb::FlushOptions{}, impl_->handles);
  return st.ok() ? db_status::success() : from_rocks(st);
}

db_status db::compact() {
  auto hold = impl_->shared();
  if (!impl_->rocks)
    return impl_->closed();
  for (auto* h : impl_->handles) {
    auto st = impl_->rocks->CompactRange(rocksdb::CompactRangeOptions{}, h,
                                         nullptr, nullptr);
    if (!st.ok())
      return from_rocks(st);
  }
  return db_status::success();
}

commit_stats db::stats() const {
  commit_stats out{impl_->batches.load(), impl_->writes.load(), {}, 0};
  uint64_t below = 0;
  for (auto& b : impl_->write_buckets)
    out.write_buckets.push_back(below += b.load(std::memory_order_relaxed));
  out.write_seconds = static_cast<double>(impl_->write_us.load()) / 1e6;
  return out;
}

db_status db::checkpoint(const std::string& dir) const {
  auto hold = impl_->shared();
  if (!impl_->rocks)
    return impl_->closed();
  rocksdb::Checkpoint* raw = nullptr;
  auto s = rocksdb::Checkpoint::Create(impl_->rocks.get(), &raw);
  std::unique_ptr<rocksdb::Checkpoint> cp{raw};
  if (s.ok())
    s = cp->CreateCheckpoint(dir);
  if (!s.ok())
    return db_status::failure(s.ToString());
  return db_status::success();
}

std::optional<uint64_t> db::int_property(const std::string& name) const {
  uint64_t value = 0;
  auto hold = impl_->shared();
  if (!impl_->rocks || !impl_->rocks->GetAggregatedIntProperty(name, &value))
    return std::nullopt;
  return value;
}

} // namespace troupe::storage
