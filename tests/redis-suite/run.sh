#!/usr/bin/env bash
# Runs units of Redis 7.0.15's own Tcl test suite against a RESP server in
# external mode and reports per-unit results. See README.md beside this file.
#
#   run.sh --server redis            private redis-server (the reference)
#   run.sh --server troupe           private troupe-node with its RESP door
#   run.sh --both                    redis, then troupe, then a side-by-side table
#   run.sh --host H --port P         a server that is already running
#
# Options: --units "type/list expire"  --tags "-needs:debug ..."  --durable
#          --unit-timeout SEC  --timeout SEC  --min-pass-rate PCT  --label NAME
#          --runtest-args "..."  -h|--help
# Env: REDIS_SUITE_DIR (suite cache, default build/redis-suite-src),
#      REDIS_SUITE_OUT (results, default build/redis-suite-results),
#      TROUPE_NODE_BIN (default build/bin/troupe-node), TROUPE_NODE_ARGS (extra flags).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
suite_cache=${REDIS_SUITE_DIR:-$root/build/redis-suite-src}
out=${REDIS_SUITE_OUT:-$root/build/redis-suite-results}
redis_version=7.0.15
suite="$suite_cache/redis-$redis_version"

default_units="type/string type/incr type/hash type/list type/set type/zset type/stream type/stream-cgroups expire keyspace scan pubsub multi info-command scripting"
units=$default_units
# Tests that need server internals no RESP door is expected to offer: DEBUG/OBJECT,
# replication (SYNC), RDB snapshots and memory limits. Same spirit as upstream's external "nodebug" job.
tags="-needs:debug -needs:repl -needs:save -needs:config-maxmemory"
mode=""
ext_host="" ext_port=""
durable=0
unit_timeout=600     # wall-clock limit per unit (coreutils timeout)
harness_timeout=120  # runtest --timeout: seconds without progress before the harness gives up
min_pass_rate=""
label=""
runtest_extra=""

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case $1 in
    --server) mode=$2; shift 2 ;;
    --both) mode=both; shift ;;
    --host) ext_host=$2; mode=external; shift 2 ;;
    --port) ext_port=$2; shift 2 ;;
    --units) units=$2; shift 2 ;;
    --tags) tags=$2; shift 2 ;;
    --durable) durable=1; shift ;;
    --unit-timeout) unit_timeout=$2; shift 2 ;;
    --timeout) harness_timeout=$2; shift 2 ;;
    --min-pass-rate) min_pass_rate=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --runtest-args) runtest_extra=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
case $mode in
  redis|troupe|both) ;;
  external) [ -n "$ext_port" ] || { echo "run.sh: --host needs --port" >&2; exit 2; } ;;
  *) echo "run.sh: choose --server redis|troupe, --both, or --host H --port P" >&2; exit 2 ;;
esac

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
log() { echo "run.sh: $*" >&2; }

free_port() {
  python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'
}

# One RESP PING over bash's /dev/tcp; true when the server answers +PONG.
resp_ping() {
  local reply=""
  { exec 3<>"/dev/tcp/$1/$2"; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  IFS= read -r -t 2 reply <&3 || true
  exec 3>&- 3<&- || true
  [[ $reply == +PONG* ]]
}

# ---------------------------------------------------------------- the suite
ensure_tclsh() {
  if ! command -v tclsh8.6 >/dev/null && ! command -v tclsh8.5 >/dev/null \
      && ! command -v tclsh8.7 >/dev/null; then
    log "installing tcl"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tcl >/dev/null
  fi
}

fetch_suite() {
  if [ -f "$suite/tests/test_helper.tcl" ]; then return 0; fi
  mkdir -p "$suite_cache"
  local orig="$suite_cache/redis_$redis_version.orig.tar.gz"
  if [ ! -f "$orig" ]; then
    if ! apt-cache showsrc redis 2>/dev/null | grep -q "^Version: .*:$redis_version-"; then
      if [ ! -f /etc/apt/sources.list.d/troupe-src.sources ]; then
        log "adding a deb-src entry for bookworm"
        printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm' \
          'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' \
          | as_root tee /etc/apt/sources.list.d/troupe-src.sources >/dev/null
      fi
      as_root apt-get update -qq
    fi
    log "downloading Debian's redis source package into $suite_cache"
    (cd "$suite_cache" && apt-get source --download-only redis >/dev/null 2>&1) \
      || (cd "$suite_cache" && as_root apt-get source --download-only redis >/dev/null)
    [ -f "$orig" ] || { log "expected $orig (Redis $redis_version); apt fetched: $(ls "$suite_cache")"; exit 1; }
  fi
  tar -xzf "$orig" -C "$suite_cache"
}

# ---------------------------------------------------------------- servers
server_pid="" server_dir="" unit_pid=""
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  if [ -n "$unit_pid" ]; then kill -TERM -- "-$unit_pid" 2>/dev/null || true; fi
  stop_server
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
  if [ -n "$server_dir" ]; then rm -rf "$server_dir"; server_dir=""; fi
}

ensure_redis_server() {
  command -v redis-server >/dev/null && return 0
  log "installing redis-server"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  # The package may start its system service on 6379; this script runs its own.
  as_root service redis-server stop >/dev/null 2>&1 || true
}

