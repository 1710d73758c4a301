// Bad input over a raw socket: each is answered with an error or a closed
// connection, the node keeps serving other connections, stored data intact.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>

#include "protocol/frame_codec.hpp"
#include "protocol/troupe.pb.h"
#include "tests/support/node_fixture.hpp"
#include "tests/support/node_process.hpp"
#include "tests/support/raw_socket.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe;
using troupe::test::node_fixture;
using troupe::test::raw_socket;

namespace {

/// A node holding one known value, checked after every abuse.
struct abused_node : node_fixture {
  abused_node() : node_fixture("os", {"--max-frame-bytes", "4194304"}) {
    auto c = connect();
    BOOST_TEST_REQUIRE(c->set("keep", "k", "\"intact\"").ok());
  }

  void check_still_serving() {
    auto c = connect();
    auto v = c->get("keep", "k");
    BOOST_TEST_REQUIRE(v.ok(), v.error().to_string());
    BOOST_TEST_REQUIRE(v->has_value());
    BOOST_TEST((*v)->json == "\"intact\"");
    BOOST_TEST(c->keys("keep")->size() == 1u);
  }
};

raw_socket greeted(uint16_t port) {
  raw_socket s{port};
  BOOST_REQUIRE(s.hello());
  auto w = s.read_frame();
  BOOST_REQUIRE(w && w->has_welcome());
  return s;
}

/// The node answers with a connection-level error of `code` (whose message
/// contains `text`) and closes the connection.
void expect_rejected(raw_socket& s, v1::ErrorCode code, const std::string& text = {}) {
  auto err = s.read_frame();
  BOOST_REQUIRE(err);
  BOOST_TEST(err->error().code() == code);
  BOOST_TEST(err->error().message().find(text) != std::string::npos);
  BOOST_TEST(s.closed_by_peer());
}

/// The resident memory of process `pid`, bytes.
size_t resident_bytes(pid_t pid) {
  std::ifstream in{"/proc/" + std::to_string(pid) + "/status"};
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0)
      return std::stoul(line.substr(6)) * 1024;
  return 0;
}

/// A RESP command as Redis clients send it.
std::string resp_command(std::initializer_list<std::string> args) {
  std::string out = "*" + std::to_string(args.size()) + "\r\n";
  for (auto& a : args)
    out += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
  return out;
}

/// Reads from `s` until `expected` bytes arrived; they must be `expected`.
void expect_bytes(raw_socket& s, const std::string& expected) {
  std::string got;
  while (got.size() < expected.size()) {
    auto more = s.read_some();
    BOOST_REQUIRE_MESSAGE(more, "closed after: " + got);
    got += *more;
  }
  BOOST_TEST(got == expected);
}

/// Sends `burst` up to `times` times without reading anything; returns how
/// many went out whole before the node hung up.
int send_without_reading(raw_socket& s, const std::string& burst, int times) {
  int sent = 0;
  while (sent < times && s.send(burst))
    ++sent;
  return sent;
}

