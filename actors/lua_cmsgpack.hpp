// lua_cmsgpack: Lua's `cmsgpack` library (MessagePack pack and unpack) as
// Redis embeds it for scripts: cmsgpack.pack(...), cmsgpack.unpack(s),
// cmsgpack.unpack_one(s [, offset]), cmsgpack.unpack_limit(s, n [, offset]).
#pragma once

struct lua_State;

namespace troupe::actors::kv {

/// Registers the global table `cmsgpack`; returns 1 (the table, pushed).
int open_lua_cmsgpack(lua_State* L);

} // namespace troupe::actors::kv
