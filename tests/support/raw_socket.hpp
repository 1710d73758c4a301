// raw_socket: a plain blocking TCP connection to 127.0.0.1 for tests that
// must send bytes no well-behaved client would.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace troupe::v1 {
class Frame;
} // namespace troupe::v1

namespace troupe::test {

class raw_socket {
public:
  explicit raw_socket(uint16_t port);
  ~raw_socket();
  raw_socket(const raw_socket&) = delete;
  raw_socket& operator=(const raw_socket&) = delete;
  raw_socket(raw_socket&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

  /// Sends all bytes; false when the peer has closed.
  bool send(const std::string& bytes);
  bool send_frame(const v1::Frame& frame);
  /// Sends Hello (protocol version 1 unless told otherwise).
  bool hello(const std::string& token = {}, uint32_t version = 1);

  /// Reads one frame; nullopt when the peer closed first. Throws on timeout
  /// (a bound on a wait, not a synchronisation).
  std::optional<v1::Frame> read_frame(std::chrono::milliseconds timeout = std::chrono::seconds{30});

  /// Reads whatever bytes arrive next; nullopt when the peer closed. Throws
  /// on timeout (a bound on a wait, not a synchronisation).
  std::optional<std::string> read_some(std::chrono::milliseconds timeout = std::chrono::seconds{30});

  /// True when bytes (or the peer's close) arrive within `timeout`.
  bool readable(std::chrono::milliseconds timeout);

  /// True when the peer closes the connection (after any frames it sends).
  bool closed_by_peer(std::chrono::milliseconds timeout = std::chrono::seconds{30});

private:
  bool read_exact(char* buf, size_t n, std::chrono::milliseconds timeout);
  int fd_ = -1;
};

} // namespace troupe::test
