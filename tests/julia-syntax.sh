#!/bin/sh
# Syntax check of every .jl file under bindings/julia (generated and hand-written)
# and examples/julia
# with a real Julia parser, the tree-sitter Julia grammar (Julia itself is not
# installable here), and check of the generated @ccall wrappers against the
# header model of tools/gen_bindings.py: see tests/julia-syntax.py. TAP.
# Skips when no Python has tree_sitter_julia (pip install tree-sitter
# tree-sitter-julia). The model comes from a Python with pycparser.
set -u

srcdir=${CT_TOP_SRCDIR:-.}

py=
for cand in python3 /usr/bin/python3; do
  if command -v "$cand" >/dev/null 2>&1 &&
     "$cand" -c 'import tree_sitter, tree_sitter_julia' >/dev/null 2>&1; then
    py=$cand
    break
  fi
done
if [ -z "$py" ]; then
  echo "# SKIP: the tree-sitter Julia grammar is not installed (pip install tree-sitter tree-sitter-julia)"
  echo "1..0 # SKIP tree_sitter_julia not importable by python3"
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ct-jlsyntax.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# the header model, from a Python with pycparser (the one with tree-sitter first)
model=
for cand in "$py" /usr/bin/python3 python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import pycparser' >/dev/null 2>&1; then
    if "$cand" "$srcdir/tools/gen_bindings.py" --srcdir "$srcdir" --model-json "$tmp/model.json" \
         2>"$tmp/model.err"; then
      model=$tmp/model.json
    fi
    break
  fi
done

if [ -n "$model" ]; then
  "$py" "$srcdir/tests/julia-syntax.py" --srcdir "$srcdir" --model-json "$model"
else
  [ -s "$tmp/model.err" ] && sed 's/^/# /' "$tmp/model.err"
  echo "# no header model (pycparser missing or tools/gen_bindings.py failed): signatures unchecked"
  "$py" "$srcdir/tests/julia-syntax.py" --srcdir "$srcdir"
fi
rc=$?
[ "$rc" -eq 77 ] && exit 0
exit "$rc"
