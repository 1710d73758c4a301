// kv_shard: one partition of the Redis-compatible keyspace that the RESP
// front door serves (strings, hashes, lists, sets and sorted sets, with
// expiry). One per partition.
//
// It runs each KvCommand against committed storage plus its writes in flight
// and answers with the RESP-encoded reply once everything the command read
// or wrote is durable, so a reply never shows a value that could still be
// lost, and commands of one connection see each other's writes in order.
// KvScan, KvCount and KvFlush serve the keyspace-wide commands (SCAN, KEYS,
// DBSIZE, FLUSHDB), which the front door sends to every partition.
//
// KvEval runs a Lua script (see kv_script) whose redis.call commands run
// here like KvCommands, sharing one clock reading and one write batch: the
// script is atomic, and a script killed or failed by storage leaves nothing.
//
// Storage (kv CF, see storage/key_codec): one record per key holding its
// type, expiry and, for a string, the value; for a collection, its element
// count, with one record per element (kv_collections.cpp). Expiry lives in
// the key record alone, so EXPIRE is O(1) whatever the type. When an expired
// collection's key record is gone, its elements are garbage: a new
// collection at that key deletes them, and a background sweep (a bounded
// slice every `sweep_interval`) deletes those of keys never written again.
//
// Keyspace notifications (keyspace_events): each command records the events
// of the keys it wrote, published once its writes are durable. While
// expired events are on, a key given an expiry is remembered (in memory,
// by time) and deleted and announced when it passes, as Redis's active
// expiry does.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string_view>

#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/atoms.hpp"
#include "actors/placement.hpp"
#include "protocol/envelope.hpp"
#include "storage/partition_id.hpp"

namespace troupe::protocol {
class acl_users;
} // namespace troupe::protocol

namespace troupe::actors {

struct stream_node_limits;
struct keyspace_events;

class partition_log;
class script_monitor;

struct kv_limits {
  /// Longest key or hash field, bytes.
  size_t max_key_bytes = 1024;
  /// Longest string value or hash field value, bytes.
  size_t max_value_bytes = size_t{8} << 20;
  /// How often the shard sweeps the fields of expired hashes.
  std::chrono::milliseconds sweep_interval{60'000};
  /// Field records examined per sweep.
  size_t sweep_batch = 10'000;
  /// The node's running scripts (SCRIPT KILL); required for EVAL.
  script_monitor* scripts = nullptr;
  /// The RESP door's users: a script runs with its caller's permissions.
  /// Unset: every script may run every command.
  const protocol::acl_users* acl = nullptr;
  /// What one partition's Lua interpreter may allocate.
  size_t script_memory_bytes = size_t{256} << 20;
  /// The partition of a Redis key (hash tags honored): a script may touch
  /// only keys of its own partition. Unset: every key is local (tests).
  std::function<partition_id(std::string_view)> partition_of_key;
  /// How streams group entries into nodes (CONFIG SET); unset: Redis's
  /// defaults.
  const stream_node_limits* stream_nodes = nullptr;
  /// Counts the commands that changed data; unset: not counted.
  std::atomic<int64_t>* changes = nullptr;
  /// The node's keyspace notifications (CONFIG SET notify-keyspace-events);
  /// unset: none.
  const keyspace_events* events = nullptr;
  /// How often keys given an expiry while expired events are on are
  /// checked, so each expired one is deleted and announced.
  std::chrono::milliseconds expiry_interval{100};
};

using kv_shard_actor = caf::typed_actor<
  caf::replies_to<protocol::request_msg>::with<protocol::response_msg>,
  caf::replies_to<drain_atom>::with<ok_atom>>;

/// Spawns the kv shard of `log`'s partition; `log` must outlive it.
kv_shard_actor spawn_kv_shard(caf::actor_system& sys, partition_log& log, kv_limits limits,
                              shard_placement placement);

} // namespace troupe::actors
