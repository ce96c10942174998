#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets: tests/fuzz/corpus/<target>/<name>.

Each seed is built from the readers of fuzz_common.h, so that it means what its
name says (a consistent DLPack tensor, a transposed view, a masked write...):
fz_u8 takes one byte; fz_i64(lo, span) and fz_i32(lo, span) take a selector
byte below 200 (220 for i32) and then one byte, the value minus lo; fz_below(n)
takes one byte (two for n > 256). Running out of bytes reads zeros.

Usage: tests/fuzz/make_corpus.py [output directory]   (default: tests/fuzz/corpus)
The output is deterministic; rerun after changing how a target reads its input.
"""
import os
import struct
import sys


def u8(v):
    return bytes([v & 0xFF])


def i64(v, lo):
    """A small fz_i64 value v in [lo, lo + span)."""
    assert 0 <= v - lo < 256
    return bytes([0, v - lo])


def i64_raw(v):
    """Any int64, through the raw-bytes selector."""
    return bytes([255]) + struct.pack("<q", v)


def i32(v, lo):
    assert 0 <= v - lo < 256
    return bytes([0, v - lo])


def dlpack(versioned=True, major=1, minor=3, flags=0, ndim=2, dtype=8, device=None, nulls=0x01, byte_offset=None,
           shape=(2, 3), strides=None, deleter=True, tail=b""):
    """fuzz_dlpack: mode, version, flags, ndim, dtype, device, nulls, byte_offset, shape, strides, tail."""
    mode = (1 if versioned else 0) | (0 if deleter else 0x0E)
    b = u8(mode) + u8(minor)
    b += u8(0) if major == 1 else u8(224 + 3 * 0 + major)  # vsel >= 224 picks major = vsel % 3
    b += u8(0) + u8(flags)
    b += i32(ndim, 0)
    b += u8(dtype)  # index into the valid DLPack dtypes
    b += u8(0) if device is None else u8(160) + u8(device) + i32(0, -1)
    b += u8(nulls)  # (nulls & 3) == 0: NULL strides
    b += u8(0) if byte_offset is None else u8(128) + i64(byte_offset, 0)
    for s in shape:
        b += i64(s, 0)
    for s in strides or [0] * len(shape):
        b += i64(s, -1)
    return b + tail


def view(dtype=9, n=12, steps=()):
    """fuzz_view: dtype, base size, flags, step count, then each step (op byte, then its arguments)."""
    b = u8(dtype) + u8(n) + u8(200) + u8(len(steps) - 1 if steps else 0)
    for s in steps:
        b += s + u8(255)  # 255: release the previous view (no 'keep')
    return b


def index(dtype=9, shape=(3, 4), items=(), put=b""):
    """fuzz_index: dtype, ndim, sizes, flags, block bytes, view selector, items, nulls, value, put flags."""
    b = u8(dtype) + u8(len(shape))
    for s in shape:
        b += u8(s)
    b += u8(100)
    isz = {0: 1, 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 2, 7: 2, 8: 4, 9: 8, 10: 8, 11: 16}[dtype]
    n = 1
    for s in shape:
        n *= s
    b += bytes((i * 7) % 64 for i in range(n * isz))
    b += u8(0)  # no view
    b += i32(len(items), 0)
    for it in items:
        b += it
    return b + u8(0) + put


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
    seeds = {
        "fuzz_dlpack": {
            "versioned-float32-2x3": dlpack(),
            "legacy-int64-strided": dlpack(versioned=False, dtype=5, strides=[1, 2], nulls=0x01),
            "versioned-read-only": dlpack(flags=1, dtype=9),
            "major-2-header-only": dlpack(major=2),
            "byte-offset-complex64": dlpack(dtype=10, byte_offset=8),
            "zero-dim-null-shape": dlpack(ndim=0, shape=(), nulls=248),
            "cuda-device": dlpack(device=1),
            "negative-stride": dlpack(strides=[-1, 1]),
            "null-deleter": dlpack(deleter=False),
            "empty-with-null-data": dlpack(shape=(0, 3), nulls=233),
        },
        "fuzz_view": {
            "as-strided-2x3": view(steps=[u8(0) + i32(2, 0) + i64(2, -1) + i64(3, -1) + i64(3, 0) + i64(1, 0) +
                                        i64(0, 0) + u8(0)]),
            "transpose-narrow": view(steps=[u8(4) + i32(2, 0) + i64(3, -2) + i64(4, -2),
                                            u8(11) + i64(0, -4) + i64(1, -4),
                                            u8(1) + i64(0, -4) + i64(1, -5) + i64(2, -1)]),
            "expand-unsqueeze": view(n=3, steps=[u8(8) + i64(0, -5), u8(7) + i32(2, 0) + i64(4, -2) + i64(3, -2)]),
            "view-as-real-complex": view(dtype=10, n=6, steps=[u8(21), u8(22)]),
            "slice-step-diagonal": view(n=16, steps=[u8(4) + i32(2, 0) + i64(4, -2) + i64(4, -2),
                                                     u8(3) + i64(1, -4) + i64(0, -6) + i64(4, -6) + i64(2, -1),
                                                     u8(16) + i64(0, -4) + i64(0, -4) + i64(1, -4)]),
            "unfold-reshape": view(n=10, steps=[u8(17) + i64(0, -4) + i64(3, -1) + i64(2, -1),
                                                u8(5) + i32(1, 0) + i64(-1, -2)]),
            "huge-as-strided": view(steps=[u8(0) + i32(1, 0) + i64_raw(1 << 40) + i64(0, 0) + i64(0, 0) + u8(0)]),
        },
        "fuzz_index": {
            "int-slice": index(items=[u8(0) + i64(1, -5) + i64(0, -5) + i64(0, -5),
                                      u8(1) + i64(1, -5) + u8(0) + i64(3, -5) + u8(0)]),
            "none-ellipsis": index(items=[u8(2) + i64(0, -5) + i64(0, -5) + i64(0, -5),
                                          u8(3) + i64(0, -5) + i64(0, -5) + i64(0, -5)]),
            "index-tensor-int64": index(items=[u8(4) + i64(0, -5) + i64(0, -5) + i64(0, -5) + u8(0) + u8(0) +
                                               u8(1) + u8(3) + i64(2, -5) + i64(-1, -5) + i64(0, -5)]),
            "bool-mask": index(shape=(4,), items=[u8(4) + i64(0, -5) + i64(0, -5) + i64(0, -5) + u8(0) + u8(3) +
                                                  u8(1) + u8(4) + i64(1, -5) + i64(0, -5) + i64(1, -5) +
                                                  i64(1, -5)]),
            "accumulate-put": index(items=[u8(0) + i64(-1, -5) + i64(0, -5) + i64(0, -5)],
                                    put=u8(0) + i64(2, -3) + u8(1) + u8(0)),
            "bool-true-read-only": index(items=[u8(5) + i64(1, -5) + i64(0, -5) + i64(0, -5) + u8(0)]),
        },
        "fuzz_broadcast": {
            "promote-and-add": u8(0) + i32(1, -2) + i32(8, -2) + u8(0) + i32(5, -2) + i32(10, -2) + u8(0) +
            u8(100) + u8(8) + u8(2) + u8(3) + u8(1) + bytes(24) + u8(0) +
            u8(100) + u8(5) + u8(1) + u8(3) + bytes(24) + u8(0),
            "scalar-plus-int8": bytes(9) + u8(0) + u8(2) + bytes(16) + u8(100) + u8(2) + u8(1) + u8(3) + bytes(3),
            "incompatible": bytes(9) + u8(100) + u8(9) + u8(1) + u8(2) + bytes(16) + u8(0) + u8(100) + u8(9) +
            u8(1) + u8(3) + bytes(24) + u8(0),
            "expanded-inplace": bytes(9) + u8(100) + u8(9) + u8(2) + u8(1) + u8(3) + bytes(24) + u8(170) + u8(2) +
            u8(2) + u8(100) + u8(9) + u8(1) + u8(3) + bytes(24) + u8(0) + i32(1, 0) + bytes(18) + u8(1),
            "bad-dtypes": i32(-1, -2) + i32(12, -2) + i32(3, -2) + i32(14, -2),
        },
        "fuzz_format": {
            "default-float32": bytes(12) + u8(8) + u8(2) + u8(2) + u8(3) + u8(100) + bytes(30),
            "sci-mode-float64-special": i32(4, 0) + i64(10, 0) + i64(3, 0) + i64(80, 0) + i32(1, -2) + u8(9) +
            u8(1) + u8(6) + u8(100) + b"".join(u8(200 + k) + bytes(8) for k in range(6)) + u8(0) + u8(100),
            "summarised-int64": i32(4, 0) + i64(5, 0) + i64(2, 0) + i64(40, 0) + i32(1, -2) + u8(5) + u8(1) +
            u8(251) + u8(20) + u8(100) + bytes(200),
            "complex128-edgeitems-0": i32(2, 0) + i64(1, 0) + i64(0, 0) + i64(20, 0) + i32(1, -2) + u8(11) + u8(1) +
            u8(3) + u8(100) + bytes(60),
            "bool-torch-prefix-small-buffers": bytes(12) + u8(0) + u8(1) + u8(4) + u8(100) + bytes(12) + u8(0) +
            u8(100) + u8(1) + u8(0) + u8(2) + u8(191),
            "bad-options": i32(-1, -2) + bytes(12),
            "bfloat16-transposed": bytes(12) + u8(7) + u8(2) + u8(3) + u8(2) + u8(100) + bytes(24) + u8(230),
        },
    }
    for target, files in seeds.items():
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        for name, data in sorted(files.items()):
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
    print("wrote %d seeds under %s" % (sum(len(f) for f in seeds.values()), out))


if __name__ == "__main__":
    main()
