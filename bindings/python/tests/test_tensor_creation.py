"""Creation functions: empty/zeros/ones/full, arange/linspace/eye, tensor(),
the *_like and new_* forms, random factories and generators."""

import math

import pytest

import ctensor
from conftest import ALL_DTYPES
from test_tensor import NP_NAMES, np_dtype


def same(t, a):
    """t has a's shape, dtype (by name) and values."""
    assert t.shape == a.shape
    assert t.dtype.name == a.dtype.name
    assert t.tolist() == a.tolist()


# ---- sized factories -------------------------------------------------------------

@pytest.mark.parametrize("fname", ["zeros", "ones"])
@pytest.mark.parametrize("d", ALL_DTYPES, ids=str)
def test_zeros_ones_all_dtypes(np, fname, d):
    t = getattr(ctensor, fname)(2, 3, dtype=d)
    if d is ctensor.bfloat16:
        assert t.dtype is d and t.tolist() == [[float(fname == "ones")] * 3] * 2
    else:
        same(t, getattr(np, fname)((2, 3), dtype=np_dtype(np, d)))


@pytest.mark.parametrize("fname", ["empty", "zeros", "ones", "rand", "randn"])
def test_size_forms(fname):
    f = getattr(ctensor, fname)
    assert f(2, 3).shape == (2, 3)
    assert f((2, 3)).shape == (2, 3)
    assert f([2, 3]).shape == (2, 3)
    assert f(ctensor.Size([4])).shape == (4,)
    assert f(()).shape == () and f([]).shape == ()
    assert f(0).shape == (0,) and f(2, 0, 1).shape == (2, 0, 1)
    assert f(ctensor.tensor(3)).shape == (3,)
    assert f(2, dtype=ctensor.float64).dtype is ctensor.float64
    assert f(2).dtype is ctensor.float32
    assert f(2, device="cpu").device.type == "cpu"
    assert f(2).is_contiguous()


@pytest.mark.parametrize("fname", ["empty", "zeros", "ones", "rand", "randn"])
def test_size_errors(fname):
    f = getattr(ctensor, fname)
    with pytest.raises(TypeError, match="missing required argument 'size'"):
        f()
    with pytest.raises(TypeError, match="must be tuple of ints, not float"):
        f(2.5)
    with pytest.raises(TypeError, match="found element of type float at pos 1"):
        f(2, 3.0)
    with pytest.raises(TypeError, match="found element of type tuple"):
        f((2, 3), (4,))
    with pytest.raises(ValueError, match="-1 is negative"):
        f(2, -1)
    with pytest.raises(TypeError, match="must be a ctensor.dtype, not str"):
        f(2, dtype="float32")
    with pytest.raises(NotImplementedError, match="requires_grad"):
        f(2, requires_grad=True)
    with pytest.raises(RuntimeError, match="names no device type"):
        f(2, device="gpu")


def test_zeros_torch(torch):
    for d in ALL_DTYPES:
        t = ctensor.zeros(2, 1, dtype=d)
        r = torch.zeros(2, 1, dtype=getattr(torch, d.name))
        assert t.tolist() == r.tolist() and t.stride() == r.stride()


def test_empty_is_writable_and_aligned():
    t = ctensor.empty(5, dtype=ctensor.int32)
    t[:] = 7
    assert t.tolist() == [7] * 5
    assert t.data_ptr() % 64 == 0


