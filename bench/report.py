#!/usr/bin/env python3
"""Merges the benchmark's JSON lines into one table (bench/run.sh runs it).

    python3 bench/report.py bench/out/1_ctensor.jsonl bench/out/2_numpy.jsonl ...

Each file is one column: the first is ctensor, the others the references
(NumPy, PyTorch). The byte and flop counts of every case live here, so the
producers only report times. Throughput counts each input read once and each
output written once (no write-allocate traffic); matmul counts 2*n^3 flops.
ratio = ctensor's throughput / the best reference throughput (letters say
which reference was best). %BW = ctensor's GB/s as a share of the plain C
loop with the same memory streams: add loop (binary ops: two reads, one
write), copy loop (exp, softmax: one read, one write), read loop (sum, mean).
"""
import json
import os
import re
import sys

N24 = 1 << 24


def case_meta(name):
    """(section, label, bytes, flops, bandwidth reference) of a case name."""
    m = re.fullmatch(r"(add|mul|exp|add_out)_(f32|f16)_2\^(\d+)", name)
    if m:
        op, dt, p = m.group(1), m.group(2), int(m.group(3))
        n, isz = 1 << p, 4 if dt == "f32" else 2
        nops = 2 if op == "exp" else 3
        sec = "float16" if dt == "f16" else ("out= (no allocation)" if op == "add_out"
                                             else "elementwise")
        label = "%s %s 2^%d" % ("add out=" if op == "add_out" else op, dt, p)
        return sec, label, nops * n * isz, 0, "bw_copy" if op == "exp" else "bw_add", n
    m = re.fullmatch(r"(sum|mean)_(all|dim0|dim1)_f32_(?:2\^(\d+)|(\d+)x(\d+))", name)
    if m:
        op, how = m.group(1), m.group(2)
        if m.group(3):
            r, c = 1, 1 << int(m.group(3))
            shape = "2^%s" % m.group(3)
        else:
            r, c = int(m.group(4)), int(m.group(5))
            shape = "%dx%d" % (r, c)
        n = r * c
        outn = 1 if how == "all" else (c if how == "dim0" else r)
        return "reductions", "%s %s %s" % (op, how, shape), 4 * (n + outn), 0, "bw_read", n
    m = re.fullmatch(r"softmax_dim1_f32_(\d+)x(\d+)", name)
    if m:
        n = int(m.group(1)) * int(m.group(2))
        return ("reductions", "softmax dim1 %sx%s" % m.groups(), 8 * n, 0, "bw_copy", n)
    m = re.fullmatch(r"add_(TT|Tc|bcast)_f32_(\d+)x(\d+)", name)
    if m:
        kind, r, c = m.group(1), int(m.group(2)), int(m.group(3))
        n = r * c
        label = {"TT": "add a.T+b.T", "Tc": "add a.T+b", "bcast": "add M+row"}[kind]
        nbytes = 12 * n if kind != "bcast" else 8 * n + 4 * c
        return "strided and broadcast", "%s %dx%d" % (label, r, c), nbytes, 0, "bw_add", n
    m = re.fullmatch(r"matmul_f32_(\d+)", name)
    if m:
        k = int(m.group(1))
        return "matmul", "matmul f32 %d" % k, 0, 2 * k ** 3, None, k * k
    bw = {"bw_copy": (2, "copy b[i] = a[i]"), "bw_read": (1, "read s += a[i]"),
          "bw_add": (3, "add c[i] = a[i] + b[i]"),
          "bw_add_alloc": (3, "add, c malloc'd + freed each call"),
          "bw_add_alloc_huge": (3, "add, c malloc'd, MADV_HUGEPAGE")}
    if name in bw:
        k, label = bw[name]
        return "bandwidth", label, k * N24 * 4, 0, None, N24
    return "other", name, 0, 0, None, 0


SECTIONS = ["elementwise", "float16", "strided and broadcast", "reductions", "matmul",
            "out= (no allocation)"]


