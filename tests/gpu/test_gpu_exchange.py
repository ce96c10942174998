"""Zero-copy DLPack exchange of CUDA tensors between ctensor and PyTorch 2.x,
CuPy and JAX (shared/reference/dlpack.md, section 5, items 32-38).

Run on a GPU machine:

    CTENSOR_LIBRARY=$PWD/.libs/libctensor.so.0 CTENSOR_PLUGIN_PATH=$PWD/lib/cuda/.libs \\
        python3 -m pytest -q tests/gpu/test_gpu_exchange.py

Every test skips cleanly where ctensor has no CUDA (no module, driver or GPU)
or where the other library (or its GPU support) is missing. Each checks:
the same device pointer on both sides, writes visible both ways, and the
stream handshake: work a producer enqueues on a side stream before the
export is complete for the consumer on its own stream, with no explicit
synchronisation by the caller. Cases that may crash a foreign library run
in a subprocess.
"""

import os
import subprocess
import sys
import textwrap

import pytest

_HERE = os.path.dirname(os.path.abspath(__file__))
_TOP = os.path.dirname(os.path.dirname(_HERE))
_PKG = os.path.join(_TOP, "bindings", "python")
if "CTENSOR_LIBRARY" not in os.environ:
    _built = os.path.join(_TOP, ".libs", "libctensor.so.0")
    if os.path.exists(_built):
        os.environ["CTENSOR_LIBRARY"] = _built
_module_dir = os.path.join(_TOP, "lib", "cuda", ".libs")  # where the build puts ct_cuda.so
if "CTENSOR_PLUGIN_PATH" not in os.environ and os.path.exists(os.path.join(_module_dir,
                                                                          "ct_cuda.so")):
    os.environ["CTENSOR_PLUGIN_PATH"] = _module_dir
if _PKG not in sys.path:
    sys.path.insert(0, _PKG)

ctensor = pytest.importorskip("ctensor")

if not ctensor.cuda.is_available():
    pytest.skip("ctensor has no CUDA here (no GPU, driver or CUDA module)",
                allow_module_level=True)

N = 1 << 20  # elements of the exchanged vectors


def _slow_then_fill(t, value):
    """Enqueues on ctensor's current stream a few large matrix products and then
    t.fill_(value): a consumer that does not wait for this stream reads the old data."""
    a = ctensor.rand(2048, 2048, device="cuda")
    for _ in range(12):
        a = a @ a / 2048
    t.fill_(value)
    return a


def _run(code, timeout=180):
    """Runs code in a fresh interpreter with this package and library."""
    env = dict(os.environ)
    env["PYTHONPATH"] = _PKG + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=timeout)


# ---- PyTorch 2.x (items 32, 33, 37, 38) ----------------------------------------------------------

@pytest.fixture(scope="module")
def torch():
    torch = pytest.importorskip("torch")
    if not torch.cuda.is_available():
        pytest.skip("PyTorch has no CUDA here")
    if int(torch.__version__.split(".")[0]) < 2:
        pytest.skip("needs PyTorch 2.x")
    return torch


def test_torch_shares_cuda_memory_both_ways(torch):
    t = ctensor.arange(float(N), device="cuda")
    tt = torch.from_dlpack(t)
    assert tt.is_cuda and tt.device.index == 0
    assert tt.data_ptr() == t.data_ptr() and tt.shape == (N,)
    tt.add_(1)
    torch.cuda.synchronize()
    assert t[5].item() == 6.0  # torch's write seen by ctensor
    t[7] = -3.0
    ctensor.cuda.synchronize()
    assert tt[7].item() == -3.0  # and ctensor's by torch
    x = torch.arange(12.0, device="cuda").reshape(3, 4)[:, 1:]
    c = ctensor.from_dlpack(x)
    assert c.is_cuda and c.data_ptr() == x.data_ptr()
    assert c.stride() == x.stride() and c.tolist() == x.tolist()
    c[0, 0] = 100.0
    ctensor.cuda.synchronize()
    assert x[0, 0].item() == 100.0


