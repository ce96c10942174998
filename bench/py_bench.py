#!/usr/bin/env python3
"""The NumPy and PyTorch side of the ctensor benchmark (bench/run.sh runs it).

    python3 bench/py_bench.py --lib numpy|torch [--label NAME] [--threads N]

Times the same cases as bench/ct_bench.c, under the same names and by the same
method, and prints one JSON object per line (info lines, then result lines).
Each case times a functional call that allocates its result, e.g.
np.add(a, b) or torch.add(a, b); the result is dropped (and freed) inside the
timed loop. Method: warm-up calls for at least BENCH_WARMUP seconds, then
samples of `inner` back-to-back calls (each sample about BENCH_SAMPLE seconds,
at least one call) until BENCH_BUDGET seconds have passed and at least 5
samples exist (at most 200); the reported time is the median sample / inner.
The garbage collector is off while timing, as timeit does.

Set the thread count in the environment before starting Python
(OMP_NUM_THREADS, OPENBLAS_NUM_THREADS): run.sh does. --threads also calls
torch.set_num_threads and threadpoolctl's limit where they exist.
"""
import argparse
import ctypes
import functools
import gc
import json
import os
import platform
import re
import sys
import time

BUDGET = float(os.environ.get("BENCH_BUDGET", "0.25"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "0.02"))
SAMPLE = float(os.environ.get("BENCH_SAMPLE", "1e-3"))
MIN_SAMPLES, MAX_SAMPLES = 5, 200


def emit(obj):
    print(json.dumps(obj), flush=True)


def info(key, value):
    emit({"type": "info", "key": key, "value": str(value)})


