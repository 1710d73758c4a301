// kv_script: Redis's Lua scripting environment (EVAL, EVALSHA, FCALL),
// one Lua 5.1 interpreter per kv shard.
//
// The environment is Redis 7's: the base, table, string and math libraries,
// cjson, bit and struct; redis.call / pcall / error_reply / status_reply /
// sha1hex / log / setresp / set_repl / acl_check_cmd; globals read-only (reading an absent
// one or creating one is an error); math.random by Redis's rand48. Each run
// has its own environment and its own read-only views of the libraries, so
// nothing one script changes reaches the next. The script's KEYS and ARGV
// are set per run, and each redis.call goes through
// the caller's `script_call`, which answers with the command's RESP2 reply,
// or RESP3 after redis.setresp(3). Replies convert both ways by Redis's
// rules (nil -> false, status -> {ok=...}, error -> {err=...}; RESP3's map,
// set, double, big number and verbatim string -> {map=...}, {set=...},
// {double=...}, ...; false -> nil, table -> array up to the first nil,
// number -> integer, and the RESP3 tables back to their types, downgraded
// for a RESP2 client). Error replies carry Redis's text, " script:
// <sha>, on @user_script:<line>." included.
//
// A function library (FUNCTION LOAD) is code whose first line is
// "#!lua name=<library>" and which registers its functions with
// redis.register_function while it runs. It runs once per interpreter, in an
// environment of its own where only the library API is reachable
// (register_function, log and the version, as in Redis 7); its functions
// then run with the whole environment, called with (KEYS, ARGV). Errors
// name the function: " script: <function>, on @user_function:<line>.".
//
// A run that passes its time budget becomes busy in the node's
// script_monitor and stops at the next check after a SCRIPT KILL. The
// interpreter's memory is bounded; a run that exhausts it fails and the
// interpreter starts afresh.
//
// No CAF, no protobuf, no storage: the caller decides what a call does.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace troupe::actors {

class script_monitor;

namespace kv {

/// Runs one command for a script: args[0] is the name as the script wrote
/// it. Returns the reply, RESP3 when `resp3` (the script called
/// redis.setresp(3)), RESP2 otherwise; an error reply for a refused command.
using script_call =
  std::function<std::string(const std::vector<std::string_view>& args, bool resp3)>;

/// What a run may ask of its caller: its commands, and its user's
/// permissions.
struct script_host {
  script_call call;
  /// redis.acl_check_cmd: whether the script's user may run `args`;
  /// nullopt when no command has that name. Unset: every command may run.
  std::function<std::optional<bool>(const std::vector<std::string_view>& args)> acl_check;
};

/// Outcome of a run.
enum class script_end {
  done,    ///< ran to its end (its reply may still be an error)
  killed,  ///< stopped by SCRIPT KILL: its writes must be discarded
};

/// One function a library registers.
struct function_info {
  std::string name;
  std::optional<std::string> description;
  std::vector<std::string> flags;  ///< Redis's names ("no-writes", ...), in Redis's order
};

/// What FUNCTION LOAD learns from a library's code.
struct library_info {
  std::string name;  ///< from the "#!lua name=..." line
  std::vector<function_info> functions;
};

class script_vm {
public:
  /// Scripts whose compiled form a VM keeps; past it, it starts afresh.
  static constexpr size_t max_cached_scripts = 1024;

  /// `monitor` (required) also holds the time budget.
  script_vm(script_monitor* monitor, size_t max_memory_bytes);
  ~script_vm();
  script_vm(const script_vm&) = delete;
  script_vm& operator=(const script_vm&) = delete;

  /// Runs `body` (whose SHA1 is `sha`, 40 lower-case hex digits), compiled
  /// once and kept by its digest. With `function` given, `body` is a
  /// library's code, loaded once and kept by its digest, and the run calls
  /// its function of that name. `out` receives the RESP reply; `resp3`
  /// encodes nulls the RESP3 way.
  script_end run(std::string_view sha, std::string_view body, std::string_view function,
                 const std::vector<std::string_view>& keys,
                 const std::vector<std::string_view>& argv, bool resp3,
                 const script_host& host, std::string& out);

  /// Loads a library's code as FUNCTION LOAD does, in a fresh environment
  /// of this interpreter (kept nowhere): its functions, or nullopt with
  /// Redis's error reply in `error`. Its code runs for 500 ms at most.
  std::optional<library_info> describe(std::string_view code, std::string& error);

  struct impl;  ///< the interpreter (kv_script.cpp)

private:
  std::unique_ptr<impl> impl_;
};

/// The error reply Redis gives when `body` does not compile ("ERR Error
/// compiling script (new function): user_script:1: ..."); nullopt when it
/// compiles.
std::optional<std::string> script_compile_error(std::string_view body);

/// The library in `code` as FUNCTION LOAD reads it: its first line
/// ("#!lua name=<name>") checked, then its code run to learn its functions
/// (in an interpreter of the calling thread's own). nullopt with Redis's
/// error reply ("-ERR Missing library metadata\r\n", ...) in `error`.
std::optional<library_info> describe_library(std::string_view code, std::string& error);

/// The flags a script's "#!lua flags=..." first line (Redis 7's shebang)
/// declares ("no-writes", "allow-oom", ...); nullopt for a script without
/// one, which Redis runs in its compatible mode.
std::optional<std::vector<std::string>> script_flags(std::string_view body);

/// True when `flags` has `flag`.
inline bool has_script_flag(const std::vector<std::string>& flags, std::string_view flag) {
  for (auto& f : flags)
    if (f == flag)
      return true;
  return false;
}


} // namespace kv
} // namespace troupe::actors
