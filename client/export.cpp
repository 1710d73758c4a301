#include "client/export.hpp"

#include <google/protobuf/util/json_util.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "client/import_json.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"
#include "storage/record.hpp"

namespace troupe::client {

namespace {

/// The cron job of a lock record's key (partition | job); nullopt when the
/// key is not one.
std::optional<std::string> lock_job(std::string_view key) {
  auto p = storage::read_partition(key);
  auto job = p ? storage::read_component(key) : std::nullopt;
  if (!job || !key.empty())
    return std::nullopt;
  return job;
}

using storage::queue_kind;
using writer = rapidjson::Writer<rapidjson::StringBuffer>;

constexpr char b64_alphabet[] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64(std::string_view in) {
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    uint32_t v = (uint32_t{static_cast<uint8_t>(in[i])} << 16)
                 | (uint32_t{static_cast<uint8_t>(in[i + 1])} << 8) | static_cast<uint8_t>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6)
      out.push_back(b64_alphabet[(v >> s) & 63]);
  }
  if (i < in.size()) {
    uint32_t v = uint32_t{static_cast<uint8_t>(in[i])} << 16;
    if (i + 1 < in.size())
      v |= uint32_t{static_cast<uint8_t>(in[i + 1])} << 8;
    out.push_back(b64_alphabet[(v >> 18) & 63]);
    out.push_back(b64_alphabet[(v >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? b64_alphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

bool unbase64(std::string_view in, std::string& out) {
  out.clear();
  if (in.size() % 4 != 0)
    return false;
  uint32_t v = 0;
  int bits = 0;
  size_t pad = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '=') {
      if (i + 2 < in.size())
        return false;
      ++pad;
      continue;
    }
    if (pad != 0)
      return false;
    const char* at = std::char_traits<char>::find(b64_alphabet, 64, c);
    if (at == nullptr)
      return false;
    v = (v << 6) | static_cast<uint32_t>(at - b64_alphabet);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((v >> bits) & 0xFF));
    }
  }
  return true;
}

bool valid_utf8(std::string_view s) {
  return utf8_safe(std::string{s}) == s;
}

/// Bytes as {"base64": …}.
void put_base64(writer& w, const char* name, std::string_view bytes) {
  w.Key(name);
  w.StartObject();
  w.Key("base64");
  auto b = base64(bytes);
  w.String(b.data(), static_cast<rapidjson::SizeType>(b.size()));
  w.EndObject();
}

/// Bytes as a JSON string when they are UTF-8, else {"base64": …}.
void put_bytes(writer& w, const char* name, std::string_view bytes) {
  if (!valid_utf8(bytes))
    return put_base64(w, name, bytes);
  w.Key(name);
  w.String(bytes.data(), static_cast<rapidjson::SizeType>(bytes.size()));
}

bool get_bytes(const rapidjson::Value& doc, const char* name, std::string& out) {
  if (!doc.HasMember(name))
    return false;
  auto& v = doc[name];
  if (v.IsString()) {
    out.assign(v.GetString(), v.GetStringLength());
    return true;
  }
  return v.IsObject() && v.HasMember("base64") && v["base64"].IsString()
         && unbase64({v["base64"].GetString(), v["base64"].GetStringLength()}, out);
}

void put_header(writer& w, const storage::record_header& h) {
  w.Key("revision");
  w.Uint64(h.revision);
  w.Key("created_at");
  w.Int64(h.created_at_ms);
  w.Key("updated_at");
  w.Int64(h.updated_at_ms);
  w.Key("expires_at");
  w.Int64(h.expires_at_ms);
}

bool get_header(const rapidjson::Value& doc, storage::record_header& h) {
  auto i64 = [&](const char* name, int64_t& out) {
    if (!doc.HasMember(name) || !doc[name].IsInt64())
      return false;
    out = doc[name].GetInt64();
    return true;
  };
  if (!doc.HasMember("revision") || !doc["revision"].IsUint64())
    return false;
  h.revision = doc["revision"].GetUint64();
  return i64("created_at", h.created_at_ms) && i64("updated_at", h.updated_at_ms)
         && i64("expires_at", h.expires_at_ms);
}

/// A protobuf value (of type Msg) as a JSON object member.
template <class Msg>
bool put_proto(writer& w, const char* name, std::string_view bytes) {
  Msg m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return false;
  std::string json;
  google::protobuf::util::JsonPrintOptions opts;
  opts.preserve_proto_field_names = true;
  if (!google::protobuf::util::MessageToJsonString(m, &json, opts).ok())
    return false;
  w.Key(name);
  w.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  return true;
}

template <class Msg>
bool get_proto(const rapidjson::Value& doc, const char* name, std::string& out) {
  if (!doc.HasMember(name) || !doc[name].IsObject())
    return false;
  Msg m;
  if (!google::protobuf::util::JsonStringToMessage(json_text(doc[name]), &m).ok())
    return false;
  out = m.SerializeAsString();
  return true;
}

const char* queue_kind_name(queue_kind k) {
  switch (k) {
    case queue_kind::subscription:
      return "subscription";
    case queue_kind::message:
      return "message";
    case queue_kind::dead:
      return "dead_letter";
    case queue_kind::emitted:
      return "emitted";
  }
  return "raw";
}

/// The record as its kind, or nullopt when it does not decode as one.
std::optional<std::string> typed_line(uint32_t partition, const raw_record& r) {
  rapidjson::StringBuffer buf;
  writer w(buf);
  storage::record_header h;
  std::string_view payload;
  auto start = [&](const char* kind) {
    w.StartObject();
    w.Key("kind");
    w.String(kind);
    w.Key("partition");
    w.Uint(partition);
  };
  bool ok = true;
  switch (static_cast<storage::column>(r.column)) {
    case storage::column::state: {
      auto parts = storage::decode_state_key(r.key);
      if (!parts || !storage::decode_record(r.value, h, payload))
        return std::nullopt;
      start("state");
      put_bytes(w, "trace_id", parts->trace_id);
      put_bytes(w, "key", parts->key);
      put_header(w, h);
      put_bytes(w, "value", payload);
      break;
    }
    case storage::column::streams: {
      auto parts = storage::decode_stream_key(r.key);
      if (!parts || !storage::decode_record(r.value, h, payload))
        return std::nullopt;
      start("stream_item");
      put_bytes(w, "stream", parts->stream);
      put_bytes(w, "group", parts->group);
      put_bytes(w, "id", parts->id);
      put_header(w, h);
      put_bytes(w, "value", payload);
      break;
    }
    case storage::column::queues: {
      auto parts = storage::decode_queue_key(r.key);
      if (!parts)
        return std::nullopt;
      start(queue_kind_name(parts->kind));
      put_bytes(w, "topic", parts->topic);
      if (parts->kind == queue_kind::subscription) {
        put_bytes(w, "step", parts->step);
        ok = put_proto<v1::QueueConfig>(w, "config", r.value);
        break;
      }
      if (!storage::decode_record(r.value, h, payload))
        return std::nullopt;
      if (parts->kind == queue_kind::emitted) {
        put_bytes(w, "idempotency_key", parts->step);
        put_header(w, h);
        ok = put_proto<v1::EmitReply>(w, "reply", payload);
        break;
      }
      put_bytes(w, "step", parts->step);
      w.Key("seq");
      w.Uint64(parts->seq);
      put_header(w, h);
      ok = put_proto<v1::QueueMessage>(w, "message", payload);
      break;
    }
    case storage::column::locks: {
      auto job = lock_job(r.key);
      if (!job || !storage::decode_record(r.value, h, payload))
        return std::nullopt;
      start("lock");
      put_bytes(w, "job", *job);
      put_header(w, h);
      ok = put_proto<v1::LockInfo>(w, "lock", payload);
      break;
    }
    default:
      return std::nullopt;
  }
  if (!ok)
    return std::nullopt;
  w.EndObject();
  return std::string{buf.GetString(), buf.GetSize()};
}

std::string raw_line(uint32_t partition, const raw_record& r) {
  rapidjson::StringBuffer buf;
  writer w(buf);
  w.StartObject();
  w.Key("kind");
  w.String("raw");
  w.Key("partition");
  w.Uint(partition);
  w.Key("column");
  w.Uint(r.column);
  put_base64(w, "key", r.key);
  put_base64(w, "value", r.value);
  w.EndObject();
  return {buf.GetString(), buf.GetSize()};
}

/// The stored value: the header and `payload` (JSON text or bytes).
bool record_value(const rapidjson::Value& doc, const std::string& payload, std::string& out) {
  storage::record_header h;
  if (!get_header(doc, h))
    return false;
  out = storage::encode_record(h, payload);
  return true;
}

} // namespace

