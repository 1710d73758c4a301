// node_fixture: a real troupe-node in a temp directory plus a CAF actor
// system for clients. Restart keeps the data directory.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>

#include "client/sync_client.hpp"
#include "tests/support/node_process.hpp"
#include "tests/support/temp_dir.hpp"

namespace troupe::test {

/// The value of a successful call; fails the test with the error otherwise.
template <class T>
T must(result<T> r) {
  BOOST_TEST_REQUIRE(r.ok(), r.error().to_string());
  return std::move(*r);
}

inline void must_ok(const status& st) {
  BOOST_TEST_REQUIRE(st.ok(), st.to_string());
}

struct node_fixture {
  explicit node_fixture(std::string durability = "os", std::vector<std::string> extra = {})
    : durability_(std::move(durability)), extra_(std::move(extra)) {
    cfg.load<caf::io::middleman>();
    cfg.set("scheduler.max-threads", 2);
    sys = std::make_unique<caf::actor_system>(cfg);
    start();
  }

  ~node_fixture() {
    if (node && node->running()) {
      auto rc = node->terminate();
      BOOST_TEST(rc == 0, "the node exited " << rc << "; its log:\n" << node->log());
    }
  }

  void start() { node = std::make_unique<node_process>(dir.sub("data"), durability_, extra_); }

  /// SIGTERM and start again over the same data.
  void restart() {
    BOOST_TEST_REQUIRE(node->terminate() == 0, node->log());
    start();
  }

  std::unique_ptr<client::sync_client> connect(const std::string& token = {}) {
    auto c = try_connect(token);
    BOOST_TEST_REQUIRE(c.ok(), c.error().to_string());
    return std::move(*c);
  }

  result<std::unique_ptr<client::sync_client>> try_connect(const std::string& token = {}) {
    client::connect_options opts;
    opts.port = node->port();
    opts.token = token;
    return client::sync_client::connect(*sys, opts);
  }

  temp_dir dir;
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::unique_ptr<node_process> node;

private:
  std::string durability_;
  std::vector<std::string> extra_;
};

} // namespace troupe::test
