// raft::core: one replica of one Raft group, as a pure state machine.
//
// No CAF, no clock, no sockets, no disk: the driver feeds it ticks, messages
// and proposals, and takes from it a `ready` — what to persist, what to send
// and what to apply — in the order given below. A driver runs every group
// its node hosts over CAF remoting; the simulator in tests runs a few
// replicas over a seeded, faulty in-memory network. The same inputs in the
// same order give the same outputs (its randomness comes from a seed).
//
//                 election timeout           majority of pre-votes
//   +----------+ ------------------> +--------------+ ------------> +-----------+
//   | follower |                     | pre_candidate|               | candidate |
//   +----------+ <------------------ +--------------+               +-----------+
//      ^   ^       higher term or leader heard                      |  majority
//      |   +-------------------------------------------------------+  of votes
//      |         higher term, or no quorum heard within a timeout       v
//      +------------------------------------------------------- +--------+
//                                                               | leader |
//                                                               +--------+
//
// What it implements (the Raft dissertation's names):
// - pre-vote (a partitioned node rejoining cannot depose a healthy leader)
//   and check-quorum (a leader that has not heard from a majority within an
//   election timeout steps down; a follower that has heard from its leader
//   within one ignores vote requests) — together, leader stickiness;
// - log matching with a probe / pipelined-replicate flow per follower;
// - commit of the current term only (a new leader appends a noop);
// - snapshots: a follower too far behind gets the applied state (the driver
//   attaches it); log truncation after apply (compact);
// - membership change one server at a time (a configuration is in effect
//   from the moment it is in the log; a new one only once the last is
//   committed and the leader has committed in its term); learners;
// - leadership transfer (catch the target up, then timeout_now);
// - linearizable reads by ReadIndex: a read is served at the commit index
//   once a majority has confirmed this leader after the read arrived.
//
// Driving it (single-threaded; the core is not thread-safe):
//   core.step(msg) / core.tick() / core.propose(data) ...
//   if (core.has_ready()) {
//     auto r = core.take_ready();
//     1. persist: r.snapshot (replace the log and the state), then
//        r.entries (delete persisted entries from r.entries.front().index
//        on, then append), then r.state when r.state_changed (term or
//        vote moved; r.state.commit rides along but a move of the commit
//        index alone is not persisted); sync.
//     2. apply r.committed in order (after installing r.snapshot).
//     3. core.advance(r);
//     4. send r.messages (after 1: they promise what was persisted); a
//        snapshot message gets meta = core.applied_snapshot() and the state
//        machine's data at that index, and is dropped when the core no
//        longer leads in the message's term (it may have installed a newer
//        snapshot meanwhile).
//     5. answer r.reads once the applied index reaches each read's index.
//   }
// Only one ready is out at a time: has_ready() is false until advance().
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <random>

#include "cluster/raft/types.hpp"

namespace troupe::raft {

enum class errc : uint8_t {
  ok,
  not_leader,              ///< only the leader proposes, reads and transfers
  transfer_in_progress,    ///< proposals wait while leadership moves
  config_change_pending,   ///< the last configuration is not committed yet
  invalid_config,          ///< more than one voter changed, none left, or the leader removed
  unknown_node,            ///< transfer target not a voter
  not_applied,             ///< compact past the applied index
};

const char* to_string(errc e);
inline std::ostream& operator<<(std::ostream& out, errc e) { return out << to_string(e); }

enum class role : uint8_t { follower, pre_candidate, candidate, leader };

const char* to_string(role r);
inline std::ostream& operator<<(std::ostream& out, role r) { return out << to_string(r); }

struct core_options {
  node_id id;
  /// Ticks without a leader before campaigning; each timeout is drawn from
  /// [election_ticks, 2 * election_ticks). Also check-quorum's period.
  int election_ticks = 10;
  /// Ticks between a leader's heartbeats.
  int heartbeat_ticks = 1;
  /// Entries per append message.
  size_t max_entries_per_append = 64;
  /// A follower in snapshot state gets it again after this many ticks
  /// without an answer (the snapshot or its reply may have been lost).
  int snapshot_retry_ticks = 20;
  /// Seeds the election timeouts.
  uint64_t seed = 1;
  /// Refuse votes for the first election_ticks ticks after start, as if a
  /// leader had just been heard: a replica that restarted then cannot help
  /// elect a new leader while the old one's read lease may still run (see
  /// raft_groups_options::read_lease).
  bool start_in_lease = false;
};

/// What a replica finds on its disk at start: nothing (a new replica, which
/// waits to hear from a leader or a snapshot), or its last persisted state.
struct persisted_state {
  hard_state state;
  snapshot_meta snapshot; ///< index 0: none; config: the initial one
  std::vector<entry> entries; ///< consecutive, from snapshot.index + 1
  log_index applied = 0; ///< what the state machine already reflects (>= snapshot.index)
};

struct read_state {
  uint64_t context = 0;
  log_index index = 0; ///< serve the read once applied reaches this
};

struct ready {
  bool state_changed = false;
  hard_state state;
  std::optional<snapshot_meta> snapshot; ///< install (data came with the message)
  std::string snapshot_data;
  std::vector<entry> entries;
  std::vector<entry> committed;
  std::vector<message> messages;
  std::vector<read_state> reads;
};

struct proposal {
  errc error = errc::ok;
  log_index index = 0;
};

/// The leader's view of one follower or learner.
struct progress {
  enum class mode : uint8_t { probe, replicate, snapshot };
  log_index match = 0;
  log_index next = 1;
  mode state = mode::probe;
  bool paused = false;      ///< probe: an append is unanswered
  int snapshot_wait = 0;    ///< ticks left before the snapshot is resent
  bool recent_active = false;  ///< heard from since the last check-quorum
  bool was_active = false;     ///< recent_active as of the last check-quorum
  /// Heard from within the last one or two election timeouts.
  bool active() const { return recent_active || was_active; }
};

class core {
public:
  core(core_options options, persisted_state persisted);

