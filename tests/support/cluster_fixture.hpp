// cluster_fixture: real troupe-node processes on loopback forming a
// cluster, for the integration tests: nodes started one after another
// through a running member, or all at once from one symmetric seed list
// (as a StatefulSet or a compose file starts them); waits for the table to
// settle and for every partition to have a leader.
#pragma once

#include <arpa/inet.h>
#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cluster/partition_table.hpp"
#include "tests/support/node_fixture.hpp"

namespace troupe::test {

constexpr uint32_t partitions = 64;
constexpr auto settle_deadline = std::chrono::seconds{120};

inline std::string node_id(size_t i) {
  return "n" + std::to_string(i + 1);
}

inline uint16_t partition_of(std::string_view key) {
  return static_cast<uint16_t>(cluster::partition_hash(key) % partitions);
}

/// A loopback port the OS picked, kept bound (not listening, so connections
/// to it are refused) until this goes out of scope.
struct reserved_port {
  reserved_port() {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_TEST_REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port = ntohs(addr.sin_port);
  }
  ~reserved_port() { close(fd); }
  reserved_port(const reserved_port&) = delete;
  reserved_port& operator=(const reserved_port&) = delete;

  int fd = -1;
  uint16_t port = 0;
};

/// Nodes n1..nN over one temp dir; n1 starts the cluster, the others join
/// through any running member.
struct cluster_fixture {
  cluster_fixture() {
    cfg.load<caf::io::middleman>();
    cfg.set("scheduler.max-threads", 2);
    sys = std::make_unique<caf::actor_system>(cfg);
  }

  ~cluster_fixture() {
    for (auto& n : nodes)
      if (n && n->running())
        n->kill_hard();
  }

  /// Starts node i (again, over the same data, when it ran before).
  node_process& start(size_t i, std::vector<std::string> extra = {}) {
    if (nodes.size() <= i)
      nodes.resize(i + 1);
    std::vector<std::string> args{"--node-id", node_id(i), "--cluster-listen", "127.0.0.1:0"};
    for (auto& n : nodes)
      if (n && n->running()) {
        args.insert(args.end(), {"--seeds", "127.0.0.1:" + std::to_string(n->cluster_port())});
        break;
      }
    args.insert(args.end(), extra.begin(), extra.end());
    nodes[i] = std::make_unique<node_process>(dir.sub(node_id(i)), "os", args);
    return *nodes[i];
  }

  /// A client of node i; `direct`: it sends each request to its owner.
  std::unique_ptr<client::sync_client> connect(size_t i, bool direct = false,
                                               std::chrono::milliseconds failover = {}) {
    client::connect_options opts;
    opts.port = nodes[i]->port();
    opts.route_to_owner = direct;
    opts.failover_timeout = failover;
    auto c = client::sync_client::connect(*sys, opts);
    BOOST_TEST_REQUIRE(c.ok(), c.error().to_string());
    return std::move(*c);
  }

