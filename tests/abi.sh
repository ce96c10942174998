#!/bin/sh
# The exported ABI of the built libctensor, as TAP: the SONAME, only ct_*
# symbols exported (none of the internal ct__* ones), each under the CTENSOR_0
# version node, exactly the functions that the public headers declare with
# CT_API, and no CUDA library linked into the core.
# Skips when the library was configured without shared libraries.
set -eu

builddir=${CT_TOP_BUILDDIR:-.}
srcdir=${CT_TOP_SRCDIR:-.}
la="$builddir/libctensor.la"

if [ ! -f "$la" ]; then
  echo "1..0 # SKIP $la not built"
  exit 0
fi
# libtool records the shared library's name as dlname; it is empty for --disable-shared.
dlname=$(sed -n "s/^dlname='\(.*\)'$/\1/p" "$la")
if [ -z "$dlname" ]; then
  echo "1..0 # SKIP no shared library (configured with --disable-shared)"
  exit 0
fi
lib="$builddir/.libs/$dlname"

echo "1..6"
if [ ! -f "$lib" ]; then
  echo "Bail out! $lib not built"
  exit 0
fi

n=0
# check DESCRIPTION DETAIL COMMAND...: one TAP line from the command's exit status.
check() {
  n=$((n + 1))
  desc=$1 detail=$2
  shift 2
  if "$@"; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    printf '%s\n' "$detail" | sed 's/^/# /'
  fi
}
words() { printf '%s\n' "$1" | tr '\n' ' '; }

# Defined dynamic symbols: "name@@VERSION", "name@VERSION" or "name".
defined=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVWiu]$/ {print $3}')
names=$(printf '%s\n' "$defined" | sed 's/@.*//' | sort -u)

soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
check "SONAME is libctensor.so.0" "SONAME is '$soname'" [ "$soname" = "libctensor.so.0" ]

bad=$(printf '%s\n' "$names" | grep -v '^ct_' || true)
check "only ct_* symbols are exported" "exported non-ct_ symbols: $(words "$bad")" [ -z "$bad" ]

internal=$(printf '%s\n' "$names" | grep '^ct__' || true)
check "no internal ct__* symbol is exported" "internal symbols exported: $(words "$internal")" \
  [ -z "$internal" ]

unversioned=$(printf '%s\n' "$defined" | grep '^ct_' | grep -v '@@CTENSOR_0$' || true)
check "every ct_* symbol has the version CTENSOR_0" "not in CTENSOR_0: $(words "$unversioned")" \
  [ -z "$unversioned" ]

# Function names declared with CT_API in the public headers (the name is on the CT_API line).
declared=$(cat "$srcdir"/include/ctensor/*.h |
  sed -n 's/^CT_API[^(]*[ *]\(ct_[A-Za-z0-9_]*\)(.*/\1/p' | sort -u)
missing=$(printf '%s\n' "$declared" | grep -vxF "$names" || true)
extra=$(printf '%s\n' "$names" | grep '^ct_' | grep -vxF "$declared" || true)
ndeclared=$(printf '%s\n' "$declared" | grep -c . || true)
exports_match() { [ "$ndeclared" -gt 0 ] && [ -z "$missing$extra" ]; }
check "exports are exactly the $ndeclared CT_API functions of include/ctensor/*.h" \
  "declared but not exported: $(words "$missing")
exported but not declared: $(words "$extra")" exports_match

cuda=$(readelf -d "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\].*/\1/p' | grep -Ei 'cuda|cublas' || true)
check "the core library links no CUDA library" "NEEDED: $(words "$cuda")" [ -z "$cuda" ]
