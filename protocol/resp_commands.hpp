// The commands the RESP front door knows: arity, flags and key positions (as
// Redis's COMMAND reports them) and how the session serves each. Plain data:
// the session routes by it, the kv shards check script calls against it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace troupe::protocol {

/// How the RESP session serves a command.
enum class resp_route : uint8_t {
  session,  ///< answered by the session itself (connection, pub/sub, ...)
  key,      ///< its keys (one, or several of one partition): sent whole to
            ///< that partition; keys of several partitions get CROSSSLOT
  keys,     ///< every argument is a key: split by partition, replies merged
  pairs,    ///< key/value pairs (MSET): split by partition
  keyspace, ///< every partition (SCAN, KEYS, DBSIZE, FLUSHDB)
};

struct resp_command {
  const char* name;   ///< lower case
  int arity;          ///< Redis convention: n exactly, -n at least n
  const char* flags;  ///< space-separated, for COMMAND
  int first_key, last_key, step;
  resp_route route;
};

/// The command named `lower_name`, or nullptr.
const resp_command* find_resp_command(std::string_view lower_name);

/// Every command, in table order.
const std::vector<resp_command>& resp_commands();

/// True when the command's flags include `flag` ("write", "readonly", ...).
bool has_flag(const resp_command& c, std::string_view flag);

/// The positions of the keys in `args` (the command's name at 0), numkeys
/// forms included (ZUNIONSTORE dest numkeys key ...); a bad numkeys yields
/// the keys before it only, and the command's own check answers.
std::vector<size_t> key_positions(const resp_command& c, const std::vector<std::string_view>& args);

/// True when `argc` (name included) satisfies the command's arity.
inline bool arity_ok(const resp_command& c, size_t argc) {
  return c.arity >= 0 ? argc == static_cast<size_t>(c.arity)
                      : argc >= static_cast<size_t>(-c.arity);
}

} // namespace troupe::protocol
