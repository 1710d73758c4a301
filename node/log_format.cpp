#include "node/log_format.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>

#include <spdlog/formatter.h>
#include <spdlog/pattern_formatter.h>

#include "protocol/status.hpp"

namespace troupe::node {

namespace {

class json_formatter final : public spdlog::formatter {
public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line = "{\"time\":\"";
    auto t = std::chrono::system_clock::to_time_t(msg.time);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch())
                .count() % 1000;
    std::tm utc{};
    gmtime_r(&t, &utc);
    char stamp[40];
    auto n = std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%S", &utc);
    line.append(stamp, n);
    char frac[8];
    std::snprintf(frac, sizeof(frac), ".%03dZ", static_cast<int>(ms));
    line += frac;
    line += "\",\"level\":\"";
    auto level = spdlog::level::to_string_view(msg.level);
    line.append(level.data(), level.size());
    line += "\",\"msg\":";
    line += json_quoted(std::string{msg.payload.data(), msg.payload.size()});
    line += "}\n";
    dest.append(line.data(), line.data() + line.size());
  }

  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<json_formatter>();
  }
};

} // namespace

std::unique_ptr<spdlog::formatter> make_log_formatter(std::string_view format) {
  if (format == "json")
    return std::make_unique<json_formatter>();
  return std::make_unique<spdlog::pattern_formatter>("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
}

} // namespace troupe::node
