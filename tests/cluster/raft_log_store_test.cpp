// raft_log_store over a real RocksDB: what a ready persists is what load
// returns, through truncations, snapshot installs and compaction; and a Raft
// core restarted from it finds its log, vote and commit again.
#include "cluster/raft_log_store.hpp"

#include <boost/test/unit_test.hpp>

#include "storage/key_codec.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_db.hpp"

using namespace troupe;

namespace {

raft::configuration voters(std::initializer_list<uint64_t> ids) {
  raft::configuration c;
  for (auto i : ids)
    c.voters.push_back(raft::node_id{i});
  return c;
}

raft::entry entry(uint64_t term, raft::log_index index, std::string data) {
  return raft::entry{raft::term_t{term}, index, raft::entry_type::normal, std::move(data)};
}

struct store_fixture {
  test::temp_dir dir;
  std::unique_ptr<storage::db> db = test::open_test_db(dir.sub("db"), storage::durability::os);
  cluster::raft_log_store store{*db, 3};

  void persist(const raft::ready& r) {
    storage::write_batch batch;
    store.persist(r, batch);
    BOOST_TEST_REQUIRE(db->write(std::move(batch)).ok);
  }

  raft::persisted_state load(const raft::configuration& initial = voters({1, 2, 3})) {
    raft::persisted_state ps;
    auto st = store.load(initial, ps);
    BOOST_TEST_REQUIRE(st.ok, st.message);
    return ps;
  }

