#include "protocol/status.hpp"

#include <cstdio>

#include "protocol/troupe.pb.h"

namespace troupe {

const char* to_string(error_code code) {
  switch (code) {
    case error_code::ok: return "OK";
    case error_code::invalid_argument: return "INVALID_ARGUMENT";
    case error_code::not_found: return "NOT_FOUND";
    case error_code::conflict: return "CONFLICT";
    case error_code::too_large: return "TOO_LARGE";
    case error_code::unauthenticated: return "UNAUTHENTICATED";
    case error_code::not_leader: return "NOT_LEADER";
    case error_code::unavailable: return "UNAVAILABLE";
    case error_code::internal: return "INTERNAL";
  }
  return "UNKNOWN";
}

namespace {

/// Length of the well-formed UTF-8 sequence at s[i] (Unicode's table of
/// well-formed byte sequences: no overlong forms, no surrogates, at most
/// U+10FFFF); 0 when there is none.
size_t utf8_sequence(const std::string& s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < s.size() && at(k) >= lo && at(k) <= hi;
  };
  auto c = at(i);
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    auto lo = c == 0xE0 ? 0xA0 : 0x80;
    auto hi = c == 0xED ? 0x9F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    auto lo = c == 0xF0 ? 0x90 : 0x80;
    auto hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

} // namespace

std::string utf8_safe(std::string text) {
  size_t i = 0;
  while (i < text.size()) {
    auto n = utf8_sequence(text, i);
    if (n == 0)
      break;
    i += n;
  }
  if (i == text.size())
    return text;  // the common case: nothing to escape, no copy
  static const char hex[] = "0123456789ABCDEF";
  std::string out = text.substr(0, i);
  while (i < text.size()) {
    if (auto n = utf8_sequence(text, i); n > 0) {
      out.append(text, i, n);
      i += n;
      continue;
    }
    auto c = static_cast<unsigned char>(text[i++]);
    out += "\\x";
    out += hex[c >> 4];
    out += hex[c & 15];
  }
  return out;
}

std::string json_quoted(std::string text) {
  auto safe = utf8_safe(std::move(text));
  std::string out = "\"";
  for (unsigned char c : safe) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

void set_storage_error(v1::Response& resp, const char* what, const std::string& message) {
  set_error(resp, error_code::internal, std::string{"storage "} + what + " failed: " + message);
}

void set_error(v1::Response& resp, error_code code, std::string message) {
  resp.clear_result();
  auto* err = resp.mutable_error();
  err->set_code(static_cast<v1::ErrorCode>(code));
  err->set_message(utf8_safe(std::move(message)));
}

std::string status::to_string() const {
  if (ok())
    return "OK";
  return std::string{troupe::to_string(code)} + ": " + message;
}

} // namespace troupe
