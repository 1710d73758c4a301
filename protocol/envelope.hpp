// CAF message types that carry protocol requests and responses between
// actors (session -> partition actor -> session, client code -> connection). The protobuf objects are shared
// immutably inside a node; across nodes they travel as their protobuf bytes
// (see inspect below), so a routed request keeps one wire format everywhere.
#pragma once

#include <memory>
#include <cstdint>
#include <string>

#include <caf/error.hpp>
#include <caf/meta/load_callback.hpp>
#include <caf/meta/type_name.hpp>
#include <caf/sec.hpp>

namespace troupe::v1 {
class Request;
class Response;
class Push;
} // namespace troupe::v1

namespace troupe::protocol {

/// One client request, routed to the actor that owns its partition.
struct request_msg {
  std::shared_ptr<const v1::Request> body;
};

/// The reply to a request_msg; always carries a Response (which may hold an
/// Error).
struct response_msg {
  std::shared_ptr<const v1::Response> body;
};

/// A server push on its way to the session (or, in the client, the actor)
/// that owns the subscription. The event is serialized once (a
/// troupe.v1.StreamEvent) and shared by every subscriber it goes to.
struct push_msg {
  /// Which Push field the payload is: a StreamEvent or a QueueMessage.
  enum kind_t : uint8_t { stream_event = 2, delivery = 4 };
  uint64_t subscription_id = 0;
  std::shared_ptr<const std::string> event;  ///< serialized payload
  /// The subscription ended (no payload): a stream subscriber fell behind,
  /// or a queue's step was removed under its consumers.
  bool overflow = false;
  uint8_t kind = stream_event;
};
std::string to_bytes(const request_msg& x);
bool from_bytes(request_msg& x, const std::string& bytes);
std::string to_bytes(const response_msg& x);
bool from_bytes(response_msg& x, const std::string& bytes);

template <class Inspector, class T>
typename Inspector::result_type inspect_as_bytes(Inspector& f, T& x,
                                                 const char* name) {
  std::string bytes;
  if constexpr (Inspector::reads_state)
    bytes = to_bytes(x);
  auto load = [&]() -> caf::error {
    if (!from_bytes(x, bytes))
      return caf::sec::invalid_argument;
    return caf::none;
  };
  return f(caf::meta::type_name(name), bytes, caf::meta::load_callback(load));
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, request_msg& x) {
  return inspect_as_bytes(f, x, "troupe.request");
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, response_msg& x) {
  return inspect_as_bytes(f, x, "troupe.response");
}

template <class Inspector>
typename Inspector::result_type inspect(Inspector& f, push_msg& x) {
  std::string event;
  if constexpr (Inspector::reads_state)
    event = x.event ? *x.event : std::string{};
  auto load = [&]() -> caf::error {
    x.event = std::make_shared<const std::string>(std::move(event));
    return caf::none;
  };
  return f(caf::meta::type_name("troupe.push"), x.subscription_id, event, x.overflow, x.kind,
           caf::meta::load_callback(load));
}

} // namespace troupe::protocol
