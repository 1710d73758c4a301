// Clusters of real troupe-node processes on loopback: requests through any
// node reach the partition's owner; subscriptions and event deliveries cross
// nodes; a node joins and nodes leave (SIGTERM with --drain-on-exit, and
// `troupe cluster drain`) under a steady write load without losing an
// acknowledged write; kill -9 makes only the dead node's partitions
// UNAVAILABLE until it returns; RESP scatters and broadcasts; a node of
// another cluster is refused. Replicated: nodes die and restart, a node
// joins and one is drained, leaderships are handed over, no acknowledged
// write is lost, and the table changes only through a majority.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "protocol/troupe.pb.h"
#include "storage/key_codec.hpp"
#include "tests/support/cluster_fixture.hpp"
#include "tests/support/resp_conn.hpp"

using namespace troupe;
using troupe::test::cluster_fixture;
using troupe::test::key_owned_by;
using troupe::test::must;
using troupe::test::must_ok;
using troupe::test::node_id;
using troupe::test::node_process;
using troupe::test::partition_of;
using troupe::test::partitions;
using troupe::test::reserved_port;
using troupe::test::settle_deadline;

namespace {

/// Writes with one client, pipelined, until stopped; remembers what was
/// acknowledged and counts what failed.
struct writer {
  explicit writer(std::unique_ptr<client::sync_client> client) : c(std::move(client)) {
    thread = std::thread{[this] { run(); }};
  }
  ~writer() { stop(); }

  void stop() {
    done = true;
    if (thread.joinable())
      thread.join();
  }

  void run() {
    uint64_t next = 0;
    while (!done) {
      std::vector<std::shared_ptr<const v1::Request>> reqs;
      for (int i = 0; i < 32; ++i, ++next) {
        auto r = std::make_shared<v1::Request>();
        auto* s = r->mutable_state_set();
        s->set_trace_id("load-" + std::to_string(next % 997));
        s->set_key("k" + std::to_string(next));
        s->set_value(std::to_string(next));
        reqs.push_back(r);
      }
      auto replies = c->pipeline(reqs);
      for (size_t i = 0; i < reqs.size(); ++i) {
        if (replies[i]->has_error()) {
          ++failed;
          last_error = replies[i]->error().message();
        } else {
          acked.push_back(reqs[i]);
        }
      }
    }
  }

  /// Every acknowledged write reads back through `reader`.
  void verify(client::sync_client& reader) const {
    for (auto& r : acked) {
      auto& s = r->state_set();
      auto v = must(reader.get(s.trace_id(), s.key()));
      BOOST_TEST_REQUIRE(v.has_value(), "acknowledged write " << s.trace_id() << "/" << s.key()
                                                              << " was lost");
      BOOST_TEST_REQUIRE(v->json == s.value());
    }
  }

  std::unique_ptr<client::sync_client> c;
  std::atomic<bool> done{false};
  std::vector<std::shared_ptr<const v1::Request>> acked;
  size_t failed = 0;
  std::string last_error;
  std::thread thread;
};

} // namespace

BOOST_AUTO_TEST_SUITE(cluster)

BOOST_FIXTURE_TEST_CASE(any_node_serves_any_request, cluster_fixture) {
  for (size_t i = 0; i < 3; ++i)
    start(i);
  auto st = settle(3);
  for (auto& m : st.members)
    BOOST_TEST((m.partitions == 21 || m.partitions == 22), m.node_id << " owns " << m.partitions);
  std::vector<std::unique_ptr<client::sync_client>> c;
  for (size_t i = 0; i < 3; ++i)
    c.push_back(connect(i));
  BOOST_TEST(c[0]->welcome().partition_epoch == st.epoch);

  // State: written through one node, read through the two others.
  for (int i = 0; i < 300; ++i)
    must(c[i % 3]->set("trace-" + std::to_string(i), "k", std::to_string(i)));
  for (int i = 0; i < 300; ++i)
    for (int j = 1; j <= 2; ++j) {
      auto v = must(c[(i + j) % 3]->get("trace-" + std::to_string(i), "k"));
      BOOST_TEST_REQUIRE(v.has_value());
      BOOST_TEST(v->json == std::to_string(i));
    }
  BOOST_TEST(must(c[1]->trace_ids()).size() == 300u);

  // Streams, locks and topics likewise; the lists gather every partition.
  for (int g = 0; g < 20; ++g)
    must(c[0]->stream_set("orders", "g" + std::to_string(g), "item", R"({"n":1})"));
  for (int g = 0; g < 20; ++g)
    BOOST_TEST(must(c[2]->stream_get("orders", "g" + std::to_string(g), "item")).has_value());
  BOOST_TEST(must(c[1]->stream_groups("orders")).size() == 20u);
  BOOST_TEST(must(c[0]->lock_acquire("nightly", 60000, "a")).granted);
  BOOST_TEST(!must(c[1]->lock_acquire("nightly", 60000, "b")).granted);
  BOOST_TEST(must(c[2]->active_locks()).size() == 1u);
  must(c[0]->subscribe_events("orders.created", "notify", {}));
  auto topics = must(c[2]->topics());
  BOOST_TEST((std::find(topics.begin(), topics.end(), "orders.created") != topics.end()));
}

