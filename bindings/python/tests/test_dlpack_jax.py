"""JAX (CPU) as a DLPack consumer and producer: zero-copy both ways, JAX's arrays imported
read-only (they are immutable, which JAX's legacy capsules cannot say), and JAX's refusal of
strided views. Skipped where JAX is not installed (tools/install-deps.sh installs it with pip
for a python3 that is not Debian's)."""

import pytest

import ctensor

jax = pytest.importorskip("jax")
jnp = pytest.importorskip("jax.numpy")
from jax import dlpack as jdlpack  # noqa: E402


def pointer(a):
    return a.unsafe_buffer_pointer()


def test_jax_imports_ctensor_without_a_copy():
    t = ctensor.arange(6, dtype=ctensor.float32).reshape(2, 3)
    j = jdlpack.from_dlpack(t, copy=False)  # JAX copies unless the data is 64-byte aligned
    assert pointer(j) == t.data_ptr()
    assert j.tolist() == [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]
    t.add_(1)  # JAX arrays are immutable, but the memory is shared
    assert j.tolist() == [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    assert jdlpack.from_dlpack(t.T).tolist() == [[1.0, 4.0], [2.0, 5.0], [3.0, 6.0]]


@pytest.mark.parametrize("n", [1, 3, 17, 1000, 4097])
def test_fresh_tensors_are_aligned_for_jax(n):
    """Checklist 31: JAX on the CPU shares only 64-byte aligned memory."""
    t = ctensor.ones(n)
    assert t.data_ptr() % 64 == 0
    assert pointer(jdlpack.from_dlpack(t, copy=False)) == t.data_ptr()


def test_jax_refuses_steps_cleanly():
    t = ctensor.arange(6.0).reshape(2, 3)
    with pytest.raises(Exception, match="trivial|compact|UNIMPLEMENTED"):
        jdlpack.from_dlpack(t[:, ::2])


@pytest.mark.parametrize("dtype, ct_dtype", [
    ("float32", ctensor.float32), ("int32", ctensor.int32),
    ("bool", ctensor.bool), ("bfloat16", ctensor.bfloat16), ("float16", ctensor.float16),
    ("uint8", ctensor.uint8), ("complex64", ctensor.complex64)])
def test_ctensor_imports_jax_read_only(dtype, ct_dtype):
    a = jnp.zeros((2, 3), dtype=dtype)
    t = ctensor.from_dlpack(a)
    assert t.dtype == ct_dtype and t.shape == (2, 3)
    assert t.data_ptr() == pointer(a)
    with pytest.raises(ctensor.ReadOnlyError):
        t.zero_()
    again = ctensor.from_dlpack(a)  # the cached fast path keeps it read-only
    with pytest.raises(ctensor.ReadOnlyError):
        again[0, 0] = 1


def test_ctensor_copy_of_jax_is_writable():
    a = jnp.arange(4.0, dtype=jnp.float32)
    t = ctensor.from_dlpack(a, copy=True)
    t.add_(1)
    assert t.tolist() == [1.0, 2.0, 3.0, 4.0] and a.tolist() == [0.0, 1.0, 2.0, 3.0]
