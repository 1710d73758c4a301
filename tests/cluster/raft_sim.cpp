#include "tests/cluster/raft_sim.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <vector>

#include "cluster/raft/core.hpp"
#include "tests/cluster/linearizability.hpp"

namespace troupe::testing {

namespace {

using raft::log_index;
using raft::node_id;
using sim_time = uint64_t; // microseconds

constexpr sim_time ms = 1000;
constexpr sim_time tick_period = 10 * ms;
constexpr sim_time heal_at = 4000 * ms;        // faults stop; every node up and connected
constexpr sim_time clients_stop_at = 6000 * ms;
constexpr sim_time end_at = 8000 * ms;
constexpr sim_time attempt_timeout = 300 * ms;
constexpr sim_time op_deadline = 2000 * ms;
// After the heal, an operation must be answered: a leader is elected and
// commits within this bound (a few election timeouts).
constexpr sim_time liveness_bound = 1500 * ms;

// --- the replicated service: a few registers with client sessions ---------

struct request {
  int client = 0;
  uint64_t seq = 0;
  uint64_t attempt = 0;
  register_op::kind kind = register_op::kind::read;
  std::string key, value, expected;

  std::string command() const {
    return std::to_string(client) + ' ' + std::to_string(seq) + ' '
           + std::to_string(static_cast<int>(kind)) + ' ' + key + ' ' + value + ' ' + expected;
  }
};

struct reply {
  static reply to(const request& q) {
    reply r;
    r.client = q.client;
    r.seq = q.seq;
    r.attempt = q.attempt;
    return r;
  }

  int client = 0;
  uint64_t seq = 0;
  uint64_t attempt = 0;
  bool redirect = false;
  uint64_t hint = 0;
  std::string value;
  bool succeeded = false;
};

// Values are "" or "c<client>-<seq>", keys "x"/"y": no spaces.
struct registers {
  std::map<std::string, std::string> values;
  // client -> last applied seq and its outcome: a command retried after it
  // was applied is answered, not applied again.
  std::map<int, std::pair<uint64_t, bool>> sessions;

  bool apply(const std::string& command) {
    std::istringstream in{command};
    int client = 0, kind = 0;
    uint64_t seq = 0;
    std::string key, value, expected;
    in >> client >> seq >> kind >> key >> value;
    if (!(in >> expected))
      expected.clear();
    auto& session = sessions[client];
    if (seq <= session.first)
      return seq == session.first && session.second;
    bool ok = true;
    if (static_cast<register_op::kind>(kind) == register_op::kind::cas)
      ok = values[key] == expected;
    if (ok)
      values[key] = value;
    session = {seq, ok};
    return ok;
  }

  std::string serialize() const {
    std::ostringstream out;
    for (auto& [k, v] : values)
      out << "K " << k << ' ' << (v.empty() ? "-" : v) << '\n';
    for (auto& [c, s] : sessions)
      out << "S " << c << ' ' << s.first << ' ' << s.second << '\n';
    return out.str();
  }

  static registers parse(const std::string& text) {
    registers r;
    std::istringstream in{text};
    std::string tag;
    while (in >> tag) {
      if (tag == "K") {
        std::string k, v;
        in >> k >> v;
        r.values[k] = v == "-" ? "" : v;
      } else {
        int c;
        uint64_t seq;
        bool ok;
        in >> c >> seq >> ok;
        r.sessions[c] = {seq, ok};
      }
    }
    return r;
  }
};

// --- events ---------------------------------------------------------------

enum class ev : uint8_t { tick, deliver, sync, request, reply, client_next, client_timeout, fault, restart, resume, heal };

struct event {
  ev kind = ev::tick;
  int node = 0;
  uint64_t incarnation = 0;
  raft::message msg;
  request req;
  reply rep;
  int client = 0;
  uint64_t attempt = 0;
};

event node_event(ev kind, int node, uint64_t incarnation = 0) {
  event e;
  e.kind = kind;
  e.node = node;
  e.incarnation = incarnation;
  return e;
}

event client_event(ev kind, int client, uint64_t attempt = 0) {
  event e;
  e.kind = kind;
  e.client = client;
  e.attempt = attempt;
  return e;
}

struct disk {
  raft::hard_state state;
  raft::snapshot_meta snapshot;
  std::string snapshot_data;
  std::vector<raft::entry> entries;
};

struct replica {
  node_id id;
  bool up = true;
  bool paused = false;
  uint64_t incarnation = 0;
  double clock_rate = 1.0; // skew: ticks this much slower or faster
  std::unique_ptr<raft::core> raft;
  disk durable;
  std::optional<raft::ready> in_flight; // taken, not yet synced
  registers state;
  std::map<log_index, request> pending_writes;
  std::map<uint64_t, request> pending_reads; // read context -> request
  std::vector<raft::read_state> waiting_reads;
  std::vector<event> deferred; // arrived while paused
  log_index checked_commit = 0;
  std::array<uint64_t, 4> checked_shape{}; ///< the log as last checked
  raft::role last_role = raft::role::follower;
};

struct client_state {
  int id = 0;
  request current;
  bool busy = false;
  sim_time call = 0;
  sim_time deadline = 0;
  int target = 1;
};

/// An entry as some replica committed or applied it (its data by digest).
struct chosen_entry {
  raft::term_t term;
  size_t digest = 0;
  raft::term_t committed_in; ///< the earliest term a replica knew it committed

