// rdb: Redis's serialization of one value, as DUMP gives it and RESTORE
// takes it: an RDB object (type byte, then the object), the RDB version (2
// bytes) and a CRC-64 of all of it (8 bytes). The RESP door's DUMP writes the
// plain encodings every Redis since 2.x loads (strings, lists, sets, hashes,
// sorted sets with binary scores), at RDB version 10 (Redis 7.0); RESTORE
// reads those and the compact ones Redis 7 writes (integers and LZF in
// strings, ziplists, listpacks, intsets, quicklists). Streams are not
// carried. Pure code: no storage, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace troupe::protocol::rdb {

/// One Redis value.
struct value {
  enum class kind : uint8_t { string, list, set, zset, hash };
  kind type = kind::string;
  std::string text;                                          ///< a string
  std::vector<std::string> items;                            ///< a list (in order) or set
  std::vector<std::pair<std::string, double>> scored;        ///< a sorted set
  std::vector<std::pair<std::string, std::string>> fields;   ///< a hash
};

/// The RDB version DUMP writes (Redis 7.0's).
constexpr uint16_t version = 10;

/// DUMP's payload of `v`.
std::string dump(const value& v);

/// RESTORE's reading of `payload`: the value, or nullopt with Redis's error
/// text in `error` ("ERR DUMP payload version or checksum are wrong",
/// "ERR Bad data format"). A string (element, field, member) longer than
/// `max_string` bytes is refused before it is decompressed.
std::optional<value> restore(std::string_view payload, std::string& error,
                             uint64_t max_string = uint64_t{512} << 20);

/// Redis's CRC-64 (Jones polynomial, reflected), continued from `crc`.
uint64_t crc64(uint64_t crc, std::string_view bytes);

} // namespace troupe::protocol::rdb
