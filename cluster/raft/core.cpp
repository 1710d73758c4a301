#include "cluster/raft/core.hpp"

#include <algorithm>
#include <stdexcept>

namespace troupe::raft {

const char* to_string(errc e) {
  switch (e) {
    case errc::ok: return "ok";
    case errc::not_leader: return "not the leader";
    case errc::transfer_in_progress: return "leadership transfer in progress";
    case errc::config_change_pending: return "a configuration change is pending";
    case errc::invalid_config: return "invalid configuration change";
    case errc::unknown_node: return "not a voter of this group";
    case errc::not_applied: return "not applied yet";
  }
  return "unknown";
}

const char* to_string(role r) {
  switch (r) {
    case role::follower: return "follower";
    case role::pre_candidate: return "pre_candidate";
    case role::candidate: return "candidate";
    case role::leader: return "leader";
  }
  return "unknown";
}

core::core(core_options options, persisted_state persisted)
  : options_(options),
    random_(options.seed * 0x9E3779B97F4A7C15ULL + options.id.value),
    term_(persisted.state.term),
    vote_(persisted.state.vote),
    snap_(std::move(persisted.snapshot)),
    entries_(std::make_move_iterator(persisted.entries.begin()),
             std::make_move_iterator(persisted.entries.end())) {
  for (log_index i = 0; i < entries_.size(); ++i)
    if (entries_[i].index != snap_.index + 1 + i)
      throw std::invalid_argument("raft: persisted entries are not consecutive after the snapshot");
  applied_ = std::max(snap_.index, persisted.applied);
  commit_ = std::max({persisted.state.commit, applied_});
  commit_ = std::min(commit_, last_index());
  stable_ = handed_stable_ = last_index();
  unstable_from_ = last_index() + 1;
  handed_applied_ = applied_;
  handed_state_ = hard_state{term_, vote_, commit_};
  refresh_config();
  reset_election_timeout();
}

// --- log ------------------------------------------------------------------

std::optional<term_t> core::term_at(log_index i) const {
  if (i == snap_.index)
    return snap_.term;
  if (i < snap_.index || i > last_index())
    return std::nullopt;
  return entries_[i - snap_.index - 1].term;
}

const entry* core::at(log_index i) const {
  if (i <= snap_.index || i > last_index())
    return nullptr;
  return &entries_[i - snap_.index - 1];
}

bool core::log_up_to_date(log_index last, term_t last_term) const {
  auto mine = *term_at(last_index());
  return last_term > mine || (last_term == mine && last >= last_index());
}

configuration core::config_at(log_index i) const {
  for (log_index j = std::min(i, last_index()); j > snap_.index; --j) {
    const auto& e = entries_[j - snap_.index - 1];
    if (e.type == entry_type::config)
      return decode_config(e.data);
  }
  return snap_.config;
}

void core::refresh_config() {
  config_ = config_at(last_index());
  if (role_ != role::leader)
    return;
  auto member = [&](node_id n) { return n != id() && config_.contains(n); };
  std::erase_if(progress_, [&](const auto& kv) { return !member(kv.first); });
  for (auto group : {&config_.voters, &config_.learners})
    for (auto n : *group)
      if (member(n) && !progress_.contains(n))
        progress_[n] = progress{.match = 0, .next = last_index() + 1};
  if (transfer_to_ && !config_.is_voter(*transfer_to_))
    abort_transfer();
}

void core::truncate_from(log_index i) {
  if (i <= commit_)
    throw std::logic_error("raft: truncating a committed entry");
  entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(i - snap_.index - 1), entries_.end());
  unstable_from_ = std::min(unstable_from_, i);
  stable_ = std::min(stable_, i - 1);
  handed_stable_ = std::min(handed_stable_, i - 1);
}

log_index core::append_entries(log_index prev, std::vector<entry>& incoming) {
  bool changed_config = false;
  for (auto& e : incoming) {
    if (e.index <= snap_.index)
      continue;
    if (e.index <= last_index()) {
      if (*term_at(e.index) == e.term)
        continue;
      changed_config = true; // a truncated config entry may have been in effect
      truncate_from(e.index);
    }
    changed_config |= e.type == entry_type::config;
    entries_.push_back(std::move(e));
  }
  if (changed_config)
    refresh_config();
  return prev + incoming.size();
}

