#include "protocol/rdb.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <set>
#include <span>

namespace troupe::protocol::rdb {

namespace {

// RDB object types (Redis's rdb.h).
enum : uint8_t {
  type_string = 0,
  type_list = 1,
  type_set = 2,
  type_zset = 3,
  type_hash = 4,
  type_zset_2 = 5,
  type_list_ziplist = 10,
  type_set_intset = 11,
  type_zset_ziplist = 12,
  type_hash_ziplist = 13,
  type_list_quicklist = 14,
  type_stream_listpacks = 15,
  type_hash_listpack = 16,
  type_zset_listpack = 17,
  type_list_quicklist_2 = 18,
  type_stream_listpacks_2 = 19,
  type_set_listpack = 20,
  type_stream_listpacks_3 = 21,
};

/// The newest RDB version RESTORE reads (Redis 7.2's; its encodings are
/// all known here).
constexpr uint16_t newest_readable = 11;

const char* const bad_format = "ERR Bad data format";

/// Thrown by the readers on anything malformed; restore() answers it.
struct malformed {};
/// Thrown for a string longer than the reader's bound.
struct too_long {};

void need(bool ok) {
  if (!ok)
    throw malformed{};
}

uint64_t read_le(std::string_view b, size_t at, size_t n) {
  need(at + n <= b.size());
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i)
    v |= uint64_t{static_cast<uint8_t>(b[at + i])} << (8 * i);
  return v;
}

uint64_t read_be(std::string_view b, size_t at, size_t n) {
  need(at + n <= b.size());
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i)
    v = (v << 8) | static_cast<uint8_t>(b[at + i]);
  return v;
}

/// A little-endian two's complement integer of `n` bytes, sign-extended.
int64_t read_signed(std::string_view b, size_t at, size_t n) {
  auto v = read_le(b, at, n);
  if (n < 8 && (v >> (8 * n - 1)) != 0)
    v |= ~uint64_t{0} << (8 * n);
  return static_cast<int64_t>(v);
}

std::string lzf_decompress(std::string_view in, uint64_t size) {
  std::string out;
  size_t ip = 0;
  while (ip < in.size()) {
    unsigned ctrl = static_cast<uint8_t>(in[ip++]);
    if (ctrl < 32) {  // a literal run
      size_t len = ctrl + 1;
      need(ip + len <= in.size() && out.size() + len <= size);
      out.append(in.substr(ip, len));
      ip += len;
      continue;
    }
    size_t len = ctrl >> 5;  // a back reference
    if (len == 7) {
      need(ip < in.size());
      len += static_cast<uint8_t>(in[ip++]);
    }
    need(ip < in.size());
    size_t back = ((ctrl & 0x1fu) << 8) + static_cast<uint8_t>(in[ip++]) + 1;
    len += 2;
    need(back <= out.size() && out.size() + len <= size);
    size_t from = out.size() - back;
    for (size_t i = 0; i < len; ++i)
      out.push_back(out[from + i]);
  }
  need(out.size() == size);
  return out;
}

/// Reads an RDB object.
class reader {
public:
  reader(std::string_view b, uint64_t max_string) : b_(b), max_string_(max_string) {}

  uint8_t byte() {
    need(at_ < b_.size());
    return static_cast<uint8_t>(b_[at_++]);
  }

  std::string_view take(uint64_t n) {
    need(n <= b_.size() - at_);
    auto s = b_.substr(at_, n);
    at_ += n;
    return s;
  }

  /// A length; `encoded` says it is a special string encoding instead.
  uint64_t length(bool* encoded = nullptr) {
    auto first = byte();
    if (encoded != nullptr)
      *encoded = false;
    switch (first >> 6) {
      case 0:
        return first & 0x3f;
      case 1:
        return (uint64_t{first & 0x3fu} << 8) | byte();
      case 3:
        need(encoded != nullptr);
        *encoded = true;
        return first & 0x3f;
      default:
        break;
    }
    if (first == 0x80)
      return read_be(take(4), 0, 4);
    need(first == 0x81);
    return read_be(take(8), 0, 8);
  }