  static chosen_entry of(const raft::entry& e, raft::term_t committed_in) {
    return {e.term, std::hash<std::string>{}(e.data), committed_in};
  }
  bool same(const chosen_entry& o) const { return term == o.term && digest == o.digest; }
};

class simulation {
public:
  explicit simulation(uint64_t seed) : random_(seed) {
    report_.seed = seed;
    voters_ = chance(0.25) ? 5 : 3;
    membership_ = chance(0.35);
    drop_ = unit() * 0.10;
    duplicate_ = unit() * 0.05;
    max_delay_ = 1 * ms + below(30 * ms);
    fault_period_ = 100 * ms + below(700 * ms);
    compact_every_ = 3 + below(40);
    // A slow disk now and then: syncs up to 40 ms, so more happens while a
    // ready is out (truncations, snapshots, lost leadership). Slower than
    // that against 100-200 ms election timeouts, no election would finish:
    // Raft wants fsync well below the election timeout.
    sync_max_ = chance(0.25) ? 40 * ms : 3 * ms;
    int total = voters_ + (membership_ ? 1 : 0);
    raft::configuration initial;
    for (int i = 1; i <= voters_; ++i)
      initial.voters.push_back(node_id{static_cast<uint64_t>(i)});
    for (int i = 1; i <= total; ++i) {
      auto& r = replicas_.emplace_back();
      r.id = node_id{static_cast<uint64_t>(i)};
      r.clock_rate = 0.9 + unit() * 0.2;
      // Every voter starts knowing the same initial configuration (as nodes
      // given one symmetric seed list do); the spare node knows none and
      // waits to be added.
      if (i <= voters_)
        r.durable.snapshot.config = initial;
      start(r);
    }
    for (int c = 0; c < 4; ++c) {
      auto& client = clients_.emplace_back();
      client.id = c + 1;
      client.target = 1 + static_cast<int>(below(voters_));
      schedule(below(20 * ms), client_event(ev::client_next, c));
    }
    schedule(fault_period_, node_event(ev::fault, 0));
    schedule(heal_at, node_event(ev::heal, 0));
  }

  // TROUPE_RAFT_TRACE=1 prints every step of a replayed seed.
  void trace(const std::string& line) {
    if (trace_)
      std::cerr << now_ / ms << "." << (now_ % ms) / 100 << " " << line << "\n";
  }

  sim_report run() {
    while (!queue_.empty() && report_.ok) {
      auto node = queue_.extract(queue_.begin());
      now_ = node.key().first;
      if (now_ > end_at)
        break;
      ++report_.events;
      mix(now_, static_cast<uint64_t>(node.mapped().kind), node.mapped().node);
      handle(std::move(node.mapped()));
    }
    if (report_.ok)
      final_checks();
    return report_;
  }

private:
  // --- randomness and time ------------------------------------------------

  uint64_t below(uint64_t n) { return n == 0 ? 0 : random_() % n; }
  double unit() { return static_cast<double>(random_() >> 11) / static_cast<double>(1ULL << 53); }
  bool chance(double p) { return unit() < p; }

  void schedule(sim_time delay, event e) { queue_.emplace(std::make_pair(now_ + delay, seq_++), std::move(e)); }