class Column:
    """One library: the JSON lines of one or more rounds (comma-separated paths)."""

    def __init__(self, paths):
        self.info, self.results, self.order = {}, {}, []
        self.rounds, self.wall, self.other = 0, 0.0, 0.0
        for path in paths.split(","):
            self._read(path)
        lib = self.info.get("library", os.path.basename(paths.split(",")[0]))
        self.name = self.info.get("label") or ("%s %s" % (lib, self.info.get("version", ""))).strip()
        major = self.info.get("version", "").split(".")[0]
        self.short = {"ctensor": "ct", "torch": "pt"}.get(lib, "np" + major)

    def _read(self, path):
        info = {}
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line.startswith("{"):
                    continue
                d = json.loads(line)
                if d["type"] == "info":
                    info[d["key"]] = d["value"]
                elif d["type"] == "result":
                    k = d["case"]
                    old = self.results.get(k)
                    if k not in self.order:
                        self.order.append(k)
                    if d.get("status") == "ok" and k.startswith("bw_"):
                        d["time"] = d["min"]  # bandwidth: the best sample, as STREAM reports
                    # Across rounds keep the best median (the round least disturbed by other work).
                    if (old is None or old.get("status") != "ok" or
                            (d.get("status") == "ok" and d["time"] < old["time"])):
                        self.results[k] = d
        if "wall_seconds" in info:
            self.rounds += 1
            self.wall += float(info["wall_seconds"])
            self.other += float(info.get("other_cpu_seconds", 0))
        for k, v in info.items():
            self.info.setdefault(k, v)

    def time(self, case):
        r = self.results.get(case)
        return r["time"] if r and r.get("status") == "ok" else None

    def rate(self, case):
        """GB/s or GFLOP/s, or None."""
        t = self.time(case)
        if t is None:
            return None
        _, _, nbytes, flops, _, _ = case_meta(case)
        return (flops if flops else nbytes) / t / 1e9

    def cell(self, case):
        r = self.results.get(case)
        if r is None:
            return "-"
        if r["status"] == "n/a":
            return "n/a"
        if r["status"] != "ok":
            return "error"
        return fmt_time(r["time"])


def fmt_time(t):
    for scale, unit in ((1e-6, "us"), (1e-3, "ms"), (1.0, "s")):
        if t < 1000 * scale or unit == "s":
            v = t / scale
            return ("%.3g" % v if v < 100 else "%.0f" % v) + unit
    return "?"


def fmt_rate(v):
    if v is None:
        return ""
    return "%.2f" % v if v < 10 else "%.1f" % v if v < 100 else "%.0f" % v


def table(rows, header, aligns):
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]

    def line(r):
        out = []
        for i, v in enumerate(r):
            out.append(str(v).ljust(widths[i]) if aligns[i] == "<" else str(v).rjust(widths[i]))
        return "  ".join(out).rstrip()
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r) if r else "")


def machine_info():
    model, cores = "unknown CPU", os.cpu_count()
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = ""
    try:
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
    except OSError:
        pass
    return model, cores, load


