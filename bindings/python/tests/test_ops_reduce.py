"""Reductions, scans, softmax, sorting and unique (reduce.h) against NumPy, and
their dtypes and values against PyTorch where it is installed."""

import math

import pytest

import ctensor
from test_ops_common import (DTYPES, FLOATS, INTS, assert_same, assert_values, make, raises,
                             to_torch, torch_dtype_name, values)

np = pytest.importorskip("numpy")

F = ctensor.float64
DIMS = (None, 0, -1, (0, 2), [1, 2], (), (0, 1, 2))


def np_axis(dim):
    if dim is None or dim == ():
        return None
    return tuple(dim) if isinstance(dim, (list, tuple)) else dim


def x3(dtype=F, seed=1, **kw):
    return make(dtype, (2, 3, 4), seed, **kw)


# ---- sums, products, means ------------------------------------------------------------------

@pytest.mark.parametrize("name,ref", [("sum", np.sum), ("prod", np.prod), ("mean", np.mean)])
def test_sum_prod_mean(name, ref):
    fn = getattr(ctensor, name)
    x = x3(low=-2, high=2)
    xv = values(x)
    for dim in DIMS:
        for keepdim in (False, True):
            expected = ref(xv, axis=np_axis(dim), keepdims=keepdim)
            assert_values(fn(x, dim, keepdim), expected, F)
            assert_values(getattr(x, name)(dim=dim, keepdim=keepdim), expected)
    # non-contiguous input, dtype=, out=
    t = x.transpose(0, 2)
    assert_values(fn(t, 1), ref(values(t), axis=1))
    r = fn(x, 1, dtype=ctensor.float32)
    assert_values(r, ref(xv, axis=1), ctensor.float32)
    out = ctensor.empty(2, 4, dtype=F)
    assert fn(x, 1, out=out) is out
    assert_values(out, ref(xv, axis=1))
    raises(ctensor.ShapeError, name, fn, x, 1, out=ctensor.empty(2, 3, dtype=F))
    raises(IndexError, name, fn, x, 3)
    raises(ValueError, name, fn, x, (0, 0))
    raises(TypeError, name, fn, x, 1.5)


def test_sum_prod_mean_dtypes():
    for d in DTYPES:
        x = make(d, (3, 4), 2, -2, 2)
        xv = values(x)
        wide = ctensor.int64 if d is ctensor.bool or d in INTS else d
        xd = xv.astype(np.complex128 if d.is_complex else np.float64)
        assert_values(ctensor.sum(x), xd.sum(), wide)
        assert_values(ctensor.prod(x, 1), np.prod(xd, 1), wide)
        if d.is_floating_point or d.is_complex:
            assert_values(ctensor.mean(x, 0), values(x).mean(0), d)
        else:
            raises(ctensor.DTypeError, "mean", ctensor.mean, x)
            assert_values(ctensor.mean(x, dtype=F), xv.mean(), F)
    b = ctensor.tensor([True, True, False])
    assert ctensor.sum(b).tolist() == 2 and ctensor.sum(b).dtype is ctensor.int64
    assert ctensor.sum(ctensor.zeros(0, 3), 0).tolist() == [0.0, 0.0, 0.0]
    assert ctensor.prod(ctensor.zeros(0)).tolist() == 1.0
    assert math.isnan(ctensor.mean(ctensor.zeros(0)).tolist())


def test_logsumexp():
    x = x3()
    xv = values(x)
    for dim in (0, (1, 2), -1):
        expected = np.log(np.exp(xv).sum(axis=np_axis(dim)))
        assert_values(ctensor.logsumexp(x, dim), expected, F)
    assert_values(x.logsumexp(1, keepdim=True), np.log(np.exp(xv).sum(1, keepdims=True)))
    big = ctensor.tensor([1000.0, 1000.0])
    assert ctensor.logsumexp(big, 0).tolist() == pytest.approx(1000 + math.log(2))
    assert ctensor.logsumexp(ctensor.tensor([1, 2]), 0).dtype is ctensor.float32
    out = ctensor.empty(2, 4, dtype=F)
    assert ctensor.logsumexp(x, 1, out=out) is out
    raises(ctensor.DTypeError, "logsumexp", ctensor.logsumexp, make(ctensor.complex64), 0)


