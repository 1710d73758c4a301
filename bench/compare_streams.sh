#!/usr/bin/env bash
# Stream set with many subscribers on the group: Troupe vs Redis (HSET +
# PUBLISH, what Motia's Redis streams adapter does), same load generator,
# same run.
#
#   bench/compare_streams.sh [--seconds 5] [--subscribers 100] [--writers 4]
#
# Prints sets/s, events/s, set -> event latency p50/p99 and the ratios.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
seconds=5 subscribers=100 writers=4
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --subscribers) subscribers=$2; shift 2 ;;
    --writers) writers=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source "$root/bench/lib.sh"

fanout() {  # target port
  "$bin/stream_fanout" --target "$1" --port "$2" --subscribers "$subscribers" \
    --writers "$writers" --seconds "$seconds"
}

echo "workload: $subscribers subscribers on one group, $writers writers x 1 in flight, ${seconds}s per run"
start_redis
r=$(fanout redis "$redis_port")
echo "$r"
for config in "os workers" "os io" "fsync io"; do
  read -r durability placement <<<"$config"
  start_troupe "$durability" "$placement"
  t=$(fanout troupe "$troupe_port")
  echo "$t durability=$durability placement=$placement"
  echo "RATIO streams durability=$durability placement=$placement" \
       "sets=$(ratio "$(field sets_per_sec "$t")" "$(field sets_per_sec "$r")")x" \
       "event_p99=$(ratio "$(field event_p99_us "$t")" "$(field event_p99_us "$r")")x" \
       "(troupe/redis; target: sets >= 1.0, event p99 <= 2.0)"
  kill "$troupe_pid"; wait "$troupe_pid" 2>/dev/null || true
done
