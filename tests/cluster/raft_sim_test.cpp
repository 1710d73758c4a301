// The Raft core under the seeded simulator (tests/cluster/raft_sim.hpp),
// plus a few scenarios driven by hand and the linearizability checker's own
// cases. TROUPE_RAFT_SEEDS sets how many seeds the sweep runs (default
// 2000), TROUPE_RAFT_SEED_BASE the first; TROUPE_TEST_SEED replays one.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <set>
#include <iostream>
#include <string>

#include "cluster/raft/core.hpp"
#include "tests/cluster/linearizability.hpp"
#include "tests/cluster/raft_sim.hpp"

using namespace troupe;
using testing::register_op;

namespace {

uint64_t env_or(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::stoull(v) : fallback;
}

raft::configuration voters(std::initializer_list<uint64_t> ids) {
  raft::configuration c;
  for (auto i : ids)
    c.voters.push_back(raft::node_id{i});
  return c;
}

raft::core make_core(uint64_t id, const raft::configuration& config) {
  raft::core_options o;
  o.id = raft::node_id{id};
  raft::persisted_state ps;
  ps.snapshot.config = config;
  return raft::core{o, ps};
}

bool is_blocked(const std::vector<uint64_t>& blocked, raft::node_id n) {
  return std::find(blocked.begin(), blocked.end(), n.value) != blocked.end();
}

using message_filter = std::function<bool(raft::message&)>;

/// Runs every node's readies as an instant disk would and delivers the
/// messages `allow` lets through (the others are lost; `allow` may change a
/// message on its way), until nothing is left to do. `seen` gets each ready.
void pump(std::vector<raft::core*> nodes, const message_filter& allow,
          const std::function<void(const raft::ready&)>& seen = {}) {
  for (bool busy = true; busy;) {
    busy = false;
    for (auto* n : nodes) {
      if (!n->has_ready())
        continue;
      busy = true;
      auto r = n->take_ready();
      n->advance(r);
      if (seen)
        seen(r);
      for (auto& m : r.messages)
        if (allow(m))
          for (auto* to : nodes)
            if (to->id() == m.to)
              to->step(m);
    }
  }
}

/// A perfect network among `nodes`, except that `blocked` ones neither send
/// nor receive.
void settle(std::vector<raft::core*> nodes, std::vector<uint64_t> blocked = {}) {
  pump(nodes, [&](raft::message& m) { return !is_blocked(blocked, m.from) && !is_blocked(blocked, m.to); });
}

void tick_until_leader(std::vector<raft::core*> nodes, std::vector<uint64_t> blocked = {}) {
  for (int t = 0; t < 1000; ++t) {
    for (auto* n : nodes)
      if (!is_blocked(blocked, n->id()))
        n->tick();
    settle(nodes, blocked);
    for (auto* n : nodes)
      if (n->role() == raft::role::leader && !is_blocked(blocked, n->id()))
        return;
  }
  BOOST_FAIL("no leader after 1000 ticks");
}

raft::core* leader_of(std::vector<raft::core*> nodes) {
  raft::core* best = nullptr;
  for (auto* n : nodes)
    if (n->role() == raft::role::leader && (!best || n->term() > best->term()))
      best = n;
  return best;
}

/// Three voters that have elected a leader over a perfect network.
struct three_voters {
  raft::configuration config = voters({1, 2, 3});
  raft::core a = make_core(1, config), b = make_core(2, config), c = make_core(3, config);
  std::vector<raft::core*> all{&a, &b, &c};

  three_voters() { tick_until_leader(all); }
  raft::core* leader() { return leader_of(all); }
};

} // namespace

BOOST_AUTO_TEST_SUITE(raft_core)

BOOST_AUTO_TEST_CASE(a_single_voter_leads_and_commits_alone) {
  auto n = make_core(1, voters({1}));
  n.campaign();
  BOOST_TEST(n.role() == raft::role::leader);
  auto p = n.propose("a");
  BOOST_TEST(p.error == raft::errc::ok);
  settle({&n});
  BOOST_TEST(n.commit() == p.index);
  BOOST_TEST(n.applied() == p.index);
}

