"""DLPack exchange with PyTorch (Debian's torch 1.13 under /usr/bin/python3;
skipped where torch is not installed).

torch 1.13 only speaks the legacy "dltensor" capsule, ignores byte_offset and
aborts the process on negative strides (shared/reference/dlpack.md, 2.5 and
3.2); the cases that may kill the interpreter run in a subprocess. Numbers in
docstrings refer to the checklist of that file, section 5.
"""

import gc
import re
import signal

import pytest

import ctensor

from dlpack_util import (
    sample,
    LEGACY, USED_LEGACY, VERSIONED, Producer, capsule, capsule_name, export_legacy,
    live, run_python, set_dims,
)

torch = pytest.importorskip("torch")

TORCH_VERSION = tuple(int(x) for x in re.findall(r"\d+", torch.__version__)[:2])

# ctensor dtype -> torch dtype (bool: refused by torch 1.13's DLPack both ways).
TORCH_DTYPE = {
    ctensor.uint8: torch.uint8, ctensor.int8: torch.int8, ctensor.int16: torch.int16,
    ctensor.int32: torch.int32, ctensor.int64: torch.int64, ctensor.float16: torch.float16,
    ctensor.bfloat16: torch.bfloat16, ctensor.float32: torch.float32,
    ctensor.float64: torch.float64, ctensor.complex64: torch.complex64,
    ctensor.complex128: torch.complex128, ctensor.bool: torch.bool,
}
TORCH_HAS_DLPACK_BOOL = TORCH_VERSION >= (2, 0)
# PyTorch >= 2.10 publishes the DLPack C exchange API, which ctensor.from_dlpack prefers.
TORCH_HAS_EXCHANGE_API = hasattr(torch.Tensor, "__dlpack_c_exchange_api__")




# Exports a test has seen torch leak on purpose (known torch bugs), reset per test.
KNOWN_LEAKS = {"exports": 0}


@pytest.fixture(autouse=True)
def _deleters_balanced():
    """Every export and import of a test is deleted exactly once by its end, except the
    exports a test recorded in KNOWN_LEAKS as leaked by torch."""
    KNOWN_LEAKS["exports"] = 0
    before = live()
    yield
    if live() != (before[0] + KNOWN_LEAKS["exports"], before[1]):
        gc.collect()
    assert live() == (before[0] + KNOWN_LEAKS["exports"], before[1])


# ---- ctensor -> torch ---------------------------------------------------------------------------

def test_torch_imports_ctensor():
    """13/15 (torch): shared memory, right values; torch 1.13 asks with no keywords."""
    t = ctensor.arange(20, dtype=ctensor.float32).reshape(4, 5)
    x = torch.from_dlpack(t)
    assert x.dtype == torch.float32 and tuple(x.shape) == (4, 5) and x.stride() == (5, 1)
    assert x.data_ptr() == t.data_ptr()
    assert x.tolist() == t.tolist()


def test_torch_passes_no_keywords_on_cpu():
    class Recorder:
        def __init__(self, t):
            self.t, self.calls = t, []

        def __dlpack__(self, **kw):
            self.calls.append(kw)
            return self.t.__dlpack__(**kw)

        def __dlpack_device__(self):
            return self.t.__dlpack_device__()

    r = Recorder(ctensor.ones(3))
    assert torch.from_dlpack(r).tolist() == [1, 1, 1]
    if TORCH_VERSION < (2, 9):
        assert r.calls == [{}]
    else:
        assert r.calls[-1].get("max_version") == (1, 0)


def test_shared_memory_ctensor_to_torch():
    t = ctensor.zeros(2, 3)
    x = torch.from_dlpack(t)
    x[0, 1] = 5.0
    assert t[0, 1].item() == 5.0
    t.add_(1)
    assert x.tolist() == [[1, 6, 1], [1, 1, 1]]
    x.mul_(2)
    assert t.tolist() == [[2, 12, 2], [2, 2, 2]]


