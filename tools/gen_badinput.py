#!/usr/bin/env python3
"""Generate tests/check_badinput.c: a bad-input battery over every exported function.

The functions and their parameters come from the header model of tools/gen_bindings.py
(imported, not re-parsed), so a function added to a header without a case here makes this
generator refuse to run, naming it.

For each function the generated test first makes one call with valid arguments (it must
succeed, or fail as documented where this machine cannot satisfy it: CUDA, CPython), then
calls it once per bad input, changing one argument while the others stay valid:

    NULL         each pointer argument, except those the header documents as "may be NULL":
                 then the call must succeed or fail cleanly (NULL_ALLOWED below);
    enum         ct_dtype -2 / CT_DTYPE_COUNT / 9999; ct_device_type 0 / 5 / 999; any other
                 enum of the model: its _COUNT and -5;
    size         ndim -1 and 1000 (over a shape of huge sizes, so the product overflows),
                 shape entries -1 (or -2 where -1 means "infer"), INT64_MAX and a product
                 of 2^64, negative counts, capacities and offsets (INT_RULES);
    dim          a dim beyond ndim and below -ndim, INT64_MAX and INT64_MIN;
    dtype        a tensor of a dtype the function refuses (WRONG_DTYPE);
    device       CUDA where this build has no CUDA backend.

Each bad call must return a non-OK status (of the documented kind), leave a message that
names the function, set tensor and handle out-parameters to NULL, and leave ctensor's live
host blocks and DLPack counters as they were.

Usage:
    python3 tools/gen_badinput.py            # writes tests/check_badinput.c
    python3 tools/gen_badinput.py --check    # regenerate in memory, diff, exit 1 if stale
    python3 tools/gen_badinput.py --stats    # functions, bad calls and exceptions
"""

import argparse
import difflib
import os
import re
import sys

TOOLS_DIR = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, TOOLS_DIR)
import gen_bindings  # noqa: E402  (the header model)

OUTPUT = "tests/check_badinput.c"

# ---------------------------------------------------------------------------------------------
# Expected status kinds, as bit masks of the generated file's BT_C() macro.
ARG = "BT_C(CT_ERR_INVALID_ARGUMENT)"
SIZE = "BT_C(CT_ERR_INVALID_ARGUMENT) | BT_C(CT_ERR_SHAPE) | BT_C(CT_ERR_INDEX)"
DIM = "BT_C(CT_ERR_INDEX) | BT_C(CT_ERR_INVALID_ARGUMENT)"
DTYPE = "BT_C(CT_ERR_DTYPE) | BT_C(CT_ERR_INVALID_ARGUMENT)"
DEVICE = "BT_C(CT_ERR_DEVICE) | BT_C(CT_ERR_INVALID_ARGUMENT)"
NODEV = "BT_C(CT_ERR_BACKEND_UNAVAILABLE) | BT_C(CT_ERR_DEVICE)"
WRONG = "BT_C(CT_ERR_DTYPE)"
ANY = "0"

# ---------------------------------------------------------------------------------------------
# Functions that get no bad-input call at all, or only some, and why. Every function of the
# model must have at least one bad call or be listed here.
EXCEPTIONS = {
    "ct_last_error_code": "no arguments; cannot fail",
    "ct_last_error_message": "no arguments; cannot fail",
    "ct_clear_error": "no arguments; cannot fail",
    "ct_status_name": "takes any int (\"CT_ERR_UNKNOWN\" for others); cannot fail",
    "ct_status_string": "takes any int; cannot fail",
    "ct_tensor_release": "release(NULL) is a documented no-op; a released handle is the caller's bug",
    "ct_generator_release": "release(NULL) is a documented no-op",
    "ct_cuda_stream_release": "release(NULL) is a documented no-op",
    "ct_cuda_event_release": "release(NULL) is a documented no-op",
    "ct_manual_seed": "any uint64 seed is valid; documented never to fail",
    "ct_version": "no arguments; cannot fail",
    "ct_abi_version": "no arguments; cannot fail",
    "ct_cuda_empty_cache": "no arguments",
    "ct_cuda_set_allow_tf32": "any bool is valid; works without CUDA",
    "ct_dlpack_py_exchange_api": "no arguments (and it needs a live CPython)",
}

# Functions whose valid call cannot succeed on a machine without a GPU or outside CPython, and
# the statuses it may return instead (the bad calls must still fail cleanly).
NO_VALID_CALL = {
    "ct_dlpack_py_": ("needs a live CPython (ct_dlpack_py_init): every call fails first", ARG),
}
CUDA_PREFIXES = ("ct_cuda_", "ct_pin_memory")

# Functions whose valid call is not made, and why.
SKIP_VALID = {
    "ct_dlpack_py_init": "it would install the fake entry points (no CPython here); only bad calls",
}

# What a successful valid call leaves for the test to undo.
AFTER_OK = {
    "ct_tensor_retain": ["ct_tensor_release(p_t);"],
    "ct_generator_retain": ["ct_generator_release(p_g);"],
    "ct_cuda_stream_retain": ["ct_cuda_stream_release(p_stream);"],
}

# Pointer arguments documented as "may be NULL" (unconditionally: a conditional allowance such
# as "shape may be NULL when ndim is 0" does not hold for the valid values used here). The
# reason quotes or points at the header.
NULL_ALLOWED = [
    (r"^ct_memory_stats$", "*", "device.h: Any pointer may be NULL to skip that value"),
    (r"^ct_tensor_device$", "type index", "tensor.h: Either pointer may be NULL to skip it"),
    (r"^ct_from_blob$", "strides", "creation.h: strides NULL for row-major"),
    (r"^ct_from_blob$", "deleter ctx", "creation.h: deleter may be NULL; ctx is only passed back"),
    (r"^ct_(rand|randn|randint)(_like)?$", "g", "random.h: g may be NULL (default generator)"),
    (r"^ct_tensor_format$", "dtype_prefix", "format.h: \"\" or NULL gives dtype=float64"),
    (r"^ct_get_print_options$", "*", "format.h: any pointer may be NULL to skip it"),
    (r"^ct_(add|sub)(_scalar)?(_|_out)?$", "alpha", "elementwise.h: alpha NULL: 1"),
    (r"^ct_clamp", "min max", "elementwise.h: either bound may be NULL (not both)"),
    (r"^ct_nan_to_num", "nan posinf neginf", "elementwise.h: NULL: 0 and the largest finite values"),
    (r"^ct_(argmax|argmin)(_out)?$", "dim", "reduce.h: over the flattened x when dim is NULL"),
    (r"^ct_sort$", "values indices", "reduce.h: values or indices may be NULL (not both)"),
    (r"^ct_unique$", "inverse counts", "reduce.h: computed only when the pointer is not NULL"),
    (r"^ct_(addmm|baddbmm)(_out|_)?$", "beta alpha", "linalg.h: NULL is 1"),
    (r"^ct_dlpack_py_wrap_buffer$", "strides", "dlpack.h: strides NULL: row-major"),
    (r"^ct_cuda_device_properties$", "*", "cuda.h: Either pointer may be NULL"),
    (r"^ct_cuda_stream_from_handle$", "handle", "cuda.h: handle 0 (NULL) is the legacy default stream"),
    (r"^ct_cuda_stream_info$", "handle device", "cuda.h: Either pointer may be NULL"),
    (r"^ct_cuda_set_stream$", "stream", "cuda.h: NULL restores the default stream"),
    (r"^ct_cuda_event_(record|wait)$", "stream", "cuda.h: stream NULL: current"),
    (r"^ct_cuda_memory_stats$", "allocated reserved peak_allocated", "cuda.h: Any pointer may be NULL"),
]

