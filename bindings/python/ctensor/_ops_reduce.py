"""Reductions, scans, softmax, sorting and unique (reduce.h) as torch-like functions and methods.

dim arguments accept an int, a tuple or list of ints, or None (every dim);
keepdim keeps the reduced dims with size 1; dtype= converts the input first.
Ops that return values and indices give a named tuple with ``.values`` and
``.indices``, as torch.return_types does.
"""

from collections import namedtuple
from ctypes import c_int64, c_void_p

from ._convert import dims_arg
from ._dtype import code_of
from ._errors import check
from ._lib import lib
from ._ops_common import copy_result, handle, inplace, into, new, new2, type_error
from ._ops_elementwise import FUNCTIONS as elementwise
from ._tensor import Tensor

_DTYPE_NONE = code_of(None)

FUNCTIONS = {}  # name -> function, installed as a Tensor method too
METHODS = {}  # method-only name -> function


def _function(fn):
    FUNCTIONS[fn.__name__] = fn
    return fn


def _return_type(name, fields="values indices"):
    def __repr__(self):
        items = ",\n".join("%s=%r" % item for item in zip(self._fields, self))
        return "ctensor.return_types.%s(\n%s)" % (name, items)

    cls = namedtuple(name, fields)
    cls.__module__ = "ctensor.return_types"
    cls.__doc__ = "The result of ctensor.%s: a named tuple (%s)." % (name,
                                                                      fields.replace(" ", ", "))
    cls.__repr__ = __repr__
    return cls


class return_types:  # noqa: N801 (torch's name)
    """The named tuples of the ops that return several tensors, as torch.return_types."""

    max = _return_type("max")
    min = _return_type("min")
    sort = _return_type("sort")
    topk = _return_type("topk")
    aminmax = _return_type("aminmax", "min max")


def _dims(dim, fname):
    if dim is not None and not isinstance(dim, (int, list, tuple)):
        raise type_error(fname, "dim", dim, "int or tuple of ints")
    try:
        return dims_arg(dim)
    except TypeError:
        raise type_error(fname, "dim", dim, "int or tuple of ints") from None


def _one_dim(dim, fname):
    """A single dim as a C int64, or a TypeError."""
    if isinstance(dim, bool) or not isinstance(dim, int):
        if hasattr(dim, "__index__") and not isinstance(dim, bool):
            return dim.__index__()
        raise type_error(fname, "dim", dim, "int")
    return dim


def _reduction(name, with_dtype, doc):
    """sum-like ops: f(input, dim=None, keepdim=False, *, dtype=None, out=None)."""
    f, fo = getattr(lib, "ct_" + name), getattr(lib, "ct_" + name + "_out")
    if with_dtype:
        def fn(input, dim=None, keepdim=False, *, dtype=None, out=None):
            h = handle(input, name)
            if dim is None and out is None and dtype is None:  # the common case, inline
                o = c_void_p()
                st = f(o, h, None, 0, bool(keepdim), _DTYPE_NONE)
                if st:
                    check(st)
                return Tensor._wrap(o.value)
            d, n = _dims(dim, name)
            if out is None:
                return new(f, h, d, n, bool(keepdim), code_of(dtype))
            return into(fo, out, name, h, d, n, bool(keepdim), code_of(dtype))
        sig = "%s(input, dim=None, keepdim=False, *, dtype=None, out=None)"
    else:
        def fn(input, dim=None, keepdim=False, *, out=None):
            h = handle(input, name)
            d, n = _dims(dim, name)
            if out is None:
                return new(f, h, d, n, bool(keepdim))
            return into(fo, out, name, h, d, n, bool(keepdim))
        sig = "%s(input, dim=None, keepdim=False, *, out=None)"
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = "%s -> Tensor\n\n%s" % (sig % name, doc)
    FUNCTIONS[name] = fn
    return fn


sum = _reduction(  # noqa: A001 (torch's name)
    "sum", True, "The sum over dim (None: every dim), as torch.sum; bool and integer inputs give "
    "int64 unless dtype says otherwise.")
prod = _reduction("prod", True, "The product over dim, as torch.prod (which takes one dim; any "
                  "tuple works here).")
