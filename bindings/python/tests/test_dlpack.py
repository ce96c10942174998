"""DLPack and NumPy exchange: ctensor against itself (SELF, synthetic
producers built with ctypes) and against NumPy (1.24 under /usr/bin/python3,
2.x under the pyenv interpreter), for both capsule generations ("dltensor"
and "dltensor_versioned").

Numbers opening the tests' docstrings refer to the checklist of
shared/reference/dlpack.md, section 5. Every test checks on the way out that
each managed tensor ctensor exported or imported has been deleted exactly
once (ct_dlpack_live back to where it was).
"""

import ctypes
import gc
import re
from ctypes import POINTER, byref, c_int, c_int64, c_void_p, py_object
from types import SimpleNamespace

import pytest

import ctensor
from ctensor import _capi
from ctensor._lib import lib

from dlpack_util import (
    sample,
    LEGACY, VERSIONED, USED_LEGACY, USED_VERSIONED, API_NAME, Versioned,
    NumPy124Producer, Producer, Torch113Producer, call_deleter, capsule, capsule_name,
    capsule_pointer, export_legacy, export_versioned, live, managed_of, set_dims, steal,
)

ALL = (ctensor.bool, ctensor.uint8, ctensor.int8, ctensor.int16, ctensor.int32, ctensor.int64,
       ctensor.float16, ctensor.bfloat16, ctensor.float32, ctensor.float64,
       ctensor.complex64, ctensor.complex128)

# DLPack (code, bits) of every ctensor dtype (lanes are always 1).
DL_TYPE = {
    ctensor.bool: (6, 8), ctensor.uint8: (1, 8), ctensor.int8: (0, 8), ctensor.int16: (0, 16),
    ctensor.int32: (0, 32), ctensor.int64: (0, 64), ctensor.float16: (2, 16),
    ctensor.bfloat16: (4, 16), ctensor.float32: (2, 32), ctensor.float64: (2, 64),
    ctensor.complex64: (5, 64), ctensor.complex128: (5, 128),
}

# NumPy's name of each dtype (bfloat16: none).
NP_NAME = {
    ctensor.bool: "bool", ctensor.uint8: "uint8", ctensor.int8: "int8", ctensor.int16: "int16",
    ctensor.int32: "int32", ctensor.int64: "int64", ctensor.float16: "float16",
    ctensor.float32: "float32", ctensor.float64: "float64", ctensor.complex64: "complex64",
    ctensor.complex128: "complex128",
}




def np_version(np):
    return tuple(int(x) for x in re.findall(r"\d+", np.__version__)[:3])


def np_exports_versioned(np):
    """Whether this NumPy's __dlpack__ takes max_version (2.1 and later)."""
    try:
        np.zeros(1).__dlpack__(max_version=(1, 0))
    except TypeError:
        return False
    return True


def np_supports_bool(np):
    return np_version(np) >= (1, 25)


zero = 0  # a ZeroDivisionError on demand, evaluated at run time


@pytest.fixture(autouse=True)
def _deleters_balanced():
    """Every export and import of a test has been deleted exactly once by its end."""
    before = live()
    yield
    if live() != before:  # only cycles can delay a release; collecting is slow, so only then
        gc.collect()
    assert live() == before


def fields(cap):
    """(version or None, flags or None, a snapshot of the DLTensor) of an unused capsule.

    The snapshot (data, device, dtype, ndim, shape and strides as lists, byte_offset) is
    copied while the capsule is alive: the managed tensor dies with the capsule.
    """
    m = managed_of(cap).contents
    dl = m.dl_tensor
    shape, strides = dims(dl)
    snap = SimpleNamespace(
        data=dl.data, ndim=dl.ndim, byte_offset=dl.byte_offset, shape=shape, strides=strides,
        device=SimpleNamespace(device_type=dl.device.device_type, device_id=dl.device.device_id),
        dtype=SimpleNamespace(code=dl.dtype.code, bits=dl.dtype.bits, lanes=dl.dtype.lanes))
    if isinstance(m, Versioned):
        return (m.version.major, m.version.minor), m.flags, snap
    return None, None, snap


def dims(dl):
    """(shape, strides or None) of a DLTensor or of a snapshot from fields()."""
    if isinstance(dl, SimpleNamespace):
        return dl.shape, dl.strides
    shape = [dl.shape[i] for i in range(dl.ndim)]
    strides = [dl.strides[i] for i in range(dl.ndim)] if dl.strides else None
    return shape, strides


# ---- producer: __dlpack__ and __dlpack_device__ (SELF) ---------------------------------------

def test_capsule_generation_follows_max_version():
    """11: no max_version (NumPy 1.24, torch 1.13) -> "dltensor"; major >= 1 -> versioned."""
    t = ctensor.ones(2)
    assert capsule_name(t.__dlpack__()) == LEGACY
    assert capsule_name(t.__dlpack__(max_version=None)) == LEGACY
    assert capsule_name(t.__dlpack__(max_version=(0, 8))) == LEGACY
    for mv in ((1, 0), (1, 3), (1, 99), (2, 0)):
        c = t.__dlpack__(max_version=mv)
        assert capsule_name(c) == VERSIONED
        # ctensor's own version, whatever the consumer asked: the consumer checks the major.
        assert fields(c)[0] == (1, 3)


def test_dlpack_keywords_are_keyword_only():
    """11: a positional argument is a TypeError, as the standard's signature says."""
    t = ctensor.ones(2)
    with pytest.raises(TypeError):
        t.__dlpack__(None)
    with pytest.raises(TypeError):
        t.__dlpack__(stream=None, unknown=1)


@pytest.mark.parametrize("versioned", [False, True], ids=["legacy", "versioned"])
def test_export_fields_contiguous(versioned):
    """2/12: a float32 4x5 export: device, dtype, shape, strides, byte_offset, data pointer."""
    t = ctensor.arange(20, dtype=ctensor.float32).reshape(4, 5)
    c = t.__dlpack__(max_version=(1, 3) if versioned else None)
    version, flags, dl = fields(c)
    if versioned:
        assert version == (1, 3) and flags == 0
    assert (dl.device.device_type, dl.device.device_id) == (1, 0) == tuple(t.__dlpack_device__())
    assert (dl.dtype.code, dl.dtype.bits, dl.dtype.lanes) == (2, 32, 1)
    assert dims(dl) == ([4, 5], [5, 1])
    assert dl.byte_offset == 0
    assert dl.data == t.data_ptr()


def test_dlpack_device():
    """12: (kDLCPU, 0): an IntEnum and an int, equal to the plain tuple (1, 0)."""
    dev = ctensor.zeros(3).__dlpack_device__()
    assert dev == (1, 0)
    assert type(dev) is tuple and len(dev) == 2
    assert isinstance(dev[0], int) and dev[0] == ctensor._dlpack.DLDeviceType.kDLCPU
    assert dev[0].name == "kDLCPU" and type(dev[1]) is int


@pytest.mark.parametrize("versioned", [False, True], ids=["legacy", "versioned"])
def test_export_views(versioned):
    """2/16: views export their real strides, the offset folded into data, byte_offset 0."""
    mv = (1, 0) if versioned else None
    t = ctensor.arange(20, dtype=ctensor.float32).reshape(4, 5)
    cases = [
        (t.T, [5, 4], [1, 5], 0),
        (t[:, ::2], [4, 3], [5, 2], 0),
        (t[1:, 1:], [3, 4], [5, 1], 6),
        (t[2], [5], [1], 10),
        (t[:1].expand(3, 5), [3, 5], [0, 1], 0),
    ]
    for view, shape, strides, first in cases:
        c = view.__dlpack__(max_version=mv)
        dl = fields(c)[2]
        assert dims(dl) == (shape, strides)
        assert dl.byte_offset == 0
        assert dl.data == t.data_ptr() + 4 * first == view.data_ptr()


@pytest.mark.parametrize("versioned", [False, True], ids=["legacy", "versioned"])
def test_export_0d_and_empty(versioned):
    """30 (SELF): 0-d exports ndim 0; size 0 exports its shape, strides always non-NULL."""
    mv = (1, 0) if versioned else None
    t = ctensor.tensor(2.5)
    dl = fields(t.__dlpack__(max_version=mv))[2]
    assert dl.ndim == 0 and dl.byte_offset == 0 and dl.data == t.data_ptr()
    assert ctypes.cast(dl.data, POINTER(ctypes.c_float)).contents.value == 2.5
    dl = fields(ctensor.zeros(0, 3).__dlpack__(max_version=mv))[2]
    assert dl.ndim == 2 and dims(dl) == ([0, 3], [3, 1])


