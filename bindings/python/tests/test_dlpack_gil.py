"""A DLPack producer's deleter runs with the GIL held, whichever thread releases the tensor.

Producers' deleters may touch Python (NumPy's drops its array), while ctensor frees
storage from any thread and, through ctypes.CDLL, without the GIL. The import path of
Python objects therefore takes the GIL around the producer's deleter (as PyTorch does).
The probe is a tiny C producer compiled here; it records PyGILState_Check() in its deleter.
"""

import ctypes
import gc
import os
import shutil
import subprocess
import threading

import pytest

import ctensor

PROBE = r"""
#include <stdint.h>
#include <stdlib.h>
#include <ctensor/dlpack.h>
extern int PyGILState_Check(void);
static float data[4] = {1, 2, 3, 4};
static int64_t shape[1] = {4};
int probe_calls = 0, probe_gil = -1;
static void deleter(DLManagedTensor *m) { probe_calls++; probe_gil = PyGILState_Check(); free(m); }
void *probe_tensor(void) {
  DLManagedTensor *m = calloc(1, sizeof *m);
  m->dl_tensor.data = data;
  m->dl_tensor.device.device_type = kDLCPU;
  m->dl_tensor.ndim = 1;
  m->dl_tensor.dtype.code = kDLFloat;
  m->dl_tensor.dtype.bits = 32;
  m->dl_tensor.dtype.lanes = 1;
  m->dl_tensor.shape = shape;
  m->deleter = deleter;
  return m;
}
"""


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    cc = shutil.which(os.environ.get("CC", "cc"))
    if cc is None:
        pytest.skip("no C compiler to build the probe producer")
    here = os.path.dirname(os.path.abspath(__file__))
    include = os.path.join(here, "..", "..", "..", "include")
    d = tmp_path_factory.mktemp("probe")
    src, so = d / "probe.c", d / "probe.so"
    src.write_text(PROBE)
    subprocess.run([cc, "-shared", "-fPIC", "-I", include, str(src), "-o", str(so)], check=True)
    lib = ctypes.CDLL(str(so))
    lib.probe_tensor.restype = ctypes.c_void_p
    return lib


def capsule_of(probe):
    new = ctypes.pythonapi.PyCapsule_New
    new.restype = ctypes.py_object
    new.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p)
    return new(probe.probe_tensor(), b"dltensor", None)


def state(probe):
    return (ctypes.c_int.in_dll(probe, "probe_calls").value,
            ctypes.c_int.in_dll(probe, "probe_gil").value)


@pytest.mark.parametrize("where", ["this thread", "another thread"])
def test_producer_deleter_runs_with_the_gil(probe, where):
    calls = state(probe)[0]
    t = ctensor.from_dlpack(capsule_of(probe))
    assert t.tolist() == [1.0, 2.0, 3.0, 4.0]
    v = t[1:]  # the last view, not the base, frees it
    del t
    if where == "this thread":
        del v
    else:
        holder = [v]
        del v
        th = threading.Thread(target=holder.clear)
        th.start()
        th.join()
    gc.collect()
    assert state(probe) == (calls + 1, 1)
