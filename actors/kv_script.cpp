#include "actors/kv_script.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <spdlog/spdlog.h>

extern "C" {
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
// Debian's lua-cjson and lua-bitop (static libraries for Lua 5.1).
#include <lua-bitop.h>
#include <lua-cjson.h>
}

#include "actors/lua_cmsgpack.hpp"
#include "actors/lua_struct.hpp"
#include "actors/script_monitor.hpp"
#include "protocol/digest.hpp"
#include "protocol/resp.hpp"
#include "protocol/resp_commands.hpp"

namespace troupe::actors::kv {

namespace resp = protocol::resp;

namespace {

/// Instructions between two looks at the clock.
constexpr int hook_every = 100'000;
/// Deepest table a reply may nest, as Redis's "reached lua stack limit".
constexpr int max_reply_depth = 1000;
constexpr const char* chunk_name = "@user_script";
constexpr const char* library_chunk_name = "@user_function";
constexpr const char* handler_key = "troupe.err_handler";
/// How long a library's code may run while it registers its functions.
constexpr auto load_timeout = std::chrono::milliseconds{500};

/// Bounds what one interpreter may allocate: past it, Lua raises "not
/// enough memory" inside the script, which fails and frees what it held.
struct alloc_budget {
  size_t used = 0;
  size_t limit = 0;
};

void* bounded_alloc(void* ud, void* ptr, size_t osize, size_t nsize) {
  auto* b = static_cast<alloc_budget*>(ud);
  if (nsize == 0) {
    std::free(ptr);
    b->used -= osize;
    return nullptr;
  }
  if (nsize > osize && b->used + (nsize - osize) > b->limit)
    return nullptr;
  void* out = std::realloc(ptr, nsize);
  if (out != nullptr)
    b->used = b->used - osize + nsize;
  return out;
}

// -- Redis's math.random: rand48, one sequence per interpreter ----------------

struct rand48 {
  uint64_t x = 0x1234ABCD330EULL;  // rand48's default state, as Redis starts
  void seed(int32_t s) {
    x = (static_cast<uint64_t>(static_cast<uint32_t>(s)) << 16) | 0x330E;
  }
  int32_t next() {
    x = (0x5DEECE66DULL * x + 0xB) & ((uint64_t{1} << 48) - 1);
    return static_cast<int32_t>(x >> 17);
  }
};

// The run in progress on this thread: the hook and redis.call find it here
// (an actor's handler runs on one thread from start to end).
struct run_context;
thread_local run_context* current = nullptr;

} // namespace

struct script_vm::impl {
  script_monitor* monitor;
  alloc_budget memory;
  lua_State* L = nullptr;
  size_t cached = 0;
  rand48 rng;

  impl(script_monitor* m, size_t max_memory) : monitor(m) {
    memory.limit = max_memory;
    open();
  }
  ~impl() { close(); }

  void open();
  /// After a run (`rc` lua_cpcall's, `script_rc` the script's own): the
  /// stack emptied, and the interpreter started afresh when memory ran out
  /// (`out` then says so).
  void settle(int rc, int script_rc, std::string& out);
  void close() {
    if (L != nullptr)
      lua_close(L);
    L = nullptr;
    cached = 0;
  }
};

namespace {

/// A library's code registering its functions (see load_library).
struct library_load {
  std::vector<function_info> functions;
  std::chrono::steady_clock::time_point deadline;
};

struct run_context {
  script_vm::impl* vm;
  const script_host* host;
  std::chrono::steady_clock::time_point started;
  bool busy = false;
  uint64_t kill_generation = 0;
  bool killed = false;
  bool resp3_calls = false;  // redis.setresp(3): calls answer in RESP3
  library_load* loading = nullptr;  // while a library's code runs
  bool function = false;  // FCALL's: BUSY names FUNCTION KILL
  std::string_view label{};  // the function's name
};

// -- RESP2 and RESP3 reply -> Lua ----------------------------------------------

void push_reply(lua_State* L, std::string_view r, size_t& pos);

/// Pushes {field = <the value on top>}, replacing that value.
void wrap_in_field(lua_State* L, const char* field) {
  lua_newtable(L);
  lua_pushstring(L, field);
  lua_pushvalue(L, -3);
  lua_settable(L, -3);
  lua_remove(L, -2);
}

/// RESP3's map (`pairs`) or set: {map = {k = v, ...}} or {set = {m = true,
/// ...}}, as Redis gives a script that called redis.setresp(3).
void push_map_or_set(lua_State* L, std::string_view r, size_t& pos, long long n, bool pairs) {
  lua_newtable(L);
  for (long long i = 0; i < n; ++i) {
    luaL_checkstack(L, 4, "reached lua stack limit");
    push_reply(L, r, pos);
    if (pairs)
      push_reply(L, r, pos);
    else
      lua_pushboolean(L, 1);
    if (lua_isnil(L, -2))
      lua_pop(L, 2);  // a null key: Lua tables have none
    else
      lua_settable(L, -3);
  }
  wrap_in_field(L, pairs ? "map" : "set");
}

/// Pushes the RESP2 or RESP3 value at `pos` of `r` and advances `pos`.
void push_reply(lua_State* L, std::string_view r, size_t& pos) {
  auto eol = r.find("\r\n", pos);
  if (eol == std::string_view::npos) {
    lua_pushboolean(L, 0);
    pos = r.size();
    return;
  }
  char kind = r[pos];
  auto line = r.substr(pos + 1, eol - pos - 1);
  pos = eol + 2;
  switch (kind) {
    case ':':
      lua_pushnumber(L, static_cast<lua_Number>(std::strtoll(std::string{line}.c_str(), nullptr, 10)));
      return;
    case '+':
    case '-':
      lua_newtable(L);
      lua_pushstring(L, kind == '+' ? "ok" : "err");
      lua_pushlstring(L, line.data(), line.size());
      lua_settable(L, -3);
      return;
    case '$': {
      auto n = std::strtoll(std::string{line}.c_str(), nullptr, 10);
      if (n < 0) {
        lua_pushboolean(L, 0);
        return;
      }
      lua_pushlstring(L, r.data() + pos, static_cast<size_t>(n));
      pos += static_cast<size_t>(n) + 2;
      return;
    }
    case '*': {
      auto n = std::strtoll(std::string{line}.c_str(), nullptr, 10);
      if (n < 0) {
        lua_pushboolean(L, 0);
        return;
      }
      lua_createtable(L, static_cast<int>(n), 0);
      for (long long i = 1; i <= n; ++i) {
        luaL_checkstack(L, 4, "reached lua stack limit");
        push_reply(L, r, pos);
        lua_rawseti(L, -2, static_cast<int>(i));
      }
      return;
    }
    case '%':
    case '~':
      push_map_or_set(L, r, pos, std::strtoll(std::string{line}.c_str(), nullptr, 10),
                      kind == '%');
      return;
    case '|': {  // an attribute: read and left out, as Redis does
      auto n = std::strtoll(std::string{line}.c_str(), nullptr, 10);
      for (long long i = 0; i < 2 * n; ++i) {
        luaL_checkstack(L, 4, "reached lua stack limit");
        push_reply(L, r, pos);
        lua_pop(L, 1);
      }
      push_reply(L, r, pos);
      return;
    }
    case '_':
      lua_pushnil(L);
      return;
    case '#':
      lua_pushboolean(L, line == "t" ? 1 : 0);
      return;
    case ',':
      lua_pushnumber(L, std::strtod(std::string{line}.c_str(), nullptr));
      wrap_in_field(L, "double");
      return;
    case '(':
      lua_pushlstring(L, line.data(), line.size());
      wrap_in_field(L, "big_number");
      return;
    case '=': {  // "fmt:text"
      auto n = static_cast<size_t>(std::strtoll(std::string{line}.c_str(), nullptr, 10));
      auto text = r.substr(pos, n);
      pos += n + 2;
      lua_newtable(L);
      lua_pushstring(L, "format");
      lua_pushlstring(L, text.data(), std::min<size_t>(3, text.size()));
      lua_settable(L, -3);
      lua_pushstring(L, "string");
      auto body = text.size() > 4 ? text.substr(4) : std::string_view{};
      lua_pushlstring(L, body.data(), body.size());
      lua_settable(L, -3);
      wrap_in_field(L, "verbatim_string");
      return;
    }
    default:
      lua_pushboolean(L, 0);
      pos = r.size();
  }
}

/// An error table {err = "<CODE> <message>"} from a RESP error reply.
void push_error_table(lua_State* L, std::string_view error_reply) {
  auto msg = error_reply.substr(1);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == '\r'))
    msg.remove_suffix(1);
  lua_newtable(L);
  lua_pushstring(L, "err");
  lua_pushlstring(L, msg.data(), msg.size());
  lua_settable(L, -3);
}

