#include "cluster/partition_router.hpp"

#include "storage/key_codec.hpp"

namespace troupe::cluster {

partition_router::partition_router(std::shared_ptr<const routes> initial)
  : routes_(initial), count_(initial->table->count()) {
  // nop
}

partition_id partition_router::partition_of(std::string_view partition_key) const {
  return partition_id{static_cast<uint16_t>(partition_hash(partition_key) % count_)};
}

partition_id partition_router::stream_partition(std::string_view stream,
                                                std::string_view group) const {
  return partition_of(storage::stream_partition_key(stream, group));
}

destination partition_router::resolve(service s, partition_id p) const {
  auto r = current();
  if (r->state[p.value] == partition_state::local)
    return {r->local[p.value][static_cast<size_t>(s)], false};
  forwarded_.fetch_add(1, std::memory_order_relaxed);
  return {r->gateway[p.value], true};
}

std::optional<destination> partition_router::resolve_on(const std::string& node, service s,
                                                        partition_id p) const {
  auto r = current();
  if (node == r->local_node)
    return resolve(s, p);
  auto it = r->gateways.find(node);
  if (it == r->gateways.end())
    return std::nullopt;
  forwarded_.fetch_add(1, std::memory_order_relaxed);
  return destination{it->second, true};
}

} // namespace troupe::cluster
