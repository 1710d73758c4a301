// The state API end to end: a real troupe-node driven through the C++ client.
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "tests/support/node_fixture.hpp"
#include "tests/support/resp_conn.hpp"

using namespace troupe;
using troupe::test::node_fixture;

namespace {

using troupe::test::must;
} // namespace

BOOST_AUTO_TEST_SUITE(state_api)

void exercise_every_operation(node_fixture& f) {
  auto c = f.connect();
  BOOST_TEST(c->welcome().partition_count == 64u);
  BOOST_TEST(must(c->ping("x")) == "node-1");

  BOOST_TEST(!must(c->get("order-1", "status")).has_value());
  BOOST_TEST(!must(c->exists("order-1", "status")));
  auto r1 = must(c->set("order-1", "status", R"({"state":"new","total":10})"));
  BOOST_TEST(must(c->exists("order-1", "status")));
  auto got = must(c->get("order-1", "status"));
  BOOST_REQUIRE(got);
  BOOST_TEST(got->json == R"({"state":"new","total":10})");
  BOOST_TEST(got->revision == r1);
  BOOST_TEST(got->expires_at_ms == 0);

  // Falsy values read back as themselves (Motia's Redis adapter semantics).
  for (auto v : {"0", "false", "\"\"", "null", "[]"}) {
    must(c->set("order-1", "falsy", v));
    BOOST_TEST(must(c->get("order-1", "falsy"))->json == v);
  }

  auto revs = must(c->set_many("order-1", {{"a", "1", {}}, {"b", "\"two\"", {}}}));
  BOOST_TEST(revs.size() == 2u);
  BOOST_TEST(revs[1] > revs[0]);
  auto many = must(c->get_many("order-1", {"a", "missing", "b"}));
  BOOST_REQUIRE(many.size() == 3u);
  BOOST_TEST(many[0]->json == "1");
  BOOST_TEST(!many[1].has_value());
  BOOST_TEST(many[2]->json == "\"two\"");

  BOOST_TEST((must(c->keys("order-1")) == std::vector<std::string>{"a", "b", "falsy", "status"}));
  auto group = must(c->get_group("order-1"));
  BOOST_TEST(group.size() == 4u);

  must(c->set("order-2", "status", R"({"state":"paid","total":25})"));
  BOOST_TEST((must(c->trace_ids()) == std::vector<std::string>{"order-1", "order-2"}));

  auto paid = must(c->items(std::nullopt, {{"state", "eq", "paid"}}));
  BOOST_REQUIRE(paid.size() == 1u);
  BOOST_TEST(paid[0].group_id == "order-2");
  BOOST_TEST(paid[0].key == "status");
  BOOST_TEST(paid[0].type == "object");
  auto big = must(c->items(std::nullopt, {{"total", "gt", "5"}, {"state", "startsWith", "n"}}));
  BOOST_REQUIRE(big.size() == 1u);
  BOOST_TEST(big[0].group_id == "order-1");
  auto in_group = must(c->items(std::string{"order-1"}));
  BOOST_TEST(in_group.size() == 4u);
  BOOST_TEST(!c->items(std::nullopt, {{"x", "like", "y"}}).ok());

  auto old = must(c->del("order-1", "a"));
  BOOST_REQUIRE(old);
  BOOST_TEST(old->json == "1");
  BOOST_TEST(!must(c->del("order-1", "a")).has_value());
  BOOST_TEST(must(c->clear("order-1")) == 3u);
  BOOST_TEST(must(c->keys("order-1")).empty());
  BOOST_TEST((must(c->trace_ids()) == std::vector<std::string>{"order-2"}));
}

BOOST_AUTO_TEST_CASE(every_operation_round_trips) {
  node_fixture f;
  exercise_every_operation(f);
}

BOOST_AUTO_TEST_CASE(every_operation_round_trips_with_partitions_on_the_io_thread) {
  node_fixture f{"fsync", {"--placement", "io"}};
  exercise_every_operation(f);
}

