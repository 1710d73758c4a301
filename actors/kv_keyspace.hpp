// What kv_shard.cpp (the actor, keyspace-wide operations, the sweep),
// kv_commands.cpp (strings, keys, hashes, dispatch), kv_collections.cpp
// (lists, sets, sorted sets), kv_streams.cpp (streams) and kv_events.cpp
// (keyspace notifications) share. Internal to actors/.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/kv_shard.hpp"
#include "actors/write_pipeline.hpp"
#include "storage/record.hpp"

namespace troupe::v1 {
class KvCommand;
class KvEval;
class KvExec;
class KvWatch;
class Response;
} // namespace troupe::v1

namespace troupe::protocol::rdb {
struct stream_value;
} // namespace troupe::protocol::rdb

namespace troupe::actors::kv {

class script_vm;

constexpr char type_string = 's';
constexpr char type_hash = 'h';
constexpr char type_list = 'l';
constexpr char type_set = 't';
constexpr char type_zset = 'z';
constexpr char type_stream = 'x';

/// Redis's name of a type ("string", "hash", "list", "set", "zset",
/// "stream").
const char* type_name(char type);

/// Blocked commands (BLPOP, ...) parked in a partition until one of their
/// keys is written or their wait ends; each is woken once, and the sender
/// runs the command again.
class blocked_clients {
public:
  /// Parks a waiter on `keys`, named `token` by its sender (0: unnamed);
  /// returns its id.
  uint64_t add(const std::vector<std::string>& keys, std::function<void()> wake,
               uint64_t token = 0);
  /// Wakes waiter `id` (its wait ended), if still parked.
  void wake(uint64_t id);
  /// Wakes every waiter on `key`.
  void wake_key(const std::string& key);
  /// Wakes the waiter its sender named `token` (CLIENT UNBLOCK), if parked.
  void wake_token(uint64_t token);
  bool empty() const { return waiters_.empty(); }

private:
  struct waiter {
    std::vector<std::string> keys;
    std::function<void()> wake;
    uint64_t token = 0;
  };
  std::map<uint64_t, waiter> waiters_;
  std::multimap<std::string, uint64_t> by_key_;
  std::unordered_map<uint64_t, uint64_t> by_token_;
  uint64_t next_ = 0;
};

struct kv_state {
  partition_id partition;
  storage::db* db = nullptr;
  kv_limits limits;
  std::unique_ptr<write_pipeline> pipeline;
  std::string sweep_from;  // where the next sweep resumes; empty: the start
  std::unique_ptr<script_vm> scripts;  // created by the first script
  /// WATCH's versions: a write to a key moves the counter its key hashes
  /// to. Keys sharing a counter make a watch fail when either is written:
  /// a spurious EXEC failure, which optimistic clients retry, never a
  /// missed one. Bounded memory, nothing to register or forget.
  std::array<uint64_t, 4096> versions{};
  uint64_t version_clock = 0;
  blocked_clients blocked;
  /// Per sorted set (by key), order records known to bound its live ones
  /// from below and above: ZPOPMIN/ZPOPMAX leave deletes at an end, which
  /// a walk from that end would otherwise step over until compaction. Only
  /// hints (a walk starting there still sees every live record); cleared
  /// when a batch is dropped.
  std::map<std::string, std::pair<std::string, std::string>> zset_ends;
  /// Keys written by the request being handled while commands wait on
  /// some: their waiters are woken once it is done.
  std::vector<std::string> written;
  /// The request's keyspace notifications (event, key), published once
  /// its writes are durable; dropped with its batch.
  std::vector<std::pair<std::string, std::string>> events;
  /// Keys with an expiry while expired events are on, by when it passes
  /// (only hints: the key record decides).
  std::multimap<int64_t, std::string> expiring;
  /// The expiry check on its way (its expire_atom carries this id; an
  /// older one is ignored), and whether it comes soon (keys are expiring)
  /// or only to look at the notification settings.
  uint64_t expiry_timer = 0;
  enum class expiry_check { none, idle, soon } expiry_armed = expiry_check::none;
  /// keyspace_events::epoch when the stored keys' expiries were last
  /// looked for.
  uint64_t expiry_epoch = UINT64_MAX;

  kv_state();
  ~kv_state();

