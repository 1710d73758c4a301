#include "storage/record.hpp"

#include <boost/test/unit_test.hpp>

using namespace troupe::storage;

BOOST_AUTO_TEST_SUITE(record)

BOOST_AUTO_TEST_CASE(header_and_value_round_trip) {
  record_header h{42, -5, 1'700'000'000'000, 1'800'000'000'000};
  std::string value{"{\"a\":1}\0tail", 12};
  auto raw = encode_record(h, value);
  BOOST_TEST(raw.size() == record_header_bytes + value.size());
  record_header back;
  std::string_view v;
  BOOST_REQUIRE(decode_record(raw, back, v));
  BOOST_TEST(back.revision == 42u);
  BOOST_TEST(back.created_at_ms == -5);
  BOOST_TEST(back.updated_at_ms == 1'700'000'000'000);
  BOOST_TEST(back.expires_at_ms == 1'800'000'000'000);
  BOOST_TEST(v == value);
}

BOOST_AUTO_TEST_CASE(short_or_unknown_format_is_rejected) {
  record_header h;
  std::string_view v;
  BOOST_TEST(!decode_record("", h, v));
  BOOST_TEST(!decode_record(std::string(record_header_bytes - 1, '\x01'), h, v));
  auto raw = encode_record({1, 2, 3, 4}, "x");
  raw[0] = 9;
  BOOST_TEST(!decode_record(raw, h, v));
}

BOOST_AUTO_TEST_CASE(expiry_is_inclusive_and_zero_means_never) {
  record_header h;
  BOOST_TEST(!h.expired(1'000'000));
  h.expires_at_ms = 100;
  BOOST_TEST(!h.expired(99));
  BOOST_TEST(h.expired(100));
  BOOST_TEST(h.expired(101));
}

BOOST_AUTO_TEST_SUITE_END()
