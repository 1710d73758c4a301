// Streams through the RESP front door of a real troupe-node: entries,
// ranges and trimming (whole nodes under `~`), consumer groups with their
// pending entries, claims and lag, blocking reads woken by the write that
// feeds them, bad input refused with Redis's errors and nothing written,
// and durability across a crash. Redis's own suite (unit/type/stream and
// stream-cgroups, tests/redis-suite) checks the rest against Redis 7.0.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/node_process.hpp"
#include "tests/support/resp_conn.hpp"
#include "tests/support/resp_node.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe::test;

namespace {

std::string array_header(size_t n) {
  return "*" + std::to_string(n) + "\r\n";
}

/// One entry as XRANGE replies it: [id, [field, value, ...]].
std::string entry(const std::string& id, const std::vector<std::string>& fields) {
  std::string out = array_header(2) + bulk(id) + array_header(fields.size());
  for (auto& f : fields)
    out += bulk(f);
  return out;
}

/// A reply of XREAD or XREADGROUP for one stream.
std::string read_reply(const std::string& key, const std::vector<std::string>& entries) {
  std::string out = array_header(1) + array_header(2) + bulk(key) + array_header(entries.size());
  for (auto& e : entries)
    out += e;
  return out;
}

std::string list(const std::vector<std::string>& items) {
  std::string out = array_header(items.size());
  for (auto& i : items)
    out += i;
  return out;
}

const std::string invalid_id = err("ERR Invalid stream ID specified as stream command argument");

} // namespace

BOOST_AUTO_TEST_SUITE(resp_streams)