  std::string string() {
    bool encoded = false;
    auto n = length(&encoded);
    if (!encoded) {
      if (n > max_string_)
        throw too_long{};
      return std::string{take(n)};
    }
    switch (n) {
      case 0:
        return std::to_string(read_signed(take(1), 0, 1));
      case 1:
        return std::to_string(read_signed(take(2), 0, 2));
      case 2:
        return std::to_string(read_signed(take(4), 0, 4));
      case 3: {
        auto compressed = length();
        auto size = length();
        if (size > max_string_)
          throw too_long{};
        return lzf_decompress(take(compressed), size);
      }
      default:
        throw malformed{};
    }
  }

  /// Old sorted sets' scores: a length byte, then the number as text.
  double text_double() {
    auto n = byte();
    if (n == 254)
      return INFINITY;
    if (n == 255)
      return -INFINITY;
    need(n != 253);  // NaN is no score
    std::string text{take(n)};
    char* end = nullptr;
    double d = std::strtod(text.c_str(), &end);
    need(!text.empty() && end == text.c_str() + text.size());
    return d;
  }

  double binary_double() {
    auto bits = read_le(take(8), 0, 8);
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }

  bool done() const { return at_ == b_.size(); }

private:
  std::string_view b_;
  size_t at_ = 0;
  uint64_t max_string_;
};

/// The elements of a ziplist (Redis < 7's compact list).
std::vector<std::string> ziplist_entries(std::string_view zl) {
  need(zl.size() >= 11 && read_le(zl, 0, 4) == zl.size());
  std::vector<std::string> out;
  size_t pos = 10;
  for (;;) {
    need(pos < zl.size());
    auto prev = static_cast<uint8_t>(zl[pos]);
    if (prev == 0xff)
      break;
    pos += prev < 254 ? 1 : 5;
    need(pos < zl.size());
    auto enc = static_cast<uint8_t>(zl[pos]);
    uint64_t len = 0;
    switch (enc >> 6) {
      case 0:
        len = enc & 0x3f;
        pos += 1;
        break;
      case 1:
        len = read_be(zl, pos, 2) & 0x3fff;
        pos += 2;
        break;
      case 2:
        need(enc == 0x80);
        len = read_be(zl, pos + 1, 4);
        pos += 5;
        break;
      default: {
        size_t n = 0;
        if (enc == 0xc0)
          n = 2;
        else if (enc == 0xd0)
          n = 4;
        else if (enc == 0xe0)
          n = 8;
        else if (enc == 0xf0)
          n = 3;
        else if (enc == 0xfe)
          n = 1;
        if (n == 0) {  // 0xf1..0xfd: 0 to 12 in the encoding itself
          need(enc >= 0xf1 && enc <= 0xfd);
          out.push_back(std::to_string((enc & 0x0f) - 1));
          pos += 1;
        } else {
          out.push_back(std::to_string(read_signed(zl, pos + 1, n)));
          pos += 1 + n;
        }
        continue;
      }
    }
    need(len <= zl.size() - std::min(pos, zl.size()));
    out.emplace_back(zl.substr(pos, len));
    pos += len;
  }
  need(pos == zl.size() - 1);
  return out;
}

