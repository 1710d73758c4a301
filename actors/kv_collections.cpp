// Lists, sets and sorted sets of the Redis-compatible keyspace, with Redis
// 7.0's semantics, replies and error strings.
//
// Each element is a record of its own under its key (kv_field_key), so a
// push, pop, add or remove costs O(log n) whatever the collection's size:
// - list: the element at position p, an 8-byte big-endian number; the key
//   record holds the count and the head's position, and the elements occupy
//   [head, head + count) without gaps (LINSERT and LREM shift one side);
// - set: one record per member, empty value;
// - sorted set: two records per member, "m" + member -> score (for ZSCORE)
//   and "o" + sortable score + member -> "" (the order, walked by ranges).
#include "actors/kv_keyspace.hpp"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <random>
#include <set>

#include "protocol/resp.hpp"
#include "storage/glob.hpp"
#include "storage/key_codec.hpp"

namespace troupe::actors::kv {

namespace resp = protocol::resp;

namespace {

const char* const not_positive = "ERR value is out of range, must be positive";
const char* const not_float = "ERR value is not a valid float";
const char* const score_nan = "ERR resulting score is not a number (NaN)";
const char* const bad_score_range = "ERR min or max is not a float";
const char* const bad_lex_range = "ERR min or max not valid string range item";
const char* const beyond_long = "ERR value is out of range, value must between "
                                "-9223372036854775807 and 9223372036854775807";

std::mt19937_64& random_source() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return gen;
}


/// An optional count argument (LPOP key [count], ZPOPMIN key [count]): 0 or
/// more; -1 when absent, nullopt after an error reply.
std::optional<int64_t> count_arg(command& c, size_t at) {
  if (c.args.size() <= at)
    return -1;
  auto n = resp::parse_int(c.args[at]);
  if (!n || *n < 0) {
    resp::error(c.out, not_positive);
    return std::nullopt;
  }
  return n;
}

/// Redis's getDoubleFromObject: the whole text, no leading space, not NaN.
std::optional<double> parse_double(std::string_view text) {
  if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])) || text.size() > 5120)
    return std::nullopt;
  std::string copy{text};
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || std::isnan(v)
      || (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL || v == 0)))
    return std::nullopt;
  return v;
}

/// LIMIT's offset and count at args[at] and args[at + 1]; false after an
/// error reply.
bool limit_args(command& c, size_t at, int64_t& offset, int64_t& count) {
  auto o = int_arg(c, c.args[at]);
  auto n = o ? int_arg(c, c.args[at + 1]) : std::nullopt;
  if (!n)
    return false;
  offset = *o;
  count = *n;
  return true;
}

/// From Redis's (start, end) rank arguments to [from, to] within `len`;
/// false when the range is empty.
bool clamp_range(int64_t start, int64_t end, uint64_t len, uint64_t& from, uint64_t& to) {
  auto n = static_cast<int64_t>(len);
  if (start < 0)
    start = std::max<int64_t>(n + start, 0);
  if (end < 0)
    end = n + end;
  if (start > end || start >= n)
    return false;
  if (end >= n)
    end = n - 1;
  from = static_cast<uint64_t>(start);
  to = static_cast<uint64_t>(end);
  return true;
}

/// The element part of an element record's key (after the key's prefix).
std::string sub_of(std::string_view fkey, size_t prefix_size) {
  return storage::decode_kv_field(fkey, prefix_size).value_or("");
}

// -- lists --------------------------------------------------------------------

/// Where a new list's head starts: room to grow both ways.
constexpr uint64_t list_origin = uint64_t{1} << 62;

struct list_ref {
  std::string key, mkey;
  std::optional<entry> e;  // nullopt: no list at the key
  uint64_t count = 0;
  uint64_t head = list_origin;
};

/// Loads the list at `key`; false after a WRONGTYPE or storage error.
bool open_list(command& c, std::string_view key, list_ref& l) {
  l.key.assign(key);
  l.mkey = mkey_of(c, key);
  if (!load_typed(c, key, type_list, l.e))
    return false;
  if (l.e) {
    l.count = field_count(*l.e);
    l.head = l.e->payload.size() >= 16 ? u64_of(std::string_view{l.e->payload}.substr(8))
                                       : list_origin;
  }
  return true;
}

std::string list_at(command& c, const list_ref& l, uint64_t index) {
  return fkey_of(c, l.key, u64_bytes(l.head + index));
}

void list_push(command& c, list_ref& l, bool left, std::string_view value) {
  if (!l.e) {
    l.e = create_collection(c, l.key, type_list);
    l.count = 0;
    l.head = list_origin;
  }
  if (left)
    --l.head;
  store_field(c, list_at(c, l, left ? 0 : l.count), value);
  ++l.count;
}

std::optional<std::string> list_pop(command& c, list_ref& l, bool left) {
  if (!l.e || l.count == 0)
    return std::nullopt;
  auto fkey = list_at(c, l, left ? 0 : l.count - 1);
  auto value = load_field(c, fkey);
  remove_field(c, fkey);
  if (left)
    ++l.head;
  --l.count;
  return value.value_or("");
}

/// Writes the list's key record (or deletes it once empty).
void list_save(command& c, list_ref& l) {
  if (!l.e)
    return;
  set_field_count(*l.e, l.count);
  l.e->payload.resize(16);
  auto head = u64_bytes(l.head);
  std::copy(head.begin(), head.end(), l.e->payload.begin() + 8);
  save_collection(c, l.mkey, *l.e, l.count);
  if (l.count == 0)
    l.e.reset();
}

/// Calls fn(index, value) from `from` on (backwards when `reverse`) until
/// it returns false.
template <class F>
void list_walk(command& c, const list_ref& l, uint64_t from, bool reverse, F fn) {
  if (!l.e || from >= l.count)
    return;
  auto prefix = storage::kv_field_prefix(c.st.partition, l.key);
  uint64_t index = from;
  each_field(c, prefix, list_at(c, l, from), reverse, [&](std::string_view, std::string_view v) {
    if (!fn(index, v))
      return false;
    if (reverse) {
      if (index == 0)
        return false;
      --index;
    } else if (++index >= l.count) {
      return false;
    }
    return true;
  });
}

std::vector<std::string> list_values(command& c, const list_ref& l, uint64_t from, uint64_t to) {
  std::vector<std::string> out;
  list_walk(c, l, from, false, [&](uint64_t i, std::string_view v) {
    if (i > to)
      return false;
    out.emplace_back(v);
    return true;
  });
  return out;
}

/// Replaces the elements from index `from` to the end with `tail`.
void list_replace_tail(command& c, list_ref& l, uint64_t from, const std::vector<std::string>& tail) {
  auto old_count = l.count;
  for (size_t i = 0; i < tail.size(); ++i)
    store_field(c, list_at(c, l, from + i), tail[i]);
  for (uint64_t i = from + tail.size(); i < old_count; ++i)
    remove_field(c, list_at(c, l, i));
  l.count = from + tail.size();
}

/// LPUSH / RPUSH / LPUSHX / RPUSHX key element [element ...].
void cmd_push(command& c, bool left, bool only_existing) {
  if (!check_key(c, c.args[1], "key"))
    return;
  for (size_t i = 2; i < c.args.size(); ++i)
    if (!check_value(c, c.args[i].size()))
      return;
  list_ref l;
  if (!open_list(c, c.args[1], l))
    return;
  if (only_existing && !l.e) {
    resp::integer(c.out, 0);
    return;
  }
  for (size_t i = 2; i < c.args.size(); ++i)
    list_push(c, l, left, c.args[i]);
  list_save(c, l);
  resp::integer(c.out, static_cast<int64_t>(l.count));
}

/// LPOP / RPOP key [count].
void cmd_pop(command& c, bool left) {
  if (c.args.size() > 3) {
    wrong_arity(c);
    return;
  }
  auto count = count_arg(c, 2);
  if (!count)
    return;
  list_ref l;
  if (!open_list(c, c.args[1], l))
    return;
  if (!l.e) {
    *count < 0 ? resp::null(c.out, c.resp3) : resp::null_array(c.out, c.resp3);
    return;
  }
  if (*count < 0) {
    reply_value(c, list_pop(c, l, left));
  } else {
    auto n = std::min<uint64_t>(static_cast<uint64_t>(*count), l.count);
    resp::array(c.out, n);
    for (uint64_t i = 0; i < n; ++i)
      resp::bulk(c.out, *list_pop(c, l, left));
  }
  list_save(c, l);
}

void cmd_llen(command& c) {
  list_ref l;
  if (open_list(c, c.args[1], l))
    resp::integer(c.out, static_cast<int64_t>(l.count));
}

void cmd_lrange(command& c) {
  auto start = int_arg(c, c.args[2]);
  auto end = start ? int_arg(c, c.args[3]) : std::nullopt;
  list_ref l;
  if (!end || !open_list(c, c.args[1], l))
    return;
  uint64_t from = 0, to = 0;
  if (!clamp_range(*start, *end, l.count, from, to)) {
    resp::array(c.out, 0);
    return;
  }
  auto values = list_values(c, l, from, to);
  resp::array(c.out, values.size());
  for (auto& v : values)
    resp::bulk(c.out, v);
}

/// A list index (negative from the tail) within the list, or nullopt.
std::optional<uint64_t> list_index(const list_ref& l, int64_t index) {
  auto n = static_cast<int64_t>(l.count);
  if (index < 0)
    index += n;
  if (index < 0 || index >= n)
    return std::nullopt;
  return static_cast<uint64_t>(index);
}

void cmd_lindex(command& c) {
  list_ref l;
  if (!open_list(c, c.args[1], l))
    return;
  if (!l.e) {
    resp::null(c.out, c.resp3);
    return;
  }
  auto index = int_arg(c, c.args[2]);
  if (!index)
    return;
  auto at = list_index(l, *index);
  reply_value(c, at ? load_field(c, list_at(c, l, *at)) : std::nullopt);
}

