#!/usr/bin/env bash
# check.sh GOC: a module of several packages (app/go.mod): `goc run .` at
# its root and `goc build` of a command below it must print what gc printed
# (app/expected.txt, recorded with `go run`); building a library package of
# the module only compiles it; an import the module does not provide is an
# error naming the package.
set -u
goc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
{
  (cd "$here/app" && "$goc" run .)
  (cd "$here/app/cmd/tool" && "$goc" build -o "$tmp/tool" . && "$tmp/tool")
} > "$tmp/out" 2>&1
diff -u "$here/app/expected.txt" "$tmp/out" || { echo "FAIL: output differs from gc's"; fail=1; }
(cd "$here/app/util" && "$goc" build .) || { echo "FAIL: goc build of a library package"; fail=1; }
mkdir -p "$tmp/bad"
printf 'module example.com/bad\n\ngo 1.19\n' > "$tmp/bad/go.mod"
printf 'package main\n\nimport "example.com/bad/missing"\n\nfunc main() { missing.F() }\n' > "$tmp/bad/main.go"
if (cd "$tmp/bad" && "$goc" build -o "$tmp/badexe" . 2>"$tmp/err"); then
  echo "FAIL: a missing package compiled"; fail=1
elif ! grep -q 'example.com/bad/missing' "$tmp/err"; then
  echo "FAIL: the error does not name the package:"; cat "$tmp/err"; fail=1
fi
[ $fail = 0 ] && echo "ok: modules"
exit $fail