def test_torch_strides_of_views():
    """15: ct.T -> stride (1, 5); ct[:, ::2] -> stride (5, 2); expand -> stride 0."""
    t = ctensor.arange(20, dtype=ctensor.float32).reshape(4, 5)
    ref = torch.arange(20, dtype=torch.float32).reshape(4, 5)
    for view, expect, stride in ((t.T, ref.T, (1, 5)), (t[:, ::2], ref[:, ::2], (5, 2)),
                                 (t[:1].expand(3, 5), ref[:1].expand(3, 5), (0, 1))):
        x = torch.from_dlpack(view)
        assert x.stride() == stride and torch.equal(x, expect)
        assert x.data_ptr() == view.data_ptr()


def test_torch_offset_views():
    """16: views with an element offset: ctensor folds the offset into data (torch 1.13
    ignores byte_offset), so torch reads the right elements."""
    t = ctensor.arange(20, dtype=ctensor.float32).reshape(4, 5)
    ref = torch.arange(20, dtype=torch.float32).reshape(4, 5)
    for view, expect in ((t[1:, 1:], ref[1:, 1:]), (t[3], ref[3]), (t[2:, 1::2], ref[2:, 1::2]),
                         (t[1:, 2:].T, ref[1:, 2:].T), (t[3, 4], ref[3, 4])):
        x = torch.from_dlpack(view)
        assert torch.equal(x, expect), (x, expect)
        assert x.data_ptr() == view.data_ptr()


def test_torch_zero_d_and_empty():
    """30: () and (0, 3) import; torch 1.13 never calls the deleter of a size-0 import
    (pytorch#117273): exactly one export stays alive, recorded rather than failed on."""
    x = torch.from_dlpack(ctensor.tensor(2.5))
    assert x.shape == () and x.item() == 2.5
    del x
    before = live()
    x = torch.from_dlpack(ctensor.zeros(0, 3, dtype=ctensor.int32))
    assert tuple(x.shape) == (0, 3) and x.dtype == torch.int32
    del x
    leaked = live()[0] - before[0]
    assert leaked == (1 if TORCH_VERSION < (2, 0) else 0)
    KNOWN_LEAKS["exports"] = leaked  # torch's, not ctensor's


@pytest.mark.parametrize("dtype", list(TORCH_DTYPE), ids=str)
def test_torch_dtype_matrix_from_ctensor(dtype):
    """22: ctensor -> torch -> ctensor for every dtype: same dtype, values and memory;
    bool is refused by torch 1.13 ("Unsupported code 6") and the export is freed once."""
    t = sample(dtype)
    if dtype == ctensor.bool and not TORCH_HAS_DLPACK_BOOL:
        before = live()
        with pytest.raises(RuntimeError, match="Unsupported code 6"):
            torch.from_dlpack(t)
        assert live() == before
        return
    x = torch.from_dlpack(t)
    assert x.dtype == TORCH_DTYPE[dtype] and x.data_ptr() == t.data_ptr()
    if dtype == ctensor.bfloat16 or dtype == ctensor.float16:
        assert x.float().tolist() == t.float().tolist()
    else:
        assert x.tolist() == t.tolist()
    back = ctensor.from_dlpack(x)
    assert back.dtype == dtype and back.data_ptr() == t.data_ptr() and back.tolist() == t.tolist()


# ---- torch -> ctensor ---------------------------------------------------------------------------

def test_ctensor_imports_torch():
    """14 (torch): zero-copy; ctensor asks max_version first, torch 1.13 needs the retry."""
    class Recorder:  # a new type per run: from_dlpack remembers what each type accepts
        def __init__(self, x):
            self.x, self.calls = x, []

        def __dlpack__(self, **kw):
            self.calls.append(dict(kw))
            return self.x.__dlpack__(**kw)

        def __dlpack_device__(self):
            return self.x.__dlpack_device__()

    x = torch.arange(12, dtype=torch.float64).reshape(3, 4)
    r = Recorder(x)
    t = ctensor.from_dlpack(r)
    assert t.dtype == ctensor.float64 and t.shape == (3, 4) and t.stride() == (4, 1)
    assert t.data_ptr() == x.data_ptr() and t.tolist() == x.tolist()
    assert r.calls[0] == {"stream": None, "max_version": (1, 3)}
    if TORCH_VERSION < (2, 9):
        assert r.calls[1:] == [{"stream": None}]


