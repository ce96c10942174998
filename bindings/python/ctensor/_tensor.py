"""The Tensor class: properties, conversions, printing and indexing; and the
creation functions (empty, zeros, ones, full, rand, randn, randint, arange,
linspace, eye, tensor, the *_like forms), random generators and print options.

Operators (``t.add``, ``t + u``, ...) are installed on Tensor by _ops.py.
"""

import math
import os
from array import array
from ctypes import (byref, c_bool, c_char, c_double, c_int32, c_int64, c_size_t, c_uint64,
                    c_void_p, create_string_buffer)

from . import _capi
from . import _convert
from ._convert import scalar_arg, shape_arg, size_arg, _number_kind
from ._device import CPU as _CPU_DEVICE, _from_code as _device_from_code, device, parse
from ._dtype import _BY_CODE, code_of, dtype, get_default_dtype
from ._errors import ERRORS, error_from_status
from ._lib import lib

__all__ = [
    "Tensor", "Size", "Generator", "default_generator",
    "empty", "zeros", "ones", "full", "rand", "randn", "randint", "arange", "linspace", "eye",
    "tensor", "empty_like", "zeros_like", "ones_like", "full_like", "rand_like", "randn_like",
    "randint_like", "manual_seed", "initial_seed", "seed",
    "set_printoptions", "get_printoptions", "is_tensor", "is_floating_point", "is_complex",
    "numel", "strided", "layout", "memory_format", "preserve_format", "contiguous_format",
]

# C codes used on hot paths.
_DTYPE_NONE = _capi.CT_DTYPE_NONE
_DEVICE_NONE = _capi.CT_DEVICE_NONE
_DEVICE_CPU = _capi.CT_DEVICE_CPU
_BOOL = _capi.CT_BOOL
_UINT8 = _capi.CT_UINT8
_INT8 = _capi.CT_INT8
_INT16 = _capi.CT_INT16
_INT32 = _capi.CT_INT32
_INT64 = _capi.CT_INT64
_FLOAT64 = _capi.CT_FLOAT64
_COMPLEX128 = _capi.CT_COMPLEX128
_ERR_SHAPE = _capi.CT_ERR_SHAPE
_K_INT = _capi.CT_INDEX_INT
_K_SLICE = _capi.CT_INDEX_SLICE
_K_NONE = _capi.CT_INDEX_NONE
_K_ELLIPSIS = _capi.CT_INDEX_ELLIPSIS
_K_TENSOR = _capi.CT_INDEX_TENSOR
_K_BOOL = _capi.CT_INDEX_BOOL
_I64_MIN = -(1 << 63)
_I64_MAX = (1 << 63) - 1
_U64_MASK = (1 << 64) - 1

# C functions bound once (attribute lookups on a CDLL are not free).
_release = lib.ct_tensor_release
_ct_ndim = lib.ct_tensor_ndim
_ct_shape = lib.ct_tensor_shape
_ct_size = lib.ct_tensor_size
_ct_strides = lib.ct_tensor_strides
_ct_stride = lib.ct_tensor_stride
_ct_numel = lib.ct_tensor_numel
_ct_dtype = lib.ct_tensor_dtype
_ct_device = lib.ct_tensor_device
_ct_nbytes = lib.ct_tensor_nbytes
_ct_data_ptr = lib.ct_tensor_data_ptr
_ct_item_double = lib.ct_tensor_item_double
_ct_item_int64 = lib.ct_tensor_item_int64
_ct_item_complex = lib.ct_tensor_item_complex
_ct_to = lib.ct_to
_ct_contiguous = lib.ct_contiguous
_ct_select = lib.ct_select
_ct_slice = lib.ct_slice
_ct_index = lib.ct_index
_ct_index_put_ = lib.ct_index_put_
_ct_format = lib.ct_tensor_format
_ct_from_data = lib.ct_from_data
_ct_empty = lib.ct_empty
_ct_zeros = lib.ct_zeros
_ct_ones = lib.ct_ones

_I64_ARRAYS = tuple(c_int64 * n for n in range(9))


def _i64_array(n):
    return _I64_ARRAYS[n] if n < 9 else c_int64 * n


def _raise(st):
    raise error_from_status(st)


def _no_grad(fname):
    raise NotImplementedError("%s(): requires_grad=True is not supported yet (ctensor has no "
                              "autograd)" % fname)


class Size(tuple):
    """A tensor's shape: a tuple of ints printed as ``ctensor.Size([2, 3])``, as torch.Size."""

    __slots__ = ()

    def __repr__(self):
        return "ctensor.Size([%s])" % ", ".join(map(str, self))

    __str__ = __repr__

    def __getitem__(self, key):
        r = tuple.__getitem__(self, key)
        return Size(r) if isinstance(key, slice) else r

    def __add__(self, other):
        return Size(tuple.__add__(self, other))

    def __reduce__(self):
        return (Size, (tuple(self),))

    def numel(self):
        """The number of elements of a tensor of this shape."""
        n = 1
        for s in self:
            n *= s
        return n


class _Enum:
    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return "ctensor." + self._name

    def __reduce__(self):
        return self._name


class layout(_Enum):
    """A tensor layout, as torch.layout; only ``ctensor.strided`` exists."""

    __slots__ = ()


class memory_format(_Enum):
    """A memory format, as torch.memory_format: ``preserve_format`` (keep a dense
    input's strides) or ``contiguous_format``."""

    __slots__ = ()


strided = layout("strided")
preserve_format = memory_format("preserve_format")
contiguous_format = memory_format("contiguous_format")

_TYPE_NAMES = {
    _BOOL: "BoolTensor", _UINT8: "ByteTensor", _INT8: "CharTensor", _INT16: "ShortTensor",
    _INT32: "IntTensor", _INT64: "LongTensor", _capi.CT_FLOAT16: "HalfTensor",
    _capi.CT_BFLOAT16: "BFloat16Tensor", _capi.CT_FLOAT32: "FloatTensor",
    _FLOAT64: "DoubleTensor", _capi.CT_COMPLEX64: "ComplexFloatTensor",
    _COMPLEX128: "ComplexDoubleTensor",
}

# tolist(): the dtype each dtype is read back as, and the memoryview format.
_READ_AS = {
    _BOOL: (_DTYPE_NONE, "?"), _UINT8: (_DTYPE_NONE, "B"), _INT8: (_DTYPE_NONE, "b"),
    _INT16: (_DTYPE_NONE, "h"), _INT32: (_DTYPE_NONE, "i"), _INT64: (_DTYPE_NONE, "q"),
    _capi.CT_FLOAT16: (_FLOAT64, "d"), _capi.CT_BFLOAT16: (_FLOAT64, "d"),
    _capi.CT_FLOAT32: (_FLOAT64, "d"), _FLOAT64: (_DTYPE_NONE, "d"),
    _capi.CT_COMPLEX64: (_COMPLEX128, "d"), _COMPLEX128: (_DTYPE_NONE, "d"),
}


_ITEMSIZE = {"?": 1, "B": 1, "b": 1, "h": 2, "i": 4, "q": 8, "d": 8}


