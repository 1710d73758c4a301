// Lua scripting on the RESP door (EVAL, EVALSHA, SCRIPT) and the traffic of
// the iii engine's Redis adapters, compared reply for reply with a
// redis-server started by the test: the same commands go to both, and the
// raw replies must be identical. Then what only Troupe has to show: keys of
// one partition per script (CROSSSLOT), atomic writes, a killed write
// script leaving nothing, scripts' writes surviving a restart.
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/node_process.hpp"
#include "tests/support/resp_peers.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe::test;

namespace {

constexpr const char* budget_ms = "200";  // as resp_peers gives both servers

/// How a client of Redis scripts sends one: EVALSHA first, SCRIPT LOAD on
/// NOSCRIPT, then EVALSHA again (redis-rs's Script::invoke).
std::string invoke(resp_conn& c, const std::string& body, std::vector<std::string> keys,
                   std::vector<std::string> argv, const std::string& sha) {
  std::vector<std::string> cmd{"EVALSHA", sha, std::to_string(keys.size())};
  cmd.insert(cmd.end(), keys.begin(), keys.end());
  cmd.insert(cmd.end(), argv.begin(), argv.end());
  auto r = c.call(cmd);
  if (r.rfind("-NOSCRIPT", 0) != 0)
    return r;
  auto loaded = c.call({"SCRIPT", "LOAD", body});
  BOOST_TEST(loaded == bulk(sha));
  return c.call(cmd);
}

// The script shapes a state/stream store and a lock service send: set and
// return the old value, delete and return it, release a lock one owns.
const std::string get_and_set = R"(
  local old = redis.call('HGET', KEYS[1], ARGV[1])
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  return old
)";
const std::string get_and_delete = R"(
  local old = redis.call('HGET', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[1], ARGV[1])
  return old
)";
const std::string release_lock = R"(
  if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
  else
    return 0
  end
)";

// A JSON update in one script: decode the stored document (pcall), apply a
// list of operations (set, merge, increment, append, remove), collect
// per-operation errors, store and return {'true', old, new[, errors]}.
const std::string json_update = R"(
  local key, field, ops_json = KEYS[1], ARGV[1], ARGV[2]
  local old = redis.call('HGET', key, field)
  local doc = {}
  if old then
    local ok, decoded = pcall(cjson.decode, old)
    if not ok then
      return {'false', 'failed to decode existing JSON: ' .. tostring(decoded)}
    end
    doc = decoded
  end
  local ops = cjson.decode(ops_json)
  local errors = {}
  local function fail(i, code, message)
    table.insert(errors, {op_index = i - 1, code = code, message = message})
  end
  local function label(p)
    if type(p) == 'table' then return '[' .. table.concat(p, ', ') .. ']' end
    return tostring(p)
  end
  local function is_object(v)
    return type(v) == 'table' and v ~= cjson.null and v[1] == nil
  end
  for i, op in ipairs(ops) do
    local path = op.path
    if op.type == 'set' then
      if path == nil or path == '' then
        doc = op.value
      elseif is_object(doc) then
        doc[path] = op.value
      else
        fail(i, 'set.target_not_object', 'Cannot set at ' .. label(path))
      end
    elseif op.type == 'merge' then
      if not is_object(op.value) then
        fail(i, 'merge.value.not_an_object', 'Merge value must be a JSON object')
      else
        if not is_object(doc) then doc = {} end
        local target = doc
        if type(path) == 'table' then
          for _, seg in ipairs(path) do
            if not is_object(target[seg]) then target[seg] = {} end
            target = target[seg]
          end
        end
        for k, v in pairs(op.value) do target[k] = v end
      end
    elseif op.type == 'increment' then
      local by = op.by or 1
      if path == nil or path == '' then
        if type(doc) == 'number' then doc = doc + by else
          fail(i, 'increment.not_number', 'Expected number at root') end
      elseif is_object(doc) then
        local v = doc[path]
        if v == nil then doc[path] = by
        elseif type(v) == 'number' then doc[path] = math.floor((v + by) * 1000) / 1000
        else fail(i, 'increment.not_number', 'Expected number at ' .. label(path)) end
      else
        fail(i, 'increment.target_not_object', 'Cannot increment at ' .. label(path))
      end
    elseif op.type == 'append' then
      if is_object(doc) and type(path) == 'string' then
        local v = doc[path]
        if v == nil or v == cjson.null then doc[path] = {op.value}
        elseif type(v) == 'string' and type(op.value) == 'string' then doc[path] = v .. op.value
        elseif type(v) == 'table' then table.insert(v, op.value)
        else fail(i, 'append.type_mismatch', 'Cannot append at ' .. label(path)) end
      else
        fail(i, 'append.target_not_object', 'Cannot append at ' .. label(path))
      end
    elseif op.type == 'remove' then
      if path == nil or path == '' then doc = cjson.null
      elseif is_object(doc) then doc[path] = nil
      else fail(i, 'remove.target_not_object', 'Cannot remove at ' .. label(path)) end
    end
  end
  local new = cjson.encode(doc)
  redis.call('HSET', key, field, new)
  local labels = {}
  for _, e in ipairs(errors) do table.insert(labels, e.code) end
  if #errors == 0 then
    return {'true', old or '', new}
  end
  return {'true', old or '', new, cjson.encode(errors), table.concat(labels, ',')}
)";

/// A JSON value for the generated cases (numbers, strings with escapes,
/// nested objects and arrays, null, booleans).
std::string random_json(std::mt19937& rng, int depth) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* words[] = {"a", "b", "name", "count", "tags", "x/y", "quote\"d", "uni\\u00e9"};
  switch (pick(depth > 2 ? 6 : 8)) {
    case 0: return std::to_string(pick(2000) - 1000);
    case 1: return std::to_string(pick(100000)) + "." + std::to_string(pick(1000));
    case 2: return "\"" + std::string{words[pick(8)]} + "\"";
    case 3: return "null";
    case 4: return pick(2) ? "true" : "false";
    case 5: return "\"\"";
    case 6: {
      std::string out = "[";
      for (int i = 0, n = pick(4); i < n; ++i)
        out += (i ? "," : "") + random_json(rng, depth + 1);
      return out + "]";
    }
    default: {
      std::string out = "{";
      for (int i = 0, n = pick(4); i < n; ++i)
        out += std::string{i ? "," : ""} + "\"" + words[pick(8)] + "\":" + random_json(rng, depth + 1);
      return out + "}";
    }
  }
}

