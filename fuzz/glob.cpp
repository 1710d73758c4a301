// Redis glob patterns (KEYS, SCAN MATCH, PSUBSCRIBE): any pattern on any key
// ends in bounded time (the fuzzer's -timeout catches a regression to
// exponential backtracking); a pattern always matches itself with its
// special characters escaped.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz/fuzz_input.hpp"
#include "storage/glob.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  troupe::fuzz::fuzz_input in{data, size};
  auto pattern = in.string(255);
  auto text = in.rest();
  (void)troupe::storage::glob_match(pattern, text);
  std::string escaped;
  for (char c : text) {
    if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
      escaped += '\\';
    escaped += c;
  }
  if (!troupe::storage::glob_match(escaped, text))
    std::abort();
  if (!troupe::storage::glob_match("*", text))
    std::abort();
  return 0;
}
