#include "node/script_cache.hpp"

#include "protocol/resp.hpp"

namespace troupe::node {

bool script_cache::add(const std::string& sha, std::string_view body) {
  std::lock_guard<std::mutex> guard{mu_};
  if (bodies_.count(sha) > 0)
    return true;
  if (bytes_ + body.size() > max_bytes_)
    return false;
  bodies_.emplace(sha, std::make_shared<const std::string>(body));
  bytes_ += body.size();
  return true;
}

std::shared_ptr<const std::string> script_cache::find(std::string_view sha) const {
  auto key = protocol::resp::lower(sha);
  std::lock_guard<std::mutex> guard{mu_};
  auto it = bodies_.find(key);
  return it == bodies_.end() ? nullptr : it->second;
}

size_t script_cache::count() const {
  std::lock_guard<std::mutex> guard{mu_};
  return bodies_.size();
}

void script_cache::flush() {
  std::lock_guard<std::mutex> guard{mu_};
  bodies_.clear();
  bytes_ = 0;
}

} // namespace troupe::node