BOOST_AUTO_TEST_CASE(entries_ranges_and_deletes) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"XADD", "s", "1-1", "a", "1"}) == bulk("1-1"));
  BOOST_TEST(c.call({"XADD", "s", "1-*", "b", "2"}) == bulk("1-2"));
  BOOST_TEST(c.call({"XADD", "s", "5", "c", "3", "d", "4"}) == bulk("5-0"));
  BOOST_TEST(c.call({"XADD", "s", "5-*", "e", "5"}) == bulk("5-1"));
  BOOST_TEST(c.call({"TYPE", "s"}) == "+stream\r\n");
  BOOST_TEST(c.call({"OBJECT", "ENCODING", "s"}) == bulk("stream"));
  BOOST_TEST(c.call({"XLEN", "s"}) == integer(4));
  BOOST_TEST(c.call({"XRANGE", "s", "-", "+"})
             == list({entry("1-1", {"a", "1"}), entry("1-2", {"b", "2"}),
                      entry("5-0", {"c", "3", "d", "4"}), entry("5-1", {"e", "5"})}));
  BOOST_TEST(c.call({"XRANGE", "s", "(1-1", "5", "COUNT", "2"})
             == list({entry("1-2", {"b", "2"}), entry("5-0", {"c", "3", "d", "4"})}));
  BOOST_TEST(c.call({"XREVRANGE", "s", "+", "-", "COUNT", "1"}) == list({entry("5-1", {"e", "5"})}));
  BOOST_TEST(c.call({"XREVRANGE", "s", "(5-1", "1-2"})
             == list({entry("5-0", {"c", "3", "d", "4"}), entry("1-2", {"b", "2"})}));
  BOOST_TEST(c.call({"XRANGE", "s", "-", "+", "COUNT", "0"}) == "*-1\r\n");
  BOOST_TEST(c.call({"XRANGE", "none", "-", "+"}) == "*0\r\n");
  // Refused, nothing written.
  BOOST_TEST(c.call({"XADD", "s", "5-1", "x", "y"})
             == err("ERR The ID specified in XADD is equal or smaller than the target stream top "
                    "item"));
  BOOST_TEST(c.call({"XADD", "s2", "0-0", "x", "y"})
             == err("ERR The ID specified in XADD must be greater than 0-0"));
  BOOST_TEST(c.call({"XADD", "s", "1-x", "x", "y"}) == invalid_id);
  BOOST_TEST(c.call({"XADD", "s", "*", "x"})
             == err("ERR wrong number of arguments for 'xadd' command"));
  BOOST_TEST(c.call({"XRANGE", "s", "(-", "+"}) == invalid_id);
  BOOST_TEST(c.call({"XRANGE", "s", "-", "+", "LIMIT", "1"}) == err("ERR syntax error"));
  BOOST_TEST(c.call({"XADD", "s2", "NOMKSTREAM", "*", "x", "y"}) == nil);
  BOOST_TEST(c.call({"EXISTS", "s2"}) == integer(0));
  BOOST_TEST(c.call({"XLEN", "s"}) == integer(4));
  BOOST_TEST(c.call({"SET", "str", "v"}) == ok);
  BOOST_TEST(c.call({"XADD", "str", "*", "x", "y"})
             == err("WRONGTYPE Operation against a key holding the wrong kind of value"));
  // Deletes: a stream stays when empty, and remembers its last id.
  BOOST_TEST(c.call({"XDEL", "s", "1-2", "9-9", "1-2"}) == integer(1));
  BOOST_TEST(c.call({"XDEL", "s", "1-1", "x"}) == invalid_id);
  BOOST_TEST(c.call({"XLEN", "s"}) == integer(3));
  BOOST_TEST(c.call({"XDEL", "s", "1-1", "5-0", "5-1"}) == integer(3));
  BOOST_TEST(c.call({"XLEN", "s"}) == integer(0));
  BOOST_TEST(c.call({"EXISTS", "s"}) == integer(1));
  BOOST_TEST(c.call({"XADD", "s", "5-1", "x", "y"})
             == err("ERR The ID specified in XADD is equal or smaller than the target stream top "
                    "item"));
  BOOST_TEST(c.call({"XSETID", "s", "4-0"}) == ok);  // an empty stream may go back
  BOOST_TEST(c.call({"XADD", "s", "4-1", "x", "y"}) == bulk("4-1"));
  BOOST_TEST(c.call({"XSETID", "s", "1-0"})
             == err("ERR The ID specified in XSETID is smaller than the target stream top item"));
  BOOST_TEST(c.call({"XSETID", "none", "1-0"}) == err("ERR no such key"));
  // Automatic ids: the clock's milliseconds, then a sequence while the
  // (manual) clock stands still; never below the last id.
  auto first = c.call({"XADD", "auto", "*", "f", "v"});
  auto ms = first.substr(first.find('\n') + 1, first.find('-') - first.find('\n') - 1);
  BOOST_TEST(first == bulk(ms + "-0"));
  BOOST_TEST(c.call({"XADD", "auto", "*", "f", "v"}) == bulk(ms + "-1"));
  auto ahead = std::to_string(std::stoull(ms) + 10);
  BOOST_TEST(c.call({"XADD", "auto", ahead + "-5", "f", "v"}) == bulk(ahead + "-5"));
  BOOST_TEST(c.call({"XADD", "auto", "*", "f", "v"}) == bulk(ahead + "-6"));
}

BOOST_AUTO_TEST_CASE(trimming_exact_and_by_whole_nodes) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"CONFIG", "SET", "stream-node-max-entries", "10"}) == ok);
  for (int i = 1; i <= 100; ++i)
    BOOST_TEST_REQUIRE(c.call({"XADD", "s", std::to_string(i) + "-0", "f", "v"})
                       == bulk(std::to_string(i) + "-0"));
  auto info = c.call({"XINFO", "STREAM", "s"});
  BOOST_TEST(info.find(bulk("radix-tree-keys") + integer(10)) != std::string::npos);
  // `~` removes only whole nodes of ten: 40 entries, not 45.
  BOOST_TEST(c.call({"XTRIM", "s", "MAXLEN", "~", "55"}) == integer(40));
  BOOST_TEST(c.call({"XLEN", "s"}) == integer(60));
  // ...and no more than LIMIT entries: a node of ten does not fit in 15
  // twice.
  BOOST_TEST(c.call({"XTRIM", "s", "MAXLEN", "~", "0", "LIMIT", "15"}) == integer(10));
  // Exact trimming cuts inside a node.
  BOOST_TEST(c.call({"XTRIM", "s", "MAXLEN", "45"}) == integer(5));
  BOOST_TEST(c.call({"XRANGE", "s", "-", "+", "COUNT", "1"}) == list({entry("56-0", {"f", "v"})}));
  BOOST_TEST(c.call({"XTRIM", "s", "MINID", "60"}) == integer(4));
  BOOST_TEST(c.call({"XADD", "s", "MAXLEN", "2", "200-0", "f", "v"}) == bulk("200-0"));
  BOOST_TEST(c.call({"XRANGE", "s", "-", "+"})
             == list({entry("100-0", {"f", "v"}), entry("200-0", {"f", "v"})}));
  BOOST_TEST(c.call({"XTRIM", "s", "MAXLEN", "1", "LIMIT", "1"})
             == err("ERR syntax error, LIMIT cannot be used without the special ~ option"));
  BOOST_TEST(c.call({"XTRIM", "s", "LIMIT", "1"})
             == err("ERR syntax error, LIMIT cannot be used without specifying a trimming "
                    "strategy"));
  BOOST_TEST(c.call({"XTRIM", "s", "MAXLEN", "-1"}) == err("ERR The MAXLEN argument must be >= 0."));
  BOOST_TEST(c.call({"XLEN", "s"}) == integer(2));
}

