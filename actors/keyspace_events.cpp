#include "actors/keyspace_events.hpp"

#include <utility>

namespace troupe::actors {

namespace {

constexpr std::pair<char, uint32_t> letters[] = {
  {'g', event_class::generic}, {'$', event_class::string}, {'l', event_class::list},
  {'s', event_class::set},     {'h', event_class::hash},   {'z', event_class::zset},
  {'x', event_class::expired}, {'e', event_class::evicted}, {'t', event_class::stream},
  {'d', event_class::module},  {'n', event_class::new_key}, {'K', event_class::keyspace},
  {'E', event_class::keyevent}, {'m', event_class::key_miss}};

} // namespace

std::optional<uint32_t> parse_event_classes(std::string_view text) {
  uint32_t out = 0;
  for (char ch : text) {
    if (ch == 'A') {
      out |= event_class::all;
      continue;
    }
    bool known = false;
    for (auto [letter, cls] : letters)
      if (letter == ch) {
        out |= cls;
        known = true;
      }
    if (!known)
      return std::nullopt;
  }
  return out;
}

std::string event_classes_text(uint32_t classes) {
  std::string out;
  bool all = (classes & event_class::all) == event_class::all;
  if (all)
    out += 'A';
  for (auto [letter, cls] : letters) {
    if (all && (cls & event_class::all) != 0)
      continue;
    if ((classes & cls) != 0)
      out += letter;
  }
  return out;
}

void keyspace_events::notify(std::string_view event, std::string_view key) const {
  auto c = classes.load(std::memory_order_relaxed);
  if (!publish)
    return;
  if ((c & event_class::keyspace) != 0)
    publish("__keyspace@0__:" + std::string{key}, std::string{event});
  if ((c & event_class::keyevent) != 0)
    publish("__keyevent@0__:" + std::string{event}, std::string{key});
}

} // namespace troupe::actors
