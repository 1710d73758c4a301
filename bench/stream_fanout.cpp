// stream_fanout: stream set with many subscribers on the group, against
// Troupe (StreamSet + StreamSubscribe) or Redis (what Motia's Redis streams
// adapter does: HSET + PUBLISH, subscribers on SUBSCRIBE).
//
//   stream_fanout --target troupe|redis --port P [--subscribers 100]
//                 [--writers 4] [--inflight 1] [--value-bytes 100] [--seconds 5]
//
// One epoll thread drives every connection. Each written item carries its
// send time ("t", ns); every subscriber measures set -> event-received
// latency from it. Prints one line:
//   RESULT target=... sets_per_sec=... events_per_sec=... event_p50_us=...
//          event_p99_us=... set_p50_us=... set_p99_us=...
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
  std::string target = "troupe";
  std::string host = "127.0.0.1";
  uint16_t port = 7379;
  int subscribers = 100;
  int writers = 4;
  int inflight = 1;
  size_t value_bytes = 100;
  double seconds = 5;
};

const std::string stream_name = "bench";
const std::string group_name = "g";
const std::string redis_channel = "motia:stream:events:bench:g";
const std::string redis_hash = "motia:stream:bench:group:g";

struct conn {
  int fd = -1;
  bool writer = false;
  bool ready = false;
  std::string in;
  size_t frames = 0;                  // Troupe frames seen (subscribers: setup)
  std::vector<int64_t> sent;          // writer: send times, FIFO
  size_t done = 0;                    // writer: completed ops
  int replies_pending = 0;            // redis writer: replies of the current op
};

class driver {
public:
  explicit driver(config cfg) : cfg_(std::move(cfg)) {
    pad_.assign(cfg_.value_bytes > 40 ? cfg_.value_bytes - 40 : 1, 'x');
  }

  void run() {
    ep_ = epoll_create1(0);
    for (int i = 0; i < cfg_.subscribers; ++i)
      add(false);
    for (int i = 0; i < cfg_.writers; ++i)
      add(true);
    for (auto& c : conns_)
      setup(c);
    // Wait until every subscription is in place.
    while (!all_subscribed())
      poll_once();
    start_ = clock_type::now();
    deadline_ = start_ + std::chrono::duration_cast<clock_type::duration>(
                           std::chrono::duration<double>(cfg_.seconds));
    for (auto& c : conns_)
      if (c.writer)
        fill(c);
    while (clock_type::now() < deadline_)
      poll_once();
    double secs = cfg_.seconds;
    std::printf("RESULT target=%s subscribers=%d writers=%d inflight=%d value_bytes=%zu "
                "sets=%zu sets_per_sec=%.0f events=%zu events_per_sec=%.0f event_p50_us=%u "
                "event_p99_us=%u set_p50_us=%u set_p99_us=%u\n",
                cfg_.target.c_str(), cfg_.subscribers, cfg_.writers, cfg_.inflight,
                cfg_.value_bytes, set_latency_.size(), static_cast<double>(set_latency_.size()) / secs,
                event_latency_.size(), static_cast<double>(event_latency_.size()) / secs,
                percentile(event_latency_, 0.5), percentile(event_latency_, 0.99),
                percentile(set_latency_, 0.5), percentile(set_latency_, 0.99));
  }

private:
  bool troupe() const { return cfg_.target == "troupe"; }

  void add(bool writer) {
    conn c;
    c.fd = dial(cfg_.host, cfg_.port);
    c.writer = writer;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = conns_.size();
    epoll_ctl(ep_, EPOLL_CTL_ADD, c.fd, &ev);
    conns_.push_back(std::move(c));
  }

  void setup(conn& c) {
    if (troupe()) {
      std::string out = troupe_hello("");
      if (!c.writer) {
        std::string sub;
        put_bytes_field(sub, 1, stream_name);
        put_bytes_field(sub, 2, group_name);
        out += request_frame(1, 37, sub);
      }
      write_all(c.fd, out);
    } else if (!c.writer) {
      write_all(c.fd, resp_command({"SUBSCRIBE", redis_channel}));
    }
    c.ready = c.writer;  // writers start once subscribers are in place
  }

  bool all_subscribed() const {
    for (auto& c : conns_)
      if (!c.writer && !c.ready)
        return false;
    return true;
  }

