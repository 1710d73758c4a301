#!/usr/bin/env bash
# AMQP 0-9-1: publish (confirmed) -> consume -> ack, troupe-node's AMQP door
# vs rabbitmq-server, the same client (bench/rabbitmq_load, librabbitmq) and
# workload in the same run: a durable queue, persistent messages, publisher
# confirms, manual acks, prefetch = concurrency.
#
#   bench/compare_amqp.sh [--seconds 5] [--consumers 2] [--inflight 32]
#                         [--concurrency 32] [--durability fsync]
#
# Each broker runs twice: flat out (peak throughput), then at half its own
# peak rate (delivery latency p50/p99). Troupe's --durability defaults to
# fsync, RabbitMQ's own rule for a confirmed persistent message (on disk
# before the confirm). Needs deploy/install-deps.sh (rabbitmq-server,
# librabbitmq-dev) and a build with -DTROUPE_BUILD_BENCH=ON.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
seconds=5 consumers=2 inflight=32 concurrency=32 durability=fsync
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --consumers) consumers=$2; shift 2 ;;
    --inflight) inflight=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --durability) durability=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
source "$root/bench/lib.sh"
common=(--consumers "$consumers" --inflight "$inflight" --concurrency "$concurrency" --seconds "$seconds")

run() {  # name port; prints the peak run, then the half-rate run
  peak_then_half "$1" "$bin/rabbitmq_load" --port "$2" --queue "bench.$$" --target "$1" "${common[@]}"
}

echo "workload: $consumers consumers x $concurrency prefetch, $inflight unconfirmed publishes, ${seconds}s per run, troupe --durability $durability"
start_troupe_doors "$durability" workers --amqp-listen 127.0.0.1:0
run troupe "$amqp_port"
start_rabbitmq
run rabbitmq "$rabbit_port"

echo "RATIO amqp publish->consume->ack troupe/rabbitmq=$(ratio "$troupe_peak" "$rabbitmq_peak")x (target >= 2)"
echo "LATENCY amqp delivery at half peak: troupe p50=${troupe_p50}us p99=${troupe_p99}us, rabbitmq p50=${rabbitmq_p50}us p99=${rabbitmq_p99}us"
