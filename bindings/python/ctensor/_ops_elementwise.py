"""Elementwise operators (elementwise.h) as functions, methods and Python operators.

The functions are made from the tables below, one row per C op, the same ops
that tools/gen_elementwise_header.py lists: each binary op ``x`` gives
``ctensor.x(input, other, *, out=None)``, ``Tensor.x`` and ``Tensor.x_``,
calling ct_x / ct_x_out / ct_x_ for a Tensor ``other`` and the ct_x_scalar*
forms for a Python number; each unary op gives ``ctensor.x(input, *,
out=None)``, ``Tensor.x`` and ``Tensor.x_``. Ops with extra arguments
(alpha, rounding_mode, decimals, ...) and the ternary ops are written out
below the tables. The Python operators (``a + b``, ``1 - a``, ``a += b``, ...)
are closures over the C functions with one isinstance test on the fast path.
"""

from ctypes import byref, c_double, c_void_p

from . import _capi
from ._convert import is_scalar, scalar_arg, wrapped
from ._dtype import get_default_dtype
from ._errors import ERRORS, check
from ._lib import lib
from ._ops_common import handle, inplace, into, new, opt_scalar, tensor_or_wrapped, type_error
from ._ops_index import nonzero
from ._tensor import Tensor

_wrap = Tensor._wrap

# ---- the tables -----------------------------------------------------------------------------

# Binary ops without extra arguments: (name, what it computes, with {a} and {b}).
BINARY = (
    ("mul", "{a} * {b}"),
    ("floor_divide", "floor({a} / {b})"),
    ("remainder", "{a} mod {b} with the sign of {b} (Python's %)"),
    ("fmod", "{a} mod {b} with the sign of {a} (C's fmod)"),
    ("pow", "{a} ** {b}"),
    ("maximum", "max({a}, {b}), NaN if either is NaN"),
    ("minimum", "min({a}, {b}), NaN if either is NaN"),
    ("atan2", "atan2({a}, {b}), the angle of the point ({b}, {a})"),
    ("hypot", "sqrt({a}**2 + {b}**2)"),
    ("eq", "{a} == {b} (bool)"),
    ("ne", "{a} != {b} (bool)"),
    ("lt", "{a} < {b} (bool)"),
    ("le", "{a} <= {b} (bool)"),
    ("gt", "{a} > {b} (bool)"),
    ("ge", "{a} >= {b} (bool)"),
    ("logical_and", "{a} and {b} as truth values (bool)"),
    ("logical_or", "{a} or {b} as truth values (bool)"),
    ("logical_xor", "{a} != {b} as truth values (bool)"),
    ("bitwise_and", "{a} & {b}"),
    ("bitwise_or", "{a} | {b}"),
    ("bitwise_xor", "{a} ^ {b}"),
    ("bitwise_left_shift", "{a} << {b}"),
    ("bitwise_right_shift", "{a} >> {b} (arithmetic)"),
)

# Binary ops with an alpha argument: input op alpha * other.
BINARY_ALPHA = (
    ("add", "{a} + alpha * {b}"),
    ("sub", "{a} - alpha * {b}"),
)

