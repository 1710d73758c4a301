#include "node/amqp_topology.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "protocol/amqp.hpp"

namespace troupe::node::amqp_topology {

namespace {

namespace amqp = protocol::amqp;

std::string to_hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 0xf]);
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view hex) {
  auto digit = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  if (hex.size() % 2 != 0)
    return std::nullopt;
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = digit(hex[i]), lo = digit(hex[i + 1]);
    if (hi < 0 || lo < 0)
      return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

/// RabbitMQ's classes of field types: every integer type is one ("int"),
/// both floating types another; values of one class compare by value.
char type_class(char type) {
  switch (type) {
    case 'b': case 'B': case 's': case 'u': case 'I': case 'i': case 'l': case 'L':
      return 'l';
    case 'f': case 'd':
      return 'd';
    default:
      return type;
  }
}

/// A big-endian IEEE 754 value of `raw` (Bits as wide as Float).
template <class Float, class Bits>
Float from_big_endian(std::string_view raw) {
  Bits bits = 0;
  for (unsigned char c : raw)
    bits = static_cast<Bits>((bits << 8) | c);
  Float f = 0;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

std::optional<double> as_double(const amqp::field_value& v) {
  if (v.type == 'd' && v.raw.size() == 8)
    return from_big_endian<double, uint64_t>(v.raw);
  if (v.type == 'f' && v.raw.size() == 4)
    return from_big_endian<float, uint32_t>(v.raw);
  return std::nullopt;
}

/// Whether a header's value is the one a binding asks for.
bool same_value(const amqp::field_value& want, const amqp::field_value& got) {
  if (type_class(want.type) != type_class(got.type))
    return false;
  if (type_class(want.type) == 'l')
    return want.as_int() == got.as_int();
  if (type_class(want.type) == 'd')
    return as_double(want) == as_double(got);
  return want.raw == got.raw;
}

/// A headers exchange's match of a binding's `arguments` (encoded) against
/// a message's `headers`, as RabbitMQ's: x-match all (the default) wants
/// every argument, any at least one; an argument without a value (void)
/// wants only the header; arguments named x-* count only with all-with-x
/// and any-with-x.
bool headers_match(std::string_view arguments, const amqp::field_table& headers) {
  amqp::field_table args;
  if (!arguments.empty() && !amqp::decode_table_value(arguments, args))
    return false;
  std::string how = "all";
  if (auto* x = amqp::find_field(args, "x-match"))
    how = x->as_string().value_or("all");
  bool all = how == "all" || how == "all-with-x";
  bool with_x = how == "all-with-x" || how == "any-with-x";
  for (auto& [name, want] : args) {
    if (name == "x-match" || (!with_x && name.rfind("x-", 0) == 0))
      continue;
    auto* got = amqp::find_field(headers, name);
    bool hit = got != nullptr && (want.type == 'V' || same_value(want, *got));
    if (all && !hit)
      return false;
    if (!all && hit)
      return true;
  }
  return all;
}

using json_writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(json_writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

std::string prefix(std::string_view vhost) {
  return "amqp|" + std::string{vhost} + "|";
}

std::optional<rapidjson::Document> parse(std::string_view text) {
  rapidjson::Document d;
  d.Parse(text.data(), text.size());
  if (d.HasParseError() || !d.IsObject())
    return std::nullopt;
  return d;
}

std::optional<std::string> string_field(const rapidjson::Document& d, const char* name) {
  auto it = d.FindMember(name);
  if (it == d.MemberEnd() || !it->value.IsString())
    return std::nullopt;
  return std::string{it->value.GetString(), it->value.GetStringLength()};
}

bool bool_field(const rapidjson::Document& d, const char* name) {
  auto it = d.FindMember(name);
  return it != d.MemberEnd() && it->value.IsBool() && it->value.GetBool();
}

std::optional<int64_t> int_field(const rapidjson::Document& d, const char* name) {
  auto it = d.FindMember(name);
  if (it == d.MemberEnd() || !it->value.IsInt64())
    return std::nullopt;
  return it->value.GetInt64();
}

} // namespace

std::string queue_topic(std::string_view vhost, std::string_view queue) {
  return prefix(vhost) + std::string{queue};
}

std::optional<std::pair<std::string, std::string>> parse_queue_topic(std::string_view topic) {
  if (topic.substr(0, 5) != "amqp|")
    return std::nullopt;
  auto bar = topic.find('|', 5);
  if (bar == std::string_view::npos)
    return std::nullopt;
  return std::pair{std::string{topic.substr(5, bar - 5)}, std::string{topic.substr(bar + 1)}};
}

std::string exchange_group(std::string_view vhost, std::string_view exchange) {
  return prefix(vhost) + "x|" + std::string{exchange};
}

std::string queues_group(std::string_view vhost) {
  return prefix(vhost) + "queues";
}

std::string queue_bindings_group(std::string_view vhost, std::string_view queue) {
  return prefix(vhost) + "qb|" + std::string{queue};
}

std::string binding_key(std::string_view name, std::string_view routing_key,
                        std::string_view arguments) {
  auto key = "b" + std::to_string(name.size()) + ":" + std::string{name};
  if (arguments.empty())
    return key + std::string{routing_key};
  // With arguments: the routing key's length first, so that no key and
  // arguments of one binding read as another's.
  return key + "+" + std::to_string(routing_key.size()) + ":" + std::string{routing_key}
         + to_hex(arguments);
}

bool queue_def::equivalent(const queue_def& o) const {
  return durable == o.durable && exclusive == o.exclusive && auto_delete == o.auto_delete
         && dead_letter_exchange == o.dead_letter_exchange
         && dead_letter_routing_key == o.dead_letter_routing_key
         && message_ttl_ms == o.message_ttl_ms && max_priority == o.max_priority;
}

std::string encode(const exchange_def& e) {
  rapidjson::StringBuffer buf;
  json_writer w{buf};
  w.StartObject();
  w.Key("type");
  string(w, e.type);
  w.Key("durable");
  w.Bool(e.durable);
  w.Key("autoDelete");
  w.Bool(e.auto_delete);
  w.Key("internal");
  w.Bool(e.internal);
  w.EndObject();
  return buf.GetString();
}

std::string encode(const binding& b) {
  rapidjson::StringBuffer buf;
  json_writer w{buf};
  w.StartObject();
  w.Key("name");
  string(w, b.name);
  w.Key("routingKey");
  string(w, b.routing_key);
  if (!b.arguments.empty()) {
    w.Key("arguments");
    string(w, to_hex(b.arguments));
  }
  w.EndObject();
  return buf.GetString();
}

std::string encode(const queue_def& q) {
  rapidjson::StringBuffer buf;
  json_writer w{buf};
  w.StartObject();
  w.Key("durable");
  w.Bool(q.durable);
  w.Key("exclusive");
  w.Bool(q.exclusive);
  w.Key("autoDelete");
  w.Bool(q.auto_delete);
  if (q.dead_letter_exchange) {
    w.Key("deadLetterExchange");
    string(w, *q.dead_letter_exchange);
  }
  if (q.dead_letter_routing_key) {
    w.Key("deadLetterRoutingKey");
    string(w, *q.dead_letter_routing_key);
  }
  if (q.message_ttl_ms) {
    w.Key("messageTtl");
    w.Int64(*q.message_ttl_ms);
  }
  if (q.max_priority) {
    w.Key("maxPriority");
    w.Int64(*q.max_priority);
  }
  if (!q.owner.empty()) {
    w.Key("owner");
    string(w, q.owner);
  }
  w.EndObject();
  return buf.GetString();
}

std::optional<exchange_def> decode_exchange(std::string_view json) {
  auto d = parse(json);
  if (!d)
    return std::nullopt;
  auto type = string_field(*d, "type");
  if (!type)
    return std::nullopt;
  return exchange_def{*type, bool_field(*d, "durable"), bool_field(*d, "autoDelete"),
                      bool_field(*d, "internal")};
}

std::optional<binding> decode_binding(std::string_view json) {
  auto d = parse(json);
  if (!d)
    return std::nullopt;
  auto name = string_field(*d, "name");
  auto key = string_field(*d, "routingKey");
  auto arguments = from_hex(string_field(*d, "arguments").value_or(""));
  if (!name || !key || !arguments)
    return std::nullopt;
  return binding{*name, *key, std::move(*arguments)};
}

std::optional<queue_def> decode_queue(std::string_view json) {
  auto d = parse(json);
  if (!d)
    return std::nullopt;
  queue_def q;
  q.durable = bool_field(*d, "durable");
  q.exclusive = bool_field(*d, "exclusive");
  q.auto_delete = bool_field(*d, "autoDelete");
  q.dead_letter_exchange = string_field(*d, "deadLetterExchange");
  q.dead_letter_routing_key = string_field(*d, "deadLetterRoutingKey");
  q.message_ttl_ms = int_field(*d, "messageTtl");
  q.max_priority = int_field(*d, "maxPriority");
  q.owner = string_field(*d, "owner").value_or("");
  return q;
}

std::optional<std::string> dead_letter_properties(std::string_view raw, const std::string& exchange,
                                                  const std::string& routing_key,
                                                  const std::string& queue, const char* reason) {
  namespace amqp = protocol::amqp;
  auto props = amqp::decode_properties(raw.empty() ? std::string_view{"\0\0", 2} : raw);
  if (!props)
    return std::nullopt;
  amqp::field_table headers = props->headers.value_or(amqp::field_table{});
  std::vector<amqp::field_value> deaths;
  int64_t count = 1;
  if (auto* old = amqp::find_field(headers, "x-death"); old && old->type == 'A') {
    std::vector<amqp::field_value> items;
    if (amqp::decode_array(old->raw, items))
      for (auto& item : items) {
        amqp::field_table entry;
        if (item.type == 'F' && amqp::decode_table_value(item.raw, entry)) {
          auto* q = amqp::find_field(entry, "queue");
          auto* r = amqp::find_field(entry, "reason");
          if (q && r && q->as_string() == queue && r->as_string() == std::string{reason}) {
            if (auto* c = amqp::find_field(entry, "count"); c && c->as_int())
              count = *c->as_int() + 1;
            continue;
          }
        }
        deaths.push_back(item);
      }
  }
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
    std::chrono::system_clock::now().time_since_epoch());
  amqp::field_table entry{
    {"count", amqp::long_value(count)},
    {"reason", amqp::string_value(reason)},
    {"queue", amqp::string_value(queue)},
    {"time", amqp::timestamp_value(static_cast<uint64_t>(now.count()))},
    {"exchange", amqp::string_value(exchange)},
    {"routing-keys", amqp::array_value({amqp::string_value(routing_key)})},
  };
  if (props->expiration)
    entry.emplace_back("original-expiration", amqp::string_value(*props->expiration));
  deaths.insert(deaths.begin(), amqp::table_value(entry));
  amqp::field_table out;
  for (auto& [name, v] : headers)
    if (name != "x-death")
      out.emplace_back(name, v);
  if (!amqp::find_field(out, "x-first-death-exchange")) {
    out.emplace_back("x-first-death-exchange", amqp::string_value(exchange));
    out.emplace_back("x-first-death-queue", amqp::string_value(queue));
    out.emplace_back("x-first-death-reason", amqp::string_value(reason));
  }
  out.emplace_back("x-death", amqp::array_value(deaths));
  auto kept = props->expiration ? amqp::without_expiration(props->raw) : props->raw;
  return kept ? amqp::with_headers(*kept, out) : std::nullopt;
}

std::optional<int64_t> expiration_ms(std::string_view expiration) {
  if (expiration.empty() || expiration.size() > 18)
    return std::nullopt;
  int64_t ms = 0;
  for (char c : expiration) {
    if (c < '0' || c > '9')
      return std::nullopt;
    ms = ms * 10 + (c - '0');
  }
  return ms;
}

std::optional<exchange_def> builtin_exchange(std::string_view name) {
  if (name == "amq.direct")
    return exchange_def{"direct"};
  if (name == "amq.fanout")
    return exchange_def{"fanout"};
  if (name == "amq.topic")
    return exchange_def{"topic"};
  if (name == "amq.headers" || name == "amq.match")
    return exchange_def{"headers"};
  return std::nullopt;
}

bool known_type(std::string_view type) {
  return type == "direct" || type == "fanout" || type == "topic" || type == "headers";
}

std::optional<std::string> headers_binding_error(std::string_view arguments) {
  amqp::field_table args;
  if (arguments.empty() || !amqp::decode_table_value(arguments, args))
    return std::nullopt;
  auto* x_match = amqp::find_field(args, "x-match");
  if (x_match == nullptr)
    return std::nullopt;
  auto how = x_match->as_string();
  if (how && (*how == "all" || *how == "any" || *how == "all-with-x" || *how == "any-with-x"))
    return std::nullopt;
  return "PRECONDITION_FAILED - Invalid x-match field value " + how.value_or("")
         + "; expected all, any, all-with-x, or any-with-x";
}

std::vector<std::string> route(const exchange_def& e, const std::vector<binding>& bindings,
                               std::string_view routing_key, const amqp::field_table& headers) {
  std::vector<std::string> out;
  for (auto& b : bindings) {
    bool hit = e.type == "fanout" || (e.type == "direct" && b.routing_key == routing_key)
               || (e.type == "topic" && protocol::amqp::topic_matches(b.routing_key, routing_key))
               || (e.type == "headers" && headers_match(b.arguments, headers));
    if (hit)
      out.push_back(b.name);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace troupe::node::amqp_topology
