// troupe::status and troupe::result<T>: the error model of the public
// protocol. Codes mirror troupe.v1.ErrorCode number for number, so code that
// must not include protobuf headers can still speak in protocol errors.
// Plain values, no threads involved.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace troupe::v1 {
class Response;
} // namespace troupe::v1

namespace troupe {

enum class error_code : int {
  ok = 0,
  invalid_argument = 1,
  not_found = 2,
  conflict = 3,
  too_large = 4,
  unauthenticated = 5,
  not_leader = 6,
  unavailable = 7,
  internal = 8,
};

/// Upper-case protocol name of a code ("INVALID_ARGUMENT").
const char* to_string(error_code code);

struct status {
  error_code code = error_code::ok;
  std::string message;

  bool ok() const { return code == error_code::ok; }
  static status success() { return {}; }
  static status error(error_code c, std::string msg) { return {c, std::move(msg)}; }
  /// "CODE: message"
  std::string to_string() const;
};

/// `text` as valid UTF-8: each byte that is not part of a well-formed UTF-8
/// sequence becomes the four characters `\xNN`. Error messages quote client
/// bytes (ids, keys); a protobuf `string` must stay decodable by every peer.
std::string utf8_safe(std::string text);

/// `text` as a JSON string literal, quotes included: made utf8_safe, then
/// escaped (quotes, backslashes, control characters).
std::string json_quoted(std::string text);

/// Replaces any result in `resp` by the error (code, message): how every
/// part of the node and the client writes a protocol error. The message is
/// made valid UTF-8 (utf8_safe).
void set_error(v1::Response& resp, error_code code, std::string message);

/// A storage failure while serving a request: INTERNAL, "storage <what>
/// failed: <message>" (what: read, scan, ...). Nothing was written.
void set_storage_error(v1::Response& resp, const char* what, const std::string& message);

/// A value or the status that explains why there is none.
template <class T>
class result {
public:
  result(T value) : value_(std::move(value)) {}
  result(status st) : status_(std::move(st)) {}

  bool ok() const { return value_.has_value(); }
  const status& error() const { return status_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

private:
  std::optional<T> value_;
  status status_;
};

} // namespace troupe
