"""The index functions of index.h (index_select, gather, scatter, masked_fill,
masked_select, nonzero, take, index_put) as torch-like functions and methods.
Python's t[...] indexing itself is Tensor.__getitem__ (_tensor.py)."""

from ctypes import c_int32, c_void_p

from . import _capi
from ._lib import lib
from ._ops_common import (copy_result, handle, inplace, into, new, opt_scalar, tensor_or_wrapped,
                          type_error)
from ._ops_view import reshape, unbind
from ._tensor import Tensor

FUNCTIONS = {}  # name -> function, installed as a Tensor method too
METHODS = {}  # method-only name -> function


def _function(fn):
    FUNCTIONS[fn.__name__] = fn
    return fn


def _method(fn):
    METHODS[fn.__name__] = fn
    return fn


# ---- index functions ------------------------------------------------------------------------

@_function
def index_select(input, dim, index, *, out=None):
    """index_select(input, dim, index, *, out=None) -> Tensor

    The entries of input at the positions index (1-d, int64 or int32) along
    dim, as torch.index_select.
    """
    h, i = handle(input, "index_select"), handle(index, "index_select", "index")
    if out is None:
        return new(lib.ct_index_select, h, dim, i)
    return into(lib.ct_index_select_out, out, "index_select", h, dim, i)


@_function
def gather(input, dim, index, *, sparse_grad=False, out=None):
    """gather(input, dim, index, *, sparse_grad=False, out=None) -> Tensor

    out[i][j] = input[index[i][j]][j] for dim 0 (likewise for other dims), as
    torch.gather: out has index's shape.
    """
    h, i = handle(input, "gather"), handle(index, "gather", "index")
    if out is None:
        return new(lib.ct_gather, h, dim, i)
    return into(lib.ct_gather_out, out, "gather", h, dim, i)


_REDUCE = {None: _capi.CT_SCATTER_REDUCE_NONE, "add": _capi.CT_SCATTER_REDUCE_ADD,
           "multiply": _capi.CT_SCATTER_REDUCE_MULTIPLY}


def _reduce(fname, reduce):
    try:
        return _REDUCE[reduce]
    except (KeyError, TypeError):
        raise ValueError("%s: reduce argument must be either add or multiply, not %r"
                         % (fname, reduce)) from None


def _scatter_source(fname, src, value):
    if src is None and value is None:
        raise TypeError("%s(): missing argument 'src' or 'value'" % fname)
    if src is not None and value is not None:
        raise TypeError("%s(): give 'src' or 'value', not both" % fname)
    return value if src is None else src


@_function
def scatter(input, dim, index, src=None, *, value=None, reduce=None):
    """scatter(input, dim, index, src, *, reduce=None) -> Tensor

    A copy of input with input[index[i][j]][j] = src[i][j] for dim 0 (likewise
    for other dims), as torch.scatter; src may be a Python number (or given as
    value=); reduce is None, "add" or "multiply".
    """
    h, i = handle(input, "scatter"), handle(index, "scatter", "index")
    src, r = _scatter_source("scatter", src, value), _reduce("scatter", reduce)
    if isinstance(src, Tensor):
        return new(lib.ct_scatter, h, dim, i, src._h, r)
    return new(lib.ct_scatter_value, h, dim, i, *opt_scalar(src, "scatter", "value"), r)


@_method
def scatter_(self, dim, index, src=None, *, value=None, reduce=None):
    """Tensor.scatter_(dim, index, src, *, reduce=None) -> Tensor

    scatter() in place; returns self.
    """
    i = handle(index, "scatter_", "index")
    src, r = _scatter_source("scatter_", src, value), _reduce("scatter_", reduce)
    if isinstance(src, Tensor):
        return inplace(lib.ct_scatter_, self, dim, i, src._h, r)
    return inplace(lib.ct_scatter_value_, self, dim, i, *opt_scalar(src, "scatter_", "value"), r)


@_function
def scatter_add(input, dim, index, src):
    """scatter_add(input, dim, index, src) -> Tensor

    A copy of input with src added at the positions index along dim, as torch.scatter_add.
    """
    return new(lib.ct_scatter_add, handle(input, "scatter_add"), dim,
               handle(index, "scatter_add", "index"), handle(src, "scatter_add", "src"))


