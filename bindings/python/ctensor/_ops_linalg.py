"""Matrix products and einsum (linalg.h) and result_type (promotion.h) as
torch-like functions and methods."""

from ctypes import c_int32, c_void_p

from ._convert import is_scalar
from ._dtype import from_code
from ._errors import check
from ._lib import lib
from ._ops_common import (handle, inplace, into, new, opt_scalar, tensor_or_wrapped, tensors_arg,
                          type_error)
from ._tensor import Tensor

FUNCTIONS = {}  # name -> function, installed as a Tensor method too
FUNCTIONS_ONLY = {}  # name -> function that is not a method
METHODS = {}  # method-only name -> function


def _function(fn):
    FUNCTIONS[fn.__name__] = fn
    return fn


def _function_only(fn):
    FUNCTIONS_ONLY[fn.__name__] = fn
    return fn


def _method(fn):
    METHODS[fn.__name__] = fn
    return fn


# ---- products -------------------------------------------------------------------------------

def _product(name, argname, doc):
    f, fo = getattr(lib, "ct_" + name), getattr(lib, "ct_%s_out" % name)

    def fn(input, other, *, out=None):
        a, b = handle(input, name), handle(other, name, argname)
        if out is None:
            return new(f, a, b)
        return into(fo, out, name, a, b)

    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = "%s(input, %s, *, out=None) -> Tensor\n\n%s" % (name, argname, doc)
    FUNCTIONS[name] = fn
    return fn


matmul = _product("matmul", "other", "The matrix product of input and other with torch.matmul's "
                  "rules: 1-d operands as vectors, batch dims broadcasting; both of one dtype.")
mm = _product("mm", "mat2", "The product of the matrices input (m, k) and mat2 (k, n), as "
              "torch.mm.")
bmm = _product("bmm", "mat2", "The batched product of input (b, m, k) and mat2 (b, k, n), as "
               "torch.bmm.")
mv = _product("mv", "vec", "The product of the matrix input (m, k) and the vector vec (k), as "
              "torch.mv.")
dot = _product("dot", "other", "The dot product of two 1-d tensors of one size (no conjugation), "
               "as torch.dot: a 0-d tensor.")
outer = _product("outer", "vec2", "The outer product of two 1-d tensors, as torch.outer: out[i][j] "
                 "= input[i] * vec2[j].")
FUNCTIONS["ger"] = outer


def _add_product(name, doc):
    f, fo, f_ = (getattr(lib, "ct_" + name), getattr(lib, "ct_%s_out" % name),
                 getattr(lib, "ct_%s_" % name))
    argnames = ("mat1", "mat2") if name == "addmm" else ("batch1", "batch2")

    def fn(input, a, b, *, beta=1, alpha=1, out=None):
        h = handle(input, name)
        args = (handle(a, name, argnames[0]), handle(b, name, argnames[1]),
                *opt_scalar(beta, name, "beta"), *opt_scalar(alpha, name, "alpha"))
        if out is None:
            return new(f, h, *args)
        return into(fo, out, name, h, *args)

    def fn_(self, a, b, *, beta=1, alpha=1):
        fname = name + "_"
        return inplace(f_, self, handle(a, fname, argnames[0]), handle(b, fname, argnames[1]),
                       *opt_scalar(beta, fname, "beta"), *opt_scalar(alpha, fname, "alpha"))

    sig = "%s(input, %s, %s, *, beta=1, alpha=1, out=None) -> Tensor" % ((name,) + argnames)
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = "%s\n\n%s" % (sig, doc)
    fn_.__name__ = fn_.__qualname__ = name + "_"
    fn_.__doc__ = ("Tensor.%s_(%s, %s, *, beta=1, alpha=1) -> Tensor\n\n%s() in place; returns "
                   "self." % ((name,) + argnames + (name,)))
    FUNCTIONS[name] = fn
    METHODS[name + "_"] = fn_
    return fn


addmm = _add_product("addmm", "beta * input + alpha * (mat1 @ mat2), as torch.addmm; input "
                     "broadcasts to (m, n).")
baddbmm = _add_product("baddbmm", "beta * input + alpha * bmm(batch1, batch2), as torch.baddbmm.")


@_function_only
def einsum(equation, *operands):
    """einsum(equation, *operands) -> Tensor

    The Einstein summation of the operands described by equation, as
    torch.einsum ("ij,jk->ik", "...ij->...ji", "ii", implicit outputs). The
    operands may also be given as one list. Three or more operands are
    contracted pairwise from the left (equations without "..." only).
    """
    if not isinstance(equation, str):
        raise type_error("einsum", "equation", equation, "str")
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    if len(operands) > 2:
        return _einsum_pairwise(equation, operands)
    arr, n = tensors_arg(list(operands), "einsum", "operands")
    return new(lib.ct_einsum, equation.encode("ascii", "replace"), arr, n)


def _einsum_pairwise(equation, operands):
    """einsum of three or more operands as a chain of two-operand einsums."""
    eq = equation.replace(" ", "")
    lhs, arrow, rhs = eq.partition("->")
    terms = lhs.split(",")
    if "." in eq:
        raise NotImplementedError("einsum: '...' with more than two operands is not supported")
    if len(terms) != len(operands):
        raise ValueError("einsum(): %d operands given but the equation names %d"
                         % (len(operands), len(terms)))
    if not arrow:  # the implicit output: the subscripts seen once, in sorted order
        rhs = "".join(sorted((c for c in set(lhs) if c.isalpha() and lhs.count(c) == 1),
                             key=lambda c: (c.islower(), c)))
    acc, acc_term = operands[0], terms[0]
    for i in range(1, len(terms)):
        rest = "".join(terms[i + 1:]) + rhs
        keep = []
        for c in acc_term + terms[i]:
            if c in rest and c not in keep:
                keep.append(c)
        out_term = "".join(keep) if i < len(terms) - 1 else rhs
        acc = einsum("%s,%s->%s" % (acc_term, terms[i], out_term), acc, operands[i])
        acc_term = out_term
    return acc


# ---- promotion ------------------------------------------------------------------------------

@_function_only
def result_type(tensor1, tensor2):
    """result_type(tensor1, tensor2) -> dtype

    The dtype an operation on the two operands (Tensors or Python numbers)
    gives, as torch.result_type.
    """
    if not isinstance(tensor1, Tensor) and not isinstance(tensor2, Tensor):
        if not (is_scalar(tensor1) and is_scalar(tensor2)):
            bad = tensor1 if not is_scalar(tensor1) else tensor2
            raise type_error("result_type", "tensor1", bad, "Tensor or Number")
    a = tensor_or_wrapped(tensor1, "result_type", "tensor1")
    b = tensor_or_wrapped(tensor2, "result_type", "tensor2")
    code = c_int32()
    st = lib.ct_result_type(code, 2, (c_void_p * 2)(a._h, b._h))
    if st:
        check(st)
    return from_code(code.value)

