// acl: Redis's users and their permissions (ACL SETUSER, AUTH user pass),
// for the RESP door. Plain data and a thread-safe registry: the sessions
// check a user's commands against it, the kv shards check a script's calls.
//
// A user is on or off, has passwords (kept as SHA-256, as Redis keeps them)
// or none needed (nopass), and a set of commands (by name, by category as
// +@read, or by subcommand as +config|get), key patterns (~pattern for
// reading and writing, %R~ for reading, %W~ for writing) and channel
// patterns (&pattern), each set by Redis's rules in Redis's order. The
// categories are Redis's, derived from each command's flags and type.
//
// The registry is the node's and lives in memory, as Redis's does without
// an ACL file: the `default` user ("on nopass ~* &* +@all") is always there.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace troupe::protocol {

struct resp_command;

/// Why a user may not run a command.
enum class acl_verdict { allowed, command, key, channel };

class acl_user {
public:
  explicit acl_user(std::string name);

  const std::string& name() const { return name_; }
  bool enabled() const { return enabled_; }

  /// Applies one SETUSER rule ("on", ">pass", "+@read", "~key*", a
  /// selector "(~key* +get)", ...); Redis's reason when it is not one
  /// ("Syntax error", ...).
  std::optional<std::string> apply(std::string_view rule);

  /// True when `password` opens this user (it must be on).
  bool accepts(std::string_view password) const;

  /// True when the user needs no password (nopass).
  bool nopass() const { return nopass_; }

  /// True when every command, key and channel is the user's: nothing to check.
  bool unrestricted() const;

  /// Whether the user may run `args` (the name at 0; `spec` its command):
  /// its root permissions or one of its selectors allow it whole. Refused,
  /// the reason is Redis's pick among them (a channel before a key before
  /// the command, the later position first); `at`, when given, receives
  /// the refused key's or channel's position.
  acl_verdict check(const resp_command& spec, const std::vector<std::string_view>& args,
                    size_t* at = nullptr) const;

  /// The user as ACL LIST shows it: "on nopass ~* &* +@all".
  std::string describe() const;

  /// ACL GETUSER's reply (RESP2 or RESP3).
  std::string getuser_reply(bool resp3) const;

private:
  /// What a set of command, key and channel rules allows: the user's own
  /// (its root permissions) or one of its selectors'.
  struct permissions {
    permissions();
    /// Applies a command, key or channel rule; Redis's reason otherwise.
    std::optional<std::string> apply(std::string_view rule);
    bool unrestricted() const;
    acl_verdict check(const resp_command& spec, const std::vector<std::string_view>& args,
                      size_t& at) const;
    bool command_allowed(const resp_command& spec, const std::vector<std::string_view>& args) const;
    bool key_allowed(std::string_view key, bool read, bool write) const;
    bool channel_allowed(std::string_view channel, bool is_pattern) const;
    /// +cmd / -cmd / +@cat / -@cat / +cmd|sub; false when unknown.
    bool apply_command_rule(std::string_view rule, bool allow);
    /// As GETUSER shows them: "+@all -get", "~a* %R~b*", "&news.*".
    std::string commands_text() const;
    std::string keys_text() const;
    std::string channels_text() const;
    /// As ACL LIST shows them: "~* &* +@all", "resetchannels -@all".
    std::string describe() const;

    struct key_pattern {
      std::string pattern;
      bool read = true, write = true;
    };
    std::vector<bool> commands;          ///< by index in resp_commands()
    std::vector<std::string> subcommands;  ///< "cmd|sub" allowed besides
    std::string command_rules;           ///< as given since the last +@all / -@all
    bool all_commands_base = false;      ///< that last one was +@all
    std::vector<key_pattern> keys;
    bool all_keys = false;
    std::vector<std::string> channels;
    bool all_channels = false;
  };

  std::string name_;
  bool enabled_ = false;
  bool nopass_ = false;
  std::string payload_flag_;  ///< "sanitize-payload", "skip-sanitize-payload" or none
  std::vector<std::string> passwords_;  ///< SHA-256, lower-case hex
  permissions root_;
  /// Redis 7's selectors ("(~key* +get)"): a command any one of them
  /// allows whole (command, keys and channels) is allowed too.
  std::vector<permissions> selectors_;
};

/// The categories ACL CAT lists, in Redis's order.
const std::vector<std::string>& acl_categories();

/// The commands of a category (ACL CAT category); nullopt when unknown.
std::optional<std::vector<std::string>> acl_category_commands(std::string_view category);

/// The name a refusal gives the command: "config|get" for a container
/// command's subcommand, as Redis's full names.
std::string acl_command_name(const resp_command& spec, const std::vector<std::string_view>& args);

/// Redis's text for a refusal at the top level ("NOPERM this user has no
/// permissions to run the 'hset' command").
std::string acl_refusal(acl_verdict why, std::string_view command);

/// Redis's text for a refusal inside a script ("The user executing the
/// script can't run this command or subcommand").
std::string acl_script_refusal(acl_verdict why);

/// Why ACL LOG has an entry: a refused command, key or channel, or a
/// failed sign-in.
enum class acl_log_reason { command, key, channel, auth };
/// Where it happened (ACL LOG's context).
enum class acl_log_context { toplevel, multi, lua };

/// The reason a refusal of `verdict` is logged with.
acl_log_reason log_reason(acl_verdict verdict);

/// ACL LOG: refused commands and failed sign-ins, newest first, at most
/// max_len (acllog-max-len). As Redis, an event like one of the last ten
/// (same reason, context, object and user) within 60 s counts in it
/// instead of adding one. Thread-safe.
class acl_log {
public:
  struct event {
    acl_log_reason reason;
    acl_log_context context;
    std::string object;       ///< the command ("config|get"), key, channel, or AUTH
    std::string username;
    std::string client_info;  ///< the client's CLIENT LIST line
  };
  void add(event e, int64_t now_ms);
  /// ACL LOG [count]'s reply: the newest `count` entries.
  std::string reply(size_t count, bool resp3, int64_t now_ms) const;
  void reset();
  void set_max_len(size_t n);

private:
  struct entry {
    event what;
    uint64_t count = 1;
    int64_t at_ms = 0;
  };
  mutable std::mutex mu_;
  std::deque<entry> entries_;
  size_t max_len_ = 128;
};

class acl_users {
public:
  acl_users();

  /// ACL SETUSER: creates or changes `name`, all rules or none; the error
  /// reply text otherwise.
  std::optional<std::string> set_user(const std::string& name,
                                      const std::vector<std::string>& rules);

  /// The user, or nullptr.
  std::shared_ptr<const acl_user> find(std::string_view name) const;

  /// ACL DELUSER: how many were removed.
  size_t remove(const std::vector<std::string>& names);

  /// Every user, in name order.
  std::vector<std::shared_ptr<const acl_user>> all() const;

  /// Moves on every change: a session re-reads its user when it moved.
  uint64_t version() const { return version_.load(std::memory_order_acquire); }

  /// The node's ACL LOG (written by sessions and scripts alike).
  acl_log& log() const { return log_; }

private:
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const acl_user>> users_;
  std::atomic<uint64_t> version_{0};
  mutable acl_log log_;
};

} // namespace troupe::protocol
