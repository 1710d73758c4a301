#!/usr/bin/env bash
# The C++ client as other projects use it: installs the client component of
# BUILD_DIR into a scratch prefix, builds examples/client-cpp against it
# with find_package(Troupe), and runs it against a node on a free port.
#   tests/client_package.sh BUILD_DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build=$(cd "$1" && pwd)
work=$(mktemp -d)
node_pid=
cleanup() {
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
# shellcheck source=support/node.sh
. "$root/tests/support/node.sh"

cmake --install "$build" --component client --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/troupe/client/sync_client.hpp"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$root/examples/client-cpp" -B "$work/hello" "${generator[@]}" \
  -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" \
  || { cat "$work/configure.log" >&2; exit 1; }
cmake --build "$work/hello" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

start_node "$build/bin/troupe-node"

out=$("$work/hello/troupe-hello" "127.0.0.1:$port")
echo "$out"
[[ "$out" == '{"text":"hello from troupe-hello"} revision '[0-9]* ]]
# The stored value is there for any client.
"$build/bin/troupe" --node "127.0.0.1:$port" state get hello-trace greeting | grep -q 'hello from troupe-hello'