def test_torch_consumer_default_stream_waits_for_ctensor_side_stream(torch):
    """32: ctensor writes on its own stream; torch.from_dlpack passes stream=1 (the
    legacy default stream), which is made to wait, so torch's read sees the data."""
    s = ctensor.cuda.Stream()
    t = ctensor.zeros(N, device="cuda")
    ctensor.cuda.synchronize()
    with ctensor.cuda.stream(s):
        keep = _slow_then_fill(t, 7)
        tt = torch.from_dlpack(t)
    assert int((tt == 7).sum().item()) == N
    del keep


def test_torch_side_stream_consumer_waits(torch):
    """32: torch consuming on its own side stream passes that stream's pointer."""
    s = ctensor.cuda.Stream()
    ts = torch.cuda.Stream()
    t = ctensor.zeros(N, device="cuda")
    ctensor.cuda.synchronize()
    with ctensor.cuda.stream(s):
        keep = _slow_then_fill(t, 3)
        with torch.cuda.stream(ts):
            tt = torch.from_dlpack(t)
            ok = int((tt == 3).sum().item())
    assert ok == N
    del keep


def test_torch_stream_minus_one_means_no_sync(torch):
    """32: stream=-1: ctensor does nothing; the caller synchronises."""
    s = ctensor.cuda.Stream()
    t = ctensor.zeros(N, device="cuda")
    with ctensor.cuda.stream(s):
        keep = _slow_then_fill(t, 5)
        cap = t.__dlpack__(stream=-1)
    s.synchronize()
    tt = torch.from_dlpack(cap)
    assert int((tt == 5).sum().item()) == N
    del keep


def test_ctensor_consumer_waits_for_torch_side_stream(torch):
    """32 (other way): torch writes on a side stream; ctensor.from_dlpack inside that
    stream's block gets data that is complete on ctensor's current stream."""
    ts = torch.cuda.Stream()
    x = torch.zeros(N, device="cuda")
    torch.cuda.synchronize()
    with torch.cuda.stream(ts):
        a = torch.rand(2048, 2048, device="cuda")
        for _ in range(12):
            a = a @ a / 2048
        x.fill_(9)
        c = ctensor.from_dlpack(x)
    assert c.data_ptr() == x.data_ptr()
    assert c.sum().item() == 9 * N


def test_torch_stream_arguments(torch):
    """33: None and 1 are the legacy default stream, 2 the per-thread one (or a
    BufferError), 0 and < -1 a ValueError."""
    t = ctensor.ones(4, device="cuda")
    for s in (None, 1, -1):
        assert torch.from_dlpack(t.__dlpack__(stream=s)).data_ptr() == t.data_ptr()
    try:
        t.__dlpack__(stream=2)
    except BufferError:
        pass
    for s in (0, -2):
        with pytest.raises(ValueError):
            t.__dlpack__(stream=s)


def test_torch_exchange_api_consumer(torch):
    """37: ctensor.from_dlpack of a sliced torch CUDA tensor (through torch's C exchange
    API where it has one): same memory, strides kept, deleter once."""
    base = torch.arange(20.0, device="cuda").reshape(4, 5)
    x = base[1:, ::2]
    before = sys.getrefcount(x)
    c = ctensor.from_dlpack(x)
    assert c.data_ptr() == x.data_ptr() and c.stride() == x.stride()
    assert c.tolist() == x.tolist()
    del c
    import gc
    gc.collect()
    assert sys.getrefcount(x) <= before


def test_pinned_memory_exchange(torch):
    """38: a pinned ctensor tensor reports the same device in __dlpack_device__ and its
    capsule, and imports into torch and NumPy without a copy."""
    np = pytest.importorskip("numpy")
    p = ctensor.arange(8.0).pin_memory()
    assert p.is_pinned()
    dev = tuple(int(v) for v in p.__dlpack_device__())
    assert dev in ((1, 0), (3, 0))
    tp = torch.from_dlpack(p)
    assert tp.data_ptr() == p.data_ptr() and tp.tolist() == p.tolist()
    a = np.from_dlpack(p)
    assert a.ctypes.data == p.data_ptr()


# ---- NumPy 2.x (item 36) ------------------------------------------------------------------------

def test_numpy_refuses_cuda_and_copies_to_host():
    np = pytest.importorskip("numpy")
    t = ctensor.arange(6.0, device="cuda")
    with pytest.raises((BufferError, RuntimeError, TypeError, ValueError)):
        np.from_dlpack(t)
    try:
        a = np.from_dlpack(t, device="cpu")
    except TypeError:
        pytest.skip("this NumPy's from_dlpack takes no device=")
    assert a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]


