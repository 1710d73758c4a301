#include "client/sync_client.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <caf/actor_clock.hpp>
#include <caf/actor_system.hpp>
#include <caf/scoped_actor.hpp>

#include "cluster/partition_table.hpp"
#include "cluster/request_route.hpp"
#include "protocol/envelope.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::client {

namespace {

using v1::Request;
using v1::Response;

std::shared_ptr<const Response> error_response(error_code code, std::string message) {
  auto resp = std::make_shared<Response>();
  set_error(*resp, code, std::move(message));
  return resp;
}

/// Waits for the reply to `h` (an error response when none comes in time).
/// Answered, its timeout is cancelled: a blocking actor keeps a request's
/// late timeout in its mailbox forever, and every later receive walks past
/// all of them (a long-lived client slowed down quadratically).
template <class Handle>
std::shared_ptr<const Response> await_reply(caf::actor_system& sys, caf::blocking_actor* self,
                                            Handle& h) {
  std::shared_ptr<const Response> out;
  h.receive([&](protocol::response_msg& r) { out = std::move(r.body); },
            [&](caf::error& err) {
              out = error_response(error_code::unavailable, "no reply: " + sys.render(err));
            });
  sys.clock().cancel_request_timeout(self, h.id());
  return out;
}

status status_of(const Response& resp) {
  if (!resp.has_error())
    return status::success();
  return status::error(static_cast<error_code>(resp.error().code()), resp.error().message());
}

/// Checks the error and that the expected result arrived.
status check(const Response& resp, Response::ResultCase expected) {
  auto st = status_of(resp);
  if (!st.ok())
    return st;
  if (resp.result_case() != expected)
    return status::error(error_code::internal, "unexpected reply from node");
  return st;
}

std::optional<value> to_value(const v1::Value& v) {
  if (!v.found())
    return std::nullopt;
  return value{v.value(), v.revision(), v.expires_at_ms()};
}

std::vector<item> to_items(const v1::ItemsReply& r) {
  std::vector<item> out;
  out.reserve(static_cast<size_t>(r.items_size()));
  for (auto& i : r.items())
    out.push_back({i.group_id(), i.key(), i.value(), i.type(), i.revision()});
  return out;
}

std::vector<std::string> to_names(const v1::NamesReply& r) {
  return {r.names().begin(), r.names().end()};
}

/// Sends `req`, checks for an error and the expected result, and extracts
/// the value with `extract`.
template <class F>
auto ask(sync_client& c, const Request& req, Response::ResultCase expected, F extract)
  -> result<std::decay_t<decltype(extract(std::declval<const Response&>()))>> {
  auto resp = c.call(req);
  if (auto st = check(*resp, expected); !st.ok())
    return st;
  return extract(*resp);
}

} // namespace

std::optional<int> filter_op_from_name(const std::string& name) {
  static const std::pair<const char*, v1::FilterOp> names[] = {
    {"eq", v1::EQ},
    {"neq", v1::NEQ},
    {"gt", v1::GT},
    {"gte", v1::GTE},
    {"lt", v1::LT},
    {"lte", v1::LTE},
    {"contains", v1::CONTAINS},
    {"notContains", v1::NOT_CONTAINS},
    {"startsWith", v1::STARTS_WITH},
    {"endsWith", v1::ENDS_WITH},
    {"isNotNull", v1::IS_NOT_NULL},
    {"isNull", v1::IS_NULL},
  };
  for (auto& [n, op] : names)
    if (name == n)
      return static_cast<int>(op);
  return std::nullopt;
}

/// Direct routing state: the table this client routes by and a connection
/// per owner it has talked to.
struct sync_client::routing {
  std::optional<cluster::partition_table> table;
  std::map<std::string, caf::actor> owners;  // node id -> its connection
  std::set<std::string> unreachable;         // until the next refresh
  std::chrono::steady_clock::time_point refreshed = std::chrono::steady_clock::now();
  std::shared_ptr<std::atomic<bool>> lost;   // the connection ended
};

namespace {

constexpr auto route_refresh = std::chrono::seconds{5};

} // namespace

sync_client::sync_client(caf::actor_system& sys, connection conn, connect_options opts)
  : sys_(sys),
    conn_(std::move(conn)),
    opts_(std::move(opts)),
    routing_(std::make_unique<routing>()),
    self_(std::make_unique<caf::scoped_actor>(sys)) {
  if (opts_.route_to_owner)
    routing_->table = cluster::partition_table::decode(conn_.welcome.partition_table);
  watch_connection();
}

