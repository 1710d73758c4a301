// What every partition actor (state_shard, stream_group, event_shard,
// topic_queue, lock_shard) shares: spawning on the chosen threads, its
// write_pipeline wired to report back through committed_atom, error replies,
// and answering once a generation is durable. Internal to actors/; included
// by their .cpp files only (it pulls in CAF io and the protobuf types).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/io/broker.hpp>
#include <caf/io/middleman.hpp>
#include <caf/send.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/atoms.hpp"
#include "actors/partition_log.hpp"
#include "actors/placement.hpp"
#include "actors/write_pipeline.hpp"
#include "protocol/envelope.hpp"
#include "protocol/status.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::actors {

/// Spawns `fn(self, args...)` as a stateful actor with `State`: a broker on
/// the I/O thread, or a scheduled actor on the worker pool.
template <class State, class Fn, class... Ts>
caf::actor spawn_partition_actor(caf::actor_system& sys, shard_placement placement, Fn fn,
                                 Ts&&... xs) {
  if (placement == shard_placement::io_thread)
    return sys.middleman().spawn_broker(
      [fn](caf::io::stateful_broker<State>* self, std::decay_t<Ts>... args) {
        return fn(self, std::move(args)...);
      },
      std::forward<Ts>(xs)...);
  return sys.spawn(
    [fn](caf::stateful_actor<State>* self, std::decay_t<Ts>... args) {
      return fn(self, std::move(args)...);
    },
    std::forward<Ts>(xs)...);
}

/// A pipeline into `log` that reports back to `self` as committed_atom.
template <class Self>
std::unique_ptr<write_pipeline> make_pipeline(Self self, partition_log& log) {
  auto handle = caf::actor_cast<caf::actor>(self);
  return std::make_unique<write_pipeline>(log, [handle](uint64_t gen, storage::db_status s) {
    caf::anon_send(handle, committed_atom::value, gen, s.ok, s.not_applied, std::move(s.message));
  });
}

/// The committed_atom handler of an actor whose state has a `pipeline`.
template <class Self>
auto committed_handler(Self self) {
  return [self](committed_atom, uint64_t gen, bool ok, bool not_applied, std::string& message) {
    self->state.pipeline->committed(gen, storage::db_status{ok, std::move(message), not_applied});
  };
}

/// The drain_atom handler: answers once everything the actor accepted is
/// durable.
template <class Self>
auto drain_handler(Self self) {
  return [self](drain_atom) -> caf::result<ok_atom> {
    auto promise = self->template make_response_promise<ok_atom>();
    self->state.pipeline->after(self->state.pipeline->last_submitted(),
                                [promise](const storage::db_status&) mutable {
                                  promise.deliver(ok_atom::value);
                                });
    return promise;
  };
}

/// Quits with `reason` once every write the actor accepted is committed and
/// answered: stopping never abandons a reply (nor the write a moving
/// partition must take along).
template <class Self>
void quit_when_committed(Self self, caf::error reason) {
  auto& p = *self->state.pipeline;
  if (p.in_flight() == 0) {
    self->quit(std::move(reason));
    return;
  }
  p.after(p.last_submitted(),
          [self, reason](const storage::db_status&) { quit_when_committed(self, reason); });
}

/// The exit handling of a partition actor with a pipeline and no children:
/// an exit request (not a normal one from a link) finishes the writes first.
template <class Self>
void finish_writes_on_exit(Self self) {
  self->set_exit_handler([self](caf::exit_msg& msg) {
    if (msg.reason != caf::exit_reason::normal)
      quit_when_committed(self, msg.reason);
  });
}

/// For an actor whose partition work runs partly in linked children (stream
/// groups, topic queues): an exit request stops the children first, and the
/// actor calls `quit(reason)` only once they are all gone, so whoever
/// monitors it knows that nothing of its partition still runs (a partition
/// moving to another node relies on it). `children()` lists them; a child
/// that ends normally is no reason to stop. Returns the gone_atom handler
/// the behavior must include.
template <class Self, class Children, class Quit>
auto stop_children_first(Self self, Children children, Quit quit) {
  auto reason = std::make_shared<caf::error>();
  auto stopping = std::make_shared<bool>(false);
  self->set_exit_handler([self, children, quit, reason, stopping](caf::exit_msg& msg) {
    if (*stopping)
      return;  // a child going down meanwhile
    auto kids = children();
    if (msg.reason == caf::exit_reason::normal)
      return;
    *stopping = true;
    *reason = msg.reason;
    if (kids.empty()) {
      quit(*reason);
      return;
    }
    auto left = std::make_shared<std::atomic<size_t>>(kids.size());
    auto me = caf::actor_cast<caf::actor>(self);
    for (auto& k : kids) {
      self->unlink_from(k);
      k->attach_functor([me, left] {
        if (--*left == 0)
          caf::anon_send(me, gone_atom::value);
      });
      self->send_exit(k, msg.reason);
    }
  });
  return [quit, reason](gone_atom) { quit(*reason); };
}

/// Answers the current request with `resp` once generation `gen` is durable
/// (an error if it failed), then runs `then` (event pushes, ...), so replies
/// and what follows them keep commit order.
template <class Self>
void reply_after(Self self, uint64_t gen, std::shared_ptr<v1::Response> resp,
                 std::function<void(bool durable)> then = {}) {
  auto promise = self->template make_response_promise<protocol::response_msg>();
  self->state.pipeline->after(gen, [promise, resp, then](const storage::db_status& s) mutable {
    if (!s.ok && s.not_applied)  // safe to send again, where the partition is led now
      set_error(*resp, error_code::not_leader, "not applied (retry): " + s.message);
    else if (!s.ok)
      set_error(*resp, error_code::unavailable, "storage write failed (retry later): " + s.message);
    if (promise.pending())
      promise.deliver(protocol::response_msg{resp});
    if (then)
      then(s.ok);
  });
}

/// Answers a request that wrote nothing (a read, or a write refused or with
/// nothing to do) with `resp`, computed against storage plus the writes in
/// flight: once those are durable and, on a replicated partition, once this
/// node's leadership was confirmed after the request arrived (ReadIndex), so
/// a leader deposed while it was paused or cut off never answers from state
/// a newer leader has changed. Returns the reply itself when it may leave at
/// once.
template <class Self>
caf::result<protocol::response_msg> reply_read(Self self, std::shared_ptr<v1::Response> resp) {
  auto& p = *self->state.pipeline;
  if (!p.confirms_reads() && p.in_flight() == 0)
    return protocol::response_msg{std::move(resp)};
  auto promise = self->template make_response_promise<protocol::response_msg>();
  p.after_confirmed(p.last_submitted(), [promise, resp](const storage::db_status& s) mutable {
    if (!s.ok) {
      resp->Clear();
      set_error(*resp, error_code::unavailable, "not answered (retry): " + s.message);
    }
    if (promise.pending())
      promise.deliver(protocol::response_msg{resp});
  });
  return caf::delegated<protocol::response_msg>{};
}

} // namespace troupe::actors