# ---------------------------------------------------------------------------------------------
# Valid tensors: "dtype[shape]" with dtype f32 f64 i32 i64 b c64 (values 1, 2, ... converted;
# i64z: zeros, for index tensors). By parameter name, then per function.
TENSOR_BY_NAME = {
    "index": "i64z[2,3]", "mask": "b[2,3]", "cond": "b[2,3]", "value": "f32[]",
}
TENSOR_OVERRIDES = [
    (r"^ct_bitwise_", {"*": "i32[2,3]"}),
    (r"^ct_tensor_item", {"t": "f32[]"}),
    (r"^ct_(imag|view_as_real)$", {"t": "c64[2,3]"}),
    (r"^ct_view_as_complex$", {"t": "f32[3,2]"}),
    (r"^ct_(matmul|mm)(_out)?$", {"a": "f32[2,3]", "b": "f32[3,2]", "out": "f32[2,2]"}),
    (r"^ct_bmm(_out)?$", {"a": "f32[2,2,3]", "b": "f32[2,3,2]", "out": "f32[2,2,2]"}),
    (r"^ct_mv(_out)?$", {"a": "f32[2,3]", "x": "f32[3]", "out": "f32[2]"}),
    (r"^ct_dot(_out)?$", {"a": "f32[3]", "b": "f32[3]", "out": "f32[]"}),
    (r"^ct_outer(_out)?$", {"a": "f32[2]", "b": "f32[3]", "out": "f32[2,3]"}),
    (r"^ct_addmm(_out|_)?$", {"input": "f32[2,2]", "a": "f32[2,3]", "b": "f32[3,2]",
                              "out": "f32[2,2]"}),
    (r"^ct_baddbmm(_out|_)?$", {"input": "f32[2,2,2]", "a": "f32[2,2,3]", "b": "f32[2,3,2]",
                                "out": "f32[2,2,2]"}),
    (r"^ct_index_select(_out)?$", {"index": "i64z[2]"}),
    (r"^ct_cat_out$", {"out": "f32[4,3]"}),
    (r"^ct_stack_out$", {"out": "f32[2,2,3]"}),
    (r"^ct_(sum|prod|mean|logsumexp|amax|amin|var|std|norm)_out$", {"out": "f32[2]"}),
    (r"^ct_(all|any)_out$", {"out": "b[2]"}),
    (r"^ct_(argmax|argmin)_out$", {"out": "i64[2]"}),
    (r"^ct_(max|min)_dim_out$", {"values": "f32[2]", "indices": "i64[2]"}),
    (r"^ct_index_put_?$", {"value": "f32[]"}),
]

# Scalars passed as (const void *p, ct_dtype p_dtype): a double 2.0 unless listed.
SCALAR_OVERRIDES = [(r"^ct_bitwise_", "i64")]

# Integer arguments: the valid value and the bad ones (value, expected-kind mask), by
# parameter name; per-function entries (regex, name) come first.
DIMS = [("2", DIM), ("-3", DIM), ("INT64_MAX", DIM), ("INT64_MIN", DIM)]
DIMS_INSERT = [("3", DIM), ("-4", DIM), ("INT64_MAX", DIM), ("INT64_MIN", DIM)]
INT_RULES = [
    # (function regex, parameter name, valid C value, [(bad value, mask), ...])
    (r"^ct_(unsqueeze|stack|stack_out)$", "dim", "0", DIMS_INSERT),
    (r"^ct_tensor_(size|stride)$", "dim", "0", [("2", DIM), ("-3", DIM), ("INT32_MAX", DIM),
                                                 ("INT32_MIN", DIM)]),
    (r"^ct_(max|min)_dim(_out)?$|^ct_(cumsum|cumprod|softmax|log_softmax)(_out|_)?$|^ct_(sort|argsort|topk)$",
     "dim", "1", DIMS),
    (r"^ct_unflatten$", "dim", "1", DIMS),
    (r"^ct_unfold$", "dimension", "1", DIMS),
    (r"^ct_unfold$", "size", "2", [("-1", SIZE), ("100", SIZE)]),
    (r"^ct_unfold$", "step", "1", [("0", ARG), ("-1", ARG)]),
    (r"^ct_diagonal$", "dim1", "0", DIMS),
    (r"^ct_diagonal$", "dim2", "1", DIMS),
    (r"^ct_diagonal$", "offset", "0", []),
    (r"^ct_transpose$", "dim1", "1", DIMS),
    (r"^ct_flatten$", "end_dim", "1", DIMS),
    (r"^ct_movedim$", "destination", "1", DIMS),
    (r"^ct_narrow$", "start", "0", [("100", SIZE), ("-100", SIZE)]),
    (r"^ct_narrow$", "length", "1", [("-1", SIZE), ("100", SIZE)]),
    (r"^ct_select$", "index", "0", [("2", SIZE), ("-3", SIZE), ("INT64_MIN", SIZE)]),
    (r"^ct_slice$", "start", "0", []),
    (r"^ct_slice$", "end", "INT64_MAX", []),
    (r"^ct_slice$", "step", "1", [("0", ARG), ("-1", ARG)]),
    (r"^ct_split$", "split_size", "1", [("-1", ARG)]),
    (r"^ct_chunk$", "chunks", "2", [("0", ARG), ("-1", ARG)]),
    (r"^ct_topk$", "k", "1", [("-1", SIZE), ("4", SIZE)]),
    (r"^ct_eye$", "n", "2", [("-1", ARG)]),
    (r"^ct_eye$", "m", "3", [("-2", ARG), ("INT64_MAX", SIZE)]),
    (r"^ct_linspace$", "steps", "5", [("-1", ARG)]),
    (r"^ct_randint(_like)?$", "low", "0", [("10", ARG)]),
    (r"^ct_randint(_like)?$", "high", "10", [("0", ARG)]),
    (r"^ct_as_strided$", "storage_offset", "0", [("-1", ARG), ("INT64_MAX", SIZE)]),
    (r"^ct_dtype_convert$", "count", "2", [("-1", ARG)]),
    (r"^ct_einsum$", "n", "2", [("0", ARG), ("3", "BT_C(CT_ERR_INVALID_ARGUMENT) | BT_C(CT_ERR_NOT_IMPLEMENTED)")]),
    (r"^ct_result_type$", "n", "2", [("0", ARG), ("-5", ARG)]),
    (r"^ct_index(_put_?)?$", "n", "2", [("-1", ARG)]),
    (r"^ct_(cat|stack)(_out)?$", "count", "2", [("0", ARG), ("-1", ARG)]),
    (r"^ct_dlpack_py_init$", "count", "CT_PYAPI_COUNT", [("0", ARG), ("-5", ARG), ("CT_PYAPI_COUNT + 1", ARG)]),
    (r"^ct_set_print_options$", "precision", "4", [("-1", ARG)]),
    (r"^ct_set_print_options$", "threshold", "1000", [("-1", ARG)]),
    (r"^ct_set_print_options$", "edgeitems", "3", [("-1", ARG)]),
    (r"^ct_set_print_options$", "linewidth", "80", [("0", ARG), ("-1", ARG)]),
    (r"^ct_set_print_options$", "sci_mode", "-1", [("2", ARG), ("-2", ARG)]),
    (r"^ct_set_num_threads$", "n", "bt_threads()", [("0", ARG), ("-1", ARG)]),
    (r"^ct_test_fail_allocation$", "k", "0", [("-1", ARG)]),
    (r"^ct_from_blob$|^ct_dlpack_py_wrap_buffer$", "flags", "0", [("2", ARG), ("0x80000000u", ARG)]),
    (r"^ct_cuda_event_create$", "flags", "0", [("4", ARG), ("8", ARG)]),
    (r"^ct_cuda_", "device", "0", [("-2", DEVICE), ("999", DEVICE)]),
    (r"^ct_cuda_stream_create$", "priority", "0", []),
    (r"^ct_(tensor_shape|tensor_strides)$", "len", "8", [("-1", ARG), ("1", ARG)]),
    (r"^ct_(split|split_with_sizes|chunk|unbind)$", "capacity", "8", [("-1", ARG), ("1", ARG)]),
    (r"^ct_(tril|triu)(_|_out)?$", "diagonal", "0", []),
    (r"^ct_round", "decimals", "0", []),
    (r"^ct_scatter", "reduce", "CT_SCATTER_REDUCE_NONE",
     [("-5", ARG), ("CT_SCATTER_REDUCE_COUNT", ARG)]),
    (r"", "device_index", "-1", [("-2", DEVICE)]),
    (r"", "dl_device_index", "-1", [("-2", DEVICE)]),
    # generic dims of a 2-d tensor
    (r"", "dim", "0", DIMS),
    (r"", "dim0", "0", DIMS),
    (r"", "dim1", "1", DIMS),
    (r"", "start_dim", "0", DIMS),
    (r"", "end_dim", "1", DIMS),
    (r"", "source", "0", DIMS),
    (r"", "destination", "1", DIMS),
]

