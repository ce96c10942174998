#!/usr/bin/env python3
"""bench/cuda_bench.py: ctensor's CUDA backend beside PyTorch (and CuPy), in one run.

Cases (issue 6, item 9): float32 add at 2^20 .. 2^27 elements and float32 sum,
in GB/s and as a share of each library's own device-to-device copy bandwidth
(``copy_`` of a contiguous tensor, a cudaMemcpy); softmax over the rows of
4096 x 4096; matmul of 4096 x 4096 in float32 (TF32 off in both) and bfloat16
in TFLOP/s; the host-side cost of a tiny op (``a + b`` on 1-element CUDA
tensors) from Python; DLPack round trips with PyTorch and CuPy in
microseconds. With ``--c-bench PATH`` the C benchmark (bench/cuda_bench.c) runs
too and its numbers are shown in their own column (``--c-log FILE``: the
output of an earlier run instead).

Device times come from each library's CUDA events around back-to-back calls
on the current (legacy default) stream, after a warmup, as the median of
several samples. The "vs torch" column is ctensor's speed relative to
PyTorch's: above 1 means ctensor is faster, whatever the unit.

Runs with ``PYTHONPATH=bindings/python`` and ``CTENSOR_LIBRARY`` naming the
build's libctensor.so.0 (``CTENSOR_PLUGIN_PATH`` its CUDA module directory).
Without a GPU it prints a SKIP line and exits 0; without PyTorch or CuPy their
columns and cases are skipped with a note.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import ctensor

try:
    import torch
    if not torch.cuda.is_available():
        print("# PyTorch %s sees no GPU: its columns are skipped" % torch.__version__)
        torch = None
except ImportError:
    print("# PyTorch is not installed: its columns are skipped")
    torch = None

try:
    import cupy
    cupy.cuda.runtime.getDeviceCount()
except Exception as e:  # ImportError, or CuPy without a usable device
    print("# CuPy is unusable (%s): its cases are skipped" % (str(e).splitlines() or [type(e).__name__])[0])
    cupy = None

SAMPLES = 15


class Lib:
    """What a benchmark needs from one library: tensors, events, sync."""

    def __init__(self, name, mod):
        self.name = name
        self.mod = mod

    def randn(self, *shape, dtype="float32"):
        return self.mod.randn(*shape, dtype=getattr(self.mod, dtype), device="cuda")

    def empty(self, *shape, dtype="float32"):
        return self.mod.empty(*shape, dtype=getattr(self.mod, dtype), device="cuda")

    def sync(self):
        self.mod.cuda.synchronize()

    def time_ms(self, fn, reps):
        """Median milliseconds per call of fn over SAMPLES samples of reps calls."""
        ev = self.mod.cuda.Event
        start, end = ev(enable_timing=True), ev(enable_timing=True)
        for _ in range(3):
            fn()
        self.sync()
        times = []
        for _ in range(SAMPLES):
            start.record()
            for _ in range(reps):
                fn()
            end.record()
            end.synchronize()
            times.append(start.elapsed_time(end) / reps)
        return statistics.median(times)


def host_us(fn, calls=10000, sync=None):
    """Best of 5 of the wall-clock microseconds per call of fn (a tiny op: host cost)."""
    for _ in range(200):
        fn()
    if sync:
        sync()
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        best = min(best, (time.perf_counter() - t0) * 1e6 / calls)
        if sync:
            sync()
    return best


rows = []  # (case, unit, higher_is_better, {column: value})


def record(case, unit, higher, **values):
    rows.append((case, unit, higher, values))
    cells = "  ".join("%s=%.4g" % (k, v) for k, v in values.items() if v is not None)
    print("# %-34s %s  [%s]" % (case, cells, unit), flush=True)


def _bandwidth_one(lib, n, reps):
    """GB/s of copy, add and sum of n float32 elements in lib."""
    a, b, c = lib.randn(n), lib.randn(n), lib.empty(n)
    s = lib.empty(())
    m = lib.mod
    t_copy = lib.time_ms(lambda: c.copy_(a), reps)
    t_add = lib.time_ms(lambda: m.add(a, b, out=c), reps)
    t_sum = lib.time_ms(lambda: m.sum(a, 0, out=s), reps)  # torch.sum takes out= only with dim
    return 8.0 * n / (t_copy * 1e6), 12.0 * n / (t_add * 1e6), 4.0 * n / (t_sum * 1e6)


def bandwidth(libs, max_log2):
    for lg in range(20, max_log2 + 1):
        n = 1 << lg
        reps = 20 if lg < 24 else 5
        res = {}
        for lib in libs:
            res[lib.name] = _bandwidth_one(lib, n, reps)
            lib.mod.cuda.empty_cache()  # the tensors died with _bandwidth_one's frame
        for k, what in ((0, "copy"), (1, "add"), (2, "sum")):
            record("%s float32 2^%d" % (what, lg), "GB/s", True, **{name: r[k] for name, r in res.items()})
            if k:
                record("%s float32 2^%d %% of copy" % (what, lg), "%", True,
                       **{name: 100 * r[k] / r[0] for name, r in res.items()})


def softmax(libs):
    vals = {}
    for lib in libs:
        x = lib.randn(4096, 4096)
        t = lib.time_ms(lambda: lib.mod.softmax(x, -1), 10)
        vals[lib.name] = 2 * 4.0 * 4096 * 4096 / (t * 1e6)
    record("softmax float32 4096x4096 dim=-1", "GB/s", True, **vals)


def matmul(libs):
    for dtype in ("float32", "bfloat16"):
        vals = {}
        for lib in libs:
            a, b, c = lib.randn(4096, 4096, dtype=dtype), lib.randn(4096, 4096, dtype=dtype), \
                lib.empty(4096, 4096, dtype=dtype)
            t = lib.time_ms(lambda: lib.mod.matmul(a, b, out=c), 5)
            vals[lib.name] = 2.0 * 4096 ** 3 / (t * 1e9)
        record("matmul %s 4096" % dtype, "TFLOP/s", True, **vals)


def tiny_op(libs):
    vals = {}
    for lib in libs:
        a, b = lib.randn(1), lib.randn(1)
        vals[lib.name] = host_us(lambda: a + b, sync=lib.sync)
    record("tiny add host cost (Python)", "us/call", False, **vals)


def dlpack():
    x = ctensor.randn(1024, device="cuda")
    if torch is not None:
        def round_trip():
            t = torch.from_dlpack(x)
            return ctensor.from_dlpack(t)
        record("dlpack round trip ctensor->torch->ctensor", "us", False, ctensor=host_us(round_trip, 2000))
        tt = torch.randn(1024, device="cuda")
        record("dlpack round trip torch->torch (reference)", "us", False,
               torch=host_us(lambda: torch.from_dlpack(torch.from_dlpack(tt)), 2000))
    if cupy is not None:
        def round_trip_cupy():
            c = cupy.from_dlpack(x)
            return ctensor.from_dlpack(c)
        record("dlpack round trip ctensor->cupy->ctensor", "us", False, ctensor=host_us(round_trip_cupy, 2000))


def c_bench(path, max_log2, log=None):
    """Runs the C benchmark (or reads the output it left in log) and adds its results as the "c" column."""
    if log:
        with open(log) as f:
            text = f.read()
    else:
        env = dict(os.environ, CT_BENCH_MAX_LOG2=str(max_log2))
        out = subprocess.run([path], capture_output=True, text=True, env=env)
        if out.returncode != 0:
            print("# the C benchmark failed (exit %d):\n%s%s" % (out.returncode, out.stdout, out.stderr))
            return False
        text = out.stdout
    c = {}
    for line in text.splitlines():
        if line.startswith("JSON "):
            r = json.loads(line[5:])
            c[r["case"]] = r["value"]
        elif line.startswith("SKIP"):
            print("# C benchmark: " + line)
    for i, (case, unit, higher, values) in enumerate(rows):
        if case in c:
            rows[i] = (case, unit, higher, dict(values, c=c.pop(case)))
    for case, v in c.items():  # cases only the C benchmark has
        unit = "us/call" if "host cost" in case else "TFLOP/s" if "matmul" in case else "GB/s"
        rows.append((case, unit, unit != "us/call", {"c": v}))
    return True


def table():
    cols = ["ctensor", "c", "torch"]
    print()
    print("%-42s %-8s %12s %12s %12s %10s" % ("case", "unit", "ctensor(py)", "ctensor(C)", "torch", "vs torch"))
    for case, unit, higher, v in rows:
        cells = ["%12.4g" % v[k] if v.get(k) is not None else "%12s" % "-" for k in cols]
        ours = v.get("ctensor", v.get("c"))
        ratio = "-"
        if ours and v.get("torch"):
            ratio = "%.2fx" % (ours / v["torch"] if higher else v["torch"] / ours)
        print("%-42s %-8s %s %10s" % (case, unit, " ".join(cells), ratio))


def main():
    global SAMPLES
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c-bench", help="path of the built bench/cuda_bench to run beside")
    ap.add_argument("--c-log", help="the output of an earlier bench/cuda_bench run to show beside, instead")
    ap.add_argument("--max-log2", type=int, default=27, help="largest add/sum size as a power of 2")
    ap.add_argument("--samples", type=int, default=SAMPLES)
    args = ap.parse_args()
    SAMPLES = args.samples

    if not ctensor.cuda.is_available():
        try:
            ctensor.empty(1, device="cuda")
            why = "the module reports no device"
        except Exception as e:
            why = str(e)
        print("SKIP: no CUDA device: %s" % why)
        return 0

    print("# ctensor %s on %s; torch %s; cupy %s" % (
        getattr(ctensor, "__version__", "?"), ctensor.cuda.get_device_name(0),
        torch.__version__ if torch else "-", cupy.__version__ if cupy else "-"))
    libs = [Lib("ctensor", ctensor)]
    if torch is not None:
        torch.backends.cuda.matmul.allow_tf32 = False
        libs.append(Lib("torch", torch))
    bandwidth(libs, args.max_log2)
    softmax(libs)
    matmul(libs)
    tiny_op(libs)
    dlpack()
    ok = c_bench(args.c_bench, args.max_log2, args.c_log) if args.c_bench or args.c_log else True
    table()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
