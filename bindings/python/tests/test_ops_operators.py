"""Python operators on tensors: + - * / // % ** @ & | ^ << >>, their reflected
and in-place forms, comparisons, unary - + ~ and abs()."""

import operator

import pytest

import ctensor
from test_ops_common import assert_same, assert_values, make, raises, to_torch, values

np = pytest.importorskip("numpy")

# (operator, reflected-operand function, the op it calls)
BINARY = (
    (operator.add, "add"), (operator.sub, "sub"), (operator.mul, "mul"),
    (operator.truediv, "div"), (operator.floordiv, "floor_divide"), (operator.mod, "remainder"),
    (operator.pow, "pow"), (operator.and_, "bitwise_and"), (operator.or_, "bitwise_or"),
    (operator.xor, "bitwise_xor"), (operator.lshift, "bitwise_left_shift"),
    (operator.rshift, "bitwise_right_shift"),
)
INPLACE = {
    "add": operator.iadd, "sub": operator.isub, "mul": operator.imul, "div": operator.itruediv,
    "floor_divide": operator.ifloordiv, "remainder": operator.imod, "pow": operator.ipow,
    "bitwise_and": operator.iand, "bitwise_or": operator.ior, "bitwise_xor": operator.ixor,
    "bitwise_left_shift": operator.ilshift, "bitwise_right_shift": operator.irshift,
}
COMPARISONS = ((operator.eq, "eq"), (operator.ne, "ne"), (operator.lt, "lt"), (operator.le, "le"),
               (operator.gt, "gt"), (operator.ge, "ge"))
BITWISE = {"bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_left_shift", "bitwise_right_shift"}


def operands(name):
    """(a, b) of a dtype the op takes, with b a valid divisor, exponent or shift."""
    if name in BITWISE:
        return make(ctensor.int32, (2, 3), 1, 0, 20), make(ctensor.int32, (2, 3), 2, 0, 4)
    if name == "pow":
        return make(ctensor.float64, (2, 3), 1, 0, 3), make(ctensor.float64, (2, 3), 2, -2, 2)
    return make(ctensor.float64, (2, 3), 1), make(ctensor.float64, (2, 3), 2, nonzero=True)


@pytest.mark.parametrize("op,name", BINARY, ids=[b[1] for b in BINARY])
def test_binary_operator_is_the_function(op, name):
    fn = getattr(ctensor, name)
    a, b = operands(name)
    assert_same(op(a, b), fn(a, b))
    assert_same(op(a, 3), fn(a, 3))
    assert_same(op(3, a), fn(ctensor.tensor(3), a) if name in BITWISE else fn(3, a))
    if name not in BITWISE:
        assert_same(op(a, 2.5), fn(a, 2.5))
        assert_same(op(2.5, a), fn(2.5, a))
        assert_same(op(a, np.float64(2.5)), fn(a, 2.5))
        i = make(ctensor.int64, (2, 3), 3, 1, 5)
        assert_same(op(i, 2), fn(i, 2))
        assert_same(op(2, i), fn(2, i))
    with pytest.raises(TypeError):
        op(a, "x")
    if name != "remainder":  # "x" % a is string formatting
        with pytest.raises(TypeError):
            op("x", a)
    with pytest.raises(TypeError):
        op(a, None)


@pytest.mark.parametrize("op,name", BINARY, ids=[b[1] for b in BINARY])
def test_inplace_operator_returns_self(op, name):
    fn, iop = getattr(ctensor, name), INPLACE[name]
    a, b = operands(name)
    x = a.clone()
    y = x
    y = iop(y, b)
    assert y is x
    assert_same(x, fn(a, b))
    y = iop(y, 2)
    assert y is x
    assert_same(x, fn(fn(a, b), 2))
    # through a view: the base sees the change
    base = a.clone()
    row = base[0]
    row = iop(row, b[0])
    assert_same(base[0], fn(a[0], b[0]))
    assert_same(base[1], a[1])
    with pytest.raises(TypeError):
        iop(a.clone(), "x")


def test_inplace_operator_keeps_the_dtype_or_raises():
    i = ctensor.tensor([1, 2, 3])
    j = i
    j += 1
    assert j is i and i.tolist() == [2, 3, 4]
    e = raises(ctensor.DTypeError, "can't be cast", operator.iadd, i, 1.5)
    assert isinstance(e, RuntimeError)
    raises(ctensor.DTypeError, "div", operator.itruediv, i, 2)
    f = ctensor.tensor([1.0, 2.0])
    f += ctensor.tensor([1, 1])
    assert f.dtype is ctensor.float32 and f.tolist() == [2.0, 3.0]
    raises(ctensor.ShapeError, "add", operator.iadd, ctensor.zeros(3), ctensor.zeros(2, 3))


@pytest.mark.parametrize("op,name", COMPARISONS, ids=[c[1] for c in COMPARISONS])
def test_comparisons_return_bool_tensors(op, name):
    fn = getattr(ctensor, name)
    a = ctensor.tensor([[1, 2, 3], [4, 5, 6]])
    b = ctensor.tensor([3.0, 2.0, 1.0])
    r = op(a, b)
    assert isinstance(r, ctensor.Tensor) and r.dtype is ctensor.bool
    assert_same(r, fn(a, b))
    assert_values(r, op(values(a), values(b)))
    assert_values(op(a, 2), op(values(a), 2))
    assert_values(op(2, a), op(2, values(a)))  # Python swaps: 2 < a is a > 2
    assert_values(op(a, np.int64(4)), op(values(a), 4))
    x = a.clone()
    assert INPLACE.get(name) is None and getattr(x, name + "_")(b) is x