@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_export_dtype_codes(dtype):
    """22 (SELF): each dtype exports its DLPack (code, bits, 1) and ct_dlpack_dtype agrees."""
    c = sample(dtype).__dlpack__(max_version=(1, 0))
    dl = fields(c)[2]
    assert (dl.dtype.code, dl.dtype.bits, dl.dtype.lanes) == DL_TYPE[dtype] + (1,)
    code, bits, lanes = ctypes.c_uint8(), ctypes.c_uint8(), ctypes.c_uint16()
    assert lib.ct_dlpack_dtype(byref(code), byref(bits), byref(lanes), dtype.code) == 0
    assert (code.value, bits.value, lanes.value) == DL_TYPE[dtype] + (1,)


def test_dlpack_dtype_rejects_a_bad_code():
    code, bits, lanes = ctypes.c_uint8(), ctypes.c_uint8(), ctypes.c_uint16()
    assert lib.ct_dlpack_dtype(byref(code), byref(bits), byref(lanes), 99) == _capi.CT_ERR_DTYPE


# ---- __dlpack__ keywords: copy, dl_device, stream, and their errors ---------------------------

def test_copy_true_copies_and_flags_it():
    """25: copy=True: a new buffer, flag IS_COPIED, the same values; copy=False shares."""
    t = ctensor.arange(20, dtype=ctensor.float32).reshape(4, 5).T
    c = t.__dlpack__(max_version=(1, 0), copy=True)
    _, flags, dl = fields(c)
    assert flags == _capi.DLPACK_FLAG_BITMASK_IS_COPIED
    assert dl.data != t.data_ptr()
    assert dims(dl) == ([5, 4], [4, 1])  # a copy is plainly row-major
    copied = ctensor.from_dlpack(c)
    assert copied.tolist() == t.tolist()
    copied[0, 0] = 100.0
    assert t[0, 0].item() == 0.0
    for mv in ((1, 0), None):
        c = t.__dlpack__(max_version=mv, copy=False)
        assert fields(c)[2].data == t.data_ptr()
        if mv:
            assert fields(c)[1] == 0
    # The legacy struct can carry a copy too (it just cannot flag it).
    c = t.__dlpack__(copy=True)
    assert capsule_name(c) == LEGACY and fields(c)[2].data != t.data_ptr()


def test_dl_device():
    """25: dl_device=(1, 0) on CPU is fine; a device ctensor cannot copy to is a BufferError."""
    t = ctensor.ones(3)
    for dev in ((1, 0), (ctensor._dlpack.DLDeviceType.kDLCPU, 0), [1, 0]):
        assert fields(t.__dlpack__(max_version=(1, 0), dl_device=dev))[2].data == t.data_ptr()
    for dev in ((2, 0), (4, 0), (1, 3)):
        with pytest.raises(BufferError, match=r"dl_device \(%d, %d\)" % dev):
            t.__dlpack__(max_version=(1, 0), dl_device=dev)
        with pytest.raises(BufferError, match="dl_device"):
            t.__dlpack__(dl_device=dev)


def test_stream_on_cpu():
    """25: stream None or -1 on a CPU tensor; any other int is a ValueError, a non-int a TypeError."""
    t = ctensor.ones(3)
    assert capsule_name(t.__dlpack__(stream=None)) == LEGACY
    assert capsule_name(t.__dlpack__(stream=-1, max_version=(1, 0))) == VERSIONED
    for s in (0, 1, 2, 12345):
        with pytest.raises(ValueError, match="stream must be None"):
            t.__dlpack__(stream=s)
    for s in ("1", 1.5, object()):
        with pytest.raises(TypeError, match="stream must be an int"):
            t.__dlpack__(stream=s)


@pytest.mark.parametrize("bad", [1, "ab", (1,), (1, 2, 3), ("a", 0), 1.0])
def test_bad_max_version(bad):
    with pytest.raises(TypeError, match="max_version must be a"):
        ctensor.ones(1).__dlpack__(max_version=bad)


@pytest.mark.parametrize("bad", [1, (1,), ("cpu", 0), (1, 0, 0), "cpu"])
def test_bad_dl_device(bad):
    with pytest.raises(TypeError, match="dl_device must be a"):
        ctensor.ones(1).__dlpack__(dl_device=bad)


@pytest.mark.parametrize("bad", ["yes", [], 2, 0.5])
def test_bad_copy(bad):
    with pytest.raises(TypeError, match="copy must be None, True or False"):
        ctensor.ones(1).__dlpack__(copy=bad)


# ---- read-only ----------------------------------------------------------------------------------

def read_only_tensor(keep):
    """A read-only float32 [0, 1, 2, 3] (ct_from_blob with CT_BLOB_READ_ONLY over keep's buffer)."""
    buf = (ctypes.c_float * 4)(0, 1, 2, 3)
    keep.append(buf)
    shape = (c_int64 * 1)(4)
    out = c_void_p()
    assert lib.ct_from_blob(byref(out), ctypes.addressof(buf), 1, shape, None, _capi.CT_FLOAT32,
                            _capi.CT_DEVICE_CPU, 0, _capi.ct_deleter(), None,
                            _capi.CT_BLOB_READ_ONLY) == 0
    return ctensor.Tensor._wrap(out.value)


def test_read_only_export():
    """24: read-only -> BufferError for the legacy struct, flag READ_ONLY for the versioned."""
    keep = []
    t = read_only_tensor(keep)
    with pytest.raises(BufferError, match="read-only"):
        t.__dlpack__()
    c = t.__dlpack__(max_version=(1, 0))
    _, flags, dl = fields(c)
    assert flags == _capi.DLPACK_FLAG_BITMASK_READ_ONLY and dl.data == t.data_ptr()
    r = ctensor.from_dlpack(c)
    with pytest.raises(ValueError, match="read-only"):
        r[0] = 5.0
    # A copy is the consumer's own: writable, flagged IS_COPIED only; legacy allowed too.
    c = t.__dlpack__(max_version=(1, 0), copy=True)
    assert fields(c)[1] == _capi.DLPACK_FLAG_BITMASK_IS_COPIED
    assert capsule_name(t.__dlpack__(copy=True)) == LEGACY
    del r, c


@pytest.mark.parametrize("flag", ["READ_ONLY", "IS_COPIED", "IS_SUBBYTE_TYPE_PADDED"])
def test_import_flags(flag):
    """24: an imported READ_ONLY tensor refuses writes; IS_COPIED changes nothing else."""
    base = ctensor.arange(4, dtype=ctensor.float32)
    m = export_versioned(base)
    m.contents.flags = getattr(_capi, "DLPACK_FLAG_BITMASK_" + flag)
    t = ctensor.from_dlpack(Producer(capsule(m)))
    assert t.data_ptr() == base.data_ptr() and t.tolist() == [0, 1, 2, 3]
    if flag == "READ_ONLY":
        with pytest.raises(ValueError, match="read-only"):
            t[0] = 7.0
        with pytest.raises(ValueError, match="read-only"):
            t.add_(1)
        with pytest.raises(BufferError, match="read-only"):
            t.__dlpack__()
        assert fields(t.__dlpack__(max_version=(1, 0)))[1] == m.contents.flags
    else:
        t[0] = 7.0
        assert base[0].item() == 7.0
        assert fields(t.__dlpack__(max_version=(1, 0)))[1] == 0


# ---- consumer: from_dlpack (SELF) ---------------------------------------------------------------

@pytest.mark.parametrize("versioned", [False, True], ids=["legacy", "versioned"])
@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_self_round_trip_dtypes(dtype, versioned):
    """22 (SELF): every dtype through a capsule of each generation: same dtype, values, memory."""
    t = sample(dtype)
    c = t.__dlpack__(max_version=(1, 0) if versioned else None)
    r = ctensor.from_dlpack(c)
    assert capsule_name(c) == (USED_VERSIONED if versioned else USED_LEGACY)
    assert r.dtype == dtype and r.shape == t.shape and r.stride() == t.stride()
    assert r.tolist() == t.tolist() and r.data_ptr() == t.data_ptr()


@pytest.mark.parametrize("versioned", [False, True], ids=["legacy", "versioned"])
def test_self_round_trip_layouts(versioned):
    """15-17 (SELF): transposed, stepped, offset, broadcast, 0-d and empty views survive a trip."""
    mv = (1, 0) if versioned else None
    t = ctensor.arange(20, dtype=ctensor.int32).reshape(4, 5)
    for view in (t.T, t[:, ::2], t[1:, 1:], t[1:3, ::3].T, t[:1].expand(3, 5), t[2, 3],
                 t[:0], ctensor.zeros(2, 0, 3)):
        r = ctensor.from_dlpack(view.__dlpack__(max_version=mv))
        assert r.shape == view.shape and r.tolist() == view.tolist()
        if view.numel() > 1:
            assert r.stride() == view.stride() and r.data_ptr() == view.data_ptr()


def test_self_shared_memory_both_ways():
    t = ctensor.zeros(2, 3)
    r = ctensor.from_dlpack(t)
    r[0, 1] = 4.0
    assert t[0, 1].item() == 4.0
    t.add_(1)
    assert r.tolist() == [[1, 5, 1], [1, 1, 1]]


