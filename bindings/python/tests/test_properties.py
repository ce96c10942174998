"""Property tests: ctensor against NumPy on inputs drawn by hypothesis.

Random shapes (0-d and zero-size dims included), all twelve dtypes (bfloat16
compared through float32), pairs and triples of broadcast-compatible shapes,
basic indexing, non-contiguous operands (transposes, strided slices, expanded
views), reductions over random dims, matmul, cat/stack, random programs of
1-6 ops, and invalid inputs that must raise the mapped exception.

ctensor follows torch, not NumPy: result dtypes come from torch's promotion
(test_ops_common.promote, an oracle written out independently of the C
library), references are computed on the values ctensor holds, in the result
dtype for integers (so wrap-around matches) and in double precision for
floating results, then compared with per-dtype tolerances (exact for bool and
integers, NaN equal to NaN).

The examples are derandomized (the same every run, for CI); set
CT_HYPOTHESIS_PROFILE=thorough for random examples, 20 times as many.
"""

import math
import os
import warnings

import pytest

hypothesis = pytest.importorskip("hypothesis")
np = pytest.importorskip("numpy")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.extra import numpy as hnp  # noqa: E402

import ctensor  # noqa: E402
from test_ops_common import DTYPES, FLOATS, INTS, promote  # noqa: E402

B = ctensor.bool
THOROUGH = os.environ.get("CT_HYPOTHESIS_PROFILE") == "thorough"


def prop(n):
    """Settings of a property with n examples per run (20 n, random, when thorough)."""
    return settings(max_examples=n * 20 if THOROUGH else n, deadline=None,
                    derandomize=not THOROUGH, database=None, print_blob=THOROUGH,
                    suppress_health_check=list(HealthCheck))


# ---- dtypes, values, conversions ------------------------------------------------------------

# The NumPy dtype a ctensor dtype is stored in here (bfloat16: float32, rounded by ctensor).
NP = {B: np.bool_, ctensor.uint8: np.uint8, ctensor.int8: np.int8, ctensor.int16: np.int16,
      ctensor.int32: np.int32, ctensor.int64: np.int64, ctensor.float16: np.float16,
      ctensor.bfloat16: np.float32, ctensor.float32: np.float32, ctensor.float64: np.float64,
      ctensor.complex64: np.complex64, ctensor.complex128: np.complex128}
# (rtol, atol) of one rounding to each inexact dtype against a double-precision reference.
TOL = {ctensor.float16: (1e-3, 1e-3), ctensor.bfloat16: (8e-3, 8e-3),
       ctensor.float32: (1e-5, 1e-6), ctensor.float64: (1e-12, 1e-12),
       ctensor.complex64: (1e-5, 1e-6), ctensor.complex128: (1e-12, 1e-12)}
EPS = {ctensor.float16: 2.0 ** -10, ctensor.bfloat16: 2.0 ** -7, ctensor.float32: 2.0 ** -23,
       ctensor.float64: 2.0 ** -52, ctensor.complex64: 2.0 ** -23,
       ctensor.complex128: 2.0 ** -52}
REAL = tuple(INTS) + tuple(FLOATS)
NUM = tuple(d for d in DTYPES if d is not B)
NOCPX = (B,) + REAL
BI = (B,) + tuple(INTS)


def hp(d):
    """The NumPy dtype a reference for a result of dtype d is computed in."""
    if d is B or d in INTS:
        return NP[d]
    return np.complex128 if d.is_complex else np.float64


def kind(d):
    return 0 if d is B else 3 if d.is_complex else 2 if d.is_floating_point else 1


def elements(d, special=False, intvalued=False):
    """Values of dtype d: small, so that floating results stay finite (|x| <= 10
    for floating, |x| <= 100 for integers, which still wrap in int8/uint8)."""
    if d is B:
        return st.booleans()
    if d in INTS:
        lo = 0 if d is ctensor.uint8 else -100
        return st.integers(lo, 200 if d is ctensor.uint8 else 100)
    if intvalued:
        s = st.integers(-10, 10).map(float)
        return s.map(complex) if d.is_complex else s
    width = {ctensor.float16: 16, ctensor.float64: 64}.get(d, 32)
    if d.is_complex:
        # No subnormal parts: torch's (and ctensor's) complex division scales by 1/|d|, which
        # overflows for a subnormal divisor where NumPy's double-precision reference does not.
        part = st.floats(-10, 10, width=32 if d is ctensor.complex64 else 64,
                         allow_subnormal=False)
        return st.builds(complex, part, part)
    s = st.floats(-10, 10, width=width)
    if special:
        s = st.one_of(s, st.sampled_from([math.nan, math.inf, -math.inf, 0.0, -0.0]))
    return s


def to_ct(arr, d):
    """A new contiguous tensor of dtype d holding arr (cast)."""
    a = np.array(arr, dtype=NP[d], copy=True)
    t = ctensor.from_numpy(a)
    return t.to(d) if d is ctensor.bfloat16 else t


def to_np(t):
    """A tensor's values as a new NumPy array (bfloat16 as float32)."""
    if t.dtype is ctensor.bfloat16:
        t = t.float()
    return np.array(t.numpy(), copy=True)