BOOST_FIXTURE_TEST_CASE(clients_send_requests_to_owners, cluster_fixture) {
  for (size_t i = 0; i < 3; ++i)
    start(i);
  settle(3);
  auto direct = connect(0, true);
  auto before = must(direct->stats()).forwarded;
  for (int i = 0; i < 300; ++i)
    must(direct->set("direct-" + std::to_string(i), "k", std::to_string(i)));
  for (int i = 0; i < 300; ++i)
    BOOST_TEST(must(direct->get("direct-" + std::to_string(i), "k"))->json == std::to_string(i));
  BOOST_TEST(must(direct->stats()).forwarded == before, "node 1 forwarded a direct client's requests");

  // The same requests through a client that leaves routing to its node.
  auto routed = connect(0);
  for (int i = 0; i < 300; ++i)
    BOOST_TEST(must(routed->get("direct-" + std::to_string(i), "k"))->json == std::to_string(i));
  BOOST_TEST(must(routed->stats()).forwarded > before);

  // Partitions move under the direct client's stale table: its requests
  // still reach their data (the old owner forwards them).
  start(3);
  settle(4);
  for (int i = 0; i < 300; ++i)
    BOOST_TEST(must(direct->get("direct-" + std::to_string(i), "k"))->json == std::to_string(i));
}

BOOST_FIXTURE_TEST_CASE(pushes_cross_nodes, cluster_fixture) {
  for (size_t i = 0; i < 3; ++i)
    start(i);
  auto st = settle(3);
  auto a = connect(0);
  auto b = connect(1);

  // A client on node A subscribes to a stream group node C owns; a write
  // through node B reaches it.
  std::string group;
  for (int i = 0; group.empty(); ++i) {
    auto g = "g" + std::to_string(i);
    if (owner_index(st, partition_of(storage::stream_partition_key("live", g))) == 2)
      group = g;
  }
  must(a->subscribe("live", group));
  must(b->stream_set("live", group, "x", R"({"v":1})"));
  auto ev = a->next_event(std::chrono::seconds{10});
  BOOST_TEST_REQUIRE(ev.has_value(), "no stream event crossed the nodes");
  BOOST_TEST(ev->type == "create");
  BOOST_TEST(ev->id == "x");

  // An event emitted through node B to a topic node C owns is delivered to
  // a consumer connected to node A, and its ack reaches C's queue.
  auto topic = key_owned_by(*this, st, 2, "topic-");
  auto sub = must(a->subscribe_events(topic, "step", {}));
  client::emit_entry e;
  e.data = R"({"order":7})";
  must(b->emit(topic, e));
  auto msg = a->next_delivery(std::chrono::seconds{10});
  BOOST_TEST_REQUIRE(msg.has_value(), "no delivery crossed the nodes");
  BOOST_TEST(msg->data == e.data);
  must_ok(a->ack(sub, msg->message_id));
  auto stats = must(connect(2)->get_queue_stats(topic, "step"));
  BOOST_TEST(stats.in_flight == 0u);
  BOOST_TEST(stats.ready == 0u);
  BOOST_TEST(stats.consumers == 1u);
}

BOOST_FIXTURE_TEST_CASE(nodes_join_and_leave_under_load, cluster_fixture) {
  for (size_t i = 0; i < 3; ++i)
    start(i);
  settle(3);
  writer w{connect(0)};

  // Scale out: a fourth node takes a quarter of the partitions.
  start(3, {"--drain-on-exit"});
  auto st = settle(4);
  for (auto& m : st.members)
    BOOST_TEST(m.partitions == 16u, m.node_id << " owns " << m.partitions);

  // Scale in: SIGTERM with --drain-on-exit hands its partitions back first.
  BOOST_TEST(nodes[3]->terminate() == 0);
  settle(3);

  // And `troupe cluster drain` empties a running node, then removes it.
  auto [code, out] = test::run_command(std::string{TROUPE_CLI_BIN} + " --node 127.0.0.1:"
                                       + std::to_string(nodes[0]->port()) + " cluster drain n2");
  BOOST_TEST_REQUIRE(code == 0, out);
  BOOST_TEST(out.find("n2") == std::string::npos, out);
  st = settle(2);
  for (auto& m : st.members)
    BOOST_TEST(m.partitions == 32u, m.node_id << " owns " << m.partitions);

  w.stop();
  BOOST_TEST(w.failed == 0u, w.failed << " writes failed, last: " << w.last_error);
  BOOST_TEST_REQUIRE(w.acked.size() > 0u);
  BOOST_TEST_MESSAGE(w.acked.size() << " acknowledged writes across 3 partition moves rounds");
  w.verify(*connect(2));
  w.verify(*connect(0));
}

