#include "protocol/resp.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace troupe::protocol::resp {

namespace {

// Redis's limits: an inline command or a header line without its CRLF may
// not grow past 64 KiB, nor an array past 1,048,576 elements.
constexpr size_t max_line_bytes = 64 * 1024;
constexpr int64_t max_array_elements = 1024 * 1024;

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  return (c | 0x20) - 'a' + 10;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/// Redis's sdssplitargs: words, "double quoted" with escapes, 'single
/// quoted'. False on unbalanced quotes.
bool split_args(std::string_view line, std::vector<std::string>& out) {
  size_t i = 0;
  while (true) {
    while (i < line.size() && is_space(line[i]))
      ++i;
    if (i == line.size())
      return true;
    std::string word;
    bool in_double = false;
    bool in_single = false;
    while (true) {
      if (in_double) {
        if (i == line.size())
          return false;
        char c = line[i];
        if (c == '\\' && i + 3 < line.size() && line[i + 1] == 'x' && is_hex(line[i + 2])
            && is_hex(line[i + 3])) {
          word.push_back(static_cast<char>(hex_value(line[i + 2]) * 16 + hex_value(line[i + 3])));
          i += 3;
        } else if (c == '\\' && i + 1 < line.size()) {
          ++i;
          switch (line[i]) {
            case 'n': word.push_back('\n'); break;
            case 'r': word.push_back('\r'); break;
            case 't': word.push_back('\t'); break;
            case 'b': word.push_back('\b'); break;
            case 'a': word.push_back('\a'); break;
            default: word.push_back(line[i]); break;
          }
        } else if (c == '"') {
          // A closing quote must be followed by a space or the end.
          if (i + 1 < line.size() && !is_space(line[i + 1]))
            return false;
          in_double = false;
          ++i;
          break;
        } else {
          word.push_back(c);
        }
        ++i;
      } else if (in_single) {
        if (i == line.size())
          return false;
        char c = line[i];
        if (c == '\\' && i + 1 < line.size() && line[i + 1] == '\'') {
          word.push_back('\'');
          ++i;
        } else if (c == '\'') {
          if (i + 1 < line.size() && !is_space(line[i + 1]))
            return false;
          in_single = false;
          ++i;
          break;
        } else {
          word.push_back(c);
        }
        ++i;
      } else {
        if (i == line.size() || is_space(line[i]))
          break;
        if (line[i] == '"')
          in_double = true;
        else if (line[i] == '\'')
          in_single = true;
        else
          word.push_back(line[i]);
        ++i;
      }
    }
    out.push_back(std::move(word));
  }
}

void header(std::string& out, char type, int64_t n) {
  out.push_back(type);
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
  out.append("\r\n", 2);
}

} // namespace

std::string key_too_long(std::string_view what, size_t size, size_t limit) {
  return "ERR " + std::string{what} + " is " + std::to_string(size) + " bytes; the limit is "
         + std::to_string(limit);
}

std::string value_too_long(size_t limit) {
  return "ERR string exceeds maximum allowed size (" + std::to_string(limit) + " bytes)";
}

std::string lower(std::string_view text) {
  std::string out{text};
  for (auto& ch : out)
    if (ch >= 'A' && ch <= 'Z')
      ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

std::optional<int64_t> parse_int(std::string_view text) {
  if (text.empty() || text.size() > 20)
    return std::nullopt;
  // string2ll: "0", or an optional '-' and a digit 1-9 first.
  size_t digits_at = text[0] == '-' ? 1 : 0;
  if (digits_at == text.size())
    return std::nullopt;
  if (text[digits_at] == '0' && (text.size() > 1))
    return std::nullopt;
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size())
    return std::nullopt;
  return value;
}

// -- parser -------------------------------------------------------------------

parser::parser(size_t max_request_bytes) : max_request_bytes_(max_request_bytes) {
  // nop
}

void parser::feed(const char* data, size_t size) {
  compact();
  buf_.append(data, size);
}

void parser::compact() {
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  } else if (pos_ > 64 * 1024) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
}

parser::outcome parser::fail(std::string message) {
  error_ = std::move(message);
  return outcome::error;
}

std::optional<std::string_view> parser::line() {
  auto cr = buf_.find("\r\n", pos_);
  if (cr == std::string::npos)
    return std::nullopt;
  std::string_view out{buf_.data() + pos_, cr - pos_};
  pos_ = cr + 2;
  return out;
}