# ---- extrema --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["max", "min"])
def test_max_min_overloads(name):
    fn = getattr(ctensor, name)
    npv, npi = (np.max, np.argmax) if name == "max" else (np.min, np.argmin)
    x = x3(ctensor.int32, low=-5, high=5)
    xv = values(x)
    r = fn(x)
    assert r.shape == () and r.tolist() == npv(xv)
    for dim in (0, 2, -2):
        for keepdim in (False, True):
            res = fn(x, dim, keepdim)
            assert isinstance(res, tuple) and len(res) == 2
            assert_values(res.values, npv(xv, dim, keepdims=keepdim), ctensor.int32)
            assert_values(res.indices, npi(xv, dim) if not keepdim
                          else np.expand_dims(npi(xv, dim), dim), ctensor.int64)
            values_, indices = res
            assert values_ is res[0] and indices is res[1]
    res = getattr(x, name)(dim=1)
    assert_values(res.values, npv(xv, 1))
    assert "values=" in repr(res) and "indices=" in repr(res)
    y = x3(ctensor.int32, seed=2)
    assert_same(fn(x, y), getattr(ctensor, "maximum" if name == "max" else "minimum")(x, y))
    out = (ctensor.empty(2, 4, dtype=ctensor.int32), ctensor.empty(2, 4, dtype=ctensor.int64))
    res = fn(x, 1, out=out)
    assert res.values is out[0] and res.indices is out[1]
    assert_values(out[0], npv(xv, 1))
    o = ctensor.empty((), dtype=ctensor.int32)
    assert fn(x, out=o) is o and o.tolist() == npv(xv)
    nan = float("nan")
    assert math.isnan(fn(ctensor.tensor([1.0, nan, 2.0])).tolist())
    assert fn(ctensor.tensor([[1.0, nan, 2.0]]), 1).indices.tolist() == [1]
    raises(ctensor.ShapeError, name, fn, ctensor.zeros(0))
    raises(ctensor.ShapeError, name, fn, ctensor.zeros(2, 0), 1)
    raises(IndexError, name, fn, x, 3)
    raises(ctensor.DTypeError, name, fn, make(ctensor.complex64))


def test_amax_amin_aminmax_argmax_argmin():
    x = x3()
    xv = values(x)
    for dim in (None, 1, (0, 2), -1):
        for keepdim in (False, True):
            assert_values(ctensor.amax(x, dim, keepdim),
                          np.amax(xv, np_axis(dim), keepdims=keepdim))
            assert_values(x.amin(dim, keepdim), np.amin(xv, np_axis(dim), keepdims=keepdim))
    mm = ctensor.aminmax(x, dim=1)
    assert_values(mm.min, xv.min(1))
    assert_values(mm.max, xv.max(1))
    assert ctensor.argmax(x).tolist() == int(np.argmax(xv))
    assert ctensor.argmin(x).tolist() == int(np.argmin(xv))
    for dim in (0, 1, -1):
        assert_values(ctensor.argmax(x, dim), np.argmax(xv, dim), ctensor.int64)
        assert_values(x.argmin(dim, keepdim=True), np.expand_dims(np.argmin(xv, dim), dim))
    assert x.argmax(keepdim=True).shape == (1, 1, 1)
    t = x.transpose(0, 2)
    assert_values(ctensor.argmax(t, 1), np.argmax(values(t), 1))
    ties = ctensor.tensor([3, 1, 3, 1])
    assert ctensor.argmax(ties).tolist() == 0 and ctensor.argmin(ties).tolist() == 1
    out = ctensor.empty(3, 4, dtype=ctensor.int64)
    assert ctensor.argmax(x, 0, out=out) is out
    out = ctensor.empty(2, 4, dtype=F)
    assert ctensor.amax(x, 1, out=out) is out
    raises(ctensor.DTypeError, "argmax", ctensor.argmax, ctensor.tensor([True]))
    raises(ctensor.ShapeError, "amax", ctensor.amax, ctensor.zeros(2, 0), 1)
    raises(ctensor.ShapeError, "argmin", ctensor.argmin, ctensor.zeros(0))


# ---- statistics and norms -------------------------------------------------------------------

