// The AMQP 0-9-1 door (--amqp-listen): one broker per connection, forked by
// an acceptor like the other doors.
//
// A session speaks the connection and channel protocol itself (handshake
// with PLAIN or AMQPLAIN, tune, heartbeats, channels) and turns the rest into
// requests to the partitions (node/amqp_topology.hpp says where things
// live):
//
//   exchange.declare/delete, queue.bind/unbind   state records
//   queue.declare                                a queue record and a durable
//                                                step subscription
//   basic.publish                                the exchange's bindings, then
//                                                one emit per routed queue
//   basic.consume/cancel                         a consumer of the step queue
//   basic.get                                    EventFetch
//   basic.ack; nack/reject with requeue          EventAck; EventNack requeue
//   nack/reject without requeue                  republish to the queue's
//                                                dead-letter exchange (x-death
//                                                added), then ack; or drop
//
// Publisher confirms (confirm.select) ack a publish once every queue it was
// routed to has it durably. Methods outside this set close the connection
// with 540 NOT_IMPLEMENTED, as RabbitMQ does for methods it does not know.
#pragma once

#include <memory>

#include <caf/fwd.hpp>
#include <caf/io/fwd.hpp>

namespace troupe::node {

struct session_context;

/// Forks the AMQP session of `hdl` from the acceptor broker.
caf::actor fork_amqp_session(caf::io::broker* acceptor, caf::io::connection_handle hdl,
                             std::shared_ptr<const session_context> ctx);

} // namespace troupe::node
