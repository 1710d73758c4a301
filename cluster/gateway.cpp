#include "cluster/gateway.hpp"

#include <chrono>
#include <deque>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "cluster/atoms.hpp"
#include "cluster/partition_router.hpp"
#include "protocol/envelope.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::cluster {

namespace {

constexpr auto hold_limit = std::chrono::seconds{30};
constexpr auto hold_check = std::chrono::seconds{1};

struct held_request {
  caf::response_promise promise;
  uint8_t service;
  uint16_t partition;
  protocol::request_msg msg;
  std::chrono::steady_clock::time_point since;
};

struct gateway_state {
  std::shared_ptr<const partition_router> router;
  std::deque<held_request> held;
  bool checking = false;
  static inline const char* name = "troupe.gateway";
};

using gateway_actor = caf::stateful_actor<gateway_state>;

protocol::response_msg error_response(error_code code, std::string message,
                                      std::string hint = {}, std::string node = {}) {
  auto resp = std::make_shared<v1::Response>();
  set_error(*resp, code, std::move(message));
  auto* err = resp->mutable_error();
  err->set_leader_hint(std::move(hint));
  err->set_leader_node(std::move(node));
  return protocol::response_msg{std::move(resp)};
}

std::string owner_text(const routes& r, uint16_t p) {
  auto& owner = r.table->owner(partition_id{p});
  return owner.empty() ? std::string{"no known owner"} : "owner " + owner;
}

/// Answers a request now (a local actor's reply, NOT_LEADER, UNAVAILABLE) or
/// holds it while its partition moves. Either the reply comes from this
/// node or the request was not run, so a requester that loses this node
/// knows which of its requests are lost.
caf::result<protocol::response_msg> dispatch(gateway_actor* self, caf::response_promise* promise,
                                              uint8_t s, uint16_t p,
                                              protocol::request_msg& msg) {
  auto& st = self->state;
  auto r = st.router->current();
  auto finish = [&](protocol::response_msg resp) -> caf::result<protocol::response_msg> {
    if (promise != nullptr) {
      promise->deliver(std::move(resp));
      return caf::delegated<protocol::response_msg>{};
    }
    return resp;
  };
  if (s >= service_count || p >= r->table->count())
    return finish(error_response(error_code::invalid_argument,
                                 "no partition " + std::to_string(p) + " of service "
                                   + std::to_string(s)));
  switch (r->state[p]) {
    case partition_state::local: {
      auto& target = r->local[p][s];
      if (promise != nullptr)
        promise->delegate(target, std::move(msg));
      else
        self->delegate(target, std::move(msg));
      return caf::delegated<protocol::response_msg>{};
    }
    case partition_state::remote: {
      // A stale route (or a move that just ended): the requester retries on
      // the owner.
      auto& owner = r->table->owner(partition_id{p});
      auto* m = r->table->find_member(owner);
      return finish(error_response(error_code::not_leader,
                                   "partition " + std::to_string(p) + " is served elsewhere ("
                                     + owner_text(*r, p) + ")",
                                   m != nullptr ? m->client_address : std::string{}, owner));
    }
    case partition_state::moving: {
      auto held = promise != nullptr ? *promise : self->make_response_promise();
      st.held.push_back({held, s, p, std::move(msg), std::chrono::steady_clock::now()});
      if (!st.checking) {
        st.checking = true;
        self->delayed_send(self, hold_check, tick_atom::value);
      }
      return caf::delegated<protocol::response_msg>{};
    }
    case partition_state::unreachable:
      break;
  }
  return finish(error_response(error_code::unavailable,
                               "partition " + std::to_string(p) + " is unavailable ("
                                 + owner_text(*r, p) + " is unreachable); retry"));
}

/// Answers every held request whose partition is no longer moving.
void release(gateway_actor* self) {
  auto& st = self->state;
  auto r = st.router->current();
  std::deque<held_request> still;
  auto held = std::move(st.held);
  st.held.clear();
  auto now = std::chrono::steady_clock::now();
  for (auto& h : held) {
    if (r->state[h.partition] != partition_state::moving) {
      dispatch(self, &h.promise, h.service, h.partition, h.msg);
    } else if (now - h.since > hold_limit) {
      h.promise.deliver(error_response(error_code::unavailable,
                                       "partition " + std::to_string(h.partition)
                                         + " has no serving node yet (moving, or electing a"
                                           " leader); retry"));
    } else {
      still.push_back(std::move(h));
    }
  }
  for (auto& h : st.held)  // held again by dispatch (moving once more)
    still.push_back(std::move(h));
  st.held = std::move(still);
}

caf::behavior gateway_impl(gateway_actor* self, std::shared_ptr<const partition_router> router) {
  self->state.router = std::move(router);
  return {
    [=](forward_atom, uint8_t s, uint16_t p,
        protocol::request_msg& msg) -> caf::result<protocol::response_msg> {
      return dispatch(self, nullptr, s, p, msg);
    },
    [=](reroute_atom) { release(self); },
    [=](tick_atom) {
      release(self);
      auto& st = self->state;
      st.checking = !st.held.empty();
      if (st.checking)
        self->delayed_send(self, hold_check, tick_atom::value);
    },
  };
}

} // namespace

caf::actor spawn_gateway(caf::actor_system& sys, std::shared_ptr<const partition_router> router) {
  return sys.spawn(gateway_impl, std::move(router));
}

} // namespace troupe::cluster
