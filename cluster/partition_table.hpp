// partition_table: which node owns each partition, at which epoch, and the
// members of the cluster.
//
// The partition of a record is xxHash64(partition key, seed 0) mod P, with P
// fixed when the cluster is created. A single node is a cluster of one that
// owns every partition; every request is routed through this table, so a
// cluster changes who owns a partition, never how a request finds it.
//
// The epoch grows by one with every change (a member joins or leaves, a
// partition changes owner); a node keeps the table with the highest epoch it
// has seen and stores it, so a restarted node knows what it owns. Each
// partition has one owner for now; the owner list per partition is where the
// replica list will go.
//
// Plain value; nodes exchange it as a troupe.v1.PartitionTable (encode /
// decode) and share one immutable instance between actors.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
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

/// One member as the table records it.
struct member {
  std::string client_address;   ///< host:port of the client protocol
  std::string cluster_address;  ///< host:port of CAF remoting
  std::string resp_address;     ///< host:port of the RESP door, empty when off
  bool leaving = false;         ///< being drained: owns nothing when done
};

/// A partition changing owner.
struct partition_move {
  partition_id partition;
  std::string from;
  std::string to;
};

class partition_table {
public:
  /// A table of `count` partitions (1..65535) that names no owner yet.
  explicit partition_table(uint32_t count);

  /// A table of `count` partitions, all owned by `node` (a new cluster,
  /// with a new random cluster id).
  partition_table(uint32_t count, const std::string& node, member info);

  uint32_t count() const { return static_cast<uint32_t>(owners_.size()); }
  uint64_t epoch() const { return epoch_; }
  void set_epoch(uint64_t epoch) { epoch_ = epoch; }

  /// Made when the cluster starts (empty until a joining node learns it):
  /// nodes whose data belongs to different clusters never merge tables.
  const std::string& cluster_id() const { return cluster_id_; }

  partition_id partition_of(std::string_view partition_key) const;

  /// The owner's node id; empty when none is known.
  const std::string& owner(partition_id p) const { return owners_[p.value]; }
  void set_owner(partition_id p, std::string node) { owners_[p.value] = std::move(node); }

  /// Partitions `node` owns.
  uint32_t owned_by(std::string_view node) const;

  const std::map<std::string, member>& members() const { return members_; }
  const member* find_member(std::string_view node) const;
  void put_member(const std::string& node, member info) { members_[node] = std::move(info); }
  void remove_member(const std::string& node) { members_.erase(node); }

  /// Replicated: the members that started the cluster, whose replica sets
  /// each partition's Raft group began with (empty in a table stored before
  /// they were recorded: then the members are).
  const std::vector<std::string>& founders() const { return founders_; }
  void set_founders(std::vector<std::string> ids) { founders_ = std::move(ids); }

  /// Replicated with `factor` replicas: the members partition p should be
  /// replicated on, in id order — every member not leaving when there are at
  /// most `factor` of them, else `factor` of them in turn from the p-th, so
  /// that replicas and leaders spread evenly.
  std::vector<std::string> replicas(partition_id p, uint32_t factor) const;
  /// The replica that should lead partition p: the p-th member not leaving,
  /// so that leaders spread evenly (one of replicas(p)).
  std::string preferred_leader(partition_id p) const;
  /// The replicas partition p's group started with: the same rule over the
  /// founders.
  std::vector<std::string> initial_replicas(partition_id p, uint32_t factor) const;

  /// The next partition move that brings the table towards an even spread
  /// over the members that are not leaving (the first count % n members in
  /// id order hold one more), among moves whose both ends satisfy
  /// `reachable`; nullopt when balanced or no such move exists. Stable: a
  /// balanced table yields no move.
  template <class Reachable>
  std::optional<partition_move> next_move(Reachable reachable) const {
    auto moves = plan();
    for (auto& m : moves)
      if (reachable(m.from) && reachable(m.to))
        return m;
    return std::nullopt;
  }

  /// Every move the even spread needs, in a fixed order.
  std::vector<partition_move> plan() const;

  /// troupe.v1.PartitionTable bytes, and back (nullopt when malformed).
  std::string encode() const;
  static std::optional<partition_table> decode(std::string_view bytes);

private:
  /// The members not leaving, in id order (all of them when every one is).
  std::vector<std::string> holders() const;

  std::vector<std::string> owners_;
  std::map<std::string, member> members_;
  std::vector<std::string> founders_;
  uint64_t epoch_ = 0;
  std::string cluster_id_;
};

} // namespace troupe::cluster
