#!/usr/bin/env bash
# Side-by-side state get/set: Troupe vs Redis, same load generator, same run.
#
#   bench/compare_redis.sh [--seconds 5] [--connections 64] [--inflight 1] [--value-bytes 100]
#
# Starts its own redis-server (appendonly yes, appendfsync everysec) and
# troupe-node (durability os and fsync, partition actors on the worker pool
# and on the I/O thread) on free loopback ports in a temp directory, runs set
# (which fills the key space) then get against each, and
# prints ops/s, p50/p99/p999 and the Troupe/Redis ratios. Needs a build
# (deploy/build.sh) and redis-server (deploy/install-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
seconds=5 connections=64 inflight=1 value_bytes=100 keys=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --inflight) inflight=$2; shift 2 ;;
    --value-bytes) value_bytes=$2; shift 2 ;;
    --keys) keys=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source "$root/bench/lib.sh"

load() {  # target port op
  "$bin/state_load" --target "$1" --port "$2" --op "$3" --connections "$connections" \
    --inflight "$inflight" --value-bytes "$value_bytes" --keys "$keys" --seconds "$seconds"
}

echo "workload: $connections connections x $inflight in flight, ${value_bytes}-byte values, $keys keys, ${seconds}s per run"
start_redis
declare -A redis
for op in set get; do
  redis[$op]=$(load redis "$redis_port" "$op")
  echo "${redis[$op]}"
done

for config in "os workers" "os io" "fsync workers" "fsync io"; do
  read -r durability placement <<<"$config"
  start_troupe "$durability" "$placement"
  for op in set get; do
    t=$(load troupe "$troupe_port" "$op")
    echo "$t durability=$durability placement=$placement"
    r=${redis[$op]}
    echo "RATIO op=$op durability=$durability placement=$placement throughput=$(ratio "$(field ops_per_sec "$t")" "$(field ops_per_sec "$r")")x" \
         "p99=$(ratio "$(field p99_us "$t")" "$(field p99_us "$r")")x (troupe/redis; target: throughput >= 1.0, p99 <= 2.0)"
  done
  kill "$troupe_pid"; wait "$troupe_pid" 2>/dev/null || true
done
