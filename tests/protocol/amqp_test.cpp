// The AMQP 0-9-1 codec (protocol/amqp): frames fed in pieces, method
// arguments, field tables kept byte for byte, the basic class's content
// properties, and topic matching by RabbitMQ's rules.
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "protocol/amqp.hpp"

namespace amqp = troupe::protocol::amqp;

namespace boost::test_tools::tt_detail {
/// Failed checks print an optional's value, or "nullopt".
template <class T>
struct print_log_value<std::optional<T>> {
  void operator()(std::ostream& out, const std::optional<T>& v) {
    if constexpr (std::is_same_v<T, uint8_t>)
      out << (v ? std::to_string(*v) : "nullopt");
    else if (v)
      out << *v;
    else
      out << "nullopt";
  }
};
} // namespace boost::test_tools::tt_detail

namespace {

std::string frame_bytes(uint8_t type, uint16_t channel, const std::string& payload) {
  std::string out;
  amqp::append_frame(out, type, channel, payload);
  return out;
}

/// A table with one value of every kind the door builds, plus raw kinds it
/// only carries (a double, a decimal, a void).
amqp::field_table sample_table() {
  amqp::field_table inner{{"count", amqp::long_value(-3)}};
  return {{"s", amqp::string_value("text")},
          {"n", amqp::long_value(1234567890123)},
          {"yes", amqp::bool_value(true)},
          {"when", amqp::timestamp_value(1700000000)},
          {"inner", amqp::table_value(inner)},
          {"list", amqp::array_value({amqp::string_value("a"), amqp::long_value(2)})},
          {"d", amqp::field_value{'d', std::string("\x40\x09\x21\xfb\x54\x44\x2d\x18", 8)}},
          {"dec", amqp::field_value{'D', std::string("\x02\x00\x00\x01\x00", 5)}},
          {"void", amqp::field_value{'V', {}}}};
}

} // namespace

BOOST_AUTO_TEST_SUITE(amqp_codec)

BOOST_AUTO_TEST_CASE(frames_fed_byte_by_byte_come_out_whole) {
  std::string wire = std::string{amqp::protocol_header} + frame_bytes(amqp::method, 0, "abc")
                     + frame_bytes(amqp::heartbeat, 0, "") + frame_bytes(amqp::body, 7, "xyz!");
  amqp::frame_reader r{4096};
  std::vector<amqp::frame> got;
  bool header_taken = false;
  for (char ch : wire) {
    r.feed(&ch, 1);
    if (!header_taken) {
      if (auto h = r.take_raw(8)) {
        BOOST_TEST(*h == std::string{amqp::protocol_header});
        header_taken = true;
      }
      continue;
    }
    amqp::frame f;
    for (auto o = r.next(f); o == amqp::frame_reader::outcome::frame; o = r.next(f))
      got.push_back(f);
  }
  BOOST_TEST_REQUIRE(got.size() == 3u);
  BOOST_TEST(got[0].type == amqp::method);
  BOOST_TEST(got[0].payload == "abc");
  BOOST_TEST(got[1].type == amqp::heartbeat);
  BOOST_TEST(got[1].payload.empty());
  BOOST_TEST(got[2].channel == 7u);
  BOOST_TEST(got[2].payload == "xyz!");
  BOOST_TEST(r.buffered() == 0u);
}

