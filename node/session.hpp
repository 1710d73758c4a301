// The gateway: one acceptor broker owns the listening socket and forks one
// session broker per client connection. Brokers run in CAF's multiplexer
// thread.
//
// A session decodes frames, answers Hello with Welcome (or an error and a
// close), routes each request through the partition router to the actor that
// owns its partition — on this node, or through the owning node's gateway
// (node/partition_call.hpp) — and writes each reply under the request's id as
// soon as it arrives: many requests in flight, replies possibly out of order.
// Requests without a partition (traceIds, items without a group, a stream's
// group list) are sent to every partition and merged.
//
// Subscriptions survive their partition moving or its node going away: the
// session watches the actor that accepted each one; an event consumer is
// subscribed again where its topic now lives, a stream subscription ends
// with an overflow notice (the client re-syncs and subscribes again).
//
// Stream subscriptions: the session numbers them, remembers which group each
// belongs to, and writes the pushes the group actors send it. While it has
// subscriptions it tracks how many bytes are queued for the socket; a push
// that would exceed the backlog limit is dropped, its subscription ends with
// an overflow notice, and the client re-syncs (getGroup) and subscribes
// again. Replies are never dropped; see Limits for a client that does not read them.
//
// Limits (node/connection_guard.hpp): a connection's requests wait while too
// many are in flight or too many reply bytes are queued for it, and it is
// disconnected when its unread input then passes the limit too; idle
// connections close after --idle-timeout-ms; failed Hellos are throttled.
//
// Shutdown: `shutdown_atom` to the acceptor closes the listening socket and
// asks every session to stop reading; a session quits once its in-flight
// requests are answered, and the acceptor replies when all sessions are gone.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <caf/actor.hpp>
#include <caf/atom.hpp>
#include <caf/fwd.hpp>
#include <caf/io/fwd.hpp>

namespace troupe::cluster {
class partition_router;
class raft_driver;
} // namespace troupe::cluster

namespace troupe::actors {
struct node_counters;
class script_monitor;
} // namespace troupe::actors

namespace troupe::protocol {
class acl_users;
class tls_context;
} // namespace troupe::protocol

namespace troupe::storage {
class db;
} // namespace troupe::storage

namespace troupe::node {

class auth_throttle;
class node_metrics;
class resp_config;
class script_cache;
class client_registry;
class function_registry;

using shutdown_atom = caf::atom_constant<caf::atom("shutdown")>;
using port_atom = caf::atom_constant<caf::atom("port")>;

/// A token limited to names starting with `prefix` (--namespace-token).
struct namespace_token {
  std::string prefix;  ///< "<namespace>:"
  std::string token;
};

/// What every session needs; shared read-only.
struct session_context {
  std::shared_ptr<const cluster::partition_router> router;
  std::string node_id;
  std::string cluster_name;
  std::string token;
  /// Tokens that open the client protocol to one namespace only: a
  /// connection that says one may use trace ids, streams, topics and jobs
  /// starting with its prefix ("<namespace>:") and sees only those in lists.
  std::vector<namespace_token> namespace_tokens;
  size_t max_frame_bytes = 0;
  /// Largest frame (client protocol) or command (RESP, with a token)
  /// accepted before Hello/AUTH: what an unauthenticated connection can make
  /// the node hold.
  size_t pre_auth_max_frame_bytes = size_t{64} << 10;
  /// A connection that has not said Hello this long after it opened is
  /// closed; 0: never.
  uint32_t handshake_timeout_ms = 10'000;
  /// Connections one port serves at once; more are refused.
  size_t max_connections = 10'000;
  /// A connection's requests wait while this many are unanswered...
  size_t max_requests_in_flight = 4096;
  /// ...or this many reply bytes are queued for it; past this many unread
  /// request bytes while they wait, it is disconnected.
  size_t max_reply_buffer_bytes = size_t{32} << 20;
  /// A connection with nothing in flight and no subscription is closed
  /// after this long without a request; 0: never.
  uint32_t idle_timeout_ms = 0;
  /// Failed token attempts, shared by both doors.
  std::shared_ptr<auth_throttle> auth;
  /// Set: both doors speak TLS only (--tls-cert, --tls-key, --tls-ca).
  std::shared_ptr<const protocol::tls_context> tls;
  /// The partition actors' key and value limits (RESP checks MSET against
  /// them before splitting it, so a refused MSET changes nothing).
  size_t max_key_bytes = 1024;
  size_t max_value_bytes = size_t{8} << 20;
  /// Outbound bytes a connection may have queued before its subscriptions
  /// overflow.
  size_t max_subscriber_backlog_bytes = size_t{8} << 20;
  actors::node_counters* counters = nullptr;
  /// The node's manual clock (ms), when it runs one (--manual-clock).
  std::atomic<int64_t>* manual_clock = nullptr;
  /// The node's pub/sub hub (RESP PUBLISH/SUBSCRIBE).
  caf::actor channel_hub;
  /// The node's cluster member (status, drain).
  caf::actor member;
  /// Scripts loaded by SCRIPT LOAD and EVAL (RESP), by digest.
  std::shared_ptr<script_cache> scripts;
  /// Function libraries loaded by FUNCTION LOAD (RESP), stored in the db.
  std::shared_ptr<function_registry> functions;
  /// The RESP door's users and their permissions (ACL, AUTH user pass).
  std::shared_ptr<protocol::acl_users> acl;
  /// The node's RESP connections (CLIENT LIST, KILL, UNBLOCK).
  std::shared_ptr<client_registry> resp_clients;
  /// What RESP's CONFIG GET and CONFIG SET see.
  std::shared_ptr<resp_config> resp_settings;
  /// The node's running scripts (SCRIPT KILL).
  actors::script_monitor* script_monitor = nullptr;
  /// Request counts and latencies (the admin door's /metrics).
  std::shared_ptr<node_metrics> metrics;
  /// The node's database, for the figures /metrics and INFO report.
  const storage::db* db = nullptr;
  /// The Raft driver of a replicated node (its figures for /metrics).
  std::shared_ptr<const cluster::raft_driver> raft;
  /// When the node started (INFO's uptime).
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  /// The durability mode's name (INFO persistence).
  std::string durability;
  /// Partitions each replicated on this many members (INFO replication).
  uint32_t replication_factor = 1;
};

/// Compares a presented token with the node's in constant time.
bool tokens_equal(const std::string& given, const std::string& token);

/// Forks a session of the client protocol for `hdl` from the acceptor.
caf::actor fork_client_session(caf::io::broker* acceptor, caf::io::connection_handle hdl,
                               std::shared_ptr<const session_context> ctx);

/// What a client of the client protocol reads before its connection is
/// closed for ctx.max_connections: an UNAVAILABLE error frame.
std::string client_refusal(const session_context& ctx);

/// How an acceptor turns a new connection into a session.
using session_forker = caf::actor (*)(caf::io::broker*, caf::io::connection_handle,
                                      std::shared_ptr<const session_context>);

/// One listening port: how its sessions start, and the bytes written to a
/// connection refused because ctx.max_connections are open.
struct door {
  session_forker fork;
  std::string refusal;
};

/// Spawns an acceptor listening on host:port (port 0: any free port) that
/// forks a session with `d.fork` for each connection, up to
/// ctx.max_connections at once. Ask it `port_atom` for the bound port; it
/// fails with an error when it could not bind.
caf::actor spawn_acceptor(caf::actor_system& sys,
                          std::shared_ptr<const session_context> ctx,
                          const std::string& host, uint16_t port, door d);

} // namespace troupe::node
