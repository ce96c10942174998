"""ctensor status codes as Python exceptions.

Every C function returns a status; 0 is success. Anything else is raised as
one of the classes below, built from the thread's error message. Each class
derives from :class:`CTensorError` and from the builtin exception PyTorch and
the array API raise in the same situation, so ``except ValueError`` and
``except RuntimeError`` catch what they would with torch.
"""

from ._lib import lib

__all__ = [
    "CTensorError", "InvalidArgumentError", "ShapeError", "DTypeError", "DeviceError",
    "IndexOutOfRangeError", "ReadOnlyError", "OutOfMemoryError", "NotSupportedError",
    "BackendUnavailableError", "DLPackError", "InternalError", "DeviceFailureError",
]


class CTensorError(Exception):
    """Base class of the errors reported by the ctensor library.

    ``code`` is the C status (an int) and ``kind`` its name without the
    ``CT_ERR_`` prefix ("SHAPE", "INDEX", ...).
    """

    code = None
    kind = None


class InvalidArgumentError(CTensorError, ValueError):
    """An argument out of its domain (a negative size, a NULL, a bad enum)."""

    code = 1
    kind = "INVALID_ARGUMENT"


class ShapeError(CTensorError, RuntimeError):
    """Shapes that do not match or broadcast, or an invalid shape."""

    code = 2
    kind = "SHAPE"


class DTypeError(CTensorError, RuntimeError):
    """An unsupported or mismatched dtype (torch raises RuntimeError)."""

    code = 3
    kind = "DTYPE"


class DeviceError(CTensorError, RuntimeError):
    """An unsupported or mismatched device."""

    code = 4
    kind = "DEVICE"


class IndexOutOfRangeError(CTensorError, IndexError):
    """An index or a dimension out of range."""

    code = 5
    kind = "INDEX"


class ReadOnlyError(CTensorError, ValueError):
    """A write to a read-only tensor (NumPy's "assignment destination is read-only")."""

    code = 6
    kind = "READ_ONLY"


class OutOfMemoryError(CTensorError, MemoryError):
    """An allocation failed."""

    code = 7
    kind = "OUT_OF_MEMORY"


class NotSupportedError(CTensorError, NotImplementedError):
    """A feature ctensor does not implement (yet)."""

    code = 8
    kind = "NOT_IMPLEMENTED"


class BackendUnavailableError(CTensorError, RuntimeError):
    """The backend of a device cannot be loaded (no CUDA module, no driver)."""

    code = 9
    kind = "BACKEND_UNAVAILABLE"


class DLPackError(CTensorError, BufferError):
    """A DLPack exchange failed."""

    code = 10
    kind = "DLPACK"


class InternalError(CTensorError, RuntimeError):
    """A bug in ctensor."""

    code = 11
    kind = "INTERNAL"


class DeviceFailureError(CTensorError, RuntimeError):
    """The device or its driver reported a failure (a CUDA error: an illegal
    address, a lost device, ...); torch raises RuntimeError ("CUDA error: ...")."""

    code = 12
    kind = "DEVICE_FAILURE"


# code -> class, in the order of status.h's CT_ERROR_MAP.
ERRORS = {cls.code: cls for cls in (
    InvalidArgumentError, ShapeError, DTypeError, DeviceError,
    IndexOutOfRangeError, ReadOnlyError, OutOfMemoryError, NotSupportedError,
    BackendUnavailableError, DLPackError, InternalError, DeviceFailureError,
)}
for _cls in (CTensorError,) + tuple(ERRORS.values()):
    _cls.__module__ = "ctensor"  # as they are reached: ctensor.ShapeError
del _cls

_last_message = lib.ct_last_error_message


def error_from_status(status):
    """The exception object for a nonzero status, with the thread's last message."""
    msg = _last_message()
    if isinstance(msg, bytes):
        msg = msg.decode("utf-8", "replace")
    cls = ERRORS.get(status)
    if cls is None:
        err = CTensorError("ctensor status %d: %s" % (status, msg))
        err.code = status
        return err
    return cls(msg)


def check(status):
    """Returns None for status 0, else raises the mapped exception."""
    if status:
        raise error_from_status(status)
