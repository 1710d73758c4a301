// troupe: the command-line client.
//
//   troupe [--node HOST:PORT] [--token T] ping
//   troupe state get TRACE KEY
//   troupe state set TRACE KEY JSON [--ttl-ms N] [--expect-revision R]
//   troupe state del TRACE KEY
//   troupe state keys TRACE | clear TRACE | group TRACE
//   troupe state trace-ids
//   troupe state items [--group G] [--filter "valueKey op value"]...
//   troupe stream get|del STREAM GROUP ID
//   troupe stream set STREAM GROUP ID JSON
//   troupe stream group|clear STREAM GROUP
//   troupe stream query STREAM GROUP [--where JSON] [--order-by F] [--desc]
//                                    [--offset N] [--limit N]
//   troupe stream groups STREAM
//   troupe stream send STREAM GROUP TYPE JSON [--id ID]
//   troupe stream watch STREAM GROUP [ID] [--count N]
//   troupe stats
//   troupe emit TOPIC JSON [--trace-id T] [--group G]
//   troupe topics
//   troupe queue stats TOPIC STEP
//   troupe dlq list|replay|purge TOPIC STEP [--limit N] [--id MESSAGE_ID]...
//   troupe locks
//   troupe cluster status | partitions | drain NODE_ID
//   troupe cluster transfer-leader PARTITION NODE_ID
//   troupe backup create DIR
//   troupe import redis --from HOST:PORT [--password P] [--prefix motia]
//   troupe import motia-files DIR
//     (both: [--namespace N] [--dry-run])
//   troupe export [-o FILE] [--namespace N]
//   troupe import ndjson FILE [--replace]
//
// With --json every answer is JSON (one document per line) and an error is
// {"error":{"code":"NOT_FOUND","message":…}} on stderr.
//
// Exit codes: 0 success, 1 not found, 2 usage, 3 the node answered an error
// or could not be reached.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <set>
#include <iostream>
#include <map>
#include <random>
#include <string_view>
#include <thread>

#include <CLI/CLI.hpp>
#include <caf/actor_system.hpp>
#include <caf/actor_system_config.hpp>
#include <caf/io/middleman.hpp>

#include "client/export.hpp"
#include "client/import.hpp"
#include "client/sync_client.hpp"

namespace {

using troupe::client::sync_client;

std::string json_string(const std::string& s) {
  return troupe::json_quoted(s);
}

/// --json: every answer is JSON, one document per line, and errors are
/// {"error":{"code":…,"message":…}} on stderr (for scripts and jq).
bool json_mode = false;

/// One JSON object, built field by field.
class json_object {
public:
  json_object& raw(const char* name, const std::string& json) {
    body_ += (body_.empty() ? "\"" : ",\"") + std::string{name} + "\":" + json;
    return *this;
  }
  json_object& str(const char* name, const std::string& v) { return raw(name, json_string(v)); }
  json_object& num(const char* name, uint64_t v) { return raw(name, std::to_string(v)); }
  json_object& flag(const char* name, bool v) { return raw(name, v ? "true" : "false"); }
  std::string text() const { return "{" + body_ + "}"; }

private:
  std::string body_;
};

/// Prints `text` for people, or `json` with --json.
void say(const std::string& text, const json_object& json) {
  std::cout << (json_mode ? json.text() : text) << "\n";
}

std::string json_array(const std::vector<std::string>& json_items) {
  std::string out = "[";
  for (auto& i : json_items)
    out += (out.size() > 1 ? "," : "") + i;
  return out + "]";
}

int fail(const troupe::status& st) {
  if (json_mode)
    std::cerr << json_object{}
                   .raw("error", json_object{}
                                   .str("code", troupe::to_string(st.code))
                                   .str("message", st.message)
                                   .text())
                   .text()
              << "\n";
  else
    std::cerr << "error: " << st.to_string() << "\n";
  return 3;
}

/// A request the CLI refuses before sending anything (a file it cannot
/// use): exit code 2, the reason on stderr (as JSON with --json).
int usage_error(const std::string& message) {
  fail(troupe::status::error(troupe::error_code::invalid_argument, message));
  return 2;
}

/// Nothing under that key: exit code 1, and a reason on stderr.
int not_found() {
  std::cerr << (json_mode ? "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"not found\"}}"
                          : "not found")
            << "\n";
  return 1;
}

void print_items(const std::vector<troupe::client::item>& items) {
  for (auto& i : items) {
    json_object o;
    o.str("groupId", i.group_id).str("key", i.key);
    if (!i.type.empty())
      o.str("type", i.type);
    std::cout << o.raw("value", i.value).text() << "\n";
  }
}

/// Names one per line; with --json, each a JSON string.
void print_names(const std::vector<std::string>& names) {
  for (auto& n : names)
    std::cout << (json_mode ? json_string(n) : n) << "\n";
}

bool parse_filter(const std::string& text, troupe::client::filter& out) {
  auto a = text.find(' ');
  if (a == std::string::npos)
    return false;
  auto b = text.find(' ', a + 1);
  out.value_key = text.substr(0, a);
  out.op = text.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
  out.value = b == std::string::npos ? "" : text.substr(b + 1);
  return troupe::client::filter_op_from_name(out.op).has_value();
}

} // namespace