/// Pushes Redis's error table {err = message}.
void push_error_text(lua_State* L, const char* message) {
  lua_newtable(L);
  lua_pushstring(L, "err");
  lua_pushstring(L, message);
  lua_settable(L, -3);
}

/// Raises Redis's error table {err = message}.
int raise(lua_State* L, const char* message) {
  push_error_text(L, message);
  return lua_error(L);
}

/// Raises Redis's error for a name a script cannot reach (key at 2).
int nonexistent_global(lua_State* L) {
  luaL_where(L, 1);
  lua_pushfstring(L, "Script attempted to access nonexistent global variable '%s'",
                  luaL_optstring(L, 2, "?"));
  lua_concat(L, 2);
  return lua_error(L);
}

// -- redis.* ------------------------------------------------------------------

/// A redis.* call's arguments as the command's words (numbers as Redis
/// prints them); false, with an error table pushed, when there are none or
/// one is neither a string nor a number.
bool command_words(lua_State* L, std::vector<std::string>& owned) {
  int argc = lua_gettop(L);
  if (argc == 0) {
    push_error_text(L, "ERR Please specify at least one argument for this redis lib call");
    return false;
  }
  owned.resize(static_cast<size_t>(argc));
  for (int i = 1; i <= argc; ++i) {
    int t = lua_type(L, i);
    if (t == LUA_TNUMBER) {
      char buf[64];
      int n = std::snprintf(buf, sizeof(buf), "%.17g", static_cast<double>(lua_tonumber(L, i)));
      owned[static_cast<size_t>(i - 1)].assign(buf, static_cast<size_t>(n));
    } else if (t == LUA_TSTRING) {
      size_t len = 0;
      const char* s = lua_tolstring(L, i, &len);
      owned[static_cast<size_t>(i - 1)].assign(s, len);
    } else {
      push_error_text(L, "ERR Lua redis lib command arguments must be strings or integers");
      return false;
    }
  }
  return true;
}

/// Runs the command in the arguments and pushes its reply (or its error
/// table); true when it is an error. Every C++ object of the call lives
/// here, so none is skipped when the caller raises.
bool call_and_push(lua_State* L) {
  std::vector<std::string> owned;
  if (!command_words(L, owned))
    return true;
  std::vector<std::string_view> args(owned.begin(), owned.end());
  auto reply = current->host->call(args, current->resp3_calls);
  if (!reply.empty() && reply[0] == '-') {
    push_error_table(L, reply);
    return true;
  }
  size_t pos = 0;
  push_reply(L, reply, pos);
  return false;
}

/// redis.acl_check_cmd(command, args...): whether the script's user may run
/// it; pushes the boolean, or an error table (returning true) for an
/// unknown command. Every C++ object lives here, as in call_and_push.
bool acl_check_and_push(lua_State* L) {
  std::vector<std::string> owned;
  if (!command_words(L, owned))
    return true;
  std::vector<std::string_view> args(owned.begin(), owned.end());
  auto& check = current->host->acl_check;
  std::optional<bool> allowed = true;
  if (check)
    allowed = check(args);
  else if (protocol::find_resp_command(resp::lower(args[0])) == nullptr)
    allowed = std::nullopt;
  if (!allowed) {
    push_error_text(L, "ERR Invalid command passed to redis.acl_check_cmd()");
    return true;
  }
  lua_pushboolean(L, *allowed ? 1 : 0);
  return false;
}

int redis_acl_check_cmd(lua_State* L) {
  if (acl_check_and_push(L))
    return lua_error(L);  // no C++ object of the call is alive here
  return 1;
}

int redis_call_impl(lua_State* L, bool raise_errors) {
  bool failed = call_and_push(L);
  if (failed && raise_errors)
    return lua_error(L);  // no C++ object of the call is alive here
  return 1;
}

int redis_call(lua_State* L) {
  return redis_call_impl(L, true);
}

int redis_pcall(lua_State* L) {
  return redis_call_impl(L, false);
}

/// redis.error_reply / status_reply: a table {err|ok = text}.
int reply_table(lua_State* L, const char* field) {
  if (lua_gettop(L) != 1 || lua_type(L, 1) != LUA_TSTRING)
    return luaL_error(L, "wrong number or type of arguments");
  size_t len = 0;
  const char* s = lua_tolstring(L, 1, &len);
  std::string_view text{s, len};
  lua_newtable(L);
  lua_pushstring(L, field);
  if (std::strcmp(field, "err") == 0) {
    // As Redis: "-CODE message" keeps its code; text without one gets ERR.
    if (!text.empty() && text[0] == '-')
      text.remove_prefix(1);
    if (text.find(' ') == std::string_view::npos) {
      lua_pushstring(L, "ERR ");
      lua_pushlstring(L, text.data(), text.size());
      lua_concat(L, 2);
    } else {
      lua_pushlstring(L, text.data(), text.size());
    }
  } else {
    lua_pushlstring(L, text.data(), text.size());
  }
  lua_settable(L, -3);
  return 1;
}

int redis_error_reply(lua_State* L) {
  return reply_table(L, "err");
}

int redis_status_reply(lua_State* L) {
  return reply_table(L, "ok");
}

int redis_sha1hex(lua_State* L) {
  if (lua_gettop(L) != 1)
    return luaL_error(L, "wrong number of arguments");
  size_t len = 0;
  const char* s = lua_tolstring(L, 1, &len);
  auto hex = protocol::sha1_hex({s == nullptr ? "" : s, s == nullptr ? 0 : len});
  lua_pushlstring(L, hex.data(), hex.size());
  return 1;
}

int redis_log(lua_State* L) {
  int argc = lua_gettop(L);
  if (argc < 2)
    return luaL_error(L, "redis.log() requires two arguments or more.");
  if (!lua_isnumber(L, 1))
    return luaL_error(L, "First argument must be a number (log level).");
  auto level = lua_tointeger(L, 1);
  std::string msg;
  for (int i = 2; i <= argc; ++i) {
    size_t len = 0;
    const char* s = lua_tolstring(L, i, &len);
    if (s != nullptr) {
      if (!msg.empty())
        msg.push_back(' ');
      msg.append(s, len);
    }
  }
  auto lvl = level >= 3 ? spdlog::level::warn
                        : level == 2 ? spdlog::level::info : spdlog::level::debug;
  spdlog::log(lvl, "script: {}", msg);
  return 0;
}