@pytest.mark.parametrize("name,ref", [("var", np.var), ("std", np.std)])
def test_var_std(name, ref):
    fn = getattr(ctensor, name)
    x = x3()
    xv = values(x)
    for dim in (None, 1, (0, 2)):
        assert_values(fn(x, dim), ref(xv, np_axis(dim), ddof=1))
        assert_values(fn(x, dim, unbiased=False), ref(xv, np_axis(dim)))
        assert_values(fn(x, dim, correction=2, keepdim=True),
                      ref(xv, np_axis(dim), ddof=2, keepdims=True))
    assert_values(fn(x, False), ref(xv))  # torch's var(input, unbiased)
    assert_values(getattr(x, name)(0, True, True), ref(xv, 0, ddof=1, keepdims=True))
    assert_values(getattr(x, name)(correction=0), ref(xv))
    out = ctensor.empty(2, 4, dtype=F)
    assert fn(x, 1, out=out) is out
    assert_values(out, ref(xv, 1, ddof=1))
    z = make(ctensor.complex64, (3, 4), 2)
    assert_values(fn(z, 1), ref(values(z), 1, ddof=1), ctensor.float32)
    raises(ValueError, name, fn, x, 1, unbiased=True, correction=0)
    raises(ctensor.DTypeError, name, fn, make(ctensor.int32))
    mean_fn = getattr(ctensor, name + "_mean")
    s, m = mean_fn(x, 1)
    assert_values(s, ref(xv, 1, ddof=1))
    assert_values(m, xv.mean(1))
    s, m = mean_fn(x, (0, 1), unbiased=False, keepdim=True)
    assert_values(s, ref(xv, (0, 1), keepdims=True))
    s, m = mean_fn(x, correction=0)
    assert_values(s, ref(xv))


def test_norm():
    x = x3()
    xv = values(x)
    for p in (1, 2, 3, 0.5, float("inf"), -float("inf"), 0):
        for dim in (None, 1, (0, 2)):
            ax = np_axis(dim)
            a = np.abs(xv)
            if p == float("inf"):
                expected = a.max(ax)
            elif p == -float("inf"):
                expected = a.min(ax)
            elif p == 0:
                expected = (a != 0).sum(ax)
            else:
                expected = (a ** p).sum(ax) ** (1 / p)
            assert_values(ctensor.norm(x, p, dim), expected, F)
    assert_values(ctensor.norm(x), np.sqrt((xv ** 2).sum()))
    assert_values(x.norm("fro", (0, 1)), np.sqrt((xv ** 2).sum((0, 1))))
    assert_values(x.norm(dim=1, keepdim=True), np.sqrt((xv ** 2).sum(1, keepdims=True)))
    z = make(ctensor.complex128, (3,), 1)
    assert_values(ctensor.norm(z), np.linalg.norm(values(z)), F)
    f = make(ctensor.float32, (3,), 1)
    assert ctensor.norm(f, dtype=F).dtype is F
    out = ctensor.empty(2, 4, dtype=F)
    assert ctensor.norm(x, 2, 1, out=out) is out
    raises(NotImplementedError, "nuc", ctensor.norm, x, "nuc")
    raises(ctensor.DTypeError, "norm", ctensor.norm, make(ctensor.int32))


def test_all_any_count_nonzero():
    for d in (ctensor.bool, ctensor.uint8, ctensor.int32, F, ctensor.complex64):
        x = make(d, (2, 3, 4), 3, -1, 1)
        xv = values(x)
        for dim in (None, 1, (0, 2)):
            assert_values(ctensor.all(x, dim), np.all(xv, np_axis(dim)), ctensor.bool)
            assert_values(x.any(dim, keepdim=True), np.any(xv, np_axis(dim), keepdims=True),
                          ctensor.bool)
            assert_values(ctensor.count_nonzero(x, dim), np.count_nonzero(xv, np_axis(dim)),
                          ctensor.int64)
    assert ctensor.all(ctensor.zeros(0)).tolist() is True
    assert ctensor.any(ctensor.zeros(0)).tolist() is False
    assert ctensor.all(ctensor.tensor([float("nan")])).tolist() is True
    out = ctensor.empty(2, dtype=ctensor.bool)
    assert ctensor.any(make(F, (2, 3)), 1, out=out) is out
    raises(IndexError, "count_nonzero", ctensor.count_nonzero, make(F), 2)


# ---- scans and softmax ----------------------------------------------------------------------