def test_out_argument():
    out = ctensor.empty(2, 3, dtype=ctensor.int32)
    r = ctensor.ones(2, 3, out=out)
    assert r is out and out.tolist() == [[1] * 3] * 2 and out.dtype is ctensor.int32
    assert ctensor.zeros(2, 3, out=out) is out and out.tolist() == [[0] * 3] * 2
    assert ctensor.full((2, 3), 4, out=out) is out and out.tolist() == [[4] * 3] * 2
    f = ctensor.empty(4)
    assert ctensor.arange(4, out=f) is f and f.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert ctensor.linspace(0, 1, 4, out=f) is f and f.tolist()[-1] == 1.0
    e = ctensor.empty(2, 2)
    assert ctensor.eye(2, out=e) is e and e.tolist() == [[1.0, 0.0], [0.0, 1.0]]
    g = ctensor.empty(3)
    ctensor.manual_seed(1)
    ctensor.rand(3, out=g)
    ctensor.manual_seed(1)
    assert g.tolist() == ctensor.rand(3).tolist()
    with pytest.raises(RuntimeError, match="does not match dtype of out parameter"):
        ctensor.zeros(2, 3, dtype=ctensor.float64, out=out)
    with pytest.raises(RuntimeError, match="cannot resize"):
        ctensor.zeros(3, out=out)
    with pytest.raises(TypeError, match="'out' must be Tensor"):
        ctensor.zeros(3, out=[0, 0, 0])


# ---- full ------------------------------------------------------------------------

@pytest.mark.parametrize("value,name", [
    (True, "bool"), (3, "int64"), (2.5, "float32"), (1 + 2j, "complex64"), (-7, "int64"),
])
def test_full_infers_dtype(value, name):
    t = ctensor.full((2, 2), value)
    assert t.dtype.name == name and t.tolist() == [[value] * 2] * 2


def test_full_dtypes_and_values(np):
    for d in ALL_DTYPES:
        if d is ctensor.bfloat16:
            continue
        t = ctensor.full([3], 1, dtype=d)
        same(t, np.full((3,), 1, dtype=np_dtype(np, d)))
    assert ctensor.full((2,), 2.75, dtype=ctensor.int32).tolist() == [2, 2]
    assert ctensor.full((), 1.5).shape == ()
    assert ctensor.full((2,), ctensor.tensor(4)).tolist() == [4, 4]
    ctensor.set_default_dtype(ctensor.float64)
    assert ctensor.full((1,), 0.1).dtype is ctensor.float64
    assert ctensor.full((1,), 1j).dtype is ctensor.complex128


def test_full_errors():
    with pytest.raises(TypeError, match="must be tuple of ints, not int"):
        ctensor.full(2, 1.0)
    with pytest.raises(RuntimeError, match="Overflow when unpacking long"):
        ctensor.full((2,), 2 ** 64)
    with pytest.raises(ValueError):
        ctensor.full((2,), 300, dtype=ctensor.uint8)
    with pytest.raises(ValueError):
        ctensor.full((2,), float("nan"), dtype=ctensor.int32)
    with pytest.raises(TypeError, match="'fill_value' must be Number, not str"):
        ctensor.full((2,), "1")


def test_full_torch(torch):
    for value in (True, 3, 2.5, 1 + 2j):
        t = ctensor.full((2,), value)
        r = torch.full((2,), value)
        assert t.dtype.name == str(r.dtype)[6:] and t.tolist() == r.tolist()


# ---- arange, linspace, eye ----------------------------------------------------------------

@pytest.mark.parametrize("args", [
    (5,), (2, 9), (2, 9, 3), (9, 2, -2), (0.0, 1.0, 0.1), (1, 2.5, 0.5), (-3.5, 3),
    (0, 0), (10, 0, -3), (0.5,), (1, 100000, 7),
])
def test_arange_numpy(np, args):
    t = ctensor.arange(*args)
    a = np.arange(*args)
    assert t.shape == a.shape
    if a.dtype.kind == "f":
        assert t.dtype is ctensor.float32
        assert np.allclose(t.tolist(), a.tolist(), rtol=1e-6, atol=1e-6)
    else:
        assert t.dtype is ctensor.int64 and t.tolist() == a.tolist()


