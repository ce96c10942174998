#!/bin/sh
# The Rust bindings: bindings/rust/ctensor-sys (the raw low level) and bindings/rust/ctensor
# (the safe crate): for each, `cargo test --offline` against the library just built, then
# `cargo clippy -D warnings` when clippy is installed; then examples/rust (the shared example
# program) is built, run and diffed against examples/expected.txt. TAP: one line per cargo
# test ("ok N - sys::name" for ctensor-sys, "ok N - ctensor/BIN::name" for the safe crate), a
# line when cargo fails outside any test (a build error), a line per clippy run (skipped when
# absent) and one for the example; the plan comes last. Skips when cargo is absent. Cargo's
# build directory is $CT_TOP_BUILDDIR/bindings-rust-target, outside the source tree (which may
# be read-only under make distcheck; the Cargo.lock files are committed, so --locked writes
# nothing there).
set -u

srcdir=${CT_TOP_SRCDIR:-.}
builddir=${CT_TOP_BUILDDIR:-.}
srcdir=$(cd "$srcdir" && pwd) || exit 1
builddir=$(cd "$builddir" && pwd) || exit 1
cargo=${CARGO:-cargo}

if ! command -v "$cargo" >/dev/null 2>&1; then
  echo "# SKIP: cargo not found (install Rust to test bindings/rust)"
  echo "1..0 # SKIP cargo not found"
  exit 0
fi

# A sanitizer build's library needs the sanitizer runtime, which cargo's links do not name.
if [ -n "${CT_SANITIZERS:-}" ]; then
  echo "1..0 # SKIP sanitizer build ($CT_SANITIZERS): the crates are tested against the plain build"
  exit 0
fi

# A --disable-shared build has only libctensor.a, whose private libraries (OpenMP, BLAS) a
# cargo link would have to name itself: the crates are tested against the shared library.
if [ ! -e "$builddir/.libs/libctensor.so.0" ]; then
  echo "1..0 # SKIP no shared library in this build ($builddir/.libs/libctensor.so.0)"
  exit 0
fi

CARGO_TARGET_DIR=$builddir/bindings-rust-target
CTENSOR_LIB_DIR=$builddir/.libs
CTENSOR_INCLUDE_DIR=$srcdir/include
LD_LIBRARY_PATH=$builddir/.libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export CARGO_TARGET_DIR CTENSOR_LIB_DIR CTENSOR_INCLUDE_DIR LD_LIBRARY_PATH
# no colour codes or progress bars in the log
CARGO_TERM_COLOR=never
CARGO_TERM_PROGRESS_WHEN=never
export CARGO_TERM_COLOR CARGO_TERM_PROGRESS_WHEN

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ct-rust.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "# $("$cargo" --version 2>&1); $(rustc --version 2>&1)"
n=0
status=0

# run_tests MANIFEST PREFIX: cargo test, one TAP line per test named PREFIX BIN::name
# ("sys::" for ctensor-sys keeps its historic names).
run_tests() {
  "$cargo" test --offline --locked --manifest-path "$1" >"$tmp/test.out" 2>&1
  rc=$?
  # "Running tests/sys.rs (...)" / "Running unittests src/lib.rs (...)" name the binary;
  # "test NAME ... ok|FAILED|ignored" are the results. One TAP line each.
  awk -v n="$n" -v prefix="$2" '
    /^ *Running / { bin = $2; if (bin == "unittests") bin = $3
                    sub(/^.*\//, "", bin); sub(/\.rs$/, "", bin); next }
    /^ *Doc-tests / { bin = "doc"; next }
    /^test .* \.\.\. (ok|FAILED|ignored)/ {
      res = $NF; name = $0; sub(/^test /, "", name); sub(/ \.\.\. [^ ]*$/, "", name)
      n++
      if (res == "ok") print "ok " n " - " prefix bin "::" name
      else if (res == "ignored") print "ok " n " - " prefix bin "::" name " # SKIP ignored"
      else print "not ok " n " - " prefix bin "::" name
    }
    END { print n + 0 > "/dev/stderr" }
  ' "$tmp/test.out" 2>"$tmp/count"
  n=$(cat "$tmp/count")
  if [ "$rc" -ne 0 ]; then
    status=1
    n=$((n + 1))
    echo "not ok $n - cargo test --offline $2(exit $rc)"
    sed 's/^/# /' "$tmp/test.out"
  fi
}

# run_clippy MANIFEST LABEL
run_clippy() {
  n=$((n + 1))
  if "$cargo" clippy --version >/dev/null 2>&1; then
    if "$cargo" clippy --offline --locked --all-targets --manifest-path "$1" \
         -- -D warnings >"$tmp/clippy.out" 2>&1; then
      echo "ok $n - cargo clippy -D warnings$2"
    else
      echo "not ok $n - cargo clippy -D warnings$2"
      status=1
      sed 's/^/# /' "$tmp/clippy.out"
    fi
  else
    echo "ok $n - cargo clippy -D warnings$2 # SKIP clippy not installed"
  fi
}

sys_manifest=$srcdir/bindings/rust/ctensor-sys/Cargo.toml
safe_manifest=$srcdir/bindings/rust/ctensor/Cargo.toml
example_manifest=$srcdir/examples/rust/Cargo.toml

run_tests "$sys_manifest" ""
run_clippy "$sys_manifest" ""
run_tests "$safe_manifest" "ctensor/"
run_clippy "$safe_manifest" " (ctensor)"
run_clippy "$example_manifest" " (examples/rust)"

# The example: build, run, diff against the C program's committed output.
n=$((n + 1))
if "$cargo" build --offline --locked -q --manifest-path "$example_manifest" >"$tmp/ex.build" 2>&1 \
   && "$CARGO_TARGET_DIR/debug/ctensor-example" >"$tmp/ex.out" 2>"$tmp/ex.err"; then
  if diff -u "$srcdir/examples/expected.txt" "$tmp/ex.out" >"$tmp/ex.diff" 2>&1; then
    echo "ok $n - examples/rust output equals examples/expected.txt"
  else
    echo "not ok $n - examples/rust output equals examples/expected.txt"
    status=1
    sed 's/^/# /' "$tmp/ex.diff"
  fi
else
  echo "not ok $n - examples/rust builds and runs"
  status=1
  cat "$tmp/ex.build" "$tmp/ex.err" 2>/dev/null | sed 's/^/# /'
fi
echo "1..$n"
exit $status