@pytest.mark.parametrize("name,ref", [("cumsum", np.cumsum), ("cumprod", np.cumprod)])
def test_cumsum_cumprod(name, ref):
    fn = getattr(ctensor, name)
    x = x3(low=-2, high=2)
    xv = values(x)
    for dim in (0, 1, -1):
        assert_values(fn(x, dim), ref(xv, dim), F)
        assert_values(getattr(x, name)(dim=dim), ref(xv, dim))
    t = x.transpose(0, 1)
    assert_values(fn(t, 2), ref(values(t), 2))
    i = make(ctensor.int16, (5,), 2)
    assert_values(fn(i, 0), ref(values(i)), ctensor.int64)
    assert_values(fn(i, 0, dtype=ctensor.float32), ref(values(i)), ctensor.float32)
    assert fn(ctensor.tensor([True, True]), 0).dtype is ctensor.int64
    out = ctensor.empty(2, 3, 4, dtype=F)
    assert fn(x, 1, out=out) is out
    assert_values(out, ref(xv, 1))
    y = x.clone()
    assert getattr(y, name + "_")(2) is y
    assert_values(y, ref(xv, 2))
    j = i.clone()
    assert getattr(j, name + "_")(0) is j and j.dtype is ctensor.int16
    raises(IndexError, name, fn, x, 3)
    raises(TypeError, name, fn, x, None)


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_softmax(name):
    fn = getattr(ctensor, name)
    x = x3()
    xv = values(x)
    for dim in (0, 1, -1):
        e = np.exp(xv - xv.max(dim, keepdims=True))
        s = e / e.sum(dim, keepdims=True)
        assert_values(fn(x, dim), s if name == "softmax" else np.log(s), F)
        assert_values(getattr(x, name)(dim), s if name == "softmax" else np.log(s))
    f = make(ctensor.float32, (3, 4), 2)
    assert fn(f, 1, dtype=F).dtype is F
    assert fn(f, 1).dtype is ctensor.float32
    out = ctensor.empty(2, 3, 4, dtype=F)
    assert fn(x, 2, out=out) is out
    raises(ctensor.DTypeError, name, fn, make(ctensor.int32), 0)
    assert fn(make(ctensor.int32), 0, dtype=ctensor.float32).dtype is ctensor.float32


# ---- sorting and unique ---------------------------------------------------------------------

def test_sort_argsort_msort():
    x = x3(ctensor.int32, low=-3, high=3)
    xv = values(x)
    for dim in (0, 1, -1):
        r = ctensor.sort(x, dim)
        assert_values(r.values, np.sort(xv, dim, kind="stable"), ctensor.int32)
        assert_values(r.indices, np.argsort(xv, dim, kind="stable"), ctensor.int64)
        d = x.sort(dim, descending=True)
        assert_values(d.values, -np.sort(-xv, dim, kind="stable"))
        assert_values(d.indices, np.argsort(-xv, dim, kind="stable"))
        assert_values(ctensor.argsort(x, dim, stable=True), np.argsort(xv, dim, kind="stable"))
        assert_values(x.argsort(dim, descending=True), np.argsort(-xv, dim, kind="stable"))
    v, i = ctensor.sort(x)
    assert_same(v, ctensor.sort(x, -1).values)
    assert_values(ctensor.msort(x), np.sort(xv, 0))
    nan = float("nan")
    s = ctensor.sort(ctensor.tensor([2.0, nan, -1.0]))
    assert s.values.tolist()[:2] == [-1.0, 2.0] and math.isnan(s.values.tolist()[2])
    d = ctensor.sort(ctensor.tensor([2.0, nan, -1.0]), descending=True)
    assert d.indices.tolist() == [1, 0, 2]
    out = (ctensor.empty(2, 3, 4, dtype=ctensor.int32), ctensor.empty(2, 3, 4, dtype=ctensor.int64))
    r = ctensor.sort(x, out=out)
    assert r.values is out[0] and r.indices is out[1]
    assert_values(out[0], np.sort(xv, -1))
    raises(ctensor.ShapeError, "sort", ctensor.sort, x, out=(ctensor.empty(2), ctensor.empty(2)))
    raises(ctensor.DTypeError, "sort", ctensor.sort, make(ctensor.complex64))
    raises(IndexError, "argsort", ctensor.argsort, x, 3)


def test_topk():
    x = x3(low=-9, high=9)
    xv = values(x)
    for dim in (0, 1, -1):
        for k in (1, 2):
            r = ctensor.topk(x, k, dim)
            order = np.argsort(-xv, dim, kind="stable")
            idx = np.take(order, np.arange(k), dim)
            assert_values(r.indices, idx, ctensor.int64)
            assert_values(r.values, np.take_along_axis(xv, idx, dim), F)
            s = x.topk(k, dim, largest=False)
            idx = np.take(np.argsort(xv, dim, kind="stable"), np.arange(k), dim)
            assert_values(s.values, np.take_along_axis(xv, idx, dim))
    assert x.topk(0).values.shape == (2, 3, 0)
    out = (ctensor.empty(2, 3, 2, dtype=F), ctensor.empty(2, 3, 2, dtype=ctensor.int64))
    assert ctensor.topk(x, 2, out=out).values is out[0]
    raises(IndexError, "topk", ctensor.topk, x, 5)
    raises(ctensor.DTypeError, "topk", ctensor.topk, ctensor.tensor([True]), 1)


