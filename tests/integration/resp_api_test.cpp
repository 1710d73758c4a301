// The RESP front door through a real troupe-node: every command with
// Redis's reply types and error strings, pipelining, expiry (manual clock),
// SCAN over many keys, pub/sub, authentication, malformed input, and a
// scripted redis-cli session.
#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "protocol/resp.hpp"
#include "tests/support/node_process.hpp"
#include "tests/support/resp_conn.hpp"
#include "tests/support/resp_node.hpp"
#include "tests/support/resp_peers.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe::test;

namespace {

const std::string wrongtype =
  err("WRONGTYPE Operation against a key holding the wrong kind of value");
const std::string not_int = err("ERR value is not an integer or out of range");

} // namespace

BOOST_AUTO_TEST_SUITE(resp_api)

BOOST_AUTO_TEST_CASE(strings) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"SET", "s", "hello"}) == ok);
  BOOST_TEST(c.call({"GET", "s"}) == bulk("hello"));
  BOOST_TEST(c.call({"get", "missing"}) == nil);
  BOOST_TEST(c.call({"SET", "s", "x", "NX"}) == nil);
  BOOST_TEST(c.call({"SET", "new", "x", "XX"}) == nil);
  BOOST_TEST(c.call({"SET", "s", "world", "XX", "GET"}) == bulk("hello"));
  BOOST_TEST(c.call({"SET", "n1", "v", "NX", "GET"}) == nil);
  BOOST_TEST(c.call({"GET", "n1"}) == bulk("v"));
  BOOST_TEST(c.call({"SETNX", "s", "y"}) == integer(0));
  BOOST_TEST(c.call({"SETNX", "t", "y"}) == integer(1));
  BOOST_TEST(c.call({"GETSET", "t", "z"}) == bulk("y"));
  BOOST_TEST(c.call({"GETDEL", "t"}) == bulk("z"));
  BOOST_TEST(c.call({"GETDEL", "t"}) == nil);
  BOOST_TEST(c.call({"APPEND", "a", "ab"}) == integer(2));
  BOOST_TEST(c.call({"APPEND", "a", "cd"}) == integer(4));
  BOOST_TEST(c.call({"STRLEN", "a"}) == integer(4));
  BOOST_TEST(c.call({"STRLEN", "missing"}) == integer(0));
  BOOST_TEST(c.call({"INCR", "i"}) == integer(1));
  BOOST_TEST(c.call({"INCRBY", "i", "41"}) == integer(42));
  BOOST_TEST(c.call({"DECR", "i"}) == integer(41));
  BOOST_TEST(c.call({"DECRBY", "i", "-9"}) == integer(50));
  BOOST_TEST(c.call({"INCR", "s"}) == not_int);
  BOOST_TEST(c.call({"INCRBY", "i", "x"}) == not_int);
  BOOST_TEST(c.call({"SET", "big", "9223372036854775807"}) == ok);
  BOOST_TEST(c.call({"INCR", "big"}) == err("ERR increment or decrement would overflow"));
  BOOST_TEST(c.call({"SET", "lead", "01"}) == ok);
  BOOST_TEST(c.call({"INCR", "lead"}) == not_int);
  // Binary-safe keys and values.
  std::string bin{"k\0\r\n*", 5};
  std::string val{"\0\1\2\r\n", 5};
  BOOST_TEST(c.call({"SET", bin, val}) == ok);
  BOOST_TEST(c.call({"GET", bin}) == bulk(val));
  // Multi-key commands across partitions, replies in key order.
  BOOST_TEST(c.call({"MSET", "m1", "a", "m2", "b", "m3", "c"}) == ok);
  BOOST_TEST(c.call({"HSET", "h", "f", "v"}) == integer(1));
  BOOST_TEST(c.call({"MGET", "m1", "nope", "m2", "h", "m3"})
             == "*5\r\n" + bulk("a") + nil + bulk("b") + nil + bulk("c"));
  BOOST_TEST(c.call({"EXISTS", "m1", "m1", "nope", "h"}) == integer(3));
  BOOST_TEST(c.call({"DEL", "m1", "m2", "nope", "h"}) == integer(3));
  BOOST_TEST(c.call({"UNLINK", "m3"}) == integer(1));
  BOOST_TEST(c.call({"TYPE", "s"}) == "+string\r\n");
  BOOST_TEST(c.call({"TYPE", "nope"}) == "+none\r\n");
}

