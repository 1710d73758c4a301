// Streams end to end: items, queries and live subscriptions through real
// troupe-node processes.
#include <map>
#include <thread>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include "protocol/troupe.pb.h"
#include "tests/support/node_fixture.hpp"
#include "tests/support/raw_socket.hpp"

using namespace troupe;
using troupe::test::node_fixture;

namespace stream_test {

using troupe::test::must;
using troupe::test::must_ok;

/// A field of a JSON object, as text ("" when missing).
std::string field(const std::string& json, const char* name) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (!d.IsObject() || !d.HasMember(name))
    return {};
  auto& v = d[name];
  if (v.IsString())
    return v.GetString();
  if (v.IsInt64())
    return std::to_string(v.GetInt64());
  return "?";
}

client::stream_event must_event(client::sync_client& c) {
  auto e = c.next_event(std::chrono::seconds{30});
  BOOST_TEST_REQUIRE(e.has_value(), "no stream event arrived");
  return *e;
}

/// Polls the node's counters until `pred` holds (bounded by a deadline).
template <class Pred>
client::node_stats wait_stats(client::sync_client& c, Pred pred) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  for (;;) {
    auto s = must(c.stats());
    if (pred(s) || std::chrono::steady_clock::now() > deadline)
      return s;
    std::this_thread::yield();
  }
}

} // namespace stream_test

using namespace stream_test;

BOOST_AUTO_TEST_SUITE(stream_api)

BOOST_AUTO_TEST_CASE(items_round_trip_with_motia_shapes) {
  node_fixture f;
  auto c = f.connect();
  BOOST_TEST(!must(c->stream_get("orders", "g1", "a")).has_value());
  auto created = must(c->stream_set("orders", "g1", "a", R"({"status":"new","n":1})"));
  BOOST_TEST(created.created);
  BOOST_TEST(field(created.item, "id") == "a");
  BOOST_TEST(field(created.item, "status") == "new");
  auto first_created = field(created.item, "_createdAt");
  BOOST_TEST(!first_created.empty());
  auto updated = must(c->stream_set("orders", "g1", "a", R"({"status":"paid","n":1})"));
  BOOST_TEST(!updated.created);
  BOOST_TEST(field(updated.item, "_createdAt") == first_created);  // kept from the first write
  BOOST_TEST(*must(c->stream_get("orders", "g1", "a")) == updated.item);

  // _createdAt given by the caller on a create is kept (Motia's Redis adapter).
  must(c->stream_set("orders", "g1", "b", R"({"status":"new","n":3,"_createdAt":5})"));
  must(c->stream_set("orders", "g1", "c", R"({"status":"new","n":2,"_createdAt":5})"));
  auto group = must(c->stream_get_group("orders", "g1"));
  BOOST_REQUIRE(group.size() == 3u);
  BOOST_TEST(field(group[0], "id") == "b");  // _createdAt 5, tie broken by id
  BOOST_TEST(field(group[1], "id") == "c");
  BOOST_TEST(field(group[2], "id") == "a");

  auto q = must(c->stream_query("orders", "g1", {R"({"status":"new"})", "n", false, 0, 0}));
  BOOST_REQUIRE(q.size() == 2u);
  BOOST_TEST(field(q[0], "id") == "c");
  BOOST_TEST(field(q[1], "id") == "b");
  auto desc = must(c->stream_query("orders", "g1", {"", "n", true, 1, 1}));
  BOOST_REQUIRE(desc.size() == 1u);
  BOOST_TEST(field(desc[0], "id") == "c");  // n: 3, 2, 1 -> offset 1, limit 1
  BOOST_TEST(must(c->stream_query("orders", "g1", {R"({"n":"1"})", "", false, 0, 0})).empty());
  BOOST_TEST(!c->stream_query("orders", "g1", {"[1]", "", false, 0, 0}).ok());

  must(c->stream_set("orders", "g2", "x", "{}"));
  must(c->stream_set("other", "g9", "x", "{}"));
  BOOST_TEST((must(c->stream_groups("orders")) == std::vector<std::string>{"g1", "g2"}));

  auto deleted = must(c->stream_delete("orders", "g1", "a"));
  BOOST_REQUIRE(deleted);
  BOOST_TEST(field(*deleted, "status") == "paid");
  BOOST_TEST(!must(c->stream_delete("orders", "g1", "a")).has_value());
  BOOST_TEST(must(c->stream_clear("orders", "g1")) == 2u);
  BOOST_TEST(must(c->stream_get_group("orders", "g1")).empty());
  BOOST_TEST((must(c->stream_groups("orders")) == std::vector<std::string>{"g2"}));
}

