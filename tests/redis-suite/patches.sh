#!/usr/bin/env bash
# shellcheck disable=SC2016  # the sed scripts and patterns below are literal Tcl text
# A minimal patch to Redis 7.0.15's test harness (tests/test_helper.tcl)
# for external-server runs. No test body, assertion or tag is changed.
# Usage: patches.sh REDIS_SOURCE_DIR  (idempotent; fails loudly if upstream text differs)
set -euo pipefail
src=${1:?usage: patches.sh REDIS_SOURCE_DIR}
cd "$src"

apply() { # apply FILE DESCRIPTION SED_SCRIPT CHECK_REGEX
  local file=$1 why=$2 script=$3 check=$4
  if grep -q "troupe-suite: $why" "$file"; then return 0; fi
  sed -i -e "$script" "$file"
  if ! grep -q "$check" "$file"; then
    echo "patches.sh: patch '$why' did not apply to $file" >&2
    exit 1
  fi
  echo "patched $file: $why"
}

# 1. The harness's own control socket (test server <-> test client) is taken from a fixed
#    range at --baseport (21111); ask the OS for a free port instead, so that runs never
#    collide with other listeners or with each other.
apply tests/test_helper.tcl os-chosen-control-port \
  '/^    socket -server accept_test_clients  -myaddr 127.0.0.1 \$clientport$/d
s/^    set clientport \[find_available_port \[expr {\$::baseport - 32}\] 32\]$/    set srvsock [socket -server accept_test_clients -myaddr 127.0.0.1 0] ;# troupe-suite: os-chosen-control-port\n    set clientport [lindex [fconfigure $srvsock -sockname] 2]/' \
  'fconfigure $srvsock -sockname'
