#!/usr/bin/env bash
# bench_stdcheck.sh [GOC]: the checker's stress test on Go's real standard
# library. Type-checks, from the Go 1.19 sources under $(go env GOROOT)/src,
# the packages below and everything they import (runtime and internal/...
# included, //go:build evaluated for linux/amd64) with `goc tool check -std`,
# and fails if any package of that closure has an error. Then it times the
# same work done by go/types (gotype -c=source, built from the Go tree) in
# the same run: each package checked in its own process by both tools, the
# tools taking turns, RUNS rounds (default 3); it prints the median total
# time of each and the ratio. The same work: gotype's source importer
# checks imported packages without their function bodies, and so does
# goc's -declsonly; goc checking every body too is printed beside it. With --check-only it stops after the check
# (the ctest). Exit 77 (skip) without Go.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
check_only=0
[ "${1:-}" = --check-only ] && { check_only=1; shift; }
goc=${1:-$root/build/goc}
runs=${RUNS:-3}
command -v go >/dev/null || { echo "bench_stdcheck: go not installed"; exit 77; }
goroot=$(go env GOROOT)
pkgs="errors unicode unicode/utf8 unicode/utf16 math/bits sort container/list container/heap container/ring
strings bytes strconv text/tabwriter bufio path encoding/hex encoding/base64 hash/crc32 hash/fnv math
math/rand regexp/syntax regexp go/token go/scanner"

out=$("$goc" tool check -std "$goroot/src" -v -e $pkgs 2>&1)
status=$?
echo "$out" | grep -v '^ok ' # errors, failures and the summary line
[ $status -eq 0 ] || { echo "bench_stdcheck: FAIL"; exit 1; }
# -declsonly (the timing's mode) must accept them too: no unused imports
# reported for packages whose bodies go unchecked
for p in $pkgs; do
  "$goc" tool check -std "$goroot/src" -declsonly "$p" || { echo "bench_stdcheck: FAIL with -declsonly: $p"; exit 1; }
done
[ $check_only -eq 1 ] && exit 0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
GOCACHE=$tmp/cache GO111MODULE=off go build -o "$tmp/bin/gotype" "$goroot/src/go/types/gotype.go" || exit 1
# total wall and CPU seconds of checking every package in its own process
each() {
  local TIMEFORMAT='%R %U %S'
  { time for p in $pkgs; do "$@" "$p" > "$tmp/out" 2>&1 || { echo "failed: $* $p" >&2; head -3 "$tmp/out" >&2; }; done; } 2> "$tmp/t"
  grep -v "^[0-9.]* [0-9.]* [0-9.]*$" "$tmp/t" >&2
  tail -1 "$tmp/t" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }'
}
goc_one() { "$goc" tool check -std "$goroot/src" -declsonly "$1"; }
gocfull_one() { "$goc" tool check -std "$goroot/src" "$1"; }
gotype_one() { "$tmp/bin/gotype" -c=source "$goroot/src/$1"; }
gotype1_one() { GOMAXPROCS=1 "$tmp/bin/gotype" -c=source "$goroot/src/$1"; }
: > "$tmp/goc"; : > "$tmp/gotype"; : > "$tmp/gotype1"; : > "$tmp/gocfull"; : > "$tmp/gocall"
TIMEFORMAT='%R %U %S'
for ((r = 0; r < runs; r++)); do
  each goc_one >> "$tmp/goc"
  each gotype_one >> "$tmp/gotype"
  each gotype1_one >> "$tmp/gotype1"
  each gocfull_one >> "$tmp/gocfull"
  { time "$goc" tool check -std "$goroot/src" $pkgs > /dev/null 2>&1; } 2> "$tmp/t"
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$tmp/t" >> "$tmp/gocall"
done
median() { awk -v c="$2" '{ print $c }' "$tmp/$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "$(echo $pkgs | wc -w) packages, each checked with its imports in its own process; median of $runs; load $(cut -d' ' -f1-3 /proc/loadavg)"
row() { printf "%-44s wall %7.3f s   cpu %7.3f s\n" "$1" "$(median "$2" 1)" "$(median "$2" 2)"; }
row "goc tool check -std -declsonly" goc
row "gotype -c=source (go/types)" gotype
row "gotype -c=source, GOMAXPROCS=1" gotype1
row "goc tool check -std (imports' bodies too)" gocfull
row "goc, all 25 in one process (bodies too)" gocall
awk -v a="$(median gotype 1)" -v b="$(median goc 1)" -v c="$(median gotype 2)" -v d="$(median goc 2)" -v e="$(median gotype1 1)" \
  'BEGIN { printf "goc -declsonly vs go/types: %.1fx faster (wall), %.1fx (cpu), %.1fx (wall, both on one core)\n", a / b, c / d, e / b }'
