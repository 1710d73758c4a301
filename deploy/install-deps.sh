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
  # benchmarks: the peers we compare against
  redis-server redis-tools libhiredis-dev
  rabbitmq-server librabbitmq-dev
  python3
)
# Node.js runs the BullMQ comparison; keep a Node that is already installed
# (from any source) rather than fight it with Debian's.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

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
# The Debian redis-server and rabbitmq-server packages start system
# instances; the benchmarks start their own on free ports, so those are not
# needed. (Where systemd is absent there is nothing to stop.)
if command -v systemctl >/dev/null 2>&1; then
  for service in redis-server rabbitmq-server; do
    $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || true
  done
fi
