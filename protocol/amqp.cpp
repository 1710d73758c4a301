#include "protocol/amqp.hpp"

#include <cstring>

namespace troupe::protocol::amqp {

namespace {

uint32_t get32(const char* p) {
  auto u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | u[3];
}

void put_be(std::string& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

uint64_t get_be(std::string_view s, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i)
    v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<size_t>(i)]);
  return v;
}

/// The encoded size of a value of `type` at the front of `s`; nullopt if
/// the type is unknown or `s` is too short.
std::optional<size_t> value_size(char type, std::string_view s) {
  auto fixed = [&](size_t n) -> std::optional<size_t> {
    return s.size() >= n ? std::optional<size_t>{n} : std::nullopt;
  };
  auto sized = [&]() -> std::optional<size_t> {
    if (s.size() < 4)
      return std::nullopt;
    size_t n = 4 + get32(s.data());
    return s.size() >= n ? std::optional<size_t>{n} : std::nullopt;
  };
  switch (type) {
    case 't': case 'b': case 'B': return fixed(1);
    case 's': case 'u': return fixed(2);
    case 'I': case 'i': case 'f': return fixed(4);
    case 'l': case 'd': case 'T': return fixed(8);
    case 'D': return fixed(5);
    case 'V': return 0;
    case 'S': case 'x': case 'A': case 'F': return sized();
    default: return std::nullopt;
  }
}

/// Decodes the entries of a table whose body (after the length) is `s`.
bool decode_entries(std::string_view s, field_table& out) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t name_len = static_cast<unsigned char>(s[pos]);
    if (pos + 1 + name_len + 1 > s.size())
      return false;
    std::string name{s.substr(pos + 1, name_len)};
    pos += 1 + name_len;
    char type = s[pos++];
    auto n = value_size(type, s.substr(pos));
    if (!n)
      return false;
    out.emplace_back(std::move(name), field_value{type, std::string{s.substr(pos, *n)}});
    pos += *n;
  }
  return true;
}

std::string encode_table(const field_table& t) {
  std::string body;
  for (auto& [name, v] : t) {
    auto n = std::min<size_t>(name.size(), 255);
    body.push_back(static_cast<char>(n));
    body.append(name, 0, n);
    body.push_back(v.type);
    body += v.raw;
  }
  std::string out;
  put_be(out, body.size(), 4);
  return out + body;
}

/// The basic class's property flags, highest bit first.
enum property_bit : uint16_t {
  p_content_type = 1 << 15,
  p_content_encoding = 1 << 14,
  p_headers = 1 << 13,
  p_delivery_mode = 1 << 12,
  p_priority = 1 << 11,
  p_correlation_id = 1 << 10,
  p_reply_to = 1 << 9,
  p_expiration = 1 << 8,
  p_message_id = 1 << 7,
  p_timestamp = 1 << 6,
  p_type = 1 << 5,
  p_user_id = 1 << 4,
  p_app_id = 1 << 3,
  p_cluster_id = 1 << 2,
};

/// Walks the property list of `raw`, calling fn(bit, offset, size) for each
/// present property; false if malformed.
template <class F>
bool walk_properties(std::string_view raw, uint16_t& flags, size_t& list_start, F fn) {
  if (raw.size() < 2)
    return false;
  flags = static_cast<uint16_t>(get_be(raw, 0, 2));
  if ((flags & 1) != 0)
    return false;  // a continuation: no property of the basic class needs one
  list_start = 2;
  size_t pos = 2;
  for (int b = 15; b >= 2; --b) {
    auto bit = static_cast<uint16_t>(1u << b);
    if ((flags & bit) == 0)
      continue;
    size_t n = 0;
    switch (bit) {
      case p_headers:
        if (pos + 4 > raw.size())
          return false;
        n = 4 + get32(raw.data() + pos);
        break;
      case p_delivery_mode:
      case p_priority:
        n = 1;
        break;
      case p_timestamp:
        n = 8;
        break;
      default:  // short strings
        if (pos + 1 > raw.size())
          return false;
        n = 1 + static_cast<unsigned char>(raw[pos]);
        break;
    }
    if (pos + n > raw.size())
      return false;
    fn(bit, pos, n);
    pos += n;
  }
  return pos == raw.size();
}

} // namespace

