// replica_plan: the next step that brings a replicated partition's Raft
// configuration to the replica set its table wants, one change at a time.
//
// The leader of each group takes these steps, one per member tick, each
// after the last is committed:
//   1. a wanted node that is not in the group joins as a learner (it gets
//      the log, or a snapshot of the partition, without counting for a
//      majority);
//   2. a learner that has caught up becomes a voter;
//   3. once every wanted node votes, a voter that is not wanted is removed
//      — or, when that is the leader itself, the leadership goes first to
//      the most up-to-date wanted voter;
//   4. learners that are not wanted are removed;
//   5. then, when the group has its wanted replicas, the leadership goes to
//      the preferred replica once it has caught up, so that leaders spread
//      evenly over the nodes (the caller says when it is time to).
// A group never has fewer wanted voters than before a step, and no step
// changes more than one voter (Raft's single-server change).
#pragma once

#include <optional>
#include <vector>

#include "cluster/raft/types.hpp"

namespace troupe::cluster {

struct peer_view;

struct replica_step {
  std::optional<raft::configuration> propose;  ///< the next configuration
  std::optional<raft::node_id> transfer_to;    ///< hand the leadership over first
};

/// A replica (active) is caught up when it is this close to the commit
/// index, or when it holds everything committed as of the leader's previous
/// look (`commit_before`): under a steady stream of writes the commit index
/// moves on by more than any fixed gap between two looks, and a replica
/// that keeps reaching where it was is as current as replication lets it be.
constexpr raft::log_index caught_up_within = 64;

/// The step from `current` (led by `self`, which knows `peers`, has
/// committed up to `commit`, and had committed up to `commit_before` at its
/// previous step; 0: unknown) towards `wanted` and, when set, a leader
/// `preferred`; neither field set when there is nothing to do or the next
/// step must wait.
replica_step next_replica_step(const raft::configuration& current,
                               const std::vector<raft::node_id>& wanted, raft::node_id self,
                               const std::vector<peer_view>& peers, raft::log_index commit,
                               raft::node_id preferred = {}, raft::log_index commit_before = 0);

} // namespace troupe::cluster
