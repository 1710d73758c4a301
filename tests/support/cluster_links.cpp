#include "tests/support/cluster_links.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <dirent.h>
#include <filesystem>
#include <fstream>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <unistd.h>

namespace troupe::test {

namespace {

sockaddr_in loopback(uint16_t port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  return addr;
}

uint16_t local_port(int fd, bool peer) {
  sockaddr_in addr{};
  socklen_t len = sizeof addr;
  auto* sa = reinterpret_cast<sockaddr*>(&addr);
  if ((peer ? getpeername(fd, sa, &len) : getsockname(fd, sa, &len)) != 0)
    return 0;
  return ntohs(addr.sin_port);
}

bool write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    auto n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

/// The inode of the IPv4 socket from local `port` to remote `remote`, 0 if
/// none.
unsigned long socket_inode(uint16_t port, uint16_t remote) {
  std::ifstream in{"/proc/net/tcp"};
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    unsigned local = 0, rem = 0;
    unsigned long inode = 0;
    if (std::sscanf(line.c_str(), " %*d: %*x:%x %*x:%x %*x %*x:%*x %*x:%*x %*x %*u %*u %lu",
                    &local, &rem, &inode) == 3
        && local == port && rem == remote)
      return inode;
  }
  return 0;
}

bool owns_socket(pid_t pid, unsigned long inode) {
  auto want = "socket:[" + std::to_string(inode) + "]";
  std::error_code ec;
  for (auto& fd : std::filesystem::directory_iterator{"/proc/" + std::to_string(pid) + "/fd", ec}) {
    auto target = std::filesystem::read_symlink(fd.path(), ec);
    if (!ec && target.string() == want)
      return true;
  }
  return false;
}

} // namespace

cluster_links::cluster_links(std::vector<uint16_t> cluster_ports)
  : forwarders_(cluster_ports.size()), pids_(cluster_ports.size(), 0) {
  for (size_t i = 0; i < cluster_ports.size(); ++i) {
    auto& f = forwarders_[i];
    f.target = cluster_ports[i];
    f.listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    auto addr = loopback(0);
    if (f.listen_fd < 0 || bind(f.listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0
        || listen(f.listen_fd, 64) != 0)
      throw std::runtime_error("cluster_links: cannot listen on loopback");
    f.port = local_port(f.listen_fd, false);
  }
  for (size_t i = 0; i < forwarders_.size(); ++i)
    forwarders_[i].acceptor = std::thread{[this, i] { accept_loop(i); }};
}

cluster_links::~cluster_links() {
  stopping_ = true;
  for (auto& f : forwarders_)
    shutdown(f.listen_fd, SHUT_RDWR); // ends a blocked accept
  for (auto& f : forwarders_)
    if (f.acceptor.joinable())
      f.acceptor.join();
  {
    std::lock_guard guard{mutex_};
    for (auto& l : links_)
      for (int fd : {l.outer, l.inner})
        if (fd >= 0)
          shutdown(fd, SHUT_RDWR);
  }
  for (auto& l : links_) {
    for (auto& t : l.pumps)
      if (t.joinable())
        t.join();
    for (int fd : {l.outer, l.inner})
      if (fd >= 0)
        close(fd);
  }
  for (auto& f : forwarders_)
    close(f.listen_fd);
}

std::vector<uint16_t> cluster_links::ports() const {
  std::vector<uint16_t> out;
  for (auto& f : forwarders_)
    out.push_back(f.port);
  return out;
}

void cluster_links::track(size_t node, pid_t pid) {
  std::lock_guard guard{mutex_};
  pids_.at(node) = pid;
}

void cluster_links::isolate(size_t node) {
  std::lock_guard guard{mutex_};
  isolated_ = node;
  for (auto& l : links_) {
    // A link dialed before its node was tracked (a node dials as it starts).
    if (l.ended || l.silent)
      continue;
    if (l.from == nobody)
      l.from = dialer(l.dial_port, forwarders_[l.to].port, pids_);
    if (touches_cut(l)) {
      l.silent = true;
      ++silenced_;
    }
  }
}

void cluster_links::heal() {
  std::lock_guard guard{mutex_};
  isolated_ = nobody;
  for (auto& l : links_)
    if (l.silent)
      for (int fd : {l.outer, l.inner})
        if (fd >= 0)
          shutdown(fd, SHUT_RDWR);
}

size_t cluster_links::links_opened() const {
  std::lock_guard guard{mutex_};
  return opened_;
}

size_t cluster_links::links_silenced() const {
  std::lock_guard guard{mutex_};
  return silenced_;
}

bool cluster_links::touches_cut(const link& l) const {
  return isolated_ != nobody && (l.from == isolated_ || l.to == isolated_);
}

size_t cluster_links::dialer(uint16_t port, uint16_t remote, const std::vector<pid_t>& pids) {
  auto inode = socket_inode(port, remote);
  if (inode == 0)
    return nobody;
  for (size_t i = 0; i < pids.size(); ++i)
    if (pids[i] > 0 && owns_socket(pids[i], inode))
      return i;
  return nobody;
}

void cluster_links::accept_loop(size_t node) {
  auto& f = forwarders_[node];
  while (!stopping_) {
    int fd = accept(f.listen_fd, nullptr, nullptr);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED)
        continue;
      return; // shut down
    }
    auto dial_port = local_port(fd, true);
    std::vector<pid_t> pids;
    {
      std::lock_guard guard{mutex_};
      pids = pids_;
    }
    auto from = dialer(dial_port, f.port, pids);
    std::lock_guard guard{mutex_};
    auto& l = links_.emplace_back();
    l.outer = fd;
    l.dial_port = dial_port;
    l.from = from;
    l.to = node;
    if (touches_cut(l)) {
      // Accepted and never answered while the cut lasts.
      l.silent = true;
      ++silenced_;
      l.pumps[0] = std::thread{[this, &l] { pump(l, l.outer, -1); }};
      continue;
    }
    l.inner = socket(AF_INET, SOCK_STREAM, 0);
    auto addr = loopback(f.target);
    if (l.inner < 0 || connect(l.inner, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      shutdown(l.outer, SHUT_RDWR); // the node is down: so is the link
      continue;
    }
    ++opened_;
    l.pumps[0] = std::thread{[this, &l] { pump(l, l.outer, l.inner); }};
    l.pumps[1] = std::thread{[this, &l] { pump(l, l.inner, l.outer); }};
  }
}

void cluster_links::pump(link& l, int src, int dst) {
  char buf[64 * 1024];
  for (;;) {
    auto n = ::read(src, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    if (l.silent || dst < 0)
      continue; // dropped
    if (!write_all(dst, buf, static_cast<size_t>(n)))
      break;
  }
  // One end went away: so does the link, unless it is silenced (then the
  // other end hears nothing until the cut heals).
  l.ended = true;
  if (!l.silent)
    for (int fd : {l.outer, l.inner})
      if (fd >= 0)
        shutdown(fd, SHUT_RDWR);
}

} // namespace troupe::test
