#include "tests/cluster/linearizability.hpp"

#include <algorithm>
#include <functional>
#include <unordered_set>

namespace troupe::testing {

namespace {

struct event {
  bool is_call;
  size_t op;
  event* match = nullptr; ///< a call's return, a return's call
  event* prev = nullptr;
  event* next = nullptr;
};

bool apply(const register_op& op, const std::string& state, std::string& out) {
  switch (op.op) {
    case register_op::kind::read:
      out = state;
      return op.value == state;
    case register_op::kind::write:
      out = op.value;
      return true;
    case register_op::kind::cas:
      if (op.ret == register_op::never) { // outcome unknown: it swapped if it could
        out = state == op.expected ? op.value : state;
        return true;
      }
      if (op.succeeded) {
        out = op.value;
        return state == op.expected;
      }
      out = state;
      return state != op.expected;
  }
  return false;
}

struct cache_key {
  std::vector<uint64_t> done;
  std::string state;
  bool operator==(const cache_key&) const = default;
};

struct cache_hash {
  size_t operator()(const cache_key& k) const {
    size_t h = std::hash<std::string>{}(k.state);
    for (auto w : k.done)
      h = h * 1099511628211ULL ^ w;
    return h;
  }
};

void lift(event* call) {
  // Unlinks a call and its return from the list.
  for (auto* e : {call, call->match}) {
    e->prev->next = e->next;
    if (e->next)
      e->next->prev = e->prev;
  }
}

void unlift(event* call) {
  for (auto* e : {call->match, call}) {
    e->prev->next = e;
    if (e->next)
      e->next->prev = e;
  }
}

} // namespace

bool linearizable(const std::vector<register_op>& history) {
  const size_t n = history.size();
  std::vector<event> events;
  events.reserve(2 * n + 1);
  struct stamp {
    uint64_t time;
    bool is_call;
    size_t op;
  };
  std::vector<stamp> order;
  for (size_t i = 0; i < n; ++i) {
    order.push_back({history[i].call, true, i});
    order.push_back({history[i].ret, false, i});
  }
  // At equal times calls go first: such operations count as concurrent.
  std::sort(order.begin(), order.end(), [](const stamp& a, const stamp& b) {
    return a.time != b.time ? a.time < b.time : a.is_call > b.is_call;
  });
  events.push_back(event{false, 0}); // head sentinel
  std::vector<event*> call_of(n), return_of(n);
  for (auto& s : order) {
    events.push_back(event{s.is_call, s.op});
    (s.is_call ? call_of : return_of)[s.op] = &events.back();
  }
  for (size_t i = 0; i + 1 < events.size(); ++i) {
    events[i].next = &events[i + 1];
    events[i + 1].prev = &events[i];
  }
  for (size_t i = 0; i < n; ++i) {
    call_of[i]->match = return_of[i];
    return_of[i]->match = call_of[i];
  }

  event* head = &events[0];
  std::string state;
  std::vector<uint64_t> done((n + 63) / 64, 0);
  std::unordered_set<cache_key, cache_hash> seen;
  std::vector<std::pair<event*, std::string>> stack;
  event* e = head->next;
  while (head->next) {
    if (e && e->is_call) {
      std::string next_state;
      auto& op = history[e->op];
      if (apply(op, state, next_state)) {
        auto bits = done;
        bits[e->op / 64] |= uint64_t{1} << (e->op % 64);
        if (seen.insert(cache_key{bits, next_state}).second) {
          stack.emplace_back(e, state);
          state = std::move(next_state);
          done = std::move(bits);
          lift(e);
          e = head->next;
          continue;
        }
      }
      e = e->next;
      continue;
    }
    // A return whose call is still unplaced: undo the last choice.
    if (stack.empty())
      return false;
    auto [call, previous] = std::move(stack.back());
    stack.pop_back();
    state = std::move(previous);
    done[call->op / 64] &= ~(uint64_t{1} << (call->op % 64));
    unlift(call);
    e = call->next;
  }
  return true;
}

} // namespace troupe::testing