void sync_client::watch_connection() {
  auto lost = std::make_shared<std::atomic<bool>>(false);
  routing_->lost = lost;
  conn_.handle->attach_functor([lost] { *lost = true; });
}

bool sync_client::move_to_another_node() {
  if (!*routing_->lost)
    return false;
  auto table = routing_->table ? routing_->table
                               : cluster::partition_table::decode(conn_.welcome.partition_table);
  if (!table)
    return false;
  for (auto& [id, m] : table->members()) {
    auto opts = id == conn_.welcome.node_id ? std::nullopt : with_address(opts_, m.client_address);
    if (!opts)
      continue;
    auto conn = client::connect(sys_, *opts);
    if (!conn.ok())
      continue;
    conn_ = std::move(*conn);
    watch_connection();
    if (opts_.route_to_owner)
      routing_->table = cluster::partition_table::decode(conn_.welcome.partition_table);
    return true;
  }
  return false;
}

sync_client::~sync_client() {
  caf::anon_send_exit(conn_.handle, caf::exit_reason::user_shutdown);
  for (auto& [id, handle] : routing_->owners)
    caf::anon_send_exit(handle, caf::exit_reason::user_shutdown);
}

result<std::unique_ptr<sync_client>> sync_client::connect(caf::actor_system& sys,
                                                          const connect_options& opts) {
  auto conn = client::connect(sys, opts);
  if (!conn.ok())
    return conn.error();
  return std::unique_ptr<sync_client>{new sync_client(sys, std::move(*conn), opts)};
}

void sync_client::refresh_routes() {
  auto& r = *routing_;
  r.refreshed = std::chrono::steady_clock::now();
  Request req;
  req.mutable_cluster_status();
  auto& self = *self_;
  auto h = self->request(conn_.handle, timeout_,
                         protocol::request_msg{std::make_shared<const Request>(req)});
  auto resp = await_reply(sys_, self.ptr(), h);
  if (!resp->has_cluster())
    return;
  if (auto t = cluster::partition_table::decode(resp->cluster().table().SerializeAsString()))
    r.table = std::move(*t);
  r.unreachable.clear();
}

caf::actor sync_client::target_for(const Request& req) {
  auto& r = *routing_;
  if (!r.table)
    return conn_.handle;
  switch (req.op_case()) {
    case Request::kStreamSubscribe:
    case Request::kStreamUnsubscribe:
    case Request::kEventSubscribe:
    case Request::kEventUnsubscribe:
    case Request::kEventAck:
    case Request::kEventNack:
    case Request::kEventExtend:
      return conn_.handle;  // subscriptions live on the connection that made them
    default:
      break;
  }
  auto route = cluster::route_of(req);
  if (!route)
    return conn_.handle;
  auto& owner = r.table->owner(r.table->partition_of(route->partition_key));
  if (owner.empty() || owner == conn_.welcome.node_id || r.unreachable.count(owner) > 0)
    return conn_.handle;
  if (auto it = r.owners.find(owner); it != r.owners.end())
    return it->second;
  auto* m = r.table->find_member(owner);
  auto opts = m != nullptr ? with_address(opts_, m->client_address) : std::nullopt;
  if (!opts) {
    r.unreachable.insert(owner);
    return conn_.handle;
  }
  auto conn = client::connect(sys_, *opts);
  if (!conn.ok()) {
    r.unreachable.insert(owner);
    return conn_.handle;
  }
  return r.owners.emplace(owner, conn->handle).first->second;
}

std::shared_ptr<const Response> sync_client::call(const Request& req) {
  return pipeline({std::make_shared<const Request>(req)}).front();
}

