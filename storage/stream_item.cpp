#include "storage/stream_item.hpp"

#include <algorithm>
#include <cmath>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "storage/js_value.hpp"
#include "storage/json_filter.hpp"

namespace troupe::storage {

namespace {

constexpr unsigned parse_flags = rapidjson::kParseIterativeFlag
                                 | rapidjson::kParseValidateEncodingFlag;

/// JavaScript truthiness of a JSON value.
bool truthy(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType:
    case rapidjson::kFalseType:
      return false;
    case rapidjson::kNumberType:
      return v.GetDouble() != 0 && !std::isnan(v.GetDouble());
    case rapidjson::kStringType:
      return v.GetStringLength() > 0;
    default:
      return true;
  }
}

/// Sets obj[name] = value, in place when the member exists (JavaScript keeps
/// an overwritten key's position), appended otherwise.
void assign(rapidjson::Document& doc, const char* name, rapidjson::Value value) {
  rapidjson::Value* found = nullptr;
  for (auto it = doc.MemberBegin(); it != doc.MemberEnd(); ++it)
    if (std::string_view{it->name.GetString(), it->name.GetStringLength()} == name)
      found = &it->value;
  if (found != nullptr)
    *found = std::move(value);
  else
    doc.AddMember(rapidjson::Value{name, doc.GetAllocator()}, std::move(value),
                  doc.GetAllocator());
}

/// Parses `text` into `doc`; false (and `doc` null) when it is not JSON or
/// is nested deeper than max_json_depth, which no walker here may meet.
bool parse(rapidjson::Document& doc, std::string_view text) {
  if (json_depth(text) > max_json_depth) {
    doc.SetNull();
    return false;
  }
  doc.Parse<parse_flags>(text.data(), text.size());
  if (!doc.HasParseError())
    return true;
  doc.SetNull();
  return false;
}

std::string to_text(const rapidjson::Value& v) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w{buf};
  v.Accept(w);
  return {buf.GetString(), buf.GetSize()};
}

struct parsed_item {
  std::string text;
  rapidjson::Document doc;
};

std::vector<parsed_item> parse_all(std::vector<std::string>& items) {
  std::vector<parsed_item> out(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    out[i].text = std::move(items[i]);
    parse(out[i].doc, out[i].text);
  }
  return out;
}

void unparse_all(std::vector<parsed_item>& parsed, std::vector<std::string>& items) {
  items.clear();
  for (auto& p : parsed)
    items.push_back(std::move(p.text));
}

} // namespace

std::optional<std::string> build_stream_item(std::string_view data, std::string_view id,
                                             const std::string* previous, int64_t now_ms,
                                             std::string& item) {
  rapidjson::Document doc;
  if (!parse(doc, data))
    return json_depth(data) > max_json_depth
             ? "data is nested deeper than " + std::to_string(max_json_depth) + " levels"
             : std::string{"data is not valid JSON"};
  if (!doc.IsObject())
    return std::string{"data must be a JSON object"};
  auto& alloc = doc.GetAllocator();
  rapidjson::Value created;
  if (previous != nullptr) {
    rapidjson::Document prev;
    if (parse(prev, *previous) && prev.IsObject() && prev.HasMember("_createdAt"))
      created.CopyFrom(prev["_createdAt"], alloc);
  }
  if (created.IsNull()) {
    auto own = js::property(doc, "_createdAt");
    if (own.v != nullptr && truthy(*own.v))
      created.CopyFrom(*own.v, alloc);
    else
      created.SetInt64(now_ms);
  }
  assign(doc, "id", rapidjson::Value{id.data(), static_cast<rapidjson::SizeType>(id.size()), alloc});
  assign(doc, "_createdAt", std::move(created));
  item = to_text(doc);
  return std::nullopt;
}

void sort_stream_items(std::vector<std::string>& items) {
  struct keyed {
    double created;
    std::string id;
    std::string text;
  };
  std::vector<keyed> ks;
  ks.reserve(items.size());
  for (auto& text : items) {
    rapidjson::Document doc;
    parse(doc, text);
    double created = 0;
    std::string id;
    if (doc.IsObject()) {
      auto c = js::property(doc, "_createdAt");
      if (c.v != nullptr && c.v->IsNumber())
        created = c.v->GetDouble();
      auto i = js::property(doc, "id");
      if (i.v != nullptr && i.v->IsString())
        id.assign(i.v->GetString(), i.v->GetStringLength());
    }
    ks.push_back({created, std::move(id), std::move(text)});
  }
  std::stable_sort(ks.begin(), ks.end(), [](const keyed& a, const keyed& b) {
    return a.created != b.created ? a.created < b.created : a.id < b.id;
  });
  items.clear();
  for (auto& k : ks)
    items.push_back(std::move(k.text));
}

std::optional<std::string> run_stream_query(std::vector<std::string>& items,
                                            const stream_query& q) {
  rapidjson::Document where;
  if (!q.where.empty()) {
    if (!parse(where, q.where) || !where.IsObject())
      return std::string{"where must be a JSON object"};
  }
  auto parsed = parse_all(items);
  if (!q.where.empty() && where.MemberCount() > 0) {
    std::vector<parsed_item> kept;
    for (auto& p : parsed) {
      bool all = p.doc.IsObject();
      for (auto it = where.MemberBegin(); all && it != where.MemberEnd(); ++it) {
        std::string_view key{it->name.GetString(), it->name.GetStringLength()};
        // Objects and arrays are compared by reference in JavaScript: never equal.
        if (it->value.IsObject() || it->value.IsArray())
          all = false;
        else
          all = js::strict_equal(js::property(p.doc, key), js::value{&it->value, std::nullopt});
      }
      if (all)
        kept.push_back(std::move(p));
    }
    parsed = std::move(kept);
  }
  if (!q.order_by.empty()) {
    auto field = [&](const parsed_item& p) {
      return p.doc.IsObject() ? js::to_primitive(js::property(p.doc, q.order_by))
                              : js::to_primitive(js::value{});
    };
    std::vector<std::pair<js::primitive, size_t>> keys;
    for (size_t i = 0; i < parsed.size(); ++i)
      keys.emplace_back(field(parsed[i]), i);
    // comparison = a < b ? -1 : a > b ? 1 : 0; negated for desc.
    std::stable_sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
      auto& x = q.descending ? b.first : a.first;
      auto& y = q.descending ? a.first : b.first;
      return js::less(x, y).value_or(false);
    });
    std::vector<parsed_item> sorted;
    for (auto& k : keys)
      sorted.push_back(std::move(parsed[k.second]));
    parsed = std::move(sorted);
  }
  if (q.offset > 0)
    parsed.erase(parsed.begin(),
                 parsed.begin() + static_cast<std::ptrdiff_t>(std::min<uint64_t>(q.offset, parsed.size())));
  if (q.limit > 0 && parsed.size() > q.limit)
    parsed.resize(q.limit);
  unparse_all(parsed, items);
  return std::nullopt;
}

} // namespace troupe::storage
