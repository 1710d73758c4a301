// Streams of the Redis-compatible keyspace, with Redis 7.0's semantics,
// replies and error strings: XADD, XRANGE, XREAD, trimming, consumer groups
// (XGROUP, XREADGROUP, XACK, XPENDING, XCLAIM, XAUTOCLAIM) and XINFO.
//
// Each entry, group, pending entry and consumer is a record of its own
// under the stream's key (kv_field_key), so an append, a read of new
// entries or an acknowledgement costs O(log n) whatever the stream's size:
// - "e" + id (ms and seq, 8 bytes big-endian each, so entries sort by id)
//   -> the first id of the entry's node (16 bytes), then each field and
//   value as a 4-byte length and its bytes;
// - "g" + group -> last delivered id (16 bytes), entries read (8; all ones
//   when unknown);
// - "p" + group (after its 4-byte length) + id -> a pending entry: delivery
//   time (8), delivery count (8), consumer;
// - "c" + group (after its 4-byte length) + consumer -> seen time (8).
// The key record holds, as 8-byte numbers: the length (first, as for every
// collection), the last id, entries added, the largest deleted id, the tail
// node (its first id, entries and bytes), the number of nodes and of groups.
//
// Nodes are Redis's: consecutive entries, at most stream-node-max-entries
// (or -bytes) of them, which approximate trimming (MAXLEN ~ / MINID ~)
// removes only whole. They exist only as that number in each entry.
#include "actors/kv_keyspace.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include "actors/keyspace_events.hpp"
#include "actors/stream_nodes.hpp"
#include "protocol/rdb.hpp"
#include "protocol/resp.hpp"
#include "storage/key_codec.hpp"

namespace troupe::actors::kv {

namespace resp = protocol::resp;
namespace rdb = protocol::rdb;

namespace {

const char* const invalid_id = "ERR Invalid stream ID specified as stream command argument";
const char* const no_such_key = "ERR no such key";

// -- ids ------------------------------------------------------------------------

struct stream_id {
  uint64_t ms = 0, seq = 0;
  friend auto operator<=>(const stream_id&, const stream_id&) = default;
};

constexpr stream_id max_id{UINT64_MAX, UINT64_MAX};

bool is_zero(stream_id id) {
  return id.ms == 0 && id.seq == 0;
}

std::string id_text(stream_id id) {
  return std::to_string(id.ms) + "-" + std::to_string(id.seq);
}

std::string id_bytes(stream_id id) {
  return u64_bytes(id.ms) + u64_bytes(id.seq);
}

stream_id id_at(std::string_view bytes) {
  if (bytes.size() < 16)
    return {};
  return {u64_of(bytes.substr(0, 8)), u64_of(bytes.substr(8, 8))};
}

/// The next id (false past the last possible one).
bool incr(stream_id& id) {
  if (id.seq == UINT64_MAX) {
    if (id.ms == UINT64_MAX)
      return false;
    ++id.ms;
    id.seq = 0;
  } else {
    ++id.seq;
  }
  return true;
}

bool decr(stream_id& id) {
  if (id.seq == 0) {
    if (id.ms == 0)
      return false;
    --id.ms;
    id.seq = UINT64_MAX;
  } else {
    --id.seq;
  }
  return true;
}

std::optional<uint64_t> parse_u64(std::string_view text) {
  if (text.empty() || text.size() > 20)
    return std::nullopt;
  uint64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9')
      return std::nullopt;
    auto d = static_cast<uint64_t>(ch - '0');
    if (v > (UINT64_MAX - d) / 10)
      return std::nullopt;
    v = v * 10 + d;
  }
  return v;
}

/// Redis's streamGenericParseIDOrReply: "ms-seq", "ms" (seq `missing_seq`),
/// "-" and "+" unless `strict`, and with `seq_given` "ms-*".
std::optional<stream_id> read_id(std::string_view text, uint64_t missing_seq, bool strict,
                                 bool* seq_given = nullptr) {
  if (text.size() > 127 || (strict && (text == "-" || text == "+")))
    return std::nullopt;
  if (seq_given)
    *seq_given = true;
  if (text == "-")
    return stream_id{};
  if (text == "+")
    return max_id;
  auto dash = text.find('-');
  auto ms = parse_u64(text.substr(0, dash));
  if (!ms)
    return std::nullopt;
  if (dash == std::string_view::npos)
    return stream_id{*ms, missing_seq};
  auto rest = text.substr(dash + 1);
  if (seq_given && rest == "*") {
    *seq_given = false;
    return stream_id{*ms, 0};
  }
  auto seq = parse_u64(rest);
  if (!seq)
    return std::nullopt;
  return stream_id{*ms, *seq};
}

/// read_id, replying the error when the text is not an id.
std::optional<stream_id> parse_id(command& c, std::string_view text, uint64_t missing_seq,
                                  bool strict, bool* seq_given = nullptr) {
  auto id = read_id(text, missing_seq, strict, seq_given);
  if (!id)
    resp::error(c.out, invalid_id);
  return id;
}

/// A range bound: "(" before an id makes it exclusive (moved to the next,
/// or the previous, id). Replies the error when it is invalid.
std::optional<stream_id> parse_bound(command& c, std::string_view text, bool start) {
  bool exclusive = text.size() > 1 && text[0] == '(';
  auto id = exclusive ? parse_id(c, text.substr(1), start ? 0 : UINT64_MAX, true)
                      : parse_id(c, text, start ? 0 : UINT64_MAX, false);
  if (id && exclusive && !(start ? incr(*id) : decr(*id))) {
    resp::error(c.out, start ? "ERR invalid start ID for the interval"
                             : "ERR invalid end ID for the interval");
    return std::nullopt;
  }
  return id;
}

void reply_id(std::string& out, stream_id id) {
  resp::bulk(out, id_text(id));
}

// -- entries --------------------------------------------------------------------

/// Appends `bytes` after its length (4 bytes, big-endian).
void append_sized(std::string& out, std::string_view bytes) {
  auto n = static_cast<uint32_t>(bytes.size());
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((n >> shift) & 0xFF));
  out.append(bytes);
}

std::string encode_entry(stream_id node, const std::vector<std::string_view>& args, size_t from) {
  auto out = id_bytes(node);
  for (size_t i = from; i < args.size(); ++i)
    append_sized(out, args[i]);
  return out;
}

stream_id node_of(std::string_view value) {
  return id_at(value);
}

/// An entry record's fields and values, in turn.
std::vector<std::string_view> entry_parts(std::string_view value) {
  std::vector<std::string_view> parts;
  value.remove_prefix(std::min<size_t>(16, value.size()));
  while (value.size() >= 4) {
    uint32_t n = 0;
    for (int i = 0; i < 4; ++i)
      n = (n << 8) | static_cast<uint8_t>(value[static_cast<size_t>(i)]);
    value.remove_prefix(4);
    n = static_cast<uint32_t>(std::min<size_t>(n, value.size()));
    parts.push_back(value.substr(0, n));
    value.remove_prefix(n);
  }
  return parts;
}

/// [id, [field, value, ...]]
void reply_entry(std::string& out, stream_id id, std::string_view value) {
  auto parts = entry_parts(value);
  resp::array(out, 2);
  reply_id(out, id);
  resp::array(out, parts.size());
  for (auto p : parts)
    resp::bulk(out, p);
}

// -- the stream -----------------------------------------------------------------

struct stream_ref {
  std::string key, mkey;
  std::optional<entry> e;  // nullopt: no stream at the key
  uint64_t length = 0, entries_added = 0;
  stream_id last, max_deleted;
  stream_id tail;           // the first id of the last node
  uint64_t tail_count = 0;  // entries ever added to it (0: no last node)
  uint64_t tail_bytes = 0;
  uint64_t nodes = 0, groups = 0;
};

constexpr size_t meta_size = 12 * 8;

uint64_t meta_at(const entry& e, size_t i) {
  return e.payload.size() >= (i + 1) * 8 ? u64_of(std::string_view{e.payload}.substr(i * 8, 8))
                                         : 0;
}

/// Loads the stream at `key`; false after a WRONGTYPE or storage error.
bool open_stream(command& c, std::string_view key, stream_ref& s) {
  s.key.assign(key);
  s.mkey = mkey_of(c, key);
  if (!load_typed(c, key, type_stream, s.e))
    return false;
  if (s.e) {
    auto& e = *s.e;
    s.length = meta_at(e, 0);
    s.last = {meta_at(e, 1), meta_at(e, 2)};
    s.entries_added = meta_at(e, 3);
    s.max_deleted = {meta_at(e, 4), meta_at(e, 5)};
    s.tail = {meta_at(e, 6), meta_at(e, 7)};
    s.tail_count = meta_at(e, 8);
    s.tail_bytes = meta_at(e, 9);
    s.nodes = meta_at(e, 10);
    s.groups = meta_at(e, 11);
  }
  return true;
}