// -- frames ---------------------------------------------------------------------

frame_reader::outcome frame_reader::next(frame& out) {
  if (buffered() < 7)
    return outcome::need_more;
  const char* p = buf_.data() + pos_;
  size_t size = get32(p + 3);
  if (size + frame_overhead > max_) {
    error_ = "frame of " + std::to_string(size) + " bytes is larger than the negotiated frame_max";
    return outcome::error;
  }
  if (buffered() < size + frame_overhead)
    return outcome::need_more;
  if (static_cast<uint8_t>(p[7 + size]) != frame_end) {
    error_ = "frame does not end with 0xCE";
    return outcome::error;
  }
  out.type = static_cast<uint8_t>(p[0]);
  out.channel = static_cast<uint16_t>(get_be(std::string_view{p, 3}, 1, 2));
  out.payload.assign(p + 7, size);
  pos_ += size + frame_overhead;
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  } else if (pos_ > 64 * 1024 && pos_ * 2 > buf_.size()) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  return outcome::frame;
}

size_t frame_reader::bytes_wanted() const {
  if (buffered() < 7)
    return 0;
  size_t size = get32(buf_.data() + pos_ + 3) + frame_overhead;
  return size > buffered() ? size - buffered() : 0;
}

std::optional<std::string> frame_reader::take_raw(size_t n) {
  if (buffered() < n)
    return std::nullopt;
  std::string out = buf_.substr(pos_, n);
  pos_ += n;
  return out;
}

void append_frame(std::string& out, uint8_t type, uint16_t channel, std::string_view payload) {
  out.push_back(static_cast<char>(type));
  put_be(out, channel, 2);
  put_be(out, payload.size(), 4);
  out.append(payload);
  out.push_back(static_cast<char>(frame_end));
}

// -- field values -----------------------------------------------------------------

std::optional<std::string> field_value::as_string() const {
  if (type != 'S' || raw.size() < 4)
    return std::nullopt;
  return raw.substr(4);
}

std::optional<int64_t> field_value::as_int() const {
  auto be = [&](int n) { return get_be(raw, 0, n); };
  switch (type) {
    case 'b': return static_cast<int8_t>(be(1));
    case 'B': return static_cast<int64_t>(be(1));
    case 's': return static_cast<int16_t>(be(2));
    case 'u': return static_cast<int64_t>(be(2));
    case 'I': return static_cast<int32_t>(be(4));
    case 'i': return static_cast<int64_t>(be(4));
    case 'l': case 'T': return static_cast<int64_t>(be(8));
    default: return std::nullopt;
  }
}

std::optional<bool> field_value::as_bool() const {
  if (type != 't' || raw.size() != 1)
    return std::nullopt;
  return raw[0] != 0;
}

field_value string_value(std::string_view s) {
  field_value v{'S', {}};
  put_be(v.raw, s.size(), 4);
  v.raw.append(s);
  return v;
}

field_value long_value(int64_t n) {
  field_value v{'l', {}};
  put_be(v.raw, static_cast<uint64_t>(n), 8);
  return v;
}

field_value table_value(const field_table& t) {
  return field_value{'F', encode_table(t)};
}

field_value array_value(const std::vector<field_value>& items) {
  std::string body;
  for (auto& i : items) {
    body.push_back(i.type);
    body += i.raw;
  }
  field_value v{'A', {}};
  put_be(v.raw, body.size(), 4);
  v.raw += body;
  return v;
}

field_value bool_value(bool b) {
  return field_value{'t', std::string(1, b ? '\1' : '\0')};
}

field_value timestamp_value(uint64_t seconds) {
  field_value v{'T', {}};
  put_be(v.raw, seconds, 8);
  return v;
}

const field_value* find_field(const field_table& t, std::string_view name) {
  for (auto& [n, v] : t)
    if (n == name)
      return &v;
  return nullptr;
}

