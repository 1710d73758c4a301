// server: one troupe-node. Opens storage, spawns the partition actors (state,
// streams, events, locks, kv) and the pub/sub hub, builds the partition
// router and starts the gateways (client protocol, and RESP when enabled).
//
// start() and stop() are called from the main thread. stop() stops accepting,
// lets every session finish its in-flight requests (so every accepted write is
// durable and answered), then stops the actors and closes RocksDB.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "node/options.hpp"

namespace troupe::node {

/// What start() tells its caller while it waits to join a cluster.
struct start_hooks {
  /// Called now and then while joining; true stops the wait (start then
  /// fails with "stopped while joining"), so a stop signal is never ignored.
  std::function<bool()> stop_requested;
  /// Called once the cluster port listens, before the join wait.
  std::function<void(uint16_t cluster_port)> joining;
};

class server {
public:
  /// Starts a node; nullptr and `error` set when it cannot.
  static std::unique_ptr<server> start(const node_options& opts, std::string& error,
                                       const start_hooks& hooks = {});

  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// The bound client port (useful with --listen host:0).
  uint16_t port() const { return port_; }

  /// The bound RESP port; 0 when the RESP front door is off.
  uint16_t resp_port() const { return resp_port_; }
  uint16_t amqp_port() const { return amqp_port_; }

  /// The bound admin (HTTP) port; 0 when the admin door is off.
  uint16_t admin_port() const { return admin_port_; }

  /// The bound cluster (CAF remoting) port; 0 when not clustered.
  uint16_t cluster_port() const { return cluster_port_; }

  /// Graceful stop; idempotent.
  void stop();

private:
  struct impl;
  server();
  std::unique_ptr<impl> impl_;
  uint16_t port_ = 0;
  uint16_t resp_port_ = 0;
  uint16_t amqp_port_ = 0;
  uint16_t admin_port_ = 0;
  uint16_t cluster_port_ = 0;
};

} // namespace troupe::node
