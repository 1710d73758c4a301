#include "storage/json_filter.hpp"
#include "storage/stream_item.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

using namespace troupe::storage;

namespace {

bool match(const std::string& json, const std::string& key, filter_op op,
           const std::string& value) {
  auto out = evaluate_filters(json, {{key, op, value}});
  BOOST_REQUIRE(out);
  return out->matched;
}

std::optional<filter_op> op_named(const std::string& name) {
  static const std::pair<const char*, filter_op> names[] = {
    {"eq", filter_op::eq}, {"neq", filter_op::neq}, {"gt", filter_op::gt},
    {"gte", filter_op::gte}, {"lt", filter_op::lt}, {"lte", filter_op::lte},
    {"contains", filter_op::contains}, {"notContains", filter_op::not_contains},
    {"startsWith", filter_op::starts_with}, {"endsWith", filter_op::ends_with},
    {"isNotNull", filter_op::is_not_null}, {"isNull", filter_op::is_null},
  };
  for (auto& [n, op] : names)
    if (name == n)
      return op;
  return std::nullopt;
}

const std::string order = R"({"status":"done","total":12.5,"paid":true,"note":null,"tags":["a","b"],"n":"10"})";

} // namespace

BOOST_AUTO_TEST_SUITE(json_filter)

BOOST_AUTO_TEST_CASE(eq_and_neq_compare_strings_strictly) {
  BOOST_TEST(match(order, "status", filter_op::eq, "done"));
  BOOST_TEST(!match(order, "status", filter_op::eq, "Done"));
  BOOST_TEST(!match(order, "total", filter_op::eq, "12.5"));  // number !== string
  BOOST_TEST(!match(order, "missing", filter_op::eq, ""));
  BOOST_TEST(match(order, "total", filter_op::neq, "12.5"));
  BOOST_TEST(match(order, "missing", filter_op::neq, "x"));
  BOOST_TEST(!match(order, "status", filter_op::neq, "done"));
}

BOOST_AUTO_TEST_CASE(gt_gte_lt_lte_follow_javascript_coercion) {
  BOOST_TEST(match(order, "total", filter_op::gt, "12"));        // 12.5 > 12
  BOOST_TEST(!match(order, "total", filter_op::gt, "12.5"));
  BOOST_TEST(match(order, "total", filter_op::gte, "12.5"));
  BOOST_TEST(match(order, "total", filter_op::lt, "1e2"));
  BOOST_TEST(match(order, "total", filter_op::lte, " 12.5 "));   // whitespace trimmed
  BOOST_TEST(!match(order, "total", filter_op::gt, "abc"));       // NaN: false
  BOOST_TEST(!match(order, "total", filter_op::lte, "abc"));
  BOOST_TEST(match(order, "n", filter_op::lt, "9"));              // "10" < "9" as strings
  BOOST_TEST(match(order, "paid", filter_op::gte, "1"));          // true -> 1
  BOOST_TEST(match(order, "note", filter_op::lt, "1"));           // null -> 0
  BOOST_TEST(!match(order, "missing", filter_op::lt, "1"));       // undefined -> NaN
  BOOST_TEST(match(order, "tags", filter_op::lt, "a,c"));         // ["a","b"] -> "a,b"
  BOOST_TEST(match(order, "status", filter_op::gt, ""));          // "" is the smallest string
  BOOST_TEST(match(order, "total", filter_op::gt, ""));           // "" -> 0
}

BOOST_AUTO_TEST_CASE(string_operations_need_a_string) {
  BOOST_TEST(match(order, "status", filter_op::contains, "on"));
  BOOST_TEST(match(order, "status", filter_op::contains, ""));
  BOOST_TEST(!match(order, "total", filter_op::contains, "12"));
  BOOST_TEST(match(order, "status", filter_op::not_contains, "x"));
  BOOST_TEST(!match(order, "status", filter_op::not_contains, "do"));
  BOOST_TEST(!match(order, "missing", filter_op::not_contains, "x"));  // not a string
  BOOST_TEST(match(order, "status", filter_op::starts_with, "do"));
  BOOST_TEST(!match(order, "status", filter_op::starts_with, "one"));
  BOOST_TEST(match(order, "status", filter_op::ends_with, "one"));
  BOOST_TEST(!match(order, "status", filter_op::ends_with, "donee"));
  BOOST_TEST(!match(order, "tags", filter_op::starts_with, "a"));
}

