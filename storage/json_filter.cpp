#include "storage/json_filter.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "storage/js_value.hpp"

namespace troupe::storage {

namespace {

constexpr unsigned parse_flags = rapidjson::kParseIterativeFlag
                                 | rapidjson::kParseValidateEncodingFlag;

using json = rapidjson::Value;
using js_value = js::value;
using js::primitive;

bool is_undefined(const js_value& x) {
  return x.v == nullptr && !x.synthetic_number;
}

bool is_null(const js_value& x) {
  return x.v != nullptr && x.v->IsNull();
}

std::optional<std::string_view> as_string(const js_value& x) {
  if (x.v != nullptr && x.v->IsString())
    return std::string_view{x.v->GetString(), x.v->GetStringLength()};
  return std::nullopt;
}

bool relational(const js_value& v, filter_op op, std::string_view f) {
  auto a = js::to_primitive(v);
  auto b = js::string_primitive(f);
  std::optional<bool> r;
  switch (op) {
    case filter_op::lt:  // a < b
      r = js::less(a, b);
      return r.value_or(false);
    case filter_op::gt:  // b < a
      r = js::less(b, a);
      return r.value_or(false);
    case filter_op::lte:  // !(b < a)
      r = js::less(b, a);
      return r.has_value() && !*r;
    case filter_op::gte:  // !(a < b)
      r = js::less(a, b);
      return r.has_value() && !*r;
    default:
      return false;
  }
}

bool matches(const json& doc, const filter& f) {
  auto v = js::property(doc, f.value_key);
  auto str = as_string(v);
  std::string_view fv = f.value;
  switch (f.op) {
    case filter_op::eq:
      return str && *str == fv;
    case filter_op::neq:
      return !(str && *str == fv);
    case filter_op::gt:
    case filter_op::gte:
    case filter_op::lt:
    case filter_op::lte:
      return relational(v, f.op, fv);
    case filter_op::contains:
      return str && str->find(fv) != std::string_view::npos;
    case filter_op::not_contains:
      return str && str->find(fv) == std::string_view::npos;
    case filter_op::starts_with:
      return str && str->substr(0, fv.size()) == fv;
    case filter_op::ends_with:
      return str && str->size() >= fv.size()
             && str->substr(str->size() - fv.size()) == fv;
    case filter_op::is_not_null:
      return !is_undefined(v) && !is_null(v);
    case filter_op::is_null:
      return is_undefined(v) || is_null(v);
  }
  return false;
}

const char* type_name(const json& v) {
  switch (v.GetType()) {
    case rapidjson::kStringType: return "string";
    case rapidjson::kNumberType: return "number";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "boolean";
    case rapidjson::kArrayType: return "array";
    case rapidjson::kObjectType: return "object";
    default: return "null";
  }
}

bool is_js_space(std::string_view s, size_t i, size_t& len) {
  auto c = static_cast<uint8_t>(s[i]);
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
    len = 1;
    return true;
  }
  static constexpr std::string_view multi[] = {
    "\xC2\xA0",     "\xEF\xBB\xBF", "\xE1\x9A\x80", "\xE2\x80\xA8",
    "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80",
  };
  for (auto m : multi)
    if (s.substr(i, m.size()) == m) {
      len = m.size();
      return true;
    }
  // U+2000..U+200A
  if (s.size() - i >= 3 && c == 0xE2 && static_cast<uint8_t>(s[i + 1]) == 0x80
      && static_cast<uint8_t>(s[i + 2]) >= 0x80
      && static_cast<uint8_t>(s[i + 2]) <= 0x8A) {
    len = 3;
    return true;
  }
  return false;
}

std::string_view js_trim(std::string_view s) {
  size_t len = 0;
  while (!s.empty() && is_js_space(s, 0, len))
    s.remove_prefix(len);
  for (bool again = true; again && !s.empty();) {
    again = false;
    // Scan for a trailing space sequence (1 to 3 bytes).
    for (size_t back = 1; back <= 3 && back <= s.size(); ++back) {
      size_t at = s.size() - back;
      if (is_js_space(s, at, len) && at + len == s.size()) {
        s.remove_suffix(back);
        again = true;
        break;
      }
    }
  }
  return s;
}

bool all_digits(std::string_view s, int base) {
  if (s.empty())
    return false;
  for (char c : s) {
    int d = (c >= '0' && c <= '9')   ? c - '0'
            : (c >= 'a' && c <= 'z') ? c - 'a' + 10
            : (c >= 'A' && c <= 'Z') ? c - 'A' + 10
                                     : 99;
    if (d >= base)
      return false;
  }
  return true;
}

} // namespace

