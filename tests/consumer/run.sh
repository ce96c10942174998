#!/bin/sh
# The out-of-tree consumer test: builds programs against an INSTALLED ctensor
# with nothing but pkg-config, runs them and compares their output. Prints TAP;
# exits non-zero when a test fails.
#
#   tests/consumer/run.sh [--static] PREFIX [LIBDIR]
#
# PREFIX is the --prefix the library was configured and installed with; LIBDIR
# defaults to PREFIX/lib. With --static the programs are linked with
# `pkg-config --static` and must not need libctensor.so at run time (use it on
# an install made with --disable-shared, where only libctensor.a exists).
#
# Tests: prog.c builds with `cc prog.c $(pkg-config --cflags --libs ctensor)`,
# runs, and prints exactly expected.txt (PyTorch's output, from gen_expected.py);
# the public headers compile as strict C99 and as C++; the C example of
# README.md builds and prints the output shown under it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
static=
if [ "${1:-}" = --static ]; then
  static=--static
  shift
fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 [--static] PREFIX [LIBDIR]" >&2
  exit 2
fi
prefix=$1
libdir=${2:-$prefix/lib}
cc=${CC:-cc}
cxx=${CXX:-c++}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

PKG_CONFIG_PATH="$libdir/pkgconfig"
export PKG_CONFIG_PATH
# The library directory for the dynamic loader: the install is not in its default path.
run_env="LD_LIBRARY_PATH=$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
  n=$((n + 1))
  failed=$((failed + 1))
  echo "not ok $n - $1"
  if [ -n "${2:-}" ] && [ -f "$2" ]; then sed 's/^/# /' "$2"; fi
}
# check DESCRIPTION COMMAND...: one TAP line; the command's output is shown only on failure.
check() {
  desc=$1
  shift
  if "$@" >"$work/log" 2>&1; then ok "$desc"; else not_ok "$desc" "$work/log"; fi
}

if ! pkg-config --exists ctensor; then
  echo "Bail out! no ctensor.pc in $PKG_CONFIG_PATH"
  exit 1
fi
flags=$(pkg-config ${static:+$static }--cflags --libs ctensor)
echo "# pkg-config ${static:+$static }--cflags --libs ctensor: $flags"

# build_and_run NAME SOURCE EXPECTED: builds SOURCE, runs it, compares stdout with EXPECTED.
build_and_run() {
  name=$1 src=$2 expected=$3
  # $flags is a list of compiler arguments: split on purpose.
  # shellcheck disable=SC2086
  check "$name builds with: $cc $(basename "$src") \$(pkg-config ${static:+$static }--cflags --libs ctensor)" \
    "$cc" "$src" -o "$work/$name" $flags
  [ -x "$work/$name" ] || { not_ok "$name was not built; not run"; return 0; }
  if [ -n "$static" ]; then
    check "$name needs no libctensor.so at run time" no_ctensor_needed "$work/$name"
  fi
  if env "$run_env" "$work/$name" >"$work/$name.out" 2>"$work/$name.err"; then
    ok "$name runs and exits 0"
  else
    not_ok "$name runs and exits 0 (exit status $?)" "$work/$name.err"
  fi
  if diff -u "$expected" "$work/$name.out" >"$work/$name.diff"; then
    ok "$name prints $(basename "$expected")"
  else
    not_ok "$name prints $(basename "$expected")" "$work/$name.diff"
  fi
}

no_ctensor_needed() {
  ! readelf -d "$1" | grep 'NEEDED.*libctensor'
}

# 1. The consumer program.
build_and_run prog "$here/prog.c" "$here/expected.txt"
if [ -n "$static" ]; then
  # A static-only install puts its private libraries in Libs too: the plain command links.
  plain=$(pkg-config --cflags --libs ctensor)
  # shellcheck disable=SC2086
  check "prog also links with: $cc prog.c \$(pkg-config --cflags --libs ctensor)" \
    "$cc" "$here/prog.c" -o "$work/prog_plain" $plain
fi

# 2. The headers on their own, under strict compilers.
cat >"$work/headers.c" <<'EOF'
#include <ctensor/ctensor.h>
int main(void) { return ct_abi_version() >= CT_ABI_VERSION ? 0 : 1; }
EOF
cflags=$(pkg-config --cflags ctensor)
# shellcheck disable=SC2086
check "the headers compile as C99 with -Wall -Wextra -pedantic-errors -Werror" \
  "$cc" -std=c99 -Wall -Wextra -pedantic-errors -Werror $cflags -c "$work/headers.c" -o "$work/headers.o"
