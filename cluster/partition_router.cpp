#include "cluster/partition_router.hpp"

namespace troupe::cluster {

partition_router::partition_router(std::shared_ptr<const partition_table> table,
                                   std::vector<actors::state_shard_actor> state_shards)
  : table_(std::move(table)), state_shards_(std::move(state_shards)) {
  // nop
}

} // namespace troupe::cluster
