#include "node/resp_session.hpp"
#include "node/resp_config.hpp"

#include <algorithm>
#include <limits>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <utility>
#include <deque>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <unistd.h>

#include <caf/actor_system.hpp>
#include <caf/io/broker.hpp>
#include <caf/io/middleman.hpp>
#include <spdlog/spdlog.h>

#include "actors/atoms.hpp"
#include "actors/kv_script.hpp"
#include "actors/node_counters.hpp"
#include "actors/script_monitor.hpp"
#include "cluster/partition_router.hpp"
#include "node/client_registry.hpp"
#include "node/connection_guard.hpp"
#include "node/metrics.hpp"
#include "node/partition_call.hpp"
#include "node/read_chunk.hpp"
#include "node/function_registry.hpp"
#include "node/script_cache.hpp"
#include "protocol/acl.hpp"
#include "node/session.hpp"
#include "node/socket_out.hpp"
#include "protocol/envelope.hpp"
#include "protocol/digest.hpp"
#include "protocol/rdb.hpp"
#include "protocol/resp.hpp"
#include "protocol/resp_commands.hpp"
#include "protocol/tls.hpp"
#include "protocol/troupe.pb.h"
#include "storage/db.hpp"
#include "storage/glob.hpp"
#include "storage/key_codec.hpp"

namespace troupe::node {

namespace {

namespace resp = protocol::resp;
using caf::io::connection_handle;
using v1::Request;
using v1::Response;
using protocol::resp_command;
using protocol::resp_route;
using protocol::find_resp_command;
using protocol::resp_commands;

constexpr const char* redis_version = "7.2.0";

/// Session internal: a delayed authentication failure is due.
using auth_fail_atom = caf::atom_constant<caf::atom("authfail")>;
/// From another connection (client_registry): a client_signal.
using client_signal_atom = caf::atom_constant<caf::atom("clsignal")>;

/// One reply in the connection's reply order; filled when its command ends.
struct reply_slot {
  bool ready = false;
  bool silent = false;  ///< CLIENT REPLY OFF/SKIP: its bytes are dropped
  bool rejected = false;  ///< refused before it ran (INFO's rejected_calls)
  bool push = false;      ///< a pub/sub message, not a command's reply
  std::string bytes;
  const char* op;  ///< the command, for /metrics
  std::chrono::steady_clock::time_point started;
};
using slot_ptr = std::shared_ptr<reply_slot>;

/// A command of the node, not of a partition (CONFIG, SCRIPT), queued by
/// MULTI: it runs when EXEC's partition part has, its reply at `position`
/// of EXEC's.
struct local_command {
  size_t position;
  std::vector<std::string> args;
};

/// A connection's MULTI and WATCH: commands queued until EXEC, which sends
/// them to their partition to run atomically there.
struct transaction {
  bool open = false;    // between MULTI and EXEC/DISCARD
  bool failed = false;  // a command was refused while queued: EXECABORT
  std::optional<partition_id> partition;  // of every queued command's keys
  std::vector<troupe::v1::KvCommand> queued;
  std::vector<local_command> local;
  bool writes = false;   // a queued command writes (min-replicas-to-write)
  bool denyoom = false;  // a queued command may grow memory (maxmemory)
  std::optional<partition_id> watch_partition;
  std::vector<std::string> watch_keys;
  std::vector<uint64_t> watch_versions;
  std::vector<int64_t> watch_expires_at;

  /// Ends the transaction; `unwatch` forgets the watched keys too.
  void end(bool unwatch) {
    open = failed = writes = denyoom = false;
    partition.reset();
    queued.clear();
    local.clear();
    if (unwatch) {
      watch_partition.reset();
      watch_keys.clear();
      watch_versions.clear();
      watch_expires_at.clear();
    }
  }
};

struct resp_state {
  std::shared_ptr<const session_context> ctx;
  resp::parser parser;
  int64_t client_id = 0;
  std::string client_name;
  bool resp3 = false;
  bool authenticated = false;
  bool closing = false;  // no more commands: close once every reply is out
  bool pumping = false;  // inside pump(): no nested pass over the input
  std::deque<slot_ptr> slots;
  const char* current_op = "unknown";  // the command being dispatched
  /// A failed AUTH's reply, held back by the throttle: no command is taken
  /// until it is out.
  slot_ptr delayed_auth;
  connection_clock clock{0, 0};
  std::set<std::string> channels;
  std::set<std::string> patterns;
  uint64_t queued = 0;  // bytes handed to the socket, not yet sent (ack_writes)
  uint64_t reported_queued = 0;  // what the node's count has of it
  std::unique_ptr<protocol::tls_session> tls;  // with --tls-cert
  outbox out;  // replies gathered for the socket
  size_t read_chunk = min_read_chunk;
  remote_calls remote;  // requests at other nodes' gateways
  transaction tx;
  /// The ACL user the connection runs as (AUTH user pass), read again
  /// whenever the users changed since `acl_version`; `acl_open`: it may run
  /// everything, so nothing is checked.
  std::string user = "default";
  std::shared_ptr<const protocol::acl_user> acl_user;
  uint64_t acl_version = std::numeric_limits<uint64_t>::max();
  bool acl_open = true;
  bool blocking = false;  // a blocking command waits: no further command runs
  /// The blocking command's waiter in its partition (CLIENT UNBLOCK ends it).
  uint64_t block_token = 0;
  partition_id block_partition{};
  /// CLIENT UNBLOCK from another connection: set while the partition ends
  /// the wait (true: with an error, false: as a timeout).
  std::optional<bool> unblocked;
  /// This connection in the node's client registry, and what it shows of
  /// where the connection comes from.
  std::unique_ptr<client_registry::handle> registered;
  client_info origin;
  /// CLIENT REPLY: on, off, or skip (the next command's reply only).
  enum class reply_mode { on, off, skip } replies = reply_mode::on;
  bool silent = false;  // the command being dispatched gets no reply

  size_t subscriptions() const { return channels.size() + patterns.size(); }

  ~resp_state() {
    if (ctx && ctx->counters)
      ctx->counters->resp_clients -= 1;
    if (ctx && ctx->counters && blocking)
      ctx->counters->resp_blocked_clients -= 1;
    if (ctx)
      report_queued(ctx->counters, 0, reported_queued);
  }

  void queued_changed() { report_queued(ctx->counters, queued, reported_queued); }

  static inline const char* name = "troupe.resp_session";
};

using resp_broker = caf::io::stateful_broker<resp_state>;

std::string error_reply(std::string_view text) {
  std::string out;
  resp::error(out, text);
  return out;
}

// -- reply order --------------------------------------------------------------

void close_session(resp_broker* self, connection_handle hdl) {
  send_out(self, hdl);
  self->close(hdl);
  self->quit();
}

void pump(resp_broker* self, connection_handle hdl);

/// Writes every finished reply at the front, in order.
void flush_slots(resp_broker* self, connection_handle hdl) {
  auto& st = self->state;
  auto& buf = st.out.bytes;
  bool wrote = false;
  while (!st.slots.empty() && st.slots.front()->ready) {
    auto& bytes = st.slots.front()->bytes;
    buf.insert(buf.end(), bytes.begin(), bytes.end());
    wrote = wrote || !bytes.empty();
    st.slots.pop_front();
  }
  // The last awaited reply goes at once; one of several (a pipelined
  // batch) waits for the others this turn.
  if (wrote && (st.slots.empty() || buf.size() >= gather_limit))
    send_out(self, hdl);
  else if (wrote)
    st.out.send_later(self);
  if (st.closing && st.slots.empty())
    close_session(self, hdl);
  else if (wrote && st.parser.buffered() > 0)  // commands that waited for these replies
    pump(self, hdl);
}

slot_ptr open_slot(resp_broker* self) {
  auto slot = std::make_shared<reply_slot>();
  slot->op = self->state.current_op;
  slot->silent = self->state.silent;
  slot->started = std::chrono::steady_clock::now();
  self->state.slots.push_back(slot);
  return slot;
}

/// Counts an answered command for /metrics and INFO: its result, time and,
/// for an error, its code (the error's first word).
void record(resp_broker* self, const reply_slot& slot) {
  auto& metrics = *self->state.ctx->metrics;
  bool error = !slot.bytes.empty() && slot.bytes[0] == '-';
  metrics.observe(front_door::resp, slot.op,
                  slot.rejected ? request_result::rejected
                  : error       ? request_result::failed
                                : request_result::ok,
                  std::chrono::steady_clock::now() - slot.started);
  if (error) {
    std::string_view text{slot.bytes};
    metrics.count_error(text.substr(1, text.find_first_of(" \r", 1) - 1));
  }
}

void finish(resp_broker* self, connection_handle hdl, const slot_ptr& slot, std::string bytes) {
  slot->bytes = std::move(bytes);
  slot->ready = true;
  if (!slot->push)
    record(self, *slot);
  if (slot->silent)
    slot->bytes.clear();  // CLIENT REPLY OFF or SKIP
  flush_slots(self, hdl);
}

void reply(resp_broker* self, connection_handle hdl, std::string bytes) {
  finish(self, hdl, open_slot(self), std::move(bytes));
}

/// A pub/sub message or (un)subscribe confirmation: Redis sends those even
/// under CLIENT REPLY OFF or SKIP.
void push_out(resp_broker* self, connection_handle hdl, std::string bytes) {
  auto silent = std::exchange(self->state.silent, false);
  auto slot = open_slot(self);
  slot->push = true;
  finish(self, hdl, slot, std::move(bytes));
  self->state.silent = silent;
}

void reply_error(resp_broker* self, connection_handle hdl, std::string_view text) {
  reply(self, hdl, error_reply(text));
}

/// Refuses a command before it runs (Redis's rejected calls).
void reject(resp_broker* self, connection_handle hdl, std::string_view text) {
  auto slot = open_slot(self);
  slot->rejected = true;
  finish(self, hdl, slot, error_reply(text));
}

// -- partitions ---------------------------------------------------------------

/// Sends `req` to the kv partition `p` and calls fn(response).
template <class F>
void ask(resp_broker* self, partition_id p, std::shared_ptr<const Request> req, F fn) {
  call_partition(self, *self->state.ctx->router, cluster::service::kv, p, std::move(req),
                 std::move(fn));
}

/// The RESP reply a partition gave to a KvCommand.
std::string kv_reply(const Response& r) {
  if (r.has_error())
    return error_reply("ERR " + r.error().message());
  return r.kv().resp();
}

std::shared_ptr<Request> kv_request(resp_broker* self, const std::string& name,
                                    const std::vector<std::string>& args,
                                    const std::vector<size_t>& picked) {
  auto req = std::make_shared<Request>();
  auto* cmd = req->mutable_kv_command();
  cmd->set_resp3(self->state.resp3);
  cmd->add_args(name);
  for (auto i : picked)
    cmd->add_args(args[i]);
  return req;
}

const char* const cross_slot = "CROSSSLOT Keys in request don't hash to the same slot";

/// The longest a blocked command waits in its partition at a time: it is
/// then sent again (within the 60 s a forwarded request may take), so a
/// partition never holds a waiter long for a client that has gone.
constexpr uint32_t block_slice_ms = 10'000;

using steady = std::chrono::steady_clock;

/// A blocking command (BLPOP, BZPOPMIN, ...): the partition answers at once
/// when it can pop; otherwise it waits up to a slice and answers `retry`
/// (a key was written, or the slice ended), and the command runs again
/// until it pops or the client's timeout passes (a null array). Nothing
/// else from this connection runs meanwhile, as in Redis.
void send_blocking(resp_broker* self, connection_handle hdl, partition_id p,
                   std::shared_ptr<const std::vector<std::string>> args,
                   std::optional<steady::time_point> deadline, slot_ptr slot, bool rerun) {
  auto done = [self, hdl, slot](std::string bytes) {
    auto& st = self->state;
    st.blocking = false;
    st.unblocked.reset();
    st.registered->set_blocked(false);
    st.ctx->counters->resp_blocked_clients -= 1;
    finish(self, hdl, slot, std::move(bytes));
    pump(self, hdl);
  };
  // Nothing popped in time: a null array, as Redis answers.
  auto nothing = [self, done] {
    std::string out;
    resp::null_array(out, self->state.resp3);
    done(std::move(out));
  };
  uint32_t wait = block_slice_ms;
  if (deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - steady::now());
    if (left.count() <= 0) {
      nothing();
      return;
    }
    wait = static_cast<uint32_t>(std::min<int64_t>(left.count(), block_slice_ms));
  }
  auto req = std::make_shared<Request>();
  auto* cmd = req->mutable_kv_command();
  cmd->set_resp3(self->state.resp3);
  cmd->set_block_ms(wait);
  cmd->set_rerun(rerun);
  cmd->set_block_token(self->state.block_token);
  for (auto& a : *args)
    cmd->add_args(a);
  ask(self, p, std::move(req), [=](const Response& r) {
    if (r.has_error() || !r.kv().retry()) {
      done(kv_reply(r));
      return;
    }
    if (auto error = self->state.unblocked) {  // CLIENT UNBLOCK ended the wait
      if (*error) {
        std::string out;
        resp::error(out, "UNBLOCKED client unblocked via CLIENT UNBLOCK");
        done(std::move(out));
      } else {
        nothing();
      }
      return;
    }
    auto again = args;
    if (r.kv().rerun_args_size() > 0)
      again = std::make_shared<const std::vector<std::string>>(r.kv().rerun_args().begin(),
                                                               r.kv().rerun_args().end());
    send_blocking(self, hdl, p, std::move(again), deadline, slot, true);
  });
}

/// A blocked command's name in its partition: random, so that waiters sent
/// by different nodes do not share one.
uint64_t block_token() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  uint64_t token = 0;
  while (token == 0)
    token = gen();
  return token;
}

