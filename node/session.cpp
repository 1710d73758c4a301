#include "node/session.hpp"

#include "node/connection_guard.hpp"
#include "node/metrics.hpp"
#include "node/read_chunk.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/io/broker.hpp>
#include <caf/io/middleman.hpp>
#include <spdlog/spdlog.h>

#include "actors/atoms.hpp"
#include "actors/node_counters.hpp"
#include "protocol/envelope.hpp"
#include "cluster/atoms.hpp"
#include "cluster/partition_router.hpp"
#include "cluster/request_route.hpp"
#include "node/partition_call.hpp"
#include "node/socket_out.hpp"
#include "protocol/frame_codec.hpp"
#include "protocol/tls.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"

namespace troupe::node {

namespace {

using caf::io::connection_handle;
using v1::Request;
using v1::Response;
using cluster::service;

/// Session internal: subscribe an event consumer again (sub id).
using resubscribe_atom = caf::atom_constant<caf::atom("resub")>;
/// Session internal: a delayed authentication failure is due.
using auth_fail_atom = caf::atom_constant<caf::atom("authfail")>;
/// Session internal: a backup finished (request id, error code, error or
/// "", the serialized BackupReply).
using backup_done_atom = caf::atom_constant<caf::atom("backupdone")>;

struct session_state {
  std::shared_ptr<const session_context> ctx;
  protocol::frame_decoder decoder;
  bool greeted = false;
  /// Set by a namespace token: the prefix every name used must have.
  std::string namespace_prefix;
  bool closing = false;  // no more reading; quit when in_flight drops to 0
  bool pumping = false;  // inside pump(): no nested pass over the input
  size_t in_flight = 0;
  connection_clock clock{0, 0};
  size_t read_chunk = min_read_chunk;
  // Subscriptions of this connection: id -> what it is on.
  struct subscription {
    bool event;        // an event consumer (else a stream subscription)
    std::string a;     // stream or topic
    std::string b;     // group_id or step
    std::shared_ptr<Request> request;  // the subscribe request
    caf::actor_addr server;            // the actor that accepted it
  };
  std::unordered_map<uint64_t, subscription> subscriptions;
  uint64_t next_subscription = 0;
  uint64_t queued = 0;  // bytes handed to the socket, not yet sent (ack_writes)
  uint64_t reported_queued = 0;  // what the node's count has of it
  std::unique_ptr<protocol::tls_session> tls;  // with --tls-cert
  outbox out;  // frames gathered for the socket
  remote_calls remote;           // requests at other nodes' gateways
  /// Requests in progress, by id: their operation and arrival (/metrics).
  std::unordered_map<uint64_t, std::pair<int, std::chrono::steady_clock::time_point>> started;

  ~session_state() {
    if (ctx && ctx->counters)
      ctx->counters->sessions -= 1;
    if (ctx)
      report_queued(ctx->counters, 0, reported_queued);
  }

  void queued_changed() { report_queued(ctx->counters, queued, reported_queued); }

