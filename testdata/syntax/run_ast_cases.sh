#!/usr/bin/env bash
# run_ast_cases.sh GOC [NAME...]: the parser's ambiguity tests. For each
# testdata/syntax/ast/NAME.go, `goc tool syntax -ast NAME.go` must print
# exactly NAME.ast, a golden tree checked by hand against gc's reading
# (composite literals in headers, `type A[N]int` vs `type A[T any] int`,
# `f(a [4]int)` vs `f(List[int])`, `<-chan <-chan int`, method expressions,
# labels, instantiation). Regenerate with --update after a deliberate change
# of the dump format, and review the diff.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
goc=$1; shift
case $goc in /*) ;; *) goc=$PWD/$goc ;; esac
update=0
if [ "${1:-}" == "--update" ]; then update=1; shift; fi
cd "$here/ast"
if [ $# -eq 0 ]; then set -- $(ls *.go | sed 's/\.go$//'); fi
fail=0; pass=0
for name; do
  got=$("$goc" tool syntax -ast "$name.go" 2>&1); status=$?
  if [ $update -eq 1 ]; then printf '%s\n' "$got" > "$name.ast"; continue; fi
  if [ $status -eq 0 ] && [ "$got" == "$(cat "$name.ast")" ]; then pass=$((pass + 1)); continue; fi
  echo "FAIL $name (exit $status)"
  diff <(cat "$name.ast") <(printf '%s\n' "$got") | head -40
  fail=$((fail + 1))
done
echo "run_ast_cases: $pass passed, $fail failed"
[ $fail -eq 0 ]
