// The DUMP/RESTORE payload codec (protocol/rdb): what redis-server 7.0.15
// DUMPs (the compact encodings included) reads back to its values, what
// dump() writes reads back to the same value, and broken payloads get
// Redis's errors.
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "protocol/rdb.hpp"

namespace rdb = troupe::protocol::rdb;

namespace {

std::string unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out.push_back(static_cast<char>(std::stoi(std::string{hex.substr(i, 2)}, nullptr, 16)));
  return out;
}

rdb::value must_restore(std::string_view payload) {
  std::string error;
  auto v = rdb::restore(payload, error);
  BOOST_TEST_REQUIRE(v.has_value(), error);
  return *v;
}

std::string restore_error(std::string_view payload) {
  std::string error;
  auto v = rdb::restore(payload, error);
  BOOST_TEST(!v.has_value());
  return error;
}

using strings = std::vector<std::string>;
using pairs = std::vector<std::pair<std::string, std::string>>;

} // namespace

BOOST_AUTO_TEST_SUITE(rdb_codec)

BOOST_AUTO_TEST_CASE(crc64_is_redis_s) {
  BOOST_TEST(rdb::crc64(0, "123456789") == 0xe9c6d914c4b8d9caull);
}

BOOST_AUTO_TEST_CASE(redis_7_payloads_read_back) {
  // Each payload as redis-server 7.0.15 DUMPed it.
  BOOST_TEST(must_restore(unhex("000568656c6c6f0a006372df766534200a")).text == "hello");
  BOOST_TEST(must_restore(unhex("00c139300a009d94ea2793fc08b9")).text == "12345");  // int16
  BOOST_TEST(must_restore(unhex("00c30940c8016161e0bb000161610a001f99f72e01b20de3")).text
             == std::string(200, 'a'));  // LZF
  auto list = must_restore(unhex("120102c31b405b135b00000005008161028162020c01dffb02e04678e03c00"
                                 "0148ff0a00db99677cb385702f"));  // quicklist of a listpack
  BOOST_TEST((list.type == rdb::value::kind::list));
  BOOST_TEST(list.items == (strings{"a", "b", "12", "-5", std::string(70, 'x')}));
  auto hash = must_restore(unhex("10151500000004008266310382763103816e02c12c02ff0a00c433092b1ae3e4d1"));
  BOOST_TEST((hash.type == rdb::value::kind::hash));
  BOOST_TEST(hash.fields == (pairs{{"f1", "v1"}, {"n", "300"}}));
  auto big_hash = must_restore(unhex("04020167c0020166c3094064017979e057000179790a00881c975caa376e3e"));
  BOOST_TEST(big_hash.fields == (pairs{{"g", "2"}, {"f", std::string(100, 'y')}}));
  auto intset = must_restore(unhex("0b180400000004000000fdffffff0100000002000000701101000a0015ef637b140fcd64"));
  BOOST_TEST((intset.type == rdb::value::kind::set));
  BOOST_TEST(intset.items == (strings{"-3", "1", "2", "70000"}));
  auto set = must_restore(unhex("02030163016201610a005ea67e5623750bab"));
  BOOST_TEST(set.items == (strings{"c", "b", "a"}));
  auto zset = must_restore(unhex("111a1a0000000600816302dffd0281610283312e35048162020201ff0a0088c4c030f0ae8276"));
  BOOST_TEST((zset.type == rdb::value::kind::zset));
  BOOST_TEST_REQUIRE(zset.scored.size() == 3u);
  BOOST_TEST(zset.scored[0].first == "c");
  BOOST_TEST(zset.scored[0].second == -3.0);
  BOOST_TEST(zset.scored[1].first == "a");
  BOOST_TEST(zset.scored[1].second == 1.5);
  auto big_zset = must_restore(unhex("050201620000000000000440c3094064016161e05700016161000000000000f03f0a00"
                                     "72f867b071630721"));
  BOOST_TEST_REQUIRE(big_zset.scored.size() == 2u);
  BOOST_TEST(big_zset.scored[0].first == "b");
  BOOST_TEST(big_zset.scored[0].second == 2.5);
  BOOST_TEST(big_zset.scored[1].first == std::string(100, 'a'));
}

