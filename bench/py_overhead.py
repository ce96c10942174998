#!/usr/bin/env python3
"""Python-level overhead of ctensor next to PyTorch and NumPy (issue 4).

    CTENSOR_LIBRARY=$PWD/.libs/libctensor.so.0 PYTHONPATH=$PWD/bindings/python \\
        python3 bench/py_overhead.py [--profile] [--sizes 0,10,20,24]

Two tables, measured in one run, side by side:

1. Per-op overhead: one-element float32 operands, ``a + b``, ``a.add(b)``,
   ``a + 1``, ``a.sum()``, ``a[0]``, ``a.shape`` (and a few more), for
   ctensor, PyTorch and NumPy, with the ratio ctensor / torch (target: <= 2).
2. DLPack exchange latency at 1, 2^10, 2^20 and 2^24 float32 elements:
   ctensor as consumer and as producer, ``from_numpy`` and ``numpy()``, each
   next to PyTorch's equivalent (target: <= 1.5x) and, where one exists,
   NumPy's; ``max/min`` is the spread of a row across sizes (target: constant).

``--profile`` adds a breakdown of where ctensor's time per op goes (operator
dispatch, ctypes, the C op, wrapping, release), with the C op itself timed
in C when a C compiler is found.

Method: every statement is a ``timeit.Timer`` (garbage collector off while
timing). Each is calibrated to samples of about BENCH_PYO_SAMPLE seconds
(default 2e-3), then BENCH_PYO_ROUNDS rounds (default 25) take one sample of
every statement of a row in turn, rotating the order, so that the libraries
compared share the machine's state; the time is the median sample. Columns
that need a library the interpreter lacks print "-". Timings are reported,
never judged pass/fail except in the targets lines.
"""
import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
import timeit

SAMPLE = float(os.environ.get("BENCH_PYO_SAMPLE", "2e-3"))
ROUNDS = int(os.environ.get("BENCH_PYO_ROUNDS", "25"))
HERE = os.path.dirname(os.path.abspath(__file__))

try:
    "\u00b5".encode(sys.stdout.encoding or "ascii")
    US = "\u00b5s"
except (UnicodeEncodeError, LookupError):
    US = "us"


# ---- timing --------------------------------------------------------------------------------

