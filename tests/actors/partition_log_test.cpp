#include "actors/partition_log.hpp"
#include "actors/write_pipeline.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "storage/key_codec.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_db.hpp"

using namespace troupe;
using namespace troupe::storage;
using troupe::test::open_test_db;

namespace {

std::string key(uint16_t p, const std::string& name) {
  auto k = partition_prefix(partition_id{p});
  append_component(k, name);
  return k;
}

std::optional<std::string> read(const db& d, const std::string& k) {
  db_status status;
  auto v = d.get(column::state, k, status);
  BOOST_TEST_REQUIRE(status.ok, status.message);
  return v;
}

/// Collects the indexes of applied entries, from any thread; failures are
/// counted (Boost.Test asserts only on the test's own thread).
struct applied_log {
  std::mutex m;
  std::condition_variable cv;
  std::vector<uint64_t> indexes;
  size_t failed = 0;

  actors::partition_log::applied_fn fn() {
    return [this](uint64_t index, db_status s) {
      std::lock_guard<std::mutex> guard{m};
      indexes.push_back(index);
      failed += s.ok ? 0 : 1;
      cv.notify_all();
    };
  }
  void wait_for(size_t n) {
    std::unique_lock<std::mutex> lock{m};
    cv.wait(lock, [&] { return indexes.size() >= n; });
    BOOST_TEST(failed == 0u);
  }
};

/// A replicator that keeps each proposal's `done` for the test to finish.
struct held_replicator : actors::log_replicator {
  std::vector<std::function<void(db_status)>> proposals;
  void propose(partition_id, uint64_t, write_batch, std::function<void(db_status)> done) override {
    proposals.push_back(std::move(done));
  }
  void confirm_read(partition_id, uint64_t, std::function<void(db_status)> done) override {
    done(db_status::success());
  }
};

} // namespace

BOOST_AUTO_TEST_SUITE(partition_log)

BOOST_AUTO_TEST_CASE(entries_from_many_threads_get_consecutive_indexes_and_apply_in_order) {
  // On the committer: fsync always, os unless the actors share one thread.
  const std::tuple<durability, bool, bool> cases[] = {
    {durability::fsync, false, true}, {durability::fsync, true, true},
    {durability::os, false, true},    {durability::os, true, false},
    {durability::none, false, false}};
  for (auto [mode, one_thread, asynchronous] : cases) {
    test::temp_dir dir;
    auto d = open_test_db(dir.path(), mode);
    actors::partition_log log{*d, partition_id{5}, nullptr, 0, one_thread};
    BOOST_TEST(log.asynchronous() == asynchronous);
    applied_log applied;
    // Four writers (a partition's actors on different threads) race; each
    // entry overwrites one shared key, so the last one applied wins.
    std::mutex order_m;
    std::vector<std::pair<uint64_t, std::string>> appended;
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w)
      writers.emplace_back([&, w] {
        for (int i = 0; i < 50; ++i) {
          auto value = std::to_string(w) + "." + std::to_string(i);
          write_batch entry;
          entry.put(column::state, key(5, "shared"), value);
          std::lock_guard<std::mutex> guard{order_m};  // index and value recorded together
          appended.emplace_back(log.append(std::move(entry), applied.fn()), value);
        }
      });
    for (auto& t : writers)
      t.join();
    applied.wait_for(200);
    BOOST_TEST(log.last_index() == 200u);
    std::vector<uint64_t> expected(200);
    for (uint64_t i = 0; i < 200; ++i)
      expected[i] = i + 1;
    BOOST_TEST(applied.indexes == expected, "applied in index order");
    auto last = std::max_element(appended.begin(), appended.end());
    BOOST_TEST(last->first == 200u);
    BOOST_TEST((read(*d, key(5, "shared")) == last->second));
  }
}

