#!/usr/bin/python3
"""Expected results of the elementwise ops, computed by PyTorch, for tests/check_elementwise.c.

Run with the system python3 (torch installed) and paste the output into the
file between its BEGIN GENERATED and END GENERATED markers:

    /usr/bin/python3 tools/gen_elementwise_cases.py

It prints:
- SUPPORT: for every op and every dtype of a same-dtype call, the result
  dtype or E (an error);
- PROMOTE_*: result dtypes of add/div/... over pairs of dtypes (tensor with
  tensor, with a 0-d tensor, with a Python scalar) and whether add_ accepts
  the pair in place;
- SPECIAL: (op, dtype, a, b) -> result for edge cases where the semantics are
  subtle (signs of remainders, NaN handling, shifts past the width, ...).

The installed torch is 1.13; where PyTorch 2.x differs, the 2.x behaviour is
what ctensor follows and the adjustments are applied here, each with its
reason (see OVERRIDES and half_like()).
"""
import math
import warnings

import torch
import torch.nn.functional as F

warnings.filterwarnings("ignore")

DTYPES = [torch.bool, torch.uint8, torch.int8, torch.int16, torch.int32, torch.int64, torch.float16,
          torch.bfloat16, torch.float32, torch.float64, torch.complex64, torch.complex128]
CODE = {torch.bool: "B", torch.uint8: "U8", torch.int8: "I8", torch.int16: "I16", torch.int32: "I32",
        torch.int64: "I64", torch.float16: "F16", torch.bfloat16: "BF16", torch.float32: "F32",
        torch.float64: "F64", torch.complex64: "C64", torch.complex128: "C128",
        # ctensor has no complex32: complex results of float16 promote to complex64.
        torch.complex32: "C64"}

UNARY = [
    ("neg", torch.neg), ("abs", torch.abs), ("sign", torch.sign), ("sgn", torch.sgn),
    ("sqrt", torch.sqrt), ("rsqrt", torch.rsqrt), ("square", torch.square),
    ("reciprocal", torch.reciprocal), ("exp", torch.exp), ("exp2", torch.exp2), ("expm1", torch.expm1),
    ("log", torch.log), ("log2", torch.log2), ("log10", torch.log10), ("log1p", torch.log1p),
    ("sin", torch.sin), ("cos", torch.cos), ("tan", torch.tan), ("asin", torch.asin), ("acos", torch.acos),
    ("atan", torch.atan), ("sinh", torch.sinh), ("cosh", torch.cosh), ("tanh", torch.tanh),
    ("asinh", torch.asinh), ("acosh", torch.acosh), ("atanh", torch.atanh), ("sigmoid", torch.sigmoid),
    ("relu", torch.relu), ("gelu", F.gelu), ("gelu_tanh", lambda x: F.gelu(x, approximate="tanh")),
    ("silu", F.silu), ("softplus", F.softplus), ("erf", torch.erf), ("erfc", torch.erfc),
    ("floor", torch.floor), ("ceil", torch.ceil), ("round", torch.round),
    ("round_decimals", lambda x: torch.round(x, decimals=2)), ("trunc", torch.trunc), ("frac", torch.frac),
    ("isnan", torch.isnan), ("isinf", torch.isinf), ("isfinite", torch.isfinite),
    ("logical_not", torch.logical_not), ("bitwise_not", torch.bitwise_not), ("nan_to_num", torch.nan_to_num),
    ("conj", torch.conj_physical), ("angle", torch.angle),
]