def test_unique():
    x = ctensor.tensor([[3, 1, 2], [1, 3, 3]])
    xv = values(x)
    u, inv, cnt = np.unique(xv, return_inverse=True, return_counts=True)
    assert_values(ctensor.unique(x), u, ctensor.int64)
    r = ctensor.unique(x, return_inverse=True)
    assert isinstance(r, tuple) and len(r) == 2
    assert_values(r[1], inv.reshape(xv.shape), ctensor.int64)
    r = x.unique(return_counts=True)
    assert_values(r[1], cnt, ctensor.int64)
    o, i, c = ctensor.unique(x, sorted=False, return_inverse=True, return_counts=True)
    assert_values(o, u)
    assert_values(c, cnt)
    f = ctensor.tensor([2.0, float("nan"), 2.0, float("nan")])
    assert ctensor.unique(f).shape == (3,)  # each NaN is its own element
    raises(NotImplementedError, "dim", ctensor.unique, x, dim=0)
    raises(ctensor.DTypeError, "unique", ctensor.unique, make(ctensor.complex64))


# ---- PyTorch ----------------------------------------------------------------------------------

EXPRS = (
    "x.sum()", "x.sum(1)", "x.sum((0, 2), keepdim=True)", "x.prod(1)", "x.max()", "x.max(1)",
    "x.min(-1, True)", "x.amax((0, 1))", "x.amin(2)", "x.argmax()", "x.argmin(1)", "x.all(1)",
    "x.any()", "x.count_nonzero(1)", "x.cumsum(1)", "x.cumprod(2)", "x.sort(1)",
    "x.sort(0, descending=True)", "x.argsort(2)", "x.topk(2, 1)", "x.topk(1, 0, largest=False)",
    "x.mean(1)", "x.var(1)", "x.std((0, 2), unbiased=False)", "x.logsumexp(1)",
    "x.softmax(1)", "x.log_softmax(0)", "x.norm()", "x.norm(1, 2)",
    "x.unique(return_inverse=True, return_counts=True)",
)


def _flat(r):
    if isinstance(r, tuple):
        return [_flat(t) for t in r]
    return (r.dtype, r.tolist())


# Where ctensor deliberately differs from torch: all/any of uint8 give bool (reduce.h).
KNOWN = {("x.all(1)", "uint8"), ("x.any()", "uint8")}


@pytest.mark.filterwarnings("ignore:Casting complex values")
def test_reductions_match_torch(torch):
    mismatches = []
    for d in (ctensor.bool, ctensor.uint8, ctensor.int32, ctensor.int64, ctensor.float16,
              ctensor.bfloat16, ctensor.float32, ctensor.float64, ctensor.complex64):
        x = make(d, (2, 3, 4), 5, -3, 3)
        tx = to_torch(torch, x)
        for expr in EXPRS:
            if (expr, d.name) in KNOWN:
                assert eval(expr, {"x": x}).dtype is ctensor.bool
                continue
            try:
                want = eval(expr, {"x": tx})
            except (RuntimeError, TypeError):
                try:
                    eval(expr, {"x": x})
                except (RuntimeError, TypeError, ValueError):
                    continue
                if d in FLOATS[:2]:
                    continue  # torch 1.13 lacks some CPU kernels for float16 and bfloat16
                mismatches.append("%s on %s: torch raises, ctensor does not" % (expr, d.name))
                continue
            got = eval(expr, {"x": x})
            g, w = _flat(got), _flat(want)
            if not isinstance(got, tuple):
                g, w = [g], [w]
            for (gd, gv), (wd, wv) in zip(g, w):
                if gd.name != torch_dtype_name(wd):
                    mismatches.append("%s on %s: dtype %s, torch %s" % (expr, d.name, gd.name, wd))
                elif not np.allclose(np.array(gv, dtype=complex), np.array(wv, dtype=complex),
                                     rtol=2e-2 if d in FLOATS[:2] else 1e-5, atol=1e-5,
                                     equal_nan=True):
                    mismatches.append("%s on %s: %s, torch %s" % (expr, d.name, gv, wv))
    assert not mismatches, "\n".join(mismatches)
