// The admin door (--admin-listen) through a real troupe-node: /healthz,
// /readyz (ready alone, not ready once a cluster member it needs is gone),
// /metrics counting what the doors answered, and bad HTTP answered and
// closed.
#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "cluster/partition_table.hpp"
#include "tests/support/node_fixture.hpp"
#include "tests/support/node_process.hpp"
#include "tests/support/raw_socket.hpp"
#include "tests/support/resp_conn.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe::test;

namespace {

/// Sends `request` raw and returns everything the node answers before it
/// closes the connection.
std::string http(uint16_t port, const std::string& request) {
  raw_socket s{port};
  BOOST_TEST_REQUIRE(s.send(request));
  std::string out;
  while (auto chunk = s.read_some())
    out += *chunk;
  return out;
}

std::string get(uint16_t port, const std::string& path) {
  return http(port, "GET " + path + " HTTP/1.1\r\nHost: troupe\r\n\r\n");
}

bool status_is(const std::string& reply, int status) {
  return reply.rfind("HTTP/1.1 " + std::to_string(status) + " ", 0) == 0;
}

std::string body_of(const std::string& reply) {
  auto at = reply.find("\r\n\r\n");
  return at == std::string::npos ? std::string{} : reply.substr(at + 4);
}

/// The value of the sample `series` (name and labels) in `metrics`; -1
/// when it is not there.
double sample_of(const std::string& metrics, const std::string& series) {
  auto at = metrics.find("\n" + series + " ");
  return at == std::string::npos ? -1 : std::stod(metrics.substr(at + series.size() + 2));
}

/// Scrapes until `done(metrics)` holds, 60 s at most (a bound, not a
/// synchronisation); returns the last scrape.
template <class Done>
std::string scrape_until(uint16_t admin_port, Done done) {
  std::string metrics;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{60};
  do {
    metrics = body_of(get(admin_port, "/metrics"));
  } while (!done(metrics) && std::chrono::steady_clock::now() < deadline);
  return metrics;
}

} // namespace

BOOST_AUTO_TEST_SUITE(admin)

BOOST_AUTO_TEST_CASE(probes_and_metrics_of_a_single_node) {
  temp_dir dir;
  node_process node{dir.sub("data"), "os",
                    {"--resp-listen", "127.0.0.1:0", "--admin-listen", "127.0.0.1:0",
                     "--handshake-timeout-ms", "300"}};
  BOOST_TEST_REQUIRE(node.admin_port() != 0);
  auto health = get(node.admin_port(), "/healthz");
  BOOST_TEST(status_is(health, 200), health);
  BOOST_TEST(body_of(health) == "ok\n");
  auto ready = get(node.admin_port(), "/readyz");
  BOOST_TEST(status_is(ready, 200), ready);

  resp_conn c{node.resp_port()};
  BOOST_TEST(c.call({"SET", "k", "v"}) == ok);
  BOOST_TEST(c.call({"GET", "k"}) == bulk("v"));
  BOOST_TEST(c.call({"INCR", "k"}) == err("ERR value is not an integer or out of range"));
  auto metrics = body_of(get(node.admin_port(), "/metrics"));
  for (auto* line : {"troupe_requests_total{door=\"resp\",op=\"set\",result=\"ok\"} 1",
                     "troupe_requests_total{door=\"resp\",op=\"get\",result=\"ok\"} 1",
                     "troupe_requests_total{door=\"resp\",op=\"incr\",result=\"error\"} 1",
                     "troupe_request_duration_seconds_count{door=\"resp\",op=\"set\"} 1",
                     "troupe_connections{door=\"resp\"} 1",
                     "troupe_partitions{state=\"local\"} 64",
                     "troupe_partitions{state=\"unreachable\"} 0",
                     "troupe_forwarded_requests_total 0",
                     "troupe_build_info{version=\"0.1.0\"} 1"})
    BOOST_TEST(metrics.find(line) != std::string::npos, line);
  BOOST_TEST(metrics.find("# TYPE troupe_rocksdb_memtable_bytes gauge") != std::string::npos);
  // The SET was written: one commit write at least, timed.
  BOOST_TEST(sample_of(metrics, "troupe_commit_write_duration_seconds_count") >= 1, metrics);
  BOOST_TEST(sample_of(metrics, "troupe_commit_write_duration_seconds_bucket{le=\"+Inf\"}")
             == sample_of(metrics, "troupe_commit_write_duration_seconds_count"));

  // A client that sends GETs of a large value and reads none of the
  // replies: what waits for it shows, and goes once it is gone.
  BOOST_TEST(c.call({"SET", "big", std::string(256 * 1024, 'x')}) == ok);
  {
    raw_socket lazy{node.resp_port()};
    std::string gets;
    for (int i = 0; i < 256; ++i)
      gets += "*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n";
    BOOST_TEST_REQUIRE(lazy.send(gets));
    auto backlog = scrape_until(node.admin_port(), [](const std::string& m) {
      return sample_of(m, "troupe_output_queued_bytes") > 0;
    });
    BOOST_TEST(sample_of(backlog, "troupe_output_queued_bytes") > 0, backlog);
  }
  auto after = scrape_until(node.admin_port(), [](const std::string& m) {
    return sample_of(m, "troupe_output_queued_bytes") == 0;
  });
  BOOST_TEST(sample_of(after, "troupe_output_queued_bytes") == 0, after);

  // Bad requests get their status and the connection closes.
  BOOST_TEST(status_is(get(node.admin_port(), "/nowhere"), 404));
  BOOST_TEST(status_is(http(node.admin_port(), "POST /metrics HTTP/1.1\r\n\r\n"), 405));
  BOOST_TEST(status_is(http(node.admin_port(), "hello\r\n\r\n"), 400));
  BOOST_TEST(status_is(http(node.admin_port(), "GET /metrics HTTP/1.1\r\nX: "
                                                 + std::string(9000, 'x')),
                       431));
  auto head = http(node.admin_port(), "HEAD /healthz HTTP/1.1\r\n\r\n");
  BOOST_TEST(status_is(head, 200));
  BOOST_TEST(body_of(head).empty());
  // A connection that sends nothing is closed after the handshake timeout.
  raw_socket idle{node.admin_port()};
  BOOST_TEST(idle.closed_by_peer());
  // Still serving.
  BOOST_TEST(status_is(get(node.admin_port(), "/healthz"), 200));
  BOOST_TEST(node.terminate() == 0);
}

