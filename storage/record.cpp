#include "storage/record.hpp"

#include <cstring>

namespace troupe::storage {

namespace {

void put_u64(std::string& out, uint64_t x) {
  char buf[8];
  for (int i = 0; i < 8; ++i)
    buf[i] = static_cast<char>((x >> (8 * i)) & 0xFF);
  out.append(buf, 8);
}

uint64_t get_u64(const char* p) {
  uint64_t x = 0;
  for (int i = 7; i >= 0; --i)
    x = (x << 8) | static_cast<uint8_t>(p[i]);
  return x;
}

} // namespace

std::string encode_record(const record_header& header, std::string_view value) {
  std::string out;
  out.reserve(record_header_bytes + value.size());
  out.push_back(static_cast<char>(record_format_version));
  put_u64(out, header.revision);
  put_u64(out, static_cast<uint64_t>(header.created_at_ms));
  put_u64(out, static_cast<uint64_t>(header.updated_at_ms));
  put_u64(out, static_cast<uint64_t>(header.expires_at_ms));
  out.append(value);
  return out;
}

bool decode_record(std::string_view raw, record_header& header,
                   std::string_view& value) {
  if (raw.size() < record_header_bytes
      || static_cast<uint8_t>(raw[0]) != record_format_version)
    return false;
  const char* p = raw.data() + 1;
  header.revision = get_u64(p);
  header.created_at_ms = static_cast<int64_t>(get_u64(p + 8));
  header.updated_at_ms = static_cast<int64_t>(get_u64(p + 16));
  header.expires_at_ms = static_cast<int64_t>(get_u64(p + 24));
  value = raw.substr(record_header_bytes);
  return true;
}

} // namespace troupe::storage
