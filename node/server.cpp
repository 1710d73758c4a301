#include "node/server.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include <sys/resource.h>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>
#include <caf/openssl/manager.hpp>
#include <caf/openssl/publish.hpp>
#include <caf/scoped_actor.hpp>
#include <caf/send.hpp>
#include <spdlog/spdlog.h>

#include "actors/channel_hub.hpp"
#include "actors/event_shard.hpp"
#include "actors/kv_shard.hpp"
#include "actors/lock_shard.hpp"
#include "actors/node_counters.hpp"
#include "actors/keyspace_events.hpp"
#include "actors/script_monitor.hpp"
#include "actors/partition_log.hpp"
#include "actors/state_shard.hpp"
#include "actors/stream_nodes.hpp"
#include "actors/stream_directory.hpp"
#include "cluster/controller.hpp"
#include "cluster/gateway.hpp"
#include "cluster/member.hpp"
#include "cluster/atoms.hpp"
#include "cluster/partition_router.hpp"
#include "cluster/raft_driver.hpp"
#include "node/connection_guard.hpp"
#include "node/admin_session.hpp"
#include "node/metrics.hpp"
#include "node/resp_session.hpp"
#include "node/amqp_dead_letters.hpp"
#include "node/amqp_session.hpp"
#include "protocol/amqp.hpp"
#include "node/resp_config.hpp"
#include "node/client_registry.hpp"
#include "node/function_registry.hpp"
#include "node/script_cache.hpp"
#include "protocol/acl.hpp"
#include "node/session.hpp"
#include "protocol/tls.hpp"
#include "protocol/troupe.pb.h"
#include "storage/key_codec.hpp"

namespace troupe::node {

namespace {

constexpr auto shutdown_timeout = std::chrono::seconds{60};
constexpr auto handoff_timeout = std::chrono::seconds{5};
constexpr auto stop_timeout = std::chrono::seconds{10};
constexpr auto handoff_poll = std::chrono::milliseconds{50};

/// The partition count is fixed when the data directory is created.
bool check_partition_count(storage::db& db, uint32_t wanted, std::string& error) {
  auto key = storage::node_meta_key("node.partitions");
  storage::db_status status;
  auto stored = db.get(storage::column::meta, key, status);
  if (!status.ok) {
    error = "cannot read node metadata: " + status.message;
    return false;
  }
  if (stored) {
    auto have = static_cast<uint32_t>(std::stoul(*stored));
    if (have != wanted) {
      error = "the data directory was created with " + std::to_string(have)
              + " partitions; --partitions " + std::to_string(wanted)
              + " cannot change that";
      return false;
    }
    return true;
  }
  storage::write_batch batch;
  batch.put(storage::column::meta, key, std::to_string(wanted));
  status = db.write(std::move(batch));
  if (!status.ok) {
    error = "cannot write node metadata: " + status.message;
    return false;
  }
  return true;
}

/// Copies the backup in `from` into `data_dir`, which must be empty or
/// absent (a restore never overwrites data).
bool restore_backup(const std::string& from, const std::string& data_dir, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(fs::path{from} / "CURRENT", ec)) {
    error = "--restore-from " + from + ": not a Troupe backup (it has no CURRENT file)";
    return false;
  }
  if (fs::exists(data_dir, ec) && !fs::is_empty(data_dir, ec)) {
    error = "--restore-from: the data directory " + data_dir
            + " is not empty; restore into a new one (and drop the flag once restored)";
    return false;
  }
  fs::create_directories(data_dir, ec);
  if (!ec)
    fs::copy(from, data_dir, fs::copy_options::recursive, ec);
  if (ec) {
    error = "--restore-from: copying " + from + " into " + data_dir + " failed: " + ec.message();
    return false;
  }
  spdlog::info("data directory {} restored from the backup in {}", data_dir, from);
  return true;
}

/// Asks an acceptor for its bound port; false (and `error`) when it could
/// not bind.
bool bound_port(caf::actor_system& sys, const caf::actor& acceptor, const std::string& address,
                uint16_t& port, std::string& error) {
  caf::scoped_actor probe{sys};
  bool bound = false;
  probe->request(acceptor, std::chrono::seconds{10}, port_atom::value)
    .receive(
      [&](uint16_t p) {
        port = p;
        bound = true;
      },
      [&](caf::error& err) { error = "cannot listen on " + address + ": " + sys.render(err); });
  return bound;
}

} // namespace