class Tensor:
    """An n-dimensional array of one dtype on one device, as torch.Tensor.

    Build tensors with the creation functions (``ctensor.tensor``,
    ``ctensor.zeros``, ...). ``Tensor(*sizes)`` and ``Tensor(sequence)`` are
    torch's legacy constructors (default dtype).
    """

    # _shape and _dtype cache what never changes for a handle (no C function alters a
    # tensor's shape, strides or dtype in place); they are filled on first use.
    __slots__ = ("_h", "_shape", "_dtype", "__weakref__")

    def __new__(cls, *args, device=None):
        if not args:
            return _from_data([], _DTYPE_NONE, *parse(device))
        if len(args) == 1 and not isinstance(args[0], int):
            a = args[0]
            if isinstance(a, Tensor):
                return a
            if not isinstance(a, Size):
                return _from_data(a, get_default_dtype().code, *parse(device))
        return empty(*args, device=device)

    @classmethod
    def _wrap(cls, h, _new=object.__new__):
        """A Tensor owning one reference of the handle h (an int)."""
        t = _new(cls)
        t._h = h
        return t

    def __del__(self, _release=_release):
        try:
            h = self._h
        except AttributeError:
            return
        _release(h)

    # ---- properties -----------------------------------------------------

    @property
    def shape(self):
        """The sizes of the dimensions, as a ctensor.Size."""
        try:
            return self._shape
        except AttributeError:
            pass
        h = self._h
        n = c_int32()
        _ct_ndim(byref(n), h)
        n = n.value
        buf = _I64_ARRAYS[n]() if n < 9 else (c_int64 * n)()
        _ct_shape(buf, n, h)
        self._shape = shape = Size(buf[:])
        return shape

    def size(self, dim=None):
        """The shape as a ctensor.Size, or the size of one dimension."""
        if dim is None:
            return self.shape
        out = c_int64()
        st = _ct_size(byref(out), self._h, _dim_arg(dim))
        if st:
            raise _dim_error(self, dim, st)
        return out.value

    def stride(self, dim=None):
        """The strides (in elements) as a tuple, or the stride of one dimension."""
        h = self._h
        if dim is None:
            n = self.dim()
            buf = _i64_array(n)()
            _ct_strides(buf, n, h)
            return tuple(buf)
        out = c_int64()
        st = _ct_stride(byref(out), h, _dim_arg(dim))
        if st:
            raise _dim_error(self, dim, st)
        return out.value

    def dim(self):
        """The number of dimensions (0 for a scalar tensor)."""
        return len(self.shape)

    ndimension = dim

    @property
    def ndim(self):
        """The number of dimensions."""
        return len(self.shape)

    def numel(self):
        """The number of elements."""
        n = c_int64()
        _ct_numel(byref(n), self._h)
        return n.value

    nelement = numel

    @property
    def dtype(self):
        """The element type (a ctensor.dtype)."""
        try:
            return self._dtype
        except AttributeError:
            pass
        d = c_int32()
        _ct_dtype(byref(d), self._h)
        self._dtype = dtype = _BY_CODE[d.value]
        return dtype

    @property
    def device(self):
        """The device holding the data (a ctensor.device)."""
        t = c_int32()
        i = c_int32()
        _ct_device(byref(t), byref(i), self._h)
        if t.value == _DEVICE_CPU:
            return _CPU_DEVICE
        return _device_from_code(t.value, i.value)

    @property
    def is_cuda(self):
        """Whether the tensor lives on a CUDA device."""
        t = c_int32()
        _ct_device(byref(t), None, self._h)
        return t.value == _capi.CT_DEVICE_CUDA

    @property
    def is_cpu(self):
        """Whether the tensor lives in host memory."""
        t = c_int32()
        _ct_device(byref(t), None, self._h)
        return t.value == _DEVICE_CPU

    @property
    def layout(self):
        """Always ctensor.strided."""
        return strided

    @property
    def requires_grad(self):
        """Always False: ctensor has no autograd yet."""
        return False

    @property
    def grad(self):
        """Always None: ctensor has no autograd yet."""
        return None

    @property
    def is_leaf(self):
        """Always True: ctensor has no autograd yet."""
        return True

    @property
    def T(self):
        """The tensor with its dimensions reversed (the transpose of a matrix)."""
        n = self.dim()
        if n <= 2:
            return _new(lib.ct_t, self._h)
        dims = _i64_array(n)(*range(n - 1, -1, -1))
        return _new(lib.ct_permute, self._h, dims, n)

    @property
    def mT(self):
        """The last two dimensions swapped (a batch of matrices transposed)."""
        return _new(lib.ct_mT, self._h)

    def element_size(self):
        """The size of one element in bytes."""
        return self.dtype.itemsize

    @property
    def itemsize(self):
        """The size of one element in bytes."""
        return self.dtype.itemsize

    @property
    def nbytes(self):
        """numel() times the element size."""
        n = c_int64()
        _ct_nbytes(byref(n), self._h)
        return n.value

    def storage_offset(self):
        """The offset of the first element in its storage, in elements."""
        n = c_int64()
        lib.ct_tensor_storage_offset(byref(n), self._h)
        return n.value

    def is_contiguous(self, memory_format=None):
        """Whether the tensor is contiguous in row-major order (torch's definition)."""
        r = c_bool()
        lib.ct_tensor_is_contiguous(byref(r), self._h)
        return r.value

    def data_ptr(self):
        """The address of the first element, as an int."""
        p = c_void_p()
        _ct_data_ptr(byref(p), self._h)
        return p.value or 0

    def is_floating_point(self):
        """Whether the dtype is a floating type."""
        return self.dtype.is_floating_point

    def is_complex(self):
        """Whether the dtype is complex."""
        return self.dtype.is_complex

    def is_signed(self):
        """Whether the dtype holds negative values."""
        return self.dtype.is_signed

    def type(self, dtype=None, non_blocking=False):
        """The type name ("ctensor.FloatTensor") without argument, else the tensor
        converted to dtype: a dtype or a type name ("ctensor.FloatTensor",
        "torch.cuda.LongTensor", ...)."""
        if dtype is None:
            return "ctensor." + _TYPE_NAMES[self.dtype.code]
        if isinstance(dtype, str):
            return self.to(*_type_name_arg(dtype))
        return self.to(dtype)

    def type_as(self, other):
        """self converted to other's dtype and moved to its device."""
        return self.to(other.device, other.dtype)

    # ---- autograd stand-ins (ctensor has no autograd yet) --------------

    def detach(self):
        """A new view of the same data (there is no graph to detach from)."""
        return _new(_ct_index, self._h, 1, _ELLIPSIS_KINDS, _ELLIPSIS_VALUES, None)

    def detach_(self):
        """self (there is no graph to detach from)."""
        return self

    def requires_grad_(self, requires_grad=True):
        """self for requires_grad=False; True raises NotImplementedError (no autograd)."""
        if requires_grad:
            _no_grad("requires_grad_")
        return self

    # ---- conversions --------------------------------------------------

    def to(self, *args, **kwargs):
        """The tensor converted to a dtype and/or moved to a device, as Tensor.to:
        ``to(dtype)``, ``to(device, dtype=None)``, ``to(other)`` or keywords
        ``dtype=``, ``device=``, ``copy=``, ``non_blocking=``. Returns self when
        nothing changes and copy is False. non_blocking=True between a CUDA tensor
        and pinned host memory only enqueues the copy on the current stream."""
        dt = dev = None
        copy = nb = False
        if args:
            a0 = args[0]
            rest = args[1:]
            if type(a0) is dtype:
                dt = a0
            elif isinstance(a0, Tensor):
                dt = a0.dtype
                dev = a0.device
            elif a0 is None or isinstance(a0, (str, device, int)):
                dev = a0
                if rest and (rest[0] is None or type(rest[0]) is dtype):
                    dt = rest[0]
                    rest = rest[1:]
            else:
                raise TypeError("to() received an invalid combination of arguments: got %s "
                                "as the first argument" % type(a0).__name__)
            if len(rest) > 2:
                raise TypeError("to() takes at most 4 positional arguments")
            if rest:
                nb = rest[0]
                if len(rest) == 2:
                    copy = rest[1]
        if kwargs:
            for k, v in kwargs.items():
                if k == "dtype":
                    if dt is not None:
                        raise TypeError("to() got multiple values for argument 'dtype'")
                    dt = v
                elif k == "device":
                    if dev is not None:
                        raise TypeError("to() got multiple values for argument 'device'")
                    dev = v
                elif k == "copy":
                    copy = v
                elif k == "non_blocking":
                    nb = v
                elif k != "memory_format":
                    raise TypeError("to() got an unexpected keyword argument '%s'" % k)
        dcode = code_of(dt)
        devcode, devidx = parse(dev)
        if nb:
            return _to_non_blocking(self, dcode, devcode, devidx, copy)
        h = self._h
        out = c_void_p()
        st = _ct_to(byref(out), h, dcode, devcode, devidx, bool(copy))
        if st:
            _raise(st)
        if out.value == h:
            _release(h)
            return self
        return _wrap(out.value)

    def cpu(self):
        """The tensor in host memory (self when it is there already)."""
        return self.to(_CPU_DEVICE)

    def cuda(self, device=None, non_blocking=False):
        """The tensor on a CUDA device (an index, "cuda:N" or a device; the current
        one by default); self when it is there already."""
        if device is None:
            device = "cuda"
        elif isinstance(device, int) and not isinstance(device, bool):
            device = "cuda:%d" % device
        elif parse(device)[0] != _capi.CT_DEVICE_CUDA:
            raise RuntimeError("Invalid device, must be cuda device")
        return self.to(device, non_blocking=non_blocking)

    def pin_memory(self, device=None):
        """A copy in page-locked (pinned) host memory, as torch's (self when it is
        pinned already); needs CUDA."""
        if self.is_pinned():
            return self
        return _new(lib.ct_pin_memory, self._h)

    def is_pinned(self, device=None):
        """Whether the tensor's memory is page-locked host memory (False without CUDA)."""
        out = c_bool()
        st = lib.ct_tensor_is_pinned(byref(out), self._h)
        if st:
            _raise(st)
        return out.value

    def contiguous(self, memory_format=None):
        """self when contiguous, else a contiguous copy."""
        h = self._h
        out = c_void_p()
        st = _ct_contiguous(byref(out), h)
        if st:
            _raise(st)
        if out.value == h:
            _release(h)
            return self
        return _wrap(out.value)

    def clone(self, memory_format=None):
        """A copy in new memory (a dense input keeps its strides)."""
        return _new(lib.ct_clone, self._h)

    def copy_(self, src, non_blocking=False):
        """Copies src (broadcast, converted to self's dtype) into self; returns self.
        non_blocking=True between a CUDA tensor and pinned host memory only enqueues
        the copy on the current stream (wait for the stream before reading it)."""
        if not isinstance(src, Tensor):
            raise TypeError("copy_(): argument 'src' (position 1) must be Tensor, not %s"
                            % type(src).__name__)
        if non_blocking:  # only enqueued between CUDA and pinned host memory
            st = lib.ct_copy_non_blocking_(self._h, src._h)
        else:
            st = lib.ct_copy_(self._h, src._h)
        if st:
            _raise(st)
        return self

    def _as(self, code):
        h = self._h
        out = c_void_p()
        st = _ct_to(byref(out), h, code, _DEVICE_NONE, -1, False)
        if st:
            _raise(st)
        if out.value == h:
            _release(h)
            return self
        return _wrap(out.value)

    def float(self, memory_format=None):
        """self as float32."""
        return self._as(_capi.CT_FLOAT32)

    def double(self, memory_format=None):
        """self as float64."""
        return self._as(_FLOAT64)

    def half(self, memory_format=None):
        """self as float16."""
        return self._as(_capi.CT_FLOAT16)

    def bfloat16(self, memory_format=None):
        """self as bfloat16."""
        return self._as(_capi.CT_BFLOAT16)

    def cfloat(self, memory_format=None):
        """self as complex64."""
        return self._as(_capi.CT_COMPLEX64)

    def cdouble(self, memory_format=None):
        """self as complex128."""
        return self._as(_COMPLEX128)

    def long(self, memory_format=None):
        """self as int64."""
        return self._as(_INT64)

    def int(self, memory_format=None):
        """self as int32."""
        return self._as(_INT32)

    def short(self, memory_format=None):
        """self as int16."""
        return self._as(_INT16)

    def char(self, memory_format=None):
        """self as int8."""
        return self._as(_INT8)

    def byte(self, memory_format=None):
        """self as uint8."""
        return self._as(_UINT8)

    def bool(self, memory_format=None):
        """self as bool."""
        return self._as(_BOOL)

    def item(self):
        """The value of a one-element tensor as a Python number."""
        d = c_int32()
        h = self._h
        _ct_dtype(byref(d), h)
        return _item(h, d.value)

    def tolist(self):
        """The elements as (nested) Python lists of Python numbers; a number for 0-d."""
        h = self._h
        d = c_int32()
        _ct_dtype(byref(d), h)
        code = d.value
        n = c_int32()
        _ct_ndim(byref(n), h)
        ndim = n.value
        if ndim == 0:
            return _item(h, code)
        shape = _i64_array(ndim)()
        _ct_shape(shape, ndim, h)
        shape = list(shape)
        as_code, fmt = _READ_AS[code]
        out = c_void_p()
        st = _ct_to(byref(out), h, as_code, _DEVICE_CPU, -1, False)
        if st:
            _raise(st)
        tmp = _wrap(out.value)
        st = _ct_contiguous(byref(out), tmp._h)
        if st:
            _raise(st)
        tmp = _wrap(out.value)
        nbytes = _ITEMSIZE[fmt]
        for s in shape:
            nbytes *= s
        if code == _capi.CT_COMPLEX64 or code == _COMPLEX128:
            nbytes *= 2
        if nbytes == 0:
            return _empty_nested(shape)
        ptr = c_void_p()
        _ct_data_ptr(byref(ptr), tmp._h)
        mv = memoryview((c_char * nbytes).from_address(ptr.value)).cast("B")
        if code == _capi.CT_COMPLEX64 or code == _COMPLEX128:
            flat = mv.cast("d").tolist()
            flat = list(map(complex, flat[0::2], flat[1::2]))
            return _nest(flat, shape)
        if ndim <= 64:
            return mv.cast(fmt, shape).tolist()
        return _nest(mv.cast(fmt).tolist(), shape)

    # ---- Python protocols ---------------------------------------------

    def __repr__(self):
        size = 512
        while True:
            buf = create_string_buffer(size)
            length = c_size_t()
            st = _ct_format(buf, size, byref(length), self._h, b"ctensor.")
            if st:
                _raise(st)
            if length.value < size:
                return buf.value.decode()
            size = length.value + 1

    __str__ = __repr__

    def __format__(self, spec):
        if self.dim() == 0:
            return self.item().__format__(spec)
        return object.__format__(self, spec)

    __hash__ = object.__hash__

    def __len__(self):
        n = c_int32()
        h = self._h
        _ct_ndim(byref(n), h)
        if n.value == 0:
            raise TypeError("len() of a 0-d tensor")
        s = c_int64()
        _ct_size(byref(s), h, 0)
        return s.value

    def __iter__(self):
        n = len(self) if self.dim() else None
        if n is None:
            raise TypeError("iteration over a 0-d tensor")
        h = self._h
        items = []
        for i in range(n):
            out = c_void_p()
            st = _ct_select(byref(out), h, 0, i)
            if st:
                _raise(st)
            items.append(_wrap(out.value))
        return iter(items)

    def __bool__(self):
        h = self._h
        n = c_int64()
        _ct_numel(byref(n), h)
        if n.value != 1:
            raise RuntimeError("Boolean value of Tensor with %s is ambiguous"
                               % ("no values" if n.value == 0 else "more than one value"))
        d = c_int32()
        _ct_dtype(byref(d), h)
        return bool(_item(h, d.value))

    def __float__(self):
        v = c_double()
        st = _ct_item_double(byref(v), self._h)
        if st:
            _scalar_error(st)
        return v.value

    def __int__(self):
        v = c_int64()
        st = _ct_item_int64(byref(v), self._h)
        if st:
            if st == _capi.CT_ERR_INVALID_ARGUMENT:
                # NaN / infinity / out of int64: what int(float) says.
                return int(float(self))
            _scalar_error(st)
        return v.value

    def __complex__(self):
        re = c_double()
        im = c_double()
        st = _ct_item_complex(byref(re), byref(im), self._h)
        if st:
            _scalar_error(st)
        return complex(re.value, im.value)

    def __index__(self):
        h = self._h
        d = c_int32()
        _ct_dtype(byref(d), h)
        n = c_int64()
        _ct_numel(byref(n), h)
        if n.value != 1 or d.value > _INT64:
            raise TypeError("only integer tensors of a single element can be converted to an "
                            "index")
        v = c_int64()
        st = _ct_item_int64(byref(v), h)
        if st:
            _raise(st)
        return v.value

    def __copy__(self):
        return self.clone()

    def __deepcopy__(self, memo):
        r = memo.get(id(self))
        if r is None:
            r = memo[id(self)] = self.clone()
        return r

    def __reduce__(self):
        return (_rebuild, (self.tolist(), self.dtype.code, self.shape))

    # ---- indexing -----------------------------------------------------

    def __getitem__(self, idx):
        t = type(idx)
        if t is int:
            if _I64_MIN <= idx <= _I64_MAX:
                out = c_void_p()
                if not _ct_select(byref(out), self._h, 0, idx):
                    return _wrap(out.value)
        elif t is slice:
            start, stop, step = idx.start, idx.stop, idx.step
            if ((start is None or type(start) is int) and (stop is None or type(stop) is int)
                    and (step is None or type(step) is int)):
                start = 0 if start is None else _clamp(start)
                stop = _I64_MAX if stop is None else _clamp(stop)
                step = 1 if step is None else _clamp(step)
                out = c_void_p()
                if step > 0 and not _ct_slice(byref(out), self._h, 0, start, stop, step):
                    return _wrap(out.value)
        # The general path; it also reports the errors of the fast ones.
        n, kinds, values, tensors, keep = _parse_index(idx)
        out = c_void_p()
        st = _ct_index(byref(out), self._h, n, kinds, values, tensors)
        if st:
            _raise(st)
        return _wrap(out.value)

    def __setitem__(self, idx, value):
        if isinstance(value, Tensor):
            v = value
            if v.dtype is not self.dtype and v.dim() == 0:
                v = v.to(self.dtype)  # a 0-d value converts, as in torch's masked fill
        elif type(value) in _SCALAR_TYPES or _number_kind(value) is not None:
            v = _fill_scalar(self, value)
        else:
            raise TypeError("can't assign a %s to a %s" % (_qualname(value), self.type()))
        n, kinds, values, tensors, keep = _parse_index(idx)
        st = _ct_index_put_(self._h, n, kinds, values, tensors, v._h, False)
        if st:
            _raise(st)

    def fill_(self, value):
        """Sets every element to value (a number or a 0-d tensor); returns self."""
        if isinstance(value, Tensor):
            if value.dim() != 0:
                raise RuntimeError("fill_ only supports 0-dimension value tensor but got tensor "
                                   "with %d dimensions." % value.dim())
        elif type(value) not in _SCALAR_TYPES and _number_kind(value) is None:
            raise TypeError("fill_(): argument 'value' must be Number or Tensor, not %s"
                            % type(value).__name__)
        self[...] = value
        return self

    def zero_(self):
        """Sets every element to zero; returns self."""
        self[...] = 0
        return self

    def __contains__(self, element):
        if isinstance(element, Tensor) or type(element) in _SCALAR_TYPES \
                or _number_kind(element) is not None:
            return bool((self == element).any())
        raise RuntimeError("Tensor.__contains__ only supports Tensor or scalar, but you passed "
                           "in a %s." % type(element))