void cmd_lset(command& c) {
  list_ref l;
  if (!open_list(c, c.args[1], l))
    return;
  if (!l.e) {
    resp::error(c.out, "ERR no such key");
    return;
  }
  auto index = int_arg(c, c.args[2]);
  if (!index || !check_value(c, c.args[3].size()))
    return;
  auto at = list_index(l, *index);
  if (!at) {
    resp::error(c.out, "ERR index out of range");
    return;
  }
  store_field(c, list_at(c, l, *at), c.args[3]);
  resp::simple(c.out, "OK");
}

void cmd_ltrim(command& c) {
  auto start = int_arg(c, c.args[2]);
  auto end = start ? int_arg(c, c.args[3]) : std::nullopt;
  list_ref l;
  if (!end || !open_list(c, c.args[1], l))
    return;
  uint64_t from = 0, to = 0;
  if (!clamp_range(*start, *end, l.count, from, to)) {
    from = l.count;  // everything goes
    to = l.count;
  }
  for (uint64_t i = 0; i < from; ++i)
    remove_field(c, list_at(c, l, i));
  for (uint64_t i = to + 1; i < l.count; ++i)
    remove_field(c, list_at(c, l, i));
  l.head += from;
  l.count = from >= l.count ? 0 : to - from + 1;
  list_save(c, l);
  resp::simple(c.out, "OK");
}

/// LREM key count element: from the head (count > 0), the tail (< 0) or all.
void cmd_lrem(command& c) {
  auto count = int_arg(c, c.args[2]);
  list_ref l;
  if (!count || !open_list(c, c.args[1], l))
    return;
  auto values = list_values(c, l, 0, l.count);
  std::vector<bool> drop(values.size(), false);
  int64_t removed = 0;
  auto limit = *count == 0 ? std::numeric_limits<int64_t>::max()
                           : (*count < 0 ? -(*count + 1) + 1 : *count);
  for (size_t k = 0; k < values.size() && removed < limit; ++k) {
    size_t i = *count < 0 ? values.size() - 1 - k : k;
    if (values[i] == c.args[3]) {
      drop[i] = true;
      ++removed;
    }
  }
  if (removed > 0) {
    size_t first = static_cast<size_t>(std::find(drop.begin(), drop.end(), true) - drop.begin());
    std::vector<std::string> tail;
    for (size_t i = first; i < values.size(); ++i)
      if (!drop[i])
        tail.push_back(std::move(values[i]));
    list_replace_tail(c, l, first, tail);
    list_save(c, l);
  }
  resp::integer(c.out, removed);
}

/// LINSERT key BEFORE|AFTER pivot element.
void cmd_linsert(command& c) {
  auto where = resp::lower(c.args[2]);
  if (where != "before" && where != "after") {
    resp::error(c.out, syntax_error);
    return;
  }
  list_ref l;
  if (!check_value(c, c.args[4].size()) || !open_list(c, c.args[1], l))
    return;
  if (!l.e) {
    resp::integer(c.out, 0);
    return;
  }
  std::optional<uint64_t> pivot;
  list_walk(c, l, 0, false, [&](uint64_t i, std::string_view v) {
    if (v == c.args[3])
      pivot = i;
    return !pivot;
  });
  if (c.failed)
    return;
  if (!pivot) {
    resp::integer(c.out, -1);
    return;
  }
  auto at = *pivot + (where == "after" ? 1 : 0);
  auto tail = list_values(c, l, at, l.count);
  tail.insert(tail.begin(), std::string{c.args[4]});
  list_replace_tail(c, l, at, tail);
  list_save(c, l);
  resp::integer(c.out, static_cast<int64_t>(l.count));
}

/// LPOS key element [RANK rank] [COUNT num] [MAXLEN len].
void cmd_lpos(command& c) {
  int64_t rank = 1, count = -1, maxlen = 0;
  for (size_t i = 3; i < c.args.size(); i += 2) {
    auto opt = resp::lower(c.args[i]);
    if (i + 1 >= c.args.size() || (opt != "rank" && opt != "count" && opt != "maxlen")) {
      resp::error(c.out, syntax_error);
      return;
    }
    auto n = int_arg(c, c.args[i + 1]);
    if (!n)
      return;
    if (opt == "rank") {
      if (*n == 0 || *n == std::numeric_limits<int64_t>::min()) {
        resp::error(c.out, *n == 0 ? "ERR RANK can't be zero: use 1 to start from the first "
                                     "match, 2 from the second ... or use negative to start "
                                     "from the end of the list"
                                   : beyond_long);
        return;
      }
      rank = *n;
    } else if (opt == "count") {
      if (*n < 0) {
        resp::error(c.out, "ERR COUNT can't be negative");
        return;
      }
      count = *n;
    } else {
      if (*n < 0) {
        resp::error(c.out, "ERR MAXLEN can't be negative");
        return;
      }
      maxlen = *n;
    }
  }
  list_ref l;
  if (!open_list(c, c.args[1], l))
    return;
  std::vector<int64_t> found;
  bool reverse = rank < 0;
  int64_t skip = (reverse ? -rank : rank) - 1;
  auto wanted = count == 0 ? std::numeric_limits<int64_t>::max() : std::max<int64_t>(count, 1);
  int64_t examined = 0;
  list_walk(c, l, reverse ? l.count - 1 : 0, reverse, [&](uint64_t i, std::string_view v) {
    if (maxlen != 0 && examined++ >= maxlen)
      return false;
    if (v == c.args[2]) {
      if (skip > 0)
        --skip;
      else
        found.push_back(static_cast<int64_t>(i));
    }
    return static_cast<int64_t>(found.size()) < wanted;
  });
  if (c.failed)
    return;
  if (count < 0) {
    found.empty() ? resp::null(c.out, c.resp3) : resp::integer(c.out, found[0]);
    return;
  }
  resp::array(c.out, found.size());
  for (auto i : found)
    resp::integer(c.out, i);
}

/// LMOVE source destination LEFT|RIGHT LEFT|RIGHT, RPOPLPUSH source destination.
void lmove(command& c, std::string_view from_side, std::string_view to_side) {
  auto from = resp::lower(from_side), to = resp::lower(to_side);
  if ((from != "left" && from != "right") || (to != "left" && to != "right")) {
    resp::error(c.out, syntax_error);
    return;
  }
  list_ref src;
  if (!open_list(c, c.args[1], src))
    return;
  if (!src.e) {
    resp::null(c.out, c.resp3);
    return;
  }
  bool same = c.args[1] == c.args[2];
  list_ref dst_own;
  if (!same && !open_list(c, c.args[2], dst_own))
    return;
  auto& dst = same ? src : dst_own;
  auto value = list_pop(c, src, from == "left");
  list_push(c, dst, to == "left", *value);
  if (!same)
    list_save(c, src);
  list_save(c, dst);
  reply_value(c, value);
}

// -- blocking and multi-key pops ---------------------------------------------------
// A blocking command that finds nothing either waits (c.may_block: its keys
// go to c.waits_on and the partition parks it) or, in MULTI and scripts,
// answers as a timeout: a null array.

/// Nothing to pop from `keys`: wait on them, or answer the timeout.
void nothing_to_pop(command& c, std::vector<std::string_view> keys) {
  if (!c.may_block) {
    resp::null_array(c.out, c.resp3);
    return;
  }
  for (auto k : keys)
    c.waits_on.emplace_back(k);
}

/// BLPOP / BRPOP key [key ...] timeout.
void cmd_blpop(command& c, bool left) {
  if (!check_timeout(c, c.args.back()))
    return;
  std::vector<std::string_view> keys(c.args.begin() + 1, c.args.end() - 1);
  for (auto k : keys) {
    list_ref l;
    if (waits_past(c, k, type_list))
      continue;
    if (!open_list(c, k, l))
      return;
    if (!l.e)
      continue;
    auto value = list_pop(c, l, left);
    list_save(c, l);
    resp::array(c.out, 2);
    resp::bulk(c.out, k);
    resp::bulk(c.out, *value);
    return;
  }
  nothing_to_pop(c, keys);
}

/// BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout, BRPOPLPUSH
/// source destination timeout.
void cmd_blmove(command& c, std::string_view from_side, std::string_view to_side) {
  auto from = resp::lower(from_side), to = resp::lower(to_side);
  if ((from != "left" && from != "right") || (to != "left" && to != "right")) {
    resp::error(c.out, syntax_error);
    return;
  }
  if (!check_timeout(c, c.args.back()))
    return;
  list_ref src;
  if (!waits_past(c, c.args[1], type_list) && !open_list(c, c.args[1], src))
    return;
  if (!src.e) {
    nothing_to_pop(c, {c.args[1]});
    return;
  }
  lmove(c, from_side, to_side);
}

/// Where LMPOP and ZMPOP (and their blocking forms) find their arguments:
/// numkeys at `at`, then the keys, the side, and COUNT n.
struct mpop_args {
  std::vector<std::string_view> keys;
  bool first = true;  // LEFT / MIN
  uint64_t count = 1;
};

std::optional<mpop_args> parse_mpop(command& c, size_t at, const char* first,
                                    const char* last) {
  auto n = resp::parse_int(c.args[at]);
  if (!n || *n < 1) {
    resp::error(c.out, "ERR numkeys should be greater than 0");
    return std::nullopt;
  }
  mpop_args out;
  auto side_at = at + 1 + static_cast<uint64_t>(*n);
  if (static_cast<uint64_t>(*n) >= c.args.size() || side_at >= c.args.size()) {
    resp::error(c.out, syntax_error);
    return std::nullopt;
  }
  auto side = resp::lower(c.args[side_at]);
  if (side != first && side != last) {
    resp::error(c.out, syntax_error);
    return std::nullopt;
  }
  out.first = side == first;
  bool counted = false;
  for (size_t i = side_at + 1; i < c.args.size(); ++i) {
    if (!counted && resp::lower(c.args[i]) == "count" && i + 1 < c.args.size()) {
      auto k = resp::parse_int(c.args[++i]);
      if (!k || *k < 1) {
        resp::error(c.out, "ERR count should be greater than 0");
        return std::nullopt;
      }
      out.count = static_cast<uint64_t>(*k);
      counted = true;
    } else {
      resp::error(c.out, syntax_error);
      return std::nullopt;
    }
  }
  out.keys.assign(c.args.begin() + static_cast<std::ptrdiff_t>(at + 1),
                  c.args.begin() + static_cast<std::ptrdiff_t>(side_at));
  return out;
}

