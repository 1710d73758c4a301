#include "node/amqp_dead_letters.hpp"

#include <set>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/atoms.hpp"
#include "node/amqp_routing.hpp"

namespace troupe::node {

namespace {

namespace topo = amqp_topology;
using namespace amqp_routing;
using v1::Request;
using v1::Response;

/// Dead letters taken per pass over a queue.
constexpr uint32_t batch = 100;

struct sink_state {
  std::shared_ptr<const session_context> ctx;
  remote_calls remote;
  size_t in_flight = 0;
  std::set<std::string> busy;   // queues being sent on
  std::set<std::string> again;  // told again meanwhile

  static inline const char* name = "troupe.amqp_dead_letters";
};

using sink_actor = caf::stateful_actor<sink_state>;

void send_on(sink_actor* self, const std::string& topic, const std::string& step);

/// A pass is over: another one if the queue had more or was told again.
void pass_done(sink_actor* self, const std::string& topic, const std::string& step, bool more) {
  auto& st = self->state;
  st.busy.erase(topic);
  if (st.again.erase(topic) > 0 || more)
    send_on(self, topic, step);
}

void send_on(sink_actor* self, const std::string& topic, const std::string& step) {
  auto names = topo::parse_queue_topic(topic);
  if (!names || !self->state.busy.insert(topic).second)
    return;
  // Named copies: lambdas cannot capture structured bindings (clang 14).
  auto vhost = names->first;
  auto queue = names->second;
  auto list = std::make_shared<Request>();
  list->mutable_dead_letter_list()->set_topic(topic);
  list->mutable_dead_letter_list()->set_step(step);
  list->mutable_dead_letter_list()->set_limit(batch);
  ask(self, std::move(list), [=](const Response& r) {
    auto& found = r.dead_letters().messages();
    if (r.has_error() || found.empty())
      return pass_done(self, topic, step, false);
    struct tally {
      size_t left;
      std::vector<std::string> sent;
    };
    auto t = std::make_shared<tally>(tally{static_cast<size_t>(found.size()), {}});
    bool full = static_cast<uint32_t>(found.size()) >= batch;
    for (auto& q : found) {
      auto id = q.message_id();
      dead_letter_to(self, vhost, queue, stored_message(q, queue), "expired", [=](bool ok) {
        if (ok)
          t->sent.push_back(id);
        if (--t->left > 0)
          return;
        if (t->sent.empty())  // nothing could be sent: the queue's timer tries again
          return pass_done(self, topic, step, false);
        auto purge = std::make_shared<Request>();
        auto* p = purge->mutable_dead_letter_purge();
        p->set_topic(topic);
        p->set_step(step);
        for (auto& sent : t->sent)
          p->add_message_ids(sent);
        ask(self, std::move(purge), [=](const Response& purged) {
          pass_done(self, topic, step, full && !purged.has_error());
        });
      });
    }
  });
}

caf::behavior sink(sink_actor* self, std::shared_ptr<const session_context> ctx) {
  self->state.ctx = std::move(ctx);
  self->set_down_handler([self](caf::down_msg& msg) { self->state.remote.on_down(msg.source); });
  return {
    [self](actors::dead_letters_atom, const std::string& topic, const std::string& step) {
      if (self->state.busy.count(topic) != 0)
        self->state.again.insert(topic);
      else
        send_on(self, topic, step);
    },
  };
}

} // namespace

caf::actor spawn_amqp_dead_letters(caf::actor_system& sys,
                                   std::shared_ptr<const session_context> ctx) {
  return sys.spawn(sink, std::move(ctx));
}

} // namespace troupe::node