class Stmt:
    """One timed statement: a label, the code and its namespace."""

    def __init__(self, label, code, ns):
        self.label, self.code = label, code
        self.error = None
        self.timer = None
        self.number = 1
        self.samples = []
        try:
            exec(code, dict(ns))  # run once: errors show in the table, not as a crash
            self.timer = timeit.Timer(code, globals=ns)
        except Exception as e:  # noqa: BLE001 (any failure is reported)
            self.error = "%s: %s" % (type(e).__name__, e)

    def calibrate(self):
        n = 1
        while True:
            t = self.timer.timeit(n)
            if t >= SAMPLE / 4 or n >= 1 << 24:
                break
            n *= 4 if t < SAMPLE / 40 else 2
        self.number = max(1, int(round(n * SAMPLE / max(t, 1e-9))))

    def sample(self):
        self.samples.append(self.timer.timeit(self.number) / self.number)

    @property
    def median(self):
        s = sorted(self.samples)
        n = len(s)
        if not n:
            return None
        return s[n // 2] if n % 2 else 0.5 * (s[n // 2 - 1] + s[n // 2])


def measure(stmts):
    """Times the statements interleaved (see the module doc); returns their medians (s) or None."""
    live = [s for s in stmts if s is not None and s.timer is not None]
    for s in live:
        s.calibrate()
    for r in range(ROUNDS):
        k = r % len(live) if live else 0
        for s in live[k:] + live[:k]:
            s.sample()
    return [None if s is None or s.timer is None else s.median for s in stmts]


def us(t):
    return "-" if t is None else ("%.3f" % (t * 1e6) if t < 1e-6 else "%.2f" % (t * 1e6))


def ratio(a, b):
    return "-" if a is None or b is None else "%.2fx" % (a / b)


# ---- the libraries ---------------------------------------------------------------------------

def load():
    import numpy as np
    import ctensor
    try:
        import torch
    except ImportError:
        torch = None
    return np, ctensor, torch


def machine_busy_seconds():
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0.0
    return (v[0] + v[1] + v[2] + sum(v[5:8])) / os.sysconf("SC_CLK_TCK")


def header(np, ctensor, torch):
    from ctensor import _lib
    print("ctensor Python overhead benchmark (bench/py_overhead.py)")
    print("python  %s %s" % (sys.executable, platform.python_version()))
    print("numpy   %s" % np.__version__)
    print("torch   %s" % (torch.__version__ if torch else "- (not installed for this interpreter)"))
    print("ctensor %s (ABI %d)" % (_lib.path, _lib.abi_version))
    if torch:
        print("threads torch %d, OMP_NUM_THREADS=%s" % (torch.get_num_threads(),
                                                      os.environ.get("OMP_NUM_THREADS", "(unset)")))
    print("method  median of %d interleaved samples of ~%g ms each (timeit, gc off); load %.2f"
          % (ROUNDS, SAMPLE * 1e3, os.getloadavg()[0]))


# ---- 1. per-op overhead ----------------------------------------------------------------------

# (label, ctensor and torch code, numpy code or None for the same code)
PER_OP = (
    ("a + b", "a + b", None),
    ("a.add(b)", "a.add(b)", "np.add(a, b)"),
    ("a + 1", "a + 1", None),
    ("a.sum()", "a.sum()", None),
    ("a[0]", "a[0]", None),
    ("a.shape", "a.shape", None),
    # extras, for the breakdown: no result object, a property, a unary op
    ("a.add_(b)", "a.add_(b)", "np.add(a, b, out=a)"),
    ("a.dtype", "a.dtype", None),
    ("-a", "-a", None),
    ("(a+b).shape", "(a + b).shape", None),  # the first access of a new result's shape
)
PER_OP_MAIN = 6  # the first rows are the issue's; the others are extras


def per_op(np, ctensor, torch):
    print()
    print("== 1. Per-op overhead: 1-element float32 operands, %s per call ==" % US)
    print("%-10s %9s %9s %9s %9s %9s  %s" % ("op", "ctensor", "torch", "numpy", "ct/torch",
                                             "ct/numpy", "target ct/torch <= 2"))
    a_ct, b_ct = ctensor.ones(1, dtype=ctensor.float32), ctensor.zeros(1, dtype=ctensor.float32)
    ns_ct = {"a": a_ct, "b": b_ct}
    ns_np = {"a": np.ones(1, np.float32), "b": np.zeros(1, np.float32), "np": np}
    ns_pt = {"a": torch.ones(1), "b": torch.zeros(1)} if torch else None
    worst = None
    for i, (label, code, np_code) in enumerate(PER_OP):
        if i == PER_OP_MAIN:
            print("  (extras)")
        ct = Stmt("ctensor", code, ns_ct)
        pt = Stmt("torch", code, ns_pt) if torch else None
        nm = Stmt("numpy", np_code or code, ns_np)
        t_ct, t_pt, t_np = measure([ct, pt, nm])
        verdict = "-"
        if t_ct is not None and t_pt is not None:
            verdict = "ok" if t_ct <= 2 * t_pt else "MISSED"
            if i < PER_OP_MAIN and (worst is None or t_ct / t_pt > worst[1]):
                worst = (label, t_ct / t_pt)
        errs = [s.label + " " + s.error for s in (ct, pt, nm) if s is not None and s.error]
        print("%-10s %9s %9s %9s %9s %9s  %s%s" % (label, us(t_ct), us(t_pt), us(t_np),
                                                   ratio(t_ct, t_pt), ratio(t_ct, t_np), verdict,
                                                   ("  [" + "; ".join(errs) + "]") if errs else ""))
    print("  numpy: a.add(b) is np.add(a, b), a.add_(b) np.add(a, b, out=a); a[0] gives a NumPy "
          "scalar, not a 0-d array")
    return worst


# ---- 2. DLPack exchange ----------------------------------------------------------------------

# (label, code, needs torch, [(reference label, code, needs torch)]). Names in the namespace:
# x an ndarray, c a ctensor tensor, t a torch tensor (same size, float32).
DLPACK = (
    ("ctensor.from_dlpack(ndarray)", "ct_from_dlpack(x)", False,
     [("torch.from_dlpack(ndarray)", "torch.from_dlpack(x)", True),
      ("np.from_dlpack(ndarray)", "np.from_dlpack(x)", False)]),
    ("np.from_dlpack(ctensor)", "np.from_dlpack(c)", False,
     [("np.from_dlpack(torch.Tensor)", "np.from_dlpack(t)", True),
      ("np.from_dlpack(ndarray)", "np.from_dlpack(x)", False)]),
    ("torch.from_dlpack(ctensor)", "torch.from_dlpack(c)", True,
     [("torch.from_dlpack(torch.Tensor)", "torch.from_dlpack(t)", True)]),
    ("ctensor.from_dlpack(torch.Tensor)", "ct_from_dlpack(t)", True,
     [("torch.from_dlpack(torch.Tensor)", "torch.from_dlpack(t)", True)]),
    ("ctensor.from_dlpack(ctensor)", "ct_from_dlpack(c)", False,
     [("torch.from_dlpack(torch.Tensor)", "torch.from_dlpack(t)", True),
      ("np.from_dlpack(ndarray)", "np.from_dlpack(x)", False)]),
    ("ctensor.from_numpy(ndarray)", "ct_from_numpy(x)", False,
     [("torch.from_numpy(ndarray)", "torch.from_numpy(x)", True)]),
    ("ctensor.Tensor.numpy()", "c.numpy()", False,
     [("torch.Tensor.numpy()", "t.numpy()", True)]),
    ("ctensor.Tensor.__dlpack__()", "c.__dlpack__()", False,
     [("torch.Tensor.__dlpack__()", "t.__dlpack__()", True),
      ("ndarray.__dlpack__()", "x.__dlpack__()", False)]),
)


def dlpack(np, ctensor, torch, exps):
    print()
    print("== 2. DLPack exchange latency, float32, %s per call (result dropped in the loop) =="
          % US)
    sizes = [1 << e for e in exps]
    names = ["n=1" if e == 0 else "2^%d" % e for e in exps]
    spaces = []
    for n in sizes:
        x = np.ones(n, np.float32)
        ns = {"x": x, "c": ctensor.ones(n, dtype=ctensor.float32), "np": np,
              "ct_from_dlpack": ctensor.from_dlpack, "ct_from_numpy": ctensor.from_numpy}
        if torch:
            ns["t"] = torch.ones(n)
            ns["torch"] = torch
        spaces.append(ns)
    width = 36
    print("%-*s %s %8s" % (width, "", " ".join("%8s" % s for s in names), "max/min"))
    summary = []
    for label, code, need_torch, refs in DLPACK:
        ok = torch is not None or not need_torch
        cts, refts = [], [[] for _ in refs]
        errors = []
        for ns in spaces:
            ct = Stmt(label, code, ns) if ok else None
            rs = [Stmt(rl, rc, ns) if (torch is not None or not rn) else None
                  for rl, rc, rn in refs]
            res = measure([ct] + rs)
            cts.append(res[0])
            for j, r in enumerate(res[1:]):
                refts[j].append(r)
            for s in [ct] + rs:
                if s is not None and s.error and s.error not in errors:
                    errors.append(s.label + ": " + s.error)

        def line(name, ts, spread=True):
            sp = ""
            if spread and ts and all(t is not None for t in ts):
                sp = "%7.2fx" % (max(ts) / min(ts))
            elif spread:
                sp = "%8s" % "-"
            print("%-*s %s %s" % (width, name, " ".join("%8s" % us(t) for t in ts), sp))

        line(label, cts)
        row_ratios = []
        for (rl, _, _), ts in zip(refs, refts):
            line("  " + rl, ts)
            rs = [None if a is None or b is None else a / b for a, b in zip(cts, ts)]
            print("%-*s %s" % (width, "    ratio ctensor/that",
                               " ".join("%8s" % ("-" if r is None else "%.2fx" % r) for r in rs)))
            row_ratios.append((rl, rs))
        for e in errors:
            print("    error: " + e)
        summary.append((label, cts, row_ratios))
    return summary


# ---- 3. where the time goes ----------------------------------------------------------------

C_TIMER = r"""
#include <ctensor/ctensor.h>
#include <ctensor/dlpack.h>
#include <stdio.h>
#include <time.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t);
                          return t.tv_sec + 1e-9 * t.tv_nsec; }
#define N 200000
#define BENCH(name, body) do { double best = 1e9; for (int r = 0; r < 9; r++) { \
    double t0 = now(); for (int i = 0; i < N; i++) { body; } double d = (now() - t0) / N; \
    if (d < best) best = d; } printf("%s\t%.6g\n", name, best); } while (0)
int main(void) {
  int64_t shp[1] = {1}, s[8]; int32_t nd; ct_tensor *a, *b, *o; double one = 1.0;
  if (ct_ones(&a, 1, shp, CT_FLOAT32, CT_DEVICE_CPU, 0) ||
      ct_zeros(&b, 1, shp, CT_FLOAT32, CT_DEVICE_CPU, 0))
    return 1;
  BENCH("ct_add", { ct_add(&o, a, b, NULL, 0); ct_tensor_release(o); });
  BENCH("ct_add_scalar", { ct_add_scalar(&o, a, &one, CT_FLOAT64, NULL, 0);
                           ct_tensor_release(o); });
  BENCH("ct_sum", { ct_sum(&o, a, NULL, 0, false, CT_DTYPE_NONE); ct_tensor_release(o); });
  BENCH("ct_select", { ct_select(&o, a, 0, 0); ct_tensor_release(o); });
  BENCH("ct_add_", { ct_add_(a, b, NULL, 0); });
  BENCH("ct_tensor_shape", { ct_tensor_ndim(&nd, a); ct_tensor_shape(s, 8, a); });
  DLManagedTensor *m;
  BENCH("ct_to_dlpack", { ct_to_dlpack(&m, a, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1);
                          m->deleter(m); });
  BENCH("ct_from_dlpack", { ct_to_dlpack(&m, a, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1);
                            ct_from_dlpack(&o, m); ct_tensor_release(o); });
  return 0;
}
"""


def c_times(lib_path):
    """{name: seconds} of the C ops timed in C (best of 9), or (None, why not)."""
    cc = os.environ.get("CC", "cc")
    inc = os.path.join(os.path.dirname(HERE), "include")
    with tempfile.TemporaryDirectory() as d:
        src, exe = os.path.join(d, "t.c"), os.path.join(d, "t")
        with open(src, "w") as f:
            f.write(C_TIMER)
        try:
            subprocess.run([cc, "-O2", "-std=gnu11", "-I" + inc, src, "-o", exe,
                            os.path.realpath(lib_path), "-Wl,-rpath," + os.path.dirname(
                                os.path.realpath(lib_path))],
                           check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
            out = subprocess.run([exe], check=True, stdout=subprocess.PIPE, timeout=60,
                                 universal_newlines=True).stdout
        except (OSError, subprocess.SubprocessError) as e:
            return None, "%s (%s)" % (type(e).__name__, cc)
    return {k: float(v) for k, v in (ln.split("\t") for ln in out.split("\n") if ln)}, None


def profile(np, ctensor, torch):
    """Times the pieces of ctensor's per-op path, cumulatively."""
    from ctypes import byref, c_int32, c_int64, c_void_p
    from ctensor import _lib
    from ctensor._tensor import Tensor

    lib, pylib = _lib.lib, _lib.pylib

    def pyfn(name):
        f = getattr(pylib, name)
        g = getattr(lib, name)
        f.argtypes, f.restype = g.argtypes, g.restype
        return f

    class Dummy:
        __slots__ = ("_h",)

        def __add__(self, other):
            return None

    a, b = ctensor.ones(1, dtype=ctensor.float32), ctensor.zeros(1, dtype=ctensor.float32)
    ns = {"a": a, "b": b, "ha": a._h, "hb": b._h, "Tensor": Tensor, "c_void_p": c_void_p,
          "byref": byref, "n32": c_int32(), "n64": c_int64(), "out": c_void_p(),
          "add": lib.ct_add, "padd": pyfn("ct_add"), "rel": lib.ct_tensor_release,
          "prel": pyfn("ct_tensor_release"), "ndim": lib.ct_tensor_ndim,
          "pndim": pyfn("ct_tensor_ndim"), "shape_fn": lib.ct_tensor_shape,
          "sum_fn": lib.ct_sum, "sel": lib.ct_select, "wrap": Tensor._wrap,
          "new": object.__new__, "op_add": Tensor.__add__, "d": Dummy(), "e": Dummy(),
          "abi": lib.ct_abi_version, "pabi": pyfn("ct_abi_version"),
          "buf8": (c_int64 * 8)(), "Size": type(a.shape), "tup": (1,),
          "x": np.ones(1, np.float32), "imp": pylib.ct_dlpack_py_import, "ctensor": ctensor}
    exec("def f2(x, y):\n    return None\n", ns)
    print()
    print("== 3. Where ctensor's time goes (%s per call, median; cumulative rows build up a + b) =="
          % US)
    rows = [
        ("loop (timeit, empty statement)", "pass"),
        ("call a 2-arg Python function", "f2(a, b)"),
        ("operator dispatch to a Python __add__ (d + e)", "d + e"),
        ("isinstance(b, Tensor)", "isinstance(b, Tensor)"),
        ("c_void_p()", "c_void_p()"),
        ("byref(out)", "byref(out)"),
        ("out.value", "out.value"),
        ("ctypes: ct_abi_version() (0 args), CDLL", "abi()"),
        ("ctypes: ct_abi_version() (0 args), PyDLL", "pabi()"),
        ("ctypes: ct_tensor_release(None), CDLL", "rel(None)"),
        ("ctypes: ct_tensor_release(None), PyDLL", "prel(None)"),
        ("ctypes: ct_tensor_ndim(n32, h), CDLL", "ndim(n32, ha)"),
        ("ctypes: ct_tensor_ndim(byref(n32), h), CDLL", "ndim(byref(n32), ha)"),
        ("ctypes: ct_tensor_ndim(n32, h), PyDLL", "pndim(n32, ha)"),
        ("Tensor._wrap(0) (+ __del__, releasing NULL)", "wrap(0)"),
        ("object.__new__(Tensor); t._h = 0 (+ __del__)", "t = new(Tensor); t._h = 0; del t"),
        ("A  ct_add(out, ha, hb, None, 0) + rel(out.value), CDLL",
         "add(out, ha, hb, None, 0); rel(out.value)"),
        ("A' same, both through PyDLL (GIL held)", "padd(out, ha, hb, None, 0); prel(out.value)"),
        ("B  A with a fresh out = c_void_p()",
         "o = c_void_p(); add(o, ha, hb, None, 0); rel(o.value)"),
        ("C  B, the result wrapped (release in __del__)",
         "o = c_void_p(); add(o, ha, hb, None, 0); wrap(o.value)"),
        ("D  Tensor.__add__(a, b) called directly", "op_add(a, b)"),
        ("E  a + b", "a + b"),
        ("a.shape uncached: ndim + shape calls, Size(array)",
         "ndim(n32, ha); shape_fn(buf8, 8, ha); Size(buf8[:n32.value])"),
        ("a.shape", "a.shape"),
        ("ct_sum(out, h, None, 0, False, 0) + release",
         "sum_fn(out, ha, None, 0, False, 0); rel(out.value)"),
        ("a.sum()", "a.sum()"),
        ("ct_select(out, h, 0, 0) + release", "sel(out, ha, 0, 0); rel(out.value)"),
        ("a[0]", "a[0]"),
        ("x.__dlpack__() (NumPy's export)", "x.__dlpack__()"),
        ("x.__dlpack_device__()", "x.__dlpack_device__()"),
        ("ct_dlpack_py_import(out, x.__dlpack__()) + rel, ctypes",
         "imp(out, x.__dlpack__()); rel(out.value)"),
        ("ctensor.from_dlpack(x)", "ctensor.from_dlpack(x)"),
        ("ctensor.from_numpy(x)", "ctensor.from_numpy(x)"),
    ]
    stmts = [Stmt(lbl, code, ns) for lbl, code in rows]
    for s in stmts:
        measure([s])
    times = {}
    for (lbl, code), s in zip(rows, stmts):
        t = s.median
        if lbl[1:3] == "  ":
            times[lbl[0]] = t
        print("%-58s %8s%s" % (lbl, us(t), ("  [" + s.error + "]") if s.error else ""))
    c, why = c_times(_lib.path)
    print()
    if c is None:
        print("C-level times: not available (%s)" % why)
    else:
        print("C-level times of the same calls (best of 9 loops in C, no Python):")
        names = {"ct_to_dlpack": "ct_to_dlpack + its deleter",
                 "ct_from_dlpack": "ct_to_dlpack + ct_from_dlpack + release"}
        for k, v in c.items():
            print("  %-42s %8s" % (names.get(k, k + (" + release" if k in (
                "ct_add", "ct_add_scalar", "ct_sum", "ct_select") else "")), us(v)))
    A, B, C, D, E = (times.get(k) for k in ("A", "B", "C", "D", "E"))
    if None not in (A, B, C, D, E):
        print()
        print("a + b, decomposed (%s):" % US)
        cop = c["ct_add"] if c else None
        if cop is not None:
            print("  C op ct_add + ct_tensor_release (C timing)        %8s" % us(cop))
            print("  ctypes for the 2 calls (A - C op)                 %8s" % us(A - cop))
        else:
            print("  ct_add + release through ctypes (A)               %8s" % us(A))
        print("  out = c_void_p() (B - A)                          %8s" % us(B - A))
        print("  Tensor._wrap + __del__ vs a bare release (C - B)  %8s" % us(C - B))
        print("  the __add__ body around them (D - C)              %8s" % us(D - C))
        print("  operator dispatch a + b -> __add__ (E - D)        %8s" % us(E - D))
        print("  total a + b (E)                                   %8s" % us(E))


# ---- targets -------------------------------------------------------------------------------

def targets(worst, summary, torch):
    print()
    print("== Targets ==")
    if worst is None:
        print("per-op ct/torch <= 2: - (no torch in this interpreter)")
    else:
        print("per-op ct/torch <= 2 (issue rows): worst %s %.2fx -> %s"
              % (worst[0], worst[1], "ok" if worst[1] <= 2 else "MISSED"))
    for label, cts, rr in summary:
        parts = []
        if all(t is not None for t in cts) and cts:
            sp = max(cts) / min(cts)
            verdict = ("constant" if sp <= 1.25 else "GROWS" if cts[-1] > cts[0] else "varies")
            parts.append("max/min over sizes %.2fx (%s)" % (sp, verdict))
        for rl, rs in rr:
            if rl.startswith("torch.") or rl.startswith("np.from_dlpack(torch"):
                if torch is None or any(r is None for r in rs):
                    parts.append("vs %s: -" % rl)
                else:
                    m = max(rs)
                    parts.append("vs %s <= 1.5x: worst %.2fx %s" % (rl, m, "ok" if m <= 1.5
                                                                    else "MISSED"))
        print("%-34s %s" % (label, "; ".join(parts)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", action="store_true", help="add the breakdown of ctensor's time")
    ap.add_argument("--sizes", default="0,10,20,24",
                    help="exponents of 2 for the DLPack sizes (default 0,10,20,24)")
    ap.add_argument("--only", choices=("ops", "dlpack", "profile"),
                    help="run one section only")
    args = ap.parse_args()
    np, ctensor, torch = load()
    header(np, ctensor, torch)
    wall0, busy0, cpu0 = time.perf_counter(), machine_busy_seconds(), time.process_time()
    worst, summary = None, []
    if args.only in (None, "ops"):
        worst = per_op(np, ctensor, torch)
    if args.only in (None, "dlpack"):
        summary = dlpack(np, ctensor, torch, [int(e) for e in args.sizes.split(",")])
    if args.profile or args.only == "profile":
        profile(np, ctensor, torch)
    if args.only is None:
        targets(worst, summary, torch)
    wall = time.perf_counter() - wall0
    others = max(machine_busy_seconds() - busy0 - (time.process_time() - cpu0), 0.0)
    print()
    print("wall %.1f s; other processes took %.1f CPU s meanwhile (%.0f%% of %d CPUs)%s"
          % (wall, others, 100 * others / (wall * (os.cpu_count() or 1)), os.cpu_count() or 1,
             "  WARNING: a busy machine, timings are noisy" if others > 0.05 * wall * (
                 os.cpu_count() or 1) else ""))


if __name__ == "__main__":
    main()
