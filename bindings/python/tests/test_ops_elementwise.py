"""Elementwise operators: every op of the C spec table, every dtype, every form.

Each op is checked against a NumPy reference computed on the values ctensor
holds (values, shape and result dtype), on all twelve dtypes (unsupported
ones must raise a DTypeError naming the op), with non-contiguous and
broadcast operands, Python numbers on either side, out= and in place. With
PyTorch installed, the result dtype and values of every dtype pair are also
compared with torch's.
"""

import math

import pytest

import ctensor
from test_ops_common import (COMPLEX, DTYPES, FLOATS, INTS, SPEC, TOL, assert_same, assert_values,
                             category, hp, make, needs_spec, promote, promote_scalar, raises,
                             to_torch, torch_dtype_name, values)

np = pytest.importorskip("numpy")

B = ctensor.bool
ALL = set(DTYPES)
SUPPORT = {
    "all": ALL,
    "num": ALL - {B},
    "nocpx": ALL - set(COMPLEX),
    "real": set(INTS) | set(FLOATS),
    "bi": {B} | set(INTS),
    "int": set(INTS),
    "flt": set(FLOATS),
    "fc": set(FLOATS) | set(COMPLEX),
    "itf": ALL,
    "ift": ALL - set(COMPLEX),
}
# The spec's dtype texts, longest first, and the support set each names.
SPEC_TEXTS = (
    ("all dtypes but bool (bool gives int64)", "all"),
    ("floating and complex dtypes; bool and integer inputs give the default float dtype", "itf"),
    ("floating dtypes; bool and integer inputs give the default float dtype", "ift"),
    ("bool, integer and floating dtypes", "nocpx"),
    ("floating and complex dtypes", "fc"),
    ("integer and floating dtypes", "real"),
    ("bool and integer dtypes", "bi"),
    ("all dtypes but bool", "num"),
    ("floating dtypes", "flt"),
    ("integer dtypes", "int"),
    ("all dtypes", "all"),
    ("CT_ROUNDING_NONE: true division", "all"),
)

_erf = np.vectorize(math.erf, otypes=[np.float64])
_erfc = np.vectorize(math.erfc, otypes=[np.float64])


def _sgn(x):
    if np.iscomplexobj(x):
        with np.errstate(all="ignore"):
            return np.where(x == 0, 0, x / np.where(x == 0, 1, np.abs(x)))
    return np.sign(x)


def _softplus(x, beta=1.0, threshold=20.0):
    return np.where(beta * x > threshold, x, np.log1p(np.exp(beta * x)) / beta)


def _pow(a, b):
    """a ** b, with integer a ** (negative b) giving 0, 1 or -1 as in PyTorch."""
    if a.dtype.kind == "c":  # NumPy 1.x gives NaN for 0 ** z
        return np.where(a == 0, np.where(b == 0, 1, 0), np.power(a, b))
    if a.dtype.kind not in "iu":
        return np.power(a, b)
    r = np.power(a, np.maximum(b, 0))
    return np.where(b >= 0, r, np.where(a == 1, 1, np.where(a == -1, 1 - 2 * (np.abs(b) % 2), 0)))


def _gelu(x):
    return x / 2 * (1 + _erf(x / math.sqrt(2)))