BOOST_AUTO_TEST_CASE(consumer_groups_deliver_once_and_track_pending_entries) {
  resp_node n;
  auto c = n.connect();
  BOOST_TEST(c.call({"XGROUP", "CREATE", "s", "g", "$"})
             == err("ERR The XGROUP subcommand requires the key to exist. Note that for CREATE "
                    "you may want to use the MKSTREAM option to create an empty stream "
                    "automatically."));
  BOOST_TEST(c.call({"XGROUP", "CREATE", "s", "g", "$", "MKSTREAM"}) == ok);
  BOOST_TEST(c.call({"XGROUP", "CREATE", "s", "g", "$"})
             == err("BUSYGROUP Consumer Group name already exists"));
  for (auto id : {"1-0", "2-0", "3-0"})
    BOOST_TEST(c.call({"XADD", "s", id, "k", id}) == bulk(id));
  // Each new entry goes to one consumer.
  BOOST_TEST(c.call({"XREADGROUP", "GROUP", "g", "alice", "COUNT", "2", "STREAMS", "s", ">"})
             == read_reply("s", {entry("1-0", {"k", "1-0"}), entry("2-0", {"k", "2-0"})}));
  BOOST_TEST(c.call({"XREADGROUP", "GROUP", "g", "bob", "STREAMS", "s", ">"})
             == read_reply("s", {entry("3-0", {"k", "3-0"})}));
  BOOST_TEST(c.call({"XREADGROUP", "GROUP", "g", "bob", "STREAMS", "s", ">"}) == "*-1\r\n");
  // A consumer's history: its own pending entries.
  BOOST_TEST(c.call({"XREADGROUP", "GROUP", "g", "alice", "STREAMS", "s", "0"})
             == read_reply("s", {entry("1-0", {"k", "1-0"}), entry("2-0", {"k", "2-0"})}));
  BOOST_TEST(c.call({"XPENDING", "s", "g"})
             == array_header(4) + integer(3) + bulk("1-0") + bulk("3-0")
                  + list({array_header(2) + bulk("alice") + bulk("2"),
                          array_header(2) + bulk("bob") + bulk("1")}));
  // The history read delivered alice's entries a second time.
  BOOST_TEST(c.call({"XPENDING", "s", "g", "-", "+", "10", "alice"})
             == list({array_header(4) + bulk("1-0") + bulk("alice") + integer(0) + integer(2),
                      array_header(4) + bulk("2-0") + bulk("alice") + integer(0) + integer(2)}));
  BOOST_TEST(c.call({"XACK", "s", "g", "1-0", "1-0", "9-0"}) == integer(1));
  BOOST_TEST(c.call({"XACK", "s", "g", "x"}) == invalid_id);
  // Claims: an entry idle long enough moves to the claimer.
  BOOST_TEST(c.call({"TROUPE.ADVANCECLOCK", "1000"}).substr(0, 1) == ":");
  BOOST_TEST(c.call({"XCLAIM", "s", "g", "carol", "2000", "2-0"}) == "*0\r\n");
  BOOST_TEST(c.call({"XCLAIM", "s", "g", "carol", "500", "2-0", "JUSTID"}) == list({bulk("2-0")}));
  BOOST_TEST(c.call({"XAUTOCLAIM", "s", "g", "carol", "500", "0", "COUNT", "10"})
             == array_header(3) + bulk("0-0") + list({entry("3-0", {"k", "3-0"})}) + "*0\r\n");
  BOOST_TEST(c.call({"XPENDING", "s", "g", "-", "+", "10"})
             == list({array_header(4) + bulk("2-0") + bulk("carol") + integer(0) + integer(2),
                      array_header(4) + bulk("3-0") + bulk("carol") + integer(0) + integer(2)}));
  // The group's lag: entries added but not yet delivered.
  BOOST_TEST(c.call({"XADD", "s", "4-0", "k", "4-0"}) == bulk("4-0"));
  auto groups = c.call({"XINFO", "GROUPS", "s"});
  BOOST_TEST(groups.find(bulk("last-delivered-id") + bulk("3-0")) != std::string::npos);
  BOOST_TEST(groups.find(bulk("lag") + integer(1)) != std::string::npos);
  // A deleted entry leaves the pending list when claimed; the lag is no
  // longer known once a deleted entry lies after the group's position.

  BOOST_TEST(c.call({"XDEL", "s", "3-0"}) == integer(1));
  BOOST_TEST(c.call({"XAUTOCLAIM", "s", "g", "dave", "0", "0", "JUSTID"})
             == array_header(3) + bulk("0-0") + list({bulk("2-0")}) + list({bulk("3-0")}));
  BOOST_TEST(c.call({"XINFO", "CONSUMERS", "s", "g"}).find(bulk("dave") + bulk("pending") + integer(1))
             != std::string::npos);
  BOOST_TEST(c.call({"XINFO", "GROUPS", "s"}).find(bulk("lag") + nil) != std::string::npos);
  BOOST_TEST(c.call({"XGROUP", "DELCONSUMER", "s", "g", "dave"}) == integer(1));
  BOOST_TEST(c.call({"XGROUP", "CREATECONSUMER", "s", "g", "erin"}) == integer(1));
  BOOST_TEST(c.call({"XGROUP", "CREATECONSUMER", "s", "g", "erin"}) == integer(0));
  BOOST_TEST(c.call({"XGROUP", "SETID", "s", "g", "0"}) == ok);
  BOOST_TEST(c.call({"XREADGROUP", "GROUP", "g", "erin", "NOACK", "STREAMS", "s", ">"})
             == read_reply("s", {entry("1-0", {"k", "1-0"}), entry("2-0", {"k", "2-0"}),
                                 entry("4-0", {"k", "4-0"})}));
  BOOST_TEST(c.call({"XPENDING", "s", "g"}) == array_header(4) + integer(0) + nil + nil + "*-1\r\n");
  // Errors.
  BOOST_TEST(c.call({"XREADGROUP", "GROUP", "nope", "x", "STREAMS", "s", ">"})
             == err("NOGROUP No such key 's' or consumer group 'nope' in XREADGROUP with GROUP "
                    "option"));
  BOOST_TEST(c.call({"XREADGROUP", "GROUP", "g", "x", "STREAMS", "s", "$"}).substr(0, 24)
             == "-ERR The $ ID is meaning");
  BOOST_TEST(c.call({"XREAD", "STREAMS", "s", ">"}).substr(0, 22) == "-ERR The > ID can be s");
  BOOST_TEST(c.call({"XGROUP", "NOPE", "s", "g"}) == err("ERR unknown subcommand 'NOPE'. Try XGROUP HELP."));
  BOOST_TEST(c.call({"XGROUP", "DESTROY", "s"})
             == err("ERR wrong number of arguments for 'xgroup|destroy' command"));
  BOOST_TEST(c.call({"XGROUP", "DESTROY", "s", "g"}) == integer(1));
  BOOST_TEST(c.call({"XGROUP", "DESTROY", "s", "g"}) == integer(0));
  BOOST_TEST(c.call({"XINFO", "GROUPS", "s"}) == "*0\r\n");
}