BOOST_AUTO_TEST_CASE(ranges_floats_and_moves) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"SET", "s", "Hello World"}) == ok);
  BOOST_TEST(c.call({"GETRANGE", "s", "0", "4"}) == bulk("Hello"));
  BOOST_TEST(c.call({"GETRANGE", "s", "-5", "-1"}) == bulk("World"));
  BOOST_TEST(c.call({"GETRANGE", "s", "5", "1"}) == bulk(""));
  BOOST_TEST(c.call({"SUBSTR", "none", "0", "1"}) == bulk(""));
  BOOST_TEST(c.call({"SETRANGE", "s", "6", "Redis"}) == integer(11));
  BOOST_TEST(c.call({"GET", "s"}) == bulk("Hello Redis"));
  BOOST_TEST(c.call({"SETRANGE", "pad", "3", "x"}) == integer(4));
  BOOST_TEST(c.call({"GET", "pad"}) == bulk(std::string{"\0\0\0x", 4}));
  BOOST_TEST(c.call({"SETRANGE", "s", "-1", "x"}) == err("ERR offset is out of range"));
  BOOST_TEST(c.call({"SETRANGE", "s", "9223372036854775807", "x"}).rfind("-ERR", 0) == 0u);
  BOOST_TEST(c.call({"INCRBYFLOAT", "f", "10.5"}) == bulk("10.5"));
  BOOST_TEST(c.call({"INCRBYFLOAT", "f", "0.1"}) == bulk("10.6"));
  BOOST_TEST(c.call({"INCRBYFLOAT", "f", "-10.6"}) == bulk("0"));
  BOOST_TEST(c.call({"INCRBYFLOAT", "s", "1"}) == err("ERR value is not a valid float"));
  BOOST_TEST(c.call({"INCRBYFLOAT", "f", "inf"})
             == err("ERR increment would produce NaN or Infinity"));
  BOOST_TEST(c.call({"HINCRBYFLOAT", "h", "x", "1.5"}) == bulk("1.5"));
  BOOST_TEST(c.call({"HINCRBYFLOAT", "h", "y", "+inf"}) == err("ERR value is NaN or Infinity"));
  BOOST_TEST(c.call({"HEXISTS", "h", "y"}) == integer(0));
  BOOST_TEST(c.call({"HSTRLEN", "h", "x"}) == integer(3));
  BOOST_TEST(c.call({"MSETNX", "{m}a", "1", "{m}b", "2"}) == integer(1));
  BOOST_TEST(c.call({"MSETNX", "{m}b", "3", "{m}c", "4"}) == integer(0));
  BOOST_TEST(c.call({"EXISTS", "{m}c"}) == integer(0));
  BOOST_TEST(c.call({"GETEX", "{m}a", "PX", "5000"}) == bulk("1"));
  BOOST_TEST(c.call({"PTTL", "{m}a"}) == integer(5000));
  auto now_ms = std::stoll(c.call({"TROUPE.ADVANCECLOCK", "0"}).substr(1));
  BOOST_TEST(c.call({"PEXPIRETIME", "{m}a"}) == integer(now_ms + 5000));
  BOOST_TEST(c.call({"EXPIRETIME", "{m}b"}) == integer(-1));
  BOOST_TEST(c.call({"GETEX", "{m}a", "PERSIST"}) == bulk("1"));
  BOOST_TEST(c.call({"TTL", "{m}a"}) == integer(-1));
  BOOST_TEST(c.call({"GETEX", "{m}a", "EX", "0"}) == err("ERR invalid expire time in 'getex' command"));
  auto time = strings_of(c.call({"TIME"}));
  BOOST_TEST(time.size() == 2u);
  BOOST_TEST(std::stoll(time[0]) == now_ms / 1000);
  BOOST_TEST(c.call({"TOUCH", "{m}a", "{m}b", "{m}none"}) == integer(2));
  // COPY and RENAME carry a collection's elements and its expiry.
  BOOST_TEST(c.call({"HSET", "{m}h", "f", "v", "g", "w"}) == integer(2));
  BOOST_TEST(c.call({"PEXPIRE", "{m}h", "9000"}) == integer(1));
  BOOST_TEST(c.call({"COPY", "{m}h", "{m}h2"}) == integer(1));
  BOOST_TEST(c.call({"COPY", "{m}h", "{m}h2"}) == integer(0));
  BOOST_TEST(c.call({"COPY", "{m}a", "{m}h2", "REPLACE"}) == integer(1));
  BOOST_TEST(c.call({"GET", "{m}h2"}) == bulk("1"));
  BOOST_TEST(c.call({"COPY", "{m}h", "{m}h", "DB", "0"})
             == err("ERR source and destination objects are the same"));
  BOOST_TEST(c.call({"RENAME", "{m}h", "{m}h3"}) == ok);
  BOOST_TEST(c.call({"HGETALL", "{m}h3"}) == "*4\r\n" + bulk("f") + bulk("v") + bulk("g") + bulk("w"));
  BOOST_TEST(c.call({"PTTL", "{m}h3"}) == integer(9000));
  BOOST_TEST(c.call({"EXISTS", "{m}h"}) == integer(0));
  BOOST_TEST(c.call({"RENAME", "{m}h", "{m}x"}) == err("ERR no such key"));
  BOOST_TEST(c.call({"RENAMENX", "{m}h3", "{m}b"}) == integer(0));
}

BOOST_AUTO_TEST_CASE(errors_match_redis) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"GET"}) == err("ERR wrong number of arguments for 'get' command"));
  BOOST_TEST(c.call({"SET", "k"}) == err("ERR wrong number of arguments for 'set' command"));
  BOOST_TEST(c.call({"MSET", "a", "1", "b"})
             == err("ERR wrong number of arguments for 'mset' command"));
  BOOST_TEST(c.call({"HSET", "h", "f"}) == err("ERR wrong number of arguments for 'hset' command"));
  BOOST_TEST(c.call({"FOO", "bar", "baz"})
             == err("ERR unknown command 'FOO', with args beginning with: 'bar' 'baz' "));
  BOOST_TEST(c.call({"NOSUCH", "x", "*", "f", "v"})
             == err("ERR unknown command 'NOSUCH', with args beginning with: 'x' '*' 'f' 'v' "));
  BOOST_TEST(c.call({"SET", "k", "v", "NX", "XX"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"SET", "k", "v", "EX"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"SET", "k", "v", "EX", "10", "KEEPTTL"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"SET", "k", "v", "EX", "ten"}) == not_int);
  BOOST_TEST(c.call({"SET", "k", "v", "EX", "0"})
             == err("ERR invalid expire time in 'set' command"));
  BOOST_TEST(c.call({"SETEX", "k", "-1", "v"})
             == err("ERR invalid expire time in 'setex' command"));
  BOOST_TEST(c.call({"EXPIRE", "k", "10", "NX", "XX"})
             == err("ERR NX and XX, GT or LT options at the same time are not compatible"));
  BOOST_TEST(c.call({"EXPIRE", "k", "10", "FOO"}) == err("ERR Unsupported option FOO"));
  // Wrong type both ways; nothing is changed by a refused command.
  BOOST_TEST(c.call({"SET", "s", "v"}) == ok);
  BOOST_TEST(c.call({"HSET", "s", "f", "v"}) == wrongtype);
  BOOST_TEST(c.call({"HGET", "s", "f"}) == wrongtype);
  BOOST_TEST(c.call({"HGETALL", "s"}) == wrongtype);
  BOOST_TEST(c.call({"HINCRBY", "s", "f", "1"}) == wrongtype);
  BOOST_TEST(c.call({"HSET", "h", "f", "v"}) == integer(1));
  BOOST_TEST(c.call({"GET", "h"}) == wrongtype);
  BOOST_TEST(c.call({"APPEND", "h", "x"}) == wrongtype);
  BOOST_TEST(c.call({"INCR", "h"}) == wrongtype);
  BOOST_TEST(c.call({"SET", "h", "x", "GET"}) == wrongtype);
  BOOST_TEST(c.call({"GET", "s"}) == bulk("v"));
  BOOST_TEST(c.call({"HGET", "h", "f"}) == bulk("v"));
  // A plain SET replaces a value of any type.
  BOOST_TEST(c.call({"SET", "h", "now a string"}) == ok);
  BOOST_TEST(c.call({"GET", "h"}) == bulk("now a string"));
  BOOST_TEST(c.call({"HSET", "h2", "f", "x"}) == integer(1));
  BOOST_TEST(c.call({"HINCRBY", "h2", "f", "1"}) == err("ERR hash value is not an integer"));
  // Oversize key: a clear error, nothing stored.
  BOOST_TEST(c.call({"SET", std::string(2000, 'k'), "v"})
             == err("ERR key is 2000 bytes; the limit is 1024"));
  BOOST_TEST(c.call({"DBSIZE"}) == integer(3));
  // A refused MSET (one oversize key among many partitions) changes nothing.
  std::vector<std::string> mset{"MSET"};
  for (int i = 0; i < 20; ++i) {
    mset.push_back("ms" + std::to_string(i));
    mset.push_back("v");
  }
  mset.push_back(std::string(2000, 'k'));
  mset.push_back("v");
  BOOST_TEST(c.call(mset) == err("ERR key is 2000 bytes; the limit is 1024"));
  BOOST_TEST(c.call({"DBSIZE"}) == integer(3));
}

