#!/usr/bin/env bash
# corpus_check.sh [GOC]: the front end's corpus check. Over every .go file
# under $GOROOT/src and $GOROOT/test (both symlinks on Debian: followed),
# `goc tool syntax -e` must accept exactly the files `gofmt -e -l` accepts.
# A disagreement is allowed only if testdata/syntax/corpus_exceptions.txt
# names the file with a reason. Prints the counts; exit 0 if clean, 1 on an
# unlisted mismatch, 77 (ctest's skip code here) if Go is not installed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
goc=${1:-$root/build/goc}
case $goc in /*) ;; *) goc=$PWD/$goc ;; esac
exceptions=$root/testdata/syntax/corpus_exceptions.txt

if ! command -v go >/dev/null 2>&1 || ! command -v gofmt >/dev/null 2>&1; then
  echo "corpus_check: SKIP: go/gofmt not installed (apt-get install golang-go golang-src)"
  exit 77
fi
goroot=$(go env GOROOT)
if [ ! -d "$goroot/src" ] || [ ! -d "$goroot/test" ]; then
  echo "corpus_check: SKIP: $goroot/src or $goroot/test missing (golang-src)"
  exit 77
fi
[ -x "$goc" ] || { echo "corpus_check: no goc at $goc"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$goroot"
find -L src test -type f -name '*.go' | LC_ALL=C sort > "$tmp/files"
nfiles=$(wc -l < "$tmp/files")
[ "$nfiles" -gt 0 ] || { echo "corpus_check: no files under $goroot"; exit 1; }

# Both tools print errors as path:line:col: message with the path as given.
# Run them side by side (gofmt is the slow one); -e: do not stop at 10.
tr '\n' '\0' < "$tmp/files" | xargs -0 -n 2000 gofmt -e -l > /dev/null 2> "$tmp/gofmt.err" &
gofmt_pid=$!
tr '\n' '\0' < "$tmp/files" | xargs -0 -n 2000 "$goc" tool syntax -e 2> "$tmp/goc.err"
goc_status=$?
wait $gofmt_pid

# The rejected files: error lines' path prefixes that are corpus files.
# Any other stderr output (a crash, a usage message) fails the check.
rejected() { # $1: stderr file, $2: out list, $3: tool name
  awk -v files="$tmp/files" -v tool="$3" '
    BEGIN { while ((getline f < files) > 0) known[f] = 1 }
    {
      if (match($0, /^[^:]+:[0-9]+:[0-9]+: /) || match($0, /^[^:]+:[0-9]+: /)) {
        p = substr($0, 1, index($0, ":") - 1)
        if (p in known) { bad[p] = 1; seen = 1; next }
      }
      # a message continued on the next line (gofmt quotes raw strings)
      if (seen && $0 !~ /^xargs:|panic|Sanitizer|runtime error|Segmentation/) next
      print tool ": unexpected output: " $0 > "/dev/stderr"; odd = 1
    }
    END { for (p in bad) print p; exit odd }' "$1" | LC_ALL=C sort > "$2"
}
status=0
rejected "$tmp/gofmt.err" "$tmp/gofmt.rej" gofmt || status=1
rejected "$tmp/goc.err" "$tmp/goc.rej" goc || status=1
if [ "$goc_status" -gt 1 ] && [ "$goc_status" -ne 123 ]; then
  echo "corpus_check: goc exited with status $goc_status"; status=1
fi

lines=$(tr '\n' '\0' < "$tmp/files" | xargs -0 cat | wc -l)
both_rej=$(LC_ALL=C comm -12 "$tmp/gofmt.rej" "$tmp/goc.rej" | wc -l)
LC_ALL=C comm -23 "$tmp/gofmt.rej" "$tmp/goc.rej" > "$tmp/only_gofmt" # goc accepts, gofmt rejects
LC_ALL=C comm -13 "$tmp/gofmt.rej" "$tmp/goc.rej" > "$tmp/only_goc"   # goc rejects, gofmt accepts
nrej_gofmt=$(wc -l < "$tmp/gofmt.rej")
echo "corpus_check: $nfiles files, $lines lines under $goroot/{src,test}"
echo "corpus_check: gofmt -e accepts $((nfiles - nrej_gofmt)), rejects $nrej_gofmt; goc tool syntax rejects $(wc -l < "$tmp/goc.rej")"
echo "corpus_check: accepted by both $((nfiles - nrej_gofmt - $(wc -l < "$tmp/only_goc"))), rejected by both $both_rej"

listed() { grep -v '^#' "$exceptions" 2>/dev/null | awk 'NF { print $1 }' | grep -qxF "$1"; }
mismatches=0; excused=0
report() { # $1: file, $2: what happened
  if listed "$1"; then
    excused=$((excused + 1))
    echo "  excused: $1: $2 ($(grep -F "$1" "$exceptions" | head -1 | cut -d' ' -f2- | sed 's/^ *//'))"
  else
    mismatches=$((mismatches + 1))
    echo "  MISMATCH: $1: $2"
  fi
}
while read -r f; do report "$f" "gofmt rejects, goc accepts"; done < "$tmp/only_gofmt"
while read -r f; do
  report "$f" "goc rejects, gofmt accepts"
  grep -F "$f:" "$tmp/goc.err" | head -3 | sed 's/^/      goc: /'
done < "$tmp/only_goc"
# Stale exceptions: listed but no longer mismatching.
grep -v '^#' "$exceptions" 2>/dev/null | awk 'NF { print $1 }' | while read -r f; do
  grep -qxF "$f" "$tmp/only_gofmt" "$tmp/only_goc" 2>/dev/null || \
    echo "  note: $f is listed in corpus_exceptions.txt but now agrees; remove it"
done
echo "corpus_check: $mismatches mismatches, $excused excused"
[ "$mismatches" -eq 0 ] || status=1
exit $status