/// Opens the stream at `key` for a command that needs one: false after a
/// WRONGTYPE or storage error, or, calling absent() to reply, when there
/// is none.
template <class F>
bool open_existing(command& c, std::string_view key, stream_ref& s, F absent) {
  if (!open_stream(c, key, s))
    return false;
  if (!s.e)
    absent();
  return s.e.has_value();
}

void create_stream(command& c, stream_ref& s) {
  s.e = create_collection(c, s.key, type_stream);
  s.length = s.entries_added = s.tail_count = s.tail_bytes = s.nodes = s.groups = 0;
  s.last = s.max_deleted = s.tail = {};
}

/// Writes the key record: a stream stays when empty, as in Redis.
void save_stream(command& c, stream_ref& s) {
  std::string p;
  p.reserve(meta_size);
  for (uint64_t v : {s.length, s.last.ms, s.last.seq, s.entries_added, s.max_deleted.ms,
                     s.max_deleted.seq, s.tail.ms, s.tail.seq, s.tail_count, s.tail_bytes,
                     s.nodes, s.groups})
    p += u64_bytes(v);
  s.e->payload = std::move(p);
  store(c, s.mkey, *s.e);
}

/// The records of `s` whose element part starts with `sub`: a key prefix.
std::string sub_prefix(command& c, const stream_ref& s, std::string_view sub) {
  auto key = fkey_of(c, s.key, sub);
  key.resize(key.size() - 2);  // the element's terminator
  return key;
}

std::string entry_key(command& c, const stream_ref& s, stream_id id) {
  return fkey_of(c, s.key, "e" + id_bytes(id));
}

/// Calls fn(id, value) for the entries from `from` to `to` (both included),
/// in order (backwards when `reverse`), until it returns false.
template <class F>
void walk(command& c, const stream_ref& s, stream_id from, stream_id to, bool reverse, F fn) {
  if (!s.e || s.length == 0 || from > to)
    return;
  auto whole = storage::kv_field_prefix(c.st.partition, s.key).size();
  each_field(c, sub_prefix(c, s, "e"), entry_key(c, s, reverse ? to : from), reverse,
             [&](std::string_view k, std::string_view v) {
               auto sub = storage::decode_kv_field(k, whole).value_or("");
               auto id = id_at(std::string_view{sub}.substr(std::min<size_t>(1, sub.size())));
               if (reverse ? id < from : id > to)
                 return false;
               return fn(id, v);
             });
}

/// The first (or last) entry's id, nullopt when the stream is empty.
std::optional<stream_id> edge(command& c, const stream_ref& s, bool first) {
  std::optional<stream_id> out;
  walk(c, s, {}, max_id, !first, [&](stream_id id, std::string_view) {
    out = id;
    return false;
  });
  return out;
}

/// Redis's recorded first id: the first entry's, 0-0 when empty.
stream_id first_id(command& c, const stream_ref& s) {
  return edge(c, s, true).value_or(stream_id{});
}

/// The entries from `from` on (up to `count`, 0: all), as (id, value).
std::vector<std::pair<stream_id, std::string>> entries_from(command& c, const stream_ref& s,
                                                            stream_id from, uint64_t count) {
  std::vector<std::pair<stream_id, std::string>> out;
  walk(c, s, from, max_id, false, [&](stream_id id, std::string_view v) {
    out.emplace_back(id, std::string{v});
    return count == 0 || out.size() < count;
  });
  return out;
}

int64_t node_max_entries(command& c) {
  auto* n = c.st.limits.stream_nodes;
  return n ? n->max_entries.load(std::memory_order_relaxed) : 100;
}

int64_t node_max_bytes(command& c) {
  auto* n = c.st.limits.stream_nodes;
  return n ? n->max_bytes.load(std::memory_order_relaxed) : 4096;
}

/// Appends an entry of the fields and values in args[from...] at `id`.
void append(command& c, stream_ref& s, stream_id id, size_t from) {
  uint64_t bytes = 4;
  for (size_t i = from; i < c.args.size(); ++i)
    bytes += c.args[i].size() + 2;
  auto max_entries = node_max_entries(c), max_bytes = node_max_bytes(c);
  bool full = s.tail_count == 0
              || (max_bytes > 0 && s.tail_bytes + bytes >= static_cast<uint64_t>(max_bytes))
              || (max_entries > 0 && s.tail_count >= static_cast<uint64_t>(max_entries));
  if (full) {
    s.tail = id;
    s.tail_count = s.tail_bytes = 0;
    ++s.nodes;
  }
  ++s.tail_count;
  s.tail_bytes += bytes;
  store_field(c, entry_key(c, s, id), encode_entry(s.tail, c.args, from));
  ++s.length;
  ++s.entries_added;
  s.last = id;
}

/// A node lost its last entry: one node less, and the next append starts a
/// new one if it was the last.
void node_gone(stream_ref& s, stream_id node) {
  if (s.nodes > 0)
    --s.nodes;
  if (node == s.tail)
    s.tail_count = 0;
}

/// Deletes the entry `id` (its value read as `value`).
void delete_entry(command& c, stream_ref& s, stream_id id, std::string_view value) {
  remove_field(c, entry_key(c, s, id));
  --s.length;
  auto node = node_of(value);
  bool shared = false;
  auto same_node = [&](stream_id, std::string_view v) {
    shared = node_of(v) == node;
    return false;
  };
  if (stream_id next = id; incr(next))
    walk(c, s, next, max_id, false, same_node);
  if (stream_id prev = id; !shared && decr(prev))
    walk(c, s, {}, prev, true, same_node);
  if (!shared)
    node_gone(s, node);
}

// -- trimming -------------------------------------------------------------------

enum class trim_by { none, maxlen, minid };

struct trim_args {
  trim_by strategy = trim_by::none;
  bool approx = false;
  int64_t limit = 0;  // entries removed at most (0: no limit)
  int64_t maxlen = 0;
  stream_id minid;
  // XADD's
  bool nomkstream = false;
  bool id_given = false, seq_given = true;
  stream_id id;
};

/// A count argument that must not be negative; nullopt after an error reply
/// (`negative` names the argument's own error).
std::optional<int64_t> non_negative_arg(command& c, std::string_view text, const char* negative) {
  auto n = int_arg(c, text);
  if (n && *n < 0) {
    resp::error(c.out, negative);
    return std::nullopt;
  }
  return n;
}

/// Parses XADD's or XTRIM's options (from args[2]); for XADD returns the
/// position of the id. nullopt after an error reply.
std::optional<size_t> parse_trim(command& c, bool xadd, trim_args& t) {
  size_t i = 2;
  bool limit_given = false;
  for (; i < c.args.size(); ++i) {
    auto more = c.args.size() - 1 - i;
    auto opt = c.args[i];
    auto lower = resp::lower(opt);
    if (xadd && opt == "*") {
      break;
    } else if ((lower == "maxlen" || lower == "minid") && more > 0) {
      if (t.strategy != trim_by::none) {
        resp::error(c.out, "ERR syntax error, MAXLEN and MINID options at the same time are not "
                           "compatible");
        return std::nullopt;
      }
      t.approx = false;
      auto next = c.args[i + 1];
      if (more >= 2 && (next == "~" || next == "=")) {
        t.approx = next == "~";
        ++i;
      }
      if (lower == "maxlen") {
        auto n = non_negative_arg(c, c.args[i + 1], "ERR The MAXLEN argument must be >= 0.");
        if (!n)
          return std::nullopt;
        t.maxlen = *n;
        t.strategy = trim_by::maxlen;
      } else {
        auto id = parse_id(c, c.args[i + 1], 0, true);
        if (!id)
          return std::nullopt;
        t.minid = *id;
        t.strategy = trim_by::minid;
      }
      ++i;
    } else if (lower == "limit" && more > 0) {
      auto n = non_negative_arg(c, c.args[i + 1], "ERR The LIMIT argument must be >= 0.");
      if (!n)
        return std::nullopt;
      t.limit = *n;
      limit_given = true;
      ++i;
    } else if (xadd && lower == "nomkstream") {
      t.nomkstream = true;
    } else if (xadd) {
      auto id = parse_id(c, opt, 0, true, &t.seq_given);
      if (!id)
        return std::nullopt;
      t.id = *id;
      t.id_given = true;
      break;
    } else {
      resp::error(c.out, syntax_error);
      return std::nullopt;
    }
  }
  if (t.limit && t.strategy == trim_by::none) {
    resp::error(c.out, "ERR syntax error, LIMIT cannot be used without specifying a trimming "
                       "strategy");
    return std::nullopt;
  }
  if (!xadd && t.strategy == trim_by::none) {
    resp::error(c.out, "ERR syntax error, XTRIM must be called with a trimming strategy");
    return std::nullopt;
  }
  if (limit_given && !t.approx) {
    resp::error(c.out, "ERR syntax error, LIMIT cannot be used without the special ~ option");
    return std::nullopt;
  }
  if (t.approx && !limit_given) {
    // At most 100 nodes' worth per call, as in Redis.
    auto nodes_worth = 100 * node_max_entries(c);
    t.limit = nodes_worth <= 0 ? 10'000 : std::min<int64_t>(nodes_worth, 1'000'000);
  }
  return i;
}