using troupe::client::cluster_status;
using troupe::client::led_partition;

/// A replica needs a snapshot past this many entries behind its leader.
constexpr uint64_t behind_entries = 1024;

/// How many entries replica `r` of `g` is behind its leader.
uint64_t lag(const led_partition& g, const troupe::client::replica_progress& r) {
  return g.last - std::min(g.last, r.match);
}

/// Replicated: the partitions every member leads, as each member says
/// (asked through its client address; a member that does not answer is
/// left out). Two members claiming one partition (an old leader that has
/// not heard of the new one yet): the higher term wins.
std::map<uint32_t, led_partition> gather_led(caf::actor_system& sys,
                                             const troupe::client::connect_options& opts,
                                             const cluster_status& st) {
  std::map<uint32_t, led_partition> out;
  auto take = [&](const std::vector<led_partition>& led) {
    for (auto& g : led)
      if (auto it = out.find(g.partition); it == out.end() || it->second.term < g.term)
        out[g.partition] = g;
  };
  for (auto& m : st.members) {
    if (m.node_id == st.node_id) {
      take(st.led);
      continue;
    }
    auto at = troupe::client::with_address(opts, m.client_address);
    if (!at)
      continue;
    auto c = sync_client::connect(sys, *at);
    if (!c.ok())
      continue;
    if (auto other = (*c)->get_cluster_status(); other.ok())
      take(other->led);
  }
  return out;
}

/// Replicas of `g` that are not keeping up: not heard from lately, or far
/// enough behind to need a snapshot.
size_t replicas_behind(const led_partition& g) {
  size_t n = 0;
  for (auto& r : g.replicas)
    n += !r.active || lag(g, r) > behind_entries;
  return n;
}

/// Replicated clusters: how many partitions have no known leader, and how
/// many have a replica behind.
std::pair<size_t, size_t> replication_health(const cluster_status& st,
                                             const std::map<uint32_t, led_partition>& led) {
  size_t leaderless = 0, under = 0;
  for (uint32_t p = 0; p < st.owners.size(); ++p) {
    auto it = led.find(p);
    if (st.owners[p].empty() || it == led.end())
      ++leaderless;
    else if (replicas_behind(it->second) > 0)
      ++under;
  }
  return {leaderless, under};
}

/// The cluster status; for a replicated cluster (`led` not empty) with how
/// many partitions have no leader or a replica behind.
void print_cluster(const cluster_status& st, const std::map<uint32_t, led_partition>& led = {}) {
  auto [leaderless, under] = replication_health(st, led);
  if (json_mode) {
    std::vector<std::string> members;
    for (auto& m : st.members)
      members.push_back(json_object{}
                          .str("nodeId", m.node_id)
                          .flag("leaving", m.leaving)
                          .num("partitions", m.partitions)
                          .flag("reachable", m.reachable)
                          .str("client", m.client_address)
                          .str("cluster", m.cluster_address)
                          .str("resp", m.resp_address)
                          .text());
    std::cout << json_object{}
                   .num("epoch", st.epoch)
                   .num("partitions", st.owners.size())
                   .str("coordinator", st.coordinator)
                   .str("seenFrom", st.node_id)
                   .num("movesPending", st.moving)
                   .raw("members", json_array(members))
                   .raw("replication", led.empty() ? "null"
                                                   : json_object{}
                                                       .num("leaderless", leaderless)
                                                       .num("underReplicated", under)
                                                       .text())
                   .text()
              << "\n";
    return;
  }
  std::cout << "epoch " << st.epoch << ", " << st.owners.size() << " partitions, coordinator "
            << (st.coordinator.empty() ? "-" : st.coordinator) << ", seen from " << st.node_id
            << (st.moving > 0 ? ", " + std::to_string(st.moving) + " moves pending" : "")
            << "\n";
  std::cout << "node\tpartitions\treachable\tclient\tcluster\tresp\n";
  for (auto& m : st.members)
    std::cout << m.node_id << (m.leaving ? " (leaving)" : "") << "\t" << m.partitions << "\t"
              << (m.reachable ? "yes" : "NO") << "\t" << m.client_address << "\t"
              << m.cluster_address << "\t" << (m.resp_address.empty() ? "-" : m.resp_address)
              << "\n";
  if (!led.empty())
    std::cout << "replication: " << leaderless << " of " << st.owners.size()
              << " partitions without a leader, " << under
              << " with a replica behind (see `troupe cluster partitions`)\n";
}

/// One partition's replicas as its leader sees them: "n2 lag 0, n3 lag 12
/// (inactive)"; JSON: an array of replica objects.
std::string replicas_text(const led_partition& g) {
  std::string out;
  for (auto& r : g.replicas)
    out += (out.empty() ? "" : ", ") + r.node_id + " lag " + std::to_string(lag(g, r))
           + (r.active ? "" : " (inactive)");
  return out;
}

