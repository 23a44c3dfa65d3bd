#!/usr/bin/env bash
# check.sh GOC: DWARF line tables and function names. Builds lines.go at
# each optimization level (-N, the default, -O2) and checks, for each
# function, that the address of its symbol maps to its declaration line
# (addr2line), that the debug info has a subprogram of that name
# (llvm-dwarfdump), and, where gdb can run the program, that a breakpoint
# on main.add stops at add's line with main.main.func1 and main.main below.
set -u
goc=$1
here=$(cd "$(dirname "$0")" && pwd)
src=$here/lines.go
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
line_of() { grep -n "$1" "$src" | head -1 | cut -d: -f1; }
declare -A want=(
  [main.add]=$(line_of '^func add(')
  ['main.(*T).inc']=$(line_of '^func (t \*T) inc(')
  [main.main]=$(line_of '^func main(')
  [main.main.func1]=$(line_of 'f := func(y int) int {')
)
for level in -N "" -O2; do
  exe=$tmp/prog$level
  "$goc" build ${level:+-gcflags=$level} -o "$exe" "$src" || { echo "FAIL: build $level"; exit 1; }
  [ "$("$exe")" = 3 ] || { echo "FAIL: run $level"; fail=1; }
  for sym in "${!want[@]}"; do
    addr=$(nm "$exe" | awk -v s="$sym" '$3 == s && ($2 == "T" || $2 == "t") { print $1 }')
    [ -n "$addr" ] || { echo "FAIL ${level:-default}: no symbol $sym"; fail=1; continue; }
    got=$(addr2line -e "$exe" "0x$addr")
    if [ "$got" != "$src:${want[$sym]}" ]; then
      echo "FAIL ${level:-default}: $sym at 0x$addr is $got, want $src:${want[$sym]}"
      fail=1
    fi
    if ! llvm-dwarfdump-19 --debug-info "$exe" | grep -qF "DW_AT_name	(\"$sym\")"; then
      echo "FAIL ${level:-default}: no DW_TAG_subprogram named $sym"
      fail=1
    fi
  done
done
# gdb, where installed and allowed to trace (containers may forbid ptrace)
if command -v gdb >/dev/null; then
  out=$(timeout 60 gdb -q -batch -ex 'break main.add' -ex run -ex bt "$tmp/prog" 2>&1)
  if grep -q "hit Breakpoint 1" <<<"$out"; then
    # (as with gc, the breakpoint is past the prologue: at the body's first line)
    for want_frame in "#0  main.add () at $src:$((want[main.add] + 1))" "in main.main.func1 () at $src:" "in main.main () at $src:"; do
      grep -qF "$want_frame" <<<"$out" || { echo "FAIL gdb: no '$want_frame' in:"; echo "$out"; fail=1; }
    done
  else
    echo "debug: gdb cannot run programs here; skipped its check"
  fi
fi
# the trace after "goroutine 1 [running]:" names gc's frames and lines
# (panic.trace: gc's trace with arguments, offsets and directories removed)
for level in -N ""; do
for prog in panic gopanic deadlock; do
  "$goc" build ${level:+-gcflags=$level} -o "$tmp/$prog" "$here/$prog.go" || { echo "FAIL: build $prog.go"; exit 1; }
  "$tmp/$prog" 2>"$tmp/stderr" >/dev/null
  sed -n '/^goroutine [0-9]* \[.*\]:$/,$p' "$tmp/stderr" | tail -n +2 |
    sed -E 's/\([^()]*\)$/()/; s/ \+0x[0-9a-f]+$//; s|^\t.*/|\t|' > "$tmp/trace"
  if ! diff -u "$here/$prog.trace" "$tmp/trace"; then
    echo "FAIL ${level:-default}: $prog's trace differs from gc's"
    fail=1
  fi
done
done
[ $fail = 0 ] && echo "ok: DWARF lines and names at -N, default and -O2; gc's panic trace"
exit $fail
