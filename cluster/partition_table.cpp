#include "cluster/partition_table.hpp"

#include <xxhash.h>

namespace troupe::cluster {

uint64_t partition_hash(std::string_view partition_key) {
  return XXH64(partition_key.data(), partition_key.size(), 0);
}

std::string_view kv_hash_tag(std::string_view key) {
  auto open = key.find('{');
  if (open == std::string_view::npos)
    return key;
  auto close = key.find('}', open + 1);
  if (close == std::string_view::npos || close == open + 1)
    return key;
  return key.substr(open + 1, close - open - 1);
}

partition_table::partition_table(uint32_t count, std::string local_node)
  : local_node_(std::move(local_node)), owners_(count, local_node_) {
  // nop
}

partition_id partition_table::partition_of(std::string_view partition_key) const {
  return partition_id{static_cast<uint16_t>(partition_hash(partition_key) % count())};
}

} // namespace troupe::cluster
