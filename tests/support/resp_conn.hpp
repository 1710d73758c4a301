// resp_conn: a minimal Redis-protocol client for tests: sends commands as
// RESP arrays and returns each reply's raw bytes, so tests compare exactly
// what a Redis client would parse ("+OK\r\n", "$-1\r\n", ...).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/support/raw_socket.hpp"

namespace troupe::test {

/// A command encoded as a RESP array of bulk strings.
std::string resp_command(const std::vector<std::string>& args);

/// Bytes of the first complete RESP value in `buf`; 0 when incomplete.
size_t resp_value_size(std::string_view buf);

/// The elements of a flat array of bulk strings (throws on anything else).
std::vector<std::string> strings_of(const std::string& reply);

/// SCAN's reply: the cursor and the keys.
std::pair<std::string, std::vector<std::string>> scan_reply(const std::string& reply);

class resp_conn {
public:
  explicit resp_conn(uint16_t port) : sock_(port) {}

  /// Sends one command and returns its reply.
  std::string call(const std::vector<std::string>& args);
  /// Sends without reading (pipelining).
  void send(const std::vector<std::string>& args);
  bool send_raw(const std::string& bytes) { return sock_.send(bytes); }
  /// The next reply (or push); throws when the peer closes first.
  std::string read();
  /// True when the peer closes (after any replies, which are discarded).
  bool closed_by_peer() { return sock_.closed_by_peer(); }

private:
  raw_socket sock_;
  std::string buf_;
};

/// Shorthands for expected replies.
std::string bulk(std::string_view s);
std::string integer(int64_t n);
inline const std::string ok = "+OK\r\n";
inline const std::string nil = "$-1\r\n";
inline std::string err(std::string_view text) {
  return "-" + std::string{text} + "\r\n";
}

} // namespace troupe::test
