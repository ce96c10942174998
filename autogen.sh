#!/bin/sh
# Generates configure and Makefile.in from a git checkout (a release tarball
# already has them). automake does not install its TAP driver by itself, so
# it is copied from automake's own directory next to the other build-aux files.
set -eu
cd "$(dirname "$0")"
mkdir -p build-aux m4
autoreconf -fi
cp -f "$(automake --print-libdir)/tap-driver.sh" build-aux/tap-driver.sh