BOOST_AUTO_TEST_CASE(followers_answer_proposals_with_not_leader) {
  auto a = make_core(1, voters({1, 2, 3}));
  BOOST_TEST(a.propose("x").error == raft::errc::not_leader);
  BOOST_TEST(a.read_index(1) == raft::errc::not_leader);
}

BOOST_FIXTURE_TEST_CASE(three_voters_elect_one_leader_and_replicate, three_voters) {
  auto* l = leader();
  auto p = l->propose("v");
  settle(all);
  for (auto* n : all) {
    BOOST_TEST(n->commit() == p.index);
    BOOST_TEST(n->at(p.index)->data == "v");
  }
}

BOOST_FIXTURE_TEST_CASE(a_rejoining_node_does_not_depose_a_healthy_leader, three_voters) {
  auto* l = leader();
  auto term = l->term();
  raft::core* lone = l == &a ? &b : &a;
  // Cut off for many election timeouts, it pre-votes and fails without
  // raising its term, so coming back changes nothing.
  std::vector<uint64_t> blocked{lone->id().value};
  for (int t = 0; t < 200; ++t) {
    for (auto* n : all)
      n->tick();
    settle(all, blocked);
    // its own messages are dropped while cut off
    while (lone->has_ready())
      lone->advance(lone->take_ready());
  }
  BOOST_TEST(lone->term() == term);
  for (int t = 0; t < 50; ++t) {
    for (auto* n : all)
      n->tick();
    settle(all);
  }
  BOOST_TEST(l->role() == raft::role::leader);
  BOOST_TEST(l->term() == term);
}

BOOST_FIXTURE_TEST_CASE(a_leader_cut_off_from_the_majority_steps_down, three_voters) {
  auto* l = leader();
  for (int t = 0; t < 40; ++t) {
    l->tick();
    while (l->has_ready())
      l->advance(l->take_ready()); // nothing reaches anyone
  }
  BOOST_TEST(l->role() != raft::role::leader); // check-quorum
}

BOOST_FIXTURE_TEST_CASE(leadership_transfer_hands_the_group_to_the_target, three_voters) {
  auto* l = leader();
  raft::core* target = l == &c ? &a : &c;
  l->propose("before");
  BOOST_TEST(l->transfer_leadership(target->id()) == raft::errc::ok);
  BOOST_TEST(l->propose("during").error == raft::errc::transfer_in_progress);
  settle(all);
  BOOST_TEST(target->role() == raft::role::leader);
  BOOST_TEST(l->role() == raft::role::follower);
  BOOST_TEST(target->propose("after").error == raft::errc::ok);
}

BOOST_AUTO_TEST_CASE(a_leader_elected_late_in_its_timeout_is_not_deposed_at_once) {
  auto c = voters({1, 2, 3});
  auto a = make_core(1, c), b = make_core(2, c), d = make_core(3, c);
  a.campaign();
  // The votes take almost an election timeout to come back (slow disks).
  auto request = a.take_ready();
  a.advance(request);
  for (int t = 0; t < 9; ++t)
    a.tick();
  for (auto& m : request.messages)
    (m.to == b.id() ? b : d).step(m);
  for (auto* voter : {&b, &d}) {
    auto r = voter->take_ready();
    voter->advance(r);
    for (auto& m : r.messages)
      a.step(m);
  }
  BOOST_TEST_REQUIRE(a.role() == raft::role::leader);
  // Check-quorum counts a whole timeout from the election, not the campaign:
  // the followers have not answered the new leader yet, and need not have.
  a.tick();
  BOOST_TEST(a.role() == raft::role::leader);
}

BOOST_FIXTURE_TEST_CASE(a_read_whose_heartbeats_were_lost_still_completes, three_voters) {
  auto* l = leader();
  settle(all); // the noop is committed: reads may be served
  BOOST_TEST_REQUIRE(l->read_index(7) == raft::errc::ok);
  auto lost = l->take_ready(); // its heartbeats never arrive
  l->advance(lost);
  BOOST_TEST_REQUIRE(lost.reads.empty());
  std::vector<raft::read_state> served;
  for (int t = 0; t < 5 && served.empty(); ++t) {
    l->tick(); // the periodic heartbeat carries the round again
    pump(all, [](raft::message&) { return true; },
         [&](const raft::ready& r) { served.insert(served.end(), r.reads.begin(), r.reads.end()); });
  }
  BOOST_TEST_REQUIRE(served.size() == 1u);
  BOOST_TEST(served[0].context == 7u);
  BOOST_TEST(served[0].index == l->commit());
}

