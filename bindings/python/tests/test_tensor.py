"""Tensor core: dtypes, devices, Size, properties, conversions, Python protocols,
printing, errors and reference counting."""

import copy
import gc
import pickle

import pytest

import ctensor
from conftest import ALL_DTYPES, live_blocks

NP_NAMES = {  # ctensor dtype name -> NumPy dtype name (bfloat16 has none)
    "bool": "bool", "uint8": "uint8", "int8": "int8", "int16": "int16", "int32": "int32",
    "int64": "int64", "float16": "float16", "float32": "float32", "float64": "float64",
    "complex64": "complex64", "complex128": "complex128",
}


def np_dtype(np, d):
    return np.dtype(NP_NAMES[d.name])


# ---- errors -----------------------------------------------------------------

@pytest.mark.parametrize("code,name,kind,base", [
    (1, "InvalidArgumentError", "INVALID_ARGUMENT", ValueError),
    (2, "ShapeError", "SHAPE", RuntimeError),
    (3, "DTypeError", "DTYPE", RuntimeError),
    (4, "DeviceError", "DEVICE", RuntimeError),
    (5, "IndexOutOfRangeError", "INDEX", IndexError),
    (6, "ReadOnlyError", "READ_ONLY", ValueError),
    (7, "OutOfMemoryError", "OUT_OF_MEMORY", MemoryError),
    (8, "NotSupportedError", "NOT_IMPLEMENTED", NotImplementedError),
    (9, "BackendUnavailableError", "BACKEND_UNAVAILABLE", RuntimeError),
    (10, "DLPackError", "DLPACK", BufferError),
    (11, "InternalError", "INTERNAL", RuntimeError),
])
def test_error_classes(code, name, kind, base):
    from ctensor import _errors
    cls = getattr(ctensor, name)
    assert issubclass(cls, ctensor.CTensorError) and issubclass(cls, base)
    assert cls.code == code and cls.kind == kind
    assert _errors.ERRORS[code] is cls
    assert _errors.check(0) is None


def test_error_carries_the_c_message():
    with pytest.raises(ctensor.IndexOutOfRangeError) as info:
        ctensor.zeros(3)[5]
    err = info.value
    assert isinstance(err, IndexError) and isinstance(err, ctensor.CTensorError)
    assert err.code == 5 and err.kind == "INDEX"
    assert "index 5 is out of bounds for dimension 0 with size 3" in str(err)


def test_error_from_status_unknown_code():
    from ctensor import _errors
    err = _errors.error_from_status(99)
    assert type(err) is ctensor.CTensorError and err.code == 99


# ---- dtypes -----------------------------------------------------------------

@pytest.mark.parametrize("name,aliases", [
    ("float32", ["float"]), ("float64", ["double"]), ("float16", ["half"]), ("bfloat16", []),
    ("complex64", ["cfloat"]), ("complex128", ["cdouble"]), ("int8", []),
    ("int16", ["short"]), ("int32", ["int"]), ("int64", ["long"]), ("uint8", []), ("bool", []),
])
def test_dtype_names_and_aliases(name, aliases):
    d = getattr(ctensor, name)
    assert isinstance(d, ctensor.dtype)
    assert repr(d) == str(d) == "ctensor." + name
    for a in aliases:
        assert getattr(ctensor, a) is d


def test_dtype_attributes_match_numpy(np):
    for d in ALL_DTYPES:
        if d is ctensor.bfloat16:
            assert (d.itemsize, d.is_floating_point, d.is_complex, d.is_signed) == \
                (2, True, False, True)
            continue
        nd = np_dtype(np, d)
        assert d.itemsize == nd.itemsize
        assert d.is_floating_point == (nd.kind == "f")
        assert d.is_complex == (nd.kind == "c")
        assert d.is_signed == (nd.kind not in "bu")


def test_dtype_attributes_match_torch(torch):
    for d in ALL_DTYPES:
        td = getattr(torch, d.name)
        assert d.is_floating_point == td.is_floating_point
        assert d.is_complex == td.is_complex
        assert d.is_signed == td.is_signed
        assert d.itemsize == torch.empty(0, dtype=td).element_size()


