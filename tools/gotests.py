#!/usr/bin/env python3
"""gotests.py: runs Go's own `// run` tests with goc, as test/run.go does.

Each single-file test whose first line is `// run` (no arguments) is built
with goc together with an extra file holding
    func init() { println("<random token>") }
so that a program that compiles to nothing cannot pass: the token must come
first. The combined stdout and stderr must then equal the token line plus
the test's .out file (or nothing without one), and the exit status 0.

Usage: gotests.py GOC [--update LIST] [--check LIST] [--list] [DIR|FILE ...]
  default directories: $(go env GOROOT)/test/{.,ken,chan,interface,typeparam}
  --check LIST   fail if a test named in LIST (one path per line, relative
                 to GOROOT/test) does not pass: the ratchet the suite runs
  --update LIST  write the passing tests to LIST
  --gcflags=F    build with goc build -gcflags=F (the suite runs the
                 ratchet at -O2 too)
  --gcstress[=N] run every test program under GC stress: GOGC=1
                 GODEBUG=gcstress=N,gcverify=1 (default N=20: a full
                 collection every N allocations, the heap verified after
                 every mark, freed objects poisoned); e.g.
                 gotests.py build/goc --gcstress --check testdata/run/gotests_passing.txt
"""
import os
import re
import random
import subprocess
import sys
import tempfile

from gotestfiles import go_files


def goroot():
    return subprocess.run(['go', 'env', 'GOROOT'], capture_output=True, text=True).stdout.strip()


def run_tests(goc, root, files, verbose, env=None, gcflags=None):
    passed, failed = [], []
    for f in files:
        rel = os.path.relpath(f, os.path.join(root, 'test'))
        with open(f, encoding='utf-8', errors='replace') as fh:
            src = fh.read()
        pkg = 'main'
        token = 'goc-token-%016x' % random.getrandbits(64)
        with tempfile.TemporaryDirectory() as tmp:
            init = os.path.join(tmp, 'zz_token.go')
            with open(init, 'w') as fh:
                fh.write('package %s\n\nfunc init() { println("%s") }\n' % (pkg, token))
            exe = os.path.join(tmp, 'prog')
            try:
                flags = ['-gcflags=' + gcflags] if gcflags else []
                b = subprocess.run([goc, 'build'] + flags + ['-o', exe, f, init], capture_output=True, text=True, timeout=120,
                                   errors='replace', cwd=os.path.dirname(f))
            except subprocess.TimeoutExpired:
                failed.append((rel, 'build timed out'))
                continue
            if b.returncode != 0:
                first = (b.stderr.strip().split('\n') or [''])[0]
                failed.append((rel, 'build: ' + first[:160]))
                continue
            try:
                # under --gcstress a full collection every N allocations makes
                # allocation-heavy tests (peano.go) much slower: allow 5 minutes
                r = subprocess.run([exe], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   timeout=300 if 'GOGC' in env else 60, cwd=os.path.dirname(f), env=env)
                out = r.stdout.decode('utf-8', errors='replace')
                code = r.returncode
            except subprocess.TimeoutExpired:
                failed.append((rel, 'run timed out'))
                continue
        want = token + '\n'
        outfile = f[:-3] + '.out'
        if os.path.exists(outfile):
            with open(outfile, encoding='utf-8', errors='replace') as fh:
                want += fh.read()
        if code != 0:
            failed.append((rel, 'exit status %d: %s' % (code, out.replace(token + '\n', '').strip().split('\n')[0][:160])))
        elif out != want:
            failed.append((rel, 'output differs'))
        else:
            passed.append(rel)
        if verbose:
            print(('ok   ' if passed and passed[-1] == rel else 'FAIL ') + rel, flush=True)
    return passed, failed


def collect(root, args):
    files = go_files(args, [os.path.join(root, 'test', d) for d in ('.', 'ken', 'chan', 'interface', 'typeparam')])
    tests = []
    for f in files:
        with open(f, encoding='utf-8', errors='replace') as fh:
            first = fh.readline().strip()
        if first == '// run' and builds_here(f):
            tests.append(f)
    return tests


# what run.go's shouldTest takes as satisfied on linux/amd64 with gc
BUILD_TAGS = {'linux', 'amd64', 'gc', 'unix'} | {'go1.%d' % i for i in range(1, 20)}


def builds_here(path):
    """Whether the file's //go:build (or // +build) constraint holds here."""
    ok = True
    with open(path, encoding='utf-8', errors='replace') as fh:
        for line in fh:
            line = line.strip()
            if line.startswith('package '):
                break
            if line.startswith('//go:build '):
                expr = line[len('//go:build '):]
                expr = re.sub(r'[A-Za-z0-9_.]+', lambda m: str(m.group(0) in BUILD_TAGS), expr)
                expr = expr.replace('&&', ' and ').replace('||', ' or ').replace('!', ' not ')
                return bool(eval(expr, {'__builtins__': {}}))
            if line.startswith('// +build '):
                # options separated by spaces are ORed, terms by commas ANDed
                ok = ok and any(all((t[1:] not in BUILD_TAGS) if t.startswith('!') else (t in BUILD_TAGS)
                                    for t in opt.split(',')) for opt in line.split()[2:])
    return ok


def main():
    argv = sys.argv[1:]
    if not argv:
        print(__doc__)
        return 2
    goc = os.path.abspath(argv.pop(0))
    opts = {}
    for o in ('--update', '--check'):
        if o in argv:
            i = argv.index(o)
            opts[o] = argv[i + 1]
            del argv[i:i + 2]
    verbose = '--list' in argv
    # as run.go: a few tests (env.go) read these
    env = dict(os.environ, GOOS=os.environ.get('GOOS', 'linux'), GOARCH=os.environ.get('GOARCH', 'amd64'))
    for a in argv:
        if a == '--gcstress' or a.startswith('--gcstress='):
            n = a.split('=', 1)[1] if '=' in a else '20'
            env = dict(env, GOGC='1', GODEBUG='gcstress=%s,gcverify=1' % n)
    argv = [a for a in argv if not (a == '--gcstress' or a.startswith('--gcstress='))]
    gcflags = None
    for a in argv:
        if a.startswith('--gcflags='):
            gcflags = a.split('=', 1)[1]
    argv = [a for a in argv if not a.startswith('--gcflags=')]
    argv = [a for a in argv if a != '--list']
    if subprocess.run(['sh', '-c', 'command -v go'], capture_output=True).returncode != 0:
        print('gotests: skipped: Go (the test suite) is not installed')
        return 77
    root = goroot()
    if '--check' in opts:
        with open(opts['--check']) as fh:
            names = [l.strip() for l in fh if l.strip() and not l.startswith('#')]
        files = [os.path.join(root, 'test', n) for n in names]
    else:
        files = collect(root, argv)
    passed, failed = run_tests(goc, root, files, verbose, env, gcflags)
    for rel, why in failed:
        if verbose or '--check' in opts:
            print('FAIL %s: %s' % (rel, why))
    if '--update' in opts:
        with open(opts['--update'], 'w') as fh:
            fh.write('# Go test-suite `// run` tests goc passes (tools/gotests.py --update).\n')
            for p in sorted(passed):
                fh.write(p + '\n')
    print('%d passed, %d failed' % (len(passed), len(failed)))
    return 1 if failed and '--check' in opts else 0


if __name__ == '__main__':
    sys.exit(main())
