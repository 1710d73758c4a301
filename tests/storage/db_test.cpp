#include "storage/db.hpp"

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>

#include <boost/test/unit_test.hpp>

#include "storage/key_codec.hpp"
#include "storage/record.hpp"
#include "tests/support/temp_dir.hpp"
#include "tests/support/test_db.hpp"

using namespace troupe;
using namespace troupe::storage;

namespace {

std::unique_ptr<db> open_db(db_options opts) {
  std::string error;
  auto d = db::open(std::move(opts), error);
  BOOST_TEST_REQUIRE(d != nullptr, error);
  return d;
}

} // namespace

BOOST_AUTO_TEST_SUITE(storage_db)

BOOST_AUTO_TEST_CASE(durability_names_parse) {
  BOOST_TEST((parse_durability("fsync") == durability::fsync));
  BOOST_TEST((parse_durability("os") == durability::os));
  BOOST_TEST((parse_durability("none") == durability::none));
  BOOST_TEST(!parse_durability("always").has_value());
}

BOOST_AUTO_TEST_CASE(writes_survive_reopen_in_every_mode) {
  for (auto mode : {durability::fsync, durability::os, durability::none}) {
    test::temp_dir dir;
    db_options opts;
    opts.path = dir.path();
    opts.mode = mode;
    {
      auto d = open_db(opts);
      write_batch b;
      b.put(column::state, "k", "v");
      b.put(column::meta, "m", "1");
      BOOST_TEST(d->write(std::move(b)).ok);
    }
    auto d = open_db(opts);
    db_status st;
    BOOST_TEST(d->get(column::state, "k", st).value_or("") == "v");
    BOOST_TEST(d->get(column::meta, "m", st).value_or("") == "1");
    BOOST_TEST(!d->get(column::streams, "k", st));  // families are separate
  }
}

BOOST_AUTO_TEST_CASE(a_malformed_batch_is_refused_whole_and_alone) {
  // RocksDB takes a range whose end comes before its start into its log,
  // then fails it at the memtable with the ops before it applied: such a
  // batch is refused before it reaches RocksDB, and it is the batch's
  // fault, not the disk's, so the next write is taken at once, also when
  // both go through the group committer.
  test::temp_dir dir;
  auto d = test::open_test_db(dir.path(), durability::os);
  write_batch bad;
  bad.put(column::state, "a", "1");
  bad.remove_range(column::state, "z", "b");
  auto refused = d->write(std::move(bad));
  BOOST_TEST(!refused.ok);
  write_batch good;
  good.put(column::state, "k", "v");
  auto taken = d->write(std::move(good));
  BOOST_TEST(taken.ok, taken.message);
  std::promise<db_status> committed_bad, committed_good;
  write_batch bad_again;
  bad_again.put(column::state, "c", "1");
  bad_again.remove_range(column::state, "z", "b");
  d->commit(std::move(bad_again), [&](db_status s) { committed_bad.set_value(s); });
  write_batch good_again;
  good_again.put(column::state, "k2", "v");
  d->commit(std::move(good_again), [&](db_status s) { committed_good.set_value(s); });
  BOOST_TEST(!committed_bad.get_future().get().ok);
  BOOST_TEST(committed_good.get_future().get().ok);
  db_status st;
  for (auto* k : {"a", "c"})
    BOOST_TEST(!d->get(column::state, k, st), k);  // nothing of the refused batches
  BOOST_TEST(d->get(column::state, "k", st).value_or("") == "v");
  BOOST_TEST(d->get(column::state, "k2", st).value_or("") == "v");
}

BOOST_AUTO_TEST_CASE(group_commit_merges_batches_queued_during_a_write) {
  test::temp_dir dir;
  // Hold the committer on its first group until 99 more batches are queued.
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> groups{0};
  db_options opts;
  opts.path = dir.path();
  opts.before_group_write = [&] {
    if (groups.fetch_add(1) != 0)
      return;
    std::unique_lock<std::mutex> lock{m};
    cv.wait(lock, [&] { return release; });
  };
  auto d = open_db(opts);
  std::mutex done_m;
  std::condition_variable done_cv;
  std::vector<int> order;
  auto submit = [&](int i) {
    write_batch b;
    b.put(column::state, "k" + std::to_string(i), std::to_string(i));
    d->commit(std::move(b), [&, i](db_status st) {
      BOOST_TEST(st.ok);
      std::lock_guard<std::mutex> guard{done_m};
      order.push_back(i);
      done_cv.notify_all();
    });
  };
  submit(0);
  for (int i = 1; i < 100; ++i)
    submit(i);
  {
    std::lock_guard<std::mutex> guard{m};
    release = true;
  }
  cv.notify_all();
  {
    std::unique_lock<std::mutex> lock{done_m};
    done_cv.wait(lock, [&] { return order.size() == 100; });
  }
  // One synced write for the first batch, one for the 99 that queued behind it
  // (or all 100 in one, if they queued before the committer woke).
  BOOST_TEST(d->stats().batches == 100u);
  BOOST_TEST(d->stats().writes <= 2u);
  for (int i = 0; i < 100; ++i)
    BOOST_TEST(order[static_cast<size_t>(i)] == i);  // callbacks in submission order
  db_status st;
  BOOST_TEST(d->get(column::state, "k99", st).value_or("") == "99");
}

BOOST_AUTO_TEST_CASE(compaction_drops_expired_records_only) {
  test::temp_dir dir;
  std::atomic<int64_t> now{1000};
  db_options opts;
  opts.path = dir.path();
  opts.clock = [&] { return now.load(); };
  auto d = open_db(opts);
  write_batch b;
  b.put(column::state, "expiring", encode_record({1, 0, 0, 1500}, "1"));
  b.put(column::state, "forever", encode_record({2, 0, 0, 0}, "2"));
  b.put(column::state, "later", encode_record({3, 0, 0, 5000}, "3"));
  b.put(column::meta, "not-a-record", "x");
  BOOST_TEST(d->write(std::move(b)).ok);
  BOOST_TEST(d->compact().ok);
  db_status st;
  BOOST_TEST(d->get(column::state, "expiring", st).has_value());  // not yet
  now = 2000;
  BOOST_TEST(d->compact().ok);
  BOOST_TEST(!d->get(column::state, "expiring", st).has_value());
  BOOST_TEST(d->get(column::state, "forever", st).has_value());
  BOOST_TEST(d->get(column::state, "later", st).has_value());
  BOOST_TEST(d->get(column::meta, "not-a-record", st).has_value());
}

BOOST_AUTO_TEST_CASE(cursor_scans_in_key_order) {
  test::temp_dir dir;
  db_options opts;
  opts.path = dir.path();
  opts.mode = durability::none;
  auto d = open_db(opts);
  write_batch b;
  for (auto k : {"b", "a", "c"})
    b.put(column::state, std::string{k}, std::string{k});
  BOOST_TEST(d->write(std::move(b)).ok);
  auto cur = d->new_cursor(column::state);
  std::string seen;
  for (cur->seek("a"); cur->valid(); cur->next())
    seen += cur->key();
  BOOST_TEST(seen == "abc");
  BOOST_TEST(cur->status().ok);
}

BOOST_AUTO_TEST_SUITE_END()