/// Redis's streamTrim: whole nodes from the head while the stream stays
/// long enough (MAXLEN) or the node ends below the id (MINID); then, unless
/// approximate, entries of the next node one by one. Returns the entries
/// removed.
int64_t trim(command& c, stream_ref& s, const trim_args& t) {
  if (t.strategy == trim_by::none || !s.e || s.length == 0)
    return 0;
  if (t.strategy == trim_by::maxlen && s.length <= static_cast<uint64_t>(t.maxlen))
    return 0;
  // The nodes that may go: up to the node holding the last entry that would.
  struct node_run {
    stream_id first;
    std::vector<std::pair<stream_id, std::string>> entries;
  };
  std::vector<node_run> runs;
  uint64_t excess = t.strategy == trim_by::maxlen ? s.length - static_cast<uint64_t>(t.maxlen) : 0;
  uint64_t seen = 0;
  bool enough = false;
  walk(c, s, {}, max_id, false, [&](stream_id id, std::string_view v) {
    auto node = node_of(v);
    if (runs.empty() || runs.back().first != node) {
      if (enough)
        return false;
      runs.push_back({node, {}});
    }
    runs.back().entries.emplace_back(id, std::string{v});
    ++seen;
    if (t.strategy == trim_by::maxlen ? seen >= excess : id >= t.minid)
      enough = true;
    return true;
  });
  int64_t deleted = 0;
  for (auto& run : runs) {
    if (t.strategy == trim_by::maxlen && s.length <= static_cast<uint64_t>(t.maxlen))
      break;
    auto n = static_cast<int64_t>(run.entries.size());
    if (t.limit && deleted + n > t.limit)
      break;
    bool whole = t.strategy == trim_by::maxlen
                   ? s.length - run.entries.size() >= static_cast<uint64_t>(t.maxlen)
                   : run.entries.back().first < t.minid;
    if (whole) {
      for (auto& [id, v] : run.entries)
        remove_field(c, entry_key(c, s, id));
      s.length -= run.entries.size();
      deleted += n;
      node_gone(s, run.first);
      continue;
    }
    if (t.approx)
      break;
    for (auto& [id, v] : run.entries) {
      if (t.strategy == trim_by::maxlen ? s.length <= static_cast<uint64_t>(t.maxlen)
                                        : id >= t.minid)
        break;
      remove_field(c, entry_key(c, s, id));
      --s.length;
      ++deleted;
    }
    break;
  }
  return deleted;
}

// -- XADD, XLEN, XRANGE, XDEL, XTRIM, XSETID -----------------------------------

/// XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id
/// field value [field value ...]
void cmd_xadd(command& c) {
  trim_args t;
  auto id_at_arg = parse_trim(c, true, t);
  if (!id_at_arg)
    return;
  auto fields = *id_at_arg + 1;
  if (c.args.size() < fields + 2 || (c.args.size() - fields) % 2 == 1) {
    wrong_arity(c);
    return;
  }
  if (t.id_given && t.seq_given && is_zero(t.id)) {
    resp::error(c.out, "ERR The ID specified in XADD must be greater than 0-0");
    return;
  }
  size_t bytes = 0;
  for (size_t i = fields; i < c.args.size(); ++i)
    bytes += c.args[i].size();
  if (!check_key(c, c.args[1], "key") || !check_value(c, bytes))
    return;
  stream_ref s;
  if (!open_stream(c, c.args[1], s))
    return;
  if (!s.e && t.nomkstream) {
    resp::null(c.out, c.resp3);
    return;
  }
  if (s.last == max_id) {
    resp::error(c.out, "ERR The stream has exhausted the last possible ID, unable to add more "
                       "items");
    return;
  }
  stream_id id;
  bool ok = true;
  if (!t.id_given) {
    auto now = static_cast<uint64_t>(std::max<int64_t>(c.now, 0));
    id = s.last.ms >= now ? s.last : stream_id{now, 0};
    if (s.last.ms >= now)
      ok = incr(id);
  } else if (!t.seq_given && s.last.ms == t.id.ms) {
    id = s.last;
    ok = incr(id) && id.ms == t.id.ms;
  } else {
    id = t.id;
  }
  if (!ok || id <= s.last) {
    resp::error(c.out, "ERR The ID specified in XADD is equal or smaller than the target stream "
                       "top item");
    return;
  }
  if (!s.e)
    create_stream(c, s);
  append(c, s, id, fields);
  reply_id(c.out, id);
  notify(c.st, event_class::stream, "xadd", s.key);
  if (trim(c, s, t) > 0)
    notify(c.st, event_class::stream, "xtrim", s.key);
  save_stream(c, s);
}

void cmd_xlen(command& c) {
  stream_ref s;
  if (open_stream(c, c.args[1], s))
    resp::integer(c.out, static_cast<int64_t>(s.length));
}