/// The elements of a listpack (Redis 7's compact list).
std::vector<std::string> listpack_entries(std::string_view lp) {
  need(lp.size() >= 7 && read_le(lp, 0, 4) == lp.size());
  std::vector<std::string> out;
  size_t pos = 6;
  for (;;) {
    need(pos < lp.size());
    auto enc = static_cast<uint8_t>(lp[pos]);
    if (enc == 0xff)
      break;
    uint64_t entry = 0;  // encoding and data, without the back length
    if ((enc & 0x80) == 0) {
      out.push_back(std::to_string(enc & 0x7f));
      entry = 1;
    } else if ((enc & 0xc0) == 0x80) {
      entry = 1 + (enc & 0x3fu);
      need(pos + entry <= lp.size());
      out.emplace_back(lp.substr(pos + 1, entry - 1));
    } else if ((enc & 0xe0) == 0xc0) {
      auto v = static_cast<int64_t>(read_be(lp, pos, 2) & 0x1fff);
      out.push_back(std::to_string(v >= 4096 ? v - 8192 : v));
      entry = 2;
    } else if ((enc & 0xf0) == 0xe0) {
      auto len = read_be(lp, pos, 2) & 0x0fff;
      entry = 2 + len;
      need(pos + entry <= lp.size());
      out.emplace_back(lp.substr(pos + 2, len));
    } else if (enc == 0xf0) {
      auto len = read_le(lp, pos + 1, 4);
      need(len <= lp.size());
      entry = 5 + len;
      need(pos + entry <= lp.size());
      out.emplace_back(lp.substr(pos + 5, len));
    } else {
      size_t n = enc == 0xf1 ? 2 : enc == 0xf2 ? 3 : enc == 0xf3 ? 4 : enc == 0xf4 ? 8 : 0;
      need(n != 0);
      out.push_back(std::to_string(read_signed(lp, pos + 1, n)));
      entry = 1 + n;
    }
    size_t back = entry <= 127 ? 1 : entry < 16383 ? 2 : entry < 2097151 ? 3 : entry < 268435455 ? 4 : 5;
    pos += entry + back;
  }
  need(pos == lp.size() - 1);
  return out;
}

std::vector<std::string> intset_entries(std::string_view is) {
  auto width = read_le(is, 0, 4);
  auto count = read_le(is, 4, 4);
  need((width == 2 || width == 4 || width == 8) && is.size() == 8 + width * count);
  std::vector<std::string> out;
  for (uint64_t i = 0; i < count; ++i)
    out.push_back(std::to_string(read_signed(is, 8 + i * width, width)));
  return out;
}

double score_of(const std::string& text) {
  char* end = nullptr;
  double d = std::strtod(text.c_str(), &end);
  need(!text.empty() && end == text.c_str() + text.size() && !std::isnan(d));
  return d;
}

/// Pairs up a flat list (field, value, field, value ...).
template <class F>
void pairs(const std::vector<std::string>& flat, F add) {
  need(flat.size() % 2 == 0);
  for (size_t i = 0; i < flat.size(); i += 2)
    add(flat[i], flat[i + 1]);
}

// -- streams --------------------------------------------------------------------

/// A decimal integer a listpack held (listpack_entries gives them as text).
uint64_t lp_number(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  auto v = std::strtoull(text.c_str(), &end, 10);
  need(!text.empty() && text[0] != '-' && errno == 0 && end == text.c_str() + text.size());
  return v;
}

int64_t lp_signed(const std::string& text) {
  char* end = nullptr;
  errno = 0;
  auto v = std::strtoll(text.c_str(), &end, 10);
  need(!text.empty() && errno == 0 && end == text.c_str() + text.size());
  return v;
}

stream_id raw_id(std::string_view raw) {
  need(raw.size() == 16);
  return {read_be(raw, 0, 8), read_be(raw, 8, 8)};
}

