// The RESP front door: one broker per Redis-protocol connection (RESP2, and
// RESP3 after HELLO 3), forked by an acceptor like the client sessions.
//
// A session parses commands, answers connection commands itself, and sends
// each key command to the kv_shard of the key's partition (Redis Cluster hash
// tags honored). Commands naming several keys (MGET, MSET, DEL, EXISTS) are
// split by partition and their replies merged; SCAN, KEYS, DBSIZE and
// FLUSHDB visit every partition. Many commands may be in flight; replies
// leave strictly in command order (a queue of reply slots). Pub/sub goes
// through the node's channel_hub; a subscriber that lets more than the
// backlog limit of messages pile up unread is disconnected, as Redis does.
#pragma once

#include <memory>

#include <caf/fwd.hpp>
#include <caf/io/fwd.hpp>

namespace troupe::node {

struct session_context;

/// Forks the RESP session of `hdl` from the acceptor broker.
caf::actor fork_resp_session(caf::io::broker* acceptor, caf::io::connection_handle hdl,
                             std::shared_ptr<const session_context> ctx);

} // namespace troupe::node
