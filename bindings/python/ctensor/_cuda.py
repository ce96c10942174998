"""ctensor.cuda: CUDA devices, streams, events and memory, as torch.cuda.

Everything here calls include/ctensor/cuda.h. The CUDA backend is a module of
the C library loaded on first use; without it, a driver or a GPU,
``is_available()`` is False, ``device_count()`` 0, and every function that
needs a GPU raises :class:`ctensor.BackendUnavailableError` with the
library's message saying why.

Streams and the current device are per thread, as in PyTorch: until a stream
is set, work goes to the device's legacy default stream (``cuda_stream`` 0).
"""

from ctypes import byref, c_bool, c_float, c_int32, c_int64, c_void_p, create_string_buffer

from . import _capi
from . import _device as _dev
from ._device import device as _Device
from ._errors import error_from_status
from ._lib import lib

__all__ = [
    "is_available", "device_count", "current_device", "set_device", "synchronize",
    "get_device_name", "get_device_capability", "get_device_properties", "mem_get_info",
    "memory_allocated", "memory_reserved", "max_memory_allocated", "max_memory_reserved",
    "reset_peak_memory_stats", "reset_max_memory_allocated", "memory_stats", "empty_cache",
    "Stream", "ExternalStream", "Event", "current_stream", "default_stream", "set_stream",
    "stream", "StreamContext", "device", "device_of", "is_initialized", "init",
]

_CUDA = _capi.CT_DEVICE_CUDA


def _raise(st):
    raise error_from_status(st)


def _fn(name):
    """The C function name; a library older than the headers lacks it: BackendUnavailableError."""
    f = getattr(lib, name, None)
    if f is None:
        from ._errors import BackendUnavailableError
        raise BackendUnavailableError("%s: the loaded libctensor is older than these bindings "
                                      "and has no CUDA API; rebuild it" % name)
    return f


class _State:
    """Whether a stream other than a device's default was ever made current (only
    then can a DLPack export of a CUDA tensor with stream=None need a
    synchronisation); on_streams_set is called the first time (_dlpack.py then
    installs the Tensor.__dlpack__ that checks)."""

    streams_set = False
    on_streams_set = None


state = _State()


# ---- devices --------------------------------------------------------------------------------

def is_available():
    """Whether CUDA can be used: the CUDA module loads, a driver is present and there is a GPU."""
    f = getattr(lib, "ct_cuda_is_available", None)
    if f is None:  # an older library: ask the backend registry
        return _dev.backend_available(_CUDA) and _dev.device_count(_CUDA) > 0
    out = c_bool()
    st = f(byref(out))
    if st:
        _raise(st)
    return out.value


def device_count():
    """The number of CUDA devices (0 without the module, a driver or a GPU)."""
    f = getattr(lib, "ct_cuda_device_count", None)
    if f is None:
        return _dev.device_count(_CUDA)
    out = c_int32()
    st = f(byref(out))
    if st:
        _raise(st)
    return out.value


def is_initialized():
    """Whether CUDA can be used (ctensor initialises it on first use, so this is is_available())."""
    return is_available()


def init():
    """Loads the CUDA backend now (it loads itself on first use); raises when it cannot."""
    current_device()


def _index(d, optional=True):
    """A device argument as a C device index: None (when optional) and -1 mean the
    current device; an int, "cuda", "cuda:N" or a ctensor.device of type cuda."""
    if d is None:
        if optional:
            return -1
        raise ValueError("Expected a cuda device, but got: None")
    if isinstance(d, bool):
        raise TypeError("device must be an int, a string or a ctensor.device, not bool")
    if isinstance(d, int):
        if d < -1:
            raise ValueError("Expected a cuda device index >= -1, got %d" % d)
        return d
    if isinstance(d, str):
        d = _Device(d)
    elif hasattr(d, "__index__") and not isinstance(d, _Device):
        return _index(d.__index__(), optional)
    if not isinstance(d, _Device):
        raise TypeError("device must be an int, a string or a ctensor.device, not %s"
                        % type(d).__name__)
    if d.type != "cuda":
        raise ValueError("Expected a cuda device, but got: %s" % (d,))
    return -1 if d.index is None else d.index


def current_device():
    """The index of this thread's current CUDA device."""
    out = c_int32()
    st = _fn("ct_cuda_current_device")(byref(out))
    if st:
        _raise(st)
    return out.value


def set_device(device):
    """Sets this thread's current CUDA device (a negative index does nothing, as in torch)."""
    i = _index(device)
    if i < 0:
        return
    st = _fn("ct_cuda_set_device")(i)
    if st:
        _raise(st)


