#include "cluster/request_route.hpp"

#include "protocol/troupe.pb.h"
#include "storage/key_codec.hpp"

namespace troupe::cluster {

namespace {

using v1::Request;

request_route stream_route(const std::string& stream, const std::string& group) {
  return {service::streams, storage::stream_partition_key(stream, group)};
}

// The stream requests of one stream and group.
#define TROUPE_STREAM_OPS(X)                                                                  \
  X(kStreamGet, stream_get)                                                                   \
  X(kStreamSet, stream_set)                                                                   \
  X(kStreamDelete, stream_delete)                                                             \
  X(kStreamGetGroup, stream_get_group)                                                        \
  X(kStreamClear, stream_clear)                                                               \
  X(kStreamQuery, stream_query)                                                               \
  X(kStreamSend, stream_send)                                                                 \
  X(kStreamSubscribe, stream_subscribe)                                                       \
  X(kStreamUnsubscribe, stream_unsubscribe)

} // namespace

std::optional<request_route> route_of(const Request& req) {
  switch (req.op_case()) {
#define TROUPE_ROUTE(Case, field, svc, key)                                                   \
  case Request::Case:                                                                         \
    return request_route{service::svc, req.field().key()};
    TROUPE_ROUTE(kStateGet, state_get, state, trace_id)
    TROUPE_ROUTE(kStateExists, state_exists, state, trace_id)
    TROUPE_ROUTE(kStateGetMany, state_get_many, state, trace_id)
    TROUPE_ROUTE(kStateSet, state_set, state, trace_id)
    TROUPE_ROUTE(kStateSetMany, state_set_many, state, trace_id)
    TROUPE_ROUTE(kStateDelete, state_delete, state, trace_id)
    TROUPE_ROUTE(kStateKeys, state_keys, state, trace_id)
    TROUPE_ROUTE(kStateClear, state_clear, state, trace_id)
    TROUPE_ROUTE(kStateGetGroup, state_get_group, state, trace_id)
    TROUPE_ROUTE(kEventEmit, event_emit, events, topic)
    TROUPE_ROUTE(kEventEmitBatch, event_emit_batch, events, topic)
    TROUPE_ROUTE(kEventSubscribe, event_subscribe, events, topic)
    TROUPE_ROUTE(kEventUnsubscribe, event_unsubscribe, events, topic)
    TROUPE_ROUTE(kEventAck, event_ack, events, topic)
    TROUPE_ROUTE(kEventNack, event_nack, events, topic)
    TROUPE_ROUTE(kEventExtend, event_extend, events, topic)
    TROUPE_ROUTE(kEventRemoveStep, event_remove_step, events, topic)
    TROUPE_ROUTE(kEventTopicInfo, event_topic_info, events, topic)
    TROUPE_ROUTE(kQueueStats, queue_stats, events, topic)
    TROUPE_ROUTE(kDeadLetterList, dead_letter_list, events, topic)
    TROUPE_ROUTE(kDeadLetterReplay, dead_letter_replay, events, topic)
    TROUPE_ROUTE(kDeadLetterPurge, dead_letter_purge, events, topic)
    TROUPE_ROUTE(kEventFetch, event_fetch, events, topic)
    TROUPE_ROUTE(kQueuePurge, queue_purge, events, topic)
    TROUPE_ROUTE(kLockAcquire, lock_acquire, locks, job)
    TROUPE_ROUTE(kLockRenew, lock_renew, locks, job)
    TROUPE_ROUTE(kLockRelease, lock_release, locks, job)
#undef TROUPE_ROUTE
    case Request::kStateItems:
      if (req.state_items().has_group_id())
        return request_route{service::state, req.state_items().group_id()};
      return std::nullopt;
#define TROUPE_STREAM_ROUTE(Case, field)                                                      \
  case Request::Case:                                                                         \
    return stream_route(req.field().stream(), req.field().group_id());
    TROUPE_STREAM_OPS(TROUPE_STREAM_ROUTE)
#undef TROUPE_STREAM_ROUTE
    default:
      return std::nullopt;
  }
}

std::optional<std::string> owner_name(const Request& req) {
  switch (req.op_case()) {
#define TROUPE_STREAM_NAME(Case, field)                                                       \
  case Request::Case:                                                                         \
    return req.field().stream();
    TROUPE_STREAM_OPS(TROUPE_STREAM_NAME)
    TROUPE_STREAM_NAME(kStreamListGroups, stream_list_groups)
#undef TROUPE_STREAM_NAME
    default:
      if (auto r = route_of(req))
        return std::move(r->partition_key);  // the trace id, topic or job itself
      return std::nullopt;
  }
}

} // namespace troupe::cluster
