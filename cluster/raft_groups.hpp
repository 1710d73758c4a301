// raft_groups: every Raft group one node hosts, driven together in turns.
//
// A node hosts one group per partition it replicates (and the
// controller's). Inputs — ticks, frames from peers, proposals, reads — go to
// the groups' cores at any time; a turn then gathers every group's ready
// into ONE write batch (their log entries and hard states, the effects of
// the entries they committed, snapshot installs, the applied indexes), so a
// node makes one RocksDB write (one fsync) per turn whatever the number of
// groups. Once that batch is durable, end_turn() advances the cores,
// answers the proposals and reads they completed, and returns one frame per
// peer holding every group's messages for it: 64 partitions replicated on
// three nodes cost each node two frames per turn, not 128 message streams.
//
//   tick / receive / propose / read ... begin_turn(batch) --> write batch
//     --> end_turn() --> frames to peers (sent only now: they promise what
//         the batch made durable)
//
// Who applies what: an entry is applied exactly as it was proposed (the
// state machine turns its bytes into writes), in the same write as the
// applied index, so a restart never applies one twice. A group's leader
// "serves" once it has applied its own term's first entry: from then on its
// storage holds every committed entry, and the partition's actors may start
// on it (on_serving tells the driver).
//
// Snapshots travel in chunks: a core's snapshot message starts a stream to
// that follower, read from one view of the state machine; each chunk goes
// once the follower's raft_groups acknowledged the last (snapshot_ack), and
// the follower steps one snapshot message holding every chunk into its core
// once the last is in.
//
// Single-threaded: owned by the node's driver actor.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cluster/raft/core.hpp"
#include "cluster/raft_codec.hpp"
#include "storage/db.hpp"

namespace troupe::cluster {

class raft_log_store;

/// A group's state as of when it was opened, read in chunks.
class snapshot_reader {
public:
  virtual ~snapshot_reader() = default;
  /// The next chunk, of about `max_bytes` at most; nullopt once everything
  /// was read, or on a storage error (then `status` says which).
  virtual std::optional<std::string> next(size_t max_bytes, storage::db_status& status) = 0;
};

/// What a group's entries mean. For partitions: write batches over the
/// partition's key ranges (partition_state_machine).
class raft_state_machine {
public:
  virtual ~raft_state_machine() = default;
  /// Adds to `batch` the effect of the committed entry `data` of `group`.
  virtual storage::db_status apply(uint16_t group, std::string_view data,
                                   storage::write_batch& batch) = 0;
  /// The group's state as of now (every applied entry), for a snapshot: its
  /// chunks, concatenated, are what install() takes.
  virtual std::unique_ptr<snapshot_reader> read_snapshot(uint16_t group) = 0;
  /// Adds to `batch` the installing of `data`, which replaces whatever the
  /// group had.
  virtual storage::db_status install(uint16_t group, std::string_view data,
                                     storage::write_batch& batch) = 0;
  /// Adds to `batch` the deletion of the group's state.
  virtual void erase(uint16_t group, storage::write_batch& batch) = 0;
};

/// A partition's group: entries are encoded write batches (raft_codec),
/// snapshots are the partition's records (handoff's chunk format).
class partition_state_machine final : public raft_state_machine {
public:
  explicit partition_state_machine(const storage::db& db) : db_(db) {}
  storage::db_status apply(uint16_t group, std::string_view data,
                           storage::write_batch& batch) override;
  std::unique_ptr<snapshot_reader> read_snapshot(uint16_t group) override;
  storage::db_status install(uint16_t group, std::string_view data,
                             storage::write_batch& batch) override;
  void erase(uint16_t group, storage::write_batch& batch) override;

private:
  const storage::db& db_;
};

struct raft_groups_options {
  raft::node_id self;
  int election_ticks = 10;
  int heartbeat_ticks = 1;
  uint64_t seed = 1;
  /// Applied entries kept in a group's log before it is compacted (a
  /// follower further behind gets a snapshot).
  raft::log_index compact_after = 1024;
  /// Leader lease for reads (0: none, every read takes a ReadIndex round).
  /// Once a round asked at time t is confirmed, reads until t + read_lease
  /// are answered without one. Sound when no other leader can be elected
  /// before then: a voter that acknowledged the round refuses votes for
  /// election_ticks of its ticks after hearing it (and after it starts, by
  /// start_in_lease), so read_lease must stay below that many ticks' time
  /// on the steady clock, which runs on while a process is paused.
  std::chrono::nanoseconds read_lease{0};
  /// A snapshot travels in chunks of about this many bytes, one in flight
  /// per follower: other groups' messages to that peer never wait behind a
  /// whole partition, and no message holds one.
  size_t snapshot_chunk_bytes = size_t{1} << 20;
  /// A snapshot whose next chunk was not acknowledged within this many
  /// ticks is abandoned (the core sends it again later); one sent whole is
  /// forgotten as long after its last chunk.
  int snapshot_stream_ticks = 40;
};

/// One group as the driver's status sees it.
/// Another replica of a group this node leads, as the leader sees it.
struct peer_view {
  raft::node_id id;
  raft::log_index match = 0;  ///< the highest entry known to be on it
  bool active = false;        ///< heard from within the last one or two election timeouts
};

struct group_view {
  uint16_t group = 0;
  raft::role role = raft::role::follower;
  raft::node_id leader;
  raft::term_t term;
  raft::log_index commit = 0;
  raft::log_index applied = 0;
  raft::log_index last = 0;
  bool serving = false;
  std::vector<peer_view> peers;  ///< leader only: every other replica
  raft::configuration config;    ///< the latest in its log
  bool config_pending = false;   ///< leader only: the latest is not committed yet

