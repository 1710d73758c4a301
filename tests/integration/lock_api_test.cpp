// Cron locks through real troupe-node processes, on a manual clock.
#include <boost/test/unit_test.hpp>

#include "tests/support/node_fixture.hpp"

using namespace troupe;
using troupe::test::node_fixture;

namespace lock_test {

using troupe::test::must;
struct clocked_node : node_fixture {
  clocked_node() : node_fixture("fsync", {"--manual-clock"}) {}
};

} // namespace lock_test

using namespace lock_test;

BOOST_AUTO_TEST_SUITE(lock_api)

BOOST_AUTO_TEST_CASE(one_holder_at_a_time_with_increasing_fencing_tokens) {
  clocked_node f;
  auto a = f.connect();
  auto b = f.connect();
  auto first = must(a->lock_acquire("daily-report", 300000, "instance-a"));
  BOOST_TEST(first.granted);
  BOOST_TEST(first.lock.fencing_token == 1u);
  BOOST_TEST(first.lock.expires_at_ms - first.lock.acquired_at_ms == 300000);
  auto refused = must(b->lock_acquire("daily-report", 300000, "instance-b"));
  BOOST_TEST(!refused.granted);
  BOOST_TEST(refused.lock.instance_id == "instance-a");
  BOOST_TEST(must(b->lock_acquire("other-job", 1000, "instance-b")).granted);

  // Only the owner can release; then the lock is free, with a new token.
  BOOST_TEST(!must(b->lock_release("daily-report", first.lock.lock_id, "instance-b")));
  BOOST_TEST(!must(a->lock_release("daily-report", "not-the-id", "instance-a")));
  BOOST_TEST(must(a->lock_release("daily-report", first.lock.lock_id, "instance-a")));
  auto second = must(b->lock_acquire("daily-report", 300000, "instance-b"));
  BOOST_TEST(second.granted);
  BOOST_TEST(second.lock.fencing_token == 2u);
  BOOST_TEST(second.lock.lock_id != first.lock.lock_id);
  auto locks = must(a->active_locks());
  BOOST_REQUIRE(locks.size() == 2u);
  BOOST_TEST(locks[0].job == "daily-report");
  BOOST_TEST(locks[1].job == "other-job");
}

BOOST_AUTO_TEST_CASE(expired_locks_are_taken_over_and_renewal_extends) {
  clocked_node f;
  auto a = f.connect();
  auto b = f.connect();
  auto lock = must(a->lock_acquire("job", 1000, "a")).lock;
  BOOST_TEST(must(a->lock_renew("job", lock.lock_id, 5000)));
  BOOST_TEST(a->advance_clock(4999).ok());
  BOOST_TEST(!must(b->lock_acquire("job", 1000, "b")).granted);
  BOOST_TEST(a->advance_clock(1).ok());
  BOOST_TEST(!must(a->lock_renew("job", lock.lock_id, 5000)));  // expired: not ours any more
  auto taken = must(b->lock_acquire("job", 1000, "b"));
  BOOST_TEST(taken.granted);
  BOOST_TEST(taken.lock.fencing_token == 2u);
  BOOST_TEST(!must(a->lock_release("job", lock.lock_id, "a")));
  BOOST_TEST(must(a->active_locks()).size() == 1u);
}

BOOST_AUTO_TEST_CASE(release_with_a_hold_keeps_the_tick_taken) {
  clocked_node f;
  auto a = f.connect();
  auto b = f.connect();
  auto lock = must(a->lock_acquire("every-minute", 300000, "a")).lock;
  // Finished at once, but the tick stays taken for 60 s after acquisition.
  BOOST_TEST(must(a->lock_release("every-minute", lock.lock_id, "a", lock.acquired_at_ms + 60000)));
  BOOST_TEST(!must(b->lock_acquire("every-minute", 300000, "b")).granted);
  BOOST_TEST(a->advance_clock(60000).ok());
  BOOST_TEST(must(b->lock_acquire("every-minute", 300000, "b")).granted);
}

BOOST_AUTO_TEST_CASE(fencing_tokens_survive_a_restart) {
  node_fixture f{"fsync"};
  {
    auto c = f.connect();
    auto l = must(c->lock_acquire("job", 60000, "a")).lock;
    BOOST_TEST(must(c->lock_release("job", l.lock_id, "a")));
    BOOST_TEST(must(c->lock_acquire("job", 60000, "a")).lock.fencing_token == 2u);
  }
  f.restart();
  auto c = f.connect();
  BOOST_TEST(!must(c->lock_acquire("job", 60000, "b")).granted);  // still held
  BOOST_TEST(must(c->active_locks()).size() == 1u);
}

BOOST_AUTO_TEST_CASE(bad_lock_requests_are_refused) {
  node_fixture f;
  auto c = f.connect();
  BOOST_TEST((c->lock_acquire("", 1000, "a").error().code == error_code::invalid_argument));
  BOOST_TEST((c->lock_acquire("job", 0, "a").error().code == error_code::invalid_argument));
  BOOST_TEST((c->lock_acquire("job", 1000, "").error().code == error_code::invalid_argument));
  BOOST_TEST((c->lock_acquire(std::string(2000, 'j'), 1000, "a").error().code
              == error_code::too_large));
  BOOST_TEST(must(c->active_locks()).empty());
  auto cli = std::string{TROUPE_CLI_BIN} + " --node 127.0.0.1:" + std::to_string(f.node->port());
  must(c->lock_acquire("job", 60000, "a"));
  auto [rc, out] = test::run_command(cli + " locks");
  BOOST_TEST(rc == 0);
  BOOST_TEST(out.find("\"jobName\":\"job\",\"instanceId\":\"a\"") != std::string::npos);
  BOOST_TEST(out.find("\"fencingToken\":1") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