def test_shared_memory_torch_to_ctensor():
    x = torch.zeros(2, 3)
    t = ctensor.from_dlpack(x)
    t[1, 2] = 3.0
    assert x[1, 2].item() == 3.0
    x.add_(1)
    assert t.tolist() == [[1, 1, 1], [1, 1, 4]]
    t.mul_(2)
    assert x.tolist() == [[2, 2, 2], [2, 2, 8]]


def test_ctensor_imports_torch_views():
    x = torch.arange(24, dtype=torch.int32).reshape(2, 3, 4)
    for view in (x.transpose(0, 2), x[:, 1:, ::2], x[1, 2], x[0, 0, 0], x[:, :0],
                 x[:, :1].expand(2, 5, 4), x[1:, 2:, 3:]):
        t = ctensor.from_dlpack(view)
        assert tuple(t.shape) == tuple(view.shape) and t.tolist() == view.tolist()
        if view.numel() > 1:
            assert t.data_ptr() == view.data_ptr()
            assert all(a == b for a, b, n in zip(t.stride(), view.stride(), view.shape) if n > 1)


@pytest.mark.parametrize("name", ["uint8", "int8", "int16", "int32", "int64", "float16", "bfloat16",
                                  "float32", "float64", "complex64", "complex128"])
def test_torch_dtype_matrix_to_ctensor(name):
    """23: torch -> ctensor for every shared dtype, bfloat16 included (code 4, bits 16)."""
    dtype = getattr(torch, name)
    x = (torch.arange(6) % 4).to(dtype).reshape(2, 3)
    t = ctensor.from_dlpack(x)
    assert t.dtype == getattr(ctensor, name) and t.data_ptr() == x.data_ptr()
    if name in ("float16", "bfloat16"):
        assert t.float().tolist() == x.float().tolist()
    else:
        assert t.tolist() == x.tolist()
    again = torch.from_dlpack(t)
    assert again.dtype == dtype and torch.equal(again, x)


def test_torch_complex32_is_refused_cleanly():
    """23: complex32 (5, 32) has no ctensor dtype: BufferError, and torch's export is freed."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "ComplexHalf support is experimental"
        x = torch.zeros(3, dtype=torch.complex32)
    with pytest.raises(BufferError, match=r"\(code 5, bits 32, lanes 1\) has no ctensor dtype"):
        ctensor.from_dlpack(x)
    c = x.__dlpack__()
    with pytest.raises(BufferError, match="code 5, bits 32"):
        ctensor.from_dlpack(c)
    assert capsule_name(c) == LEGACY  # not consumed: torch's destructor frees it


@pytest.mark.parametrize("case", ["bool", "requires_grad", "conj", "sparse"])
def test_torch_export_errors_pass_through(case):
    """23: torch's own refusals reach the caller unchanged."""
    if case == "bool":
        x, needle = torch.ones(2, dtype=torch.bool), "Bool type is not supported by dlpack"
        if TORCH_HAS_DLPACK_BOOL:
            assert ctensor.from_dlpack(x).dtype == ctensor.bool
            return
    elif case == "requires_grad":
        x, needle = torch.ones(2, requires_grad=True), "require gradient"
        if TORCH_HAS_EXCHANGE_API:
            # The exchange API hands over the data (as detach() would): nothing to refuse.
            assert ctensor.from_dlpack(x).tolist() == [1.0, 1.0]
            return
    elif case == "conj":
        # ctensor never takes a conjugate view through the exchange API (it would hand over
        # unconjugated memory): __dlpack__ refuses it.
        x, needle = torch.ones(2, dtype=torch.complex64).conj(), "conjugate bit"
    else:
        x, needle = torch.ones(2).to_sparse(), "layout other than torch.strided"
        if TORCH_HAS_EXCHANGE_API:
            needle = "storage|layout"
    with pytest.raises((RuntimeError, BufferError), match=needle):
        ctensor.from_dlpack(x)


