#!/usr/bin/env bash
# Builds the node, the CLI and the unit and integration suites with
# AddressSanitizer and UndefinedBehaviorSanitizer into ./build-asan
# (deploy/build-sanitized.sh) and runs them with CTest (the seeded Raft
# simulation excepted: it runs pure code that the unit suite covers too, and
# takes minutes under ASan; and the chaos test, whose kills, freezes and
# cuts the cluster suite's sanitized kill and restart tests already cover;
# and the packages: the client's example is a plain build of its own, the
# .deb strips the binaries). A suite that
# fails is run once more and its
# first failure stays in the output: a finding that does not repeat is still
# reported, without failing the run on a slow machine's timing.
#
#   tests/sanitized.sh            what CI runs
#   tests/sanitized.sh -R state   CTest arguments pass through
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/deploy/build-sanitized.sh" troupe_unit_tests troupe_raft_sim troupe_integration_tests \
  troupe-node troupe
# shellcheck source=../deploy/sanitizer-env.sh
. "$root/deploy/sanitizer-env.sh"
cd "$root/build-asan"
ctest --output-on-failure -j 2 --timeout 900 --repeat until-pass:2 -E '^(sim\.raft_sim|integration\.chaos|package\..*)$' "$@"