// The Raft dissertation's figure 8: an entry of an earlier term that a
// majority holds must not be committed by counting replicas, since a later
// leader can still overwrite it.
BOOST_AUTO_TEST_CASE(an_earlier_terms_entry_is_not_committed_by_counting_replicas) {
  auto c = voters({1, 2, 3, 4, 5});
  raft::core_options o;
  o.max_entries_per_append = 1;
  std::vector<raft::core> cores;
  for (uint64_t i = 1; i <= 5; ++i) {
    o.id = raft::node_id{i};
    raft::persisted_state ps;
    ps.snapshot.config = c;
    cores.emplace_back(o, ps);
  }
  std::vector<raft::core*> all;
  for (auto& n : cores)
    all.push_back(&n);
  auto& s1 = cores[0];
  auto& s5 = cores[4];
  auto between = [](std::set<uint64_t> group) {
    return [group](const raft::message& m) { return group.count(m.from.value) && group.count(m.to.value); };
  };
  auto votes_between = [&](std::set<uint64_t> group) {
    return [=](const raft::message& m) {
      return between(group)(m) && (m.type == raft::message_type::vote || m.type == raft::message_type::vote_reply);
    };
  };
  auto none = [](raft::message&) { return false; };
  // Cut off from everyone for two election timeouts: leaders step down
  // (check-quorum), followers stop counting on their leader.
  auto isolate = [&](std::set<uint64_t> ids) {
    for (int t = 0; t < 20; ++t)
      for (auto id : ids)
        cores[id - 1].tick();
    pump(all, none);
  };
  auto elect = [&](raft::core& n, std::set<uint64_t> voters_reached) {
    for (int i = 0; i < 3 && n.role() != raft::role::leader; ++i) {
      n.campaign();
      pump(all, votes_between(voters_reached));
    }
    BOOST_TEST_REQUIRE(n.role() == raft::role::leader);
  };
  // Term 1: s1 leads; entry x (index 2) reaches s2 only.
  s1.campaign();
  pump(all, [](raft::message&) { return true; });
  BOOST_TEST_REQUIRE(s1.role() == raft::role::leader);
  s1.propose("x");
  pump(all, between({1, 2}));
  // s5 wins term 2 with s3 and s4; its noop (index 2, term 2) reaches nobody.
  isolate({1, 3, 4});
  elect(s5, {3, 4, 5});
  BOOST_TEST_REQUIRE(s5.term() == raft::term_t{2});
  // s1 wins term 3 with s2 and s3, and brings s3 only as far as index 2:
  // x is then on s1, s2 and s3, a majority, but of term 1.
  isolate({1, 2, 5});
  elect(s1, {1, 2, 3});
  BOOST_TEST_REQUIRE(s1.term() == raft::term_t{3});
  s1.tick(); // a heartbeat: its first appends went with the election's lost messages
  pump(all, [&](raft::message& m) {
    std::erase_if(m.entries, [](const raft::entry& e) { return e.index > 2; }); // the noop goes nowhere
    return between({1, 2, 3})(m);
  });
  BOOST_TEST_REQUIRE(cores[2].at(2)->data == "x");
  BOOST_TEST_REQUIRE(s1.peers().at(raft::node_id{3}).match == 2u);
  BOOST_TEST_REQUIRE(s1.commit() == 1u); // not committed: s5 can still win and overwrite it
  // And it does: s1 is lost, s5 wins term 4 with s3 and s4 and replaces x.
  isolate({1, 3, 4, 5});
  elect(s5, {3, 4, 5});
  s5.tick();
  pump(all, between({3, 4, 5}));
  BOOST_TEST(cores[2].at(2)->term == raft::term_t{2});
  for (auto* n : all)
    BOOST_TEST(!(n->commit() >= 2 && n->at(2) && n->at(2)->data == "x"));
}

