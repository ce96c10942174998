#!/usr/bin/python3
"""Prints the PyTorch-derived cases of tests/check_reduce.c (the block between
BEGIN GENERATED and END GENERATED). Run with /usr/bin/python3 (torch 1.13):

    /usr/bin/python3 tools/gen_reduce_cases.py

Each case names an op, an input (values given as doubles, the shape, the
dtype), the op's arguments, and what PyTorch returns: the result dtype, shape
and values (and the indices for ops that return them). Where torch 1.13 and
torch 2.x differ, the 2.x behaviour is written (noted per case).
"""
import math
import torch

DT = {torch.bool: "CT_BOOL", torch.uint8: "CT_UINT8", torch.int8: "CT_INT8", torch.int16: "CT_INT16",
      torch.int32: "CT_INT32", torch.int64: "CT_INT64", torch.float16: "CT_FLOAT16",
      torch.bfloat16: "CT_BFLOAT16", torch.float32: "CT_FLOAT32", torch.float64: "CT_FLOAT64",
      torch.complex64: "CT_COMPLEX64", torch.complex128: "CT_COMPLEX128"}

OPS = ["SUM", "PROD", "MEAN", "AMAX", "AMIN", "MAX_ALL", "MIN_ALL", "MAX_DIM", "MIN_DIM", "ARGMAX",
       "ARGMIN", "VAR", "STD", "NORM", "ALL", "ANY", "COUNT_NZ", "LOGSUMEXP", "CUMSUM", "CUMPROD",
       "SOFTMAX", "LOG_SOFTMAX", "SORT", "TOPK", "UNIQUE"]


def num(v):
    if isinstance(v, bool):
        return "1" if v else "0"
    v = float(v)
    if math.isnan(v):
        return "NAN"
    if math.isinf(v):
        return "INFINITY" if v > 0 else "-INFINITY"
    return repr(v)


def flat(t):
    t = t.detach().reshape(-1)
    if t.is_complex():
        out = []
        for z in t.tolist():
            out += [z.real, z.imag]
        return out
    if t.dtype in (torch.float16, torch.bfloat16):
        t = t.float()
    return t.tolist()


def arr(vals):
    if not vals:
        return "{0}"
    return "{" + ", ".join(num(v) for v in vals) + "}"


def iarr(vals):
    if not vals:
        return "{0}"
    return "{" + ", ".join(str(int(v)) for v in vals) + "}"


cases = []