BOOST_AUTO_TEST_CASE(null_checks_treat_missing_as_null) {
  BOOST_TEST(match(order, "note", filter_op::is_null, ""));
  BOOST_TEST(match(order, "missing", filter_op::is_null, ""));
  BOOST_TEST(!match(order, "status", filter_op::is_null, ""));
  BOOST_TEST(match(order, "paid", filter_op::is_not_null, ""));
  BOOST_TEST(!match(order, "note", filter_op::is_not_null, ""));
  BOOST_TEST(!match(order, "constructor", filter_op::is_not_null, ""));  // own properties only
}

BOOST_AUTO_TEST_CASE(non_object_values_are_compared_themselves) {
  BOOST_TEST(match(R"("hello")", "anything", filter_op::eq, "hello"));
  BOOST_TEST(match("42", "x", filter_op::gt, "41"));
  BOOST_TEST(match("null", "x", filter_op::is_null, ""));
  BOOST_TEST(match(R"([5,6])", "1", filter_op::gt, "5"));     // array index
  BOOST_TEST(match(R"([5,6])", "length", filter_op::eq, "2") == false);
  BOOST_TEST(match(R"([5,6])", "length", filter_op::gte, "2"));
}

BOOST_AUTO_TEST_CASE(every_filter_must_match) {
  std::vector<filter> fs{{"status", filter_op::eq, "done"}, {"total", filter_op::gt, "100"}};
  BOOST_TEST(!evaluate_filters(order, fs)->matched);
  fs[1].value = "10";
  BOOST_TEST(evaluate_filters(order, fs)->matched);
  BOOST_TEST(evaluate_filters(order, {})->matched);
}

BOOST_AUTO_TEST_CASE(types_match_motia_state_item_types) {
  BOOST_TEST(std::string{evaluate_filters(order, {})->type} == "object");
  BOOST_TEST(std::string{evaluate_filters("[1]", {})->type} == "array");
  BOOST_TEST(std::string{evaluate_filters("\"s\"", {})->type} == "string");
  BOOST_TEST(std::string{evaluate_filters("1.5", {})->type} == "number");
  BOOST_TEST(std::string{evaluate_filters("false", {})->type} == "boolean");
  BOOST_TEST(std::string{evaluate_filters("null", {})->type} == "null");
}

BOOST_AUTO_TEST_CASE(agrees_with_motia_reference_on_generated_cases) {
  // Rows computed by Motia's own JavaScript (gen_js_filter_cases.js).
  std::ifstream in{TROUPE_JS_FILTER_CASES};
  BOOST_REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  rapidjson::Document doc;
  doc.Parse(text.str().c_str());
  BOOST_REQUIRE(doc.IsArray());
  BOOST_REQUIRE(doc.Size() > 1000);
  size_t mismatches = 0;
  for (auto& row : doc.GetArray()) {
    auto op = op_named(row[2].GetString());
    BOOST_REQUIRE(op);
    filter f{row[1].GetString(), *op,
             std::string{row[3].GetString(), row[3].GetStringLength()}};
    auto out = evaluate_filters(row[0].GetString(), {f});
    BOOST_REQUIRE(out);
    bool expected = row[4].GetInt() == 1;
    if (out->matched != expected && ++mismatches <= 10)
      BOOST_ERROR("value " << row[0].GetString() << " key " << f.value_key << " op "
                           << row[2].GetString() << " filter '" << f.value << "': expected "
                           << expected);
  }
  BOOST_TEST(mismatches == 0u);
}

