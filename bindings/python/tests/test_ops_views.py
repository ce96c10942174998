"""Views (view.h) and structure operations (structure.h) against NumPy (and
PyTorch's shapes and strides where it is installed)."""

import pytest

import ctensor
from test_ops_common import DTYPES, assert_same, assert_values, make, raises, to_torch, values

np = pytest.importorskip("numpy")

F = ctensor.float64


def shares(a, b):
    """Whether a write through a is seen in b (a and b views of one storage)."""
    from ctypes import byref, c_bool
    r = c_bool()
    ctensor._lib.lib.ct_tensor_shares_storage(byref(r), a._h, b._h)
    return r.value


def arange(*shape, dtype=F):
    n = int(np.prod(shape)) if shape else 1
    return ctensor.tensor(np.arange(n).reshape(shape).tolist(), dtype=dtype)


# ---- views ----------------------------------------------------------------------------------

def test_view_and_reshape():
    x = arange(2, 3, 4)
    xv = values(x)
    for shape in ((6, 4), (4, -1), (24,), (2, 12, 1)):
        assert_values(x.view(*shape), xv.reshape(shape))
        assert_values(x.view(shape), xv.reshape(shape))
        assert_values(x.view(list(shape)), xv.reshape(shape))
        assert_values(x.reshape(*shape), xv.reshape(shape))
        assert_values(ctensor.reshape(x, shape), xv.reshape(shape))
    v = x.view(-1)
    assert shares(v, x)
    v.mul_(2)
    assert_values(x, xv * 2)
    xv = values(x)
    y = arange(1)
    assert y.view(()).shape == () and y.reshape([]).shape == ()
    assert_values(x.view_as(arange(4, 6)), xv.reshape(4, 6))
    assert_values(x.reshape_as(arange(3, 8)), xv.reshape(3, 8))
    t = x.transpose(0, 2)
    raises(ctensor.ShapeError, "view", t.view, 24)
    r = t.reshape(24)  # a copy: no view expresses it
    assert_values(r, values(t).reshape(24))
    assert r.is_contiguous()
    assert shares(x.reshape(4, 6), x)
    raises(ctensor.ShapeError, "view", x.view, 5, 5)
    raises(ctensor.ShapeError, "reshape", ctensor.reshape, x, (-1, -1))
    raises(NotImplementedError, "dtype", x.view, ctensor.int64)
    raises(TypeError, "reshape", ctensor.reshape, x, 2.5)


def test_varargs_methods_take_torch_keywords():
    x = arange(2, 3, 4)
    xv = values(x)
    assert_values(x.view(size=(6, 4)), xv.reshape(6, 4))
    assert_values(x.reshape(shape=[4, 6]), xv.reshape(4, 6))
    assert_values(x.permute(dims=(2, 0, 1)), np.transpose(xv, (2, 0, 1)))
    assert_values(x.flip(dims=[0]), np.flip(xv, 0))
    assert_values(x[:, :1].expand(size=(2, 5, 4)), np.broadcast_to(xv[:, :1], (2, 5, 4)))
    assert_values(x.repeat(repeats=(1, 2, 1)), np.tile(xv, (1, 2, 1)))
    assert_values(x.tile(dims=(2,)), np.tile(xv, 2))
    raises(TypeError, "permute", x.permute, 0, 1, 2, dims=(0, 1, 2))
    raises(TypeError, "flip", x.flip, axis=0)


