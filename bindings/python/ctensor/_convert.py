"""Argument helpers shared by every module: shapes, dims and scalars as ctypes values."""

import numbers
from ctypes import byref, c_bool, c_double, c_int64, c_void_p

from . import _capi
from ._errors import error_from_status
from ._lib import lib

# Set by _tensor.py once the class exists (the two modules need each other).
Tensor = None
_tensor_from_data = None

_BOOL = _capi.CT_BOOL
_INT64 = _capi.CT_INT64
_FLOAT64 = _capi.CT_FLOAT64
_COMPLEX128 = _capi.CT_COMPLEX128
_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1
_C128 = c_double * 2
_ARRAY_TYPES = tuple(c_int64 * n for n in range(17))
_scalar_tensor = lib.ct_scalar_tensor
_SCALAR_TYPES = (int, float, bool, complex)


def _array_type(n):
    return _ARRAY_TYPES[n] if n < 17 else c_int64 * n


def int64_array(seq):
    """A sequence of ints as (ctypes int64 array, n); None gives (None, 0)."""
    if seq is None:
        return None, 0
    n = len(seq)
    try:
        return _array_type(n)(*seq), n
    except TypeError:
        raise TypeError("expected a sequence of ints, got %r" % (seq,)) from None


def size_arg(size, fname):
    """The sizes of a factory, given as varargs (``zeros(2, 3)``) or as one
    sequence (``zeros((2, 3))``, ``zeros([])``), as (int64 array, ndim)."""
    if len(size) == 1 and (type(size[0]) is bool or not isinstance(size[0], int)):
        size = size[0]
        if not isinstance(size, (tuple, list)):
            if hasattr(size, "__index__") and not isinstance(size, bool):
                size = (size,)
            else:
                raise TypeError("%s(): argument 'size' must be tuple of ints, not %s"
                                % (fname, type(size).__name__))
    n = len(size)
    try:
        return _array_type(n)(*size), n
    except TypeError:
        pass
    for i, s in enumerate(size):
        if isinstance(s, bool) or not hasattr(s, "__index__"):
            raise TypeError("%s(): argument 'size' must be tuple of ints, but found element "
                            "of type %s at pos %d" % (fname, type(s).__name__, i))
    return _array_type(n)(*[s.__index__() for s in size]), n


def shape_arg(shape, fname, argname="size"):
    """A shape given as one sequence (``full((2, 3), ...)``), as (int64 array, ndim)."""
    if not isinstance(shape, (tuple, list)):
        raise TypeError("%s(): argument '%s' must be tuple of ints, not %s"
                        % (fname, argname, type(shape).__name__))
    return size_arg((shape,), fname)


def dims_arg(dim):
    """A dim argument (None, an int or a sequence of ints) as (int64 array or None, n)."""
    if dim is None:
        return None, 0
    if isinstance(dim, int):
        return _ARRAY_TYPES[1](dim), 1
    return int64_array(tuple(dim))


def _int_arg(x):
    if _INT64_MIN <= x <= _INT64_MAX:
        return byref(c_int64(x)), _INT64
    raise RuntimeError("Overflow when unpacking long")


def scalar_arg(x):
    """A Python number as (pointer keeping its buffer alive, C dtype code):
    bool -> BOOL, int -> INT64, float -> FLOAT64, complex -> COMPLEX128.
    NumPy scalars and 0-d arrays count as the Python number of their kind."""
    t = type(x)
    if t is float:
        return byref(c_double(x)), _FLOAT64
    if t is int:
        if _INT64_MIN <= x <= _INT64_MAX:
            return byref(c_int64(x)), _INT64
        raise RuntimeError("Overflow when unpacking long")
    if t is bool:
        return byref(c_bool(x)), _BOOL
    if t is complex:
        return _C128(x.real, x.imag), _COMPLEX128
    return _scalar_slow(x)


def _scalar_slow(x):
    kind = _number_kind(x)
    if kind is None:
        raise TypeError("expected a Python number (bool, int, float or complex), got %s"
                        % type(x).__name__)
    if kind is bool:
        return byref(c_bool(bool(x))), _BOOL
    if kind is int:
        return _int_arg(int(x))
    if kind is float:
        return byref(c_double(float(x))), _FLOAT64
    x = complex(x)
    return _C128(x.real, x.imag), _COMPLEX128


def _number_kind(x):
    """bool, int, float or complex for a number-like object (NumPy scalars and
    0-d arrays included), None for anything else (Tensors included)."""
    t = type(x)
    if t in _SCALAR_TYPES:
        return t
    if Tensor is not None and isinstance(x, Tensor):
        return None
    dt = getattr(x, "dtype", None)
    if dt is not None:  # NumPy scalars and 0-d arrays
        if getattr(x, "ndim", 0) != 0:
            return None
        kind = getattr(dt, "kind", None)
        return {"b": bool, "i": int, "u": int, "f": float, "c": complex}.get(kind)
    if isinstance(x, numbers.Number):
        if isinstance(x, bool):
            return bool
        if isinstance(x, numbers.Integral):
            return int
        if isinstance(x, numbers.Real):
            return float
        return complex
    return None


def is_scalar(x):
    """Whether x is a Python number (or NumPy scalar) rather than a tensor."""
    return type(x) in _SCALAR_TYPES or _number_kind(x) is not None


def wrapped(x):
    """A Python number as a 0-d "wrapped number" Tensor, which promotes as a
    Python scalar does (ct_scalar_tensor)."""
    ptr, code = scalar_arg(x)
    out = c_void_p()
    st = _scalar_tensor(byref(out), ptr, code)
    if st:
        raise error_from_status(st)
    return Tensor._wrap(out.value)


def as_tensor_arg(x):
    """An operand as a Tensor: Tensors pass through, Python numbers become
    wrapped numbers, lists and tuples go through ctensor.tensor()."""
    if isinstance(x, Tensor):
        return x
    if type(x) in _SCALAR_TYPES or _number_kind(x) is not None:
        return wrapped(x)
    if isinstance(x, (list, tuple)) or hasattr(x, "__array__"):
        return _tensor_from_data(x)
    raise TypeError("expected a Tensor or a number, got %s" % type(x).__name__)
