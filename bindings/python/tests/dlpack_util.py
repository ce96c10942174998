"""Helpers of the DLPack tests: ctensor's counters, capsule inspection, and
synthetic producers built with ctypes from ctensor's own exports.

A synthetic producer starts from a real export (``ct_to_dlpack_versioned`` /
``ct_to_dlpack``), whose deleter only drops ctensor's storage reference and
frees the block, so its fields (version, flags, data, shape, strides, dtype)
may be edited freely and the deleter still frees exactly what was exported:
``live()`` then tells whether it ran.
"""

import ctypes
import os
import subprocess
import sys
import textwrap
from ctypes import POINTER, byref, c_char_p, c_int64, c_void_p, py_object

import ctensor
from ctensor import _capi
from ctensor._lib import lib

LEGACY = b"dltensor"
VERSIONED = b"dltensor_versioned"
USED_LEGACY = b"used_dltensor"
USED_VERSIONED = b"used_dltensor_versioned"
API_NAME = b"dlpack_exchange_api"

Versioned = _capi.DLManagedTensorVersioned
Legacy = _capi.DLManagedTensor

_py = ctypes.pythonapi
_capsule_name = _py.PyCapsule_GetName
_capsule_name.argtypes, _capsule_name.restype = (py_object,), c_char_p
_capsule_pointer = _py.PyCapsule_GetPointer
_capsule_pointer.argtypes, _capsule_pointer.restype = (py_object, c_char_p), c_void_p
_capsule_new = _py.PyCapsule_New
_capsule_new.argtypes, _capsule_new.restype = (c_void_p, c_char_p, c_void_p), py_object
_capsule_destructor = _py.PyCapsule_GetDestructor
_capsule_destructor.argtypes, _capsule_destructor.restype = (py_object,), c_void_p
_decref = _py.Py_DecRef
_decref.argtypes, _decref.restype = (py_object,), None


def live():
    """(exports not yet deleted, imports whose deleter has not run): ct_dlpack_live."""
    exports, imports = c_int64(), c_int64()
    assert lib.ct_dlpack_live(byref(exports), byref(imports)) == 0
    return exports.value, imports.value


def rss_bytes():
    """Resident set size of this process, from /proc/self/statm."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def capsule_name(capsule):
    """The name of a PyCapsule (bytes)."""
    return _capsule_name(capsule)


def capsule_pointer(capsule, name=None):
    """The pointer a capsule holds (an int); name defaults to its own."""
    return _capsule_pointer(capsule, capsule_name(capsule) if name is None else name)


def managed_of(capsule):
    """The managed tensor (a ctypes pointer) inside an unused DLPack capsule."""
    name = capsule_name(capsule)
    kind = Versioned if name == VERSIONED else Legacy
    return ctypes.cast(capsule_pointer(capsule, name), POINTER(kind))


def steal(address):
    """The Python object at a new reference handed out through a C out-parameter."""
    obj = ctypes.cast(address, py_object).value
    _decref(obj)
    return obj


def export_versioned(t, copy=_capi.CT_DLPACK_COPY_IF_NEEDED):
    """A fresh versioned managed tensor of t (ct_to_dlpack_versioned)."""
    out = POINTER(Versioned)()
    assert lib.ct_to_dlpack_versioned(byref(out), t._h, copy, _capi.CT_DEVICE_NONE, -1) == 0
    return out


def export_legacy(t):
    """A fresh legacy managed tensor of t (ct_to_dlpack)."""
    out = POINTER(Legacy)()
    assert lib.ct_to_dlpack(byref(out), t._h, _capi.CT_DLPACK_COPY_IF_NEEDED, _capi.CT_DEVICE_NONE, -1) == 0
    return out


def call_deleter(m):
    """Runs a managed tensor's deleter (a C function of libctensor) once."""
    m.contents.deleter(m)


def _real_destructors():
    """Addresses of ctensor's C capsule destructors, read off two throwaway capsules."""
    t = ctensor.zeros(1)
    return {LEGACY: _capsule_destructor(t.__dlpack__()),
            VERSIONED: _capsule_destructor(t.__dlpack__(max_version=(1, 0)))}


