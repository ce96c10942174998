"""Shared set-up of the ctensor Python tests.

The package is imported from this source tree (bindings/python) and the
library from the build tree (.libs/libctensor.so.0) unless PYTHONPATH and
CTENSOR_LIBRARY already say otherwise, so ``python3 -m pytest
bindings/python/tests`` works straight after ``make``.
"""

import os
import sys

import pytest

_HERE = os.path.dirname(os.path.abspath(__file__))
_PKG = os.path.dirname(_HERE)
_TOP = os.path.dirname(os.path.dirname(_PKG))

if "CTENSOR_LIBRARY" not in os.environ:
    _built = os.path.join(_TOP, ".libs", "libctensor.so.0")
    if os.path.exists(_built):
        os.environ["CTENSOR_LIBRARY"] = _built
if _PKG not in sys.path:
    sys.path.insert(0, _PKG)

import ctensor  # noqa: E402
from ctensor._lib import lib  # noqa: E402

ALL_DTYPES = (
    ctensor.bool, ctensor.uint8, ctensor.int8, ctensor.int16, ctensor.int32, ctensor.int64,
    ctensor.float16, ctensor.bfloat16, ctensor.float32, ctensor.float64,
    ctensor.complex64, ctensor.complex128,
)


def live_blocks():
    """The number of blocks ctensor's allocator holds now (ct_memory_stats)."""
    from ctypes import byref, c_int64
    n = c_int64()
    lib.ct_memory_stats(byref(n), None, None)
    return n.value


@pytest.fixture(autouse=True)
def _restore_globals():
    """Every test leaves the default dtype and the print options as it found them."""
    dtype = ctensor.get_default_dtype()
    opts = ctensor.get_printoptions()
    yield
    ctensor.set_default_dtype(dtype)
    ctensor.set_printoptions(**opts)


@pytest.fixture
def np():
    """NumPy (1.x or 2.x), or a skip where it is not installed."""
    return pytest.importorskip("numpy")


@pytest.fixture
def torch():
    """PyTorch, or a skip where it is not installed (only the Debian interpreter has it)."""
    return pytest.importorskip("torch")
