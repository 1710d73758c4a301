#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a full test run: installs the
# dependencies, builds, runs every unit and integration test with CTest and
# units of Redis's own test suite against the RESP door, then the Motia
# adapters' tests (node's test runner) against a real troupe-node,
# then the example Motia app's scale-out check, with and without a killed
# instance, and on a three-node cluster.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/deploy/install-deps.sh"
# Tests and benchmarks on explicitly: a build/ configured by deploy/up.sh has
# them off in its cache.
"$root/deploy/build.sh" -DTROUPE_BUILD_TESTS=ON -DTROUPE_BUILD_BENCH=ON
cd "$root/build"
ctest --output-on-failure -j 2 --timeout 600
# Redis 7.0.15's own test suite against the RESP door: the units it runs to
# their end, each at 95 % of its tests or better (tests/redis-suite/README.md).
"$root/tests/redis-suite/run.sh" --server troupe --min-pass-rate 95 \
  --units "type/string type/incr type/set type/zset type/stream type/list type/hash expire keyspace scan info-command bitops bitfield multi pubsub type/stream-cgroups scripting" \
  --runtest-args --ignore-encoding
# The container's entrypoint, run as a plain process (one node, OS-chosen port).
"$root/deploy/test-entrypoint.sh" "$root/build/bin"
# The suites again under AddressSanitizer and UBSan, then every libFuzzer
# target for 30 s (clang; one sanitized tree for both).
"$root/tests/sanitized.sh"
"$root/fuzz/run.sh" 30
cd "$root/adapters/motia"
npm ci --no-audit --no-fund --loglevel=error
TROUPE_NODE_BIN="$root/build/bin/troupe-node" npm test
# The AMQP door against a private rabbitmq-server: the same scenarios (amqplib),
# transcripts compared.
cd "$root/tests/amqp"
npm ci --no-audit --no-fund --loglevel=error
TROUPE_NODE_BIN="$root/build/bin/troupe-node" npm test
cd "$root/examples/motia-app"
REDISMS_DISABLE_POSTINSTALL=1 npm ci --no-audit --no-fund --loglevel=error
TROUPE_NODE_BIN="$root/build/bin/troupe-node" node scale-out.mjs
TROUPE_NODE_BIN="$root/build/bin/troupe-node" node scale-out.mjs --kill
TROUPE_NODE_BIN="$root/build/bin/troupe-node" node scale-out.mjs --cluster
