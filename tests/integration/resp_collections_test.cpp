// Lists, sets and sorted sets through the RESP front door of a real
// troupe-node: Redis's replies and errors, the element records a collection
// leaves behind when it expires or is replaced, CROSSSLOT for keys of
// several partitions (nothing written), durability across a crash, and
// MULTI/EXEC/WATCH.
// adapters/motia/test/resp-collections.test.ts compares random command
// sequences byte for byte with a real redis-server.
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "tests/support/node_process.hpp"
#include "tests/support/resp_conn.hpp"
#include "tests/support/resp_node.hpp"
#include "tests/support/resp_peers.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe::test;

namespace {

const std::string wrongtype =
  err("WRONGTYPE Operation against a key holding the wrong kind of value");
const std::string crossslot = err("CROSSSLOT Keys in request don't hash to the same slot");

std::string array(const std::vector<std::string>& items) {
  std::string out = "*" + std::to_string(items.size()) + "\r\n";
  for (auto& i : items)
    out += bulk(i);
  return out;
}

/// The items of a reply that is an array of bulk strings.
std::vector<std::string> bulk_items(const std::string& reply) {
  std::vector<std::string> out;
  size_t at = reply.find("\r\n") + 2;
  while (at < reply.size() && reply[at] == '$') {
    auto end = reply.find("\r\n", at);
    auto len = std::stoul(reply.substr(at + 1, end - at - 1));
    out.push_back(reply.substr(end + 2, len));
    at = end + 2 + len + 2;
  }
  return out;
}

/// A key's type and value, the same whatever order the server keeps it in.
std::string contents(resp_conn& c, const std::string& key) {
  auto type = c.call({"TYPE", key});
  if (type == "+string\r\n")
    return type + c.call({"GET", key});
  if (type == "+list\r\n")
    return type + c.call({"LRANGE", key, "0", "-1"});
  if (type == "+zset\r\n")
    return type + c.call({"ZRANGE", key, "0", "-1", "WITHSCORES"});
  auto items = bulk_items(c.call({type == "+set\r\n" ? "SMEMBERS" : "HGETALL", key}));
  if (type == "+hash\r\n") {  // field-value pairs, sorted by field
    std::vector<std::string> pairs;
    for (size_t i = 0; i + 1 < items.size(); i += 2)
      pairs.push_back(items[i] + "=" + items[i + 1]);
    items = std::move(pairs);
  }
  std::sort(items.begin(), items.end());
  std::string out = type;
  for (auto& i : items)
    out += i + ",";
  return out;
}

/// The payload of a DUMP reply (a bulk string).
std::string payload_of(const std::string& reply) {
  auto items = bulk_items("*1\r\n" + reply);
  BOOST_TEST_REQUIRE(items.size() == 1u, reply);
  return items[0];
}

/// Waits (by asking) until CLIENT LIST no longer shows client `id`.
void await_gone(resp_conn& c, const std::string& id) {
  for (int i = 0; i < 10'000; ++i)
    if (c.call({"CLIENT", "LIST", "ID", id}) == bulk(""))
      return;
  BOOST_FAIL("client " + id + " is still listed");
}

} // namespace

BOOST_AUTO_TEST_SUITE(resp_collections)

BOOST_AUTO_TEST_CASE(lists) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"RPUSH", "l", "b", "c"}) == integer(2));
  BOOST_TEST(c.call({"LPUSH", "l", "a"}) == integer(3));
  BOOST_TEST(c.call({"LPUSHX", "none", "a"}) == integer(0));
  BOOST_TEST(c.call({"LRANGE", "l", "0", "-1"}) == array({"a", "b", "c"}));
  BOOST_TEST(c.call({"LRANGE", "l", "-2", "100"}) == array({"b", "c"}));
  BOOST_TEST(c.call({"LRANGE", "l", "5", "10"}) == "*0\r\n");
  BOOST_TEST(c.call({"LINDEX", "l", "-1"}) == bulk("c"));
  BOOST_TEST(c.call({"LINDEX", "l", "3"}) == nil);
  BOOST_TEST(c.call({"LINSERT", "l", "BEFORE", "b", "x"}) == integer(4));
  BOOST_TEST(c.call({"LINSERT", "l", "AFTER", "c", "y"}) == integer(5));
  BOOST_TEST(c.call({"LINSERT", "l", "AFTER", "zz", "y"}) == integer(-1));
  BOOST_TEST(c.call({"LINSERT", "l", "AROUND", "c", "y"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"LRANGE", "l", "0", "-1"}) == array({"a", "x", "b", "c", "y"}));
  BOOST_TEST(c.call({"RPUSH", "l", "x", "x"}) == integer(7));
  BOOST_TEST(c.call({"LPOS", "l", "x"}) == integer(1));
  BOOST_TEST(c.call({"LPOS", "l", "x", "RANK", "-1"}) == integer(6));
  BOOST_TEST(c.call({"LPOS", "l", "x", "COUNT", "0"}) == "*3\r\n:1\r\n:5\r\n:6\r\n");
  BOOST_TEST(c.call({"LREM", "l", "-2", "x"}) == integer(2));
  BOOST_TEST(c.call({"LRANGE", "l", "0", "-1"}) == array({"a", "x", "b", "c", "y"}));
  BOOST_TEST(c.call({"LSET", "l", "1", "X"}) == ok);
  BOOST_TEST(c.call({"LSET", "l", "9", "X"}) == err("ERR index out of range"));
  BOOST_TEST(c.call({"LSET", "none", "0", "X"}) == err("ERR no such key"));
  BOOST_TEST(c.call({"LTRIM", "l", "1", "-2"}) == ok);
  BOOST_TEST(c.call({"LRANGE", "l", "0", "-1"}) == array({"X", "b", "c"}));
  BOOST_TEST(c.call({"LMOVE", "l", "l", "LEFT", "RIGHT"}) == bulk("X"));
  BOOST_TEST(c.call({"RPOPLPUSH", "l", "{l}other"}) == bulk("X"));  // "{l}" hashes as "l"
  BOOST_TEST(c.call({"LRANGE", "{l}other", "0", "-1"}) == array({"X"}));
  BOOST_TEST(c.call({"LPOP", "l", "2"}) == array({"b", "c"}));
  BOOST_TEST(c.call({"EXISTS", "l"}) == integer(0));  // the last pop removes the key
  BOOST_TEST(c.call({"LPOP", "l"}) == nil);
  BOOST_TEST(c.call({"LPOP", "l", "2"}) == "*-1\r\n");
  BOOST_TEST(c.call({"LPOP", "l", "-1"}) == err("ERR value is out of range, must be positive"));
  BOOST_TEST(c.call({"LRANGE", "l", "a", "1"}) == err("ERR value is not an integer or out of range"));
  BOOST_TEST(c.call({"SET", "s", "v"}) == ok);
  BOOST_TEST(c.call({"LPUSH", "s", "v"}) == wrongtype);
  BOOST_TEST(c.call({"GET", "s"}) == bulk("v"));
  BOOST_TEST(c.call({"LPUSH", "l2", "v"}) == integer(1));
  BOOST_TEST(c.call({"TYPE", "l2"}) == "+list\r\n");
}

BOOST_AUTO_TEST_CASE(long_lists_keep_their_order) {
  resp_node n;
  auto c = n.connect();
  // Pushed at both ends, then cut in the middle: every element stays where
  // Redis would have it.
  std::vector<std::string> model;
  for (int i = 0; i < 300; ++i) {
    auto v = std::to_string(i);
    if (i % 3 == 0) {
      BOOST_TEST_REQUIRE(c.call({"LPUSH", "big", v}) == integer(static_cast<int64_t>(model.size() + 1)));
      model.insert(model.begin(), v);
    } else {
      BOOST_TEST_REQUIRE(c.call({"RPUSH", "big", v}) == integer(static_cast<int64_t>(model.size() + 1)));
      model.push_back(v);
    }
  }
  BOOST_TEST(c.call({"LINSERT", "big", "BEFORE", "150", "mid"}) == integer(301));
  model.insert(std::find(model.begin(), model.end(), "150"), "mid");
  BOOST_TEST(c.call({"LREM", "big", "0", "3"}) == integer(1));
  model.erase(std::find(model.begin(), model.end(), "3"));
  BOOST_TEST(c.call({"LRANGE", "big", "0", "-1"}) == array(model));
  BOOST_TEST(c.call({"LINDEX", "big", "200"}) == bulk(model[200]));
  BOOST_TEST(c.call({"LLEN", "big"}) == integer(static_cast<int64_t>(model.size())));
}