BOOST_AUTO_TEST_CASE(hashes) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"HSET", "h", "a", "1", "b", "2"}) == integer(2));
  BOOST_TEST(c.call({"HSET", "h", "a", "10", "c", "3"}) == integer(1));
  BOOST_TEST(c.call({"HMSET", "h", "d", "4"}) == ok);
  BOOST_TEST(c.call({"HSETNX", "h", "a", "x"}) == integer(0));
  BOOST_TEST(c.call({"HSETNX", "h", "e", "5"}) == integer(1));
  BOOST_TEST(c.call({"HGET", "h", "a"}) == bulk("10"));
  BOOST_TEST(c.call({"HGET", "h", "zz"}) == nil);
  BOOST_TEST(c.call({"HGET", "nope", "a"}) == nil);
  BOOST_TEST(c.call({"HLEN", "h"}) == integer(5));
  BOOST_TEST(c.call({"HEXISTS", "h", "b"}) == integer(1));
  BOOST_TEST(c.call({"HEXISTS", "h", "zz"}) == integer(0));
  BOOST_TEST(c.call({"HMGET", "h", "a", "zz", "c"}) == "*3\r\n" + bulk("10") + nil + bulk("3"));
  auto all = strings_of(c.call({"HGETALL", "h"}));
  std::map<std::string, std::string> fields;
  for (size_t i = 0; i + 1 < all.size(); i += 2)
    fields[all[i]] = all[i + 1];
  BOOST_TEST((fields == std::map<std::string, std::string>{
                          {"a", "10"}, {"b", "2"}, {"c", "3"}, {"d", "4"}, {"e", "5"}}));
  auto keys = strings_of(c.call({"HKEYS", "h"}));
  BOOST_TEST((std::set<std::string>(keys.begin(), keys.end())
              == std::set<std::string>{"a", "b", "c", "d", "e"}));
  BOOST_TEST(strings_of(c.call({"HVALS", "h"})).size() == 5u);
  BOOST_TEST(c.call({"HINCRBY", "h", "b", "5"}) == integer(7));
  BOOST_TEST(c.call({"HINCRBY", "h", "n", "-3"}) == integer(-3));
  BOOST_TEST(c.call({"HLEN", "h"}) == integer(6));
  BOOST_TEST(c.call({"HDEL", "h", "a", "zz", "b"}) == integer(2));
  BOOST_TEST(c.call({"HDEL", "h", "c", "d", "e", "n"}) == integer(4));
  // Removing the last field removes the key.
  BOOST_TEST(c.call({"EXISTS", "h"}) == integer(0));
  BOOST_TEST(c.call({"HGETALL", "h"}) == "*0\r\n");
  BOOST_TEST(c.call({"TYPE", "h"}) == "+none\r\n");
  // RESP3: HGETALL is a map, a missing value is a null.
  BOOST_TEST(c.call({"HSET", "h3", "f", "v"}) == integer(1));
  auto hello = c.call({"HELLO", "3"});
  BOOST_TEST(hello.rfind("%7\r\n", 0) == 0u, hello);
  BOOST_TEST(c.call({"HGETALL", "h3"}) == "%1\r\n" + bulk("f") + bulk("v"));
  BOOST_TEST(c.call({"HGET", "h3", "zz"}) == "_\r\n");
  BOOST_TEST(c.call({"GET", "zz"}) == "_\r\n");
  BOOST_TEST(c.call({"DEL", "h3"}) == integer(1));
}

BOOST_AUTO_TEST_CASE(expiry) {
  resp_node n;
  auto c = n.connect();
  auto advance = [&](int ms) {
    auto r = c.call({"TROUPE.ADVANCECLOCK", std::to_string(ms)});
    BOOST_TEST_REQUIRE(r[0] == ':', r);
  };
  BOOST_TEST(c.call({"SET", "s", "v", "EX", "10"}) == ok);
  BOOST_TEST(c.call({"TTL", "s"}) == integer(10));
  BOOST_TEST(c.call({"PTTL", "s"}) == integer(10000));
  BOOST_TEST(c.call({"TTL", "none"}) == integer(-2));
  BOOST_TEST(c.call({"SET", "p", "v"}) == ok);
  BOOST_TEST(c.call({"TTL", "p"}) == integer(-1));
  BOOST_TEST(c.call({"SETEX", "x", "5", "v"}) == ok);
  BOOST_TEST(c.call({"PSETEX", "y", "1500", "v"}) == ok);
  BOOST_TEST(c.call({"SET", "s", "w", "KEEPTTL"}) == ok);
  BOOST_TEST(c.call({"INCR", "counter"}) == integer(1));
  BOOST_TEST(c.call({"PEXPIRE", "counter", "3000"}) == integer(1));
  BOOST_TEST(c.call({"INCR", "counter"}) == integer(2));  // keeps its TTL
  BOOST_TEST(c.call({"PTTL", "counter"}) == integer(3000));
  BOOST_TEST(c.call({"EXPIRE", "p", "100", "XX"}) == integer(0));
  BOOST_TEST(c.call({"EXPIRE", "p", "100", "NX"}) == integer(1));
  BOOST_TEST(c.call({"EXPIRE", "p", "50", "GT"}) == integer(0));
  BOOST_TEST(c.call({"EXPIRE", "p", "50", "LT"}) == integer(1));
  BOOST_TEST(c.call({"PERSIST", "p"}) == integer(1));
  BOOST_TEST(c.call({"PERSIST", "p"}) == integer(0));
  BOOST_TEST(c.call({"EXPIRE", "none", "10"}) == integer(0));
  // A hash expires whole.
  BOOST_TEST(c.call({"HSET", "h", "a", "1", "b", "2"}) == integer(2));
  BOOST_TEST(c.call({"EXPIRE", "h", "2"}) == integer(1));
  advance(1999);
  BOOST_TEST(c.call({"GET", "y"}) == nil);
  BOOST_TEST(c.call({"HLEN", "h"}) == integer(2));
  advance(1);
  BOOST_TEST(c.call({"HGETALL", "h"}) == "*0\r\n");
  BOOST_TEST(c.call({"HSET", "h", "c", "3"}) == integer(1));  // a new hash
  BOOST_TEST(c.call({"HGETALL", "h"}) == "*2\r\n" + bulk("c") + bulk("3"));
  BOOST_TEST(c.call({"GET", "counter"}) == bulk("2"));
  advance(1000);
  BOOST_TEST(c.call({"GET", "counter"}) == nil);
  BOOST_TEST(c.call({"TTL", "s"}) == integer(7));
  advance(7000);
  BOOST_TEST(c.call({"GET", "s"}) == nil);
  BOOST_TEST(c.call({"GET", "x"}) == nil);
  BOOST_TEST(c.call({"EXISTS", "s", "x", "p", "h"}) == integer(2));
  // An expiry in the past deletes at once.
  BOOST_TEST(c.call({"PEXPIRE", "p", "-1"}) == integer(1));
  BOOST_TEST(c.call({"EXISTS", "p"}) == integer(0));
  BOOST_TEST(c.call({"SET", "at", "v", "PXAT", "1"}) == ok);
  BOOST_TEST(c.call({"GET", "at"}) == nil);
  // Absolute expiries, against the node's (manual) clock.
  auto now_ms = std::stoll(c.call({"TROUPE.ADVANCECLOCK", "0"}).substr(1));
  BOOST_TEST(c.call({"SET", "abs", "v"}) == ok);
  BOOST_TEST(c.call({"PEXPIREAT", "abs", std::to_string(now_ms + 2500)}) == integer(1));
  BOOST_TEST(c.call({"PTTL", "abs"}) == integer(2500));
  BOOST_TEST(c.call({"EXPIREAT", "abs", std::to_string(now_ms / 1000 + 100)}) == integer(1));
  BOOST_TEST(c.call({"EXPIREAT", "abs", "1"}) == integer(1));
  BOOST_TEST(c.call({"EXISTS", "abs"}) == integer(0));
}