# Unary ops without extra arguments: (name, what it computes, with {x}).
UNARY = (
    ("neg", "-{x}"),
    ("abs", "|{x}| (complex gives its real dtype)"),
    ("sign", "-1, 0 or 1 by the sign of {x}"),
    ("sgn", "{x} / |{x}| for complex (0 at 0), sign({x}) otherwise"),
    ("sqrt", "sqrt({x})"),
    ("rsqrt", "1 / sqrt({x})"),
    ("square", "{x} * {x}"),
    ("reciprocal", "1 / {x}"),
    ("exp", "e ** {x}"),
    ("exp2", "2 ** {x}"),
    ("expm1", "e ** {x} - 1"),
    ("log", "ln({x})"),
    ("log2", "log2({x})"),
    ("log10", "log10({x})"),
    ("log1p", "ln(1 + {x})"),
    ("sin", "sin({x})"),
    ("cos", "cos({x})"),
    ("tan", "tan({x})"),
    ("asin", "asin({x})"),
    ("acos", "acos({x})"),
    ("atan", "atan({x})"),
    ("sinh", "sinh({x})"),
    ("cosh", "cosh({x})"),
    ("tanh", "tanh({x})"),
    ("asinh", "asinh({x})"),
    ("acosh", "acosh({x})"),
    ("atanh", "atanh({x})"),
    ("sigmoid", "1 / (1 + e ** -{x})"),
    ("relu", "max({x}, 0)"),
    ("silu", "{x} / (1 + e ** -{x})"),
    ("erf", "erf({x})"),
    ("erfc", "1 - erf({x})"),
    ("floor", "floor({x})"),
    ("ceil", "ceil({x})"),
    ("trunc", "trunc({x}), rounded toward zero"),
    ("frac", "{x} - trunc({x})"),
    ("isnan", "whether {x} is NaN (bool)"),
    ("isinf", "whether {x} is infinite (bool)"),
    ("isfinite", "whether {x} is finite (bool)"),
    ("logical_not", "not {x} (bool)"),
    ("bitwise_not", "~{x}"),
    ("conj", "the complex conjugate of {x}, a copy (torch.conj returns a lazy view)"),
    ("angle", "the argument of {x} (pi for negative reals, else 0)"),
)

# torch's other names for the ops: alias -> op (each also as a method, and in place).
ALIASES = {
    "subtract": "sub", "multiply": "mul", "divide": "div", "true_divide": "div",
    "greater": "gt", "greater_equal": "ge", "less": "lt", "less_equal": "le",
    "not_equal": "ne", "arctan2": "atan2", "negative": "neg", "absolute": "abs",
    "arcsin": "asin", "arccos": "acos", "arctan": "atan", "arcsinh": "asinh",
    "arccosh": "acosh", "arctanh": "atanh", "fix": "trunc", "clip": "clamp",
    "conj_physical": "conj",
}

FUNCTIONS = {}  # public name -> function (also installed as a Tensor method)
METHODS = {}  # method-only names (in-place forms) -> function

_ROUNDING = {None: _capi.CT_ROUNDING_NONE, "trunc": _capi.CT_ROUNDING_TRUNC,
             "floor": _capi.CT_ROUNDING_FLOOR}
_GELU = {"none": _capi.CT_GELU_NONE, "tanh": _capi.CT_GELU_TANH}


def _c(name):
    return getattr(lib, "ct_" + name)


def _finish(fn, name, signature, text):
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = "%s -> Tensor\n\n%s" % (signature, text)
    return fn


# ---- binary ops -----------------------------------------------------------------------------

def _binary(name, fns, input, other, out, extra):
    """input op other for a Tensor or number on either side, into out when given."""
    f, fo, fs, fso = fns
    if isinstance(input, Tensor):
        a = input
    elif is_scalar(input) and isinstance(other, Tensor):
        a = wrapped(input)
    else:
        raise type_error(name, "input", input)
    if isinstance(other, Tensor):
        if out is None:
            return new(f, a._h, other._h, *extra)
        return into(fo, out, name, a._h, other._h, *extra)
    if is_scalar(other):
        v, code = scalar_arg(other)
        if out is None:
            return new(fs, a._h, v, code, *extra)
        return into(fso, out, name, a._h, v, code, *extra)
    raise type_error(name, "other", other, "Tensor or Number")


def _binary_(name, f_, fs_, self, other, extra):
    """self op= other in place; returns self."""
    if isinstance(other, Tensor):
        st = f_(self._h, other._h, *extra)
    elif is_scalar(other):
        v, code = scalar_arg(other)
        st = fs_(self._h, v, code, *extra)
    else:
        raise type_error(name + "_", "other", other, "Tensor or Number")
    if st:
        check(st)
    return self