def test_from_dlpack_copy_and_device():
    """25: from_dlpack(copy=True) copies, copy=False and device="cpu" share, cuda is a BufferError."""
    t = ctensor.arange(6, dtype=ctensor.float32).reshape(2, 3)
    c = ctensor.from_dlpack(t, copy=True)
    assert c.data_ptr() != t.data_ptr() and c.tolist() == t.tolist()
    for kw in ({"copy": False}, {"device": "cpu"}, {"device": ctensor.device("cpu"), "copy": False},
               {"device": "cpu:0"}):
        assert ctensor.from_dlpack(t, **kw).data_ptr() == t.data_ptr()
    with pytest.raises(BufferError, match=r"dl_device \(2, 0\)"):
        ctensor.from_dlpack(t, device="cuda")
    with pytest.raises(TypeError, match="copy must be None, True or False"):
        ctensor.from_dlpack(t, copy="no")
    with pytest.raises(TypeError, match="device must be"):
        ctensor.from_dlpack(t, device=1.5)


@pytest.mark.parametrize("obj", [5, [1.0, 2.0], "abc", None, object()])
def test_from_dlpack_needs_dlpack(obj):
    """2.4: an object without __dlpack__ is an AttributeError."""
    with pytest.raises(AttributeError, match="has no __dlpack__"):
        ctensor.from_dlpack(obj)


@pytest.mark.parametrize("versioned", [False, True], ids=["legacy", "versioned"])
def test_used_capsule(versioned):
    """19: a capsule is consumed once; the second import is a ValueError and frees nothing twice."""
    t = ctensor.ones(3)
    c = t.__dlpack__(max_version=(1, 0) if versioned else None)
    r = ctensor.from_dlpack(c)
    with pytest.raises(ValueError, match="consumed only once"):
        ctensor.from_dlpack(c)
    assert r.tolist() == [1, 1, 1]
    # A capsule of another name is refused the same way, without calling anything.
    other = ctensor.Tensor.__dlpack_c_exchange_api__
    with pytest.raises(ValueError, match="not an unused"):
        ctensor.from_dlpack(other)


