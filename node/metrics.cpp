#include "node/metrics.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <mutex>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "actors/node_counters.hpp"
#include "actors/queue_depths.hpp"
#include "actors/script_monitor.hpp"
#include "cluster/partition_router.hpp"
#include "cluster/raft_driver.hpp"
#include "storage/db.hpp"

namespace troupe::node {

namespace {

const char* door_name(front_door d) {
  switch (d) {
    case front_door::client: return "client";
    case front_door::resp: return "resp";
    default: return "amqp";
  }
}

/// Latency buckets, seconds: 100 µs to 10 s.
prometheus::Histogram::BucketBoundaries latency_buckets() {
  return {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
          0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,     10};
}

/// One operation's series, created at its first request.
struct request_series {
  prometheus::Counter* ok;
  prometheus::Counter* error;
  prometheus::Counter* rejected;
  prometheus::Histogram* latency;
};

} // namespace

struct node_metrics::impl {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  prometheus::Family<prometheus::Counter>& requests =
    prometheus::BuildCounter()
      .Name("troupe_requests_total")
      .Help("Requests answered, by door, operation and result")
      .Register(*registry);
  prometheus::Family<prometheus::Histogram>& latency =
    prometheus::BuildHistogram()
      .Name("troupe_request_duration_seconds")
      .Help("Time from a request's arrival to its reply, by door and operation")
      .Register(*registry);
  prometheus::Family<prometheus::Counter>& resp_errors =
    prometheus::BuildCounter()
      .Name("troupe_resp_error_replies_total")
      .Help("Error replies of the RESP door, by error code")
      .Register(*registry);
  mutable std::mutex mu;
  std::map<std::pair<front_door, std::string>, request_series, std::less<>> series;
  std::map<std::string, prometheus::Counter*, std::less<>> error_codes;
  // What figures() and error_counts() subtract (CONFIG RESETSTAT).
  std::map<std::pair<front_door, std::string>, op_figures> figures_base;
  std::map<std::string, uint64_t> errors_base;

  op_figures read(const std::pair<front_door, std::string>& key, const request_series& s) const {
    op_figures f;
    f.op = key.second;
    f.ok = static_cast<uint64_t>(s.ok->Value());
    f.failed = static_cast<uint64_t>(s.error->Value());
    f.rejected = static_cast<uint64_t>(s.rejected->Value());
    f.seconds = s.latency->Collect().histogram.sample_sum;
    if (auto it = figures_base.find(key); it != figures_base.end()) {
      f.ok -= it->second.ok;
      f.failed -= it->second.failed;
      f.rejected -= it->second.rejected;
      f.seconds -= it->second.seconds;
    }
    return f;
  }

