// DUMP and RESTORE: a key's value in Redis's serialization (protocol/rdb),
// so a value moves whole between Troupe and Redis, or within Troupe. Both
// read and write a collection through its type's own commands (LRANGE,
// RPUSH, HSET, XADD, ...), so they keep to its storage as those do; a stream
// is read whole by kv_streams' dump_stream. RESTORE writes a stream's
// entries by XADD, its counters by XSETID, groups by XGROUP CREATE, and
// consumers and pending entries as the payload has them (kv_streams'
// restore steps).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/kv_keyspace.hpp"
#include "protocol/rdb.hpp"
#include "protocol/resp.hpp"

namespace troupe::actors::kv {

namespace {

namespace resp = protocol::resp;
namespace rdb = protocol::rdb;

/// The items of a RESP2 array of bulk strings, as the read commands reply.
std::vector<std::string> bulk_items(std::string_view reply) {
  std::vector<std::string_view> elements;
  std::vector<std::string> out;
  if (!resp::split_array(reply, elements))
    return out;
  for (auto e : elements) {  // "$n\r\n<bytes>\r\n"
    auto start = e.find("\r\n") + 2;
    out.emplace_back(e.substr(start, e.size() - start - 2));
  }
  return out;
}

/// The value at `key` (type `type`) as DUMP carries it.
std::optional<rdb::value> read_value(command& c, std::string_view key, const entry& e) {
  rdb::value v;
  auto items = [&](std::vector<std::string_view> args) { return bulk_items(run_nested(c, args)); };
  switch (e.type) {
    case type_string:
      v.text = e.payload;
      return v;
    case type_list:
      v.type = rdb::value::kind::list;
      v.items = items({"lrange", key, "0", "-1"});
      return v;
    case type_set:
      v.type = rdb::value::kind::set;
      v.items = items({"smembers", key});
      return v;
    case type_hash: {
      v.type = rdb::value::kind::hash;
      auto flat = items({"hgetall", key});
      for (size_t i = 0; i + 1 < flat.size(); i += 2)
        v.fields.emplace_back(std::move(flat[i]), std::move(flat[i + 1]));
      return v;
    }
    case type_zset: {
      v.type = rdb::value::kind::zset;
      auto flat = items({"zrange", key, "0", "-1", "withscores"});
      for (size_t i = 0; i + 1 < flat.size(); i += 2)
        v.scored.emplace_back(std::move(flat[i]), std::strtod(flat[i + 1].c_str(), nullptr));
      return v;
    }
    case type_stream:
      v.type = rdb::value::kind::stream;
      v.stream = dump_stream(c, key);
      return v;
    default:
      return std::nullopt;
  }
}

/// DUMP key: the value serialized, or null when there is none.
void cmd_dump(command& c) {
  auto e = load(c, mkey_of(c, c.args[1]));
  if (c.failed)
    return;
  if (!e) {
    resp::null(c.out, c.resp3);
    return;
  }
  auto v = read_value(c, c.args[1], *e);
  if (c.failed)
    return;
  if (!v) {
    resp::error(c.out, "ERR DUMP of this type is not supported");
    return;
  }
  resp::bulk(c.out, rdb::dump(*v));
}

std::string id_text(rdb::stream_id id) {
  return std::to_string(id.ms) + "-" + std::to_string(id.seq);
}

/// Writes the stream `s` at `key`, where nothing is now.
void write_stream(command& c, std::string_view key, const rdb::stream_value& s) {
  // A step refused (counters that contradict each other, ...) is a payload
  // Redis would not have written: the whole request fails, nothing staged.
  auto run = [&](std::vector<std::string> args) {
    std::vector<std::string_view> views(args.begin(), args.end());
    if (c.failed || !resp::is_error(run_nested(c, views)))
      return;
    c.failed = true;
    c.out.clear();
    resp::error(c.out, "ERR Bad data format");
  };
  for (auto& [id, fields] : s.entries) {
    std::vector<std::string> args{"xadd", std::string{key}, id_text(id)};
    for (auto& [field, x] : fields)
      args.insert(args.end(), {field, x});
    run(std::move(args));
  }
  if (s.entries.empty()) {  // an empty stream: made as XGROUP CREATE MKSTREAM makes one
    run({"xgroup", "create", std::string{key}, "troupe-restore", "0", "mkstream"});
    run({"xgroup", "destroy", std::string{key}, "troupe-restore"});
  }
  if (s.last != rdb::stream_id{} || s.entries_added != 0)
    run({"xsetid", std::string{key}, id_text(s.last), "entriesadded",
         std::to_string(s.entries_added), "maxdeletedid", id_text(s.max_deleted)});
  for (auto& g : s.groups) {
    std::vector<std::string> create{"xgroup", "create", std::string{key}, g.name, id_text(g.last)};
    if (g.entries_read)
      create.insert(create.end(), {"entriesread", std::to_string(*g.entries_read)});
    run(std::move(create));
    for (auto& consumer : g.consumers)
      run({"troupe.restoreconsumer", std::string{key}, g.name, consumer.name,
           std::to_string(consumer.seen_time)});
    for (auto& p : g.pending)
      run({"troupe.restorepending", std::string{key}, g.name, p.consumer, std::to_string(p.id.ms),
           std::to_string(p.id.seq), std::to_string(p.delivery_time),
           std::to_string(p.delivery_count)});
  }
}

/// Writes `v` at `key`, where nothing is now.
void write_value(command& c, std::string_view key, const rdb::value& v) {
  std::vector<std::string_view> args;
  std::vector<std::string> scores;
  switch (v.type) {
    case rdb::value::kind::stream:
      write_stream(c, key, v.stream);
      return;
    case rdb::value::kind::string:
      args = {"set", key, v.text};
      break;
    case rdb::value::kind::list:
    case rdb::value::kind::set:
      args = {v.type == rdb::value::kind::list ? "rpush" : "sadd", key};
      args.insert(args.end(), v.items.begin(), v.items.end());
      break;
    case rdb::value::kind::zset:
      args = {"zadd", key};
      scores.reserve(v.scored.size());
      for (auto& [member, score] : v.scored) {
        scores.push_back(score_text(score));
        args.insert(args.end(), {scores.back(), member});
      }
      break;
    case rdb::value::kind::hash:
      args = {"hset", key};
      for (auto& [field, x] : v.fields)
        args.insert(args.end(), {field, x});
      break;
  }
  run_nested(c, args);
}

/// RESTORE key ttl serialized-value [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f]:
/// IDLETIME and FREQ are checked and, as the node keeps no access clock,
/// not kept.
void cmd_restore(command& c) {
  // Checked in Redis's order: options, the key, the TTL, the payload.
  bool replace = false;
  bool absolute = false;
  bool idle = false;
  bool freq = false;
  for (size_t i = 4; i < c.args.size(); ++i) {
    auto opt = resp::lower(c.args[i]);
    if (opt == "replace") {
      replace = true;
    } else if (opt == "absttl") {
      absolute = true;
    } else if (((opt == "idletime" && !freq) || (opt == "freq" && !idle)) && i + 1 < c.args.size()) {
      auto n = int_arg(c, c.args[++i]);
      if (!n)
        return;
      if (opt == "idletime" && *n < 0) {
        resp::error(c.out, "ERR Invalid IDLETIME value, must be >= 0");
        return;
      }
      if (opt == "freq" && (*n < 0 || *n > 255)) {
        resp::error(c.out, "ERR Invalid FREQ value, must be >= 0 and <= 255");
        return;
      }
      (opt == "idletime" ? idle : freq) = true;
    } else {
      resp::error(c.out, syntax_error);
      return;
    }
  }
  std::string key{c.args[1]};
  auto mkey = mkey_of(c, key);
  auto old = load(c, mkey);
  if (c.failed)
    return;
  if (old && !replace) {
    resp::error(c.out, "BUSYKEY Target key name already exists.");
    return;
  }
  auto ttl = int_arg(c, c.args[2]);
  if (!ttl)
    return;
  if (*ttl < 0) {
    resp::error(c.out, "ERR Invalid TTL value, must be >= 0");
    return;
  }
  std::string error;
  // Every string is bounded by the value limit before it is decompressed.
  auto v = rdb::restore(c.args[3], error, c.st.limits.max_value_bytes);
  if (!v) {
    resp::error(c.out, error);
    return;
  }
  if (!check_key(c, key, "key"))
    return;
  int64_t expires_at = *ttl == 0 ? 0 : absolute ? *ttl : c.now + *ttl;
  if (old)
    remove_key(c, key, mkey, *old);
  // Already expired: nothing is written (what REPLACE named is gone).
  if (expires_at == 0 || expires_at > c.now) {
    write_value(c, key, *v);
    if (!c.failed && expires_at != 0)
      run_nested(c, {"pexpireat", key, std::to_string(expires_at)});
  }
  if (!c.failed)
    resp::simple(c.out, "OK");
}

} // namespace

void add_dump_handlers(handler_table& table) {
  table.emplace("dump", cmd_dump);
  table.emplace("restore", cmd_restore);
}

} // namespace troupe::actors::kv
