#!/usr/bin/python3
"""Generates the dtype conversion cases of tests/check_dtype.c from PyTorch.

For every source dtype this script builds a tensor of edge values (NaN of
both signs, infinities, signed zeros, rounding ties, float16/bfloat16
overflow and subnormals, values outside the integer ranges, integers that
float32 cannot hold, ...), converts it with Tensor.to() to every other dtype
and prints one C initializer per (source value, destination dtype) with the
bit patterns of both sides, the layout of struct cvt_case in check_dtype.c:

    {src dtype, src bits lo, src bits hi, dst dtype, dst bits lo, dst bits hi},

Bits are the element's bytes read little-endian, the first 8 into lo and
bytes 8..15 (the imaginary part of complex128) into hi.

Run it with a Python that has torch and numpy (Debian's python3-torch) on an
x86-64 machine and paste its output between the GENERATED markers of
tests/check_dtype.c:

    /usr/bin/python3 tools/gen_convert_cases.py > /tmp/cases.inc

Two results are deliberately not PyTorch 1.13's, and the script rewrites them
(the generated comment lists every rewritten case):
  * complex to bool: PyTorch before 2.3 looked at the real part only; since
    pytorch/pytorch#121803 (2.3) it is "real != 0 or imag != 0", which
    ctensor follows.
  * NaN to bfloat16: c10::BFloat16 gives 0x7FC0 (what PyTorch's scalar paths,
    e.g. float64 -> bfloat16, produce) but the AVX2 vector path for float32
    -> bfloat16 writes 0xFFFF. ctensor always gives 0x7FC0.
Everything else is PyTorch's own output.
"""

import math
import sys
import warnings

import numpy as np
import torch

warnings.filterwarnings("ignore")

DTYPES = [
    ("BOOL", torch.bool),
    ("UINT8", torch.uint8),
    ("INT8", torch.int8),
    ("INT16", torch.int16),
    ("INT32", torch.int32),
    ("INT64", torch.int64),
    ("FLOAT16", torch.float16),
    ("BFLOAT16", torch.bfloat16),
    ("FLOAT32", torch.float32),
    ("FLOAT64", torch.float64),
    ("COMPLEX64", torch.complex64),
    ("COMPLEX128", torch.complex128),
]

NAN = float("nan")
INF = float("inf")

# Values for float32 and float64 sources (float32 gets them rounded).
FLOATS = [
    0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.1, 1.0, -1.0, 255.9, -129.5, 300.0,
    40000.0, 65504.0, 65519.0, 65520.0, 1e-8, 6e-8, 1e-5,
    2.0 ** 31, -(2.0 ** 31), 3e9, -3e9, 1e10, 2.0 ** 63, -(2.0 ** 63), 1e20, -1e20,
    16777217.0,
    1.00390625,  # 1 + 2^-8: a bfloat16 tie, to even (1.0)
    1.01171875,  # 1 + 3 * 2^-8: a bfloat16 tie, to even (1 + 2^-6)
    1.0 + 2.0 ** -11 + 2.0 ** -40,  # float64 -> float16 rounds twice (via float32)
    1.0 + 2.0 ** -9 + 2.0 ** -40,  # float64 -> bfloat16 rounds twice
    1e39, 1e-40, 1e-46, 3.4028235677973366e38,
    INF, -INF, NAN, -NAN,
]

F16_BITS = [
    0x0000, 0x8000, 0x0001, 0x03FF, 0x0400, 0x3555, 0x3800, 0x3C00, 0x3C01, 0x3E00, 0x4100,
    0xBE00, 0x5C00, 0x5BFF, 0x7BFF, 0xFBFF, 0x7C00, 0xFC00, 0x7E00, 0xFE00, 0x7D00,
]

BF16_BITS = [
    0x0000, 0x8000, 0x0001, 0x007F, 0x0080, 0x3F80, 0xBF80, 0x3FC0, 0x4020, 0x3F81, 0x3301,
    0x4B80, 0x4F00, 0xCF00, 0x5F00, 0x477F, 0x4780, 0x7F7F, 0xFF7F, 0x7F80, 0xFF80, 0x7FC0,
    0xFFC0, 0x7F81,
]

INT64S = [
    0, 1, -1, 2, 127, 128, -128, -129, 255, 256, 32767, 32768, -32769, 2049, 2051, 65504,
    65519, 65520, 16777217, 16842753,  # 2^24 + 2^16 + 1: rounds twice on the way to bfloat16
    2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53 + 1, -(2 ** 53) - 1,
    2 ** 62 + 2 ** 38 + 1, 2 ** 63 - 1, -(2 ** 63),
]
INT32S = [0, 1, -1, 127, 128, -129, 255, 256, 2049, 65520, 16777217, 16842753,
          2 ** 31 - 1, -(2 ** 31)]
INT16S = [0, 1, -1, 127, 128, -129, 255, 256, 2049, 2 ** 15 - 1, -(2 ** 15), -1000]
INT8S = [0, 1, -1, 127, -128, 100, -100]
UINT8S = [0, 1, 127, 128, 200, 255]
BOOLS = [False, True]

