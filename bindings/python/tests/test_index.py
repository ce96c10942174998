"""Indexing: t[index] and t[index] = value, compared with NumPy (and PyTorch
where their rules differ)."""

import pytest

import ctensor


class _Index:
    """I[...] gives the index expression itself: I[0, 1:3] == (0, slice(1, 3))."""

    def __getitem__(self, key):
        return key


I = _Index()


def to_ct(idx, np):
    """The index with NumPy arrays replaced by ctensor tensors (lists stay lists)."""
    if isinstance(idx, tuple):
        return tuple(to_ct(x, np) for x in idx)
    if isinstance(idx, np.ndarray):
        return ctensor.tensor(idx)
    return idx


# Indices on which ctensor (as PyTorch) and NumPy agree.
def get_cases(np):
    return [
        I[0], I[-1], I[1], I[:], I[1:], I[:-1], I[::2], I[-100:100], I[5:1], I[1:3:2],
        I[0, 1], I[0, :, 2], I[..., 1], I[None], I[None, 0, None], I[..., None],
        I[0, ..., 0], I[1, 2, 3, 4], I[:, 1:, ::3, -2], I[..., ::4], I[1, ...],
        I[True], I[False], I[0, True], I[..., False], I[None, ..., None, 1],
        I[[0, 1]], I[[1, 0, 1]], I[[-1]], I[[True, False]],
        I[np.array([0, 1, 1])], I[np.array([[0, 1], [1, 0]])],
        I[:, np.array([2, 0])], I[np.array([-1, 0]), 1],
        I[:, [0, 2], 1:3], I[[0, 1], :, [1, 2]], I[0, [0, 2], [1, 3]],
        I[np.array([[0], [1]]), np.array([0, 1, 2])], I[..., [0, 3]],
        I[:, :, np.array([True, False, True, False])],
        I[np.array([[True, False, True], [False, False, True]])],
        I[np.int64(1)], I[np.int32(-1), 1:np.int64(3)],
        I[[]], I[np.array([], dtype=np.int64)], I[1:1], I[:, []],
        I[np.array(1)], I[0, np.array([[1, 2]]), None, 1],
    ]


@pytest.fixture
def data(np):
    a = np.arange(120).reshape(2, 3, 4, 5)
    return a, ctensor.tensor(a)


def test_getitem_matches_numpy(np, data):
    a, t = data
    for idx in get_cases(np):
        ref = a[idx]
        got = t[to_ct(idx, np)]
        assert isinstance(got, ctensor.Tensor)
        assert got.shape == ref.shape, idx
        assert got.tolist() == ref.tolist(), idx
        assert got.dtype is ctensor.int64


def test_getitem_other_dtypes(np):
    for name in ("float32", "bool", "complex128", "uint8", "float16"):
        a = (np.arange(24).reshape(4, 6) % 5).astype(name)
        t = ctensor.tensor(a)
        for idx in (I[1], I[:, 2:5], I[[0, 3], ::2], I[a.astype(bool)]):
            assert t[to_ct(idx, np)].tolist() == a[idx].tolist()
            assert t[to_ct(idx, np)].dtype is t.dtype


def test_getitem_masks(np, data):
    a, t = data
    m = a % 7 == 0
    assert t[ctensor.tensor(m)].tolist() == a[m].tolist()
    m2 = a[:, :, 0, 0] > 30
    assert t[ctensor.tensor(m2)].tolist() == a[m2].tolist()
    assert t[ctensor.tensor(m2.astype(np.uint8))].tolist() == a[m2].tolist()
    assert t[0, ctensor.tensor(a[0, :, :, 0] > 10)].tolist() == a[0, a[0, :, :, 0] > 10].tolist()


def test_getitem_views_share_memory(np, data):
    a, t = data
    for k, idx in enumerate((I[1], I[:, 1:2], I[..., ::2], I[None, 0], I[1, 2, 3, 4],
                             I[0, ..., 1:4:2])):
        v = t[idx]
        v.copy_(ctensor.full(v.shape, -k, dtype=ctensor.int64))  # writes through the view
        a[idx] = -k
        assert t.tolist() == a.tolist(), idx
    assert t[1].storage_offset() == 60 and t[1].data_ptr() == t.data_ptr() + 60 * 8
    c = t[[0, 1]]
    c[0, 0, 0, 0] = 99
    assert t[0, 0, 0, 0].item() != 99  # advanced indexing copies
    assert t[ctensor.tensor([1])].data_ptr() != t[1].data_ptr()
    assert t[True].data_ptr() != t.data_ptr()  # a bool index copies, as in torch