/// CLIENT UNBLOCK from another connection: the partition is asked to end
/// the wait, and the command then answers as timed out (or with an error)
/// instead of running again. One that popped meanwhile answers what it
/// popped: nothing is lost.
void unblock(resp_broker* self, bool error) {
  auto& st = self->state;
  if (!st.blocking || st.unblocked)
    return;
  st.unblocked = error;
  auto req = std::make_shared<Request>();
  req->mutable_kv_unblock()->set_token(st.block_token);
  ask(self, st.block_partition, std::move(req), [](const Response&) {});
}

/// Where XREAD's and XREADGROUP's BLOCK milliseconds are (0: not given, the
/// command does not block).
size_t block_option(const std::vector<std::string>& args) {
  for (size_t i = 1; i + 1 < args.size(); ++i) {
    auto opt = resp::lower(args[i]);
    if (opt == "streams")
      break;
    if (opt == "block")
      return i + 1;
    if (opt == "group")
      i += 2;
    else if (opt == "count")
      i += 1;
  }
  return 0;
}

/// Whether a command flagged blocking blocks as called.
bool blocks(const std::string& name, const std::vector<std::string>& args) {
  return (name != "xread" && name != "xreadgroup") || block_option(args) != 0;
}

/// The client's deadline for a blocking command: nullopt for 0 (forever)
/// or a timeout the partition will refuse.
std::optional<steady::time_point> block_deadline(const std::string& name,
                                                 const std::vector<std::string>& args) {
  bool streams = name == "xread" || name == "xreadgroup";  // BLOCK milliseconds
  const auto& text = streams                              ? args[block_option(args)]
                     : name == "blmpop" || name == "bzmpop" ? args[1]
                                                            : args.back();
  char* end = nullptr;
  double seconds = std::strtod(text.c_str(), &end) / (streams ? 1000.0 : 1.0);
  if (end != text.c_str() + text.size() || !(seconds > 0) || seconds > 1e9)
    return std::nullopt;
  return steady::now() + std::chrono::microseconds{static_cast<int64_t>(seconds * 1e6)};
}

/// A command on keys of one partition: to that partition, reply passed
/// through; keys of several partitions get CROSSSLOT, as in Redis Cluster.
void send_key(resp_broker* self, connection_handle hdl, const std::string& name,
              std::vector<std::string>& args, const resp_command& spec) {
  auto& router = *self->state.ctx->router;
  std::vector<std::string_view> views(args.begin(), args.end());
  auto keys = protocol::key_positions(spec, views);
  auto p = router.kv_partition(keys.empty() ? std::string_view{args[1]} : views[keys[0]]);
  for (auto i : keys) {
    if (router.kv_partition(views[i]) != p) {
      reject(self, hdl, cross_slot);
      return;
    }
  }
  if (protocol::has_flag(spec, "blocking") && blocks(name, args)) {
    args[0] = name;
    auto& st = self->state;
    st.blocking = true;
    st.block_token = block_token();
    st.block_partition = p;
    st.registered->set_blocked(true);
    st.ctx->counters->resp_blocked_clients += 1;
    auto deadline = block_deadline(name, args);
    send_blocking(self, hdl, p, std::make_shared<const std::vector<std::string>>(std::move(args)),
                  deadline, open_slot(self), false);
    return;
  }
  auto req = std::make_shared<Request>();
  auto* cmd = req->mutable_kv_command();
  cmd->set_resp3(self->state.resp3);
  args[0] = name;
  for (auto& a : args)
    cmd->add_args(std::move(a));
  auto slot = open_slot(self);
  ask(self, p, std::move(req),
      [=](const Response& r) { finish(self, hdl, slot, kv_reply(r)); });
}

/// MGET, MSET, DEL, UNLINK, EXISTS: split by partition, replies merged.
void send_split(resp_broker* self, connection_handle hdl, const std::string& name,
                const std::vector<std::string>& args, const resp_command& cmd) {
  size_t step = cmd.route == resp_route::pairs ? 2 : 1;
  if ((args.size() - 1) % step != 0) {
    reply_error(self, hdl, "ERR wrong number of arguments for '" + name + "' command");
    return;
  }
  auto& ctx = *self->state.ctx;
  if (step == 2) {
    // MSET is atomic per partition only: refuse it whole, before any part
    // is applied, when a partition would refuse its part.
    for (size_t i = 1; i + 1 < args.size(); i += 2) {
      if (args[i].size() > ctx.max_key_bytes) {
        reply_error(self, hdl, resp::key_too_long("key", args[i].size(), ctx.max_key_bytes));
        return;
      }
      if (args[i + 1].size() > ctx.max_value_bytes) {
        reply_error(self, hdl, resp::value_too_long(ctx.max_value_bytes));
        return;
      }
    }
  }
  auto& router = *ctx.router;
  std::map<uint16_t, std::vector<size_t>> groups;  // partition -> argument indexes
  for (size_t i = 1; i < args.size(); i += step) {
    auto& picked = groups[router.kv_partition(args[i]).value];
    for (size_t j = 0; j < step; ++j)
      picked.push_back(i + j);
  }
  auto slot = open_slot(self);
  if (groups.size() == 1) {
    auto& [p, picked] = *groups.begin();
    ask(self, partition_id{p}, kv_request(self, name, args, picked),
        [=](const Response& r) { finish(self, hdl, slot, kv_reply(r)); });
    return;
  }
  struct merge_state {
    size_t remaining;
    std::string error;
    int64_t sum = 0;
    std::vector<std::string> elements;  // MGET, by key position
  };
  auto m = std::make_shared<merge_state>();
  m->remaining = groups.size();
  m->elements.resize(args.size() - 1);
  bool is_mget = name == "mget";
  for (auto& [p, picked] : groups) {
    ask(self, partition_id{p}, kv_request(self, name, args, picked),
        [=, picked = picked](const Response& r) {
          auto bytes = kv_reply(r);
          std::vector<std::string_view> parts;
          if (resp::is_error(bytes)) {
            if (m->error.empty())
              m->error = bytes;
          } else if (is_mget && resp::split_array(bytes, parts) && parts.size() == picked.size()) {
            for (size_t i = 0; i < picked.size(); ++i)
              m->elements[picked[i] - 1] = std::string{parts[i]};
          } else if (auto n = resp::read_integer(bytes)) {
            m->sum += *n;
          }
          if (--m->remaining > 0)
            return;
          std::string out;
          if (!m->error.empty()) {
            out = m->error;
          } else if (is_mget) {
            resp::array(out, m->elements.size());
            for (auto& e : m->elements)
              out += e;
          } else if (name == "mset") {
            resp::simple(out, "OK");
          } else {
            resp::integer(out, m->sum);
          }
          finish(self, hdl, slot, std::move(out));
        });
  }
}

/// Sends `make()` to every partition; fn(responses) once all answered.
template <class Make, class F>
void scatter(resp_broker* self, Make make, F fn) {
  auto count = self->state.ctx->router->count();
  auto remaining = std::make_shared<size_t>(count);
  auto replies = std::make_shared<std::vector<Response>>(count);
  for (size_t i = 0; i < count; ++i)
    ask(self, partition_id{static_cast<uint16_t>(i)}, make(), [=](const Response& r) {
      (*replies)[i] = r;
      if (--*remaining == 0)
        fn(*replies);
    });
}

/// The first error among partition replies, as a RESP error; empty if none.
std::string first_error(const std::vector<Response>& replies) {
  for (auto& r : replies)
    if (r.has_error())
      return error_reply("ERR " + r.error().message());
  return {};
}

// -- SCAN ---------------------------------------------------------------------
// A cursor is (partition << 48) | scan hash: where the next step resumes.
// Keys sort by scan hash inside a partition, so it needs no server state.

struct scan_args {
  std::string match;
  std::string type;
  uint32_t count = 10;
};

void scan_step(resp_broker* self, connection_handle hdl, slot_ptr slot,
               std::shared_ptr<const scan_args> sa, uint32_t partition, uint64_t from,
               std::shared_ptr<std::vector<std::string>> keys, uint32_t budget) {
  auto partitions = self->state.ctx->router->count();
  auto req = std::make_shared<Request>();
  auto* scan = req->mutable_kv_scan();
  scan->set_from_hash(from);
  scan->set_count(budget);
  scan->set_match(sa->match);
  scan->set_type(sa->type);
  ask(self, partition_id{static_cast<uint16_t>(partition)}, std::move(req),
      [=](const Response& r) {
        if (r.has_error()) {
          finish(self, hdl, slot, error_reply("ERR " + r.error().message()));
          return;
        }
        auto& part = r.kv_scan();
        for (auto& k : part.keys())
          keys->push_back(k);
        uint64_t cursor = 0;
        uint32_t spent = std::max<uint32_t>(1, part.examined());
        if (!part.done()) {
          cursor = (uint64_t{partition} << 48) | part.next_hash();
        } else if (partition + 1 < partitions) {
          // This partition is finished: go on to the next one while the
          // step's budget of examined keys lasts (an empty partition costs
          // one).
          if (budget > spent) {
            scan_step(self, hdl, slot, sa, partition + 1, 0, keys, budget - spent);
            return;
          }
          cursor = uint64_t{partition + 1} << 48;
        }
        std::string out;
        resp::array(out, 2);
        resp::bulk(out, std::to_string(cursor));
        resp::array(out, keys->size());
        for (auto& k : *keys)
          resp::bulk(out, k);
        finish(self, hdl, slot, std::move(out));
      });
}

void cmd_scan(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  auto sa = std::make_shared<scan_args>();
  uint64_t cursor = 0;
  {
    auto& text = args[1];
    char* end = nullptr;
    errno = 0;
    cursor = std::strtoull(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno != 0 || text[0] == '-') {
      reply_error(self, hdl, "ERR invalid cursor");
      return;
    }
  }
  for (size_t i = 2; i < args.size(); i += 2) {
    auto opt = resp::lower(args[i]);
    if (i + 1 >= args.size()) {
      reply_error(self, hdl, "ERR syntax error");
      return;
    }
    if (opt == "match") {
      sa->match = args[i + 1];
    } else if (opt == "count") {
      auto n = resp::parse_int(args[i + 1]);
      if (!n) {
        reply_error(self, hdl, "ERR value is not an integer or out of range");
        return;
      }
      if (*n < 1) {
        reply_error(self, hdl, "ERR syntax error");
        return;
      }
      sa->count = static_cast<uint32_t>(std::min<int64_t>(*n, 1 << 20));
    } else if (opt == "type") {
      sa->type = resp::lower(args[i + 1]);
    } else {
      reply_error(self, hdl, "ERR syntax error");
      return;
    }
  }
  auto partition = static_cast<uint32_t>(cursor >> 48);
  auto slot = open_slot(self);
  if (partition >= self->state.ctx->router->count()) {
    finish(self, hdl, slot, "*2\r\n$1\r\n0\r\n*0\r\n");
    return;
  }
  scan_step(self, hdl, slot, sa, partition, cursor & (storage::kv_scan_hash_limit - 1),
            std::make_shared<std::vector<std::string>>(), sa->count);
}

/// RANDOMKEY: the first live key at or after a random point of the
/// keyspace (a random partition and scan hash), going round the partitions
/// once; a null reply when there is none. `left`: partitions still to ask.
void randomkey_step(resp_broker* self, connection_handle hdl, slot_ptr slot, uint32_t partition,
                    uint64_t from, uint32_t left) {
  auto req = std::make_shared<Request>();
  req->mutable_kv_scan()->set_from_hash(from);
  req->mutable_kv_scan()->set_count(1);
  ask(self, partition_id{static_cast<uint16_t>(partition)}, std::move(req),
      [=](const Response& r) {
        std::string out;
        if (r.has_error()) {
          resp::error(out, "ERR " + r.error().message());
        } else if (r.kv_scan().keys_size() > 0) {
          resp::bulk(out, r.kv_scan().keys(0));
        } else if (left > 0) {
          auto partitions = static_cast<uint32_t>(self->state.ctx->router->count());
          randomkey_step(self, hdl, slot, (partition + 1) % partitions, 0, left - 1);
          return;
        } else {
          resp::null(out, self->state.resp3);
        }
        finish(self, hdl, slot, std::move(out));
      });
}

void cmd_keyspace(resp_broker* self, connection_handle hdl, const std::string& name,
                  const std::vector<std::string>& args) {
  if (name == "scan") {
    cmd_scan(self, hdl, args);
    return;
  }
  if (name == "randomkey") {
    thread_local std::mt19937_64 random{std::random_device{}()};
    auto partitions = static_cast<uint32_t>(self->state.ctx->router->count());
    // Round once: the start partition from the random hash on, every other
    // one whole, and the start partition again from its beginning.
    randomkey_step(self, hdl, open_slot(self), static_cast<uint32_t>(random() % partitions),
                   random() >> 16, partitions);  // scan hashes are 48 bits
    return;
  }
  if ((name == "flushdb" || name == "flushall")) {
    if (args.size() > 2
        || (args.size() == 2 && resp::lower(args[1]) != "async" && resp::lower(args[1]) != "sync")) {
      reply_error(self, hdl, "ERR syntax error");
      return;
    }
  }
  auto slot = open_slot(self);
  auto pattern = name == "keys" ? args[1] : std::string{};
  scatter(
    self,
    [&] {
      auto req = std::make_shared<Request>();
      if (name == "keys")
        req->mutable_kv_scan()->set_match(pattern);
      else if (name == "dbsize")
        req->mutable_kv_count();
      else
        req->mutable_kv_flush();
      return req;
    },
    [=](const std::vector<Response>& replies) {
      auto err = first_error(replies);
      if (!err.empty()) {
        finish(self, hdl, slot, std::move(err));
        return;
      }
      std::string out;
      if (name == "keys") {
        size_t n = 0;
        for (auto& r : replies)
          n += static_cast<size_t>(r.kv_scan().keys().size());
        resp::array(out, n);
        for (auto& r : replies)
          for (auto& k : r.kv_scan().keys())
            resp::bulk(out, k);
      } else if (name == "dbsize") {
        int64_t n = 0;
        for (auto& r : replies)
          n += static_cast<int64_t>(r.count().count());
        resp::integer(out, n);
      } else {
        resp::simple(out, "OK");
      }
      finish(self, hdl, slot, std::move(out));
    });
}

