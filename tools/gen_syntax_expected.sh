#!/usr/bin/env bash
# gen_syntax_expected.sh: records gc's behaviour for the front end's unit
# tests. For every testdata/syntax/gc/NAME.go it runs gc's compiler
#   go tool compile -o /dev/null NAME.go     (in that directory)
# and writes what gc printed (file:line:col: message lines, nothing for a
# valid file) to NAME.gc. The test (testdata/syntax/run_gc_cases.sh) compares
# `goc tool syntax NAME.go` with NAME.gc and does not need Go. Re-run after
# adding a case; review the diff of the .gc files before committing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v go >/dev/null || { echo "gen_syntax_expected: needs go (golang-go)"; exit 1; }
cd "$root/testdata/syntax/gc"
n=0
for f in *.go; do
  name=${f%.go}
  # never -o /dev/null: gc removes its output file when compilation fails
  out=$(go tool compile -o "${TMPDIR:-/tmp}/gen_syntax_expected.o" "$f" 2>&1) || true
  printf '%s' "$out" > "$name.gc"
  [ -z "$out" ] || printf '\n' >> "$name.gc"
  n=$((n + 1))
done
echo "gen_syntax_expected: recorded gc 1.19's output for $n cases ($(go version | awk '{print $3}'))"
