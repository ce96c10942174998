#!/bin/sh
# tests/gpu/run-gpu-tests.sh: every GPU test and benchmark of ctensor in one command.
#
#   tests/gpu/run-gpu-tests.sh            # from the top of a built tree, on a GPU machine
#
# The tree must already be built, on a machine with nvcc, Check and libtool:
#   ./configure --with-cuda && make && make gpu-programs
# (gpu-programs builds the Check suites, tests/cuda_parity and bench/cuda_bench
# without running anything). The build outputs travel with the
# tree. The GPU machine needs no compiler, libtool or network: this script runs the
# real binaries under .libs/ with LD_LIBRARY_PATH pointing at the build's library,
# and CTENSOR_PLUGIN_PATH at the directory holding the CUDA module ct_cuda.so.
#
# It runs, in order:
#   1. tests/check_cuda        the Check suite's GPU cases (TAP)
#   2. tests/cuda_parity       backend parity against the CPU (TAP)
#   3. pytest                  bindings/python/tests/test_cuda*.py and tests/gpu/test_gpu_exchange.py
#   4. bench/cuda_bench        the C benchmark (CUDA events)
#   5. bench/cuda_bench.py     the Python benchmark, side by side with PyTorch and CuPy, with
#                              the C benchmark's numbers in their own column
# Everything goes to ${OUT:-/tmp/ctensor-gpu}/ (one .log per step, summary.txt),
# and the last line is "N passed, N failed" (tests counted one by one; a benchmark
# counts as one test that passes when it runs to the end). Exit status 0 when
# nothing failed.
#
# Environment: OUT (output directory), PYTHON (default python3), CT_GPU_STEPS (a
# space-separated subset of: check parity pytest bench pybench).
# Word splitting of $files and of the counts is intended.
# shellcheck disable=SC2086,SC2046
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${OUT:-/tmp/ctensor-gpu}
py=${PYTHON:-python3}
steps=${CT_GPU_STEPS:-check parity pytest bench pybench}
mkdir -p "$out"
: >"$out/summary.txt"
cd "$top" || exit 1

passed=0
failed=0

say() {
  echo "$*"
  echo "$*" >>"$out/summary.txt"
}

# The real executable of a libtool program dir/name: dir/.libs/name (or lt-name), else dir/name
# when that is not libtool's wrapper script.
program() {
  for f in "$1/.libs/$2" "$1/.libs/lt-$2" "$1/$2"; do
    if [ -f "$f" ] && [ -x "$f" ] && [ "$(head -c 4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ]; then
      echo "$f"
      return 0
    fi
  done
  return 1
}

lib="$top/.libs/libctensor.so.0"
if [ ! -e "$lib" ]; then
  say "no $lib: build the tree first (see the comment at the top of $0)"
  say "0 passed, 1 failed"
  exit 1
fi
# The CUDA module: lib/cuda/.libs/ct_cuda.so in a libtool build; any other ct_cuda.so outside
# the fake modules of tests/plugins as a fallback.
plugin_dir=
for d in "$top/lib/cuda/.libs" "$top/lib/cuda" "$top/.libs"; do
  if [ -e "$d/ct_cuda.so" ]; then plugin_dir=$d; break; fi
done
if [ -z "$plugin_dir" ]; then
  found=$(find "$top" -name ct_cuda.so -not -path '*/tests/plugins/*' 2>/dev/null | head -n 1)
  [ -n "$found" ] && plugin_dir=$(dirname "$found")
fi
export LD_LIBRARY_PATH="$top/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export CTENSOR_LIBRARY="$lib"
export CTENSOR_PLUGIN_PATH="${plugin_dir:-$top/lib/cuda/.libs}"
export CT_TOP_SRCDIR="$top" CT_TOP_BUILDDIR="$top"

{
  echo "# ctensor GPU run, $(date -u '+%Y-%m-%d %H:%M:%S UTC'), tree $top"
  echo "# library $lib, CUDA module in ${plugin_dir:-(not found)}"
  command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | sed 's/^/# GPU: /'
} | tee -a "$out/summary.txt"
[ -n "$plugin_dir" ] || say "# WARNING: no ct_cuda.so in the tree: was it configured --with-cuda?"

# Prints the counts of passed and failed TAP lines of a log (a skipped test counts as passed).
tap_counts() {
  echo "$(grep -c '^ok ' "$1") $(grep -c '^not ok ' "$1")"
}

# A benchmark step: one pass for a clean exit that ran (a SKIP means no GPU: a failure here).
count_exit() {
  if [ "$1" -eq 0 ] && ! grep -q '^SKIP' "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
}

has_step() {
  case " $steps " in *" $1 "*) return 0 ;; esac
  return 1
}

