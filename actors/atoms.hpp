// Every atom the actors exchange, in one place (CAF 0.17 atom_constant).
#pragma once

#include <caf/atom.hpp>

namespace troupe::actors {

/// Ask an actor to reply once everything it accepted is durable.
using drain_atom = caf::atom_constant<caf::atom("drain")>;
/// Internal: the committer finished a group (gen, ok, message).
using committed_atom = caf::atom_constant<caf::atom("committed")>;
/// Generic positive reply.
using ok_atom = caf::atom_constant<caf::atom("ok")>;

} // namespace troupe::actors