def _binary_fns(name):
    return (_c(name), _c(name + "_out"), _c(name + "_scalar"), _c(name + "_scalar_out"))


def _make_binary(name, formula):
    fns = _binary_fns(name)
    f, f_, fs_ = fns[0], _c(name + "_"), _c(name + "_scalar_")

    def fn(input, other, *, out=None):
        if out is None and isinstance(input, Tensor) and isinstance(other, Tensor):
            o = c_void_p()  # the common case, inline
            st = f(o, input._h, other._h)
            if st:
                check(st)
            return _wrap(o.value)
        return _binary(name, fns, input, other, out, ())

    def fn_(self, other):
        return _binary_(name, f_, fs_, self, other, ())

    text = ("Returns %s elementwise, as torch.%s. Either operand may be a Python number; the "
            "operands broadcast and promote as in PyTorch."
            % (formula.format(a="input", b="other"), name))
    _finish(fn, name, "%s(input, other, *, out=None)" % name, text)
    _finish(fn_, name + "_", "Tensor.%s_(other)" % name,
            "In place: self = %s; returns self." % formula.format(a="self", b="other"))
    return fn, fn_


def _alpha(alpha, name):
    """The (pointer, dtype) pair of an alpha argument; NULL for the default 1."""
    if alpha.__class__ is int and alpha == 1:
        return None, 0
    return opt_scalar(alpha, name, "alpha")


def _make_binary_alpha(name, formula):
    fns = _binary_fns(name)
    f, f_, fs_ = fns[0], _c(name + "_"), _c(name + "_scalar_")

    def fn(input, other, *, alpha=1, out=None):
        if (out is None and alpha.__class__ is int and alpha == 1 and isinstance(input, Tensor)
                and isinstance(other, Tensor)):
            o = c_void_p()  # the common case, inline
            st = f(o, input._h, other._h, None, 0)
            if st:
                check(st)
            return _wrap(o.value)
        return _binary(name, fns, input, other, out, _alpha(alpha, name))

    def fn_(self, other, *, alpha=1):
        return _binary_(name, f_, fs_, self, other, _alpha(alpha, name))

    text = ("Returns %s elementwise, as torch.%s. Either operand may be a Python number; the "
            "operands broadcast and promote as in PyTorch."
            % (formula.format(a="input", b="other"), name))
    _finish(fn, name, "%s(input, other, *, alpha=1, out=None)" % name, text)
    _finish(fn_, name + "_", "Tensor.%s_(other, *, alpha=1)" % name,
            "In place: self = %s; returns self." % formula.format(a="self", b="other"))
    return fn, fn_


def _rounding(mode):
    try:
        return (_ROUNDING[mode],)
    except (KeyError, TypeError):
        raise ValueError("div expected rounding_mode to be one of None, 'trunc', or 'floor' but "
                         "found %r" % (mode,)) from None


_DIV_FNS = _binary_fns("div")
_div_, _div_scalar_ = lib.ct_div_, lib.ct_div_scalar_


def div(input, other, *, rounding_mode=None, out=None):
    """div(input, other, *, rounding_mode=None, out=None) -> Tensor

    Returns input / other elementwise, as torch.div: true division for
    rounding_mode None (integers give the default float dtype), rounded toward
    zero for "trunc" and down for "floor" (integers then stay integers).
    """
    return _binary("div", _DIV_FNS, input, other, out, _rounding(rounding_mode))


def div_(self, other, *, rounding_mode=None):
    """Tensor.div_(other, *, rounding_mode=None) -> Tensor

    In place: self = self / other, rounded as div() says; returns self.
    """
    return _binary_("div", _div_, _div_scalar_, self, other, _rounding(rounding_mode))