BOOST_AUTO_TEST_CASE(metrics_of_a_replicated_node_show_its_raft_groups) {
  temp_dir dir;
  std::vector<std::string> replicated{"--cluster-listen", "127.0.0.1:0", "--replication-factor",
                                      "2", "--partitions", "8"};
  auto with = [&](std::vector<std::string> more) {
    more.insert(more.end(), replicated.begin(), replicated.end());
    return more;
  };
  node_process first{dir.sub("n1"), "os",
                     with({"--node-id", "n1", "--admin-listen", "127.0.0.1:0", "--resp-listen",
                           "127.0.0.1:0"})};
  node_process second{dir.sub("n2"), "os",
                      with({"--node-id", "n2", "--seeds",
                            "127.0.0.1:" + std::to_string(first.cluster_port())})};
  // Every partition, and the controller, has a replica on each node: once
  // the groups have elected and applied, n1 leads some and follows the rest
  // (bounded wait).
  auto count = [](const std::string& metrics, const std::string& role) {
    auto line = "troupe_raft_groups{role=\"" + role + "\"} ";
    auto at = metrics.find(line);
    return at == std::string::npos ? -1 : std::stoi(metrics.substr(at + line.size()));
  };
  // Leaders spread over both nodes once they have served a while.
  auto metrics = scrape_until(first.admin_port(), [&](const std::string& m) {
    return count(m, "leader") + count(m, "follower") == 9 && count(m, "follower") > 0
           && m.find("troupe_raft_term_max 0\n") == std::string::npos
           && m.find("troupe_raft_applied_total 0\n") == std::string::npos;
  });
  BOOST_TEST(count(metrics, "leader") + count(metrics, "follower") == 9, metrics);
  BOOST_TEST_REQUIRE(count(metrics, "follower") > 0, metrics);
  for (auto* line : {"# TYPE troupe_raft_term_max gauge", "# TYPE troupe_raft_applied_total counter",
                     "# TYPE troupe_raft_messages_total counter",
                     "# TYPE troupe_raft_leader_changes_total counter",
                     "# TYPE troupe_raft_read_rounds_total counter",
                     "# TYPE troupe_raft_reads_in_lease_total counter"})
    BOOST_TEST(metrics.find(line) != std::string::npos, line);
  BOOST_TEST(metrics.find("troupe_raft_term_max 0\n") == std::string::npos, metrics);
  BOOST_TEST(metrics.find("troupe_raft_leader_changes_total 0\n") == std::string::npos, metrics);

  // Keys in every partition: those n2 leads go there through n1's door. n2
  // may lead only the controller's group until leaders spread (about 10 s
  // after they were elected): the keys are written again until some went
  // through n2.
  troupe::cluster::partition_table table{8};
  std::set<uint16_t> partitions;
  resp_conn c{first.resp_port()};
  auto forwarded = [](const std::string& m) {
    return sample_of(m, "troupe_forwarded_requests_total") >= 1;
  };
  metrics = scrape_until(first.admin_port(), [&](const std::string& m) {
    if (forwarded(m))
      return true;
    for (int i = 0; i < 64; ++i) {
      auto key = "fwd-" + std::to_string(i);
      partitions.insert(table.partition_of(troupe::cluster::kv_hash_tag(key)).value);
      BOOST_TEST(c.call({"SET", key, "v"}) == ok);
    }
    return false;
  });
  BOOST_TEST_REQUIRE(partitions.size() == 8u);
  BOOST_TEST(forwarded(metrics), metrics);
  BOOST_TEST(second.terminate() == 0);
  BOOST_TEST(first.terminate() == 0);
}