# Arrays of int64 with their count: (function regex, array name, count name, role, valid values).
# Roles: shape (sizes >= 0), vshape (a view's shape: -1 infers, so -2 is the bad size), dims
# (dims of a 2-d tensor), repeats (counts >= 0), strides.
ARRAYS = [
    (r"^ct_(view|reshape)$", "shape", "ndim", "vshape", "3, 2"),
    (r"^ct_(expand|broadcast_to)$", "shape", "ndim", "vshape", "2, 3"),
    (r"^ct_unflatten$", "sizes", "nsizes", "vshape", "3, 1"),
    (r"^ct_split_with_sizes$", "sizes", "nsizes", "repeats", "1, 1"),
    (r"^ct_permute$", "dims", "ndims", "perm", "1, 0"),
    (r"^ct_(repeat)$", "repeats", "nrepeats", "repeats", "2, 2"),
    (r"^ct_tile$", "dims", "ndims", "repeats", "2, 2"),
    (r"^ct_roll$", "shifts", "nshifts", "shifts", "1"),
    (r"^ct_roll$", "dims", "ndims", "dims", "0"),
    (r"^ct_movedims$", "source", "n", "dims", "0"),
    (r"^ct_movedims$", "destination", None, "dims", "1"),
    (r"^ct_(sum|prod|mean|logsumexp|amax|amin|var|std|norm|all|any|count_nonzero|norm_fro|var_mean|std_mean)(_out)?$",
     "dims", "ndims", "dims", "1"),
    (r"^ct_as_strided$|^ct_from_blob$|^ct_dlpack_py_wrap_buffer$", "strides", None, "strides", "3, 1"),
    (r"", "shape", "ndim", "shape", "2, 3"),
    (r"", "dims", "ndims", "dims", "0, 1"),
]

# Tensors of a dtype the function refuses: (function regex, parameter, spec).
_FLOAT_RESULT_EW = (r"^ct_(add|sub|mul|div|floor_divide|remainder|fmod|pow|maximum|minimum|atan2|hypot|"
                    r"where|clamp|lerp|neg|abs|sign|sgn|sqrt|rsqrt|square|reciprocal|exp|exp2|expm1|"
                    r"log|log2|log10|log1p|sin|cos|tan|asin|acos|atan|sinh|cosh|tanh|asinh|acosh|atanh|"
                    r"sigmoid|relu|gelu|silu|softplus|erf|erfc|floor|ceil|round|trunc|frac|nan_to_num|"
                    r"angle)(_scalar)?_out$")
WRONG_DTYPE = [
    (_FLOAT_RESULT_EW, "out", "i32[2,3]"),
    (r"^ct_(mean|logsumexp|amax|amin|var|std|norm)_out$", "out", "i32[2]"),
    (r"^ct_(all|any)_out$", "out", "i32[2]"),
    (r"^ct_(argmax|argmin)_out$", "out", "i32[2]"),
    (r"^ct_(max|min)_dim_out$", "indices", "i32[2]"),
    (r"^ct_(softmax|log_softmax)_out$", "out", "i32[2,3]"),
    (r"^ct_(tril|triu)_out$|^ct_(index_select|gather)_out$", "out", "i32[2,3]"),
    (r"^ct_cat_out$", "out", "b[4,3]"),
    (r"^ct_stack_out$", "out", "b[2,2,3]"),
    (r"^ct_(matmul|mm|bmm|dot|addmm|baddbmm)(_out|_)?$", "b", "f64"),
    (r"^ct_mv(_out)?$", "x", "f64"),
    (r"^ct_(imag|view_as_real)$", "t", "f32[2,3]"),
    (r"^ct_view_as_complex$", "t", "i32[3,2]"),
    (r"^ct_(index_select|gather|take)(_out)?$|^ct_scatter", "index", "f32"),
    (r"^ct_masked_", "mask", "f32"),
    (r"^ct_where", "cond", "f32"),
    (r"^ct_scatter(_add)?_?$", "src", "f64"),
]


# ---------------------------------------------------------------------------------------------
# The model, simplified

class Param(object):
    def __init__(self, model, p):
        self.name = p["name"]
        self.type = p["type"]
        self.model = model
        self.c = c_type(p["type"])

    def resolved(self):
        t = self.type
        while t["kind"] == "typedef" and t["name"] in self.model.typedefs and \
                self.model.typedefs[t["name"]]["type"]["kind"] in ("typedef", "scalar"):
            t = self.model.typedefs[t["name"]]["type"]
        return t


def c_type(t):
    k = t["kind"]
    const = "const " if t.get("const") else ""
    if k == "pointer":
        inner = c_type(t["to"])
        star = "*" if inner.endswith("*") else " *"
        return inner + star + ("const" if t.get("const") else "")
    if k in ("scalar", "typedef", "enum"):
        return const + t["name"]
    if k == "struct":
        return const + "struct " + t["name"]
    if k == "void":
        return const + "void"
    raise ValueError("type kind %s" % k)


class Model(object):
    def __init__(self, m):
        self.m = m
        self.typedefs = {t["name"]: t for t in m["typedefs"]}
        self.functions = m["functions"]
        # the other enums: typedef int32_t ct_<name> with constants CT_..._COUNT
        self.enum_counts = {}
        counts = {c["name"] for c in m["constants"]}
        for td in m["typedefs"]:
            n = td["name"]
            if n in ("ct_dtype", "ct_device_type", "ct_status") or not n.startswith("ct_"):
                continue
            if td["type"] == {"kind": "scalar", "name": "int32_t"}:
                stem = "CT_" + n[3:].upper() + "_COUNT"
                if stem in counts:
                    self.enum_counts[n] = stem
        # named enums whose COUNT is spelt differently
        for n, c in (("ct_rounding_mode", "CT_ROUNDING_COUNT"), ("ct_gelu_approximate", "CT_GELU_COUNT"),
                     ("ct_index_kind", "CT_INDEX_KIND_COUNT"),
                     ("ct_scatter_reduce", "CT_SCATTER_REDUCE_COUNT")):
            if n in self.typedefs and c in counts:
                self.enum_counts[n] = c


# ---------------------------------------------------------------------------------------------
# C generation

class Variant(object):
    def __init__(self, label, kind, mask=ANY, pre=(), args=None, allow_ok=False):
        self.label = label
        self.kind = kind        # null enum size dim dtype device
        self.mask = mask
        self.pre = list(pre)
        self.args = args or {}  # parameter name -> expression replacing its valid one
        self.allow_ok = allow_ok


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


_DT = {"f32": "CT_FLOAT32", "f64": "CT_FLOAT64", "i32": "CT_INT32", "i64": "CT_INT64",
       "i64z": "CT_INT64", "b": "CT_BOOL", "c64": "CT_COMPLEX64"}