int redis_setresp(lua_State* L) {
  if (lua_gettop(L) != 1)
    return raise(L, "ERR redis.setresp() requires one argument.");
  auto version = lua_tonumber(L, 1);
  if (version != 2 && version != 3)
    return raise(L, "ERR RESP version must be 2 or 3.");
  current->resp3_calls = version == 3;
  return 0;
}

int redis_noop(lua_State*) {
  return 0;
}

int redis_true(lua_State* L) {
  lua_pushboolean(L, 1);
  return 1;
}

int redis_false(lua_State* L) {
  lua_pushboolean(L, 0);
  return 1;
}

/// Redis's pcall: an error table caught becomes its `err` text, so a script
/// sees redis.call's errors as strings, as in Redis.
int redis_style_pcall(lua_State* L) {
  int argc = lua_gettop(L);
  luaL_checkany(L, 1);
  lua_pushboolean(L, 1);
  lua_insert(L, 1);
  if (lua_pcall(L, argc - 1, LUA_MULTRET, 0) != 0) {
    lua_remove(L, 1);
    if (lua_istable(L, -1)) {
      lua_getfield(L, -1, "err");
      if (lua_isstring(L, -1))
        lua_replace(L, -2);
      else
        lua_pop(L, 1);
    }
    lua_pushboolean(L, 0);
    lua_insert(L, 1);
  }
  return lua_gettop(L);
}

// -- redis.register_function ----------------------------------------------------

constexpr const char* loading_key = "troupe.loading";  // the loading library's name -> callback
constexpr const char* load_api_key = "troupe.load_api";  // `redis` while a library loads

/// Redis's function flags, in the order FUNCTION LIST gives them.
constexpr const char* function_flags[] = {"no-writes", "allow-oom", "allow-stale", "no-cluster",
                                          "allow-cross-slot-keys"};

/// Library and function names: letters, digits and underscores.
bool valid_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  });
}

/// A string argument (a number converts, as lua_isstring allows) of the
/// value at `idx`, converted on a copy so a table key stays as it is.
std::optional<std::string> string_arg(lua_State* L, int idx) {
  if (lua_isstring(L, idx) == 0)
    return std::nullopt;
  lua_pushvalue(L, idx);
  size_t len = 0;
  const char* s = lua_tolstring(L, -1, &len);
  std::string out{s, len};
  lua_pop(L, 1);
  return out;
}

/// The flags table at the top: Redis's flag names, in its order; nullopt
/// for an unknown one.
std::optional<std::vector<std::string>> read_flags(lua_State* L) {
  bool set[std::size(function_flags)] = {};
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    auto flag = lua_type(L, -1) == LUA_TSTRING ? string_arg(L, -1) : std::nullopt;
    lua_pop(L, 1);
    auto* known = flag ? std::find(std::begin(function_flags), std::end(function_flags), *flag)
                       : std::end(function_flags);
    if (known == std::end(function_flags)) {
      lua_pop(L, 1);
      return std::nullopt;
    }
    set[known - std::begin(function_flags)] = true;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < std::size(function_flags); ++i)
    if (set[i])
      out.emplace_back(function_flags[i]);
  return out;
}

/// redis.register_function{function_name=, callback=, flags=, description=}
/// read into `fn`, the callback put at stack slot 2; Redis's error text
/// otherwise.
const char* read_named_registration(lua_State* L, function_info& fn) {
  if (!lua_istable(L, 1))
    return "calling redis.register_function with a single argument is only applicable to Lua "
           "table (representing named arguments).";
  bool named = false;
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {  // 1, 2 (callback), key, value
    auto key = lua_isstring(L, -2) != 0 ? string_arg(L, -2) : std::nullopt;
    if (!key) {
      lua_pop(L, 2);
      return "named argument key given to redis.register_function is not a string";
    }
    std::transform(key->begin(), key->end(), key->begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const char* error = nullptr;
    if (*key == "function_name") {
      auto v = string_arg(L, -1);
      named = v.has_value();
      v ? void(fn.name = *v)
        : void(error = "function_name argument given to redis.register_function must be a string");
    } else if (*key == "description") {
      auto v = string_arg(L, -1);
      v ? void(fn.description = *v)
        : void(error = "description argument given to redis.register_function must be a string");
    } else if (*key == "callback") {
      if (lua_isfunction(L, -1)) {
        lua_pushvalue(L, -1);
        lua_replace(L, 2);
      } else {
        error = "callback argument given to redis.register_function must be a function";
      }
    } else if (*key == "flags") {
      auto flags = lua_istable(L, -1) ? read_flags(L) : std::nullopt;
      if (!lua_istable(L, -1))
        error = "flags argument to redis.register_function must be a table representing "
                "function flags";
      else if (!flags)
        error = "unknown flag given";
      else
        fn.flags = std::move(*flags);
    } else {
      error = "unknown argument given to redis.register_function";
    }
    lua_pop(L, 1);
    if (error != nullptr) {
      lua_pop(L, 1);
      return error;
    }
  }
  if (!named)
    return "redis.register_function must get a function name argument";
  if (lua_isnil(L, 2))
    return "redis.register_function must get a callback argument";
  return nullptr;
}

/// Registers the function in the arguments with the loading library;
/// pushes an error table and returns true when it cannot. Every C++ object
/// lives here, so none is skipped when the caller raises.
bool register_function(lua_State* L) {
  auto* load = current != nullptr ? current->loading : nullptr;
  if (load == nullptr) {
    push_error_text(L, "ERR redis.register_function can only be called on FUNCTION LOAD command");
    return true;
  }
  int argc = lua_gettop(L);
  if (argc < 1 || argc > 2) {
    push_error_text(L, "ERR wrong number of arguments to redis.register_function");
    return true;
  }
  function_info fn;
  const char* error = nullptr;
  if (argc == 2) {
    auto name = string_arg(L, 1);
    if (!name)
      error = "first argument to redis.register_function must be a string";
    else if (!lua_isfunction(L, 2))
      error = "second argument to redis.register_function must be a function";
    else
      fn.name = std::move(*name);
  } else {
    lua_pushnil(L);  // 2: the callback
    error = read_named_registration(L, fn);
  }
  if (error == nullptr && !valid_name(fn.name))  // Redis 7.0's words, "Library" included
    error = "Library names can only contain letters, numbers, or underscores(_) and must be at "
            "least one character long";
  if (error == nullptr
      && std::any_of(load->functions.begin(), load->functions.end(),
                     [&](const function_info& f) { return f.name == fn.name; }))
    error = "Function already exists in the library";
  if (error != nullptr) {
    push_error_text(L, (std::string{"ERR "} + error).c_str());
    return true;
  }
  lua_getfield(L, LUA_REGISTRYINDEX, loading_key);
  lua_pushlstring(L, fn.name.data(), fn.name.size());
  lua_pushvalue(L, 2);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  load->functions.push_back(std::move(fn));
  return false;
}

int redis_register_function(lua_State* L) {
  if (register_function(L))
    return lua_error(L);  // no C++ object of the call is alive here
  return 0;
}

int math_random(lua_State* L) {
  constexpr double max = 2147483647.0;  // INT32_MAX, as Redis's REDIS_LRAND48_MAX
  double r = static_cast<double>(current->vm->rng.next() % 2147483647) / max;
  switch (lua_gettop(L)) {
    case 0:
      lua_pushnumber(L, r);
      return 1;
    case 1: {
      int u = luaL_checkint(L, 1);
      luaL_argcheck(L, 1 <= u, 1, "interval is empty");
      lua_pushnumber(L, std::floor(r * u) + 1);
      return 1;
    }
    case 2: {
      int l = luaL_checkint(L, 1);
      int u = luaL_checkint(L, 2);
      luaL_argcheck(L, l <= u, 2, "interval is empty");
      lua_pushnumber(L, std::floor(r * (u - l + 1)) + l);
      return 1;
    }
    default:
      return luaL_error(L, "wrong number of arguments");
  }
}

int math_randomseed(lua_State* L) {
  current->vm->rng.seed(static_cast<int32_t>(luaL_checkint(L, 1)));
  return 0;
}

// -- the sandbox ----------------------------------------------------------------
//
// Scripts never see the interpreter's globals table. Each run gets a fresh
// environment whose reads fall through to the globals (a library table
// comes as a fresh read-only proxy, `_G` is the environment itself) and
// whose writes are refused, so nothing a script does to its environment or
// to a library reaches the next script, whatever rawset it uses.

constexpr const char* env_mt_key = "troupe.env_mt";
constexpr const char* proxies_key = "troupe.proxies";  // library table -> proxy metatable

/// Writes to the environment or a library: refused, as Redis's read-only
/// tables refuse them.
int readonly_newindex(lua_State* L) {
  luaL_where(L, 1);
  lua_pushstring(L, "Attempt to modify a readonly table");
  lua_concat(L, 2);
  return lua_error(L);
}

/// The environment's __index (env, key).
int env_index(lua_State* L) {
  if (lua_type(L, 2) == LUA_TSTRING && std::strcmp(lua_tostring(L, 2), "_G") == 0) {
    lua_pushvalue(L, 1);
    return 1;
  }
  lua_pushvalue(L, 2);
  lua_rawget(L, LUA_GLOBALSINDEX);  // 3
  if (lua_isnil(L, 3)) {
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) != 0 && lua_getinfo(L, "S", &ar) != 0
        && std::strcmp(ar.what, "C") != 0)
      return nonexistent_global(L);
    return 1;
  }
  if (!lua_istable(L, 3))
    return 1;
  lua_getfield(L, LUA_REGISTRYINDEX, proxies_key);  // 4
  lua_pushvalue(L, 3);
  lua_rawget(L, 4);  // 5: the library's proxy metatable, or nil
  if (lua_isnil(L, 5)) {
    lua_settop(L, 3);
    return 1;
  }
  lua_newtable(L);  // 6: this run's proxy
  lua_pushvalue(L, 5);
  lua_setmetatable(L, 6);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, 6);
  lua_rawset(L, 1);  // kept for the rest of the run
  return 1;
}