def rsub(input, other, *, alpha=1, out=None):
    """rsub(input, other, *, alpha=1, out=None) -> Tensor

    Returns other - alpha * input, as torch.rsub.
    """
    return _binary("rsub", _binary_fns("sub"), tensor_or_wrapped(other, "rsub", "other"), input,
                   out, _alpha(alpha, "rsub"))


# ---- unary ops ------------------------------------------------------------------------------

def _make_unary(name, formula):
    f, f_, fo = _c(name), _c(name + "_"), _c(name + "_out")

    def fn(input, *, out=None):
        h = handle(input, name)
        if out is None:
            o = c_void_p()
            st = f(o, h)
            if st:
                check(st)
            return _wrap(o.value)
        return into(fo, out, name, h)

    def fn_(self):
        return inplace(f_, self)

    text = "Returns %s elementwise, as torch.%s." % (formula.format(x="input"), name)
    _finish(fn, name, "%s(input, *, out=None)" % name, text)
    _finish(fn_, name + "_", "Tensor.%s_()" % name,
            "In place: self = %s; returns self." % formula.format(x="self"))
    return fn, fn_


def _gelu_mode(approximate):
    try:
        return _GELU[approximate]
    except (KeyError, TypeError):
        raise ValueError("gelu: approximate must be 'none' or 'tanh', not %r"
                         % (approximate,)) from None


def gelu(input, approximate="none", *, out=None):
    """gelu(input, approximate='none', *, out=None) -> Tensor

    The Gaussian error linear unit, as torch.nn.functional.gelu: input / 2 *
    (1 + erf(input / sqrt(2))), or its tanh approximation for approximate='tanh'.
    """
    h = handle(input, "gelu")
    if out is None:
        return new(lib.ct_gelu, h, _gelu_mode(approximate))
    return into(lib.ct_gelu_out, out, "gelu", h, _gelu_mode(approximate))


def gelu_(self, approximate="none"):
    """Tensor.gelu_(approximate='none') -> Tensor: gelu() in place; returns self."""
    return inplace(lib.ct_gelu_, self, _gelu_mode(approximate))


def softplus(input, beta=1, threshold=20, *, out=None):
    """softplus(input, beta=1, threshold=20, *, out=None) -> Tensor

    ln(1 + e ** (beta * input)) / beta, or input where beta * input > threshold,
    as torch.nn.functional.softplus.
    """
    h = handle(input, "softplus")
    if out is None:
        return new(lib.ct_softplus, h, float(beta), float(threshold))
    return into(lib.ct_softplus_out, out, "softplus", h, float(beta), float(threshold))


def softplus_(self, beta=1, threshold=20):
    """Tensor.softplus_(beta=1, threshold=20) -> Tensor: softplus() in place; returns self."""
    return inplace(lib.ct_softplus_, self, float(beta), float(threshold))


def round(input, *, decimals=0, out=None):  # noqa: A001 (torch's name)
    """round(input, *, decimals=0, out=None) -> Tensor

    input rounded to 10 ** -decimals, ties to even, as torch.round (integers
    are unchanged; decimals other than 0 need a floating dtype).
    """
    h = handle(input, "round")
    if out is None:
        return new(lib.ct_round, h, decimals)
    return into(lib.ct_round_out, out, "round", h, decimals)


def round_(self, *, decimals=0):
    """Tensor.round_(*, decimals=0) -> Tensor: round() in place; returns self."""
    return inplace(lib.ct_round_, self, decimals)


def _opt_double(x, argname):
    if x is None:
        return None
    try:
        return byref(c_double(x))
    except TypeError:
        raise type_error("nan_to_num", argname, x, "float") from None


