"""The generated low level (_capi) and the library loader (_lib).

Checks that every exported function is bound with its signature, that the
generated constants and struct layouts agree with the C library and the DLPack
specification, a few calls straight through ctypes, and the loader's search
order (in subprocesses, each with its own environment).
"""

import ctypes
import os
import pathlib
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import textwrap

import pytest

from ctensor import _capi, _lib

lib = _lib.lib
pylib = _lib.pylib
PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(_capi.__file__)))


def _library_file():
    """The absolute path of the loaded libctensor (it may have been found by SONAME)."""
    if os.path.isfile(_lib.path):
        return os.path.abspath(_lib.path)
    with open("/proc/self/maps") as maps:
        for line in maps:
            name = line.split()[-1]
            if os.path.basename(name).startswith("libctensor.so"):
                return name
    pytest.skip("cannot locate the loaded libctensor file")


def _zeros(*shape, dtype=_capi.CT_FLOAT32):
    out = ctypes.c_void_p()
    arr = (ctypes.c_int64 * len(shape))(*shape)
    st = lib.ct_zeros(ctypes.byref(out), len(shape), arr, dtype, _capi.CT_DEVICE_CPU, 0)
    assert st == _capi.CT_OK, lib.ct_last_error_message()
    return out.value


# ---- the generated declarations ------------------------------------------------------------

def test_every_function_is_bound_with_its_signature():
    assert _lib.missing == ()
    assert len(_capi.FUNCTIONS) == len(set(_capi.FUNCTIONS)) > 500
    for name, restype, argtypes in _capi._SIGNATURES:
        target = pylib if name.startswith("ct_dlpack_py_") else lib
        other = lib if target is pylib else pylib
        f = vars(target).get(name)
        assert f is not None, "%s is not bound" % name
        assert f.argtypes == argtypes, name
        assert f.restype is restype, name
        assert name not in vars(other), "%s is bound on the wrong library" % name


def test_calling_convention():
    sig = {name: (res, args) for name, res, args in _capi._SIGNATURES}
    vp, pvp = ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)
    assert sig["ct_add"] == (ctypes.c_int32, (pvp, vp, vp, vp, ctypes.c_int32))
    assert sig["ct_tensor_shape"] == (ctypes.c_int32, (ctypes.POINTER(ctypes.c_int64),
                                                       ctypes.c_int32, vp))
    assert sig["ct_last_error_message"] == (ctypes.c_char_p, ())
    assert sig["ct_tensor_release"] == (None, (vp,))
    assert sig["ct_dtype_is_complex"][1][0] is ctypes.POINTER(ctypes.c_bool)
    assert sig["ct_dtype_name"][1][0] is ctypes.POINTER(ctypes.c_char_p)
    assert sig["ct_index"][1][-1] is pvp  # ct_tensor *const *tensors
    assert sig["ct_from_blob"][1][8] is _capi.ct_deleter
    assert sig["ct_arange"][1][1] is ctypes.c_double
    assert sig["ct_to_dlpack"][1][0] is ctypes.POINTER(ctypes.POINTER(_capi.DLManagedTensor))


def test_error_constants_match_the_library():
    names = [n for n in dir(_capi) if n.startswith("CT_ERR_") and n != "CT_ERR_COUNT"]
    assert len(names) == _capi.CT_ERR_COUNT - 1
    for name in names:
        assert lib.ct_status_name(getattr(_capi, name)) == name.encode()
    assert lib.ct_status_name(_capi.CT_OK) == b"CT_OK"


def test_dtype_and_device_constants_match_the_library():
    name = ctypes.c_char_p()
    for code, expected in [(_capi.CT_BOOL, b"bool"), (_capi.CT_UINT8, b"uint8"),
                           (_capi.CT_INT64, b"int64"), (_capi.CT_BFLOAT16, b"bfloat16"),
                           (_capi.CT_FLOAT32, b"float32"), (_capi.CT_COMPLEX128, b"complex128")]:
        assert lib.ct_dtype_name(ctypes.byref(name), code) == _capi.CT_OK
        assert name.value == expected
    assert lib.ct_dtype_name(ctypes.byref(name), _capi.CT_DTYPE_COUNT) == _capi.CT_ERR_DTYPE
    for code, expected in [(_capi.CT_DEVICE_CPU, b"cpu"), (_capi.CT_DEVICE_CUDA, b"cuda")]:
        assert lib.ct_device_type_name(ctypes.byref(name), code) == _capi.CT_OK
        assert name.value == expected