BINARY = [
    ("add", torch.add), ("sub", torch.sub), ("mul", torch.mul), ("div", torch.div),
    ("div_trunc", lambda a, b: torch.div(a, b, rounding_mode="trunc")),
    ("div_floor", lambda a, b: torch.div(a, b, rounding_mode="floor")),
    ("floor_divide", torch.floor_divide), ("remainder", torch.remainder), ("fmod", torch.fmod),
    ("pow", torch.pow), ("maximum", torch.maximum), ("minimum", torch.minimum), ("atan2", torch.atan2),
    ("hypot", torch.hypot), ("eq", torch.eq), ("ne", torch.ne), ("lt", torch.lt), ("le", torch.le),
    ("gt", torch.gt), ("ge", torch.ge), ("logical_and", torch.logical_and), ("logical_or", torch.logical_or),
    ("logical_xor", torch.logical_xor), ("bitwise_and", torch.bitwise_and), ("bitwise_or", torch.bitwise_or),
    ("bitwise_xor", torch.bitwise_xor), ("bitwise_left_shift", torch.bitwise_left_shift),
    ("bitwise_right_shift", torch.bitwise_right_shift),
]

# PyTorch 2.x supports these complex ops, which 1.13 does not implement on the CPU.
OVERRIDES = {("exp2", torch.complex64), ("exp2", torch.complex128), ("expm1", torch.complex64),
             ("expm1", torch.complex128), ("log1p", torch.complex64), ("log1p", torch.complex128),
             ("nan_to_num", torch.complex64), ("nan_to_num", torch.complex128)}


def result(fn, *args):
    try:
        return CODE[fn(*args).dtype], ""
    except Exception as e:  # noqa: BLE001 - any error is an expected outcome here
        return "E", str(e)


def half_like(row, msgs):
    """PyTorch 2.x implements float16 wherever bfloat16 is implemented on the CPU; 1.13 often does not."""
    i16, ib = DTYPES.index(torch.float16), DTYPES.index(torch.bfloat16)
    if row[i16] == "E" and "not implemented for 'Half'" in msgs[i16] and row[ib] != "E":
        row[i16] = "F16" if row[ib] == "BF16" else row[ib]


def support_rows():
    rows = []
    for name, fn in UNARY:
        row, msgs = [], []
        for d in DTYPES:
            r, m = result(fn, torch.ones(3, dtype=d))
            if (name, d) in OVERRIDES:
                r = CODE[d]
            row.append(r)
            msgs.append(m)
        half_like(row, msgs)
        rows.append((name, row))
    for name, fn in BINARY:
        row, msgs = [], []
        for d in DTYPES:
            r, m = result(fn, torch.ones(3, dtype=d), torch.ones(3, dtype=d))
            row.append(r)
            msgs.append(m)
        half_like(row, msgs)
        rows.append((name, row))
    return rows


def half_retry(fn, ta, tb):
    """For a float16 (or complex32) call that 1.13 does not implement: the result dtype when the same call
    with bfloat16 in place of float16 works (as 2.x implements float16 wherever bfloat16), else E."""
    sub = lambda t: t.to(torch.bfloat16) if t.dtype == torch.float16 else t
    r, _ = result(fn, sub(ta), sub(tb) if isinstance(tb, torch.Tensor) else tb)
    return "E" if r == "E" else CODE[torch.result_type(ta, tb)]


def promote_tt(fn, zero_dim):
    rows = []
    for a in DTYPES:
        row = []
        for b in DTYPES:
            ta, tb = torch.ones(3, dtype=a), torch.ones((), dtype=b) if zero_dim else torch.ones(3, dtype=b)
            r, m = result(fn, ta, tb)
            if r == "E" and "Half" in m:
                r = half_retry(fn, ta, tb)
            row.append(r)
        rows.append(row)
    return rows


SCALARS = [("bool", True), ("int", 3), ("float", 2.5), ("complex", 1 + 2j)]


def promote_ts(fn):
    rows = []
    for a in DTYPES:
        row = []
        for _, s in SCALARS:
            r, m = result(fn, torch.ones(3, dtype=a), s)
            if r == "E" and "Half" in m:
                r = half_retry(fn, torch.ones(3, dtype=a), s)
            row.append(r)
        rows.append(row)
    return rows