def tensor_expr(spec):
    m = re.match(r"^(\w+)\[([\d,]*)\]$", spec)
    dt, shape = m.group(1), [s for s in m.group(2).split(",") if s]
    fn = "bt_zeros" if dt == "i64z" else "bt_tensor"
    if not shape:
        return "%s(%s, 0, NULL)" % (fn, _DT[dt])
    return "%s(%s, %d, (const int64_t[]){%s})" % (fn, _DT[dt], len(shape), ", ".join(shape))


def first_match(table, fname, pname, key=lambda e: e[1]):
    for e in table:
        if re.search(e[0], fname) and key(e) == pname:
            return e
    return None


def null_allowed(fname, pname):
    for rx, names, why in NULL_ALLOWED:
        if re.search(rx, fname) and (names == "*" or pname in names.split()):
            return why or None
    return None


class FunctionCase(object):
    """Everything the generated test of one function needs."""

    def __init__(self, model, f):
        self.model = model
        self.f = f
        self.name = f["name"]
        self.params = [Param(model, p) for p in f["params"]]
        self.decls = []     # C lines declaring the valid arguments
        self.frees = []     # C lines releasing them
        self.checks = []    # (parameter, C line) run after a failing call: out-parameters reset
        self.args = {}      # name -> C expression
        self.variants = []
        self.handled = set()
        self.cuda = self.name.startswith(CUDA_PREFIXES)
        self.py = self.name.startswith("ct_dlpack_py_")
        self.ret = c_type(f["ret"])
        self.build()

    # -- helpers ------------------------------------------------------------------------------
    def var(self, p):
        return "p_" + p.name

    def tensor_spec(self, pname):
        spec = None
        for rx, table in TENSOR_OVERRIDES:
            if re.search(rx, self.name):
                if pname in table:
                    spec = table[pname]
                    break
                if "*" in table and spec is None:
                    spec = table["*"]
        if spec is None:
            spec = TENSOR_BY_NAME.get(pname, "f32[2,3]")
            if self.name.startswith("ct_index_select") and pname == "index":
                spec = "i64z[2]"
        return spec

    def add_null(self, p, mask=ARG):
        why = null_allowed(self.name, p.name)
        if why:
            self.variants.append(Variant("%s NULL (allowed: %s)" % (p.name, why), "null",
                                         args={p.name: "NULL"}, allow_ok=True))
        else:
            self.variants.append(Variant("%s NULL" % p.name, "null", mask, args={p.name: "NULL"}))

    def int_rule(self, pname):
        for rx, name, valid, bad in INT_RULES:
            if name == pname and re.search(rx, self.name):
                return valid, bad
        return None

    # -- building ---------------------------------------------------------------------------------
    def build(self):
        names = [p.name for p in self.params]
        byname = {p.name: p for p in self.params}
        # arrays with counts first, so that the counts are handled with them
        for p in self.params:
            if p.c == "const int64_t *" and p.name not in self.handled:
                e = None
                for a in ARRAYS:
                    if a[1] == p.name and re.search(a[0], self.name):
                        e = a
                        break
                if e is not None and (e[2] is None or e[2] in names):
                    self.array(p, e, byname)
        for p in self.params:
            if p.name in self.handled:
                continue
            self.param(p, byname)

    def array(self, p, entry, byname):
        _rx, _name, count, role, valid = entry
        v = self.var(p)
        vals = [x.strip() for x in valid.split(",")]
        n = len(vals)
        tail = "1000"
        self.decls.append("int64_t %s[1024];" % v)
        self.decls.append("bt_fill(%s, 1024, %s, (const int64_t[]){%s}, %d);" % (v, tail, valid, n))
        self.args[p.name] = v
        self.handled.add(p.name)
        self.add_null(p, SIZE if role != "dims" else DIM)
        if count:
            self.args[count] = str(n)
            self.handled.add(count)
            self.variants.append(Variant("%s -1" % count, "size", SIZE, args={count: "-1"}))
            self.variants.append(Variant("%s 1000 (huge entries after the valid ones)" % count,
                                         "size", SIZE, args={count: "1000"}))
        if role == "shape":
            self.variants.append(Variant("%s[0] -1" % p.name, "size", SIZE, pre=["%s[0] = -1;" % v]))
            self.variants.append(Variant("%s[0] INT64_MAX" % p.name, "size", SIZE,
                                         pre=["%s[0] = INT64_MAX;" % v]))
            self.variants.append(Variant("%s product 2^64" % p.name, "size", SIZE,
                                         pre=["%s[0] = %s[1] = (int64_t)1 << 32;" % (v, v)]))
        elif role == "vshape":
            self.variants.append(Variant("%s[0] -2" % p.name, "size", SIZE, pre=["%s[0] = -2;" % v]))
            self.variants.append(Variant("%s[0] INT64_MAX" % p.name, "size", SIZE,
                                         pre=["%s[0] = INT64_MAX;" % v]))
            self.variants.append(Variant("%s product 2^64" % p.name, "size", SIZE,
                                         pre=["%s[0] = %s[1] = (int64_t)1 << 32;" % (v, v)]))
        elif role == "repeats":
            self.variants.append(Variant("%s[0] -1" % p.name, "size", SIZE, pre=["%s[0] = -1;" % v]))
            self.variants.append(Variant("%s[0] INT64_MAX" % p.name, "size", SIZE,
                                         pre=["%s[0] = INT64_MAX;" % v]))
        elif role in ("dims", "perm"):
            self.variants.append(Variant("%s[0] 2 (beyond ndim)" % p.name, "dim", DIM,
                                         pre=["%s[0] = 2;" % v]))
            self.variants.append(Variant("%s[0] -3 (below -ndim)" % p.name, "dim", DIM,
                                         pre=["%s[0] = -3;" % v]))
            self.variants.append(Variant("%s[0] INT64_MIN" % p.name, "dim", DIM,
                                         pre=["%s[0] = INT64_MIN;" % v]))
        elif role == "strides":
            self.variants.append(Variant("%s[0] -1" % p.name, "size", SIZE, pre=["%s[0] = -1;" % v]))
            self.variants.append(Variant("%s[0] INT64_MAX" % p.name, "size", SIZE,
                                         pre=["%s[0] = INT64_MAX;" % v]))

    def param(self, p, byname):
        name, c = p.name, p.c
        v = self.var(p)
        self.handled.add(name)
        # ---- out-parameters of handles
        if c in ("ct_tensor **",) and name != "outs":
            self.decls.append("ct_tensor *%s = BT_POISON;" % v)
            self.args[name] = "&" + v
            self.frees.append("bt_drop(%s);" % v)
            self.checks.append((name, "BT_OUT_NULL(%s, %s);" % (v, cstr(name))))
            self.add_null(p)
            return
        if name == "outs" and c == "ct_tensor **":
            self.decls.append("ct_tensor *%s[8];" % v)
            self.decls.append("for (int i_ = 0; i_ < 8; i_++) %s[i_] = BT_POISON;" % v)
            self.args[name] = v
            self.frees.append("for (int i_ = 0; i_ < 8; i_++) bt_drop(%s[i_]);" % v)
            self.checks.append((name, "for (int i_ = 0; i_ < 8 && i_ < {capacity}; i_++) "
                                      "BT_OUT_NULL(%s[i_], \"outs[i]\");" % v))
            self.add_null(p)
            return
        handle_outs = {
            "ct_generator **": ("ct_generator", "ct_generator_release"),
            "ct_cuda_stream **": ("ct_cuda_stream", "ct_cuda_stream_release"),
            "ct_cuda_event **": ("ct_cuda_event", "ct_cuda_event_release"),
            "DLManagedTensorVersioned **": ("DLManagedTensorVersioned", "bt_dl_free_v"),
            "DLManagedTensor **": ("DLManagedTensor", "bt_dl_free"),
        }
        if c in handle_outs:
            tn, rel = handle_outs[c]
            self.decls.append("%s *%s = (%s *)BT_POISON;" % (tn, v, tn))
            self.args[name] = "&" + v
            self.frees.append("if (%s != (%s *)BT_POISON) %s(%s);" % (v, tn, rel, v))
            self.checks.append((name, "BT_OUT_NULL(%s, %s);" % (v, cstr(name))))
            self.add_null(p)
            return
        # ---- input tensors
        if c == "ct_tensor *" or c == "const ct_tensor *":
            spec = self.tensor_spec(name)
            self.decls.append("ct_tensor *%s = %s;" % (v, tensor_expr(spec)))
            self.args[name] = v
            self.frees.append("ct_tensor_release(%s);" % v)
            self.add_null(p)
            self.wrong_dtype(p, spec)
            return
        if c == "ct_tensor *const *":
            count = "count" if "count" in byname else "n"
            if self.name.startswith("ct_index"):
                self.decls.append("ct_tensor *%s[2] = {NULL, bt_zeros(CT_INT64, 1, (const int64_t[]){2})};" % v)
                self.frees.append("ct_tensor_release(%s[1]);" % v)
                self.variants.append(Variant("tensors[1] float32 (an index tensor must be integer or bool)",
                                             "dtype", WRONG,
                                             pre=["ct_tensor_release(%s[1]);" % v,
                                                  "%s[1] = bt_tensor(CT_FLOAT32, 1, (const int64_t[]){2});" % v]))
            else:
                if self.name == "ct_einsum":
                    specs = ["f32[2,3]", "f32[3,2]", "f32[2,2]"]
                else:
                    specs = ["f32[2,3]", "f32[2,3]", "f32[2,3]"]
                self.decls.append("ct_tensor *%s[3] = {%s};" % (v, ", ".join(tensor_expr(s) for s in specs)))
                self.frees.append("for (int i_ = 0; i_ < 3; i_++) ct_tensor_release(%s[i_]);" % v)
                self.variants.append(Variant("%s[1] NULL" % name, "null", ARG,
                                             pre=["ct_tensor_release(%s[1]);" % v, "%s[1] = NULL;" % v]))
                if self.name == "ct_einsum":
                    self.variants.append(Variant("operands[1] float64 (dtypes differ)", "dtype", WRONG,
                                                 pre=["ct_tensor_release(%s[1]);" % v,
                                                      "%s[1] = %s;" % (v, tensor_expr("f64[3,2]"))]))
            self.args[name] = v
            self.add_null(p)
            return
        # ---- other handles
        if c in ("ct_generator *",):
            self.decls.append("ct_generator *%s = bt_generator();" % v)
            self.args[name] = v
            self.frees.append("ct_generator_release(%s);" % v)
            self.add_null(p)
            return
        if c in ("ct_cuda_stream *", "const ct_cuda_stream *"):
            self.decls.append("ct_cuda_stream *%s = bt_stream();" % v)
            self.args[name] = v
            self.frees.append("ct_cuda_stream_release(%s);" % v)
            self.add_null(p)
            return
        if c == "ct_cuda_event *":
            self.decls.append("ct_cuda_event *%s = bt_event();" % v)
            self.args[name] = v
            self.frees.append("ct_cuda_event_release(%s);" % v)
            self.add_null(p)
            return
        if c == "DLManagedTensorVersioned *":
            self.decls.append("DLManagedTensorVersioned *%s = bt_dl_export_v();" % v)
            self.decls.append("bool %s_taken = true; /* taken over by the call, also on failure */" % v)
            self.frees.append("if (!%s_taken) bt_dl_free_v(%s);" % (v, v))
            self.args[name] = v
            self.variants.append(Variant("%s NULL" % name, "null", ARG, args={name: "NULL"},
                                         pre=["%s_taken = false;" % v]))
            return
        if c == "DLManagedTensor *":
            self.decls.append("DLManagedTensor *%s = bt_dl_export();" % v)
            self.decls.append("bool %s_taken = true; /* taken over by the call, also on failure */" % v)
            self.frees.append("if (!%s_taken) bt_dl_free(%s);" % (v, v))
            self.args[name] = v
            self.variants.append(Variant("%s NULL" % name, "null", ARG, args={name: "NULL"},
                                         pre=["%s_taken = false;" % v]))
            return
        # ---- enums
        r = p.resolved()
        tname = p.type["name"] if p.type["kind"] == "typedef" else None
        if tname == "ct_dtype" and c == "ct_dtype":
            self.enum_dtype(p, byname)
            return
        if tname == "ct_device_type" and c == "ct_device_type":
            valid = "CT_DEVICE_CPU" if name == "type" else "CT_DEVICE_NONE"
            self.args[name] = valid
            for bad in ("0", "5", "999"):
                self.variants.append(Variant("%s %s" % (name, bad), "enum", DEVICE, args={name: bad}))
            if "dlpack" in self.name:
                for vt in self.variants[-3:]:
                    vt.mask += " | BT_C(CT_ERR_DLPACK)"  # dlpack.h: a device it cannot export to
            if name in ("device_type", "dl_device_type"):
                mask = NODEV + (" | BT_C(CT_ERR_DLPACK)" if "dlpack" in self.name else "")
                self.variants.append(Variant("%s CUDA (no CUDA backend here)" % name, "device", mask,
                                             args={name: "CT_DEVICE_CUDA"}))
            return
        if tname in self.model.enum_counts and c == tname:
            cnt = self.model.enum_counts[tname]
            self.args[name] = "0"
            for bad in (cnt, "-5"):
                self.variants.append(Variant("%s %s" % (name, bad), "enum", ARG, args={name: bad}))
            return
        # ---- scalars passed by pointer + dtype
        if c == "const void *" and (name + "_dtype") in byname and name not in ("data", "src"):
            dt = "f64"
            for rx, d in SCALAR_OVERRIDES:
                if re.search(rx, self.name):
                    dt = d
            if dt == "i64":
                self.decls.append("int64_t %s = 1;" % v)
                self.args[name + "_dtype"] = "CT_INT64"
            else:
                self.decls.append("double %s = %s;" % (v, "1.0" if name in ("alpha", "beta") else "2.0"))
                self.args[name + "_dtype"] = "CT_FLOAT64"
            self.args[name] = "&" + v
            self.add_null(p)
            dn = name + "_dtype"
            self.handled.add(dn)
            for bad in ("-2", "CT_DTYPE_COUNT", "9999"):
                self.variants.append(Variant("%s %s" % (dn, bad), "enum", DTYPE, args={dn: bad}))
            return
        # ---- per-name pointer inputs
        special = self.special(p, byname)
        if special:
            return
        # ---- scalar out-parameters
        if c.endswith("*") and p.type["kind"] == "pointer" and not p.type["to"].get("const") and \
                p.type["to"]["kind"] in ("scalar", "typedef") and c not in ("void *",):
            base = c[:-2].strip()
            self.decls.append("%s %s = (%s)42;" % (base, v, base) if base not in ("bool",)
                              else "bool %s = true;" % v)
            # a dtype or device type out-parameter is reset to 0 or to its NONE (-1)
            macro = "BT_OUT_RESET" if base in ("ct_dtype", "ct_device_type") else "BT_OUT_ZERO"
            self.checks.append((name, "%s(%s, %s);" % (macro, v, cstr(name))))
            self.args[name] = "&" + v
            self.add_null(p)
            return
        if c == "const char **":
            self.decls.append("const char *%s = \"poison\";" % v)
            self.checks.append((name, "BT_OUT_NULL(%s, %s);" % (v, cstr(name))))
            self.args[name] = "&" + v
            self.add_null(p)
            return
        if c == "void **":
            self.decls.append("void *%s = BT_POISON;" % v)
            self.checks.append((name, "BT_OUT_NULL(%s, %s);" % (v, cstr(name))))
            self.args[name] = "&" + v
            self.add_null(p)
            return
        # ---- integers
        rule = self.int_rule(name)
        if rule and rule[0] is not None:
            valid, bad = rule
            self.args[name] = valid
            for b, mask in bad:
                self.variants.append(Variant("%s %s" % (name, b), "dim" if mask == DIM else "size",
                                             mask, args={name: b}))
            return
        # ---- values with no bad value: bool, double, seeds
        if c == "bool":
            self.args[name] = "false"
            return
        if c == "double":
            self.args[name] = {"p": "2.0", "correction": "1.0", "beta": "1.0", "threshold": "20.0",
                               "start": "0.0", "end": "6.0", "step": "1.0"}.get(name, "0.0")
            if self.name == "ct_arange":
                if name == "step":
                    self.variants.append(Variant("step 0", "size", ARG, args={name: "0.0"}))
                else:
                    self.variants.append(Variant("%s NaN" % name, "size", ARG, args={name: "NAN"}))
                    self.variants.append(Variant("%s infinity" % name, "size", ARG, args={name: "INFINITY"}))
            if self.name == "ct_linspace" and name == "end":
                self.args[name] = "1.0"
            return
        if c in ("uint64_t",):
            self.args[name] = "1"
            return
        if c in ("int64_t", "int32_t", "uint32_t", "size_t"):
            self.args[name] = "0"
            return
        raise gen_bindings.GenError("%s: no rule for parameter %s %s" % (self.name, c, name))

    def enum_dtype(self, p, byname):
        name = p.name
        valid = "CT_DTYPE_NONE"
        if name in ("a", "b", "from", "to", "src_dtype", "dst_dtype", "data_dtype") or \
                self.name in ("ct_dtype_name", "ct_dtype_itemsize", "ct_dtype_is_floating_point",
                              "ct_dtype_is_complex", "ct_dtype_is_signed", "ct_set_default_dtype",
                              "ct_dlpack_dtype", "ct_from_blob", "ct_dlpack_py_wrap_buffer") or \
                self.name.startswith("ct_dtype_"):
            valid = "CT_FLOAT32"
        if name in ("data_dtype", "src_dtype", "dst_dtype"):
            valid = "CT_FLOAT64"
        if name == "value_dtype" and self.name == "ct_tensor_item":
            valid = "CT_FLOAT64"
        self.args[name] = valid
        for bad in ("-2", "CT_DTYPE_COUNT", "9999"):
            self.variants.append(Variant("%s %s" % (name, bad), "enum", DTYPE, args={name: bad}))

    def special(self, p, byname):
        name, c, v = p.name, p.c, self.var(p)
        if c == "const char *":
            valid, bad = {
                "name": ("\"float32\"", "\"bogus\""),
                "str": ("\"cpu\"", "\"bogus:0\""),
                "equation": ("\"ij,jk->ik\"", "\"ij,jk->iz\""),
                "dtype_prefix": ("\"torch.\"", None),
            }[name]
            self.args[name] = valid
            self.add_null(p)
            if bad:
                self.variants.append(Variant("%s %s" % (name, bad), "size",
                                             "BT_C(CT_ERR_INVALID_ARGUMENT) | BT_C(CT_ERR_DTYPE) | BT_C(CT_ERR_DEVICE)",
                                             args={name: bad}))
            return True
        if c == "char *" and name == "buf":
            self.decls.append("char %s[256];" % v)
            self.args[name] = v
            self.args["size"] = "sizeof %s" % v
            self.handled.add("size")
            self.add_null(p)
            if self.name == "ct_cuda_device_name":
                self.variants.append(Variant("size 0", "size", ARG + " | " + NODEV, args={"size": "0"}))
            return True
        if c == "int64_t *" and name in ("shape", "strides") and "len" in byname:
            self.decls.append("int64_t %s[8];" % v)
            self.args[name] = v
            self.add_null(p)
            return True
        if c == "const int64_t *" and name == "dim":
            self.decls.append("int64_t %s = 1;" % v)
            self.args[name] = "&" + v
            self.add_null(p)
            for b in ("2", "-3", "INT64_MIN"):
                self.variants.append(Variant("*dim %s" % b, "dim", DIM, pre=["%s = %s;" % (v, b)]))
            return True
        if c == "const int32_t *" and name == "kinds":
            self.decls.append("int32_t %s[2] = {CT_INDEX_SLICE, CT_INDEX_TENSOR};" % v)
            self.decls.append("int64_t %s_slots[6] = {0, INT64_MAX, 1, 0, 0, 0};" % v)
            self.args[name] = v
            self.add_null(p)
            for b in ("-5", "CT_INDEX_KIND_COUNT"):
                self.variants.append(Variant("kinds[0] %s" % b, "enum", ARG, pre=["%s[0] = %s;" % (v, b)]))
            self.variants.append(Variant("slice step 0", "size", ARG, pre=["%s_slots[2] = 0;" % v]))
            return True
        if c == "const int64_t *" and name == "values" and "kinds" in byname:
            self.args[name] = "p_kinds_slots"
            self.add_null(p)
            return True
        if c == "void *" and name == "data":
            self.decls.append("float %s[8] = {1, 2, 3, 4, 5, 6, 7, 8};" % v)
            self.args[name] = v
            self.add_null(p)
            return True
        if c == "const void *" and name == "data":
            self.decls.append("double %s[8] = {1, 2, 3, 4, 5, 6, 7, 8};" % v)
            self.args[name] = v
            self.add_null(p)
            return True
        if c == "void *" and name in ("dst", "value"):
            self.decls.append("double %s[8] = {0};" % v)
            self.args[name] = v
            self.add_null(p)
            return True
        if c == "const void *" and name == "src":
            self.decls.append("double %s[8] = {1, 2, 3, 4, 5, 6, 7, 8};" % v)
            self.args[name] = v
            self.add_null(p)
            return True
        if c == "ct_deleter":
            self.args[name] = "bt_deleter"
            self.add_null(p)
            return True
        if c == "void *" and name == "ctx":
            self.args[name] = "NULL"
            return True
        if c == "void *" and name.startswith("py_"):
            self.args[name] = "(void *)&bt_not_python"
            self.add_null(p)
            return True
        if c == "void *" and name == "handle":
            self.args[name] = "NULL"
            return True
        if c == "const void *const *" and name == "api":
            self.decls.append("const void *%s[CT_PYAPI_COUNT + 1];" % v)
            self.decls.append("for (int i_ = 0; i_ <= CT_PYAPI_COUNT; i_++) %s[i_] = (const void *)&bt_not_python;" % v)
            self.args[name] = v
            self.add_null(p)
            self.variants.append(Variant("api[3] NULL", "null", ARG, pre=["%s[3] = NULL;" % v]))
            return True
        if c == "const DLPackExchangeAPI **":
            self.decls.append("const DLPackExchangeAPI *%s = (const DLPackExchangeAPI *)BT_POISON;" % v)
            self.checks.append((name, "BT_OUT_NULL(%s, %s);" % (v, cstr(name))))
            self.args[name] = "&" + v
            self.add_null(p)
            return True
        if c == "const double *":
            self.decls.append("double %s = 0.5;" % v)
            self.args[name] = "&" + v
            self.add_null(p)
            return True
        return False

    def wrong_dtype(self, p, spec):
        for rx, pname, wspec in WRONG_DTYPE:
            if pname == p.name and re.search(rx, self.name):
                if "[" not in wspec:
                    wspec = wspec + spec[spec.index("["):]
                self.variants.append(Variant("%s %s (wrong dtype)" % (p.name, wspec.split("[")[0]),
                                             "dtype", WRONG,
                                             pre=["ct_tensor_release(%s);" % self.var(p),
                                                  "%s = %s;" % (self.var(p), tensor_expr(wspec))]))
                return

    # -- output -------------------------------------------------------------------------------
    def call(self, override):
        args = []
        for p in self.params:
            args.append(override.get(p.name, self.args.get(p.name)))
        return "%s(%s)" % (self.name, ", ".join(args))

    def valid_mask(self):
        for prefix, (_why, mask) in NO_VALID_CALL.items():
            if self.name.startswith(prefix):
                return mask
        if self.cuda and any(p.c in ("ct_cuda_stream *", "const ct_cuda_stream *", "ct_cuda_event *")
                             for p in self.params):
            # without CUDA there is no stream or event to pass: the call then sees NULL
            return "BT_C(CT_OK) | %s | (bt_cuda ? 0u : %s)" % (NODEV, ARG)
        if self.cuda:
            return "BT_C(CT_OK) | " + NODEV if self.name not in ("ct_cuda_is_available",
                                                                 "ct_cuda_device_count",
                                                                 "ct_cuda_allow_tf32",
                                                                 "ct_tensor_is_pinned") else "BT_C(CT_OK)"
        return "BT_C(CT_OK)"

    def emit(self):
        out = []
        fn = self.name
        out.append("/* %s */" % fn)
        out.append("START_TEST(bad_%s) {" % fn)
        out.append("  fail_reset();")
        blocks = [Variant("valid arguments", "valid")] + self.variants
        if fn in SKIP_VALID:
            blocks = self.variants
            out.append("  /* no valid call: %s */" % SKIP_VALID[fn])
        extra_mask = ""
        if self.cuda:
            extra_mask = " | " + NODEV
        for vt in blocks:
            out.append("  do { /* %s */" % vt.label)
            if vt.kind == "device":
                out.append("    if (bt_cuda) break;")
            out.append("    BT_BEGIN(%s);" % cstr(vt.label))
            for line in self.decls:
                out.append("    " + line)
            for line in vt.pre:
                out.append("    " + line)
            used = []
            for line in self.decls:
                m = re.match(r"^[A-Za-z_][\w ]*?[\s*]+(p_\w+)", line)
                if m and not line.startswith(("for ", "bt_fill")):
                    used.append("(void)%s;" % m.group(1))
            if used:
                out.append("    " + " ".join(used))
            call = self.call(vt.args)
            if self.ret == "ct_status":
                out.append("    ct_status s_ = %s;" % call)
            elif self.ret == "void *":
                out.append("    void *r_ = %s;" % call)
                out.append("    ct_status s_ = r_ == NULL ? (ct_last_error_code() ? ct_last_error_code() : -1) : CT_OK;")
            else:
                raise gen_bindings.GenError("%s returns %s" % (fn, self.ret))
            if vt.kind == "valid":
                out.append("    bt_valid(s_, %s, %s);" % (cstr(fn), self.valid_mask()))
                for line in AFTER_OK.get(fn, ()):
                    out.append("    if (s_ == CT_OK) " + line)
            elif vt.allow_ok:
                out.append("    bt_maybe(s_, %s, %s);" % (cstr(fn), cstr(vt.label)))
            else:
                mask = vt.mask
                if mask != ANY and (self.py or self.name in NO_VALID_CALL):
                    mask = ANY
                if mask != ANY:
                    mask = mask + extra_mask
                out.append("    if (bt_fail(s_, %s, %s, %s)) {" % (cstr(fn), cstr(vt.label), mask))
                for pname, line in self.checks:
                    if vt.args.get(pname) != "NULL":
                        out.append("      " + line.replace(
                            "{capacity}", vt.args.get("capacity", self.args.get("capacity", ""))))
                out.append("    }")
            for line in self.frees:
                out.append("    " + line)
            out.append("    BT_END;")
            out.append("  } while (0);")
        out.append("  FAIL_IF_NOTED_(\"bad-input findings for %s\");" % fn)
        out.append("}")
        out.append("END_TEST")
        out.append("")
        return out