@pytest.mark.parametrize("args", [
    (5,), (2, 9, 3), (9, 2, -2), (0.0, 1.0, 0.1), (1, 2.5, 0.5), (-3.5, 3), (0, 1, 0.3),
])
@pytest.mark.parametrize("name", [None, "float64", "int32", "float16", "bfloat16"])
def test_arange_torch(torch, args, name):
    kw = {"dtype": getattr(torch, name)} if name else {}
    ckw = {"dtype": getattr(ctensor, name)} if name else {}
    try:
        r = torch.arange(*args, **kw)
    except RuntimeError:  # a float step truncated to 0 for an integer dtype
        with pytest.raises(ValueError, match="step"):
            ctensor.arange(*args, **ckw)
        return
    t = ctensor.arange(*args, **ckw)
    assert t.dtype.name == str(r.dtype)[6:] and t.tolist() == r.tolist()


def test_arange_forms_and_errors():
    assert ctensor.arange(start=1, end=4).tolist() == [1, 2, 3]
    assert ctensor.arange(4, dtype=ctensor.float64).dtype is ctensor.float64
    assert ctensor.arange(ctensor.tensor(3)).tolist() == [0, 1, 2]
    assert ctensor.arange(ctensor.tensor(1.5)).dtype is ctensor.float32
    with pytest.raises(ValueError, match="step"):
        ctensor.arange(0, 3, 0)
    with pytest.raises(ValueError):
        ctensor.arange(0, 3, -1)
    with pytest.raises(RuntimeError, match="bool"):
        ctensor.arange(3, dtype=ctensor.bool)
    with pytest.raises(TypeError, match="'end' must be Number"):
        ctensor.arange("3")


@pytest.mark.parametrize("args", [(0, 1, 5), (-2.5, 7, 11), (3, 3, 4), (0, 10, 1), (1, 0, 0),
                                  (0, 1, 2), (-1e3, 1e3, 101)])
def test_linspace_numpy(np, args):
    t = ctensor.linspace(*args)
    a = np.linspace(*args)
    assert t.dtype is ctensor.float32 and t.shape == a.shape
    assert np.allclose(t.tolist(), a.tolist(), rtol=1e-6, atol=1e-5)
    t64 = ctensor.linspace(*args, dtype=ctensor.float64)
    assert np.allclose(t64.tolist(), a.tolist(), rtol=1e-14, atol=1e-12)
    if args[2] > 1:
        assert t64.tolist()[0] == args[0] and t64.tolist()[-1] == args[1]


# steps <= 7: PyTorch's scalar loop, which ctensor follows; whether PyTorch's
# `end - step * k` is one fused multiply-add depends on its build, so floats
# may differ in the last place. Longer runs take PyTorch's vectorised loop,
# whose last bits differ more (compared with NumPy above, with a tolerance).
@pytest.mark.parametrize("args", [(0, 1, 5), (-2.5, 7, 6), (0, 10, 7), (1, 0, 0), (5, -5, 7),
                                  (0.1, 0.7, 7), (3, 4, 1)])
@pytest.mark.parametrize("name", [None, "float64", "int64", "float16", "complex64"])
def test_linspace_torch(torch, args, name):
    r = torch.linspace(*args, dtype=getattr(torch, name) if name else None)
    t = ctensor.linspace(*args, dtype=getattr(ctensor, name) if name else None)
    assert t.dtype.name == str(r.dtype)[6:] and t.shape == r.shape
    if not t.dtype.is_floating_point and not t.dtype.is_complex:
        assert t.tolist() == r.tolist()
        return
    eps = {"float64": 2.0 ** -52, "float16": 2.0 ** -10}.get(t.dtype.name, 2.0 ** -23)
    for a, b in zip(t.tolist(), r.tolist()):
        assert abs(a - b) <= 2 * eps * max(1.0, abs(b)), (a, b)


def test_linspace_errors():
    with pytest.raises(ValueError):
        ctensor.linspace(0, 1, -1)
    with pytest.raises(TypeError, match="'steps' must be int"):
        ctensor.linspace(0, 1, 2.5)


@pytest.mark.parametrize("args", [(3,), (2, 4), (4, 2), (0,), (3, 0)])
def test_eye_numpy(np, args):
    t = ctensor.eye(*args)
    a = np.eye(*args, dtype=np.float32)
    same(t, a)
    same(ctensor.eye(*args, dtype=ctensor.int8), np.eye(*args, dtype=np.int8))
    same(ctensor.eye(*args, dtype=ctensor.bool), np.eye(*args, dtype=bool))


