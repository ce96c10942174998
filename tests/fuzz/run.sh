#!/bin/sh
# tests/fuzz/run.sh: builds every libFuzzer target with ASan and UBSan, the
# library compiled in from its C sources (CPU only: no OpenMP, no OpenBLAS,
# no CUDA plugin), and runs each for FUZZ_SECONDS on a copy of its seed
# corpus. Nothing is written into the source tree.
#
# Usage: tests/fuzz/run.sh [target ...]      (default: every tests/fuzz/fuzz_*.c)
# Environment: FUZZ_SECONDS (60), FUZZ_BUILD (${TMPDIR:-/tmp}/ctensor-fuzz),
#   CC (clang), FUZZ_JOBS (parallel compile jobs, 4), FUZZ_FLAGS (extra libFuzzer flags).
# Output: one TAP-ish line per target, then "N passed, N failed"; exit status 1
# when a target crashed (its input is saved under $FUZZ_BUILD/crashes/ and
# shown as a hexdump) or did not build.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-${TMPDIR:-/tmp}/ctensor-fuzz}
seconds=${FUZZ_SECONDS:-60}
cc=${CC:-clang}
jobs=${FUZZ_JOBS:-4}

case $build in
  "$top"|"$top"/*) echo "run.sh: FUZZ_BUILD must lie outside the source tree" >&2; exit 2 ;;
esac

if [ $# -gt 0 ]; then
  targets=$*
else
  targets=$(cd "$here" && ls fuzz_*.c | sed 's/\.c$//')
fi

# libFuzzer's -max_len per target (bytes).
max_len() {
  case $1 in
    fuzz_dlpack) echo 1024 ;;
    fuzz_view) echo 512 ;;
    fuzz_index) echo 1024 ;;
    fuzz_broadcast) echo 512 ;;
    fuzz_format) echo 2048 ;;
    *) echo 1024 ;;
  esac
}

san="-fsanitize=address,undefined -fno-sanitize-recover=all -g -O1"
mkdir -p "$build/obj" "$build/crashes" || exit 2

# The library, once: an object per source, rebuilt when the source or a header is newer.
echo "# building the library into $build/obj"
newest_header=$(ls -t "$top"/include/ctensor/*.h "$top"/lib/core/*.h "$top"/lib/cpu/*.h "$top"/lib/dlpack/*.h | head -n 1)
objs=""
pids=""
n=0
for src in "$top"/lib/core/*.c "$top"/lib/cpu/*.c "$top"/lib/dlpack/*.c; do
  obj="$build/obj/$(basename "$(dirname "$src")")_$(basename "$src" .c).o"
  objs="$objs $obj"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then
    # shellcheck disable=SC2086
    $cc -std=gnu11 -c $san -fsanitize=fuzzer-no-link -DCT_PLUGIN_DIR='"/nonexistent"' \
      -DCT_PACKAGE_VERSION='"fuzz"' -I"$top/include" -I"$top/lib/core" "$src" -o "$obj.tmp" &&
      mv "$obj.tmp" "$obj" &
    pids="$pids $!"
    n=$((n + 1))
    if [ $n -ge "$jobs" ]; then
      for p in $pids; do wait "$p"; done
      pids=""
      n=0
    fi
  fi
done
for p in $pids; do wait "$p"; done
for o in $objs; do
  if [ ! -f "$o" ]; then echo "Bail out! the library did not build ($o missing)"; exit 2; fi
done

pass=0
fail=0
i=0
for t in $targets; do
  i=$((i + 1))
  exe="$build/$t"
  # shellcheck disable=SC2086
  if ! $cc -std=gnu11 $san -fsanitize=fuzzer -I"$top/include" "$here/$t.c" $objs -o "$exe" -lm -lpthread -ldl \
      >"$build/$t.build.log" 2>&1; then
    echo "not ok $i - $t: does not build (see $build/$t.build.log)"
    fail=$((fail + 1))
    continue
  fi
  corpus="$build/corpus/$t"
  rm -rf "$corpus"
  mkdir -p "$corpus"
  if [ -d "$here/corpus/$t" ]; then cp "$here/corpus/$t"/* "$corpus"/ 2>/dev/null; fi
  if [ -d "$here/regressions/$t" ]; then cp "$here/regressions/$t"/* "$corpus"/ 2>/dev/null; fi
  artifacts="$build/crashes/$t/"
  rm -rf "$artifacts"
  mkdir -p "$artifacts"
  log="$build/$t.log"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$exe" -max_total_time="$seconds" -max_len="$(max_len "$t")" -print_final_stats=1 -timeout=20 \
      -rss_limit_mb=2048 -artifact_prefix="$artifacts" ${FUZZ_FLAGS:-} "$corpus" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$runs" ] || runs=$(sed -n 's/.*#\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
  [ -n "$runs" ] || runs=0
  crash=$(ls "$artifacts" 2>/dev/null | head -n 1)
  if [ $rc -eq 0 ] && [ -z "$crash" ]; then
    echo "ok $i - $t: $runs runs in $seconds s, 0 crashes"
    pass=$((pass + 1))
  else
    echo "not ok $i - $t: $runs runs, crashed (exit $rc; log $log)"
    grep -m 3 -E "ERROR: |runtime error|invariant violated|SUMMARY" "$log" | sed 's/^/#   /'
    if [ -n "$crash" ]; then
      echo "#   input: $artifacts$crash"
      od -A x -t x1z -v "$artifacts$crash" | head -n 32 | sed 's/^/#   /'
    fi
    fail=$((fail + 1))
  fi
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