BOOST_FIXTURE_TEST_CASE(a_killed_node_takes_only_its_partitions_away, cluster_fixture) {
  for (size_t i = 0; i < 3; ++i)
    start(i);
  auto st = settle(3);
  auto a = connect(0);
  for (int i = 0; i < 200; ++i)
    must(a->set("t" + std::to_string(i), "k", std::to_string(i)));

  nodes[2]->kill_hard();
  size_t unavailable = 0;
  for (int i = 0; i < 200; ++i) {
    auto trace = "t" + std::to_string(i);
    auto v = a->get(trace, "k");
    if (owner_index(st, partition_of(trace)) == 2) {
      BOOST_TEST_REQUIRE(!v.ok());
      BOOST_TEST((v.error().code == error_code::unavailable), v.error().to_string());
      ++unavailable;
    } else {
      BOOST_TEST_REQUIRE(v.ok(), v.error().to_string());
      BOOST_TEST(v->has_value());
    }
  }
  BOOST_TEST(unavailable > 0u);

  // Back with its data: everything it acknowledged is there again.
  start(2);
  settle(3);
  auto b = connect(1);
  for (int i = 0; i < 200; ++i) {
    auto v = must(b->get("t" + std::to_string(i), "k"));
    BOOST_TEST_REQUIRE(v.has_value(), "t" << i << " was lost");
    BOOST_TEST(v->json == std::to_string(i));
  }
}

BOOST_FIXTURE_TEST_CASE(resp_scatters_and_broadcasts, cluster_fixture) {
  for (size_t i = 0; i < 3; ++i)
    start(i, {"--resp-listen", "127.0.0.1:0"});
  settle(3);
  std::vector<std::unique_ptr<test::resp_conn>> r;
  for (size_t i = 0; i < 3; ++i)
    r.push_back(std::make_unique<test::resp_conn>(nodes[i]->resp_port()));
  for (int i = 0; i < 50; ++i)
    BOOST_TEST(r[i % 3]->call({"SET", "key:" + std::to_string(i), std::to_string(i)}) == test::ok);
  for (int i = 0; i < 50; ++i)
    BOOST_TEST(r[(i + 1) % 3]->call({"GET", "key:" + std::to_string(i)})
               == test::bulk(std::to_string(i)));
  BOOST_TEST(r[1]->call({"DBSIZE"}) == test::integer(50));
  BOOST_TEST(test::strings_of(r[2]->call({"KEYS", "key:*"})).size() == 50u);
  std::set<std::string> scanned;
  std::string cursor = "0";
  do {
    auto [next, keys] = test::scan_reply(r[0]->call({"SCAN", cursor, "COUNT", "7"}));
    scanned.insert(keys.begin(), keys.end());
    cursor = next;
  } while (cursor != "0");
  BOOST_TEST(scanned.size() == 50u);

  // PUBLISH on node C reaches a subscriber on node A.
  test::resp_conn sub{nodes[0]->resp_port()};
  sub.call({"SUBSCRIBE", "news"});
  BOOST_TEST(r[2]->call({"PUBLISH", "news", "hello"}) == test::integer(1));
  BOOST_TEST(sub.read() == "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n");
}

