// script_monitor: what the node knows of the Lua scripts its kv shards run,
// shared by the shards (which run them) and the RESP sessions (which answer
// SCRIPT KILL, FUNCTION KILL and STATS). Any thread may touch it.
//
// A script that runs past the budget (--script-time-limit-ms, CONFIG SET
// busy-reply-threshold or its old name lua-time-limit) becomes busy and, from then on, asks
// at every check whether a kill of its kind came after it became busy:
// SCRIPT KILL stops every EVAL busy at that moment, FUNCTION KILL every
// FCALL; one that becomes busy later is not affected.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <chrono>
#include <cstdint>

namespace troupe::actors {

class script_monitor {
public:
  /// A script (a function: FCALL's) passed its budget; returns the kill
  /// generation it watches.
  /// `name` and `started` are the function's, which FUNCTION STATS shows.
  uint64_t begin_busy(bool function = false, std::string_view name = {},
                      std::chrono::steady_clock::time_point started = {}) {
    busy_.fetch_add(1);
    if (function) {
      std::lock_guard<std::mutex> guard{mu_};
      busy_functions_.fetch_add(1);
      last_function_ = busy_function{std::string{name}, started};
    }
    return kills(function).load();
  }

  /// A function running past its budget (the latest to become busy).
  struct busy_function {
    std::string name;
    std::chrono::steady_clock::time_point started;
  };
  std::optional<busy_function> function_running() const {
    std::lock_guard<std::mutex> guard{mu_};
    if (busy_functions_.load() == 0)
      return std::nullopt;
    return last_function_;
  }

  /// A busy script ended (finished, failed or killed).
  void end_busy(bool function = false) {
    if (function)
      busy_functions_.fetch_sub(1);
    busy_.fetch_sub(1);
  }

  /// True when a kill of its kind arrived after the script (a function:
  /// FCALL's) became busy at `generation`.
  bool killed_since(uint64_t generation, bool function = false) const {
    return kills(function).load() != generation;
  }

  /// SCRIPT KILL (FUNCTION KILL with `function`): false when no script of
  /// that kind is busy.
  bool kill(bool function = false) {
    if ((function ? busy_functions() : busy() - busy_functions()) <= 0)
      return false;
    kills(function).fetch_add(1);
    return true;
  }

  /// Scripts running past their budget now.
  int busy() const { return busy_.load(); }

  /// Of those, the functions (FCALL): BUSY then names FUNCTION KILL.
  int busy_functions() const { return busy_functions_.load(); }

  /// How long a script runs before it becomes busy.
  std::chrono::milliseconds budget() const {
    return std::chrono::milliseconds{budget_ms_.load(std::memory_order_relaxed)};
  }
  void set_budget(std::chrono::milliseconds b) { budget_ms_.store(b.count()); }

private:
  std::atomic<int64_t> budget_ms_{5'000};
  std::atomic<int> busy_{0};
  std::atomic<int> busy_functions_{0};
  std::atomic<uint64_t> kills_{0};
  std::atomic<uint64_t> function_kills_{0};
  mutable std::mutex mu_;  // last_function_
  busy_function last_function_;

  std::atomic<uint64_t>& kills(bool function) { return function ? function_kills_ : kills_; }
  const std::atomic<uint64_t>& kills(bool function) const {
    return function ? function_kills_ : kills_;
  }
};

} // namespace troupe::actors