std::string export_header(const std::string& cluster, uint32_t partitions) {
  return "{\"troupe_export\":1,\"cluster\":" + json_quoted(cluster)
         + ",\"partitions\":" + std::to_string(partitions) + "}";
}

std::optional<uint32_t> export_header_partitions(const std::string& line) {
  rapidjson::Document d;
  if (d.Parse(line.data(), line.size()).HasParseError() || !d.IsObject()
      || !d.HasMember("troupe_export") || !d.HasMember("partitions") || !d["partitions"].IsUint())
    return std::nullopt;
  return d["partitions"].GetUint();
}

std::string record_line(uint32_t partition, const raw_record& r) {
  // A typed line is kept only when reading it back gives the same bytes.
  if (auto typed = typed_line(partition, r)) {
    uint32_t p = 0;
    raw_record back;
    std::string error;
    if (parse_record_line(*typed, p, back, error) && p == partition && back.column == r.column
        && back.key == r.key && back.value == r.value)
      return *typed;
  }
  return raw_line(partition, r);
}

bool in_namespace(const raw_record& r, const std::string& ns) {
  auto prefix = ns + ":";
  auto inside = [&](const std::string& name) { return name.compare(0, prefix.size(), prefix) == 0; };
  switch (static_cast<storage::column>(r.column)) {
    case storage::column::state: {
      auto parts = storage::decode_state_key(r.key);
      return parts && inside(parts->trace_id);
    }
    case storage::column::streams: {
      auto parts = storage::decode_stream_key(r.key);
      return parts && inside(parts->stream);
    }
    case storage::column::queues: {
      auto parts = storage::decode_queue_key(r.key);
      return parts && inside(parts->topic);
    }
    case storage::column::locks: {
      auto job = lock_job(r.key);
      return job && inside(*job);
    }
    case storage::column::meta:
      return true;
    default:
      return false;
  }
}