struct server::impl {
  std::unique_ptr<storage::db> db;
  // Replicated: what the driver applies entries with, the driver, and the
  // logs' way into it.
  std::unique_ptr<cluster::partition_state_machine> machine;
  std::unique_ptr<cluster::controller_state_machine> controller;
  std::unique_ptr<cluster::group_state_machines> machines;
  std::shared_ptr<cluster::raft_driver> driver;
  std::unique_ptr<cluster::raft_replicator> replicator;
  std::unique_ptr<actors::partition_logs> logs;
  std::unique_ptr<caf::actor_system_config> cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::shared_ptr<cluster::partition_router> router;
  caf::actor channel_hub;
  caf::actor gateway;
  caf::actor member;
  caf::actor resp_acceptor;
  caf::actor admin_acceptor;
  caf::actor amqp_acceptor;
  caf::actor dead_letter_sink;
  std::atomic<int64_t> manual_clock{0};
  actors::node_counters counters;
  actors::script_monitor scripts;
  actors::stream_node_limits stream_nodes;
  actors::keyspace_events keyspace_events;
  /// The RESP door's users (ACL SETUSER), seen by sessions and scripts.
  std::shared_ptr<protocol::acl_users> acl = std::make_shared<protocol::acl_users>();
  caf::actor acceptor;
  bool drain_on_exit = false;
  bool clustered = false;
  std::string node_id;
  bool stopped = false;
};

server::server() : impl_(std::make_unique<impl>()) {}

server::~server() {
  stop();
}

