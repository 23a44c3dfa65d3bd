#!/usr/bin/env python3
"""Run-time benchmarks: goc (default level and -O2) against gc, same sources.

Builds every tools/bench/*.go program with goc (default and -gcflags=-O2)
and with gc (GO111MODULE=off go build), runs each binary several times
alternating the compilers, and reports per program the median wall time,
user+sys CPU time, peak RSS (wait4's ru_maxrss) and the goc/gc ratios, all
measured in the same run; plus compile time (goc build at the default level
vs go build with a warm cache) and the program-specific figures (ns per
operation, GC stop-the-world pauses from GODEBUG=gctrace=1, RSS per parked
goroutine, the GOMAXPROCS=2/1 wall ratio). See docs/benchmarks.md.

  tools/bench_run.py [--quick] [--only NAME[,NAME]] [--runs N] [--json FILE]
                     [--goc PATH] [--workdir DIR] [--no-o2]

--quick: tiny sizes, one run, checks that every program builds with both
compilers and that goc's output equals gc's (exit 1 otherwise); timings are
printed but never judged. Exit 77 (skip) without Go.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_DIR = os.path.join(ROOT, "tools", "bench")

# name -> (source, environment, timeout in seconds, issue)
# "parallel_p1" runs parallel.go with GOMAXPROCS=1.
PROGRAMS = [
    ("fib", "fib.go", {}, 120, 4),
    ("sieve", "sieve.go", {}, 120, 4),
    ("strbuild", "strbuild.go", {}, 120, 4),
    ("wordcount", "wordcount.go", {}, 120, 4),
    ("iface", "iface.go", {}, 120, 4),
    ("binarytrees", "binarytrees.go", {"GODEBUG": "gctrace=1"}, 300, 5),
    ("churn", "churn.go", {"GODEBUG": "gctrace=1"}, 300, 5),
    ("mapstring", "mapstring.go", {"GODEBUG": "gctrace=1"}, 120, 5),
    ("spawn", "spawn.go", {}, 120, 6),
    ("pingpong", "pingpong.go", {}, 120, 6),
    ("parked", "parked.go", {}, 120, 6),
    ("deeprec", "deeprec.go", {}, 120, 6),
    ("spinner", "spinner.go", {"GOMAXPROCS": "1"}, 30, 6),
    ("parallel", "parallel.go", {"GOMAXPROCS": "2"}, 120, 6),
    ("parallel_p1", "parallel.go", {"GOMAXPROCS": "1"}, 120, 6),
]

GCTRACE = re.compile(r"^gc \d+ @[0-9.]+s \d+%: ([0-9.]+)\+([0-9.]+)\+([0-9.]+) ms clock")


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def run_cmd(argv, env=None, cwd=None, timeout=600):
    t0 = time.perf_counter()
    p = subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout)
    return p.returncode, time.perf_counter() - t0, p.stdout.decode(errors="replace")


def measure(launcher, binary, args, env, timeout, workdir, tag):
    """Runs binary once under the launcher (tools/bench/launch.c: fork, exec,
    wait4); returns a dict of wall, cpu (user+sys), rss (bytes), status,
    stdout, stderr."""
    out_path = os.path.join(workdir, tag + ".out")
    err_path = os.path.join(workdir, tag + ".err")
    res_path = os.path.join(workdir, tag + ".res")
    full_env = dict(os.environ)
    full_env.update(env)
    with open(out_path, "wb") as fo, open(err_path, "wb") as fe:
        subprocess.run([launcher, res_path, str(timeout), binary] + args, stdout=fo, stderr=fe,
                       env=full_env, cwd=workdir)
    with open(out_path, "rb") as f:
        stdout = f.read().decode(errors="replace")
    with open(err_path, "rb") as f:
        stderr = f.read().decode(errors="replace")
    try:
        with open(res_path) as f:
            wall, ut, st, rss, status = f.read().split()
        wall, cpu, rss = float(wall), float(ut) + float(st), int(rss)
        status = int(status) if status != "timeout" else status
    except (OSError, ValueError):
        wall, cpu, rss, status = float("nan"), float("nan"), 0, "launch failed"
    return {"wall": wall, "cpu": cpu, "rss": rss, "status": status, "stdout": stdout, "stderr": stderr}


def extras(name, r):
    """Program-specific figures from one run's stderr."""
    x = {}
    for line in r["stderr"].splitlines():
        m = re.match(r"^BENCH (\S+) (\d+)", line)
        if m:
            x[m.group(1)] = int(m.group(2))
        m = GCTRACE.match(line)
        if m:
            stw = max(float(m.group(1)), float(m.group(3))) * 1000.0  # us
            x["gcs"] = x.get("gcs", 0) + 1
            x["stw_max_us"] = max(x.get("stw_max_us", 0.0), stw)
            x.setdefault("stw_all", []).append(stw)
    if name == "parked" and "goroutines" in x:
        x["rss_per_g"] = r["rss"] // x["goroutines"]
    return x


