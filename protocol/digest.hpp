// Digests as lower-case hex: SHA1 names Lua scripts and libraries (as
// Redis names them), SHA-256 keeps ACL passwords (as Redis keeps them).
#pragma once

#include <string>
#include <string_view>

namespace troupe::protocol {

/// SHA1 of `data`, 40 lower-case hex digits.
std::string sha1_hex(std::string_view data);

/// SHA-256 of `data`, 64 lower-case hex digits.
std::string sha256_hex(std::string_view data);

} // namespace troupe::protocol
