// partition_id: a distinct type for partition numbers, so they cannot be
// mixed up with counts, revisions or node ids. Plain value.
#pragma once

#include <compare>
#include <cstdint>

namespace troupe {

struct partition_id {
  uint16_t value = 0;

  constexpr partition_id() = default;
  constexpr explicit partition_id(uint16_t v) : value(v) {}
  constexpr auto operator<=>(const partition_id&) const = default;
};

/// Largest partition count a cluster may be created with (2-byte prefix).
constexpr uint32_t max_partitions = 65535;

} // namespace troupe