BOOST_AUTO_TEST_CASE(invalid_json_is_reported) {
  BOOST_TEST(!json_error(R"({"a":[1,2,{"b":null}]})").has_value());
  BOOST_TEST(!json_error("  7 ").has_value());
  BOOST_TEST(json_error("").has_value());
  BOOST_TEST(json_error("{").has_value());
  BOOST_TEST(json_error("{} {}").has_value());
  BOOST_TEST(json_error("NaN").has_value());
  BOOST_TEST(json_error("\"\xC3\x28\"").has_value());  // invalid UTF-8
  BOOST_TEST(!evaluate_filters("nope", {}).has_value());
  // Deep nesting is refused past the limit (and parsed iteratively).
  auto nested = [](size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  BOOST_TEST(!json_error(nested(max_json_depth)).has_value());
  BOOST_TEST(*json_error(nested(max_json_depth + 1)) == "nested deeper than 512 levels");
  BOOST_TEST(json_error(nested(200000)).has_value());
  BOOST_TEST(json_depth(R"({"a":"[[[[","b":[{"c":"\"]"}]})") == 3u);
  BOOST_TEST(json_depth("7") == 0u);
}

BOOST_AUTO_TEST_CASE(values_stored_deeper_than_the_limit_are_read_without_walking_them) {
  // Stored before the limit existed: listed, never matched by a filter, and
  // never crash a reader (each walker recurses per level).
  std::string deep = "{\"n\":" + std::string(100000, '[') + "1" + std::string(100000, ']') + "}";
  auto all = evaluate_filters(deep, {});
  BOOST_TEST_REQUIRE(all.has_value());
  BOOST_TEST(all->matched);
  BOOST_TEST(all->type == std::string{"object"});
  BOOST_TEST(!match(deep, "n", filter_op::gt, "0"));
  BOOST_TEST(!match(deep, "n", filter_op::is_not_null, ""));
  std::vector<std::string> items{deep, R"({"id":"b","n":2,"_createdAt":2})"};
  stream_query q;
  q.order_by = "n";
  BOOST_TEST(!run_stream_query(items, q).has_value());
  BOOST_TEST(items.size() == 2u);
  sort_stream_items(items);
  BOOST_TEST(items.size() == 2u);
  std::string item;
  BOOST_TEST(!build_stream_item(R"({"x":1})", "a", &deep, 5, item).has_value());
  BOOST_TEST(item == R"({"x":1,"id":"a","_createdAt":5})");
  BOOST_TEST(build_stream_item(deep, "a", nullptr, 5, item).has_value());
}

BOOST_AUTO_TEST_CASE(number_formatting_matches_javascript) {
  BOOST_TEST(js_number_to_string(0) == "0");
  BOOST_TEST(js_number_to_string(-0.0) == "0");
  BOOST_TEST(js_number_to_string(12.5) == "12.5");
  BOOST_TEST(js_number_to_string(-3) == "-3");
  BOOST_TEST(js_number_to_string(1e21) == "1e+21");
  BOOST_TEST(js_number_to_string(1e20) == "100000000000000000000");
  BOOST_TEST(js_number_to_string(0.000001) == "0.000001");
  BOOST_TEST(js_number_to_string(1e-7) == "1e-7");
  BOOST_TEST(js_number_to_string(1.5e-10) == "1.5e-10");
  BOOST_TEST(js_number_to_string(0.1 + 0.2) == "0.30000000000000004");
}

BOOST_AUTO_TEST_CASE(string_to_number_matches_javascript) {
  BOOST_TEST(js_string_to_number("") == 0);
  BOOST_TEST(js_string_to_number("  \n") == 0);
  BOOST_TEST(js_string_to_number(" 12.5 ") == 12.5);
  BOOST_TEST(js_string_to_number("0x10") == 16);
  BOOST_TEST(js_string_to_number("0b101") == 5);
  BOOST_TEST(js_string_to_number("-Infinity") == -INFINITY);
  BOOST_TEST(js_string_to_number(".5") == 0.5);
  BOOST_TEST(js_string_to_number("5.") == 5);
  BOOST_TEST(std::isnan(js_string_to_number("1_000")));
  BOOST_TEST(std::isnan(js_string_to_number("-0x10")));
  BOOST_TEST(std::isnan(js_string_to_number("inf")));
  BOOST_TEST(std::isnan(js_string_to_number("1e")));
  BOOST_TEST(std::isnan(js_string_to_number("abc")));
}

BOOST_AUTO_TEST_SUITE_END()
