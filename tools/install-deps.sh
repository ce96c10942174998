#!/bin/sh
# Installs the Debian/Ubuntu packages needed to build and test ctensor from a
# git checkout: the toolchain, the autotools, pkg-config, Check (unit tests),
# valgrind (make check-valgrind), binutils (nm/readelf for tests/abi.sh), clang
# with libFuzzer (make fuzz), and
# for the Python package's tests Debian's pytest, NumPy 1.x, PyTorch and
# pycparser (the bindings generator) and hypothesis (property tests) for
# /usr/bin/python3. When the python3 on PATH is another interpreter (pyenv,
# say), pytest, pycparser, hypothesis, NumPy 2.x,
# JAX (CPU) and tree-sitter's Julia grammar (the Julia syntax check) are
# installed into it with pip, so that both NumPy generations and JAX are tested.
# Uses sudo when not run as root. Does nothing, quickly, when every package
# is already installed.
set -eu

packages="build-essential autoconf automake libtool pkg-config check valgrind binutils python3 libopenblas-dev
  clang libclang-rt-14-dev python3-pytest python3-numpy python3-torch python3-pycparser python3-hypothesis"

missing=
for p in $packages; do
  # dpkg -s also lists removed-but-not-purged packages; the Status line says which.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done

# pip_deps: what the python3 on PATH lacks, when it is not Debian's own.
pip_deps() {
  py=$(command -v python3 2>/dev/null) || return 0
  [ "$(readlink -f "$py")" != "$(readlink -f /usr/bin/python3 2>/dev/null)" ] || return 0
  "$py" - <<'PY'
import importlib.util as u
need = [p for p, m in (("pytest", "pytest"), ("pycparser", "pycparser"), ("jax", "jax"), ("hypothesis", "hypothesis"),
                       ("tree-sitter", "tree_sitter"), ("tree-sitter-julia", "tree_sitter_julia"))
        if u.find_spec(m) is None]
try:
    import numpy
    if int(numpy.__version__.split(".")[0]) < 2:
        need.append("numpy>=2")
except ImportError:
    need.append("numpy>=2")
print(" ".join(need))
PY
}
pip_install() {
  need=$(pip_deps)
  [ -n "$need" ] || return 0
  echo "install-deps: pip installing $need for $(command -v python3)"
  # shellcheck disable=SC2086 # a list of requirements
  python3 -m pip install --quiet --disable-pip-version-check $need
}

if [ -z "$missing" ]; then
  echo "install-deps: all Debian build and test dependencies are installed"
  pip_install
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=
elif command -v sudo >/dev/null 2>&1; then
  as_root=sudo
else
  echo "install-deps: missing packages:$missing; run as root or install sudo" >&2
  exit 1
fi

echo "install-deps: installing$missing"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# apt's progress goes to the log; on failure the log is shown so that the error is visible.
run() {
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "install-deps: failed: $*" >&2
    exit 1
  fi
}
run $as_root env DEBIAN_FRONTEND=noninteractive apt-get -q update
# $missing is a list of package names: split on purpose.
# shellcheck disable=SC2086
run $as_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install $missing
echo "install-deps: done"
pip_install
