#!/usr/bin/env bash
# Configures and builds Troupe into ./build (Ninja). Extra arguments go to
# CMake, e.g. deploy/build.sh -DCMAKE_BUILD_TYPE=Release.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cmake -S "$root" -B "$root/build" -G Ninja "$@" >/dev/null
cmake --build "$root/build" -j "$(nproc)"
