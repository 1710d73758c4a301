// RESP (the Redis serialization protocol, versions 2 and 3): the request
// parser and the reply writers of the RESP front door. Plain code: no CAF,
// no protobuf, no I/O.
//
// Requests are arrays of bulk strings ("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n") or
// inline commands ("GET k\r\n"), as Redis accepts them. Malformed input
// yields Redis's own protocol error text; the caller replies with it and
// closes the connection, as Redis does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace troupe::protocol::resp {

/// Incremental request parser; feed bytes, then take commands until
/// need_more.
class parser {
public:
  enum class outcome { command, need_more, error };

  /// `max_request_bytes` bounds one command (all of its arguments).
  explicit parser(size_t max_request_bytes = size_t{16} << 20);

  void feed(const char* data, size_t size);

  /// Takes the next complete command into `args` (cleared first). Empty
  /// inline lines and empty arrays are skipped, as Redis does.
  outcome next(std::vector<std::string>& args);

  /// After outcome::error: the message, e.g. "Protocol error: invalid bulk
  /// length" (send it as "-ERR <message>").
  const std::string& error() const { return error_; }

  /// Bytes the command in progress still needs, at least (0 if unknown).
  size_t bytes_wanted() const;

  /// Changes the bound for the commands that follow (and the one in
  /// progress).
  void set_max_request_bytes(size_t n) { max_request_bytes_ = n; }

  /// Bytes buffered and not yet consumed.
  size_t buffered() const { return buf_.size() - pos_; }

private:
  outcome fail(std::string message);
  outcome parse_inline(std::vector<std::string>& args);
  /// Reads a "\r\n"-terminated line at pos_; nullopt when incomplete.
  std::optional<std::string_view> line();
  void compact();

  size_t max_request_bytes_;
  std::string buf_;
  size_t pos_ = 0;
  // The array in progress.
  int64_t args_left_ = -1;  // -1: between commands
  int64_t bulk_len_ = -1;   // -1: expecting a "$len" header
  size_t request_bytes_ = 0;
  std::vector<std::string> partial_;
  std::string error_;
};

// -- replies --------------------------------------------------------------------

void simple(std::string& out, std::string_view text);
void error(std::string& out, std::string_view text);
void integer(std::string& out, int64_t value);
void bulk(std::string& out, std::string_view value);
/// A missing value: "$-1" in RESP2, "_" in RESP3.
void null(std::string& out, bool resp3);
/// A missing array: "*-1" in RESP2, "_" in RESP3.
void null_array(std::string& out, bool resp3);
void array(std::string& out, size_t count);
/// A map of `pairs` key/value pairs: "%n" in RESP3, an array of 2n in RESP2.
void map(std::string& out, size_t pairs, bool resp3);
/// A set of `count` elements: "~n" in RESP3, an array in RESP2.
void set(std::string& out, size_t count, bool resp3);
/// A double (a sorted set's score): "," in RESP3, a bulk string in RESP2,
/// formatted as Redis 7.0 does ("%.17g", "inf", "-inf").
void dbl(std::string& out, double value, bool resp3);
/// An out-of-band push of `count` elements: ">n" in RESP3, "*n" in RESP2.
void push(std::string& out, size_t count, bool resp3);
/// A HELP subcommand's reply, as Redis builds it: "COMMAND <subcommand> ...
/// Subcommands are:", `lines`, then HELP itself.
void help(std::string& out, std::string_view command,
          std::initializer_list<std::string_view> lines);

/// Splits an array reply into its elements' encodings (any RESP2 or RESP3
/// reply each, aggregates whole). False when `reply` is not one array.
bool split_array(std::string_view reply, std::vector<std::string_view>& elements);

/// The value of an integer reply (":n\r\n"); nullopt for anything else.
std::optional<int64_t> read_integer(std::string_view reply);

/// True when the reply is an error ("-...").
inline bool is_error(std::string_view reply) {
  return !reply.empty() && reply.front() == '-';
}

/// The error texts for a key (or field) or a value over the node's limits,
/// shared by the kv shards and the session's whole-MSET check.
std::string key_too_long(std::string_view what, size_t size, size_t limit);
std::string value_too_long(size_t limit);

/// ASCII lower case (command names, options).
std::string lower(std::string_view text);

/// Parses a whole decimal integer as Redis's string2ll does (no spaces, no
/// '+', no leading zeros). nullopt when `text` is not one.
std::optional<int64_t> parse_int(std::string_view text);

} // namespace troupe::protocol::resp