COMPLEXES = [
    complex(0.0, 0.0), complex(-0.0, 0.0), complex(0.0, 1.0), complex(0.0, -0.0),
    complex(1.5, -2.5), complex(-2.5, 1e20), complex(3e9, 1.0), complex(65520.0, 65504.0),
    complex(300.0, -300.0), complex(-1.0, 0.5), complex(1e-8, 1e-40),
    complex(1.0 + 2.0 ** -11 + 2.0 ** -40, 1e39),
    complex(INF, -INF), complex(NAN, 0.0), complex(0.0, NAN),
]


def source_tensor(name):
    """The source values of one dtype, as a tensor of that dtype."""
    if name == "FLOAT64":
        return torch.from_numpy(np.array(FLOATS, dtype=np.float64))
    if name == "FLOAT32":
        return torch.from_numpy(np.array(FLOATS, dtype=np.float64).astype(np.float32))
    if name in ("FLOAT16", "BFLOAT16"):
        bits = np.array(F16_BITS if name == "FLOAT16" else BF16_BITS, dtype=np.uint16)
        return torch.from_numpy(bits.view(np.int16)).view(dict(DTYPES)[name])
    if name == "COMPLEX128":
        return torch.from_numpy(np.array(COMPLEXES, dtype=np.complex128))
    if name == "COMPLEX64":
        return torch.from_numpy(np.array(COMPLEXES, dtype=np.complex128).astype(np.complex64))
    values = {"INT64": INT64S, "INT32": INT32S, "INT16": INT16S, "INT8": INT8S,
              "UINT8": UINT8S, "BOOL": BOOLS}[name]
    dtype = dict(DTYPES)[name]
    return torch.tensor(values, dtype=dtype)


def element_bytes(t):
    """The bytes of each element of a 1-d tensor, as a list of bytes objects."""
    if t.dtype == torch.bfloat16:
        arr = t.view(torch.int16).numpy()
    else:
        arr = t.numpy()
    raw = np.ascontiguousarray(arr).view(np.uint8).reshape(len(t), -1)
    return [bytes(row) for row in raw]


def hexu(v):
    """A C constant for v: 0, or hexadecimal with a u suffix."""
    return "0" if v == 0 else "0x%xu" % v


def lo_hi(b):
    b = b + bytes(16 - len(b))
    return int.from_bytes(b[:8], "little"), int.from_bytes(b[8:], "little")


def show(x):
    """repr() of a float that also shows the sign of a NaN."""
    if isinstance(x, float) and math.isnan(x):
        return "-nan" if math.copysign(1.0, x) < 0 else "nan"
    return repr(x)


def describe(t, i):
    if t.dtype in (torch.float16, torch.bfloat16):
        return "%s (0x%04x)" % (show(t[i].item()), t[i:i + 1].view(torch.int16).item() & 0xFFFF)
    if t.dtype in (torch.complex64, torch.complex128):
        z = t[i].numpy().item()
        return "(%s, %s)" % (show(z.real), show(z.imag))
    return show(t[i].numpy().item())


def main():
    out = sys.stdout
    rewritten = []
    rows = []
    for src_name, _ in DTYPES:
        src = source_tensor(src_name)
        src_bytes = element_bytes(src)
        for i in range(len(src)):
            rows.append("  /* %s %s */" % (src_name.lower(), describe(src, i)))
            slo, shi = lo_hi(src_bytes[i])
            for dst_name, dst_dtype in DTYPES:
                if dst_name == src_name:
                    continue  # same dtype: a byte copy, tested on its own
                dst = src[i:i + 1].to(dst_dtype)
                dlo, dhi = lo_hi(element_bytes(dst)[0])
                note = ""
                if dst_name == "BOOL" and src_name.startswith("COMPLEX"):
                    z = src[i].item()
                    want = int(z.real != 0 or z.imag != 0)
                    if want != dlo:
                        rewritten.append("%s %s -> bool: torch %d, ctensor %d"
                                         % (src_name.lower(), describe(src, i), dlo, want))
                        note = " /* rewritten */"
                    dlo = want
                if dst_name == "BFLOAT16" and math.isnan(dst.float().item()) and dlo != 0x7FC0:
                    rewritten.append("%s %s -> bfloat16: torch 0x%04x, ctensor 0x7fc0"
                                     % (src_name.lower(), describe(src, i), dlo))
                    note = " /* rewritten */"
                    dlo = 0x7FC0
                rows.append("  {CT_%s, %s, %s, CT_%s, %s, %s},%s"
                            % (src_name, hexu(slo), hexu(shi), dst_name, hexu(dlo), hexu(dhi),
                               note))
    out.write("/* Generated by tools/gen_convert_cases.py from PyTorch %s on x86-64; "
              "do not edit. */\n" % torch.__version__)
    out.write("/* Cases rewritten from PyTorch's output (see the script's docstring):\n")
    for r in rewritten:
        out.write(" *   %s\n" % r)
    out.write(" */\n")
    out.write("static const struct cvt_case cvt_cases[] = {\n")
    for r in rows:
        out.write(r + "\n")
    out.write("};\n")


if __name__ == "__main__":
    main()
