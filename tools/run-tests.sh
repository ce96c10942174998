#!/bin/sh
# Builds ctensor from this checkout and runs every test, for people and for CI:
#
#   1. installs the Debian build and test dependencies (tools/install-deps.sh);
#   2. ./autogen.sh, ./configure, make;
#   3. make check (each Check test case and each script test is one result);
#   4. make demo (examples/demo runs);
#   5. make check-valgrind (each Check suite under valgrind: no error, no leak);
#   6. make distcheck (the release tarball builds, passes make check and
#      make installcheck from a read-only source tree, installs and uninstalls);
#   7. the out-of-tree consumer test (tests/consumer/run.sh) on a build of the
#      tarball installed with --prefix into a temporary directory;
#   8. a --disable-shared build of the tarball: make check, make install, and
#      the consumer test linked statically with `pkg-config --static`;
#   9. make check-asan (make check of the tarball built with AddressSanitizer
#      and UndefinedBehaviorSanitizer) and make check-tsan (the multi-threaded
#      suites under ThreadSanitizer): any sanitizer report fails;
#  10. make fuzz: each libFuzzer target for FUZZ_SECONDS (default 60) seconds.
#
# The last line printed is "N passed, N failed" (", N skipped" when some were
# skipped); the exit status is non-zero when anything failed. JOBS sets make's
# parallelism (default: the number of CPUs).
set -eu

cd "$(dirname "$0")/.."
top=$(pwd)
jobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
passed=0
failed=0
skipped=0
done_all=no
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ctensor-tests.XXXXXX")

finish() {
  rc=$?
  if [ "$done_all" = no ]; then
    [ "$rc" -eq 0 ] || echo "run-tests: stopped early (status $rc)"
    failed=$((failed + 1))
  fi
  rm -rf "$tmp"
  summary="$passed passed, $failed failed"
  [ "$skipped" -eq 0 ] || summary="$summary, $skipped skipped"
  echo "$summary"
  [ "$failed" -eq 0 ] && exit 0
  exit 1
}
trap finish EXIT
trap 'exit 130' INT TERM HUP

start=$(date +%s)
step() {
  echo
  echo "==== $* ($(($(date +%s) - start))s)"
}
pass() { passed=$((passed + 1)); echo "PASS: $*"; }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }

