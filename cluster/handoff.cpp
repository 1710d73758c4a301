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

storage::db_status export_chunk(const storage::db& db, const storage::snapshot& view,
                                partition_id p, uint32_t col, std::string_view after,
                                size_t max_bytes, std::string& out) {
  auto prefix = storage::partition_prefix(p);
  auto end = storage::prefix_end(prefix);
  if (!after.empty() && after.substr(0, prefix.size()) != prefix)
    return storage::db_status::failure("the export cursor lies outside partition "
                                       + std::to_string(p.value));
  v1::PartitionChunk chunk;
  chunk.set_partition(p.value);
  size_t bytes = 0;
  std::string from{after};
  for (; col < static_cast<uint32_t>(storage::partition_data_columns); ++col, from.clear()) {
    auto cur = db.new_cursor(static_cast<column>(col), view);
    cur->seek(from.empty() ? prefix : from);
    if (!from.empty() && cur->valid() && cur->key() == from)
      cur->next();
    // The last key taken from this column: where the next chunk resumes
    // (the column's start when none was).
    std::string last = from;
    for (; cur->valid() && cur->key() < end; cur->next()) {
      if (bytes >= max_bytes) {
        chunk.set_next_column(col);
        chunk.set_next_after(last);
        out = chunk.SerializeAsString();
        return storage::db_status::success();
      }
      last = cur->key();
      auto* e = chunk.add_entries();
      e->set_column(col);
      e->set_key(std::string{cur->key()});
      e->set_value(std::string{cur->value()});
      bytes += cur->key().size() + cur->value().size() + 8;
    }
    if (auto status = cur->status(); !status.ok)
      return status;
  }
  chunk.set_done(true);
  out = chunk.SerializeAsString();
  return storage::db_status::success();
}

bool partition_empty(const storage::db& db, partition_id p, storage::db_status& status) {
  auto prefix = storage::partition_prefix(p);
  auto end = storage::prefix_end(prefix);
  for (int col = 0; col < storage::partition_data_columns; ++col) {
    auto cur = db.new_cursor(static_cast<column>(col));
    cur->seek(prefix);
    bool any = cur->valid() && cur->key() < end;
    status = cur->status();
    if (!status.ok || any)
      return false;
  }
  return true;
}

} // namespace troupe::cluster