std::vector<std::shared_ptr<const Response>>
sync_client::pipeline(const std::vector<std::shared_ptr<const Request>>& reqs,
                      const reply_observer& observe) {
  auto& self = *self_;
  if (routing_->table && std::chrono::steady_clock::now() - routing_->refreshed > route_refresh)
    refresh_routes();
  using handle_t = decltype(self->request(conn_.handle, timeout_, protocol::request_msg{}));
  std::vector<handle_t> handles;
  std::vector<caf::actor> targets;
  handles.reserve(reqs.size());
  targets.reserve(reqs.size());
  for (auto& r : reqs) {
    targets.push_back(target_for(*r));
    handles.push_back(self->request(targets.back(), timeout_, protocol::request_msg{r}));
  }
  auto receive = [&](handle_t& h) { return await_reply(sys_, self.ptr(), h); };
  std::vector<std::shared_ptr<const Response>> out;
  out.reserve(reqs.size());
  for (size_t i = 0; i < handles.size(); ++i) {
    auto resp = receive(handles[i]);
    if (targets[i] != conn_.handle && resp->has_error()) {
      auto code = static_cast<error_code>(resp->error().code());
      if (code == error_code::not_leader || code == error_code::unavailable) {
        // A stale table or a lost connection to that owner: forget it, and
        // let the node this client is connected to route the request.
        for (auto it = routing_->owners.begin(); it != routing_->owners.end(); ++it)
          if (it->second == targets[i]) {
            caf::anon_send_exit(it->second, caf::exit_reason::user_shutdown);
            routing_->unreachable.insert(it->first);
            routing_->owners.erase(it);
            break;
          }
        auto again = self->request(conn_.handle, timeout_, protocol::request_msg{reqs[i]});
        resp = receive(again);
      }
    }
    // A failover: the node holds requests for a partition electing a
    // leader, but those in flight when its leader was lost come back
    // UNAVAILABLE (or NOT_LEADER: refused, not applied); with
    // failover_timeout they are sent again (through another node when this
    // one is gone).
    auto deadline = std::chrono::steady_clock::now() + opts_.failover_timeout;
    auto pause = std::chrono::milliseconds{10};
    auto failed_over = [](const Response& r) {
      auto code = static_cast<error_code>(r.error().code());
      return code == error_code::unavailable || code == error_code::not_leader;
    };
    while (resp->has_error() && failed_over(*resp)
           && std::chrono::steady_clock::now() + pause < deadline) {
      if (!move_to_another_node()) {
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::milliseconds{500});
      }
      auto again = self->request(conn_.handle, timeout_, protocol::request_msg{reqs[i]});
      resp = receive(again);
    }
    out.push_back(std::move(resp));
    if (observe)
      observe(out.size() - 1, *out.back());
  }
  return out;
}

result<std::string> sync_client::ping(const std::string& payload) {
  Request req;
  req.mutable_ping()->set_payload(payload);
  return ask(*this, req, Response::kPong,
             [](const Response& r) { return r.pong().node_id(); });
}

result<std::optional<value>> sync_client::get(const std::string& trace_id,
                                              const std::string& key) {
  Request req;
  req.mutable_state_get()->set_trace_id(trace_id);
  req.mutable_state_get()->set_key(key);
  return ask(*this, req, Response::kValue,
             [](const Response& r) { return to_value(r.value()); });
}

result<bool> sync_client::exists(const std::string& trace_id, const std::string& key) {
  Request req;
  req.mutable_state_exists()->set_trace_id(trace_id);
  req.mutable_state_exists()->set_key(key);
  return ask(*this, req, Response::kExists,
             [](const Response& r) { return r.exists().exists(); });
}

result<std::vector<std::optional<value>>>
sync_client::get_many(const std::string& trace_id, const std::vector<std::string>& keys) {
  Request req;
  auto* r = req.mutable_state_get_many();
  r->set_trace_id(trace_id);
  for (auto& k : keys)
    r->add_keys(k);
  auto resp = call(req);
  if (auto st = check(*resp, Response::kValues); !st.ok())
    return st;
  std::vector<std::optional<value>> out;
  for (auto& v : resp->values().values())
    out.push_back(to_value(v));
  return out;
}

result<uint64_t> sync_client::set(const std::string& trace_id, const std::string& key,
                                  const std::string& json, const set_options& opts) {
  Request req;
  auto* r = req.mutable_state_set();
  r->set_trace_id(trace_id);
  r->set_key(key);
  r->set_value(json);
  r->set_ttl_ms(opts.ttl_ms);
  if (opts.expected_revision)
    r->set_expected_revision(*opts.expected_revision);
  return ask(*this, req, Response::kSet,
             [](const Response& r) { return r.set().revision(); });
}

