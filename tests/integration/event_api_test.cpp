// Events end to end: durable per-step queues through real troupe-node
// processes. Timers (delay, backoff, visibility) run on the node's manual
// clock (--manual-clock), moved by AdvanceClock: no test waits for time.
#include <atomic>
#include <csignal>
#include <map>
#include <set>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "protocol/troupe.pb.h"
#include "tests/support/node_fixture.hpp"

using namespace troupe;
using troupe::test::node_fixture;

namespace event_test {

using troupe::test::must;
using troupe::test::must_ok;

client::queue_message must_delivery(client::sync_client& c) {
  auto d = c.next_delivery(std::chrono::seconds{30});
  BOOST_TEST_REQUIRE(d.has_value(), "no delivery arrived");
  return *d;
}

bool nothing_delivered(client::sync_client& c) {
  return !c.next_delivery(std::chrono::milliseconds{0}).has_value();
}

client::queue_config config(std::string type = "standard", int32_t retries = 3) {
  client::queue_config c;
  c.type = std::move(type);
  c.max_retries = retries;
  c.visibility_timeout_ms = 60000;
  c.backoff_ms = 1000;
  return c;
}

client::emit_entry event(const std::string& data, std::optional<std::string> group = {}) {
  return {data, "trace-1", {"flow"}, std::move(group), {}};
}

/// A --manual-clock node.
struct clocked_node : node_fixture {
  clocked_node() : node_fixture("os", {"--manual-clock"}) {}
};

} // namespace event_test

using namespace event_test;

BOOST_AUTO_TEST_SUITE(event_api)

BOOST_AUTO_TEST_CASE(emit_fans_out_to_every_subscribed_step) {
  node_fixture f;
  auto a = f.connect();
  auto b = f.connect();
  auto sa = must(a->subscribe_events("order.created", "notify", config()));
  auto sb = must(b->subscribe_events("order.created", "audit", config()));
  auto emitter = f.connect();
  auto r = must(emitter->emit_batch("order.created",
                                    {event(R"({"n":1})"), event(R"({"n":2})"), event(R"({"n":3})")}));
  BOOST_TEST(r.steps == 2u);
  BOOST_TEST(r.message_ids.size() == 6u);
  for (auto* c : {a.get(), b.get()}) {
    for (int i = 1; i <= 3; ++i) {
      auto d = must_delivery(*c);
      BOOST_TEST(d.data == R"({"n":)" + std::to_string(i) + "}");
      BOOST_TEST(d.attempt == 1u);
      BOOST_TEST(d.trace_id == "trace-1");
      BOOST_TEST(d.flows == std::vector<std::string>{"flow"});
      must_ok(c->ack(c == a.get() ? sa : sb, d.message_id));
    }
  }
  auto stats = must(emitter->get_queue_stats("order.created", "notify"));
  BOOST_TEST(stats.ready + stats.in_flight + stats.delayed + stats.dead == 0u);
  BOOST_TEST((must(emitter->topics()) == std::vector<std::string>{"order.created"}));
  auto info = must(emitter->get_topic_info("order.created"));
  BOOST_TEST((info.steps == std::vector<std::string>{"audit", "notify"}));
  BOOST_TEST(info.consumers == 2u);
}

BOOST_AUTO_TEST_CASE(emit_without_subscribed_steps_stores_nothing) {
  node_fixture f;
  auto c = f.connect();
  auto r = must(c->emit("nobody.listens", event("{}")));
  BOOST_TEST(r.steps == 0u);
  BOOST_TEST(r.message_ids.empty());
  BOOST_TEST(must(c->topics()).empty());
  auto stats = c->get_queue_stats("nobody.listens", "x");
  BOOST_TEST((stats.error().code == error_code::not_found));
}

