#!/usr/bin/env bash
# Troupe's RESP front door vs redis-server, same tool, same run:
# redis-benchmark -t set,get,hset,incr with 50 clients, without pipelining
# (-P 1) and with 16 commands in flight per client (-P 16); then EVALSHA of
# a get-and-set script (HGET the old value, HSET the new one: the script a
# Motia 1.x engine sends for every state and stream write) the same ways.
#
#   bench/compare_resp.sh [--requests 200000] [--durability os] [--placement workers|io]
#                         [--tests set,get,hset,incr] [--no-eval] [--streams]
#
# --tests takes redis-benchmark's test names: lpush,lpop,sadd,zadd,zpopmin
# measure the collections (redis-benchmark sends LPOP, SPOP and ZPOPMIN to
# one key, so those measure one partition); none runs none of them. --streams adds XADD (to 100,000
# streams, MAXLEN ~ 1000) and XRANGE of up to 10 entries.
#
# redis-server runs with appendonly yes, appendfsync everysec; troupe-node
# with --durability os (WAL written, not synced: the same promise). Prints
# requests/s, p99 and each server's CPU time per request (from /proc) per
# test, and the Troupe/Redis ratios. Needs a build
# (deploy/build.sh) and redis-tools (deploy/install-deps.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
requests=200000 durability=os placement=workers tests=set,get,hset,incr eval=1 streams=0
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --durability) durability=$2; shift 2 ;;
    --placement) placement=$2; shift 2 ;;
    --tests) tests=$2; shift 2 ;;
    --no-eval) eval=0; shift ;;
    --streams) streams=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source "$root/bench/lib.sh"

# Runs "$@" (one load) against the server with pid $1 and appends its CPU
# time divided by the requests to each "TEST rps p99" line it prints.
with_cpu() {  # pid command...
  local pid=$1 before after
  shift
  before=$(cpu_us "$pid")
  local out; out=$("$@")
  after=$(cpu_us "$pid")
  awk -v us=$((after - before)) -v n="$requests" '{ printf "%s %s %s %.1f\n", $1, $2, $3, us / n }' <<<"$out"
}

# One redis-benchmark run per test; prints "TEST rps p99" lines.
bench() {  # pid port pipeline
  local t
  for t in ${tests//,/ }; do
    with_cpu "$1" bench_test "$2" "$3" "$t"
  done
}

bench_test() {  # port pipeline test
  bench_command "$1" "$2" "${3^^}" -d 100 -t "$3"
}

# The get-and-set script: KEYS[1] a hash, ARGV[1] a field, ARGV[2] a value.
get_and_set="local old = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return old"

# One redis-benchmark run of a command (random values in __rand_int__);
# prints "NAME rps p99".
bench_command() {  # port pipeline name command...
  local port=$1 pipeline=$2 name=$3
  shift 3
  redis-benchmark -h 127.0.0.1 -p "$port" -c 50 -n "$requests" -P "$pipeline" -r 100000 --csv \
    "$@" 2>/dev/null |
    python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
d = dict(zip(rows[0], rows[1]))
print(sys.argv[1], d["rps"], d.get("p99_latency_ms", "n/a"))' "$name"
}

# EVALSHA of get_and_set; prints "EVALSHA rps p99 cpu".
bench_eval() {  # pid port pipeline
  local sha
  sha=$(redis-cli -h 127.0.0.1 -p "$2" SCRIPT LOAD "$get_and_set")
  with_cpu "$1" bench_command "$2" "$3" EVALSHA EVALSHA "$sha" 1 "state:{scope:__rand_int__}" \
    "field:__rand_int__" "{\"value\":\"__rand_int__\"}"
}

# XADD and XRANGE; prints "XADD rps p99 cpu" and "XRANGE rps p99 cpu".
bench_streams() {  # pid port pipeline
  with_cpu "$1" bench_command "$2" "$3" XADD XADD "stream:__rand_int__" MAXLEN "~" 1000 "*" field "__rand_int__"
  with_cpu "$1" bench_command "$2" "$3" XRANGE XRANGE "stream:__rand_int__" - + COUNT 10
}

# Everything asked for against one server (pid, port).
bench_all() {  # pid port pipeline
  [ "$tests" = none ] || bench "$1" "$2" "$3"
  [ "$eval" = 0 ] || bench_eval "$1" "$2" "$3"
  [ "$streams" = 0 ] || bench_streams "$1" "$2" "$3"
}

start_redis
start_troupe_doors "$durability" "$placement" --resp-listen 127.0.0.1:0
echo "redis-benchmark: 50 clients, $requests requests, 100-byte values, 100,000 keys; Troupe durability $durability placement $placement, Redis appendfsync everysec"
echo "cpu: the server's CPU time (user + system, from /proc) per request, in µs"
printf '%-7s %-4s %12s %12s %8s %10s %10s %8s %9s %9s %6s\n' test P redis_rps troupe_rps ratio \
  redis_p99 troupe_p99 p99x redis_cpu troupe_cpu cpux
for p in 1 16; do
  redis_out=$(bench_all "$redis_pid" "$redis_port" "$p")
  troupe_out=$(bench_all "$troupe_pid" "$resp_port" "$p")
  while read -r test rrps rp99 rcpu; do
    read -r _ trps tp99 tcpu < <(grep "^$test " <<<"$troupe_out")
    printf '%-7s %-4s %12.0f %12.0f %8s %10s %10s %8s %9s %9s %6s\n' "$test" "$p" "$rrps" "$trps" \
      "$(ratio "$trps" "$rrps")" "$rp99" "$tp99" "$(ratio "$tp99" "$rp99")" "$rcpu" "$tcpu" \
      "$(ratio "$tcpu" "$rcpu")"
  done <<<"$redis_out"
done
