// The node's Raft driver over real CAF remoting and real RocksDB: three
// "nodes" in one process, each its own actor system with a middleman and its
// own database, whose drivers find each other through published ports. Every
// group elects a leader that serves, writes proposed there are applied on
// every replica, a stopped leader is replaced and its replica catches up
// (from the log, or from a snapshot once the log was compacted), a cluster
// restarted whole keeps its data, and malformed frames are refused.
#include "cluster/raft_driver.hpp"

#include <chrono>
#include <future>
#include <thread>

#include <boost/test/unit_test.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>

#include "cluster/atoms.hpp"
#include "cluster/raft_codec.hpp"
#include "storage/key_codec.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_db.hpp"

using namespace troupe;
using namespace std::chrono_literals;

namespace raft_driver_test {

constexpr auto patience = 30s;

/// Polls `done` until it holds; fails the test after `patience`.
template <class Pred>
void wait_for(Pred done, const std::string& what) {
  auto until = std::chrono::steady_clock::now() + patience;
  while (!done()) {
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < until), "timed out waiting for " << what);
    std::this_thread::sleep_for(5ms);
  }
}

std::string key_of(uint16_t group, const std::string& name) {
  return storage::partition_prefix(partition_id{group}) + name;
}

struct node {
  uint64_t id = 0;
  std::string path;
  std::unique_ptr<caf::actor_system_config> cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::unique_ptr<storage::db> db;
  std::unique_ptr<cluster::partition_state_machine> machine;
  std::optional<cluster::raft_driver> driver;
  uint16_t port = 0;

  bool running() const { return driver.has_value(); }
};

struct cluster_fixture {
  test::temp_dir dir;
  std::vector<node> nodes{3};
  uint16_t group_count = 8;
  raft::log_index compact_after = 1024;
  size_t snapshot_chunk_bytes = size_t{1} << 20;

  ~cluster_fixture() {
    for (size_t i = 0; i < nodes.size(); ++i)
      if (nodes[i].running())
        stop(i);
  }

  std::vector<uint64_t> voters() const { return {1, 2, 3}; }

  void start(size_t i) {
    auto& n = nodes[i];
    n.id = i + 1;
    n.path = dir.sub("n" + std::to_string(n.id));
    n.cfg = std::make_unique<caf::actor_system_config>();
    n.cfg->load<caf::io::middleman>();
    n.cfg->set("scheduler.max-threads", 2);
    n.sys = std::make_unique<caf::actor_system>(*n.cfg);
    n.db = test::open_test_db(n.path, storage::durability::os);
    n.machine = std::make_unique<cluster::partition_state_machine>(*n.db);
    cluster::raft_driver_config rc;
    rc.db = n.db.get();
    rc.machine = n.machine.get();
    rc.groups.self = raft::node_id{n.id};
    rc.groups.seed = n.id * 7919;
    rc.groups.compact_after = compact_after;
    rc.groups.snapshot_chunk_bytes = snapshot_chunk_bytes;
    rc.tick = 10ms;
    n.driver = cluster::spawn_raft_driver(*n.sys, rc);
    caf::scoped_actor self{*n.sys};
    for (uint16_t g = 0; g < group_count; ++g) {
      std::string error = "no answer";
      self->request(n.driver->actor(), caf::infinite, cluster::raft_group_atom::value, g, voters(), true)
        .receive([&](const std::string& e) { error = e; }, [&](caf::error& e) { error = n.sys->render(e); });
      BOOST_TEST_REQUIRE(error.empty(), error);
    }
    auto port = n.sys->middleman().publish(n.driver->actor(), 0, "127.0.0.1");
    BOOST_TEST_REQUIRE(static_cast<bool>(port), (port ? "" : n.sys->render(port.error())));
    n.port = *port;
    // Introduce it to every running peer, and every running peer to it.
    for (auto& other : nodes) {
      if (&other == &n || !other.running())
        continue;
      auto there = n.sys->middleman().remote_actor("127.0.0.1", other.port);
      BOOST_TEST_REQUIRE(static_cast<bool>(there), (there ? "" : n.sys->render(there.error())));
      caf::anon_send(n.driver->actor(), cluster::raft_peer_atom::value, other.id, *there);
      auto here = other.sys->middleman().remote_actor("127.0.0.1", n.port);
      BOOST_TEST_REQUIRE(static_cast<bool>(here), (here ? "" : other.sys->render(here.error())));
      caf::anon_send(other.driver->actor(), cluster::raft_peer_atom::value, n.id, *here);
    }
  }

