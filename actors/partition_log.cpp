#include "actors/partition_log.hpp"

#include <future>

namespace troupe::actors {

partition_log::partition_log(storage::db& db, partition_id p, log_replicator* replicator,
                             uint64_t term, bool one_thread)
  : db_(db), partition_(p), replicator_(replicator), term_(term), one_thread_(one_thread) {
  // nop
}

bool partition_log::asynchronous() const {
  if (replicator_ != nullptr)
    return true;
  // Fsync waits must never block an actor thread, and unsynced WAL writes
  // are better grouped too when actors run on several threads: they contend
  // in RocksDB's write thread (measured: pipelined RESP writes +30-50%
  // through the committer). Actors sharing one thread never contend, and
  // the committer's two hops cost more than its grouping saves (measured:
  // a RESP SET takes 26 µs of CPU applied in place, 39 µs through the
  // committer). Durability `none` (no WAL) always applies in the caller.
  switch (db_.mode()) {
    case storage::durability::none:
      return false;
    case storage::durability::os:
      return !one_thread_;
    case storage::durability::fsync:
      break;
  }
  return true;
}

uint64_t partition_log::append(storage::write_batch entry, applied_fn applied) {
  if (replicator_ != nullptr) {
    // Indexes and the group's proposals take entries in the same order.
    std::lock_guard<std::mutex> guard{mutex_};
    auto index = ++last_index_;
    replicator_->propose(partition_, term_, std::move(entry),
                         [index, applied = std::move(applied)](storage::db_status s) {
                           applied(index, std::move(s));
                         });
    return index;
  }
  if (asynchronous()) {
    // Indexes and the committer's queue take entries in the same order.
    std::lock_guard<std::mutex> guard{mutex_};
    auto index = ++last_index_;
    db_.commit(std::move(entry), [index, applied = std::move(applied)](storage::db_status s) {
      applied(index, std::move(s));
    });
    return index;
  }
  uint64_t index = 0;
  storage::db_status status;
  {
    std::lock_guard<std::mutex> guard{mutex_};
    index = ++last_index_;
    status = db_.write(std::move(entry));
  }
  applied(index, std::move(status));
  return index;
}

storage::db_status partition_log::apply(storage::write_batch entry) {
  // Through append(), so it lands after every entry appended before it.
  std::promise<storage::db_status> applied;
  auto result = applied.get_future();
  append(std::move(entry),
         [&applied](uint64_t, storage::db_status s) { applied.set_value(std::move(s)); });
  return result.get();
}

void partition_log::confirm_read(std::function<void(storage::db_status)> done) {
  if (replicator_ == nullptr) {
    done(storage::db_status::success());
    return;
  }
  replicator_->confirm_read(partition_, term_, std::move(done));
}

uint64_t partition_log::last_index() const {
  std::lock_guard<std::mutex> guard{mutex_};
  return last_index_;
}

partition_logs::partition_logs(storage::db& db, uint32_t partition_count,
                               log_replicator* replicator, bool one_thread)
  : db_(db), replicator_(replicator), one_thread_(one_thread) {
  logs_.reserve(partition_count);
  for (uint32_t i = 0; i < partition_count; ++i)
    logs_.push_back(std::make_unique<partition_log>(db, partition_id{static_cast<uint16_t>(i)},
                                                    replicator, 0, one_thread));
}

partition_log& partition_logs::renew(partition_id p, uint64_t term) {
  auto& slot = logs_.at(p.value);
  retired_.push_back(std::move(slot));
  slot = std::make_unique<partition_log>(db_, p, replicator_, term, one_thread_);
  return *slot;
}

} // namespace troupe::actors