BOOST_AUTO_TEST_CASE(subscriber_on_one_connection_sees_writes_from_another) {
  node_fixture f;
  auto watcher = f.connect();
  auto writer = f.connect();
  auto group_sub = must(watcher->subscribe("s", "g"));
  auto item_sub = must(watcher->subscribe("s", "g", std::string{"a"}));
  BOOST_TEST(group_sub != item_sub);

  must(writer->stream_set("s", "g", "a", R"({"v":1})"));
  must(writer->stream_set("s", "g", "a", R"({"v":2})"));
  must(writer->stream_set("s", "g", "b", R"({"v":3})"));
  must(writer->stream_delete("s", "g", "a"));
  must(writer->stream_set("s", "other-group", "a", R"({"v":4})"));  // no subscriber

  // Per write: the group channel, then the item channel when it matches.
  std::vector<std::pair<uint64_t, std::string>> expected{
    {group_sub, "create"}, {item_sub, "create"}, {group_sub, "update"}, {item_sub, "update"},
    {group_sub, "create"}, {group_sub, "delete"}, {item_sub, "delete"}};
  for (auto& [sub, type] : expected) {
    auto e = must_event(*watcher);
    BOOST_TEST(e.subscription_id == sub);
    BOOST_TEST(e.type == type);
    BOOST_TEST(!e.custom);
    BOOST_TEST(e.stream == "s");
    BOOST_TEST(e.group_id == "g");
  }
  BOOST_TEST(!watcher->next_event(std::chrono::milliseconds{0}).has_value());
}

BOOST_AUTO_TEST_CASE(custom_events_reach_their_channel_only) {
  node_fixture f;
  auto watcher = f.connect();
  auto group_sub = must(watcher->subscribe("s", "g"));
  auto item_sub = must(watcher->subscribe("s", "g", std::string{"a"}));
  auto writer = f.connect();
  must_ok(writer->stream_send("s", "g", std::nullopt, "typing", R"({"user":"ann"})"));
  must_ok(writer->stream_send("s", "g", std::string{"a"}, "ping", "1"));
  auto e1 = must_event(*watcher);
  BOOST_TEST(e1.subscription_id == group_sub);
  BOOST_TEST(e1.custom);
  BOOST_TEST(e1.type == "typing");
  BOOST_TEST(e1.data == R"({"user":"ann"})");
  auto e2 = must_event(*watcher);
  BOOST_TEST(e2.subscription_id == item_sub);
  BOOST_TEST(e2.type == "ping");
  BOOST_TEST(!writer->stream_send("s", "g", std::nullopt, "bad", "{oops").ok());
}

BOOST_AUTO_TEST_CASE(unsubscribe_stops_events) {
  node_fixture f;
  auto watcher = f.connect();
  auto first = must(watcher->subscribe("s", "g"));
  auto second = must(watcher->subscribe("s", "g"));
  must_ok(watcher->unsubscribe(first));
  BOOST_TEST((watcher->unsubscribe(first).code == error_code::not_found));
  must(f.connect()->stream_set("s", "g", "a", "{}"));
  auto e = must_event(*watcher);
  BOOST_TEST(e.subscription_id == second);  // nothing for the first, before or after
  BOOST_TEST(!watcher->next_event(std::chrono::milliseconds{0}).has_value());
}

