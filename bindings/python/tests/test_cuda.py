"""ctensor.cuda, CUDA tensors, pinned memory and the DLPack stream handshake.

The first part runs everywhere: on a machine without CUDA (no ct_cuda.so
module, no driver or no GPU) it checks that is_available() is False,
device_count() 0, and that everything needing a GPU raises
BackendUnavailableError with the library's reason; the rest (devices parsed,
allow_tf32, argument errors) does not need a GPU at all. The second part
(class-level ``gpu`` mark) runs only where ctensor.cuda.is_available().
"""

import gc
import os
import random
import subprocess
import sys
import textwrap

import pytest

import ctensor
from ctensor import _capi

HAVE_CUDA = ctensor.cuda.is_available()
gpu = pytest.mark.skipif(not HAVE_CUDA, reason="CUDA is not available (no GPU, driver or "
                                               "CUDA module)")
no_gpu = pytest.mark.skipif(HAVE_CUDA, reason="this machine has CUDA")


# ---- everywhere --------------------------------------------------------------------------

def test_module_is_importable_as_torch_cuda():
    import ctensor.cuda as c
    import ctensor.backends.cuda as bc
    assert c is ctensor.cuda is sys.modules["ctensor.cuda"]
    assert bc is ctensor.backends.cuda
    for name in ("is_available", "device_count", "current_device", "set_device", "synchronize",
                 "get_device_name", "get_device_capability", "get_device_properties",
                 "mem_get_info", "memory_allocated", "memory_reserved", "max_memory_allocated",
                 "reset_peak_memory_stats", "empty_cache", "Stream", "ExternalStream", "Event",
                 "current_stream", "default_stream", "set_stream", "stream", "device"):
        assert hasattr(c, name), name


def test_device_failure_error_is_mapped():
    from ctensor._errors import ERRORS
    err = ERRORS[12]
    assert err is ctensor.DeviceFailureError
    assert err.code == _capi.CT_ERR_DEVICE_FAILURE == 12
    assert err.kind == "DEVICE_FAILURE"
    assert issubclass(err, ctensor.CTensorError) and issubclass(err, RuntimeError)
    assert err.__module__ == "ctensor"


def test_device_failure_status_name():
    from ctensor._lib import lib
    assert lib.ct_status_name(12) == b"CT_ERR_DEVICE_FAILURE"
    assert lib.ct_status_string(12)


@no_gpu
def test_unavailable_reports_false_and_zero():
    assert ctensor.cuda.is_available() is False
    assert ctensor.cuda.device_count() == 0
    assert ctensor.cuda.is_initialized() is False


def _unavailable(fn):
    with pytest.raises(ctensor.BackendUnavailableError) as info:
        fn()
    msg = str(info.value)
    assert msg.strip(), "the error carries no reason"
    assert "cuda" in msg.lower()  # the C library's reason names what is missing
    assert isinstance(info.value, RuntimeError)
    return msg


@no_gpu
def test_cuda_tensor_creation_says_why():
    msg = _unavailable(lambda: ctensor.ones(2, device="cuda"))
    assert "cuda" in msg.lower()
    _unavailable(lambda: ctensor.zeros(2, device=ctensor.device("cuda", 0)))
    _unavailable(lambda: ctensor.tensor([1, 2], device="cuda:1"))
    _unavailable(lambda: ctensor.ones(2).cuda())
    _unavailable(lambda: ctensor.ones(2).cuda(0))
    _unavailable(lambda: ctensor.ones(2).to("cuda"))
    _unavailable(lambda: ctensor.ones(2).to("cuda", non_blocking=True))
    _unavailable(lambda: ctensor.ones(2).to("cuda", ctensor.float64, True))


