"""Zero-copy exchange: DLPack (``__dlpack__``, ``from_dlpack``) and NumPy.

The capsules and their destructors are C functions of libctensor
(``ct_dlpack_py_*``, called through ``ctypes.PyDLL`` with the GIL held); this
module only negotiates the protocol. See include/ctensor/dlpack.h.

* ``Tensor.__dlpack__(*, stream=None, max_version=None, dl_device=None,
  copy=None)`` gives a legacy "dltensor" capsule unless the consumer passes
  ``max_version`` with a major of at least 1, then a "dltensor_versioned"
  one (DLPack 1.3), as the array API standard asks.
* ``from_dlpack(x, *, device=None, copy=None)`` takes any producer: a
  producer's C exchange API (``type(x).__dlpack_c_exchange_api__``) when it
  has one and no device or copy is asked, else ``x.__dlpack__`` with the
  newest keywords the producer accepts (remembered per type), or a raw
  capsule.
* ``from_numpy`` and ``Tensor.numpy()`` share memory with NumPy both ways.
"""

import ctypes
import enum
import sys
from ctypes import byref, c_bool, c_int32, c_void_p

from . import _capi
from . import _cuda
from . import _device
from ._errors import check
from ._lib import lib, pylib
from ._tensor import Tensor

__all__ = ["from_dlpack", "from_numpy", "DLDeviceType"]

_DLPACK_VERSION = (_capi.DLPACK_MAJOR_VERSION, _capi.DLPACK_MINOR_VERSION)


# DLPack device types, as __dlpack_device__ reports them (kDLCPU = 1, ...).
DLDeviceType = enum.IntEnum("DLDeviceType",
                            [(n, getattr(_capi, n)) for n in _capi.ENUMS["DLDeviceType"]],
                            module=__name__)

_export = pylib.ct_dlpack_py_export
_import = pylib.ct_dlpack_py_import
_import_exchange = pylib.ct_dlpack_py_import_exchange
_tensor_device = lib.ct_tensor_device
_wrap = Tensor._wrap

def _init():
    """Hands libctensor the CPython entry points it calls (see dlpack.h)."""
    api = ctypes.pythonapi
    names = ("PyCapsule_New", "PyCapsule_IsValid", "PyCapsule_GetPointer", "PyCapsule_SetName",
             "PyErr_Fetch", "PyErr_Restore", "PyErr_SetString", "PyObject_GetAttrString",
             "PyLong_AsVoidPtr", "PyLong_FromVoidPtr", "PyObject_CallFunctionObjArgs",
             "Py_DecRef", "PyErr_Occurred")
    slots = [ctypes.cast(getattr(api, n), c_void_p).value for n in names]
    # Objects the library refers to: kept alive by this module (and the builtins).
    slots += [id(BufferError), id(MemoryError), id(RuntimeError), id(_wrap)]
    names = ("Py_IncRef", "PyGILState_Ensure", "PyGILState_Release", "Py_IsInitialized")
    slots += [ctypes.cast(getattr(api, n), c_void_p).value for n in names]
    slots.append(id(check))  # CT_PYAPI_RAISE: check(status) raises ctensor's exception
    assert len(slots) == _capi.CT_PYAPI_COUNT
    table = (c_void_p * len(slots))(*slots)
    check(pylib.ct_dlpack_py_init(table, len(slots)))
    return pylib.ct_dlpack_py_exchange_api()


_EXCHANGE_API_CAPSULE = _init()


# ---- producer ------------------------------------------------------------------------------

def _device_of(t):
    dtype, index = c_int32(), c_int32()
    check(_tensor_device(byref(dtype), byref(index), t._h))
    return dtype.value, index.value


