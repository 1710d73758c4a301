// Key encoding of every column family. Plain functions, no state.
//
// A key is the partition id (2 bytes, big-endian) followed by components.
// Each component is escaped and terminated so that the encoding is
// prefix-free and order-preserving:
//
//   byte 0x00  ->  0x00 0xFF
//   end        ->  0x00 0x01
//
// Inside a component a 0x00 is always followed by 0xFF, so the terminator
// 0x00 0x01 can never occur inside one: the encoded prefix of trace "a" is
// never a prefix of any key of trace "a\0..." or "ab", and no trace id or key
// (any bytes: ':', '*', '\0', UTF-8, empty) can reach another trace's keys.
// Encoded keys sort like the tuple of their raw components.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/partition_id.hpp"

namespace troupe::storage {

/// Appends the 2-byte big-endian partition prefix.
void append_partition(std::string& out, partition_id p);

/// Appends one escaped, terminated component.
void append_component(std::string& out, std::string_view raw);

/// Reads one component from the front of `in`, advancing it. Returns nullopt
/// when `in` does not start with a well-formed component.
std::optional<std::string> read_component(std::string_view& in);

/// Reads the partition prefix from the front of `in`, advancing it.
std::optional<partition_id> read_partition(std::string_view& in);

/// The partition prefix alone: every key of partition `p` starts with it.
std::string partition_prefix(partition_id p);

/// state CF: partition | trace_id | key
std::string state_key(partition_id p, std::string_view trace_id,
                      std::string_view key);

/// Prefix of every state key of one trace.
std::string state_trace_prefix(partition_id p, std::string_view trace_id);

struct state_key_parts {
  partition_id partition;
  std::string trace_id;
  std::string key;
};

/// Inverse of state_key; nullopt for anything state_key cannot produce.
std::optional<state_key_parts> decode_state_key(std::string_view encoded);

/// streams CF: partition | stream | group | id
std::string stream_key(partition_id p, std::string_view stream, std::string_view group,
                       std::string_view id);

/// Prefix of every item key of one stream group.
std::string stream_group_prefix(partition_id p, std::string_view stream,
                                std::string_view group);

/// Prefix of every item key of one stream in one partition.
std::string stream_prefix(partition_id p, std::string_view stream);

/// The partition key (hash input) of a stream group: the two components
/// encoded as in keys, so ("a", "b:c") and ("a:b", "c") differ.
std::string stream_partition_key(std::string_view stream, std::string_view group);

struct stream_key_parts {
  partition_id partition;
  std::string stream;
  std::string group;
  std::string id;
};

/// Inverse of stream_key.
std::optional<stream_key_parts> decode_stream_key(std::string_view encoded);

/// queues CF: partition | kind | topic | step [| seq (8 bytes, big-endian)].
/// Kinds: subscription (the step's durable subscription), message (ready,
/// delayed or in flight), dead (dead letters), emitted (an emit's
/// idempotency record: topic | idempotency key in the place of topic | step).
enum class queue_kind : char { subscription = 's', message = 'm', dead = 'd', emitted = 'i' };

std::string queue_prefix(partition_id p, queue_kind kind, std::string_view topic,
                         std::string_view step);
std::string queue_key(partition_id p, queue_kind kind, std::string_view topic,
                      std::string_view step, uint64_t seq);
/// Prefix of every key of one kind in a partition.
std::string queue_kind_prefix(partition_id p, queue_kind kind);

struct queue_key_parts {
  partition_id partition;
  queue_kind kind;
  std::string topic;
  std::string step;
  uint64_t seq = 0;  ///< 0 for subscription keys
};

std::optional<queue_key_parts> decode_queue_key(std::string_view encoded);

/// kv CF (the Redis-compatible keyspace of the RESP front door):
///   key:   partition | 'k' | scan hash (6 bytes, big-endian) | key
///   field: partition | 'f' | key | field        (hash fields)
/// A hash's fields live apart from its key record, so expiry and type live
/// in the key record alone.
/// Keys sort by their scan hash inside a partition, so a SCAN cursor is just
/// (partition, scan hash): stateless, and stable across restarts and moves.
constexpr uint64_t kv_scan_hash_limit = uint64_t{1} << 48;
/// The 48-bit scan hash of a key.
uint64_t kv_scan_hash(std::string_view key);
std::string kv_key(partition_id p, std::string_view key);
/// Prefix of every key whose scan hash is >= `from` (seek target).
std::string kv_key_seek(partition_id p, uint64_t from);
/// Prefix of every key record of a partition.
std::string kv_key_prefix(partition_id p);
struct kv_key_parts {
  uint64_t scan_hash = 0;
  std::string key;
};
std::optional<kv_key_parts> decode_kv_key(std::string_view encoded);
std::string kv_field_key(partition_id p, std::string_view key, std::string_view field);
/// Prefix of every field key of one hash.
std::string kv_field_prefix(partition_id p, std::string_view key);
/// The field name of a field key, given its hash's prefix.
std::optional<std::string> decode_kv_field(std::string_view encoded, size_t prefix_size);
/// Prefix of every field key of a partition.
std::string kv_fields_prefix(partition_id p);
/// The hash key a field key belongs to.
std::optional<std::string> decode_kv_field_owner(std::string_view encoded);

/// The smallest string greater than every string starting with `prefix`
/// (empty when there is none, i.e. the prefix is all 0xFF).
std::string prefix_end(std::string_view prefix);

/// meta CF: a node-level setting (the partition count, the cluster table),
/// under the reserved partition 0xFFFF (partitions are numbered 0..65534).
std::string node_meta_key(std::string_view name);

} // namespace troupe::storage