// On the workers, and with every partition on the I/O thread (writes
// applied in place, replies gathered per turn): the same order.
BOOST_DATA_TEST_CASE(pipelined_replies_stay_in_order,
                     boost::unit_test::data::make({"workers", "io"}), placement) {
  resp_node n{{"--placement", placement}};
  auto c = n.connect();
  // One write of 3,000 commands over many partitions: every reply in order,
  // and each GET sees the SET just before it.
  std::string batch;
  for (int i = 0; i < 1000; ++i) {
    auto k = "key:" + std::to_string(i);
    batch += resp_command({"SET", k, std::to_string(i)});
    batch += resp_command({"GET", k});
    batch += resp_command({"INCR", "counter"});
  }
  BOOST_TEST_REQUIRE(c.send_raw(batch));
  for (int i = 0; i < 1000; ++i) {
    BOOST_TEST_REQUIRE(c.read() == ok);
    BOOST_TEST_REQUIRE(c.read() == bulk(std::to_string(i)));
    BOOST_TEST_REQUIRE(c.read() == integer(i + 1));
  }
  // Inline commands, as telnet users send them.
  BOOST_TEST_REQUIRE(c.send_raw("PING\r\nSET \"quoted key\" 'v 1'\r\n\r\nGET \"quoted key\"\n"));
  BOOST_TEST(c.read() == "+PONG\r\n");
  BOOST_TEST(c.read() == ok);
  BOOST_TEST(c.read() == bulk("v 1"));
}

// Replies far larger than the socket takes while the client is not reading
// (32 MiB): what the socket refuses waits in the node's buffer, and every
// later reply, small or large, goes behind it, never around it.
BOOST_AUTO_TEST_CASE(replies_behind_a_full_socket_keep_their_order) {
  resp_node n;
  auto c = n.connect();
  std::string big(1u << 20, 'v');
  BOOST_TEST_REQUIRE(c.call({"SET", "big", big}) == ok);
  std::string batch;
  for (int i = 0; i < 32; ++i) {
    batch += resp_command({"GET", "big"});
    batch += resp_command({"INCR", "n"});
    batch += resp_command({"PING"});
  }
  BOOST_TEST_REQUIRE(c.send_raw(batch));
  for (int i = 0; i < 32; ++i) {
    BOOST_TEST_REQUIRE(c.read() == bulk(big));
    BOOST_TEST_REQUIRE(c.read() == integer(i + 1));
    BOOST_TEST_REQUIRE(c.read() == "+PONG\r\n");
  }
  BOOST_TEST(c.call({"GET", "n"}) == bulk("32"));
}

BOOST_AUTO_TEST_CASE(scan_visits_every_key_once) {
  resp_node n;
  auto c = n.connect();
  std::set<std::string> all;
  for (int batch = 0; batch < 10; ++batch) {
    std::vector<std::string> mset{"MSET"};
    for (int i = 0; i < 1000; ++i) {
      auto k = (i % 2 ? "user:" : "order:") + std::to_string(batch * 1000 + i);
      all.insert(k);
      mset.push_back(k);
      mset.push_back("v");
    }
    BOOST_TEST_REQUIRE(c.call(mset) == ok);
  }
  BOOST_TEST(c.call({"HSET", "user:hash", "f", "v"}) == integer(1));
  all.insert("user:hash");
  BOOST_TEST(c.call({"DBSIZE"}) == integer(10001));
  auto scan_all = [&](std::vector<std::string> extra) {
    std::multiset<std::string> seen;
    std::string cursor = "0";
    int steps = 0;
    do {
      std::vector<std::string> cmd{"SCAN", cursor};
      cmd.insert(cmd.end(), extra.begin(), extra.end());
      auto [next, keys] = scan_reply(c.call(cmd));
      seen.insert(keys.begin(), keys.end());
      cursor = next;
      BOOST_TEST_REQUIRE(++steps < 100000);
    } while (cursor != "0");
    return seen;
  };
  auto everything = scan_all({"COUNT", "100"});
  BOOST_TEST(everything.size() == all.size());
  BOOST_TEST((std::set<std::string>(everything.begin(), everything.end()) == all));
  auto users = scan_all({"MATCH", "user:*", "COUNT", "100"});
  BOOST_TEST(users.size() == 5001u);
  BOOST_TEST((std::set<std::string>(users.begin(), users.end()).size() == users.size()));
  auto some = scan_all({"MATCH", "order:1?[0-4]", "COUNT", "1000"});
  BOOST_TEST(some.size() == 30u);  // order:1X0, 1X2, 1X4 for X in 0-9
  auto few = scan_all({"MATCH", "order:10[^13-9]", "COUNT", "1000"});
  BOOST_TEST((few == std::multiset<std::string>{"order:100", "order:102"}));
  auto hashes = scan_all({"TYPE", "hash"});
  BOOST_TEST((hashes == std::multiset<std::string>{"user:hash"}));
  // order:990..998 and order:9900..9998, even numbers only.
  BOOST_TEST(strings_of(c.call({"KEYS", "order:99*"})).size() == 55u);
  BOOST_TEST(c.call({"SCAN", "abc"}) == err("ERR invalid cursor"));
  BOOST_TEST(c.call({"SCAN", "0", "COUNT", "0"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"FLUSHDB", "BOGUS"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"FLUSHDB"}) == ok);
  BOOST_TEST(c.call({"DBSIZE"}) == integer(0));
  BOOST_TEST(c.call({"SET", "again", "v"}) == ok);
  BOOST_TEST(c.call({"FLUSHALL", "ASYNC"}) == ok);
  BOOST_TEST(c.call({"DBSIZE"}) == integer(0));
  BOOST_TEST(c.call({"KEYS", "*"}) == "*0\r\n");
}