namespace {

/// The function that spawns one partition's actors (at start for the
/// partitions the node owns, later for those it takes over).
std::function<cluster::partition_actors(partition_id)>
partition_spawner(caf::actor_system& sys, actors::partition_logs& logs,
                  actors::node_counters& counters, actors::script_monitor& scripts,
                  const actors::stream_node_limits& stream_nodes,
                  const actors::keyspace_events& keyspace_events,
                  const protocol::acl_users* acl,
                  const std::shared_ptr<cluster::partition_router>& router,
                  const node_options& opts) {
  actors::state_limits limits;
  limits.max_key_bytes = opts.max_key_bytes;
  limits.max_value_bytes = opts.max_value_bytes;
  actors::stream_limits stream_limits;
  stream_limits.max_id_bytes = opts.max_key_bytes;
  stream_limits.max_item_bytes = opts.max_value_bytes;
  stream_limits.idle_time = std::chrono::milliseconds{opts.stream_idle_ms};
  actors::event_options event_opts;
  event_opts.max_id_bytes = opts.max_key_bytes;
  event_opts.max_data_bytes = opts.max_value_bytes;
  event_opts.manual_clock = opts.manual_clock;
  actors::kv_limits kv_limits;
  kv_limits.max_key_bytes = opts.max_key_bytes;
  kv_limits.max_value_bytes = opts.max_value_bytes;
  kv_limits.scripts = &scripts;
  kv_limits.script_memory_bytes = opts.script_memory_bytes;
  kv_limits.stream_nodes = &stream_nodes;
  kv_limits.changes = &counters.resp_changes;
  kv_limits.events = &keyspace_events;
  kv_limits.acl = acl;
  // The router is set once the partitions exist; scripts run after that.
  kv_limits.partition_of_key = [&router](std::string_view key) {
    return router->kv_partition(key);
  };
  auto placement = opts.placement;
  auto max_key = opts.max_key_bytes;
  return [&sys, &logs, &counters, limits, stream_limits, event_opts, kv_limits, placement,
          max_key](partition_id p) {
    auto& log = logs.of(p);
    cluster::partition_actors out;
    auto at = [&](cluster::service s) -> caf::actor& { return out[static_cast<size_t>(s)]; };
    at(cluster::service::state) =
      caf::actor_cast<caf::actor>(actors::spawn_state_shard(sys, log, limits, placement));
    at(cluster::service::streams) = caf::actor_cast<caf::actor>(
      actors::spawn_stream_directory(sys, log, stream_limits, counters, placement));
    at(cluster::service::events) =
      caf::actor_cast<caf::actor>(actors::spawn_event_shard(sys, log, event_opts, placement));
    at(cluster::service::locks) =
      caf::actor_cast<caf::actor>(actors::spawn_lock_shard(sys, log, max_key, placement));
    at(cluster::service::kv) =
      caf::actor_cast<caf::actor>(actors::spawn_kv_shard(sys, log, kv_limits, placement));
    return out;
  };
}

/// File descriptors kept free of client connections: the data directory's
/// files, the cluster links, the listening sockets.
constexpr size_t reserved_fds = 1024;

/// Raises the soft file-descriptor limit to the hard one and returns the
/// connections each port may serve so that all ports together stay below
/// it: at the limit, a listening socket that cannot accept would wake the
/// event loop forever, so a node refuses connections (with a reason) well
/// before.
size_t connections_within_fd_limit(const node_options& opts) {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) != 0)
    return opts.max_connections;
  if (lim.rlim_cur < lim.rlim_max) {
    auto raised = lim;
    raised.rlim_cur = lim.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
      lim = raised;
  }
  size_t ports = 1 + (opts.resp_listen.empty() ? 0 : 1) + (opts.admin_listen.empty() ? 0 : 1)
                 + (opts.amqp_listen.empty() ? 0 : 1);
  size_t fds = lim.rlim_cur == RLIM_INFINITY ? SIZE_MAX : static_cast<size_t>(lim.rlim_cur);
  size_t room = fds > 2 * reserved_fds ? fds - reserved_fds : fds / 2;
  size_t fit = std::max<size_t>(1, room / ports);
  if (opts.max_connections <= fit)
    return opts.max_connections;
  spdlog::warn("--max-connections {} lowered to {}: the process may open {} files "
               "(ulimit -n), {} of them kept for storage and the cluster",
               opts.max_connections, fit, fds, fds - fit * ports);
  return fit;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    auto item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!item.empty())
      out.push_back(item);
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return out;
}

} // namespace

