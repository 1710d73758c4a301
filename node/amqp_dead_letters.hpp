// The node's dead-letter sink: sends the messages that expired in an AMQP
// queue with a dead-letter exchange (x-message-ttl with
// x-dead-letter-exchange) on to that exchange.
//
// A step queue whose config has dead_letter_expired moves each expired
// message to its dead letters in the same write that drops it, then tells
// the sink registered under actors::dead_letter_sink (retrying every second
// while there is none). The sink reads those dead letters, publishes each
// through the queue's dead-letter exchange with an x-death entry (reason
// "expired"), and only then removes them: a crash in between sends a
// message on twice, never loses it. Every node runs one, so expiry works on
// whichever node serves the queue's partition.
#pragma once

#include <memory>

#include <caf/fwd.hpp>

namespace troupe::node {

struct session_context;

caf::actor spawn_amqp_dead_letters(caf::actor_system& sys,
                                   std::shared_ptr<const session_context> ctx);

} // namespace troupe::node