PRELUDE = r'''/*
 * check_badinput.c: the bad-input battery: every exported function, called with
 * valid arguments and then with one bad argument at a time.
 *
 * GENERATED by tools/gen_badinput.py from the header model of tools/gen_bindings.py;
 * do not edit. Regenerate with: python3 tools/gen_badinput.py
 *
 * A bad call must return a non-OK status of the documented kind, leave a message naming
 * the function, reset its tensor and handle out-parameters to NULL, and leave ctensor's
 * live host blocks and DLPack counters as they were. A NULL that the header allows must
 * succeed or fail cleanly. Each test notes every finding and fails once, listing them.
 */
#include <math.h>
#include <stdint.h>

#include "ct_test.h"

/* A status code as a bit of an expected-kinds mask; a mask of 0 takes any failure. */
#define BT_C(code) (1u << (unsigned)(code))
#define BT_POISON (ct_test_poison())

static bool bt_cuda;          /* a CUDA backend is available: the "no CUDA" checks are skipped */
static char bt_not_python;    /* stands for a Python object where none can exist */

/* A tensor of dtype and shape holding 1, 2, 3, ... (converted; bool: all true). */
static ct_tensor *bt_tensor(ct_dtype dtype, int32_t ndim, const int64_t *shape) {
  double values[64];
  int64_t n = 1;
  for (int32_t d = 0; d < ndim; d++) n *= shape[d];
  for (int64_t i = 0; i < n && i < 64; i++) values[i] = (double)(i + 1);
  ct_tensor *t = NULL;
  CT_OK_(ct_from_data(&t, values, CT_FLOAT64, ndim, shape, dtype, CT_DEVICE_NONE, -1));
  return t;
}

/* A tensor of zeros (index tensors). */
static ct_tensor *bt_zeros(ct_dtype dtype, int32_t ndim, const int64_t *shape) {
  ct_tensor *t = NULL;
  CT_OK_(ct_zeros(&t, ndim, shape, dtype, CT_DEVICE_NONE, -1));
  return t;
}

static ct_generator *bt_generator(void) {
  ct_generator *g = NULL;
  CT_OK_(ct_generator_create(&g, 1));
  return g;
}

/* CUDA handles where CUDA works, NULL elsewhere (then every call on them fails anyway). */
static ct_cuda_stream *bt_stream(void) {
  ct_cuda_stream *s = NULL;
  if (ct_cuda_stream_create(&s, -1, 0) != CT_OK) s = NULL;
  return s;
}

static ct_cuda_event *bt_event(void) {
  ct_cuda_event *e = NULL;
  if (ct_cuda_event_create(&e, 0) != CT_OK) e = NULL;
  return e;
}

static DLManagedTensorVersioned *bt_dl_export_v(void) {
  ct_tensor *t = bt_tensor(CT_FLOAT32, 2, (const int64_t[]){2, 3});
  DLManagedTensorVersioned *m = NULL;
  CT_OK_(ct_to_dlpack_versioned(&m, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  ct_tensor_release(t);
  return m;
}

static DLManagedTensor *bt_dl_export(void) {
  ct_tensor *t = bt_tensor(CT_FLOAT32, 2, (const int64_t[]){2, 3});
  DLManagedTensor *m = NULL;
  CT_OK_(ct_to_dlpack(&m, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  ct_tensor_release(t);
  return m;
}

static void bt_dl_free_v(DLManagedTensorVersioned *m) {
  if (m && m->deleter) m->deleter(m);
}

static void bt_dl_free(DLManagedTensor *m) {
  if (m && m->deleter) m->deleter(m);
}

static void bt_deleter(void *data, void *ctx) {
  (void)data;
  (void)ctx;
}

static int32_t bt_threads(void) {
  int32_t n = 1;
  CT_OK_(ct_get_num_threads(&n));
  return n;
}

/* values[0 .. n-1] from valid, the rest of the len entries tail (huge sizes, bad dims). */
static void bt_fill(int64_t *values, int len, int64_t tail, const int64_t *valid, int n) {
  for (int i = 0; i < len; i++) values[i] = i < n ? valid[i] : tail;
}

/* Releases a tensor an out-parameter holds (neither NULL nor the poison). */
static void bt_drop(ct_tensor *t) {
  if (t != BT_POISON) ct_tensor_release(t);
}

/* The message of the last error names fn ("fn:" or "fn(" in it). */
static bool bt_names(const char *fn) {
  const char *msg = ct_last_error_message();
  size_t n = strlen(fn);
  for (const char *p = strstr(msg, fn); p; p = strstr(p + 1, fn))
    if (p[n] == ':' || p[n] == '(' || p[n] == ' ') return true;
  return false;
}

/* The valid call returned a status in mask. */
static void bt_valid(ct_status s, const char *fn, unsigned mask) {
  if (!(mask & BT_C(s)))
    fail_note("%s with valid arguments: %s (%s)", fn, ct_status_name(s), ct_last_error_message());
}

/* A call with a documented-NULL argument: success, or a clean failure naming the function. */
static void bt_maybe(ct_status s, const char *fn, const char *what) {
  if (s != CT_OK && (!ct_last_error_message()[0] || !bt_names(fn)))
    fail_note("%s, %s: %s with message \"%s\"", fn, what, ct_status_name(s), ct_last_error_message());
}

/* A bad call failed with a status in mask (0: any) and a message naming fn; false if it passed. */
static bool bt_fail(ct_status s, const char *fn, const char *what, unsigned mask) {
  if (s == CT_OK) {
    fail_note("%s, %s: returned CT_OK", fn, what);
    return false;
  }
  if (ct_last_error_code() != s) fail_note("%s, %s: returned %s but recorded %s", fn, what,
                                           ct_status_name(s), ct_status_name(ct_last_error_code()));
  if (mask && !(mask & BT_C(s)))
    fail_note("%s, %s: %s (%s)", fn, what, ct_status_name(s), ct_last_error_message());
  if (!bt_names(fn)) fail_note("%s, %s: message \"%s\" does not name it", fn, what, ct_last_error_message());
  return true;
}

#define BT_OUT_ZERO(p, name)                                                                     \
  do {                                                                                           \
    if ((p) != 0) fail_note("%s, %s: out-parameter %s not 0", bt_fn_, bt_what_, (name));        \
  } while (0)

#define BT_OUT_RESET(p, name)                                                                    \
  do {                                                                                           \
    if ((p) != 0 && (p) != -1) fail_note("%s, %s: out-parameter %s not reset", bt_fn_, bt_what_, (name)); \
  } while (0)

#define BT_OUT_NULL(p, name)                                                                     \
  do {                                                                                           \
    if ((p) != NULL) fail_note("%s, %s: out-parameter %s not NULL", bt_fn_, bt_what_, (name));     \
  } while (0)

/* Statistics before a call; BT_END notes a leak (live blocks or DLPack objects). */
#define BT_BEGIN(what)                                                                           \
  const char *bt_what_ = (what);                                                                 \
  int64_t bt_b0_, bt_e0_, bt_i0_;                                                                \
  ct_memory_stats(&bt_b0_, NULL, NULL);                                                          \
  ct_dlpack_live(&bt_e0_, &bt_i0_);                                                              \
  ct_clear_error()

#define BT_END                                                                                   \
  do {                                                                                           \
    int64_t b_, e_, i_;                                                                          \
    ct_memory_stats(&b_, NULL, NULL);                                                            \
    ct_dlpack_live(&e_, &i_);                                                                    \
    if (b_ != bt_b0_ || e_ != bt_e0_ || i_ != bt_i0_)                                            \
      fail_note("%s, %s: leak: %lld live blocks (%lld before), DLPack %lld/%lld (%lld/%lld)",    \
                bt_fn_, bt_what_, (long long)b_, (long long)bt_b0_, (long long)e_, (long long)i_, \
                (long long)bt_e0_, (long long)bt_i0_);                                           \
  } while (0)

'''