  void mix(uint64_t a, uint64_t b, uint64_t c) {
    for (auto v : {a, b, c}) {
      report_.trace_hash ^= v + 0x9E3779B97F4A7C15ULL + (report_.trace_hash << 6) + (report_.trace_hash >> 2);
    }
  }

  void fail(const std::string& what) {
    if (!report_.ok)
      return;
    report_.ok = false;
    report_.failure = "at " + std::to_string(now_ / ms) + " ms: " + what;
  }

  replica& at(int node) { return replicas_[static_cast<size_t>(node - 1)]; }
  int index_of(node_id n) const { return static_cast<int>(n.value); }

  // --- replicas -----------------------------------------------------------

  void start(replica& r) {
    raft::core_options o;
    o.id = r.id;
    o.election_ticks = 10;
    o.heartbeat_ticks = 2;
    o.max_entries_per_append = 1 + below(32);
    o.seed = random_();
    raft::persisted_state ps{r.durable.state, r.durable.snapshot, r.durable.entries, r.durable.snapshot.index};
    r.raft = std::make_unique<raft::core>(o, std::move(ps));
    r.state = registers::parse(r.durable.snapshot_data);
    r.up = true;
    r.paused = false;
    r.in_flight.reset();
    r.checked_commit = r.raft->applied();
    r.checked_shape = {};
    trace("start " + std::to_string(r.id.value) + " term " + std::to_string(r.durable.state.term.value) + " vote "
          + std::to_string(r.durable.state.vote.value) + " commit " + std::to_string(r.durable.state.commit)
          + " snapshot " + std::to_string(r.durable.snapshot.index) + " last " + std::to_string(r.raft->last_index()));
    r.last_role = raft::role::follower;
    schedule_tick(r);
  }

  void schedule_tick(replica& r) {
    auto period = static_cast<sim_time>(static_cast<double>(tick_period) * r.clock_rate);
    schedule(period, node_event(ev::tick, index_of(r.id), r.incarnation));
  }

  void crash(replica& r) {
    trace("crash " + std::to_string(r.id.value));
    // Whatever was not synced is gone: the ready in flight, the memory.
    r.up = false;
    r.paused = false;
    ++r.incarnation;
    r.raft.reset();
    r.in_flight.reset();
    r.pending_writes.clear();
    r.pending_reads.clear();
    r.waiting_reads.clear();
    r.deferred.clear();
    ++report_.crashes;
  }

  void pump(replica& r) {
    if (!r.up || r.paused || r.in_flight || !r.raft->has_ready())
      return;
    r.in_flight = r.raft->take_ready();
    schedule(below(sync_max_), node_event(ev::sync, index_of(r.id), r.incarnation));
  }

  void sync(replica& r) {
    auto rd = std::move(*r.in_flight);
    r.in_flight.reset();
    // 1. persist
    auto& d = r.durable;
    if (trace_)
      trace("sync " + std::to_string(r.id.value) + " entries "
            + (rd.entries.empty() ? std::string("-")
                                  : std::to_string(rd.entries.front().index) + ".." + std::to_string(rd.entries.back().index))
            + " state " + (rd.state_changed ? std::to_string(rd.state.term.value) + "/" + std::to_string(rd.state.vote.value)
                                                 + "/" + std::to_string(rd.state.commit) : std::string("-"))
            + (rd.snapshot ? " snapshot " + std::to_string(rd.snapshot->index) : std::string{}));
    if (rd.snapshot) {
      d.snapshot = *rd.snapshot;
      d.snapshot_data = rd.snapshot_data;
      d.entries.clear();
    }
    if (!rd.entries.empty()) {
      auto first = rd.entries.front().index;
      std::erase_if(d.entries, [&](const raft::entry& e) { return e.index >= first; });
      if (!d.entries.empty() && d.entries.back().index + 1 != first)
        return fail("node " + std::to_string(r.id.value) + " persisted a gap before " + std::to_string(first));
      if (d.entries.empty() && first != d.snapshot.index + 1)
        return fail("node " + std::to_string(r.id.value) + " persisted entries not following its snapshot");
      d.entries.insert(d.entries.end(), rd.entries.begin(), rd.entries.end());
    }
    if (rd.state_changed)
      d.state = rd.state;
    for (auto& e : rd.committed)
      if (e.index > d.snapshot.index && !durable_has(d, e))
        return fail("node " + std::to_string(r.id.value) + " applies entry " + std::to_string(e.index)
                    + " that is not durable in its log");
    // 2. apply
    if (rd.snapshot) {
      r.state = registers::parse(rd.snapshot_data);
      ++report_.snapshots;
    }
    for (auto& e : rd.committed)
      apply(r, e);
    // 3. advance
    r.raft->advance(rd);
    // 4. send
    for (auto& m : rd.messages) {
      check_persisted_before_sent(r, m);
      if (m.type == raft::message_type::snapshot) {
        if (r.raft->role() != raft::role::leader || r.raft->term() != m.term)
          continue; // stale: this replica no longer leads that term
        m.snapshot = r.raft->applied_snapshot();
        m.snapshot_data = r.state.serialize();
      }
      send(std::move(m));
    }
    // 5. reads
    for (auto& rs : rd.reads)
      r.waiting_reads.push_back(rs);
    serve_reads(r);
    maybe_compact(r);
    check(r);
  }