std::string random_ops(std::mt19937& rng) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const char* paths[] = {"\"a\"", "\"count\"", "\"tags\"", "\"\"", "[\"m\",\"n\"]", "\"name\""};
  const char* types[] = {"set", "merge", "increment", "append", "remove"};
  std::string out = "[";
  for (int i = 0, n = 1 + pick(4); i < n; ++i) {
    std::string type = types[pick(5)];
    out += std::string{i ? "," : ""} + "{\"type\":\"" + type + "\"";
    if (pick(6) != 0)
      out += ",\"path\":" + std::string{paths[pick(6)]};
    if (type == "increment")
      out += ",\"by\":" + std::to_string(pick(20) - 5);
    else if (type == "merge")
      out += ",\"value\":" + (pick(4) ? "{\"a\":" + random_json(rng, 1) + ",\"k\":" + random_json(rng, 2) + "}"
                                      : random_json(rng, 1));
    else if (type != "remove")
      out += ",\"value\":" + random_json(rng, 1);
    out += "}";
  }
  return out + "]";
}

/// The digest in SCRIPT LOAD's reply ("$40\r\n<sha>\r\n").
std::string sha_in(const std::string& reply) {
  BOOST_TEST_REQUIRE(reply.rfind("$40\r\n", 0) == 0, reply);
  return reply.substr(5, 40);
}

std::string sha_of(peers& p, const std::string& body) {
  return sha_in(p.same({"SCRIPT", "LOAD", body}));
}

/// A library of one function whose body is `body`, as Redis's tests write one.
std::string library(const std::string& name, const std::string& function,
                    const std::string& body, const std::string& flags = "") {
  return "#!lua name=" + name + "\nredis.register_function{function_name='" + function
         + "', callback=function(KEYS, ARGV)\n" + body + "\nend" + (flags.empty() ? "" : ", flags=" + flags)
         + "}";
}

} // namespace

BOOST_AUTO_TEST_SUITE(scripting)

BOOST_AUTO_TEST_CASE(the_engine_handshake_and_its_state_stream_and_lock_traffic) {
  peers p;
  // redis-rs's connection setup, pipelined; SELECT 0 for a URL naming db 0.
  // (Redis 7.0 refuses CLIENT SETINFO, which came with 7.2, the version
  // the door reports; the client accepts either answer.)
  p.to_troupe.send({"CLIENT", "SETINFO", "LIB-NAME", "redis-rs"});
  p.to_troupe.send({"CLIENT", "SETINFO", "LIB-VER", "1.2.1"});
  BOOST_TEST(p.to_troupe.read() == ok);
  BOOST_TEST(p.to_troupe.read() == ok);
  p.same_pipelined({{"SELECT", "0"}, {"PING"}});
  // Scripts: EVALSHA before SCRIPT LOAD gets NOSCRIPT on both.
  for (auto* body : {&get_and_set, &get_and_delete, &release_lock, &json_update}) {
    auto sha = sha_of(p, *body);
    p.same({"SCRIPT", "FLUSH"});
    p.same({"EVALSHA", sha, "1", "k", "a"});
    p.same({"SCRIPT", "EXISTS", sha, "0000000000000000000000000000000000000000"});
  }
  auto set_sha = sha_of(p, get_and_set);
  auto del_sha = sha_of(p, get_and_delete);
  auto lock_sha = sha_of(p, release_lock);
  // State: hash state:{scope}, field = key, value = JSON.
  for (int i = 0; i < 20; ++i) {
    auto scope = "state:{scope" + std::to_string(i % 3) + "}";
    auto key = "item" + std::to_string(i % 7);
    auto value = "{\"n\":" + std::to_string(i) + ",\"s\":\"v\\n" + std::to_string(i) + "\"}";
    BOOST_TEST(invoke(p.to_troupe, get_and_set, {scope}, {key, value}, set_sha)
               == invoke(p.to_redis, get_and_set, {scope}, {key, value}, set_sha));
    p.same({"HGET", scope, key});
  }
  p.same({"HGET", "state:{scope0}", "missing"});
  p.same({"HLEN", "state:{scope1}"});
  p.same({"HDEL", "state:{scope1}", "item1"});
  p.same({"HDEL", "state:{scope1}", "item1"});
  // Streams: hash stream:{name}:{group}; delete through the script.
  p.same({"EVALSHA", set_sha, "1", "stream:s:g", "id1", "{\"a\":1}"});
  p.same({"EVALSHA", del_sha, "1", "stream:s:g", "id1"});
  p.same({"EVALSHA", del_sha, "1", "stream:s:g", "id1"});
  // HGETALL, KEYS and SCAN list the same things in another order.
  auto sorted = [](const std::string& reply) {
    auto items = strings_of(reply);
    std::sort(items.begin(), items.end());
    return items;
  };
  BOOST_TEST(sorted(p.to_troupe.call({"HGETALL", "state:{scope2}"}))
             == sorted(p.to_redis.call({"HGETALL", "state:{scope2}"})));
  BOOST_TEST(sorted(p.to_troupe.call({"KEYS", "state:*"}))
             == sorted(p.to_redis.call({"KEYS", "state:*"})));
  for (auto count : {std::string{}, std::string{"100"}}) {
    std::set<std::string> seen[2];
    resp_conn* conns[2] = {&p.to_redis, &p.to_troupe};
    for (int s = 0; s < 2; ++s) {
      std::string cursor = "0";
      do {
        std::vector<std::string> cmd{"SCAN", cursor, "MATCH", "state:*"};
        if (!count.empty())
          cmd.insert(cmd.end(), {"COUNT", count});
        auto [next, keys] = scan_reply(conns[s]->call(cmd));
        seen[s].insert(keys.begin(), keys.end());
        cursor = next;
      } while (cursor != "0");
    }
    BOOST_TEST(seen[0] == seen[1]);
    BOOST_TEST(seen[1].size() == 3u);
  }
  // Cron locks: SET NX PX, released only by their owner.
  p.same({"SET", "cron_lock:job1", "owner-a", "NX", "PX", "30000"});
  p.same({"SET", "cron_lock:job1", "owner-b", "NX", "PX", "30000"});
  p.same({"EVALSHA", lock_sha, "1", "cron_lock:job1", "owner-b"});
  p.same({"GET", "cron_lock:job1"});
  p.same({"EVALSHA", lock_sha, "1", "cron_lock:job1", "owner-a"});
  p.same({"EXISTS", "cron_lock:job1"});
  p.same({"EVALSHA", lock_sha, "1", "cron_lock:job1", "owner-a"});
  // Pub/sub: a subscriber on a dedicated connection on each side.
  resp_conn sub_redis{p.redis.port()}, sub_troupe{p.node.resp_port()};
  BOOST_TEST(sub_troupe.call({"SUBSCRIBE", "stream::events"})
             == sub_redis.call({"SUBSCRIBE", "stream::events"}));
  p.same({"PUBLISH", "stream::events", "{\"type\":\"create\"}"});
  BOOST_TEST(sub_troupe.read() == sub_redis.read());
}

