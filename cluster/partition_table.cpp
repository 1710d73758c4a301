#include "cluster/partition_table.hpp"

#include <algorithm>
#include <cstdio>
#include <random>

#include <xxhash.h>

#include "protocol/troupe.pb.h"

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

partition_table::partition_table(uint32_t count) : owners_(count) {
  // nop
}

partition_table::partition_table(uint32_t count, const std::string& node, member info)
  : owners_(count, node), founders_{node}, epoch_(1) {
  members_.emplace(node, std::move(info));
  std::random_device rd;
  std::uniform_int_distribution<uint64_t> dist;
  char id[17];
  std::snprintf(id, sizeof(id), "%016llx", static_cast<unsigned long long>(dist(rd)));
  cluster_id_ = id;
}

partition_id partition_table::partition_of(std::string_view partition_key) const {
  return partition_id{static_cast<uint16_t>(partition_hash(partition_key) % count())};
}

uint32_t partition_table::owned_by(std::string_view node) const {
  return static_cast<uint32_t>(std::count(owners_.begin(), owners_.end(), node));
}

const member* partition_table::find_member(std::string_view node) const {
  auto it = members_.find(std::string{node});
  return it == members_.end() ? nullptr : &it->second;
}

namespace {

/// `factor` of `ids` (sorted) in turn from the p-th, in id order.
std::vector<std::string> in_turn(std::vector<std::string> ids, partition_id p, uint32_t factor) {
  if (ids.size() <= factor)
    return ids;
  std::vector<std::string> out;
  for (uint32_t k = 0; k < factor; ++k)
    out.push_back(ids[(p.value + k) % ids.size()]);
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

std::vector<std::string> partition_table::holders() const {
  std::vector<std::string> staying, all;
  for (auto& [id, m] : members_) {
    all.push_back(id);
    if (!m.leaving)
      staying.push_back(id);
  }
  return staying.empty() ? all : staying;
}

std::vector<std::string> partition_table::replicas(partition_id p, uint32_t factor) const {
  return in_turn(holders(), p, factor);
}

std::string partition_table::preferred_leader(partition_id p) const {
  auto ids = holders();
  return ids.empty() ? std::string{} : ids[p.value % ids.size()];
}

std::vector<std::string> partition_table::initial_replicas(partition_id p, uint32_t factor) const {
  if (!founders_.empty()) {
    auto ids = founders_;
    std::sort(ids.begin(), ids.end());
    return in_turn(ids, p, factor);
  }
  std::vector<std::string> all;
  for (auto& [id, m] : members_)
    all.push_back(id);
  return in_turn(all, p, factor);
}

std::vector<partition_move> partition_table::plan() const {
  std::vector<std::string> holders;  // members that keep a share, in id order
  for (auto& [id, m] : members_)
    if (!m.leaving)
      holders.push_back(id);
  std::vector<partition_move> out;
  if (holders.empty())
    return out;
  std::map<std::string, int64_t> target;
  auto share = count() / holders.size();
  auto extra = count() % holders.size();
  for (size_t i = 0; i < holders.size(); ++i)
    target[holders[i]] = static_cast<int64_t>(share + (i < extra ? 1 : 0));
  std::map<std::string, int64_t> held;
  for (auto& o : owners_)
    held[o] += 1;
  // Partitions that must go: those of leaving members, then any a member
  // holds beyond its share (the highest partition numbers first).
  std::vector<partition_id> give;
  for (uint32_t i = count(); i-- > 0;) {
    auto& o = owners_[i];
    if (o.empty())
      continue;
    auto t = target.find(o);
    if (t == target.end()) {
      give.push_back(partition_id{static_cast<uint16_t>(i)});
    } else if (held[o] > t->second) {
      held[o] -= 1;
      give.push_back(partition_id{static_cast<uint16_t>(i)});
    }
  }
  auto receiver = holders.begin();
  for (auto p : give) {
    while (receiver != holders.end() && held[*receiver] >= target[*receiver])
      ++receiver;
    if (receiver == holders.end())
      break;
    held[*receiver] += 1;
    out.push_back({p, owners_[p.value], *receiver});
  }
  return out;
}

std::string partition_table::encode() const {
  v1::PartitionTable pt;
  pt.set_epoch(epoch_);
  pt.set_cluster_id(cluster_id_);
  for (auto& o : owners_)
    pt.add_owners(o);
  for (auto& [id, m] : members_) {
    auto* out = pt.add_members();
    out->set_node_id(id);
    out->set_client_address(m.client_address);
    out->set_cluster_address(m.cluster_address);
    out->set_resp_address(m.resp_address);
    out->set_leaving(m.leaving);
  }
  for (auto& f : founders_)
    pt.add_founders(f);
  return pt.SerializeAsString();
}

std::optional<partition_table> partition_table::decode(std::string_view bytes) {
  v1::PartitionTable pt;
  if (!pt.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) || pt.owners_size() == 0
      || pt.owners_size() > static_cast<int>(max_partitions))
    return std::nullopt;
  partition_table out{static_cast<uint32_t>(pt.owners_size())};
  out.epoch_ = pt.epoch();
  out.cluster_id_ = pt.cluster_id();
  for (int i = 0; i < pt.owners_size(); ++i)
    out.owners_[i] = pt.owners(i);
  for (auto& m : pt.members())
    out.members_[m.node_id()] = member{m.client_address(), m.cluster_address(), m.resp_address(),
                                       m.leaving()};
  out.founders_.assign(pt.founders().begin(), pt.founders().end());
  return out;
}

} // namespace troupe::cluster
