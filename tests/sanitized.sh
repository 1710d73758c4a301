#!/usr/bin/env bash
# Builds the node, the CLI and the unit and integration suites with
# AddressSanitizer and UndefinedBehaviorSanitizer into ./build-asan and runs
# them with CTest (the seeded Raft simulation excepted: it runs pure code
# that the unit suite already covers, and takes minutes under ASan).
#
#   tests/sanitized.sh            what CI runs
#   tests/sanitized.sh -R state   CTest arguments pass through
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-asan"
cmake -S "$root" -B "$build" -G Ninja -DTROUPE_SANITIZE=ON -DTROUPE_BUILD_TESTS=ON \
  -DTROUPE_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$(nproc)"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$root/fuzz/ubsan.supp"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
cd "$build"
ctest --output-on-failure -j 2 --timeout 900 -E '^sim\.raft_sim$' "$@"