BOOST_FIXTURE_TEST_CASE(a_node_waiting_to_join_stops_on_sigterm, cluster_fixture) {
  reserved_port refusing; // a seed that refuses connections
  node_process waiting{dir.sub("waiting"), "os",
                       {"--node-id", "w1", "--cluster-listen", "127.0.0.1:0", "--seeds",
                        "127.0.0.1:" + std::to_string(refusing.port), "--join-timeout", "600"},
                       {}, "troupe-node joining "};
  // It would wait 600 s for the seed; SIGTERM ends the wait at once.
  BOOST_TEST(waiting.terminate_within(30'000) == 0, waiting.log());
  BOOST_TEST(waiting.log().find("received SIGTERM while joining") != std::string::npos, waiting.log());
}

BOOST_FIXTURE_TEST_CASE(nodes_given_one_symmetric_seed_list_form_one_cluster, cluster_fixture) {
  start_symmetric(3);
  auto st = settle(3);
  BOOST_TEST(st.owners.size() == partitions);
  // n1 started it; nobody else did.
  BOOST_TEST(nodes[0]->log().find("n1 starts cluster") != std::string::npos, nodes[0]->log());
  for (size_t i = 1; i < 3; ++i)
    BOOST_TEST(nodes[i]->log().find("starts cluster") == std::string::npos, nodes[i]->log());
  // One cluster: a write through one node reads back through the others.
  must(connect(0)->set("trace-1", "k", R"({"v":1})"));
  for (size_t i = 1; i < 3; ++i)
    BOOST_TEST(must(connect(i)->get("trace-1", "k")).has_value());
}

BOOST_FIXTURE_TEST_CASE(a_replicated_cluster_survives_killed_nodes, cluster_fixture) {
  const std::vector<std::string> rf3{"--replication-factor", "3"};
  start_symmetric(3, rf3);
  auto st = settle(3);
  wait_for_leaders(0);
  // Every node holds a replica of every partition; leaders spread by
  // election.
  auto a = connect(1);
  for (int i = 0; i < 300; ++i)
    retrying("writing t" + std::to_string(i),
             [&] { return a->set("t" + std::to_string(i), "k", std::to_string(i)); });

  // kill -9 the node that leads the most partitions.
  st = wait_for_leaders(0);
  auto most = std::max_element(st.members.begin(), st.members.end(), [](auto& x, auto& y) {
    return x.partitions < y.partitions;
  });
  size_t victim = std::stoul(most->node_id.substr(1)) - 1;
  auto survivor = (victim + 1) % 3;
  std::string led_by_victim;
  for (int i = 0;; ++i)
    if (st.owners.at(partition_of("after" + std::to_string(i))) == node_id(victim)) {
      led_by_victim = "after" + std::to_string(i);
      break;
    }
  // A client of a surviving node that retries UNAVAILABLE for a bounded
  // time (the client's failover_timeout) sees no error at all.
  auto b = connect(survivor, false, std::chrono::seconds{30});
  // So does a client of the node that dies: it moves to another member.
  auto of_victim = connect(victim, false, std::chrono::seconds{30});
  nodes[victim]->kill_hard();
  auto killed = std::chrono::steady_clock::now();
  must(b->set(led_by_victim, "k", R"("first")"));
  auto failover = std::chrono::steady_clock::now() - killed;
  BOOST_TEST_MESSAGE("first write to a partition the killed node led: "
                     << std::chrono::duration_cast<std::chrono::milliseconds>(failover).count()
                     << " ms after kill -9");
  for (int i = 300; i < 600; ++i)
    must(b->set("t" + std::to_string(i), "k", std::to_string(i)));
  must(of_victim->set(led_by_victim, "moved", R"("yes")"));
  BOOST_TEST(of_victim->welcome().node_id != node_id(victim));
  // No acknowledged write is lost, on the two that remain.
  for (int i = 0; i < 600; ++i) {
    auto v = retrying("reading t" + std::to_string(i), [&] { return b->get("t" + std::to_string(i), "k"); });
    BOOST_TEST_REQUIRE(v.has_value(), "t" << i << " was lost");
    BOOST_TEST_REQUIRE(v->json == std::to_string(i));
  }

  // The dead node comes back and catches up; then another node dies, and
  // the one that came back carries what was written while it was away.
  restart_symmetric(victim, rf3);
  settle(3);
  wait_for_leaders(0);
  auto second = (victim + 2) % 3;
  wait_for_leaders(victim);
  nodes[second]->kill_hard();
  auto c = connect(victim);
  for (int i = 0; i < 600; ++i) {
    auto v = retrying("reading t" + std::to_string(i), [&] { return c->get("t" + std::to_string(i), "k"); });
    BOOST_TEST_REQUIRE(v.has_value(), "t" << i << " was lost");
    BOOST_TEST_REQUIRE(v->json == std::to_string(i));
  }
  auto v = retrying("reading " + led_by_victim, [&] { return c->get(led_by_victim, "k"); });
  BOOST_TEST_REQUIRE(v.has_value());
  BOOST_TEST(v->json == R"("first")");
}

BOOST_FIXTURE_TEST_CASE(a_replicated_cluster_restarts_node_by_node_under_writes, cluster_fixture) {
  const std::vector<std::string> rf3{"--replication-factor", "3"};
  start_symmetric(3, rf3);
  settle(3);
  wait_for_leaders(0);
  int written = 0;
  auto write_some = [&](client::sync_client& c, int n) {
    for (int end = written + n; written < end; ++written)
      retrying("writing r" + std::to_string(written), [&] {
        return c.set("r" + std::to_string(written), "k", std::to_string(written));
      });
  };
  write_some(*connect(0), 100);
  // Each node in turn: SIGTERM (it hands its partitions' leadership to the
  // others first, and stops within a bound), writes meanwhile, restart.
  for (size_t i = 0; i < 3; ++i) {
    auto other = connect((i + 1) % 3);
    BOOST_TEST(nodes[i]->terminate_within(30'000) == 0, nodes[i]->log());
    BOOST_TEST(nodes[i]->log().find("stopping while leading") == std::string::npos,
               nodes[i]->log());
    write_some(*other, 100);
    restart_symmetric(i, rf3);
    settle(3);
    wait_for_leaders(i);
  }
  auto c = connect(2);
  for (int i = 0; i < written; ++i) {
    auto v = retrying("reading r" + std::to_string(i), [&] { return c->get("r" + std::to_string(i), "k"); });
    BOOST_TEST_REQUIRE(v.has_value(), "r" << i << " was lost");
    BOOST_TEST_REQUIRE(v->json == std::to_string(i));
  }
}

BOOST_FIXTURE_TEST_CASE(the_cli_shows_replicas_and_hands_a_leadership_over, cluster_fixture) {
  const std::vector<std::string> rf3{"--replication-factor", "3"};
  start_symmetric(3, rf3);
  settle(3);
  auto st = wait_for_leaders(0);
  auto cli = [&](const std::string& args) {
    return test::run_command(std::string{TROUPE_CLI_BIN} + " --node 127.0.0.1:"
                             + std::to_string(nodes[0]->port()) + " " + args + " 2>&1");
  };
  // Every partition: its leader, term and both other replicas, in step.
  auto deadline = std::chrono::steady_clock::now() + settle_deadline;
  std::string out;
  for (;;) {
    int rc;
    std::tie(rc, out) = cli("cluster status");
    BOOST_TEST_REQUIRE(rc == 0, out);
    if (out.find("replication: 0 of 64 partitions without a leader, 0 with a replica behind")
        != std::string::npos)
      break;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), out);
    std::this_thread::sleep_for(std::chrono::milliseconds{100});  // polling a condition
  }
  auto [rc, parts] = cli("cluster partitions");
  BOOST_TEST_REQUIRE(rc == 0, parts);
  size_t lines_with_two_replicas = 0;
  for (size_t at = 0; (at = parts.find("\tterm ", at)) != std::string::npos; ++at) {
    auto line = parts.substr(at, parts.find('\n', at) - at);
    lines_with_two_replicas += line.find(" lag ") != line.rfind(" lag ");
  }
  BOOST_TEST(lines_with_two_replicas == partitions, parts);

  // Partition 0 to another replica, through any node.
  auto old_leader = owner_index(st, 0);
  auto target = node_id((old_leader + 1) % 3);
  auto [moved, said] = cli("cluster transfer-leader 0 " + target);
  BOOST_TEST_REQUIRE(moved == 0, said);
  BOOST_TEST(said.find("partition 0 is led by " + target) != std::string::npos, said);
  BOOST_TEST(must(connect(0)->get_cluster_status()).owners.at(0) == target);
  std::string in_zero;
  for (int i = 0; partition_of(in_zero) != 0 || in_zero.empty(); ++i)
    in_zero = "zero-" + std::to_string(i);
  auto writer = connect(0, false, std::chrono::seconds{30});
  must(writer->set(in_zero, "k", "1"));
  BOOST_TEST(must(writer->get(in_zero, "k"))->json == "1");

  // Refused: an unknown node, a partition out of range; a node that does
  // not lead the partition names the one that does.
  auto [bad_node, why_node] = cli("cluster transfer-leader 0 nobody");
  BOOST_TEST(bad_node == 3, why_node);
  BOOST_TEST(why_node.find("no member nobody") != std::string::npos, why_node);
  auto [bad_part, why_part] = cli("cluster transfer-leader 64 " + target);
  BOOST_TEST(bad_part == 3, why_part);
  BOOST_TEST(why_part.find("no partition 64") != std::string::npos, why_part);
  auto follower = (old_leader + 2) % 3;
  auto refused = connect(follower)->transfer_leader(0, node_id(follower));
  BOOST_TEST_REQUIRE(!refused.ok());
  BOOST_TEST((refused.error().code == error_code::not_leader), refused.error().to_string());
  BOOST_TEST(refused.error().message.find("is led by") != std::string::npos,
             refused.error().to_string());
}

/// Every partition's replicas, as the nodes that lead them report them
/// (the leader with the others); a partition missing has no leader.
std::map<uint32_t, std::set<std::string>> replica_sets(cluster_fixture& f) {
  std::map<uint32_t, std::set<std::string>> out;
  for (size_t i = 0; i < f.nodes.size(); ++i) {
    if (!f.nodes[i] || !f.nodes[i]->running())
      continue;
    auto st = must(f.connect(i)->get_cluster_status());
    for (auto& g : st.led) {
      auto& set = out[g.partition];
      set.insert(st.node_id);
      for (auto& r : g.replicas)
        set.insert(r.node_id);
    }
  }
  return out;
}

/// Waits until every partition's replicas are the ones `table` places it on.
void wait_for_replicas(cluster_fixture& f, const troupe::cluster::partition_table& table) {
  auto deadline = std::chrono::steady_clock::now() + settle_deadline;
  for (;;) {
    auto sets = replica_sets(f);
    std::string differs;
    for (uint16_t p = 0; p < partitions && differs.empty(); ++p) {
      auto want = table.replicas(partition_id{p}, 3);
      if (sets[p] != std::set<std::string>(want.begin(), want.end()))
        differs = "partition " + std::to_string(p) + " has " + std::to_string(sets[p].size())
                  + " replicas, not those wanted";
    }
    if (differs.empty())
      return;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), differs);
    std::this_thread::sleep_for(std::chrono::milliseconds{100});  // polling a condition
  }
}