BOOST_AUTO_TEST_CASE(sets) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"SADD", "{s}a", "x", "y", "z", "x"}) == integer(3));
  BOOST_TEST(c.call({"SADD", "{s}b", "y", "z", "w"}) == integer(3));
  BOOST_TEST(c.call({"SMEMBERS", "{s}a"}) == array({"x", "y", "z"}));
  BOOST_TEST(c.call({"SISMEMBER", "{s}a", "x"}) == integer(1));
  BOOST_TEST(c.call({"SMISMEMBER", "{s}a", "x", "w"}) == "*2\r\n:1\r\n:0\r\n");
  BOOST_TEST(c.call({"SCARD", "{s}a"}) == integer(3));
  BOOST_TEST(c.call({"SINTER", "{s}a", "{s}b"}) == array({"y", "z"}));
  BOOST_TEST(c.call({"SUNION", "{s}a", "{s}b"}) == array({"w", "x", "y", "z"}));
  BOOST_TEST(c.call({"SDIFF", "{s}a", "{s}b"}) == array({"x"}));
  BOOST_TEST(c.call({"SINTER", "{s}a", "{s}none", "{s}b"}) == "*0\r\n");
  BOOST_TEST(c.call({"SINTERCARD", "2", "{s}a", "{s}b", "LIMIT", "1"}) == integer(1));
  BOOST_TEST(c.call({"SINTERCARD", "0", "{s}a"}) == err("ERR numkeys should be greater than 0"));
  BOOST_TEST(c.call({"SUNIONSTORE", "{s}u", "{s}a", "{s}b"}) == integer(4));
  BOOST_TEST(c.call({"SMOVE", "{s}a", "{s}b", "x"}) == integer(1));
  BOOST_TEST(c.call({"SMOVE", "{s}a", "{s}b", "x"}) == integer(0));
  BOOST_TEST(c.call({"SREM", "{s}b", "x", "y", "nope"}) == integer(2));
  BOOST_TEST(c.call({"SCARD", "{s}b"}) == integer(2));
  // SPOP removes exactly what it returns.
  auto popped = strings_of(c.call({"SPOP", "{s}u", "3"}));
  BOOST_TEST(popped.size() == 3u);
  for (auto& m : popped)
    BOOST_TEST(c.call({"SISMEMBER", "{s}u", m}) == integer(0));
  BOOST_TEST(c.call({"SCARD", "{s}u"}) == integer(1));
  BOOST_TEST(strings_of(c.call({"SRANDMEMBER", "{s}b", "-5"})).size() == 5u);
  BOOST_TEST(c.call({"SPOP", "{s}u"}).substr(0, 1) == "$");
  BOOST_TEST(c.call({"EXISTS", "{s}u"}) == integer(0));
  BOOST_TEST(c.call({"TYPE", "{s}b"}) == "+set\r\n");
  BOOST_TEST(c.call({"HSET", "{s}h", "f", "v"}) == integer(1));
  BOOST_TEST(c.call({"SUNION", "{s}a", "{s}h"}) == wrongtype);
  BOOST_TEST(c.call({"SADD", "{s}h", "m"}) == wrongtype);
  // RESP3 answers with a set.
  BOOST_TEST(c.call({"HELLO", "3"}).substr(0, 1) == "%");
  BOOST_TEST(c.call({"SMEMBERS", "{s}b"}) == "~2\r\n" + bulk("w") + bulk("z"));
}

BOOST_AUTO_TEST_CASE(sorted_sets) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"ZADD", "z", "1", "a", "2", "b", "3", "c", "-inf", "lo"}) == integer(4));
  BOOST_TEST(c.call({"ZADD", "z", "XX", "CH", "5", "a", "9", "new"}) == integer(1));
  BOOST_TEST(c.call({"ZADD", "z", "GT", "1", "a"}) == integer(0));
  BOOST_TEST(c.call({"ZSCORE", "z", "a"}) == bulk("5"));
  BOOST_TEST(c.call({"ZADD", "z", "INCR", "0.5", "b"}) == bulk("2.5"));
  BOOST_TEST(c.call({"ZADD", "z", "NX", "INCR", "1", "b"}) == nil);
  BOOST_TEST(c.call({"ZINCRBY", "z", "1.1", "c"}) == bulk("4.0999999999999996"));
  BOOST_TEST(c.call({"ZADD", "z", "nan", "x"}) == err("ERR value is not a valid float"));
  BOOST_TEST(c.call({"ZADD", "z", "NX", "XX", "1", "x"})
             == err("ERR XX and NX options at the same time are not compatible"));
  BOOST_TEST(c.call({"ZADD", "z", "1", "a", "2"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"ZINCRBY", "z", "+inf", "lo"}) == err("ERR resulting score is not a number (NaN)"));
  BOOST_TEST(c.call({"ZRANGE", "z", "0", "-1"}) == array({"lo", "b", "c", "a"}));
  BOOST_TEST(c.call({"ZRANGE", "z", "0", "1", "WITHSCORES"}) == array({"lo", "-inf", "b", "2.5"}));
  BOOST_TEST(c.call({"ZREVRANGE", "z", "0", "0"}) == array({"a"}));
  BOOST_TEST(c.call({"ZRANGEBYSCORE", "z", "(2.5", "+inf"}) == array({"c", "a"}));
  BOOST_TEST(c.call({"ZRANGE", "z", "+inf", "(0", "BYSCORE", "REV", "LIMIT", "1", "5"})
             == array({"c", "b"}));
  BOOST_TEST(c.call({"ZRANGE", "z", "0", "1", "LIMIT", "0", "1"})
             == err("ERR syntax error, LIMIT is only supported in combination with either "
                    "BYSCORE or BYLEX"));
  BOOST_TEST(c.call({"ZRANGEBYSCORE", "z", "x", "1"}) == err("ERR min or max is not a float"));
  BOOST_TEST(c.call({"ZCOUNT", "z", "-inf", "3"}) == integer(2));
  BOOST_TEST(c.call({"ZCARD", "z"}) == integer(4));
  BOOST_TEST(c.call({"ZRANK", "z", "c"}) == integer(2));
  BOOST_TEST(c.call({"ZREVRANK", "z", "c"}) == integer(1));
  BOOST_TEST(c.call({"ZRANK", "z", "none"}) == nil);
  BOOST_TEST(c.call({"ZPOPMIN", "z"}) == array({"lo", "-inf"}));
  BOOST_TEST(c.call({"ZPOPMAX", "z", "2"}) == array({"a", "5", "c", "4.0999999999999996"}));
  BOOST_TEST(c.call({"ZREM", "z", "b", "none"}) == integer(1));
  BOOST_TEST(c.call({"EXISTS", "z"}) == integer(0));
  // Members of equal score sort by their bytes: lexicographic ranges.
  BOOST_TEST(c.call({"ZADD", "lex", "0", "b", "0", "a", "0", "c", "0", "d"}) == integer(4));
  BOOST_TEST(c.call({"ZRANGEBYLEX", "lex", "[b", "(d"}) == array({"b", "c"}));
  BOOST_TEST(c.call({"ZREVRANGEBYLEX", "lex", "+", "(b"}) == array({"d", "c"}));
  BOOST_TEST(c.call({"ZLEXCOUNT", "lex", "-", "+"}) == integer(4));
  BOOST_TEST(c.call({"ZRANGEBYLEX", "lex", "b", "d"}) == err("ERR min or max not valid string range item"));
  BOOST_TEST(c.call({"ZREMRANGEBYLEX", "lex", "[a", "[b"}) == integer(2));
  BOOST_TEST(c.call({"ZREMRANGEBYRANK", "lex", "-1", "-1"}) == integer(1));
  BOOST_TEST(c.call({"ZRANGE", "lex", "0", "-1"}) == array({"c"}));
  // Unions and intersections, sets counting as score 1.
  BOOST_TEST(c.call({"ZADD", "{u}z", "1", "a", "2", "b"}) == integer(2));
  BOOST_TEST(c.call({"SADD", "{u}s", "b", "c"}) == integer(2));
  BOOST_TEST(c.call({"ZUNIONSTORE", "{u}out", "2", "{u}z", "{u}s", "WEIGHTS", "2", "3"}) == integer(3));
  BOOST_TEST(c.call({"ZRANGE", "{u}out", "0", "-1", "WITHSCORES"})
             == array({"a", "2", "c", "3", "b", "7"}));
  BOOST_TEST(c.call({"ZINTERSTORE", "{u}out", "2", "{u}z", "{u}s", "AGGREGATE", "MAX"}) == integer(1));
  BOOST_TEST(c.call({"ZRANGE", "{u}out", "0", "-1", "WITHSCORES"}) == array({"b", "2"}));
  BOOST_TEST(c.call({"SET", "{u}str", "v"}) == ok);
  BOOST_TEST(c.call({"ZUNIONSTORE", "{u}out", "2", "{u}z", "{u}str"}) == wrongtype);
  BOOST_TEST(c.call({"TYPE", "{u}out"}) == "+zset\r\n");
  // RESP3: scores are doubles; WITHSCORES gives pairs.
  BOOST_TEST(c.call({"HELLO", "3"}).substr(0, 1) == "%");
  BOOST_TEST(c.call({"ZSCORE", "{u}z", "b"}) == ",2\r\n");
  BOOST_TEST(c.call({"ZRANGE", "{u}z", "0", "0", "WITHSCORES"}) == "*1\r\n*2\r\n" + bulk("a") + ",1\r\n");
}

