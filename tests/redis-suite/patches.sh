#!/usr/bin/env bash
# shellcheck disable=SC2016  # the sed scripts and patterns below are literal Tcl text
# Minimal patches to Redis 7.0.15's test harness (tests/support, tests/test_helper.tcl)
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

# 2. An extra unit, unit/scripting-eval: a copy of unit/scripting with only its EVAL pass.
#    scripting.tcl runs every test twice, first through FUNCTION LOAD/FCALL, then through
#    EVAL; when the first pass stops early (at ACL SETUSER today) no EVAL test runs.
#    unit/scripting itself is unchanged; scripting-eval runs only when asked for.
if [ ! -f tests/unit/scripting-eval.tcl ]; then
  sed -e '1s/^foreach is_eval {0 1} {$/foreach is_eval {1} { ;# troupe-suite: eval pass only/' \
    tests/unit/scripting.tcl >tests/unit/scripting-eval.tcl
  grep -q 'troupe-suite: eval pass only' tests/unit/scripting-eval.tcl \
    || { echo "patches.sh: could not derive tests/unit/scripting-eval.tcl" >&2; rm -f tests/unit/scripting-eval.tcl; exit 1; }
  echo "created tests/unit/scripting-eval.tcl: the EVAL pass of unit/scripting"
fi
