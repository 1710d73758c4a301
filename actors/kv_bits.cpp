// Bit operations on string values (SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP)
// and LCS, with Redis 7.0's semantics, replies and error strings. A string
// is its bytes, the first bit of a byte its most significant one; reading
// past the end reads zeros, and SETBIT grows the string with zero bytes.
#include "actors/kv_keyspace.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

#include "protocol/resp.hpp"

namespace troupe::actors::kv {

namespace resp = protocol::resp;

namespace {

const char* const bad_offset = "ERR bit offset is not an integer or out of range";

/// Redis's getBitOffsetFromArgument: 0 up to 512 MB's worth of bits
/// (proto-max-bulk-len); the value limit still applies to what is stored.
std::optional<uint64_t> offset_in_range(command& c, std::optional<int64_t> v) {
  if (!v || *v < 0 || (*v >> 3) >= (int64_t{512} << 20)) {
    resp::error(c.out, bad_offset);
    return std::nullopt;
  }
  return static_cast<uint64_t>(*v);
}

std::optional<uint64_t> bit_offset(command& c, std::string_view text) {
  return offset_in_range(c, resp::parse_int(text));
}

bool bit_at(std::string_view s, uint64_t bit) {
  auto byte = bit >> 3;
  return byte < s.size() && (static_cast<uint8_t>(s[byte]) >> (7 - (bit & 7))) & 1;
}

/// SETBIT key offset 0|1: the bit's old value.
void cmd_setbit(command& c) {
  auto offset = bit_offset(c, c.args[2]);
  if (!offset)
    return;
  auto on = resp::parse_int(c.args[3]);
  if (!on || (*on & ~int64_t{1})) {
    resp::error(c.out, "ERR bit is not an integer or out of range");
    return;
  }
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  auto byte = *offset >> 3;
  if (!check_key(c, c.args[1], "key") || !check_value(c, byte + 1))
    return;
  std::string text = e ? e->payload : std::string{};
  bool old = bit_at(text, *offset);
  if (!e || old != (*on == 1) || text.size() <= byte) {
    if (text.size() <= byte)
      text.resize(byte + 1, '\0');
    auto mask = static_cast<uint8_t>(1u << (7 - (*offset & 7)));
    auto& b = reinterpret_cast<uint8_t&>(text[byte]);
    b = *on ? (b | mask) : (b & ~mask);
    put_string(c, c.args[1], e, text, true, 0);
  }
  resp::integer(c.out, old ? 1 : 0);
}

void cmd_getbit(command& c) {
  auto offset = bit_offset(c, c.args[2]);
  if (!offset)
    return;
  std::optional<entry> e;
  if (load_typed(c, c.args[1], type_string, e))
    resp::integer(c.out, e && bit_at(e->payload, *offset) ? 1 : 0);
}

/// The bits [from, to] of BITCOUNT's and BITPOS's range arguments (Redis's
/// clamping, in bytes or, with BIT, bits); false when the range is empty.
struct bit_range {
  uint64_t from = 0, to = 0;
};

std::optional<bit_range> clamp_bits(int64_t start, int64_t end, bool in_bits, size_t size) {
  auto total = static_cast<int64_t>(size) * (in_bits ? 8 : 1);
  if (start < 0)
    start += total;
  if (end < 0)
    end += total;
  start = std::max<int64_t>(start, 0);
  end = std::max<int64_t>(end, 0);
  if (end >= total)
    end = total - 1;
  if (start > end)
    return std::nullopt;
  if (in_bits)
    return bit_range{static_cast<uint64_t>(start), static_cast<uint64_t>(end)};
  return bit_range{static_cast<uint64_t>(start) * 8, static_cast<uint64_t>(end) * 8 + 7};
}

/// BYTE or BIT at `at`; nullopt after a syntax error reply.
std::optional<bool> unit_arg(command& c, size_t at) {
  if (c.args.size() <= at)
    return false;
  auto unit = resp::lower(c.args[at]);
  if (unit == "bit" || unit == "byte")
    return unit == "bit";
  resp::error(c.out, syntax_error);
  return std::nullopt;
}

/// BITCOUNT key [start end [BYTE|BIT]]
void cmd_bitcount(command& c) {
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  if (!e) {
    resp::integer(c.out, 0);
    return;
  }
  auto n = c.args.size();
  std::string_view s{e->payload};
  bit_range r{0, s.size() * 8};
  if (n == 4 || n == 5) {
    auto start = int_arg(c, c.args[2]);
    auto end = start ? int_arg(c, c.args[3]) : std::nullopt;
    if (!end)
      return;
    auto in_bits = unit_arg(c, 4);
    if (!in_bits)
      return;
    if (*start < 0 && *end < 0 && *start > *end) {
      resp::integer(c.out, 0);
      return;
    }
    auto clamped = clamp_bits(*start, *end, *in_bits, s.size());
    if (!clamped) {
      resp::integer(c.out, 0);
      return;
    }
    r = *clamped;
  } else if (n != 2) {
    resp::error(c.out, syntax_error);
    return;
  } else if (s.empty()) {
    resp::integer(c.out, 0);
    return;
  } else {
    r.to = s.size() * 8 - 1;
  }
  int64_t count = 0;
  uint64_t bit = r.from;
  for (; bit <= r.to && (bit & 7); ++bit)
    count += bit_at(s, bit);
  for (; bit + 7 <= r.to; bit += 8)
    count += std::popcount(static_cast<uint8_t>(s[bit >> 3]));
  for (; bit <= r.to; ++bit)
    count += bit_at(s, bit);
  resp::integer(c.out, count);
}

/// BITPOS key 0|1 [start [end [BYTE|BIT]]]: the first bit set to the given
/// value, -1 when none; looking for a 0 without an end finds the first bit
/// past the string (it reads as padded with zeros).
void cmd_bitpos(command& c) {
  auto want = int_arg(c, c.args[2]);
  if (!want)
    return;
  if (*want != 0 && *want != 1) {
    resp::error(c.out, "ERR The bit argument must be 1 or 0.");
    return;
  }
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  if (!e) {
    resp::integer(c.out, *want ? -1 : 0);
    return;
  }
  std::string_view s{e->payload};
  auto n = c.args.size();
  if (n > 6) {
    resp::error(c.out, syntax_error);
    return;
  }
  bool end_given = n >= 5;
  std::optional<bit_range> r;
  if (n >= 4) {
    auto in_bits = unit_arg(c, 5);
    if (!in_bits)
      return;
    auto start = int_arg(c, c.args[3]);
    if (!start)
      return;
    std::optional<int64_t> end = static_cast<int64_t>(s.size()) * (*in_bits ? 8 : 1) - 1;
    if (end_given && !(end = int_arg(c, c.args[4])))
      return;
    r = clamp_bits(*start, *end, *in_bits, s.size());
  } else if (!s.empty()) {
    r = bit_range{0, s.size() * 8 - 1};
  }
  if (!r) {
    resp::integer(c.out, -1);
    return;
  }
  uint8_t skip = *want ? 0x00 : 0xFF;  // whole bytes holding no wanted bit
  for (uint64_t bit = r->from; bit <= r->to;) {
    if ((bit & 7) == 0 && bit + 7 <= r->to && static_cast<uint8_t>(s[bit >> 3]) == skip) {
      bit += 8;
      continue;
    }
    if (bit_at(s, bit) == (*want == 1)) {
      resp::integer(c.out, static_cast<int64_t>(bit));
      return;
    }
    ++bit;
  }
  resp::integer(c.out, *want == 0 && !end_given ? static_cast<int64_t>(r->to + 1) : -1);
}

/// BITOP AND|OR|XOR|NOT destkey key [key ...]: the result's length.
void cmd_bitop(command& c) {
  auto op = resp::lower(c.args[1]);
  if (op != "and" && op != "or" && op != "xor" && op != "not") {
    resp::error(c.out, syntax_error);
    return;
  }
  if (op == "not" && c.args.size() != 4) {
    resp::error(c.out, "ERR BITOP NOT must be called with a single source key.");
    return;
  }
  std::vector<std::string> sources;
  size_t longest = 0;
  for (size_t i = 3; i < c.args.size(); ++i) {
    std::optional<entry> e;
    if (!load_typed(c, c.args[i], type_string, e))
      return;
    sources.push_back(e ? e->payload : std::string{});
    longest = std::max(longest, sources.back().size());
  }
  auto byte_of = [](const std::string& s, size_t i) {
    return i < s.size() ? static_cast<uint8_t>(s[i]) : uint8_t{0};
  };
  std::string out(longest, '\0');
  for (size_t i = 0; i < longest; ++i) {
    uint8_t v = byte_of(sources[0], i);
    if (op == "not")
      v = static_cast<uint8_t>(~v);
    for (size_t k = 1; k < sources.size(); ++k) {
      auto b = byte_of(sources[k], i);
      v = op == "and" ? (v & b) : op == "or" ? (v | b) : (v ^ b);
    }
    out[i] = static_cast<char>(v);
  }
  auto dest = c.args[2];
  if (!check_key(c, dest, "key"))
    return;
  auto old = load(c, mkey_of(c, dest));
  if (longest > 0)
    put_string(c, dest, old, out, false, 0);
  else if (old)
    remove_key(c, dest, mkey_of(c, dest), *old);
  resp::integer(c.out, static_cast<int64_t>(longest));
}

/// LCS key1 key2 [LEN] [IDX] [MINMATCHLEN n] [WITHMATCHLEN]
void cmd_lcs(command& c) {
  std::optional<entry> ea, eb;
  ea = load(c, mkey_of(c, c.args[1]));
  eb = load(c, mkey_of(c, c.args[2]));
  if ((ea && ea->type != type_string) || (eb && eb->type != type_string)) {
    resp::error(c.out, "ERR The specified keys must contain string values");
    return;
  }
  bool len_only = false, idx = false, with_len = false;
  int64_t min_len = 0;
  for (size_t j = 3; j < c.args.size(); ++j) {
    auto opt = resp::lower(c.args[j]);
    if (opt == "idx") {
      idx = true;
    } else if (opt == "len") {
      len_only = true;
    } else if (opt == "withmatchlen") {
      with_len = true;
    } else if (opt == "minmatchlen" && j + 1 < c.args.size()) {
      auto v = int_arg(c, c.args[++j]);
      if (!v)
        return;
      min_len = std::max<int64_t>(*v, 0);
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  if (len_only && idx) {
    resp::error(c.out, "ERR If you want both the length and indexes, please just use IDX.");
    return;
  }
  std::string_view a = ea ? std::string_view{ea->payload} : std::string_view{};
  std::string_view b = eb ? std::string_view{eb->payload} : std::string_view{};
  auto cells = (a.size() + 1) * (b.size() + 1);
  if (cells * sizeof(uint32_t) > (size_t{512} << 20)) {
    resp::error(c.out, "ERR Insufficient memory, transient memory for LCS exceeds "
                       "proto-max-bulk-len");
    return;
  }
  // The classic table: lcs(i, j) over the prefixes a[0, i) and b[0, j).
  std::vector<uint32_t> table(cells, 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return table[j + i * (b.size() + 1)]; };
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      at(i, j) = a[i - 1] == b[j - 1] ? at(i - 1, j - 1) + 1 : std::max(at(i - 1, j), at(i, j - 1));
  uint32_t total = at(a.size(), b.size());
  if (len_only) {
    resp::integer(c.out, total);
    return;
  }
  // Walk back from the end, as Redis does, emitting matched ranges.
  std::string common(total, '\0');
  std::string ranges;
  size_t emitted = 0;
  auto none = a.size();
  size_t a_start = none, a_end = 0, b_start = 0, b_end = 0;
  size_t i = a.size(), j = b.size(), k = total;
  while (i > 0 && j > 0) {
    bool emit = false;
    if (a[i - 1] == b[j - 1]) {
      common[k - 1] = a[i - 1];
      if (a_start == none) {
        a_start = a_end = i - 1;
        b_start = b_end = j - 1;
      } else if (a_start == i && b_start == j) {
        --a_start;
        --b_start;
      } else {
        emit = true;
      }
      if (a_start == 0 || b_start == 0)
        emit = true;
      --k;
      --i;
      --j;
    } else {
      if (at(i - 1, j) > at(i, j - 1))
        --i;
      else
        --j;
      if (a_start != none)
        emit = true;
    }
    if (emit) {
      auto match_len = a_end - a_start + 1;
      if (idx && (min_len == 0 || match_len >= static_cast<size_t>(min_len))) {
        resp::array(ranges, with_len ? 3 : 2);
        resp::array(ranges, 2);
        resp::integer(ranges, static_cast<int64_t>(a_start));
        resp::integer(ranges, static_cast<int64_t>(a_end));
        resp::array(ranges, 2);
        resp::integer(ranges, static_cast<int64_t>(b_start));
        resp::integer(ranges, static_cast<int64_t>(b_end));
        if (with_len)
          resp::integer(ranges, static_cast<int64_t>(match_len));
        ++emitted;
      }
      a_start = none;
    }
  }
  if (!idx) {
    resp::bulk(c.out, common);
    return;
  }
  resp::map(c.out, 2, c.resp3);
  resp::bulk(c.out, "matches");
  resp::array(c.out, emitted);
  c.out += ranges;
  resp::bulk(c.out, "len");
  resp::integer(c.out, total);
}

// -- BITFIELD -------------------------------------------------------------------

/// One BITFIELD operation: GET, SET or INCRBY of a signed (i1..i64) or
/// unsigned (u1..u63) integer at a bit offset, under the OVERFLOW mode in
/// force where it appears.
struct bitfield_op {
  enum class kind : uint8_t { get, set, incrby } what;
  enum class overflow : uint8_t { wrap, sat, fail } on_overflow;
  bool is_signed;
  uint8_t bits;
  uint64_t offset;
  int64_t value;  ///< SET's value, INCRBY's increment
};

/// Redis's getBitfieldTypeFromArgument.
std::optional<std::pair<bool, uint8_t>> bitfield_type(command& c, std::string_view text) {
  bool is_signed = !text.empty() && (text[0] == 'i' || text[0] == 'I');
  bool is_unsigned = !text.empty() && (text[0] == 'u' || text[0] == 'U');
  auto bits = is_signed || is_unsigned ? resp::parse_int(text.substr(1)) : std::nullopt;
  if (!bits || *bits < 1 || *bits > (is_signed ? 64 : 63)) {
    resp::error(c.out, "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is "
                       "not supported but i64 is.");
    return std::nullopt;
  }
  return std::pair{is_signed, static_cast<uint8_t>(*bits)};
}

/// An offset in bits, or with '#', in units of the type's width.
std::optional<uint64_t> bitfield_offset(command& c, std::string_view text, uint8_t bits) {
  bool units = !text.empty() && text[0] == '#';
  auto v = resp::parse_int(units ? text.substr(1) : text);
  if (units && v)
    v = *v >= 0 && *v <= std::numeric_limits<int64_t>::max() / bits ? *v * bits : -1;
  return offset_in_range(c, v);
}

/// The operations of BITFIELD's arguments (Redis's bitfieldGeneric parse);
/// nullopt after an error reply.
std::optional<std::vector<bitfield_op>> parse_bitfield(command& c, bool read_only) {
  std::vector<bitfield_op> ops;
  auto mode = bitfield_op::overflow::wrap;
  bool writes = false;
  for (size_t i = 2; i < c.args.size();) {
    auto sub = resp::lower(c.args[i]);
    size_t left = c.args.size() - i - 1;  // arguments after the subcommand
    if (sub == "overflow" && left >= 1) {
      auto m = resp::lower(c.args[i + 1]);
      if (m != "wrap" && m != "sat" && m != "fail") {
        resp::error(c.out, "ERR Invalid OVERFLOW type specified");
        return std::nullopt;
      }
      mode = m == "wrap" ? bitfield_op::overflow::wrap
             : m == "sat" ? bitfield_op::overflow::sat
                          : bitfield_op::overflow::fail;
      i += 2;
      continue;
    }
    bool get = sub == "get" && left >= 2;
    if (!get && !((sub == "set" || sub == "incrby") && left >= 3)) {
      resp::error(c.out, syntax_error);
      return std::nullopt;
    }
    auto type = bitfield_type(c, c.args[i + 1]);
    if (!type)
      return std::nullopt;
    auto offset = bitfield_offset(c, c.args[i + 2], type->second);
    if (!offset)
      return std::nullopt;
    bitfield_op op{get ? bitfield_op::kind::get
                   : sub == "set" ? bitfield_op::kind::set
                                  : bitfield_op::kind::incrby,
                   mode, type->first, type->second, *offset, 0};
    if (!get) {
      auto v = int_arg(c, c.args[i + 3]);
      if (!v)
        return std::nullopt;
      op.value = *v;
      writes = true;
    }
    ops.push_back(op);
    i += get ? 3 : 4;
  }
  if (read_only && writes) {
    resp::error(c.out, "ERR BITFIELD_RO only supports the GET subcommand");
    return std::nullopt;
  }
  return ops;
}

uint64_t bits_at(std::string_view s, uint64_t offset, uint8_t bits) {
  uint64_t v = 0;
  for (uint8_t j = 0; j < bits; ++j)
    v = (v << 1) | (bit_at(s, offset + j) ? 1 : 0);
  return v;
}

/// Writes the low `bits` of `v` at `offset` (the string is long enough).
void set_bits(std::string& s, uint64_t offset, uint8_t bits, uint64_t v) {
  for (uint8_t j = 0; j < bits; ++j) {
    auto bit = offset + j;
    auto mask = static_cast<uint8_t>(1u << (7 - (bit & 7)));
    auto& b = reinterpret_cast<uint8_t&>(s[bit >> 3]);
    b = (v >> (bits - 1 - j)) & 1 ? (b | mask) : (b & ~mask);
  }
}

int64_t sign_extend(uint64_t v, uint8_t bits) {
  if (bits < 64 && (v & (uint64_t{1} << (bits - 1))))
    v |= ~uint64_t{0} << bits;
  return static_cast<int64_t>(v);
}

/// `value + incr` in a field of `bits`, as Redis's check*BitfieldOverflow
/// and its WRAP/SAT handling compute it; nullopt when it overflows under
/// FAIL. Unsigned values travel as their 64-bit patterns.
std::optional<uint64_t> bitfield_sum(const bitfield_op& op, uint64_t value, int64_t incr) {
  auto b = op.bits;
  bool over = false, under = false;
  if (op.is_signed) {
    int64_t max = b == 64 ? std::numeric_limits<int64_t>::max() : (int64_t{1} << (b - 1)) - 1;
    int64_t min = -max - 1;
    auto v = static_cast<int64_t>(value);
    // maxincr and minincr as Redis computes them (wrapping in 64 bits).
    auto maxincr = static_cast<int64_t>(static_cast<uint64_t>(max) - value);
    auto minincr = static_cast<int64_t>(static_cast<uint64_t>(min) - value);
    over = v > max || (b != 64 && incr > maxincr) || (v >= 0 && incr > 0 && incr > maxincr);
    under = !over
            && (v < min || (b != 64 && incr < minincr) || (v < 0 && incr < 0 && incr < minincr));
    if (!over && !under)
      return value + static_cast<uint64_t>(incr);
    if (op.on_overflow == bitfield_op::overflow::fail)
      return std::nullopt;
    if (op.on_overflow == bitfield_op::overflow::sat)
      return static_cast<uint64_t>(over ? max : min);
    uint64_t c = value + static_cast<uint64_t>(incr);
    if (b < 64) {
      uint64_t mask = ~uint64_t{0} << b;
      c = (c & (uint64_t{1} << (b - 1))) ? (c | mask) : (c & ~mask);
    }
    return c;
  }
  uint64_t max = (uint64_t{1} << b) - 1;  // b <= 63
  over = value > max || (incr > 0 && incr > static_cast<int64_t>(max - value));
  under = !over && incr < 0 && incr < -static_cast<int64_t>(value);
  if (!over && !under)
    return value + static_cast<uint64_t>(incr);
  if (op.on_overflow == bitfield_op::overflow::fail)
    return std::nullopt;
  if (op.on_overflow == bitfield_op::overflow::sat)
    return over ? max : 0;
  return (value + static_cast<uint64_t>(incr)) & max;
}

/// BITFIELD key [GET type offset] [SET type offset value]
/// [INCRBY type offset increment] [OVERFLOW WRAP|SAT|FAIL] ...;
/// BITFIELD_RO key [GET type offset] ...
void cmd_bitfield(command& c) {
  bool read_only = c.name == "bitfield_ro";
  auto ops = parse_bitfield(c, read_only);
  if (!ops)
    return;
  std::optional<entry> e;
  if (!load_typed(c, c.args[1], type_string, e))
    return;
  std::string text = e ? e->payload : std::string{};
  // Writes grow the string first, as Redis does, to their furthest bit.
  uint64_t end = 0;
  bool writes = false;
  for (auto& op : *ops)
    if (op.what != bitfield_op::kind::get) {
      writes = true;
      end = std::max(end, (op.offset + op.bits - 1) / 8 + 1);
    }
  if (writes && (!check_key(c, c.args[1], "key") || !check_value(c, end)))
    return;
  bool grown = text.size() < end;
  if (grown)
    text.resize(end, '\0');
  bool changed = false;
  resp::array(c.out, ops->size());
  for (auto& op : *ops) {
    uint64_t old = bits_at(text, op.offset, op.bits);
    if (op.is_signed)
      old = static_cast<uint64_t>(sign_extend(old, op.bits));
    // Unsigned fields are at most 63 bits: every value fits an int64.
    auto reply_int = [&](uint64_t v) { resp::integer(c.out, static_cast<int64_t>(v)); };
    if (op.what == bitfield_op::kind::get) {
      reply_int(old);
      continue;
    }
    auto next = op.what == bitfield_op::kind::incrby
                  ? bitfield_sum(op, old, op.value)
                  : bitfield_sum(op, static_cast<uint64_t>(op.value), 0);
    if (!next) {
      resp::null(c.out, c.resp3);
      continue;
    }
    reply_int(op.what == bitfield_op::kind::incrby ? *next : old);
    set_bits(text, op.offset, op.bits, *next);
    changed = changed || *next != old;
  }
  if (writes && (!e || grown || changed))
    put_string(c, c.args[1], e, text, true, 0);
}

} // namespace

void add_bit_handlers(handler_table& t) {
  t.emplace("setbit", cmd_setbit);
  t.emplace("getbit", cmd_getbit);
  t.emplace("bitcount", cmd_bitcount);
  t.emplace("bitpos", cmd_bitpos);
  t.emplace("bitop", cmd_bitop);
  t.emplace("lcs", cmd_lcs);
  t.emplace("bitfield", cmd_bitfield);
  t.emplace("bitfield_ro", cmd_bitfield);
}

} // namespace troupe::actors::kv
