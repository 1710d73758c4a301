// partition_router: finds who serves a partition, for every session of the
// node. It holds an immutable `routes` snapshot that the node's cluster
// member swaps whenever the table, the members' reachability or the set of
// partitions served here changes; readers take the current snapshot per
// request (an atomic shared_ptr load) and never lock.
//
// A partition is served either by this node's actors (one per service) or,
// when it lives elsewhere, is moving away or its owner is unreachable, by a
// gateway: the owner's gateway for a remote owner, this node's own gateway
// otherwise (it holds requests of a moving partition until the move ends and
// answers UNAVAILABLE for an unreachable owner).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <memory>
#include <string_view>
#include <vector>

#include <caf/actor.hpp>

#include "cluster/partition_table.hpp"
#include "cluster/request_route.hpp"

namespace troupe::cluster {

/// One partition's actors, indexed by service.
using partition_actors = std::array<caf::actor, service_count>;

/// What happens to a partition here.
enum class partition_state : uint8_t {
  local,        ///< served by this node's actors
  remote,       ///< owned by a reachable node; its gateway serves it
  moving,       ///< moving away from this node: held by the local gateway
  unreachable,  ///< its owner is not reachable (or unknown): UNAVAILABLE
};

/// An immutable snapshot of routing.
struct routes {
  std::shared_ptr<const partition_table> table;
  std::vector<partition_state> state;     ///< per partition
  std::vector<partition_actors> local;    ///< per partition; set when local
  std::vector<caf::actor> gateway;        ///< per partition; set unless local
  std::vector<caf::actor> hubs;           ///< every reachable node's pub/sub hub
  std::map<std::string, caf::actor> gateways;  ///< reachable members' gateways
  std::string local_node;
  caf::actor local_gateway;
};

/// Where a request for one partition and service goes.
struct destination {
  caf::actor actor;
  bool via_gateway = false;  ///< send (forward_atom, service, partition, request)
};

class partition_router {
public:
  explicit partition_router(std::shared_ptr<const routes> initial);

  std::shared_ptr<const routes> current() const { return routes_.load(); }
  void install(std::shared_ptr<const routes> next) { routes_.store(std::move(next)); }

  uint32_t count() const { return count_; }

  /// Partitions of each service's partition key.
  partition_id partition_of(std::string_view partition_key) const;
  partition_id stream_partition(std::string_view stream, std::string_view group) const;
  partition_id kv_partition(std::string_view key) const {
    return partition_of(kv_hash_tag(key));
  }

  /// Where a request of `s` for partition `p` goes now.
  destination resolve(service s, partition_id p) const;

  /// Where it goes when `node` says it serves it (a NOT_LEADER hint):
  /// nullopt when that node is not reachable from here.
  std::optional<destination> resolve_on(const std::string& node, service s,
                                        partition_id p) const;

  /// Requests resolved to a gateway (forwarded, held or refused) so far.
  uint64_t forwarded() const { return forwarded_.load(std::memory_order_relaxed); }

private:
  std::atomic<std::shared_ptr<const routes>> routes_;
  mutable std::atomic<uint64_t> forwarded_{0};
  uint32_t count_;
};

} // namespace troupe::cluster