void core::append_local(entry_type type, std::string data) {
  entries_.push_back(entry{term_, last_index() + 1, type, std::move(data)});
  if (type == entry_type::config)
    refresh_config();
}

void core::commit_to(log_index c) {
  commit_ = std::max(commit_, std::min(c, last_index()));
}

// --- roles ----------------------------------------------------------------

void core::reset_election_timeout() {
  auto n = static_cast<uint64_t>(std::max(1, options_.election_ticks));
  election_timeout_ = static_cast<int>(n + random_() % n);
}

void core::reset(term_t t) {
  if (t != term_) {
    term_ = t;
    vote_ = node_id{};
  }
  leader_ = node_id{};
  election_elapsed_ = 0;
  heartbeat_elapsed_ = 0;
  reset_election_timeout();
  votes_.clear();
  progress_.clear();
  transfer_to_.reset();
  transfer_elapsed_ = 0;
  reads_waiting_commit_.clear();
  read_rounds_.clear();
  need_broadcast_ = false;
}

void core::become_follower(term_t t, node_id leader) {
  reset(t);
  role_ = role::follower;
  leader_ = leader;
}

void core::become_pre_candidate() {
  // Asks for votes at term + 1 without taking it: a node cut off from the
  // others campaigns without raising its term, so it cannot depose the
  // leader when it comes back.
  role_ = role::pre_candidate;
  leader_ = node_id{};
  election_elapsed_ = 0;
  reset_election_timeout();
  votes_.clear();
  votes_[id()] = true;
  if (quorum(1)) {
    become_candidate(false);
    return;
  }
  for (auto v : config_.voters) {
    if (v == id())
      continue;
    auto m = make(message_type::pre_vote, v);
    m.term = term_t{term_.value + 1};
    m.index = last_index();
    m.log_term = *term_at(last_index());
    send(std::move(m));
  }
}

void core::become_candidate(bool transfer) {
  reset(term_t{term_.value + 1});
  role_ = role::candidate;
  vote_ = id();
  votes_[id()] = true;
  if (quorum(1)) {
    become_leader();
    return;
  }
  for (auto v : config_.voters) {
    if (v == id())
      continue;
    auto m = make(message_type::vote, v);
    m.index = last_index();
    m.log_term = *term_at(last_index());
    m.transfer = transfer;
    send(std::move(m));
  }
}

void core::become_leader() {
  role_ = role::leader;
  leader_ = id();
  // Check-quorum counts a full election timeout from here, not from when
  // the campaign began.
  election_elapsed_ = 0;
  heartbeat_elapsed_ = 0;
  progress_.clear();
  refresh_config(); // builds progress_ for every other member
  // A leader commits entries of earlier terms only through one of its own.
  append_local(entry_type::noop, {});
  term_start_ = last_index();
  need_broadcast_ = true;
}

void core::campaign() {
  if (role_ != role::leader && config_.is_voter(id()))
    become_candidate(false);
}

// --- inputs ---------------------------------------------------------------

void core::tick() {
  if (ticks_since_start_ < options_.election_ticks)
    ++ticks_since_start_;
  if (role_ != role::leader) {
    ++election_elapsed_;
    if (config_.is_voter(id()) && election_elapsed_ >= election_timeout_)
      become_pre_candidate();
    return;
  }
  if (++election_elapsed_ >= options_.election_ticks) {
    election_elapsed_ = 0;
    check_quorum();
    if (role_ != role::leader)
      return;
  }
  if (transfer_to_ && ++transfer_elapsed_ >= options_.election_ticks)
    abort_transfer();
  for (auto& [n, pr] : progress_) {
    if (pr.state == progress::mode::snapshot && --pr.snapshot_wait <= 0) {
      // The snapshot or its answer was lost: probe again (which sends it
      // again if the follower still needs it).
      pr.state = progress::mode::probe;
      pr.paused = false;
    }
  }
  if (++heartbeat_elapsed_ >= options_.heartbeat_ticks) {
    heartbeat_elapsed_ = 0;
    // Carries the newest read round, so a round whose own heartbeats were
    // lost still completes (an answer confirms every earlier round too).
    broadcast_heartbeat(read_rounds_.empty() ? 0 : read_rounds_.back().id);
  }
}