  static inline const char* name = "troupe.session";
};

using session_broker = caf::io::stateful_broker<session_state>;


/// Appends a frame with `append(buf)`. The last awaited response (or a
/// push) goes at once; one of several waits for the others this turn.
template <class Append>
void write_out(session_broker* self, connection_handle hdl, Append append) {
  auto& st = self->state;
  append(st.out.bytes);
  if (st.in_flight <= 1 || st.out.bytes.size() >= gather_limit)
    send_out(self, hdl);
  else
    st.out.send_later(self);
}

/// The name of a Request operation ("state_get"), for /metrics.
std::string_view op_name(int op_case) {
  auto* field = Request::descriptor()->FindFieldByNumber(op_case);
  return field != nullptr ? std::string_view{field->name()} : std::string_view{"unknown"};
}

void write_response(session_broker* self, connection_handle hdl, uint64_t id,
                    const Response& resp) {
  auto& started = self->state.started;
  if (auto it = started.find(id); it != started.end()) {
    self->state.ctx->metrics->observe(front_door::client, op_name(it->second.first),
                                      resp.has_error() ? request_result::failed : request_result::ok,
                                      std::chrono::steady_clock::now() - it->second.second);
    started.erase(it);
  }
  write_out(self, hdl, [&](auto& buf) { protocol::append_response_frame(buf, id, resp); });
}

void write_frame(session_broker* self, connection_handle hdl, const v1::Frame& f) {
  write_out(self, hdl, [&](auto& buf) { protocol::append_frame(buf, f); });
}

void close_session(session_broker* self, connection_handle hdl) {
  send_out(self, hdl);
  self->close(hdl);
  self->quit();
}

/// Sends a connection-level error and closes once it is written.
void reject(session_broker* self, connection_handle hdl, uint64_t id,
            error_code code, std::string message) {
  SPDLOG_DEBUG("session closing: {} {}", to_string(code), message);
  v1::Frame f;
  f.set_id(id);
  f.mutable_error()->set_code(static_cast<v1::ErrorCode>(code));
  f.mutable_error()->set_message(utf8_safe(std::move(message)));
  write_frame(self, hdl, f);
  self->state.closing = true;
  if (self->state.in_flight == 0)
    close_session(self, hdl);
}

void pump(session_broker* self, connection_handle hdl);

void finish_request(session_broker* self, connection_handle hdl) {
  auto& st = self->state;
  --st.in_flight;
  st.clock.touch();
  if (st.closing && st.in_flight == 0)
    close_session(self, hdl);
  else if (st.decoder.buffered() > 0)  // requests that waited for this one
    pump(self, hdl);
}

void reply_error(session_broker* self, connection_handle hdl, uint64_t id,
                 error_code code, std::string message) {
  Response resp;
  set_error(resp, code, std::move(message));
  write_response(self, hdl, id, resp);
}

void on_hello(session_broker* self, connection_handle hdl, const v1::Frame& f) {
  auto& st = self->state;
  auto& hello = f.hello();
  if (hello.protocol_version() != protocol::protocol_version) {
    reject(self, hdl, f.id(), error_code::invalid_argument,
           "unsupported protocol version " + std::to_string(hello.protocol_version())
             + "; this node speaks " + std::to_string(protocol::protocol_version));
    return;
  }
  // A namespace token opens its namespace only (every one is compared, so
  // the time taken does not tell which matched).
  bool full = st.ctx->token.empty() || tokens_equal(hello.token(), st.ctx->token);
  std::string prefix;
  if (!full)
    for (auto& nt : st.ctx->namespace_tokens)
      if (tokens_equal(hello.token(), nt.token))
        prefix = nt.prefix;
  if (!full && prefix.empty()) {
    auto why = hello.token().empty() ? "this node requires a token" : "wrong token";
    auto delay = st.ctx->auth->failed(self->remote_addr(hdl), "client protocol");
    if (delay.count() == 0) {
      reject(self, hdl, f.id(), error_code::unauthenticated, why);
      return;
    }
    // Nothing more is read; the refusal goes out once the delay is over.
    st.closing = true;
    ++st.in_flight;
    self->delayed_send(self, delay, auth_fail_atom::value, f.id(), std::string{why});
    return;
  }
  st.greeted = true;
  st.namespace_prefix = std::move(prefix);
  st.decoder.set_max_frame_bytes(st.ctx->max_frame_bytes);
  auto routes = st.ctx->router->current();
  auto& table = *routes->table;
  v1::Frame out;
  out.set_id(f.id());
  auto* w = out.mutable_welcome();
  w->set_protocol_version(protocol::protocol_version);
  w->set_node_id(st.ctx->node_id);
  w->set_cluster_name(st.ctx->cluster_name);
  w->set_partition_count(table.count());
  w->set_partition_epoch(table.epoch());
  w->set_max_frame_bytes(st.ctx->max_frame_bytes);
  w->mutable_partition_table()->ParseFromString(table.encode());
  write_frame(self, hdl, out);
}

/// Sends one request to the partition that serves it and writes its reply.
void forward(session_broker* self, connection_handle hdl, uint64_t id, cluster::service svc,
             partition_id p, std::shared_ptr<const Request> req) {
  ++self->state.in_flight;
  call_partition(self, *self->state.ctx->router, svc, p, std::move(req),
                 [=](const Response& r) {
                   write_response(self, hdl, id, r);
                   finish_request(self, hdl);
                 });
}

/// Merges the per-partition replies of a scatter-gather request.
struct gather {
  size_t remaining = 0;
  Response merged;
  std::vector<std::string> names;
  std::string only_prefix;  // a namespace token's: names, groups and jobs outside it are left out
};

bool in_prefix(std::string_view name, std::string_view prefix) {
  return name.substr(0, prefix.size()) == prefix;
}

void merge(gather& g, const Response& part) {
  if (g.merged.has_error())
    return;
  if (part.has_error()) {
    g.merged = part;
    return;
  }
  if (part.has_names())
    for (auto& n : part.names().names())
      if (in_prefix(n, g.only_prefix))
        g.names.push_back(n);
  if (part.has_items())
    for (auto& item : part.items().items())
      if (in_prefix(item.group_id(), g.only_prefix))
        *g.merged.mutable_items()->add_items() = item;
  if (part.has_locks())
    for (auto& l : part.locks().locks())
      if (in_prefix(l.job(), g.only_prefix))
        *g.merged.mutable_locks()->add_locks() = l;
}

void finish_gather(gather& g, bool names) {
  if (g.merged.has_error())
    return;
  if (names) {
    std::sort(g.names.begin(), g.names.end());
    auto* out = g.merged.mutable_names();
    for (auto& n : g.names)
      out->add_names(std::move(n));
    return;
  }
  if (g.merged.has_locks()) {
    auto* locks = g.merged.mutable_locks()->mutable_locks();
    std::sort(locks->begin(), locks->end(),
              [](const auto& a, const auto& b) { return a.job() < b.job(); });
    return;
  }
  auto* items = g.merged.mutable_items()->mutable_items();
  std::sort(items->begin(), items->end(), [](const auto& a, const auto& b) {
    return std::tie(a.group_id(), a.key()) < std::tie(b.group_id(), b.key());
  });
}

/// Sends `req` to every partition of `svc` and writes the merged reply.
void scatter(session_broker* self, connection_handle hdl, uint64_t id, cluster::service svc,
             std::shared_ptr<const Request> req, bool names) {
  auto& router = *self->state.ctx->router;
  auto g = std::make_shared<gather>();
  g->remaining = router.count();
  // A stream's groups were checked with the stream; other lists are of names.
  if (!req->has_stream_list_groups())
    g->only_prefix = self->state.namespace_prefix;
  if (req->has_lock_list())
    g->merged.mutable_locks();
  else if (!names)
    g->merged.mutable_items();
  ++self->state.in_flight;
  for (uint32_t p = 0; p < router.count(); ++p)
    call_partition(self, router, svc, partition_id{static_cast<uint16_t>(p)}, req,
                   [=](const Response& part) {
                     merge(*g, part);
                     if (--g->remaining > 0)
                       return;
                     finish_gather(*g, names);
                     write_response(self, hdl, id, g->merged);
                     finish_request(self, hdl);
                   });
}

/// Monitors the actor that just accepted subscription `sub_id` (the sender
/// of the reply being handled), to learn when it goes away.
void watch_subscription(session_broker* self, uint64_t sub_id) {
  auto it = self->state.subscriptions.find(sub_id);
  auto server = caf::actor_cast<caf::actor>(self->current_sender());
  if (it == self->state.subscriptions.end() || !server)
    return;
  it->second.server = server.address();
  self->monitor(server);
}

void subscribe(session_broker* self, connection_handle hdl, uint64_t id,
               std::shared_ptr<Request> req, cluster::service svc, partition_id p) {
  auto& st = self->state;
  auto sub_id = ++st.next_subscription;
  if (req->has_stream_subscribe()) {
    auto* sub = req->mutable_stream_subscribe();
    sub->set_subscription_id(sub_id);
    st.subscriptions.emplace(sub_id, session_state::subscription{false, sub->stream(),
                                                                 sub->group_id(), req, {}});
  } else {
    auto* sub = req->mutable_event_subscribe();
    sub->set_subscription_id(sub_id);
    st.subscriptions.emplace(sub_id, session_state::subscription{true, sub->topic(), sub->step(),
                                                                 req, {}});
  }
  ++st.in_flight;
  call_partition(self, *st.ctx->router, svc, p, std::move(req), [=](const Response& r) {
    if (r.has_error())
      self->state.subscriptions.erase(sub_id);
    else
      watch_subscription(self, sub_id);
    write_response(self, hdl, id, r);
    finish_request(self, hdl);
  });
}

/// The subscription `sub_id` of this connection, or an error reply.
const session_state::subscription* own_subscription(session_broker* self, connection_handle hdl,
                                                    uint64_t id, uint64_t sub_id, bool event) {
  auto& subs = self->state.subscriptions;
  auto it = subs.find(sub_id);
  if (it == subs.end() || it->second.event != event) {
    if (id != 0)
      reply_error(self, hdl, id, error_code::not_found,
                  "no " + std::string{event ? "event" : "stream"} + " subscription "
                    + std::to_string(sub_id) + " on this connection");
    return nullptr;
  }
  return &it->second;
}

/// Routes an ack, nack, extend or event unsubscribe to its step's queue, filling in
/// the topic and step this connection subscribed with.
template <class Msg>
void to_queue(session_broker* self, connection_handle hdl, uint64_t id,
              std::shared_ptr<Request> req, Msg* msg) {
  auto* sub = own_subscription(self, hdl, id, msg->subscription_id(), true);
  if (sub == nullptr)
    return;
  msg->set_topic(sub->a);
  msg->set_step(sub->b);
  auto p = self->state.ctx->router->partition_of(sub->a);
  if (req->has_event_unsubscribe())
    self->state.subscriptions.erase(msg->subscription_id());
  forward(self, hdl, id, service::events, p, std::move(req));
}

/// Ends a stream subscription at its group (fire and forget when `id` is 0).
void end_subscription(session_broker* self, connection_handle hdl, uint64_t id,
                      uint64_t sub_id) {
  auto& st = self->state;
  auto* sub = own_subscription(self, hdl, id, sub_id, false);
  if (sub == nullptr)
    return;
  auto req = std::make_shared<Request>();
  auto* u = req->mutable_stream_unsubscribe();
  u->set_subscription_id(sub_id);
  u->set_stream(sub->a);
  u->set_group_id(sub->b);
  auto p = st.ctx->router->stream_partition(sub->a, sub->b);
  st.subscriptions.erase(sub_id);
  if (id != 0) {
    forward(self, hdl, id, service::streams, p, std::move(req));
    return;
  }
  // Nobody waits for this reply; a failure only means the group is gone.
  call_partition(self, *st.ctx->router, service::streams, p, std::move(req),
                 [](const Response&) {});
}

/// Ends a stream subscription whose group went away (its partition moved or
/// its node is unreachable) with an overflow notice: the client re-syncs
/// and subscribes again, wherever the group is served now.
void lose_subscription(session_broker* self, connection_handle hdl, uint64_t sub_id) {
  write_out(self, hdl, [&](auto& buf) {
    protocol::append_push_frame(buf, sub_id, protocol::push_msg::stream_event, {}, true);
  });
  self->state.subscriptions.erase(sub_id);
}

/// Subscribes an event consumer again where its topic is served now; retried
/// every second while that fails. Deliveries that were in flight come again
/// after their visibility timeout.
void resubscribe(session_broker* self, uint64_t sub_id) {
  auto& st = self->state;
  auto it = st.subscriptions.find(sub_id);
  if (it == st.subscriptions.end() || st.closing)
    return;
  auto p = st.ctx->router->partition_of(it->second.a);
  call_partition(self, *st.ctx->router, service::events, p, it->second.request,
                 [=](const Response& r) {
                   if (self->state.subscriptions.count(sub_id) == 0)
                     return;
                   if (r.has_error())
                     self->delayed_send(self, std::chrono::seconds{1}, resubscribe_atom::value,
                                        sub_id);
                   else
                     watch_subscription(self, sub_id);
                 });
}

void on_server_down(session_broker* self, connection_handle hdl, const caf::down_msg& msg) {
  self->state.remote.on_down(msg.source);
  std::vector<std::pair<uint64_t, bool>> lost;
  for (auto& [sub_id, sub] : self->state.subscriptions)
    if (sub.server == msg.source)
      lost.emplace_back(sub_id, sub.event);
  for (auto [sub_id, event] : lost) {
    self->state.subscriptions[sub_id].server = caf::actor_addr{};
    if (event)
      resubscribe(self, sub_id);
    else
      lose_subscription(self, hdl, sub_id);
  }
}

void on_push(session_broker* self, connection_handle hdl, protocol::push_msg& msg) {
  auto& st = self->state;
  auto sub_id = msg.subscription_id;
  if (st.closing || st.subscriptions.count(sub_id) == 0)
    return;  // ended: pushes still in flight are dropped
  if (msg.kind == protocol::push_msg::delivery && msg.overflow)
    return;  // its step was removed: nothing more will come
  // Deliveries are bounded by the consumer's credit; stream events by the
  // backlog limit.
  if (msg.kind == protocol::push_msg::stream_event
      && st.queued + msg.event->size() > st.ctx->max_subscriber_backlog_bytes) {
    SPDLOG_DEBUG("subscription {} overflowed ({} bytes queued)", sub_id, st.queued);
    write_out(self, hdl, [&](auto& buf) { protocol::append_push_frame(buf, sub_id, msg.kind, {}, true); });
    end_subscription(self, hdl, 0, sub_id);
    return;
  }
  write_out(self, hdl,
            [&](auto& buf) { protocol::append_push_frame(buf, sub_id, msg.kind, *msg.event, false); });
}

/// Test only: moves the manual clock and lets every queue act on it; answers
/// once every event shard has passed the tick on.
/// Backup: a RocksDB checkpoint of the node, made by a detached actor so the
/// sessions keep being served while memtables flush; the answer comes back
/// as backup_done_atom. (The actor system outlives it, and the db the
/// system.)
void backup(session_broker* self, uint64_t id, const std::string& dir) {
  ++self->state.in_flight;
  const storage::db* db = self->state.ctx->db;
  auto me = caf::actor_cast<caf::actor>(self);
  self->system().spawn<caf::detached>([db, dir, me, id] {
    std::string error;
    auto code = error_code::invalid_argument;
    v1::BackupReply out;
    out.set_dir(dir);
    std::error_code ec;
    if (dir.empty()) {
      error = "backup needs a directory";
    } else if (std::filesystem::exists(dir, ec)) {
      error = dir + " already exists: a backup goes into a new directory";
    } else if (auto s = db->checkpoint(dir); !s.ok) {
      error = "backup into " + dir + " failed: " + s.message;
      code = error_code::internal;
    } else {
      for (auto& e : std::filesystem::recursive_directory_iterator(dir, ec))
        if (e.is_regular_file(ec)) {
          out.set_files(out.files() + 1);
          out.set_bytes(out.bytes() + e.file_size(ec));
        }
      spdlog::info("backup written to {}: {} files, {} bytes", dir, out.files(), out.bytes());
    }
    caf::anon_send(me, backup_done_atom::value, id, static_cast<int32_t>(code), error,
                   out.SerializeAsString());
  });
}

void advance_clock(session_broker* self, connection_handle hdl, uint64_t id, uint64_t ms) {
  auto& st = self->state;
  if (st.ctx->manual_clock == nullptr) {
    reply_error(self, hdl, id, error_code::invalid_argument,
                "this node does not run a manual clock (--manual-clock)");
    return;
  }
  *st.ctx->manual_clock += static_cast<int64_t>(ms);
  // The clock is this node's: it ticks the event shards served here.
  auto routes = st.ctx->router->current();
  std::vector<caf::actor> shards;
  for (auto& actors : routes->local)
    if (auto& shard = actors[static_cast<size_t>(service::events)])
      shards.push_back(shard);
  auto remaining = std::make_shared<size_t>(shards.size());
  ++st.in_flight;
  if (shards.empty()) {
    Response resp;
    resp.mutable_pong();
    write_response(self, hdl, id, resp);
    finish_request(self, hdl);
    return;
  }
  for (auto& shard : shards)
    // Local partition actors always answer.
    self->request(shard, caf::infinite, actors::tick_atom::value)
      .then(
        [=](actors::ok_atom) {
          if (--*remaining > 0)
            return;
          Response resp;
          resp.mutable_pong();
          write_response(self, hdl, id, resp);
          finish_request(self, hdl);
        },
        [=](caf::error&) {
          if (--*remaining > 0)
            return;
          reply_error(self, hdl, id, error_code::unavailable, "a partition did not answer");
          finish_request(self, hdl);
        });
}

/// Asks the node's cluster member (status, drain) and writes the Response it
/// answers with.
template <class... Ts>
void cluster_call(session_broker* self, connection_handle hdl, uint64_t id,
                  const caf::actor& member, Ts... xs) {
  ++self->state.in_flight;
  self->request(member, caf::infinite, xs...)
    .then(
      [=](const std::string& bytes) {
        Response resp;
        if (!resp.ParseFromString(bytes))
          set_error(resp, error_code::internal, "malformed cluster reply");
        write_response(self, hdl, id, resp);
        finish_request(self, hdl);
      },
      [=](caf::error& err) {
        reply_error(self, hdl, id, error_code::unavailable, self->system().render(err));
        finish_request(self, hdl);
      });
}

/// Why a connection opened by a namespace token may not make `req`;
/// nullopt when it may. Lists over every partition are allowed (their
/// replies leave out other namespaces), and so is what works on this
/// connection's own subscriptions, and the cluster status (members and
/// partition owners: what clients route by, no app's data).
std::optional<std::string> outside_namespace(const Request& req, const std::string& prefix) {
  switch (req.op_case()) {
    case Request::kPing:
    case Request::kStateTraceIds:
    case Request::kEventListTopics:
    case Request::kLockList:
    case Request::kEventAck:
    case Request::kEventNack:
    case Request::kEventExtend:
    case Request::kEventUnsubscribe:
    case Request::kStreamUnsubscribe:
    case Request::kClusterStatus:  // the partition table clients route by
      return std::nullopt;
    case Request::kStateItems:
      if (!req.state_items().has_group_id())
        return std::nullopt;
      break;
    default:
      break;
  }
  auto ns = "a token of namespace '" + prefix.substr(0, prefix.size() - 1) + "'";
  auto name = cluster::owner_name(req);
  if (!name)
    return ns + " may not make " + std::string{op_name(req.op_case())} + " requests";
  if (!in_prefix(*name, prefix))
    return ns + " may not use '" + *name + "' (names must start with '" + prefix + "')";
  return std::nullopt;
}

void on_request(session_broker* self, connection_handle hdl, v1::Frame& f) {
  auto id = f.id();
  auto req = std::shared_ptr<Request>(f.release_request());
  auto& router = *self->state.ctx->router;
  self->state.started[id] = {req->op_case(), std::chrono::steady_clock::now()};
  if (!self->state.namespace_prefix.empty())
    if (auto why = outside_namespace(*req, self->state.namespace_prefix))
      return reply_error(self, hdl, id, error_code::unauthenticated, std::move(*why));
  switch (req->op_case()) {
    case Request::kPing: {
      Response resp;
      resp.mutable_pong()->set_payload(req->ping().payload());
      resp.mutable_pong()->set_node_id(self->state.ctx->node_id);
      write_response(self, hdl, id, resp);
      return;
    }
    case Request::kStateTraceIds:
      return scatter(self, hdl, id, service::state, std::move(req), true);
    case Request::kStateItems:
      if (req->state_items().has_group_id())
        break;
      return scatter(self, hdl, id, service::state, std::move(req), false);
    case Request::kStreamListGroups:
      return scatter(self, hdl, id, service::streams, std::move(req), true);
    case Request::kStreamSubscribe:
    case Request::kEventSubscribe: {
      auto route = cluster::route_of(*req);
      return subscribe(self, hdl, id, req, route->svc, router.partition_of(route->partition_key));
    }
    case Request::kEventUnsubscribe:
      return to_queue(self, hdl, id, req, req->mutable_event_unsubscribe());
    case Request::kEventAck:
      return to_queue(self, hdl, id, req, req->mutable_event_ack());
    case Request::kEventNack:
      return to_queue(self, hdl, id, req, req->mutable_event_nack());
    case Request::kEventExtend:
      return to_queue(self, hdl, id, req, req->mutable_event_extend());
    case Request::kLockList:
      return scatter(self, hdl, id, service::locks, std::move(req), false);
    case Request::kEventListTopics:
      return scatter(self, hdl, id, service::events, std::move(req), true);
    case Request::kAdvanceClock:
      return advance_clock(self, hdl, id, req->advance_clock().ms());
    case Request::kBackup:
      return backup(self, id, req->backup().dir());
    case Request::kStreamUnsubscribe:
      return end_subscription(self, hdl, id, req->stream_unsubscribe().subscription_id());
    case Request::kStats: {
      Response resp;
      auto* out = resp.mutable_stats();
      auto& c = *self->state.ctx->counters;
      out->set_stream_groups(static_cast<uint64_t>(c.stream_groups.load()));
      out->set_stream_subscribers(static_cast<uint64_t>(c.stream_subscribers.load()));
      out->set_sessions(static_cast<uint64_t>(c.sessions.load()));
      out->set_forwarded(self->state.ctx->router->forwarded());
      write_response(self, hdl, id, resp);
      return;
    }
    case Request::kClusterStatus:
      return cluster_call(self, hdl, id, self->state.ctx->member, cluster::status_atom::value);
    case Request::kClusterDrain:
      return cluster_call(self, hdl, id, self->state.ctx->member, cluster::drain_node_atom::value,
                          req->cluster_drain().node_id());
    case Request::kExportChunk: {
      auto& e = req->export_chunk();
      if (e.partition() >= router.count())
        return reply_error(self, hdl, id, error_code::invalid_argument,
                           "no partition " + std::to_string(e.partition()) + " (the cluster has "
                             + std::to_string(router.count()) + ")");
      return cluster_call(self, hdl, id, self->state.ctx->member, cluster::export_atom::value,
                          e.export_id(), static_cast<uint16_t>(e.partition()), e.column(),
                          e.after(), e.max_bytes());
    }
    case Request::kImportChunk:
      return cluster_call(self, hdl, id, self->state.ctx->member, cluster::import_atom::value,
                          req->import_chunk().SerializeAsString());
    case Request::kClusterTransferLeader: {
      auto& t = req->cluster_transfer_leader();
      if (t.partition() > UINT16_MAX)
        return reply_error(self, hdl, id, error_code::invalid_argument,
                           "no partition " + std::to_string(t.partition()));
      return cluster_call(self, hdl, id, self->state.ctx->member,
                          cluster::transfer_leader_atom::value,
                          static_cast<uint16_t>(t.partition()), t.node_id());
    }
    default:
      break;
  }
  if (auto route = cluster::route_of(*req))
    return forward(self, hdl, id, route->svc, router.partition_of(route->partition_key),
                   std::move(req));
  reply_error(self, hdl, id, error_code::invalid_argument,
              "unknown operation (this node speaks protocol version "
                + std::to_string(protocol::protocol_version) + ")");
}

void on_frame(session_broker* self, connection_handle hdl, v1::Frame& f) {
  auto& st = self->state;
  if (!st.greeted) {
    if (f.has_hello())
      on_hello(self, hdl, f);
    else
      reject(self, hdl, f.id(), error_code::invalid_argument,
             "the first frame must be Hello");
    return;
  }
  if (f.has_request())
    on_request(self, hdl, f);
  else
    reject(self, hdl, f.id(), error_code::invalid_argument,
           "unexpected frame: clients send Hello once, then Request frames");
}

/// Handles the buffered frames while the connection may have more requests
/// served; a connection whose requests wait and whose unread input passes
/// the limit is disconnected.
void pump(session_broker* self, connection_handle hdl) {
  auto& st = self->state;
  if (st.pumping)
    return;
  st.pumping = true;
  v1::Frame frame;
  while (!st.closing && !requests_held(*st.ctx, st.in_flight, st.queued)) {
    auto got = st.decoder.next(frame);
    if (got == protocol::frame_decoder::outcome::need_more) {
      fit_read_chunk(self, hdl, st.read_chunk, st.decoder.bytes_wanted());
      break;
    }
    if (got == protocol::frame_decoder::outcome::too_large) {
      reject(self, hdl, 0, error_code::too_large,
             "frame of " + std::to_string(st.decoder.rejected_length())
               + " bytes exceeds the limit of " + std::to_string(st.decoder.max_frame_bytes())
               + (st.greeted ? "" : " before Hello"));
      break;
    }
    if (got == protocol::frame_decoder::outcome::malformed) {
      reject(self, hdl, 0, error_code::invalid_argument, "malformed frame: not a troupe.v1.Frame");
      break;
    }
    on_frame(self, hdl, frame);
    frame.Clear();
  }
  st.pumping = false;
  if (!st.closing && drop_if_overflowing(self, hdl, *st.ctx, st.decoder.buffered(), st.queued)) {
    st.closing = true;
    self->quit();
  }
}

void on_data(session_broker* self, connection_handle hdl, const std::vector<char>& buf) {
  auto& st = self->state;
  if (st.closing)
    return;
  st.clock.touch();
  auto feed = [&](const char* data, size_t n) { st.decoder.feed(data, n); };
  bool fed = protocol::feed_received(self, hdl, st.tls.get(), buf, st.queued, feed);
  st.queued_changed();
  if (!fed) {
    SPDLOG_DEBUG("session closing: {}", st.tls->error());
    st.closing = true;
    if (st.in_flight == 0)
      close_session(self, hdl);
    return;
  }
  pump(self, hdl);
}

/// Closes the connection when it sent no Hello within
/// --handshake-timeout-ms or has been idle --idle-timeout-ms (nothing in
/// flight, no subscription).
void check_deadlines(session_broker* self, connection_handle hdl) {
  auto& st = self->state;
  if (st.closing)
    return;
  switch (st.clock.check(st.greeted, st.in_flight > 0 || !st.subscriptions.empty())) {
    case connection_clock::due::nothing:
      return;
    case connection_clock::due::handshake:
      reject(self, hdl, 0, error_code::unauthenticated,
             "no Hello within " + std::to_string(st.ctx->handshake_timeout_ms) + " ms");
      return;
    case connection_clock::due::idle:
      reject(self, hdl, 0, error_code::unavailable,
             "connection idle for " + std::to_string(st.ctx->idle_timeout_ms)
               + " ms (--idle-timeout-ms)");
      return;
  }
}

caf::behavior session_impl(session_broker* self, connection_handle hdl,
                           std::shared_ptr<const session_context> ctx) {
  self->state.ctx = ctx;
  ctx->counters->sessions += 1;
  if (ctx->tls)
    self->state.tls = std::make_unique<protocol::tls_session>(*ctx->tls);
  // Until Hello, a connection may only send small frames.
  self->state.decoder = protocol::frame_decoder{
    std::min(ctx->max_frame_bytes, ctx->pre_auth_max_frame_bytes)};
  self->configure_read(hdl, caf::io::receive_policy::at_most(min_read_chunk));
  // Every write is acknowledged with what is still queued: the reply limit
  // and the subscription backlog work on exact figures.
  self->ack_writes(hdl, true);
  self->state.clock = connection_clock{ctx->handshake_timeout_ms, ctx->idle_timeout_ms};
  self->set_down_handler([=](caf::down_msg& msg) { on_server_down(self, hdl, msg); });
  return {
    [=](const caf::io::new_data_msg& msg) {
      on_data(self, msg.handle, msg.buf);
      check_deadlines(self, hdl);  // a client that trickles bytes never idles
    },
    [=](const caf::io::connection_closed_msg&) { self->quit(); },
    [=](backup_done_atom, uint64_t id, int32_t code, const std::string& error,
        const std::string& reply) {
      Response resp;
      if (!error.empty())
        set_error(resp, static_cast<error_code>(code), error);
      else
        resp.mutable_backup()->ParseFromString(reply);
      write_response(self, hdl, id, resp);
      finish_request(self, hdl);
    },
    [=](const caf::io::data_transferred_msg& msg) {
      auto& st = self->state;
      bool held = requests_held(*st.ctx, st.in_flight, st.queued);
      st.queued = msg.remaining;
      st.queued_changed();
      if (held)
        pump(self, hdl);
    },
    [=](auth_fail_atom, uint64_t id, const std::string& why) {
      --self->state.in_flight;
      reject(self, hdl, id, error_code::unauthenticated, why);
    },
    [=](protocol::push_msg& msg) { on_push(self, hdl, msg); },
    [=](resubscribe_atom, uint64_t sub_id) { resubscribe(self, sub_id); },
    [=](shutdown_atom) {
      auto& st = self->state;
      st.closing = true;
      self->halt(hdl);
      if (st.in_flight == 0)
        close_session(self, hdl);
    },
    [=](deadlines_atom) { check_deadlines(self, hdl); },
    [=](flush_out_atom) { send_out(self, hdl); },
  };
}

// -- acceptor -----------------------------------------------------------------

struct acceptor_state {
  std::shared_ptr<const session_context> ctx;
  std::string refusal;
  std::chrono::steady_clock::time_point last_refusal_log;
  uint16_t port = 0;
  caf::io::accept_handle doorman;
  std::unordered_set<caf::actor> sessions;
  bool shutting_down = false;
  std::vector<caf::response_promise> shutdown_waiters;