def synchronize(device=None):
    """Waits for all work on a device (default: the current one) to finish."""
    st = _fn("ct_cuda_synchronize")(_index(device))
    if st:
        _raise(st)


def get_device_name(device=None):
    """The name of a device ("NVIDIA H100 80GB HBM3")."""
    buf = create_string_buffer(256)
    st = _fn("ct_cuda_device_name")(buf, len(buf), _index(device))
    if st:
        _raise(st)
    return buf.value.decode("utf-8", "replace")


def get_device_capability(device=None):
    """The compute capability of a device as (major, minor): (9, 0) for an H100."""
    major, minor = c_int32(), c_int32()
    st = _fn("ct_cuda_device_capability")(byref(major), byref(minor), _index(device))
    if st:
        _raise(st)
    return major.value, minor.value


class _CudaDeviceProperties:
    """What get_device_properties returns: name, total_memory (bytes), major,
    minor and multi_processor_count, as torch's."""

    __slots__ = ("name", "total_memory", "major", "minor", "multi_processor_count")

    def __init__(self, name, total_memory, major, minor, multi_processor_count):
        self.name = name
        self.total_memory = total_memory
        self.major = major
        self.minor = minor
        self.multi_processor_count = multi_processor_count

    def __repr__(self):
        return ("_CudaDeviceProperties(name=%r, major=%d, minor=%d, total_memory=%dMB, "
                "multi_processor_count=%d)" % (self.name, self.major, self.minor,
                                               self.total_memory >> 20,
                                               self.multi_processor_count))


def get_device_properties(device=None):
    """The properties of a device (an object with name, total_memory, major, minor and
    multi_processor_count)."""
    i = _index(device)
    total, sms = c_int64(), c_int32()
    st = _fn("ct_cuda_device_properties")(byref(total), byref(sms), i)
    if st:
        _raise(st)
    major, minor = get_device_capability(i)
    return _CudaDeviceProperties(get_device_name(i), total.value, major, minor, sms.value)


def mem_get_info(device=None):
    """(free, total) device memory in bytes, as the driver reports them."""
    free, total = c_int64(), c_int64()
    st = _fn("ct_cuda_mem_get_info")(byref(free), byref(total), _index(device))
    if st:
        _raise(st)
    return free.value, total.value


# ---- memory ---------------------------------------------------------------------------------

def _stats(device):
    a, r, p = c_int64(), c_int64(), c_int64()
    st = _fn("ct_cuda_memory_stats")(byref(a), byref(r), byref(p), _index(device))
    if st:
        _raise(st)
    return a.value, r.value, p.value


def memory_allocated(device=None):
    """Bytes the caching allocator has handed to tensors on a device now."""
    return _stats(device)[0]


def memory_reserved(device=None):
    """Bytes the caching allocator holds from the driver on a device (allocated plus cached)."""
    return _stats(device)[1]


def max_memory_allocated(device=None):
    """The peak of memory_allocated since the start or the last reset_peak_memory_stats."""
    return _stats(device)[2]


def max_memory_reserved(device=None):
    """memory_reserved now (ctensor keeps no peak of reserved memory)."""
    return _stats(device)[1]


def memory_stats(device=None):
    """A few of torch.cuda.memory_stats' keys: allocated and reserved bytes now, and the
    peak of allocated bytes."""
    a, r, p = _stats(device)
    return {"allocated_bytes.all.current": a, "allocated_bytes.all.peak": p,
            "reserved_bytes.all.current": r}


def reset_peak_memory_stats(device=None):
    """Resets the peak of allocated bytes to the current value."""
    st = _fn("ct_cuda_reset_peak_memory_stats")(_index(device))
    if st:
        _raise(st)


reset_max_memory_allocated = reset_peak_memory_stats


def empty_cache():
    """Returns every cached block that no tensor uses to the driver (all devices)."""
    st = _fn("ct_cuda_empty_cache")()
    if st:
        _raise(st)


# ---- streams --------------------------------------------------------------------------------