BOOST_AUTO_TEST_CASE(competing_consumers_share_the_work_exactly_once) {
  node_fixture f;
  constexpr int events = 40;
  std::vector<std::unique_ptr<client::sync_client>> consumers;
  std::vector<uint64_t> subs;
  for (int i = 0; i < 2; ++i) {
    consumers.push_back(f.connect());
    subs.push_back(must(consumers.back()->subscribe_events("t", "step", config())));
  }
  std::vector<client::emit_entry> batch;
  for (int i = 0; i < events; ++i)
    batch.push_back(event(std::to_string(i)));
  must(f.connect()->emit_batch("t", batch));
  std::atomic<int> handled{0};
  std::vector<std::vector<std::string>> seen(2);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < 2; ++i)
    threads.emplace_back([&, i] {
      while (handled.load() < events) {
        auto d = consumers[i]->next_delivery(std::chrono::milliseconds{200});
        if (!d)
          continue;
        seen[i].push_back(d->message_id);
        BOOST_TEST(consumers[i]->ack(subs[i], d->message_id).ok());
        ++handled;
      }
    });
  for (auto& t : threads)
    t.join();
  std::set<std::string> all(seen[0].begin(), seen[0].end());
  all.insert(seen[1].begin(), seen[1].end());
  BOOST_TEST(all.size() == size_t{events});
  BOOST_TEST(seen[0].size() + seen[1].size() == size_t{events});  // no duplicates
  BOOST_TEST(!seen[0].empty());
  BOOST_TEST(!seen[1].empty());
}

BOOST_AUTO_TEST_CASE(nacks_retry_after_backoff_then_dead_letter_with_the_error) {
  clocked_node f;
  auto c = f.connect();
  auto sub = must(c->subscribe_events("t", "step", config("standard", 2)));
  must(c->emit("t", event(R"({"x":1})")));
  for (uint32_t attempt = 1; attempt <= 3; ++attempt) {
    auto d = must_delivery(*c);
    BOOST_TEST(d.attempt == attempt);
    if (attempt > 1)
      BOOST_TEST(d.last_error == "boom " + std::to_string(attempt - 1));
    must_ok(c->nack(sub, d.message_id, "boom " + std::to_string(attempt)));
    if (attempt < 3) {
      BOOST_TEST(nothing_delivered(*c));  // waiting for the backoff
      BOOST_TEST(must(c->get_queue_stats("t", "step")).delayed == 1u);
      must_ok(c->advance_clock(999));
      BOOST_TEST(nothing_delivered(*c));
      must_ok(c->advance_clock(1));
    }
  }
  // maxRetries 2: three attempts, then the dead letters.
  auto stats = must(c->get_queue_stats("t", "step"));
  BOOST_TEST(stats.dead == 1u);
  BOOST_TEST(stats.ready + stats.delayed + stats.in_flight == 0u);
  auto dead = must(c->dead_letters("t", "step"));
  BOOST_REQUIRE(dead.size() == 1u);
  BOOST_TEST(dead[0].last_error == "boom 3");
  BOOST_TEST(dead[0].attempt == 3u);
  BOOST_TEST(dead[0].data == R"({"x":1})");
  // Replay puts it back with a fresh attempt count.
  BOOST_TEST(must(c->replay_dead_letters("t", "step")) == 1u);
  auto again = must_delivery(*c);
  BOOST_TEST(again.message_id == dead[0].message_id);
  BOOST_TEST(again.attempt == 1u);
  must_ok(c->nack(sub, again.message_id, "still broken"));
  must_ok(c->advance_clock(1000));
  must_ok(c->nack(sub, must_delivery(*c).message_id, "x"));
  must_ok(c->advance_clock(1000));
  must_ok(c->nack(sub, must_delivery(*c).message_id, "y"));
  BOOST_TEST(must(c->purge_dead_letters("t", "step")) == 1u);
  BOOST_TEST(must(c->get_queue_stats("t", "step")).dead == 0u);
}

BOOST_AUTO_TEST_CASE(unacked_delivery_is_redelivered_after_the_visibility_timeout) {
  clocked_node f;
  auto c = f.connect();
  auto cfg = config();
  cfg.visibility_timeout_ms = 5000;
  cfg.backoff_ms = 0;
  auto sub = must(c->subscribe_events("t", "step", cfg));
  must(c->emit("t", event("{}")));
  auto first = must_delivery(*c);
  must_ok(c->advance_clock(4999));
  BOOST_TEST(nothing_delivered(*c));
  must_ok(c->advance_clock(1));
  auto second = must_delivery(*c);
  BOOST_TEST(second.message_id == first.message_id);
  BOOST_TEST(second.attempt == 2u);
  BOOST_TEST(second.last_error == "visibility timeout expired");
  // The first delivery's ack is too late now.
  must_ok(c->ack(sub, second.message_id));
  BOOST_TEST((c->ack(sub, first.message_id).code == error_code::not_found));
}

