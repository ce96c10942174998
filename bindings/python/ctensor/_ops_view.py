"""Views (view.h) and structure operations (structure.h) as torch-like functions and methods.

Views share the input's storage (writes through one are seen in the other);
reshape and flatten copy only when no view can express the result. The
structure ops copy, except split, chunk and unbind, which return views.
"""

from ctypes import c_int64, c_void_p

from ._convert import int64_array
from ._errors import check
from ._lib import lib
from ._ops_common import handle, inplace, into, many, new, tensors_arg, type_error, varargs
from ._tensor import Tensor

_wrap = Tensor._wrap

FUNCTIONS = {}  # name -> function, installed as a Tensor method too
FUNCTIONS_ONLY = {}  # name -> function that is not a method
METHODS = {}  # method-only name -> function
PROPERTIES = {}  # name -> property


def _function(fn):
    FUNCTIONS[fn.__name__] = fn
    return fn


def _function_only(fn):
    FUNCTIONS_ONLY[fn.__name__] = fn
    return fn


def _method(name):
    def register(fn):
        fn.__name__ = fn.__qualname__ = name
        METHODS[name] = fn
        return fn
    return register


def _ints(seq, fname, argname):
    """(int64 array, n) of a sequence of ints, with a TypeError naming the function."""
    if isinstance(seq, int):
        seq = (seq,)
    if not isinstance(seq, (list, tuple)):
        raise type_error(fname, argname, seq, "tuple of ints")
    try:
        return int64_array(seq)
    except TypeError:
        raise type_error(fname, argname, seq, "tuple of ints") from None


# ---- views ----------------------------------------------------------------------------------

_SIZE_TYPES = tuple(c_int64 * n for n in range(9))


def _sizes(args, kwargs, keyword, fname):
    """(int64 array, n) of a varargs shape, with a fast path for plain ints."""
    if not kwargs:
        try:
            return _SIZE_TYPES[len(args)](*args), len(args)
        except (TypeError, IndexError):
            pass
    return varargs(args, kwargs, keyword, fname)


_ct_view, _ct_reshape = lib.ct_view, lib.ct_reshape


@_method("view")
def view(self, *shape, **kwargs):
    """Tensor.view(*shape) -> Tensor

    self viewed with a new shape of the same number of elements (one size may
    be -1), as Tensor.view; t.view(2, 3) and t.view((2, 3)) are the same.
    Reinterpreting the bytes as another dtype (t.view(dtype)) is not supported.
    """
    if len(shape) == 1 and shape[0].__class__ is not int and hasattr(shape[0], "itemsize"):
        raise NotImplementedError("view: reinterpreting a tensor as another dtype is not supported")
    arr, n = _sizes(shape, kwargs, "size", "view")
    out = c_void_p()
    st = _ct_view(out, self._h, n, arr)
    if st:
        check(st)
    return _wrap(out.value)


@_method("view_as")
def view_as(self, other):
    """Tensor.view_as(other) -> Tensor: self.view(other.shape)."""
    handle(other, "view_as", "other")
    return view(self, tuple(other.shape))


@_function_only
def reshape(input, shape):
    """reshape(input, shape) -> Tensor

    input with a new shape (one size may be -1), as torch.reshape: a view when
    the strides allow one, else a contiguous copy.
    """
    arr, n = _ints(shape, "reshape", "shape")
    return new(lib.ct_reshape, handle(input, "reshape"), n, arr)


@_method("reshape")
def _reshape(self, *shape, **kwargs):
    """Tensor.reshape(*shape) -> Tensor

    reshape(self, shape): t.reshape(2, 3), t.reshape((2, 3)) or t.reshape(shape=(2, 3)).
    """
    arr, n = _sizes(shape, kwargs, "shape", "reshape")
    out = c_void_p()
    st = _ct_reshape(out, self._h, n, arr)
    if st:
        check(st)
    return _wrap(out.value)


@_method("reshape_as")
def reshape_as(self, other):
    """Tensor.reshape_as(other) -> Tensor: self.reshape(other.shape)."""
    handle(other, "reshape_as", "other")
    return reshape(self, tuple(other.shape))


@_function
def transpose(input, dim0, dim1):
    """transpose(input, dim0, dim1) -> Tensor: input with dims dim0 and dim1 swapped (a view)."""
    return new(lib.ct_transpose, handle(input, "transpose"), dim0, dim1)