_SCALAR_TYPES = (int, float, bool, complex)
_wrap = Tensor._wrap
_ELLIPSIS_KINDS = (c_int32 * 1)(_K_ELLIPSIS)
_ELLIPSIS_VALUES = (c_int64 * 3)()
_TYPE_CODES = {name: code for code, name in _TYPE_NAMES.items()}


def _to_non_blocking(t, dcode, devcode, devidx, copy):
    """Tensor.to(..., non_blocking=True): a new tensor (ct_empty_like) filled by
    ct_copy_non_blocking_, which only enqueues a copy between CUDA and pinned host
    memory; self when nothing changes and copy is False."""
    if not copy:
        d = c_int32()
        _ct_dtype(byref(d), t._h)
        dv, di = c_int32(), c_int32()
        _ct_device(byref(dv), byref(di), t._h)
        if devcode == _capi.CT_DEVICE_CUDA and devidx < 0:
            cur = c_int32()  # "cuda" is the current device, as torch's ensure_has_index
            st = lib.ct_cuda_current_device(byref(cur))
            if st:
                _raise(st)
            devidx = cur.value
        same_dtype = dcode == _DTYPE_NONE or dcode == d.value
        same_device = devcode == _DEVICE_NONE or (
            devcode == dv.value and (devcode == _DEVICE_CPU or devidx == di.value))
        if same_dtype and same_device:
            return t
    out = _new(lib.ct_empty_like, t._h, dcode, devcode, devidx)
    st = lib.ct_copy_non_blocking_(out._h, t._h)
    if st:
        _raise(st)
    return out