// -- connection ---------------------------------------------------------------

/// What AUTH's check gives: no error, or the error reply and how long the
/// throttle holds it back.
struct auth_result {
  std::string error;
  std::chrono::milliseconds delay{0};
};

/// Refuses a command before it runs, as Redis's rejectCommand: inside
/// MULTI the transaction then fails, and a refused EXEC discards it.
void refuse_command(resp_broker* self, connection_handle hdl, std::string_view name,
                    std::string_view why) {
  auto& tx = self->state.tx;
  if (name == "exec") {  // in a transaction or not, as Redis answers
    tx.end(true);
    reject(self, hdl, "EXECABORT Transaction discarded because of: " + std::string{why});
    return;
  }
  if (tx.open)
    tx.failed = true;
  reject(self, hdl, std::string{why});
}

/// True when a new connection runs as the default user without AUTH: the
/// node has no token and the default user is on and needs no password.
bool open_without_auth(const session_context& ctx) {
  auto d = ctx.acl->find("default");
  return ctx.token.empty() && d && d->enabled() && d->nopass();
}

/// The connection runs as `user` from its next command on.
void become(resp_state& st, std::string user) {
  st.user = std::move(user);
  st.acl_version = std::numeric_limits<uint64_t>::max();
}

client_info own_info(resp_broker* self);

/// Adds an event of this connection to ACL LOG.
void log_acl_event(resp_broker* self, protocol::acl_log_reason reason, std::string object,
                   std::string username) {
  auto& st = self->state;
  using context = protocol::acl_log_context;
  st.ctx->acl->log().add({reason, st.tx.open ? context::multi : context::toplevel,
                          std::move(object), std::move(username),
                          client_line(own_info(self), steady::now())},
                         storage::system_now_ms());
}

/// Checks AUTH's [user] password (`command`: AUTH or HELLO, as sent). The
/// default user's password is the node's --token when it has one; other
/// users' are theirs (ACL SETUSER).
auth_result authenticate(resp_broker* self, connection_handle hdl, const std::string& command,
                         const std::string* user, const std::string& password) {
  auto& st = self->state;
  auto name = user != nullptr ? *user : std::string{"default"};
  auto u = st.ctx->acl->find(name);
  bool by_token = name == "default" && !st.ctx->token.empty();
  if (!by_token && user == nullptr && u && u->nopass())
    return {error_reply("ERR AUTH <password> called without any password configured for the "
                        "default user. Are you sure your configuration is correct?")};
  if (!u || !u->enabled()
      || !(by_token ? tokens_equal(password, st.ctx->token) : u->accepts(password))) {
    log_acl_event(self, protocol::acl_log_reason::auth, command, name);
    return {error_reply("WRONGPASS invalid username-password pair or user is disabled."),
            st.ctx->auth->failed(self->remote_addr(hdl), "RESP")};
  }
  st.authenticated = true;
  become(st, std::move(name));
  st.parser.set_max_request_bytes(st.ctx->max_frame_bytes);
  return {};
}

/// ACL: the connection's user may run the command; otherwise it is refused
/// with NOPERM, as in Redis. A connection whose user was deleted is closed;
/// one whose user was turned off goes on (no new sign-in can), as in Redis.
bool acl_permits(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args,
                 const resp_command& spec) {
  auto& st = self->state;
  auto& acl = *st.ctx->acl;
  if (auto v = acl.version(); v != st.acl_version) {
    st.acl_version = v;
    st.acl_user = acl.find(st.user);
    if (!st.acl_user) {
      close_session(self, hdl);
      return false;
    }
    st.acl_open = st.acl_user->unrestricted();
  }
  if (st.acl_open || protocol::has_flag(spec, "no_auth"))
    return true;
  std::vector<std::string_view> views(args.begin(), args.end());
  size_t at = 0;
  auto why = st.acl_user->check(spec, views, &at);
  if (why == protocol::acl_verdict::allowed)
    return true;
  auto command = protocol::acl_command_name(spec, views);
  log_acl_event(self, protocol::log_reason(why),
                why == protocol::acl_verdict::command ? command : args[at], st.user);
  refuse_command(self, hdl, spec.name, protocol::acl_refusal(why, command));
  return false;
}

/// Answers a failed AUTH, after the throttle's delay; meanwhile the
/// connection's further commands wait.
void refuse_auth(resp_broker* self, connection_handle hdl, auth_result r) {
  if (r.delay.count() == 0) {
    reply(self, hdl, std::move(r.error));
    return;
  }
  auto slot = open_slot(self);
  slot->bytes = std::move(r.error);
  self->state.delayed_auth = slot;
  self->delayed_send(self, r.delay, auth_fail_atom::value);
}

void cmd_hello(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  auto& st = self->state;
  bool resp3 = st.resp3;
  if (args.size() >= 2) {
    auto v = resp::parse_int(args[1]);
    if (!v) {
      reply_error(self, hdl, "ERR Protocol version is not an integer or out of range");
      return;
    }
    if (*v != 2 && *v != 3) {
      reply_error(self, hdl, "NOPROTO unsupported protocol version");
      return;
    }
    resp3 = *v == 3;
  }
  std::string name = st.client_name;
  bool authed_here = false;
  for (size_t i = 2; i < args.size(); ++i) {
    auto opt = resp::lower(args[i]);
    if (opt == "auth" && i + 2 < args.size()) {
      auto r = authenticate(self, hdl, args[0], &args[i + 1], args[i + 2]);
      if (!r.error.empty()) {
        refuse_auth(self, hdl, std::move(r));
        return;
      }
      authed_here = true;
      i += 2;
    } else if (opt == "setname" && i + 1 < args.size()) {
      name = args[++i];
    } else {
      reply_error(self, hdl, "ERR Syntax error in HELLO option '" + args[i] + "'");
      return;
    }
  }
  if (!st.authenticated && !authed_here) {
    reply_error(self, hdl,
                "NOAUTH HELLO must be called with the client already authenticated, otherwise "
                "the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the "
                "client and select the RESP protocol version at the same time");
    return;
  }
  st.resp3 = resp3;
  st.client_name = name;
  std::string out;
  resp::map(out, 7, resp3);
  resp::bulk(out, "server");
  resp::bulk(out, "redis");
  resp::bulk(out, "version");
  resp::bulk(out, redis_version);
  resp::bulk(out, "proto");
  resp::integer(out, resp3 ? 3 : 2);
  resp::bulk(out, "id");
  resp::integer(out, st.client_id);
  resp::bulk(out, "mode");
  resp::bulk(out, "standalone");
  resp::bulk(out, "role");
  resp::bulk(out, "master");
  resp::bulk(out, "modules");
  resp::array(out, 0);
  reply(self, hdl, std::move(out));
}

/// What CLIENT LIST shows of this connection, brought up to date.
client_info own_info(resp_broker* self) {
  auto& st = self->state;
  client_info c = st.origin;
  c.name = st.client_name;
  c.sub = st.channels.size();
  c.psub = st.patterns.size();
  c.multi = st.tx.open ? static_cast<int>(st.tx.queued.size()) : -1;
  c.resp3 = st.resp3;
  c.blocked = st.blocking;
  c.user = st.user;
  c.command = st.current_op;
  c.last_command = st.clock.last_activity();
  return c;
}

/// Keeps the registry's copy of what CLIENT LIST shows current after a
/// command that may have changed it (the name, subscriptions, MULTI, the
/// protocol).
void sync_client(resp_broker* self) {
  auto& st = self->state;
  static constexpr std::string_view changing[] = {
    "client", "hello", "auth", "subscribe", "unsubscribe", "psubscribe", "punsubscribe",
    "reset", "multi", "exec", "discard"};
  if (!st.tx.open
      && std::find(std::begin(changing), std::end(changing), std::string_view{st.current_op})
           == std::end(changing))
    return;
  auto mine = own_info(self);
  st.registered->update([&](client_info& c) {
    c.name = mine.name;
    c.sub = mine.sub;
    c.psub = mine.psub;
    c.multi = mine.multi;
    c.resp3 = mine.resp3;
    c.user = mine.user;
  });
}

/// CLIENT LIST's and CLIENT KILL's TYPE: normal, pubsub, or the
/// replication roles no connection here has.
std::optional<std::function<bool(const client_info&)>> client_type(const std::string& arg) {
  auto type = resp::lower(arg);
  if (type == "normal")
    return [](const client_info& c) { return c.sub + c.psub == 0; };
  if (type == "pubsub")
    return [](const client_info& c) { return c.sub + c.psub > 0; };
  if (type == "master" || type == "replica" || type == "slave")
    return [](const client_info&) { return false; };
  return std::nullopt;
}

/// CLIENT LIST [TYPE type] [ID id ...]: every RESP connection of this node.
void client_list(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  auto& st = self->state;
  std::function<bool(const client_info&)> keep = [](const client_info&) { return true; };
  if (args.size() == 4 && resp::lower(args[2]) == "type") {
    auto type = client_type(args[3]);
    if (!type) {
      reply_error(self, hdl, "ERR Unknown client type '" + args[3] + "'");
      return;
    }
    keep = *type;
  } else if (args.size() > 3 && resp::lower(args[2]) == "id") {
    std::set<int64_t> ids;
    for (size_t i = 3; i < args.size(); ++i) {
      auto id = resp::parse_int(args[i]);
      if (!id || *id <= 0) {
        reply_error(self, hdl, "ERR Invalid client ID");
        return;
      }
      ids.insert(*id);
    }
    keep = [ids](const client_info& c) { return ids.count(c.id) > 0; };
  } else if (args.size() != 2) {
    reply_error(self, hdl, "ERR syntax error");
    return;
  }
  auto now = std::chrono::steady_clock::now();
  sync_client(self);
  std::string text;
  for (auto& c : st.ctx->resp_clients->list())
    if (keep(c))
      text += client_line(c, now) + "\n";
  std::string out;
  resp::bulk(out, text);
  reply(self, hdl, std::move(out));
}

/// CLIENT KILL ip:port, or CLIENT KILL with ID, ADDR, LADDR, USER, TYPE and
/// SKIPME filters (the connections that match all of them; not this one
/// unless SKIPME no).
void client_kill(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  auto& st = self->state;
  std::string out;
  if (args.size() == 3) {  // the old form: one address, an error if none
    auto& addr = args[2];
    if (st.ctx->resp_clients->kill([&](const client_info& c) { return c.addr == addr; }) == 0) {
      reply_error(self, hdl, "ERR No such client");
      return;
    }
    resp::simple(out, "OK");
    reply(self, hdl, std::move(out));
    return;
  }
  std::vector<std::function<bool(const client_info&)>> filters;
  bool skip_me = true;
  for (size_t i = 2; i < args.size(); i += 2) {
    auto opt = resp::lower(args[i]);
    if (i + 1 >= args.size()) {
      reply_error(self, hdl, "ERR syntax error");
      return;
    }
    const auto& value = args[i + 1];
    if (opt == "id") {
      auto id = resp::parse_int(value);
      if (!id || *id <= 0) {
        reply_error(self, hdl, "ERR client-id should be greater than 0");
        return;
      }
      filters.emplace_back([id = *id](const client_info& c) { return c.id == id; });
    } else if (opt == "type") {
      auto type = client_type(value);
      if (!type) {
        reply_error(self, hdl, "ERR Unknown client type '" + value + "'");
        return;
      }
      filters.push_back(*type);
    } else if (opt == "addr") {
      filters.emplace_back([value](const client_info& c) { return c.addr == value; });
    } else if (opt == "laddr") {
      filters.emplace_back([value](const client_info& c) { return c.laddr == value; });
    } else if (opt == "user") {
      if (value != "default") {
        reply_error(self, hdl, "ERR No such user '" + value + "'");
        return;
      }
    } else if (opt == "skipme") {
      auto yes = resp::lower(value);
      if (yes != "yes" && yes != "no") {
        reply_error(self, hdl, "ERR syntax error");
        return;
      }
      skip_me = yes == "yes";
    } else {
      reply_error(self, hdl, "ERR syntax error");
      return;
    }
  }
  auto me = st.client_id;
  auto killed = st.ctx->resp_clients->kill([&](const client_info& c) {
    if (skip_me && c.id == me)
      return false;
    return std::all_of(filters.begin(), filters.end(), [&](auto& f) { return f(c); });
  });
  resp::integer(out, static_cast<int64_t>(killed));
  reply(self, hdl, std::move(out));
}

/// CLIENT UNBLOCK id [TIMEOUT|ERROR]: 1 when that client was blocked.
void client_unblock(resp_broker* self, connection_handle hdl,
                    const std::vector<std::string>& args) {
  auto& st = self->state;
  auto id = resp::parse_int(args[2]);
  if (!id) {
    reply_error(self, hdl, "ERR value is not an integer or out of range");
    return;
  }
  bool error = false;
  if (args.size() == 4) {
    auto how = resp::lower(args[3]);
    if (how != "timeout" && how != "error") {
      reply_error(self, hdl, "ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR");
      return;
    }
    error = how == "error";
  }
  bool was_blocked = st.ctx->resp_clients->unblock(*id, error);
  std::string out;
  resp::integer(out, was_blocked ? 1 : 0);
  reply(self, hdl, std::move(out));
}