/// The entries of one stream node: a listpack whose first elements are the
/// master entry (count, deleted, the master fields, 0), then per entry its
/// flags, ID offsets from the node's master ID, its fields (or only values,
/// when it has the master's fields) and its element count.
void read_stream_node(stream_id master, std::string_view lp, stream_value& s) {
  auto e = listpack_entries(lp);
  size_t at = 0;
  auto next = [&]() -> const std::string& {
    need(at < e.size());
    return e[at++];
  };
  auto live = lp_number(next());
  auto deleted = lp_number(next());
  auto master_fields = lp_number(next());
  need(master_fields <= e.size());
  std::vector<std::string> fields;
  for (uint64_t i = 0; i < master_fields; ++i)
    fields.push_back(next());
  need(lp_number(next()) == 0);
  constexpr uint64_t flag_deleted = 1, flag_same_fields = 2;
  uint64_t seen_live = 0, seen_deleted = 0;
  while (at < e.size()) {
    auto flags = lp_number(next());
    // Offsets from the master ID, signed (a later ms may have a smaller
    // seq); added as Redis does, modulo 2^64.
    auto ms = static_cast<uint64_t>(lp_signed(next()));
    auto seq = static_cast<uint64_t>(lp_signed(next()));
    std::vector<std::pair<std::string, std::string>> entry;
    if ((flags & flag_same_fields) != 0) {
      for (auto& f : fields)
        entry.emplace_back(f, next());
    } else {
      auto n = lp_number(next());
      need(n <= e.size());
      for (uint64_t i = 0; i < n; ++i) {
        auto& f = next();
        entry.emplace_back(f, next());
      }
    }
    lp_number(next());  // the entry's element count, for walking backwards
    stream_id id{master.ms + ms, master.seq + seq};
    if ((flags & flag_deleted) != 0) {
      ++seen_deleted;
      continue;
    }
    ++seen_live;
    need(!entry.empty() && (s.entries.empty() || s.entries.back().first < id));
    s.entries.emplace_back(id, std::move(entry));
  }
  need(seen_live == live && seen_deleted == deleted);
}

/// Redis's estimate of how many entries a group that has read up to `id`
/// has read, for a stream saved before Redis 7 kept the count; nullopt
/// when it cannot tell.
std::optional<uint64_t> estimated_reads(const stream_value& s, stream_id id) {
  if (s.entries_added == 0)
    return 0;
  if (s.entries.empty() && id <= s.last)
    return s.entries_added;
  if (id == s.last)
    return s.entries_added;
  if (id > s.last)
    return std::nullopt;
  auto first = s.entries.empty() ? stream_id{} : s.entries.front().first;
  if (s.max_deleted == stream_id{} || s.max_deleted < first) {
    if (id < first)
      return s.entries_added - s.entries.size();
    if (id == first)
      return s.entries_added - s.entries.size() + 1;
  }
  return std::nullopt;
}

/// A stream (RDB types 15, 19 and 21: Redis 5 to 6.2, 7.0, 7.2).
value read_stream(reader& r, uint8_t type) {
  constexpr uint8_t v1 = 15, v3 = 21;
  value v;
  v.type = value::kind::stream;
  auto& s = v.stream;
  auto nodes = r.length();
  for (uint64_t i = 0; i < nodes; ++i) {
    auto master = raw_id(r.string());
    auto lp = r.string();
    read_stream_node(master, lp, s);
  }
  auto length = r.length();
  need(length == s.entries.size());
  s.last = {r.length(), r.length()};
  need(s.entries.empty() || s.entries.back().first <= s.last);
  if (type != v1) {
    r.length();  // the first ID: the first live entry's, read off the entries
    r.length();
    s.max_deleted = {r.length(), r.length()};
    s.entries_added = r.length();
  } else {
    s.entries_added = length;  // as Redis 7 loads an older stream
  }
  need(s.max_deleted <= s.last && s.entries_added >= length);
  auto groups = r.length();
  for (uint64_t g = 0; g < groups; ++g) {
    stream_group group;
    group.name = r.string();
    group.last = {r.length(), r.length()};
    if (type != v1) {
      auto reads = static_cast<int64_t>(r.length());  // -1: unknown
      if (reads >= 0)
        group.entries_read = static_cast<uint64_t>(reads);
    } else {
      group.entries_read = estimated_reads(s, group.last);
    }
    auto pending = r.length();
    for (uint64_t p = 0; p < pending; ++p) {
      stream_pending entry;
      entry.id = raw_id(r.take(16));
      entry.delivery_time = static_cast<int64_t>(read_le(r.take(8), 0, 8));
      entry.delivery_count = r.length();
      group.pending.push_back(std::move(entry));
    }
    auto consumers = r.length();
    for (uint64_t c = 0; c < consumers; ++c) {
      stream_consumer consumer;
      consumer.name = r.string();
      consumer.seen_time = static_cast<int64_t>(read_le(r.take(8), 0, 8));
      if (type == v3)
        r.take(8);  // the active time: not kept here
      auto owned = r.length();
      for (uint64_t o = 0; o < owned; ++o) {
        auto id = raw_id(r.take(16));
        auto it = std::find_if(group.pending.begin(), group.pending.end(),
                               [&](const stream_pending& p) { return p.id == id; });
        need(it != group.pending.end() && it->consumer.empty());
        it->consumer = consumer.name;
      }
      group.consumers.push_back(std::move(consumer));
    }
    for (auto& p : group.pending)
      need(!p.consumer.empty());  // every pending entry has its consumer
    s.groups.push_back(std::move(group));
  }
  return v;
}

