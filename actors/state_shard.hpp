// state_shard: the actor that owns one partition's state (Motia's
// StateAdapter data). One per partition hosted on the node.
//
// It serializes every operation of its partition. Reads are served from
// committed storage. Writes are computed against committed storage plus the
// shard's overlay of writes still in flight, appended to the partition's log
// as one batch per request, and acknowledged only once durable; under
// durability `fsync` the db's committer groups the entries of all partitions
// into one synced write. Replies to writes leave in commit order.
//
//   request_msg --> [validate] --> read: committed storage --> response
//                              \-> write: overlay + batch --> partition log
//                                        --> committed_atom --> responses
#pragma once

#include <cstddef>
#include <cstdint>

#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/atoms.hpp"
#include "actors/placement.hpp"
#include "protocol/envelope.hpp"
#include "storage/partition_id.hpp"

namespace troupe::actors {

class partition_log;

/// Limits a shard enforces on every request; both can change only at start.
struct state_limits {
  /// Longest trace id or key, bytes. Default 1 KiB.
  size_t max_key_bytes = 1024;
  /// Longest value (JSON text), bytes. Default 8 MiB.
  size_t max_value_bytes = size_t{8} << 20;
};

using request_msg = protocol::request_msg;
using response_msg = protocol::response_msg;

using state_shard_actor = caf::typed_actor<
  caf::replies_to<request_msg>::with<response_msg>,
  caf::replies_to<drain_atom>::with<ok_atom>,
  caf::reacts_to<committed_atom, uint64_t, bool, bool, std::string>>;


/// Spawns the shard of `log`'s partition, writing through `log`, which must
/// outlive the actor. With io_thread placement the actor system must have
/// loaded the middleman.
state_shard_actor spawn_state_shard(caf::actor_system& sys, partition_log& log,
                                    state_limits limits,
                                    shard_placement placement = shard_placement::workers);

} // namespace troupe::actors