/// The arguments of LMPOP/ZMPOP (numkeys first) or BLMPOP/BZMPOP (the
/// timeout first); nullopt after an error reply.
std::optional<mpop_args> mpop_command(command& c, bool blocking, const char* first,
                                      const char* last) {
  if (blocking && !check_timeout(c, c.args[1]))
    return std::nullopt;
  return parse_mpop(c, blocking ? 2 : 1, first, last);
}

/// LMPOP numkeys key ... LEFT|RIGHT [COUNT n]; BLMPOP timeout numkeys ...
void cmd_lmpop(command& c, bool blocking) {
  auto m = mpop_command(c, blocking, "left", "right");
  if (!m)
    return;
  for (auto k : m->keys) {
    list_ref l;
    if (waits_past(c, k, type_list))
      continue;
    if (!open_list(c, k, l))
      return;
    if (!l.e)
      continue;
    auto n = std::min(m->count, l.count);
    resp::array(c.out, 2);
    resp::bulk(c.out, k);
    resp::array(c.out, n);
    for (uint64_t i = 0; i < n; ++i)
      resp::bulk(c.out, *list_pop(c, l, m->first));
    list_save(c, l);
    return;
  }
  if (blocking)
    nothing_to_pop(c, m->keys);
  else
    resp::null_array(c.out, c.resp3);
}

// -- sets ---------------------------------------------------------------------

std::string members_prefix(command& c, std::string_view key) {
  return storage::kv_field_prefix(c.st.partition, key);
}

/// The members of the set at `key` (none when absent).
std::set<std::string> set_members(command& c, std::string_view key) {
  std::set<std::string> out;
  auto prefix = members_prefix(c, key);
  each_field(c, prefix, {}, false, [&](std::string_view k, std::string_view) {
    out.insert(sub_of(k, prefix.size()));
    return true;
  });
  return out;
}

void reply_members(command& c, const std::set<std::string>& members) {
  resp::set(c.out, members.size(), c.resp3);
  for (auto& m : members)
    resp::bulk(c.out, m);
}

void cmd_sadd(command& c) {
  if (!check_key(c, c.args[1], "key"))
    return;
  for (size_t i = 2; i < c.args.size(); ++i)
    if (!check_key(c, c.args[i], "member"))
      return;
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_set, e))
    return;
  auto set = e ? *e : create_collection(c, c.args[1], type_set);
  auto count = field_count(set);
  int64_t added = 0;
  for (size_t i = 2; i < c.args.size(); ++i) {
    auto fkey = fkey_of(c, c.args[1], c.args[i]);
    if (load_field(c, fkey))
      continue;
    store_field(c, fkey, {});
    ++added;
    ++count;
  }
  if (added > 0)
    save_collection(c, mkey_of(c, c.args[1]), set, count);
  resp::integer(c.out, added);
}

/// Removes `members` from the set `e` at `key`; returns how many were there.
int64_t remove_members(command& c, std::string_view key, entry& e,
                       const std::vector<std::string_view>& members) {
  auto count = field_count(e);
  int64_t removed = 0;
  for (auto m : members) {
    auto fkey = fkey_of(c, key, m);
    if (!load_field(c, fkey))
      continue;
    remove_field(c, fkey);
    ++removed;
    --count;
  }
  if (removed > 0)
    save_collection(c, mkey_of(c, key), e, count);
  return removed;
}

void cmd_srem(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_set, e))
    return;
  std::vector<std::string_view> members(c.args.begin() + 2, c.args.end());
  resp::integer(c.out, e ? remove_members(c, c.args[1], *e, members) : 0);
}

void cmd_smembers(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_set, e))
    return;
  auto members = e ? set_members(c, c.args[1]) : std::set<std::string>{};
  if (!c.failed)
    reply_members(c, members);
}

/// SISMEMBER (one member, an integer) and SMISMEMBER (an array).
void cmd_sismember(command& c, bool many) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_set, e))
    return;
  if (many)
    resp::array(c.out, c.args.size() - 2);
  for (size_t i = 2; i < c.args.size(); ++i)
    resp::integer(c.out, e && load_field(c, fkey_of(c, c.args[1], c.args[i])) ? 1 : 0);
}

void cmd_scard(command& c) {
  std::optional<entry> e;
  if (load_typed(c, c.args[1], type_set, e))
    resp::integer(c.out, e ? static_cast<int64_t>(field_count(*e)) : 0);
}

void cmd_smove(command& c) {
  auto src = load(c, mkey_of(c, c.args[1]));
  auto dst = c.failed ? std::nullopt : load(c, mkey_of(c, c.args[2]));
  if (c.failed)
    return;
  if (!src) {
    resp::integer(c.out, 0);
    return;
  }
  if (src->type != type_set || (dst && dst->type != type_set)) {
    resp::error(c.out, wrong_type);
    return;
  }
  if (!check_key(c, c.args[3], "member"))
    return;
  if (c.args[1] == c.args[2]) {
    resp::integer(c.out, load_field(c, fkey_of(c, c.args[1], c.args[3])) ? 1 : 0);
    return;
  }
  if (remove_members(c, c.args[1], *src, {c.args[3]}) == 0) {
    resp::integer(c.out, 0);
    return;
  }
  auto set = dst ? *dst : create_collection(c, c.args[2], type_set);
  auto fkey = fkey_of(c, c.args[2], c.args[3]);
  if (!load_field(c, fkey)) {
    store_field(c, fkey, {});
    save_collection(c, mkey_of(c, c.args[2]), set, field_count(set) + 1);
  }
  resp::integer(c.out, 1);
}

/// `n` of the `size` element records under `prefix` chosen at random
/// (distinct, or with repeats when `repeats`), each as its element part
/// (after `element_at` bytes of its key).
std::vector<std::string> random_elements(command& c, const std::string& prefix,
                                         size_t element_at, uint64_t size, uint64_t n,
                                         bool repeats) {
  std::vector<uint64_t> picks;
  auto& gen = random_source();
  if (repeats) {
    std::uniform_int_distribution<uint64_t> any(0, size - 1);
    for (uint64_t i = 0; i < n; ++i)
      picks.push_back(any(gen));
  } else {
    std::vector<uint64_t> all(size);
    for (uint64_t i = 0; i < size; ++i)
      all[i] = i;
    if (n < size)  // asked for all: all, in their order, as Redis answers
      std::shuffle(all.begin(), all.end(), gen);
    picks.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(n, size)));
  }
  std::vector<uint64_t> order = picks;
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());
  std::map<uint64_t, std::string> chosen;
  uint64_t index = 0;
  size_t next = 0;
  each_field(c, prefix, {}, false, [&](std::string_view k, std::string_view) {
    if (next < order.size() && index == order[next]) {
      chosen[index] = sub_of(k, element_at);
      ++next;
    }
    ++index;
    return next < order.size();
  });
  std::vector<std::string> out;
  for (auto p : picks)
    out.push_back(chosen[p]);
  return out;
}

/// SPOP key [count] (pops) and SRANDMEMBER key [count] (does not).
void cmd_srandom(command& c, bool pop) {
  if (c.args.size() > 3) {
    wrong_arity(c);
    return;
  }
  std::optional<int64_t> count;
  if (c.args.size() == 3) {
    count = resp::parse_int(c.args[2]);
    if (!count || (pop && *count < 0) || *count == std::numeric_limits<int64_t>::min()) {
      resp::error(c.out, pop ? not_positive : count ? beyond_long : not_integer);
      return;
    }
  }
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_set, e))
    return;
  if (!e || (count && *count == 0)) {
    if (!count)
      resp::null(c.out, c.resp3);
    else if (pop)
      resp::set(c.out, 0, c.resp3);
    else
      resp::array(c.out, 0);
    return;
  }
  auto size = field_count(*e);
  bool repeats = count && *count < 0;
  uint64_t n = !count ? 1 : static_cast<uint64_t>(repeats ? -*count : *count);
  auto prefix = members_prefix(c, c.args[1]);
  auto picked = random_elements(c, prefix, prefix.size(), size, n, repeats);
  if (c.failed)
    return;
  if (pop) {
    std::vector<std::string_view> views(picked.begin(), picked.end());
    remove_members(c, c.args[1], *e, views);
  }
  if (!count) {
    resp::bulk(c.out, picked.front());
    return;
  }
  pop ? resp::set(c.out, picked.size(), c.resp3) : resp::array(c.out, picked.size());
  for (auto& m : picked)
    resp::bulk(c.out, m);
}

enum class set_op { inter, uni, diff };

/// The members of `keys` combined by `op`; nullopt after an error reply.
/// Every key's type is checked before any member is read, as in Redis.
std::optional<std::set<std::string>> combine_sets(command& c, set_op op,
                                                  const std::vector<std::string_view>& keys,
                                                  size_t limit = 0) {
  std::vector<bool> present;
  for (auto k : keys) {
    std::optional<entry> e;
    if (!load_typed(c, k, type_set, e))
      return std::nullopt;
    present.push_back(e.has_value());
  }
  std::set<std::string> acc;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!present[i]) {
      if (op == set_op::inter)
        return std::set<std::string>{};
      continue;
    }
    auto members = set_members(c, keys[i]);
    if (c.failed)
      return std::nullopt;
    if (i == 0) {
      acc = std::move(members);
    } else if (op == set_op::uni) {
      acc.merge(members);
    } else if (op == set_op::diff) {
      for (auto& m : members)
        acc.erase(m);
    } else {
      std::set<std::string> both;
      for (auto& m : acc)
        if (members.count(m) != 0)
          both.insert(m);
      acc = std::move(both);
    }
  }
  if (limit != 0 && acc.size() > limit)
    acc.erase(std::next(acc.begin(), static_cast<std::ptrdiff_t>(limit)), acc.end());
  return acc;
}