def nan_to_num(input, nan=0.0, posinf=None, neginf=None, *, out=None):
    """nan_to_num(input, nan=0.0, posinf=None, neginf=None, *, out=None) -> Tensor

    input with NaN, +inf and -inf replaced by nan, posinf and neginf, as
    torch.nan_to_num (None: 0 for NaN, the dtype's largest finite values for
    the infinities).
    """
    h = handle(input, "nan_to_num")
    n, p, m = _opt_double(nan, "nan"), _opt_double(posinf, "posinf"), _opt_double(neginf, "neginf")
    if out is None:
        return new(lib.ct_nan_to_num, h, n, p, m)
    return into(lib.ct_nan_to_num_out, out, "nan_to_num", h, n, p, m)


def nan_to_num_(self, nan=0.0, posinf=None, neginf=None):
    """Tensor.nan_to_num_(nan=0.0, posinf=None, neginf=None) -> Tensor: in place; returns self."""
    n, p, m = _opt_double(nan, "nan"), _opt_double(posinf, "posinf"), _opt_double(neginf, "neginf")
    return inplace(lib.ct_nan_to_num_, self, n, p, m)


def positive(input):
    """positive(input) -> Tensor

    input itself, as torch.positive (``+t``); a bool tensor is an error.
    """
    handle(input, "positive")
    if input.dtype.code == _capi.CT_BOOL:
        raise ERRORS[_capi.CT_ERR_DTYPE]("positive: the `+` operator, on a bool tensor is not "
                                         "supported")
    return input


# ---- ternary ops ----------------------------------------------------------------------------

def where(condition, input=None, other=None, *, out=None):
    """where(condition, input, other, *, out=None) -> Tensor

    input where condition (bool) is true, else other, as torch.where; input and
    other may be Python numbers and broadcast. where(condition) alone is
    nonzero(condition, as_tuple=True).
    """
    if input is None and other is None:
        return nonzero(condition, as_tuple=True)
    c = handle(condition, "where", "condition")
    a = tensor_or_wrapped(input, "where", "input")
    b = tensor_or_wrapped(other, "where", "other")
    if out is None:
        return new(lib.ct_where, c, a._h, b._h)
    return into(lib.ct_where_out, out, "where", c, a._h, b._h)


def _where_method(self, condition, y):
    """Tensor.where(condition, y) -> Tensor: where(condition, self, y)."""
    return where(condition, self, y)


def where_(self, condition, other):
    """Tensor.where_(condition, other) -> Tensor

    In place: self = where(condition, self, other); returns self.
    """
    b = tensor_or_wrapped(other, "where_", "other")
    return inplace(lib.ct_where_, self, handle(condition, "where_", "condition"), b._h)


def _clamp_args(fname, min, max):
    """(scalar?, a, b): number bounds as scalar pointers, else tensors (NULL for None)."""
    if min is None and max is None:
        raise ValueError("%s: at least one of 'min' or 'max' must not be None" % fname)
    if not isinstance(min, Tensor) and not isinstance(max, Tensor):
        lo, hi = opt_scalar(min, fname, "min"), opt_scalar(max, fname, "max")
        return True, lo + hi
    lo = None if min is None else tensor_or_wrapped(min, fname, "min")
    hi = None if max is None else tensor_or_wrapped(max, fname, "max")
    return False, (lo, hi)


def _handles(pair):
    return tuple(None if t is None else t._h for t in pair)


def clamp(input, min=None, max=None, *, out=None):  # noqa: A002 (torch's names)
    """clamp(input, min=None, max=None, *, out=None) -> Tensor

    min(max(input, min), max) elementwise, as torch.clamp: either bound may be
    None (not both), a Python number or a Tensor; max wins where min > max.
    """
    h = handle(input, "clamp")
    scalar, args = _clamp_args("clamp", min, max)
    if scalar:
        if out is None:
            return new(lib.ct_clamp_scalar, h, *args)
        return into(lib.ct_clamp_scalar_out, out, "clamp", h, *args)
    if out is None:
        return new(lib.ct_clamp, h, *_handles(args))
    return into(lib.ct_clamp_out, out, "clamp", h, *_handles(args))