def test_dlpack_layouts_follow_the_specification():
    assert _capi.kDLCPU == 1 and _capi.kDLCUDA == 2 and _capi.kDLCUDAHost == 3
    assert _capi.kDLFloat == 2 and _capi.kDLBool == 6 and _capi.kDLComplex == 5
    assert _capi.DLPACK_FLAG_BITMASK_READ_ONLY == 1
    assert _capi.DLPACK_FLAG_BITMASK_IS_COPIED == 2
    assert ctypes.sizeof(_capi.DLDevice) == 8
    assert ctypes.sizeof(_capi.DLDataType) == 4
    assert ctypes.sizeof(_capi.DLTensor) == 48
    assert _capi.DLTensor.byte_offset.offset == 40
    assert ctypes.sizeof(_capi.DLManagedTensor) == 64
    assert _capi.DLManagedTensor.deleter.offset == 56
    assert ctypes.sizeof(_capi.DLManagedTensorVersioned) == 80
    assert _capi.DLManagedTensorVersioned.flags.offset == 24
    assert _capi.DLManagedTensorVersioned.dl_tensor.offset == 32


def test_package_version_matches_the_library():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(os.path.dirname(here), "pyproject.toml")) as f:
        m = re.search(r'^version = "([^"]+)"', f.read(), re.M)
    assert m is not None
    assert lib.ct_version().decode() == m.group(1)
    assert lib.ct_abi_version() >= _capi.CT_ABI_VERSION == _lib.abi_version


# ---- calls through ctypes ------------------------------------------------------------------

def test_zeros_shape_and_release():
    h = _zeros(2, 3)
    try:
        ndim = ctypes.c_int32()
        assert lib.ct_tensor_ndim(ctypes.byref(ndim), h) == _capi.CT_OK
        assert ndim.value == 2
        shape = (ctypes.c_int64 * 2)()
        assert lib.ct_tensor_shape(shape, 2, h) == _capi.CT_OK
        assert list(shape) == [2, 3]
        dtype = ctypes.c_int32()
        assert lib.ct_tensor_dtype(ctypes.byref(dtype), h) == _capi.CT_OK
        assert dtype.value == _capi.CT_FLOAT32
        data = ctypes.c_void_p()
        assert lib.ct_tensor_data_ptr(ctypes.byref(data), h) == _capi.CT_OK
        assert list((ctypes.c_float * 6).from_address(data.value)) == [0.0] * 6
        assert lib.ct_tensor_shape(shape, 1, h) == _capi.CT_ERR_INVALID_ARGUMENT
    finally:
        lib.ct_tensor_release(h)
    lib.ct_tensor_release(None)  # releasing NULL does nothing


def test_error_message_names_the_function():
    a, b = _zeros(3, 4), _zeros(5, 2)
    out = ctypes.c_void_p(12345)
    try:
        st = lib.ct_matmul(ctypes.byref(out), a, b)
    finally:
        lib.ct_tensor_release(a)
        lib.ct_tensor_release(b)
    assert st == _capi.CT_ERR_SHAPE
    assert out.value is None  # out-parameters are NULL on failure
    assert lib.ct_last_error_code() == _capi.CT_ERR_SHAPE
    msg = lib.ct_last_error_message().decode()
    assert msg.startswith("ct_matmul")
    assert "[3, 4]" in msg and "[5, 2]" in msg
    lib.ct_clear_error()
    assert lib.ct_last_error_code() == _capi.CT_OK
    assert lib.ct_last_error_message() == b""