def check(got, expected, d, rtol=None, atol=None):
    """got (a Tensor) has dtype d, expected's shape, and its values: exactly for
    bool and integers, within the tolerance of d for the rest, NaN equal."""
    assert got.dtype == d, (got.dtype, d)
    expected = np.asarray(expected)
    assert tuple(got.shape) == expected.shape, (tuple(got.shape), expected.shape)
    g = to_np(got)
    if d in TOL:
        r, a = TOL[d]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            e = expected.astype(NP[d] if d is not ctensor.bfloat16 else np.float64)
        np.testing.assert_allclose(g, e, rtol=rtol or r, atol=max(atol or 0, a), equal_nan=True)
    else:
        np.testing.assert_array_equal(g, expected.astype(NP[d]))


def cast(a, d):
    """a as a reference in dtype d's reference type (integers wrap as in C)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return np.asarray(a).astype(hp(d))


def to_complex(d):
    """torch's toComplexType; ctensor has no complex32, so float16 gives complex64."""
    return ctensor.complex128 if d is ctensor.float64 else ctensor.complex64


def _combine(hi, lo):
    """torch's combine_categories (c10 result_type): a lower-priority group
    (0-d tensors) only counts where its category is higher."""
    if hi is None or lo is None:
        return lo if hi is None else hi
    if hi.is_complex:
        return hi
    if lo.is_complex:
        return to_complex(hi) if kind(hi) == 2 else lo
    if kind(hi) == 2:
        return hi
    if hi is B or kind(lo) == 2:
        return promote(hi, lo)
    return hi


def result_type(*operands):
    """torch.result_type of tensors (dtype, ndim): dimensioned tensors first, 0-d ones after."""
    dim = zero = None
    for d, nd in operands:
        if nd:
            dim = d if dim is None else promote(dim, d)
        else:
            zero = d if zero is None else promote(zero, d)
    return _combine(dim, zero)


def as_operand(a, d):
    """a's values converted to dtype d as torch converts an operand (rounded to d,
    integers wrapping), returned in d's reference type."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        a = np.asarray(a)
        if d is ctensor.bfloat16:
            if a.dtype.kind == "c":
                a = a.real
            return to_np(to_ct(a.astype(np.float32), d)).astype(np.float64)
        if d.is_complex or a.dtype.kind != "c":
            return a.astype(NP[d]).astype(hp(d))
        return a.real.astype(NP[d]).astype(hp(d))


def raises_mapped(exc, fn, *args, **kwargs):
    """fn raises exc, which is also one of ctensor's mapped errors, with a message."""
    with pytest.raises(exc) as info:
        fn(*args, **kwargs)
    assert isinstance(info.value, ctensor.CTensorError), repr(info.value)
    assert str(info.value).startswith("ct_"), str(info.value)
    return info.value


dtypes = st.sampled_from(DTYPES)
shapes = hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=4)


@st.composite
def operand(draw, d, shape, special=False, intvalued=False, nonzero=False, layout=None):
    """(tensor, values): a tensor of dtype d and shape, contiguous or a view
    (transposed, strided slice or expanded), and its values as NumPy reads
    them from the tensor's base (not through the view)."""
    el = elements(d, special, intvalued)
    if nonzero:
        el = el.filter(lambda x: x != 0)
    shape = tuple(shape)
    n = len(shape)
    layout = layout or draw(st.sampled_from(["contig", "transposed", "strided", "expanded"]))
    if layout == "transposed" and n >= 2:
        perm = draw(st.permutations(range(n)))
        inv = list(np.argsort(perm))
        base = to_ct(draw(hnp.arrays(NP[d], tuple(shape[p] for p in perm), elements=el)), d)
        return base.permute(inv), to_np(base).transpose(inv)
    if layout == "strided" and n >= 1:
        steps = draw(st.lists(st.integers(1, 3), min_size=n, max_size=n))
        starts = draw(st.lists(st.integers(0, 2), min_size=n, max_size=n))
        big = tuple(b + (s - 1) * k + 1 + 1 if s else b
                    for s, k, b in zip(shape, steps, starts))
        index = tuple(slice(b, b + (s - 1) * k + 1 if s else b, k)
                      for s, k, b in zip(shape, steps, starts))
        base = to_ct(draw(hnp.arrays(NP[d], big, elements=el)), d)
        return base[index], to_np(base)[index]
    if layout == "expanded" and n >= 1:
        mask = draw(st.lists(st.booleans(), min_size=n, max_size=n))
        small = tuple(1 if m else s for m, s in zip(mask, shape))
        base = to_ct(draw(hnp.arrays(NP[d], small, elements=el)), d)
        return base.expand(shape), np.broadcast_to(to_np(base), shape)
    t = to_ct(draw(hnp.arrays(NP[d], shape, elements=el)), d)
    return t, to_np(t)


# ---- conversions, layouts, views ----------------------------------------------------------

@prop(150)
@given(dtypes, shapes, st.data())
def test_numpy_round_trip_and_tensor_keep_shape_dtype_values(d, shape, data):
    a = data.draw(hnp.arrays(NP[d], shape, elements=elements(d, special=True)))
    t = to_ct(a, d)
    assert tuple(t.shape) == shape and t.dtype == d and t.is_contiguous()
    expect = a if d is not ctensor.bfloat16 else to_np(t)
    np.testing.assert_array_equal(to_np(t), expect)
    if d is not ctensor.bfloat16:
        # tensor(ndarray) copies, keeping the dtype and the shape (zero-size dims included).
        u = ctensor.tensor(a)
        assert u.dtype == d and tuple(u.shape) == shape, (u.dtype, tuple(u.shape), shape)
        np.testing.assert_array_equal(to_np(u), a)
        if a.ndim:
            np.testing.assert_array_equal(to_np(ctensor.tensor(a.tolist(), dtype=d)).reshape(
                a.shape), a)


