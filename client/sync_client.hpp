// sync_client: a blocking facade over one client connection, for the CLI,
// tests, tools and simple programs. Each call sends a request and waits for
// its reply; pipeline() sends many before waiting for any.
//
// Not thread-safe: use one sync_client per thread (they may share the
// actor_system). Every call fails with a status (the node's error code and
// message, or UNAVAILABLE when the connection is gone) instead of throwing.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <caf/fwd.hpp>

#include "client/connection.hpp"
#include "protocol/status.hpp"

namespace troupe::v1 {
class Request;
class Response;
} // namespace troupe::v1

namespace troupe::client {

struct value {
  std::string json;
  uint64_t revision = 0;
  int64_t expires_at_ms = 0;  ///< 0: never
};

struct item {
  std::string group_id;
  std::string key;
  std::string value;
  std::string type;  ///< items() only: string|number|boolean|object|array|null
  uint64_t revision = 0;
};

struct set_options {
  uint64_t ttl_ms = 0;                     ///< 0: no expiry
  std::optional<uint64_t> expected_revision;  ///< compare-and-set; 0: must not exist
};

struct entry {
  std::string key;
  std::string value;
  std::optional<uint64_t> expected_revision;
};

/// One items() filter; op is Motia's name: eq, neq, gt, gte, lt, lte,
/// contains, notContains, startsWith, endsWith, isNotNull, isNull.
struct filter {
  std::string value_key;
  std::string op;
  std::string value;
};

struct stream_set_result {
  std::string item;  ///< the stored item: data + id + _createdAt
  bool created = false;
};

struct stream_query_options {
  std::string where;  ///< JSON object, or empty
  std::string order_by;
  bool descending = false;
  uint64_t offset = 0;
  uint64_t limit = 0;  ///< 0: no limit
};

/// A push received for one of this client's subscriptions.
struct stream_event {
  uint64_t subscription_id = 0;
  bool overflow = false;  ///< the subscription ended: re-sync and subscribe again
  bool custom = false;    ///< sent with stream_send
  std::string stream;
  std::string group_id;
  std::string id;
  std::string type;  ///< create | update | delete, or the custom type
  std::string data;  ///< JSON
};

/// One stored record of a partition, as export and import move it.
struct raw_record {
  uint32_t column = 0;  ///< state, streams, queues, locks, kv, meta (0..5)
  std::string key;
  std::string value;
};

/// One chunk of a partition's records (sync_client::export_chunk).
struct export_page {
  std::vector<raw_record> records;
  bool done = false;  ///< else the next chunk starts at (next_column, next_after)
  uint32_t next_column = 0;
  std::string next_after;
};

/// Where a backup went (sync_client::backup).
struct backup_info {
  std::string dir;
  uint64_t bytes = 0;
  uint64_t files = 0;
};

struct node_stats {
  uint64_t stream_groups = 0;
  uint64_t stream_subscribers = 0;
  uint64_t sessions = 0;
  uint64_t forwarded = 0;  ///< requests the node sent on to another node
};

/// One member of the cluster as a node sees it.
struct cluster_member {
  std::string node_id;
  std::string client_address;
  std::string cluster_address;
  std::string resp_address;
  bool reachable = false;
  uint32_t partitions = 0;
  bool leaving = false;
};

/// Replicated: a replica of a partition, as its leader sees it.
struct replica_progress {
  std::string node_id;
  uint64_t match = 0;   ///< the highest log entry known to be on it
  bool active = false;  ///< heard from within the last election timeout
};

/// Replicated: a partition the answering node leads.
struct led_partition {
  uint32_t partition = 0;
  uint64_t term = 0;
  uint64_t commit = 0;
  uint64_t last = 0;  ///< the leader's last log index
  std::vector<replica_progress> replicas;  ///< every replica but the leader
};

/// The cluster as the answering node sees it.
struct cluster_status {
  std::string node_id;      ///< the node that answered
  std::string coordinator;  ///< the member that plans partition moves
  uint64_t epoch = 0;
  std::vector<std::string> owners;  ///< owner node id per partition
  std::vector<cluster_member> members;
  uint32_t moving = 0;  ///< partition moves still needed for an even spread
  std::vector<led_partition> led;  ///< replicated: the partitions the answering node leads
};

/// A step's queue configuration (Motia's QueueConfig, times in ms).
struct queue_config {
  std::string type = "standard";  ///< standard | fifo
  int32_t max_retries = 3;         ///< retries after the first attempt
  int64_t visibility_timeout_ms = 900000;
  int64_t delay_ms = 0;
  int32_t concurrency = 1;
  std::optional<int64_t> backoff_ms;  ///< absent: 2000
  bool exponential_backoff = false;
};

struct emit_entry {
  std::string data;  ///< JSON
  std::string trace_id;
  std::vector<std::string> flows;
  std::optional<std::string> message_group_id;
  /// Non-empty: a retry with the same key within 24 h stores nothing again.
  std::string idempotency_key;
  /// Moving queued work in (see EmitEntry): only this subscribed step, a
  /// delay of its own, the attempts it already failed, or a dead letter.
  std::string step{};
  std::optional<int64_t> delay_ms{};
  uint32_t attempts_made = 0;
  std::string last_error{};
  bool dead = false;
};

struct emit_result {
  std::vector<std::string> message_ids;
  uint32_t steps = 0;  ///< subscribed steps that received the events (0: none stored)
  uint32_t repeats = 0;  ///< events whose idempotency key was seen: not stored again
};

/// A queue message: a delivery to ack or nack, or a dead letter.
struct queue_message {
  uint64_t subscription_id = 0;  ///< deliveries: the consumer subscription
  std::string message_id;
  std::string topic;
  std::string step;
  std::string data;
  std::string trace_id;
  std::vector<std::string> flows;
  std::optional<std::string> message_group_id;
  uint32_t attempt = 0;  ///< deliveries: this attempt (1 = first); dead: attempts made
  std::string last_error;
};

struct queue_stats {
  uint64_t ready = 0;
  uint64_t delayed = 0;
  uint64_t in_flight = 0;
  uint64_t dead = 0;
  uint64_t consumers = 0;
};

struct topic_info {
  std::vector<std::string> steps;
  uint64_t consumers = 0;
};

struct lock_info {
  std::string job;
  std::string lock_id;
  std::string instance_id;
  int64_t acquired_at_ms = 0;
  int64_t expires_at_ms = 0;
  uint64_t fencing_token = 0;
};

struct lock_result {
  bool granted = false;
  lock_info lock;  ///< granted: the new lock; refused: the current holder
};

/// nullopt for an unknown operation name; otherwise the protocol FilterOp.
std::optional<int> filter_op_from_name(const std::string& name);

class sync_client {
public:
  static result<std::unique_ptr<sync_client>> connect(caf::actor_system& sys,
                                                      const connect_options& opts);
  ~sync_client();

