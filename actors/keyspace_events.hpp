// keyspace_events: Redis's keyspace notifications (notify-keyspace-events).
// The node holds one; CONFIG SET sets its classes, and each kv shard, once
// a write is durable, publishes what it did to the keys it wrote on
// `__keyspace@0__:<key>` (the event as message) and `__keyevent@0__:<event>`
// (the key as message), as Redis does, through `publish` (every node's
// pub/sub hub). Nothing is recorded while no class is enabled.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace troupe::actors {

/// Redis's event classes (its NOTIFY_* bits).
namespace event_class {
constexpr uint32_t keyspace = 1 << 0;  // K
constexpr uint32_t keyevent = 1 << 1;  // E
constexpr uint32_t generic = 1 << 2;   // g: DEL, EXPIRE, RENAME, ...
constexpr uint32_t string = 1 << 3;    // $
constexpr uint32_t list = 1 << 4;      // l
constexpr uint32_t set = 1 << 5;       // s
constexpr uint32_t hash = 1 << 6;      // h
constexpr uint32_t zset = 1 << 7;      // z
constexpr uint32_t expired = 1 << 8;   // x
constexpr uint32_t evicted = 1 << 9;   // e
constexpr uint32_t stream = 1 << 10;   // t
constexpr uint32_t key_miss = 1 << 11; // m
constexpr uint32_t module = 1 << 12;   // d
constexpr uint32_t new_key = 1 << 13;  // n
/// A: every class but m and n.
constexpr uint32_t all = generic | string | list | set | hash | zset | expired | evicted
                         | stream | module;
} // namespace event_class

/// The classes a flags string ("KEA", "Kl$") names; nullopt when it holds
/// a character that is none.
std::optional<uint32_t> parse_event_classes(std::string_view text);

/// The flags string of `classes`, in Redis's order ("AKE", "gKE").
std::string event_classes_text(uint32_t classes);

struct keyspace_events {
  std::atomic<uint32_t> classes{0};
  /// Moves each time CONFIG SET sets the classes: a kv shard seeing it move
  /// while expired events are wanted looks for every key stored with an
  /// expiry, so keys given one earlier (or before the node started) are
  /// announced when they expire too.
  std::atomic<uint64_t> epoch{0};
  /// Sends one message on one channel to every subscriber in the cluster.
  std::function<void(const std::string& channel, const std::string& message)> publish;

  /// True when an event of class `cls` is to be published.
  bool wants(uint32_t cls) const {
    auto c = classes.load(std::memory_order_relaxed);
    return (c & cls) != 0 && (c & (event_class::keyspace | event_class::keyevent)) != 0;
  }

  /// Publishes `event` on `key` on the channels the classes ask for.
  void notify(std::string_view event, std::string_view key) const;
};

} // namespace troupe::actors
