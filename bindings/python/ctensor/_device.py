"""Devices: ``ctensor.device("cpu")``, ``"cuda:1"``, ``device("cuda", 1)`` (the
``ctensor.cuda`` namespace is in _cuda.py)."""

from ctypes import byref, c_bool, c_char_p, c_int32

from . import _capi
from ._errors import error_from_status
from ._lib import lib

__all__ = ["device"]

_CPU = _capi.CT_DEVICE_CPU
_CUDA = _capi.CT_DEVICE_CUDA
_NONE = (_capi.CT_DEVICE_NONE, -1)


def _type_name(code):
    out = c_char_p()
    st = lib.ct_device_type_name(byref(out), code)
    if st:
        raise error_from_status(st)
    return out.value.decode()


def _parse_string(s):
    code = c_int32()
    index = c_int32()
    st = lib.ct_device_parse(byref(code), byref(index), s.encode())
    if st:
        raise error_from_status(st)
    return code.value, index.value


class device:
    """A device, as ``torch.device``: ``device("cpu")``, ``device("cuda:1")``,
    ``device("cuda", 1)`` or ``device(1)`` (a CUDA index). ``type`` is the name,
    ``index`` the index or None."""

    __slots__ = ("_code", "type", "index")

    def __init__(self, type, index=None):  # noqa: A002 (torch's name)
        if isinstance(type, device):
            if index is not None:
                raise TypeError("device(): an index cannot be given with a device object")
            code, idx = type._code, type.index
        elif isinstance(type, str):
            code, idx = _parse_string(type)
            idx = None if idx < 0 else idx
            if index is not None:
                if idx is not None:
                    raise RuntimeError("type (string) must not include an index because index "
                                       "was passed explicitly: " + type)
                idx = index
        elif isinstance(type, int) and not isinstance(type, bool) and index is None:
            code, idx = _CUDA, type
        else:
            raise TypeError("device() expects a string, a device or an int, not %s"
                            % (type.__class__.__name__,))
        if idx is not None:
            idx = idx.__index__()
            if idx < 0:
                raise RuntimeError("Device index must not be negative")
        object.__setattr__(self, "_code", code)
        object.__setattr__(self, "type", _type_name(code))
        object.__setattr__(self, "index", idx)

    def __setattr__(self, name, value):
        raise AttributeError("ctensor.device objects are immutable")

    def __repr__(self):
        if self.index is None:
            return "device(type=%r)" % (self.type,)
        return "device(type=%r, index=%d)" % (self.type, self.index)

    def __str__(self):
        return self.type if self.index is None else "%s:%d" % (self.type, self.index)

    def __eq__(self, other):
        if not isinstance(other, device):
            return NotImplemented
        return self._code == other._code and self.index == other.index

    def __hash__(self):
        return hash((self._code, self.index))

    def __reduce__(self):
        return (device, (str(self),))


def _from_code(code, index):
    """The device object for a C (type, index) pair; CPU devices carry no index, as torch's."""
    if code == _CPU:
        return CPU
    d = object.__new__(device)
    object.__setattr__(d, "_code", code)
    object.__setattr__(d, "type", _type_name(code))
    object.__setattr__(d, "index", index if index >= 0 else None)
    return d


CPU = object.__new__(device)
object.__setattr__(CPU, "_code", _CPU)
object.__setattr__(CPU, "type", "cpu")
object.__setattr__(CPU, "index", None)

_cache = {}


def parse(x):
    """A device argument as a C (device_type, index) pair: None gives
    (CT_DEVICE_NONE, -1); strings, device objects and CUDA indices are accepted."""
    if x is None:
        return _NONE
    if type(x) is device:
        i = x.index
        return x._code, (-1 if i is None else i)
    if type(x) is str:
        r = _cache.get(x)
        if r is None:
            r = _parse_string(x)
            if len(_cache) < 256:
                _cache[x] = r
        return r
    if isinstance(x, int) and not isinstance(x, bool):
        if x < 0:
            raise RuntimeError("Device index must not be negative")
        return _CUDA, x
    raise TypeError("device must be a ctensor.device, a string or an int, not %s"
                    % type(x).__name__)


def backend_available(code):
    """Whether the backend of a device type can be used in this process."""
    out = c_bool()
    st = lib.ct_backend_available(byref(out), code)
    if st:
        raise error_from_status(st)
    return out.value


def device_count(code):
    """The number of devices of a type (0 when its backend is unavailable)."""
    out = c_int32()
    st = lib.ct_device_count(byref(out), code)
    if st:
        raise error_from_status(st)
    return out.value
