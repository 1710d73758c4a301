#include "node/function_registry.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_set>

#include <spdlog/spdlog.h>

#include "protocol/digest.hpp"
#include "protocol/resp.hpp"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"

namespace troupe::node {

namespace {

/// The libraries' codes in the node's metadata: "<length>:<code>" each.
const std::string& stored_key() {
  static const std::string key = storage::node_meta_key("functions");
  return key;
}

std::string encode(const std::unordered_map<std::string,
                                            std::shared_ptr<const function_library>>& libraries) {
  std::string out;
  for (auto& [name, lib] : libraries)
    out += std::to_string(lib->code.size()) + ":" + lib->code;
  return out;
}

/// `error` becomes the error reply `text`.
void fail(std::string& error, std::string_view text) {
  error.clear();
  protocol::resp::error(error, text);
}

std::vector<std::string_view> decode(std::string_view stored) {
  std::vector<std::string_view> codes;
  while (!stored.empty()) {
    size_t n = 0;
    auto [end, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), n);
    auto header = static_cast<size_t>(end - stored.data()) + 1;
    if (ec != std::errc{} || header > stored.size() || *end != ':' || n > stored.size() - header)
      break;
    codes.push_back(stored.substr(header, n));
    stored.remove_prefix(header + n);
  }
  return codes;
}

} // namespace

function_registry::function_registry(storage::db* db, size_t max_bytes)
  : db_(db), max_bytes_(max_bytes) {
  if (db_ == nullptr)
    return;
  storage::db_status status;
  auto stored = db_->get(storage::column::meta, stored_key(), status);
  if (!status.ok)
    spdlog::error("cannot read the stored function libraries: {}", status.message);
  if (!stored)
    return;
  library_map loaded;
  for (auto code : decode(*stored)) {
    std::string error;
    auto info = actors::kv::describe_library(code, error);
    if (!info) {
      spdlog::error("a stored function library no longer loads: {}", error);
      continue;
    }
    auto name = info->name;
    loaded[name] = std::make_shared<function_library>(
      function_library{std::move(*info), std::string{code}, protocol::sha1_hex(code)});
  }
  adopt(std::move(loaded));
}

std::optional<std::string> function_registry::load(std::string_view code, bool replace,
                                                   std::string& error) {
  auto lib = parse(code, error);
  if (!lib)
    return std::nullopt;
  std::lock_guard<std::mutex> guard{mu_};
  if (!replace && libraries_.count(lib->info.name) != 0) {
    fail(error, "ERR Library '" + lib->info.name + "' already exists");
    return std::nullopt;
  }
  auto next = libraries_;
  next.erase(lib->info.name);
  auto name = lib->info.name;
  if (!join(next, {{name, std::move(lib)}}, error) || !commit(std::move(next), error))
    return std::nullopt;
  return name;
}

bool function_registry::restore(const std::vector<std::string>& codes, restore_policy policy,
                                std::string& error) {
  // The payload's libraries first, as if loaded into an empty node.
  library_map incoming;
  std::vector<std::string> names;  // in the payload's order
  for (auto& code : codes) {
    auto lib = parse(code, error);
    if (!lib)
      return false;
    auto name = lib->info.name;
    names.push_back(name);
    if (incoming.count(name) != 0) {
      fail(error, "ERR Library '" + name + "' already exists");
      return false;
    }
    library_map one{{name, std::move(lib)}};
    if (!join(incoming, one, error))
      return false;
  }
  std::lock_guard<std::mutex> guard{mu_};
  library_map next = policy == restore_policy::flush ? library_map{} : libraries_;
  for (auto& name : names) {
    if (next.count(name) != 0 && policy == restore_policy::append) {
      fail(error, "ERR Library " + name + " already exists");
      return false;
    }
    next.erase(name);
  }
  return join(next, incoming, error) && commit(std::move(next), error);
}

std::shared_ptr<const function_library> function_registry::parse(std::string_view code,
                                                                 std::string& error) {
  auto info = actors::kv::describe_library(code, error);
  if (!info)
    return nullptr;
  return std::make_shared<function_library>(
    function_library{std::move(*info), std::string{code}, protocol::sha1_hex(code)});
}

bool function_registry::join(library_map& into, const library_map& added,
                             std::string& error) const {
  size_t bytes = 0;
  std::unordered_set<std::string_view> taken;
  for (auto& [name, lib] : into) {
    bytes += lib->code.size();
    for (auto& f : lib->info.functions)
      taken.insert(f.name);
  }
  for (auto& [name, lib] : added) {
    bytes += lib->code.size();
    for (auto& f : lib->info.functions)
      if (taken.count(f.name) != 0) {
        fail(error, "ERR Function " + f.name + " already exists");
        return false;
      }
  }
  if (bytes > max_bytes_) {
    fail(error, "ERR the function libraries are full (" + std::to_string(max_bytes_ >> 20)
                  + " MiB of code); FUNCTION DELETE or FUNCTION FLUSH frees them");
    return false;
  }
  for (auto& [name, lib] : added)
    into[name] = lib;
  return true;
}

std::optional<function_registry::found> function_registry::find(std::string_view function) const {
  std::lock_guard<std::mutex> guard{mu_};
  auto it = functions_.find(std::string{function});
  if (it == functions_.end())
    return std::nullopt;
  auto& fns = it->second->info.functions;
  auto at = std::find_if(fns.begin(), fns.end(),
                         [&](const actors::kv::function_info& f) { return f.name == function; });
  return found{it->second, static_cast<size_t>(at - fns.begin())};
}

bool function_registry::remove(std::string_view library, std::string& error) {
  std::lock_guard<std::mutex> guard{mu_};
  auto next = libraries_;
  if (next.erase(std::string{library}) == 0) {
    fail(error, "ERR Library not found");
    return false;
  }
  return commit(std::move(next), error);
}

bool function_registry::flush(std::string& error) {
  std::lock_guard<std::mutex> guard{mu_};
  return commit({}, error);
}

std::vector<std::shared_ptr<const function_library>> function_registry::libraries() const {
  std::vector<std::shared_ptr<const function_library>> out;
  {
    std::lock_guard<std::mutex> guard{mu_};
    for (auto& [name, lib] : libraries_)
      out.push_back(lib);
  }
  std::sort(out.begin(), out.end(),
            [](auto& a, auto& b) { return a->info.name < b->info.name; });
  return out;
}

size_t function_registry::library_count() const {
  std::lock_guard<std::mutex> guard{mu_};
  return libraries_.size();
}

size_t function_registry::function_count() const {
  std::lock_guard<std::mutex> guard{mu_};
  return functions_.size();
}

bool function_registry::commit(library_map next, std::string& error) {
  if (db_ != nullptr) {
    storage::write_batch batch;
    if (next.empty())
      batch.remove(storage::column::meta, stored_key());
    else
      batch.put(storage::column::meta, stored_key(), encode(next));
    if (auto status = db_->write(std::move(batch)); !status.ok) {
      fail(error, "ERR the function libraries could not be stored: " + status.message);
      return false;
    }
  }
  adopt(std::move(next));
  return true;
}

void function_registry::adopt(library_map next) {
  libraries_ = std::move(next);
  functions_.clear();
  for (auto& [name, lib] : libraries_)
    for (auto& f : lib->info.functions)
      functions_[f.name] = lib;
}

} // namespace troupe::node
