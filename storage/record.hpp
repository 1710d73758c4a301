// The header every stored value carries (state, streams, queues, locks):
//
//   byte 0        format version (1)
//   bytes 1..8    revision      (u64, little-endian)
//   bytes 9..16   created_at_ms (i64)
//   bytes 17..24  updated_at_ms (i64)
//   bytes 25..32  expires_at_ms (i64, 0 = never)
//   bytes 33..    the value, as the client gave it
//
// Plain functions, no state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace troupe::storage {

struct record_header {
  uint64_t revision = 0;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  int64_t expires_at_ms = 0;

  /// True when the record has an expiry at or before `now_ms`.
  bool expired(int64_t now_ms) const {
    return expires_at_ms != 0 && expires_at_ms <= now_ms;
  }
};

constexpr size_t record_header_bytes = 33;
constexpr uint8_t record_format_version = 1;

/// Header and value in the stored layout.
std::string encode_record(const record_header& header, std::string_view value);

/// Splits a stored record. Returns false (and leaves the outputs unspecified)
/// when `raw` is too short or of an unknown format version.
bool decode_record(std::string_view raw, record_header& header,
                   std::string_view& value);

} // namespace troupe::storage