BOOST_AUTO_TEST_CASE(element_scans_and_range_stores) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"SADD", "s", "a1", "a2", "b1"}) == integer(3));
  BOOST_TEST(c.call({"SSCAN", "s", "0", "MATCH", "a*", "COUNT", "1"})
             == "*2\r\n" + bulk("0") + array({"a1", "a2"}));
  BOOST_TEST(c.call({"HSET", "h", "f", "v"}) == integer(1));
  BOOST_TEST(c.call({"HSCAN", "h", "0"}) == "*2\r\n" + bulk("0") + array({"f", "v"}));
  BOOST_TEST(c.call({"ZADD", "{z}a", "1.5", "x", "2", "y", "3", "z"}) == integer(3));
  BOOST_TEST(c.call({"ZSCAN", "{z}a", "0"})
             == "*2\r\n" + bulk("0") + array({"x", "1.5", "y", "2", "z", "3"}));
  BOOST_TEST(c.call({"SSCAN", "s", "x"}) == err("ERR invalid cursor"));
  BOOST_TEST(c.call({"SSCAN", "h", "0"})
             == err("WRONGTYPE Operation against a key holding the wrong kind of value"));
  BOOST_TEST(c.call({"SSCAN", "none", "0"}) == "*2\r\n" + bulk("0") + "*0\r\n");
  BOOST_TEST(c.call({"ZRANGESTORE", "{z}b", "{z}a", "(1.5", "+inf", "BYSCORE"}) == integer(2));
  BOOST_TEST(c.call({"ZRANGE", "{z}b", "0", "-1", "WITHSCORES"}) == array({"y", "2", "z", "3"}));
  BOOST_TEST(c.call({"ZRANGESTORE", "{z}b", "{z}a", "0", "-1", "WITHSCORES"})
             == err("ERR syntax error"));
  BOOST_TEST(c.call({"ZRANGESTORE", "{z}b", "{z}none", "0", "-1"}) == integer(0));
  BOOST_TEST(c.call({"EXISTS", "{z}b"}) == integer(0));
}

BOOST_AUTO_TEST_CASE(keys_of_several_partitions_get_crossslot_and_nothing_is_written) {
  resp_node n;
  auto c = n.connect();
  // Without a shared hash tag, these keys land in different partitions
  // (the node runs 16 or more; many pairs are tried so one must differ).
  std::string a = "a", b;
  for (int i = 0; i < 64 && b.empty(); ++i) {
    auto k = "k" + std::to_string(i);
    if (c.call({"SUNIONSTORE", k, a}) == crossslot)
      b = k;
  }
  BOOST_TEST_REQUIRE(!b.empty());
  BOOST_TEST(c.call({"SADD", a, "m"}) == integer(1));
  BOOST_TEST(c.call({"SMOVE", a, b, "m"}) == crossslot);
  BOOST_TEST(c.call({"LMOVE", a, b, "LEFT", "LEFT"}) == crossslot);
  BOOST_TEST(c.call({"ZUNIONSTORE", b, "1", a}) == crossslot);
  BOOST_TEST(c.call({"SMEMBERS", a}) == array({"m"}));
  BOOST_TEST(c.call({"EXISTS", b}) == integer(0));
  // A hash tag puts them together.
  BOOST_TEST(c.call({"SADD", "{t}" + a, "m"}) == integer(1));
  BOOST_TEST(c.call({"SMOVE", "{t}" + a, "{t}" + b, "m"}) == integer(1));
  BOOST_TEST(c.call({"ZUNIONSTORE", "{t}x", "1", "{t}" + b}) == integer(1));
}

BOOST_AUTO_TEST_CASE(an_expired_or_replaced_collection_leaves_no_elements) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"RPUSH", "l", "old1", "old2"}) == integer(2));
  BOOST_TEST(c.call({"SADD", "s", "old"}) == integer(1));
  BOOST_TEST(c.call({"ZADD", "z", "1", "old"}) == integer(1));
  for (auto k : {"l", "s", "z"})
    BOOST_TEST(c.call({"PEXPIRE", k, "100"}) == integer(1));
  BOOST_TEST(c.call({"TROUPE.ADVANCECLOCK", "100"}).substr(0, 1) == ":");
  BOOST_TEST(c.call({"LLEN", "l"}) == integer(0));
  BOOST_TEST(c.call({"RPUSH", "l", "new"}) == integer(1));
  BOOST_TEST(c.call({"LRANGE", "l", "0", "-1"}) == array({"new"}));
  BOOST_TEST(c.call({"SADD", "s", "new"}) == integer(1));
  BOOST_TEST(c.call({"SMEMBERS", "s"}) == array({"new"}));
  BOOST_TEST(c.call({"ZADD", "z", "2", "new"}) == integer(1));
  BOOST_TEST(c.call({"ZRANGE", "z", "0", "-1"}) == array({"new"}));
  // Replaced by another type, then back: nothing of the first remains.
  BOOST_TEST(c.call({"SET", "l", "string"}) == ok);
  BOOST_TEST(c.call({"RPUSH", "l", "again"}) == wrongtype);
  BOOST_TEST(c.call({"DEL", "l"}) == integer(1));
  BOOST_TEST(c.call({"RPUSH", "l", "again"}) == integer(1));
  BOOST_TEST(c.call({"LRANGE", "l", "0", "-1"}) == array({"again"}));
  std::vector<std::string> zsets;
  std::string cursor = "0";
  do {
    auto [next, keys] = scan_reply(c.call({"SCAN", cursor, "TYPE", "zset"}));
    cursor = next;
    zsets.insert(zsets.end(), keys.begin(), keys.end());
  } while (cursor != "0");
  BOOST_TEST(zsets == std::vector<std::string>{"z"});
}

BOOST_AUTO_TEST_CASE(sort_orders_lists_sets_and_sorted_sets) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"RPUSH", "{s}l", "3", "10", "2.5", "-1"}) == integer(4));
  BOOST_TEST(c.call({"SORT", "{s}l"}) == array({"-1", "2.5", "3", "10"}));
  BOOST_TEST(c.call({"SORT", "{s}l", "DESC", "LIMIT", "1", "2"}) == array({"3", "2.5"}));
  BOOST_TEST(c.call({"SORT", "{s}l", "ALPHA"}) == array({"-1", "10", "2.5", "3"}));
  BOOST_TEST(c.call({"SORT", "{s}l", "BY", "nosort", "DESC"}) == array({"-1", "2.5", "10", "3"}));
  BOOST_TEST(c.call({"SORT", "{s}l", "STORE", "{s}out"}) == integer(4));
  BOOST_TEST(c.call({"LRANGE", "{s}out", "0", "-1"}) == array({"-1", "2.5", "3", "10"}));
  BOOST_TEST(c.call({"SADD", "{s}set", "b", "a", "c"}) == integer(3));
  BOOST_TEST(c.call({"SORT", "{s}set", "ALPHA", "DESC"}) == array({"c", "b", "a"}));
  BOOST_TEST(c.call({"SORT", "{s}set"})
             == err("ERR One or more scores can't be converted into double"));
  BOOST_TEST(c.call({"ZADD", "{s}z", "1", "9", "2", "8"}) == integer(2));
  BOOST_TEST(c.call({"SORT", "{s}z"}) == array({"8", "9"}));
  BOOST_TEST(c.call({"SORT", "{s}z", "BY", "nosort"}) == array({"9", "8"}));  // score order
  BOOST_TEST(c.call({"SORT", "{s}none"}) == "*0\r\n");
  BOOST_TEST(c.call({"SORT", "{s}l", "BY", "w_*"})
             == err("ERR BY option of SORT denied in Cluster mode."));
  BOOST_TEST(c.call({"SORT", "{s}l", "GET", "#"})
             == err("ERR GET option of SORT denied in Cluster mode."));
  BOOST_TEST(c.call({"SORT_RO", "{s}l", "STORE", "{s}x"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"SORT", "{s}l", "STORE", "{t}x"}) == crossslot);
  BOOST_TEST(c.call({"SET", "{s}str", "v"}) == ok);
  BOOST_TEST(c.call({"SORT", "{s}str"}) == wrongtype);
  BOOST_TEST(c.call({"COMMAND", "GETKEYS", "SORT", "a", "STORE", "b", "STORE", "c"})
             == array({"a", "c"}));
}