def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
    """The tensor as a DLPack capsule, per the array API standard.

    ``max_version``: the newest (major, minor) the consumer reads; None means
    a legacy "dltensor" capsule. ``dl_device``: the (type, id) the consumer
    wants. ``copy``: True always copies (flag IS_COPIED), False never does.
    ``stream``: the consumer's stream. For a CPU tensor it must be None (or
    -1). For a CUDA tensor None and 1 mean the legacy default stream, 2 the
    per-thread default stream, a larger int a cudaStream_t, -1 no
    synchronisation: the consumer's stream is made to wait for the work
    enqueued so far on ctensor's current stream of the tensor's device.
    """
    if stream is not None and stream != -1:
        return _dlpack_on_stream(self, stream, max_version, dl_device, copy)
    versioned = False
    if max_version is not None:
        try:
            major, _minor = max_version
            major = int(major)
        except (TypeError, ValueError):
            raise TypeError("__dlpack__: max_version must be a (major, minor) tuple, got %r"
                            % (max_version,)) from None
        versioned = major >= 1
    dl_type, dl_index = _capi.CT_DEVICE_NONE, -1
    if dl_device is not None:
        try:
            dl_type, dl_index = (int(v) for v in dl_device)
        except (TypeError, ValueError):
            raise TypeError("__dlpack__: dl_device must be a (device_type, device_id) tuple, got %r"
                            % (dl_device,)) from None
    if copy is None:
        mode = _capi.CT_DLPACK_COPY_IF_NEEDED
    elif copy is True:
        mode = _capi.CT_DLPACK_COPY_ALWAYS
    elif copy is False:
        mode = _capi.CT_DLPACK_COPY_NEVER
    else:
        raise TypeError("__dlpack__: copy must be None, True or False, got %r" % (copy,))
    return _export(self._h, versioned, mode, dl_type, dl_index)


def _dlpack_on_stream(t, stream, max_version, dl_device, copy, strict=True):
    """__dlpack__ with a consumer stream: the export, then (for a CUDA tensor) the
    consumer's stream made to wait for ctensor's current stream (after any copy the
    export enqueued)."""
    sync = _stream_arg(t, stream, strict)
    capsule = __dlpack__(t, max_version=max_version, dl_device=dl_device, copy=copy)
    if sync is not None:
        _cuda._dlpack_sync(*sync)
    return capsule


def _dlpack_streams_set(self, *, stream=None, max_version=None, dl_device=None, copy=None):
    if stream is None:
        # None is the legacy default stream: after a stream other than a device's default
        # was made current, a CUDA tensor's export must make it wait (see _streams_set).
        return _dlpack_on_stream(self, 1, max_version, dl_device, copy, False)
    return __dlpack__(self, stream=stream, max_version=max_version, dl_device=dl_device,
                      copy=copy)


_dlpack_streams_set.__doc__ = __dlpack__.__doc__
_dlpack_streams_set.__name__ = _dlpack_streams_set.__qualname__ = "__dlpack__"


def _streams_set():
    """Called by ctensor.cuda the first time a stream other than a default one is made
    current. Until then ctensor's current stream is the legacy default stream, which is
    what stream=None names, so __dlpack__(stream=None) needs no synchronisation and CPU
    exports pay nothing for it; from then on Tensor.__dlpack__ checks the device."""
    Tensor.__dlpack__ = _dlpack_streams_set


def _stream_arg(t, stream, strict=True):
    """(device index, stream) of the handshake for a CUDA tensor; None for a CPU
    tensor (for which only None and -1 are accepted when strict)."""
    if isinstance(stream, bool) or not isinstance(stream, int):
        raise TypeError("__dlpack__: stream must be an int or None, not %s" % type(stream).__name__)
    kind, index = _device_of(t)
    if kind == _capi.CT_DEVICE_CUDA:
        if stream == 0:
            raise ValueError("__dlpack__: stream 0 is disallowed for CUDA (ambiguous); pass 1 "
                             "for the legacy default stream")
        if stream < -1:
            raise ValueError("__dlpack__: a CUDA stream must be -1, 1, 2 or a stream pointer, "
                             "got %d" % stream)
        return index, stream
    if strict:
        raise ValueError("__dlpack__: stream must be None for a CPU tensor, got %r" % (stream,))
    return None


_DL_DEVICE_TYPES = {int(m): m for m in DLDeviceType}


def __dlpack_device__(self):
    """(DLDeviceType, device id) of the tensor's memory."""
    dtype, index = c_int32(), c_int32()
    st = _tensor_device(dtype, index, self._h)
    if st:
        check(st)
    return _DL_DEVICE_TYPES[dtype.value], index.value


# ---- consumer ------------------------------------------------------------------------------

def _from_capsule(capsule, read_only=False):
    out = c_void_p()
    st = _import(out, capsule, read_only)
    if st:
        check(st)
    return _wrap(out.value)


# type -> how many of ("stream", "max_version", "dl_device", "copy") its __dlpack__ took.
_ACCEPTED = {}
_CAPSULE_TYPE = type(_EXCHANGE_API_CAPSULE)


def _consumer_stream(dl_device):
    """The stream= a consumer passes for data it will use on a CUDA device: ctensor's
    current stream there (its cudaStream_t, or 1 for the legacy default stream)."""
    return _cuda._dlpack_stream_handle(int(dl_device[1]))


