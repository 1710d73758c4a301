#!/usr/bin/env bash
# Troupe's RESP front door vs redis-server, same tool, same run:
# redis-benchmark -t set,get,hset,incr with 50 clients, without pipelining
# (-P 1) and with 16 commands in flight per client (-P 16); then EVALSHA of
# a get-and-set script (HGET the old value, HSET the new one: the script a
# Motia 1.x engine sends for every state and stream write) the same ways.
#
#   bench/compare_resp.sh [--requests 200000] [--durability os] [--placement workers|io]
#                         [--tests set,get,hset,incr] [--no-eval]
#
# --tests takes redis-benchmark's test names: lpush,lpop,sadd,zadd,zpopmin
# measure the collections (redis-benchmark sends LPOP, SPOP and ZPOPMIN to
# one key, so those measure one partition).
#
# redis-server runs with appendonly yes, appendfsync everysec; troupe-node
# with --durability os (WAL written, not synced: the same promise). Prints
# requests/s and p99 per test and the Troupe/Redis ratios. Needs a build
# (deploy/build.sh) and redis-tools (deploy/install-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
requests=200000 durability=os placement=workers tests=set,get,hset,incr eval=1
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --durability) durability=$2; shift 2 ;;
    --placement) placement=$2; shift 2 ;;
    --tests) tests=$2; shift 2 ;;
    --no-eval) eval=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source "$root/bench/lib.sh"

# One redis-benchmark run; prints "TEST rps p99" lines.
bench() {  # port pipeline
  redis-benchmark -h 127.0.0.1 -p "$1" -c 50 -n "$requests" -P "$2" -r 100000 -d 100 \
    -t "$tests" --csv 2>/dev/null |
    python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
head = rows[0]
for r in rows[1:]:
    d = dict(zip(head, r))
    print(d["test"].split()[0], d["rps"], d.get("p99_latency_ms", "n/a"))'
}

# The get-and-set script: KEYS[1] a hash, ARGV[1] a field, ARGV[2] a value.
get_and_set="local old = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return old"

# EVALSHA of get_and_set; prints "EVALSHA rps p99".
bench_eval() {  # port pipeline
  local sha
  sha=$(redis-cli -h 127.0.0.1 -p "$1" SCRIPT LOAD "$get_and_set")
  redis-benchmark -h 127.0.0.1 -p "$1" -c 50 -n "$requests" -P "$2" -r 100000 --csv \
    EVALSHA "$sha" 1 "state:{scope:__rand_int__}" "field:__rand_int__" \
    "{\"value\":\"__rand_int__\"}" 2>/dev/null |
    python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
d = dict(zip(rows[0], rows[1]))
print("EVALSHA", d["rps"], d.get("p99_latency_ms", "n/a"))'
}

start_redis
start_troupe_doors "$durability" "$placement" --resp-listen 127.0.0.1:0
echo "redis-benchmark: 50 clients, $requests requests, 100-byte values, 100,000 keys; Troupe durability $durability placement $placement, Redis appendfsync everysec"
printf '%-7s %-4s %12s %12s %8s %10s %10s %8s\n' test P redis_rps troupe_rps ratio redis_p99 troupe_p99 p99x
for p in 1 16; do
  redis_out=$(bench "$redis_port" "$p"; [ "$eval" = 0 ] || bench_eval "$redis_port" "$p")
  troupe_out=$(bench "$resp_port" "$p"; [ "$eval" = 0 ] || bench_eval "$resp_port" "$p")
  while read -r test rrps rp99; do
    read -r _ trps tp99 < <(grep "^$test " <<<"$troupe_out")
    printf '%-7s %-4s %12.0f %12.0f %8s %10s %10s %8s\n' "$test" "$p" "$rrps" "$trps" \
      "$(ratio "$trps" "$rrps")" "$rp99" "$tp99" "$(ratio "$tp99" "$rp99")"
  done <<<"$redis_out"
done
