"""Helpers shared by the operator modules (_ops_*.py).

They turn Python arguments (tensors, numbers, dims, shapes, dtypes) into the
C calling convention of _capi and wrap the new references that come back.
Nothing here is public.
"""

from ctypes import c_int32, c_void_p

from . import _capi
from ._convert import int64_array, is_scalar, scalar_arg, wrapped
from ._errors import ERRORS, check
from ._lib import lib
from ._tensor import Tensor

_wrap = Tensor._wrap
_DTYPE_NONE = _capi.CT_DTYPE_NONE

__all__ = []  # internal module


def type_error(fname, argname, value, expected="Tensor"):
    """The TypeError torch raises for an argument of the wrong Python type."""
    return TypeError("%s(): argument '%s' must be %s, not %s"
                     % (fname, argname, expected, type(value).__name__))


def handle(t, fname, argname="input"):
    """t's handle, or a TypeError naming the function when t is not a Tensor."""
    if isinstance(t, Tensor):
        return t._h
    raise type_error(fname, argname, t)


def tensor_or_wrapped(x, fname, argname):
    """x itself when it is a Tensor, a wrapped 0-d tensor for a Python number.

    The caller keeps the returned object alive for as long as it uses its handle.
    """
    if isinstance(x, Tensor):
        return x
    if is_scalar(x):
        return wrapped(x)
    raise type_error(fname, argname, x, "Tensor or Number")


def new(fn, *args):
    """Calls fn(&out, *args) and returns the new tensor."""
    out = c_void_p()
    st = fn(out, *args)
    if st:
        check(st)
    return _wrap(out.value)


def new2(fn, *args):
    """Calls fn(&a, &b, *args) and returns the two new tensors."""
    a, b = c_void_p(), c_void_p()
    st = fn(a, b, *args)
    if st:
        check(st)
    return _wrap(a.value), _wrap(b.value)


def into(fn, out, fname, *args):
    """Calls fn(out, *args) for an out= tensor and returns out."""
    st = fn(handle(out, fname, "out"), *args)
    if st:
        check(st)
    return out


def inplace(fn, self, *args):
    """Calls fn(self, *args) for an in-place op and returns self."""
    st = fn(self._h, *args)
    if st:
        check(st)
    return self


def tensors_arg(tensors, fname, argname="tensors"):
    """A C array of the handles of a sequence of tensors, and its length."""
    if isinstance(tensors, Tensor) or not isinstance(tensors, (list, tuple)):
        raise type_error(fname, argname, tensors, "tuple of Tensors")
    hs = [handle(t, fname, argname) for t in tensors]
    return (c_void_p * len(hs))(*hs), len(hs)


def many(fn, *args):
    """Calls a C function with the structure.h output protocol (outs, capacity,
    &count, *args) twice, learning the count first; returns a tuple of tensors."""
    count = c_int32()
    st = fn(None, 0, count, *args)
    if st:
        check(st)
    n = count.value
    outs = (c_void_p * n)()
    st = fn(outs, n, count, *args)
    if st:
        check(st)
    return tuple(_wrap(h) for h in outs[:count.value])


def shape_args(args, fname):
    """The sizes of a varargs or single-sequence shape argument ``t.view(2, 3)``
    or ``t.view((2, 3))``, as a C array and its length."""
    if len(args) == 1 and isinstance(args[0], (list, tuple)):
        args = args[0]
    try:
        return int64_array(args)
    except TypeError:
        raise TypeError("%s(): the shape must be a sequence of ints, not %r"
                        % (fname, args)) from None


def varargs(args, kwargs, keyword, fname):
    """As shape_args() for a method that also takes the sequence by its torch
    keyword: t.permute(1, 0), t.permute((1, 0)) or t.permute(dims=(1, 0))."""
    if kwargs:
        if args or list(kwargs) != [keyword]:
            raise TypeError("%s() takes the sizes as varargs or as %s=, not %s"
                            % (fname, keyword, ", ".join(sorted(kwargs)) or "both"))
        args = (kwargs[keyword],)
    return shape_args(args, fname)


def scalar(x, fname, argname):
    """(pointer, dtype code) of a Python number argument, or a TypeError."""
    if is_scalar(x):
        return scalar_arg(x)
    raise type_error(fname, argname, x, "Number")


def opt_scalar(x, fname, argname):
    """As scalar(), with None giving (None, CT_DTYPE_NONE) for the C default."""
    if x is None:
        return None, _DTYPE_NONE
    return scalar(x, fname, argname)


def copy_result(result, out, fname):
    """Writes a computed result into an out= tensor of exactly its shape and
    dtype (ctensor never resizes out) and returns out."""
    handle(out, fname, "out")
    if out.shape != result.shape or out.dtype != result.dtype:
        cls = ERRORS[_capi.CT_ERR_SHAPE if out.shape != result.shape else _capi.CT_ERR_DTYPE]
        raise cls("%s: out has shape %s and dtype %s but the result has shape %s and dtype %s"
                  % (fname, list(out.shape), out.dtype, list(result.shape), result.dtype))
    st = lib.ct_copy_(out._h, result._h)
    if st:
        check(st)
    return out