def case(name, op, x, dims=None, keepdim=False, dtype=None, p=0.0, correction=1.0, k=0,
         desc=False, override_dtype=None):
    """Runs op on x with torch and records the case."""
    if op in ("SUM", "PROD", "MEAN"):
        f = {"SUM": torch.sum, "PROD": torch.prod, "MEAN": torch.mean}[op]
        if op == "PROD" and dims is not None:
            r = x
            for d in sorted([d % max(x.dim(), 1) for d in dims], reverse=True):
                r = torch.prod(r, d, keepdim=keepdim, dtype=dtype)
        elif dims is None:
            r = f(x, dtype=dtype) if dtype is not None else f(x)
            if keepdim:
                r = r.reshape([1] * x.dim())
        else:
            r = f(x, dims, keepdim=keepdim, dtype=dtype)
        res = [r]
    elif op in ("AMAX", "AMIN"):
        f = torch.amax if op == "AMAX" else torch.amin
        res = [f(x, dims if dims is not None else [], keepdim=keepdim)]
    elif op in ("MAX_ALL", "MIN_ALL"):
        res = [torch.max(x) if op == "MAX_ALL" else torch.min(x)]
    elif op in ("MAX_DIM", "MIN_DIM"):
        f = torch.max if op == "MAX_DIM" else torch.min
        v, i = f(x, dims[0], keepdim=keepdim)
        res = [v, i]
    elif op in ("ARGMAX", "ARGMIN"):
        f = torch.argmax if op == "ARGMAX" else torch.argmin
        res = [f(x, dims[0] if dims is not None else None, keepdim=keepdim)]
    elif op in ("VAR", "STD"):
        f = torch.var if op == "VAR" else torch.std
        d = dims if dims is not None else list(range(x.dim()))
        res = [f(x, d, correction=int(correction), keepdim=keepdim)]
    elif op == "NORM":
        res = [torch.linalg.vector_norm(x, p, dims, keepdim=keepdim, dtype=dtype)]
    elif op in ("ALL", "ANY"):
        f = torch.all if op == "ALL" else torch.any
        if x.is_complex():
            x0, x = x, x != 0  # torch 2.x: a complex element is true when either part is nonzero
        r = x
        ds = dims if dims is not None else list(range(x.dim()))
        for d in sorted([d % max(x.dim(), 1) for d in ds], reverse=True):
            r = f(r, d, keepdim=keepdim)
        if dims is None and x.dim() == 0:
            r = f(x)
        res = [r.bool()]  # torch 2.x (and this library): bool for every input dtype
        if x.dtype == torch.bool and "x0" in locals():
            x = x0
    elif op == "COUNT_NZ":
        res = [torch.count_nonzero(x, dims)]
    elif op == "LOGSUMEXP":
        res = [torch.logsumexp(x, dims if dims is not None else list(range(x.dim())), keepdim=keepdim)]
    elif op in ("CUMSUM", "CUMPROD", "SOFTMAX", "LOG_SOFTMAX"):
        f = {"CUMSUM": torch.cumsum, "CUMPROD": torch.cumprod, "SOFTMAX": torch.softmax,
             "LOG_SOFTMAX": torch.log_softmax}[op]
        if x.dtype in (torch.float16, torch.bfloat16) and dtype is None:
            # torch 1.13 has no CPU float16 kernels here; torch 2.x computes in float32 and
            # rounds each result once, which is what this reproduces.
            res = [f(x.float(), dims[0]).to(x.dtype)]
        else:
            res = [f(x, dims[0], dtype=dtype)]
    elif op == "SORT":
        v, i = torch.sort(x, stable=True, dim=dims[0], descending=desc)
        res = [v, i]
    elif op == "TOPK":
        v, i = torch.topk(x, k, dims[0], largest=desc, sorted=True)
        res = [v, i]
    elif op == "UNIQUE":
        v, inv, cnt = torch.unique(x, sorted=True, return_inverse=True, return_counts=True)
        res = [v, inv, cnt]
    else:
        raise ValueError(op)
    r = res[0]
    cases.append(dict(name=name, op=op, xdtype=DT[x.dtype], xshape=list(x.shape), x=flat(x),
                      dims=dims, keepdim=keepdim, dtype=DT[dtype] if dtype is not None else "CT_DTYPE_NONE",
                      p=p, correction=correction, k=k, desc=desc,
                      rdtype=override_dtype or DT[r.dtype], rshape=list(r.shape), r=flat(r),
                      r2=flat(res[1]) if len(res) > 1 else [],
                      r3=flat(res[2]) if len(res) > 2 else []))


nan, inf = float("nan"), float("inf")
t = torch.tensor
m23 = t([[1, -2, 3], [4, 5, -6]])

