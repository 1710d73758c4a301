// stream_group: the actor of one active stream group; spawned and retired by
// its partition's stream_directory (see stream_directory.hpp). Internal to
// actors/.
#pragma once

#include <string>

#include <caf/actor.hpp>
#include <caf/fwd.hpp>

#include "actors/stream_directory.hpp"

namespace troupe::actors {

struct stream_group_args {
  partition_id partition;
  std::string stream;
  std::string group;
  std::string key;  ///< the directory's key for this group
  partition_log* log = nullptr;
  stream_limits limits;
  node_counters* counters = nullptr;
  caf::actor directory;
};

/// Spawns a group actor on the directory's threads and links it to it.
caf::actor spawn_stream_group(caf::actor_system& sys, shard_placement placement,
                              stream_group_args args);

} // namespace troupe::actors
