"""Helpers of the operator tests (test_ops_*.py), and the tests of what every
operator shares: the namespace, the elementwise table against the C spec,
and torch's promotion rules.

Inputs are built with ctensor.tensor(list) and results compared through
tolist() with NumPy, computed on the very values ctensor holds, and, where
the interpreter has it, with PyTorch.
"""

import importlib.util
import os

import pytest

import ctensor

np = pytest.importorskip("numpy")

DTYPES = (
    ctensor.bool, ctensor.uint8, ctensor.int8, ctensor.int16, ctensor.int32, ctensor.int64,
    ctensor.float16, ctensor.bfloat16, ctensor.float32, ctensor.float64,
    ctensor.complex64, ctensor.complex128,
)
INTS = (ctensor.uint8, ctensor.int8, ctensor.int16, ctensor.int32, ctensor.int64)
FLOATS = (ctensor.float16, ctensor.bfloat16, ctensor.float32, ctensor.float64)
COMPLEX = (ctensor.complex64, ctensor.complex128)

# NumPy dtypes to compute references in: integers and bool exactly, floating in double.
_EXACT = {ctensor.bool: np.bool_, ctensor.uint8: np.uint8, ctensor.int8: np.int8,
          ctensor.int16: np.int16, ctensor.int32: np.int32, ctensor.int64: np.int64}
# The NumPy dtype with a dtype's own precision (bfloat16 computes in float32, as in C).
NATIVE = dict(_EXACT)
NATIVE.update({ctensor.float16: np.float16, ctensor.bfloat16: np.float32,
               ctensor.float32: np.float32, ctensor.float64: np.float64,
               ctensor.complex64: np.complex64, ctensor.complex128: np.complex128})
# (rtol, atol) of a result of each inexact dtype against a double-precision reference.
TOL = {ctensor.float16: (2e-3, 1e-3), ctensor.bfloat16: (1.6e-2, 1e-2),
       ctensor.float32: (2e-6, 1e-6), ctensor.float64: (1e-12, 1e-13),
       ctensor.complex64: (2e-6, 1e-6), ctensor.complex128: (1e-12, 1e-13)}


def category(d):
    """0 bool, 1 integer, 2 floating, 3 complex."""
    if d is ctensor.bool:
        return 0
    return 3 if d.is_complex else 2 if d.is_floating_point else 1


def hp(d):
    """The NumPy dtype a reference for dtype d is computed in."""
    if d in _EXACT:
        return _EXACT[d]
    return np.complex128 if d.is_complex else np.float64


def values(t, dtype=None):
    """A tensor's values as a NumPy array (of dtype, or the reference dtype of t's)."""
    return np.array(t.tolist(), dtype=dtype or hp(t.dtype)).reshape(tuple(t.shape))


def make(dtype, shape=(2, 3), seed=0, low=-3, high=3, nonzero=False):
    """A tensor of dtype and shape with reproducible pseudo-random values in [low, high]."""
    rng = np.random.RandomState(seed)
    if dtype is ctensor.bool:
        v = np.array(rng.randint(0, 2, shape).astype(bool))
        if nonzero:
            v[...] = True
    elif dtype in INTS:
        lo = max(low, 0) if dtype is ctensor.uint8 else low
        v = np.array(rng.randint(lo, high + 1, shape))
        if nonzero:
            v[v == 0] = high if high != 0 else low
    else:
        v = np.array(np.round(rng.uniform(low, high, shape), 2))
        if dtype.is_complex:
            v = v + 1j * np.round(rng.uniform(low, high, shape), 2)
        if nonzero:
            v[v == 0] = 0.5
    return ctensor.tensor(v.tolist(), dtype=dtype).reshape(v.shape)  # keeps empty shapes


