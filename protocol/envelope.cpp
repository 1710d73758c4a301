#include "protocol/envelope.hpp"

#include "protocol/troupe.pb.h"

namespace troupe::protocol {

namespace {

template <class Proto, class Msg>
bool parse_into(Msg& x, const std::string& bytes) {
  auto body = std::make_shared<Proto>();
  if (!body->ParseFromString(bytes))
    return false;
  x.body = std::move(body);
  return true;
}

} // namespace

std::string to_bytes(const request_msg& x) {
  return x.body ? x.body->SerializeAsString() : std::string{};
}

bool from_bytes(request_msg& x, const std::string& bytes) {
  return parse_into<v1::Request>(x, bytes);
}

std::string to_bytes(const response_msg& x) {
  return x.body ? x.body->SerializeAsString() : std::string{};
}

bool from_bytes(response_msg& x, const std::string& bytes) {
  return parse_into<v1::Response>(x, bytes);
}

} // namespace troupe::protocol
