#!/usr/bin/env bash
# Events: emit -> deliver -> ack, Troupe (durability fsync) vs RabbitMQ
# (durable queue, persistent messages, publisher confirms, manual acks) vs
# BullMQ on Redis (appendfsync everysec), same workload, same run.
#
#   bench/compare_events.sh [--seconds 5] [--consumers 2] [--inflight 32] [--concurrency 32]
#
# Each system runs twice: flat out (peak throughput), then at half its own
# peak rate (delivery latency p50/p99). Needs deploy/install-deps.sh (redis,
# rabbitmq-server, librabbitmq-dev, node) and npm for BullMQ.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
seconds=5 consumers=2 inflight=32 concurrency=32
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --consumers) consumers=$2; shift 2 ;;
    --inflight) inflight=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source "$root/bench/lib.sh"
common=(--consumers "$consumers" --inflight "$inflight" --concurrency "$concurrency" --seconds "$seconds")

[ -d "$root/bench/bullmq/node_modules" ] || npm install --prefix "$root/bench/bullmq" --no-audit --no-fund >/dev/null

run() {  # name command... ; prints the peak run, then the half-rate run
  local name=$1; shift
  peak_then_half "$name" "$@" "${common[@]}"
}

echo "workload: $consumers consumers x $concurrency credit, $inflight emits in flight, ${seconds}s per run"
start_troupe fsync workers
run troupe "$bin/events_load" --port "$troupe_port" --topic "bench.$$"
start_rabbitmq
run rabbit "$bin/rabbitmq_load" --port "$rabbit_port" --queue "bench.$$"
start_redis
run bullmq node "$root/bench/bullmq/bench.mjs" --port "$redis_port"

echo "RATIO events throughput troupe/rabbitmq=$(ratio "$troupe_peak" "$rabbit_peak")x (target >= 3)" \
     "troupe/bullmq=$(ratio "$troupe_peak" "$bullmq_peak")x (target >= 5)"
echo "LATENCY events p99 at half peak: troupe=${troupe_p99}us rabbitmq=${rabbit_p99}us bullmq=${bullmq_p99}us (target: troupe < 5000us)"
