#include "actors/topic_queue.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>


#include "actors/partition_actor.hpp"
#include "actors/queue_depths.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"
#include "storage/record.hpp"

namespace troupe::actors {

namespace {

using protocol::request_msg;
using protocol::response_msg;
using storage::column;
using storage::queue_kind;
using v1::QueueMessage;
using v1::Request;
using v1::Response;

struct flight {
  caf::actor session;
  uint64_t subscription;
  int64_t deadline;
};

struct consumer {
  caf::actor session;
  uint64_t subscription;
  int32_t concurrency;
  int32_t busy = 0;
};

struct queue_state {
  topic_queue_args args;
  v1::QueueConfig config;
  std::map<uint64_t, QueueMessage> messages;  // live: ready, delayed, in flight
  // Ready messages in delivery order: (rank, seq), rank 0 first (see
  // rank_of); without priorities every rank is 0, so emit order.
  std::set<std::pair<uint32_t, uint64_t>> ready;
  std::set<std::pair<int64_t, uint64_t>> delayed;
  std::map<uint64_t, flight> in_flight;
  std::map<std::string, std::set<uint64_t>> groups;  // fifo: live seqs per group
  std::vector<consumer> consumers;
  std::set<caf::actor_addr> watched;  // sessions monitored (consumers, fetches)
  size_t next_consumer = 0;
  uint64_t dead = 0;
  /// The highest dead letter's seq counted when the queue loaded: dead
  /// letters an import wrote (buried_atom) are counted unless the load saw
  /// them already.
  uint64_t loaded_dead_seq = 0;
  /// Expired messages wait in the dead letters for the sink to send on.
  bool expired_pending = false;
  int64_t timer_at = 0;  // when the armed tick fires; 0: none
  std::unique_ptr<write_pipeline> pipeline;
  std::shared_ptr<queue_depths::entry> depth;  // what /metrics reads