BOOST_AUTO_TEST_CASE(random_hash_fields_and_memory_usage) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"HRANDFIELD", "h"}) == nil);
  BOOST_TEST(c.call({"HSET", "h", "a", "1", "b", "2"}) == integer(2));
  auto one = c.call({"HRANDFIELD", "h"});
  BOOST_TEST((one == bulk("a") || one == bulk("b")), one);
  BOOST_TEST(c.call({"HRANDFIELD", "h", "5", "WITHVALUES"})
             == array({"a", "1", "b", "2"}));  // every field once, in order
  auto repeats = strings_of(c.call({"HRANDFIELD", "h", "-6"}));
  BOOST_TEST(repeats.size() == 6u);
  BOOST_TEST(std::all_of(repeats.begin(), repeats.end(),
                         [](const std::string& f) { return f == "a" || f == "b"; }));
  BOOST_TEST(c.call({"HRANDFIELD", "h", "1", "WITHSCORES"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"MEMORY", "USAGE", "none"}) == nil);
  auto small = c.call({"MEMORY", "USAGE", "h"});
  BOOST_TEST(c.call({"HSET", "h", "c", std::string(1000, 'x')}) == integer(1));
  auto large = c.call({"MEMORY", "USAGE", "h", "SAMPLES", "0"});
  BOOST_TEST(std::stoll(large.substr(1)) >= std::stoll(small.substr(1)) + 1000, small + large);
  BOOST_TEST(c.call({"MEMORY", "NOPE"}) == err("ERR unknown subcommand 'NOPE'. Try MEMORY HELP."));
}

// Acknowledged at `fsync` (synced by the committer) and at `os` with every
// partition on the I/O thread (written to the WAL in place): both survive
// a kill -9.
BOOST_DATA_TEST_CASE(collections_survive_a_crash,
                     boost::unit_test::data::make({"fsync", "os io"}), how) {
  temp_dir dir;
  std::string durability{how};
  std::vector<std::string> flags{"--resp-listen", "127.0.0.1:0"};
  if (durability == "os io") {
    durability = "os";
    flags.insert(flags.end(), {"--placement", "io"});
  }
  {
    node_process node{dir.sub("data"), durability, flags};
    resp_conn c{node.resp_port()};
    BOOST_TEST(c.call({"RPUSH", "l", "a", "b"}) == integer(2));
    BOOST_TEST(c.call({"LPUSH", "l", "z"}) == integer(3));
    BOOST_TEST(c.call({"SADD", "s", "m"}) == integer(1));
    BOOST_TEST(c.call({"ZADD", "z", "2.5", "m"}) == integer(1));
    node.kill_hard();
  }
  node_process node{dir.sub("data"), durability, flags};
  resp_conn c{node.resp_port()};
  BOOST_TEST(c.call({"LRANGE", "l", "0", "-1"}) == array({"z", "a", "b"}));
  BOOST_TEST(c.call({"SMEMBERS", "s"}) == array({"m"}));
  BOOST_TEST(c.call({"ZSCORE", "z", "m"}) == bulk("2.5"));
  BOOST_TEST(node.terminate() == 0);
}

BOOST_AUTO_TEST_CASE(encodings_are_reported_and_their_thresholds_accepted) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"SET", "i", "12"}) == ok);
  BOOST_TEST(c.call({"SET", "s", "x"}) == ok);
  BOOST_TEST(c.call({"RPUSH", "l", "a"}) == integer(1));
  BOOST_TEST(c.call({"SADD", "t", "1"}) == integer(1));
  BOOST_TEST(c.call({"ZADD", "z", "1", "a"}) == integer(1));
  BOOST_TEST(c.call({"OBJECT", "ENCODING", "i"}) == bulk("int"));
  BOOST_TEST(c.call({"OBJECT", "ENCODING", "s"}) == bulk("raw"));
  BOOST_TEST(c.call({"OBJECT", "ENCODING", "l"}) == bulk("quicklist"));
  BOOST_TEST(c.call({"OBJECT", "ENCODING", "t"}) == bulk("hashtable"));
  BOOST_TEST(c.call({"OBJECT", "ENCODING", "z"}) == bulk("skiplist"));
  BOOST_TEST(c.call({"OBJECT", "ENCODING", "none"}) == nil);
  BOOST_TEST(c.call({"OBJECT", "NOPE", "z"})
             == err("ERR unknown subcommand or wrong number of arguments for 'NOPE'. Try "
                    "OBJECT HELP."));
  // Redis's encoding thresholds: accepted and read back, both names.
  BOOST_TEST(c.call({"CONFIG", "SET", "list-max-ziplist-size", "4"}) == ok);
  BOOST_TEST(c.call({"CONFIG", "GET", "list-max-listpack-size"})
             == "*2\r\n" + bulk("list-max-listpack-size") + bulk("4"));
  BOOST_TEST(c.call({"CONFIG", "SET", "zset-max-ziplist-entries", "x"})
             == err("ERR CONFIG SET failed (possibly related to argument "
                    "'zset-max-ziplist-entries') - argument couldn't be parsed into an integer"));
  BOOST_TEST(c.call({"CONFIG", "SET", "appendonly", "no"})
             == err("ERR CONFIG SET failed (possibly related to argument 'appendonly') - "
                    "troupe-node's flags decide it, not CONFIG SET"));
  BOOST_TEST(c.call({"CONFIG", "SET", "nope", "1"})
             == err("ERR Unknown option or number of arguments for CONFIG SET - 'nope'"));
  BOOST_TEST(c.call({"CONFIG", "GET", "maxmemory"}) == "*2\r\n" + bulk("maxmemory") + bulk("0"));
}

