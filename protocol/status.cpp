#include "protocol/status.hpp"

#include "protocol/troupe.pb.h"

namespace troupe {

const char* to_string(error_code code) {
  switch (code) {
    case error_code::ok: return "OK";
    case error_code::invalid_argument: return "INVALID_ARGUMENT";
    case error_code::not_found: return "NOT_FOUND";
    case error_code::conflict: return "CONFLICT";
    case error_code::too_large: return "TOO_LARGE";
    case error_code::unauthenticated: return "UNAUTHENTICATED";
    case error_code::not_leader: return "NOT_LEADER";
    case error_code::unavailable: return "UNAVAILABLE";
    case error_code::internal: return "INTERNAL";
  }
  return "UNKNOWN";
}

void set_error(v1::Response& resp, error_code code, std::string message) {
  resp.clear_result();
  auto* err = resp.mutable_error();
  err->set_code(static_cast<v1::ErrorCode>(code));
  err->set_message(std::move(message));
}

std::string status::to_string() const {
  if (ok())
    return "OK";
  return std::string{troupe::to_string(code)} + ": " + message;
}

} // namespace troupe
