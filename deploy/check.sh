#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a full test run: installs the
# dependencies, builds, and runs every unit and integration test with CTest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/deploy/install-deps.sh"
"$root/deploy/build.sh"
cd "$root/build"
ctest --output-on-failure -j 2 --timeout 600