BOOST_AUTO_TEST_CASE(a_json_update_script_agrees_on_generated_cases) {
  peers p;
  auto sha = sha_of(p, json_update);
  std::mt19937 rng{20261130};
  for (int i = 0; i < 300; ++i) {
    auto field = "f" + std::to_string(rng() % 40);
    if (rng() % 10 == 0)
      p.same({"HSET", "doc", field, random_json(rng, 0)});
    if (rng() % 25 == 0)
      p.same({"HSET", "doc", field, "{not json"});
    p.same({"EVALSHA", sha, "1", "doc", field, random_ops(rng)});
  }
  p.same({"HLEN", "doc"});
}

BOOST_AUTO_TEST_CASE(lua_edge_cases_reply_as_redis_does) {
  peers p;
  p.same({"SET", "s", "abc"});
  const std::vector<std::vector<std::string>> cases{
    // reply conversion
    {"EVAL", "return {1, 2, 3, nil, 4}", "0"},
    {"EVAL", "return {1, 'a', {true, false}, 3.99, -2.5, {}}", "0"},
    {"EVAL", "return nil", "0"},
    {"EVAL", "return false", "0"},
    {"EVAL", "return true", "0"},
    {"EVAL", "return 'x\\r\\ny'", "0"},
    {"EVAL", "return redis.status_reply('FINE')", "0"},
    {"EVAL", "return redis.error_reply('My Error')", "0"},
    {"EVAL", "return redis.error_reply('-My Error')", "0"},
    {"EVAL", "return {err = 'boom\\r\\n+OK'}", "0"},
    {"EVAL", "return {ok = 'fine'}", "0"},
    {"EVAL", "local t = {} t[1] = t return 1", "0"},
    {"EVAL", "return redis.call('get', KEYS[1])", "1", "nokey"},
    {"EVAL", "return redis.call('hgetall', KEYS[1])", "1", "nokey"},
    {"EVAL", "return {redis.call('set', KEYS[1], 'v'), redis.call('incr', KEYS[2])}", "2",
     "{t}a", "{t}b"},
    {"EVAL", "return redis.call('hset', KEYS[1], 'f', 1.5, 'g', 10)", "1", "h"},
    {"EVAL", "return redis.call('hget', KEYS[1], 'f')", "1", "h"},
    {"EVAL", "return redis.call('ping')", "0"},
    // errors inside scripts and pcall
    {"EVAL", "return x", "0"},
    {"EVAL", "x = 1", "0"},
    {"EVAL", "return redis.call('incr', KEYS[1])", "1", "s"},
    {"EVAL", "return redis.pcall('incr', KEYS[1])", "1", "s"},
    {"EVAL", "local ok, e = pcall(redis.call, 'incr', KEYS[1]) return e", "1", "s"},
    {"EVAL", "error('boom')", "0"},
    {"EVAL", "error({err = 'X y'})", "0"},
    {"EVAL", "return redis.call('nosuch')", "0"},
    {"EVAL", "return redis.call()", "0"},
    {"EVAL", "return redis.call('get', {})", "0"},
    {"EVAL", "return redis.call('hset', KEYS[1], 'f')", "1", "h"},
    {"EVAL", "return redis.call('subscribe', 'x')", "0"},
    {"EVAL", "local x = ", "0"},
    {"EVAL", "return 1", "-1"},
    {"EVAL", "return 1", "x"},
    {"EVAL", "return 1", "2", "a"},
    {"EVAL_RO", "return redis.call('set', KEYS[1], 'b')", "1", "a"},
    {"EVAL_RO", "return redis.call('get', KEYS[1])", "1", "{t}a"},
    {"EVALSHA", "0123456789012345678901234567890123456789", "0"},
    // libraries
    {"EVAL", "return cjson.encode({a = 1, b = 'x/y', c = {1, 2}, d = 1.5e300, e = 0.1})", "0"},
    {"EVAL", "return cjson.encode(cjson.decode('{\"z\":1,\"a\":[1,{}],\"m\":null}'))", "0"},
    {"EVAL", "return cjson.decode('[1,2')", "0"},
    {"EVAL", "return {bit.band(7, 3), bit.bor(1, 4), bit.tohex(255)}", "0"},
    {"EVAL", "return {math.floor(3.7), string.format('%05.1f', 2.25), #table.concat({'a', 'b'}, ',')}",
     "0"},
    {"EVAL", "return redis.sha1hex('abc')", "0"},
    {"EVAL", "return struct.pack('>I2 <i4 b c3 s', 513, -2, -1, 'abcdef', 'z')", "0"},
    {"EVAL", "return {struct.unpack('>I2 <i4 b c3 s', struct.pack('>I2 <i4 b c3 s', 513, -2, -1, 'abc', 'z'))}", "0"},
    {"EVAL", "return {struct.size('!4 b i d'), struct.unpack('B c0', struct.pack('B c0', 3, 'xyz'))}", "0"},
    {"EVAL", "return {struct.pack('>d', 1.5), struct.unpack('<d', struct.pack('<d', -2.25))}", "0"},
    {"EVAL", "return struct.pack('q', 1)", "0"},
    {"EVAL", "return struct.unpack('>i4', 'ab')", "0"},
    {"EVAL", "return type(loadfile)", "0"},
    {"EVAL", "return type(print)", "0"},
    {"EVAL", "return type(newproxy)", "0"},
    {"EVAL", "return type(getfenv)", "0"},
    {"EVAL", "return loadstring('return 1 + 1')()", "0"},
    {"EVAL", "return bit.tohex(1, -2147483648)", "0"},
    {"EVAL", "return redis.error_reply('oops')", "0"},
    {"EVAL", "return redis.error_reply('')", "0"},
    {"EVAL", "return redis.pcall()", "0"},
    {"EVAL", "error({err = 5})", "0"},
    {"EVAL", "redis.call = function() return 'pwned' end", "0"},
    {"EVAL", "string.rep = nil", "0"},
    {"EVAL", "#!lua flags=no-writes\nreturn 1", "0"},
    {"EVAL", "#!lua flags=no-writes\nreturn redis.call('set', KEYS[1], 'x')", "1", "nw"},
    {"EVAL", "return string.find('x', '(')", "0"},
    // SCRIPT
    {"SCRIPT", "LOAD", "return 1"},
    {"SCRIPT", "LOAD", "syntax error here\nsecond line"},
    {"SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "00"},
    {"SCRIPT", "KILL"},
    {"SCRIPT", "FLUSH", "SYNC"},
    {"SCRIPT", "FLUSH", "NOW"},
    {"SCRIPT", "foo"},
    {"SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db"},
  };
  for (auto& c : cases)
    p.same(c);
  p.same({"GET", "{t}a"});
}

BOOST_AUTO_TEST_CASE(error_replies_quoting_client_bytes_keep_the_stream_in_step) {
  peers p;
  // Each would end its line early if CR/LF were copied raw; the PING after
  // it must still get its own reply.
  p.same_pipelined({{"NOSUCH\r\n+OK", "arg\r\nwith\nnewlines"},
                    {"PING"},
                    {"SCRIPT", "NOSUCH\r\n:1"},
                    {"PING"},
                    {"EVAL", "error('a\\r\\n+forged')", "0"},
                    {"PING"},
                    {"SCRIPT", "LOAD", "local x =\r\n+OK\r\n"},
                    {"PING"}});
}

BOOST_AUTO_TEST_CASE(redis_setresp_3_gives_scripts_and_clients_resp3_types) {
  peers p;
  p.same({"HSET", "{r}h", "f", "v"});
  p.same({"ZADD", "{r}z", "1.5", "a", "2", "b"});
  const std::vector<std::vector<std::string>> scripts{
    {"EVAL", "redis.setresp(3) return redis.call('hgetall', KEYS[1])", "1", "{r}h"},
    {"EVAL", "redis.setresp(2) return redis.call('hgetall', KEYS[1])", "1", "{r}h"},
    {"EVAL", "redis.setresp(3) return redis.call('hgetall', KEYS[1]).map.f", "1", "{r}h"},
    {"EVAL", "redis.setresp(3) return redis.call('zrange', KEYS[1], 0, -1, 'withscores')", "1",
     "{r}z"},
    {"EVAL", "redis.setresp(3) local r = redis.call('zscore', KEYS[1], 'a') return "
             "{type(r), r.double}", "1", "{r}z"},
    {"EVAL", "redis.setresp(3) return {redis.call('get', '{r}nope') == nil, "
             "redis.call('exists', KEYS[1])}", "1", "{r}h"},
    {"EVAL", "redis.setresp(3) return {true, false}", "0"},
    {"EVAL", "redis.setresp(2) return {true, false}", "0"},
    {"EVAL", "redis.setresp(3) return false", "0"},
    {"EVAL", "return {double = 3.141}", "0"},
    {"EVAL", "return {big_number = '123\\r\\n456'}", "0"},
    {"EVAL", "return {verbatim_string = {format = 'txt', string = 'hello'}}", "0"},
    {"EVAL", "return {map = {k = 'v'}}", "0"},
    {"EVAL", "return {set = {m = true}}", "0"},
    {"EVAL", "return redis.call('incr', 'keyless')", "0"},  // runs where its key is
    {"EVAL", "redis.setresp(4)", "0"},
    {"EVAL", "redis.setresp()", "0"},
  };
  // Each from a RESP2 client, then from a RESP3 one: Redis downgrades the
  // RESP3 types for a RESP2 client.
  for (auto* hello : {"2", "3"}) {
    p.to_troupe.call({"HELLO", hello});
    p.to_redis.call({"HELLO", hello});
    for (auto& cmd : scripts)
      p.same(cmd);
  }
}

BOOST_AUTO_TEST_CASE(a_script_over_its_budget_is_killed_on_request) {
  peers p;
  const std::vector<std::string> loop{"EVAL", "local i = 0 while true do i = i + 1 end", "0"};
  p.to_redis.send(loop);
  p.to_troupe.send(loop);
  std::vector<std::string> seen[2];
  for (auto* port : {&p.redis, static_cast<redis_process*>(nullptr)}) {
    auto& replies = seen[port != nullptr ? 0 : 1];
    resp_conn other{port != nullptr ? port->port() : p.node.resp_port()};
    // PONG until the script passes its budget (no clock is read here), then
    // BUSY for all but the commands that end or get around it. A
    // transaction open then is aborted, whichever command the refusal hit.
    std::string r;
    while ((r = other.call({"PING"})) == "+PONG\r\n") {
    }
    replies.push_back(r);
    for (const std::vector<std::string>& cmd :
         {std::vector<std::string>{"GET", "x"}, {"MULTI"}, {"INCR", "x"}, {"EXEC"}, {"MULTI"},
          {"EXEC"}, {"CONFIG", "GET", "maxmemory"}, {"SCRIPT", "FLUSH"}})
      replies.push_back(other.call(cmd));
    BOOST_TEST(other.call({"SCRIPT", "KILL"}) == ok);
  }
  BOOST_TEST(seen[0] == seen[1]);
  BOOST_TEST(seen[1].front().rfind("-BUSY ", 0) == 0, seen[1].front());
  BOOST_TEST(p.to_troupe.read() == p.to_redis.read());
  p.same({"PING"});
  p.same({"SCRIPT", "KILL"});
}

// -- Troupe only ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(cmsgpack_and_scripts_in_transactions_reply_as_redis_does) {
  peers p;
  // Redis's encodings, byte for byte: the smallest integer types, float32
  // when exact, str8 from 32 bytes, arrays for 1..n tables, maps otherwise.
  p.same({"EVAL",
          "return cmsgpack.pack(1, -1, 127, 128, -33, 65536, 4294967296, -2147483649, 1.5, 0.1,"
          " 'short', string.rep('x', 40), true, false, {1, 2, 3}, {a = 1}, {[3] = 1})",
          "0"});
  std::string packed = "\x93\x01\xa1x\x81\xa1k\xa1v";  // [1, "x", {k: "v"}]
  p.same({"EVAL", "local t = cmsgpack.unpack(ARGV[1]) return {t[1], t[2], t[3].k}", "0", packed});
  p.same({"EVAL", "return {cmsgpack.unpack_one(ARGV[1])}", "0", std::string{"\x01\x02\x03", 3}});
  p.same({"EVAL", "return {cmsgpack.unpack_limit(ARGV[1], 2, 1)}", "0",
          std::string{"\x01\x02\x03", 3}});
  p.same({"EVAL", "return {cmsgpack.unpack(ARGV[1])}", "0",
          std::string{"\xcd\x01\x00\xd9\x03" "abc\xc3", 8}});
  p.same({"EVAL", "return cmsgpack.unpack(ARGV[1])", "0", "\x92\x01"});  // missing bytes
  p.same({"EVAL", "return cmsgpack.unpack(ARGV[1])", "0", "\xc1"});      // bad format
  // Input nested deeper than any value needs is refused, not recursed into.
  auto deep = std::string(100000, '\x91') + "\x01";
  auto refused = p.to_troupe.call({"EVAL", "return type(cmsgpack.unpack(ARGV[1]))", "0", deep});
  BOOST_TEST(refused.find("nested deeper than 1000 levels") != std::string::npos, refused);
  BOOST_TEST(p.to_troupe.call({"PING"}) == "+PONG\r\n");
  // Scripts queued by MULTI run in the transaction, in order.
  auto sha = sha_in(p.same({"SCRIPT", "LOAD", "return redis.call('get', KEYS[1])"}));
  p.same({"MULTI"});
  p.same({"SET", "{t}a", "1"});
  p.same({"EVAL", "return redis.call('incr', KEYS[1])", "1", "{t}a"});
  p.same({"EVALSHA", sha, "1", "{t}a"});
  p.same({"EVAL", "return redis.call('lpush', KEYS[1], 'x')", "1", "{t}a"});  // WRONGTYPE
  p.same({"EXEC"});
  // ...and keys of another partition refuse the transaction.
  auto& t = p.to_troupe;
  BOOST_TEST(t.call({"MULTI"}) == ok);
  BOOST_TEST(t.call({"SET", "{t}a", "1"}) == "+QUEUED\r\n");
  BOOST_TEST(t.call({"EVAL", "return 1", "1", "{u}b"})
             == err("CROSSSLOT Keys in request don't hash to the same slot"));
  BOOST_TEST(t.call({"EXEC"})
             == err("EXECABORT Transaction discarded because of previous errors."));
  BOOST_TEST(t.call({"GET", "{t}a"}) == bulk("2"));
}

