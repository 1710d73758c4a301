#!/usr/bin/env bash
# Moving data in and keeping it safe, against Redis's own tools in the same
# run:
#
#   bench/compare_import.sh [--keys 1000000]
#
# 1. Import: a redis-server holds --keys state keys in the layout of Motia's
#    Redis state adapter (motia:state:<group>:<key>, 100 groups, 100-byte
#    JSON values) and 1% as many stream items; `troupe import redis` moves
#    them into a node (--durability os). The peer: the same records loaded
#    into a second redis-server by `redis-cli --pipe` (Redis's bulk load,
#    the best case of writing them). Prints records/s of both and the ratio.
# 2. Backup: that node takes `troupe backup create` (a RocksDB checkpoint,
#    online); the source Redis, holding the same records, takes BGSAVE.
#    Prints each one's time and size and the ratios.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$root/build/bin"
keys=1000000
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) keys=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

source "$root/bench/lib.sh"
py=/usr/bin/python3
now() { date +%s.%N; }
elapsed() { $py -c "print(f'{$2 - $1:.2f}')"; }
rate() { $py -c "print(f'{$1 / ($3 - $2):.0f}')"; }

# RESP commands for redis-cli --pipe: the Motia state and stream layout.
$py - "$keys" >"$work/fill.resp" <<'EOF'
import sys
n = int(sys.argv[1])
out = sys.stdout.buffer
def cmd(*args):
    out.write(b"*%d\r\n" % len(args))
    for a in args:
        a = a.encode()
        out.write(b"$%d\r\n%s\r\n" % (len(a), a))
for i in range(n):
    cmd("SET", f"motia:state:group{i % 100}:key{i}", '{"order":%d,"status":"paid","items":[1,2,3],"note":"x"}' % i)
for i in range(max(1, n // 100)):
    cmd("HSET", f"motia:stream:orders:group:g{i % 10}", f"o{i}",
        '{"id":"o%d","n":%d,"_createdAt":1700000000000}' % (i, i))
EOF
records=$((keys + (keys / 100 > 0 ? keys / 100 : 1)))

start_redis
source_port=$redis_port
redis-cli -p "$source_port" --pipe <"$work/fill.resp" >/dev/null
# The peer: an empty redis-server of its own (lib.sh's keeps its files in
# $work/redis, the source's).
peer_port=$(free_port)
mkdir -p "$work/redis-peer"
redis-server --port "$peer_port" --bind 127.0.0.1 --dir "$work/redis-peer" --appendonly yes \
  --appendfsync everysec --save "" --daemonize no --logfile "$work/redis-peer.log" >/dev/null 2>&1 &
pids+=($!)
wait_port "$peer_port"
t0=$(now)
redis-cli -p "$peer_port" --pipe <"$work/fill.resp" >/dev/null
t1=$(now)
peer_rate=$(rate "$records" "$t0" "$t1")
kill "${pids[-1]}"

start_troupe os workers
t0=$(now)
summary=$("$bin/troupe" --node "127.0.0.1:$troupe_port" --json import redis --from "127.0.0.1:$source_port" 2>/dev/null)
t1=$(now)
troupe_rate=$(rate "$records" "$t0" "$t1")
echo "RESULT import records=$records troupe_s=$(elapsed "$t0" "$t1") troupe_rate=$troupe_rate redis_pipe_rate=$peer_rate ratio=$(ratio "$troupe_rate" "$peer_rate") summary=$summary"

# -- backup ---------------------------------------------------------------------
# The node now holds what the source Redis holds: each takes its backup.
t0=$(now)
"$bin/troupe" --node "127.0.0.1:$troupe_port" backup create "$work/backup" >/dev/null
t1=$(now)
troupe_backup_s=$(elapsed "$t0" "$t1")
troupe_backup_bytes=$(du -sb "$work/backup" | cut -f1)
last=$(redis-cli -p "$source_port" lastsave)
t0=$(now)
redis-cli -p "$source_port" bgsave >/dev/null
while [ "$(redis-cli -p "$source_port" lastsave)" = "$last" ]; do sleep 0.05; done
t1=$(now)
redis_backup_s=$(elapsed "$t0" "$t1")
redis_backup_bytes=$(stat -c %s "$work/redis/dump.rdb")
echo "RESULT backup records=$records troupe_s=$troupe_backup_s troupe_bytes=$troupe_backup_bytes redis_bgsave_s=$redis_backup_s redis_rdb_bytes=$redis_backup_bytes time_ratio=$(ratio "$troupe_backup_s" "$redis_backup_s") size_ratio=$(ratio "$troupe_backup_bytes" "$redis_backup_bytes")"