BOOST_AUTO_TEST_CASE(extended_delivery_stays_with_its_consumer_until_extensions_stop) {
  clocked_node f;
  auto worker = f.connect();
  auto other = f.connect();
  auto cfg = config();
  cfg.visibility_timeout_ms = 5000;
  cfg.backoff_ms = 0;
  auto sub = must(worker->subscribe_events("t", "step", cfg));
  auto other_sub = must(other->subscribe_events("t", "step", cfg));
  must(worker->emit("t", event("{}")));
  auto d = must_delivery(*worker);  // consumers take turns: the worker first
  // Three visibility timeouts pass while the handler reports progress.
  for (int i = 0; i < 6; ++i) {
    must_ok(worker->advance_clock(4000));
    BOOST_TEST(must(worker->extend(sub, {d.message_id})) == 1u);
  }
  must_ok(worker->advance_clock(4999));
  BOOST_TEST(nothing_delivered(*other));
  BOOST_TEST(must(worker->get_queue_stats("t", "step")).in_flight == 1u);
  // Only the consumer it was delivered to extends it; unknown ids count 0.
  BOOST_TEST(must(other->extend(other_sub, {d.message_id, "0-999", "junk"})) == 0u);
  BOOST_TEST((other->extend(other_sub + 1, {d.message_id}).error().code == error_code::not_found));
  // Extensions stop (the handler's process hangs or died): it times out.
  must_ok(worker->advance_clock(1));
  auto again = must_delivery(*other);
  BOOST_TEST(again.message_id == d.message_id);
  BOOST_TEST(again.attempt == 2u);
  BOOST_TEST(must(worker->extend(sub, {d.message_id})) == 0u);
  must_ok(other->ack(other_sub, again.message_id));
}

BOOST_AUTO_TEST_CASE(delay_keeps_a_message_invisible) {
  clocked_node f;
  auto c = f.connect();
  auto cfg = config();
  cfg.delay_ms = 10000;
  must(c->subscribe_events("t", "step", cfg));
  must(c->emit("t", event("{}")));
  BOOST_TEST(nothing_delivered(*c));
  BOOST_TEST(must(c->get_queue_stats("t", "step")).delayed == 1u);
  must_ok(c->advance_clock(10000));
  BOOST_TEST(must_delivery(*c).attempt == 1u);
}

BOOST_AUTO_TEST_CASE(fifo_keeps_order_per_group_while_groups_run_in_parallel) {
  node_fixture f;
  std::vector<std::unique_ptr<client::sync_client>> consumers;
  std::vector<uint64_t> subs;
  for (int i = 0; i < 3; ++i) {
    consumers.push_back(f.connect());
    subs.push_back(must(consumers.back()->subscribe_events("t", "step", config("fifo"))));
  }
  std::vector<client::emit_entry> batch;
  for (int n = 0; n < 4; ++n)
    for (auto g : {"g1", "g2", "g3"})
      batch.push_back(event(std::string{"\""} + g + "-" + std::to_string(n) + "\"", std::string{g}));
  must(f.connect()->emit_batch("t", batch));
  std::map<std::string, std::vector<std::string>> order;
  for (int round = 0; round < 4; ++round) {
    // One message of each group is in flight at once, on three consumers.
    std::set<std::string> groups;
    std::vector<client::queue_message> got;
    for (auto& c : consumers) {
      got.push_back(must_delivery(*c));
      groups.insert(*got.back().message_group_id);
    }
    BOOST_TEST(groups.size() == 3u);
    for (size_t i = 0; i < 3; ++i) {
      order[*got[i].message_group_id].push_back(got[i].data);
      must_ok(consumers[i]->ack(subs[i], got[i].message_id));
    }
  }
  for (auto g : {"g1", "g2", "g3"})
    for (int n = 0; n < 4; ++n)
      BOOST_TEST(order[g][static_cast<size_t>(n)]
                 == std::string{"\""} + g + "-" + std::to_string(n) + "\"");
}

