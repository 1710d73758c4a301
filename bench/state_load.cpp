// state_load: a load generator for state get/set, speaking either Troupe's
// protocol or Redis's (RESP), so both servers face the same client code, the
// same connection count, pipelining depth, key space and value size.
//
//   state_load --target troupe|redis --port P [--host 127.0.0.1]
//              --op set|get --connections 64 --inflight 1
//              --value-bytes 100 --keys 100000 --seconds 5 [--token T]
//              [--only-partitions 0,5,9 --partitions 64]
//   state_load --trace-for-partition P [--partitions 64]
//              (prints the first trace id of partition P and exits)
//
// One epoll thread drives every connection; each keeps `inflight` requests
// outstanding. Prints one line:
//   RESULT target=troupe op=set connections=64 inflight=1 ops=... ops_per_sec=...
//          p50_us=... p99_us=... p999_us=... errors=...
// Troupe keys: trace "bench-<i % 1000>" (or, with --only-partitions, the
// first 1000 such trace ids in those partitions), key "k<i>". Redis keys:
// "bench-<i % 1000>:k<i>" (what Motia's Redis state adapter stores).
#include <algorithm>
#include <set>
#include <xxhash.h>
#include <arpa/inet.h>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <random>
#include <string>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/wire.hpp"

namespace {

using namespace troupe::bench;
using clock_type = std::chrono::steady_clock;

struct config {
  std::string target = "troupe";
  std::string host = "127.0.0.1";
  uint16_t port = 7379;
  std::string op = "set";
  int connections = 64;
  int inflight = 1;
  size_t value_bytes = 100;
  uint64_t keys = 100000;
  double seconds = 5;
  std::string token;
  /// Troupe: only trace ids of these partitions (of `partitions`); empty:
  /// every partition. Lets a run address the partitions one node owns.
  std::vector<uint32_t> only_partitions;
  uint32_t partitions = 64;
};

/// The trace ids a run cycles through: "bench-<j>", 1000 of them, limited to
/// the chosen partitions (the partition is xxHash64(trace id) mod P).
std::vector<std::string> trace_ids(const config& cfg) {
  std::vector<std::string> out;
  std::set<uint32_t> only(cfg.only_partitions.begin(), cfg.only_partitions.end());
  for (uint64_t j = 0; out.size() < 1000 && j < 10'000'000; ++j) {
    auto t = "bench-" + std::to_string(j);
    if (only.empty() || only.count(static_cast<uint32_t>(XXH64(t.data(), t.size(), 0)
                                                         % cfg.partitions)) > 0)
      out.push_back(std::move(t));
  }
  return out;
}

// Troupe: Frame{id=1, request=4{state_set=13 | state_get=10}}
std::string troupe_request(uint64_t id, bool set, const std::string& trace,
                           const std::string& key, const std::string& value) {
  std::string op;
  put_bytes_field(op, 1, trace);
  put_bytes_field(op, 2, key);
  if (set)
    put_bytes_field(op, 3, value);
  return request_frame(id, set ? 13 : 10, op);
}

// -- connections --------------------------------------------------------------

struct connection {
  int fd = -1;
  std::string in;
  std::string out;
  // Send time of request #n (Troupe id n+1). Redis answers in order; Troupe
  // replies carry the id and may come out of order.
  std::vector<clock_type::time_point> sent;
  size_t completed = 0;
  uint64_t next_id = 1;
  bool greeted = false;
};

struct stats {
  std::vector<uint32_t> latencies_us;
  uint64_t ops = 0;
  uint64_t errors = 0;
};

class driver {
public:
  explicit driver(config cfg)
    : cfg_(std::move(cfg)), value_(make_value(cfg_.value_bytes)), traces_(trace_ids(cfg_)) {}

  stats run() {
    int ep = epoll_create1(0);
    conns_.resize(static_cast<size_t>(cfg_.connections));
    for (size_t i = 0; i < conns_.size(); ++i) {
      auto& c = conns_[i];
      c.fd = dial(cfg_.host, cfg_.port);
      if (cfg_.target == "troupe") {
        write_all(c.fd, troupe_hello(cfg_.token));
      } else {
        c.greeted = true;
      }
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u64 = i;
      epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
    }
    start_ = clock_type::now();
    deadline_ = start_ + std::chrono::duration_cast<clock_type::duration>(
                           std::chrono::duration<double>(cfg_.seconds));
    for (auto& c : conns_)
      if (c.greeted)
        fill(c);
    std::vector<epoll_event> events(conns_.size());
    char buf[64 * 1024];
    while (clock_type::now() < deadline_) {
      int n = epoll_wait(ep, events.data(), static_cast<int>(events.size()), 100);
      for (int e = 0; e < n; ++e) {
        auto& c = conns_[events[static_cast<size_t>(e)].data.u64];
        auto k = read(c.fd, buf, sizeof(buf));
        if (k <= 0) {
          std::fprintf(stderr, "connection closed by server\n");
          std::exit(1);
        }
        c.in.append(buf, static_cast<size_t>(k));
        cfg_.target == "troupe" ? parse_troupe(c) : parse_redis(c);
        fill(c);
      }
    }
    st_.ops = st_.latencies_us.size();
    for (auto& c : conns_)
      close(c.fd);
    close(ep);
    return st_;
  }

private:
  static std::string make_value(size_t n) {
    // A JSON string of n bytes in total: Troupe stores JSON, Redis stores the
    // same bytes.
    std::string v = "\"";
    v.append(n > 2 ? n - 2 : 0, 'x');
    return v + "\"";
  }