def _fill_scalar(t, value):
    """A Python number as a 0-d tensor of t's dtype and device; a value that does
    not fit the dtype (300 for uint8, NaN or a complex number for an integer or
    real dtype) raises, as torch's setitem and fill_ do."""
    ptr, vcode = scalar_arg(value)
    return _new(lib.ct_new_full, t._h, 0, None, ptr, vcode, _DTYPE_NONE, _DEVICE_NONE, -1)


def _type_name_arg(name):
    """A tensor type name ("torch.FloatTensor", "ctensor.cuda.LongTensor",
    "IntTensor") as the arguments (device, dtype) of Tensor.to()."""
    parts = name.split(".")
    code = _TYPE_CODES.get(parts[-1])
    prefix = parts[:-1]
    if prefix and prefix[0] in ("torch", "ctensor"):
        prefix = prefix[1:]
    if code is None or prefix not in ([], ["cuda"]):
        raise ValueError("invalid type: %r" % (name,))
    return ("cuda" if prefix else "cpu"), _BY_CODE[code]


_convert.Tensor = Tensor


def _new(fn, *args):
    """fn(&out, *args) as a new Tensor."""
    out = c_void_p()
    st = fn(byref(out), *args)
    if st:
        _raise(st)
    return _wrap(out.value)


def _qualname(x):
    t = type(x)
    m = t.__module__
    return t.__name__ if m == "builtins" else "%s.%s" % (m, t.__name__)


def _rebuild(data, code, shape):
    t = _from_data(data, code, _DEVICE_NONE, -1)
    if t.shape == shape:
        return t
    n = len(shape)
    return _new(lib.ct_reshape, t._h, n, _i64_array(n)(*shape))


def _dim_arg(dim):
    if isinstance(dim, bool) or not hasattr(dim, "__index__"):
        raise TypeError("dim must be an int, not %s" % type(dim).__name__)
    dim = dim.__index__()
    if not -(1 << 31) <= dim < (1 << 31):
        raise IndexError("Dimension out of range (got %d)" % dim)
    return dim


def _dim_error(t, dim, st):
    n = t.dim()
    if st == _capi.CT_ERR_INDEX:
        lo, hi = (-1, 0) if n == 0 else (-n, n - 1)
        return ERRORS[st]("Dimension out of range (expected to be in range of [%d, %d], but "
                          "got %d)" % (lo, hi, dim))
    return error_from_status(st)


def _scalar_error(st):
    if st == _ERR_SHAPE:
        raise ValueError("only one element tensors can be converted to Python scalars")
    _raise(st)


def _item(h, code):
    """The single element of handle h (dtype code) as a Python number."""
    if code <= _INT64:
        v = c_int64()
        st = _ct_item_int64(byref(v), h)
        if st:
            _scalar_error(st)
        return v.value if code != _BOOL else v.value != 0
    if code < _capi.CT_COMPLEX64:
        v = c_double()
        st = _ct_item_double(byref(v), h)
        if st:
            _scalar_error(st)
        return v.value
    re = c_double()
    im = c_double()
    st = _ct_item_complex(byref(re), byref(im), h)
    if st:
        _scalar_error(st)
    return complex(re.value, im.value)


def _empty_nested(shape):
    if len(shape) == 1 or shape[0] == 0:
        return []
    inner = shape[1:]
    return [_empty_nested(inner) for _ in range(shape[0])]


def _nest(flat, shape):
    for n in reversed(shape[1:]):
        flat = [flat[i:i + n] for i in range(0, len(flat), n)]
    return flat


def _clamp(v):
    return _I64_MIN if v < _I64_MIN else (_I64_MAX if v > _I64_MAX else v)


def _seq_as_tuple(seq):
    """torch's rule for a list index: treated as a tuple of indices when it
    holds a slice, Ellipsis, None, a Tensor or a sequence (and is short)."""
    if len(seq) >= 32:
        return False
    for x in seq:
        if x is None or x is Ellipsis or isinstance(x, (slice, Tensor, list, tuple)):
            return True
    return False


