"""ctensor: PyTorch's tensor core as a C library, with a Python API that reads
like torch, so that PyTorch code runs with ``import ctensor as torch`` where
the features overlap.

    >>> import ctensor as torch
    >>> torch.zeros(2, 3, dtype=torch.long)
    tensor([[0, 0, 0],
            [0, 0, 0]])

Tensors, dtypes, devices and generators live in C (libctensor.so.0, loaded
through ctypes: no compiler needed); errors come back as Python exceptions
that also derive from the builtin torch raises (ValueError, RuntimeError,
IndexError, ...).
"""

from ._lib import lib as _clib
from ._errors import *  # noqa: F401,F403
from ._dtype import *  # noqa: F401,F403
from ._device import device  # noqa: F401
from ._tensor import *  # noqa: F401,F403
from ._tensor import Tensor

__version__ = _clib.ct_version().decode()

# The operators, as functions and Tensor methods; DLPack and NumPy exchange.
from . import _ops
from . import _dlpack
from ._ops import *  # noqa: F401,F403
from ._dlpack import from_dlpack, from_numpy, DLDeviceType  # noqa: F401

_ops._install(Tensor)
_dlpack._install(Tensor)

# ctensor.cuda (devices, streams, events, memory) and ctensor.backends, as torch's.
import sys as _sys
from . import _cuda as cuda
from ._cuda import backends  # noqa: F401

_sys.modules.setdefault("ctensor.cuda", cuda)
del _sys
