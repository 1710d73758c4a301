#include "storage/js_value.hpp"

#include <cmath>
#include <limits>

#include "storage/json_filter.hpp"

namespace troupe::storage::js {

namespace {

bool is_canonical_index(std::string_view s, size_t& index) {
  if (s.empty() || s.size() > 10 || (s.size() > 1 && s[0] == '0'))
    return false;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9')
      return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (n >= 4294967295u)
    return false;
  index = static_cast<size_t>(n);
  return true;
}

} // namespace

value property(const json& doc, std::string_view key) {
  if (doc.IsObject()) {
    const json* found = nullptr;
    for (auto it = doc.MemberBegin(); it != doc.MemberEnd(); ++it) {
      std::string_view name{it->name.GetString(), it->name.GetStringLength()};
      if (name == key)
        found = &it->value;  // last duplicate wins, as in JSON.parse
    }
    return {found, std::nullopt};
  }
  if (doc.IsArray()) {
    if (key == "length")
      return {nullptr, static_cast<double>(doc.Size())};
    size_t index = 0;
    if (is_canonical_index(key, index) && index < doc.Size())
      return {&doc[static_cast<rapidjson::SizeType>(index)], std::nullopt};
    return {};
  }
  return {&doc, std::nullopt};
}


// Array.prototype.join(",") of ToString of each element.
void append_string(std::string& out, const json& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType:
      break;  // null and undefined join as ""
    case rapidjson::kFalseType:
      out += "false";
      break;
    case rapidjson::kTrueType:
      out += "true";
      break;
    case rapidjson::kStringType:
      out.append(v.GetString(), v.GetStringLength());
      break;
    case rapidjson::kNumberType:
      out += js_number_to_string(v.GetDouble());
      break;
    case rapidjson::kObjectType:
      out += "[object Object]";
      break;
    case rapidjson::kArrayType: {
      bool first = true;
      for (auto& e : v.GetArray()) {
        if (!first)
          out += ',';
        first = false;
        append_string(out, e);
      }
      break;
    }
  }
}

primitive to_primitive(const value& x) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (x.synthetic_number)
    return {false, {}, *x.synthetic_number};
  if (x.v == nullptr)
    return {false, {}, nan};
  const json& v = *x.v;
  switch (v.GetType()) {
    case rapidjson::kNullType:
      return {false, {}, 0};
    case rapidjson::kFalseType:
      return {false, {}, 0};
    case rapidjson::kTrueType:
      return {false, {}, 1};
    case rapidjson::kNumberType:
      return {false, {}, v.GetDouble()};
    default: {
      primitive p{true, {}, 0};
      append_string(p.s, v);
      return p;
    }
  }
}

namespace {

std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<uint8_t>(s[i]);
    uint32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if ((c >> 5) == 0x6) {
      cp = c & 0x1F;
      len = 2;
    } else if ((c >> 4) == 0xE) {
      cp = c & 0x0F;
      len = 3;
    } else {
      cp = c & 0x07;
      len = 4;
    }
    for (size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<uint8_t>(s[i + k]) & 0x3F);
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

} // namespace

// JavaScript's `a < b` where b is a string: returns nullopt for "undefined"
// (a NaN was involved), which makes every relational operator false.
std::optional<bool> less(const primitive& a, const primitive& b) {
  if (a.is_string && b.is_string)
    return to_utf16(a.s) < to_utf16(b.s);
  double x = a.is_string ? js_string_to_number(a.s) : a.n;
  double y = b.is_string ? js_string_to_number(b.s) : b.n;
  if (std::isnan(x) || std::isnan(y))
    return std::nullopt;
  return x < y;
}


bool strict_equal(const value& a, const value& b) {
  if (a.synthetic_number || b.synthetic_number) {
    auto num = [](const value& x) -> std::optional<double> {
      if (x.synthetic_number)
        return x.synthetic_number;
      if (x.v != nullptr && x.v->IsNumber())
        return x.v->GetDouble();
      return std::nullopt;
    };
    auto x = num(a), y = num(b);
    return x && y && *x == *y;
  }
  if (a.v == nullptr || b.v == nullptr)
    return a.v == nullptr && b.v == nullptr;  // undefined === undefined
  auto& x = *a.v;
  auto& y = *b.v;
  if (x.IsNumber() && y.IsNumber())
    return x.GetDouble() == y.GetDouble();
  if (x.IsString() && y.IsString())
    return std::string_view{x.GetString(), x.GetStringLength()}
           == std::string_view{y.GetString(), y.GetStringLength()};
  if (x.IsBool() && y.IsBool())
    return x.GetBool() == y.GetBool();
  return x.IsNull() && y.IsNull();
}

} // namespace troupe::storage::js