def test_negative_size_is_an_error():
    out = ctypes.c_void_p()
    shape = (ctypes.c_int64 * 1)(-1)
    st = lib.ct_zeros(ctypes.byref(out), 1, shape, _capi.CT_FLOAT32, _capi.CT_DEVICE_CPU, 0)
    assert st != _capi.CT_OK and out.value is None
    assert lib.ct_last_error_code() == st
    assert lib.ct_last_error_message().decode().startswith("ct_zeros")


def test_from_blob_calls_the_deleter_callback_once():
    buf = (ctypes.c_double * 3)(1.5, 2.5, 3.5)
    calls = []

    @_capi.ct_deleter
    def deleter(data, ctx):
        calls.append((data, ctx))

    out = ctypes.c_void_p()
    shape = (ctypes.c_int64 * 1)(3)
    st = lib.ct_from_blob(ctypes.byref(out), ctypes.addressof(buf), 1, shape, None,
                          _capi.CT_FLOAT64, _capi.CT_DEVICE_CPU, 0, deleter, 77, 0)
    assert st == _capi.CT_OK, lib.ct_last_error_message()
    value = ctypes.c_double()
    view = ctypes.c_void_p()
    assert lib.ct_select(ctypes.byref(view), out, 0, 2) == _capi.CT_OK
    assert lib.ct_tensor_item_double(ctypes.byref(value), view) == _capi.CT_OK
    assert value.value == 3.5
    lib.ct_tensor_release(out)
    assert calls == []  # the view keeps the storage alive
    lib.ct_tensor_release(view)
    assert calls == [(ctypes.addressof(buf), 77)]


def test_dlpack_export_through_the_generated_structs():
    exports0, imports0 = ctypes.c_int64(), ctypes.c_int64()
    assert lib.ct_dlpack_live(ctypes.byref(exports0), ctypes.byref(imports0)) == _capi.CT_OK
    h = _zeros(2, 3)
    managed = ctypes.POINTER(_capi.DLManagedTensorVersioned)()
    st = lib.ct_to_dlpack_versioned(ctypes.byref(managed), h, _capi.CT_DLPACK_COPY_IF_NEEDED,
                                    _capi.CT_DEVICE_NONE, -1)
    lib.ct_tensor_release(h)
    assert st == _capi.CT_OK, lib.ct_last_error_message()
    m = managed.contents
    assert (m.version.major, m.version.minor) == (1, 3)
    t = m.dl_tensor
    assert (t.device.device_type, t.device.device_id) == (_capi.kDLCPU, 0)
    assert (t.dtype.code, t.dtype.bits, t.dtype.lanes) == (_capi.kDLFloat, 32, 1)
    assert t.ndim == 2 and t.shape[:2] == [2, 3] and t.strides[:2] == [3, 1]
    assert t.byte_offset == 0 and m.flags & _capi.DLPACK_FLAG_BITMASK_READ_ONLY == 0
    exports = ctypes.c_int64()
    lib.ct_dlpack_live(ctypes.byref(exports), ctypes.byref(imports0))
    assert exports.value == exports0.value + 1
    m.deleter(managed)
    lib.ct_dlpack_live(ctypes.byref(exports), ctypes.byref(imports0))
    assert exports.value == exports0.value


# ---- the loader ----------------------------------------------------------------------------

_PROBE = textwrap.dedent("""
    import warnings
    warnings.simplefilter("always")
    with warnings.catch_warnings(record=True) as caught:
        try:
            from ctensor import _lib
        except ImportError as exc:
            print("IMPORT-ERROR")
            print(exc)
        else:
            print("LOADED", _lib.path)
    for w in caught:
        print("WARNING", w.message)
""")