def _capsule_of(x, dl_device, copy, stream=None):
    """Calls x.__dlpack__ with the newest keywords it accepts (the standard's fallback)."""
    kinds = type(x)
    full = {"stream": stream, "max_version": _DLPACK_VERSION}
    if dl_device is not None:
        full["dl_device"] = dl_device
    if copy is not None:
        full["copy"] = copy
    attempts = (full, {"stream": stream}, {})
    start = _ACCEPTED.get(kinds, 0)
    for level in range(start, len(attempts)):
        try:
            capsule = x.__dlpack__(**attempts[level])
        except TypeError as exc:
            # Only a refused keyword means an older producer; other TypeErrors are the caller's.
            if level == len(attempts) - 1 or "keyword" not in str(exc):
                raise
            continue
        if level != start:
            _ACCEPTED[kinds] = level
        return capsule, level == 0


# type -> (_ACCEPTED's level, read-only), for producer types without a C exchange API that
# have been imported from before: from_dlpack(x) of such a type goes straight to the call.
_FAST = {}


def _immutable(kind):
    """Whether a producer type's arrays are immutable although its legacy capsules cannot
    say so (JAX): their imports are made read-only."""
    return kind.__module__.partition(".")[0] in ("jax", "jaxlib")


def _lazy_view(x):
    """Whether x is a view whose elements are computed on read (PyTorch's conjugate and
    negative bits): the C exchange API hands over the memory as it is (PyTorch 2.15 does,
    and the values come out unconjugated), while __dlpack__ resolves or refuses them."""
    is_conj = getattr(x, "is_conj", None)
    if is_conj is None:
        return False
    is_neg = getattr(x, "is_neg", None)
    return bool(is_conj()) or (is_neg is not None and bool(is_neg()))


def from_dlpack(x, *, device=None, copy=None):
    """A tensor sharing x's memory through DLPack (``torch.from_dlpack``).

    x is any object with ``__dlpack__`` and ``__dlpack_device__`` (NumPy,
    PyTorch, CuPy, JAX, ctensor), or a DLPack capsule. ``device``: where the
    result must live (a copy when x is elsewhere, refused when ``copy`` is
    False). ``copy``: True always copies, False never does (BufferError or
    ValueError when it would have to), None copies only when needed.
    """
    if device is None and copy is None:
        kind = type(x)
        if kind is Tensor:
            # ctensor to ctensor: the same tensor, in a new object (handles never change).
            lib.ct_tensor_retain(x._h)
            return _wrap(x._h)
        known = _FAST.get(kind)
        if known is not None:
            # A producer seen before: the calls that worked for it, without the search.
            level, read_only = known
            dev = x.__dlpack_device__()
            s = None if dev[0] != 2 else _consumer_stream(dev)
            if level == 0:
                capsule = x.__dlpack__(stream=s, max_version=_DLPACK_VERSION)
            elif level == 1:
                capsule = x.__dlpack__(stream=s)
            else:
                capsule = x.__dlpack__()
            out = c_void_p()
            st = _import(out, capsule, read_only)
            if st:
                check(st)
            return _wrap(out.value)
    if copy is not None and copy is not True and copy is not False:
        raise TypeError("from_dlpack: copy must be None, True or False, got %r" % (copy,))
    want = None if device is None else _device.parse(device)
    if type(x) is _CAPSULE_TYPE:
        result = _from_capsule(x)
        honoured = False
    else:
        api = getattr(type(x), "__dlpack_c_exchange_api__", None)
        if api is not None and want is None and copy is None and type(api) is _CAPSULE_TYPE \
                and not _lazy_view(x):
            out = c_void_p()
            check(_import_exchange(byref(out), api, x))
            return _wrap(out.value)
        if not hasattr(x, "__dlpack__"):
            raise AttributeError("from_dlpack: %s object has no __dlpack__ method"
                                 % type(x).__name__)
        # The standard's first call; propagates the producer's errors.
        dev = x.__dlpack_device__()
        dl_device = None if want is None else (int(want[0]), max(int(want[1]), 0))
        s = None
        if dev[0] == 2 and (dl_device is None or dl_device[0] == 2):
            s = _consumer_stream(dev if dl_device is None else dl_device)
        capsule, honoured = _capsule_of(x, dl_device, copy, s)
        # A copy the producer made for us is ours to write.
        read_only = _immutable(type(x)) and not (copy is True and honoured)
        result = _from_capsule(capsule, read_only)
        if want is None and copy is None and api is None:
            _FAST[type(x)] = (_ACCEPTED.get(type(x), 0), read_only)
    if want is not None:
        have = _device_of(result)
        if have[0] != want[0] or (want[1] >= 0 and have[1] != want[1]):
            if copy is False:
                raise ValueError("from_dlpack: the data is on device (%d, %d) and copy=False forbids "
                                 "moving it to (%d, %d)" % (have + want))
            return result.to(_device._from_code(*want))
    if copy is True and not honoured:
        result = result.clone()
    return result