def inplace_add():
    rows = []
    for a in DTYPES:
        row = []
        for b in DTYPES:
            try:
                torch.ones(3, dtype=a).add_(torch.ones(3, dtype=b))
                row.append("1")
            except Exception as e:  # noqa: BLE001
                # 1.13 lacks some float16 kernels; the cast rule is what counts.
                ok = "not implemented for 'Half'" in str(e) and torch.can_cast(
                    torch.result_type(torch.ones(3, dtype=a), torch.ones(3, dtype=b)), a)
                row.append("1" if ok else "0")
        rows.append(row)
    return rows


# ---- special values --------------------------------------------------------------------------

NAN, INF = float("nan"), float("inf")
FLOAT_SPECIAL = [0.0, -0.0, 1.0, -1.0, 2.5, -2.5, 3.0, -3.0, 0.5, -0.5, 1.5, 7.25, -7.25, 1e30, -1e-30, INF, -INF,
                 NAN]
BIN_FLOAT_SPECIAL = [0.0, -0.0, 1.0, -2.5, 3.0, 0.5, -7.25, 1e30, INF, -INF, NAN]
BIN_FLOAT_OPS = ["div", "div_trunc", "div_floor", "remainder", "fmod", "pow", "maximum", "minimum", "atan2",
                 "hypot"]
UN_FLOAT_OPS = ["sign", "sgn", "relu", "round", "round_decimals", "floor", "ceil", "trunc", "frac", "angle",
                "nan_to_num", "abs", "neg", "sqrt", "reciprocal", "rsqrt", "exp", "log", "sigmoid", "tanh",
                "softplus", "silu", "gelu", "gelu_tanh", "isnan", "isinf", "isfinite", "square"]
INT_PAIRS = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (5, 1), (-8, 3), (3, 0), (2, -1), (-1, -3), (1, -5),
             (0, 0), (6, 7), (-9, 8), (-128, 1), (100, 9), (-100, 9), (127, 63), (-5, 64), (5, -1), (-3, 7)]
BIN_INT_OPS = ["div", "div_trunc", "div_floor", "remainder", "fmod", "pow", "maximum", "minimum",
               "bitwise_left_shift", "bitwise_right_shift", "bitwise_and", "bitwise_xor"]
INT_DTYPES = [torch.int8, torch.int64, torch.uint8]


def c_double(v):
    """A C literal for a double, exact (repr round-trips); NaN's sign is not kept (tests only classify NaN)."""
    if math.isnan(v):
        return "NAN"
    if math.isinf(v):
        return "INFINITY" if v > 0 else "-INFINITY"
    return repr(v)


def c_int(v):
    """An exact int64 C literal, for integer results (kept apart from the double ones)."""
    return "INT64_MIN" if v == -2**63 else "%dLL" % v


def special_cases():
    binf = dict(BINARY)
    unf = dict(UNARY)
    out = []
    for name in BIN_FLOAT_OPS:
        for d in (torch.float64,):
            for a in BIN_FLOAT_SPECIAL:
                for b in BIN_FLOAT_SPECIAL:
                    r = binf[name](torch.tensor([a], dtype=d), torch.tensor([b], dtype=d))
                    out.append((name, CODE[d], c_double(a), c_double(b), c_double(float(r[0]))))
    for name in UN_FLOAT_OPS:
        for d in (torch.float32, torch.float64):
            for a in FLOAT_SPECIAL:
                # PyTorch's gelu formulas cancel for negative x (1 + erf(x) in float); ctensor avoids that.
                if name.startswith("gelu") and a < -2:
                    continue
                r = unf[name](torch.tensor([a], dtype=d))
                out.append((name, CODE[d], c_double(a), "0.0", c_double(float(r[0]))))
    for name in BIN_INT_OPS:
        for d in INT_DTYPES:
            for a, b in INT_PAIRS:
                if d == torch.uint8 and (a < 0 or b < 0):
                    continue
                # torch 1.13 shifts by amounts outside [0, bits) as the hardware does; 2.x defines them
                # (0, or the sign fill), which ctensor follows and the C reference checks.
                bits = torch.iinfo(d).bits
                if name.startswith("bitwise_") and "shift" in name and (b < 0 or b >= bits):
                    continue
                try:
                    r = binf[name](torch.tensor([a], dtype=d), torch.tensor([b], dtype=d))
                except RuntimeError:
                    r = None  # integer division by zero
                if r is None:
                    v = "ERR"
                elif r.dtype.is_floating_point:
                    v = c_double(float(r[0]))
                else:
                    v = c_int(int(r[0]))
                out.append((name, CODE[d], str(a), str(b), v))
    return out


