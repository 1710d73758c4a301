// The RESP door's parser: any bytes, fed in pieces, give commands, a
// protocol error, or a request for more — never a crash or a command larger
// than the limit (an inline command: than Redis's 64 KiB line limit).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz/fuzz_input.hpp"
#include "protocol/resp.hpp"

namespace resp = troupe::protocol::resp;

constexpr size_t inline_limit = 64 * 1024;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  troupe::fuzz::fuzz_input in{data, size};
  size_t limit = 16 + in.byte() * 64;
  size_t piece = 1 + in.byte();
  auto bytes = in.rest();
  resp::parser parser{limit};
  std::vector<std::string> args;
  for (size_t at = 0; at < bytes.size(); at += piece) {
    auto n = std::min(piece, bytes.size() - at);
    parser.feed(bytes.data() + at, n);
    for (;;) {
      auto got = parser.next(args);
      if (got == resp::parser::outcome::error)
        return 0;
      if (got == resp::parser::outcome::need_more)
        break;
      size_t total = 0;
      for (auto& a : args)
        total += a.size();
      if (args.empty() || total > std::max(limit, inline_limit))
        std::abort();
    }
  }
  return 0;
}