constexpr const char* library_env_mt_key = "troupe.library_env_mt";

/// A library environment's __index (env, key): while its code registers
/// its functions, only `redis` (the library API) is reachable, as in Redis;
/// when its functions run, everything a script reaches.
int library_env_index(lua_State* L) {
  if (current == nullptr || current->loading == nullptr)
    return env_index(L);
  if (lua_type(L, 2) == LUA_TSTRING && std::strcmp(lua_tostring(L, 2), "redis") == 0) {
    lua_getfield(L, LUA_REGISTRYINDEX, load_api_key);
    return 1;
  }
  return nonexistent_global(L);
}

/// A metatable {__index = <table at idx>, __newindex = refused, __metatable
/// = "protected"}, pushed.
void push_readonly_mt(lua_State* L, int idx) {
  idx = idx < 0 ? lua_gettop(L) + idx + 1 : idx;
  lua_newtable(L);
  lua_pushvalue(L, idx);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, readonly_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushstring(L, "protected");
  lua_setfield(L, -2, "__metatable");
}

/// Pushes a metatable whose reads go to `index` and whose writes are
/// refused; getmetatable shows a read-only view of it, as Redis's read-only
/// tables show theirs.
void push_guard_mt(lua_State* L, lua_CFunction index) {
  lua_newtable(L);
  lua_pushcfunction(L, index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, readonly_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_newtable(L);  // the view
  push_readonly_mt(L, -2);
  lua_setmetatable(L, -2);
  lua_setfield(L, -2, "__metatable");
}

/// Calls the original function (upvalue 1) with the arguments, as if the
/// script had called it: an error it raises gets the script's position, as
/// it would without the wrapper in between.
int call_original(lua_State* L) {
  int argc = lua_gettop(L);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  if (lua_pcall(L, argc, LUA_MULTRET, 0) != 0) {
    if (lua_type(L, -1) == LUA_TSTRING) {
      luaL_where(L, 1);
      lua_insert(L, -2);
      lua_concat(L, 2);
    }
    return lua_error(L);
  }
  return lua_gettop(L);
}

/// setmetatable: a table whose metatable is guarded (the environment, the
/// libraries) is read-only, as in Redis.
int guarded_setmetatable(lua_State* L) {
  if (luaL_getmetafield(L, 1, "__metatable") != 0) {
    luaL_where(L, 1);
    lua_pushstring(L, "Attempt to modify a readonly table");
    lua_concat(L, 2);
    return lua_error(L);
  }
  return call_original(L);
}

/// Lua 5.1 trusts precompiled chunks, and a crafted one can corrupt memory:
/// as Redis does, only source text is loaded.
constexpr char binary_chunk_mark = '\x1b';  // LUA_SIGNATURE's first byte

/// load(reader)'s reader, guarded: its first piece may not start a binary chunk.
int source_only_reader(lua_State* L) {
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_call(L, 0, 1);
  if (lua_toboolean(L, lua_upvalueindex(2)) == 0) {
    lua_pushboolean(L, 1);
    lua_replace(L, lua_upvalueindex(2));
    size_t len = 0;
    const char* piece = lua_isstring(L, -1) != 0 ? lua_tolstring(L, -1, &len) : nullptr;
    if (piece != nullptr && len > 0 && piece[0] == binary_chunk_mark)
      return luaL_error(L, "binary chunks are not loaded");
  }
  return 1;
}

/// loadstring / load: source text only, and the loaded chunk runs in its
/// caller's environment, not in the interpreter's globals.
int sandboxed_load(lua_State* L) {
  size_t len = 0;
  if (lua_type(L, 1) == LUA_TSTRING && (lua_tolstring(L, 1, &len), len > 0)
      && lua_tostring(L, 1)[0] == binary_chunk_mark) {
    lua_pushnil(L);
    lua_pushstring(L, "binary chunks are not loaded");
    return 2;
  }
  if (lua_isfunction(L, 1)) {
    lua_pushvalue(L, 1);
    lua_pushboolean(L, 0);
    lua_pushcclosure(L, source_only_reader, 2);
    lua_replace(L, 1);
  }
  call_original(L);
  if (lua_isfunction(L, 1)) {
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) != 0 && lua_getinfo(L, "f", &ar) != 0) {
      lua_getfenv(L, -1);
      lua_setfenv(L, 1);
      lua_pop(L, 1);
    }
  }
  return lua_gettop(L);
}

/// string.find / match / gmatch / gsub: Lua 5.1 matches a pattern
/// recursively, one C frame per item; a pattern this long could overflow
/// the thread's stack, so it is refused.
constexpr size_t max_pattern_bytes = 16384;

int bounded_pattern(lua_State* L) {
  size_t len = 0;
  if (lua_type(L, 2) == LUA_TSTRING && (lua_tolstring(L, 2, &len), len > max_pattern_bytes))
    return luaL_error(L, "pattern too long (over %d bytes)", static_cast<int>(max_pattern_bytes));
  return call_original(L);
}

