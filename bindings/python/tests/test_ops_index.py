"""The index functions of index.h (index_select, gather, scatter, scatter_add,
masked_fill, masked_select, nonzero, take, index_put) against NumPy, and
PyTorch where installed. Python's t[...] is tested with the Tensor class."""

import pytest

import ctensor
from test_ops_common import DTYPES, assert_same, assert_values, make, raises, to_torch, values

np = pytest.importorskip("numpy")

F = ctensor.float64


def idx(v, dtype=ctensor.int64):
    return ctensor.tensor(v, dtype=dtype)


def test_index_select():
    x = make(F, (3, 4), 1)
    xv = values(x)
    for d in (ctensor.int64, ctensor.int32):
        i = idx([2, 0, 2], d)
        assert_values(ctensor.index_select(x, 0, i), xv[[2, 0, 2]], F)
        assert_values(x.index_select(1, i), xv[:, [2, 0, 2]])
        assert_values(x.index_select(-1, idx(1)), xv[:, [1]])
    assert_values(x.t().index_select(0, idx([3, 1])), xv.T[[3, 1]])
    out = ctensor.empty(2, 4, dtype=F)
    assert ctensor.index_select(x, 0, idx([1, 1]), out=out) is out
    assert_values(out, xv[[1, 1]])
    e = raises(IndexError, "index_select", ctensor.index_select, x, 0, idx([3]))
    assert "3" in str(e)
    raises(ctensor.DTypeError, "index_select", ctensor.index_select, x, 0, idx([1.0], F))
    raises(ctensor.ShapeError, "index_select", ctensor.index_select, x, 0, idx([[1]]))
    raises(IndexError, "index_select", ctensor.index_select, x, 2, idx([0]))
    raises(TypeError, "index_select", ctensor.index_select, x, 0, [0])


def test_gather():
    x = make(F, (3, 4), 1)
    xv = values(x)
    i = idx([[0, 2], [3, 3], [1, 0]])
    assert_values(ctensor.gather(x, 1, i), np.take_along_axis(xv, values(i), 1), F)
    j = idx([[2, 0, 1, 1]])
    assert_values(x.gather(0, j), np.take_along_axis(xv, values(j), 0))
    out = ctensor.empty(3, 2, dtype=F)
    assert ctensor.gather(x, 1, i, out=out) is out
    assert_values(out, np.take_along_axis(xv, values(i), 1))
    raises(IndexError, "gather", ctensor.gather, x, 1, idx([[4]]))
    raises(ctensor.DTypeError, "gather", ctensor.gather, x, 1, idx([[0]], ctensor.int32))


def test_scatter_and_scatter_add():
    x = ctensor.zeros(3, 4, dtype=F)
    i = idx([[0, 2], [3, 3], [1, 0]])
    src = make(F, (3, 2), 2)
    expected = np.zeros((3, 4))
    iv, sv = values(i), values(src)
    for r in range(3):
        for c in range(2):
            expected[r, iv[r, c]] = sv[r, c]
    assert_values(ctensor.scatter(x, 1, i, src), expected)
    assert_values(x.scatter(1, i, 7.5), np.where(expected != 0, 7.5, 0))
    assert_values(ctensor.scatter(x, 1, i, value=2), np.where(expected != 0, 2, 0))
    acc = np.zeros((3, 4))
    for r in range(3):
        for c in range(2):
            acc[r, iv[r, c]] += sv[r, c]
    assert_values(ctensor.scatter_add(x, 1, i, src), acc)
    assert_values(ctensor.scatter(x, 1, i, src, reduce="add"), acc)
    prod = np.ones((3, 4))
    for r in range(3):
        for c in range(2):
            prod[r, iv[r, c]] *= 2.0
    assert_values(ctensor.ones(3, 4, dtype=F).scatter(1, i, 2.0, reduce="multiply"), prod)
    y = x.clone()
    assert y.scatter_(1, i, src) is y
    assert_values(y, expected)
    y = x.clone()
    assert y.scatter_add_(1, i, src) is y
    assert_values(y, acc)
    y = x.clone()
    assert y.scatter_(1, i, 1.0, reduce="add") is y
    assert_values(y, np.array([[1, 0, 1, 0], [0, 0, 0, 2], [1, 1, 0, 0]]))
    raises(ValueError, "reduce", ctensor.scatter, x, 1, i, src, reduce="max")
    raises(IndexError, "scatter", ctensor.scatter, x, 1, idx([[4]]), src)
    raises(ctensor.DTypeError, "scatter", ctensor.scatter, x, 1, i, make(ctensor.float32, (3, 2)))
    raises(TypeError, "scatter", ctensor.scatter, x, 1, i)
    raises(ValueError, "scatter", ctensor.scatter, ctensor.zeros(2, dtype=ctensor.int8), 0,
           idx([0]), 1000)


