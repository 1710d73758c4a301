// raft_driver: the one actor per node that runs every Raft group the node
// hosts (cluster/raft_groups) over CAF remoting.
//
// It ticks every group on one timer, steps the frames peers' drivers send
// it, and runs turns back to back: one turn = every group's ready in one
// write through the db's group committer (one fsync under `fsync`), then one
// frame per peer with every group's messages. While a turn's write is under
// way, inputs keep stepping into the cores, so the next turn carries all of
// them: the busier the node, the larger its turns.
//
// The node's own actors reach it through the returned handle, which is
// thread-safe: propose(group, data, done) and read(group, done) queue in an
// inbox the actor drains; `done` runs on the driver's thread once the entry
// is applied (or the read may be served), or with the reason it failed.
// Peers are named by their Raft node id: (raft_peer_atom, id, driver).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <caf/fwd.hpp>

#include "actors/partition_log.hpp"
#include "cluster/raft_groups.hpp"

namespace troupe::cluster {

struct raft_driver_config {
  storage::db* db = nullptr;
  raft_state_machine* machine = nullptr;
  raft_groups_options groups;
  /// One Raft tick: heartbeats go every groups.heartbeat_ticks of these, an
  /// election starts after [election_ticks, 2 * election_ticks) of them.
  std::chrono::milliseconds tick{50};
  /// Told (on the driver's thread) when a group starts or stops serving
  /// here, or learns of another leader or term. The observer actor set by
  /// (raft_observe_atom, observer) is told the same by message.
  raft_groups::serving_fn on_serving;
};

class raft_driver_inbox;

class raft_driver {
public:
  raft_driver(caf::actor actor, std::shared_ptr<raft_driver_inbox> inbox);
  ~raft_driver();
  raft_driver(const raft_driver&);
  raft_driver& operator=(const raft_driver&);

  const caf::actor& actor() const { return *actor_; }

  void propose(uint16_t group, std::string data, raft_groups::done_fn done,
               uint64_t term = 0) const;
  void read(uint16_t group, raft_groups::done_fn done, uint64_t term = 0) const;

  /// The groups as of the driver's last turn or tick: one snapshot shared by
  /// every reader until the driver publishes the next (hold it while
  /// iterating: `auto views = d.views(); for (auto& v : *views)`).
  std::shared_ptr<const std::vector<group_view>> views() const;
  raft_counters counters() const;

private:
  std::unique_ptr<caf::actor> actor_;
  std::shared_ptr<raft_driver_inbox> inbox_;
};

raft_driver spawn_raft_driver(caf::actor_system& sys, raft_driver_config config);

/// A node id's Raft id: its xxHash64 (never 0, which means "nobody").
raft::node_id raft_node_id(std::string_view node_id);

/// partition_log's replicator over the driver: entries go out encoded.
class raft_replicator final : public actors::log_replicator {
public:
  explicit raft_replicator(raft_driver driver) : driver_(std::move(driver)) {}
  void propose(partition_id p, uint64_t term, storage::write_batch entry,
               std::function<void(storage::db_status)> done) override;
  void confirm_read(partition_id p, uint64_t term,
                    std::function<void(storage::db_status)> done) override;

private:
  raft_driver driver_;
};

} // namespace troupe::cluster