BOOST_AUTO_TEST_CASE(a_script_works_in_one_partition_and_is_atomic) {
  temp_dir dir;
  node_process node{dir.sub("data"), "os",
                    {"--resp-listen", "127.0.0.1:0", "--script-time-limit-ms", budget_ms}};
  resp_conn c{node.resp_port()};
  // Keys of different partitions: refused whole, as Redis Cluster does.
  auto cross = c.call({"EVAL", "return redis.call('mset', KEYS[1], 1, KEYS[2], 2)", "2", "a",
                       "c"});
  auto a_part = c.call({"EVAL", "return 1", "2", "a", "c"});
  BOOST_TEST(cross == a_part);
  BOOST_TEST(cross == err("CROSSSLOT Keys in request don't hash to the same slot"));
  BOOST_TEST(c.call({"EXISTS", "a", "c"}) == integer(0));
  // A key the script did not declare, in another partition.
  auto stray = c.call({"EVAL", "return redis.call('set', ARGV[1], 1)", "1", "{x}1", "b"});
  BOOST_TEST(stray.find("ERR Script attempted to access a non local key in a cluster node")
             != std::string::npos);
  BOOST_TEST(c.call({"EVAL", "return redis.call('set', ARGV[1], 1)", "1", "{x}1", "{x}2"})
             == ok);
  // Without declared keys, a script runs in the partition of the first key
  // it touches; a key of another partition after that is refused, and what
  // ran before the error stays, as in Redis.
  BOOST_TEST(c.call({"EVAL", "redis.call('set', 'a', 'x') return redis.call('get', 'a')", "0"})
             == bulk("x"));
  auto second = c.call({"EVAL", "redis.call('set', 'a', 'y') return redis.call('set', 'c', 1)",
                        "0"});
  BOOST_TEST(second.find("ERR Script attempted to access a non local key in a cluster node")
             != std::string::npos, second);
  BOOST_TEST(c.call({"MGET", "a", "c"}) == "*2\r\n" + bulk("y") + nil);
  // A write script killed past its budget leaves nothing: its writes and
  // the loop were one unit.
  resp_conn writer{node.resp_port()};
  writer.send({"EVAL", "redis.call('set', KEYS[1], 'partial') while true do end", "1", "{x}w"});
  resp_conn killer{node.resp_port()};
  std::string r;
  while ((r = killer.call({"SCRIPT", "KILL"})) != ok)
    BOOST_TEST_REQUIRE(r.rfind("-NOTBUSY", 0) == 0, r);
  BOOST_TEST(writer.read().rfind("-ERR Script killed by user with SCRIPT KILL...", 0) == 0);
  BOOST_TEST(c.call({"GET", "{x}w"}) == nil);
  // A script's writes are durable like any other and survive a restart.
  BOOST_TEST(c.call({"EVAL", "redis.call('hset', KEYS[1], 'f', 'v') return redis.call('incr', KEYS[2])",
                     "2", "{y}h", "{y}n"})
             == integer(1));
  auto sha = sha_in(c.call({"SCRIPT", "LOAD", "return redis.call('get', KEYS[1])"}));
  BOOST_TEST(node.terminate() == 0);
  node_process again{dir.sub("data"), "os", {"--resp-listen", "127.0.0.1:0"}};
  resp_conn d{again.resp_port()};
  BOOST_TEST(d.call({"HGET", "{y}h", "f"}) == bulk("v"));
  BOOST_TEST(d.call({"GET", "{y}n"}) == bulk("1"));
  // The script cache is the node's memory, as Redis's: loaded again after a restart.
  BOOST_TEST(d.call({"EVALSHA", sha, "1", "{y}n"}).rfind("-NOSCRIPT", 0) == 0);
  BOOST_TEST(again.terminate() == 0);
}