result<std::vector<uint64_t>> sync_client::set_many(const std::string& trace_id,
                                                    const std::vector<entry>& entries,
                                                    uint64_t ttl_ms) {
  Request req;
  auto* r = req.mutable_state_set_many();
  r->set_trace_id(trace_id);
  r->set_ttl_ms(ttl_ms);
  for (auto& e : entries) {
    auto* pe = r->add_entries();
    pe->set_key(e.key);
    pe->set_value(e.value);
    if (e.expected_revision)
      pe->set_expected_revision(*e.expected_revision);
  }
  return ask(*this, req, Response::kSetMany,
             [](const Response& r) { return std::vector<uint64_t>{r.set_many().revisions().begin(),
                               r.set_many().revisions().end()}; });
}

result<std::optional<value>> sync_client::del(const std::string& trace_id,
                                              const std::string& key,
                                              std::optional<uint64_t> expected_revision) {
  Request req;
  auto* r = req.mutable_state_delete();
  r->set_trace_id(trace_id);
  r->set_key(key);
  if (expected_revision)
    r->set_expected_revision(*expected_revision);
  return ask(*this, req, Response::kValue,
             [](const Response& r) { return to_value(r.value()); });
}

result<std::vector<std::string>> sync_client::keys(const std::string& trace_id) {
  Request req;
  req.mutable_state_keys()->set_trace_id(trace_id);
  return ask(*this, req, Response::kNames,
             [](const Response& r) { return to_names(r.names()); });
}

result<uint64_t> sync_client::clear(const std::string& trace_id) {
  Request req;
  req.mutable_state_clear()->set_trace_id(trace_id);
  return ask(*this, req, Response::kCount,
             [](const Response& r) { return r.count().count(); });
}

result<std::vector<item>> sync_client::get_group(const std::string& trace_id) {
  Request req;
  req.mutable_state_get_group()->set_trace_id(trace_id);
  return ask(*this, req, Response::kItems,
             [](const Response& r) { return to_items(r.items()); });
}

result<std::vector<std::string>> sync_client::trace_ids() {
  Request req;
  req.mutable_state_trace_ids();
  return ask(*this, req, Response::kNames,
             [](const Response& r) { return to_names(r.names()); });
}

result<std::vector<item>> sync_client::items(const std::optional<std::string>& group_id,
                                             const std::vector<filter>& filters) {
  Request req;
  auto* r = req.mutable_state_items();
  if (group_id)
    r->set_group_id(*group_id);
  for (auto& f : filters) {
    auto op = filter_op_from_name(f.op);
    if (!op)
      return status::error(error_code::invalid_argument, "unknown filter operation '" + f.op + "'");
    auto* pf = r->add_filters();
    pf->set_value_key(f.value_key);
    pf->set_op(static_cast<v1::FilterOp>(*op));
    pf->set_value(f.value);
  }
  return ask(*this, req, Response::kItems,
             [](const Response& r) { return to_items(r.items()); });
}

// -- streams ------------------------------------------------------------------

namespace {

std::optional<std::string> found_item(const v1::StreamItemReply& r) {
  if (!r.found())
    return std::nullopt;
  return r.item();
}

std::vector<std::string> item_list(const v1::StreamItemsReply& r) {
  return {r.items().begin(), r.items().end()};
}

} // namespace

result<std::optional<std::string>> sync_client::stream_get(const std::string& stream,
                                                           const std::string& group,
                                                           const std::string& id) {
  Request req;
  auto* r = req.mutable_stream_get();
  r->set_stream(stream);
  r->set_group_id(group);
  r->set_id(id);
  return ask(*this, req, Response::kStreamItem,
             [](const Response& r) { return found_item(r.stream_item()); });
}

result<stream_set_result> sync_client::stream_set(const std::string& stream,
                                                  const std::string& group,
                                                  const std::string& id,
                                                  const std::string& data) {
  Request req;
  auto* r = req.mutable_stream_set();
  r->set_stream(stream);
  r->set_group_id(group);
  r->set_id(id);
  r->set_data(data);
  return ask(*this, req, Response::kStreamItem,
             [](const Response& r) { return stream_set_result{r.stream_item().item(), r.stream_item().created()}; });
}