  static bool durable_has(const disk& d, const raft::entry& e) {
    if (d.entries.empty() || e.index < d.entries.front().index || e.index > d.entries.back().index)
      return false;
    return d.entries[e.index - d.entries.front().index].term == e.term;
  }

  static log_index durable_last(const disk& d) {
    return d.entries.empty() ? d.snapshot.index : d.entries.back().index;
  }

  // What a message promises must be on disk before it leaves: a granted
  // vote, a candidate's own vote, an acknowledged append.
  void check_persisted_before_sent(replica& r, const raft::message& m) {
    auto& d = r.durable;
    if (m.term != d.state.term)
      return; // from an earlier term: superseded, promises nothing now
    auto who = "node " + std::to_string(r.id.value);
    if (m.type == raft::message_type::vote_reply && !m.reject && d.state.vote != m.to)
      fail(who + " granted a vote it had not persisted");
    if (m.type == raft::message_type::vote && d.state.vote != r.id)
      fail(who + " campaigned without persisting its own vote");
    if (m.type == raft::message_type::append_reply && !m.reject && m.index > durable_last(d))
      fail(who + " acknowledged index " + std::to_string(m.index) + " beyond its durable log ("
           + std::to_string(durable_last(d)) + ")");
  }

  void apply(replica& r, const raft::entry& e) {
    auto chosen = chosen_entry::of(e, e.term);
    auto [it, fresh] = applied_.emplace(e.index, chosen);
    if (!fresh && !it->second.same(chosen))
      return fail("state machine safety: node " + std::to_string(r.id.value) + " applied a different entry at "
                  + std::to_string(e.index));
    bool ok = e.type == raft::entry_type::normal ? r.state.apply(e.data) : true;
    auto pending = r.pending_writes.find(e.index);
    if (pending == r.pending_writes.end())
      return;
    auto req = std::move(pending->second);
    r.pending_writes.erase(pending);
    auto rep = reply::to(req);
    if (e.data != req.command()) {
      rep.redirect = true; // replaced by another leader's entry: try again
    } else {
      rep.succeeded = ok;
    }
    send_reply(std::move(rep));
  }

  void serve_reads(replica& r) {
    std::erase_if(r.waiting_reads, [&](const raft::read_state& rs) {
      if (rs.index > r.raft->applied())
        return false;
      auto it = r.pending_reads.find(rs.context);
      if (it != r.pending_reads.end()) {
        auto rep = reply::to(it->second);
        rep.value = r.state.values[it->second.key];
        r.pending_reads.erase(it);
        send_reply(std::move(rep));
      }
      return true;
    });
  }

  void maybe_compact(replica& r) {
    auto applied = r.raft->applied();
    if (applied < r.raft->first_index() + compact_every_)
      return;
    if (r.raft->compact(applied) != raft::errc::ok)
      return fail("compact refused at the applied index");
    r.durable.snapshot = r.raft->applied_snapshot();
    r.durable.snapshot_data = r.state.serialize();
    std::erase_if(r.durable.entries, [&](const raft::entry& e) { return e.index <= applied; });
  }

  // --- network ------------------------------------------------------------

  bool cut(int a, int b) const { return cut_.contains({std::min(a, b), std::max(a, b)}); }

