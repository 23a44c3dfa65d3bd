#!/usr/bin/env python3
"""typecheck_suite.py: no false errors from the type checker.

Every `// run` and `// compile` test of Go's own suite in
$(go env GOROOT)/test/{.,chan,interface,typeparam} that imports nothing,
or only packages goc's stdlib/ provides, must type-check without error
(`goc tool compile -e -d=checkonly`: code generation is not asked, so
generic code counts too). A file still failing must be listed, with its
reason, in the expected-failures file; the test fails if a file fails that
is not listed, or a listed one passes (so the list only shrinks).

Usage: typecheck_suite.py GOC EXPECTED [--list] [FILE|DIR ...]
Exit 77 (skip) without Go.
"""
import os
import re
import subprocess
import sys
import tempfile

from gotestfiles import go_files

IMPORT_RX = re.compile(r'^import\s*(?:\(((?:.|\n)*?)\)|(?:[\w.]+\s+)?"([^"]+)")', re.M)


def provided_packages(root):
    pkgs = {'unsafe'}
    stdlib = os.path.join(root, 'stdlib')
    for d, _, names in os.walk(stdlib):
        if any(n.endswith('.go') for n in names):
            pkgs.add(os.path.relpath(d, stdlib))
    return pkgs


def imports(src):
    out = []
    for m in IMPORT_RX.finditer(src):
        if m.group(2):
            out.append(m.group(2))
        else:
            out += re.findall(r'"([^"]+)"', m.group(1))
    return out


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__)
        return 2
    goc, expected_file = os.path.abspath(args[0]), args[1]
    listing = '--list' in args
    rest = [a for a in args[2:] if a != '--list']
    try:
        goroot = subprocess.run(['go', 'env', 'GOROOT'], capture_output=True, text=True).stdout.strip()
    except FileNotFoundError:
        print('typecheck_suite: go not installed, skipped')
        return 77
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    provided = provided_packages(root)
    expected = {}
    for line in open(expected_file):
        line = line.strip()
        if line and not line.startswith('#'):
            name, _, why = line.partition(' ')
            expected[name] = why
    dirs = [os.path.join(goroot, 'test', d) for d in ('.', 'chan', 'interface', 'typeparam')]
    ok, failed, skipped = 0, {}, 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in go_files(rest, dirs):
            src = open(path, errors='replace').read()
            if src.split('\n', 1)[0].strip() not in ('// run', '// compile'):
                continue
            if any(i not in provided for i in imports(src)):
                skipped += 1
                continue
            name = os.path.relpath(path, os.path.join(goroot, 'test'))
            try:
                p = subprocess.run([goc, 'tool', 'compile', '-e', '-d=checkonly', '-o', os.path.join(tmp, 'x.o'), path],
                                   capture_output=True, text=True, timeout=120)
                errs = [l for l in p.stderr.splitlines() if l.strip() and not l.startswith('\t')]
                if p.returncode or errs:
                    failed[name] = (errs or ['exit status %d' % p.returncode])[0]
                else:
                    ok += 1
            except subprocess.TimeoutExpired:
                failed[name] = 'timeout'
    bad = 0
    for name, err in sorted(failed.items()):
        if name not in expected:
            print('FAIL (not expected): %s: %s' % (name, err))
            bad += 1
        elif listing:
            print('expected failure: %s: %s' % (name, err))
    for name in sorted(expected):
        if name not in failed and (not rest or any(name in r for r in rest)):
            print('PASS (listed as failing; remove it from %s): %s' % (expected_file, name))
            bad += 1
    print('typecheck_suite: %d type-check cleanly, %d fail (%s), %d skipped for imports goc does not provide'
          % (ok, len(failed), 'each listed with its reason' if bad == 0 else 'see above', skipped))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
