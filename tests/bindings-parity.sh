#!/bin/sh
# Every function that the built library exports is in every binding layer and
# nothing else is: the ct_* symbols of .libs/libctensor.so (nm -D
# --defined-only) must equal the functions of the generator's model (parsed
# from include/ctensor/*.h), the names in _capi.FUNCTIONS, the Rust
# declarations (`pub fn ct_x(` in ctensor-sys) and the Julia wrappers
# (`@ccall libctensor.ct_x(` in LibCTensor.jl). TAP: one test per layer,
# naming each missing name and the layer that misses it.
set -u

srcdir=${CT_TOP_SRCDIR:-.}
builddir=${CT_TOP_BUILDDIR:-.}

lib=
for cand in "$builddir/.libs/libctensor.so" "$builddir/.libs/libctensor.so.0"; do
  if [ -f "$cand" ]; then lib=$cand; break; fi
done
if [ -z "$lib" ]; then
  echo "1..0 # SKIP $builddir/.libs/libctensor.so not built (no shared library)"
  exit 0
fi

pyc=
for cand in /usr/bin/python3 python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import pycparser' >/dev/null 2>&1; then
    pyc=$cand
    break
  fi
done
py=${pyc:-python3}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ct-parity.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

nm -D --defined-only "$lib" | awk '$2 ~ /^[TW]$/ {print $3}' | sed 's/@.*//' |
  grep '^ct_' | LC_ALL=C sort -u >"$tmp/exported"

echo "1..4"
status=0

# compare LAYER FILE N: one TAP line for the names of FILE against the exports.
compare() {
  LC_ALL=C sort -u "$2" >"$2.sorted"
  missing=$(LC_ALL=C comm -23 "$tmp/exported" "$2.sorted")
  extra=$(LC_ALL=C comm -13 "$tmp/exported" "$2.sorted")
  if [ -z "$missing$extra" ]; then
    echo "ok $3 - $1 has exactly the $(wc -l <"$tmp/exported" | tr -d ' ') exported functions"
    return
  fi
  status=1
  echo "not ok $3 - $1 differs from the exports of $lib"
  for name in $missing; do echo "# missing from $1: $name (exported by the library)"; done
  for name in $extra; do echo "# in $1 but not exported by the library: $name"; done
}

if [ -z "$pyc" ]; then
  echo "ok 1 # SKIP the generator's model: pycparser not found"
elif "$pyc" "$srcdir/tools/gen_bindings.py" --srcdir "$srcdir" --list-functions \
    >"$tmp/model" 2>"$tmp/err"; then
  compare "the generator's model (include/ctensor/*.h)" "$tmp/model" 1
else
  status=1
  echo "not ok 1 - tools/gen_bindings.py --list-functions failed"
  sed 's/^/# /' "$tmp/err"
fi

if "$py" -c '
import runpy, sys
print("\n".join(runpy.run_path(sys.argv[1])["FUNCTIONS"]))
' "$srcdir/bindings/python/ctensor/_capi.py" >"$tmp/capi" 2>"$tmp/err"; then
  compare "bindings/python/ctensor/_capi.py FUNCTIONS" "$tmp/capi" 2
else
  status=1
  echo "not ok 2 - cannot read FUNCTIONS of bindings/python/ctensor/_capi.py"
  sed 's/^/# /' "$tmp/err"
fi

# layer N FILE SED-SCRIPT: test N, the function names FILE declares (found by SED-SCRIPT).
layer() {
  n=$1 file=$2 pattern=$3
  if [ ! -f "$srcdir/$file" ]; then
    status=1
    echo "not ok $n - $file is missing"
    return
  fi
  sed -n "$pattern" "$srcdir/$file" >"$tmp/layer$n"
  compare "$file" "$tmp/layer$n" "$n"
}
layer 3 bindings/rust/ctensor-sys/src/bindings.rs 's/^ *pub fn \(ct_[A-Za-z0-9_]*\)(.*/\1/p'
layer 4 bindings/julia/src/LibCTensor.jl 's/.*@ccall *libctensor\.\(ct_[A-Za-z0-9_]*\)(.*/\1/p'
exit $status