def test_eye_errors():
    with pytest.raises(ValueError):
        ctensor.eye(-1)
    with pytest.raises(ValueError):
        ctensor.eye(2, -3)
    with pytest.raises(TypeError, match="'n' must be int"):
        ctensor.eye("2")


# ---- tensor(data) ------------------------------------------------------------------

@pytest.mark.parametrize("data,name", [
    (True, "bool"), (3, "int64"), (2.5, "float32"), (1j, "complex64"),
    ([True, False], "bool"), ([1, 2], "int64"), ([1, 2.5], "float32"),
    ([1, 2.5, 1j], "complex64"), ([True, 2], "int64"), ([True, 2.0], "float32"),
    ([], "float32"), ([[], []], "float32"), ((1, 2), "int64"), ([(1, 2), [3, 4]], "int64"),
    ([[[1], [2]]], "int64"),
])
def test_tensor_inference(data, name):
    t = ctensor.tensor(data)
    assert t.dtype.name == name
    ref = data if not isinstance(data, (list, tuple)) else _as_lists(data)
    assert t.tolist() == ref


def _as_lists(x):
    return [_as_lists(v) for v in x] if isinstance(x, (list, tuple)) else x


def test_tensor_inference_torch(torch):
    for data in ([True, 2], [1, 2.5, 1j], [[1, 2], [3, 4]], 5, [[]], [1e300], [-(2 ** 63)],
                 [[0.1, 0.2], [1e-8, 3]], (True,), [False, 0.5]):
        t = ctensor.tensor(data)
        r = torch.tensor(data)
        assert t.dtype.name == str(r.dtype)[6:] and t.shape == r.shape
        assert t.tolist() == r.tolist()


def test_tensor_shapes_and_dtypes(np):
    data = [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]
    for d in ALL_DTYPES:
        t = ctensor.tensor(data, dtype=d)
        assert t.shape == (2, 2, 3) and t.dtype is d
        if d is not ctensor.bfloat16:
            same(t, np.array(data, dtype=np_dtype(np, d)))
    assert ctensor.tensor([1.9, -1.9], dtype=ctensor.int64).tolist() == [1, -1]
    assert ctensor.tensor([0.0, 0.5], dtype=ctensor.bool).tolist() == [False, True]
    assert ctensor.tensor(3.7, dtype=ctensor.int32).tolist() == 3
    assert ctensor.tensor([1 + 2j, 0], dtype=ctensor.bool).tolist() == [True, False]


def test_tensor_exact_int64():
    big = [2 ** 63 - 1, -(2 ** 63), 2 ** 53 + 1]
    assert ctensor.tensor(big).tolist() == big
    assert ctensor.tensor(2 ** 53 + 1).item() == 2 ** 53 + 1


def test_tensor_from_numpy_arrays(np):
    for name in NP_NAMES.values():
        a = np.arange(6).reshape(2, 3).astype(name)
        same(ctensor.tensor(a), a)
    a = np.arange(6.0).reshape(3, 2).T
    same(ctensor.tensor(a), a)
    assert ctensor.tensor(np.float32(1.5)).dtype is ctensor.float32
    assert ctensor.tensor(np.array(2, dtype=np.int16)).shape == ()
    assert ctensor.tensor([np.float64(1.5), np.int64(2)]).dtype is ctensor.float32
    assert ctensor.tensor([np.bool_(True)]).dtype is ctensor.bool
    assert ctensor.tensor(np.arange(3), dtype=ctensor.float64).dtype is ctensor.float64
    with pytest.raises(TypeError, match="can't convert"):
        ctensor.tensor(np.array(["a"]))