mean = _reduction("mean", True, "The mean over dim, as torch.mean; the input (or dtype) must be "
                  "floating or complex.")
amax = _reduction("amax", False, "The largest value over dim (None: every dim), as torch.amax; NaN "
                  "propagates.")
amin = _reduction("amin", False, "The smallest value over dim, as torch.amin; NaN propagates.")
all = _reduction(  # noqa: A001 (torch's name)
    "all", False, "Whether every element over dim is nonzero (bool), as torch.all.")
any = _reduction(  # noqa: A001 (torch's name)
    "any", False, "Whether any element over dim is nonzero (bool), as torch.any.")


@_function
def logsumexp(input, dim=None, keepdim=False, *, out=None):
    """logsumexp(input, dim, keepdim=False, *, out=None) -> Tensor

    log(sum(exp(input))) over dim, computed stably, as torch.logsumexp;
    integer inputs give the default float dtype.
    """
    h = handle(input, "logsumexp")
    d, n = _dims(dim, "logsumexp")
    if out is None:
        return new(lib.ct_logsumexp, h, d, n, bool(keepdim))
    return into(lib.ct_logsumexp_out, out, "logsumexp", h, d, n, bool(keepdim))


@_function
def count_nonzero(input, dim=None):
    """count_nonzero(input, dim=None) -> Tensor: the number of nonzero elements over dim (int64)."""
    d, n = _dims(dim, "count_nonzero")
    return new(lib.ct_count_nonzero, handle(input, "count_nonzero"), d, n)


def _extremum(name, doc):
    f, fdim, fdim_out = (getattr(lib, "ct_" + name), getattr(lib, "ct_%s_dim" % name),
                         getattr(lib, "ct_%s_dim_out" % name))
    binary = "maximum" if name == "max" else "minimum"
    result = getattr(return_types, name)

    def fn(input, dim=None, keepdim=False, *, out=None):
        h = handle(input, name)
        if isinstance(dim, Tensor):
            return elementwise[binary](input, dim, out=out)
        if dim is None:
            if keepdim:
                raise TypeError("%s(): keepdim needs a dim" % name)
            if out is None:
                return new(f, h)
            return copy_result(new(f, h), out, name)
        dim = _one_dim(dim, name)
        if out is None:
            return result(*new2(fdim, h, dim, bool(keepdim)))
        values, indices = out
        st = fdim_out(handle(values, name, "out"), handle(indices, name, "out"), h, dim,
                      bool(keepdim))
        if st:
            check(st)
        return result(values, indices)

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = doc
    FUNCTIONS[name] = fn
    return fn


max = _extremum("max", """max(input) -> Tensor
max(input, dim, keepdim=False, *, out=None) -> (values, indices)
max(input, other, *, out=None) -> Tensor

The largest element (a 0-d tensor; NaN wins), the largest values along dim
and their int64 indices (a named tuple), or maximum(input, other), as torch.max.
""")  # noqa: A001
min = _extremum("min", """min(input) -> Tensor
min(input, dim, keepdim=False, *, out=None) -> (values, indices)
min(input, other, *, out=None) -> Tensor

The smallest element, the smallest values along dim and their indices, or
minimum(input, other), as torch.min.
""")  # noqa: A001


@_function
def aminmax(input, *, dim=None, keepdim=False):
    """aminmax(input, *, dim=None, keepdim=False) -> (min, max)

    amin and amax of input over dim (None: every dim), as torch.aminmax.
    """
    return return_types.aminmax(amin(input, dim, keepdim), amax(input, dim, keepdim))


def _arg_extremum(name):
    f, fo = getattr(lib, "ct_" + name), getattr(lib, "ct_%s_out" % name)

    def fn(input, dim=None, keepdim=False, *, out=None):
        h = handle(input, name)
        d = None if dim is None else c_int64(_one_dim(dim, name))
        if out is None:
            return new(f, h, d, bool(keepdim))
        return into(fo, out, name, h, d, bool(keepdim))

    what = "largest" if name == "argmax" else "smallest"
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = ("%s(input, dim=None, keepdim=False, *, out=None) -> Tensor\n\nThe int64 index of "
                  "the %s element along dim, or of the flattened input when dim is None, as "
                  "torch.%s (the first one on ties)." % (name, what, name))
    FUNCTIONS[name] = fn
    return fn