void core::step(message m) {
  if (m.type == message_type::snapshot_ack)
    return;  // the drivers' transport of snapshots, not Raft's
  if (m.term > term_) {
    bool vote_request = m.type == message_type::vote || m.type == message_type::pre_vote;
    bool in_lease = (leader_ != node_id{} && election_elapsed_ < options_.election_ticks)
                    || (options_.start_in_lease && ticks_since_start_ < options_.election_ticks);
    if (vote_request && in_lease && !m.transfer)
      return; // leader stickiness: it was heard within an election timeout
    if (m.type == message_type::pre_vote) {
      // answered below, term unchanged
    } else if (m.type == message_type::pre_vote_reply && !m.reject) {
      // a grant for the term this node would take: counted below
    } else {
      bool from_leader = m.type == message_type::append || m.type == message_type::heartbeat
                         || m.type == message_type::snapshot;
      become_follower(m.term, from_leader ? m.from : node_id{});
    }
  } else if (m.term < term_) {
    if (m.type == message_type::append || m.type == message_type::heartbeat) {
      // A deposed leader learns the term from the answer and steps down.
      send(make(message_type::append_reply, m.from));
    } else if (m.type == message_type::pre_vote) {
      auto r = make(message_type::pre_vote_reply, m.from);
      r.reject = true;
      send(std::move(r));
    }
    return;
  }

  switch (m.type) {
    case message_type::pre_vote:
    case message_type::vote: on_vote_request(m); return;
    case message_type::pre_vote_reply:
    case message_type::vote_reply: on_vote_reply(m); return;
    case message_type::append:
    case message_type::heartbeat:
    case message_type::snapshot:
      if (role_ == role::leader)
        return; // one leader per term: cannot happen
      if (role_ != role::follower)
        become_follower(term_, m.from);
      leader_ = m.from;
      election_elapsed_ = 0;
      if (m.type == message_type::append)
        on_append(m);
      else if (m.type == message_type::heartbeat)
        on_heartbeat(m);
      else
        on_snapshot(m);
      return;
    case message_type::append_reply:
      if (role_ == role::leader)
        on_append_reply(m);
      return;
    case message_type::heartbeat_reply:
      if (role_ == role::leader)
        on_heartbeat_reply(m);
      return;
    case message_type::timeout_now: on_timeout_now(); return;
    case message_type::snapshot_ack: return;
  }
}

void core::on_vote_request(const message& m) {
  bool pre = m.type == message_type::pre_vote;
  bool can_vote = pre ? m.term > term_
                      : vote_ == m.from || (vote_ == node_id{} && leader_ == node_id{});
  auto r = make(pre ? message_type::pre_vote_reply : message_type::vote_reply, m.from);
  if (can_vote && log_up_to_date(m.index, m.log_term)) {
    r.term = m.term;
    if (!pre) {
      vote_ = m.from;
      election_elapsed_ = 0;
    }
  } else {
    r.reject = true;
  }
  send(std::move(r));
}

void core::on_vote_reply(const message& m) {
  bool counts = (role_ == role::pre_candidate && m.type == message_type::pre_vote_reply)
                || (role_ == role::candidate && m.type == message_type::vote_reply);
  if (!counts || !config_.is_voter(m.from))
    return;
  votes_[m.from] = !m.reject;
  size_t granted = 0;
  for (auto& [n, g] : votes_)
    granted += g ? 1 : 0;
  if (quorum(granted)) {
    if (role_ == role::pre_candidate)
      become_candidate(false);
    else
      become_leader();
  } else if (quorum(votes_.size() - granted)) {
    become_follower(term_, node_id{});
  }
}

void core::on_append(message& m) {
  auto r = make(message_type::append_reply, m.from);
  if (m.index < commit_) {
    r.index = commit_; // already has everything up to there
    send(std::move(r));
    return;
  }
  auto prev_term = term_at(m.index);
  if (!prev_term || *prev_term != m.log_term) {
    r.reject = true;
    r.index = m.index;
    r.reject_hint = last_index();
    send(std::move(r));
    return;
  }
  auto last_new = append_entries(m.index, m.entries);
  commit_to(std::min(m.commit, last_new));
  r.index = last_new;
  send(std::move(r));
}