value read_object(reader& r) {
  value v;
  auto type = r.byte();
  switch (type) {
    case type_string:
      v.text = r.string();
      return v;
    case type_list:
    case type_set: {
      v.type = type == type_list ? value::kind::list : value::kind::set;
      auto n = r.length();
      for (uint64_t i = 0; i < n; ++i)
        v.items.push_back(r.string());
      return v;
    }
    case type_zset:
    case type_zset_2: {
      v.type = value::kind::zset;
      auto n = r.length();
      for (uint64_t i = 0; i < n; ++i) {
        auto member = r.string();
        double score = type == type_zset ? r.text_double() : r.binary_double();
        need(!std::isnan(score));
        v.scored.emplace_back(std::move(member), score);
      }
      return v;
    }
    case type_hash: {
      v.type = value::kind::hash;
      auto n = r.length();
      for (uint64_t i = 0; i < n; ++i) {
        auto field = r.string();
        v.fields.emplace_back(std::move(field), r.string());
      }
      return v;
    }
    case type_list_ziplist:
      v.type = value::kind::list;
      v.items = ziplist_entries(r.string());
      return v;
    case type_set_intset:
    case type_set_listpack:
      v.type = value::kind::set;
      v.items = type == type_set_intset ? intset_entries(r.string()) : listpack_entries(r.string());
      return v;
    case type_zset_ziplist:
    case type_zset_listpack:
      v.type = value::kind::zset;
      pairs(type == type_zset_ziplist ? ziplist_entries(r.string()) : listpack_entries(r.string()),
            [&](const std::string& m, const std::string& s) { v.scored.emplace_back(m, score_of(s)); });
      return v;
    case type_hash_ziplist:
    case type_hash_listpack:
      v.type = value::kind::hash;
      pairs(type == type_hash_ziplist ? ziplist_entries(r.string()) : listpack_entries(r.string()),
            [&](const std::string& f, const std::string& x) { v.fields.emplace_back(f, x); });
      return v;
    case type_list_quicklist:
    case type_list_quicklist_2: {
      v.type = value::kind::list;
      auto nodes = r.length();
      for (uint64_t i = 0; i < nodes; ++i) {
        uint64_t container = type == type_list_quicklist ? 2 : r.length();
        auto blob = r.string();
        if (container == 1) {  // a plain node: one large element
          v.items.push_back(std::move(blob));
          continue;
        }
        need(container == 2);
        auto part = type == type_list_quicklist ? ziplist_entries(blob) : listpack_entries(blob);
        need(!part.empty());
        v.items.insert(v.items.end(), std::make_move_iterator(part.begin()),
                       std::make_move_iterator(part.end()));
      }
      return v;
    }
    case type_stream_listpacks:
    case type_stream_listpacks_2:
    case type_stream_listpacks_3:
      return read_stream(r, type);
    default:
      throw malformed{};
  }
}