# sums, products, means and their dtypes
case("sum_int8_to_int64", "SUM", t([[100, 100, 100], [-5, 7, 1]], dtype=torch.int8), [1])
case("sum_bool_to_int64", "SUM", t([True, False, True, True]))
case("sum_uint8_all_keepdim", "SUM", t([[200, 200], [200, 1]], dtype=torch.uint8), None, True)
case("sum_int32_neg_dim", "SUM", m23.int(), [-2], True)
case("sum_int16_dtype_int8_wraps", "SUM", t([100, 100, 100], dtype=torch.int16), [0], dtype=torch.int8)
case("sum_float_dtype_int32_truncates", "SUM", t([1.5, 2.7, -0.5]), [0], dtype=torch.int32)
case("sum_int8_dtype_float32", "SUM", m23.to(torch.int8), [0, 1], dtype=torch.float32)
case("sum_bool_dtype_bool", "SUM", t([True, False]), None, dtype=torch.bool)
case("sum_f16", "SUM", t([0.1, 0.2, 0.3, 1000.0, 0.7], dtype=torch.float16), [0])
case("sum_bf16", "SUM", t([[0.1, 0.2], [0.3, 256.0]], dtype=torch.bfloat16), [1])
case("sum_f32_dtype_f64", "SUM", t([0.1, 0.2, 0.3]), [0], dtype=torch.float64)
case("sum_c64", "SUM", t([[1 + 2j, 3 - 1j], [0.5j, -2]], dtype=torch.complex64), [0])
case("sum_empty", "SUM", torch.zeros(0, 3), [0])
case("sum_empty_int", "SUM", torch.zeros(2, 0, dtype=torch.int32), [1], True)
case("sum_0d", "SUM", t(5.0), [0])
case("sum_0d_int", "SUM", t(7, dtype=torch.int16), None)
case("prod_int16", "PROD", t([[2, 3], [4, -5]], dtype=torch.int16), [1])
case("prod_uint8_wraps_in_int64", "PROD", t([200, 200, 200], dtype=torch.uint8), [0])
case("prod_bool", "PROD", t([True, False, True]), [0])
case("prod_f32_keepdim", "PROD", t([[0.5, 2.0, 3.0], [1.5, -1.0, 4.0]]), [0], True)
case("prod_c128", "PROD", t([1 + 1j, 2 - 1j, 0.5j], dtype=torch.complex128), [0])
case("prod_empty", "PROD", torch.zeros(0, 2, dtype=torch.float64), [0])
case("mean_f32", "MEAN", t([[1.0, 2.0, 4.0], [3.0, 5.0, 7.0]]), [1])
case("mean_f16", "MEAN", t([1.0, 2.0, 2.0], dtype=torch.float16), [0])
case("mean_int_dtype_f64", "MEAN", m23, [0], dtype=torch.float64)
case("mean_c64", "MEAN", t([1 + 1j, 2 - 3j], dtype=torch.complex64), [0])
case("mean_empty_nan", "MEAN", torch.zeros(0, 2), [0])
case("mean_all_keepdim", "MEAN", t([[1.0, 2.0], [3.0, 5.0]]), None, True)

# extrema
case("amax_nan", "AMAX", t([[1.0, nan, 3.0], [4.0, 5.0, -inf]]), [1])
case("amin_dims", "AMIN", t([[[1, 9], [3, -4]], [[0, 2], [8, 7]]], dtype=torch.int32), [0, 2], True)
case("amax_bool", "AMAX", t([[True, False], [False, False]]), [1])
case("amax_uint8", "AMAX", t([3, 250, 7], dtype=torch.uint8), [0])
case("max_all_nan", "MAX_ALL", t([1.0, nan, 3.0]))
case("min_all_f16", "MIN_ALL", t([1.0, -2.5, 3.0], dtype=torch.float16))
case("max_all_int64", "MAX_ALL", t([-9, -3, -7]))
case("max_dim_ties_first", "MAX_DIM", t([[1, 5, 5, 2], [7, 7, 0, 7]]), [1])
case("min_dim_nan_index", "MIN_DIM", t([[1.0, nan, -3.0], [2.0, 0.0, nan]]), [1], True)
case("max_dim_0", "MAX_DIM", t([[1.0, 8.0], [3.0, -4.0], [3.0, 9.0]]), [0])
case("argmax_nan", "ARGMAX", t([1.0, 7.0, nan, 7.0, nan]), [0])
case("argmin_ties", "ARGMIN", t([[4, 1, 1], [0, 0, 3]], dtype=torch.int8), [1], True)
case("argmax_flat", "ARGMAX", t([[1.0, 9.0], [9.0, 3.0]]), None)
case("argmax_flat_keepdim", "ARGMAX", t([[1.0, 2.0], [9.0, 3.0]]), None, True)
case("argmin_bf16", "ARGMIN", t([3.0, -1.0, -1.0, 2.0], dtype=torch.bfloat16), [0])