  void send(raft::message m) {
    int from = index_of(m.from), to = index_of(m.to);
    if (to < 1 || to > static_cast<int>(replicas_.size()) || cut(from, to) || chance(drop_))
      return;
    int copies = chance(duplicate_) ? 2 : 1;
    for (int i = 0; i < copies; ++i) {
      auto e = node_event(ev::deliver, to);
      e.msg = i + 1 < copies ? m : std::move(m);
      schedule(100 + below(max_delay_), std::move(e));
    }
  }

  void send_reply(reply rep) {
    schedule(100 + below(2 * ms), [&] {
      event e;
      e.kind = ev::reply;
      e.rep = std::move(rep);
      return e;
    }());
  }

  // --- clients ------------------------------------------------------------

  void next_op(client_state& c) {
    if (now_ >= clients_stop_at) {
      c.busy = false;
      return;
    }
    auto& q = c.current;
    auto seq = q.seq + 1;
    q = request{};
    q.client = c.id;
    q.seq = seq;
    q.key = chance(0.5) ? "x" : "y";
    auto pick = below(10);
    q.kind = pick < 4 ? register_op::kind::read : pick < 8 ? register_op::kind::write : register_op::kind::cas;
    q.value = "c" + std::to_string(c.id) + "-" + std::to_string(q.seq);
    if (q.kind == register_op::kind::cas) {
      // Compare against a value some client wrote, so some swaps succeed.
      auto& seen = last_value_[q.key];
      q.expected = seen;
    }
    // Now and then a client asks a node it has not been sent to (an old
    // leader, a follower), as clients with a stale table do.
    if (chance(0.2))
      c.target = random_node();
    c.busy = true;
    c.call = now_;
    c.deadline = now_ + op_deadline;
    send_request(c);
  }

  void send_request(client_state& c) {
    ++c.current.attempt;
    auto e = node_event(ev::request, c.target);
    e.req = c.current;
    schedule(100 + below(2 * ms), std::move(e));
    schedule(attempt_timeout, client_event(ev::client_timeout, c.id - 1, c.current.attempt));
  }

  void record(client_state& c, const reply* rep) {
    register_op op;
    op.op = c.current.kind;
    op.call = c.call;
    op.client = c.id;
    op.value = c.current.value;
    op.expected = c.current.expected;
    if (rep) {
      op.ret = now_;
      if (op.op == register_op::kind::read)
        op.value = rep->value;
      op.succeeded = rep->succeeded;
      ++report_.ops_ok;
      if (op.op != register_op::kind::read && (op.op == register_op::kind::write || rep->succeeded))
        last_value_[c.current.key] = c.current.value;
      if (op.op == register_op::kind::read)
        last_value_[c.current.key] = rep->value;
    } else {
      if (op.op == register_op::kind::read)
        return; // a read never answered had no effect
      ++report_.ops_unknown;
      if (c.call >= heal_at + liveness_bound)
        fail("liveness: client " + std::to_string(c.id) + "'s operation called at "
             + std::to_string(c.call / ms) + " ms got no answer though every fault had healed");
    }
    history_[c.current.key].push_back(std::move(op));
  }

  void on_reply(const reply& rep) {
    auto& c = clients_[static_cast<size_t>(rep.client - 1)];
    if (!c.busy || rep.seq != c.current.seq)
      return; // an answer to an earlier operation, or a duplicate
    if (rep.redirect) {
      if (rep.attempt != c.current.attempt)
        return;
      c.target = rep.hint != 0 ? static_cast<int>(rep.hint) : 1 + static_cast<int>(below(replicas_.size()));
      // Retry soon (a leader may be being elected).
      schedule(5 * ms + below(20 * ms), client_event(ev::client_timeout, c.id - 1, c.current.attempt));
      return;
    }
    record(c, &rep);
    c.busy = false;
    schedule(below(10 * ms), client_event(ev::client_next, c.id - 1));
  }

  void on_client_timeout(int client, uint64_t attempt) {
    auto& c = clients_[static_cast<size_t>(client)];
    if (!c.busy || attempt != c.current.attempt)
      return;
    if (now_ >= c.deadline) {
      record(c, nullptr);
      c.busy = false;
      schedule(below(10 * ms), client_event(ev::client_next, client));
      return;
    }
    if (c.target == 0 || below(3) == 0)
      c.target = 1 + static_cast<int>(below(replicas_.size()));
    send_request(c);
  }