size_t json_depth(std::string_view text) {
  size_t depth = 0;
  size_t deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::optional<std::string> json_error(std::string_view text) {
  if (json_depth(text) > max_json_depth)
    return "nested deeper than " + std::to_string(max_json_depth) + " levels";
  rapidjson::Document doc;
  doc.Parse<parse_flags>(text.data(), text.size());
  if (!doc.HasParseError())
    return std::nullopt;
  return std::string{rapidjson::GetParseError_En(doc.GetParseError())}
         + " at offset " + std::to_string(doc.GetErrorOffset());
}

std::optional<filter_outcome> evaluate_filters(std::string_view json_text,
                                               const std::vector<filter>& filters) {
  if (json_depth(json_text) > max_json_depth) {
    auto first = json_text.find_first_of("[{");
    return filter_outcome{filters.empty(), json_text[first] == '[' ? "array" : "object"};
  }
  rapidjson::Document doc;
  doc.Parse<parse_flags>(json_text.data(), json_text.size());
  if (doc.HasParseError())
    return std::nullopt;
  filter_outcome out;
  out.type = type_name(doc);
  out.matched = true;
  for (auto& f : filters)
    if (!matches(doc, f)) {
      out.matched = false;
      break;
    }
  return out;
}

std::string js_number_to_string(double x) {
  if (std::isnan(x))
    return "NaN";
  if (std::isinf(x))
    return x > 0 ? "Infinity" : "-Infinity";
  if (x == 0)
    return "0";
  std::string out;
  if (x < 0) {
    out.push_back('-');
    x = -x;
  }
  // Shortest round-trip digits in scientific form: d[.ddd]e[+-]xx
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), x, std::chars_format::scientific);
  std::string_view sci{buf, static_cast<size_t>(res.ptr - buf)};
  auto epos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, epos))
    if (c != '.')
      digits.push_back(c);
  int e = std::atoi(std::string{sci.substr(epos + 1)}.c_str());
  int k = static_cast<int>(digits.size());
  int n = e + 1;  // value = 0.digits * 10^n
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<size_t>(n));
    out += '.';
    out += digits.substr(static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-n), '0');
    out += digits;
  } else {
    out += digits[0];
    if (k > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += (n - 1 >= 0) ? '+' : '-';
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

double js_string_to_number(std::string_view text) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  auto s = js_trim(text);
  if (s.empty())
    return 0;
  if (s.size() > 2 && s[0] == '0') {
    int base = (s[1] == 'x' || s[1] == 'X')   ? 16
               : (s[1] == 'o' || s[1] == 'O') ? 8
               : (s[1] == 'b' || s[1] == 'B') ? 2
                                              : 0;
    if (base != 0) {
      auto body = s.substr(2);
      if (!all_digits(body, base))
        return nan;
      double v = 0;
      for (char c : body) {
        int d = (c >= '0' && c <= '9') ? c - '0' : (c | 0x20) - 'a' + 10;
        v = v * base + d;
      }
      return v;
    }
  }
  auto body = s;
  bool negative = false;
  if (body[0] == '+' || body[0] == '-') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "Infinity")
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  // StrUnsignedDecimalLiteral: digits [. digits] [exp] | . digits [exp]
  size_t i = 0;
  size_t int_digits = 0, frac_digits = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') {
    ++i;
    ++int_digits;
  }
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') {
      ++i;
      ++frac_digits;
    }
  }
  if (int_digits + frac_digits == 0)
    return nan;
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-'))
      ++i;
    size_t exp_digits = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') {
      ++i;
      ++exp_digits;
    }
    if (exp_digits == 0)
      return nan;
  }
  if (i != body.size())
    return nan;
  std::string literal{s};
  return std::strtod(literal.c_str(), nullptr);
}

} // namespace troupe::storage
