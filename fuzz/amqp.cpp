// The AMQP door's codec: any bytes, fed in pieces, give frames within the
// limit or an error — never a crash. Each frame's payload is then read the
// ways the door reads one: as method arguments (a table read back must
// re-encode to the very bytes it came from), as a content header (headers
// replaced must decode again with every other property kept), and split in
// two as a topic pattern and a routing key.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "protocol/amqp.hpp"

namespace amqp = troupe::protocol::amqp;

namespace {

void check(bool ok) {
  if (!ok)
    std::abort();
}

void read_arguments(std::string_view payload) {
  amqp::reader r{payload};
  r.short_();
  r.short_();
  // A mix of the argument kinds methods have, until the payload runs out.
  while (r.ok() && !r.rest().empty()) {
    auto before = r.rest();
    switch (static_cast<uint8_t>(before.front()) % 5) {
      case 0: r.bit(); r.bit(); r.octet(); break;
      case 1: r.shortstr(); break;
      case 2: r.longstr(); break;
      case 3: r.longlong(); break;
      default: {
        auto t = r.table();
        if (r.ok()) {
          auto used = before.substr(0, before.size() - r.rest().size());
          check(amqp::writer{}.table(t).take() == used);
          for (auto& [name, v] : t) {
            v.as_int();
            v.as_string();
            v.as_bool();
            std::vector<amqp::field_value> items;
            amqp::field_table inner;
            if (v.type == 'A' && amqp::decode_array(v.raw, items))
              check(amqp::array_value(items).raw == v.raw);
            if (v.type == 'F' && amqp::decode_table_value(v.raw, inner))
              check(amqp::table_value(inner).raw == v.raw);
          }
        }
      }
    }
  }
}

void read_content_header(std::string_view payload) {
  uint16_t class_id = 0;
  uint64_t size = 0;
  amqp::properties props;
  if (!amqp::decode_content_header(payload, class_id, size, props))
    return;
  amqp::field_table headers = props.headers.value_or(amqp::field_table{});
  headers.emplace_back("x-fuzz", amqp::long_value(1));
  auto replaced = amqp::with_headers(props.raw, headers);
  check(replaced.has_value());
  amqp::properties again;
  uint64_t size_again = 0;
  check(amqp::decode_content_header(amqp::content_header(size, *replaced), class_id, size_again,
                                    again));
  check(size_again == size);
  check(again.headers.has_value() && again.headers->size() == headers.size());
  check(again.expiration == props.expiration);
  check(again.priority == props.priority);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  troupe::fuzz::fuzz_input in{data, size};
  size_t limit = amqp::frame_overhead + in.byte() * 64;
  size_t piece = 1 + in.byte();
  bool header_first = (in.byte() & 1) != 0;
  auto bytes = in.rest();
  amqp::frame_reader reader{limit};
  amqp::frame f;
  for (size_t at = 0; at < bytes.size(); at += piece) {
    auto n = std::min(piece, bytes.size() - at);
    reader.feed(bytes.data() + at, n);
    if (header_first) {
      if (!reader.take_raw(amqp::protocol_header.size()))
        continue;
      header_first = false;
    }
    for (;;) {
      auto got = reader.next(f);
      if (got == amqp::frame_reader::outcome::error)
        return 0;
      if (got == amqp::frame_reader::outcome::need_more)
        break;
      check(f.payload.size() + amqp::frame_overhead <= limit);
      std::string again;
      amqp::append_frame(again, f.type, f.channel, f.payload);
      check(again.size() == f.payload.size() + amqp::frame_overhead);
      read_arguments(f.payload);
      read_content_header(f.payload);
      auto half = f.payload.size() / 2;
      std::string_view p{f.payload};
      amqp::topic_matches(p.substr(0, std::min<size_t>(half, 255)),
                          p.substr(half, std::min<size_t>(p.size() - half, 255)));
    }
  }
  return 0;
}
