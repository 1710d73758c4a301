// Wire helpers shared by the load generators: hand-rolled protobuf and RESP
// encoding (so both servers face equally cheap clients), blocking dial and
// write, percentiles.
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>
#include <arpa/inet.h>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace troupe::bench {

// -- wire helpers -------------------------------------------------------------

inline void put_varint(std::string& out, uint64_t x) {
  while (x >= 0x80) {
    out.push_back(static_cast<char>(x | 0x80));
    x >>= 7;
  }
  out.push_back(static_cast<char>(x));
}

inline void put_bytes_field(std::string& out, int field, const std::string& bytes) {
  put_varint(out, static_cast<uint64_t>(field) << 3 | 2);
  put_varint(out, bytes.size());
  out += bytes;
}

inline void put_frame(std::string& out, const std::string& body) {
  auto n = body.size();
  out.push_back(static_cast<char>(n >> 24));
  out.push_back(static_cast<char>(n >> 16));
  out.push_back(static_cast<char>(n >> 8));
  out.push_back(static_cast<char>(n));
  out += body;
}

inline bool get_varint(const unsigned char*& p, const unsigned char* end, uint64_t& x) {
  x = 0;
  for (int shift = 0; p < end && shift < 64; shift += 7) {
    auto b = *p++;
    x |= uint64_t{static_cast<uint64_t>(b & 0x7F)} << shift;
    if ((b & 0x80) == 0)
      return true;
  }
  return false;
}

/// Frame{id, request{<op_field>: op_body}}, length-prefixed.
inline std::string request_frame(uint64_t id, int op_field, const std::string& op_body) {
  std::string req;
  put_bytes_field(req, op_field, op_body);
  std::string body;
  body.push_back(0x08);
  put_varint(body, id);
  put_bytes_field(body, 4, req);
  std::string out;
  put_frame(out, body);
  return out;
}

/// The body of the complete frame at `pos` in `in`, advancing `pos` past it;
/// nullopt when the frame is not complete yet.
inline std::optional<std::string_view> next_frame(const std::string& in, size_t& pos) {
  if (in.size() - pos < 4)
    return std::nullopt;
  auto* u = reinterpret_cast<const unsigned char*>(in.data() + pos);
  size_t len = (size_t{u[0]} << 24) | (size_t{u[1]} << 16) | (size_t{u[2]} << 8) | u[3];
  if (in.size() - pos < 4 + len)
    return std::nullopt;
  std::string_view body{in.data() + pos + 4, len};
  pos += 4 + len;
  return body;
}

/// Monotonic nanoseconds, for latencies measured inside one process.
inline int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
           std::chrono::steady_clock::now().time_since_epoch())
    .count();
}

inline std::string troupe_hello(const std::string& token) {
  std::string hello;
  hello.push_back(0x08);
  put_varint(hello, 1);  // protocol version
  put_bytes_field(hello, 2, "state_load");
  put_bytes_field(hello, 3, token);
  std::string body;
  put_bytes_field(body, 2, hello);
  std::string out;
  put_frame(out, body);
  return out;
}

inline std::string resp_command(const std::vector<std::string>& args) {
  std::string out = "*" + std::to_string(args.size()) + "\r\n";
  for (auto& a : args)
    out += "$" + std::to_string(a.size()) + "\r\n" + a + "\r\n";
  return out;
}

inline int dial(const std::string& host, uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    std::perror("connect");
    std::exit(1);
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  return fd;
}

inline void write_all(int fd, const std::string& data) {
  size_t off = 0;
  while (off < data.size()) {
    auto k = write(fd, data.data() + off, data.size() - off);
    if (k <= 0) {
      std::perror("write");
      std::exit(1);
    }
    off += static_cast<size_t>(k);
  }
}

inline uint32_t percentile(std::vector<uint32_t>& v, double q) {
  if (v.empty())
    return 0;
  auto idx = static_cast<size_t>(q * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(idx), v.end());
  return v[idx];
}

} // namespace troupe::bench
