#!/usr/bin/env bash
# bench_syntax.sh [GOC]: front-end speed. Times `goc tool syntax` and
# `gofmt -l` over the corpus of tools/corpus_check.sh (every .go file under
# $GOROOT/src and $GOROOT/test), several runs each, and prints the medians as
# lines/s and the ratio goc/gofmt. goc is single-threaded; gofmt is run with
# the default GOMAXPROCS and with GOMAXPROCS=1 (the issue's goal: goc at
# least 10x gofmt's rate on one core). Rates are from wall-clock time; the
# CPU time (user+sys) is printed beside it, since the machine may be shared.
#   GOC_RUNS (default 5), GOFMT_RUNS (default 3): runs per tool.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
goc=${1:-$root/build/goc}
case $goc in /*) ;; *) goc=$PWD/$goc ;; esac
goc_runs=${GOC_RUNS:-5}
gofmt_runs=${GOFMT_RUNS:-3}
command -v gofmt >/dev/null && command -v go >/dev/null || { echo "bench_syntax: go/gofmt not installed"; exit 77; }
[ -x "$goc" ] || { echo "bench_syntax: no goc at $goc"; exit 1; }

goroot=$(go env GOROOT)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$goroot"
find -L src test -type f -name '*.go' | LC_ALL=C sort | tr '\n' '\0' > "$tmp/files"
nfiles=$(tr -cd '\0' < "$tmp/files" | wc -c)
lines=$(xargs -0 cat < "$tmp/files" | wc -l)
bytes=$(xargs -0 cat < "$tmp/files" | wc -c)
echo "bench_syntax: $nfiles files, $lines lines, $bytes bytes under $goroot/{src,test}"
# warm the page cache
xargs -0 cat < "$tmp/files" > /dev/null

# once NAME command...: appends "wall cpu" of one run to $tmp/NAME
once() {
  local name=$1; shift
  local TIMEFORMAT='%R %U %S'
  { time xargs -0 -n 100000 "$@" < "$tmp/files" > /dev/null 2>&1; } 2> "$tmp/t"
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$tmp/t" >> "$tmp/$name"
}
# The tools take turns, round after round, so that a change in the
# machine's load (it may be shared) weighs on all of them alike.
: > "$tmp/goc"; : > "$tmp/gofmt"; : > "$tmp/gofmt1"
rounds=$(( goc_runs > gofmt_runs ? goc_runs : gofmt_runs ))
for ((r = 0; r < rounds; r++)); do
  [ $r -lt "$goc_runs" ] && once goc "$goc" tool syntax
  [ $r -lt "$gofmt_runs" ] && once gofmt gofmt -l
  [ $r -lt "$gofmt_runs" ] && GOMAXPROCS=1 once gofmt1 gofmt -l
done
median() { # column of $tmp/$1
  awk -v c="$2" '{ print $c }' "$tmp/$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
rate() { awk -v l="$lines" -v t="$1" 'BEGIN { printf "%.0f", l / t }'; }

report() { # name label
  local w c
  w=$(median "$1" 1); c=$(median "$1" 2)
  printf "%-28s wall %6.2f s  %9s lines/s   cpu %6.2f s  %9s lines/cpu-s   (median of %d)\n" \
    "$2" "$w" "$(rate "$w")" "$c" "$(rate "$c")" "$(wc -l < "$tmp/$1")"
}
report goc "goc tool syntax"
report gofmt "gofmt -l (GOMAXPROCS=$(nproc))"
report gofmt1 "gofmt -l (GOMAXPROCS=1)"
gw=$(median goc 1); gc=$(median goc 2)
awk -v g="$gw" -v gc="$gc" -v f="$(median gofmt 1)" -v fc="$(median gofmt 2)" \
    -v f1="$(median gofmt1 1)" -v f1c="$(median gofmt1 2)" 'BEGIN {
  printf "ratio goc/gofmt (default GOMAXPROCS): %.1fx wall, %.1fx cpu\n", f / g, fc / gc
  printf "ratio goc/gofmt (GOMAXPROCS=1):       %.1fx wall, %.1fx cpu   (goal: >= 10x)\n", f1 / g, f1c / gc
}'