def main():
    print("/* BEGIN GENERATED by tools/gen_elementwise_cases.py (torch %s) */" % torch.__version__)
    print("/* Result dtype of each op on same-dtype operands, by dtype in enum order (E: an error). */")
    print("static const struct support_row {\n  const char *op;\n  int8_t result[CT_DTYPE_COUNT];\n} SUPPORT[] = {")
    for name, row in support_rows():
        print('  {"%s", {%s}},' % (name, ", ".join(row)))
    print("};")
    tables = [("PROMOTE_ADD_TT", torch.add, False), ("PROMOTE_ADD_T0", torch.add, True),
              ("PROMOTE_DIV_TT", torch.div, False), ("PROMOTE_ATAN2_TT", torch.atan2, False),
              ("PROMOTE_EQ_TT", torch.eq, False), ("PROMOTE_BITWISE_AND_TT", torch.bitwise_and, False),
              ("PROMOTE_LOGICAL_AND_TT", torch.logical_and, False), ("PROMOTE_POW_T0", torch.pow, True)]
    for tname, fn, zero in tables:
        print("/* %s[a][b]: the result dtype of a tensor of dtype a with a %s of dtype b. */" %
              (tname, "0-d tensor" if zero else "tensor"))
        print("static const int8_t %s[CT_DTYPE_COUNT][CT_DTYPE_COUNT] = {" % tname)
        for row in promote_tt(fn, zero):
            print("  {%s}," % ", ".join(row))
        print("};")
    for tname, fn in [("PROMOTE_ADD_TS", torch.add), ("PROMOTE_DIV_TS", torch.div), ("PROMOTE_MUL_TS", torch.mul),
                      ("PROMOTE_POW_TS", torch.pow)]:
        print("/* %s[a][k]: a tensor of dtype a with a Python bool, int (3), float (2.5), complex (1+2j). */" % tname)
        print("static const int8_t %s[CT_DTYPE_COUNT][4] = {" % tname)
        for row in promote_ts(fn):
            print("  {%s}," % ", ".join(row))
        print("};")
    print("/* INPLACE_ADD[a][b]: whether a tensor of dtype a takes add_ of one of dtype b. */")
    print("static const int8_t INPLACE_ADD[CT_DTYPE_COUNT][CT_DTYPE_COUNT] = {")
    for row in inplace_add():
        print("  {%s}," % ", ".join(row))
    print("};")
    print("/* Edge cases: op(a, b) (unary ops ignore b) on the dtype; ERR: an error (division by zero). */")
    print("static const struct special_case {\n  const char *op;\n  int8_t dtype;\n  double a, b;\n"
          "  double expected;   /* a floating result */\n  int64_t iexpected; /* an integer result (LL) */\n"
          "  bool error;\n} SPECIAL[] = {")
    line = ""
    for name, d, a, b, r in special_cases():
        if r == "ERR":
            case = '{"%s", %s, %s, %s, 0, 0, true},' % (name, d, a, b)
        elif r.endswith("LL") or r == "INT64_MIN":
            case = '{"%s", %s, %s, %s, 0, %s, false},' % (name, d, a, b, r)
        else:
            case = '{"%s", %s, %s, %s, %s, 0, false},' % (name, d, a, b, r)
        if len(line) + 1 + len(case) > 110:
            print(line)
            line = ""
        line = (line + " " + case) if line else "  " + case
    if line:
        print(line)
    print("};")
    print("/* END GENERATED */")


if __name__ == "__main__":
    main()
