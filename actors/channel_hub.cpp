#include "actors/channel_hub.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

#include <caf/actor_system.hpp>
#include <caf/event_based_actor.hpp>
#include <caf/stateful_actor.hpp>

#include "actors/atoms.hpp"
#include "storage/glob.hpp"

namespace troupe::actors {

namespace {

struct hub_state {
  std::map<std::string, std::set<caf::actor>> channels;
  std::map<std::string, std::set<caf::actor>> patterns;
  // What each session holds, to clean up when it ends.
  std::map<caf::actor, std::pair<std::set<std::string>, std::set<std::string>>> sessions;

  static inline const char* name = "troupe.channel_hub";
};

using hub = caf::stateful_actor<hub_state>;

void add(hub* self, caf::actor session, std::string name, bool pattern) {
  auto& st = self->state;
  auto [it, fresh] = st.sessions.try_emplace(session);
  if (fresh)
    self->monitor(session);
  (pattern ? it->second.second : it->second.first).insert(name);
  (pattern ? st.patterns : st.channels)[std::move(name)].insert(std::move(session));
}

void remove(hub* self, const caf::actor& session, const std::string& name, bool pattern) {
  auto& st = self->state;
  auto& index = pattern ? st.patterns : st.channels;
  if (auto it = index.find(name); it != index.end()) {
    it->second.erase(session);
    if (it->second.empty())
      index.erase(it);
  }
  if (auto it = st.sessions.find(session); it != st.sessions.end()) {
    (pattern ? it->second.second : it->second.first).erase(name);
    if (it->second.first.empty() && it->second.second.empty()) {
      self->demonitor(session);
      st.sessions.erase(it);
    }
  }
}

} // namespace

caf::actor spawn_channel_hub(caf::actor_system& sys) {
  return sys.spawn([](hub* self) -> caf::behavior {
    self->set_down_handler([=](caf::down_msg& msg) {
      auto session = caf::actor_cast<caf::actor>(msg.source);
      auto it = self->state.sessions.find(session);
      if (it == self->state.sessions.end())
        return;
      auto [channels, patterns] = it->second;
      for (auto& c : channels)
        remove(self, session, c, false);
      for (auto& p : patterns)
        remove(self, session, p, true);
    });
    return {
      [=](subscribe_atom, caf::actor& s, std::string& c) { add(self, std::move(s), std::move(c), false); },
      [=](psubscribe_atom, caf::actor& s, std::string& p) { add(self, std::move(s), std::move(p), true); },
      [=](unsubscribe_atom, const caf::actor& s, const std::string& c) { remove(self, s, c, false); },
      [=](punsubscribe_atom, const caf::actor& s, const std::string& p) { remove(self, s, p, true); },
      [=](pubsub_atom, const std::vector<std::string>& query) {
        auto& st = self->state;
        std::vector<std::string> out;
        if (query.empty())
          return out;
        if (query[0] == "channels") {
          for (auto& [channel, subscribers] : st.channels)
            if (query.size() < 2 || query[1].empty() || storage::glob_match(query[1], channel))
              out.push_back(channel);
        } else if (query[0] == "numsub") {
          for (size_t i = 1; i < query.size(); ++i) {
            auto it = st.channels.find(query[i]);
            out.push_back(std::to_string(it == st.channels.end() ? 0 : it->second.size()));
          }
        } else if (query[0] == "patterns") {
          for (auto& [pattern, subscribers] : st.patterns)
            out.push_back(pattern);
        }
        return out;
      },
      [=](publish_atom, const std::string& channel, const std::string& payload) -> int64_t {
        auto& st = self->state;
        int64_t receivers = 0;
        if (auto it = st.channels.find(channel); it != st.channels.end())
          for (auto& s : it->second) {
            self->send(s, message_atom::value, std::string{}, channel, payload);
            ++receivers;
          }
        for (auto& [pattern, subscribers] : st.patterns)
          if (storage::glob_match(pattern, channel))
            for (auto& s : subscribers) {
              self->send(s, message_atom::value, pattern, channel, payload);
              ++receivers;
            }
        return receivers;
      },
    };
  });
}

} // namespace troupe::actors
