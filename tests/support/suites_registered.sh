#!/usr/bin/env bash
# Fails when a Boost.Test binary has a top-level suite that is not in the
# list CTest runs (tests/CMakeLists.txt), or the list names one it lacks.
#   suites_registered.sh BINARY SUITE...
set -euo pipefail
binary=$1; shift
actual=$("$binary" --list_content 2>&1 | sed -n 's/^\([A-Za-z0-9_]*\)\*\{0,1\}$/\1/p' | sort)
registered=$(printf '%s\n' "$@" | sort)
if [ "$actual" != "$registered" ]; then
  echo "suites of $(basename "$binary") and those tests/CMakeLists.txt registers differ:" >&2
  diff <(echo "$registered") <(echo "$actual") >&2 || true
  exit 1
fi
