// What one connection may make the node hold, and how the node lets go of a
// connection that holds more. Shared by the client-protocol and RESP
// sessions; internal to node/.
//
// Replies: a session stops taking requests from its buffered input while
// too many are in flight or too many reply bytes wait for the client to read
// them; it goes on reading, and a connection that does not read its replies
// is disconnected once its unread requests pass the same byte limit
// (Redis's output buffer and query buffer limits, in one rule). Memory per
// connection that does not read stays below about twice the limit. (CAF
// 0.17's broker cannot pause and resume a socket's reads reliably, so a
// client that reads but outpaces the node is bounded by the 1 GiB query
// buffer limit instead of by TCP.)
//
// Authentication: every failed token attempt is counted per peer address;
// past a few, each further failure is answered only after a delay that grows
// with the count (at most 10 s), and failures are logged at most once a
// second.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include <caf/atom.hpp>
#include <caf/fwd.hpp>
#include <caf/io/fwd.hpp>

namespace troupe::actors {
struct node_counters;
} // namespace troupe::actors

namespace troupe::node {

struct session_context;

/// Brings the node's count of reply bytes queued unsent
/// (node_counters::queued_output_bytes) from this connection's last
/// reported figure, `reported`, to `queued`. Sessions call it whenever
/// `queued` changed, and with 0 when they end.
void report_queued(actors::node_counters* counters, uint64_t queued, uint64_t& reported);

/// True while a connection's buffered requests must wait: `in_flight`
/// requests are unanswered or `queued` reply bytes are not yet sent.
bool requests_held(const session_context& ctx, size_t in_flight, uint64_t queued);

/// Disconnects `hdl` at once, dropping whatever is queued for it (the peer
/// sees a reset), when its `buffered` unread request bytes are more than it
/// may hold with `queued` reply bytes unsent; true when it did. A client
/// that does not read its replies may leave the reply limit's worth unread;
/// one that reads them but sends faster than it is served, 1 GiB (Redis's
/// query buffer limit).
bool drop_if_overflowing(caf::io::abstract_broker* self, caf::io::connection_handle hdl,
                         const session_context& ctx, size_t buffered, uint64_t queued);

/// Counts failed authentications per peer address; thread-safe.
class auth_throttle {
public:
  /// Records a failure from `peer` (its address) on `door` ("client
  /// protocol", "RESP"); returns how long its answer waits.
  std::chrono::milliseconds failed(const std::string& peer, const char* door);

  /// Failures so far.
  uint64_t failures() const;

private:
  struct peer_record {
    uint32_t count = 0;
    std::chrono::steady_clock::time_point last;
  };
  mutable std::mutex mu_;
  std::unordered_map<std::string, peer_record> peers_;
  uint64_t failures_ = 0;
  uint64_t unlogged_ = 0;
  std::chrono::steady_clock::time_point last_log_;
};

/// A connection's two deadlines: a greeting (Hello, AUTH) within
/// --handshake-timeout-ms of opening, and no idle stretch (nothing received,
/// nothing in flight, no subscription) longer than --idle-timeout-ms; 0 turns
/// either off. Sessions look at it on every read and when their acceptor
/// says so (deadlines_atom, every tick()). Neither a delayed message (it
/// keeps a session that has ended alive until it fires) nor a receive
/// timeout (CAF re-arms it, waking its clock thread, on every message a
/// session handles) is used.
class connection_clock {
public:
  connection_clock(uint32_t handshake_timeout_ms, uint32_t idle_timeout_ms);

  /// Something was received (at `at`).
  void touch(std::chrono::steady_clock::time_point at = std::chrono::steady_clock::now()) {
    last_activity_ = at;
  }
  /// When something was last received.
  std::chrono::steady_clock::time_point last_activity() const { return last_activity_; }

  enum class due { nothing, handshake, idle };
  /// Which deadline has passed: the handshake's while not `greeted`, the
  /// idle one while not `busy` (being busy counts as activity).
  due check(bool greeted, bool busy);

  /// How often to look: a quarter of the shorter timeout, between 10 ms and
  /// 1 s.
  std::chrono::milliseconds tick() const;

private:
  std::chrono::milliseconds handshake_;
  std::chrono::milliseconds idle_;
  std::chrono::steady_clock::time_point opened_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_activity_ = opened_;
};

/// Sent by a door's acceptor to each of its sessions every tick: look at the
/// connection's deadlines (and, AMQP, its heartbeats).
using deadlines_atom = caf::atom_constant<caf::atom("deadlines")>;

/// Spawns the actor that sends `acceptor` a deadlines_atom every `period`
/// until the acceptor ends.
void spawn_deadline_ticker(caf::io::abstract_broker* acceptor, std::chrono::milliseconds period);

} // namespace troupe::node
