#include "actors/queue_depths.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <utility>

namespace troupe::actors::queue_depths {

namespace {

struct registry {
  std::mutex mu;
  std::vector<std::weak_ptr<entry>> entries;
};

registry& the_registry() {
  static registry r;
  return r;
}

} // namespace

std::shared_ptr<entry> track(std::string topic, std::string step) {
  auto e = std::make_shared<entry>();
  e->topic = std::move(topic);
  e->step = std::move(step);
  auto& r = the_registry();
  std::lock_guard<std::mutex> guard{r.mu};
  // Entries of queues that stopped go when new ones come, so the list
  // stays as long as the live queues (plus the stopped since the last add).
  std::erase_if(r.entries, [](const std::weak_ptr<entry>& w) { return w.expired(); });
  r.entries.push_back(e);
  return e;
}

std::vector<reading> read() {
  std::map<std::pair<std::string, std::string>, reading> merged;
  {
    auto& r = the_registry();
    std::lock_guard<std::mutex> guard{r.mu};
    for (auto& w : r.entries) {
      auto e = w.lock();
      if (!e)
        continue;
      auto& m = merged[{e->topic, e->step}];
      m.ready += e->ready.load(std::memory_order_relaxed);
      m.delayed += e->delayed.load(std::memory_order_relaxed);
      m.in_flight += e->in_flight.load(std::memory_order_relaxed);
      m.dead += e->dead.load(std::memory_order_relaxed);
    }
  }
  std::vector<reading> out;
  out.reserve(merged.size());
  for (auto& [key, m] : merged) {
    m.topic = key.first;
    m.step = key.second;
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const reading& a, const reading& b) { return a.total() > b.total(); });
  return out;
}

} // namespace troupe::actors::queue_depths
