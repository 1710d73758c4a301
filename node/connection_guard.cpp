#include "node/connection_guard.hpp"

#include <algorithm>

#include <sys/socket.h>

#include <caf/event_based_actor.hpp>
#include <caf/io/broker.hpp>
#include <spdlog/spdlog.h>

#include "actors/node_counters.hpp"
#include "node/session.hpp"

namespace troupe::node {

namespace {

/// Failures a peer may make before its answers are delayed (typos).
constexpr uint32_t free_failures = 3;
/// A peer without a failure this long starts counting again.
constexpr auto forget_after = std::chrono::minutes{1};
constexpr auto delay_step = std::chrono::milliseconds{250};
constexpr auto max_delay = std::chrono::milliseconds{10'000};
/// Unread request bytes of a connection that reads its replies but sends
/// faster than its requests are served (Redis's client-query-buffer-limit).
constexpr size_t max_query_buffer_bytes = size_t{1} << 30;
/// Peers remembered at most; past it, those quiet longest are forgotten.
constexpr size_t max_peers = 65'536;

} // namespace

void report_queued(actors::node_counters* counters, uint64_t queued, uint64_t& reported) {
  if (counters != nullptr && queued != reported)
    counters->queued_output_bytes += static_cast<int64_t>(queued) - static_cast<int64_t>(reported);
  reported = queued;
}

bool requests_held(const session_context& ctx, size_t in_flight, uint64_t queued) {
  return in_flight >= ctx.max_requests_in_flight || queued >= ctx.max_reply_buffer_bytes;
}

bool drop_if_overflowing(caf::io::abstract_broker* self, caf::io::connection_handle hdl,
                         const session_context& ctx, size_t buffered, uint64_t queued) {
  bool unread = queued >= ctx.max_reply_buffer_bytes;
  auto limit = unread ? std::max(ctx.max_reply_buffer_bytes, ctx.max_frame_bytes)
                      : max_query_buffer_bytes;
  if (buffered <= limit)
    return false;
  // CAF 0.17's default multiplexer names a connection by its socket. Closing
  // through CAF alone would keep the socket, and every byte queued on it,
  // until the peer reads them: shut it down first, so the pending write
  // fails and CAF releases both; SO_LINGER 0 makes the close a reset.
  auto fd = static_cast<int>(hdl.id());
  linger off{1, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &off, sizeof(off));
  ::shutdown(fd, SHUT_RDWR);
  spdlog::warn("closing the connection from {}: {} unread request bytes {}", self->remote_addr(hdl),
               buffered,
               unread ? "while its replies are not read (--max-reply-buffer-bytes)"
                      : "(more than 1 GiB)");
  self->close(hdl);
  return true;
}

std::chrono::milliseconds auth_throttle::failed(const std::string& peer, const char* door) {
  auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> guard{mu_};
  ++failures_;
  ++unlogged_;
  if (now - last_log_ >= std::chrono::seconds{1}) {
    spdlog::warn("{} failed authentication attempt(s) since the last report, latest from {} "
                 "({})",
                 unlogged_, peer, door);
    unlogged_ = 0;
    last_log_ = now;
  }
  if (peers_.size() >= max_peers)
    std::erase_if(peers_, [&](const auto& kv) { return now - kv.second.last > forget_after; });
  if (peers_.size() >= max_peers)
    peers_.clear();
  auto& rec = peers_[peer];
  if (now - rec.last > forget_after)
    rec.count = 0;
  rec.last = now;
  ++rec.count;
  if (rec.count <= free_failures)
    return std::chrono::milliseconds{0};
  return std::min<std::chrono::milliseconds>(delay_step * (rec.count - free_failures), max_delay);
}

uint64_t auth_throttle::failures() const {
  std::lock_guard<std::mutex> guard{mu_};
  return failures_;
}

void spawn_deadline_ticker(caf::io::abstract_broker* acceptor, std::chrono::milliseconds period) {
  auto target = caf::actor_cast<caf::actor>(acceptor);
  acceptor->spawn([target, period](caf::event_based_actor* self) -> caf::behavior {
    // Ends with the acceptor, however it ends (a link would outlive a
    // normal exit and keep the actor system waiting for it).
    self->monitor(target);
    self->set_down_handler([self](caf::down_msg&) { self->quit(); });
    self->delayed_send(self, period, deadlines_atom::value);
    return {
      [=](deadlines_atom) {
        self->send(target, deadlines_atom::value);
        self->delayed_send(self, period, deadlines_atom::value);
      },
    };
  });
}

connection_clock::connection_clock(uint32_t handshake_timeout_ms, uint32_t idle_timeout_ms)
  : handshake_(handshake_timeout_ms), idle_(idle_timeout_ms) {}

connection_clock::due connection_clock::check(bool greeted, bool busy) {
  auto now = std::chrono::steady_clock::now();
  if (!greeted && handshake_.count() > 0 && now - opened_ >= handshake_)
    return due::handshake;
  if (busy)
    last_activity_ = now;
  else if (idle_.count() > 0 && now - last_activity_ >= idle_)
    return due::idle;
  return due::nothing;
}

std::chrono::milliseconds connection_clock::tick() const {
  std::chrono::milliseconds shortest{1000};
  for (auto t : {handshake_, idle_})
    if (t.count() > 0)
      shortest = std::min(shortest, t / 4);
  return std::max(shortest, std::chrono::milliseconds{10});
}

} // namespace troupe::node