/// Replaces whatever `key` holds with a set of `members` (nothing if empty).
void store_set(command& c, std::string_view key, const std::set<std::string>& members) {
  auto mkey = mkey_of(c, key);
  auto old = load(c, mkey);
  if (old)
    remove_key(c, key, mkey, *old);
  if (members.empty())
    return;
  auto set = new_entry(c, type_set);
  for (auto& m : members)
    store_field(c, fkey_of(c, key, m), {});
  save_collection(c, mkey, set, members.size());
}

/// SINTER / SUNION / SDIFF key [key ...] and their STORE forms.
void cmd_setop(command& c, set_op op, bool store) {
  std::vector<std::string_view> keys(c.args.begin() + (store ? 2 : 1), c.args.end());
  if (store && !check_key(c, c.args[1], "key"))
    return;
  auto result = combine_sets(c, op, keys);
  if (!result || c.failed)
    return;
  if (!store) {
    reply_members(c, *result);
    return;
  }
  store_set(c, c.args[1], *result);
  resp::integer(c.out, static_cast<int64_t>(result->size()));
}

/// The keys of a numkeys-prefixed key list at args[at] (SINTERCARD, ZUNION
/// ...); nullopt after an error reply. `extra` collects the arguments after.
std::optional<std::vector<std::string_view>> numkeys_keys(command& c, size_t at) {
  auto n = resp::parse_int(c.args[at]);
  if (!n && c.name != "sintercard") {
    resp::error(c.out, not_integer);
    return std::nullopt;
  }
  if (!n || *n < 1) {
    resp::error(c.out, c.name == "sintercard"
                         ? std::string{"ERR numkeys should be greater than 0"}
                         : "ERR at least 1 input key is needed for '" + c.name + "' command");
    return std::nullopt;
  }
  if (static_cast<uint64_t>(*n) > c.args.size() - at - 1) {
    resp::error(c.out, c.name == "sintercard"
                         ? "ERR Number of keys can't be greater than number of args"
                         : syntax_error);
    return std::nullopt;
  }
  return std::vector<std::string_view>(c.args.begin() + static_cast<std::ptrdiff_t>(at + 1),
                                       c.args.begin() + static_cast<std::ptrdiff_t>(at + 1 + *n));
}

/// SINTERCARD numkeys key [key ...] [LIMIT limit].
void cmd_sintercard(command& c) {
  auto keys = numkeys_keys(c, 1);
  if (!keys)
    return;
  int64_t limit = 0;
  for (size_t i = 2 + keys->size(); i < c.args.size(); i += 2) {
    if (resp::lower(c.args[i]) != "limit" || i + 1 >= c.args.size()) {
      resp::error(c.out, syntax_error);
      return;
    }
    auto n = resp::parse_int(c.args[i + 1]);
    if (!n || *n < 0) {
      resp::error(c.out, "ERR LIMIT can't be negative");
      return;
    }
    limit = *n;
  }
  auto result = combine_sets(c, set_op::inter, *keys, static_cast<size_t>(limit));
  if (result && !c.failed)
    resp::integer(c.out, static_cast<int64_t>(result->size()));
}

// -- sorted sets --------------------------------------------------------------

/// A score as 8 bytes that sort as the numbers do.
std::string sortable(double score) {
  if (score == 0)
    score = 0;  // -0 sorts as 0
  uint64_t bits = 0;
  std::memcpy(&bits, &score, sizeof bits);
  bits = (bits & (uint64_t{1} << 63)) != 0 ? ~bits : bits | (uint64_t{1} << 63);
  return u64_bytes(bits);
}

double from_sortable(std::string_view bytes) {
  auto bits = u64_of(bytes);
  bits = (bits & (uint64_t{1} << 63)) != 0 ? bits & ~(uint64_t{1} << 63) : ~bits;
  double score = 0;
  std::memcpy(&score, &bits, sizeof score);
  return score;
}

struct zset_ref {
  std::string key, mkey;
  std::optional<entry> e;
  uint64_t count = 0;
};

bool open_zset(command& c, std::string_view key, zset_ref& z) {
  z.key.assign(key);
  z.mkey = mkey_of(c, key);
  if (!load_typed(c, key, type_zset, z.e))
    return false;
  z.count = z.e ? field_count(*z.e) : 0;
  return true;
}

std::string zmember_key(command& c, const zset_ref& z, std::string_view member) {
  std::string sub{"m"};
  sub.append(member);
  return fkey_of(c, z.key, sub);
}

std::string zorder_key(command& c, const zset_ref& z, double score, std::string_view member) {
  auto sub = "o" + sortable(score);
  sub.append(member);
  return fkey_of(c, z.key, sub);
}

/// The encoded prefix of every order record (with a score of `score`, when
/// given): the order key without its component terminator.
std::string zorder_prefix(command& c, const zset_ref& z, std::optional<double> score = {}) {
  auto key = fkey_of(c, z.key, score ? "o" + sortable(*score) : std::string{"o"});
  key.resize(key.size() - 2);
  return key;
}

std::optional<double> zscore_of(command& c, const zset_ref& z, std::string_view member) {
  if (!z.e)
    return std::nullopt;
  auto v = load_field(c, zmember_key(c, z, member));
  if (!v)
    return std::nullopt;
  double score = 0;
  std::memcpy(&score, v->data(), std::min(v->size(), sizeof score));
  return score;
}

/// Sets `member`'s score (`old` its current one, if any).
void zput(command& c, zset_ref& z, std::string_view member, double score,
          std::optional<double> old) {
  if (!z.e) {
    z.e = create_collection(c, z.key, type_zset);
    z.count = 0;
  }
  if (old)
    remove_field(c, zorder_key(c, z, *old, member));
  else
    ++z.count;
  std::string bytes(sizeof score, '\0');
  std::memcpy(bytes.data(), &score, sizeof score);
  store_field(c, zmember_key(c, z, member), bytes);
  auto order = zorder_key(c, z, score, member);
  // A new record below (above) a known bound becomes the bound.
  if (auto it = c.st.zset_ends.find(z.key); it != c.st.zset_ends.end()) {
    auto& [low, high] = it->second;
    if (!low.empty() && order < low)
      low = order;
    if (!high.empty() && order > high)
      high = order;
  }
  store_field(c, order, {});
}

/// Records that every live order record of `z` lies above (below, for
/// `high`) `bound`, the last one popped from that end.
void note_end(command& c, const zset_ref& z, bool high, std::string bound) {
  if (c.st.zset_ends.size() >= 10'000)
    c.st.zset_ends.clear();  // hints only
  auto& ends = c.st.zset_ends[z.key];
  (high ? ends.second : ends.first) = std::move(bound);
}

void zdel(command& c, zset_ref& z, std::string_view member, double score) {
  remove_field(c, zmember_key(c, z, member));
  remove_field(c, zorder_key(c, z, score, member));
  --z.count;
}

void zsave(command& c, zset_ref& z) {
  if (z.e)
    save_collection(c, z.mkey, *z.e, z.count);
  if (z.count == 0)
    z.e.reset();
}

/// Replaces whatever `key` holds with a sorted set of `items` (nothing if
/// empty).
void store_zset(command& c, std::string_view key, const std::vector<std::pair<std::string, double>>& items) {
  auto mkey = mkey_of(c, key);
  if (auto old = load(c, mkey))
    remove_key(c, key, mkey, *old);
  zset_ref z;
  z.key.assign(key);
  z.mkey = mkey;
  for (auto& [m, s] : items)
    zput(c, z, m, s, std::nullopt);
  zsave(c, z);
}

/// Walks the members in score order (backwards when `reverse`), from the
/// score `from` when given; fn(member, score) returns false to stop.
template <class F>
void zwalk(command& c, const zset_ref& z, bool reverse, std::optional<double> from, F fn) {
  if (!z.e)
    return;
  auto prefix = zorder_prefix(c, z);
  auto field_prefix = storage::kv_field_prefix(c.st.partition, z.key).size();
  std::string start;
  if (from) {
    start = reverse ? storage::prefix_end(zorder_prefix(c, z, from)) : zorder_prefix(c, z, from);
  } else if (auto it = c.st.zset_ends.find(z.key); it != c.st.zset_ends.end()) {
    start = reverse ? it->second.second : it->second.first;
  }
  each_field(c, prefix, start, reverse, [&](std::string_view k, std::string_view) {
    auto sub = sub_of(k, field_prefix);
    if (sub.size() < 9)
      return true;
    return fn(std::string_view{sub}.substr(9), from_sortable(std::string_view{sub}.substr(1, 8)));
  });
}

struct score_range {
  double min = 0, max = 0;
  bool min_ex = false, max_ex = false;
  bool above_min(double s) const { return min_ex ? s > min : s >= min; }
  bool below_max(double s) const { return max_ex ? s < max : s <= max; }
};

std::optional<double> parse_bound(std::string_view text, bool& exclusive) {
  exclusive = !text.empty() && text[0] == '(';
  if (exclusive)
    text.remove_prefix(1);
  std::string copy{text};
  char* end = nullptr;
  double v = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || std::isnan(v))
    return std::nullopt;
  return v;
}

std::optional<score_range> parse_score_range(std::string_view min, std::string_view max) {
  score_range r;
  auto lo = parse_bound(min, r.min_ex);
  auto hi = parse_bound(max, r.max_ex);
  if (!lo || !hi)
    return std::nullopt;
  r.min = *lo;
  r.max = *hi;
  return r;
}

/// A lexicographic bound: "-", "+", "[x" (inclusive) or "(x" (exclusive).
struct lex_bound {
  enum { minus, plus, value } kind = minus;
  bool exclusive = false;
  std::string text;
};