BOOST_AUTO_TEST_CASE(disconnecting_consumer_gives_its_deliveries_back_at_once) {
  node_fixture f;
  auto stayer = f.connect();
  auto leaver = f.connect();
  auto leaver_sub = must(leaver->subscribe_events("t", "step", config()));
  must(f.connect()->emit("t", event("{}")));
  auto d = must_delivery(*leaver);
  BOOST_TEST(leaver_sub > 0u);
  auto stay_sub = must(stayer->subscribe_events("t", "step", config()));
  BOOST_TEST(nothing_delivered(*stayer));  // in flight at the leaver
  leaver.reset();                          // connection closes mid-flight
  auto again = must_delivery(*stayer);
  BOOST_TEST(again.message_id == d.message_id);
  BOOST_TEST(again.attempt == 1u);  // a disconnect is not a failed attempt
  must_ok(stayer->ack(stay_sub, again.message_id));
}

BOOST_AUTO_TEST_CASE(events_wait_for_a_step_whose_consumers_are_all_offline) {
  node_fixture f;
  {
    auto c = f.connect();
    must(c->subscribe_events("t", "step", config()));
  }  // every consumer gone; the step stays subscribed
  auto emitter = f.connect();
  BOOST_TEST(must(emitter->emit_batch("t", {event("1"), event("2")})).steps == 1u);
  f.restart();  // a rolling restart loses nothing either
  auto c = f.connect();
  auto sub = must(c->subscribe_events("t", "step", config()));
  for (auto expected : {"1", "2"}) {
    auto d = must_delivery(*c);
    BOOST_TEST(d.data == expected);
    must_ok(c->ack(sub, d.message_id));
  }
  must_ok(c->remove_step("t", "step"));
  BOOST_TEST(must(c->topics()).empty());
  BOOST_TEST(must(c->emit("t", event("3"))).steps == 0u);
}

BOOST_AUTO_TEST_CASE(kill_9_during_a_burst_of_emits_loses_no_acknowledged_event) {
  node_fixture f{"fsync"};
  {
    auto c = f.connect();
    must(c->subscribe_events("t", "step", config()));
  }
  std::vector<std::shared_ptr<const v1::Request>> reqs;
  for (int i = 0; i < 10000; ++i) {
    auto r = std::make_shared<v1::Request>();
    r->mutable_event_emit()->set_topic("t");
    r->mutable_event_emit()->mutable_event()->set_data(std::to_string(i));
    reqs.push_back(r);
  }
  std::set<std::string> acknowledged;
  {
    auto c = f.connect();
    // Kill the node as the first acknowledgement arrives, with most of the
    // burst still in flight.
    auto replies = c->pipeline(reqs, [&](size_t i, const v1::Response&) {
      if (i == 0)
        f.node->kill_hard();
    });
    for (auto& r : replies)
      if (!r->has_error())
        for (auto& id : r->emit().message_ids())
          acknowledged.insert(id);
  }
  BOOST_TEST(acknowledged.size() >= 1u);
  BOOST_TEST_MESSAGE("acknowledged " << acknowledged.size() << " of " << reqs.size());
  f.start();
  auto c = f.connect();
  auto cfg = config();
  cfg.concurrency = 64;
  auto sub = must(c->subscribe_events("t", "step", cfg));
  std::set<std::string> delivered;
  while (!std::includes(delivered.begin(), delivered.end(), acknowledged.begin(),
                        acknowledged.end())) {
    auto d = c->next_delivery(std::chrono::seconds{30});
    BOOST_TEST_REQUIRE(d.has_value(), "an acknowledged emit was never delivered");
    delivered.insert(d->message_id);
    must_ok(c->ack(sub, d->message_id));
  }
}

