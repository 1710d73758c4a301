# Shared by the comparison scripts: a temp dir, a redis-server and
# troupe-nodes on free loopback ports, all stopped and removed on exit.
# Expects $bin (build/bin). Sourced, not run.

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -- "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${TROUPE_BENCH_KEEP:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start_redis() {  # sets redis_port, redis_pid
  redis_port=$(free_port)
  mkdir -p "$work/redis"
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --appendonly yes \
    --appendfsync everysec --save "" --daemonize no --logfile "$work/redis.log" >/dev/null 2>&1 &
  redis_pid=$!
  pids+=($redis_pid)
  # Wait for the server to answer (bounded).
  for _ in $(seq 1 200); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  echo "redis-server did not start" >&2
  exit 1
}

start_troupe() {  # $1 = durability, $2 = placement; sets troupe_port, troupe_pid
  local name="troupe-$1-$2"
  local fifo="$work/$name.out"
  mkfifo "$fifo"
  "$bin/troupe-node" --listen 127.0.0.1:0 --data-dir "$work/$name" --durability "$1" \
    --placement "$2" --log-level warn >"$fifo" 2>"$work/$name.log" &
  troupe_pid=$!
  pids+=($troupe_pid)
  local line; read -r line <"$fifo"
  troupe_port=${line##*:}
}

start_troupe_doors() {  # $1 = durability, $2 = placement, then flags (--resp-listen/--amqp-listen/--admin-listen 127.0.0.1:0); sets troupe_port, resp_port, amqp_port, admin_port, troupe_pid
  local name="troupe-$1-$2-doors"
  local fifo="$work/$name.out"
  mkfifo "$fifo"
  "$bin/troupe-node" --listen 127.0.0.1:0 --data-dir "$work/$name" --durability "$1" \
    --placement "$2" --log-level warn "${@:3}" >"$fifo" 2>"$work/$name.log" &
  troupe_pid=$!
  pids+=($troupe_pid)
  exec {doors_out}<"$fifo"
  local line
  while read -r line <&$doors_out; do
    case "$line" in
      "troupe-node resp "*) resp_port=${line##*:} ;;
      "troupe-node amqp "*) amqp_port=${line##*:} ;;
      "troupe-node admin "*) admin_port=${line##*:} ;;
      "troupe-node ready "*) troupe_port=${line##*:}; return 0 ;;
    esac
  done
  echo "troupe-node did not start: $(tail -5 "$work/$name.log")" >&2
  exit 1
}

start_member() {  # $1 = node id, $2 = seed cluster address or "", then extra flags; sets member_port, member_cluster, member_pid
  local fifo="$work/$1.out.$RANDOM"
  mkfifo "$fifo"
  local seeds=()
  [ -n "$2" ] && seeds=(--seeds "$2")
  mkdir -p "$work/$1"
  "$bin/troupe-node" --listen 127.0.0.1:0 --data-dir "$work/$1" --durability os --log-level warn \
    --node-id "$1" --cluster-listen 127.0.0.1:0 "${seeds[@]}" "${@:3}" >"$fifo" 2>>"$work/$1.log" &
  member_pid=$!
  pids+=($member_pid)
  exec {out}<"$fifo"
  local line
  # "joining HOST:PORT", then "cluster HOST:PORT", then "ready HOST:PORT".
  while read -r line <&$out; do
    case "$line" in
      "troupe-node cluster "*) member_cluster=${line##* } ;;
      "troupe-node ready "*) member_port=${line##*:}; return 0 ;;
    esac
  done
  echo "troupe-node $1 did not start: $(tail -5 "$work/$1.log")" >&2
  exit 1
}

settle_cluster() {  # $1 = a member's client port, $2 = member count: bounded wait for an even spread
  for _ in $(seq 1 600); do
    local st; st=$("$bin/troupe" --node "127.0.0.1:$1" cluster status 2>/dev/null || true)
    if [ "$(grep -c $'\tyes\t' <<<"$st")" = "$2" ] && ! grep -q "moves pending" <<<"$st"; then
      return 0
    fi
    sleep 0.1
  done
  echo "the cluster did not settle" >&2
  exit 1
}

# A load run flat out, then at half the peak it reached (its --rate): prints
# both RESULT lines and sets ${name}_peak (handled/s) and ${name}_p50 and
# ${name}_p99 (delivery latency at half peak, µs).
peak_then_half() {  # name command...
  local name=$1; shift
  local peak; peak=$("$@")
  echo "$peak"
  local half; half=$(python3 -c "print(max(1, int($(field handled_per_sec "$peak") / 2)))")
  local slow; slow=$("$@" --rate "$half")
  echo "$slow"
  eval "${name}_peak=\$(field handled_per_sec \"\$peak\")"
  eval "${name}_p50=\$(field deliver_p50_us \"\$slow\")"
  eval "${name}_p99=\$(field deliver_p99_us \"\$slow\")"
}

# Over RESULT lines: the sum, or the largest, of one key=value field.
sum_field() { awk -v f="$1" '{ for (i = 1; i <= NF; i++) if ($i ~ "^" f "=") { split($i, kv, "="); s += kv[2] } } END { printf "%.0f", s }'; }
max_field() { awk -v f="$1" '{ for (i = 1; i <= NF; i++) if ($i ~ "^" f "=") { split($i, kv, "="); if (kv[2] > m) m = kv[2] } } END { printf "%d", m }'; }

field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }

# CPU time (user + system) the processes have used so far, in microseconds.
cpu_us() {  # pids...
  local p ticks=0
  for p in "$@"; do
    local f; read -r -a f <"/proc/$p/stat"
    ticks=$((ticks + f[13] + f[14]))
  done
  echo $((ticks * 1000000 / $(getconf CLK_TCK)))
}

ratio() { python3 -c "print(f'{$1/$2:.2f}' if $2 else 'n/a')"; }


wait_port() {  # port: bounded wait until something accepts on 127.0.0.1:port
  for _ in $(seq 1 600); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nothing listens on port $1" >&2
  exit 1
}

start_rabbitmq() {  # sets rabbit_port; a private node in $work, its own session
  rabbit_port=$(free_port)
  local dist; dist=$(free_port)
  mkdir -p "$work/rabbit/mnesia" "$work/rabbit/log"
  : >"$work/rabbit/enabled_plugins"
  HOME="$work/rabbit" RABBITMQ_NODENAME="bench$$@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$rabbit_port" RABBITMQ_DIST_PORT="$dist" \
    RABBITMQ_MNESIA_BASE="$work/rabbit/mnesia" RABBITMQ_LOG_BASE="$work/rabbit/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$work/rabbit/enabled_plugins" \
    setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$work/rabbit/out.log" 2>&1 &
  rabbit_pid=$!
  pids+=(-"$rabbit_pid")  # the whole process group (beam, epmd children)
  wait_port "$rabbit_port"
}
