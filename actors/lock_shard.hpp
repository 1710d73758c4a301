// lock_shard: cron locks of one partition (partitioned by job name).
//
// acquire grants a lock when the job has none or its lock has expired; the
// new lock's fencing token is the job's previous token + 1 (the job's record
// is kept after release and expiry for that). renew extends a live lock its
// id names; release ends it (or keeps it until hold_until_ms) for its owner
// only. Every change is durable before the reply.
#pragma once

#include <cstddef>

#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/placement.hpp"
#include "protocol/envelope.hpp"
#include "storage/partition_id.hpp"

namespace troupe::actors {

class partition_log;

using lock_shard_actor =
  caf::typed_actor<caf::replies_to<protocol::request_msg>::with<protocol::response_msg>>;

/// Spawns the lock shard of `log`'s partition; `log` must outlive it.
lock_shard_actor spawn_lock_shard(caf::actor_system& sys, partition_log& log,
                                  size_t max_id_bytes, shard_placement placement);

} // namespace troupe::actors
