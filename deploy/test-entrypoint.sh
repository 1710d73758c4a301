#!/usr/bin/env bash
# Runs the container image's entrypoint (deploy/container-entrypoint.sh) as a
# plain process, with the image's environment plus test overrides, against
# the built binaries, and checks that the node answers through the troupe
# CLI. No container runtime needed; waits on the node's printed lines, never
# on sleeps.
#
#   deploy/test-entrypoint.sh [BIN_DIR]          one node, port from the OS
#   deploy/test-entrypoint.sh --cluster [BIN_DIR]
#       also three nodes as deploy/compose.yaml starts them: one seed list,
#       --bootstrap-expect 3, --replication-factor 3, each node on its own
#       address (127.0.0.2-4, the same ports on each, as containers have).
#
# BIN_DIR defaults to build/bin (troupe-node and troupe).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cluster=0
if [ "${1:-}" = --cluster ]; then cluster=1; shift; fi
bin="$(cd "${1:-$root/build/bin}" && pwd)"
entrypoint="$root/deploy/container-entrypoint.sh"
if [ ! -x "$bin/troupe-node" ] || [ ! -x "$bin/troupe" ]; then
  echo "no troupe-node and troupe in $bin" >&2
  exit 1
fi

work="$(mktemp -d)"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  local f
  for f in "$work"/*.err; do
    [ -e "$f" ] && { echo "--- $f" >&2; tail -n 20 "$f" >&2; }
  done
  exit 1
}

# The image's environment (deploy/Dockerfile: PATH holds the binaries,
# TROUPE_DATA_DIR is set), nothing inherited but these.
image_env=(env -i "PATH=$bin:/usr/bin:/bin" "HOME=$work" "TROUPE_DATA_DIR=$work/unused")

# start NAME VAR=VALUE... : runs the entrypoint in the background with the
# image's environment and these variables; opens fd "${NAME}_fd" on its
# stdout. Sets started_pid.
start() {
  local name="$1"
  shift
  mkfifo "$work/$name.out"
  "${image_env[@]}" "$@" "$entrypoint" >"$work/$name.out" 2>"$work/$name.err" &
  started_pid=$!
  pids+=("$started_pid")
}

# wait_ready FD : reads the node's stdout until "troupe-node ready HOST:PORT"
# (60 s at most) and prints HOST:PORT; the admin door's address, when it
# prints one, goes to $work/admin.FD.
wait_ready() {
  local fd="$1" line
  while IFS= read -r -t 60 -u "$fd" line; do
    case "$line" in
      "troupe-node admin "*) printf '%s' "${line#troupe-node admin }" >"$work/admin.$fd" ;;
      "troupe-node ready "*) printf '%s' "${line#troupe-node ready }"; return 0 ;;
    esac
  done
  return 1
}

# stop PID : SIGTERM, which the node itself must get (the entrypoint execs
# it), and a clean exit.
stop() {
  local pid="$1" rc=0
  kill -TERM "$pid"
  wait "$pid" || rc=$?
  [ "$rc" -eq 0 ] || fail "node $pid exited $rc after SIGTERM"
}

echo "== one node through the entrypoint"
start single TROUPE_HOST=127.0.0.1 TROUPE_LISTEN=127.0.0.1:0 TROUPE_ADMIN_LISTEN=127.0.0.1:0 \
  TROUPE_DATA_DIR="$work/single" TROUPE_DURABILITY=os TROUPE_TOKEN=s3cret \
  TROUPE_LOG_LEVEL=warn
pid="$started_pid"
exec 3<"$work/single.out"
addr="$(wait_ready 3)" || fail "the node printed no ready line"
admin="$(cat "$work/admin.3")" || fail "the node printed no admin line"
echo "node ready on $addr, admin door on $admin"
# The entrypoint exec'd the node: the process we started is troupe-node.
[ "$(cat "/proc/$pid/comm")" = troupe-node ] || fail "process $pid is $(cat "/proc/$pid/comm"), not troupe-node"
grep -q -- "--data-dir $work/single" "$work/single.err" || fail "the entrypoint did not pass TROUPE_DATA_DIR as --data-dir"
if grep -q s3cret "/proc/$pid/cmdline"; then fail "the token is on the command line"; fi

cli=("$bin/troupe" --node "$addr" --token s3cret)
"${cli[@]}" ping | grep -q '^PONG' || fail "ping"
"${cli[@]}" state set t1 greeting '"hello"' >/dev/null || fail "state set"
[ "$("${cli[@]}" state get t1 greeting)" = '"hello"' ] || fail "state get"
if "$bin/troupe" --node "$addr" --token wrong ping >/dev/null 2>&1; then fail "a wrong token was accepted"; fi
"${image_env[@]}" TROUPE_ADMIN_LISTEN="$admin" "$entrypoint" healthcheck || fail "healthcheck (/healthz) against a running node"
"${image_env[@]}" TROUPE_ADMIN_LISTEN= TROUPE_LISTEN="$addr" "$entrypoint" healthcheck || fail "healthcheck (client port) against a running node"
stop "$pid"
exec 3<&-
if "${image_env[@]}" TROUPE_ADMIN_LISTEN="$admin" "$entrypoint" healthcheck 2>/dev/null; then
  fail "healthcheck passed against a stopped node"
fi
if "${image_env[@]}" TROUPE_ADMIN_LISTEN= TROUPE_LISTEN="$addr" "$entrypoint" healthcheck 2>/dev/null; then
  fail "healthcheck (client port) passed against a stopped node"
fi
echo "ok: ping, state set/get, token, healthcheck, SIGTERM exit 0"

echo "== a clustered node announcing 0.0.0.0 is refused"
rc=0
"${image_env[@]}" TROUPE_HOST=0.0.0.0 TROUPE_SEEDS=127.0.0.1:1 "$entrypoint" 2>"$work/refused.err" || rc=$?
if [ "$rc" -ne 1 ] || ! grep -q "announces this address" "$work/refused.err"; then
  fail "0.0.0.0 with seeds: rc $rc"
fi
echo "ok"

if [ "$cluster" -eq 1 ]; then
  echo "== three nodes, one seed list, replication factor 3 (as deploy/compose.yaml)"
  seeds=127.0.0.2:7101,127.0.0.3:7101,127.0.0.4:7101
  cpids=()
  for i in 1 2 3; do
    start "n$i" TROUPE_HOST="127.0.0.$((i + 1))" TROUPE_NODE_ID="n$i" \
      TROUPE_DATA_DIR="$work/n$i" TROUPE_SEEDS="$seeds" TROUPE_BOOTSTRAP_EXPECT=3 \
      TROUPE_REPLICATION_FACTOR=3 TROUPE_DURABILITY=os TROUPE_LOG_LEVEL=warn
    cpids+=("$started_pid")
  done
  exec 4<"$work/n1.out" 5<"$work/n2.out" 6<"$work/n3.out"
  a1="$(wait_ready 4)" || fail "n1 printed no ready line"
  a2="$(wait_ready 5)" || fail "n2 printed no ready line"
  a3="$(wait_ready 6)" || fail "n3 printed no ready line"
  echo "ready: $a1 $a2 $a3"
  [ "$a1" = 127.0.0.2:7379 ] || fail "n1 listens on $a1"
  status="$("$bin/troupe" --node "$a2" cluster status)" || fail "cluster status"
  echo "$status"
  for i in 1 2 3; do grep -q "n$i" <<<"$status" || fail "n$i is not a member"; done
  "$bin/troupe" --node "$a1" state set t2 k '{"n":1}' >/dev/null || fail "state set through n1"
  [ "$("$bin/troupe" --node "$a3" state get t2 k)" = '{"n":1}' ] || fail "state get through n3"
  for p in "${cpids[@]}"; do kill -TERM "$p"; done
  for p in "${cpids[@]}"; do
    rc=0
    wait "$p" || rc=$?
    [ "$rc" -eq 0 ] || fail "node $p exited $rc after SIGTERM"
  done
  exec 4<&- 5<&- 6<&-
  echo "ok: three members, a write through n1 read through n3, SIGTERM exit 0"
fi
echo "PASS"
