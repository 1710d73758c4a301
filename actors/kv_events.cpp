// Keyspace notifications of the kv shard: which events a command announces
// on the keys it wrote, as Redis names them (see keyspace_events.hpp).
#include "actors/kv_keyspace.hpp"

#include <algorithm>
#include <map>

#include "actors/keyspace_events.hpp"
#include "protocol/resp.hpp"
#include "protocol/resp_commands.hpp"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"
#include "storage/record.hpp"

#include <spdlog/spdlog.h>

namespace troupe::actors::kv {

namespace resp = protocol::resp;

void notify(kv_state& st, uint32_t cls, std::string_view event, std::string_view key) {
  if (st.limits.events != nullptr && st.limits.events->wants(cls))
    st.events.emplace_back(event, key);
}

namespace {

/// What a command announces on each key it wrote, as Redis names it: its
/// class and event, and whether a key it leaves empty (and so deletes) gets
/// that event before `del` (LPOP, SREM, ...) or `del` alone (DEL, EXPIRE
/// in the past, the *STORE commands with an empty result). Commands whose
/// events depend on more than their name (the stream consumer events, the
/// two keys of LMOVE, SMOVE, RENAME, ...) are in key_events.
struct event_spec {
  uint32_t cls;
  const char* event;
  bool then_del;
};

const event_spec* event_of(std::string_view name) {
  namespace ec = event_class;
  static const std::map<std::string, event_spec, std::less<>> table{
    {"set", {ec::string, "set", false}},         {"setnx", {ec::string, "set", false}},
    {"setex", {ec::string, "set", false}},       {"psetex", {ec::string, "set", false}},
    {"getset", {ec::string, "set", false}},      {"mset", {ec::string, "set", false}},
    {"msetnx", {ec::string, "set", false}},      {"append", {ec::string, "append", false}},
    {"setrange", {ec::string, "setrange", false}}, {"incr", {ec::string, "incrby", false}},
    {"decr", {ec::string, "incrby", false}},     {"incrby", {ec::string, "incrby", false}},
    {"decrby", {ec::string, "incrby", false}},
    {"incrbyfloat", {ec::string, "incrbyfloat", false}},
    {"setbit", {ec::string, "setbit", false}},   {"bitfield", {ec::string, "setbit", false}},
    {"bitop", {ec::string, "set", false}},
    {"lpush", {ec::list, "lpush", false}},       {"lpushx", {ec::list, "lpush", false}},
    {"rpush", {ec::list, "rpush", false}},       {"rpushx", {ec::list, "rpush", false}},
    {"lpop", {ec::list, "lpop", true}},          {"rpop", {ec::list, "rpop", true}},
    {"blpop", {ec::list, "lpop", true}},         {"brpop", {ec::list, "rpop", true}},
    {"linsert", {ec::list, "linsert", false}},   {"lset", {ec::list, "lset", false}},
    {"ltrim", {ec::list, "ltrim", true}},        {"lrem", {ec::list, "lrem", true}},
    {"sadd", {ec::set, "sadd", false}},          {"srem", {ec::set, "srem", true}},
    {"spop", {ec::set, "spop", true}},           {"sinterstore", {ec::set, "sinterstore", false}},
    {"sunionstore", {ec::set, "sunionstore", false}},
    {"sdiffstore", {ec::set, "sdiffstore", false}},
    {"zincrby", {ec::zset, "zincr", false}},
    {"zrem", {ec::zset, "zrem", true}},          {"zpopmin", {ec::zset, "zpopmin", true}},
    {"zpopmax", {ec::zset, "zpopmax", true}},    {"bzpopmin", {ec::zset, "zpopmin", true}},
    {"bzpopmax", {ec::zset, "zpopmax", true}},
    {"zremrangebyscore", {ec::zset, "zremrangebyscore", true}},
    {"zremrangebyrank", {ec::zset, "zremrangebyrank", true}},
    {"zremrangebylex", {ec::zset, "zremrangebylex", true}},
    {"zunionstore", {ec::zset, "zunionstore", false}},
    {"zinterstore", {ec::zset, "zinterstore", false}},
    {"zdiffstore", {ec::zset, "zdiffstore", false}},
    {"zrangestore", {ec::zset, "zrangestore", false}},
    {"hset", {ec::hash, "hset", false}},         {"hsetnx", {ec::hash, "hset", false}},
    {"hmset", {ec::hash, "hset", false}},        {"hincrby", {ec::hash, "hincrby", false}},
    {"hincrbyfloat", {ec::hash, "hincrbyfloat", false}}, {"hdel", {ec::hash, "hdel", true}},
    {"del", {ec::generic, "del", false}},        {"unlink", {ec::generic, "del", false}},
    {"getdel", {ec::generic, "del", false}},     {"expire", {ec::generic, "expire", false}},
    {"pexpire", {ec::generic, "expire", false}}, {"expireat", {ec::generic, "expire", false}},
    {"pexpireat", {ec::generic, "expire", false}}, {"persist", {ec::generic, "persist", false}},
    {"restore", {ec::generic, "restore", false}}, {"sort", {ec::generic, "sortstore", false}},
    {"xtrim", {ec::stream, "xtrim", false}},  // XADD announces its own
    {"xdel", {ec::stream, "xdel", false}},       {"xsetid", {ec::stream, "xsetid", false}},
  };
  auto it = table.find(name);
  return it == table.end() ? nullptr : &it->second;
}

/// The events of one key a command wrote; `removed` when its key record
/// went.
void key_events(command& c, const std::string& key, bool removed) {
  namespace ec = event_class;
  auto& n = c.name;
  auto arg = [&](size_t i) { return i < c.args.size() ? resp::lower(c.args[i]) : std::string{}; };
  bool source = c.args.size() > 1 && c.args[1] == key;
  if (n == "rpoplpush" || n == "brpoplpush" || n == "lmove" || n == "blmove") {
    bool plain = n == "rpoplpush" || n == "brpoplpush";
    if (source)
      notify(c.st, ec::list, plain || arg(3) == "right" ? "rpop" : "lpop", key);
    if (c.args.size() > 2 && c.args[2] == key)
      notify(c.st, ec::list, plain || arg(4) == "left" ? "lpush" : "rpush", key);
  } else if (n == "lmpop" || n == "blmpop" || n == "zmpop" || n == "bzmpop") {
    std::string where;  // the last LEFT/RIGHT/MIN/MAX: keys come before it
    for (size_t i = 1; i < c.args.size(); ++i) {
      auto a = resp::lower(c.args[i]);
      if (a == "left" || a == "right" || a == "min" || a == "max")
        where = a;
    }
    bool list = n.find("zm") == std::string::npos;
    const char* ev = list ? (where == "left" ? "lpop" : "rpop")
                          : (where == "min" ? "zpopmin" : "zpopmax");
    notify(c.st, list ? ec::list : ec::zset, ev, key);
  } else if (n == "smove") {
    notify(c.st, ec::set, source ? "srem" : "sadd", key);
  } else if (n == "rename" || n == "renamenx") {
    notify(c.st, ec::generic, source ? "rename_from" : "rename_to", key);
    return;
  } else if (n == "copy") {
    if (!source)
      notify(c.st, ec::generic, "copy_to", key);
    return;
  } else if (n == "xgroup") {
    auto sub = arg(1);
    if (sub != "createconsumer")  // see_consumer's and XGROUP's own
      notify(c.st, ec::stream, ("xgroup-" + sub).c_str(), key);
  } else if (n == "zadd") {
    bool incr = false;  // among the flags, which come before the first score
    for (size_t i = 2; i < c.args.size(); ++i) {
      auto a = arg(i);
      if (a != "nx" && a != "xx" && a != "gt" && a != "lt" && a != "ch" && a != "incr")
        break;
      incr = incr || a == "incr";
    }
    notify(c.st, ec::zset, incr ? "zincr" : "zadd", key);
  } else if (n == "getex") {
    notify(c.st, ec::generic, removed ? "del" : arg(2) == "persist" ? "persist" : "expire", key);
    return;
  } else if (auto* spec = event_of(n)) {
    bool del_only = removed && !spec->then_del;
    if (!del_only)
      notify(c.st, spec->cls, spec->event, key);
    if (removed)
      notify(c.st, ec::generic, "del", key);
    if (!removed && (n == "setex" || n == "psetex"))
      notify(c.st, ec::generic, "expire", key);
    if (!removed && n == "set") {
      for (size_t i = 3; i < c.args.size(); ++i) {
        auto a = arg(i);
        if (a == "ex" || a == "px" || a == "exat" || a == "pxat")
          notify(c.st, ec::generic, "expire", key);
      }
    }
    return;
  }
  if (removed)
    notify(c.st, ec::generic, "del", key);
}

} // namespace

std::vector<std::string> absent_keys(command& c) {
  std::vector<std::string> out;
  auto* spec = protocol::find_resp_command(c.name);
  if (spec == nullptr || !protocol::has_flag(*spec, "write"))
    return out;
  for (auto i : protocol::key_positions(*spec, c.args))
    if (!load(c, mkey_of(c, c.args[i])))
      out.emplace_back(c.args[i]);
  return out;
}

void remember_expiry(kv_state& st, const std::string& key, std::string_view raw) {
  storage::record_header h;
  std::string_view value;
  if (st.expiring.size() < 1'000'000 && storage::decode_record(raw, h, value)
      && h.expires_at_ms != 0)
    st.expiring.emplace(h.expires_at_ms, key);
}

void remember_stored_expiries(kv_state& st) {
  auto* events = st.limits.events;
  if (events == nullptr || !events->wants(event_class::expired))
    return;
  auto epoch = events->epoch.load();
  if (epoch == st.expiry_epoch)
    return;
  st.expiry_epoch = epoch;
  auto prefix = storage::kv_key_prefix(st.partition);
  auto cur = st.db->new_cursor(storage::column::kv);
  for (cur->seek(prefix); cur->valid() && cur->key().substr(0, prefix.size()) == prefix;
       cur->next())
    if (auto parts = storage::decode_kv_key(cur->key()))
      remember_expiry(st, parts->key, cur->value());
  // Best effort: a key the scan could not read still expires when read
  // and is dropped by compaction, only not announced.
  if (auto s = cur->status(); !s.ok)
    spdlog::warn("kv partition {}: looking for expiring keys failed: {}", st.partition.value, s.message);
}

void announce(command& c, std::vector<written_key>& written, const std::vector<std::string>& absent) {
  if (c.name == "rpoplpush" || c.name == "brpoplpush" || c.name == "lmove"
      || c.name == "blmove")  // Redis announces the push before the pop
    std::stable_partition(written.begin(), written.end(),
                          [&](auto& w) { return c.args.size() > 2 && w.key == c.args[2]; });
  for (auto& w : written) {
    if (w.removed == false && std::find(absent.begin(), absent.end(), w.key) != absent.end())
      notify(c.st, event_class::new_key, "new", w.key);
    key_events(c, w.key, w.removed.value_or(false));
  }
}

} // namespace troupe::actors::kv
