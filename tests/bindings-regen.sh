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

echo "1..1"
"$py" "$srcdir/tools/gen_bindings.py" --srcdir "$srcdir" --check >"$tmp/diff" 2>"$tmp/err"
rc=$?
pyver=$("$py" -c 'import pycparser, sys; print("Python %d.%d, pycparser %s" % (sys.version_info[:2] + (pycparser.__version__,)))')
if [ "$rc" -eq 0 ]; then
  echo "ok 1 - generated bindings match the headers ($pyver)"
  exit 0
fi
echo "not ok 1 - generated bindings differ from what tools/gen_bindings.py makes ($pyver)"
sed 's/^/# /' "$tmp/err" "$tmp/diff"
echo "# Regenerate with: python3 tools/gen_bindings.py --python bindings/python/ctensor/_capi.py"
exit 1
