#!/usr/bin/env bash
# Entrypoint of the Troupe container image (deploy/Dockerfile): turns TROUPE_*
# environment variables into troupe-node flags and execs troupe-node, so the
# node is the container's main process and gets its SIGTERM.
#
#   TROUPE_HOST     address this node binds and announces (default: 0.0.0.0
#                   for a single node; for a clustered node, the address the
#                   container's host name resolves to). A clustered node
#                   announces its listen addresses to the other members and
#                   to clients, so it must be one they reach.
#   TROUPE_LISTEN   default ${TROUPE_HOST}:7379
#   TROUPE_CLUSTER_LISTEN  default ${TROUPE_HOST}:7101 when TROUPE_SEEDS is
#                   set, else off
#   TROUPE_ADMIN_LISTEN  default ${TROUPE_HOST}:7380 (HTTP /healthz, /readyz,
#                   /metrics); empty: off
#   TROUPE_<NAME>   every other setting of README.md's table, as --<name>;
#                   TROUPE_DRAIN_ON_EXIT takes true/false.
#   TROUPE_TOKEN, TROUPE_NAMESPACE_TOKENS  stay in the environment
#                   (troupe-node reads them there),
#                   so they are not shown on the command line.
#
# Arguments starting with '-' are passed on to troupe-node and win: a flag
# given as an argument is not also made from its variable. Any other first
# argument is run instead of the node (e.g. `troupe --node HOST:PORT ping`).
# `container-entrypoint.sh healthcheck` asks the admin port's /healthz (the
# container's HEALTHCHECK); with the admin door off, it connects to the
# client port.
set -euo pipefail

node_bin="${TROUPE_NODE_BIN:-troupe-node}"

die() {
  echo "troupe-entrypoint: $*" >&2
  exit 1
}

# Settings given to troupe-node as --<name> VALUE.
value_vars=(
  TROUPE_LISTEN TROUPE_RESP_LISTEN TROUPE_ADMIN_LISTEN TROUPE_DATA_DIR TROUPE_DURABILITY
  TROUPE_PARTITIONS TROUPE_LOG_LEVEL TROUPE_NODE_ID TROUPE_CLUSTER_NAME
  TROUPE_CLUSTER_LISTEN TROUPE_SEEDS TROUPE_BOOTSTRAP_EXPECT
  TROUPE_REPLICATION_FACTOR TROUPE_RAFT_TICK_MS TROUPE_RAFT_ELECTION_TICKS
  TROUPE_JOIN_TIMEOUT TROUPE_MAX_CONNECTIONS TROUPE_HANDSHAKE_TIMEOUT_MS
  TROUPE_MAX_FRAME_BYTES TROUPE_MAX_KEY_BYTES TROUPE_MAX_VALUE_BYTES
  TROUPE_STREAM_IDLE_MS TROUPE_MAX_SUBSCRIBER_BACKLOG_BYTES
  TROUPE_DISK_FREE_LIMIT_BYTES TROUPE_WORKERS TROUPE_PLACEMENT
  TROUPE_SCRIPT_TIME_LIMIT_MS TROUPE_SCRIPT_MEMORY_BYTES TROUPE_RESTORE_FROM
  TROUPE_IDLE_TIMEOUT_MS TROUPE_MAX_REPLY_BUFFER_BYTES TROUPE_MAX_REQUESTS_IN_FLIGHT
  TROUPE_TLS_CERT TROUPE_TLS_KEY TROUPE_TLS_CA TROUPE_AMQP_LISTEN TROUPE_LOG_FORMAT
  TROUPE_ADVERTISE_HOST TROUPE_CLUSTER_TLS_CERT TROUPE_CLUSTER_TLS_KEY TROUPE_CLUSTER_TLS_CA
)
# Settings given as a bare --<name> when true.
flag_vars=(TROUPE_DRAIN_ON_EXIT)
# Read elsewhere: this script, troupe-node's environment, the troupe CLI.
other_vars=(TROUPE_HOST TROUPE_NODE_BIN TROUPE_TOKEN TROUPE_NAMESPACE_TOKENS TROUPE_NODE)

flag_of() {  # TROUPE_MAX_KEY_BYTES -> --max-key-bytes
  local name="${1#TROUPE_}"
  name="${name,,}"
  printf -- '--%s' "${name//_/-}"
}

