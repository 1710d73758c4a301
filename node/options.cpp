#include "node/options.hpp"

#include <CLI/CLI.hpp>

namespace troupe::node {

std::optional<std::pair<std::string, uint16_t>> split_host_port(const std::string& s) {
  auto colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == s.size())
    return std::nullopt;
  auto host = s.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  unsigned long port = 0;
  try {
    size_t used = 0;
    port = std::stoul(s.substr(colon + 1), &used);
    if (used != s.size() - colon - 1 || port > 65535)
      return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return std::make_pair(host, static_cast<uint16_t>(port));
}

std::optional<node_options> parse_options(int argc, char** argv, int& exit_code) {
  node_options opts;
  std::string durability = "fsync";
  CLI::App app{"troupe-node: the Troupe broker node"};
  app.set_version_flag("--version", "troupe-node " TROUPE_VERSION);
  app.set_config("--config", "", "Read options from a TOML/INI file");
  app.add_option("--listen", opts.listen, "Client protocol address host:port (port 0: any free port)")
    ->envname("TROUPE_LISTEN")->capture_default_str();
  app.add_option("--resp-listen", opts.resp_listen,
                 "RESP (Redis protocol) address host:port (empty: off; port 0: any free port)")
    ->envname("TROUPE_RESP_LISTEN");
  app.add_option("--admin-listen", opts.admin_listen,
                 "HTTP address for /healthz, /readyz and /metrics (empty: off; port 0: any free port)")
    ->envname("TROUPE_ADMIN_LISTEN");
  app.add_option("--amqp-listen", opts.amqp_listen,
                 "AMQP 0-9-1 address host:port (empty: off; port 0: any free port)")
    ->envname("TROUPE_AMQP_LISTEN");
  app.add_option("--data-dir", opts.data_dir, "Data directory")
    ->envname("TROUPE_DATA_DIR")->capture_default_str();
  app.add_option("--restore-from", opts.restore_from,
                 "Start from this backup: copied into the data directory, which must be empty")
    ->envname("TROUPE_RESTORE_FROM");
  app.add_option("--durability", durability, "fsync | os | none")
    ->envname("TROUPE_DURABILITY")->capture_default_str()
    ->check(CLI::IsMember({"fsync", "os", "none"}));
  app.add_option("--partitions", opts.partitions, "Partition count (fixed at creation)")
    ->envname("TROUPE_PARTITIONS")->capture_default_str()->check(CLI::Range(1u, 65535u));
  app.add_option("--token", opts.token, "Token clients must present (empty: none)")
    ->envname("TROUPE_TOKEN");
  auto* cert = app.add_option("--tls-cert", opts.tls_cert,
                              "PEM certificate chain: the client and RESP ports speak TLS only")
    ->envname("TROUPE_TLS_CERT")->check(CLI::ExistingFile);
  auto* key = app.add_option("--tls-key", opts.tls_key, "PEM private key of --tls-cert")
    ->envname("TROUPE_TLS_KEY")->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  app.add_option("--tls-ca", opts.tls_ca,
                 "PEM CA certificates: clients must present a certificate they signed")
    ->envname("TROUPE_TLS_CA")->check(CLI::ExistingFile)->needs(cert);
  auto* ccert = app.add_option("--cluster-tls-cert", opts.cluster_tls_cert,
                               "PEM certificate chain of this member: the cluster links speak "
                               "mutual TLS only")
    ->envname("TROUPE_CLUSTER_TLS_CERT")->check(CLI::ExistingFile);
  auto* ckey = app.add_option("--cluster-tls-key", opts.cluster_tls_key,
                              "PEM private key of --cluster-tls-cert")
    ->envname("TROUPE_CLUSTER_TLS_KEY")->check(CLI::ExistingFile);
  auto* cca = app.add_option("--cluster-tls-ca", opts.cluster_tls_ca,
                             "PEM CA certificates every member's certificate must chain to")
    ->envname("TROUPE_CLUSTER_TLS_CA")->check(CLI::ExistingFile);
  ccert->needs(ckey)->needs(cca);
  ckey->needs(ccert);
  cca->needs(ccert);
  app.add_option("--namespace-token", opts.namespace_tokens,
                 "NAMESPACE=TOKEN: a client-protocol token limited to names starting with "
                 "'NAMESPACE:' (repeatable; needs --token)")
    ->envname("TROUPE_NAMESPACE_TOKENS")->delimiter(',');
  app.add_option("--log-level", opts.log_level, "trace|debug|info|warn|error|off")
    ->envname("TROUPE_LOG_LEVEL")->capture_default_str()
    ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));
  app.add_option("--log-format", opts.log_format,
                 "text, or json: one object per line (time, level, msg) for log collectors")
    ->envname("TROUPE_LOG_FORMAT")->capture_default_str()
    ->check(CLI::IsMember({"text", "json"}));
  app.add_option("--node-id", opts.node_id, "This node's id")
    ->envname("TROUPE_NODE_ID")->capture_default_str();
  app.add_option("--cluster-name", opts.cluster_name, "Cluster name")
    ->envname("TROUPE_CLUSTER_NAME")->capture_default_str();
  app.add_option("--cluster-listen", opts.cluster_listen,
                 "CAF remoting address host:port for the other members (empty: not clustered)")
    ->envname("TROUPE_CLUSTER_LISTEN");
  app.add_option("--advertise-host", opts.advertise_host,
                 "Host the other members and clients reach this node at (needed when a "
                 "listen address is 0.0.0.0 or ::)")
    ->envname("TROUPE_ADVERTISE_HOST");
  app.add_option("--advertise-cluster-port", opts.advertise_cluster_port,
                 "Port the other members reach this node's cluster door at, when it is not the "
                 "one listened on (a published container port, a forwarder); 0: that one")
    ->envname("TROUPE_ADVERTISE_CLUSTER_PORT")->capture_default_str();
  app.add_option("--seeds", opts.seeds, "Cluster addresses to join through, comma-separated")
    ->envname("TROUPE_SEEDS");
  app.add_option("--bootstrap-expect", opts.bootstrap_expect,
                 "With seeds and no data: form a new cluster once this many nodes reach each other")
    ->envname("TROUPE_BOOTSTRAP_EXPECT")->capture_default_str()->check(CLI::Range(0u, 1000u));
  app.add_option("--replication-factor", opts.replication_factor,
                 "Replicas of each partition (a Raft group over the first N members); 1: none")
    ->envname("TROUPE_REPLICATION_FACTOR")->capture_default_str()->check(CLI::Range(1u, 7u));
  app.add_option("--raft-tick-ms", opts.raft_tick_ms, "One Raft tick, ms (leaders send heartbeats every two)")
    ->envname("TROUPE_RAFT_TICK_MS")->capture_default_str()->check(CLI::Range(5u, 10'000u));
  app.add_option("--raft-election-ticks", opts.raft_election_ticks,
                 "Ticks without a leader before an election (timeout drawn from [T, 2T))")
    ->envname("TROUPE_RAFT_ELECTION_TICKS")->capture_default_str()->check(CLI::Range(3u, 1000u));
  app.add_flag("--drain-on-exit", opts.drain_on_exit,
               "On SIGTERM, hand every partition to the other members first")
    ->envname("TROUPE_DRAIN_ON_EXIT");
  app.add_option("--join-timeout", opts.join_timeout_s, "Seconds a new node waits to join")
    ->envname("TROUPE_JOIN_TIMEOUT")->capture_default_str()->check(CLI::Range(1u, 86400u));
  app.add_option("--max-connections", opts.max_connections,
                 "Connections each port serves at once (more are refused)")
    ->envname("TROUPE_MAX_CONNECTIONS")->capture_default_str()->check(CLI::Range(size_t{1}, size_t{1} << 24));
  app.add_option("--handshake-timeout-ms", opts.handshake_timeout_ms,
                 "Close a connection without Hello (or AUTH, RESP with a token) after this long (0: never)")
    ->envname("TROUPE_HANDSHAKE_TIMEOUT_MS")->capture_default_str();
  app.add_option("--idle-timeout-ms", opts.idle_timeout_ms,
                 "Close a connection idle this long, without subscriptions (0: never)")
    ->envname("TROUPE_IDLE_TIMEOUT_MS")->capture_default_str();
  app.add_option("--max-requests-in-flight", opts.max_requests_in_flight,
                 "Requests of one connection served at once (more wait)")
    ->envname("TROUPE_MAX_REQUESTS_IN_FLIGHT")->capture_default_str()
    ->check(CLI::Range(size_t{1}, size_t{1} << 20));
  app.add_option("--max-reply-buffer-bytes", opts.max_reply_buffer_bytes,
                 "Unread reply bytes per connection before its requests wait; as many unread request bytes more disconnect it")
    ->envname("TROUPE_MAX_REPLY_BUFFER_BYTES")->capture_default_str()
    ->check(CLI::Range(size_t{64} << 10, size_t{1} << 34));
  app.add_option("--max-frame-bytes", opts.max_frame_bytes, "Largest accepted frame")
    ->envname("TROUPE_MAX_FRAME_BYTES")->capture_default_str()->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  app.add_option("--max-key-bytes", opts.max_key_bytes, "Longest trace id or key")
    ->envname("TROUPE_MAX_KEY_BYTES")->capture_default_str()->check(CLI::Range(size_t{1}, size_t{1} << 20));
  app.add_option("--max-value-bytes", opts.max_value_bytes, "Longest value")
    ->envname("TROUPE_MAX_VALUE_BYTES")->capture_default_str()->check(CLI::Range(size_t{1}, size_t{1} << 30));
  app.add_option("--stream-idle-ms", opts.stream_idle_ms,
                 "How long an unused stream group actor lives (0: stop at once)")
    ->envname("TROUPE_STREAM_IDLE_MS")->capture_default_str();
  app.add_option("--max-subscriber-backlog-bytes", opts.max_subscriber_backlog_bytes,
                 "Queued outbound bytes per connection before its subscriptions overflow")
    ->envname("TROUPE_MAX_SUBSCRIBER_BACKLOG_BYTES")->capture_default_str()
    ->check(CLI::Range(size_t{1024}, size_t{1} << 34));
  app.add_option("--script-time-limit-ms", opts.script_time_limit_ms,
                 "A Lua script running longer becomes busy and SCRIPT KILL may stop it")
    ->envname("TROUPE_SCRIPT_TIME_LIMIT_MS")->capture_default_str()
    ->check(CLI::Range(uint64_t{1}, uint64_t{3'600'000}));
  app.add_option("--script-memory-bytes", opts.script_memory_bytes,
                 "What one partition's Lua interpreter may allocate")
    ->envname("TROUPE_SCRIPT_MEMORY_BYTES")->capture_default_str()
    ->check(CLI::Range(size_t{1} << 20, size_t{1} << 34));
  app.add_flag("--manual-clock", opts.manual_clock,
               "Test only: time moves only on AdvanceClock requests");
  app.add_option("--disk-free-limit-bytes", opts.disk_free_limit_bytes,
                 "Refuse writes while less than this is free on the data disk (0: never)")
    ->envname("TROUPE_DISK_FREE_LIMIT_BYTES")->capture_default_str();
  app.add_option("--fault-file", opts.fault_file,
                 "Test only: while this file exists, the data disk fails as its first word says: "
                 "nospace (writes fail with ENOSPC), io (EIO), else it counts as full");
  app.add_option("--workers", opts.workers, "Actor scheduler threads (0: one per core)")
    ->envname("TROUPE_WORKERS")->capture_default_str();
  std::string placement = "workers";
  app.add_option("--placement", placement,
                 "Where partition actors run: workers (thread pool) or io (the I/O thread)")
    ->envname("TROUPE_PLACEMENT")->capture_default_str()
    ->check(CLI::IsMember({"workers", "io"}));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    exit_code = app.exit(e);
    return std::nullopt;
  }
  opts.durability = *storage::parse_durability(durability);
  opts.placement = placement == "io" ? actors::shard_placement::io_thread
                                     : actors::shard_placement::workers;
  if (!split_host_port(opts.listen)) {
    std::fprintf(stderr, "--listen: expected host:port, got '%s'\n", opts.listen.c_str());
    exit_code = 2;
    return std::nullopt;
  }
  for (auto [flag, value] : {std::pair{"--resp-listen", &opts.resp_listen},
                             std::pair{"--admin-listen", &opts.admin_listen},
                             std::pair{"--amqp-listen", &opts.amqp_listen}}) {
    if (!value->empty() && !split_host_port(*value)) {
      std::fprintf(stderr, "%s: expected host:port, got '%s'\n", flag, value->c_str());
      exit_code = 2;
      return std::nullopt;
    }
  }
  for (auto& nt : opts.namespace_tokens) {
    auto eq = nt.find('=');
    if (eq == 0 || eq == std::string::npos || eq + 1 == nt.size()
        || nt.find(':') < eq) {
      std::fprintf(stderr, "--namespace-token: expected NAMESPACE=TOKEN (a namespace without ':'), got '%s'\n",
                   nt.c_str());
      exit_code = 2;
      return std::nullopt;
    }
  }
  if (!opts.namespace_tokens.empty() && opts.token.empty()) {
    std::fprintf(stderr, "--namespace-token needs --token: without it every client may use "
                         "every namespace\n");
    exit_code = 2;
    return std::nullopt;
  }
  // Members tell each other (and clients) where to reach them: a wildcard
  // host says nothing.
  auto wildcard = [](const std::string& address) {
    auto hp = split_host_port(address);
    return hp && (hp->first == "0.0.0.0" || hp->first == "::" || hp->first == "[::]");
  };
  if (!opts.cluster_listen.empty() && opts.advertise_host.empty()) {
    for (auto* address : {&opts.listen, &opts.cluster_listen, &opts.resp_listen}) {
      if (wildcard(*address)) {
        std::fprintf(stderr,
                     "%s listens on every interface: give --advertise-host, the address the "
                     "other members and clients reach this node at\n",
                     address->c_str());
        exit_code = 2;
        return std::nullopt;
      }
    }
  }
  return opts;
}

} // namespace troupe::node