size_t parser::bytes_wanted() const {
  if (args_left_ <= 0 || bulk_len_ < 0)
    return 0;
  auto need = static_cast<size_t>(bulk_len_) + 2;
  auto have = buf_.size() - pos_;
  return need > have ? need - have : 0;
}

parser::outcome parser::parse_inline(std::vector<std::string>& args) {
  auto nl = buf_.find('\n', pos_);
  if (nl == std::string::npos) {
    if (buf_.size() - pos_ > max_line_bytes)
      return fail("Protocol error: too big inline request");
    return outcome::need_more;
  }
  std::string_view text{buf_.data() + pos_, nl - pos_};
  if (!text.empty() && text.back() == '\r')
    text.remove_suffix(1);
  pos_ = nl + 1;
  if (!split_args(text, args))
    return fail("Protocol error: unbalanced quotes in request");
  return outcome::command;
}

parser::outcome parser::next(std::vector<std::string>& args) {
  args.clear();
  while (true) {
    if (args_left_ < 0) {
      // Between commands.
      if (pos_ == buf_.size())
        return outcome::need_more;
      if (buf_[pos_] != '*') {
        auto res = parse_inline(args);
        if (res == outcome::command && args.empty())
          continue;  // an empty line
        return res;
      }
      auto start = pos_;
      auto text = line();
      if (!text) {
        if (buf_.size() - pos_ > max_line_bytes)
          return fail("Protocol error: too big mbulk count string");
        return outcome::need_more;
      }
      auto n = parse_int(text->substr(1));
      if (!n || *n > max_array_elements)
        return fail("Protocol error: invalid multibulk length");
      if (*n <= 0)
        continue;  // Redis ignores empty and null arrays
      args_left_ = *n;
      bulk_len_ = -1;
      request_bytes_ = pos_ - start;
      partial_.clear();
      partial_.reserve(static_cast<size_t>(std::min<int64_t>(*n, 1024)));
    }
    while (args_left_ > 0) {
      if (bulk_len_ < 0) {
        if (pos_ == buf_.size())
          return outcome::need_more;
        if (buf_[pos_] != '$')
          return fail(std::string{"Protocol error: expected '$', got '"} + buf_[pos_] + "'");
        auto text = line();
        if (!text) {
          if (buf_.size() - pos_ > max_line_bytes)
            return fail("Protocol error: too big bulk count string");
          return outcome::need_more;
        }
        auto n = parse_int(text->substr(1));
        if (!n || *n < 0 || static_cast<uint64_t>(*n) > max_request_bytes_)
          return fail("Protocol error: invalid bulk length");
        request_bytes_ += text->size() + 2 + static_cast<size_t>(*n) + 2;
        if (request_bytes_ > max_request_bytes_)
          return fail("Protocol error: request exceeds the limit of "
                      + std::to_string(max_request_bytes_) + " bytes");
        bulk_len_ = *n;
      }
      auto len = static_cast<size_t>(bulk_len_);
      if (buf_.size() - pos_ < len + 2)
        return outcome::need_more;
      if (buf_[pos_ + len] != '\r' || buf_[pos_ + len + 1] != '\n')
        return fail("Protocol error: expected CRLF after a bulk string");
      partial_.emplace_back(buf_.data() + pos_, len);
      pos_ += len + 2;
      bulk_len_ = -1;
      --args_left_;
    }
    args_left_ = -1;
    args.swap(partial_);
    partial_.clear();
    return outcome::command;
  }
}

// -- replies ------------------------------------------------------------------

namespace {

/// A one-line reply: CR and LF in the text (which may quote a client's
/// bytes) become spaces, so the line cannot end early or forge a reply.
void line_reply(std::string& out, char kind, std::string_view text) {
  out.push_back(kind);
  auto start = out.size();
  out.append(text);
  for (auto i = start; i < out.size(); ++i)
    if (out[i] == '\r' || out[i] == '\n')
      out[i] = ' ';
  out.append("\r\n", 2);
}

} // namespace

void simple(std::string& out, std::string_view text) {
  line_reply(out, '+', text);
}

void error(std::string& out, std::string_view text) {
  line_reply(out, '-', text);
}

void integer(std::string& out, int64_t value) {
  header(out, ':', value);
}

void bulk(std::string& out, std::string_view value) {
  header(out, '$', static_cast<int64_t>(value.size()));
  out.append(value);
  out.append("\r\n", 2);
}