def test_getitem_index_tensors(data):
    _, t = data
    i32 = ctensor.tensor([1, 0], dtype=ctensor.int32)
    assert t[i32, 0, 0, 0].tolist() == [60, 0]
    assert t[ctensor.tensor(1)].shape == (3, 4, 5)  # 0-d integer tensor: an int
    assert t[ctensor.tensor(True)].shape == (1, 2, 3, 4, 5)  # 0-d bool tensor: a bool
    assert t[ctensor.tensor([True, True])].shape == (2, 3, 4, 5)


def test_list_index_as_tuple_like_torch(data):
    _, t = data
    # a list holding sequences, slices, None or Ellipsis is a tuple of indices (torch)
    assert t[[[0, 1], [1, 0]]].shape == (2, 4, 5)
    assert t[[[0, 1], [1, 0]]].tolist() == [t[0, 1].tolist(), t[1, 0].tolist()]
    assert t[[0, slice(None), 1]].shape == (3, 5)
    assert t[[None, 0]].shape == (1, 3, 4, 5)
    assert t[[Ellipsis, 0]].shape == (2, 3, 4)


def test_list_index_torch(torch, np):
    a = np.arange(24).reshape(2, 3, 4)
    r = torch.tensor(a)
    t = ctensor.tensor(a)
    for idx in (I[[[0, 1], [1, 0]]], I[[0, slice(None), 1]], I[[None, 0]], I[[[0], [1]]],
                I[[True, False]], I[[0, [1, 2]]], I[[1, 0, 1]], I[[]]):
        assert t[idx].shape == tuple(r[idx].shape), idx
        assert t[idx].tolist() == r[idx].tolist(), idx


def test_getitem_0d():
    s = ctensor.tensor(5.5)
    assert s[None].shape == (1,) and s[...].shape == () and s[True].shape == (1,)
    assert s[False].shape == (0,) and s[()].tolist() == 5.5
    with pytest.raises(IndexError, match="too many indices"):
        s[0]
    with pytest.raises(IndexError):
        s[:]


def test_getitem_errors(data):
    _, t = data
    with pytest.raises(IndexError, match="index 5 is out of bounds for dimension 0 with size 2"):
        t[5]
    with pytest.raises(IndexError, match="index -3 is out of bounds for dimension 0 with size 2"):
        t[-3]
    with pytest.raises(IndexError, match="out of bounds for dimension 1 with size 3"):
        t[0, 3]
    with pytest.raises(IndexError, match="index 7 is out of bounds"):
        t[[0, 7]]
    with pytest.raises(IndexError, match="too many indices"):
        t[0, 0, 0, 0, 0]
    with pytest.raises(ValueError, match="step must be greater than zero"):
        t[::-1]
    with pytest.raises(ValueError, match="step must be greater than zero"):
        t[0, 1:2:0]
    with pytest.raises(IndexError, match=r"only integers, slices .* \(got float\)"):
        t[1.5]
    with pytest.raises(IndexError, match=r"\(got str\)"):
        t["a"]
    with pytest.raises(IndexError, match="single ellipsis"):
        t[..., 0, ...]
    with pytest.raises(IndexError, match="must be long, int, byte or bool"):
        t[ctensor.tensor([0.0])]
    with pytest.raises(IndexError):
        t[ctensor.tensor([True, False, True])]  # mask of the wrong length
    with pytest.raises(RuntimeError):
        t[[0, 1], [0, 1, 2]]  # index tensors that do not broadcast
    with pytest.raises(TypeError, match="slice indices must be integers"):
        t[1:"a"]
    with pytest.raises(IndexError, match="out of range"):
        t[2 ** 70]
    with pytest.raises(IndexError, match="out of bounds"):
        t[2 ** 62]


def test_getitem_errors_match_torch(torch):
    r = torch.zeros(2, 3)
    t = ctensor.zeros(2, 3)
    # (two ellipses: NumPy's IndexError; torch 1.13 accepts them, see test_getitem_errors)
    for idx in (I[5], I[0, 7], I[[0, 4]], I[0, 0, 0], I[::-1], I[1.5], I[torch.tensor([0.0])]):
        with pytest.raises(Exception) as theirs:
            r[idx]
        cidx = ctensor.tensor(idx.tolist()) if isinstance(idx, torch.Tensor) else idx
        with pytest.raises(type(theirs.value)) as ours:
            t[cidx]
        frag = str(theirs.value).split(" (")[0][:30]
        assert frag in str(ours.value), (idx, str(theirs.value), str(ours.value))