void core::on_heartbeat(const message& m) {
  commit_to(m.commit);
  auto r = make(message_type::heartbeat_reply, m.from);
  r.context = m.context;
  send(std::move(r));
}

void core::on_snapshot(message& m) {
  auto r = make(message_type::append_reply, m.from);
  const auto& meta = m.snapshot;
  if (meta.index <= commit_) {
    r.index = commit_;
  } else if (term_at(meta.index) == meta.term) {
    commit_to(meta.index); // the log already has it: skip the copy
    r.index = meta.index;
  } else {
    snap_ = meta;
    entries_.clear();
    commit_ = meta.index;
    unstable_from_ = meta.index + 1;
    stable_ = handed_stable_ = meta.index;
    handed_applied_ = meta.index;
    pending_snapshot_ = meta;
    pending_snapshot_data_ = std::move(m.snapshot_data);
    refresh_config();
    r.index = meta.index;
  }
  send(std::move(r));
}

void core::on_timeout_now() {
  if (role_ != role::leader && config_.is_voter(id()))
    become_candidate(true);
}

// --- leader ---------------------------------------------------------------

message core::make(message_type type, node_id to) const {
  message m;
  m.type = type;
  m.from = id();
  m.to = to;
  m.term = term_;
  return m;
}

bool core::quorum(size_t count) const {
  return count >= config_.voters.size() / 2 + 1;
}

void core::send_append(node_id to) {
  auto& pr = progress_.at(to);
  if (pr.state == progress::mode::snapshot || (pr.state == progress::mode::probe && pr.paused))
    return;
  auto prev = pr.next - 1;
  auto prev_term = term_at(prev);
  if (!prev_term) {
    // Compacted away: the follower gets the applied state instead.
    send(make(message_type::snapshot, to));
    pr.state = progress::mode::snapshot;
    pr.snapshot_wait = options_.snapshot_retry_ticks;
    return;
  }
  auto m = make(message_type::append, to);
  m.index = prev;
  m.log_term = *prev_term;
  m.commit = commit_;
  auto end = std::min(last_index(), prev + options_.max_entries_per_append);
  for (auto i = pr.next; i <= end; ++i)
    m.entries.push_back(*at(i));
  if (pr.state == progress::mode::replicate)
    pr.next = end + 1; // pipelined: do not wait for the answer
  else
    pr.paused = true;
  send(std::move(m));
}

void core::broadcast_append() {
  for (auto& [n, pr] : progress_)
    send_append(n);
}

void core::broadcast_heartbeat(uint64_t context) {
  for (auto& [n, pr] : progress_) {
    auto m = make(message_type::heartbeat, n);
    // Never past what the follower is known to have: its log beyond may
    // still differ from the leader's.
    m.commit = std::min(pr.match, commit_);
    m.context = context;
    send(std::move(m));
  }
}

progress* core::heard_from(node_id n) {
  auto it = progress_.find(n);
  if (it == progress_.end())
    return nullptr;
  it->second.recent_active = true;
  return &it->second;
}

void core::on_append_reply(const message& m) {
  auto* peer = heard_from(m.from);
  if (!peer)
    return;
  auto& pr = *peer;
  if (m.reject) {
    if (m.index < pr.match || (pr.state == progress::mode::probe && m.index != pr.next - 1))
      return; // stale answer
    if (pr.state == progress::mode::snapshot)
      return;
    // A follower whose log ends below what it acknowledged lost entries (a
    // disk that did not keep unsynced writes): they are sent again, and its
    // heartbeats never commit past what it now has.
    pr.match = std::min(pr.match, m.reject_hint);
    pr.next = std::max(pr.match + 1, std::min(m.index, m.reject_hint + 1));
    pr.state = progress::mode::probe;
    pr.paused = false;
    send_append(m.from);
    return;
  }
  if (m.index > pr.match) {
    pr.match = m.index;
    pr.next = std::max(pr.next, m.index + 1);
    if (pr.state != progress::mode::replicate) {
      pr.state = progress::mode::replicate;
      pr.next = m.index + 1;
    }
    pr.paused = false;
    if (maybe_commit())
      need_broadcast_ = true;
    else if (pr.next <= last_index())
      send_append(m.from);
  } else if (pr.state == progress::mode::probe && m.index == pr.next - 1) {
    pr.paused = false; // a probe that found nothing new to send
  }
  if (transfer_to_ == m.from && pr.match == last_index())
    send(make(message_type::timeout_now, m.from));
}