@_method
def scatter_add_(self, dim, index, src):
    """Tensor.scatter_add_(dim, index, src) -> Tensor: scatter_add() in place; returns self."""
    return inplace(lib.ct_scatter_add_, self, dim, handle(index, "scatter_add_", "index"),
                   handle(src, "scatter_add_", "src"))


@_function
def masked_fill(input, mask, value):
    """masked_fill(input, mask, value) -> Tensor

    A copy of input with value (a number or a 0-d tensor) where mask (bool)
    is true, as torch.masked_fill.
    """
    h, m = handle(input, "masked_fill"), handle(mask, "masked_fill", "mask")
    if isinstance(value, Tensor):
        return new(lib.ct_masked_fill_tensor, h, m, value._h)
    return new(lib.ct_masked_fill, h, m, *opt_scalar(value, "masked_fill", "value"))


@_method
def masked_fill_(self, mask, value):
    """Tensor.masked_fill_(mask, value) -> Tensor: masked_fill() in place; returns self."""
    m = handle(mask, "masked_fill_", "mask")
    if isinstance(value, Tensor):
        return inplace(lib.ct_masked_fill_tensor_, self, m, value._h)
    return inplace(lib.ct_masked_fill_, self, m, *opt_scalar(value, "masked_fill_", "value"))


@_function
def masked_select(input, mask, *, out=None):
    """masked_select(input, mask, *, out=None) -> Tensor

    The elements of input where mask (bool) is true, as a new 1-d tensor
    (torch.masked_select); out must have the result's shape exactly.
    """
    r = new(lib.ct_masked_select, handle(input, "masked_select"),
            handle(mask, "masked_select", "mask"))
    return r if out is None else copy_result(r, out, "masked_select")


@_function
def nonzero(input, *, out=None, as_tuple=False):
    """nonzero(input, *, out=None, as_tuple=False) -> Tensor or tuple of Tensors

    The coordinates of input's nonzero elements as an int64 tensor (count,
    ndim), as torch.nonzero; with as_tuple, one 1-d tensor per dim.
    """
    h = handle(input, "nonzero")
    if as_tuple:
        if out is not None:
            raise TypeError("nonzero(): out is not supported with as_tuple=True")
        if input.ndim == 0:
            return nonzero(reshape(input, (1,)), as_tuple=True)
        return unbind(new(lib.ct_nonzero, h), 1)
    r = new(lib.ct_nonzero, h)
    return r if out is None else copy_result(r, out, "nonzero")


@_function
def argwhere(input):
    """argwhere(input) -> Tensor: nonzero(input), as torch.argwhere."""
    return nonzero(input)


@_function
def take(input, index, *, out=None):
    """take(input, index, *, out=None) -> Tensor

    input's elements at the positions index (int64, any shape) of its
    row-major order, as torch.take.
    """
    r = new(lib.ct_take, handle(input, "take"), handle(index, "take", "index"))
    return r if out is None else copy_result(r, out, "take")


def _index_arrays(fname, indices):
    if not isinstance(indices, (list, tuple)):
        raise type_error(fname, "indices", indices, "tuple of Tensors")
    n = len(indices)
    kinds = (c_int32 * n)(*([_capi.CT_INDEX_TENSOR] * n))
    hs = [None if t is None else handle(t, fname, "indices") for t in indices]
    if None in hs:
        raise NotImplementedError("%s: None entries in indices are not supported" % fname)
    return n, kinds, (c_void_p * n)(*hs)


@_function
def index_put(input, indices, values, accumulate=False):
    """index_put(input, indices, values, accumulate=False) -> Tensor

    A copy of input with input[indices] = values (or += with accumulate), for
    a tuple of index tensors, as torch.index_put.
    """
    n, kinds, hs = _index_arrays("index_put", indices)
    v = tensor_or_wrapped(values, "index_put", "values")
    return new(lib.ct_index_put, handle(input, "index_put"), n, kinds, None, hs, v._h,
               bool(accumulate))


@_method
def index_put_(self, indices, values, accumulate=False):
    """Tensor.index_put_(indices, values, accumulate=False) -> Tensor: index_put() in place."""
    n, kinds, hs = _index_arrays("index_put_", indices)
    v = tensor_or_wrapped(values, "index_put_", "values")
    return inplace(lib.ct_index_put_, self, n, kinds, None, hs, v._h, bool(accumulate))