std::optional<lex_bound> parse_lex(std::string_view s) {
  lex_bound b;
  if (s == "-" || s == "+") {
    b.kind = s == "-" ? lex_bound::minus : lex_bound::plus;
    return b;
  }
  if (s.empty() || (s[0] != '[' && s[0] != '('))
    return std::nullopt;
  b.kind = lex_bound::value;
  b.exclusive = s[0] == '(';
  b.text.assign(s.substr(1));
  return b;
}

struct lex_range {
  lex_bound min, max;
  bool above_min(std::string_view m) const {
    if (min.kind != lex_bound::value)
      return min.kind == lex_bound::minus;
    return min.exclusive ? m > min.text : m >= min.text;
  }
  bool below_max(std::string_view m) const {
    if (max.kind != lex_bound::value)
      return max.kind == lex_bound::plus;
    return max.exclusive ? m < max.text : m <= max.text;
  }
};

std::optional<lex_range> parse_lex_range(std::string_view min, std::string_view max) {
  auto lo = parse_lex(min);
  auto hi = parse_lex(max);
  if (!lo || !hi)
    return std::nullopt;
  return lex_range{*lo, *hi};
}

/// ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...];
/// ZINCRBY key increment member.
void cmd_zadd(command& c, bool zincrby) {
  bool nx = false, xx = false, gt = false, lt = false, ch = false, incr = zincrby;
  size_t at = 2;
  while (!zincrby && at < c.args.size()) {
    auto opt = resp::lower(c.args[at]);
    if (opt == "nx")
      nx = true;
    else if (opt == "xx")
      xx = true;
    else if (opt == "gt")
      gt = true;
    else if (opt == "lt")
      lt = true;
    else if (opt == "ch")
      ch = true;
    else if (opt == "incr")
      incr = true;
    else
      break;
    ++at;
  }
  auto elements = c.args.size() - at;
  if (elements % 2 != 0 || elements == 0) {
    resp::error(c.out, syntax_error);
    return;
  }
  elements /= 2;
  if (nx && xx) {
    resp::error(c.out, "ERR XX and NX options at the same time are not compatible");
    return;
  }
  if ((gt && nx) || (lt && nx) || (gt && lt)) {
    resp::error(c.out, "ERR GT, LT, and/or NX options at the same time are not compatible");
    return;
  }
  if (incr && elements > 1) {
    resp::error(c.out, "ERR INCR option supports a single increment-element pair");
    return;
  }
  std::vector<double> scores;
  for (size_t i = 0; i < elements; ++i) {
    auto s = parse_double(c.args[at + 2 * i]);
    if (!s) {
      resp::error(c.out, not_float);
      return;
    }
    scores.push_back(*s);
  }
  if (!check_key(c, c.args[1], "key"))
    return;
  for (size_t i = 0; i < elements; ++i)
    if (!check_key(c, c.args[at + 2 * i + 1], "member"))
      return;
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  int64_t added = 0, updated = 0, processed = 0;
  double score = 0;
  if (z.e || !xx) {
    for (size_t i = 0; i < elements; ++i) {
      auto member = c.args[at + 2 * i + 1];
      score = scores[i];
      auto old = zscore_of(c, z, member);
      if (c.failed)
        return;
      if (old) {
        if (nx)
          continue;
        if (incr) {
          score += *old;
          if (std::isnan(score)) {
            resp::error(c.out, score_nan);
            return;
          }
        }
        if ((lt && score >= *old) || (gt && score <= *old))
          continue;
        ++processed;
        if (score != *old) {
          zput(c, z, member, score, old);
          ++updated;
        }
      } else if (!xx) {
        zput(c, z, member, score, std::nullopt);
        ++added;
        ++processed;
      }
    }
    zsave(c, z);
  }
  if (!incr)
    resp::integer(c.out, ch ? added + updated : added);
  else if (processed > 0)
    resp::dbl(c.out, score, c.resp3);
  else
    resp::null(c.out, c.resp3);
}

void cmd_zrem(command& c) {
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  int64_t removed = 0;
  for (size_t i = 2; i < c.args.size() && z.e; ++i) {
    if (auto s = zscore_of(c, z, c.args[i])) {
      zdel(c, z, c.args[i], *s);
      ++removed;
    }
  }
  if (removed > 0)
    zsave(c, z);
  resp::integer(c.out, removed);
}

void cmd_zscore(command& c) {
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  auto s = zscore_of(c, z, c.args[2]);
  s ? resp::dbl(c.out, *s, c.resp3) : resp::null(c.out, c.resp3);
}

void cmd_zmscore(command& c) {
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  resp::array(c.out, c.args.size() - 2);
  for (size_t i = 2; i < c.args.size(); ++i) {
    auto s = zscore_of(c, z, c.args[i]);
    s ? resp::dbl(c.out, *s, c.resp3) : resp::null(c.out, c.resp3);
  }
}

void cmd_zcard(command& c) {
  zset_ref z;
  if (open_zset(c, c.args[1], z))
    resp::integer(c.out, static_cast<int64_t>(z.count));
}

/// The members of a range, in reply order, with their scores.
using scored = std::vector<std::pair<std::string, double>>;

void reply_scored(command& c, const scored& items, bool with_scores);

/// ZRANDMEMBER's and HRANDFIELD's arguments after the key: [count [with]].
struct random_args {
  std::optional<int64_t> count;  // nullopt: one element, not in an array
  bool with = false;             // WITHSCORES / WITHVALUES
};

std::optional<random_args> parse_random(command& c, const char* with_word) {
  random_args r;
  if (c.args.size() < 3)
    return r;
  r.count = resp::parse_int(c.args[2]);
  if (!r.count || *r.count == std::numeric_limits<int64_t>::min()) {
    resp::error(c.out, r.count ? beyond_long : not_integer);
    return std::nullopt;
  }
  if (c.args.size() > 4 || (c.args.size() == 4 && resp::lower(c.args[3]) != with_word)) {
    resp::error(c.out, syntax_error);
    return std::nullopt;
  }
  r.with = c.args.size() == 4;
  if (r.with && (*r.count < -std::numeric_limits<int64_t>::max() / 2
                 || *r.count > std::numeric_limits<int64_t>::max() / 2)) {
    resp::error(c.out, "ERR value is out of range");
    return std::nullopt;
  }
  return r;
}

/// ZRANDMEMBER key [count [WITHSCORES]].
void cmd_zrandmember(command& c) {
  auto r = parse_random(c, "withscores");
  if (!r)
    return;
  auto count = r->count;
  bool with_scores = r->with;
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  if (!z.e || (count && *count == 0)) {
    count ? resp::array(c.out, 0) : resp::null(c.out, c.resp3);
    return;
  }
  bool repeats = count && *count < 0;
  uint64_t n = !count ? 1 : static_cast<uint64_t>(repeats ? -*count : *count);
  auto subs = random_elements(c, zorder_prefix(c, z),
                              storage::kv_field_prefix(c.st.partition, z.key).size(), z.count,
                              n, repeats);
  if (c.failed)
    return;
  scored items;
  for (auto& sub : subs)
    items.emplace_back(sub.substr(std::min<size_t>(9, sub.size())),
                       from_sortable(std::string_view{sub}.substr(1, 8)));
  if (!count)
    resp::bulk(c.out, items.front().first);
  else
    reply_scored(c, items, with_scores);
}

/// HRANDFIELD key [count [WITHVALUES]].
void cmd_hrandfield(command& c) {
  auto r = parse_random(c, "withvalues");
  if (!r)
    return;
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_hash, e))
    return;
  if (!e || (r->count && *r->count == 0)) {
    r->count ? resp::array(c.out, 0) : resp::null(c.out, c.resp3);
    return;
  }
  bool repeats = r->count && *r->count < 0;
  uint64_t n = !r->count ? 1 : static_cast<uint64_t>(repeats ? -*r->count : *r->count);
  auto prefix = storage::kv_field_prefix(c.st.partition, c.args[1]);
  auto fields = random_elements(c, prefix, prefix.size(), field_count(*e), n, repeats);
  if (c.failed)
    return;
  if (!r->count) {
    resp::bulk(c.out, fields.front());
    return;
  }
  resp::array(c.out, fields.size() * (r->with && !c.resp3 ? 2 : 1));
  for (auto& f : fields) {
    if (!r->with) {
      resp::bulk(c.out, f);
      continue;
    }
    if (c.resp3)
      resp::array(c.out, 2);
    resp::bulk(c.out, f);
    resp::bulk(c.out, load_field(c, fkey_of(c, c.args[1], f)).value_or(""));
  }
}

void reply_scored(command& c, const scored& items, bool with_scores) {
  if (!with_scores) {
    resp::array(c.out, items.size());
    for (auto& [m, s] : items)
      resp::bulk(c.out, m);
    return;
  }
  resp::array(c.out, c.resp3 ? items.size() : items.size() * 2);
  for (auto& [m, s] : items) {
    if (c.resp3)
      resp::array(c.out, 2);
    resp::bulk(c.out, m);
    resp::dbl(c.out, s, c.resp3);
  }
}

/// Members by rank [from, to] (reverse: counted from the highest).
scored zrange_rank(command& c, const zset_ref& z, uint64_t from, uint64_t to, bool reverse) {
  scored out;
  uint64_t rank = 0;
  zwalk(c, z, reverse, std::nullopt, [&](std::string_view m, double s) {
    if (rank > to)
      return false;
    if (rank++ >= from)
      out.emplace_back(std::string{m}, s);
    return true;
  });
  return out;
}

/// The members met walking from `from` (an end when unset) that `before`
/// does not skip, after `offset` of them, `limit` at most (negative: all);
/// the walk ends at the first member `past` says lies beyond the range.
template <class Before, class Past>
scored zrange_window(command& c, const zset_ref& z, bool reverse, std::optional<double> from,
                     int64_t offset, int64_t limit, Before before, Past past) {
  scored out;
  if (offset < 0)
    return out;
  zwalk(c, z, reverse, from, [&](std::string_view m, double s) {
    if (past(m, s))
      return false;
    if (before(m, s))
      return true;
    if (offset > 0) {
      --offset;
      return true;
    }
    if (limit >= 0 && static_cast<int64_t>(out.size()) >= limit)
      return false;
    out.emplace_back(std::string{m}, s);
    return true;
  });
  return out;
}

