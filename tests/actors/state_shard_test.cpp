#include "actors/state_shard.hpp"

#include <atomic>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>
#include <caf/scoped_actor.hpp>

#include "actors/partition_log.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "tests/support/temp_dir.hpp"

using namespace troupe;
using namespace troupe::actors;

namespace shard_test {

/// One shard over a real RocksDB with a manual clock.
struct shard_fixture {
  explicit shard_fixture(shard_placement placement = shard_placement::workers,
                         storage::durability mode = storage::durability::fsync) {
    cfg.load<caf::io::middleman>();
    cfg.set("scheduler.max-threads", 2);
    sys = std::make_unique<caf::actor_system>(cfg);
    storage::db_options opts;
    opts.path = dir.path();
    opts.mode = mode;
    opts.clock = [this] { return now.load(); };
    std::string error;
    db = storage::db::open(opts, error);
    BOOST_TEST_REQUIRE(db != nullptr, error);
    state_limits limits;
    limits.max_key_bytes = 16;
    limits.max_value_bytes = 64;
    log = std::make_unique<partition_log>(*db, partition_id{3});
    shard = spawn_state_shard(*sys, *log, limits, placement);
  }

  ~shard_fixture() {
    caf::anon_send_exit(shard, caf::exit_reason::user_shutdown);
    sys.reset();
    log.reset();
    db.reset();
  }

  v1::Response call(const v1::Request& req) {
    caf::scoped_actor self{*sys};
    v1::Response out;
    self->request(shard, std::chrono::seconds{10}, request_msg{std::make_shared<v1::Request>(req)})
      .receive([&](response_msg& r) { out = *r.body; },
               [&](caf::error& err) { BOOST_FAIL("shard error: " + sys->render(err)); });
    return out;
  }

  v1::Response set(const std::string& trace, const std::string& key, const std::string& json,
                   std::optional<uint64_t> expected = {}, uint64_t ttl_ms = 0) {
    v1::Request r;
    auto* s = r.mutable_state_set();
    s->set_trace_id(trace);
    s->set_key(key);
    s->set_value(json);
    s->set_ttl_ms(ttl_ms);
    if (expected)
      s->set_expected_revision(*expected);
    return call(r);
  }

  v1::Value get(const std::string& trace, const std::string& key) {
    v1::Request r;
    r.mutable_state_get()->set_trace_id(trace);
    r.mutable_state_get()->set_key(key);
    auto resp = call(r);
    BOOST_TEST_REQUIRE(!resp.has_error(), resp.error().message());
    return resp.value();
  }

  std::vector<std::string> trace_ids() {
    v1::Request r;
    r.mutable_state_trace_ids();
    auto resp = call(r);
    return {resp.names().names().begin(), resp.names().names().end()};
  }

  test::temp_dir dir;
  std::atomic<int64_t> now{1'000'000};
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::unique_ptr<storage::db> db;
  std::unique_ptr<partition_log> log;
  state_shard_actor shard;
};

} // namespace shard_test

using shard_test::shard_fixture;

namespace troupe::actors {
std::ostream& operator<<(std::ostream& out, shard_placement p) {
  return out << (p == shard_placement::workers ? "workers" : "io_thread");
}
} // namespace troupe::actors

BOOST_AUTO_TEST_SUITE(state_shard)

const shard_placement placements[] = {shard_placement::workers, shard_placement::io_thread};

BOOST_DATA_TEST_CASE(compare_and_set_accepts_current_revision_only,
                     boost::unit_test::data::make(placements), placement) {
  shard_fixture f{placement};
  auto created = f.set("t", "k", "1", uint64_t{0});  // 0: must not exist
  BOOST_TEST_REQUIRE(!created.has_error());
  auto rev = created.set().revision();
  auto again = f.set("t", "k", "2", uint64_t{0});
  BOOST_TEST(again.error().code() == v1::CONFLICT);
  auto stale = f.set("t", "k", "3", rev + 7);
  BOOST_TEST(stale.error().code() == v1::CONFLICT);
  BOOST_TEST(f.get("t", "k").value() == "1");  // refused writes store nothing
  auto ok = f.set("t", "k", "4", rev);
  BOOST_TEST_REQUIRE(!ok.has_error());
  BOOST_TEST(ok.set().revision() > rev);
  BOOST_TEST(f.get("t", "k").value() == "4");
}

BOOST_AUTO_TEST_CASE(revisions_never_repeat_after_delete_and_recreate) {
  shard_fixture f;
  auto r1 = f.set("t", "k", "1").set().revision();
  v1::Request del;
  del.mutable_state_delete()->set_trace_id("t");
  del.mutable_state_delete()->set_key("k");
  BOOST_TEST(f.call(del).value().found());
  auto r2 = f.set("t", "k", "1").set().revision();
  BOOST_TEST(r2 > r1);
}