argmax = _arg_extremum("argmax")
argmin = _arg_extremum("argmin")


def _correction(fname, unbiased, correction):
    if correction is not None:
        if unbiased is not None:
            raise ValueError("%s: cannot pass both unbiased and correction" % fname)
        return float(correction)
    return 0.0 if unbiased is False else 1.0


def _statistic(name, doc):
    f, fo = getattr(lib, "ct_" + name), getattr(lib, "ct_%s_out" % name)

    def fn(input, dim=None, unbiased=None, keepdim=False, *, correction=None, out=None):
        h = handle(input, name)
        if isinstance(dim, bool):  # var(input, unbiased): torch's older overload
            dim, unbiased = None, dim
        d, n = _dims(dim, name)
        c = _correction(name, unbiased, correction)
        if out is None:
            return new(f, h, d, n, c, bool(keepdim))
        return into(fo, out, name, h, d, n, c, bool(keepdim))

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = ("%s(input, dim=None, unbiased=True, keepdim=False, *, correction=None, out=None) "
                  "-> Tensor\n\n%s" % (name, doc))
    FUNCTIONS[name] = fn
    return fn


var = _statistic("var", "The variance over dim, as torch.var: sum |x - mean|**2 / (N - "
                 "correction), correction 1 (unbiased) unless unbiased=False or correction= say "
                 "otherwise.")
std = _statistic("std", "The standard deviation over dim, sqrt(var(...)), as torch.std.")


def _statistic_mean(name, doc):
    f = getattr(lib, "ct_" + name)

    def fn(input, dim=None, unbiased=None, keepdim=False, *, correction=None):
        h = handle(input, name)
        if isinstance(dim, bool):
            dim, unbiased = None, dim
        d, n = _dims(dim, name)
        return new2(f, h, d, n, _correction(name, unbiased, correction), bool(keepdim))

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = ("%s(input, dim=None, unbiased=True, keepdim=False, *, correction=None) -> "
                  "(Tensor, Tensor)\n\n%s" % (name, doc))
    FUNCTIONS[name] = fn
    return fn


var_mean = _statistic_mean("var_mean", "The variance and the mean over dim, as torch.var_mean.")
std_mean = _statistic_mean("std_mean", "The standard deviation and the mean over dim, as "
                           "torch.std_mean.")


@_function
def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    """norm(input, p='fro', dim=None, keepdim=False, out=None, dtype=None) -> Tensor

    The vector p-norm of input over dim, as torch.norm: p is a number
    (inf, -inf and 0 included) or "fro" (2); floating and complex inputs, a
    real result. The matrix norm "nuc" is not supported.
    """
    h = handle(input, "norm")
    if p is None or p == "fro":
        p = 2.0
    elif isinstance(p, str):
        raise NotImplementedError("norm: p=%r is not supported (only numbers and 'fro')" % (p,))
    d, n = _dims(dim, "norm")
    if out is None:
        return new(lib.ct_norm, h, float(p), d, n, bool(keepdim), code_of(dtype))
    return into(lib.ct_norm_out, out, "norm", h, float(p), d, n, bool(keepdim), code_of(dtype))


def _scan(name):
    f, fo, f_ = (getattr(lib, "ct_" + name), getattr(lib, "ct_%s_out" % name),
                 getattr(lib, "ct_%s_" % name))

    def fn(input, dim, *, dtype=None, out=None):
        h = handle(input, name)
        dim = _one_dim(dim, name)
        if out is None:
            return new(f, h, dim, code_of(dtype))
        return into(fo, out, name, h, dim, code_of(dtype))

    def fn_(self, dim):
        return inplace(f_, self, _one_dim(dim, name + "_"))

    what = "sum" if name == "cumsum" else "product"
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = ("%s(input, dim, *, dtype=None, out=None) -> Tensor\n\nThe running %s along dim, "
                  "as torch.%s; bool and integers give int64 unless dtype says otherwise."
                  % (name, what, name))
    fn_.__name__ = fn_.__qualname__ = name + "_"
    fn_.__doc__ = ("Tensor.%s_(dim) -> Tensor\n\n%s() in place (self keeps its dtype); returns "
                   "self." % (name, name))
    FUNCTIONS[name] = fn
    METHODS[name + "_"] = fn_
    return fn