def test_destructor_keeps_a_pending_exception():
    """21 (SELF): capsules dropped while an exception unwinds (the error indicator is set)
    are freed by ctensor's C destructor, and the exception is the one Python raises."""
    t = ctensor.ones(4)
    before = live()
    with pytest.raises(ZeroDivisionError, match="division or modulo by zero"):
        [t.__dlpack__(), t.__dlpack__(max_version=(1, 0)), 1 // zero]
    assert live() == before
    # The same with consumed capsules: the destructor leaves those alone.
    with pytest.raises(KeyError, match="original"):
        [ctensor.from_dlpack(t.__dlpack__()), {}["original"]]
    assert live() == before


# ---- synthetic producers: negotiation and import edge cases -------------------------------------

def test_from_dlpack_asks_for_the_newest_version():
    """14/26: ctensor asks max_version=(1, 3) (and stream None) and takes a versioned (1, 3) reply."""
    base = ctensor.arange(3, dtype=ctensor.float32)
    p = Producer(capsule(export_versioned(base)))
    r = ctensor.from_dlpack(p)
    assert p.calls == [{"stream": None, "max_version": (1, 3), "dl_device": None, "copy": None}]
    assert capsule_name(p.capsule) == USED_VERSIONED
    assert r.data_ptr() == base.data_ptr() and r.tolist() == [0, 1, 2]


def test_from_dlpack_passes_device_and_copy():
    base = ctensor.arange(3, dtype=ctensor.float32)
    p = Producer(capsule(export_versioned(base, copy=_capi.CT_DLPACK_COPY_ALWAYS)))
    r = ctensor.from_dlpack(p, device="cpu", copy=True)
    assert p.calls == [{"stream": None, "max_version": (1, 3), "dl_device": (1, 0), "copy": True}]
    assert r.data_ptr() != base.data_ptr() and r.tolist() == [0, 1, 2]


@pytest.mark.parametrize("kind", [Torch113Producer, NumPy124Producer])
def test_from_dlpack_falls_back_for_old_producers(kind):
    """14/26: a producer without max_version gets a second call with stream only, and may
    even hand back a versioned capsule it was not asked for (ctensor is liberal)."""
    base = ctensor.arange(3, dtype=ctensor.float32)
    for m in (export_legacy(base), export_versioned(base)):
        p = kind(capsule(m))
        r = ctensor.from_dlpack(p)
        assert p.calls == [{"stream": None}]
        assert r.tolist() == [0, 1, 2] and r.data_ptr() == base.data_ptr()


def test_from_dlpack_falls_back_to_no_keywords():
    class Bare(Producer):
        def __dlpack__(self):
            self.calls.append({})
            return self.capsule

    p = Bare(capsule(export_legacy(ctensor.ones(2))))
    assert ctensor.from_dlpack(p).tolist() == [1, 1]
    assert p.calls == [{}]


def test_from_dlpack_remembers_what_a_type_accepts():
    """The keyword fallback is learnt once per producer type."""
    class Picky:
        def __init__(self, m):
            self.capsule, self.attempts = capsule(m), []

        def __dlpack__(self, **kw):
            self.attempts.append(sorted(kw))
            if "max_version" in kw:
                raise TypeError("__dlpack__() got an unexpected keyword argument 'max_version'")
            return self.capsule

        def __dlpack_device__(self):
            return (1, 0)

    base = ctensor.ones(2)
    first, second = Picky(export_legacy(base)), Picky(export_legacy(base))
    ctensor.from_dlpack(first)
    ctensor.from_dlpack(second)
    assert first.attempts == [["max_version", "stream"], ["stream"]]
    assert second.attempts == [["stream"]]


def test_from_dlpack_propagates_the_producers_errors():
    """2.4/17: BufferError (and anything else) from __dlpack_device__ or __dlpack__ passes through."""
    class Refuses:
        def __init__(self, where, exc):
            self.where, self.exc = where, exc

        def __dlpack__(self, **kw):
            if self.where == "dlpack":
                raise self.exc
            raise AssertionError("not reached")

        def __dlpack_device__(self):
            if self.where == "device":
                raise self.exc
            return (1, 0)

    for where in ("device", "dlpack"):
        with pytest.raises(BufferError, match="cannot export this"):
            ctensor.from_dlpack(Refuses(where, BufferError("cannot export this")))
        with pytest.raises(MemoryError, match="out of it"):
            ctensor.from_dlpack(Refuses(where, MemoryError("out of it")))


@pytest.mark.parametrize("reply", [None, 5, "dltensor", b"capsule"])
def test_from_dlpack_refuses_a_non_capsule(reply):
    """A producer whose __dlpack__ returns something else than a DLPack capsule."""
    with pytest.raises(ValueError, match='not an unused "dltensor" or "dltensor_versioned" capsule'):
        ctensor.from_dlpack(Producer(reply))


def test_from_dlpack_gives_up_on_a_persistent_type_error():
    class Broken(Producer):
        def __dlpack__(self, **kw):
            raise TypeError("really broken")

    with pytest.raises(TypeError, match="really broken"):
        ctensor.from_dlpack(Broken(None))


def test_from_dlpack_device_and_copy_with_an_old_producer():
    """A producer that cannot take dl_device/copy: ctensor checks the device itself (copy=False
    refuses a move with ValueError, copy=None tries to move) and copies itself for copy=True."""
    base = ctensor.arange(3, dtype=ctensor.float32)
    p = Torch113Producer(capsule(export_legacy(base)))
    r = ctensor.from_dlpack(p, copy=True)
    assert p.calls == [{"stream": None}]
    assert r.data_ptr() != base.data_ptr() and r.tolist() == [0, 1, 2]
    p = Torch113Producer(capsule(export_legacy(base)))
    assert ctensor.from_dlpack(p, device="cpu", copy=False).data_ptr() == base.data_ptr()
    if ctensor.cuda.is_available():
        return
    p = Torch113Producer(capsule(export_legacy(base)))
    with pytest.raises(ValueError, match=r"copy=False forbids moving it to \(2, "):
        ctensor.from_dlpack(p, device="cuda", copy=False)
    p = Torch113Producer(capsule(export_legacy(base)))
    with pytest.raises(RuntimeError, match="(?i)cuda"):
        ctensor.from_dlpack(p, device="cuda")


def _edit(versioned, base, edit):
    """A capsule (ctensor's destructor) of an export of base, edited by edit(m, dl, keep)."""
    m = export_versioned(base) if versioned else export_legacy(base)
    keep = []
    edit(m.contents, m.contents.dl_tensor, keep)
    p = Producer(capsule(m))
    p.keep = keep
    return p


def _null_strides(m, dl, keep):
    dl.strides = None


def _zero_d_null(m, dl, keep):
    dl.ndim, dl.shape, dl.strides = 0, None, None


def _zero_d_empty(m, dl, keep):
    set_dims(dl, [], [], keep)


def _empty_null_data(m, dl, keep):
    dl.data = None
    set_dims(dl, [0, 3], [0, 0], keep)


def _byte_offset(m, dl, keep):
    dl.byte_offset = 8
    set_dims(dl, [2, 2], [2, 1], keep)


def _zero_stride(m, dl, keep):
    set_dims(dl, [3, 2], [0, 1], keep)


def _size_one_negative(m, dl, keep):
    set_dims(dl, [1, 6], [-6, 1], keep)


def _cuda_host(m, dl, keep):
    dl.device.device_type = _capi.kDLCUDAHost


def _cuda_managed(m, dl, keep):
    dl.device.device_type, dl.device.device_id = _capi.kDLCUDAManaged, 3


def _minor_99(m, dl, keep):
    if isinstance(m, Versioned):
        m.version.minor = 99


# (edit, expected shape, expected values) of imports that must succeed; base is arange(6) float32.
GOOD = {
    "null_strides": (_null_strides, [2, 3], [[0, 1, 2], [3, 4, 5]]),
    "0d_null_shape": (_zero_d_null, [], 0.0),
    "0d_empty_arrays": (_zero_d_empty, [], 0.0),
    "empty_null_data": (_empty_null_data, [0, 3], []),
    "byte_offset": (_byte_offset, [2, 2], [[2, 3], [4, 5]]),
    "zero_stride": (_zero_stride, [3, 2], [[0, 1]] * 3),
    "size_one_negative_stride": (_size_one_negative, [1, 6], [[0, 1, 2, 3, 4, 5]]),
    "cuda_managed": (_cuda_managed, [2, 3], [[0, 1, 2], [3, 4, 5]]),
    "minor_99": (_minor_99, [2, 3], [[0, 1, 2], [3, 4, 5]]),
}
GOOD["cuda_host_null_strides"] = (lambda m, dl, keep: (_cuda_host(m, dl, keep),
                                                        _null_strides(m, dl, keep)),
                                   [2, 3], [[0, 1, 2], [3, 4, 5]])


@pytest.mark.parametrize("versioned", [False, True], ids=["legacy", "versioned"])
@pytest.mark.parametrize("case", sorted(GOOD))
def test_import_accepts(case, versioned):
    """5-8, 26: NULL strides, 0-d, size 0 with NULL data, byte_offset (read and write),
    zero strides, host-accessible CUDA memory, minor 99: imported, deleter once."""
    edit, shape, values = GOOD[case]
    base = ctensor.arange(6, dtype=ctensor.float32).reshape(2, 3)
    p = _edit(versioned, base, edit)
    before = live()
    t = ctensor.from_dlpack(p)
    assert live() == (before[0], before[1] + 1)
    assert capsule_name(p.capsule) == (USED_VERSIONED if versioned else USED_LEGACY)
    assert list(t.shape) == shape and t.tolist() == values
    assert t.__dlpack_device__() == (1, 0)
    if case == "byte_offset":
        t[0, 0] = 20.0  # lands on element 2 of base
        assert base.tolist() == [[0, 1, 20], [3, 4, 5]]
    del t
    assert live() == (before[0] - 1, before[1])


def _negative_stride(m, dl, keep):
    dl.data += 5 * 4
    set_dims(dl, [6], [-1], keep)


def _overflow(m, dl, keep):
    set_dims(dl, [2, 2], [2 ** 62, 1], keep)


def _cupy_bug(m, dl, keep):  # cupy#10172: [::-2] of float32 exported as 4611686018427387902
    set_dims(dl, [3], [4611686018427387902], keep)


def _dtype(code, bits, lanes):
    def edit(m, dl, keep):
        dl.dtype.code, dl.dtype.bits, dl.dtype.lanes = code, bits, lanes
    return edit


def _device(kind):
    def edit(m, dl, keep):
        dl.device.device_type = kind
    return edit


def _null_data(m, dl, keep):
    dl.data = None


def _null_shape(m, dl, keep):
    dl.shape = None


def _negative_shape(m, dl, keep):
    set_dims(dl, [-1, 3], [3, 1], keep)


def _major_2(m, dl, keep):
    m.version.major = 2


# (edit, exception, message fragment) of imports that must fail cleanly.
BAD = {
    "negative_stride": (_negative_stride, BufferError, r"strides\[0\] = -1 is negative"),
    "stride_overflow": (_overflow, BufferError, "overflow"),
    "cupy_10172_strides": (_cupy_bug, BufferError, "overflow"),
    "lanes_4": (_dtype(2, 32, 4), BufferError, r"\(code 2, bits 32, lanes 4\) has no ctensor dtype"),
    "uint1": (_dtype(1, 1, 1), BufferError, r"\(code 1, bits 1, lanes 1\)"),
    "uint16": (_dtype(1, 16, 1), BufferError, r"\(code 1, bits 16, lanes 1\)"),
    "opaque": (_dtype(3, 64, 1), BufferError, r"\(code 3, bits 64"),
    "complex32": (_dtype(5, 32, 1), BufferError, r"\(code 5, bits 32"),
    "float8_e4m3fn": (_dtype(10, 8, 1), BufferError, r"\(code 10, bits 8"),
    "float4_bits8": (_dtype(17, 8, 1), BufferError, r"\(code 17, bits 8"),
    "float6_bits8": (_dtype(15, 8, 1), BufferError, r"\(code 15, bits 8"),
    "code_200": (_dtype(200, 32, 1), BufferError, r"\(code 200, bits 32"),
    "opencl": (_device(_capi.kDLOpenCL), BufferError, "device type 4 is not supported"),
    "rocm": (_device(_capi.kDLROCM), BufferError, "device type 10 is not supported"),
    "cuda_without_backend": (_device(_capi.kDLCUDA), RuntimeError,
                             "backend unavailable for device 'cuda'"),
    "null_data": (_null_data, BufferError, "data is NULL but the shape has 6 elements"),
    "null_shape": (_null_shape, BufferError, "shape is NULL with ndim = 2"),
    "negative_shape": (_negative_shape, BufferError, r"shape\[0\] = -1 is negative"),
}


@pytest.mark.parametrize("versioned", [False, True], ids=["legacy", "versioned"])
@pytest.mark.parametrize("case", sorted(BAD))
def test_import_refuses(case, versioned):
    """4, 8, 9, 26: refused imports raise, leave the capsule unconsumed, and its
    destructor calls the deleter exactly once."""
    edit, exc, needle = BAD[case]
    if case == "cuda_without_backend" and ctensor.cuda.is_available():
        pytest.skip("this machine has CUDA")
    _refused(versioned, edit, exc, needle)


def test_import_refuses_major_2():
    """4/26: a versioned tensor of major 2 is refused before anything after flags is read."""
    _refused(True, _major_2, BufferError, "major version 2 is not supported")


def _refused(versioned, edit, exc, needle):
    base = ctensor.arange(6, dtype=ctensor.float32).reshape(2, 3)
    p = _edit(versioned, base, edit)
    before = live()
    with pytest.raises(exc, match=needle):
        ctensor.from_dlpack(p)
    assert capsule_name(p.capsule) == (VERSIONED if versioned else LEGACY)
    assert live() == before
    p.capsule = None  # the capsule's destructor runs the deleter, once
    assert live() == (before[0] - 1, before[1])
    assert base.tolist() == [[0, 1, 2], [3, 4, 5]]


def test_import_without_destructor_then_delete_by_hand():
    """A capsule without destructor: after a refused import the caller still owns the tensor."""
    base = ctensor.ones(2)
    m = export_versioned(base)
    m.contents.version.major = 7
    before = live()
    with pytest.raises(BufferError, match="major version 7"):
        ctensor.from_dlpack(Producer(capsule(m, destructor=False)))
    assert live() == before
    call_deleter(m)
    assert live() == (before[0] - 1, before[1])


# ---- the C exchange API (item 10, from Python) --------------------------------------------------

def exchange_api():
    cap = ctensor.Tensor.__dlpack_c_exchange_api__
    assert capsule_name(cap) == API_NAME
    return ctypes.cast(capsule_pointer(cap, API_NAME), POINTER(_capi.DLPackExchangeAPI)).contents


def with_gil(fn, restype, *argtypes):
    """A table function as a callable that keeps the GIL (it calls the CPython API)."""
    proto = ctypes.PYFUNCTYPE(restype, *argtypes)
    return proto(ctypes.cast(fn, c_void_p).value)


def test_exchange_api_table():
    """10: type attribute, capsule "dlpack_exchange_api", version (1, 3), prev_api NULL,
    every pointer set, the same table as ct_dlpack_exchange_api."""
    assert "__dlpack_c_exchange_api__" in vars(ctensor.Tensor)
    assert ctensor.ones(1).__dlpack_c_exchange_api__ is ctensor.Tensor.__dlpack_c_exchange_api__
    api = exchange_api()
    assert (api.header.version.major, api.header.version.minor) == (1, 3)
    assert not api.header.prev_api
    for name, _ in _capi.DLPackExchangeAPI._fields_[1:]:
        assert ctypes.cast(getattr(api, name), c_void_p).value, name
    table = POINTER(_capi.DLPackExchangeAPI)()
    assert lib.ct_dlpack_exchange_api(byref(table)) == 0
    assert ctypes.addressof(table.contents) == ctypes.addressof(api)


def test_exchange_api_current_work_stream():
    api = exchange_api()
    stream = c_void_p(12345)
    assert api.current_work_stream(_capi.kDLCPU, 0, byref(stream)) == 0
    assert stream.value is None


def test_exchange_api_managed_tensor_round_trip():
    """10: managed_tensor_from_py_object_no_sync on a view, then to_py_object steals it back."""
    api = exchange_api()
    from_py = with_gil(api.managed_tensor_from_py_object_no_sync, c_int, py_object,
                       POINTER(POINTER(Versioned)))
    to_py = with_gil(api.managed_tensor_to_py_object_no_sync, c_int, POINTER(Versioned),
                     POINTER(c_void_p))
    t = ctensor.arange(12, dtype=ctensor.float32).reshape(3, 4)
    view = t[1:, ::2]
    before = live()
    m = POINTER(Versioned)()
    assert from_py(view, byref(m)) == 0
    assert live() == (before[0] + 1, before[1])
    v = m.contents
    assert (v.version.major, v.version.minor, v.flags) == (1, 3, 0)
    assert dims(v.dl_tensor) == ([2, 2], [4, 2])
    assert v.dl_tensor.data == view.data_ptr() and v.dl_tensor.byte_offset == 0
    obj = c_void_p()
    assert to_py(m, byref(obj)) == 0
    r = steal(obj.value)
    assert type(r) is ctensor.Tensor
    assert r.tolist() == [[4, 6], [8, 10]] and r.data_ptr() == view.data_ptr()
    assert live() == (before[0] + 1, before[1] + 1)
    del r
    assert live() == before


def test_exchange_api_from_py_object_error():
    """10: a foreign object: -1 with the Python exception (here AttributeError) set."""
    api = exchange_api()
    from_py = with_gil(api.managed_tensor_from_py_object_no_sync, c_int, py_object,
                       POINTER(POINTER(Versioned)))
    m = POINTER(Versioned)()
    with pytest.raises(AttributeError, match="_h"):
        from_py(object(), byref(m))


def test_exchange_api_to_py_object_refuses_and_deletes():
    """to_py_object steals its tensor: on failure (major 2) the deleter has run, once."""
    api = exchange_api()
    to_py = with_gil(api.managed_tensor_to_py_object_no_sync, c_int, POINTER(Versioned),
                     POINTER(c_void_p))
    m = export_versioned(ctensor.ones(2))
    m.contents.version.major = 2
    before = live()
    with pytest.raises(BufferError, match="major version 2"):
        to_py(m, byref(c_void_p()))
    assert live() == (before[0] - 1, before[1])


def test_exchange_api_dltensor_from_py_object():
    api = exchange_api()
    fill = with_gil(api.dltensor_from_py_object_no_sync, c_int, py_object, POINTER(_capi.DLTensor))
    t = ctensor.arange(20, dtype=ctensor.int16).reshape(4, 5)
    view = t[1:, 1:].T
    dl = _capi.DLTensor()
    before = live()
    assert fill(view, byref(dl)) == 0
    assert live() == before  # non-owning
    assert dims(dl) == ([4, 3], [1, 5])
    assert (dl.dtype.code, dl.dtype.bits, dl.dtype.lanes) == (0, 16, 1)
    assert (dl.device.device_type, dl.device.device_id) == (1, 0)
    assert dl.data == view.data_ptr() and dl.byte_offset == 0
    with pytest.raises(AttributeError):
        fill(3, byref(dl))


def _set_error_recorder():
    calls = []

    @_capi.DLPackSetErrorFunc
    def set_error(ctx, kind, message):
        calls.append((ctx, kind, message))

    return calls, set_error


def test_exchange_api_allocator():
    """10: the allocator makes a fresh versioned tensor of the prototype's dtype and shape."""
    api = exchange_api()
    calls, set_error = _set_error_recorder()
    shape = (c_int64 * 2)(2, 3)
    proto = _capi.DLTensor()
    proto.ndim, proto.shape = 2, ctypes.cast(shape, POINTER(c_int64))
    proto.dtype.code, proto.dtype.bits, proto.dtype.lanes = 4, 16, 1
    proto.device.device_type = _capi.kDLCPU
    before = live()
    m = POINTER(Versioned)()
    assert api.managed_tensor_allocator(byref(proto), byref(m), None, set_error) == 0
    assert calls == []
    v = m.contents
    assert (v.version.major, v.version.minor) == (1, 3)
    assert dims(v.dl_tensor) == ([2, 3], [3, 1])
    assert (v.dl_tensor.dtype.code, v.dl_tensor.dtype.bits) == (4, 16)
    assert v.dl_tensor.data % 64 == 0
    t = ctensor.from_dlpack(Producer(capsule(m)))
    assert t.dtype == ctensor.bfloat16 and t.shape == (2, 3)
    del t
    assert live() == before


def test_exchange_api_allocator_zero_d():
    api = exchange_api()
    calls, set_error = _set_error_recorder()
    proto = _capi.DLTensor()
    proto.ndim, proto.shape = 0, None
    proto.dtype.code, proto.dtype.bits, proto.dtype.lanes = 5, 128, 1
    proto.device.device_type = _capi.kDLCPU
    m = POINTER(Versioned)()
    assert api.managed_tensor_allocator(byref(proto), byref(m), None, set_error) == 0
    assert calls == [] and m.contents.dl_tensor.ndim == 0
    t = ctensor.from_dlpack(Producer(capsule(m)))
    assert t.dtype == ctensor.complex128 and t.shape == ()


@pytest.mark.parametrize("bad", ["dtype", "lanes", "device", "cuda", "shape"])
def test_exchange_api_allocator_error(bad):
    """10: an impossible prototype: SetError exactly once, -1, *out NULL, nothing leaked."""
    api = exchange_api()
    calls, set_error = _set_error_recorder()
    shape = (c_int64 * 2)(2, -3 if bad == "shape" else 3)
    proto = _capi.DLTensor()
    proto.ndim, proto.shape = 2, ctypes.cast(shape, POINTER(c_int64))
    proto.dtype.code, proto.dtype.bits, proto.dtype.lanes = (200 if bad == "dtype" else 2), 32, (
        4 if bad == "lanes" else 1)
    proto.device.device_type = {"device": _capi.kDLOpenCL, "cuda": _capi.kDLCUDA}.get(bad, _capi.kDLCPU)
    if bad == "cuda" and ctensor.cuda.is_available():
        pytest.skip("this machine has CUDA")
    before = live()
    m = POINTER(Versioned)()
    ctx = c_void_p(0xC0FFEE)
    assert api.managed_tensor_allocator(byref(proto), byref(m), ctx, set_error) == -1
    assert not m
    assert len(calls) == 1
    (got_ctx, kind, message), = calls
    assert got_ctx == 0xC0FFEE
    assert kind in (b"BufferError", b"RuntimeError", b"MemoryError")
    if bad in ("dtype", "lanes"):
        assert kind == b"BufferError" and b"has no ctensor dtype" in message
    assert message.startswith(b"ct")
    assert live() == before


# ---- from_dlpack through a producer's exchange API ----------------------------------------------

def test_from_dlpack_uses_ctensors_exchange_api():
    """ctensor -> ctensor goes through the table (no __dlpack__ call), zero-copy, deleter once."""
    class Via:
        """A foreign type publishing ctensor's table; its objects carry a handle in _h."""
        __dlpack_c_exchange_api__ = ctensor.Tensor.__dlpack_c_exchange_api__

        def __init__(self, t):
            self.t = t
            self._h = t._h

        def __dlpack__(self, **kw):
            raise AssertionError("__dlpack__ must not be called")

        def __dlpack_device__(self):
            raise AssertionError("__dlpack_device__ must not be called")

    t = ctensor.arange(6, dtype=ctensor.float32).reshape(2, 3)
    before = live()
    r = ctensor.from_dlpack(Via(t[:, 1:]))
    assert r.tolist() == [[1, 2], [4, 5]] and r.data_ptr() == t.data_ptr() + 4
    assert live() == (before[0] + 1, before[1] + 1)
    r[1, 1] = 50.0
    assert t[1, 2].item() == 50.0
    del r
    assert live() == before
    r = ctensor.from_dlpack(t)  # ctensor's own objects take the same path
    assert r.data_ptr() == t.data_ptr()


def test_from_dlpack_exchange_api_only_without_device_or_copy():
    class Via(Producer):
        __dlpack_c_exchange_api__ = ctensor.Tensor.__dlpack_c_exchange_api__

    t = ctensor.ones(3)
    p = Via(t.__dlpack__(max_version=(1, 0), copy=True))
    r = ctensor.from_dlpack(p, copy=True)
    assert len(p.calls) == 1 and p.calls[0]["copy"] is True
    assert r.data_ptr() != t.data_ptr()


def test_from_dlpack_exchange_api_errors():
    """The producer's Python exception passes through; a foreign table of major 2 is refused."""
    class NoHandle:
        __dlpack_c_exchange_api__ = ctensor.Tensor.__dlpack_c_exchange_api__

    with pytest.raises(AttributeError, match="_h"):
        ctensor.from_dlpack(NoHandle())

    table = _capi.DLPackExchangeAPI()
    table.header.version.major, table.header.version.minor = 2, 0
    new = ctypes.pythonapi.PyCapsule_New
    new.argtypes, new.restype = (c_void_p, ctypes.c_char_p, c_void_p), py_object

    class Future:
        __dlpack_c_exchange_api__ = new(ctypes.addressof(table), API_NAME, None)

    with pytest.raises(BufferError, match="major version 2"):
        ctensor.from_dlpack(Future())


def _foreign_type(from_py):
    """A producer type publishing its own exchange table (version 1.3) whose
    managed_tensor_from_py_object_no_sync is the ctypes callback from_py (or NULL)."""
    table = _capi.DLPackExchangeAPI()
    table.header.version.major, table.header.version.minor = 1, 3
    if from_py is not None:
        table.managed_tensor_from_py_object_no_sync = from_py
    new = ctypes.pythonapi.PyCapsule_New
    new.argtypes, new.restype = (c_void_p, ctypes.c_char_p, c_void_p), py_object

    class Foreign:
        keep = (table, from_py)
        __dlpack_c_exchange_api__ = new(ctypes.addressof(table), API_NAME, None)

        def __dlpack__(self, **kw):
            raise AssertionError("__dlpack__ must not be called")

        def __dlpack_device__(self):
            raise AssertionError("__dlpack_device__ must not be called")

    return Foreign


def test_from_dlpack_uses_a_foreign_exchange_api():
    """ctensor as the consumer of another type's table: it calls the producer's
    managed_tensor_from_py_object_no_sync with the object and owns the result."""
    base = ctensor.arange(4, dtype=ctensor.float32)
    seen = []

    @_capi.DLPackManagedTensorFromPyObjectNoSync
    def from_py(obj, out):
        seen.append(obj)
        out[0] = export_versioned(base)
        return 0

    kind = _foreign_type(from_py)
    obj = kind()
    before = live()
    r = ctensor.from_dlpack(obj)
    assert seen == [id(obj)]
    assert r.data_ptr() == base.data_ptr() and r.tolist() == [0, 1, 2, 3]
    assert live() == (before[0] + 1, before[1] + 1)
    del r
    assert live() == before


def test_foreign_exchange_api_refusals():
    """A table's tensor ctensor cannot take (major 2) is deleted once (the consumer owns it);
    a failing or missing producer function is a BufferError."""
    base = ctensor.ones(2)
    made = []

    @_capi.DLPackManagedTensorFromPyObjectNoSync
    def major_2(obj, out):
        m = export_versioned(base)
        m.contents.version.major = 2
        made.append(1)
        out[0] = m
        return 0

    before = live()
    with pytest.raises(BufferError, match="major version 2"):
        ctensor.from_dlpack(_foreign_type(major_2)())
    assert made == [1] and live() == before

    @_capi.DLPackManagedTensorFromPyObjectNoSync
    def fails(obj, out):
        return -1

    with pytest.raises(BufferError, match="the producer could not export the object"):
        ctensor.from_dlpack(_foreign_type(fails)())
    with pytest.raises(BufferError, match="managed_tensor_from_py_object_no_sync is NULL"):
        ctensor.from_dlpack(_foreign_type(None)())


def test_from_dlpack_ignores_a_non_capsule_table():
    """An integer attribute (the pre-1.3 form) is not a table: __dlpack__ is used."""
    class OldForm(Producer):
        __dlpack_c_exchange_api__ = 12345

    p = OldForm(capsule(export_versioned(ctensor.ones(2))))
    assert ctensor.from_dlpack(p).tolist() == [1, 1]
    assert len(p.calls) == 1


# ---- alignment (item 31) ------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [ctensor.uint8, ctensor.float32, ctensor.complex128], ids=str)
def test_fresh_tensors_are_64_byte_aligned(dtype):
    for n in (1, 3, 17, 64, 1000, 4097, 1 << 16):
        for make in (ctensor.empty, ctensor.zeros, ctensor.ones):
            t = make(n, dtype=dtype)
            assert t.data_ptr() % 64 == 0, (make.__name__, n)
            assert fields(t.__dlpack__())[2].data % 64 == 0
    assert ctensor.full((33,), 1, dtype=dtype).data_ptr() % 64 == 0
    assert sample(dtype).clone().data_ptr() % 64 == 0


# ---- NumPy as consumer (13, 20-22) --------------------------------------------------------------

def test_numpy_imports_ctensor(np):
    """13: np.from_dlpack shares memory; writes through ctensor show in NumPy; the array is
    read-only on NumPy 1.x/2.0-2.2.4 (legacy or bugged) and writeable on 2.2.5+ (versioned)."""
    t = ctensor.arange(20, dtype=ctensor.float32).reshape(4, 5)
    a = np.from_dlpack(t)
    assert a.dtype == np.float32 and a.shape == (4, 5) and a.strides == (20, 4)
    assert a.ctypes.data == t.data_ptr()
    np.testing.assert_array_equal(a, np.arange(20, dtype=np.float32).reshape(4, 5))
    t[1, 2] = -7.0
    assert a[1, 2] == -7.0
    writeable = np_exports_versioned(np) and np_version(np) >= (2, 2, 5)
    assert a.flags.writeable == writeable
    if writeable:
        a[3, 4] = 99.0
        assert t[3, 4].item() == 99.0


def test_numpy_imports_views(np):
    """15-16 (NumPy): transposed, stepped and offset views arrive with the right values."""
    t = ctensor.arange(20, dtype=ctensor.int64).reshape(4, 5)
    ref = np.arange(20).reshape(4, 5)
    for view, expect in ((t.T, ref.T), (t[:, ::2], ref[:, ::2]), (t[1:, 1:], ref[1:, 1:]),
                         (t[:1].expand(3, 5), np.broadcast_to(ref[:1], (3, 5))),
                         (t[2, 3], ref[2, 3]), (t[:0], ref[:0])):
        a = np.from_dlpack(view)
        np.testing.assert_array_equal(a, expect)
        assert a.shape == expect.shape
        if a.size:
            assert a.ctypes.data == view.data_ptr()
            assert a.strides == tuple(8 * s for s in view.stride()) or a.size == 1


def test_numpy_imports_zero_d_and_empty(np):
    """30 (NumPy): () and (0, 3) import with their shapes."""
    a = np.from_dlpack(ctensor.tensor(2.5))
    assert a.shape == () and a[()] == 2.5
    a = np.from_dlpack(ctensor.zeros(0, 3, dtype=ctensor.int32))
    assert a.shape == (0, 3) and a.dtype == np.int32


@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_numpy_dtype_matrix(np, dtype):
    """22: every dtype NumPy has round-trips ctensor -> NumPy -> ctensor with the same code and
    memory; bool (NumPy 1.24) and bfloat16 are refused by NumPy (not a ctensor bug), and the
    refused export is still deleted exactly once."""
    t = sample(dtype)
    supported = dtype in NP_NAME and (dtype != ctensor.bool or np_supports_bool(np))
    if not supported:
        before = live()
        with pytest.raises((RuntimeError, BufferError), match="Unsupported dtype"):
            np.from_dlpack(t)
        assert live() == before
        return
    a = np.from_dlpack(t)
    assert a.dtype == np.dtype(NP_NAME[dtype])
    assert a.tolist() == t.tolist() and a.ctypes.data == t.data_ptr()
    if not a.flags.writeable and not np_exports_versioned(np):
        # NumPy 1.x marks imports read-only and then refuses to export them.
        with pytest.raises(BufferError, match="readonly"):
            ctensor.from_dlpack(a)
        return
    back = ctensor.from_dlpack(a)
    assert back.dtype == dtype and back.tolist() == t.tolist() and back.data_ptr() == t.data_ptr()
    # numpy() agrees with np.from_dlpack
    n = t.numpy()
    assert n.dtype == a.dtype and n.ctypes.data == a.ctypes.data


def test_numpy_refusal_keeps_its_own_message(np):
    """20/21: NumPy sets its error and then drops ctensor's capsule (its destructor runs with the
    exception pending): NumPy's message is what Python raises, and the export is freed once."""
    t = ctensor.ones(3, dtype=ctensor.bfloat16)
    before = live()
    with pytest.raises((RuntimeError, BufferError)) as info:
        np.from_dlpack(t)
    assert str(info.value) == "Unsupported dtype in DLTensor."
    del info
    assert live() == before
    if not np_supports_bool(np):
        with pytest.raises(RuntimeError) as info:
            np.from_dlpack(ctensor.ones(2, dtype=ctensor.bool))
        assert str(info.value) == "Unsupported dtype in DLTensor."


def test_numpy_read_only_ctensor(np):
    """24 (NumPy): NumPy 1.x asks for a legacy capsule, which a read-only tensor cannot be
    (BufferError); a versioned NumPy gets the READ_ONLY flag and a read-only array."""
    keep = []
    t = read_only_tensor(keep)
    if np_exports_versioned(np):
        a = np.from_dlpack(t)
        assert not a.flags.writeable and a.tolist() == [0, 1, 2, 3]
        assert a.ctypes.data == t.data_ptr()
    else:
        with pytest.raises(BufferError, match="read-only"):
            np.from_dlpack(t)
    a = t.numpy()
    assert not a.flags.writeable and a.ctypes.data == t.data_ptr()
    with pytest.raises(ValueError, match="read-only"):
        a[0] = 1


# ---- NumPy as producer (14, 17) -----------------------------------------------------------------

def test_ctensor_imports_numpy(np):
    """14: zero-copy, writes visible both ways (NumPy 1.24's legacy capsule is writable here)."""
    a = np.arange(12, dtype=np.float64).reshape(3, 4)
    t = ctensor.from_dlpack(a)
    assert t.dtype == ctensor.float64 and t.shape == (3, 4) and t.stride() == (4, 1)
    assert t.data_ptr() == a.ctypes.data
    t[0, 0] = 42.0
    assert a[0, 0] == 42.0
    a[2, 3] = -1.0
    assert t[2, 3].item() == -1.0
    t.add_(1)
    assert a[0, 0] == 43.0


def test_ctensor_imports_numpy_keywords(np):
    """14: ctensor first passes max_version=(1, 3); NumPy 1.24 refuses it (TypeError) and gets a
    second call with stream=None only; NumPy 2.1+ answers the first."""
    class Recorder:  # a new type per test: from_dlpack remembers what each type accepts
        def __init__(self, a):
            self.a, self.calls = a, []

        def __dlpack__(self, **kw):
            self.calls.append(dict(kw))
            return self.a.__dlpack__(**kw)

        def __dlpack_device__(self):
            return self.a.__dlpack_device__()

    a = np.arange(6, dtype=np.int32)
    r = Recorder(a)
    t = ctensor.from_dlpack(r)
    assert t.tolist() == list(range(6)) and t.data_ptr() == a.ctypes.data
    assert r.calls[0] == {"stream": None, "max_version": (1, 3)}
    assert r.calls[1:] == ([] if np_exports_versioned(np) else [{"stream": None}])


def test_ctensor_imports_numpy_layouts(np):
    """17: stepped, transposed, offset, 0-d and empty NumPy arrays; values and strides."""
    a = np.arange(20, dtype=np.float32).reshape(4, 5)
    for src in (a[:, ::2], a.T, a[1:, 1:], a[1:3, ::2].T, np.array(3.5, dtype=np.float32),
                np.zeros((0, 3), dtype=np.float32), a[2]):
        t = ctensor.from_dlpack(src)
        assert t.shape == src.shape and t.tolist() == src.tolist()
        if src.size > 1:
            assert t.data_ptr() == src.ctypes.data
            assert t.stride() == tuple(s // 4 for s in src.strides)


def test_ctensor_imports_numpy_broadcast(np):
    """17/24: np.broadcast_to is read-only: NumPy 1.24 refuses to export it (BufferError, passed
    through unchanged); a versioned NumPy flags it and ctensor makes a read-only view."""
    src = np.broadcast_to(np.arange(3.0), (2, 3))
    if not np_exports_versioned(np):
        with pytest.raises(BufferError, match="readonly"):
            ctensor.from_dlpack(src)
        return
    t = ctensor.from_dlpack(src)
    assert t.tolist() == [[0, 1, 2], [0, 1, 2]] and t.stride() == (0, 1)
    with pytest.raises(ValueError, match="read-only"):
        t[0, 0] = 1.0


def test_ctensor_refuses_negative_numpy_strides(np):
    """17: a[::-1] has a negative stride: from_dlpack raises BufferError, from_numpy the
    ValueError torch.from_numpy raises; NumPy's export is released (its reference on the
    array is gone again)."""
    import sys
    a = np.arange(10.0)
    view = a[::-1]
    refs = sys.getrefcount(view)
    with pytest.raises(BufferError, match="negative"):
        ctensor.from_dlpack(view)
    with pytest.raises(ValueError, match="negative"):
        ctensor.from_numpy(view)
    with pytest.raises(ValueError, match="negative"):
        ctensor.from_numpy(a.reshape(2, 5)[:, ::-2])
    assert sys.getrefcount(view) == refs


@pytest.mark.parametrize("name", ["uint16", "uint32", "uint64"])
def test_ctensor_refuses_numpy_dtypes_it_lacks(np, name):
    a = np.arange(4, dtype=name)
    with pytest.raises(BufferError, match=r"\(code 1, bits %d, lanes 1\) has no ctensor dtype"
                       % (8 * a.itemsize)):
        ctensor.from_dlpack(a)


def _unexportable(np):
    """(array, from_dlpack's message fragment) of arrays NumPy itself refuses to export."""
    cases = [(np.arange(3, dtype=">i4"), "native byte order"),
             (np.array([object()]), "DLPack only supports"),
             (np.zeros(3, dtype=[("a", "i4"), ("b", "f8")])["b"], "multiple of itemsize")]
    if np.dtype(np.longdouble).itemsize > 8:
        cases.append((np.zeros(2, dtype=np.longdouble), "longdouble"))
    return cases


def test_numpy_refusals_pass_through(np):
    """from_dlpack: NumPy's own export errors (byte order, object, unaligned strides,
    longdouble) reach the caller unchanged, as BufferError."""
    for src, needle in _unexportable(np):
        with pytest.raises(BufferError, match=needle):
            ctensor.from_dlpack(src)


# (array maker, exception, message fragment) of from_numpy's refusals: torch.from_numpy's types.
FROM_NUMPY_ERRORS = {
    "negative_stride": (lambda np: np.arange(4.0)[::-1], ValueError, "stride of the array is negative"),
    "byte_order": (lambda np: np.arange(3, dtype=">i4"), ValueError, "byte order"),
    "object": (lambda np: np.array([object()]), TypeError, "can't convert np.ndarray of type object"),
    "uint16": (lambda np: np.arange(3, dtype=np.uint16), TypeError, "of type uint16"),
    "uint64": (lambda np: np.arange(3, dtype=np.uint64), TypeError, "of type uint64"),
    "datetime": (lambda np: np.zeros(2, dtype="M8[s]"), TypeError, "can't convert"),
    "field_stride": (lambda np: np.zeros(3, dtype=[("a", "i4"), ("b", "f8")])["b"], ValueError,
                     "stride 12 is not a multiple of the element size 8"),
}


@pytest.mark.parametrize("case", sorted(FROM_NUMPY_ERRORS))
def test_from_numpy_refusals(np, case):
    """from_numpy refuses what torch.from_numpy refuses, with the same exception types."""
    make, exc, needle = FROM_NUMPY_ERRORS[case]
    src = make(np)
    with pytest.raises(exc, match=needle):
        ctensor.from_numpy(src)


def test_numpy_copy_keyword(np):
    """25 (NumPy producer): copy=True copies (NumPy 2.1+ itself, else ctensor); copy=False shares."""
    a = np.arange(4.0)
    t = ctensor.from_dlpack(a, copy=True)
    assert t.data_ptr() != a.ctypes.data and t.tolist() == [0, 1, 2, 3]
    t[0] = 9.0
    assert a[0] == 0.0
    t = ctensor.from_dlpack(a, copy=False)
    assert t.data_ptr() == a.ctypes.data
    t = ctensor.from_dlpack(a, device="cpu")
    assert t.data_ptr() == a.ctypes.data


# ---- Tensor.numpy(), __array__, from_numpy ------------------------------------------------------

def test_seed_numpy_shares_memory(np):
    """The seed example: b = a.numpy(); a.add_(1) changes b."""
    a = ctensor.ones(5)
    b = a.numpy()
    assert b.dtype == np.float32 and b.tolist() == [1.0] * 5
    a.add_(1)
    assert b.tolist() == [2.0] * 5
    b[0] = 10.0
    assert a.tolist() == [10.0, 2.0, 2.0, 2.0, 2.0]


def test_seed_from_numpy_shares_memory(np):
    """The seed example: b = from_numpy(a); np.add(a, 1, out=a) changes b (float64)."""
    a = np.ones(5)
    b = ctensor.from_numpy(a)
    np.add(a, 1, out=a)
    assert b.dtype == ctensor.float64 and b.tolist() == [2.0] * 5
    assert "tensor([2., 2., 2., 2., 2.], dtype=" in repr(b)
    b.mul_(3)
    assert a.tolist() == [6.0] * 5


@pytest.mark.parametrize("dtype", ALL, ids=str)
def test_numpy_method_dtypes(np, dtype):
    t = sample(dtype)
    if dtype == ctensor.bfloat16:
        with pytest.raises(TypeError, match="NumPy has no dtype for ctensor.bfloat16"):
            t.numpy()
        return
    a = t.numpy()
    assert a.dtype == np.dtype(NP_NAME[dtype]) and a.tolist() == t.tolist()
    assert a.ctypes.data == t.data_ptr() and a.flags.writeable
    b = ctensor.from_numpy(a) if dtype != ctensor.bool or np_supports_bool(np) else None
    if b is not None:
        assert b.dtype == dtype and b.data_ptr() == t.data_ptr()


def test_numpy_method_views(np):
    t = ctensor.arange(24, dtype=ctensor.int32).reshape(2, 3, 4)
    ref = np.arange(24, dtype=np.int32).reshape(2, 3, 4)
    for view, expect in ((t.T, ref.T), (t[:, 1:, ::2], ref[:, 1:, ::2]), (t[1, 2], ref[1, 2]),
                         (t[0, 0, 0], ref[0, 0, 0]), (t[:, :0], ref[:, :0]),
                         (t[:, :1].expand(2, 5, 4), np.broadcast_to(ref[:, :1], (2, 5, 4)))):
        a = view.numpy()
        assert a.shape == expect.shape and a.tolist() == expect.tolist()
        if a.size:
            assert a.ctypes.data == view.data_ptr()
            assert a.strides == tuple(4 * s for s in view.stride())
    view = t[1]
    a = view.numpy()
    del t, view
    a[0, 0] = 5  # the array keeps the memory alive
    assert a[0, 0] == 5 and a.tolist()[2][3] == 23


def test_numpy_method_of_empty_tensors(np):
    """numpy() of tensors without elements (ctensor allocates no memory: data pointer NULL),
    as torch.zeros(0, 3).numpy() gives an empty array."""
    for t, dtype in ((ctensor.zeros(0, 3), np.float32), (ctensor.empty(0, dtype=ctensor.int64), np.int64),
                     (ctensor.ones(2, 0, dtype=ctensor.bool), np.bool_)):
        a = t.numpy()
        assert a.shape == tuple(t.shape) and a.dtype == dtype
        assert np.asarray(t).shape == tuple(t.shape)


def test_array_protocol(np):
    t = ctensor.arange(6, dtype=ctensor.float32).reshape(2, 3)
    a = np.asarray(t)
    assert a.ctypes.data == t.data_ptr() and a.dtype == np.float32
    b = np.array(t)
    assert b.ctypes.data != t.data_ptr() and b.tolist() == t.tolist()
    c = np.asarray(t, dtype=np.float64)
    assert c.dtype == np.float64 and c.tolist() == t.tolist()
    assert t.__array__().ctypes.data == t.data_ptr()
    assert t.__array__(copy=True).ctypes.data != t.data_ptr()
    with pytest.raises(ValueError, match="needs a copy but copy=False"):
        t.__array__(np.float64, copy=False)
    if np_version(np) >= (2,):
        assert np.asarray(t, copy=False).ctypes.data == t.data_ptr()
        with pytest.raises(ValueError):
            np.asarray(t, dtype=np.int64, copy=False)


@pytest.mark.parametrize("obj", [[1, 2], (1.0,), 3, None, "array"])
def test_from_numpy_needs_an_ndarray(np, obj):
    with pytest.raises(TypeError, match=r"from_numpy: expected np.ndarray \(got %s\)"
                       % type(obj).__name__):
        ctensor.from_numpy(obj)


def test_from_numpy_refuses_a_tensor(np):
    with pytest.raises(TypeError, match="expected np.ndarray"):
        ctensor.from_numpy(ctensor.ones(2))
    with pytest.raises(TypeError, match="expected np.ndarray"):
        ctensor.from_numpy(np.float64(1.0))


@pytest.mark.parametrize("name", ["bool", "uint8", "int8", "int16", "int32", "int64", "float16",
                                  "float32", "float64", "complex64", "complex128"])
def test_from_numpy_dtypes(np, name):
    """torch.from_numpy's dtypes (bool too, which NumPy 1.24's __dlpack__ refuses); shares
    memory both ways."""
    a = (np.arange(6) % 3).astype(name).reshape(2, 3)
    t = ctensor.from_numpy(a)
    assert t.dtype == getattr(ctensor, name) and t.tolist() == a.tolist()
    assert t.data_ptr() == a.ctypes.data and t.stride() == (3, 1)
    t[1, 2] = 1
    assert a[1, 2] == 1


def test_from_numpy_read_only(np):
    """A read-only array gives a read-only tensor over the same memory (NumPy 2.1+: the
    versioned capsule's flag; NumPy 1.x: wrapped directly, as its export refuses it)."""
    base = np.arange(3.0)
    a = base.view()
    a.flags.writeable = False
    t = ctensor.from_numpy(a)
    assert t.data_ptr() == a.ctypes.data and t.tolist() == [0, 1, 2]
    with pytest.raises(ValueError, match="read-only"):
        t[0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        t.add_(1)
    base[1] = 7.0
    assert t.tolist() == [0, 7, 2]
    assert not t.numpy().flags.writeable
    b = np.broadcast_to(base, (2, 3))  # read-only with a zero stride
    t = ctensor.from_numpy(b)
    assert t.stride() == (0, 1) and t.tolist() == [[0, 7, 2]] * 2
    with pytest.raises(ValueError, match="read-only"):
        t[0, 0] = 1.0


@pytest.mark.parametrize("kind", ["writable", "read_only", "bool"])
def test_from_numpy_keeps_the_array_alive(np, kind):
    """The tensor holds the array (through NumPy's export, or directly where NumPy 1.x cannot
    export) until its last view goes, and then lets it go."""
    import sys
    a = np.arange(100.0) if kind != "bool" else np.arange(100) % 3 == 0
    if kind == "read_only":
        a.flags.writeable = False
    refs = sys.getrefcount(a)
    t = ctensor.from_numpy(a)
    assert sys.getrefcount(a) > refs
    view = t[10:20]
    del t
    assert sys.getrefcount(a) > refs
    assert view.tolist() == a[10:20].tolist()
    del view
    assert sys.getrefcount(a) == refs


# ---- NumPy arrays as operands, and cached metadata ------------------------------------------

def test_ndarray_operands_convert_as_torch_does(np):
    """tensor <op> ndarray and ndarray <op> tensor give tensors (the array is copied into one,
    as torch converts it: float64 stays float64); an in-place op keeps self and its dtype."""
    t = ctensor.ones(3)
    a = np.arange(3.0)
    for r in (t + a, a + t):
        assert isinstance(r, ctensor.Tensor) and r.dtype == ctensor.float64
        assert r.tolist() == [1.0, 2.0, 3.0]
    assert (t - a).tolist() == [1.0, 0.0, -1.0] and (a - t).tolist() == [-1.0, 0.0, 1.0]
    assert (t < a).tolist() == [False, False, True]
    m = np.ones((2, 3))
    assert (m @ ctensor.ones(3, dtype=ctensor.float64)).tolist() == [3.0, 3.0]
    same = t
    t += a
    assert t is same and t.dtype == ctensor.float32 and t.tolist() == [1.0, 2.0, 3.0]
    a[0] = 100  # a copy was taken, as torch takes one
    assert t.tolist() == [1.0, 2.0, 3.0]
    with pytest.raises(TypeError):
        t + "abc"


def test_metadata_is_cached_per_tensor_and_right_for_views():
    """shape and dtype are read once per tensor (handles never change them) and every view,
    conversion and in-place op still reports its own."""
    t = ctensor.zeros(2, 3)
    assert t.shape == (2, 3) and t.dtype == ctensor.float32
    t.add_(1)
    assert t.shape == (2, 3)
    v = t.T
    assert v.shape == (3, 2) and t.shape == (2, 3)
    assert t.to(ctensor.float64).dtype == ctensor.float64 and t.dtype == ctensor.float32
    assert t.view(6).shape == (6,) and t.dim() == 2 and v.ndim == 2
    assert t[0].shape == (3,) and t[None].shape == (1, 2, 3)