void cmd_client(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  auto& st = self->state;
  auto sub = resp::lower(args[1]);
  std::string out;
  if (sub == "setname" && args.size() == 3) {
    for (unsigned char ch : args[2])
      if (ch < '!' || ch > '~') {
        reply_error(self, hdl,
                    "ERR Client names cannot contain spaces, newlines or special characters.");
        return;
      }
    st.client_name = args[2];
    resp::simple(out, "OK");
  } else if (sub == "getname" && args.size() == 2) {
    if (st.client_name.empty())
      resp::null(out, st.resp3);
    else
      resp::bulk(out, st.client_name);
  } else if (sub == "id" && args.size() == 2) {
    resp::integer(out, st.client_id);
  } else if (sub == "setinfo" && args.size() == 4) {
    auto attr = resp::lower(args[2]);
    if (attr != "lib-name" && attr != "lib-ver") {
      reply_error(self, hdl, "ERR Unrecognized option '" + args[2] + "'");
      return;
    }
    resp::simple(out, "OK");
  } else if (sub == "info" && args.size() == 2) {
    auto now = std::chrono::steady_clock::now();
    auto mine = own_info(self);
    mine.command = "client|info";
    mine.last_command = now;
    resp::bulk(out, client_line(mine, now) + "\n");
  } else if (sub == "list") {
    client_list(self, hdl, args);
    return;
  } else if (sub == "kill" && args.size() >= 3) {
    client_kill(self, hdl, args);
    return;
  } else if (sub == "unblock" && (args.size() == 3 || args.size() == 4)) {
    client_unblock(self, hdl, args);
    return;
  } else if ((sub == "no-evict" || sub == "no-touch") && args.size() == 3) {
    resp::simple(out, "OK");
  } else if (sub == "reply" && args.size() == 3) {
    // OFF and SKIP are not answered; ON is.
    auto mode = resp::lower(args[2]);
    using mode_t = resp_state::reply_mode;
    if (mode != "on" && mode != "off" && mode != "skip") {
      reply_error(self, hdl, "ERR syntax error");
      return;
    }
    st.replies = mode == "on" ? mode_t::on : mode == "off" ? mode_t::off : mode_t::skip;
    st.silent = mode != "on";
    resp::simple(out, "OK");
  } else if (sub == "setname" || sub == "getname" || sub == "id" || sub == "setinfo"
             || sub == "info" || sub == "kill" || sub == "unblock") {
    reply_error(self, hdl, "ERR wrong number of arguments for 'client|" + sub + "' command");
    return;
  } else {
    reply_error(self, hdl, "ERR unknown subcommand '" + args[1] + "'. Try CLIENT HELP.");
    return;
  }
  reply(self, hdl, std::move(out));
}

std::string human_bytes(uint64_t n) {
  const char* units[] = {"B", "K", "M", "G", "T"};
  double v = static_cast<double>(n);
  size_t u = 0;
  while (v >= 1024 && u + 1 < std::size(units)) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), u == 0 ? "%.0f%s" : "%.2f%s", v, units[u]);
  return buf;
}

/// Which of INFO's sections a request names: none or "default" gives
/// Redis's default sections, "all" and "everything" add the rest.
struct info_sections {
  std::set<std::string> named;  // lower case
  bool defaults = false, everything = false;

  explicit info_sections(const std::vector<std::string>& args) {
    for (size_t i = 1; i < args.size(); ++i)
      named.insert(resp::lower(args[i]));
    everything = named.count("all") || named.count("everything");
    defaults = named.empty() || named.count("default") || everything;
  }
  bool wants(const char* name, bool in_default) const {
    return (in_default ? defaults : everything) || named.count(resp::lower(name)) != 0;
  }
};

std::string cpu_seconds(const timeval& t) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%ld.%06ld", static_cast<long>(t.tv_sec),
                static_cast<long>(t.tv_usec));
  return buf;
}

/// INFO's text: Redis's sections, with what a node knows. `keys` is the
/// live key count (the Keyspace section), when asked for.
std::string info_text(resp_broker* self, const info_sections& wanted,
                      std::optional<int64_t> keys) {
  auto& ctx = *self->state.ctx;
  std::string text;
  auto section = [&](const char* name, bool in_default, auto body) {
    if (!wanted.wants(name, in_default))
      return;
    if (!text.empty())
      text += "\r\n";
    text += std::string{"# "} + name + "\r\n" + body();
  };
  auto line = [](const char* k, const auto& v) {
    std::ostringstream out;
    out << k << ':' << v << "\r\n";
    return out.str();
  };
  auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
                  std::chrono::steady_clock::now() - ctx.started)
                  .count();
  section("Server", true, [&] {
    return line("redis_version", redis_version) + line("redis_mode", "standalone")
           + line("troupe_version", TROUPE_VERSION) + line("troupe_node_id", ctx.node_id)
           + line("os", "Linux") + line("arch_bits", sizeof(void*) * 8)
           + line("multiplexing_api", "epoll") + line("process_id", ::getpid())
           + line("uptime_in_seconds", uptime) + line("uptime_in_days", uptime / 86400);
  });
  auto& counters = *ctx.counters;
  section("Clients", true, [&] {
    return line("connected_clients", counters.resp_clients.load())
           + line("troupe_protocol_clients", counters.sessions.load())
           + line("maxclients", ctx.max_connections)
           + line("blocked_clients", counters.resp_blocked_clients.load())
           + line("tracking_clients", 0);
  });
  section("Memory", true, [&] {
    // Troupe's data lives in RocksDB: memory is the process's resident set.
    auto rss = resident_bytes();
    return line("used_memory", rss) + line("used_memory_human", human_bytes(rss))
           + line("used_memory_rss", rss) + line("used_memory_rss_human", human_bytes(rss))
           + line("maxmemory", ctx.resp_settings->max_memory())
           + line("maxmemory_human", human_bytes(ctx.resp_settings->max_memory()))
           + line("maxmemory_policy", "noeviction") + line("mem_allocator", "libc")
           + line("number_of_cached_scripts", ctx.scripts->count())
           + line("number_of_functions", ctx.functions->function_count())
           + line("number_of_libraries", ctx.functions->library_count());
  });
  section("Persistence", true, [&] {
    auto stats = ctx.db != nullptr ? ctx.db->stats() : storage::commit_stats{};
    // No snapshot to count from (every change is in the log once
    // acknowledged): the changes since the node started.
    return line("loading", 0) + line("async_loading", 0)
           + line("rdb_changes_since_last_save", counters.resp_changes.load())
           + line("rdb_bgsave_in_progress", 0)
           + line("aof_enabled", ctx.durability == "none" ? 0 : 1)
           + line("aof_rewrite_in_progress", 0) + line("troupe_durability", ctx.durability)
           + line("troupe_commit_batches", stats.batches)
           + line("troupe_commit_writes", stats.writes);
  });
  auto errors = ctx.metrics->error_counts();
  section("Stats", true, [&] {
    uint64_t error_replies = 0;
    for (auto& [code, n] : errors)
      error_replies += n;
    return line("total_connections_received", counters.last_client_id.load())
           + line("total_commands_processed", counters.resp_commands.load())
           + line("rejected_connections", 0) + line("pubsub_channels", 0)
           + line("pubsub_patterns", 0) + line("total_error_replies", error_replies);
  });
  section("Replication", true, [&] {
    // Troupe replicates through its own log, not Redis's replication stream.
    return line("role", "master") + line("connected_slaves", 0)
           + line("master_repl_offset", 0)
           + line("troupe_replication_factor", ctx.replication_factor);
  });
  section("CPU", true, [&] {
    rusage self_usage{}, children{};
    ::getrusage(RUSAGE_SELF, &self_usage);
    ::getrusage(RUSAGE_CHILDREN, &children);
    return line("used_cpu_sys", cpu_seconds(self_usage.ru_stime))
           + line("used_cpu_user", cpu_seconds(self_usage.ru_utime))
           + line("used_cpu_sys_children", cpu_seconds(children.ru_stime))
           + line("used_cpu_user_children", cpu_seconds(children.ru_utime));
  });
  section("Modules", true, [] { return std::string{}; });
  section("Commandstats", false, [&] {
    std::string body;
    for (auto& f : ctx.metrics->figures(front_door::resp)) {
      if (f.op == "unknown")
        continue;
      auto calls = f.ok + f.failed;
      auto usec = static_cast<uint64_t>(f.seconds * 1e6);
      char per_call[32];
      std::snprintf(per_call, sizeof per_call, "%.2f",
                    calls ? static_cast<double>(usec) / static_cast<double>(calls) : 0.0);
      body += "cmdstat_" + f.op + ":calls=" + std::to_string(calls) + ",usec="
              + std::to_string(usec) + ",usec_per_call=" + per_call
              + ",rejected_calls=" + std::to_string(f.rejected)
              + ",failed_calls=" + std::to_string(f.failed) + "\r\n";
    }
    return body;
  });
  section("Errorstats", true, [&] {
    std::string body;
    for (auto& [code, n] : errors)
      body += "errorstat_" + code + ":count=" + std::to_string(n) + "\r\n";
    return body;
  });
  section("Cluster", true, [&] { return line("cluster_enabled", 0); });
  if (keys)
    section("Keyspace", true, [&] {
      return *keys > 0 ? "db0:keys=" + std::to_string(*keys) + ",expires=0,avg_ttl=0\r\n"
                       : std::string{};
    });
  return text;
}

void cmd_info(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  info_sections wanted{args};
  bool keyspace = wanted.wants("keyspace", true);
  auto slot = open_slot(self);
  auto done = [=](std::optional<int64_t> keys) {
    std::string out;
    resp::bulk(out, info_text(self, wanted, keys));
    finish(self, hdl, slot, std::move(out));
  };
  if (!keyspace) {
    done(std::nullopt);
    return;
  }
  // The key count, as DBSIZE counts it (every partition).
  scatter(
    self,
    [] {
      auto req = std::make_shared<Request>();
      req->mutable_kv_count();
      return req;
    },
    [=](const std::vector<Response>& replies) {
      int64_t n = 0;
      for (auto& r : replies)
        if (!r.has_error())
          n += static_cast<int64_t>(r.count().count());
      done(n);
    });
}

void command_info(std::string& out, const resp_command& c) {
  resp::array(out, 10);
  resp::bulk(out, c.name);
  resp::integer(out, c.arity);
  std::vector<std::string> flags;
  std::string_view all = c.flags;
  while (!all.empty()) {
    auto sp = all.find(' ');
    flags.emplace_back(all.substr(0, sp));
    all = sp == std::string_view::npos ? std::string_view{} : all.substr(sp + 1);
  }
  resp::array(out, flags.size());
  for (auto& f : flags)
    resp::simple(out, f);
  resp::integer(out, c.first_key);
  resp::integer(out, c.last_key);
  resp::integer(out, c.step);
  for (int i = 0; i < 4; ++i)
    resp::array(out, 0);  // ACL categories, tips, key specs, subcommands
}

void cmd_command(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  auto& all = resp_commands();
  std::string out;
  auto sub = args.size() > 1 ? resp::lower(args[1]) : std::string{};
  if (sub.empty()) {
    resp::array(out, all.size());
    for (auto& c : all)
      command_info(out, c);
  } else if (sub == "count") {
    resp::integer(out, static_cast<int64_t>(all.size()));
  } else if (sub == "info") {
    resp::array(out, args.size() - 2);
    for (size_t i = 2; i < args.size(); ++i) {
      if (auto* c = find_resp_command(resp::lower(args[i])))
        command_info(out, *c);
      else
        resp::null_array(out, self->state.resp3);
    }
  } else if (sub == "docs") {
    resp::map(out, 0, self->state.resp3);
  } else if (sub == "list") {
    resp::array(out, all.size());
    for (auto& c : all)
      resp::bulk(out, c.name);
  } else if (sub == "getkeys" && args.size() >= 3) {
    // The keys of a command, as the door finds them to route it.
    auto* c = find_resp_command(resp::lower(args[2]));
    std::vector<std::string_view> cmd(args.begin() + 2, args.end());
    auto keys = c != nullptr && arity_ok(*c, cmd.size()) ? protocol::key_positions(*c, cmd)
                                                          : std::vector<size_t>{};
    if (c == nullptr)
      resp::error(out, "ERR Invalid command specified");
    else if (!arity_ok(*c, cmd.size()))
      resp::error(out, "ERR Invalid number of arguments specified for command");
    else if (keys.empty())
      resp::error(out, "ERR The command has no key arguments");
    if (!out.empty()) {
      reply(self, hdl, std::move(out));
      return;
    }
    resp::array(out, keys.size());
    for (auto i : keys)
      resp::bulk(out, cmd[i]);
  } else {
    reply_error(self, hdl, "ERR unknown subcommand '" + args[1] + "'. Try COMMAND HELP.");
    return;
  }
  reply(self, hdl, std::move(out));
}

/// CONFIG GET reports the settings clients probe; CONFIG SET changes the
/// tunable ones (resp_config) and refuses the node's flags; CONFIG
/// RESETSTAT starts INFO's command and error statistics afresh. Returns
/// the reply.
std::string config_reply(resp_broker* self, const std::vector<std::string>& args) {
  auto& settings = *self->state.ctx->resp_settings;
  auto sub = resp::lower(args[1]);
  std::string out;
  if (sub == "get" && args.size() >= 3) {
    std::vector<std::string> patterns;
    for (size_t i = 2; i < args.size(); ++i)
      patterns.push_back(resp::lower(args[i]));
    auto found = settings.get(patterns);
    resp::map(out, found.size(), self->state.resp3);
    for (auto& [name, value] : found) {
      resp::bulk(out, name);
      resp::bulk(out, value);
    }
  } else if (sub == "set" && args.size() >= 4 && args.size() % 2 == 0) {
    std::vector<std::string> pairs(args.begin() + 2, args.end());
    for (size_t i = 0; i < pairs.size(); i += 2)
      pairs[i] = resp::lower(pairs[i]);
    auto error = settings.set(pairs);
    error.empty() ? resp::simple(out, "OK") : resp::error(out, error);
  } else if (sub == "resetstat" && args.size() == 2) {
    self->state.ctx->metrics->reset_figures();
    resp::simple(out, "OK");
  } else if (sub == "set" || sub == "get") {
    resp::error(out, "ERR wrong number of arguments for 'config|" + sub + "' command");
  } else {
    resp::error(out, "ERR unknown subcommand '" + args[1] + "'. Try CONFIG HELP.");
  }
  return out;
}

// -- pub/sub ------------------------------------------------------------------