  void on_request(replica& r, request req) {
    auto redirect = reply::to(req);
    redirect.redirect = true;
    redirect.hint = r.raft->leader().value;
    if (r.raft->role() != raft::role::leader)
      return send_reply(std::move(redirect));
    if (req.kind == register_op::kind::read) {
      auto ctx = ++read_contexts_;
      if (r.raft->read_index(ctx) != raft::errc::ok)
        return send_reply(std::move(redirect));
      r.pending_reads.emplace(ctx, std::move(req));
    } else {
      auto p = r.raft->propose(req.command());
      if (p.error != raft::errc::ok)
        return send_reply(std::move(redirect));
      r.pending_writes[p.index] = std::move(req);
    }
    pump(r);
  }

  // --- faults -------------------------------------------------------------

  int random_node() { return 1 + static_cast<int>(below(replicas_.size())); }

  replica* leader() {
    replica* best = nullptr;
    for (auto& r : replicas_)
      if (r.up && r.raft->role() == raft::role::leader && (!best || r.raft->term() > best->raft->term()))
        best = &r;
    return best;
  }

  void fault() {
    if (now_ >= heal_at)
      return;
    schedule(fault_period_ / 2 + below(fault_period_), node_event(ev::fault, 0));
    auto pick = below(100);
    auto& r = at(random_node());
    if (pick < 25) {
      if (r.up) {
        crash(r);
        schedule(50 * ms + below(1500 * ms), node_event(ev::restart, index_of(r.id)));
      }
    } else if (pick < 45) {
      cut_.clear();
      int n = static_cast<int>(replicas_.size());
      if (chance(0.5)) { // one node cut off
        int lone = random_node();
        for (int i = 1; i <= n; ++i)
          if (i != lone)
            cut_.insert({std::min(i, lone), std::max(i, lone)});
      } else { // a random split
        std::vector<int> side(static_cast<size_t>(n) + 1);
        for (int i = 1; i <= n; ++i)
          side[static_cast<size_t>(i)] = static_cast<int>(below(2));
        for (int a = 1; a <= n; ++a)
          for (int b = a + 1; b <= n; ++b)
            if (side[static_cast<size_t>(a)] != side[static_cast<size_t>(b)])
              cut_.insert({a, b});
      }
    } else if (pick < 60) {
      trace("partition healed");
      cut_.clear();
      if (trace_) {
        std::string cuts;
        for (auto& [a, b] : cut_)
          cuts += " " + std::to_string(a) + "|" + std::to_string(b);
        trace("partition" + cuts);
      }
    } else if (pick < 70) {
      if (r.up && !r.paused) {
        r.paused = true; // SIGSTOP past the election timeout
        trace("pause " + std::to_string(r.id.value));
        schedule(150 * ms + below(800 * ms), node_event(ev::resume, index_of(r.id), r.incarnation));
      }
    } else if (pick < 80) {
      if (auto* l = leader(); l && !l->paused) {
        auto& voters = l->raft->config().voters;
        auto to = voters[below(voters.size())];
        trace("transfer " + std::to_string(l->id.value) + " -> " + std::to_string(to.value));
        if (to != l->id && l->raft->transfer_leadership(to) == raft::errc::ok)
          ++report_.transfers;
        pump(*l);
      }
    } else if (membership_) {
      change_membership();
    }
  }

  // The spare node joins as a learner (a snapshot catches it up), is
  // promoted, and then one of the first voters is removed.
  void change_membership() {
    auto* l = leader();
    if (!l || l->paused)
      return;
    auto spare = node_id{replicas_.size()};
    auto next = l->raft->config();
    if (!next.contains(spare)) {
      next.learners.push_back(spare);
    } else if (!next.is_voter(spare)) {
      auto& pr = l->raft->peers().at(spare);
      if (pr.match < l->raft->commit())
        return; // not caught up yet
      next.learners.clear();
      next.voters.push_back(spare);
    } else if (next.voters.size() > static_cast<size_t>(voters_)) {
      auto victim = next.voters[below(next.voters.size())];
      if (victim == l->id || victim == spare)
        return;
      std::erase(next.voters, victim);
    } else {
      return;
    }
    trace("propose config " + raft::encode_config(next));
    if (l->raft->propose_config(next) == raft::errc::ok)
      ++report_.config_changes;
    pump(*l);
  }