BOOST_AUTO_TEST_CASE(blocking_reads_wake_on_the_write_that_feeds_them) {
  resp_node n;
  auto a = n.connect();
  auto c = n.connect();
  BOOST_TEST(c.call({"XADD", "s", "1-0", "f", "old"}) == bulk("1-0"));
  // `$` is the last id when the read starts: only later entries are
  // delivered, even though the wait is retried inside the node.
  a.send({"XREAD", "BLOCK", "0", "STREAMS", "s", "$"});
  a.send({"PING"});
  await_blocked(c, 1);
  BOOST_TEST(c.call({"XADD", "s", "2-0", "f", "new"}) == bulk("2-0"));
  BOOST_TEST(a.read() == read_reply("s", {entry("2-0", {"f", "new"})}));
  BOOST_TEST(a.read() == "+PONG\r\n");
  // Without BLOCK, or in MULTI, nothing waits.
  BOOST_TEST(a.call({"XREAD", "STREAMS", "s", "2-0"}) == "*-1\r\n");
  BOOST_TEST(a.call({"XREAD", "BLOCK", "-1", "STREAMS", "s", "2-0"})
             == err("ERR timeout is negative"));
  BOOST_TEST(a.call({"XREAD", "BLOCK", "10", "STREAMS", "s", "2-0"}) == "*-1\r\n");
  BOOST_TEST(a.call({"XREAD", "STREAMS", "s", "t", "0"})
             == err("ERR Unbalanced XREAD list of streams: for each stream key an ID or '$' must "
                    "be specified."));
  // A group reader waits for new entries; a destroyed group fails it.
  BOOST_TEST(c.call({"XGROUP", "CREATE", "s", "g", "$"}) == ok);
  a.send({"XREADGROUP", "GROUP", "g", "alice", "BLOCK", "0", "STREAMS", "s", ">"});
  await_blocked(c, 1);
  BOOST_TEST(c.call({"XADD", "s", "3-0", "f", "x"}) == bulk("3-0"));
  BOOST_TEST(a.read() == read_reply("s", {entry("3-0", {"f", "x"})}));
  a.send({"XREADGROUP", "GROUP", "g", "alice", "BLOCK", "0", "STREAMS", "s", ">"});
  await_blocked(c, 1);
  BOOST_TEST(c.call({"XGROUP", "DESTROY", "s", "g"}) == integer(1));
  BOOST_TEST(a.read()
             == err("NOGROUP the consumer group this client was blocked on no longer exists"));
  // A reader of a key that becomes a string keeps waiting (XREAD), and is
  // served once a stream is back.
  a.send({"XREAD", "BLOCK", "0", "STREAMS", "s", "$"});
  await_blocked(c, 1);
  BOOST_TEST(c.call({"SET", "s", "v"}) == ok);
  BOOST_TEST(c.call({"DEL", "s"}) == integer(1));
  BOOST_TEST(c.call({"XADD", "s", "4-0", "f", "y"}) == bulk("4-0"));
  BOOST_TEST(a.read() == read_reply("s", {entry("4-0", {"f", "y"})}));
}