/// (P)SUBSCRIBE and (P)UNSUBSCRIBE: one confirmation per name.
void cmd_subscription(resp_broker* self, connection_handle hdl, const std::string& name,
                      const std::vector<std::string>& args) {
  auto& st = self->state;
  bool pattern = name[0] == 'p';
  bool add = name.find("unsub") == std::string::npos;
  auto& held = pattern ? st.patterns : st.channels;
  std::vector<std::string> names(args.begin() + 1, args.end());
  if (!add && names.empty())
    names.assign(held.begin(), held.end());
  auto& hub = st.ctx->channel_hub;
  auto session = caf::actor_cast<caf::actor>(self);
  std::string out;
  for (auto& n : names) {
    if (add && held.insert(n).second) {
      if (pattern)
        self->send(hub, actors::psubscribe_atom::value, session, n);
      else
        self->send(hub, actors::subscribe_atom::value, session, n);
    } else if (!add && held.erase(n) > 0) {
      if (pattern)
        self->send(hub, actors::punsubscribe_atom::value, session, n);
      else
        self->send(hub, actors::unsubscribe_atom::value, session, n);
    }
    resp::push(out, 3, st.resp3);
    resp::bulk(out, name);
    resp::bulk(out, n);
    resp::integer(out, static_cast<int64_t>(st.subscriptions()));
  }
  if (names.empty()) {
    resp::push(out, 3, st.resp3);
    resp::bulk(out, name);
    resp::null(out, st.resp3);
    resp::integer(out, static_cast<int64_t>(st.subscriptions()));
  }
  push_out(self, hdl, std::move(out));
}

/// PUBLISH reaches the subscribers of every reachable node: each node's hub
/// counts its own receivers, and the reply is their sum.
void cmd_publish(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  auto slot = open_slot(self);
  auto hubs = self->state.ctx->router->current()->hubs;
  struct sum_state {
    size_t remaining;
    int64_t receivers = 0;
  };
  auto sum = std::make_shared<sum_state>(sum_state{hubs.size()});
  auto done = [=] {
    if (--sum->remaining > 0)
      return;
    std::string out;
    resp::integer(out, sum->receivers);
    finish(self, hdl, slot, std::move(out));
  };
  for (auto& hub : hubs)
    // A hub that cannot be reached has no receivers to count.
    self->request(hub, remote_timeout, actors::publish_atom::value, args[1], args[2])
      .then(
        [=](int64_t receivers) {
          sum->receivers += receivers;
          done();
        },
        [=](caf::error&) { done(); });
}

/// Asks every reachable node's hub `query` (see pubsub_atom) and calls
/// done(answers), one list per hub that answered.
template <class F>
void ask_hubs(resp_broker* self, std::vector<std::string> query, F done) {
  auto hubs = self->state.ctx->router->current()->hubs;
  struct gather {
    size_t remaining;
    std::vector<std::vector<std::string>> answers;
  };
  auto g = std::make_shared<gather>(gather{hubs.size(), {}});
  auto one_done = [=] {
    if (--g->remaining == 0)
      done(g->answers);
  };
  if (hubs.empty()) {
    done(g->answers);
    return;
  }
  for (auto& hub : hubs)
    self->request(hub, remote_timeout, actors::pubsub_atom::value, query)
      .then(
        [=](std::vector<std::string>& answer) {
          g->answers.push_back(std::move(answer));
          one_done();
        },
        [=](caf::error&) { one_done(); });  // an unreachable node has no subscribers
}

/// PUBSUB CHANNELS [pattern] | NUMSUB [channel ...] | NUMPAT | SHARDCHANNELS
/// [pattern] | SHARDNUMSUB [channel ...] | HELP, over every node's hub.
/// Troupe has no sharded channels (SSUBSCRIBE): those answer that none has
/// subscribers.
void cmd_pubsub(resp_broker* self, connection_handle hdl, const std::vector<std::string>& args) {
  auto sub = resp::lower(args[1]);
  auto n = args.size();
  bool lists = sub == "channels" || sub == "shardchannels";
  bool counts = sub == "numsub" || sub == "shardnumsub";
  if (sub == "help" && n == 2) {
    std::string out;
    resp::help(out, "PUBSUB",
               {"CHANNELS [<pattern>]",
                "    Return the currently active channels matching a <pattern> (default: '*').",
                "NUMPAT", "    Return number of subscriptions to patterns.",
                "NUMSUB [<channel> ...]",
                "    Return the number of subscribers for the specified channels, excluding",
                "    pattern subscriptions(default: no channels).", "SHARDCHANNELS [<pattern>]",
                "    Return the currently active shard level channels matching a <pattern> "
                "(default: '*').",
                "SHARDNUMSUB [<shardchannel> ...]",
                "    Return the number of subscribers for the specified shard level channel(s)"});
    reply(self, hdl, std::move(out));
    return;
  }
  if (!lists && !counts && sub != "numpat" && sub != "help") {
    reply_error(self, hdl, "ERR unknown subcommand '" + args[1].substr(0, 128)
                             + "'. Try PUBSUB HELP.");
    return;
  }
  if ((lists && n > 3) || ((sub == "numpat" || sub == "help") && n != 2)) {
    reply_error(self, hdl, "ERR wrong number of arguments for 'pubsub|" + sub + "' command");
    return;
  }
  std::vector<std::string> channels(args.begin() + 2, args.end());
  auto slot = open_slot(self);
  auto resp3 = self->state.resp3;
  // The reply from every hub's answers (none for the sharded forms).
  auto answer = [=](const std::vector<std::vector<std::string>>& answers) {
    std::string out;
    if (counts) {
      resp::map(out, channels.size(), resp3);
      for (size_t i = 0; i < channels.size(); ++i) {
        int64_t total = 0;
        for (auto& a : answers)
          if (i < a.size())
            total += std::strtoll(a[i].c_str(), nullptr, 10);
        resp::bulk(out, channels[i]);
        resp::integer(out, total);
      }
    } else {
      std::set<std::string> names;
      for (auto& a : answers)
        names.insert(a.begin(), a.end());
      if (sub == "numpat") {
        resp::integer(out, static_cast<int64_t>(names.size()));
      } else {
        resp::array(out, names.size());
        for (auto& name : names)
          resp::bulk(out, name);
      }
    }
    finish(self, hdl, slot, std::move(out));
  };
  if (sub == "shardchannels" || sub == "shardnumsub") {
    answer({});
    return;
  }
  std::vector<std::string> query{sub == "numpat" ? "patterns" : sub};
  if (sub == "channels")
    query.push_back(n == 3 ? args[2] : std::string{});
  else
    query.insert(query.end(), channels.begin(), channels.end());
  ask_hubs(self, std::move(query), answer);
}

void on_message(resp_broker* self, connection_handle hdl, const std::string& pattern,
                const std::string& channel, const std::string& payload) {
  auto& st = self->state;
  bool held = pattern.empty() ? st.channels.count(channel) > 0 : st.patterns.count(pattern) > 0;
  if (!held || st.closing)
    return;  // unsubscribed while the message was on its way
  if (st.queued + payload.size() > st.ctx->max_subscriber_backlog_bytes) {
    // Like Redis's pub/sub output buffer limit: drop the slow subscriber.
    spdlog::warn("RESP client {} closed: {} bytes of pub/sub messages unread", st.client_id,
                 st.queued);
    st.slots.clear();
    close_session(self, hdl);
    return;
  }
  std::string out;
  resp::push(out, pattern.empty() ? 3 : 4, st.resp3);
  resp::bulk(out, pattern.empty() ? "message" : "pmessage");
  if (!pattern.empty())
    resp::bulk(out, pattern);
  resp::bulk(out, channel);
  resp::bulk(out, payload);
  push_out(self, hdl, std::move(out));
}

void unsubscribe_all(resp_broker* self) {
  auto& st = self->state;
  auto session = caf::actor_cast<caf::actor>(self);
  for (auto& c : st.channels)
    self->send(st.ctx->channel_hub, actors::unsubscribe_atom::value, session, c);
  for (auto& p : st.patterns)
    self->send(st.ctx->channel_hub, actors::punsubscribe_atom::value, session, p);
  st.channels.clear();
  st.patterns.clear();
}

// -- scripting ----------------------------------------------------------------

/// EVAL, EVALSHA, FCALL and their _RO forms: the script runs in the
/// partition of its keys (all in one: CROSSSLOT otherwise). One without
/// keys starts in partition 0 and, when the first key it touches is another
/// partition's, runs again there (KvReply.run_at_key), so `EVAL "return
/// redis.call('get', 'k')" 0` works as on one Redis. FCALL sends the
/// function's library with the function's name.
///
/// A script call made ready to send: the partition of its keys (none
/// without keys) and what it runs. nullopt after an error reply.
struct script_call {
  std::optional<partition_id> partition;
  troupe::v1::KvEval eval;
};

/// True for the commands that run a script: EVAL, EVALSHA, FCALL, _RO forms.
bool runs_script(const std::string& name) {
  return name.rfind("eval", 0) == 0 || name.rfind("fcall", 0) == 0;
}

/// What a script call runs: the library's function for FCALL, else the
/// script in the arguments or the cache; nullopt after an error reply.
std::optional<troupe::v1::KvEval> script_to_run(resp_broker* self, connection_handle hdl,
                                                const std::string& name,
                                                const std::vector<std::string>& args,
                                                bool read_only) {
  auto& ctx = *self->state.ctx;
  troupe::v1::KvEval ev;
  if (name.rfind("fcall", 0) == 0) {
    auto found = ctx.functions->find(args[1]);
    if (!found) {
      reply_error(self, hdl, "ERR Function not found");
      return std::nullopt;
    }
    auto& flags = found->function().flags;
    bool no_writes = std::find(flags.begin(), flags.end(), "no-writes") != flags.end();
    if (read_only && !no_writes) {
      reply_error(self, hdl, "ERR Can not execute a script with write flag using *_ro command.");
      return std::nullopt;
    }
    ev.set_sha(found->library->sha);
    ev.set_body(found->library->code);
    ev.set_function_name(found->function().name);
    ev.set_read_only(no_writes);
    return ev;
  }
  std::shared_ptr<const std::string> body;
  std::string sha;
  if (name.rfind("evalsha", 0) == 0) {
    body = ctx.scripts->find(args[1]);
    if (!body) {
      reply_error(self, hdl, "NOSCRIPT No matching script. Please use EVAL.");
      return std::nullopt;
    }
    sha = resp::lower(args[1]);
  } else {
    sha = protocol::sha1_hex(args[1]);
    body = ctx.scripts->find(sha);
    if (!body) {
      // Compiled here once, so a script that does not compile is not kept.
      if (auto error = actors::kv::script_compile_error(args[1])) {
        reply(self, hdl, std::move(*error));
        return std::nullopt;
      }
      if (!ctx.scripts->add(sha, args[1])) {
        reply_error(self, hdl, "ERR the script cache is full; SCRIPT FLUSH empties it");
        return std::nullopt;
      }
      body = ctx.scripts->find(sha);
    }
  }
  ev.set_sha(std::move(sha));
  ev.set_body(*body);
  ev.set_read_only(read_only);
  return ev;
}

std::optional<script_call> prepare_script(resp_broker* self, connection_handle hdl,
                                          const std::string& name,
                                          std::vector<std::string>& args) {
  auto& ctx = *self->state.ctx;
  bool read_only = name.size() > 3 && name.compare(name.size() - 3, 3, "_ro") == 0;
  auto numkeys = resp::parse_int(args[2]);
  if (!numkeys) {
    reply_error(self, hdl, name.rfind("fcall", 0) == 0
                             ? "ERR Bad number of keys provided"
                             : "ERR value is not an integer or out of range");
    return std::nullopt;
  }
  if (*numkeys < 0) {
    reply_error(self, hdl, "ERR Number of keys can't be negative");
    return std::nullopt;
  }
  if (static_cast<uint64_t>(*numkeys) > args.size() - 3) {
    reply_error(self, hdl, "ERR Number of keys can't be greater than number of args");
    return std::nullopt;
  }
  auto ev = script_to_run(self, hdl, name, args, read_only);
  if (!ev)
    return std::nullopt;
  auto first_arg = 3 + static_cast<size_t>(*numkeys);
  script_call out;
  out.eval = std::move(*ev);
  for (size_t i = 3; i < first_arg; ++i) {
    auto pi = ctx.router->kv_partition(args[i]);
    if (out.partition && pi != *out.partition) {
      reject(self, hdl, cross_slot);
      return std::nullopt;
    }
    out.partition = pi;
  }
  auto& run = out.eval;
  if (run.function_name().empty() && !actors::kv::script_flags(run.body())) {
    // Redis's compatible mode: the limits are met at the script's calls.
    auto& settings = *ctx.resp_settings;
    run.set_no_replicas(settings.too_few_replicas());
    run.set_oom(settings.over_max_memory());
  }
  for (size_t i = 3; i < args.size(); ++i)
    (i < first_arg ? run.add_keys(std::move(args[i])) : run.add_args(std::move(args[i])));
  run.set_resp3(self->state.resp3);
  if (!self->state.acl_open) {
    run.set_acl_user(self->state.user);
    run.set_acl_client_info(client_line(own_info(self), steady::now()));
  }
  return out;
}

void cmd_script_call(resp_broker* self, connection_handle hdl, const std::string& name,
                     std::vector<std::string>& args) {
  auto call = prepare_script(self, hdl, name, args);
  if (!call)
    return;
  auto req = std::make_shared<Request>();
  *req->mutable_kv_eval() = std::move(call->eval);
  auto slot = open_slot(self);
  ask(self, call->partition.value_or(partition_id{0}), req, [=](const Response& r) {
    if (r.kv().run_at_key().empty()) {
      finish(self, hdl, slot, kv_reply(r));
      return;
    }
    auto again = std::make_shared<Request>(*req);
    again->mutable_kv_eval()->set_pinned(true);
    ask(self, self->state.ctx->router->kv_partition(r.kv().run_at_key()), std::move(again),
        [=](const Response& moved) { finish(self, hdl, slot, kv_reply(moved)); });
  });
}

