#include "actors/lua_cmsgpack.hpp"

#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>

extern "C" {
#include <lauxlib.h>
#include <lua.h>
}

// Redis's rules (its lua_cmsgpack.c): a number that is a whole int64 packs
// as the smallest integer type, any other as a float32 when that is exact,
// else a float64; a table whose keys are 1..n packs as an array, any other
// as a map; values nested deeper than 16 tables, functions and userdata pack
// as nil. Unpacking gives strings for str and bin, numbers for every
// integer and float, tables for arrays (from 1) and maps.
//
// Lua errors unwind with longjmp, so nothing here owns memory: output grows
// in a Lua userdata kept in one stack slot, input is read through a plain
// cursor.

namespace troupe::actors::kv {

namespace {

constexpr int max_pack_nesting = 16;
/// Deeper input is refused rather than recursed into: a packed value is
/// one byte per level, so a value limit's worth would exhaust the stack.
constexpr int max_unpack_nesting = 1000;

/// pack's output: a userdata at stack index `slot`, replaced by a larger
/// one when full (the collector frees the old ones, even after an error).
struct out_buf {
  lua_State* L;
  int slot;
  unsigned char* data;
  size_t len, cap;
};

void put_bytes(out_buf& b, const unsigned char* p, size_t n) {
  if (b.len + n > b.cap) {
    size_t cap = b.cap * 2 > b.len + n ? b.cap * 2 : b.len + n + 64;
    auto* fresh = static_cast<unsigned char*>(lua_newuserdata(b.L, cap));
    std::memcpy(fresh, b.data, b.len);
    lua_replace(b.L, b.slot);
    b.data = fresh;
    b.cap = cap;
  }
  std::memcpy(b.data + b.len, p, n);
  b.len += n;
}

/// A type byte followed by `n` (1, 2, 4 or 8) big-endian bytes of `v`.
void put_typed(out_buf& b, unsigned char type, uint64_t v, int n) {
  unsigned char out[9];
  out[0] = type;
  for (int i = 0; i < n; ++i)
    out[1 + i] = static_cast<unsigned char>(v >> (8 * (n - 1 - i)));
  put_bytes(b, out, static_cast<size_t>(1 + n));
}

void pack_integer(out_buf& b, int64_t n) {
  if (n >= 0) {
    auto u = static_cast<uint64_t>(n);
    if (u < 128) {
      unsigned char one = static_cast<unsigned char>(u);
      put_bytes(b, &one, 1);
    } else if (u <= 0xff) {
      put_typed(b, 0xcc, u, 1);
    } else if (u <= 0xffff) {
      put_typed(b, 0xcd, u, 2);
    } else if (u <= 0xffffffffULL) {
      put_typed(b, 0xce, u, 4);
    } else {
      put_typed(b, 0xcf, u, 8);
    }
  } else if (n >= -32) {
    unsigned char one = static_cast<unsigned char>(static_cast<int8_t>(n));
    put_bytes(b, &one, 1);
  } else if (n >= -128) {
    put_typed(b, 0xd0, static_cast<uint64_t>(n), 1);
  } else if (n >= -32768) {
    put_typed(b, 0xd1, static_cast<uint64_t>(n), 2);
  } else if (n >= INT32_MIN) {
    put_typed(b, 0xd2, static_cast<uint64_t>(n), 4);
  } else {
    put_typed(b, 0xd3, static_cast<uint64_t>(n), 8);
  }
}

void pack_number(out_buf& b, lua_Number n) {
  if (!std::isinf(n) && n >= -9223372036854775808.0 && n < 9223372036854775808.0
      && static_cast<lua_Number>(static_cast<int64_t>(n)) == n) {
    pack_integer(b, static_cast<int64_t>(n));
    return;
  }
  auto f = static_cast<float>(n);
  if (static_cast<lua_Number>(f) == n) {
    uint32_t bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    put_typed(b, 0xca, bits, 4);
  } else {
    uint64_t bits = 0;
    std::memcpy(&bits, &n, sizeof bits);
    put_typed(b, 0xcb, bits, 8);
  }
}

/// A length: in the type byte up to `fix_max`, else after t8 (if any), t16
/// or t32.
void pack_length(out_buf& b, size_t n, unsigned char fix, size_t fix_max, unsigned char t8,
                 unsigned char t16, unsigned char t32) {
  if (n <= fix_max) {
    unsigned char one = static_cast<unsigned char>(fix | n);
    put_bytes(b, &one, 1);
  } else if (t8 != 0 && n <= 0xff) {
    put_typed(b, t8, n, 1);
  } else if (n <= 0xffff) {
    put_typed(b, t16, n, 2);
  } else {
    put_typed(b, t32, n, 4);
  }
}

/// The length of the table at `idx` if its keys are exactly 1..n, else -1.
long array_length(lua_State* L, int idx) {
  long count = 0, max = 0;
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    lua_pop(L, 1);  // the value
    lua_Number k = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
    if (k <= 0 || std::floor(k) != k || k > static_cast<lua_Number>(LONG_MAX)) {
      lua_pop(L, 1);
      return -1;
    }
    ++count;
    if (static_cast<long>(k) > max)
      max = static_cast<long>(k);
  }
  return count == max ? max : -1;
}

void pack_value(lua_State* L, out_buf& b, int level);

/// Packs the table on top of the stack (and leaves it there).
void pack_table(lua_State* L, out_buf& b, int level) {
  int idx = lua_gettop(L);
  luaL_checkstack(L, 4, "cmsgpack: table too deep");
  long n = array_length(L, idx);
  if (n >= 0) {
    pack_length(b, static_cast<size_t>(n), 0x90, 15, 0, 0xdc, 0xdd);
    for (long i = 1; i <= n; ++i) {
      lua_rawgeti(L, idx, static_cast<int>(i));
      pack_value(L, b, level + 1);
      lua_pop(L, 1);
    }
    return;
  }
  size_t pairs = 0;
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    lua_pop(L, 1);
    ++pairs;
  }
  pack_length(b, pairs, 0x80, 15, 0, 0xde, 0xdf);
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    lua_pushvalue(L, -2);
    pack_value(L, b, level + 1);  // the key
    lua_pop(L, 1);
    pack_value(L, b, level + 1);  // the value
    lua_pop(L, 1);
  }
}

