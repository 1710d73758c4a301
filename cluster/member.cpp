#include "cluster/member.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/io/middleman.hpp>
#include <caf/openssl/manager.hpp>
#include <caf/stateful_actor.hpp>
#include <spdlog/spdlog.h>

#include "actors/atoms.hpp"
#include "actors/partition_log.hpp"
#include "cluster/atoms.hpp"
#include "cluster/controller.hpp"
#include "cluster/handoff.hpp"
#include "cluster/raft_driver.hpp"
#include "cluster/replica_plan.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"

namespace troupe::cluster {

namespace {

constexpr auto tick_interval = std::chrono::milliseconds{500};
constexpr auto dial_timeout = std::chrono::seconds{5};
constexpr auto refused_pause = std::chrono::seconds{30};  // before greeting a refuser again
constexpr auto step_timeout = std::chrono::seconds{60};
constexpr auto move_timeout = std::chrono::minutes{30};
constexpr size_t chunk_bytes = size_t{256} << 10;
/// How long a replicated partition's leader serves before it hands the
/// leadership to the preferred replica (a node that restarts gets its
/// share back once it has caught up, not while nodes come and go).
constexpr auto leader_settle = std::chrono::seconds{10};

const std::string table_key = storage::node_meta_key("cluster.table");

struct peer {
  caf::actor member;
  caf::actor gateway;
  caf::actor hub;
  bool up = false;
  bool wants_join = true;  // false once it was drained
  cluster::member info;    // its addresses, as it greeted us
};

/// A move this node runs as the partition's old owner.
struct move_job {
  partition_move move;
  uint64_t epoch = 0;
  caf::actor target;
  std::shared_ptr<const storage::snapshot> first;
  std::unique_ptr<partition_reader> reader;
  bool first_chunk = true;
  bool catch_up = false;
  bool frozen = false;
  size_t copied = 0;  // records sent by the first copy
  size_t stopping = 0;  // partition actors not yet down
  caf::response_promise promise;
};

/// An import chunk being written into a partition served here: its actors
/// stop, the chunk is written through the partition's log, new actors start
/// on what it now holds.
struct import_job {
  uint16_t partition = 0;
  storage::write_batch entry;
  int records = 0;
  size_t stopping = 0;  // partition actors not yet down
  caf::response_promise promise;
};

struct member_state {
  member_config cfg;
  std::shared_ptr<const partition_table> table;
  std::vector<partition_actors> local;
  std::vector<bool> moving;
  std::map<std::string, peer> peers;   // by node id
  std::set<std::string> dialing;       // cluster addresses being dialed
  std::map<std::string, std::chrono::steady_clock::time_point> refused;  // until when
  std::unique_ptr<move_job> job;       // as old owner
  std::unique_ptr<import_job> importing;
  // The views exports read partitions from, by (export id, partition), and
  // when each was last used (dropped after a minute unused).
  std::map<std::pair<uint64_t, uint16_t>,
           std::pair<std::shared_ptr<const storage::snapshot>, std::chrono::steady_clock::time_point>>
    export_views;
  std::optional<partition_move> coordinating;
  std::vector<std::pair<std::string, caf::response_promise>> drains;
  std::vector<caf::response_promise> join_waiters;
  bool ticking = false;
  bool left = false;  // drained out of the cluster
  // Replicated: each partition's leader (empty: unknown) and its term;
  // whether the replicas this node kept were loaded; partitions whose
  // removal from this node is being asked about; a drain's check out.
  std::vector<std::string> leaders;
  std::vector<uint64_t> leader_terms;
  std::vector<std::chrono::steady_clock::time_point> serving_since;
  /// Per partition led here: its commit index at the previous replica step
  /// (a learner that reached it is caught up; see replica_plan).
  std::vector<raft::log_index> commit_before;
  bool replicas_loaded = false;
  /// Members seen acknowledging an entry of a group led here, since this
  /// node started (they held data then, whatever they hold later).
  std::set<uint64_t> held_data;
  std::set<uint16_t> checking;
  bool drain_check_out = false;
  /// Replicated: the controller's applied table last taken (its version),
  /// and whether a table proposed to it is on its way.
  uint64_t controller_seen = 0;
  bool proposing = false;
  // A member accepted this node's greeting while it had no table: a table
  // that names it is the answer, not a sign of data it lost.
  bool asked_to_join = false;
  // This node's own addresses changed at start (a restart on other ports)
  // and must reach the others' tables.
  bool announce_self = false;