  void heal() {
    cut_.clear();
    drop_ = 0;
    duplicate_ = 0;
    for (auto& r : replicas_) {
      if (!r.up)
        start(r);
      else if (r.paused)
        resume(r);
    }
  }

  void resume(replica& r) {
    r.paused = false;
    auto deferred = std::move(r.deferred);
    r.deferred.clear();
    for (auto& e : deferred)
      schedule(0, std::move(e));
    schedule_tick(r);
    pump(r);
  }

  // --- dispatch -----------------------------------------------------------

  void handle(event e) {
    switch (e.kind) {
      case ev::fault: return fault();
      case ev::heal: return heal();
      case ev::client_next: return next_op(clients_[static_cast<size_t>(e.client)]);
      case ev::client_timeout: return on_client_timeout(e.client, e.attempt);
      case ev::reply: return on_reply(e.rep);
      case ev::restart: {
        auto& r = at(e.node);
        if (!r.up)
          start(r);
        return;
      }
      case ev::resume: {
        auto& r = at(e.node);
        if (r.up && r.paused && r.incarnation == e.incarnation)
          resume(r);
        return;
      }
      default: break;
    }
    auto& r = at(e.node);
    if (!r.up)
      return; // to a crashed node: lost
    if ((e.kind == ev::tick || e.kind == ev::sync) && e.incarnation != r.incarnation)
      return;
    if (r.paused) {
      if (e.kind != ev::tick)
        r.deferred.push_back(std::move(e));
      return; // its clock stops too; resume restarts it
    }
    switch (e.kind) {
      case ev::tick:
        r.raft->tick();
        schedule_tick(r);
        break;
      case ev::deliver:
        if (trace_)
          trace(std::string(raft::to_string(e.msg.type)) + " " + std::to_string(e.msg.from.value) + "->"
                + std::to_string(e.msg.to.value) + " t" + std::to_string(e.msg.term.value) + " i"
                + std::to_string(e.msg.index) + " lt" + std::to_string(e.msg.log_term.value) + " c"
                + std::to_string(e.msg.commit) + " n" + std::to_string(e.msg.entries.size())
                + (e.msg.reject ? " reject hint " + std::to_string(e.msg.reject_hint) : std::string{}));
        mix(static_cast<uint64_t>(e.msg.type), e.msg.from.value, e.msg.term.value);
        r.raft->step(std::move(e.msg));
        break;
      case ev::sync: sync(r); break;
      case ev::request: on_request(r, std::move(e.req)); break;
      default: break;
    }
    pump(r);
    check(r);
  }

  // --- invariants ---------------------------------------------------------

  void check(replica& r) {
    if (!report_.ok || !r.up)
      return;
    auto& core = *r.raft;
    // One leader per term.
    if (core.role() == raft::role::leader) {
      auto [it, fresh] = leaders_.emplace(core.term().value, r.id);
      if (fresh)
        ++report_.elections;
      else if (it->second != r.id)
        return fail("election safety: nodes " + std::to_string(it->second.value) + " and "
                    + std::to_string(r.id.value) + " both lead term " + std::to_string(core.term().value));
      if (r.last_role != raft::role::leader)
        check_leader_completeness(r);
    }
    if (r.last_role != core.role())
      trace("node " + std::to_string(r.id.value) + " becomes " + raft::to_string(core.role()) + " term " + std::to_string(core.term().value)
            + " last " + std::to_string(core.last_index()) + " commit " + std::to_string(core.commit()));
    r.last_role = core.role();
    // Committed entries never change: what one replica counts as committed
    // at an index, every replica does.
    for (auto i = std::max(r.checked_commit, core.first_index() - 1) + 1; i <= core.commit(); ++i) {
      auto* e = core.at(i);
      auto chosen = chosen_entry::of(*e, core.term());
      auto [it, fresh] = committed_.emplace(i, chosen);
      if (!fresh && !it->second.same(chosen))
        return fail("state machine safety: node " + std::to_string(r.id.value) + " committed a different entry at "
                    + std::to_string(i));
      it->second.committed_in = std::min(it->second.committed_in, core.term());
    }
    r.checked_commit = std::max(r.checked_commit, core.commit());
    report_.committed = std::max(report_.committed, core.commit());
    // Log matching, for the logs that changed since the last step.
    auto shape = log_shape(core);
    if (shape == r.checked_shape)
      return;
    r.checked_shape = shape;
    for (auto& other : replicas_)
      if (&other != &r && other.up)
        check_log_matching(r, other);
  }