BOOST_AUTO_TEST_CASE(pathological_glob_patterns_answer_at_once) {
  // Without Redis's fix for exponential matching, each of these would hold
  // the node for longer than the test may run.
  resp_node n;
  auto c = n.connect();
  std::string long_a(65, 'a');
  for (int i = 0; i < 6; ++i)
    BOOST_TEST(c.call({"SET", long_a + std::to_string(i), "v"}) == ok);
  std::string pattern;
  for (int i = 0; i < 20; ++i)
    pattern += "a*";
  BOOST_TEST(c.call({"KEYS", pattern + "b"}) == "*0\r\n");
  BOOST_TEST(strings_of(c.call({"KEYS", pattern + "?"})).size() == 6u);
  BOOST_TEST(scan_reply(c.call({"SCAN", "0", "MATCH", pattern + "b", "COUNT", "1000"})).second.empty());
  auto sub = n.connect();
  BOOST_TEST(sub.call({"PSUBSCRIBE", pattern + "b"})
             == "*3\r\n" + bulk("psubscribe") + bulk(pattern + "b") + integer(1));
  BOOST_TEST(c.call({"PUBLISH", std::string(200, 'a'), "x"}) == integer(0));
  BOOST_TEST(c.call({"PUBLISH", std::string(200, 'a') + "b", "y"}) == integer(1));
  BOOST_TEST(sub.read()
             == "*4\r\n" + bulk("pmessage") + bulk(pattern + "b") + bulk(std::string(200, 'a') + "b")
                  + bulk("y"));
  BOOST_TEST(c.call({"GET", long_a + "0"}) == bulk("v"));
}

BOOST_AUTO_TEST_CASE(pubsub_across_connections) {
  resp_node n;
  auto sub = n.connect();
  auto pub = n.connect();
  BOOST_TEST(sub.call({"SUBSCRIBE", "news", "alerts"})
             == "*3\r\n" + bulk("subscribe") + bulk("news") + integer(1));
  BOOST_TEST(sub.read() == "*3\r\n" + bulk("subscribe") + bulk("alerts") + integer(2));
  BOOST_TEST(sub.call({"PSUBSCRIBE", "n*"})
             == "*3\r\n" + bulk("psubscribe") + bulk("n*") + integer(3));
  // In RESP2 subscribed mode only pub/sub commands, PING, QUIT and RESET run.
  BOOST_TEST(sub.call({"GET", "k"})
             == err("ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / "
                    "QUIT / RESET are allowed in this context"));
  BOOST_TEST(sub.call({"PING"}) == "*2\r\n" + bulk("pong") + bulk(""));
  BOOST_TEST(pub.call({"PUBLISH", "news", "hello"}) == integer(2));
  BOOST_TEST(sub.read() == "*3\r\n" + bulk("message") + bulk("news") + bulk("hello"));
  BOOST_TEST(sub.read() == "*4\r\n" + bulk("pmessage") + bulk("n*") + bulk("news") + bulk("hello"));
  BOOST_TEST(pub.call({"PUBLISH", "alerts", "a1"}) == integer(1));
  BOOST_TEST(sub.read() == "*3\r\n" + bulk("message") + bulk("alerts") + bulk("a1"));
  BOOST_TEST(pub.call({"PUBLISH", "nobody", "x"}) == integer(1));  // the pattern
  BOOST_TEST(sub.read() == "*4\r\n" + bulk("pmessage") + bulk("n*") + bulk("nobody") + bulk("x"));
  BOOST_TEST(pub.call({"PUBLISH", "zzz", "x"}) == integer(0));
  // PUBSUB introspects the subscriptions.
  BOOST_TEST(pub.call({"PUBSUB", "CHANNELS"}) == "*2\r\n" + bulk("alerts") + bulk("news"));
  BOOST_TEST(pub.call({"PUBSUB", "CHANNELS", "n*"}) == "*1\r\n" + bulk("news"));
  BOOST_TEST(pub.call({"PUBSUB", "NUMSUB", "news", "zzz"})
             == "*4\r\n" + bulk("news") + integer(1) + bulk("zzz") + integer(0));
  BOOST_TEST(pub.call({"PUBSUB", "NUMPAT"}) == integer(1));
  BOOST_TEST(pub.call({"PUBSUB", "SHARDNUMSUB", "news"}) == "*2\r\n" + bulk("news") + integer(0));
  BOOST_TEST(pub.call({"PUBSUB", "NUMPAT", "x"})
             == err("ERR wrong number of arguments for 'pubsub|numpat' command"));
  BOOST_TEST(pub.call({"PUBSUB", "NOPE"}) == err("ERR unknown subcommand 'NOPE'. Try PUBSUB HELP."));
  BOOST_TEST(sub.call({"UNSUBSCRIBE"})
             == "*3\r\n" + bulk("unsubscribe") + bulk("alerts") + integer(2));
  BOOST_TEST(sub.read() == "*3\r\n" + bulk("unsubscribe") + bulk("news") + integer(1));
  BOOST_TEST(sub.call({"PUNSUBSCRIBE", "n*"})
             == "*3\r\n" + bulk("punsubscribe") + bulk("n*") + integer(0));
  BOOST_TEST(sub.call({"GET", "k"}) == nil);  // out of subscribed mode
  BOOST_TEST(pub.call({"PUBLISH", "news", "gone"}) == integer(0));

  // RESP3: pushes arrive between replies and commands keep working.
  auto sub3 = n.connect();
  BOOST_TEST(sub3.call({"HELLO", "3"}).rfind("%7\r\n", 0) == 0u);
  BOOST_TEST(sub3.call({"SUBSCRIBE", "c3"})
             == ">3\r\n" + bulk("subscribe") + bulk("c3") + integer(1));
  BOOST_TEST(sub3.call({"SET", "k", "v"}) == ok);
  BOOST_TEST(pub.call({"PUBLISH", "c3", "m"}) == integer(1));
  BOOST_TEST(sub3.read() == ">3\r\n" + bulk("message") + bulk("c3") + bulk("m"));
  BOOST_TEST(sub3.call({"GET", "k"}) == bulk("v"));
  // A closed subscriber is forgotten.
  { auto gone = n.connect(); BOOST_TEST(gone.call({"SUBSCRIBE", "c3"}).size() > 0u); }
  BOOST_TEST(sub3.call({"RESET"}) == "+RESET\r\n");
  BOOST_TEST(pub.call({"PING"}) == "+PONG\r\n");
}

