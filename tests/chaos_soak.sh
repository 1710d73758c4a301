#!/usr/bin/env bash
# Runs the chaos test (three replicated nodes under kill -9, SIGSTOP and
# network cuts; CI runs one 30-round pass through CTest) over fresh seeds
# for a while: tests/chaos_soak.sh [MINUTES] [ROUNDS_PER_RUN] [BUILD_DIR].
# A failure prints its seed; TROUPE_CHAOS_SEED=N TROUPE_CHAOS_ROUNDS=R
# BUILD_DIR/tests/troupe_integration_tests --run_test=chaos replays it.
set -euo pipefail
minutes="${1:-30}"
rounds="${2:-60}"
build="${3:-$(dirname "${BASH_SOURCE[0]}")/../build}"
bin="$build/tests/troupe_integration_tests"
[[ -x "$bin" ]] || { echo "no $bin: build first (deploy/build.sh)" >&2; exit 2; }
deadline=$(( $(date +%s) + minutes * 60 ))
runs=0
while (( $(date +%s) < deadline )); do
  if ! TROUPE_CHAOS_ROUNDS=$rounds "$bin" --run_test=chaos --log_level=message; then
    echo "chaos soak: run $((runs + 1)) failed (its seed is above)" >&2
    exit 1
  fi
  runs=$((runs + 1))
done
echo "chaos soak: $runs runs of $rounds rounds, no failure"
