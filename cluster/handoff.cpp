#include "cluster/handoff.hpp"

#include "protocol/troupe.pb.h"
#include "storage/key_codec.hpp"

namespace troupe::cluster {

using storage::column;

struct partition_reader::column_scan {
  std::string end;
  std::unique_ptr<storage::cursor> at;
  std::unique_ptr<storage::cursor> base;  // null without a base

  bool at_valid() const { return at->valid() && at->key() < end; }
  bool base_valid() const { return base && base->valid() && base->key() < end; }
};

partition_reader::partition_reader(const storage::db& db, partition_id p,
                                   std::shared_ptr<const storage::snapshot> at,
                                   std::shared_ptr<const storage::snapshot> base)
  : db_(db), partition_(p), at_(std::move(at)), base_(std::move(base)) {
  // nop
}

partition_reader::~partition_reader() = default;

bool partition_reader::open_column(storage::db_status& status) {
  if (scan_) {
    status = scan_->at->status();
    if (status.ok && scan_->base)
      status = scan_->base->status();
    if (!status.ok)
      return false;
  }
  ++column_;
  if (column_ >= storage::partition_data_columns) {
    scan_.reset();
    return false;
  }
  auto prefix = storage::partition_prefix(partition_);
  scan_ = std::make_unique<column_scan>();
  scan_->end = storage::prefix_end(prefix);
  auto cf = static_cast<column>(column_);
  scan_->at = db_.new_cursor(cf, *at_);
  scan_->at->seek(prefix);
  if (base_) {
    scan_->base = db_.new_cursor(cf, *base_);
    scan_->base->seek(prefix);
  }
  return true;
}

std::optional<std::string> partition_reader::next(size_t max_bytes, storage::db_status& status) {
  status = storage::db_status::success();
  v1::PartitionChunk chunk;
  chunk.set_partition(partition_.value);
  size_t bytes = 0;
  auto add = [&](std::string_view key, std::string_view value, bool deleted) {
    auto* e = chunk.add_entries();
    e->set_column(static_cast<uint32_t>(column_));
    e->set_key(key.data(), key.size());
    if (!deleted)
      e->set_value(value.data(), value.size());
    e->set_deleted(deleted);
    bytes += key.size() + value.size() + 8;
    ++records_;
  };
  if (column_ < 0 && !open_column(status))
    return std::nullopt;
  while (scan_ && bytes < max_bytes) {
    auto& s = *scan_;
    bool a = s.at_valid();
    bool b = s.base_valid();
    if (!a && !b) {
      if (!open_column(status) && !status.ok)
        return std::nullopt;
      continue;
    }
    if (!s.base) {
      add(s.at->key(), s.at->value(), false);
      s.at->next();
      continue;
    }
    // A merge of two sorted scans: a key only in `at` or changed is a put,
    // a key only in `base` a delete, an equal record nothing.
    if (a && (!b || s.at->key() < s.base->key())) {
      add(s.at->key(), s.at->value(), false);
      s.at->next();
    } else if (b && (!a || s.base->key() < s.at->key())) {
      add(s.base->key(), {}, true);
      s.base->next();
    } else {
      if (s.at->value() != s.base->value())
        add(s.at->key(), s.at->value(), false);
      s.at->next();
      s.base->next();
    }
  }
  if (chunk.entries_size() == 0)
    return std::nullopt;
  return chunk.SerializeAsString();
}

storage::db_status chunk_entry(std::string_view bytes, bool reset, partition_id& partition,
                               storage::write_batch& entry) {
  v1::PartitionChunk chunk;
  if (!chunk.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))
      || chunk.partition() >= max_partitions)
    return storage::db_status::failure("malformed partition chunk");
  partition = partition_id{static_cast<uint16_t>(chunk.partition())};
  auto prefix = storage::partition_prefix(partition);
  entry = reset ? erase_entry(partition) : storage::write_batch{};
  for (auto& e : chunk.entries()) {
    if (e.column() >= static_cast<uint32_t>(storage::partition_data_columns)
        || e.key().compare(0, prefix.size(), prefix) != 0)
      return storage::db_status::failure("partition chunk entry outside its partition");
    auto cf = static_cast<column>(e.column());
    if (e.deleted())
      entry.remove(cf, e.key());
    else
      entry.put(cf, e.key(), e.value());
  }
  return storage::db_status::success();
}

storage::write_batch erase_entry(partition_id p) {
  auto prefix = storage::partition_prefix(p);
  auto end = storage::prefix_end(prefix);
  storage::write_batch entry;
  for (int i = 0; i < storage::partition_data_columns; ++i)
    entry.remove_range(static_cast<column>(i), prefix, end);
  return entry;
}

} // namespace troupe::cluster