def test_slices_clamp_like_python(np):
    a = np.arange(10)
    t = ctensor.tensor(a)
    for start in (None, -20, -3, 0, 4, 10, 20, 2 ** 70, -(2 ** 70)):
        for stop in (None, -20, -1, 0, 5, 10, 30, 2 ** 70):
            for step in (None, 1, 3, 11, 2 ** 70):
                sl = slice(start, stop, step)
                assert t[sl].tolist() == a[sl].tolist(), sl
                assert t[:, None][sl, 0].tolist() == a[sl].tolist(), sl


# ---- __setitem__ ------------------------------------------------------------------

def set_cases(np):
    return [
        (I[0], 7), (I[-1], -1), (I[:, 1], 5), (I[1:, ::2], 3), (I[..., 0], 9),
        (I[None, 0], 4), (I[True], 1), (I[False], 2), (I[0, 1, 2, 3], 8),
        (I[[0, 1], 2], 6), (I[[1, 0], :, [0, 3]], 11), (I[:, [2, 0]], -5),
        (I[np.array([[0], [1]]), np.array([0, 2])], 12),
        (I[1], np.arange(60).reshape(3, 4, 5) * 2),
        (I[:, 0], np.arange(5)), (I[..., 1:3], np.array([[100], [200], [300], [400]])),
        (I[[0, 1], 1, 1], np.array([55, 66, 77, 88, 99])),
        (I[np.arange(120).reshape(2, 3, 4, 5) % 3 == 0], 0),
        (I[np.array([True, False]), 1], np.full((4, 5), 42)),
        (I[[1, 1, 1], 0, 0, 0], 13),
    ]


def test_setitem_matches_numpy(np):
    for idx, value in set_cases(np):
        a = np.arange(120).reshape(2, 3, 4, 5)
        t = ctensor.tensor(a)
        a[idx] = value
        v = ctensor.tensor(value) if isinstance(value, np.ndarray) else value
        t[to_ct(idx, np)] = v
        assert t.tolist() == a.tolist(), idx


def test_setitem_values_convert(np):
    t = ctensor.zeros(4, dtype=ctensor.int32)
    t[0] = 2.75  # a Python number converts to the tensor's dtype
    t[1] = True
    t[2:] = ctensor.tensor([1.9, -1.9])  # a plain write converts as copy_
    assert t.tolist() == [2, 1, 1, -1]
    f = ctensor.zeros(3)
    f[[0, 2]] = 1  # a wrapped number, any kind
    f[ctensor.tensor([1])] = 2.5
    assert f.tolist() == [1.0, 2.5, 1.0]
    c = ctensor.zeros(2, dtype=ctensor.complex64)
    c[0] = 1 + 2j
    assert c.tolist() == [1 + 2j, 0j]
    b = ctensor.zeros(3, dtype=ctensor.bool)
    b[1] = 5
    assert b.tolist() == [False, True, False]
    h = ctensor.zeros(3, dtype=ctensor.float16)
    h[:] = np.float32(0.5)
    h[0] = np.int64(3)
    assert h.tolist() == [3.0, 0.5, 0.5]


def test_setitem_0d_and_views():
    s = ctensor.tensor(1.0)
    s[...] = 4
    assert s.item() == 4.0
    s[()] = 5
    assert s.item() == 5.0
    t = ctensor.zeros(3, 4)
    row = t[1]
    row[2] = 7  # through a view
    t[0][1] = 3
    t.T[3, 2] = 9
    assert t.tolist() == [[0, 3, 0, 0], [0, 0, 7, 0], [0, 0, 0, 9]]


def test_setitem_errors():
    t = ctensor.zeros(3, dtype=ctensor.int64)
    with pytest.raises(TypeError, match="can't assign a list to a ctensor.LongTensor"):
        t[0] = [1]
    with pytest.raises(TypeError, match="can't assign a str to a ctensor.LongTensor"):
        t[0] = "a"
    with pytest.raises(RuntimeError, match="dtype"):
        t[ctensor.tensor([0])] = ctensor.tensor([1.5])  # index_put: dtypes must match
    with pytest.raises(RuntimeError):
        t[:] = ctensor.tensor([1, 2])  # does not broadcast
    with pytest.raises(IndexError, match="out of bounds"):
        t[3] = 1
    with pytest.raises(IndexError, match="out of bounds"):
        t[[0, 5]] = 1
    with pytest.raises(ValueError, match="step must be greater than zero"):
        t[::-1] = 1
    with pytest.raises(RuntimeError, match="Overflow"):
        t[0] = 2 ** 64
    assert t.tolist() == [0, 0, 0]