  /// Waits until every running node sees the same table of `members`
  /// reachable members with no move pending, and returns it.
  client::cluster_status settle(size_t members) {
    auto deadline = std::chrono::steady_clock::now() + settle_deadline;
    std::string last;
    for (;;) {
      std::optional<client::cluster_status> agreed;
      bool settled = true;
      for (size_t i = 0; i < nodes.size() && settled; ++i) {
        if (!nodes[i] || !nodes[i]->running())
          continue;
        auto st = connect(i)->get_cluster_status();
        if (!st.ok()) {
          settled = false;
          last = st.error().to_string();
          break;
        }
        bool all_reachable = true;
        for (auto& m : st->members)
          all_reachable = all_reachable && m.reachable;
        settled = st->members.size() == members && all_reachable && st->moving == 0
                  && (!agreed || agreed->epoch == st->epoch);
        last = "epoch " + std::to_string(st->epoch) + ", " + std::to_string(st->members.size())
               + " members, " + std::to_string(st->moving) + " moves pending, seen from "
               + st->node_id;
        agreed = std::move(*st);
      }
      if (settled && agreed)
        return *agreed;
      BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline),
                         "the cluster did not settle: " << last);
      std::this_thread::sleep_for(std::chrono::milliseconds{100});  // polling a condition
    }
  }

  /// Picks n free loopback ports for start_symmetric's cluster doors.
  void reserve_cluster_ports(size_t n) {
    std::vector<std::unique_ptr<reserved_port>> reserved;
    for (size_t i = 0; i < n; ++i)
      reserved.push_back(std::make_unique<reserved_port>());
    for (auto& r : reserved)
      cluster_ports.push_back(r->port);
  }

  /// Starts n nodes given one seed list (their own address included), as a
  /// StatefulSet or a compose file gives it, with --bootstrap-expect n; in
  /// reverse id order, so the lowest id must still be the one to start it.
  /// `announced`: the cluster port each node announces, and the seed list
  /// names (a forwarder's in front of it, with --advertise-cluster-port);
  /// empty: its own.
  void start_symmetric(size_t n, const std::vector<std::string>& extra = {},
                       std::vector<uint16_t> announced = {}) {
    if (cluster_ports.empty())
      reserve_cluster_ports(n);
    announced_ports = announced.empty() ? cluster_ports : std::move(announced);
    for (auto p : announced_ports)
      seed_list += (seed_list.empty() ? "" : ",") + std::string{"127.0.0.1:"} + std::to_string(p);
    nodes.resize(n);
    for (size_t i = n; i-- > 0;)
      launch_symmetric(i, extra);
    for (auto& node : nodes)
      node->wait_ready();
  }

  /// Starts node i of start_symmetric again, over its data and port.
  void restart_symmetric(size_t i, const std::vector<std::string>& extra = {}) {
    launch_symmetric(i, extra);
    nodes[i]->wait_ready();
  }

  void launch_symmetric(size_t i, const std::vector<std::string>& extra) {
    std::vector<std::string> args{"--node-id", node_id(i), "--cluster-listen",
                                  "127.0.0.1:" + std::to_string(cluster_ports[i]), "--seeds",
                                  seed_list, "--bootstrap-expect",
                                  std::to_string(cluster_ports.size())};
    if (announced_ports[i] != cluster_ports[i])
      args.insert(args.end(), {"--advertise-cluster-port", std::to_string(announced_ports[i])});
    args.insert(args.end(), extra.begin(), extra.end());
    nodes[i] = std::make_unique<node_process>(dir.sub(node_id(i)), "os", args,
                                              std::vector<std::string>{}, "troupe-node joining ");
  }

  /// Replicated: waits until node i knows a leader for every partition.
  client::cluster_status wait_for_leaders(size_t i) {
    auto deadline = std::chrono::steady_clock::now() + settle_deadline;
    for (;;) {
      auto st = connect(i)->get_cluster_status();
      if (st.ok() && std::all_of(st->owners.begin(), st->owners.end(),
                                 [](auto& o) { return !o.empty(); }))
        return *st;
      BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline),
                         "partitions without a leader");
      std::this_thread::sleep_for(std::chrono::milliseconds{50});  // polling a condition
    }
  }

  /// Calls `op` until it succeeds, as a client riding through a failover
  /// does (UNAVAILABLE and NOT_LEADER are retried, any other error fails);
  /// fails the test after the settle deadline.
  template <class Op>
  auto retrying(const std::string& what, Op op) {
    auto deadline = std::chrono::steady_clock::now() + settle_deadline;
    for (;;) {
      auto r = op();
      if (r.ok())
        return std::move(*r);
      auto code = r.error().code;
      BOOST_TEST_REQUIRE((code == error_code::unavailable || code == error_code::not_leader),
                         what << ": " << r.error().to_string());
      BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline),
                         what << ": " << r.error().to_string());
      std::this_thread::sleep_for(std::chrono::milliseconds{20});  // retry pacing
    }
  }

  std::vector<uint16_t> cluster_ports;
  std::vector<uint16_t> announced_ports;
  std::string seed_list;

  /// The index of the node that owns partition `p`.
  size_t owner_index(const client::cluster_status& st, uint16_t p) const {
    auto& id = st.owners.at(p);
    for (size_t i = 0; i < nodes.size(); ++i)
      if (node_id(i) == id)
        return i;
    BOOST_FAIL("partition " << p << " has no known owner");
    return 0;
  }

  test::temp_dir dir;
  caf::actor_system_config cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::vector<std::unique_ptr<node_process>> nodes;
};

/// A trace id (or other partition key) whose partition `node` owns.
inline std::string key_owned_by(const cluster_fixture& c, const client::cluster_status& st,
                         size_t node, const std::string& prefix) {
  for (int i = 0;; ++i) {
    auto key = prefix + std::to_string(i);
    if (c.owner_index(st, partition_of(key)) == node)
      return key;
  }
}


} // namespace troupe::test
