#!/usr/bin/env bash
# The whole test suite: setup, build, then every test under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
./tools/setup.sh
./tools/build.sh
ctest --test-dir build --output-on-failure -j2 "$@"
