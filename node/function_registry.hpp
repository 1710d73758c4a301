// function_registry: the node's function libraries (FUNCTION LOAD), found by
// library and by function name, shared by its RESP sessions. FCALL finds a
// function here and sends its library's code, with the function's name, to
// the partition that runs it, which loads the library once per interpreter.
//
// The libraries are the node's, as in Redis Cluster, where every node keeps
// its own: they are stored in the node's metadata and loaded again when the
// node starts. Thread-safe. Bounded: past `max_bytes` of code, loading a
// new library is refused (FUNCTION DELETE or FLUSH frees them).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/kv_script.hpp"

namespace troupe::storage {
class db;
} // namespace troupe::storage

namespace troupe::node {

/// One loaded library.
struct function_library {
  actors::kv::library_info info;  ///< its name and functions
  std::string code;
  std::string sha;  ///< SHA1 of `code`: the partitions keep it loaded by it
};

class function_registry {
public:
  /// `db` (nullable: nothing is stored) keeps the libraries; those stored
  /// there are loaded now.
  explicit function_registry(storage::db* db, size_t max_bytes = size_t{64} << 20);

  /// FUNCTION LOAD [REPLACE]: the library's name, or nullopt with Redis's
  /// error reply in `error`.
  std::optional<std::string> load(std::string_view code, bool replace, std::string& error);

  /// A function by name: its library, and its index in the library's list.
  struct found {
    std::shared_ptr<const function_library> library;
    size_t index = 0;
    const actors::kv::function_info& function() const { return library->info.functions[index]; }
  };
  std::optional<found> find(std::string_view function) const;

  /// FUNCTION DELETE: false when no library has that name (`error` says so)
  /// or the change could not be stored.
  bool remove(std::string_view library, std::string& error);

  /// FUNCTION FLUSH; false when the change could not be stored.
  bool flush(std::string& error);

  /// FUNCTION RESTORE's policies: keep the libraries there (refusing a
  /// payload with one of their names), replace those of the same name, or
  /// drop them all first.
  enum class restore_policy { append, replace, flush };

  /// FUNCTION RESTORE of the libraries `codes` (all or none): false with
  /// Redis's error reply in `error`.
  bool restore(const std::vector<std::string>& codes, restore_policy policy, std::string& error);

  /// Every library, in name order.
  std::vector<std::shared_ptr<const function_library>> libraries() const;

  /// How many libraries there are.
  size_t library_count() const;

  /// How many functions the libraries register in all.
  size_t function_count() const;

private:
  using library_map = std::unordered_map<std::string, std::shared_ptr<const function_library>>;

  /// A library from its code; null with Redis's error reply in `error`.
  static std::shared_ptr<const function_library> parse(std::string_view code, std::string& error);
  /// Adds `added` to `into` unless a function of it is one of `into`'s
  /// (Redis's error) or the code would pass max_bytes.
  bool join(library_map& into, const library_map& added, std::string& error) const;
  /// Stores `next` and makes it current; false (with `error`) when storing
  /// failed, nothing changed then. Called with mu_ held.
  bool commit(library_map next, std::string& error);
  /// Makes `next` current, with its functions.
  void adopt(library_map next);

  storage::db* db_;
  size_t max_bytes_;
  mutable std::mutex mu_;
  library_map libraries_;  ///< by library name
  std::unordered_map<std::string, std::shared_ptr<const function_library>> functions_;
};

} // namespace troupe::node