/// bit.tohex without LuaBitOp 1.0.2's overflow on n = INT32_MIN
/// (CVE-2024-31449), as Redis patched it.
int bit_tohex(lua_State* L) {
  auto b = static_cast<uint32_t>(static_cast<int64_t>(luaL_checknumber(L, 1)));
  auto n = lua_isnone(L, 2) ? int64_t{8} : static_cast<int64_t>(static_cast<int32_t>(
                                             static_cast<int64_t>(luaL_checknumber(L, 2))));
  const char* digits = "0123456789abcdef";
  if (n < 0) {
    n = -n;
    digits = "0123456789ABCDEF";
  }
  if (n > 8)
    n = 8;
  char buf[8];
  for (auto i = n; --i >= 0;) {
    buf[i] = digits[b & 15];
    b >>= 4;
  }
  lua_pushlstring(L, buf, static_cast<size_t>(n));
  return 1;
}

/// An upper bound of cjson.encode's output for the value at `idx`, stopping
/// once it passes `limit` (cjson's buffer is outside the interpreter's
/// memory bound, so the bound is checked first).
size_t encoded_bound(lua_State* L, int idx, int depth, size_t limit) {
  switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
      size_t len = 0;
      lua_tolstring(L, idx, &len);
      return 6 * len + 2;  // \u00XX per byte at worst
    }
    case LUA_TTABLE: {
      if (depth > 1000 || lua_checkstack(L, 3) == 0)
        return 2;  // cjson refuses it itself
      size_t total = 2;
      idx = idx < 0 ? lua_gettop(L) + idx + 1 : idx;
      lua_pushnil(L);
      while (total <= limit && lua_next(L, idx) != 0) {
        total += encoded_bound(L, -2, depth + 1, limit) + encoded_bound(L, -1, depth + 1, limit) + 2;
        lua_pop(L, 1);
      }
      if (total > limit)
        lua_pop(L, 1);  // the key lua_next left
      return total;
    }
    default:
      return 32;
  }
}

int bounded_encode(lua_State* L) {
  auto& memory = current->vm->memory;
  size_t room = memory.limit > memory.used ? memory.limit - memory.used : 0;
  if (lua_gettop(L) >= 1 && encoded_bound(L, 1, 0, room) > room)
    return luaL_error(L, "cjson.encode: the encoded value could exceed the script memory limit");
  return call_original(L);
}

/// Replaces lib[name] (lib at the top) with `fn` closing over the original.
void wrap(lua_State* L, const char* name, lua_CFunction fn) {
  lua_getfield(L, -1, name);
  lua_pushcclosure(L, fn, 1);
  lua_setfield(L, -2, name);
}

// Redis's error handler: a plain error becomes {err = "ERR <text>"}, and the
// script's position (the caller of a failing C function) is added.
constexpr const char* handler_source = R"lua(
local dbg = debug
return function(err)
  local i = dbg.getinfo(2, 'nSl')
  if i and i.what == 'C' then
    i = dbg.getinfo(3, 'nSl')
  end
  if type(err) ~= 'table' then
    err = {err = 'ERR ' .. tostring(err)}
  end
  if i then
    err['source'] = i.source
    err['line'] = i.currentline
  end
  return err
end
)lua";

void set_function(lua_State* L, const char* name, lua_CFunction fn) {
  lua_pushstring(L, name);
  lua_pushcfunction(L, fn);
  lua_settable(L, -3);
}

/// Opens a library as linit.c does; `global` set: the library does not set
/// its global itself (cjson), so it is set here.
void open_lib(lua_State* L, lua_CFunction open, const char* name, const char* global = nullptr) {
  lua_pushcfunction(L, open);
  lua_pushstring(L, name);
  lua_call(L, 1, 1);
  if (global != nullptr && lua_istable(L, -1))
    lua_setglobal(L, global);
  else
    lua_pop(L, 1);
}

void hook(lua_State* L, lua_Debug*) {
  auto* run = current;
  if (run == nullptr)
    return;
  if (!run->busy) {
    auto budget = run->vm->monitor->budget();
    if (std::chrono::steady_clock::now() - run->started < budget)
      return;
    run->busy = true;
    run->kill_generation = run->vm->monitor->begin_busy(run->function, run->label, run->started);
    spdlog::warn("a script has run longer than {} ms; SCRIPT KILL stops it", budget.count());
  }
  if (!run->killed && !run->vm->monitor->killed_since(run->kill_generation, run->function))
    return;
  if (!run->killed) {
    run->killed = true;
    spdlog::warn("script killed by SCRIPT KILL");
    // From now on at every instruction, so that pcall cannot keep it alive.
    lua_sethook(L, hook, LUA_MASKCOUNT, 1);
  }
  raise(L, "ERR Script killed by user with SCRIPT KILL...");
}

// -- Lua -> RESP --------------------------------------------------------------

/// The string field `name` of the table at the top, if it has one.
std::optional<std::string> string_field(lua_State* L, const char* name) {
  lua_pushstring(L, name);
  lua_rawget(L, -2);
  std::optional<std::string> out;
  if (lua_type(L, -1) == LUA_TSTRING || lua_type(L, -1) == LUA_TNUMBER) {
    size_t len = 0;
    const char* s = lua_tolstring(L, -1, &len);
    out.emplace(s, len);
  }
  lua_pop(L, 1);
  return out;
}

/// An error table's reply: its text, then where the script raised it.
void error_from_table(lua_State* L, std::string_view sha, std::string& out) {
  auto msg = string_field(L, "err").value_or("ERR unknown error");
  auto source = string_field(L, "source");
  lua_pushstring(L, "line");
  lua_rawget(L, -2);
  std::optional<long long> line;
  if (lua_type(L, -1) == LUA_TNUMBER)
    line = static_cast<long long>(lua_tonumber(L, -1));
  lua_pop(L, 1);
  if (source && line)
    msg += " script: " + std::string{sha} + ", on " + *source + ":" + std::to_string(*line) + ".";
  resp::error(out, msg);
}

void to_resp(lua_State* L, std::string_view sha, bool resp3, std::string& out, int depth);

/// The field `name` of the table at the top, pushed when it has type
/// `type`; false (nothing pushed) otherwise.
bool push_field(lua_State* L, const char* name, int type) {
  lua_pushstring(L, name);
  lua_rawget(L, -2);
  if (lua_type(L, -1) == type)
    return true;
  lua_pop(L, 1);
  return false;
}

/// RESP3's types as a script writes them ({double = n}, {big_number = s},
/// {verbatim_string = {format = f, string = s}}, {map = t}, {set = t}),
/// downgraded for a RESP2 client as Redis does. False when the table at the
/// top is none of them.
bool typed_to_resp(lua_State* L, std::string_view sha, bool resp3, std::string& out, int depth) {
  if (push_field(L, "double", LUA_TNUMBER)) {
    resp::dbl(out, lua_tonumber(L, -1), resp3);
    lua_pop(L, 1);
    return true;
  }
  if (auto big = string_field(L, "big_number")) {
    std::replace(big->begin(), big->end(), '\r', ' ');
    std::replace(big->begin(), big->end(), '\n', ' ');
    if (resp3)
      out += "(" + *big + "\r\n";
    else
      resp::bulk(out, *big);
    return true;
  }
  if (push_field(L, "verbatim_string", LUA_TTABLE)) {
    auto format = string_field(L, "format");
    auto text = string_field(L, "string");
    lua_pop(L, 1);
    if (format && text) {
      if (resp3) {
        format->resize(3, ' ');
        out += "=" + std::to_string(text->size() + 4) + "\r\n" + *format + ":" + *text + "\r\n";
      } else {
        resp::bulk(out, *text);
      }
      return true;
    }
  }
  bool map = push_field(L, "map", LUA_TTABLE);
  if (!map && !push_field(L, "set", LUA_TTABLE))
    return false;
  std::string items;
  size_t n = 0;
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {  // table, key, value
    lua_pushvalue(L, -2);  // converted as a copy: lua_next needs the key as it is
    to_resp(L, sha, resp3, items, depth + 1);
    lua_pop(L, 1);
    if (map)
      to_resp(L, sha, resp3, items, depth + 1);
    lua_pop(L, 1);
    ++n;
  }
  lua_pop(L, 1);
  if (map)
    resp::map(out, n, resp3);
  else
    resp::set(out, n, resp3);
  out += items;
  return true;
}