@_function
def t(input):
    """t(input) -> Tensor: the transpose of a matrix (0-d and 1-d inputs unchanged), a view."""
    return new(lib.ct_t, handle(input, "t"))


@_function_only
def permute(input, dims):
    """permute(input, dims) -> Tensor

    input with its dims reordered (result dim i is input's dim dims[i]), a view,
    as torch.permute.
    """
    arr, n = _ints(dims, "permute", "dims")
    return new(lib.ct_permute, handle(input, "permute"), arr, n)


@_method("permute")
def _permute(self, *dims, **kwargs):
    """Tensor.permute(*dims) -> Tensor

    permute(self, dims): t.permute(1, 0), t.permute((1, 0)) or t.permute(dims=(1, 0)).
    """
    arr, n = varargs(dims, kwargs, "dims", "permute")
    return new(lib.ct_permute, self._h, arr, n)


@_function
def squeeze(input, dim=None):
    """squeeze(input, dim=None) -> Tensor

    input without its size-1 dims (all of them, dim's, or those listed in a
    tuple of dims), a view, as torch.squeeze.
    """
    h = handle(input, "squeeze")
    if dim is None:
        return new(lib.ct_squeeze, h)
    if isinstance(dim, (list, tuple)):
        arr, n = _ints(dim, "squeeze", "dim")
        return new(lib.ct_squeeze_dims, h, arr, n)
    return new(lib.ct_squeeze_dim, h, dim)


@_function
def unsqueeze(input, dim):
    """unsqueeze(input, dim) -> Tensor: input with a size-1 dim inserted at dim, a view."""
    return new(lib.ct_unsqueeze, handle(input, "unsqueeze"), dim)


@_method("expand")
def expand(self, *sizes, **kwargs):
    """Tensor.expand(*sizes) -> Tensor

    self repeated along size-1 and new leading dims without copying (stride
    0), as Tensor.expand; -1 keeps a dim's size.
    """
    arr, n = varargs(sizes, kwargs, "size", "expand")
    return new(lib.ct_expand, self._h, n, arr)


@_method("expand_as")
def expand_as(self, other):
    """Tensor.expand_as(other) -> Tensor: self.expand(other.shape)."""
    handle(other, "expand_as", "other")
    return expand(self, tuple(other.shape))


@_function
def broadcast_to(input, shape):
    """broadcast_to(input, shape) -> Tensor: input expanded to shape, as torch.broadcast_to."""
    arr, n = _ints(shape, "broadcast_to", "size")
    return new(lib.ct_broadcast_to, handle(input, "broadcast_to"), n, arr)


@_function_only
def broadcast_shapes(*shapes):
    """broadcast_shapes(*shapes) -> tuple: the shape the given shapes broadcast to."""
    result = []
    for shape in shapes:
        shape = (shape,) if isinstance(shape, int) else tuple(shape)
        if len(shape) > len(result):
            result = [1] * (len(shape) - len(result)) + result
        for i, s in enumerate(shape, len(result) - len(shape)):
            if s != result[i] and s != 1:
                if result[i] != 1:
                    raise RuntimeError("broadcast_shapes: shape mismatch: objects cannot be "
                                       "broadcast to a single shape: %s" % (shapes,))
                result[i] = s
    return tuple(result)


@_function_only
def broadcast_tensors(*tensors):
    """broadcast_tensors(*tensors) -> tuple of Tensors: each expanded to the common shape."""
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tensors[0]
    for x in tensors:
        handle(x, "broadcast_tensors", "tensors")
    shape = broadcast_shapes(*[tuple(x.shape) for x in tensors])
    return tuple(broadcast_to(x, shape) for x in tensors)


@_function
def flatten(input, start_dim=0, end_dim=-1):
    """flatten(input, start_dim=0, end_dim=-1) -> Tensor

    Dims start_dim to end_dim merged into one, as torch.flatten (a view when
    possible, else a copy).
    """
    return new(lib.ct_flatten, handle(input, "flatten"), start_dim, end_dim)


@_function
def unflatten(input, dim, sizes):
    """unflatten(input, dim, sizes) -> Tensor: dim split into dims of the given sizes (a view)."""
    arr, n = _ints(sizes, "unflatten", "sizes")
    return new(lib.ct_unflatten, handle(input, "unflatten"), dim, arr, n)


