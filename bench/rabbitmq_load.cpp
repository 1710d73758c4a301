// rabbitmq_load: the events_load workload over AMQP 0-9-1 (RabbitMQ, or
// troupe-node's AMQP door), configured as a durable broker: a durable queue,
// persistent messages, publisher confirms (an emit counts once confirmed),
// manual acks, prefetch = concurrency.
//
//   rabbitmq_load --port P [--producers 1] [--consumers 2] [--inflight 32]
//                 [--concurrency 32] [--rate 0] [--seconds 5] [--value-bytes 100]
//                 [--target rabbitmq]
//
// Prints the same RESULT line as events_load (target= the --target name).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <CLI/CLI.hpp>

#include "bench/wire.hpp"

namespace {

using namespace troupe::bench;
using clock_type = std::chrono::steady_clock;

struct config {
  std::string host = "127.0.0.1";
  int port = 5672;
  int producers = 1;
  int consumers = 2;
  int inflight = 32;
  int concurrency = 32;
  double rate = 0;
  double seconds = 5;
  size_t value_bytes = 100;
  std::string queue = "bench.events";
  std::string target = "rabbitmq";
};

void check(amqp_rpc_reply_t r, const char* what) {
  if (r.reply_type != AMQP_RESPONSE_NORMAL) {
    std::fprintf(stderr, "amqp: %s failed\n", what);
    std::exit(1);
  }
}

amqp_connection_state_t open_channel(const config& cfg) {
  auto conn = amqp_new_connection();
  auto* sock = amqp_tcp_socket_new(conn);
  if (amqp_socket_open(sock, cfg.host.c_str(), cfg.port) != AMQP_STATUS_OK) {
    std::fprintf(stderr, "amqp: cannot connect\n");
    std::exit(1);
  }
  check(amqp_login(conn, "/", 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, "guest", "guest"), "login");
  amqp_channel_open(conn, 1);
  check(amqp_get_rpc_reply(conn), "channel.open");
  amqp_queue_declare(conn, 1, amqp_cstring_bytes(cfg.queue.c_str()), 0, 1, 0, 0, amqp_empty_table);
  check(amqp_get_rpc_reply(conn), "queue.declare");
  return conn;
}

std::atomic<bool> running{true};
std::atomic<uint64_t> emitted{0};
std::atomic<uint64_t> handled{0};
std::mutex latency_mtx;
std::vector<uint32_t> latencies;
clock_type::time_point start;

void producer(const config& cfg) {
  auto conn = open_channel(cfg);
  amqp_confirm_select(conn, 1);
  check(amqp_get_rpc_reply(conn), "confirm.select");
  std::string pad(cfg.value_bytes > 40 ? cfg.value_bytes - 40 : 1, 'x');
  amqp_basic_properties_t props;
  props._flags = AMQP_BASIC_DELIVERY_MODE_FLAG;
  props.delivery_mode = 2;  // persistent
  uint64_t published = 0, confirmed = 0;
  while (running) {
    while (published - confirmed < static_cast<uint64_t>(cfg.inflight)) {
      if (cfg.rate > 0) {
        auto elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
        if (static_cast<double>(published) >= elapsed * cfg.rate / cfg.producers)
          break;
      }
      auto body = R"({"t":)" + std::to_string(now_ns()) + R"(,"pad":")" + pad + "\"}";
      amqp_basic_publish(conn, 1, amqp_empty_bytes, amqp_cstring_bytes(cfg.queue.c_str()), 0, 0,
                         &props, amqp_cstring_bytes(body.c_str()));
      ++published;
    }
    if (published == confirmed) {
      std::this_thread::sleep_for(std::chrono::microseconds{100});  // rate limit pacing
      continue;
    }
    amqp_frame_t frame;
    timeval tv{0, 100000};
    if (amqp_simple_wait_frame_noblock(conn, &frame, &tv) != AMQP_STATUS_OK)
      continue;
    if (frame.frame_type == AMQP_FRAME_METHOD && frame.payload.method.id == AMQP_BASIC_ACK_METHOD) {
      auto* ack = static_cast<amqp_basic_ack_t*>(frame.payload.method.decoded);
      auto upto = ack->delivery_tag;
      auto before = confirmed;
      confirmed = ack->multiple ? upto : std::max(confirmed, upto);
      emitted += confirmed - before;
    }
  }
  amqp_connection_close(conn, AMQP_REPLY_SUCCESS);
  amqp_destroy_connection(conn);
}