@pytest.mark.skipif(not TORCH_HAS_EXCHANGE_API, reason="PyTorch < 2.10 has no C exchange API")
def test_from_dlpack_uses_torchs_exchange_api():
    """With PyTorch >= 2.10, from_dlpack goes through torch's C table, not __dlpack__: a
    subclass whose __dlpack__ refuses still imports, zero-copy, with its strides."""
    class NoProtocol(torch.Tensor):
        def __dlpack__(self, *args, **kwargs):
            raise AssertionError("__dlpack__ called")

    base = torch.arange(12.0).reshape(3, 4)
    x = base.as_subclass(NoProtocol)[:, 1:]
    before = live()
    t = ctensor.from_dlpack(x)
    assert t.tolist() == base[:, 1:].tolist() and t.stride() == (4, 1)
    assert t.data_ptr() == x.data_ptr()
    t.add_(1)
    assert base[0, 1].item() == 2.0
    del t
    assert live() == before


def test_numpy_ctensor_torch_chain():
    """NumPy -> ctensor -> torch: one memory; each owner released once, in any order."""
    import sys
    np = pytest.importorskip("numpy")
    a = np.arange(6.0)
    refs = sys.getrefcount(a)
    before = live()
    t = ctensor.from_dlpack(a)
    x = torch.from_dlpack(t[2:])
    x[0] = 20.0
    assert a[2] == 20.0 and t[2].item() == 20.0
    del t
    assert live() == (before[0] + 1, before[1] + 1)  # torch holds ctensor's export
    assert sys.getrefcount(a) > refs
    del x
    assert live() == before and sys.getrefcount(a) == refs


def _from_numpy_cases(np):
    ro = np.arange(3.0)
    ro.flags.writeable = False
    return {
        "negative_stride": np.arange(4.0)[::-1], "byte_order": np.arange(3, dtype=">i4"),
        "object": np.array([object()]), "uint16": np.arange(3, dtype=np.uint16),
        "field_stride": np.zeros(3, dtype=[("a", "i4"), ("b", "f8")])["b"],
        "list": [1, 2], "scalar": np.float64(1.0), "read_only": ro,
        "bool": np.ones(2, dtype=bool), "float16": np.ones(2, dtype=np.float16),
        "zero_d": np.array(5, dtype=np.int32), "empty": np.zeros((0, 3)),
    }


def test_from_numpy_matches_torch():
    """ctensor.from_numpy accepts what torch.from_numpy accepts (same dtype, shape, strides,
    values) and refuses the rest with the same builtin exception type."""
    import warnings
    np = pytest.importorskip("numpy")
    for name, src in _from_numpy_cases(np).items():
        if name == "uint16" and TORCH_VERSION >= (2, 3):
            continue  # torch 2.x has uint16/32/64; ctensor has no such dtypes (refused)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)  # torch: "array is not writable"
                expect = torch.from_numpy(src)
        except Exception as exc:  # noqa: B902 - the type is what is compared
            with pytest.raises(Exception) as info:
                ctensor.from_numpy(src)
            builtin = [c for c in type(exc).__mro__ if c.__module__ == "builtins"][0]
            assert isinstance(info.value, builtin), (name, exc, info.value)
            continue
        got = ctensor.from_numpy(src)
        assert str(got.dtype).split(".")[1] == str(expect.dtype).split(".")[1], name
        assert tuple(got.shape) == tuple(expect.shape) and got.tolist() == expect.tolist(), name
        if expect.numel() > 1:
            assert got.stride() == expect.stride() and got.data_ptr() == expect.data_ptr(), name