# Unary ops: name -> (support, result kind, reference on the values in double precision).
# Kinds: "same" (input's dtype), "float" (bool and integers give the default float dtype),
# "real" (complex gives its real dtype), "bool", "square" (bool gives int64), "angle"
# (float and real together).
UNARY = {
    "neg": ("num", "same", np.negative),
    "abs": ("num", "real", np.abs),
    "sign": ("nocpx", "same", np.sign),
    "sgn": ("all", "same", _sgn),
    "sqrt": ("itf", "float", np.sqrt),
    "rsqrt": ("itf", "float", lambda x: 1 / np.sqrt(x)),
    "square": ("all", "square", lambda x: x * x),
    "reciprocal": ("itf", "float", lambda x: 1 / x),
    "exp": ("itf", "float", np.exp),
    "exp2": ("itf", "float", np.exp2),
    "expm1": ("itf", "float", np.expm1),
    "log": ("itf", "float", np.log),
    "log2": ("itf", "float", np.log2),
    "log10": ("itf", "float", np.log10),
    "log1p": ("itf", "float", np.log1p),
    "sin": ("itf", "float", np.sin),
    "cos": ("itf", "float", np.cos),
    "tan": ("itf", "float", np.tan),
    "asin": ("itf", "float", np.arcsin),
    "acos": ("itf", "float", np.arccos),
    "atan": ("itf", "float", np.arctan),
    "sinh": ("itf", "float", np.sinh),
    "cosh": ("itf", "float", np.cosh),
    "tanh": ("itf", "float", np.tanh),
    "asinh": ("itf", "float", np.arcsinh),
    "acosh": ("itf", "float", np.arccosh),
    "atanh": ("itf", "float", np.arctanh),
    "sigmoid": ("itf", "float", lambda x: 1 / (1 + np.exp(-x))),
    "relu": ("real", "same", lambda x: np.maximum(x, 0)),
    "gelu": ("flt", "same", _gelu),
    "silu": ("fc", "same", lambda x: x / (1 + np.exp(-x))),
    "softplus": ("flt", "same", _softplus),
    "erf": ("ift", "float", _erf),
    "erfc": ("ift", "float", _erfc),
    "floor": ("real", "same", np.floor),
    "ceil": ("real", "same", np.ceil),
    "round": ("real", "same", np.round),
    "trunc": ("real", "same", np.trunc),
    "frac": ("flt", "same", lambda x: x - np.trunc(x)),
    "isnan": ("all", "bool", np.isnan),
    "isinf": ("all", "bool", np.isinf),
    "isfinite": ("all", "bool", np.isfinite),
    "logical_not": ("all", "bool", np.logical_not),
    "bitwise_not": ("bi", "same", lambda x: np.logical_not(x) if x.dtype == bool else np.invert(x)),
    "nan_to_num": ("all", "same", lambda x: x),
    "conj": ("all", "same", np.conj),
    "angle": ("itf", "angle", np.angle),
}

# Binary ops: name -> (support, result kind, reference, operand domain).
# Domains: None, "nonzero" (b != 0), "pow" (b in [0, 3]), "shift" (b in [0, 6]).
BINARY = {
    "add": ("all", "same", np.add, None),
    "sub": ("num", "same", np.subtract, None),
    "mul": ("all", "same", np.multiply, None),
    "div": ("all", "float", np.true_divide, "nonzero"),
    "floor_divide": ("real", "same", np.floor_divide, "nonzero"),
    "remainder": ("real", "same", np.remainder, "nonzero"),
    "fmod": ("real", "same", np.fmod, "nonzero"),
    "pow": ("num", "same", _pow, "pow"),
    "maximum": ("nocpx", "same", np.maximum, None),
    "minimum": ("nocpx", "same", np.minimum, None),
    "atan2": ("ift", "float", np.arctan2, None),
    "hypot": ("flt", "same", np.hypot, None),
    "eq": ("all", "bool", np.equal, None),
    "ne": ("all", "bool", np.not_equal, None),
    "lt": ("nocpx", "bool", np.less, None),
    "le": ("nocpx", "bool", np.less_equal, None),
    "gt": ("nocpx", "bool", np.greater, None),
    "ge": ("nocpx", "bool", np.greater_equal, None),
    "logical_and": ("all", "bool", np.logical_and, None),
    "logical_or": ("all", "bool", np.logical_or, None),
    "logical_xor": ("all", "bool", np.logical_xor, None),
    "bitwise_and": ("bi", "same", np.bitwise_and, None),
    "bitwise_or": ("bi", "same", np.bitwise_or, None),
    "bitwise_xor": ("bi", "same", np.bitwise_xor, None),
    "bitwise_left_shift": ("int", "same", np.left_shift, "shift"),
    "bitwise_right_shift": ("int", "same", np.right_shift, "shift"),
}
# Ops whose float results are computed in the dtype's own precision (as C does), because
# rounding the quotient first can move them by a whole unit.
NATIVE_PRECISION = {"floor_divide", "remainder", "fmod"}


def result_dtype(kind, d):
    """The result dtype of an op of kind on operands promoted to d."""
    if kind == "bool":
        return B
    if kind in ("float", "angle") and category(d) < 2:
        return ctensor.get_default_dtype()
    if kind in ("real", "angle") and d.is_complex:
        return d.to_real()
    if kind == "square" and d is B:
        return ctensor.int64
    return d


def compute_dtype(kind, d):
    """The NumPy dtype a reference is computed in, for operands promoted to d."""
    if category(d) < 2:
        return np.float64 if kind in ("float", "angle") else np.int64
    return hp(d)


