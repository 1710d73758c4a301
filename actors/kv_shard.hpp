// kv_shard: one partition of the Redis-compatible keyspace that the RESP
// front door serves (strings and hashes, with expiry). One per partition.
//
// It runs each KvCommand against committed storage plus its writes in flight
// and answers with the RESP-encoded reply once everything the command read
// or wrote is durable, so a reply never shows a value that could still be
// lost, and commands of one connection see each other's writes in order.
// KvScan, KvCount and KvFlush serve the keyspace-wide commands (SCAN, KEYS,
// DBSIZE, FLUSHDB), which the front door sends to every partition.
//
// Storage (kv CF, see storage/key_codec): one record per key holding its
// type and, for a string, the value; for a hash, its field count, with one
// record per field. A hash's fields carry the hash's expiry, so expired
// hashes vanish whole in compaction; EXPIRE on a hash is O(fields).
#pragma once

#include <cstddef>

#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/atoms.hpp"
#include "actors/placement.hpp"
#include "protocol/envelope.hpp"
#include "storage/partition_id.hpp"

namespace troupe::storage {
class db;
} // namespace troupe::storage

namespace troupe::actors {

struct kv_limits {
  /// Longest key or hash field, bytes.
  size_t max_key_bytes = 1024;
  /// Longest string value or hash field value, bytes.
  size_t max_value_bytes = size_t{8} << 20;
};

using kv_shard_actor = caf::typed_actor<
  caf::replies_to<protocol::request_msg>::with<protocol::response_msg>,
  caf::replies_to<drain_atom>::with<ok_atom>>;

/// Spawns the kv shard of partition `p`; `db` must outlive it.
kv_shard_actor spawn_kv_shard(caf::actor_system& sys, partition_id p, storage::db& db,
                              kv_limits limits, shard_placement placement);

} // namespace troupe::actors