/// Refuses what Redis would not load: empty collections, repeated set
/// members, hash fields or sorted-set members.
void check_value(const value& v) {
  auto unique = [](auto first, auto last, auto key) {
    std::set<std::string_view> seen;
    for (auto i = first; i != last; ++i)
      need(seen.insert(key(*i)).second);
  };
  switch (v.type) {
    case value::kind::string:
      return;
    case value::kind::list:
      need(!v.items.empty());
      return;
    case value::kind::set:
      need(!v.items.empty());
      unique(v.items.begin(), v.items.end(), [](const std::string& s) -> std::string_view { return s; });
      return;
    case value::kind::zset:
      need(!v.scored.empty());
      unique(v.scored.begin(), v.scored.end(),
             [](const auto& p) -> std::string_view { return p.first; });
      return;
    case value::kind::hash:
      need(!v.fields.empty());
      unique(v.fields.begin(), v.fields.end(),
             [](const auto& p) -> std::string_view { return p.first; });
      return;
    case value::kind::stream:
      unique(v.stream.groups.begin(), v.stream.groups.end(),
             [](const stream_group& g) -> std::string_view { return g.name; });
      return;
  }
}

void put_length(std::string& out, uint64_t n) {
  if (n < 64) {
    out.push_back(static_cast<char>(n));
  } else if (n < 16384) {
    out.push_back(static_cast<char>(0x40 | (n >> 8)));
    out.push_back(static_cast<char>(n & 0xff));
  } else {
    bool wide = n > 0xffffffffu;
    out.push_back(static_cast<char>(wide ? 0x81 : 0x80));
    for (int shift = wide ? 56 : 24; shift >= 0; shift -= 8)
      out.push_back(static_cast<char>((n >> shift) & 0xff));
  }
}

void put_string(std::string& out, std::string_view s) {
  put_length(out, s.size());
  out.append(s);
}

void put_le(std::string& out, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

} // namespace

