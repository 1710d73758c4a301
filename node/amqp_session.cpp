#include "node/amqp_session.hpp"

#include <chrono>
#include <deque>
#include <map>
#include <random>
#include <set>

#include <caf/actor_system.hpp>
#include <caf/io/broker.hpp>
#include <caf/io/middleman.hpp>
#include <spdlog/spdlog.h>

#include "actors/node_counters.hpp"
#include "cluster/partition_router.hpp"
#include "cluster/request_route.hpp"
#include "node/amqp_routing.hpp"
#include "node/amqp_topology.hpp"
#include "node/connection_guard.hpp"
#include "node/metrics.hpp"
#include "node/partition_call.hpp"
#include "node/read_chunk.hpp"
#include "node/session.hpp"
#include "node/socket_out.hpp"
#include "protocol/amqp.hpp"
#include "protocol/envelope.hpp"
#include "protocol/tls.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::node {

namespace {

namespace amqp = protocol::amqp;
namespace topo = amqp_topology;
using namespace amqp_routing;
using caf::io::connection_handle;
using v1::Request;
using v1::Response;

// Class and method ids (AMQP 0-9-1).
enum : uint16_t { c_connection = 10, c_channel = 20, c_exchange = 40, c_queue = 50, c_basic = 60,
                  c_confirm = 85, c_tx = 90 };

// Reply codes.
enum : uint16_t { reply_success = 200, no_route = 312, connection_forced = 320,
                  access_refused = 403, not_found = 404, resource_locked = 405,
                  precondition_failed = 406,
                  frame_error = 501, syntax_error = 502, command_invalid = 503,
                  channel_error = 504, unexpected_frame = 505, not_allowed = 530,
                  not_implemented = 540, internal_error = 541 };

constexpr uint16_t channel_max = 2047;
constexpr uint32_t frame_max = 131072;
constexpr uint16_t heartbeat_seconds = 60;
/// Credit of a consumer without a prefetch limit (or with no_ack).
constexpr int32_t unlimited_credit = 10000;


struct content_in {
  std::string exchange;
  std::string routing_key;
  bool mandatory = false;
  bool have_header = false;
  uint64_t body_size = 0;
  amqp::properties props;
  std::string body;
};

/// A delivery not yet acked, by delivery tag.
struct unacked_delivery {
  uint64_t subscription;
  std::string topic;
  std::string queue;
  std::string message_id;
  v1::AmqpMessage message;
};

/// A publish on its way: routed (its queues known) or waiting for its
/// exchange's bindings. Publishes leave a channel in their order.
struct publish_job {
  bool routed = false;
  uint16_t close_code = 0;  // set: the channel closes with it
  std::string close_text;
  std::vector<std::string> queues;
  uint64_t confirm_tag = 0;  // 0: the channel has no confirms
  bool mandatory = false;
  v1::AmqpMessage message;
};

struct channel {
  uint64_t epoch = 0;
  bool closing = false;  // sent channel.close, waiting for close-ok
  uint16_t prefetch = 0;
  bool confirm = false;
  uint64_t next_publish = 0;
  uint64_t next_tag = 0;
  uint64_t get_subscription = 0;  // basic.get's deliveries are in flight under it
  std::map<uint64_t, unacked_delivery> unacked;
  std::map<std::string, uint64_t> consumers;  // consumer tag -> subscription
  std::optional<content_in> content;
  std::deque<std::shared_ptr<publish_job>> publishes;
};

struct consumer {
  uint16_t channel;
  uint64_t epoch;
  std::string tag;
  std::string queue;
  bool no_ack;
  bool ready = false;  // consume-ok sent
  std::vector<protocol::push_msg> early;  // deliveries before consume-ok
  bool cancelled = false;  // its queue went before consume-ok: cancelled after it
};

enum class phase { header, start_ok, tune_ok, open, running, closing };

struct amqp_state {
  std::shared_ptr<const session_context> ctx;
  amqp::frame_reader reader{4096};
  phase at = phase::header;
  std::string vhost;
  /// Names this connection as the owner of its exclusive queues.
  std::string connection_name;
  uint32_t frame_max = node::frame_max;
  connection_clock clock{0, 0};  // the handshake timeout
  uint16_t heartbeat = 0;
  std::chrono::steady_clock::time_point last_read = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_write = std::chrono::steady_clock::now();
  std::map<uint16_t, channel> channels;
  uint64_t next_epoch = 0;
  uint64_t next_subscription = 0;
  std::map<uint64_t, consumer> consumers;  // by subscription
  /// Exclusive or auto-delete queues declared here, with the bindings made
  /// here (they go with the connection).
  std::map<std::string, std::set<topo::binding>> owned_queues;
  size_t in_flight = 0;
  uint64_t queued = 0;  // bytes handed to the socket, not yet sent (ack_writes)
  uint64_t reported_queued = 0;  // what the node's count has of it
  bool pumping = false;
  std::unique_ptr<protocol::tls_session> tls;
  outbox out;  // frames gathered for the socket
  size_t read_chunk = min_read_chunk;
  remote_calls remote;

  ~amqp_state() {
    if (ctx && ctx->counters)
      ctx->counters->amqp_connections -= 1;
    if (ctx)
      report_queued(ctx->counters, 0, reported_queued);
  }

  void queued_changed() { report_queued(ctx->counters, queued, reported_queued); }

