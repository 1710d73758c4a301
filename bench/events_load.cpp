// events_load: emit -> deliver -> ack through Troupe's event queues.
//
//   events_load --port P [--producers 1] [--consumers 2] [--inflight 32]
//               [--concurrency 32] [--rate 0] [--seconds 5] [--value-bytes 100]
//
// One epoll thread drives every connection. Producers keep `inflight` emits
// unacknowledged (an emit's reply means it is durable); consumers subscribe
// the step with `concurrency` credit and ack each delivery at once. Each event
// carries its emit time; the consumer measures emit -> delivery latency.
// --rate caps emits per second (0: as fast as acknowledgements allow).
// Prints: RESULT target=troupe handled=... handled_per_sec=... emitted_per_sec=...
//         deliver_p50_us=... deliver_p99_us=...
#include <chrono>
#include <cstring>
#include <string>
#include <sys/epoll.h>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/wire.hpp"

namespace {

using namespace troupe::bench;
using clock_type = std::chrono::steady_clock;

struct config {
  std::string host = "127.0.0.1";
  uint16_t port = 7379;
  int producers = 1;
  int consumers = 2;
  int inflight = 32;
  int concurrency = 32;
  double rate = 0;
  double seconds = 5;
  size_t value_bytes = 100;
  std::string topic = "bench.events";
};

/// Reads the bytes field `field` of a protobuf message; empty if absent.
std::string_view bytes_field(std::string_view msg, uint64_t field) {
  auto* p = reinterpret_cast<const unsigned char*>(msg.data());
  auto* end = p + msg.size();
  while (p < end) {
    uint64_t tag = 0, n = 0;
    if (!get_varint(p, end, tag))
      break;
    switch (tag & 7) {
      case 0:
        get_varint(p, end, n);
        break;
      case 2:
        get_varint(p, end, n);
        if (tag >> 3 == field)
          return {reinterpret_cast<const char*>(p), static_cast<size_t>(n)};
        p += n;
        break;
      case 1:
        p += 8;
        break;
      case 5:
        p += 4;
        break;
      default:
        return {};
    }
  }
  return {};
}

uint64_t varint_field(std::string_view msg, uint64_t field) {
  auto* p = reinterpret_cast<const unsigned char*>(msg.data());
  auto* end = p + msg.size();
  while (p < end) {
    uint64_t tag = 0, n = 0;
    if (!get_varint(p, end, tag))
      break;
    if ((tag & 7) == 0) {
      get_varint(p, end, n);
      if (tag >> 3 == field)
        return n;
    } else if ((tag & 7) == 2) {
      get_varint(p, end, n);
      p += n;
    } else {
      break;
    }
  }
  return 0;
}

struct conn {
  int fd = -1;
  bool producer = false;
  bool ready = false;
  std::string in;
  uint64_t next_id = 1;
  uint64_t outstanding = 0;  // producer: emits awaiting their reply
  uint64_t subscription = 0;
};

class driver {
public:
  explicit driver(config cfg) : cfg_(std::move(cfg)) {
    pad_.assign(cfg_.value_bytes > 40 ? cfg_.value_bytes - 40 : 1, 'x');
  }

  void run() {
    ep_ = epoll_create1(0);
    for (int i = 0; i < cfg_.consumers; ++i)
      add(false);
    for (int i = 0; i < cfg_.producers; ++i)
      add(true);
    while (!consumers_ready())
      poll_once();
    start_ = clock_type::now();
    deadline_ = start_ + std::chrono::duration_cast<clock_type::duration>(
                           std::chrono::duration<double>(cfg_.seconds));
    while (clock_type::now() < deadline_) {
      for (auto& c : conns_)
        if (c.producer)
          produce(c);
      poll_once();
    }
    auto secs = cfg_.seconds;
    std::printf("RESULT target=troupe producers=%d consumers=%d inflight=%d concurrency=%d "
                "rate=%.0f emitted=%llu emitted_per_sec=%.0f handled=%zu handled_per_sec=%.0f "
                "deliver_p50_us=%u deliver_p99_us=%u\n",
                cfg_.producers, cfg_.consumers, cfg_.inflight, cfg_.concurrency, cfg_.rate,
                static_cast<unsigned long long>(emitted_), static_cast<double>(emitted_) / secs,
                latency_.size(), static_cast<double>(latency_.size()) / secs,
                percentile(latency_, 0.5), percentile(latency_, 0.99));
  }

private:
  void add(bool producer) {
    conn c;
    c.fd = dial(cfg_.host, cfg_.port);
    c.producer = producer;
    std::string out = troupe_hello("");
    if (!producer) {
      std::string qc;
      put_bytes_field(qc, 1, "standard");
      qc.push_back(0x10);  // max_retries = 3
      put_varint(qc, 3);
      qc.push_back(0x18);  // visibility_timeout_ms
      put_varint(qc, 60000);
      qc.push_back(0x28);  // concurrency
      put_varint(qc, static_cast<uint64_t>(cfg_.concurrency));
      std::string sub;
      put_bytes_field(sub, 1, cfg_.topic);
      put_bytes_field(sub, 2, "bench-step");
      put_bytes_field(sub, 3, qc);
      out += request_frame(c.next_id++, 62, sub);
    }
    write_all(c.fd, out);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = conns_.size();
    epoll_ctl(ep_, EPOLL_CTL_ADD, c.fd, &ev);
    conns_.push_back(std::move(c));
  }