def assert_values(result, expected, dtype=None):
    """result (a Tensor) equals expected (an array-like) in shape and values,
    within the tolerance of result's dtype; and has dtype when one is given."""
    expected = np.asarray(expected)
    if dtype is not None:
        assert result.dtype == dtype, (result.dtype, dtype)
    assert tuple(result.shape) == expected.shape, (tuple(result.shape), expected.shape)
    got = values(result)
    if result.dtype in TOL:
        rtol, atol = TOL[result.dtype]
        np.testing.assert_allclose(got, expected.astype(got.dtype), rtol=rtol, atol=atol,
                                   equal_nan=True)
    else:
        np.testing.assert_array_equal(got, expected.astype(got.dtype))


def assert_same(a, b):
    """Two tensors with equal dtype, shape and values (NaN equal to NaN)."""
    assert a.dtype == b.dtype and tuple(a.shape) == tuple(b.shape)
    np.testing.assert_array_equal(values(a), values(b))


def to_torch(torch, t):
    """A torch tensor with t's dtype, shape and values."""
    return torch.tensor(t.tolist(), dtype=getattr(torch, t.dtype.name))


def torch_dtype_name(d):
    return str(d).split(".")[-1]


def raises(exc, fragment, fn, *args, **kwargs):
    """fn(*args, **kwargs) raises exc with fragment in its message."""
    with pytest.raises(exc) as info:
        fn(*args, **kwargs)
    assert fragment in str(info.value), (fragment, str(info.value))
    return info.value


# ---- torch's promotion, written out as the test oracle --------------------------------------

def promote(a, b):
    """torch.promote_types(a, b) for ctensor dtypes."""
    if a is b:
        return a
    ca, cb = category(a), category(b)
    if ca != cb:
        hi, lo = (a, b) if ca > cb else (b, a)
        if hi.is_complex and lo is ctensor.float64:
            return ctensor.complex128
        return hi
    if ca == 1:
        if ctensor.uint8 in (a, b):
            other = b if a is ctensor.uint8 else a
            return ctensor.int16 if other is ctensor.int8 else other
        return a if a.itemsize > b.itemsize else b
    if {a, b} == {ctensor.float16, ctensor.bfloat16}:
        return ctensor.float32
    return a if a.itemsize > b.itemsize else b


def promote_scalar(d, x):
    """The dtype of (tensor of dtype d) op (Python number x), as torch."""
    kind = {bool: 0, int: 1, float: 2, complex: 3}[type(x)]
    if kind <= category(d):
        return d
    if kind == 1:
        return ctensor.int64
    if kind == 2:
        return ctensor.get_default_dtype()
    return ctensor.complex128 if d is ctensor.float64 else ctensor.complex64


# ---- the elementwise spec of the C library ---------------------------------------------------