std::unique_ptr<server> server::start(const node_options& opts, std::string& error,
                                      const start_hooks& hooks) {
  auto hp = split_host_port(opts.listen);
  if (!hp) {
    error = "invalid listen address " + opts.listen;
    return nullptr;
  }
  std::unique_ptr<server> self{new server};
  auto& im = *self->impl_;
  im.drain_on_exit = opts.drain_on_exit;
  im.clustered = !opts.cluster_listen.empty();
  im.node_id = opts.node_id;
  auto seeds = split_list(opts.seeds);
  if (!im.clustered && !seeds.empty()) {
    error = "--seeds needs --cluster-listen";
    return nullptr;
  }
  bool replicated = opts.replication_factor > 1;
  if (replicated && !im.clustered) {
    error = "--replication-factor above 1 needs --cluster-listen";
    return nullptr;
  }
  std::shared_ptr<const protocol::tls_context> tls;
  if (!opts.tls_cert.empty()) {
    tls = protocol::tls_context::server(opts.tls_cert, opts.tls_key, opts.tls_ca, error);
    if (!tls)
      return nullptr;
  }

  if (!opts.restore_from.empty() && !restore_backup(opts.restore_from, opts.data_dir, error))
    return nullptr;
  storage::db_options dbo;
  dbo.path = opts.data_dir;
  dbo.mode = opts.durability;
  dbo.fault_file = opts.fault_file;
  dbo.min_free_bytes = opts.disk_free_limit_bytes;
  if (opts.manual_clock) {
    im.manual_clock = storage::system_now_ms();
    dbo.clock = [clock = &im.manual_clock] { return clock->load(); };
  }
  im.db = storage::db::open(dbo, error);
  if (!im.db || !check_partition_count(*im.db, opts.partitions, error))
    return nullptr;

  // The table this node starts from: its stored one; else a new cluster of
  // one (no seeds), or nothing until a seed hands one over.
  auto stored = cluster::load_table(*im.db, error);
  if (!error.empty())
    return nullptr;
  cluster::member self_info;
  cluster::partition_table table =
    stored ? std::move(*stored)
    : seeds.empty() ? cluster::partition_table{opts.partitions, opts.node_id, self_info}
                    : cluster::partition_table{opts.partitions};

  im.cfg = std::make_unique<caf::actor_system_config>();
  im.cfg->load<caf::io::middleman>();
  if (!opts.cluster_tls_cert.empty()) {
    // Checked here, so a bad file stops the node with its reason instead of
    // failing every cluster connection later.
    if (!protocol::tls_context::server(opts.cluster_tls_cert, opts.cluster_tls_key,
                                       opts.cluster_tls_ca, error)) {
      // The check names the client port's flags; these are the cluster's.
      for (auto at = error.find("--tls-"); at != std::string::npos;
           at = error.find("--tls-", at + 14))
        error.replace(at, 6, "--cluster-tls-");
      return nullptr;
    }
    im.cfg->load<caf::openssl::manager>();
    im.cfg->openssl_certificate = opts.cluster_tls_cert;
    im.cfg->openssl_key = opts.cluster_tls_key;
    im.cfg->openssl_cafile = opts.cluster_tls_ca;
  }
  auto workers = opts.workers != 0 ? opts.workers
                                   : std::max(1u, std::thread::hardware_concurrency());
  im.cfg->set("scheduler.max-threads", workers);
  im.cfg->set("middleman.heartbeat-interval", caf::timespan{std::chrono::milliseconds{500}});
  im.cfg->add_message_type<protocol::request_msg>("troupe.request");
  im.cfg->add_message_type<protocol::response_msg>("troupe.response");
  im.cfg->add_message_type<protocol::push_msg>("troupe.push");
  im.sys = std::make_unique<caf::actor_system>(*im.cfg);

  if (replicated) {
    im.machine = std::make_unique<cluster::partition_state_machine>(*im.db);
    im.controller = std::make_unique<cluster::controller_state_machine>(*im.db);
    im.machines = std::make_unique<cluster::group_state_machines>(*im.machine, *im.controller);
    cluster::raft_driver_config rc;
    rc.db = im.db.get();
    rc.machine = im.machines.get();
    rc.groups.self = cluster::raft_node_id(opts.node_id);
    rc.groups.seed = static_cast<uint64_t>(
      std::chrono::steady_clock::now().time_since_epoch().count());
    rc.groups.election_ticks = static_cast<int>(opts.raft_election_ticks);
    rc.groups.heartbeat_ticks = 2;
    rc.tick = std::chrono::milliseconds{opts.raft_tick_ms};
    // Reads within a lease need no ReadIndex round. A voter that heard the
    // leader refuses votes for election_ticks ticks, the first of which
    // may come at once: the lease keeps one tick more in hand.
    if (opts.raft_election_ticks > 2)
      rc.groups.read_lease = rc.tick * (opts.raft_election_ticks - 2);
    im.driver =
      std::make_shared<cluster::raft_driver>(cluster::spawn_raft_driver(*im.sys, rc));
    im.replicator = std::make_unique<cluster::raft_replicator>(*im.driver);
  }
  im.logs = std::make_unique<actors::partition_logs>(
    *im.db, table.count(), im.replicator.get(),
    opts.placement == actors::shard_placement::io_thread);
  im.scripts.set_budget(std::chrono::milliseconds{opts.script_time_limit_ms});
  auto spawn_partition =
    partition_spawner(*im.sys, *im.logs, im.counters, im.scripts, im.stream_nodes,
                      im.keyspace_events, im.acl.get(), im.router, opts);
  std::vector<cluster::partition_actors> local(table.count());
  for (uint32_t i = 0; i < table.count() && !replicated; ++i) {
    partition_id p{static_cast<uint16_t>(i)};
    if (table.owner(p) == opts.node_id)
      local[i] = spawn_partition(p);
  }
  im.channel_hub = actors::spawn_channel_hub(*im.sys);

  auto shared_table = std::make_shared<const cluster::partition_table>(table);
  std::vector<bool> none_moving(table.count(), false);
  im.router = std::make_shared<cluster::partition_router>(cluster::make_routes(
    shared_table, opts.node_id, local, none_moving, caf::actor{}, im.channel_hub, {}));
  im.gateway = cluster::spawn_gateway(*im.sys, im.router);
  // Keyspace notifications reach subscribers on every node, as PUBLISH does.
  im.keyspace_events.publish = [router = std::weak_ptr<cluster::partition_router>{im.router}](
                                 const std::string& channel, const std::string& message) {
    if (auto r = router.lock())
      for (auto& hub : r->current()->hubs)
        caf::anon_send(hub, actors::publish_atom::value, channel, message);
  };
  im.router->install(cluster::make_routes(shared_table, opts.node_id, local, none_moving,
                                          im.gateway, im.channel_hub, {}));

  auto ctx = std::make_shared<session_context>();
  ctx->router = im.router;
  if (opts.manual_clock)
    ctx->manual_clock = &im.manual_clock;
  ctx->counters = &im.counters;
  ctx->max_subscriber_backlog_bytes = opts.max_subscriber_backlog_bytes;
  ctx->node_id = opts.node_id;
  ctx->cluster_name = opts.cluster_name;
  ctx->token = opts.token;
  for (auto& nt : opts.namespace_tokens) {
    auto eq = nt.find('=');
    ctx->namespace_tokens.push_back({nt.substr(0, eq) + ":", nt.substr(eq + 1)});
  }
  ctx->max_frame_bytes = opts.max_frame_bytes;
  ctx->handshake_timeout_ms = opts.handshake_timeout_ms;
  ctx->max_connections = connections_within_fd_limit(opts);
  ctx->max_requests_in_flight = opts.max_requests_in_flight;
  ctx->max_reply_buffer_bytes = opts.max_reply_buffer_bytes;
  ctx->idle_timeout_ms = opts.idle_timeout_ms;
  ctx->auth = std::make_shared<auth_throttle>();
  ctx->tls = tls;
  ctx->max_key_bytes = opts.max_key_bytes;
  ctx->max_value_bytes = opts.max_value_bytes;
  ctx->channel_hub = im.channel_hub;
  ctx->scripts = std::make_shared<script_cache>();
  ctx->functions = std::make_shared<function_registry>(im.db.get());
  ctx->acl = im.acl;
  ctx->resp_clients = std::make_shared<client_registry>();
  ctx->resp_settings =
    std::make_shared<resp_config>(&im.stream_nodes, &im.scripts, &im.keyspace_events,
                                  static_cast<uint32_t>(opts.replication_factor) - 1,
                                  &im.acl->log());
  ctx->script_monitor = &im.scripts;
  ctx->metrics = std::make_shared<node_metrics>(TROUPE_VERSION);
  ctx->db = im.db.get();
  ctx->raft = im.driver;
  ctx->durability = storage::to_string(opts.durability);
  ctx->replication_factor = static_cast<uint32_t>(opts.replication_factor);
  // Expired AMQP messages go on from whichever node serves their queue.
  im.dead_letter_sink = spawn_amqp_dead_letters(*im.sys, ctx);
  im.sys->registry().put(actors::dead_letter_sink, im.dead_letter_sink);

  // The member exists before the doors open (sessions ask it for status);
  // it learns its addresses once they are bound.
  cluster::member_config mc;
  mc.node_id = opts.node_id;
  mc.cluster_name = opts.cluster_name;
  mc.seeds = seeds;
  mc.bootstrap_expect = opts.bootstrap_expect;
  mc.db = im.db.get();
  mc.logs = im.logs.get();
  mc.router = im.router;
  mc.gateway = im.gateway;
  mc.hub = im.channel_hub;
  mc.spawn_partition = spawn_partition;
  mc.replication_factor = opts.replication_factor;
  mc.driver = im.driver;
  mc.controller = im.controller.get();

  im.acceptor = spawn_acceptor(*im.sys, ctx, hp->first, hp->second,
                               door{fork_client_session, tls ? std::string{} : client_refusal(*ctx)});
  if (!bound_port(*im.sys, im.acceptor, opts.listen, self->port_, error))
    return nullptr;
  // What the other members and clients are told: the advertised host, or
  // the one listened on.
  auto announced = [&](const std::string& host, uint16_t port) {
    return (opts.advertise_host.empty() ? host : opts.advertise_host) + ":" + std::to_string(port);
  };
  mc.self.client_address = announced(hp->first, self->port_);
  if (!opts.resp_listen.empty()) {
    auto rhp = split_host_port(opts.resp_listen);
    im.resp_acceptor = spawn_acceptor(*im.sys, ctx, rhp->first, rhp->second,
                                      door{fork_resp_session,
                                           tls ? "" : "-ERR max number of clients reached\r\n"});
    if (!bound_port(*im.sys, im.resp_acceptor, opts.resp_listen, self->resp_port_, error))
      return nullptr;
    mc.self.resp_address = announced(rhp->first, self->resp_port_);
    spdlog::info("RESP front door listening on {}", mc.self.resp_address);
  }
  if (!opts.amqp_listen.empty()) {
    auto qhp = split_host_port(opts.amqp_listen);
    // A refused AMQP client reads RabbitMQ's answer to a full node: a
    // protocol header it will not accept.
    im.amqp_acceptor = spawn_acceptor(*im.sys, ctx, qhp->first, qhp->second,
                                      door{fork_amqp_session,
                                           tls ? std::string{} : std::string{protocol::amqp::protocol_header}});
    if (!bound_port(*im.sys, im.amqp_acceptor, opts.amqp_listen, self->amqp_port_, error))
      return nullptr;
    spdlog::info("AMQP door listening on {}:{}", qhp->first, self->amqp_port_);
  }
  if (!opts.admin_listen.empty()) {
    auto ahp = split_host_port(opts.admin_listen);
    im.admin_acceptor = spawn_acceptor(
      *im.sys, ctx, ahp->first, ahp->second,
      door{fork_admin_session, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n"
                               "Connection: close\r\n\r\n"});
    if (!bound_port(*im.sys, im.admin_acceptor, opts.admin_listen, self->admin_port_, error))
      return nullptr;
    spdlog::info("admin door (HTTP) listening on {}:{}", ahp->first, self->admin_port_);
  }
  im.member = cluster::spawn_member(*im.sys, std::move(mc), std::move(table), std::move(local));
  ctx->member = im.member;

  std::string cluster_address;
  if (im.clustered) {
    auto chp = split_host_port(opts.cluster_listen);
    if (!chp) {
      error = "invalid cluster address " + opts.cluster_listen;
      return nullptr;
    }
    auto port = im.sys->has_openssl_manager()
                  ? caf::openssl::publish(im.member, chp->second, chp->first.c_str(), true)
                  : im.sys->middleman().publish(im.member, chp->second, chp->first.c_str(), true);
    if (!port) {
      error = "cannot listen on " + opts.cluster_listen + ": " + im.sys->render(port.error());
      return nullptr;
    }
    self->cluster_port_ = *port;
    cluster_address = announced(chp->first, opts.advertise_cluster_port != 0
                                                ? opts.advertise_cluster_port
                                                : *port);
    spdlog::info("cluster {} member {} on {}", opts.cluster_name, opts.node_id, cluster_address);
  }
  if (hooks.joining && self->cluster_port_ != 0)
    hooks.joining(self->cluster_port_);
  {
    // Asked in slices, so a stop request is seen within one.
    constexpr auto slice = std::chrono::milliseconds{250};
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{opts.join_timeout_s};
    caf::scoped_actor waiter{*im.sys};
    bool joined = false;
    while (!joined && error.empty()) {
      if (hooks.stop_requested && hooks.stop_requested()) {
        error = "stopped while joining cluster " + opts.cluster_name;
        break;
      }
      auto left = deadline - std::chrono::steady_clock::now();
      if (left <= std::chrono::steady_clock::duration::zero()) {
        error = "could not join cluster " + opts.cluster_name + " through " + opts.seeds
                + ": no answer within " + std::to_string(opts.join_timeout_s) + " s";
        break;
      }
      waiter->request(im.member, std::min<std::chrono::steady_clock::duration>(left, slice),
                      cluster::joined_atom::value, cluster_address)
        .receive([&](actors::ok_atom) { joined = true; },
                 [&](caf::error& err) {
                   if (err != caf::sec::request_timeout)
                     error = "could not join cluster " + opts.cluster_name + " through "
                             + opts.seeds + ": " + im.sys->render(err);
                 });
    }
    if (!joined)
      return nullptr;
  }
  spdlog::info("troupe-node {} listening on {}:{} (data {}, durability {}, {} partitions)",
               opts.node_id, hp->first, self->port_, opts.data_dir,
               storage::to_string(opts.durability), opts.partitions);
  return self;
}