BOOST_AUTO_TEST_CASE(a_frame_past_the_limit_or_without_its_end_octet_is_an_error) {
  amqp::frame_reader big{16};
  auto wire = frame_bytes(amqp::body, 1, std::string(9, 'x'));  // 17 bytes
  big.feed(wire.data(), 7);  // the size is known before the payload arrives
  amqp::frame f;
  BOOST_TEST((big.next(f) == amqp::frame_reader::outcome::error));
  BOOST_TEST(big.error().find("larger than the negotiated frame_max") != std::string::npos);

  amqp::frame_reader bad{4096};
  wire = frame_bytes(amqp::body, 1, "x");
  wire.back() = '\x00';
  bad.feed(wire.data(), wire.size());
  BOOST_TEST((bad.next(f) == amqp::frame_reader::outcome::error));
  BOOST_TEST(bad.error() == "frame does not end with 0xCE");

  amqp::frame_reader partial{4096};
  wire = frame_bytes(amqp::body, 1, "hello");
  partial.feed(wire.data(), 9);
  BOOST_TEST((partial.next(f) == amqp::frame_reader::outcome::need_more));
  BOOST_TEST(partial.bytes_wanted() == wire.size() - 9);
}

BOOST_AUTO_TEST_CASE(arguments_read_back_as_written_with_bits_packed) {
  auto args = amqp::writer{}
                .short_(0)
                .shortstr("queue")
                .bit(false)
                .bit(true)
                .bit(true)
                .octet(9)
                .long_(0xDEADBEEF)
                .longlong(0x0102030405060708)
                .longstr(std::string("a\0b", 3))
                .table(sample_table())
                .bit(true)
                .take();
  // The three bits share one octet: 0b110.
  BOOST_TEST(static_cast<int>(args[8]) == 6);
  amqp::reader r{args};
  BOOST_TEST(r.short_() == 0u);
  BOOST_TEST(r.shortstr() == "queue");
  BOOST_TEST(!r.bit());
  BOOST_TEST(r.bit());
  BOOST_TEST(r.bit());
  BOOST_TEST(r.octet() == 9u);
  BOOST_TEST(r.long_() == 0xDEADBEEFu);
  BOOST_TEST(r.longlong() == 0x0102030405060708u);
  BOOST_TEST(r.longstr() == std::string("a\0b", 3));
  auto t = r.table();
  BOOST_TEST(r.bit());
  BOOST_TEST(r.ok());
  BOOST_TEST(r.rest().empty());
  BOOST_TEST_REQUIRE(t.size() == sample_table().size());
  // Every value comes back byte for byte, the ones the door never reads too.
  BOOST_TEST(amqp::writer{}.table(t).take() == amqp::writer{}.table(sample_table()).take());
  BOOST_TEST(amqp::find_field(t, "s")->as_string() == std::optional<std::string>{"text"});
  BOOST_TEST(amqp::find_field(t, "n")->as_int() == std::optional<int64_t>{1234567890123});
  BOOST_TEST(amqp::find_field(t, "yes")->as_bool() == std::optional<bool>{true});
  BOOST_TEST(amqp::find_field(t, "d")->raw.size() == 8u);
  BOOST_TEST(amqp::find_field(t, "missing") == nullptr);
  amqp::field_table inner;
  BOOST_TEST_REQUIRE(amqp::decode_table_value(amqp::find_field(t, "inner")->raw, inner));
  BOOST_TEST(amqp::find_field(inner, "count")->as_int() == std::optional<int64_t>{-3});
  std::vector<amqp::field_value> items;
  BOOST_TEST_REQUIRE(amqp::decode_array(amqp::find_field(t, "list")->raw, items));
  BOOST_TEST_REQUIRE(items.size() == 2u);
  BOOST_TEST(items[1].as_int() == std::optional<int64_t>{2});
}

BOOST_AUTO_TEST_CASE(integers_of_every_width_keep_their_sign) {
  BOOST_TEST(amqp::field_value({'b', "\xFF"}).as_int() == std::optional<int64_t>{-1});
  BOOST_TEST(amqp::field_value({'B', "\xFF"}).as_int() == std::optional<int64_t>{255});
  BOOST_TEST(amqp::field_value({'s', "\xFF\xFE"}).as_int() == std::optional<int64_t>{-2});
  BOOST_TEST(amqp::field_value({'u', "\xFF\xFE"}).as_int() == std::optional<int64_t>{65534});
  BOOST_TEST(amqp::field_value({'I', "\xFF\xFF\xFF\xFD"}).as_int() == std::optional<int64_t>{-3});
  BOOST_TEST(amqp::field_value({'i', "\xFF\xFF\xFF\xFD"}).as_int()
             == std::optional<int64_t>{4294967293});
  BOOST_TEST(amqp::long_value(-5).as_int() == std::optional<int64_t>{-5});
  BOOST_TEST(!amqp::string_value("5").as_int());
  BOOST_TEST(!amqp::long_value(1).as_string());
}

