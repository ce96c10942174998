#!/bin/sh
# The CUDA module as built, as TAP: it exists where configure found CUDA, it
# exports nothing but its entry point, it links the CUDA runtime and cuBLAS
# (while libctensor links neither; tests/abi.sh checks that side), and
# libctensor loads it through CTENSOR_PLUGIN_PATH: on a machine without a
# driver or a GPU the reason then comes from the module itself, not from a
# failed search. Skips when the build has no module.
set -eu

builddir=${CT_TOP_BUILDDIR:-.}
la="$builddir/lib/cuda/ct_cuda.la"
if [ ! -f "$la" ]; then
  echo "1..0 # SKIP built without the CUDA module (./configure found no CUDA toolkit, or --without-cuda)"
  exit 0
fi
mod="$builddir/lib/cuda/.libs/ct_cuda.so"
echo "1..4"
n=0
check() {
  n=$((n + 1))
  desc=$1
  shift
  if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; fi
}

exports() { nm -D --defined-only "$mod" | awk '$2 == "T" || $2 == "D" || $2 == "B" { print $3 }'; }
only_init() { [ "$(exports)" = "ct_backend_cuda_init" ]; }
check "ct_cuda.so exports only ct_backend_cuda_init" only_init
needs() { readelf -d "$mod" | grep NEEDED | grep -q "$1"; }
links_cuda() { needs libcudart && needs libcublas && needs libctensor; }
check "ct_cuda.so links libcudart, libcublas and libctensor" links_cuda

# What libctensor says about CUDA with the module on CTENSOR_PLUGIN_PATH.
probe() {
  CTENSOR_PLUGIN_PATH="$builddir/lib/cuda/.libs" LD_LIBRARY_PATH="$builddir/.libs" python3 - "$builddir/.libs/libctensor.so" <<'PY'
import ctypes, sys
lib = ctypes.CDLL(sys.argv[1])
lib.ct_last_error_message.restype = ctypes.c_char_p
n = ctypes.c_int32(-1)
assert lib.ct_cuda_device_count(ctypes.byref(n)) == 0
if n.value > 0:
    print("available", n.value)
else:
    p = ctypes.c_void_p()
    st = lib.ct_cuda_stream_create(ctypes.byref(p), -1, 0)
    print("unavailable", st, lib.ct_last_error_message().decode())
PY
}
out=$(probe 2>&1) || true
echo "# $out"
loaded() {
  case $out in
    available*) true ;;
    "unavailable 9 ct_cuda_stream_create: backend unavailable for device 'cuda': "*"ct_cuda.so: no usable CUDA driver or device"*) true ;;
    "unavailable 9 ct_cuda_stream_create: backend unavailable for device 'cuda': "*"ct_cuda.so: the CUDA driver reports no device"*) true ;;
    *) false ;;
  esac
}
check "libctensor loads the module and its init runs (a GPU, or the module's own reason why not)" loaded
not_searched() { case $out in *"was not found"*) false ;; *) true ;; esac; }
check "the reason is not a failed search for the module" not_searched
