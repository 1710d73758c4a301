// gateway: a node's door for partition requests that do not go straight to
// a local actor. One per node, reachable from the other members over CAF
// remoting.
//
// It takes (forward_atom, service, partition, request_msg):
//   - a local partition's request is delegated to its actor, so the reply
//     (and, for a subscription, the subscriber's handle) goes straight
//     between the requester and the serving actor;
//   - a partition this node does not own (the requester's table is stale)
//     gets NOT_LEADER naming the owner (leader_node, and its client address
//     as leader_hint), and the requester retries there;
//   - a partition moving away is held until its move ends (reroute_atom from
//     the member), then answered like a new request (NOT_LEADER naming the
//     new owner, or served here if the move failed); held longer than the
//     hold limit, it gets UNAVAILABLE;
//   - an unreachable owner gets UNAVAILABLE at once.
// So every reply comes from the node the request was sent to, or the
// request was not run: a requester that loses a node knows what is lost.
#pragma once

#include <memory>

#include <caf/fwd.hpp>

namespace troupe::cluster {

class partition_router;

caf::actor spawn_gateway(caf::actor_system& sys, std::shared_ptr<const partition_router> router);

} // namespace troupe::cluster
