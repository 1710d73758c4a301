// The partition table: the even spread it plans (and its stability), what a
// drained member gives up, and its encoding.
#include "cluster/partition_table.hpp"

#include <map>

#include <boost/test/unit_test.hpp>

using namespace troupe;
using troupe::cluster::member;
using troupe::cluster::partition_table;

namespace {

/// Applies every planned move; returns how many there were.
size_t settle(partition_table& t) {
  auto moves = t.plan();
  for (auto& m : moves)
    t.set_owner(m.partition, m.to);
  return moves.size();
}

std::map<std::string, uint32_t> spread(const partition_table& t) {
  std::map<std::string, uint32_t> out;
  for (auto& [id, m] : t.members())
    out[id] = t.owned_by(id);
  return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(partition_table_plan)

BOOST_AUTO_TEST_CASE(a_new_cluster_owns_everything_and_is_balanced) {
  partition_table t{64, "n1", member{}};
  BOOST_TEST(t.owned_by("n1") == 64u);
  BOOST_TEST(t.plan().empty());
  BOOST_TEST(t.epoch() == 1u);
  BOOST_TEST(t.cluster_id().size() == 16u);
  BOOST_TEST(partition_table(64, "n1", member{}).cluster_id() != t.cluster_id());
}

BOOST_AUTO_TEST_CASE(joining_members_get_an_even_share_by_the_fewest_moves) {
  partition_table t{64, "n1", member{}};
  t.put_member("n2", member{});
  t.put_member("n3", member{});
  BOOST_TEST(settle(t) == 42u);  // 64 - 22: only what must move moves
  BOOST_TEST((spread(t) == std::map<std::string, uint32_t>{{"n1", 22}, {"n2", 21}, {"n3", 21}}));
  BOOST_TEST(t.plan().empty(), "a balanced table plans nothing");
  t.put_member("n4", member{});
  BOOST_TEST(settle(t) == 16u);
  for (auto& [id, n] : spread(t))
    BOOST_TEST(n == 16u, id);
}

BOOST_AUTO_TEST_CASE(a_leaving_member_gives_up_everything) {
  partition_table t{64, "n1", member{}};
  t.put_member("n2", member{});
  t.put_member("n3", member{});
  settle(t);
  t.put_member("n2", member{"", "", "", true});
  for (auto& m : t.plan())
    BOOST_TEST(m.from == "n2");
  settle(t);
  BOOST_TEST(t.owned_by("n2") == 0u);
  BOOST_TEST(t.owned_by("n1") == 32u);
  BOOST_TEST(t.owned_by("n3") == 32u);
}

BOOST_AUTO_TEST_CASE(moves_wait_for_reachable_ends) {
  partition_table t{8, "n1", member{}};
  t.put_member("n2", member{});
  auto none = t.next_move([](const std::string& id) { return id != "n2"; });
  BOOST_TEST(!none.has_value());
  auto some = t.next_move([](const std::string&) { return true; });
  BOOST_TEST_REQUIRE(some.has_value());
  BOOST_TEST(some->to == "n2");
}

BOOST_AUTO_TEST_CASE(encodes_and_decodes) {
  partition_table t{16, "n1", member{"h:1", "h:2", "h:3", false}};
  t.put_member("n2", member{"g:1", "g:2", "", true});
  t.set_owner(partition_id{3}, "n2");
  t.set_epoch(9);
  auto back = partition_table::decode(t.encode());
  BOOST_TEST_REQUIRE(back.has_value());
  BOOST_TEST(back->epoch() == 9u);
  BOOST_TEST(back->cluster_id() == t.cluster_id());
  BOOST_TEST(back->owner(partition_id{3}) == "n2");
  BOOST_TEST(back->owned_by("n1") == 15u);
  BOOST_TEST(back->find_member("n2")->leaving);
  BOOST_TEST(back->find_member("n1")->cluster_address == "h:2");
  BOOST_TEST((back->founders() == std::vector<std::string>{"n1"}));
  BOOST_TEST(!partition_table::decode("\xff\xff garbage").has_value());
}

BOOST_AUTO_TEST_CASE(replicas_spread_in_turn_and_skip_leaving_members) {
  partition_table t{64, "n1", member{}};
  t.put_member("n2", member{});
  t.put_member("n3", member{});
  t.set_founders({"n3", "n1", "n2"});
  using ids = std::vector<std::string>;
  // As many members as replicas: every member holds every partition.
  BOOST_TEST((t.replicas(partition_id{5}, 3) == ids{"n1", "n2", "n3"}));
  BOOST_TEST((t.replicas(partition_id{5}, 5) == ids{"n1", "n2", "n3"}));
  // One more: each partition leaves one member out, in turn.
  t.put_member("n4", member{});
  BOOST_TEST((t.replicas(partition_id{0}, 3) == ids{"n1", "n2", "n3"}));
  BOOST_TEST((t.replicas(partition_id{1}, 3) == ids{"n2", "n3", "n4"}));
  BOOST_TEST((t.replicas(partition_id{2}, 3) == ids{"n1", "n3", "n4"}));
  std::map<std::string, int> held;
  for (uint16_t p = 0; p < 64; ++p)
    for (auto& id : t.replicas(partition_id{p}, 3))
      ++held[id];
  for (auto& [id, n] : held)
    BOOST_TEST(n == 48, id << " holds " << n);
  // The groups began over the founders, whoever joined since.
  BOOST_TEST((t.initial_replicas(partition_id{1}, 3) == ids{"n1", "n2", "n3"}));
  // A leaving member is no longer wanted anywhere.
  t.put_member("n1", member{"", "", "", true});
  for (uint16_t p = 0; p < 64; ++p)
    BOOST_TEST((t.replicas(partition_id{p}, 3) == ids{"n2", "n3", "n4"}));
}

BOOST_AUTO_TEST_SUITE_END()