/// Waits until `node`'s log holds `text`; fails the test (showing the log)
/// after the settle deadline.
void wait_for_log(const node_process& node, const std::string& text) {
  auto deadline = std::chrono::steady_clock::now() + settle_deadline;
  while (node.log().find(text) == std::string::npos) {
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), node.log());
    std::this_thread::sleep_for(std::chrono::milliseconds{50});  // polling a condition
  }
}

/// Starts n2 again under its id with an empty disk, seeded by node `seed`
/// of a replicated cluster: `seed` refuses it, and n2 is told to be drained
/// and started under a new id.
void n2_back_without_its_data_is_refused(cluster_fixture& f, size_t seed) {
  node_process wiped{f.dir.sub("n2-wiped"), "os",
                     {"--node-id", "n2", "--cluster-listen", "127.0.0.1:0", "--seeds",
                      "127.0.0.1:" + std::to_string(f.nodes[seed]->cluster_port()),
                      "--replication-factor", "3"},
                     {}, "troupe-node joining "};
  wait_for_log(*f.nodes[seed], "n2 of this cluster but came back without its data");
  // The refusal reaches the wiped node after the seed logged it.
  wait_for_log(wiped, "troupe cluster drain n2");
}

BOOST_FIXTURE_TEST_CASE(a_replicated_cluster_takes_a_node_in_and_drains_one_out, cluster_fixture) {
  const std::vector<std::string> rf3{"--replication-factor", "3"};
  start_symmetric(3, rf3);
  settle(3);
  wait_for_leaders(0);
  writer w{connect(2, false, std::chrono::seconds{30})};

  // A fourth node joins through a seed. Each partition's leader adds it as
  // a learner where the table now places it, makes it a voter once it has
  // caught up, then removes the replica it replaces: each node holds 48 of
  // the 64 partitions.
  start(3, rf3);
  settle(4);
  troupe::cluster::partition_table four{partitions};
  for (size_t i = 0; i < 4; ++i)
    four.put_member(node_id(i), troupe::cluster::member{});
  wait_for_replicas(*this, four);

  // Draining n1 (a founder: it may lead the controller, and then hands it
  // over) moves its replicas to the other three; it leaves the table once
  // no group keeps one there.
  auto [code, out] = test::run_command(std::string{TROUPE_CLI_BIN} + " --node 127.0.0.1:"
                                       + std::to_string(nodes[2]->port()) + " cluster drain n1");
  BOOST_TEST_REQUIRE(code == 0, out);
  auto stopped = nodes[0]->terminate_within(30'000);
  BOOST_TEST(stopped == 0, "n1 stopped with " << stopped << ": " << nodes[0]->log());
  settle(3);
  troupe::cluster::partition_table three{partitions};
  for (size_t i = 1; i < 4; ++i)
    three.put_member(node_id(i), troupe::cluster::member{});
  wait_for_replicas(*this, three);

  w.stop();
  BOOST_TEST(w.failed == 0u, w.failed << " writes failed, last: " << w.last_error);
  BOOST_TEST_REQUIRE(w.acked.size() > 0u);
  BOOST_TEST_MESSAGE(w.acked.size() << " acknowledged writes while a node joined and one left");

  // The node that joined carries a majority with one other: n2 may die.
  nodes[1]->kill_hard();
  auto c = connect(3, false, std::chrono::seconds{30});
  for (auto& r : w.acked) {
    auto& s = r->state_set();
    auto v = retrying("reading " + s.key(), [&] { return c->get(s.trace_id(), s.key()); });
    BOOST_TEST_REQUIRE(v.has_value(), "acknowledged write " << s.key() << " was lost");
    BOOST_TEST_REQUIRE(v->json == s.value());
  }
  must(c->set("after-drain", "k", "1"));

  // While n2 is down, draining another node is refused (replicas moved onto
  // n2 could not catch up) and changes nothing.
  auto coordinator = connect(2);
  auto deadline = std::chrono::steady_clock::now() + settle_deadline;
  for (;;) {
    auto st = must(coordinator->get_cluster_status());
    auto n2 = std::find_if(st.members.begin(), st.members.end(),
                           [](auto& m) { return m.node_id == "n2"; });
    BOOST_TEST_REQUIRE((n2 != st.members.end()));
    if (!n2->reachable)
      break;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "n2 still reachable");
    std::this_thread::sleep_for(std::chrono::milliseconds{50});  // polling a condition
  }
  auto epoch = must(coordinator->get_cluster_status()).epoch;
  auto refused = c->drain("n4");
  BOOST_TEST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.error().message.find("while n2 is unreachable") != std::string::npos,
             refused.error().to_string());
  BOOST_TEST(must(coordinator->get_cluster_status()).epoch == epoch);

  // n2 back under its id with an empty disk is refused: its empty replicas
  // would vote as if they still held what n2 had acknowledged.
  n2_back_without_its_data_is_refused(*this, 2);
}

