#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "cluster/partition_table.hpp"
#include "protocol/resp.hpp"
#include "storage/glob.hpp"

namespace resp = troupe::protocol::resp;
using troupe::storage::glob_match;

BOOST_AUTO_TEST_SUITE(resp_codec)

BOOST_AUTO_TEST_CASE(parses_commands_fed_byte_by_byte) {
  std::string wire = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$0\r\n\r\n*0\r\nPING x\r\n*1\r\n$4\r\nPING\r\n";
  resp::parser p;
  std::vector<std::vector<std::string>> got;
  std::vector<std::string> args;
  for (char ch : wire) {
    p.feed(&ch, 1);
    for (auto r = p.next(args); r == resp::parser::outcome::command; r = p.next(args))
      got.push_back(args);
  }
  BOOST_TEST_REQUIRE(got.size() == 3u);
  BOOST_TEST((got[0] == std::vector<std::string>{"SET", "k", ""}));
  BOOST_TEST((got[1] == std::vector<std::string>{"PING", "x"}));
  BOOST_TEST((got[2] == std::vector<std::string>{"PING"}));
  BOOST_TEST(p.buffered() == 0u);
}

BOOST_AUTO_TEST_CASE(bounds_one_request) {
  resp::parser p{100};
  std::string wire = "*2\r\n$3\r\nSET\r\n$200\r\n";
  p.feed(wire.data(), wire.size());
  std::vector<std::string> args;
  BOOST_TEST((p.next(args) == resp::parser::outcome::error));
  BOOST_TEST(p.error() == "Protocol error: invalid bulk length");
}

BOOST_AUTO_TEST_CASE(integers_as_redis_reads_them) {
  BOOST_TEST(*resp::parse_int("0") == 0);
  BOOST_TEST(*resp::parse_int("-12") == -12);
  BOOST_TEST(*resp::parse_int("9223372036854775807") == INT64_MAX);
  for (auto bad : {"", "-", "01", "-0", "+1", " 1", "1 ", "9223372036854775808", "1e3"})
    BOOST_TEST(!resp::parse_int(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(reply_helpers) {
  std::string out;
  resp::map(out, 1, false);
  resp::bulk(out, "a");
  resp::null(out, false);
  BOOST_TEST(out == "*2\r\n$1\r\na\r\n$-1\r\n");
  std::vector<std::string_view> parts;
  BOOST_TEST(resp::split_array("*3\r\n$1\r\na\r\n$-1\r\n:5\r\n", parts));
  BOOST_TEST(parts.size() == 3u);
  BOOST_TEST(*resp::read_integer(":42\r\n") == 42);
}

BOOST_AUTO_TEST_CASE(glob_patterns) {
  BOOST_TEST(glob_match("*", ""));
  BOOST_TEST(glob_match("motia:state:t1:*", "motia:state:t1:key"));
  BOOST_TEST(!glob_match("motia:state:t1:*", "motia:state:t10:key"));
  BOOST_TEST(glob_match("h?llo", "hello"));
  BOOST_TEST(!glob_match("h?llo", "hllo"));
  BOOST_TEST(glob_match("h[ae]llo", "hallo"));
  BOOST_TEST(!glob_match("h[^e]llo", "hello"));
  BOOST_TEST(glob_match("h[a-c]llo", "hbllo"));
  BOOST_TEST(glob_match("h\\*llo", "h*llo"));
  BOOST_TEST(!glob_match("h\\*llo", "hello"));
  BOOST_TEST(glob_match("*a*b*c", "xxaxxbxxc"));
  BOOST_TEST(!glob_match("*a*b*c", "xxaxxbxx"));
}

BOOST_AUTO_TEST_CASE(hash_tags_pick_the_partition) {
  using troupe::cluster::kv_hash_tag;
  BOOST_TEST(kv_hash_tag("{user:1}:profile") == "user:1");
  BOOST_TEST(kv_hash_tag("orders:{user:1}") == "user:1");
  BOOST_TEST(kv_hash_tag("a{b}{c}") == "b");
  BOOST_TEST(kv_hash_tag("{}:x") == "{}:x");      // empty tag: the whole key
  BOOST_TEST(kv_hash_tag("{open:x") == "{open:x");  // no closing brace
  BOOST_TEST(kv_hash_tag("plain") == "plain");
  troupe::cluster::partition_table table{64};
  for (int i = 0; i < 100; ++i) {
    auto a = "{tag" + std::to_string(i) + "}:a";
    auto b = "{tag" + std::to_string(i) + "}:b";
    BOOST_TEST(table.partition_of(kv_hash_tag(a)).value == table.partition_of(kv_hash_tag(b)).value);
  }
}

BOOST_AUTO_TEST_SUITE_END()
