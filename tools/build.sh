#!/usr/bin/env bash
# Configures (once) and builds goc and its runtime into build/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_C_COMPILER=clang-19 -DCMAKE_ASM_COMPILER=clang-19 >/dev/null
fi
cmake --build build
