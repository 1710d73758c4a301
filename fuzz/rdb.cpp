// RESTORE's payload reader (protocol/rdb): any object, sealed with a valid
// version and checksum so the fuzzer reaches the object readers, is read or
// refused with an error; what is read dumps and reads back the same. FUNCTION RESTORE's reader gets the
// same payload: read (and then dumped and read back the same) or refused.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/rdb.hpp"

namespace rdb = troupe::protocol::rdb;

namespace {

bool same(const rdb::value& a, const rdb::value& b) {
  return a.type == b.type && a.text == b.text && a.items == b.items && a.fields == b.fields
         && a.scored == b.scored && a.stream == b.stream;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string payload(reinterpret_cast<const char*>(data), size);
  payload.append("\x0a\x00", 2);
  auto crc = rdb::crc64(0, payload);
  for (int i = 0; i < 8; ++i)
    payload.push_back(static_cast<char>((crc >> (8 * i)) & 0xff));
  std::string error;
  if (auto codes = rdb::restore_functions(payload, error)) {
    std::vector<std::string_view> views(codes->begin(), codes->end());
    auto back = rdb::restore_functions(rdb::dump_functions(views), error);
    if (!back || *back != *codes)
      std::abort();
  } else if (error.empty()) {
    std::abort();
  }
  error.clear();
  auto v = rdb::restore(payload, error);
  if (!v) {
    if (error.empty())
      std::abort();
    return 0;
  }
  auto again = rdb::restore(rdb::dump(*v), error);
  if (!again || !same(*v, *again))
    std::abort();
  return 0;
}