/// Members whose score lies in `r`, after skipping `offset`, at most
/// `limit` of them (negative: all).
scored zrange_score(command& c, const zset_ref& z, const score_range& r, bool reverse,
                    int64_t offset, int64_t limit) {
  return zrange_window(
    c, z, reverse, reverse ? r.max : r.min, offset, limit,
    [&](std::string_view, double s) { return reverse ? !r.below_max(s) : !r.above_min(s); },
    [&](std::string_view, double s) { return reverse ? !r.above_min(s) : !r.below_max(s); });
}

/// Members in the lexicographic range `r` (meaningful when every score is
/// equal, as in Redis).
scored zrange_lex(command& c, const zset_ref& z, const lex_range& r, bool reverse,
                  int64_t offset, int64_t limit) {
  return zrange_window(
    c, z, reverse, std::nullopt, offset, limit,
    [&](std::string_view m, double) { return reverse ? !r.below_max(m) : !r.above_min(m); },
    [&](std::string_view m, double) { return reverse ? !r.above_min(m) : !r.below_max(m); });
}

enum class range_by { rank, score, lex, unset };

/// ZRANGE and its older forms: `by` and `reverse` preset by the command
/// (unset for ZRANGE, which takes BYSCORE, BYLEX and REV as options).
void cmd_zrange(command& c, range_by by, bool reverse, bool store = false) {
  // ZRANGESTORE dst src ...: everything one argument later.
  size_t at = store ? 2 : 1;
  // Only ZRANGE and ZRANGESTORE take REV; the older forms fix the direction.
  bool with_scores = false, direction_set = reverse || by != range_by::unset;
  int64_t offset = 0, limit = -1;
  for (size_t i = at + 3; i < c.args.size(); ++i) {
    auto opt = resp::lower(c.args[i]);
    auto left = c.args.size() - i - 1;
    if (!store && opt == "withscores") {
      with_scores = true;
    } else if (opt == "limit" && left >= 2) {
      if (!limit_args(c, i + 1, offset, limit))
        return;
      i += 2;
    } else if (!direction_set && opt == "rev") {
      reverse = direction_set = true;
    } else if (by == range_by::unset && opt == "bylex") {
      by = range_by::lex;
    } else if (by == range_by::unset && opt == "byscore") {
      by = range_by::score;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  if (by == range_by::unset)
    by = range_by::rank;
  if (limit != -1 && by == range_by::rank) {
    resp::error(c.out, "ERR syntax error, LIMIT is only supported in combination with either "
                       "BYSCORE or BYLEX");
    return;
  }
  if (with_scores && by == range_by::lex) {
    resp::error(c.out, "ERR syntax error, WITHSCORES not supported in combination with BYLEX");
    return;
  }
  auto lo = c.args[at + 1], hi = c.args[at + 2];
  if (reverse && by != range_by::rank)
    std::swap(lo, hi);
  std::optional<int64_t> start, end;
  std::optional<score_range> scores;
  std::optional<lex_range> lex;
  if (by == range_by::rank) {
    start = int_arg(c, lo);
    end = start ? int_arg(c, hi) : std::nullopt;
    if (!end)
      return;
  } else if (by == range_by::score) {
    if (!(scores = parse_score_range(lo, hi))) {
      resp::error(c.out, bad_score_range);
      return;
    }
  } else if (!(lex = parse_lex_range(lo, hi))) {
    resp::error(c.out, bad_lex_range);
    return;
  }
  zset_ref z;
  if (!open_zset(c, c.args[at], z))
    return;
  scored items;
  uint64_t from = 0, to = 0;
  if (by == range_by::rank) {
    if (clamp_range(*start, *end, z.count, from, to))
      items = zrange_rank(c, z, from, to, reverse);
  } else if (by == range_by::score) {
    items = zrange_score(c, z, *scores, reverse, offset, limit);
  } else {
    items = zrange_lex(c, z, *lex, reverse, offset, limit);
  }
  if (c.failed)
    return;
  if (!store) {
    reply_scored(c, items, with_scores);
    return;
  }
  if (!check_key(c, c.args[1], "key"))
    return;
  store_zset(c, c.args[1], items);
  resp::integer(c.out, static_cast<int64_t>(items.size()));
}

/// ZCOUNT key min max / ZLEXCOUNT key min max.
void cmd_zcount(command& c, bool by_lex) {
  std::optional<score_range> scores;
  std::optional<lex_range> lex;
  if (by_lex ? !(lex = parse_lex_range(c.args[2], c.args[3]))
             : !(scores = parse_score_range(c.args[2], c.args[3]))) {
    resp::error(c.out, by_lex ? bad_lex_range : bad_score_range);
    return;
  }
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  auto items = by_lex ? zrange_lex(c, z, *lex, false, 0, -1)
                      : zrange_score(c, z, *scores, false, 0, -1);
  if (!c.failed)
    resp::integer(c.out, static_cast<int64_t>(items.size()));
}

/// ZRANK / ZREVRANK key member.
void cmd_zrank(command& c, bool reverse) {
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  auto score = zscore_of(c, z, c.args[2]);
  if (!score) {
    if (!c.failed)
      resp::null(c.out, c.resp3);
    return;
  }
  int64_t rank = 0;
  bool found = false;
  zwalk(c, z, reverse, std::nullopt, [&](std::string_view m, double) {
    if (m == c.args[2]) {
      found = true;
      return false;
    }
    ++rank;
    return true;
  });
  if (!c.failed)
    found ? resp::integer(c.out, rank) : resp::null(c.out, c.resp3);
}

/// Pops up to `n` members from the low (or high) end of the zset at `key`.
scored zpop(command& c, zset_ref& z, uint64_t n, bool max) {
  scored items;
  if (z.count > 0 && n > 0)
    items = zrange_rank(c, z, 0, std::min(n, z.count) - 1, max);
  for (auto& [m, s] : items)
    zdel(c, z, m, s);
  if (!items.empty() && !c.failed)
    note_end(c, z, max, zorder_key(c, z, items.back().second, items.back().first));
  if (!items.empty())
    zsave(c, z);
  return items;
}

/// ZPOPMIN / ZPOPMAX key [count].
void cmd_zpop(command& c, bool max) {
  if (c.args.size() > 3) {
    resp::error(c.out, syntax_error);
    return;
  }
  auto count = count_arg(c, 2);
  if (!count)
    return;
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  auto items = zpop(c, z, *count < 0 ? 1 : static_cast<uint64_t>(*count), max);
  if (c.failed)
    return;
  bool nested = c.resp3 && *count >= 0;
  resp::array(c.out, nested ? items.size() : items.size() * 2);
  for (auto& [m, s] : items) {
    if (nested)
      resp::array(c.out, 2);
    resp::bulk(c.out, m);
    resp::dbl(c.out, s, c.resp3);
  }
}

/// BZPOPMIN / BZPOPMAX key [key ...] timeout.
void cmd_bzpop(command& c, bool max) {
  if (!check_timeout(c, c.args.back()))
    return;
  std::vector<std::string_view> keys(c.args.begin() + 1, c.args.end() - 1);
  for (auto k : keys) {
    zset_ref z;
    if (waits_past(c, k, type_zset))
      continue;
    if (!open_zset(c, k, z))
      return;
    if (!z.e)
      continue;
    auto items = zpop(c, z, 1, max);
    if (c.failed || items.empty())
      return;
    resp::array(c.out, 3);
    resp::bulk(c.out, k);
    resp::bulk(c.out, items[0].first);
    resp::dbl(c.out, items[0].second, c.resp3);
    return;
  }
  nothing_to_pop(c, keys);
}

/// ZMPOP numkeys key ... MIN|MAX [COUNT n]; BZMPOP timeout numkeys ...
void cmd_zmpop(command& c, bool blocking) {
  auto m = mpop_command(c, blocking, "min", "max");
  if (!m)
    return;
  for (auto k : m->keys) {
    zset_ref z;
    if (waits_past(c, k, type_zset))
      continue;
    if (!open_zset(c, k, z))
      return;
    if (!z.e)
      continue;
    auto items = zpop(c, z, m->count, !m->first);
    if (c.failed)
      return;
    resp::array(c.out, 2);
    resp::bulk(c.out, k);
    resp::array(c.out, items.size());
    for (auto& [member, score] : items) {
      resp::array(c.out, 2);
      resp::bulk(c.out, member);
      resp::dbl(c.out, score, c.resp3);
    }
    return;
  }
  if (blocking)
    nothing_to_pop(c, m->keys);
  else
    resp::null_array(c.out, c.resp3);
}

/// ZREMRANGEBYRANK / ZREMRANGEBYSCORE / ZREMRANGEBYLEX key min max.
void cmd_zremrange(command& c, range_by by) {
  std::optional<int64_t> start, end;
  std::optional<score_range> scores;
  std::optional<lex_range> lex;
  if (by == range_by::rank) {
    start = int_arg(c, c.args[2]);
    end = start ? int_arg(c, c.args[3]) : std::nullopt;
    if (!end)
      return;
  } else if (by == range_by::score ? !(scores = parse_score_range(c.args[2], c.args[3]))
                                   : !(lex = parse_lex_range(c.args[2], c.args[3]))) {
    resp::error(c.out, by == range_by::score ? bad_score_range : bad_lex_range);
    return;
  }
  zset_ref z;
  if (!open_zset(c, c.args[1], z))
    return;
  scored items;
  uint64_t from = 0, to = 0;
  if (by == range_by::rank) {
    if (clamp_range(*start, *end, z.count, from, to))
      items = zrange_rank(c, z, from, to, false);
  } else if (by == range_by::score) {
    items = zrange_score(c, z, *scores, false, 0, -1);
  } else {
    items = zrange_lex(c, z, *lex, false, 0, -1);
  }
  for (auto& [m, s] : items)
    zdel(c, z, m, s);
  if (!items.empty())
    zsave(c, z);
  if (!c.failed)
    resp::integer(c.out, static_cast<int64_t>(items.size()));
}

enum class aggregate { sum, min, max };

/// ZUNIONSTORE / ZINTERSTORE / ZDIFFSTORE destination numkeys key [key ...]
/// [WEIGHTS w ...] [AGGREGATE SUM|MIN|MAX], and ZUNION / ZINTER / ZDIFF
/// numkeys key [key ...] [...] [WITHSCORES]. Sets count as score 1.
void cmd_zsetop(command& c, set_op op, bool store, bool cardinality = false) {
  size_t numkeys_at = store ? 2 : 1;
  auto keys = numkeys_keys(c, numkeys_at);
  if (!keys)
    return;
  // The sources' types first, as Redis checks them before the options.
  std::vector<std::optional<entry>> sources;
  for (auto k : *keys) {
    auto e = load(c, mkey_of(c, k));
    if (c.failed)
      return;
    if (e && e->type != type_zset && e->type != type_set) {
      resp::error(c.out, wrong_type);
      return;
    }
    sources.push_back(std::move(e));
  }
  std::vector<double> weights(keys->size(), 1.0);
  auto agg = aggregate::sum;
  bool with_scores = false;
  uint64_t limit = 0;  // ZINTERCARD's LIMIT; 0: none
  size_t i = numkeys_at + 1 + keys->size();
  while (i < c.args.size()) {
    auto opt = resp::lower(c.args[i]);
    auto left = c.args.size() - i;
    if (cardinality && opt == "limit" && left >= 2) {
      auto n = resp::parse_int(c.args[i + 1]);
      if (!n || *n < 0) {
        resp::error(c.out, "ERR LIMIT can't be negative");
        return;
      }
      limit = static_cast<uint64_t>(*n);
      i += 2;
    } else if (!cardinality && op != set_op::diff && opt == "weights"
               && left >= keys->size() + 1) {
      for (size_t w = 0; w < keys->size(); ++w) {
        auto v = parse_double(c.args[i + 1 + w]);
        if (!v) {
          resp::error(c.out, "ERR weight value is not a float");
          return;
        }
        weights[w] = *v;
      }
      i += keys->size() + 1;
    } else if (!cardinality && op != set_op::diff && opt == "aggregate" && left >= 2) {
      auto how = resp::lower(c.args[i + 1]);
      if (how == "sum")
        agg = aggregate::sum;
      else if (how == "min")
        agg = aggregate::min;
      else if (how == "max")
        agg = aggregate::max;
      else {
        resp::error(c.out, syntax_error);
        return;
      }
      i += 2;
    } else if (!store && !cardinality && opt == "withscores") {
      with_scores = true;
      ++i;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  auto combine = [&](double a, double b) {
    switch (agg) {
      case aggregate::sum: {
        double s = a + b;
        return std::isnan(s) ? 0.0 : s;
      }
      case aggregate::min: return std::min(a, b);
      case aggregate::max: return std::max(a, b);
    }
    return a;
  };
  // Each source's members and scores; Redis combines them from the smallest
  // source up (stable for equal sizes), which decides float rounding and
  // where inf - inf (0) arises.
  std::vector<std::map<std::string, double>> members(keys->size());
  for (size_t k = 0; k < keys->size(); ++k) {
    if (auto& e = sources[k]; e && e->type == type_set) {
      for (auto& m : set_members(c, (*keys)[k]))
        members[k].emplace(m, 1.0);
    } else if (e) {
      zset_ref z;
      z.key.assign((*keys)[k]);
      z.e = e;
      z.count = field_count(*e);
      zwalk(c, z, false, std::nullopt, [&](std::string_view m, double s) {
        members[k].emplace(std::string{m}, s);
        return true;
      });
    }
    if (c.failed)
      return;
  }
  std::vector<size_t> order(keys->size());
  for (size_t k = 0; k < order.size(); ++k)
    order[k] = k;
  if (op != set_op::diff)
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return members[a].size() < members[b].size(); });
  auto weighted = [&](size_t k, double s) { return s * weights[k]; };
  auto sane = [](double s) { return std::isnan(s) ? 0.0 : s; };
  std::map<std::string, double> acc;
  if (op == set_op::inter) {
    auto first = order[0];
    for (auto& [m, s] : members[first]) {
      double score = sane(weighted(first, s));
      bool everywhere = true;
      for (size_t j = 1; j < order.size() && everywhere; ++j) {
        auto it = members[order[j]].find(m);
        everywhere = it != members[order[j]].end();
        if (everywhere)
          score = combine(score, weighted(order[j], it->second));
      }
      if (everywhere)
        acc.emplace(m, score);
    }
  } else if (op == set_op::uni) {
    for (auto k : order)
      for (auto& [m, s] : members[k]) {
        auto score = sane(weighted(k, s));
        auto [it, fresh] = acc.emplace(m, score);
        if (!fresh)
          it->second = combine(it->second, score);
      }
  } else {
    for (auto& [m, s] : members[0])
      acc.emplace(m, s);
    for (size_t k = 1; k < members.size(); ++k)
      for (auto& [m, s] : members[k])
        acc.erase(m);
  }
  if (cardinality) {
    auto n = static_cast<uint64_t>(acc.size());
    resp::integer(c.out, static_cast<int64_t>(limit != 0 ? std::min(n, limit) : n));
    return;
  }
  scored items;
  for (auto& [m, s] : acc)
    items.emplace_back(m, s);
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.second < b.second; });
  if (!store) {
    reply_scored(c, items, with_scores);
    return;
  }
  if (!check_key(c, c.args[1], "key"))
    return;
  store_zset(c, c.args[1], items);
  resp::integer(c.out, static_cast<int64_t>(items.size()));
}