def time_work(fn):
    """Median seconds per call of fn (already called once), by the method above."""
    perf = time.perf_counter
    t0 = perf()
    calls = 0
    while True:
        fn()
        calls += 1
        elapsed = perf() - t0
        if calls >= 2 and elapsed >= WARMUP:
            break
    per = elapsed / calls
    inner = 1 if per >= SAMPLE else int(-(-SAMPLE // per))
    rng = range(inner)
    samples = []
    start = perf()
    while len(samples) < MAX_SAMPLES and (len(samples) < MIN_SAMPLES or perf() - start < BUDGET):
        a = perf()
        for _ in rng:
            fn()
        samples.append((perf() - a) / inner)
    samples.sort()
    n = len(samples)
    med = samples[n // 2] if n % 2 else 0.5 * (samples[n // 2 - 1] + samples[n // 2])
    return med, samples[0], n, inner


def run_case(name, make):
    """make() returns the callable to time (it holds its inputs) or raises."""
    try:
        fn = make()
        fn()
    except Exception as e:  # an op a library lacks is reported, not fatal
        emit({"type": "result", "case": name, "status": "error",
              "msg": "%s: %s" % (type(e).__name__, e)})
        return
    gc.collect()
    gc.disable()
    try:
        med, mn, n, inner = time_work(fn)
    finally:
        gc.enable()
    emit({"type": "result", "case": name, "status": "ok", "time": med, "min": mn,
          "samples": n, "inner": inner, "check": "ok"})
    del fn
    gc.collect()


def machine_busy_seconds():
    """CPU seconds the whole machine spent busy (from /proc/stat)."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0.0
    busy = v[0] + v[1] + v[2] + sum(v[5:8])
    return busy / os.sysconf("SC_CLK_TCK")


def process_cpu_seconds():
    return time.process_time()


# ---- BLAS and SIMD reports ---------------------------------------------------------------------

def loaded_blas_libraries():
    """Paths of loaded shared libraries that look like a BLAS (from /proc/self/maps)."""
    paths = []
    try:
        with open("/proc/self/maps") as f:
            for line in f:
                p = line.split()[-1]
                base = os.path.basename(p)
                if p.startswith("/") and re.search(r"blas|mkl|blis", base, re.I) and p not in paths:
                    paths.append(p)
    except OSError:
        pass
    return paths


def report_blas(prefix):
    """Which BLAS and kernel the library runs: threadpoolctl when present, else OpenBLAS's own calls."""
    done = False
    try:
        import threadpoolctl
        for d in threadpoolctl.threadpool_info():
            if d.get("user_api") == "blas":
                info(prefix + "blas", "%s %s, kernel %s, %s threading, %s threads (%s)" % (
                    d.get("internal_api"), d.get("version"), d.get("architecture"),
                    d.get("threading_layer"), d.get("num_threads"), d.get("filepath")))
                done = True
            elif d.get("user_api") == "openmp":
                info(prefix + "openmp", "%s, %s threads (%s)" % (
                    d.get("internal_api"), d.get("num_threads"), d.get("filepath")))
    except ImportError:
        pass
    if done:
        return
    for p in loaded_blas_libraries():
        try:
            lib = ctypes.CDLL(p)
        except OSError:
            continue
        try:
            core = lib.openblas_get_corename
        except AttributeError:
            info(prefix + "blas", "%s (not OpenBLAS, or kernel unknown)" % p)
            continue
        core.restype = ctypes.c_char_p
        cfg = lib.openblas_get_config
        cfg.restype = ctypes.c_char_p
        nth = lib.openblas_get_num_threads
        nth.restype = ctypes.c_int
        info(prefix + "blas", "OpenBLAS (%s), kernel %s, %d threads (%s)" % (
            cfg().decode().strip(), core().decode(), nth(), p))
        return
    info(prefix + "blas", "none found in /proc/self/maps")


def numpy_simd(np):
    """The SIMD targets NumPy dispatches to on this CPU (the highest one runs)."""
    um = None
    for mod in ("numpy._core._multiarray_umath", "numpy.core._multiarray_umath"):
        try:
            um = __import__(mod, fromlist=["x"])
            break
        except ImportError:
            continue
    if um is None or not hasattr(um, "__cpu_features__"):
        return "unknown"
    feats = um.__cpu_features__
    base = " ".join(um.__cpu_baseline__)
    disp = [d for d in um.__cpu_dispatch__ if feats.get(d)]
    return "baseline %s; dispatched here: %s" % (base, " ".join(disp) or "none")


# ---- the cases -----------------------------------------------------------------------------------

class NumpyLib:
    def __init__(self, threads):
        import numpy as np
        self.np = np
        self.rng = np.random.default_rng(1234)
        info("library", "numpy")
        info("version", np.__version__)
        info("python", "%s %s" % (sys.executable, platform.python_version()))
        info("simd", numpy_simd(np))
        info("threads", "%d (elementwise ops and reductions run on one thread; BLAS on %d)" %
             (1, threads))
        try:
            import threadpoolctl
            self._limit = threadpoolctl.threadpool_limits(limits=threads)
        except ImportError:
            pass
        self.f16, self.f32 = np.float16, np.float32

    def rand(self, shape, dtype=None):
        a = self.rng.random(shape, dtype=self.np.float32)
        return a if dtype is None or dtype is self.f32 else a.astype(dtype)

    def T(self, a):
        return a.T

    def empty(self, shape, dtype):
        return self.np.empty(shape, dtype)

    def ops(self):
        np = self.np

        def softmax(x, dim):
            m = np.max(x, axis=dim, keepdims=True)
            e = np.exp(x - m)
            e /= np.sum(e, axis=dim, keepdims=True)
            return e
        return dict(add=np.add, mul=np.multiply, exp=np.exp, sum=np.sum, mean=np.mean,
                    matmul=np.matmul, softmax=softmax,
                    add_out=lambda a, b, c: functools.partial(np.add, a, b, out=c),
                    reduce_dim=lambda f, a, d: functools.partial(f, a, axis=d))


class TorchLib:
    def __init__(self, threads):
        import torch
        self.torch = torch
        torch.set_num_threads(threads)
        self.gen = torch.Generator().manual_seed(1234)
        info("library", "torch")
        info("version", torch.__version__)
        info("python", "%s %s" % (sys.executable, platform.python_version()))
        cap = re.search(r"CPU capability usage: (\S+)", torch.__config__.show())
        info("simd", "CPU capability %s" % (cap.group(1) if cap else "unknown"))
        info("threads", torch.get_num_threads())
        self.f16, self.f32 = torch.float16, torch.float32

    def rand(self, shape, dtype=None):
        a = self.torch.rand(shape, generator=self.gen, dtype=self.torch.float32)
        return a if dtype is None or dtype is self.f32 else a.to(dtype)

    def T(self, a):
        return a.t()

    def empty(self, shape, dtype):
        return self.torch.empty(shape, dtype=dtype)

    def ops(self):
        t = self.torch
        return dict(add=t.add, mul=t.mul, exp=t.exp, sum=t.sum, mean=t.mean, matmul=t.matmul,
                    softmax=t.softmax,
                    add_out=lambda a, b, c: functools.partial(t.add, a, b, out=c),
                    reduce_dim=lambda f, a, d: functools.partial(f, a, dim=d))


def run_all(L, only):
    ops = L.ops()
    P = functools.partial

    def case(name, make):
        if only is None or only in name:
            run_case(name, make)

    for p in (10, 16, 20, 24):
        n = 1 << p
        case("add_f32_2^%d" % p, lambda: P(ops["add"], L.rand(n), L.rand(n)))
        case("mul_f32_2^%d" % p, lambda: P(ops["mul"], L.rand(n), L.rand(n)))
        case("exp_f32_2^%d" % p, lambda: P(ops["exp"], L.rand(n)))
        case("add_f16_2^%d" % p, lambda: P(ops["add"], L.rand(n, L.f16), L.rand(n, L.f16)))
        case("add_out_f32_2^%d" % p,
             lambda: ops["add_out"](L.rand(n), L.rand(n), L.empty(n, L.f32)))
    case("sum_all_f32_2^10", lambda: P(ops["sum"], L.rand(1024)))
    for m in (1024, 4096):
        s = "%dx%d" % (m, m)
        for red in ("sum", "mean"):
            case("%s_all_f32_%s" % (red, s), lambda: P(ops[red], L.rand((m, m))))
            for d in (0, 1):
                case("%s_dim%d_f32_%s" % (red, d, s),
                     lambda: ops["reduce_dim"](ops[red], L.rand((m, m)), d))
        case("softmax_dim1_f32_" + s, lambda: P(ops["softmax"], L.rand((m, m)), 1))
        case("add_TT_f32_" + s, lambda: P(ops["add"], L.T(L.rand((m, m))), L.T(L.rand((m, m)))))
        case("add_Tc_f32_" + s, lambda: P(ops["add"], L.T(L.rand((m, m))), L.rand((m, m))))
        case("add_bcast_f32_" + s, lambda: P(ops["add"], L.rand((m, m)), L.rand(m)))
    for n in (256, 1024, 2048):
        case("matmul_f32_%d" % n, lambda: P(ops["matmul"], L.rand((n, n)), L.rand((n, n))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lib", choices=("numpy", "torch"), required=True)
    ap.add_argument("--label", default=None, help="column name in the report")
    ap.add_argument("--threads", type=int, default=int(os.environ.get("BENCH_THREADS", "2")))
    ap.add_argument("--only", default=os.environ.get("BENCH_ONLY") or None,
                    help="substring filter on case names")
    args = ap.parse_args()
    L = NumpyLib(args.threads) if args.lib == "numpy" else TorchLib(args.threads)
    if args.label:
        info("label", args.label)
    for k in ("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE",
              "OPENBLAS_L2_SIZE"):
        info("env_" + k, os.environ.get(k, "(unset)"))
    # BLAS threads start on first use: run one small product before asking.
    L.ops()["matmul"](L.rand((64, 64)), L.rand((64, 64)))
    report_blas("")
    info("load_start", "%.2f" % os.getloadavg()[0])
    wall0, busy0, self0 = time.perf_counter(), machine_busy_seconds(), process_cpu_seconds()
    run_all(L, args.only)
    info("load_end", "%.2f" % os.getloadavg()[0])
    wall = time.perf_counter() - wall0
    others = machine_busy_seconds() - busy0 - (process_cpu_seconds() - self0)
    info("wall_seconds", "%.6g" % wall)
    info("other_cpu_seconds", "%.6g" % max(others, 0.0))
    info("cpus", os.cpu_count())


if __name__ == "__main__":
    main()