def test_tensor_of_tensors_copies():
    src = ctensor.tensor([1.0, 2.0])
    c = ctensor.tensor(src)
    assert c is not src and c.data_ptr() != src.data_ptr()
    c[0] = 9
    assert src.tolist() == [1.0, 2.0]
    assert ctensor.tensor(src, dtype=ctensor.int32).dtype is ctensor.int32
    assert ctensor.tensor([ctensor.tensor(1), ctensor.tensor(2.5)]).tolist() == [1.0, 2.5]
    assert ctensor.tensor([ctensor.tensor(1), ctensor.tensor(2)]).dtype is ctensor.int64
    assert ctensor.tensor([[ctensor.tensor(True)]]).dtype is ctensor.bool
    with pytest.raises(ValueError, match="only one element tensors"):
        ctensor.tensor([ctensor.ones(2), ctensor.ones(2)])


def test_tensor_errors():
    with pytest.raises(ValueError, match=r"expected sequence of length 2 at dim 1 \(got 1\)"):
        ctensor.tensor([[1, 2], [3]])
    with pytest.raises(ValueError, match=r"expected sequence of length 1 at dim 2 \(got 2\)"):
        ctensor.tensor([[[1], [2]], [[3], [4, 5]]])
    with pytest.raises(TypeError, match="not a sequence"):
        ctensor.tensor([[1, 2], 3])
    with pytest.raises(TypeError, match="list"):
        ctensor.tensor([1, [2]])
    with pytest.raises(RuntimeError, match="Overflow when unpacking long"):
        ctensor.tensor([2 ** 64])
    with pytest.raises(RuntimeError, match="Overflow when unpacking long"):
        ctensor.tensor(2 ** 63)
    with pytest.raises(TypeError, match="invalid data type 'str'"):
        ctensor.tensor("a")
    with pytest.raises(ValueError, match="too many dimensions 'str'"):
        ctensor.tensor(["a"])
    with pytest.raises(RuntimeError, match="Could not infer dtype of object"):
        ctensor.tensor([object()])
    with pytest.raises(RuntimeError, match="Could not infer dtype of NoneType"):
        ctensor.tensor(None)
    with pytest.raises(RuntimeError, match="Could not infer dtype of dict"):
        ctensor.tensor({1: 2})
    with pytest.raises(TypeError, match="invalid data type 'bytes'"):
        ctensor.tensor(b"ab")
    with pytest.raises(NotImplementedError, match="requires_grad"):
        ctensor.tensor([1.0], requires_grad=True)


def test_tensor_ragged_errors_match_torch(torch):
    for data in ([[1, 2], [3]], [[1, 2], 3], [1, [2]], ["a"], [[[1], [2]], [[3], [4, 5]]]):
        with pytest.raises(Exception) as ours:
            ctensor.tensor(data)
        with pytest.raises(Exception) as theirs:
            torch.tensor(data)
        assert type(ours.value) is type(theirs.value), data


# ---- *_like and new_* --------------------------------------------------------------

@pytest.mark.parametrize("fname", ["empty_like", "zeros_like", "ones_like", "rand_like",
                                   "randn_like"])
def test_like(fname):
    f = getattr(ctensor, fname)
    x = ctensor.zeros(2, 3, dtype=ctensor.float64)
    r = f(x)
    assert r.shape == (2, 3) and r.dtype is ctensor.float64 and r.device == x.device
    assert f(x, dtype=ctensor.float16).dtype is ctensor.float16
    assert f(x.T).stride() == (1, 3)  # preserve_format
    assert f(x[:, ::2]).is_contiguous()
    with pytest.raises(TypeError, match="must be Tensor, not list"):
        f([1, 2])
    with pytest.raises(NotImplementedError):
        f(x, requires_grad=True)


