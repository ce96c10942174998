#!/bin/sh
# The committed bad-input battery (tests/check_badinput.c) must equal what
# tools/gen_badinput.py makes from the current headers, so that a function added
# to a header cannot miss its bad-input case (the generator also refuses to run
# while any function of the header model has no case and no listed exception).
# TAP: one test; on a difference it fails and shows the unified diff. Skips when
# no Python has pycparser. Uses /usr/bin/python3 when it has pycparser, else python3.
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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ct-badinput.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "1..1"
if "$py" "$srcdir/tools/gen_badinput.py" --srcdir "$srcdir" --check >"$tmp/diff" 2>"$tmp/err"; then
  echo "ok 1 - tests/check_badinput.c matches the headers ($("$py" "$srcdir/tools/gen_badinput.py" --srcdir "$srcdir" --stats))"
  exit 0
fi
echo "not ok 1 - tests/check_badinput.c differs from what tools/gen_badinput.py makes"
sed 's/^/# /' "$tmp/err" "$tmp/diff" | head -200
echo "# Regenerate with: python3 tools/gen_badinput.py"
exit 1