BOOST_FIXTURE_TEST_CASE(only_a_majority_changes_a_replicated_clusters_table, cluster_fixture) {
  const std::vector<std::string> rf3{"--replication-factor", "3"};
  start_symmetric(3, rf3);
  auto before = settle(3);
  wait_for_leaders(0);
  // Every member names the same coordinator: the controller group's leader.
  auto deadline = std::chrono::steady_clock::now() + settle_deadline;
  for (;;) {
    std::set<std::string> named;
    for (size_t i = 0; i < 3; ++i)
      named.insert(must(connect(i)->get_cluster_status()).coordinator);
    if (named.size() == 1 && !named.begin()->empty())
      break;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "no agreed coordinator");
    std::this_thread::sleep_for(std::chrono::milliseconds{50});  // polling a condition
  }

  // n1 alone: it sees the others gone.
  nodes[1]->kill_hard();
  nodes[2]->kill_hard();
  auto n1 = connect(0);
  deadline = std::chrono::steady_clock::now() + settle_deadline;
  for (;;) {
    auto st = must(n1->get_cluster_status());
    if (std::none_of(st.members.begin(), st.members.end(),
                     [](auto& m) { return m.node_id != "n1" && m.reachable; }))
      break;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "n2 or n3 still reachable");
    std::this_thread::sleep_for(std::chrono::milliseconds{50});  // polling a condition
  }

  // A new node greets n1. Alone, n1 cannot commit a table that adds it:
  // once n1 has taken the greeting (where a lone coordinator would add it
  // at once), the table is the one before.
  std::vector<std::string> args{"--node-id", "n4", "--cluster-listen", "127.0.0.1:0", "--seeds",
                                "127.0.0.1:" + std::to_string(nodes[0]->cluster_port())};
  args.insert(args.end(), rf3.begin(), rf3.end());
  nodes.resize(4);
  nodes[3] = std::make_unique<node_process>(dir.sub("n4"), "os", args, std::vector<std::string>{},
                                            "troupe-node joining ");
  while (nodes[0]->log().find("n1 reaches n4") == std::string::npos) {
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), nodes[0]->log());
    std::this_thread::sleep_for(std::chrono::milliseconds{50});  // polling a condition
  }
  auto alone = must(n1->get_cluster_status());
  BOOST_TEST(alone.epoch == before.epoch);
  BOOST_TEST((alone.coordinator.empty() || alone.coordinator == "n1"));
  BOOST_TEST(std::none_of(alone.members.begin(), alone.members.end(),
                          [](auto& m) { return m.node_id == "n4"; }));

  // n2 back: with a majority the controller commits the join, and both
  // take the table that names n4.
  restart_symmetric(1, rf3);
  deadline = std::chrono::steady_clock::now() + settle_deadline;
  for (size_t i : {0, 1})
    for (;;) {
      auto st = must(connect(i)->get_cluster_status());
      if (std::any_of(st.members.begin(), st.members.end(),
                      [](auto& m) { return m.node_id == "n4"; })) {
        BOOST_TEST(st.epoch > before.epoch);
        BOOST_TEST(!st.coordinator.empty());
        break;
      }
      BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline),
                         node_id(i) << ": n4 never joined");
      std::this_thread::sleep_for(std::chrono::milliseconds{50});  // polling a condition
    }
}

