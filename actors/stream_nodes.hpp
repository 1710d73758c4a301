// Redis's stream-node-max-entries and stream-node-max-bytes, set through
// CONFIG SET on the RESP door and read by every partition's kv shard. A
// stream groups its entries into nodes of at most that many entries (or
// bytes), and approximate trimming (MAXLEN ~, MINID ~) removes only whole
// nodes, as in Redis. Node-wide, like a Redis server's configuration.
#pragma once

#include <atomic>
#include <cstdint>

namespace troupe::actors {

struct stream_node_limits {
  std::atomic<int64_t> max_entries{100};
  std::atomic<int64_t> max_bytes{4096};
};

} // namespace troupe::actors
