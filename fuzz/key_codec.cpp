// The storage key codec: components and partition prefixes written then read
// give back what was written, keys keep the order of their components, and
// any bytes given to the decoders are refused or decoded — never misread.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "storage/key_codec.hpp"

namespace st = troupe::storage;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  troupe::fuzz::fuzz_input in{data, size};
  auto high = in.byte();
  troupe::partition_id p{static_cast<uint16_t>(high << 8 | in.byte())};
  auto a = std::string{in.string()};
  auto b = std::string{in.string()};
  auto key = st::state_key(p, a, b);
  auto parts = st::decode_state_key(key);
  if (!parts || parts->trace_id != a || parts->key != b)
    std::abort();
  // Component order is key order: (a, x) < (b, y) whenever a < b.
  auto other = std::string{in.string()};
  if (a < other && !(st::state_key(p, a, b) < st::state_key(p, other, b)))
    std::abort();
  auto raw = in.rest();
  (void)st::decode_state_key(raw);
  (void)st::decode_stream_key(raw);
  (void)st::decode_queue_key(raw);
  (void)st::decode_kv_key(raw);
  (void)st::decode_kv_field_owner(raw);
  std::string_view view = raw;
  while (st::read_component(view)) {
  }
  return 0;
}