void consumer(const config& cfg) {
  auto conn = open_channel(cfg);
  amqp_basic_qos(conn, 1, 0, static_cast<uint16_t>(cfg.concurrency), 0);
  check(amqp_get_rpc_reply(conn), "basic.qos");
  amqp_basic_consume(conn, 1, amqp_cstring_bytes(cfg.queue.c_str()), amqp_empty_bytes, 0, 0, 0,
                     amqp_empty_table);
  check(amqp_get_rpc_reply(conn), "basic.consume");
  std::vector<uint32_t> mine;
  while (running) {
    amqp_maybe_release_buffers(conn);
    amqp_envelope_t env;
    timeval tv{0, 100000};
    auto r = amqp_consume_message(conn, &env, &tv, 0);
    if (r.reply_type != AMQP_RESPONSE_NORMAL)
      continue;
    std::string body{static_cast<char*>(env.message.body.bytes), env.message.body.len};
    auto at = body.find("\"t\":");
    if (at != std::string::npos)
      mine.push_back(static_cast<uint32_t>(
        (now_ns() - std::strtoll(body.c_str() + at + 4, nullptr, 10)) / 1000));
    amqp_basic_ack(conn, 1, env.delivery_tag, 0);
    amqp_destroy_envelope(&env);
    ++handled;
  }
  std::lock_guard<std::mutex> guard{latency_mtx};
  latencies.insert(latencies.end(), mine.begin(), mine.end());
}

} // namespace

int main(int argc, char** argv) {
  config cfg;
  CLI::App app{"rabbitmq_load: publish (confirmed) -> consume -> ack over AMQP 0-9-1"};
  app.add_option("--host", cfg.host);
  app.add_option("--port", cfg.port)->required();
  app.add_option("--producers", cfg.producers);
  app.add_option("--consumers", cfg.consumers);
  app.add_option("--inflight", cfg.inflight);
  app.add_option("--concurrency", cfg.concurrency);
  app.add_option("--rate", cfg.rate, "Publishes per second (0: unlimited)");
  app.add_option("--seconds", cfg.seconds);
  app.add_option("--value-bytes", cfg.value_bytes);
  app.add_option("--queue", cfg.queue);
  app.add_option("--target", cfg.target, "The name printed in the RESULT line");
  CLI11_PARSE(app, argc, argv);
  start = clock_type::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < cfg.consumers; ++i)
    threads.emplace_back([&] { consumer(cfg); });
  for (int i = 0; i < cfg.producers; ++i)
    threads.emplace_back([&] { producer(cfg); });
  std::this_thread::sleep_for(std::chrono::duration<double>(cfg.seconds));
  running = false;
  auto h = handled.load();
  auto e = emitted.load();
  for (auto& t : threads)
    t.join();
  std::printf("RESULT target=%s producers=%d consumers=%d inflight=%d concurrency=%d "
              "rate=%.0f emitted=%llu emitted_per_sec=%.0f handled=%llu handled_per_sec=%.0f "
              "deliver_p50_us=%u deliver_p99_us=%u\n",
              cfg.target.c_str(), cfg.producers, cfg.consumers, cfg.inflight, cfg.concurrency, cfg.rate,
              static_cast<unsigned long long>(e), static_cast<double>(e) / cfg.seconds,
              static_cast<unsigned long long>(h), static_cast<double>(h) / cfg.seconds,
              percentile(latencies, 0.5), percentile(latencies, 0.99));
  return 0;
}
