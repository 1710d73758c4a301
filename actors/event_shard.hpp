// Events: one event_shard per partition owns the durable step subscriptions
// of its topics, writes every emit (one message per subscribed step, all in
// one batch) and routes consumer requests to the topic_queue of each
// (topic, step), which it spawns on demand. A topic_queue keeps its queue's
// ready, delayed and in-flight index in memory (rebuilt from RocksDB when it
// starts) and delivers to its consumers within their credit.
//
//   emit --> event_shard --batch commit--> reply; (enqueue) --> topic_queue(s)
//   subscribe --> event_shard --(durable subscription)--> topic_queue
//   ack/nack/stats/dlq --> event_shard --delegate--> topic_queue --> reply
//   topic_queue --push_msg (delivery)--> consumer session
#pragma once

#include <atomic>
#include <cstddef>

#include <caf/fwd.hpp>
#include <caf/replies_to.hpp>
#include <caf/typed_actor.hpp>

#include "actors/atoms.hpp"
#include "actors/placement.hpp"
#include "protocol/envelope.hpp"
#include "storage/partition_id.hpp"

namespace troupe::actors {

class partition_log;

struct event_options {
  /// Longest topic, step, trace id or message group id, bytes. Default 1 KiB.
  size_t max_id_bytes = 1024;
  /// Longest event data (JSON), bytes. Default 8 MiB.
  size_t max_data_bytes = size_t{8} << 20;
  /// Time moves only on tick_atom (tests drive timers through AdvanceClock);
  /// no real timers are armed.
  bool manual_clock = false;
};

using event_shard_actor =
  caf::typed_actor<caf::replies_to<protocol::request_msg>::with<protocol::response_msg>,
                   caf::replies_to<tick_atom>::with<ok_atom>>;

/// Spawns the event shard of `log`'s partition; `log` must outlive it.
event_shard_actor spawn_event_shard(caf::actor_system& sys, partition_log& log,
                                    event_options opts, shard_placement placement);

} // namespace troupe::actors
