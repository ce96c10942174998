"""DLPack lifetimes: exact deleter counts, flat memory over 100,000 exchanges,
deleters on foreign threads, interpreter exit with live views (subprocesses).

ct_dlpack_live counts ctensor's exports not yet deleted and its imports
whose deleter has not run; ct_memory_stats counts the allocator's live
blocks. Numbers in docstrings refer to shared/reference/dlpack.md, section 5.
"""

import gc
import os
import sys
import threading
from ctypes import byref, c_int64

import pytest

import ctensor
from ctensor._lib import lib

from dlpack_util import (
    LEGACY, VERSIONED, call_deleter, capsule, capsule_name, export_legacy, export_versioned,
    has_module, live, rss_bytes, run_python,
)

HERE = os.path.dirname(os.path.abspath(__file__))


def blocks():
    """Live blocks of ctensor's allocator."""
    n = c_int64()
    assert lib.ct_memory_stats(byref(n), None, None) == 0
    return n.value


def use_count(t):
    n = c_int64()
    assert lib.ct_tensor_use_count(byref(n), t._h) == 0
    return n.value


@pytest.fixture(autouse=True)
def _deleters_balanced():
    before = live()
    yield
    if live() != before:
        gc.collect()
    assert live() == before


# ---- counts (18) ---------------------------------------------------------------------------------

@pytest.mark.parametrize("max_version", [None, (1, 0)], ids=["legacy", "versioned"])
def test_unconsumed_capsule_is_freed_once(max_version):
    """18: a capsule nobody consumes: its destructor runs the deleter once; the tensor's Python
    and ctensor reference counts and the allocator are back where they were."""
    t = ctensor.arange(6, dtype=ctensor.float32)
    refs, uses, nblocks, before = sys.getrefcount(t), use_count(t), blocks(), live()
    c = t.__dlpack__(max_version=max_version)
    assert capsule_name(c) == (VERSIONED if max_version else LEGACY)
    assert live() == (before[0] + 1, before[1])
    assert blocks() > nblocks
    del c
    assert live() == before
    assert (sys.getrefcount(t), use_count(t), blocks()) == (refs, uses, nblocks)
    assert t.tolist() == [0, 1, 2, 3, 4, 5]


def test_capsule_in_a_reference_cycle():
    t = ctensor.ones(3)
    before = live()
    cycle = [t.__dlpack__(), t.__dlpack__(max_version=(1, 0))]
    cycle.append(cycle)
    del cycle
    assert live() == (before[0] + 2, before[1])
    gc.collect()
    assert live() == before


def test_export_keeps_the_memory_alive():
    """An export outlives its tensor: the memory stays until the importer's last view goes."""
    nblocks = blocks()
    t = ctensor.arange(5, dtype=ctensor.int64)
    c = t.__dlpack__()
    del t
    r = ctensor.from_dlpack(c)
    del c
    assert r.tolist() == [0, 1, 2, 3, 4]
    view = r[1:]
    del r
    assert view.tolist() == [1, 2, 3, 4]
    before = live()
    del view
    assert live() == (before[0] - 1, before[1] - 1)
    assert blocks() == nblocks


def test_import_deleter_runs_when_the_last_view_dies():
    """The import's deleter runs once, when its last view (not its first tensor) is released."""
    t = ctensor.arange(8, dtype=ctensor.float32)
    before = live()
    r = ctensor.from_dlpack(t.__dlpack__(max_version=(1, 0)))
    views = [r[2:], r.reshape(2, 4), r[::3]]
    del r
    assert live() == (before[0] + 1, before[1] + 1)
    views.pop(0)
    views.pop(0)
    assert live() == (before[0] + 1, before[1] + 1)
    views.clear()
    assert live() == before


def test_deleter_called_by_hand_after_a_refused_import():
    """A capsule without destructor whose import failed stays its producer's to free."""
    m = export_versioned(ctensor.ones(2))
    m.contents.version.major = 9
    before = live()
    c = capsule(m, destructor=False)
    with pytest.raises(BufferError, match="major version 9"):
        ctensor.from_dlpack(c)
    del c
    assert live() == before
    call_deleter(m)
    assert live() == (before[0] - 1, before[1])


# ---- 100,000 exchanges: flat memory, exact counts -------------------------------------------------

def _flat(cycle, n, slack=2 << 20):
    """Runs cycle n times after a warm-up; RSS grows by less than slack, every deleter ran."""
    for _ in range(1000):
        cycle()
    gc.collect()
    rss, nblocks, before = rss_bytes(), blocks(), live()
    for _ in range(n):
        cycle()
    gc.collect()
    grown = rss_bytes() - rss
    assert live() == before
    assert blocks() == nblocks
    # Under AddressSanitizer freed memory waits in a quarantine, so resident memory grows by
    # design; the block and deleter counts above still prove that nothing leaked.
    if not os.environ.get("CT_SANITIZERS"):
        assert grown < slack, "RSS grew by %d bytes over %d cycles" % (grown, n)


