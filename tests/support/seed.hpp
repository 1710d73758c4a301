// The one seeded source of randomness for randomised tests: the seed comes
// from TROUPE_TEST_SEED when set, otherwise from the clock, and is printed so
// any failing run can be replayed.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>

namespace troupe::test {

inline uint64_t test_seed(const char* test_name) {
  uint64_t seed;
  if (const char* env = std::getenv("TROUPE_TEST_SEED"))
    seed = std::stoull(env);
  else
    seed = static_cast<uint64_t>(
      std::chrono::steady_clock::now().time_since_epoch().count());
  std::cout << test_name << ": seed " << seed << " (replay with TROUPE_TEST_SEED=" << seed
            << ")" << std::endl;
  return seed;
}

} // namespace troupe::test
