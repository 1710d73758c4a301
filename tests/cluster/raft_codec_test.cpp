// raft_codec: frames and write batches survive the round trip field for
// field, and truncated or out-of-range input is refused, never half-read.
#include "cluster/raft_codec.hpp"

#include <algorithm>

#include <boost/test/unit_test.hpp>

using namespace troupe;

namespace {

raft::message full_message() {
  raft::message m;
  m.type = raft::message_type::append;
  m.from = raft::node_id{3};
  m.to = raft::node_id{1};
  m.term = raft::term_t{1ull << 40};
  m.index = 127;
  m.log_term = raft::term_t{128};
  m.commit = 300;
  m.reject = true;
  m.reject_hint = 99;
  m.transfer = true;
  m.context = 0xFFFFFFFFFFFFFFFFull;
  m.entries.push_back(raft::entry{raft::term_t{5}, 128, raft::entry_type::normal, std::string{"a\0b", 3}});
  m.entries.push_back(raft::entry{raft::term_t{5}, 129, raft::entry_type::config,
                                  raft::encode_config(raft::configuration{{raft::node_id{1}}, {}})});
  return m;
}

raft::message snapshot_message() {
  raft::message m;
  m.type = raft::message_type::snapshot;
  m.from = raft::node_id{1};
  m.to = raft::node_id{2};
  m.term = raft::term_t{4};
  m.snapshot.index = 77;
  m.snapshot.term = raft::term_t{3};
  m.snapshot.config.voters = {raft::node_id{1}, raft::node_id{2}};
  m.snapshot.config.learners = {raft::node_id{9}};
  m.snapshot_data = std::string(1000, 'x');
  m.chunk = 70000;
  m.more = true;
  return m;
}

void check_same(const raft::message& a, const raft::message& b) {
  BOOST_TEST((a.type == b.type));
  BOOST_TEST((a.from == b.from && a.to == b.to && a.term == b.term));
  BOOST_TEST(a.index == b.index);
  BOOST_TEST((a.log_term == b.log_term));
  BOOST_TEST(a.commit == b.commit);
  BOOST_TEST(a.reject == b.reject);
  BOOST_TEST(a.reject_hint == b.reject_hint);
  BOOST_TEST(a.transfer == b.transfer);
  BOOST_TEST(a.context == b.context);
  BOOST_TEST_REQUIRE(a.entries.size() == b.entries.size());
  for (size_t i = 0; i < a.entries.size(); ++i) {
    BOOST_TEST((a.entries[i].term == b.entries[i].term));
    BOOST_TEST(a.entries[i].index == b.entries[i].index);
    BOOST_TEST((a.entries[i].type == b.entries[i].type));
    BOOST_TEST(a.entries[i].data == b.entries[i].data);
  }
  BOOST_TEST(a.snapshot.index == b.snapshot.index);
  BOOST_TEST((a.snapshot.term == b.snapshot.term));
  BOOST_TEST((a.snapshot.config == b.snapshot.config));
  BOOST_TEST(a.snapshot_data == b.snapshot_data);
  BOOST_TEST(a.chunk == b.chunk);
  BOOST_TEST(a.more == b.more);
}

} // namespace

BOOST_AUTO_TEST_SUITE(raft_codec)

BOOST_AUTO_TEST_CASE(a_frame_carries_every_field_of_every_group) {
  raft::message ack;  // a snapshot chunk's acknowledgement, between drivers
  ack.type = raft::message_type::snapshot_ack;
  ack.from = raft::node_id{2};
  ack.to = raft::node_id{1};
  ack.term = raft::term_t{4};
  ack.index = 77;
  ack.context = 69999;
  std::vector<cluster::group_message> in{
    {7, full_message()}, {65535, snapshot_message()}, {3, ack}};
  auto bytes = cluster::encode_frame(in);
  std::vector<cluster::group_message> out;
  std::string error;
  BOOST_TEST_REQUIRE(cluster::decode_frame(bytes, out, error), error);
  BOOST_TEST_REQUIRE(out.size() == 3u);
  BOOST_TEST(out[0].group == 7);
  BOOST_TEST(out[1].group == 65535);
  BOOST_TEST(out[2].group == 3);
  for (size_t i = 0; i < in.size(); ++i)
    check_same(in[i].msg, out[i].msg);
}

BOOST_AUTO_TEST_CASE(a_truncated_message_is_refused_at_every_length) {
  for (auto& m : {full_message(), snapshot_message()}) {
    auto bytes = cluster::encode_frame({{1, m}});
    for (size_t cut = 1; cut < bytes.size(); ++cut) {
      std::vector<cluster::group_message> out;
      std::string error;
      BOOST_TEST(!cluster::decode_frame(std::string_view{bytes}.substr(0, cut), out, error),
                 "accepted a cut at " << cut);
      BOOST_TEST(out.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(out_of_range_values_are_refused) {
  std::vector<cluster::group_message> out;
  std::string error;
  // group 65536
  BOOST_TEST(!cluster::decode_frame(std::string{"\x80\x80\x04", 3}, out, error));
  // message type 200
  auto bytes = cluster::encode_frame({{1, full_message()}});
  bytes[1] = static_cast<char>(0x48);
  BOOST_TEST(!cluster::decode_frame(bytes, out, error));
  // a varint longer than 64 bits
  BOOST_TEST(!cluster::decode_frame(std::string(11, '\xff'), out, error));
  BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_CASE(a_write_batch_round_trips_in_order) {
  storage::write_batch b;
  b.put(storage::column::queues, "k1", std::string{"\0v", 2});
  b.remove(storage::column::state, "k2");
  b.remove_range(storage::column::kv, "a", "b");
  auto bytes = cluster::encode_batch(b);
  storage::write_batch out;
  std::string error;
  BOOST_TEST_REQUIRE(cluster::decode_batch(bytes, out, error), error);
  BOOST_TEST_REQUIRE(out.count() == 3u);
  for (size_t i = 0; i < 3; ++i) {
    BOOST_TEST((out.ops()[i].cf == b.ops()[i].cf));
    BOOST_TEST((out.ops()[i].what == b.ops()[i].what));
    BOOST_TEST(out.ops()[i].key == b.ops()[i].key);
    BOOST_TEST(out.ops()[i].value == b.ops()[i].value);
  }
  // A cut between two ops is a shorter batch; a cut inside one is refused.
  storage::write_batch first, first_two;
  first.put(storage::column::queues, "k1", std::string{"\0v", 2});
  first_two = first;
  first_two.remove(storage::column::state, "k2");
  auto between = {cluster::encode_batch(first).size(), cluster::encode_batch(first_two).size()};
  for (size_t cut = 1; cut < bytes.size(); ++cut) {
    storage::write_batch partial;
    bool boundary = std::find(between.begin(), between.end(), cut) != between.end();
    BOOST_TEST(cluster::decode_batch(std::string_view{bytes}.substr(0, cut), partial, error) == boundary,
               "cut at " << cut);
  }
  storage::write_batch bad;
  BOOST_TEST(!cluster::decode_batch(std::string{"\x09\x00\x00\x00", 4}, bad, error));
}

BOOST_AUTO_TEST_SUITE_END()