void null(std::string& out, bool resp3) {
  out.append(resp3 ? "_\r\n" : "$-1\r\n");
}

void null_array(std::string& out, bool resp3) {
  out.append(resp3 ? "_\r\n" : "*-1\r\n");
}

void array(std::string& out, size_t count) {
  header(out, '*', static_cast<int64_t>(count));
}

void map(std::string& out, size_t pairs, bool resp3) {
  if (resp3)
    header(out, '%', static_cast<int64_t>(pairs));
  else
    header(out, '*', static_cast<int64_t>(pairs * 2));
}

void set(std::string& out, size_t count, bool resp3) {
  header(out, resp3 ? '~' : '*', static_cast<int64_t>(count));
}

void dbl(std::string& out, double value, bool resp3) {
  char digits[64];
  int n = std::isinf(value) ? std::snprintf(digits, sizeof digits, "%s", value > 0 ? "inf" : "-inf")
                            : std::snprintf(digits, sizeof digits, "%.17g", value);
  std::string_view text{digits, static_cast<size_t>(n)};
  if (!resp3) {
    bulk(out, text);
    return;
  }
  out.push_back(',');
  out.append(text);
  out.append("\r\n", 2);
}

void push(std::string& out, size_t count, bool resp3) {
  header(out, resp3 ? '>' : '*', static_cast<int64_t>(count));
}

void help(std::string& out, std::string_view command,
          std::initializer_list<std::string_view> lines) {
  array(out, lines.size() + 3);
  simple(out, std::string{command} + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
  for (auto l : lines)
    simple(out, l);
  simple(out, "HELP");
  simple(out, "    Prints this help.");
}

// -- reading replies ------------------------------------------------------------

namespace {

/// Length of the reply at the front of `in`, RESP2 or RESP3, aggregates
/// with everything in them; 0 when it is incomplete or malformed. Iterative:
/// a deeply nested reply (a script's table) costs no stack.
size_t element_size(std::string_view in) {
  size_t pos = 0;
  uint64_t pending = 1;  // elements still to read
  while (pending > 0) {
    --pending;
    auto cr = in.find("\r\n", pos);
    if (pos >= in.size() || cr == std::string_view::npos)
      return 0;
    auto head = in.substr(pos + 1, cr - pos - 1);
    switch (in[pos]) {
      case ':': case '+': case '-': case '_': case ',': case '#': case '(':
        pos = cr + 2;
        break;
      case '$': case '!': case '=': {
        auto n = parse_int(head);
        if (!n)
          return 0;
        pos = cr + 2;
        if (*n >= 0) {
          if (static_cast<uint64_t>(*n) > in.size())
            return 0;
          pos += static_cast<size_t>(*n) + 2;
          if (pos > in.size() || in.substr(pos - 2, 2) != "\r\n")
            return 0;
        }
        break;
      }
      case '*': case '~': case '>': case '%': case '|': {
        auto n = parse_int(head);
        if (!n || (*n > 0 && static_cast<uint64_t>(*n) > in.size()))
          return 0;  // each element takes 3 bytes at least
        // A map has a key and a value per entry; an attribute's pairs come
        // before the reply they describe.
        uint64_t per = in[pos] == '%' || in[pos] == '|' ? 2 : 1;
        if (in[pos] == '|')
          ++pending;
        if (*n > 0)
          pending += static_cast<uint64_t>(*n) * per;
        pos = cr + 2;
        break;
      }
      default:
        return 0;
    }
  }
  return pos;
}

} // namespace

bool split_array(std::string_view reply, std::vector<std::string_view>& elements) {
  auto cr = reply.find("\r\n");
  if (reply.empty() || reply[0] != '*' || cr == std::string_view::npos)
    return false;
  auto n = parse_int(reply.substr(1, cr - 1));
  if (!n || *n < 0)
    return false;
  reply.remove_prefix(cr + 2);
  for (int64_t i = 0; i < *n; ++i) {
    auto size = element_size(reply);
    if (size == 0)
      return false;
    elements.push_back(reply.substr(0, size));
    reply.remove_prefix(size);
  }
  return reply.empty();
}

std::optional<int64_t> read_integer(std::string_view reply) {
  if (reply.size() < 4 || reply[0] != ':' || reply.substr(reply.size() - 2) != "\r\n")
    return std::nullopt;
  return parse_int(reply.substr(1, reply.size() - 3));
}

} // namespace troupe::protocol::resp
