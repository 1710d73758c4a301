#!/usr/bin/env bash
# What replication costs, and how long a failover takes, on one machine:
# three nodes with --replication-factor 1 and with 3, in the same run.
#
#   bench/compare_replication.sh [--seconds 5] [--connections 48] [--inflight 1] [--kills 20]
#
# throughput: one state_load per node, each sending only to the partitions
#   that node serves (owns with RF 1, leads with RF 3), set then get; with
#   the nodes' CPU time per 1000 requests. All three nodes share this
#   machine's cores, so RF 3 pays for three copies of every write here.
# failover (RF 3), --kills rounds: kill -9 the leader of one partition, then
#   time until a write to that partition through another node succeeds
#   (p50, p99); the killed node restarts and every partition has a leader
#   again before the next round.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
seconds=5 connections=48 inflight=1 kills=20
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --inflight) inflight=$2; shift 2 ;;
    --kills) kills=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source "$root/bench/lib.sh"

cli() { "$bin/troupe" --node "127.0.0.1:$1" "${@:2}"; }

# Every partition's serving node, one "partition<TAB>node" line each.
serving() { cli "$1" cluster partitions | awk 'NR > 1 { print $1 "\t" $2 }'; }

wait_leaders() {  # $1 = a member's client port: bounded wait until every partition has one
  for _ in $(seq 1 600); do
    local t; t=$(serving "$1" 2>/dev/null || true)
    if [ "$(wc -l <<<"$t")" = 64 ] && ! awk -F'\t' '$2 == "" || $2 == "-" { bad = 1 } END { exit !bad }' <<<"$t"; then
      return 0
    fi
    sleep 0.1
  done
  echo "partitions without a leader" >&2
  exit 1
}

wait_spread() {  # $1 = a member's client port: bounded wait until leaders spread
  # Each partition's leader hands its leadership to the partition's preferred
  # replica after 10 s of service, so that every node leads about a third;
  # measured before that, one node (the founder) would lead them all.
  local want=$(( 64 / 3 - 2 ))
  for _ in $(seq 1 600); do
    if serving "$1" 2>/dev/null | awk -F'\t' -v want="$want" '
         { n[$2]++ } END { k = 0; for (x in n) if (x != "" && x != "-" && n[x] >= want) k++; exit k < 3 }'; then
      return 0
    fi
    sleep 0.1
  done
  echo "leaders did not spread over the three nodes; measuring as they are" >&2
}

declare -A result
run_cluster() {  # $1 = replication factor
  local rf=$1 ids=(r${1}a r${1}b r${1}c)
  ports=() node_pids=() clusters=()
  start_member "${ids[0]}" "" --replication-factor "$rf"
  ports+=("$member_port"); node_pids+=("$member_pid"); clusters+=("$member_cluster")
  for id in "${ids[@]:1}"; do
    start_member "$id" "${clusters[0]}" --replication-factor "$rf"
    ports+=("$member_port"); node_pids+=("$member_pid"); clusters+=("$member_cluster")
  done
  settle_cluster "${ports[0]}" 3
  wait_leaders "${ports[0]}"
  [ "$rf" -gt 1 ] && wait_spread "${ports[0]}"
  local table; table=$(serving "${ports[0]}")
  local per_node=$(( (connections + 2) / 3 ))
  for op in set get; do
    local cpu0; cpu0=$(cpu_us "${node_pids[@]}")
    local loaders=()
    for i in 0 1 2; do
      local own; own=$(awk -v n="${ids[$i]}" '$2 == n { printf "%s%s", sep, $1; sep = "," }' <<<"$table")
      : >"$work/rf$rf-$op-$i"
      [ -z "$own" ] && continue
      "$bin/state_load" --target troupe --port "${ports[$i]}" --op "$op" --connections "$per_node" \
        --inflight "$inflight" --keys 100000 --seconds "$seconds" --only-partitions "$own" \
        >"$work/rf$rf-$op-$i" &
      loaders+=($!)
    done
    [ "${#loaders[@]}" -gt 0 ] || { echo "no node serves any partition" >&2; exit 1; }
    wait "${loaders[@]}" || true
    local cpu1; cpu1=$(cpu_us "${node_pids[@]}")
    local lines; lines=$(cat "$work/rf$rf-$op-"{0,1,2})
    local ops p50 p99 errors
    ops=$(sum_field ops_per_sec <<<"$lines")
    p50=$(max_field p50_us <<<"$lines")
    p99=$(max_field p99_us <<<"$lines")
    errors=$(sum_field errors <<<"$lines")
    local cpu_ms; cpu_ms=$(python3 -c "print(f'{($cpu1 - $cpu0) / max(1, $ops * $seconds):.1f}')")
    result[$rf-$op]="$ops $p50 $p99"
    echo "RESULT target=troupe nodes=3 replication_factor=$rf op=$op ops_per_sec=$ops p50_us=$p50 p99_us=$p99 errors=$errors node_cpu_us_per_op=$cpu_ms"
  done
}


echo "workload: $connections connections x $inflight in flight, 100-byte values, ${seconds}s per run, durability os"
run_cluster 1
for p in "${node_pids[@]}"; do kill "$p"; done
wait "${node_pids[@]}" 2>/dev/null || true
run_cluster 3
for op in set get; do
  read -r o1 _ q1 <<<"${result[1-$op]}"
  read -r o3 _ q3 <<<"${result[3-$op]}"
  echo "RATIO op=$op rf3/rf1 throughput=$(ratio "$o3" "$o1")x p99=$(ratio "$q3" "$q1")x"
done

# Failover: kill -9 a partition's leader, time the first write that succeeds.
ids=(r3a r3b r3c)
times=()
for round in $(seq 1 "$kills"); do
  p=$(( (round * 7) % 64 ))
  trace=$("$bin/state_load" --trace-for-partition "$p")
  leader=$(serving "${ports[0]}" | awk -v p="$p" '$1 == p { print $2 }')
  for i in 0 1 2; do [ "${ids[$i]}" = "$leader" ] && victim=$i; done
  other=$(( (victim + 1) % 3 ))
  kill -9 "${node_pids[$victim]}"
  wait "${node_pids[$victim]}" 2>/dev/null || true
  t0=$(date +%s%N)
  for _ in $(seq 1 1000); do
    cli "${ports[$other]}" state set "$trace" k "$round" >/dev/null 2>&1 && break
    sleep 0.01
  done
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
  # Back over its data, through a live member; wait until all is led again.
  start_member "${ids[$victim]}" "${clusters[$other]}" --replication-factor 3
  ports[$victim]=$member_port; node_pids[$victim]=$member_pid; clusters[$victim]=$member_cluster
  settle_cluster "${ports[$other]}" 3
  wait_leaders "${ports[$other]}"
  wait_leaders "${ports[$victim]}"
done
if (( kills > 0 )); then
python3 - "${times[@]}" <<'PY'
import sys
t = sorted(int(x) for x in sys.argv[1:])
pct = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"RESULT failover kills={len(t)} p50_ms={pct(0.5)} p99_ms={pct(0.99)} max_ms={t[-1]} (kill -9 of the leader -> first successful write to its partition, through another node)")
PY
fi
