// import redis: what Motia 0.17's Redis adapters and BullMQ adapter keep in
// Redis, read with SCAN (never KEYS) in pipelined batches:
//
//   <prefix>:state:<group>:<key>            string, JSON (TTL kept)
//   <prefix>:stream:<stream>:group:<group>  hash, id -> item JSON
//   <prefix>:<topic>.<step>:*               BullMQ queue (Motia's layout):
//       wait, paused, active (lists), prioritized, delayed, failed (sorted
//       sets) of job ids; <prefix>:<queue>:<id> a job's hash (data, opts,
//       timestamp, delay, atm/attemptsMade, failedReason)
//   <prefix>:<topic>.<step>.dlq:*           Motia's dead-letter queue of a step
#include <hiredis/hiredis.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include <rapidjson/document.h>

#include "client/import.hpp"
#include "client/import_json.hpp"
#include "client/sync_client.hpp"

namespace troupe::client {

namespace {

/// Keys and job ids per round trip.
constexpr size_t batch_size = 500;

struct reply_free {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using reply_ptr = std::unique_ptr<redisReply, reply_free>;

std::string str(const redisReply* r) {
  return r != nullptr && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS
                          || r->type == REDIS_REPLY_ERROR)
           ? std::string{r->str, r->len}
           : std::string{};
}

class redis_link {
public:
  ~redis_link() {
    if (ctx_ != nullptr)
      redisFree(ctx_);
  }

  bool connect(const std::string& address, std::string& error) {
    auto colon = address.rfind(':');
    if (colon == std::string::npos) {
      error = "--from: expected HOST:PORT, got '" + address + "'";
      return false;
    }
    timeval timeout{5, 0};
    ctx_ = redisConnectWithTimeout(address.substr(0, colon).c_str(),
                                   std::atoi(address.c_str() + colon + 1), timeout);
    if (ctx_ == nullptr || ctx_->err != 0) {
      error = "cannot reach Redis at " + address + ": "
              + (ctx_ != nullptr ? std::string{ctx_->errstr} : std::string{"out of memory"});
      return false;
    }
    return true;
  }

  /// Sends every command, then reads every reply (one round trip); a null
  /// reply once the connection failed.
  std::vector<reply_ptr> run(const std::vector<std::vector<std::string>>& commands) {
    for (auto& args : commands) {
      std::vector<const char*> argv;
      std::vector<size_t> lens;
      for (auto& a : args) {
        argv.push_back(a.data());
        lens.push_back(a.size());
      }
      redisAppendCommandArgv(ctx_, static_cast<int>(argv.size()), argv.data(), lens.data());
    }
    std::vector<reply_ptr> out;
    for (size_t i = 0; i < commands.size(); ++i) {
      void* r = nullptr;
      if (redisGetReply(ctx_, &r) != REDIS_OK)
        r = nullptr;
      out.emplace_back(static_cast<redisReply*>(r));
    }
    return out;
  }

  reply_ptr one(std::vector<std::string> args) { return std::move(run({std::move(args)}).front()); }

  std::string failure() const { return ctx_->err != 0 ? ctx_->errstr : "no reply"; }