BOOST_AUTO_TEST_CASE(connection_commands) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"PING"}) == "+PONG\r\n");
  BOOST_TEST(c.call({"PING", "hi"}) == bulk("hi"));
  BOOST_TEST(c.call({"ECHO", "x y"}) == bulk("x y"));
  BOOST_TEST(c.call({"SELECT", "0"}) == ok);
  BOOST_TEST(c.call({"SELECT", "1"}) == err("ERR DB index is out of range"));
  BOOST_TEST(c.call({"CLIENT", "GETNAME"}) == nil);
  BOOST_TEST(c.call({"CLIENT", "SETNAME", "worker-1"}) == ok);
  BOOST_TEST(c.call({"CLIENT", "GETNAME"}) == bulk("worker-1"));
  BOOST_TEST(c.call({"CLIENT", "SETNAME", "a b"})
             == err("ERR Client names cannot contain spaces, newlines or special characters."));
  BOOST_TEST(c.call({"CLIENT", "SETINFO", "LIB-NAME", "test"}) == ok);
  BOOST_TEST(c.call({"CLIENT", "ID"})[0] == ':');
  BOOST_TEST(c.call({"CLIENT", "KILL"}) == err("ERR wrong number of arguments for 'client|kill' command"));
  BOOST_TEST(c.call({"CLIENT", "NOSUCH"}) == err("ERR unknown subcommand 'NOSUCH'. Try CLIENT HELP."));
  auto info = c.call({"INFO"});
  BOOST_TEST(info.find("redis_version:7.2.0") != std::string::npos, info);
  BOOST_TEST(c.call({"INFO", "replication"}).find("role:master") != std::string::npos);
  // The fields dashboards and redis-cli --stat read, in Redis's sections.
  for (auto* field : {"# Server", "uptime_in_seconds:", "# Clients", "connected_clients:1",
                      "blocked_clients:0", "# Memory", "used_memory:", "maxmemory_policy:",
                      "# Persistence", "aof_enabled:1", "# Stats", "total_commands_processed:",
                      "total_connections_received:", "# Replication", "# Keyspace"})
    BOOST_TEST(info.find(field) != std::string::npos, field);
  BOOST_TEST(c.call({"SET", "{info}a", "1"}) == ok);
  BOOST_TEST(c.call({"SET", "{info}b", "2"}) == ok);
  auto keyspace = c.call({"INFO", "keyspace"});
  BOOST_TEST(keyspace.find("db0:keys=") != std::string::npos, keyspace);
  BOOST_TEST(keyspace.find("# Server") == std::string::npos, keyspace);
  auto dbsize = c.call({"DBSIZE"});  // ":N\r\n"
  BOOST_TEST(c.call({"INFO", "keyspace"}).find("db0:keys=" + dbsize.substr(1, dbsize.size() - 3) + ",")
             != std::string::npos);
  BOOST_TEST(c.call({"COMMAND", "COUNT"})[0] == ':');
  BOOST_TEST(c.call({"COMMAND", "DOCS"}) == "*0\r\n");
  BOOST_TEST(c.call({"COMMAND", "LIST"}).find(bulk("hincrby")) != std::string::npos);
  BOOST_TEST(c.call({"CLIENT", "INFO"}).find("name=worker-1") != std::string::npos);
  BOOST_TEST(c.call({"COMMAND", "INFO", "get"}).find(bulk("get") + integer(2)) != std::string::npos);
  BOOST_TEST(c.call({"CONFIG", "GET", "appendonly"}) == "*2\r\n" + bulk("appendonly") + bulk("yes"));
  BOOST_TEST(c.call({"CONFIG", "GET", "nosuch*"}) == "*0\r\n");
  // CLIENT REPLY OFF and SKIP silence replies; ON answers again.
  c.send({"CLIENT", "REPLY", "OFF"});
  c.send({"SET", "silent", "1"});
  c.send({"CLIENT", "REPLY", "SKIP"});
  BOOST_TEST(c.call({"CLIENT", "REPLY", "ON"}) == ok);
  c.send({"CLIENT", "REPLY", "SKIP"});
  c.send({"GET", "silent"});
  BOOST_TEST(c.call({"GET", "silent"}) == bulk("1"));
  BOOST_TEST(c.call({"CLIENT", "REPLY", "MAYBE"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"CONFIG", "SET", "save", ""}) == ok);  // what the node does already
  BOOST_TEST(c.call({"CONFIG", "SET", "appendonly", "no"})[0] == '-');
  BOOST_TEST(c.call({"HELLO", "4"}) == err("NOPROTO unsupported protocol version"));
  auto hello = c.call({"HELLO", "2", "SETNAME", "renamed"});
  BOOST_TEST(hello.rfind("*14\r\n", 0) == 0u, hello);
  BOOST_TEST(c.call({"CLIENT", "GETNAME"}) == bulk("renamed"));
  BOOST_TEST(c.call({"AUTH", "x"})
             == err("ERR AUTH <password> called without any password configured for the "
                    "default user. Are you sure your configuration is correct?"));
  BOOST_TEST(c.call({"QUIT"}) == ok);
  BOOST_TEST(c.closed_by_peer());
}

BOOST_AUTO_TEST_CASE(bits_and_lcs) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"SETBIT", "b", "7", "1"}) == integer(0));  // creates "\x01"
  BOOST_TEST(c.call({"SETBIT", "b", "7", "1"}) == integer(1));
  BOOST_TEST(c.call({"SETBIT", "b", "9", "1"}) == integer(0));  // grows to two bytes
  BOOST_TEST(c.call({"GET", "b"}) == bulk(std::string{"\x01\x40", 2}));
  BOOST_TEST(c.call({"GETBIT", "b", "9"}) == integer(1));
  BOOST_TEST(c.call({"GETBIT", "b", "1000"}) == integer(0));
  BOOST_TEST(c.call({"SETBIT", "b", "-1", "1"})
             == err("ERR bit offset is not an integer or out of range"));
  BOOST_TEST(c.call({"SETBIT", "b", "4294967296", "1"})
             == err("ERR bit offset is not an integer or out of range"));
  BOOST_TEST(c.call({"SETBIT", "b", "1", "2"}) == err("ERR bit is not an integer or out of range"));
  BOOST_TEST(c.call({"SET", "s", "foobar"}) == ok);
  BOOST_TEST(c.call({"BITCOUNT", "s"}) == integer(26));
  BOOST_TEST(c.call({"BITCOUNT", "s", "1", "1"}) == integer(6));
  BOOST_TEST(c.call({"BITCOUNT", "s", "5", "30", "BIT"}) == integer(17));
  BOOST_TEST(c.call({"BITCOUNT", "s", "1"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"SET", "p", std::string{"\xff\xf0\x00", 3}}) == ok);
  BOOST_TEST(c.call({"BITPOS", "p", "0"}) == integer(12));
  BOOST_TEST(c.call({"BITPOS", "p", "1", "2"}) == integer(-1));
  BOOST_TEST(c.call({"BITPOS", "p", "0", "0", "0"}) == integer(-1));  // an end given: no padding
  BOOST_TEST(c.call({"BITPOS", "p", "1", "7", "15", "BIT"}) == integer(7));
  BOOST_TEST(c.call({"BITPOS", "p", "2"}) == err("ERR The bit argument must be 1 or 0."));
  BOOST_TEST(c.call({"SET", "{o}a", "abc"}) == ok);
  BOOST_TEST(c.call({"SET", "{o}b", "ab"}) == ok);
  BOOST_TEST(c.call({"BITOP", "XOR", "{o}d", "{o}a", "{o}b"}) == integer(3));
  BOOST_TEST(c.call({"GET", "{o}d"}) == bulk(std::string{"\0\0c", 3}));
  BOOST_TEST(c.call({"BITOP", "NOT", "{o}d", "{o}a", "{o}b"})
             == err("ERR BITOP NOT must be called with a single source key."));
  BOOST_TEST(c.call({"BITOP", "AND", "{o}d", "{o}none"}) == integer(0));
  BOOST_TEST(c.call({"EXISTS", "{o}d"}) == integer(0));  // an empty result deletes
  BOOST_TEST(c.call({"SET", "{l}1", "ohmytext"}) == ok);
  BOOST_TEST(c.call({"SET", "{l}2", "mynewtext"}) == ok);
  BOOST_TEST(c.call({"LCS", "{l}1", "{l}2"}) == bulk("mytext"));
  BOOST_TEST(c.call({"LCS", "{l}1", "{l}2", "LEN"}) == integer(6));
  BOOST_TEST(c.call({"LCS", "{l}1", "{l}2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"})
             == "*4\r\n" + bulk("matches") + "*1\r\n*3\r\n*2\r\n" + integer(4) + integer(7)
                  + "*2\r\n" + integer(5) + integer(8) + integer(4) + bulk("len") + integer(6));
  BOOST_TEST(c.call({"LPUSH", "{l}3", "x"}) == integer(1));
  BOOST_TEST(c.call({"LCS", "{l}1", "{l}3"})
             == err("ERR The specified keys must contain string values"));
}