host_of() {  # HOST:PORT or [V6]:PORT -> HOST / V6
  local h="${1%:*}"
  h="${h#[}"
  printf '%s' "${h%]}"
}

own_address() {  # what this container's host name resolves to
  local name addr
  name="$(uname -n)"
  addr="$(getent ahostsv4 "$name" | awk 'NR == 1 { print $1 }')" || true
  [ -n "$addr" ] || addr="$(getent hosts "$name" | awk 'NR == 1 { print $1 }')" || true
  case "$addr" in
    "" | 127.* | ::1)
      die "cannot tell this container's address (host name $name resolves to '${addr:-nothing}'); set TROUPE_HOST" ;;
    *:*) printf '[%s]' "$addr" ;;
    *) printf '%s' "$addr" ;;
  esac
}

# Defaults that depend on each other.
clustered=0
if [ -n "${TROUPE_SEEDS:-}" ] || [ -n "${TROUPE_CLUSTER_LISTEN:-}" ]; then clustered=1; fi
if [ -z "${TROUPE_HOST:-}" ]; then
  if [ "$clustered" -eq 1 ]; then TROUPE_HOST="$(own_address)"; else TROUPE_HOST=0.0.0.0; fi
fi
: "${TROUPE_LISTEN:=${TROUPE_HOST}:7379}"
: "${TROUPE_ADMIN_LISTEN=${TROUPE_HOST}:7380}"
if [ -n "${TROUPE_SEEDS:-}" ]; then : "${TROUPE_CLUSTER_LISTEN:=${TROUPE_HOST}:7101}"; fi

if [ "${1:-}" = healthcheck ]; then
  address="${TROUPE_ADMIN_LISTEN:-$TROUPE_LISTEN}"
  host="$(host_of "$address")"
  port="${address##*:}"
  case "$host" in 0.0.0.0 | "") host=127.0.0.1 ;; :: ) host=::1 ;; esac
  if [ -z "${TROUPE_ADMIN_LISTEN:-}" ]; then
    # shellcheck disable=SC2016 # expanded by the inner bash
    exec timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2"' healthcheck "$host" "$port"
  fi
  # GET /healthz; healthy on "HTTP/1.1 200".
  # shellcheck disable=SC2016 # expanded by the inner bash
  exec timeout 5 bash -c 'exec 3<>"/dev/tcp/$1/$2" &&
    printf "GET /healthz HTTP/1.1\r\nHost: troupe\r\n\r\n" >&3 &&
    read -r proto status _ <&3 && [ "$status" = 200 ]' healthcheck "$host" "$port"
fi
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  exec "$@"
fi

if [ "$clustered" -eq 1 ]; then
  for var in TROUPE_LISTEN TROUPE_CLUSTER_LISTEN; do
    [ -n "${!var:-}" ] || continue
    case "$(host_of "${!var}")" in
      0.0.0.0 | :: | "")
        die "$var=${!var}: a clustered node announces this address to the other members and to clients; set TROUPE_HOST (or $var) to an address they reach" ;;
    esac
  done
fi

given() {  # is flag $1 among the arguments?
  local f="$1" a
  shift
  for a in "$@"; do
    case "$a" in "$f" | "$f"=*) return 0 ;; esac
  done
  return 1
}

args=()
for var in "${value_vars[@]}"; do
  value="${!var:-}"
  [ -n "$value" ] || continue
  flag="$(flag_of "$var")"
  given "$flag" "$@" || args+=("$flag" "$value")
done
for var in "${flag_vars[@]}"; do
  value="${!var:-}"
  case "${value,,}" in
    "" | false | 0 | no | off) ;;
    true | 1 | yes | on)
      flag="$(flag_of "$var")"
      given "$flag" "$@" || args+=("$flag") ;;
    *) die "$var=$value: expected true or false" ;;
  esac
done
# A misspelt variable would otherwise be ignored without a word.
known=" ${value_vars[*]} ${flag_vars[*]} ${other_vars[*]} "
while IFS= read -r var; do
  case "$known" in *" $var "*) ;; *) echo "troupe-entrypoint: warning: unknown variable $var ignored" >&2 ;; esac
done < <(compgen -e | grep '^TROUPE_' || true)

echo "troupe-entrypoint: $node_bin ${args[*]} $*" >&2
exec "$node_bin" "${args[@]}" "$@"
