#include "storage/key_codec.hpp"

#include <random>
#include <set>
#include <tuple>

#include <boost/test/unit_test.hpp>

#include "tests/support/seed.hpp"

using namespace troupe;
using namespace troupe::storage;

namespace {

std::string random_bytes(std::mt19937_64& rng) {
  // A small alphabet heavy in the bytes that break naive encodings.
  static const char alphabet[] = {'\0', '\x01', '\xFF', ':', '*', 'a', 'b', '\xC3', '\xA9'};
  std::uniform_int_distribution<int> len(0, 6);
  std::uniform_int_distribution<size_t> pick(0, sizeof(alphabet) - 1);
  std::string s;
  for (int n = len(rng); n > 0; --n)
    s.push_back(alphabet[pick(rng)]);
  return s;
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

BOOST_AUTO_TEST_SUITE(key_codec)

BOOST_AUTO_TEST_CASE(state_key_round_trips_any_bytes) {
  std::string nasty{"a\0b:*\xFF", 6};
  auto k = state_key(partition_id{513}, nasty, std::string{});
  auto parts = decode_state_key(k);
  BOOST_REQUIRE(parts);
  BOOST_TEST(parts->partition.value == 513);
  BOOST_TEST(parts->trace_id == nasty);
  BOOST_TEST(parts->key.empty());
  BOOST_TEST(static_cast<uint8_t>(k[0]) == 2);  // big-endian partition prefix
  BOOST_TEST(static_cast<uint8_t>(k[1]) == 1);
}

BOOST_AUTO_TEST_CASE(random_ids_never_collide_or_prefix_match_across_traces) {
  std::mt19937_64 rng{troupe::test::test_seed("key_codec.random_ids")};
  std::set<std::pair<std::string, std::string>> pairs;
  while (pairs.size() < 400)
    pairs.emplace(random_bytes(rng), random_bytes(rng));
  std::map<std::string, std::pair<std::string, std::string>> encoded;
  for (auto& [t, k] : pairs) {
    auto e = state_key(partition_id{7}, t, k);
    BOOST_TEST_REQUIRE(encoded.count(e) == 0, "two (trace, key) pairs share an encoding");
    encoded[e] = {t, k};
    auto back = decode_state_key(e);
    BOOST_REQUIRE(back);
    BOOST_TEST((back->trace_id == t && back->key == k));
  }
  // A trace's prefix selects exactly that trace's keys.
  std::set<std::string> traces;
  for (auto& p : pairs)
    traces.insert(p.first);
  for (auto& t : traces) {
    auto prefix = state_trace_prefix(partition_id{7}, t);
    for (auto& [e, tk] : encoded)
      BOOST_TEST_REQUIRE(starts_with(e, prefix) == (tk.first == t),
                         "trace prefix of one trace matched another's key");
  }
  // Encoded order is the order of the (trace, key) tuples.
  std::vector<std::pair<std::string, std::string>> by_encoding;
  for (auto& [e, tk] : encoded)
    by_encoding.push_back(tk);
  BOOST_TEST(std::is_sorted(by_encoding.begin(), by_encoding.end()));
}

BOOST_AUTO_TEST_CASE(partitions_never_share_keys) {
  auto a = state_trace_prefix(partition_id{1}, "t");
  auto b = state_key(partition_id{2}, "t", "k");
  BOOST_TEST(!starts_with(b, a));
  BOOST_TEST(!starts_with(b, partition_prefix(partition_id{1})));
}

BOOST_AUTO_TEST_CASE(malformed_keys_are_rejected) {
  BOOST_TEST(!decode_state_key("").has_value());
  BOOST_TEST(!decode_state_key(std::string{"\x00\x01" "abc", 5}).has_value());  // no terminator
  BOOST_TEST(!decode_state_key(std::string{"\x00\x01" "a\x00\x02", 6}).has_value());  // bad escape
  auto good = state_key(partition_id{1}, "t", "k");
  BOOST_TEST(!decode_state_key(good + "x").has_value());  // trailing bytes
}

BOOST_AUTO_TEST_CASE(prefix_end_bounds_every_extension) {
  BOOST_TEST(prefix_end("ab") == "ac");
  BOOST_TEST(prefix_end(std::string{"a\xFF"}) == "b");
  BOOST_TEST(prefix_end(std::string{"\xFF\xFF"}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