BOOST_AUTO_TEST_CASE(apply_lands_after_every_entry_appended_before_it) {
  test::temp_dir dir;
  auto d = open_test_db(dir.path(), durability::fsync);
  actors::partition_log log{*d, partition_id{2}};
  applied_log applied;
  for (int i = 0; i < 100; ++i) {
    write_batch entry;
    entry.put(column::state, key(2, "k"), "appended " + std::to_string(i));
    log.append(std::move(entry), applied.fn());
  }
  write_batch last;
  last.put(column::state, key(2, "k"), "applied");
  BOOST_TEST(log.apply(std::move(last)).ok);
  BOOST_TEST(log.last_index() == 101u);
  BOOST_TEST((read(*d, key(2, "k")) == std::string{"applied"}));
  applied.wait_for(100);
}

BOOST_AUTO_TEST_CASE(an_entry_may_remove_a_partitions_key_ranges) {
  test::temp_dir dir;
  auto d = open_test_db(dir.path(), durability::os);
  actors::partition_log log{*d, partition_id{7}};
  write_batch fill;
  for (uint16_t p : {6, 7, 8})
    for (int i = 0; i < 10; ++i)
      fill.put(column::state, key(p, "k" + std::to_string(i)), "v");
  BOOST_TEST(log.apply(std::move(fill)).ok);
  // One entry: drop partition 7's range, then write one key back into it.
  auto prefix = partition_prefix(partition_id{7});
  write_batch entry;
  entry.remove_range(column::state, prefix, prefix_end(prefix));
  entry.put(column::state, key(7, "k3"), "again");
  BOOST_TEST(log.apply(std::move(entry)).ok);
  for (int i = 0; i < 10; ++i) {
    auto name = "k" + std::to_string(i);
    BOOST_TEST(read(*d, key(6, name)).has_value());
    BOOST_TEST(read(*d, key(8, name)).has_value());
    BOOST_TEST(read(*d, key(7, name)).has_value() == (i == 3));
  }
}

BOOST_AUTO_TEST_CASE(a_generation_is_done_only_once_every_earlier_one_is) {
  // A leadership that ends between two writes: the later one is refused at
  // once, while the earlier one still waits in the log and finishes after.
  test::temp_dir dir;
  auto d = open_test_db(dir.path(), durability::os);
  held_replicator replicator;
  actors::partition_log log{*d, partition_id{1}, &replicator, 3};
  actors::write_pipeline pipeline{log, [&](uint64_t gen, db_status s) { pipeline.committed(gen, s); }};
  std::vector<std::pair<uint64_t, db_status>> heard;
  auto waiter = [&](uint64_t gen) {
    return [&heard, gen](const db_status& s) { heard.emplace_back(gen, s); };
  };
  for (int i = 0; i < 2; ++i) {
    write_batch b;
    pipeline.put(b, column::state, key(1, "k" + std::to_string(i)), "v");
    auto gen = pipeline.submit(std::move(b));
    pipeline.after(gen, waiter(gen));
  }
  BOOST_TEST_REQUIRE(replicator.proposals.size() == 2u);
  replicator.proposals[1](db_status::refused("leadership of term 3 is over"));
  BOOST_TEST(heard.empty());  // the first is still out
  BOOST_TEST(pipeline.in_flight() == 2u);
  BOOST_TEST(pipeline.staged(key(1, "k0")) != nullptr);
  replicator.proposals[0](db_status::failure("leadership lost; the outcome is unknown"));
  BOOST_TEST(pipeline.in_flight() == 0u);
  BOOST_TEST(pipeline.staged(key(1, "k1")) == nullptr);
  // Each waiter hears its own generation's outcome, in order.
  BOOST_TEST_REQUIRE(heard.size() == 2u);
  BOOST_TEST(heard[0].first == 1u);
  BOOST_TEST(heard[0].second.message == "leadership lost; the outcome is unknown");
  BOOST_TEST(heard[1].first == 2u);
  BOOST_TEST(heard[1].second.not_applied);
  // A writer that stops now is not kept waiting for either.
  bool quit = false;
  pipeline.after(pipeline.last_submitted(), [&](const db_status&) { quit = true; });
  BOOST_TEST(quit);
}

BOOST_AUTO_TEST_SUITE_END()
