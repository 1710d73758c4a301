#include "tests/support/resp_conn.hpp"

#include <stdexcept>

#include "protocol/resp.hpp"

namespace troupe::test {

std::string resp_command(const std::vector<std::string>& args) {
  std::string out = "*" + std::to_string(args.size()) + "\r\n";
  for (auto& a : args)
    out += bulk(a);
  return out;
}

std::vector<std::string> strings_of(const std::string& reply) {
  std::vector<std::string_view> parts;
  if (!protocol::resp::split_array(reply, parts))
    throw std::runtime_error("not a RESP array: " + reply);
  std::vector<std::string> out;
  for (auto p : parts) {
    auto cr = p.find("\r\n");
    out.emplace_back(p.substr(cr + 2, p.size() - cr - 4));
  }
  return out;
}

std::pair<std::string, std::vector<std::string>> scan_reply(const std::string& reply) {
  // "*2\r\n$<n>\r\n<cursor>\r\n*<k>\r\n..."
  auto first = reply.find("\r\n") + 2;
  auto cursor_size = resp_value_size(std::string_view{reply}.substr(first));
  auto cursor_bulk = reply.substr(first, cursor_size);
  auto cr = cursor_bulk.find("\r\n");
  auto cursor = cursor_bulk.substr(cr + 2, cursor_bulk.size() - cr - 4);
  return {cursor, strings_of(reply.substr(first + cursor_size))};
}

std::string bulk(std::string_view s) {
  return "$" + std::to_string(s.size()) + "\r\n" + std::string{s} + "\r\n";
}

std::string integer(int64_t n) {
  return ":" + std::to_string(n) + "\r\n";
}

size_t resp_value_size(std::string_view buf) {
  auto cr = buf.find("\r\n");
  if (buf.empty() || cr == std::string_view::npos)
    return 0;
  auto head = std::string{buf.substr(1, cr - 1)};
  size_t pos = cr + 2;
  switch (buf[0]) {
    case '+': case '-': case ':': case '_': case ',': case '#': case '(':
      return pos;
    case '$': case '=': case '!': {
      auto n = std::stoll(head);
      if (n < 0)
        return pos;
      auto end = pos + static_cast<size_t>(n) + 2;
      return end <= buf.size() ? end : 0;
    }
    case '*': case '>': case '~': case '%': {
      auto n = std::stoll(head);
      if (buf[0] == '%')
        n *= 2;
      for (long long i = 0; i < n; ++i) {
        auto size = resp_value_size(buf.substr(pos));
        if (size == 0)
          return 0;
        pos += size;
      }
      return pos;
    }
    default:
      throw std::runtime_error("not a RESP value: " + std::string{buf.substr(0, 32)});
  }
}

void resp_conn::send(const std::vector<std::string>& args) {
  if (!sock_.send(resp_command(args)))
    throw std::runtime_error("resp_conn: the node closed the connection");
}

std::string resp_conn::read() {
  while (true) {
    if (auto n = resp_value_size(buf_)) {
      auto out = buf_.substr(0, n);
      buf_.erase(0, n);
      return out;
    }
    auto more = sock_.read_some();
    if (!more)
      throw std::runtime_error("resp_conn: the node closed the connection; unread: " + buf_);
    buf_ += *more;
  }
}

std::string resp_conn::call(const std::vector<std::string>& args) {
  send(args);
  return read();
}

} // namespace troupe::test
