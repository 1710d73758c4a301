// node_process: a real troupe-node child process for integration tests.
// Starts it on 127.0.0.1 port 0 (the OS picks a free port), waits for its
// "troupe-node ready HOST:PORT" line, and always reaps it: the destructor
// kills a node that is still running, and the child dies with the test
// process (PR_SET_PDEATHSIG).
#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

namespace troupe::test {

class node_process {
public:
  /// Starts a node over `data_dir` with durability `durability` plus `extra`
  /// flags and `env` ("NAME=value") variables ("RLIMIT_NOFILE=N" sets the
  /// node's file limit instead, soft and hard), and returns once it printed
  /// `ready_marker` (its ready line by default; "troupe-node joining " for a
  /// node still waiting to join). Throws std::runtime_error (with the
  /// node's log) when it fails.
  explicit node_process(std::string data_dir, std::string durability = "os",
                        std::vector<std::string> extra = {},
                        std::vector<std::string> env = {},
                        std::string ready_marker = "troupe-node ready ");
  ~node_process();
  node_process(const node_process&) = delete;
  node_process& operator=(const node_process&) = delete;

  uint16_t port() const { return port_; }
  /// The RESP port (0 unless started with --resp-listen).
  uint16_t resp_port() const { return resp_port_; }
  /// The admin (HTTP) port (0 unless started with --admin-listen).
  uint16_t admin_port() const { return admin_port_; }
  /// The cluster port (0 unless started with --cluster-listen).
  uint16_t cluster_port() const { return cluster_port_; }
  pid_t pid() const { return pid_; }
  /// After a start that returned at another marker: waits for the ready
  /// line (the port is known from then on). Throws like the constructor.
  void wait_ready();
  bool running() const { return pid_ > 0; }

  /// SIGTERM, then waits; returns the exit status (-1 if killed by a signal).
  int terminate();
  /// SIGTERM, then waits at most `ms`; past it, the node's thread stacks go
  /// into its log (gdb permitting), then SIGKILL and -2.
  int terminate_within(int ms);
  /// SIGKILL, then waits.
  void kill_hard();
  /// SIGSTOP: the node freezes, its sockets stay open.
  void pause();
  /// SIGCONT.
  void resume();
  /// The node's stderr so far.
  std::string log() const;

private:
  int wait_exit();
  void append_stacks_to_log();
  void read_until(const std::string& marker);
  void close_output();
  int out_fd_ = -1; ///< the node's stdout, until its ready line
  std::string data_dir_;
  std::string log_path_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  uint16_t resp_port_ = 0;
  uint16_t cluster_port_ = 0;
  uint16_t admin_port_ = 0;
};

/// Runs a command line with /bin/sh, returns {exit status, stdout}.
std::pair<int, std::string> run_command(const std::string& command);

} // namespace troupe::test
