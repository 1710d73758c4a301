// lua_struct: Lua's `struct` library (pack, unpack, size of binary records,
// Roberto Ierusalimschy's format language) as Redis embeds it for scripts.
#pragma once

struct lua_State;

namespace troupe::actors::kv {

/// Registers the global table `struct`; returns 1 (the table, pushed).
int open_lua_struct(lua_State* L);

} // namespace troupe::actors::kv