def test_dtype_is_singleton_and_immutable():
    from ctensor._dtype import code_of, from_code
    assert [d.code for d in ALL_DTYPES] == list(range(12))
    for d in ALL_DTYPES:
        assert from_code(d.code) is d and code_of(d) == d.code
        assert pickle.loads(pickle.dumps(d)) is d
        assert copy.deepcopy(d) is d
    assert code_of(None) == -1
    with pytest.raises(AttributeError, match="immutable"):
        ctensor.float32.itemsize = 8
    with pytest.raises(TypeError, match="cannot create"):
        ctensor.dtype()
    with pytest.raises(TypeError, match="must be a ctensor.dtype, not str"):
        code_of("float32")
    assert len({ctensor.float32, ctensor.float, ctensor.float64}) == 2


def test_dtype_to_complex_and_to_real():
    assert ctensor.float32.to_complex() is ctensor.complex64
    assert ctensor.float64.to_complex() is ctensor.complex128
    assert ctensor.complex128.to_real() is ctensor.float64
    assert ctensor.complex64.to_real() is ctensor.float32
    assert ctensor.int32.to_real() is ctensor.int32
    with pytest.raises(TypeError, match="floating point"):
        ctensor.int64.to_complex()


def test_default_dtype():
    assert ctensor.get_default_dtype() is ctensor.float32
    ctensor.set_default_dtype(ctensor.float64)
    assert ctensor.get_default_dtype() is ctensor.float64
    assert ctensor.zeros(2).dtype is ctensor.float64
    assert ctensor.tensor([1.5]).dtype is ctensor.float64
    assert ctensor.tensor([1j]).dtype is ctensor.complex128
    assert ctensor.tensor([1]).dtype is ctensor.int64
    for bad in (ctensor.int64, ctensor.complex64, ctensor.bool):
        with pytest.raises(TypeError, match="only floating-point types"):
            ctensor.set_default_dtype(bad)
    assert ctensor.get_default_dtype() is ctensor.float64


def test_promote_types_and_can_cast(torch):
    for a in ALL_DTYPES:
        for b in ALL_DTYPES:
            ta, tb = getattr(torch, a.name), getattr(torch, b.name)
            assert ctensor.promote_types(a, b).name == str(torch.promote_types(ta, tb))[6:]
            assert ctensor.can_cast(a, b) == torch.can_cast(ta, tb), (a, b)


def test_promote_types_without_torch():
    assert ctensor.promote_types(ctensor.uint8, ctensor.int8) is ctensor.int16
    assert ctensor.promote_types(ctensor.float16, ctensor.bfloat16) is ctensor.float32
    assert ctensor.promote_types(ctensor.float64, ctensor.complex64) is ctensor.complex128
    assert ctensor.can_cast(ctensor.int64, ctensor.float16)
    assert not ctensor.can_cast(ctensor.float32, ctensor.int64)


# ---- devices ----------------------------------------------------------------

def test_device_forms():
    cpu = ctensor.device("cpu")
    assert (cpu.type, cpu.index) == ("cpu", None)
    assert repr(cpu) == "device(type='cpu')" and str(cpu) == "cpu"
    c1 = ctensor.device("cuda:1")
    assert (c1.type, c1.index) == ("cuda", 1)
    assert repr(c1) == "device(type='cuda', index=1)" and str(c1) == "cuda:1"
    assert ctensor.device("cuda", 1) == c1 == ctensor.device(1) == ctensor.device(c1)
    assert hash(ctensor.device("cuda", 1)) == hash(c1)
    assert ctensor.device("cpu:0").index == 0
    assert ctensor.device("cpu:0") != cpu
    assert ctensor.device("cuda") != ctensor.device("cuda:0")
    assert pickle.loads(pickle.dumps(c1)) == c1
    assert cpu != "cpu"
    with pytest.raises(AttributeError):
        cpu.index = 3


def test_device_errors():
    with pytest.raises(RuntimeError, match="foo"):
        ctensor.device("foo")
    with pytest.raises(RuntimeError, match="must not include an index"):
        ctensor.device("cuda:0", 1)
    with pytest.raises(TypeError):
        ctensor.device(1.5)
    with pytest.raises(RuntimeError, match="must not be negative"):
        ctensor.device("cuda", -2)


