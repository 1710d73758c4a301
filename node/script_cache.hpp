// script_cache: the Lua scripts a node knows by digest (SCRIPT LOAD, EVAL),
// shared by its RESP sessions. EVALSHA finds a body here and sends it with
// the digest to the partition that runs it, so any node's partitions can run
// a script loaded at this node. Thread-safe.
//
// Bounded: past `max_bytes` of bodies, loading a new script is refused
// (SCRIPT FLUSH frees them), so a client cannot grow it without limit.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace troupe::node {

class script_cache {
public:
  explicit script_cache(size_t max_bytes = size_t{64} << 20) : max_bytes_(max_bytes) {}

  /// Keeps `body` under `sha`; false when the cache is full.
  bool add(const std::string& sha, std::string_view body);

  /// The body of `sha` (40 hex digits, any case); nullptr when unknown.
  std::shared_ptr<const std::string> find(std::string_view sha) const;

  /// Forgets every script.
  void flush();

  /// How many scripts it holds.
  size_t count() const;

  size_t max_bytes() const { return max_bytes_; }

private:
  size_t max_bytes_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const std::string>> bodies_;
  size_t bytes_ = 0;
};

} // namespace troupe::node
