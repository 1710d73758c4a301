#include "storage/key_codec.hpp"

#include <xxhash.h>

namespace troupe::storage {

namespace {

constexpr char escape_byte = '\x00';
constexpr char escaped_zero = '\xFF';
constexpr char terminator = '\x01';

} // namespace

void append_partition(std::string& out, partition_id p) {
  out.push_back(static_cast<char>(p.value >> 8));
  out.push_back(static_cast<char>(p.value & 0xFF));
}

void append_component(std::string& out, std::string_view raw) {
  out.reserve(out.size() + raw.size() + 2);
  for (char c : raw) {
    out.push_back(c);
    if (c == escape_byte)
      out.push_back(escaped_zero);
  }
  out.push_back(escape_byte);
  out.push_back(terminator);
}

std::optional<std::string> read_component(std::string_view& in) {
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != escape_byte) {
      out.push_back(in[i]);
      continue;
    }
    if (i + 1 >= in.size())
      return std::nullopt;
    if (in[i + 1] == escaped_zero) {
      out.push_back(escape_byte);
      ++i;
    } else if (in[i + 1] == terminator) {
      in.remove_prefix(i + 2);
      return out;
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<partition_id> read_partition(std::string_view& in) {
  if (in.size() < 2)
    return std::nullopt;
  auto hi = static_cast<uint8_t>(in[0]);
  auto lo = static_cast<uint8_t>(in[1]);
  in.remove_prefix(2);
  return partition_id{static_cast<uint16_t>((hi << 8) | lo)};
}

std::string partition_prefix(partition_id p) {
  std::string out;
  append_partition(out, p);
  return out;
}

std::string state_key(partition_id p, std::string_view trace_id,
                      std::string_view key) {
  std::string out;
  out.reserve(2 + trace_id.size() + key.size() + 4);
  append_partition(out, p);
  append_component(out, trace_id);
  append_component(out, key);
  return out;
}

std::string state_trace_prefix(partition_id p, std::string_view trace_id) {
  std::string out;
  append_partition(out, p);
  append_component(out, trace_id);
  return out;
}

std::optional<state_key_parts> decode_state_key(std::string_view encoded) {
  auto p = read_partition(encoded);
  if (!p)
    return std::nullopt;
  auto trace = read_component(encoded);
  if (!trace)
    return std::nullopt;
  auto key = read_component(encoded);
  if (!key || !encoded.empty())
    return std::nullopt;
  return state_key_parts{*p, std::move(*trace), std::move(*key)};
}

std::string stream_key(partition_id p, std::string_view stream, std::string_view group,
                       std::string_view id) {
  auto out = stream_group_prefix(p, stream, group);
  append_component(out, id);
  return out;
}

std::string stream_group_prefix(partition_id p, std::string_view stream,
                                std::string_view group) {
  auto out = stream_prefix(p, stream);
  append_component(out, group);
  return out;
}

std::string stream_prefix(partition_id p, std::string_view stream) {
  std::string out;
  append_partition(out, p);
  append_component(out, stream);
  return out;
}

std::string stream_partition_key(std::string_view stream, std::string_view group) {
  std::string out;
  append_component(out, stream);
  append_component(out, group);
  return out;
}

std::optional<stream_key_parts> decode_stream_key(std::string_view encoded) {
  auto p = read_partition(encoded);
  if (!p)
    return std::nullopt;
  auto stream = read_component(encoded);
  auto group = stream ? read_component(encoded) : std::nullopt;
  auto id = group ? read_component(encoded) : std::nullopt;
  if (!id || !encoded.empty())
    return std::nullopt;
  return stream_key_parts{*p, std::move(*stream), std::move(*group), std::move(*id)};
}

std::string queue_kind_prefix(partition_id p, queue_kind kind) {
  std::string out;
  append_partition(out, p);
  out.push_back(static_cast<char>(kind));
  return out;
}

std::string queue_prefix(partition_id p, queue_kind kind, std::string_view topic,
                         std::string_view step) {
  auto out = queue_kind_prefix(p, kind);
  append_component(out, topic);
  append_component(out, step);
  return out;
}

std::string queue_key(partition_id p, queue_kind kind, std::string_view topic,
                      std::string_view step, uint64_t seq) {
  auto out = queue_prefix(p, kind, topic, step);
  for (int i = 7; i >= 0; --i)
    out.push_back(static_cast<char>((seq >> (8 * i)) & 0xFF));
  return out;
}

std::optional<queue_key_parts> decode_queue_key(std::string_view encoded) {
  auto p = read_partition(encoded);
  if (!p || encoded.empty())
    return std::nullopt;
  auto kind = static_cast<queue_kind>(encoded[0]);
  if (kind != queue_kind::subscription && kind != queue_kind::message && kind != queue_kind::dead
      && kind != queue_kind::emitted)
    return std::nullopt;
  encoded.remove_prefix(1);
  auto topic = read_component(encoded);
  auto step = topic ? read_component(encoded) : std::nullopt;
  if (!step)
    return std::nullopt;
  queue_key_parts parts{*p, kind, std::move(*topic), std::move(*step), 0};
  if (kind == queue_kind::subscription || kind == queue_kind::emitted)
    return encoded.empty() ? std::optional{parts} : std::nullopt;
  if (encoded.size() != 8)
    return std::nullopt;
  for (char c : encoded)
    parts.seq = (parts.seq << 8) | static_cast<uint8_t>(c);
  return parts;
}

// -- kv ------------------------------------------------------------------------

namespace {

constexpr char kv_key_kind = 'k';
constexpr char kv_field_kind = 'f';
constexpr size_t kv_hash_bytes = 6;

std::string kv_head(partition_id p, char kind) {
  std::string out;
  append_partition(out, p);
  out.push_back(kind);
  return out;
}

void append_scan_hash(std::string& out, uint64_t h) {
  for (int i = static_cast<int>(kv_hash_bytes) - 1; i >= 0; --i)
    out.push_back(static_cast<char>((h >> (8 * i)) & 0xFF));
}

} // namespace

uint64_t kv_scan_hash(std::string_view key) {
  // A seed of its own: independent of the partition hash.
  return XXH64(key.data(), key.size(), 0x6b76) >> 16;
}

std::string kv_key(partition_id p, std::string_view key) {
  auto out = kv_head(p, kv_key_kind);
  append_scan_hash(out, kv_scan_hash(key));
  append_component(out, key);
  return out;
}

std::string kv_key_seek(partition_id p, uint64_t from) {
  auto out = kv_head(p, kv_key_kind);
  append_scan_hash(out, from);
  return out;
}

std::string kv_key_prefix(partition_id p) {
  return kv_head(p, kv_key_kind);
}

std::optional<kv_key_parts> decode_kv_key(std::string_view encoded) {
  if (!read_partition(encoded) || encoded.size() < 1 + kv_hash_bytes
      || encoded[0] != kv_key_kind)
    return std::nullopt;
  kv_key_parts parts;
  for (size_t i = 1; i <= kv_hash_bytes; ++i)
    parts.scan_hash = (parts.scan_hash << 8) | static_cast<uint8_t>(encoded[i]);
  encoded.remove_prefix(1 + kv_hash_bytes);
  auto key = read_component(encoded);
  if (!key || !encoded.empty())
    return std::nullopt;
  parts.key = std::move(*key);
  return parts;
}

std::string kv_field_prefix(partition_id p, std::string_view key) {
  auto out = kv_head(p, kv_field_kind);
  append_component(out, key);
  return out;
}

std::string kv_field_key(partition_id p, std::string_view key, std::string_view field) {
  auto out = kv_field_prefix(p, key);
  append_component(out, field);
  return out;
}

std::string kv_fields_prefix(partition_id p) {
  return kv_head(p, kv_field_kind);
}

std::optional<std::string> decode_kv_field_owner(std::string_view encoded) {
  if (!read_partition(encoded) || encoded.empty() || encoded[0] != kv_field_kind)
    return std::nullopt;
  encoded.remove_prefix(1);
  return read_component(encoded);
}

std::optional<std::string> decode_kv_field(std::string_view encoded, size_t prefix_size) {
  if (encoded.size() < prefix_size)
    return std::nullopt;
  encoded.remove_prefix(prefix_size);
  auto field = read_component(encoded);
  if (!field || !encoded.empty())
    return std::nullopt;
  return field;
}

std::string node_meta_key(std::string_view name) {
  auto key = partition_prefix(partition_id{0xFFFF});
  append_component(key, name);
  return key;
}

std::string prefix_end(std::string_view prefix) {
  std::string out{prefix};
  while (!out.empty()) {
    auto& last = out.back();
    if (static_cast<uint8_t>(last) != 0xFF) {
      last = static_cast<char>(static_cast<uint8_t>(last) + 1);
      return out;
    }
    out.pop_back();
  }
  return out;
}

} // namespace troupe::storage