NEEDS_GPU = {
    "current_device": lambda c: c.current_device(),
    "set_device": lambda c: c.set_device(0),
    "synchronize": lambda c: c.synchronize(),
    "get_device_name": lambda c: c.get_device_name(),
    "get_device_capability": lambda c: c.get_device_capability(0),
    "get_device_properties": lambda c: c.get_device_properties(0),
    "mem_get_info": lambda c: c.mem_get_info(),
    "memory_allocated": lambda c: c.memory_allocated(),
    "memory_reserved": lambda c: c.memory_reserved(0),
    "max_memory_allocated": lambda c: c.max_memory_allocated(),
    "reset_peak_memory_stats": lambda c: c.reset_peak_memory_stats(),
    "empty_cache": lambda c: c.empty_cache(),
    "Stream": lambda c: c.Stream(),
    "Stream_priority": lambda c: c.Stream(priority=-1),
    "ExternalStream": lambda c: c.ExternalStream(0x1234),
    "Event": lambda c: c.Event(),
    "Event_timing": lambda c: c.Event(enable_timing=True),
    "current_stream": lambda c: c.current_stream(),
    "default_stream": lambda c: c.default_stream(),
    "device_ctx": lambda c: c.device(0).__enter__(),
    "pin_memory": lambda c: ctensor.ones(3).pin_memory(),
    "zeros_pinned": lambda c: ctensor.zeros(3, pin_memory=True),
    "tensor_pinned": lambda c: ctensor.tensor([1.0], pin_memory=True),
}


@no_gpu
@pytest.mark.parametrize("name", sorted(NEEDS_GPU))
def test_gpu_functions_raise_backend_unavailable(name):
    _unavailable(lambda: NEEDS_GPU[name](ctensor.cuda))


@no_gpu
def test_cpu_work_still_fine_without_cuda():
    x = ctensor.arange(4.0)
    assert x.is_cuda is False and x.is_pinned() is False
    assert x.cpu() is x and x.to("cpu", non_blocking=True) is x
    y = x.to(ctensor.float64, non_blocking=True)
    assert y.dtype is ctensor.float64 and y.tolist() == [0.0, 1.0, 2.0, 3.0]
    z = ctensor.zeros(4)
    assert z.copy_(x, non_blocking=True) is z and z.tolist() == x.tolist()
    c = x.to("cpu", copy=True, non_blocking=True)
    assert c is not x and c.data_ptr() != x.data_ptr() and c.tolist() == x.tolist()
    # contexts that name no device do nothing, as torch's
    with ctensor.cuda.device(None), ctensor.cuda.device(-1), ctensor.cuda.stream(None):
        pass
    ctensor.cuda.set_device(-1)  # a negative index does nothing


def test_allow_tf32_round_trip():
    matmul = ctensor.backends.cuda.matmul
    before = matmul.allow_tf32
    assert before is False  # PyTorch's default
    try:
        matmul.allow_tf32 = True
        assert matmul.allow_tf32 is True
        matmul.allow_tf32 = False
        assert matmul.allow_tf32 is False
    finally:
        matmul.allow_tf32 = before
    with pytest.raises(TypeError):
        matmul.allow_tf32 = "yes"
    assert "allow_tf32" in repr(matmul)


def test_cuda_device_parsing():
    d = ctensor.device("cuda:1")
    assert (d.type, d.index) == ("cuda", 1) and str(d) == "cuda:1"
    assert ctensor.device("cuda", 0) == ctensor.device("cuda:0") == ctensor.device(0)
    assert ctensor.device("cuda").index is None
    idx = ctensor.cuda._index
    assert idx(None) == -1 and idx("cuda") == -1 and idx("cuda:1") == 1
    assert idx(ctensor.device("cuda", 3)) == 3 and idx(2) == 2
    assert ctensor.cuda.device("cuda:1").idx == 1
    assert ctensor.cuda.device(ctensor.device("cuda", 2)).idx == 2


