// A Troupe node with a RESP door and a redis-server started side by side,
// for tests that send both the same commands and compare the raw replies.
#pragma once

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/node_process.hpp"
#include "tests/support/redis_process.hpp"
#include "tests/support/resp_conn.hpp"
#include "tests/support/temp_dir.hpp"

namespace troupe::test {

/// A Troupe node with a RESP door and a redis-server, side by side.
struct peers {
  explicit peers(const std::string& script_budget_ms = "200")
    : redis({"--busy-reply-threshold", script_budget_ms}),
      node(dir.sub("data"), "os",
           {"--resp-listen", "127.0.0.1:0", "--script-time-limit-ms", script_budget_ms}),
      to_redis(redis.port()),
      to_troupe(node.resp_port()) {}
  ~peers() {
    if (node.running())
      BOOST_TEST(node.terminate() == 0);
  }

  /// Sends `args` to both; checks the replies are the same and returns it.
  std::string same(const std::vector<std::string>& args) {
    auto expected = to_redis.call(args);
    auto got = to_troupe.call(args);
    BOOST_TEST(got == expected,
               "for " << describe(args) << "\n redis:  " << expected << " troupe: " << got);
    return got;
  }

  /// Like same() for a pipeline of commands.
  void same_pipelined(const std::vector<std::vector<std::string>>& commands) {
    for (auto& c : commands) {
      to_redis.send(c);
      to_troupe.send(c);
    }
    for (auto& c : commands)
      BOOST_TEST(to_troupe.read() == to_redis.read(), "for " << describe(c));
  }

  static std::string describe(const std::vector<std::string>& args) {
    std::string out;
    for (auto& a : args)
      out += (out.empty() ? "" : " ") + a.substr(0, 60);
    return out;
  }

  temp_dir dir;
  redis_process redis;
  node_process node;
  resp_conn to_redis;
  resp_conn to_troupe;
};

} // namespace troupe::test
