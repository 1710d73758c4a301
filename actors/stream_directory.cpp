#include "actors/stream_directory.hpp"

#include <unordered_map>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/io/broker.hpp>
#include <caf/io/middleman.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/partition_actor.hpp"
#include "actors/stream_group.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/key_codec.hpp"

namespace troupe::actors {

namespace {

using protocol::request_msg;
using protocol::response_msg;
using v1::Request;
using v1::Response;

struct directory_state {
  partition_id partition;
  partition_log* log = nullptr;
  stream_limits limits;
  node_counters* counters = nullptr;
  shard_placement placement = shard_placement::workers;
  struct active_group {
    caf::actor actor;
    uint64_t forwarded = 0;
  };
  std::unordered_map<std::string, active_group> groups;

  static inline const char* name = "troupe.stream_directory";
};

/// (stream, group) of a request addressed to one group; false for others.
bool group_of(const Request& req, const std::string*& stream, const std::string*& group) {
  switch (req.op_case()) {
#define TROUPE_GROUP_OF(Case, field)                                                      \
  case Request::Case:                                                                     \
    stream = &req.field().stream();                                                       \
    group = &req.field().group_id();                                                      \
    return true;
    TROUPE_GROUP_OF(kStreamGet, stream_get)
    TROUPE_GROUP_OF(kStreamSet, stream_set)
    TROUPE_GROUP_OF(kStreamDelete, stream_delete)
    TROUPE_GROUP_OF(kStreamGetGroup, stream_get_group)
    TROUPE_GROUP_OF(kStreamClear, stream_clear)
    TROUPE_GROUP_OF(kStreamQuery, stream_query)
    TROUPE_GROUP_OF(kStreamSubscribe, stream_subscribe)
    TROUPE_GROUP_OF(kStreamUnsubscribe, stream_unsubscribe)
    TROUPE_GROUP_OF(kStreamSend, stream_send)
#undef TROUPE_GROUP_OF
    default:
      return false;
  }
}

std::shared_ptr<Response> error_response(error_code code, std::string message) {
  auto resp = std::make_shared<Response>();
  set_error(*resp, code, std::move(message));
  return resp;
}

/// The group ids of `stream` in this partition that hold items.
std::shared_ptr<Response> list_groups(directory_state& st, const std::string& stream) {
  auto resp = std::make_shared<Response>();
  auto* out = resp->mutable_names();
  auto prefix = storage::stream_prefix(st.partition, stream);
  auto cur = st.log->db().new_cursor(storage::column::streams);
  cur->seek(prefix);
  while (cur->valid() && cur->key().substr(0, prefix.size()) == prefix) {
    auto parts = storage::decode_stream_key(cur->key());
    if (!parts)
      break;
    out->add_names(parts->group);
    // Skip the rest of this group in one seek.
    cur->seek(storage::prefix_end(storage::stream_group_prefix(st.partition, stream, parts->group)));
  }
  if (auto status = cur->status(); !status.ok)
    return error_response(error_code::internal, "storage scan failed: " + status.message);
  return resp;
}

template <class Self>
caf::behavior directory_behavior(Self self, partition_log* log, stream_limits limits,
                                 node_counters* counters, shard_placement placement) {
  auto& st = self->state;
  st.partition = log->partition();
  st.log = log;
  st.limits = limits;
  st.counters = counters;
  st.placement = placement;
  self->set_down_handler([self](caf::down_msg& msg) {
    auto& groups = self->state.groups;
    for (auto it = groups.begin(); it != groups.end(); ++it)
      if (it->second.actor.address() == msg.source) {
        groups.erase(it);
        return;
      }
  });
  auto gone = stop_children_first(
    self,
    [self] {
      std::vector<caf::actor> out;
      for (auto& [key, g] : self->state.groups)
        out.push_back(g.actor);
      return out;
    },
    [self](const caf::error& reason) { self->quit(reason); });
  return {
    gone,
    [self](request_msg& msg) {
      auto& st = self->state;
      auto& req = *msg.body;
      if (req.op_case() == Request::kStreamListGroups) {
        self->template make_response_promise<response_msg>().deliver(
          response_msg{list_groups(st, req.stream_list_groups().stream())});
        return;
      }
      const std::string* stream = nullptr;
      const std::string* group = nullptr;
      if (!group_of(req, stream, group)) {
        self->template make_response_promise<response_msg>().deliver(response_msg{
          error_response(error_code::invalid_argument, "operation is not a stream operation")});
        return;
      }
      if (stream->empty() || stream->size() > st.limits.max_id_bytes
          || group->size() > st.limits.max_id_bytes) {
        auto code = stream->empty() ? error_code::invalid_argument : error_code::too_large;
        self->template make_response_promise<response_msg>().deliver(response_msg{
          error_response(code, stream->empty() ? "stream is missing"
                                               : "stream or group_id is longer than "
                                                   + std::to_string(st.limits.max_id_bytes)
                                                   + " bytes")});
        return;
      }
      auto key = storage::stream_partition_key(*stream, *group);
      auto it = st.groups.find(key);
      if (it == st.groups.end()) {
        stream_group_args args{st.partition, *stream, *group, key, st.log, st.limits,
                               st.counters, caf::actor_cast<caf::actor>(self)};
        auto g = spawn_stream_group(self->system(), st.placement, std::move(args));
        self->monitor(g);
        self->link_to(g);
        it = st.groups.emplace(key, directory_state::active_group{g, 0}).first;
      }
      ++it->second.forwarded;
      self->delegate(it->second.actor, std::move(msg));
    },
    [self](idle_atom, const std::string& key, uint64_t received) {
      auto& groups = self->state.groups;
      auto it = groups.find(key);
      if (it == groups.end() || it->second.forwarded != received)
        return;  // something was forwarded since: the group is busy again
      self->send(it->second.actor, stop_atom::value);
      self->unlink_from(it->second.actor);
      groups.erase(it);
    },
  };
}

} // namespace

stream_directory_actor spawn_stream_directory(caf::actor_system& sys, partition_log& log,
                                              stream_limits limits, node_counters& counters,
                                              shard_placement placement) {
  if (placement == shard_placement::io_thread)
    return caf::actor_cast<stream_directory_actor>(sys.middleman().spawn_broker(
      [](caf::io::stateful_broker<directory_state>* self, partition_log* log,
         stream_limits limits, node_counters* counters) {
        return directory_behavior(self, log, limits, counters, shard_placement::io_thread);
      },
      &log, limits, &counters));
  return caf::actor_cast<stream_directory_actor>(sys.spawn(
    [](caf::stateful_actor<directory_state>* self, partition_log* log, stream_limits limits,
       node_counters* counters) {
      return directory_behavior(self, log, limits, counters, shard_placement::workers);
    },
    &log, limits, &counters));
}

} // namespace troupe::actors