def _index_tensor(x):
    """A list (or array) index as an index tensor: bool for bools, uint8 for a
    uint8 array, else int64 (as torch, which truncates floats)."""
    t = _from_data(x, _DTYPE_NONE, _DEVICE_NONE, -1)
    code = t.dtype.code
    if code != _INT64 and code != _BOOL and code != _UINT8:
        return t.long()  # as torch: floats are truncated, other integers widened
    return t


_BAD_INDEX = ("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables "
              "are valid indices (got %s)")


def _parse_index(idx):
    """An index expression as the arrays of ct_index():
    (n, kinds, values, tensors or None, objects to keep alive)."""
    if type(idx) is tuple:
        items = idx
    elif type(idx) is list and _seq_as_tuple(idx):
        items = tuple(idx)
    else:
        items = (idx,)
    n = len(items)
    kinds = (c_int32 * n)()
    values = (c_int64 * (3 * n))()
    tensors = None
    keep = None
    ellipsis = False
    for i, x in enumerate(items):
        t = type(x)
        if t is int:
            if not _I64_MIN <= x <= _I64_MAX:
                raise IndexError("index %d is out of range for int64" % x)
            kinds[i] = _K_INT
            values[3 * i] = x
        elif t is slice:
            kinds[i] = _K_SLICE
            start, stop, step = x.start, x.stop, x.step
            if step is not None:
                step = _slice_part(step)
                if step <= 0:
                    raise ValueError("step must be greater than zero")
            values[3 * i] = 0 if start is None else _clamp(_slice_part(start))
            values[3 * i + 1] = _I64_MAX if stop is None else _clamp(_slice_part(stop))
            values[3 * i + 2] = 1 if step is None else _clamp(step)
        elif x is None:
            kinds[i] = _K_NONE
        elif x is Ellipsis:
            if ellipsis:
                raise IndexError("an index can only have a single ellipsis ('...')")
            ellipsis = True
            kinds[i] = _K_ELLIPSIS
        elif t is bool:
            kinds[i] = _K_BOOL
            values[3 * i] = x
        else:
            if isinstance(x, Tensor):
                it = x
                d = c_int32()
                _ct_dtype(byref(d), x._h)
                if d.value > _INT64:
                    raise IndexError("tensors used as indices must be long, int, byte or bool "
                                     "tensors")
            elif isinstance(x, (list, tuple)) or getattr(x, "ndim", 0):
                it = _index_tensor(x)
            else:
                kind = _number_kind(x)
                if kind is int:
                    kinds[i] = _K_INT
                    values[3 * i] = _clamp(int(x))
                    continue
                if kind is bool:
                    kinds[i] = _K_BOOL
                    values[3 * i] = bool(x)
                    continue
                raise IndexError(_BAD_INDEX % type(x).__name__)
            if tensors is None:
                tensors = (c_void_p * n)()
                keep = []
            kinds[i] = _K_TENSOR
            tensors[i] = it._h
            keep.append(it)
    return n, kinds, values, tensors, keep


def _slice_part(v):
    if type(v) is int:
        return v
    if hasattr(v, "__index__") and not isinstance(v, bool):
        return v.__index__()
    raise TypeError("slice indices must be integers or None or have an __index__ method")


# ---- creation ---------------------------------------------------------------

def _factory_args(fname, dtype, device, requires_grad, out):
    if requires_grad:
        _no_grad(fname)
    if out is not None:
        if not isinstance(out, Tensor):
            raise TypeError("%s(): argument 'out' must be Tensor, not %s"
                            % (fname, type(out).__name__))
        if dtype is not None and dtype is not out.dtype:
            raise RuntimeError("dtype %s does not match dtype of out parameter (%s)"
                               % (dtype, out.dtype))
        if dtype is None:
            dtype = out.dtype
        if device is None:
            device = out.device
    dev, idx = parse(device)
    return code_of(dtype), dev, idx


def _into_out(result, out, fname):
    """Copies a factory's result into out= (which must have its shape) and returns out."""
    if out is None:
        return result
    if out.shape != result.shape:
        raise RuntimeError("%s(): out= has shape %s but the result has shape %s; ctensor "
                           "cannot resize an out= tensor" % (fname, list(out.shape),
                                                            list(result.shape)))
    return out.copy_(result)


def _sized(fn, fname, size, out, dtype, device, requires_grad):
    if not size:
        raise TypeError("%s() missing required argument 'size'" % fname)
    shape, n = size_arg(size, fname)
    if out is None and not requires_grad:  # the common case, kept short
        dcode = _DTYPE_NONE if dtype is None else code_of(dtype)
        dev, idx = _NO_DEVICE if device is None else parse(device)
    else:
        dcode, dev, idx = _factory_args(fname, dtype, device, requires_grad, out)
    h = c_void_p()
    st = fn(byref(h), n, shape, dcode, dev, idx)
    if st:
        _raise(st)
    if out is None:
        return _wrap(h.value)
    return _into_out(_wrap(h.value), out, fname)


_NO_DEVICE = (_DEVICE_NONE, -1)


def empty(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
          pin_memory=False, memory_format=None):
    """A tensor with uninitialised contents, as torch.empty(*size)."""
    r = _sized(_ct_empty, "empty", size, out, dtype, device, requires_grad)
    return _pinned(r) if pin_memory else r


def zeros(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
          pin_memory=False):
    """A tensor filled with zeros, as torch.zeros(*size)."""
    r = _sized(_ct_zeros, "zeros", size, out, dtype, device, requires_grad)
    return _pinned(r) if pin_memory else r


def ones(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
         pin_memory=False):
    """A tensor filled with ones, as torch.ones(*size)."""
    r = _sized(_ct_ones, "ones", size, out, dtype, device, requires_grad)
    return _pinned(r) if pin_memory else r


def _pinned(t):
    """A factory's result with pin_memory=True: its copy in page-locked host memory."""
    if t.is_cuda:
        raise RuntimeError("Only dense CPU tensors can be pinned (pin_memory=True with a CUDA "
                           "device)")
    return _new(lib.ct_pin_memory, t._h)


def _fill_value(x, fname):
    if isinstance(x, Tensor):
        x = x.item()
    try:
        return scalar_arg(x)
    except TypeError:
        raise TypeError("%s(): argument 'fill_value' must be Number, not %s"
                        % (fname, type(x).__name__)) from None


def full(size, fill_value, *, out=None, dtype=None, layout=None, device=None,
         requires_grad=False, pin_memory=False):
    """A tensor of the given shape filled with fill_value, as torch.full; the
    dtype is inferred from the value when not given (bool, int64, the default
    float dtype, or its complex counterpart)."""
    shape, n = shape_arg(size, "full")
    ptr, vcode = _fill_value(fill_value, "full")
    dcode, dev, idx = _factory_args("full", dtype, device, requires_grad, out)
    h = c_void_p()
    st = lib.ct_full(byref(h), n, shape, ptr, vcode, dcode, dev, idx)
    if st:
        _raise(st)
    r = _into_out(_wrap(h.value), out, "full")
    return _pinned(r) if pin_memory else r


def _generator_arg(generator):
    if generator is None:
        return None
    if not isinstance(generator, Generator):
        raise TypeError("generator must be a ctensor.Generator, not %s"
                        % type(generator).__name__)
    return generator._g


def rand(*size, generator=None, out=None, dtype=None, layout=None, device=None,
         requires_grad=False, pin_memory=False):
    """Uniform random values in [0, 1), as torch.rand(*size)."""
    if not size:
        raise TypeError("rand() missing required argument 'size'")
    shape, n = size_arg(size, "rand")
    dcode, dev, idx = _factory_args("rand", dtype, device, requires_grad, out)
    h = c_void_p()
    st = lib.ct_rand(byref(h), _generator_arg(generator), n, shape, dcode, dev, idx)
    if st:
        _raise(st)
    r = _into_out(_wrap(h.value), out, "rand")
    return _pinned(r) if pin_memory else r


