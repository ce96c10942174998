#!/bin/sh
# The shared example program of issue 5 (examples/) in every language, each diffed against
# examples/expected.txt (the C program's output, committed). TAP, one line per run:
#   - the C program, $CT_TOP_BUILDDIR/examples/example (built by make, see Makefile.am);
#   - the C program under valgrind (--leak-check=full), when valgrind is installed;
#   - examples/example.py under python3 and /usr/bin/python3 (each one once; the package needs
#     no NumPy), against the library of this build tree;
#   - the Rust project examples/rust (`cargo run --offline`), when it exists and cargo is
#     installed; cargo's build directory is $CT_TOP_BUILDDIR/bindings-rust-target, outside the
#     source tree;
#   - examples/julia/example.jl with --project=bindings/julia, only when julia is installed
#     (it cannot be here: the file is syntax-checked by tests/julia-syntax.sh instead).
# CT_TOP_SRCDIR and CT_TOP_BUILDDIR come from make check's environment (default: .).
set -u

srcdir=${CT_TOP_SRCDIR:-.}
builddir=${CT_TOP_BUILDDIR:-.}
srcdir=$(cd "$srcdir" && pwd) || exit 1
builddir=$(cd "$builddir" && pwd) || exit 1
expected=$srcdir/examples/expected.txt
example=$builddir/examples/example
lib=$builddir/.libs/libctensor.so.0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ct-examples.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

n=0
status=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
fail() {
  n=$((n + 1))
  echo "not ok $n - $1"
  status=1
  shift
  for f in "$@"; do
    [ -s "$f" ] && sed 's/^/# /' "$f"
  done
}
# compare DESCRIPTION RC: one TAP line for a run whose stdout is $tmp/out and stderr $tmp/err:
# ok when it exited 0 and printed exactly expected.txt; otherwise the diff and stderr as comments.
compare() {
  if [ "$2" -ne 0 ]; then
    echo "exit status $2" >"$tmp/why"
    diff -u "$expected" "$tmp/out" >>"$tmp/why" 2>&1
    fail "$1" "$tmp/why" "$tmp/err"
  elif ! diff -u "$expected" "$tmp/out" >"$tmp/why" 2>&1; then
    fail "$1 (output differs from examples/expected.txt)" "$tmp/why" "$tmp/err"
  else
    ok "$1"
  fi
}

if [ ! -f "$expected" ]; then
  echo "Bail out! $expected is missing"
  exit 1
fi

# ---- C ----------------------------------------------------------------------------------------
if [ -x "$example" ]; then
  "$example" >"$tmp/out" 2>"$tmp/err"
  compare "C: examples/example" $?
  if [ -n "${CT_SANITIZERS:-}" ]; then
    skip "C: examples/example under valgrind" "sanitizer build ($CT_SANITIZERS)"
  elif command -v valgrind >/dev/null 2>&1; then
    # through libtool: examples/example is a wrapper script when the library is shared
    "$builddir/libtool" --mode=execute valgrind -q --leak-check=full --error-exitcode=1 \
      --suppressions="$srcdir/tests/valgrind.supp" "$example" >"$tmp/out" 2>"$tmp/err"
    compare "C: examples/example under valgrind --leak-check=full" $?
  else
    skip "C: examples/example under valgrind" "valgrind not installed"
  fi
else
  echo "examples/example is not built (make examples/example)" >"$tmp/why"
  fail "C: examples/example" "$tmp/why"
  skip "C: examples/example under valgrind" "examples/example not built"
fi

# ---- Python -----------------------------------------------------------------------------------
# In a sanitizer build the interpreter gets the runtimes preloaded (see tests/python.sh);
# only after the C program ran, which must not have them preloaded twice.
if [ -n "${CT_SANITIZER_PRELOAD:-}" ]; then
  LD_PRELOAD="$CT_SANITIZER_PRELOAD"
  ASAN_OPTIONS="detect_leaks=0:alloc_dealloc_mismatch=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
  export LD_PRELOAD ASAN_OPTIONS