def test_transpose_permute_movedim():
    x = arange(2, 3, 4)
    xv = values(x)
    assert_values(ctensor.transpose(x, 0, 2), np.swapaxes(xv, 0, 2))
    assert_values(x.transpose(-1, 1), np.swapaxes(xv, -1, 1))
    assert_values(x.swapaxes(0, 1), np.swapaxes(xv, 0, 1))
    assert_values(x.swapdims(0, 1), np.swapaxes(xv, 0, 1))
    assert_values(ctensor.permute(x, (2, 0, 1)), np.transpose(xv, (2, 0, 1)))
    assert_values(x.permute(2, 0, 1), np.transpose(xv, (2, 0, 1)))
    assert_values(x.permute([1, 2, 0]), np.transpose(xv, (1, 2, 0)))
    assert_values(ctensor.movedim(x, 0, -1), np.moveaxis(xv, 0, -1))
    assert_values(x.movedim((0, 1), (2, 0)), np.moveaxis(xv, (0, 1), (2, 0)))
    assert_values(ctensor.moveaxis(x, [0], [1]), np.moveaxis(xv, 0, 1))
    m = arange(3, 4)
    assert_values(ctensor.t(m), values(m).T)
    assert_values(m.t(), values(m).T)
    assert_values(arange(3).t(), values(arange(3)))
    assert shares(x.permute(2, 1, 0), x)
    raises(IndexError, "transpose", ctensor.transpose, x, 0, 3)
    raises(ValueError, "permute", x.permute, 0, 0, 1)
    raises(ValueError, "permute", x.permute, 0, 1)
    raises(ctensor.ShapeError, "ct_t", ctensor.t, x)
    raises(ValueError, "movedim", ctensor.movedim, x, (0, 1), (1,))


def test_squeeze_unsqueeze_flatten_unflatten():
    x = arange(1, 3, 1, 2)
    xv = values(x)
    assert_values(ctensor.squeeze(x), np.squeeze(xv))
    assert_values(x.squeeze(0), np.squeeze(xv, 0))
    assert_values(x.squeeze(1), xv)  # not of size 1: unchanged
    assert_values(x.squeeze((0, 2)), np.squeeze(xv, (0, 2)))
    assert_values(ctensor.unsqueeze(x, 0), xv[None])
    assert_values(x.unsqueeze(-1), xv[..., None])
    assert_values(ctensor.flatten(x), xv.reshape(-1))
    assert_values(x.flatten(1, 2), xv.reshape(1, 3, 2))
    assert_values(x.flatten(start_dim=-2), xv.reshape(1, 3, 2))
    assert ctensor.flatten(ctensor.tensor(5.0)).shape == (1,)
    y = arange(2, 12)
    assert_values(ctensor.unflatten(y, 1, (3, -1)), values(y).reshape(2, 3, 4))
    assert_values(y.unflatten(-1, [2, 2, 3]), values(y).reshape(2, 2, 2, 3))
    raises(IndexError, "unsqueeze", ctensor.unsqueeze, x, 6)
    raises(ValueError, "squeeze", ctensor.squeeze, x, (0, 0))
    raises(ValueError, "flatten", ctensor.flatten, x, 2, 1)
    raises(ctensor.ShapeError, "unflatten", ctensor.unflatten, y, 1, (5, -1))


def test_expand_and_broadcast():
    x = arange(3, 1)
    xv = values(x)
    assert_values(x.expand(2, 3, 4), np.broadcast_to(xv, (2, 3, 4)))
    assert_values(x.expand((3, 4)), np.broadcast_to(xv, (3, 4)))
    assert_values(x.expand(-1, 5), np.broadcast_to(xv, (3, 5)))
    assert x.expand(3, 4).stride() == (1, 0)
    assert_values(x.expand_as(arange(2, 3, 2)), np.broadcast_to(xv, (2, 3, 2)))
    assert_values(ctensor.broadcast_to(x, (3, 3)), np.broadcast_to(xv, (3, 3)))
    assert ctensor.broadcast_shapes((3, 1), (4,), (2, 1, 1)) == (2, 3, 4)
    a, b = ctensor.broadcast_tensors(x, arange(4))
    assert a.shape == b.shape == (3, 4)
    assert_values(b, np.broadcast_to(values(arange(4)), (3, 4)))
    raises(ctensor.ShapeError, "expand", x.expand, 4, 4)
    raises(RuntimeError, "broadcast", ctensor.broadcast_shapes, (3,), (4,))
    # a write into an expanded view is refused
    raises(ValueError, "add_", x.expand(3, 4).add_, 1)