BOOST_FIXTURE_TEST_CASE(a_founder_back_without_its_data_is_refused_under_the_first_table,
                        cluster_fixture) {
  // Three founders, and no table change since: a founder that comes back
  // with an empty disk after it acknowledged writes is refused, as it is
  // under any later table.
  start_symmetric(3, {"--replication-factor", "3"});
  auto st = settle(3);
  wait_for_leaders(0);
  BOOST_TEST_REQUIRE(st.epoch == 1u);
  auto c = connect(0, false, std::chrono::seconds{30});
  for (int i = 0; i < 20; ++i)
    must(c->set("founders", "k" + std::to_string(i), "1"));
  nodes[1]->kill_hard();
  n2_back_without_its_data_is_refused(*this, 0);
  BOOST_TEST(must(connect(0)->get_cluster_status()).epoch == 1u);
}

BOOST_FIXTURE_TEST_CASE(a_node_announces_its_advertised_host, cluster_fixture) {
  start(0, {"--advertise-host", "localhost"});
  auto st = settle(1);
  BOOST_TEST_REQUIRE(st.members.size() == 1u);
  BOOST_TEST(st.members[0].client_address == "localhost:" + std::to_string(nodes[0]->port()));
  BOOST_TEST(st.members[0].cluster_address
             == "localhost:" + std::to_string(nodes[0]->cluster_port()));
  // Listening on every interface with nothing to announce is refused before
  // anything is bound.
  auto [rc, out] = test::run_command(std::string{TROUPE_NODE_BIN}
                                     + " --listen 0.0.0.0:0 --cluster-listen 127.0.0.1:0"
                                       " --data-dir " + dir.sub("refused") + " 2>&1");
  BOOST_TEST(rc == 2, out);
  BOOST_TEST(out.find("give --advertise-host") != std::string::npos, out);
}

