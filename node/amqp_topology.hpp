// The AMQP door's topology: how exchanges, queues and bindings are named and
// stored in Troupe, and how an exchange routes. Pure functions; internal to
// node/.
//
// An AMQP queue is the step queue ("<vhost-topic>", "queue") of the event
// service, so it is durable, partitioned and replicated like a Motia step's
// queue. Exchanges, bindings and queue arguments are state records (JSON),
// each in its own state group, so any node's door sees them:
//
//   amqp|<vhost>|x|<exchange>   "~": the exchange; one record per binding
//   amqp|<vhost>|queues         one record per queue (its arguments)
//   amqp|<vhost>|qb|<queue>     the queue's bindings (to unbind it on delete)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocol/amqp.hpp"

namespace troupe::node::amqp_topology {

/// The step name of every AMQP queue's step queue.
inline constexpr std::string_view queue_step = "queue";
/// The key of an exchange's own record in its group.
inline constexpr std::string_view exchange_key = "~";

std::string queue_topic(std::string_view vhost, std::string_view queue);
/// (vhost, queue) of a queue_topic; nullopt for another topic.
std::optional<std::pair<std::string, std::string>> parse_queue_topic(std::string_view topic);
std::string exchange_group(std::string_view vhost, std::string_view exchange);
std::string queues_group(std::string_view vhost);
std::string queue_bindings_group(std::string_view vhost, std::string_view queue);
/// The key of a binding of `name` (a queue in an exchange's group, an
/// exchange in a queue's) with `routing_key` and `arguments` (a field
/// table as encoded on the wire; empty: none): bindings differing in any
/// of them are distinct, as in RabbitMQ.
std::string binding_key(std::string_view name, std::string_view routing_key,
                        std::string_view arguments = {});

struct exchange_def {
  std::string type;  ///< direct, fanout, topic or headers
  bool durable = true;
  bool auto_delete = false;
  bool internal = false;
};

struct binding {
  std::string name;  ///< the queue (in an exchange's group) or the exchange
  std::string routing_key;
  std::string arguments;  ///< queue.bind's field table, encoded (empty: none)
  friend auto operator<=>(const binding&, const binding&) = default;
};

struct queue_def {
  bool durable = true;
  bool exclusive = false;
  bool auto_delete = false;
  std::optional<std::string> dead_letter_exchange;
  std::optional<std::string> dead_letter_routing_key;
  std::optional<int64_t> message_ttl_ms;
  std::optional<int64_t> max_priority;
  /// An exclusive queue's connection (node id and connection number): no
  /// other connection may use it.
  std::string owner;

  /// Whether a redeclaration with `other` names the same queue (RabbitMQ
  /// refuses one that differs, 406).
  bool equivalent(const queue_def& other) const;
};

std::string encode(const exchange_def& e);
std::string encode(const binding& b);
std::string encode(const queue_def& q);
std::optional<exchange_def> decode_exchange(std::string_view json);
/// A message's `expiration` property in milliseconds, as RabbitMQ reads it
/// (decimal digits only); nullopt if it is not one.
std::optional<int64_t> expiration_ms(std::string_view expiration);
std::optional<binding> decode_binding(std::string_view json);
std::optional<queue_def> decode_queue(std::string_view json);

/// Properties `raw` with an x-death entry for dead-lettering a message
/// published to `exchange` with `routing_key` out of `queue` for `reason`,
/// as RabbitMQ writes it: one entry per (queue, reason), the latest first,
/// with a count; x-first-death-* set once; a per-message expiration moves
/// into the entry as original-expiration. nullopt if `raw` is malformed.
std::optional<std::string> dead_letter_properties(std::string_view raw, const std::string& exchange,
                                                  const std::string& routing_key,
                                                  const std::string& queue, const char* reason);

/// The exchanges every vhost has (amq.direct, amq.fanout, amq.topic,
/// amq.headers, amq.match).
std::optional<exchange_def> builtin_exchange(std::string_view name);

/// Whether exchange type `type` is one the door routes.
bool known_type(std::string_view type);

/// Why a headers exchange's binding `arguments` (encoded) cannot be made:
/// RabbitMQ's error text (406) for an x-match that is none of all, any,
/// all-with-x, any-with-x; nullopt when they are fine.
std::optional<std::string> headers_binding_error(std::string_view arguments);

/// The queues `e` routes a message with `routing_key` and `headers` (a
/// headers exchange matches them against each binding's arguments, as
/// RabbitMQ does) to, each once.
std::vector<std::string> route(const exchange_def& e, const std::vector<binding>& bindings,
                               std::string_view routing_key,
                               const protocol::amqp::field_table& headers = {});

} // namespace troupe::node::amqp_topology