# logged LOG COMMAND...: runs COMMAND with its output both shown and saved in LOG; its status.
logged() {
  log=$1
  shift
  { if "$@" 2>&1; then rc=0; else rc=$?; fi; echo "$rc" >"$log.rc"; } | tee "$log"
  return "$(cat "$log.rc")"
}
# quiet LOG COMMAND...: runs COMMAND with its output saved in LOG, shown only on failure.
quiet() {
  log=$1
  shift
  if "$@" >"$log" 2>&1; then return 0; else rc=$?; fi
  echo "---- failed (status $rc): $*"
  grep -E '^(FAIL|ERROR|XPASS): ' "$log" || true
  echo "---- the last 40 lines of its output:"
  tail -n 40 "$log"
  return "$rc"
}
# need DESCRIPTION COMMAND...: a build step that the remaining steps depend on.
need() {
  desc=$1
  shift
  if ! "$@"; then
    fail "$desc"
    echo "run-tests: cannot go on without: $desc"
    done_all=yes
    exit 1
  fi
}
# tap_counts LOG: adds the TAP results in LOG (lines "ok", "not ok", "Bail out!") to the totals.
tap_counts() {
  log=$1
  # shellcheck disable=SC2046 # three numbers
  set -- $(awk '/^ok .*# [Ss][Kk][Ii][Pp]/ {s++; next} /^ok / {p++}
                /^not ok / {f++} /^Bail out!/ {f++} END {print p + 0, f + 0, s + 0}' "$1")
  passed=$((passed + $1))
  failed=$((failed + $2))
  skipped=$((skipped + $3))
  [ $(($1 + $2 + $3)) -gt 0 ] || fail "no TAP result in $log"
}

step "dependencies"
need "install the dependencies (tools/install-deps.sh)" sh tools/install-deps.sh

step "autogen.sh and configure"
need "./autogen.sh" quiet "$tmp/autogen.log" sh ./autogen.sh
need "./configure" quiet "$tmp/configure.log" ./configure
version=$(sed -n 's/^VERSION = //p' Makefile)
tarball="$top/ctensor-$version.tar.gz"

step "make"
need "make" logged "$tmp/make.log" make -j"$jobs"

# check_counts LOG RC WHAT: adds the results of a make check run (its log, its status) to the totals.
check_counts() {
  # automake's summary: "# TOTAL: 14", "# PASS:  12", "# FAIL:  0", ... The last one counts:
  # with VERBOSE=yes, test-suite.log (which starts with the same summary) is shown before it.
  # shellcheck disable=SC2046 # four numbers
  set -- $(awk '/^# TOTAL:/ {t = 1; p = f = s = 0} /^# (PASS|XFAIL):/ {p += $3}
                /^# (FAIL|XPASS|ERROR):/ {f += $3} /^# SKIP:/ {s += $3}
                END {print p + 0, f + 0, s + 0, t + 0}' "$1") "$2" "$3"
  passed=$((passed + $1))
  failed=$((failed + $2))
  skipped=$((skipped + $3))
  if [ "$4" -eq 0 ] || { [ "$5" -ne 0 ] && [ "$2" -eq 0 ]; }; then
    fail "$6 did not run the tests to the end (status $5)"
  fi
}

step "make check"
rc=0
logged "$tmp/check.log" make -j"$jobs" check AM_COLOR_TESTS=no VERBOSE=yes || rc=$?
check_counts "$tmp/check.log" "$rc" "make check"

step "make demo"
if logged "$tmp/demo.log" make demo; then pass "make demo"; else fail "make demo"; fi

step "make check-valgrind"
rc=0
logged "$tmp/valgrind.log" make check-valgrind || rc=$?
# shellcheck disable=SC2046 # two numbers
set -- $(awk '/^PASS: valgrind / {p++} /^FAIL: valgrind / {f++} END {print p + 0, f + 0}' \
  "$tmp/valgrind.log")
passed=$((passed + $1))
failed=$((failed + $2))
if [ "$rc" -ne 0 ] && [ "$2" -eq 0 ]; then fail "make check-valgrind (status $rc)"; fi

step "make distcheck"
if quiet "$tmp/distcheck.log" make -j"$jobs" distcheck; then
  grep -A1 'archives ready for distribution' "$tmp/distcheck.log" || true
  pass "make distcheck"
else
  fail "make distcheck"
fi
if [ ! -f "$tarball" ]; then
  need "make dist" quiet "$tmp/dist.log" make dist
fi

# build_tarball NAME CONFIGURE-ARGS...: unpacks the tarball and builds it in $tmp/NAME.
build_tarball() {
  name=$1
  shift
  rm -rf "${tmp:?}/$name"
  mkdir -p "$tmp/$name/build"
  tar -xzf "$tarball" -C "$tmp/$name" &&
    (cd "$tmp/$name/build" && "../ctensor-$version/configure" "$@" && make -j"$jobs")
}

step "consumer test: tarball installed with --prefix, linked with pkg-config"
prefix="$tmp/prefix-shared"
if quiet "$tmp/shared.log" build_tarball shared --prefix="$prefix" CUDA_ARCHS=90 &&
  quiet "$tmp/shared-install.log" make -C "$tmp/shared/build" install; then
  logged "$tmp/consumer.log" sh tests/consumer/run.sh "$prefix" || true
  tap_counts "$tmp/consumer.log"
else
  fail "build and install the tarball with --prefix=$prefix"
fi

step "static-only build: configure --disable-shared, make check, consumer linked with pkg-config --static"
prefix="$tmp/prefix-static"
if quiet "$tmp/static.log" build_tarball static --disable-shared --prefix="$prefix"; then
  if quiet "$tmp/static-check.log" make -C "$tmp/static/build" -j"$jobs" check AM_COLOR_TESTS=no \
    VERBOSE=yes; then
    grep -E '^(SKIP|# TOTAL|# PASS|# SKIP)' "$tmp/static-check.log" || true
    pass "make check of the --disable-shared build"
  else
    fail "make check of the --disable-shared build"
  fi
  if quiet "$tmp/static-install.log" make -C "$tmp/static/build" install; then
    logged "$tmp/consumer-static.log" sh tests/consumer/run.sh --static "$prefix" || true
    tap_counts "$tmp/consumer-static.log"
  else
    fail "make install of the --disable-shared build"
  fi
else
  fail "build the tarball with --disable-shared"
fi

step "make check-asan: make check of the tarball built with AddressSanitizer and UBSan"
rc=0
logged "$tmp/asan.log" make -j"$jobs" check-asan AM_COLOR_TESTS=no VERBOSE=yes || rc=$?
check_counts "$tmp/asan.log" "$rc" "make check-asan"

step "make check-tsan: the multi-threaded suites built with ThreadSanitizer"
rc=0
logged "$tmp/tsan.log" make -j"$jobs" check-tsan AM_COLOR_TESTS=no VERBOSE=yes || rc=$?
check_counts "$tmp/tsan.log" "$rc" "make check-tsan"

step "make fuzz: every libFuzzer target for ${FUZZ_SECONDS:=60} seconds"
logged "$tmp/fuzz.log" make fuzz FUZZ_SECONDS="$FUZZ_SECONDS" || true
tap_counts "$tmp/fuzz.log"

step "done"
done_all=yes