def test_setitem_errors_match_torch(torch):
    r = torch.zeros(3, dtype=torch.int64)
    t = ctensor.zeros(3, dtype=ctensor.int64)
    for idx, value in ((I[0], [1]), (I[5], 1), (I[::-1], 1), (I[[0, 9]], 1)):
        with pytest.raises(Exception) as theirs:
            r[idx] = value
        with pytest.raises(type(theirs.value)):
            t[idx] = value


def test_setitem_torch(torch, np):
    a = np.arange(24.0).reshape(2, 3, 4)
    for idx, value in ((I[[[0, 1], [1, 0]]], 5.0), (I[[0, slice(None), 1]], -1.0),
                       (I[[0, 0, 1], [2, 2, 0]], 3.5), (I[None, 1, ..., ::2], 8.0)):
        r = torch.tensor(a)
        t = ctensor.tensor(a)
        r[idx] = value
        t[idx] = value
        assert t.tolist() == r.tolist(), idx


# ---- regressions found by differential testing against torch ----------------------

def test_list_index_of_floats_or_narrow_ints_is_int64(np):
    t = ctensor.arange(6) * 10
    assert t[[0.7, 2.2]].tolist() == [0, 20]  # torch truncates float list indices
    assert t[np.array([1, 2], dtype=np.int32)].tolist() == [10, 20]
    assert t[np.array([1.9, 0.0])].tolist() == [10, 0]
    assert t[np.array([1, 0, 1, 0, 0, 0], dtype=np.uint8)].tolist() == [0, 20]  # a mask


def test_list_index_of_floats_torch(torch):
    r = torch.arange(6)
    t = ctensor.arange(6)
    for idx in ([0.7, 2.2], [[1.0, 2.0]], [-1.5]):
        assert t[idx].tolist() == r[idx].tolist(), idx


def test_setitem_scalar_is_a_checked_conversion():
    t = ctensor.arange(4, dtype=ctensor.uint8)
    for idx in (0, I[:2], I[[0, 1]], ctensor.tensor([True, False, True, False]), I[...]):
        for value in (256, -256, 1 + 2j, float("nan"), float("inf"), -0.5):
            with pytest.raises(ValueError, match="cannot be converted to uint8"):
                t[idx] = value
    assert t.tolist() == [0, 1, 2, 3]
    t[0] = -1  # negative integers wrap into uint8, as in torch
    assert t.tolist() == [255, 1, 2, 3]
    f = ctensor.zeros(2)
    with pytest.raises(ValueError, match="cannot be converted to float32"):
        f[0] = 1j
    with pytest.raises(ValueError, match="cannot be converted to float32"):
        f[1] = 1e300  # out of float32's range: torch raises too
    f[1] = float("inf")
    assert f.tolist() == [0.0, float("inf")]
    b = ctensor.zeros(2, dtype=ctensor.bool)
    b[0] = 2j
    assert b.tolist() == [True, False]
    i = ctensor.zeros(2, dtype=ctensor.int64)
    i[0] = 2.7
    assert i.tolist() == [2, 0]


def test_setitem_scalar_errors_match_torch(torch):
    for name, value in (("uint8", 256), ("int64", float("nan")), ("float32", 1j),
                        ("int8", -129), ("int64", 2.7), ("bool", 2), ("uint8", -1),
                        ("float32", 1e300), ("float16", 1e5), ("float32", float("-inf"))):
        r = torch.zeros(3, dtype=getattr(torch, name))
        t = ctensor.zeros(3, dtype=getattr(ctensor, name))
        for idx in (0, I[1:], I[[0, 2]]):
            try:
                r[idx] = value
            except RuntimeError:
                with pytest.raises(ValueError):  # as full(): InvalidArgumentError
                    t[idx] = value
            else:
                t[idx] = value
                assert t.tolist() == r.tolist()


def test_setitem_0d_tensor_value_of_another_dtype():
    t = ctensor.arange(12.0).reshape(3, 4)
    t[[True, False, True]] = ctensor.tensor(9)  # int64 0-d value into float32 (torch too)
    t[ctensor.tensor([1])] = ctensor.tensor(2.5, dtype=ctensor.float64)
    assert t.tolist() == [[9.0] * 4, [2.5] * 4, [9.0] * 4]
    with pytest.raises(RuntimeError, match="dtype"):
        t[[0, 1]] = ctensor.tensor([1, 2, 3, 4])  # index_put of a tensor: dtypes must match


def test_setitem_0d_tensor_value_torch(torch):
    r = torch.arange(12.0).reshape(3, 4)
    t = ctensor.arange(12.0).reshape(3, 4)
    r[torch.tensor([True, False, True])] = torch.tensor(9)
    t[ctensor.tensor([True, False, True])] = ctensor.tensor(9)
    assert t.tolist() == r.tolist()
