// The admin door (--admin-listen): plain HTTP/1.1 for probes and scrapers,
// one request per connection.
//
//   GET /healthz  200 "ok": the process serves.
//   GET /readyz   200 "ready" when the node is a member of its cluster and
//                 every partition is served from here (locally, or through
//                 the gateway of a reachable node); 503 with the reason
//                 otherwise. Load balancers and Kubernetes send traffic on it.
//   GET /metrics  Prometheus text format (node_metrics).
//
// Other paths get 404, other methods 405, a request head over 8 KiB 431.
#pragma once

#include <memory>

#include <caf/fwd.hpp>
#include <caf/io/fwd.hpp>

namespace troupe::node {

struct session_context;

/// Forks the HTTP session of `hdl` from the admin acceptor.
caf::actor fork_admin_session(caf::io::broker* acceptor, caf::io::connection_handle hdl,
                              std::shared_ptr<const session_context> ctx);

} // namespace troupe::node