# ---- capsules ------------------------------------------------------------------------------------

def test_capsule_consumed_once():
    """19: torch takes a raw ctensor capsule once; the second try (torch or ctensor) is refused."""
    t = ctensor.arange(3, dtype=ctensor.float32)
    c = t.__dlpack__()
    x = torch.from_dlpack(c)
    assert capsule_name(c) == USED_LEGACY and x.tolist() == [0, 1, 2]
    with pytest.raises(RuntimeError, match="consumed only once"):
        torch.from_dlpack(c)
    with pytest.raises(ValueError, match="consumed only once"):
        ctensor.from_dlpack(c)
    t.add_(1)
    assert x.tolist() == [1, 2, 3]


def test_torch_113_refuses_versioned_capsules():
    """20 (section 4): why ctensor never returns "dltensor_versioned" unasked: torch 1.13 refuses
    it; the refused capsule's destructor still frees the export once."""
    if TORCH_VERSION >= (2, 9):
        pytest.skip("torch 2.9+ reads versioned capsules")
    from torch.utils.dlpack import from_dlpack as torch_from_capsule
    t = ctensor.ones(2)
    before = live()
    c = t.__dlpack__(max_version=(1, 0))
    with pytest.raises(RuntimeError):
        torch_from_capsule(c)
    assert capsule_name(c) == VERSIONED
    del c
    assert live() == before


def test_ctensor_capsule_into_torch_and_back():
    """A ctensor export viewed by torch and re-imported by ctensor: one memory, each deleter once."""
    t = ctensor.arange(4, dtype=ctensor.int64)
    before = live()
    x = torch.from_dlpack(t)
    back = ctensor.from_dlpack(x)
    assert live() == (before[0] + 1, before[1] + 1)
    del x
    back[0] = 7
    assert t[0].item() == 7
    del back
    assert live() == before


# ---- crash-prone consumer cases, in subprocesses ---------------------------------------------------

def test_torch_113_aborts_on_negative_strides():
    """29: torch 1.13 aborts the process (SIGABRT) on a negative-stride capsule (pytorch#188023);
    documented here in a subprocess, which must die of exactly that. ctensor itself never
    exports negative strides, and NumPy reads the same capsule (test_dlpack.py)."""
    if TORCH_VERSION >= (2, 13):
        pytest.skip("fixed after torch 2.12")
    import os
    proc = run_python("""
        import sys
        sys.path.insert(0, %r)
        import ctensor, torch
        from dlpack_util import Producer, capsule, export_legacy, set_dims
        base = ctensor.arange(6, dtype=ctensor.float32)
        m = export_legacy(base)
        keep = []
        m.contents.dl_tensor.data += 5 * 4  # the last element
        set_dims(m.contents.dl_tensor, [6], [-1], keep)
        print("importing", flush=True)
        torch.from_dlpack(Producer(capsule(m)))
        print("survived")
        """ % os.path.dirname(os.path.abspath(__file__)))
    assert proc.returncode == -signal.SIGABRT, (proc.returncode, proc.stderr[-2000:])
    assert proc.stdout == "importing\n"


def test_torch_ignores_byte_offset_so_ctensor_never_uses_it():
    """16 (section 2.5): torch 1.13 reads data, not data + byte_offset. ctensor's exports keep
    byte_offset 0 (test_dlpack.py); this records the consumer bug those exports avoid."""
    if TORCH_VERSION >= (2, 10):
        pytest.skip("torch honours byte_offset from 2.10")
    base = ctensor.arange(6, dtype=ctensor.float32)
    m = export_legacy(base)
    keep = []
    m.contents.dl_tensor.byte_offset = 8
    set_dims(m.contents.dl_tensor, [4], [1], keep)
    x = torch.from_dlpack(Producer(capsule(m)))
    assert x.tolist() == [0, 1, 2, 3]  # should have been [2, 3, 4, 5]
    assert ctensor.from_dlpack(x).tolist() == [0, 1, 2, 3]
    del x