def main(paths):
    cols = [Column(p) for p in paths]
    if not cols:
        sys.exit("report.py: no input files")
    ct, refs = cols[0], cols[1:]
    model, cores, load = machine_info()

    print("ctensor benchmark: %s, %s cores, load average at report time %s" % (model, cores, load))
    print("threads: " + "; ".join("%s %s" % (c.name, c.info.get("threads", "?")) for c in cols))
    waits = sorted({c.info.get("env_OMP_WAIT_POLICY", "(unset)") for c in cols})
    print("OMP_WAIT_POLICY: " + ", ".join(waits))
    for c in cols:
        bits = [c.info[k] for k in ("simd",) if k in c.info]
        if "blas_core" in c.info:
            bits.append("BLAS %s (%s), kernel %s, %s threads" % (
                c.info.get("linalg_backend", "?"), c.info.get("blas_library", "?"),
                c.info["blas_core"], c.info.get("blas_threads", "?")))
        elif "blas" in c.info:
            bits.append("BLAS " + c.info["blas"])
        env = [k[4:] + "=" + c.info[k] for k in sorted(c.info) if k.startswith("env_OPENBLAS_C")]
        if env:
            bits.append(" ".join(env))
        print("  %-14s %s" % (c.name + ":", "; ".join(bits)))
    if "lib_cflags" in ct.info:
        print("  ctensor built with: %s; harness: %s; linked: %s" % (
            ct.info["lib_cflags"], ct.info.get("harness_cflags", "?"), ct.info.get("link", "?")))
    if "available" in ct.info:
        print("  ctensor ops found: %s" % (ct.info["available"] or "none"))
    noisy = []
    for c in cols:
        if not c.wall:
            continue
        share = c.other / (c.wall * float(c.info.get("cpus", cores or 1)))
        noisy.append("%s %.0f%% (%d round%s, %.0fs)" % (c.name, 100 * share, c.rounds,
                                                       "s" if c.rounds > 1 else "", c.wall))
        if share > 0.05:
            c.noisy = True
    if noisy:
        print("  other processes' share of the CPUs during each run: " + ", ".join(noisy))
    if any(getattr(c, "noisy", False) for c in cols):
        print("  WARNING: other processes used more than 5% of the CPUs during a run: multithreaded"
              " timings (ctensor, PyTorch, BLAS) stall at every barrier when a core is taken; rerun"
              " on an idle machine for numbers to quote (OMP_WAIT_POLICY=passive bench/run.sh"
              " shortens the stalls meanwhile).")
    print()

    # Memory bandwidth.
    bw = {k: ct.rate(k) for k in ("bw_copy", "bw_read", "bw_add", "bw_add_alloc",
                                  "bw_add_alloc_huge")}
    if any(v is not None for v in bw.values()):
        print("Memory bandwidth, plain C loops over 2^24 float32 (64 MiB per array), %s threads,"
              " best sample (as STREAM reports), measured before and after the ctensor cases:"
              % ct.info.get("threads", "?"))
        for k, v in bw.items():
            if v is not None:
                print("  %-40s %6.1f GB/s  (%s)" % (case_meta(k)[1], v, fmt_time(ct.time(k))))
        print()

    # The main table.
    cases = [c for c in ct.order if case_meta(c)[0] not in ("bandwidth", "other")]
    for c in refs:
        cases += [k for k in c.order if k not in cases and case_meta(k)[0] != "bandwidth"]
    header = ["case", "unit"]
    for c in cols:
        header += [c.name, ""]
    header += ["ratio", "%BW"]
    aligns = ["<", "<"] + [">", ">"] * len(cols) + [">", ">"]
    rows = []
    for sec in SECTIONS + ["other"]:
        sec_cases = [k for k in cases if case_meta(k)[0] == sec]
        if not sec_cases:
            continue
        if rows:
            rows.append(None)
        rows.append(["[%s]" % sec, ""] + [""] * (2 * len(cols)) + ["", ""])
        for k in sec_cases:
            _, label, nbytes, flops, bwref, n = case_meta(k)
            row = ["  " + label, "GF/s" if flops else "GB/s"]
            for c in cols:
                row += [c.cell(k), fmt_rate(c.rate(k))]
            ctr = ct.rate(k)
            best = max(((c.rate(k), c.short) for c in refs if c.rate(k) is not None),
                       default=None)
            ratio = "%.2fx %s" % (ctr / best[0], best[1]) if ctr and best else ""
            pct = ""
            if ctr and bwref and n >= N24 and bw.get(bwref):
                pct = "%.0f%%" % (100 * ctr / bw[bwref])
            rows.append(row + [ratio, pct])
    table([r if r else [""] * len(header) for r in rows], header, aligns)
    print("time: median per call (functional ops include allocating and freeing the result), the best"
          " median of the rounds;"
          "\nratio: ctensor / best of %s (%s);\n%%BW at 2^24 elements: ctensor GB/s / the plain C loop"
          " with the same streams (add loop for binary ops, copy loop for exp and softmax,"
          " read loop for sum and mean)" % (
              ", ".join(c.name for c in refs), ", ".join(c.short + "=" + c.name for c in refs)))
    print()
    targets(ct, refs, cases, bw)

    notes = []
    for c in cols:
        for k in c.order:
            r = c.results[k]
            if r["status"] == "error":
                notes.append("%s %s: error: %s" % (c.name, k, r.get("msg", "")))
            elif r.get("check", "ok") != "ok":
                notes.append("%s %s: WRONG RESULT: %s" % (c.name, k, r["check"]))
    na = [k for k in ct.order if ct.results[k]["status"] == "n/a"]
    if na:
        notes.append("ctensor n/a (op not in the library yet): %d cases: %s" % (
            len(na), ", ".join(sorted({ct.results[k].get("msg", "").split()[0] for k in na}))))
    if notes:
        print("Notes:")
        for n in notes:
            print("  " + n)


