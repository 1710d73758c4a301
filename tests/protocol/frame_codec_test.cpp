#include "protocol/frame_codec.hpp"

#include <boost/test/unit_test.hpp>

#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"

using namespace troupe;
using namespace troupe::protocol;

BOOST_AUTO_TEST_SUITE(frame_codec)

BOOST_AUTO_TEST_CASE(frames_split_across_reads_decode_in_order) {
  std::vector<char> wire;
  for (uint64_t id = 1; id <= 3; ++id) {
    v1::Frame f;
    f.set_id(id);
    f.mutable_request()->mutable_state_get()->set_trace_id("t" + std::to_string(id));
    append_frame(wire, f);
  }
  frame_decoder dec;
  v1::Frame out;
  std::vector<uint64_t> ids;
  for (char c : wire) {  // one byte at a time
    dec.feed(&c, 1);
    while (dec.next(out) == frame_decoder::outcome::frame)
      ids.push_back(out.id());
  }
  BOOST_TEST((ids == std::vector<uint64_t>{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(response_frames_equal_regular_frames) {
  v1::Response resp;
  resp.mutable_value()->set_found(true);
  resp.mutable_value()->set_value(std::string(300, 'x'));
  std::vector<char> fast;
  append_response_frame(fast, 300, resp);
  frame_decoder dec;
  dec.feed(fast.data(), fast.size());
  v1::Frame out;
  BOOST_REQUIRE(dec.next(out) == frame_decoder::outcome::frame);
  BOOST_TEST(out.id() == 300u);
  BOOST_TEST(out.response().value().value().size() == 300u);
}

BOOST_AUTO_TEST_CASE(oversized_length_prefix_is_refused_before_buffering) {
  frame_decoder dec{1024};
  const char prefix[] = {'\x80', 0, 0, 0};  // 2^31
  dec.feed(prefix, 4);
  v1::Frame out;
  BOOST_TEST((dec.next(out) == frame_decoder::outcome::too_large));
  BOOST_TEST(dec.rejected_length() == (uint64_t{1} << 31));
  BOOST_TEST((dec.next(out) == frame_decoder::outcome::too_large));  // stays broken
}

BOOST_AUTO_TEST_CASE(error_messages_are_always_valid_utf8) {
  BOOST_TEST(utf8_safe("plain ascii") == "plain ascii");
  BOOST_TEST(utf8_safe("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
  BOOST_TEST(utf8_safe("id \xFF\xFE") == "id \\xFF\\xFE");
  BOOST_TEST(utf8_safe("\xC0\xAF") == "\\xC0\\xAF");                    // overlong '/'
  BOOST_TEST(utf8_safe("\xED\xA0\x80") == "\\xED\\xA0\\x80");            // a surrogate
  BOOST_TEST(utf8_safe("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  BOOST_TEST(utf8_safe("cut \xE2\x82") == "cut \\xE2\\x82");               // truncated
  BOOST_TEST(utf8_safe(std::string{"nul\0ok", 6}) == std::string("nul\0ok", 6));
  // What set_error writes survives a strict parser.
  v1::Response resp;
  set_error(resp, error_code::not_found, "step '\xFE' is unknown");
  v1::Response back;
  BOOST_TEST_REQUIRE(back.ParseFromString(resp.SerializeAsString()));
  BOOST_TEST(back.error().message() == "step '\\xFE' is unknown");
}

BOOST_AUTO_TEST_CASE(garbage_body_is_malformed) {
  frame_decoder dec;
  const char bad[] = {0, 0, 0, 3, '\xFF', '\xFF', '\xFF'};
  dec.feed(bad, sizeof(bad));
  v1::Frame out;
  BOOST_TEST((dec.next(out) == frame_decoder::outcome::malformed));
}

BOOST_AUTO_TEST_CASE(partial_frame_waits_for_more) {
  frame_decoder dec;
  const char part[] = {0, 0, 0, 10, 8};
  dec.feed(part, sizeof(part));
  v1::Frame out;
  BOOST_TEST((dec.next(out) == frame_decoder::outcome::need_more));
}

BOOST_AUTO_TEST_SUITE_END()