std::string length_prefix(uint32_t n) {
  return {static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
          static_cast<char>(n)};
}

} // namespace

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(garbage_bytes_close_the_connection) {
  abused_node f;
  raw_socket s{f.node->port()};
  s.send(length_prefix(12) + "\xFF\xFF\xFF garbage!");
  expect_rejected(s, v1::INVALID_ARGUMENT);
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(huge_length_prefix_is_refused) {
  abused_node f;
  raw_socket s = greeted(f.node->port());
  s.send(length_prefix(0x80000000u));  // 2^31
  expect_rejected(s, v1::TOO_LARGE);
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(truncated_frame_then_disconnect_leaves_the_node_serving) {
  abused_node f;
  {
    raw_socket s = greeted(f.node->port());
    v1::Frame set;
    set.set_id(1);
    auto* r = set.mutable_request()->mutable_state_set();
    r->set_trace_id("keep");
    r->set_key("k");
    r->set_value("\"overwritten\"");
    std::vector<char> wire;
    protocol::append_frame(wire, set);
    s.send(std::string{wire.begin(), wire.end() - 5});  // never completed
  }
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(unknown_operation_gets_an_error_and_the_connection_stays) {
  abused_node f;
  raw_socket s = greeted(f.node->port());
  // A Request carrying only a field this node does not know (field 999).
  std::string unknown_field = "\xBA\x3E\x01x";  // field 999, length-delimited, "x"
  std::string body = "\x08\x07";                 // id = 7
  body += "\x22" + std::string(1, static_cast<char>(unknown_field.size())) + unknown_field;
  s.send(length_prefix(static_cast<uint32_t>(body.size())) + body);
  auto reply = s.read_frame();
  BOOST_REQUIRE(reply);
  BOOST_TEST(reply->id() == 7u);
  BOOST_TEST(reply->response().error().code() == v1::INVALID_ARGUMENT);
  BOOST_TEST(reply->response().error().message().find("unknown operation") != std::string::npos);
  // Still usable.
  v1::Frame ping;
  ping.set_id(8);
  ping.mutable_request()->mutable_ping();
  s.send_frame(ping);
  auto pong = s.read_frame();
  BOOST_REQUIRE(pong);
  BOOST_TEST(pong->response().has_pong());
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(two_megabyte_key_is_too_large_and_stores_nothing) {
  abused_node f;
  raw_socket s = greeted(f.node->port());
  v1::Frame set;
  set.set_id(3);
  auto* r = set.mutable_request()->mutable_state_set();
  r->set_trace_id("keep");
  r->set_key(std::string(2 << 20, 'k'));
  r->set_value("1");
  s.send_frame(set);
  auto reply = s.read_frame();
  BOOST_REQUIRE(reply);
  BOOST_TEST(reply->response().error().code() == v1::TOO_LARGE);
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(oversized_value_and_invalid_json_store_nothing) {
  node_fixture f{"os", {"--max-value-bytes", "1000"}};
  auto c = f.connect();
  auto big = c->set("t", "k", "\"" + std::string(2000, 'v') + "\"");
  BOOST_TEST((big.error().code == error_code::too_large));
  auto bad = c->set("t", "k", "{\"a\":");
  BOOST_TEST((bad.error().code == error_code::invalid_argument));
  auto none = c->set_many("t", {{"a", "1", {}}, {"b", "nope", {}}});
  BOOST_TEST((none.error().code == error_code::invalid_argument));
  BOOST_TEST(c->trace_ids()->empty());
}

BOOST_AUTO_TEST_CASE(values_nested_too_deep_are_refused_and_the_limit_is_served) {
  // 75,000 levels used to be stored, then crash every filter reaching them.
  abused_node f;
  auto c = f.connect();
  auto nested = [](size_t depth) {
    return "{\"n\":" + std::string(depth - 1, '[') + "1" + std::string(depth - 1, ']') + "}";
  };
  for (auto& refused : {nested(75000), nested(513)}) {
    BOOST_TEST((c->set("t", "deep", refused).error().code == error_code::invalid_argument));
    BOOST_TEST((c->stream_set("s", "g", "deep", refused).error().code
                == error_code::invalid_argument));
    BOOST_TEST((c->emit("topic", {refused, "trace", {}, {}, {}}).error().code
                == error_code::invalid_argument));
  }
  // The deepest accepted value is stored, filtered, queried and listed.
  auto limit = nested(512);
  BOOST_TEST_REQUIRE(c->set("t", "deep", limit).ok());
  auto items = c->items("t", {{"n", "gt", "0"}});
  BOOST_TEST_REQUIRE(items.ok());
  BOOST_TEST(items->size() == 1u);
  BOOST_TEST_REQUIRE(c->stream_set("s", "g", "deep", limit).ok());
  BOOST_TEST_REQUIRE(c->stream_set("s", "g", "deep", limit).ok());
  client::stream_query_options q;
  q.order_by = "n";
  BOOST_TEST(c->stream_query("s", "g", q)->size() == 1u);
  BOOST_TEST(c->stream_get_group("s", "g")->size() == 1u);
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(errors_quoting_client_bytes_stay_decodable) {
  // Ids are bytes; error messages are protobuf strings, which strict
  // parsers (this client among them) refuse unless they are UTF-8.
  abused_node f;
  auto c = f.connect();
  auto r = c->get_queue_stats("topic\xFF", "step\xC0\xAF");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().code == error_code::not_found));
  BOOST_TEST(r.error().message
             == "step 'step\\xC0\\xAF' is not subscribed to topic 'topic\\xFF'");
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(wrong_protocol_version_is_refused) {
  abused_node f;
  raw_socket s{f.node->port()};
  s.hello({}, 99);
  expect_rejected(s, v1::INVALID_ARGUMENT, "protocol version 99");
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(request_before_hello_is_refused) {
  abused_node f;
  raw_socket s{f.node->port()};
  v1::Frame ping;
  ping.set_id(1);
  ping.mutable_request()->mutable_ping();
  s.send_frame(ping);
  expect_rejected(s, v1::INVALID_ARGUMENT);
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(wrong_token_closes_the_connection) {
  node_fixture f{"os", {"--token", "right"}};
  // A prefix, an extension or a token of the same length but wrong: all refused.
  for (auto* wrong : {"wrong", "righ", "right!", "rigHt"}) {
    raw_socket s{f.node->port()};
    s.hello(wrong);
    expect_rejected(s, v1::UNAUTHENTICATED, "wrong token");
  }
  auto c = f.connect("right");
  BOOST_TEST(c->ping().ok());
}

BOOST_AUTO_TEST_CASE(a_large_frame_before_hello_is_refused) {
  abused_node f;
  raw_socket s{f.node->port()};
  s.send(length_prefix(1u << 20)); // within --max-frame-bytes, but no Hello yet
  expect_rejected(s, v1::TOO_LARGE, "before Hello");
  // After Hello the node's limit applies.
  std::string big = "\"" + std::string(1u << 20, 'x') + "\"";
  BOOST_TEST(f.connect()->set("big", "k", big).ok());
  f.check_still_serving();
}

BOOST_AUTO_TEST_CASE(a_connection_that_never_says_hello_is_closed) {
  node_fixture f{"os", {"--handshake-timeout-ms", "200"}};
  raw_socket silent{f.node->port()};
  expect_rejected(silent, v1::UNAUTHENTICATED, "no Hello within 200 ms");
  BOOST_TEST(f.connect()->ping().ok());
}

BOOST_AUTO_TEST_CASE(connections_past_the_limit_are_refused_with_a_reason) {
  node_fixture f{"os", {"--max-connections", "2", "--resp-listen", "127.0.0.1:0"}};
  std::optional<raw_socket> first{greeted(f.node->port())};
  raw_socket second = greeted(f.node->port());
  raw_socket third{f.node->port()};
  expect_rejected(third, v1::UNAVAILABLE, "at most 2 connections");
  BOOST_TEST(second.send_frame([] {
    v1::Frame ping;
    ping.set_id(7);
    ping.mutable_request()->mutable_ping();
    return ping;
  }()));
  BOOST_TEST(second.read_frame()->id() == 7u); // the others are served
  // A closed connection frees its place (once the node has seen it close).
  first.reset();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  for (;;) {
    raw_socket next{f.node->port()};
    next.hello();
    auto reply = next.read_frame();
    if (reply && reply->has_welcome())
      break;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "no place freed");
  }
  // The RESP port has its own limit and refuses the way Redis does.
  raw_socket r1{f.node->resp_port()}, r2{f.node->resp_port()};
  BOOST_TEST(r1.send("*1\r\n$4\r\nPING\r\n"));
  BOOST_TEST(*r1.read_some() == "+PONG\r\n");
  BOOST_TEST(r2.send("*1\r\n$4\r\nPING\r\n"));
  BOOST_TEST(*r2.read_some() == "+PONG\r\n");
  raw_socket r3{f.node->resp_port()};
  BOOST_TEST(*r3.read_some() == "-ERR max number of clients reached\r\n");
  BOOST_TEST(r3.closed_by_peer());
}

BOOST_AUTO_TEST_CASE(a_client_that_never_reads_its_replies_is_disconnected) {
  // Each GET's reply is 10 KB. The client sends far more requests than the
  // kernel's socket buffers hold (about 10 MB on loopback), so the node must
  // have read past its limit and hung up before the last burst.
  node_fixture f{"os",
                 {"--max-reply-buffer-bytes", "1048576", "--max-frame-bytes", "1048576",
                  "--max-requests-in-flight", "64", "--resp-listen", "127.0.0.1:0"}};
  std::string value(10 * 1024, 'v');
  raw_socket setter{f.node->resp_port()};
  setter.send(resp_command({"SET", "k", value}));
  expect_bytes(setter, "+OK\r\n");
  auto before = resident_bytes(f.node->pid());
  std::string gets;
  for (int i = 0; i < 10'000; ++i)
    gets += resp_command({"GET", "k"});
  {
    raw_socket greedy{f.node->resp_port()};
    BOOST_TEST(send_without_reading(greedy, gets, 100) < 100);  // 22 MB
  }
  // The client protocol: StateGet frames.
  BOOST_TEST(f.connect()->set("t", "k", "\"" + value + "\"").ok());
  std::vector<char> frames;
  for (uint64_t id = 1; id <= 10'000; ++id) {
    v1::Frame get;
    get.set_id(id);
    get.mutable_request()->mutable_state_get()->set_trace_id("t");
    get.mutable_request()->mutable_state_get()->set_key("k");
    protocol::append_frame(frames, get);
  }
  {
    raw_socket greedy = greeted(f.node->port());
    BOOST_TEST(send_without_reading(greedy, std::string{frames.begin(), frames.end()}, 300)
               < 300);  // 45 MB
  }
  auto after = resident_bytes(f.node->pid());
  BOOST_TEST(after < before + (size_t{48} << 20), "RSS " << before << " -> " << after);
  BOOST_TEST(f.node->log().find("while its replies are not read") != std::string::npos);
  // Others are served throughout.
  BOOST_TEST(f.connect()->ping().ok());
  setter.send(resp_command({"STRLEN", "k"}));
  expect_bytes(setter, ":10240\r\n");
}

BOOST_AUTO_TEST_CASE(a_client_that_reads_may_pipeline_past_the_limits) {
  node_fixture f{"os", {"--max-reply-buffer-bytes", "65536", "--max-requests-in-flight", "4",
                        "--resp-listen", "127.0.0.1:0"}};
  raw_socket s{f.node->resp_port()};
  std::string value(1000, 'v');
  std::string cmds, expected;
  for (int i = 0; i < 2000; ++i) {
    cmds += resp_command({"SET", "k" + std::to_string(i), value});
    cmds += resp_command({"GET", "k" + std::to_string(i)});
    expected += "+OK\r\n$1000\r\n" + value + "\r\n";
  }
  BOOST_TEST(s.send(cmds));
  expect_bytes(s, expected);  // 2 MB of replies through a 64 KiB limit, in order
}

BOOST_AUTO_TEST_CASE(failed_tokens_are_throttled_and_logged) {
  node_fixture f{"os", {"--token", "right", "--resp-listen", "127.0.0.1:0"}};
  raw_socket s{f.node->resp_port()};
  std::string cmds, expected;
  for (int i = 0; i < 6; ++i) {
    cmds += resp_command({"AUTH", "wrong"});
    expected += "-WRONGPASS invalid username-password pair or user is disabled.\r\n";
  }
  cmds += resp_command({"AUTH", "right"}) + resp_command({"PING"});
  expected += "+OK\r\n+PONG\r\n";
  BOOST_TEST(s.send(cmds));
  // The later failures are answered late; every reply keeps its place.
  expect_bytes(s, expected);
  BOOST_TEST(f.node->log().find("failed authentication attempt") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_resp_connection_that_never_authenticates_is_closed) {
  node_fixture f{"os", {"--token", "right", "--resp-listen", "127.0.0.1:0",
                        "--handshake-timeout-ms", "200"}};
  raw_socket silent{f.node->resp_port()};
  expect_bytes(silent, "-ERR no AUTH within 200 ms (--handshake-timeout-ms)\r\n");
  BOOST_TEST(silent.closed_by_peer());
  raw_socket prompt{f.node->resp_port()};
  prompt.send(resp_command({"AUTH", "right"}) + resp_command({"PING"}));
  expect_bytes(prompt, "+OK\r\n+PONG\r\n");
}

BOOST_AUTO_TEST_CASE(a_connection_that_trickles_bytes_without_auth_is_closed_too) {
  node_fixture f{"os", {"--token", "right", "--resp-listen", "127.0.0.1:0",
                        "--handshake-timeout-ms", "200"}};
  // One byte of an endless argument every 20 ms: the connection is never
  // quiet, yet it is closed once its time to AUTH is over.
  raw_socket slow{f.node->resp_port()};
  slow.send("*1\r\n$4000\r\n");
  for (int i = 0; i < 1500 && !slow.readable(std::chrono::milliseconds{20}); ++i)
    slow.send("x");
  BOOST_TEST(slow.read_some().value_or("") == "-ERR no AUTH within 200 ms (--handshake-timeout-ms)\r\n");
  BOOST_TEST(slow.closed_by_peer());
}

BOOST_AUTO_TEST_CASE(idle_connections_are_closed_but_subscribers_stay) {
  node_fixture f{"os", {"--idle-timeout-ms", "200", "--resp-listen", "127.0.0.1:0"}};
  raw_socket subscriber{f.node->resp_port()};
  subscriber.send(resp_command({"SUBSCRIBE", "news"}));
  expect_bytes(subscriber, "*3\r\n$9\r\nsubscribe\r\n$4\r\nnews\r\n:1\r\n");
  // Opened after the subscriber: by the time these are closed, the
  // subscriber has been looked at and kept.
  raw_socket idle = greeted(f.node->port());
  expect_rejected(idle, v1::UNAVAILABLE, "idle for 200 ms");
  raw_socket idle_resp{f.node->resp_port()};
  idle_resp.send(resp_command({"PING"}));
  expect_bytes(idle_resp, "+PONG\r\n");
  BOOST_TEST(idle_resp.closed_by_peer());
  raw_socket publisher{f.node->resp_port()};
  publisher.send(resp_command({"PUBLISH", "news", "still here"}));
  expect_bytes(publisher, ":1\r\n");
  expect_bytes(subscriber, "*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$10\r\nstill here\r\n");
}

BOOST_AUTO_TEST_CASE(at_the_file_limit_connections_are_refused_before_it_is_reached) {
  // 64 files: the node keeps connections to 32, and says why.
  test::temp_dir dir;
  test::node_process node{dir.sub("data"), "os", {}, {"RLIMIT_NOFILE=64"}};
  BOOST_TEST(node.log().find("--max-connections 10000 lowered to 32") != std::string::npos);
  std::vector<raw_socket> open;
  for (int i = 0; i < 32; ++i)
    open.push_back(greeted(node.port()));
  raw_socket refused{node.port()};
  expect_rejected(refused, v1::UNAVAILABLE, "at most 32 connections");
  open.pop_back();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  for (;;) {  // a closed connection frees its place (once the node saw it close)
    raw_socket next{node.port()};
    next.hello();
    auto reply = next.read_frame();
    if (reply && reply->has_welcome())
      break;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "no place freed");
  }
  BOOST_TEST(node.terminate() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