BOOST_AUTO_TEST_CASE(ttl_hides_expired_values_at_once) {
  shard_fixture f;
  BOOST_TEST(!f.set("t", "k", "\"soon\"", std::nullopt, 500).has_error());
  BOOST_TEST(!f.set("u", "k", "\"kept\"").has_error());
  auto v = f.get("t", "k");
  BOOST_TEST(v.found());
  BOOST_TEST(v.expires_at_ms() == 1'000'500);
  f.now = 1'000'499;
  BOOST_TEST(f.get("t", "k").found());
  f.now = 1'000'500;
  BOOST_TEST(!f.get("t", "k").found());
  BOOST_TEST((f.trace_ids() == std::vector<std::string>{"u"}));
  // A set over an expired key is a create: its CAS revision is 0.
  BOOST_TEST(!f.set("t", "k", "1", uint64_t{0}).has_error());
}

BOOST_AUTO_TEST_CASE(set_many_is_all_or_nothing) {
  shard_fixture f;
  BOOST_TEST_REQUIRE(!f.set("t", "a", "1").has_error());
  v1::Request r;
  auto* m = r.mutable_state_set_many();
  m->set_trace_id("t");
  auto* e1 = m->add_entries();
  e1->set_key("b");
  e1->set_value("2");
  auto* e2 = m->add_entries();
  e2->set_key("a");
  e2->set_value("3");
  e2->set_expected_revision(999);  // wrong: the whole request must fail
  BOOST_TEST(f.call(r).error().code() == v1::CONFLICT);
  BOOST_TEST(!f.get("t", "b").found());
  e2->clear_expected_revision();
  auto* e3 = m->add_entries();
  e3->set_key("c");
  e3->set_value("{bad json");
  BOOST_TEST(f.call(r).error().code() == v1::INVALID_ARGUMENT);
  BOOST_TEST(!f.get("t", "b").found());
  m->mutable_entries()->RemoveLast();
  auto ok = f.call(r);
  BOOST_TEST_REQUIRE(!ok.has_error());
  BOOST_TEST(ok.set_many().revisions_size() == 2);
  BOOST_TEST(f.get("t", "a").value() == "3");
  BOOST_TEST(f.get("t", "b").value() == "2");
}

BOOST_AUTO_TEST_CASE(limits_are_enforced_and_nothing_is_stored) {
  shard_fixture f;
  BOOST_TEST(f.set(std::string(17, 't'), "k", "1").error().code() == v1::TOO_LARGE);
  BOOST_TEST(f.set("t", std::string(17, 'k'), "1").error().code() == v1::TOO_LARGE);
  BOOST_TEST(f.set("t", "k", "\"" + std::string(70, 'v') + "\"").error().code() == v1::TOO_LARGE);
  BOOST_TEST(f.set("t", "k", "undefined").error().code() == v1::INVALID_ARGUMENT);
  BOOST_TEST(f.trace_ids().empty());
}

BOOST_DATA_TEST_CASE(writes_pipelined_into_one_shard_build_on_each_other,
                     boost::unit_test::data::make(placements), placement) {
  shard_fixture f{placement};
  // Many sets and a delete in flight at once: revisions increase in order and
  // the delete returns the last value set before it.
  caf::scoped_actor self{*f.sys};
  std::vector<decltype(self->request(f.shard, std::chrono::seconds{10}, request_msg{}))> hs;
  for (int i = 0; i < 50; ++i) {
    auto r = std::make_shared<v1::Request>();
    r->mutable_state_set()->set_trace_id("t");
    r->mutable_state_set()->set_key("k");
    r->mutable_state_set()->set_value(std::to_string(i));
    hs.push_back(self->request(f.shard, std::chrono::seconds{10}, request_msg{r}));
  }
  auto d = std::make_shared<v1::Request>();
  d->mutable_state_delete()->set_trace_id("t");
  d->mutable_state_delete()->set_key("k");
  hs.push_back(self->request(f.shard, std::chrono::seconds{10}, request_msg{d}));
  uint64_t last = 0;
  for (size_t i = 0; i < hs.size(); ++i)
    hs[i].receive(
      [&](response_msg& r) {
        BOOST_TEST_REQUIRE(!r.body->has_error());
        if (i < 50) {
          BOOST_TEST(r.body->set().revision() > last);
          last = r.body->set().revision();
        } else {
          BOOST_TEST(r.body->value().value() == "49");
        }
      },
      [&](caf::error& err) { BOOST_FAIL(f.sys->render(err)); });
  BOOST_TEST(!f.get("t", "k").found());
}

BOOST_AUTO_TEST_SUITE_END()