def clamp_(self, min=None, max=None):  # noqa: A002
    """Tensor.clamp_(min=None, max=None) -> Tensor: clamp() in place; returns self."""
    scalar, args = _clamp_args("clamp_", min, max)
    if scalar:
        return inplace(lib.ct_clamp_scalar_, self, *args)
    return inplace(lib.ct_clamp_, self, *_handles(args))


def clamp_min(input, min, *, out=None):  # noqa: A002
    """clamp_min(input, min, *, out=None) -> Tensor: clamp(input, min=min)."""
    return clamp(input, min, None, out=out)


def clamp_max(input, max, *, out=None):  # noqa: A002
    """clamp_max(input, max, *, out=None) -> Tensor: clamp(input, max=max)."""
    return clamp(input, None, max, out=out)


def clamp_min_(self, min):  # noqa: A002
    """Tensor.clamp_min_(min) -> Tensor: clamp_(min=min)."""
    return clamp_(self, min, None)


def clamp_max_(self, max):  # noqa: A002
    """Tensor.clamp_max_(max) -> Tensor: clamp_(max=max)."""
    return clamp_(self, None, max)


def lerp(input, end, weight, *, out=None):
    """lerp(input, end, weight, *, out=None) -> Tensor

    input + weight * (end - input) elementwise, as torch.lerp; weight is a
    Tensor or a Python number; end and a tensor weight have input's dtype.
    """
    h, e = handle(input, "lerp"), handle(end, "lerp", "end")
    if isinstance(weight, Tensor):
        if out is None:
            return new(lib.ct_lerp, h, e, weight._h)
        return into(lib.ct_lerp_out, out, "lerp", h, e, weight._h)
    w = opt_scalar(weight, "lerp", "weight")
    if out is None:
        return new(lib.ct_lerp_scalar, h, e, *w)
    return into(lib.ct_lerp_scalar_out, out, "lerp", h, e, *w)


def lerp_(self, end, weight):
    """Tensor.lerp_(end, weight) -> Tensor: lerp() in place; returns self."""
    e = handle(end, "lerp_", "end")
    if isinstance(weight, Tensor):
        return inplace(lib.ct_lerp_, self, e, weight._h)
    return inplace(lib.ct_lerp_scalar_, self, e, *opt_scalar(weight, "lerp_", "weight"))


# ---- comparisons built from the ops above ----------------------------------------------------