class Stream:
    """A CUDA stream, as torch.cuda.Stream: ``Stream(device=None, priority=0)``
    makes a new non-blocking stream (lower priority numbers run first).
    ``cuda_stream`` is the cudaStream_t as an int, ``device`` its device."""

    __slots__ = ("_s", "__weakref__")

    def __init__(self, device=None, priority=0, **kwargs):
        if isinstance(priority, bool) or not isinstance(priority, int):
            raise TypeError("Stream(): priority must be an int, not %s" % type(priority).__name__)
        i = _index(device)
        out = c_void_p()
        st = _fn("ct_cuda_stream_create")(byref(out), i, priority)
        if st:
            _raise(st)
        self._s = out.value

    @classmethod
    def _own(cls, s):
        """A Stream owning one reference of the C handle s."""
        self = object.__new__(Stream)
        self._s = s
        return self

    def __del__(self, _release=getattr(lib, "ct_cuda_stream_release", None)):
        s = getattr(self, "_s", None)
        if s and _release is not None:
            _release(s)

    def _info(self):
        h, d = c_void_p(), c_int32()
        st = _fn("ct_cuda_stream_info")(byref(h), byref(d), self._s)
        if st:
            _raise(st)
        return h.value or 0, d.value

    @property
    def cuda_stream(self):
        """The cudaStream_t as an int (0: the legacy default stream)."""
        return self._info()[0]

    @property
    def device(self):
        """The stream's device (a ctensor.device)."""
        return _dev._from_code(_CUDA, self._info()[1])

    @property
    def device_index(self):
        return self._info()[1]

    def query(self):
        """Whether all work enqueued on the stream has finished (never blocks)."""
        done = c_bool()
        st = _fn("ct_cuda_stream_query")(byref(done), self._s)
        if st:
            _raise(st)
        return done.value

    def synchronize(self):
        """Waits until all work enqueued on the stream has finished."""
        st = _fn("ct_cuda_stream_synchronize")(self._s)
        if st:
            _raise(st)

    def wait_stream(self, stream):
        """Work enqueued on this stream from now on waits for the work already on stream."""
        if not isinstance(stream, Stream):
            raise TypeError("wait_stream(): expected a ctensor.cuda.Stream, not %s"
                            % type(stream).__name__)
        st = _fn("ct_cuda_stream_wait_stream")(self._s, stream._s)
        if st:
            _raise(st)

    def wait_event(self, event):
        """Work enqueued on this stream from now on waits for event."""
        if not isinstance(event, Event):
            raise TypeError("wait_event(): expected a ctensor.cuda.Event, not %s"
                            % type(event).__name__)
        event.wait(self)

    def record_event(self, event=None):
        """Records event (a new one when None) on this stream and returns it."""
        if event is None:
            event = Event()
        event.record(self)
        return event

    def __eq__(self, other):
        if not isinstance(other, Stream):
            return NotImplemented
        return self._info() == other._info()

    def __hash__(self):
        return hash(self._info())

    def __repr__(self):
        h, d = self._info()
        return "<ctensor.cuda.Stream device=cuda:%d cuda_stream=0x%x>" % (d, h)


class ExternalStream(Stream):
    """A stream made elsewhere (PyTorch's, CuPy's), from its cudaStream_t as an int;
    ctensor never destroys it. 1 is cudaStreamLegacy, 2 cudaStreamPerThread."""

    __slots__ = ()

    def __init__(self, stream_ptr, device=None, **kwargs):
        if isinstance(stream_ptr, bool) or not isinstance(stream_ptr, int):
            raise TypeError("ExternalStream(): stream_ptr must be an int, not %s"
                            % type(stream_ptr).__name__)
        if stream_ptr < 0:
            raise ValueError("ExternalStream(): stream_ptr must not be negative, got %d"
                             % stream_ptr)
        out = c_void_p()
        st = _fn("ct_cuda_stream_from_handle")(byref(out), stream_ptr or None, _index(device))
        if st:
            _raise(st)
        self._s = out.value


def current_stream(device=None):
    """This thread's current stream on a device (default: the current device)."""
    out = c_void_p()
    st = _fn("ct_cuda_current_stream")(byref(out), _index(device))
    if st:
        _raise(st)
    return Stream._own(out.value)


def default_stream(device=None):
    """The legacy default stream of a device (default: the current device)."""
    out = c_void_p()
    st = _fn("ct_cuda_default_stream")(byref(out), _index(device))
    if st:
        _raise(st)
    return Stream._own(out.value)


def set_stream(stream):
    """Makes stream this thread's current stream on its device (None: the current
    device's default stream)."""
    if stream is not None and not isinstance(stream, Stream):
        raise TypeError("set_stream(): expected a ctensor.cuda.Stream or None, not %s"
                        % type(stream).__name__)
    st = _fn("ct_cuda_set_stream")(None if stream is None else stream._s)
    if st:
        _raise(st)
    if stream is not None and not state.streams_set:
        state.streams_set = True
        if state.on_streams_set is not None:
            state.on_streams_set()