  static inline const char* name = "troupe.kv_shard";
};

/// A live key: its header (expiry), type and payload: a string's value; for
/// a collection, its element count as 8 bytes (a list adds its head
/// position, 8 more). A collection's elements are records of their own
/// under the key (storage::kv_field_key), so one change costs O(log n).
struct entry {
  storage::record_header header;
  char type = type_string;
  std::string payload;
};

/// One command in progress: what it reads and stages, and its reply.
struct command {
  command(kv_state& s, const std::vector<std::string_view>& a, const std::string& n, bool r3,
          int64_t t, storage::write_batch& b)
    : st(s), args(a), name(n), resp3(r3), now(t), batch(b) {}

  kv_state& st;
  const std::vector<std::string_view>& args;
  const std::string& name;  // lower case
  bool resp3;
  int64_t now;
  storage::write_batch& batch;  // shared by the commands of one script
  std::string out;
  bool failed = false;  // a storage error: `out` holds the error reply
  /// Called by a script (redis.call).
  bool in_script = false;
  /// A blocking command may wait (the session's direct call, not MULTI or
  /// a script)...
  bool may_block = false;
  /// Run again after a wake: keys of another type are waited on.
  bool rerun = false;
  /// ...and found nothing: it did nothing, `out` is empty, and these keys
  /// are what it waits on...
  std::vector<std::string> waits_on;
  /// ...and, when not empty, the command to run again in its place.
  std::vector<std::string> rerun_args;
};

/// Runs one KvCommand: fills `resp` with its RESP reply and `batch` with its
/// writes (left empty when it failed). A blocking command that may wait and
/// found nothing returns the keys it waits on (and leaves `resp` alone).
std::vector<std::string> run_command(kv_state& st, const v1::KvCommand& req,
                                     v1::Response& resp, storage::write_batch& batch);

/// Wakes the waiters on the keys written since the last call.
void wake_written(kv_state& st);

/// Runs one KvEval: fills `resp` with the script's RESP reply and `batch`
/// with the writes of every command it called (left empty when it was
/// killed or storage failed).
void run_script(kv_state& st, const v1::KvEval& req, v1::Response& resp,
                storage::write_batch& batch);

/// Runs one KvExec: EXEC's reply (a null array when a watched key moved) in
/// `resp`, every command's writes in `batch`.
void run_exec(kv_state& st, const v1::KvExec& req, v1::Response& resp,
              storage::write_batch& batch);

/// Answers one KvWatch with the keys' versions.
void run_watch(kv_state& st, const v1::KvWatch& req, v1::Response& resp);

/// Moves the version of `key` and wakes its waiters (once the request is
/// done): every write does, FLUSHDB for each key it deletes.
void touch_key(kv_state& st, const std::string& key);

/// Deletes the keys remembered in st.expiring whose records have expired by
/// `now` (at most `limit` of them), into `batch`, announcing each
/// `expired`.
void expire_due(kv_state& st, int64_t now, size_t limit, storage::write_batch& batch);

/// A key a command wrote, and what became of its key record: removed
/// (true), put (false) or untouched (only its elements changed).
struct written_key {
  std::string key;
  std::optional<bool> removed;
};

/// The keys of the write command `c` that do not exist before it runs
/// (kv_events.cpp; the candidates for a "new" event).
std::vector<std::string> absent_keys(command& c);

/// Remembers when the key record `raw` of `key` expires, if it does, for
/// the expired events (at most a million keys a partition).
void remember_expiry(kv_state& st, const std::string& key, std::string_view raw);

/// When expired events are wanted and the notification settings changed
/// since the last look (or the shard just started), remembers the expiry
/// of every key of the partition stored with one.
void remember_stored_expiries(kv_state& st);

/// Records the keyspace events of what `c` did to the keys it wrote
/// (`absent`: those that did not exist before it).
void announce(command& c, std::vector<written_key>& written, const std::vector<std::string>& absent);

/// Records the keyspace notification `event` of class `cls` (event_class)
/// on `key`, when the node publishes that class.
void notify(kv_state& st, uint32_t cls, std::string_view event, std::string_view key);

/// The live key record of `mkey` (staged writes first), nullopt when absent
/// or expired; a storage error marks `c` failed.
std::optional<entry> load(command& c, const std::string& mkey);

/// The kv-CF key of a Redis key in c's partition.
std::string mkey_of(command& c, std::string_view key);
/// The kv-CF key of one element record (hash field, set member, list
/// position, sorted-set entry) of `key`.
std::string fkey_of(command& c, std::string_view key, std::string_view sub);

// -- what the command files share ----------------------------------------------

extern const char* const wrong_type;
extern const char* const not_integer;
extern const char* const syntax_error;

/// Marks `c` failed by storage, its reply the error.
void storage_error(command& c, const std::string& what, const std::string& message);
/// Writes a key record.
void store(command& c, const std::string& mkey, const entry& e);
/// A collection's element count.
uint64_t field_count(const entry& e);
void set_field_count(entry& e, uint64_t n);
/// A new, empty key of `type`.
entry new_entry(command& c, char type);
/// A new, empty collection at `key`: element records of an earlier one that
/// expired there (expiry drops the key record only) go now.
entry create_collection(command& c, std::string_view key, char type);
/// Writes a string value, replacing whatever the key held. `keep_ttl` keeps
/// the current expiry; otherwise `expires_at` (0: none).
void put_string(command& c, std::string_view key, const std::optional<entry>& old,
                std::string_view value, bool keep_ttl, int64_t expires_at);
/// Deletes a key and, for a collection, its elements.
void remove_key(command& c, std::string_view key, const std::string& mkey, const entry& e);
/// Writes the key record, or deletes it when the collection is empty.
void save_collection(command& c, const std::string& mkey, entry& e, uint64_t count);
/// The live element records under `prefix` (staged writes included), by
/// encoded key.
std::map<std::string, std::string> fields_of(command& c, const std::string& prefix);
/// Walks the live element records under `prefix` in key order (backwards
/// when `reverse`), starting at `from` (forwards: the first key >= from;
/// backwards: the last key <= from; empty: the prefix's end), staged writes
/// included; stops when fn returns false.
void each_field(command& c, const std::string& prefix, const std::string& from, bool reverse,
                const std::function<bool(std::string_view key, std::string_view value)>& fn);
/// One element record's value, nullopt when absent.
std::optional<std::string> load_field(command& c, const std::string& fkey);
/// Writes one element record (it never expires itself: its key decides).
void store_field(command& c, const std::string& fkey, std::string_view value);
void remove_field(command& c, const std::string& fkey);
/// False after replying that a key or element is too long.
bool check_key(command& c, std::string_view key, const char* what);
bool check_value(command& c, size_t size);
/// Loads `key` expecting `type`; replies WRONGTYPE (and returns false) when
/// it holds another type.
bool load_typed(command& c, std::string_view key, char type, std::optional<entry>& out);
/// A bulk string, or null when absent.
void reply_value(command& c, const std::optional<std::string>& v);
/// Replies that the command got the wrong number of arguments.
void wrong_arity(command& c);

using handler = void (*)(command&);
using handler_table = std::map<std::string, handler, std::less<>>;
/// Adds the list, set and sorted-set commands (kv_collections.cpp).
void add_collection_handlers(handler_table& table);
/// Adds the stream commands (kv_streams.cpp).
void add_stream_handlers(handler_table& table);
/// The stream at `key` as DUMP carries it: entries, counters, groups with
/// their consumers and pending entries (kv_streams.cpp). Empty when there
/// is none; `c` failed after a storage error.
protocol::rdb::stream_value dump_stream(command& c, std::string_view key);
/// Adds the bit commands and LCS (kv_bits.cpp).
void add_bit_handlers(handler_table& table);
/// Adds DUMP and RESTORE (kv_dump.cpp).
void add_dump_handlers(handler_table& table);

/// Runs another command (`args`, its lower-case name first) as part of
/// `c`: it reads c's staged writes, stages its own in c's batch and
/// replies in RESP2; a storage failure marks `c` failed. Its keyspace
/// notifications are left out: `c` announces what it did.
std::string run_nested(command& c, const std::vector<std::string_view>& args);

/// Redis's timeout argument of a blocking command (seconds, a float);
/// false after an error reply.
bool check_timeout(command& c, std::string_view text);
/// True when a blocked command runs again and `key` now holds a type other
/// than `type`: it keeps waiting on it instead of failing.
bool waits_past(command& c, std::string_view key, char type);
/// A score as Redis prints it ("%.17g", "inf", "-inf"): ZSCAN's elements,
/// and what ZADD reads back exactly.
std::string score_text(double score);
/// An integer argument; replies "not an integer" when it is not one.
std::optional<int64_t> int_arg(command& c, std::string_view text);
/// A number as 8 big-endian bytes (so numbers sort as their records do),
/// and back (missing bytes read as none).
std::string u64_bytes(uint64_t v);
uint64_t u64_of(std::string_view bytes);

} // namespace troupe::actors::kv