  static inline const char* name = "troupe.amqp_session";
};

using amqp_broker = caf::io::stateful_broker<amqp_state>;

// -- output ---------------------------------------------------------------------

void write(amqp_broker* self, connection_handle hdl, const std::string& bytes) {
  auto& st = self->state;
  st.out.bytes.insert(st.out.bytes.end(), bytes.begin(), bytes.end());
  // Deliveries and confirms come in bunches: each turn's go in one send.
  if (st.out.bytes.size() >= gather_limit)
    send_out(self, hdl);
  else
    st.out.send_later(self);
  st.last_write = std::chrono::steady_clock::now();
}

void send_method(amqp_broker* self, connection_handle hdl, uint16_t ch, uint16_t cls,
                 uint16_t method, const std::string& args = {}) {
  std::string out;
  amqp::append_frame(out, amqp::method, ch, amqp::method_payload(cls, method, args));
  write(self, hdl, out);
}

/// A method with content: the method, the header and the body in frames of
/// at most frame_max bytes.
void send_content(amqp_broker* self, connection_handle hdl, uint16_t ch, uint16_t method,
                  const std::string& args, const v1::AmqpMessage& m) {
  std::string out;
  amqp::append_frame(out, amqp::method, ch, amqp::method_payload(c_basic, method, args));
  amqp::append_frame(out, amqp::header, ch, amqp::content_header(m.body().size(), m.properties()));
  size_t chunk = self->state.frame_max - amqp::frame_overhead;
  for (size_t at = 0; at < m.body().size(); at += chunk)
    amqp::append_frame(out, amqp::body, ch, std::string_view{m.body()}.substr(at, chunk));
  write(self, hdl, out);
}

std::string close_args(uint16_t code, const std::string& text, uint16_t cls, uint16_t method) {
  return amqp::writer{}.short_(code).shortstr(text).short_(cls).short_(method).take();
}

/// Closes the connection with an error (a hard error): connection.close,
/// then the socket once the client answers close-ok.
void connection_error(amqp_broker* self, connection_handle hdl, uint16_t code,
                      const std::string& text, uint16_t cls = 0, uint16_t method = 0) {
  auto& st = self->state;
  if (st.at == phase::closing)
    return;
  SPDLOG_DEBUG("AMQP connection error {}: {}", code, text);
  st.at = phase::closing;
  send_method(self, hdl, 0, c_connection, 50, close_args(code, text, cls, method));
}

void give_back_channel(amqp_broker* self, channel& ch);
void end_session(amqp_broker* self, connection_handle hdl);

/// Closes channel `id` with a soft error; the connection goes on.
void close_channel(amqp_broker* self, connection_handle hdl, uint16_t id, uint16_t code,
                   const std::string& text, uint16_t cls = 0, uint16_t method = 0) {
  auto it = self->state.channels.find(id);
  if (it == self->state.channels.end() || it->second.closing)
    return;
  give_back_channel(self, it->second);
  it->second.closing = true;
  send_method(self, hdl, id, c_channel, 40, close_args(code, text, cls, method));
}

// -- partitions -------------------------------------------------------------------

/// The channel `id` if it is still the one opened at `epoch` and open.
channel* live_channel(amqp_broker* self, uint16_t id, uint64_t epoch) {
  auto it = self->state.channels.find(id);
  if (it == self->state.channels.end() || it->second.epoch != epoch || it->second.closing)
    return nullptr;
  return &it->second;
}

/// A failed request the door did not expect: the connection ends with
/// INTERNAL_ERROR naming it.
void internal(amqp_broker* self, connection_handle hdl, const Response& r) {
  connection_error(self, hdl, internal_error, "INTERNAL_ERROR - " + r.error().message());
}

/// Messages in a queue as AMQP counts them: not in flight.
uint32_t message_count(const v1::QueueStatsReply& s) {
  return static_cast<uint32_t>(s.ready() + s.delayed());
}

// -- publishing -----------------------------------------------------------------

void drain_publishes(amqp_broker* self, connection_handle hdl, uint16_t id, uint64_t epoch);

void start_publish(amqp_broker* self, connection_handle hdl, uint16_t id, channel& ch,
                   content_in c) {
  auto job = std::make_shared<publish_job>();
  if (ch.confirm)
    job->confirm_tag = ++ch.next_publish;
  job->mandatory = c.mandatory;
  job->message.set_exchange(c.exchange);
  job->message.set_routing_key(c.routing_key);
  job->message.set_properties(std::move(c.props.raw));
  job->message.set_body(std::move(c.body));
  ch.publishes.push_back(job);
  auto epoch = ch.epoch;
  resolve_exchange(self, self->state.vhost, c.exchange, c.routing_key,
                   c.props.headers.value_or(amqp::field_table{}),
                   [=](std::vector<std::string> queues, uint16_t code, std::string text) {
                     job->routed = true;
                     job->queues = std::move(queues);
                     job->close_code = code;
                     job->close_text = std::move(text);
                     drain_publishes(self, hdl, id, epoch);
                   });
}

/// Sends the emits of the routed publishes at the front of the channel's
/// line, in publish order.
void drain_publishes(amqp_broker* self, connection_handle hdl, uint16_t id, uint64_t epoch) {
  auto* ch = live_channel(self, id, epoch);
  if (ch == nullptr)
    return;
  while (!ch->publishes.empty() && ch->publishes.front()->routed) {
    auto job = ch->publishes.front();
    ch->publishes.pop_front();
    if (job->close_code != 0) {
      if (job->close_code == internal_error)
        connection_error(self, hdl, internal_error, job->close_text);
      else
        close_channel(self, hdl, id, job->close_code, job->close_text, c_basic, 40);
      return;
    }
    emit_to(self, self->state.vhost, job->queues, job->message, [=](bool ok, uint32_t routed) {
      auto* ch = live_channel(self, id, epoch);
      if (ch == nullptr)
        return;
      if (job->mandatory && ok && routed == 0)
        send_content(self, hdl, id, 50,
                     amqp::writer{}
                       .short_(no_route)
                       .shortstr("NO_ROUTE")
                       .shortstr(job->message.exchange())
                       .shortstr(job->message.routing_key())
                       .take(),
                     job->message);
      if (job->confirm_tag != 0) {
        auto args = amqp::writer{}.longlong(job->confirm_tag).bit(false);
        if (!ok)
          args.bit(false);
        send_method(self, hdl, id, c_basic, ok ? 80 : 120, args.take());
      }
    });
  }
}

// -- dead letters ---------------------------------------------------------------

void settle(amqp_broker* self, const unacked_delivery& u, bool requeue);

/// Dead-letters a rejected delivery: to its queue's dead-letter exchange if
/// it has one (then acks it), else drops it.
void dead_letter(amqp_broker* self, unacked_delivery u) {
  // Not stored: it stays in flight here and goes back to its queue when the
  // connection closes.
  dead_letter_to(self, self->state.vhost, u.queue, u.message, "rejected", [=](bool done) {
    if (done)
      settle(self, u, false);
  });
}

/// Acks (requeue false) or gives back a delivery at its queue.
void settle(amqp_broker* self, const unacked_delivery& u, bool requeue) {
  auto req = std::make_shared<Request>();
  if (requeue) {
    auto* n = req->mutable_event_nack();
    n->set_subscription_id(u.subscription);
    n->set_message_id(u.message_id);
    n->set_requeue(true);
    n->set_topic(u.topic);
    n->set_step(std::string{topo::queue_step});
  } else {
    auto* a = req->mutable_event_ack();
    a->set_subscription_id(u.subscription);
    a->set_message_id(u.message_id);
    a->set_topic(u.topic);
    a->set_step(std::string{topo::queue_step});
  }
  // A delivery that timed out meanwhile is no longer this connection's:
  // nothing to settle.
  ask(self, std::move(req), [](const Response&) {});
}

std::shared_ptr<Request> unsubscribe(uint64_t sub, const std::string& topic, bool keep) {
  auto req = std::make_shared<Request>();
  auto* u = req->mutable_event_unsubscribe();
  u->set_subscription_id(sub);
  u->set_keep_deliveries(keep);
  u->set_topic(topic);
  u->set_step(std::string{topo::queue_step});
  return req;
}

/// A closing channel gives its unacked deliveries back and ends its consumers.
void give_back_channel(amqp_broker* self, channel& ch) {
  auto& st = self->state;
  for (auto& [tag, u] : ch.unacked)
    settle(self, u, true);
  ch.unacked.clear();
  for (auto& [tag, sub] : ch.consumers) {
    auto it = st.consumers.find(sub);
    if (it == st.consumers.end())
      continue;
    ask(self, unsubscribe(sub, topo::queue_topic(st.vhost, it->second.queue), false),
        [](const Response&) {});
    st.consumers.erase(it);
  }
  ch.consumers.clear();
  ch.publishes.clear();
}

// -- deliveries -------------------------------------------------------------------

/// Hands delivery `u` of stored message `q` to the client on channel `id`
/// under the channel's next delivery tag: `method` (deliver 60, get-ok 71)
/// with `before` ahead of the tag's fields and `after` behind them. With
/// no_ack it is settled at once; else it waits for the client's ack.
void hand_over(amqp_broker* self, connection_handle hdl, uint16_t id, channel& ch, uint16_t method,
               const std::string& before, const std::string& after, const v1::QueueMessage& q,
               unacked_delivery u, bool no_ack) {
  auto tag = ++ch.next_tag;
  auto fields = amqp::writer{}
                  .longlong(tag)
                  .bit(q.redelivered() || q.attempt() > 1)
                  .shortstr(u.message.exchange())
                  .shortstr(u.message.routing_key())
                  .take();
  send_content(self, hdl, id, method, before + fields + after, u.message);
  if (no_ack)
    settle(self, u, false);
  else
    ch.unacked.emplace(tag, std::move(u));
}

void deliver(amqp_broker* self, connection_handle hdl, uint64_t sub, const v1::QueueMessage& q) {
  auto& st = self->state;
  auto it = st.consumers.find(sub);
  auto topic = it != st.consumers.end() ? topo::queue_topic(st.vhost, it->second.queue) : q.topic();
  auto* ch = it == st.consumers.end() ? nullptr
                                      : live_channel(self, it->second.channel, it->second.epoch);
  if (ch == nullptr) {  // cancelled meanwhile: back to the queue
    settle(self, unacked_delivery{sub, topic, {}, q.message_id(), {}}, true);
    return;
  }
  auto& c = it->second;
  hand_over(self, hdl, c.channel, *ch, 60, amqp::writer{}.shortstr(c.tag).take(), {}, q,
            unacked_delivery{sub, topic, c.queue, q.message_id(), stored_message(q, c.queue)},
            c.no_ack);
}

/// The consumer's queue was deleted (by any connection, on any node): it
/// ends, and the client hears it as RabbitMQ tells it (basic.cancel, no
/// answer wanted). Its unacknowledged deliveries stay on the channel.
void cancel_consumer(amqp_broker* self, connection_handle hdl, uint64_t subscription) {
  auto& st = self->state;
  auto it = st.consumers.find(subscription);
  if (it == st.consumers.end())
    return;
  if (!it->second.ready) {
    it->second.cancelled = true;
    return;
  }
  auto c = std::move(it->second);
  st.consumers.erase(it);
  auto* ch = live_channel(self, c.channel, c.epoch);
  if (ch == nullptr)
    return;
  ch->consumers.erase(c.tag);
  send_method(self, hdl, c.channel, c_basic, 30, amqp::writer{}.shortstr(c.tag).bit(true).take());
}

void on_push(amqp_broker* self, connection_handle hdl, protocol::push_msg& msg) {
  auto& st = self->state;
  if (msg.kind == protocol::push_msg::delivery && msg.overflow)
    return cancel_consumer(self, hdl, msg.subscription_id);
  if (msg.kind != protocol::push_msg::delivery || !msg.event)
    return;
  auto it = st.consumers.find(msg.subscription_id);
  if (it != st.consumers.end() && !it->second.ready) {
    it->second.early.push_back(std::move(msg));
    return;
  }
  v1::QueueMessage q;
  if (q.ParseFromString(*msg.event))
    deliver(self, hdl, msg.subscription_id, q);
}

// -- methods ------------------------------------------------------------------------

struct method_ctx {
  amqp_broker* self;
  connection_handle hdl;
  uint16_t id;  // channel
  channel* ch;
  uint16_t cls;
  uint16_t method;
  amqp::reader& in;
};

/// The channel's reply, if the channel is still the one that asked.
struct reply_to {
  amqp_broker* self;
  connection_handle hdl;
  uint16_t id;
  uint64_t epoch;