  const welcome_info& welcome() const { return conn_.welcome; }
  const caf::actor& handle() const { return conn_.handle; }

  /// Per-call limit. Default 30 s.
  void set_timeout(std::chrono::milliseconds t) { timeout_ = t; }

  result<std::string> ping(const std::string& payload = {});
  result<std::optional<value>> get(const std::string& trace_id, const std::string& key);
  result<bool> exists(const std::string& trace_id, const std::string& key);
  result<std::vector<std::optional<value>>> get_many(const std::string& trace_id,
                                                     const std::vector<std::string>& keys);
  /// Returns the new revision.
  result<uint64_t> set(const std::string& trace_id, const std::string& key,
                       const std::string& json, const set_options& opts = {});
  /// All entries or none; returns their new revisions.
  result<std::vector<uint64_t>> set_many(const std::string& trace_id,
                                         const std::vector<entry>& entries,
                                         uint64_t ttl_ms = 0);
  /// Returns the previous value, if there was one.
  result<std::optional<value>> del(const std::string& trace_id, const std::string& key,
                                   std::optional<uint64_t> expected_revision = {});
  result<std::vector<std::string>> keys(const std::string& trace_id);
  /// Returns how many keys were removed.
  result<uint64_t> clear(const std::string& trace_id);
  result<std::vector<item>> get_group(const std::string& trace_id);
  result<std::vector<std::string>> trace_ids();
  result<std::vector<item>> items(const std::optional<std::string>& group_id,
                                  const std::vector<filter>& filters = {});

  // -- streams ---------------------------------------------------------------
  result<std::optional<std::string>> stream_get(const std::string& stream,
                                                const std::string& group, const std::string& id);
  result<stream_set_result> stream_set(const std::string& stream, const std::string& group,
                                       const std::string& id, const std::string& data);
  /// Returns the deleted item, if there was one.
  result<std::optional<std::string>> stream_delete(const std::string& stream,
                                                   const std::string& group,
                                                   const std::string& id);
  result<std::vector<std::string>> stream_get_group(const std::string& stream,
                                                    const std::string& group);
  result<uint64_t> stream_clear(const std::string& stream, const std::string& group);
  result<std::vector<std::string>> stream_query(const std::string& stream,
                                                const std::string& group,
                                                const stream_query_options& q);
  /// The group ids of a stream that hold items, sorted.
  result<std::vector<std::string>> stream_groups(const std::string& stream);
  /// Subscribes this client to a group (or one item); pushes arrive through
  /// next_event(). Returns the subscription id.
  result<uint64_t> subscribe(const std::string& stream, const std::string& group,
                             const std::optional<std::string>& id = std::nullopt);
  status unsubscribe(uint64_t subscription_id);
  status stream_send(const std::string& stream, const std::string& group,
                     const std::optional<std::string>& id, const std::string& type,
                     const std::string& data);
  /// The next push, or nullopt when none arrives within `timeout`.
  std::optional<stream_event> next_event(std::chrono::milliseconds timeout);

  result<node_stats> stats();

  /// An online, consistent copy of the node's database into `dir` on the
  /// node's file system (which must not exist); `troupe-node --restore-from
  /// DIR` starts a node from it.
  result<backup_info> backup(const std::string& dir);