bool decode_array(std::string_view raw, std::vector<field_value>& out) {
  if (raw.size() < 4 || get32(raw.data()) != raw.size() - 4)
    return false;
  size_t pos = 4;
  while (pos < raw.size()) {
    char type = raw[pos++];
    auto n = value_size(type, raw.substr(pos));
    if (!n)
      return false;
    out.push_back(field_value{type, std::string{raw.substr(pos, *n)}});
    pos += *n;
  }
  return true;
}

bool decode_table_value(std::string_view raw, field_table& out) {
  if (raw.size() < 4 || get32(raw.data()) != raw.size() - 4)
    return false;
  return decode_entries(raw.substr(4), out);
}

// -- arguments --------------------------------------------------------------------

bool reader::need(size_t n) {
  bit_index_ = 8;
  if (ok_ && p_.size() - pos_ >= n)
    return true;
  ok_ = false;
  return false;
}

uint8_t reader::octet() {
  if (!need(1))
    return 0;
  return static_cast<uint8_t>(p_[pos_++]);
}

uint16_t reader::short_() {
  if (!need(2))
    return 0;
  pos_ += 2;
  return static_cast<uint16_t>(get_be(p_, pos_ - 2, 2));
}

uint32_t reader::long_() {
  if (!need(4))
    return 0;
  pos_ += 4;
  return static_cast<uint32_t>(get_be(p_, pos_ - 4, 4));
}

uint64_t reader::longlong() {
  if (!need(8))
    return 0;
  pos_ += 8;
  return get_be(p_, pos_ - 8, 8);
}

std::string reader::shortstr() {
  auto n = octet();
  if (!need(n))
    return {};
  pos_ += n;
  return std::string{p_.substr(pos_ - n, n)};
}

std::string reader::longstr() {
  auto n = long_();
  if (!need(n))
    return {};
  pos_ += n;
  return std::string{p_.substr(pos_ - n, n)};
}

field_table reader::table() {
  auto body = longstr();
  field_table out;
  if (ok_ && !decode_entries(body, out))
    ok_ = false;
  return out;
}

bool reader::bit() {
  if (bit_index_ == 8) {
    if (!need(1))
      return false;
    bits_ = static_cast<uint8_t>(p_[pos_++]);
    bit_index_ = 0;
  }
  return ((bits_ >> bit_index_++) & 1) != 0;
}

void writer::end_bits() {
  bit_index_ = 8;
}

writer& writer::octet(uint8_t v) {
  end_bits();
  out_.push_back(static_cast<char>(v));
  return *this;
}

writer& writer::short_(uint16_t v) {
  end_bits();
  put_be(out_, v, 2);
  return *this;
}

writer& writer::long_(uint32_t v) {
  end_bits();
  put_be(out_, v, 4);
  return *this;
}

writer& writer::longlong(uint64_t v) {
  end_bits();
  put_be(out_, v, 8);
  return *this;
}

writer& writer::shortstr(std::string_view s) {
  end_bits();
  auto n = std::min<size_t>(s.size(), 255);
  out_.push_back(static_cast<char>(n));
  out_.append(s.substr(0, n));
  return *this;
}

writer& writer::longstr(std::string_view s) {
  end_bits();
  put_be(out_, s.size(), 4);
  out_.append(s);
  return *this;
}

writer& writer::table(const field_table& t) {
  end_bits();
  out_ += encode_table(t);
  return *this;
}

writer& writer::bit(bool v) {
  if (bit_index_ == 8) {
    out_.push_back('\0');
    bit_index_ = 0;
  }
  if (v)
    out_.back() = static_cast<char>(out_.back() | (1 << bit_index_));
  ++bit_index_;
  return *this;
}

std::string writer::take() {
  end_bits();
  return std::move(out_);
}

std::string method_payload(uint16_t class_id, uint16_t method_id, std::string_view args) {
  std::string out;
  put_be(out, class_id, 2);
  put_be(out, method_id, 2);
  out.append(args);
  return out;
}

// -- content -----------------------------------------------------------------------

