#!/usr/bin/env bash
# Installs the Debian 12 packages Troupe needs, by purpose:
#
#   install-deps.sh run     shared libraries troupe-node and troupe load
#   install-deps.sh build   toolchain and -dev packages to build them
#   install-deps.sh test    what the tests and benchmarks add: Boost.Test,
#                           redis-server and redis-tools, RabbitMQ and its
#                           client library, python3, Node.js and npm
#   install-deps.sh         all three (what deploy/check.sh and CI use)
#
# Several groups may be given (install-deps.sh run build). Idempotent: only
# packages that are missing are installed; nothing is installed or touched
# when everything is present.
#
# Services: Debian's redis-server and rabbitmq-server packages start a
# system instance when installed. Nothing here uses those instances (the
# tests and benchmarks start their own servers on free loopback ports), so
# a service installed by this run is stopped and disabled again, unless
# TROUPE_KEEP_SERVICES=1. A service that was already installed is never
# stopped or disabled.
set -euo pipefail

usage() {
  echo "usage: $0 [run|build|test|all]..." >&2
  exit 2
}

# Shared libraries of build/bin/troupe-node and build/bin/troupe (ldd;
# RocksDB is linked statically, its compression libraries are not).
run_packages=(
  libcaf-core0.17 libcaf-io0.17 libcaf-openssl0.17 libprotobuf32 libspdlog1.10 libfmt9
  libxxhash0 libsnappy1v5 zlib1g libbz2-1.0 liblz4-1 libzstd1
  libstdc++6 libgcc-s1 libssl3 liblua5.1-0 libprometheus-cpp-core1.0
  libhiredis0.14
)
build_packages=(
  build-essential g++ cmake ninja-build pkg-config
  libcaf-dev librocksdb-dev libprotobuf-dev protobuf-compiler
  libspdlog-dev libfmt-dev libcli11-dev rapidjson-dev libxxhash-dev libssl-dev
  liblua5.1-0-dev lua-cjson-dev lua-bitop-dev prometheus-cpp-dev
  libhiredis-dev
)
test_packages=(
  # CTest's unit and integration suites; /metrics read by Prometheus's parser
  libboost-test-dev python3 python3-prometheus-client
  # the TLS tests make their certificates with openssl
  openssl
  # fuzz/run.sh: libFuzzer with AddressSanitizer and UBSan
  clang-14 libclang-rt-14-dev
  # the RESP tests and the comparisons run their own redis-server
  redis-server redis-tools
  # the events comparison runs its own RabbitMQ node
  rabbitmq-server librabbitmq-dev
)
# Services whose packages start a system instance on installation.
services=(redis-server rabbitmq-server)

want_run=0 want_build=0 want_test=0
[ $# -eq 0 ] && set -- all
for group in "$@"; do
  case "$group" in
    run) want_run=1 ;;
    build) want_build=1 ;;
    test) want_test=1 ;;
    all) want_run=1 want_build=1 want_test=1 ;;
    -h|--help) usage ;;
    *) echo "install-deps: unknown group '$group'" >&2; usage ;;
  esac
done

packages=()
[ "$want_run" -eq 1 ] && packages+=("${run_packages[@]}")
[ "$want_build" -eq 1 ] && packages+=("${build_packages[@]}")
if [ "$want_test" -eq 1 ]; then
  packages+=("${test_packages[@]}")
  # Node.js runs the adapters' tests, the example app and the BullMQ
  # comparison; keep a Node that is already installed (from any source)
  # rather than fight it with Debian's.
  command -v node >/dev/null 2>&1 || packages+=(nodejs)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: apt-get not found; this script targets Debian 12. Install the equivalents of: ${missing[*]}" >&2
  exit 1
fi
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    {
      echo "install-deps: these packages are missing: ${missing[*]}"
      echo "install-deps: installing them needs root, and this is user $(id -un) without sudo."
      echo "install-deps: run this script as root, or have an administrator run:"
      echo "  apt-get install --no-install-recommends ${missing[*]}"
    } >&2
    exit 1
  fi
fi

# Which of the services this run installs (before: absent).
new_services=()
for s in "${services[@]}"; do
  for p in "${missing[@]}"; do
    if [ "$p" = "$s" ]; then new_services+=("$s"); fi
  done
done

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"

# Only services this run installed; where systemd is absent there is
# nothing running.
if [ ${#new_services[@]} -gt 0 ] && [ "${TROUPE_KEEP_SERVICES:-0}" != 1 ] \
   && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  for s in "${new_services[@]}"; do
    if "${SUDO[@]}" systemctl disable --now "$s" >/dev/null 2>&1; then
      echo "install-deps: $s was installed by this run; its system service is stopped and disabled" \
        "(the tests start their own; systemctl enable --now $s to use it)"
    fi
  done
fi
