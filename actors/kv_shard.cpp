#include "actors/kv_shard.hpp"
#include "actors/keyspace_events.hpp"
#include "actors/kv_keyspace.hpp"
#include "actors/partition_actor.hpp"

#include <set>
#include <optional>
#include <string>
#include <vector>

#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/glob.hpp"
#include "storage/key_codec.hpp"

namespace troupe::actors {

namespace {

using namespace kv;
using storage::column;
using v1::Request;
using v1::Response;

// -- keyspace-wide ------------------------------------------------------------

/// Calls fn(key parts, type) for each live key from scan hash `from` on, in
/// key order, until fn returns false. Reads committed storage only: the
/// handler runs scans once the writes accepted before them are durable.
template <class F>
void each_key(kv_state& st, Response& resp, uint64_t from, F fn) {
  auto prefix = storage::kv_key_prefix(st.partition);
  auto cur = st.db->new_cursor(column::kv);
  auto now = st.db->now_ms();
  for (cur->seek(storage::kv_key_seek(st.partition, from));
       cur->valid() && cur->key().substr(0, prefix.size()) == prefix; cur->next()) {
    auto parts = storage::decode_kv_key(cur->key());
    storage::record_header h;
    std::string_view value;
    if (!parts || !storage::decode_record(cur->value(), h, value) || value.empty()
        || h.expired(now))
      continue;
    if (!fn(*parts, value[0]))
      return;
  }
  if (auto s = cur->status(); !s.ok)
    set_error(resp, error_code::internal, "storage scan failed: " + s.message);
}

void run_scan(kv_state& st, const v1::KvScan& req, Response& resp) {
  auto* out = resp.mutable_kv_scan();
  out->set_done(true);
  uint32_t examined = 0;
  uint64_t last_hash = 0;
  each_key(st, resp, req.from_hash(), [&](const storage::kv_key_parts& k, char type) {
    // Finish every key of the last scan hash, so the cursor can resume
    // after it without missing or repeating a key.
    if (req.count() != 0 && examined >= req.count() && k.scan_hash != last_hash) {
      out->set_done(false);
      out->set_next_hash(k.scan_hash);
      return false;
    }
    out->set_examined(++examined);
    last_hash = k.scan_hash;
    bool type_ok = req.type().empty() || req.type() == type_name(type);
    if (type_ok && (req.match().empty() || storage::glob_match(req.match(), k.key)))
      out->add_keys(k.key);
    return true;
  });
}

void run_count(kv_state& st, Response& resp) {
  uint64_t n = 0;
  each_key(st, resp, 0, [&](const storage::kv_key_parts&, char) {
    ++n;
    return true;
  });
  if (!resp.has_error())
    resp.mutable_count()->set_count(n);
}

void run_flush(kv_state& st, Response& resp, storage::write_batch& batch) {
  // Every kv record of the partition, keys and fields, staged ones included.
  auto prefix = storage::partition_prefix(st.partition);
  std::set<std::string> doomed;
  auto cur = st.db->new_cursor(column::kv);
  for (cur->seek(prefix); cur->valid() && cur->key().substr(0, prefix.size()) == prefix;
       cur->next())
    doomed.emplace(cur->key());
  if (auto s = cur->status(); !s.ok) {
    set_error(resp, error_code::internal, "storage scan failed: " + s.message);
    return;
  }
  st.pipeline->for_each_staged(prefix, [&](const std::string& k,
                                           const std::optional<std::string>& v) {
    if (v)
      doomed.insert(k);
  });
  uint64_t keys = 0;
  for (auto& k : doomed) {
    if (auto parts = storage::decode_kv_key(k)) {
      ++keys;
      touch_key(st, parts->key);
    }
    st.pipeline->remove(batch, column::kv, k);
  }
  resp.mutable_count()->set_count(keys);
}

/// Deletes a slice of element records whose collection is gone (expired, then
/// dropped by compaction, and never written again). Returns the batch.
storage::write_batch sweep(kv_state& st) {
  std::vector<std::string_view> no_args;
  std::string name = "sweep";
  storage::write_batch batch;
  command c{st, no_args, name, false, st.db->now_ms(), batch};
  auto prefix = storage::kv_fields_prefix(st.partition);
  auto cur = st.db->new_cursor(column::kv);
  cur->seek(st.sweep_from.empty() ? prefix : st.sweep_from);
  std::string owner;
  bool orphaned = false;
  size_t examined = 0;
  for (; cur->valid() && cur->key().substr(0, prefix.size()) == prefix
         && examined < st.limits.sweep_batch;
       cur->next(), ++examined) {
    auto key = storage::decode_kv_field_owner(cur->key());
    if (!key)
      continue;
    if (*key != owner) {
      owner = *key;
      auto e = load(c, mkey_of(c, owner));
      orphaned = !c.failed && (!e || e->type == type_string);
    }
    if (orphaned && !st.pipeline->staged(std::string{cur->key()}))
      st.pipeline->remove(c.batch, column::kv, std::string{cur->key()});
  }
  bool more = cur->valid() && cur->key().substr(0, prefix.size()) == prefix;
  st.sweep_from = more ? std::string{cur->key()} : std::string{};
  if (c.failed) {
    st.pipeline->drop_next();
    return {};
  }
  return batch;
}

/// Submits `batch` and, once it is durable, publishes the keyspace events
/// recorded with it and answers `reply` (if any).
template <class Self>
void submit_announced(Self self, storage::write_batch batch, std::shared_ptr<Response> reply) {
  auto& st = self->state;
  std::function<void(bool)> publish;
  if (!st.events.empty())
    publish = [announcer = st.limits.events, events = std::move(st.events)](bool durable) {
      if (durable)
        for (auto& [event, key] : events)
          announcer->notify(event, key);
    };
  st.events.clear();
  auto gen = st.pipeline->submit(std::move(batch));
  // Published before the reply leaves: a client that reads the reply and
  // then publishes finds its own message after the events.
  if (publish)
    st.pipeline->after(gen, [publish = std::move(publish)](const storage::db_status& s) { publish(s.ok); });
  if (reply)
    reply_after(self, gen, std::move(reply));
}

/// Keeps the expiry check going: every expiry_interval while keys are
/// remembered as expiring, else every second while the node publishes
/// keyspace notifications (to see expired events turned on).
template <class Self>
void arm_expiry(Self self) {
  using check = kv_state::expiry_check;
  auto& st = self->state;
  bool soon = !st.expiring.empty();
  if (st.expiry_armed == check::soon || (st.expiry_armed == check::idle && !soon)
      || (!soon && st.limits.events == nullptr))
    return;
  st.expiry_armed = soon ? check::soon : check::idle;
  self->delayed_send(self, soon ? st.limits.expiry_interval : std::chrono::milliseconds{1000},
                     expire_atom::value, ++st.expiry_timer);
}

template <class Self>
caf::behavior kv_behavior(Self self, partition_log* log, kv_limits limits) {
  auto p = log->partition();
  auto* db = &log->db();
  auto& st = self->state;
  st.partition = p;
  st.db = db;
  st.limits = limits;
  st.pipeline = make_pipeline(self, *log);
  finish_writes_on_exit(self);
  self->delayed_send(self, limits.sweep_interval, sweep_atom::value);
  remember_stored_expiries(st);
  arm_expiry(self);
  return {
    [=](unblock_atom, uint64_t id) { self->state.blocked.wake(id); },
    [=](expire_atom, uint64_t timer) {
      auto& st = self->state;
      if (timer != st.expiry_timer)
        return;  // replaced by a sooner one
      st.expiry_armed = kv_state::expiry_check::none;
      remember_stored_expiries(st);
      storage::write_batch batch;
      expire_due(st, st.db->now_ms(), st.limits.sweep_batch, batch);
      if (!batch.empty())
        submit_announced(self, std::move(batch), nullptr);
      arm_expiry(self);
    },
    [=](sweep_atom) {
      auto& st = self->state;
      auto batch = sweep(st);
      if (!batch.empty())
        st.pipeline->submit(std::move(batch));
      self->delayed_send(self, st.limits.sweep_interval, sweep_atom::value);
    },
    [=](protocol::request_msg& msg) -> caf::result<protocol::response_msg> {
      auto& st = self->state;
      auto resp = std::make_shared<Response>();
      storage::write_batch batch;
      const Request& req = *msg.body;
      switch (req.op_case()) {
        case Request::kKvCommand: {
          auto waits = run_command(st, req.kv_command(), *resp, batch);
          if (waits.empty())
            break;
          // Nothing to pop: wait for a write to one of the keys, or the
          // end of the wait, then tell the sender to run it again.
          auto promise = self->template make_response_promise<protocol::response_msg>();
          auto id = st.blocked.add(
            waits,
            [promise, resp]() mutable {
              resp->mutable_kv()->set_retry(true);
              promise.deliver(protocol::response_msg{resp});
            },
            req.kv_command().block_token());
          self->delayed_send(self, std::chrono::milliseconds{req.kv_command().block_ms()},
                             unblock_atom::value, id);
          return caf::delegated<protocol::response_msg>{};
        }
        case Request::kKvScan:
        case Request::kKvCount: {
          // Scans read committed storage: they run once the writes accepted
          // before them are durable.
          auto scan = [self, body = msg.body] {
            auto resp = std::make_shared<Response>();
            if (body->has_kv_scan())
              run_scan(self->state, body->kv_scan(), *resp);
            else
              run_count(self->state, *resp);
            return protocol::response_msg{std::move(resp)};
          };
          bool confirms = st.pipeline->confirms_reads();
          if (st.pipeline->in_flight() == 0 && !confirms)
            return scan();
          // A write of one replica that failed does not fail the scan; a
          // replicated leader that could not confirm it leads does.
          auto promise = self->template make_response_promise<protocol::response_msg>();
          st.pipeline->after_confirmed(st.pipeline->last_submitted(),
                                       [promise, scan, confirms](const storage::db_status& s) mutable {
                                         if (s.ok || !confirms || !promise.pending()) {
                                           promise.deliver(scan());
                                           return;
                                         }
                                         auto failed = std::make_shared<Response>();
                                         set_error(*failed, error_code::unavailable,
                                                   "not answered (retry): " + s.message);
                                         promise.deliver(protocol::response_msg{failed});
                                       });
          return caf::delegated<protocol::response_msg>{};
        }
        case Request::kKvEval:
          run_script(st, req.kv_eval(), *resp, batch);
          break;
        case Request::kKvExec:
          run_exec(st, req.kv_exec(), *resp, batch);
          break;
        case Request::kKvWatch:
          run_watch(st, req.kv_watch(), *resp);
          break;
        case Request::kKvUnblock:
          st.blocked.wake_token(req.kv_unblock().token());
          break;
        case Request::kKvFlush:
          run_flush(st, *resp, batch);
          break;
        default:
          set_error(*resp, error_code::invalid_argument, "operation is not a kv operation");
          break;
      }
      if (!st.written.empty())
        wake_written(st);
      arm_expiry(self);
      // Reads see writes in flight, so every reply follows every write this
      // shard accepted before it; with none in flight it leaves at once.
      if (batch.empty()) {
        st.events.clear();
        return reply_read(self, std::move(resp));
      }
      submit_announced(self, std::move(batch), std::move(resp));
      return caf::delegated<protocol::response_msg>{};
    },
    drain_handler(self),
    committed_handler(self),
  };
}

} // namespace

kv_shard_actor spawn_kv_shard(caf::actor_system& sys, partition_log& log, kv_limits limits,
                              shard_placement placement) {
  return caf::actor_cast<kv_shard_actor>(spawn_partition_actor<kv_state>(
    sys, placement,
    [](auto self, partition_log* log, kv_limits l) { return kv_behavior(self, log, l); },
    &log, limits));
}

} // namespace troupe::actors