def unary_ref(name, x):
    support, kind, ref = UNARY[name]
    xv = values(x)
    if support != "bi":  # bitwise_not of bool is logical not: keep bool
        xv = xv.astype(compute_dtype(kind, x.dtype))
    with np.errstate(all="ignore"):
        return ref(xv)


def binary_ref(name, a, b, promoted):
    support, kind, ref, domain = BINARY[name]
    if name in NATIVE_PRECISION and category(promoted) == 2:
        cd = np.float64 if promoted is ctensor.float64 else np.float32
    else:
        cd = compute_dtype(kind, promoted)
    av = a.astype(cd) if isinstance(a, np.ndarray) else values(a).astype(cd)
    bv = b.astype(cd) if isinstance(b, np.ndarray) else values(b).astype(cd)
    with np.errstate(all="ignore"):
        return ref(av, bv)


def operand_b(name, dtype, shape=(2, 3), seed=2):
    domain = BINARY[name][3]
    if domain == "pow":
        return make(dtype, shape, seed, 0, 3)
    if domain == "shift":
        return make(dtype, shape, seed, 0, 6)
    return make(dtype, shape, seed, nonzero=domain == "nonzero")


def operand_a(name, dtype, shape=(2, 3), seed=1):
    if BINARY[name][3] == "pow" and category(dtype) == 2:
        return make(dtype, shape, seed, 0, 3)  # no NaN from negative bases
    return make(dtype, shape, seed)


def first_supported(support, prefer=(ctensor.float32, ctensor.int32, B)):
    for d in prefer:
        if d in SUPPORT[support]:
            return d
    raise AssertionError(support)


# ---- the tables against the spec -----------------------------------------------------------

@needs_spec
def test_reference_tables_match_the_spec():
    def code(text):
        for prefix, c in SPEC_TEXTS:
            if text.startswith(prefix):
                return c
        raise AssertionError("unknown dtype text in the spec: %r" % text)

    assert {r[0]: code(r[3]) for r in SPEC.BINARY} == {k: v[0] for k, v in BINARY.items()}
    assert {r[0]: code(r[3]) for r in SPEC.UNARY} == {k: v[0] for k, v in UNARY.items()}


# ---- unary ops ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_values_and_dtypes(name):
    support, kind, _ = UNARY[name]
    fn = getattr(ctensor, name)
    for d in DTYPES:
        x = make(d, (2, 3), seed=3)
        if d not in SUPPORT[support]:
            raises(ctensor.DTypeError, name, fn, x)
            raises(RuntimeError, name, getattr(x, name))
            continue
        assert_values(fn(x), unary_ref(name, x), result_dtype(kind, d))


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_forms(name):
    support, kind, _ = UNARY[name]
    d = first_supported(support)
    fn = getattr(ctensor, name)
    x = make(d, (3, 4), seed=4)
    expected = fn(x)
    # the method, non-contiguous inputs (transposed, sliced) and a 0-d input
    assert_same(getattr(x, name)(), expected)
    xt = make(d, (4, 3), seed=5).t()
    assert not xt.is_contiguous()
    assert_values(fn(xt), unary_ref(name, xt), expected.dtype)
    xs = make(d, (3, 8), seed=6)[:, ::2]
    assert_values(fn(xs), unary_ref(name, xs), expected.dtype)
    x0 = make(d, (), seed=7)
    assert fn(x0).shape == ()
    assert_values(fn(x0), unary_ref(name, x0))
    # out=
    out = ctensor.empty(3, 4, dtype=expected.dtype)
    assert fn(x, out=out) is out
    assert_same(out, expected)
    raises(ctensor.ShapeError, name, fn, x, out=ctensor.empty(2, dtype=expected.dtype))
    # in place, through a view: the base sees the change, the rest is untouched
    method_ = getattr(ctensor.Tensor, name + "_")
    if ctensor.can_cast(expected.dtype, d):
        base = x.clone()
        row = base[1]
        assert method_(row) is row
        assert_values(base[1], values(expected[1]))
        assert_same(base[0], x[0])
    else:
        raises(ctensor.DTypeError, name, method_, x.clone())
    raises(TypeError, name, fn, [1.0, 2.0])