@pytest.mark.parametrize("bad, exc", [
    ("cpu", ValueError), (ctensor.device("cpu"), ValueError), (1.5, TypeError),
    (True, TypeError), ("cuda:x", RuntimeError), (-2, ValueError), ([0], TypeError),
])
def test_bad_device_arguments(bad, exc):
    with pytest.raises(exc):
        ctensor.cuda.get_device_name(bad)
    with pytest.raises(exc):
        ctensor.cuda.device(bad)


def test_bad_arguments_fail_before_c():
    c = ctensor.cuda
    with pytest.raises(TypeError):
        c.Stream(priority="high")
    with pytest.raises(TypeError):
        c.ExternalStream("0x1234")
    with pytest.raises(ValueError):
        c.ExternalStream(-5)
    with pytest.raises(TypeError):
        c.set_stream("default")
    with pytest.raises(TypeError):
        c.stream(42)
    with pytest.raises(RuntimeError, match="cuda"):
        ctensor.ones(2).cuda("cpu")


def test_dlpack_stream_on_cpu_tensors():
    t = ctensor.arange(3.0)
    assert tuple(t.__dlpack_device__()) == (1, 0)
    t.__dlpack__()
    t.__dlpack__(stream=None)
    t.__dlpack__(stream=-1)
    for s in (1, 2, 3, 0):
        with pytest.raises(ValueError, match="CPU"):
            t.__dlpack__(stream=s)
    with pytest.raises(TypeError):
        t.__dlpack__(stream="1")
    with pytest.raises(TypeError):
        t.__dlpack__(1)


def test_dlpack_after_a_stream_was_set_cpu_exports_are_unchanged():
    """Once a non-default stream has been made current, Tensor.__dlpack__ checks the
    device for stream=None (a CUDA export must then synchronise); CPU exports behave
    exactly as before."""
    from ctensor import _dlpack
    from dlpack_util import capsule_name
    before = ctensor.Tensor.__dlpack__
    try:
        _dlpack._streams_set()
        assert ctensor.Tensor.__dlpack__ is not before
        assert ctensor.Tensor.__dlpack__.__name__ == "__dlpack__"
        t = ctensor.arange(4.0)
        assert capsule_name(t.__dlpack__()) == b"dltensor"
        assert capsule_name(t.__dlpack__(max_version=(1, 3))) == b"dltensor_versioned"
        assert capsule_name(t.__dlpack__(stream=-1)) == b"dltensor"
        assert ctensor.from_dlpack(t.__dlpack__()).data_ptr() == t.data_ptr()
        with pytest.raises(ValueError, match="CPU"):
            t.__dlpack__(stream=5)
        with pytest.raises(TypeError):
            t.__dlpack__(stream="5")
    finally:
        ctensor.Tensor.__dlpack__ = before


def test_dlpack_sync_refuses_bad_cuda_streams_before_c():
    for bad in (0, -2, -100):
        with pytest.raises(ValueError):
            ctensor.cuda._dlpack_sync(0, bad)
    assert ctensor.cuda._dlpack_sync(0, -1) is None  # no synchronisation at all


def test_to_positional_non_blocking_and_copy():
    x = ctensor.arange(3, dtype=ctensor.float32)
    assert x.to(ctensor.float32, True) is x
    y = x.to(ctensor.float32, True, True)
    assert y is not x and y.data_ptr() != x.data_ptr() and y.tolist() == x.tolist()
    z = x.to("cpu", ctensor.float64, True, False)
    assert z.dtype is ctensor.float64 and z.tolist() == [0.0, 1.0, 2.0]
    w = x.to(x, non_blocking=True, copy=True)
    assert w is not x and w.tolist() == x.tolist()


class _CudaProducer:
    """A producer that says its data is on CUDA device 0 and records its calls."""

    def __init__(self):
        self.calls = []

    def __dlpack_device__(self):
        return (2, 0)

    def __dlpack__(self, **kw):
        self.calls.append(kw)
        raise BufferError("no data here")


