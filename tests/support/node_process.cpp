#include "tests/support/node_process.hpp"

#include <array>
#include <cstdlib>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace troupe::test {

namespace {

constexpr int ready_timeout_ms = 60'000;

} // namespace

node_process::node_process(std::string data_dir, std::string durability,
                           std::vector<std::string> extra, std::vector<std::string> env,
                           std::string ready_marker)
  : data_dir_(std::move(data_dir)), log_path_(data_dir_ + ".log") {
  std::vector<std::string> args{TROUPE_NODE_BIN, "--listen", "127.0.0.1:0", "--data-dir",
                                data_dir_,       "--durability", durability,
                                "--log-level",   "info",       "--workers", "2"};
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
    int log = open(log_path_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (log >= 0)
      dup2(log, STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    for (auto& e : env) {
      if (e.rfind("RLIMIT_NOFILE=", 0) == 0) {
        rlim_t n = std::stoul(e.substr(e.find('=') + 1));
        rlimit lim{n, n};
        setrlimit(RLIMIT_NOFILE, &lim);
      } else {
        putenv(e.data());
      }
    }
    std::vector<char*> argv;
    for (auto& a : args)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  out_fd_ = out[0];
  read_until(ready_marker);
}

void node_process::read_until(const std::string& marker) {
  std::string line;
  char c;
  pollfd pfd{out_fd_, POLLIN, 0};
  while (true) {
    int r = poll(&pfd, 1, ready_timeout_ms);
    if (r <= 0) {
      close_output();
      kill_hard();
      throw std::runtime_error("troupe-node did not print '" + marker + "': " + log());
    }
    auto n = read(out_fd_, &c, 1);
    if (n <= 0) {
      close_output();
      wait_exit();
      throw std::runtime_error("troupe-node exited before it printed '" + marker + "': " + log());
    }
    if (c != '\n') {
      line.push_back(c);
      continue;
    }
    auto port_after = [&](const std::string& prefix, uint16_t& port) {
      if (line.rfind(prefix, 0) == 0)
        port = static_cast<uint16_t>(std::stoul(line.substr(line.rfind(':') + 1)));
    };
    port_after("troupe-node resp ", resp_port_);
    port_after("troupe-node cluster ", cluster_port_);
    port_after("troupe-node admin ", admin_port_);
    port_after("troupe-node ready ", port_);
    port_after("troupe-node joining ", cluster_port_);
    if (line.rfind(marker, 0) == 0)
      break;
    line.clear();
  }
  if (marker == "troupe-node ready ")
    close_output();
}

void node_process::wait_ready() {
  if (out_fd_ >= 0)
    read_until("troupe-node ready ");
}

void node_process::close_output() {
  if (out_fd_ >= 0)
    close(out_fd_);
  out_fd_ = -1;
}

node_process::~node_process() {
  close_output();
  if (running())
    kill_hard();
}

int node_process::wait_exit() {
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int node_process::terminate() {
  if (!running())
    return -1;
  kill(pid_, SIGTERM);
  return wait_exit();
}

int node_process::terminate_within(int ms) {
  if (!running())
    return -1;
  // A pidfd becomes readable when the process exits.
  int fd = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
  kill(pid_, SIGTERM);
  if (fd < 0)
    return wait_exit();
  pollfd pfd{fd, POLLIN, 0};
  int ready = poll(&pfd, 1, ms);
  close(fd);
  if (ready > 0)
    return wait_exit();
  append_stacks_to_log();
  kill_hard();
  return -2;
}

void node_process::append_stacks_to_log() {
  // A node that does not stop is a bug to find: its threads' stacks go into
  // its log, which the failing test prints (when gdb is installed).
  if (std::system("command -v gdb >/dev/null 2>&1") != 0)
    return;
  std::string cmd = "gdb -p " + std::to_string(pid_)
                    + " -batch -ex 'thread apply all bt' >>" + log_path_ + " 2>&1";
  int status = std::system(cmd.c_str());
  (void)status;  // best effort: the stacks are a diagnosis, not a result
}

void node_process::kill_hard() {
  if (!running())
    return;
  kill(pid_, SIGKILL);
  wait_exit();
}

void node_process::pause() {
  if (running())
    kill(pid_, SIGSTOP);
}

void node_process::resume() {
  if (running())
    kill(pid_, SIGCONT);
}

std::string node_process::log() const {
  std::ifstream in{log_path_};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::pair<int, std::string> run_command(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (p == nullptr)
    return {-1, out};
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
    out.append(buf.data(), n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

} // namespace troupe::test
