// Streams: one stream_directory per partition routes each request for a
// stream group (stream, group_id) to that group's stream_group actor,
// spawning it on demand. A stream_group owns its group's writes (in commit
// order), its subscribers (session actors, possibly on other nodes later) and
// the events it pushes to them. It stops when it has had no subscriber and no
// write in flight for the idle time; its items stay in RocksDB (a virtual
// actor), and the next request spawns it again.
//
//   session --request_msg--> stream_directory --delegate--> stream_group
//   stream_group --response_msg--> session      (after the write is durable)
//   stream_group --push_msg--> subscribed sessions (same commit order)
//
// Stopping is race-free: a group reports (idle, n) with n = messages the
// directory has forwarded to it; the directory retires it only when it has
// forwarded exactly n, so nothing can be in flight to a retired group.
#pragma once

#include <chrono>
#include <cstddef>

#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/atoms.hpp"
#include "actors/node_counters.hpp"
#include "actors/placement.hpp"
#include "protocol/envelope.hpp"
#include "storage/partition_id.hpp"

namespace troupe::actors {

class partition_log;

struct stream_limits {
  /// Longest stream name, group id or item id, bytes. Default 1 KiB.
  size_t max_id_bytes = 1024;
  /// Longest stored item (JSON), bytes. Default 8 MiB.
  size_t max_item_bytes = size_t{8} << 20;
  /// How long an unused group actor lives. 0: stop as soon as idle.
  std::chrono::milliseconds idle_time{30000};
};

using stream_directory_actor =
  caf::typed_actor<caf::replies_to<protocol::request_msg>::with<protocol::response_msg>>;

/// Spawns the stream directory of `log`'s partition. `log` and `counters`
/// must outlive it. Group actors run where the directory runs.
stream_directory_actor spawn_stream_directory(caf::actor_system& sys, partition_log& log,
                                              stream_limits limits, node_counters& counters,
                                              shard_placement placement);

} // namespace troupe::actors