def randn(*size, generator=None, out=None, dtype=None, layout=None, device=None,
          requires_grad=False, pin_memory=False):
    """Standard normal random values, as torch.randn(*size)."""
    if not size:
        raise TypeError("randn() missing required argument 'size'")
    shape, n = size_arg(size, "randn")
    dcode, dev, idx = _factory_args("randn", dtype, device, requires_grad, out)
    h = c_void_p()
    st = lib.ct_randn(byref(h), _generator_arg(generator), n, shape, dcode, dev, idx)
    if st:
        _raise(st)
    r = _into_out(_wrap(h.value), out, "randn")
    return _pinned(r) if pin_memory else r


def _int_bound(x, fname, name):
    if isinstance(x, bool) or not hasattr(x, "__index__"):
        if isinstance(x, float) and x.is_integer():
            return int(x)
        raise TypeError("%s(): argument '%s' must be int, not %s"
                        % (fname, name, type(x).__name__))
    x = x.__index__()
    if not _I64_MIN <= x <= _I64_MAX:
        raise RuntimeError("Overflow when unpacking long")
    return x


def randint(*args, size=None, generator=None, out=None, dtype=None, layout=None, device=None,
            requires_grad=False, pin_memory=False):
    """Random integers uniform in [low, high), as torch.randint(low=0, high, size)."""
    args = list(args)
    if size is None and args and isinstance(args[-1], (tuple, list)):
        size = args.pop()
    if size is None:
        raise TypeError("randint() missing required argument 'size' (a tuple of ints)")
    if len(args) == 1:
        low, high = 0, args[0]
    elif len(args) == 2:
        low, high = args
    else:
        raise TypeError("randint() takes (high, size) or (low, high, size), got %d "
                        "positional arguments" % (len(args) + 1))
    low = _int_bound(low, "randint", "low")
    high = _int_bound(high, "randint", "high")
    shape, n = shape_arg(size, "randint")
    dcode, dev, idx = _factory_args("randint", dtype, device, requires_grad, out)
    h = c_void_p()
    st = lib.ct_randint(byref(h), _generator_arg(generator), low, high, n, shape, dcode, dev,
                        idx)
    if st:
        _raise(st)
    r = _into_out(_wrap(h.value), out, "randint")
    return _pinned(r) if pin_memory else r


def _real_arg(x, fname, name):
    if isinstance(x, Tensor):
        x = x.item()
    kind = _number_kind(x)
    if kind is None or kind is complex:
        raise TypeError("%s(): argument '%s' must be Number, not %s"
                        % (fname, name, type(x).__name__))
    return kind, x


def arange(start=None, end=None, step=1, *, out=None, dtype=None, layout=None, device=None,
           requires_grad=False, pin_memory=False):
    """Values from start (default 0) up to end by step, as torch.arange: int64
    when every bound is an int, else the default float dtype."""
    if end is None:
        if start is None:
            raise TypeError("arange() missing 1 required positional argument: 'end'")
        start, end = 0, start
    elif start is None:
        start = 0
    k1, start = _real_arg(start, "arange", "start")
    k2, end = _real_arg(end, "arange", "end")
    k3, step = _real_arg(step, "arange", "step")
    if dtype is None and out is None:
        dtype = get_default_dtype() if float in (k1, k2, k3) else _BY_CODE[_INT64]
    dcode, dev, idx = _factory_args("arange", dtype, device, requires_grad, out)
    h = c_void_p()
    st = lib.ct_arange(byref(h), float(start), float(end), float(step), dcode, dev, idx)
    if st:
        _raise(st)
    r = _into_out(_wrap(h.value), out, "arange")
    return _pinned(r) if pin_memory else r


def linspace(start, end, steps, *, out=None, dtype=None, layout=None, device=None,
             requires_grad=False):
    """steps values evenly spaced from start to end inclusive, as torch.linspace."""
    _, start = _real_arg(start, "linspace", "start")
    _, end = _real_arg(end, "linspace", "end")
    steps = _int_bound(steps, "linspace", "steps")
    dcode, dev, idx = _factory_args("linspace", dtype, device, requires_grad, out)
    h = c_void_p()
    st = lib.ct_linspace(byref(h), float(start), float(end), steps, dcode, dev, idx)
    if st:
        _raise(st)
    return _into_out(_wrap(h.value), out, "linspace")


def eye(n, m=None, *, out=None, dtype=None, layout=None, device=None, requires_grad=False,
        pin_memory=False):
    """An n by m (default n) matrix with ones on the diagonal, as torch.eye."""
    n = _int_bound(n, "eye", "n")
    m = -1 if m is None else _int_bound(m, "eye", "m")
    if m < 0 and m != -1 or n < 0:
        raise ValueError("eye(): n and m must be >= 0, got n=%d, m=%d" % (n, m))
    dcode, dev, idx = _factory_args("eye", dtype, device, requires_grad, out)
    h = c_void_p()
    st = lib.ct_eye(byref(h), n, m, dcode, dev, idx)
    if st:
        _raise(st)
    r = _into_out(_wrap(h.value), out, "eye")
    return _pinned(r) if pin_memory else r


# ---- tensor(data) -----------------------------------------------------------

# Rank of the Python number kinds in dtype inference: bool < int < float < complex.
_RANK = {bool: 0, int: 1, float: 2, complex: 3}
_NUMPY_DTYPES = {
    "bool": _BOOL, "uint8": _UINT8, "int8": _INT8, "int16": _INT16, "int32": _INT32,
    "int64": _INT64, "float16": _capi.CT_FLOAT16, "float32": _capi.CT_FLOAT32,
    "float64": _FLOAT64, "complex64": _capi.CT_COMPLEX64, "complex128": _COMPLEX128,
    "bfloat16": _capi.CT_BFLOAT16,
}


_SEQUENCES = (list, tuple, range)


def _inferred(kind):
    """torch's dtype for data of a Python number kind."""
    if kind is bool:
        return _BOOL
    if kind is int:
        return _INT64
    d = get_default_dtype()
    return d.to_complex().code if kind is complex else d.code


def _flatten(data):
    """A nested sequence as (flat list of its leaves, shape), with torch's errors
    for ragged input."""
    shape = []
    x = data
    while isinstance(x, _SEQUENCES):
        shape.append(len(x))
        if not x:
            break
        x = x[0]
    flat = data if type(data) is list else list(data)
    for dim in range(1, len(shape)):
        n = shape[dim]
        nxt = []
        extend = nxt.extend
        for item in flat:
            if not isinstance(item, _SEQUENCES):
                raise TypeError("not a sequence")
            if len(item) != n:
                raise ValueError("expected sequence of length %d at dim %d (got %d)"
                                 % (n, dim, len(item)))
            extend(item)
        flat = nxt
    return flat, shape


def _leaf_kind(x):
    """The number kind of a leaf that is not a plain Python number."""
    if isinstance(x, Tensor):
        if x.numel() != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        d = x.dtype
        return complex if d.is_complex else float if d.is_floating_point \
            else bool if d.code == _BOOL else int
    if isinstance(x, _SEQUENCES):
        raise TypeError("'%s' object cannot be interpreted as a number: nested sequences "
                        "must all have the same depth" % type(x).__name__)
    if isinstance(x, str):
        raise ValueError("too many dimensions 'str'")
    kind = _number_kind(x)
    if kind is None:
        _bad_data(x)
    return kind


def _bad_data(x):
    """torch's error for data that is neither a number nor a sequence."""
    if isinstance(x, (str, bytes)):
        raise TypeError("new(): invalid data type '%s'" % type(x).__name__)
    raise RuntimeError("Could not infer dtype of %s" % type(x).__name__)


# The range of each integer dtype, for the checked conversion of tensor(data, dtype=...).
_INT_RANGES = {
    _UINT8: (0, 255), _INT8: (-128, 127), _INT16: (-(1 << 15), (1 << 15) - 1),
    _INT32: (-(1 << 31), (1 << 31) - 1), _INT64: (_I64_MIN, _I64_MAX),
}


