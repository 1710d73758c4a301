#include "actors/event_shard.hpp"

#include <algorithm>

#include <map>


#include "actors/topic_queue.hpp"
#include "actors/partition_actor.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/json_filter.hpp"
#include "storage/key_codec.hpp"
#include "storage/record.hpp"

namespace troupe::actors {

namespace {

using protocol::request_msg;
using protocol::response_msg;
using storage::column;
using storage::queue_kind;
using v1::QueueConfig;
using v1::Request;
using v1::Response;

struct step_entry {
  QueueConfig config;
  caf::actor queue;  // spawned on demand
  uint64_t consumers = 0;
};

struct shard_state {
  partition_id partition;
  storage::db* db = nullptr;
  partition_log* log = nullptr;
  event_options opts;
  shard_placement placement = shard_placement::workers;
  uint64_t seq = 0;  // last message seq handed out in this partition
  std::string seq_key;
  std::map<std::string, std::map<std::string, step_entry>> topics;
  std::unique_ptr<write_pipeline> pipeline;

  static inline const char* name = "troupe.event_shard";
};


bool check_id(shard_state& st, Response& resp, const std::string& id, const char* what,
              bool required) {
  if (required && id.empty()) {
    set_error(resp, error_code::invalid_argument, std::string{what} + " is missing");
    return false;
  }
  if (id.size() > st.opts.max_id_bytes) {
    set_error(resp, error_code::too_large,
         std::string{what} + " is longer than " + std::to_string(st.opts.max_id_bytes) + " bytes");
    return false;
  }
  return true;
}

/// Validates a queue config and fills its defaults; false with `resp` set.
bool normalize(QueueConfig& c, Response& resp) {
  if (c.type().empty())
    c.set_type("standard");
  std::string problem;
  if (c.type() != "standard" && c.type() != "fifo")
    problem = "queue type must be 'standard' or 'fifo', not '" + c.type() + "'";
  else if (c.max_retries() < 0)
    problem = "max_retries must not be negative";
  else if (c.visibility_timeout_ms() <= 0)
    problem = "visibility_timeout_ms must be positive";
  else if (c.delay_ms() < 0)
    problem = "delay_ms must not be negative";
  else if (c.concurrency() < 0)
    problem = "concurrency must not be negative";
  else if (c.has_backoff_ms() && c.backoff_ms() < 0)
    problem = "backoff_ms must not be negative";
  if (!problem.empty()) {
    set_error(resp, error_code::invalid_argument, "invalid queue config: " + problem);
    return false;
  }
  if (c.concurrency() == 0)
    c.set_concurrency(1);
  return true;
}

template <class Self>
caf::actor& queue_of(Self self, const std::string& topic, const std::string& step,
                     step_entry& e) {
  auto& st = self->state;
  if (!e.queue) {
    topic_queue_args args{st.partition, topic, step, e.config.SerializeAsString(), st.log,
                          caf::actor_cast<caf::actor>(self), st.opts.manual_clock};
    e.queue = spawn_topic_queue(self->system(), st.placement, std::move(args));
    self->link_to(e.queue);
  }
  return e.queue;
}

uint64_t submit(shard_state& st, storage::write_batch batch) {
  std::string raw;
  for (int i = 7; i >= 0; --i)
    raw.push_back(static_cast<char>((st.seq >> (8 * i)) & 0xFF));
  batch.put(column::meta, st.seq_key, std::move(raw));
  return st.pipeline->submit(std::move(batch));
}

/// How long an emit's idempotency key is remembered.
constexpr int64_t idempotency_window_ms = 24 * 3600 * 1000;

/// The message ids a previous emit with this key got, if any (staged or
/// committed, and not expired); `status` says whether storage could be read
/// (a failed read is never taken for "not seen": the emit would be stored
/// twice).
std::optional<v1::EmitReply> seen_emit(shard_state& st, const std::string& key,
                                       storage::db_status& status) {
  std::optional<std::string> raw;
  if (auto* staged = st.pipeline->staged(key))
    raw = *staged;
  else
    raw = st.db->get(column::queues, key, status);
  if (!status.ok)
    return std::nullopt;
  storage::record_header h;
  std::string_view v;
  v1::EmitReply ids;
  if (!raw || !storage::decode_record(*raw, h, v) || h.expired(st.db->now_ms())
      || !ids.ParseFromArray(v.data(), static_cast<int>(v.size())))
    return std::nullopt;
  return ids;
}

template <class Self>
void on_emit(Self self, const std::string& topic,
             const google::protobuf::RepeatedPtrField<v1::EmitEntry>& events,
             std::shared_ptr<Response> resp) {
  auto& st = self->state;
  auto gen = st.pipeline->last_submitted();
  if (!check_id(st, *resp, topic, "topic", true))
    return reply_after(self, gen, resp);
  for (auto& e : events) {
    if (e.data().size() > st.opts.max_data_bytes) {
      set_error(*resp, error_code::too_large, "event data is larger than the limit");
      return reply_after(self, gen, resp);
    }
    if (auto err = e.opaque() ? std::nullopt : storage::json_error(e.data())) {
      set_error(*resp, error_code::invalid_argument, "event data is not valid JSON: " + *err);
      return reply_after(self, gen, resp);
    }
    if (e.dead() && e.step().empty()) {
      set_error(*resp, error_code::invalid_argument, "a dead event needs the step it died in");
      return reply_after(self, gen, resp);
    }
    if (!check_id(st, *resp, e.trace_id(), "trace_id", false)
        || !check_id(st, *resp, e.idempotency_key(), "idempotency_key", false)
        || !check_id(st, *resp, e.step(), "step", false)
        || (e.has_message_group_id()
            && !check_id(st, *resp, e.message_group_id(), "message_group_id", false)))
      return reply_after(self, gen, resp);
  }
  auto* out = resp->mutable_emit();
  auto t = st.topics.find(topic);
  for (auto& e : events)
    if (!e.step().empty() && (t == st.topics.end() || t->second.count(e.step()) == 0)) {
      set_error(*resp, error_code::not_found,
                "step " + json_quoted(e.step()) + " is not subscribed to topic "
                  + json_quoted(topic));
      return reply_after(self, gen, resp);
    }
  if (t == st.topics.end() || t->second.empty() || events.empty())
    return reply_after(self, gen, resp);  // no subscribed step: nothing stored
  out->set_steps(static_cast<uint32_t>(t->second.size()));
  auto now = st.db->now_ms();
  storage::write_batch batch;
  std::map<std::string, std::pair<std::vector<uint64_t>, std::vector<std::string>>> fresh;
  // Entries seen before (a retried emit) store nothing again.
  std::vector<bool> repeat(static_cast<size_t>(events.size()), false);
  std::vector<v1::EmitReply> per_entry(static_cast<size_t>(events.size()));
  for (int i = 0; i < events.size(); ++i) {
    auto& key = events[i].idempotency_key();
    if (key.empty())
      continue;
    storage::db_status status;
    auto seen = seen_emit(st, storage::queue_prefix(st.partition, queue_kind::emitted, topic, key), status);
    if (!status.ok) {
      set_storage_error(*resp, "read", status.message);
      return reply_after(self, gen, resp);
    }
    if (seen) {
      repeat[static_cast<size_t>(i)] = true;
      per_entry[static_cast<size_t>(i)] = std::move(*seen);
    }
  }
  std::map<std::string, std::vector<uint64_t>> buried;  // dead letters stored, per step
  out->set_repeats(static_cast<uint32_t>(std::count(repeat.begin(), repeat.end(), true)));
  for (auto& [step, entry] : t->second) {
    auto& slot = fresh[step];
    for (int i = 0; i < events.size(); ++i) {
      auto& e = events[i];
      if (repeat[static_cast<size_t>(i)] || (!e.step().empty() && e.step() != step))
        continue;
      auto seq = ++st.seq;
      v1::QueueMessage m;
      m.set_message_id(message_id(st.partition, seq));
      m.set_topic(topic);
      m.set_step(step);
      m.set_data(e.data());
      m.set_trace_id(e.trace_id());
      *m.mutable_flows() = e.flows();
      if (e.has_message_group_id())
        m.set_message_group_id(e.message_group_id());
      m.set_emitted_at_ms(now);
      m.set_visible_at_ms(
        now + (e.has_delay_ms() ? std::max<int64_t>(e.delay_ms(), 0) : entry.config.delay_ms()));
      if (e.has_expires_in_ms())
        m.set_expires_at_ms(now + std::max<int64_t>(e.expires_in_ms(), 0));
      m.set_priority(e.priority());
      m.set_attempt(e.attempts_made());
      m.set_last_error(e.last_error());
      auto body = m.SerializeAsString();
      auto kind = e.dead() ? queue_kind::dead : queue_kind::message;
      batch.put(column::queues, storage::queue_key(st.partition, kind, topic, step, seq),
                storage::encode_record({0, now, now, 0}, body));
      per_entry[static_cast<size_t>(i)].add_message_ids(m.message_id());
      if (e.dead()) {
        buried[step].push_back(seq);
        continue;
      }
      slot.first.push_back(seq);
      slot.second.push_back(std::move(body));
    }
  }
  for (int i = 0; i < events.size(); ++i) {
    auto idx = static_cast<size_t>(i);
    for (auto& id : per_entry[idx].message_ids())
      out->add_message_ids(id);
    auto& key = events[i].idempotency_key();
    if (!key.empty() && !repeat[idx])
      st.pipeline->put(batch, column::queues,
                       storage::queue_prefix(st.partition, queue_kind::emitted, topic, key),
                       storage::encode_record({0, now, now, now + idempotency_window_ms},
                                              per_entry[idx].SerializeAsString()));
  }
  if (batch.count() == 0)
    return reply_after(self, gen, resp);  // every entry was a repeat
  gen = submit(st, std::move(batch));
  // Queues learn of the messages once they are durable.
  reply_after(self, gen, resp, [self, topic, fresh, buried](bool durable) mutable {
    auto t = self->state.topics.find(topic);
    if (!durable)
      return;
    if (t == self->state.topics.end())
      return;
    for (auto& [step, slot] : fresh) {
      auto e = t->second.find(step);
      if (e != t->second.end() && !slot.first.empty())
        self->send(queue_of(self, topic, step, e->second), enqueue_atom::value,
                   std::move(slot.first), std::move(slot.second));
    }
    for (auto& [step, seqs] : buried) {
      auto e = t->second.find(step);
      if (e != t->second.end())
        self->send(queue_of(self, topic, step, e->second), buried_atom::value, std::move(seqs));
    }
  });
}

template <class Self>
void on_subscribe(Self self, const v1::EventSubscribe& r, std::shared_ptr<Response> resp) {
  auto& st = self->state;
  auto gen = st.pipeline->last_submitted();
  QueueConfig config = r.config();
  if (!check_id(st, *resp, r.topic(), "topic", true) || !check_id(st, *resp, r.step(), "step", true)
      || !normalize(config, *resp))
    return reply_after(self, gen, resp);
  auto& entry = st.topics[r.topic()][r.step()];
  auto bytes = config.SerializeAsString();
  if (entry.config.SerializeAsString() != bytes || !entry.queue) {
    entry.config = config;
    storage::write_batch batch;
    st.pipeline->put(batch, column::queues,
                     storage::queue_prefix(st.partition, queue_kind::subscription, r.topic(),
                                           r.step()),
                     bytes);
    gen = st.pipeline->submit(std::move(batch));
  }
  resp->mutable_subscribe()->set_subscription_id(r.subscription_id());
  if (r.declare_only())
    return reply_after(self, gen, resp);
  auto session = caf::actor_cast<caf::actor>(self->current_sender());
  auto topic = r.topic();
  auto step = r.step();
  auto sub = r.subscription_id();
  reply_after(self, gen, resp, [self, topic, step, session, sub, bytes](bool durable) {
    if (!durable)
      return;
    auto& topics = self->state.topics;
    auto t = topics.find(topic);
    if (t == topics.end() || t->second.count(step) == 0)
      return;
    self->send(queue_of(self, topic, step, t->second.at(step)), consumer_atom::value, session,
               sub, bytes);
  });
}

template <class Self>
void on_remove_step(Self self, const v1::EventRemoveStep& r, std::shared_ptr<Response> resp) {
  auto& st = self->state;
  auto t = st.topics.find(r.topic());
  if (t == st.topics.end() || t->second.count(r.step()) == 0) {
    set_error(*resp, error_code::not_found, "step '" + r.step() + "' is not subscribed to this topic");
    return reply_after(self, st.pipeline->last_submitted(), resp);
  }
  auto& entry = t->second.at(r.step());
  if (entry.queue) {
    self->unlink_from(entry.queue);
    self->send(entry.queue, stop_atom::value);
  }
  t->second.erase(r.step());
  if (t->second.empty())
    st.topics.erase(t);
  storage::write_batch batch;
  st.pipeline->remove(batch, column::queues,
                      storage::queue_prefix(st.partition, queue_kind::subscription, r.topic(),
                                            r.step()));
  for (auto kind : {queue_kind::message, queue_kind::dead}) {
    auto prefix = storage::queue_prefix(st.partition, kind, r.topic(), r.step());
    auto cur = st.db->new_cursor(column::queues);
    for (cur->seek(prefix); cur->valid() && cur->key().substr(0, prefix.size()) == prefix;
         cur->next())
      st.pipeline->remove(batch, column::queues, std::string{cur->key()});
  }
  resp->mutable_pong();
  reply_after(self, st.pipeline->submit(std::move(batch)), resp);
}

/// (topic, step) of a request for one step queue; false for others.
bool step_of(const Request& req, const std::string*& topic, const std::string*& step) {
  switch (req.op_case()) {
#define TROUPE_STEP_OF(Case, field)                                                       \
  case Request::Case:                                                                     \
    topic = &req.field().topic();                                                         \
    step = &req.field().step();                                                           \
    return true;
    TROUPE_STEP_OF(kEventUnsubscribe, event_unsubscribe)
    TROUPE_STEP_OF(kEventAck, event_ack)
    TROUPE_STEP_OF(kEventNack, event_nack)
    TROUPE_STEP_OF(kEventExtend, event_extend)
    TROUPE_STEP_OF(kQueueStats, queue_stats)
    TROUPE_STEP_OF(kDeadLetterList, dead_letter_list)
    TROUPE_STEP_OF(kDeadLetterReplay, dead_letter_replay)
    TROUPE_STEP_OF(kDeadLetterPurge, dead_letter_purge)
    TROUPE_STEP_OF(kEventFetch, event_fetch)
    TROUPE_STEP_OF(kQueuePurge, queue_purge)
#undef TROUPE_STEP_OF
    default:
      return false;
  }
}

template <class Self>
void on_request(Self self, request_msg& msg) {
  auto& st = self->state;
  auto& req = *msg.body;
  auto resp = std::make_shared<Response>();
  switch (req.op_case()) {
    case Request::kEventEmit: {
      google::protobuf::RepeatedPtrField<v1::EmitEntry> one;
      *one.Add() = req.event_emit().event();
      return on_emit(self, req.event_emit().topic(), one, resp);
    }
    case Request::kEventEmitBatch:
      return on_emit(self, req.event_emit_batch().topic(), req.event_emit_batch().events(), resp);
    case Request::kEventSubscribe:
      return on_subscribe(self, req.event_subscribe(), resp);
    case Request::kEventRemoveStep:
      return on_remove_step(self, req.event_remove_step(), resp);
    case Request::kEventListTopics: {
      auto* out = resp->mutable_names();
      for (auto& [topic, steps] : st.topics)
        out->add_names(topic);
      break;
    }
    case Request::kEventTopicInfo: {
      auto* out = resp->mutable_topic_info();
      auto t = st.topics.find(req.event_topic_info().topic());
      if (t != st.topics.end())
        for (auto& [step, e] : t->second) {
          out->add_steps(step);
          out->set_consumers(out->consumers() + e.consumers);
        }
      break;
    }
    default: {
      const std::string* topic = nullptr;
      const std::string* step = nullptr;
      if (!step_of(req, topic, step)) {
        set_error(*resp, error_code::invalid_argument, "operation is not an event operation");
        break;
      }
      auto t = st.topics.find(*topic);
      if (t == st.topics.end() || t->second.count(*step) == 0) {
        set_error(*resp, error_code::not_found,
             "step '" + *step + "' is not subscribed to topic '" + *topic + "'");
        break;
      }
      self->delegate(queue_of(self, *topic, *step, t->second.at(*step)), std::move(msg));
      return;
    }
  }
  auto promise = self->template make_response_promise<response_msg>();
  if (promise.pending())
    promise.deliver(response_msg{std::move(resp)});
}

bool load(shard_state& st) {
  storage::db_status status;
  auto raw = st.db->get(column::meta, st.seq_key, status);
  if (!status.ok)
    return false;
  if (raw && raw->size() == 8)
    for (char c : *raw)
      st.seq = (st.seq << 8) | static_cast<uint8_t>(c);
  auto prefix = storage::queue_kind_prefix(st.partition, queue_kind::subscription);
  auto cur = st.db->new_cursor(column::queues);
  for (cur->seek(prefix); cur->valid() && cur->key().substr(0, prefix.size()) == prefix;
       cur->next()) {
    auto parts = storage::decode_queue_key(cur->key());
    QueueConfig config;
    if (parts && config.ParseFromArray(cur->value().data(), static_cast<int>(cur->value().size())))
      st.topics[parts->topic][parts->step].config = config;
  }
  return cur->status().ok;
}

template <class Self>
caf::behavior shard_behavior(Self self, partition_log* log, event_options opts,
                             shard_placement placement) {
  auto& st = self->state;
  auto p = log->partition();
  st.partition = p;
  st.db = &log->db();
  st.log = log;
  st.opts = opts;
  st.placement = placement;
  st.seq_key = storage::partition_prefix(p);
  storage::append_component(st.seq_key, "events.seq");
  st.pipeline = make_pipeline(self, *log);
  if (!load(st))
    self->quit(caf::sec::runtime_error);  // requests to it then fail with an error
  auto gone = stop_children_first(
    self,
    [self] {
      std::vector<caf::actor> out;
      for (auto& [topic, steps] : self->state.topics)
        for (auto& [step, e] : steps)
          if (e.queue)
            out.push_back(e.queue);
      return out;
    },
    [self](const caf::error& reason) { quit_when_committed(self, reason); });
  return {
    gone,
    [self](request_msg& msg) { on_request(self, msg); },
    [self](tick_atom) {
      for (auto& [topic, steps] : self->state.topics)
        for (auto& [step, e] : steps)
          if (e.queue)
            self->send(e.queue, tick_atom::value);
      return ok_atom::value;
    },
    [self](consumers_atom, const std::string& topic, const std::string& step, uint64_t n) {
      auto t = self->state.topics.find(topic);
      if (t != self->state.topics.end())
        if (auto e = t->second.find(step); e != t->second.end())
          e->second.consumers = n;
    },
    committed_handler(self),
  };
}

} // namespace

event_shard_actor spawn_event_shard(caf::actor_system& sys, partition_log& log,
                                    event_options opts, shard_placement placement) {
  return caf::actor_cast<event_shard_actor>(spawn_partition_actor<shard_state>(
    sys, placement,
    [](auto self, partition_log* log, event_options o, shard_placement pl) {
      return shard_behavior(self, log, o, pl);
    },
    &log, opts, placement));
}

} // namespace troupe::actors