def test_like_values(np):
    x = ctensor.tensor([[1, 2], [3, 4]], dtype=ctensor.int16)
    assert ctensor.zeros_like(x).tolist() == [[0, 0], [0, 0]]
    assert ctensor.ones_like(x).dtype is ctensor.int16
    f = ctensor.full_like(x, 7)
    assert f.dtype is ctensor.int16 and f.tolist() == [[7, 7], [7, 7]]
    assert ctensor.full_like(x, 2.5, dtype=ctensor.float32).tolist() == [[2.5, 2.5]] * 2
    r = ctensor.randint_like(x, 10)
    assert r.dtype is ctensor.int16 and all(0 <= v < 10 for row in r.tolist() for v in row)
    r = ctensor.randint_like(x, 5, 8)
    assert all(5 <= v < 8 for row in r.tolist() for v in row)
    r = ctensor.randint_like(x, high=3)
    assert all(0 <= v < 3 for row in r.tolist() for v in row)
    with pytest.raises(TypeError, match="randint_like"):
        ctensor.randint_like(x)
    with pytest.raises(RuntimeError):
        ctensor.rand_like(x)  # integer dtype


def test_new_methods():
    x = ctensor.zeros(3, dtype=ctensor.int32)
    for name in ("new_empty", "new_zeros", "new_ones"):
        f = getattr(x, name)
        assert f(2, 3).shape == (2, 3) and f((2, 3)).shape == (2, 3) and f([]).shape == ()
        assert f(2).dtype is ctensor.int32
        assert f(2, dtype=ctensor.float64).dtype is ctensor.float64
        with pytest.raises(TypeError, match="missing required argument 'size'"):
            f()
    assert x.new_zeros(2).tolist() == [0, 0] and x.new_ones(2).tolist() == [1, 1]
    assert x.new_full((2,), 3.9).tolist() == [3, 3]
    assert x.new_full((2,), 3.9, dtype=ctensor.float64).tolist() == [3.9, 3.9]
    t = x.new_tensor([1.5, 2.5])
    assert t.dtype is ctensor.int32 and t.tolist() == [1, 2]
    assert x.new_tensor([1.5], dtype=ctensor.float32).tolist() == [1.5]
    c = x.new_tensor(x)
    assert c.data_ptr() != x.data_ptr() and c.dtype is ctensor.int32
    with pytest.raises(TypeError, match="must be tuple of ints"):
        x.new_full(2, 1)
    with pytest.raises(NotImplementedError):
        x.new_zeros(2, requires_grad=True)


def test_new_methods_torch(torch):
    x = ctensor.zeros(3, dtype=ctensor.int32)
    tx = torch.zeros(3, dtype=torch.int32)
    assert x.new_tensor([1.5, 2]).tolist() == tx.new_tensor([1.5, 2]).tolist()
    assert x.new_full((2,), 3).dtype.name == str(tx.new_full((2,), 3).dtype)[6:]


# ---- random ------------------------------------------------------------------------

def test_rand_randn_values():
    ctensor.manual_seed(123)
    a = ctensor.rand(1000)
    ctensor.manual_seed(123)
    b = ctensor.rand(1000)
    assert a.tolist() == b.tolist()
    v = a.tolist()
    assert all(0.0 <= x < 1.0 for x in v)
    assert abs(sum(v) / len(v) - 0.5) < 0.05
    n = ctensor.randn(4000, dtype=ctensor.float64).tolist()
    mean = sum(n) / len(n)
    var = sum((x - mean) ** 2 for x in n) / len(n)
    assert abs(mean) < 0.1 and abs(var - 1) < 0.1
    assert ctensor.rand(3, dtype=ctensor.complex64).dtype is ctensor.complex64
    assert ctensor.randn(2, 2, dtype=ctensor.bfloat16).shape == (2, 2)
    with pytest.raises(RuntimeError, match="int64"):
        ctensor.rand(3, dtype=ctensor.int64)
    with pytest.raises(RuntimeError):
        ctensor.randn(3, dtype=ctensor.bool)


