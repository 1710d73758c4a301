// How the node's log lines look (--log-format): `text`, for people
// ("2026-12-01T04:20:00.123 info message"), or `json`, one object per line
// for log collectors:
//   {"time":"2026-12-01T04:20:00.123Z","level":"info","msg":"..."}
// (UTC, RFC 3339 with milliseconds; msg quoted by json_quoted, so bytes
// that are not UTF-8 show as \xNN and every line parses).
#pragma once

#include <memory>
#include <string_view>

namespace spdlog {
class formatter;
}

namespace troupe::node {

/// The formatter for `format` ("text" or "json").
std::unique_ptr<spdlog::formatter> make_log_formatter(std::string_view format);

} // namespace troupe::node
