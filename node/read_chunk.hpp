// How much a session broker asks CAF to read at a time. CAF 0.17 zero-fills
// its receive buffer up to the policy's size on every read, so small requests
// read in small chunks; a large request in progress gets larger reads (up to
// max_read_chunk) until it is complete. Internal to node/.
#pragma once

#include <algorithm>
#include <cstddef>

#include <caf/io/broker.hpp>

namespace troupe::node {

constexpr size_t min_read_chunk = 8 * 1024;
constexpr size_t max_read_chunk = 1024 * 1024;

/// Reconfigures reads on `hdl` when `wanted` (bytes the request in progress
/// still needs) calls for another chunk size than `current`.
template <class Broker>
void fit_read_chunk(Broker* self, caf::io::connection_handle hdl, size_t& current,
                    size_t wanted) {
  auto chunk = std::clamp(wanted, min_read_chunk, max_read_chunk);
  if (chunk == current)
    return;
  current = chunk;
  self->configure_read(hdl, caf::io::receive_policy::at_most(chunk));
}

} // namespace troupe::node
