#include "node/client_registry.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace troupe::node {

using steady = std::chrono::steady_clock;

client_registry::handle::handle(std::shared_ptr<client_registry> reg, std::shared_ptr<entry> e)
  : reg_(std::move(reg)), e_(std::move(e)) {}

client_registry::handle::~handle() { reg_->remove(e_->info.id); }

void client_registry::handle::update(const std::function<void(client_info&)>& fn) {
  std::lock_guard lock{reg_->mu_};
  fn(e_->info);
}

void client_registry::handle::touch(const char* command, steady::time_point at) {
  e_->command.store(command, std::memory_order_relaxed);
  e_->last_command_ns.store(at.time_since_epoch().count(), std::memory_order_relaxed);
}

void client_registry::handle::set_blocked(bool blocked) {
  std::lock_guard lock{reg_->mu_};
  e_->info.blocked = blocked;
}

std::unique_ptr<client_registry::handle>
client_registry::add(client_info info, std::function<void(client_signal)> signal) {
  auto e = std::make_shared<entry>();
  e->last_command_ns = info.opened.time_since_epoch().count();
  e->info = std::move(info);
  e->signal = std::move(signal);
  {
    std::lock_guard lock{mu_};
    entries_[e->info.id] = e;
  }
  return std::make_unique<handle>(shared_from_this(), std::move(e));
}

void client_registry::remove(int64_t id) {
  std::lock_guard lock{mu_};
  entries_.erase(id);
}

client_info client_registry::snapshot(const entry& e) const {
  auto c = e.info;
  c.command = e.command.load(std::memory_order_relaxed);
  c.last_command = steady::time_point{steady::duration{e.last_command_ns.load(std::memory_order_relaxed)}};
  return c;
}

std::vector<client_info> client_registry::list() const {
  std::lock_guard lock{mu_};
  std::vector<client_info> out;
  out.reserve(entries_.size());
  for (auto& [id, e] : entries_)
    out.push_back(snapshot(*e));
  return out;
}

size_t client_registry::kill(const std::function<bool(const client_info&)>& match) {
  // Signalled once the lock is released: a session that ends meanwhile
  // removes itself, under the lock.
  std::vector<std::function<void(client_signal)>> matched;
  {
    std::lock_guard lock{mu_};
    for (auto& [id, e] : entries_)
      if (match(snapshot(*e)))
        matched.push_back(e->signal);
  }
  for (auto& signal : matched)
    signal(client_signal::kill);
  return matched.size();
}

bool client_registry::unblock(int64_t id, bool error) {
  std::function<void(client_signal)> signal;
  {
    std::lock_guard lock{mu_};
    auto it = entries_.find(id);
    if (it == entries_.end() || !it->second->info.blocked)
      return false;
    // Claimed here: a second UNBLOCK before the session answers finds it
    // no longer blocked.
    it->second->info.blocked = false;
    signal = it->second->signal;
  }
  signal(error ? client_signal::unblock_error : client_signal::unblock_timeout);
  return true;
}

std::string socket_address(int fd, bool local) {
  sockaddr_storage ss{};
  socklen_t len = sizeof(ss);
  auto* sa = reinterpret_cast<sockaddr*>(&ss);
  if ((local ? ::getsockname(fd, sa, &len) : ::getpeername(fd, sa, &len)) != 0)
    return "?:0";
  char ip[INET6_ADDRSTRLEN] = {};
  if (ss.ss_family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(&ss);
    ::inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
    return std::string{ip} + ":" + std::to_string(ntohs(in->sin_port));
  }
  if (ss.ss_family == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&ss);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
    return "[" + std::string{ip} + "]:" + std::to_string(ntohs(in6->sin6_port));
  }
  return "?:0";
}

std::string client_line(const client_info& c, steady::time_point now) {
  using std::chrono::duration_cast;
  using std::chrono::seconds;
  std::string flags;
  if (c.blocked)
    flags += 'b';
  if (c.sub + c.psub > 0)
    flags += 'P';
  if (c.multi >= 0)
    flags += 'x';
  if (flags.empty())
    flags = "N";
  return "id=" + std::to_string(c.id) + " addr=" + c.addr + " laddr=" + c.laddr
         + " fd=" + std::to_string(c.fd) + " name=" + c.name
         + " age=" + std::to_string(duration_cast<seconds>(now - c.opened).count())
         + " idle=" + std::to_string(duration_cast<seconds>(now - c.last_command).count())
         + " flags=" + flags + " db=0 sub=" + std::to_string(c.sub)
         + " psub=" + std::to_string(c.psub) + " ssub=0 multi=" + std::to_string(c.multi)
         + " cmd=" + (c.command != nullptr ? c.command : "NULL")
         + " user=" + c.user + " redir=-1 resp=" + (c.resp3 ? "3" : "2");
}

} // namespace troupe::node
