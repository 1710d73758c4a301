// What kv_shard.cpp (the actor, keyspace-wide operations, the sweep) and
// kv_commands.cpp (each Redis command's semantics) share. Internal to
// actors/: included by those two files only.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/kv_shard.hpp"
#include "actors/write_pipeline.hpp"
#include "storage/record.hpp"

namespace troupe::v1 {
class KvCommand;
class KvEval;
class Response;
} // namespace troupe::v1

namespace troupe::actors::kv {

class script_vm;

constexpr char type_string = 's';
constexpr char type_hash = 'h';

struct kv_state {
  partition_id partition;
  storage::db* db = nullptr;
  kv_limits limits;
  std::unique_ptr<write_pipeline> pipeline;
  std::string sweep_from;  // where the next sweep resumes; empty: the start
  std::unique_ptr<script_vm> scripts;  // created by the first script

  kv_state();
  ~kv_state();

  static inline const char* name = "troupe.kv_shard";
};

/// A live key: its header (expiry), type and payload (a string's value, or
/// a hash's field count as 8 bytes).
struct entry {
  storage::record_header header;
  char type = type_string;
  std::string payload;
};

/// One command in progress: what it reads and stages, and its reply.
struct command {
  kv_state& st;
  const std::vector<std::string_view>& args;
  const std::string& name;  // lower case
  bool resp3;
  int64_t now;
  storage::write_batch& batch;  // shared by the commands of one script
  std::string out;
  bool failed = false;  // a storage error: `out` holds the error reply
};

/// Runs one KvCommand: fills `resp` with its RESP reply and `batch` with its
/// writes (left empty when it failed).
void run_command(kv_state& st, const v1::KvCommand& req, v1::Response& resp,
                 storage::write_batch& batch);

/// Runs one KvEval: fills `resp` with the script's RESP reply and `batch`
/// with the writes of every command it called (left empty when it was
/// killed or storage failed).
void run_script(kv_state& st, const v1::KvEval& req, v1::Response& resp,
                storage::write_batch& batch);

/// The live key record of `mkey` (staged writes first), nullopt when absent
/// or expired; a storage error marks `c` failed.
std::optional<entry> load(command& c, const std::string& mkey);

/// The kv-CF key of a Redis key in c's partition.
std::string mkey_of(command& c, std::string_view key);

} // namespace troupe::actors::kv
