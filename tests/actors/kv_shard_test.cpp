// kv_shard internals that the RESP front door cannot observe: the sweep of
// fields left behind by expired hashes.
#include "actors/kv_shard.hpp"

#include <atomic>

#include <boost/test/unit_test.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/partition_log.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe;
using namespace troupe::actors;

namespace {

struct kv_fixture {
  kv_fixture() {
    cfg.load<caf::io::middleman>();
    cfg.set("scheduler.max-threads", 2);
    sys = std::make_unique<caf::actor_system>(cfg);
    storage::db_options opts;
    opts.path = dir.path();
    opts.clock = [this] { return now.load(); };
    std::string error;
    db = storage::db::open(opts, error);
    BOOST_TEST_REQUIRE(db != nullptr, error);
    kv_limits limits;
    limits.sweep_interval = std::chrono::hours{1};  // the test sweeps by hand
    limits.sweep_batch = 3;
    log = std::make_unique<partition_log>(*db, partition);
    shard = spawn_kv_shard(*sys, *log, limits, shard_placement::workers);
    self = std::make_unique<caf::scoped_actor>(*sys);
  }

  ~kv_fixture() {
    caf::anon_send_exit(shard, caf::exit_reason::user_shutdown);
    self.reset();
    sys.reset();
    log.reset();
    db.reset();
  }

  /// Runs a command; returns its RESP reply.
  std::string run(std::vector<std::string> args) {
    v1::Request req;
    for (auto& a : args)
      req.mutable_kv_command()->add_args(a);
    v1::Response out;
    (*self)->request(shard, std::chrono::seconds{10},
                  protocol::request_msg{std::make_shared<v1::Request>(req)})
      .receive([&](protocol::response_msg& r) { out = *r.body; },
               [&](caf::error& err) { BOOST_FAIL("shard error: " + sys->render(err)); });
    return out.kv().resp();
  }

  /// Field records stored in the partition, whatever their hash's state.
  size_t stored_fields() {
    auto prefix = storage::kv_fields_prefix(partition);
    size_t n = 0;
    auto cur = db->new_cursor(storage::column::kv);
    for (cur->seek(prefix); cur->valid() && cur->key().substr(0, prefix.size()) == prefix;
         cur->next())
      ++n;
    return n;
  }

  test::temp_dir dir;
  std::atomic<int64_t> now{1'000'000};
  partition_id partition{5};
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::unique_ptr<storage::db> db;
  std::unique_ptr<partition_log> log;
  kv_shard_actor shard;
  std::unique_ptr<caf::scoped_actor> self;
};

} // namespace

BOOST_AUTO_TEST_SUITE(kv_shard)

BOOST_FIXTURE_TEST_CASE(sweep_removes_fields_of_hashes_that_are_gone, kv_fixture) {
  BOOST_TEST(run({"hset", "gone", "a", "1", "b", "2", "c", "3", "d", "4"}) == ":4\r\n");
  BOOST_TEST(run({"hset", "kept", "a", "1", "b", "2"}) == ":2\r\n");
  BOOST_TEST(run({"expire", "gone", "10"}) == ":1\r\n");
  now += 10'000;
  BOOST_TEST(db->compact().ok);  // drops the expired key record, not its fields
  BOOST_TEST(run({"hgetall", "gone"}) == "*0\r\n");
  BOOST_TEST(stored_fields() == 6u);
  // Each sweep examines 3 records; the same sender's next request follows it.
  for (int i = 0; i < 3; ++i) {
    (*self)->send(caf::actor_cast<caf::actor>(shard), sweep_atom::value);
    run({"exists", "x"});
  }
  BOOST_TEST(stored_fields() == 2u);
  BOOST_TEST(run({"hlen", "kept"}) == ":2\r\n");
}

BOOST_FIXTURE_TEST_CASE(sweep_keeps_the_elements_of_every_live_collection, kv_fixture) {
  BOOST_TEST(run({"hset", "h", "f", "v"}) == ":1\r\n");
  BOOST_TEST(run({"rpush", "l", "a", "b"}) == ":2\r\n");
  BOOST_TEST(run({"sadd", "s", "m"}) == ":1\r\n");
  BOOST_TEST(run({"zadd", "z", "1", "m"}) == ":1\r\n");
  BOOST_TEST(run({"rpush", "gone", "x"}) == ":1\r\n");
  BOOST_TEST(run({"pexpire", "gone", "5"}) == ":1\r\n");
  now += 5;
  BOOST_TEST(db->compact().ok);
  BOOST_TEST(stored_fields() == 7u);  // h 1, l 2, s 1, z 2 (member and order), gone 1
  for (int i = 0; i < 4; ++i) {
    (*self)->send(caf::actor_cast<caf::actor>(shard), sweep_atom::value);
    run({"exists", "x"});
  }
  BOOST_TEST(stored_fields() == 6u);
  BOOST_TEST(run({"lrange", "l", "0", "-1"}) == "*2\r\n$1\r\na\r\n$1\r\nb\r\n");
  BOOST_TEST(run({"smembers", "s"}) == "*1\r\n$1\r\nm\r\n");
  BOOST_TEST(run({"zrange", "z", "0", "-1"}) == "*1\r\n$1\r\nm\r\n");
  BOOST_TEST(run({"hget", "h", "f"}) == "$1\r\nv\r\n");
}

BOOST_FIXTURE_TEST_CASE(a_new_hash_does_not_inherit_expired_fields, kv_fixture) {
  BOOST_TEST(run({"hset", "h", "old", "1"}) == ":1\r\n");
  BOOST_TEST(run({"pexpire", "h", "5"}) == ":1\r\n");
  now += 5;
  BOOST_TEST(db->compact().ok);
  BOOST_TEST(run({"hset", "h", "new", "2"}) == ":1\r\n");
  BOOST_TEST(run({"hgetall", "h"}) == "*2\r\n$3\r\nnew\r\n$1\r\n2\r\n");
  BOOST_TEST(run({"hlen", "h"}) == ":1\r\n");
  BOOST_TEST(stored_fields() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