constexpr std::string_view busy_eval =
  "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
constexpr std::string_view busy_function =
  "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";

/// SCRIPT KILL (FUNCTION KILL with `function`): each stops only its own
/// kind, as in Redis.
void kill_reply(const session_context& ctx, bool function, std::string& out) {
  auto& monitor = *ctx.script_monitor;
  if (monitor.busy() == 0)
    resp::error(out, "NOTBUSY No scripts in execution right now.");
  else if (monitor.kill(function))
    resp::simple(out, "OK");
  else
    resp::error(out, function ? busy_eval : busy_function);
}

/// FUNCTION STATS: the function running past its budget, and the engine's
/// counts.
std::string function_stats(const session_context& ctx, bool resp3) {
  std::string out;
  resp::map(out, 2, resp3);
  resp::bulk(out, "running_script");
  if (auto running = ctx.script_monitor->function_running()) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - running->started);
    resp::map(out, 2, resp3);
    resp::bulk(out, "name");
    resp::bulk(out, running->name);
    resp::bulk(out, "duration_ms");
    resp::integer(out, ms.count());
  } else {
    resp::null(out, resp3);
  }
  resp::bulk(out, "engines");
  resp::map(out, 1, resp3);
  resp::bulk(out, "LUA");
  resp::map(out, 2, resp3);
  resp::bulk(out, "libraries_count");
  resp::integer(out, static_cast<int64_t>(ctx.functions->library_count()));
  resp::bulk(out, "functions_count");
  resp::integer(out, static_cast<int64_t>(ctx.functions->function_count()));
  return out;
}

/// FUNCTION LIST [LIBRARYNAME pattern] [WITHCODE].
std::string function_list(const session_context& ctx, const std::vector<std::string>& args,
                          bool resp3) {
  std::string out;
  bool with_code = false;
  std::optional<std::string> pattern;
  for (size_t i = 2; i < args.size(); ++i) {
    auto arg = resp::lower(args[i]);
    if (!with_code && arg == "withcode") {
      with_code = true;
    } else if (!pattern && arg == "libraryname") {
      if (i + 1 >= args.size()) {
        resp::error(out, "ERR library name argument was not given");
        return out;
      }
      pattern = args[++i];
    } else {
      resp::error(out, "ERR Unknown argument " + args[i]);
      return out;
    }
  }
  std::string items;
  size_t n = 0;
  for (auto& lib : ctx.functions->libraries()) {
    // Matched without regard to case, as Redis does.
    if (pattern && !storage::glob_match(resp::lower(*pattern), resp::lower(lib->info.name)))
      continue;
    ++n;
    resp::map(items, with_code ? 4 : 3, resp3);
    resp::bulk(items, "library_name");
    resp::bulk(items, lib->info.name);
    resp::bulk(items, "engine");
    resp::bulk(items, "LUA");
    resp::bulk(items, "functions");
    resp::array(items, lib->info.functions.size());
    for (auto& f : lib->info.functions) {
      resp::map(items, 3, resp3);
      resp::bulk(items, "name");
      resp::bulk(items, f.name);
      resp::bulk(items, "description");
      f.description ? resp::bulk(items, *f.description) : resp::null(items, resp3);
      resp::bulk(items, "flags");
      resp::set(items, f.flags.size(), resp3);
      for (auto& flag : f.flags)
        resp::simple(items, flag);
    }
    if (with_code) {
      resp::bulk(items, "library_code");
      resp::bulk(items, lib->code);
    }
  }
  resp::array(out, n);
  return out + items;
}

/// FUNCTION LOAD | DELETE | FLUSH | LIST | STATS | KILL | HELP: the reply.
std::string function_reply(resp_broker* self, const std::vector<std::string>& args) {
  auto& ctx = *self->state.ctx;
  auto sub = resp::lower(args[1]);
  std::string out;
  if (sub == "load" && args.size() >= 3) {
    bool replace = false;
    for (size_t i = 2; i + 1 < args.size(); ++i) {
      if (resp::lower(args[i]) != "replace") {
        resp::error(out, "ERR Unknown option given: " + args[i]);
        return out;
      }
      replace = true;
    }
    if (auto name = ctx.functions->load(args.back(), replace, out))
      resp::bulk(out, *name);
  } else if (sub == "delete" && args.size() == 3) {
    if (ctx.functions->remove(args[2], out))
      resp::simple(out, "OK");
  } else if (sub == "flush" && args.size() <= 3) {
    auto mode = args.size() == 3 ? resp::lower(args[2]) : std::string{};
    if (!mode.empty() && mode != "sync" && mode != "async")
      resp::error(out, "ERR FUNCTION FLUSH only supports SYNC|ASYNC option");
    else if (ctx.functions->flush(out))
      resp::simple(out, "OK");
  } else if (sub == "dump" && args.size() == 2) {
    std::vector<std::string_view> codes;
    auto libraries = ctx.functions->libraries();
    for (auto& lib : libraries)
      codes.push_back(lib->code);
    resp::bulk(out, protocol::rdb::dump_functions(codes));
  } else if (sub == "restore" && (args.size() == 3 || args.size() == 4)) {
    using policy = function_registry::restore_policy;
    auto how = args.size() == 4 ? resp::lower(args[3]) : std::string{"append"};
    std::string error;
    if (how != "append" && how != "replace" && how != "flush") {
      resp::error(out, "ERR Wrong restore policy given, value should be either FLUSH, APPEND or "
                       "REPLACE.");
    } else if (auto codes = protocol::rdb::restore_functions(args[2], error); !codes) {
      resp::error(out, error);
    } else if (ctx.functions->restore(*codes,
                                      how == "append"    ? policy::append
                                      : how == "replace" ? policy::replace
                                                         : policy::flush,
                                      out)) {
      resp::simple(out, "OK");
    }
  } else if (sub == "list") {
    out = function_list(ctx, args, self->state.resp3);
  } else if (sub == "stats" && args.size() == 2) {
    if (ctx.script_monitor->busy() > ctx.script_monitor->busy_functions())
      resp::error(out, busy_eval);
    else
      out = function_stats(ctx, self->state.resp3);
  } else if (sub == "kill" && args.size() == 2) {
    kill_reply(ctx, true, out);
  } else if (sub == "help" && args.size() == 2) {
    resp::help(out, "FUNCTION",
               {
                "LOAD [REPLACE] <FUNCTION CODE>",
                "    Create a new library with the given library name and code.",
                "DELETE <LIBRARY NAME>",
                "    Delete the given library.",
                "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
                "    Return general information on all the libraries:",
                "    * Library name",
                "    * The engine used to run the Library",
                "    * Library description",
                "    * Functions list",
                "    * Library code (if WITHCODE is given)",
                "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
                "STATS",
                "    Return information about the current function running:",
                "    * Function name",
                "    * Command used to run the function",
                "    * Duration in MS that the function is running",
                "    If no function is running, return nil",
                "    In addition, returns a list of available engines.",
                "KILL",
                "    Kill the current running function.",
                "FLUSH [ASYNC|SYNC]",
                "    Delete all the libraries.",
                "    When called without the optional mode argument, the behavior is determined by the",
                "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
                "    * ASYNC: Asynchronously flush the libraries.",
                "    * SYNC: Synchronously flush the libraries.",
                "DUMP",
                "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
                "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
                "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
                "    control how to handle existing libraries (default APPEND):",
                "    * FLUSH: delete all existing libraries.",
                "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
                "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
                "      libraries with the new libraries (notice that even on this option there is a chance of failure",
                "      in case of functions name collision with another library)."});
  } else if (sub == "restore" && args.size() > 4) {
    resp::error(out, "ERR unknown subcommand or wrong number of arguments for 'RESTORE'. Try "
                     "FUNCTION HELP.");
  } else if (sub == "load" || sub == "delete" || sub == "flush" || sub == "stats"
             || sub == "kill" || sub == "dump" || sub == "restore") {
    resp::error(out, "ERR wrong number of arguments for 'function|" + sub + "' command");
  } else {
    resp::error(out, "ERR unknown subcommand '" + args[1].substr(0, 128)
                       + "'. Try FUNCTION HELP.");
  }
  return out;
}

/// SCRIPT LOAD | EXISTS | FLUSH | KILL | HELP: the reply.
std::string script_reply(resp_broker* self, const std::vector<std::string>& args) {
  auto& ctx = *self->state.ctx;
  auto sub = resp::lower(args[1]);
  std::string out;
  if (sub == "load" && args.size() == 3) {
    auto sha = protocol::sha1_hex(args[2]);
    if (auto error = actors::kv::script_compile_error(args[2]))
      out = std::move(*error);
    else if (!ctx.scripts->add(sha, args[2]))
      resp::error(out, "ERR the script cache is full; SCRIPT FLUSH empties it");
    else
      resp::bulk(out, sha);
  } else if (sub == "exists" && args.size() >= 3) {
    resp::array(out, args.size() - 2);
    for (size_t i = 2; i < args.size(); ++i)
      resp::integer(out, ctx.scripts->find(args[i]) ? 1 : 0);
  } else if (sub == "flush" && args.size() <= 3) {
    auto mode = args.size() == 3 ? resp::lower(args[2]) : std::string{};
    if (!mode.empty() && mode != "sync" && mode != "async") {
      resp::error(out, "ERR SCRIPT FLUSH only support SYNC|ASYNC option");
    } else {
      ctx.scripts->flush();
      resp::simple(out, "OK");
    }
  } else if (sub == "kill" && args.size() == 2) {
    kill_reply(ctx, false, out);
  } else if (sub == "help" && args.size() == 2) {
    resp::help(out, "SCRIPT",
               {"EXISTS <sha1> [<sha1> ...]",
                "    Return information about the existence of the scripts in the script cache.",
                "FLUSH [ASYNC|SYNC]", "    Flush the Lua scripts cache.", "KILL",
                "    Kill the currently executing Lua script.", "LOAD <script>",
                "    Load a script into the scripts cache without executing it."});
  } else if (sub == "load" || sub == "exists" || sub == "flush" || sub == "kill") {
    resp::error(out, "ERR wrong number of arguments for 'script|" + sub + "' command");
  } else {
    resp::error(out, "ERR unknown subcommand '" + args[1].substr(0, 128)
                       + "'. Try SCRIPT HELP.");
  }
  return out;
}

/// ACL SETUSER | GETUSER | DELUSER | USERS | LIST | WHOAMI | CAT | DRYRUN |
/// GENPASS | SAVE | LOAD | HELP: the reply.
std::string acl_reply(resp_broker* self, const std::vector<std::string>& args) {
  auto& st = self->state;
  auto& acl = *st.ctx->acl;
  auto sub = resp::lower(args[1]);
  std::string out;
  if (sub == "setuser" && args.size() >= 3) {
    auto error = acl.set_user(args[2], {args.begin() + 3, args.end()});
    error ? resp::error(out, *error) : resp::simple(out, "OK");
  } else if (sub == "deluser" && args.size() >= 3) {
    std::vector<std::string> names{args.begin() + 2, args.end()};
    if (std::find(names.begin(), names.end(), "default") != names.end())
      resp::error(out, "ERR The 'default' user cannot be removed");
    else
      resp::integer(out, static_cast<int64_t>(acl.remove(names)));
  } else if (sub == "getuser" && args.size() == 3) {
    auto u = acl.find(args[2]);
    u ? void(out = u->getuser_reply(st.resp3)) : resp::null(out, st.resp3);
  } else if ((sub == "users" || sub == "list") && args.size() == 2) {
    auto users = acl.all();
    resp::array(out, users.size());
    for (auto& u : users)
      resp::bulk(out, sub == "users" ? u->name() : "user " + u->name() + " " + u->describe());
  } else if (sub == "whoami" && args.size() == 2) {
    resp::bulk(out, st.user);
  } else if (sub == "cat" && args.size() <= 3) {
    auto names = args.size() == 2 ? std::optional{protocol::acl_categories()}
                                  : protocol::acl_category_commands(resp::lower(args[2]));
    if (!names) {
      resp::error(out, "ERR Unknown category '" + args[2].substr(0, 128) + "'");
      return out;
    }
    resp::array(out, names->size());
    for (auto& n : *names)
      resp::bulk(out, n);
  } else if (sub == "dryrun" && args.size() >= 4) {
    auto u = acl.find(args[2]);
    auto* spec = find_resp_command(resp::lower(args[3]));
    std::vector<std::string_view> cmd(args.begin() + 3, args.end());
    size_t at = 0;
    if (!u) {
      resp::error(out, "ERR User '" + args[2] + "' not found");
    } else if (spec == nullptr) {
      resp::error(out, "ERR Command '" + args[3] + "' not found");
    } else if (!arity_ok(*spec, cmd.size())) {
      resp::error(out, "ERR wrong number of arguments for '" + std::string{spec->name}
                         + "' command");
    } else {
      switch (u->check(*spec, cmd, &at)) {
        case protocol::acl_verdict::allowed:
          resp::simple(out, "OK");
          break;
        case protocol::acl_verdict::command:
          resp::bulk(out, "This user has no permissions to run the '"
                            + protocol::acl_command_name(*spec, cmd) + "' command");
          break;
        case protocol::acl_verdict::key:
          resp::bulk(out, "This user has no permissions to access the '" + std::string{cmd[at]}
                            + "' key");
          break;
        case protocol::acl_verdict::channel:
          resp::bulk(out, "This user has no permissions to access the '" + std::string{cmd[at]}
                            + "' channel");
          break;
      }
    }
  } else if (sub == "genpass" && args.size() <= 3) {
    auto bits = args.size() == 3 ? resp::parse_int(args[2]) : std::optional<int64_t>{256};
    if (!bits || *bits <= 0 || *bits > 4096) {
      resp::error(out, "ERR ACL GENPASS argument must be the number of bits for the output "
                       "password, a positive number up to 4096");
      return out;
    }
    std::random_device rd;
    static constexpr char hex[] = "0123456789abcdef";
    std::string pass;
    for (int64_t i = 0; i < (*bits + 3) / 4; ++i)
      pass.push_back(hex[rd() & 0xF]);
    resp::bulk(out, pass);
  } else if (sub == "log" && args.size() <= 3) {
    int64_t count = 10;
    if (args.size() == 3 && resp::lower(args[2]) == "reset") {
      acl.log().reset();
      resp::simple(out, "OK");
      return out;
    }
    if (args.size() == 3) {
      auto n = resp::parse_int(args[2]);
      if (!n) {
        resp::error(out, "ERR value is not an integer or out of range");
        return out;
      }
      count = std::max<int64_t>(*n, 0);
    }
    out = acl.log().reply(static_cast<size_t>(count), st.resp3, storage::system_now_ms());
  } else if ((sub == "save" || sub == "load") && args.size() == 2) {
    resp::error(out, "ERR This Redis instance is not configured to use an ACL file. You may "
                     "want to specify users via the ACL SETUSER command and then issue a "
                     "CONFIG REWRITE (assuming you have a Redis configuration file set) in "
                     "order to store users in the Redis configuration.");
  } else if (sub == "help" && args.size() == 2) {
    resp::help(out, "ACL",
               {
                "CAT [<category>]",
                "    List all commands that belong to <category>, or all command categories",
                "    when no category is specified.",
                "DELUSER <username> [<username> ...]",
                "    Delete a list of users.",
                "DRYRUN <username> <command> [<arg> ...]",
                "    Returns whether the user can execute the given command without executing the command.",
                "GETUSER <username>",
                "    Get the user's details.",
                "GENPASS [<bits>]",
                "    Generate a secure 256-bit user password. The optional `bits` argument can",
                "    be used to specify a different size.",
                "LIST",
                "    Show users details in config file format.",
                "LOAD",
                "    Reload users from the ACL file.",
                "LOG [<count> | RESET]",
                "    Show the ACL log entries.",
                "SAVE",
                "    Save the current config to the ACL file.",
                "SETUSER <username> <attribute> [<attribute> ...]",
                "    Create or modify a user with the specified attributes.",
                "USERS",
                "    List all the registered usernames.",
                "WHOAMI",
                "    Return the current connection username."});
  } else {
    resp::error(out, "ERR unknown subcommand or wrong number of arguments for '"
                       + args[1].substr(0, 128) + "'. Try ACL HELP.");
  }
  return out;
}