namespace {

/// Waits, bounded, until no actor of the node runs. One that outlives the
/// bound (it waits for something that will never come) is reported and left
/// behind: the node still stops, and nothing it acknowledged depends on it.
void await_actors(caf::actor_system& sys) {
  auto deadline = std::chrono::steady_clock::now() + stop_timeout;
  while (sys.registry().running() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds{10});  // polling a count
  if (auto left = sys.registry().running(); left > 0) {
    spdlog::warn("shutdown: {} actors did not stop within {} s; stopping without them", left,
                 std::chrono::duration_cast<std::chrono::seconds>(stop_timeout).count());
    sys.await_actors_before_shutdown(false);
  }
}

} // namespace

void server::stop() {
  auto& im = *impl_;
  if (im.stopped || !im.sys)
    return;
  im.stopped = true;
  {
    caf::scoped_actor self{*im.sys};
    // 0. With --drain-on-exit, hand every partition to the other members.
    if (im.drain_on_exit && im.clustered) {
      spdlog::info("draining {} before stopping", im.node_id);
      self->request(im.member, shutdown_timeout * 10, cluster::drain_node_atom::value, im.node_id)
        .receive(
          [](const std::string& bytes) {
            v1::Response resp;
            if (resp.ParseFromString(bytes) && resp.has_error())
              spdlog::warn("drain before stopping refused: {}", resp.error().message());
          },
                 [&](caf::error& err) {
                   spdlog::warn("drain before stopping failed: {}", im.sys->render(err));
                 });
    }
    // 0b. Replicated: hand every partition this node leads to another
    // replica first, so its requests move without waiting for an election
    // (bounded: a partition still led after it is elected away anyway).
    if (im.driver) {
      auto deadline = std::chrono::steady_clock::now() + handoff_timeout;
      uint32_t leading = 1;
      while (leading > 0 && std::chrono::steady_clock::now() < deadline) {
        self->request(im.driver->actor(), std::chrono::seconds{1}, cluster::raft_handoff_atom::value)
          .receive([&](uint32_t n) { leading = n; }, [&](caf::error&) { leading = 0; });
        if (leading > 0)
          std::this_thread::sleep_for(handoff_poll);
      }
      if (leading > 0)
        spdlog::warn("stopping while leading {} partitions", leading);
    }
    // 1. Stop accepting; sessions answer what they accepted, then close.
    for (auto* acceptor : {&im.acceptor, &im.resp_acceptor, &im.admin_acceptor, &im.amqp_acceptor}) {
      if (!*acceptor)
        continue;
      self->request(*acceptor, shutdown_timeout, shutdown_atom::value)
        .receive([](actors::ok_atom) {},
                 [&](caf::error& err) {
                   spdlog::warn("shutdown: sessions did not finish: {}", im.sys->render(err));
                 });
      self->send_exit(*acceptor, caf::exit_reason::user_shutdown);
    }
    // 2. The member stops first, so the partitions served here stay put.
    // (A start that failed, e.g. on a port in use, may not have one.)
    if (im.member) {
      self->monitor(im.member);
      self->send_exit(im.member, caf::exit_reason::user_shutdown);
      self->receive([](caf::down_msg&) {});
    }
    // 3. Every accepted write is durable before the shards stop.
    auto routes = im.router ? im.router->current() : std::make_shared<const cluster::routes>();
    for (auto& actors : routes->local)
      for (auto s : {cluster::service::state, cluster::service::kv})
        if (auto& shard = actors[static_cast<size_t>(s)])
          self->request(shard, shutdown_timeout, actors::drain_atom::value)
            .receive([](actors::ok_atom) {},
                     [&](caf::error& err) {
                       spdlog::warn("shutdown: shard drain failed: {}", im.sys->render(err));
                     });
    // Partition actors finish their last writes before the Raft driver that
    // commits them goes (bounded: a write that cannot be applied is refused
    // once the driver is gone).
    size_t stopping = 0;
    for (auto& actors : routes->local)
      for (auto& a : actors)
        if (a) {
          self->monitor(a);
          self->send_exit(a, caf::exit_reason::user_shutdown);
          ++stopping;
        }
    bool waited_out = false;
    self->receive_while([&] { return stopping > 0 && !waited_out; })(
      [&](caf::down_msg&) { --stopping; },
      caf::after(stop_timeout) >> [&] { waited_out = true; });
    if (stopping > 0)
      spdlog::warn("shutdown: {} partition actors still stopping", stopping);
    self->send_exit(im.gateway, caf::exit_reason::user_shutdown);
    self->send_exit(im.channel_hub, caf::exit_reason::user_shutdown);
    im.sys->registry().erase(actors::dead_letter_sink);
    self->send_exit(im.dead_letter_sink, caf::exit_reason::user_shutdown);
    if (im.driver) {
      // Its turn in flight is written by the db's close below.
      self->monitor(im.driver->actor());
      self->send_exit(im.driver->actor(), caf::exit_reason::user_shutdown);
      self->receive([](caf::down_msg&) {});
    }
  }
  im.router.reset();
  im.channel_hub = nullptr;
  im.gateway = nullptr;
  im.member = nullptr;
  im.acceptor = nullptr;
  im.resp_acceptor = nullptr;
  im.amqp_acceptor = nullptr;
  im.dead_letter_sink = nullptr;
  im.admin_acceptor = nullptr;
  await_actors(*im.sys);
  im.sys.reset();
  im.driver.reset();
  im.replicator.reset();
  im.logs.reset();
  im.machine.reset();
  im.db.reset();  // commits what is queued, flushes, closes RocksDB
  spdlog::info("troupe-node stopped");
}

} // namespace troupe::node
