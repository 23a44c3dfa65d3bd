#!/usr/bin/env bash
# golden.sh: end-to-end tests against outputs recorded from gc.
#   golden.sh record PROG.go...  build each program with gc (go build), run
#                                it, and record PROG.stdout, PROG.stderr and
#                                PROG.exit beside it (needs Go 1.19)
#   golden.sh check GOC PROG.go  build PROG.go with goc (the binary GOC), run
#                                it, and compare with the recordings
#                                ($GOC_GCFLAGS, if set, is passed as -gcflags)
#   golden.sh record-errors F.go...  record gc's compile errors for F.go
#                                (go tool compile) in F.errors
#   golden.sh check-errors GOC F.go  compare goc tool compile's errors with them
# stderr is compared up to and including a "goroutine N [...]:" line: what
# follows is a stack trace, whose addresses and paths differ by compiler.
set -u
mode=$1; shift

# (the pc= of a "[signal SIGSEGV: ...]" line is an address in the binary)
trim_stderr() { awk '{ print } /^goroutine [0-9]+ \[.*\]:$/ { exit }' | sed -E 's/ pc=0x[0-9a-f]+\]$/ pc=PC]/'; }

case "$mode" in
record)
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	for prog in "$@"; do
		base=${prog%.go}
		(cd "$(dirname "$prog")" && GO111MODULE=off go build -o "$tmp/prog" "$(basename "$prog")") || { echo "gc failed on $prog"; exit 1; }
		"$tmp/prog" >"$base.stdout" 2>"$tmp/stderr"
		echo $? >"$base.exit"
		trim_stderr <"$tmp/stderr" >"$base.stderr"
	done
	;;
check)
	goc=$1 prog=$2
	base=${prog%.go}
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	if ! "$goc" build ${GOC_GCFLAGS:+-gcflags="$GOC_GCFLAGS"} -o "$tmp/prog" "$prog" 2>"$tmp/build.err"; then
		echo "FAIL $prog: goc build failed"; cat "$tmp/build.err"; exit 1
	fi
	"$tmp/prog" >"$tmp/stdout" 2>"$tmp/stderr.full"
	echo $? >"$tmp/exit"
	trim_stderr <"$tmp/stderr.full" >"$tmp/stderr"
	fail=0
	for part in stdout stderr exit; do
		if ! cmp -s "$base.$part" "$tmp/$part"; then
			echo "FAIL $prog: $part differs from gc's"
			diff "$base.$part" "$tmp/$part" | head -20
			fail=1
		fi
	done
	[ $fail = 0 ] && echo "ok $prog"
	exit $fail
	;;
record-errors)
	for f in "$@"; do
		# never -o /dev/null: gc removes its output file when compilation fails
		tmpo=$(mktemp -d)
		(cd "$(dirname "$f")" && go tool compile -o "$tmpo/out.o" "$(basename "$f")" >"$(basename "${f%.go}").errors" 2>&1) || true
		rm -rf "$tmpo"
	done
	;;
check-errors)
	goc=$1 f=$2
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	(cd "$(dirname "$f")" && "$goc" tool compile -o "$tmp/out.o" "$(basename "$f")" >"$tmp/errors" 2>&1)
	if ! cmp -s "${f%.go}.errors" "$tmp/errors"; then
		echo "FAIL $f: errors differ from gc's (< gc, > goc)"
		diff "${f%.go}.errors" "$tmp/errors"
		exit 1
	fi
	echo "ok $f"
	;;
*)
	echo "usage: golden.sh record PROG.go... | golden.sh check GOC PROG.go" >&2
	exit 2
	;;
esac
