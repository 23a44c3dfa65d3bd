#!/usr/bin/env bash
# run_gc_cases.sh GOC [NAME...]: the front end's unit tests against gc.
# For each testdata/syntax/gc/NAME.go (all of them if no NAME is given),
# `goc tool syntax NAME.go` (run in that directory) must print exactly what
# gc printed, recorded in NAME.gc by tools/gen_syntax_expected.sh, and exit
# 1 if it printed anything, 0 if not. A case whose difference is known and
# explained is listed in testdata/syntax/expected_failures.txt
# ("NAME  reason"): it is reported as XFAIL; if it passes it is reported as
# XPASS and fails the run, so the list stays true. Needs no Go.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
goc=$1; shift
case $goc in /*) ;; *) goc=$PWD/$goc ;; esac
xfail_list=$here/expected_failures.txt
cd "$here/gc"
if [ $# -eq 0 ]; then set -- $(ls *.go | sed 's/\.go$//'); fi
pass=0; fail=0; xfail=0; xpass=0
for name; do
  [ -f "$name.go" ] && [ -f "$name.gc" ] || { echo "FAIL $name: no $name.go or $name.gc"; fail=$((fail + 1)); continue; }
  got=$("$goc" tool syntax "$name.go" 2>&1 >/dev/null); status=$?
  want=$(cat "$name.gc")
  ok=1
  [ "$got" == "$want" ] || ok=0
  if [ -z "$want" ] && [ $status -ne 0 ]; then ok=0; fi
  if [ -n "$want" ] && [ $status -ne 1 ]; then
    # gc's checker errors are not goc tool syntax's business, but a syntax
    # error must give status 1 and anything else 0
    ok=0
  fi
  reason=$(awk -v n="$name" '$1 == n { $1 = ""; sub(/^ +/, ""); print; exit }' "$xfail_list" 2>/dev/null)
  if [ $ok -eq 1 ]; then
    if [ -n "$reason" ]; then echo "XPASS $name (listed in expected_failures.txt: remove it)"; xpass=$((xpass + 1))
    else pass=$((pass + 1)); fi
  elif [ -n "$reason" ]; then
    echo "XFAIL $name: $reason"; xfail=$((xfail + 1))
  else
    echo "FAIL $name (exit $status)"
    diff <(printf '%s\n' "$want") <(printf '%s\n' "$got") | sed 's/^</  gc: /; s/^>/  goc:/' | grep -v '^---' | grep -v '^[0-9]'
    fail=$((fail + 1))
  fi
done
echo "run_gc_cases: $pass passed, $xfail expected failures, $fail failed, $xpass unexpectedly passed"
[ $fail -eq 0 ] && [ $xpass -eq 0 ]