@prop(150)
@given(dtypes, shapes, st.data())
def test_views_read_like_numpy(d, shape, data):
    t, v = data.draw(operand(d, shape))
    assert tuple(t.shape) == shape
    np.testing.assert_array_equal(to_np(t), v)
    np.testing.assert_array_equal(to_np(t.contiguous()), v)
    assert t.contiguous().is_contiguous()
    np.testing.assert_array_equal(to_np(t.clone()), v)
    # reshape to a random compatible shape, flatten, transpose and permute
    np.testing.assert_array_equal(to_np(t.reshape(-1)), v.reshape(-1))
    np.testing.assert_array_equal(to_np(t.flatten()), v.reshape(-1))
    if t.ndim >= 2:
        d0, d1 = data.draw(st.tuples(st.integers(-t.ndim, t.ndim - 1),
                                     st.integers(-t.ndim, t.ndim - 1)))
        np.testing.assert_array_equal(to_np(t.transpose(d0, d1)), np.swapaxes(v, d0, d1))
        perm = data.draw(st.permutations(range(t.ndim)))
        np.testing.assert_array_equal(to_np(t.permute(perm)), v.transpose(perm))
    k = data.draw(st.integers(-t.ndim - 1, t.ndim))
    np.testing.assert_array_equal(to_np(t.unsqueeze(k)), np.expand_dims(v, k))
    if v.size:
        new = data.draw(st.sampled_from(sorted(_factorisations(v.size))))
        np.testing.assert_array_equal(to_np(t.reshape(new)), v.reshape(new))
    # copy_ into a strided destination
    dst, _ = data.draw(operand(d, shape, layout="strided"))
    dst.copy_(t)
    np.testing.assert_array_equal(to_np(dst), v)


