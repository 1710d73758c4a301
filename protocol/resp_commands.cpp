#include "protocol/resp_commands.hpp"

#include <charconv>
#include <unordered_map>

#include "protocol/resp.hpp"

namespace troupe::protocol {

namespace {

using r = resp_route;

const std::vector<resp_command> table{
  // connection
  {"ping", -1, "fast", 0, 0, 0, r::session},
  {"echo", 2, "fast", 0, 0, 0, r::session},
  {"hello", -1, "noscript loading stale fast no_auth allow_busy", 0, 0, 0, r::session},
  {"auth", -2, "noscript loading stale fast no_auth allow_busy", 0, 0, 0, r::session},
  {"client", -2, "noscript loading stale", 0, 0, 0, r::session},
  {"select", 2, "loading stale fast", 0, 0, 0, r::session},
  {"info", -1, "loading stale", 0, 0, 0, r::session},
  {"command", -1, "loading stale", 0, 0, 0, r::session},
  {"config", -2, "admin noscript loading stale", 0, 0, 0, r::session},
  {"quit", -1, "noscript loading stale fast no_auth allow_busy", 0, 0, 0, r::session},
  {"reset", 1, "noscript loading stale fast no_auth allow_busy", 0, 0, 0, r::session},
  {"time", 1, "loading stale fast", 0, 0, 0, r::session},
  // server
  {"save", 1, "admin noscript no_async_loading no_multi", 0, 0, 0, r::session},
  {"acl", -2, "admin noscript loading stale", 0, 0, 0, r::session},
  {"cluster", -2, "noscript", 0, 0, 0, r::session},
  {"shutdown", -1, "admin noscript loading stale no_multi allow_busy", 0, 0, 0, r::session},
  // strings
  {"get", 2, "readonly fast", 1, 1, 1, r::key},
  {"set", -3, "write denyoom", 1, 1, 1, r::key},
  {"setex", 4, "write denyoom", 1, 1, 1, r::key},
  {"psetex", 4, "write denyoom", 1, 1, 1, r::key},
  {"setnx", 3, "write denyoom fast", 1, 1, 1, r::key},
  {"getdel", 2, "write fast", 1, 1, 1, r::key},
  {"getset", 3, "write denyoom fast", 1, 1, 1, r::key},
  {"mget", -2, "readonly fast", 1, -1, 1, r::keys},
  {"mset", -3, "write denyoom", 1, -1, 2, r::pairs},
  {"incr", 2, "write denyoom fast", 1, 1, 1, r::key},
  {"incrby", 3, "write denyoom fast", 1, 1, 1, r::key},
  {"decr", 2, "write denyoom fast", 1, 1, 1, r::key},
  {"decrby", 3, "write denyoom fast", 1, 1, 1, r::key},
  {"append", 3, "write denyoom fast", 1, 1, 1, r::key},
  {"incrbyfloat", 3, "write denyoom fast", 1, 1, 1, r::key},
  {"getrange", 4, "readonly", 1, 1, 1, r::key},
  {"substr", 4, "readonly", 1, 1, 1, r::key},
  {"setrange", 4, "write denyoom", 1, 1, 1, r::key},
  {"msetnx", -3, "write denyoom", 1, -1, 2, r::key},
  {"getex", -2, "write fast", 1, 1, 1, r::key},
  {"strlen", 2, "readonly fast", 1, 1, 1, r::key},
  {"setbit", 4, "write denyoom", 1, 1, 1, r::key},
  {"getbit", 3, "readonly fast", 1, 1, 1, r::key},
  {"bitcount", -2, "readonly", 1, 1, 1, r::key},
  {"bitpos", -3, "readonly", 1, 1, 1, r::key},
  {"bitop", -4, "write denyoom", 2, -1, 1, r::key},
  {"lcs", -3, "readonly", 1, 2, 1, r::key},
  {"bitfield", -2, "write denyoom", 1, 1, 1, r::key},
  {"bitfield_ro", -2, "readonly fast", 1, 1, 1, r::key},
  // keys
  {"del", -2, "write", 1, -1, 1, r::keys},
  {"unlink", -2, "write fast", 1, -1, 1, r::keys},
  {"exists", -2, "readonly fast", 1, -1, 1, r::keys},
  {"expire", -3, "write fast", 1, 1, 1, r::key},
  {"pexpire", -3, "write fast", 1, 1, 1, r::key},
  {"expireat", -3, "write fast", 1, 1, 1, r::key},
  {"pexpireat", -3, "write fast", 1, 1, 1, r::key},
  {"ttl", 2, "readonly fast", 1, 1, 1, r::key},
  {"pttl", 2, "readonly fast", 1, 1, 1, r::key},
  {"persist", 2, "write fast", 1, 1, 1, r::key},
  {"expiretime", 2, "readonly fast", 1, 1, 1, r::key},
  {"pexpiretime", 2, "readonly fast", 1, 1, 1, r::key},
  {"copy", -3, "write denyoom", 1, 2, 1, r::key},
  {"dump", 2, "readonly", 1, 1, 1, r::key},
  {"restore", -4, "write denyoom", 1, 1, 1, r::key},
  {"touch", -2, "readonly fast", 1, -1, 1, r::keys},
  {"type", 2, "readonly fast", 1, 1, 1, r::key},
  {"object", -2, "readonly", 2, 2, 1, r::key},
  {"memory", -2, "readonly", 2, 2, 1, r::key},
  {"rename", 3, "write", 1, 2, 1, r::key},
  {"renamenx", 3, "write fast", 1, 2, 1, r::key},
  {"scan", -2, "readonly", 0, 0, 0, r::keyspace},
  {"keys", 2, "readonly", 0, 0, 0, r::keyspace},
  {"dbsize", 1, "readonly fast", 0, 0, 0, r::keyspace},
  {"randomkey", 1, "readonly", 0, 0, 0, r::keyspace},
  {"flushdb", -1, "write", 0, 0, 0, r::keyspace},
  {"flushall", -1, "write", 0, 0, 0, r::keyspace},
  // hashes
  {"hget", 3, "readonly fast", 1, 1, 1, r::key},
  {"hset", -4, "write denyoom fast", 1, 1, 1, r::key},
  {"hmset", -4, "write denyoom fast", 1, 1, 1, r::key},
  {"hsetnx", 4, "write denyoom fast", 1, 1, 1, r::key},
  {"hgetall", 2, "readonly", 1, 1, 1, r::key},
  {"hdel", -3, "write fast", 1, 1, 1, r::key},
  {"hexists", 3, "readonly fast", 1, 1, 1, r::key},
  {"hmget", -3, "readonly fast", 1, 1, 1, r::key},
  {"hlen", 2, "readonly fast", 1, 1, 1, r::key},
  {"hkeys", 2, "readonly", 1, 1, 1, r::key},
  {"hvals", 2, "readonly", 1, 1, 1, r::key},
  {"hscan", -3, "readonly", 1, 1, 1, r::key},
  {"hincrby", 4, "write denyoom fast", 1, 1, 1, r::key},
  {"hincrbyfloat", 4, "write denyoom fast", 1, 1, 1, r::key},
  {"hstrlen", 3, "readonly fast", 1, 1, 1, r::key},
  {"hrandfield", -2, "readonly", 1, 1, 1, r::key},
  // lists
  {"lpush", -3, "write denyoom fast", 1, 1, 1, r::key},
  {"rpush", -3, "write denyoom fast", 1, 1, 1, r::key},
  {"lpushx", -3, "write denyoom fast", 1, 1, 1, r::key},
  {"rpushx", -3, "write denyoom fast", 1, 1, 1, r::key},
  {"lpop", -2, "write fast", 1, 1, 1, r::key},
  {"rpop", -2, "write fast", 1, 1, 1, r::key},
  {"llen", 2, "readonly fast", 1, 1, 1, r::key},
  {"lrange", 4, "readonly", 1, 1, 1, r::key},
  {"lindex", 3, "readonly", 1, 1, 1, r::key},
  {"lset", 4, "write denyoom", 1, 1, 1, r::key},
  {"ltrim", 4, "write", 1, 1, 1, r::key},
  {"lrem", 4, "write", 1, 1, 1, r::key},
  {"linsert", 5, "write denyoom", 1, 1, 1, r::key},
  {"lpos", -3, "readonly", 1, 1, 1, r::key},
  {"lmove", 5, "write denyoom", 1, 2, 1, r::key},
  {"rpoplpush", 3, "write denyoom", 1, 2, 1, r::key},
  {"lmpop", -4, "write movablekeys", 0, 0, 0, r::key},
  {"blpop", -3, "write noscript blocking", 1, -2, 1, r::key},
  {"brpop", -3, "write noscript blocking", 1, -2, 1, r::key},
  {"brpoplpush", 4, "write denyoom noscript blocking", 1, 2, 1, r::key},
  {"blmove", 6, "write denyoom noscript blocking", 1, 2, 1, r::key},
  {"blmpop", -5, "write blocking movablekeys", 0, 0, 0, r::key},
  {"sort", -2, "write denyoom movablekeys", 0, 0, 0, r::key},
  {"sort_ro", -2, "readonly movablekeys", 0, 0, 0, r::key},
  // sets
  {"sadd", -3, "write denyoom fast", 1, 1, 1, r::key},
  {"srem", -3, "write fast", 1, 1, 1, r::key},
  {"smembers", 2, "readonly", 1, 1, 1, r::key},
  {"sismember", 3, "readonly fast", 1, 1, 1, r::key},
  {"smismember", -3, "readonly fast", 1, 1, 1, r::key},
  {"scard", 2, "readonly fast", 1, 1, 1, r::key},
  {"sscan", -3, "readonly", 1, 1, 1, r::key},
  {"smove", 4, "write fast", 1, 2, 1, r::key},
  {"spop", -2, "write fast", 1, 1, 1, r::key},
  {"srandmember", -2, "readonly", 1, 1, 1, r::key},
  {"sinter", -2, "readonly", 1, -1, 1, r::key},
  {"sunion", -2, "readonly", 1, -1, 1, r::key},
  {"sdiff", -2, "readonly", 1, -1, 1, r::key},
  {"sinterstore", -3, "write denyoom", 1, -1, 1, r::key},
  {"sunionstore", -3, "write denyoom", 1, -1, 1, r::key},
  {"sdiffstore", -3, "write denyoom", 1, -1, 1, r::key},
  {"sintercard", -3, "readonly movablekeys", 0, 0, 0, r::key},
  // sorted sets
  {"zadd", -4, "write denyoom fast", 1, 1, 1, r::key},
  {"zincrby", 4, "write denyoom fast", 1, 1, 1, r::key},
  {"zrem", -3, "write fast", 1, 1, 1, r::key},
  {"zscore", 3, "readonly fast", 1, 1, 1, r::key},
  {"zmscore", -3, "readonly fast", 1, 1, 1, r::key},
  {"zcard", 2, "readonly fast", 1, 1, 1, r::key},
  {"zscan", -3, "readonly", 1, 1, 1, r::key},
  {"zrandmember", -2, "readonly", 1, 1, 1, r::key},
  {"zcount", 4, "readonly fast", 1, 1, 1, r::key},
  {"zlexcount", 4, "readonly fast", 1, 1, 1, r::key},
  {"zrange", -4, "readonly", 1, 1, 1, r::key},
  {"zrevrange", -4, "readonly", 1, 1, 1, r::key},
  {"zrangestore", -5, "write denyoom", 1, 2, 1, r::key},
  {"zrangebyscore", -4, "readonly", 1, 1, 1, r::key},
  {"zrevrangebyscore", -4, "readonly", 1, 1, 1, r::key},
  {"zrangebylex", -4, "readonly", 1, 1, 1, r::key},
  {"zrevrangebylex", -4, "readonly", 1, 1, 1, r::key},
  {"zrank", 3, "readonly fast", 1, 1, 1, r::key},
  {"zrevrank", 3, "readonly fast", 1, 1, 1, r::key},
  {"zpopmin", -2, "write fast", 1, 1, 1, r::key},
  {"zpopmax", -2, "write fast", 1, 1, 1, r::key},
  {"zmpop", -4, "write movablekeys", 0, 0, 0, r::key},
  {"bzpopmin", -3, "write noscript blocking fast", 1, -2, 1, r::key},
  {"bzpopmax", -3, "write noscript blocking fast", 1, -2, 1, r::key},
  {"bzmpop", -5, "write blocking movablekeys", 0, 0, 0, r::key},
  {"zremrangebyrank", 4, "write", 1, 1, 1, r::key},
  {"zremrangebyscore", 4, "write", 1, 1, 1, r::key},
  {"zremrangebylex", 4, "write", 1, 1, 1, r::key},
  {"zunionstore", -4, "write denyoom movablekeys", 1, 1, 1, r::key},
  {"zinterstore", -4, "write denyoom movablekeys", 1, 1, 1, r::key},
  {"zintercard", -3, "readonly movablekeys", 0, 0, 0, r::key},
  {"zdiffstore", -4, "write denyoom movablekeys", 1, 1, 1, r::key},
  {"zunion", -3, "readonly movablekeys", 0, 0, 0, r::key},
  {"zinter", -3, "readonly movablekeys", 0, 0, 0, r::key},
  {"zdiff", -3, "readonly movablekeys", 0, 0, 0, r::key},
  // streams
  {"xadd", -5, "write denyoom fast", 1, 1, 1, r::key},
  {"xlen", 2, "readonly fast", 1, 1, 1, r::key},
  {"xrange", -4, "readonly", 1, 1, 1, r::key},
  {"xrevrange", -4, "readonly", 1, 1, 1, r::key},
  {"xdel", -3, "write fast", 1, 1, 1, r::key},
  {"xtrim", -4, "write", 1, 1, 1, r::key},
  {"xsetid", -3, "write denyoom fast", 1, 1, 1, r::key},
  {"xread", -4, "readonly blocking movablekeys", 0, 0, 0, r::key},
  {"xreadgroup", -7, "write blocking movablekeys", 0, 0, 0, r::key},
  {"xgroup", -2, "write", 2, 2, 1, r::key},
  {"xack", -4, "write fast", 1, 1, 1, r::key},
  {"xpending", -3, "readonly", 1, 1, 1, r::key},
  {"xclaim", -6, "write fast", 1, 1, 1, r::key},
  {"xautoclaim", -6, "write fast", 1, 1, 1, r::key},
  {"xinfo", -2, "readonly", 2, 2, 1, r::key},
  // scripting: keys are given after numkeys (COMMAND's movablekeys)
  {"eval", -3, "noscript stale skip_monitor may_replicate no_mandatory_keys movablekeys", 0, 0, 0,
   r::session},
  {"evalsha", -3, "noscript stale skip_monitor may_replicate no_mandatory_keys movablekeys", 0,
   0, 0, r::session},
  {"eval_ro", -3, "readonly noscript stale skip_monitor no_mandatory_keys movablekeys", 0, 0, 0,
   r::session},
  {"evalsha_ro", -3, "readonly noscript stale skip_monitor no_mandatory_keys movablekeys", 0, 0,
   0, r::session},
  {"fcall", -3, "noscript stale skip_monitor may_replicate no_mandatory_keys movablekeys", 0, 0,
   0, r::session},
  {"fcall_ro", -3, "readonly noscript stale skip_monitor no_mandatory_keys movablekeys", 0, 0, 0,
   r::session},
  {"script", -2, "noscript", 0, 0, 0, r::session},
  {"function", -2, "noscript", 0, 0, 0, r::session},
  // transactions
  {"multi", 1, "noscript loading stale fast allow_busy", 0, 0, 0, r::session},
  {"exec", 1, "noscript loading stale skip_slowlog", 0, 0, 0, r::session},
  {"discard", 1, "noscript loading stale fast allow_busy", 0, 0, 0, r::session},
  {"watch", -2, "noscript loading stale fast allow_busy", 1, -1, 1, r::session},
  {"unwatch", 1, "noscript loading stale fast allow_busy", 0, 0, 0, r::session},
  // pub/sub
  {"publish", 3, "pubsub loading stale fast", 0, 0, 0, r::session},
  {"pubsub", -2, "pubsub loading stale", 0, 0, 0, r::session},
  {"subscribe", -2, "pubsub noscript loading stale", 0, 0, 0, r::session},
  {"unsubscribe", -1, "pubsub noscript loading stale", 0, 0, 0, r::session},
  {"psubscribe", -2, "pubsub noscript loading stale", 0, 0, 0, r::session},
  {"punsubscribe", -1, "pubsub noscript loading stale", 0, 0, 0, r::session},
  // tests only (--manual-clock): TROUPE.ADVANCECLOCK ms
  {"troupe.advanceclock", 2, "fast", 0, 0, 0, r::session},
};

} // namespace

const std::vector<resp_command>& resp_commands() {
  return table;
}

bool has_flag(const resp_command& c, std::string_view flag) {
  std::string_view flags{c.flags};
  while (!flags.empty()) {
    auto end = flags.find(' ');
    if (flags.substr(0, end) == flag)
      return true;
    if (end == std::string_view::npos)
      break;
    flags.remove_prefix(end + 1);
  }
  return false;
}

std::vector<size_t> key_positions(const resp_command& c, const std::vector<std::string_view>& args) {
  std::vector<size_t> out;
  if (has_flag(c, "movablekeys") && c.route == resp_route::key) {
    std::string_view name{c.name};
    if (name == "sort" || name == "sort_ro") {
      // SORT key ... [STORE destination]: the last STORE counts, as in Redis;
      // SORT_RO has none.
      if (args.size() > 1)
        out.push_back(1);
      size_t store = 0;
      for (size_t i = 2; name == "sort" && i + 1 < args.size(); ++i)
        if (args[i].size() == 5 && resp::lower(args[i]) == "store")
          store = ++i;
      if (store != 0)
        out.push_back(store);
      return out;
    }
    if (name == "xread" || name == "xreadgroup") {
      // ... STREAMS key [key ...] id [id ...]: the first half after STREAMS.
      for (size_t i = 1; i < args.size(); ++i) {
        if (args[i].size() == 7 && resp::lower(args[i]) == "streams") {
          auto n = (args.size() - i - 1) / 2;
          for (size_t k = 1; k <= n; ++k)
            out.push_back(i + k);
          return out;
        }
      }
      return out;
    }
    // ZUNIONSTORE dest numkeys key ..., BLMPOP timeout numkeys key ...,
    // ZUNION numkeys key ..., SINTERCARD, LMPOP.
    bool store = name.size() > 5 && name.substr(name.size() - 5) == "store";
    size_t numkeys_at = store || name == "blmpop" || name == "bzmpop" ? 2 : 1;
    if (store)
      out.push_back(1);
    if (args.size() <= numkeys_at)
      return out;
    int64_t n = 0;
    auto text = args[numkeys_at];
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || ptr != text.data() + text.size() || n < 0)
      return out;
    if (static_cast<uint64_t>(n) > args.size() - numkeys_at - 1)
      return out;  // the command answers that numkeys is too large
    for (size_t i = numkeys_at + 1; i <= numkeys_at + static_cast<size_t>(n); ++i)
      out.push_back(i);
    return out;
  }
  if (c.first_key <= 0)
    return out;
  size_t last = c.last_key < 0 ? args.size() - static_cast<size_t>(-c.last_key)
                               : static_cast<size_t>(c.last_key);
  for (size_t i = static_cast<size_t>(c.first_key); i <= last && i < args.size();
       i += static_cast<size_t>(c.step))
    out.push_back(i);
  return out;
}

const resp_command* find_resp_command(std::string_view lower_name) {
  static const auto index = [] {
    std::unordered_map<std::string_view, const resp_command*> out;
    for (auto& c : table)
      out.emplace(c.name, &c);
    return out;
  }();
  auto it = index.find(lower_name);
  return it == index.end() ? nullptr : it->second;
}

} // namespace troupe::protocol
