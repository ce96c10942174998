#!/bin/sh
# tests/fuzz-replay.sh: replays the fuzz targets' seed corpus and the inputs
# of every crash found so far (tests/fuzz/regressions/<target>/) through the
# replay builds (tests/fuzz/fuzz_*-replay: replay.c and the target compiled
# as an ordinary program against libctensor). TAP, one line per target.
# Environment: CT_TOP_SRCDIR and CT_TOP_BUILDDIR (set by `make check`; default:
# this script's tree and the current directory), FUZZ_REPLAY_DIR (where the
# replay programs are; default: the build's tests/fuzz).
set -u

top_src=${CT_TOP_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
fuzz_src="$top_src/tests/fuzz"
bindir=${FUZZ_REPLAY_DIR:-${CT_TOP_BUILDDIR:-.}/tests/fuzz}

targets=$(cd "$fuzz_src" && ls fuzz_*.c | sed 's/\.c$//')
count=$(echo "$targets" | wc -w)
echo "1..$count"
i=0
fail=0
for t in $targets; do
  i=$((i + 1))
  prog="$bindir/$t-replay"
  if [ ! -x "$prog" ]; then
    echo "not ok $i - $t: $prog was not built"
    fail=1
    continue
  fi
  dirs=""
  for d in "$fuzz_src/corpus/$t" "$fuzz_src/regressions/$t"; do
    [ -d "$d" ] && dirs="$dirs $d"
  done
  if [ -z "$dirs" ]; then
    echo "ok $i - $t # SKIP no corpus"
    continue
  fi
  # shellcheck disable=SC2086
  if out=$("$prog" $dirs 2>&1); then
    echo "ok $i - $t: $(echo "$out" | tail -n 1)"
  else
    echo "not ok $i - $t"
    echo "$out" | tail -n 20 | sed 's/^/# /'
    fail=1
  fi
done
exit $fail
