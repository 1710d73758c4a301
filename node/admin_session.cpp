#include "node/admin_session.hpp"

#include <string>
#include <string_view>

#include <caf/io/broker.hpp>

#include "cluster/partition_router.hpp"
#include "cluster/partition_table.hpp"
#include "node/connection_guard.hpp"
#include "node/metrics.hpp"
#include "node/session.hpp"

namespace troupe::node {

namespace {

using caf::io::connection_handle;

constexpr size_t max_head_bytes = 8192;

struct admin_state {
  std::string head;
  bool answered = false;
  connection_clock clock{0, 0};  // a request head in time
  static inline const char* name = "troupe.admin_session";
};

using admin_broker = caf::io::stateful_broker<admin_state>;

struct http_reply {
  int status;
  const char* reason;
  std::string body;
  const char* type = "text/plain; charset=utf-8";
};

/// Empty when the node is ready; otherwise why not.
std::string not_ready_because(const cluster::routes& r) {
  if (!r.table || r.table->find_member(r.local_node) == nullptr)
    return "not a member of a cluster yet";
  size_t unreachable = 0;
  for (auto s : r.state)
    if (s == cluster::partition_state::unreachable)
      ++unreachable;
  if (unreachable > 0)
    return std::to_string(unreachable) + " of " + std::to_string(r.state.size())
           + " partitions have no reachable server";
  return {};
}

http_reply answer(const session_context& ctx, std::string_view method, std::string_view path) {
  if (method != "GET" && method != "HEAD")
    return {405, "Method Not Allowed", "only GET\n"};
  if (auto q = path.find('?'); q != std::string_view::npos)
    path = path.substr(0, q);
  if (path == "/healthz")
    return {200, "OK", "ok\n"};
  if (path == "/readyz") {
    auto why = not_ready_because(*ctx.router->current());
    if (why.empty())
      return {200, "OK", "ready\n"};
    return {503, "Service Unavailable", why + "\n"};
  }
  if (path == "/metrics") {
    metrics_sources src{ctx.counters, ctx.script_monitor, ctx.router, ctx.db, ctx.raft.get()};
    return {200, "OK", ctx.metrics->scrape(src), "text/plain; version=0.0.4; charset=utf-8"};
  }
  return {404, "Not Found", "not found: /healthz, /readyz, /metrics\n"};
}

void respond(admin_broker* self, connection_handle hdl, const http_reply& r, bool head_only) {
  std::string out = "HTTP/1.1 " + std::to_string(r.status) + " " + r.reason
                    + "\r\nContent-Type: " + r.type
                    + "\r\nContent-Length: " + std::to_string(r.body.size())
                    + "\r\nConnection: close\r\n\r\n";
  if (!head_only)
    out += r.body;
  auto& buf = self->wr_buf(hdl);
  buf.insert(buf.end(), out.begin(), out.end());
  self->flush(hdl);
  self->state.answered = true;
  self->close(hdl);
  self->quit();
}

void on_data(admin_broker* self, connection_handle hdl, const std::vector<char>& data,
             const session_context& ctx) {
  auto& st = self->state;
  if (st.answered)
    return;
  st.head.append(data.begin(), data.end());
  auto end = st.head.find("\r\n\r\n");
  if (end == std::string::npos) {
    if (st.head.size() > max_head_bytes)
      respond(self, hdl, {431, "Request Header Fields Too Large", "request head over 8 KiB\n"},
              false);
    return;
  }
  // "METHOD SP PATH SP VERSION"
  std::string_view line{st.head.data(), st.head.find("\r\n")};
  auto sp1 = line.find(' ');
  auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || line.substr(sp2 + 1).rfind("HTTP/1.", 0) != 0) {
    respond(self, hdl, {400, "Bad Request", "not an HTTP/1.x request\n"}, false);
    return;
  }
  auto method = line.substr(0, sp1);
  respond(self, hdl, answer(ctx, method, line.substr(sp1 + 1, sp2 - sp1 - 1)), method == "HEAD");
}

caf::behavior admin_impl(admin_broker* self, connection_handle hdl,
                         std::shared_ptr<const session_context> ctx) {
  self->configure_read(hdl, caf::io::receive_policy::at_most(4096));
  // A connection that sends no request in time is closed, so idle
  // connections cannot pile up on the admin port.
  self->state.clock = connection_clock{ctx->handshake_timeout_ms > 0 ? ctx->handshake_timeout_ms
                                                                     : 10'000,
                                       0};
  return {
    [=](const caf::io::new_data_msg& msg) { on_data(self, msg.handle, msg.buf, *ctx); },
    [=](const caf::io::connection_closed_msg&) { self->quit(); },
    [=](deadlines_atom) {
      auto& st = self->state;
      if (st.clock.check(st.answered, true) == connection_clock::due::handshake) {
        self->close(hdl);
        self->quit();
      }
    },
  };
}

} // namespace

caf::actor fork_admin_session(caf::io::broker* acceptor, connection_handle hdl,
                              std::shared_ptr<const session_context> ctx) {
  return acceptor->fork(admin_impl, hdl, std::move(ctx));
}

} // namespace troupe::node