  /// The records of `partition` from (column, after) on: one chunk, read by
  /// the partition's owner. The chunks of one `export_id` read a partition
  /// from the view its first chunk (column 0, no `after`) took. A chunk
  /// holds about `max_bytes` (0: the node's default, 1 MiB); 1 asks for one
  /// record, enough to learn whether a partition is empty.
  result<export_page> export_chunk(uint64_t export_id, uint32_t partition, uint32_t column,
                                   const std::string& after, uint32_t max_bytes = 0);
  /// Writes `records` (all of `partition`) in one write through the
  /// partition's log. `first`: refused when the partition holds data, unless
  /// `replace`, which deletes it first. Returns the records written.
  result<uint64_t> import_chunk(uint32_t partition, const std::vector<raw_record>& records,
                                bool first, bool replace);

  /// Members, partition owners and epoch, as the connected node sees them.
  result<cluster_status> get_cluster_status();
  /// Moves every partition off `node_id`, then removes it from the cluster;
  /// answers once done.
  result<cluster_status> drain(const std::string& node_id);
  /// Replicated: asks the leader of `partition` (this client's node must be
  /// it: NOT_LEADER names the one that is) to hand its leadership to
  /// `node_id`; answers once the hand-off has started.
  result<cluster_status> transfer_leader(uint32_t partition, const std::string& node_id);

  // -- events ----------------------------------------------------------------
  result<emit_result> emit(const std::string& topic, const emit_entry& event);
  /// Stored in one atomic write.
  result<emit_result> emit_batch(const std::string& topic, const std::vector<emit_entry>& events);
  /// Makes the step's subscription durable (creating or updating its config)
  /// and this client one of its consumers; deliveries arrive through
  /// next_delivery(). Returns the subscription id.
  result<uint64_t> subscribe_events(const std::string& topic, const std::string& step,
                                    const queue_config& config);
  /// Makes the step's subscription durable with `config`, consuming nothing.
  status declare_step(const std::string& topic, const std::string& step,
                      const queue_config& config);
  /// Stops consuming (the step stays subscribed; see remove_step).
  status unsubscribe_events(uint64_t subscription_id);
  status ack(uint64_t subscription_id, const std::string& message_id);
  status nack(uint64_t subscription_id, const std::string& message_id, const std::string& error);
  /// Gives these in-flight deliveries a fresh visibility timeout (a handler
  /// still at work); returns how many were still in flight to this consumer.
  result<uint64_t> extend(uint64_t subscription_id, const std::vector<std::string>& message_ids);
  /// The next delivery, or nullopt when none arrives within `timeout`.
  std::optional<queue_message> next_delivery(std::chrono::milliseconds timeout);
  status remove_step(const std::string& topic, const std::string& step);
  result<std::vector<std::string>> topics();
  result<topic_info> get_topic_info(const std::string& topic);
  result<queue_stats> get_queue_stats(const std::string& topic, const std::string& step);
  result<std::vector<queue_message>> dead_letters(const std::string& topic, const std::string& step,
                                                  uint32_t limit = 100);
  /// Moves dead letters (all when `message_ids` is empty) back to the queue.
  result<uint64_t> replay_dead_letters(const std::string& topic, const std::string& step,
                                       const std::vector<std::string>& message_ids = {});
  result<uint64_t> purge_dead_letters(const std::string& topic, const std::string& step);
  // -- cron locks ------------------------------------------------------------
  result<lock_result> lock_acquire(const std::string& job, int64_t ttl_ms,
                                   const std::string& instance_id);
  /// True when the lock was live and ours, and now lasts ttl_ms from now.
  result<bool> lock_renew(const std::string& job, const std::string& lock_id, int64_t ttl_ms);
  /// True when the lock was ours. hold_until_ms > now keeps it held until then.
  result<bool> lock_release(const std::string& job, const std::string& lock_id,
                            const std::string& instance_id, int64_t hold_until_ms = 0);
  result<std::vector<lock_info>> active_locks();

  /// Test only: advances a --manual-clock node's clock.
  status advance_clock(uint64_t ms);

  /// Sends one raw request and waits for its response.
  std::shared_ptr<const v1::Response> call(const v1::Request& req);

  /// Called with each reply's index as pipeline() collects it.
  using reply_observer = std::function<void(size_t, const v1::Response&)>;

  /// Sends every request before waiting for any reply; replies come back in
  /// request order (the node may answer out of order).
  std::vector<std::shared_ptr<const v1::Response>>
  pipeline(const std::vector<std::shared_ptr<const v1::Request>>& reqs,
           const reply_observer& observe = {});

private:
  struct routing;
  sync_client(caf::actor_system& sys, connection conn, connect_options opts);
  /// The connection a request goes on (see connect_options::route_to_owner).
  caf::actor target_for(const v1::Request& req);
  void refresh_routes();
  /// Notes when the connection ends (its node died or closed it).
  void watch_connection();
  /// After the connection ended: connects to another member of the table
  /// this client knows instead; false when none answers.
  bool move_to_another_node();
  caf::actor_system& sys_;
  connection conn_;
  connect_options opts_;
  std::unique_ptr<routing> routing_;
  std::unique_ptr<caf::scoped_actor> self_;
  std::chrono::milliseconds timeout_{30000};
};

} // namespace troupe::client
