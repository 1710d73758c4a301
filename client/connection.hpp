// The C++ client's connection: a CAF broker that speaks the Troupe protocol
// over one TCP connection. Send it a protocol::request_msg and it replies
// with the matching protocol::response_msg; any number of requests may be in
// flight (pipelined). If the connection drops, every pending and later
// request is answered with an UNAVAILABLE error in the Response.
// Pushes of a stream subscription (protocol::push_msg) go to the actor that
// sent the StreamSubscribe request, until it unsubscribes or the
// subscription overflows (the overflow notice is its last push).
//
//   auto conn = client::connect(sys, {"127.0.0.1", 7379});
//   self->request(conn->handle, 5s, protocol::request_msg{req}).then(...);
//
// The broker runs in CAF's multiplexer thread; the handle may be used from
// any actor. Send it an exit message (or drop every handle) to close.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include "protocol/status.hpp"

namespace troupe::client {

struct connect_options {
  std::string host = "127.0.0.1";
  uint16_t port = 7379;
  /// Sent in Hello; required when the node has a token.
  std::string token;
  std::string client_name = "troupe-cpp";
  /// Largest frame accepted from the node, bytes. Default 64 MiB.
  size_t max_frame_bytes = size_t{64} << 20;
  /// Limit for the TCP connect plus Hello/Welcome.
  std::chrono::milliseconds handshake_timeout{10000};
  /// sync_client: send each single-partition request straight to the node
  /// that owns its partition (connecting to it on first use), by the
  /// partition table of Welcome, refreshed every few seconds. Off: every
  /// request goes to this node, which forwards it. Default on.
  bool route_to_owner = true;
  /// sync_client: a request answered UNAVAILABLE (its partition's leader
  /// was lost, a failover is under way) is sent again through this node,
  /// with backoff, until this long has passed; when this node itself is
  /// gone, through another member of the cluster (subscriptions stay with
  /// the lost connection). A write retried so may be applied twice (its
  /// first attempt's outcome was unknown). Default 0: never (UNAVAILABLE is
  /// returned at once).
  std::chrono::milliseconds failover_timeout{0};
  /// Speak TLS (a node started with --tls-cert). The node's certificate
  /// must chain to `tls_ca` (empty: the system's CAs) and name `host`.
  bool tls = false;
  std::string tls_ca;
  /// A client certificate and its key (PEM files), for a node with --tls-ca.
  std::string tls_cert;
  std::string tls_key;
};

struct welcome_info {
  std::string node_id;
  std::string cluster_name;
  uint32_t partition_count = 0;
  uint64_t partition_epoch = 0;
  uint64_t max_frame_bytes = 0;
  std::string partition_table;  ///< troupe.v1.PartitionTable bytes
};

struct connection {
  caf::actor handle;
  welcome_info welcome;
};

/// `opts` aimed at `address` ("host:port", as a member's client address is
/// given); nullopt when it is not one.
std::optional<connect_options> with_address(connect_options opts, const std::string& address);

/// Connects and performs Hello/Welcome. Blocks the calling thread (not for
/// use inside an actor's handler). Fails with the node's error (wrong token:
/// UNAUTHENTICATED) or UNAVAILABLE when the node cannot be reached.
result<connection> connect(caf::actor_system& sys, const connect_options& opts);

} // namespace troupe::client