@no_gpu
def test_from_dlpack_of_a_cuda_producer_without_cuda():
    p = _CudaProducer()
    with pytest.raises(RuntimeError) as info:
        ctensor.from_dlpack(p)
    assert "cuda" in str(info.value).lower() or isinstance(info.value, BufferError)


@gpu
def test_from_dlpack_passes_the_current_stream():
    p = _CudaProducer()
    with pytest.raises(BufferError):
        ctensor.from_dlpack(p)
    assert p.calls[0]["stream"] == 1  # the legacy default stream
    s = ctensor.cuda.Stream()
    with ctensor.cuda.stream(s):
        p = _CudaProducer()
        with pytest.raises(BufferError):
            ctensor.from_dlpack(p)
    assert p.calls[0]["stream"] == s.cuda_stream != 0


# ---- with the build's fake CUDA modules (tests/plugin_*.c, built by make check) ---------------

_TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__)))))


def _fake_module(name):
    """The directory of the fake ct_cuda.so tests/plugins/<name>, or a skip."""
    d = os.path.join(_TOP, "tests", "plugins", name, ".libs")
    if not os.path.isfile(os.path.join(d, "ct_cuda.so")):
        pytest.skip("the fake CUDA module tests/plugins/%s is not built (make check builds it)"
                    % name)
    return d