BOOST_AUTO_TEST_CASE(events_follow_commit_order_under_concurrent_writers) {
  node_fixture f{"fsync"};
  auto watcher = f.connect();
  must(watcher->subscribe("s", "g"));
  constexpr int writers = 4;
  constexpr int writes_each = 50;
  std::vector<std::thread> threads;
  for (int w = 0; w < writers; ++w)
    threads.emplace_back([&, w] {
      auto c = f.connect();
      for (int i = 0; i < writes_each; ++i)
        BOOST_TEST(c->stream_set("s", "g", "item-" + std::to_string(i % 5),
                                 R"({"w":)" + std::to_string(w) + R"(,"i":)" + std::to_string(i) + "}")
                     .ok());
    });
  for (auto& t : threads)
    t.join();
  std::map<std::string, std::string> last_event;
  std::map<int, int> last_i;
  for (int n = 0; n < writers * writes_each; ++n) {
    auto e = must_event(*watcher);
    rapidjson::Document d;
    d.Parse(e.data.c_str());
    int w = d["w"].GetInt();
    int i = d["i"].GetInt();
    // Each writer's writes appear in the order it made them.
    BOOST_TEST_REQUIRE(i > (last_i.count(w) ? last_i[w] : -1));
    last_i[w] = i;
    last_event[e.id] = e.data;
  }
  // The last event of each item is the item as stored: commit order.
  for (auto& [id, data] : last_event)
    BOOST_TEST(*must(watcher->stream_get("s", "g", id)) == data);
}

BOOST_AUTO_TEST_CASE(thousand_subscribe_disconnect_cycles_leave_nothing_behind) {
  node_fixture f{"none", {"--stream-idle-ms", "0"}};
  auto observer = f.connect();
  for (int i = 0; i < 1000; ++i) {
    auto c = f.connect();
    must(c->subscribe("s", "g" + std::to_string(i % 10)));
  }  // each client disconnects here
  auto stats = wait_stats(*observer, [](const client::node_stats& s) {
    return s.stream_subscribers == 0 && s.stream_groups == 0 && s.sessions == 1;
  });
  BOOST_TEST(stats.stream_subscribers == 0u);
  BOOST_TEST(stats.stream_groups == 0u);
  BOOST_TEST(stats.sessions == 1u);
}

BOOST_AUTO_TEST_CASE(slow_consumer_overflows_and_is_unsubscribed) {
  node_fixture f{"none", {"--max-subscriber-backlog-bytes", "65536"}};
  // A subscriber that reads nothing until the writer is done.
  test::raw_socket slow{f.node->port()};
  BOOST_REQUIRE(slow.hello());
  BOOST_REQUIRE(slow.read_frame());
  v1::Frame sub;
  sub.set_id(1);
  sub.mutable_request()->mutable_stream_subscribe()->set_stream("s");
  sub.mutable_request()->mutable_stream_subscribe()->set_group_id("g");
  slow.send_frame(sub);
  auto reply = slow.read_frame();
  BOOST_REQUIRE(reply && reply->response().has_subscribe());
  auto sub_id = reply->response().subscribe().subscription_id();

  auto writer = f.connect();
  std::string big = R"({"pad":")" + std::string(16 * 1024, 'x') + "\"}";
  for (int i = 0; i < 1500; ++i) {  // ~24 MiB of events: more than socket buffers hold
    auto w = writer->stream_set("s", "g", "k" + std::to_string(i % 20), big);
    BOOST_TEST_REQUIRE(w.ok(), w.error().to_string());
  }

  size_t events = 0;
  bool overflowed = false;
  while (!overflowed) {
    auto frame = slow.read_frame();
    BOOST_REQUIRE(frame);
    BOOST_REQUIRE(frame->has_push());
    BOOST_TEST(frame->push().subscription_id() == sub_id);
    overflowed = frame->push().overflow();
    events += overflowed ? 0 : 1;
  }
  BOOST_TEST(events < 1500u);
  auto stats = wait_stats(*writer, [](const client::node_stats& s) {
    return s.stream_subscribers == 0;
  });
  BOOST_TEST(stats.stream_subscribers == 0u);
  // Nothing more arrives for the ended subscription; the connection still works.
  v1::Frame ping;
  ping.set_id(2);
  ping.mutable_request()->mutable_ping();
  slow.send_frame(ping);
  auto pong = slow.read_frame();
  BOOST_REQUIRE(pong);
  BOOST_TEST(pong->response().has_pong());
}

