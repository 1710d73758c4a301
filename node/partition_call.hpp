// call_partition: how a session sends a request to a partition, wherever it
// is served. Internal to node/ (pulls in CAF and the protobuf types).
//
// The router says where partition p of a service is served: by a local
// actor, which gets the request_msg, or by a gateway (the owner's, or this
// node's while p moves or its owner is unreachable), which gets it wrapped in
// forward_atom. A gateway that does not (or no longer) own p answers
// NOT_LEADER naming the owner, and the request goes there; a local actor
// that stopped because its partition just moved away is retried on the new
// route. Whatever fails arrives as an UNAVAILABLE Response.
//
// A node that dies takes the replies it owed with it: a session tracks its
// forwarded requests per gateway (remote_calls) and, when that gateway's
// node goes down, answers them UNAVAILABLE at once instead of at the
// timeout.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <caf/actor.hpp>
#include <caf/error.hpp>
#include <caf/sec.hpp>

#include "actors/node_counters.hpp"
#include "cluster/atoms.hpp"
#include "cluster/partition_router.hpp"
#include "protocol/envelope.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::node {

/// A forwarded request waits this long at most for the other node.
inline constexpr auto remote_timeout = std::chrono::seconds{60};

/// A session's requests in flight at other nodes' gateways.
class remote_calls {
public:
  /// Runs `fail` if `gateway` goes down before `done` is set.
  template <class Self>
  void track(Self* self, const caf::actor& gateway, std::shared_ptr<bool> done,
             std::function<void()> fail) {
    auto& calls = calls_[gateway.address()];
    if (calls.empty() && watched_.emplace(gateway.address()).second)
      self->monitor(gateway);
    if (calls.size() >= prune_at)
      std::erase_if(calls, [](const auto& c) { return *c.first; });
    calls.emplace_back(std::move(done), std::move(fail));
  }

  /// A monitored actor went down: fails what it still owed.
  void on_down(const caf::actor_addr& source) {
    auto it = calls_.find(source);
    if (it == calls_.end())
      return;
    auto calls = std::move(it->second);
    calls_.erase(it);
    watched_.erase(source);
    for (auto& [done, fail] : calls)
      if (!*done)
        fail();
  }

private:
  static constexpr size_t prune_at = 256;
  std::map<caf::actor_addr, std::vector<std::pair<std::shared_ptr<bool>, std::function<void()>>>>
    calls_;
  std::set<caf::actor_addr> watched_;
};

/// Sends `req` to `dest`; a NOT_LEADER naming the owner, or a local actor
/// that stopped because its partition just moved, sends it on (3 times at
/// most).
template <class Self, class F>
void send_to_partition(Self* self, const cluster::partition_router& router, cluster::service s,
                       partition_id p, std::shared_ptr<const v1::Request> req, F on_reply,
                       cluster::destination dest, int attempt) {
  constexpr int max_attempts = 3;
  auto unavailable = [self, p](const std::string& why) {
    v1::Response failed;
    set_error(failed, error_code::unavailable,
              "partition " + std::to_string(p.value) + " unavailable: " + why);
    return failed;
  };
  auto r = &router;
  auto on_response = [=](const v1::Response& resp) {
    if (attempt < max_attempts && resp.has_error()
        && resp.error().code() == static_cast<v1::ErrorCode>(error_code::not_leader)
        && !resp.error().leader_node().empty())
      if (auto next = r->resolve_on(resp.error().leader_node(), s, p)) {
        send_to_partition(self, *r, s, p, req, on_reply, *next, attempt + 1);
        return;
      }
    on_reply(resp);
  };
  if (!dest.via_gateway) {
    self->request(dest.actor, caf::infinite, protocol::request_msg{req})
      .then([=](protocol::response_msg& m) { on_response(*m.body); },
            [=](caf::error& err) {
              if (attempt < max_attempts && err == caf::sec::request_receiver_down)
                send_to_partition(self, *r, s, p, req, on_reply, r->resolve(s, p), attempt + 1);
              else
                on_reply(unavailable(self->system().render(err)));
            });
    return;
  }
  if (auto* counters = self->state.ctx->counters)
    counters->forwarded_requests.fetch_add(1, std::memory_order_relaxed);
  auto done = std::make_shared<bool>(false);
  auto once = [done, on_response](const v1::Response& resp) {
    if (!*done) {
      *done = true;
      on_response(resp);
    }
  };
  self->state.remote.track(self, dest.actor, done,
                           [=] { once(unavailable("its node went down")); });
  self->request(dest.actor, remote_timeout, cluster::forward_atom::value,
                static_cast<uint8_t>(s), p.value, protocol::request_msg{req})
    .then([=](protocol::response_msg& m) { once(*m.body); },
          [=](caf::error& err) { once(unavailable(self->system().render(err))); });
}

/// Sends `req` to the actor serving partition `p` of service `s`, wherever
/// it is, and calls on_reply(const v1::Response&) with its reply.
template <class Self, class F>
void call_partition(Self* self, const cluster::partition_router& router, cluster::service s,
                    partition_id p, std::shared_ptr<const v1::Request> req, F on_reply) {
  send_to_partition(self, router, s, p, std::move(req), std::move(on_reply),
                    router.resolve(s, p), 0);
}

} // namespace troupe::node
