#include "tests/support/redis_process.hpp"

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace troupe::test {

namespace {

constexpr int ready_timeout_ms = 30'000;

/// A loopback port the OS says is free now.
uint16_t free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(addr);
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0
      || getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    if (fd >= 0)
      close(fd);
    throw std::runtime_error("no free loopback port");
  }
  close(fd);
  return ntohs(addr.sin_port);
}

} // namespace

redis_process::redis_process(std::vector<std::string> extra) {
  // Another process may take the port between the look and redis-server's
  // bind: then it exits at once, and a new port is tried.
  for (int attempt = 0; attempt < 5; ++attempt)
    if (start(extra))
      return;
  throw std::runtime_error("redis-server did not start (is it installed? "
                           "deploy/install-deps.sh test): "
                           + output_);
}

bool redis_process::start(const std::vector<std::string>& extra) {
  port_ = free_port();
  std::vector<std::string> args{TROUPE_REDIS_SERVER, "--port", std::to_string(port_),
                                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                "--daemonize", "no"};
  args.insert(args.end(), extra.begin(), extra.end());
  int out[2];
  if (pipe(out) != 0)
    throw std::runtime_error("pipe failed");
  auto parent = getpid();
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
      _exit(127);
    dup2(out[1], STDOUT_FILENO);
    dup2(out[1], STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  output_.clear();
  pollfd pfd{out[0], POLLIN, 0};
  bool ready = false;
  char buf[4096];
  while (!ready && poll(&pfd, 1, ready_timeout_ms) > 0) {
    auto n = read(out[0], buf, sizeof(buf));
    if (n <= 0)
      break;
    output_.append(buf, static_cast<size_t>(n));
    ready = output_.find("Ready to accept connections") != std::string::npos;
  }
  // redis-server keeps logging to the pipe: leave it open would block it once
  // full, so its further output goes nowhere.
  close(out[0]);
  if (!ready)
    stop();
  return ready;
}

void redis_process::stop() {
  if (pid_ <= 0)
    return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

redis_process::~redis_process() {
  stop();
}

} // namespace troupe::test
