// Tells a service manager how the node is doing, by systemd's notify
// protocol (sd_notify(3)): when $NOTIFY_SOCKET names a Unix datagram socket
// (a path, or an abstract name starting with '@'), each state is one
// datagram of newline-separated VAR=value lines — "READY=1" once every
// door accepts, "STOPPING=1" when a stop begins. Without $NOTIFY_SOCKET it
// does nothing. Lets the unit file use Type=notify without libsystemd.
#pragma once

#include <string_view>

namespace troupe::node {

/// Sends `state` ("READY=1\nSTATUS=…") to $NOTIFY_SOCKET; false when there
/// is none or it cannot be reached (never fatal: the node serves anyway).
bool notify_service_manager(std::string_view state);

} // namespace troupe::node