BOOST_AUTO_TEST_CASE(dump_reads_back_and_is_redis_s_for_a_string) {
  rdb::value s;
  s.text = "hello";
  BOOST_TEST(rdb::dump(s) == unhex("000568656c6c6f0a006372df766534200a"));

  rdb::value l;
  l.type = rdb::value::kind::list;
  l.items = {"a", std::string(70, 'x'), std::string(20000, 'y'), ""};
  BOOST_TEST(must_restore(rdb::dump(l)).items == l.items);

  rdb::value h;
  h.type = rdb::value::kind::hash;
  h.fields = {{"f", "v"}, {"n", "1"}};
  BOOST_TEST(must_restore(rdb::dump(h)).fields == h.fields);

  rdb::value z;
  z.type = rdb::value::kind::zset;
  z.scored = {{"lo", -1e300}, {"inf", INFINITY}, {"x", 0.1}};
  auto back = must_restore(rdb::dump(z));
  BOOST_TEST_REQUIRE(back.scored.size() == 3u);
  for (size_t i = 0; i < 3; ++i) {
    BOOST_TEST(back.scored[i].first == z.scored[i].first);
    BOOST_TEST(back.scored[i].second == z.scored[i].second);
  }
}

BOOST_AUTO_TEST_CASE(broken_payloads_get_redis_s_errors) {
  const std::string checksum = "ERR DUMP payload version or checksum are wrong";
  auto good = unhex("000568656c6c6f0a006372df766534200a");
  BOOST_TEST(restore_error("") == checksum);
  BOOST_TEST(restore_error("short") == checksum);
  auto flipped = good;
  flipped[2] ^= 1;
  BOOST_TEST(restore_error(flipped) == checksum);
  // A newer RDB version than Redis 7.2's (the checksum made right).
  auto newer = good.substr(0, good.size() - 10);
  newer += std::string{"\x63\x00", 2};
  auto crc = rdb::crc64(0, newer);
  for (int i = 0; i < 8; ++i)
    newer.push_back(static_cast<char>((crc >> (8 * i)) & 0xff));
  BOOST_TEST(restore_error(newer) == checksum);

  // Well checksummed but malformed: each is "Bad data format".
  auto sealed = [](std::string body) {
    body += std::string{"\x0a\x00", 2};
    auto c = rdb::crc64(0, body);
    for (int i = 0; i < 8; ++i)
      body.push_back(static_cast<char>((c >> (8 * i)) & 0xff));
    return body;
  };
  const std::string bad = "ERR Bad data format";
  BOOST_TEST(restore_error(sealed(std::string{"\x00\x09hello", 7})) == bad);       // too short
  BOOST_TEST(restore_error(sealed(std::string{"\x00\x05helloX", 8})) == bad);      // trailing byte
  BOOST_TEST(restore_error(sealed(std::string{"\x63", 1})) == bad);                // no such type
  BOOST_TEST(restore_error(sealed(std::string{"\x02\x00", 2})) == bad);            // an empty set
  BOOST_TEST(restore_error(sealed(std::string{"\x02\x02\x01" "a\x01" "a", 6})) == bad);  // a repeated member
  BOOST_TEST(restore_error(sealed(std::string{"\x00\xc3\x05\x40\x01\x61", 6})) == bad);  // LZF past its end
  BOOST_TEST(restore_error(sealed(std::string{"\x10\x03\x01\x02\x03", 5})) == bad);      // a listpack too short
  BOOST_TEST(restore_error(sealed(std::string{"\x0f\x00", 2})) == bad);               // a stream cut short
  // Past the value limit, before decompressing (200 bytes of LZF).
  std::string error;
  BOOST_TEST(!rdb::restore(unhex("00c30940c8016161e0bb000161610a001f99f72e01b20de3"), error, 100));
  BOOST_TEST(error == "ERR string exceeds maximum allowed size (100 bytes)");
}