  /// Leader only: whether `n` is, or may yet be, one of the group's
  /// replicas (a change under way may still add it).
  bool may_hold(raft::node_id n) const { return config_pending || config.contains(n); }
};

struct raft_counters {
  uint64_t turns = 0;
  uint64_t messages = 0;  ///< Raft messages sent, of all groups
  uint64_t frames = 0;    ///< frames they travelled in
  uint64_t applied = 0;   ///< entries applied
  uint64_t snapshots_sent = 0;
  uint64_t snapshot_chunks_sent = 0;
  uint64_t snapshots_installed = 0;
  uint64_t malformed_frames = 0;
  uint64_t leader_changes = 0;  ///< a group learned of a new leader (this node or another)
  uint64_t elections_won = 0;   ///< a group's election made this node its leader
  uint64_t read_rounds = 0;     ///< reads that asked a majority (ReadIndex)
  uint64_t reads_in_lease = 0;  ///< reads answered within the leader's lease
};

class raft_groups {
public:
  /// A proposal's or read's outcome: ok once applied (read: once the state
  /// machine is at least as new as the read); otherwise the reason (not the
  /// leader, leadership lost before the outcome was known, ...).
  using done_fn = std::function<void(const storage::db_status&)>;
  using serving_fn =
    std::function<void(uint16_t group, bool serving, raft::node_id leader, raft::term_t term)>;
  using frame = std::pair<raft::node_id, std::string>;

  raft_groups(storage::db& db, raft_state_machine& machine, raft_groups_options options);
  ~raft_groups();
  raft_groups(const raft_groups&) = delete;
  raft_groups& operator=(const raft_groups&) = delete;

  /// Hosts `group`, from its stored state or, when it has none and
  /// `create`, as a new replica of `initial` (every replica of a new group
  /// must be given the same one; a replica joining a running group is
  /// given none and learns it from the leader that adds it).
  storage::db_status add(uint16_t group, const raft::configuration& initial, bool create = true);
  /// Stops hosting `group` and deletes its log and its state machine's
  /// data here (the replica was removed from the group), with the next
  /// turn; `add` refuses the group until that turn is durable.
  void remove(uint16_t group);
  /// Leader: proposes `next` as the group's configuration (see
  /// raft::core::propose_config).
  storage::db_status change_config(uint16_t group, const raft::configuration& next);
  bool hosts(uint16_t group) const { return groups_.count(group) != 0; }

