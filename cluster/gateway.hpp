// gateway: a node's door for partition requests that do not go straight to
// a local actor. One per node, reachable from the other members over CAF
// remoting.
//
// It takes (forward_atom, service, partition, hops, request_msg) and
// delegates it, so the reply (and, for a subscription, the subscriber's
// handle) goes straight between the requester and the serving actor:
//   - to its own actor when the partition is local;
//   - to the owner's gateway when it is remote (hops + 1; a request that has
//     hopped too often means the members disagree, and gets NOT_LEADER with
//     the owner's address as hint);
//   - a partition moving away is held until its move ends (reroute_atom from
//     the member), then sent on to the new owner; held longer than the
//     hold limit, it gets UNAVAILABLE;
//   - an unreachable owner gets UNAVAILABLE at once.
#pragma once

#include <memory>

#include <caf/fwd.hpp>

namespace troupe::cluster {

class partition_router;

caf::actor spawn_gateway(caf::actor_system& sys, std::shared_ptr<const partition_router> router);

} // namespace troupe::cluster
