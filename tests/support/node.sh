# Shell tests' node: sourced, not run. Expects $work (a scratch directory)
# and a cleanup trap that kills $node_pid.

# start_node NODE_BIN: a node on a free loopback port with its data in
# $work/data; sets node_pid and port once it serves.
start_node() {
  mkfifo "$work/node.out"
  "$1" --listen 127.0.0.1:0 --data-dir "$work/data" --log-level warn \
    >"$work/node.out" 2>"$work/node.log" &
  node_pid=$!
  exec 3<"$work/node.out"  # kept open: the node never writes to a closed pipe
  port=
  local line
  while read -r line <&3; do
    case "$line" in "troupe-node ready "*) port=${line##*:}; return 0 ;; esac
  done
  echo "$1 did not start: $(tail -5 "$work/node.log")" >&2
  exit 1
}
