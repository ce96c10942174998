#!/bin/sh
# The exported ABI of the built libctensor: only ct_* symbols, none of the
# internal ct__* ones, and the SONAME libctensor.so.0. Prints TAP.
lib="${CT_TOP_BUILDDIR:-.}/.libs/libctensor.so"
echo "1..3"
if [ ! -f "$lib" ]; then
  echo "Bail out! $lib not built (shared library disabled?)"
  exit 1
fi
bad=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sed 's/@.*//' | grep -v '^ct_' || true)
if [ -z "$bad" ]; then echo "ok 1 - only ct_* symbols are exported"; else echo "not ok 1 - exported non-ct_ symbols: $bad"; fi
internal=$(nm -D --defined-only "$lib" | awk '{print $3}' | sed 's/@.*//' | grep '^ct__' || true)
if [ -z "$internal" ]; then echo "ok 2 - no internal ct__* symbol is exported"; else echo "not ok 2 - internal symbols exported: $internal"; fi
soname=$(readelf -d "$lib" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
if [ "$soname" = "libctensor.so.0" ]; then echo "ok 3 - SONAME is libctensor.so.0"; else echo "not ok 3 - SONAME is '$soname'"; fi
