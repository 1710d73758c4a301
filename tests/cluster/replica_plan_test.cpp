// replica_plan: the steps a leader takes to bring its group to the wanted
// replicas — learners first, promotion once caught up, then removal, the
// leader handing over before its own — one voter change at a time.
#include "cluster/replica_plan.hpp"

#include <boost/test/unit_test.hpp>

#include "cluster/raft_groups.hpp"

using namespace troupe;
using cluster::next_replica_step;
using cluster::peer_view;
using raft::configuration;
using raft::node_id;

namespace {

const node_id n1{1}, n2{2}, n3{3}, n4{4};

configuration config(std::vector<node_id> voters, std::vector<node_id> learners = {}) {
  return configuration{std::move(voters), std::move(learners)};
}

/// Takes steps from `from` towards `wanted` led by `leader`, every peer
/// caught up, until none is left; returns the configurations passed
/// through (and, in `handed_to`, a transfer the leader had to make).
std::vector<configuration> walk(configuration from, const std::vector<node_id>& wanted,
                                node_id leader, std::optional<node_id>& handed_to) {
  std::vector<configuration> path{from};
  for (int i = 0; i < 10; ++i) {
    std::vector<peer_view> peers;
    for (auto group : {&from.voters, &from.learners})
      for (auto n : *group)
        if (n != leader)
          peers.push_back(peer_view{n, 100, true});
    auto step = next_replica_step(from, wanted, leader, peers, 100);
    if (step.transfer_to) {
      handed_to = step.transfer_to;
      leader = *step.transfer_to;
      continue;
    }
    if (!step.propose)
      break;
    from = *step.propose;
    path.push_back(from);
  }
  return path;
}

size_t voter_changes(const configuration& a, const configuration& b) {
  size_t n = 0;
  for (auto v : a.voters)
    n += b.is_voter(v) ? 0 : 1;
  for (auto v : b.voters)
    n += a.is_voter(v) ? 0 : 1;
  return n;
}

} // namespace

BOOST_AUTO_TEST_SUITE(replica_plan)

BOOST_AUTO_TEST_CASE(a_group_that_has_its_replicas_stays) {
  auto step = next_replica_step(config({n1, n2, n3}), {n1, n2, n3}, n1, {}, 10);
  BOOST_TEST(!step.propose.has_value());
  BOOST_TEST(!step.transfer_to.has_value());
}

BOOST_AUTO_TEST_CASE(a_replacement_joins_as_learner_votes_once_caught_up_then_the_old_goes) {
  std::optional<node_id> handed;
  auto path = walk(config({n1, n2, n3}), {n2, n3, n4}, n2, handed);
  BOOST_TEST_REQUIRE(path.size() == 4u);
  BOOST_TEST((path[1] == config({n1, n2, n3}, {n4})));
  BOOST_TEST((path[2] == config({n1, n2, n3, n4})));
  BOOST_TEST((path[3] == config({n2, n3, n4})));
  BOOST_TEST(!handed.has_value());
  for (size_t i = 1; i < path.size(); ++i)
    BOOST_TEST(voter_changes(path[i - 1], path[i]) <= 1u);
}

BOOST_AUTO_TEST_CASE(a_leader_that_must_go_hands_over_first) {
  std::optional<node_id> handed;
  auto path = walk(config({n1, n2, n3}), {n2, n3, n4}, n1, handed);
  BOOST_TEST_REQUIRE(handed.has_value());
  BOOST_TEST((path.back() == config({n2, n3, n4})));
}

BOOST_AUTO_TEST_CASE(a_learner_behind_waits_and_nothing_is_removed_meanwhile) {
  auto current = config({n1, n2, n3}, {n4});
  std::vector<peer_view> peers{{n2, 500, true}, {n3, 500, true}, {n4, 10, true}};
  auto step = next_replica_step(current, {n2, n3, n4}, n2, peers, 500);
  BOOST_TEST(!step.propose.has_value());
  // A silent one waits too, however far it got.
  peers[2] = peer_view{n4, 500, false};
  step = next_replica_step(current, {n2, n3, n4}, n2, peers, 500);
  BOOST_TEST(!step.propose.has_value());
  peers[2].active = true;
  step = next_replica_step(current, {n2, n3, n4}, n2, peers, 500);
  BOOST_TEST_REQUIRE(step.propose.has_value());
  BOOST_TEST((*step.propose == config({n1, n2, n3, n4})));
}

BOOST_AUTO_TEST_CASE(a_learner_that_keeps_up_with_a_busy_leader_votes) {
  // Under a steady stream of writes the commit index runs more than the
  // fixed gap ahead at every look; a learner that holds everything
  // committed at the previous look is caught up all the same.
  auto current = config({n1, n2, n3}, {n4});
  std::vector<peer_view> peers{{n2, 5000, true}, {n3, 5000, true}, {n4, 4800, true}};
  auto step = next_replica_step(current, {n2, n3, n4}, n2, peers, 5000);
  BOOST_TEST(!step.propose.has_value());  // no previous look: 200 behind waits
  step = next_replica_step(current, {n2, n3, n4}, n2, peers, 5000, {}, 4900);
  BOOST_TEST(!step.propose.has_value());  // short of where the group was
  step = next_replica_step(current, {n2, n3, n4}, n2, peers, 5000, {}, 4700);
  BOOST_TEST_REQUIRE(step.propose.has_value());
  BOOST_TEST((*step.propose == config({n1, n2, n3, n4})));
  // The preferred leader is judged the same way.
  std::vector<peer_view> voters{{n1, 4800, true}, {n3, 5000, true}};
  step = next_replica_step(config({n1, n2, n3}), {n1, n2, n3}, n2, voters, 5000, n1, 4700);
  BOOST_TEST((step.transfer_to == std::optional<node_id>{n1}));
}

BOOST_AUTO_TEST_CASE(a_group_grows_from_one_replica_and_drops_unwanted_learners) {
  std::optional<node_id> handed;
  auto path = walk(config({n1}), {n1, n2, n3}, n1, handed);
  BOOST_TEST((path.back() == config({n1, n2, n3})));
  for (size_t i = 1; i < path.size(); ++i)
    BOOST_TEST(voter_changes(path[i - 1], path[i]) <= 1u);
  path = walk(config({n1, n2, n3}, {n4}), {n1, n2, n3}, n1, handed);
  BOOST_TEST((path.back() == config({n1, n2, n3})));
}

BOOST_AUTO_TEST_CASE(the_preferred_replica_leads_once_caught_up_and_the_replicas_are_right) {
  std::vector<peer_view> peers{{n2, 90, true}, {n3, 100, true}};
  auto step = next_replica_step(config({n1, n2, n3}), {n1, n2, n3}, n1, peers, 200, n3);
  BOOST_TEST(!step.transfer_to.has_value());  // n3 is behind
  peers[1].match = 200;
  step = next_replica_step(config({n1, n2, n3}), {n1, n2, n3}, n1, peers, 200, n3);
  BOOST_TEST_REQUIRE(step.transfer_to.has_value());
  BOOST_TEST((*step.transfer_to == n3));
  // Not while a replica change is still to be made.
  step = next_replica_step(config({n1, n2, n3}), {n1, n3, n4}, n1, peers, 200, n3);
  BOOST_TEST(!step.transfer_to.has_value());
  BOOST_TEST(step.propose.has_value());
  // Nor when this node is the preferred one.
  step = next_replica_step(config({n1, n2, n3}), {n1, n2, n3}, n1, peers, 200, n1);
  BOOST_TEST(!step.transfer_to.has_value());
  BOOST_TEST(!step.propose.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