class StreamContext:
    """``with ctensor.cuda.stream(s):`` makes s the current stream of its device (and
    its device the current device) for the block, then restores both. None does nothing."""

    __slots__ = ("stream", "_prev_device", "_prev_stream")

    def __init__(self, stream):
        if stream is not None and not isinstance(stream, Stream):
            raise TypeError("stream(): expected a ctensor.cuda.Stream or None, not %s"
                            % type(stream).__name__)
        self.stream = stream
        self._prev_device = None
        self._prev_stream = None

    def __enter__(self):
        s = self.stream
        if s is None:
            return None
        prev_dev = current_device()
        _, d = s._info()
        if d != prev_dev:
            set_device(d)
        self._prev_device = prev_dev
        self._prev_stream = current_stream(d)
        set_stream(s)
        return s

    def __exit__(self, *exc):
        if self.stream is None:
            return False
        set_stream(self._prev_stream)
        self._prev_stream = None
        if self._prev_device is not None and self._prev_device != current_device():
            set_device(self._prev_device)
        return False


def stream(stream):
    """A context manager that makes stream current for a ``with`` block, as torch.cuda.stream."""
    return StreamContext(stream)


# ---- events ---------------------------------------------------------------------------------

class Event:
    """A CUDA event, as torch.cuda.Event(enable_timing=False, blocking=False,
    interprocess=False): record it on a stream, make other streams wait for it,
    query it, wait for it; elapsed_time(end) in milliseconds between two timing events."""

    __slots__ = ("_e", "__weakref__")

    def __init__(self, enable_timing=False, blocking=False, interprocess=False):
        flags = ((_capi.CT_CUDA_EVENT_TIMING if enable_timing else 0)
                 | (_capi.CT_CUDA_EVENT_BLOCKING_SYNC if blocking else 0)
                 | (_capi.CT_CUDA_EVENT_INTERPROCESS if interprocess else 0))
        out = c_void_p()
        st = _fn("ct_cuda_event_create")(byref(out), flags)
        if st:
            _raise(st)
        self._e = out.value

    def __del__(self, _release=getattr(lib, "ct_cuda_event_release", None)):
        e = getattr(self, "_e", None)
        if e and _release is not None:
            _release(e)

    @staticmethod
    def _stream(stream):
        if stream is None:
            return None
        if not isinstance(stream, Stream):
            raise TypeError("expected a ctensor.cuda.Stream or None, not %s"
                            % type(stream).__name__)
        return stream._s

    def record(self, stream=None):
        """Records the event on stream (default: the current stream)."""
        st = _fn("ct_cuda_event_record")(self._e, self._stream(stream))
        if st:
            _raise(st)

    def wait(self, stream=None):
        """Work enqueued on stream (default: the current stream) from now on waits for the event."""
        st = _fn("ct_cuda_event_wait")(self._e, self._stream(stream))
        if st:
            _raise(st)

    def query(self):
        """Whether the work before the event's record has finished."""
        done = c_bool()
        st = _fn("ct_cuda_event_query")(byref(done), self._e)
        if st:
            _raise(st)
        return done.value

    def synchronize(self):
        """Waits for the work before the event's record to finish."""
        st = _fn("ct_cuda_event_synchronize")(self._e)
        if st:
            _raise(st)

    def elapsed_time(self, end_event):
        """Milliseconds from this event's record to end_event's (both timing events)."""
        if not isinstance(end_event, Event):
            raise TypeError("elapsed_time(): expected a ctensor.cuda.Event, not %s"
                            % type(end_event).__name__)
        ms = c_float()
        st = _fn("ct_cuda_event_elapsed_time")(byref(ms), self._e, end_event._e)
        if st:
            _raise(st)
        return ms.value

    def __repr__(self):
        return "<ctensor.cuda.Event 0x%x>" % (self._e or 0)


# ---- the device context manager -------------------------------------------------------------

class device:
    """``with ctensor.cuda.device(d):`` makes d (an index, "cuda:N" or a device) the
    current CUDA device for the block, as torch.cuda.device; None or -1 do nothing."""

    __slots__ = ("idx", "prev_idx")

    def __init__(self, device):
        self.idx = _index(device)
        self.prev_idx = -1

    def __enter__(self):
        if self.idx < 0:
            return self
        self.prev_idx = current_device()
        if self.prev_idx != self.idx:
            set_device(self.idx)
        return self

    def __exit__(self, *exc):
        if self.prev_idx >= 0 and self.prev_idx != self.idx:
            set_device(self.prev_idx)
        return False