BOOST_FIXTURE_TEST_CASE(another_cluster_is_refused, cluster_fixture) {
  start(0);
  settle(1);
  try {
    start(1, {"--cluster-name", "other", "--join-timeout", "3"});
    BOOST_FAIL("a node of another cluster joined");
  } catch (const std::runtime_error& e) {
    std::string log = e.what();
    BOOST_TEST(log.find("could not join cluster other") != std::string::npos, log);
  }
  auto st = settle(1);
  BOOST_TEST(st.owners.size() == partitions);

  // Draining what cannot be drained is refused and changes nothing.
  auto c = connect(0);
  auto unknown = c->drain("nobody");
  BOOST_TEST_REQUIRE(!unknown.ok());
  BOOST_TEST((unknown.error().code == error_code::not_found), unknown.error().to_string());
  auto last = c->drain("n1");
  BOOST_TEST_REQUIRE(!last.ok());
  BOOST_TEST((last.error().code == error_code::invalid_argument), last.error().to_string());
  BOOST_TEST(last.error().message.find("last member") != std::string::npos);
  BOOST_TEST(must(c->get_cluster_status()).epoch == st.epoch);

  // A node whose data belongs to another cluster of the same name (it
  // started one of its own) is refused too, and the tables never merge.
  auto other_dir = dir.sub("other");
  {
    node_process lone{other_dir, "os", {"--node-id", "m1", "--cluster-listen", "127.0.0.1:0"}};
    BOOST_TEST(lone.terminate() == 0);
  }
  node_process lone{other_dir, "os",
                    {"--node-id", "m1", "--cluster-listen", "127.0.0.1:0", "--seeds",
                     "127.0.0.1:" + std::to_string(nodes[0]->cluster_port())}};
  wait_for_log(lone, "not in this cluster");
  st = must(connect(0)->get_cluster_status());
  BOOST_TEST(st.members.size() == 1u);
  BOOST_TEST(st.owners.at(0) == "n1");
  BOOST_TEST(lone.terminate() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