def test_100k_export_import_cycles():
    """18: 100,000 export/import cycles (legacy, versioned, and through the exchange API)
    leave resident memory flat (a leak of one export block each would be >10 MiB)."""
    t = ctensor.arange(12, dtype=ctensor.float32).reshape(3, 4)[:, 1:]
    from_dlpack = ctensor.from_dlpack

    def cycle():
        from_dlpack(t.__dlpack__())
        from_dlpack(t.__dlpack__(max_version=(1, 3)))
        t.__dlpack__(max_version=(1, 0))  # never consumed
        from_dlpack(t)                    # the C exchange API

    _flat(cycle, 25000)


def test_numpy_cycles(np):
    """18 (NumPy): np.from_dlpack(ct), ct.from_dlpack(np) and numpy() in a loop: flat memory."""
    t = ctensor.arange(12, dtype=ctensor.float64).reshape(3, 4)
    a = np.arange(12.0).reshape(3, 4)
    refs = sys.getrefcount(a)

    def cycle():
        np.from_dlpack(t)
        ctensor.from_dlpack(a)
        ctensor.from_numpy(a)
        t.numpy()

    _flat(cycle, 5000)
    assert sys.getrefcount(a) == refs


def test_torch_cycles():
    torch = pytest.importorskip("torch")
    t = ctensor.arange(12, dtype=ctensor.float32).reshape(3, 4)
    x = torch.arange(12.0)

    def cycle():
        torch.from_dlpack(t)
        ctensor.from_dlpack(x)

    _flat(cycle, 5000)


# ---- deleters on foreign threads (28) ------------------------------------------------------------

def test_deleter_on_a_pthread_while_the_gil_is_held():
    """28: a raw pthread runs an export's deleter while the main thread holds the GIL (a
    PyDLL call blocks in pthread_join): a deleter that wanted the GIL would deadlock, so it
    runs in a subprocess with a timeout."""
    proc = run_python("""
        import ctypes, sys
        sys.path.insert(0, %r)
        import ctensor
        from dlpack_util import export_legacy, export_versioned, live
        t = ctensor.arange(6, dtype=ctensor.float32)
        libc = ctypes.PyDLL(None)  # its calls keep the GIL
        libc.pthread_create.argtypes = (ctypes.POINTER(ctypes.c_ulong), ctypes.c_void_p,
                                        ctypes.c_void_p, ctypes.c_void_p)
        libc.pthread_join.argtypes = (ctypes.c_ulong, ctypes.c_void_p)
        for export in (export_versioned, export_legacy):
            m = export(t)
            assert live() == (1, 0), live()
            tid = ctypes.c_ulong()
            deleter = ctypes.cast(m.contents.deleter, ctypes.c_void_p)
            # the deleter takes one pointer, like a thread's start routine
            assert libc.pthread_create(ctypes.byref(tid), None, deleter, ctypes.cast(m, ctypes.c_void_p)) == 0
            assert libc.pthread_join(tid, None) == 0
            assert live() == (0, 0), live()
        assert t.tolist() == [0, 1, 2, 3, 4, 5]
        print("ok")
        """ % HERE, timeout=30)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == "ok\n"


def _in_thread(fn):
    """Runs fn on a new Python thread; re-raises what it raised."""
    errors = []

    def run():
        try:
            fn()
        except BaseException as exc:  # noqa: B902 - handed back to the test
            errors.append(exc)

    th = threading.Thread(target=run)
    th.start()
    th.join(20)
    assert not th.is_alive(), "the thread hangs"
    if errors:
        raise errors[0]


def test_deleter_called_through_ctypes_on_another_thread():
    """28: threading.Thread calls a managed tensor's deleter (ctypes drops the GIL meanwhile)."""
    t = ctensor.ones(4)
    for m in (export_versioned(t), export_legacy(t)):
        before = live()
        _in_thread(lambda: call_deleter(m))
        assert live() == (before[0] - 1, before[1])


def test_last_ctensor_view_released_on_another_thread():
    """28: an import's last view dies on another thread; ctensor's own export deleter runs there."""
    holder = [ctensor.from_dlpack(ctensor.arange(4.0).__dlpack__())]
    before = live()
    _in_thread(holder.clear)
    assert live() == (before[0] - 1, before[1] - 1)


def test_numpy_views_released_on_another_thread(np):
    """28 (NumPy): both directions, the last reference dropped on a second thread."""
    t = ctensor.arange(4.0)
    holder = [np.from_dlpack(t)]
    before = live()
    _in_thread(holder.clear)  # NumPy's capsule owner calls ctensor's deleter there
    assert live() == (before[0] - 1, before[1])

    a = np.arange(4.0)
    refs = sys.getrefcount(a)
    holder = [ctensor.from_dlpack(a)]
    before = live()
    _in_thread(holder.clear)  # ctensor calls NumPy's deleter (which takes the GIL) there
    assert live() == (before[0], before[1] - 1)
    assert sys.getrefcount(a) == refs


