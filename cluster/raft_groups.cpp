#include "cluster/raft_groups.hpp"

#include <algorithm>
#include <cstdlib>

#include <spdlog/spdlog.h>

#include "cluster/handoff.hpp"
#include "cluster/raft_codec.hpp"
#include "cluster/raft_log_store.hpp"
#include "storage/batch_append.hpp"
#include "storage/key_codec.hpp"

namespace troupe::cluster {

// --- partition_state_machine ------------------------------------------------

storage::db_status partition_state_machine::apply(uint16_t group, std::string_view data,
                                                  storage::write_batch& batch) {
  storage::write_batch entry;
  std::string error;
  if (!decode_batch(data, entry, error))
    return storage::db_status::failure(std::move(error));
  auto prefix = storage::partition_prefix(partition_id{group});
  auto end = storage::prefix_end(prefix);
  auto inside = [&](std::string_view k) { return k.substr(0, prefix.size()) == prefix; };
  for (auto& op : entry.ops()) {
    bool ok = static_cast<int>(op.cf) < storage::partition_data_columns && inside(op.key)
              && (op.what != storage::write_batch::kind::remove_range || op.value <= end);
    if (!ok)
      return storage::db_status::failure("raft entry writes outside partition "
                                         + std::to_string(group));
  }
  storage::append_batch(entry, batch);
  return storage::db_status::success();
}

namespace {

/// A partition's records in handoff chunks (PartitionChunk messages, which
/// concatenated are one PartitionChunk with every record).
class partition_snapshot final : public snapshot_reader {
public:
  partition_snapshot(const storage::db& db, partition_id p) : reader_(db, p, db.take_snapshot()) {}
  std::optional<std::string> next(size_t max_bytes, storage::db_status& status) override {
    return reader_.next(max_bytes, status);
  }

private:
  partition_reader reader_;
};

} // namespace

std::unique_ptr<snapshot_reader> partition_state_machine::read_snapshot(uint16_t group) {
  return std::make_unique<partition_snapshot>(db_, partition_id{group});
}

void partition_state_machine::erase(uint16_t group, storage::write_batch& batch) {
  storage::append_batch(erase_entry(partition_id{group}), batch);
}

storage::db_status partition_state_machine::install(uint16_t group, std::string_view data,
                                                    storage::write_batch& batch) {
  storage::write_batch entry = erase_entry(partition_id{group});
  if (!data.empty()) {
    partition_id p;
    auto status = chunk_entry(data, true, p, entry);
    if (!status.ok)
      return status;
    if (p.value != group)
      return storage::db_status::failure("snapshot of partition " + std::to_string(p.value)
                                         + " sent to group " + std::to_string(group));
  }
  storage::append_batch(entry, batch);
  return storage::db_status::success();
}

// --- raft_groups --------------------------------------------------------------

struct raft_groups::group {
  uint16_t id;
  raft_log_store store;
  raft::core core;
  struct pending {
    raft::log_index index;
    raft::term_t term;
    done_fn done;
  };
  std::deque<pending> proposals;
  struct read_asked {
    done_fn done;
    std::chrono::steady_clock::time_point at;
  };
  std::map<uint64_t, read_asked> reads_asked;             // context -> read
  std::chrono::steady_clock::time_point lease_until;      ///< reads answered at once until then
  raft::term_t lease_term;
  std::vector<std::pair<raft::log_index, done_fn>> reads; // wait for applied
  bool serving = false;
  raft::node_id leader;
  raft::term_t term;

