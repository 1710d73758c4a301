#include "cluster/partition_router.hpp"

#include "storage/key_codec.hpp"

namespace troupe::cluster {

partition_router::partition_router(std::shared_ptr<const partition_table> table,
                                   std::vector<actors::state_shard_actor> state_shards,
                                   std::vector<actors::stream_directory_actor> stream_directories,
                                   std::vector<actors::event_shard_actor> event_shards,
                                   std::vector<actors::lock_shard_actor> lock_shards,
                                   std::vector<actors::kv_shard_actor> kv_shards)
  : table_(std::move(table)),
    lock_shards_(std::move(lock_shards)),
    event_shards_(std::move(event_shards)),
    state_shards_(std::move(state_shards)),
    stream_directories_(std::move(stream_directories)),
    kv_shards_(std::move(kv_shards)) {
  // nop
}

const actors::stream_directory_actor& partition_router::stream_for(std::string_view stream,
                                                                   std::string_view group) const {
  auto p = table_->partition_of(storage::stream_partition_key(stream, group));
  return stream_directories_[p.value];
}

} // namespace troupe::cluster