def _factorisations(n, max_dims=3):
    out = {(n,)}
    for a in range(1, n + 1):
        if n % a == 0:
            out.add((a, n // a))
            for b in range(1, n // a + 1):
                if (n // a) % b == 0:
                    out.add((a, b, n // a // b))
    return out


@prop(200)
@given(shapes, st.data())
def test_basic_indexing_like_numpy_and_negative_steps_refused(shape, data):
    d = data.draw(dtypes)
    t, v = data.draw(operand(d, shape))
    index = data.draw(hnp.basic_indices(shape, min_dims=0, allow_newaxis=True,
                                        allow_ellipsis=True))
    items = index if isinstance(index, tuple) else (index,)
    if any(isinstance(i, slice) and i.step is not None and i.step < 0 for i in items):
        # ctensor, like torch, has no negative steps: a clean ValueError.
        with pytest.raises(ValueError, match="step"):
            t[index]
        return
    if any(isinstance(i, slice) and i.step == 0 for i in items):
        return
    r = t[index]
    np.testing.assert_array_equal(to_np(r), v[index])
    assert r.dtype == d
    # a view: writing through it writes the tensor (where it has elements and is no expand).
    if r.numel() and t.is_contiguous():
        base = to_ct(v, d)
        view = base[index]
        view.fill_(1 if d is not B else True)
        w = v.copy()
        w[index] = 1
        np.testing.assert_array_equal(to_np(base), w.astype(to_np(base).dtype))


@prop(60)
@given(shapes, st.integers(-6, 6))
def test_integer_index_out_of_range_raises_index_error(shape, i):
    t = ctensor.zeros(shape)
    if not shape:
        with pytest.raises(IndexError):
            t[i]
        return
    if -shape[0] <= i < shape[0]:
        assert tuple(t[i].shape) == shape[1:]
    else:
        raises_mapped(IndexError, t.__getitem__, i)


# ---- elementwise ---------------------------------------------------------------------------

def _floordiv(a, b):
    with np.errstate(all="ignore"):
        return np.floor_divide(a, b)


def _remainder(a, b):
    with np.errstate(all="ignore"):
        return np.remainder(a, b)


# name -> (dtypes, result ("promote", "bool", "float"), reference, special values ok, divisor)
BINARY = {
    "add": (DTYPES, "promote", lambda a, b: a + b, True, False),
    "sub": (DTYPES, "promote", lambda a, b: a - b, True, False),
    "mul": (DTYPES, "promote", lambda a, b: a * b, True, False),
    "div": (DTYPES, "float", lambda a, b: a / b, True, False),
    "maximum": (NOCPX, "promote", np.maximum, True, False),
    "minimum": (NOCPX, "promote", np.minimum, True, False),
    "eq": (DTYPES, "bool", np.equal, True, False),
    "ne": (DTYPES, "bool", np.not_equal, True, False),
    "lt": (NOCPX, "bool", np.less, True, False),
    "le": (NOCPX, "bool", np.less_equal, True, False),
    "gt": (NOCPX, "bool", np.greater, True, False),
    "ge": (NOCPX, "bool", np.greater_equal, True, False),
    "bitwise_and": (BI, "promote", np.bitwise_and, False, False),
    "bitwise_or": (BI, "promote", np.bitwise_or, False, False),
    "bitwise_xor": (BI, "promote", np.bitwise_xor, False, False),
    "logical_and": (DTYPES, "bool", np.logical_and, False, False),
    "logical_xor": (DTYPES, "bool", np.logical_xor, False, False),
    # Python's floor semantics in torch and NumPy alike; integer-valued floats (floor of a
    # quotient near an integer is ill-conditioned) and no integer division by zero (an error).
    "floor_divide": (REAL, "promote", _floordiv, False, True),
    "remainder": (REAL, "promote", _remainder, False, True),
    "atan2": (REAL, "float", np.arctan2, False, False),
}


def binary_dtype(op, da, db, na=1, nb=1):
    """The result dtype of op on tensors of dtypes da, db and ndims na, nb (None: refused)."""
    sup, res = BINARY[op][:2]
    if da not in sup or db not in sup:
        return None
    r = result_type((da, na), (db, nb))
    if op == "sub" and B in (da, db):
        return None  # torch refuses subtraction with a bool tensor
    if res == "bool":
        return B
    if res == "float" and kind(r) < 2:
        return ctensor.get_default_dtype()
    return r


def _operands_dtype_pair(op):
    sup = BINARY[op][0]
    return st.tuples(st.sampled_from(sup), st.sampled_from(sup))


@prop(400)
@given(st.sampled_from(sorted(BINARY)), st.data())
def test_binary_broadcast_non_contiguous_like_numpy(op, data):
    da, db = data.draw(_operands_dtype_pair(op))
    shapes2 = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=2, min_dims=0, max_dims=4,
                                                           min_side=0, max_side=4))
    _, _, _, special, divisor = BINARY[op]
    # torch's add/sub compute a + alpha * b: with a complex result an infinite b gives a
    # NaN imaginary part (inf * (1+0j)); NumPy has no alpha. Specials only for real dtypes.
    special = special and not (da.is_complex or db.is_complex)
    x, a = data.draw(operand(da, shapes2.input_shapes[0], special=special,
                             intvalued=divisor))
    y, b = data.draw(operand(db, shapes2.input_shapes[1], special=special,
                             intvalued=divisor, nonzero=divisor))
    r = binary_dtype(op, da, db, x.ndim, y.ndim)
    fn = getattr(ctensor, op)
    if r is None:
        raises_mapped(RuntimeError, fn, x, y)
        return
    got = fn(x, y)
    assert tuple(got.shape) == shapes2.result_shape
    compute = result_type((da, x.ndim), (db, y.ndim))
    expect = binary_reference_np(op, a, b, compute, r)
    check(got, expect, r)
    # the method, the operator where there is one, and out= agree with the function
    np.testing.assert_array_equal(to_np(getattr(x, op)(y)), to_np(got))
    out = ctensor.empty(shapes2.result_shape, dtype=r)
    fn(x, y, out=out)
    np.testing.assert_array_equal(to_np(out), to_np(got))


def binary_reference_np(op, a, b, compute, r):
    """op on values a, b computed as torch does: both converted to the common
    dtype compute (integers to double for true division), then op, in double
    precision for inexact dtypes."""
    fn = BINARY[op][2]
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if BINARY[op][1] == "float" and kind(compute) < 2:
            return fn(np.asarray(a).astype(np.float64), np.asarray(b).astype(np.float64))
        return fn(as_operand(a, compute), as_operand(b, compute))


@prop(100)
@given(st.data())
def test_where_and_ternary_broadcast_triples(data):
    s3 = data.draw(hnp.mutually_broadcastable_shapes(num_shapes=3, min_dims=0, max_dims=4,
                                                     min_side=0, max_side=3))
    da, db = data.draw(dtypes), data.draw(dtypes)
    c, cv = data.draw(operand(B, s3.input_shapes[0]))
    x, a = data.draw(operand(da, s3.input_shapes[1]))
    y, b = data.draw(operand(db, s3.input_shapes[2]))
    r = result_type((da, x.ndim), (db, y.ndim))
    got = ctensor.where(c, x, y)
    check(got, np.where(cv, as_operand(a, r), as_operand(b, r)), r)
    # a chain of two broadcasting ops over the three operands: (x + y) * c
    s = ctensor.add(x, y)
    r2 = result_type((r, s.ndim), (B, c.ndim))
    if r is not B:
        got = ctensor.mul(s, c)
        expect = as_operand(as_operand(to_np(s), r), r2) * as_operand(cv, r2)
        check(got, expect, r2, atol=4 * EPS.get(r, 0) * 20)


# name -> (dtypes, result: "same", "float" (bool/int give the default float), "real"
# (complex gives its real dtype), "bool", "square" (bool gives int64); reference)
UNARY = {
    "neg": (NUM, "same", np.negative),
    "abs": (NUM, "real", np.abs),
    "sign": (NOCPX, "same", lambda x: np.where(np.isnan(x), 0, np.sign(x))),  # torch: sign(NaN) 0
    "square": (DTYPES, "square", np.square),
    "exp": (DTYPES, "float", np.exp),
    "sin": (DTYPES, "float", np.sin),
    "cos": (DTYPES, "float", np.cos),
    "tanh": (DTYPES, "float", np.tanh),
    "sqrt": (DTYPES, "float", np.sqrt),
    "log": (DTYPES, "float", np.log),
    "sigmoid": (DTYPES, "float", lambda x: 1 / (1 + np.exp(-x))),
    "reciprocal": (DTYPES, "float", lambda x: 1 / x),
    "floor": (REAL, "same", np.floor),
    "ceil": (REAL, "same", np.ceil),
    "trunc": (REAL, "same", np.trunc),
    "round": (REAL, "same", np.round),
    "relu": (REAL, "same", lambda x: np.maximum(x, 0)),
    "bitwise_not": (BI, "same", np.invert),
    "logical_not": (DTYPES, "bool", np.logical_not),
    "isnan": (DTYPES, "bool", np.isnan),
    "isfinite": (DTYPES, "bool", np.isfinite),
}


def unary_dtype(op, d):
    sup, res, _ = UNARY[op]
    if d not in sup:
        return None
    if res == "float" and kind(d) < 2:
        return ctensor.get_default_dtype()
    if res == "real" and d.is_complex:
        return d.to_real()
    if res == "bool":
        return B
    if res == "square" and d is B:
        return ctensor.int64
    return d


def unary_reference(op, v, d, r):
    """op on values v of dtype d, as torch computes it, for a result of dtype r."""
    fn = UNARY[op][2]
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if (op in ("floor", "ceil", "trunc", "round") and kind(d) == 1) or (
                op == "sign" and d is B):
            return v
        if op == "square" and d is B:
            return fn(cast(v, ctensor.int64))
        if UNARY[op][1] == "float" and kind(d) < 2:
            return fn(cast(v, r))
        return fn(cast(v, d))


@prop(300)
@given(st.sampled_from(sorted(UNARY)), dtypes, shapes, st.data())
def test_unary_like_numpy(op, d, shape, data):
    r = unary_dtype(op, d)
    x, v = data.draw(operand(d, shape, special=d in FLOATS and op != "round"))
    fn = getattr(ctensor, op)
    if r is None:
        raises_mapped(RuntimeError, fn, x)
        return
    got = fn(x)
    check(got, unary_reference(op, v, d, r), r)
    if r is d and op not in ("isnan", "isfinite"):
        # in place on a copy of the view's values
        y = x.clone()
        getattr(y, op + "_")()
        np.testing.assert_array_equal(to_np(y), to_np(got))


# ---- reductions -----------------------------------------------------------------------------

@st.composite
def reduce_dims(draw, ndim):
    """None (all dims), one dim or a tuple of distinct dims, negative ones included."""
    if draw(st.booleans()) or ndim == 0:
        return None if draw(st.booleans()) or ndim == 0 else draw(st.integers(-ndim, ndim - 1))
    dims = draw(st.lists(st.integers(0, ndim - 1), min_size=1, max_size=ndim, unique=True))
    return tuple(x - ndim if draw(st.booleans()) else x for x in dims)


REDUCE = ("sum", "prod", "mean", "amax", "amin", "any", "all")


def reduce_dtype(op, d):
    if op in ("sum", "prod"):
        return ctensor.int64 if kind(d) < 2 else d
    if op == "mean":
        return d if kind(d) >= 2 else None
    if op in ("amax", "amin"):
        return d if not d.is_complex else None
    return B


@prop(300)
@given(st.sampled_from(REDUCE), dtypes, shapes, st.booleans(), st.data())
def test_reductions_over_random_dims_like_numpy(op, d, shape, keepdim, data):
    x, v = data.draw(operand(d, shape))
    dim = data.draw(reduce_dims(len(shape)))
    r = reduce_dtype(op, d)
    fn = getattr(ctensor, op)
    kw = {} if dim is None else {"dim": dim, "keepdim": keepdim}
    if r is None:
        raises_mapped(RuntimeError, fn, x, **kw)
        return
    axis = dim
    if op in ("amax", "amin"):
        reduced = (range(len(shape)) if dim is None
                   else [dim] if isinstance(dim, int) else dim)
        if any(shape[k] == 0 for k in reduced):
            raises_mapped(RuntimeError, fn, x, **kw)
            return
    got = fn(x, **kw)
    kd = keepdim and dim is not None
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = {"sum": np.sum, "prod": np.prod, "mean": np.mean, "amax": np.amax,
               "amin": np.amin, "any": np.any, "all": np.all}[op]
        expect = ref(cast(v, r if op not in ("any", "all") else d), axis=axis, keepdims=kd)
    n = max(1, v.size // max(1, np.asarray(expect).size))
    scale = float(np.max(np.abs(v.astype(np.complex128)))) if v.size and kind(d) >= 2 else 0
    atol = 2 * n * EPS.get(r, 0) * scale ** (n if op == "prod" else 1) if op != "mean" else \
        2 * EPS.get(r, 0) * scale
    rtol = None if op not in ("prod",) or r not in TOL else max(TOL[r][0], 2 * n * EPS[r])
    check(got, expect, r, atol=atol, rtol=rtol)


@prop(100)
@given(st.sampled_from(("argmax", "argmin")), st.sampled_from(REAL), shapes, st.booleans(),
       st.data())
def test_argmax_argmin_first_occurrence(op, d, shape, keepdim, data):
    x, v = data.draw(operand(d, shape))
    dim = data.draw(st.none() | st.integers(-max(1, len(shape)), max(1, len(shape)) - 1))
    fn = getattr(ctensor, op)
    reduced = (range(len(shape)) if dim is None else [dim] if shape else [])
    if (dim is None and v.size == 0) or any(shape[k] == 0 for k in reduced):
        raises_mapped(RuntimeError, fn, x, dim=dim, keepdim=keepdim)
        return
    got = fn(x, dim=dim, keepdim=keepdim)
    if dim is None:
        expect = getattr(np, op)(v)
        if keepdim:
            expect = np.reshape(expect, (1,) * len(shape))
    else:
        expect = getattr(np, op)(v, axis=dim if shape else None)
        if keepdim and shape:
            expect = np.expand_dims(expect, dim)
    check(got, expect, ctensor.int64)


# ---- matmul, cat, stack ---------------------------------------------------------------------

MATMUL_DTYPES = tuple(d for d in DTYPES if d is not B)


@prop(150)
@given(st.sampled_from(MATMUL_DTYPES), st.data())
def test_matmul_broadcast_batches_like_numpy(d, data):
    s = data.draw(hnp.mutually_broadcastable_shapes(signature="(m?,n),(n,p?)->(m?,p?)",
                                                    max_dims=3, min_side=0, max_side=4))
    x, a = data.draw(operand(d, s.input_shapes[0]))
    y, b = data.draw(operand(d, s.input_shapes[1]))
    got = ctensor.matmul(x, y)
    ad, bd = cast(a, d), cast(b, d)
    if kind(d) == 1:  # integers wrap: compute in int64, then wrap into d
        expect = cast(np.matmul(ad.astype(np.int64), bd.astype(np.int64)), d)
    else:
        expect = np.matmul(ad, bd)
    n = s.input_shapes[0][-1]
    atol = 4 * n * EPS.get(d, 0) * 100
    check(got, expect, d, atol=atol)
    assert tuple(got.shape) == np.asarray(expect).shape


@prop(150)
@given(st.data())
def test_cat_and_stack_promote_like_torch(data):
    base = data.draw(hnp.array_shapes(min_dims=1, max_dims=3, min_side=0, max_side=3))
    n = len(base)
    k = data.draw(st.integers(1, 4))
    dim = data.draw(st.integers(-n, n - 1))
    ds = data.draw(st.lists(dtypes, min_size=k, max_size=k))
    parts, vals = [], []
    for d in ds:
        shape = list(base)
        shape[dim] = data.draw(st.integers(0, 3))
        t, v = data.draw(operand(d, shape))
        parts.append(t)
        vals.append(v)
    r = ds[0]
    for d in ds[1:]:
        r = promote(r, d)
    got = ctensor.cat(parts, dim=dim)
    check(got, np.concatenate([cast(v, r) for v in vals], axis=dim), r)
    same = [data.draw(operand(d, base)) for d in ds]
    sdim = data.draw(st.integers(-n - 1, n))
    got = ctensor.stack([t for t, _ in same], dim=sdim)
    check(got, np.stack([cast(v, r) for _, v in same], axis=sdim), r)


# ---- random programs ------------------------------------------------------------------------

PROGRAM_OPS = ("unary", "binary", "reduce", "view", "index", "matmul", "cat", "stack")


def _step(data, x, d):
    """One random op on (tensor x of dtype d): returns (result, expected NumPy
    values, expected dtype, atol), with the reference computed on x's values."""
    v = to_np(x)
    shape = tuple(x.shape)
    n = len(shape)
    what = data.draw(st.sampled_from(PROGRAM_OPS))
    if what == "unary":
        op = data.draw(st.sampled_from([o for o in sorted(UNARY) if unary_dtype(o, d)]))
        r = unary_dtype(op, d)
        return getattr(ctensor, op)(x), unary_reference(op, v, d, r), r, 0
    if what == "binary":
        op = data.draw(st.sampled_from([o for o in sorted(BINARY)
                                        if d in BINARY[o][0] and not BINARY[o][4]
                                        and not (o == "sub" and d is B)]))
        db = data.draw(st.sampled_from([e for e in BINARY[op][0] if binary_dtype(op, d, e)]))
        other_shape = data.draw(hnp.broadcastable_shapes(shape, min_dims=0, max_dims=4,
                                                         min_side=0, max_side=4))
        y, b = data.draw(operand(db, other_shape))
        r = binary_dtype(op, d, db, x.ndim, y.ndim)
        common = result_type((d, x.ndim), (db, y.ndim))
        if data.draw(st.booleans()):
            return (getattr(ctensor, op)(y, x), binary_reference_np(op, b, v, common, r), r, 0)
        return getattr(ctensor, op)(x, y), binary_reference_np(op, v, b, common, r), r, 0
    if what == "reduce" and n:
        dim = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=n, unique=True))
        keep = data.draw(st.booleans())
        scale = float(np.max(np.abs(v.astype(np.complex128)))) if v.size else 0
        m = int(np.prod([shape[k] for k in dim]))
        r = ctensor.int64 if kind(d) < 2 else d
        return (ctensor.sum(x, dim=tuple(dim), keepdim=keep),
                np.sum(cast(v, r), axis=tuple(dim), keepdims=keep), r,
                4 * m * EPS.get(r, 0) * scale)
    if what == "view" and n:
        choice = data.draw(st.sampled_from(["t", "permute", "unsqueeze", "reshape", "expand",
                                            "narrow", "select", "squeeze"]))
        if choice == "t" and n >= 2:
            d0, d1 = data.draw(st.tuples(st.integers(-n, n - 1), st.integers(-n, n - 1)))
            return x.transpose(d0, d1), np.swapaxes(v, d0, d1), d, 0
        if choice == "permute":
            p = data.draw(st.permutations(range(n)))
            return x.permute(p), v.transpose(p), d, 0
        if choice == "reshape" and v.size:
            new = data.draw(st.sampled_from(sorted(_factorisations(v.size))))
            return x.reshape(new), v.reshape(new), d, 0
        if choice == "expand" and 1 in shape:
            new = tuple(data.draw(st.integers(0, 3)) if s == 1 else s for s in shape)
            return x.expand(new), np.broadcast_to(v, new), d, 0
        if choice == "narrow":
            k = data.draw(st.integers(-n, n - 1))
            start = data.draw(st.integers(0, shape[k]))
            length = data.draw(st.integers(0, shape[k] - start))
            idx = [slice(None)] * n
            idx[k] = slice(start, start + length)
            return x.narrow(k, start, length), v[tuple(idx)], d, 0
        if choice == "select" and 0 not in shape:
            k = data.draw(st.integers(-n, n - 1))
            i = data.draw(st.integers(-shape[k], shape[k] - 1))
            return x.select(k, i), np.take(v, i, axis=k), d, 0
        if choice == "squeeze" and 1 in shape:
            k = shape.index(1)
            return x.squeeze(k), np.squeeze(v, axis=k), d, 0
        k = data.draw(st.integers(-n - 1, n))
        return x.unsqueeze(k), np.expand_dims(v, k), d, 0
    if what == "index":
        index = data.draw(hnp.basic_indices(shape, min_dims=0, allow_newaxis=True,
                                            allow_ellipsis=True))
        items = index if isinstance(index, tuple) else (index,)
        if not any(isinstance(i, slice) and i.step is not None and i.step <= 0 for i in items):
            return x[index], v[index], d, 0
    if what == "matmul" and 1 <= n <= 3 and d is not B:
        p = data.draw(st.integers(0, 3))
        other = (shape[-1],) if data.draw(st.booleans()) else (shape[-1], p)
        y, b = data.draw(operand(d, other))
        if kind(d) == 1:
            expect = cast(np.matmul(v.astype(np.int64), b.astype(np.int64)), d)
        else:
            expect = np.matmul(cast(v, d), cast(b, d))
        scale = float(np.max(np.abs(v.astype(np.complex128)))) if v.size else 0
        return ctensor.matmul(x, y), expect, d, 4 * shape[-1] * EPS.get(d, 0) * scale * 10
    if what in ("cat", "stack") and n:
        db = data.draw(dtypes)
        r = promote(d, db)
        k = data.draw(st.integers(-n, n - 1))
        other = list(shape)
        if what == "cat":
            other[k] = data.draw(st.integers(0, 3))
        y, b = data.draw(operand(db, other))
        if what == "cat":
            return ctensor.cat([x, y], k), np.concatenate([cast(v, r), cast(b, r)], k), r, 0
        return ctensor.stack([y, x], k), np.stack([cast(b, r), cast(v, r)], k), r, 0
    return x.clone(), v, d, 0


@prop(200)
@given(dtypes, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4),
       st.integers(1, 6), st.data())
def test_random_programs_like_numpy(d, shape, length, data):
    """A program of 1-6 ops on ctensor and NumPy, compared after each op (NumPy
    continues from ctensor's values, so tolerances do not accumulate)."""
    x, v = data.draw(operand(d, shape))
    for _ in range(length):
        if x.numel() > 4096 or x.ndim > 6:
            break
        y, expect, r, atol = _step(data, x, d)
        check(y, expect, r, atol=atol)
        x, d = y, r


# ---- invalid inputs -------------------------------------------------------------------------

@prop(150)
@given(hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=4),
       hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=4))
