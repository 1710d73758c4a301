#include "cluster/raft_log_store.hpp"

#include <algorithm>
#include <stdexcept>

#include "storage/key_codec.hpp"

namespace troupe::cluster {

namespace {

using storage::column;

void put_u64(std::string& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

/// Reads 8 big-endian bytes at `pos`; false when too short.
bool get_u64(std::string_view in, size_t& pos, uint64_t& v) {
  if (in.size() < pos + 8)
    return false;
  v = 0;
  for (int i = 0; i < 8; ++i)
    v = (v << 8) | static_cast<uint8_t>(in[pos + static_cast<size_t>(i)]);
  pos += 8;
  return true;
}

std::string encode_entry(const raft::entry& e) {
  std::string out;
  put_u64(out, e.term.value);
  out.push_back(static_cast<char>(e.type));
  out += e.data;
  return out;
}

bool decode_entry(std::string_view in, raft::log_index index, raft::entry& e) {
  size_t pos = 0;
  uint64_t term = 0;
  if (!get_u64(in, pos, term) || in.size() < pos + 1 || static_cast<uint8_t>(in[pos]) > 2)
    return false;
  e.index = index;
  e.term = raft::term_t{term};
  e.type = static_cast<raft::entry_type>(in[pos]);
  e.data = std::string{in.substr(pos + 1)};
  return true;
}

std::string encode_meta(const raft::snapshot_meta& meta) {
  std::string out;
  put_u64(out, meta.index);
  put_u64(out, meta.term.value);
  out += raft::encode_config(meta.config);
  return out;
}

} // namespace

raft_log_store::raft_log_store(storage::db& db, uint16_t group)
  : db_(db), prefix_(storage::partition_prefix(partition_id{group})) {}

std::string raft_log_store::key(char kind) const {
  return prefix_ + kind;
}

std::string raft_log_store::entry_key(raft::log_index i) const {
  auto k = key('e');
  put_u64(k, i);
  return k;
}

storage::db_status raft_log_store::load(const raft::configuration& initial,
                                        raft::persisted_state& out) {
  out = raft::persisted_state{};
  storage::db_status status;
  // A replica removed once knows no configuration when made again: it
  // learns the group's from the leader that adds it.
  if (!db_.get(column::raft, key('x'), status))
    out.snapshot.config = initial;
  if (!status.ok)
    return status;
  if (auto raw = db_.get(column::raft, key('h'), status)) {
    size_t pos = 0;
    uint64_t term = 0, vote = 0;
    if (!get_u64(*raw, pos, term) || !get_u64(*raw, pos, vote) || !get_u64(*raw, pos, out.state.commit))
      return storage::db_status::failure("raft: malformed hard state");
    out.state.term = raft::term_t{term};
    out.state.vote = raft::node_id{vote};
  }
  if (!status.ok)
    return status;
  if (auto raw = db_.get(column::raft, key('s'), status)) {
    size_t pos = 0;
    uint64_t term = 0;
    if (!get_u64(*raw, pos, out.snapshot.index) || !get_u64(*raw, pos, term))
      return storage::db_status::failure("raft: malformed snapshot meta");
    out.snapshot.term = raft::term_t{term};
    try {
      out.snapshot.config = raft::decode_config(raw->substr(pos));
    } catch (const std::invalid_argument& e) {
      return storage::db_status::failure(e.what());
    }
  }
  if (!status.ok)
    return status;
  out.applied = out.snapshot.index;
  if (auto raw = db_.get(column::raft, key('a'), status)) {
    size_t pos = 0;
    uint64_t applied = 0;
    if (!get_u64(*raw, pos, applied))
      return storage::db_status::failure("raft: malformed applied index");
    out.applied = std::max(out.applied, applied);
  }
  if (!status.ok)
    return status;
  auto first = entry_key(out.snapshot.index + 1);
  auto end = storage::prefix_end(key('e'));
  auto cur = db_.new_cursor(column::raft);
  for (cur->seek(first); cur->valid() && cur->key() < end; cur->next()) {
    auto expected = out.snapshot.index + 1 + out.entries.size();
    raft::entry e;
    if (cur->key() != entry_key(expected) || !decode_entry(cur->value(), expected, e))
      return storage::db_status::failure("raft: log entries missing or malformed after index "
                                         + std::to_string(expected - 1));
    out.entries.push_back(std::move(e));
  }
  auto status_after = cur->status();
  if (status_after.ok)
    last_ = out.snapshot.index + out.entries.size();
  return status_after;
}

void raft_log_store::persist(const raft::ready& r, storage::write_batch& batch) {
  auto entries_end = storage::prefix_end(key('e'));
  if (r.snapshot) {
    batch.remove_range(column::raft, key('e'), entries_end);
    batch.put(column::raft, key('s'), encode_meta(*r.snapshot));
    last_ = r.snapshot->index;
  }
  if (!r.entries.empty()) {
    // Entries from there on are replaced: a new leader's log wins. Appends
    // past the stored tail (the common case) need no range delete.
    auto first = r.entries.front().index;
    if (!last_ || first <= *last_)
      batch.remove_range(column::raft, entry_key(first), entries_end);
    for (auto& e : r.entries)
      batch.put(column::raft, entry_key(e.index), encode_entry(e));
    last_ = r.entries.back().index;
  }
  if (r.state_changed) {
    std::string hs;
    put_u64(hs, r.state.term.value);
    put_u64(hs, r.state.vote.value);
    put_u64(hs, r.state.commit);
    batch.put(column::raft, key('h'), std::move(hs));
  }
}

bool raft_log_store::stored(storage::db_status& status) const {
  if (db_.get(column::raft, key('s'), status).has_value())
    return status.ok;
  if (!status.ok)
    return false;
  // A retired replica keeps only its hard state and the mark; one made again
  // here since then has entries of its own (or the snapshot meta above).
  if (!db_.get(column::raft, key('x'), status).has_value())
    return status.ok && db_.get(column::raft, key('h'), status).has_value() && status.ok;
  if (!status.ok)
    return false;
  auto cur = db_.new_cursor(column::raft);
  cur->seek(key('e'));
  bool entries = cur->valid() && cur->key() < storage::prefix_end(key('e'));
  status = cur->status();
  return entries && status.ok;
}

void raft_log_store::found(const raft::configuration& initial, storage::write_batch& batch) const {
  raft::snapshot_meta meta;
  meta.config = initial;
  batch.put(column::raft, key('s'), encode_meta(meta));
}

void raft_log_store::retire(raft::term_t term, raft::node_id vote,
                            storage::write_batch& batch) const {
  // Every key of the group is its prefix and a letter: [prefix + 0x00,
  // prefix + 0xFF) holds them all, also for the group 0xFFFF, whose prefix
  // has no end of its own.
  batch.remove_range(column::raft, key('\0'), key('\xff'));
  std::string hs;
  put_u64(hs, term.value);
  put_u64(hs, vote.value);
  put_u64(hs, 0);
  batch.put(column::raft, key('h'), std::move(hs));
  batch.put(column::raft, key('x'), {});
}

void raft_log_store::applied(raft::log_index index, storage::write_batch& batch) const {
  std::string raw;
  put_u64(raw, index);
  batch.put(column::raft, key('a'), std::move(raw));
}

void raft_log_store::compact(const raft::snapshot_meta& meta, storage::write_batch& batch) const {
  batch.remove_range(column::raft, key('e'), entry_key(meta.index + 1));
  batch.put(column::raft, key('s'), encode_meta(meta));
}

} // namespace troupe::cluster
