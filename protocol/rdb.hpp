// rdb: Redis's serialization of one value, as DUMP gives it and RESTORE
// takes it: an RDB object (type byte, then the object), the RDB version (2
// bytes) and a CRC-64 of all of it (8 bytes). The RESP door's DUMP writes the
// plain encodings every Redis since 2.x loads (strings, lists, sets, hashes,
// sorted sets with binary scores), at RDB version 10 (Redis 7.0); RESTORE
// reads those and the compact ones Redis 7 writes (integers and LZF in
// strings, ziplists, listpacks, intsets, quicklists), and streams with their
// consumer groups as every Redis from 5.0 writes them; DUMP writes streams
// as Redis 7.0 does (listpack nodes of up to 100 entries). Pure code: no
// storage, no I/O.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace troupe::protocol::rdb {

/// A stream entry's or a stream position's ID.
struct stream_id {
  uint64_t ms = 0;
  uint64_t seq = 0;
  friend auto operator<=>(const stream_id&, const stream_id&) = default;
};

/// A stream entry a consumer group delivered and that was not acknowledged.
struct stream_pending {
  stream_id id;
  int64_t delivery_time = 0;  ///< ms since the epoch
  uint64_t delivery_count = 0;
  std::string consumer;
  friend bool operator==(const stream_pending&, const stream_pending&) = default;
};

struct stream_consumer {
  std::string name;
  int64_t seen_time = 0;  ///< ms since the epoch
  friend bool operator==(const stream_consumer&, const stream_consumer&) = default;
};

struct stream_group {
  std::string name;
  stream_id last;  ///< the last ID delivered
  /// How many entries the group has read; nullopt when unknown (Redis's
  /// invalid counter).
  std::optional<uint64_t> entries_read;
  std::vector<stream_pending> pending;
  std::vector<stream_consumer> consumers;
  friend bool operator==(const stream_group&, const stream_group&) = default;
};

/// A stream entry: its ID and its fields with their values, in order.
using stream_entry = std::pair<stream_id, std::vector<std::pair<std::string, std::string>>>;

/// A stream: its live entries in order and what it remembers.
struct stream_value {
  std::vector<stream_entry> entries;
  stream_id last;         ///< the top ID ever used
  stream_id max_deleted;  ///< the largest ID deleted (0-0: none)
  uint64_t entries_added = 0;
  std::vector<stream_group> groups;
  friend bool operator==(const stream_value&, const stream_value&) = default;
};

/// One Redis value.
struct value {
  enum class kind : uint8_t { string, list, set, zset, hash, stream };
  kind type = kind::string;
  std::string text;                                          ///< a string
  std::vector<std::string> items;                            ///< a list (in order) or set
  std::vector<std::pair<std::string, double>> scored;        ///< a sorted set
  std::vector<std::pair<std::string, std::string>> fields;   ///< a hash
  stream_value stream;                                       ///< a stream
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

/// FUNCTION DUMP's payload of the libraries `codes`: a function record (the
/// library's code) each, then the version and checksum.
std::string dump_functions(const std::vector<std::string_view>& codes);

/// FUNCTION RESTORE's reading of `payload`: the libraries' codes (records
/// of Redis 7.0's release candidates given the code they stand for), or
/// nullopt with Redis's error text in `error`.
std::optional<std::vector<std::string>> restore_functions(std::string_view payload,
                                                          std::string& error);

/// Redis's CRC-64 (Jones polynomial, reflected), continued from `crc`.
uint64_t crc64(uint64_t crc, std::string_view bytes);

} // namespace troupe::protocol::rdb