  std::vector<std::string> datas(const raft::persisted_state& ps) {
    std::vector<std::string> out;
    for (auto& e : ps.entries)
      out.push_back(std::to_string(e.index) + ":" + std::to_string(e.term.value) + ":" + e.data);
    return out;
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(raft_log_store)

BOOST_FIXTURE_TEST_CASE(a_new_group_loads_empty_with_its_initial_configuration, store_fixture) {
  auto ps = load();
  BOOST_TEST(ps.entries.empty());
  BOOST_TEST((ps.state == raft::hard_state{}));
  BOOST_TEST(ps.snapshot.index == 0u);
  BOOST_TEST(ps.snapshot.config == voters({1, 2, 3}));
}

BOOST_FIXTURE_TEST_CASE(entries_and_hard_state_load_as_persisted, store_fixture) {
  raft::ready r;
  r.state_changed = true;
  r.state = raft::hard_state{raft::term_t{2}, raft::node_id{1}, 2};
  r.entries = {entry(1, 1, "a"), entry(2, 2, std::string("b\0c", 3)), entry(2, 3, "")};
  persist(r);
  auto ps = load();
  BOOST_TEST((ps.state == r.state));
  BOOST_TEST(ps.entries.size() == 3u);
  BOOST_TEST(ps.entries[1].data == std::string("b\0c", 3));
  BOOST_TEST(ps.entries[2].term == raft::term_t{2});
}

BOOST_FIXTURE_TEST_CASE(entries_from_a_new_leader_replace_the_tail, store_fixture) {
  raft::ready first;
  first.entries = {entry(1, 1, "a"), entry(1, 2, "b"), entry(1, 3, "c"), entry(1, 4, "d")};
  persist(first);
  raft::ready second;
  second.entries = {entry(2, 3, "C")};
  persist(second);
  BOOST_TEST(datas(load()) == (std::vector<std::string>{"1:1:a", "2:1:b", "3:2:C"}),
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(a_snapshot_replaces_the_log_and_compaction_drops_a_prefix, store_fixture) {
  raft::ready first;
  first.entries = {entry(1, 1, "a"), entry(1, 2, "b")};
  persist(first);
  raft::ready install;
  install.snapshot = raft::snapshot_meta{10, raft::term_t{3}, voters({1, 2})};
  install.entries = {entry(3, 11, "k"), entry(3, 12, "l"), entry(3, 13, "m")};
  persist(install);
  auto ps = load();
  BOOST_TEST(ps.snapshot.index == 10u);
  BOOST_TEST(ps.snapshot.config == voters({1, 2}));
  BOOST_TEST(ps.applied == 10u);
  BOOST_TEST(datas(ps) == (std::vector<std::string>{"11:3:k", "12:3:l", "13:3:m"}),
             boost::test_tools::per_element());

  storage::write_batch batch;
  store.compact(raft::snapshot_meta{12, raft::term_t{3}, voters({1, 2})}, batch);
  BOOST_TEST_REQUIRE(db->write(std::move(batch)).ok);
  ps = load();
  BOOST_TEST(ps.snapshot.index == 12u);
  BOOST_TEST(datas(ps) == (std::vector<std::string>{"13:3:m"}), boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(groups_do_not_see_each_other, store_fixture) {
  raft::ready r;
  r.entries = {entry(1, 1, "mine")};
  persist(r);
  cluster::raft_log_store other{*db, 4};
  raft::persisted_state ps;
  BOOST_TEST_REQUIRE(other.load(voters({1}), ps).ok);
  BOOST_TEST(ps.entries.empty());
}

BOOST_FIXTURE_TEST_CASE(a_gap_in_the_log_is_an_error_not_a_shorter_log, store_fixture) {
  raft::ready r;
  r.entries = {entry(1, 1, "a"), entry(1, 2, "b"), entry(1, 3, "c")};
  persist(r);
  // Entry 2 vanishes (a damaged store): load must refuse, not drop entry 3.
  storage::write_batch damage;
  auto key = storage::partition_prefix(partition_id{3}) + "e";
  key += std::string{"\0\0\0\0\0\0\0\x02", 8};
  damage.remove(storage::column::raft, key);
  BOOST_TEST_REQUIRE(db->write(std::move(damage)).ok);
  raft::persisted_state ps;
  auto st = store.load(voters({1}), ps);
  BOOST_TEST(!st.ok);
  BOOST_TEST(st.message.find("after index 1") != std::string::npos, st.message);
}

BOOST_FIXTURE_TEST_CASE(a_retired_replica_made_again_is_kept_once_it_stores_an_entry,
                        store_fixture) {
  storage::db_status st;
  BOOST_TEST(!store.stored(st));
  raft::ready r;
  r.state_changed = true;
  r.state = raft::hard_state{raft::term_t{4}, raft::node_id{2}, 1};
  r.entries = {entry(4, 1, "a")};
  persist(r);
  BOOST_TEST(store.stored(st));

  storage::write_batch batch;
  store.retire(raft::term_t{4}, raft::node_id{2}, batch);
  BOOST_TEST_REQUIRE(db->write(std::move(batch)).ok);
  BOOST_TEST(!store.stored(st));
  BOOST_TEST(st.ok);
  auto ps = load();
  BOOST_TEST(ps.entries.empty());
  BOOST_TEST(ps.snapshot.config.voters.empty());  // learnt from the leader that adds it
  BOOST_TEST((ps.state == raft::hard_state{raft::term_t{4}, raft::node_id{2}, 0}));

  // Made again: the leader's entries arrive; a restart must find the replica
  // (else it is neither served nor deleted) and still not assume a configuration.
  raft::ready again;
  again.entries = {entry(5, 1, "a"), entry(5, 2, "b")};
  persist(again);
  BOOST_TEST(store.stored(st));
  ps = load();
  BOOST_TEST(datas(ps) == (std::vector<std::string>{"1:5:a", "2:5:b"}),
             boost::test_tools::per_element());
  BOOST_TEST(ps.snapshot.config.voters.empty());
}

BOOST_FIXTURE_TEST_CASE(the_last_group_id_retires_alone, store_fixture) {
  // 0xFFFF (the controller's group) has a key prefix with no end of its
  // own: retiring it must still write, and leave the group before it whole.
  cluster::raft_log_store last{*db, 0xFFFF};
  cluster::raft_log_store before{*db, 0xFFFE};
  raft::ready r;
  r.state_changed = true;
  r.state = raft::hard_state{raft::term_t{2}, raft::node_id{1}, 1};
  r.entries = {entry(2, 1, "a")};
  for (auto* s : {&last, &before}) {
    storage::write_batch batch;
    s->persist(r, batch);
    BOOST_TEST_REQUIRE(db->write(std::move(batch)).ok);
  }
  storage::write_batch batch;
  last.retire(raft::term_t{2}, raft::node_id{1}, batch);
  auto written = db->write(std::move(batch));
  BOOST_TEST_REQUIRE(written.ok, written.message);
  storage::db_status st;
  BOOST_TEST(!last.stored(st));
  BOOST_TEST(before.stored(st));
  raft::persisted_state ps;
  BOOST_TEST_REQUIRE(before.load(voters({1}), ps).ok);
  BOOST_TEST(datas(ps) == (std::vector<std::string>{"1:2:a"}), boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(a_core_restarted_from_the_store_finds_its_log_and_commits_it_again,
                        store_fixture) {
  raft::core_options o;
  o.id = raft::node_id{1};
  auto ps = load(voters({1}));
  // Drives the core until it has nothing more to hand out; returns what it
  // committed meanwhile.
  auto run = [&](raft::core& c) {
    std::vector<std::string> committed;
    while (c.has_ready()) {
      auto r = c.take_ready();
      persist(r);
      for (auto& e : r.committed)
        committed.push_back(e.data);
      c.advance(r);
    }
    return committed;
  };
  {
    raft::core c{o, ps};
    c.campaign();
    for (int i = 0; i < 5; ++i)
      c.propose("v" + std::to_string(i));
    run(c);
    BOOST_TEST_REQUIRE(c.commit() == 6u); // the noop and five entries
  }
  raft::core again{o, load(voters({1}))};
  BOOST_TEST(again.term() == raft::term_t{1});
  BOOST_TEST(again.last_index() == 6u);
  BOOST_TEST(again.at(6)->data == "v4");
  // A move of the commit index alone is not written: restarted, the replica
  // starts from what it applied (nothing, here) and commits its log again
  // once a leader (itself) commits an entry of the new term.
  BOOST_TEST(again.commit() == 0u);
  again.campaign();
  auto committed = run(again);
  BOOST_TEST(again.term() == raft::term_t{2});
  BOOST_TEST(again.commit() == 7u);
  BOOST_TEST_REQUIRE(committed.size() == 7u);
  BOOST_TEST(committed[5] == "v4");
  BOOST_TEST(load(voters({1})).state.term == raft::term_t{2});
}

BOOST_AUTO_TEST_SUITE_END()
