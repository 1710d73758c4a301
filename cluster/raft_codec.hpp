// raft_codec: the bytes that travel between nodes' Raft drivers, and the
// bytes a partition's log entry carries.
//
// A frame is every message one driver has for one peer in one turn, of every
// group: (group u16, message)*. An entry's data is a write batch exactly as
// its actor computed it (cf, kind, key, value per op). Integers are varints,
// strings length-prefixed. Decoding checks every length and tag against the
// input, so a malformed or hostile frame is refused, never half-applied.
//
// Plain code: no CAF, no RocksDB.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cluster/raft/types.hpp"
#include "storage/db.hpp"

namespace troupe::cluster {

/// One message of one group.
struct group_message {
  uint16_t group = 0;
  raft::message msg;
};

std::string encode_frame(const std::vector<group_message>& messages);

/// Appends the frame's messages to `out`; false (and `error`) when `in` is
/// malformed, leaving `out` as it was.
bool decode_frame(std::string_view in, std::vector<group_message>& out, std::string& error);

std::string encode_batch(const storage::write_batch& batch);

/// False (and `error`) when `in` is malformed; `out` is then unusable.
bool decode_batch(std::string_view in, storage::write_batch& out, std::string& error);

} // namespace troupe::cluster