start_redis() {
  ensure_redis_server
  server_dir=$(mktemp -d)
  host=127.0.0.1 port=$(free_port)
  local debug=()
  # Only when the run includes needs:debug tests: the reference then answers DEBUG too.
  [[ " $tags " == *" -needs:debug "* ]] || debug=(--enable-debug-command yes)
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$server_dir" --logfile "$server_dir/server.log" --daemonize no "${debug[@]}" \
    >"$server_dir/stdout" 2>&1 &
  server_pid=$!
  for _ in $(seq 300); do
    resp_ping "$host" "$port" && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  log "redis-server did not answer PING on $host:$port"; cat "$server_dir/server.log" >&2 || true
  exit 1
}

start_troupe() {
  local bin=${TROUPE_NODE_BIN:-$root/build/bin/troupe-node}
  [ -x "$bin" ] || { log "no troupe-node at $bin (build it, or set TROUPE_NODE_BIN)"; exit 1; }
  server_dir=$(mktemp -d)
  # Port 0: the node asks the OS for free ports and prints the ones it got.
  # --durability none: the suite checks command semantics, not fsync.
  # shellcheck disable=SC2086
  "$bin" --listen 127.0.0.1:0 --resp-listen 127.0.0.1:0 --data-dir "$server_dir/data" \
    --durability none ${TROUPE_NODE_ARGS:-} >"$server_dir/stdout" 2>"$server_dir/stderr" &
  server_pid=$!
  for _ in $(seq 600); do
    if grep -q '^troupe-node ready ' "$server_dir/stdout" 2>/dev/null; then
      local addr
      addr=$(sed -n 's/^troupe-node resp //p' "$server_dir/stdout" | head -n1)
      [ -n "$addr" ] || { log "troupe-node printed no 'troupe-node resp' line"; exit 1; }
      host=${addr%:*} port=${addr##*:}
      resp_ping "$host" "$port" && return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  log "troupe-node did not become ready"; cat "$server_dir/stdout" "$server_dir/stderr" >&2 || true
  exit 1
}

start_server() { case $1 in redis) start_redis ;; troupe) start_troupe ;; esac; }

# ---------------------------------------------------------------- running units
# run_units KIND LABEL: KIND redis|troupe starts a fresh private server for every
# unit (units change configs and leave data behind; a crash stays in its unit);
# KIND external uses $host $port as they are.
run_units() {
  local kind=$1 lbl=$2 dir="$out/$2" unit u
  rm -rf "$dir"; mkdir -p "$dir"
  local opts=(--singledb --cluster-mode --dont-clean --timeout "$harness_timeout")
  [ -n "$tags" ] && opts+=(--tags "$tags")
  [ "$durable" = 1 ] && opts+=(--durable)
  # shellcheck disable=SC2206
  [ -n "$runtest_extra" ] && opts+=($runtest_extra)
  local list=()
  for u in $units; do list+=("${u#unit/}"); done
  for u in "${list[@]}"; do
    unit="unit/$u"
    local f="$dir/${unit//\//_}"
    [ "$kind" = external ] || start_server "$kind"
    log "[$lbl] $unit against $host:$port"
    local rc=0
    # timeout leads its own process group and signals all of it (the harness's
    # test server and test client) when the limit hits.
    (cd "$suite" && exec env TERM=dumb timeout -k 10 "$unit_timeout" \
        ./runtest --host "$host" --port "$port" "${opts[@]}" --single "$unit") >"$f.log" 2>&1 </dev/null &
    unit_pid=$!
    wait "$unit_pid" || rc=$?
    kill -TERM -- "-$unit_pid" 2>/dev/null || true
    unit_pid=""
    echo "$rc" >"$f.rc"
    if [ "$kind" != external ]; then
      if ! kill -0 "$server_pid" 2>/dev/null; then
        local src=0
        wait "$server_pid" 2>/dev/null || src=$?
        echo "[exception]: Executing test client: $kind server process exited (status $src) during this unit" >>"$f.log"
        log "[$lbl] the server exited during $unit"
        server_pid=""
      fi
      # A fresh redis-server per unit: its command statistics are exactly what this
      # unit sent (CONFIG|SET, OBJECT|ENCODING, ...), the list of what a door must answer.
      if [ "$kind" = redis ] && [ -n "$server_pid" ]; then
        redis-cli -h "$host" -p "$port" info commandstats 2>/dev/null | tr -d '\r' \
          | sed -n 's/^cmdstat_\([^:]*\):calls=\([1-9][0-9]*\),.*/\1\t\2/p' >"$f.commandstats" || true
      fi
      for s in stdout stderr server.log; do
        [ -f "$server_dir/$s" ] && cp "$server_dir/$s" "$f.server.$s"
      done
      stop_server
    fi
  done
  python3 "$here/summarize.py" table "$dir" "$lbl" "${list[@]/#/unit/}"
}

ensure_tclsh
fetch_suite
"$here/patches.sh" "$suite" >&2
mkdir -p "$out"

tsvs=()
case $mode in
  redis|troupe)
    run_units "$mode" "${label:-$mode}"; tsvs+=("$out/${label:-$mode}.tsv") ;;
  both)
    run_units redis redis; echo
    run_units troupe troupe; echo
    tsvs+=("$out/redis.tsv" "$out/troupe.tsv")
    python3 "$here/summarize.py" compare "$out/redis.tsv" "$out/troupe.tsv" "$out/compare.txt"
    ;;
  external)
    host=$ext_host port=$ext_port
    resp_ping "$host" "$port" || { log "no PONG from $host:$port"; exit 1; }
    run_units external "${label:-external}"
    tsvs+=("$out/${label:-external}.tsv")
    ;;
esac
log "results in $out/"

if [ -n "$min_pass_rate" ]; then
  python3 "$here/summarize.py" check "$min_pass_rate" "${tsvs[@]}"
fi
exit 0