# ---- NumPy ---------------------------------------------------------------------------------

def from_numpy(ndarray):
    """A tensor sharing the memory of a NumPy array (``torch.from_numpy``).

    Writes through either are seen by the other. A read-only array gives a
    read-only tensor. Arrays with negative strides are refused, as torch
    refuses them.
    """
    np = sys.modules.get("numpy")
    if np is None or not isinstance(ndarray, np.ndarray):
        raise TypeError("from_numpy: expected np.ndarray (got %s)" % type(ndarray).__name__)
    try:
        capsule = ndarray.__dlpack__()
    except BufferError:
        # A read-only array has no legacy export: NumPy 2.1+ flags it in a versioned one;
        # NumPy 1.x exports neither read-only nor bool arrays: wrap their memory directly.
        try:
            capsule = ndarray.__dlpack__(max_version=_DLPACK_VERSION)
        except (BufferError, TypeError):
            return _wrap_array(ndarray)
    out = c_void_p()
    st = _import(out, capsule, False)
    if st:
        if st != _capi.CT_ERR_DLPACK:
            check(st)
        return _wrap_array(ndarray)  # says why (negative strides, unsupported dtype)
    return _wrap(out.value)


# (kind, itemsize) of a NumPy dtype -> ctensor dtype code.
_NUMPY_CODES = {("b", 1): _capi.CT_BOOL, ("u", 1): _capi.CT_UINT8, ("i", 1): _capi.CT_INT8,
                ("i", 2): _capi.CT_INT16, ("i", 4): _capi.CT_INT32, ("i", 8): _capi.CT_INT64,
                ("f", 2): _capi.CT_FLOAT16, ("f", 4): _capi.CT_FLOAT32, ("f", 8): _capi.CT_FLOAT64,
                ("c", 8): _capi.CT_COMPLEX64, ("c", 16): _capi.CT_COMPLEX128}


