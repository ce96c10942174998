#!/bin/sh
# The Rust low level (bindings/rust/ctensor-sys): `cargo test --offline` against the
# library just built, then `cargo clippy -D warnings` when clippy is installed. TAP: one
# line per cargo test ("ok N - sys::name"), a line when cargo fails outside any test (a build
# error), and a line for clippy (skipped when absent); the plan comes last. Skips when cargo is
# absent. Cargo's build directory is $CT_TOP_BUILDDIR/bindings-rust-target, outside the source
# tree (which may be read-only under make distcheck; Cargo.lock is committed, so --locked
# writes nothing there).
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

manifest=$srcdir/bindings/rust/ctensor-sys/Cargo.toml
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
"$cargo" test --offline --locked --manifest-path "$manifest" >"$tmp/test.out" 2>&1
rc=$?

# "Running tests/sys.rs (...)" / "Running unittests src/lib.rs (...)" name the binary;
# "test NAME ... ok|FAILED|ignored" are the results. One TAP line each.
awk '
  /^ *Running / { bin = $2; if (bin == "unittests") bin = $3
                  sub(/^.*\//, "", bin); sub(/\.rs$/, "", bin); next }
  /^ *Doc-tests / { bin = "doc"; next }
  /^test .* \.\.\. (ok|FAILED|ignored)/ {
    res = $NF; name = $0; sub(/^test /, "", name); sub(/ \.\.\. [^ ]*$/, "", name)
    n++
    if (res == "ok") print "ok " n " - " bin "::" name
    else if (res == "ignored") print "ok " n " - " bin "::" name " # SKIP ignored"
    else print "not ok " n " - " bin "::" name
  }
  END { print n + 0 > "/dev/stderr" }
' "$tmp/test.out" 2>"$tmp/count"
n=$(cat "$tmp/count")
status=0
if [ "$rc" -ne 0 ]; then
  status=1
  n=$((n + 1))
  echo "not ok $n - cargo test --offline (exit $rc)"
  sed 's/^/# /' "$tmp/test.out"
fi

n=$((n + 1))
if "$cargo" clippy --version >/dev/null 2>&1; then
  if "$cargo" clippy --offline --locked --all-targets --manifest-path "$manifest" \
       -- -D warnings >"$tmp/clippy.out" 2>&1; then
    echo "ok $n - cargo clippy -D warnings"
  else
    echo "not ok $n - cargo clippy -D warnings"
    status=1
    sed 's/^/# /' "$tmp/clippy.out"
  fi
else
  echo "ok $n - cargo clippy -D warnings # SKIP clippy not installed"
fi
echo "1..$n"
exit $status
