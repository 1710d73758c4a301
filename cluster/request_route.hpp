// request_route: which partition a request belongs to. Shared by the node's
// sessions (to route) and the C++ client (to send each request straight to
// the partition's owner), so both always agree.
//
// A request names its partition through its partition key: the trace id
// (state), the stream and group (streams), the topic (events), the job
// (locks). Requests over many partitions (trace ids, items without a group,
// group and topic lists, lock lists) and those that are not partition work
// (ping, stats, cluster status, ...) have none.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace troupe::v1 {
class Request;
} // namespace troupe::v1

namespace troupe::cluster {

/// The kinds of partition actors a node runs for each partition it owns.
enum class service : uint8_t { state, streams, events, locks, kv };
inline constexpr size_t service_count = 5;

struct request_route {
  service svc;
  std::string partition_key;  ///< hash it with partition_table::partition_of
};

/// The service and partition key of a single-partition request; nullopt for
/// the others (see above). Subscriptions, acks and nacks have one too.
std::optional<request_route> route_of(const v1::Request& req);

/// The name a namespace prefix applies to: the trace id (state, items of a
/// group), stream, topic or job the request works on; nullopt for requests
/// that name none (lists over every partition, node and cluster requests).
std::optional<std::string> owner_name(const v1::Request& req);

} // namespace troupe::cluster