def _run_with_module(module_dir, code):
    from ctensor import _lib
    env = dict(os.environ)
    pkg = os.path.dirname(os.path.dirname(os.path.abspath(ctensor.__file__)))
    env["PYTHONPATH"] = pkg + os.pathsep + env.get("PYTHONPATH", "")
    env["CTENSOR_LIBRARY"] = os.path.abspath(_lib.path)
    env["CTENSOR_PLUGIN_PATH"] = module_dir
    r = subprocess.run([sys.executable, "-W", "ignore", "-c", textwrap.dedent(code)], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_a_module_whose_init_fails_is_reported():
    """A CUDA module that loads but finds no GPU: is_available() False and its reason in
    every error."""
    out = _run_with_module(_fake_module("initfail"), """
        import ctensor
        print(ctensor.cuda.is_available(), ctensor.cuda.device_count())
        for f in (lambda: ctensor.ones(2, device="cuda"), ctensor.cuda.Stream,
                  ctensor.cuda.current_device):
            try:
                f()
            except ctensor.BackendUnavailableError as e:
                print("no GPU here" in str(e))
    """)
    assert out.split() == ["False", "0", "True", "True", "True"]


def test_cuda_tensors_on_the_fake_module():
    """The fake module: one "device" of host memory, no kernels and no streams. Enough to
    check CUDA tensors' devices and the __dlpack__ stream rules without a GPU."""
    out = _run_with_module(_fake_module("fake"), """
        import ctensor
        print(ctensor.cuda.is_available(), ctensor.cuda.device_count())
        z = ctensor.zeros(4, device="cuda")
        print(z.is_cuda, z.device, tuple(int(v) for v in z.__dlpack_device__()))
        print(z.cuda() is z, z.to("cuda:0") is z, z.to("cuda:0", non_blocking=True) is z)
        for s in (0, -2, 1.0):
            try:
                z.__dlpack__(stream=s)
            except (ValueError, TypeError) as e:
                print(type(e).__name__)
        r = ctensor.from_dlpack(z.__dlpack__(stream=-1))
        print(r.data_ptr() == z.data_ptr(), r.device)
        r = ctensor.from_dlpack(z.__dlpack__())
        print(r.data_ptr() == z.data_ptr())
    """)
    assert out.splitlines() == [
        "True 1", "True cuda:0 (2, 0)", "True True True", "ValueError", "ValueError",
        "TypeError", "True cuda:0", "True"]


# ---- GPU ---------------------------------------------------------------------------------------

@gpu
def test_seed_cuda_example():
    """The seed document's CUDA block (test_seed.py checks what it prints)."""
    from test_seed import EXAMPLES
    code = EXAMPLES[4][0]
    x = ctensor.randn(1)
    ns = {"torch": ctensor, "x": x}
    import contextlib
    import io
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        exec(compile(code, "<seed>", "exec"), ns)
    lines = buf.getvalue().splitlines()
    assert len(lines) == 2 and lines[0].endswith("device='cuda:0')")
    assert "device" not in lines[1] and "dtype=ctensor.float64" in lines[1]
    assert ns["z"].device == ctensor.device("cuda", 0)
    zc = ns["z"].to("cpu", ctensor.double)
    assert zc.dtype is ctensor.float64 and zc.device.type == "cpu"
    assert zc.item() == pytest.approx(x.item() + 1.0, rel=1e-6)


@gpu
def test_device_queries():
    c = ctensor.cuda
    assert c.is_available() and c.device_count() >= 1 and c.is_initialized()
    assert c.current_device() == 0
    c.set_device(0)
    name = c.get_device_name()
    assert name and name == c.get_device_name(0) == c.get_device_name("cuda:0")
    major, minor = c.get_device_capability()
    assert major >= 3 and minor >= 0
    props = c.get_device_properties(0)
    assert props.name == name and (props.major, props.minor) == (major, minor)
    assert props.total_memory > 0 and props.multi_processor_count > 0
    assert "multi_processor_count" in repr(props)
    free, total = c.mem_get_info()
    assert 0 < free <= total and total >= props.total_memory // 2
    c.synchronize()
    c.synchronize(0)
    with pytest.raises(ctensor.DeviceError):
        c.get_device_name(c.device_count())
    with pytest.raises(ctensor.DeviceError):
        c.set_device(c.device_count())
    with c.device(0) as ctx:
        assert c.current_device() == 0 and ctx.idx == 0
    t = ctensor.ones(1, device="cuda")
    with c.device_of(t):
        assert c.current_device() == 0


@gpu
def test_tensors_on_cuda():
    x = ctensor.arange(6.0).reshape(2, 3)
    g = x.cuda()
    assert g.is_cuda and not g.is_cpu and g.device == ctensor.device("cuda", 0)
    assert str(g.device) == "cuda:0" and "device='cuda:0'" in repr(g)
    assert g.cuda() is g and g.to("cuda") is g and g.to("cuda:0") is g
    assert g.cpu().tolist() == x.tolist() and g.tolist() == x.tolist()
    assert g.data_ptr() != 0 and g.cpu().device.type == "cpu"
    assert x.to("cuda", ctensor.float64).dtype is ctensor.float64
    assert x.cuda(0).device.index == 0 and x.cuda("cuda:0").device.index == 0
    assert g[1, 2].item() == 5.0
    assert ctensor.tensor([1, 2], device="cuda").tolist() == [1, 2]


@gpu
def test_pinned_memory_and_non_blocking_copies():
    x = ctensor.arange(1 << 16, dtype=ctensor.float32)
    assert not x.is_pinned()
    p = x.pin_memory()
    assert p.is_pinned() and p.device.type == "cpu" and p.pin_memory() is p
    assert p.tolist() == x.tolist()
    for fn in (lambda: ctensor.zeros(8, pin_memory=True),
               lambda: ctensor.empty(8, pin_memory=True),
               lambda: ctensor.ones(8, pin_memory=True),
               lambda: ctensor.full((8,), 2.0, pin_memory=True),
               lambda: ctensor.arange(8, pin_memory=True),
               lambda: ctensor.tensor([1.0, 2.0], pin_memory=True),
               lambda: x.new_zeros(4, pin_memory=True)):
        assert fn().is_pinned()
    with pytest.raises(RuntimeError):
        ctensor.zeros(2, device="cuda", pin_memory=True)
    g = p.to("cuda", non_blocking=True)
    back = ctensor.empty(1 << 16, pin_memory=True)
    back.copy_(g, non_blocking=True)
    ctensor.cuda.current_stream().synchronize()
    assert back.tolist() == x.tolist()
    h = g.cpu()  # a blocking copy into pageable memory waits by itself
    assert h.tolist() == x.tolist()
    assert g.to("cuda", non_blocking=True) is g
    assert g.to("cpu", ctensor.float64, non_blocking=True).dtype is ctensor.float64


@gpu
def test_streams():
    c = ctensor.cuda
    d = c.default_stream()
    assert d.cuda_stream == 0 and d.device == ctensor.device("cuda", 0)
    assert c.current_stream() == d
    s = c.Stream()
    hi = c.Stream(priority=-1)
    assert s.cuda_stream != 0 and s != d and hi != s
    assert "cuda_stream=0x" in repr(s)
    with c.stream(s) as entered:
        assert entered is s and c.current_stream() == s
        a = ctensor.ones(1 << 20, device="cuda")
        b = (a * 3).sum()
    assert c.current_stream() == d
    s.synchronize()
    assert s.query() is True
    assert b.item() == 3 * (1 << 20)
    d.wait_stream(s)
    ext = c.ExternalStream(s.cuda_stream)
    assert ext == s and ext.cuda_stream == s.cuda_stream
    del ext
    assert s.query()  # the external handle did not destroy s
    c.set_stream(s)
    try:
        assert c.current_stream() == s
    finally:
        c.set_stream(None)
    assert c.current_stream() == d
    ev = s.record_event()
    d.wait_event(ev)
    with pytest.raises(TypeError):
        s.wait_stream(42)


@gpu
def test_events():
    c = ctensor.cuda
    start, end = c.Event(enable_timing=True), c.Event(enable_timing=True)
    a = ctensor.rand(1024, 1024, device="cuda")
    start.record()
    for _ in range(5):
        a = a @ a / 1024
    end.record()
    end.synchronize()
    assert end.query() and start.query()
    ms = start.elapsed_time(end)
    assert ms >= 0.0
    plain = c.Event()
    plain.record()
    plain.synchronize()
    with pytest.raises(ValueError):
        plain.elapsed_time(end)
    blocking = c.Event(blocking=True)
    blocking.record(c.current_stream())
    blocking.wait(c.Stream())
    blocking.synchronize()
    with pytest.raises((ValueError, NotImplementedError)):
        c.Event(interprocess=True)


@gpu
def test_memory_stats():
    c = ctensor.cuda
    c.synchronize()
    gc.collect()
    c.empty_cache()
    base = c.memory_allocated()
    t = ctensor.empty(1 << 20, device="cuda")  # 4 MiB
    assert c.memory_allocated() >= base + (4 << 20)
    assert c.memory_reserved() >= c.memory_allocated()
    assert c.max_memory_allocated() >= c.memory_allocated()
    stats = c.memory_stats()
    assert stats["allocated_bytes.all.current"] == c.memory_allocated()
    del t
    assert c.memory_allocated() == base
    reserved = c.memory_reserved()
    c.reset_peak_memory_stats()
    assert c.max_memory_allocated() == base
    c.empty_cache()
    assert c.memory_reserved() <= reserved


@gpu
def test_allocator_stress_two_streams():
    """Random sizes allocated, written and freed across two streams; every value is what
    was written, and the statistics return to the baseline after del + empty_cache."""
    c = ctensor.cuda
    c.synchronize()
    gc.collect()
    c.empty_cache()
    base, base_reserved = c.memory_allocated(), c.memory_reserved()
    rng = random.Random(1234)
    streams = [c.Stream(), c.Stream()]
    live = []
    for i in range(400):
        s = streams[i % 2]
        with c.stream(s):
            n = rng.choice((1, 7, 512, 4096, 65536, 1 << 20, rng.randrange(1, 1 << 18)))
            t = ctensor.full((n,), float(i % 97), dtype=ctensor.float64, device="cuda")
            live.append((t, i % 97, n, s))
            if live and rng.random() < 0.45:
                live.pop(rng.randrange(len(live)))
    for t, v, n, s in live:
        with c.stream(s):
            assert t.sum().item() == pytest.approx(v * n)
    assert c.max_memory_allocated() >= c.memory_allocated() > base
    del live, t
    for s in streams:
        s.synchronize()
    gc.collect()
    assert c.memory_allocated() == base
    c.empty_cache()
    assert c.memory_allocated() == base
    assert c.memory_reserved() <= base_reserved


CREATORS = {
    "empty": lambda d: ctensor.empty(2, 3, device=d).zero_(),
    "zeros": lambda d: ctensor.zeros(2, 3, device=d),
    "ones": lambda d: ctensor.ones(2, 3, dtype=ctensor.int32, device=d),
    "full": lambda d: ctensor.full((2, 3), 2.5, device=d),
    "arange": lambda d: ctensor.arange(0, 10, 3, device=d),
    "arange_float": lambda d: ctensor.arange(0.0, 1.0, 0.25, device=d),
    "linspace": lambda d: ctensor.linspace(-1, 1, 5, device=d),
    "eye": lambda d: ctensor.eye(3, 4, device=d),
    "tensor": lambda d: ctensor.tensor([[1, 2], [3, 4]], device=d),
    "tensor_complex": lambda d: ctensor.tensor([1 + 2j, 3j], device=d),
    "rand": lambda d: (ctensor.manual_seed(7), ctensor.rand(4, 5, device=d))[1],
    "randint": lambda d: (ctensor.manual_seed(7), ctensor.randint(0, 100, (4, 5), device=d))[1],
    "randn": lambda d: (ctensor.manual_seed(7), ctensor.randn(4, 5, device=d))[1],
    "zeros_like": lambda d: ctensor.zeros_like(ctensor.ones(2, 2, device=d)),
    "ones_like": lambda d: ctensor.ones_like(ctensor.zeros(2, 2), device=d),
    "full_like": lambda d: ctensor.full_like(ctensor.zeros(3, device=d), 4),
    "empty_like": lambda d: ctensor.empty_like(ctensor.zeros(3, device=d)).fill_(1),
    "rand_like": lambda d: (ctensor.manual_seed(3),
                            ctensor.rand_like(ctensor.zeros(6, device=d)))[1],
    "randn_like": lambda d: (ctensor.manual_seed(3),
                             ctensor.randn_like(ctensor.zeros(6, device=d)))[1],
    "randint_like": lambda d: (ctensor.manual_seed(3),
                               ctensor.randint_like(ctensor.zeros(6, device=d), 10))[1],
    "new_zeros": lambda d: ctensor.ones(1, device=d).new_zeros(2, 2),
    "new_ones": lambda d: ctensor.ones(1, device=d).new_ones(2, 2),
    "new_full": lambda d: ctensor.ones(1, device=d).new_full((2,), 9),
    "new_empty": lambda d: ctensor.ones(1, device=d).new_empty(2).fill_(0),
    "new_tensor": lambda d: ctensor.ones(1, device=d).new_tensor([5, 6]),
}


@gpu
@pytest.mark.parametrize("name", sorted(CREATORS))
def test_creation_on_cuda_equals_cpu(name):
    g = CREATORS[name]("cuda")
    h = CREATORS[name]("cpu")
    assert g.is_cuda and g.device.index == 0
    assert (g.shape, g.dtype) == (h.shape, h.dtype)
    if name.startswith("randn"):
        # the same Philox numbers; the normal transform may round differently
        assert all(a == pytest.approx(b, rel=1e-5, abs=1e-6)
                   for a, b in zip(g.flatten().tolist(), h.flatten().tolist()))
    else:
        assert g.tolist() == h.tolist()  # uniform and integer draws are bitwise equal


OPS = {
    "add": lambda a, b: a + b,
    "sub_alpha": lambda a, b: ctensor.sub(a, b, alpha=2),
    "mul_scalar": lambda a, b: a * 2.5,
    "div": lambda a, b: a / (b.abs() + 1),
    "neg_exp": lambda a, b: (-a).exp(),
    "sqrt_abs": lambda a, b: a.abs().sqrt(),
    "broadcast": lambda a, b: a + b[0],
    "compare": lambda a, b: a > b,
    "where": lambda a, b: ctensor.where(a > 0, a, b),
    "sum": lambda a, b: a.sum(),
    "sum_dim": lambda a, b: a.sum(1),
    "mean": lambda a, b: a.mean(0),
    "max": lambda a, b: a.max(),
    "argmax": lambda a, b: a.argmax(1),
    "matmul": lambda a, b: a @ b.T,
    "transpose_contiguous": lambda a, b: a.T.contiguous(),
    "index": lambda a, b: a[1:, ::2],
    "index_tensor": lambda a, b: a[ctensor.tensor([0, 2], device=a.device)],
    "cat": lambda a, b: ctensor.cat([a, b], 0),
    "to_int": lambda a, b: (a * 10).long(),
    "setitem": lambda a, b: _setitem(a.clone()),
}


def _setitem(t):
    t[0] = 5
    t[:, 1] = -1
    return t


@gpu
@pytest.mark.parametrize("name", sorted(OPS))
def test_ops_on_cuda_equal_cpu(name):
    ctensor.manual_seed(11)
    a = ctensor.randn(3, 4, dtype=ctensor.float64)
    b = ctensor.randn(3, 4, dtype=ctensor.float64)
    want = OPS[name](a, b)
    got = OPS[name](a.cuda(), b.cuda())
    assert got.is_cuda and got.dtype is want.dtype and got.shape == want.shape
    w, g = want.flatten().tolist() if want.dim() else [want.item()], \
        got.flatten().tolist() if got.dim() else [got.item()]
    assert all(x == pytest.approx(y, rel=1e-12, abs=1e-12) for x, y in zip(g, w))


@gpu
def test_cuda_and_cpu_operands_do_not_mix():
    with pytest.raises(RuntimeError):
        ctensor.ones(2, device="cuda") + ctensor.ones(2)


@gpu
def test_dlpack_device_and_stream_arguments():
    t = ctensor.arange(8.0, device="cuda")
    assert tuple(t.__dlpack_device__()) == (2, 0)
    for s in (None, 1, -1, 2):
        try:
            cap = t.__dlpack__(stream=s)
        except BufferError:
            assert s == 2  # the per-thread default stream may be refused
            continue
        r = ctensor.from_dlpack(cap)
        assert r.data_ptr() == t.data_ptr() and r.is_cuda
    side = ctensor.cuda.Stream()
    t.__dlpack__(stream=side.cuda_stream)
    with pytest.raises(ValueError):
        t.__dlpack__(stream=0)
    with pytest.raises(ValueError):
        t.__dlpack__(stream=-2)
    with pytest.raises(TypeError):
        t.__dlpack__(stream=1.0)
    v = t.__dlpack__(max_version=(1, 0), stream=1)
    assert ctensor.from_dlpack(v).data_ptr() == t.data_ptr()


@gpu
def test_dlpack_handshake_with_ctensor_side_stream():
    """Work enqueued on a side stream is complete for a consumer on the legacy default
    stream when the export happens inside the stream block."""
    c = ctensor.cuda
    s = c.Stream()
    out = ctensor.zeros(1 << 20, device="cuda")
    c.synchronize()
    with c.stream(s):
        a = ctensor.rand(2048, 2048, device="cuda")
        for _ in range(8):
            a = a @ a / 2048
        out.fill_(7)
        cap = out.__dlpack__(stream=1)
    r = ctensor.from_dlpack(cap)
    assert r.sum().item() == 7 * (1 << 20)  # read on the default stream