def med(v):
    return statistics.median(v) if v else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--json", default="")
    ap.add_argument("--goc", default=os.path.join(ROOT, "build", "goc"))
    ap.add_argument("--workdir", default="")
    ap.add_argument("--no-o2", action="store_true")
    a = ap.parse_args()

    if shutil.which("go") is None:
        print("bench_run: go not found; skipping")
        return 77
    runs = 1 if a.quick else max(1, a.runs)
    workdir = a.workdir or os.path.join(ROOT, "build", "bench")
    os.makedirs(workdir, exist_ok=True)
    workdir = os.path.abspath(workdir)
    only = set(filter(None, a.only.split(",")))
    progs = [p for p in PROGRAMS if not only or p[0] in only or (p[0] == "parallel_p1" and "parallel" in only)]
    if only and not progs:
        print("bench_run: no program named %s" % a.only, file=sys.stderr)
        return 2
    variants = ["goc", "goc-O2", "gc"]
    if a.no_o2:
        variants = ["goc", "gc"]
    args = ["quick"] if a.quick else []
    go_env = dict(os.environ, GO111MODULE="off")

    launcher = os.path.join(workdir, "launch")
    src = os.path.join(BENCH_DIR, "launch.c")
    if not os.path.exists(launcher) or os.path.getmtime(launcher) < os.path.getmtime(src):
        cc = shutil.which("cc") or shutil.which("clang-19") or "cc"
        subprocess.run([cc, "-O2", "-static", "-o", launcher, src], check=True)

    load_start = loadavg()
    print("goc bench: %s; runs=%d; load average at start %s; %d CPUs" %
          ("quick" if a.quick else "full", runs, load_start, os.cpu_count()))

    # ---- build (and compile time) ----
    failures = []
    bins = {}
    ctime = {}
    for src in sorted(set(p[1] for p in progs)):
        base = src[:-3]
        path = os.path.join(BENCH_DIR, src)
        tgoc, tgc = [], []
        for v in variants:
            out = os.path.join(workdir, base + "." + v)
            if v == "gc":
                argv = ["go", "build", "-o", out, path]
                rc, t, log = run_cmd(argv, env=go_env, cwd=workdir)  # warms the cache
                if rc == 0:
                    for _ in range(1 if a.quick else 3):
                        rc, t, log = run_cmd(argv, env=go_env, cwd=workdir)
                        tgc.append(t)
            else:
                argv = [a.goc, "build", "-o", out] + (["-gcflags=-O2"] if v == "goc-O2" else []) + [path]
                rc, t, log = run_cmd(argv, cwd=workdir)
                if v == "goc" and rc == 0:
                    tgoc.append(t)
                    for _ in range(0 if a.quick else 2):
                        rc, t, log = run_cmd(argv, cwd=workdir)
                        tgoc.append(t)
            if rc != 0:
                failures.append("%s: %s build failed:\n%s" % (src, v, log))
                print("BUILD FAILED %s %s\n%s" % (src, v, log), file=sys.stderr)
                continue
            bins[(base, v)] = out
        ctime[base] = (med(tgoc), med(tgc))

    # ---- runs, alternating the compilers ----
    results = {}  # (name, variant) -> list of runs
    for name, src, env, timeout, _ in progs:
        base = src[:-3]
        vs = [v for v in variants if (base, v) in bins]
        for r in range(runs):
            order = vs[r % len(vs):] + vs[:r % len(vs)]
            for v in order:
                res = measure(launcher, bins[(base, v)], args, env, timeout, workdir, "%s.%s.%d" % (name, v, r))
                res["extra"] = extras(name, res)
                results.setdefault((name, v), []).append(res)
                if res["status"] != 0:
                    failures.append("%s (%s) run %d: exit status %s\n%s" %
                                    (name, v, r, res["status"], res["stderr"][-2000:]))
        ref = results.get((name, "gc"))
        if ref:
            for v in vs:
                if v == "gc":
                    continue
                for res in results[(name, v)]:
                    if res["stdout"] != ref[0]["stdout"]:
                        failures.append("%s (%s): output differs from gc's:\n--- goc\n%s--- gc\n%s" %
                                        (name, v, res["stdout"], ref[0]["stdout"]))
                        break

    load_end = loadavg()

    # ---- summary ----
    summary = {}
    for (name, v), rs in results.items():
        ok = [r for r in rs if r["status"] == 0] or rs
        s = {
            "wall": med([r["wall"] for r in ok]),
            "cpu": med([r["cpu"] for r in ok]),
            "rss": med([r["rss"] for r in ok]),
            "runs": len(rs),
        }
        for key in ("ns_per_op", "rss_per_g", "gcs"):
            vals = [r["extra"][key] for r in ok if key in r["extra"]]
            if vals:
                s[key] = med(vals)
        stws = [r["extra"]["stw_max_us"] for r in ok if "stw_max_us" in r["extra"]]
        if stws:
            s["stw_max_us"] = max(stws)
            alls = sorted(x for r in ok for x in r["extra"].get("stw_all", []))
            s["stw_p50_us"] = alls[len(alls) // 2]
        summary[(name, v)] = s

    def ratio(x, y):
        return x / y if y and y == y and y > 0 else float("nan")

    print("\nRun time (median of %d; ratio = goc/gc from the same run; RSS in MiB)" % runs)
    hdr = "%-12s %-7s %8s %8s %8s %7s %7s %7s  %s" % ("program", "variant", "wall s", "cpu s", "rss MiB",
                                                       "wall x", "cpu x", "rss x", "notes")
    print(hdr)
    print("-" * len(hdr))
    for name, src, env, timeout, issue in progs:
        g = summary.get((name, "gc"))
        for v in variants:
            s = summary.get((name, v))
            if not s:
                continue
            notes = []
            if "ns_per_op" in s:
                notes.append("%d ns/op" % s["ns_per_op"])
            if "rss_per_g" in s:
                notes.append("%d B/goroutine" % s["rss_per_g"])
            if "stw_max_us" in s:
                notes.append("%d GCs, STW p50 %.0f max %.0f us" % (s.get("gcs", 0), s["stw_p50_us"], s["stw_max_us"]))
            if v == "gc":
                rw = rc_ = rr = ""
            else:
                rw = "%.2f" % ratio(s["wall"], g["wall"]) if g else "-"
                rc_ = "%.2f" % ratio(s["cpu"], g["cpu"]) if g else "-"
                rr = "%.2f" % ratio(s["rss"], g["rss"]) if g else "-"
                if g:
                    s["ratio_wall"] = ratio(s["wall"], g["wall"])
                    s["ratio_cpu"] = ratio(s["cpu"], g["cpu"])
                    s["ratio_rss"] = ratio(s["rss"], g["rss"])
            print("%-12s %-7s %8.3f %8.3f %8.1f %7s %7s %7s  %s" % (
                name, v, s["wall"], s["cpu"], s["rss"] / 1048576.0, rw, rc_, rr, "; ".join(notes)))
    par = {}
    for v in variants:
        p2, p1 = summary.get(("parallel", v)), summary.get(("parallel_p1", v))
        if p2 and p1:
            par[v] = ratio(p2["wall"], p1["wall"])
    if par:
        print("\nparallel: wall GOMAXPROCS=2 / GOMAXPROCS=1 (0.5 = perfect scaling): " +
              ", ".join("%s %.2f" % (v, r) for v, r in par.items()))

    print("\nCompile time (median; goc build default level vs go build, warm cache)")
    print("%-12s %8s %8s %7s" % ("program", "goc s", "go s", "ratio"))
    for base, (tg, tc) in sorted(ctime.items()):
        print("%-12s %8.3f %8.3f %7.2f" % (base, tg, tc, ratio(tg, tc)))
    print("\nload average at start %s, at end %s" % (load_start, load_end))

    if a.json:
        doc = {
            "runs": runs,
            "quick": a.quick,
            "load_start": load_start,
            "load_end": load_end,
            "cpus": os.cpu_count(),
            "results": {"%s/%s" % k: v for k, v in summary.items()},
            "parallel_ratio": par,
            "compile": {k: {"goc": v[0], "go": v[1]} for k, v in ctime.items()},
            "failures": failures,
        }
        with open(a.json, "w") as f:
            json.dump(doc, f, indent=1, sort_keys=True)

    if failures:
        print("\nFAILURES:", file=sys.stderr)
        for f in failures:
            print(f, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