/// Converts the value at the top of the stack (left there) to RESP.
void to_resp(lua_State* L, std::string_view sha, bool resp3, std::string& out, int depth) {
  switch (lua_type(L, -1)) {
    case LUA_TSTRING: {
      size_t len = 0;
      const char* s = lua_tolstring(L, -1, &len);
      resp::bulk(out, {s, len});
      return;
    }
    case LUA_TBOOLEAN:
      // A RESP2 script's false is a null; a RESP3 script's booleans are
      // booleans (1 and 0 to a RESP2 client).
      if (current->resp3_calls && resp3)
        out += lua_toboolean(L, -1) != 0 ? "#t\r\n" : "#f\r\n";
      else if (lua_toboolean(L, -1) != 0 || current->resp3_calls)
        resp::integer(out, lua_toboolean(L, -1) != 0 ? 1 : 0);
      else
        resp::null(out, resp3);
      return;
    case LUA_TNUMBER:
      resp::integer(out, static_cast<int64_t>(lua_tonumber(L, -1)));
      return;
    case LUA_TTABLE:
      break;
    default:
      resp::null(out, resp3);
      return;
  }
  if (depth >= max_reply_depth || lua_checkstack(L, 4) == 0) {
    resp::error(out, "ERR reached lua stack limit");
    return;
  }
  if (auto err = string_field(L, "err")) {
    resp::error(out, *err);
    return;
  }
  if (auto ok = string_field(L, "ok")) {
    resp::simple(out, *ok);
    return;
  }
  if (typed_to_resp(L, sha, resp3, out, depth))
    return;
  std::string items;
  size_t n = 0;
  for (int j = 1;; ++j) {
    lua_rawgeti(L, -1, j);
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      break;
    }
    to_resp(L, sha, resp3, items, depth + 1);
    lua_pop(L, 1);
    ++n;
  }
  resp::array(out, n);
  out += items;
}

/// KEYS or ARGV, set in the run's environment (at `env`).
/// Pushes `values` as a Lua array.
void push_list(lua_State* L, const std::vector<std::string_view>& values) {
  lua_createtable(L, static_cast<int>(values.size()), 0);
  for (size_t i = 0; i < values.size(); ++i) {
    lua_pushlstring(L, values[i].data(), values[i].size());
    lua_rawseti(L, -2, static_cast<int>(i + 1));
  }
}

void set_list(lua_State* L, int env, const char* name, const std::vector<std::string_view>& values) {
  lua_pushstring(L, name);
  push_list(L, values);
  lua_rawset(L, env);
}

/// The script as Lua compiles it: a "#!lua ..." first line (Redis 7's
/// shebang with flags) becomes a comment, so line numbers stay.
std::string compilable(std::string_view body) {
  std::string out{body};
  if (out.rfind("#!", 0) == 0)
    out[0] = out[1] = '-';
  return out;
}

/// Stops a library's code that registers its functions for too long.
void load_hook(lua_State* L, lua_Debug*) {
  if (current == nullptr || current->loading == nullptr
      || std::chrono::steady_clock::now() <= current->loading->deadline)
    return;
  lua_sethook(L, load_hook, LUA_MASKCOUNT, 1);  // so that pcall cannot keep it alive
  raise(L, "ERR FUNCTION LOAD timeout");
}

/// Runs a library's code (FUNCTION LOAD's, its "#!lua" line included) in an
/// environment of its own, as Redis does, and pushes its table function
/// name -> callback, the functions' details in `load`. On failure pushes
/// nothing and sets `error` to Redis's message; returns Lua's code.
int load_library(lua_State* L, std::string_view code, library_load& load, std::string& error) {
  int rc;
  {
    auto source = compilable(code);
    rc = luaL_loadbuffer(L, source.data(), source.size(), library_chunk_name);
  }
  if (rc != 0) {
    error = std::string{"ERR Error compiling function: "} + lua_tostring(L, -1);
    lua_pop(L, 1);
    return rc;
  }
  int compiled = lua_gettop(L);
  lua_newtable(L);  // the library's environment
  lua_getfield(L, LUA_REGISTRYINDEX, library_env_mt_key);
  lua_setmetatable(L, -2);
  lua_setfenv(L, compiled);
  lua_newtable(L);  // its functions, below the code
  lua_pushvalue(L, -1);
  lua_setfield(L, LUA_REGISTRYINDEX, loading_key);
  lua_insert(L, compiled);
  load.deadline = std::chrono::steady_clock::now() + load_timeout;
  current->loading = &load;
  lua_sethook(L, load_hook, LUA_MASKCOUNT, hook_every);
  rc = lua_pcall(L, 0, 0, 0);
  lua_sethook(L, nullptr, 0, 0);
  current->loading = nullptr;
  lua_pushnil(L);
  lua_setfield(L, LUA_REGISTRYINDEX, loading_key);
  if (rc != 0) {
    std::string msg;
    if (lua_istable(L, -1))
      msg = string_field(L, "err").value_or("ERR unknown error");
    else
      msg = std::string{"ERR "} + (lua_tostring(L, -1) != nullptr ? lua_tostring(L, -1) : "");
    error = "ERR Error registering functions: " + msg;
    lua_pop(L, 2);
    return rc;
  }
  if (load.functions.empty()) {
    error = "ERR No functions registered";
    lua_pop(L, 1);
    return LUA_ERRRUN;
  }
  return 0;
}

/// Everything a run does with the interpreter, inside lua_cpcall: running
/// out of memory anywhere (compiling, setting up, converting the reply) is
/// an error the caller sees, never a panic.
struct run_frame {
  script_vm::impl* vm;
  std::string_view sha;
  std::string_view body;
  std::string_view function;  // a library's function, `body` its library
  const std::vector<std::string_view>* keys;
  const std::vector<std::string_view>* argv;
  bool resp3;
  std::string* out;
  int script_rc = 0;  // the script's own lua_pcall
};

} // namespace