void core::on_heartbeat_reply(const message& m) {
  auto* peer = heard_from(m.from);
  if (!peer)
    return;
  auto& pr = *peer;
  if (pr.state == progress::mode::probe)
    pr.paused = false;
  if (pr.match < last_index())
    send_append(m.from);
  else if (transfer_to_ == m.from)
    send(make(message_type::timeout_now, m.from)); // the first one may have been lost
  if (m.context == 0 || !config_.is_voter(m.from))
    return;
  auto round = std::find_if(read_rounds_.begin(), read_rounds_.end(),
                            [&](const read_round& r) { return r.id == m.context; });
  if (round == read_rounds_.end())
    return;
  if (std::find(round->acks.begin(), round->acks.end(), m.from) == round->acks.end())
    round->acks.push_back(m.from);
  // Only the voters of the configuration now in effect count.
  auto voting = std::count_if(round->acks.begin(), round->acks.end(),
                              [&](node_id n) { return config_.is_voter(n); });
  if (!quorum(static_cast<size_t>(voting)))
    return;
  // A majority confirmed this leader after every earlier round began too.
  auto end = std::next(round);
  for (auto r = read_rounds_.begin(); r != end; ++r)
    for (auto ctx : r->contexts)
      reads_ready_.push_back(read_state{ctx, r->index});
  read_rounds_.erase(read_rounds_.begin(), end);
}

bool core::maybe_commit() {
  std::vector<log_index> matches;
  for (auto v : config_.voters)
    matches.push_back(v == id() ? stable_ : (progress_.contains(v) ? progress_.at(v).match : 0));
  std::sort(matches.begin(), matches.end(), std::greater<>());
  auto n = matches[config_.voters.size() / 2];
  if (n <= commit_ || term_at(n) != term_)
    return false;
  commit_ = n;
  release_reads();
  return true;
}

void core::release_reads() {
  if (commit_ < term_start_ || reads_waiting_commit_.empty())
    return;
  start_read_round(std::move(reads_waiting_commit_));
  reads_waiting_commit_.clear();
}

void core::start_read_round(std::vector<uint64_t> contexts) {
  if (quorum(1)) {
    for (auto ctx : contexts)
      reads_ready_.push_back(read_state{ctx, commit_});
    return;
  }
  read_rounds_.push_back(read_round{next_read_round_++, commit_, std::move(contexts), {id()}});
  broadcast_heartbeat(read_rounds_.back().id);
}

void core::check_quorum() {
  size_t active = 0;
  for (auto v : config_.voters)
    active += (v == id() || (progress_.contains(v) && progress_.at(v).recent_active)) ? 1 : 0;
  for (auto& [n, pr] : progress_) {
    pr.was_active = pr.recent_active;
    pr.recent_active = false;
  }
  if (!quorum(active))
    become_follower(term_, node_id{});
}

void core::abort_transfer() {
  transfer_to_.reset();
  transfer_elapsed_ = 0;
}

proposal core::propose(std::string data) {
  if (role_ != role::leader)
    return {errc::not_leader, 0};
  if (transfer_to_)
    return {errc::transfer_in_progress, 0};
  append_local(entry_type::normal, std::move(data));
  need_broadcast_ = true;
  return {errc::ok, last_index()};
}