/// XRANGE key start end [COUNT n], XREVRANGE key end start [COUNT n].
void cmd_xrange(command& c, bool reverse) {
  auto start = parse_bound(c, c.args[reverse ? 3 : 2], true);
  if (!start)
    return;
  auto end = parse_bound(c, c.args[reverse ? 2 : 3], false);
  if (!end)
    return;
  int64_t count = -1;
  for (size_t i = 4; i < c.args.size(); ++i) {
    if (resp::lower(c.args[i]) == "count" && i + 1 < c.args.size()) {
      auto n = int_arg(c, c.args[++i]);
      if (!n)
        return;
      count = std::max<int64_t>(*n, 0);
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  stream_ref s;
  if (!open_existing(c, c.args[1], s, [&] { resp::array(c.out, 0); }))
    return;
  if (count == 0) {
    resp::null_array(c.out, c.resp3);
    return;
  }
  std::string body;
  size_t n = 0;
  walk(c, s, *start, *end, reverse, [&](stream_id id, std::string_view v) {
    reply_entry(body, id, v);
    ++n;
    return count < 0 || static_cast<int64_t>(n) < count;
  });
  resp::array(c.out, n);
  c.out += body;
}

/// Parses ids args[from...] (strict); nullopt after an error reply.
std::optional<std::vector<stream_id>> parse_ids(command& c, size_t from) {
  std::vector<stream_id> out;
  for (size_t i = from; i < c.args.size(); ++i) {
    auto id = parse_id(c, c.args[i], 0, true);
    if (!id)
      return std::nullopt;
    out.push_back(*id);
  }
  return out;
}

void cmd_xdel(command& c) {
  stream_ref s;
  if (!open_existing(c, c.args[1], s, [&] { resp::integer(c.out, 0); }))
    return;
  auto ids = parse_ids(c, 2);
  if (!ids)
    return;
  int64_t deleted = 0;
  for (auto id : *ids) {
    auto value = load_field(c, entry_key(c, s, id));
    if (!value)
      continue;
    delete_entry(c, s, id, *value);
    s.max_deleted = std::max(s.max_deleted, id);
    ++deleted;
  }
  if (deleted)
    save_stream(c, s);
  resp::integer(c.out, deleted);
}

void cmd_xtrim(command& c) {
  trim_args t;
  if (!parse_trim(c, false, t))
    return;
  stream_ref s;
  if (!open_stream(c, c.args[1], s))
    return;
  auto deleted = trim(c, s, t);
  if (deleted)
    save_stream(c, s);
  resp::integer(c.out, deleted);
}

/// XSETID key last-id [ENTRIESADDED n] [MAXDELETEDID id]
void cmd_xsetid(command& c) {
  auto id = parse_id(c, c.args[2], 0, true);
  if (!id)
    return;
  int64_t added = -1;
  stream_id max_deleted;
  for (size_t i = 3; i < c.args.size(); i += 2) {
    auto opt = resp::lower(c.args[i]);
    bool more = i + 1 < c.args.size();
    if (opt == "entriesadded" && more) {
      auto n = int_arg(c, c.args[i + 1]);
      if (!n)
        return;
      if (*n < 0) {
        resp::error(c.out, "ERR entries_added must be positive");
        return;
      }
      added = *n;
    } else if (opt == "maxdeletedid" && more) {
      auto m = parse_id(c, c.args[i + 1], 0, true);
      if (!m)
        return;
      if (*id < *m) {
        resp::error(c.out, "ERR The ID specified in XSETID is smaller than the provided "
                           "max_deleted_entry_id");
        return;
      }
      max_deleted = *m;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  stream_ref s;
  if (!open_existing(c, c.args[1], s, [&] { resp::error(c.out, no_such_key); }))
    return;
  if (s.length > 0) {
    if (*id < *edge(c, s, false)) {
      resp::error(c.out, "ERR The ID specified in XSETID is smaller than the target stream top "
                         "item");
      return;
    }
    if (added != -1 && s.length > static_cast<uint64_t>(added)) {
      resp::error(c.out, "ERR The entries_added specified in XSETID is smaller than the target "
                         "stream length");
      return;
    }
  }
  s.last = *id;
  if (added != -1)
    s.entries_added = static_cast<uint64_t>(added);
  if (!is_zero(max_deleted))
    s.max_deleted = max_deleted;
  save_stream(c, s);
  resp::simple(c.out, "OK");
}

// -- consumer groups ------------------------------------------------------------

constexpr uint64_t unknown_reads = UINT64_MAX;

struct group_ref {
  std::string name;
  stream_id last;
  uint64_t entries_read = unknown_reads;
};

std::string group_tag(std::string_view name) {
  std::string out;
  append_sized(out, name);
  return out;
}

std::string group_key(command& c, const stream_ref& s, std::string_view name) {
  return fkey_of(c, s.key, "g" + std::string{name});
}

std::string pending_key(command& c, const stream_ref& s, std::string_view group, stream_id id) {
  return fkey_of(c, s.key, "p" + group_tag(group) + id_bytes(id));
}

std::string consumer_key(command& c, const stream_ref& s, std::string_view group,
                         std::string_view consumer) {
  return fkey_of(c, s.key, "c" + group_tag(group) + std::string{consumer});
}

std::optional<group_ref> load_group(command& c, const stream_ref& s, std::string_view name) {
  if (!s.e)
    return std::nullopt;
  auto v = load_field(c, group_key(c, s, name));
  if (!v)
    return std::nullopt;
  return group_ref{std::string{name}, id_at(*v), u64_of(std::string_view{*v}.substr(16))};
}

void save_group(command& c, const stream_ref& s, const group_ref& g) {
  store_field(c, group_key(c, s, g.name), id_bytes(g.last) + u64_bytes(g.entries_read));
}

/// A pending entry: delivered to `consumer` at `time`, `count` times.
struct pending {
  int64_t time = 0;
  uint64_t count = 0;
  std::string consumer;
};

std::string encode_pending(const pending& p) {
  return u64_bytes(static_cast<uint64_t>(p.time)) + u64_bytes(p.count) + p.consumer;
}

pending decode_pending(std::string_view v) {
  pending p;
  p.time = static_cast<int64_t>(u64_of(v.substr(0, std::min<size_t>(8, v.size()))));
  if (v.size() >= 16) {
    p.count = u64_of(v.substr(8, 8));
    p.consumer.assign(v.substr(16));
  }
  return p;
}

/// Calls fn(id, pending) for the group's pending entries from `from` to
/// `to`, in id order, until it returns false.
template <class F>
void walk_pending(command& c, const stream_ref& s, std::string_view group, stream_id from,
                  stream_id to, F fn) {
  auto prefix = sub_prefix(c, s, "p" + group_tag(group));
  auto whole = storage::kv_field_prefix(c.st.partition, s.key).size();
  auto skip = 1 + 4 + group.size();
  each_field(c, prefix, pending_key(c, s, group, from), false,
             [&](std::string_view k, std::string_view v) {
               auto sub = storage::decode_kv_field(k, whole).value_or("");
               auto id = id_at(std::string_view{sub}.substr(std::min(skip, sub.size())));
               if (id > to)
                 return false;
               return fn(id, decode_pending(v));
             });
}

/// Every pending entry of the group (id order).
std::vector<std::pair<stream_id, pending>> all_pending(command& c, const stream_ref& s,
                                                       std::string_view group,
                                                       stream_id from = {}, size_t limit = 0) {
  std::vector<std::pair<stream_id, pending>> out;
  walk_pending(c, s, group, from, max_id, [&](stream_id id, pending p) {
    out.emplace_back(id, std::move(p));
    return limit == 0 || out.size() < limit;
  });
  return out;
}

/// The group's consumers by name, with their seen times.
std::map<std::string, int64_t> consumers_of(command& c, const stream_ref& s,
                                            std::string_view group) {
  std::map<std::string, int64_t> out;
  auto prefix = sub_prefix(c, s, "c" + group_tag(group));
  auto whole = storage::kv_field_prefix(c.st.partition, s.key).size();
  auto skip = 1 + 4 + group.size();
  each_field(c, prefix, {}, false, [&](std::string_view k, std::string_view v) {
    auto sub = storage::decode_kv_field(k, whole).value_or("");
    out.emplace(sub.substr(std::min(skip, sub.size())), static_cast<int64_t>(u64_of(v)));
    return true;
  });
  return out;
}

/// Looks the consumer up, creating it if absent, and marks it seen now;
/// true when it was created.
bool see_consumer(command& c, const stream_ref& s, std::string_view group,
                  std::string_view consumer) {
  auto key = consumer_key(c, s, group, consumer);
  bool created = !load_field(c, key);
  store_field(c, key, u64_bytes(static_cast<uint64_t>(c.now)));
  if (created)
    notify(c.st, event_class::stream, "xgroup-createconsumer", s.key);
  return created;
}

/// Removes a group with its pending entries and consumers.
void remove_group(command& c, stream_ref& s, std::string_view group) {
  for (auto& [id, p] : all_pending(c, s, group))
    remove_field(c, pending_key(c, s, group, id));
  for (auto& [name, seen] : consumers_of(c, s, group))
    remove_field(c, consumer_key(c, s, group, name));
  remove_field(c, group_key(c, s, group));
  --s.groups;
}

/// True when a deleted entry may lie between `from` and `to`.
bool has_tombstones(command& c, const stream_ref& s, stream_id from, stream_id to) {
  if (s.length == 0 || is_zero(s.max_deleted))
    return false;
  if (first_id(c, s) > s.max_deleted)
    return false;
  return from <= s.max_deleted && s.max_deleted <= to;
}

/// Redis's streamEstimateDistanceFromFirstEverEntry: how many entries were
/// added up to `id`, when that can be known.
uint64_t reads_up_to(command& c, const stream_ref& s, stream_id id) {
  if (!s.entries_added)
    return 0;
  if (!s.length && id <= s.last)
    return s.entries_added;
  if (id == s.last)
    return s.entries_added;
  if (id > s.last)
    return unknown_reads;
  auto first = first_id(c, s);
  if (is_zero(s.max_deleted) || s.max_deleted < first) {
    if (id < first)
      return s.entries_added - s.length;
    if (id == first)
      return s.entries_added - s.length + 1;
  }
  return unknown_reads;
}

/// The group's lag (entries not yet delivered), nullopt when unknown.
std::optional<int64_t> lag_of(command& c, const stream_ref& s, const group_ref& g) {
  if (!s.entries_added)
    return 0;
  if (g.entries_read != unknown_reads && !has_tombstones(c, s, g.last, max_id))
    return static_cast<int64_t>(s.entries_added - g.entries_read);
  auto reads = reads_up_to(c, s, g.last);
  if (reads == unknown_reads)
    return std::nullopt;
  return static_cast<int64_t>(s.entries_added - reads);
}

void reply_count_or_null(command& c, std::optional<int64_t> v) {
  if (v)
    resp::integer(c.out, *v);
  else
    resp::null(c.out, c.resp3);
}

void reply_reads(command& c, const group_ref& g) {
  reply_count_or_null(c, g.entries_read == unknown_reads
                           ? std::nullopt
                           : std::optional<int64_t>{static_cast<int64_t>(g.entries_read)});
}

void subcommand_error(command& c, const char* command) {
  resp::error(c.out, "ERR unknown subcommand or wrong number of arguments for '"
                       + std::string{c.args[1].substr(0, 128)} + "'. Try " + command + " HELP.");
}

/// Redis 7 checks a subcommand's name and arity (Redis's convention: n
/// arguments exactly, or -n at least, the command's name counted) before
/// running it; false after the error reply.
bool check_subcommand(command& c, const char* command,
                      std::initializer_list<std::pair<const char*, int>> subcommands) {
  auto sub = resp::lower(c.args[1]);
  for (auto& [name, arity] : subcommands) {
    if (sub != name)
      continue;
    auto n = static_cast<int>(c.args.size());
    if (arity > 0 ? n == arity : n >= -arity)
      return true;
    resp::error(c.out, "ERR wrong number of arguments for '" + resp::lower(command) + "|" + sub
                         + "' command");
    return false;
  }
  resp::error(c.out, "ERR unknown subcommand '" + std::string{c.args[1].substr(0, 128)}
                       + "'. Try " + command + " HELP.");
  return false;
}

std::string nogroup(std::string_view key, std::string_view group, const char* tail = "") {
  return "NOGROUP No such key '" + std::string{key} + "' or consumer group '" + std::string{group}
         + "'" + tail;
}

/// XGROUP CREATE|SETID|DESTROY|CREATECONSUMER|DELCONSUMER|HELP ...
void cmd_xgroup(command& c) {
  if (!check_subcommand(c, "XGROUP", {{"help", 2}, {"create", -5}, {"setid", -5},
                                      {"destroy", 4}, {"createconsumer", 5}, {"delconsumer", 5}}))
    return;
  auto sub = resp::lower(c.args[1]);
  auto n = c.args.size();
  if (sub == "help") {
    resp::help(c.out, "XGROUP",
               {"CREATE <key> <groupname> <id|$> [option]",
                "    Create a new consumer group. Options are:", "    * MKSTREAM",
                "      Create the empty stream if it does not exist.",
                "    * ENTRIESREAD entries_read",
                "      Set the group's entries_read counter (internal use).",
                "CREATECONSUMER <key> <groupname> <consumer>",
                "    Create a new consumer in the specified group.",
                "DELCONSUMER <key> <groupname> <consumer>", "    Remove the specified consumer.",
                "DESTROY <key> <groupname>", "    Remove the specified group.",
                "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
                "    Set the current group ID and entries_read counter."});
    return;
  }
  bool mkstream = false;
  uint64_t entries_read = unknown_reads;
  for (size_t i = 5; i < n;) {
    auto opt = resp::lower(c.args[i]);
    if (sub == "create" && opt == "mkstream") {
      mkstream = true;
      ++i;
    } else if ((sub == "create" || sub == "setid") && opt == "entriesread" && i + 1 < n) {
      auto v = int_arg(c, c.args[i + 1]);
      if (!v)
        return;
      if (*v < -1) {
        resp::error(c.out, "ERR value for ENTRIESREAD must be positive or -1");
        return;
      }
      entries_read = *v == -1 ? unknown_reads : static_cast<uint64_t>(*v);
      i += 2;
    } else {
      subcommand_error(c, "XGROUP");
      return;
    }
  }
  stream_ref s;
  if (!open_stream(c, c.args[2], s))
    return;
  auto name = c.args[3];
  auto g = load_group(c, s, name);
  if (!mkstream && !s.e) {
    resp::error(c.out, "ERR The XGROUP subcommand requires the key to exist. Note that for "
                       "CREATE you may want to use the MKSTREAM option to create an empty "
                       "stream automatically.");
    return;
  }
  if (!g && (sub == "setid" || sub == "createconsumer" || sub == "delconsumer")) {
    resp::error(c.out, "NOGROUP No such consumer group '" + std::string{name}
                         + "' for key name '" + std::string{c.args[2]} + "'");
    return;
  }
  if (sub == "create" && n >= 5 && n <= 8) {
    stream_id id;
    if (c.args[4] == "$") {
      id = s.last;
    } else if (auto parsed = parse_id(c, c.args[4], 0, true)) {
      id = *parsed;
    } else {
      return;
    }
    if (g) {
      resp::error(c.out, "BUSYGROUP Consumer Group name already exists");
      return;
    }
    if (!check_key(c, name, "group name"))
      return;
    if (!s.e)
      create_stream(c, s);
    save_group(c, s, {std::string{name}, id, entries_read});
    ++s.groups;
    save_stream(c, s);
    resp::simple(c.out, "OK");
  } else if (sub == "setid" && (n == 5 || n == 7)) {
    stream_id id;
    if (c.args[4] == "$") {
      id = s.last;
    } else if (auto parsed = parse_id(c, c.args[4], 0, false)) {
      id = *parsed;
    } else {
      return;
    }
    g->last = id;
    g->entries_read = entries_read;
    save_group(c, s, *g);
    resp::simple(c.out, "OK");
  } else if (sub == "destroy" && n == 4) {
    if (!g) {
      resp::integer(c.out, 0);
      return;
    }
    remove_group(c, s, name);
    save_stream(c, s);
    resp::integer(c.out, 1);
  } else if (sub == "createconsumer" && n == 5) {
    if (!check_key(c, c.args[4], "consumer name"))
      return;
    auto key = consumer_key(c, s, name, c.args[4]);
    bool created = !load_field(c, key);
    if (created) {
      store_field(c, key, u64_bytes(static_cast<uint64_t>(c.now)));
      notify(c.st, event_class::stream, "xgroup-createconsumer", s.key);
    }
    resp::integer(c.out, created ? 1 : 0);
  } else if (sub == "delconsumer" && n == 5) {
    auto key = consumer_key(c, s, name, c.args[4]);
    int64_t pending_count = 0;
    if (load_field(c, key)) {
      for (auto& [id, p] : all_pending(c, s, name))
        if (p.consumer == c.args[4]) {
          remove_field(c, pending_key(c, s, name, id));
          ++pending_count;
        }
      remove_field(c, key);
    }
    resp::integer(c.out, pending_count);
  } else {
    subcommand_error(c, "XGROUP");
  }
}

/// Delivers the group's new entries after its last delivered id (up to
/// `count`, 0: all) to `consumer`: each becomes pending for it unless
/// `noack`. Writes [id, fields] per entry to `out`; returns how many.
size_t deliver_new(command& c, stream_ref& s, group_ref& g, std::string_view consumer,
                   uint64_t count, bool noack, std::string& out) {
  stream_id from = g.last;
  if (!incr(from))
    return 0;
  auto entries = entries_from(c, s, from, count);
  // Whether a deleted entry lies at or after an id: the same stream state for
  // every entry, so its part that does not depend on the id is read once.
  bool deletes = has_tombstones(c, s, {}, max_id);
  for (auto& [id, value] : entries) {
    if (g.entries_read != unknown_reads && !(deletes && id <= s.max_deleted))
      ++g.entries_read;
    else if (s.entries_added)
      g.entries_read = reads_up_to(c, s, id);
    g.last = id;
    reply_entry(out, id, value);
    if (!noack)
      store_field(c, pending_key(c, s, g.name, id),
                  encode_pending({c.now, 1, std::string{consumer}}));
  }
  save_group(c, s, g);
  return entries.size();
}

/// The consumer's own pending entries from `from` on (its history): each
/// delivered again, or [id, nil] when the entry is gone. Returns how many.
size_t deliver_history(command& c, stream_ref& s, const group_ref& g, std::string_view consumer,
                       stream_id from, uint64_t count, std::string& out) {
  std::vector<std::pair<stream_id, pending>> mine;
  walk_pending(c, s, g.name, from, max_id, [&](stream_id id, pending p) {
    if (p.consumer == consumer)
      mine.emplace_back(id, std::move(p));
    return count == 0 || mine.size() < count;
  });
  for (auto& [id, p] : mine) {
    auto value = load_field(c, entry_key(c, s, id));
    if (!value) {
      resp::array(out, 2);
      reply_id(out, id);
      resp::null_array(out, c.resp3);
      continue;
    }
    reply_entry(out, id, *value);
    p.time = c.now;
    ++p.count;
    store_field(c, pending_key(c, s, g.name, id), encode_pending(p));
  }
  return mine.size();
}

/// XREAD [COUNT n] [BLOCK ms] STREAMS key ... id ...; XREADGROUP GROUP g c
/// [COUNT n] [BLOCK ms] [NOACK] STREAMS key ... id ...
void cmd_xread(command& c, bool grouped) {
  const char* const name = grouped ? "XREADGROUP" : "XREAD";
  bool block = false, noack = false;
  uint64_t count = 0;
  size_t streams_at = 0, n = 0;
  std::optional<std::string_view> group, consumer;
  for (size_t i = 1; i < c.args.size(); ++i) {
    auto more = c.args.size() - i - 1;
    auto opt = resp::lower(c.args[i]);
    if (opt == "block" && more) {
      if (c.in_script) {
        resp::error(c.out, "ERR " + c.name + " command is not allowed with BLOCK option from "
                                             "scripts");
        return;
      }
      auto ms = resp::parse_int(c.args[++i]);
      if (!ms) {
        resp::error(c.out, "ERR timeout is not an integer or out of range");
        return;
      }
      if (*ms < 0) {
        resp::error(c.out, "ERR timeout is negative");
        return;
      }
      block = true;
    } else if (opt == "count" && more) {
      auto v = int_arg(c, c.args[++i]);
      if (!v)
        return;
      count = static_cast<uint64_t>(std::max<int64_t>(*v, 0));
    } else if (opt == "streams" && more) {
      streams_at = i + 1;
      n = c.args.size() - streams_at;
      if (n % 2 != 0) {
        resp::error(c.out, "ERR Unbalanced " + std::string{name} + " list of streams: for each "
                           "stream key an ID or '$' must be specified.");
        return;
      }
      n /= 2;
      break;
    } else if (opt == "group" && more >= 2) {
      if (!grouped) {
        resp::error(c.out, "ERR The GROUP option is only supported by XREADGROUP. You called "
                           "XREAD instead.");
        return;
      }
      group = c.args[i + 1];
      consumer = c.args[i + 2];
      i += 2;
    } else if (opt == "noack") {
      if (!grouped) {
        resp::error(c.out, "ERR The NOACK option is only supported by XREADGROUP. You called "
                           "XREAD instead.");
        return;
      }
      noack = true;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  if (streams_at == 0) {
    resp::error(c.out, syntax_error);
    return;
  }
  if (grouped && !group) {
    resp::error(c.out, "ERR Missing GROUP option for XREADGROUP");
    return;
  }
  if (grouped && !check_key(c, *consumer, "consumer name"))
    return;
  std::vector<stream_ref> streams(n);
  std::vector<std::optional<group_ref>> groups(n);
  std::vector<stream_id> after(n);
  std::vector<bool> history(n, false);
  bool pinned = false;  // a `$` was resolved
  for (size_t j = 0; j < n; ++j) {
    auto key = c.args[streams_at + j];
    auto id_text_arg = c.args[streams_at + n + j];
    auto& s = streams[j];
    if (grouped && c.rerun) {
      // A blocked XREADGROUP whose stream or group went away fails.
      auto e = load(c, mkey_of(c, key));
      if (!e || e->type != type_stream) {
        resp::error(c.out, "UNBLOCKED the stream key no longer exists");
        return;
      }
    }
    if (!grouped && waits_past(c, key, type_stream)) {
      s.key.assign(key);  // waited on as if absent
    } else if (!open_stream(c, key, s)) {
      return;
    }
    if (grouped) {
      groups[j] = load_group(c, s, *group);
      if (!groups[j]) {
        resp::error(c.out, c.rerun ? std::string{"NOGROUP the consumer group this client was "
                                                 "blocked on no longer exists"}
                                   : nogroup(key, *group, " in XREADGROUP with GROUP option"));
        return;
      }
    }
    if (id_text_arg == "$") {
      if (grouped) {
        resp::error(c.out, "ERR The $ ID is meaningless in the context of XREADGROUP: you want "
                           "to read the history of this consumer by specifying a proper ID, or "
                           "use the > ID to get new messages. The $ ID would just return an "
                           "empty result set.");
        return;
      }
      after[j] = s.e ? s.last : stream_id{};
      pinned = true;
    } else if (id_text_arg == ">") {
      if (!grouped) {
        resp::error(c.out, "ERR The > ID can be specified only when calling XREADGROUP using "
                           "the GROUP <group> <consumer> option.");
        return;
      }
      after[j] = max_id;
    } else if (auto id = parse_id(c, id_text_arg, 0, true)) {
      after[j] = *id;
      history[j] = grouped;
    } else {
      return;
    }
  }
  std::string body;
  size_t served = 0;
  // One stream's part of the reply: [key, entries] (RESP3: a map's pair).
  auto add_part = [&](const std::string& key, size_t got, const std::string& part) {
    if (!c.resp3)
      resp::array(body, 2);
    resp::bulk(body, key);
    resp::array(body, got);
    body += part;
    ++served;
  };
  for (size_t j = 0; j < n; ++j) {
    auto& s = streams[j];
    if (!s.e)
      continue;
    std::string part;
    if (grouped && history[j]) {
      see_consumer(c, s, *group, *consumer);
      stream_id from = after[j];
      size_t got = incr(from) ? deliver_history(c, s, *groups[j], *consumer, from, count, part)
                              : 0;
      add_part(s.key, got, part);
      continue;
    }
    stream_id from = grouped ? groups[j]->last : after[j];
    auto newest = edge(c, s, false);
    if (!incr(from) || !newest || *newest < from)
      continue;
    if (grouped) {
      see_consumer(c, s, *group, *consumer);
      auto got = deliver_new(c, s, *groups[j], *consumer, count, noack, part);
      add_part(s.key, got, part);
      continue;
    }
    auto entries = entries_from(c, s, from, count);
    for (auto& [id, value] : entries)
      reply_entry(part, id, value);
    add_part(s.key, entries.size(), part);
  }
  if (served) {
    if (c.resp3)
      resp::map(c.out, served, true);
    else
      resp::array(c.out, served);
    c.out += body;
    return;
  }
  if (block && c.may_block) {
    for (size_t j = 0; j < n; ++j)
      c.waits_on.emplace_back(c.args[streams_at + j]);
    if (pinned) {
      c.rerun_args.assign(c.args.begin(), c.args.end());
      for (size_t j = 0; j < n; ++j)
        c.rerun_args[streams_at + n + j] = id_text(after[j]);
    }
    return;
  }
  resp::null_array(c.out, c.resp3);
}

/// Opens the stream and group of XACK, XCLAIM, XAUTOCLAIM, XPENDING:
/// nullopt when either is missing (`s` tells which) or after an error.
std::optional<group_ref> open_group(command& c, stream_ref& s, bool& failed) {
  failed = !open_stream(c, c.args[1], s);
  if (failed)
    return std::nullopt;
  return load_group(c, s, c.args[2]);
}

/// XACK key group id [id ...]
void cmd_xack(command& c) {
  stream_ref s;
  bool failed = false;
  auto g = open_group(c, s, failed);
  if (failed)
    return;
  if (!g) {
    resp::integer(c.out, 0);
    return;
  }
  auto ids = parse_ids(c, 3);
  if (!ids)
    return;
  int64_t acked = 0;
  for (auto id : *ids) {
    auto key = pending_key(c, s, g->name, id);
    if (load_field(c, key)) {
      remove_field(c, key);
      ++acked;
    }
  }
  resp::integer(c.out, acked);
}

/// XPENDING key group [[IDLE ms] start end count [consumer]]
void cmd_xpending(command& c) {
  auto n = c.args.size();
  if (n != 3 && (n < 6 || n > 9)) {
    resp::error(c.out, syntax_error);
    return;
  }
  int64_t min_idle = 0, count = 0;
  stream_id from, to;
  std::optional<std::string_view> consumer;
  if (n >= 6) {
    size_t at = 3;
    if (resp::lower(c.args[3]) == "idle") {
      auto v = int_arg(c, c.args[4]);
      if (!v)
        return;
      min_idle = *v;
      if (n < 8) {
        resp::error(c.out, syntax_error);
        return;
      }
      at += 2;
    }
    auto k = int_arg(c, c.args[at + 2]);
    if (!k)
      return;
    count = std::max<int64_t>(*k, 0);
    auto start = parse_bound(c, c.args[at], true);
    if (!start)
      return;
    auto end = parse_bound(c, c.args[at + 1], false);
    if (!end)
      return;
    from = *start;
    to = *end;
    if (at + 3 < n)
      consumer = c.args[at + 3];
  }
  stream_ref s;
  bool failed = false;
  auto g = open_group(c, s, failed);
  if (failed)
    return;
  if (!g) {
    resp::error(c.out, nogroup(c.args[1], c.args[2]));
    return;
  }
  if (n == 3) {
    auto all = all_pending(c, s, g->name);
    resp::array(c.out, 4);
    resp::integer(c.out, static_cast<int64_t>(all.size()));
    if (all.empty()) {
      resp::null(c.out, c.resp3);
      resp::null(c.out, c.resp3);
      resp::null_array(c.out, c.resp3);
      return;
    }
    reply_id(c.out, all.front().first);
    reply_id(c.out, all.back().first);
    std::map<std::string, int64_t> per_consumer;
    for (auto& [id, p] : all)
      ++per_consumer[p.consumer];
    resp::array(c.out, per_consumer.size());
    for (auto& [name, k] : per_consumer) {
      resp::array(c.out, 2);
      resp::bulk(c.out, name);
      resp::bulk(c.out, std::to_string(k));
    }
    return;
  }
  if (consumer && !load_field(c, consumer_key(c, s, g->name, *consumer))) {
    resp::array(c.out, 0);
    return;
  }
  std::string body;
  size_t got = 0;
  if (count > 0)
    walk_pending(c, s, g->name, from, to, [&](stream_id id, pending p) {
      if (consumer && p.consumer != *consumer)
        return true;
      auto idle = std::max<int64_t>(c.now - p.time, 0);
      if (min_idle && idle < min_idle)
        return true;
      resp::array(body, 4);
      reply_id(body, id);
      resp::bulk(body, p.consumer);
      resp::integer(body, idle);
      resp::integer(body, static_cast<int64_t>(p.count));
      return static_cast<int64_t>(++got) < count;
    });
  resp::array(c.out, got);
  c.out += body;
}

/// Gives the pending entry `id` to `consumer` (XCLAIM, XAUTOCLAIM).
void claim(command& c, const stream_ref& s, const group_ref& g, std::string_view consumer,
           stream_id id, pending p, int64_t time, std::optional<uint64_t> count) {
  p.consumer.assign(consumer);
  p.time = time;
  if (count)
    p.count = *count;
  store_field(c, pending_key(c, s, g.name, id), encode_pending(p));
}

/// XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME ms]
/// [RETRYCOUNT n] [FORCE] [JUSTID] [LASTID id]
void cmd_xclaim(command& c) {
  stream_ref s;
  bool failed = false;
  auto g = open_group(c, s, failed);
  if (failed)
    return;
  if (!g) {
    resp::error(c.out, nogroup(c.args[1], c.args[2]));
    return;
  }
  auto min_idle = resp::parse_int(c.args[4]);
  if (!min_idle) {
    resp::error(c.out, "ERR Invalid min-idle-time argument for XCLAIM");
    return;
  }
  std::vector<stream_id> ids;
  size_t j = 5;
  for (; j < c.args.size(); ++j) {
    auto id = read_id(c.args[j], 0, true);
    if (!id)
      break;  // the options start here
    ids.push_back(*id);
  }
  int64_t now = c.now, time = -1;
  int64_t retry = -1;
  bool force = false, justid = false;
  stream_id last;
  for (; j < c.args.size(); ++j) {
    auto more = c.args.size() - 1 - j;
    auto opt = resp::lower(c.args[j]);
    auto number = [&](const char* what) -> std::optional<int64_t> {
      auto v = resp::parse_int(c.args[++j]);
      if (!v)
        resp::error(c.out, std::string{"ERR Invalid "} + what + " option argument for XCLAIM");
      return v;
    };
    if (opt == "force") {
      force = true;
    } else if (opt == "justid") {
      justid = true;
    } else if (opt == "idle" && more) {
      auto v = number("IDLE");
      if (!v)
        return;
      time = now - *v;
    } else if (opt == "time" && more) {
      auto v = number("TIME");
      if (!v)
        return;
      time = *v;
    } else if (opt == "retrycount" && more) {
      auto v = number("RETRYCOUNT");
      if (!v)
        return;
      retry = *v;
    } else if (opt == "lastid" && more) {
      auto v = parse_id(c, c.args[++j], 0, true);
      if (!v)
        return;
      last = *v;
    } else {
      resp::error(c.out, "ERR Unrecognized XCLAIM option '" + std::string{c.args[j]} + "'");
      return;
    }
  }
  if (!check_key(c, c.args[3], "consumer name"))
    return;
  if (last > g->last) {
    g->last = last;
    save_group(c, s, *g);
  }
  if (time < 0 || time > now)
    time = now;
  std::string body;
  size_t got = 0;
  bool seen = false;
  for (auto id : ids) {
    auto pkey = pending_key(c, s, g->name, id);
    auto raw = load_field(c, pkey);
    auto value = load_field(c, entry_key(c, s, id));
    if (!value) {
      if (raw)
        remove_field(c, pkey);
      continue;
    }
    std::optional<pending> p;
    if (raw)
      p = decode_pending(*raw);
    else if (force)
      p = pending{now, 1, {}};  // as a new delivery
    if (!p)
      continue;
    if (raw && *min_idle > 0 && now - p->time < *min_idle)
      continue;
    if (!seen) {
      see_consumer(c, s, g->name, c.args[3]);
      seen = true;
    }
    std::optional<uint64_t> new_count;
    if (retry >= 0)
      new_count = static_cast<uint64_t>(retry);
    else if (!justid)
      new_count = p->count + 1;
    claim(c, s, *g, c.args[3], id, *p, time, new_count);
    if (justid)
      reply_id(body, id);
    else
      reply_entry(body, id, *value);
    ++got;
  }
  resp::array(c.out, got);
  c.out += body;
}

/// XAUTOCLAIM key group consumer min-idle-time start [COUNT n] [JUSTID]
void cmd_xautoclaim(command& c) {
  auto min_idle = resp::parse_int(c.args[4]);
  if (!min_idle) {
    resp::error(c.out, "ERR Invalid min-idle-time argument for XAUTOCLAIM");
    return;
  }
  auto start = parse_bound(c, c.args[5], true);
  if (!start)
    return;
  int64_t count = 100;
  bool justid = false;
  for (size_t j = 6; j < c.args.size(); ++j) {
    auto opt = resp::lower(c.args[j]);
    if (opt == "count" && j + 1 < c.args.size()) {
      auto v = resp::parse_int(c.args[++j]);
      if (!v || *v < 1 || *v > INT64_MAX / 16) {
        resp::error(c.out, "ERR COUNT must be > 0");
        return;
      }
      count = *v;
    } else if (opt == "justid") {
      justid = true;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  stream_ref s;
  bool failed = false;
  auto g = open_group(c, s, failed);
  if (failed)
    return;
  if (!g) {
    resp::error(c.out, nogroup(c.args[1], c.args[2]));
    return;
  }
  if (!check_key(c, c.args[3], "consumer name"))
    return;
  auto attempts = static_cast<size_t>(count) * 10;
  auto candidates = all_pending(c, s, g->name, *start, attempts + 1);
  int64_t now = c.now;
  std::string body;
  size_t got = 0, examined = 0;
  std::vector<stream_id> deleted;
  bool seen = false;
  for (auto& [id, p] : candidates) {
    if (examined == attempts || count == 0)
      break;
    ++examined;
    auto value = load_field(c, entry_key(c, s, id));
    if (!value) {
      remove_field(c, pending_key(c, s, g->name, id));
      deleted.push_back(id);
      --count;
      continue;
    }
    if (*min_idle > 0 && now - p.time < *min_idle)
      continue;
    if (!seen) {
      see_consumer(c, s, g->name, c.args[3]);
      seen = true;
    }
    claim(c, s, *g, c.args[3], id, p, now,
          justid ? std::nullopt : std::optional<uint64_t>{p.count + 1});
    if (justid)
      reply_id(body, id);
    else
      reply_entry(body, id, *value);
    ++got;
    --count;
  }
  resp::array(c.out, 3);
  reply_id(c.out, examined < candidates.size() ? candidates[examined].first : stream_id{});
  resp::array(c.out, got);
  c.out += body;
  resp::array(c.out, deleted.size());
  for (auto id : deleted)
    reply_id(c.out, id);
}

// -- XINFO ----------------------------------------------------------------------

void reply_group_summary(command& c, const stream_ref& s, const group_ref& g) {
  auto pel = all_pending(c, s, g.name);
  resp::map(c.out, 6, c.resp3);
  resp::bulk(c.out, "name");
  resp::bulk(c.out, g.name);
  resp::bulk(c.out, "consumers");
  resp::integer(c.out, static_cast<int64_t>(consumers_of(c, s, g.name).size()));
  resp::bulk(c.out, "pending");
  resp::integer(c.out, static_cast<int64_t>(pel.size()));
  resp::bulk(c.out, "last-delivered-id");
  reply_id(c.out, g.last);
  resp::bulk(c.out, "entries-read");
  reply_reads(c, g);
  resp::bulk(c.out, "lag");
  reply_count_or_null(c, lag_of(c, s, g));
}

/// The stream's groups in name order.
std::vector<group_ref> groups_of(command& c, const stream_ref& s) {
  std::vector<group_ref> out;
  auto whole = storage::kv_field_prefix(c.st.partition, s.key).size();
  each_field(c, sub_prefix(c, s, "g"), {}, false, [&](std::string_view k, std::string_view v) {
    auto sub = storage::decode_kv_field(k, whole).value_or("");
    out.push_back({sub.substr(std::min<size_t>(1, sub.size())), id_at(v),
                   u64_of(v.substr(std::min<size_t>(16, v.size())))});
    return true;
  });
  return out;
}

/// XINFO STREAM key [FULL [COUNT n]]
void xinfo_stream(command& c, const stream_ref& s) {
  bool full = false;
  int64_t count = 10;
  auto opts = c.args.size() - 3;
  if (opts != 0) {
    if ((opts != 1 && opts != 3) || resp::lower(c.args[3]) != "full"
        || (opts == 3 && resp::lower(c.args[4]) != "count")) {
      subcommand_error(c, "XINFO");
      return;
    }
    full = true;
    if (opts == 3) {
      auto v = int_arg(c, c.args[5]);
      if (!v)
        return;
      count = *v < 0 ? 10 : *v;
    }
  }
  resp::map(c.out, full ? 9 : 10, c.resp3);
  resp::bulk(c.out, "length");
  resp::integer(c.out, static_cast<int64_t>(s.length));
  resp::bulk(c.out, "radix-tree-keys");
  resp::integer(c.out, static_cast<int64_t>(s.nodes));
  resp::bulk(c.out, "radix-tree-nodes");
  resp::integer(c.out, static_cast<int64_t>(s.nodes));
  resp::bulk(c.out, "last-generated-id");
  reply_id(c.out, s.last);
  resp::bulk(c.out, "max-deleted-entry-id");
  reply_id(c.out, s.max_deleted);
  resp::bulk(c.out, "entries-added");
  resp::integer(c.out, static_cast<int64_t>(s.entries_added));
  resp::bulk(c.out, "recorded-first-entry-id");
  reply_id(c.out, first_id(c, s));
  auto one_entry = [&](bool first) {
    std::string part;
    walk(c, s, {}, max_id, !first, [&](stream_id id, std::string_view v) {
      reply_entry(part, id, v);
      return false;
    });
    if (part.empty())
      resp::null(c.out, c.resp3);
    c.out += part;
  };
  if (!full) {
    resp::bulk(c.out, "groups");
    resp::integer(c.out, static_cast<int64_t>(s.groups));
    resp::bulk(c.out, "first-entry");
    one_entry(true);
    resp::bulk(c.out, "last-entry");
    one_entry(false);
    return;
  }
  resp::bulk(c.out, "entries");
  auto entries = entries_from(c, s, {}, static_cast<uint64_t>(count));
  resp::array(c.out, entries.size());
  for (auto& [id, value] : entries)
    reply_entry(c.out, id, value);
  auto limit = static_cast<size_t>(count);
  auto groups = groups_of(c, s);
  resp::bulk(c.out, "groups");
  resp::array(c.out, groups.size());
  for (auto& g : groups) {
    auto pel = all_pending(c, s, g.name);
    resp::map(c.out, 7, c.resp3);
    resp::bulk(c.out, "name");
    resp::bulk(c.out, g.name);
    resp::bulk(c.out, "last-delivered-id");
    reply_id(c.out, g.last);
    resp::bulk(c.out, "entries-read");
    reply_reads(c, g);
    resp::bulk(c.out, "lag");
    reply_count_or_null(c, lag_of(c, s, g));
    resp::bulk(c.out, "pel-count");
    resp::integer(c.out, static_cast<int64_t>(pel.size()));
    resp::bulk(c.out, "pending");
    auto shown = limit ? std::min(limit, pel.size()) : pel.size();
    resp::array(c.out, shown);
    for (size_t i = 0; i < shown; ++i) {
      resp::array(c.out, 4);
      reply_id(c.out, pel[i].first);
      resp::bulk(c.out, pel[i].second.consumer);
      resp::integer(c.out, pel[i].second.time);
      resp::integer(c.out, static_cast<int64_t>(pel[i].second.count));
    }
    auto consumers = consumers_of(c, s, g.name);
    resp::bulk(c.out, "consumers");
    resp::array(c.out, consumers.size());
    for (auto& [name, seen] : consumers) {
      std::vector<const std::pair<stream_id, pending>*> own;
      for (auto& item : pel)
        if (item.second.consumer == name)
          own.push_back(&item);
      resp::map(c.out, 4, c.resp3);
      resp::bulk(c.out, "name");
      resp::bulk(c.out, name);
      resp::bulk(c.out, "seen-time");
      resp::integer(c.out, seen);
      resp::bulk(c.out, "pel-count");
      resp::integer(c.out, static_cast<int64_t>(own.size()));
      resp::bulk(c.out, "pending");
      auto k = limit ? std::min(limit, own.size()) : own.size();
      resp::array(c.out, k);
      for (size_t i = 0; i < k; ++i) {
        resp::array(c.out, 3);
        reply_id(c.out, own[i]->first);
        resp::integer(c.out, own[i]->second.time);
        resp::integer(c.out, static_cast<int64_t>(own[i]->second.count));
      }
    }
  }
}

/// XINFO STREAM|GROUPS|CONSUMERS|HELP ...
void cmd_xinfo(command& c) {
  if (!check_subcommand(c, "XINFO",
                        {{"help", 2}, {"consumers", 4}, {"groups", 3}, {"stream", -3}}))
    return;
  auto sub = resp::lower(c.args[1]);
  if (sub == "help") {
    resp::help(c.out, "XINFO",
               {"CONSUMERS <key> <groupname>", "    Show consumers of <groupname>.",
                "GROUPS <key>", "    Show the stream consumer groups.",
                "STREAM <key> [FULL [COUNT <count>]", "    Show information about the stream."});
    return;
  }
  stream_ref s;
  if (!open_existing(c, c.args[2], s, [&] { resp::error(c.out, no_such_key); }))
    return;
  if (sub == "consumers" && c.args.size() == 4) {
    auto g = load_group(c, s, c.args[3]);
    if (!g) {
      resp::error(c.out, "NOGROUP No such consumer group '" + std::string{c.args[3]}
                           + "' for key name '" + std::string{c.args[2]} + "'");
      return;
    }
    std::map<std::string, int64_t> pending_of;
    for (auto& [id, p] : all_pending(c, s, g->name))
      ++pending_of[p.consumer];
    auto consumers = consumers_of(c, s, g->name);
    resp::array(c.out, consumers.size());
    for (auto& [name, seen] : consumers) {
      resp::map(c.out, 3, c.resp3);
      resp::bulk(c.out, "name");
      resp::bulk(c.out, name);
      resp::bulk(c.out, "pending");
      resp::integer(c.out, pending_of[name]);
      resp::bulk(c.out, "idle");
      resp::integer(c.out, std::max<int64_t>(c.now - seen, 0));
    }
  } else if (sub == "groups" && c.args.size() == 3) {
    auto groups = groups_of(c, s);
    resp::array(c.out, groups.size());
    for (auto& g : groups)
      reply_group_summary(c, s, g);
  } else if (sub == "stream") {
    xinfo_stream(c, s);
  } else {
    subcommand_error(c, "XINFO");
  }
}

} // namespace

/// RESTORE's own steps (kv_dump), which no client can send (they are no
/// RESP command): a consumer as a payload holds it, with its seen time
/// ("troupe.restoreconsumer key group consumer seen-ms"), and a pending
/// entry, which may name an entry no longer in the stream
/// ("troupe.restorepending key group consumer ms seq delivery-ms count").
/// The group exists already.
void cmd_restore_consumer_or_pending(command& c) {
  bool pending_entry = c.name == "troupe.restorepending";
  std::vector<uint64_t> n;
  for (size_t i = 4; i < c.args.size(); ++i)
    if (auto v = resp::parse_int(c.args[i]); v && *v >= 0)
      n.push_back(static_cast<uint64_t>(*v));
  if (n.size() != (pending_entry ? 4u : 1u) || c.args.size() != n.size() + 4) {
    resp::error(c.out, syntax_error);
    return;
  }
  stream_ref s;
  if (!open_existing(c, c.args[1], s, [&] { resp::error(c.out, "ERR no such key"); }))
    return;
  auto g = load_group(c, s, c.args[2]);
  if (!g) {
    resp::error(c.out, "NOGROUP No such consumer group");
    return;
  }
  if (pending_entry)
    store_field(c, pending_key(c, s, g->name, stream_id{n[0], n[1]}),
                encode_pending({static_cast<int64_t>(n[2]), n[3], std::string{c.args[3]}}));
  else
    store_field(c, consumer_key(c, s, g->name, c.args[3]), u64_bytes(n[0]));
  resp::simple(c.out, "OK");
}

rdb::stream_value dump_stream(command& c, std::string_view key) {
  rdb::stream_value out;
  stream_ref s;
  if (!open_stream(c, key, s) || !s.e)
    return out;
  auto id_of = [](stream_id id) { return rdb::stream_id{id.ms, id.seq}; };
  for (auto& [id, value] : entries_from(c, s, {}, 0)) {
    auto parts = entry_parts(value);
    std::vector<std::pair<std::string, std::string>> fields;
    for (size_t i = 0; i + 1 < parts.size(); i += 2)
      fields.emplace_back(parts[i], parts[i + 1]);
    out.entries.emplace_back(id_of(id), std::move(fields));
  }
  out.last = id_of(s.last);
  out.max_deleted = id_of(s.max_deleted);
  out.entries_added = s.entries_added;
  for (auto& g : groups_of(c, s)) {
    rdb::stream_group group;
    group.name = g.name;
    group.last = id_of(g.last);
    if (g.entries_read != unknown_reads)
      group.entries_read = g.entries_read;
    for (auto& [id, p] : all_pending(c, s, g.name))
      group.pending.push_back({id_of(id), p.time, p.count, p.consumer});
    for (auto& [name, seen] : consumers_of(c, s, g.name))
      group.consumers.push_back({name, seen});
    out.groups.push_back(std::move(group));
  }
  return out;
}

void add_stream_handlers(handler_table& t) {
  t.emplace("troupe.restoreconsumer", cmd_restore_consumer_or_pending);
  t.emplace("troupe.restorepending", cmd_restore_consumer_or_pending);
  t.emplace("xadd", cmd_xadd);
  t.emplace("xlen", cmd_xlen);
  t.emplace("xrange", [](command& c) { cmd_xrange(c, false); });
  t.emplace("xrevrange", [](command& c) { cmd_xrange(c, true); });
  t.emplace("xdel", cmd_xdel);
  t.emplace("xtrim", cmd_xtrim);
  t.emplace("xsetid", cmd_xsetid);
  t.emplace("xread", [](command& c) { cmd_xread(c, false); });
  t.emplace("xreadgroup", [](command& c) { cmd_xread(c, true); });
  t.emplace("xgroup", cmd_xgroup);
  t.emplace("xack", cmd_xack);
  t.emplace("xpending", cmd_xpending);
  t.emplace("xclaim", cmd_xclaim);
  t.emplace("xautoclaim", cmd_xautoclaim);
  t.emplace("xinfo", cmd_xinfo);
}

} // namespace troupe::actors::kv