def test_narrow_select_diagonal_unfold():
    x = arange(4, 5)
    xv = values(x)
    assert_values(ctensor.narrow(x, 1, 1, 3), xv[:, 1:4])
    assert_values(x.narrow(0, -2, 2), xv[-2:])
    assert_values(x.narrow(0, ctensor.tensor(1), 2), xv[1:3])
    assert_values(ctensor.select(x, 1, -1), xv[:, -1])
    assert_values(x.select(0, 2), xv[2])
    for offset in (0, 1, -2, 7):
        assert_values(ctensor.diagonal(x, offset), np.diagonal(xv, offset))
    y = arange(2, 3, 4)
    assert_values(y.diagonal(1, 1, 2), np.diagonal(values(y), 1, 1, 2))
    assert_values(y.diagonal(dim1=-1, dim2=0), np.diagonal(values(y), 0, -1, 0))
    sw = np.lib.stride_tricks.sliding_window_view
    z = arange(10)
    assert_values(z.unfold(0, 3, 2), sw(values(z), 3)[::2])
    assert_values(x.unfold(1, 2, 1), sw(xv, 2, axis=1))
    d = ctensor.diagonal(x)
    assert shares(d, x)
    d.mul_(0)
    assert values(x).trace() == 0
    raises(IndexError, "narrow", ctensor.narrow, x, 0, 3, 2)
    raises(IndexError, "select", ctensor.select, x, 0, 4)
    raises(ValueError, "diagonal", ctensor.diagonal, x, 0, 1, -1)
    raises(ctensor.ShapeError, "unfold", z.unfold, 0, 11, 1)


def test_real_imag_complex_views():
    z = make(ctensor.complex64, (2, 3), 1)
    zv = values(z)
    assert_values(ctensor.real(z), zv.real, ctensor.float32)
    assert_values(z.imag, zv.imag, ctensor.float32)
    assert_values(z.real, zv.real)
    assert_values(ctensor.imag(z), zv.imag)
    r = ctensor.view_as_real(z)
    assert_values(r, np.stack([zv.real, zv.imag], -1), ctensor.float32)
    assert_same(ctensor.view_as_complex(r), z)
    z.imag.mul_(0)
    assert_values(z, zv.real.astype(complex))
    x = make(F, (3,))
    assert_same(ctensor.real(x), x)
    raises(ctensor.DTypeError, "imag", ctensor.imag, x)
    raises(ctensor.DTypeError, "view_as_real", ctensor.view_as_real, x)
    raises(ctensor.ShapeError, "view_as_complex", ctensor.view_as_complex, make(F, (2, 3)))


def test_views_of_every_dtype():
    for d in DTYPES:
        x = make(d, (2, 3, 4), 1)
        xv = values(x)
        assert_values(x.permute(2, 0, 1).reshape(4, 6),
                      np.transpose(xv, (2, 0, 1)).reshape(4, 6), d)
        assert_values(x.transpose(0, 1).flatten(), np.swapaxes(xv, 0, 1).reshape(-1), d)


def test_view_shapes_and_strides_match_torch(torch):
    x = arange(2, 3, 4)
    tx = to_torch(torch, x)
    exprs = ("x.view(6, 4)", "x.transpose(0, 2)", "x.permute(1, 2, 0)", "x.unsqueeze(1)",
             "x[:, :1].squeeze(1)", "x.expand(5, 2, 3, 4)", "x.flatten(0, 1)", "x.narrow(2, 1, 2)",
             "x.select(1, 2)", "x.diagonal(0, 1, 2)", "x.unfold(2, 2, 1)", "x.movedim(0, 2)",
             "x.unflatten(2, (2, 2))", "x.mT", "x.transpose(0, 1).reshape(6, 4)", "x.t()" if False
             else "x[0].t()")
    for expr in exprs:
        got, want = eval(expr, {"x": x}), eval(expr, {"x": tx})
        assert tuple(got.shape) == tuple(want.shape), expr
        assert got.stride() == want.stride(), expr
        assert got.storage_offset() == want.storage_offset(), expr
        assert got.tolist() == want.tolist(), expr


