// The client protocol's framing and request decoding: any bytes, cut at any
// point, give frames that re-encode to the same bytes, a refusal, or a
// request for more; a request routes to at most one partition key.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "cluster/request_route.hpp"
#include "fuzz/fuzz_input.hpp"
#include "protocol/frame_codec.hpp"
#include "protocol/troupe.pb.h"

using troupe::protocol::frame_decoder;

namespace {

/// Takes every buffered frame; false once the stream is refused.
bool drain(frame_decoder& dec) {
  troupe::v1::Frame frame;
  for (;;) {
    switch (dec.next(frame)) {
      case frame_decoder::outcome::need_more:
        if (dec.bytes_wanted() == 0)
          std::abort();
        return true;
      case frame_decoder::outcome::too_large:
      case frame_decoder::outcome::malformed:
        return false;
      case frame_decoder::outcome::frame: {
        if (frame.has_request())
          (void)troupe::cluster::route_of(frame.request());
        // What was accepted re-encodes and decodes to the same frame.
        std::vector<char> again;
        troupe::protocol::append_frame(again, frame);
        frame_decoder check{again.size()};
        check.feed(again.data(), again.size());
        troupe::v1::Frame back;
        if (check.next(back) != frame_decoder::outcome::frame
            || back.SerializeAsString() != frame.SerializeAsString())
          std::abort();
        frame.Clear();
        break;
      }
    }
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  troupe::fuzz::fuzz_input in{data, size};
  size_t limit = 64 + in.byte() * 256;  // small limits reach the too_large path
  auto cut = in.byte();
  auto bytes = in.rest();
  frame_decoder dec{limit};
  auto first = std::min<size_t>(cut, bytes.size());
  dec.feed(bytes.data(), first);
  if (drain(dec)) {
    dec.feed(bytes.data() + first, bytes.size() - first);
    drain(dec);
  }
  return 0;
}
