#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running node: installs what
# building and running need (not the test and benchmark packages), builds
# troupe-node and troupe without the tests and benchmarks, and runs
# troupe-node in the foreground (Ctrl-C stops it cleanly). Arguments go to
# troupe-node, e.g. deploy/up.sh --durability os
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/deploy/install-deps.sh" run build
"$root/deploy/build.sh" -DTROUPE_BUILD_TESTS=OFF -DTROUPE_BUILD_BENCH=OFF
exec "$root/build/bin/troupe-node" "$@"
