// Crash and shutdown behaviour with durability fsync: every acknowledged
// write survives kill -9; SIGTERM answers what it accepted and exits cleanly.
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "protocol/troupe.pb.h"
#include "tests/support/node_fixture.hpp"

using namespace troupe;
using troupe::test::node_fixture;
using troupe::test::must;

namespace {

std::vector<std::shared_ptr<const v1::Request>> burst(const std::string& prefix, int n) {
  std::vector<std::shared_ptr<const v1::Request>> reqs;
  for (int i = 0; i < n; ++i) {
    auto r = std::make_shared<v1::Request>();
    auto* s = r->mutable_state_set();
    s->set_trace_id(prefix + std::to_string(i % 50));
    s->set_key("k" + std::to_string(i));
    s->set_value(std::to_string(i));
    reqs.push_back(r);
  }
  return reqs;
}

/// Every write acknowledged OK must read back.
size_t verify_acknowledged(client::sync_client& c, const std::vector<std::shared_ptr<const v1::Request>>& reqs,
                           const std::vector<std::shared_ptr<const v1::Response>>& replies) {
  size_t acked = 0;
  for (size_t i = 0; i < reqs.size(); ++i) {
    if (replies[i]->has_error())
      continue;
    ++acked;
    auto& s = reqs[i]->state_set();
    auto v = c.get(s.trace_id(), s.key());
    BOOST_TEST_REQUIRE(v.ok(), v.error().to_string());
    BOOST_TEST_REQUIRE(v->has_value(), "acknowledged write #" << i << " was lost");
    BOOST_TEST_REQUIRE((*v)->json == s.value());
  }
  return acked;
}

/// A node over a disk whose faults the test switches (--fault-file; the
/// disk alarm is off, so RocksDB meets them itself).
struct faulty_node {
  test::temp_dir faults;
  std::string fault_file = faults.sub("disk-fault");
  node_fixture node{"fsync", {"--fault-file", fault_file, "--disk-free-limit-bytes", "0"}};
  /// Switches a fault on: "nospace", "nospace-sst", "io" or "io-read".
  void inject(const std::string& kind) { std::ofstream{fault_file} << kind; }
  /// The disk works again.
  void heal() { std::filesystem::remove(fault_file); }
};

/// Pipelines `reqs` on one connection and runs `interrupt` the moment reply
/// #`at` arrives, while the rest of the burst is still in flight.
std::vector<std::shared_ptr<const v1::Response>>
interrupted_burst(node_fixture& f, const std::vector<std::shared_ptr<const v1::Request>>& reqs,
                  size_t at, const std::function<void()>& interrupt) {
  auto c = f.connect();
  return c->pipeline(reqs, [&](size_t i, const v1::Response&) {
    if (i == at)
      interrupt();
  });
}

} // namespace

BOOST_AUTO_TEST_SUITE(durability)

BOOST_AUTO_TEST_CASE(kill_9_during_a_burst_keeps_every_acknowledged_write) {
  node_fixture f{"fsync"};
  // Kill the node as the first acknowledgement arrives, with a burst far
  // larger than it can finish in that time still in flight.
  auto reqs = burst("crash-", 20000);
  auto replies = interrupted_burst(f, reqs, 0, [&] { f.node->kill_hard(); });
  size_t errors = 0;
  for (auto& r : replies)
    errors += r->has_error() ? 1 : 0;
  BOOST_TEST_MESSAGE("acknowledged " << reqs.size() - errors << " of " << reqs.size());
  if (errors == 0)
    BOOST_TEST_MESSAGE("the node finished the burst before the kill landed");
  f.start();
  auto c = f.connect();
  BOOST_TEST(verify_acknowledged(*c, reqs, replies) >= 1u);
}

BOOST_AUTO_TEST_CASE(sigterm_answers_accepted_writes_and_exits_cleanly) {
  node_fixture f{"fsync"};
  auto reqs = burst("term-", 2000);
  auto replies = interrupted_burst(f, reqs, 0, [&] { kill(f.node->pid(), SIGTERM); });
  BOOST_TEST(f.node->terminate() == 0);  // already stopping: reaps the exit status
  f.start();
  auto c = f.connect();
  BOOST_TEST(verify_acknowledged(*c, reqs, replies) >= 1u);
}