result<std::optional<std::string>> sync_client::stream_delete(const std::string& stream,
                                                              const std::string& group,
                                                              const std::string& id) {
  Request req;
  auto* r = req.mutable_stream_delete();
  r->set_stream(stream);
  r->set_group_id(group);
  r->set_id(id);
  return ask(*this, req, Response::kStreamItem,
             [](const Response& r) { return found_item(r.stream_item()); });
}

result<std::vector<std::string>> sync_client::stream_get_group(const std::string& stream,
                                                               const std::string& group) {
  Request req;
  req.mutable_stream_get_group()->set_stream(stream);
  req.mutable_stream_get_group()->set_group_id(group);
  return ask(*this, req, Response::kStreamItems,
             [](const Response& r) { return item_list(r.stream_items()); });
}

result<uint64_t> sync_client::stream_clear(const std::string& stream, const std::string& group) {
  Request req;
  req.mutable_stream_clear()->set_stream(stream);
  req.mutable_stream_clear()->set_group_id(group);
  return ask(*this, req, Response::kCount,
             [](const Response& r) { return r.count().count(); });
}

result<std::vector<std::string>> sync_client::stream_query(const std::string& stream,
                                                           const std::string& group,
                                                           const stream_query_options& q) {
  Request req;
  auto* r = req.mutable_stream_query();
  r->set_stream(stream);
  r->set_group_id(group);
  r->set_where(q.where);
  r->set_order_by(q.order_by);
  r->set_descending(q.descending);
  r->set_offset(q.offset);
  r->set_limit(q.limit);
  return ask(*this, req, Response::kStreamItems,
             [](const Response& r) { return item_list(r.stream_items()); });
}

result<std::vector<std::string>> sync_client::stream_groups(const std::string& stream) {
  Request req;
  req.mutable_stream_list_groups()->set_stream(stream);
  return ask(*this, req, Response::kNames,
             [](const Response& r) { return to_names(r.names()); });
}

result<uint64_t> sync_client::subscribe(const std::string& stream, const std::string& group,
                                        const std::optional<std::string>& id) {
  Request req;
  auto* r = req.mutable_stream_subscribe();
  r->set_stream(stream);
  r->set_group_id(group);
  if (id)
    r->set_id(*id);
  return ask(*this, req, Response::kSubscribe,
             [](const Response& r) { return r.subscribe().subscription_id(); });
}

status sync_client::unsubscribe(uint64_t subscription_id) {
  Request req;
  req.mutable_stream_unsubscribe()->set_subscription_id(subscription_id);
  return check(*call(req), Response::kPong);
}

status sync_client::stream_send(const std::string& stream, const std::string& group,
                                const std::optional<std::string>& id, const std::string& type,
                                const std::string& data) {
  Request req;
  auto* r = req.mutable_stream_send();
  r->set_stream(stream);
  r->set_group_id(group);
  if (id)
    r->set_id(*id);
  r->set_type(type);
  r->set_data(data);
  return check(*call(req), Response::kPong);
}

std::optional<stream_event> sync_client::next_event(std::chrono::milliseconds timeout) {
  std::optional<stream_event> out;
  (*self_)->receive(
    [&](protocol::push_msg& m) -> caf::result<void> {
      if (m.kind != protocol::push_msg::stream_event)
        return caf::skip;  // a delivery: next_delivery() takes it
      v1::StreamEvent e;
      if (m.event)
        e.ParseFromString(*m.event);
      out = stream_event{m.subscription_id, m.overflow, e.custom(), e.stream(),
                         e.group_id(), e.id(), e.type(), e.data()};
      return caf::unit;
    },
    caf::after(timeout) >> [] {});
  return out;
}

result<node_stats> sync_client::stats() {
  Request req;
  req.mutable_stats();
  auto resp = call(req);
  if (auto st = check(*resp, Response::kStats); !st.ok())
    return st;
  auto& s = resp->stats();
  return node_stats{s.stream_groups(), s.stream_subscribers(), s.sessions(), s.forwarded()};
}

result<export_page> sync_client::export_chunk(uint64_t export_id, uint32_t partition,
                                             uint32_t column, const std::string& after,
                                             uint32_t max_bytes) {
  Request req;
  auto* r = req.mutable_export_chunk();
  r->set_export_id(export_id);
  r->set_partition(partition);
  r->set_column(column);
  r->set_after(after);
  r->set_max_bytes(max_bytes);
  return ask(*this, req, Response::kChunk, [](const Response& resp) {
    export_page page;
    auto& c = resp.chunk();
    for (auto& e : c.entries())
      page.records.push_back({e.column(), e.key(), e.value()});
    page.done = c.done();
    page.next_column = c.next_column();
    page.next_after = c.next_after();
    return page;
  });
}

