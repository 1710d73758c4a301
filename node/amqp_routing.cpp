#include "node/amqp_routing.hpp"

#include "protocol/amqp.hpp"

namespace troupe::node::amqp_routing {

using v1::Request;

std::shared_ptr<Request> state_get(const std::string& group, const std::string& key) {
  auto req = std::make_shared<Request>();
  req->mutable_state_get()->set_trace_id(group);
  req->mutable_state_get()->set_key(key);
  return req;
}

std::shared_ptr<Request> state_set(const std::string& group, const std::string& key,
                                   std::string value) {
  auto req = std::make_shared<Request>();
  auto* s = req->mutable_state_set();
  s->set_trace_id(group);
  s->set_key(key);
  s->set_value(std::move(value));
  return req;
}

std::shared_ptr<Request> state_delete(const std::string& group, const std::string& key) {
  auto req = std::make_shared<Request>();
  req->mutable_state_delete()->set_trace_id(group);
  req->mutable_state_delete()->set_key(key);
  return req;
}

std::shared_ptr<Request> state_group(const std::string& group) {
  auto req = std::make_shared<Request>();
  req->mutable_state_get_group()->set_trace_id(group);
  return req;
}

std::shared_ptr<Request> queue_stats(const std::string& topic) {
  auto req = std::make_shared<Request>();
  req->mutable_queue_stats()->set_topic(topic);
  req->mutable_queue_stats()->set_step(std::string{topo::queue_step});
  return req;
}

v1::QueueConfig queue_config(const topo::queue_def& def, int32_t credit) {
  // A delivery not acked within this long goes to another consumer
  // (RabbitMQ's consumer_timeout closes the channel instead).
  constexpr int64_t delivery_timeout_ms = 30 * 60 * 1000;
  v1::QueueConfig c;
  c.set_type("standard");
  c.set_max_retries(std::numeric_limits<int32_t>::max());
  c.set_visibility_timeout_ms(delivery_timeout_ms);
  c.set_backoff_ms(0);
  c.set_concurrency(credit);
  c.set_message_ttl_ms(def.message_ttl_ms.value_or(0));
  c.set_dead_letter_expired(def.dead_letter_exchange.has_value());
  c.set_max_priority(static_cast<uint32_t>(def.max_priority.value_or(0)));
  return c;
}

v1::EmitEntry emit_entry(const v1::AmqpMessage& m) {
  v1::EmitEntry e;
  e.set_data(m.SerializeAsString());
  e.set_opaque(true);
  if (auto props = protocol::amqp::decode_properties(m.properties())) {
    e.set_priority(props->priority.value_or(0));
    if (props->expiration)
      if (auto ms = topo::expiration_ms(*props->expiration))
        e.set_expires_in_ms(*ms);
  }
  return e;
}

bool is_not_found(const v1::Response& r) {
  return r.has_error() && r.error().code() == static_cast<v1::ErrorCode>(error_code::not_found);
}

std::string quoted(const std::string& what, const std::string& name, const std::string& vhost) {
  return what + " '" + name + "' in vhost '" + vhost + "'";
}

v1::AmqpMessage stored_message(const v1::QueueMessage& q, const std::string& queue) {
  v1::AmqpMessage m;
  if (!m.ParseFromString(q.data()) || (m.body().empty() && m.properties().empty())) {
    m.Clear();
    m.set_routing_key(queue);
    m.set_body(q.data());
  }
  return m;
}

} // namespace troupe::node::amqp_routing
