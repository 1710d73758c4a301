// call_partition: how a session sends a request to a partition, wherever it
// is served. Internal to node/ (pulls in CAF and the protobuf types).
//
// The router says where partition p of a service is served: by a local
// actor, which gets the request_msg, or by a gateway (the owner's, or this
// node's while p moves or its owner is unreachable), which gets it wrapped in
// forward_atom and delegates it, so the reply comes straight back here. A
// local actor that stopped because its partition just moved away is retried
// once on the new route. Whatever fails arrives as an UNAVAILABLE Response.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <caf/actor.hpp>
#include <caf/error.hpp>
#include <caf/sec.hpp>

#include "cluster/atoms.hpp"
#include "cluster/partition_router.hpp"
#include "protocol/envelope.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::node {

/// A forwarded request waits this long at most for the other node.
inline constexpr auto remote_timeout = std::chrono::seconds{60};

template <class Self, class F>
void call_partition(Self* self, const cluster::partition_router& router, cluster::service s,
                    partition_id p, std::shared_ptr<const v1::Request> req, F on_reply,
                    bool retried = false) {
  auto dest = router.resolve(s, p);
  auto on_error = [=, r = &router](caf::error& err) {
    if (!retried && !dest.via_gateway && err == caf::sec::request_receiver_down) {
      call_partition(self, *r, s, p, req, on_reply, true);
      return;
    }
    v1::Response failed;
    auto* e = failed.mutable_error();
    e->set_code(static_cast<v1::ErrorCode>(error_code::unavailable));
    e->set_message("partition " + std::to_string(p.value)
                   + " unavailable: " + self->system().render(err));
    on_reply(failed);
  };
  auto on_response = [=](protocol::response_msg& r) { on_reply(*r.body); };
  if (dest.via_gateway)
    self->request(dest.actor, remote_timeout, cluster::forward_atom::value,
                  static_cast<uint8_t>(s), p.value, uint8_t{0}, protocol::request_msg{req})
      .then(on_response, on_error);
  else
    self->request(dest.actor, caf::infinite, protocol::request_msg{req})
      .then(on_response, on_error);
}

} // namespace troupe::node
