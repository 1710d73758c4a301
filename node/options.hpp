// node_options: every setting of troupe-node. Each is settable by flag, by
// TROUPE_* environment variable and by a config file (--config FILE, TOML or
// INI `key = value` lines); flags win over the file, which wins over the
// environment. All need a restart to change.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/placement.hpp"
#include "storage/db.hpp"

namespace troupe::node {

struct node_options {
  /// Client protocol address, host:port. Port 0 asks the OS for a free port.
  /// Default 127.0.0.1:7379. (--listen, TROUPE_LISTEN)
  std::string listen = "127.0.0.1:7379";
  /// RESP (Redis protocol) address, host:port; empty: no RESP front door.
  /// Port 0 asks the OS for a free port. Default off.
  /// (--resp-listen, TROUPE_RESP_LISTEN)
  std::string resp_listen;
  /// HTTP admin address (/healthz, /readyz, /metrics), host:port; empty:
  /// off. Port 0 asks the OS for a free port. Default off.
  /// (--admin-listen, TROUPE_ADMIN_LISTEN)
  std::string admin_listen;
  /// AMQP 0-9-1 address, host:port; empty: no AMQP door. Port 0 asks the OS
  /// for a free port. Default off. (--amqp-listen, TROUPE_AMQP_LISTEN)
  std::string amqp_listen;
  /// A backup (Backup request, `troupe backup create`) to start from: copied
  /// into the data directory, which must be empty or absent. Default none.
  /// (--restore-from, TROUPE_RESTORE_FROM)
  std::string restore_from;
  /// Data directory. Default ./troupe-data. (--data-dir, TROUPE_DATA_DIR)
  std::string data_dir = "./troupe-data";
  /// fsync | os | none. Default fsync. (--durability, TROUPE_DURABILITY)
  storage::durability durability = storage::durability::fsync;
  /// Partition count, fixed when the data directory is created. Default 64.
  /// (--partitions, TROUPE_PARTITIONS)
  uint32_t partitions = 64;
  /// Clients must present this token in Hello; empty: no authentication.
  /// (--token, TROUPE_TOKEN)
  std::string token;
  /// "NAMESPACE=TOKEN": a token that opens the client protocol to names
  /// starting with "NAMESPACE:" only (the prefix troupe-motia's `namespace`
  /// option puts on trace ids, streams, topics and cron jobs). Needs
  /// --token. (--namespace-token, repeatable; TROUPE_NAMESPACE_TOKENS,
  /// comma-separated)
  std::vector<std::string> namespace_tokens;
  /// PEM certificate (chain) and key: with both, the client-protocol and
  /// RESP ports speak TLS only. Default none. (--tls-cert, --tls-key)
  std::string tls_cert;
  std::string tls_key;
  /// PEM CA certificates: with it, clients must present a certificate that
  /// chains to one of them. Default none. (--tls-ca)
  std::string tls_ca;
  /// The cluster links' TLS: this node's certificate and key, and the CA
  /// every member's certificate must chain to. With all three, members
  /// connect to each other only over TLS with a certificate on both sides,
  /// so only holders of a certificate the CA signed join or reach the
  /// cluster's actors. Default none (plain TCP: keep the cluster port on a
  /// private network). (--cluster-tls-cert, --cluster-tls-key,
  /// --cluster-tls-ca)
  std::string cluster_tls_cert;
  std::string cluster_tls_key;
  std::string cluster_tls_ca;
  /// trace | debug | info | warn | error | off. Default info.
  /// (--log-level, TROUPE_LOG_LEVEL)
  std::string log_level = "info";
  std::string log_format = "text";  // text | json
  /// This node's id. Default node-1. (--node-id, TROUPE_NODE_ID)
  std::string node_id = "node-1";
  /// Cluster name reported in Welcome. Default troupe.
  /// (--cluster-name, TROUPE_CLUSTER_NAME)
  std::string cluster_name = "troupe";
  /// CAF remoting address for the other members, host:port; empty: not
  /// clustered (a cluster of one). Port 0 asks the OS for a free port.
  /// (--cluster-listen, TROUPE_CLUSTER_LISTEN)
  std::string cluster_listen;
  /// The host other members and clients reach this node at, in the
  /// addresses it announces (client, RESP, cluster); empty: each listen
  /// address's own host, which must then not be a wildcard in a cluster.
  /// (--advertise-host, TROUPE_ADVERTISE_HOST)
  std::string advertise_host;
  /// The port the other members reach this node's cluster door at, when it
  /// is not the one listened on (a container's published port, a forwarder
  /// in front of it); 0: the listened one.
  /// (--advertise-cluster-port, TROUPE_ADVERTISE_CLUSTER_PORT)
  uint16_t advertise_cluster_port = 0;
  /// Members to join through, comma-separated cluster addresses; empty: this
  /// node starts a new cluster (or rejoins the one its data names).
  /// (--seeds, TROUPE_SEEDS)
  std::string seeds;
  /// With seeds and no stored table: start the cluster once this many nodes
  /// (this one included) reach each other, the one with the lowest id
  /// creating it, so nodes all given the same seed list form one cluster.
  /// Set it to the number of nodes first started (more than half of any
  /// two groups that could start apart). 0: wait for a seed that already
  /// belongs to a cluster. (--bootstrap-expect, TROUPE_BOOTSTRAP_EXPECT)
  uint32_t bootstrap_expect = 0;
  /// Replicas of each partition. 1: each partition lives on one node (its
  /// owner). N > 1: each partition is a Raft group over the first N members
  /// (by id) and its leader serves it; an acknowledged write is on a
  /// majority. Start N nodes with --bootstrap-expect N. Default 1.
  /// (--replication-factor, TROUPE_REPLICATION_FACTOR)
  uint32_t replication_factor = 1;
  /// One Raft tick, ms: leaders send heartbeats every two. Default 50.
  /// (--raft-tick-ms)
  uint32_t raft_tick_ms = 50;
  /// Ticks without a leader before a replica campaigns: each election
  /// timeout is drawn from [T, 2T) ticks. Default 10 (0.5 to 1 s).
  /// (--raft-election-ticks)
  uint32_t raft_election_ticks = 10;
  /// On SIGTERM, hand every partition to the other members before stopping.
  /// Default off. (--drain-on-exit, TROUPE_DRAIN_ON_EXIT)
  bool drain_on_exit = false;
  /// How long a new node waits for a seed to let it join, seconds.
  /// Default 120. (--join-timeout, TROUPE_JOIN_TIMEOUT)
  uint32_t join_timeout_s = 120;
  /// Connections each port (client protocol, RESP) serves at once; more
  /// are refused with an error. Default 10000. (--max-connections)
  size_t max_connections = 10'000;
  /// A connection that has not authenticated this long after it opened is
  /// closed, ms: no Hello (client protocol), no AUTH (RESP door, when a
  /// token is set); 0: never. Default 10000. (--handshake-timeout-ms)
  uint32_t handshake_timeout_ms = 10'000;
  /// A connection with nothing in flight and no subscription is closed after
  /// this long without a request, ms; 0: never. Default 0.
  /// (--idle-timeout-ms)
  uint32_t idle_timeout_ms = 0;
  /// Requests of one connection answered at once; more wait in its input.
  /// Default 4096. (--max-requests-in-flight)
  size_t max_requests_in_flight = 4096;
  /// Reply bytes queued for one connection before its requests wait; a
  /// connection whose unread requests then pass this many bytes too is
  /// disconnected. Default 32 MiB. (--max-reply-buffer-bytes)
  size_t max_reply_buffer_bytes = size_t{32} << 20;
  /// While fewer bytes are free on the data disk, writes are refused
  /// (UNAVAILABLE) and reads served; writes resume once space is freed.
  /// 0: never. Default 64 MiB. (--disk-free-limit-bytes)
  uint64_t disk_free_limit_bytes = uint64_t{64} << 20;
  /// Largest frame accepted, bytes. Default 16 MiB. (--max-frame-bytes)
  size_t max_frame_bytes = size_t{16} << 20;
  /// Longest trace id or key, bytes. Default 1024. (--max-key-bytes)
  size_t max_key_bytes = 1024;
  /// Longest value, bytes. Default 8 MiB. (--max-value-bytes)
  size_t max_value_bytes = size_t{8} << 20;
  /// How long an unused stream group actor lives, ms; 0: stop at once.
  /// Default 30000. (--stream-idle-ms)
  uint64_t stream_idle_ms = 30000;
  /// Bytes a connection may have queued for sending before its stream
  /// subscriptions overflow (each gets an overflow notice and ends).
  /// Default 8 MiB. (--max-subscriber-backlog-bytes)
  size_t max_subscriber_backlog_bytes = size_t{8} << 20;
  /// A Lua script (EVAL) running longer than this, ms, becomes busy:
  /// SCRIPT KILL may stop it. Default 5000. (--script-time-limit-ms)
  uint64_t script_time_limit_ms = 5000;
  /// What one partition's Lua interpreter may allocate. Default 256 MiB.
  /// (--script-memory-bytes)
  size_t script_memory_bytes = size_t{256} << 20;
  /// Test only: time stands still except when a client sends AdvanceClock.
  /// Lets tests drive delays, retries and timeouts without waiting.
  /// Default off. (--manual-clock)
  bool manual_clock = false;
  /// Test only: while this file exists, the data disk fails as its first
  /// word says (storage::db_options::fault_file). Default none. (--fault-file)
  std::string fault_file;
  /// Actor scheduler threads; 0 = one per core. (--workers, TROUPE_WORKERS)
  size_t workers = 0;
  /// Where partition actors run: `workers` (CAF's thread pool, partitions in
  /// parallel) or `io` (the I/O thread beside the sessions: no thread hop per
  /// request). Default workers. (--placement, TROUPE_PLACEMENT)
  actors::shard_placement placement = actors::shard_placement::workers;
};

/// Splits "host:port". nullopt when malformed.
std::optional<std::pair<std::string, uint16_t>> split_host_port(const std::string& s);

/// Parses argv (and the environment, and --config). On --help or an error,
/// returns nullopt and sets `exit_code` (0 for help).
std::optional<node_options> parse_options(int argc, char** argv, int& exit_code);

} // namespace troupe::node
