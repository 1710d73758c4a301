#!/usr/bin/env bash
# Installs every Debian 12 package that Troupe's build, tests and benchmarks
# need. Idempotent: safe to run again; apt-get skips what is already there.
set -euo pipefail

packages=(
  # toolchain
  build-essential g++ cmake ninja-build pkg-config
  # libraries the node, client and tests link
  libcaf-dev librocksdb-dev libprotobuf-dev protobuf-compiler
  libspdlog-dev libfmt-dev libboost-test-dev libcli11-dev
  rapidjson-dev libxxhash-dev
  # benchmarks: the peer we compare against
  redis-server redis-tools libhiredis-dev
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
# The Debian redis-server package starts a system instance; Troupe's
# benchmarks start their own on a free port, so the system one is not needed.
if command -v systemctl >/dev/null 2>&1; then
  $SUDO systemctl disable --now redis-server >/dev/null 2>&1 || true
fi
