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

BOOST_AUTO_TEST_CASE(split_array_keeps_nested_and_resp3_replies_whole) {
  std::vector<std::string_view> parts;
  // An EXEC's reply: an array, a map with an attribute before a value, a
  // set, RESP3 scalars, a verbatim string and a null.
  std::string nested = "*2\r\n$1\r\na\r\n*1\r\n:1\r\n";
  std::string map = "%2\r\n+k\r\n|1\r\n+ttl\r\n:3\r\n,1.5\r\n+j\r\n#t\r\n";
  std::string scalars = "~2\r\n(12345678901234567890\r\n_\r\n";
  std::string verbatim = "=9\r\ntxt:hello\r\n";
  auto whole = "*5\r\n" + nested + map + scalars + verbatim + "$-1\r\n";
  BOOST_TEST(resp::split_array(whole, parts));
  BOOST_TEST_REQUIRE(parts.size() == 5u);
  BOOST_TEST(parts[0] == nested);
  BOOST_TEST(parts[1] == map);
  BOOST_TEST(parts[2] == scalars);
  BOOST_TEST(parts[3] == verbatim);
  // Incomplete, malformed or with a count past the bytes there: refused.
  for (std::string bad : {"*1\r\n*2\r\n:1\r\n", "*1\r\n$5\r\nab\r\n", "*1\r\n?x\r\n",
                          "*1\r\n*9223372036854775807\r\n", "*1\r\n=4\r\nabcdef\r\n"}) {
    parts.clear();
    BOOST_TEST(!resp::split_array(bad, parts), bad);
  }
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

BOOST_AUTO_TEST_CASE(glob_of_many_stars_runs_in_polynomial_time) {
  // Exponential backtracking (CVE-2022-36021) would take ~C(65,20) steps.
  std::string text(65, 'a');
  std::string pattern;
  for (int i = 0; i < 20; ++i)
    pattern += "a*";
  BOOST_TEST(!glob_match(pattern + "b", text));
  BOOST_TEST(glob_match(pattern + "a", text));
  BOOST_TEST(!glob_match(pattern + "?b", text + "xb" + std::string(64, 'a')));
}

BOOST_AUTO_TEST_CASE(glob_agrees_with_a_reference_matcher) {
  // Dynamic programming over `*`, `?` and literals: the textbook definition.
  auto reference = [](const std::string& p, const std::string& t) {
    std::vector<std::vector<bool>> m(p.size() + 1, std::vector<bool>(t.size() + 1, false));
    m[p.size()][t.size()] = true;
    for (size_t i = p.size(); i-- > 0;)
      for (size_t j = t.size() + 1; j-- > 0;) {
        if (p[i] == '*')
          m[i][j] = m[i + 1][j] || (j < t.size() && m[i][j + 1]);
        else
          m[i][j] = j < t.size() && (p[i] == '?' || p[i] == t[j]) && m[i + 1][j + 1];
      }
    return bool{m[0][0]};
  };
  uint32_t seed = 12345;
  auto next = [&seed](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int round = 0; round < 20000; ++round) {
    std::string p, t;
    for (auto n = next(8); n > 0; --n)
      p += "ab*?"[next(4)];
    for (auto n = next(10); n > 0; --n)
      t += "ab"[next(2)];
    BOOST_TEST(glob_match(p, t) == reference(p, t), "pattern '" << p << "' text '" << t << "'");
  }
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
