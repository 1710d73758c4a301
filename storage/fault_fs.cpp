#include "storage/fault_fs.hpp"

namespace troupe::storage {

namespace {

using rocksdb::IODebugContext;
using rocksdb::IOOptions;
using rocksdb::IOStatus;
using rocksdb::Slice;

using fault_ptr = std::shared_ptr<std::atomic<disk_fault>>;

/// The error a write to a file (a table file when `sst`) meets under
/// `fault`; ok when there is none.
IOStatus injected(const std::atomic<disk_fault>& fault, bool sst) {
  switch (fault.load(std::memory_order_relaxed)) {
    case disk_fault::nospace_sst:
      if (!sst)
        return IOStatus::OK();
      [[fallthrough]];
    case disk_fault::nospace:
      return IOStatus::NoSpace("injected fault: no space left on device");
    case disk_fault::io:
      return IOStatus::IOError("injected fault: input/output error");
    default:
      return IOStatus::OK();
  }
}

class fault_file : public rocksdb::FSWritableFileOwnerWrapper {
public:
  fault_file(std::unique_ptr<rocksdb::FSWritableFile> file, fault_ptr fault, bool sst)
    : FSWritableFileOwnerWrapper(std::move(file)), fault_(std::move(fault)), sst_(sst) {}

  IOStatus Append(const Slice& data, const IOOptions& o, IODebugContext* d) override {
    auto s = injected(*fault_, sst_);
    return s.ok() ? FSWritableFileOwnerWrapper::Append(data, o, d) : s;
  }
  IOStatus Append(const Slice& data, const IOOptions& o,
                  const rocksdb::DataVerificationInfo& v, IODebugContext* d) override {
    auto s = injected(*fault_, sst_);
    return s.ok() ? FSWritableFileOwnerWrapper::Append(data, o, v, d) : s;
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& o,
                            IODebugContext* d) override {
    auto s = injected(*fault_, sst_);
    return s.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, o, d) : s;
  }
  IOStatus PositionedAppend(const Slice& data, uint64_t offset, const IOOptions& o,
                            const rocksdb::DataVerificationInfo& v, IODebugContext* d) override {
    auto s = injected(*fault_, sst_);
    return s.ok() ? FSWritableFileOwnerWrapper::PositionedAppend(data, offset, o, v, d) : s;
  }
  IOStatus Flush(const IOOptions& o, IODebugContext* d) override {
    auto s = injected(*fault_, sst_);
    return s.ok() ? FSWritableFileOwnerWrapper::Flush(o, d) : s;
  }
  IOStatus Sync(const IOOptions& o, IODebugContext* d) override {
    auto s = injected(*fault_, sst_);
    return s.ok() ? FSWritableFileOwnerWrapper::Sync(o, d) : s;
  }
  IOStatus Fsync(const IOOptions& o, IODebugContext* d) override {
    auto s = injected(*fault_, sst_);
    return s.ok() ? FSWritableFileOwnerWrapper::Fsync(o, d) : s;
  }

private:
  fault_ptr fault_;
  bool sst_;
};

bool is_table_file(const std::string& name) {
  return name.size() >= 4 && name.compare(name.size() - 4, 4, ".sst") == 0;
}

/// A table file whose reads fail while the fault is io_read.
class fault_reader : public rocksdb::FSRandomAccessFileOwnerWrapper {
public:
  fault_reader(std::unique_ptr<rocksdb::FSRandomAccessFile> file, fault_ptr fault)
    : FSRandomAccessFileOwnerWrapper(std::move(file)), fault_(std::move(fault)) {}

  IOStatus Read(uint64_t offset, size_t n, const IOOptions& o, Slice* result, char* scratch,
                IODebugContext* d) const override {
    if (failing())
      return read_error();
    return FSRandomAccessFileOwnerWrapper::Read(offset, n, o, result, scratch, d);
  }
  IOStatus MultiRead(rocksdb::FSReadRequest* reqs, size_t num_reqs, const IOOptions& o,
                     IODebugContext* d) override {
    if (!failing())
      return FSRandomAccessFileOwnerWrapper::MultiRead(reqs, num_reqs, o, d);
    for (size_t i = 0; i < num_reqs; ++i)
      reqs[i].status = read_error();
    return read_error();
  }

private:
  bool failing() const { return fault_->load(std::memory_order_relaxed) == disk_fault::io_read; }
  static IOStatus read_error() { return IOStatus::IOError("injected fault: input/output error"); }

  fault_ptr fault_;
};

class fault_fs : public rocksdb::FileSystemWrapper {
public:
  fault_fs(std::shared_ptr<rocksdb::FileSystem> base, fault_ptr fault)
    : FileSystemWrapper(base), fault_(std::move(fault)) {}

  const char* Name() const override { return "TroupeFaultFS"; }

  IOStatus NewWritableFile(const std::string& name, const rocksdb::FileOptions& o,
                           std::unique_ptr<rocksdb::FSWritableFile>* out,
                           IODebugContext* d) override {
    return wrap(name, target()->NewWritableFile(name, o, out, d), out);
  }
  IOStatus ReopenWritableFile(const std::string& name, const rocksdb::FileOptions& o,
                              std::unique_ptr<rocksdb::FSWritableFile>* out,
                              IODebugContext* d) override {
    return wrap(name, target()->ReopenWritableFile(name, o, out, d), out);
  }
  IOStatus ReuseWritableFile(const std::string& name, const std::string& old,
                             const rocksdb::FileOptions& o,
                             std::unique_ptr<rocksdb::FSWritableFile>* out,
                             IODebugContext* d) override {
    return wrap(name, target()->ReuseWritableFile(name, old, o, out, d), out);
  }

  IOStatus NewRandomAccessFile(const std::string& name, const rocksdb::FileOptions& o,
                               std::unique_ptr<rocksdb::FSRandomAccessFile>* out,
                               IODebugContext* d) override {
    auto opened = target()->NewRandomAccessFile(name, o, out, d);
    if (opened.ok() && is_table_file(name))
      *out = std::make_unique<fault_reader>(std::move(*out), fault_);
    return opened;
  }

private:
  IOStatus wrap(const std::string& name, IOStatus opened,
                std::unique_ptr<rocksdb::FSWritableFile>* out) {
    if (!opened.ok())
      return opened;
    bool sst = is_table_file(name);
    if (auto s = injected(*fault_, sst); !s.ok()) {
      out->reset();
      return s;
    }
    *out = std::make_unique<fault_file>(std::move(*out), fault_, sst);
    return opened;
  }

  fault_ptr fault_;
};

} // namespace

std::shared_ptr<rocksdb::FileSystem> make_fault_fs(std::shared_ptr<rocksdb::FileSystem> base,
                                                   std::shared_ptr<std::atomic<disk_fault>> fault) {
  return std::make_shared<fault_fs>(std::move(base), std::move(fault));
}

} // namespace troupe::storage