class device_of(device):
    """``with ctensor.cuda.device_of(t):`` makes t's device current (nothing for a CPU tensor)."""

    __slots__ = ()

    def __init__(self, obj):
        d = obj.device
        super().__init__(d.index if d.type == "cuda" and d.index is not None else -1)


# ---- the DLPack stream handshake --------------------------------------------------------------

def _dlpack_stream_handle(device_index):
    """What a consumer passes as __dlpack__(stream=...) for data used on this thread's
    current stream of a CUDA device: its cudaStream_t, or 1 for the legacy default."""
    s = c_void_p()
    st = _fn("ct_cuda_current_stream")(byref(s), device_index)
    if st:
        _raise(st)
    try:
        h = c_void_p()
        st = _fn("ct_cuda_stream_info")(byref(h), None, s)
        if st:
            _raise(st)
    finally:
        lib.ct_cuda_stream_release(s)
    return h.value or 1


def _dlpack_sync(device_index, stream):
    """The producer's side of the handshake (array API __dlpack__): work the
    consumer enqueues on stream (an int: 1 legacy default, 2 per-thread default,
    else a cudaStream_t) waits for the work already on ctensor's current stream."""
    if stream == 0:
        raise ValueError("__dlpack__: stream 0 is disallowed for CUDA (ambiguous); pass 1 for "
                         "the legacy default stream")
    if stream < -1:
        raise ValueError("__dlpack__: stream must be -1, 1, 2 or a stream pointer, got %d"
                         % stream)
    if stream == -1:
        return
    cur = c_void_p()
    st = _fn("ct_cuda_current_stream")(byref(cur), device_index)
    if st:
        _raise(st)
    consumer = c_void_p()
    try:
        h = c_void_p()
        st = lib.ct_cuda_stream_info(byref(h), None, cur)
        if st:
            _raise(st)
        if stream == 1 and not h.value:
            return  # both are the legacy default stream: already ordered
        if stream == (h.value or 0):
            return  # the consumer uses ctensor's current stream itself
        st = lib.ct_cuda_stream_from_handle(byref(consumer), stream, device_index)
        if st:
            _raise(st)
        st = lib.ct_cuda_stream_wait_stream(consumer, cur)
        if st:
            _raise(st)
    finally:
        if consumer.value:
            lib.ct_cuda_stream_release(consumer)
        lib.ct_cuda_stream_release(cur)


# ---- ctensor.backends.cuda.matmul.allow_tf32 ------------------------------------------------

class _CudaMatmul:
    """``ctensor.backends.cuda.matmul``: ``allow_tf32`` says whether float32 matrix
    products may use TF32 tensor cores (process-wide; False by default). Setting it
    works without CUDA too."""

    __slots__ = ()

    @property
    def allow_tf32(self):
        out = c_bool()
        st = _fn("ct_cuda_allow_tf32")(byref(out))
        if st:
            _raise(st)
        return out.value

    @allow_tf32.setter
    def allow_tf32(self, value):
        if not isinstance(value, (bool, int)) and type(value).__name__ != "bool_":
            raise TypeError("allow_tf32 must be a bool, not %s" % type(value).__name__)
        st = _fn("ct_cuda_set_allow_tf32")(bool(value))
        if st:
            _raise(st)

    def __repr__(self):
        return "<ctensor.backends.cuda.matmul allow_tf32=%r>" % (self.allow_tf32,)


def _backends():
    """The modules ctensor.backends and ctensor.backends.cuda (is_built(), matmul)."""
    import sys
    import types
    backends = types.ModuleType("ctensor.backends", "Backend settings, as torch.backends.")
    bcuda = types.ModuleType("ctensor.backends.cuda", "CUDA settings, as torch.backends.cuda.")
    bcuda.matmul = _CudaMatmul()

    def is_built():
        """Whether the CUDA backend can be loaded (the module and a driver are present)."""
        return _dev.backend_available(_CUDA)

    bcuda.is_built = is_built
    backends.cuda = bcuda
    sys.modules.setdefault("ctensor.backends", backends)
    sys.modules.setdefault("ctensor.backends.cuda", bcuda)
    return backends


backends = _backends()


for _cls in (Stream, ExternalStream, Event, StreamContext, device, device_of,
             _CudaDeviceProperties):
    _cls.__module__ = "ctensor.cuda"  # as they are reached: ctensor.cuda.Stream
del _cls
