// queue_depths: how full every step queue of this process is, for /metrics.
// Each topic-queue actor tracks one entry and stores its counts after every
// change (relaxed atomics, no lock on the request path); a scrape reads them
// all, merged by (topic, step) across partitions.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace troupe::actors::queue_depths {

struct entry {
  std::string topic;
  std::string step;
  std::atomic<uint64_t> ready{0};
  std::atomic<uint64_t> delayed{0};
  std::atomic<uint64_t> in_flight{0};
  std::atomic<uint64_t> dead{0};
};

/// A new entry for a queue; it counts while the returned pointer lives.
std::shared_ptr<entry> track(std::string topic, std::string step);

struct reading {
  std::string topic;
  std::string step;
  uint64_t ready = 0;
  uint64_t delayed = 0;
  uint64_t in_flight = 0;
  uint64_t dead = 0;

  uint64_t total() const { return ready + delayed + in_flight + dead; }
};

/// Every live queue's counts, one reading per (topic, step), deepest first.
std::vector<reading> read();

} // namespace troupe::actors::queue_depths