def test_masked_fill_and_masked_select():
    x = make(F, (3, 4), 1)
    xv = values(x)
    m = ctensor.tensor([[True, False, True, False]])
    mv = np.broadcast_to(values(m), (3, 4))
    assert_values(ctensor.masked_fill(x, m, -1), np.where(mv, -1, xv), F)
    assert_values(x.masked_fill(m, ctensor.tensor(2.5)), np.where(mv, 2.5, xv))
    y = x.clone()
    assert y.masked_fill_(m, 0) is y
    assert_values(y, np.where(mv, 0, xv))
    y = x.clone()
    assert y.masked_fill_(m, ctensor.tensor(3)) is y
    assert_values(y, np.where(mv, 3, xv))
    i = make(ctensor.int32, (2, 2), 2)
    raises(ValueError, "masked_fill", ctensor.masked_fill, ctensor.zeros(2, dtype=ctensor.int8),
           ctensor.tensor([True, False]), 1000)
    assert_values(ctensor.masked_fill(i, ctensor.tensor(True), 9), np.full((2, 2), 9),
                  ctensor.int32)
    raises(ctensor.DTypeError, "mask", ctensor.masked_fill, x, idx([1, 0, 1, 0]), 1)
    raises(ctensor.ShapeError, "masked_fill", x.masked_fill, ctensor.tensor([True, False]), 1)
    raises(ctensor.ShapeError, "masked_fill", x.masked_fill, m, ctensor.tensor([1.0]))
    assert_values(ctensor.masked_select(x, m), xv[mv], F)
    assert_values(x.t().masked_select(m.t()), xv.T[mv.T])
    out = ctensor.empty(int(mv.sum()), dtype=F)
    assert ctensor.masked_select(x, m, out=out) is out
    assert_values(out, xv[mv])
    raises(ctensor.ShapeError, "masked_select", ctensor.masked_select, x, m,
           out=ctensor.empty(1, dtype=F))


def test_nonzero_argwhere_take():
    x = ctensor.tensor([[0.0, 1.5, 0.0], [float("nan"), 0.0, -0.0]])
    xv = values(x)
    nz = ctensor.nonzero(x)
    assert_values(nz, np.argwhere(xv), ctensor.int64)
    assert_same(x.nonzero(), nz)
    assert_same(ctensor.argwhere(x), nz)
    cols = ctensor.nonzero(x, as_tuple=True)
    assert isinstance(cols, tuple) and len(cols) == 2
    for c, e in zip(cols, np.nonzero(xv)):
        assert_values(c, e, ctensor.int64)
    assert [c.tolist() for c in ctensor.nonzero(ctensor.tensor(5), as_tuple=True)] == [[0]]
    assert [c.tolist() for c in ctensor.nonzero(ctensor.tensor(0), as_tuple=True)] == [[]]
    assert ctensor.nonzero(ctensor.zeros(0, 3)).shape == (0, 2)
    out = ctensor.empty(2, 2, dtype=ctensor.int64)
    assert ctensor.nonzero(x, out=out) is out
    for d in DTYPES:
        t = make(d, (3, 4), 3, -1, 1)
        assert_values(ctensor.nonzero(t), np.argwhere(values(t)), ctensor.int64)
    y = make(F, (3, 4), 4)
    i = idx([[0, -1], [5, 11]])
    assert_values(ctensor.take(y, i), np.take(values(y), values(i)), F)
    assert_values(y.t().take(idx([1, 2])), np.take(values(y).T, [1, 2]))
    out = ctensor.empty(2, 2, dtype=F)
    assert ctensor.take(y, i, out=out) is out
    raises(IndexError, "take", ctensor.take, y, idx([12]))
    raises(ctensor.DTypeError, "take", ctensor.take, y, idx([1], ctensor.int32))


def test_index_put():
    x = ctensor.zeros(3, 4, dtype=F)
    rows, cols = idx([0, 2, 0]), idx([1, 3, 1])
    v = ctensor.tensor([1.0, 2.0, 3.0], dtype=F)
    expected = np.zeros((3, 4))
    expected[[0, 2, 0], [1, 3, 1]] = [1.0, 2.0, 3.0]
    assert_values(ctensor.index_put(x, (rows, cols), v), expected)
    assert values(x).sum() == 0
    acc = np.zeros((3, 4))
    np.add.at(acc, ([0, 2, 0], [1, 3, 1]), [1.0, 2.0, 3.0])
    y = x.clone()
    assert y.index_put_((rows, cols), v, accumulate=True) is y
    assert_values(y, acc)
    expected = np.zeros((3, 4))
    expected[[0, 2, 0]] = 5.0
    assert_values(x.index_put([rows], 5.0), expected)
    raises(IndexError, "out of bounds", ctensor.index_put, x, (idx([3]),), v[:1])
    raises(TypeError, "index_put", ctensor.index_put, x, rows, v)


def test_index_functions_match_torch(torch):
    x = make(ctensor.float32, (3, 4), 1)
    i = idx([[0, 2], [3, 3], [1, 0]])
    m = ctensor.tensor([[True, False, True, False]])
    src = make(ctensor.float32, (3, 2), 2)
    env = {"x": x, "i": i, "m": m, "src": src, "mod": ctensor}
    tenv = {k: to_torch(torch, v) for k, v in env.items() if k != "mod"}
    tenv["mod"] = torch
    for expr in ("x.index_select(1, i[0])", "x.gather(1, i)", "x.scatter(1, i, src)",
                 "x.scatter(1, i, 2.0)", "x.scatter_add(1, i, src)", "x.masked_fill(m, -1.0)",
                 "x.masked_select(m)", "x.nonzero()", "mod.take(x, i)",
                 "x.scatter(1, i, src, reduce='add')", "x.index_put((i[0], i[1]), src[0], True)"):
        got, want = eval(expr, env), eval(expr, tenv)
        assert got.dtype.name == str(want.dtype).split(".")[-1], expr
        assert tuple(got.shape) == tuple(want.shape), expr
        np.testing.assert_allclose(values(got), np.array(want.tolist()), rtol=1e-6, err_msg=expr)
