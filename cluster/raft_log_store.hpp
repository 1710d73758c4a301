// raft_log_store: one Raft group's durable state in the `raft` column — its
// hard state (term, vote, commit), its snapshot meta (index, term,
// configuration) and its log entries — as the group's driver persists each
// ready and reloads it at start.
//
// Keys, under the group's 2-byte id (a partition id; 0xFFFF is free for the
// controller group): 'h' the hard state, 's' the snapshot meta, 'a' the
// applied index, 'e' + the index (8 bytes, big-endian, so entries sort by
// index) each entry, 'x' alone once the replica was removed from the group
// (retire): a replica made here again starts knowing no configuration. The
// column is never moved with a partition: each replica keeps its own log.
//
// Plain code over storage::db; the caller writes the batches (together with
// the entries' effects when it applies them, so both land in one write).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cluster/raft/core.hpp"
#include "storage/db.hpp"

namespace troupe::cluster {

class raft_log_store {
public:
  raft_log_store(storage::db& db, uint16_t group);

  /// What start needs: the hard state, the snapshot meta (index 0 and
  /// `initial` as configuration when none was stored) and the entries
  /// after it. Fails on unreadable storage or malformed records.
  storage::db_status load(const raft::configuration& initial, raft::persisted_state& out);

  /// Whether this node keeps a replica of the group: false after retire
  /// until the replica, made here again, stores an entry or a snapshot.
  bool stored(storage::db_status& status) const;

  /// Adds to `batch` the configuration a new group starts from, so that
  /// every later start of this replica begins from the same one.
  void found(const raft::configuration& initial, storage::write_batch& batch) const;

  /// Adds to `batch` the removal of everything the group kept here but its
  /// term and vote (a replica made here again must not vote twice in a
  /// term), and the mark that this replica was removed.
  void retire(raft::term_t term, raft::node_id vote, storage::write_batch& batch) const;

  /// Adds to `batch` what persisting `r` takes: an installed snapshot (every
  /// entry removed, its meta stored), entries from r.entries.front().index
  /// on (stored ones from there removed first: a range delete only when the
  /// new entries overwrite stored ones, as after load it knows the stored
  /// tail), the hard state when it changed.
  void persist(const raft::ready& r, storage::write_batch& batch);

  /// Adds to `batch` the applied index; written in the same batch as the
  /// applied entries' effects, so a restart never applies an entry twice.
  void applied(raft::log_index index, storage::write_batch& batch) const;

  /// Adds to `batch` the removal of entries up to meta.index and the new
  /// snapshot meta (after core::compact, with core::applied_snapshot()).
  void compact(const raft::snapshot_meta& meta, storage::write_batch& batch) const;

private:
  std::string key(char kind) const;
  std::string entry_key(raft::log_index i) const;

  storage::db& db_;
  std::string prefix_;
  /// The last stored entry's index, once known (after load or a snapshot).
  std::optional<raft::log_index> last_;
};

} // namespace troupe::cluster
