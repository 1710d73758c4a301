#include "cluster/raft_driver.hpp"

#include <mutex>
#include <optional>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/send.hpp>
#include <caf/stateful_actor.hpp>
#include <spdlog/spdlog.h>

#include "cluster/atoms.hpp"
#include "cluster/partition_table.hpp"
#include "cluster/raft_codec.hpp"

namespace troupe::cluster {

/// What the node's actors hand the driver, and what it publishes back.
class raft_driver_inbox {
public:
  struct request {
    bool is_read = false;
    uint16_t group = 0;
    uint64_t term = 0;
    std::string data;
    raft_groups::done_fn done;
  };

  /// Queues `r`; true when the driver must be woken (the inbox was empty).
  /// Once the driver is gone, `r` is refused at once instead: a partition
  /// actor still stopping must not wait forever for its last write.
  bool push(request r) {
    {
      std::lock_guard<std::mutex> guard{mutex_};
      if (!closed_) {
        requests_.push_back(std::move(r));
        return requests_.size() == 1;
      }
    }
    r.done(stopped());
    return false;
  }

  /// The driver stopped: what is queued, and whatever comes later, is
  /// refused (not applied).
  void close() {
    std::vector<request> left;
    {
      std::lock_guard<std::mutex> guard{mutex_};
      closed_ = true;
      left = std::exchange(requests_, {});
    }
    for (auto& r : left)
      r.done(stopped());
  }

  std::vector<request> take() {
    std::lock_guard<std::mutex> guard{mutex_};
    return std::exchange(requests_, {});
  }

  void publish(std::vector<group_view> views, const raft_counters& counters) {
    auto published = std::make_shared<const std::vector<group_view>>(std::move(views));
    {
      std::lock_guard<std::mutex> guard{mutex_};
      std::swap(views_, published);
      counters_ = counters;
    }  // the previous snapshot goes outside the lock
  }

  std::shared_ptr<const std::vector<group_view>> views() const {
    std::lock_guard<std::mutex> guard{mutex_};
    return views_;
  }

  raft_counters counters() const {
    std::lock_guard<std::mutex> guard{mutex_};
    return counters_;
  }

private:
  static storage::db_status stopped() {
    return storage::db_status::refused("the node is stopping");
  }

