"""Find and load the ctensor shared library.

Places tried, in order:

1. the environment variable CTENSOR_LIBRARY: the path of libctensor.so.0 (a
   build tree's .libs/libctensor.so.0, say);
   then, in a package installed by ``make install``, the libdir that it
   recorded in _config.py (the library installed with the package);
2. pkg-config: ``pkg-config --variable=libdir ctensor`` names the directory
   of an installed ctensor;
3. the system loader, by SONAME (libctensor.so.0): LD_LIBRARY_PATH, the
   ld.so cache, the default directories.

The library is loaded twice over the same handle: ``lib`` (a ctypes.CDLL,
whose calls release the GIL) for every function, and ``pylib`` (a
ctypes.PyDLL, which keeps the GIL and checks for a Python exception after each
call) for the ct_dlpack_py_* functions, which call the CPython API.
``_capi.bind`` has set every function's argtypes and restype on them.
"""

import ctypes
import os
import subprocess
import sys
import warnings

from . import _capi

__all__ = ["lib", "pylib", "path", "abi_version", "missing"]

if sys.platform == "darwin":
    SONAME = "libctensor.0.dylib"
elif sys.platform == "win32":
    SONAME = "ctensor-0.dll"
else:
    SONAME = "libctensor.so.0"


def _pkg_config_libdir():
    """The libdir pkg-config gives for ctensor, or (None, why not)."""
    try:
        proc = subprocess.run(["pkg-config", "--variable=libdir", "ctensor"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, "pkg-config not usable (%s)" % exc.__class__.__name__
    libdir = proc.stdout.strip()
    if proc.returncode != 0 or not libdir:
        return None, "pkg-config knows no package ctensor"
    return libdir, None


def _candidates():
    """(description, path) of each place to try, in order; path None: nothing there."""
    env = os.environ.get("CTENSOR_LIBRARY")
    yield ("CTENSOR_LIBRARY=%s" % env, env) if env else ("CTENSOR_LIBRARY: not set", None)
    try:
        from . import _config  # written by make install
    except ImportError:
        pass
    else:
        yield "the install's libdir %s" % _config.LIBDIR, os.path.join(_config.LIBDIR, SONAME)
    libdir, why = _pkg_config_libdir()
    if libdir is None:
        yield why, None
    else:
        yield "pkg-config libdir %s" % libdir, os.path.join(libdir, SONAME)
    yield "system loader, %s" % SONAME, SONAME


def _load():
    """(CDLL, path) of the first place that loads; ImportError naming all tried."""
    tried = []
    for where, candidate in _candidates():
        if candidate is None:
            tried.append(where)
            continue
        try:
            found = ctypes.CDLL(candidate)
        except OSError as exc:
            tried.append("%s: %s" % (where, exc))
            continue
        if tried and tried[0].startswith("CTENSOR_LIBRARY="):
            warnings.warn("ctensor: %s; using %s instead" % (tried[0], candidate),
                          RuntimeWarning, stacklevel=3)
        return found, candidate
    raise ImportError(
        "ctensor: cannot load the ctensor C library. Tried, in order:\n  "
        + "\n  ".join(tried)
        + "\nSet CTENSOR_LIBRARY to the path of %s, or install ctensor where the system "
          "loader or pkg-config finds it." % SONAME)


def _check_abi(cdll, where):
    fn = cdll.ct_abi_version
    fn.argtypes = []
    fn.restype = ctypes.c_int32
    have = fn()
    need = getattr(_capi, "CT_ABI_VERSION", 0)
    if have < need:
        raise ImportError(
            "ctensor: the library %s has ABI level %d, but these bindings need level %d "
            "or later: install a newer libctensor or point CTENSOR_LIBRARY at one"
            % (where, have, need))
    return have


lib, path = _load()
abi_version = _check_abi(lib, path)
pylib = ctypes.PyDLL(path)
#: Functions of the headers that the loaded library lacks (an older build).
missing = _capi.bind(lib, pylib)
if missing:
    warnings.warn("ctensor: the library %s lacks %d function(s) of these bindings (%s%s): "
                  "it is older than the headers; rebuild it"
                  % (path, len(missing), ", ".join(missing[:5]),
                     ", ..." if len(missing) > 5 else ""), RuntimeWarning)