  group(uint16_t g, raft_log_store loaded, raft::core_options o, raft::persisted_state ps)
    : id(g), store(std::move(loaded)), core(o, std::move(ps)) {}
};

/// A snapshot on its way to one follower: read from one view of the state
/// machine, a chunk at a time, each sent once the last was acknowledged.
struct raft_groups::outgoing_snapshot {
  raft::term_t term;  ///< the leader's term it was asked in
  raft::snapshot_meta meta;
  std::unique_ptr<snapshot_reader> reader;
  std::optional<std::string> ahead;  ///< the chunk after the one sent
  uint32_t sent = 0;                 ///< chunks sent
  bool acked = false;                ///< the last one sent was acknowledged
  int idle_ticks = 0;
};

/// A snapshot arriving: the chunks so far, from one leader, in order.
struct raft_groups::incoming_snapshot {
  raft::node_id from;
  raft::term_t term;
  raft::log_index index = 0;
  uint32_t next = 0;
  std::string data;
};

raft_groups::raft_groups(storage::db& db, raft_state_machine& machine,
                         raft_groups_options options)
  : db_(db), machine_(machine), options_(options) {}

raft_groups::~raft_groups() {
  for (auto& [id, g] : groups_)
    fail_pending(*g, "the node is stopping");
}

storage::db_status raft_groups::add(uint16_t id, const raft::configuration& initial,
                                    bool create) {
  if (hosts(id))
    return storage::db_status::success();
  if (removing_.count(id) != 0 || removed_.count(id) != 0)
    return storage::db_status::refused("raft group " + std::to_string(id)
                                       + " is being removed here");
  raft_log_store store{db_, id};
  storage::db_status status;
  bool kept = store.stored(status);
  if (!status.ok || (!create && !kept))
    return status;
  raft::persisted_state ps;
  status = store.load(initial, ps);
  if (!status.ok)
    return status;
  if (!kept && !ps.snapshot.config.voters.empty())
    store.found(ps.snapshot.config, compactions_);
  raft::core_options o;
  o.id = options_.self;
  o.election_ticks = options_.election_ticks;
  o.heartbeat_ticks = options_.heartbeat_ticks;
  o.seed = options_.seed ^ (uint64_t{id} << 32);
  o.start_in_lease = options_.read_lease.count() > 0;
  try {
    groups_.emplace(id, std::make_unique<group>(id, std::move(store), o, std::move(ps)));
  } catch (const std::exception& e) {
    return storage::db_status::failure("raft group " + std::to_string(id) + ": " + e.what());
  }
  return storage::db_status::success();
}

void raft_groups::remove(uint16_t id) {
  if (groups_.count(id) != 0)
    removing_.insert(id);  // at the start of the next turn: none is using it then
}

void raft_groups::take_removals(storage::write_batch& batch) {
  for (auto id : removing_) {
    auto it = groups_.find(id);
    if (it == groups_.end())
      continue;
    auto& g = *it->second;
    fail_pending(g, "the replica was removed from the group");
    if (g.serving && on_serving_)
      on_serving_(id, false, raft::node_id{}, g.term);
    g.store.retire(g.core.term(), g.core.vote(), batch);
    machine_.erase(id, batch);
    groups_.erase(it);
    removed_.insert(id);
    receiving_.erase(id);
    std::erase_if(sending_, [id](const auto& s) { return s.first.first == id; });
  }
  removing_.clear();
}

storage::db_status raft_groups::change_config(uint16_t id, const raft::configuration& next) {
  auto it = groups_.find(id);
  if (it == groups_.end())
    return storage::db_status::refused("raft group " + std::to_string(id) + " is not hosted here");
  auto e = it->second->core.propose_config(next);
  return e == raft::errc::ok ? storage::db_status::success()
                             : storage::db_status::refused(raft::to_string(e));
}

void raft_groups::tick() {
  for (auto& [id, g] : groups_) {
    g->core.tick();
    notice(*g);
  }
  // A snapshot whose leader lost its term, or whose follower stopped
  // answering, is abandoned; the core asks for a new one when it must.
  for (auto it = sending_.begin(); it != sending_.end();) {
    auto& [key, s] = *it;
    auto g = groups_.find(key.first);
    bool over = g == groups_.end() || g->second->core.role() != raft::role::leader
                || g->second->core.term() != s.term
                || ++s.idle_ticks > options_.snapshot_stream_ticks;
    it = over ? sending_.erase(it) : std::next(it);
  }
}

void raft_groups::start_snapshot(group& g, raft::message m,
                                 std::map<raft::node_id, std::vector<group_message>>& out) {
  stream_key key{g.id, m.to.value};
  if (auto it = sending_.find(key); it != sending_.end() && it->second.term == g.core.term())
    return;  // on its way
  outgoing_snapshot s;
  s.term = g.core.term();
  s.meta = g.core.applied_snapshot();
  s.reader = machine_.read_snapshot(g.id);
  storage::db_status status;
  s.ahead = s.reader->next(options_.snapshot_chunk_bytes, status);
  if (!status.ok) {
    spdlog::error("raft group {}: snapshot not read: {}", g.id, status.message);
    return;
  }
  ++counters_.snapshots_sent;
  auto [it, inserted] = sending_.insert_or_assign(key, std::move(s));
  if (!send_chunk(g.id, m.to, it->second, out))
    sending_.erase(it);
}

bool raft_groups::send_chunk(uint16_t group, raft::node_id to, outgoing_snapshot& s,
                             std::map<raft::node_id, std::vector<group_message>>& out) {
  raft::message m;
  m.type = raft::message_type::snapshot;
  m.from = options_.self;
  m.to = to;
  m.term = s.term;
  m.snapshot = s.meta;
  m.snapshot_data = s.ahead ? std::move(*s.ahead) : std::string{};
  m.chunk = s.sent++;
  storage::db_status status;
  s.ahead = s.reader->next(options_.snapshot_chunk_bytes, status);
  if (!status.ok) {
    spdlog::error("raft group {}: snapshot not read: {}", group, status.message);
    return false;
  }
  m.more = s.ahead.has_value();
  s.acked = false;
  s.idle_ticks = 0;
  ++counters_.snapshot_chunks_sent;
  out[to].push_back(group_message{group, std::move(m)});
  return true;
}

std::optional<raft::message> raft_groups::take_chunk(uint16_t group, raft::message m) {
  auto ack = [&](bool refused) {
    raft::message a;
    a.type = raft::message_type::snapshot_ack;
    a.from = options_.self;
    a.to = m.from;
    a.term = m.term;
    a.index = m.snapshot.index;
    a.context = m.chunk;
    a.reject = refused;
    acks_.push_back(group_message{group, std::move(a)});
  };
  if (m.chunk == 0)
    receiving_[group] = incoming_snapshot{m.from, m.term, m.snapshot.index, 0, {}};
  auto it = receiving_.find(group);
  if (it == receiving_.end() || it->second.from != m.from || it->second.term != m.term
      || it->second.index != m.snapshot.index || it->second.next != m.chunk) {
    // Not the chunk this replica waits for (it restarted, or a newer
    // snapshot began): the leader stops, and its core sends a new one.
    if (it != receiving_.end() && it->second.from == m.from)
      receiving_.erase(it);
    ack(true);
    return std::nullopt;
  }
  auto& in = it->second;
  in.data += m.snapshot_data;
  ++in.next;
  if (m.more) {
    ack(false);
    return std::nullopt;
  }
  m.snapshot_data = std::move(in.data);
  receiving_.erase(it);
  return m;
}

void raft_groups::on_snapshot_ack(uint16_t group, const raft::message& m) {
  auto it = sending_.find(stream_key{group, m.from.value});
  if (it == sending_.end())
    return;
  auto& s = it->second;
  if (s.term != m.term || s.meta.index != m.index || m.context + 1 != s.sent || !s.ahead)
    return;  // stale, or for the last chunk (the follower's core answers that)
  if (m.reject)
    sending_.erase(it);
  else
    s.acked = true;
}

bool raft_groups::receive(std::string_view frame, std::string& error) {
  std::vector<group_message> messages;
  if (!decode_frame(frame, messages, error)) {
    ++counters_.malformed_frames;
    return false;
  }
  for (auto& gm : messages) {
    auto it = groups_.find(gm.group);
    if (it == groups_.end() || gm.msg.to != options_.self
        || (stopping_ && gm.msg.type == raft::message_type::timeout_now))
      continue;
    if (gm.msg.type == raft::message_type::snapshot_ack) {
      on_snapshot_ack(gm.group, gm.msg);
      continue;
    }
    if (gm.msg.type == raft::message_type::snapshot) {
      auto whole = take_chunk(gm.group, std::move(gm.msg));
      if (!whole)
        continue;
      gm.msg = std::move(*whole);
    }
    it->second->core.step(std::move(gm.msg));
    notice(*it->second);
  }
  return true;
}

void raft_groups::propose(uint16_t id, std::string data, done_fn done, uint64_t term) {
  auto it = groups_.find(id);
  if (it == groups_.end()) {
    done(storage::db_status::failure("raft group " + std::to_string(id) + " is not hosted here"));
    return;
  }
  auto& g = *it->second;
  if (term != 0 && (!g.serving || g.core.term().value != term)) {
    done(storage::db_status::refused("leadership of term " + std::to_string(term)
                                     + " is over; the write was not applied"));
    return;
  }
  auto p = g.core.propose(std::move(data));
  if (p.error != raft::errc::ok) {
    done(storage::db_status::refused(raft::to_string(p.error)));
    return;
  }
  g.proposals.push_back({p.index, g.core.term(), std::move(done)});
}

void raft_groups::read(uint16_t id, done_fn done, uint64_t term) {
  auto it = groups_.find(id);
  if (it == groups_.end()) {
    done(storage::db_status::failure("raft group " + std::to_string(id) + " is not hosted here"));
    return;
  }
  auto& g = *it->second;
  if (term != 0 && (!g.serving || g.core.term().value != term)) {
    done(storage::db_status::failure("leadership of term " + std::to_string(term) + " is over"));
    return;
  }
  auto now = std::chrono::steady_clock::now();
  if (g.core.role() == raft::role::leader && g.lease_term == g.core.term() && now < g.lease_until) {
    ++counters_.reads_in_lease;
    done(storage::db_status::success());
    return;
  }
  ++counters_.read_rounds;
  auto context = next_read_++;
  auto e = g.core.read_index(context);
  if (e != raft::errc::ok) {
    done(storage::db_status::failure(raft::to_string(e)));
    return;
  }
  g.reads_asked.emplace(context, group::read_asked{std::move(done), now});
}

storage::db_status raft_groups::transfer(uint16_t id, raft::node_id to) {
  auto it = groups_.find(id);
  if (it == groups_.end())
    return storage::db_status::refused("raft group " + std::to_string(id) + " is not hosted here");
  auto& g = *it->second;
  // The target campaigns at once, stickiness aside: no more lease reads.
  if (to != options_.self)
    g.lease_until = {};
  auto e = g.core.transfer_leadership(to);
  return e == raft::errc::ok ? storage::db_status::success()
                             : storage::db_status::refused(raft::to_string(e));
}

size_t raft_groups::transfer_away() {
  stopping_ = true;
  size_t leading = 0;
  for (auto& [id, g] : groups_) {
    auto& c = g->core;
    if (c.role() != raft::role::leader)
      continue;
    ++leading;
    // The voter heard from lately with the longest log.
    const raft::progress* best = nullptr;
    raft::node_id target;
    auto better = [](const raft::progress& a, const raft::progress* b) {
      return b == nullptr || std::pair{a.recent_active, a.match} > std::pair{b->recent_active, b->match};
    };
    for (auto& [peer, pr] : c.peers())
      if (peer != options_.self && c.config().is_voter(peer) && better(pr, best)) {
        best = &pr;
        target = peer;
      }
    // The target campaigns at once, stickiness aside: no more lease reads.
    g->lease_until = {};
    if (best != nullptr)
      c.transfer_leadership(target);  // refused while one is under way: asked again later
  }
  return leading;
}

bool raft_groups::begin_turn(storage::write_batch& batch) {
  if (turn_out())
    return false;
  batch = std::move(compactions_);
  compactions_ = storage::write_batch{};
  take_removals(batch);
  for (auto& [id, g] : groups_) {
    if (!g->core.has_ready())
      continue;
    auto r = g->core.take_ready();
    g->store.persist(r, batch);
    if (r.snapshot) {
      auto status = machine_.install(id, r.snapshot_data, batch);
      if (!status.ok) {
        // The core already counts the snapshot as applied: going on would
        // serve a state that is not the group's. Nothing of this turn is
        // written; a restart asks the leader again.
        spdlog::critical("raft group {}: snapshot at {} cannot be installed: {}", id,
                         r.snapshot->index, status.message);
        std::abort();
      }
      ++counters_.snapshots_installed;
    }
    for (auto& e : r.committed) {
      if (e.type != raft::entry_type::normal)
        continue;
      auto status = machine_.apply(id, e.data, batch);
      if (!status.ok)
        // Deterministic: every replica skips the same entry.
        spdlog::error("raft group {}: entry {} not applied: {}", id, e.index, status.message);
    }
    if (r.snapshot || !r.committed.empty())
      g->store.applied(r.committed.empty() ? r.snapshot->index : r.committed.back().index, batch);
    turn_.emplace_back(g.get(), std::move(r));
  }
  bool chunks = std::any_of(sending_.begin(), sending_.end(),
                            [](const auto& s) { return s.second.acked; });
  turn_started_ = !batch.empty() || !turn_.empty() || !acks_.empty() || chunks;
  return turn_started_;
}

std::vector<raft_groups::frame> raft_groups::end_turn() {
  std::map<raft::node_id, std::vector<group_message>> out;
  auto turn = std::move(turn_);
  turn_.clear();
  turn_started_ = false;
  removed_.clear();  // their deletion is durable
  ++counters_.turns;
  for (auto& [g, r] : turn) {
    g->core.advance(r);
    counters_.applied += r.committed.size();
    for (auto& e : r.committed) {
      while (!g->proposals.empty() && g->proposals.front().index <= e.index) {
        auto p = std::move(g->proposals.front());
        g->proposals.pop_front();
        if (p.index == e.index && p.term == e.term)
          p.done(storage::db_status::success());
        else
          p.done(storage::db_status::refused("leadership lost; the write was not applied"));
      }
    }
    if (r.snapshot)
      while (!g->proposals.empty() && g->proposals.front().index <= r.snapshot->index) {
        g->proposals.front().done(
          storage::db_status::failure("leadership lost; the write's outcome is unknown"));
        g->proposals.pop_front();
      }
    for (auto& rs : r.reads) {
      auto it = g->reads_asked.find(rs.context);
      if (it == g->reads_asked.end())
        continue;
      if (options_.read_lease.count() > 0 && !g->core.transferring()) {
        g->lease_until = std::max(g->lease_until, it->second.at + options_.read_lease);
        g->lease_term = g->core.term();
      }
      g->reads.emplace_back(rs.index, std::move(it->second.done));
      g->reads_asked.erase(it);
    }
    complete_reads(*g);
    for (auto& m : r.messages) {
      if (m.type == raft::message_type::snapshot) {
        // Stale when the core no longer leads in the message's term.
        if (g->core.role() == raft::role::leader && g->core.term() == m.term)
          start_snapshot(*g, std::move(m), out);
        continue;
      }
      auto to = m.to;
      out[to].push_back(group_message{g->id, std::move(m)});
    }
    auto applied = g->core.applied();
    if (applied >= g->core.first_index() + options_.compact_after
        && g->core.compact(applied) == raft::errc::ok)
      g->store.compact(g->core.applied_snapshot(), compactions_);
    notice(*g);
  }
  for (auto it = sending_.begin(); it != sending_.end();) {
    auto& [key, s] = *it;
    if (s.acked && !send_chunk(key.first, raft::node_id{key.second}, s, out))
      it = sending_.erase(it);
    else
      ++it;
  }
  for (auto& a : std::exchange(acks_, {})) {
    auto to = a.msg.to;
    out[to].push_back(std::move(a));
  }
  std::vector<frame> frames;
  for (auto& [to, messages] : out) {
    counters_.messages += messages.size();
    ++counters_.frames;
    frames.emplace_back(to, encode_frame(messages));
  }
  return frames;
}

void raft_groups::complete_reads(group& g) {
  auto applied = g.core.applied();
  auto it = std::stable_partition(g.reads.begin(), g.reads.end(),
                                  [&](auto& r) { return r.first > applied; });
  std::vector<done_fn> ready;
  for (auto i = it; i != g.reads.end(); ++i)
    ready.push_back(std::move(i->second));
  g.reads.erase(it, g.reads.end());
  for (auto& fn : ready)
    fn(storage::db_status::success());
}

void raft_groups::fail_pending(group& g, const std::string& why) {
  auto proposals = std::move(g.proposals);
  g.proposals.clear();
  for (auto& p : proposals)
    p.done(storage::db_status::failure(why));
  auto asked = std::move(g.reads_asked);
  g.reads_asked.clear();
  for (auto& [context, read] : asked)
    read.done(storage::db_status::failure(why));
  auto reads = std::move(g.reads);
  g.reads.clear();
  for (auto& [index, fn] : reads)
    fn(storage::db_status::failure(why));
}

void raft_groups::notice(group& g) {
  auto& c = g.core;
  bool leading = c.role() == raft::role::leader;
  if (!leading && (!g.proposals.empty() || !g.reads_asked.empty() || !g.reads.empty()))
    // The new leader may still commit these proposals, or overwrite them.
    fail_pending(g, "leadership lost; the outcome is unknown");
  bool serving = leading && c.term_start() > 0 && c.applied() >= c.term_start();
  if (serving == g.serving && c.leader() == g.leader && c.term() == g.term)
    return;
  if (c.leader() != g.leader && c.leader() != raft::node_id{})
    ++counters_.leader_changes;
  if (leading && (c.leader() != g.leader || c.term() != g.term))
    ++counters_.elections_won;
  g.serving = serving;
  g.leader = c.leader();
  g.term = c.term();
  if (on_serving_)
    on_serving_(g.id, serving, g.leader, g.term);
}

std::vector<group_view> raft_groups::views() const {
  std::vector<group_view> out;
  out.reserve(groups_.size());
  for (auto& [id, g] : groups_) {
    auto& c = g->core;
    out.push_back(group_view{id, c.role(), c.leader(), c.term(), c.commit(), c.applied(),
                             c.last_index(), g->serving, {}, c.config(), false});
    if (c.role() != raft::role::leader)
      continue;
    for (auto& [peer, pr] : c.peers())
      if (peer != options_.self)
        out.back().peers.push_back(peer_view{peer, pr.match, pr.active()});
    for (auto i = c.commit() + 1; i <= c.last_index(); ++i)
      if (auto* e = c.at(i); e != nullptr && e->type == raft::entry_type::config)
        out.back().config_pending = true;
  }
  return out;
}

} // namespace troupe::cluster