  static inline const char* name = "troupe.acceptor";
};

using acceptor_broker = caf::io::stateful_broker<acceptor_state>;

void maybe_finish_shutdown(acceptor_broker* self) {
  auto& st = self->state;
  if (!st.shutting_down || !st.sessions.empty())
    return;
  for (auto& p : st.shutdown_waiters)
    p.deliver(actors::ok_atom::value);
  st.shutdown_waiters.clear();
  self->quit();
}

caf::behavior acceptor_impl(acceptor_broker* self,
                            std::shared_ptr<const session_context> ctx,
                            std::string host, uint16_t port, door d) {
  self->state.ctx = ctx;
  self->state.refusal = std::move(d.refusal);
  auto fork = d.fork;
  auto bound = self->add_tcp_doorman(port, host.c_str(), true);
  if (!bound) {
    auto err = bound.error();
    return {
      [=](port_atom) -> caf::result<uint16_t> { return err; },
      [=](shutdown_atom) {
        self->quit();
        return actors::ok_atom::value;
      },
    };
  }
  self->state.doorman = bound->first;
  self->state.port = bound->second;
  self->set_down_handler([=](caf::down_msg& msg) {
    self->state.sessions.erase(caf::actor_cast<caf::actor>(msg.source));
    maybe_finish_shutdown(self);
  });
  spawn_deadline_ticker(self, connection_clock{ctx->handshake_timeout_ms, ctx->idle_timeout_ms}.tick());
  return {
    [=](const caf::io::new_connection_msg& msg) {
      auto& st = self->state;
      if (st.shutting_down) {
        self->close(msg.handle);
        return;
      }
      if (st.sessions.size() >= st.ctx->max_connections) {
        // Refused with a reason the client can read, then closed once it
        // is written; logged at most once a second.
        auto now = std::chrono::steady_clock::now();
        if (now - st.last_refusal_log >= std::chrono::seconds{1}) {
          spdlog::warn("port {}: refusing a connection, {} are open (--max-connections)", st.port,
                       st.sessions.size());
          st.last_refusal_log = now;
        }
        auto& buf = self->wr_buf(msg.handle);
        buf.insert(buf.end(), st.refusal.begin(), st.refusal.end());
        self->flush(msg.handle);
        self->close(msg.handle);
        return;
      }
      auto session = fork(self, msg.handle, self->state.ctx);
      self->monitor(session);
      self->state.sessions.insert(session);
    },
    [=](port_atom) -> caf::result<uint16_t> { return self->state.port; },
    [=](deadlines_atom) {
      for (auto& s : self->state.sessions)
        self->send(s, deadlines_atom::value);
    },
    [=](shutdown_atom) -> caf::result<actors::ok_atom> {
      auto& st = self->state;
      st.shutting_down = true;
      self->close(st.doorman);
      for (auto& s : st.sessions)
        self->send(s, shutdown_atom::value);
      auto promise = self->make_response_promise();
      st.shutdown_waiters.push_back(promise);
      maybe_finish_shutdown(self);
      return promise;
    },
  };
}

} // namespace

bool tokens_equal(const std::string& given, const std::string& token) {
  // The time taken depends on the longer length only, never on where the
  // two differ or on how long the token is compared with the guess.
  size_t n = std::max(given.size(), token.size());
  size_t diff = given.size() ^ token.size();
  for (size_t i = 0; i < n; ++i) {
    auto a = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    auto b = i < token.size() ? static_cast<unsigned char>(token[i]) : 0;
    diff |= static_cast<size_t>(a ^ b);
  }
  return diff == 0;
}

caf::actor fork_client_session(caf::io::broker* acceptor, connection_handle hdl,
                               std::shared_ptr<const session_context> ctx) {
  return acceptor->fork(session_impl, hdl, std::move(ctx));
}

std::string client_refusal(const session_context& ctx) {
  v1::Frame f;
  f.mutable_error()->set_code(v1::UNAVAILABLE);
  f.mutable_error()->set_message("this node serves at most " + std::to_string(ctx.max_connections)
                                 + " connections (--max-connections)");
  std::vector<char> out;
  protocol::append_frame(out, f);
  return std::string{out.begin(), out.end()};
}

caf::actor spawn_acceptor(caf::actor_system& sys,
                          std::shared_ptr<const session_context> ctx,
                          const std::string& host, uint16_t port, door d) {
  return sys.middleman().spawn_broker(acceptor_impl, std::move(ctx), host, port, std::move(d));
}

} // namespace troupe::node
