#!/usr/bin/env bash
# Installs every Debian package that building goc, its tests and its
# benchmarks need. Idempotent: when everything is present it only checks.
set -euo pipefail

PKGS=(
  build-essential cmake ninja-build pkg-config
  llvm-19-dev clang-19 lld-19 libclang-rt-19-dev libfuzzer-19-dev
  libzstd-dev zlib1g-dev libgmp-dev
  re2c lemon
  golang-go golang-src python3

)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "setup: all packages present"