BOOST_AUTO_TEST_CASE(truncated_or_malformed_arguments_are_caught_once) {
  auto args = amqp::writer{}.shortstr("queue").long_(7).take();
  args.pop_back();
  amqp::reader r{args};
  BOOST_TEST(r.shortstr() == "queue");
  BOOST_TEST(r.long_() == 0u);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.octet() == 0u);  // once failed, it stays failed
  BOOST_TEST(!r.ok());

  // A table entry of an unknown type, and one whose length runs past its end.
  std::string unknown = amqp::writer{}.long_(3).take() + std::string("\x01k?", 3);
  amqp::reader r2{unknown};
  r2.table();
  BOOST_TEST(!r2.ok());
  std::string overlong =
    amqp::writer{}.long_(7).take() + std::string("\x01kS\x00\x00\x00\x09", 8).substr(0, 7);
  amqp::reader r3{overlong};
  r3.table();
  BOOST_TEST(!r3.ok());
  std::vector<amqp::field_value> items;
  BOOST_TEST(!amqp::decode_array(std::string("\x00\x00\x00\x05S\x00\x00\x00\x09", 9), items));
  amqp::field_table t;
  BOOST_TEST(!amqp::decode_table_value(std::string("\x00\x00\x00\x09", 4), t));
}

BOOST_AUTO_TEST_CASE(content_properties_are_read_and_headers_replaced_in_place) {
  // content-type, headers, delivery-mode 2, priority 5, expiration "60000",
  // app-id: flags 0xA000 | 0x1000 | 0x0800 | 0x0100 | 0x0008.
  amqp::field_table headers{{"x-attempt", amqp::long_value(1)}};
  std::string raw = amqp::writer{}
                      .short_(0xA000 | 0x1000 | 0x0800 | 0x0100 | 0x0008)
                      .shortstr("application/json")
                      .table(headers)
                      .octet(2)
                      .octet(5)
                      .shortstr("60000")
                      .shortstr("iii")
                      .take();
  auto payload = amqp::content_header(42, raw);
  uint16_t class_id = 0;
  uint64_t size = 0;
  amqp::properties props;
  BOOST_TEST_REQUIRE(amqp::decode_content_header(payload, class_id, size, props));
  BOOST_TEST(class_id == 60u);
  BOOST_TEST(size == 42u);
  BOOST_TEST(props.raw == raw);
  BOOST_TEST(props.expiration == std::optional<std::string>{"60000"});
  BOOST_TEST(props.priority == std::optional<uint8_t>{5});
  BOOST_TEST_REQUIRE(props.headers.has_value());
  BOOST_TEST(amqp::find_field(*props.headers, "x-attempt")->as_int() == std::optional<int64_t>{1});

  amqp::field_table more{{"x-attempt", amqp::long_value(2)}, {"x-death", amqp::string_value("d")}};
  auto replaced = amqp::with_headers(raw, more);
  BOOST_TEST_REQUIRE(replaced.has_value());
  amqp::properties again;
  BOOST_TEST_REQUIRE(amqp::decode_content_header(amqp::content_header(0, *replaced), class_id,
                                                 size, again));
  BOOST_TEST(again.headers->size() == 2u);
  BOOST_TEST(amqp::find_field(*again.headers, "x-attempt")->as_int() == std::optional<int64_t>{2});
  BOOST_TEST(again.expiration == props.expiration);
  BOOST_TEST(again.priority == props.priority);
  BOOST_TEST(replaced->substr(replaced->size() - 4) == std::string("\x03iii", 4));

  // Properties without headers gain them where the flag order puts them.
  std::string plain = amqp::writer{}.short_(0x8000 | 0x1000).shortstr("text/plain").octet(1).take();
  auto added = amqp::with_headers(plain, headers);
  BOOST_TEST_REQUIRE(added.has_value());
  BOOST_TEST(*added == amqp::writer{}
                         .short_(0x8000 | 0x2000 | 0x1000)
                         .shortstr("text/plain")
                         .table(headers)
                         .octet(1)
                         .take());
  // No properties at all.
  BOOST_TEST(*amqp::with_headers("", headers) == amqp::writer{}.short_(0x2000).table(headers).take());

  // Dead-lettering drops the expiration and keeps the rest as it was.
  auto stripped = amqp::without_expiration(raw);
  BOOST_TEST_REQUIRE(stripped.has_value());
  BOOST_TEST(*stripped == amqp::writer{}
                            .short_(0xA000 | 0x1000 | 0x0800 | 0x0008)
                            .shortstr("application/json")
                            .table(headers)
                            .octet(2)
                            .octet(5)
                            .shortstr("iii")
                            .take());
  auto reread = amqp::decode_properties(*stripped);
  BOOST_TEST_REQUIRE(reread.has_value());
  BOOST_TEST(!reread->expiration.has_value());
  BOOST_TEST(reread->priority == std::optional<uint8_t>{5});
  BOOST_TEST(*amqp::without_expiration(plain) == plain);
}