  // --- inputs ------------------------------------------------------------

  void tick();
  void step(message m);

  /// Appends application data. Leader only.
  proposal propose(std::string data);

  /// Proposes `next` as the configuration: it may differ from the current
  /// one in one voter (added or removed) and any learners; a voter may be
  /// promoted from learner. The leader cannot remove itself (transfer first).
  errc propose_config(configuration next);

  /// Asks for a linearizable read; its read_state comes out in a ready.
  /// Reads still waiting when this replica stops leading are dropped: the
  /// driver answers them (NOT_LEADER) when it sees the role change.
  errc read_index(uint64_t context);

  /// Hands leadership to `to` (a voter); proposals are refused meanwhile.
  /// Abandoned after an election timeout.
  errc transfer_leadership(node_id to);
  /// True while a leadership transfer is under way.
  bool transferring() const { return transfer_to_.has_value(); }

  /// Campaigns now, skipping the pre-vote (used to bootstrap a group).
  void campaign();

  // --- outputs -----------------------------------------------------------

  bool has_ready() const;
  ready take_ready();
  void advance(const ready& r);

  /// Drops entries up to `upto` (<= applied) from the log; the driver
  /// deletes them from disk and keeps a snapshot of the state there.
  errc compact(log_index upto);

  /// The snapshot meta a snapshot message sent now must carry.
  snapshot_meta applied_snapshot() const;

  // --- views -------------------------------------------------------------

  node_id id() const { return options_.id; }
  enum role role() const { return role_; }
  term_t term() const { return term_; }
  node_id vote() const { return vote_; }
  node_id leader() const { return leader_; }
  log_index commit() const { return commit_; }
  log_index applied() const { return applied_; }
  log_index first_index() const { return snap_.index + 1; }
  log_index last_index() const { return snap_.index + entries_.size(); }
  std::optional<term_t> term_at(log_index i) const;
  /// Nullptr when compacted or beyond the end.
  const entry* at(log_index i) const;
  const configuration& config() const { return config_; }
  /// A leader's noop: once applied, the leader's state machine holds every
  /// entry committed before its term, and it may serve. 0 when not leading.
  log_index term_start() const { return role_ == role::leader ? term_start_ : 0; }
  const std::map<node_id, progress>& peers() const { return progress_; }

private:
  // roles
  void become_follower(term_t t, node_id leader);
  void become_pre_candidate();
  void become_candidate(bool transfer);
  void become_leader();
  void reset(term_t t);
  void reset_election_timeout();

  // message handlers
  void on_vote_request(const message& m);
  void on_vote_reply(const message& m);
  void on_append(message& m);
  void on_append_reply(const message& m);
  void on_heartbeat(const message& m);
  void on_heartbeat_reply(const message& m);
  void on_snapshot(message& m);
  void on_timeout_now();

  // leader
  /// The peer's progress, marked as heard from; nullptr for a non-member.
  progress* heard_from(node_id n);
  void send_append(node_id to);
  void broadcast_append();
  void broadcast_heartbeat(uint64_t context);
  bool maybe_commit();
  bool quorum(size_t count) const;
  void check_quorum();
  void release_reads();
  void abort_transfer();

  // log
  log_index append_entries(log_index prev, std::vector<entry>& incoming);
  void truncate_from(log_index i);
  void append_local(entry_type type, std::string data);
  bool log_up_to_date(log_index last, term_t last_term) const;
  void commit_to(log_index c);
  configuration config_at(log_index i) const;
  void refresh_config();

  message make(message_type type, node_id to) const;
  void send(message m) { outbox_.push_back(std::move(m)); }

  core_options options_;
  std::mt19937_64 random_;

  // persistent (through ready)
  term_t term_;
  node_id vote_;
  snapshot_meta snap_;
  std::deque<entry> entries_;

  // volatile
  enum role role_ = role::follower;
  node_id leader_;
  log_index commit_ = 0;
  log_index applied_ = 0;
  configuration config_;
  int election_elapsed_ = 0;
  int ticks_since_start_ = 0;  ///< counted up to election_ticks
  int heartbeat_elapsed_ = 0;
  int election_timeout_ = 0;
  std::map<node_id, bool> votes_;
  std::map<node_id, progress> progress_;
  std::optional<node_id> transfer_to_;
  int transfer_elapsed_ = 0;
  log_index term_start_ = 0; ///< the leader's noop

  // ReadIndex: reads waiting for the leader's first commit in its term,
  // and rounds waiting for a majority of heartbeat replies.
  struct read_round {
    uint64_t id;
    log_index index;
    std::vector<uint64_t> contexts;
    std::vector<node_id> acks;
  };
  void start_read_round(std::vector<uint64_t> contexts);
  std::vector<uint64_t> reads_waiting_commit_;
  std::deque<read_round> read_rounds_;
  uint64_t next_read_round_ = 1;

  // hand-off to the driver
  hard_state handed_state_;
  log_index unstable_from_ = 1; ///< the first index to (re)write
  log_index stable_ = 0;
  log_index handed_stable_ = 0; ///< stable once the out ready is persisted
  log_index handed_applied_ = 0;
  std::optional<snapshot_meta> pending_snapshot_;
  std::string pending_snapshot_data_;
  std::vector<message> outbox_;
  std::vector<read_state> reads_ready_;
  bool need_broadcast_ = false; ///< appends go out once per ready, for every proposal since
  bool ready_out_ = false;
};

} // namespace troupe::raft