BOOST_FIXTURE_TEST_CASE(a_follower_that_lost_acknowledged_entries_gets_them_again, three_voters) {
  auto* l = leader();
  for (int i = 0; i < 5; ++i)
    l->propose("e" + std::to_string(i));
  settle(all);
  auto* lost = l == &c ? &b : &c;
  auto id = lost->id().value;
  BOOST_TEST_REQUIRE(l->peers().at(lost->id()).match == l->last_index());
  // Its disk kept nothing: it comes back with the configuration only.
  *lost = make_core(id, config);
  l->propose("after");
  int budget = 1000;  // a leader that keeps probing where the log is not ends up failing, not hanging
  for (int t = 0; t < 5; ++t) {
    l->tick();
    pump(all, [&](raft::message&) { return --budget > 0; });
  }
  BOOST_TEST_REQUIRE(lost->last_index() == l->last_index());
  BOOST_TEST(lost->commit() == l->commit());
  BOOST_TEST(lost->at(l->last_index())->data == "after");
  BOOST_TEST(l->peers().at(lost->id()).match == l->last_index());
}

BOOST_AUTO_TEST_CASE(a_configuration_may_change_one_voter_at_a_time) {
  auto a = make_core(1, voters({1}));
  a.campaign();
  settle({&a});
  auto two = voters({1, 2, 3});
  BOOST_TEST(a.propose_config(two) == raft::errc::invalid_config);
  BOOST_TEST(a.propose_config(voters({2})) == raft::errc::invalid_config); // removes the leader
  auto with_learner = voters({1});
  with_learner.learners.push_back(raft::node_id{2});
  BOOST_TEST(a.propose_config(with_learner) == raft::errc::ok);
  BOOST_TEST(a.propose_config(voters({1, 3})) == raft::errc::config_change_pending);
  BOOST_TEST(a.config() == with_learner); // in effect once in the log
}