def test_broadcast_agrees_with_numpy_or_raises_shape_error(sa, sb):
    try:
        expect = np.broadcast_shapes(sa, sb)
    except ValueError:
        expect = None
    x, y = ctensor.zeros(sa), ctensor.ones(sb, dtype=ctensor.int32)
    if expect is None:
        for fn in (ctensor.add, ctensor.mul, ctensor.eq, ctensor.maximum):
            raises_mapped(RuntimeError, fn, x, y)
        raises_mapped(RuntimeError, ctensor.where, ctensor.zeros(sa, dtype=B), x, y)
        with pytest.raises(RuntimeError):
            ctensor.broadcast_shapes(sa, sb)
        with pytest.raises(RuntimeError):
            x.add_(y)
        return
    assert tuple(ctensor.broadcast_shapes(sa, sb)) == expect
    assert tuple((x + y).shape) == expect
    if expect == tuple(sa):
        x.add_(y)  # in place into x
    else:
        raises_mapped(RuntimeError, x.add_, y)


@prop(200)
@given(hnp.array_shapes(min_dims=0, max_dims=4, min_side=0, max_side=3), st.integers(-7, 7),
       st.sampled_from(["sum", "amax", "argmax", "mean", "transpose", "unsqueeze", "select",
                        "narrow", "squeeze", "cat", "stack", "flatten", "movedim", "softmax",
                        "cumsum", "flip", "index_select", "chunk"]))
