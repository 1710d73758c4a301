// redis_process: a redis-server child process on a free loopback port, for
// tests that compare Troupe's RESP door with Redis reply for reply. No
// persistence; killed and reaped by the destructor, and killed with the
// test process (PR_SET_PDEATHSIG).
#pragma once

#include <cstdint>
#include <string>
#include <sys/types.h>
#include <vector>

namespace troupe::test {

class redis_process {
public:
  /// Starts redis-server with `extra` settings ("--name", "value", ...) and
  /// returns once it accepts connections. Throws std::runtime_error when
  /// redis-server is missing or does not start.
  explicit redis_process(std::vector<std::string> extra = {});
  ~redis_process();
  redis_process(const redis_process&) = delete;
  redis_process& operator=(const redis_process&) = delete;

  uint16_t port() const { return port_; }

private:
  bool start(const std::vector<std::string>& extra);
  void stop();
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  std::string output_;
};

} // namespace troupe::test
