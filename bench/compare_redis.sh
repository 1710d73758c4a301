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

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_redis() {  # sets redis_port
  redis_port=$(free_port)
  mkdir -p "$work/redis"
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --appendonly yes \
    --appendfsync everysec --save "" --daemonize no --logfile "$work/redis.log" >/dev/null 2>&1 &
  pids+=($!)
  # Wait for the server to answer (bounded).
  for _ in $(seq 1 200); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "redis-server did not start" >&2
  exit 1
}

start_troupe() {  # $1 = durability, $2 = placement; sets troupe_port, troupe_pid
  local name="troupe-$1-$2"
  local fifo="$work/$name.out"
  mkfifo "$fifo"
  "$bin/troupe-node" --listen 127.0.0.1:0 --data-dir "$work/$name" --durability "$1" \
    --placement "$2" --log-level warn >"$fifo" 2>"$work/$name.log" &
  troupe_pid=$!
  pids+=($troupe_pid)
  local line; read -r line <"$fifo"
  troupe_port=${line##*:}
}

load() {  # target port op
  "$bin/state_load" --target "$1" --port "$2" --op "$3" --connections "$connections" \
    --inflight "$inflight" --value-bytes "$value_bytes" --keys "$keys" --seconds "$seconds"
}

field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }

ratio() { python3 -c "print(f'{$1/$2:.2f}' if $2 else 'n/a')"; }

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