def test_device_parse():
    from ctensor import _capi
    from ctensor._device import parse
    assert parse(None) == (_capi.CT_DEVICE_NONE, -1)
    assert parse("cpu") == (_capi.CT_DEVICE_CPU, -1)
    assert parse("cuda:2") == (_capi.CT_DEVICE_CUDA, 2)
    assert parse(ctensor.device("cuda", 3)) == (_capi.CT_DEVICE_CUDA, 3)
    assert parse(1) == (_capi.CT_DEVICE_CUDA, 1)
    with pytest.raises(TypeError, match="device must be"):
        parse(2.0)


def test_cuda_namespace():
    import ctensor.cuda
    avail = ctensor.cuda.is_available()
    assert isinstance(avail, bool)
    assert avail == (ctensor.cuda.device_count() > 0)
    if not avail:
        with pytest.raises(RuntimeError, match="cuda"):
            ctensor.ones(2).cuda()
        with pytest.raises(RuntimeError, match="cuda"):
            ctensor.zeros(2, device="cuda")


# ---- Size -------------------------------------------------------------------

def test_size():
    s = ctensor.zeros(2, 3).shape
    assert type(s) is ctensor.Size and isinstance(s, tuple)
    assert s == (2, 3) and s == ctensor.Size([2, 3])
    assert repr(s) == str(s) == "ctensor.Size([2, 3])"
    assert repr(ctensor.Size([])) == "ctensor.Size([])"
    assert type(s[1:]) is ctensor.Size and s[1:] == (3,)
    assert s[0] == 2 and type(s[0]) is int
    assert type(s + (4,)) is ctensor.Size and s + (4,) == (2, 3, 4)
    assert s.numel() == 6 and ctensor.Size([]).numel() == 1
    assert pickle.loads(pickle.dumps(s)) == s
    assert ctensor.zeros(s).shape == s


def test_size_matches_torch(torch):
    ts = torch.zeros(2, 3).shape
    cs = ctensor.zeros(2, 3).shape
    assert repr(cs) == repr(ts).replace("torch.", "ctensor.")
    assert repr(cs[1:]) == repr(ts[1:]).replace("torch.", "ctensor.")


# ---- properties ---------------------------------------------------------------

def _views(np):
    """(ctensor view, NumPy view) pairs of the same 3-d data."""
    base = np.arange(60, dtype=np.float64).reshape(3, 4, 5)
    t = ctensor.tensor(base)
    return [
        (t, base),
        (t[1], base[1]),
        (t[:, 1:3], base[:, 1:3]),
        (t[..., ::2], base[..., ::2]),
        (t.mT, np.swapaxes(base, -1, -2)),
        (t.T, base.T),
        (t[2, 3, 4], base[2, 3, 4]),
        (t[:, :0], base[:, :0]),
    ]


