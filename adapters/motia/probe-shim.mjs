// EXPLORATION ONLY (not part of the test): gives BullMQ's scripts a pure-Lua
// cmsgpack.unpack, to see what fails on Troupe after the missing cmsgpack.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const shim = `
local cmsgpack = {}
do
  local byte, sub = string.byte, string.sub
  local function u(s, i, n) local v = 0 for k = 0, n - 1 do v = v * 256 + byte(s, i + k) end return v end
  local function sg(s, i, n) local v = u(s, i, n) local lim = 2 ^ (8 * n - 1) if v >= lim then v = v - 2 * lim end return v end
  local dec
  local function arr(s, i, n) local t = {} for k = 1, n do t[k], i = dec(s, i) end return t, i end
  local function map(s, i, n) local t = {} for k = 1, n do local key, v key, i = dec(s, i) v, i = dec(s, i) t[key] = v end return t, i end
  dec = function(s, i)
    local b = byte(s, i)
    if b <= 0x7f then return b, i + 1 end
    if b >= 0xe0 then return b - 256, i + 1 end
    if b <= 0x8f then return map(s, i + 1, b - 0x80) end
    if b <= 0x9f then return arr(s, i + 1, b - 0x90) end
    if b <= 0xbf then local n = b - 0xa0 return sub(s, i + 1, i + n), i + 1 + n end
    if b == 0xc0 then return nil, i + 1 end
    if b == 0xc2 then return false, i + 1 end
    if b == 0xc3 then return true, i + 1 end
    if b == 0xc4 or b == 0xd9 then local n = byte(s, i + 1) return sub(s, i + 2, i + 1 + n), i + 2 + n end
    if b == 0xc5 or b == 0xda then local n = u(s, i + 1, 2) return sub(s, i + 3, i + 2 + n), i + 3 + n end
    if b == 0xc6 or b == 0xdb then local n = u(s, i + 1, 4) return sub(s, i + 5, i + 4 + n), i + 5 + n end
    if b == 0xca then return (struct.unpack('>f', s, i + 1)), i + 5 end
    if b == 0xcb then return (struct.unpack('>d', s, i + 1)), i + 9 end
    if b == 0xcc then return byte(s, i + 1), i + 2 end
    if b == 0xcd then return u(s, i + 1, 2), i + 3 end
    if b == 0xce then return u(s, i + 1, 4), i + 5 end
    if b == 0xcf then return u(s, i + 1, 8), i + 9 end
    if b == 0xd0 then return sg(s, i + 1, 1), i + 2 end
    if b == 0xd1 then return sg(s, i + 1, 2), i + 3 end
    if b == 0xd2 then return sg(s, i + 1, 4), i + 5 end
    if b == 0xd3 then return sg(s, i + 1, 8), i + 9 end
    if b == 0xdc then return arr(s, i + 3, u(s, i + 1, 2)) end
    if b == 0xdd then return arr(s, i + 5, u(s, i + 1, 4)) end
    if b == 0xde then return map(s, i + 3, u(s, i + 1, 2)) end
    if b == 0xdf then return map(s, i + 5, u(s, i + 1, 4)) end
    error('msgpack shim: type ' .. b)
  end
  cmsgpack.unpack = function(s) return (dec(s, 1)) end
end
`;
const scripts = require('bullmq/dist/cjs/scripts/index.js');
for (const s of Object.values(scripts)) if (s.content.includes('cmsgpack')) s.content = shim + s.content;
await import('./dist/test/bullmq.test.js');