def test_out_of_range_dims_raise_index_error(shape, dim, op):
    x = ctensor.ones(shape)
    n = len(shape)
    m = max(n, 1)  # torch: a 0-d tensor has dims -1 and 0 for these
    ok = -m <= dim < m
    if op == "unsqueeze" or op == "stack":
        ok = -n - 1 <= dim <= n
    calls = {
        "sum": lambda: x.sum(dim), "amax": lambda: x.amax(dim), "argmax": lambda: x.argmax(dim),
        "mean": lambda: x.mean(dim), "transpose": lambda: x.transpose(dim, 0),
        "unsqueeze": lambda: x.unsqueeze(dim), "select": lambda: x.select(dim, 0),
        "narrow": lambda: x.narrow(dim, 0, 0), "squeeze": lambda: x.squeeze(dim),
        "cat": lambda: ctensor.cat([x, x], dim), "stack": lambda: ctensor.stack([x, x], dim),
        "flatten": lambda: x.flatten(dim), "movedim": lambda: x.movedim(dim, 0),
        "softmax": lambda: x.softmax(dim), "cumsum": lambda: x.cumsum(dim),
        "flip": lambda: x.flip(dim),
        "index_select": lambda: x.index_select(dim, ctensor.zeros(0, dtype=ctensor.int64)),
        "chunk": lambda: x.chunk(2, dim),
    }
    if op == "cat" and shape == (0,):
        return  # torch's legacy rule: 1-d empty tensors are skipped by cat, whatever the dim
    if op in ("chunk", "cat") and n == 0:
        raises_mapped(RuntimeError, calls[op])  # torch: chunk and cat need a dim
    elif ok:
        try:
            calls[op]()
        except ctensor.CTensorError as e:  # an in-range dim may still be refused, cleanly
            assert not isinstance(e, IndexError) or "out of range" not in str(e), str(e)
    else:
        raises_mapped(IndexError, calls[op])


