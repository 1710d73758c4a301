#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <caf/atom.hpp>

namespace caf::io {
class abstract_broker;
class connection_handle;
} // namespace caf::io

namespace troupe::protocol {
class tls_session;
}

namespace troupe::node {

/// Gathered bytes past this size go at once.
constexpr size_t gather_limit = 64 * 1024;

/// Session internal: the bytes a session gathered this turn are due.
using flush_out_atom = caf::atom_constant<caf::atom("flushout")>;

/// What a session sends on its connection. Its broker acknowledges writes
/// and keeps in `queued` what CAF still holds for the socket (set from each
/// `data_transferred_msg`'s `remaining`).
///
/// While CAF holds nothing, bytes go straight to the socket with one
/// `send`; what the socket does not take at once, and everything while CAF
/// holds something, goes behind it into CAF's buffer, which writes it when
/// the socket drains. CAF 0.17's own flush adds write interest, waits for a
/// poll round and removes the interest again: two `epoll_ctl` and a loop
/// turn per flush, which a direct send does not pay.
///
/// Replies that finish one by one (a pipelined batch whose commands went to
/// several partitions) are gathered with `send_later`: the broker sends
/// itself a flush_out_atom, which it handles after the messages already in
/// its mailbox, so one `send` carries every reply of the turn.
class outbox {
public:
  /// Bytes to send (plaintext), appended by the session.
  std::vector<char> bytes;

  /// Sends `bytes` now (sealed first when `tls` is set) and clears them.
  void send(caf::io::abstract_broker* self, const caf::io::connection_handle& hdl,
            protocol::tls_session* tls, uint64_t& queued);

  /// Asks for a flush_out_atom, unless one is on its way; its handler calls
  /// `send`.
  void send_later(caf::io::abstract_broker* self);

private:
  bool flush_due_ = false;
};

/// Sends what a session's broker gathered in its state's `out`, with the
/// state's `tls` and `queued`, and reports the queued bytes.
template <class Broker, class Handle>
void send_out(Broker* self, const Handle& hdl) {
  auto& st = self->state;
  st.out.send(self, hdl, st.tls.get(), st.queued);
  st.queued_changed();
}

} // namespace troupe::node
