// Every atom the actors exchange, in one place (CAF 0.17 atom_constant).
#pragma once

#include <caf/atom.hpp>

namespace troupe::actors {

/// Ask an actor to reply once everything it accepted is durable.
using drain_atom = caf::atom_constant<caf::atom("drain")>;
/// Internal: the committer finished a group (gen, ok, message).
using committed_atom = caf::atom_constant<caf::atom("committed")>;
/// Generic positive reply.
using ok_atom = caf::atom_constant<caf::atom("ok")>;

} // namespace troupe::actors

namespace troupe::actors {

/// stream_group -> directory: "I am idle after N forwarded messages".
using idle_atom = caf::atom_constant<caf::atom("idle")>;
/// stream_group internal: idle timer fired (sequence number).
using idle_check_atom = caf::atom_constant<caf::atom("idlecheck")>;
/// directory -> stream_group: stop now.
using stop_atom = caf::atom_constant<caf::atom("stop")>;
/// A partition actor's children are all gone (see stop_children_first).
using gone_atom = caf::atom_constant<caf::atom("gone")>;

} // namespace troupe::actors

namespace troupe::actors {

/// Queues: act on what became due (delays, backoffs, visibility timeouts).
using tick_atom = caf::atom_constant<caf::atom("tick")>;
/// event_shard -> topic_queue: messages committed by an emit.
using enqueue_atom = caf::atom_constant<caf::atom("enqueue")>;
/// event_shard -> topic_queue: a consumer subscribed (session, id, config).
using consumer_atom = caf::atom_constant<caf::atom("consumer")>;
/// topic_queue -> event_shard: its live consumer count changed.
using consumers_atom = caf::atom_constant<caf::atom("consumers")>;

} // namespace troupe::actors

namespace troupe::actors {

/// RESP pub/sub, session -> channel_hub: (atom, session, channel or pattern).
using subscribe_atom = caf::atom_constant<caf::atom("subscribe")>;
using unsubscribe_atom = caf::atom_constant<caf::atom("unsubscr")>;
using psubscribe_atom = caf::atom_constant<caf::atom("psubscr")>;
using punsubscribe_atom = caf::atom_constant<caf::atom("punsubscr")>;
/// session -> channel_hub: (atom, channel, message) -> receivers (int64).
using publish_atom = caf::atom_constant<caf::atom("publish")>;
/// session -> channel_hub: (atom, query) -> names: PUBSUB's questions.
/// {"channels", glob} -> the channels with subscribers (every one for an
/// empty glob); {"numsub", channel...} -> each one's subscriber count, in
/// decimal; {"patterns"} -> the patterns with subscribers.
using pubsub_atom = caf::atom_constant<caf::atom("pubsub")>;
/// channel_hub -> session: (atom, pattern, channel, message); the pattern is
/// empty for a channel subscription.
using message_atom = caf::atom_constant<caf::atom("message")>;
/// kv_shard internal: sweep a slice of orphaned hash fields.
using sweep_atom = caf::atom_constant<caf::atom("kvsweep")>;
/// kv shard internal: delete and announce the keys whose expiry passed.
using expire_atom = caf::atom_constant<caf::atom("kvexpire")>;
/// A blocked command's wait ended (kv_shard).
using unblock_atom = caf::atom_constant<caf::atom("unblock")>;

/// topic_queue -> the node's dead-letter sink: (atom, topic, step): messages
/// of that queue expired into its dead letters (QueueConfig.dead_letter_expired).
using dead_letters_atom = caf::atom_constant<caf::atom("deadlet")>;
/// event_shard -> topic_queue: (atom, seqs): an import stored these dead
/// letters of the queue.
using buried_atom = caf::atom_constant<caf::atom("buried")>;
/// The registry name of the node's dead-letter sink (the AMQP door's), when
/// there is one.
inline constexpr caf::atom_value dead_letter_sink = caf::atom("dlsink");

} // namespace troupe::actors
