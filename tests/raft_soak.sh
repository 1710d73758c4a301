#!/usr/bin/env bash
# Runs the Raft simulator over fresh seeds for a while (CI runs a fixed
# 2000 through CTest): tests/raft_soak.sh [MINUTES] [BUILD_DIR].
# Each batch starts at a random base; a failure prints its seed, and
# `TROUPE_TEST_SEED=N TROUPE_RAFT_TRACE=1 BUILD_DIR/tests/troupe_raft_sim
# --run_test=raft_sim` replays it step by step.
set -euo pipefail
minutes="${1:-10}"
build="${2:-$(dirname "${BASH_SOURCE[0]}")/../build}"
sim="$build/tests/troupe_raft_sim"
[[ -x "$sim" ]] || { echo "no $sim: build first (deploy/build.sh)" >&2; exit 2; }
deadline=$(( $(date +%s) + minutes * 60 ))
batches=0
while (( $(date +%s) < deadline )); do
  base=$(( (RANDOM << 30 | RANDOM << 15 | RANDOM) + 1000000 ))
  if ! TROUPE_RAFT_SEEDS=1000 TROUPE_RAFT_SEED_BASE=$base "$sim" --run_test=raft_sim/every_seed_keeps_safety_and_liveness; then
    echo "raft soak: a seed from base $base failed (see above)" >&2
    exit 1
  fi
  batches=$((batches + 1))
done
echo "raft soak: $((batches * 1000)) seeds, no failure"