  void start_all() {
    for (size_t i = 0; i < nodes.size(); ++i)
      start(i);
  }

  /// Stops a node's driver and actor system and closes its database, as a
  /// process exit would (what its committer had queued is written).
  void stop(size_t i) {
    auto& n = nodes[i];
    {
      caf::scoped_actor self{*n.sys};
      self->monitor(n.driver->actor());
      caf::anon_send_exit(n.driver->actor(), caf::exit_reason::kill);
      self->receive([](caf::down_msg&) {});
    }
    n.driver.reset();
    n.sys.reset();
    n.cfg.reset();
    n.machine.reset();
    n.db.reset();
  }

  /// The running node whose group `g` serves (-1: none yet).
  int serving(uint16_t g) const {
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (!nodes[i].running())
        continue;
      auto views = nodes[i].driver->views();
      for (auto& v : *views)
        if (v.group == g && v.serving)
          return static_cast<int>(i);
    }
    return -1;
  }

  void wait_all_serving() {
    for (uint16_t g = 0; g < group_count; ++g)
      wait_for([&] { return serving(g) >= 0; }, "group " + std::to_string(g) + " to serve");
  }

  static storage::db_status propose_at(const node& n, uint16_t g, std::string data) {
    auto done = std::make_shared<std::promise<storage::db_status>>();
    auto result = done->get_future();
    n.driver->propose(g, std::move(data), [done](const storage::db_status& s) { done->set_value(s); });
    BOOST_TEST_REQUIRE((result.wait_for(patience) == std::future_status::ready));
    return result.get();
  }

  /// Writes `b` to group g through its serving leader, retrying while
  /// leadership moves.
  void write(uint16_t g, const storage::write_batch& b) {
    auto data = cluster::encode_batch(b);
    auto until = std::chrono::steady_clock::now() + patience;
    for (;;) {
      int at = serving(g);
      if (at >= 0 && propose_at(nodes[at], g, data).ok)
        return;
      BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < until), "no write to group " << g);
      std::this_thread::sleep_for(5ms);
    }
  }

  void put(uint16_t g, const std::string& key, const std::string& value) {
    storage::write_batch b;
    b.put(storage::column::state, key_of(g, key), value);
    write(g, b);
  }

  static std::optional<std::string> get(const node& n, uint16_t g, const std::string& key) {
    storage::db_status st;
    auto v = n.db->get(storage::column::state, key_of(g, key), st);
    BOOST_TEST_REQUIRE(st.ok, st.message);
    return v;
  }

  void wait_replicated(uint16_t g, const std::string& key, const std::string& value) {
    for (auto& n : nodes)
      if (n.running())
        wait_for([&] { return get(n, g, key) == value; },
                 "node " + std::to_string(n.id) + " to apply " + key);
  }
};

} // namespace raft_driver_test

using namespace raft_driver_test;

BOOST_AUTO_TEST_SUITE(raft_driver)

BOOST_FIXTURE_TEST_CASE(every_group_elects_a_leader_and_every_replica_applies_its_writes,
                        cluster_fixture) {
  group_count = 16;
  start_all();
  wait_all_serving();
  for (uint16_t g = 0; g < group_count; ++g)
    put(g, "k", "v" + std::to_string(g));
  for (uint16_t g = 0; g < group_count; ++g)
    wait_replicated(g, "k", "v" + std::to_string(g));
  // One frame per peer per turn carries every group's messages. Idle, each
  // tick makes 64 messages (16 heartbeats and 16 replies to each of two
  // followers) in at most 12 frames (a heartbeat frame and a reply frame
  // per node and peer), wherever the leaders are.
  auto totals = [&] {
    std::pair<uint64_t, uint64_t> t;
    for (auto& n : nodes) {
      auto c = n.driver->counters();
      t.first += c.messages;
      t.second += c.frames;
    }
    return t;
  };
  auto before = totals();
  wait_for([&] { return totals().second >= before.second + 200; }, "200 frames");
  auto after = totals();
  auto messages = after.first - before.first, frames = after.second - before.second;
  BOOST_TEST(messages >= 4 * frames, messages << " messages in " << frames << " frames");
  // A follower refuses proposals and reads; the leader serves a read.
  int leader = serving(0);
  auto& follower = nodes[(leader + 1) % 3];
  auto refused = propose_at(follower, 0, cluster::encode_batch({}));
  BOOST_TEST(!refused.ok);
  BOOST_TEST(refused.not_applied);
  BOOST_TEST(refused.message == "not the leader");
  auto read = std::make_shared<std::promise<storage::db_status>>();
  auto answered = read->get_future();
  nodes[leader].driver->read(0, [read](const storage::db_status& s) { read->set_value(s); });
  BOOST_TEST_REQUIRE((answered.wait_for(patience) == std::future_status::ready));
  BOOST_TEST(answered.get().ok);
}

