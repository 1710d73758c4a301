// JavaScript value semantics over RapidJSON values, shared by the state
// filters and the stream queries: ToPrimitive, String(array), and the
// relational comparison `a < b`. Internal to storage/ (it exposes RapidJSON).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

namespace troupe::storage::js {

using json = rapidjson::Value;

// A JavaScript value as the filters see it: undefined or a JSON value.
struct value {
  const json* v = nullptr;  // nullptr: undefined
  // Set when the value is an array's "length" (a number not in the document).
  std::optional<double> synthetic_number;
};


/// `doc[key]` as JavaScript sees it for a parsed JSON value: own properties
/// of an object (the last of duplicates), an array's indices and "length";
/// a non-object value is returned itself.
value property(const json& doc, std::string_view key);

/// ToPrimitive(x, hint number): a string, or a number (NaN for undefined).
struct primitive {
  bool is_string = false;
  std::string s;
  double n = 0;
};

primitive to_primitive(const value& x);

/// A string as a primitive.
inline primitive string_primitive(std::string_view s) {
  return {true, std::string{s}, 0};
}

/// JavaScript's `a < b`: nullopt when the result is undefined (a NaN was
/// involved), which makes every relational operator false.
std::optional<bool> less(const primitive& a, const primitive& b);

/// Array.prototype.join / String(v) appended to `out`.
void append_string(std::string& out, const json& v);

/// JavaScript's `a === b` for JSON values (objects and arrays: never equal).
bool strict_equal(const value& a, const value& b);

} // namespace troupe::storage::js