# ---- CuPy (item 34) -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cupy():
    cupy = pytest.importorskip("cupy")
    try:
        if cupy.cuda.runtime.getDeviceCount() < 1:
            pytest.skip("CuPy sees no GPU")
    except Exception as exc:  # noqa: BLE001 - CuPy without a usable driver
        pytest.skip("CuPy has no usable CUDA: %s" % exc)
    return cupy


def test_cupy_shares_cuda_memory_both_ways(cupy):
    t = ctensor.arange(float(N), device="cuda")
    a = cupy.from_dlpack(t)
    assert a.data.ptr == t.data_ptr() and a.shape == (N,)
    a += 1
    cupy.cuda.runtime.deviceSynchronize()
    assert t[3].item() == 4.0
    b = cupy.arange(10, dtype=cupy.float32)
    c = ctensor.from_dlpack(b)
    assert c.data_ptr() == b.data.ptr and c.is_cuda
    c[2] = 50.0
    ctensor.cuda.synchronize()
    assert float(b[2]) == 50.0


def test_cupy_consumer_waits_for_ctensor_side_stream(cupy):
    s = ctensor.cuda.Stream()
    t = ctensor.zeros(N, device="cuda")
    ctensor.cuda.synchronize()
    with ctensor.cuda.stream(s):
        keep = _slow_then_fill(t, 7)
        a = cupy.from_dlpack(t)  # CuPy passes its current stream (1: legacy default)
    assert int((a == 7).sum()) == N
    del keep


def test_ctensor_consumer_waits_for_cupy_side_stream(cupy):
    cs = cupy.cuda.Stream(non_blocking=True)
    x = cupy.zeros(N, dtype=cupy.float32)
    cupy.cuda.runtime.deviceSynchronize()
    with cs:
        m = cupy.random.rand(2048, 2048, dtype=cupy.float32)
        for _ in range(12):
            m = m @ m / 2048
        x.fill(4)
        c = ctensor.from_dlpack(x)  # ctensor passes stream=1; CuPy makes it wait
    assert c.sum().item() == 4 * N


def test_cupy_negative_strides_do_not_crash():
    """34: CuPy 14.2 exports [::-2] with wrong (huge) strides; ctensor refuses them."""
    pytest.importorskip("cupy")
    r = _run("""
        import cupy, ctensor
        x = cupy.arange(8.0)[::-2]
        try:
            c = ctensor.from_dlpack(x)
        except (BufferError, ValueError, RuntimeError) as e:
            print("refused", type(e).__name__)
        else:
            print("imported", c.tolist() == x.get().tolist())
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("refused") or r.stdout.strip() == "imported True", r.stdout


# ---- JAX (item 35) ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def jax():
    jax = pytest.importorskip("jax")
    try:
        if not jax.devices("gpu"):
            pytest.skip("JAX sees no GPU")
    except RuntimeError as exc:
        pytest.skip("JAX has no GPU backend: %s" % exc)
    return jax


def test_jax_imports_ctensor_cuda(jax):
    """35: JAX passes its own stream pointer (> 2), which ctensor makes wait."""
    import jax.dlpack
    s = ctensor.cuda.Stream()
    t = ctensor.zeros(N, device="cuda")
    ctensor.cuda.synchronize()
    with ctensor.cuda.stream(s):
        keep = _slow_then_fill(t, 2)
        j = jax.dlpack.from_dlpack(t)
    assert float(j.sum()) == 2.0 * N
    if hasattr(j, "unsafe_buffer_pointer"):
        assert j.unsafe_buffer_pointer() == t.data_ptr()
    del keep


def test_ctensor_imports_jax_read_only(jax):
    """35: a JAX array comes in as a legacy capsule, zero-copy and read-only."""
    import jax.numpy as jnp
    x = jax.device_put(jnp.arange(16.0, dtype=jnp.float32), jax.devices("gpu")[0])
    x.block_until_ready()
    c = ctensor.from_dlpack(x)
    assert c.is_cuda and c.tolist() == [float(v) for v in range(16)]
    if hasattr(x, "unsafe_buffer_pointer"):
        assert c.data_ptr() == x.unsafe_buffer_pointer()
    with pytest.raises(ctensor.ReadOnlyError):
        c[0] = 1.0