BOOST_AUTO_TEST_CASE(nothing_a_script_does_to_its_environment_reaches_the_next) {
  temp_dir dir;
  node_process node{dir.sub("data"), "os", {"--resp-listen", "127.0.0.1:0"}};
  resp_conn c{node.resp_port()};
  // Raw writes bypass the read-only guard, but only into the run's own
  // environment and library views.
  BOOST_TEST(c.call({"EVAL",
                     "rawset(_G, 'zz', 1) rawset(redis, 'call', function() return 'pwned' end) "
                     "rawset(string, 'rep', nil) return zz",
                     "0"})
             == integer(1));
  BOOST_TEST(c.call({"EVAL", "return redis.call('ping')", "0"}) == "+PONG\r\n");
  BOOST_TEST(c.call({"EVAL", "return string.rep('a', 3)", "0"}) == bulk("aaa"));
  BOOST_TEST(c.call({"EVAL", "return zz", "0"}).find("nonexistent global variable 'zz'")
             != std::string::npos);
  BOOST_TEST(c.call({"EVAL", "return loadstring('zz2 = 1 return 2')()", "0"}).find("readonly")
             != std::string::npos);
  // A pattern deep enough to overflow the stack is refused, not run.
  auto deep = c.call({"EVAL",
                      "local n = 110000 return string.find(string.rep('a', 2 * n), "
                      "string.rep('a?', n) .. string.rep('a', n))",
                      "0"});
  BOOST_TEST(deep.find("pattern too long") != std::string::npos, deep);
  BOOST_TEST(c.call({"PING"}) == "+PONG\r\n");
  BOOST_TEST(node.terminate() == 0);
}