std::string replicas_json(const led_partition& g) {
  std::vector<std::string> out;
  for (auto& r : g.replicas)
    out.push_back(json_object{}
                    .str("nodeId", r.node_id)
                    .num("match", r.match)
                    .num("lag", lag(g, r))
                    .flag("active", r.active)
                    .text());
  return json_array(out);
}

/// An export's id: its chunks of a partition read the view the first took.
uint64_t new_export_id() {
  std::random_device rd;
  return (uint64_t{rd()} << 32) | rd();
}

/// troupe export: every partition, chunk by chunk, one line per record.
int export_records(sync_client& c, const std::string& file, const std::string& ns) {
  std::ofstream to_file;
  if (file != "-") {
    to_file.open(file, std::ios::binary | std::ios::trunc);
    if (!to_file)
      return usage_error("cannot write " + file);
  }
  std::ostream& out = file == "-" ? std::cout : to_file;
  auto partitions = c.welcome().partition_count;
  out << troupe::client::export_header(c.welcome().cluster_name, partitions) << '\n';
  uint64_t records = 0;
  auto export_id = new_export_id();
  for (uint32_t p = 0; p < partitions; ++p) {
    uint32_t column = 0;
    std::string after;
    for (;;) {
      auto page = c.export_chunk(export_id, p, column, after);
      if (!page.ok())
        return fail(page.error());
      for (auto& r : page->records) {
        if (!ns.empty() && !troupe::client::in_namespace(r, ns))
          continue;
        out << troupe::client::record_line(p, r) << '\n';
        ++records;
      }
      if (page->done)
        break;
      column = page->next_column;
      after = page->next_after;
    }
  }
  out.flush();
  if (!out)
    return fail(troupe::status::error(troupe::error_code::internal, "writing " + file + " failed"));
  std::cerr << "exported " << records << " records of " << partitions << " partitions\n";
  return 0;
}

/// troupe import ndjson: the records, a chunk per partition at a time.
int import_records(sync_client& c, const std::string& file, bool replace) {
  std::ifstream from_file;
  if (file != "-") {
    from_file.open(file, std::ios::binary);
    if (!from_file)
      return usage_error("cannot read " + file);
  }
  std::istream& in = file == "-" ? std::cin : from_file;
  std::string line;
  auto partitions = c.welcome().partition_count;
  std::optional<uint32_t> named;
  if (!std::getline(in, line) || !(named = troupe::client::export_header_partitions(line)))
    return usage_error(file + ": not a troupe export (its first line names no partition count)");
  if (auto n = *named; n != partitions)
    return usage_error(file + ": an export of a cluster of " + std::to_string(n)
                       + " partitions; this one has " + std::to_string(partitions)
                       + " (records live in their partition: the counts must match)");
  // Refused before anything is written: a cluster that holds data (the
  // node checks each partition again as its first chunk arrives).
  if (!replace) {
    auto export_id = new_export_id();
    for (uint32_t p = 0; p < partitions; ++p) {
      auto page = c.export_chunk(export_id, p, 0, {}, 1);  // one record tells
      if (!page.ok())
        return fail(page.error());
      if (!page->records.empty())
        return fail(troupe::status::error(
          troupe::error_code::conflict,
          "partition " + std::to_string(p) + " already holds data: an import fills an empty "
            "cluster (--replace deletes what the partitions in the file hold)"));
    }
  }
  constexpr size_t chunk_bytes = 1 << 20;
  std::vector<troupe::client::raw_record> chunk;
  size_t bytes = 0;
  uint32_t current = 0;
  std::set<uint32_t> started;
  uint64_t records = 0, errors = 0, line_no = 1;
  auto flush = [&]() -> bool {
    if (chunk.empty())
      return true;
    bool first = started.insert(current).second;
    auto r = c.import_chunk(current, chunk, first, replace);
    if (!r.ok()) {
      fail(troupe::status::error(r.error().code,
                                 "partition " + std::to_string(current) + ": " + r.error().message));
      return false;
    }
    records += *r;
    chunk.clear();
    bytes = 0;
    return true;
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty())
      continue;
    uint32_t p = 0;
    troupe::client::raw_record rec;
    std::string error;
    if (!troupe::client::parse_record_line(line, p, rec, error) || p >= partitions) {
      if (++errors <= 20)
        fail(troupe::status::error(troupe::error_code::invalid_argument,
                                   file + ":" + std::to_string(line_no) + ": "
                                     + (error.empty() ? "no partition " + std::to_string(p)
                                                      : error)));
      continue;
    }
    if (p != current || bytes >= chunk_bytes) {
      if (!flush())
        return 3;
      current = p;
    }
    bytes += rec.key.size() + rec.value.size();
    chunk.push_back(std::move(rec));
  }
  if (!flush())
    return 3;
  say("imported " + std::to_string(records) + " records into " + std::to_string(started.size())
        + " partitions; " + std::to_string(errors) + " lines refused",
      json_object{}
        .num("records", records)
        .num("partitions", started.size())
        .num("errors", errors));
  return errors == 0 ? 0 : 3;
}