BOOST_AUTO_TEST_CASE(bitfield_replies_as_redis_does) {
  peers p;
  using args = std::vector<std::string>;
  for (const args& c : std::vector<args>{
         {"BITFIELD", "bf", "SET", "i8", "0", "100", "GET", "i8", "0", "INCRBY", "i8", "0", "100"},
         {"BITFIELD", "bf", "OVERFLOW", "SAT", "INCRBY", "i8", "0", "100", "INCRBY", "u4", "#3", "20"},
         {"BITFIELD", "bf", "OVERFLOW", "FAIL", "INCRBY", "u2", "100", "5", "GET", "u2", "100"},
         {"BITFIELD", "bf", "SET", "i64", "8", "-9223372036854775808", "INCRBY", "i64", "8", "-1"},
         {"BITFIELD", "bf", "OVERFLOW", "SAT", "INCRBY", "i64", "8", "-1", "SET", "u63", "0", "-1"},
         {"BITFIELD", "bf", "SET", "u8", "#2", "255", "GET", "u16", "12", "GET", "i5", "3"},
         {"GET", "bf"},
         {"BITFIELD", "bf"},
         {"BITFIELD", "none", "GET", "u8", "0"},  // reads create nothing
         {"EXISTS", "none"},
         {"BITFIELD", "new", "OVERFLOW", "FAIL", "SET", "u2", "0", "5"},  // nil, the key made
         {"GET", "new"},
         {"BITFIELD_RO", "bf", "GET", "i8", "0", "OVERFLOW", "SAT", "GET", "u4", "4"},
         // Errors, each before anything changes.
         {"BITFIELD", "bf", "GET", "u64", "0"},
         {"BITFIELD", "bf", "GET", "i0", "0"},
         {"BITFIELD", "bf", "GET", "x8", "0"},
         {"BITFIELD", "bf", "GET", "u8", "-1"},
         {"BITFIELD", "bf", "GET", "u8", "#x"},
         {"BITFIELD", "bf", "GET", "u8", "4294967296"},
         {"BITFIELD", "bf", "SET", "u8", "0", "1", "SET", "u8", "0", "abc"},
         {"BITFIELD", "bf", "OVERFLOW", "MAYBE", "GET", "u8", "0"},
         {"BITFIELD", "bf", "GET", "u8"},
         {"BITFIELD", "bf", "FOO", "u8", "0"},
         {"BITFIELD_RO", "bf", "SET", "i8", "0", "1"},
         {"GET", "bf"},
         {"LPUSH", "l", "x"},
         {"BITFIELD", "l", "GET", "u8", "0"},
       })
    p.same(c);
  // Random operations on one key: every width, signedness, overflow mode
  // and edge value, replies compared one by one.
  std::mt19937_64 rng{20261202};
  const std::vector<std::string> values{"0", "1", "-1", "2", "-2", "127", "-128", "255", "256",
                                        "9223372036854775807", "-9223372036854775808",
                                        "4611686018427387904", "-4611686018427387905", "65535"};
  const std::vector<std::string> modes{"WRAP", "SAT", "FAIL"};
  for (int i = 0; i < 300; ++i) {
    bool is_signed = rng() % 2 == 0;
    auto bits = 1 + rng() % (is_signed ? 64 : 63);
    auto type = (is_signed ? "i" : "u") + std::to_string(bits);
    auto offset = rng() % 4 == 0 ? "#" + std::to_string(rng() % 4) : std::to_string(rng() % 96);
    args c{"BITFIELD", "fuzz", "OVERFLOW", modes[rng() % modes.size()]};
    switch (rng() % 3) {
      case 0: c.insert(c.end(), {"GET", type, offset}); break;
      case 1: c.insert(c.end(), {"SET", type, offset, values[rng() % values.size()]}); break;
      default: c.insert(c.end(), {"INCRBY", type, offset, values[rng() % values.size()]}); break;
    }
    p.same(c);
  }
  p.same({"GET", "fuzz"});
}

BOOST_AUTO_TEST_CASE(info_counts_commands_and_errors_randomkey_finds_keys) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"RANDOMKEY"}) == nil);
  BOOST_TEST(c.call({"CONFIG", "RESETSTAT"}) == ok);
  BOOST_TEST(c.call({"SET", "a", "x"}) == ok);
  BOOST_TEST(c.call({"GET", "a"}) == bulk("x"));
  BOOST_TEST(c.call({"GET"}) == err("ERR wrong number of arguments for 'get' command"));
  BOOST_TEST(c.call({"INCR", "a"}) == err("ERR value is not an integer or out of range"));
  BOOST_TEST(c.call({"LPUSH", "a", "x"})
             == err("WRONGTYPE Operation against a key holding the wrong kind of value"));
  BOOST_TEST(c.call({"RANDOMKEY"}) == bulk("a"));
  auto stats = c.call({"INFO", "commandstats"});
  BOOST_TEST(stats.find("cmdstat_set:calls=1,") != std::string::npos, stats);
  BOOST_TEST(stats.find(",rejected_calls=1,failed_calls=0") != std::string::npos, stats);  // get
  BOOST_TEST(stats.find("cmdstat_incr:calls=1,") != std::string::npos, stats);
  BOOST_TEST(stats.find(",rejected_calls=0,failed_calls=1") != std::string::npos, stats);  // incr
  auto errors = c.call({"INFO", "errorstats"});
  BOOST_TEST(errors.find("errorstat_ERR:count=2") != std::string::npos, errors);
  BOOST_TEST(errors.find("errorstat_WRONGTYPE:count=1") != std::string::npos, errors);
  BOOST_TEST(c.call({"INFO", "stats"}).find("total_error_replies:3") != std::string::npos);
  // The default sections leave the command statistics out; "all" has them.
  auto info = c.call({"INFO"});
  BOOST_TEST(info.find("used_cpu_user:") != std::string::npos, info);
  BOOST_TEST(info.find("cmdstat_") == std::string::npos, info);
  BOOST_TEST(c.call({"INFO", "all"}).find("cmdstat_set:") != std::string::npos);
  BOOST_TEST(c.call({"INFO", "cpu", "errorstats"}).find("# Memory") == std::string::npos);
  BOOST_TEST(c.call({"CONFIG", "RESETSTAT"}) == ok);
  BOOST_TEST(c.call({"INFO", "commandstats"}).find("cmdstat_set:") == std::string::npos);
  BOOST_TEST(c.call({"INFO", "errorstats"}).find("errorstat_") == std::string::npos);
  // The script budget is a setting (busy-reply-threshold, or lua-time-limit).
  BOOST_TEST(c.call({"CONFIG", "SET", "lua-time-limit", "50"}) == ok);
  BOOST_TEST(c.call({"CONFIG", "GET", "busy-reply-threshold"})
             == "*2\r\n" + bulk("busy-reply-threshold") + bulk("50"));
}

