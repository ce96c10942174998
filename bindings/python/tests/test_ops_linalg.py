"""Matrix products and einsum (linalg.h) against NumPy, and PyTorch where installed."""

import pytest

import ctensor
from test_ops_common import assert_same, assert_values, make, raises, to_torch, values

np = pytest.importorskip("numpy")

F = ctensor.float64
PRODUCT_DTYPES = (ctensor.uint8, ctensor.int32, ctensor.int64, ctensor.float16, ctensor.bfloat16,
                  ctensor.float32, ctensor.float64, ctensor.complex64, ctensor.complex128)


@pytest.mark.parametrize("sa,sb", [((3,), (3,)), ((2, 3), (3, 4)), ((3,), (3, 4)), ((2, 3), (3,)),
                                   ((5, 2, 3), (3, 4)), ((2, 1, 2, 3), (5, 3, 4)),
                                   ((3,), (2, 3, 4)), ((2, 2, 3), (3,)), ((0, 3), (3, 2)),
                                   ((2, 0), (0, 3))])
def test_matmul_shapes(sa, sb):
    a, b = make(F, sa, 1), make(F, sb, 2)
    expected = np.matmul(values(a), values(b))
    assert_values(ctensor.matmul(a, b), expected, F)
    assert_values(a.matmul(b), expected)
    assert_values(a @ b, expected)


def test_matmul_dtypes_and_layouts():
    for d in PRODUCT_DTYPES:
        a, b = make(d, (3, 4), 1, 0, 3), make(d, (4, 2), 2, 0, 3)
        av, bv = values(a), values(b)
        assert_values(ctensor.matmul(a, b), av @ bv, d)
        at, bt = make(d, (4, 3), 3, 0, 3).t(), make(d, (2, 4), 4, 0, 3).t()
        assert_values(ctensor.mm(at, bt), values(at) @ values(bt), d)
    b8 = make(ctensor.bool, (2, 2))
    raises(ctensor.DTypeError, "matmul", ctensor.matmul, b8, b8)
    raises(ctensor.DTypeError, "one dtype", ctensor.matmul, make(F, (2, 2)),
           make(ctensor.float32, (2, 2)))


def test_matmul_out_and_errors():
    a, b = make(F, (2, 3), 1), make(F, (3, 4), 2)
    out = ctensor.empty(2, 4, dtype=F)
    assert ctensor.matmul(a, b, out=out) is out
    assert_values(out, values(a) @ values(b))
    e = raises(ctensor.ShapeError, "matmul", ctensor.matmul, a, a)
    assert "[2, 3]" in str(e)
    raises(ctensor.ShapeError, "matmul", ctensor.matmul, ctensor.tensor(2.0, dtype=F), a)
    raises(ctensor.ShapeError, "matmul", ctensor.matmul, a, b, out=ctensor.empty(4, 2, dtype=F))
    raises(TypeError, "matmul", ctensor.matmul, a, values(b).tolist())


def test_mm_bmm_mv_dot_outer():
    a, b = make(F, (2, 3), 1), make(F, (3, 4), 2)
    av, bv = values(a), values(b)
    assert_values(ctensor.mm(a, b), av @ bv)
    assert_values(a.mm(b), av @ bv)
    p, q = make(F, (5, 2, 3), 3), make(F, (5, 3, 4), 4)
    assert_values(ctensor.bmm(p, q), values(p) @ values(q))
    assert_values(p.bmm(q), values(p) @ values(q))
    v = make(F, (3,), 5)
    assert_values(ctensor.mv(a, v), av @ values(v))
    assert_values(a.mv(v), av @ values(v))
    w = make(F, (3,), 6)
    assert_values(ctensor.dot(v, w), np.dot(values(v), values(w)))
    assert ctensor.dot(v, w).shape == ()
    z = make(ctensor.complex128, (3,), 7)
    assert_values(z.dot(z), np.dot(values(z), values(z)))  # no conjugation
    i = make(ctensor.int32, (4,), 8)
    assert_values(ctensor.outer(v, i), np.outer(values(v), values(i)), F)
    assert_values(ctensor.ger(i, i), np.outer(values(i), values(i)), ctensor.int32)
    b8 = ctensor.tensor([True, False])
    assert_values(ctensor.outer(b8, b8), np.outer([True, False], [True, False]), ctensor.bool)
    for fn, args, shape in ((ctensor.mm, (a, b), (2, 4)), (ctensor.bmm, (p, q), (5, 2, 4)),
                            (ctensor.mv, (a, v), (2,)), (ctensor.dot, (v, w), ()),
                            (ctensor.outer, (v, w), (3, 3))):
        out = ctensor.empty(shape, dtype=F)
        assert fn(*args, out=out) is out
        assert_same(out, fn(*args))
    raises(ctensor.ShapeError, "mm", ctensor.mm, a, v)
    raises(ctensor.ShapeError, "bmm", ctensor.bmm, p, make(F, (4, 3, 4)))
    raises(ctensor.ShapeError, "mv", ctensor.mv, a, make(F, (2,)))
    raises(ctensor.ShapeError, "dot", ctensor.dot, v, make(F, (4,)))
    raises(ctensor.ShapeError, "outer", ctensor.outer, a, v)