  channel* live() const { return live_channel(self, id, epoch); }
  void ok(uint16_t cls, uint16_t method, const std::string& args = {}) const {
    if (live())
      send_method(self, hdl, id, cls, method, args);
  }
  void fail(uint16_t code, const std::string& text, uint16_t cls, uint16_t method) const {
    close_channel(self, hdl, id, code, text, cls, method);
  }
};

reply_to replier(const method_ctx& m) {
  return reply_to{m.self, m.hdl, m.id, m.ch->epoch};
}

std::string random_name(const char* prefix) {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out = prefix;
  for (int i = 0; i < 22; ++i)
    out.push_back(alphabet[rng() % 64]);
  return out;
}

bool reserved_name(const std::string& name) {
  return name.rfind("amq.", 0) == 0;
}

void exchange_declare(const method_ctx& m) {
  m.in.short_();
  auto name = m.in.shortstr();
  auto type = m.in.shortstr();
  bool passive = m.in.bit();
  bool durable = m.in.bit();
  bool auto_delete = m.in.bit();
  bool internal_flag = m.in.bit();
  bool nowait = m.in.bit();
  m.in.table();
  auto r = replier(m);
  auto& vhost = m.self->state.vhost;
  auto done = [r, nowait] {
    if (!nowait)
      r.ok(c_exchange, 11);
  };
  if (name.empty()) {
    r.fail(access_refused, "ACCESS_REFUSED - operation not permitted on the default exchange",
           c_exchange, 10);
    return;
  }
  if (auto builtin = topo::builtin_exchange(name)) {
    if (passive || builtin->type == type)
      done();
    else
      r.fail(precondition_failed, "PRECONDITION_FAILED - inequivalent arg 'type' for "
                                    + quoted("exchange", name, vhost) + ": received '" + type
                                    + "' but current is '" + builtin->type + "'",
             c_exchange, 10);
    return;
  }
  if (!passive && reserved_name(name)) {
    r.fail(access_refused, "ACCESS_REFUSED - exchange name '" + name
                             + "' contains reserved prefix 'amq.*'",
           c_exchange, 10);
    return;
  }
  if (!passive && !topo::known_type(type)) {
    if (type == "x-consistent-hash" || type == "x-delayed-message")
      connection_error(m.self, m.hdl, not_implemented,
                       "NOT_IMPLEMENTED - exchange type '" + type + "' is not supported",
                       c_exchange, 10);
    else
      connection_error(m.self, m.hdl, command_invalid,
                       "COMMAND_INVALID - unknown exchange type '" + type + "'", c_exchange, 10);
    return;
  }
  auto group = topo::exchange_group(vhost, name);
  topo::exchange_def def{type, durable, auto_delete, internal_flag};
  auto self = m.self;
  auto hdl = m.hdl;
  ask(self, state_get(group, std::string{topo::exchange_key}), [=](const Response& resp) {
    if (resp.has_error())
      return internal(self, hdl, resp);
    std::optional<topo::exchange_def> current;
    if (resp.value().found())
      current = topo::decode_exchange(resp.value().value());
    if (passive) {
      if (current)
        done();
      else
        r.fail(not_found, "NOT_FOUND - no " + quoted("exchange", name, vhost), c_exchange, 10);
      return;
    }
    if (current) {
      if (current->type != type)
        r.fail(precondition_failed, "PRECONDITION_FAILED - inequivalent arg 'type' for "
                                      + quoted("exchange", name, vhost) + ": received '" + type
                                      + "' but current is '" + current->type + "'",
               c_exchange, 10);
      else if (current->durable != durable)
        r.fail(precondition_failed, "PRECONDITION_FAILED - inequivalent arg 'durable' for "
                                      + quoted("exchange", name, vhost) + ": received '"
                                      + (durable ? "true" : "false") + "' but current is '"
                                      + (current->durable ? "true" : "false") + "'",
               c_exchange, 10);
      else
        done();
      return;
    }
    ask(self, state_set(group, std::string{topo::exchange_key}, topo::encode(def)),
        [=](const Response& set) {
          if (set.has_error())
            return internal(self, hdl, set);
          done();
        });
  });
}

void exchange_delete(const method_ctx& m) {
  m.in.short_();
  auto name = m.in.shortstr();
  m.in.bit();  // if-unused
  bool nowait = m.in.bit();
  auto r = replier(m);
  if (name.empty() || reserved_name(name)) {
    r.fail(access_refused, "ACCESS_REFUSED - operation not permitted on "
                             + (name.empty() ? std::string{"the default exchange"}
                                             : "exchange '" + name + "'"),
           c_exchange, 20);
    return;
  }
  auto req = std::make_shared<Request>();
  req->mutable_state_clear()->set_trace_id(topo::exchange_group(m.self->state.vhost, name));
  auto self = m.self;
  auto hdl = m.hdl;
  ask(self, std::move(req), [=](const Response& resp) {
    if (resp.has_error())
      return internal(self, hdl, resp);
    if (!nowait)
      r.ok(c_exchange, 21);
  });
}

/// The queue arguments the door knows; an error text for a malformed one.
std::optional<std::string> parse_queue_args(const amqp::field_table& args, topo::queue_def& q) {
  for (auto& [name, v] : args) {
    if (name == "x-dead-letter-exchange") {
      if (!(q.dead_letter_exchange = v.as_string()))
        return "invalid arg 'x-dead-letter-exchange': not a string";
    } else if (name == "x-dead-letter-routing-key") {
      if (!(q.dead_letter_routing_key = v.as_string()))
        return "invalid arg 'x-dead-letter-routing-key': not a string";
    } else if (name == "x-message-ttl") {
      if (!(q.message_ttl_ms = v.as_int()) || *q.message_ttl_ms < 0)
        return "invalid arg 'x-message-ttl': not a non-negative integer";
    } else if (name == "x-max-priority") {
      if (!(q.max_priority = v.as_int()) || *q.max_priority < 0 || *q.max_priority > 255)
        return "invalid arg 'x-max-priority': not an integer between 0 and 255";
    }
  }
  return std::nullopt;
}

/// The text of RabbitMQ's 405 for another connection's exclusive queue.
std::string locked(const std::string& name, const std::string& vhost) {
  return "RESOURCE_LOCKED - cannot obtain exclusive access to locked " + quoted("queue", name, vhost)
         + ". It could be originally declared on another connection or the exclusive property "
           "value does not match that of the original declaration.";
}

/// Calls fn(def) with queue `name`'s record; closes the channel with 404
/// when there is none, 405 when it is another connection's exclusive queue.
template <class F>
void with_queue(amqp_broker* self, connection_handle hdl, reply_to r, const std::string& name,
                uint16_t cls, uint16_t method, F fn) {
  auto vhost = self->state.vhost;
  ask(self, state_get(topo::queues_group(vhost), name), [=](const Response& got) {
    if (got.has_error())
      return internal(self, hdl, got);
    std::optional<topo::queue_def> def;
    if (got.value().found())
      def = topo::decode_queue(got.value().value());
    if (!def)
      return r.fail(not_found, "NOT_FOUND - no " + quoted("queue", name, vhost), cls, method);
    if (!def->owner.empty() && def->owner != self->state.connection_name)
      return r.fail(resource_locked, locked(name, vhost), cls, method);
    fn(*def);
  });
}

/// Answers queue.declare-ok with the queue's counts.
void declare_ok(amqp_broker* self, connection_handle hdl, reply_to r, const std::string& name,
                bool nowait) {
  ask(self, queue_stats(topo::queue_topic(self->state.vhost, name)), [=](const Response& s) {
    if (s.has_error())
      return internal(self, hdl, s);
    if (!nowait)
      r.ok(c_queue, 11,
           amqp::writer{}
             .shortstr(name)
             .long_(message_count(s.queue_stats()))
             .long_(static_cast<uint32_t>(s.queue_stats().consumers()))
             .take());
  });
}

void queue_declare(const method_ctx& m) {
  m.in.short_();
  auto name = m.in.shortstr();
  bool passive = m.in.bit();
  topo::queue_def def;
  def.durable = m.in.bit();
  def.exclusive = m.in.bit();
  def.auto_delete = m.in.bit();
  bool nowait = m.in.bit();
  auto args = m.in.table();
  auto r = replier(m);
  auto self = m.self;
  auto hdl = m.hdl;
  auto& vhost = self->state.vhost;
  if (passive)
    return with_queue(self, hdl, r, name, c_queue, 10,
                      [=](const topo::queue_def&) { declare_ok(self, hdl, r, name, nowait); });
  if (name.empty())
    name = random_name("amq.gen-");
  else if (reserved_name(name))
    return r.fail(access_refused, "ACCESS_REFUSED - queue name '" + name
                                    + "' contains reserved prefix 'amq.*'",
                  c_queue, 10);
  if (auto bad = parse_queue_args(args, def))
    return r.fail(precondition_failed, "PRECONDITION_FAILED - " + *bad, c_queue, 10);
  if (def.exclusive)
    def.owner = self->state.connection_name;
  auto group = topo::queues_group(vhost);
  ask(self, state_get(group, name), [=, declared = def](const Response& got) {
    if (got.has_error())
      return internal(self, hdl, got);
    auto def = declared;
    if (got.value().found()) {
      auto current = topo::decode_queue(got.value().value());
      if (current && !current->owner.empty() && current->owner != self->state.connection_name)
        return r.fail(resource_locked, locked(name, vhost), c_queue, 10);
      if (current)
        def.owner = current->owner;
      if (current && !current->equivalent(def))
        return r.fail(precondition_failed, "PRECONDITION_FAILED - inequivalent arg for "
                                             + quoted("queue", name, vhost)
                                             + ": its arguments differ from the current ones",
                      c_queue, 10);
    }
    if (def.exclusive || def.auto_delete)
      self->state.owned_queues[name];
    ask(self, state_set(group, name, topo::encode(def)), [=](const Response& set) {
      if (set.has_error())
        return internal(self, hdl, set);
      auto sub = std::make_shared<Request>();
      auto* s = sub->mutable_event_subscribe();
      s->set_topic(topo::queue_topic(self->state.vhost, name));
      s->set_step(std::string{topo::queue_step});
      *s->mutable_config() = queue_config(def, 1);
      s->set_declare_only(true);
      ask(self, std::move(sub), [=](const Response& subscribed) {
        if (subscribed.has_error())
          return internal(self, hdl, subscribed);
        declare_ok(self, hdl, r, name, nowait);
      });
    });
  });
}

/// Writes or deletes a binding in both its exchange's and its queue's group.
template <class F>
void write_binding(amqp_broker* self, const std::string& queue, const std::string& exchange,
                   const std::string& key, const std::string& args, bool bind, F done) {
  auto& vhost = self->state.vhost;
  auto in_exchange = topo::exchange_group(vhost, exchange);
  auto in_queue = topo::queue_bindings_group(vhost, queue);
  auto xkey = topo::binding_key(queue, key, args);
  auto qkey = topo::binding_key(exchange, key, args);
  topo::binding of_queue{exchange, key, args};
  if (auto owned = self->state.owned_queues.find(queue); owned != self->state.owned_queues.end()) {
    if (bind)
      owned->second.insert(of_queue);
    else
      owned->second.erase(of_queue);
  }
  auto first = bind ? state_set(in_exchange, xkey, topo::encode(topo::binding{queue, key, args}))
                    : state_delete(in_exchange, xkey);
  auto second = bind ? state_set(in_queue, qkey, topo::encode(of_queue))
                     : state_delete(in_queue, qkey);
  ask(self, first, [=](const Response& a) {
    if (a.has_error() && !is_not_found(a))
      return done(a);
    ask(self, second, [=](const Response& b) { done(b); });
  });
}

void queue_bind(const method_ctx& m, bool bind) {
  m.in.short_();
  auto queue = m.in.shortstr();
  auto exchange = m.in.shortstr();
  auto key = m.in.shortstr();
  bool nowait = bind ? m.in.bit() : false;
  auto table = m.in.table();
  // Kept encoded; no arguments at all as none, as an empty table.
  auto args = table.empty() ? std::string{} : amqp::writer{}.table(table).take();
  auto r = replier(m);
  auto self = m.self;
  auto hdl = m.hdl;
  auto vhost = self->state.vhost;
  uint16_t method = bind ? 20 : 50;
  if (exchange.empty())
    return r.fail(access_refused, "ACCESS_REFUSED - operation not permitted on the default exchange",
                  c_queue, method);
  auto finish = [=](const Response& resp) {
    if (resp.has_error() && !is_not_found(resp))
      return internal(self, hdl, resp);
    if (!nowait)
      r.ok(c_queue, bind ? 21 : 51);
  };
  // A headers exchange's binding must say how it matches (RabbitMQ: 406).
  auto bind_to = [=](const topo::exchange_def& def) {
    if (bind && def.type == "headers")
      if (auto error = topo::headers_binding_error(args))
        return r.fail(precondition_failed, *error, c_queue, method);
    write_binding(self, queue, exchange, key, args, bind, finish);
  };
  with_queue(self, hdl, r, queue, c_queue, method, [=](const topo::queue_def&) {
    if (auto builtin = topo::builtin_exchange(exchange))
      return bind_to(*builtin);
    ask(self, state_get(topo::exchange_group(vhost, exchange), std::string{topo::exchange_key}),
        [=](const Response& x) {
          if (x.has_error())
            return internal(self, hdl, x);
          if (!x.value().found())
            return r.fail(not_found, "NOT_FOUND - no " + quoted("exchange", exchange, vhost),
                          c_queue, method);
          bind_to(topo::decode_exchange(x.value().value()).value_or(topo::exchange_def{}));
        });
  });
}

void queue_purge(const method_ctx& m) {
  m.in.short_();
  auto queue = m.in.shortstr();
  bool nowait = m.in.bit();
  auto r = replier(m);
  auto self = m.self;
  auto hdl = m.hdl;
  auto vhost = self->state.vhost;
  with_queue(self, hdl, r, queue, c_queue, 30, [=](const topo::queue_def&) {
    auto req = std::make_shared<Request>();
    req->mutable_queue_purge()->set_topic(topo::queue_topic(vhost, queue));
    req->mutable_queue_purge()->set_step(std::string{topo::queue_step});
    ask(self, std::move(req), [=](const Response& resp) {
      if (is_not_found(resp))
        return r.fail(not_found, "NOT_FOUND - no " + quoted("queue", queue, vhost), c_queue, 30);
      if (resp.has_error())
        return internal(self, hdl, resp);
      if (!nowait)
        r.ok(c_queue, 31, amqp::writer{}.long_(static_cast<uint32_t>(resp.count().count())).take());
    });
  });
}

/// Removes queue `name`: its step queue, its record, its `bindings` (each
/// naming its exchange) and its bindings group; then done().
template <class F>
void remove_queue(amqp_broker* self, const std::string& name,
                  const std::vector<topo::binding>& bindings, F done) {
  auto& vhost = self->state.vhost;
  auto ignore = [](const Response&) {};
  auto remove = std::make_shared<Request>();
  remove->mutable_event_remove_step()->set_topic(topo::queue_topic(vhost, name));
  remove->mutable_event_remove_step()->set_step(std::string{topo::queue_step});
  ask(self, std::move(remove), ignore);
  ask(self, state_delete(topo::queues_group(vhost), name), ignore);
  for (auto& b : bindings)
    ask(self, state_delete(topo::exchange_group(vhost, b.name),
                           topo::binding_key(name, b.routing_key, b.arguments)),
        ignore);
  auto clear = std::make_shared<Request>();
  clear->mutable_state_clear()->set_trace_id(topo::queue_bindings_group(vhost, name));
  ask(self, std::move(clear), [=](const Response&) { done(); });
}

/// Deletes queue `name` with the bindings its group records; then done().
template <class F>
void delete_queue(amqp_broker* self, const std::string& name, F done) {
  auto qb = topo::queue_bindings_group(self->state.vhost, name);
  ask(self, state_group(qb), [=](const Response& g) {
    std::vector<topo::binding> bindings;
    if (!g.has_error())
      for (auto& item : g.items().items())
        if (auto b = topo::decode_binding(item.value()))
          bindings.push_back(std::move(*b));
    remove_queue(self, name, bindings, done);
  });
}

void queue_delete(const method_ctx& m) {
  m.in.short_();
  auto queue = m.in.shortstr();
  bool if_unused = m.in.bit();
  bool if_empty = m.in.bit();
  bool nowait = m.in.bit();
  auto r = replier(m);
  auto self = m.self;
  auto hdl = m.hdl;
  auto vhost = self->state.vhost;
  ask(self, queue_stats(topo::queue_topic(vhost, queue)), [=](const Response& s) {
    if (is_not_found(s)) {  // deleting what is not there is not an error
      if (!nowait)
        r.ok(c_queue, 41, amqp::writer{}.long_(0).take());
      return;
    }
    if (s.has_error())
      return internal(self, hdl, s);
    auto& stats = s.queue_stats();
    if (if_unused && stats.consumers() > 0)
      return r.fail(precondition_failed, "PRECONDITION_FAILED - " + quoted("queue", queue, vhost)
                                           + " in use",
                    c_queue, 40);
    auto count = message_count(stats);
    if (if_empty && count > 0)
      return r.fail(precondition_failed, "PRECONDITION_FAILED - " + quoted("queue", queue, vhost)
                                           + " not empty",
                    c_queue, 40);
    self->state.owned_queues.erase(queue);
    delete_queue(self, queue, [=] {
      if (!nowait)
        r.ok(c_queue, 41, amqp::writer{}.long_(count).take());
    });
  });
}

void basic_consume(const method_ctx& m) {
  m.in.short_();
  auto queue = m.in.shortstr();
  auto tag = m.in.shortstr();
  m.in.bit();  // no-local
  bool no_ack = m.in.bit();
  m.in.bit();  // exclusive
  bool nowait = m.in.bit();
  m.in.table();
  auto r = replier(m);
  auto self = m.self;
  auto hdl = m.hdl;
  auto& st = self->state;
  if (tag.empty())
    tag = random_name("amq.ctag-");
  if (m.ch->consumers.count(tag) != 0)
    return connection_error(self, hdl, not_allowed,
                            "NOT_ALLOWED - attempt to reuse consumer tag '" + tag + "'", c_basic, 20);
  auto vhost = st.vhost;
  auto topic = topo::queue_topic(vhost, queue);
  auto sub = ++st.next_subscription;
  int32_t credit = no_ack || m.ch->prefetch == 0 ? unlimited_credit : m.ch->prefetch;
  m.ch->consumers.emplace(tag, sub);
  st.consumers.emplace(sub, consumer{m.id, m.ch->epoch, tag, queue, no_ack, false, {}});
  // A failure closes the channel, which ends the consumer.
  with_queue(self, hdl, r, queue, c_basic, 20, [=](const topo::queue_def& def) {
    auto req = std::make_shared<Request>();
    auto* e = req->mutable_event_subscribe();
    e->set_topic(topic);
    e->set_step(std::string{topo::queue_step});
    *e->mutable_config() = queue_config(def, credit);
    e->set_subscription_id(sub);
    ask(self, std::move(req), [=](const Response& resp) {
      if (resp.has_error())
        return internal(self, hdl, resp);
      auto it = self->state.consumers.find(sub);
      if (it == self->state.consumers.end())
        return;
      if (!nowait)
        r.ok(c_basic, 21, amqp::writer{}.shortstr(tag).take());
      it->second.ready = true;
      auto early = std::move(it->second.early);
      for (auto& msg : early)
        on_push(self, hdl, msg);
      if (it->second.cancelled)
        cancel_consumer(self, hdl, sub);
    });
  });
}

void basic_cancel(const method_ctx& m) {
  auto tag = m.in.shortstr();
  bool nowait = m.in.bit();
  auto& st = m.self->state;
  auto it = m.ch->consumers.find(tag);
  if (it != m.ch->consumers.end()) {
    auto sub = it->second;
    if (auto c = st.consumers.find(sub); c != st.consumers.end()) {
      ask(m.self, unsubscribe(sub, topo::queue_topic(st.vhost, c->second.queue), true),
          [](const Response&) {});
      st.consumers.erase(c);
    }
    m.ch->consumers.erase(it);
  }
  if (!nowait)
    send_method(m.self, m.hdl, m.id, c_basic, 31, amqp::writer{}.shortstr(tag).take());
}

void basic_get(const method_ctx& m) {
  m.in.short_();
  auto queue = m.in.shortstr();
  bool no_ack = m.in.bit();
  auto r = replier(m);
  auto self = m.self;
  auto hdl = m.hdl;
  auto& st = self->state;
  if (m.ch->get_subscription == 0)
    m.ch->get_subscription = ++st.next_subscription;
  auto sub = m.ch->get_subscription;
  auto vhost = st.vhost;
  auto topic = topo::queue_topic(vhost, queue);
  auto req = std::make_shared<Request>();
  auto* f = req->mutable_event_fetch();
  f->set_topic(topic);
  f->set_step(std::string{topo::queue_step});
  f->set_subscription_id(sub);
  with_queue(self, hdl, r, queue, c_basic, 70, [=](const topo::queue_def&) {
    ask(self, req, [=](const Response& resp) {
      if (is_not_found(resp))
        return r.fail(not_found, "NOT_FOUND - no " + quoted("queue", queue, vhost), c_basic, 70);
      if (resp.has_error())
        return internal(self, hdl, resp);
      auto* ch = r.live();
      auto& fetched = resp.fetch();
      if (!fetched.has_message()) {
        if (ch != nullptr)
          send_method(self, hdl, r.id, c_basic, 72, amqp::writer{}.shortstr("").take());
        return;
      }
      auto& q = fetched.message();
      unacked_delivery u{sub, topic, queue, q.message_id(), stored_message(q, queue)};
      if (ch == nullptr) {
        settle(self, u, true);
        return;
      }
      hand_over(self, hdl, r.id, *ch, 71, {},
                amqp::writer{}.long_(static_cast<uint32_t>(fetched.ready())).take(), q, u, no_ack);
    });
  });
}

/// The unacked deliveries `tag` names (with `multiple`: up to it; tag 0:
/// all); false when a single tag is unknown.
bool take_tags(channel& ch, uint64_t tag, bool multiple, std::vector<unacked_delivery>& out) {
  if (!multiple) {
    auto it = ch.unacked.find(tag);
    if (it == ch.unacked.end())
      return false;
    out.push_back(std::move(it->second));
    ch.unacked.erase(it);
    return true;
  }
  auto end = tag == 0 ? ch.unacked.end() : ch.unacked.upper_bound(tag);
  for (auto it = ch.unacked.begin(); it != end;)
    out.push_back(std::move(it->second)), it = ch.unacked.erase(it);
  return true;
}

void basic_settle(const method_ctx& m) {
  auto tag = m.in.longlong();
  bool multiple = m.method == 90 ? false : m.in.bit();  // reject has no multiple
  bool requeue = m.method == 80 ? false : m.in.bit();
  std::vector<unacked_delivery> settled;
  if (!take_tags(*m.ch, tag, multiple, settled))
    return close_channel(m.self, m.hdl, m.id, precondition_failed,
                         "PRECONDITION_FAILED - unknown delivery tag " + std::to_string(tag),
                         c_basic, m.method);
  for (auto& u : settled) {
    if (m.method == 80 || requeue)
      settle(m.self, u, requeue);
    else
      dead_letter(m.self, std::move(u));
  }
}

void on_channel_method(const method_ctx& m) {
  auto key = (uint32_t{m.cls} << 16) | m.method;
  auto& st = m.self->state;
  switch (key) {
    case (c_channel << 16) | 20: {  // flow
      bool active = m.in.bit();
      send_method(m.self, m.hdl, m.id, c_channel, 21, amqp::writer{}.bit(active).take());
      return;
    }
    case (c_channel << 16) | 40: {  // close
      give_back_channel(m.self, *m.ch);
      st.channels.erase(m.id);
      send_method(m.self, m.hdl, m.id, c_channel, 41);
      return;
    }
    case (c_exchange << 16) | 10: return exchange_declare(m);
    case (c_exchange << 16) | 20: return exchange_delete(m);
    case (c_queue << 16) | 10: return queue_declare(m);
    case (c_queue << 16) | 20: return queue_bind(m, true);
    case (c_queue << 16) | 50: return queue_bind(m, false);
    case (c_queue << 16) | 30: return queue_purge(m);
    case (c_queue << 16) | 40: return queue_delete(m);
    case (c_basic << 16) | 10: {  // qos
      m.in.long_();
      m.ch->prefetch = m.in.short_();
      m.in.bit();
      send_method(m.self, m.hdl, m.id, c_basic, 11);
      return;
    }
    case (c_basic << 16) | 20: return basic_consume(m);
    case (c_basic << 16) | 30: return basic_cancel(m);
    case (c_basic << 16) | 40: {  // publish: its content follows
      m.in.short_();
      content_in c;
      c.exchange = m.in.shortstr();
      c.routing_key = m.in.shortstr();
      c.mandatory = m.in.bit();
      m.ch->content = std::move(c);
      return;
    }
    case (c_basic << 16) | 70: return basic_get(m);
    case (c_basic << 16) | 80:
    case (c_basic << 16) | 90:
    case (c_basic << 16) | 120: return basic_settle(m);
    case (c_basic << 16) | 100:    // recover-async
    case (c_basic << 16) | 110: {  // recover: every unacked delivery again
      for (auto& [tag, u] : m.ch->unacked)
        settle(m.self, u, true);
      m.ch->unacked.clear();
      if (m.method == 110)
        send_method(m.self, m.hdl, m.id, c_basic, 111);
      return;
    }
    case (c_confirm << 16) | 10: {
      bool nowait = m.in.bit();
      m.ch->confirm = true;
      if (!nowait)
        send_method(m.self, m.hdl, m.id, c_confirm, 11);
      return;
    }
    default:
      connection_error(m.self, m.hdl, not_implemented,
                       "NOT_IMPLEMENTED - method " + std::to_string(m.cls) + "."
                         + std::to_string(m.method) + " is not supported",
                       m.cls, m.method);
  }
}

// -- connection ---------------------------------------------------------------------

std::string start_args() {
  amqp::field_table caps{
    {"publisher_confirms", amqp::bool_value(true)},
    {"exchange_exchange_bindings", amqp::bool_value(false)},
    {"basic.nack", amqp::bool_value(true)},
    {"consumer_cancel_notify", amqp::bool_value(true)},
    {"connection.blocked", amqp::bool_value(false)},
    {"authentication_failure_close", amqp::bool_value(true)},
    {"per_consumer_qos", amqp::bool_value(true)},
  };
  amqp::field_table props{
    {"product", amqp::string_value("Troupe")},
    {"version", amqp::string_value(TROUPE_VERSION)},
    {"platform", amqp::string_value("C++")},
    {"capabilities", amqp::table_value(caps)},
  };
  return amqp::writer{}.octet(0).octet(9).table(props).longstr("PLAIN AMQPLAIN").longstr("en_US").take();
}

/// The password of a PLAIN or AMQPLAIN response; nullopt if malformed.
std::optional<std::string> password_of(const std::string& mechanism, const std::string& response) {
  if (mechanism == "PLAIN") {
    auto second = response.find('\0', response.find('\0') + 1);
    if (response.find('\0') == std::string::npos || second == std::string::npos)
      return std::nullopt;
    return response.substr(second + 1);
  }
  if (mechanism == "AMQPLAIN") {
    std::string wrapped;
    wrapped.push_back(static_cast<char>((response.size() >> 24) & 0xFF));
    wrapped.push_back(static_cast<char>((response.size() >> 16) & 0xFF));
    wrapped.push_back(static_cast<char>((response.size() >> 8) & 0xFF));
    wrapped.push_back(static_cast<char>(response.size() & 0xFF));
    amqp::reader r{wrapped + response};
    auto t = r.table();
    auto* p = amqp::find_field(t, "PASSWORD");
    if (!r.ok() || p == nullptr)
      return std::nullopt;
    return p->as_string();
  }
  return std::nullopt;
}

void on_connection_method(amqp_broker* self, connection_handle hdl, uint16_t method,
                          amqp::reader& in) {
  auto& st = self->state;
  switch (method) {
    case 11: {  // start-ok
      if (st.at != phase::start_ok)
        break;
      in.table();
      auto mechanism = in.shortstr();
      auto response = in.longstr();
      in.shortstr();
      auto password = password_of(mechanism, response);
      if (!in.ok() || !password)
        return connection_error(self, hdl, access_refused,
                                "ACCESS_REFUSED - unsupported authentication mechanism or malformed response",
                                c_connection, 11);
      if (!st.ctx->token.empty() && !tokens_equal(*password, st.ctx->token)) {
        st.ctx->auth->failed(self->remote_addr(hdl), "AMQP");
        return connection_error(self, hdl, access_refused,
                                "ACCESS_REFUSED - Login was refused using authentication mechanism "
                                  + mechanism,
                                c_connection, 11);
      }
      st.at = phase::tune_ok;
      send_method(self, hdl, 0, c_connection, 30,
                  amqp::writer{}.short_(channel_max).long_(frame_max).short_(heartbeat_seconds).take());
      return;
    }
    case 31: {  // tune-ok
      if (st.at != phase::tune_ok)
        break;
      in.short_();
      auto fm = in.long_();
      st.heartbeat = in.short_();
      st.frame_max = fm == 0 ? frame_max : std::clamp<uint32_t>(fm, 4096, frame_max);
      st.reader.set_max_frame_bytes(st.frame_max);
      st.at = phase::open;
      return;
    }
    case 40: {  // open
      if (st.at != phase::open)
        break;
      st.vhost = in.shortstr();
      if (st.vhost.empty())
        st.vhost = "/";
      if (st.vhost.find('|') != std::string::npos)
        return connection_error(self, hdl, not_allowed,
                                "NOT_ALLOWED - vhost names may not contain '|'", c_connection, 40);
      st.at = phase::running;
      send_method(self, hdl, 0, c_connection, 41, amqp::writer{}.shortstr("").take());
      return;
    }
    case 50:  // close
      send_method(self, hdl, 0, c_connection, 51);
      st.at = phase::closing;
      end_session(self, hdl);
      return;
    case 51:  // close-ok
      end_session(self, hdl);
      return;
    default:
      break;
  }
  connection_error(self, hdl, command_invalid,
                   "COMMAND_INVALID - unexpected connection method " + std::to_string(method),
                   c_connection, method);
}

void on_content(amqp_broker* self, connection_handle hdl, uint16_t id, channel& ch,
                const amqp::frame& f) {
  auto& c = *ch.content;
  if (f.type == amqp::header) {
    uint16_t cls = 0;
    if (c.have_header || !amqp::decode_content_header(f.payload, cls, c.body_size, c.props))
      return connection_error(self, hdl, frame_error, "FRAME_ERROR - malformed content header");
    c.have_header = true;
    auto limit = self->state.ctx->max_value_bytes;
    if (c.body_size + c.props.raw.size() + c.exchange.size() + c.routing_key.size() + 64 > limit) {
      ch.content.reset();
      return close_channel(self, hdl, id, precondition_failed,
                           "PRECONDITION_FAILED - message size " + std::to_string(c.body_size)
                             + " is larger than configured max size " + std::to_string(limit),
                           c_basic, 40);
    }
    c.body.reserve(c.body_size);
  } else {
    if (!c.have_header || c.body.size() + f.payload.size() > c.body_size)
      return connection_error(self, hdl, unexpected_frame,
                              "UNEXPECTED_FRAME - content body does not match its header");
    c.body += f.payload;
  }
  if (c.have_header && c.body.size() == c.body_size) {
    auto done = std::move(*ch.content);
    ch.content.reset();
    if (done.props.expiration && !topo::expiration_ms(*done.props.expiration)) {
      auto& e = *done.props.expiration;
      bool negative = e.size() > 1 && e[0] == '-' && topo::expiration_ms(e.substr(1));
      return close_channel(self, hdl, id, precondition_failed,
                           "PRECONDITION_FAILED - invalid expiration '" + e + "': "
                             + (negative ? "{value_negative," + e + "}" : "no_integer"),
                           c_basic, 40);
    }
    start_publish(self, hdl, id, ch, std::move(done));
  }
}

void on_frame(amqp_broker* self, connection_handle hdl, amqp::frame& f) {
  auto& st = self->state;
  if (f.type == amqp::heartbeat)
    return;
  if (st.at == phase::closing) {
    // After connection.close only close-ok (or close) counts.
    if (f.type == amqp::method && f.channel == 0 && f.payload.size() >= 4) {
      amqp::reader in{f.payload};
      auto cls = in.short_();
      auto method = in.short_();
      if (cls == c_connection && (method == 50 || method == 51)) {
        if (method == 50)
          send_method(self, hdl, 0, c_connection, 51);
        end_session(self, hdl);
      }
    }
    return;
  }
  if (f.type != amqp::method) {
    auto it = st.channels.find(f.channel);
    if (it == st.channels.end() || (f.type != amqp::header && f.type != amqp::body))
      return connection_error(self, hdl, unexpected_frame, "UNEXPECTED_FRAME - content on channel "
                                                             + std::to_string(f.channel));
    if (it->second.closing)
      return;
    if (!it->second.content)
      return connection_error(self, hdl, unexpected_frame,
                              "UNEXPECTED_FRAME - content without basic.publish");
    return on_content(self, hdl, f.channel, it->second, f);
  }
  amqp::reader in{f.payload};
  auto cls = in.short_();
  auto method = in.short_();
  if (!in.ok())
    return connection_error(self, hdl, frame_error, "FRAME_ERROR - short method frame");
  if (f.channel == 0) {
    if (cls != c_connection)
      return connection_error(self, hdl, channel_error, "CHANNEL_ERROR - expected a connection method on channel 0",
                              cls, method);
    on_connection_method(self, hdl, method, in);
  } else if (st.at != phase::running) {
    return connection_error(self, hdl, channel_error, "CHANNEL_ERROR - the connection is not open");
  } else if (cls == c_channel && method == 10) {  // open
    if (f.channel > channel_max || st.channels.count(f.channel) != 0)
      return connection_error(self, hdl, channel_error, "CHANNEL_ERROR - second 'channel.open' seen",
                              cls, method);
    auto& ch = st.channels[f.channel];
    ch.epoch = ++st.next_epoch;
    send_method(self, hdl, f.channel, c_channel, 11, amqp::writer{}.longstr("").take());
    return;
  } else {
    auto it = st.channels.find(f.channel);
    if (it == st.channels.end())
      return connection_error(self, hdl, channel_error, "CHANNEL_ERROR - expected 'channel.open'",
                              cls, method);
    auto& ch = it->second;
    if (ch.closing) {  // only close-ok (or close) after our channel.close
      if (cls == c_channel && (method == 40 || method == 41)) {
        if (method == 40)
          send_method(self, hdl, f.channel, c_channel, 41);
        st.channels.erase(it);
      }
      return;
    }
    if (ch.content)
      return connection_error(self, hdl, unexpected_frame,
                              "UNEXPECTED_FRAME - expected content after basic.publish", cls, method);
    on_channel_method(method_ctx{self, hdl, f.channel, &ch, cls, method, in});
  }
  if (!in.ok())
    connection_error(self, hdl, syntax_error, "SYNTAX_ERROR - malformed arguments", cls, method);
}

void pump(amqp_broker* self, connection_handle hdl) {
  auto& st = self->state;
  if (st.pumping)
    return;
  st.pumping = true;
  amqp::frame f;
  while (!requests_held(*st.ctx, st.in_flight, st.queued)) {
    if (st.at == phase::header) {
      auto header = st.reader.take_raw(amqp::protocol_header.size());
      if (!header)
        break;
      if (*header != amqp::protocol_header) {
        write(self, hdl, std::string{amqp::protocol_header});
        end_session(self, hdl);
        break;
      }
      st.at = phase::start_ok;
      send_method(self, hdl, 0, c_connection, 10, start_args());
      continue;
    }
    auto got = st.reader.next(f);
    if (got == amqp::frame_reader::outcome::need_more) {
      fit_read_chunk(self, hdl, st.read_chunk, st.reader.bytes_wanted());
      break;
    }
    if (got == amqp::frame_reader::outcome::error) {
      connection_error(self, hdl, frame_error, "FRAME_ERROR - " + st.reader.error());
      end_session(self, hdl);
      break;
    }
    on_frame(self, hdl, f);
  }
  st.pumping = false;
  if (drop_if_overflowing(self, hdl, *st.ctx, st.reader.buffered(), st.queued))
    self->quit();
}

void on_data(amqp_broker* self, connection_handle hdl, const std::vector<char>& buf) {
  auto& st = self->state;
  st.last_read = std::chrono::steady_clock::now();
  auto feed = [&](const char* data, size_t n) { st.reader.feed(data, n); };
  bool fed = protocol::feed_received(self, hdl, st.tls.get(), buf, st.queued, feed);
  st.queued_changed();
  if (!fed) {
    end_session(self, hdl);
    return;
  }
  pump(self, hdl);
}

/// Before the connection is open, closes it once the handshake timeout has
/// passed; after, sends a heartbeat when nothing was sent for half the
/// interval and closes a connection silent for two intervals (AMQP's rule).
void beat(amqp_broker* self, connection_handle hdl) {
  auto& st = self->state;
  if (st.at != phase::running && st.at != phase::closing) {
    if (st.clock.check(false, true) == connection_clock::due::handshake)
      end_session(self, hdl);
    return;
  }
  if (st.heartbeat == 0)
    return;
  auto now = std::chrono::steady_clock::now();
  auto interval = std::chrono::seconds{st.heartbeat};
  if (now - st.last_read > 2 * interval) {
    SPDLOG_DEBUG("AMQP client missed its heartbeats: closing");
    end_session(self, hdl);
    return;
  }
  if (now - st.last_write >= interval / 2) {
    std::string out;
    amqp::append_frame(out, amqp::heartbeat, 0, {});
    write(self, hdl, out);
  }
}

/// Exclusive and auto-delete queues declared here go with the connection:
/// requests sent as it ends (their replies are not awaited).
void delete_owned(amqp_broker* self) {
  auto owned = std::move(self->state.owned_queues);
  for (auto& [q, bindings] : owned)
    remove_queue(self, q, {bindings.begin(), bindings.end()}, [] {});
}

/// Ends the session: owned queues go, the socket closes.
void end_session(amqp_broker* self, connection_handle hdl) {
  delete_owned(self);
  send_out(self, hdl);
  self->close(hdl);
  self->quit();
}

caf::behavior amqp_session_impl(amqp_broker* self, connection_handle hdl,
                                std::shared_ptr<const session_context> ctx) {
  auto& st = self->state;
  st.ctx = ctx;
  // Until the client is authenticated it may send small frames only.
  st.reader.set_max_frame_bytes(std::min(ctx->pre_auth_max_frame_bytes, ctx->max_frame_bytes));
  if (ctx->tls)
    st.tls = std::make_unique<protocol::tls_session>(*ctx->tls);
  ctx->counters->amqp_connections += 1;
  st.connection_name = ctx->node_id + "/" + std::to_string(++ctx->counters->last_client_id);
  self->configure_read(hdl, caf::io::receive_policy::at_most(min_read_chunk));
  self->ack_writes(hdl, true);
  self->set_down_handler([self](caf::down_msg& msg) { self->state.remote.on_down(msg.source); });
  st.clock = connection_clock{ctx->handshake_timeout_ms, 0};
  return {
    [=](const caf::io::new_data_msg& msg) {
      on_data(self, msg.handle, msg.buf);
      beat(self, hdl);
    },
    [=](const caf::io::connection_closed_msg&) { end_session(self, hdl); },
    [=](const caf::io::data_transferred_msg& msg) {
      auto& st = self->state;
      bool held = requests_held(*st.ctx, st.in_flight, st.queued);
      st.queued = msg.remaining;
      st.queued_changed();
      if (held)
        pump(self, hdl);
    },
    [=](protocol::push_msg& msg) {
      on_push(self, hdl, msg);
      beat(self, hdl);
    },
    [=](shutdown_atom) {
      connection_error(self, hdl, connection_forced, "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'");
      end_session(self, hdl);
    },
    [=](deadlines_atom) { beat(self, hdl); },
    [=](flush_out_atom) { send_out(self, hdl); },
  };
}

} // namespace

caf::actor fork_amqp_session(caf::io::broker* acceptor, connection_handle hdl,
                             std::shared_ptr<const session_context> ctx) {
  return acceptor->fork(amqp_session_impl, hdl, std::move(ctx));
}

} // namespace troupe::node