@prop(150)
@given(shapes, st.lists(st.integers(-3, 6), min_size=0, max_size=4))
def test_reshape_view_expand_invalid_raise_cleanly(shape, new):
    x = ctensor.zeros(shape)
    n = int(np.prod(shape))
    try:
        np.empty(shape).reshape(new)
        valid = not any(s < -1 for s in new)
    except ValueError:
        valid = False
    if valid:
        assert tuple(x.reshape(new).shape) == np.empty(shape).reshape(new).shape
    else:
        with pytest.raises((RuntimeError, ValueError)) as info:
            x.reshape(new)
        assert isinstance(info.value, ctensor.CTensorError)
    # expand: sizes must match or come from 1 (-1 keeps), new leading dims only at the front
    try:
        expect = np.broadcast_to(np.empty(shape), tuple(new)).shape \
            if all(s >= 0 for s in new) else None
    except ValueError:
        expect = False
    if expect is False:
        with pytest.raises((RuntimeError, ValueError)) as info:
            x.expand(new)
        assert isinstance(info.value, ctensor.CTensorError)
    elif expect is not None:
        assert tuple(x.expand(new).shape) == expect
    del n


@prop(100)
@given(st.sampled_from(MATMUL_DTYPES), hnp.array_shapes(min_dims=1, max_dims=3, max_side=4),
       hnp.array_shapes(min_dims=1, max_dims=3, max_side=4))
