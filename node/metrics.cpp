#include "node/metrics.hpp"

#include <array>
#include <map>
#include <mutex>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "actors/node_counters.hpp"
#include "actors/script_monitor.hpp"
#include "cluster/partition_router.hpp"
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
  std::mutex mu;
  std::map<std::pair<front_door, std::string>, request_series, std::less<>> series;

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
    request_series s{with_result("ok"), with_result("error"),
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

void node_metrics::observe(front_door d, std::string_view op, bool ok,
                           std::chrono::steady_clock::duration took) {
  auto& s = impl_->of(d, op);
  (ok ? s.ok : s.error)->Increment();
  s.latency->Observe(std::chrono::duration<double>(took).count());
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
  }
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