  bool consumers_ready() const {
    for (auto& c : conns_)
      if (!c.producer && !c.ready)
        return false;
    return true;
  }

  void produce(conn& c) {
    if (!c.ready || clock_type::now() >= deadline_)
      return;
    std::string out;
    while (c.outstanding < static_cast<uint64_t>(cfg_.inflight)) {
      if (cfg_.rate > 0) {
        auto elapsed = std::chrono::duration<double>(clock_type::now() - start_).count();
        if (static_cast<double>(emitted_ + sent_unacked()) >= elapsed * cfg_.rate)
          break;
      }
      std::string entry;
      put_bytes_field(entry, 1, R"({"t":)" + std::to_string(now_ns()) + R"(,"pad":")" + pad_ + "\"}");
      std::string emit;
      put_bytes_field(emit, 1, cfg_.topic);
      put_bytes_field(emit, 2, entry);
      out += request_frame(c.next_id++, 60, emit);
      ++c.outstanding;
    }
    if (!out.empty())
      write_all(c.fd, out);
  }

  uint64_t sent_unacked() const {
    uint64_t n = 0;
    for (auto& c : conns_)
      if (c.producer)
        n += c.outstanding;
    return n;
  }

  void poll_once() {
    epoll_event events[64];
    int n = epoll_wait(ep_, events, 64, 1);
    char buf[256 * 1024];
    for (int e = 0; e < n; ++e) {
      auto& c = conns_[events[e].data.u64];
      auto k = read(c.fd, buf, sizeof(buf));
      if (k <= 0) {
        std::fprintf(stderr, "connection closed by server\n");
        std::exit(1);
      }
      c.in.append(buf, static_cast<size_t>(k));
      on_data(c);
    }
  }

  void on_data(conn& c) {
    size_t pos = 0;
    std::string acks;
    while (auto next = next_frame(c.in, pos)) {
      auto f = *next;
      if (!bytes_field(f, 3).empty() || (c.producer && !c.ready)) {  // Welcome
        c.ready = c.ready || c.producer;
        continue;
      }
      auto push = bytes_field(f, 7);
      if (!push.empty()) {
        auto delivery = bytes_field(push, 4);
        auto data = bytes_field(delivery, 4);
        auto at = data.find("\"t\":");
        if (at != std::string_view::npos)
          latency_.push_back(static_cast<uint32_t>(
            (now_ns() - std::strtoll(std::string{data.substr(at + 4, 20)}.c_str(), nullptr, 10))
            / 1000));
        std::string ack;
        put_varint(ack, 0);
        ack.clear();
        ack.push_back(0x08);
        put_varint(ack, varint_field(push, 1));
        put_bytes_field(ack, 2, std::string{bytes_field(delivery, 1)});
        acks += request_frame(c.next_id++, 64, ack);
        continue;
      }
      auto response = bytes_field(f, 5);
      if (!c.producer) {
        if (!c.ready) {
          c.subscription = varint_field(bytes_field(response, 13), 1);
          c.ready = true;
        }
        continue;  // ack replies
      }
      if (!bytes_field(response, 1).empty()) {
        std::fprintf(stderr, "emit failed\n");
        std::exit(1);
      }
      --c.outstanding;
      ++emitted_;
    }
    c.in.erase(0, pos);
    if (!acks.empty())
      write_all(c.fd, acks);
  }

  config cfg_;
  std::string pad_;
  int ep_ = -1;
  std::vector<conn> conns_;
  std::vector<uint32_t> latency_;
  uint64_t emitted_ = 0;
  clock_type::time_point start_, deadline_;
};

} // namespace

int main(int argc, char** argv) {
  config cfg;
  CLI::App app{"events_load: emit -> deliver -> ack through Troupe"};
  app.add_option("--host", cfg.host);
  app.add_option("--port", cfg.port)->required();
  app.add_option("--producers", cfg.producers);
  app.add_option("--consumers", cfg.consumers);
  app.add_option("--inflight", cfg.inflight);
  app.add_option("--concurrency", cfg.concurrency);
  app.add_option("--rate", cfg.rate, "Emits per second (0: unlimited)");
  app.add_option("--seconds", cfg.seconds);
  app.add_option("--value-bytes", cfg.value_bytes);
  app.add_option("--topic", cfg.topic);
  CLI11_PARSE(app, argc, argv);
  driver{cfg}.run();
  return 0;
}
