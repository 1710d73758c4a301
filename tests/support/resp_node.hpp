// resp_node: a troupe-node with its RESP door open and a manual clock, in a
// temporary directory, stopped cleanly at the end of a test.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/node_process.hpp"
#include "tests/support/resp_conn.hpp"
#include "tests/support/temp_dir.hpp"

namespace troupe::test {

struct resp_node {
  explicit resp_node(std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--resp-listen", "127.0.0.1:0", "--manual-clock"});
    node = std::make_unique<node_process>(dir.sub("data"), "os", extra);
    BOOST_TEST_REQUIRE(node->resp_port() != 0);
  }
  ~resp_node() {
    if (node->running())
      BOOST_TEST(node->terminate() == 0);
  }
  resp_conn connect() { return resp_conn{node->resp_port()}; }

  temp_dir dir;
  std::unique_ptr<node_process> node;
};

/// Waits (by asking, never by sleeping) until `n` clients are blocked.
inline void await_blocked(resp_conn& c, int n) {
  auto wanted = "blocked_clients:" + std::to_string(n) + "\r\n";
  for (int i = 0; i < 10'000; ++i)
    if (c.call({"INFO", "clients"}).find(wanted) != std::string::npos)
      return;
  BOOST_FAIL("never saw " + wanted);
}

} // namespace troupe::test
