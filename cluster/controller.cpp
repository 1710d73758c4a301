#include "cluster/controller.hpp"

#include <spdlog/spdlog.h>

#include "cluster/partition_table.hpp"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"

namespace troupe::cluster {

namespace {

const std::string controller_key = storage::node_meta_key("cluster.controller");

/// The controller's snapshot: its table, in one chunk.
class table_snapshot final : public snapshot_reader {
public:
  explicit table_snapshot(std::string table) : table_(std::move(table)) {}
  std::optional<std::string> next(size_t, storage::db_status&) override {
    if (sent_)
      return std::nullopt;
    sent_ = true;
    return table_;
  }

private:
  std::string table_;
  bool sent_ = false;
};

} // namespace

controller_state_machine::controller_state_machine(storage::db& db) : db_(db) {
  storage::db_status status;
  auto raw = db_.get(storage::column::meta, controller_key, status);
  if (!status.ok)
    spdlog::error("cannot read the controller's table: {}", status.message);
  if (raw)
    if (auto t = partition_table::decode(*raw)) {
      table_ = std::move(*raw);
      epoch_ = t->epoch();
      version_ = 1;
    }
}

storage::db_status controller_state_machine::take(std::string_view table, bool newer_only,
                                                  storage::write_batch& batch) {
  auto t = partition_table::decode(table);
  if (!t)
    return storage::db_status::failure("malformed controller table");
  std::lock_guard<std::mutex> guard{mutex_};
  if (newer_only && t->epoch() <= epoch_)
    return storage::db_status::success();
  table_.assign(table);
  epoch_ = t->epoch();
  ++version_;
  batch.put(storage::column::meta, controller_key, table_);
  return storage::db_status::success();
}

storage::db_status controller_state_machine::apply(uint16_t, std::string_view data,
                                                   storage::write_batch& batch) {
  // A table proposed on an older one changes nothing.
  return take(data, true, batch);
}

std::unique_ptr<snapshot_reader> controller_state_machine::read_snapshot(uint16_t) {
  std::lock_guard<std::mutex> guard{mutex_};
  return std::make_unique<table_snapshot>(table_);
}

storage::db_status controller_state_machine::install(uint16_t, std::string_view data,
                                                     storage::write_batch& batch) {
  // A snapshot replaces the state, whatever its epoch; an empty one (a
  // controller that had applied no table yet) leaves what this node knows.
  return data.empty() ? storage::db_status::success() : take(data, false, batch);
}

void controller_state_machine::erase(uint16_t, storage::write_batch& batch) {
  std::lock_guard<std::mutex> guard{mutex_};
  table_.clear();
  epoch_ = 0;
  batch.remove(storage::column::meta, controller_key);
}

std::optional<std::string> controller_state_machine::latest(uint64_t& seen) const {
  std::lock_guard<std::mutex> guard{mutex_};
  if (version_ == seen || table_.empty())
    return std::nullopt;
  seen = version_;
  return table_;
}

} // namespace troupe::cluster