result<uint64_t> sync_client::import_chunk(uint32_t partition,
                                           const std::vector<raw_record>& records, bool first,
                                           bool replace) {
  Request req;
  auto* r = req.mutable_import_chunk();
  r->set_first(first);
  r->set_replace(replace);
  auto* chunk = r->mutable_chunk();
  chunk->set_partition(partition);
  for (auto& rec : records) {
    auto* e = chunk->add_entries();
    e->set_column(rec.column);
    e->set_key(rec.key);
    e->set_value(rec.value);
  }
  return ask(*this, req, Response::kCount, [](const Response& resp) { return resp.count().count(); });
}

result<backup_info> sync_client::backup(const std::string& dir) {
  Request req;
  req.mutable_backup()->set_dir(dir);
  auto resp = call(req);
  if (auto st = check(*resp, Response::kBackup); !st.ok())
    return st;
  auto& b = resp->backup();
  return backup_info{b.dir(), b.bytes(), b.files()};
}

namespace {

cluster_status to_cluster_status(const v1::ClusterStatusReply& r) {
  cluster_status out;
  out.node_id = r.node_id();
  out.coordinator = r.coordinator();
  out.epoch = r.table().epoch();
  out.owners.assign(r.table().owners().begin(), r.table().owners().end());
  for (auto& m : r.table().members())
    out.members.push_back({m.node_id(), m.client_address(), m.cluster_address(),
                           m.resp_address(), m.reachable(), m.partitions(), m.leaving()});
  out.moving = r.moving();
  for (auto& g : r.led()) {
    auto& led = out.led.emplace_back();
    led.partition = g.partition();
    led.term = g.term();
    led.commit = g.commit();
    led.last = g.last();
    for (auto& rp : g.replicas())
      led.replicas.push_back({rp.node_id(), rp.match(), rp.active()});
  }
  return out;
}

} // namespace

namespace {

result<cluster_status> ask_cluster(sync_client& c, const Request& req) {
  return ask(c, req, Response::kCluster,
             [](const Response& r) { return to_cluster_status(r.cluster()); });
}

} // namespace

result<cluster_status> sync_client::get_cluster_status() {
  Request req;
  req.mutable_cluster_status();
  return ask_cluster(*this, req);
}

result<cluster_status> sync_client::drain(const std::string& node_id) {
  Request req;
  req.mutable_cluster_drain()->set_node_id(node_id);
  return ask_cluster(*this, req);
}

result<cluster_status> sync_client::transfer_leader(uint32_t partition, const std::string& node_id) {
  Request req;
  req.mutable_cluster_transfer_leader()->set_partition(partition);
  req.mutable_cluster_transfer_leader()->set_node_id(node_id);
  return ask_cluster(*this, req);
}

// -- events -------------------------------------------------------------------

namespace {

void fill_entry(v1::EmitEntry* out, const emit_entry& e) {
  out->set_data(e.data);
  out->set_trace_id(e.trace_id);
  for (auto& f : e.flows)
    out->add_flows(f);
  if (e.message_group_id)
    out->set_message_group_id(*e.message_group_id);
  out->set_idempotency_key(e.idempotency_key);
  out->set_step(e.step);
  if (e.delay_ms)
    out->set_delay_ms(*e.delay_ms);
  out->set_attempts_made(e.attempts_made);
  out->set_last_error(e.last_error);
  out->set_dead(e.dead);
}

emit_result to_emit_result(const Response& r) {
  return {{r.emit().message_ids().begin(), r.emit().message_ids().end()},
          r.emit().steps(),
          r.emit().repeats()};
}

void fill_subscribe(v1::EventSubscribe* r, const std::string& topic, const std::string& step,
                    const queue_config& config) {
  r->set_topic(topic);
  r->set_step(step);
  auto* c = r->mutable_config();
  c->set_type(config.type);
  c->set_max_retries(config.max_retries);
  c->set_visibility_timeout_ms(config.visibility_timeout_ms);
  c->set_delay_ms(config.delay_ms);
  c->set_concurrency(config.concurrency);
  if (config.backoff_ms)
    c->set_backoff_ms(*config.backoff_ms);
  c->set_exponential_backoff(config.exponential_backoff);
}

queue_message to_queue_message(const v1::QueueMessage& m, uint64_t subscription_id) {
  queue_message out;
  out.subscription_id = subscription_id;
  out.message_id = m.message_id();
  out.topic = m.topic();
  out.step = m.step();
  out.data = m.data();
  out.trace_id = m.trace_id();
  out.flows.assign(m.flows().begin(), m.flows().end());
  if (m.has_message_group_id())
    out.message_group_id = m.message_group_id();
  out.attempt = m.attempt();
  out.last_error = m.last_error();
  return out;
}

} // namespace

