#!/bin/sh
# The Python package's tests (bindings/python/tests) under every interpreter
# that has pytest: python3 (on Debian with pyenv: NumPy 2.x from pip) and
# /usr/bin/python3 (Debian's NumPy 1.24 and PyTorch 1.13), against the
# library of this build tree. Prints TAP: one line per test and interpreter.
# An interpreter without pytest or NumPy is reported as skipped.
srcdir=${CT_TOP_SRCDIR:-.}
builddir=${CT_TOP_BUILDDIR:-.}
lib="$builddir/.libs/libctensor.so.0"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ct-python.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

if [ ! -e "$lib" ]; then
  echo "1..0 # SKIP no shared library in this build ($lib)"
  exit 0
fi

# A sanitizer build (configure --enable-sanitizers): the interpreter is not instrumented, so
# the sanitizer runtimes are preloaded for it; the interpreter's own allocations that live
# until exit are not ctensor's leaks, and other libraries' new/delete pairs are theirs.
if [ -n "${CT_SANITIZER_PRELOAD:-}" ]; then
  LD_PRELOAD="$CT_SANITIZER_PRELOAD"
  ASAN_OPTIONS="detect_leaks=0:alloc_dealloc_mismatch=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  export LD_PRELOAD ASAN_OPTIONS
  echo "# sanitizers: $CT_SANITIZERS (preloading $CT_SANITIZER_PRELOAD)"
fi

# hypothesis (the property tests) keeps a cache; it goes to the temporary directory, never into
# the tree (make distcheck's distcleancheck would find it).
HYPOTHESIS_STORAGE_DIRECTORY="$tmp/hypothesis"
export HYPOTHESIS_STORAGE_DIRECTORY

seen=
n=0
status=0
for py in python3 /usr/bin/python3; do
  exe=$(command -v "$py" 2>/dev/null) || continue
  real=$(readlink -f "$exe")
  case " $seen " in *" $real "*) continue ;; esac
  seen="$seen $real"
  label=$("$exe" -c 'import sys; print("python%d.%d" % sys.version_info[:2])' 2>/dev/null)
  if ! "$exe" -c 'import pytest, numpy' 2>/dev/null; then
    n=$((n + 1))
    echo "ok $n - $exe # SKIP pytest or numpy not installed for it"
    continue
  fi
  label="$label numpy-$("$exe" -c 'import numpy; print(numpy.__version__)')"
  "$exe" -c 'import torch' 2>/dev/null && label="$label torch-$("$exe" -c 'import torch; print(torch.__version__)')"
  echo "# $exe ($label)"
  CTENSOR_LIBRARY="$lib" PYTHONPATH="$srcdir/bindings/python:$srcdir/tests" \
    CT_TAP_FILE="$tmp/tap" CT_TAP_PREFIX="[$label] " PYTHONDONTWRITEBYTECODE=1 \
    "$exe" -m pytest -p ct_pytest_tap -p no:cacheprovider -q -rfE \
    "$srcdir/bindings/python/tests" >"$tmp/log" 2>&1
  rc=$?
  sed 's/^/# /' "$tmp/log" | tail -n 60
  while IFS= read -r line; do
    case "$line" in
      "ok "*) n=$((n + 1)); echo "ok $n ${line#ok - }" ;;
      "not ok "*) n=$((n + 1)); echo "not ok $n ${line#not ok - }" ;;
    esac
  done <"$tmp/tap"
  # pytest failing outside any test (collection errors, crashes) is a failure too.
  if [ "$rc" -ne 0 ] && ! grep -q '^not ok' "$tmp/tap"; then
    n=$((n + 1))
    echo "not ok $n - $exe: pytest exited with status $rc outside the tests"
    status=1
  fi
done
echo "1..$n"
exit 0