bool parse_record_line(const std::string& line, uint32_t& partition, raw_record& out,
                       std::string& error) {
  rapidjson::Document d;
  if (d.Parse(line.data(), line.size()).HasParseError() || !d.IsObject()) {
    error = "not a JSON object";
    return false;
  }
  if (!d.HasMember("kind") || !d["kind"].IsString() || !d.HasMember("partition")
      || !d["partition"].IsUint() || d["partition"].GetUint() > 0xFFFE) {
    error = "no kind and partition";
    return false;
  }
  partition = d["partition"].GetUint();
  partition_id p{static_cast<uint16_t>(partition)};
  std::string kind = d["kind"].GetString();
  std::string a, b, c, payload;
  auto fail = [&](const char* why) {
    error = kind + ": " + why;
    return false;
  };
  if (kind == "state") {
    if (!get_bytes(d, "trace_id", a) || !get_bytes(d, "key", b) || !get_bytes(d, "value", payload)
        || !record_value(d, payload, out.value))
      return fail("trace_id, key, value, revision, created_at, updated_at and expires_at expected");
    out.column = 0;
    out.key = storage::state_key(p, a, b);
    return true;
  }
  if (kind == "stream_item") {
    if (!get_bytes(d, "stream", a) || !get_bytes(d, "group", b) || !get_bytes(d, "id", c)
        || !get_bytes(d, "value", payload) || !record_value(d, payload, out.value))
      return fail("stream, group, id, value and the header expected");
    out.column = 1;
    out.key = storage::stream_key(p, a, b, c);
    return true;
  }
  if (kind == "subscription") {
    if (!get_bytes(d, "topic", a) || !get_bytes(d, "step", b)
        || !get_proto<v1::QueueConfig>(d, "config", out.value))
      return fail("topic, step and config expected");
    out.column = 2;
    out.key = storage::queue_prefix(p, queue_kind::subscription, a, b);
    return true;
  }
  if (kind == "message" || kind == "dead_letter") {
    if (!get_bytes(d, "topic", a) || !get_bytes(d, "step", b) || !d.HasMember("seq")
        || !d["seq"].IsUint64() || !get_proto<v1::QueueMessage>(d, "message", payload)
        || !record_value(d, payload, out.value))
      return fail("topic, step, seq, message and the header expected");
    out.column = 2;
    out.key = storage::queue_key(p, kind == "message" ? queue_kind::message : queue_kind::dead, a,
                                 b, d["seq"].GetUint64());
    return true;
  }
  if (kind == "emitted") {
    if (!get_bytes(d, "topic", a) || !get_bytes(d, "idempotency_key", b)
        || !get_proto<v1::EmitReply>(d, "reply", payload) || !record_value(d, payload, out.value))
      return fail("topic, idempotency_key, reply and the header expected");
    out.column = 2;
    out.key = storage::queue_prefix(p, queue_kind::emitted, a, b);
    return true;
  }
  if (kind == "lock") {
    if (!get_bytes(d, "job", a) || !get_proto<v1::LockInfo>(d, "lock", payload)
        || !record_value(d, payload, out.value))
      return fail("job, lock and the header expected");
    out.column = 3;
    out.key = storage::partition_prefix(p);
    storage::append_component(out.key, a);
    return true;
  }
  if (kind == "raw") {
    if (!d.HasMember("column") || !d["column"].IsUint() || d["column"].GetUint() > 5
        || !get_bytes(d, "key", out.key) || !get_bytes(d, "value", out.value))
      return fail("column (0 to 5), key and value expected");
    out.column = d["column"].GetUint();
    auto prefix = storage::partition_prefix(p);
    if (out.key.compare(0, prefix.size(), prefix) != 0)
      return fail("the key lies outside its partition");
    return true;
  }
  error = "unknown kind '" + kind + "'";
  return false;
}

} // namespace troupe::client