@_function
def narrow(input, dim, start, length):
    """narrow(input, dim, start, length) -> Tensor

    The elements start to start + length - 1 along dim (a view), as torch.narrow.
    """
    return new(lib.ct_narrow, handle(input, "narrow"), dim, int(start), length)


@_function
def select(input, dim, index):
    """select(input, dim, index) -> Tensor

    The slice at index along dim, which is removed (a view), as torch.select.
    """
    return new(lib.ct_select, handle(input, "select"), dim, int(index))


@_function
def diagonal(input, offset=0, dim1=0, dim2=1):
    """diagonal(input, offset=0, dim1=0, dim2=1) -> Tensor

    The diagonal of dims dim1 and dim2 as a new last dim (a view), as
    torch.diagonal: offset > 0 above the main diagonal, < 0 below.
    """
    return new(lib.ct_diagonal, handle(input, "diagonal"), offset, dim1, dim2)


@_method("unfold")
def unfold(self, dimension, size, step):
    """Tensor.unfold(dimension, size, step) -> Tensor

    The windows of size elements along dimension, step apart, as a new last dim (a view).
    """
    return new(lib.ct_unfold, self._h, dimension, size, step)


@_function
def movedim(input, source, destination):
    """movedim(input, source, destination) -> Tensor

    Dims source moved to positions destination (ints or sequences of ints),
    the others keeping their order, as torch.movedim (a view).
    """
    h = handle(input, "movedim")
    if isinstance(source, int) and isinstance(destination, int):
        return new(lib.ct_movedim, h, source, destination)
    src, n = _ints(source, "movedim", "source")
    dst, m = _ints(destination, "movedim", "destination")
    if n != m:
        raise ValueError("movedim: Invalid source or destination dims: source (%s dims) should "
                         "contain the same number of dims as destination (%s dims)"
                         % (list(src), list(dst)))
    return new(lib.ct_movedims, h, src, dst, n)


@_function_only
def real(input):
    """real(input) -> Tensor: the real parts of a complex tensor as a view; a real input itself."""
    return new(lib.ct_real, handle(input, "real"))


@_function_only
def imag(input):
    """imag(input) -> Tensor: the imaginary parts of a complex tensor as a view."""
    return new(lib.ct_imag, handle(input, "imag"))


@_function_only
def view_as_real(input):
    """view_as_real(input) -> Tensor: a complex tensor as (real, imag) pairs in a new last dim."""
    return new(lib.ct_view_as_real, handle(input, "view_as_real"))


@_function_only
def view_as_complex(input):
    """view_as_complex(input) -> Tensor

    Float pairs in the last dim (of size 2) viewed as complex numbers, as torch.view_as_complex.
    """
    return new(lib.ct_view_as_complex, handle(input, "view_as_complex"))


PROPERTIES.update(real=property(real, doc="The real parts (a view), as Tensor.real."),
                  imag=property(imag, doc="The imaginary parts (a view), as Tensor.imag."))

# ---- structure ------------------------------------------------------------------------------


@_function_only
def cat(tensors, dim=0, *, out=None):
    """cat(tensors, dim=0, *, out=None) -> Tensor

    The tensors concatenated along dim, as torch.cat; the dtype is their
    result_type. out must have the result's shape exactly.
    """
    arr, n = tensors_arg(tensors, "cat")
    if out is None:
        return new(lib.ct_cat, arr, n, dim)
    return into(lib.ct_cat_out, out, "cat", arr, n, dim)


@_function_only
def stack(tensors, dim=0, *, out=None):
    """stack(tensors, dim=0, *, out=None) -> Tensor

    Tensors of one shape stacked along a new dim, as torch.stack.
    """
    arr, n = tensors_arg(tensors, "stack")
    if out is None:
        return new(lib.ct_stack, arr, n, dim)
    return into(lib.ct_stack_out, out, "stack", arr, n, dim)


@_function
def split(tensor, split_size_or_sections, dim=0):
    """split(tensor, split_size_or_sections, dim=0) -> tuple of Tensors

    Views of tensor cut along dim into pieces of split_size (the last may be
    smaller) or of the sizes listed, as torch.split.
    """
    h = handle(tensor, "split", "tensor")
    if isinstance(split_size_or_sections, (list, tuple)):
        arr, n = _ints(split_size_or_sections, "split", "split_size_or_sections")
        return many(lib.ct_split_with_sizes, h, arr, n, dim)
    return many(lib.ct_split, h, int(split_size_or_sections), dim)


