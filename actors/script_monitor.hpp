// script_monitor: what the node knows of the Lua scripts its kv shards run,
// shared by the shards (which run them) and the RESP sessions (which answer
// SCRIPT KILL). Atomics only: any thread may touch it.
//
// A script that runs past the budget (--script-time-limit-ms, CONFIG SET
// busy-reply-threshold or its old name lua-time-limit) becomes busy and, from then on, asks
// at every check whether a SCRIPT KILL came after it became busy. A kill
// stops every script busy at that moment; one that becomes busy later is
// not affected.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace troupe::actors {

class script_monitor {
public:
  /// A script passed its budget; returns the kill generation it watches.
  uint64_t begin_busy() {
    busy_.fetch_add(1);
    return kills_.load();
  }

  /// A busy script ended (finished, failed or killed).
  void end_busy() { busy_.fetch_sub(1); }

  /// True when a kill arrived after the script became busy at `generation`.
  bool killed_since(uint64_t generation) const { return kills_.load() != generation; }

  /// SCRIPT KILL: false when no script is busy.
  bool kill() {
    if (busy_.load() == 0)
      return false;
    kills_.fetch_add(1);
    return true;
  }

  /// Scripts running past their budget now.
  int busy() const { return busy_.load(); }

  /// How long a script runs before it becomes busy.
  std::chrono::milliseconds budget() const {
    return std::chrono::milliseconds{budget_ms_.load(std::memory_order_relaxed)};
  }
  void set_budget(std::chrono::milliseconds b) { budget_ms_.store(b.count()); }

private:
  std::atomic<int64_t> budget_ms_{5'000};
  std::atomic<int> busy_{0};
  std::atomic<uint64_t> kills_{0};
};

} // namespace troupe::actors