def test_torch_views_released_on_another_thread():
    """28 (torch): torch frees imports without the GIL; ctensor's deleter does not need it."""
    torch = pytest.importorskip("torch")
    holder = [torch.from_dlpack(ctensor.arange(4.0))]
    before = live()
    _in_thread(holder.clear)
    assert live() == (before[0] - 1, before[1])
    holder = [ctensor.from_dlpack(torch.arange(4.0))]
    before = live()
    _in_thread(holder.clear)
    assert live() == (before[0], before[1] - 1)


def test_from_numpy_views_released_on_another_thread(np):
    """28 (from_numpy): the last view of a NumPy-backed tensor dies on a second thread (on
    NumPy 1.x the read-only and bool arrays are held directly, released with the GIL taken)."""
    read_only = np.arange(6.0)
    read_only.flags.writeable = False
    for a in (np.arange(6.0), read_only, np.arange(6) % 2 == 0):
        refs = sys.getrefcount(a)
        holder = [ctensor.from_numpy(a)[1:]]
        assert sys.getrefcount(a) > refs
        _in_thread(holder.clear)
        assert sys.getrefcount(a) == refs


# ---- interpreter exit with live views (27) -------------------------------------------------------

EXIT_SCRIPT = """
    import sys
    sys.path.insert(0, %r)
    import ctensor
    T = ctensor.arange(6, dtype=ctensor.float32)
    CAPSULE = T.__dlpack__()                          # never consumed
    VERSIONED = T.__dlpack__(max_version=(1, 0))
    SELF = ctensor.from_dlpack(T[1:])
    %s
    print("exiting", flush=True)
"""


def _exit_cleanly(body):
    proc = run_python(EXIT_SCRIPT % (HERE, body), timeout=60)
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-3000:])
    assert proc.stdout == "exiting\n"
    for bad in ("Fatal Python error", "Segmentation", "Exception ignored", "Traceback"):
        assert bad not in proc.stderr, proc.stderr[-3000:]


def test_exit_with_live_ctensor_exports():
    """27 (SELF): capsules and imports alive in module globals at exit."""
    _exit_cleanly("pass")


@pytest.mark.skipif(not has_module("numpy"), reason="NumPy is not installed")
def test_exit_with_live_numpy_views():
    """27 (NumPy): NumPy views of ctensor and ctensor views of NumPy alive at exit."""
    _exit_cleanly("""
    import numpy as np
    A = np.from_dlpack(T)
    B = ctensor.from_dlpack(np.arange(5.0))
    C = T.numpy()
    D = ctensor.from_numpy(np.ones(3))
    RO = np.arange(3.0)
    RO.flags.writeable = False
    W = ctensor.from_numpy(RO)                 # NumPy 1.x: held directly, not via DLPack
    V = ctensor.from_numpy(np.ones(4) > 0)     # bool: the same on NumPy 1.24
    E = np.from_dlpack(ctensor.from_dlpack(np.arange(4.0)))
    """)


@pytest.mark.skipif(not has_module("torch"), reason="torch is not installed")
def test_exit_with_live_torch_views():
    """27: torch 1.13 frees its imports without the GIL at shutdown (the numpy#22507 scenario);
    views alive in module globals and on a daemon thread when the interpreter exits."""
    _exit_cleanly("""
    import threading, time
    import numpy as np
    import torch
    A = torch.from_dlpack(T)
    B = ctensor.from_dlpack(torch.arange(5.0))
    C = torch.from_dlpack(ctensor.zeros(0, 2))   # never deleted by torch 1.13
    D = ctensor.from_dlpack(torch.from_dlpack(ctensor.ones(3)))
    E = torch.from_dlpack(ctensor.from_dlpack(np.arange(3.0)))
    F = np.from_dlpack(T)
    started = threading.Event()
    def hold():
        x = torch.from_dlpack(T)
        y = ctensor.from_dlpack(torch.ones(3))
        started.set()
        time.sleep(30)
    threading.Thread(target=hold, daemon=True).start()
    started.wait(10)
    """)


# ---- the pending-exception scenario really has the exception set (control for item 21) ----------

def test_pending_exception_scenario_defeats_a_ctypes_destructor():
    """Control for test_dlpack.py::test_destructor_keeps_a_pending_exception: in the same
    scenario (a capsule dropped while ZeroDivisionError unwinds) a destructor written as a
    ctypes callback cannot run (reference section 2.2): it either crashes the interpreter or
    never completes. ctensor's C destructor passes there, in-process."""
    proc = run_python("""
        import ctypes
        ran = []
        DTOR = ctypes.CFUNCTYPE(None, ctypes.c_void_p)

        @DTOR
        def destructor(capsule):
            ran.append(1)

        new = ctypes.pythonapi.PyCapsule_New
        new.argtypes, new.restype = (ctypes.c_void_p, ctypes.c_char_p, DTOR), ctypes.py_object
        zero = 0
        try:
            [new(1, b"probe", destructor), 1 // zero]
        except ZeroDivisionError:
            pass
        print("ran" if ran else "did not run", flush=True)
        """, timeout=60)
    assert proc.returncode != 0 or proc.stdout == "did not run\n", (proc.returncode, proc.stdout)