# ---- structure ------------------------------------------------------------------------------

def test_cat_and_stack():
    a, b = make(F, (2, 3), 1), make(ctensor.int32, (1, 3), 2)
    assert_values(ctensor.cat([a, b]), np.concatenate([values(a), values(b)]), F)
    assert_values(ctensor.cat((a, a), 1), np.concatenate([values(a)] * 2, 1))
    assert_values(ctensor.cat([a, a.t().t()], dim=-1), np.concatenate([values(a)] * 2, -1))
    assert_values(ctensor.concat([a, b], 0), np.concatenate([values(a), values(b)]))
    assert_values(ctensor.cat([a, ctensor.tensor([])]), values(a))  # legacy: [0] skipped
    out = ctensor.empty(3, 3, dtype=F)
    assert ctensor.cat([a, b], out=out) is out
    assert_values(out, np.concatenate([values(a), values(b)]))
    assert_values(ctensor.stack([a, a]), np.stack([values(a)] * 2))
    assert_values(ctensor.stack((a, a, a), dim=2), np.stack([values(a)] * 3, 2))
    assert_values(ctensor.stack([a, a], -1), np.stack([values(a)] * 2, -1))
    out = ctensor.empty(2, 2, 3, dtype=F)
    assert ctensor.stack([a, a], out=out) is out
    raises(ctensor.ShapeError, "cat", ctensor.cat, [a, b], 1)
    raises(ctensor.ShapeError, "stack", ctensor.stack, [a, b])
    raises(IndexError, "cat", ctensor.cat, [a, a], 2)
    raises(ValueError, "cat", ctensor.cat, [])
    raises(ctensor.ShapeError, "cat", ctensor.cat, [a, a], out=ctensor.empty(2, 3, dtype=F))
    raises(TypeError, "cat", ctensor.cat, a)
    raises(TypeError, "stack", ctensor.stack, [a, [1]])


def test_split_chunk_unbind():
    x = arange(5, 4)
    xv = values(x)
    parts = ctensor.split(x, 2)
    assert isinstance(parts, tuple) and len(parts) == 3
    for p, e in zip(parts, np.split(xv, [2, 4])):
        assert_values(p, e)
    for p, e in zip(x.split([1, 3, 1]), np.split(xv, [1, 4])):
        assert_values(p, e)
    for p, e in zip(x.split(3, dim=1), np.split(xv, [3], 1)):
        assert_values(p, e)
    for p, e in zip(ctensor.chunk(x, 2, 1), np.split(xv, 2, 1)):
        assert_values(p, e)
    assert len(x.chunk(3)) == 3 and [p.shape[0] for p in x.chunk(3)] == [2, 2, 1]
    for i, p in enumerate(ctensor.unbind(x, 1)):
        assert_values(p, xv[:, i])
    assert len(x.unbind()) == 5
    parts[0].mul_(0)  # views: the base sees the write
    assert values(x)[:2].sum() == 0
    raises(ctensor.ShapeError, "split", x.split, [1, 1])
    raises(ValueError, "chunk", x.chunk, 0)
    raises(IndexError, "unbind", x.unbind, 2)


