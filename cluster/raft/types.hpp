// Plain values of the Raft core: distinct id types, entries, configurations
// and messages. No CAF, no storage, no clock: the core and whoever drives it
// (the node's driver, the simulator in tests) exchange only these.
#pragma once

#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace troupe::raft {

/// A distinct integer type, so node ids, terms and log indexes cannot be
/// mixed up with each other or with counts.
template <class Tag>
struct named_u64 {
  uint64_t value = 0;

  constexpr named_u64() = default;
  constexpr explicit named_u64(uint64_t v) : value(v) {}
  constexpr auto operator<=>(const named_u64&) const = default;
};

template <class Tag>
std::ostream& operator<<(std::ostream& out, named_u64<Tag> v) {
  return out << v.value;
}

using node_id = named_u64<struct node_id_tag>;
using term_t = named_u64<struct term_tag>;

/// Log positions are counted, added to and compared all the time, so they
/// stay a plain integer; 0 means "before the first entry".
using log_index = uint64_t;

enum class entry_type : uint8_t {
  normal,  ///< application data (a partition's write batch)
  noop,    ///< appended by every new leader, so it can commit its term
  config,  ///< a new configuration, in effect from the moment it is in a log
};

struct entry {
  term_t term;
  log_index index = 0;
  entry_type type = entry_type::normal;
  std::string data; ///< normal: opaque; config: encode_config()
};

/// Who votes and who only replicates. A learner receives the log but counts
/// towards no majority and never campaigns.
struct configuration {
  std::vector<node_id> voters;
  std::vector<node_id> learners;

  bool is_voter(node_id n) const;
  bool contains(node_id n) const;
  bool operator==(const configuration&) const = default;
};

/// Node ids as plain numbers (how actors pass them) and back.
std::vector<uint64_t> raw_ids(const std::vector<node_id>& ids);
std::vector<node_id> node_ids(const std::vector<uint64_t>& raw);

/// No id 0 (it means "nobody"), none twice, none both voter and learner.
bool valid(const configuration& c);

std::string encode_config(const configuration& c);
std::ostream& operator<<(std::ostream& out, const configuration& c);
/// Throws std::invalid_argument on malformed input.
configuration decode_config(const std::string& s);

/// What a snapshot stands for: every entry up to `index` applied.
struct snapshot_meta {
  log_index index = 0;
  term_t term;
  configuration config;
};

/// Persisted before any message that depends on it is sent.
struct hard_state {
  term_t term;
  node_id vote;        ///< 0: none in this term
  log_index commit = 0;
  bool operator==(const hard_state&) const = default;
};

enum class message_type : uint8_t {
  pre_vote,        ///< "would you vote for me at term+1?", changes nobody's term
  pre_vote_reply,
  vote,
  vote_reply,
  append,          ///< entries after (index, log_term); also the probe
  append_reply,
  heartbeat,       ///< commit and a read context; no entries
  heartbeat_reply,
  snapshot,        ///< install snapshot; the driver attaches the data
  timeout_now,     ///< leadership transfer: campaign at once
  snapshot_ack,    ///< drivers only: a snapshot chunk arrived (never stepped into a core)
};

const char* to_string(message_type t);

struct message {
  message_type type = message_type::append;
  node_id from;
  node_id to;
  term_t term;
  log_index index = 0;        ///< append: prev index; vote: last index; reply: see core
  term_t log_term;            ///< append: prev term; vote: last term
  log_index commit = 0;
  bool reject = false;
  log_index reject_hint = 0;  ///< append_reply: the follower's last index
  bool transfer = false;      ///< vote: part of a leadership transfer
  uint64_t context = 0;       ///< heartbeat: read_index round
  std::vector<entry> entries;
  snapshot_meta snapshot;     ///< type snapshot
  std::string snapshot_data;  ///< type snapshot: filled by the driver
  /// Drivers only: a snapshot travels as chunks 0, 1, ... (snapshot_data
  /// each, `more` on all but the last), each acknowledged by the receiving
  /// driver (snapshot_ack, context = the chunk) before the next is sent;
  /// the core sees one snapshot message with all the data.
  uint32_t chunk = 0;
  bool more = false;
};

} // namespace troupe::raft