errc core::propose_config(configuration next) {
  if (role_ != role::leader)
    return errc::not_leader;
  if (transfer_to_)
    return errc::transfer_in_progress;
  if (commit_ < term_start_)
    return errc::config_change_pending;
  for (auto i = commit_ + 1; i <= last_index(); ++i)
    if (at(i)->type == entry_type::config)
      return errc::config_change_pending;
  if (!next.is_voter(id()) || !valid(next))
    return errc::invalid_config;
  size_t changed = 0;
  for (auto n : next.voters)
    changed += config_.is_voter(n) ? 0 : 1;
  for (auto n : config_.voters)
    changed += next.is_voter(n) ? 0 : 1;
  if (changed > 1)
    return errc::invalid_config;
  append_local(entry_type::config, encode_config(next));
  need_broadcast_ = true;
  return errc::ok;
}

errc core::read_index(uint64_t context) {
  if (role_ != role::leader)
    return errc::not_leader;
  if (commit_ < term_start_)
    reads_waiting_commit_.push_back(context); // the commit index may be stale until then
  else
    start_read_round({context});
  return errc::ok;
}

errc core::transfer_leadership(node_id to) {
  if (role_ != role::leader)
    return errc::not_leader;
  if (to == id())
    return errc::ok;
  if (!config_.is_voter(to))
    return errc::unknown_node;
  transfer_to_ = to;
  transfer_elapsed_ = 0;
  auto& pr = progress_.at(to);
  if (pr.match == last_index())
    send(make(message_type::timeout_now, to));
  else
    send_append(to);
  return errc::ok;
}

// --- outputs --------------------------------------------------------------

bool core::has_ready() const {
  if (ready_out_)
    return false;
  return hard_state{term_, vote_, commit_} != handed_state_ || pending_snapshot_
         || unstable_from_ <= last_index() || handed_applied_ < std::min(commit_, last_index())
         || !outbox_.empty() || !reads_ready_.empty() || need_broadcast_;
}

ready core::take_ready() {
  if (need_broadcast_ && role_ == role::leader)
    broadcast_append();
  need_broadcast_ = false;
  ready r;
  // The commit index alone is not worth a write: a replica that restarts
  // commits again from what it applied and what its leader tells it. Term
  // and vote must be durable before anything is sent in their name.
  hard_state hs{term_, vote_, commit_};
  r.state_changed = hs.term != handed_state_.term || hs.vote != handed_state_.vote;
  r.state = hs;
  handed_state_ = hs;
  if (pending_snapshot_) {
    r.snapshot = std::move(pending_snapshot_);
    r.snapshot_data = std::move(pending_snapshot_data_);
    pending_snapshot_.reset();
    pending_snapshot_data_.clear();
  }
  for (auto i = unstable_from_; i <= last_index(); ++i)
    r.entries.push_back(*at(i));
  unstable_from_ = last_index() + 1;
  handed_stable_ = last_index();
  // Applied only after this ready is persisted, so never past what it makes
  // durable here.
  auto apply_to = std::min(commit_, last_index());
  for (auto i = handed_applied_ + 1; i <= apply_to; ++i)
    r.committed.push_back(*at(i));
  handed_applied_ = std::max(handed_applied_, apply_to);
  r.messages = std::move(outbox_);
  outbox_.clear();
  r.reads = std::move(reads_ready_);
  reads_ready_.clear();
  ready_out_ = true;
  return r;
}

void core::advance(const ready& r) {
  ready_out_ = false;
  stable_ = handed_stable_;
  if (r.snapshot)
    applied_ = std::max(applied_, r.snapshot->index);
  if (!r.committed.empty())
    applied_ = std::max(applied_, r.committed.back().index);
  if (role_ == role::leader && maybe_commit())
    need_broadcast_ = true;
}

errc core::compact(log_index upto) {
  if (upto > applied_)
    return errc::not_applied;
  if (upto <= snap_.index)
    return errc::ok;
  auto dropped = static_cast<std::ptrdiff_t>(upto - snap_.index);
  snap_ = snapshot_meta{upto, *term_at(upto), config_at(upto)};
  entries_.erase(entries_.begin(), entries_.begin() + dropped);
  return errc::ok;
}

snapshot_meta core::applied_snapshot() const {
  // Only a leader sends snapshots, and a leader's applied index is never
  // below its own snapshot (see core.hpp: stale snapshot messages are
  // dropped); value() throws rather than read an unknown term.
  return snapshot_meta{applied_, term_at(applied_).value(), config_at(applied_)};
}

} // namespace troupe::raft