BOOST_FIXTURE_TEST_CASE(a_stopped_leader_is_replaced_and_catches_up_when_it_returns,
                        cluster_fixture) {
  start_all();
  wait_all_serving();
  for (uint16_t g = 0; g < group_count; ++g)
    put(g, "before", "1");
  auto victim = static_cast<size_t>(serving(0));
  stop(victim);
  wait_all_serving();  // on the two others
  for (uint16_t g = 0; g < group_count; ++g)
    put(g, "during", "2");
  start(victim);
  for (uint16_t g = 0; g < group_count; ++g) {
    wait_replicated(g, "before", "1");
    wait_replicated(g, "during", "2");
  }
}

BOOST_FIXTURE_TEST_CASE(a_replica_behind_the_compacted_log_gets_a_snapshot, cluster_fixture) {
  group_count = 2;
  compact_after = 8;
  snapshot_chunk_bytes = 64;  // a record or two per chunk: the snapshot travels in many
  start_all();
  wait_all_serving();
  put(0, "old", "gone");
  int leader = serving(0);
  auto behind = static_cast<size_t>((leader + 1) % 3);
  stop(behind);
  for (int i = 0; i < 40; ++i)
    put(0, "k" + std::to_string(i), std::to_string(i));
  // A delete in the compacted part: the snapshot must remove it too.
  storage::write_batch erase;
  erase.remove(storage::column::state, key_of(0, "old"));
  write(0, erase);
  for (int i = 40; i < 60; ++i)
    put(0, "k" + std::to_string(i), std::to_string(i));
  start(behind);
  for (int i = 0; i < 60; ++i)
    wait_replicated(0, "k" + std::to_string(i), std::to_string(i));
  wait_for([&] { return !get(nodes[behind], 0, "old").has_value(); }, "the delete to arrive");
  // Counters are published every tick.
  wait_for([&] { return nodes[behind].driver->counters().snapshots_installed >= 1u; },
           "a snapshot installed");
  // 60 records and more: one snapshot (or a few, resent) of many chunks.
  // The sender's counters are published at its own next tick.
  auto sum = [&](uint64_t cluster::raft_counters::*field) {
    uint64_t n = 0;
    for (auto& node : nodes)
      n += node.driver->counters().*field;
    return n;
  };
  wait_for([&] { return sum(&cluster::raft_counters::snapshots_sent) >= 1u; }, "the snapshot counted");
  auto sent = sum(&cluster::raft_counters::snapshots_sent);
  auto chunks = sum(&cluster::raft_counters::snapshot_chunks_sent);
  BOOST_TEST(chunks >= 5 * sent, chunks << " chunks for " << sent << " snapshots");
}

BOOST_FIXTURE_TEST_CASE(a_cluster_restarted_whole_keeps_its_terms_and_data, cluster_fixture) {
  group_count = 4;
  start_all();
  wait_all_serving();
  for (uint16_t g = 0; g < group_count; ++g)
    put(g, "k", "first");
  std::map<uint16_t, raft::term_t> terms;
  auto before = nodes[serving(0)].driver->views();
  for (auto& v : *before)
    terms[v.group] = v.term;
  for (size_t i = 0; i < nodes.size(); ++i)
    stop(i);
  start_all();
  wait_all_serving();
  for (uint16_t g = 0; g < group_count; ++g) {
    // Committed before the stop: every replica has it again (a follower
    // applies it once the new leader tells it the commit index).
    wait_replicated(g, "k", "first");
    put(g, "k", "second");
    wait_replicated(g, "k", "second");
  }
  auto after = nodes[serving(0)].driver->views();
  for (auto& v : *after)
    if (v.group == 0)
      BOOST_TEST(v.term > terms[0]);
}

BOOST_FIXTURE_TEST_CASE(malformed_frames_are_refused_and_the_groups_go_on, cluster_fixture) {
  group_count = 2;
  start_all();
  wait_all_serving();
  caf::anon_send(nodes[0].driver->actor(), cluster::raft_atom::value,
                 std::string{"\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 11});
  wait_for([&] { return nodes[0].driver->counters().malformed_frames == 1; }, "the refusal");
  for (uint16_t g = 0; g < group_count; ++g) {
    put(g, "after", "ok");
    wait_replicated(g, "after", "ok");
  }
}

BOOST_AUTO_TEST_SUITE_END()