def test_equality_with_non_tensors_and_hashing():
    a = ctensor.tensor([1, 2])
    assert (a == None) is False  # noqa: E711 (torch's behaviour)
    assert (a != None) is True  # noqa: E711
    assert (a == "x") is False
    with pytest.raises(TypeError):
        a < "x"  # noqa: B015
    assert len({a, a, ctensor.tensor([1, 2])}) == 2
    assert {a: 1}[a] == 1


def test_unary_operators():
    x = ctensor.tensor([[-1.5, 2.0], [0.0, -3.0]])
    assert_same(-x, ctensor.neg(x))
    assert_same(abs(x), ctensor.abs(x))
    assert +x is x
    i = ctensor.tensor([0, 5, -6], dtype=ctensor.int8)
    assert_same(~i, ctensor.bitwise_not(i))
    assert (~ctensor.tensor([True, False])).tolist() == [False, True]
    raises(ctensor.DTypeError, "bool", operator.pos, ctensor.tensor([True]))
    raises(ctensor.DTypeError, "neg", operator.neg, ctensor.tensor([True]))
    with pytest.raises(TypeError, match=r"only implemented on integer and Boolean"):
        ~x  # torch raises TypeError for ~ on a floating tensor
    with pytest.raises(TypeError, match=r"only implemented on integer and Boolean"):
        ~ctensor.tensor(1j)
    raises(ctensor.DTypeError, "bitwise_not", ctensor.bitwise_not, x)  # the function: C's error
    assert_same(-x.t(), ctensor.neg(x).t())


def test_matmul_operator():
    a = make(ctensor.float64, (2, 3), 1)
    b = make(ctensor.float64, (3, 4), 2)
    assert_same(a @ b, ctensor.matmul(a, b))
    assert_values(a @ b, values(a) @ values(b))
    v = make(ctensor.float64, (3,), 3)
    assert_values(a @ v, values(a) @ values(v))
    assert_values(v @ b, values(v) @ values(b))
    raises(ctensor.ShapeError, "matmul", operator.matmul, a, a)
    with pytest.raises(TypeError):
        a @ 2  # noqa: B018
    with pytest.raises(TypeError):
        [1.0] @ a  # noqa: B018


def test_pow_with_modulo_is_a_type_error():
    with pytest.raises(TypeError):
        pow(ctensor.tensor([2]), 2, 5)


def test_operators_on_non_contiguous_and_broadcast_operands():
    base = make(ctensor.float32, (4, 6), 5)
    a = base[:, ::2].t()  # (3, 4), strided
    b = make(ctensor.float32, (4,), 6)
    assert_values(a * b + 1, values(a) * values(b) + 1)
    assert_values(2 - a / b, 2 - values(a) / values(b))
    assert_values(a[:, :1] > b, values(a)[:, :1] > values(b))


def test_reflected_operators_promote_like_torch():
    i8 = ctensor.tensor([1, 2, 3], dtype=ctensor.int8)
    assert (1000 + i8).dtype is ctensor.int8
    assert (2.5 * i8).dtype is ctensor.float32
    assert (2 ** i8).dtype is ctensor.int8
    assert (2.0 ** i8).dtype is ctensor.float32
    assert (1 - ctensor.tensor([1.0], dtype=ctensor.float16)).dtype is ctensor.float16
    assert (True & ctensor.tensor([True, False])).tolist() == [True, False]
    assert (1j * ctensor.tensor([1.0], dtype=ctensor.float64)).dtype is ctensor.complex128


def test_operators_match_torch(torch):
    exprs = ("a + b", "a - b", "a * b", "a / b", "a // b", "a % b", "a ** 2", "2 ** b", "1 - a",
             "3 / a", "7 // b", "a == b", "a < 2.5", "-a", "abs(a)", "a + True", "a * 1.5",
             "2.5 - b", "a // 2.5")
    for da, db in (("int32", "int64"), ("int16", "float32"), ("float64", "float32"),
                   ("uint8", "int8"), ("float16", "int32"), ("bool", "int16")):
        a = make(getattr(ctensor, da), (2, 3), 1, 1, 4)
        b = make(getattr(ctensor, db), (2, 3), 2, 1, 4)
        ta, tb = to_torch(torch, a), to_torch(torch, b)
        for expr in exprs:
            try:
                want = eval(expr, {"a": ta, "b": tb})
            except RuntimeError:
                with pytest.raises(RuntimeError):
                    eval(expr, {"a": a, "b": b})
                continue
            got = eval(expr, {"a": a, "b": b})
            assert got.dtype.name == str(want.dtype).split(".")[-1], (expr, da, db)
            np.testing.assert_allclose(values(got), np.array(want.tolist()), rtol=1e-3,
                                       err_msg="%s %s %s" % (expr, da, db))