def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False) -> Tensor

    Whether each element of input is close to other's, as torch.isclose:
    equal, or |input - other| finite and <= atol + rtol * |other| (integers
    compared in the default float dtype); NaNs are close only with equal_nan.
    other is a Tensor of input's dtype or a Python number.
    """
    h = handle(input, "isclose")
    if isinstance(other, Tensor) and other.dtype is not input.dtype:
        raise ERRORS[_capi.CT_ERR_DTYPE]("isclose: expected both inputs to have the same dtype, "
                                         "but got %s and %s" % (input.dtype, other.dtype))
    f = FUNCTIONS
    other = tensor_or_wrapped(other, "isclose", "other")
    close = f["eq"](input, other)
    if equal_nan:
        close = f["logical_or"](close, f["logical_and"](f["isnan"](input), f["isnan"](other)))
    if input.dtype.code == _capi.CT_BOOL or (rtol == 0 and atol == 0):
        return close
    if not (input.dtype.is_floating_point or input.dtype.is_complex):
        default = get_default_dtype().code
        input = new(lib.ct_to, h, default, _capi.CT_DEVICE_NONE, -1, False)
        other = new(lib.ct_to, other._h, default, _capi.CT_DEVICE_NONE, -1, False)
    allowed = f["add"](f["abs"](f["mul"](other, rtol)), atol)
    actual = f["abs"](f["sub"](input, other))
    return f["logical_or"](close, f["logical_and"](f["isfinite"](actual), f["le"](actual, allowed)))


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    """allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False) -> bool

    Whether every element of input is close to other's (see isclose), as torch.allclose.
    """
    close = isclose(input, other, rtol, atol, equal_nan)  # alive across the call below
    return bool(new(lib.ct_all, close._h, None, 0, False))


def equal(input, other):
    """equal(input, other) -> bool

    Whether input and other have the same shape and equal elements, as torch.equal.
    """
    handle(input, "equal")
    handle(other, "equal", "other")
    if tuple(input.shape) != tuple(other.shape):
        return False
    same = FUNCTIONS["eq"](input, other)  # alive across the call below
    return bool(new(lib.ct_all, same._h, None, 0, False))


# ---- the Python operators -------------------------------------------------------------------

def _operator(f, fs, extra):
    """self op other, for a Tensor or number other (NotImplemented otherwise).

    The hot path of ``a + b``: one closure per op and per count of extra C
    arguments, so that the call passes its arguments directly.
    """
    if len(extra) == 2:
        x0, x1 = extra

        def op(self, other):
            out = c_void_p()
            if isinstance(other, Tensor):
                st = f(out, self._h, other._h, x0, x1)
            elif is_scalar(other):
                v, code = scalar_arg(other)
                st = fs(out, self._h, v, code, x0, x1)
            else:
                o = _array_operand(other)
                return NotImplemented if o is None else op(self, o)
            if st:
                check(st)
            return _wrap(out.value)
    elif len(extra) == 1:
        x0, = extra

        def op(self, other):
            out = c_void_p()
            if isinstance(other, Tensor):
                st = f(out, self._h, other._h, x0)
            elif is_scalar(other):
                v, code = scalar_arg(other)
                st = fs(out, self._h, v, code, x0)
            else:
                o = _array_operand(other)
                return NotImplemented if o is None else op(self, o)
            if st:
                check(st)
            return _wrap(out.value)
    else:
        def op(self, other):
            out = c_void_p()
            if isinstance(other, Tensor):
                st = f(out, self._h, other._h)
            elif is_scalar(other):
                v, code = scalar_arg(other)
                st = fs(out, self._h, v, code)
            else:
                o = _array_operand(other)
                return NotImplemented if o is None else op(self, o)
            if st:
                check(st)
            return _wrap(out.value)
    return op


def _array_operand(other):
    """A NumPy array (or any object with __array_interface__) as an operand: a tensor copy,
    as torch converts one (``tensor + ndarray``); None for anything else."""
    if hasattr(other, "__array_interface__") and not isinstance(other, (str, bytes)):
        from ._tensor import tensor
        return tensor(other)
    return None


def _reflected(f, extra):
    """other op self for a number other: the number becomes a wrapped 0-d tensor."""
    def rop(self, other):
        if isinstance(other, Tensor):
            a = other
        elif is_scalar(other):
            a = wrapped(other)
        else:
            a = _array_operand(other)
            if a is None:
                return NotImplemented
        out = c_void_p()
        st = f(out, a._h, self._h, *extra)
        if st:
            check(st)
        return _wrap(out.value)
    return rop


def _inplace_operator(f_, fs_, extra):
    """self op= other in place, returning self (as the op's in-place method)."""
    def iop(self, other):
        if isinstance(other, Tensor):
            st = f_(self._h, other._h, *extra)
        elif is_scalar(other):
            v, code = scalar_arg(other)
            st = fs_(self._h, v, code, *extra)
        else:
            o = _array_operand(other)
            if o is None:
                return NotImplemented
            st = f_(self._h, o._h, *extra)
        if st:
            check(st)
        return self
    return iop


def _unary_operator(f):
    def op(self):
        out = c_void_p()
        st = f(out, self._h)
        if st:
            check(st)
        return _wrap(out.value)
    return op


def _invert(self):
    """~self: bitwise not of an integer tensor, logical not of a bool one."""
    out = c_void_p()
    st = lib.ct_bitwise_not(out, self._h)
    if st:
        if self.dtype.is_floating_point or self.dtype.is_complex:
            raise TypeError("~ (operator.invert) is only implemented on integer and "
                            "Boolean-type tensors")
        check(st)
    return _wrap(out.value)


def _pow_operator(op):
    def pow_(self, other, modulo=None):
        if modulo is not None:
            return NotImplemented
        return op(self, other)
    return pow_


# (dunder stem, op, extra C arguments, whether the op commutes so that a number on the left
# may use the scalar form).
_OPERATORS = (
    ("add", "add", (None, 0), True),
    ("sub", "sub", (None, 0), False),
    ("mul", "mul", (), True),
    ("truediv", "div", (_capi.CT_ROUNDING_NONE,), False),
    ("floordiv", "floor_divide", (), False),
    ("mod", "remainder", (), False),
    ("pow", "pow", (), False),
    ("and", "bitwise_and", (), True),
    ("or", "bitwise_or", (), True),
    ("xor", "bitwise_xor", (), True),
    ("lshift", "bitwise_left_shift", (), False),
    ("rshift", "bitwise_right_shift", (), False),
)
_COMPARISONS = ("eq", "ne", "lt", "le", "gt", "ge")


def _matmul(self, other):
    if not isinstance(other, Tensor):
        other = _array_operand(other)
        if other is None:
            return NotImplemented
    out = c_void_p()
    st = lib.ct_matmul(out, self._h, other._h)
    if st:
        check(st)
    return _wrap(out.value)


def _rmatmul(self, other):
    if not isinstance(other, Tensor):
        other = _array_operand(other)
        if other is None:
            return NotImplemented
    return _matmul(other, self)


def operators():
    """The Python operator methods to install on Tensor: name -> function."""
    ops = {}
    for stem, name, extra, commutes in _OPERATORS:
        f, fs = _c(name), _c(name + "_scalar")
        op = _operator(f, fs, extra)
        ops["__%s__" % stem] = op
        ops["__r%s__" % stem] = op if commutes else _reflected(f, extra)
        ops["__i%s__" % stem] = _inplace_operator(_c(name + "_"), _c(name + "_scalar_"), extra)
    for stem in ("pow", "ipow"):
        ops["__%s__" % stem] = _pow_operator(ops["__%s__" % stem])
    for name in _COMPARISONS:
        ops["__%s__" % name] = _operator(_c(name), _c(name + "_scalar"), ())
    ops["__neg__"] = _unary_operator(lib.ct_neg)
    ops["__abs__"] = _unary_operator(lib.ct_abs)
    ops["__invert__"] = _invert
    ops["__pos__"] = positive
    ops["__matmul__"] = _matmul
    ops["__rmatmul__"] = _rmatmul
    for name, fn in ops.items():
        fn.__name__ = fn.__qualname__ = name
    return ops


# ---- building the namespace -----------------------------------------------------------------

def _build():
    for name, formula in BINARY:
        FUNCTIONS[name], METHODS[name + "_"] = _make_binary(name, formula)
    for name, formula in BINARY_ALPHA:
        FUNCTIONS[name], METHODS[name + "_"] = _make_binary_alpha(name, formula)
    for name, formula in UNARY:
        FUNCTIONS[name], METHODS[name + "_"] = _make_unary(name, formula)
    for fn in (div, rsub, gelu, softplus, round, nan_to_num, positive, where, clamp, clamp_min,
               clamp_max, lerp, isclose, allclose, equal):
        FUNCTIONS[fn.__name__] = fn
    for fn in (div_, gelu_, softplus_, round_, nan_to_num_, where_, clamp_, clamp_min_, clamp_max_,
               lerp_):
        METHODS[fn.__name__] = fn
    for alias, name in ALIASES.items():
        FUNCTIONS[alias] = FUNCTIONS[name]
        METHODS[alias + "_"] = METHODS[name + "_"]


_build()
globals().update(FUNCTIONS)