BOOST_AUTO_TEST_CASE(a_script_that_allocates_without_bound_fails_alone) {
  temp_dir dir;
  node_process node{dir.sub("data"), "os",
                    {"--resp-listen", "127.0.0.1:0", "--script-memory-bytes", "16777216"}};
  resp_conn c{node.resp_port()};
  auto r = c.call({"EVAL", "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end", "0"});
  BOOST_TEST(r.rfind("-ERR script ran out of memory", 0) == 0, r);
  BOOST_TEST(c.call({"EVAL", "return 7", "0"}) == integer(7));
  // cjson's own buffer is outside the interpreter: checked before encoding.
  auto big = c.call({"EVAL",
                     "local s = string.rep('x', 1048576) local t = {} for i = 1, 1000 do "
                     "t[i] = s end return #cjson.encode(t)",
                     "0"});
  BOOST_TEST(big.find("could exceed the script memory limit") != std::string::npos, big);
  // Large scripts that do not fit compile again once memory is back.
  for (int i = 0; i < 6; ++i) {
    auto body = "return '" + std::string(3 << 20, static_cast<char>('a' + i)) + "' ~= nil";
    auto reply = c.call({"EVAL", body, "0"});
    BOOST_TEST((reply == integer(1) || reply.rfind("-ERR script ran out of memory", 0) == 0),
               reply.substr(0, 100));
  }
  BOOST_TEST(c.call({"EVAL", "return 8", "0"}) == integer(8));
  BOOST_TEST(node.terminate() == 0);
}


// -- functions (FUNCTION LOAD, FCALL) ---------------------------------------------


BOOST_AUTO_TEST_CASE(functions_reply_as_redis_does) {
  peers p;
  // Loading: the library's name back, then its functions by name.
  p.same({"FUNCTION", "LOAD",
          "#!lua name=lib1\n"
          "redis.register_function('incr_by', function(keys, args)\n"
          "  return redis.call('incrby', keys[1], args[1])\nend)"});
  p.same({"FUNCTION", "LOAD",
          library("lib2", "reader", "return redis.call('get', KEYS[1])", "{'no-writes'}")});
  p.same({"FUNCTION", "LOAD",
          "#!lua name=lib3\nredis.register_function{function_name='described', "
          "callback=function() return {1, 'two', {ok='fine'}, false} end, "
          "description='a function', flags={'allow-stale', 'no-writes', 'allow-oom'}}"});
  p.same({"FCALL", "incr_by", "1", "{f}n", "5"});
  p.same({"FCALL", "incr_by", "1", "{f}n", "x"});
  p.same({"FCALL", "reader", "1", "{f}n"});
  p.same({"FCALL_RO", "reader", "1", "{f}n"});
  p.same({"FCALL_RO", "incr_by", "1", "{f}n", "1"});  // no no-writes flag
  p.same({"FCALL", "described", "0"});
  p.same({"FCALL", "missing", "0"});
  p.same({"FCALL", "reader", "x", "{f}n"});
  p.same({"FCALL", "reader", "-1"});
  p.same({"FCALL", "reader", "2", "{f}n"});
  // What FUNCTION LIST shows, in both protocols (one library at a time:
  // Redis lists libraries in no fixed order).
  for (auto* hello : {"2", "3"}) {
    p.to_troupe.call({"HELLO", hello});
    p.to_redis.call({"HELLO", hello});
    p.same({"FUNCTION", "LIST", "LIBRARYNAME", "lib3"});
    p.same({"FUNCTION", "LIST", "WITHCODE", "LIBRARYNAME", "LIB2"});
    p.same({"FUNCTION", "LIST", "LIBRARYNAME", "nomatch*"});
  }
  p.to_troupe.call({"HELLO", "2"});
  p.to_redis.call({"HELLO", "2"});
  p.same({"FUNCTION", "LIST", "LIBRARYNAME"});
  p.same({"FUNCTION", "LIST", "bad"});
  // Refused libraries, each with Redis's reason.
  for (auto& code : std::vector<std::string>{
         "return 1",
         "#!lua name=x",
         "#!lua\nredis.register_function('f', function() end)",
         "#!lua name=x foo=bar\nredis.register_function('f', function() end)",
         "#!lua name=x name=y\nredis.register_function('f', function() end)",
         "#!lua name=a-b\nredis.register_function('f', function() end)",
         "#!python name=x\nredis.register_function('f', function() end)",
         "#!lua name=lib1\nredis.register_function('f', function() end)",
         "#!lua name=x\nredis.register_function('reader', function() end)",
         "#!lua name=x\nlocal a = 1",
         "#!lua name=x\nredis.register_function('f', function() end)\n"
         "redis.register_function('f', function() end)",
         "#!lua name=x\nredis.register_function('f-g', function() end)",
         "#!lua name=x\nredis.register_function('f')",
         "#!lua name=x\nredis.register_function(1, 2, 3)",
         "#!lua name=x\nredis.register_function({function_name='f'})",
         "#!lua name=x\nredis.register_function({callback=function() end})",
         "#!lua name=x\nredis.register_function({function_name='f', callback=function() end, "
         "flags={'bad-flag'}})",
         "#!lua name=x\nredis.register_function({function_name='f', callback=function() end, "
         "colour='red'})",
         "#!lua name=x\nreturn redis.call('ping')",
         "#!lua name=x\nreturn math.random()",
         "#!lua name=x\na = 1",
         "#!lua name=x\nredis.register_function('f', function() end",
       })
    p.same({"FUNCTION", "LOAD", code});
  p.same({"FUNCTION", "LOAD", "REPLACE", "FORCE", "x"});
  // REPLACE swaps a library's functions; one that was there and no longer
  // is cannot be called.
  p.same({"FUNCTION", "LOAD", "REPLACE",
          library("lib1", "incr_by2", "return redis.call('incrby', KEYS[1], 2)")});
  p.same({"FCALL", "incr_by", "1", "{f}n", "5"});
  p.same({"FCALL", "incr_by2", "1", "{f}n"});
  // Errors raised in a function name it and its line.
  p.same({"FUNCTION", "LOAD",
          library("lib4", "broken", "local x = 1\nreturn redis.call('nosuchcommand')")});
  p.same({"FCALL", "broken", "0"});
  p.same({"FUNCTION", "LOAD", library("lib5", "global", "return undefined_name")});
  p.same({"FCALL", "global", "0"});
  p.same({"FUNCTION", "LOAD", library("lib6", "writer", "return redis.call('set', KEYS[1], 1)",
                                      "{'no-writes'}")});
  p.same({"FCALL", "writer", "1", "{f}w"});
  // Deleting and flushing.
  p.same({"FUNCTION", "DELETE", "lib2"});
  p.same({"FUNCTION", "DELETE", "lib2"});
  p.same({"FCALL", "reader", "1", "{f}n"});
  p.same({"FUNCTION", "FLUSH", "bad"});
  p.same({"FUNCTION", "FLUSH", "SYNC"});
  p.same({"FUNCTION", "LIST"});
  p.same({"FUNCTION", "STATS"});
  p.same({"FUNCTION", "KILL"});
  p.same({"FUNCTION", "NOSUCH"});
}

