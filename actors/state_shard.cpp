#include "actors/state_shard.hpp"
#include "actors/partition_actor.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>


#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/json_filter.hpp"
#include "storage/key_codec.hpp"
#include "storage/record.hpp"

namespace troupe::actors {

namespace {

using storage::column;
using v1::Request;
using v1::Response;

struct found_record {
  storage::record_header header;
  std::string value;
};

struct shard_state {
  partition_id partition;
  storage::db* db = nullptr;
  state_limits limits;
  uint64_t revision = 0;  // last revision handed out in this partition
  std::string revision_key;
  std::unique_ptr<write_pipeline> pipeline;

  static inline const char* name = "troupe.state_shard";
};



bool failed(const Response& resp) {
  return resp.has_error();
}

// -- validation ------------------------------------------------------------

bool check_id(shard_state& st, Response& resp, const std::string& id,
              const char* what) {
  if (id.size() <= st.limits.max_key_bytes)
    return true;
  set_error(resp, error_code::too_large,
       std::string{what} + " is " + std::to_string(id.size())
         + " bytes; the limit is " + std::to_string(st.limits.max_key_bytes));
  return false;
}

bool check_value(shard_state& st, Response& resp, const std::string& value) {
  if (value.size() > st.limits.max_value_bytes) {
    set_error(resp, error_code::too_large,
         "value is " + std::to_string(value.size()) + " bytes; the limit is "
           + std::to_string(st.limits.max_value_bytes));
    return false;
  }
  if (auto err = storage::json_error(value)) {
    set_error(resp, error_code::invalid_argument, "value is not valid JSON: " + *err);
    return false;
  }
  return true;
}

bool check_ttl(Response& resp, uint64_t ttl_ms) {
  constexpr uint64_t max_ttl_ms = uint64_t{1} << 50;  // ~35,000 years
  if (ttl_ms <= max_ttl_ms)
    return true;
  set_error(resp, error_code::invalid_argument, "ttl_ms is out of range");
  return false;
}

// -- reading ---------------------------------------------------------------

std::optional<found_record> decode_live(shard_state& st, std::string_view raw) {
  found_record rec;
  std::string_view value;
  if (!storage::decode_record(raw, rec.header, value)
      || rec.header.expired(st.db->now_ms()))
    return std::nullopt;
  rec.value.assign(value);
  return rec;
}

/// Committed state only (what reads see). Sets `resp` on a storage error.
std::optional<found_record> read_committed(shard_state& st, Response& resp,
                                           const std::string& key) {
  storage::db_status status;
  auto raw = st.db->get(column::state, key, status);
  if (!status.ok) {
    set_storage_error(resp, "read", status.message);
    return std::nullopt;
  }
  if (!raw)
    return std::nullopt;
  return decode_live(st, *raw);
}

/// Committed state plus writes in flight (what writes build on).
std::optional<found_record> read_latest(shard_state& st, Response& resp,
                                        const std::string& key) {
  if (auto* staged = st.pipeline->staged(key)) {
    if (!*staged)
      return std::nullopt;
    return decode_live(st, **staged);
  }
  return read_committed(st, resp, key);
}

/// Calls fn(encoded key, record) for each live record under `prefix`, in key
/// order, until fn returns false.
template <class F>
bool scan(shard_state& st, Response& resp, const std::string& prefix, F fn) {
  auto cur = st.db->new_cursor(column::state);
  auto now = st.db->now_ms();
  for (cur->seek(prefix); cur->valid(); cur->next()) {
    auto key = cur->key();
    if (key.substr(0, prefix.size()) != prefix)
      break;
    storage::record_header header;
    std::string_view value;
    if (!storage::decode_record(cur->value(), header, value) || header.expired(now))
      continue;
    if (!fn(key, header, value))
      return true;
  }
  auto status = cur->status();
  if (!status.ok) {
    set_error(resp, error_code::internal, "storage scan failed: " + status.message);
    return false;
  }
  return true;
}

void fill_value(v1::Value* out, const std::optional<found_record>& rec) {
  out->set_found(rec.has_value());
  if (!rec)
    return;
  out->set_value(rec->value);
  out->set_revision(rec->header.revision);
  out->set_expires_at_ms(rec->header.expires_at_ms);
}

std::string key_of(shard_state& st, const std::string& trace, const std::string& key) {
  return storage::state_key(st.partition, trace, key);
}

// -- writing ---------------------------------------------------------------

bool check_expected(Response& resp, const std::optional<found_record>& old,
                    bool has_expected, uint64_t expected, const std::string& key) {
  if (!has_expected)
    return true;
  uint64_t current = old ? old->header.revision : 0;
  if (current == expected)
    return true;
  set_error(resp, error_code::conflict,
       "key '" + key + "': expected revision " + std::to_string(expected)
         + ", current revision " + std::to_string(current)
         + (old ? "" : " (absent)"));
  return false;
}

uint64_t stage_put(shard_state& st, storage::write_batch& batch,
                   const std::string& key, const std::optional<found_record>& old,
                   const std::string& value, uint64_t ttl_ms) {
  auto now = st.db->now_ms();
  storage::record_header header;
  header.revision = ++st.revision;
  header.created_at_ms = old ? old->header.created_at_ms : now;
  header.updated_at_ms = now;
  header.expires_at_ms = ttl_ms > 0 ? now + static_cast<int64_t>(ttl_ms) : 0;
  st.pipeline->put(batch, column::state, key, storage::encode_record(header, value));
  return header.revision;
}

void stage_delete(shard_state& st, storage::write_batch& batch,
                  const std::string& key) {
  st.pipeline->remove(batch, column::state, key);
}

// -- operations ------------------------------------------------------------
// Each fills `resp`; writes also fill `batch`.

void op_get(shard_state& st, const v1::StateGet& r, Response& resp) {
  if (!check_id(st, resp, r.trace_id(), "trace_id") || !check_id(st, resp, r.key(), "key"))
    return;
  auto rec = read_committed(st, resp, key_of(st, r.trace_id(), r.key()));
  if (!failed(resp))
    fill_value(resp.mutable_value(), rec);
}

void op_exists(shard_state& st, const v1::StateExists& r, Response& resp) {
  if (!check_id(st, resp, r.trace_id(), "trace_id") || !check_id(st, resp, r.key(), "key"))
    return;
  auto rec = read_committed(st, resp, key_of(st, r.trace_id(), r.key()));
  if (!failed(resp))
    resp.mutable_exists()->set_exists(rec.has_value());
}

void op_get_many(shard_state& st, const v1::StateGetMany& r, Response& resp) {
  if (!check_id(st, resp, r.trace_id(), "trace_id"))
    return;
  for (auto& k : r.keys())
    if (!check_id(st, resp, k, "key"))
      return;
  auto* out = resp.mutable_values();
  for (auto& k : r.keys()) {
    auto rec = read_committed(st, resp, key_of(st, r.trace_id(), k));
    if (failed(resp))
      return;
    fill_value(out->add_values(), rec);
  }
}

void op_set(shard_state& st, const v1::StateSet& r, Response& resp,
            storage::write_batch& batch) {
  if (!check_id(st, resp, r.trace_id(), "trace_id") || !check_id(st, resp, r.key(), "key")
      || !check_value(st, resp, r.value()) || !check_ttl(resp, r.ttl_ms()))
    return;
  auto key = key_of(st, r.trace_id(), r.key());
  auto old = read_latest(st, resp, key);
  if (failed(resp)
      || !check_expected(resp, old, r.has_expected_revision(), r.expected_revision(), r.key()))
    return;
  auto rev = stage_put(st, batch, key, old, r.value(), r.ttl_ms());
  resp.mutable_set()->set_revision(rev);
}

void op_set_many(shard_state& st, const v1::StateSetMany& r, Response& resp,
                 storage::write_batch& batch) {
  if (!check_id(st, resp, r.trace_id(), "trace_id") || !check_ttl(resp, r.ttl_ms()))
    return;
  // Validate everything before staging anything: all or nothing.
  std::vector<std::optional<found_record>> olds;
  std::vector<std::string> keys;
  for (auto& e : r.entries()) {
    if (!check_id(st, resp, e.key(), "key") || !check_value(st, resp, e.value()))
      return;
    keys.push_back(key_of(st, r.trace_id(), e.key()));
  }
  for (int i = 0; i < r.entries_size(); ++i) {
    auto& e = r.entries(i);
    olds.push_back(read_latest(st, resp, keys[static_cast<size_t>(i)]));
    if (failed(resp)
        || !check_expected(resp, olds.back(), e.has_expected_revision(),
                           e.expected_revision(), e.key()))
      return;
  }
  auto* out = resp.mutable_set_many();
  for (int i = 0; i < r.entries_size(); ++i) {
    auto idx = static_cast<size_t>(i);
    // A key repeated in one request builds on its earlier entry.
    auto old = st.pipeline->staged_in_next(keys[idx]) ? read_latest(st, resp, keys[idx])
                                                      : olds[idx];
    out->add_revisions(stage_put(st, batch, keys[idx], old, r.entries(i).value(), r.ttl_ms()));
  }
}

void op_delete(shard_state& st, const v1::StateDelete& r, Response& resp,
               storage::write_batch& batch) {
  if (!check_id(st, resp, r.trace_id(), "trace_id") || !check_id(st, resp, r.key(), "key"))
    return;
  auto key = key_of(st, r.trace_id(), r.key());
  auto old = read_latest(st, resp, key);
  if (failed(resp)
      || !check_expected(resp, old, r.has_expected_revision(), r.expected_revision(), r.key()))
    return;
  if (old)
    stage_delete(st, batch, key);
  fill_value(resp.mutable_value(), old);
}

void op_keys(shard_state& st, const v1::StateKeys& r, Response& resp) {
  if (!check_id(st, resp, r.trace_id(), "trace_id"))
    return;
  auto* out = resp.mutable_names();
  scan(st, resp, storage::state_trace_prefix(st.partition, r.trace_id()),
       [&](std::string_view key, const storage::record_header&, std::string_view) {
         if (auto parts = storage::decode_state_key(key))
           out->add_names(std::move(parts->key));
         return true;
       });
}

void op_clear(shard_state& st, const v1::StateClear& r, Response& resp,
              storage::write_batch& batch) {
  if (!check_id(st, resp, r.trace_id(), "trace_id"))
    return;
  auto prefix = storage::state_trace_prefix(st.partition, r.trace_id());
  std::vector<std::string> doomed;
  if (!scan(st, resp, prefix,
            [&](std::string_view key, const storage::record_header&, std::string_view) {
              doomed.emplace_back(key);
              return true;
            }))
    return;
  // Writes still in flight change what "every key of the trace" means.
  st.pipeline->for_each_staged(prefix, [&](const std::string& key,
                                           const std::optional<std::string>& raw) {
    auto pos = std::find(doomed.begin(), doomed.end(), key);
    bool live = raw && decode_live(st, *raw).has_value();
    if (live && pos == doomed.end())
      doomed.push_back(key);
    else if (!live && pos != doomed.end())
      doomed.erase(pos);
  });
  for (auto& key : doomed)
    stage_delete(st, batch, key);
  resp.mutable_count()->set_count(doomed.size());
}

void add_item(v1::ItemsReply* out, std::string_view key,
              const storage::record_header& header, std::string_view value,
              const char* type) {
  auto parts = storage::decode_state_key(key);
  if (!parts)
    return;
  auto* item = out->add_items();
  item->set_group_id(std::move(parts->trace_id));
  item->set_key(std::move(parts->key));
  item->set_value(std::string{value});
  item->set_revision(header.revision);
  if (type != nullptr)
    item->set_type(type);
}

void op_get_group(shard_state& st, const v1::StateGetGroup& r, Response& resp) {
  if (!check_id(st, resp, r.trace_id(), "trace_id"))
    return;
  auto* out = resp.mutable_items();
  scan(st, resp, storage::state_trace_prefix(st.partition, r.trace_id()),
       [&](std::string_view key, const storage::record_header& h, std::string_view v) {
         add_item(out, key, h, v, nullptr);
         return true;
       });
}

void op_trace_ids(shard_state& st, Response& resp) {
  auto* out = resp.mutable_names();
  auto partition = storage::partition_prefix(st.partition);
  auto cur = st.db->new_cursor(column::state);
  auto now = st.db->now_ms();
  cur->seek(partition);
  while (cur->valid() && cur->key().substr(0, partition.size()) == partition) {
    auto rest = cur->key().substr(partition.size());
    auto trace = storage::read_component(rest);
    if (!trace) {
      cur->next();
      continue;
    }
    auto trace_prefix = storage::state_trace_prefix(st.partition, *trace);
    bool live = false;
    for (; cur->valid() && cur->key().substr(0, trace_prefix.size()) == trace_prefix;
         cur->next()) {
      storage::record_header header;
      std::string_view value;
      if (storage::decode_record(cur->value(), header, value) && !header.expired(now)) {
        live = true;
        break;
      }
    }
    if (live)
      out->add_names(*trace);
    // Skip the rest of this trace in one seek.
    cur->seek(storage::prefix_end(trace_prefix));
  }
  if (auto status = cur->status(); !status.ok)
    set_error(resp, error_code::internal, "storage scan failed: " + status.message);
}

bool to_filters(const v1::StateItems& r, std::vector<storage::filter>& out,
                Response& resp) {
  for (auto& f : r.filters()) {
    auto op = static_cast<int>(f.op());
    if (op < v1::EQ || op > v1::IS_NULL) {
      set_error(resp, error_code::invalid_argument,
           "unknown filter operation " + std::to_string(op));
      return false;
    }
    out.push_back({f.value_key(), static_cast<storage::filter_op>(op - v1::EQ), f.value()});
  }
  return true;
}

void op_items(shard_state& st, const v1::StateItems& r, Response& resp) {
  if (r.has_group_id() && !check_id(st, resp, r.group_id(), "group_id"))
    return;
  std::vector<storage::filter> filters;
  if (!to_filters(r, filters, resp))
    return;
  auto prefix = r.has_group_id() ? storage::state_trace_prefix(st.partition, r.group_id())
                                 : storage::partition_prefix(st.partition);
  auto* out = resp.mutable_items();
  scan(st, resp, prefix,
       [&](std::string_view key, const storage::record_header& h, std::string_view v) {
         auto outcome = storage::evaluate_filters(v, filters);
         if (outcome && outcome->matched)
           add_item(out, key, h, v, outcome->type);
         return true;
       });
}

// -- commit bookkeeping ----------------------------------------------------

/// Submits `batch` with the partition's revision counter in it.
uint64_t submit(shard_state& st, storage::write_batch batch) {
  std::string rev;
  for (int i = 7; i >= 0; --i)
    rev.push_back(static_cast<char>((st.revision >> (8 * i)) & 0xFF));
  batch.put(column::meta, st.revision_key, std::move(rev));
  return st.pipeline->submit(std::move(batch));
}

bool load_revision(shard_state& st) {
  storage::db_status status;
  auto raw = st.db->get(column::meta, st.revision_key, status);
  if (!status.ok)
    return false;
  if (raw && raw->size() == 8)
    for (char c : *raw)
      st.revision = (st.revision << 8) | static_cast<uint8_t>(c);
  return true;
}

template <class Self>
caf::behavior shard_behavior(Self self, partition_log* log, state_limits limits) {
  auto p = log->partition();
  auto* db = &log->db();
  auto& st = self->state;
  st.partition = p;
  st.db = db;
  st.limits = limits;
  st.pipeline = make_pipeline(self, *log);
  finish_writes_on_exit(self);
  st.revision_key = storage::partition_prefix(p);
  storage::append_component(st.revision_key, "state.revision");
  if (!load_revision(st))
    self->quit(caf::sec::runtime_error);  // requests to it then fail with an error
  return {
    [=](request_msg& msg) -> caf::result<response_msg> {
      auto& st = self->state;
      auto resp = std::make_shared<Response>();
      storage::write_batch batch;
      const Request& req = *msg.body;
      bool is_write = true;
      switch (req.op_case()) {
        case Request::kStateSet:
          op_set(st, req.state_set(), *resp, batch);
          break;
        case Request::kStateSetMany:
          op_set_many(st, req.state_set_many(), *resp, batch);
          break;
        case Request::kStateDelete:
          op_delete(st, req.state_delete(), *resp, batch);
          break;
        case Request::kStateClear:
          op_clear(st, req.state_clear(), *resp, batch);
          break;
        default:
          is_write = false;
          break;
      }
      if (!is_write) {
        switch (req.op_case()) {
          case Request::kStateGet:
            op_get(st, req.state_get(), *resp);
            break;
          case Request::kStateExists:
            op_exists(st, req.state_exists(), *resp);
            break;
          case Request::kStateGetMany:
            op_get_many(st, req.state_get_many(), *resp);
            break;
          case Request::kStateKeys:
            op_keys(st, req.state_keys(), *resp);
            break;
          case Request::kStateGetGroup:
            op_get_group(st, req.state_get_group(), *resp);
            break;
          case Request::kStateTraceIds:
            op_trace_ids(st, *resp);
            break;
          case Request::kStateItems:
            op_items(st, req.state_items(), *resp);
            break;
          default:
            set_error(*resp, error_code::invalid_argument,
                 "operation is not a state operation");
            break;
        }
        // One replica: at once (a read sees the writes in flight). A
        // replicated leader confirms it still leads first.
        if (!st.pipeline->confirms_reads())
          return response_msg{std::move(resp)};
        return reply_read(self, std::move(resp));
      }
      // A write's reply (even a refusal) is ordered after every write this
      // shard accepted before it.
      bool has_batch = batch.count() > 0 && !failed(*resp);
      if (batch.count() > 0 && !has_batch)
        st.pipeline->drop_next();
      if (!has_batch && st.pipeline->confirms_reads())
        return reply_read(self, std::move(resp));  // a refusal is a read
      auto gen = has_batch ? submit(st, std::move(batch)) : st.pipeline->last_submitted();
      reply_after(self, gen, std::move(resp));
      return caf::delegated<response_msg>{};
    },
    drain_handler(self),
    committed_handler(self),
  };
}

} // namespace

state_shard_actor spawn_state_shard(caf::actor_system& sys, partition_log& log,
                                    state_limits limits, shard_placement placement) {
  return caf::actor_cast<state_shard_actor>(spawn_partition_actor<shard_state>(
    sys, placement,
    [](auto self, partition_log* log, state_limits limits) {
      return shard_behavior(self, log, limits);
    },
    &log, limits));
}

} // namespace troupe::actors
