#include "actors/lock_shard.hpp"

#include <random>


#include "actors/atoms.hpp"
#include "actors/partition_actor.hpp"
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
using v1::LockInfo;
using v1::Request;
using v1::Response;

struct lock_state {
  partition_id partition;
  storage::db* db = nullptr;
  size_t max_id_bytes = 1024;
  std::unique_ptr<write_pipeline> pipeline;
  std::mt19937_64 rng{std::random_device{}()};

  static inline const char* name = "troupe.lock_shard";
};


std::string lock_key(lock_state& st, const std::string& job) {
  auto key = storage::partition_prefix(st.partition);
  storage::append_component(key, job);
  return key;
}

/// A stored lock record; nullopt when there is none (or it is malformed).
std::optional<LockInfo> decode_lock(const std::optional<std::string_view>& raw) {
  storage::record_header h;
  std::string_view v;
  LockInfo info;
  if (!raw || !storage::decode_record(*raw, h, v)
      || !info.ParseFromArray(v.data(), static_cast<int>(v.size())))
    return std::nullopt;
  return info;
}

/// Reads the job's record (live, expired or released; nullopt: none) from
/// staged or committed storage into `current`. False, with the error in
/// `resp`, when storage could not be read: a failed read is never taken for
/// "no lock", which could grant a second holder.
bool read_lock(lock_state& st, Response& resp, const std::string& key,
               std::optional<LockInfo>& current) {
  if (auto* staged = st.pipeline->staged(key)) {
    current = decode_lock(*staged);
    return true;
  }
  storage::db_status status;
  current = decode_lock(st.db->get(column::locks, key, status));
  if (!status.ok)
    set_storage_error(resp, "read", status.message);
  return status.ok;
}

/// Held at `now`: one reading of the clock per request, so a grant never
/// starts before the expiry it was judged against.
bool live(const std::optional<LockInfo>& l, int64_t now) {
  return l && !l->lock_id().empty() && l->expires_at_ms() > now;
}

void stage(lock_state& st, storage::write_batch& batch, const std::string& key,
           const LockInfo& info) {
  // The record never expires in storage: it keeps the job's fencing token.
  auto now = st.db->now_ms();
  st.pipeline->put(batch, column::locks, key,
                   storage::encode_record({info.fencing_token(), now, now, 0},
                                          info.SerializeAsString()));
}

std::string new_lock_id(lock_state& st) {
  static const char hex[] = "0123456789abcdef";
  std::string id;
  for (int i = 0; i < 32; ++i)
    id.push_back(hex[st.rng() & 15]);
  return id;
}

bool check_id(lock_state& st, Response& resp, const std::string& id, const char* what) {
  if (id.empty() || id.size() > st.max_id_bytes) {
    set_error(resp, id.empty() ? error_code::invalid_argument : error_code::too_large,
         std::string{what} + (id.empty() ? " is missing" : " is too long"));
    return false;
  }
  return true;
}

