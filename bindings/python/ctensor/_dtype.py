"""Element types: ``ctensor.float32`` and friends, named as in PyTorch.

This module rebinds ``bool``, ``int`` and ``float`` to dtypes (as torch
does): never use those builtins below their definitions.
"""

from ctypes import byref, c_bool, c_char_p, c_int32, c_int64

from . import _capi
from ._errors import error_from_status
from ._lib import lib

__all__ = [
    "dtype", "bool", "uint8", "int8", "int16", "short", "int32", "int", "int64", "long",
    "float16", "half", "bfloat16", "float32", "float", "float64", "double",
    "complex64", "cfloat", "complex128", "cdouble",
    "get_default_dtype", "set_default_dtype", "promote_types", "can_cast",
]

_NONE = _capi.CT_DTYPE_NONE


class dtype:
    """An element type, as ``torch.dtype``. There is one instance per type:
    compare with ``is`` or ``==``. Attributes: ``itemsize`` (bytes),
    ``is_floating_point``, ``is_complex``, ``is_signed``, and ``code`` (the C
    ``ct_dtype`` value)."""

    __slots__ = ("code", "name", "itemsize", "is_floating_point", "is_complex", "is_signed")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'ctensor.dtype' instances")

    @classmethod
    def _make(cls, code):
        self = object.__new__(cls)
        name = _c_str(lib.ct_dtype_name, code)
        itemsize = _c_int64(lib.ct_dtype_itemsize, code)
        for slot, value in (("code", code), ("name", name), ("itemsize", itemsize),
                            ("is_floating_point", _c_flag(lib.ct_dtype_is_floating_point, code)),
                            ("is_complex", _c_flag(lib.ct_dtype_is_complex, code)),
                            ("is_signed", _c_flag(lib.ct_dtype_is_signed, code))):
            object.__setattr__(self, slot, value)
        return self

    def __setattr__(self, name, value):
        raise AttributeError("ctensor.dtype objects are immutable")

    def __repr__(self):
        return "ctensor." + self.name

    __str__ = __repr__

    def __reduce__(self):
        return (from_code, (self.code,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def to_real(self):
        """The real counterpart of a complex dtype (float32 for complex64); self otherwise."""
        return _TO_REAL.get(self, self)

    def to_complex(self):
        """The complex counterpart of a floating dtype (complex64 for float32), as torch.dtype.to_complex."""
        if self.is_complex:
            return self
        try:
            return _TO_COMPLEX[self]
        except KeyError:
            raise TypeError("to_complex is only supported for floating point dtypes, got %r"
                            % (self,)) from None


def _c_str(fn, code):
    out = c_char_p()
    st = fn(byref(out), code)
    if st:
        raise error_from_status(st)
    return out.value.decode()


def _c_int64(fn, code):
    out = c_int64()
    st = fn(byref(out), code)
    if st:
        raise error_from_status(st)
    return out.value


def _c_flag(fn, code):
    out = c_bool()
    st = fn(byref(out), code)
    if st:
        raise error_from_status(st)
    return out.value


_BY_CODE = tuple(dtype._make(c) for c in range(_capi.CT_DTYPE_COUNT))

# fmt: off
bool = _BY_CODE[_capi.CT_BOOL]                      # noqa: A001 (torch's names)
uint8 = _BY_CODE[_capi.CT_UINT8]
int8 = _BY_CODE[_capi.CT_INT8]
int16 = short = _BY_CODE[_capi.CT_INT16]
int32 = int = _BY_CODE[_capi.CT_INT32]              # noqa: A001
int64 = long = _BY_CODE[_capi.CT_INT64]
float16 = half = _BY_CODE[_capi.CT_FLOAT16]
bfloat16 = _BY_CODE[_capi.CT_BFLOAT16]
float32 = float = _BY_CODE[_capi.CT_FLOAT32]        # noqa: A001
float64 = double = _BY_CODE[_capi.CT_FLOAT64]
complex64 = cfloat = _BY_CODE[_capi.CT_COMPLEX64]
complex128 = cdouble = _BY_CODE[_capi.CT_COMPLEX128]
# fmt: on

_TO_REAL = {complex64: float32, complex128: float64}
_TO_COMPLEX = {float16: complex64, bfloat16: complex64, float32: complex64, float64: complex128}


def from_code(code):
    """The dtype object of a C ``ct_dtype`` value."""
    return _BY_CODE[code]


def code_of(d):
    """The C code of a dtype argument: None gives CT_DTYPE_NONE (-1).

    Anything but a ``ctensor.dtype`` or None is a TypeError, as in torch.
    """
    if d is None:
        return _NONE
    if type(d) is dtype:
        return d.code
    raise TypeError("dtype must be a ctensor.dtype, not %s" % type(d).__name__)


def get_default_dtype():
    """The default floating dtype (initially float32), as torch.get_default_dtype()."""
    out = c_int32()
    st = lib.ct_get_default_dtype(byref(out))
    if st:
        raise error_from_status(st)
    return _BY_CODE[out.value]


def set_default_dtype(d):
    """Sets the default floating dtype (float16, bfloat16, float32 or float64),
    as torch.set_default_dtype. Process-wide."""
    code = code_of(d)
    if d is None or not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    st = lib.ct_set_default_dtype(code)
    if st:
        raise error_from_status(st)


def promote_types(type1, type2):
    """The smallest dtype both convert to without leaving their category, as torch.promote_types."""
    out = c_int32()
    st = lib.ct_promote_types(byref(out), code_of(type1), code_of(type2))
    if st:
        raise error_from_status(st)
    return _BY_CODE[out.value]


def can_cast(from_, to):
    """Whether an op result of dtype ``from_`` may be written to a ``to`` tensor, as torch.can_cast."""
    out = c_bool()
    st = lib.ct_can_cast(byref(out), code_of(from_), code_of(to))
    if st:
        raise error_from_status(st)
    return out.value