def load_spec():
    """tools/gen_elementwise_header.py (the spec the C header is generated from),
    or None outside a source tree."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "..", "tools", "gen_elementwise_header.py")
    if not os.path.exists(path):
        return None
    spec = importlib.util.spec_from_file_location("gen_elementwise_header", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SPEC = load_spec()
needs_spec = pytest.mark.skipif(SPEC is None, reason="tools/gen_elementwise_header.py not found")


def spec_ops():
    """(binary names, unary names, ternary C function names) of the spec."""
    if SPEC is None:
        return (), (), ()
    return ([r[0] for r in SPEC.BINARY], [r[0] for r in SPEC.UNARY],
            [r[0] for r in SPEC.TERNARY])


# ---- tests ----------------------------------------------------------------------------------

@needs_spec
def test_every_elementwise_op_is_a_function_method_and_inplace_method():
    binary, unary, ternary = spec_ops()
    assert len(binary) >= 20 and len(unary) >= 40
    ternary = sorted({n[3:].rstrip("_").replace("_out", "").replace("_scalar", "")
                      for n in ternary})
    assert ternary == ["clamp", "lerp", "where"]
    lib = ctensor._lib.lib
    for name in binary + unary + ternary:
        assert callable(getattr(ctensor, name)), name
        assert callable(getattr(ctensor.Tensor, name)), name
        assert getattr(ctensor.Tensor, name).__doc__, name
        if hasattr(lib, "ct_%s_" % name):
            assert callable(getattr(ctensor.Tensor, name + "_")), name
        assert name in ctensor._ops.__all__, name


@needs_spec
def test_python_tables_match_the_spec():
    from ctensor import _ops_elementwise as ew
    binary, unary, _ = spec_ops()
    mine_binary = [r[0] for r in ew.BINARY + ew.BINARY_ALPHA] + ["div"]
    mine_unary = [r[0] for r in ew.UNARY] + ["gelu", "softplus", "round", "nan_to_num"]
    assert sorted(mine_binary) == sorted(binary)
    assert sorted(mine_unary) == sorted(unary)


def test_all_names_are_exported_and_documented():
    for name in ctensor._ops.__all__:
        obj = getattr(ctensor, name)
        assert obj is getattr(ctensor._ops, name)
        assert obj.__doc__, name


def test_operator_functions_cover_the_headers():
    """Every op of the operator headers has its Python name."""
    names = ("view reshape transpose permute squeeze unsqueeze expand expand_as flatten unflatten "
             "narrow select diagonal unfold movedim cat concat stack split chunk unbind "
             "flip roll repeat tile tril triu sum prod mean max min amax amin argmax argmin var "
             "std var_mean std_mean norm all any count_nonzero logsumexp cumsum cumprod softmax "
             "log_softmax sort argsort topk unique matmul mm bmm mv dot outer addmm baddbmm "
             "index_select gather scatter scatter_add masked_fill masked_select nonzero take "
             "broadcast_to").split()
    method_only = {"view", "expand", "expand_as", "unfold", "repeat"}
    function_only = {"cat", "concat", "stack"}
    for name in names:
        if name not in method_only:
            assert callable(getattr(ctensor, name)), name
        if name not in function_only:
            assert callable(getattr(ctensor.Tensor, name)), name
    for name in ("result_type", "promote_types", "can_cast", "einsum", "view_as_real",
                 "view_as_complex", "real", "imag"):
        assert callable(getattr(ctensor, name)), name
    assert isinstance(ctensor.Tensor.real, property) and isinstance(ctensor.Tensor.imag, property)
    for name in ("tril_", "triu_", "cumsum_", "cumprod_", "scatter_", "scatter_add_",
                 "masked_fill_", "addmm_", "baddbmm_", "index_put_", "clamp_", "lerp_", "where_"):
        assert callable(getattr(ctensor.Tensor, name)), name


def test_aliases_are_the_same_functions():
    for alias, name in (("subtract", "sub"), ("multiply", "mul"), ("divide", "div"),
                        ("greater", "gt"), ("less_equal", "le"), ("not_equal", "ne"),
                        ("absolute", "abs"), ("negative", "neg"), ("arctan2", "atan2"),
                        ("clip", "clamp"), ("concat", "cat"), ("swapaxes", "transpose"),
                        ("moveaxis", "movedim")):
        assert getattr(ctensor, alias) is getattr(ctensor, name)
    x = make(ctensor.float32)
    assert_same(x.subtract(1), x - 1)
    y = x.clone()
    assert y.multiply_(2) is y
    assert_same(y, x * 2)


def test_promotion_oracle_matches_torch(torch):
    """The oracle the tests use without torch gives torch's dtypes."""
    for a in DTYPES:
        for b in DTYPES:
            expected = torch.promote_types(getattr(torch, a.name), getattr(torch, b.name))
            assert promote(a, b).name == torch_dtype_name(expected), (a, b)
        for x in (True, 2, 2.5, 1j):
            if a is ctensor.float16 and isinstance(x, complex):
                continue  # torch gives complex32, which ctensor does not have
            got = (torch.ones(2, dtype=getattr(torch, a.name)) + x).dtype
            assert promote_scalar(a, x).name == torch_dtype_name(got), (a, x)