def _probe(tmp_path, env_lib=None, pkg_libdir=None, ld_path=None, pkg_dir=PKG_DIR):
    """Imports ctensor._lib in a fresh interpreter; a fake pkg-config on PATH."""
    bindir = tempfile.mkdtemp(prefix="bin", dir=str(tmp_path))
    fake = pathlib.Path(bindir) / "pkg-config"
    if pkg_libdir is None:
        fake.write_text("#!/bin/sh\necho 'Package ctensor was not found' >&2\nexit 1\n")
    else:
        fake.write_text("#!/bin/sh\necho '%s'\n" % pkg_libdir)
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    env = {k: v for k, v in os.environ.items()
           if k not in ("CTENSOR_LIBRARY", "LD_LIBRARY_PATH", "PYTHONWARNINGS")}
    env["PATH"] = "%s%s%s" % (bindir, os.pathsep, env.get("PATH", ""))
    env["PYTHONPATH"] = pkg_dir + os.pathsep + env.get("PYTHONPATH", "")
    if env_lib is not None:
        env["CTENSOR_LIBRARY"] = env_lib
    if ld_path is not None:
        env["LD_LIBRARY_PATH"] = ld_path
    proc = subprocess.run([sys.executable, "-c", _PROBE], env=env, cwd=str(tmp_path),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _libdir_with_link(tmp_path):
    d = tmp_path / "prefix" / "lib"
    d.mkdir(parents=True)
    os.symlink(_library_file(), str(d / "libctensor.so.0"))
    return str(d)


def test_loader_names_every_place_it_tried(tmp_path):
    missing = str(tmp_path / "nowhere" / "libctensor.so.0")
    out = _probe(tmp_path, env_lib=missing)
    if out.startswith("LOADED"):
        # an installed libctensor answered the SONAME: then it must say what it skipped
        assert "WARNING ctensor: CTENSOR_LIBRARY=%s: " % missing in out
        return
    assert out.startswith("IMPORT-ERROR")
    assert "CTENSOR_LIBRARY=%s" % missing in out
    assert "pkg-config knows no package ctensor" in out
    assert "system loader, libctensor.so.0" in out
    assert "Set CTENSOR_LIBRARY" in out


def test_loader_uses_ctensor_library_first(tmp_path):
    libdir = _libdir_with_link(tmp_path)
    out = _probe(tmp_path, env_lib=_library_file(), pkg_libdir=libdir)
    assert out.split("\n")[0] == "LOADED " + _library_file()
    assert "WARNING" not in out


def test_loader_then_asks_pkg_config(tmp_path):
    libdir = _libdir_with_link(tmp_path)
    out = _probe(tmp_path, pkg_libdir=libdir)
    assert out.split("\n")[0] == "LOADED " + os.path.join(libdir, "libctensor.so.0")
    out = _probe(tmp_path, env_lib=str(tmp_path / "missing.so"), pkg_libdir=libdir)
    assert out.split("\n")[0] == "LOADED " + os.path.join(libdir, "libctensor.so.0")
    assert "WARNING ctensor: CTENSOR_LIBRARY=%s: " % (tmp_path / "missing.so") in out
    assert "using %s instead" % os.path.join(libdir, "libctensor.so.0") in out


def test_loader_falls_back_to_the_soname(tmp_path):
    libdir = _libdir_with_link(tmp_path)
    out = _probe(tmp_path, ld_path=libdir)
    assert out.split("\n")[0] == "LOADED libctensor.so.0"


def test_installed_package_prefers_its_own_libdir(tmp_path):
    # make install writes ctensor/_config.py naming the libdir it installed the library to
    installed = tmp_path / "site"
    shutil.copytree(os.path.join(PKG_DIR, "ctensor"), str(installed / "ctensor"),
                    ignore=shutil.ignore_patterns("__pycache__", "_config.py"))
    libdir = _libdir_with_link(tmp_path)
    (installed / "ctensor" / "_config.py").write_text("LIBDIR = %r\n" % libdir)
    other = tmp_path / "other"
    other.mkdir()
    os.symlink(_library_file(), str(other / "libctensor.so.0"))
    out = _probe(tmp_path, pkg_libdir=str(other), pkg_dir=str(installed))
    assert out.split("\n")[0] == "LOADED " + os.path.join(libdir, "libctensor.so.0")
    out = _probe(tmp_path, env_lib=_library_file(), pkg_dir=str(installed))
    assert out.split("\n")[0] == "LOADED " + _library_file()