/// The reply of a command the node answers at once, without a partition
/// (CONFIG, SCRIPT); nullopt for any other.
std::optional<std::string> local_reply(resp_broker* self, const std::string& name,
                                       const std::vector<std::string>& args) {
  if (name == "config")
    return config_reply(self, args);
  if (name == "script")
    return script_reply(self, args);
  if (name == "function")
    return function_reply(self, args);
  return std::nullopt;
}

// -- dispatch -----------------------------------------------------------------

// -- transactions ---------------------------------------------------------------
// MULTI queues commands on keys of one partition (CROSSSLOT otherwise, as in
// Redis Cluster) and EXEC runs them there atomically (kv_shard run_exec).
// WATCH reads the watched keys' versions from their partition; EXEC runs
// nothing (a null reply) when one moved.

/// The one partition of `args`' keys; nullopt after replying CROSSSLOT.
/// `none` when the command has no keys.
std::optional<std::optional<partition_id>> keys_partition(resp_broker* self,
                                                          const std::vector<std::string>& args,
                                                          const std::vector<size_t>& keys) {
  auto& router = *self->state.ctx->router;
  std::optional<partition_id> p;
  for (auto i : keys) {
    auto pi = router.kv_partition(args[i]);
    if (p && *p != pi)
      return std::nullopt;
    p = pi;
  }
  return p;
}

/// A command sent while MULTI is open: queued, or refused (which makes
/// EXEC fail, as in Redis).
void queue_command(resp_broker* self, connection_handle hdl, const std::string& name,
                   std::vector<std::string>& args, const resp_command& spec) {
  auto& tx = self->state.tx;
  tx.writes = tx.writes || protocol::has_flag(spec, "write");
  tx.denyoom = tx.denyoom || protocol::has_flag(spec, "denyoom");
  if (runs_script(name)) {
    // A script runs in the transaction, in its keys' partition.
    auto call = prepare_script(self, hdl, name, args);
    if (!call || (call->partition && tx.partition && *call->partition != *tx.partition)) {
      tx.failed = true;
      if (call)
        reject(self, hdl, cross_slot);
      return;
    }
    if (call->partition)
      tx.partition = call->partition;
    troupe::v1::KvCommand queued;
    queued.add_args(name);
    *queued.mutable_eval() = std::move(call->eval);
    tx.queued.push_back(std::move(queued));
    reply(self, hdl, "+QUEUED\r\n");
    return;
  }
  if (protocol::has_flag(spec, "no_multi")) {
    tx.failed = true;
    reject(self, hdl, "ERR Command not allowed inside a transaction");
    return;
  }
  if (name == "config" || name == "script" || name == "function") {
    tx.local.push_back({tx.queued.size() + tx.local.size(), std::move(args)});
    reply(self, hdl, "+QUEUED\r\n");
    return;
  }
  bool keyed = spec.route == resp_route::key || spec.route == resp_route::keys
               || spec.route == resp_route::pairs;
  if (!keyed && name != "ping" && name != "echo" && name != "unwatch") {
    tx.failed = true;
    reply_error(self, hdl, "ERR '" + name + "' cannot be queued by MULTI here: only commands on "
                             "keys, PING, ECHO, UNWATCH, CONFIG, SCRIPT and FUNCTION can");
    return;
  }
  if (keyed) {
    std::vector<std::string_view> views(args.begin(), args.end());
    auto p = keys_partition(self, args, protocol::key_positions(spec, views));
    if (!p || (*p && tx.partition && **p != *tx.partition)) {
      tx.failed = true;
      reject(self, hdl, cross_slot);
      return;
    }
    if (*p)
      tx.partition = **p;
  }
  args[0] = name;
  troupe::v1::KvCommand queued;
  for (auto& a : args)
    queued.add_args(std::move(a));
  tx.queued.push_back(std::move(queued));
  reply(self, hdl, "+QUEUED\r\n");
}

void cmd_watch(resp_broker* self, connection_handle hdl, std::vector<std::string>& args) {
  auto& tx = self->state.tx;
  if (tx.open) {
    reply_error(self, hdl, "ERR WATCH inside MULTI is not allowed");
    return;
  }
  std::vector<size_t> keys;
  for (size_t i = 1; i < args.size(); ++i)
    keys.push_back(i);
  auto p = keys_partition(self, args, keys);
  if (!p || (tx.watch_partition && **p != *tx.watch_partition)) {
    reject(self, hdl, cross_slot);
    return;
  }
  tx.watch_partition = **p;
  auto req = std::make_shared<Request>();
  for (size_t i = 1; i < args.size(); ++i)
    req->mutable_kv_watch()->add_keys(args[i]);
  auto slot = open_slot(self);
  auto watched = std::make_shared<std::vector<std::string>>(args.begin() + 1, args.end());
  ask(self, **p, std::move(req), [=](const Response& r) {
    auto bytes = kv_reply(r);
    std::vector<std::string_view> parts;
    if (!resp::split_array(bytes, parts) || parts.size() != watched->size() * 2) {
      finish(self, hdl, slot, resp::is_error(bytes) ? bytes : error_reply("ERR WATCH failed"));
      return;
    }
    auto& t = self->state.tx;
    for (size_t i = 0; i < watched->size(); ++i) {
      t.watch_keys.push_back((*watched)[i]);
      t.watch_versions.push_back(
        static_cast<uint64_t>(resp::read_integer(parts[2 * i]).value_or(0)));
      t.watch_expires_at.push_back(resp::read_integer(parts[2 * i + 1]).value_or(0));
    }
    finish(self, hdl, slot, "+OK\r\n");
  });
}

/// EXEC's reply: the partition's, with the local commands' replies put in
/// their places once it has run. A partition reply that is not an array
/// (a WATCH that failed, EXECABORT) is the whole reply, and the local
/// commands do not run.
std::string exec_reply(resp_broker* self, const std::vector<local_command>& local,
                       std::string partition_reply) {
  std::vector<std::string_view> ran;
  if (local.empty() || !resp::split_array(partition_reply, ran))
    return partition_reply;
  std::string out;
  resp::array(out, ran.size() + local.size());
  auto next_local = local.begin();
  auto next_ran = ran.begin();
  for (size_t i = 0; next_local != local.end() || next_ran != ran.end(); ++i) {
    if (next_local != local.end() && (next_local->position == i || next_ran == ran.end())) {
      out += *local_reply(self, resp::lower(next_local->args[0]), next_local->args);
      ++next_local;
    } else {
      out += *next_ran++;
    }
  }
  return out;
}

void cmd_exec(resp_broker* self, connection_handle hdl) {
  auto& st = self->state;
  auto& tx = st.tx;
  if (!tx.open) {
    reply_error(self, hdl, "ERR EXEC without MULTI");
    return;
  }
  if (tx.failed) {
    tx.end(true);
    reply_error(self, hdl, "EXECABORT Transaction discarded because of previous errors.");
    return;
  }
  if (tx.partition && tx.watch_partition && *tx.partition != *tx.watch_partition) {
    tx.end(true);
    reject(self, hdl, cross_slot);
    return;
  }
  auto local = std::make_shared<std::vector<local_command>>(std::move(tx.local));
  if (tx.queued.empty() && tx.watch_keys.empty()) {
    tx.end(true);
    reply(self, hdl, exec_reply(self, *local, "*0\r\n"));
    return;
  }
  auto p = tx.partition ? *tx.partition : tx.watch_partition.value_or(partition_id{0});
  auto req = std::make_shared<Request>();
  auto* exec = req->mutable_kv_exec();
  exec->set_resp3(st.resp3);
  for (auto& cmd : tx.queued)
    *exec->add_commands() = std::move(cmd);
  for (size_t i = 0; i < tx.watch_keys.size(); ++i) {
    exec->add_watch_keys(tx.watch_keys[i]);
    exec->add_watch_versions(tx.watch_versions[i]);
    exec->add_watch_expires_at(tx.watch_expires_at[i]);
  }
  tx.end(true);
  auto slot = open_slot(self);
  ask(self, p, std::move(req), [=](const Response& r) {
    finish(self, hdl, slot, exec_reply(self, *local, kv_reply(r)));
  });
}

void cmd_session(resp_broker* self, connection_handle hdl, const std::string& name,
                 std::vector<std::string>& args) {
  auto& st = self->state;
  if (auto out = local_reply(self, name, args)) {
    reply(self, hdl, std::move(*out));
    return;
  }
  std::string out;
  if (name == "ping") {
    if (args.size() > 2) {
      reply_error(self, hdl, "ERR wrong number of arguments for 'ping' command");
      return;
    }
    if (!st.resp3 && st.subscriptions() > 0) {
      resp::array(out, 2);
      resp::bulk(out, "pong");
      resp::bulk(out, args.size() > 1 ? args[1] : "");
    } else if (args.size() > 1) {
      resp::bulk(out, args[1]);
    } else {
      resp::simple(out, "PONG");
    }
  } else if (name == "echo") {
    resp::bulk(out, args[1]);
  } else if (name == "time") {
    // The node's clock: the manual one under --manual-clock (tests).
    int64_t us = st.ctx->manual_clock != nullptr
                   ? st.ctx->manual_clock->load() * 1000
                   : std::chrono::duration_cast<std::chrono::microseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
    resp::array(out, 2);
    resp::bulk(out, std::to_string(us / 1'000'000));
    resp::bulk(out, std::to_string(us % 1'000'000));
  } else if (name == "multi") {
    if (st.tx.open) {
      resp::error(out, "ERR MULTI calls can not be nested");
    } else {
      st.tx.open = true;
      resp::simple(out, "OK");
    }
  } else if (name == "exec") {
    cmd_exec(self, hdl);
    return;
  } else if (name == "discard") {
    if (st.tx.open) {
      st.tx.end(true);
      resp::simple(out, "OK");
    } else {
      resp::error(out, "ERR DISCARD without MULTI");
    }
  } else if (name == "watch") {
    cmd_watch(self, hdl, args);
    return;
  } else if (name == "unwatch") {
    st.tx.end(true);
    resp::simple(out, "OK");
  } else if (name == "hello") {
    cmd_hello(self, hdl, args);
    return;
  } else if (name == "auth") {
    if (args.size() > 3) {
      reply_error(self, hdl, "ERR syntax error");
      return;
    }
    auto r = authenticate(self, hdl, args[0], args.size() == 3 ? &args[1] : nullptr, args.back());
    if (!r.error.empty()) {
      refuse_auth(self, hdl, std::move(r));
      return;
    }
    resp::simple(out, "OK");
  } else if (name == "client") {
    cmd_client(self, hdl, args);
    return;
  } else if (name == "select") {
    auto db = resp::parse_int(args[1]);
    if (!db)
      resp::error(out, "ERR value is not an integer or out of range");
    else if (*db != 0)
      resp::error(out, "ERR DB index is out of range");
    else
      resp::simple(out, "OK");
  } else if (name == "info") {
    cmd_info(self, hdl, args);
    return;
  } else if (name == "command") {
    cmd_command(self, hdl, args);
    return;
  } else if (name == "acl") {
    out = acl_reply(self, args);
  } else if (name == "cluster") {
    // The door routes every key itself, so its clients talk to it as to a
    // standalone Redis, which answers CLUSTER so.
    resp::error(out, "ERR This instance has cluster support disabled");
  } else if (name == "quit") {
    resp::simple(out, "OK");
    st.closing = true;
    self->halt(hdl);
  } else if (name == "reset") {
    unsubscribe_all(self);
    st.tx.end(true);
    st.replies = resp_state::reply_mode::on;
    st.resp3 = false;
    st.client_name.clear();
    st.authenticated = open_without_auth(*st.ctx);
    become(st, "default");
    resp::simple(out, "RESET");
  } else if (name == "publish") {
    cmd_publish(self, hdl, args);
    return;
  } else if (name == "pubsub") {
    cmd_pubsub(self, hdl, args);
    return;
  } else if (runs_script(name)) {
    cmd_script_call(self, hdl, name, args);
    return;
  } else if (name.find("subscribe") != std::string::npos) {
    cmd_subscription(self, hdl, name, args);
    return;
  } else if (name == "save") {
    // Every write is in RocksDB already: SAVE puts the memtables in SST
    // files, so what --durability none holds survives a crash too.
    auto done = st.ctx->db != nullptr ? st.ctx->db->flush() : storage::db_status::success();
    done.ok ? resp::simple(out, "OK") : resp::error(out, "ERR " + done.message);
  } else if (name == "shutdown") {
    resp::error(out, "ERR SHUTDOWN is not offered on the RESP door: stop troupe-node with "
                     "SIGTERM, which drains it first");
  } else if (name == "troupe.advanceclock") {
    auto ms = resp::parse_int(args[1]);
    if (st.ctx->manual_clock == nullptr)
      resp::error(out, "ERR this node does not run a manual clock (--manual-clock)");
    else if (!ms || *ms < 0)
      resp::error(out, "ERR value is not an integer or out of range");
    else
      resp::integer(out, *st.ctx->manual_clock += *ms);
  }
  reply(self, hdl, std::move(out));
}