def generate(model_dict):
    model = Model(model_dict)
    cases, missing = [], []
    for f in model.functions:
        if f["name"] in EXCEPTIONS:
            cases.append((f, None))
            continue
        fc = FunctionCase(model, f)
        if not fc.variants:
            missing.append(f["name"])
        cases.append((f, fc))
    if missing:
        raise gen_bindings.GenError("no bad-input case for: %s (add a rule, or list it in EXCEPTIONS "
                                    "with the reason)" % ", ".join(missing))
    stale = sorted(set(EXCEPTIONS) - {f["name"] for f in model.functions})
    if stale:
        raise gen_bindings.GenError("EXCEPTIONS names functions the headers lack: %s" % ", ".join(stale))
    # ct_dlpack_py_init's bad calls come last: if one wrongly succeeded it would install fakes
    order = [c for c in cases if c[0]["name"] != "ct_dlpack_py_init"] + \
            [c for c in cases if c[0]["name"] == "ct_dlpack_py_init"]
    out = [PRELUDE.rstrip("\n"), ""]
    names = []
    stats = {"functions": len(model.functions), "bad_calls": 0, "valid_calls": 0, "exceptions": 0,
             "no_bad_call": 0}
    for f, fc in order:
        if fc is None:
            stats["exceptions"] += 1
            stats["no_bad_call"] += 1
            continue
        out.append("#define bt_fn_ %s" % cstr(f["name"]))
        out.extend(fc.emit())
        out.append("#undef bt_fn_")
        out.append("")
        names.append(f["name"])
        stats["bad_calls"] += len(fc.variants)
        stats["valid_calls"] += 1
    out.append("/* Functions with no bad-input call (tools/gen_badinput.py EXCEPTIONS): */")
    for f, fc in order:
        if fc is None:
            out.append("/*   %s: %s */" % (f["name"], EXCEPTIONS[f["name"]]))
    out.append("")
    out.append("int main(void) {")
    out.append("  bool a = false;")
    out.append("  if (ct_backend_available(&a, CT_DEVICE_CUDA) == CT_OK) bt_cuda = a;")
    out.append("  const ct_test_case tests[] = {")
    for n in names:
        out.append("    {\"%s\", bad_%s}," % (n, n))
    out.append("  };")
    out.append("  Suite *s = suite_create(\"badinput\");")
    out.append("  CT_TEST_ADD_CASES_(s, tests, NULL);")
    out.append("  return ct_test_run(s);")
    out.append("}")
    return "\n".join(out) + "\n", stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--srcdir", default=os.environ.get("CT_TOP_SRCDIR") or os.path.dirname(TOOLS_DIR))
    ap.add_argument("--check", action="store_true", help="regenerate in memory, diff, exit 1 if stale")
    ap.add_argument("--stats", action="store_true", help="print the counts")
    ap.add_argument("--output", default=None, help="where to write (default: %s)" % OUTPUT)
    args = ap.parse_args(argv)
    srcdir = os.path.abspath(args.srcdir)
    try:
        text, stats = generate(gen_bindings.build_model(srcdir))
    except gen_bindings.GenError as exc:
        sys.stderr.write("gen_badinput.py: %s\n" % exc)
        return 2
    path = args.output or os.path.join(srcdir, OUTPUT)
    if args.stats:
        sys.stdout.write("functions %(functions)d, valid calls %(valid_calls)d, bad calls "
                         "%(bad_calls)d, exceptions %(exceptions)d (no bad call: %(no_bad_call)d)\n"
                         % stats)
    if args.check:
        try:
            with open(path) as f:
                old = f.read()
        except OSError:
            old = ""
        if old != text:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                                       "%s (committed)" % OUTPUT,
                                                       "%s (regenerated)" % OUTPUT))
            sys.stderr.write("gen_badinput.py: %s is out of date: run python3 tools/gen_badinput.py\n"
                             % OUTPUT)
            return 1
        return 0
    if not args.stats or args.output:
        with open(path, "w") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