BOOST_AUTO_TEST_CASE(streams_of_redis_5_to_7_read_back) {
  using id = rdb::stream_id;
  using fields = std::vector<std::pair<std::string, std::string>>;
  // redis-server 7.0.15: XADD s 1-1 a 1 b 2, 1-2 a 3 b 4, 2-0 c 5, 3-0 a 6 b 7;
  // XDEL s 1-2; XGROUP CREATE s g1 0 and g2 $; XREADGROUP GROUP g1 alice
  // COUNT 2; XGROUP CREATECONSUMER s g1 bob; XCLAIM s g1 bob 0 2-0.
  auto v = must_restore(unhex(
    "13011000000000000000010000000000000001c34044404a124a0000001f000301010102018161028162020020"
    "0900002001401102050103600902030104200b40130adfff02010181630205010620270002400f02060107201c"
    "00ff030300010101020402026731020081ffffffffffffffff02000000000000000100000000000000012201db"
    "37a201000001000000000000000200000000000000008001db37a2010000020205616c6963652201db37a20100"
    "00010000000000000001000000000000000103626f628001db37a2010000010000000000000002000000000000"
    "0000026732030081ffffffffffffffff00000a00f01391c7448b0aa1"));
  BOOST_TEST_REQUIRE((v.type == rdb::value::kind::stream));
  auto& s = v.stream;
  BOOST_TEST_REQUIRE(s.entries.size() == 3u);
  BOOST_TEST((s.entries[0].first == id{1, 1}));
  BOOST_TEST((s.entries[0].second == fields{{"a", "1"}, {"b", "2"}}));
  BOOST_TEST((s.entries[1].first == id{2, 0}));
  BOOST_TEST((s.entries[1].second == fields{{"c", "5"}}));
  BOOST_TEST((s.entries[2].second == fields{{"a", "6"}, {"b", "7"}}));
  BOOST_TEST((s.last == id{3, 0}));
  BOOST_TEST((s.max_deleted == id{1, 2}));
  BOOST_TEST(s.entries_added == 4u);
  BOOST_TEST_REQUIRE(s.groups.size() == 2u);
  auto& g1 = s.groups[0];
  BOOST_TEST(g1.name == "g1");
  BOOST_TEST((g1.last == id{2, 0}));
  BOOST_TEST(!g1.entries_read.has_value());
  BOOST_TEST_REQUIRE(g1.pending.size() == 2u);
  BOOST_TEST((g1.pending[0].id == id{1, 1}));
  BOOST_TEST(g1.pending[0].consumer == "alice");
  BOOST_TEST(g1.pending[0].delivery_count == 1u);
  BOOST_TEST(g1.pending[0].delivery_time == 1796233429282);
  BOOST_TEST(g1.pending[1].consumer == "bob");
  BOOST_TEST(g1.pending[1].delivery_count == 2u);
  BOOST_TEST_REQUIRE(g1.consumers.size() == 2u);
  BOOST_TEST(g1.consumers[1].name == "bob");
  BOOST_TEST(g1.consumers[1].seen_time == 1796233429376);
  BOOST_TEST(s.groups[1].pending.empty());
  // What DUMP writes of it (Redis 7.0's encoding) reads back the same.
  BOOST_TEST((must_restore(rdb::dump(v)).stream == s));

  // An empty stream (its only entry deleted) keeps its counters and group.
  auto e = must_restore(unhex("130000050000000500010103677270050081ffffffffffffffff00000a00988a244c236f29c4"));
  BOOST_TEST(e.stream.entries.empty());
  BOOST_TEST((e.stream.last == id{5, 0}));
  BOOST_TEST(e.stream.entries_added == 1u);
  BOOST_TEST(e.stream.groups.size() == 1u);
  BOOST_TEST((must_restore(rdb::dump(e)).stream == e.stream));

  // Redis 5 (RDB type 15, as Redis's suite has it): entries added and the
  // groups' read counts are estimated as Redis 7 does when it loads one.
  auto old = must_restore(unhex(
    "0f011000000000000000010000000000000000c3404a4057165700000023000201040101018464617461050001"
    "03010020010381610204200a0001400a0062600a0002400a0063600a4022018164200a4039200a0065600a0005"
    "400a0066200a00ff02060002026731050004000000000000000100000000000000003ef783437a010000010000"
    "00000000000200000000000000003ef783437a01000001000000000000000400000000000000003ef783437a01"
    "000001000000000000000500000000000000003ef783437a0100000101036331313ef783437a01000004000000"
    "000000000100000000000000000000000000000002000000000000000000000000000000040000000000000000"
    "000000000000000500000000000000000267320000000009003d52ef6867521dfa"));
  BOOST_TEST_REQUIRE(old.stream.entries.size() == 2u);
  BOOST_TEST((old.stream.entries[0].first == id{5, 0}));
  BOOST_TEST((old.stream.entries[0].second == fields{{"data", "e"}}));
  BOOST_TEST(old.stream.entries_added == 2u);
  BOOST_TEST_REQUIRE(old.stream.groups.size() == 2u);
  BOOST_TEST((old.stream.groups[0].entries_read == std::optional<uint64_t>{1}));
  BOOST_TEST(old.stream.groups[0].pending.size() == 4u);
  BOOST_TEST((old.stream.groups[1].entries_read == std::optional<uint64_t>{0}));
}

BOOST_AUTO_TEST_SUITE_END()
