// JSON helpers the importers share. Internal to the CLI.
#pragma once

#include <string>

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "protocol/status.hpp"

namespace troupe::client {

/// Client bytes (names, keys) quoted for a message: valid UTF-8, escaped.
inline std::string printable(const std::string& raw) {
  return json_quoted(raw);
}

/// `v` as compact JSON text.
inline std::string json_text(const rapidjson::Value& v) {
  rapidjson::StringBuffer out;
  rapidjson::Writer<rapidjson::StringBuffer> writer(out);
  v.Accept(writer);
  return {out.GetString(), out.GetSize()};
}

} // namespace troupe::client
