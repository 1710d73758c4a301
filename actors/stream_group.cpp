#include "actors/stream_group.hpp"

#include <algorithm>
#include <unordered_map>
#include <vector>


#include "actors/partition_actor.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/json_filter.hpp"
#include "storage/key_codec.hpp"
#include "storage/record.hpp"
#include "storage/stream_item.hpp"

namespace troupe::actors {

namespace {

using protocol::request_msg;
using protocol::response_msg;
using storage::column;
using v1::Request;
using v1::Response;

struct subscriber {
  caf::actor session;
  uint64_t subscription_id;
  std::optional<std::string> id;  // item channel; nullopt: group channel
};

struct group_state {
  stream_group_args args;
  std::string prefix;
  uint64_t received = 0;  // messages the directory forwarded
  uint64_t idle_seq = 0;
  std::unique_ptr<write_pipeline> pipeline;
  std::vector<subscriber> subs;

  ~group_state() {
    if (args.counters != nullptr) {
      args.counters->stream_groups -= 1;
      args.counters->stream_subscribers -= static_cast<int64_t>(subs.size());
    }
  }

  static inline const char* name = "troupe.stream_group";
};


bool check_id(group_state& st, Response& resp, const std::string& id, const char* what,
              bool required) {
  if (required && id.empty()) {
    set_error(resp, error_code::invalid_argument, std::string{what} + " is missing");
    return false;
  }
  if (id.size() > st.args.limits.max_id_bytes) {
    set_error(resp, error_code::too_large,
         std::string{what} + " is " + std::to_string(id.size()) + " bytes; the limit is "
           + std::to_string(st.args.limits.max_id_bytes));
    return false;
  }
  return true;
}

std::string key_of(group_state& st, const std::string& id) {
  return st.prefix + [&] {
    std::string c;
    storage::append_component(c, id);
    return c;
  }();
}

/// The item stored under `key`, committed only or including staged writes.
std::optional<std::string> read_item(group_state& st, Response& resp, const std::string& key,
                                     bool latest) {
  if (latest)
    if (auto* staged = st.pipeline->staged(key)) {
      if (!*staged)
        return std::nullopt;
      storage::record_header h;
      std::string_view v;
      if (!storage::decode_record(**staged, h, v))
        return std::nullopt;
      return std::string{v};
    }
  storage::db_status status;
  auto raw = st.args.log->db().get(column::streams, key, status);
  if (!status.ok) {
    set_storage_error(resp, "read", status.message);
    return std::nullopt;
  }
  storage::record_header h;
  std::string_view v;
  if (!raw || !storage::decode_record(*raw, h, v))
    return std::nullopt;
  return std::string{v};
}

/// Every committed item of the group, in getGroup order.
std::vector<std::string> read_group(group_state& st, Response& resp) {
  std::vector<std::string> items;
  auto cur = st.args.log->db().new_cursor(column::streams);
  for (cur->seek(st.prefix); cur->valid() && cur->key().substr(0, st.prefix.size()) == st.prefix;
       cur->next()) {
    storage::record_header h;
    std::string_view v;
    if (storage::decode_record(cur->value(), h, v))
      items.emplace_back(v);
  }
  if (auto status = cur->status(); !status.ok)
    set_error(resp, error_code::internal, "storage scan failed: " + status.message);
  storage::sort_stream_items(items);
  return items;
}

/// A serialized StreamEvent, shared by every subscriber it goes to.
std::shared_ptr<const std::string> make_event(group_state& st, const std::string& id,
                                              const std::string& type, const std::string& data,
                                              bool custom) {
  v1::StreamEvent ev;
  ev.set_stream(st.args.stream);
  ev.set_group_id(st.args.group);
  ev.set_id(id);
  ev.set_type(type);
  ev.set_data(data);
  ev.set_custom(custom);
  return std::make_shared<const std::string>(ev.SerializeAsString());
}

/// Sends `event` to every subscriber whose channel matches: the group
/// channel, and the item channel of `id`. Custom events go only to the
/// channel they were sent to.
template <class Self>
void publish(Self self, const std::shared_ptr<const std::string>& event, const std::string& id,
             bool group_channel, bool item_channel) {
  for (auto& s : self->state.subs) {
    bool match = s.id ? (item_channel && *s.id == id) : group_channel;
    if (match)
      self->send(s.session, protocol::push_msg{s.subscription_id, event, false});
  }
}

template <class Self>
void maybe_idle(Self self) {
  auto& st = self->state;
  if (!st.subs.empty() || st.pipeline->in_flight() > 0)
    return;
  auto seq = ++st.idle_seq;
  if (st.args.limits.idle_time.count() == 0)
    self->send(st.args.directory, idle_atom::value, st.args.key, st.received);
  else
    self->delayed_send(self, st.args.limits.idle_time, idle_check_atom::value, seq);
}

/// reply_after, then `then` (event pushes) when durable, then the idle check.
template <class Self>
void reply_then(Self self, uint64_t gen, std::shared_ptr<Response> resp,
                std::function<void()> then = {}) {
  reply_after(self, gen, std::move(resp), [self, then](bool durable) {
    if (durable && then)
      then();
    maybe_idle(self);
  });
}

template <class Self>
void on_set(Self self, const v1::StreamSet& r, std::shared_ptr<Response> resp) {
  auto& st = self->state;
  if (!check_id(st, *resp, r.id(), "id", true)) {
    reply_then(self, st.pipeline->last_submitted(), resp);
    return;
  }
  if (r.data().size() > st.args.limits.max_item_bytes) {
    set_error(*resp, error_code::too_large,
         "item is " + std::to_string(r.data().size()) + " bytes; the limit is "
           + std::to_string(st.args.limits.max_item_bytes));
    reply_then(self, st.pipeline->last_submitted(), resp);
    return;
  }
  auto key = key_of(st, r.id());
  auto previous = read_item(st, *resp, key, true);
  std::string item;
  if (!resp->has_error()) {
    if (auto err = storage::build_stream_item(r.data(), r.id(), previous ? &*previous : nullptr,
                                              st.args.log->db().now_ms(), item))
      set_error(*resp, error_code::invalid_argument, *err);
    else if (item.size() > st.args.limits.max_item_bytes)
      set_error(*resp, error_code::too_large, "item is larger than the limit");
  }
  if (resp->has_error()) {
    reply_then(self, st.pipeline->last_submitted(), resp);
    return;
  }
  auto now = st.args.log->db().now_ms();
  storage::record_header h{0, now, now, 0};
  storage::write_batch batch;
  st.pipeline->put(batch, column::streams, key, storage::encode_record(h, item));
  auto gen = st.pipeline->submit(std::move(batch));
  bool created = !previous.has_value();
  auto* out = resp->mutable_stream_item();
  out->set_found(true);
  out->set_item(item);
  out->set_created(created);
  auto event = make_event(st, r.id(), created ? "create" : "update", item, false);
  auto id = r.id();
  reply_then(self, gen, resp, [self, event, id] { publish(self, event, id, true, true); });
}

template <class Self>
void on_delete(Self self, const v1::StreamDelete& r, std::shared_ptr<Response> resp) {
  auto& st = self->state;
  if (!check_id(st, *resp, r.id(), "id", true)) {
    reply_then(self, st.pipeline->last_submitted(), resp);
    return;
  }
  auto key = key_of(st, r.id());
  auto previous = read_item(st, *resp, key, true);
  auto* out = resp->mutable_stream_item();
  if (resp->has_error() || !previous) {
    out->set_found(false);
    reply_then(self, st.pipeline->last_submitted(), resp);
    return;
  }
  storage::write_batch batch;
  st.pipeline->remove(batch, column::streams, key);
  auto gen = st.pipeline->submit(std::move(batch));
  out->set_found(true);
  out->set_item(*previous);
  auto event = make_event(st, r.id(), "delete", *previous, false);
  auto id = r.id();
  reply_then(self, gen, resp, [self, event, id] { publish(self, event, id, true, true); });
}

template <class Self>
void on_clear(Self self, std::shared_ptr<Response> resp) {
  auto& st = self->state;
  std::vector<std::string> doomed;
  auto cur = st.args.log->db().new_cursor(column::streams);
  for (cur->seek(st.prefix); cur->valid() && cur->key().substr(0, st.prefix.size()) == st.prefix;
       cur->next())
    doomed.emplace_back(cur->key());
  st.pipeline->for_each_staged(st.prefix, [&](const std::string& key,
                                              const std::optional<std::string>& raw) {
    auto pos = std::find(doomed.begin(), doomed.end(), key);
    if (raw && pos == doomed.end())
      doomed.push_back(key);
    else if (!raw && pos != doomed.end())
      doomed.erase(pos);
  });
  resp->mutable_count()->set_count(doomed.size());
  if (doomed.empty()) {
    reply_then(self, st.pipeline->last_submitted(), resp);
    return;
  }
  storage::write_batch batch;
  for (auto& key : doomed)
    st.pipeline->remove(batch, column::streams, key);
  reply_then(self, st.pipeline->submit(std::move(batch)), resp);
}

template <class Self>
void on_subscribe(Self self, const v1::StreamSubscribe& r, std::shared_ptr<Response> resp) {
  auto& st = self->state;
  if (r.has_id() && !check_id(st, *resp, r.id(), "id", true)) {
    reply_then(self, st.pipeline->last_submitted(), resp);
    return;
  }
  auto session = caf::actor_cast<caf::actor>(self->current_sender());
  bool known = std::any_of(st.subs.begin(), st.subs.end(),
                           [&](const subscriber& s) { return s.session == session; });
  if (!known)
    self->monitor(session);
  st.subs.push_back({session, r.subscription_id(),
                     r.has_id() ? std::optional<std::string>{r.id()} : std::nullopt});
  st.args.counters->stream_subscribers += 1;
  resp->mutable_subscribe()->set_subscription_id(r.subscription_id());
  // The subscription takes effect after every write accepted before it.
  reply_then(self, st.pipeline->last_submitted(), resp);
}

template <class Self>
void remove_subscribers(Self self, const caf::actor_addr& session,
                        std::optional<uint64_t> subscription_id) {
  auto& st = self->state;
  auto before = st.subs.size();
  st.subs.erase(std::remove_if(st.subs.begin(), st.subs.end(),
                               [&](const subscriber& s) {
                                 return s.session.address() == session
                                        && (!subscription_id
                                            || s.subscription_id == *subscription_id);
                               }),
                st.subs.end());
  st.args.counters->stream_subscribers -= static_cast<int64_t>(before - st.subs.size());
}

template <class Self>
void on_request(Self self, const Request& req) {
  auto& st = self->state;
  auto resp = std::make_shared<Response>();
  switch (req.op_case()) {
    case Request::kStreamGet: {
      auto& r = req.stream_get();
      if (check_id(st, *resp, r.id(), "id", true)) {
        auto item = read_item(st, *resp, key_of(st, r.id()), false);
        if (!resp->has_error()) {
          resp->mutable_stream_item()->set_found(item.has_value());
          if (item)
            resp->mutable_stream_item()->set_item(*item);
        }
      }
      break;
    }
    case Request::kStreamSet:
      return on_set(self, req.stream_set(), resp);
    case Request::kStreamDelete:
      return on_delete(self, req.stream_delete(), resp);
    case Request::kStreamClear:
      return on_clear(self, resp);
    case Request::kStreamGetGroup: {
      auto items = read_group(st, *resp);
      if (!resp->has_error()) {
        auto* out = resp->mutable_stream_items();
        for (auto& i : items)
          out->add_items(std::move(i));
      }
      break;
    }
    case Request::kStreamQuery: {
      auto& r = req.stream_query();
      auto items = read_group(st, *resp);
      if (resp->has_error())
        break;
      storage::stream_query q{r.where(), r.order_by(), r.descending(), r.offset(), r.limit()};
      if (auto err = storage::run_stream_query(items, q)) {
        set_error(*resp, error_code::invalid_argument, *err);
        break;
      }
      auto* out = resp->mutable_stream_items();
      for (auto& i : items)
        out->add_items(std::move(i));
      break;
    }
    case Request::kStreamSubscribe:
      return on_subscribe(self, req.stream_subscribe(), resp);
    case Request::kStreamUnsubscribe:
      remove_subscribers(self, self->current_sender()->address(),
                         req.stream_unsubscribe().subscription_id());
      resp->mutable_pong();
      break;
    case Request::kStreamSend: {
      auto& r = req.stream_send();
      if (r.has_id() && !check_id(st, *resp, r.id(), "id", true))
        break;
      if (auto err = storage::json_error(r.data())) {
        set_error(*resp, error_code::invalid_argument, "event data is not valid JSON: " + *err);
        break;
      }
      resp->mutable_pong();
      auto event = make_event(st, r.id(), r.type(), r.data(), true);
      bool to_item = r.has_id();
      auto id = r.id();
      return reply_then(self, st.pipeline->last_submitted(), resp,
                         [self, event, id, to_item] { publish(self, event, id, !to_item, to_item); });
    }
    default:
      set_error(*resp, error_code::invalid_argument, "operation is not a stream operation");
      break;
  }
  // Reads: answered at once from committed storage; by a replicated leader
  // once it confirmed it still leads.
  if (st.pipeline->confirms_reads()) {
    reply_read(self, std::move(resp));
  } else {
    auto promise = self->template make_response_promise<response_msg>();
    if (promise.pending())
      promise.deliver(response_msg{std::move(resp)});
  }
  maybe_idle(self);
}

template <class Self>
caf::behavior group_behavior(Self self, stream_group_args args) {
  auto& st = self->state;
  st.args = std::move(args);
  st.prefix = storage::stream_group_prefix(st.args.partition, st.args.stream, st.args.group);
  st.args.counters->stream_groups += 1;
  st.pipeline = make_pipeline(self, *st.args.log);
  finish_writes_on_exit(self);
  self->set_down_handler([self](caf::down_msg& msg) {
    remove_subscribers(self, msg.source, std::nullopt);
    maybe_idle(self);
  });
  return {
    [self](request_msg& msg) {
      ++self->state.received;
      on_request(self, *msg.body);
    },
    committed_handler(self),
    [self](idle_check_atom, uint64_t seq) {
      auto& st = self->state;
      if (seq == st.idle_seq && st.subs.empty() && st.pipeline->in_flight() == 0)
        self->send(st.args.directory, idle_atom::value, st.args.key, st.received);
    },
    [self](stop_atom) { self->quit(); },
  };
}

} // namespace

caf::actor spawn_stream_group(caf::actor_system& sys, shard_placement placement,
                              stream_group_args args) {
  return spawn_partition_actor<group_state>(
    sys, placement,
    [](auto self, stream_group_args a) { return group_behavior(self, std::move(a)); },
    std::move(args));
}

} // namespace troupe::actors