def test_result_type_promote_types_can_cast():
    for a in DTYPES:
        for b in DTYPES:
            assert ctensor.promote_types(a, b) is promote(a, b)
            ta, tb = make(a, (2,)), make(b, (2,))
            assert ctensor.result_type(ta, tb) is promote(a, b)
        for x in (False, 3, -1.5, 2j):
            if a is ctensor.float16 and isinstance(x, complex):
                continue
            assert ctensor.result_type(make(a, (2,)), x) is promote_scalar(a, x)
            assert ctensor.result_type(x, make(a, (2,))) is promote_scalar(a, x)
    # A 0-d tensor decides only when its category is higher.
    assert ctensor.result_type(ctensor.tensor([1], dtype=ctensor.int8),
                               ctensor.tensor(5, dtype=ctensor.int64)) is ctensor.int8
    assert ctensor.result_type(ctensor.tensor([1], dtype=ctensor.int8),
                               ctensor.tensor(5.0, dtype=ctensor.float64)) is ctensor.float64
    assert ctensor.result_type(2, 2.5) is ctensor.float32
    assert ctensor.can_cast(ctensor.int32, ctensor.float16)
    assert not ctensor.can_cast(ctensor.float32, ctensor.int64)
    assert not ctensor.can_cast(ctensor.complex64, ctensor.float64)
    assert not ctensor.can_cast(ctensor.int8, ctensor.bool)
    raises(TypeError, "result_type", ctensor.result_type, [1], make(ctensor.float32))
    raises(TypeError, "dtype", ctensor.promote_types, ctensor.float32, "float64")


def test_result_type_and_can_cast_match_torch(torch):
    for a in DTYPES:
        for b in DTYPES:
            ta, tb = make(a, (2,)), make(b, (2,))
            expected = torch.result_type(to_torch(torch, ta), to_torch(torch, tb))
            assert ctensor.result_type(ta, tb).name == torch_dtype_name(expected)
            expected = torch.can_cast(getattr(torch, a.name), getattr(torch, b.name))
            assert ctensor.can_cast(a, b) == expected, (a, b)


def test_non_tensor_arguments_are_type_errors():
    x = make(ctensor.float32)
    for fn, args in ((ctensor.add, ([1, 2], x)), (ctensor.exp, (1.0,)), (ctensor.sum, ([1],)),
                     (ctensor.matmul, (x, [[1.0]])), (ctensor.cat, (x,)),
                     (ctensor.reshape, (x, "a")), (ctensor.gather, (x, 0, [0]))):
        raises(TypeError, fn.__name__, fn, *args)
    raises(TypeError, "add", ctensor.add, 1, 2)


IDIOMS = """
x = torch.tensor([[1.0, -2.0, 3.0, 0.5], [4.0, 5.0, -6.0, 2.0], [0.0, 1.5, 2.5, -1.0]])
y = torch.tensor([[0.5, 1.0, 1.5, 2.0], [2.5, 3.0, 3.5, 4.0], [4.5, 5.0, 5.5, 6.0]])
idx = torch.tensor([[0, 3], [1, 2], [2, 0]])
out = []
out.append(torch.sum(x, dim=1, keepdim=True))
out.append(x.mean(dim=(0, 1)))
out.append(torch.max(x, 1)[1])
out.append(x.argmax(dim=1))
out.append(torch.cat((x, y), dim=0))
out.append(torch.stack([x, y], dim=1))
out.append(x.view(-1, 2).permute(1, 0).contiguous())
out.append(x.unsqueeze(0).expand(2, -1, -1))
out.append(x.masked_fill(x < 0, float("-inf")))
out.append(torch.where(x > 0, x, torch.zeros_like(x)))
out.append(x.clamp(min=0))
out.append(torch.topk(x, 2, dim=1).values)
out.append(x.sort(dim=1, descending=True).indices)
out.append(torch.einsum("ij,kj->ik", x, y))
out.append(x.softmax(dim=-1))
out.append(x.std(dim=0, keepdim=True))
out.append(x.norm(dim=1))
out.append(torch.matmul(x, y.t()))
out.append(x.pow(2).sum())
out.append(y ** 0.5)
z = y.clone()
z.sqrt_()
out.append(z)
z.mul_(0.9).add_(x, alpha=0.1)
out.append(z)
out.append(torch.gather(x, 1, idx))
out.append(torch.zeros(3, 4).scatter_(1, idx, 1.0))
out.append(x.index_select(0, idx[:, 0]))
out.append(torch.nonzero(x > 1))
out.extend(x.split(2, dim=1))
out.extend(torch.chunk(x, 3, dim=0))
out.append(x.flatten(1))
out.append(x.flip(dims=[0]))
out.append(torch.roll(x, shifts=1, dims=0))
out.append(torch.tril(x, diagonal=-1))
out.append((x * 2 - 1) / (y + 1) // 0.5 % 3)
out.append(-x.abs() ** 2 >= -4)
out.append(torch.logsumexp(x, dim=1))
out.append(x.cumsum(dim=0))
out.append(torch.exp(x).log1p().sigmoid().tanh())
out.append(x.t() @ y)
out.append(x.sum(1) / x.count_nonzero(1))
out.append(torch.allclose(x, x + 1e-9))
out.append(torch.equal(x, y))
out.append(x.var(unbiased=False))
out.append(x.reshape(2, 6).amax(1))
"""