BOOST_AUTO_TEST_CASE(streams_and_groups_survive_a_crash) {
  temp_dir dir;
  std::vector<std::string> flags{"--resp-listen", "127.0.0.1:0"};
  {
    node_process node{dir.sub("data"), "fsync", flags};
    resp_conn c{node.resp_port()};
    BOOST_TEST(c.call({"XADD", "s", "1-0", "a", "1"}) == bulk("1-0"));
    BOOST_TEST(c.call({"XADD", "s", "2-0", "b", "2"}) == bulk("2-0"));
    BOOST_TEST(c.call({"XGROUP", "CREATE", "s", "g", "0"}) == ok);
    BOOST_TEST(c.call({"XREADGROUP", "GROUP", "g", "x", "COUNT", "1", "STREAMS", "s", ">"})
               == read_reply("s", {entry("1-0", {"a", "1"})}));
    node.kill_hard();
  }
  node_process node{dir.sub("data"), "fsync", flags};
  resp_conn c{node.resp_port()};
  BOOST_TEST(c.call({"XRANGE", "s", "-", "+"})
             == list({entry("1-0", {"a", "1"}), entry("2-0", {"b", "2"})}));
  BOOST_TEST(c.call({"XREADGROUP", "GROUP", "g", "y", "STREAMS", "s", ">"})
             == read_reply("s", {entry("2-0", {"b", "2"})}));
  auto pending = array_header(1) + array_header(4) + bulk("1-0") + bulk("x");
  BOOST_TEST(c.call({"XPENDING", "s", "g", "-", "+", "10", "x"}).substr(0, pending.size())
             == pending);
  BOOST_TEST(node.terminate() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
