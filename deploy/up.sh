#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running node: installs the
# dependencies, builds, and runs troupe-node in the foreground (Ctrl-C stops
# it cleanly). Arguments go to troupe-node, e.g. deploy/up.sh --durability os
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/deploy/install-deps.sh"
"$root/deploy/build.sh"
exec "$root/build/bin/troupe-node" "$@"
