#include "tests/support/raw_socket.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

#include "protocol/frame_codec.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::test {

raw_socket::raw_socket(uint16_t port) {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0)
    throw std::runtime_error("connect failed");
  int one = 1;
  setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
}

raw_socket::~raw_socket() {
  if (fd_ >= 0)
    close(fd_);
}

bool raw_socket::send(const std::string& bytes) {
  size_t off = 0;
  while (off < bytes.size()) {
    auto n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
    if (n <= 0)
      return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

bool raw_socket::send_frame(const v1::Frame& frame) {
  std::vector<char> buf;
  protocol::append_frame(buf, frame);
  return send(std::string{buf.begin(), buf.end()});
}

bool raw_socket::hello(const std::string& token, uint32_t version) {
  v1::Frame f;
  f.mutable_hello()->set_protocol_version(version);
  f.mutable_hello()->set_client_name("raw-test");
  f.mutable_hello()->set_token(token);
  return send_frame(f);
}

bool raw_socket::read_exact(char* buf, size_t n, std::chrono::milliseconds timeout) {
  size_t got = 0;
  while (got < n) {
    pollfd pfd{fd_, POLLIN, 0};
    int r = poll(&pfd, 1, static_cast<int>(timeout.count()));
    if (r == 0)
      throw std::runtime_error("raw_socket: no data within the time limit");
    auto k = recv(fd_, buf + got, n - got, 0);
    if (k <= 0)
      return false;
    got += static_cast<size_t>(k);
  }
  return true;
}

std::optional<v1::Frame> raw_socket::read_frame(std::chrono::milliseconds timeout) {
  char hdr[4];
  if (!read_exact(hdr, 4, timeout))
    return std::nullopt;
  auto* u = reinterpret_cast<unsigned char*>(hdr);
  size_t len = (size_t{u[0]} << 24) | (size_t{u[1]} << 16) | (size_t{u[2]} << 8) | u[3];
  std::string body(len, '\0');
  if (!read_exact(body.data(), len, timeout))
    return std::nullopt;
  v1::Frame f;
  if (!f.ParseFromString(body))
    throw std::runtime_error("raw_socket: node sent a malformed frame");
  return f;
}

std::optional<std::string> raw_socket::read_some(std::chrono::milliseconds timeout) {
  if (!readable(timeout))
    throw std::runtime_error("raw_socket: no data within the time limit");
  char buf[64 * 1024];
  auto k = recv(fd_, buf, sizeof(buf), 0);
  if (k <= 0)
    return std::nullopt;
  return std::string{buf, static_cast<size_t>(k)};
}

bool raw_socket::readable(std::chrono::milliseconds timeout) {
  pollfd pfd{fd_, POLLIN, 0};
  return poll(&pfd, 1, static_cast<int>(timeout.count())) > 0;
}

bool raw_socket::closed_by_peer(std::chrono::milliseconds timeout) {
  char buf[4096];
  for (;;) {
    pollfd pfd{fd_, POLLIN, 0};
    if (poll(&pfd, 1, static_cast<int>(timeout.count())) == 0)
      return false;
    auto k = recv(fd_, buf, sizeof(buf), 0);
    if (k <= 0)
      return true;
  }
}

} // namespace troupe::test