# variance and norms
case("var_default", "VAR", t([[1.0, 2.0, 4.0], [3.0, 3.0, 3.0]]), [1])
case("var_correction0_all", "VAR", t([1.0, 2.0, 3.0, 4.0], dtype=torch.float64), None, correction=0)
case("std_correction2_keepdim", "STD", t([[1.0, 2.0], [4.0, 8.0], [0.0, 1.0]]), [0], True, correction=2)
case("var_one_element_nan", "VAR", t([5.0]), [0])
case("std_complex", "STD", t([1 + 2j, 3 - 1j, -2j], dtype=torch.complex64), [0])
case("var_f16", "VAR", t([1.0, 2.0, 3.5], dtype=torch.float16), [0])
case("norm_2", "NORM", t([[3.0, 4.0], [1.0, -1.0]]), [1], p=2.0)
case("norm_1_all", "NORM", t([[3.0, -4.0], [1.0, -1.0]]), None, p=1.0)
case("norm_inf", "NORM", t([[3.0, -4.0], [1.0, -1.0]]), [0], p=inf)
case("norm_neginf", "NORM", t([[3.0, -4.0], [1.0, -0.5]]), [1], p=-inf)
case("norm_0", "NORM", t([[3.0, 0.0], [0.0, 0.0]]), [1], p=0.0)
case("norm_3_keepdim", "NORM", t([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64), [1], True, p=3.0)
case("norm_complex_real_result", "NORM", t([3 + 4j, 1 - 1j], dtype=torch.complex64), [0], p=2.0)
case("norm_complex_inf", "NORM", t([3 + 4j, 1 - 1j], dtype=torch.complex128), [0], p=inf)
case("norm_dtype_f64", "NORM", t([3.0, 4.0]), [0], p=2.0, dtype=torch.float64)
case("norm_f16", "NORM", t([3.0, 4.0], dtype=torch.float16), [0], p=2.0)
case("norm_empty_2", "NORM", torch.zeros(0, 2), [0], p=2.0)

# logical reductions
case("all_f32_nan_true", "ALL", t([[1.0, nan], [0.0, 2.0]]), [1])
case("any_int", "ANY", t([[0, 0], [0, 3]]), [1], True)
case("all_uint8_is_bool", "ALL", t([1, 2, 0], dtype=torch.uint8), None)
case("any_uint8_is_bool", "ANY", t([0, 2, 0], dtype=torch.uint8), [0])
case("all_empty_true", "ALL", torch.zeros(0), None)
case("any_empty_false", "ANY", torch.zeros(0, 2), [0])
case("all_complex", "ALL", t([1j, 1, 0j], dtype=torch.complex64), [0])
case("count_nonzero_dims", "COUNT_NZ", t([[1.0, 0.0, nan], [0.0, 0.0, 2.0]]), [0])
case("count_nonzero_all", "COUNT_NZ", t([[True, False], [True, True]]), None)

# logsumexp
case("logsumexp_f32", "LOGSUMEXP", t([[1.0, 2.0, 3.0], [1000.0, 1000.0, -inf]]), [1])
case("logsumexp_inf", "LOGSUMEXP", t([[inf, 1.0], [-inf, -inf]]), [1])
case("logsumexp_int_default_dtype", "LOGSUMEXP", t([1, 2, 3]), [0])
case("logsumexp_empty", "LOGSUMEXP", torch.zeros(0, 2), [0])

# scans
case("cumsum_int8_to_int64", "CUMSUM", t([100, 100, 100], dtype=torch.int8), [0])
case("cumsum_bool", "CUMSUM", t([[True, True], [False, True]]), [0])
case("cumsum_f16", "CUMSUM", t([[1000.0, 0.5, 0.25], [1.0, 2.0, 3.0]], dtype=torch.float16), [1])
case("cumsum_dtype_f64", "CUMSUM", t([0.1, 0.2, 0.3]), [0], dtype=torch.float64)
case("cumsum_c64", "CUMSUM", t([1 + 1j, 2 - 1j], dtype=torch.complex64), [0])
case("cumprod_int32_keeps_int64", "CUMPROD", t([[2, 3, 4], [-1, 5, 6]], dtype=torch.int32), [-1])
case("cumprod_f32_dim0", "CUMPROD", t([[2.0, 3.0], [0.5, -1.0], [4.0, 2.0]]), [0])
case("cumsum_0d", "CUMSUM", t(3.0), [0])

# softmax
case("softmax_rows", "SOFTMAX", t([[1.0, 2.0, 3.0], [0.0, 0.0, -inf]]), [1])
case("softmax_dim0", "SOFTMAX", t([[1.0, 2.0], [3.0, -1.0]]), [0])
case("softmax_f16", "SOFTMAX", t([1.0, 2.0, 3.0], dtype=torch.float16), [0])
case("softmax_int_dtype", "SOFTMAX", t([1, 2, 3]), [0], dtype=torch.float64)
case("log_softmax_rows", "LOG_SOFTMAX", t([[1.0, 2.0, 3.0], [10.0, 0.0, -5.0]]), [-1])
case("log_softmax_bf16", "LOG_SOFTMAX", t([1.0, 2.0, 3.0], dtype=torch.bfloat16), [0])
case("softmax_0d", "SOFTMAX", t(4.0), [0])

# sorting
case("sort_nan_last", "SORT", t([3.0, nan, 1.0, -inf, 1.0, nan, 2.0]), [0])
case("sort_desc_nan_first", "SORT", t([3.0, nan, 1.0, -inf, 1.0, nan, 2.0]), [0], desc=True)
case("sort_stable_ties", "SORT", t([[2, 1, 2, 1, 0], [5, 5, 5, 5, 5]], dtype=torch.int16), [1])
case("sort_stable_desc", "SORT", t([[2, 1, 2, 1, 0]], dtype=torch.int64), [1], desc=True)
case("sort_dim0", "SORT", t([[3.0, 1.0], [1.0, 2.0], [2.0, 0.0]]), [0])
case("sort_bool", "SORT", t([True, False, True, False]), [0])
case("sort_f16", "SORT", t([0.5, -1.0, 0.25], dtype=torch.float16), [0], desc=True)
case("topk_largest", "TOPK", t([1.0, 5.0, 3.0, 5.0, -2.0]), [0], k=3, desc=True)
case("topk_smallest_dim0", "TOPK", t([[1, 9], [0, 2], [4, -3]], dtype=torch.int32), [0], k=2)
case("topk_nan_largest", "TOPK", t([1.0, nan, 3.0]), [0], k=2, desc=True)
case("topk_k0", "TOPK", t([1.0, 2.0]), [0], k=0, desc=True)
case("unique_int", "UNIQUE", t([[3, 1, 3], [2, 1, 1]]))
case("unique_bool", "UNIQUE", t([True, False, True]))
case("unique_f32", "UNIQUE", t([2.5, -1.0, 2.5, 0.0, -0.0]))
case("unique_empty", "UNIQUE", torch.zeros(0, dtype=torch.int8))

print("/* BEGIN GENERATED by tools/gen_reduce_cases.py (torch %s) */" % torch.__version__)
print("static const gen_case gen_cases[] = {")
for c in cases:
    dims = c["dims"]
    print("  {\"%s\", OP_%s, %s, %d, (int64_t[])%s, (double[])%s," % (
        c["name"], c["op"], c["xdtype"], len(c["xshape"]), iarr(c["xshape"]), arr(c["x"])))
    print("   %d, (int64_t[])%s, %s, %s, %s, %s, %d, %s," % (
        -1 if dims is None else len(dims), iarr(dims or []), "true" if c["keepdim"] else "false",
        c["dtype"], num(c["p"]), num(c["correction"]), c["k"], "true" if c["desc"] else "false"))
    print("   %s, %d, (int64_t[])%s, %d, (double[])%s, %d, (double[])%s, %d, (double[])%s}," % (
        c["rdtype"], len(c["rshape"]), iarr(c["rshape"]), len(c["r"]), arr(c["r"]), len(c["r2"]),
        arr(c["r2"]), len(c["r3"]), arr(c["r3"])))
print("};")
print("/* END GENERATED */")