def targets(ct, refs, cases, bw):
    """The issue's targets, each with what this run measured."""
    print("Targets (issue 3):")

    def verdict(ok):
        return "n/a " if ok is None else ("MEETS" if ok else "MISS ")

    # 1. Elementwise and reductions at 2^20 elements and above: >= 1.0x the best reference.
    lines = []
    for k in cases:
        sec, label, _, _, bwref, n = case_meta(k)
        if sec in ("elementwise", "float16", "reductions") and n >= 1 << 20:
            ctr = ct.rate(k)
            best = max((c.rate(k) for c in refs if c.rate(k) is not None), default=None)
            ok = None if not ctr or not best else ctr >= best
            lines.append((ok, "%-26s %s" % (label, "%.3gx" % (ctr / best) if ok is not None else
                                             "n/a")))
    report_group(">= 1.0x best of NumPy/PyTorch, elementwise and reductions at >= 2^20", lines,
                 verdict)
    # 2. At 2^24: >= 80% of the bandwidth limit.
    lines = []
    for k in cases:
        sec, label, _, _, bwref, n = case_meta(k)
        if sec in ("elementwise", "float16", "reductions") and n >= N24 and bwref:
            ctr = ct.rate(k)
            ok = None if not ctr or not bw.get(bwref) else ctr >= 0.8 * bw[bwref]
            lines.append((ok, "%-26s %s" % (label, "%.0f%% of %s" % (
                100 * ctr / bw[bwref], bwref) if ok is not None else "n/a")))
    report_group(">= 80% of the C loop bandwidth at 2^24", lines, verdict)
    # 3. Strided and broadcast: >= 0.5x ctensor's own contiguous add at the same element count.
    lines = []
    for k in cases:
        sec, label, _, _, _, n = case_meta(k)
        if sec == "strided and broadcast":
            p = n.bit_length() - 1
            base = ct.rate("add_f32_2^%d" % p)
            ctr = ct.rate(k)
            ok = None if not ctr or not base else ctr >= 0.5 * base
            lines.append((ok, "%-26s %s" % (label, "%.3gx add f32 2^%d" % (ctr / base, p)
                                             if ok is not None else "n/a")))
    report_group(">= 0.5x the contiguous add rate, strided and broadcast add", lines, verdict)
    # 4. matmul 1024 and 2048: >= 0.9x PyTorch.
    lines = []
    pt = [c for c in refs if c.short == "pt"]
    for size in (1024, 2048):
        k = "matmul_f32_%d" % size
        ctr = ct.rate(k)
        ptr = pt[0].rate(k) if pt else None
        ok = None if not ctr or not ptr else ctr >= 0.9 * ptr
        lines.append((ok, "%-26s %s" % ("matmul f32 %d" % size, "%.3gx PyTorch" % (ctr / ptr)
                                         if ok is not None else "n/a")))
    report_group(">= 0.9x PyTorch, matmul 1024 and 2048", lines, verdict)
    # 5. C-level latency at 2^10: <= 0.3 us.
    lines = []
    for k in ("add_f32_2^10", "mul_f32_2^10", "exp_f32_2^10", "add_f16_2^10", "sum_all_f32_2^10",
              "add_out_f32_2^10"):
        t = ct.time(k)
        refs_s = ", ".join("%s %s" % (c.name, fmt_time(c.time(k))) for c in refs
                           if c.time(k) is not None)
        ok = None if t is None else t <= 0.3e-6
        lines.append((ok, "%-26s %s%s" % (case_meta(k)[1], fmt_time(t) if t else "n/a",
                                          "   (from Python: %s)" % refs_s if refs_s else "")))
    report_group("<= 0.3us C-level latency (call to result, incl. allocation and release) at 2^10",
                 lines, verdict)


def report_group(title, lines, verdict):
    known = [ok for ok, _ in lines if ok is not None]
    print("  %s: %d of %d measured meet it%s" % (
        title, sum(known), len(known), "" if len(known) == len(lines) else
        " (%d n/a)" % (len(lines) - len(known))))
    for ok, text in lines:
        print("    %s %s" % (verdict(ok), text))


if __name__ == "__main__":
    main(sys.argv[1:])