def test_randint_forms():
    ctensor.manual_seed(0)
    t = ctensor.randint(5, (1000,))
    assert t.dtype is ctensor.int64 and t.shape == (1000,)
    assert set(t.tolist()) == {0, 1, 2, 3, 4}
    t = ctensor.randint(-3, 3, (2, 500))
    assert set(v for row in t.tolist() for v in row) == {-3, -2, -1, 0, 1, 2}
    assert ctensor.randint(3, 5, size=(2,), dtype=ctensor.float32).dtype is ctensor.float32
    assert ctensor.randint(10, size=[3]).shape == (3,)
    assert ctensor.randint(10, ()).shape == ()
    assert ctensor.randint(2 ** 62, 2 ** 63 - 1, (2,)).tolist()[0] >= 2 ** 62
    with pytest.raises(TypeError, match="missing required argument 'size'"):
        ctensor.randint(5, 2)
    with pytest.raises(TypeError):
        ctensor.randint(1, 2, 3, (4,))
    with pytest.raises(ValueError):
        ctensor.randint(5, 5, (2,))
    with pytest.raises(ValueError):
        ctensor.randint(0, 300, (2,), dtype=ctensor.uint8)
    with pytest.raises(RuntimeError):
        ctensor.randint(0, 3, (2,), dtype=ctensor.complex64)
    with pytest.raises(TypeError, match="'high' must be int"):
        ctensor.randint(0.5, (2,))


def test_generators():
    g = ctensor.Generator()
    assert g.initial_seed() == 67280421310721 and g.device == ctensor.device("cpu")
    assert g.manual_seed(42) is g and g.initial_seed() == 42
    a = ctensor.rand(5, generator=g).tolist()
    b = ctensor.rand(5, generator=g).tolist()
    assert a != b
    g.manual_seed(42)
    assert ctensor.rand(5, generator=g).tolist() == a
    h = ctensor.Generator().manual_seed(42)
    assert ctensor.rand(5, generator=h).tolist() == a
    ctensor.manual_seed(42)
    assert ctensor.rand(5).tolist() == a  # the default generator draws the same numbers
    state = g.get_state()
    assert state.dtype is ctensor.uint8 and state.shape == (16,)
    x = ctensor.randn(3, generator=g).tolist()
    g.set_state(state)
    assert ctensor.randn(3, generator=g).tolist() == x
    with pytest.raises(RuntimeError, match="16 bytes"):
        g.set_state(ctensor.zeros(3))
    assert isinstance(g.seed(), int)
    with pytest.raises(TypeError, match="generator must be"):
        ctensor.rand(2, generator=42)
    r = ctensor.randint(0, 100, (4,), generator=h.manual_seed(7)).tolist()
    assert ctensor.randint(0, 100, (4,), generator=h.manual_seed(7)).tolist() == r
    assert ctensor.rand_like(ctensor.zeros(3), generator=h.manual_seed(1)).tolist() == \
        ctensor.rand(3, generator=h.manual_seed(1)).tolist()


def test_manual_seed():
    g = ctensor.manual_seed(5)
    assert g is ctensor.default_generator and ctensor.initial_seed() == 5
    assert ctensor.manual_seed(-1).initial_seed() == 2 ** 64 - 1
    assert ctensor.manual_seed(2 ** 64 - 1).initial_seed() == 2 ** 64 - 1
    with pytest.raises(RuntimeError, match="Overflow"):
        ctensor.manual_seed(2 ** 64)
    with pytest.raises(TypeError, match="seed must be an int"):
        ctensor.manual_seed(1.5)
    s = ctensor.seed()
    assert ctensor.initial_seed() == s


def test_rand_float_precision_distinct():
    ctensor.manual_seed(0)
    v = ctensor.rand(1 << 12, dtype=ctensor.float64).tolist()
    assert len(set(v)) == len(v)
    assert all(not math.isnan(x) for x in v)


# ---- regressions found by differential testing against torch ----------------------

@pytest.mark.parametrize("fname", ["empty", "zeros", "ones", "rand", "randn"])
def test_size_bool_is_not_a_size(fname):
    with pytest.raises(TypeError, match="must be tuple of ints, not bool"):
        getattr(ctensor, fname)(True)  # torch: TypeError (a bool is no size)