  static inline const char* name = "troupe.topic_queue";
};


std::string key(queue_state& st, queue_kind kind, uint64_t seq) {
  return storage::queue_key(st.args.partition, kind, st.args.topic, st.args.step, seq);
}

std::string encode(const QueueMessage& m, int64_t now) {
  return storage::encode_record({0, m.emitted_at_ms(), now, 0}, m.SerializeAsString());
}

bool decode(std::string_view raw, QueueMessage& m) {
  storage::record_header h;
  std::string_view v;
  return storage::decode_record(raw, h, v) && m.ParseFromArray(v.data(), static_cast<int>(v.size()));
}

int64_t now_ms(queue_state& st) {
  return st.args.log->db().now_ms();
}

bool fifo(queue_state& st) {
  return st.config.type() == "fifo";
}

/// Where a message goes in the ready order: higher priorities (capped at
/// the queue's max) first.
uint32_t rank_of(const queue_state& st, const QueueMessage& m) {
  auto max = st.config.max_priority();
  return max - std::min(m.priority(), max);
}

void make_ready(queue_state& st, uint64_t seq) {
  st.ready.emplace(rank_of(st, st.messages.at(seq)), seq);
}

void unready(queue_state& st, uint64_t seq) {
  if (auto it = st.messages.find(seq); it != st.messages.end())
    st.ready.erase({rank_of(st, it->second), seq});
}

/// The queue's config, replaced (a subscriber's); the ready order follows
/// a changed max priority.
void set_config(queue_state& st, const std::string& config) {
  auto max = st.config.max_priority();
  st.config.ParseFromString(config);
  if (st.config.max_priority() == max)
    return;
  std::set<std::pair<uint32_t, uint64_t>> ready;
  for (auto& [rank, seq] : st.ready)
    ready.emplace(rank_of(st, st.messages.at(seq)), seq);
  st.ready.swap(ready);
}

/// When message `m` expires, by the queue's TTL or its own; 0: never. It
/// counts as expired once this is in the past.
int64_t expiry_of(const queue_state& st, const QueueMessage& m) {
  int64_t at = m.expires_at_ms();
  if (st.config.message_ttl_ms() > 0) {
    auto by_queue = m.emitted_at_ms() + st.config.message_ttl_ms();
    at = at == 0 ? by_queue : std::min(at, by_queue);
  }
  return at;
}

/// Adds a live message to the in-memory index.
void index(queue_state& st, uint64_t seq, QueueMessage m) {
  bool delayed = m.visible_at_ms() > now_ms(st);
  if (delayed)
    st.delayed.emplace(m.visible_at_ms(), seq);
  if (m.has_message_group_id())
    st.groups[m.message_group_id()].insert(seq);
  st.messages.emplace(seq, std::move(m));
  if (!delayed)
    make_ready(st, seq);
}

/// Drops a message from the index (acked or dead).
void unindex(queue_state& st, uint64_t seq) {
  auto it = st.messages.find(seq);
  if (it == st.messages.end())
    return;
  if (it->second.has_message_group_id()) {
    auto g = st.groups.find(it->second.message_group_id());
    if (g != st.groups.end()) {
      g->second.erase(seq);
      if (g->second.empty())
        st.groups.erase(g);
    }
  }
  unready(st, seq);
  st.messages.erase(it);
}

bool deliverable(queue_state& st, uint64_t seq) {
  if (!fifo(st))
    return true;
  auto& m = st.messages.at(seq);
  if (!m.has_message_group_id())
    return true;
  return *st.groups.at(m.message_group_id()).begin() == seq;
}

consumer* find_consumer(queue_state& st, const caf::actor& session, uint64_t subscription) {
  for (auto& c : st.consumers)
    if (c.session == session && c.subscription == subscription)
      return &c;
  return nullptr;
}

/// Monitors `session` once: its deliveries go back when it goes away.
template <class Self>
void watch(Self self, const caf::actor& session) {
  if (self->state.watched.insert(session.address()).second)
    self->monitor(session);
}

/// Moves ready message `seq` in flight to (session, subscription) and
/// returns the delivery to hand over.
QueueMessage take(queue_state& st, uint64_t seq, const caf::actor& session, uint64_t subscription) {
  unready(st, seq);
  st.in_flight[seq] = flight{session, subscription, now_ms(st) + st.config.visibility_timeout_ms()};
  QueueMessage delivery = st.messages.at(seq);
  delivery.set_attempt(delivery.attempt() + 1);
  delivery.clear_visible_at_ms();
  return delivery;
}

consumer* next_with_credit(queue_state& st) {
  for (size_t n = 0; n < st.consumers.size(); ++n) {
    auto& c = st.consumers[(st.next_consumer + n) % st.consumers.size()];
    if (c.busy < c.concurrency) {
      st.next_consumer = (st.next_consumer + n + 1) % st.consumers.size();
      return &c;
    }
  }
  return nullptr;
}

template <class Self>
void arm_timer(Self self) {
  auto& st = self->state;
  if (st.args.manual_clock)
    return;
  int64_t next = 0;
  if (!st.delayed.empty())
    next = st.delayed.begin()->first;
  if (!st.ready.empty()) {
    if (auto expires = expiry_of(st, st.messages.at(st.ready.begin()->second)); expires > 0) {
      expires += 1;  // expired once in the past
      if (next == 0 || expires < next)
        next = expires;
    }
  }
  if (st.expired_pending) {  // the sink was not there: ask again in a second
    auto retry = now_ms(st) + 1000;
    if (next == 0 || retry < next)
      next = retry;
  }
  for (auto& [seq, f] : st.in_flight)
    if (next == 0 || f.deadline < next)
      next = f.deadline;
  if (next == 0 || (st.timer_at != 0 && st.timer_at <= next))
    return;
  st.timer_at = next;
  auto wait = std::max<int64_t>(0, next - now_ms(st));
  self->delayed_send(self, std::chrono::milliseconds{wait}, tick_atom::value);
}

/// Tells the node's dead-letter sink that this queue has expired messages
/// in its dead letters; without a sink, tries again later.
template <class Self>
void notify_sink(Self self) {
  auto& st = self->state;
  auto sink = self->system().registry().template get<caf::actor>(dead_letter_sink);
  st.expired_pending = !sink;
  if (sink)
    self->send(sink, dead_letters_atom::value, st.args.topic, st.args.step);
}

/// Drops the expired messages at the front of the ready order (by the
/// queue's message TTL or their own expiration; a message behind one that
/// has not expired waits, as in RabbitMQ), or moves them to the dead
/// letters for the sink, in one write.
template <class Self>
void expire(Self self) {
  auto& st = self->state;
  auto now = now_ms(st);
  storage::write_batch batch;
  std::vector<uint64_t> expired;
  for (auto [rank, seq] : st.ready) {
    auto& m = st.messages.at(seq);
    auto at = expiry_of(st, m);
    if (at == 0 || at >= now)
      break;
    expired.push_back(seq);
    st.pipeline->remove(batch, column::queues, key(st, queue_kind::message, seq));
    if (st.config.dead_letter_expired()) {
      m.set_last_error("expired");
      st.pipeline->put(batch, column::queues, key(st, queue_kind::dead, seq), encode(m, now));
    }
  }
  if (expired.empty())
    return;
  for (auto seq : expired)
    unindex(st, seq);
  if (!st.config.dead_letter_expired()) {
    st.pipeline->submit(std::move(batch));
    return;
  }
  st.dead += expired.size();
  auto gen = st.pipeline->submit(std::move(batch));
  st.pipeline->after(gen, [self](const storage::db_status& s) {
    if (s.ok)
      notify_sink(self);
  });
}

/// Stores the queue's counts where /metrics reads them.
void publish_depth(queue_state& st) {
  auto& d = *st.depth;
  d.ready.store(st.ready.size(), std::memory_order_relaxed);
  d.delayed.store(st.delayed.size(), std::memory_order_relaxed);
  d.in_flight.store(st.in_flight.size(), std::memory_order_relaxed);
  d.dead.store(st.dead, std::memory_order_relaxed);
}

/// Delivers ready messages to consumers with credit.
template <class Self>
void pump(Self self) {
  auto& st = self->state;
  expire(self);
  if (st.consumers.empty()) {
    arm_timer(self);
    publish_depth(st);
    return;
  }
  for (auto it = st.ready.begin(); it != st.ready.end();) {
    auto seq = it->second;
    if (!deliverable(st, seq)) {
      ++it;
      continue;
    }
    auto* c = next_with_credit(st);
    if (c == nullptr)
      break;
    ++it;
    ++c->busy;
    auto delivery = take(st, seq, c->session, c->subscription);
    self->send(c->session,
               protocol::push_msg{c->subscription,
                                  std::make_shared<const std::string>(delivery.SerializeAsString()),
                                  false, protocol::push_msg::delivery});
  }
  arm_timer(self);
  publish_depth(st);
}

void release_credit(queue_state& st, const flight& f) {
  if (auto* c = find_consumer(st, f.session, f.subscription))
    --c->busy;
}

int64_t backoff(queue_state& st, uint32_t failures) {
  int64_t base = st.config.has_backoff_ms() ? st.config.backoff_ms() : 2000;
  if (!st.config.exponential_backoff())
    return base;
  return base << std::min<uint32_t>(failures - 1, 30);
}

/// A failed attempt of an in-flight message: retry after the backoff, or
/// move it to the dead letters, durably in one write. Returns the write's gen.
uint64_t fail_attempt(queue_state& st, uint64_t seq, const std::string& error) {
  auto f = st.in_flight.find(seq);
  release_credit(st, f->second);
  st.in_flight.erase(f);
  auto& m = st.messages.at(seq);
  m.set_attempt(m.attempt() + 1);
  m.set_last_error(error);
  auto now = now_ms(st);
  storage::write_batch batch;
  if (static_cast<int64_t>(m.attempt()) > st.config.max_retries()) {
    st.pipeline->remove(batch, column::queues, key(st, queue_kind::message, seq));
    st.pipeline->put(batch, column::queues, key(st, queue_kind::dead, seq), encode(m, now));
    unindex(st, seq);
    ++st.dead;
  } else {
    m.set_visible_at_ms(now + backoff(st, m.attempt()));
    st.pipeline->put(batch, column::queues, key(st, queue_kind::message, seq), encode(m, now));
    if (m.visible_at_ms() > now)
      st.delayed.emplace(m.visible_at_ms(), seq);
    else
      make_ready(st, seq);
  }
  return st.pipeline->submit(std::move(batch));
}

/// Makes in-flight message `seq` ready again, marked as delivered before.
void requeue(queue_state& st, uint64_t seq) {
  st.messages.at(seq).set_redelivered(true);
  make_ready(st, seq);
}

/// Gives a consumer's in-flight messages back (not a failed attempt) and
/// drops the consumer; `keep_deliveries`: only the consumer (its
/// deliveries stay its own until acked, or until its session goes away).
void give_back(queue_state& st, const caf::actor_addr& session,
               std::optional<uint64_t> subscription, bool keep_deliveries = false) {
  for (auto it = st.in_flight.begin(); !keep_deliveries && it != st.in_flight.end();) {
    if (it->second.session.address() == session
        && (!subscription || it->second.subscription == *subscription)) {
      requeue(st, it->first);
      it = st.in_flight.erase(it);
    } else {
      ++it;
    }
  }
  st.consumers.erase(std::remove_if(st.consumers.begin(), st.consumers.end(),
                                    [&](const consumer& c) {
                                      return c.session.address() == session
                                             && (!subscription || c.subscription == *subscription);
                                    }),
                     st.consumers.end());
}

template <class Self>
void report_consumers(Self self) {
  auto& st = self->state;
  self->send(st.args.shard, consumers_atom::value, st.args.topic, st.args.step,
             static_cast<uint64_t>(st.consumers.size()));
}

template <class Self>
void tick(Self self) {
  auto& st = self->state;
  st.timer_at = 0;
  auto now = now_ms(st);
  while (!st.delayed.empty() && st.delayed.begin()->first <= now) {
    auto seq = st.delayed.begin()->second;
    st.delayed.erase(st.delayed.begin());
    if (st.messages.count(seq) != 0)
      make_ready(st, seq);
  }
  std::vector<uint64_t> expired;
  for (auto& [seq, f] : st.in_flight)
    if (f.deadline <= now)
      expired.push_back(seq);
  for (auto seq : expired)
    fail_attempt(st, seq, "visibility timeout expired");
  if (st.expired_pending)
    notify_sink(self);
  pump(self);
}

/// The in-flight delivery of message `id`, or in_flight.end().
std::map<uint64_t, flight>::iterator find_flight(queue_state& st, const std::string& id) {
  auto seq = message_seq(st.args.partition, id);
  return seq ? st.in_flight.find(*seq) : st.in_flight.end();
}

/// The in-flight message `id` delivered to this consumer, or an error.
std::optional<uint64_t> owned_flight(queue_state& st, Response& resp, const caf::actor& session,
                                     uint64_t subscription, const std::string& id) {
  auto it = find_flight(st, id);
  if (it == st.in_flight.end()) {
    set_error(resp, error_code::not_found,
         "message '" + id + "' is not in flight (already acked, timed out, or unknown)");
    return std::nullopt;
  }
  if (it->second.session != session || it->second.subscription != subscription) {
    set_error(resp, error_code::conflict, "message '" + id + "' was delivered to another consumer");
    return std::nullopt;
  }
  return it->first;
}

/// Calls fn(seq, key, message) for each stored message of `kind` of this
/// queue, in seq order, until fn returns false. Returns the scan's status:
/// on a storage error fn has seen only part of the queue.
template <class F>
storage::db_status scan_queue(queue_state& st, queue_kind kind, F fn) {
  auto prefix = storage::queue_prefix(st.args.partition, kind, st.args.topic, st.args.step);
  auto cur = st.args.log->db().new_cursor(column::queues);
  for (cur->seek(prefix); cur->valid() && cur->key().substr(0, prefix.size()) == prefix;
       cur->next()) {
    auto parts = storage::decode_queue_key(cur->key());
    QueueMessage m;
    if (parts && decode(cur->value(), m) && !fn(parts->seq, std::string{cur->key()}, m))
      break;
  }
  return cur->status();
}

struct stored_message {
  uint64_t seq;
  std::string key;
  QueueMessage message;
};

/// Every dead letter of this queue (or those whose ids are in `wanted`,
/// when it is not empty), read before any is changed, so a failed scan
/// changes nothing.
storage::db_status dead_letters(queue_state& st, const std::set<std::string>& wanted,
                                std::vector<stored_message>& out) {
  return scan_queue(st, queue_kind::dead, [&](uint64_t seq, const std::string& dead_key, QueueMessage& m) {
    if (wanted.empty() || wanted.count(m.message_id()) > 0)
      out.push_back(stored_message{seq, dead_key, std::move(m)});
    return true;
  });
}

template <class Self>
void on_request(Self self, const Request& req) {
  auto& st = self->state;
  auto resp = std::make_shared<Response>();
  auto session = caf::actor_cast<caf::actor>(self->current_sender());
  auto gen = st.pipeline->last_submitted();
  switch (req.op_case()) {
    case Request::kEventAck: {
      auto& r = req.event_ack();
      if (auto seq = owned_flight(st, *resp, session, r.subscription_id(), r.message_id())) {
        auto f = st.in_flight.find(*seq);
        release_credit(st, f->second);
        st.in_flight.erase(f);
        unindex(st, *seq);
        storage::write_batch batch;
        st.pipeline->remove(batch, column::queues, key(st, queue_kind::message, *seq));
        gen = st.pipeline->submit(std::move(batch));
        resp->mutable_pong();
      }
      break;
    }
    case Request::kEventNack: {
      auto& r = req.event_nack();
      if (auto seq = owned_flight(st, *resp, session, r.subscription_id(), r.message_id())) {
        if (r.requeue()) {
          auto f = st.in_flight.find(*seq);
          release_credit(st, f->second);
          st.in_flight.erase(f);
          requeue(st, *seq);
        } else {
          gen = fail_attempt(st, *seq, r.error());
        }
        resp->mutable_pong();
      }
      break;
    }
    case Request::kEventFetch: {
      expire(self);  // an expired message is never handed out
      auto* out = resp->mutable_fetch();
      auto it = std::find_if(st.ready.begin(), st.ready.end(),
                             [&](const auto& r) { return deliverable(st, r.second); });
      if (it != st.ready.end()) {
        watch(self, session);
        *out->mutable_message() = take(st, it->second, session, req.event_fetch().subscription_id());
      }
      out->set_ready(st.ready.size());
      break;
    }
    case Request::kQueuePurge: {
      storage::write_batch batch;
      std::vector<uint64_t> purged;
      for (auto& [seq, m] : st.messages)
        if (st.in_flight.count(seq) == 0) {
          st.pipeline->remove(batch, column::queues, key(st, queue_kind::message, seq));
          purged.push_back(seq);
        }
      for (auto seq : purged)
        unindex(st, seq);
      st.delayed.clear();
      if (!purged.empty())
        gen = st.pipeline->submit(std::move(batch));
      resp->mutable_count()->set_count(purged.size());
      break;
    }
    case Request::kEventExtend: {
      // Memory only: a deadline lost in a restart is a redelivery, which a
      // restart causes anyway.
      auto& r = req.event_extend();
      auto deadline = now_ms(st) + st.config.visibility_timeout_ms();
      uint64_t extended = 0;
      for (auto& id : r.message_ids()) {
        auto it = find_flight(st, id);
        if (it == st.in_flight.end() || it->second.session != session
            || it->second.subscription != r.subscription_id())
          continue;
        it->second.deadline = std::max(it->second.deadline, deadline);
        ++extended;
      }
      resp->mutable_count()->set_count(extended);
      break;
    }
    case Request::kEventUnsubscribe: {
      auto& r = req.event_unsubscribe();
      if (find_consumer(st, session, r.subscription_id()) == nullptr) {
        set_error(*resp, error_code::not_found, "no such consumer subscription");
        break;
      }
      give_back(st, session.address(), r.subscription_id(), r.keep_deliveries());
      report_consumers(self);
      resp->mutable_pong();
      break;
    }
    case Request::kQueueStats: {
      auto* out = resp->mutable_queue_stats();
      out->set_ready(st.ready.size());
      out->set_delayed(st.delayed.size());
      out->set_in_flight(st.in_flight.size());
      out->set_dead(st.dead);
      out->set_consumers(st.consumers.size());
      break;
    }
    case Request::kDeadLetterList: {
      auto limit = req.dead_letter_list().limit() == 0 ? 100u : req.dead_letter_list().limit();
      auto* out = resp->mutable_dead_letters();
      auto status = scan_queue(st, queue_kind::dead, [&](uint64_t, const std::string&, QueueMessage& m) {
        *out->add_messages() = std::move(m);
        return static_cast<uint32_t>(out->messages_size()) < limit;
      });
      if (!status.ok)
        set_storage_error(*resp, "scan", status.message);
      break;
    }
    case Request::kDeadLetterReplay: {
      auto& r = req.dead_letter_replay();
      std::set<std::string> wanted(r.message_ids().begin(), r.message_ids().end());
      std::vector<stored_message> found;
      if (auto status = dead_letters(st, wanted, found); !status.ok) {
        set_storage_error(*resp, "scan", status.message);
        break;
      }
      storage::write_batch batch;
      uint64_t moved = 0;
      auto now = now_ms(st);
      for (auto& [seq, dead_key, m] : found) {
        m.set_attempt(0);
        m.set_visible_at_ms(now);
        st.pipeline->remove(batch, column::queues, dead_key);
        st.pipeline->put(batch, column::queues, key(st, queue_kind::message, seq), encode(m, now));
        index(st, seq, m);
        ++moved;
      }
      st.dead -= moved;
      if (moved > 0)
        gen = st.pipeline->submit(std::move(batch));
      resp->mutable_count()->set_count(moved);
      pump(self);
      break;
    }
    case Request::kDeadLetterPurge: {
      auto& ids = req.dead_letter_purge().message_ids();
      std::vector<stored_message> found;
      if (auto status = dead_letters(st, {ids.begin(), ids.end()}, found); !status.ok) {
        set_storage_error(*resp, "scan", status.message);
        break;
      }
      storage::write_batch batch;
      uint64_t removed = 0;
      for (auto& dead : found) {
        st.pipeline->remove(batch, column::queues, dead.key);
        ++removed;
      }
      st.dead -= removed;
      if (removed > 0)
        gen = st.pipeline->submit(std::move(batch));
      resp->mutable_count()->set_count(removed);
      break;
    }
    default:
      set_error(*resp, error_code::invalid_argument, "operation is not a queue operation");
      break;
  }
  pump(self);
  reply_after(self, gen, std::move(resp));
}

template <class Self>
caf::behavior queue_behavior(Self self, topic_queue_args args) {
  auto& st = self->state;
  st.args = std::move(args);
  st.config.ParseFromString(st.args.config);
  st.depth = queue_depths::track(st.args.topic, st.args.step);
  st.pipeline = make_pipeline(self, *st.args.log);
  finish_writes_on_exit(self);
  // Rebuild the index from storage: every live message becomes ready or
  // delayed (deliveries in flight before a restart are delivered again).
  auto loaded = scan_queue(st, queue_kind::message, [&](uint64_t seq, const std::string&, QueueMessage& m) {
    index(st, seq, std::move(m));
    return true;
  });
  if (loaded.ok)
    loaded = scan_queue(st, queue_kind::dead, [&](uint64_t seq, const std::string&, QueueMessage&) {
      ++st.dead;
      st.loaded_dead_seq = std::max(st.loaded_dead_seq, seq);
      return true;
    });
  if (loaded.ok && st.config.dead_letter_expired() && st.dead > 0)
    st.expired_pending = true;  // maybe not sent on before a restart
  if (!loaded.ok) // a queue that cannot read what it holds must not serve a part of it
    self->quit(caf::make_error(caf::sec::runtime_error, "cannot load queue " + st.args.topic + "/"
                                                           + st.args.step + ": " + loaded.message));
  self->set_down_handler([self](caf::down_msg& msg) {
    self->state.watched.erase(msg.source);
    give_back(self->state, msg.source, std::nullopt);
    report_consumers(self);
    pump(self);
  });
  arm_timer(self);
  publish_depth(st);
  return {
    [self](request_msg& msg) { on_request(self, *msg.body); },
    [self](enqueue_atom, std::vector<uint64_t>& seqs, std::vector<std::string>& bodies) {
      auto& st = self->state;
      for (size_t i = 0; i < seqs.size() && i < bodies.size(); ++i) {
        if (st.messages.count(seqs[i]) != 0)
          continue;  // loaded from storage when this queue started
        QueueMessage m;
        if (m.ParseFromString(bodies[i]))
          index(st, seqs[i], std::move(m));
      }
      pump(self);
    },
    [self](buried_atom, const std::vector<uint64_t>& seqs) {
      auto& st = self->state;
      st.dead += static_cast<uint64_t>(std::count_if(
        seqs.begin(), seqs.end(), [&](uint64_t seq) { return seq > st.loaded_dead_seq; }));
      publish_depth(st);
    },
    [self](consumer_atom, caf::actor& session, uint64_t subscription, std::string& config) {
      auto& st = self->state;
      set_config(st, config);  // the latest subscriber's config wins
      auto concurrency = std::max(1, st.config.concurrency());
      if (fifo(st))
        concurrency = 1;
      watch(self, session);
      st.consumers.push_back(consumer{session, subscription, concurrency, 0});
      report_consumers(self);
      pump(self);
    },
    [self](tick_atom) { tick(self); },
    committed_handler(self),
    [self](stop_atom) {
      // The step was removed (an AMQP queue deleted): its consumers end,
      // each told so (the AMQP door sends basic.cancel).
      for (auto& c : self->state.consumers)
        self->send(c.session, protocol::push_msg{c.subscription, nullptr, true,
                                                 protocol::push_msg::delivery});
      self->quit();
    },
  };
}

} // namespace

std::string message_id(partition_id p, uint64_t seq) {
  return std::to_string(p.value) + "-" + std::to_string(seq);
}

std::optional<uint64_t> message_seq(partition_id p, const std::string& id) {
  auto prefix = std::to_string(p.value) + "-";
  if (id.compare(0, prefix.size(), prefix) != 0 || id.size() == prefix.size()
      || id.size() > prefix.size() + 20)
    return std::nullopt;
  uint64_t seq = 0;
  for (size_t i = prefix.size(); i < id.size(); ++i) {
    if (id[i] < '0' || id[i] > '9')
      return std::nullopt;
    seq = seq * 10 + static_cast<uint64_t>(id[i] - '0');
  }
  return seq;
}

caf::actor spawn_topic_queue(caf::actor_system& sys, shard_placement placement,
                             topic_queue_args args) {
  return spawn_partition_actor<queue_state>(
    sys, placement,
    [](auto self, topic_queue_args a) { return queue_behavior(self, std::move(a)); },
    std::move(args));
}

} // namespace troupe::actors