  // What changes whenever a log does: its ends, the term of its last entry
  // (a truncation followed by appends up to the same index changes it, or
  // brings back the same entries), and the commit index the check starts
  // above.
  static std::array<uint64_t, 4> log_shape(const raft::core& c) {
    return {c.first_index(), c.last_index(), c.term_at(c.last_index())->value, c.commit()};
  }

  // A leader has every entry committed in an earlier term.
  void check_leader_completeness(replica& r) {
    auto& core = *r.raft;
    for (auto it = committed_.lower_bound(core.first_index()); it != committed_.end(); ++it) {
      if (it->second.committed_in >= core.term())
        continue;
      auto* e = core.at(it->first);
      if (!e || e->term != it->second.term)
        return fail("leader completeness: node " + std::to_string(r.id.value) + " leads term "
                    + std::to_string(core.term().value) + " without committed entry " + std::to_string(it->first));
    }
  }

  // Two logs with an entry of the same index and term agree up to there.
  // Committed prefixes are compared through committed_ above; this checks
  // the uncommitted tails.
  void check_log_matching(replica& a, replica& b) {
    auto& x = *a.raft;
    auto& y = *b.raft;
    auto low = std::max({x.first_index(), y.first_index(), std::min(x.commit(), y.commit()) + 1});
    auto i = std::min(x.last_index(), y.last_index());
    for (; i >= low; --i)
      if (x.at(i)->term == y.at(i)->term)
        break;
    for (; i >= low; --i)
      if (x.at(i)->term != y.at(i)->term || x.at(i)->data != y.at(i)->data)
        return fail("log matching: nodes " + std::to_string(a.id.value) + " and " + std::to_string(b.id.value)
                    + " differ at " + std::to_string(i) + " below a common entry");
  }

  void final_checks() {
    auto* l = leader();
    if (!l)
      return fail("liveness: no leader " + std::to_string((end_at - heal_at) / ms) + " ms after the faults healed");
    for (auto& r : replicas_) {
      if (!l->raft->config().contains(r.id))
        continue;
      if (r.raft->applied() != l->raft->commit())
        return fail("liveness: node " + std::to_string(r.id.value) + " applied " + std::to_string(r.raft->applied())
                    + " of the leader's " + std::to_string(l->raft->commit()) + " after the faults healed");
      if (r.state.values != l->state.values)
        return fail("node " + std::to_string(r.id.value) + "'s registers differ from the leader's");
    }
    for (auto& c : clients_)
      if (c.busy)
        return fail("liveness: client " + std::to_string(c.id) + " still waits at the end");
    for (auto& [key, ops] : history_)
      if (!linearizable(ops))
        return fail("linearizability: the history of register " + key + " (" + std::to_string(ops.size())
                    + " operations) has no valid order");
  }

  std::mt19937_64 random_;
  bool trace_ = std::getenv("TROUPE_RAFT_TRACE") != nullptr;
  sim_report report_;
  sim_time now_ = 0;
  uint64_t seq_ = 0;
  std::map<std::pair<sim_time, uint64_t>, event> queue_;

  int voters_ = 3;
  bool membership_ = false;
  double drop_ = 0, duplicate_ = 0;
  sim_time max_delay_ = 0, fault_period_ = 0;
  log_index compact_every_ = 10;
  sim_time sync_max_ = 3 * ms;

  std::vector<replica> replicas_;
  std::set<std::pair<int, int>> cut_;
  std::vector<client_state> clients_;
  std::map<std::string, std::string> last_value_;
  uint64_t read_contexts_ = 0;

  std::map<uint64_t, node_id> leaders_;
  std::map<log_index, chosen_entry> committed_;
  std::map<log_index, chosen_entry> applied_;
  std::map<std::string, std::vector<register_op>> history_;
};

} // namespace

sim_report simulate(uint64_t seed) {
  return simulation{seed}.run();
}

} // namespace troupe::testing