def test_unary_extra_arguments():
    x = ctensor.tensor([-2.5, -0.5, 0.5, 1.5, 2.5, 1.2345], dtype=ctensor.float64)
    xv = values(x)
    assert_values(ctensor.round(x), np.round(xv))
    assert_values(ctensor.round(x, decimals=2), np.round(xv, 2))
    assert_values(x.round(decimals=1), np.round(xv, 1))
    y = x.clone()
    assert y.round_(decimals=1) is y
    assert_values(y, np.round(xv, 1))
    raises(ctensor.DTypeError, "round", ctensor.round, make(ctensor.int32), decimals=1)
    assert_values(ctensor.softplus(x, beta=2, threshold=1), _softplus(xv, 2.0, 1.0))
    assert_values(ctensor.gelu(x), _gelu(xv))
    k = math.sqrt(2 / math.pi)
    assert_values(ctensor.gelu(x, approximate="tanh"),
                  xv / 2 * (1 + np.tanh(k * (xv + 0.044715 * xv ** 3))))
    raises(ValueError, "gelu", ctensor.gelu, x, approximate="fast")
    z = ctensor.tensor([float("nan"), float("inf"), -float("inf"), 1.0])
    f32 = np.finfo(np.float32)
    assert values(ctensor.nan_to_num(z)).tolist() == [0.0, float(f32.max), float(f32.min), 1.0]
    assert ctensor.nan_to_num(z, nan=1.5, posinf=2, neginf=-3.0).tolist() == [1.5, 2, -3, 1]
    w = z.clone()
    assert w.nan_to_num_(neginf=7) is w
    assert w.tolist() == [0.0, float(f32.max), 7.0, 1.0]
    assert ctensor.nan_to_num(make(ctensor.int16)).dtype is ctensor.int16
    raises(TypeError, "nan_to_num", ctensor.nan_to_num, z, nan="x")


def test_unary_special_values():
    x = ctensor.tensor([float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 1.0])
    assert ctensor.isnan(x).tolist() == [True, False, False, False, False, False]
    assert ctensor.isinf(x).tolist() == [False, True, True, False, False, False]
    assert ctensor.isfinite(x).tolist() == [False, False, False, True, True, True]
    assert ctensor.sign(x).tolist()[1:] == [1.0, -1.0, 0.0, 0.0, 1.0]
    assert ctensor.tensor([True, False]).sign().tolist() == [True, False]
    assert ctensor.abs(ctensor.tensor([3 + 4j])).tolist() == [5.0]
    assert ctensor.abs(ctensor.tensor([-128], dtype=ctensor.int8)).tolist() == [-128]  # wraps
    assert ctensor.square(ctensor.tensor([True, False])).dtype is ctensor.int64
    assert ctensor.angle(ctensor.tensor([-2, 0, 3])).tolist() == pytest.approx([math.pi, 0, 0])


# ---- binary ops -----------------------------------------------------------------------------

