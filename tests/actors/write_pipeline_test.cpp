#include "actors/write_pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "actors/partition_log.hpp"
#include "storage/key_codec.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_db.hpp"

using namespace troupe;
using namespace troupe::storage;
using troupe::test::open_test_db;

namespace {

std::string key(const std::string& name) {
  auto k = partition_prefix(partition_id{3});
  append_component(k, name);
  return k;
}

/// What the log posts back (from the committer thread), handed to the test
/// thread in order, as an actor's mailbox would.
struct mailbox {
  std::mutex m;
  std::condition_variable cv;
  std::deque<std::pair<uint64_t, db_status>> posted;

  actors::write_pipeline::poster poster() {
    return [this](uint64_t gen, db_status s) {
      std::lock_guard<std::mutex> guard{m};
      posted.emplace_back(gen, std::move(s));
      cv.notify_all();
    };
  }
  std::pair<uint64_t, db_status> next() {
    std::unique_lock<std::mutex> lock{m};
    cv.wait(lock, [&] { return !posted.empty(); });
    auto out = std::move(posted.front());
    posted.pop_front();
    return out;
  }
};

/// A batch putting one key, staged through `p` as an actor stages it.
write_batch one_put(actors::write_pipeline& p, const std::string& name, std::string value) {
  write_batch b;
  p.put(b, column::state, key(name), std::move(value));
  return b;
}

/// A pipeline over partition 3's log of an fsync db, and the mailbox its
/// completions arrive in.
struct pipeline_fixture {
  mailbox box;  // outlives the db, whose committer posts into it
  test::temp_dir dir;
  std::unique_ptr<db> d = open_test_db(dir.path(), durability::fsync);
  actors::partition_log log{*d, partition_id{3}};
  actors::write_pipeline p{log, box.poster()};
};

} // namespace

BOOST_AUTO_TEST_SUITE(write_pipeline)

BOOST_FIXTURE_TEST_CASE(what_is_submitted_while_an_entry_is_in_flight_goes_as_one_entry,
                        pipeline_fixture) {
  std::vector<std::pair<uint64_t, bool>> done;
  auto track = [&](uint64_t gen) {
    p.after(gen, [&done, gen](const db_status& s) { done.emplace_back(gen, s.ok); });
  };
  // An idle pipeline appends at once.
  auto first = p.submit(one_put(p, "a", "1"));
  track(first);
  BOOST_TEST(log.last_index() == 1u);
  // Three more while the first is in flight: held, not appended.
  for (auto [name, value] : {std::pair{"b", "2"}, {"c", "3"}, {"a", "4"}})
    track(p.submit(one_put(p, name, value)));
  BOOST_TEST(log.last_index() == 1u);
  BOOST_TEST(p.in_flight() == 4u);
  BOOST_TEST((*p.staged(key("a")) == std::optional<std::string>{"4"}));
  // The first completes: the three held go as the second entry.
  auto [gen, status] = box.next();
  BOOST_TEST(gen == first);
  p.committed(gen, status);
  BOOST_TEST(log.last_index() == 2u);
  BOOST_TEST(done.size() == 1u);
  std::tie(gen, status) = box.next();
  BOOST_TEST(gen == 4u, "the entry ends with the last generation it carries");
  p.committed(gen, status);
  BOOST_TEST(p.in_flight() == 0u);
  std::vector<std::pair<uint64_t, bool>> expected{{1, true}, {2, true}, {3, true}, {4, true}};
  BOOST_TEST((done == expected), "every generation completes, in order");
  BOOST_TEST(p.staged(key("a")) == nullptr, "the overlay holds nothing durable");
  db_status read_status;
  BOOST_TEST((d->get(column::state, key("a"), read_status) == std::string{"4"}));
  BOOST_TEST((d->get(column::state, key("c"), read_status) == std::string{"3"}));
}

BOOST_FIXTURE_TEST_CASE(held_bytes_past_the_bound_go_without_waiting, pipeline_fixture) {
  p.submit(one_put(p, "small", "x"));
  std::string big(actors::write_pipeline::max_held_bytes, 'v');
  p.submit(one_put(p, "big", big));
  BOOST_TEST(log.last_index() == 2u, "a second entry is in flight");
  p.submit(one_put(p, "after", "y"));
  BOOST_TEST(log.last_index() == 2u);
  for (uint64_t expected : {1u, 2u}) {
    auto [gen, status] = box.next();
    BOOST_TEST(gen == expected);
    p.committed(gen, status);
  }
  BOOST_TEST(log.last_index() == 3u, "what was held behind them goes once both are applied");
  auto [gen, status] = box.next();
  BOOST_TEST(gen == 3u);
  p.committed(gen, status);
  BOOST_TEST(p.in_flight() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