/// Packs the value on top of the stack (and leaves it there).
void pack_value(lua_State* L, out_buf& b, int level) {
  int type = lua_type(L, -1);
  if (type == LUA_TTABLE && level >= max_pack_nesting)
    type = LUA_TNIL;
  switch (type) {
    case LUA_TSTRING: {
      size_t len = 0;
      const char* s = lua_tolstring(L, -1, &len);
      pack_length(b, len, 0xa0, 31, 0xd9, 0xda, 0xdb);
      put_bytes(b, reinterpret_cast<const unsigned char*>(s), len);
      break;
    }
    case LUA_TBOOLEAN: {
      unsigned char one = lua_toboolean(L, -1) ? 0xc3 : 0xc2;
      put_bytes(b, &one, 1);
      break;
    }
    case LUA_TNUMBER:
      pack_number(b, lua_tonumber(L, -1));
      break;
    case LUA_TTABLE:
      pack_table(L, b, level);
      break;
    default: {
      unsigned char nil = 0xc0;
      put_bytes(b, &nil, 1);
    }
  }
}

/// cmsgpack.pack(v1, v2, ...): their encodings, one after the other.
int pack(lua_State* L) {
  int n = lua_gettop(L);
  if (n == 0)
    return luaL_argerror(L, 0, "MessagePack pack needs input.");
  luaL_checkstack(L, 3, "cmsgpack: too many values");
  out_buf b{L, n + 1, static_cast<unsigned char*>(lua_newuserdata(L, 64)), 0, 64};
  for (int i = 1; i <= n; ++i) {
    lua_pushvalue(L, i);
    pack_value(L, b, 0);
    lua_pop(L, 1);
  }
  lua_pushlstring(L, reinterpret_cast<const char*>(b.data), b.len);
  return 1;
}

// -- unpack -----------------------------------------------------------------------

struct cursor {
  const unsigned char* p;
  size_t left;
};

[[noreturn]] void missing(lua_State* L) {
  luaL_error(L, "Missing bytes in input.");
  std::abort();  // luaL_error does not return
}

uint64_t take(lua_State* L, cursor& c, int n) {
  if (c.left < static_cast<size_t>(n))
    missing(L);
  uint64_t v = 0;
  for (int i = 0; i < n; ++i)
    v = (v << 8) | c.p[i];
  c.p += n;
  c.left -= static_cast<size_t>(n);
  return v;
}

void push_string(lua_State* L, cursor& c, size_t len) {
  if (c.left < len)
    missing(L);
  lua_pushlstring(L, reinterpret_cast<const char*>(c.p), len);
  c.p += len;
  c.left -= len;
}

void unpack_value(lua_State* L, cursor& c, int level);

void unpack_array(lua_State* L, cursor& c, uint64_t n, int level) {
  luaL_checkstack(L, 2, "cmsgpack: too deep");
  lua_newtable(L);
  for (uint64_t i = 1; i <= n; ++i) {
    unpack_value(L, c, level + 1);
    lua_rawseti(L, -2, static_cast<int>(i));
  }
}

void unpack_map(lua_State* L, cursor& c, uint64_t n, int level) {
  luaL_checkstack(L, 3, "cmsgpack: too deep");
  lua_newtable(L);
  for (uint64_t i = 0; i < n; ++i) {
    unpack_value(L, c, level + 1);
    unpack_value(L, c, level + 1);
    if (lua_isnil(L, -2))
      lua_pop(L, 2);  // a nil key cannot be stored
    else
      lua_settable(L, -3);
  }
}