MIXED = ((ctensor.int32, ctensor.float32), (ctensor.uint8, ctensor.int8), (B, ctensor.int16),
         (ctensor.float16, ctensor.float64), (ctensor.int64, ctensor.complex64),
         (ctensor.float32, ctensor.complex128), (ctensor.bfloat16, ctensor.float16),
         (ctensor.int8, ctensor.float16), (ctensor.float64, ctensor.complex64))


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_values_and_dtypes(name):
    support, kind, _, _ = BINARY[name]
    fn = getattr(ctensor, name)
    pairs = [(d, d) for d in DTYPES] + list(MIXED)
    for da, db in pairs:
        a, b = operand_a(name, da), operand_b(name, db)
        p = promote(da, db)
        if p not in SUPPORT[support] or (name == "sub" and B in (da, db)):
            raises(ctensor.DTypeError, name, fn, a, b)
            continue
        assert_values(fn(a, b), binary_ref(name, a, b, p), result_dtype(kind, p))


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_scalars_on_either_side(name):
    support, kind, _, domain = BINARY[name]
    fn = getattr(ctensor, name)
    scalars = {"pow": (2, 1.5), "shift": (2, True), "nonzero": (3, -2.5, True)}.get(
        domain, (2, -1.5, True, 1 - 2j))
    for d in (ctensor.int16, ctensor.float32, ctensor.float64, B, ctensor.complex64):
        if d not in SUPPORT[support]:
            continue
        a = operand_a(name, d)
        shape = tuple(a.shape)
        for s in scalars:
            p = promote_scalar(d, s)
            filled = np.full(shape, s)
            if p not in SUPPORT[support] or (name == "sub" and (d is B or s is True)):
                raises(ctensor.DTypeError, name, fn, a, s)
                continue
            assert_values(fn(a, s), binary_ref(name, values(a), filled, p), result_dtype(kind, p))
            if domain == "nonzero" and category(d) < 2:
                continue  # a would be the divisor and may be 0
            r = fn(s, a)  # a wrapped number on the left
            assert_values(r, binary_ref(name, filled, values(a), p), result_dtype(kind, p))


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_forms(name):
    support, kind, _, _ = BINARY[name]
    d = first_supported(support)
    fn = getattr(ctensor, name)
    a, b = operand_a(name, d, (3, 4)), operand_b(name, d, (3, 4))
    expected = fn(a, b)
    assert_same(getattr(a, name)(b), expected)
    # non-contiguous operands: transposed and sliced views
    at = operand_a(name, d, (4, 3), seed=8).t()
    bs = operand_b(name, d, (3, 8), seed=9)[:, ::2]
    assert_values(fn(at, bs), binary_ref(name, at, bs, d), expected.dtype)
    # broadcasting: (3, 1) with (4,), and a 0-d tensor
    ab, bb = operand_a(name, d, (3, 1)), operand_b(name, d, (4,))
    r = fn(ab, bb)
    assert tuple(r.shape) == (3, 4)
    assert_values(r, binary_ref(name, ab, bb, d))
    b0 = operand_b(name, d, ())
    assert_values(fn(a, b0), binary_ref(name, a, b0, d))
    raises(ctensor.ShapeError, name, fn, a, operand_b(name, d, (2,)))
    # out=
    out = ctensor.empty(3, 4, dtype=expected.dtype)
    assert fn(a, b, out=out) is out
    assert_same(out, expected)
    out2 = ctensor.empty(3, 4, dtype=expected.dtype)
    assert fn(a, 2, out=out2) is out2
    assert_same(out2, fn(a, 2))
    raises(ctensor.ShapeError, name, fn, a, b, out=ctensor.empty(4, 3, dtype=expected.dtype))
    # in place, through a row view of a base tensor
    method_ = getattr(ctensor.Tensor, name + "_")
    if ctensor.can_cast(expected.dtype, d):
        base = a.clone()
        row = base[1]
        assert method_(row, b[1]) is row
        assert_values(base[1], values(expected[1]))
        assert_same(base[0], a[0])
        c = a.clone()
        assert method_(c, 2) is c
        assert_values(c, values(fn(a, 2)))
    else:
        raises(ctensor.DTypeError, name, method_, a.clone(), b)
    # in place, self must have the broadcast shape
    raises(ctensor.ShapeError, name, method_, ab.clone(), bb)
    raises(TypeError, name, fn, a, [1, 2])
    raises(TypeError, name, method_, a.clone(), "x")


def test_add_sub_alpha():
    a, b = make(ctensor.float64, seed=1), make(ctensor.float64, seed=2)
    assert_values(ctensor.add(a, b, alpha=2.5), values(a) + 2.5 * values(b))
    assert_values(ctensor.sub(a, b, alpha=-2), values(a) + 2 * values(b))
    assert_values(a.add(3, alpha=2), values(a) + 6)
    c = a.clone()
    assert c.sub_(b, alpha=0.5) is c
    assert_values(c, values(a) - 0.5 * values(b))
    i = make(ctensor.int32)
    assert_values(ctensor.add(i, i, alpha=3), values(i) * 4, ctensor.int32)
    raises(ctensor.DTypeError, "add", ctensor.add, i, i, alpha=1.5)
    raises(ctensor.DTypeError, "sub", ctensor.sub, make(B), make(B))
    assert_values(ctensor.rsub(a, 1), 1 - values(a))
    assert_values(ctensor.rsub(a, b, alpha=2), values(b) - 2 * values(a))


def test_div_rounding_modes():
    a = ctensor.tensor([7, -7, 7, -7, 0])
    b = ctensor.tensor([2, 2, -2, -2, 3])
    assert ctensor.div(a, b).tolist() == [3.5, -3.5, -3.5, 3.5, 0.0]
    assert ctensor.div(a, b, rounding_mode="trunc").tolist() == [3, -3, -3, 3, 0]
    assert ctensor.div(a, b, rounding_mode="floor").tolist() == [3, -4, -4, 3, 0]
    assert ctensor.div(a, b, rounding_mode="floor").dtype is ctensor.int64
    f = ctensor.tensor([7.5, -7.5])
    assert ctensor.div(f, 2, rounding_mode="floor").tolist() == [3.0, -4.0]
    assert f.div(2, rounding_mode="trunc").tolist() == [3.0, -3.0]
    c = a.clone()
    assert c.div_(b, rounding_mode="trunc") is c
    assert c.tolist() == [3, -3, -3, 3, 0]
    raises(ctensor.DTypeError, "div", a.clone().div_, b)
    raises(ValueError, "rounding_mode", ctensor.div, a, b, rounding_mode="round")
    raises(ValueError, "division by zero", ctensor.div, a, 0, rounding_mode="floor")
    assert ctensor.true_divide(a, 2).tolist() == [3.5, -3.5, 3.5, -3.5, 0.0]


