// topic_queue: the queue of one (topic, step); see event_shard.hpp. Internal
// to actors/.
//
// Messages: ready (deliverable now, emit order), delayed (until delay or
// retry backoff ends) and in flight (delivered, waiting for ack/nack until the
// visibility deadline). A failed attempt (nack or visibility timeout) counts
// durably; after max_retries retries the message moves to the dead letters in
// the same write. fifo: only the oldest live message of a message group may
// be delivered, so a group is handled one message at a time, in emit order,
// across all consumers, while other groups proceed.
#pragma once

#include <optional>
#include <string>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include "actors/event_shard.hpp"

namespace troupe::actors {

struct topic_queue_args {
  partition_id partition;
  std::string topic;
  std::string step;
  std::string config;  ///< serialized v1::QueueConfig
  partition_log* log = nullptr;
  caf::actor shard;
  bool manual_clock = false;
};

/// Spawns a queue on the shard's threads; it loads its messages at start.
caf::actor spawn_topic_queue(caf::actor_system& sys, shard_placement placement,
                             topic_queue_args args);

/// "<partition>-<seq>": the stable id of a message.
std::string message_id(partition_id p, uint64_t seq);

/// The seq of a message id of partition `p`; nullopt if it is not one.
std::optional<uint64_t> message_seq(partition_id p, const std::string& id);

} // namespace troupe::actors
