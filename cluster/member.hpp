// member: a node's part in the cluster. One actor per node, published on
// --cluster-listen so the other members reach it over CAF remoting (BASP).
//
// Membership. A node starts with its id, the cluster name and seed
// addresses. It connects to every seed and every member its table names and
// greets each with hello (cluster name, its addresses, its gateway and
// pub/sub hub, its table); a node with another cluster name or the same id
// is refused. Members monitor each other: BASP heartbeats and the closed
// connection of a dead node raise down_msg; a down member is retried every
// tick until it answers again. Its partitions are UNAVAILABLE meanwhile
// (they come back with it; surviving the loss comes with replication).
//
// Bootstrap. A node with seeds and no table waits for a seed that has one.
// With bootstrap_expect N, nodes that all have none (all given the same
// seeds, as in a StatefulSet) wait until N of them reach each other; the one
// with the lowest id then starts the cluster and the others join it. Two
// groups can only both start one if each reaches N apart, so N must be more
// than half of the nodes first started.
//
// Replication (replication_factor N > 1). Every partition is a Raft group
// over the N members the table places it on (partition_table::replicas);
// the table's first members (its founders) start each group with the same
// voters, a node placed later starts its replica empty and is added by the
// leader. The node's driver tells the member when a group starts or stops
// serving here and who leads it elsewhere: the member starts the
// partition's actors on a fresh log of that term, stops them when the term
// ends, routes by the leaders (Welcome and the cluster status show each
// leader as the owner) and tells the other members, which may hold no
// replica. Partitions never move: each leader changes its group's replicas
// towards the table's placement (replica_plan), a replica the table no
// longer places here is deleted once its leader says its removal is
// committed, and a drained node leaves the table once no group has it.
//
// The table. Every member keeps the table with the highest epoch it has seen
// and stores it. One member changes it: the coordinator. It adds nodes that
// greeted it, marks drained ones as leaving and removes them once drained,
// bumping the epoch and sending the table to all after each change; without
// replication it also moves partitions one at a time towards an even
// spread. Without replication the coordinator is the reachable member with
// the lowest id; replicated, it is the leader of the controller group
// (cluster/controller), and a change is taken only once that group
// committed it.
//
// A move of partition p from O to T (run by O on the coordinator's word):
//   1. copy a snapshot of p to T while p keeps serving;
//   2. hold p's new requests (the gateway keeps them), stop p's actors and
//      wait until everything they accepted is written;
//   3. send T what changed since the snapshot;
//   4. T starts p's actors on the copied data and serves p;
//   5. O routes p to T, releases the held requests to T, deletes p's data.
// No write acknowledged before or during the move is lost; requests held
// during it are answered by T.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <caf/fwd.hpp>

#include "cluster/partition_router.hpp"
#include "cluster/partition_table.hpp"

namespace troupe::storage {
class db;
} // namespace troupe::storage

namespace troupe::actors {
class partition_logs;
} // namespace troupe::actors

namespace troupe::cluster {

class raft_driver;
class controller_state_machine;

struct member_config {
  std::string node_id;
  std::string cluster_name;
  member self;                     ///< this node's addresses
  std::vector<std::string> seeds;  ///< cluster addresses host:port
  /// With no table: the lowest id of this many mutually reachable nodes
  /// (this one included) starts the cluster; 0: never (wait for a seed).
  uint32_t bootstrap_expect = 0;
  storage::db* db = nullptr;
  /// Where a partition's data is written: what a move copies in or deletes.
  actors::partition_logs* logs = nullptr;
  std::shared_ptr<partition_router> router;
  caf::actor gateway;
  caf::actor hub;
  /// Spawns the actors of a partition this node takes over.
  std::function<partition_actors(partition_id)> spawn_partition;
  /// Replicas of each partition; 1: a partition lives on its owner alone.
  /// Above 1, each partition is a Raft group over N members, served by its
  /// leader, and `driver` runs this node's replicas.
  uint32_t replication_factor = 1;
  std::shared_ptr<raft_driver> driver;
  /// Replicated: the controller group's state here (cluster/controller).
  controller_state_machine* controller = nullptr;
};

/// The table this node stored, if any (nullopt and `error` empty: none).
std::optional<partition_table> load_table(storage::db& db, std::string& error);

/// Routes for `table` when this node serves the partitions in `local` (set
/// entries), holds those in `moving`, and reaches the members in `peers`
/// (node id -> gateway, hub).
std::shared_ptr<const routes>
make_routes(std::shared_ptr<const partition_table> table, const std::string& local_node,
            const std::vector<partition_actors>& local, const std::vector<bool>& moving,
            caf::actor local_gateway, caf::actor local_hub,
            const std::map<std::string, std::pair<caf::actor, caf::actor>>& peers);

/// Spawns the member with the table the node starts from and the actors it
/// already runs (one entry per partition, set for the partitions it owns).
/// Then send it (joined_atom, cluster address) once it is published: it
/// answers ok when the node is a member (at once for a new cluster or a
/// node that has a stored table).
caf::actor spawn_member(caf::actor_system& sys, member_config cfg, partition_table table,
                        std::vector<partition_actors> local);

} // namespace troupe::cluster