  std::string item_json() {
    return R"({"t":)" + std::to_string(now_ns()) + R"(,"pad":")" + pad_ + "\"}";
  }

  void fill(conn& c) {
    if (clock_type::now() >= deadline_)
      return;
    std::string out;
    while (c.sent.size() - c.done < static_cast<size_t>(cfg_.inflight)) {
      auto id = "item-" + std::to_string(next_item_++ % 100);
      auto data = item_json();
      if (troupe()) {
        std::string set;
        put_bytes_field(set, 1, stream_name);
        put_bytes_field(set, 2, group_name);
        put_bytes_field(set, 3, id);
        put_bytes_field(set, 4, data);
        out += request_frame(c.sent.size() + 1, 31, set);
      } else {
        // Motia's Redis adapter: HSET the item, PUBLISH {type, data}.
        out += resp_command({"HSET", redis_hash, id, data});
        out += resp_command({"PUBLISH", redis_channel, R"({"type":"update","data":)" + data + "}"});
      }
      c.sent.push_back(now_ns());
    }
    if (!out.empty())
      write_all(c.fd, out);
  }

  void poll_once() {
    epoll_event events[256];
    int n = epoll_wait(ep_, events, 256, 100);
    char buf[256 * 1024];
    for (int e = 0; e < n; ++e) {
      auto& c = conns_[events[e].data.u64];
      auto k = read(c.fd, buf, sizeof(buf));
      if (k <= 0) {
        std::fprintf(stderr, "connection closed by server\n");
        std::exit(1);
      }
      c.in.append(buf, static_cast<size_t>(k));
      c.writer ? on_writer_data(c) : on_subscriber_data(c);
    }
  }

  void complete_op(conn& c) {
    auto t = c.sent[c.done++];
    set_latency_.push_back(static_cast<uint32_t>((now_ns() - t) / 1000));
  }

  void on_writer_data(conn& c) {
    size_t pos = 0;
    if (troupe()) {
      while (next_frame(c.in, pos)) {
        if (++c.frames > 1)  // the first frame is Welcome
          complete_op(c);
      }
    } else {
      for (auto eol = c.in.find("\r\n", pos); eol != std::string::npos;
           eol = c.in.find("\r\n", pos)) {
        pos = eol + 2;
        if (++c.replies_pending == 2) {  // HSET and PUBLISH answered
          c.replies_pending = 0;
          complete_op(c);
        }
      }
    }
    c.in.erase(0, pos);
    fill(c);
  }

  void on_subscriber_data(conn& c) {
    if (!c.ready) {
      // Troupe: Welcome, then the subscribe reply. Redis: the subscribe ack.
      if (troupe()) {
        size_t pos = 0;
        while (c.frames < 2 && next_frame(c.in, pos))
          ++c.frames;
        c.in.erase(0, pos);
        c.ready = c.frames == 2;
      } else if (c.in.find("subscribe") != std::string::npos && c.in.find(":1\r\n") != std::string::npos) {
        c.in.clear();
        c.ready = true;
      }
      return;
    }
    // Every event carries exactly one `"t":<ns>`; scan for it, keeping a
    // tail in case a marker straddles two reads.
    static const std::string marker = "\"t\":";
    size_t pos = 0;
    auto now = now_ns();
    for (auto at = c.in.find(marker, pos); at != std::string::npos; at = c.in.find(marker, pos)) {
      auto digits = at + marker.size();
      auto end = c.in.find_first_not_of("0123456789", digits);
      if (end == std::string::npos)
        break;  // incomplete number: wait for more
      auto t = std::strtoll(c.in.c_str() + digits, nullptr, 10);
      event_latency_.push_back(static_cast<uint32_t>((now - t) / 1000));
      pos = end;
    }
    if (pos > 0)
      c.in.erase(0, pos);
    else if (c.in.size() > 64)
      c.in.erase(0, c.in.size() - 64);
  }

  config cfg_;
  std::string pad_;
  int ep_ = -1;
  std::vector<conn> conns_;
  std::vector<uint32_t> set_latency_;
  std::vector<uint32_t> event_latency_;
  uint64_t next_item_ = 0;
  clock_type::time_point start_, deadline_;
};

} // namespace

int main(int argc, char** argv) {
  config cfg;
  CLI::App app{"stream_fanout: stream set with many subscribers, Troupe or Redis"};
  app.add_option("--target", cfg.target)->check(CLI::IsMember({"troupe", "redis"}));
  app.add_option("--host", cfg.host);
  app.add_option("--port", cfg.port)->required();
  app.add_option("--subscribers", cfg.subscribers)->check(CLI::Range(1, 10000));
  app.add_option("--writers", cfg.writers)->check(CLI::Range(1, 1000));
  app.add_option("--inflight", cfg.inflight)->check(CLI::Range(1, 1000));
  app.add_option("--value-bytes", cfg.value_bytes);
  app.add_option("--seconds", cfg.seconds);
  CLI11_PARSE(app, argc, argv);
  driver{cfg}.run();
  return 0;
}