BOOST_AUTO_TEST_CASE(ttl_and_compare_and_set_through_the_protocol) {
  node_fixture f;
  auto c = f.connect();
  auto before = storage::system_now_ms();
  must(c->set("t", "session", "{}", {60'000, std::nullopt}));
  auto v = must(c->get("t", "session"));
  BOOST_REQUIRE(v);
  BOOST_TEST(v->expires_at_ms >= before + 60'000);
  BOOST_TEST(v->expires_at_ms <= storage::system_now_ms() + 60'000);

  auto rev = must(c->set("t", "k", "1", {0, 0}));
  auto conflict = c->set("t", "k", "2", {0, 0});
  BOOST_REQUIRE(!conflict.ok());
  BOOST_TEST((conflict.error().code == error_code::conflict));
  BOOST_TEST(must(c->set("t", "k", "3", {0, rev})) > rev);
  auto bad_delete = c->del("t", "k", rev);
  BOOST_TEST((bad_delete.error().code == error_code::conflict));
  BOOST_TEST(must(c->get("t", "k"))->json == "3");
}

BOOST_AUTO_TEST_CASE(adversarial_trace_ids_never_see_each_other) {
  node_fixture f;
  auto c = f.connect();
  const std::vector<std::string> traces{
    "a", "a:", "a:b", "a*", "*", "", std::string{"a\0", 2}, std::string{"a\0b", 3},
    "\xC3\xA9t\xC3\xA9", "a\\", "[a]", "a?"};
  for (auto& t : traces)
    must(c->set(t, "k", "\"" + std::to_string(&t - traces.data()) + "\""));
  must(c->set("a", "k:x", "\"extra\""));
  for (size_t i = 0; i < traces.size(); ++i) {
    auto group = must(c->get_group(traces[i]));
    size_t expected = traces[i] == "a" ? 2 : 1;
    BOOST_TEST_REQUIRE(group.size() == expected, "trace #" << i << " saw another trace's keys");
    for (auto& item : group)
      BOOST_TEST(item.group_id == traces[i]);
  }
  BOOST_TEST(must(c->trace_ids()).size() == traces.size());
  BOOST_TEST(must(c->clear("a*")) == 1u);
  BOOST_TEST(must(c->clear("")) == 1u);
  BOOST_TEST(must(c->get_group("a")).size() == 2u);
  BOOST_TEST(must(c->get_group("a:")).size() == 1u);
  BOOST_TEST(must(c->trace_ids()).size() == traces.size() - 2);
}

BOOST_AUTO_TEST_CASE(thousand_pipelined_requests_on_one_connection) {
  node_fixture f;
  auto c = f.connect();
  std::vector<std::shared_ptr<const v1::Request>> reqs;
  for (int i = 0; i < 1000; ++i) {
    auto r = std::make_shared<v1::Request>();
    r->mutable_state_set()->set_trace_id("trace-" + std::to_string(i % 37));
    r->mutable_state_set()->set_key("k" + std::to_string(i));
    r->mutable_state_set()->set_value(std::to_string(i));
    reqs.push_back(r);
  }
  auto replies = c->pipeline(reqs);
  BOOST_REQUIRE(replies.size() == 1000u);
  for (auto& r : replies)
    BOOST_TEST_REQUIRE(!r->has_error(), r->error().message());
  std::vector<std::shared_ptr<const v1::Request>> gets;
  for (int i = 0; i < 1000; ++i) {
    auto r = std::make_shared<v1::Request>();
    r->mutable_state_get()->set_trace_id("trace-" + std::to_string(i % 37));
    r->mutable_state_get()->set_key("k" + std::to_string(i));
    gets.push_back(r);
  }
  auto values = c->pipeline(gets);
  for (int i = 0; i < 1000; ++i)
    BOOST_TEST_REQUIRE(values[static_cast<size_t>(i)]->value().value() == std::to_string(i));
}

BOOST_AUTO_TEST_CASE(twenty_connections_write_one_trace_concurrently) {
  node_fixture f;
  constexpr int clients = 20;
  constexpr int keys_each = 25;
  constexpr int increments_each = 5;
  must(f.connect()->set("shared", "counter", "0"));
  std::vector<std::unique_ptr<client::sync_client>> conns;
  for (int i = 0; i < clients; ++i)
    conns.push_back(f.connect());
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < clients; ++i)
    threads.emplace_back([&, i] {
      auto& c = *conns[static_cast<size_t>(i)];
      for (int k = 0; k < keys_each; ++k)
        if (!c.set("shared", "c" + std::to_string(i) + "-" + std::to_string(k), std::to_string(k)).ok())
          ++failures;
      // Read-modify-write with compare-and-set: no increment may be lost.
      for (int n = 0; n < increments_each;) {
        auto cur = c.get("shared", "counter");
        if (!cur.ok() || !*cur) {
          ++failures;
          return;
        }
        auto next = std::to_string(std::stoi((*cur)->json) + 1);
        auto w = c.set("shared", "counter", next, {0, (*cur)->revision});
        if (w.ok())
          ++n;
        else if (w.error().code != error_code::conflict) {
          ++failures;
          return;
        }
      }
    });
  for (auto& t : threads)
    t.join();
  BOOST_TEST(failures.load() == 0);
  auto c = f.connect();
  BOOST_TEST(must(c->keys("shared")).size() == size_t{clients * keys_each + 1});
  BOOST_TEST(must(c->get("shared", "counter"))->json == std::to_string(clients * increments_each));
}

BOOST_AUTO_TEST_CASE(restart_keeps_everything) {
  node_fixture f{"fsync"};
  {
    auto c = f.connect();
    for (int i = 0; i < 200; ++i)
      must(c->set("trace-" + std::to_string(i % 10), "k" + std::to_string(i), std::to_string(i)));
    must(c->set("ttl", "k", "1", {3'600'000, std::nullopt}));
    must(c->del("trace-0", "k0"));
  }
  f.restart();
  auto c = f.connect();
  BOOST_TEST(must(c->trace_ids()).size() == 11u);
  for (int i = 1; i < 200; ++i)
    BOOST_TEST_REQUIRE(must(c->get("trace-" + std::to_string(i % 10), "k" + std::to_string(i)))->json
                       == std::to_string(i));
  BOOST_TEST(!must(c->get("trace-0", "k0")).has_value());
  BOOST_TEST(must(c->get("ttl", "k"))->expires_at_ms > 0);
  // Revisions keep increasing across restarts.
  auto before = must(c->get("trace-1", "k1"))->revision;
  BOOST_TEST(must(c->set("trace-1", "k1", "0")) > before);
}

BOOST_AUTO_TEST_CASE(token_is_required_when_configured) {
  node_fixture f{"os", {"--token", "s3cret"}};
  auto missing = f.try_connect();
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST((missing.error().code == error_code::unauthenticated));
  auto wrong = f.try_connect("nope");
  BOOST_TEST((wrong.error().code == error_code::unauthenticated));
  auto c = f.connect("s3cret");
  BOOST_TEST(must(c->ping()) == "node-1");
}

BOOST_AUTO_TEST_CASE(namespace_tokens_keep_apps_apart) {
  node_fixture f{"os", {"--token", "admin", "--namespace-token", "shop=t-shop",
                        "--namespace-token", "blog=t-blog", "--resp-listen", "127.0.0.1:0"}};
  auto admin = f.connect("admin");
  auto shop = f.connect("t-shop");
  auto blog = f.connect("t-blog");
  must(shop->set("shop:order-1", "k", "1"));
  must(blog->set("blog:post-1", "k", "2"));
  must(admin->set("other", "k", "3"));
  BOOST_TEST(must(shop->get("shop:order-1", "k"))->json == "1");
  // Another namespace's names, or none, are refused with the reason.
  auto refused = [](const status& st, const std::string& name) {
    BOOST_TEST((st.code == error_code::unauthenticated), st.to_string());
    BOOST_TEST(st.message.find("a token of namespace 'shop' may not use '" + name + "'")
                 != std::string::npos,
               st.message);
  };
  refused(shop->get("blog:post-1", "k").error(), "blog:post-1");
  refused(shop->set("other", "k", "4").error(), "other");
  refused(shop->emit("blog:published", {"{}", "t", {}, std::nullopt, {}}).error(),
          "blog:published");
  refused(shop->lock_acquire("blog:cron", 1000, "i").error(), "blog:cron");
  refused(shop->stream_set("blog:comments", "g", "a", "{}").error(), "blog:comments");
  BOOST_TEST(shop->stats().error().message.find("may not make stats requests")
             != std::string::npos);
  BOOST_TEST(shop->get_cluster_status().ok());  // what clients route by
  BOOST_TEST(!shop->drain("node-1").ok());
  // Lists leave other namespaces out; the node's own token sees everything.
  BOOST_TEST((must(shop->trace_ids()) == std::vector<std::string>{"shop:order-1"}));
  BOOST_TEST(must(admin->trace_ids()).size() == 3u);
  auto items = must(shop->items(std::nullopt, {}));
  BOOST_TEST_REQUIRE(items.size() == 1u);
  BOOST_TEST(items[0].group_id == "shop:order-1");
  BOOST_TEST(must(blog->get("blog:post-1", "k"))->json == "2");
  // A namespace token opens neither RESP nor another namespace's writes.
  BOOST_TEST(must(admin->get("blog:post-1", "k"))->json == "2");
  troupe::test::resp_conn r{f.node->resp_port()};
  BOOST_TEST(r.call({"AUTH", "t-shop"}).rfind("-WRONGPASS", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(cli_reads_and_writes_state) {
  node_fixture f;
  auto node = "--node 127.0.0.1:" + std::to_string(f.node->port());
  auto cli = std::string{TROUPE_CLI_BIN} + " " + node + " ";
  auto [rc1, out1] = troupe::test::run_command(cli + "state set t k '{\"n\":1}'");
  BOOST_TEST(rc1 == 0);
  BOOST_TEST(out1.find("OK revision") == 0u);
  auto [rc2, out2] = troupe::test::run_command(cli + "state get t k");
  BOOST_TEST(rc2 == 0);
  BOOST_TEST(out2 == "{\"n\":1}\n");
  auto [rc3, out3] = troupe::test::run_command(cli + "state items --filter 'n gte 1'");
  BOOST_TEST(rc3 == 0);
  BOOST_TEST(out3 == "{\"groupId\":\"t\",\"key\":\"k\",\"type\":\"object\",\"value\":{\"n\":1}}\n");
  auto [rc4, out4] = troupe::test::run_command(cli + "state get t missing 2>/dev/null");
  BOOST_TEST(rc4 == 1);
  auto [rc5, out5] = troupe::test::run_command(cli + "state set t k 'not json' 2>&1");
  BOOST_TEST(rc5 == 3);
  BOOST_TEST(out5.find("INVALID_ARGUMENT") != std::string::npos);
  auto [rc6, out6] = troupe::test::run_command(cli + "ping");
  BOOST_TEST(rc6 == 0);
  BOOST_TEST(out6.find("PONG from node-1") == 0u);
}

BOOST_AUTO_TEST_CASE(cli_answers_in_json_for_scripts) {
  node_fixture f;
  auto cli = std::string{TROUPE_CLI_BIN} + " --json --node 127.0.0.1:"
             + std::to_string(f.node->port()) + " ";
  auto run = [&](const std::string& args) { return troupe::test::run_command(cli + args); };
  auto parsed = [](const std::string& line) {
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    BOOST_TEST_REQUIRE(!d.HasParseError(), line);
    return d;
  };
  auto [rc1, out1] = run("state set t k '{\"n\":1}'");
  BOOST_TEST(rc1 == 0);
  BOOST_TEST(parsed(out1)["revision"].GetUint64() > 0u);
  auto [rc2, out2] = run("ping");
  auto pong = parsed(out2);
  BOOST_TEST(std::string{pong["node"].GetString()} == "node-1");
  BOOST_TEST(pong["partitions"].GetUint() == 64u);
  auto [rc2b, out2b] = run("state get t k");
  auto got = parsed(out2b);
  BOOST_TEST(got["value"]["n"].GetInt() == 1);
  BOOST_TEST(got["revision"].GetUint64() == parsed(out1)["revision"].GetUint64());
  auto [rc3, out3] = run("state keys t");
  BOOST_TEST(out3 == "\"k\"\n");
  auto [rc4, out4] = run("stats");
  BOOST_TEST(rc4 == 0, out4);
  BOOST_TEST(parsed(out4)["sessions"].GetUint() >= 1u);
  auto [rc5, out5] = run("cluster partitions");
  BOOST_TEST(parsed(out5)["owners"].Size() == 64u);
  // Errors are JSON on stderr, with the exit codes of the text mode.
  auto [rc6, out6] = run("state get t missing 2>&1");
  BOOST_TEST(rc6 == 1);
  BOOST_TEST(std::string{parsed(out6)["error"]["code"].GetString()} == "NOT_FOUND");
  auto [rc7, out7] = run("state set t k 'not json' 2>&1");
  BOOST_TEST(rc7 == 3);
  auto err = parsed(out7);
  BOOST_TEST(std::string{err["error"]["code"].GetString()} == "INVALID_ARGUMENT");
  BOOST_TEST(std::string{err["error"]["message"].GetString()}.size() > 0u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(node_options)

BOOST_AUTO_TEST_CASE(flags_beat_the_config_file_which_beats_the_environment) {
  troupe::test::temp_dir dir;
  auto config = dir.sub("troupe.toml");
  {
    std::ofstream out{config};
    out << "node-id = \"from-file\"\ncluster-name = \"file-cluster\"\npartitions = 8\n";
  }
  troupe::test::node_process node{
    dir.sub("data"), "none", {"--config", config, "--cluster-name", "flag-cluster"},
    {"TROUPE_NODE_ID=from-env", "TROUPE_CLUSTER_NAME=env-cluster", "TROUPE_TOKEN=envtoken"}};
  caf::actor_system_config cfg;
  cfg.load<caf::io::middleman>();
  caf::actor_system sys{cfg};
  client::connect_options opts;
  opts.port = node.port();
  opts.token = "envtoken";  // only the environment sets a token
  auto c = must(client::sync_client::connect(sys, opts));
  BOOST_TEST(c->welcome().node_id == "from-file");
  BOOST_TEST(c->welcome().cluster_name == "flag-cluster");
  BOOST_TEST(c->welcome().partition_count == 8u);
  c.reset();
  BOOST_TEST(node.terminate() == 0);
}

BOOST_AUTO_TEST_CASE(partition_count_cannot_change_after_creation) {
  troupe::test::temp_dir dir;
  {
    troupe::test::node_process node{dir.sub("data"), "none", {"--partitions", "16"}};
    BOOST_TEST(node.terminate() == 0);
  }
  BOOST_CHECK_THROW((troupe::test::node_process{dir.sub("data"), "none", {"--partitions", "32"}}),
                    std::runtime_error);
}

BOOST_AUTO_TEST_CASE(bad_flags_are_refused_with_a_message) {
  auto [rc, out] = troupe::test::run_command(std::string{TROUPE_NODE_BIN} + " --durability sometimes 2>&1");
  BOOST_TEST(rc != 0);
  BOOST_TEST(out.find("durability") != std::string::npos);
  auto [rc2, out2] = troupe::test::run_command(std::string{TROUPE_NODE_BIN} + " --listen nowhere 2>&1");
  BOOST_TEST(rc2 != 0);
  BOOST_TEST(out2.find("host:port") != std::string::npos);
  // The CLI's --node: no port that wraps, no crash on a port that is not one.
  for (auto node : {"127.0.0.1:99999", ":abc", "127.0.0.1:", "127.0.0.1", "127.0.0.1:12x"}) {
    auto [rc, out] = troupe::test::run_command(std::string{TROUPE_CLI_BIN} + " --node '" + node
                                               + "' ping 2>&1");
    BOOST_TEST(rc == 2, node << ": " << out);
    BOOST_TEST(out.find("--node: expected host:port") != std::string::npos, out);
  }
}

BOOST_AUTO_TEST_CASE(both_binaries_say_their_version) {
  for (auto bin : {std::string{TROUPE_NODE_BIN}, std::string{TROUPE_CLI_BIN}}) {
    auto [rc, out] = troupe::test::run_command(bin + " --version 2>&1");
    BOOST_TEST(rc == 0, out);
    BOOST_TEST(out.find(" 0.") != std::string::npos, out);
  }
}

BOOST_AUTO_TEST_CASE(json_logs_are_one_object_per_line) {
  troupe::test::temp_dir dir;
  troupe::test::node_process node{dir.sub("data"), "none", {"--log-format", "json"}};
  BOOST_TEST(node.terminate() == 0);
  std::istringstream lines{node.log()};
  std::string line;
  size_t parsed = 0;
  bool saw_listening = false, saw_stopped = false;
  while (std::getline(lines, line)) {
    rapidjson::Document d;
    d.Parse(line.data(), line.size());
    BOOST_TEST_REQUIRE(!d.HasParseError(), line);
    BOOST_TEST_REQUIRE(d.IsObject(), line);
    BOOST_TEST(d.HasMember("time"));
    BOOST_TEST(std::string{d["time"].GetString()}.back() == 'Z', line);
    BOOST_TEST(std::string{d["level"].GetString()} == "info", line);
    std::string msg = d["msg"].GetString();
    saw_listening |= msg.find("listening on 127.0.0.1:") != std::string::npos;
    saw_stopped |= msg == "troupe-node stopped";
    ++parsed;
  }
  BOOST_TEST(parsed >= 2u);
  BOOST_TEST(saw_listening);
  BOOST_TEST(saw_stopped);
  auto [rc, out] = troupe::test::run_command(std::string{TROUPE_NODE_BIN} + " --log-format xml 2>&1");
  BOOST_TEST(rc != 0);
  BOOST_TEST(out.find("log-format") != std::string::npos, out);
}

BOOST_AUTO_TEST_CASE(a_service_manager_hears_ready_and_stopping) {
  troupe::test::temp_dir dir;
  auto path = dir.sub("notify.sock");
  int fd = socket(AF_UNIX, SOCK_DGRAM, 0);
  BOOST_TEST_REQUIRE(fd >= 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
  BOOST_TEST_REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0);
  auto next_datagram = [&] {
    pollfd pfd{fd, POLLIN, 0};
    if (poll(&pfd, 1, 30'000) <= 0)
      return std::string{"(nothing within 30 s)"};
    char buf[512];
    auto n = recv(fd, buf, sizeof(buf), 0);
    return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string{};
  };
  troupe::test::node_process node{dir.sub("data"), "none", {}, {"NOTIFY_SOCKET=" + path}};
  auto ready = next_datagram();
  BOOST_TEST(ready.rfind("READY=1\nSTATUS=serving on 127.0.0.1:" + std::to_string(node.port()), 0)
               == 0u,
             ready);
  BOOST_TEST(node.terminate() == 0);
  BOOST_TEST(next_datagram() == "STOPPING=1");
  close(fd);
}

BOOST_AUTO_TEST_CASE(a_port_in_use_is_named_and_the_node_exits_cleanly) {
  troupe::test::temp_dir dir;
  troupe::test::node_process first{dir.sub("first"), "none",
                                   {"--resp-listen", "127.0.0.1:0",
                                    "--cluster-listen", "127.0.0.1:0"}};
  auto taken = [&](uint16_t port) { return "127.0.0.1:" + std::to_string(port); };
  for (auto flag : {std::string{"--listen "} + taken(first.port()),
                    "--listen 127.0.0.1:0 --resp-listen " + taken(first.resp_port()),
                    "--listen 127.0.0.1:0 --cluster-listen " + taken(first.cluster_port())}) {
    auto [rc, out] = troupe::test::run_command(std::string{TROUPE_NODE_BIN} + " " + flag
                                               + " --data-dir " + dir.sub("second") + " 2>&1");
    BOOST_TEST(rc == 1, flag << ": " << out);
    BOOST_TEST(out.find("cannot listen on 127.0.0.1:") != std::string::npos, out);
  }
  BOOST_TEST(first.terminate() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