std::optional<properties> decode_properties(std::string_view raw_properties) {
  properties props;
  props.raw = std::string{raw_properties};
  uint16_t flags = 0;
  size_t start = 0;
  bool ok = true;
  std::string_view raw = props.raw;
  bool walked = walk_properties(raw, flags, start, [&](uint16_t bit, size_t at, size_t n) {
    auto field = raw.substr(at, n);
    if (bit == p_headers) {
      field_table t;
      if (!decode_table_value(field, t))
        ok = false;
      props.headers = std::move(t);
    } else if (bit == p_expiration) {
      props.expiration = std::string{field.substr(1)};
    } else if (bit == p_priority) {
      props.priority = static_cast<uint8_t>(field[0]);
    }
  });
  if (!walked || !ok)
    return std::nullopt;
  return props;
}

bool decode_content_header(std::string_view payload, uint16_t& class_id, uint64_t& body_size,
                           properties& props) {
  if (payload.size() < 14)
    return false;
  auto decoded = decode_properties(payload.substr(12));
  if (!decoded)
    return false;
  class_id = static_cast<uint16_t>(get_be(payload, 0, 2));
  body_size = get_be(payload, 4, 8);
  props = std::move(*decoded);
  return true;
}

std::string content_header(uint64_t body_size, std::string_view raw_properties) {
  std::string out;
  put_be(out, 60, 2);  // basic
  put_be(out, 0, 2);   // weight
  put_be(out, body_size, 8);
  if (raw_properties.empty())
    put_be(out, 0, 2);
  else
    out.append(raw_properties);
  return out;
}

std::optional<std::string> with_headers(std::string_view raw, const field_table& headers) {
  std::string source{raw.empty() ? std::string_view{"\0\0", 2} : raw};
  uint16_t flags = 0;
  size_t start = 0;
  std::string list;
  bool placed = false;
  auto encoded = encode_table(headers);
  bool walked = walk_properties(source, flags, start, [&](uint16_t bit, size_t at, size_t n) {
    if (!placed && bit < p_headers) {
      list += encoded;
      placed = true;
    }
    if (bit != p_headers)
      list.append(source, at, n);
    else {
      list += encoded;
      placed = true;
    }
  });
  if (!walked)
    return std::nullopt;
  if (!placed)
    list += encoded;
  std::string out;
  put_be(out, flags | p_headers, 2);
  return out + list;
}

bool topic_matches(std::string_view pattern, std::string_view key) {
  // Words of both, then a match with '#' spanning zero or more words
  // (dynamic programming over word positions: linear in their product).
  auto words = [](std::string_view s) {
    std::vector<std::string_view> out;
    size_t start = 0;
    while (true) {
      auto dot = s.find('.', start);
      out.push_back(s.substr(start, dot == std::string_view::npos ? std::string_view::npos
                                                                   : dot - start));
      if (dot == std::string_view::npos)
        break;
      start = dot + 1;
    }
    return out;
  };
  // An empty key or pattern has no words (RabbitMQ's split of "").
  auto p = pattern.empty() ? std::vector<std::string_view>{} : words(pattern);
  auto k = key.empty() ? std::vector<std::string_view>{} : words(key);
  // reach[j]: the pattern prefix so far matches the first j words of the key.
  std::vector<char> reach(k.size() + 1, 0);
  reach[0] = 1;
  for (auto& w : p) {
    std::vector<char> next(k.size() + 1, 0);
    if (w == "#") {
      char any = 0;
      for (size_t j = 0; j <= k.size(); ++j) {
        any = static_cast<char>(any | reach[j]);
        next[j] = any;
      }
    } else {
      for (size_t j = 0; j < k.size(); ++j)
        if (reach[j] && (w == "*" || w == k[j]))
          next[j + 1] = 1;
    }
    reach = std::move(next);
  }
  return reach[k.size()] != 0;
}

std::optional<std::string> without_expiration(std::string_view raw) {
  uint16_t flags = 0;
  size_t start = 0;
  std::string list;
  bool walked = walk_properties(raw, flags, start, [&](uint16_t bit, size_t at, size_t n) {
    if (bit != p_expiration)
      list.append(raw.substr(at, n));
  });
  if (!walked)
    return std::nullopt;
  std::string out;
  put_be(out, flags & ~p_expiration, 2);
  return out + list;
}

} // namespace troupe::protocol::amqp
