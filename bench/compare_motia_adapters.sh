#!/usr/bin/env bash
# Events through Motia's EventAdapter end to end (emit -> handler resolved):
# troupe-motia on troupe-node (durability fsync) vs Motia's own
# @motiadev/adapter-bullmq-events on Redis (appendfsync everysec), same run.
#
#   bench/compare_motia_adapters.sh [--seconds 5] [--inflight 32] [--concurrency 32]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
seconds=5 inflight=32 concurrency=32
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --inflight) inflight=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source "$root/bench/lib.sh"

(cd "$root/adapters/motia" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run build >/dev/null)
(cd "$root/bench/motia-adapters" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
bench=(node "$root/bench/motia-adapters/bench.mjs" --inflight "$inflight" --concurrency "$concurrency" --seconds "$seconds")

echo "workload: one step, $inflight emits in flight, handler concurrency $concurrency, ${seconds}s per run"
start_troupe fsync workers
t=$("${bench[@]}" --target troupe --port "$troupe_port")
echo "$t"
start_redis
b=$("${bench[@]}" --target bullmq --port "$redis_port")
echo "$b"
echo "RATIO motia adapters events/s troupe/bullmq=$(ratio "$(field handled_per_sec "$t")" "$(field handled_per_sec "$b")")x (target >= 5)"