  void tick();
  /// Steps a peer's frame into its groups (messages of groups not hosted
  /// here are dropped); false and `error` when malformed: nothing stepped.
  bool receive(std::string_view frame, std::string& error);

  /// Proposes `data` to `group`; with a `term`, only while this node
  /// serves the group in that term (see partition_log).
  void propose(uint16_t group, std::string data, done_fn done, uint64_t term = 0);
  /// ReadIndex: `done` runs once this node's leadership was confirmed by a
  /// majority after the call and the group applied what was committed when
  /// it was asked; with a `term`, only while this node serves the group in
  /// that term.
  void read(uint16_t group, done_fn done, uint64_t term = 0);
  /// Starts handing `group`'s leadership to voter `to` (which campaigns once
  /// it has caught up); refused when this node does not lead the group or
  /// `to` is not a voter of it.
  storage::db_status transfer(uint16_t group, raft::node_id to);
  /// Hands every group this node leads to its most up-to-date other voter
  /// (before a stop), and from then on refuses leaderships handed to it;
  /// returns how many groups this node still leads.
  size_t transfer_away();

  /// Starts a turn: fills `batch` with every group's ready. False when
  /// there is nothing to write or a turn is already out.
  bool begin_turn(storage::write_batch& batch);
  /// Ends the turn once its batch is durable; returns the frames to send.
  std::vector<frame> end_turn();
  bool turn_out() const { return !turn_.empty() || turn_started_; }

  /// Called whenever a group starts or stops serving (see above), and when
  /// its known leader or its term changes.
  void on_serving(serving_fn fn) { on_serving_ = std::move(fn); }

  std::vector<group_view> views() const;
  const raft_counters& counters() const { return counters_; }

private:
  struct group;
  struct outgoing_snapshot;
  struct incoming_snapshot;
  using stream_key = std::pair<uint16_t, uint64_t>;  ///< group, follower
  /// Leader: starts sending a snapshot of `g` as the core asked with `m`,
  /// unless one is on its way to that follower in this term.
  void start_snapshot(group& g, raft::message m, std::map<raft::node_id, std::vector<group_message>>& out);
  /// Adds the stream's next chunk to `out`; false when the state machine
  /// failed to read it. A stream sent whole stays until it idles out, so
  /// the core asking again meanwhile (before the follower's answer) does
  /// not start it over.
  bool send_chunk(uint16_t group, raft::node_id to, outgoing_snapshot& s,
                  std::map<raft::node_id, std::vector<group_message>>& out);
  /// Follower: takes a chunk; returns the whole snapshot message once its
  /// last chunk is in (acknowledging every other chunk).
  std::optional<raft::message> take_chunk(uint16_t group, raft::message m);
  void on_snapshot_ack(uint16_t group, const raft::message& m);
  void notice(group& g);
  void fail_pending(group& g, const std::string& why);
  void complete_reads(group& g);
  void take_removals(storage::write_batch& batch);

  storage::db& db_;
  raft_state_machine& machine_;
  raft_groups_options options_;
  std::map<uint16_t, std::unique_ptr<group>> groups_;
  std::vector<std::pair<group*, raft::ready>> turn_;
  bool turn_started_ = false;
  storage::write_batch compactions_; ///< merged into the next turn
  serving_fn on_serving_;
  uint64_t next_read_ = 1;
  bool stopping_ = false;  ///< after transfer_away
  std::set<uint16_t> removing_;  ///< removed at the next turn's start
  std::set<uint16_t> removed_;   ///< removed in the turn being written
  std::map<stream_key, outgoing_snapshot> sending_;
  std::map<uint16_t, incoming_snapshot> receiving_;
  std::vector<group_message> acks_;  ///< snapshot_acks for the next frames
  raft_counters counters_;
};

} // namespace troupe::cluster