BOOST_AUTO_TEST_CASE(bad_items_store_nothing_and_send_no_event) {
  node_fixture f{"os", {"--max-value-bytes", "1000", "--max-key-bytes", "64"}};
  auto watcher = f.connect();
  must(watcher->subscribe("s", "g"));
  auto c = f.connect();
  BOOST_TEST((c->stream_set("s", "g", "a", "{bad").error().code == error_code::invalid_argument));
  BOOST_TEST((c->stream_set("s", "g", "a", "[1,2]").error().code == error_code::invalid_argument));
  BOOST_TEST((c->stream_set("s", "g", "", "{}").error().code == error_code::invalid_argument));
  BOOST_TEST((c->stream_set("s", "g", std::string(65, 'i'), "{}").error().code
              == error_code::too_large));
  BOOST_TEST((c->stream_set("s", "g", "a", R"({"p":")" + std::string(2000, 'x') + "\"}")
                .error().code == error_code::too_large));
  BOOST_TEST((c->stream_set("", "g", "a", "{}").error().code == error_code::invalid_argument));
  BOOST_TEST(must(c->stream_get_group("s", "g")).empty());
  must(c->stream_set("s", "g", "ok", "{}"));
  auto e = must_event(*watcher);  // the first event is the valid write's
  BOOST_TEST(e.id == "ok");
  BOOST_TEST(e.type == "create");
}

BOOST_AUTO_TEST_CASE(restart_keeps_items) {
  node_fixture f{"fsync"};
  must(f.connect()->stream_set("s", "g", "a", R"({"v":1})"));
  must(f.connect()->stream_set("s", "g", "b", R"({"v":2})"));
  f.restart();
  auto c = f.connect();
  auto group = must(c->stream_get_group("s", "g"));
  BOOST_REQUIRE(group.size() == 2u);
  BOOST_TEST(field(group[0], "id") == "a");
  BOOST_TEST(!must(c->stream_set("s", "g", "a", R"({"v":3})")).created);
}

BOOST_AUTO_TEST_CASE(streams_work_with_partitions_on_the_io_thread) {
  node_fixture f{"fsync", {"--placement", "io", "--stream-idle-ms", "0"}};
  auto watcher = f.connect();
  auto sub = must(watcher->subscribe("s", "g"));
  auto c = f.connect();
  BOOST_TEST(must(c->stream_set("s", "g", "a", "{}")).created);
  auto e = must_event(*watcher);
  BOOST_TEST(e.subscription_id == sub);
  BOOST_TEST(e.type == "create");
  BOOST_TEST(must(c->stream_get_group("s", "g")).size() == 1u);
}

BOOST_AUTO_TEST_CASE(cli_streams_and_watch) {
  node_fixture f;
  auto cli = std::string{TROUPE_CLI_BIN} + " --node 127.0.0.1:" + std::to_string(f.node->port()) + " ";
  // The watcher says "subscribed N" (on stderr) once its subscription is in
  // place.
  FILE* watch = popen((cli + "stream watch s g --count 2 2>&1").c_str(), "r");
  BOOST_REQUIRE(watch != nullptr);
  char line[4096];
  BOOST_REQUIRE(fgets(line, sizeof(line), watch) != nullptr);
  BOOST_TEST(std::string{line}.rfind("subscribed ", 0) == 0u);
  auto [rc1, out1] = test::run_command(cli + "stream set s g a '{\"n\":1}'");
  BOOST_TEST(rc1 == 0);
  BOOST_TEST(out1.rfind("created {", 0) == 0u);
  auto [rc2, out2] = test::run_command(cli + "stream send s g hello '{\"x\":true}'");
  BOOST_TEST(rc2 == 0);
  std::string events;
  while (fgets(line, sizeof(line), watch) != nullptr)
    events += line;
  BOOST_TEST(pclose(watch) == 0);
  BOOST_TEST(events.find("\"type\":\"create\",\"id\":\"a\",\"custom\":false") != std::string::npos);
  BOOST_TEST(events.find("\"type\":\"hello\",\"id\":\"\",\"custom\":true,\"data\":{\"x\":true}")
             != std::string::npos);
  auto [rc3, out3] = test::run_command(cli + "stream query s g --where '{\"n\":1}'");
  BOOST_TEST(rc3 == 0);
  BOOST_TEST(out3.find("\"id\":\"a\"") != std::string::npos);
  auto [rc4, out4] = test::run_command(cli + "stream groups s");
  BOOST_TEST(out4 == "g\n");
  auto [rc5, out5] = test::run_command(cli + "stream get s g missing 2>/dev/null");
  BOOST_TEST(rc5 == 1);
  auto [rc6, out6] = test::run_command(cli + "stats");
  BOOST_TEST(rc6 == 0);
  BOOST_TEST(out6.find("stream_subscribers") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