  static inline const char* name = "troupe.member";
};

using member_actor = caf::stateful_actor<member_state>;

bool is_local(const partition_actors& a) {
  return static_cast<bool>(a[0]);
}

std::optional<std::pair<std::string, uint16_t>> host_port(const std::string& s) {
  auto colon = s.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return std::nullopt;
  try {
    auto port = std::stoul(s.substr(colon + 1));
    if (port > 65535)
      return std::nullopt;
    return std::make_pair(s.substr(0, colon), static_cast<uint16_t>(port));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

v1::ClusterMember member_message(const std::string& id, const member& m) {
  v1::ClusterMember out;
  out.set_node_id(id);
  out.set_client_address(m.client_address);
  out.set_cluster_address(m.cluster_address);
  out.set_resp_address(m.resp_address);
  out.set_leaving(m.leaving);
  return out;
}

std::string self_info(member_actor* self) {
  auto& st = self->state;
  auto info = st.cfg.self;
  info.leaving = st.left;
  return member_message(st.cfg.node_id, info).SerializeAsString();
}

bool reachable(member_actor* self, const std::string& id) {
  auto& st = self->state;
  if (id == st.cfg.node_id)
    return true;
  auto it = st.peers.find(id);
  return it != st.peers.end() && it->second.up;
}

bool replicated(member_actor* self) {
  return self->state.cfg.replication_factor > 1;
}

/// Where group g's leader, term and leading times are kept: partitions at
/// their id, the controller's after them.
size_t slot(member_actor* self, uint16_t g) {
  return g == controller_group ? self->state.table->count() : g;
}

/// Whether g is a group this node may host: a partition's, or (replicated)
/// the controller's.
bool is_group(member_actor* self, uint16_t g) {
  return g < self->state.table->count() || (replicated(self) && g == controller_group);
}

/// Replicated: the controller's leader when this node reaches it. Else the
/// reachable member with the lowest id. Empty when none.
std::string coordinator(member_actor* self) {
  auto& st = self->state;
  if (replicated(self)) {
    auto& leader = st.leaders[slot(self, controller_group)];
    return !leader.empty() && reachable(self, leader) ? leader : std::string{};
  }
  for (auto& [id, m] : st.table->members())
    if (reachable(self, id))
      return id;
  return {};
}

bool is_coordinator(member_actor* self) {
  return coordinator(self) == self->state.cfg.node_id;
}

/// The table routes and clients see: replicated, each partition's current
/// leader stands as its owner.
std::shared_ptr<const partition_table> routing_table(member_actor* self) {
  auto& st = self->state;
  if (!replicated(self))
    return st.table;
  auto t = std::make_shared<partition_table>(*st.table);
  for (uint32_t i = 0; i < t->count(); ++i)
    t->set_owner(partition_id{static_cast<uint16_t>(i)}, st.leaders[i]);
  return t;
}

void install(member_actor* self) {
  auto& st = self->state;
  std::map<std::string, std::pair<caf::actor, caf::actor>> up;
  for (auto& [id, p] : st.peers)
    if (p.up)
      up.emplace(id, std::make_pair(p.gateway, p.hub));
  // Replicated: a partition without a reachable leader is electing one;
  // its requests wait at this node's gateway (as during a move) and go to
  // the new leader once it serves, instead of failing.
  auto held = st.moving;
  if (replicated(self))
    for (uint32_t i = 0; i < held.size(); ++i)
      held[i] = held[i]
                || (!is_local(st.local[i])
                    && (st.leaders[i].empty() || !reachable(self, st.leaders[i])));
  st.cfg.router->install(make_routes(routing_table(self), st.cfg.node_id, st.local, held,
                                     st.cfg.gateway, st.cfg.hub, up));
  self->send(st.cfg.gateway, reroute_atom::value);
}

void store_table(member_actor* self) {
  auto& st = self->state;
  storage::write_batch batch;
  batch.put(storage::column::meta, table_key, st.table->encode());
  auto status = st.cfg.db->write(std::move(batch));
  if (!status.ok)
    spdlog::error("cannot store the cluster table: {}", status.message);
}

std::string member_of_raft_id(member_actor* self, uint64_t raft_id);
uint32_t replica_changes_pending(member_actor* self);

/// The answer to ClusterStatus (and to a finished drain): troupe.v1.Response
/// bytes holding a ClusterStatusReply.
std::string status_bytes(member_actor* self) {
  auto& st = self->state;
  v1::Response resp;
  auto& out = *resp.mutable_cluster();
  out.set_node_id(st.cfg.node_id);
  out.set_coordinator(coordinator(self));
  auto table = routing_table(self);
  auto* t = out.mutable_table();
  t->set_epoch(table->epoch());
  for (uint32_t p = 0; p < table->count(); ++p)
    t->add_owners(table->owner(partition_id{static_cast<uint16_t>(p)}));
  for (auto& [id, m] : table->members()) {
    auto* out_m = t->add_members();
    *out_m = member_message(id, m);
    out_m->set_reachable(reachable(self, id));
    out_m->set_partitions(table->owned_by(id));
  }
  out.set_moving(replicated(self) ? replica_changes_pending(self)
                                  : static_cast<uint32_t>(st.table->plan().size()));
  auto views = replicated(self) ? st.cfg.driver->views() : nullptr;
  if (views)
    for (auto& v : *views) {
      if (v.role != raft::role::leader || v.group >= table->count())
        continue;
      auto* g = out.add_led();
      g->set_partition(v.group);
      g->set_term(v.term.value);
      g->set_commit(v.commit);
      g->set_last(v.last);
      for (auto& peer : v.peers) {
        auto* r = g->add_replicas();
        r->set_node_id(member_of_raft_id(self, peer.id.value));
        r->set_match(peer.match);
        r->set_active(peer.active);
      }
    }
  return resp.SerializeAsString();
}

/// A refused cluster request: troupe.v1.Response bytes holding an error.
std::string error_bytes(error_code code, std::string message) {
  v1::Response resp;
  set_error(resp, code, std::move(message));
  return resp.SerializeAsString();
}

void dial(member_actor* self, const std::string& address);
void coordinate(member_actor* self);

/// Dials every member the table names that is not reachable.
void dial_members(member_actor* self) {
  auto& st = self->state;
  for (auto& [id, m] : st.table->members())
    if (!reachable(self, id) && !m.cluster_address.empty())
      dial(self, m.cluster_address);
}

void settle_waiters(member_actor* self) {
  auto& st = self->state;
  if (st.table->find_member(st.cfg.node_id) != nullptr || st.left) {
    for (auto& w : st.join_waiters)
      w.deliver(actors::ok_atom::value);
    st.join_waiters.clear();
  }
}

std::vector<raft::node_id> raft_node_ids(const std::vector<std::string>& members) {
  std::vector<raft::node_id> out;
  for (auto& id : members)
    out.push_back(raft_node_id(id));
  return out;
}

/// Replicated: the Raft ids of the members that should hold partition p.
std::vector<raft::node_id> wanted_replicas(member_actor* self, uint16_t p) {
  return raft_node_ids(
    self->state.table->replicas(partition_id{p}, self->state.cfg.replication_factor));
}

bool wanted_here(member_actor* self, uint16_t p) {
  auto& st = self->state;
  if (st.left || st.table->find_member(st.cfg.node_id) == nullptr)
    return false;
  auto w = wanted_replicas(self, p);
  return std::find(w.begin(), w.end(), raft_node_id(st.cfg.node_id)) != w.end();
}

/// Replicated: every group a node may host, the controller's last.
std::vector<uint16_t> groups(member_actor* self) {
  std::vector<uint16_t> out;
  for (uint32_t i = 0; i < self->state.table->count(); ++i)
    out.push_back(static_cast<uint16_t>(i));
  out.push_back(controller_group);
  return out;
}

/// Replicated: hosts a replica of every partition the table places on this
/// node (and, once at start, of every partition this node kept one of). A
/// group's first replicas start it with the founders' replica set; a
/// replica added later starts knowing no configuration and waits for the
/// leader that adds it.
void host_replicas(member_actor* self) {
  auto& st = self->state;
  if (!replicated(self) || st.table->members().empty())
    return;
  std::set<uint16_t> hosted;
  auto views = st.cfg.driver->views();
  for (auto& v : *views)
    hosted.insert(v.group);
  auto rf = st.cfg.replication_factor;
  auto me = raft_node_id(st.cfg.node_id);
  size_t asked = 0;
  for (auto p : groups(self)) {
    bool create = wanted_here(self, p);
    if (hosted.count(p) != 0 || (!create && st.replicas_loaded))
      continue;
    auto initial = raft::raw_ids(raft_node_ids(st.table->initial_replicas(partition_id{p}, rf)));
    if (std::find(initial.begin(), initial.end(), me.value) == initial.end())
      initial.clear();
    ++asked;
    self->request(st.cfg.driver->actor(), caf::infinite, raft_group_atom::value, p, initial, create)
      .then([=](const std::string& error) {
        if (!error.empty())
          spdlog::error("group {}: replica not started: {}", p, error);
      });
  }
  if (asked > 0)
    spdlog::info("{} hosts {} more partition replicas ({} replicas each)", st.cfg.node_id, asked,
                 rf);
  st.replicas_loaded = true;
}

/// Replicated: how many partitions this node leads whose replicas are not
/// yet the ones the table wants, plus those whose replica it still holds
/// but should not.
uint32_t replica_changes_pending(member_actor* self) {
  auto& st = self->state;
  uint32_t pending = 0;
  auto views = st.cfg.driver->views();
  for (auto& v : *views) {
    if (!is_group(self, v.group))
      continue;
    if (v.role != raft::role::leader) {
      pending += wanted_here(self, v.group) ? 0 : 1;
      continue;
    }
    auto wanted = wanted_replicas(self, v.group);
    auto voters = v.config.voters;
    std::sort(wanted.begin(), wanted.end());
    std::sort(voters.begin(), voters.end());
    pending += v.config_pending || !v.config.learners.empty() || voters != wanted ? 1 : 0;
  }
  return pending;
}

/// Replicated: each group this node leads takes its next step towards the
/// replicas the table wants (replica_plan), and, once it has led for a
/// while, hands its leadership to the preferred replica.
void change_replicas(member_actor* self) {
  auto& st = self->state;
  auto now = std::chrono::steady_clock::now();
  auto views = st.cfg.driver->views();
  for (auto& v : *views) {
    if (!is_group(self, v.group))
      continue;
    auto p = v.group;
    auto at = slot(self, p);
    bool leading = v.role == raft::role::leader && v.serving;
    // Only a commit index seen while leading, one tick ago, is a target.
    auto before = std::exchange(st.commit_before[at], leading ? v.commit : 0);
    if (!leading || v.config_pending)
      continue;
    raft::node_id preferred;
    if (now - st.serving_since[at] >= leader_settle)
      preferred = raft_node_id(st.table->preferred_leader(partition_id{p}));
    auto step = next_replica_step(v.config, wanted_replicas(self, p),
                                  raft_node_id(st.cfg.node_id), v.peers, v.commit, preferred,
                                  before);
    // A hand-over refuses writes until the target leads or it is given up
    // (a target that is stopping never takes it): not again for a while.
    if (step.transfer_to && *step.transfer_to == preferred)
      st.serving_since[at] = now;
    if (step.transfer_to) {
      self->request(st.cfg.driver->actor(), caf::infinite, raft_transfer_atom::value, p,
                    step.transfer_to->value)
        .then([](const std::string&) {});  // refused while one is under way: asked again
    } else if (step.propose) {
      auto voters = raft::raw_ids(step.propose->voters);
      auto learners = raft::raw_ids(step.propose->learners);
      SPDLOG_DEBUG("partition {}: {} voters and {} learners next", p, voters.size(),
                   learners.size());
      self->request(st.cfg.driver->actor(), caf::infinite, raft_config_atom::value, p, voters,
                    learners)
        .then([=](const std::string& refused) {
          if (!refused.empty())
            SPDLOG_DEBUG("partition {}: replica change refused: {}", p, refused);
        });
    }
  }
}

/// Replicated: a replica this node holds but the table no longer places
/// here is deleted once the partition's leader says its removal from the
/// group is committed.
void retire_replicas(member_actor* self) {
  auto& st = self->state;
  auto me = raft_node_id(st.cfg.node_id).value;
  auto views = st.cfg.driver->views();
  for (auto& v : *views) {
    auto p = v.group;
    if (v.role == raft::role::leader || !is_group(self, p) || wanted_here(self, p)
        || st.checking.count(p) != 0)
      continue;
    auto it = st.peers.find(st.leaders[slot(self, p)]);
    if (it == st.peers.end() || !it->second.up)
      continue;
    st.checking.insert(p);
    self->request(it->second.member, dial_timeout, replica_check_atom::value, p, me)
      .then(
        [=](uint8_t answer) {
          if (answer != 2) {
            self->state.checking.erase(p);
            return;
          }
          self->request(self->state.cfg.driver->actor(), caf::infinite, raft_remove_atom::value, p)
            .then([=](const std::string& refused) {
              self->state.checking.erase(p);
              if (refused.empty())
                spdlog::info("{} no longer holds a replica of group {}",
                             self->state.cfg.node_id, p);
            });
        },
        [=](caf::error&) { self->state.checking.erase(p); });
  }
}

/// Replicated: the answer to replica_check_atom about partition p's node
/// `raft_id` (see atoms.hpp). Removed means: out of the committed
/// configuration, and not placed there again by this node's table (it
/// would be added back).
uint8_t replica_check(member_actor* self, uint16_t p, uint64_t raft_id) {
  auto wanted = wanted_replicas(self, p);
  bool placed = std::find(wanted.begin(), wanted.end(), raft::node_id{raft_id}) != wanted.end();
  auto views = self->state.cfg.driver->views();
  for (auto& v : *views)
    if (v.group == p && v.role == raft::role::leader)
      return placed || v.may_hold(raft::node_id{raft_id}) ? 1 : 2;
  return 0;
}

/// Replicated: records that `node` serves partition p as the leader of
/// `term`, unless a later term's leader is known.
void note_leader(member_actor* self, uint16_t p, const std::string& node, uint64_t term) {
  auto& st = self->state;
  if (!is_group(self, p))
    return;
  auto at = slot(self, p);
  if (term < st.leader_terms[at])
    return;
  // A replica that stopped hearing from its leader (it was removed from the
  // group, or is cut off) forgets it without a new term: others still know
  // it, and routing holds requests anyway once it is unreachable.
  if (node.empty() && term == st.leader_terms[at] && st.leaders[at] != st.cfg.node_id)
    return;
  st.leader_terms[at] = term;
  st.leaders[at] = node;
}

/// The member whose Raft id is `raft_id`; empty when none (or 0).
std::string member_of_raft_id(member_actor* self, uint64_t raft_id) {
  if (raft_id != 0)
    for (auto& [id, m] : self->state.table->members())
      if (raft_node_id(id).value == raft_id)
        return id;
  return {};
}

void finish_import(member_actor* self, bool ok, const std::string& message,
                   bool respawn = true);

void take_controller_table(member_actor* self);
void broadcast(member_actor* self);

/// Replicated: the controller group serves here (this node coordinates from
/// now on), or is led by `leader_id` elsewhere.
void on_controller_serving(member_actor* self, bool serving, const std::string& leader_id,
                           uint64_t term) {
  auto& st = self->state;
  auto at = slot(self, controller_group);
  bool was = st.leaders[at] == st.cfg.node_id;
  note_leader(self, controller_group,
              serving ? st.cfg.node_id : leader_id == st.cfg.node_id ? std::string{} : leader_id,
              term);
  if (!serving || was)
    return;
  spdlog::info("{} coordinates cluster {} (controller term {})", st.cfg.node_id,
               st.cfg.cluster_name, term);
  for (auto& [id, peer] : st.peers)
    if (peer.up)
      self->send(peer.member, leader_atom::value, controller_group, term, st.cfg.node_id);
  take_controller_table(self);
  broadcast(self);
  coordinate(self);
}

/// Replicated: the driver says whether partition p serves here (this node
/// leads it in `term` and applied everything committed before), or who
/// leads it elsewhere.
void on_serving(member_actor* self, uint16_t p, bool serving, uint64_t leader, uint64_t term) {
  auto& st = self->state;
  if (!replicated(self) || !is_group(self, p))
    return;
  auto leader_id = member_of_raft_id(self, leader);
  if (p == controller_group)
    return on_controller_serving(self, serving, leader_id, term);
  if (!serving && st.importing && st.importing->partition == p)
    finish_import(self, false, "this node stopped leading the partition; retry", false);
  bool local = is_local(st.local[p]);
  if (serving && !local) {
    // A fresh log of this term: actors of an earlier term can no longer
    // write, even if they are still stopping.
    st.cfg.logs->renew(partition_id{p}, term);
    st.local[p] = st.cfg.spawn_partition(partition_id{p});
    st.serving_since[p] = std::chrono::steady_clock::now();
    SPDLOG_DEBUG("{} serves partition {} in term {}", st.cfg.node_id, p, term);
  } else if (!serving && local) {
    for (auto& a : st.local[p])
      self->send_exit(a, caf::exit_reason::user_shutdown);
    st.local[p] = partition_actors{};
    SPDLOG_DEBUG("{} no longer leads partition {} (leader now {})", st.cfg.node_id, p,
                 leader_id.empty() ? std::string{"unknown"} : leader_id);
  }
  // Leading here but not serving yet (its term's first entry not applied):
  // unknown to routing, so requests wait at the gateway until it serves.
  note_leader(self, p,
              serving ? st.cfg.node_id : leader_id == st.cfg.node_id ? std::string{} : leader_id,
              term);
  // Members that hold no replica of p learn of its leader this way.
  if (serving && !local)
    for (auto& [id, peer] : st.peers)
      if (peer.up)
        self->send(peer.member, leader_atom::value, p, term, st.cfg.node_id);
  install(self);
}

/// Takes `next` as the table: stores it, routes by it.
void adopt_table(member_actor* self, partition_table next) {
  auto& st = self->state;
  bool was_member = st.table->find_member(st.cfg.node_id) != nullptr;
  // A member the new table drops was drained: it does not join again unless
  // it greets anew (a restart).
  for (auto& [id, p] : st.peers)
    if (st.table->find_member(id) != nullptr && next.find_member(id) == nullptr)
      p.wants_join = false;
  st.table = std::make_shared<const partition_table>(std::move(next));
  auto& me = st.cfg.node_id;
  if (was_member && st.table->find_member(me) == nullptr && !st.table->members().empty()) {
    st.left = true;
    spdlog::info("{} left cluster {} (drained)", me, st.cfg.cluster_name);
  }
  for (uint32_t i = 0; i < st.table->count() && !replicated(self); ++i) {
    partition_id p{static_cast<uint16_t>(i)};
    if (st.table->owner(p) == me && !is_local(st.local[i]) && !st.moving[i]
        && !(st.job && st.job->move.partition == p)) {
      spdlog::warn("table epoch {} names {} owner of partition {}; serving it from local data",
                   st.table->epoch(), me, i);
      st.local[i] = st.cfg.spawn_partition(p);
    }
  }
  store_table(self);
  install(self);
  dial_members(self);
  settle_waiters(self);
  host_replicas(self);
}

/// Sends this node's table to every reachable member.
void broadcast(member_actor* self) {
  auto& st = self->state;
  auto bytes = st.table->encode();
  for (auto& [id, p] : st.peers)
    if (p.up)
      self->send(p.member, table_atom::value, bytes);
}

void merge_table(member_actor* self, const std::string& bytes);

/// Replicated: takes the table the controller group applied here last, if
/// it is newer, and passes it on to every reachable member.
void take_controller_table(member_actor* self) {
  auto& st = self->state;
  if (st.cfg.controller == nullptr)
    return;
  auto bytes = st.cfg.controller->latest(st.controller_seen);
  if (!bytes)
    return;
  auto epoch = st.table->epoch();
  merge_table(self, *bytes);
  if (st.table->epoch() != epoch)
    broadcast(self);
}

/// Coordinator: applies `change` to a copy of the table under the next
/// epoch, adopts it and sends it to every reachable member. Replicated, the
/// copy is proposed to the controller group instead, and taken once
/// applied; false (nothing done) while an earlier proposal is on its way:
/// the caller tries again at its next turn.
template <class Change>
bool change_table(member_actor* self, Change change) {
  auto& st = self->state;
  if (replicated(self)) {
    take_controller_table(self);
    if (st.proposing)
      return false;
  }
  auto next = *st.table;
  change(next);
  next.set_epoch(st.table->epoch() + 1);
  if (!replicated(self)) {
    adopt_table(self, std::move(next));
    broadcast(self);
    return true;
  }
  st.proposing = true;
  auto me = caf::actor_cast<caf::actor>(self);
  st.cfg.driver->propose(
    controller_group, next.encode(),
    [me](const storage::db_status& s) {
      caf::anon_send(me, proposed_atom::value, s.ok, s.message);
    },
    st.leader_terms[slot(self, controller_group)]);
  return true;
}

/// Replicated: notes the members that acknowledged an entry of a group this
/// node leads now. Remembered, since a leadership that moves here later
/// starts knowing nothing of what they hold.
void note_held_data(member_actor* self) {
  auto views = self->state.cfg.driver->views();
  for (auto& v : *views)
    if (v.role == raft::role::leader)
      for (auto& p : v.peers)
        if (p.match > 0)
          self->state.held_data.insert(p.id.value);
}

/// Replicated: whether member `id` was ever seen here acknowledging an
/// entry (it held data then, whatever it holds now).
bool held_entries(member_actor* self, const std::string& id) {
  note_held_data(self);
  return self->state.held_data.count(raft_node_id(id).value) != 0;
}

/// Why node `id` (empty: unnamed) with table `other` cannot be in this
/// node's cluster; empty when it can.
std::string incompatible(member_actor* self, const std::string& other_bytes,
                         const std::string& id = {}) {
  auto& mine = *self->state.table;
  auto other = partition_table::decode(other_bytes);
  if (!other)
    return "malformed partition table";
  // Replicated, a member's replicas vote: back with an empty disk, it could
  // help elect a leader that lacks writes it had acknowledged. (Under the
  // first table a founder may greet before it reached it: there, only one
  // that had acknowledged entries is known to have lost them.)
  if (replicated(self) && !id.empty() && mine.find_member(id) != nullptr
      && other->members().empty() && (mine.epoch() > 1 || held_entries(self, id)))
    return "it is member " + id + " of this cluster but came back without its data; drain it"
           " (troupe cluster drain " + id + ") and start it under a new node id";
  auto& me = self->state.cfg.node_id;
  if (replicated(self) && mine.members().empty() && !self->state.asked_to_join
      && other->find_member(me) != nullptr && other->epoch() > 1)
    return "this node is member " + me + " of that cluster but has none of its data; drain it"
           " (troupe cluster drain " + me + ") and start it under a new node id";
  if (other->count() != mine.count())
    return "it has " + std::to_string(other->count()) + " partitions, this node "
           + std::to_string(mine.count());
  if (!other->cluster_id().empty() && !mine.cluster_id().empty()
      && other->cluster_id() != mine.cluster_id())
    return "its data belongs to cluster id " + other->cluster_id() + ", this node's to "
           + mine.cluster_id();
  return {};
}

void merge_table(member_actor* self, const std::string& bytes) {
  auto next = partition_table::decode(bytes);
  if (!next || !incompatible(self, bytes).empty())
    return;
  if (next->epoch() > self->state.table->epoch())
    adopt_table(self, std::move(*next));
}

/// Starts the cluster when this node has no table, bootstrap_expect nodes
/// reach each other (none with a table: it would have been adopted) and
/// this node has the lowest id among them.
void maybe_bootstrap(member_actor* self) {
  auto& st = self->state;
  if (st.cfg.bootstrap_expect == 0 || !st.table->members().empty()
      || st.cfg.self.cluster_address.empty())
    return;
  std::vector<std::string> ids{st.cfg.node_id};
  for (auto& [id, p] : st.peers)
    if (p.up)
      ids.push_back(id);
  if (ids.size() < st.cfg.bootstrap_expect
      || *std::min_element(ids.begin(), ids.end()) != st.cfg.node_id)
    return;
  spdlog::info("{} starts cluster {}: {} nodes reach each other", st.cfg.node_id,
               st.cfg.cluster_name, ids.size());
  partition_table fresh{st.table->count(), st.cfg.node_id, st.cfg.self};
  if (replicated(self)) {
    // Every node that counted is a member at once: they found every
    // partition's group.
    std::vector<std::string> founders{st.cfg.node_id};
    for (auto& [id, p] : st.peers)
      if (p.up) {
        fresh.put_member(id, p.info);
        founders.push_back(id);
      }
    fresh.set_founders(std::move(founders));
  } else {
    for (uint32_t i = 0; i < fresh.count(); ++i)
      st.local[i] = st.cfg.spawn_partition(partition_id{static_cast<uint16_t>(i)});
  }
  adopt_table(self, std::move(fresh));
  broadcast(self);
  coordinate(self); // the others greeted already: they join
}

void peer_up(member_actor* self, const v1::ClusterMember& info, caf::actor member_handle,
             caf::actor gateway, caf::actor hub) {
  auto& st = self->state;
  auto& p = st.peers[info.node_id()];
  bool was_up = p.up && p.member == member_handle;
  p.member = member_handle;
  p.gateway = std::move(gateway);
  p.hub = std::move(hub);
  p.up = true;
  p.wants_join = !info.leaving();
  p.info = member{info.client_address(), info.cluster_address(), info.resp_address(), false};
  if (was_up)
    return;
  self->monitor(p.member);
  // A table this node adopted after the hello was composed (greetings
  // cross) reaches the peer this way; it keeps whichever epoch is higher.
  self->send(p.member, table_atom::value, st.table->encode());
  if (replicated(self)) {
    self->send(p.member, raft_peer_atom::value, raft_node_id(st.cfg.node_id).value,
               st.cfg.driver->actor());
    for (uint32_t i = 0; i < st.local.size(); ++i)
      if (is_local(st.local[i]))
        self->send(p.member, leader_atom::value, static_cast<uint16_t>(i), st.leader_terms[i],
                   st.cfg.node_id);
    if (is_coordinator(self))
      self->send(p.member, leader_atom::value, controller_group,
                 st.leader_terms[slot(self, controller_group)], st.cfg.node_id);
  }
  spdlog::info("{} reaches {} at {}", st.cfg.node_id, info.node_id(), info.cluster_address());
  install(self);
  maybe_bootstrap(self);
  coordinate(self);
}

void on_hello_reply(member_actor* self, caf::actor member_handle, const std::string& info_bytes,
                    caf::actor gateway, caf::actor hub, const std::string& table_bytes) {
  v1::ClusterMember info;
  if (!info.ParseFromString(info_bytes) || info.node_id() == self->state.cfg.node_id)
    return;
  if (auto why = incompatible(self, table_bytes, info.node_id()); !why.empty()) {
    spdlog::error("{} at {} cannot be in this node's cluster: {}", info.node_id(),
                  info.cluster_address(), why);
    self->state.refused[info.cluster_address()] = std::chrono::steady_clock::now()
                                                  + refused_pause;
    return;
  }
  if (self->state.table->members().empty())
    self->state.asked_to_join = true;
  merge_table(self, table_bytes);
  peer_up(self, info, std::move(member_handle), std::move(gateway), std::move(hub));
}

void dial(member_actor* self, const std::string& address) {
  auto& st = self->state;
  if (auto r = st.refused.find(address); r != st.refused.end()) {
    if (std::chrono::steady_clock::now() < r->second)
      return;
    st.refused.erase(r);
  }
  if (address == st.cfg.self.cluster_address || !st.dialing.insert(address).second)
    return;
  auto hp = host_port(address);
  if (!hp) {
    spdlog::error("invalid cluster address {}", address);
    return;
  }
  // Over TLS when the node has the OpenSSL module (--cluster-tls-*).
  auto& sys = self->system();
  auto mm = sys.has_openssl_manager() ? sys.openssl_manager().actor_handle()
                                      : sys.middleman().actor_handle();
  self->request(mm, dial_timeout, caf::connect_atom::value, hp->first, hp->second)
    .then(
      [=](const caf::node_id&, caf::strong_actor_ptr& ptr, const std::set<std::string>&) {
        if (!ptr) {
          self->state.dialing.erase(address);
          return;
        }
        auto other = caf::actor_cast<caf::actor>(ptr);
        auto& s = self->state;
        self->request(other, dial_timeout, hello_atom::value, s.cfg.cluster_name, self_info(self),
                      s.cfg.gateway, s.cfg.hub, s.table->encode())
          .then(
            [=](std::string& info, caf::actor& gw, caf::actor& hub, std::string& table) {
              self->state.dialing.erase(address);
              on_hello_reply(self, other, info, gw, hub, table);
            },
            [=](caf::error& err) {
              auto& s = self->state;
              s.dialing.erase(address);
              if (err == caf::sec::runtime_error)  // refused, not merely slow
                s.refused[address] = std::chrono::steady_clock::now() + refused_pause;
              spdlog::warn("{} refused {}: {}", address, s.cfg.node_id,
                           self->system().render(err));
            });
      },
      [=](caf::error&) { self->state.dialing.erase(address); });
}

// -- moves, old owner's side --------------------------------------------------

void finish_job(member_actor* self, caf::error err) {
  auto& st = self->state;
  auto job = std::move(st.job);
  auto i = job->move.partition.value;
  if (err) {
    spdlog::warn("moving partition {} to {} failed: {}", i, job->move.to,
                 self->system().render(err));
    if (job->frozen) {
      st.local[i] = st.cfg.spawn_partition(job->move.partition);
      st.moving[i] = false;
      install(self);
    }
    job->promise.deliver(std::move(err));
    return;
  }
  st.local[i] = partition_actors{};
  st.moving[i] = false;
  auto next = *st.table;
  next.set_owner(job->move.partition, job->move.to);
  next.set_epoch(std::max(next.epoch(), job->epoch));
  adopt_table(self, std::move(next));
  // Everyone learns the new owner even if the coordinator is lost meanwhile.
  broadcast(self);
  auto status = st.cfg.logs->of(job->move.partition).apply(erase_entry(job->move.partition));
  if (!status.ok)
    spdlog::error("partition {} moved, but deleting its old data failed: {}", i, status.message);
  spdlog::info("partition {} moved to {} ({} records, {} caught up)", i, job->move.to,
               job->copied, job->reader->records());
  job->promise.deliver(actors::ok_atom::value);
}

void freeze(member_actor* self);

void send_chunks(member_actor* self) {
  auto& st = self->state;
  auto& job = *st.job;
  storage::db_status status;
  auto chunk = job.reader->next(chunk_bytes, status);
  if (!status.ok)
    return finish_job(self, caf::make_error(caf::sec::runtime_error, status.message));
  if (!chunk && job.first_chunk) {
    v1::PartitionChunk empty;  // still resets the new owner's copy
    empty.set_partition(job.move.partition.value);
    chunk = empty.SerializeAsString();
  }
  if (!chunk) {
    if (!job.catch_up)
      return freeze(self);
    auto p = job.move.partition.value;
    self->request(job.target, step_timeout, adopt_atom::value, p, job.epoch)
      .then([=](actors::ok_atom) { finish_job(self, caf::error{}); },
            [=](caf::error& err) { finish_job(self, std::move(err)); });
    return;
  }
  bool reset = job.first_chunk;
  job.first_chunk = false;
  self->request(job.target, step_timeout, chunk_atom::value, std::move(*chunk), reset)
    .then([=](actors::ok_atom) { send_chunks(self); },
          [=](caf::error& err) { finish_job(self, std::move(err)); });
}

/// Holds the partition's requests and stops its actors; once they are all
/// down and what they wrote is committed, the catch-up is sent.
void freeze(member_actor* self) {
  auto& st = self->state;
  auto& job = *st.job;
  auto i = job.move.partition.value;
  job.frozen = true;
  st.moving[i] = true;
  install(self);
  job.stopping = service_count;
  for (auto& a : st.local[i]) {
    self->monitor(a);
    self->send_exit(a, caf::exit_reason::user_shutdown);
  }
}

void on_partition_stopped(member_actor* self) {
  auto& st = self->state;
  if (!st.job)
    return;
  auto me = caf::actor_cast<caf::actor>(self);
  // The log applies in order: once this empty entry is applied, so is
  // everything the stopped actors appended.
  st.cfg.logs->of(st.job->move.partition)
    .append(storage::write_batch{}, [me](uint64_t, storage::db_status s) {
      caf::anon_send(me, actors::committed_atom::value, uint64_t{0}, s.ok, std::move(s.message));
    });
}

void start_catch_up(member_actor* self, bool ok, const std::string& message) {
  auto& st = self->state;
  if (!st.job || !st.job->frozen)
    return;
  if (!ok)
    return finish_job(self, caf::make_error(caf::sec::runtime_error, message));
  auto& job = *st.job;
  auto second = st.cfg.db->take_snapshot();
  job.copied = job.reader->records();
  job.reader = std::make_unique<partition_reader>(*st.cfg.db, job.move.partition, second,
                                                  job.first);
  SPDLOG_DEBUG("partition {}: {} records copied, catching up", job.move.partition.value,
               job.copied);
  job.catch_up = true;
  send_chunks(self);
}

caf::result<actors::ok_atom> start_move(member_actor* self, uint16_t p, const std::string& to,
                                        uint64_t epoch) {
  auto& st = self->state;
  if (p >= st.table->count() || !is_local(st.local[p]))
    return caf::make_error(caf::sec::runtime_error,
                           "partition " + std::to_string(p) + " is not served here");
  if (st.job)
    return caf::make_error(caf::sec::runtime_error, "another move is running here");
  if (st.importing && st.importing->partition == p)
    return caf::make_error(caf::sec::runtime_error,
                           "partition " + std::to_string(p) + " is taking an import");
  auto it = st.peers.find(to);
  if (it == st.peers.end() || !it->second.up)
    return caf::make_error(caf::sec::runtime_error, to + " is not reachable");
  st.job = std::make_unique<move_job>();
  auto& job = *st.job;
  job.move = {partition_id{p}, st.cfg.node_id, to};
  job.epoch = epoch;
  job.target = it->second.member;
  job.first = st.cfg.db->take_snapshot();
  job.reader = std::make_unique<partition_reader>(*st.cfg.db, partition_id{p}, job.first);
  job.promise = self->make_response_promise();
  send_chunks(self);
  return job.promise;
}

// -- export and import -------------------------------------------------------

/// The member of the node that serves partition p — its leader when
/// replicated, else its owner — when that is another node this one reaches;
/// null when p is served here, or (then with `why`) by no node reachable now.
caf::actor server_of(member_actor* self, uint16_t p, std::string& why) {
  auto& st = self->state;
  if (is_local(st.local[p]) && !st.moving[p])
    return nullptr;
  auto node = replicated(self) ? st.leaders[p] : st.table->owner(partition_id{p});
  if (!node.empty() && node != st.cfg.node_id) {
    auto it = st.peers.find(node);
    if (it != st.peers.end() && it->second.up)
      return it->second.member;
  }
  why = "partition " + std::to_string(p) + " has no serving node this one reaches now; retry";
  return nullptr;
}

constexpr uint32_t default_export_bytes = 1 << 20;
constexpr uint32_t max_export_bytes = 4 << 20;

/// The view export `id` reads partition p from: a new one with the
/// partition's first chunk; views unused for a minute are dropped.
std::shared_ptr<const storage::snapshot> export_view(member_actor* self, uint64_t id, uint16_t p,
                                                     bool first) {
  auto& views = self->state.export_views;
  auto now = std::chrono::steady_clock::now();
  for (auto it = views.begin(); it != views.end();)
    it = now - it->second.second > std::chrono::minutes{1} ? views.erase(it) : std::next(it);
  auto& slot = views[{id, p}];
  if (first || !slot.first)
    slot.first = self->state.cfg.db->take_snapshot();
  slot.second = now;
  return slot.first;
}

caf::result<std::string> export_part(member_actor* self, uint64_t id, uint16_t p, uint32_t col,
                                     const std::string& after, uint32_t max_bytes) {
  auto& st = self->state;
  if (p >= st.table->count())
    return error_bytes(error_code::invalid_argument, "no partition " + std::to_string(p));
  std::string why;
  if (auto other = server_of(self, p, why)) {
    self->delegate(other, export_atom::value, id, p, col, after, max_bytes);
    return caf::delegated<std::string>{};
  }
  if (!why.empty())
    return error_bytes(error_code::unavailable, why);
  std::string chunk;
  auto view = export_view(self, id, p, col == 0 && after.empty());
  auto status = export_chunk(*st.cfg.db, *view, partition_id{p}, col, after,
                             max_bytes == 0 ? default_export_bytes
                                            : std::min(max_bytes, max_export_bytes),
                             chunk);
  if (!status.ok)
    return error_bytes(error_code::internal, "export of partition " + std::to_string(p)
                                               + " failed: " + status.message);
  v1::Response resp;
  resp.mutable_chunk()->ParseFromString(chunk);
  if (resp.chunk().done())
    st.export_views.erase({id, p});
  return resp.SerializeAsString();
}

caf::result<std::string> import_part(member_actor* self, const std::string& bytes) {
  auto& st = self->state;
  v1::ImportChunk req;
  if (!req.ParseFromString(bytes))
    return error_bytes(error_code::invalid_argument, "malformed import chunk");
  auto count = st.table->count();
  if (req.chunk().partition() >= count)
    return error_bytes(error_code::invalid_argument,
                       "no partition " + std::to_string(req.chunk().partition()) + " (the cluster has "
                         + std::to_string(count) + ")");
  auto p = static_cast<uint16_t>(req.chunk().partition());
  std::string why;
  if (auto other = server_of(self, p, why)) {
    self->delegate(other, import_atom::value, bytes);
    return caf::delegated<std::string>{};
  }
  if (!why.empty())
    return error_bytes(error_code::unavailable, why);
  if (st.importing || (st.job && st.job->move.partition.value == p))
    return error_bytes(error_code::unavailable,
                       "partition " + std::to_string(p) + " is busy (moving, or taking another "
                                                          "import); retry");
  if (req.first() && !req.replace()) {
    storage::db_status status;
    if (!partition_empty(*st.cfg.db, partition_id{p}, status))
      return status.ok ? error_bytes(error_code::conflict,
                                     "partition " + std::to_string(p)
                                       + " already holds data: an import fills an empty cluster"
                                         " (or replaces what it holds when asked to)")
                       : error_bytes(error_code::internal, status.message);
  }
  auto job = std::make_unique<import_job>();
  partition_id pid;
  auto status = chunk_entry(req.chunk().SerializeAsString(), req.first() && req.replace(), pid,
                            job->entry);
  if (!status.ok)
    return error_bytes(error_code::invalid_argument, status.message);
  job->partition = p;
  job->records = req.chunk().entries_size();
  job->stopping = service_count;
  job->promise = self->make_response_promise();
  auto promise = job->promise;
  st.importing = std::move(job);
  // Requests for p wait at the gateway meanwhile.
  st.moving[p] = true;
  install(self);
  for (auto& a : st.local[p]) {
    self->monitor(a);
    self->send_exit(a, caf::exit_reason::user_shutdown);
  }
  return promise;
}

void write_import(member_actor* self) {
  auto& st = self->state;
  auto me = caf::actor_cast<caf::actor>(self);
  st.cfg.logs->of(partition_id{st.importing->partition})
    .append(std::move(st.importing->entry), [me](uint64_t, storage::db_status s) {
      caf::anon_send(me, imported_atom::value, s.ok, std::move(s.message));
    });
}

void finish_import(member_actor* self, bool ok, const std::string& message, bool respawn) {
  auto& st = self->state;
  if (!st.importing)
    return;  // given up on already (leadership moved)
  auto job = std::move(st.importing);
  auto p = job->partition;
  bool ours = replicated(self) ? st.leaders[p] == st.cfg.node_id
                               : st.table->owner(partition_id{p}) == st.cfg.node_id;
  if (respawn && ours && !is_local(st.local[p]))
    st.local[p] = st.cfg.spawn_partition(partition_id{p});
  st.moving[p] = false;
  install(self);
  if (!ok) {
    job->promise.deliver(error_bytes(error_code::unavailable, "import into partition "
                                                                + std::to_string(p)
                                                                + " failed: " + message));
    return;
  }
  v1::Response resp;
  resp.mutable_count()->set_count(static_cast<uint64_t>(job->records));
  job->promise.deliver(resp.SerializeAsString());
}

// -- coordinator --------------------------------------------------------------

/// Partition ids as two big-endian bytes each (a plain string crosses CAF
/// remoting without a registered type), and back.
void put_partition(std::string& out, uint16_t p) {
  out.push_back(static_cast<char>(p >> 8));
  out.push_back(static_cast<char>(p & 0xFF));
}

std::vector<uint16_t> partitions_of(const std::string& packed) {
  std::vector<uint16_t> out;
  for (size_t i = 0; i + 1 < packed.size(); i += 2)
    out.push_back(static_cast<uint16_t>((static_cast<uint8_t>(packed[i]) << 8)
                                        | static_cast<uint8_t>(packed[i + 1])));
  return out;
}

/// Replicated: (partitions this node leads, the groups it leads — the
/// controller's too — that still have the node `raft_id` among their
/// replicas), packed.
std::pair<std::string, std::string> replicas_on(member_actor* self, uint64_t raft_id) {
  std::pair<std::string, std::string> out;
  auto views = self->state.cfg.driver->views();
  for (auto& v : *views)
    if (v.role == raft::role::leader) {
      if (v.group < self->state.table->count())
        put_partition(out.first, v.group);
      if (v.may_hold(raft::node_id{raft_id}))
        put_partition(out.second, v.group);
    }
  return out;
}

/// Answers the drains whose node left the table.
void answer_drains(member_actor* self) {
  auto& st = self->state;
  for (auto it = st.drains.begin(); it != st.drains.end();) {
    if (st.table->find_member(it->first) == nullptr) {
      it->second.deliver(status_bytes(self));
      it = st.drains.erase(it);
    } else {
      ++it;
    }
  }
}

/// Replicated: asks every reachable member which groups it leads still have
/// `node` among their replicas; once every partition's leader answered and
/// none has, the drained node leaves the table.
void check_drained(member_actor* self, const std::string& node) {
  auto& st = self->state;
  struct tally {
    size_t waiting = 1;
    std::set<uint16_t> led;  // a deposed leader may still count itself one
    size_t holding = 0;
    bool failed = false;
    bool asking = true;  // still in check_drained: the caller coordinates
    void add(const std::string& l, const std::string& h) {
      for (auto p : partitions_of(l))
        led.insert(p);
      holding += partitions_of(h).size();
    }
  };
  auto t = std::make_shared<tally>();
  auto id = raft_node_id(node).value;
  auto finish = [=] {
    if (--t->waiting > 0)
      return;
    auto& s = self->state;
    s.drain_check_out = false;
    if (t->failed || t->led.size() < s.table->count() || t->holding > 0
        || s.table->find_member(node) == nullptr || !is_coordinator(self))
      return;
    if (change_table(self, [&](partition_table& tb) { tb.remove_member(node); }))
      spdlog::info("{} drained: no group keeps a replica there; removing it from the cluster",
                   node);
    if (!t->asking)
      answer_drains(self);
  };
  st.drain_check_out = true;
  auto mine = replicas_on(self, id);
  t->add(mine.first, mine.second);
  for (auto& [pid, p] : st.peers) {
    if (!p.up)
      continue;
    ++t->waiting;
    self->request(p.member, dial_timeout, replicas_on_atom::value, id)
      .then(
        [=](const std::string& led, const std::string& holding) {
          t->add(led, holding);
          finish();
        },
        [=](caf::error&) {
          t->failed = true;
          finish();
        });
  }
  finish();
  t->asking = false;
}

void coordinate(member_actor* self) {
  auto& st = self->state;
  // A drain asked of this node is answered once its node left the table,
  // whoever coordinated the end of it.
  answer_drains(self);
  if (!is_coordinator(self))
    return;
  // A drain asked here whose node is not marked leaving yet (a change was
  // on its way when it was asked).
  for (auto& [node, promise] : st.drains)
    if (auto* m = st.table->find_member(node); m != nullptr && !m->leaving)
      change_table(self, [&node = node](partition_table& t) {
        auto info = *t.find_member(node);
        info.leaving = true;
        t.put_member(node, info);
      });
  // Members being drained that own nothing any more (replicated: hold no
  // replica any more) leave the table, whichever member the drain was
  // asked of: the coordinator may have changed since.
  std::vector<std::string> leaving;
  for (auto& [id, m] : st.table->members())
    if (m.leaving)
      leaving.push_back(id);
  for (auto& node : leaving) {
    if (replicated(self) && !st.drain_check_out) {
      check_drained(self, node);
    } else if (!replicated(self) && st.table->owned_by(node) == 0 && !st.coordinating) {
      change_table(self, [&node = node](partition_table& t) { t.remove_member(node); });
      spdlog::info("{} drained and removed from the cluster", node);
    }
  }
  answer_drains(self);
  if (st.coordinating)
    return;
  bool peer_up = std::any_of(st.peers.begin(), st.peers.end(),
                             [](auto& p) { return p.second.up; });
  if (st.announce_self && peer_up) {
    // Not before another member is reached: a table bumped alone could
    // tie with one the others moved on to meanwhile.
    st.announce_self = !change_table(self, [&](partition_table& t) {
      if (auto* m = t.find_member(st.cfg.node_id)) {
        auto info = st.cfg.self;
        info.leaving = m->leaving;
        t.put_member(st.cfg.node_id, info);
      }
    });
  }
  // Nodes that greeted us join; members whose addresses changed are updated.
  for (auto& [id, p] : st.peers) {
    if (!p.up || !p.wants_join)
      continue;
    auto* m = st.table->find_member(id);
    if (m == nullptr
        || (!m->leaving && (m->client_address != p.info.client_address
                            || m->cluster_address != p.info.cluster_address
                            || m->resp_address != p.info.resp_address))) {
      auto info = p.info;
      info.leaving = m != nullptr && m->leaving;
      change_table(self, [&id = id, &info](partition_table& t) { t.put_member(id, info); });
      if (m == nullptr)
        spdlog::info("{} joined cluster {}", id, st.cfg.cluster_name);
    }
  }
  if (replicated(self))
    return;  // replicas change by Raft, led by each partition's leader
  auto move = st.table->next_move([&](const std::string& id) { return reachable(self, id); });
  if (!move)
    return;
  st.coordinating = move;
  auto epoch = st.table->epoch() + 1;
  auto source = move->from == st.cfg.node_id ? caf::actor_cast<caf::actor>(self)
                                             : st.peers[move->from].member;
  SPDLOG_DEBUG("moving partition {} from {} to {}", move->partition.value, move->from, move->to);
  self->request(source, move_timeout, move_atom::value, move->partition.value, move->to, epoch)
    .then(
      [=](actors::ok_atom) {
        auto& s = self->state;
        s.coordinating.reset();
        change_table(self, [&](partition_table& t) { t.set_owner(move->partition, move->to); });
        coordinate(self);
      },
      [=](caf::error& err) {
        self->state.coordinating.reset();
        spdlog::warn("move of partition {} from {} to {} failed: {}", move->partition.value,
                     move->from, move->to, self->system().render(err));
      });
}

/// Replicated: hands partition p's leadership from this node to `node`.
caf::result<std::string> transfer_leader(member_actor* self, uint16_t p, const std::string& node) {
  auto& st = self->state;
  if (!replicated(self))
    return error_bytes(error_code::invalid_argument,
                       "leaders are a replicated cluster's (--replication-factor > 1)");
  if (p >= st.table->count())
    return error_bytes(error_code::invalid_argument,
                       "no partition " + std::to_string(p) + " (the cluster has "
                         + std::to_string(st.table->count()) + ")");
  if (st.table->find_member(node) == nullptr)
    return error_bytes(error_code::not_found, "no member " + node + " in the cluster");
  if (st.leaders[p] != st.cfg.node_id) {
    v1::Response resp;
    set_error(resp, error_code::not_leader,
              "partition " + std::to_string(p) + " is led by "
                + (st.leaders[p].empty() ? std::string{"nobody yet"} : st.leaders[p]));
    resp.mutable_error()->set_leader_node(st.leaders[p]);
    return resp.SerializeAsString();
  }
  auto promise = self->make_response_promise<std::string>();
  self->request(st.cfg.driver->actor(), caf::infinite, raft_transfer_atom::value, p,
                raft_node_id(node).value)
    .then(
      [=](const std::string& refused) mutable {
        promise.deliver(refused.empty() ? status_bytes(self)
                                        : error_bytes(error_code::invalid_argument,
                                                      "cannot hand partition " + std::to_string(p)
                                                        + " to " + node + ": " + refused));
      },
      [=](caf::error& err) mutable {
        promise.deliver(error_bytes(error_code::unavailable, self->system().render(err)));
      });
  return promise;
}

caf::result<std::string> drain(member_actor* self, const std::string& node) {
  auto& st = self->state;
  auto coord = coordinator(self);
  if (coord.empty())
    return error_bytes(error_code::unavailable, "no reachable member coordinates the cluster");
  if (coord != st.cfg.node_id) {
    self->delegate(st.peers[coord].member, drain_node_atom::value, node);
    return caf::delegated<std::string>{};
  }
  auto* m = st.table->find_member(node);
  if (m == nullptr)
    return error_bytes(error_code::not_found, "no member " + node + " in the cluster");
  size_t staying = 0;
  for (auto& [id, info] : st.table->members())
    if (id != node && !info.leaving)
      ++staying;
  if (staying == 0)
    return error_bytes(error_code::invalid_argument,
                       "cannot drain " + node + ": it is the last member");
  // Replicated, a replica the table moves onto a member that is down could
  // not catch up, and the drain would wait for it: the dead one goes first.
  if (replicated(self) && !m->leaving)
    for (auto& [id, info] : st.table->members()) {
      if (id == node || id == st.cfg.node_id)
        continue;
      auto peer = st.peers.find(id);
      if (peer == st.peers.end() || !peer->second.up)
        return error_bytes(error_code::unavailable,
                           "cannot drain " + node + " while " + id + " is unreachable: replicas "
                             "moved there could not catch up; drain " + id
                             + " first (troupe cluster drain " + id + "), or bring it back");
    }
  spdlog::info("draining {}", node);
  auto promise = self->make_response_promise<std::string>();
  st.drains.emplace_back(node, promise);
  coordinate(self);
  return promise;
}

// -- the actor ----------------------------------------------------------------

void on_down(member_actor* self, const caf::down_msg& msg) {
  auto& st = self->state;
  if (st.importing && st.importing->stopping > 0)
    for (auto& a : st.local[st.importing->partition])
      if (a && a.address() == msg.source) {
        a = nullptr;
        if (--st.importing->stopping == 0)
          write_import(self);
        return;
      }
  if (st.job && st.job->stopping > 0) {
    auto& local = st.local[st.job->move.partition.value];
    for (auto& a : local)
      if (a && a.address() == msg.source) {
        a = nullptr;
        if (--st.job->stopping == 0)
          on_partition_stopped(self);
        return;
      }
  }
  for (auto& [id, p] : st.peers)
    if (p.up && p.member.address() == msg.source) {
      p.up = false;
      spdlog::warn("{} lost {}: {}", st.cfg.node_id, id, self->system().render(msg.reason));
      install(self);
      return;
    }
}

caf::behavior member_impl(member_actor* self, member_config cfg,
                          std::shared_ptr<partition_table> table,
                          std::vector<partition_actors> local) {
  auto& st = self->state;
  st.cfg = std::move(cfg);
  st.table = std::move(table);
  st.local = std::move(local);
  st.moving.assign(st.table->count(), false);
  // One slot per partition, and the controller's.
  st.leaders.assign(st.table->count() + 1, std::string{});
  st.leader_terms.assign(st.table->count() + 1, 0);
  st.serving_since.assign(st.table->count() + 1, {});
  st.commit_before.assign(st.table->count() + 1, 0);
  self->set_down_handler([self](caf::down_msg& msg) { on_down(self, msg); });
  install(self);
  if (replicated(self)) {
    self->send(st.cfg.driver->actor(), raft_observe_atom::value,
               caf::actor_cast<caf::actor>(self));
    host_replicas(self);
  }
  return {
    [=](joined_atom, const std::string& cluster_address) -> caf::result<actors::ok_atom> {
      auto& s = self->state;
      s.cfg.self.cluster_address = cluster_address;
      if (auto* m = s.table->find_member(s.cfg.node_id)) {
        // This node's own entry: its addresses may differ after a restart.
        auto next = *s.table;
        auto info = *m;
        info.client_address = s.cfg.self.client_address;
        info.cluster_address = cluster_address;
        info.resp_address = s.cfg.self.resp_address;
        next.put_member(s.cfg.node_id, info);
        s.table = std::make_shared<const partition_table>(std::move(next));
        store_table(self);
        install(self);
        // The others learn it from the coordinator: from its greeting, or,
        // when this node coordinates, from the next table it sends.
        s.announce_self = !cluster_address.empty();
      }
      if (!cluster_address.empty() && !s.ticking) {
        s.ticking = true;
        self->send(self, tick_atom::value);
      }
      if (s.table->find_member(s.cfg.node_id) != nullptr)
        return actors::ok_atom::value;
      auto promise = self->make_response_promise<actors::ok_atom>();
      s.join_waiters.push_back(promise);
      return promise;
    },
    [=](tick_atom) {
      auto& s = self->state;
      // Seeds are dialed until one answers as a member we reach (a node
      // with a stored table may find its members moved).
      if (!s.left)
        for (auto& seed : s.cfg.seeds) {
          bool reached = false;
          for (auto& [id, p] : s.peers)
            reached = reached || (p.up && p.info.cluster_address == seed);
          if (!reached)
            dial(self, seed);
        }
      dial_members(self);
      maybe_bootstrap(self);
      coordinate(self);
      if (replicated(self)) {
        take_controller_table(self);
        host_replicas(self);
        change_replicas(self);
        retire_replicas(self);
        note_held_data(self);
      }
      self->delayed_send(self, tick_interval, tick_atom::value);
    },
    [=](hello_atom, const std::string& cluster, const std::string& info_bytes,
        caf::actor& gateway, caf::actor& hub,
        const std::string& table_bytes) -> caf::result<std::string, caf::actor, caf::actor,
                                                       std::string> {
      auto& s = self->state;
      v1::ClusterMember info;
      if (cluster != s.cfg.cluster_name)
        return caf::make_error(caf::sec::runtime_error,
                               "this node belongs to cluster '" + s.cfg.cluster_name
                                 + "', not '" + cluster + "'");
      if (!info.ParseFromString(info_bytes) || info.node_id().empty())
        return caf::make_error(caf::sec::runtime_error, "malformed hello");
      if (info.node_id() == s.cfg.node_id)
        return caf::make_error(caf::sec::runtime_error,
                               "node id " + info.node_id() + " is already taken");
      if (auto why = incompatible(self, table_bytes, info.node_id()); !why.empty()) {
        spdlog::error("{} at {} cannot be in this node's cluster: {}", info.node_id(),
                      info.cluster_address(), why);
        return caf::make_error(caf::sec::runtime_error, "not in this cluster: " + why);
      }
      merge_table(self, table_bytes);
      peer_up(self, info, caf::actor_cast<caf::actor>(self->current_sender()), gateway, hub);
      return caf::result<std::string, caf::actor, caf::actor, std::string>{
        self_info(self), s.cfg.gateway, s.cfg.hub, s.table->encode()};
    },
    [=](table_atom, const std::string& bytes) { merge_table(self, bytes); },
    [=](proposed_atom, bool ok, const std::string& message) {
      auto& s = self->state;
      s.proposing = false;
      if (!ok)
        SPDLOG_DEBUG("{}: table change not committed: {}", s.cfg.node_id, message);
      take_controller_table(self);
      coordinate(self);
    },
    [=](move_atom, uint16_t p, const std::string& to, uint64_t epoch) {
      return start_move(self, p, to, epoch);
    },
    [=](actors::committed_atom, uint64_t, bool ok, const std::string& message) {
      start_catch_up(self, ok, message);
    },
    [=](chunk_atom, const std::string& bytes, bool reset) -> caf::result<actors::ok_atom> {
      auto& s = self->state;
      partition_id p;
      storage::write_batch entry;
      auto status = chunk_entry(bytes, reset, p, entry);
      if (status.ok && p.value >= s.local.size())
        status = storage::db_status::failure("no partition " + std::to_string(p.value));
      else if (status.ok && is_local(s.local[p.value]))
        return caf::make_error(caf::sec::runtime_error,
                               "partition " + std::to_string(p.value) + " is served here");
      if (status.ok)
        status = s.cfg.logs->of(p).apply(std::move(entry));
      if (!status.ok)
        return caf::make_error(caf::sec::runtime_error, status.message);
      return actors::ok_atom::value;
    },
    [=](adopt_atom, uint16_t p, uint64_t epoch) -> caf::result<actors::ok_atom> {
      auto& s = self->state;
      if (p >= s.table->count())
        return caf::make_error(caf::sec::runtime_error, "no partition " + std::to_string(p));
      if (!is_local(s.local[p]))
        s.local[p] = s.cfg.spawn_partition(partition_id{p});
      auto next = *s.table;
      next.set_owner(partition_id{p}, s.cfg.node_id);
      next.set_epoch(std::max(next.epoch(), epoch));
      adopt_table(self, std::move(next));
      return actors::ok_atom::value;
    },
    [=](drain_node_atom, const std::string& node) { return drain(self, node); },
    [=](transfer_leader_atom, uint16_t p, const std::string& node) {
      return transfer_leader(self, p, node);
    },
    [=](raft_peer_atom, uint64_t id, caf::actor& driver) {
      // A peer's driver, from its member: this node's driver sends to it.
      if (replicated(self))
        self->send(self->state.cfg.driver->actor(), raft_peer_atom::value, id, std::move(driver));
    },
    [=](raft_serving_atom, uint16_t p, bool serving, uint64_t leader, uint64_t term) {
      on_serving(self, p, serving, leader, term);
    },
    [=](leader_atom, uint16_t p, uint64_t term, const std::string& node) {
      if (!replicated(self))
        return;
      note_leader(self, p, node, term);
      install(self);
    },
    [=](replica_check_atom, uint16_t p, uint64_t raft_id) {
      return replicated(self) ? replica_check(self, p, raft_id) : uint8_t{0};
    },
    [=](replicas_on_atom, uint64_t raft_id) {
      auto r = replicated(self) ? replicas_on(self, raft_id) : std::pair<std::string, std::string>{};
      return caf::make_message(std::move(r.first), std::move(r.second));
    },
    [=](status_atom) { return status_bytes(self); },
    [=](export_atom, uint64_t id, uint16_t p, uint32_t col, const std::string& after,
        uint32_t max_bytes) { return export_part(self, id, p, col, after, max_bytes); },
    [=](import_atom, const std::string& bytes) { return import_part(self, bytes); },
    [=](imported_atom, bool ok, const std::string& message) { finish_import(self, ok, message); },
  };
}

} // namespace

std::optional<partition_table> load_table(storage::db& db, std::string& error) {
  storage::db_status status;
  auto raw = db.get(storage::column::meta, table_key, status);
  if (!status.ok) {
    error = "cannot read the cluster table: " + status.message;
    return std::nullopt;
  }
  if (!raw)
    return std::nullopt;
  auto table = partition_table::decode(*raw);
  if (!table) {
    error = "the stored cluster table is malformed";
    return table;
  }
  // Replicated: the controller may have applied a newer table than the
  // member stored before it stopped.
  uint64_t seen = 0;
  if (auto applied = controller_state_machine{db}.latest(seen))
    if (auto newer = partition_table::decode(*applied);
        newer && newer->epoch() > table->epoch() && newer->count() == table->count())
      return newer;
  return table;
}

std::shared_ptr<const routes>
make_routes(std::shared_ptr<const partition_table> table, const std::string& local_node,
            const std::vector<partition_actors>& local, const std::vector<bool>& moving,
            caf::actor local_gateway, caf::actor local_hub,
            const std::map<std::string, std::pair<caf::actor, caf::actor>>& peers) {
  auto r = std::make_shared<routes>();
  auto n = table->count();
  r->table = std::move(table);
  r->state.resize(n);
  r->local.resize(n);
  r->gateway.resize(n);
  r->local_gateway = local_gateway;
  r->local_node = local_node;
  r->hubs.push_back(std::move(local_hub));
  for (auto& [id, handles] : peers) {
    r->hubs.push_back(handles.second);
    r->gateways.emplace(id, handles.first);
  }
  for (uint32_t i = 0; i < n; ++i) {
    if (moving[i]) {
      r->state[i] = partition_state::moving;
      r->gateway[i] = local_gateway;
    } else if (is_local(local[i])) {
      r->state[i] = partition_state::local;
      r->local[i] = local[i];
    } else if (auto it = peers.find(r->table->owner(partition_id{static_cast<uint16_t>(i)}));
               it != peers.end()) {
      r->state[i] = partition_state::remote;
      r->gateway[i] = it->second.first;
    } else {
      r->state[i] = partition_state::unreachable;
      r->gateway[i] = local_gateway;
    }
  }
  return r;
}

caf::actor spawn_member(caf::actor_system& sys, member_config cfg, partition_table table,
                        std::vector<partition_actors> local) {
  return sys.spawn(member_impl, std::move(cfg),
                   std::make_shared<partition_table>(std::move(table)), std::move(local));
}

} // namespace troupe::cluster