BOOST_AUTO_TEST_CASE(function_dump_and_restore_move_libraries_to_and_from_redis) {
  peers p;
  auto lib_a = library("liba", "fa", "return 'a'");
  auto lib_b = library("libb", "fb", "return redis.call('incr', KEYS[1])");
  for (auto* to : {&p.to_troupe, &p.to_redis}) {
    BOOST_TEST(to->call({"FUNCTION", "LOAD", lib_a}) == "$4\r\nliba\r\n");
    BOOST_TEST(to->call({"FUNCTION", "LOAD", lib_b}) == "$4\r\nlibb\r\n");
  }
  // Each side's payload restores on the other (Redis compresses long
  // codes with LZF; Troupe writes them plain), libraries and all.
  auto payload = [](resp_conn& c) {
    auto reply = c.call({"FUNCTION", "DUMP"});
    BOOST_TEST_REQUIRE(reply[0] == '$', reply);
    auto body = reply.find("\r\n") + 2;
    return reply.substr(body, reply.size() - body - 2);
  };
  auto from_troupe = payload(p.to_troupe);
  auto from_redis = payload(p.to_redis);
  // APPEND refuses a payload with a library of a name already there (one
  // only: Redis names the first in its own hash order).
  p.same({"FUNCTION", "DELETE", "libb"});
  p.same({"FUNCTION", "RESTORE", from_troupe});
  p.same({"FUNCTION", "RESTORE", from_redis, "APPEND"});
  p.same({"FCALL", "fb", "1", "{f}n"});  // nothing of it was restored
  p.same({"FUNCTION", "FLUSH"});
  BOOST_TEST(p.to_troupe.call({"FUNCTION", "RESTORE", from_redis}) == "+OK\r\n");
  BOOST_TEST(p.to_redis.call({"FUNCTION", "RESTORE", from_troupe}) == "+OK\r\n");
  p.same({"FCALL", "fa", "0"});
  p.same({"FCALL", "fb", "1", "{f}n"});
  p.same({"FUNCTION", "LIST", "LIBRARYNAME", "liba", "WITHCODE"});
  p.same({"FUNCTION", "LIST", "LIBRARYNAME", "libb", "WITHCODE"});
  // REPLACE swaps same-named libraries; FLUSH drops the others first.
  p.same({"FUNCTION", "DELETE", "libb"});
  p.same({"FUNCTION", "LOAD", library("libc", "fc", "return 'c'")});
  p.same({"FUNCTION", "LOAD", "REPLACE", library("liba", "fa2", "return 'a2'")});
  p.same({"FUNCTION", "RESTORE", from_troupe, "replace"});
  p.same({"FCALL", "fa", "0"});
  p.same({"FCALL", "fa2", "0"});
  p.same({"FCALL", "fc", "0"});
  p.same({"FUNCTION", "RESTORE", from_troupe, "FLUSH"});
  p.same({"FCALL", "fc", "0"});
  p.same({"FCALL", "fb", "1", "{f}n"});
  // A function of the payload another library already registers.
  p.same({"FUNCTION", "FLUSH"});
  p.same({"FUNCTION", "LOAD", library("other", "fa", "return 'other'")});
  p.same({"FUNCTION", "RESTORE", from_troupe, "REPLACE"});
  p.same({"FCALL", "fb", "1", "{f}n"});  // nothing of it was restored
  // Bad payloads and arguments.
  p.same({"FUNCTION", "RESTORE", from_troupe, "MERGE"});
  p.same({"FUNCTION", "RESTORE", from_troupe, "FLUSH", "extra"});
  p.same({"FUNCTION", "RESTORE", "garbage"});
  p.same({"FUNCTION", "RESTORE", from_troupe.substr(0, from_troupe.size() - 1) + "x"});
  p.same({"SET", "{f}s", "a string"});
  auto dumped = p.to_troupe.call({"DUMP", "{f}s"});
  auto value_payload = dumped.substr(dumped.find("\r\n") + 2, dumped.size() - dumped.find("\r\n") - 4);
  p.same({"FUNCTION", "RESTORE", value_payload});
  p.same({"FUNCTION", "RESTORE"});
  p.same({"FUNCTION", "DUMP", "extra"});
  p.same({"FUNCTION", "FLUSH"});
  p.same({"FUNCTION", "RESTORE", p.to_troupe.call({"FUNCTION", "DUMP"}).substr(4, 10)});
}

