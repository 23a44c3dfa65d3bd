#!/usr/bin/env bash
# run.sh FUZZER SECONDS WORKDIR [extra libFuzzer flags...]
# Runs the front-end fuzzer for SECONDS from the committed seeds
# (tools/fuzz/seeds and the front end's unit-test inputs in testdata/syntax,
# read-only) plus WORKDIR/corpus (new inputs go there).
# Crashing inputs land in WORKDIR/artifacts/; exit status is libFuzzer's
# (0: nothing found). Options, fixed so runs are comparable:
#   -max_len=65536      inputs up to 64 KiB (the seeds are smaller)
#   -timeout=10         an input taking more than 10 s is a hang
#   -rss_limit_mb=2048  memory blow-up is a finding
#   -detect_leaks=0     the compiler's arena is never freed by design
set -uo pipefail
fuzzer=$1; secs=$2; work=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
mkdir -p "$work/corpus" "$work/artifacts"
exec "$fuzzer" -max_total_time="$secs" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 \
  -dict="$here/go.dict" -artifact_prefix="$work/artifacts/" "$@" \
  "$work/corpus" "$here/seeds" "$here/../../testdata/syntax/gc" "$here/../../testdata/syntax/ast"