def test_flip_roll_repeat_tile():
    x = arange(2, 3, 4)
    xv = values(x)
    assert_values(ctensor.flip(x, (0, 2)), np.flip(xv, (0, 2)))
    assert_values(x.flip(1), np.flip(xv, 1))
    assert_values(x.flip(0, -1), np.flip(xv, (0, -1)))
    assert_values(ctensor.fliplr(x), np.fliplr(xv))
    assert_values(ctensor.flipud(x), np.flipud(xv))
    assert_values(ctensor.roll(x, 5), np.roll(xv, 5))
    assert_values(x.roll(1, 2), np.roll(xv, 1, 2))
    assert_values(ctensor.roll(x, (1, -2), (0, 2)), np.roll(xv, (1, -2), (0, 2)))
    assert_values(x.transpose(0, 2).roll(3, 0), np.roll(np.swapaxes(xv, 0, 2), 3, 0))
    assert_values(x.repeat(2, 1, 3), np.tile(xv, (2, 1, 3)))
    assert_values(x.repeat((1, 2, 1, 1)), np.tile(xv, (1, 2, 1, 1)))
    assert_values(ctensor.tile(x, (2,)), np.tile(xv, 2))
    assert_values(x.tile(2, 1, 1, 1), np.tile(xv, (2, 1, 1, 1)))
    assert not shares(ctensor.flip(x, 0), x)
    raises(ValueError, "flip", ctensor.flip, x, (0, 0))
    raises(ValueError, "repeat", x.repeat, 2, 2)
    raises(ValueError, "roll", ctensor.roll, x, (1, 2), (0,))


def test_tril_triu():
    x = arange(2, 4, 5)
    xv = values(x)
    for k in (0, 1, -2, 9):
        assert_values(ctensor.tril(x, k), np.tril(xv, k))
        assert_values(x.triu(k), np.triu(xv, k))
    assert_values(ctensor.triu(x, diagonal=-1), np.triu(xv, -1))
    out = ctensor.empty(2, 4, 5, dtype=F)
    assert ctensor.tril(x, out=out) is out
    assert_values(out, np.tril(xv))
    assert ctensor.triu(x, 1, out=out) is out
    assert_values(out, np.triu(xv, 1))
    y = x.clone()
    assert y.tril_(1) is y
    assert_values(y, np.tril(xv, 1))
    y = x.clone()
    t = y.transpose(1, 2)
    assert t.triu_() is t
    assert_values(y, np.swapaxes(np.triu(np.swapaxes(xv, 1, 2)), 1, 2))
    raises(ctensor.ShapeError, "tril", ctensor.tril, arange(3))
    raises(ctensor.ShapeError, "triu", ctensor.triu, x, out=ctensor.empty(4, 5, dtype=F))


def test_structure_of_every_dtype():
    for d in DTYPES:
        a, b = make(d, (2, 3), 1), make(d, (2, 3), 2)
        av, bv = values(a), values(b)
        assert_values(ctensor.cat([a, b], 1), np.concatenate([av, bv], 1), d)
        assert_values(ctensor.stack([a, b]), np.stack([av, bv]), d)
        assert_values(a.flip(1).roll(1, 0), np.roll(np.flip(av, 1), 1, 0), d)
        assert_values(a.tile(2, 1).tril(), np.tril(np.tile(av, (2, 1))), d)


def test_structure_matches_torch(torch):
    a = make(ctensor.int16, (2, 3), 1)
    b = make(ctensor.float32, (2, 3), 2)
    ta, tb = to_torch(torch, a), to_torch(torch, b)
    for expr in ("cat([a, b], 1)", "stack([a, b], -1)", "cat([a, a])"):
        got = eval(expr, {"cat": ctensor.cat, "stack": ctensor.stack, "a": a, "b": b})
        want = eval(expr, {"cat": torch.cat, "stack": torch.stack, "a": ta, "b": tb})
        assert got.dtype.name == str(want.dtype).split(".")[-1], expr
        assert got.tolist() == want.tolist(), expr
    for expr in ("a.split(2, 1)", "a.split([1, 2], 1)", "a.chunk(2, 1)", "a.unbind(1)"):
        got, want = eval(expr, {"a": a}), eval(expr, {"a": ta})
        assert [g.tolist() for g in got] == [w.tolist() for w in want], expr
        assert [g.stride() for g in got] == [w.stride() for w in want], expr
