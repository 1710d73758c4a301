// channel_hub: the node's Redis pub/sub (PUBLISH, SUBSCRIBE, PSUBSCRIBE).
// One per node; RESP sessions register their channels and patterns here and
// receive (message_atom, pattern, channel, payload) for each publication.
// It monitors subscribed sessions and forgets them when they end.
//
// PUBLISH answers with the number of receivers, counting a session once per
// channel subscription and once per matching pattern, as Redis does. PUBSUB
// asks it which channels and patterns have subscribers (pubsub_atom).
#pragma once

#include <caf/fwd.hpp>

namespace troupe::actors {

caf::actor spawn_channel_hub(caf::actor_system& sys);

} // namespace troupe::actors
