// AMQP 0-9-1 wire format: frames, the argument types of methods, field
// tables and the basic class's content properties. Pure functions over
// bytes, no I/O; the AMQP door (node/amqp_session) speaks the protocol with
// them.
//
// Frames are `type(1) channel(2) size(4) payload end(0xCE)`. A reader
// consumes arguments from a method or header payload and remembers the first
// error (a truncated payload), so a decoder reads every field and checks
// once. Field tables keep each value's encoded bytes: what the door does not
// interpret travels unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace troupe::protocol::amqp {

/// The protocol header a client opens with.
inline constexpr std::string_view protocol_header{"AMQP\x00\x00\x09\x01", 8};

enum frame_type : uint8_t { method = 1, header = 2, body = 3, heartbeat = 8 };

inline constexpr uint8_t frame_end = 0xCE;
/// Frame overhead: type, channel, size and the end octet.
inline constexpr size_t frame_overhead = 8;

struct frame {
  uint8_t type = 0;
  uint16_t channel = 0;
  std::string payload;
};

/// Splits frames off the front of a byte stream.
class frame_reader {
public:
  explicit frame_reader(size_t max_frame_bytes) : max_(max_frame_bytes) {}

  void feed(const char* data, size_t n) { buf_.append(data, n); }

  enum class outcome { frame, need_more, error };

  /// The next complete frame into `out`; `error` (see error()) for a frame
  /// larger than the limit or one that does not end with 0xCE.
  outcome next(frame& out);

  const std::string& error() const { return error_; }
  size_t buffered() const { return buf_.size() - pos_; }
  /// Bytes still missing from the frame at the front (0: unknown).
  size_t bytes_wanted() const;
  void set_max_frame_bytes(size_t n) { max_ = n; }

  /// Consumes `n` raw bytes (the protocol header) when they are buffered.
  std::optional<std::string> take_raw(size_t n);

private:
  std::string buf_;
  size_t pos_ = 0;
  size_t max_;
  std::string error_;
};

/// Appends one frame.
void append_frame(std::string& out, uint8_t type, uint16_t channel, std::string_view payload);

// -- field values ---------------------------------------------------------------

/// One field table value: its type octet and its encoded bytes.
struct field_value {
  char type = 'V';
  std::string raw;

  /// A string value (S); nullopt for other types.
  std::optional<std::string> as_string() const;
  /// Any integer type's value (b B s u I i l T); nullopt otherwise.
  std::optional<int64_t> as_int() const;
  /// t; nullopt otherwise.
  std::optional<bool> as_bool() const;
};

using field_table = std::vector<std::pair<std::string, field_value>>;

field_value string_value(std::string_view s);
field_value long_value(int64_t v);  // l
field_value table_value(const field_table& t);
field_value array_value(const std::vector<field_value>& items);
field_value bool_value(bool b);
field_value timestamp_value(uint64_t seconds);

/// The value of `name` in `t`, if present.
const field_value* find_field(const field_table& t, std::string_view name);

/// Decodes the body of an array value (A) into its items; false if malformed.
bool decode_array(std::string_view raw, std::vector<field_value>& out);
/// Decodes the body of a table value (F); false if malformed.
bool decode_table_value(std::string_view raw, field_table& out);

// -- arguments --------------------------------------------------------------------

class reader {
public:
  explicit reader(std::string_view payload) : p_(payload) {}

  uint8_t octet();
  uint16_t short_();
  uint32_t long_();
  uint64_t longlong();
  std::string shortstr();
  std::string longstr();
  field_table table();
  /// Bits packed into octets: call bit() for consecutive bit fields.
  bool bit();

  bool ok() const { return ok_; }
  std::string_view rest() const { return p_.substr(pos_); }

private:
  bool need(size_t n);
  std::string_view p_;
  size_t pos_ = 0;
  bool ok_ = true;
  uint8_t bits_ = 0;
  int bit_index_ = 8;
};

class writer {
public:
  writer& octet(uint8_t v);
  writer& short_(uint16_t v);
  writer& long_(uint32_t v);
  writer& longlong(uint64_t v);
  writer& shortstr(std::string_view s);  ///< truncated at 255 bytes
  writer& longstr(std::string_view s);
  writer& table(const field_table& t);
  /// Bits: consecutive bit() calls pack into one octet.
  writer& bit(bool v);

  std::string take();

private:
  void end_bits();
  std::string out_;
  int bit_index_ = 8;
};

/// A method frame's payload: class and method ids, then `args`.
std::string method_payload(uint16_t class_id, uint16_t method_id, std::string_view args);

// -- content -----------------------------------------------------------------------

/// The basic class's properties as the door needs them; `raw` keeps the
/// property flags and list as the publisher sent them.
struct properties {
  std::string raw;
  std::optional<field_table> headers;
  std::optional<std::string> expiration;
  std::optional<uint8_t> priority;
};

/// Decodes a content header payload: class id, weight, body size and
/// properties; false if malformed.
bool decode_content_header(std::string_view payload, uint16_t& class_id, uint64_t& body_size,
                           properties& props);

/// Decodes a property flags-and-list as a content header carries it; nullopt
/// if malformed.
std::optional<properties> decode_properties(std::string_view raw);

/// A content header payload for the basic class.
std::string content_header(uint64_t body_size, std::string_view raw_properties);

/// `raw` properties with the headers replaced by `headers` (the others kept
/// byte for byte); nullopt if `raw` is malformed.
std::optional<std::string> with_headers(std::string_view raw, const field_table& headers);

/// `raw` properties without the expiration (the others kept byte for
/// byte); nullopt if `raw` is malformed.
std::optional<std::string> without_expiration(std::string_view raw);

/// Whether `routing_key` matches a topic exchange binding `pattern` ('*' one
/// word, '#' zero or more words, words separated by '.').
bool topic_matches(std::string_view pattern, std::string_view routing_key);

} // namespace troupe::protocol::amqp
