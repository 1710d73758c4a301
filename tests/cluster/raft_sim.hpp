// A deterministic simulation of one Raft group: several raft::core replicas,
// their disks and a register service on top, over an in-memory network,
// all in one thread on simulated time, every choice drawn from one seed.
//
// Faults (each seed picks its own mix): messages dropped, duplicated,
// delayed and so reordered; network partitions that come and go (one node
// cut off, or a split); crashes that lose whatever a replica had not synced,
// and restarts from its disk; pauses past the election timeout (SIGSTOP);
// clock skew (each replica ticks at its own rate, within ±10%); leadership
// transfers; membership changes (a learner added, caught up by snapshot,
// promoted, a voter removed); log compaction at random points.
//
// Checked on every step: one leader per term, log matching, leader
// completeness, state-machine safety (every replica applies the same entry
// at an index). At the end: linearizability of the clients' history per
// register, and liveness — once the faults heal, a leader commits and every
// replica converges within a bounded simulated time.
//
// A failed run's report names the seed; `simulate(seed)` replays it exactly.
#pragma once

#include <cstdint>
#include <string>

namespace troupe::testing {

struct sim_report {
  uint64_t seed = 0;
  bool ok = true;
  std::string failure;     ///< the first violated property, with the time
  uint64_t trace_hash = 0; ///< digest of every event, for replay checks
  // figures
  uint64_t events = 0;
  uint64_t elections = 0;      ///< terms that got a leader
  uint64_t committed = 0;      ///< highest commit index reached
  uint64_t ops_ok = 0;         ///< client operations answered
  uint64_t ops_unknown = 0;    ///< writes given up on (outcome unknown)
  uint64_t snapshots = 0;      ///< snapshots installed from a leader
  uint64_t crashes = 0;
  uint64_t config_changes = 0;
  uint64_t transfers = 0;
};

/// Runs one seeded simulation.
sim_report simulate(uint64_t seed);

} // namespace troupe::testing