@_function
def chunk(input, chunks, dim=0):
    """chunk(input, chunks, dim=0) -> tuple of Tensors: at most chunks views along dim."""
    return many(lib.ct_chunk, handle(input, "chunk"), chunks, dim)


@_function
def unbind(input, dim=0):
    """unbind(input, dim=0) -> tuple of Tensors: the views input.select(dim, i) for every i."""
    return many(lib.ct_unbind, handle(input, "unbind"), dim)


@_function_only
def flip(input, dims):
    """flip(input, dims) -> Tensor: a copy of input reversed along each of dims, as torch.flip."""
    arr, n = _ints(dims, "flip", "dims")
    return new(lib.ct_flip, handle(input, "flip"), arr, n)


@_method("flip")
def _flip(self, *dims, **kwargs):
    """Tensor.flip(*dims) -> Tensor: flip(self, dims); t.flip(0, 1) or t.flip((0, 1))."""
    arr, n = varargs(dims, kwargs, "dims", "flip")
    return new(lib.ct_flip, self._h, arr, n)


@_function
def fliplr(input):
    """fliplr(input) -> Tensor: input reversed along dim 1."""
    return flip(input, 1)


@_function
def flipud(input):
    """flipud(input) -> Tensor: input reversed along dim 0."""
    return flip(input, 0)


@_function
def roll(input, shifts, dims=None):
    """roll(input, shifts, dims=None) -> Tensor

    A copy of input rolled by shifts along dims (or flattened when dims is
    None), as torch.roll.
    """
    h = handle(input, "roll")
    s, ns = _ints(shifts, "roll", "shifts")
    if dims is None:
        return new(lib.ct_roll, h, s, ns, None, 0)
    d, nd = _ints(dims, "roll", "dims")
    return new(lib.ct_roll, h, s, ns, d, nd)


@_method("repeat")
def repeat(self, *repeats, **kwargs):
    """Tensor.repeat(*repeats) -> Tensor

    self repeated repeats[d] times along each dim (extra leading repeats add
    dims), as Tensor.repeat.
    """
    arr, n = varargs(repeats, kwargs, "repeats", "repeat")
    return new(lib.ct_repeat, self._h, arr, n)


@_function_only
def tile(input, dims):
    """tile(input, dims) -> Tensor: input tiled as torch.tile (NumPy's tile)."""
    arr, n = _ints(dims, "tile", "dims")
    return new(lib.ct_tile, handle(input, "tile"), arr, n)


@_method("tile")
def _tile(self, *dims, **kwargs):
    """Tensor.tile(*dims) -> Tensor: tile(self, dims); t.tile(2, 1) or t.tile((2, 1))."""
    arr, n = varargs(dims, kwargs, "dims", "tile")
    return new(lib.ct_tile, self._h, arr, n)


@_function
def tril(input, diagonal=0, *, out=None):
    """tril(input, diagonal=0, *, out=None) -> Tensor

    A copy of input (..., M, N) with the elements above the diagonal zeroed, as torch.tril.
    """
    h = handle(input, "tril")
    if out is None:
        return new(lib.ct_tril, h, diagonal)
    return into(lib.ct_tril_out, out, "tril", h, diagonal)


@_function
def triu(input, diagonal=0, *, out=None):
    """triu(input, diagonal=0, *, out=None) -> Tensor

    A copy of input (..., M, N) with the elements below the diagonal zeroed, as torch.triu.
    """
    h = handle(input, "triu")
    if out is None:
        return new(lib.ct_triu, h, diagonal)
    return into(lib.ct_triu_out, out, "triu", h, diagonal)


@_method("tril_")
def tril_(self, diagonal=0):
    """Tensor.tril_(diagonal=0) -> Tensor: tril() in place; returns self."""
    return inplace(lib.ct_tril_, self, diagonal)


@_method("triu_")
def triu_(self, diagonal=0):
    """Tensor.triu_(diagonal=0) -> Tensor: triu() in place; returns self."""
    return inplace(lib.ct_triu_, self, diagonal)


for _alias, _name in (("swapaxes", "transpose"), ("swapdims", "transpose"),
                      ("moveaxis", "movedim")):
    FUNCTIONS[_alias] = FUNCTIONS[_name]
for _alias, _name in (("concat", "cat"), ("concatenate", "cat")):
    FUNCTIONS_ONLY[_alias] = FUNCTIONS_ONLY[_name]
del _alias, _name