BOOST_AUTO_TEST_CASE(a_busy_function_is_killed_by_function_kill_only) {
  peers p;
  p.same({"FUNCTION", "LOAD", library("spin", "spin", "local i = 0 while true do i = i + 1 end")});
  const std::vector<std::string> loop{"FCALL", "spin", "0"};
  p.to_redis.send(loop);
  p.to_troupe.send(loop);
  std::vector<std::string> seen[2];
  for (int i = 0; i < 2; ++i) {
    resp_conn other{i == 0 ? p.redis.port() : p.node.resp_port()};
    std::string r;
    while ((r = other.call({"PING"})) == "+PONG\r\n") {
    }
    seen[i].push_back(r);
    seen[i].push_back(other.call({"SCRIPT", "KILL"}));  // not a function's
    auto stats = other.call({"FUNCTION", "STATS"});
    BOOST_TEST(stats.find("spin") != std::string::npos, stats);
    BOOST_TEST(other.call({"FUNCTION", "KILL"}) == ok);
  }
  BOOST_TEST(seen[0] == seen[1]);
  BOOST_TEST(p.to_troupe.read() == p.to_redis.read());
  p.same({"PING"});
}

BOOST_AUTO_TEST_CASE(maxmemory_and_min_replicas_refuse_as_redis_does) {
  peers p;
  p.same({"SET", "x", "v"});
  p.same({"FUNCTION", "LOAD", library("lim", "reads", "return redis.call('get', KEYS[1])",
                                      "{'no-writes'}")});
  p.same({"FUNCTION", "LOAD", library("lim2", "writes", "return redis.call('set', KEYS[1], 1)")});
  // Fewer replicas than min-replicas-to-write asks for (one node has
  // none): writes are refused, and scripts that may write, before they run
  // when they declare flags, at their writes when they do not.
  p.same({"CONFIG", "SET", "min-replicas-to-write", "1"});
  for (auto& cmd : std::vector<std::vector<std::string>>{
         {"SET", "x", "w"},
         {"GET", "x"},
         {"EVAL", "#!lua flags=no-writes\nreturn redis.call('get', KEYS[1])", "1", "x"},
         {"EVAL", "return redis.call('get', KEYS[1])", "1", "x"},
         {"EVAL", "#!lua\nreturn redis.call('get', KEYS[1])", "1", "x"},
         {"EVAL", "return redis.call('set', KEYS[1], 1)", "1", "x"},
         {"FCALL", "reads", "1", "x"},
         {"FCALL", "writes", "1", "x"},
         {"MULTI"},
         {"SET", "x", "w"},
         {"EXEC"}})
    p.same(cmd);
  p.same({"CONFIG", "GET", "min-replicas-to-write"});
  p.same({"CONFIG", "SET", "min-replicas-to-write", "0"});
  p.same({"SET", "x", "w"});
  // Past maxmemory (noeviction), commands that may grow memory are refused
  // OOM; reads, deletes and scripts that cannot write go on.
  p.same({"CONFIG", "SET", "maxmemory", "1"});
  for (auto& cmd : std::vector<std::vector<std::string>>{
         {"SET", "x", "w"},
         {"INCR", "n"},
         {"GET", "x"},
         {"EVAL", "#!lua\nreturn 1", "0"},
         {"EVAL", "#!lua flags=allow-oom\nreturn 1", "0"},
         {"EVAL", "#!lua flags=no-writes\nreturn 1", "0"},
         {"EVAL", "return redis.call('set', KEYS[1], 'y')", "1", "x"},
         {"EVAL", "return redis.call('get', KEYS[1])", "1", "x"},
         {"FCALL", "writes", "1", "x"},
         {"FCALL_RO", "reads", "1", "x"},
         {"MULTI"},
         {"GET", "x"},
         {"EXEC"},
         {"DEL", "x"}})
    p.same(cmd);
  p.same({"CONFIG", "GET", "maxmemory"});
  p.same({"CONFIG", "SET", "maxmemory", "1mb"});
  p.same({"CONFIG", "GET", "maxmemory"});
  p.same({"CONFIG", "SET", "maxmemory", "lots"});
  p.same({"CONFIG", "SET", "min-replicas-to-write", "-1"});
  p.same({"CONFIG", "SET", "maxmemory", "0"});
  p.same({"SET", "x", "w"});
}

BOOST_AUTO_TEST_CASE(function_libraries_are_the_nodes_and_survive_a_restart) {
  temp_dir dir;
  node_process node{dir.sub("data"), "os", {"--resp-listen", "127.0.0.1:0"}};
  resp_conn c{node.resp_port()};
  BOOST_TEST(c.call({"FUNCTION", "LOAD",
                     library("counters", "bump",
                             "redis.call('incr', KEYS[1]) return redis.call('incr', KEYS[2])")})
             == bulk("counters"));
  BOOST_TEST(c.call({"FUNCTION", "LOAD", library("keyless", "touch",
                                                 "return redis.call('incr', ARGV[1])")})
             == bulk("keyless"));
  // A function's keys live in one partition, as a script's.
  BOOST_TEST(c.call({"FCALL", "bump", "2", "a", "c"})
             == err("CROSSSLOT Keys in request don't hash to the same slot"));
  BOOST_TEST(c.call({"FCALL", "bump", "2", "{k}a", "{k}b"}) == integer(1));
  // One declaring no keys runs where the first key it touches lives.
  BOOST_TEST(c.call({"FCALL", "touch", "0", "c"}) == integer(1));
  BOOST_TEST(c.call({"FCALL", "touch", "0", "a"}) == integer(1));
  // Queued in a transaction, FCALL and FUNCTION run in their places.
  BOOST_TEST(c.call({"MULTI"}) == ok);
  BOOST_TEST(c.call({"FCALL", "bump", "2", "{k}a", "{k}b"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"FUNCTION", "DELETE", "keyless"}) == "+QUEUED\r\n");
  BOOST_TEST(c.call({"EXEC"}) == "*2\r\n" + integer(2) + ok);
  BOOST_TEST(c.call({"FCALL", "touch", "0", "a"}) == err("ERR Function not found"));
  // The libraries are kept with the node's data.
  BOOST_TEST(node.terminate() == 0);
  node_process again{dir.sub("data"), "os", {"--resp-listen", "127.0.0.1:0"}};
  resp_conn d{again.resp_port()};
  BOOST_TEST(d.call({"FCALL", "bump", "2", "{k}a", "{k}b"}) == integer(3));
  auto list = d.call({"FUNCTION", "LIST"});
  BOOST_TEST(list.find("counters") != std::string::npos, list);
  BOOST_TEST(list.find("keyless") == std::string::npos, list);
  BOOST_TEST(d.call({"FUNCTION", "FLUSH"}) == ok);
  BOOST_TEST(again.terminate() == 0);
  node_process third{dir.sub("data"), "os", {"--resp-listen", "127.0.0.1:0"}};
  resp_conn e{third.resp_port()};
  BOOST_TEST(e.call({"FUNCTION", "LIST"}) == "*0\r\n");
  BOOST_TEST(third.terminate() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