  mutable std::mutex mutex_;
  bool closed_ = false;
  std::vector<request> requests_;
  std::shared_ptr<const std::vector<group_view>> views_ =
    std::make_shared<const std::vector<group_view>>();
  raft_counters counters_;
};

namespace {

constexpr auto retry_after = std::chrono::milliseconds{200};

struct driver_state {
  std::unique_ptr<raft_groups> groups;
  storage::db* db = nullptr;
  std::chrono::milliseconds tick{50};
  std::shared_ptr<raft_driver_inbox> inbox;
  std::map<uint64_t, caf::actor> peers;
  caf::actor observer;
  /// The batch of the turn being written, kept to write again if it fails.
  std::optional<storage::write_batch> writing;
  static inline const char* name = "troupe.raft_driver";
};

using driver_actor = caf::stateful_actor<driver_state>;

void write(driver_actor* self) {
  auto me = caf::actor_cast<caf::actor>(self);
  self->state.db->commit(*self->state.writing, [me](storage::db_status s) {
    caf::anon_send(me, raft_turn_atom::value, s.ok, std::move(s.message));
  });
}

void publish(driver_actor* self) {
  auto& st = self->state;
  st.inbox->publish(st.groups->views(), st.groups->counters());
}

void pump(driver_actor* self);
void drain_inbox(driver_actor* self);

/// The turn's batch is durable: sends what it promised, answers what it
/// completed, and starts the next turn.
void finish_turn(driver_actor* self) {
  auto& st = self->state;
  st.writing.reset();
  for (auto& [to, bytes] : st.groups->end_turn()) {
    auto it = st.peers.find(to.value);
    if (it != st.peers.end())
      self->send(it->second, raft_atom::value, std::move(bytes));
  }
  drain_inbox(self);
  pump(self);
}

/// Starts the next turn when none is out and there is something to do. A
/// turn with nothing to persist (heartbeats, their replies) skips the
/// write and goes out at once.
void pump(driver_actor* self) {
  auto& st = self->state;
  if (st.groups->turn_out())
    return;
  storage::write_batch batch;
  if (!st.groups->begin_turn(batch))
    return;
  if (batch.empty()) {
    finish_turn(self);
    return;
  }
  st.writing = std::move(batch);
  write(self);
}

void drain_inbox(driver_actor* self) {
  auto& st = self->state;
  for (auto& r : st.inbox->take()) {
    if (r.is_read)
      st.groups->read(r.group, std::move(r.done), r.term);
    else
      st.groups->propose(r.group, std::move(r.data), std::move(r.done), r.term);
  }
}

caf::behavior driver_impl(driver_actor* self, raft_driver_config cfg,
                          std::shared_ptr<raft_driver_inbox> inbox) {
  auto& st = self->state;
  st.groups = std::make_unique<raft_groups>(*cfg.db, *cfg.machine, cfg.groups);
  st.groups->on_serving([self, fn = std::move(cfg.on_serving)](uint16_t group, bool serving,
                                                              raft::node_id leader,
                                                              raft::term_t term) {
    if (fn)
      fn(group, serving, leader, term);
    if (auto& observer = self->state.observer)
      self->send(observer, raft_serving_atom::value, group, serving, leader.value, term.value);
  });
  st.db = cfg.db;
  st.tick = cfg.tick;
  st.inbox = std::move(inbox);
  self->delayed_send(self, st.tick, raft_tick_atom::value);
  return {
    [=](raft_atom, const std::string& frame) {
      std::string error;
      if (!self->state.groups->receive(frame, error))
        spdlog::warn("raft: frame refused: {}", error);
      pump(self);
    },
    [=](raft_peer_atom, uint64_t id, caf::actor driver) {
      self->state.peers[id] = std::move(driver);
    },
    [=](raft_observe_atom, caf::actor observer) {
      auto& st = self->state;
      st.observer = std::move(observer);
      for (auto& v : st.groups->views())
        self->send(st.observer, raft_serving_atom::value, v.group, v.serving, v.leader.value,
                   v.term.value);
    },
    [=](raft_group_atom, uint16_t group, const std::vector<uint64_t>& voters,
        bool create) -> std::string {
      raft::configuration initial{raft::node_ids(voters), {}};
      if (!raft::valid(initial))
        return "invalid replica set for group " + std::to_string(group);
      auto status = self->state.groups->add(group, initial, create);
      publish(self);
      return status.message;
    },
    [=](raft_config_atom, uint16_t group, const std::vector<uint64_t>& voters,
        const std::vector<uint64_t>& learners) -> std::string {
      raft::configuration next{raft::node_ids(voters), raft::node_ids(learners)};
      auto status = self->state.groups->change_config(group, next);
      pump(self);
      publish(self);
      return status.message;
    },
    [=](raft_remove_atom, uint16_t group) -> std::string {
      self->state.groups->remove(group);
      pump(self);
      publish(self);
      return {};
    },
    [=](raft_transfer_atom, uint16_t group, uint64_t to) -> std::string {
      auto status = self->state.groups->transfer(group, raft::node_id{to});
      pump(self);
      return status.message;
    },
    [=](raft_handoff_atom) -> uint32_t {
      auto leading = self->state.groups->transfer_away();
      pump(self);
      return static_cast<uint32_t>(leading);
    },
    [=](raft_wake_atom) {
      drain_inbox(self);
      pump(self);
    },
    [=](raft_tick_atom) {
      auto& st = self->state;
      drain_inbox(self);
      st.groups->tick();
      pump(self);
      publish(self);
      self->delayed_send(self, st.tick, raft_tick_atom::value);
    },
    [=](raft_turn_atom, bool ok, const std::string& message) {
      if (!ok) {
        // Nothing of the turn is durable, so nothing of it is sent or
        // answered; the same batch is written again.
        spdlog::error("raft: turn write failed ({}); retrying", message);
        self->delayed_send(self, retry_after, raft_retry_atom::value);
        return;
      }
      finish_turn(self);
    },
    [=](raft_retry_atom) { write(self); },
  };
}

} // namespace

raft_driver::raft_driver(caf::actor actor, std::shared_ptr<raft_driver_inbox> inbox)
  : actor_(std::make_unique<caf::actor>(std::move(actor))), inbox_(std::move(inbox)) {}

raft_driver::~raft_driver() = default;

raft_driver::raft_driver(const raft_driver& other)
  : actor_(std::make_unique<caf::actor>(*other.actor_)), inbox_(other.inbox_) {}

raft_driver& raft_driver::operator=(const raft_driver& other) {
  *actor_ = *other.actor_;
  inbox_ = other.inbox_;
  return *this;
}

void raft_driver::propose(uint16_t group, std::string data, raft_groups::done_fn done,
                          uint64_t term) const {
  if (inbox_->push({false, group, term, std::move(data), std::move(done)}))
    caf::anon_send(*actor_, raft_wake_atom::value);
}

void raft_driver::read(uint16_t group, raft_groups::done_fn done, uint64_t term) const {
  if (inbox_->push({true, group, term, {}, std::move(done)}))
    caf::anon_send(*actor_, raft_wake_atom::value);
}

std::shared_ptr<const std::vector<group_view>> raft_driver::views() const {
  return inbox_->views();
}

raft_counters raft_driver::counters() const {
  return inbox_->counters();
}

raft_driver spawn_raft_driver(caf::actor_system& sys, raft_driver_config config) {
  auto inbox = std::make_shared<raft_driver_inbox>();
  auto actor = sys.spawn(driver_impl, std::move(config), inbox);
  actor->attach_functor([inbox] { inbox->close(); });
  return raft_driver{std::move(actor), std::move(inbox)};
}

raft::node_id raft_node_id(std::string_view node_id) {
  auto h = partition_hash(node_id);
  return raft::node_id{h != 0 ? h : 1};
}

void raft_replicator::propose(partition_id p, uint64_t term, storage::write_batch entry,
                              std::function<void(storage::db_status)> done) {
  driver_.propose(p.value, encode_batch(entry), std::move(done), term);
}

void raft_replicator::confirm_read(partition_id p, uint64_t term,
                                   std::function<void(storage::db_status)> done) {
  driver_.read(p.value, std::move(done), term);
}

} // namespace troupe::cluster