uint64_t crc64(uint64_t crc, std::string_view bytes) {
  static const auto table = [] {
    std::array<uint64_t, 256> t{};
    for (uint64_t i = 0; i < 256; ++i) {
      uint64_t c = i;
      for (int k = 0; k < 8; ++k)
        c = (c & 1) != 0 ? (c >> 1) ^ 0x95ac9329ac4bc9b5ull : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  for (unsigned char b : bytes)
    crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
  return crc;
}

namespace {

/// Builds a listpack (Redis 7's compact list): integers in their shortest
/// encoding, strings as strings.
class listpack_writer {
public:
  void integer(int64_t v) {
    std::string e;
    auto u = static_cast<uint64_t>(v);
    if (v >= 0 && v <= 127) {
      e.push_back(static_cast<char>(v));
    } else if (v >= -4096 && v <= 4095) {
      e.push_back(static_cast<char>(0xc0 | ((u >> 8) & 0x1f)));
      e.push_back(static_cast<char>(u & 0xff));
    } else {
      size_t n = v >= INT16_MIN && v <= INT16_MAX     ? 2
                 : v >= -(1 << 23) && v < (1 << 23)   ? 3
                 : v >= INT32_MIN && v <= INT32_MAX   ? 4
                                                      : 8;
      e.push_back(static_cast<char>(n == 2 ? 0xf1 : n == 3 ? 0xf2 : n == 4 ? 0xf3 : 0xf4));
      put_le(e, u, n);
    }
    add(e);
  }

  void string(std::string_view s) {
    std::string e;
    if (s.size() < 64) {
      e.push_back(static_cast<char>(0x80 | s.size()));
    } else if (s.size() < 4096) {
      e.push_back(static_cast<char>(0xe0 | (s.size() >> 8)));
      e.push_back(static_cast<char>(s.size() & 0xff));
    } else {
      e.push_back(static_cast<char>(0xf0));
      put_le(e, s.size(), 4);
    }
    e.append(s);
    add(e);
  }

  std::string finish() const {
    std::string out;
    put_le(out, 6 + body_.size() + 1, 4);
    put_le(out, std::min<uint64_t>(count_, 65535), 2);
    out += body_;
    out.push_back(static_cast<char>(0xff));
    return out;
  }

private:
  /// An element, then its length again for walking backwards: 7 bits a
  /// byte, the most significant first, every byte but the first flagged.
  void add(const std::string& e) {
    body_ += e;
    uint64_t l = e.size();
    size_t n = l <= 127 ? 1 : l < 16383 ? 2 : l < 2097151 ? 3 : l < 268435455 ? 4 : 5;
    for (size_t i = 0; i < n; ++i)
      body_.push_back(static_cast<char>(((l >> (7 * (n - 1 - i))) & 127) | (i == 0 ? 0 : 128)));
    ++count_;
  }

  std::string body_;
  uint64_t count_ = 0;
};

void put_id(std::string& out, stream_id id) {
  for (uint64_t part : {id.ms, id.seq})
    for (int shift = 56; shift >= 0; shift -= 8)
      out.push_back(static_cast<char>((part >> shift) & 0xff));
}

/// One stream node of `entries` (not empty): the first entry's ID and
/// fields are the node's master ID and fields; an entry with the same
/// fields carries only its values.
std::string stream_node(std::span<const stream_entry> entries) {
  constexpr int64_t flag_same_fields = 2;
  auto& [master, master_fields] = entries.front();
  listpack_writer lp;
  lp.integer(static_cast<int64_t>(entries.size()));
  lp.integer(0);  // deleted
  lp.integer(static_cast<int64_t>(master_fields.size()));
  for (auto& f : master_fields)
    lp.string(f.first);
  lp.integer(0);
  for (auto& [id, fields] : entries) {
    bool same = fields.size() == master_fields.size()
                && std::equal(fields.begin(), fields.end(), master_fields.begin(),
                              [](auto& a, auto& b) { return a.first == b.first; });
    lp.integer(same ? flag_same_fields : 0);
    lp.integer(static_cast<int64_t>(id.ms - master.ms));
    lp.integer(static_cast<int64_t>(id.seq - master.seq));
    if (!same)
      lp.integer(static_cast<int64_t>(fields.size()));
    for (auto& [f, x] : fields) {
      if (!same)
        lp.string(f);
      lp.string(x);
    }
    lp.integer(static_cast<int64_t>(fields.size() * (same ? 1 : 2) + (same ? 3 : 4)));
  }
  return lp.finish();
}

/// A stream as Redis 7.0 writes one (RDB type 19).
void put_stream(std::string& out, const stream_value& s) {
  constexpr size_t node_entries = 100;
  std::span<const stream_entry> all{s.entries};
  put_length(out, (all.size() + node_entries - 1) / node_entries);
  for (size_t at = 0; at < all.size(); at += node_entries) {
    auto node = all.subspan(at, std::min(node_entries, all.size() - at));
    std::string master;
    put_id(master, node.front().first);
    put_string(out, master);
    put_string(out, stream_node(node));
  }
  auto first = all.empty() ? stream_id{} : all.front().first;
  for (uint64_t n : {uint64_t{all.size()}, s.last.ms, s.last.seq, first.ms, first.seq,
                     s.max_deleted.ms, s.max_deleted.seq, s.entries_added,
                     uint64_t{s.groups.size()}})
    put_length(out, n);
  for (auto& g : s.groups) {
    put_string(out, g.name);
    put_length(out, g.last.ms);
    put_length(out, g.last.seq);
    put_length(out, g.entries_read.value_or(UINT64_MAX));  // -1: unknown
    put_length(out, g.pending.size());
    for (auto& p : g.pending) {
      put_id(out, p.id);
      put_le(out, static_cast<uint64_t>(p.delivery_time), 8);
      put_length(out, p.delivery_count);
    }
    put_length(out, g.consumers.size());
    for (auto& consumer : g.consumers) {
      put_string(out, consumer.name);
      put_le(out, static_cast<uint64_t>(consumer.seen_time), 8);
      auto owned = std::count_if(g.pending.begin(), g.pending.end(),
                                 [&](const stream_pending& p) { return p.consumer == consumer.name; });
      put_length(out, static_cast<uint64_t>(owned));
      for (auto& p : g.pending)
        if (p.consumer == consumer.name)
          put_id(out, p.id);
    }
  }
}

/// Appends the RDB version and the checksum of everything before it.
void seal(std::string& out) {
  put_le(out, version, 2);
  put_le(out, crc64(0, out), 8);
}

/// The object bytes of a sealed payload, or nullopt (with Redis's error)
/// when its version is newer than ours or its checksum is wrong.
std::optional<std::string_view> sealed_body(std::string_view payload, std::string& error) {
  if (payload.size() < 10
      || read_le(payload.substr(payload.size() - 10), 0, 2) > newest_readable
      || read_le(payload.substr(payload.size() - 8), 0, 8)
           != crc64(0, payload.substr(0, payload.size() - 8))) {
    error = "ERR DUMP payload version or checksum are wrong";
    return std::nullopt;
  }
  return payload.substr(0, payload.size() - 10);
}

/// Opcodes of function records (RDB_OPCODE_FUNCTION2, and _FUNCTION of
/// Redis 7.0's release candidates).
constexpr uint8_t opcode_function2 = 245;
constexpr uint8_t opcode_function = 246;

} // namespace

std::string dump(const value& v) {
  std::string out;
  switch (v.type) {
    case value::kind::string:
      out.push_back(static_cast<char>(type_string));
      put_string(out, v.text);
      break;
    case value::kind::list:
    case value::kind::set:
      out.push_back(static_cast<char>(v.type == value::kind::list ? type_list : type_set));
      put_length(out, v.items.size());
      for (auto& item : v.items)
        put_string(out, item);
      break;
    case value::kind::zset:
      out.push_back(static_cast<char>(type_zset_2));
      put_length(out, v.scored.size());
      for (auto& [member, score] : v.scored) {
        put_string(out, member);
        uint64_t bits = 0;
        std::memcpy(&bits, &score, sizeof bits);
        put_le(out, bits, 8);
      }
      break;
    case value::kind::hash:
      out.push_back(static_cast<char>(type_hash));
      put_length(out, v.fields.size());
      for (auto& [field, x] : v.fields) {
        put_string(out, field);
        put_string(out, x);
      }
      break;
    case value::kind::stream:
      out.push_back(static_cast<char>(type_stream_listpacks_2));
      put_stream(out, v.stream);
      break;
  }
  seal(out);
  return out;
}

std::optional<value> restore(std::string_view payload, std::string& error, uint64_t max_string) {
  auto body = sealed_body(payload, error);
  if (!body)
    return std::nullopt;
  try {
    reader r{*body, max_string};
    auto v = read_object(r);
    need(r.done());
    check_value(v);
    return v;
  } catch (const malformed&) {
    error = bad_format;
  } catch (const too_long&) {
    error = "ERR string exceeds maximum allowed size (" + std::to_string(max_string) + " bytes)";
  }
  return std::nullopt;
}

std::string dump_functions(const std::vector<std::string_view>& codes) {
  std::string out;
  for (auto code : codes) {
    out.push_back(static_cast<char>(opcode_function2));
    put_string(out, code);
  }
  seal(out);
  return out;
}

std::optional<std::vector<std::string>> restore_functions(std::string_view payload,
                                                          std::string& error) {
  auto body = sealed_body(payload, error);
  if (!body)
    return std::nullopt;
  std::vector<std::string> codes;
  reader r{*body, uint64_t{512} << 20};
  try {
    while (!r.done()) {
      auto type = r.byte();
      if (type == opcode_function2) {
        codes.push_back(r.string());
      } else if (type == opcode_function) {
        // Redis 7.0 rc1/rc2: name, engine, an optional description, code.
        auto name = r.string();
        auto engine = r.string();
        if (r.length() != 0)
          r.string();
        codes.push_back("#!" + engine + " name=" + name + "\n" + r.string());
      } else {
        error = "ERR given type is not a function";
        return std::nullopt;
      }
    }
  } catch (const malformed&) {
    error = "ERR Failed loading library payload";
    return std::nullopt;
  } catch (const too_long&) {
    error = "ERR Failed loading library payload";
    return std::nullopt;
  }
  return codes;
}

} // namespace troupe::protocol::rdb