// -- SSCAN, HSCAN, ZSCAN -------------------------------------------------------

/// SSCAN / HSCAN / ZSCAN key cursor [MATCH pattern] [COUNT n]. The first
/// step returns every element (cursor 0): SCAN's guarantees hold, as Redis
/// does for its small encodings, at the cost of one large reply for a large
/// collection (COUNT is a hint).
void cmd_element_scan(command& c, char type) {
  auto cursor = c.args[2];
  uint64_t position = 0;
  auto [ptr, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), position);
  if (cursor.empty() || ec != std::errc{} || ptr != cursor.data() + cursor.size()) {
    resp::error(c.out, "ERR invalid cursor");
    return;
  }
  std::string_view pattern;
  for (size_t i = 3; i < c.args.size(); i += 2) {
    auto opt = resp::lower(c.args[i]);
    if (i + 1 >= c.args.size() || (opt != "match" && opt != "count")) {
      resp::error(c.out, syntax_error);
      return;
    }
    if (opt == "match") {
      pattern = c.args[i + 1];
      continue;
    }
    auto n = int_arg(c, c.args[i + 1]);
    if (!n)
      return;
    if (*n < 1) {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type, e))
    return;
  std::vector<std::string> out;
  auto keep = [&](std::string_view name) {
    return pattern.empty() || storage::glob_match(pattern, name);
  };
  if (e && position == 0) {
    auto prefix = storage::kv_field_prefix(c.st.partition, c.args[1]);
    if (type == type_zset) {
      zset_ref z;
      z.key.assign(c.args[1]);
      z.e = e;
      zwalk(c, z, false, std::nullopt, [&](std::string_view m, double s) {
        if (keep(m)) {
          out.emplace_back(m);
          out.push_back(score_text(s));
        }
        return true;
      });
    } else {
      each_field(c, prefix, {}, false, [&](std::string_view k, std::string_view v) {
        auto name = sub_of(k, prefix.size());
        if (keep(name)) {
          out.push_back(std::move(name));
          if (type == type_hash)
            out.emplace_back(v);
        }
        return true;
      });
    }
  }
  if (c.failed)
    return;
  resp::array(c.out, 2);
  resp::bulk(c.out, "0");
  resp::array(c.out, out.size());
  for (auto& item : out)
    resp::bulk(c.out, item);
}

// -- SORT ---------------------------------------------------------------------