def test_properties_match_numpy(np):
    for t, a in _views(np):
        assert t.shape == a.shape and t.size() == a.shape
        assert t.dim() == t.ndim == t.ndimension() == a.ndim
        assert t.numel() == t.nelement() == a.size
        assert t.element_size() == t.itemsize == a.itemsize
        assert t.nbytes == a.nbytes
        if a.size:
            assert t.stride() == tuple(s // a.itemsize for s in a.strides)
            assert t.is_contiguous() == a.flags.c_contiguous
        for d in range(-a.ndim, a.ndim):
            assert t.size(d) == a.shape[d]
            assert t.stride(d) == t.stride()[d]
        assert t.tolist() == a.tolist()


def test_storage_offset_and_data_ptr():
    t = ctensor.zeros(3, 4)
    v = t[1, 2:]
    assert t.storage_offset() == 0 and v.storage_offset() == 6
    assert v.data_ptr() - t.data_ptr() == 6 * 4
    assert v.stride() == (1,) and t.stride() == (4, 1)
    assert t.T.stride() == (1, 4) and not t.T.is_contiguous()
    assert t.data_ptr() % 64 == 0


def test_size_and_stride_dim_errors():
    t = ctensor.zeros(2, 2)
    with pytest.raises(IndexError, match=r"expected to be in range of \[-2, 1\], but got 5"):
        t.size(5)
    with pytest.raises(IndexError, match=r"but got -3"):
        t.stride(-3)
    with pytest.raises(TypeError, match="dim must be an int"):
        t.size(1.0)


def test_misc_properties():
    t = ctensor.zeros(2, 3, dtype=ctensor.int16)
    assert t.dtype is ctensor.int16
    assert t.device == ctensor.device("cpu") and t.device.index is None
    assert not t.is_cuda and t.is_cpu
    assert t.layout is ctensor.strided
    assert not t.requires_grad and t.grad is None and t.is_leaf
    assert not t.is_floating_point() and not t.is_complex() and t.is_signed()
    assert ctensor.zeros(1, dtype=ctensor.cfloat).is_complex()
    assert ctensor.is_floating_point(ctensor.zeros(1)) and ctensor.is_complex(
        ctensor.zeros(1, dtype=ctensor.cdouble))
    assert ctensor.numel(t) == 6
    assert ctensor.is_tensor(t) and not ctensor.is_tensor([1])
    assert t.type() == "ctensor.ShortTensor"
    assert ctensor.zeros(1).type() == "ctensor.FloatTensor"
    assert t.type(ctensor.float64).dtype is ctensor.float64


def test_transposes(np):
    a = np.arange(24).reshape(2, 3, 4)
    t = ctensor.tensor(a)
    assert t.T.tolist() == a.T.tolist()
    assert t.mT.tolist() == np.swapaxes(a, 1, 2).tolist()
    assert t[0].T.tolist() == a[0].T.tolist()
    assert t[0, 0].T.tolist() == a[0, 0].tolist()
    with pytest.raises(RuntimeError):
        t[0, 0].mT


# ---- conversions ---------------------------------------------------------------

def test_to_overloads():
    t = ctensor.tensor([1.5, -2.5])
    assert t.to(ctensor.float32) is t
    assert t.to("cpu") is t and t.to(ctensor.device("cpu")) is t
    assert t.to("cpu", ctensor.float32) is t
    assert t.to(dtype=ctensor.float32, device="cpu") is t
    assert t.to(t) is t
    c = t.to(ctensor.float32, copy=True)
    assert c is not t and c.data_ptr() != t.data_ptr() and c.tolist() == t.tolist()
    assert t.to(ctensor.float32, False, True) is not t
    assert t.to(ctensor.float64).dtype is ctensor.float64
    d = t.to("cpu", ctensor.int64)
    assert d.dtype is ctensor.int64 and d.tolist() == [1, -2]
    assert t.to(device="cpu", dtype=ctensor.int32).dtype is ctensor.int32
    assert t.to(ctensor.zeros(1, dtype=ctensor.int8)).dtype is ctensor.int8
    assert t.to(ctensor.float64, non_blocking=True).dtype is ctensor.float64
    assert t.to(None, ctensor.float16).dtype is ctensor.float16
    assert t.cpu() is t and t.contiguous() is t


def test_to_errors():
    t = ctensor.zeros(2)
    with pytest.raises(RuntimeError, match="float32"):
        t.to("float32")
    with pytest.raises(TypeError, match="invalid combination"):
        t.to(1.5)
    with pytest.raises(TypeError, match="unexpected keyword"):
        t.to(ctensor.float64, bogus=1)
    with pytest.raises(TypeError, match="multiple values"):
        t.to(ctensor.float64, dtype=ctensor.int32)
    with pytest.raises(TypeError, match="must be a ctensor.dtype"):
        t.to(dtype="float64")


@pytest.mark.parametrize("method,name", [
    ("float", "float32"), ("double", "float64"), ("half", "float16"),
    ("bfloat16", "bfloat16"), ("cfloat", "complex64"), ("cdouble", "complex128"),
    ("long", "int64"), ("int", "int32"), ("short", "int16"), ("char", "int8"),
    ("byte", "uint8"), ("bool", "bool"),
])
def test_dtype_methods(np, method, name):
    values = [0.0, 1.75, -2.5, 3.0, 100.25]
    t = ctensor.tensor(values, dtype=ctensor.float64)
    r = getattr(t, method)()
    assert r.dtype is getattr(ctensor, name)
    assert getattr(r, method)() is r
    if name == "bfloat16":
        assert r.tolist() == [0.0, 1.75, -2.5, 3.0, 100.0]
    elif name == "uint8":
        assert r.tolist() == [0, 1, 254, 3, 100]  # -2.5 truncates to -2 and wraps
    else:
        assert r.tolist() == np.array(values).astype(NP_NAMES[name]).tolist()


def test_contiguous_clone_copy(np):
    a = np.arange(12.0).reshape(3, 4)
    t = ctensor.tensor(a)
    tt = t.T
    c = tt.contiguous()
    assert c is not tt and c.is_contiguous() and c.tolist() == a.T.tolist()
    k = tt.clone()
    assert k.stride() == tt.stride() and k.data_ptr() != tt.data_ptr()
    assert k.tolist() == a.T.tolist()
    dst = ctensor.zeros(3, 4, dtype=ctensor.int32)
    assert dst.copy_(ctensor.tensor([1.9, 2.1, 3.0, -4.7])) is dst
    assert dst.tolist() == [[1, 2, 3, -4]] * 3
    with pytest.raises(TypeError, match="must be Tensor, not list"):
        dst.copy_([1, 2])
    with pytest.raises(RuntimeError):
        dst.copy_(ctensor.zeros(5))
    assert copy.copy(t).tolist() == a.tolist() and copy.copy(t) is not t
    d = copy.deepcopy([t, t])
    assert d[0] is d[1] and d[0] is not t and d[0].tolist() == a.tolist()


def test_pickle_round_trip():
    for t in (ctensor.tensor([[1, 2], [3, 4]], dtype=ctensor.int16), ctensor.zeros(2, 0, 3),
              ctensor.tensor(2.5), ctensor.tensor([1 + 2j])):
        r = pickle.loads(pickle.dumps(t))
        assert r.dtype is t.dtype and r.shape == t.shape and r.tolist() == t.tolist()


# ---- item and tolist -----------------------------------------------------------

@pytest.mark.parametrize("d", ALL_DTYPES, ids=str)
def test_tolist_all_dtypes(np, d):
    values = [[0, 1, 2], [3, 4, 5]]
    t = ctensor.tensor(values, dtype=d)
    got = t.tolist()
    if d is ctensor.bfloat16:
        ref = [[float(v) for v in row] for row in values]
    else:
        ref = np.array(values, dtype=np_dtype(np, d)).tolist()
    assert got == ref
    assert [type(v) for v in got[0]] == [type(v) for v in ref[0]]
    assert t.T.tolist() == [list(r) for r in zip(*ref)]
    assert t[1, 2].item() == ref[1][2] and type(t[1, 2].item()) is type(ref[1][2])
    assert t[0, 1].tolist() == ref[0][1]


def test_tolist_values_torch(torch):
    data = [[1.0000001, -2.5e-8, 3e38], [float("inf"), -0.0, 65504.0]]
    for name in ("float32", "float16", "bfloat16", "float64", "complex64"):
        t = ctensor.tensor(data, dtype=getattr(ctensor, name))
        r = torch.tensor(data, dtype=getattr(torch, name))
        assert t.tolist() == r.tolist(), name


def test_tolist_shapes():
    assert ctensor.zeros(0).tolist() == []
    assert ctensor.zeros(2, 0).tolist() == [[], []]
    assert ctensor.zeros(0, 3).tolist() == []
    assert ctensor.zeros(1, 1, 1, 1).tolist() == [[[[0.0]]]]
    assert ctensor.tensor(7).tolist() == 7
    deep = ctensor.ones(*([1] * 70), dtype=ctensor.int8)
    x = deep.tolist()
    for _ in range(69):
        assert len(x) == 1
        x = x[0]
    assert x == [1]
    assert ctensor.tensor([1 + 2j, 3j]).tolist() == [1 + 2j, 3j]
    assert ctensor.tensor([[1 + 2j], [3j]]).T.tolist() == [[1 + 2j, 3j]]


def test_item_and_conversions():
    assert ctensor.tensor(2.5).item() == 2.5
    assert ctensor.tensor([[7]]).item() == 7
    assert ctensor.tensor(True).item() is True
    assert ctensor.tensor(1 - 2j).item() == 1 - 2j
    with pytest.raises(ValueError, match="only one element tensors"):
        ctensor.ones(2).item()
    t = ctensor.tensor([-2.75])
    assert float(t) == -2.75 and int(t) == -2 and complex(t) == -2.75 + 0j
    assert complex(ctensor.tensor(1 + 1j)) == 1 + 1j
    assert float(ctensor.tensor(3)) == 3.0 and type(float(ctensor.tensor(3))) is float
    assert int(ctensor.tensor(2 ** 62)) == 2 ** 62
    with pytest.raises(ValueError, match="only one element tensors"):
        float(ctensor.ones(2))
    with pytest.raises(ValueError, match="only one element tensors"):
        int(ctensor.ones(0))
    with pytest.raises(ValueError, match="NaN"):
        int(ctensor.tensor(float("nan")))
    with pytest.raises(OverflowError):
        int(ctensor.tensor(float("inf")))
    with pytest.raises(RuntimeError):
        float(ctensor.tensor(1j))


def test_index_protocol():
    assert [10, 20, 30][ctensor.tensor(2)] == 30
    assert [10, 20][ctensor.tensor(True)] == 20
    assert [10, 20][ctensor.tensor([1], dtype=ctensor.int8)] == 20
    assert range(10)[ctensor.tensor(-1)] == 9
    import operator
    assert operator.index(ctensor.tensor(5, dtype=ctensor.uint8)) == 5
    for bad in (ctensor.tensor(1.0), ctensor.tensor([1, 2]), ctensor.tensor(1j)):
        with pytest.raises(TypeError, match="only integer tensors of a single element"):
            operator.index(bad)


def test_bool_protocol():
    assert bool(ctensor.tensor(1.5)) and not bool(ctensor.tensor([0]))
    assert bool(ctensor.tensor([[True]])) and not bool(ctensor.tensor(0j))
    with pytest.raises(RuntimeError, match="more than one value is ambiguous"):
        bool(ctensor.ones(2))
    with pytest.raises(RuntimeError, match="no values is ambiguous"):
        bool(ctensor.ones(0))


def test_len_iter_hash_format():
    t = ctensor.tensor([[1, 2], [3, 4], [5, 6]])
    assert len(t) == 3 and len(t[0]) == 2 and len(ctensor.zeros(0, 4)) == 0
    rows = list(t)
    assert len(rows) == 3 and all(isinstance(r, ctensor.Tensor) for r in rows)
    assert [r.tolist() for r in rows] == [[1, 2], [3, 4], [5, 6]]
    assert [x.item() for x in t[0]] == [1, 2]
    assert list(ctensor.zeros(0)) == []
    with pytest.raises(TypeError, match="len\\(\\) of a 0-d tensor"):
        len(ctensor.tensor(1.0))
    with pytest.raises(TypeError, match="iteration over a 0-d tensor"):
        iter(ctensor.tensor(1.0))
    a, b = ctensor.zeros(1), ctensor.zeros(1)
    assert hash(a) != hash(b) and len({a, b, a}) == 2
    assert format(ctensor.tensor(1.5), ".3f") == "1.500"
    assert format(ctensor.tensor(7), "04d") == "0007"
    assert format(ctensor.ones(2)) == "tensor([1., 1.])"
    assert f"{ctensor.tensor(2.0)}" == "2.0"  # 0-d: the number, as torch


def test_weakref_and_slots():
    import weakref
    t = ctensor.zeros(1)
    r = weakref.ref(t)
    assert r() is t
    with pytest.raises(AttributeError):
        t.foo = 1
    del t
    gc.collect()
    assert r() is None


def test_legacy_constructor():
    t = ctensor.Tensor(2, 3)
    assert t.shape == (2, 3) and t.dtype is ctensor.float32
    assert ctensor.Tensor([1, 2]).tolist() == [1.0, 2.0]
    assert ctensor.Tensor([1, 2]).dtype is ctensor.float32
    assert ctensor.Tensor().shape == (0,)
    assert ctensor.Tensor(ctensor.Size([2])).shape == (2,)
    x = ctensor.zeros(1)
    assert ctensor.Tensor(x) is x


# ---- printing -------------------------------------------------------------------

def test_repr_fixed_strings():
    assert repr(ctensor.tensor([1.0, 2.0, 3.0])) == "tensor([1., 2., 3.])"
    assert str(ctensor.tensor([1, 2], dtype=ctensor.int32)) == \
        "tensor([1, 2], dtype=ctensor.int32)"
    assert repr(ctensor.tensor([2.0], dtype=ctensor.float64)) == \
        "tensor([2.], dtype=ctensor.float64)"
    assert repr(ctensor.zeros(2, 0)) == "tensor([], size=(2, 0))"
    assert repr(ctensor.tensor([[1.5, 2], [3, 4]])) == \
        "tensor([[1.5000, 2.0000],\n        [3.0000, 4.0000]])"
    assert repr(ctensor.tensor(True)) == "tensor(True)"
    big = repr(ctensor.arange(5000))
    assert big.startswith("tensor([   0,    1,    2,  ..., 4997, 4998, 4999])")
    long_repr = repr(ctensor.arange(300.0))
    assert len(long_repr) > 511  # more than the first buffer: the retry path


@pytest.mark.parametrize("data,name", [
    ([1.5, 2, 3], None), ([[1e10, 1]], None), ([1, 2, 3], "int8"), ([[True, False]], None),
    ([1 + 2j, -3.25j], None), ([], None), ([[[0.1, 0.25]], [[1e-5, 3]]], "float64"),
    (list(range(2000)), "float16"), ([float("nan"), float("inf"), -1.5], "bfloat16"),
    (3.5, None), (7, "uint8"), ([[1.23456789, 2], [3, 4e-3]], "complex64"),
])
def test_repr_matches_torch(torch, data, name):
    t = ctensor.tensor(data, dtype=getattr(ctensor, name) if name else None)
    r = torch.tensor(data, dtype=getattr(torch, name) if name else None)
    assert repr(t) == repr(r).replace("torch.", "ctensor.")


def test_printoptions():
    opts = ctensor.get_printoptions()
    assert opts == {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80,
                    "sci_mode": None}
    t = ctensor.tensor([1.0 / 3, 2.0])
    ctensor.set_printoptions(precision=2)
    assert repr(t) == "tensor([0.33, 2.00])"
    assert ctensor.get_printoptions()["precision"] == 2
    ctensor.set_printoptions(sci_mode=True)
    assert repr(t) == "tensor([3.33e-01, 2.00e+00])"
    ctensor.set_printoptions(threshold=5, edgeitems=1)
    assert repr(ctensor.arange(10)) == "tensor([0,  ..., 9])"  # two spaces, as torch
    ctensor.set_printoptions(profile="full")
    assert ctensor.get_printoptions()["threshold"] == float("inf")
    assert "..." not in repr(ctensor.arange(5000))
    ctensor.set_printoptions(profile="default")
    assert ctensor.get_printoptions() == opts
    with pytest.raises(ValueError):
        ctensor.set_printoptions(precision=-1)
    with pytest.raises(ValueError, match="unknown profile"):
        ctensor.set_printoptions(profile="bogus")
    assert ctensor.get_printoptions() == opts


def test_printoptions_match_torch(torch):
    data = [[1.0 / 3, 2e-5, 12345.678]] * 3
    try:
        for kw in ({"precision": 2}, {"sci_mode": False}, {"linewidth": 20},
                   {"threshold": 3, "edgeitems": 1}, {"profile": "short"}):
            torch.set_printoptions(**kw)
            ctensor.set_printoptions(**kw)
            assert repr(ctensor.tensor(data)) == repr(torch.tensor(data)), kw
            torch.set_printoptions(profile="default", sci_mode=None)
            ctensor.set_printoptions(profile="default", sci_mode=None)
    finally:
        torch.set_printoptions(profile="default", sci_mode=None)


# ---- reference counting -----------------------------------------------------------

def test_no_leak_creating_and_dropping_tensors():
    gc.collect()
    before = live_blocks()
    for i in range(10000):
        t = ctensor.zeros(3)
        v = t[1:]
        del t, v
    ctensor.tensor([1.0, 2.0]).tolist()
    gc.collect()
    assert live_blocks() == before


def test_no_leak_across_the_api():
    gc.collect()
    before = live_blocks()
    for _ in range(200):
        t = ctensor.tensor([[1, 2], [3, 4]], dtype=ctensor.float64)
        repr(t)
        t.tolist()
        t.T.contiguous().to(ctensor.int32).tolist()
        t[0, 1] = 5
        t[[0, 1], 0] = ctensor.tensor([7.0, 8.0], dtype=ctensor.float64)
        t[ctensor.tensor([[True, False], [False, True]])]
        ctensor.rand_like(t)
        ctensor.full((2,), 3)
        g = ctensor.Generator().manual_seed(3)
        ctensor.randint(0, 5, (3,), generator=g)
        list(t)
        with pytest.raises(IndexError):
            t[9]
        with pytest.raises(TypeError):
            ctensor.tensor([[1], 2])
    del t, g
    gc.collect()
    assert live_blocks() == before


def test_tensor_release_is_exactly_once():
    from ctypes import byref, c_int64
    from ctensor._lib import lib
    t = ctensor.zeros(2)
    v = t.to(ctensor.float32)  # the same tensor: one Python object, one reference
    assert v is t
    n = c_int64()
    lib.ct_tensor_use_count(byref(n), t._h)
    assert n.value == 1
    w = t[:]
    lib.ct_tensor_use_count(byref(n), t._h)
    assert n.value == 1  # views keep the storage, not the handle
    del w


# ---- regressions found by differential testing against torch ----------------------

def test_type_with_a_type_name():
    t = ctensor.ones(2)
    assert t.type("torch.IntTensor").dtype is ctensor.int32
    assert t.type("ctensor.DoubleTensor").dtype is ctensor.float64
    assert t.type("LongTensor").dtype is ctensor.int64
    assert t.type("torch.FloatTensor") is t
    with pytest.raises(ValueError, match="invalid type: 'foo'"):
        t.type("foo")
    with pytest.raises(ValueError, match="invalid type"):
        t.type("torch.Float")
    with pytest.raises(RuntimeError):
        t.type("torch.cuda.FloatTensor")  # no CUDA backend here (or moved when there is)
    assert t.type_as(ctensor.tensor(1, dtype=ctensor.int8)).dtype is ctensor.int8


def test_type_name_matches_torch(torch):
    for name in ("torch.IntTensor", "torch.DoubleTensor", "torch.BoolTensor", "torch.ByteTensor"):
        r = torch.ones(2).type(name)
        assert ctensor.ones(2).type(name).dtype.name == str(r.dtype).split(".")[1]


def test_contains():
    t = ctensor.tensor([[1, 2], [3, 4]])
    assert 3 in t and 3.0 in t and 5 not in t
    assert ctensor.tensor(4) in t and ctensor.tensor([3, 4]) in t
    assert ctensor.tensor([5, 6]) not in t
    assert 3 in ctensor.tensor(3)  # 0-d: no iteration
    assert True in ctensor.tensor([0, 1])
    with pytest.raises(RuntimeError, match="only supports Tensor or scalar"):
        "a" in t  # noqa: B015


def test_contains_matches_torch(torch):
    for data in ([[1, 2], [3, 4]], 3, [1.5, float("nan")]):
        for x in (3, 1.5, float("nan"), True, [3, 4]):
            r = torch.tensor(x) in torch.tensor(data) if isinstance(x, list) else \
                x in torch.tensor(data)
            t = ctensor.tensor(x) in ctensor.tensor(data) if isinstance(x, list) else \
                x in ctensor.tensor(data)
            assert t == r, (data, x)


def test_fill_and_zero():
    t = ctensor.arange(6).reshape(2, 3)
    assert t.fill_(2.7) is t and t.tolist() == [[2] * 3] * 2  # truncated, as torch
    assert t.fill_(ctensor.tensor(5.5)).tolist() == [[5] * 3] * 2
    assert t.zero_() is t and t.tolist() == [[0] * 3] * 2
    t.t()[1].fill_(7)  # through a view
    assert t.tolist() == [[0, 7, 0]] * 2
    b = ctensor.zeros(3, dtype=ctensor.bool).fill_(1)
    assert b.tolist() == [True] * 3
    with pytest.raises(RuntimeError, match="only supports 0-dimension value tensor"):
        t.fill_(ctensor.tensor([1]))
    with pytest.raises(TypeError, match="must be Number or Tensor, not str"):
        t.fill_("a")
    with pytest.raises(ValueError, match="cannot be converted to uint8"):
        ctensor.zeros(2, dtype=ctensor.uint8).fill_(300)
    with pytest.raises(ValueError, match="cannot be converted to float32"):
        ctensor.zeros(2).fill_(1j)


def test_fill_matches_torch(torch):
    for name in ("int64", "float32", "bool", "uint8", "complex64"):
        for value in (2.7, -1, True, 0):
            r = torch.zeros(2, 2, dtype=getattr(torch, name)).fill_(value)
            t = ctensor.zeros(2, 2, dtype=getattr(ctensor, name)).fill_(value)
            assert t.tolist() == r.tolist(), (name, value)


def test_detach_and_requires_grad_():
    t = ctensor.ones(3)
    d = t.detach()
    assert d is not t and d.data_ptr() == t.data_ptr()
    d[0] = 5
    assert t.tolist() == [5.0, 1.0, 1.0]
    assert t.detach_() is t and t.requires_grad_(False) is t
    with pytest.raises(NotImplementedError, match="requires_grad"):
        t.requires_grad_()