def _wrap_array(a):
    """A tensor over a NumPy array's memory that keeps the array alive (C deleter)."""
    dt = a.dtype
    code = _NUMPY_CODES.get((dt.kind, dt.itemsize))
    if code is None:
        raise TypeError("from_numpy: can't convert np.ndarray of type %s; the supported types are "
                        "bool, uint8, int8, int16, int32, int64, float16, float32, float64, "
                        "complex64 and complex128" % dt)
    if not dt.isnative:
        raise ValueError("from_numpy: the array's byte order is not the machine's")
    itemsize = dt.itemsize
    # Size-1 dims never step, nor does an empty array: their strides do not matter.
    steps = [0 if n == 1 or a.size == 0 else st for n, st in zip(a.shape, a.strides)]
    for s in steps:
        if s < 0:
            raise ValueError("from_numpy: at least one stride of the array is negative, which "
                             "tensors do not support (copy the array first: array.copy())")
        if s % itemsize:
            raise ValueError("from_numpy: stride %d is not a multiple of the element size %d"
                             % (s, itemsize))
    nd = a.ndim
    shape = (ctypes.c_int64 * nd)(*a.shape)
    strides = (ctypes.c_int64 * nd)(*(s // itemsize for s in steps))
    flags = 0 if a.flags.writeable else _capi.CT_BLOB_READ_ONLY
    out = c_void_p()
    check(pylib.ct_dlpack_py_wrap_buffer(byref(out), a, a.__array_interface__["data"][0], nd,
                                         shape, strides, code, flags))
    return _wrap(out.value)


# NumPy typestr of each dtype code (bfloat16 has none).
_ORDER = "<" if sys.byteorder == "little" else ">"
_TYPESTR = {_capi.CT_BOOL: "|b1", _capi.CT_UINT8: "|u1", _capi.CT_INT8: "|i1",
            _capi.CT_INT16: _ORDER + "i2", _capi.CT_INT32: _ORDER + "i4",
            _capi.CT_INT64: _ORDER + "i8", _capi.CT_FLOAT16: _ORDER + "f2",
            _capi.CT_FLOAT32: _ORDER + "f4", _capi.CT_FLOAT64: _ORDER + "f8",
            _capi.CT_COMPLEX64: _ORDER + "c8", _capi.CT_COMPLEX128: _ORDER + "c16"}


def _typestr(code):
    s = _TYPESTR.get(code)
    if s is None:
        raise TypeError("numpy(): NumPy has no dtype for ctensor.%s" % _dtype_name(code))
    return s


def _dtype_name(code):
    name = ctypes.c_char_p()
    check(lib.ct_dtype_name(byref(name), code))
    return name.value.decode()


_numpy_keeps_writable = None


def _numpy_imports_writable(np):
    """Whether np.from_dlpack keeps a versioned import writable (NumPy 2.3 and later)."""
    global _numpy_keeps_writable
    if _numpy_keeps_writable is None:
        try:
            major, minor = (int(v) for v in np.__version__.split(".")[:2])
        except ValueError:
            major, minor = 0, 0
        _numpy_keeps_writable = (major, minor) >= (2, 3)
    return _numpy_keeps_writable


# A ctypes type viewing host memory for NumPy's buffer protocol. One type of the largest
# length serves every tensor (ctypes keeps every array type it makes: one per length would
# pile up); np.ndarray reads only the bytes its shape and strides reach.
_HOST_BYTES = ctypes.c_char * (1 << 62)
_data_ptr = lib.ct_tensor_data_ptr
_is_read_only = lib.ct_tensor_is_read_only
_strides = lib.ct_tensor_strides
_INT64S = [ctypes.c_int64 * n for n in range(9)]


def numpy(self, *, force=False):
    """The tensor as a NumPy array sharing its memory (``Tensor.numpy``).

    Writes through either are seen by the other; a read-only tensor gives a
    read-only array. ``force=True`` first copies a tensor that is not on the
    CPU.
    """
    np = sys.modules.get("numpy")
    if np is None:
        import numpy as np
    if _numpy_imports_writable(np):
        try:
            return np.from_dlpack(self)
        except (BufferError, RuntimeError, TypeError):
            pass  # another device, or a dtype NumPy lacks: the path below says which
    h = self._h
    dev, index = c_int32(), c_int32()
    st = _tensor_device(dev, index, h)
    if st:
        check(st)
    if dev.value != _capi.CT_DEVICE_CPU:
        if not force:
            raise TypeError("numpy(): the tensor is on %s; use Tensor.cpu() to copy it to host "
                            "memory first" % (_device._from_code(dev.value, index.value),))
        return numpy(self.cpu())
    dtype = self.dtype
    typestr = _typestr(dtype.code)
    shape = self.shape
    ptr, read_only = c_void_p(), c_bool()
    _data_ptr(ptr, h)
    _is_read_only(read_only, h)
    if ptr.value:
        # The array's base is a ctypes view of the memory that holds the tensor (which
        # holds the memory): NumPy never copies, and the view is writable unless the
        # tensor is not. (np.from_dlpack before NumPy 2.3 makes every import read-only.)
        memory = _HOST_BYTES.from_address(ptr.value)
        memory.tensor = self
        n = len(shape)
        strides = _INT64S[n]() if n < 9 else (ctypes.c_int64 * n)()
        _strides(strides, n, h)
        itemsize = dtype.itemsize
        a = np.ndarray(shape, typestr, memory, 0, [s * itemsize for s in strides])
    else:
        a = np.empty(shape, typestr)  # no elements, no memory: nothing to share
    if read_only.value:
        a.flags.writeable = False
    return a


def __array__(self, dtype=None, copy=None):
    """NumPy's conversion hook: the shared array, or a copy when dtype or copy ask."""
    a = numpy(self)
    if dtype is not None and a.dtype != dtype:
        if copy is False:
            raise ValueError("__array__: converting to %s needs a copy but copy=False" % (dtype,))
        return a.astype(dtype)
    if copy:
        return a.copy()
    return a


def _install(cls):
    """Adds the exchange methods to Tensor."""
    cls.__dlpack__ = __dlpack__
    _cuda.state.on_streams_set = _streams_set
    if _cuda.state.streams_set:
        _streams_set()
    cls.__dlpack_device__ = __dlpack_device__
    cls.__dlpack_c_exchange_api__ = _EXCHANGE_API_CAPSULE
    cls.numpy = numpy
    cls.__array__ = __array__
    cls.__array_priority__ = 1000  # ndarray <op> tensor defers to the tensor's reflected op