void script_vm::impl::open() {
  L = lua_newstate(bounded_alloc, &memory);
  if (L == nullptr)
    throw std::bad_alloc{};
  open_lib(L, luaopen_base, "");
  open_lib(L, luaopen_table, LUA_TABLIBNAME);
  open_lib(L, luaopen_string, LUA_STRLIBNAME);
  open_lib(L, luaopen_math, LUA_MATHLIBNAME);
  open_lib(L, luaopen_debug, LUA_DBLIBNAME);
  open_lib(L, luaopen_cjson, "cjson", "cjson");
  open_lib(L, luaopen_bit, "bit");
  open_lib(L, open_lua_struct, "struct");
  open_lib(L, open_lua_cmsgpack, "cmsgpack");
  // As in Redis: no file access, no printing, no environment juggling,
  // no userdata with finalizers.
  for (const char* name : {"loadfile", "dofile", "print", "getfenv", "setfenv", "newproxy"}) {
    lua_pushnil(L);
    lua_setglobal(L, name);
  }
  lua_pushcfunction(L, redis_style_pcall);
  lua_setglobal(L, "pcall");
  lua_getglobal(L, "setmetatable");
  lua_pushcclosure(L, guarded_setmetatable, 1);
  lua_setglobal(L, "setmetatable");
  for (const char* name : {"loadstring", "load"}) {
    lua_getglobal(L, name);
    lua_pushcclosure(L, sandboxed_load, 1);
    lua_setglobal(L, name);
  }
  lua_getglobal(L, "string");
  for (const char* name : {"find", "match", "gmatch", "gsub"})
    wrap(L, name, bounded_pattern);
  lua_pop(L, 1);
  lua_getglobal(L, "bit");
  lua_pushcfunction(L, bit_tohex);
  lua_setfield(L, -2, "tohex");
  lua_pop(L, 1);
  lua_getglobal(L, "cjson");
  wrap(L, "encode", bounded_encode);
  lua_pop(L, 1);
  lua_getglobal(L, "math");
  set_function(L, "random", math_random);
  set_function(L, "randomseed", math_randomseed);
  lua_pop(L, 1);

  auto constant = [&](const char* name, lua_Number v) {
    lua_pushstring(L, name);
    lua_pushnumber(L, v);
    lua_settable(L, -3);
  };
  // What both `redis` tables have: logging and the version.
  auto log_and_version = [&] {
    set_function(L, "log", redis_log);
    constant("LOG_DEBUG", 0);
    constant("LOG_VERBOSE", 1);
    constant("LOG_NOTICE", 2);
    constant("LOG_WARNING", 3);
    constant("REDIS_VERSION_NUM", 0x070200);
    lua_pushstring(L, "REDIS_VERSION");
    lua_pushstring(L, "7.2.0");
    lua_settable(L, -3);
  };
  lua_newtable(L);
  set_function(L, "call", redis_call);
  set_function(L, "pcall", redis_pcall);
  set_function(L, "error_reply", redis_error_reply);
  set_function(L, "status_reply", redis_status_reply);
  set_function(L, "sha1hex", redis_sha1hex);
  set_function(L, "acl_check_cmd", redis_acl_check_cmd);
  set_function(L, "setresp", redis_setresp);
  set_function(L, "set_repl", redis_noop);
  set_function(L, "replicate_commands", redis_true);
  set_function(L, "breakpoint", redis_false);
  set_function(L, "debug", redis_noop);
  log_and_version();
  constant("REPL_NONE", 0);
  constant("REPL_AOF", 1);
  constant("REPL_SLAVE", 2);
  constant("REPL_REPLICA", 2);
  constant("REPL_ALL", 3);
  lua_setglobal(L, "redis");

  // The library API: `redis` while a library's code registers its
  // functions; any other name in it is an error, as in Redis.
  lua_newtable(L);
  set_function(L, "register_function", redis_register_function);
  log_and_version();
  push_guard_mt(L, nonexistent_global);
  lua_setmetatable(L, -2);
  lua_setfield(L, LUA_REGISTRYINDEX, load_api_key);

  // The error handler keeps `debug`; scripts do not see it.
  if (luaL_loadbuffer(L, handler_source, std::strlen(handler_source), "=err_handler") != 0
      || lua_pcall(L, 0, 1, 0) != 0)
    throw std::runtime_error{"script error handler: " + std::string{lua_tostring(L, -1)}};
  lua_setfield(L, LUA_REGISTRYINDEX, handler_key);
  lua_pushnil(L);
  lua_setglobal(L, "debug");

  // The sandbox: read-only proxies of the libraries, the environment's
  // metatable, and the string metatable hidden behind a read-only view.
  lua_newtable(L);
  for (const char* name :
       {"string", "table", "math", "cjson", "bit", "struct", "cmsgpack", "redis", "coroutine"}) {
    lua_getglobal(L, name);
    if (lua_istable(L, -1)) {
      push_readonly_mt(L, -1);
      lua_rawset(L, -3);
    } else {
      lua_pop(L, 1);
    }
  }
  lua_setfield(L, LUA_REGISTRYINDEX, proxies_key);
  push_guard_mt(L, env_index);
  lua_setfield(L, LUA_REGISTRYINDEX, env_mt_key);
  push_guard_mt(L, library_env_index);
  lua_setfield(L, LUA_REGISTRYINDEX, library_env_mt_key);
  lua_pushliteral(L, "");
  if (lua_getmetatable(L, -1) != 0) {  // the string metatable
    lua_newtable(L);  // what getmetatable("") shows: {__index = string proxy}
    lua_newtable(L);
    lua_getglobal(L, "string");
    push_readonly_mt(L, -1);
    lua_setmetatable(L, -3);
    lua_pop(L, 1);
    lua_setfield(L, -2, "__index");
    push_readonly_mt(L, -1);
    lua_pushnil(L);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

script_vm::script_vm(script_monitor* monitor, size_t max_memory_bytes)
  : impl_(std::make_unique<impl>(monitor, max_memory_bytes)) {
  // nop
}

script_vm::~script_vm() = default;

namespace {

int protected_run(lua_State* L) {
  auto& f = *static_cast<run_frame*>(lua_touserdata(L, 1));
  bool library = !f.function.empty();
  // What errors name: the script's digest, or the function.
  auto label = library ? f.function : f.sha;
  lua_settop(L, 0);
  lua_getfield(L, LUA_REGISTRYINDEX, handler_key);  // 1
  lua_pushstring(L, library ? "l_" : "f_");
  lua_pushlstring(L, f.sha.data(), f.sha.size());
  lua_concat(L, 2);  // 2: the registry name of the compiled script or library
  lua_pushvalue(L, 2);
  lua_rawget(L, LUA_REGISTRYINDEX);  // 3
  if (lua_isnil(L, 3)) {
    lua_pop(L, 1);
    std::string error;
    if (library) {
      library_load load;
      f.script_rc = load_library(L, f.body, load, error);
    } else {
      auto source = compilable(f.body);
      f.script_rc = luaL_loadbuffer(L, source.data(), source.size(), chunk_name);
      if (f.script_rc != 0) {
        error = std::string{"ERR Error compiling script (new function): "} + lua_tostring(L, -1);
        lua_pop(L, 1);
      }
    }
    if (f.script_rc != 0) {
      f.out->clear();
      resp::error(*f.out, error);
      return 0;
    }
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_rawset(L, LUA_REGISTRYINDEX);
    ++f.vm->cached;
  }
  int nargs = 0;
  if (library) {
    lua_pushlstring(L, f.function.data(), f.function.size());
    lua_rawget(L, 3);  // 4: the function
    if (!lua_isfunction(L, 4)) {
      resp::error(*f.out, "ERR Function not found");
      return 0;
    }
    lua_replace(L, 3);
    push_list(L, *f.keys);
    push_list(L, *f.argv);
    nargs = 2;
  } else {
    lua_newtable(L);  // 4: this run's environment
    lua_getfield(L, LUA_REGISTRYINDEX, env_mt_key);
    lua_setmetatable(L, 4);
    set_list(L, 4, "KEYS", *f.keys);
    set_list(L, 4, "ARGV", *f.argv);
    lua_setfenv(L, 3);
  }
  lua_sethook(L, hook, LUA_MASKCOUNT, hook_every);
  f.script_rc = lua_pcall(L, nargs, 1, 1);
  lua_sethook(L, nullptr, 0, 0);
  if (f.script_rc == 0)
    to_resp(L, label, f.resp3, *f.out, 0);
  else if (f.script_rc == LUA_ERRMEM)
    return 0;
  else if (lua_istable(L, -1))
    error_from_table(L, label, *f.out);
  else
    resp::error(*f.out, std::string{"ERR Error running script "} + std::string{label} + ", "
                          + (lua_tostring(L, -1) != nullptr ? lua_tostring(L, -1)
                                                            : "execution failure"));
  return 0;
}

/// A library's code registering its functions, inside lua_cpcall.
struct describe_frame {
  std::string_view code;
  library_load* load;
  std::string* error;
  int rc = 0;
};

int protected_describe(lua_State* L) {
  auto& f = *static_cast<describe_frame*>(lua_touserdata(L, 1));
  lua_settop(L, 0);
  f.rc = load_library(L, f.code, *f.load, *f.error);
  return 0;
}

} // namespace

script_end script_vm::run(std::string_view sha, std::string_view body, std::string_view function,
                          const std::vector<std::string_view>& keys,
                          const std::vector<std::string_view>& argv, bool resp3,
                          const script_host& host, std::string& out) {
  auto& vm = *impl_;
  if (vm.cached >= max_cached_scripts) {
    vm.close();
    vm.open();
  }
  run_frame frame{&vm, sha, body, function, &keys, &argv, resp3, &out};
  run_context run{&vm, &host, std::chrono::steady_clock::now()};
  run.function = !function.empty();
  run.label = function;
  current = &run;
  int rc = lua_cpcall(vm.L, protected_run, &frame);
  lua_sethook(vm.L, nullptr, 0, 0);
  current = nullptr;
  if (run.busy)
    vm.monitor->end_busy(run.function);
  vm.settle(rc, frame.script_rc, out);
  return run.killed ? script_end::killed : script_end::done;
}

void script_vm::impl::settle(int rc, int script_rc, std::string& out) {
  lua_settop(L, 0);
  if (rc == LUA_ERRMEM || script_rc == LUA_ERRMEM) {
    // Out of memory: the interpreter starts afresh, with nothing the
    // script left behind.
    out.clear();
    resp::error(out, "ERR script ran out of memory (" + std::to_string(memory.limit >> 20)
                       + " MiB per partition)");
    close();
    open();
  } else if (rc != 0) {
    out.clear();
    resp::error(out, "ERR script failed");
  } else {
    lua_gc(L, LUA_GCSTEP, 1);
  }
}

std::optional<library_info> script_vm::describe(std::string_view code, std::string& error) {
  auto& vm = *impl_;
  library_load load;
  std::string message;
  describe_frame frame{code, &load, &message};
  script_host none;  // a library's code cannot reach redis.call
  run_context run{&vm, &none, std::chrono::steady_clock::now()};
  current = &run;
  int rc = lua_cpcall(vm.L, protected_describe, &frame);
  lua_sethook(vm.L, nullptr, 0, 0);
  current = nullptr;
  error.clear();
  if (!message.empty())
    resp::error(error, message);
  vm.settle(rc, frame.rc, error);
  if (!error.empty())
    return std::nullopt;
  return library_info{{}, std::move(load.functions)};
}

namespace {

/// The words of a "#!..." first line, split at blanks.
std::vector<std::string_view> shebang_words(std::string_view line) {
  std::vector<std::string_view> parts;
  for (size_t pos = 0; pos < line.size();) {
    auto from = line.find_first_not_of(" \t\r", pos);
    if (from == std::string_view::npos)
      break;
    auto to = std::min(line.find_first_of(" \t\r", from), line.size());
    parts.push_back(line.substr(from, to - from));
    pos = to;
  }
  return parts;
}

/// The items of "a,b,c" (none for an empty list).
std::vector<std::string_view> comma_list(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    auto comma = std::min(list.find(','), list.size());
    out.push_back(list.substr(0, comma));
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  return out;
}

/// The library's name from its first line ("#!<engine> name=<name>"), as
/// Redis reads it; nullopt with Redis's message in `error`.
std::optional<std::string> library_name(std::string_view code, std::string& error) {
  if (code.rfind("#!", 0) != 0) {
    error = "ERR Missing library metadata";
    return std::nullopt;
  }
  auto eol = code.find('\n');
  if (eol == std::string_view::npos) {
    error = "ERR Invalid library metadata";
    return std::nullopt;
  }
  auto parts = shebang_words(code.substr(0, eol));
  std::optional<std::string> name;
  for (size_t i = 1; i < parts.size(); ++i) {
    if (resp::lower(parts[i].substr(0, 5)) != "name=") {
      error = "ERR Invalid metadata value given: " + std::string{parts[i]};
      return std::nullopt;
    }
    if (name) {
      error = "ERR Invalid metadata value, name argument was given multiple times";
      return std::nullopt;
    }
    name = std::string{parts[i].substr(5)};
  }
  if (!name) {
    error = "ERR Library name was not given";
    return std::nullopt;
  }
  if (!valid_name(*name)) {
    error = "ERR Library names can only contain letters, numbers, or underscores(_) and must be "
            "at least one character long";
    return std::nullopt;
  }
  auto engine = parts[0].substr(2);
  if (resp::lower(engine) != "lua") {
    error = "ERR Engine '" + std::string{engine} + "' not found";
    return std::nullopt;
  }
  return name;
}

} // namespace

std::optional<library_info> describe_library(std::string_view code, std::string& error) {
  std::string message;
  auto name = library_name(code, message);
  if (!name) {
    error.clear();
    resp::error(error, message);
    return std::nullopt;
  }
  // A library's code runs only to register its functions: an interpreter
  // of this thread's own, kept between loads, with no script budget.
  struct describer {
    script_monitor monitor;
    script_vm vm{&monitor, size_t{64} << 20};
  };
  thread_local describer d;
  auto info = d.vm.describe(code, error);
  if (info)
    info->name = std::move(*name);
  return info;
}

namespace {

/// A script's "#!lua flags=..." first line, checked as Redis 7 checks it;
/// the error's text when it is not one.
std::optional<std::string> shebang_error(std::string_view body) {
  if (body.rfind("#!", 0) != 0)
    return std::nullopt;
  auto eol = body.find('\n');
  if (eol == std::string_view::npos)
    return "Invalid script shebang";
  auto parts = shebang_words(body.substr(0, eol));
  if (parts[0] != "#!lua")
    return "Unexpected engine in script shebang: " + std::string{parts[0]};
  for (size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].rfind("flags=", 0) != 0)
      return "Unknown lua shebang option: " + std::string{parts[i]};
    for (auto flag : comma_list(parts[i].substr(6)))
      if (std::find(std::begin(function_flags), std::end(function_flags), flag)
          == std::end(function_flags))
        return "Unexpected flag in script shebang: " + std::string{flag};
  }
  return std::nullopt;
}

} // namespace

std::optional<std::vector<std::string>> script_flags(std::string_view body) {
  if (body.rfind("#!", 0) != 0)
    return std::nullopt;
  std::vector<std::string> out;
  for (auto word : shebang_words(body.substr(0, body.find('\n')))) {
    if (word.rfind("flags=", 0) != 0)
      continue;
    for (auto flag : comma_list(word.substr(6)))
      out.emplace_back(flag);
  }
  return out;
}

std::optional<std::string> script_compile_error(std::string_view body) {
  if (auto why = shebang_error(body)) {
    std::string out;
    resp::error(out, "ERR " + *why);
    return out;
  }
  struct compiler {
    lua_State* L = luaL_newstate();
    ~compiler() { lua_close(L); }
  };
  thread_local compiler c;
  auto* L = c.L;
  auto source = compilable(body);
  if (luaL_loadbuffer(L, source.data(), source.size(), chunk_name) == 0) {
    lua_pop(L, 1);
    return std::nullopt;
  }
  std::string msg = lua_tostring(L, -1);
  lua_pop(L, 1);
  std::string out;
  resp::error(out, "ERR Error compiling script (new function): " + msg);
  return out;
}


} // namespace troupe::actors::kv