def test_binary_special_semantics():
    i = ctensor.tensor([2, -2, 0, 3])
    # integer powers: negative tensor exponents give 0, 1 or -1; 0 ** 0 is 1
    assert ctensor.pow(ctensor.tensor([2, 1, -1, 0]), ctensor.tensor([-1, -2, -3, 0])).tolist() == \
        [0, 1, -1, 1]
    raises(ValueError, "pow", ctensor.pow, i, -1)
    raises(ValueError, "division by zero", ctensor.remainder, i, 0)
    raises(ValueError, "division by zero", ctensor.floor_divide, i, ctensor.zeros_like(i))
    assert ctensor.remainder(ctensor.tensor([-7, 7]), 3).tolist() == [2, 1]
    assert ctensor.fmod(ctensor.tensor([-7, 7]), 3).tolist() == [-1, 1]
    nan = float("nan")
    both = ctensor.maximum(ctensor.tensor([nan, 1.0]), ctensor.tensor([0.0, nan]))
    assert np.isnan(values(both)).all()
    # shifts outside [0, bits) give 0 (left) or the sign (right)
    s = ctensor.tensor([1, -8], dtype=ctensor.int8)
    assert ctensor.bitwise_left_shift(s, 9).tolist() == [0, 0]
    assert ctensor.bitwise_right_shift(s, 9).tolist() == [0, -1]
    # a wrapped number keeps the tensor's dtype within its category
    x8 = ctensor.tensor([1, 2], dtype=ctensor.int8)
    assert (x8 + 1000).dtype is ctensor.int8
    assert (x8 + 2.5).dtype is ctensor.float32
    assert (ctensor.tensor([1.0], dtype=ctensor.float16) * 1e-3).dtype is ctensor.float16
    # 0-d tensors decide the dtype only from a higher category
    assert (x8 + ctensor.tensor(5)).dtype is ctensor.int8
    assert (x8 + ctensor.tensor(5.0, dtype=ctensor.float64)).dtype is ctensor.float64


# ---- ternary ops ----------------------------------------------------------------------------

def test_where():
    c = ctensor.tensor([[True, False, True], [False, False, True]])
    a, b = make(ctensor.float32, seed=1), make(ctensor.int64, seed=2)
    expected = np.where(values(c), values(a), values(b))
    assert_values(ctensor.where(c, a, b), expected, ctensor.float32)
    assert_values(a.where(c, b), expected, ctensor.float32)
    assert_values(ctensor.where(c, a, 0), np.where(values(c), values(a), 0), ctensor.float32)
    assert_values(ctensor.where(c, 1, 2.5), np.where(values(c), 1, 2.5), ctensor.float32)
    assert_values(ctensor.where(c[:, :1], a, b[0]),
                  np.where(values(c)[:, :1], values(a), values(b)[0]))
    out = ctensor.empty(2, 3)
    assert ctensor.where(c, a, b, out=out) is out
    assert_values(out, expected)
    y = a.clone()
    assert y.where_(c, 7) is y
    assert_values(y, np.where(values(c), values(a), 7))
    nz = ctensor.where(c)
    assert [t.tolist() for t in nz] == [list(r) for r in np.nonzero(values(c))]
    raises(ctensor.DTypeError, "where", ctensor.where, a, a, b)
    raises(ctensor.ShapeError, "where", ctensor.where, c, a, make(ctensor.float32, (4,)))
    raises(TypeError, "where", ctensor.where, c, a, [1])