def test_matmul_mismatched_shapes_raise_shape_error(d, sa, sb):
    x, y = ctensor.zeros(sa, dtype=d), ctensor.zeros(sb, dtype=d)
    try:
        expect = np.matmul(np.zeros(sa), np.zeros(sb)).shape
    except ValueError:
        expect = None
    if expect is None:
        raises_mapped(RuntimeError, ctensor.matmul, x, y)
    else:
        assert tuple(ctensor.matmul(x, y).shape) == expect


# ---- regressions of bugs these properties found ---------------------------------------------

def test_tensor_of_empty_ndarray_keeps_its_shape():
    """ctensor.tensor(ndarray) lost the dims after a zero-size one (it went through
    tolist(), which gives [] for shape (0, 3)); torch keeps the array's shape."""
    for shape in ((0, 3), (3, 0, 2), (2, 0), (0,), (1, 0, 0, 4)):
        a = np.zeros(shape, dtype=np.int16)
        t = ctensor.tensor(a)
        assert tuple(t.shape) == shape and t.dtype == ctensor.int16
        assert tuple(ctensor.tensor(a, dtype=ctensor.float32).shape) == shape
        assert tuple((ctensor.zeros(shape[-1:]) + a).shape) == shape


def test_zero_element_destination_with_stride_0_is_written():
    """A destination without elements has no overlapping elements, even with a
    stride-0 dim (from_numpy of an empty array, an expand of a zero-size tensor):
    copy_ and out= refused it; torch accepts it."""
    dst = ctensor.from_numpy(np.zeros((0, 2)))
    dst.copy_(ctensor.ones(0, 2, dtype=ctensor.float64))
    e = ctensor.zeros(0, 1).expand(0, 3)
    e.copy_(ctensor.ones(0, 3))
    ctensor.add(ctensor.ones(0, 3), 1, out=e)
    ctensor.sum(ctensor.ones(0, 3, 2), dim=2, out=e)
    ctensor.matmul(ctensor.ones(0, 2), ctensor.ones(2, 3), out=e)
    ctensor.cat([ctensor.ones(0, 1), ctensor.ones(0, 2)], 1, out=e)
    assert tuple(e.shape) == (0, 3)
    with pytest.raises(ValueError, match="single memory location"):
        ctensor.zeros(2, 1).expand(2, 3).copy_(ctensor.ones(2, 3))