/// SORT / SORT_RO key [BY nosort-pattern] [LIMIT offset count] [ASC|DESC]
/// [ALPHA] [STORE destination]. As in Redis Cluster, BY with a pattern (one
/// holding '*') and GET are refused: the keys they name may be anywhere.
void cmd_sort(command& c, bool read_only) {
  bool desc = false, alpha = false, dont_sort = false;
  int64_t offset = 0, count = -1;
  std::optional<std::string_view> store;
  for (size_t j = 2; j < c.args.size(); ++j) {
    auto opt = resp::lower(c.args[j]);
    auto left = c.args.size() - j - 1;
    if (opt == "asc" || opt == "desc") {
      desc = opt == "desc";
    } else if (opt == "alpha") {
      alpha = true;
    } else if (opt == "limit" && left >= 2) {
      if (!limit_args(c, j + 1, offset, count))
        return;
      j += 2;
    } else if (!read_only && opt == "store" && left >= 1) {
      store = c.args[++j];
    } else if (opt == "by" && left >= 1) {
      if (c.args[++j].find('*') != std::string_view::npos) {
        resp::error(c.out, "ERR BY option of SORT denied in Cluster mode.");
        return;
      }
      dont_sort = true;
    } else if (opt == "get" && left >= 1) {
      resp::error(c.out, "ERR GET option of SORT denied in Cluster mode.");
      return;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  auto e = load(c, mkey_of(c, c.args[1]));
  if (c.failed)
    return;
  char type = e ? e->type : type_list;
  if (type != type_list && type != type_set && type != type_zset) {
    resp::error(c.out, wrong_type);
    return;
  }
  // A set has no order of its own: stored, it is sorted as text.
  if (dont_sort && type == type_set && store) {
    dont_sort = false;
    alpha = true;
  }
  std::vector<std::string> items;
  if (type == type_list) {
    list_ref l;
    if (!open_list(c, c.args[1], l))
      return;
    if (l.count > 0)
      items = list_values(c, l, 0, l.count - 1);
  } else if (type == type_set) {
    auto members = set_members(c, c.args[1]);
    items.assign(members.begin(), members.end());
  } else {
    zset_ref z;
    if (!open_zset(c, c.args[1], z))
      return;
    zwalk(c, z, false, std::nullopt, [&](std::string_view member, double) {
      items.emplace_back(member);
      return true;
    });
  }
  auto n = static_cast<int64_t>(items.size());
  int64_t start = std::min(std::max<int64_t>(offset, 0), n);
  count = std::min(std::max<int64_t>(count, -1), n);
  int64_t end = count < 0 ? n - 1 : start + count - 1;
  if (start >= n) {
    start = n - 1;
    end = n - 2;
  }
  end = std::min(end, n - 1);
  if (dont_sort) {
    if (desc && type != type_set)
      std::reverse(items.begin(), items.end());
  } else if (alpha) {
    std::sort(items.begin(), items.end());
    if (desc)
      std::reverse(items.begin(), items.end());
  } else {
    // Numbers as strtod reads them (the whole text); equal ones by text.
    std::vector<std::pair<double, std::string>> scored;
    for (auto& item : items) {
      char* stop = nullptr;
      errno = 0;
      double v = std::strtod(item.c_str(), &stop);
      if (*stop != '\0' || errno == ERANGE || std::isnan(v)) {
        resp::error(c.out, "ERR One or more scores can't be converted into double");
        return;
      }
      scored.emplace_back(v, std::move(item));
    }
    std::sort(scored.begin(), scored.end());
    if (desc)
      std::reverse(scored.begin(), scored.end());
    items.clear();
    for (auto& [v, item] : scored)
      items.push_back(std::move(item));
  }
  std::vector<std::string> out;
  for (int64_t j = start; j <= end; ++j)
    out.push_back(std::move(items[static_cast<size_t>(j)]));
  if (!store) {
    resp::array(c.out, out.size());
    for (auto& item : out)
      resp::bulk(c.out, item);
    return;
  }
  if (!check_key(c, *store, "key"))
    return;
  auto mkey = mkey_of(c, *store);
  if (auto old = load(c, mkey))
    remove_key(c, *store, mkey, *old);
  list_ref l;
  l.key.assign(*store);
  l.mkey = mkey;
  for (auto& item : out)
    list_push(c, l, false, item);
  list_save(c, l);
  resp::integer(c.out, static_cast<int64_t>(out.size()));
}

} // namespace

std::string u64_bytes(uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[static_cast<size_t>(i)] = static_cast<char>(v & 0xFF);
    v >>= 8;
  }
  return out;
}

uint64_t u64_of(std::string_view bytes) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8 && i < bytes.size(); ++i)
    v = (v << 8) | static_cast<uint8_t>(bytes[i]);
  return v;
}

std::string score_text(double score) {
  std::string out;
  resp::dbl(out, score, false);  // "$n\r\ntext\r\n"
  auto start = out.find("\r\n") + 2;
  return out.substr(start, out.size() - start - 2);
}

std::optional<int64_t> int_arg(command& c, std::string_view text) {
  auto n = resp::parse_int(text);
  if (!n)
    resp::error(c.out, not_integer);
  return n;
}

bool check_timeout(command& c, std::string_view text) {
  auto v = parse_double(text);
  if (!v || std::isinf(*v)) {
    resp::error(c.out, "ERR timeout is not a float or out of range");
    return false;
  }
  if (*v < 0) {
    resp::error(c.out, "ERR timeout is negative");
    return false;
  }
  return true;
}

bool waits_past(command& c, std::string_view key, char type) {
  if (!c.rerun)
    return false;
  auto e = load(c, mkey_of(c, key));
  return e && e->type != type;
}

void add_collection_handlers(handler_table& t) {
  t.emplace("sort", [](command& c) { cmd_sort(c, false); });
  t.emplace("sort_ro", [](command& c) { cmd_sort(c, true); });
  t.emplace("sscan", [](command& c) { cmd_element_scan(c, type_set); });
  t.emplace("hscan", [](command& c) { cmd_element_scan(c, type_hash); });
  t.emplace("zscan", [](command& c) { cmd_element_scan(c, type_zset); });
  // lists
  t.emplace("lpush", [](command& c) { cmd_push(c, true, false); });
  t.emplace("rpush", [](command& c) { cmd_push(c, false, false); });
  t.emplace("lpushx", [](command& c) { cmd_push(c, true, true); });
  t.emplace("rpushx", [](command& c) { cmd_push(c, false, true); });
  t.emplace("lpop", [](command& c) { cmd_pop(c, true); });
  t.emplace("rpop", [](command& c) { cmd_pop(c, false); });
  t.emplace("llen", cmd_llen);
  t.emplace("lrange", cmd_lrange);
  t.emplace("lindex", cmd_lindex);
  t.emplace("lset", cmd_lset);
  t.emplace("ltrim", cmd_ltrim);
  t.emplace("lrem", cmd_lrem);
  t.emplace("linsert", cmd_linsert);
  t.emplace("lpos", cmd_lpos);
  t.emplace("lmove", [](command& c) { lmove(c, c.args[3], c.args[4]); });
  t.emplace("rpoplpush", [](command& c) { lmove(c, "right", "left"); });
  t.emplace("lmpop", [](command& c) { cmd_lmpop(c, false); });
  t.emplace("blmpop", [](command& c) { cmd_lmpop(c, true); });
  t.emplace("blpop", [](command& c) { cmd_blpop(c, true); });
  t.emplace("brpop", [](command& c) { cmd_blpop(c, false); });
  t.emplace("blmove", [](command& c) { cmd_blmove(c, c.args[3], c.args[4]); });
  t.emplace("brpoplpush", [](command& c) { cmd_blmove(c, "right", "left"); });
  // sets
  t.emplace("sadd", cmd_sadd);
  t.emplace("srem", cmd_srem);
  t.emplace("smembers", cmd_smembers);
  t.emplace("sismember", [](command& c) { cmd_sismember(c, false); });
  t.emplace("smismember", [](command& c) { cmd_sismember(c, true); });
  t.emplace("scard", cmd_scard);
  t.emplace("smove", cmd_smove);
  t.emplace("spop", [](command& c) { cmd_srandom(c, true); });
  t.emplace("srandmember", [](command& c) { cmd_srandom(c, false); });
  t.emplace("sinter", [](command& c) { cmd_setop(c, set_op::inter, false); });
  t.emplace("sunion", [](command& c) { cmd_setop(c, set_op::uni, false); });
  t.emplace("sdiff", [](command& c) { cmd_setop(c, set_op::diff, false); });
  t.emplace("sinterstore", [](command& c) { cmd_setop(c, set_op::inter, true); });
  t.emplace("sunionstore", [](command& c) { cmd_setop(c, set_op::uni, true); });
  t.emplace("sdiffstore", [](command& c) { cmd_setop(c, set_op::diff, true); });
  t.emplace("sintercard", cmd_sintercard);
  // sorted sets
  t.emplace("zadd", [](command& c) { cmd_zadd(c, false); });
  t.emplace("zincrby", [](command& c) { cmd_zadd(c, true); });
  t.emplace("zrem", cmd_zrem);
  t.emplace("zscore", cmd_zscore);
  t.emplace("zmscore", cmd_zmscore);
  t.emplace("zcard", cmd_zcard);
  t.emplace("zrandmember", cmd_zrandmember);
  t.emplace("hrandfield", cmd_hrandfield);
  t.emplace("zcount", [](command& c) { cmd_zcount(c, false); });
  t.emplace("zlexcount", [](command& c) { cmd_zcount(c, true); });
  t.emplace("zrange", [](command& c) { cmd_zrange(c, range_by::unset, false); });
  t.emplace("zrevrange", [](command& c) { cmd_zrange(c, range_by::rank, true); });
  t.emplace("zrangebyscore", [](command& c) { cmd_zrange(c, range_by::score, false); });
  t.emplace("zrevrangebyscore", [](command& c) { cmd_zrange(c, range_by::score, true); });
  t.emplace("zrangebylex", [](command& c) { cmd_zrange(c, range_by::lex, false); });
  t.emplace("zrevrangebylex", [](command& c) { cmd_zrange(c, range_by::lex, true); });
  t.emplace("zrangestore", [](command& c) { cmd_zrange(c, range_by::unset, false, true); });
  t.emplace("zrank", [](command& c) { cmd_zrank(c, false); });
  t.emplace("zrevrank", [](command& c) { cmd_zrank(c, true); });
  t.emplace("zpopmin", [](command& c) { cmd_zpop(c, false); });
  t.emplace("zpopmax", [](command& c) { cmd_zpop(c, true); });
  t.emplace("zmpop", [](command& c) { cmd_zmpop(c, false); });
  t.emplace("bzmpop", [](command& c) { cmd_zmpop(c, true); });
  t.emplace("bzpopmin", [](command& c) { cmd_bzpop(c, false); });
  t.emplace("bzpopmax", [](command& c) { cmd_bzpop(c, true); });
  t.emplace("zremrangebyrank", [](command& c) { cmd_zremrange(c, range_by::rank); });
  t.emplace("zremrangebyscore", [](command& c) { cmd_zremrange(c, range_by::score); });
  t.emplace("zremrangebylex", [](command& c) { cmd_zremrange(c, range_by::lex); });
  t.emplace("zunionstore", [](command& c) { cmd_zsetop(c, set_op::uni, true); });
  t.emplace("zinterstore", [](command& c) { cmd_zsetop(c, set_op::inter, true); });
  t.emplace("zintercard", [](command& c) { cmd_zsetop(c, set_op::inter, false, true); });
  t.emplace("zdiffstore", [](command& c) { cmd_zsetop(c, set_op::diff, true); });
  t.emplace("zunion", [](command& c) { cmd_zsetop(c, set_op::uni, false); });
  t.emplace("zinter", [](command& c) { cmd_zsetop(c, set_op::inter, false); });
  t.emplace("zdiff", [](command& c) { cmd_zsetop(c, set_op::diff, false); });
}

} // namespace troupe::actors::kv