def _check_fits(flat, rank, dcode):
    """torch's checked conversion of Python numbers to an explicit dtype: a
    complex number only converts to complex (or bool), and an integer dtype
    takes no value out of its range (before truncation), NaN or infinity."""
    if rank == 3:
        if dcode != _BOOL and not _BY_CODE[dcode].is_complex:
            raise TypeError("can't convert complex to %s: must be real number, not complex"
                            % _BY_CODE[dcode])
        return
    lim = _INT_RANGES.get(dcode)
    if lim is None or rank == 0 or not flat:
        return
    if rank == 2 and not all(map(math.isfinite, flat)):
        bad = next(x for x in flat if not math.isfinite(x))
    else:
        lo, hi = min(flat), max(flat)
        # As torch (c10::overflows): negative integers wrap into uint8 down to -255.
        lower = -255 if rank == 1 and dcode == _UINT8 else lim[0]
        if lower <= lo and hi <= lim[1]:
            return
        bad = lo if lo < lower else hi
    raise RuntimeError("value cannot be converted to type %s without overflow (got %r)"
                       % (_BY_CODE[dcode].__repr__()[len("ctensor."):], bad))


def _from_data(data, dcode, dev, idx):
    """ctensor.tensor's work: data (a number, nested sequence, Tensor or NumPy
    array) copied into a new tensor of dtype dcode (CT_DTYPE_NONE: inferred)."""
    if isinstance(data, Tensor):
        return _new(_ct_to, data._h, dcode, dev, idx, True)
    t = type(data)
    checked = dcode != _DTYPE_NONE
    np_shape = None
    if t not in _SCALAR_TYPES and t is not list and t is not tuple:
        npdt = getattr(data, "dtype", None)
        if npdt is not None and hasattr(data, "tolist"):
            # NumPy arrays and scalars keep their dtype, as in torch.
            if dcode == _DTYPE_NONE:
                code = _NUMPY_DTYPES.get(getattr(npdt, "name", None))
                if code is None:
                    raise TypeError("can't convert an array of dtype %s to a tensor" % (npdt,))
                dcode = code
            np_shape = getattr(data, "shape", None)  # tolist() loses the dims after a 0
            data = data.tolist()
            t = type(data)
            checked = False  # NumPy data converts as .to() does, unchecked
        elif t is range:
            data = list(data)
            t = list
    if t is not list and t is not tuple:
        kind = None if t is str else _number_kind(data)
        if kind is None:
            _bad_data(data)
        ptr, vcode = scalar_arg(data)
        if dcode == _DTYPE_NONE:
            dcode = _inferred(kind)
        elif checked:
            _check_fits([data], _RANK[kind], dcode)
        return _new(_ct_from_data, ptr, vcode, 0, None, dcode, dev, idx)
    flat, shape = _flatten(data)
    kinds = set(map(type, flat))
    rank = -1
    plain = True
    for k in kinds:
        r = _RANK.get(k)
        if r is None:
            plain = False
            break
        if r > rank:
            rank = r
    if not plain:
        rank = max(_RANK[_leaf_kind(x)] for x in flat)
        conv = (bool, int, float, complex)[rank]
        flat = [conv(x.item()) if isinstance(x, Tensor) else conv(x) for x in flat]
    if checked:
        _check_fits(flat, rank, dcode)
    if not flat and np_shape is not None:
        shape = tuple(np_shape)
    ndim = len(shape)
    shape_arr = _i64_array(ndim)(*shape)
    if not flat:
        if dcode == _DTYPE_NONE:
            dcode = get_default_dtype().code
        return _new(_ct_from_data, None, dcode, ndim, shape_arr, dcode, dev, idx)
    if rank == 0:
        buf = bytes(flat)
        ptr = buf
        vcode = _BOOL
    elif rank == 1:
        try:
            buf = array("q", flat)
        except OverflowError:
            raise RuntimeError("Overflow when unpacking long") from None
        ptr = buf.buffer_info()[0]
        vcode = _INT64
    elif rank == 2:
        buf = array("d", flat)
        ptr = buf.buffer_info()[0]
        vcode = _FLOAT64
    else:
        pairs = []
        for z in flat:
            z = complex(z)
            pairs.append(z.real)
            pairs.append(z.imag)
        buf = array("d", pairs)
        ptr = buf.buffer_info()[0]
        vcode = _COMPLEX128
    if dcode == _DTYPE_NONE:
        dcode = _inferred((bool, int, float, complex)[rank])
    return _new(_ct_from_data, ptr, vcode, ndim, shape_arr, dcode, dev, idx)


def tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """A new tensor holding a copy of data (a number, nested lists/tuples, a
    Tensor or a NumPy array), as torch.tensor. Without dtype, the type follows
    the data: bool, int64 for ints, the default dtype for floats, its complex
    counterpart for complex numbers."""
    if requires_grad:
        _no_grad("tensor")
    dev, idx = parse(device)
    r = _from_data(data, code_of(dtype), dev, idx)
    return _pinned(r) if pin_memory else r


_convert._tensor_from_data = lambda x: _from_data(x, _DTYPE_NONE, _DEVICE_NONE, -1)


# ---- *_like and new_* ---------------------------------------------------------

def _like_args(fname, input, dtype, device, requires_grad):
    if not isinstance(input, Tensor):
        raise TypeError("%s(): argument 'input' (position 1) must be Tensor, not %s"
                        % (fname, type(input).__name__))
    if requires_grad:
        _no_grad(fname)
    dev, idx = parse(device)
    return input._h, code_of(dtype), dev, idx


def empty_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None):
    """An uninitialised tensor like input (its shape, dtype and device unless given)."""
    return _new(lib.ct_empty_like, *_like_args("empty_like", input, dtype, device,
                                                requires_grad))


def zeros_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,
               memory_format=None):
    """Zeros like input, as torch.zeros_like."""
    return _new(lib.ct_zeros_like, *_like_args("zeros_like", input, dtype, device,
                                                requires_grad))


def ones_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    """Ones like input, as torch.ones_like."""
    return _new(lib.ct_ones_like, *_like_args("ones_like", input, dtype, device,
                                               requires_grad))