def test_clamp():
    x = make(ctensor.float32, (3, 4), seed=3)
    xv = values(x)
    assert_values(ctensor.clamp(x, -1, 1), np.clip(xv, -1, 1), ctensor.float32)
    assert_values(ctensor.clamp(x, min=0.5), np.maximum(xv, 0.5))
    assert_values(x.clamp(max=0), np.minimum(xv, 0))
    assert_values(ctensor.clip(x, -0.5, 0.5), np.clip(xv, -0.5, 0.5))
    assert_values(ctensor.clamp_min(x, 0), np.maximum(xv, 0))
    assert_values(ctensor.clamp_max(x, 0), np.minimum(xv, 0))
    lo = make(ctensor.float32, (4,), seed=4, low=-2, high=0)
    hi = make(ctensor.float32, (3, 1), seed=5, low=0, high=2)
    assert_values(ctensor.clamp(x, lo, hi), np.minimum(np.maximum(xv, values(lo)), values(hi)))
    assert_values(ctensor.clamp(x, lo), np.maximum(xv, values(lo)))
    assert_values(ctensor.clamp(x, lo, 1), np.minimum(np.maximum(xv, values(lo)), 1))
    assert_values(ctensor.clamp(x, 1, -1), np.full(xv.shape, -1.0))  # max wins
    i = ctensor.tensor([-3, 0, 3])
    assert ctensor.clamp(i, -1, 1).dtype is ctensor.int64
    assert ctensor.clamp(i, 0.5).dtype is ctensor.float32
    out = ctensor.empty(3, 4)
    assert ctensor.clamp(x, -1, 1, out=out) is out
    assert_values(out, np.clip(xv, -1, 1))
    y = x.clone()
    assert y.clamp_(-1, 1) is y
    assert_values(y, np.clip(xv, -1, 1))
    y = x.clone()
    assert y.clamp_(lo, hi) is y
    assert y.clamp_min_(0) is y and y.clamp_max_(0.5) is y
    raises(ValueError, "clamp", ctensor.clamp, x)
    raises(ctensor.DTypeError, "clamp", ctensor.clamp, make(ctensor.complex64), 0, 1)
    raises(ctensor.DTypeError, "clamp", i.clone().clamp_, 0.5, 1.5)


def test_lerp():
    a, b = make(ctensor.float64, seed=1), make(ctensor.float64, seed=2)
    w = make(ctensor.float64, seed=3, low=0, high=1)
    av, bv, wv = values(a), values(b), values(w)
    assert_values(ctensor.lerp(a, b, 0.25), av + 0.25 * (bv - av))
    assert_values(ctensor.lerp(a, b, w), av + wv * (bv - av))
    assert_values(a.lerp(b, w[0]), av + wv[0] * (bv - av))
    out = ctensor.empty(2, 3, dtype=ctensor.float64)
    assert ctensor.lerp(a, b, w, out=out) is out
    c = a.clone()
    assert c.lerp_(b, 0.5) is c
    assert_values(c, (av + bv) / 2)
    raises(ctensor.DTypeError, "lerp", ctensor.lerp, a, make(ctensor.float32), 0.5)
    raises(ctensor.DTypeError, "lerp", ctensor.lerp, make(ctensor.int32), make(ctensor.int32), 0.5)


# ---- PyTorch ----------------------------------------------------------------------------------

def _torch_call(torch, fn, *args):
    try:
        return fn(*args), None
    except (RuntimeError, TypeError, ValueError, ZeroDivisionError) as e:
        return None, e


# torch 1.13 CPU kernels missing for dtypes ctensor supports (torch 2.x has most of them).
def _torch_lacks(err):
    return err is not None and "not implemented for" in str(err)


