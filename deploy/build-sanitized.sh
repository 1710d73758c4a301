#!/usr/bin/env bash
# Configures and builds Troupe with clang, AddressSanitizer, UBSan and
# libFuzzer's coverage into ./build-asan (Ninja): the tree of the sanitized
# test run (tests/sanitized.sh) and of the fuzzers (fuzz/run.sh), which share
# it so each library is compiled once. Arguments are the targets to build
# (default: all). -O1 with line tables only: a third of the build time of
# -O2 -g, with stack traces that still name the lines.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-asan"
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DTROUPE_FUZZ=ON \
  -DTROUPE_BUILD_TESTS=ON -DTROUPE_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" >/dev/null
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build" -j "$(nproc)" "${targets[@]}"
