#!/usr/bin/env bash
# What a cluster costs on one machine: state set/get through one node vs a
# three-node cluster, and a forwarded request vs a direct one. Redis runs in
# the same session as the reference.
#
#   bench/compare_cluster.sh [--seconds 5] [--connections 48] [--inflight 1]
#
# Three nodes on a 2-core machine share those cores, so the three-node
# figures show the cost of routing, not the capacity of three machines.
#   spread:  one load generator per node, every partition (2 of 3 requests
#            are forwarded to their owner over CAF remoting)
#   direct:  one load generator per node, only the partitions that node owns
#            (what a client that routes by the partition table sends)
#   latency: one connection, one request in flight, to node 1: its own
#            partitions (direct) vs node 2's (forwarded)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
seconds=5 connections=48 inflight=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --inflight) inflight=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source "$root/bench/lib.sh"

load() {  # target port op connections inflight [state_load options...]
  "$bin/state_load" --target "$1" --port "$2" --op "$3" --connections "$4" --inflight "$5" \
    --keys 100000 --seconds "$seconds" "${@:6}"
}


echo "workload: $connections connections x $inflight in flight, 100-byte values, ${seconds}s per run"
start_redis
declare -A redis one
for op in set get; do
  redis[$op]=$(load redis "$redis_port" "$op" "$connections" "$inflight")
  echo "${redis[$op]}"
done

start_troupe os workers
for op in set get; do
  one[$op]=$(load troupe "$troupe_port" "$op" "$connections" "$inflight")
  echo "${one[$op]} nodes=1"
done
kill "$troupe_pid"; wait "$troupe_pid" 2>/dev/null || true

start_member n1 ""; ports=("$member_port"); seed=$member_cluster
start_member n2 "$seed"; ports+=("$member_port")
start_member n3 "$seed"; ports+=("$member_port")
settle_cluster "${ports[0]}" 3
table=$("$bin/troupe" --node "127.0.0.1:${ports[0]}" cluster partitions)
owned() { awk -v n="$1" 'NR > 1 && $2 == n { printf "%s%s", sep, $1; sep = "," }' <<<"$table"; }
declare -A own=([0]=$(owned n1) [1]=$(owned n2) [2]=$(owned n3))

per_node=$(( (connections + 2) / 3 ))
for mode in spread direct; do
  for op in set get; do
    loaders=()
    for i in 0 1 2; do
      extra=()
      [ "$mode" = direct ] && extra=(--only-partitions "${own[$i]}")
      load troupe "${ports[$i]}" "$op" "$per_node" "$inflight" "${extra[@]}" >"$work/$mode-$op-$i" &
      loaders+=($!)
    done
    wait "${loaders[@]}" || true
    lines=$(cat "$work/$mode-$op-"{0,1,2})
    ops=$(sum_field ops_per_sec <<<"$lines")
    p99=$(max_field p99_us <<<"$lines")
    p50=$(max_field p50_us <<<"$lines")
    echo "RESULT target=troupe nodes=3 mode=$mode op=$op connections=$((per_node * 3)) ops_per_sec=$ops p50_us=$p50 p99_us=$p99"
    echo "RATIO op=$op nodes=3 mode=$mode throughput=$(ratio "$ops" "$(field ops_per_sec "${one[$op]}")")x of one node," \
         "$(ratio "$ops" "$(field ops_per_sec "${redis[$op]}")")x of redis; p99=$(ratio "$p99" "$(field p99_us "${one[$op]}")")x of one node"
  done
done

# Latency of one request at a time: direct vs forwarded.
for op in set get; do
  d=$(load troupe "${ports[0]}" "$op" 1 1 --only-partitions "${own[0]}")
  f=$(load troupe "${ports[0]}" "$op" 1 1 --only-partitions "${own[1]}")
  echo "$d route=direct"
  echo "$f route=forwarded"
  echo "RATIO op=$op forwarded/direct p50=$(ratio "$(field p50_us "$f")" "$(field p50_us "$d")")x" \
       "p99=$(ratio "$(field p99_us "$f")" "$(field p99_us "$d")")x" \
       "(forwarded p50 $(field p50_us "$f") us, direct p50 $(field p50_us "$d") us)"
done
