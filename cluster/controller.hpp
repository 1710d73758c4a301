// controller: the Raft group that owns a replicated cluster's table.
//
// Without replication one member changes the table, the coordinator chosen
// as the reachable member with the lowest id. Replicated, the table is the
// state of one more Raft group, the controller (group id controller_group,
// which no partition can have: a table holds at most 65535 partitions,
// numbered from 0). Its replicas are placed by the same rule as a
// partition's (as if it were partition 65535), so it lives on the founders
// first and follows joins and drains like any partition.
//
// Its leader is the coordinator. A change (a member joins, is marked
// leaving or leaves, its addresses change) is proposed as the whole next
// table, one at a time; members take a table only once it is committed. A
// member cut off with a minority cannot be the coordinator (check-quorum
// ends its leadership within an election timeout) and cannot commit a
// change, so the two sides of a split never hold two different tables of
// the same epoch.
//
// Each entry is an encoded partition_table. An entry whose epoch is not
// above the last applied one changes nothing (every replica skips the same
// entries, so they agree on the table). The applied table is stored in the
// meta column family; members read it through latest().
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "cluster/raft_groups.hpp"

namespace troupe::cluster {

/// The controller's Raft group id.
constexpr uint16_t controller_group = 0xFFFF;

class controller_state_machine final : public raft_state_machine {
public:
  /// Starts from the table stored in `db`, if any.
  explicit controller_state_machine(storage::db& db);

  storage::db_status apply(uint16_t group, std::string_view data,
                           storage::write_batch& batch) override;
  std::unique_ptr<snapshot_reader> read_snapshot(uint16_t group) override;
  storage::db_status install(uint16_t group, std::string_view data,
                             storage::write_batch& batch) override;
  void erase(uint16_t group, storage::write_batch& batch) override;

  /// The last applied table (encoded) when it changed since `seen`, which
  /// is then updated; nullopt otherwise. Thread-safe.
  std::optional<std::string> latest(uint64_t& seen) const;

private:
  /// Takes `table` as the applied state (with `newer_only`, only when its
  /// epoch is above the current one); a failure when it is malformed.
  storage::db_status take(std::string_view table, bool newer_only, storage::write_batch& batch);

  storage::db& db_;
  mutable std::mutex mutex_;
  std::string table_;  ///< encoded; empty: none applied
  uint64_t epoch_ = 0;
  uint64_t version_ = 0;
};

/// Routes each group to its state machine: the controller's to
/// `controller`, every partition's to `partitions`.
class group_state_machines final : public raft_state_machine {
public:
  group_state_machines(raft_state_machine& partitions, raft_state_machine& controller)
    : partitions_(partitions), controller_(controller) {}
  storage::db_status apply(uint16_t group, std::string_view data,
                           storage::write_batch& batch) override {
    return of(group).apply(group, data, batch);
  }
  std::unique_ptr<snapshot_reader> read_snapshot(uint16_t group) override {
    return of(group).read_snapshot(group);
  }
  storage::db_status install(uint16_t group, std::string_view data,
                             storage::write_batch& batch) override {
    return of(group).install(group, data, batch);
  }
  void erase(uint16_t group, storage::write_batch& batch) override {
    of(group).erase(group, batch);
  }

private:
  raft_state_machine& of(uint16_t group) {
    return group == controller_group ? controller_ : partitions_;
  }
  raft_state_machine& partitions_;
  raft_state_machine& controller_;
};

} // namespace troupe::cluster
