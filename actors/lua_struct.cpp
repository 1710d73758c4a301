#include "actors/lua_struct.hpp"

#include <cctype>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

extern "C" {
#include <lauxlib.h>
#include <lua.h>
}

namespace troupe::actors::kv {

namespace {

// Format: '<' little, '>' big, '!n' alignment, 'x' pad byte, 'b/B' char,
// 'h/H' short, 'l/L' long, 'T' size_t, 'i/In' int of n bytes, 'cn' n chars
// (c0: length from the previous value), 's' zero-terminated string, 'f'
// float, 'd' double; lower case signed, upper case unsigned.

constexpr int max_int_size = 32;
constexpr int max_align = alignof(double);

enum endianness { big, little };

struct header {
  endianness endian = little;  // x86-64 and ARM64 Linux: native little-endian
  int align = 1;
};

int getnum(lua_State* L, const char** fmt, int df) {
  if (!std::isdigit(static_cast<unsigned char>(**fmt)))
    return df;
  int a = 0;
  do {
    if (a > INT_MAX / 10 || a * 10 > INT_MAX - (**fmt - '0'))
      luaL_error(L, "integral size overflow");
    a = a * 10 + *((*fmt)++) - '0';
  } while (std::isdigit(static_cast<unsigned char>(**fmt)));
  return a;
}

size_t optsize(lua_State* L, char opt, const char** fmt) {
  switch (opt) {
    case 'B': case 'b': return sizeof(char);
    case 'H': case 'h': return sizeof(short);
    case 'L': case 'l': return sizeof(long);
    case 'T': return sizeof(size_t);
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    case 'x': return 1;
    case 'c': return static_cast<size_t>(getnum(L, fmt, 1));
    case 'i': case 'I': {
      int sz = getnum(L, fmt, sizeof(int));
      if (sz > max_int_size)
        luaL_error(L, "integral size %d is larger than limit of %d", sz, max_int_size);
      return static_cast<size_t>(sz);
    }
    default: return 0;
  }
}

size_t gettoalign(size_t len, const header& h, int opt, size_t size) {
  if (size == 0 || opt == 'c')
    return 0;
  if (size > static_cast<size_t>(h.align))
    size = static_cast<size_t>(h.align);
  return (size - (len & (size - 1))) & (size - 1);
}

void controloptions(lua_State* L, int opt, const char** fmt, header& h) {
  switch (opt) {
    case ' ': return;
    case '>': h.endian = big; return;
    case '<': h.endian = little; return;
    case '!': {
      int a = getnum(L, fmt, max_align);
      if (a <= 0 || (a & (a - 1)) != 0)
        luaL_error(L, "alignment %d is not a power of 2", a);
      h.align = a;
      return;
    }
    default:
      luaL_argerror(L, 1, lua_pushfstring(L, "invalid format option '%c'", opt));
  }
}

void putinteger(lua_State* L, luaL_Buffer* b, int arg, endianness endian, size_t size) {
  lua_Number n = luaL_checknumber(L, arg);
  auto value = n < 0 ? static_cast<uint64_t>(static_cast<int64_t>(n)) : static_cast<uint64_t>(n);
  char buff[max_int_size];
  for (size_t i = 0; i < size; ++i) {
    buff[endian == little ? i : size - 1 - i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
  luaL_addlstring(b, buff, size);
}

/// Native (little-endian) bytes to `endian` or back.
void correctbytes(char* b, size_t size, endianness endian) {
  if (endian == little)
    return;
  for (size_t i = 0, j = size - 1; i < j; ++i, --j)
    std::swap(b[i], b[j]);
}

lua_Number getinteger(const char* buff, endianness endian, bool is_signed, size_t size) {
  uint64_t l = 0;
  for (size_t k = 0; k < size; ++k) {
    size_t i = endian == big ? k : size - 1 - k;
    l = (l << 8) | static_cast<unsigned char>(buff[i]);
  }
  if (!is_signed || size >= 8)
    return is_signed ? static_cast<lua_Number>(static_cast<int64_t>(l)) : static_cast<lua_Number>(l);
  uint64_t mask = ~uint64_t{0} << (size * 8 - 1);
  if ((l & mask) != 0)
    l |= mask;
  return static_cast<lua_Number>(static_cast<int64_t>(l));
}

int b_pack(lua_State* L) {
  luaL_Buffer b;
  const char* fmt = luaL_checkstring(L, 1);
  header h;
  int arg = 2;
  size_t total = 0;
  lua_pushnil(L);  // separates the arguments from the buffer's stack use
  luaL_buffinit(L, &b);
  while (*fmt != '\0') {
    int opt = *fmt++;
    size_t size = optsize(L, static_cast<char>(opt), &fmt);
    size_t toalign = gettoalign(total, h, opt, size);
    total += toalign;
    while (toalign-- > 0)
      luaL_addchar(&b, '\0');
    switch (opt) {
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I':
        putinteger(L, &b, arg++, h.endian, size);
        break;
      case 'x':
        luaL_addchar(&b, '\0');
        break;
      case 'f': {
        auto f = static_cast<float>(luaL_checknumber(L, arg++));
        correctbytes(reinterpret_cast<char*>(&f), size, h.endian);
        luaL_addlstring(&b, reinterpret_cast<char*>(&f), size);
        break;
      }
      case 'd': {
        double d = luaL_checknumber(L, arg++);
        correctbytes(reinterpret_cast<char*>(&d), size, h.endian);
        luaL_addlstring(&b, reinterpret_cast<char*>(&d), size);
        break;
      }
      case 'c': case 's': {
        size_t l = 0;
        const char* s = luaL_checklstring(L, arg++, &l);
        if (size == 0)
          size = l;
        luaL_argcheck(L, l >= size, arg, "string too short");
        luaL_addlstring(&b, s, size);
        if (opt == 's') {
          luaL_addchar(&b, '\0');
          ++size;
        }
        break;
      }
      default:
        controloptions(L, opt, &fmt, h);
    }
    total += size;
  }
  luaL_pushresult(&b);
  return 1;
}

int b_unpack(lua_State* L) {
  header h;
  const char* fmt = luaL_checkstring(L, 1);
  size_t ld = 0;
  const char* data = luaL_checklstring(L, 2, &ld);
  auto first = luaL_optinteger(L, 3, 1);
  luaL_argcheck(L, first > 0, 3, "offset must be 1 or greater");
  auto pos = static_cast<size_t>(first) - 1;
  int n = 0;
  while (*fmt != '\0') {
    int opt = *fmt++;
    size_t size = optsize(L, static_cast<char>(opt), &fmt);
    pos += gettoalign(pos, h, opt, size);
    luaL_argcheck(L, size <= ld && pos <= ld - size, 2, "data string too short");
    luaL_checkstack(L, 2, "too many results");
    switch (opt) {
      case 'b': case 'B': case 'h': case 'H': case 'l': case 'L': case 'T': case 'i': case 'I':
        lua_pushnumber(L, getinteger(data + pos, h.endian, std::islower(opt) != 0, size));
        ++n;
        break;
      case 'x':
        break;
      case 'f': {
        float f;
        std::memcpy(&f, data + pos, size);
        correctbytes(reinterpret_cast<char*>(&f), sizeof(f), h.endian);
        lua_pushnumber(L, f);
        ++n;
        break;
      }
      case 'd': {
        double d;
        std::memcpy(&d, data + pos, size);
        correctbytes(reinterpret_cast<char*>(&d), sizeof(d), h.endian);
        lua_pushnumber(L, d);
        ++n;
        break;
      }
      case 'c': {
        if (size == 0) {
          if (n == 0 || !lua_isnumber(L, -1))
            luaL_error(L, "format 'c0' needs a previous size");
          size = static_cast<size_t>(lua_tonumber(L, -1));
          lua_pop(L, 1);
          --n;
          luaL_argcheck(L, size <= ld && pos <= ld - size, 2, "data string too short");
        }
        lua_pushlstring(L, data + pos, size);
        ++n;
        break;
      }
      case 's': {
        auto* e = static_cast<const char*>(std::memchr(data + pos, '\0', ld - pos));
        if (e == nullptr)
          luaL_error(L, "unfinished string in data");
        size = static_cast<size_t>(e - (data + pos)) + 1;
        lua_pushlstring(L, data + pos, size - 1);
        ++n;
        break;
      }
      default:
        controloptions(L, opt, &fmt, h);
    }
    pos += size;
  }
  lua_pushinteger(L, static_cast<lua_Integer>(pos + 1));
  return n + 1;
}

int b_size(lua_State* L) {
  header h;
  const char* fmt = luaL_checkstring(L, 1);
  size_t pos = 0;
  while (*fmt != '\0') {
    int opt = *fmt++;
    size_t size = optsize(L, static_cast<char>(opt), &fmt);
    pos += gettoalign(pos, h, opt, size);
    if (opt == 's')
      luaL_argerror(L, 1, "option 's' has no fixed size");
    else if (opt == 'c' && size == 0)
      luaL_argerror(L, 1, "option 'c0' has no fixed size");
    if (std::isalnum(opt) == 0)
      controloptions(L, opt, &fmt, h);
    pos += size;
  }
  lua_pushinteger(L, static_cast<lua_Integer>(pos));
  return 1;
}

} // namespace

int open_lua_struct(lua_State* L) {
  static const luaL_Reg functions[] = {
    {"pack", b_pack}, {"unpack", b_unpack}, {"size", b_size}, {nullptr, nullptr}};
  luaL_register(L, "struct", functions);
  return 1;
}

} // namespace troupe::actors::kv
