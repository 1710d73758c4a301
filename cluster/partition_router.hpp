// partition_router: finds the actor that serves a partition. Today every
// partition is local (a cluster of one); the router is the one place that
// will learn about remote owners.
//
// Built once at node start, then shared read-only by every session (no
// locking needed). Owns nothing but actor handles.
#pragma once

#include <memory>
#include <vector>

#include "actors/state_shard.hpp"
#include "actors/event_shard.hpp"
#include "actors/kv_shard.hpp"
#include "actors/lock_shard.hpp"
#include "actors/stream_directory.hpp"
#include "cluster/partition_table.hpp"

namespace troupe::cluster {

class partition_router {
public:
  partition_router(std::shared_ptr<const partition_table> table,
                   std::vector<actors::state_shard_actor> state_shards,
                   std::vector<actors::stream_directory_actor> stream_directories,
                   std::vector<actors::event_shard_actor> event_shards,
                   std::vector<actors::lock_shard_actor> lock_shards,
                   std::vector<actors::kv_shard_actor> kv_shards);

  const partition_table& table() const { return *table_; }

  /// The state actor of partition `p`.
  const actors::state_shard_actor& state(partition_id p) const {
    return state_shards_[p.value];
  }

  /// The state actor owning `trace_id`.
  const actors::state_shard_actor& state_for(std::string_view trace_id) const {
    return state(table_->partition_of(trace_id));
  }

  /// Every state actor, one per partition (for scatter-gather).
  const std::vector<actors::state_shard_actor>& all_state() const {
    return state_shards_;
  }

  /// The stream directory owning the group (stream, group_id).
  const actors::stream_directory_actor& stream_for(std::string_view stream,
                                                   std::string_view group) const;

  /// Every stream directory, one per partition (for scatter-gather).
  const std::vector<actors::stream_directory_actor>& all_streams() const {
    return stream_directories_;
  }

  /// The event shard owning `topic`.
  const actors::event_shard_actor& events_for(std::string_view topic) const {
    return event_shards_[table_->partition_of(topic).value];
  }

  /// Every event shard, one per partition (for scatter-gather).
  const std::vector<actors::event_shard_actor>& all_events() const { return event_shards_; }

  /// The lock shard owning the cron job `job`.
  const actors::lock_shard_actor& locks_for(std::string_view job) const {
    return lock_shards_[table_->partition_of(job).value];
  }

  const std::vector<actors::lock_shard_actor>& all_locks() const { return lock_shards_; }

  /// The partition of a Redis key (hash tags honored).
  partition_id kv_partition(std::string_view key) const {
    return table_->partition_of(kv_hash_tag(key));
  }

  /// The kv shard of partition `p`.
  const actors::kv_shard_actor& kv(partition_id p) const { return kv_shards_[p.value]; }

  /// Every kv shard, one per partition (for scatter-gather).
  const std::vector<actors::kv_shard_actor>& all_kv() const { return kv_shards_; }

private:
  std::shared_ptr<const partition_table> table_;
  std::vector<actors::lock_shard_actor> lock_shards_;
  std::vector<actors::event_shard_actor> event_shards_;
  std::vector<actors::state_shard_actor> state_shards_;
  std::vector<actors::stream_directory_actor> stream_directories_;
  std::vector<actors::kv_shard_actor> kv_shards_;
};

} // namespace troupe::cluster
