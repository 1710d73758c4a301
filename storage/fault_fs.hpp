// fault_fs: a RocksDB file system that passes everything through to the
// real one, except that while a fault is switched on every write to a file
// fails as a full or failing disk fails it (ENOSPC, EIO), or every read of
// a table file fails as a bad sector does (EIO). Tests and the
// node's --fault-file hook use it to show that a node meeting such a disk
// refuses writes with a clear error, keeps serving reads and takes writes
// again, without a restart, once the disk is back.
//
// Internal to storage/ (it pulls in RocksDB's headers).
#pragma once

#include <atomic>
#include <memory>

#include <rocksdb/file_system.h>

namespace troupe::storage {

enum class disk_fault : int {
  none,
  full,    ///< free space reads as 0: the disk alarm refuses writes first
  nospace, ///< writes fail with ENOSPC (RocksDB meets a full disk itself)
  nospace_sst,  ///< only table files (flushes, compactions) meet ENOSPC
  io,      ///< writes fail with EIO (a failing disk)
  io_read, ///< reads of table files fail with EIO (a bad sector under data)
};

/// Wraps `base`; while `fault` is nospace or io, appends, syncs and new
/// files fail with that error (nospace_sst: those of .sst files only);
/// while it is io_read, reads of .sst files fail with EIO (writes pass).
std::shared_ptr<rocksdb::FileSystem> make_fault_fs(std::shared_ptr<rocksdb::FileSystem> base,
                                                   std::shared_ptr<std::atomic<disk_fault>> fault);

} // namespace troupe::storage
