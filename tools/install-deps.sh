#!/bin/sh
# Installs the Debian/Ubuntu packages needed to build and test ctensor from a
# git checkout: the toolchain, the autotools, pkg-config, Check (unit tests),
# valgrind (make check-valgrind) and binutils (nm/readelf for tests/abi.sh).
# Uses sudo when not run as root. Does nothing, quickly, when every package
# is already installed.
set -eu

packages="build-essential autoconf automake libtool pkg-config check valgrind binutils python3 libopenblas-dev"

missing=
for p in $packages; do
  # dpkg -s also lists removed-but-not-purged packages; the Status line says which.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "install-deps: all build and test dependencies are installed"
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