BOOST_AUTO_TEST_CASE(authentication) {
  resp_node n{{"--token", "s3cret"}};
  auto c = n.connect();
  BOOST_TEST(c.call({"GET", "k"}) == err("NOAUTH Authentication required."));
  BOOST_TEST(c.call({"HELLO", "3"}).rfind("-NOAUTH HELLO must be called", 0) == 0u);
  BOOST_TEST(c.call({"AUTH", "wrong"})
             == err("WRONGPASS invalid username-password pair or user is disabled."));
  BOOST_TEST(c.call({"AUTH", "someone", "s3cret"})
             == err("WRONGPASS invalid username-password pair or user is disabled."));
  BOOST_TEST(c.call({"AUTH", "s3cret"}) == ok);
  BOOST_TEST(c.call({"SET", "k", "v"}) == ok);
  auto d = n.connect();
  BOOST_TEST(d.call({"HELLO", "3", "AUTH", "default", "s3cret"}).rfind("%7\r\n", 0) == 0u);
  BOOST_TEST(d.call({"GET", "k"}) == bulk("v"));
  BOOST_TEST(d.call({"RESET"}) == "+RESET\r\n");
  BOOST_TEST(d.call({"GET", "k"}) == err("NOAUTH Authentication required."));
}

BOOST_AUTO_TEST_CASE(before_auth_only_small_commands_are_read) {
  resp_node n{{"--token", "s3cret"}};
  auto early = n.connect();
  // A 1 MiB value before AUTH: refused as soon as its length is read.
  BOOST_TEST(early.send_raw("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1048576\r\n"));
  BOOST_TEST(early.read() == "-ERR Protocol error: invalid bulk length\r\n");
  BOOST_TEST(early.closed_by_peer());
  // After AUTH the node's own limit applies.
  auto c = n.connect();
  BOOST_TEST(c.call({"AUTH", "s3cret"}) == ok);
  std::string big(1u << 20, 'v');
  BOOST_TEST(c.call({"SET", "big", big}) == ok);
  BOOST_TEST(c.call({"STRLEN", "big"}) == integer(1 << 20));
}

BOOST_AUTO_TEST_CASE(malformed_input_closes_only_that_connection) {
  resp_node n;
  auto keeper = n.connect();
  BOOST_TEST(keeper.call({"SET", "kept", "v"}) == ok);
  struct bad_case {
    std::string bytes;
    std::string reply;
  };
  std::vector<bad_case> cases{
    {"*1\r\n!3\r\nGET\r\n", "-ERR Protocol error: expected '$', got '!'\r\n"},
    {"*2\r\n$3\r\nGET\r\n$-5\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
    {"*1\r\n$1073741824\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
    {"*1\r\n$99999999999999999999999\r\n", "-ERR Protocol error: invalid bulk length\r\n"},
    {"*x\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
    {"*99999999\r\n", "-ERR Protocol error: invalid multibulk length\r\n"},
    {"*1" + std::string(70000, '1'), "-ERR Protocol error: too big mbulk count string\r\n"},
    {std::string(70000, 'a'), "-ERR Protocol error: too big inline request\r\n"},
    {"SET \"unbalanced v\r\n", "-ERR Protocol error: unbalanced quotes in request\r\n"},
    {"*1\r\n$3\r\nGETxx", "-ERR Protocol error: expected CRLF after a bulk string\r\n"},
  };
  for (auto& bad : cases) {
    auto c = n.connect();
    // A valid command first: its reply still comes, before the error.
    c.send({"PING"});
    BOOST_TEST_REQUIRE(c.send_raw(bad.bytes));
    BOOST_TEST(c.read() == "+PONG\r\n");
    BOOST_TEST(c.read() == bad.reply);
    BOOST_TEST(c.closed_by_peer());
  }
  // A client that disconnects mid-command leaves nothing behind.
  {
    auto c = n.connect();
    BOOST_TEST(c.send_raw("*3\r\n$3\r\nSET\r\n$4\r\nhalf\r\n$100\r\nabc"));
  }
  BOOST_TEST(keeper.call({"GET", "kept"}) == bulk("v"));
  BOOST_TEST(keeper.call({"EXISTS", "half"}) == integer(0));
}

BOOST_AUTO_TEST_CASE(writes_survive_a_restart) {
  temp_dir dir;
  std::vector<std::string> flags{"--resp-listen", "127.0.0.1:0"};
  {
    node_process node{dir.sub("data"), "fsync", flags};
    resp_conn c{node.resp_port()};
    BOOST_TEST(c.call({"SET", "durable", "yes"}) == ok);
    BOOST_TEST(c.call({"HSET", "dh", "f", "v"}) == integer(1));
    node.kill_hard();
  }
  node_process node{dir.sub("data"), "fsync", flags};
  resp_conn c{node.resp_port()};
  BOOST_TEST(c.call({"GET", "durable"}) == bulk("yes"));
  BOOST_TEST(c.call({"HGET", "dh", "f"}) == bulk("v"));
  BOOST_TEST(node.terminate() == 0);
}

BOOST_AUTO_TEST_CASE(redis_cli_session) {
  resp_node n;
  auto port = std::to_string(n.node->resp_port());
  auto [status, out] = run_command(
    "printf '%s\\n' 'SET greeting hello' 'GET greeting' 'HSET user:1 name Ada age 36' "
    "'HGET user:1 name' 'HINCRBY user:1 age 1' 'INCR visits' 'EXPIRE greeting 60' "
    "'TTL greeting' 'TYPE user:1' 'DEL greeting user:1 visits' 'GET greeting' "
    "| redis-cli -p " + port + " 2>&1");
  BOOST_TEST(status == 0);
  BOOST_TEST(out == "OK\nhello\n2\nAda\n37\n1\n1\n60\nhash\n3\n\n");
}

BOOST_AUTO_TEST_SUITE_END()
