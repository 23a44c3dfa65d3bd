#!/usr/bin/env python3
"""bench_levels.py: the measurements behind goc's optimization levels.

For each candidate (a level flag, or an LLVM pass pipeline and codegen
level given to goc through GOC_PIPELINE="passes;N"), builds the run-time
benchmarks of issue 4 (tools/bench/{fib,sieve,strbuild,wordcount,iface}.go)
with the build cache off, so every package (fmt, strconv, ... included) is
compiled: the whole-program compile time. Then runs each binary several
times. Prints per candidate the median compile time and the median CPU time
of each program, and their sums, all from one run on one machine, so that
the default level can be chosen as the best trade-off (docs/architecture.md
records the figures).

Usage: tools/bench_levels.py [--goc PATH] [--runs N]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = ["fib", "sieve", "strbuild", "wordcount", "iface"]
# name, gcflags, GOC_PIPELINE
CANDIDATES = [
    ("-N", "-N", None),
    ("O0cg+passes", None, "function(mem2reg,instcombine<no-verify-fixpoint>,simplifycfg);0"),
    ("default", None, None),
    ("passes+O2cg", None, "function(mem2reg,instcombine<no-verify-fixpoint>,simplifycfg);2"),
    ("O1+O0cg", None, "default<O1>;0"),
    ("O1", None, "default<O1>;1"),
    ("-O2", "-O2", None),
]


def med(v):
    v = sorted(v)
    return v[len(v) // 2] if v else float("nan")


def cpu_time(argv, env):
    t0 = os.times()
    p = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t1 = os.times()
    if p.returncode != 0:
        raise RuntimeError("%s failed: %s" % (argv[0], p.stderr.decode(errors="replace")[:400]))
    return (t1.children_user - t0.children_user) + (t1.children_system - t0.children_system)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--goc", default=os.path.join(ROOT, "build", "goc"))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    if not os.path.exists(a.goc):
        print("bench_levels: no goc at %s" % a.goc)
        return 1
    tmp = tempfile.mkdtemp()
    rows = []
    try:
        for name, flags, pipe in CANDIDATES:
            env = dict(os.environ, GOCCACHE="off")
            if pipe:
                env["GOC_PIPELINE"] = pipe
            comp, run = {}, {}
            for prog in PROGRAMS:
                src = os.path.join(ROOT, "tools", "bench", prog + ".go")
                exe = os.path.join(tmp, prog)
                argv = [a.goc, "build", "-o", exe] + (["-gcflags=" + flags] if flags else []) + [src]
                comp[prog] = med([cpu_time(argv, env) for _ in range(a.runs)])
                run[prog] = med([cpu_time([exe], dict(os.environ)) for _ in range(a.runs)])
            rows.append((name, comp, run))
            print("measured %s" % name, file=sys.stderr)
    finally:
        shutil.rmtree(tmp)
    print("CPU seconds, median of %d (compile: goc build of the whole program, build cache off)" % a.runs)
    print("%-14s %9s  %s %9s" % ("candidate", "compile", " ".join("%10s" % p for p in PROGRAMS), "run sum"))
    for name, comp, run in rows:
        print("%-14s %9.2f  %s %9.3f" % (name, sum(comp.values()), " ".join("%10.3f" % run[p] for p in PROGRAMS),
                                         sum(run.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