/// Fills `resp`; stages writes into `batch`.
void apply(lock_state& st, const Request& req, Response& resp, storage::write_batch& batch) {
  auto now = st.db->now_ms();
  switch (req.op_case()) {
    case Request::kLockAcquire: {
      auto& r = req.lock_acquire();
      if (!check_id(st, resp, r.job(), "job") || !check_id(st, resp, r.instance_id(), "instance_id"))
        return;
      if (r.ttl_ms() <= 0)
        return set_error(resp, error_code::invalid_argument, "ttl_ms must be positive");
      auto key = lock_key(st, r.job());
      std::optional<LockInfo> current;
      if (!read_lock(st, resp, key, current))
        return;
      auto* out = resp.mutable_lock();
      if (live(current, now)) {
        out->set_granted(false);
        *out->mutable_lock() = *current;
        return;
      }
      LockInfo info;
      info.set_job(r.job());
      info.set_lock_id(new_lock_id(st));
      info.set_instance_id(r.instance_id());
      info.set_acquired_at_ms(now);
      info.set_expires_at_ms(now + r.ttl_ms());
      info.set_fencing_token((current ? current->fencing_token() : 0) + 1);
      stage(st, batch, key, info);
      out->set_granted(true);
      *out->mutable_lock() = info;
      return;
    }
    case Request::kLockRenew: {
      auto& r = req.lock_renew();
      if (!check_id(st, resp, r.job(), "job"))
        return;
      if (r.ttl_ms() <= 0)
        return set_error(resp, error_code::invalid_argument, "ttl_ms must be positive");
      auto key = lock_key(st, r.job());
      std::optional<LockInfo> current;
      if (!read_lock(st, resp, key, current))
        return;
      auto* out = resp.mutable_lock();
      if (!live(current, now) || current->lock_id() != r.lock_id()) {
        out->set_granted(false);
        return;
      }
      current->set_expires_at_ms(now + r.ttl_ms());
      stage(st, batch, key, *current);
      out->set_granted(true);
      *out->mutable_lock() = *current;
      return;
    }
    case Request::kLockRelease: {
      auto& r = req.lock_release();
      if (!check_id(st, resp, r.job(), "job"))
        return;
      auto key = lock_key(st, r.job());
      std::optional<LockInfo> current;
      if (!read_lock(st, resp, key, current))
        return;
      auto* out = resp.mutable_lock();
      if (!live(current, now) || current->lock_id() != r.lock_id()
          || current->instance_id() != r.instance_id()) {
        out->set_granted(false);
        return;
      }
      if (r.hold_until_ms() > now)
        current->set_expires_at_ms(std::min(current->expires_at_ms(), r.hold_until_ms()));
      else
        current->clear_lock_id();  // released; the record keeps the token
      stage(st, batch, key, *current);
      out->set_granted(true);
      return;
    }
    case Request::kLockList: {
      auto* out = resp.mutable_locks();
      auto prefix = storage::partition_prefix(st.partition);
      auto cur = st.db->new_cursor(column::locks);
      for (cur->seek(prefix); cur->valid() && cur->key().substr(0, prefix.size()) == prefix;
           cur->next()) {
        // The cursor has the committed record; a staged one overrides it.
        auto* staged = st.pipeline->staged(std::string{cur->key()});
        auto info = staged ? decode_lock(*staged) : decode_lock(cur->value());
        if (live(info, now))
          *out->add_locks() = *info;
      }
      if (auto status = cur->status(); !status.ok)
        set_storage_error(resp, "scan", status.message);
      return;
    }
    default:
      set_error(resp, error_code::invalid_argument, "operation is not a lock operation");
  }
}

template <class Self>
caf::behavior lock_behavior(Self self, partition_log* log, size_t max_id_bytes) {
  auto p = log->partition();
  auto* db = &log->db();
  auto& st = self->state;
  st.partition = p;
  st.db = db;
  st.max_id_bytes = max_id_bytes;
  st.pipeline = make_pipeline(self, *log);
  finish_writes_on_exit(self);
  return {
    [self](request_msg& msg) -> caf::result<response_msg> {
      auto& st = self->state;
      auto resp = std::make_shared<Response>();
      storage::write_batch batch;
      apply(st, *msg.body, *resp, batch);
      // Every reply follows the writes accepted before it (a refused acquire
      // must not overtake the grant it was refused for).
      if (batch.count() == 0 || resp->has_error()) {
        if (batch.count() > 0)
          st.pipeline->drop_next();
        return reply_read(self, std::move(resp));
      }
      reply_after(self, st.pipeline->submit(std::move(batch)), std::move(resp));
      return caf::delegated<response_msg>{};
    },
    committed_handler(self),
  };
}

} // namespace

lock_shard_actor spawn_lock_shard(caf::actor_system& sys, partition_log& log,
                                  size_t max_id_bytes, shard_placement placement) {
  return caf::actor_cast<lock_shard_actor>(spawn_partition_actor<lock_state>(
    sys, placement,
    [](auto self, partition_log* log, size_t m) { return lock_behavior(self, log, m); },
    &log, max_id_bytes));
}

} // namespace troupe::actors