if command -v "$cxx" >/dev/null 2>&1; then
  # shellcheck disable=SC2086
  check "the headers compile as C++11 with -Wall -Wextra -pedantic-errors -Werror" \
    "$cxx" -x c++ -std=c++11 -Wall -Wextra -pedantic-errors -Werror $cflags -c "$work/headers.c" \
    -o "$work/headers_cxx.o"
else
  n=$((n + 1))
  echo "ok $n # SKIP no C++ compiler ($cxx)"
fi

# 3. The example of README.md: the first ```c block, and the ```text block after it is its output.
readme="$top/README.md"
if [ -f "$readme" ]; then
  awk '/^```c$/ && !done {on = 1; next} on && /^```$/ {on = 0; done = 1} on' "$readme" \
    >"$work/readme_example.c"
  awk '/^```c$/ {seen = 1} seen && /^```text$/ && !done {on = 1; next}
       on && /^```$/ {on = 0; done = 1} on' "$readme" >"$work/readme_example.txt"
  if [ -s "$work/readme_example.c" ] && [ -s "$work/readme_example.txt" ]; then
    build_and_run readme_example "$work/readme_example.c" "$work/readme_example.txt"
  else
    not_ok "README.md has a \`\`\`c example followed by a \`\`\`text block of its output"
  fi
fi

# 4. The installed Python package finds its own library: no CTENSOR_LIBRARY, no
#    LD_LIBRARY_PATH, no pkg-config path (a shared install only).
pkg=$(find "$prefix" -path '*/site-packages/ctensor/__init__.py' 2>/dev/null | head -n 1)
if [ -n "$static" ]; then
  :
elif [ -z "$pkg" ] || ! command -v python3 >/dev/null 2>&1; then
  n=$((n + 1))
  echo "ok $n # SKIP no Python package installed under $prefix"
else
  site=$(dirname "$(dirname "$pkg")")
  printf 'tensor([[2., 2., 2.],\n        [2., 2., 2.]], dtype=ctensor.float64)\n' >"$work/py.expected"
  if env -u CTENSOR_LIBRARY -u LD_LIBRARY_PATH -u PKG_CONFIG_PATH PYTHONPATH="$site" \
    python3 -c 'import ctensor; print(ctensor.ones(2, 3, dtype=ctensor.double) + 1)' \
    >"$work/py.out" 2>&1 && diff -u "$work/py.expected" "$work/py.out" >"$work/py.diff"; then
    ok "the installed Python package (PYTHONPATH=$site) imports and computes"
  else
    cat "$work/py.out" >>"$work/py.diff" 2>/dev/null || true
    not_ok "the installed Python package (PYTHONPATH=$site) imports and computes" "$work/py.diff"
  fi
fi

# 5. A cargo project outside the tree depends on the safe Rust crate by path and builds
#    against the installed library through pkg-config (no CTENSOR_LIB_DIR), offline.
if [ -n "$static" ]; then
  :
elif ! command -v cargo >/dev/null 2>&1 || [ ! -f "$top/bindings/rust/ctensor/Cargo.toml" ]; then
  n=$((n + 1))
  echo "ok $n # SKIP cargo not found (or no bindings/rust/ctensor)"
else
  mkdir -p "$work/rust/src"
  printf '[package]\nname = "ctensor-consumer"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nctensor = { path = "%s/bindings/rust/ctensor" }\n' \
    "$top" >"$work/rust/Cargo.toml"
  cat >"$work/rust/src/main.rs" <<'RUST'
fn main() -> Result<(), ctensor::Error> {
    let a = ctensor::Tensor::ones(&[2, 3], (ctensor::Kind::Float, ctensor::Device::Cpu))?;
    let b = a.matmul(&a.t()?)?;
    println!("{}", b);
    Ok(())
}
RUST
  printf 'tensor([[3., 3.],\n        [3., 3.]])\n' >"$work/rust.expected"
  if env -u CTENSOR_LIB_DIR -u CTENSOR_INCLUDE_DIR CARGO_TARGET_DIR="$work/rust-target" \
    cargo build --offline --quiet --manifest-path "$work/rust/Cargo.toml" >"$work/rust.log" 2>&1 &&
    env "$run_env" "$work/rust-target/debug/ctensor-consumer" >"$work/rust.out" 2>>"$work/rust.log" &&
    diff -u "$work/rust.expected" "$work/rust.out" >>"$work/rust.log" 2>&1; then
    ok "a cargo project outside the tree builds against the installed ctensor (pkg-config) and runs"
  else
    not_ok "a cargo project outside the tree builds against the installed ctensor (pkg-config) and runs" \
      "$work/rust.log"
  fi
fi

echo "1..$n"
[ "$failed" -eq 0 ]