  void fill(connection& c) {
    if (!c.greeted || clock_type::now() >= deadline_)
      return;
    c.out.clear();
    while (c.sent.size() - c.completed < static_cast<size_t>(cfg_.inflight)) {
      auto i = rng_() % cfg_.keys;
      auto& trace = traces_[i % traces_.size()];
      auto key = "k" + std::to_string(i);
      bool set = cfg_.op == "set";
      if (cfg_.target == "troupe")
        c.out += troupe_request(c.next_id++, set, trace, key, value_);
      else if (set)
        c.out += resp_command({"SET", trace + ":" + key, value_});
      else
        c.out += resp_command({"GET", trace + ":" + key});
      c.sent.push_back(clock_type::now());
    }
    if (!c.out.empty())
      write_all(c.fd, c.out);
  }

  /// Completes request #seq of connection c.
  void complete(connection& c, size_t seq, bool error) {
    auto now = clock_type::now();
    auto t = c.sent[seq];
    ++c.completed;
    if (error)
      ++st_.errors;
    st_.latencies_us.push_back(static_cast<uint32_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(now - t).count()));
  }

  void parse_troupe(connection& c) {
    size_t pos = 0;
    while (auto frame = next_frame(c.in, pos)) {
      auto* p = reinterpret_cast<const unsigned char*>(frame->data());
      const unsigned char* end = p + frame->size();
      uint64_t id = 0;
      bool error = false;
      bool welcome = false;
      while (p < end) {
        uint64_t tag = 0, n = 0;
        if (!get_varint(p, end, tag))
          break;
        if ((tag & 7) == 0) {
          get_varint(p, end, n);
          if (tag >> 3 == 1)
            id = n;
        } else if ((tag & 7) == 2) {
          get_varint(p, end, n);
          auto field = tag >> 3;
          if (field == 3)
            welcome = true;
          if (field == 6)
            error = true;
          if (field == 5 && n > 0 && *p == 0x0A)  // Response.error
            error = true;
          p += n;
        } else {
          break;
        }
      }
      if (welcome) {
        c.greeted = true;
        continue;
      }
      if (id == 0 || id > c.sent.size()) {
        std::fprintf(stderr, "reply with unknown id %llu\n", static_cast<unsigned long long>(id));
        std::exit(1);
      }
      complete(c, id - 1, error);
    }
    c.in.erase(0, pos);
  }

  void parse_redis(connection& c) {
    size_t pos = 0;
    for (;;) {
      auto eol = c.in.find("\r\n", pos);
      if (eol == std::string::npos)
        break;
      char type = c.in[pos];
      if (type == '$') {
        long n = std::strtol(c.in.c_str() + pos + 1, nullptr, 10);
        size_t need = eol + 2 + (n >= 0 ? static_cast<size_t>(n) + 2 : 0);
        if (c.in.size() < need)
          break;
        pos = need;
        complete(c, c.completed, false);
      } else {
        pos = eol + 2;
        complete(c, c.completed, type == '-');
      }
    }
    c.in.erase(0, pos);
  }

  config cfg_;
  std::string value_;
  std::vector<connection> conns_;
  stats st_;
  std::vector<std::string> traces_;
  std::mt19937_64 rng_{42};
  clock_type::time_point start_, deadline_;
};

} // namespace

int main(int argc, char** argv) {
  config cfg;
  CLI::App app{"state_load: state get/set load against Troupe or Redis"};
  app.add_option("--target", cfg.target)->check(CLI::IsMember({"troupe", "redis"}));
  app.add_option("--host", cfg.host);
  app.add_option("--port", cfg.port);
  app.add_option("--op", cfg.op)->check(CLI::IsMember({"set", "get"}));
  app.add_option("--connections", cfg.connections)->check(CLI::Range(1, 4096));
  app.add_option("--inflight", cfg.inflight)->check(CLI::Range(1, 4096));
  app.add_option("--value-bytes", cfg.value_bytes);
  app.add_option("--keys", cfg.keys)->check(CLI::Range(uint64_t{1}, uint64_t{1} << 40));
  app.add_option("--seconds", cfg.seconds);
  app.add_option("--token", cfg.token);
  app.add_option("--only-partitions", cfg.only_partitions,
                 "Troupe: use trace ids of these partitions only (comma-separated)")
    ->delimiter(',');
  app.add_option("--partitions", cfg.partitions, "The cluster's partition count")
    ->check(CLI::Range(1u, 65535u));
  int64_t trace_for = -1;
  app.add_option("--trace-for-partition", trace_for,
                 "Print the first trace id of this partition and exit (for scripts)");
  CLI11_PARSE(app, argc, argv);
  if (trace_for >= 0) {
    cfg.only_partitions = {static_cast<uint32_t>(trace_for)};
    std::printf("%s\n", trace_ids(cfg).at(0).c_str());
    return 0;
  }

  driver d{cfg};
  auto st = d.run();
  auto ops_per_sec = static_cast<double>(st.ops) / cfg.seconds;
  auto p50 = percentile(st.latencies_us, 0.50);
  auto p99 = percentile(st.latencies_us, 0.99);
  auto p999 = percentile(st.latencies_us, 0.999);
  std::printf("RESULT target=%s op=%s connections=%d inflight=%d value_bytes=%zu ops=%llu "
              "ops_per_sec=%.0f p50_us=%u p99_us=%u p999_us=%u errors=%llu\n",
              cfg.target.c_str(), cfg.op.c_str(), cfg.connections, cfg.inflight,
              cfg.value_bytes, static_cast<unsigned long long>(st.ops), ops_per_sec, p50, p99,
              p999, static_cast<unsigned long long>(st.errors));
  return st.errors == 0 ? 0 : 1;
}