# ---- 1. the Check suite ------------------------------------------------------------------------
if has_step check; then
  if exe=$(program tests check_cuda); then
    CK_TAP_LOG_FILE_NAME=- CK_VERBOSITY=silent CK_DEFAULT_TIMEOUT=600 "$exe" >"$out/check_cuda.log" 2>&1
    rc=$?
    set -- $(tap_counts "$out/check_cuda.log")
    passed=$((passed + $1))
    failed=$((failed + $2))
    say "check_cuda: exit $rc, $1 passed, $2 failed (log: $out/check_cuda.log)"
    if grep -q '^# skip gpu_' "$out/check_cuda.log"; then
      say "check_cuda: FAILED: it skipped its GPU cases (no usable GPU or module):"
      grep '^# skip gpu_' "$out/check_cuda.log" | sed 's/^/  /'
      failed=$((failed + 1))
    fi
    [ "$rc" -ne 0 ] && [ "$2" -eq 0 ] && failed=$((failed + 1))
  else
    say "check_cuda: not built (make gpu-programs)"
    failed=$((failed + 1))
  fi
fi

# ---- 2. backend parity ---------------------------------------------------------------------------
if has_step parity; then
  if exe=$(program tests cuda_parity); then
    "$exe" >"$out/cuda_parity.log" 2>&1
    rc=$?
    set -- $(tap_counts "$out/cuda_parity.log")
    passed=$((passed + $1))
    failed=$((failed + $2))
    say "cuda_parity: exit $rc, $1 passed, $2 failed (log: $out/cuda_parity.log)"
    if [ "$rc" -eq 77 ]; then
      say "# $(grep '^1\.\.0' "$out/cuda_parity.log")"
      failed=$((failed + 1))
    elif [ "$rc" -ne 0 ] && [ "$2" -eq 0 ]; then
      failed=$((failed + 1))
    fi
    grep -A1 '^not ok' "$out/cuda_parity.log" | head -n 40 | sed 's/^/  /'
  else
    say "cuda_parity: not built (make gpu-programs)"
    failed=$((failed + 1))
  fi
fi

# ---- 3. Python ---------------------------------------------------------------------------------
if has_step pytest; then
  files=
  for f in bindings/python/tests/test_cuda*.py tests/gpu/test_gpu_exchange.py; do
    [ -e "$f" ] && files="$files $f"
  done
  if [ -z "$files" ]; then
    say "pytest: no GPU test files"
  elif ! "$py" -c 'import pytest' 2>/dev/null; then
    say "pytest: $py has no pytest"
    failed=$((failed + 1))
  else
    PYTHONPATH="$top/bindings/python:$top/tests" PYTHONDONTWRITEBYTECODE=1 \
      "$py" -m pytest -p no:cacheprovider -q -rfEs $files >"$out/pytest.log" 2>&1
    rc=$?
    line=$(tail -n 1 "$out/pytest.log")
    p=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) passed.*/\1/p; s/^\([0-9][0-9]*\) passed.*/\1/p' | head -n 1)
    f=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) failed.*/\1/p; s/^\([0-9][0-9]*\) failed.*/\1/p' | head -n 1)
    e=$(echo "$line" | sed -n 's/.* \([0-9][0-9]*\) error.*/\1/p' | head -n 1)
    p=${p:-0} f=${f:-0} e=${e:-0}
    passed=$((passed + p))
    failed=$((failed + f + e))
    say "pytest: exit $rc, $line (log: $out/pytest.log)"
    [ "$rc" -ne 0 ] && [ "$rc" -ne 5 ] && [ $((f + e)) -eq 0 ] && failed=$((failed + 1))
    grep -E '^(FAILED|ERROR)' "$out/pytest.log" | head -n 30 | sed 's/^/  /'
  fi
fi

# ---- 4. and 5. benchmarks ---------------------------------------------------------------------
if has_step bench; then
  if exe=$(program bench cuda_bench); then
    "$exe" >"$out/cuda_bench.log" 2>&1
    rc=$?
    count_exit $rc "$out/cuda_bench.log"
    say "cuda_bench: exit $rc (log: $out/cuda_bench.log)"
    sed 's/^/  /' "$out/cuda_bench.log"
  else
    say "cuda_bench: not built (make gpu-programs)"
    failed=$((failed + 1))
  fi
fi
if has_step pybench; then
  c_log=
  [ -s "$out/cuda_bench.log" ] && c_log="--c-log $out/cuda_bench.log"
  PYTHONPATH="$top/bindings/python" "$py" "$top/bench/cuda_bench.py" $c_log >"$out/cuda_bench_py.log" 2>&1
  rc=$?
  count_exit $rc "$out/cuda_bench_py.log"
  say "cuda_bench.py: exit $rc (log: $out/cuda_bench_py.log)"
  sed 's/^/  /' "$out/cuda_bench_py.log"
fi

say "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