BOOST_AUTO_TEST_CASE(metrics_show_step_queue_depths) {
  node_fixture f{"os", {"--admin-listen", "127.0.0.1:0"}};
  auto c = f.connect();
  troupe::client::queue_config one_at_a_time;
  auto sub = c->subscribe_events("orders \"eu\"", "ship", one_at_a_time);
  BOOST_TEST_REQUIRE(sub.ok(), sub.error().to_string());
  for (int i = 0; i < 3; ++i)
    BOOST_TEST_REQUIRE(c->emit("orders \"eu\"", {"{}", "t", {}, std::nullopt, {}}).ok());
  BOOST_TEST_REQUIRE(c->next_delivery(std::chrono::seconds{30}).has_value());
  // Asked of the queue itself, so its counts are stored before the scrape.
  auto stats = c->get_queue_stats("orders \"eu\"", "ship");
  BOOST_TEST_REQUIRE(stats.ok());
  BOOST_TEST(stats->in_flight == 1u);
  auto metrics = body_of(get(f.node->admin_port(), "/metrics"));
  for (auto* line :
       {"troupe_step_queues 1",
        "troupe_step_queue_messages_all{state=\"ready\"} 2",
        "troupe_step_queue_messages_all{state=\"in_flight\"} 1",
        "troupe_step_queue_messages{topic=\"orders \\\"eu\\\"\",step=\"ship\",state=\"ready\"} 2",
        "troupe_step_queue_messages{topic=\"orders \\\"eu\\\"\",step=\"ship\",state=\"in_flight\"} 1",
        "troupe_step_queue_messages{topic=\"orders \\\"eu\\\"\",step=\"ship\",state=\"dead\"} 0"})
    BOOST_TEST(metrics.find(line) != std::string::npos, line << "\n" << metrics);
}

BOOST_AUTO_TEST_CASE(a_node_is_not_ready_while_partitions_it_needs_have_no_server) {
  temp_dir dir;
  node_process first{dir.sub("n1"), "os",
                     {"--node-id", "n1", "--cluster-listen", "127.0.0.1:0", "--admin-listen",
                      "127.0.0.1:0", "--partitions", "8"}};
  node_process second{dir.sub("n2"), "os",
                      {"--node-id", "n2", "--cluster-listen", "127.0.0.1:0", "--seeds",
                       "127.0.0.1:" + std::to_string(first.cluster_port()), "--partitions", "8"}};
  // Once the second node owns partitions and then dies, the first cannot
  // serve them: not ready, with the reason.
  std::string reply;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{60};
  do {
    reply = body_of(get(first.admin_port(), "/metrics"));
  } while (reply.find("troupe_partitions{state=\"remote\"} 0") != std::string::npos
           && std::chrono::steady_clock::now() < deadline);
  BOOST_TEST_REQUIRE(reply.find("troupe_partitions{state=\"remote\"} 0") == std::string::npos);
  BOOST_TEST(status_is(get(first.admin_port(), "/readyz"), 200));
  second.kill_hard();
  do {
    reply = get(first.admin_port(), "/readyz");
  } while (status_is(reply, 200) && std::chrono::steady_clock::now() < deadline);
  BOOST_TEST(status_is(reply, 503), reply);
  BOOST_TEST(body_of(reply).find("partitions have no reachable server") != std::string::npos,
             reply);
  BOOST_TEST(status_is(get(first.admin_port(), "/healthz"), 200));
  BOOST_TEST(first.terminate() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
