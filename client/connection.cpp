#include "client/connection.hpp"

#include <charconv>
#include <string_view>
#include <unordered_map>

#include <caf/actor_system.hpp>
#include <caf/io/broker.hpp>
#include <caf/io/middleman.hpp>
#include <caf/scoped_actor.hpp>

#include "protocol/envelope.hpp"
#include "protocol/frame_codec.hpp"
#include "protocol/tls.hpp"
#include "protocol/troupe.pb.h"

namespace troupe::client {

namespace {

using caf::io::connection_handle;
using hello_atom = caf::atom_constant<caf::atom("hello")>;

struct connection_state {
  protocol::frame_decoder decoder;
  uint64_t next_id = 1;
  std::unordered_map<uint64_t, caf::typed_response_promise<protocol::response_msg>> pending;
  // Requests that open a subscription: id -> who asked (gets the pushes).
  std::unordered_map<uint64_t, caf::actor> subscribing;
  // Live subscriptions: subscription id -> who receives its pushes.
  std::unordered_map<uint64_t, caf::actor> subscribers;
  caf::response_promise hello;
  std::unique_ptr<protocol::tls_session> tls;  // connect_options::tls
  uint64_t sent = 0;                            // for feed_received; unused
  bool closed = false;
  std::string close_reason = "connection closed";

  static inline const char* name = "troupe.client.connection";
};

using connection_broker = caf::io::stateful_broker<connection_state>;

std::shared_ptr<v1::Response> unavailable(const std::string& reason) {
  auto resp = std::make_shared<v1::Response>();
  set_error(*resp, error_code::unavailable, reason);
  return resp;
}

void fail_all(connection_broker* self) {
  auto& st = self->state;
  for (auto& [id, promise] : st.pending)
    promise.deliver(protocol::response_msg{unavailable(st.close_reason)});
  st.pending.clear();
  if (st.hello.pending())
    st.hello.deliver(caf::make_error(caf::sec::runtime_error, st.close_reason));
}

/// Writes `f` to the node (through TLS when the connection has it).
void send_frame(connection_broker* self, connection_handle hdl, const v1::Frame& f) {
  auto& buf = self->wr_buf(hdl);
  auto before = buf.size();
  protocol::append_frame(buf, f);
  if (self->state.tls)
    self->state.tls->seal_tail(buf, before);
  self->flush(hdl);
}

void close_connection(connection_broker* self, connection_handle hdl, std::string reason) {
  auto& st = self->state;
  if (st.closed)
    return;
  st.closed = true;
  st.close_reason = std::move(reason);
  fail_all(self);
  self->close(hdl);
}

void on_frame(connection_broker* self, connection_handle hdl, v1::Frame& f) {
  auto& st = self->state;
  switch (f.body_case()) {
    case v1::Frame::kResponse: {
      auto it = st.pending.find(f.id());
      if (it == st.pending.end())
        return;  // not ours: ignore rather than guess
      if (auto sub = st.subscribing.find(f.id()); sub != st.subscribing.end()) {
        if (f.response().has_subscribe())
          st.subscribers[f.response().subscribe().subscription_id()] = sub->second;
        st.subscribing.erase(sub);
      }
      it->second.deliver(protocol::response_msg{
        std::shared_ptr<const v1::Response>(f.release_response())});
      st.pending.erase(it);
      return;
    }
    case v1::Frame::kWelcome: {
      if (!st.hello.pending())
        return;
      auto& w = f.welcome();
      st.hello.deliver(w.node_id(), w.cluster_name(), w.partition_count(),
                       w.partition_epoch(), w.max_frame_bytes(),
                       w.partition_table().SerializeAsString());
      return;
    }
    case v1::Frame::kPush: {
      auto sub_id = f.push().subscription_id();
      auto it = st.subscribers.find(sub_id);
      if (it == st.subscribers.end())
        return;
      auto target = it->second;
      bool overflow = f.push().overflow();
      if (overflow)
        st.subscribers.erase(it);
      bool delivery = f.push().has_delivery();
      auto payload = delivery ? f.push().delivery().SerializeAsString()
                              : f.push().event().SerializeAsString();
      self->send(target, protocol::push_msg{
                           sub_id, std::make_shared<const std::string>(std::move(payload)), overflow,
                           delivery ? protocol::push_msg::delivery : protocol::push_msg::stream_event});
      return;
    }
    case v1::Frame::kError: {
      auto& e = f.error();
      auto code = static_cast<error_code>(e.code());
      if (st.hello.pending()) {
        st.hello.deliver(caf::make_error(caf::sec::runtime_error,
                                         static_cast<int>(code), e.message()));
      }
      close_connection(self, hdl, std::string{to_string(code)} + ": " + e.message());
      return;
    }
    default:
      close_connection(self, hdl, "protocol error: unexpected frame from node");
  }
}

caf::behavior connection_impl(connection_broker* self, connection_handle hdl,
                              size_t max_frame_bytes,
                              std::shared_ptr<const protocol::tls_context> tls,
                              std::string host) {
  self->state.decoder = protocol::frame_decoder{max_frame_bytes};
  self->configure_read(hdl, caf::io::receive_policy::at_most(64 * 1024));
  if (tls) {
    // Starts the handshake: the ClientHello goes out now.
    self->state.tls = std::make_unique<protocol::tls_session>(*tls, host);
    protocol::feed_received(self, hdl, self->state.tls.get(), {}, self->state.sent,
                            [](const char*, size_t) {});
  }
  return {
    [=](protocol::request_msg& msg) -> caf::result<protocol::response_msg> {
      auto& st = self->state;
      if (st.closed)
        return protocol::response_msg{unavailable(st.close_reason)};
      auto id = st.next_id++;
      if (msg.body->has_stream_subscribe() || msg.body->has_event_subscribe())
        st.subscribing[id] = caf::actor_cast<caf::actor>(self->current_sender());
      if (msg.body->has_stream_unsubscribe())
        st.subscribers.erase(msg.body->stream_unsubscribe().subscription_id());
      if (msg.body->has_event_unsubscribe())
        st.subscribers.erase(msg.body->event_unsubscribe().subscription_id());
      v1::Frame f;
      f.set_id(id);
      // The Request is shared and immutable; the frame needs its own copy.
      *f.mutable_request() = *msg.body;
      send_frame(self, hdl, f);
      auto promise = self->make_response_promise<protocol::response_msg>();
      st.pending.emplace(id, promise);
      return promise;
    },
    [=](hello_atom, const std::string& name, const std::string& token) {
      auto& st = self->state;
      st.hello = self->make_response_promise();
      // The TLS handshake may have failed before the Hello was asked for.
      if (st.closed) {
        st.hello.deliver(caf::make_error(caf::sec::runtime_error, st.close_reason));
        return st.hello;
      }
      v1::Frame f;
      f.set_id(0);
      auto* h = f.mutable_hello();
      h->set_protocol_version(protocol::protocol_version);
      h->set_client_name(name);
      h->set_token(token);
      send_frame(self, hdl, f);
      return st.hello;
    },
    [=](const caf::io::new_data_msg& msg) {
      auto& st = self->state;
      auto feed = [&](const char* data, size_t n) { st.decoder.feed(data, n); };
      if (!protocol::feed_received(self, hdl, st.tls.get(), msg.buf, st.sent, feed)) {
        close_connection(self, hdl, st.tls->error());
        return;
      }
      v1::Frame frame;
      while (!st.closed) {
        auto outcome = st.decoder.next(frame);
        if (outcome == protocol::frame_decoder::outcome::need_more)
          return;
        if (outcome != protocol::frame_decoder::outcome::frame) {
          close_connection(self, hdl, "protocol error: bad frame from node");
          return;
        }
        on_frame(self, hdl, frame);
        frame.Clear();
      }
    },
    [=](const caf::io::connection_closed_msg&) {
      auto& st = self->state;
      st.closed = true;
      fail_all(self);
      self->quit();
    },
  };
}

} // namespace

std::optional<connect_options> with_address(connect_options opts, const std::string& address) {
  auto colon = address.rfind(':');
  if (colon == std::string::npos || colon == 0)
    return std::nullopt;
  auto digits = std::string_view{address}.substr(colon + 1);
  unsigned port = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || port == 0
      || port > 65535)
    return std::nullopt;
  opts.host = address.substr(0, colon);
  opts.port = static_cast<uint16_t>(port);
  return opts;
}