def test_arange_end_keyword_alone():
    assert ctensor.arange(end=4).tolist() == [0, 1, 2, 3]
    assert ctensor.arange(end=2.5).tolist() == [0.0, 1.0, 2.0]
    with pytest.raises(TypeError, match="'end'"):
        ctensor.arange()


def test_tensor_from_ranges():
    assert ctensor.tensor(range(4)).tolist() == [0, 1, 2, 3]
    t = ctensor.tensor([range(2), range(2)], dtype=ctensor.float64)
    assert t.dtype is ctensor.float64 and t.tolist() == [[0.0, 1.0], [0.0, 1.0]]
    assert ctensor.tensor(range(0)).shape == (0,)


def test_tensor_explicit_dtype_is_a_checked_conversion(np):
    # Python numbers convert to an explicit dtype as torch's checked conversion.
    for data, d in (([300], ctensor.uint8), ([-256], ctensor.uint8), (200, ctensor.int8),
                    ([1, 2 ** 31], ctensor.int32), ([1.5, float("nan")], ctensor.int64),
                    (float("inf"), ctensor.int32), ([1e20], ctensor.int64),
                    ([-1.5], ctensor.uint8), ([127.9], ctensor.int8)):
        with pytest.raises(RuntimeError, match="cannot be converted to type .* without overflow"):
            ctensor.tensor(data, dtype=d)
    with pytest.raises(TypeError, match="must be real number, not complex"):
        ctensor.tensor([1 + 2j], dtype=ctensor.float64)
    with pytest.raises(TypeError, match="must be real number, not complex"):
        ctensor.tensor(1j, dtype=ctensor.int32)
    # In range, truncated, or to bool / float / complex: fine.
    assert ctensor.tensor([255, 0], dtype=ctensor.uint8).tolist() == [255, 0]
    assert ctensor.tensor([-128, 126.9], dtype=ctensor.int8).tolist() == [-128, 126]
    assert ctensor.tensor([-1, -255], dtype=ctensor.uint8).tolist() == [255, 1]  # as torch
    assert ctensor.tensor([2 ** 63 - 1], dtype=ctensor.int64).tolist() == [2 ** 63 - 1]
    assert ctensor.tensor([1e5], dtype=ctensor.float16).tolist() == [float("inf")]
    assert ctensor.tensor([2j], dtype=ctensor.bool).tolist() == [True]
    assert ctensor.ones(1, dtype=ctensor.uint8).new_tensor([7]).dtype is ctensor.uint8
    with pytest.raises(RuntimeError, match="without overflow"):
        ctensor.ones(1, dtype=ctensor.uint8).new_tensor([256])
    # NumPy data converts as .to() does (torch: from_numpy then a cast), unchecked.
    assert ctensor.tensor(np.array([300]), dtype=ctensor.uint8).tolist() == [44]


def test_tensor_checked_conversion_matches_torch(torch):
    for data, name in (([300], "uint8"), ([-1], "uint8"), ([-256], "uint8"), ([-0.5], "uint8"),
                       ([127.9], "int8"), (200, "int8"), ([1.5, 2], "int64"),
                       (float("nan"), "int64"), ([1e20], "int64"), ([1 + 2j], "float64"),
                       ([1e5], "float16"), ([2j, 0], "bool"), ([True, 2], "int8")):
        try:
            r = torch.tensor(data, dtype=getattr(torch, name))
        except Exception as e:
            with pytest.raises(type(e)):
                ctensor.tensor(data, dtype=getattr(ctensor, name))
        else:
            assert ctensor.tensor(data, dtype=getattr(ctensor, name)).tolist() == r.tolist()


def test_tensor_bad_data_errors_match_torch(torch):
    for data in (None, [1, None], object(), {1: 2}, {1, 2}, "a", b"a", range(3), [range(2)]):
        try:
            r = torch.tensor(data)
        except Exception as e:
            with pytest.raises(type(e)):
                ctensor.tensor(data)
        else:
            assert ctensor.tensor(data).tolist() == r.tolist()
