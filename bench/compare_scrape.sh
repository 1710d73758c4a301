#!/usr/bin/env bash
# What Prometheus scraping costs: the state benchmark against one node with
# /metrics scraped every second and without, alternating in the same run.
#
#   bench/compare_scrape.sh [--seconds 5] [--rounds 2] [--connections 32] [--interval 1]
#
# Each round runs set then get unscraped, then again with a scraper fetching
# /metrics every --interval seconds (a Prometheus server's default is 15 s;
# 1 s is the issue's bar). Prints each run's RESULT line, the scrape's size
# and time, and the scraped/unscraped throughput ratio over all rounds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
seconds=5 rounds=2 connections=32 interval=1
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source "$root/bench/lib.sh"

start_troupe_doors os workers --admin-listen 127.0.0.1:0

scrape() {  # one GET /metrics over bash's /dev/tcp (no process started per scrape)
  exec {s}<>"/dev/tcp/127.0.0.1/$admin_port"
  printf 'GET /metrics HTTP/1.1\r\nHost: troupe\r\n\r\n' >&$s
  cat <&$s
  exec {s}>&-
}

scraper() {  # every $interval s until killed
  while :; do
    scrape >/dev/null
    sleep "$interval"
  done
}

run() {  # $1 = op, $2 = scraped|unscraped
  local scraper_pid=
  if [ "$2" = scraped ]; then
    scraper &
    scraper_pid=$!
  fi
  "$bin/state_load" --target troupe --port "$troupe_port" --op "$1" --connections "$connections" \
    --inflight 1 --keys 100000 --seconds "$seconds"
  if [ -n "$scraper_pid" ]; then kill "$scraper_pid"; wait "$scraper_pid" 2>/dev/null || true; fi
}

echo "workload: $connections connections x 1 in flight, 100-byte values, ${seconds}s per run, /metrics every ${interval}s when scraped"
declare -A total
for round in $(seq 1 "$rounds"); do
  for op in set get; do
    for mode in unscraped scraped; do
      line=$(run "$op" "$mode")
      echo "$line mode=$mode round=$round"
      total[$op-$mode]=$(( ${total[$op-$mode]:-0} + $(field ops_per_sec "$line" | cut -d. -f1) ))
    done
  done
done
# The node's own CPU per scrape, idle, over 200 scrapes: the bound on what
# one scrape a second can take from 2 cores' worth of requests.
size=$(scrape | wc -c)
c0=$(cpu_us "$troupe_pid"); t0=$(date +%s%N)
for _ in $(seq 1 200); do scrape >/dev/null; done
t1=$(date +%s%N); c1=$(cpu_us "$troupe_pid")
scrape_cpu_us=$(( (c1 - c0) / 200 ))
echo "RESULT scrape bytes=$size wall_ms=$(python3 -c "print(f'{($t1 - $t0) / 200e6:.2f}')") node_cpu_us=$scrape_cpu_us share_of_2_cores_at_1_per_s=$(python3 -c "print(f'{$scrape_cpu_us / 2e6 * 100 / $interval:.3f}%')")"
for op in set get; do
  echo "RATIO op=$op scraped/unscraped throughput=$(ratio "${total[$op-scraped]}" "${total[$op-unscraped]}")x"
done