fi
seen=
for py in python3 /usr/bin/python3; do
  exe=$(command -v "$py" 2>/dev/null) || continue
  real=$(readlink -f "$exe")
  case " $seen " in *" $real "*) continue ;; esac
  seen="$seen $real"
  label=$("$exe" -c 'import sys; print("python%d.%d" % sys.version_info[:2])' 2>/dev/null)
  if [ ! -e "$lib" ]; then
    skip "Python: examples/example.py under $exe" "no shared library in this build ($lib)"
    continue
  fi
  # the package itself needs no NumPy; an interpreter that cannot import it is skipped
  if ! CTENSOR_LIBRARY="$lib" PYTHONPATH="$srcdir/bindings/python" PYTHONDONTWRITEBYTECODE=1 \
       "$exe" -c 'import ctensor' >"$tmp/err" 2>&1; then
    skip "Python: examples/example.py under $exe ($label)" "cannot import ctensor: $(tail -n 1 "$tmp/err")"
    continue
  fi
  CTENSOR_LIBRARY="$lib" PYTHONPATH="$srcdir/bindings/python" PYTHONDONTWRITEBYTECODE=1 \
    "$exe" "$srcdir/examples/example.py" >"$tmp/out" 2>"$tmp/err"
  compare "Python: examples/example.py under $exe ($label)" $?
done

# ---- Rust -------------------------------------------------------------------------------------
cargo=${CARGO:-cargo}
manifest=$srcdir/examples/rust/Cargo.toml
if [ ! -f "$manifest" ]; then
  skip "Rust: examples/rust" "examples/rust/Cargo.toml not present"
elif ! command -v "$cargo" >/dev/null 2>&1; then
  skip "Rust: examples/rust" "cargo not found"
elif [ ! -e "$lib" ]; then
  skip "Rust: examples/rust" "no shared library in this build ($lib)"
elif [ -n "${CT_SANITIZERS:-}" ]; then
  skip "Rust: examples/rust" "sanitizer build ($CT_SANITIZERS): cargo's link does not name the runtime"
else
  # --locked when the project commits its Cargo.lock: then nothing is written to the source
  # tree (read-only under make distcheck)
  locked=
  [ -f "$srcdir/examples/rust/Cargo.lock" ] && locked=--locked
  (
    CARGO_TARGET_DIR=$builddir/bindings-rust-target
    CTENSOR_LIB_DIR=$builddir/.libs
    CTENSOR_INCLUDE_DIR=$srcdir/include
    LD_LIBRARY_PATH=$builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    CARGO_TERM_COLOR=never
    CARGO_TERM_PROGRESS_WHEN=never
    export CARGO_TARGET_DIR CTENSOR_LIB_DIR CTENSOR_INCLUDE_DIR LD_LIBRARY_PATH \
      CARGO_TERM_COLOR CARGO_TERM_PROGRESS_WHEN
    cd "$builddir" && exec "$cargo" run --offline --quiet $locked --manifest-path "$manifest"
  ) >"$tmp/out" 2>"$tmp/err"
  compare "Rust: examples/rust (cargo run --offline)" $?
fi

# ---- Julia ------------------------------------------------------------------------------------
if command -v julia >/dev/null 2>&1 && [ -f "$srcdir/examples/julia/example.jl" ]; then
  CTENSOR_LIBRARY="$lib" \
    julia --startup-file=no --project="$srcdir/bindings/julia" \
    "$srcdir/examples/julia/example.jl" >"$tmp/out" 2>"$tmp/err"
  compare "Julia: examples/julia/example.jl" $?
elif command -v julia >/dev/null 2>&1; then
  skip "Julia: examples/julia/example.jl" "examples/julia/example.jl not present"
else
  skip "Julia: examples/julia/example.jl" "julia not installed"
fi

echo "1..$n"
exit $status
