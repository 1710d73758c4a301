// How the AMQP door reaches the partitions: requests to the state records
// and step queues of node/amqp_topology.hpp, routing through an exchange,
// publishing to queues and dead-lettering. Shared by the AMQP sessions and
// the node's dead-letter sink; internal to node/ (pulls in CAF and the
// protobuf types).
//
// `Self` is a CAF actor or broker whose state has `ctx` (the
// session_context), `remote` (remote_calls) and `in_flight` (a count of
// requests awaiting replies).
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor_addr.hpp>

#include "cluster/request_route.hpp"
#include "node/amqp_topology.hpp"
#include "node/partition_call.hpp"
#include "node/session.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::node::amqp_routing {

namespace topo = amqp_topology;

/// AMQP reply codes the routing produces.
inline constexpr uint16_t not_found_code = 404;
inline constexpr uint16_t internal_error_code = 541;

/// Sends a single-partition request where its partition is served and calls
/// fn(response).
template <class Self, class F>
void ask(Self* self, std::shared_ptr<v1::Request> req, F fn) {
  auto& st = self->state;
  auto route = cluster::route_of(*req);
  auto& router = *st.ctx->router;
  ++st.in_flight;
  call_partition(self, router, route->svc, router.partition_of(route->partition_key),
                 std::move(req), [self, f = std::make_shared<F>(std::move(fn))](const v1::Response& r) {
                   --self->state.in_flight;
                   (*f)(r);
                 });
}

std::shared_ptr<v1::Request> state_get(const std::string& group, const std::string& key);
std::shared_ptr<v1::Request> state_set(const std::string& group, const std::string& key,
                                       std::string value);
std::shared_ptr<v1::Request> state_delete(const std::string& group, const std::string& key);
std::shared_ptr<v1::Request> state_group(const std::string& group);
std::shared_ptr<v1::Request> queue_stats(const std::string& topic);

/// The step queue config of an AMQP queue `def` for a consumer with `credit`.
v1::QueueConfig queue_config(const topo::queue_def& def, int32_t credit);

/// The step-queue event that stores `m`, with its priority and expiration
/// (properties the door has checked at publish).
v1::EmitEntry emit_entry(const v1::AmqpMessage& m);

bool is_not_found(const v1::Response& r);

/// Parses a stored message of `queue` back into what was published; a Motia
/// event on the queue's topic becomes a message with its JSON as the body.
v1::AmqpMessage stored_message(const v1::QueueMessage& q, const std::string& queue);

/// "<what> '<name>' in vhost '<vhost>'", as RabbitMQ names things.
std::string quoted(const std::string& what, const std::string& name, const std::string& vhost);

/// Emits `m` to each of `queues` of `vhost`; calls done(stored, routed):
/// whether every emit succeeded and how many queues took it.
template <class Self, class F>
void emit_to(Self* self, const std::string& vhost, const std::vector<std::string>& queues,
             const v1::AmqpMessage& m, F done) {
  if (queues.empty()) {
    done(true, 0u);
    return;
  }
  struct tally {
    size_t left;
    bool ok = true;
    uint32_t routed = 0;
  };
  auto t = std::make_shared<tally>(tally{queues.size()});
  auto entry = emit_entry(m);
  for (auto& q : queues) {
    auto req = std::make_shared<v1::Request>();
    auto* e = req->mutable_event_emit();
    e->set_topic(topo::queue_topic(vhost, q));
    *e->mutable_event() = entry;
    ask(self, std::move(req), [t, done](const v1::Response& r) mutable {
      if (r.has_error())
        t->ok = false;
      else if (r.emit().steps() > 0)
        ++t->routed;
      if (--t->left == 0)
        done(t->ok, t->routed);
    });
  }
}

/// The queues `exchange` of `vhost` routes a message with `routing_key`
/// and `headers` to: calls fn(queues, 0, "") or fn({}, code, text) when it
/// cannot route (404: no such exchange).
template <class Self, class F>
void resolve_exchange(Self* self, const std::string& vhost, const std::string& exchange,
                      const std::string& routing_key, protocol::amqp::field_table headers, F fn) {
  if (exchange.empty()) {
    fn(std::vector<std::string>{routing_key}, uint16_t{0}, std::string{});
    return;
  }
  ask(self, state_group(topo::exchange_group(vhost, exchange)),
      [=](const v1::Response& r) mutable {
        if (r.has_error()) {
          fn(std::vector<std::string>{}, internal_error_code,
             "INTERNAL_ERROR - " + r.error().message());
          return;
        }
        auto def = topo::builtin_exchange(exchange);
        std::vector<topo::binding> bindings;
        for (auto& item : r.items().items()) {
          if (item.key() == topo::exchange_key)
            def = topo::decode_exchange(item.value());
          else if (auto b = topo::decode_binding(item.value()))
            bindings.push_back(std::move(*b));
        }
        if (!def) {
          fn(std::vector<std::string>{}, not_found_code,
             "NOT_FOUND - no " + quoted("exchange", exchange, vhost));
          return;
        }
        fn(topo::route(*def, bindings, routing_key, headers), uint16_t{0}, std::string{});
      });
}

/// Dead-letters message `m` of `queue` for `reason` ("rejected",
/// "expired"): to the queue's dead-letter exchange, with x-death, if it has
/// one; else it is dropped. Calls done(true) once it is stored or dropped,
/// done(false) when it could not be stored (it stays where it was).
template <class Self, class F>
void dead_letter_to(Self* self, const std::string& vhost, const std::string& queue,
                    const v1::AmqpMessage& m, const char* reason, F done) {
  ask(self, state_get(topo::queues_group(vhost), queue), [=](const v1::Response& r) {
    if (r.has_error()) {
      done(false);
      return;
    }
    std::optional<topo::queue_def> def;
    if (r.value().found())
      def = topo::decode_queue(r.value().value());
    if (!def || !def->dead_letter_exchange) {
      done(true);
      return;
    }
    v1::AmqpMessage out = m;
    auto key = def->dead_letter_routing_key.value_or(m.routing_key());
    if (auto props = topo::dead_letter_properties(m.properties(), m.exchange(), m.routing_key(),
                                                  queue, reason))
      out.set_properties(std::move(*props));
    out.set_exchange(*def->dead_letter_exchange);
    out.set_routing_key(key);
    auto props = protocol::amqp::decode_properties(out.properties());
    auto headers = props && props->headers ? *props->headers : protocol::amqp::field_table{};
    resolve_exchange(self, vhost, *def->dead_letter_exchange, key, std::move(headers),
                     [=](std::vector<std::string> queues, uint16_t code, std::string) {
                       if (code == not_found_code) {  // RabbitMQ drops it too
                         done(true);
                         return;
                       }
                       if (code != 0) {
                         done(false);
                         return;
                       }
                       emit_to(self, vhost, queues, out, [=](bool ok, uint32_t) { done(ok); });
                     });
  });
}

} // namespace troupe::node::amqp_routing
