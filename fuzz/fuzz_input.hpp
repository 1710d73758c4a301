// fuzz_input: splits one fuzzer input into the pieces a target needs
// (numbers, strings), deterministically, so every input is a valid case.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace troupe::fuzz {

class fuzz_input {
public:
  fuzz_input(const uint8_t* data, size_t size)
    : rest_(reinterpret_cast<const char*>(data), size) {}

  /// One byte (0 once the input is used up).
  uint8_t byte() {
    if (rest_.empty())
      return 0;
    auto b = static_cast<uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }

  /// A string of up to `max` bytes: its length is the next byte.
  std::string_view string(size_t max = 255) {
    size_t n = byte();
    n = std::min({n, max, rest_.size()});
    auto out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }

  /// Everything not yet taken.
  std::string_view rest() const { return rest_; }

private:
  std::string_view rest_;
};

} // namespace troupe::fuzz