def _compare_with_torch(torch, fn, tfn, args, targs, label, mismatches, errors_seen=None):
    """Records in mismatches where ctensor and torch disagree on fn(*args): on whether
    it raises, on the dtype, on the values. errors_seen: keys of errors already compared
    with torch (whose exceptions are slow), with the key of this call as its last item."""
    got, err = _torch_call(torch, fn, *args)
    if err is not None and errors_seen is not None:
        seen, key = errors_seen
        if key in seen:
            return
        seen.add(key)
    want, terr = _torch_call(torch, tfn, *targs)
    if isinstance(terr, TypeError) and not isinstance(targs[-1], torch.Tensor):
        # torch takes no Python number here (ctensor does): compare with a 0-d tensor,
        # which promotes the same way
        want, terr = _torch_call(torch, tfn, *targs[:-1], torch.tensor(targs[-1]))
    if terr is not None:
        if err is None and not _torch_lacks(terr):
            mismatches.append("%s: torch raises %s, ctensor gives %s" % (label, terr, got.dtype))
        return
    if err is not None:
        mismatches.append("%s: ctensor raises %s, torch gives %s" % (label, err, want.dtype))
        return
    if got.dtype.name != torch_dtype_name(want.dtype):
        mismatches.append("%s: dtype %s, torch %s" % (label, got.dtype.name, want.dtype))
        return
    rtol, atol = TOL.get(got.dtype, (0, 0))
    if want.dtype == torch.bfloat16:
        want = want.float()
    w = np.array(want.tolist(), dtype=hp(got.dtype))
    g = values(got)
    if not np.allclose(g, w, rtol=max(rtol, 1e-5), atol=max(atol, 1e-6), equal_nan=True):
        mismatches.append("%s: values %s, torch %s" % (label, g.tolist(), w.tolist()))


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_matches_torch(torch, name):
    tfn = {"gelu": torch.nn.functional.gelu, "silu": torch.nn.functional.silu,
           "softplus": torch.nn.functional.softplus}.get(name) or getattr(torch, name)
    mismatches = []
    for d in DTYPES:
        x = make(d, (2, 3), seed=3)
        _compare_with_torch(torch, getattr(ctensor, name), tfn, (x,), (to_torch(torch, x),),
                            "%s(%s)" % (name, d.name), mismatches)
    assert not mismatches, "\n".join(mismatches)


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_matches_torch(torch, name):
    fn, tfn = getattr(ctensor, name), getattr(torch, name)
    mismatches = []
    bs = [operand_b(name, db) for db in DTYPES]
    tbs = [to_torch(torch, b) for b in bs]
    seen = set()  # (promoted dtype, a bool operand?) of the errors compared
    for da in DTYPES:
        a = operand_a(name, da)
        ta = to_torch(torch, a)
        for db, b, tb in zip(DTYPES, bs, tbs):
            _compare_with_torch(torch, fn, tfn, (a, b), (ta, tb),
                                "%s(%s, %s)" % (name, da.name, db.name), mismatches,
                                (seen, (promote(da, db), B in (da, db))))
        for s in (True, 3, 2.5, 1 - 1j):
            if da is ctensor.float16 and isinstance(s, complex):
                continue  # torch gives complex32
            _compare_with_torch(torch, fn, tfn, (a, s), (ta, s), "%s(%s, %r)" % (name, da.name, s),
                                mismatches)
    assert not mismatches, "\n".join(mismatches)


# ---- isclose, allclose, equal -----------------------------------------------------------------

def test_isclose_allclose_equal():
    inf, nan = float("inf"), float("nan")
    a = ctensor.tensor([1.0, 2.0, inf, -inf, nan, 1e-9, 100.0], dtype=ctensor.float64)
    b = ctensor.tensor([1.0 + 1e-6, 2.1, inf, inf, nan, 0.0, 100.001], dtype=ctensor.float64)
    av, bv = values(a), values(b)
    for kw in ({}, {"rtol": 1e-3}, {"atol": 0.2}, {"equal_nan": True}, {"rtol": 0, "atol": 0}):
        assert_values(ctensor.isclose(a, b, **kw), np.isclose(av, bv, **kw), B)
        assert_values(a.isclose(b, **kw), np.isclose(av, bv, **kw))
        assert ctensor.allclose(a[:2], b[:2], **kw) == np.allclose(av[:2], bv[:2], **kw)
    i = ctensor.tensor([1, 2, 3])
    assert ctensor.isclose(i, ctensor.tensor([1, 2, 4])).tolist() == [True, True, False]
    assert ctensor.isclose(i, 2).tolist() == [False, True, False]
    assert ctensor.allclose(a[:1], b[:1]) is True
    assert ctensor.equal(a[:2], a[:2].clone()) is True
    assert ctensor.equal(a, b) is False
    assert ctensor.equal(i, i[:2]) is False
    raises(ctensor.DTypeError, "isclose", ctensor.isclose, i, ctensor.tensor([1.0, 2.0, 3.0]))


def test_isclose_matches_torch(torch):
    a = make(ctensor.float32, (20,), 1)
    b = ctensor.add(a, make(ctensor.float32, (20,), 2, -1, 1), alpha=1e-5)
    for kw in ({}, {"rtol": 1e-6, "atol": 1e-6}, {"atol": 0}):
        got = ctensor.isclose(a, b, **kw).tolist()
        assert got == torch.isclose(to_torch(torch, a), to_torch(torch, b), **kw).tolist()
