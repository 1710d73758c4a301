#include "cluster/replica_plan.hpp"

#include <algorithm>

#include "cluster/raft_groups.hpp"

namespace troupe::cluster {

namespace {

bool has(const std::vector<raft::node_id>& ids, raft::node_id n) {
  return std::find(ids.begin(), ids.end(), n) != ids.end();
}

void drop(std::vector<raft::node_id>& ids, raft::node_id n) {
  ids.erase(std::remove(ids.begin(), ids.end(), n), ids.end());
}

const peer_view* find_peer(const std::vector<peer_view>& peers, raft::node_id n) {
  for (auto& p : peers)
    if (p.id == n)
      return &p;
  return nullptr;
}

} // namespace

replica_step next_replica_step(const raft::configuration& current,
                               const std::vector<raft::node_id>& wanted, raft::node_id self,
                               const std::vector<peer_view>& peers, raft::log_index commit,
                               raft::node_id preferred, raft::log_index commit_before) {
  replica_step step;
  if (wanted.empty())
    return step;
  auto next = current;
  // 1. Wanted nodes not in the group join as learners.
  for (auto n : wanted)
    if (!current.contains(n))
      next.learners.push_back(n);
  if (next.learners.size() != current.learners.size()) {
    step.propose = std::move(next);
    return step;
  }
  auto caught_up = [&](raft::node_id n) {
    auto* p = find_peer(peers, n);
    return p != nullptr && p->active
           && (p->match + caught_up_within >= commit
               || (commit_before > 0 && p->match >= commit_before));
  };
  // 2. A wanted learner that caught up votes.
  for (auto n : current.learners) {
    if (has(wanted, n) && caught_up(n)) {
      drop(next.learners, n);
      next.voters.push_back(n);
      step.propose = std::move(next);
      return step;
    }
  }
  // 3. Once every wanted node votes, an unwanted voter goes; the leader
  //    hands its leadership to the most up-to-date wanted voter first.
  bool all_vote = std::all_of(wanted.begin(), wanted.end(),
                              [&](raft::node_id n) { return current.is_voter(n); });
  if (!all_vote)
    return step;
  for (auto n : current.voters) {
    if (has(wanted, n))
      continue;
    if (n != self) {
      drop(next.voters, n);
      step.propose = std::move(next);
      return step;
    }
    const peer_view* best = nullptr;
    for (auto w : wanted)
      if (auto* p = find_peer(peers, w);
          p != nullptr && (best == nullptr || std::pair{p->active, p->match}
                                                > std::pair{best->active, best->match}))
        best = p;
    if (best != nullptr)
      step.transfer_to = best->id;
    return step;
  }
  // 4. Unwanted learners go.
  for (auto n : current.learners)
    if (!has(wanted, n))
      drop(next.learners, n);
  if (next.learners.size() != current.learners.size()) {
    step.propose = std::move(next);
    return step;
  }
  // 5. The preferred replica leads.
  if (preferred != raft::node_id{} && preferred != self && current.is_voter(preferred)
      && caught_up(preferred))
    step.transfer_to = preferred;
  return step;
}

} // namespace troupe::cluster