def full_like(input, fill_value, *, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    """fill_value like input, as torch.full_like."""
    h, dcode, dev, idx = _like_args("full_like", input, dtype, device, requires_grad)
    ptr, vcode = _fill_value(fill_value, "full_like")
    return _new(lib.ct_full_like, h, ptr, vcode, dcode, dev, idx)


def rand_like(input, *, generator=None, dtype=None, layout=None, device=None,
              requires_grad=False, memory_format=None):
    """Uniform random values in [0, 1) like input, as torch.rand_like."""
    h, dcode, dev, idx = _like_args("rand_like", input, dtype, device, requires_grad)
    return _new(lib.ct_rand_like, h, _generator_arg(generator), dcode, dev, idx)


def randn_like(input, *, generator=None, dtype=None, layout=None, device=None,
               requires_grad=False, memory_format=None):
    """Standard normal random values like input, as torch.randn_like."""
    h, dcode, dev, idx = _like_args("randn_like", input, dtype, device, requires_grad)
    return _new(lib.ct_randn_like, h, _generator_arg(generator), dcode, dev, idx)


def randint_like(input, *args, generator=None, dtype=None, layout=None, device=None,
                 requires_grad=False, memory_format=None, low=None, high=None):
    """Random integers in [low, high) like input: randint_like(input, high) or
    randint_like(input, low, high)."""
    if len(args) == 1:
        low, high = (0 if low is None else low), args[0]
    elif len(args) == 2:
        low, high = args
    elif not args and high is not None:
        low = 0 if low is None else low
    else:
        raise TypeError("randint_like() takes (input, high) or (input, low, high)")
    h, dcode, dev, idx = _like_args("randint_like", input, dtype, device, requires_grad)
    low = _int_bound(low, "randint_like", "low")
    high = _int_bound(high, "randint_like", "high")
    return _new(lib.ct_randint_like, h, _generator_arg(generator), low, high, dcode, dev, idx)


def _new_sized(self, fn, fname, size, dtype, device, requires_grad, pin_memory):
    if requires_grad:
        _no_grad(fname)
    if not size:
        raise TypeError("%s() missing required argument 'size'" % fname)
    shape, n = size_arg(size, fname)
    dev, idx = parse(device)
    r = _new(fn, self._h, n, shape, code_of(dtype), dev, idx)
    return _pinned(r) if pin_memory else r


def _method_new_empty(self, *size, dtype=None, device=None, requires_grad=False,
                      layout=None, pin_memory=False):
    """An uninitialised tensor of the given size, with self's dtype and device unless given."""
    return _new_sized(self, lib.ct_new_empty, "new_empty", size, dtype, device, requires_grad,
                      pin_memory)


def _method_new_zeros(self, *size, dtype=None, device=None, requires_grad=False,
                      layout=None, pin_memory=False):
    """Zeros of the given size, with self's dtype and device unless given."""
    return _new_sized(self, lib.ct_new_zeros, "new_zeros", size, dtype, device, requires_grad,
                      pin_memory)


def _method_new_ones(self, *size, dtype=None, device=None, requires_grad=False,
                     layout=None, pin_memory=False):
    """Ones of the given size, with self's dtype and device unless given."""
    return _new_sized(self, lib.ct_new_ones, "new_ones", size, dtype, device, requires_grad,
                      pin_memory)


def _method_new_full(self, size, fill_value, *, dtype=None, device=None, requires_grad=False,
                     layout=None, pin_memory=False):
    """fill_value in the given size, with self's dtype and device unless given."""
    if requires_grad:
        _no_grad("new_full")
    shape, n = shape_arg(size, "new_full")
    ptr, vcode = _fill_value(fill_value, "new_full")
    dev, idx = parse(device)
    r = _new(lib.ct_new_full, self._h, n, shape, ptr, vcode, code_of(dtype), dev, idx)
    return _pinned(r) if pin_memory else r


def _method_new_tensor(self, data, *, dtype=None, device=None, requires_grad=False,
                       layout=None, pin_memory=False):
    """A copy of data as a tensor, with self's dtype and device unless given."""
    if requires_grad:
        _no_grad("new_tensor")
    if dtype is None:
        dtype = self.dtype
    if device is None:
        device = self.device
    dev, idx = parse(device)
    r = _from_data(data, code_of(dtype), dev, idx)
    return _pinned(r) if pin_memory else r


for _name in ("new_empty", "new_zeros", "new_ones", "new_full", "new_tensor"):
    _fn = globals()["_method_" + _name]
    _fn.__name__ = _fn.__qualname__ = _name
    setattr(Tensor, _name, _fn)
del _name, _fn


# ---- random generators ---------------------------------------------------------

_DEFAULT_SEED = 67280421310721


def _seed_arg(seed):
    if isinstance(seed, bool) or not hasattr(seed, "__index__"):
        raise TypeError("seed must be an int, not %s" % type(seed).__name__)
    seed = seed.__index__()
    if not _I64_MIN <= seed <= _U64_MASK:
        raise RuntimeError("Overflow when unpacking long")
    return seed & _U64_MASK


class Generator:
    """A Philox random number generator, as torch.Generator: pass it as
    ``generator=`` to rand, randn and randint. The same seed gives the same
    numbers on every run and thread count."""

    __slots__ = ("_g", "device")

    def __init__(self, device="cpu"):
        dev, _ = parse(device)
        out = c_void_p()
        st = lib.ct_generator_create(byref(out), _DEFAULT_SEED)
        if st:
            _raise(st)
        self._g = out.value
        self.device = _CPU_DEVICE if dev in (_DEVICE_CPU, _DEVICE_NONE) \
            else _device_from_code(dev, 0)

    @classmethod
    def _from_handle(cls, g):
        self = object.__new__(cls)
        self._g = g
        self.device = _CPU_DEVICE
        return self

    def __del__(self, _release=lib.ct_generator_release):
        g = getattr(self, "_g", None)
        if g:
            _release(g)

    def manual_seed(self, seed):
        """Sets the seed (and restarts the sequence); returns self."""
        st = lib.ct_generator_manual_seed(self._g, _seed_arg(seed))
        if st:
            _raise(st)
        return self

    def initial_seed(self):
        """The seed last set."""
        out = c_uint64()
        st = lib.ct_generator_initial_seed(byref(out), self._g)
        if st:
            _raise(st)
        return out.value

    def seed(self):
        """Seeds from the operating system's entropy and returns the seed."""
        s = int.from_bytes(os.urandom(8), "little") & ((1 << 63) - 1)
        self.manual_seed(s)
        return s

    def get_state(self):
        """The state (seed and counter offset) as a uint8 tensor of 16 bytes."""
        off = c_uint64()
        st = lib.ct_generator_get_offset(byref(off), self._g)
        if st:
            _raise(st)
        raw = self.initial_seed().to_bytes(8, "little") + off.value.to_bytes(8, "little")
        return _from_data(list(raw), _UINT8, _DEVICE_NONE, -1)

    def set_state(self, new_state):
        """Restores a state returned by get_state(); returns self."""
        if not isinstance(new_state, Tensor) or new_state.dtype.code != _UINT8 \
                or new_state.numel() != 16:
            raise RuntimeError("set_state(): expected a uint8 tensor of 16 bytes from "
                               "get_state()")
        raw = bytes(new_state.tolist())
        self.manual_seed(int.from_bytes(raw[:8], "little"))
        st = lib.ct_generator_set_offset(self._g, int.from_bytes(raw[8:], "little"))
        if st:
            _raise(st)
        return self

    def __repr__(self):
        return "<ctensor.Generator object at 0x%x>" % id(self)


def _default_generator():
    out = c_void_p()
    st = lib.ct_default_generator(byref(out))
    if st:
        _raise(st)
    return Generator._from_handle(out.value)


default_generator = _default_generator()


def manual_seed(seed):
    """Seeds the default generator, as torch.manual_seed; returns it."""
    return default_generator.manual_seed(seed)


def initial_seed():
    """The seed of the default generator."""
    return default_generator.initial_seed()


def seed():
    """Seeds the default generator from the operating system's entropy; returns the seed."""
    return default_generator.seed()


# ---- print options and small torch-level helpers ---------------------------

_PROFILES = {"default": (4, 1000, 3, 80), "short": (2, 1000, 2, 80),
             "full": (4, _I64_MAX, 3, 80)}


def get_printoptions():
    """The print options as a dict, as torch's."""
    p = c_int32()
    th = c_int64()
    e = c_int64()
    lw = c_int64()
    sci = c_int32()
    lib.ct_get_print_options(byref(p), byref(th), byref(e), byref(lw), byref(sci))
    threshold = th.value if th.value != _I64_MAX else float("inf")
    return {"precision": p.value, "threshold": threshold, "edgeitems": e.value,
            "linewidth": lw.value, "sci_mode": None if sci.value < 0 else sci.value == 1}


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None):
    """Sets how tensors print, as torch.set_printoptions: precision (digits after
    the point), threshold (element count above which tensors are summarised),
    edgeitems, linewidth, profile ("default", "short", "full") and sci_mode
    (None automatic, True/False). Options not given keep their value, except
    sci_mode, which is always set (as torch)."""
    cur = get_printoptions()
    if profile is not None:
        try:
            prof = _PROFILES[profile]
        except KeyError:
            raise ValueError("set_printoptions(): unknown profile %r" % (profile,)) from None
        cur.update(zip(("precision", "threshold", "edgeitems", "linewidth"), prof))
    for key, value in (("precision", precision), ("threshold", threshold),
                       ("edgeitems", edgeitems), ("linewidth", linewidth)):
        if value is not None:
            cur[key] = value
    th = cur["threshold"]
    th = _I64_MAX if th == float("inf") else min(int(th), _I64_MAX)
    sci = -1 if sci_mode is None else (1 if sci_mode else 0)
    st = lib.ct_set_print_options(int(cur["precision"]), th, int(cur["edgeitems"]),
                                  int(cur["linewidth"]), sci)
    if st:
        _raise(st)


def is_tensor(obj):
    """Whether obj is a ctensor.Tensor."""
    return isinstance(obj, Tensor)


def is_floating_point(input):
    """Whether input's dtype is a floating type."""
    return input.dtype.is_floating_point


def is_complex(input):
    """Whether input's dtype is complex."""
    return input.dtype.is_complex


def numel(input):
    """The number of elements of input."""
    return input.numel()