result<connection> connect(caf::actor_system& sys, const connect_options& opts) {
  std::shared_ptr<const protocol::tls_context> tls;
  if (opts.tls) {
    std::string error;
    tls = protocol::tls_context::client(opts.tls_ca, opts.tls_cert, opts.tls_key, error);
    if (!tls)
      return status::error(error_code::invalid_argument, error);
  }
  auto handle = sys.middleman().spawn_client(connection_impl, opts.host, opts.port,
                                             opts.max_frame_bytes, tls, opts.host);
  if (!handle)
    return status::error(error_code::unavailable,
                         "cannot connect to " + opts.host + ":" + std::to_string(opts.port)
                           + ": " + sys.render(handle.error()));
  caf::scoped_actor self{sys};
  std::optional<status> failure;
  connection conn;
  conn.handle = *handle;
  self->request(*handle, opts.handshake_timeout, hello_atom::value, opts.client_name, opts.token)
    .receive(
      [&](std::string& node_id, std::string& cluster, uint32_t partitions, uint64_t epoch,
          uint64_t max_frame, std::string& table) {
        conn.welcome = {std::move(node_id), std::move(cluster), partitions, epoch, max_frame,
                        std::move(table)};
      },
      [&](caf::error& err) {
        // A node error carries its code as the first context element.
        auto code = error_code::unavailable;
        std::string text = sys.render(err);
        auto& ctx = err.context();
        if (ctx.match_elements<int, std::string>()) {
          code = static_cast<error_code>(ctx.get_as<int>(0));
          text = ctx.get_as<std::string>(1);
        }
        failure = status::error(code, text);
      });
  if (failure) {
    caf::anon_send_exit(*handle, caf::exit_reason::user_shutdown);
    return *failure;
  }
  return conn;
}

} // namespace troupe::client