def test_torch_idioms_run_unchanged(torch):
    """Typical PyTorch code runs with ctensor in place of torch and gives torch's results."""
    got, want = {"torch": ctensor}, {"torch": torch}
    exec(IDIOMS, got)
    exec(IDIOMS, want)
    assert len(got["out"]) == len(want["out"])
    for i, (g, w) in enumerate(zip(got["out"], want["out"])):
        if isinstance(w, bool):
            assert g is w, i
            continue
        assert g.dtype.name == torch_dtype_name(w.dtype), (i, g.dtype, w.dtype)
        assert tuple(g.shape) == tuple(w.shape), i
        np.testing.assert_allclose(values(g), np.array(w.tolist(), dtype=hp(g.dtype)),
                                   rtol=1e-5, atol=1e-6, err_msg=str(i))


def test_operators_leak_nothing():
    """Every tensor an op returns, and every temporary (wrapped numbers,
    multi-output arrays, failed calls), is released."""
    import gc

    from conftest import live_blocks

    def work():
        x = make(ctensor.float32, (3, 4), 1)
        i = ctensor.tensor([[0, 2], [1, 1], [3, 0]])
        _ = (x + 1, 2 - x, x * x, x @ x.t(), -x, x < 0.5, abs(x), x.sum(1), x.max(1),
             x.sort(0), x.topk(2), x.split(2, 1), x.chunk(2), x.unbind(), x.var_mean(0),
             ctensor.unique(i, return_inverse=True, return_counts=True), ctensor.where(x > 0, x, 0),
             ctensor.clamp(x, -1, ctensor.tensor(1.0)), ctensor.einsum("ij,kj,kl->il", x, x, x),
             ctensor.nonzero(x > 0, as_tuple=True), ctensor.isclose(x, x), x.gather(1, i),
             ctensor.cat([x, x]), ctensor.result_type(x, 2), x.view(2, 6).t().reshape(-1))
        y = x.clone()
        y += 1
        y.add_(x, alpha=2).clamp_(max=3).masked_fill_(y > 2, 0)
        ctensor.add(x, 1, out=y)
        ctensor.max(x, 1, out=(ctensor.empty(3), ctensor.empty(3, dtype=ctensor.int64)))
        for bad in (lambda: x + ctensor.zeros(5), lambda: x.view(5), lambda: x.split([1, 1]),
                    lambda: ctensor.sort(x, out=(x, x)), lambda: 1 - ctensor.tensor([True])):
            with pytest.raises(ctensor.CTensorError):
                bad()

    work()
    gc.collect()
    before = live_blocks()
    for _ in range(3):
        work()
    gc.collect()
    assert live_blocks() == before
