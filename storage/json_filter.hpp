// JSON validation, Motia's type inference, and the 12 state filter operations
// evaluated exactly as Motia's reference (Redis) state adapter evaluates them
// in JavaScript:
//
//   v = (value is an object or array) ? value[valueKey] : value
//   eq/neq        v === f / v !== f            (f is always a string)
//   gt/gte/lt/lte JavaScript's relational comparison of v with the string f
//                 (strings by UTF-16 code units; otherwise both sides become
//                 numbers, NaN compares false; arrays join with ",", objects
//                 become "[object Object]")
//   contains, notContains, startsWith, endsWith   only when v is a string
//   isNull/isNotNull   v is (not) null or missing
//
// Property lookup sees own properties only (the last one when a key repeats,
// as JSON.parse does) and, for arrays, indices and "length"; inherited
// JavaScript properties such as "constructor" count as missing.
// Plain functions, no state; safe on any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace troupe::storage {

enum class filter_op {
  eq, neq, gt, gte, lt, lte, contains, not_contains, starts_with, ends_with,
  is_not_null, is_null,
};

struct filter {
  std::string value_key;
  filter_op op = filter_op::eq;
  std::string value;
};

/// The deepest nesting of arrays and objects the node accepts in a value.
/// Deeper values are refused (INVALID_ARGUMENT): the code that walks values
/// (filters, queries, stream items) recurses once per level.
constexpr size_t max_json_depth = 512;

/// How deeply arrays and objects nest in `text`: one linear scan that skips
/// strings; for valid JSON, the document's depth ("1" is 0, "[[]]" is 2).
size_t json_depth(std::string_view text);

/// nullopt when `text` is one valid JSON document (UTF-8, no trailing data,
/// nested at most max_json_depth deep); otherwise a short description of the
/// first error.
std::optional<std::string> json_error(std::string_view text);

struct filter_outcome {
  bool matched = false;
  const char* type = "null";  ///< Motia's StateItem type of the whole value
};

/// Parses `json_text` once and evaluates the AND of `filters` on it.
/// nullopt when the text is not valid JSON. A value nested deeper than
/// max_json_depth (stored before the limit existed) is never walked: it
/// matches only an empty filter list.
std::optional<filter_outcome> evaluate_filters(std::string_view json_text,
                                               const std::vector<filter>& filters);

/// JavaScript's String(number) for a finite double ("1e+21", "0.1", "-0" -> "0").
std::string js_number_to_string(double x);

/// JavaScript's Number(string): NaN when the text is not a numeric literal.
double js_string_to_number(std::string_view text);

} // namespace troupe::storage