@pytest.mark.parametrize("name", ["addmm", "baddbmm"])
def test_addmm_baddbmm(name):
    fn = getattr(ctensor, name)
    if name == "addmm":
        a, b, c = make(F, (2, 3), 1), make(F, (3, 4), 2), make(F, (2, 4), 3)
        bias = make(F, (4,), 4)
    else:
        a, b, c = make(F, (5, 2, 3), 1), make(F, (5, 3, 4), 2), make(F, (5, 2, 4), 3)
        bias = make(F, (2, 1), 4)
    prod = values(a) @ values(b)
    assert_values(fn(c, a, b), values(c) + prod)
    assert_values(fn(c, a, b, beta=0.5, alpha=2), 0.5 * values(c) + 2 * prod)
    assert_values(fn(bias, a, b), values(bias) + prod)  # input broadcasts
    assert_values(getattr(c, name)(a, b, alpha=-1), values(c) - prod)
    nan = ctensor.full(tuple(c.shape), float("nan"), dtype=F)
    assert_values(fn(nan, a, b, beta=0), prod)  # beta 0 ignores input
    out = ctensor.empty(c.shape, dtype=F)
    assert fn(c, a, b, out=out) is out
    assert_values(out, values(c) + prod)
    y = c.clone()
    assert getattr(y, name + "_")(a, b, beta=2) is y
    assert_values(y, 2 * values(c) + prod)
    i = make(ctensor.int32, tuple(c.shape), 5)
    ia, ib = make(ctensor.int32, tuple(a.shape), 6), make(ctensor.int32, tuple(b.shape), 7)
    assert_values(fn(i, ia, ib, beta=2, alpha=3), 2 * values(i) + 3 * (values(ia) @ values(ib)))
    raises(ValueError, name, fn, i, ia, ib, alpha=float("nan"))
    raises(ctensor.ShapeError, name, fn, c, b, a)
    raises(ctensor.DTypeError, name, fn, i, a, b)
    raises(TypeError, name, fn, c, a, b, alpha="x")


@pytest.mark.parametrize("eq,shapes", [
    ("ij,jk->ik", ((2, 3), (3, 4))), ("ij,jk", ((2, 3), (3, 4))), ("ii", ((3, 3),)),
    ("ii->i", ((3, 3),)), ("ij->ji", ((2, 3),)), ("ij->", ((2, 3),)), ("i,j->ij", ((2,), (3,))),
    ("bij,bjk->bik", ((4, 2, 3), (4, 3, 5))), ("...ij,...jk->...ik", ((4, 2, 3), (3, 5))),
    ("...ij->...ji", ((2, 4, 3),)), ("i,i->", ((3,), (3,))), ("ij, jk -> ki", ((2, 3), (3, 4))),
    ("ij,jk,kl->il", ((2, 3), (3, 4), (4, 5))), ("ab,bc,cd,de", ((2, 3), (3, 2), (2, 4), (4, 2))),
    ("ij,ij,ij->i", ((2, 3), (2, 3), (2, 3))),
])
def test_einsum(eq, shapes):
    ops = [make(F, s, i + 1) for i, s in enumerate(shapes)]
    expected = np.einsum(eq.replace(" ", ""), *[values(o) for o in ops])
    assert_values(ctensor.einsum(eq, *ops), expected, F)
    assert_values(ctensor.einsum(eq, ops), expected)


def test_einsum_views_dtypes_and_errors():
    x = make(F, (3, 3), 1)
    d = ctensor.einsum("ii->i", x)
    d.mul_(0)  # one operand without summation is a view
    assert values(x).trace() == 0
    i = make(ctensor.int32, (2, 3), 2)
    assert ctensor.einsum("ij->i", i).dtype is ctensor.int64
    raises(ValueError, "einsum", ctensor.einsum, "ij,jk->ik", x)
    raises(ValueError, "einsum", ctensor.einsum, "i$->i", x)
    raises(ctensor.ShapeError, "einsum", ctensor.einsum, "ij,jk->ik", x, make(F, (2, 2)))
    raises(ctensor.DTypeError, "einsum", ctensor.einsum, "ij,jk->ik", x,
           make(ctensor.float32, (3, 3)))
    raises(NotImplementedError, "...", ctensor.einsum, "...i,i,i->...", x, x[0], x[0])
    raises(TypeError, "einsum", ctensor.einsum, 3, x)


def test_products_match_torch(torch):
    a, b = make(ctensor.float32, (2, 3, 4), 1), make(ctensor.float32, (4, 5), 2)
    v = make(ctensor.float32, (4,), 3)
    env = {"a": a, "b": b, "v": v, "m": ctensor}
    tenv = {"a": to_torch(torch, a), "b": to_torch(torch, b), "v": to_torch(torch, v), "m": torch}
    for expr in ("a @ b", "m.matmul(v, b)", "m.matmul(a, v)", "m.mm(a[0], b)", "m.mv(b.t(), v)",
                 "m.dot(v, v)", "m.outer(v, v)", "m.addmm(v, a[0].t(), a[1], beta=2)",
                 "m.einsum('bij,jk->bk', a, b)", "m.einsum('ii', b[:, :4])"):
        got, want = eval(expr, env), eval(expr, tenv)
        assert tuple(got.shape) == tuple(want.shape), expr
        np.testing.assert_allclose(values(got), np.array(want.tolist()), rtol=1e-5, atol=1e-5,
                                   err_msg=expr)