BOOST_AUTO_TEST_CASE(a_learner_behind_the_compacted_log_gets_a_snapshot) {
  auto a = make_core(1, voters({1}));
  a.campaign();
  for (int i = 0; i < 10; ++i)
    a.propose("e" + std::to_string(i));
  settle({&a});
  BOOST_TEST(a.compact(a.applied()) == raft::errc::ok);
  auto next = voters({1});
  next.learners.push_back(raft::node_id{2});
  BOOST_REQUIRE(a.propose_config(next) == raft::errc::ok);
  auto fresh = make_core(2, raft::configuration{}); // knows nothing yet
  bool got_snapshot = false;
  for (int t = 0; t < 20; ++t) {
    a.tick();
    pump({&a, &fresh},
         [&](raft::message& m) {
           if (m.type == raft::message_type::snapshot)
             m.snapshot = a.applied_snapshot(); // the driver's part
           return true;
         },
         [&](const raft::ready& r) { got_snapshot |= r.snapshot.has_value(); });
  }
  BOOST_TEST(got_snapshot);
  BOOST_TEST(fresh.commit() == a.commit());
  BOOST_TEST(fresh.config() == next);
  BOOST_TEST(a.peers().at(raft::node_id{2}).match == a.last_index());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(linearizability_checker)

register_op op(register_op::kind k, uint64_t call, uint64_t ret, std::string value, bool ok = true,
               std::string expected = {}) {
  register_op o;
  o.op = k;
  o.call = call;
  o.ret = ret;
  o.value = std::move(value);
  o.succeeded = ok;
  o.expected = std::move(expected);
  return o;
}

using k = register_op::kind;

BOOST_AUTO_TEST_CASE(a_sequential_history_is_linearizable) {
  BOOST_TEST(testing::linearizable({op(k::write, 0, 1, "a"), op(k::read, 2, 3, "a"),
                                    op(k::cas, 4, 5, "b", true, "a"), op(k::read, 6, 7, "b")}));
}

BOOST_AUTO_TEST_CASE(a_stale_read_after_a_completed_write_is_not) {
  BOOST_TEST(!testing::linearizable({op(k::write, 0, 1, "a"), op(k::write, 2, 3, "b"), op(k::read, 4, 5, "a")}));
}

BOOST_AUTO_TEST_CASE(concurrent_operations_may_take_either_order) {
  BOOST_TEST(testing::linearizable({op(k::write, 0, 10, "a"), op(k::write, 1, 9, "b"), op(k::read, 11, 12, "a")}));
  BOOST_TEST(testing::linearizable({op(k::write, 0, 10, "a"), op(k::write, 1, 9, "b"), op(k::read, 11, 12, "b")}));
}

BOOST_AUTO_TEST_CASE(a_write_never_answered_may_or_may_not_have_happened) {
  BOOST_TEST(testing::linearizable({op(k::write, 0, register_op::never, "a"), op(k::read, 5, 6, "")}));
  BOOST_TEST(testing::linearizable({op(k::write, 0, register_op::never, "a"), op(k::read, 5, 6, "a")}));
  // but once seen, it cannot be unseen
  BOOST_TEST(!testing::linearizable({op(k::write, 0, register_op::never, "a"), op(k::read, 5, 6, "a"),
                                     op(k::read, 7, 8, "")}));
}

BOOST_AUTO_TEST_CASE(a_failed_compare_and_set_saw_another_value) {
  BOOST_TEST(!testing::linearizable({op(k::write, 0, 1, "a"), op(k::cas, 2, 3, "b", false, "a")}));
  BOOST_TEST(testing::linearizable({op(k::write, 0, 1, "a"), op(k::cas, 2, 3, "b", false, "z")}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(raft_sim)

BOOST_AUTO_TEST_CASE(the_same_seed_replays_the_same_run) {
  auto seed = env_or("TROUPE_RAFT_SEED_BASE", 1);
  auto a = testing::simulate(seed), b = testing::simulate(seed);
  BOOST_TEST(a.trace_hash == b.trace_hash);
  BOOST_TEST(a.events == b.events);
  BOOST_TEST(a.ops_ok == b.ops_ok);
  BOOST_TEST(testing::simulate(seed + 1).trace_hash != a.trace_hash);
}

BOOST_AUTO_TEST_CASE(every_seed_keeps_safety_and_liveness) {
  if (const char* one = std::getenv("TROUPE_TEST_SEED")) {
    auto r = testing::simulate(std::stoull(one));
    BOOST_TEST(r.ok, "seed " << r.seed << ": " << r.failure);
    std::cout << "seed " << r.seed << ": " << r.events << " events, " << r.elections << " leaders, commit "
              << r.committed << ", " << r.ops_ok << " ops, " << r.snapshots << " snapshots\n";
    return;
  }
  auto base = env_or("TROUPE_RAFT_SEED_BASE", 1);
  auto count = env_or("TROUPE_RAFT_SEEDS", 2000);
  testing::sim_report total;
  size_t failures = 0;
  auto start = std::chrono::steady_clock::now();
  for (auto seed = base; seed < base + count; ++seed) {
    auto r = testing::simulate(seed);
    if (!r.ok) {
      ++failures;
      BOOST_ERROR("seed " << r.seed << ": " << r.failure << " (replay: TROUPE_TEST_SEED=" << r.seed
                          << " troupe_raft_sim --run_test=raft_sim)");
      if (failures >= 5)
        break;
    }
    total.events += r.events;
    total.elections += r.elections;
    total.ops_ok += r.ops_ok;
    total.ops_unknown += r.ops_unknown;
    total.snapshots += r.snapshots;
    total.crashes += r.crashes;
    total.config_changes += r.config_changes;
    total.transfers += r.transfers;
  }
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "raft_sim: " << count << " seeds from " << base << " in " << secs << " s: " << total.events
            << " events, " << total.elections << " leaders, " << total.ops_ok << " client ops answered ("
            << total.ops_unknown << " unknown), " << total.crashes << " crashes, " << total.snapshots
            << " snapshots installed, " << total.config_changes << " configuration changes, " << total.transfers
            << " transfers\n";
}

BOOST_AUTO_TEST_SUITE_END()
