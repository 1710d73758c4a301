// cluster_links: a forwarder in front of each node's cluster door, so a test
// can cut one node off from the others and heal the cut, as a network
// partition would, with real processes on loopback.
//
// Each node announces its forwarder's port (--advertise-cluster-port), so
// every link between two members passes through the forwarder of the node
// dialed. The dialing node is found by who owns the connecting socket
// (/proc/net/tcp and the nodes' descriptors), so a cut knows both ends of
// every link.
//
// A cut is silence, not a reset: bytes on a link that touches the isolated
// node are read and dropped both ways, and new links it is part of are
// accepted and never answered. Healing closes the silenced links (each end
// sees them end, as after a long partition) and forwards new ones again.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace troupe::test {

class cluster_links {
public:
  /// One forwarder on a free loopback port per entry of `cluster_ports`.
  explicit cluster_links(std::vector<uint16_t> cluster_ports);
  ~cluster_links();
  cluster_links(const cluster_links&) = delete;
  cluster_links& operator=(const cluster_links&) = delete;

  /// The port node i announces.
  uint16_t port(size_t node) const { return forwarders_.at(node).port; }
  std::vector<uint16_t> ports() const;

  /// Tells which process node i is now (after each start); links it dials
  /// are attributed to it by this.
  void track(size_t node, pid_t pid);

  /// Cuts node i off from the others until heal().
  void isolate(size_t node);
  /// Ends the cut.
  void heal();

  /// Links forwarded, and links silenced by cuts, so far.
  size_t links_opened() const;
  size_t links_silenced() const;

private:
  static constexpr size_t nobody = static_cast<size_t>(-1);

  struct forwarder {
    int listen_fd = -1;
    uint16_t port = 0;
    uint16_t target = 0;
    std::thread acceptor;
  };
  struct link {
    int outer = -1;  ///< accepted from the dialing node
    int inner = -1;  ///< to the dialed node's cluster door (-1 while silenced from the start)
    uint16_t dial_port = 0;  ///< the dialing socket's port
    size_t from = nobody;
    size_t to = nobody;
    std::atomic<bool> silent{false};
    std::atomic<bool> ended{false};
    std::thread pumps[2];
  };

  void accept_loop(size_t node);
  void pump(link& l, int src, int dst);
  /// The node among `pids` whose process owns the socket from local `port`
  /// to `remote`; nobody if none.
  static size_t dialer(uint16_t port, uint16_t remote, const std::vector<pid_t>& pids);
  bool touches_cut(const link& l) const;

  std::vector<forwarder> forwarders_;
  mutable std::mutex mutex_;
  std::vector<pid_t> pids_;
  std::list<link> links_;
  size_t isolated_ = nobody;
  size_t opened_ = 0;
  size_t silenced_ = 0;
  std::atomic<bool> stopping_{false};
};

} // namespace troupe::test
