// A linearizability checker for histories of one register (Wing & Gong's
// search with Lowe's memoisation, as in Knossos and Porcupine): is there an
// order of the operations, each taking effect at one instant between its
// call and its return, that a single register would have produced?
// Operations that never returned (the client gave up) may take effect at any
// time after their call, or never. Plain code, single-threaded.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace troupe::testing {

struct register_op {
  enum class kind : uint8_t { read, write, cas };
  static constexpr uint64_t never = std::numeric_limits<uint64_t>::max();

  kind op = kind::read;
  uint64_t call = 0;
  uint64_t ret = never;     ///< never: no answer was seen
  std::string value;        ///< read: the value seen; write: the value written; cas: the new value
  std::string expected;     ///< cas: the value it compared against
  bool succeeded = false;   ///< cas with an answer: whether it swapped
  int client = 0;
};

/// True when `history` (the operations on one register, whose value starts
/// as "") is linearizable.
bool linearizable(const std::vector<register_op>& history);

} // namespace troupe::testing
