// import: bringing a Motia app's data into Troupe from where it lived before
// — the Redis that Motia 0.17's Redis adapters and BullMQ adapter wrote, or
// the `.motia/` files of `motia dev` — through the client protocol.
//
// Every record goes through an `importer`, which skips what Troupe already
// holds (the same JSON), counts, reports progress and errors, and in a dry
// run writes nothing. Re-running an import (after an interruption, or
// twice) stores nothing twice: state and stream items equal to Troupe's are
// skipped, and queued jobs carry an idempotency key per (queue, job id).
// State and stream items travel in pipelined batches.
//
// Internal to the CLI.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace troupe::client {

class sync_client;
struct queue_config;

struct import_counts {
  uint64_t state = 0;         ///< state keys written
  uint64_t stream_items = 0;  ///< stream items written
  uint64_t messages = 0;      ///< queued messages written
  uint64_t dead_letters = 0;  ///< dead letters written
  uint64_t skipped = 0;       ///< already in Troupe with the same content
  uint64_t errors = 0;        ///< records that could not be read or written
};

/// A job taken from another broker's queue, for one step of a topic.
struct imported_job {
  std::string queue;  ///< where it came from, for the idempotency key and errors
  std::string id;     ///< its id there
  std::string topic;
  std::string step;
  std::string data;  ///< JSON
  std::string trace_id;
  std::vector<std::string> flows;
  std::optional<std::string> message_group_id;
  int64_t delay_ms = 0;  ///< from now
  uint32_t attempts_made = 0;
  std::string last_error;
  bool dead = false;
};

class importer {
public:
  /// `ns`: the namespace (troupe-motia's option) names are imported into.
  importer(sync_client& client, std::string ns, bool dry_run);

  void state(const std::string& group, const std::string& key, const std::string& json,
             uint64_t ttl_ms);
  void stream_item(const std::string& stream, const std::string& group, const std::string& id,
                   const std::string& json);
  /// `config`: the step's queue config, used when Troupe does not know the
  /// step yet.
  void job(const imported_job& j, const queue_config& config);
  /// A record that could not be read.
  void error(const std::string& what);

  /// Writes what is pending, ends the progress line; the counts.
  const import_counts& finish();

  /// A state key (stream false: trace a, key b) or stream item (stream a,
  /// group b, id c) waiting for its batch.
  struct pending_record {
    bool stream = false;
    std::string a, b, c;
    std::string json;
    uint64_t ttl_ms = 0;
  };

private:
  /// State keys and stream items go in batches of this many: one round trip
  /// to read what Troupe holds, one to write what differs.
  static constexpr size_t batch = 256;
  void flush();
  void wrote(uint64_t& counter);
  void failed(const std::string& what, const std::string& why);
  void progress();
  bool step_known(const std::string& topic, const std::string& step);

  sync_client& client_;
  std::string prefix_;
  bool dry_run_;
  bool tty_;
  import_counts counts_;
  uint64_t records_ = 0;
  uint64_t errors_shown_ = 0;
  std::vector<pending_record> pending_;
  struct known_steps;
  std::shared_ptr<known_steps> steps_;
};

/// Reads Motia's state, stream groups and BullMQ queues (key prefix
/// `prefix`) from the Redis at host:port. False with `error` when Redis
/// cannot be reached or refuses the password; record-level problems are
/// counted as errors by `to`.
bool import_redis(importer& to, const std::string& address, const std::string& password,
                  const std::string& prefix, std::string& error);

/// Reads `motia.state.json` and `streams/<stream>.stream.json` of a `.motia`
/// directory (or of the `.motia` directory inside `dir`). False with
/// `error` when there is neither.
bool import_motia_files(importer& to, const std::string& dir, std::string& error);

/// The JSON summary line: {"state":…,"stream_items":…,…}.
std::string summary_json(const import_counts& c, bool dry_run);
/// The same for people.
std::string summary_text(const import_counts& c, bool dry_run);

} // namespace troupe::client
