#!/bin/sh
# The committed generated bindings (bindings/python/ctensor/_capi.py, and those
# of every other emitter of tools/gen_bindings.py) must equal what the
# generator makes from the current headers. TAP: one test; on a difference it
# fails and shows the unified diff. Skips when no Python has pycparser.
# Uses /usr/bin/python3 when it has pycparser, else python3.
set -u

srcdir=${CT_TOP_SRCDIR:-.}

py=
for cand in /usr/bin/python3 python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import pycparser' >/dev/null 2>&1; then
    py=$cand
    break
  fi
done
if [ -z "$py" ]; then
  echo "# SKIP: pycparser not found (install python3-pycparser or pip install pycparser)"
  echo "1..0 # SKIP pycparser not found"
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ct-regen.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "1..2"
status=0
"$py" "$srcdir/tools/gen_bindings.py" --srcdir "$srcdir" --check >"$tmp/diff" 2>"$tmp/err"
rc=$?
pyver=$("$py" -c 'import pycparser, sys; print("Python %d.%d, pycparser %s" % (sys.version_info[:2] + (pycparser.__version__,)))')
if [ "$rc" -eq 0 ]; then
  echo "ok 1 - generated bindings match the headers ($pyver)"
else
  status=1
  echo "not ok 1 - generated bindings differ from what tools/gen_bindings.py makes ($pyver)"
  sed 's/^/# /' "$tmp/err" "$tmp/diff"
  echo "# Regenerate with: python3 tools/gen_bindings.py --check, then --python/--rust/--julia"
fi
# The Rust crate's table of elementwise ops, generated from elementwise.h.
if "$py" "$srcdir/tools/gen_rust_ops.py" --check >"$tmp/out" 2>&1; then
  echo "ok 2 - bindings/rust/ctensor/src/elementwise_table.rs matches elementwise.h"
else
  status=1
  echo "not ok 2 - bindings/rust/ctensor/src/elementwise_table.rs is out of date (python3 tools/gen_rust_ops.py)"
  sed 's/^/# /' "$tmp/out"
fi
exit $status
