// partition_table: which node owns each partition, at which epoch.
//
// The partition of a record is xxHash64(partition key, seed 0) mod P, with P
// fixed when the cluster is created. A single node is a cluster of one that
// owns every partition; every request is routed through this table, so a
// cluster changes who owns a partition, never how a request finds it.
// Plain value; the node shares one immutable instance between actors.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/partition_id.hpp"

namespace troupe::cluster {

/// The stable 64-bit hash every client uses: xxHash64 with seed 0.
uint64_t partition_hash(std::string_view partition_key);

/// The part of a Redis key that picks its partition: the text between the
/// first '{' and the next '}' when that is non-empty (Redis Cluster's hash
/// tag), else the whole key. Keys sharing a tag share a partition.
std::string_view kv_hash_tag(std::string_view key);

class partition_table {
public:
  /// A table of `count` partitions (1..65535), all owned by `local_node`.
  partition_table(uint32_t count, std::string local_node);

  uint32_t count() const { return static_cast<uint32_t>(owners_.size()); }
  uint64_t epoch() const { return epoch_; }
  const std::string& local_node() const { return local_node_; }

  partition_id partition_of(std::string_view partition_key) const;
  const std::string& owner(partition_id p) const { return owners_[p.value]; }
  bool is_local(partition_id p) const { return owner(p) == local_node_; }

private:
  std::string local_node_;
  std::vector<std::string> owners_;
  uint64_t epoch_ = 1;
};

} // namespace troupe::cluster