BOOST_AUTO_TEST_CASE(a_full_disk_refuses_writes_keeps_reads_and_recovers) {
  test::temp_dir faults;
  auto full = faults.sub("disk-full"); // while it exists, the disk counts as full
  node_fixture f{"fsync", {"--fault-file", full}};
  auto c = f.connect();
  must(c->set("disk", "before", "1"));

  std::ofstream{full} << "full";
  // The node looks at the disk at most every 100 ms: writes stop within that
  // (what it acknowledged meanwhile is kept).
  std::vector<std::string> acked{"before"};
  std::string refused_key;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  for (int i = 0; refused_key.empty(); ++i) {
    auto key = "during-" + std::to_string(i);
    auto r = c->set("disk", key, "2");
    if (r.ok()) {
      acked.push_back(key);
      BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "writes never refused");
      continue;
    }
    BOOST_TEST((r.error().code == error_code::unavailable), r.error().to_string());
    BOOST_TEST(r.error().message.find("disk alarm") != std::string::npos, r.error().to_string());
    refused_key = key;
  }
  // Reads are served while the disk is full, and the node stays up.
  BOOST_TEST(must(c->get("disk", "before"))->json == "1");
  BOOST_TEST(c->ping().ok());

  std::filesystem::remove(full);
  // Writes are accepted again once space returns (the node notices within
  // 100 ms; a client retrying on UNAVAILABLE gets through).
  for (;;) {
    auto r = c->set("disk", "after", "3");
    if (r.ok())
      break;
    BOOST_TEST_REQUIRE((r.error().code == error_code::unavailable), r.error().to_string());
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "writes still refused: " << r.error().to_string());
  }
  acked.push_back("after");
  BOOST_TEST(!must(c->get("disk", refused_key)).has_value()); // the refused write left nothing

  // Everything acknowledged survives a restart; the refused write stays out.
  f.restart();
  c = f.connect();
  for (auto& key : acked)
    BOOST_TEST(must(c->get("disk", key)).has_value(), key);
  BOOST_TEST(!must(c->get("disk", refused_key)).has_value());
}

/// Writes set("disk", "during-N") until one is refused; returns its key and
/// adds the acknowledged ones to `acked`. The fault is seen within 100 ms.
std::string write_until_refused(client::sync_client& c, std::vector<std::string>& acked,
                                const std::string& expected_error) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  for (int i = 0;; ++i) {
    auto key = "during-" + std::to_string(i);
    auto r = c.set("disk", key, "2");
    if (!r.ok()) {
      BOOST_TEST(r.error().message.find(expected_error) != std::string::npos,
                 r.error().to_string());
      return key;
    }
    acked.push_back(key);
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "writes never refused");
  }
}

BOOST_AUTO_TEST_CASE(a_flush_that_meets_a_full_disk_stops_writes_until_space_returns_no_restart) {
  // The disk alarm is off: RocksDB itself meets ENOSPC, writing the table
  // file of a flush (a backup flushes the memtables first).
  faulty_node disk;
  auto& f = disk.node;
  auto c = f.connect();
  for (int i = 0; i < 100; ++i)
    must(c->set("disk", "before-" + std::to_string(i), "1"));
  std::vector<std::string> acked{"before-0", "before-99"};

  disk.inject("nospace-sst");
  // The node looks at the fault file every 100 ms: the backup's flush meets
  // it once it does (a backup taken before that is fine).
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
  for (int i = 0;; ++i) {
    // Something to flush each time (the memtable is empty after a backup).
    auto key = "flushed-" + std::to_string(i);
    must(c->set("disk", key, "1"));
    acked.push_back(key);
    auto b = c->backup(f.dir.sub("backup-" + std::to_string(i)));
    if (!b.ok())
      break;
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline), "every flush succeeded");
  }
  // RocksDB stops taking writes after the failed flush: refused, with the
  // reason; reads served, the node up.
  auto refused = c->set("disk", "refused", "2");
  BOOST_TEST_REQUIRE(!refused.ok());
  BOOST_TEST(refused.error().message.find("no space left on device") != std::string::npos,
             refused.error().to_string());
  BOOST_TEST(must(c->get("disk", "before-0"))->json == "1");
  BOOST_TEST(c->ping().ok());

  // Space comes back: writes are taken again without a restart.
  disk.heal();
  for (auto r = c->set("disk", "after", "3"); !r.ok(); r = c->set("disk", "after", "3"))
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline),
                       "writes still refused: " << r.error().to_string());
  acked.push_back("after");
  BOOST_TEST(!must(c->get("disk", "refused")).has_value());

  f.restart();
  c = f.connect();
  for (auto& key : acked)
    BOOST_TEST(must(c->get("disk", key)).has_value(), key);
  BOOST_TEST(!must(c->get("disk", "refused")).has_value());
}