BOOST_AUTO_TEST_CASE(transactions) {
  resp_node n;
  auto c = n.connect();
  auto other = n.connect();
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"MULTI"}) == err("ERR MULTI calls can not be nested"));
  BOOST_TEST(c.call({"SET", "{tx}a", "1"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"INCR", "{tx}a"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"LPUSH", "{tx}a", "x"}) == "+QUEUED\r\n");  // fails at EXEC only
  BOOST_TEST(c.call({"PING"}) == "+QUEUED\r\n");
  BOOST_TEST(other.call({"GET", "{tx}a"}) == nil);  // nothing runs before EXEC
  BOOST_TEST(c.call({"EXEC"})
             == "*4\r\n" + ok + integer(2)
                  + err("WRONGTYPE Operation against a key holding the wrong kind of value")
                  + "+PONG\r\n");
  BOOST_TEST(c.call({"EXEC"}) == err("ERR EXEC without MULTI"));
  BOOST_TEST(c.call({"DISCARD"}) == err("ERR DISCARD without MULTI"));
  // A command refused while queued aborts the transaction: nothing runs.
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"SET", "{tx}a", "2"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"GET"}) == err("ERR wrong number of arguments for 'get' command"));
  BOOST_TEST(c.call({"EXEC"})
             == err("EXECABORT Transaction discarded because of previous errors."));
  BOOST_TEST(c.call({"GET", "{tx}a"}) == bulk("2"));  // from the first EXEC's INCR
  // Keys of two partitions: CROSSSLOT, and the transaction is aborted.
  std::string far;
  for (int i = 0; i < 64 && far.empty(); ++i)
    if (c.call({"SMOVE", "{tx}a", "k" + std::to_string(i), "m"}) == crossslot)
      far = "k" + std::to_string(i);
  BOOST_TEST_REQUIRE(!far.empty());
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"SET", "{tx}a", "3"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"SET", far, "3"}) == crossslot);
  BOOST_TEST(c.call({"DBSIZE"}).rfind("-ERR 'dbsize' cannot be queued", 0) == 0u);
  BOOST_TEST(c.call({"EXEC"})
             == err("EXECABORT Transaction discarded because of previous errors."));
  BOOST_TEST(c.call({"EXISTS", far}) == integer(0));
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"SET", "{tx}b", "x"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"DISCARD"}) == ok);
  BOOST_TEST(c.call({"EXISTS", "{tx}b"}) == integer(0));
  // CONFIG and SCRIPT are the node's, not a partition's: queued, they run
  // after the partition's part, their replies in their places, a failed
  // CONFIG SET an error element like any other.
  auto sha = c.call({"SCRIPT", "LOAD", "return 1"});
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"CONFIG", "SET", "appendonly", "no"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"RPUSH", "{tx}l", "a", "b"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"CONFIG", "GET", "maxmemory"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"LRANGE", "{tx}l", "0", "-1"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"SCRIPT", "EXISTS", sha.substr(sha.find('\n') + 1, 40)}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"})
             == "*5\r\n"
                  + err("ERR CONFIG SET failed (possibly related to argument 'appendonly') - "
                        "troupe-node's flags decide it, not CONFIG SET")
                  + integer(2) + "*2\r\n" + bulk("maxmemory") + bulk("0")
                  + array({"a", "b"}) + "*1\r\n" + integer(1));
  // Only CONFIG: no partition to ask.
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"CONFIG", "SET", "maxmemory", "0"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*1\r\n" + ok);
  // A watched key written: the local commands do not run either.
  BOOST_TEST(c.call({"WATCH", "{tx}l"}) == ok);
  BOOST_TEST(other.call({"RPUSH", "{tx}l", "c"}) == integer(3));
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"SCRIPT", "FLUSH"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*-1\r\n");
  BOOST_TEST(c.call({"SCRIPT", "EXISTS", sha.substr(sha.find('\n') + 1, 40)})
             == "*1\r\n" + integer(1));
  // SAVE and SHUTDOWN are refused inside a transaction, which then aborts.
  for (auto* cmd : {"SAVE", "SHUTDOWN"}) {
    BOOST_TEST(c.call({"MULTI"}) == ok);
    BOOST_TEST(c.call({"SET", "{tx}s", "x"}) == "+QUEUED\r\n");
    BOOST_TEST(c.call({cmd}) == err("ERR Command not allowed inside a transaction"));
    BOOST_TEST(c.call({"EXEC"})
               == err("EXECABORT Transaction discarded because of previous errors."));
  }
  BOOST_TEST(c.call({"EXISTS", "{tx}s"}) == integer(0));
  BOOST_TEST(c.call({"SAVE"}) == ok);
  BOOST_TEST(c.call({"SHUTDOWN"}).rfind("-ERR SHUTDOWN is not offered", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(watch_makes_exec_fail_once_a_watched_key_is_written) {
  resp_node n;
  auto c = n.connect();
  auto other = n.connect();
  BOOST_TEST(c.call({"SET", "{w}k", "1"}) == ok);
  // Untouched: EXEC runs.
  BOOST_TEST(c.call({"WATCH", "{w}k"}) == ok);
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"WATCH", "{w}k"}) == err("ERR WATCH inside MULTI is not allowed"));
  BOOST_TEST(c.call({"INCR", "{w}k"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*1\r\n" + integer(2));
  // Written by another connection (even to the same value): EXEC runs
  // nothing and answers a null array.
  BOOST_TEST(c.call({"WATCH", "{w}k", "{w}l"}) == ok);
  BOOST_TEST(other.call({"RPUSH", "{w}l", "x"}) == integer(1));
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"SET", "{w}k", "lost"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*-1\r\n");
  BOOST_TEST(c.call({"GET", "{w}k"}) == bulk("2"));
  // EXEC forgot the watches; so does UNWATCH.
  BOOST_TEST(c.call({"WATCH", "{w}k"}) == ok);
  BOOST_TEST(other.call({"SET", "{w}k", "3"}) == ok);
  BOOST_TEST(c.call({"UNWATCH"}) == ok);
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"GET", "{w}k"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*1\r\n" + bulk("3"));
  // A write that changes nothing (SET NX on an existing key, SMOVE of a
  // member the destination has) does not count.
  BOOST_TEST(c.call({"SADD", "{w}src", "a", "b"}) == integer(2));
  BOOST_TEST(c.call({"SADD", "{w}dst", "a"}) == integer(1));
  BOOST_TEST(c.call({"WATCH", "{w}k", "{w}dst"}) == ok);
  BOOST_TEST(other.call({"SET", "{w}k", "9", "NX"}) == nil);
  BOOST_TEST(other.call({"SMOVE", "{w}src", "{w}dst", "a"}) == integer(1));
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"GET", "{w}k"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*1\r\n" + bulk("3"));
  // FLUSHDB touches the keys it deletes, not a watched key that was absent.
  BOOST_TEST(c.call({"WATCH", "{w}absent"}) == ok);
  BOOST_TEST(other.call({"FLUSHDB"}) == ok);
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"PING"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*1\r\n+PONG\r\n");
  // A watched key that expires before EXEC fails it.
  BOOST_TEST(c.call({"SET", "{w}e", "v", "PX", "100"}) == ok);
  BOOST_TEST(c.call({"WATCH", "{w}e"}) == ok);
  BOOST_TEST(c.call({"TROUPE.ADVANCECLOCK", "100"}).substr(0, 1) == ":");
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"PING"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*-1\r\n");
}

// On the workers, and with every partition on the I/O thread (writes
// applied in place, no committer).
BOOST_DATA_TEST_CASE(blocking_pops_wake_on_the_write_that_feeds_them,
                     boost::unit_test::data::make({"workers", "io"}), placement) {
  resp_node n{{"--placement", placement}};
  auto a = n.connect();
  auto b = n.connect();
  auto c = n.connect();
  // Data already there: BLPOP pops at once, from the first non-empty key.
  BOOST_TEST(c.call({"RPUSH", "{b}m", "ready"}) == integer(1));
  BOOST_TEST(a.call({"BLPOP", "{b}l", "{b}m", "0"}) == array({"{b}m", "ready"}));
  // Nothing there: it waits, and the pipelined PING behind it waits too.
  a.send({"BLPOP", "{b}l", "{b}m", "0"});
  a.send({"PING"});
  await_blocked(c, 1);
  BOOST_TEST(c.call({"RPUSH", "{b}m", "x", "y"}) == integer(2));
  BOOST_TEST(a.read() == array({"{b}m", "x"}));
  BOOST_TEST(a.read() == "+PONG\r\n");
  BOOST_TEST(c.call({"LRANGE", "{b}m", "0", "-1"}) == array({"y"}));
  // Two waiters on one key: each element goes to exactly one of them.
  a.send({"BRPOP", "{b}q", "0"});
  b.send({"BRPOP", "{b}q", "0"});
  await_blocked(c, 2);
  BOOST_TEST(c.call({"LPUSH", "{b}q", "1", "2"}) == integer(2));
  std::set<std::string> got{a.read(), b.read()};
  BOOST_TEST((got == std::set<std::string>{array({"{b}q", "1"}), array({"{b}q", "2"})}));
  // A timeout: a null array once it passes.
  BOOST_TEST(a.call({"BLPOP", "{b}none", "0.01"}) == "*-1\r\n");
  BOOST_TEST(a.call({"BLPOP", "{b}none", "-1"}) == err("ERR timeout is negative"));
  BOOST_TEST(a.call({"BLPOP", "{b}none", "x"}) == err("ERR timeout is not a float or out of range"));
  // A key that turns into another type while a client waits on it keeps
  // it waiting (Redis serves only a list).
  a.send({"BLPOP", "{b}t", "0"});
  await_blocked(c, 1);
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"LPUSH", "{b}t", "a"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"DEL", "{b}t"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"SET", "{b}t", "string"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*3\r\n" + integer(1) + integer(1) + ok);
  BOOST_TEST(c.call({"DEL", "{b}t"}) == integer(1));
  BOOST_TEST(c.call({"LPUSH", "{b}t", "b"}) == integer(1));
  BOOST_TEST(a.read() == array({"{b}t", "b"}));
  // Sorted sets and moves.
  a.send({"BZPOPMIN", "{b}z", "0"});
  b.send({"BLMOVE", "{b}src", "{b}dst", "RIGHT", "LEFT", "0"});
  await_blocked(c, 2);
  BOOST_TEST(c.call({"ZADD", "{b}z", "2", "two", "1", "one"}) == integer(2));
  BOOST_TEST(a.read() == "*3\r\n" + bulk("{b}z") + bulk("one") + bulk("1"));
  BOOST_TEST(c.call({"RPUSH", "{b}src", "moved"}) == integer(1));
  BOOST_TEST(b.read() == bulk("moved"));
  BOOST_TEST(c.call({"LRANGE", "{b}dst", "0", "-1"}) == array({"moved"}));
  // A client that leaves while blocked takes nothing with it.
  {
    auto gone = n.connect();
    gone.send({"BLPOP", "{b}w", "0"});
    await_blocked(c, 1);
  }
  await_blocked(c, 0);
  BOOST_TEST(c.call({"RPUSH", "{b}w", "kept"}) == integer(1));
  BOOST_TEST(c.call({"LRANGE", "{b}w", "0", "-1"}) == array({"kept"}));
  // Inside MULTI, and for LMPOP, nothing blocks.
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"BLPOP", "{b}none", "0"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*1\r\n*-1\r\n");
  BOOST_TEST(c.call({"RPUSH", "{b}lm", "a", "b", "c"}) == integer(3));
  BOOST_TEST(c.call({"LMPOP", "2", "{b}none", "{b}lm", "RIGHT", "COUNT", "2"})
             == "*2\r\n" + bulk("{b}lm") + array({"c", "b"}));
  BOOST_TEST(c.call({"ZMPOP", "1", "{b}none", "MIN"}) == "*-1\r\n");
}

BOOST_AUTO_TEST_CASE(clients_are_listed_unblocked_and_killed_from_any_connection) {
  resp_node n;
  auto a = n.connect();
  auto b = n.connect();
  BOOST_TEST(a.call({"CLIENT", "SETNAME", "alpha"}) == ok);
  auto id_reply = a.call({"CLIENT", "ID"});
  auto id = id_reply.substr(1, id_reply.size() - 3);
  // Every connection of the node, from any of them.
  auto all = b.call({"CLIENT", "LIST"});
  BOOST_TEST(std::count(all.begin(), all.end(), '\n') == 4);  // two lines in a bulk string
  auto mine = b.call({"CLIENT", "LIST", "ID", id});
  BOOST_TEST(mine.find("id=" + id + " addr=127.0.0.1:") != std::string::npos, mine);
  BOOST_TEST(mine.find(" laddr=127.0.0.1:" + std::to_string(n.node->resp_port()) + " ")
             != std::string::npos, mine);
  BOOST_TEST(mine.find(" name=alpha ") != std::string::npos, mine);
  BOOST_TEST(mine.find(" flags=N ") != std::string::npos, mine);
  BOOST_TEST(mine.find(" cmd=client ") != std::string::npos, mine);
  BOOST_TEST(b.call({"CLIENT", "LIST", "TYPE", "pubsub"}) == bulk(""));
  BOOST_TEST(b.call({"CLIENT", "LIST", "TYPE", "bogus"}) == err("ERR Unknown client type 'bogus'"));
  BOOST_TEST(b.call({"CLIENT", "LIST", "ID", "x"}) == err("ERR Invalid client ID"));
  BOOST_TEST(b.call({"CLIENT", "LIST", "bogus"}) == err("ERR syntax error"));
  auto info = a.call({"CLIENT", "INFO"});
  BOOST_TEST(info.find("id=" + id + " addr=127.0.0.1:") != std::string::npos, info);
  BOOST_TEST(info.find(" cmd=client|info ") != std::string::npos, info);

  // A blocked client ends as if timed out, or with an error.
  a.send({"BLPOP", "{u}l", "0"});
  await_blocked(b, 1);
  auto blocked = b.call({"CLIENT", "LIST", "ID", id});
  BOOST_TEST(blocked.find(" flags=b ") != std::string::npos, blocked);
  BOOST_TEST(b.call({"CLIENT", "UNBLOCK", id}) == integer(1));
  BOOST_TEST(a.read() == "*-1\r\n");
  a.send({"BZPOPMIN", "{u}z", "0"});
  await_blocked(b, 1);
  BOOST_TEST(b.call({"CLIENT", "UNBLOCK", id, "TIMEOUT"}) == integer(1));
  BOOST_TEST(a.read() == "*-1\r\n");
  a.send({"BLPOP", "{u}l", "0"});
  await_blocked(b, 1);
  BOOST_TEST(b.call({"CLIENT", "UNBLOCK", id, "ERROR"}) == integer(1));
  BOOST_TEST(a.read() == err("UNBLOCKED client unblocked via CLIENT UNBLOCK"));
  await_blocked(b, 0);
  // What is pushed afterwards stays (the unblocked command popped nothing),
  // and the connection serves on.
  BOOST_TEST(b.call({"RPUSH", "{u}l", "kept"}) == integer(1));
  BOOST_TEST(a.call({"LRANGE", "{u}l", "0", "-1"}) == array({"kept"}));
  BOOST_TEST(b.call({"CLIENT", "UNBLOCK", id}) == integer(0));
  BOOST_TEST(b.call({"CLIENT", "UNBLOCK", "x"}) == err("ERR value is not an integer or out of range"));
  BOOST_TEST(b.call({"CLIENT", "UNBLOCK", id, "LATER"})
             == err("ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR"));

  // KILL: by id (never itself unless SKIPME no), by address, bad filters.
  auto b_id_reply = b.call({"CLIENT", "ID"});
  auto b_id = b_id_reply.substr(1, b_id_reply.size() - 3);
  BOOST_TEST(b.call({"CLIENT", "KILL", "ID", b_id}) == integer(0));
  BOOST_TEST(b.call({"CLIENT", "KILL", "ID", "0"}) == err("ERR client-id should be greater than 0"));
  BOOST_TEST(b.call({"CLIENT", "KILL", "USER", "nobody"}) == err("ERR No such user 'nobody'"));
  BOOST_TEST(b.call({"CLIENT", "KILL", "TYPE", "bogus"}) == err("ERR Unknown client type 'bogus'"));
  BOOST_TEST(b.call({"CLIENT", "KILL", "ID"}) == err("ERR No such client"));  // the old form
  BOOST_TEST(b.call({"CLIENT", "KILL", "ID", id, "SKIPME"}) == err("ERR syntax error"));
  BOOST_TEST(b.call({"CLIENT", "KILL", "10.9.9.9:1"}) == err("ERR No such client"));
  BOOST_TEST(b.call({"CLIENT", "KILL", "TYPE", "pubsub"}) == integer(0));
  BOOST_TEST(b.call({"CLIENT", "KILL", "ID", id}) == integer(1));
  BOOST_TEST(a.closed_by_peer());
  await_gone(b, id);
  // The old form, by the address CLIENT LIST shows.
  auto c = n.connect();
  auto c_line = c.call({"CLIENT", "INFO"});
  auto at = c_line.find(" addr=") + 6;
  auto c_addr = c_line.substr(at, c_line.find(' ', at) - at);
  BOOST_TEST(b.call({"CLIENT", "KILL", c_addr}) == ok);
  BOOST_TEST(c.closed_by_peer());
  // A blocked client killed gives back nothing it did not pop.
  auto d = n.connect();
  auto d_id_reply = d.call({"CLIENT", "ID"});
  auto d_id = d_id_reply.substr(1, d_id_reply.size() - 3);
  d.send({"BLPOP", "{u}gone", "0"});
  await_blocked(b, 1);
  BOOST_TEST(b.call({"CLIENT", "KILL", "ID", d_id, "SKIPME", "no"}) == integer(1));
  BOOST_TEST(d.closed_by_peer());
  await_blocked(b, 0);
  BOOST_TEST(b.call({"RPUSH", "{u}gone", "v"}) == integer(1));
  BOOST_TEST(b.call({"LLEN", "{u}gone"}) == integer(1));
  // SKIPME no lets a connection close itself, after its answer.
  BOOST_TEST(b.call({"CLIENT", "KILL", "ID", b_id, "SKIPME", "no"}) == integer(1));
  BOOST_TEST(b.closed_by_peer());
}

/// What a pattern subscriber of every channel received, up to (not
/// including) the message the test itself published on "sentinel".
std::vector<std::string> received_until_sentinel(resp_conn& publisher, resp_conn& subscriber) {
  BOOST_TEST(publisher.call({"PUBLISH", "sentinel", "end"}) == integer(1));
  std::vector<std::string> out;
  for (std::string m; (m = subscriber.read()).find("sentinel") == std::string::npos;)
    out.push_back(m);
  return out;
}

BOOST_AUTO_TEST_CASE(keyspace_notifications_name_what_redis_names) {
  peers p;
  p.same({"CONFIG", "SET", "notify-keyspace-events", "KEA"});
  p.same({"CONFIG", "GET", "notify-keyspace-events"});
  p.same({"CONFIG", "SET", "notify-keyspace-events", "KEA?"});
  resp_conn sub_redis{p.redis.port()};
  resp_conn sub_troupe{p.node.resp_port()};
  BOOST_TEST(sub_troupe.call({"PSUBSCRIBE", "*"}) == sub_redis.call({"PSUBSCRIBE", "*"}));
  const std::vector<std::vector<std::string>> writes{
    {"SET", "{n}s", "v"}, {"SET", "{n}s", "w", "EX", "100"}, {"APPEND", "{n}s", "x"},
    {"SETEX", "{n}s", "100", "y"}, {"INCR", "{n}i"}, {"DECRBY", "{n}i", "3"},
    {"INCRBYFLOAT", "{n}i", "1.5"}, {"MSET", "{n}a", "1", "{n}b", "2"}, {"DEL", "{n}a", "{n}b"},
    {"SETRANGE", "{n}s", "1", "zz"}, {"GETDEL", "{n}s"}, {"GETEX", "{n}i", "EX", "100"},
    {"GETEX", "{n}i", "PERSIST"},
    {"LPUSH", "{n}l", "a", "b"}, {"RPUSH", "{n}l", "c"}, {"LPOP", "{n}l"},
    {"RPOPLPUSH", "{n}l", "{n}l2"}, {"LMOVE", "{n}l2", "{n}l", "LEFT", "RIGHT"},
    {"LSET", "{n}l", "0", "q"}, {"LINSERT", "{n}l", "BEFORE", "q", "p"}, {"LREM", "{n}l", "0", "zz"},
    {"LTRIM", "{n}l", "0", "-1"}, {"LTRIM", "{n}l", "5", "10"},
    {"SADD", "{n}st", "a", "b"}, {"SREM", "{n}st", "x"}, {"SREM", "{n}st", "a"},
    {"SMOVE", "{n}st", "{n}st2", "b"}, {"SADD", "{n}st3", "m"}, {"SINTERSTORE", "{n}d", "{n}st2", "{n}st3"},
    {"SUNIONSTORE", "{n}d", "{n}st2", "{n}st3"}, {"SPOP", "{n}st3"},
    {"ZADD", "{n}z", "1", "a", "2", "b"}, {"ZADD", "{n}z", "INCR", "5", "a"}, {"ZINCRBY", "{n}z", "1", "b"},
    {"ZREM", "{n}z", "nope"}, {"ZPOPMIN", "{n}z"}, {"ZREMRANGEBYSCORE", "{n}z", "0", "100"},
    {"HSET", "{n}h", "f", "v", "g", "w"}, {"HMSET", "{n}h", "f", "1"}, {"HINCRBY", "{n}h", "f", "2"},
    {"HINCRBYFLOAT", "{n}h", "f", "0.5"}, {"HDEL", "{n}h", "f"}, {"HDEL", "{n}h", "g"},
    {"SET", "{n}e", "v"}, {"EXPIRE", "{n}e", "100"}, {"PERSIST", "{n}e"},
    {"RENAME", "{n}e", "{n}f"}, {"COPY", "{n}f", "{n}g"}, {"EXPIRE", "{n}g", "-1"},
    {"XADD", "{n}x", "1-1", "f", "v"}, {"XGROUP", "CREATE", "{n}x", "g", "$"},
    {"XGROUP", "CREATECONSUMER", "{n}x", "g", "bob"},
    {"XREADGROUP", "GROUP", "g", "alice", "STREAMS", "{n}x", ">"},
    {"XREADGROUP", "GROUP", "g", "alice", "STREAMS", "{n}x", ">"},
    {"XGROUP", "DELCONSUMER", "{n}x", "g", "lee"}, {"XGROUP", "DELCONSUMER", "{n}x", "g", "bob"},
    {"XADD", "{n}x", "MAXLEN", "1", "2-1", "f", "v"}, {"XDEL", "{n}x", "2-1"},
    {"XGROUP", "DESTROY", "{n}x", "g"}, {"DEL", "{n}x", "{n}f"},
  };
  for (auto& w : writes)
    p.same(w);
  auto from_redis = received_until_sentinel(p.to_redis, sub_redis);
  auto from_troupe = received_until_sentinel(p.to_troupe, sub_troupe);
  BOOST_TEST(from_redis.size() > 100u);
  for (size_t i = 0; i < std::max(from_redis.size(), from_troupe.size()); ++i) {
    auto got = i < from_troupe.size() ? from_troupe[i] : "(none)";
    auto expected = i < from_redis.size() ? from_redis[i] : "(none)";
    BOOST_TEST(got == expected, "event " << i << "\n redis:  " << expected << " troupe: " << got);
  }
  // Only the classes asked for; "new" for a key that did not exist.
  p.same({"CONFIG", "SET", "notify-keyspace-events", "Eln"});
  p.same({"CONFIG", "GET", "notify-keyspace-events"});
  for (auto& w : std::vector<std::vector<std::string>>{
         {"SET", "{n}s", "v"}, {"SET", "{n}s", "w"}, {"RPUSH", "{n}l9", "a"}, {"RPUSH", "{n}l9", "b"}})
    p.same(w);
  BOOST_TEST(received_until_sentinel(p.to_troupe, sub_troupe)
             == received_until_sentinel(p.to_redis, sub_redis));
  // A key that expires is deleted and announced without being read again.
  p.same({"CONFIG", "SET", "notify-keyspace-events", "Ex"});
  p.same({"SET", "{n}gone", "v", "PX", "50"});
  BOOST_TEST(sub_troupe.read() == sub_redis.read());
  BOOST_TEST(p.to_troupe.call({"EXISTS", "{n}gone"}) == integer(0));
  // Off again: nothing more.
  p.same({"CONFIG", "SET", "notify-keyspace-events", ""});
  p.same({"SET", "{n}s", "quiet"});
  BOOST_TEST(received_until_sentinel(p.to_troupe, sub_troupe).empty());
  // A key given its expiry while expired events were off is announced
  // when it expires once they are on.
  p.same({"SET", "{n}late", "v", "PX", "300"});
  p.same({"CONFIG", "SET", "notify-keyspace-events", "Ex"});
  BOOST_TEST(sub_troupe.read() == sub_redis.read());
}

BOOST_AUTO_TEST_CASE(keys_given_an_expiry_before_the_node_started_are_announced_expired) {
  temp_dir dir;
  std::vector<std::string> flags{"--resp-listen", "127.0.0.1:0"};
  {
    node_process node{dir.sub("data"), "os", flags};
    resp_conn c{node.resp_port()};
    BOOST_TEST(c.call({"SET", "soon", "v", "PX", "1500"}) == ok);
    BOOST_TEST(c.call({"SET", "later", "v", "EX", "3600"}) == ok);
    BOOST_TEST(c.call({"SET", "never", "v"}) == ok);
    BOOST_TEST(node.terminate() == 0);
  }
  node_process node{dir.sub("data"), "os", flags};
  resp_conn c{node.resp_port()};
  resp_conn sub{node.resp_port()};
  BOOST_TEST(sub.call({"SUBSCRIBE", "__keyevent@0__:expired"})
             == "*3\r\n$9\r\nsubscribe\r\n$22\r\n__keyevent@0__:expired\r\n:1\r\n");
  BOOST_TEST(c.call({"CONFIG", "SET", "notify-keyspace-events", "Ex"}) == ok);
  // Deleted and announced without being read.
  BOOST_TEST(sub.read() == "*3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:expired\r\n$4\r\nsoon\r\n");
  BOOST_TEST(c.call({"DBSIZE"}) == integer(2));
}

BOOST_AUTO_TEST_CASE(dump_and_restore_move_values_to_and_from_redis) {
  peers p;
  // The same values on both, in each encoding Redis 7 picks for them.
  const std::vector<std::vector<std::string>> values{
    {"SET", "{d}s", "hello"},
    {"SET", "{d}n", "12345"},
    {"SET", "{d}long", std::string(200, 'a')},
    {"RPUSH", "{d}l", "a", "12", "-5", "70000", std::string(70, 'x')},
    {"HSET", "{d}h", "f", "v", "n", "300"},
    {"HSET", "{d}hbig", "f", std::string(100, 'y'), "g", "2"},
    {"SADD", "{d}ints", "1", "2", "70000", "-3"},
    {"SADD", "{d}st", "a", "b", "c"},
    {"ZADD", "{d}z", "1.5", "a", "2", "b", "-3", "c"},
    {"ZADD", "{d}zbig", "1", std::string(100, 'a'), "2.5", "b", "inf", "top", "-inf", "bottom"},
  };
  for (auto& v : values) {
    p.same(v);
    const auto& key = v[1];
    // Redis's payload into Troupe, Troupe's into Redis: the same value.
    auto from_redis = payload_of(p.to_redis.call({"DUMP", key}));
    BOOST_TEST(p.to_troupe.call({"RESTORE", key + ":r", "0", from_redis}) == ok);
    BOOST_TEST(contents(p.to_troupe, key + ":r") == contents(p.to_redis, key), key);
    auto from_troupe = payload_of(p.to_troupe.call({"DUMP", key}));
    BOOST_TEST(p.to_redis.call({"RESTORE", key + ":t", "0", from_troupe}) == ok);
    BOOST_TEST(contents(p.to_redis, key + ":t") == contents(p.to_redis, key), key);
    // And back into Troupe, over what is there.
    BOOST_TEST(p.to_troupe.call({"RESTORE", key, "0", from_troupe, "REPLACE"}) == ok);
    BOOST_TEST(contents(p.to_troupe, key) == contents(p.to_redis, key), key);
  }
  // A plain string's payload is Redis's byte for byte.
  p.same({"DUMP", "{d}s"});
  auto hello = payload_of(p.to_redis.call({"DUMP", "{d}s"}));
  // A TTL, relative or absolute; one already past writes nothing.
  BOOST_TEST(p.to_troupe.call({"RESTORE", "{d}ttl", "100000", hello}) == ok);
  auto pttl = p.to_troupe.call({"PTTL", "{d}ttl"});
  BOOST_TEST((pttl.size() > 3 && pttl[0] == ':' && pttl[1] != '-'), pttl);
  p.same({"RESTORE", "{d}past", "1", hello, "ABSTTL"});
  p.same({"EXISTS", "{d}past"});
  p.same({"RESTORE", "{d}s", "1", hello, "ABSTTL", "REPLACE"});
  p.same({"EXISTS", "{d}s"});
  // Refusals, as Redis words them; nothing is written.
  p.same({"SET", "{d}busy", "x"});
  p.same({"RESTORE", "{d}busy", "0", hello});
  p.same({"RESTORE", "{d}new", "0", "not a payload"});
  p.same({"RESTORE", "{d}new", "0", ""});
  auto flipped = hello;
  flipped[3] ^= 1;
  p.same({"RESTORE", "{d}new", "0", flipped});
  p.same({"RESTORE", "{d}new", "-1", hello});
  p.same({"RESTORE", "{d}new", "x", hello});
  p.same({"RESTORE", "{d}new", "0", hello, "IDLETIME", "-1"});
  p.same({"RESTORE", "{d}new", "0", hello, "FREQ", "256"});
  p.same({"RESTORE", "{d}new", "0", hello, "BOGUS"});
  p.same({"EXISTS", "{d}new"});
  p.same({"RESTORE", "{d}new", "0", hello, "IDLETIME", "10"});
  p.same({"GET", "{d}new"});
  p.same({"DUMP", "{d}missing"});
  // A stream with deleted entries, two groups, consumers and pending
  // entries moves from Redis whole: what every read shows is Redis's.
  for (auto& w : std::vector<std::vector<std::string>>{
         {"XADD", "{d}x", "1-1", "a", "1", "b", "2"}, {"XADD", "{d}x", "1-2", "a", "3"},
         {"XADD", "{d}x", "2-0", "c", "5"}, {"XADD", "{d}x", "3-0", "a", "6", "b", "7"},
         {"XDEL", "{d}x", "1-2"}, {"XGROUP", "CREATE", "{d}x", "g1", "0"},
         {"XGROUP", "CREATE", "{d}x", "g2", "$"},
         {"XREADGROUP", "GROUP", "g1", "alice", "COUNT", "2", "STREAMS", "{d}x", ">"},
         {"XGROUP", "CREATECONSUMER", "{d}x", "g1", "bob"},
         {"XCLAIM", "{d}x", "g1", "bob", "0", "2-0", "JUSTID"}, {"XDEL", "{d}x", "2-0"}})
    p.to_redis.call(w);
  auto stream = payload_of(p.to_redis.call({"DUMP", "{d}x"}));
  BOOST_TEST(p.to_troupe.call({"RESTORE", "{d}x", "0", stream}) == ok);
  for (auto& read : std::vector<std::vector<std::string>>{
         {"XRANGE", "{d}x", "-", "+"}, {"XLEN", "{d}x"}, {"XINFO", "GROUPS", "{d}x"},
         {"XPENDING", "{d}x", "g1"}, {"XADD", "{d}x", "4-0", "after", "restore"},
         {"XINFO", "GROUPS", "{d}x"}, {"XREADGROUP", "GROUP", "g2", "carol", "STREAMS", "{d}x", ">"},
         {"XINFO", "GROUPS", "{d}x"}}) {
    auto expected = p.to_redis.call(read);
    BOOST_TEST(p.to_troupe.call(read) == expected, p.describe(read));
  }
  // Troupe's DUMP of it restores in Redis (and in Troupe) to the same.
  auto back = payload_of(p.to_troupe.call({"DUMP", "{d}x"}));
  BOOST_TEST(p.to_redis.call({"RESTORE", "{d}y", "0", back}) == ok);
  BOOST_TEST(p.to_troupe.call({"RESTORE", "{d}y", "0", back}) == ok);
  auto same_streams = [&](const std::string& a, const std::string& b) {
    for (auto* read : {"XRANGE", "XINFO", "XPENDING", "XLEN"}) {
      std::vector<std::string> of_a{read, a}, of_b{read, b};
      if (std::string{read} == "XRANGE")
        for (auto* v : {&of_a, &of_b})
          v->insert(v->end(), {"-", "+"});
      if (std::string{read} == "XINFO") {
        of_a = {"XINFO", "GROUPS", a};
        of_b = {"XINFO", "GROUPS", b};
      }
      if (std::string{read} == "XPENDING")
        for (auto* v : {&of_a, &of_b})
          v->push_back("g1");
      BOOST_TEST(p.to_troupe.call(of_b) == p.to_redis.call(of_a), p.describe(of_b));
      BOOST_TEST(p.to_redis.call(of_b) == p.to_redis.call(of_a), p.describe(of_b));
    }
  };
  same_streams("{d}x", "{d}y");
  // Many entries (several nodes), fields that change, IDs far apart.
  for (int i = 0; i < 250; ++i) {
    std::vector<std::string> add{"XADD", "{d}big", std::to_string(1000 + i * 70000) + "-" + std::to_string(i % 3)};
    if (i % 7 == 0)
      add.insert(add.end(), {"other", std::string(i * 40, 'v')});
    else
      add.insert(add.end(), {"n", std::to_string(i - 100), "text", "value " + std::to_string(i)});
    p.same(add);
  }
  p.same({"XGROUP", "CREATE", "{d}big", "g1", "0"});
  p.same({"XREADGROUP", "GROUP", "g1", "dan", "COUNT", "3", "STREAMS", "{d}big", ">"});
  p.same({"XDEL", "{d}big", "71000-1"});
  auto big = payload_of(p.to_troupe.call({"DUMP", "{d}big"}));
  BOOST_TEST(p.to_redis.call({"RESTORE", "{d}big2", "0", big}) == ok);
  BOOST_TEST(p.to_troupe.call({"RESTORE", "{d}big2", "0", big}) == ok);
  same_streams("{d}big", "{d}big2");
  // An empty stream with a group.
  p.same({"XGROUP", "CREATE", "{d}empty", "g1", "$", "MKSTREAM"});
  auto empty = payload_of(p.to_troupe.call({"DUMP", "{d}empty"}));
  BOOST_TEST(p.to_redis.call({"RESTORE", "{d}empty2", "0", empty}) == ok);
  BOOST_TEST(p.to_troupe.call({"RESTORE", "{d}empty2", "0", empty}) == ok);
  same_streams("{d}empty", "{d}empty2");
  // RESTORE's own steps are no command a client can send.
  BOOST_TEST(p.to_troupe.call({"TROUPE.RESTOREPENDING", "{d}x", "g1", "eve", "9", "0", "1", "1"})
               .rfind("-ERR unknown command", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(scripts_use_collections) {
  resp_node n;
  auto c = n.connect();
  auto script = "redis.call('RPUSH', KEYS[1], 'a', 'b') "
                "redis.call('ZADD', KEYS[2], 1, 'x') "
                "return {redis.call('LRANGE', KEYS[1], 0, -1), redis.call('ZCARD', KEYS[2])}";
  BOOST_TEST(c.call({"EVAL", script, "2", "{k}l", "{k}z"})
             == "*2\r\n" + array({"a", "b"}) + integer(1));
}

BOOST_AUTO_TEST_SUITE_END()