  request_series& of(front_door d, std::string_view op) {
    std::lock_guard<std::mutex> guard{mu};
    auto key = std::make_pair(d, std::string{op});
    auto it = series.find(key);
    if (it != series.end())
      return it->second;
    std::map<std::string, std::string> labels{{"door", door_name(d)}, {"op", key.second}};
    auto with_result = [&](const char* r) {
      auto l = labels;
      l.emplace("result", r);
      return &requests.Add(l);
    };
    request_series s{with_result("ok"), with_result("error"), with_result("rejected"),
                     &latency.Add(labels, latency_buckets())};
    return series.emplace(std::move(key), s).first->second;
  }
};

node_metrics::node_metrics(std::string version) : impl_(std::make_unique<impl>()) {
  prometheus::BuildGauge()
    .Name("troupe_build_info")
    .Help("The node's version")
    .Register(*impl_->registry)
    .Add({{"version", std::move(version)}})
    .Set(1);
}

node_metrics::~node_metrics() = default;

void node_metrics::observe(front_door d, std::string_view op, request_result r,
                           std::chrono::steady_clock::duration took) {
  auto& s = impl_->of(d, op);
  (r == request_result::ok ? s.ok : r == request_result::failed ? s.error : s.rejected)
    ->Increment();
  s.latency->Observe(std::chrono::duration<double>(took).count());
}

void node_metrics::count_error(std::string_view code) {
  constexpr size_t max_codes = 128;
  std::lock_guard<std::mutex> guard{impl_->mu};
  auto& codes = impl_->error_codes;
  auto it = codes.find(code);
  if (it == codes.end()) {
    if (codes.size() >= max_codes)
      return;
    it = codes.emplace(std::string{code}, &impl_->resp_errors.Add({{"code", std::string{code}}}))
           .first;
  }
  it->second->Increment();
}

std::vector<op_figures> node_metrics::figures(front_door d) const {
  std::lock_guard<std::mutex> guard{impl_->mu};
  std::vector<op_figures> out;
  for (auto& [key, s] : impl_->series) {
    auto f = impl_->read(key, s);
    if (key.first == d && f.ok + f.failed + f.rejected > 0)
      out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::pair<std::string, uint64_t>> node_metrics::error_counts() const {
  std::lock_guard<std::mutex> guard{impl_->mu};
  std::vector<std::pair<std::string, uint64_t>> out;
  for (auto& [code, counter] : impl_->error_codes) {
    auto base = impl_->errors_base.find(code);
    auto n = static_cast<uint64_t>(counter->Value())
             - (base == impl_->errors_base.end() ? 0 : base->second);
    if (n > 0)
      out.emplace_back(code, n);
  }
  return out;
}

void node_metrics::reset_figures() {
  std::lock_guard<std::mutex> guard{impl_->mu};
  impl_->figures_base.clear();
  impl_->errors_base.clear();
  for (auto& [key, s] : impl_->series)
    impl_->figures_base[key] = impl_->read(key, s);
  for (auto& [code, counter] : impl_->error_codes)
    impl_->errors_base[code] = static_cast<uint64_t>(counter->Value());
}

namespace {

/// A family of gauges read at scrape time, appended as text.
struct gauge_text {
  std::string& out;

  void family(const char* name, const char* help, const char* type = "gauge") {
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += ' ';
    out += type;
    out += '\n';
  }
  void sample(const char* name, double value, const std::string& labels = {}) {
    out += name;
    if (!labels.empty())
      out += "{" + labels + "}";
    out += ' ';
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.17g", value);
    out += buf;
    out += '\n';
  }
  void one(const char* name, const char* help, double value, const char* type = "gauge") {
    family(name, help, type);
    sample(name, value);
  }
};

/// `v` as a Prometheus label value (quoted; backslash, quote and newline
/// escaped).
std::string label_value(const std::string& v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '\\' || c == '"')
      out += '\\';
    if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out + "\"";
}

/// Step-queue depths: totals over every queue, and per (topic, step) for the
/// deepest `max_series` (so a node with many topics keeps a bounded series
/// count).
void queue_depth_gauges(gauge_text& g, size_t max_series) {
  auto queues = actors::queue_depths::read();
  actors::queue_depths::reading total;
  for (auto& q : queues) {
    total.ready += q.ready;
    total.delayed += q.delayed;
    total.in_flight += q.in_flight;
    total.dead += q.dead;
  }
  auto by_state = [](const actors::queue_depths::reading& r) {
    return std::array<std::pair<const char*, uint64_t>, 4>{
      {{"ready", r.ready}, {"delayed", r.delayed}, {"in_flight", r.in_flight}, {"dead", r.dead}}};
  };
  g.one("troupe_step_queues", "Step queues served here (topic and step pairs)",
        static_cast<double>(queues.size()));
  g.family("troupe_step_queue_messages_all",
           "Messages in every step queue served here, by state");
  for (auto& [state, n] : by_state(total))
    g.sample("troupe_step_queue_messages_all", static_cast<double>(n),
             std::string{"state=\""} + state + "\"");
  g.family("troupe_step_queue_messages",
           "Messages of the deepest step queues served here, by topic, step and state");
  for (size_t i = 0; i < queues.size() && i < max_series; ++i) {
    auto labels = "topic=" + label_value(queues[i].topic) + ",step=" + label_value(queues[i].step);
    for (auto& [state, n] : by_state(queues[i]))
      g.sample("troupe_step_queue_messages", static_cast<double>(n),
               labels + ",state=\"" + state + "\"");
  }
}

/// The Raft groups hosted here: roles, the highest term, entries not yet
/// committed (at leaders: replicas behind) and not yet applied, and the
/// driver's counters.
void raft_gauges(gauge_text& g, const cluster::raft_driver& driver) {
  std::array<size_t, 4> by_role{};
  uint64_t max_term = 0, uncommitted = 0, unapplied = 0;
  auto views = driver.views();
  for (auto& v : *views) {
    ++by_role[static_cast<size_t>(v.role)];
    max_term = std::max(max_term, v.term.value);
    uncommitted += v.last > v.commit ? v.last - v.commit : 0;
    unapplied += v.commit > v.applied ? v.commit - v.applied : 0;
  }
  g.family("troupe_raft_groups",
           "Raft groups (partition replicas, and the controller's) hosted here, by role");
  const char* roles[] = {"follower", "pre_candidate", "candidate", "leader"};
  for (size_t i = 0; i < by_role.size(); ++i)
    g.sample("troupe_raft_groups", static_cast<double>(by_role[i]),
             std::string{"role=\""} + roles[i] + "\"");
  g.one("troupe_raft_term_max", "The highest Raft term among the groups hosted here",
        static_cast<double>(max_term));
  g.one("troupe_raft_uncommitted_entries",
        "Log entries written here but not yet known committed, every group",
        static_cast<double>(uncommitted));
  g.one("troupe_raft_unapplied_entries", "Committed entries not yet applied here, every group",
        static_cast<double>(unapplied));
  auto c = driver.counters();
  struct counter {
    const char* name;
    const char* help;
    uint64_t value;
  };
  const counter counters[] = {
    {"troupe_raft_turns_total", "Driver turns (one write, one frame per peer)", c.turns},
    {"troupe_raft_messages_total", "Raft messages sent, every group", c.messages},
    {"troupe_raft_frames_total", "Frames the Raft messages travelled in", c.frames},
    {"troupe_raft_applied_total", "Entries applied", c.applied},
    {"troupe_raft_snapshots_sent_total", "Snapshots sent to lagging or new replicas",
     c.snapshots_sent},
    {"troupe_raft_snapshot_chunks_sent_total", "Chunks the snapshots travelled in",
     c.snapshot_chunks_sent},
    {"troupe_raft_snapshots_installed_total", "Snapshots installed here", c.snapshots_installed},
    {"troupe_raft_malformed_frames_total", "Frames from peers that did not decode",
     c.malformed_frames},
    {"troupe_raft_leader_changes_total", "Times a group hosted here learned of a new leader",
     c.leader_changes},
    {"troupe_raft_elections_won_total", "Times a group's election made this node its leader",
     c.elections_won},
    {"troupe_raft_read_rounds_total", "Reads confirmed by asking a majority (ReadIndex)",
     c.read_rounds},
    {"troupe_raft_reads_in_lease_total", "Reads answered within the leader's lease",
     c.reads_in_lease},
  };
  for (auto& k : counters)
    g.one(k.name, k.help, static_cast<double>(k.value), "counter");
}

/// How long the group committer's RocksDB writes took (the WAL's fsync
/// included with --durability fsync).
void write_duration_histogram(gauge_text& g, const storage::commit_stats& stats) {
  const char* name = "troupe_commit_write_duration_seconds";
  g.family(name, "Time of each RocksDB write of the group committer, fsync included",
           "histogram");
  std::string bucket = std::string{name} + "_bucket";
  uint64_t counted = 0;
  for (size_t i = 0; i < stats.write_buckets.size(); ++i) {
    counted = stats.write_buckets[i];
    char le[32];
    std::snprintf(le, sizeof(le), "le=\"%g\"", static_cast<double>(storage::write_bounds_us[i]) / 1e6);
    g.sample(bucket.c_str(), static_cast<double>(counted), le);
  }
  auto count = static_cast<double>(std::max(counted, stats.writes));
  g.sample(bucket.c_str(), count, "le=\"+Inf\"");
  g.sample((std::string{name} + "_sum").c_str(), stats.write_seconds);
  g.sample((std::string{name} + "_count").c_str(), count);
}

} // namespace

std::string node_metrics::scrape(const metrics_sources& src) {
  std::string out = prometheus::TextSerializer{}.Serialize(impl_->registry->Collect());
  gauge_text g{out};
  if (src.counters != nullptr) {
    g.family("troupe_connections", "Open connections, by door");
    g.sample("troupe_connections", static_cast<double>(src.counters->sessions.load()),
             "door=\"client\"");
    g.sample("troupe_connections", static_cast<double>(src.counters->resp_clients.load()),
             "door=\"resp\"");
    g.sample("troupe_connections", static_cast<double>(src.counters->amqp_connections.load()),
             "door=\"amqp\"");
    g.one("troupe_stream_groups", "Stream group actors alive",
          static_cast<double>(src.counters->stream_groups.load()));
    g.one("troupe_stream_subscribers", "Live stream subscriptions",
          static_cast<double>(src.counters->stream_subscribers.load()));
    g.one("troupe_output_queued_bytes",
          "Reply and push bytes handed to client sockets and not yet sent, every connection "
          "(subscribers that do not keep up show here first)",
          static_cast<double>(src.counters->queued_output_bytes.load()));
    g.one("troupe_forwarded_requests_total",
          "Requests this node's doors sent on to another node's gateway",
          static_cast<double>(src.counters->forwarded_requests.load()), "counter");
  }
  queue_depth_gauges(g, 50);
  if (src.raft != nullptr)
    raft_gauges(g, *src.raft);
  if (src.scripts != nullptr)
    g.one("troupe_scripts_busy", "Lua scripts running past their time limit",
          src.scripts->busy());
  if (src.router) {
    auto routes = src.router->current();
    std::array<size_t, 4> by_state{};
    for (auto s : routes->state)
      ++by_state[static_cast<size_t>(s)];
    g.family("troupe_partitions", "Partitions by how this node serves them");
    const char* names[] = {"local", "remote", "moving", "unreachable"};
    for (size_t i = 0; i < by_state.size(); ++i)
      g.sample("troupe_partitions", static_cast<double>(by_state[i]),
               std::string{"state=\""} + names[i] + "\"");
  }
  if (src.db != nullptr) {
    auto stats = src.db->stats();
    g.one("troupe_commit_batches_total", "Write batches handed to the group committer",
          static_cast<double>(stats.batches), "counter");
    g.one("troupe_commit_writes_total", "RocksDB writes the group committer issued",
          static_cast<double>(stats.writes), "counter");
    write_duration_histogram(g, stats);
    struct property {
      const char* rocksdb;
      const char* name;
      const char* help;
    };
    const property properties[] = {
      {"rocksdb.cur-size-all-mem-tables", "troupe_rocksdb_memtable_bytes",
       "Bytes in RocksDB's memtables, every column"},
      {"rocksdb.total-sst-files-size", "troupe_rocksdb_sst_bytes",
       "Bytes of RocksDB's SST files, every column"},
      {"rocksdb.estimate-num-keys", "troupe_rocksdb_keys_estimate",
       "RocksDB's estimate of live keys, every column"},
      {"rocksdb.is-write-stopped", "troupe_rocksdb_write_stopped",
       "1 while RocksDB stops writes (compaction behind)"},
      {"rocksdb.actual-delayed-write-rate", "troupe_rocksdb_delayed_write_rate",
       "Bytes/s RocksDB slows writes to; 0 when not delayed"},
      {"rocksdb.num-running-compactions", "troupe_rocksdb_running_compactions",
       "Compactions running now"},
    };
    for (auto& p : properties)
      if (auto v = src.db->int_property(p.rocksdb))
        g.one(p.name, p.help, static_cast<double>(*v));
  }
  return out;
}

} // namespace troupe::node
