#include "node/server.hpp"

#include <thread>

#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>
#include <caf/scoped_actor.hpp>
#include <spdlog/spdlog.h>

#include "actors/channel_hub.hpp"
#include "actors/state_shard.hpp"
#include "cluster/partition_router.hpp"
#include "node/resp_session.hpp"
#include "node/session.hpp"
#include "storage/key_codec.hpp"

namespace troupe::node {

namespace {

constexpr auto shutdown_timeout = std::chrono::seconds{60};

/// Node-level meta keys use the reserved partition 0xFFFF (partitions are
/// numbered 0..65534).
std::string node_meta_key(std::string_view name) {
  auto key = storage::partition_prefix(partition_id{0xFFFF});
  storage::append_component(key, name);
  return key;
}

/// The partition count is fixed when the data directory is created.
bool check_partition_count(storage::db& db, uint32_t wanted, std::string& error) {
  auto key = node_meta_key("node.partitions");
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

/// One actor per partition, spawned by spawn(partition_id).
template <class Spawn>
auto per_partition(uint32_t partitions, Spawn spawn) {
  std::vector<decltype(spawn(partition_id{}))> out;
  for (uint32_t p = 0; p < partitions; ++p)
    out.push_back(spawn(partition_id{static_cast<uint16_t>(p)}));
  return out;
}

template <class Actor>
void stop_all(caf::scoped_actor& self, const std::vector<Actor>& actors) {
  for (auto& a : actors)
    self->send_exit(a, caf::exit_reason::user_shutdown);
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
  std::unique_ptr<caf::actor_system_config> cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::vector<actors::state_shard_actor> shards;
  std::vector<actors::stream_directory_actor> streams;
  std::vector<actors::event_shard_actor> events;
  std::vector<actors::lock_shard_actor> locks;
  std::vector<actors::kv_shard_actor> kv;
  caf::actor channel_hub;
  caf::actor resp_acceptor;
  std::atomic<int64_t> manual_clock{0};
  actors::node_counters counters;
  caf::actor acceptor;
  bool stopped = false;
};

server::server() : impl_(std::make_unique<impl>()) {}

server::~server() {
  stop();
}

std::unique_ptr<server> server::start(const node_options& opts, std::string& error) {
  auto hp = split_host_port(opts.listen);
  if (!hp) {
    error = "invalid listen address " + opts.listen;
    return nullptr;
  }
  std::unique_ptr<server> self{new server};
  auto& im = *self->impl_;

  storage::db_options dbo;
  dbo.path = opts.data_dir;
  dbo.mode = opts.durability;
  if (opts.manual_clock) {
    im.manual_clock = storage::system_now_ms();
    dbo.clock = [clock = &im.manual_clock] { return clock->load(); };
  }
  im.db = storage::db::open(dbo, error);
  if (!im.db || !check_partition_count(*im.db, opts.partitions, error))
    return nullptr;

  im.cfg = std::make_unique<caf::actor_system_config>();
  im.cfg->load<caf::io::middleman>();
  auto workers = opts.workers != 0 ? opts.workers
                                   : std::max(1u, std::thread::hardware_concurrency());
  im.cfg->set("scheduler.max-threads", workers);
  im.cfg->add_message_type<protocol::request_msg>("troupe.request");
  im.cfg->add_message_type<protocol::response_msg>("troupe.response");
  im.cfg->add_message_type<protocol::push_msg>("troupe.push");
  im.sys = std::make_unique<caf::actor_system>(*im.cfg);

  actors::state_limits limits;
  limits.max_key_bytes = opts.max_key_bytes;
  limits.max_value_bytes = opts.max_value_bytes;
  im.shards = per_partition(opts.partitions, [&](partition_id p) {
    return actors::spawn_state_shard(*im.sys, p, *im.db, limits, opts.placement);
  });

  actors::stream_limits stream_limits;
  stream_limits.max_id_bytes = opts.max_key_bytes;
  stream_limits.max_item_bytes = opts.max_value_bytes;
  stream_limits.idle_time = std::chrono::milliseconds{opts.stream_idle_ms};
  im.streams = per_partition(opts.partitions, [&](partition_id p) {
    return actors::spawn_stream_directory(*im.sys, p, *im.db, stream_limits, im.counters,
                                          opts.placement);
  });

  actors::event_options event_opts;
  event_opts.max_id_bytes = opts.max_key_bytes;
  event_opts.max_data_bytes = opts.max_value_bytes;
  event_opts.manual_clock = opts.manual_clock;
  im.events = per_partition(opts.partitions, [&](partition_id p) {
    return actors::spawn_event_shard(*im.sys, p, *im.db, event_opts, opts.placement);
  });

  im.locks = per_partition(opts.partitions, [&](partition_id p) {
    return actors::spawn_lock_shard(*im.sys, p, *im.db, opts.max_key_bytes, opts.placement);
  });

  actors::kv_limits kv_limits;
  kv_limits.max_key_bytes = opts.max_key_bytes;
  kv_limits.max_value_bytes = opts.max_value_bytes;
  im.kv = per_partition(opts.partitions, [&](partition_id p) {
    return actors::spawn_kv_shard(*im.sys, p, *im.db, kv_limits, opts.placement);
  });
  im.channel_hub = actors::spawn_channel_hub(*im.sys);

  auto table = std::make_shared<cluster::partition_table>(opts.partitions, opts.node_id);
  auto ctx = std::make_shared<session_context>();
  ctx->router = std::make_shared<cluster::partition_router>(table, im.shards, im.streams,
                                                           im.events, im.locks, im.kv);
  if (opts.manual_clock)
    ctx->manual_clock = &im.manual_clock;
  ctx->counters = &im.counters;
  ctx->max_subscriber_backlog_bytes = opts.max_subscriber_backlog_bytes;
  ctx->node_id = opts.node_id;
  ctx->cluster_name = opts.cluster_name;
  ctx->token = opts.token;
  ctx->max_frame_bytes = opts.max_frame_bytes;
  ctx->max_key_bytes = opts.max_key_bytes;
  ctx->max_value_bytes = opts.max_value_bytes;
  ctx->channel_hub = im.channel_hub;

  im.acceptor = spawn_acceptor(*im.sys, ctx, hp->first, hp->second, fork_client_session);
  if (!bound_port(*im.sys, im.acceptor, opts.listen, self->port_, error))
    return nullptr;
  if (!opts.resp_listen.empty()) {
    auto rhp = split_host_port(opts.resp_listen);
    im.resp_acceptor = spawn_acceptor(*im.sys, ctx, rhp->first, rhp->second, fork_resp_session);
    if (!bound_port(*im.sys, im.resp_acceptor, opts.resp_listen, self->resp_port_, error))
      return nullptr;
    spdlog::info("RESP front door listening on {}:{}", rhp->first, self->resp_port_);
  }
  spdlog::info("troupe-node {} listening on {}:{} (data {}, durability {}, {} partitions)",
               opts.node_id, hp->first, self->port_, opts.data_dir,
               storage::to_string(opts.durability), opts.partitions);
  return self;
}

void server::stop() {
  auto& im = *impl_;
  if (im.stopped || !im.sys)
    return;
  im.stopped = true;
  {
    caf::scoped_actor self{*im.sys};
    // 1. Stop accepting; sessions answer what they accepted, then close.
    for (auto* acceptor : {&im.acceptor, &im.resp_acceptor}) {
      if (!*acceptor)
        continue;
      self->request(*acceptor, shutdown_timeout, shutdown_atom::value)
        .receive([](actors::ok_atom) {},
                 [&](caf::error& err) {
                   spdlog::warn("shutdown: sessions did not finish: {}", im.sys->render(err));
                 });
      self->send_exit(*acceptor, caf::exit_reason::user_shutdown);
    }
    // 2. Every accepted write is durable before the shards stop.
    for (auto& shard : im.shards)
      self->request(shard, shutdown_timeout, actors::drain_atom::value)
        .receive([](actors::ok_atom) {},
                 [&](caf::error& err) {
                   spdlog::warn("shutdown: shard drain failed: {}", im.sys->render(err));
                 });
    stop_all(self, im.shards);
    stop_all(self, im.streams);
    stop_all(self, im.events);
    stop_all(self, im.locks);
    stop_all(self, im.kv);
    self->send_exit(im.channel_hub, caf::exit_reason::user_shutdown);
  }
  im.shards.clear();
  im.streams.clear();
  im.events.clear();
  im.locks.clear();
  im.kv.clear();
  im.channel_hub = nullptr;
  im.acceptor = nullptr;
  im.resp_acceptor = nullptr;
  im.sys.reset();
  im.db.reset();  // commits what is queued, flushes, closes RocksDB
  spdlog::info("troupe-node stopped");
}

} // namespace troupe::node