bool allowed_while_subscribed(const std::string& name) {
  return name == "subscribe" || name == "unsubscribe" || name == "psubscribe"
         || name == "punsubscribe" || name == "ping" || name == "quit" || name == "reset";
}

std::string unknown_command(const std::vector<std::string>& args) {
  std::string listed;
  for (size_t i = 1; i < args.size() && listed.size() < 128; ++i)
    listed += "'" + args[i].substr(0, 128 - listed.size()) + "' ";
  return "ERR unknown command '" + args[0].substr(0, 128)
         + "', with args beginning with: " + listed;
}

/// While a script on this node runs past its time budget, as in Redis,
/// every command but the few that end or get around it is refused BUSY
/// (and an EXEC discards its transaction). True when `name` was refused.
bool refused_while_busy(resp_broker* self, connection_handle hdl, const std::string& name,
                        const std::vector<std::string>& args, const resp_command& spec) {
  auto& st = self->state;
  auto* monitor = st.ctx->script_monitor;
  if (monitor == nullptr || monitor->busy() == 0 || protocol::has_flag(spec, "allow_busy"))
    return false;
  if ((name == "script" || name == "function") && args.size() == 2) {
    auto sub = resp::lower(args[1]);
    if (sub == "kill" || (name == "function" && sub == "stats"))
      return false;
  }
  refuse_command(self, hdl, name,
                 monitor->busy_functions() == monitor->busy() ? busy_function : busy_eval);
  return true;
}

/// The flags a script call declares: its "#!lua flags=..." line, or its
/// function's; nullopt for a script without one (or one not found, which
/// its own reply tells).
std::optional<std::vector<std::string>> declared_flags(const session_context& ctx,
                                                      const std::string& name,
                                                      const std::vector<std::string>& args) {
  if (name.rfind("fcall", 0) == 0) {
    auto found = ctx.functions->find(args[1]);
    return found ? std::optional{found->function().flags} : std::nullopt;
  }
  if (name.rfind("evalsha", 0) == 0) {
    auto body = ctx.scripts->find(args[1]);
    return body ? actors::kv::script_flags(*body) : std::nullopt;
  }
  return actors::kv::script_flags(args[1]);
}

/// maxmemory and min-replicas-to-write, met before a command runs as in
/// Redis: past maxmemory, a command that may grow memory is refused OOM;
/// with fewer replicas than asked for, a write is refused NOREPLICAS. A
/// script counts as its declared flags say; one that declares none meets
/// the limits at its calls; EXEC as the commands it queued.
bool refused_by_limits(resp_broker* self, connection_handle hdl, const std::string& name,
                       const std::vector<std::string>& args, const resp_command& spec) {
  auto& st = self->state;
  auto& settings = *st.ctx->resp_settings;
  bool oom = settings.over_max_memory();
  bool no_replicas = settings.too_few_replicas();
  if (!oom && !no_replicas)
    return false;
  bool write = protocol::has_flag(spec, "write");
  // Queuing takes memory too: inside MULTI every command but those that
  // end it counts as one that may grow memory, as in Redis.
  bool denyoom = protocol::has_flag(spec, "denyoom")
                 || (st.tx.open && name != "exec" && name != "discard" && name != "quit"
                     && name != "reset");
  if (name == "exec" && st.tx.open) {
    write = st.tx.writes;
    denyoom = st.tx.denyoom;
  } else if (runs_script(name)) {
    if (auto flags = declared_flags(*st.ctx, name, args)) {
      write = !actors::kv::has_script_flag(*flags, "no-writes");
      denyoom = write && !actors::kv::has_script_flag(*flags, "allow-oom");
    }
  }
  if (oom && denyoom)
    refuse_command(self, hdl, name, "OOM command not allowed when used memory > 'maxmemory'.");
  else if (no_replicas && write)
    refuse_command(self, hdl, name, "NOREPLICAS Not enough good replicas to write.");
  else
    return false;
  return true;
}

void on_command(resp_broker* self, connection_handle hdl, std::vector<std::string>& args) {
  auto& st = self->state;
  auto name = resp::lower(args[0]);
  auto* cmd = find_resp_command(name);
  st.current_op = cmd != nullptr ? cmd->name : "unknown";
  st.registered->touch(st.current_op, st.clock.last_activity());
  st.silent = st.replies != resp_state::reply_mode::on;
  if (st.replies == resp_state::reply_mode::skip)
    st.replies = resp_state::reply_mode::on;
  st.ctx->counters->resp_commands += 1;
  if (cmd == nullptr || !arity_ok(*cmd, args.size())) {
    if (st.tx.open)
      st.tx.failed = true;  // EXEC will refuse the transaction, as in Redis
    reject(self, hdl, cmd == nullptr
                             ? unknown_command(args)
                             : "ERR wrong number of arguments for '" + name + "' command");
    return;
  }
  if (!st.authenticated && name != "auth" && name != "hello" && name != "quit"
      && name != "reset") {
    reject(self, hdl, "NOAUTH Authentication required.");
    return;
  }
  if (!acl_permits(self, hdl, args, *cmd) || refused_by_limits(self, hdl, name, args, *cmd))
    return;
  if (!st.resp3 && st.subscriptions() > 0 && !allowed_while_subscribed(name)) {
    reject(self, hdl,
                "ERR Can't execute '" + name
                  + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are "
                    "allowed in this context");
    return;
  }
  if (refused_while_busy(self, hdl, name, args, *cmd))
    return;
  if (st.tx.open && name != "exec" && name != "discard" && name != "multi" && name != "watch"
      && name != "quit" && name != "reset") {
    queue_command(self, hdl, name, args, *cmd);
    return;
  }
  switch (cmd->route) {
    case resp_route::key:
      send_key(self, hdl, name, args, *cmd);
      return;
    case resp_route::keys:
    case resp_route::pairs:
      send_split(self, hdl, name, args, *cmd);
      return;
    case resp_route::keyspace:
      cmd_keyspace(self, hdl, name, args);
      return;
    case resp_route::session:
      cmd_session(self, hdl, name, args);
      return;
  }
}

/// Runs the buffered commands while the connection may have more served; a
/// connection whose commands wait and whose unread input passes the limit
/// is disconnected.
void pump(resp_broker* self, connection_handle hdl) {
  auto& st = self->state;
  if (st.pumping)
    return;
  st.pumping = true;
  std::vector<std::string> args;
  bool more = true;
  while (more && !st.closing && !st.delayed_auth
         && !st.blocking && !requests_held(*st.ctx, st.slots.size(), st.queued)) {
    switch (st.parser.next(args)) {
      case resp::parser::outcome::command:
        on_command(self, hdl, args);
        sync_client(self);
        break;
      case resp::parser::outcome::error:
        SPDLOG_DEBUG("RESP client {}: {}", st.client_id, st.parser.error());
        st.closing = true;
        self->halt(hdl);
        reply_error(self, hdl, "ERR " + st.parser.error());
        more = false;
        break;
      case resp::parser::outcome::need_more:
        fit_read_chunk(self, hdl, st.read_chunk, st.parser.bytes_wanted());
        more = false;
        break;
    }
  }
  st.pumping = false;
  if (!st.closing && drop_if_overflowing(self, hdl, *st.ctx, st.parser.buffered(), st.queued)) {
    st.closing = true;
    st.slots.clear();
    self->quit();
  }
}

void on_data(resp_broker* self, connection_handle hdl, const std::vector<char>& buf) {
  auto& st = self->state;
  if (st.closing)
    return;
  st.clock.touch();
  auto feed = [&](const char* data, size_t n) { st.parser.feed(data, n); };
  bool fed = protocol::feed_received(self, hdl, st.tls.get(), buf, st.queued, feed);
  st.queued_changed();
  if (!fed) {
    SPDLOG_DEBUG("RESP client {}: {}", st.client_id, st.tls->error());
    st.closing = true;
    st.slots.clear();
    close_session(self, hdl);
    return;
  }
  pump(self, hdl);
}

/// Closes the connection once it has sent no AUTH within
/// --handshake-timeout-ms (with an error), or silently once idle
/// --idle-timeout-ms with nothing to answer and no subscription (Redis's
/// `timeout`).
void check_deadlines(resp_broker* self, connection_handle hdl) {
  auto& st = self->state;
  if (st.closing)
    return;
  switch (st.clock.check(st.authenticated, !st.slots.empty() || st.subscriptions() > 0)) {
    case connection_clock::due::nothing:
      return;
    case connection_clock::due::handshake:
      st.closing = true;
      self->halt(hdl);
      reply_error(self, hdl,
                  "ERR no AUTH within " + std::to_string(st.ctx->handshake_timeout_ms)
                    + " ms (--handshake-timeout-ms)");
      return;
    case connection_clock::due::idle:
      st.closing = true;
      close_session(self, hdl);
      return;
  }
}

caf::behavior resp_session_impl(resp_broker* self, connection_handle hdl,
                                std::shared_ptr<const session_context> ctx) {
  auto& st = self->state;
  st.ctx = ctx;
  st.authenticated = open_without_auth(*ctx);
  // Until AUTH, a connection may only send small commands (what it can make
  // the node hold before it proved anything).
  st.parser = resp::parser{st.authenticated ? ctx->max_frame_bytes
                                            : std::min(ctx->max_frame_bytes, ctx->pre_auth_max_frame_bytes)};
  if (ctx->tls)
    st.tls = std::make_unique<protocol::tls_session>(*ctx->tls);
  st.client_id = ++ctx->counters->last_client_id;
  ctx->counters->resp_clients += 1;
  st.origin.id = st.client_id;
  st.origin.fd = static_cast<int>(hdl.id());  // CAF 0.17 names a connection by its socket
  st.origin.addr = socket_address(st.origin.fd, false);
  st.origin.laddr = socket_address(st.origin.fd, true);
  st.origin.opened = std::chrono::steady_clock::now();
  st.registered = ctx->resp_clients->add(st.origin, [addr = self->address()](client_signal s) {
    if (auto session = caf::actor_cast<caf::actor>(addr))
      caf::anon_send(session, client_signal_atom::value, static_cast<uint8_t>(s));
  });
  self->configure_read(hdl, caf::io::receive_policy::at_most(min_read_chunk));
  // Every write is acknowledged with what is still queued: the reply limit
  // and the pub/sub backlog work on exact figures.
  self->ack_writes(hdl, true);
  st.clock = connection_clock{ctx->handshake_timeout_ms, ctx->idle_timeout_ms};
  self->set_down_handler([self](caf::down_msg& msg) { self->state.remote.on_down(msg.source); });
  return {
    [=](const caf::io::new_data_msg& msg) {
      on_data(self, msg.handle, msg.buf);
      check_deadlines(self, hdl);  // a client that trickles bytes never idles
    },
    [=](const caf::io::connection_closed_msg&) { self->quit(); },
    [=](const caf::io::data_transferred_msg& msg) {
      auto& st = self->state;
      bool held = requests_held(*st.ctx, st.slots.size(), st.queued);
      st.queued = msg.remaining;
      st.queued_changed();
      if (held)
        pump(self, hdl);
    },
    [=](flush_out_atom) { send_out(self, hdl); },
    [=](auth_fail_atom) {
      auto& st = self->state;
      if (auto slot = std::exchange(st.delayed_auth, nullptr)) {
        slot->ready = true;
        flush_slots(self, hdl);
      }
      pump(self, hdl);
    },
    [=](actors::message_atom, const std::string& pattern, const std::string& channel,
        const std::string& payload) { on_message(self, hdl, pattern, channel, payload); },
    [=](shutdown_atom) {
      auto& st = self->state;
      st.closing = true;
      self->halt(hdl);
      if (st.slots.empty())
        close_session(self, hdl);
    },
    [=](deadlines_atom) { check_deadlines(self, hdl); },
    [=](client_signal_atom, uint8_t signal) {
      auto& st = self->state;
      if (static_cast<client_signal>(signal) != client_signal::kill) {
        unblock(self, static_cast<client_signal>(signal) == client_signal::unblock_error);
        return;
      }
      if (st.closing && st.slots.empty())
        return;
      // CLIENT KILL: closed at once, what it still waited for unanswered.
      st.closing = true;
      st.slots.clear();
      close_session(self, hdl);
    },
  };
}

} // namespace

caf::actor fork_resp_session(caf::io::broker* acceptor, connection_handle hdl,
                             std::shared_ptr<const session_context> ctx) {
  return acceptor->fork(resp_session_impl, hdl, std::move(ctx));
}

} // namespace troupe::node
