#!/usr/bin/env bash
# The Debian package as an operator gets it: CPack builds it from BUILD_DIR
# into a scratch directory, it unpacks into a scratch root, holds what
# cmake/install.cmake says (binaries, unit, conffile), and its node and CLI
# run: the node serves on a free port and the packaged CLI pings it.
#   tests/deb_package.sh BUILD_DIR
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

cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log" >&2; exit 1; }
deb=$(ls "$work"/out/troupe_*.deb)
[ "$(dpkg-deb -f "$deb" Package)" = troupe ]
dpkg-deb -f "$deb" Depends | grep -q libcaf-core0.17
dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/troupe/troupe.env "$work/control/conffiles"
dpkg-deb -x "$deb" "$work/root"
for f in usr/bin/troupe-node usr/bin/troupe usr/lib/systemd/system/troupe-node.service \
         etc/troupe/troupe.env usr/share/doc/troupe/examples/troupe.toml; do
  test -e "$work/root/$f" || { echo "the package lacks /$f" >&2; exit 1; }
done
# The client library is not in it (cmake --install --component client).
if dpkg-deb -c "$deb" | grep -q 'libtroupe_client\|include/troupe'; then
  echo "the package holds the client library" >&2
  exit 1
fi

"$work/root/usr/bin/troupe-node" --version | grep -q '^troupe-node '
start_node "$work/root/usr/bin/troupe-node"
"$work/root/usr/bin/troupe" --node "127.0.0.1:$port" ping