DESTRUCTORS = _real_destructors()


def capsule(m, destructor=True):
    """A capsule holding managed tensor m (from export_*), named for its kind.

    destructor=True gives it ctensor's own capsule destructor (it frees m
    unless a consumer renamed the capsule); False gives none (the caller
    frees m if no consumer takes it).
    """
    name = VERSIONED if isinstance(m.contents, Versioned) else LEGACY
    return _capsule_new(ctypes.cast(m, c_void_p), name, DESTRUCTORS[name] if destructor else None)


def set_dims(dl, shape, strides, keep):
    """Points a DLTensor's shape and strides at new arrays (strides None: NULL);
    keep (a list) holds the arrays as long as the consumer may read them."""
    dl.ndim = len(shape)
    arrays = [(c_int64 * max(len(shape), 1))(*shape)]
    dl.shape = ctypes.cast(arrays[0], POINTER(c_int64)) if shape else None
    if strides is None:
        dl.strides = None
    else:
        arrays.append((c_int64 * max(len(strides), 1))(*strides))
        dl.strides = ctypes.cast(arrays[1], POINTER(c_int64)) if strides else None
    keep.extend(arrays)


class Producer:
    """An array-like object whose __dlpack__ hands out one prepared capsule
    and records the keywords of every call (the array API 2023.12 signature)."""

    def __init__(self, capsule, device=(1, 0)):
        self.capsule = capsule
        self.device = device
        self.calls = []
        self.keep = []

    def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
        self.calls.append({"stream": stream, "max_version": max_version, "dl_device": dl_device,
                           "copy": copy})
        return self.capsule

    def __dlpack_device__(self):
        return self.device


class Torch113Producer(Producer):
    """A producer with torch 1.13's signature: __dlpack__(self, stream=None)."""

    def __dlpack__(self, stream=None):
        self.calls.append({"stream": stream})
        return self.capsule


class NumPy124Producer(Producer):
    """A producer with NumPy 1.24's signature: __dlpack__(self, *, stream=None)."""

    def __dlpack__(self, *, stream=None):
        self.calls.append({"stream": stream})
        return self.capsule


def run_python(code, timeout=60):
    """Runs code in a fresh interpreter (this one) with this package and library;
    returns the CompletedProcess (text stdout/stderr)."""
    env = dict(os.environ)
    pkg = os.path.dirname(os.path.dirname(os.path.abspath(ctensor.__file__)))
    env["PYTHONPATH"] = pkg + os.pathsep + env.get("PYTHONPATH", "")
    from ctensor import _lib
    if os.path.isfile(_lib.path):
        env["CTENSOR_LIBRARY"] = os.path.abspath(_lib.path)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=timeout)


def has_module(name):
    """Whether this interpreter can import name (without importing it here)."""
    import importlib.util
    return importlib.util.find_spec(name) is not None


__all__ = ["LEGACY", "VERSIONED", "USED_LEGACY", "USED_VERSIONED", "API_NAME", "Versioned", "Legacy",
           "live", "rss_bytes", "capsule_name", "capsule_pointer", "managed_of", "steal",
           "export_versioned", "export_legacy", "call_deleter", "capsule", "set_dims", "Producer",
           "Torch113Producer", "NumPy124Producer", "run_python", "has_module"]


def sample(dtype):
    """A small 2x3 tensor of dtype with distinct, exactly representable values."""
    if dtype == ctensor.bool:
        data = [[True, False, True], [False, False, True]]
    elif dtype == ctensor.uint8:
        data = [[1, 2, 250], [7, 0, 128]]
    elif dtype.is_complex:
        data = [[1 + 2j, -3j, 0.5], [2.25, -1 + 1j, 0]]
    elif dtype.is_floating_point:
        data = [[1.5, -2.25, 3.0], [0.5, -0.125, 8.0]]
    else:
        data = [[1, -2, 3], [-4, 5, 127]]
    return ctensor.tensor(data, dtype=dtype)