BOOST_AUTO_TEST_CASE(malformed_content_headers_are_refused) {
  uint16_t class_id = 0;
  uint64_t size = 0;
  amqp::properties props;
  BOOST_TEST(!amqp::decode_content_header(std::string(13, '\0'), class_id, size, props));
  // The flags announce a content type that is not there.
  auto missing = amqp::content_header(1, amqp::writer{}.short_(0x8000).take());
  BOOST_TEST(!amqp::decode_content_header(missing, class_id, size, props));
  // Bytes after the last property.
  auto trailing = amqp::content_header(1, amqp::writer{}.short_(0).octet(1).take());
  BOOST_TEST(!amqp::decode_content_header(trailing, class_id, size, props));
  // A continuation flag: no basic property needs one.
  auto continued = amqp::content_header(1, amqp::writer{}.short_(1).take());
  BOOST_TEST(!amqp::decode_content_header(continued, class_id, size, props));
  BOOST_TEST(!amqp::with_headers(amqp::writer{}.short_(0x8000).take(), {}).has_value());
}

BOOST_AUTO_TEST_CASE(topic_patterns_match_as_rabbitmq_matches_them) {
  struct match_case {
    const char* pattern;
    const char* key;
    bool matches;
  };
  for (auto c : std::vector<match_case>{
         {"a.b", "a.b", true},       {"a.b", "a.c", false},     {"a.*", "a.b", true},
         {"a.*", "a", false},        {"a.*", "a.b.c", false},   {"a.#", "a", true},
         {"a.#", "a.b.c", true},     {"#", "", true},           {"#", "a.b", true},
         {"*", "", false},           {"*", "a", true},          {"#.b", "b", true},
         {"#.b", "a.x.b", true},     {"#.b", "a.b.c", false},   {"a.#.b", "a.b", true},
         {"a.#.b", "a.x.y.b", true}, {"a.#.b", "a.x.y", false}, {"*.*", "a..", false},
         {"*.*.*", "a..", true},     {"", "", true},            {"", "a", false},
         {"#.#.#.#.#.z", "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a", false}}) {
    BOOST_TEST(amqp::topic_matches(c.pattern, c.key) == c.matches,
               c.pattern << " vs " << c.key);
  }
}

BOOST_AUTO_TEST_SUITE_END()