result<emit_result> sync_client::emit(const std::string& topic, const emit_entry& event) {
  Request req;
  req.mutable_event_emit()->set_topic(topic);
  fill_entry(req.mutable_event_emit()->mutable_event(), event);
  return ask(*this, req, Response::kEmit, to_emit_result);
}

result<emit_result> sync_client::emit_batch(const std::string& topic,
                                            const std::vector<emit_entry>& events) {
  Request req;
  req.mutable_event_emit_batch()->set_topic(topic);
  for (auto& e : events)
    fill_entry(req.mutable_event_emit_batch()->add_events(), e);
  return ask(*this, req, Response::kEmit, to_emit_result);
}

result<uint64_t> sync_client::subscribe_events(const std::string& topic, const std::string& step,
                                               const queue_config& config) {
  Request req;
  fill_subscribe(req.mutable_event_subscribe(), topic, step, config);
  return ask(*this, req, Response::kSubscribe,
             [](const Response& r) { return r.subscribe().subscription_id(); });
}

status sync_client::declare_step(const std::string& topic, const std::string& step,
                                 const queue_config& config) {
  Request req;
  fill_subscribe(req.mutable_event_subscribe(), topic, step, config);
  req.mutable_event_subscribe()->set_declare_only(true);
  return check(*call(req), Response::kSubscribe);
}

status sync_client::unsubscribe_events(uint64_t subscription_id) {
  Request req;
  req.mutable_event_unsubscribe()->set_subscription_id(subscription_id);
  return check(*call(req), Response::kPong);
}

status sync_client::ack(uint64_t subscription_id, const std::string& message_id) {
  Request req;
  req.mutable_event_ack()->set_subscription_id(subscription_id);
  req.mutable_event_ack()->set_message_id(message_id);
  return check(*call(req), Response::kPong);
}

status sync_client::nack(uint64_t subscription_id, const std::string& message_id,
                         const std::string& error) {
  Request req;
  req.mutable_event_nack()->set_subscription_id(subscription_id);
  req.mutable_event_nack()->set_message_id(message_id);
  req.mutable_event_nack()->set_error(error);
  return check(*call(req), Response::kPong);
}

result<uint64_t> sync_client::extend(uint64_t subscription_id,
                                     const std::vector<std::string>& message_ids) {
  Request req;
  auto* e = req.mutable_event_extend();
  e->set_subscription_id(subscription_id);
  for (auto& id : message_ids)
    e->add_message_ids(id);
  return ask(*this, req, Response::kCount, [](const Response& r) { return r.count().count(); });
}

std::optional<queue_message> sync_client::next_delivery(std::chrono::milliseconds timeout) {
  std::optional<queue_message> out;
  (*self_)->receive(
    [&](protocol::push_msg& m) -> caf::result<void> {
      if (m.kind != protocol::push_msg::delivery)
        return caf::skip;  // a stream event: next_event() takes it
      v1::QueueMessage q;
      if (m.event)
        q.ParseFromString(*m.event);
      out = to_queue_message(q, m.subscription_id);
      return caf::unit;
    },
    caf::after(timeout) >> [] {});
  return out;
}

status sync_client::remove_step(const std::string& topic, const std::string& step) {
  Request req;
  req.mutable_event_remove_step()->set_topic(topic);
  req.mutable_event_remove_step()->set_step(step);
  return check(*call(req), Response::kPong);
}

result<std::vector<std::string>> sync_client::topics() {
  Request req;
  req.mutable_event_list_topics();
  return ask(*this, req, Response::kNames, [](const Response& r) { return to_names(r.names()); });
}

