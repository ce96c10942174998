#!/bin/sh
# Runs the Julia package's tests (bindings/julia/test/runtests.jl) against the library of this
# build tree, when julia is installed; skips visibly (TAP "1..0 # SKIP") otherwise. TAP.
# CT_TOP_SRCDIR: the source tree (default .); CT_TOP_BUILDDIR: the build tree holding
# .libs/libctensor.so.0 (default: the current directory).
set -u

srcdir=${CT_TOP_SRCDIR:-.}
builddir=${CT_TOP_BUILDDIR:-.}

if ! command -v julia >/dev/null 2>&1; then
  echo "# SKIP: julia is not installed; bindings/julia/test/runtests.jl not run"
  echo "1..0 # SKIP julia not installed"
  exit 0
fi

lib=$builddir/.libs/libctensor.so.0
if [ ! -e "$lib" ]; then
  echo "1..1"
  echo "not ok 1 - julia: $lib not found (build the library first)"
  exit 1
fi
case $lib in
  /*) ;;
  *) lib=$(cd "$(dirname "$lib")" && pwd)/$(basename "$lib") ;;
esac

echo "1..1"
out=$(CTENSOR_LIBRARY=$lib julia --startup-file=no --project="$srcdir/bindings/julia" \
        "$srcdir/bindings/julia/test/runtests.jl" 2>&1)
rc=$?
printf '%s\n' "$out" | sed 's/^/# /'
if [ "$rc" -eq 0 ]; then
  echo "ok 1 - julia bindings/julia/test/runtests.jl"
else
  echo "not ok 1 - julia bindings/julia/test/runtests.jl (exit $rc)"
fi
exit "$rc"