  /// Every key matching `pattern`, a batch at a time.
  bool scan(const std::string& pattern, const std::function<void(std::vector<std::string>&)>& fn,
            std::string& error) {
    std::string cursor = "0";
    do {
      auto r = one({"SCAN", cursor, "MATCH", pattern, "COUNT", std::to_string(batch_size)});
      if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) {
        error = "SCAN failed: " + (r ? str(r.get()) : failure());
        return false;
      }
      cursor = str(r->element[0]);
      std::vector<std::string> keys;
      for (size_t i = 0; i < r->element[1]->elements; ++i)
        keys.push_back(str(r->element[1]->element[i]));
      if (!keys.empty())
        fn(keys);
    } while (cursor != "0");
    return true;
  }

private:
  redisContext* ctx_ = nullptr;
};

/// `raw` with Redis's glob characters escaped.
std::string glob_escape(const std::string& raw) {
  std::string out;
  for (char c : raw) {
    if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\')
      out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
           std::chrono::system_clock::now().time_since_epoch())
    .count();
}

void import_state(redis_link& redis, importer& to, const std::string& prefix, std::string& error) {
  auto head = prefix + ":state:";
  redis.scan(glob_escape(head) + "*", [&](std::vector<std::string>& keys) {
    std::vector<std::vector<std::string>> cmds;
    for (auto& k : keys) {
      cmds.push_back({"GET", k});
      cmds.push_back({"PTTL", k});
    }
    auto replies = redis.run(cmds);
    for (size_t i = 0; i < keys.size(); ++i) {
      auto rest = keys[i].substr(head.size());
      auto colon = rest.find(':');
      auto* value = replies[2 * i].get();
      auto* ttl = replies[2 * i + 1].get();
      if (colon == std::string::npos) {
        to.error("state " + printable(keys[i]) + ": no '<group>:' in the key");
        continue;
      }
      if (value == nullptr || value->type == REDIS_REPLY_NIL)
        continue;  // expired or deleted since the SCAN
      if (value->type != REDIS_REPLY_STRING) {
        to.error("state " + printable(keys[i]) + ": not a string");
        continue;
      }
      int64_t ms = ttl != nullptr && ttl->type == REDIS_REPLY_INTEGER ? ttl->integer : -1;
      if (ms == -2 || ms == 0)
        continue;  // expired meanwhile
      to.state(rest.substr(0, colon), rest.substr(colon + 1), str(value),
               ms > 0 ? static_cast<uint64_t>(ms) : 0);
    }
  }, error);
}

void import_streams(redis_link& redis, importer& to, const std::string& prefix,
                    std::string& error) {
  auto head = prefix + ":stream:";
  const std::string marker = ":group:";
  redis.scan(glob_escape(head) + "*" + glob_escape(marker) + "*", [&](std::vector<std::string>& keys) {
    for (auto& k : keys) {
      auto rest = k.substr(head.size());
      auto at = rest.find(marker);
      if (at == std::string::npos)
        continue;
      auto stream = rest.substr(0, at);
      auto group = rest.substr(at + marker.size());
      std::string cursor = "0";
      do {
        auto r = redis.one({"HSCAN", k, cursor, "COUNT", std::to_string(batch_size)});
        if (!r || r->type != REDIS_REPLY_ARRAY || r->elements != 2) {
          to.error("stream group " + printable(k) + ": " + (r ? str(r.get()) : redis.failure()));
          break;
        }
        cursor = str(r->element[0]);
        auto* pairs = r->element[1];
        for (size_t i = 0; i + 1 < pairs->elements; i += 2)
          to.stream_item(stream, group, str(pairs->element[i]), str(pairs->element[i + 1]));
      } while (cursor != "0");
    }
  }, error);
}

// -- BullMQ ---------------------------------------------------------------------

int64_t field_int(const std::map<std::string, std::string>& h, const char* name, int64_t fallback) {
  auto it = h.find(name);
  if (it == h.end() || it->second.empty())
    return fallback;
  char* end = nullptr;
  auto v = std::strtoll(it->second.c_str(), &end, 10);
  return *end == '\0' ? v : fallback;
}

std::string member_text(const rapidjson::Value& obj, const char* name) {
  if (!obj.IsObject() || !obj.HasMember(name))
    return {};
  auto& v = obj[name];
  return v.IsString() ? std::string{v.GetString(), v.GetStringLength()} : json_text(v);
}

/// The step's queue config from a job's BullMQ options: `attempts` counts
/// the first, `backoff` is a delay or {type, delay}.
queue_config config_of(const std::string& opts_json) {
  queue_config c;
  rapidjson::Document opts;
  if (opts.Parse(opts_json.data(), opts_json.size()).HasParseError() || !opts.IsObject())
    return c;
  if (opts.HasMember("attempts") && opts["attempts"].IsInt())
    c.max_retries = std::max(0, opts["attempts"].GetInt() - 1);
  if (opts.HasMember("backoff")) {
    auto& b = opts["backoff"];
    if (b.IsInt64())
      c.backoff_ms = b.GetInt64();
    else if (b.IsObject()) {
      if (b.HasMember("delay") && b["delay"].IsInt64())
        c.backoff_ms = b["delay"].GetInt64();
      c.exponential_backoff = b.HasMember("type") && b["type"].IsString()
                              && std::string{b["type"].GetString()} == "exponential";
    }
  }
  return c;
}

enum class job_state { ready, delayed, dead };

struct queue_job {
  std::string id;
  job_state state;
  int64_t due_ms = 0;  ///< delayed: when it is due, from its sorted-set score
};

struct queue_jobs {
  std::vector<queue_job> ids;
};

/// A delayed job's due time from its score in `delayed`: BullMQ 5 scores
/// due_ms * 4096 + a counter (a retry's hash keeps its first timestamp,
/// so the score is the one source of its due time); earlier ones due_ms.
int64_t due_of_score(const std::string& score) {
  double v = std::strtod(score.c_str(), nullptr);
  constexpr double bullmq5_threshold = 1e15;  // ms since 1970 stay far below it
  return static_cast<int64_t>(v > bullmq5_threshold ? v / 4096 : v);
}

/// One job of `queue` as a Troupe message; false (and an error counted)
/// when it is not one of Motia's.
bool to_job(importer& to, const std::string& queue, const std::string& id, job_state state,
            int64_t due_ms, const std::map<std::string, std::string>& h, imported_job& j,
            queue_config& config) {
  auto what = "job " + printable(id) + " of queue " + printable(queue);
  rapidjson::Document data;
  auto raw = h.count("data") != 0 ? h.at("data") : std::string{};
  if (data.Parse(raw.data(), raw.size()).HasParseError() || !data.IsObject()) {
    to.error(what + ": its data is not a JSON object");
    return false;
  }
  bool dlq = queue.size() > 4 && queue.ends_with(".dlq");
  const rapidjson::Value* event = &data;
  if (dlq) {
    if (!data.HasMember("originalEvent") || !data["originalEvent"].IsObject()) {
      to.error(what + ": a dead-letter job without originalEvent");
      return false;
    }
    event = &data["originalEvent"];
  }
  j.queue = queue;
  j.id = id;
  j.topic = member_text(*event, "topic");
  auto base = dlq ? queue.substr(0, queue.size() - 4) : queue;
  if (j.topic.empty() || base.size() <= j.topic.size() + 1 || base.compare(0, j.topic.size(), j.topic) != 0
      || base[j.topic.size()] != '.') {
    to.error(what + ": the queue is not named <topic>.<step> after its job's topic");
    return false;
  }
  j.step = base.substr(j.topic.size() + 1);
  j.data = event->HasMember("data") ? json_text((*event)["data"]) : "null";
  j.trace_id = member_text(*event, "traceId");
  if (event->HasMember("flows") && (*event)["flows"].IsArray())
    for (auto& f : (*event)["flows"].GetArray())
      if (f.IsString())
        j.flows.emplace_back(f.GetString(), f.GetStringLength());
  if (event->HasMember("messageGroupId") && (*event)["messageGroupId"].IsString())
    j.message_group_id = member_text(*event, "messageGroupId");
  j.attempts_made = static_cast<uint32_t>(
    std::max<int64_t>(0, field_int(h, "atm", field_int(h, "attemptsMade", 0))));
  if (dlq) {
    j.dead = true;
    j.last_error = member_text(data, "failureReason");
    if (data.HasMember("attemptsMade") && data["attemptsMade"].IsInt())
      j.attempts_made = static_cast<uint32_t>(std::max(0, data["attemptsMade"].GetInt()));
  } else if (state == job_state::dead) {
    j.dead = true;
    j.last_error = h.count("failedReason") != 0 ? h.at("failedReason") : std::string{};
  } else if (state == job_state::delayed) {
    auto due = due_ms != 0 ? due_ms : field_int(h, "timestamp", 0) + field_int(h, "delay", 0);
    j.delay_ms = std::max<int64_t>(0, due - now_ms());
  }
  j.last_error = utf8_safe(j.last_error);
  config = config_of(h.count("opts") != 0 ? h.at("opts") : std::string{});
  return true;
}

/// The ids of every job of `queue` that still has work to do (or died).
queue_jobs job_ids(redis_link& redis, const std::string& key_head) {
  queue_jobs out;
  struct source {
    const char* name;
    bool list;
    job_state state;
  };
  static const source sources[] = {
    {"wait", true, job_state::ready},         {"paused", true, job_state::ready},
    {"active", true, job_state::ready},       {"prioritized", false, job_state::ready},
    {"delayed", false, job_state::delayed},   {"failed", false, job_state::dead},
  };
  std::vector<std::vector<std::string>> cmds;
  for (auto& s : sources) {
    cmds.push_back({s.list ? "LRANGE" : "ZRANGE", key_head + s.name, "0", "-1"});
    if (s.state == job_state::delayed)
      cmds.back().push_back("WITHSCORES");
  }
  auto replies = redis.run(cmds);
  for (size_t i = 0; i < replies.size(); ++i) {
    if (!replies[i] || replies[i]->type != REDIS_REPLY_ARRAY)
      continue;
    auto* r = replies[i].get();
    bool scored = sources[i].state == job_state::delayed;
    for (size_t e = 0; e < r->elements; e += scored ? 2 : 1) {
      queue_job job{str(r->element[e]), sources[i].state};
      if (scored && e + 1 < r->elements)
        job.due_ms = due_of_score(str(r->element[e + 1]));
      out.ids.push_back(std::move(job));
    }
  }
  return out;
}

void import_queue(redis_link& redis, importer& to, const std::string& prefix,
                  const std::string& queue) {
  auto head = prefix + ":" + queue + ":";
  auto jobs = job_ids(redis, head);
  bool dlq = queue.ends_with(".dlq");
  for (size_t start = 0; start < jobs.ids.size(); start += batch_size) {
    auto end = std::min(jobs.ids.size(), start + batch_size);
    std::vector<std::vector<std::string>> cmds;
    for (size_t i = start; i < end; ++i) {
      cmds.push_back({"HGETALL", head + jobs.ids[i].id});
      // A failed job Motia also put in the step's dead-letter queue is
      // imported from there, once.
      cmds.push_back({"EXISTS", prefix + ":" + queue + ".dlq:dlq-" + jobs.ids[i].id});
    }
    auto replies = redis.run(cmds);
    for (size_t i = start; i < end; ++i) {
      auto& [id, state, due_ms] = jobs.ids[i];
      auto* hash = replies[2 * (i - start)].get();
      auto* in_dlq = replies[2 * (i - start) + 1].get();
      if (hash == nullptr || hash->type != REDIS_REPLY_ARRAY || hash->elements == 0)
        continue;  // finished or removed since it was listed
      if (!dlq && state == job_state::dead && in_dlq != nullptr
          && in_dlq->type == REDIS_REPLY_INTEGER && in_dlq->integer == 1)
        continue;
      std::map<std::string, std::string> h;
      for (size_t f = 0; f + 1 < hash->elements; f += 2)
        h[str(hash->element[f])] = str(hash->element[f + 1]);
      imported_job j;
      queue_config config;
      if (to_job(to, queue, id, state, due_ms, h, j, config))
        to.job(j, config);
    }
  }
}

void import_queues(redis_link& redis, importer& to, const std::string& prefix,
                   std::string& error) {
  // Every queue that ever held a job has its `meta` hash (BullMQ 5) or its
  // `id` counter; keys of the Redis adapters are not queues.
  std::set<std::string> queues;
  auto head = prefix + ":";
  for (const std::string tail : {":meta", ":id"}) {
    redis.scan(glob_escape(head) + "*" + tail, [&](std::vector<std::string>& keys) {
      for (auto& k : keys) {
        auto q = k.substr(head.size(), k.size() - head.size() - tail.size());
        if (!q.starts_with("state:") && !q.starts_with("stream:") && q.find('.') != std::string::npos)
          queues.insert(q);
      }
    }, error);
    if (!error.empty())
      return;
  }
  for (auto& q : queues)
    import_queue(redis, to, prefix, q);
}

} // namespace

bool import_redis(importer& to, const std::string& address, const std::string& password,
                  const std::string& prefix, std::string& error) {
  redis_link redis;
  if (!redis.connect(address, error))
    return false;
  if (!password.empty()) {
    auto r = redis.one({"AUTH", password});
    if (!r || r->type == REDIS_REPLY_ERROR) {
      error = "Redis refused the password: " + (r ? str(r.get()) : redis.failure());
      return false;
    }
  }
  import_state(redis, to, prefix, error);
  if (error.empty())
    import_streams(redis, to, prefix, error);
  if (error.empty())
    import_queues(redis, to, prefix, error);
  return error.empty();
}

} // namespace troupe::client
