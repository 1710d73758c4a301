// client_registry: the RESP connections a node serves, so that any of them
// can list the others (CLIENT LIST), close them (CLIENT KILL) or end a
// blocked command (CLIENT UNBLOCK). A session adds itself when it opens and
// keeps what CLIENT LIST shows of it current through its entry; the entry
// leaves the registry when the session drops it. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace troupe::node {

/// What one connection may ask of another's session.
enum class client_signal : uint8_t {
  kill,             ///< close the connection
  unblock_timeout,  ///< end the blocked command as if it timed out
  unblock_error,    ///< end it with an UNBLOCKED error
};

/// One connection as CLIENT LIST shows it.
struct client_info {
  int64_t id = 0;
  std::string addr;   ///< the client's end, ip:port
  std::string laddr;  ///< this node's end, ip:port
  int fd = -1;
  std::string name;
  std::chrono::steady_clock::time_point opened;
  std::chrono::steady_clock::time_point last_command;
  const char* command = nullptr;  ///< the last command run (nullptr: none yet)
  bool blocked = false;
  int multi = -1;  ///< commands queued since MULTI; -1 outside MULTI
  size_t sub = 0;
  size_t psub = 0;
  bool resp3 = false;
  std::string user = "default";  ///< the ACL user it runs as
};

class client_registry : public std::enable_shared_from_this<client_registry> {
  struct entry;

public:
  /// A session's place in the registry; it leaves the registry with this.
  class handle {
  public:
    handle(std::shared_ptr<client_registry> reg, std::shared_ptr<entry> e);
    ~handle();
    handle(const handle&) = delete;
    handle& operator=(const handle&) = delete;

    /// Changes what CLIENT LIST shows (name, subscriptions, MULTI).
    void update(const std::function<void(client_info&)>& fn);
    /// A command starts, received at `at` (cheap: no lock).
    void touch(const char* command, std::chrono::steady_clock::time_point at);
    /// The session's command blocks, or no longer does. Only a blocked
    /// client can be unblocked.
    void set_blocked(bool blocked);

  private:
    std::shared_ptr<client_registry> reg_;
    std::shared_ptr<entry> e_;
  };

  /// Adds a connection; `signal` reaches its session (from any thread).
  std::unique_ptr<handle> add(client_info info, std::function<void(client_signal)> signal);

  /// Every connection, by id.
  std::vector<client_info> list() const;

  /// Signals `kill` to every connection `match` accepts; returns how many.
  size_t kill(const std::function<bool(const client_info&)>& match);

  /// Ends the blocked command of connection `id` (a timeout or, with
  /// `error`, an UNBLOCKED error); false when it does not block.
  bool unblock(int64_t id, bool error);

private:
  struct entry {
    client_info info;  // guarded by the registry's mutex
    std::function<void(client_signal)> signal;
    std::atomic<const char*> command{nullptr};
    std::atomic<int64_t> last_command_ns{0};
  };

  client_info snapshot(const entry& e) const;
  void remove(int64_t id);

  mutable std::mutex mu_;
  std::map<int64_t, std::shared_ptr<entry>> entries_;
};

/// The address of one end of socket `fd` as CLIENT LIST shows it
/// ("ip:port", "[ip6]:port"); "?:0" when the socket cannot tell.
std::string socket_address(int fd, bool local);

/// A CLIENT LIST line (without its newline), as Redis 7 writes one, with the
/// fields the node can fill honestly.
std::string client_line(const client_info& c, std::chrono::steady_clock::time_point now);

} // namespace troupe::node