BOOST_AUTO_TEST_CASE(a_log_write_that_fails_refuses_writes_keeps_reads_and_recovers_no_restart) {
  // ENOSPC or EIO on the write-ahead log: RocksDB 7.8 takes no more writes
  // until it is opened again. The node refuses writes with the reason,
  // serves reads, and once the disk is back opens the database again under
  // its running partitions: writes are taken without a restart.
  for (std::string kind : {"nospace", "io"}) {
    BOOST_TEST_CONTEXT(kind) {
      faulty_node disk;
      auto& f = disk.node;
      auto c = f.connect();
      must(c->set("disk", "before", "1"));
      std::vector<std::string> acked{"before"};

      disk.inject(kind);
      auto refused_key = write_until_refused(
        *c, acked, kind == "io" ? "input/output error" : "no space left on device");
      BOOST_TEST(must(c->get("disk", "before"))->json == "1");
      BOOST_TEST(c->ping().ok());

      disk.heal();
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
      for (auto r = c->set("disk", "after", "3"); !r.ok(); r = c->set("disk", "after", "3")) {
        BOOST_TEST_REQUIRE((r.error().code == error_code::unavailable), r.error().to_string());
        BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline),
                           "writes still refused: " << r.error().to_string());
      }
      acked.push_back("after");
      // Reopened under the running node: point reads and scans see
      // everything acknowledged, and not the refused write.
      for (auto& key : acked)
        BOOST_TEST(must(c->get("disk", key)).has_value(), key);
      BOOST_TEST(!must(c->get("disk", refused_key)).has_value());
      BOOST_TEST(must(c->get_group("disk")).size() == acked.size());
      BOOST_TEST_REQUIRE(must(c->lock_acquire("job", 60'000, "holder")).granted);

      // And so after a restart.
      f.restart();
      c = f.connect();
      for (auto& key : acked)
        BOOST_TEST(must(c->get("disk", key)).has_value(), key);
      BOOST_TEST(!must(c->get("disk", refused_key)).has_value());
      BOOST_TEST(!must(c->lock_acquire("job", 60'000, "intruder")).granted);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_read_that_fails_is_an_error_never_a_miss_and_the_node_stays_up) {
  // EIO under data already on disk (a bad sector): the read answers an
  // error with the reason, never "no value"; the node stays up, takes
  // writes and serves what it can, and reads again once the disk does.
  faulty_node disk;
  auto& f = disk.node;
  auto c = f.connect();
  must(c->set("disk", "on-disk", "1"));
  BOOST_TEST_REQUIRE(must(c->lock_acquire("job", 60'000, "holder")).granted);
  // Restarted, the node replays its log into table files: from now on the
  // value is read from disk (the block cache starts empty).
  f.restart();
  c = f.connect();
  disk.inject("io-read");
  auto failed = c->get("disk", "on-disk");
  BOOST_TEST_REQUIRE(!failed.ok(), "a failing read answered as if it had succeeded");
  BOOST_TEST(failed.error().message.find("input/output error") != std::string::npos,
             failed.error().to_string());
  // A lock that cannot be read is not free: taking it is refused.
  auto taken = c->lock_acquire("job", 60'000, "intruder");
  BOOST_TEST_REQUIRE(!taken.ok(), "a lock that could not be read was handed out");
  BOOST_TEST(c->ping().ok());
  must(c->set("disk", "in-memory", "2"));
  BOOST_TEST(must(c->get("disk", "in-memory"))->json == "2");

  disk.heal();
  BOOST_TEST(must(c->get("disk", "on-disk"))->json == "1");
  auto held = must(c->lock_acquire("job", 60'000, "intruder"));
  BOOST_TEST(!held.granted);
  BOOST_TEST(held.lock.instance_id == "holder");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(backup)

BOOST_AUTO_TEST_CASE(an_online_backup_restores_what_was_acknowledged_before_it) {
  node_fixture f{"os", {"--resp-listen", "127.0.0.1:0"}};
  auto c = f.connect();
  for (int i = 0; i < 200; ++i)
    must(c->set("before", "k" + std::to_string(i), std::to_string(i)));
  // Writes keep going on another connection while the backup is taken.
  auto writer = f.connect();
  std::vector<std::shared_ptr<const v1::Request>> during;
  for (int i = 0; i < 500; ++i) {
    auto r = std::make_shared<v1::Request>();
    auto* s = r->mutable_state_set();
    s->set_trace_id("during");
    s->set_key("k" + std::to_string(i));
    s->set_value(std::to_string(i));
    during.push_back(r);
  }
  auto where = f.dir.sub("backup-1");
  // The backup is asked for once 100 writes are acknowledged, with the
  // rest still in flight.
  std::optional<result<client::backup_info>> taken;
  std::set<std::string> acked_before;
  auto replies = writer->pipeline(during, [&](size_t i, const v1::Response& resp) {
    if (taken)
      return;
    if (!resp.has_error())
      acked_before.insert(during[i]->state_set().key());
    if (acked_before.size() == 100)
      taken.emplace(c->backup(where));
  });
  for (auto& r : replies)
    BOOST_TEST(!r->has_error());
  BOOST_TEST_REQUIRE(taken.has_value());
  auto info = must(std::move(*taken));
  BOOST_TEST(info.dir == where);
  BOOST_TEST(info.files > 0u);
  BOOST_TEST(info.bytes > 0u);
  must(c->set("after", "k", "1"));
  // Refused, and nothing touched: the directory exists now.
  auto again = c->backup(where);
  BOOST_TEST(!again.ok());
  BOOST_TEST(again.error().message.find("already exists") != std::string::npos,
             again.error().to_string());
  c.reset();
  writer.reset();
  BOOST_TEST(f.node->terminate() == 0);

  // A new node from the backup has everything acknowledged before it, and
  // nothing written after.
  troupe::test::node_process restored{f.dir.sub("restored"), "os", {"--restore-from", where}};
  client::connect_options opts;
  opts.port = restored.port();
  auto r = must(client::sync_client::connect(*f.sys, opts));
  for (int i = 0; i < 200; ++i) {
    auto v = must(r->get("before", "k" + std::to_string(i)));
    BOOST_TEST_REQUIRE(v.has_value());
    BOOST_TEST(v->json == std::to_string(i));
  }
  for (auto& key : acked_before)
    BOOST_TEST(must(r->get("during", key)).has_value(), key);
  BOOST_TEST(!must(r->get("after", "k")).has_value());
  r.reset();
  BOOST_TEST(restored.terminate() == 0);

  // A restore never overwrites data, and wants a backup.
  BOOST_CHECK_THROW((troupe::test::node_process{f.dir.sub("restored"), "os",
                                                {"--restore-from", where}}),
                    std::runtime_error);
  BOOST_CHECK_THROW((troupe::test::node_process{f.dir.sub("fresh"), "os",
                                                {"--restore-from", f.dir.sub("nothing")}}),
                    std::runtime_error);
  f.node.reset();
}

BOOST_AUTO_TEST_SUITE_END()