int main(int argc, char** argv) {
  CLI::App app{"troupe: command-line client for a Troupe node"};
  app.set_version_flag("--version", "troupe " TROUPE_VERSION);
  app.require_subcommand(1);
  std::string node = "127.0.0.1:7379";
  std::string token;
  app.add_option("--node", node, "Node address host:port")->envname("TROUPE_NODE")->capture_default_str();
  app.add_option("--token", token, "Token for the node")->envname("TROUPE_TOKEN");
  app.add_flag("--json", json_mode,
               "Answers as JSON (one document per line), errors as JSON on stderr");
  troupe::client::connect_options opts;
  app.add_flag("--tls", opts.tls, "Speak TLS (a node with --tls-cert)")->envname("TROUPE_CLI_TLS");
  app.add_option("--tls-ca", opts.tls_ca, "CA the node's certificate chains to (default: the system's)")
    ->envname("TROUPE_CLI_TLS_CA");
  app.add_option("--tls-cert", opts.tls_cert, "Client certificate (a node with --tls-ca)")
    ->envname("TROUPE_CLI_TLS_CERT");
  app.add_option("--tls-key", opts.tls_key, "Key of --tls-cert")->envname("TROUPE_CLI_TLS_KEY");

  auto* ping = app.add_subcommand("ping", "Check that the node answers");
  auto* state = app.add_subcommand("state", "Motia state: get, set, del, keys, clear, group, trace-ids, items");
  state->require_subcommand(1);

  std::string trace, key, json, group;
  uint64_t ttl_ms = 0;
  std::optional<uint64_t> expect;
  std::vector<std::string> filters;
  auto* get = state->add_subcommand("get", "Print a value");
  get->add_option("trace", trace)->required();
  get->add_option("key", key)->required();
  auto* set = state->add_subcommand("set", "Store a JSON value");
  set->add_option("trace", trace)->required();
  set->add_option("key", key)->required();
  set->add_option("json", json)->required();
  set->add_option("--ttl-ms", ttl_ms, "Expire after this many milliseconds");
  set->add_option("--expect-revision", expect, "Compare-and-set: current revision (0: must not exist)");
  auto* del = state->add_subcommand("del", "Delete a key, printing its old value");
  del->add_option("trace", trace)->required();
  del->add_option("key", key)->required();
  auto* keys = state->add_subcommand("keys", "List the keys of a trace");
  keys->add_option("trace", trace)->required();
  auto* clear = state->add_subcommand("clear", "Delete every key of a trace");
  clear->add_option("trace", trace)->required();
  auto* grp = state->add_subcommand("group", "Print every item of a trace");
  grp->add_option("trace", trace)->required();
  auto* trace_ids = state->add_subcommand("trace-ids", "List every trace id");
  auto* items = state->add_subcommand("items", "List items, optionally filtered");
  items->add_option("--group", group, "Only this trace id");
  items->add_option("--filter", filters, "\"valueKey op value\" (Motia's 12 operations); repeatable");

  auto* stream = app.add_subcommand("stream", "Motia streams: items, queries, live events");
  stream->require_subcommand(1);
  std::string sname, sgroup, sid, sjson, stype, where, order_by;
  bool desc = false;
  uint64_t offset = 0, limit = 0, count = 0;
  auto* s_get = stream->add_subcommand("get", "Print an item");
  auto* s_del = stream->add_subcommand("del", "Delete an item, printing it");
  for (auto* sub : {s_get, s_del}) {
    sub->add_option("stream", sname)->required();
    sub->add_option("group", sgroup)->required();
    sub->add_option("id", sid)->required();
  }
  auto* s_set = stream->add_subcommand("set", "Store an item (a JSON object)");
  s_set->add_option("stream", sname)->required();
  s_set->add_option("group", sgroup)->required();
  s_set->add_option("id", sid)->required();
  s_set->add_option("json", sjson)->required();
  auto* s_group = stream->add_subcommand("group", "Print a group's items in order");
  auto* s_clear = stream->add_subcommand("clear", "Delete every item of a group");
  auto* s_query = stream->add_subcommand("query", "Query a group like Motia's stream query");
  for (auto* sub : {s_group, s_clear, s_query}) {
    sub->add_option("stream", sname)->required();
    sub->add_option("group", sgroup)->required();
  }
  s_query->add_option("--where", where, "JSON object of field -> value");
  s_query->add_option("--order-by", order_by);
  s_query->add_flag("--desc", desc);
  s_query->add_option("--offset", offset);
  s_query->add_option("--limit", limit);
  auto* s_groups = stream->add_subcommand("groups", "List a stream's groups");
  s_groups->add_option("stream", sname)->required();
  auto* s_send = stream->add_subcommand("send", "Send a custom event to a group or item");
  s_send->add_option("stream", sname)->required();
  s_send->add_option("group", sgroup)->required();
  s_send->add_option("type", stype)->required();
  s_send->add_option("json", sjson)->required();
  s_send->add_option("--id", sid, "Send to this item's channel");
  auto* s_watch = stream->add_subcommand("watch", "Print a group's (or item's) events live");
  s_watch->add_option("stream", sname)->required();
  s_watch->add_option("group", sgroup)->required();
  s_watch->add_option("id", sid);
  s_watch->add_option("--count", count, "Exit after this many events (0: run until closed)");
  auto* stats = app.add_subcommand("stats", "Print the node's counters");

  std::string topic, step, trace_id, message_group;
  uint32_t dlq_limit = 100;
  std::vector<std::string> message_ids;
  auto* emit = app.add_subcommand("emit", "Emit an event to a topic");
  emit->add_option("topic", topic)->required();
  emit->add_option("json", sjson)->required();
  emit->add_option("--trace-id", trace_id);
  emit->add_option("--group", message_group, "messageGroupId (fifo queues)");
  auto* topics = app.add_subcommand("topics", "List topics with subscribed steps");
  auto* locks = app.add_subcommand("locks", "List the cron locks held now");
  auto* queue = app.add_subcommand("queue", "Step queues");
  queue->require_subcommand(1);
  auto* q_stats = queue->add_subcommand("stats", "Ready, delayed, in-flight and dead counts");
  q_stats->add_option("topic", topic)->required();
  q_stats->add_option("step", step)->required();
  auto* dlq = app.add_subcommand("dlq", "Dead letters of a step");
  dlq->require_subcommand(1);
  auto* d_list = dlq->add_subcommand("list", "Print dead letters as JSON lines");
  auto* d_replay = dlq->add_subcommand("replay", "Move dead letters back to the queue");
  auto* d_purge = dlq->add_subcommand("purge", "Delete every dead letter");
  for (auto* sub : {d_list, d_replay, d_purge}) {
    sub->add_option("topic", topic)->required();
    sub->add_option("step", step)->required();
  }
  d_list->add_option("--limit", dlq_limit);
  d_replay->add_option("--id", message_ids, "Only these message ids (default: all)");

  auto* cluster = app.add_subcommand("cluster", "Members, partitions, draining a node");
  cluster->require_subcommand(1);
  std::string drain_node;
  auto* c_status = cluster->add_subcommand("status", "Members, partitions per node, epoch");
  auto* c_parts = cluster->add_subcommand("partitions", "The owner of every partition");
  auto* c_drain = cluster->add_subcommand("drain", "Move every partition off a node, then remove it");
  c_drain->add_option("node", drain_node, "Node id")->required();
  uint32_t transfer_partition = 0;
  std::string transfer_node;
  auto* c_transfer = cluster->add_subcommand(
    "transfer-leader", "Replicated: hand a partition's leadership to another of its replicas");
  c_transfer->add_option("partition", transfer_partition, "Partition number")->required();
  c_transfer->add_option("node", transfer_node, "Node id of the new leader")->required();

  auto* backup = app.add_subcommand("backup", "Backups of the node's data");
  backup->require_subcommand(1);
  std::string backup_dir;
  auto* b_create = backup->add_subcommand(
    "create", "Copy the node's database, online, into DIR on the node's machine (a new directory)");
  b_create->add_option("dir", backup_dir, "Directory on the node's file system")->required();

  auto* import = app.add_subcommand("import", "Bring a Motia app's data in: from Redis, or motia dev's files");
  import->require_subcommand(1);
  std::string import_from, import_password, import_prefix = "motia", import_namespace, import_dir;
  bool import_dry_run = false;
  auto* i_redis = import->add_subcommand(
    "redis", "What Motia's Redis state and streams adapters and its BullMQ adapter stored");
  i_redis->add_option("--from", import_from, "Redis address host:port")->required();
  i_redis->add_option("--password", import_password, "Redis password")->envname("REDIS_PASSWORD");
  i_redis->add_option("--prefix", import_prefix, "Key prefix Motia used")->capture_default_str();
  auto* i_files = import->add_subcommand("motia-files", "motia dev's state and stream files");
  i_files->add_option("dir", import_dir, "The .motia directory, or the app directory holding it")
    ->required();
  auto* i_ndjson = import->add_subcommand(
    "ndjson", "Records written by troupe export, into an empty cluster of as many partitions");
  std::string ndjson_file;
  bool import_replace = false;
  i_ndjson->add_option("file", ndjson_file, "The export ('-': standard input)")->required();
  i_ndjson->add_flag("--replace", import_replace,
                     "Delete what the partitions the export names hold, instead of refusing");
  auto* export_cmd = app.add_subcommand(
    "export", "Every record of the cluster as JSON lines (troupe import ndjson reads them)");
  std::string export_file = "-";
  std::string export_namespace;
  export_cmd->add_option("--namespace", export_namespace,
                         "Only this namespace's records (troupe-motia's namespace option), with "
                         "each partition's counters");
  export_cmd->add_option("--output,-o", export_file, "File to write ('-': standard output)")
    ->capture_default_str();
  for (auto* sub : {i_redis, i_files}) {
    sub->add_option("--namespace", import_namespace,
                    "Import into this namespace (troupe-motia's namespace option)");
    sub->add_flag("--dry-run", import_dry_run, "Read everything, count, write nothing");
  }

  CLI11_PARSE(app, argc, argv);

  std::vector<troupe::client::filter> parsed_filters;
  for (auto& f : filters) {
    troupe::client::filter pf;
    if (!parse_filter(f, pf)) {
      std::cerr << "bad --filter '" << f << "': expected \"valueKey op value\" with op one of "
                   "eq neq gt gte lt lte contains notContains startsWith endsWith isNotNull isNull\n";
      return 2;
    }
    parsed_filters.push_back(pf);
  }

  auto at = troupe::client::with_address(opts, node);
  if (!at) {
    std::cerr << "--node: expected host:port with a port from 1 to 65535, got '" << node
              << "'\n";
    return 2;
  }
  opts = *at;
  opts.token = token;
  opts.client_name = "troupe-cli";

  caf::actor_system_config cfg;
  cfg.load<caf::io::middleman>();
  cfg.set("scheduler.max-threads", 1);
  caf::actor_system sys{cfg};
  auto client = sync_client::connect(sys, opts);
  if (!client.ok())
    return fail(client.error());
  auto& c = **client;

  if (*ping) {
    auto r = c.ping("troupe-cli");
    if (!r.ok())
      return fail(r.error());
    say("PONG from " + *r + " (cluster " + c.welcome().cluster_name + ", "
          + std::to_string(c.welcome().partition_count) + " partitions)",
        json_object{}
          .str("node", *r)
          .str("cluster", c.welcome().cluster_name)
          .num("partitions", c.welcome().partition_count));
    return 0;
  }
  if (*get) {
    auto r = c.get(trace, key);
    if (!r.ok())
      return fail(r.error());
    if (!*r)
      return not_found();
    // The revision is what --expect-revision takes: on stderr, so stdout
    // stays the value alone.
    if (json_mode) {
      json_object o;
      o.raw("value", (*r)->json).num("revision", (*r)->revision);
      if ((*r)->expires_at_ms > 0)
        o.num("expiresAt", static_cast<uint64_t>((*r)->expires_at_ms));
      std::cout << o.text() << "\n";
    } else {
      std::cout << (*r)->json << "\n";
      std::cerr << "revision " << (*r)->revision << "\n";
    }
    return 0;
  }
  if (*set) {
    auto r = c.set(trace, key, json, {ttl_ms, expect});
    if (!r.ok()) {
      if (r.error().code == troupe::error_code::invalid_argument && !json_mode)
        std::cerr << "hint: values are JSON; a string is written with its quotes, e.g. "
                     "'\"text\"'\n";
      return fail(r.error());
    }
    say("OK revision " + std::to_string(*r), json_object{}.num("revision", *r));
    return 0;
  }
  if (*del) {
    auto r = c.del(trace, key);
    if (!r.ok())
      return fail(r.error());
    if (!*r)
      return not_found();
    std::cout << (*r)->json << "\n";
    return 0;
  }
  if (*keys) {
    auto r = c.keys(trace);
    if (!r.ok())
      return fail(r.error());
    print_names(*r);
    return 0;
  }
  if (*clear) {
    auto r = c.clear(trace);
    if (!r.ok())
      return fail(r.error());
    say("cleared " + std::to_string(*r), json_object{}.num("cleared", *r));
    return 0;
  }
  if (*grp) {
    auto r = c.get_group(trace);
    if (!r.ok())
      return fail(r.error());
    print_items(*r);
    return 0;
  }
  if (*trace_ids) {
    auto r = c.trace_ids();
    if (!r.ok())
      return fail(r.error());
    print_names(*r);
    return 0;
  }
  auto print_item = [](const troupe::result<std::optional<std::string>>& r) {
    if (!r.ok())
      return fail(r.error());
    if (!*r)
      return not_found();
    std::cout << **r << "\n";
    return 0;
  };
  // JSON documents (stream items), one per line.
  auto print_lines = [](const troupe::result<std::vector<std::string>>& r) {
    if (!r.ok())
      return fail(r.error());
    for (auto& line : *r)
      std::cout << line << "\n";
    return 0;
  };
  // Names (groups, topics), one per line.
  auto print_name_lines = [](const troupe::result<std::vector<std::string>>& r) {
    if (!r.ok())
      return fail(r.error());
    print_names(*r);
    return 0;
  };
  if (*s_get)
    return print_item(c.stream_get(sname, sgroup, sid));
  if (*s_del)
    return print_item(c.stream_delete(sname, sgroup, sid));
  if (*s_set) {
    auto r = c.stream_set(sname, sgroup, sid, sjson);
    if (!r.ok())
      return fail(r.error());
    say((r->created ? "created " : "updated ") + r->item,
        json_object{}.flag("created", r->created).raw("item", r->item));
    return 0;
  }
  if (*s_group)
    return print_lines(c.stream_get_group(sname, sgroup));
  if (*s_query)
    return print_lines(c.stream_query(sname, sgroup, {where, order_by, desc, offset, limit}));
  if (*s_groups)
    return print_name_lines(c.stream_groups(sname));
  if (*s_clear) {
    auto r = c.stream_clear(sname, sgroup);
    if (!r.ok())
      return fail(r.error());
    say("cleared " + std::to_string(*r), json_object{}.num("cleared", *r));
    return 0;
  }
  if (*s_send) {
    auto st = c.stream_send(sname, sgroup, sid.empty() ? std::nullopt : std::optional{sid},
                            stype, sjson);
    if (!st.ok())
      return fail(st);
    say("sent", json_object{}.flag("sent", true));
    return 0;
  }
  if (*s_watch) {
    auto sub = c.subscribe(sname, sgroup, sid.empty() ? std::nullopt : std::optional{sid});
    if (!sub.ok())
      return fail(sub.error());
    // A status line, on stderr: stdout carries the events alone.
    std::cerr << (json_mode ? json_object{}.num("subscribed", *sub).text()
                            : "subscribed " + std::to_string(*sub))
              << std::endl;
    for (uint64_t seen = 0; count == 0 || seen < count;) {
      auto e = c.next_event(std::chrono::seconds{1});
      if (!e) {
        if (!c.ping().ok())
          return fail(troupe::status::error(troupe::error_code::unavailable, "connection closed"));
        continue;
      }
      if (e->overflow) {
        std::cerr << "overflow: this watcher fell behind; the subscription ended\n";
        return 3;
      }
      std::cout << json_object{}
                     .str("type", e->type)
                     .str("id", e->id)
                     .flag("custom", e->custom)
                     .raw("data", e->data)
                     .text()
                << std::endl;
      ++seen;
    }
    return 0;
  }
  if (*emit) {
    troupe::client::emit_entry e;
    e.data = sjson;
    e.trace_id = trace_id;
    if (!message_group.empty())
      e.message_group_id = message_group;
    auto r = c.emit(topic, e);
    if (!r.ok())
      return fail(r.error());
    std::string text = "emitted to " + std::to_string(r->steps) + " step(s)";
    std::vector<std::string> ids;
    for (auto& id : r->message_ids) {
      text += " " + id;
      ids.push_back(json_string(id));
    }
    say(text, json_object{}.num("steps", r->steps).raw("messageIds", json_array(ids)));
    return 0;
  }
  if (*topics)
    return print_name_lines(c.topics());
  if (*locks) {
    auto r = c.active_locks();
    if (!r.ok())
      return fail(r.error());
    for (auto& l : *r)
      std::cout << json_object{}
                     .str("jobName", l.job)
                     .str("instanceId", l.instance_id)
                     .num("acquiredAt", l.acquired_at_ms)
                     .num("expiresAt", l.expires_at_ms)
                     .num("fencingToken", l.fencing_token)
                     .text()
                << "\n";
    return 0;
  }
  if (*q_stats) {
    auto r = c.get_queue_stats(topic, step);
    if (!r.ok())
      return fail(r.error());
    say("ready " + std::to_string(r->ready) + "\ndelayed " + std::to_string(r->delayed)
          + "\nin_flight " + std::to_string(r->in_flight) + "\ndead " + std::to_string(r->dead)
          + "\nconsumers " + std::to_string(r->consumers),
        json_object{}
          .num("ready", r->ready)
          .num("delayed", r->delayed)
          .num("inFlight", r->in_flight)
          .num("dead", r->dead)
          .num("consumers", r->consumers));
    return 0;
  }
  if (*d_list) {
    auto r = c.dead_letters(topic, step, dlq_limit);
    if (!r.ok())
      return fail(r.error());
    for (auto& m : *r)
      std::cout << json_object{}
                     .str("messageId", m.message_id)
                     .num("attempts", m.attempt)
                     .str("lastError", m.last_error)
                     .str("traceId", m.trace_id)
                     .raw("data", m.data)
                     .text()
                << "\n";
    return 0;
  }
  if (*d_replay || *d_purge) {
    auto r = *d_replay ? c.replay_dead_letters(topic, step, message_ids)
                       : c.purge_dead_letters(topic, step);
    if (!r.ok())
      return fail(r.error());
    say((*d_replay ? "replayed " : "purged ") + std::to_string(*r),
        json_object{}.num(*d_replay ? "replayed" : "purged", *r));
    return 0;
  }
  if (*c_status || *c_drain) {
    if (*c_drain)
      c.set_timeout(std::chrono::hours{1});
    auto r = *c_drain ? c.drain(drain_node) : c.get_cluster_status();
    if (!r.ok())
      return fail(r.error());
    print_cluster(*r, *c_status ? gather_led(sys, opts, *r) : std::map<uint32_t, led_partition>{});
    return 0;
  }
  if (*c_parts) {
    auto r = c.get_cluster_status();
    if (!r.ok())
      return fail(r.error());
    auto led = gather_led(sys, opts, *r);
    if (json_mode) {
      std::vector<std::string> owners, replicas;
      for (auto& o : r->owners)
        owners.push_back(o.empty() ? "null" : json_string(o));
      for (auto& [p, g] : led)
        replicas.push_back(json_object{}
                             .num("partition", p)
                             .num("term", g.term)
                             .num("commit", g.commit)
                             .raw("replicas", replicas_json(g))
                             .text());
      std::cout << json_object{}
                     .num("epoch", r->epoch)
                     .raw("owners", json_array(owners))
                     .raw("led", json_array(replicas))
                     .text()
                << "\n";
      return 0;
    }
    std::cout << "epoch " << r->epoch << "\n";
    for (uint32_t p = 0; p < r->owners.size(); ++p) {
      std::cout << p << "\t" << (r->owners[p].empty() ? "-" : r->owners[p]);
      if (auto it = led.find(p); it != led.end())
        std::cout << "\tterm " << it->second.term << "\t" << replicas_text(it->second);
      std::cout << "\n";
    }
    return 0;
  }
  if (*c_transfer) {
    auto st = c.get_cluster_status();
    if (!st.ok())
      return fail(st.error());
    if (transfer_partition >= st->owners.size())
      return fail(troupe::status::error(troupe::error_code::invalid_argument,
                                        "no partition " + std::to_string(transfer_partition)));
    // Asked of the partition's leader itself.
    auto& leader = st->owners[transfer_partition];
    std::unique_ptr<sync_client> at_leader;
    for (auto& m : st->members)
      if (m.node_id == leader && leader != st->node_id)
        if (auto o = troupe::client::with_address(opts, m.client_address)) {
          auto lc = sync_client::connect(sys, *o);
          if (!lc.ok())
            return fail(lc.error());
          at_leader = std::move(*lc);
        }
    auto& asked = at_leader ? *at_leader : c;
    auto r = asked.transfer_leader(transfer_partition, transfer_node);
    if (!r.ok())
      return fail(r.error());
    // Started: wait (bounded) until the new leader serves it.
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{10};
    for (;;) {
      auto now = c.get_cluster_status();
      if (now.ok() && now->owners.at(transfer_partition) == transfer_node)
        break;
      if (std::chrono::steady_clock::now() >= deadline)
        return fail(troupe::status::error(
          troupe::error_code::unavailable,
          "the hand-off of partition " + std::to_string(transfer_partition) + " to "
            + transfer_node + " started, but it does not lead it yet"));
      std::this_thread::sleep_for(std::chrono::milliseconds{100});
    }
    say("partition " + std::to_string(transfer_partition) + " is led by " + transfer_node,
        json_object{}.num("partition", transfer_partition).str("leader", transfer_node));
    return 0;
  }
  if (*b_create) {
    auto r = c.backup(backup_dir);
    if (!r.ok())
      return fail(r.error());
    say("backup " + r->dir + ": " + std::to_string(r->files) + " files, "
          + std::to_string(r->bytes) + " bytes",
        json_object{}.str("dir", r->dir).num("files", r->files).num("bytes", r->bytes));
    return 0;
  }
  if (*export_cmd)
    return export_records(c, export_file, export_namespace);
  if (*i_ndjson)
    return import_records(c, ndjson_file, import_replace);
  if (*import) {
    troupe::client::importer to{c, import_namespace, import_dry_run};
    std::string error;
    bool read = *i_redis ? troupe::client::import_redis(to, import_from, import_password,
                                                        import_prefix, error)
                         : troupe::client::import_motia_files(to, import_dir, error);
    auto& counts = to.finish();
    std::cout << (json_mode ? troupe::client::summary_json(counts, import_dry_run)
                            : troupe::client::summary_text(counts, import_dry_run))
              << std::endl;
    if (!read)
      return fail(troupe::status::error(troupe::error_code::unavailable, error));
    return counts.errors == 0 ? 0 : 3;
  }
  if (*stats) {
    auto r = c.stats();
    if (!r.ok())
      return fail(r.error());
    say("sessions " + std::to_string(r->sessions) + "\nstream_groups "
          + std::to_string(r->stream_groups) + "\nstream_subscribers "
          + std::to_string(r->stream_subscribers),
        json_object{}
          .num("sessions", r->sessions)
          .num("streamGroups", r->stream_groups)
          .num("streamSubscribers", r->stream_subscribers));
    return 0;
  }
  if (*items) {
    auto r = c.items(group.empty() ? std::nullopt : std::optional<std::string>{group},
                     parsed_filters);
    if (!r.ok())
      return fail(r.error());
    print_items(*r);
    return 0;
  }
  return 2;
}
