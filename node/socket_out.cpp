#include "node/socket_out.hpp"

#include <sys/socket.h>

#include <caf/actor_cast.hpp>
#include <caf/io/abstract_broker.hpp>
#include <caf/send.hpp>

#include "protocol/tls.hpp"

namespace troupe::node {

void outbox::send(caf::io::abstract_broker* self, const caf::io::connection_handle& hdl,
                  protocol::tls_session* tls, uint64_t& queued) {
  flush_due_ = false;
  if (bytes.empty())
    return;
  if (tls != nullptr)
    tls->seal_tail(bytes, 0);
  size_t sent = 0;
  // CAF 0.17 names a connection by its socket. A handle the broker still
  // holds keeps that socket open, so the number names no other connection.
  if (queued == 0 && self->valid(hdl)) {
    auto n = ::send(static_cast<int>(hdl.id()), bytes.data(), bytes.size(),
                    MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0)
      sent = static_cast<size_t>(n);
  }
  // A full socket (EAGAIN) or a failing one: CAF writes the rest, or sees
  // the failure and reports the connection closed.
  if (sent < bytes.size()) {
    auto& buf = self->wr_buf(hdl);
    buf.insert(buf.end(), bytes.begin() + static_cast<std::ptrdiff_t>(sent), bytes.end());
    queued += bytes.size() - sent;
    self->flush(hdl);
  }
  bytes.clear();
}

void outbox::send_later(caf::io::abstract_broker* self) {
  if (flush_due_)
    return;
  flush_due_ = true;
  caf::anon_send(caf::actor_cast<caf::actor>(self), flush_out_atom::value);
}

} // namespace troupe::node