result<topic_info> sync_client::get_topic_info(const std::string& topic) {
  Request req;
  req.mutable_event_topic_info()->set_topic(topic);
  return ask(*this, req, Response::kTopicInfo, [](const Response& r) {
    return topic_info{{r.topic_info().steps().begin(), r.topic_info().steps().end()},
                      r.topic_info().consumers()};
  });
}

result<queue_stats> sync_client::get_queue_stats(const std::string& topic,
                                                 const std::string& step) {
  Request req;
  req.mutable_queue_stats()->set_topic(topic);
  req.mutable_queue_stats()->set_step(step);
  return ask(*this, req, Response::kQueueStats, [](const Response& r) {
    auto& q = r.queue_stats();
    return queue_stats{q.ready(), q.delayed(), q.in_flight(), q.dead(), q.consumers()};
  });
}

result<std::vector<queue_message>> sync_client::dead_letters(const std::string& topic,
                                                             const std::string& step,
                                                             uint32_t limit) {
  Request req;
  auto* r = req.mutable_dead_letter_list();
  r->set_topic(topic);
  r->set_step(step);
  r->set_limit(limit);
  return ask(*this, req, Response::kDeadLetters, [](const Response& resp) {
    std::vector<queue_message> out;
    for (auto& m : resp.dead_letters().messages())
      out.push_back(to_queue_message(m, 0));
    return out;
  });
}

result<uint64_t> sync_client::replay_dead_letters(const std::string& topic,
                                                  const std::string& step,
                                                  const std::vector<std::string>& message_ids) {
  Request req;
  auto* r = req.mutable_dead_letter_replay();
  r->set_topic(topic);
  r->set_step(step);
  for (auto& id : message_ids)
    r->add_message_ids(id);
  return ask(*this, req, Response::kCount, [](const Response& resp) { return resp.count().count(); });
}

result<uint64_t> sync_client::purge_dead_letters(const std::string& topic,
                                                 const std::string& step) {
  Request req;
  req.mutable_dead_letter_purge()->set_topic(topic);
  req.mutable_dead_letter_purge()->set_step(step);
  return ask(*this, req, Response::kCount, [](const Response& resp) { return resp.count().count(); });
}

namespace {

lock_info to_lock_info(const v1::LockInfo& l) {
  return {l.job(), l.lock_id(), l.instance_id(), l.acquired_at_ms(), l.expires_at_ms(),
          l.fencing_token()};
}

} // namespace

result<lock_result> sync_client::lock_acquire(const std::string& job, int64_t ttl_ms,
                                              const std::string& instance_id) {
  Request req;
  auto* r = req.mutable_lock_acquire();
  r->set_job(job);
  r->set_ttl_ms(ttl_ms);
  r->set_instance_id(instance_id);
  return ask(*this, req, Response::kLock, [](const Response& resp) {
    return lock_result{resp.lock().granted(), to_lock_info(resp.lock().lock())};
  });
}

result<bool> sync_client::lock_renew(const std::string& job, const std::string& lock_id,
                                     int64_t ttl_ms) {
  Request req;
  auto* r = req.mutable_lock_renew();
  r->set_job(job);
  r->set_lock_id(lock_id);
  r->set_ttl_ms(ttl_ms);
  return ask(*this, req, Response::kLock, [](const Response& resp) { return resp.lock().granted(); });
}

result<bool> sync_client::lock_release(const std::string& job, const std::string& lock_id,
                                       const std::string& instance_id, int64_t hold_until_ms) {
  Request req;
  auto* r = req.mutable_lock_release();
  r->set_job(job);
  r->set_lock_id(lock_id);
  r->set_instance_id(instance_id);
  r->set_hold_until_ms(hold_until_ms);
  return ask(*this, req, Response::kLock, [](const Response& resp) { return resp.lock().granted(); });
}

result<std::vector<lock_info>> sync_client::active_locks() {
  Request req;
  req.mutable_lock_list();
  return ask(*this, req, Response::kLocks, [](const Response& resp) {
    std::vector<lock_info> out;
    for (auto& l : resp.locks().locks())
      out.push_back(to_lock_info(l));
    return out;
  });
}

status sync_client::advance_clock(uint64_t ms) {
  Request req;
  req.mutable_advance_clock()->set_ms(ms);
  return check(*call(req), Response::kPong);
}

} // namespace troupe::client
