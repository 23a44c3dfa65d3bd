#!/usr/bin/env bash
# run_nesting.sh GOC: deep nesting must not crash the front end. 99,000
# nested blocks and parentheses parse (3,000 also dump with -ast, whose
# indentation grows with depth); 150,000 are
# reported as gofmt reports them ("exceeded max nesting depth"), not a
# stack overflow. Needs no Go.
set -uo pipefail
goc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rep() { head -c "$2" < /dev/zero | tr '\0' "$1"; }
fail=0
gen() { # file n kind
  case $3 in
  block) { printf 'package p\nfunc f() {'; rep '{' "$2"; rep '}' "$2"; printf '}\n'; } > "$1" ;;
  paren) { printf 'package p\nvar x = '; rep '(' "$2"; printf 1; rep ')' "$2"; printf '\n'; } > "$1" ;;
  esac
}
for kind in block paren; do
  gen "$tmp/ok.go" 99000 $kind
  "$goc" tool syntax "$tmp/ok.go" > /dev/null 2> "$tmp/err"; s=$?
  if [ $s -ne 0 ]; then echo "FAIL: 99000 nested ${kind}s: exit $s: $(head -c 200 "$tmp/err")"; fail=1; fi
  gen "$tmp/ast.go" 3000 $kind
  "$goc" tool syntax -ast "$tmp/ast.go" > /dev/null 2> "$tmp/err"; s=$?
  if [ $s -ne 0 ]; then echo "FAIL: -ast of 3000 nested ${kind}s: exit $s: $(head -c 200 "$tmp/err")"; fail=1; fi
  gen "$tmp/deep.go" 150000 $kind
  "$goc" tool syntax "$tmp/deep.go" > /dev/null 2> "$tmp/err"; s=$?
  if [ $s -ne 1 ] || ! grep -q "exceeded max nesting depth" "$tmp/err"; then
    echo "FAIL: 150000 nested ${kind}s: exit $s: $(head -c 200 "$tmp/err")"; fail=1
  fi
done
[ $fail -eq 0 ] && echo "run_nesting: ok"
exit $fail
