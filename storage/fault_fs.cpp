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

private:
  IOStatus wrap(const std::string& name, IOStatus opened,
                std::unique_ptr<rocksdb::FSWritableFile>* out) {
    if (!opened.ok())
      return opened;
    bool sst = name.size() >= 4 && name.compare(name.size() - 4, 4, ".sst") == 0;
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