BOOST_AUTO_TEST_CASE(bad_requests_get_clear_errors_and_change_nothing) {
  node_fixture f;
  auto c = f.connect();
  auto bad = [&](client::queue_config cfg) {
    auto r = c->subscribe_events("t", "step", cfg);
    BOOST_TEST((r.error().code == error_code::invalid_argument));
  };
  auto negative = config();
  negative.max_retries = -1;
  bad(negative);
  auto zero = config();
  zero.visibility_timeout_ms = 0;
  bad(zero);
  bad(config("priority"));
  BOOST_TEST(must(c->topics()).empty());  // nothing was subscribed

  BOOST_TEST((c->ack(12345, "0-1").code == error_code::not_found));  // unknown subscription
  auto sub = must(c->subscribe_events("t", "step", config()));
  BOOST_TEST((c->emit("t", event("{bad json")).error().code == error_code::invalid_argument));
  must(c->emit("t", event("{}")));
  auto d = must_delivery(*c);
  must_ok(c->ack(sub, d.message_id));
  BOOST_TEST((c->ack(sub, d.message_id).code == error_code::not_found));  // double ack
  BOOST_TEST((c->nack(sub, "garbage", "x").code == error_code::not_found));

  // Another consumer's delivery.
  auto other = f.connect();
  auto other_sub = must(other->subscribe_events("t", "step", config()));
  must(c->emit("t", event("{}")));
  std::optional<client::queue_message> got = c->next_delivery(std::chrono::seconds{2});
  auto* owner = c.get();
  auto owner_sub = sub;
  auto* thief = other.get();
  auto thief_sub = other_sub;
  if (!got) {
    got = must_delivery(*other);
    std::swap(owner, thief);
    std::swap(owner_sub, thief_sub);
  }
  BOOST_TEST((thief->ack(thief_sub, got->message_id).code == error_code::conflict));
  must_ok(owner->ack(owner_sub, got->message_id));
}

BOOST_AUTO_TEST_CASE(cli_emits_and_manages_queues) {
  node_fixture f;
  auto c = f.connect();
  auto sub = must(c->subscribe_events("t", "step", config("standard", 0)));
  auto cli = std::string{TROUPE_CLI_BIN} + " --node 127.0.0.1:" + std::to_string(f.node->port()) + " ";
  auto [rc1, out1] = test::run_command(cli + "emit t '{\"k\":1}' --trace-id tr");
  BOOST_TEST(rc1 == 0);
  BOOST_TEST(out1.rfind("emitted to 1 step(s) ", 0) == 0u);
  auto d = must_delivery(*c);
  BOOST_TEST(d.trace_id == "tr");
  must_ok(c->nack(sub, d.message_id, "bad \"input\""));  // maxRetries 0: dead at once
  auto [rc2, out2] = test::run_command(cli + "topics");
  BOOST_TEST(out2 == "t\n");
  auto [rc3, out3] = test::run_command(cli + "queue stats t step");
  BOOST_TEST(out3.find("dead 1") != std::string::npos);
  auto [rc4, out4] = test::run_command(cli + "dlq list t step");
  BOOST_TEST(out4.find("\"lastError\":\"bad \\\"input\\\"\"") != std::string::npos);
  BOOST_TEST(out4.find("\"data\":{\"k\":1}") != std::string::npos);
  auto [rc5, out5] = test::run_command(cli + "dlq replay t step");
  BOOST_TEST(out5 == "replayed 1\n");
  must_ok(c->ack(sub, must_delivery(*c).message_id));
  auto [rc6, out6] = test::run_command(cli + "dlq purge t step");
  BOOST_TEST(out6 == "purged 0\n");
}

BOOST_AUTO_TEST_CASE(a_retried_emit_with_the_same_key_is_stored_once) {
  clocked_node f;
  auto c = f.connect();
  auto sub = must(c->subscribe_events("t", "step", config()));
  auto once = event("1");
  once.idempotency_key = "emit-abc";
  auto first = must(c->emit("t", once));
  auto again = must(c->emit("t", once));
  BOOST_TEST(again.message_ids == first.message_ids);
  auto batch = must(c->emit_batch("t", {once, event("2")}));  // one repeat, one new
  BOOST_REQUIRE(batch.message_ids.size() == 2u);
  BOOST_TEST(batch.message_ids[0] == first.message_ids[0]);
  std::vector<std::string> data;
  for (int i = 0; i < 2; ++i) {
    auto d = must_delivery(*c);
    data.push_back(d.data);
    must_ok(c->ack(sub, d.message_id));
  }
  BOOST_TEST((data == std::vector<std::string>{"1", "2"}));
  BOOST_TEST(nothing_delivered(*c));
  // The key is remembered for 24 hours.
  must_ok(c->advance_clock(24 * 3600 * 1000));
  BOOST_TEST(must(c->emit("t", once)).message_ids != first.message_ids);
}

BOOST_AUTO_TEST_CASE(advance_clock_needs_a_manual_clock) {
  node_fixture f;
  BOOST_TEST((f.connect()->advance_clock(5).code == error_code::invalid_argument));
}

BOOST_AUTO_TEST_SUITE_END()