void unpack_value(lua_State* L, cursor& c, int level) {
  if (level > max_unpack_nesting)
    luaL_error(L, "cmsgpack: input nested deeper than %d levels", max_unpack_nesting);
  luaL_checkstack(L, 1, "cmsgpack: too many values");
  auto type = static_cast<unsigned char>(take(L, c, 1));
  if (type < 0x80) {
    lua_pushnumber(L, type);
  } else if (type >= 0xe0) {
    lua_pushnumber(L, static_cast<int8_t>(type));
  } else if ((type & 0xf0) == 0x80) {
    unpack_map(L, c, type & 0x0f, level);
  } else if ((type & 0xf0) == 0x90) {
    unpack_array(L, c, type & 0x0f, level);
  } else if ((type & 0xe0) == 0xa0) {
    push_string(L, c, type & 0x1f);
  } else {
    switch (type) {
      case 0xc0: lua_pushnil(L); break;
      case 0xc2: lua_pushboolean(L, 0); break;
      case 0xc3: lua_pushboolean(L, 1); break;
      case 0xc4: case 0xd9: push_string(L, c, take(L, c, 1)); break;
      case 0xc5: case 0xda: push_string(L, c, take(L, c, 2)); break;
      case 0xc6: case 0xdb: push_string(L, c, take(L, c, 4)); break;
      case 0xca: {
        auto bits = static_cast<uint32_t>(take(L, c, 4));
        float f = 0;
        std::memcpy(&f, &bits, sizeof f);
        lua_pushnumber(L, f);
        break;
      }
      case 0xcb: {
        uint64_t bits = take(L, c, 8);
        double d = 0;
        std::memcpy(&d, &bits, sizeof d);
        lua_pushnumber(L, d);
        break;
      }
      case 0xcc: lua_pushnumber(L, static_cast<lua_Number>(take(L, c, 1))); break;
      case 0xcd: lua_pushnumber(L, static_cast<lua_Number>(take(L, c, 2))); break;
      case 0xce: lua_pushnumber(L, static_cast<lua_Number>(take(L, c, 4))); break;
      case 0xcf: lua_pushnumber(L, static_cast<lua_Number>(take(L, c, 8))); break;
      case 0xd0: lua_pushnumber(L, static_cast<int8_t>(take(L, c, 1))); break;
      case 0xd1: lua_pushnumber(L, static_cast<int16_t>(take(L, c, 2))); break;
      case 0xd2: lua_pushnumber(L, static_cast<int32_t>(take(L, c, 4))); break;
      case 0xd3:
        lua_pushnumber(L, static_cast<lua_Number>(static_cast<int64_t>(take(L, c, 8))));
        break;
      case 0xdc: unpack_array(L, c, take(L, c, 2), level); break;
      case 0xdd: unpack_array(L, c, take(L, c, 4), level); break;
      case 0xde: unpack_map(L, c, take(L, c, 2), level); break;
      case 0xdf: unpack_map(L, c, take(L, c, 4), level); break;
      default: luaL_error(L, "Bad data format in input.");
    }
  }
}

/// Redis's mp_unpack_full: with neither a limit nor an offset, every value;
/// otherwise up to `limit` values from `offset`, after the offset to go on
/// from (-1 once the input is used up).
int unpack_full(lua_State* L, lua_Integer limit, lua_Integer offset) {
  size_t len = 0;
  const char* s = luaL_checklstring(L, 1, &len);
  if (offset < 0 || limit < 0)
    return luaL_error(L, "Invalid request to unpack with offset of %d and limit of %d.",
                      static_cast<int>(offset), static_cast<int>(len));
  if (static_cast<size_t>(offset) > len)
    return luaL_error(L, "Start offset %d greater than input length %d.",
                      static_cast<int>(offset), static_cast<int>(len));
  bool all = limit == 0 && offset == 0;
  cursor c{reinterpret_cast<const unsigned char*>(s) + offset, len - static_cast<size_t>(offset)};
  int count = 0;
  for (; c.left > 0 && (all || count < limit); ++count)
    unpack_value(L, c, 0);
  if (!all) {
    lua_pushinteger(L, c.left == 0 ? -1 : static_cast<lua_Integer>(len - c.left));
    lua_insert(L, 2);
    ++count;
  }
  return count;
}

int unpack(lua_State* L) {
  return unpack_full(L, 0, 0);
}

int unpack_one(lua_State* L) {
  auto offset = luaL_optinteger(L, 2, 0);
  lua_settop(L, 1);
  return unpack_full(L, 1, offset);
}

int unpack_limit(lua_State* L) {
  auto limit = luaL_checkinteger(L, 2);
  auto offset = luaL_optinteger(L, 3, 0);
  lua_settop(L, 1);
  return unpack_full(L, limit, offset);
}

} // namespace

int open_lua_cmsgpack(lua_State* L) {
  const luaL_Reg functions[] = {{"pack", pack},
                                {"unpack", unpack},
                                {"unpack_one", unpack_one},
                                {"unpack_limit", unpack_limit},
                                {nullptr, nullptr}};
  luaL_register(L, "cmsgpack", functions);
  lua_pushliteral(L, "lua-cmsgpack");
  lua_setfield(L, -2, "_NAME");
  lua_pushliteral(L, "0.4.0");
  lua_setfield(L, -2, "_VERSION");
  return 1;
}

} // namespace troupe::actors::kv