cumsum = _scan("cumsum")
cumprod = _scan("cumprod")


def _softmax(name, doc):
    f, fo = getattr(lib, "ct_" + name), getattr(lib, "ct_%s_out" % name)

    def fn(input, dim, dtype=None, *, out=None):
        h = handle(input, name)
        dim = _one_dim(dim, name)
        if out is None:
            return new(f, h, dim, code_of(dtype))
        return into(fo, out, name, h, dim, code_of(dtype))

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = "%s(input, dim, dtype=None, *, out=None) -> Tensor\n\n%s" % (name, doc)
    FUNCTIONS[name] = fn
    return fn


softmax = _softmax("softmax", "exp(input) / sum(exp(input)) along dim, as torch.softmax; the input "
                   "(or dtype) must be floating.")
log_softmax = _softmax("log_softmax", "input - logsumexp(input) along dim, as torch.log_softmax.")


@_function
def sort(input, dim=-1, descending=False, stable=False, *, out=None):
    """sort(input, dim=-1, descending=False, stable=False, *, out=None) -> (values, indices)

    input sorted along dim and the int64 indices that sort it, as torch.sort
    (always stable; NaN sorts above everything).
    """
    h = handle(input, "sort")
    result = return_types.sort(*new2(lib.ct_sort, h, _one_dim(dim, "sort"), bool(descending),
                                     bool(stable)))
    return result if out is None else _copy_pair(result, out, return_types.sort, "sort")


@_function
def argsort(input, dim=-1, descending=False, stable=False):
    """argsort(input, dim=-1, descending=False, stable=False) -> Tensor

    The int64 indices that sort input along dim, as torch.argsort.
    """
    return new(lib.ct_argsort, handle(input, "argsort"), _one_dim(dim, "argsort"), bool(descending),
               bool(stable))


@_function
def msort(input):
    """msort(input) -> Tensor: input sorted along dim 0, as torch.msort."""
    return sort(input, 0).values


@_function
def topk(input, k, dim=-1, largest=True, sorted=True, *, out=None):  # noqa: A002
    """topk(input, k, dim=-1, largest=True, sorted=True, *, out=None) -> (values, indices)

    The k largest (or smallest) elements along dim and their int64 indices,
    as torch.topk; the result is always sorted.
    """
    h = handle(input, "topk")
    result = return_types.topk(*new2(lib.ct_topk, h, int(k), _one_dim(dim, "topk"), bool(largest),
                                     bool(sorted)))
    return result if out is None else _copy_pair(result, out, return_types.topk, "topk")


def _copy_pair(result, out, cls, fname):
    if not isinstance(out, (list, tuple)) or len(out) != 2:
        raise type_error(fname, "out", out, "tuple of Tensors")
    return cls(copy_result(result[0], out[0], fname), copy_result(result[1], out[1], fname))


@_function
def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    """unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None)

    The distinct elements of input in ascending order (1-d), as torch.unique,
    with the inverse indices (input's shape) and the counts when asked for:
    a Tensor, or a tuple (output[, inverse_indices][, counts]). dim is not
    supported.
    """
    h = handle(input, "unique")
    if dim is not None:
        raise NotImplementedError("unique: dim is not supported")
    out, inv, cnt = c_void_p(), c_void_p(), c_void_p()
    st = lib.ct_unique(out, inv if return_inverse else None, cnt if return_counts else None, h,
                       bool(sorted))
    if st:
        check(st)
    result = [Tensor._wrap(out.value)]
    if return_inverse:
        result.append(Tensor._wrap(inv.value))
    if return_counts:
        result.append(Tensor._wrap(cnt.value))
    return result[0] if len(result) == 1 else tuple(result)

