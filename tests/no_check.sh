#!/bin/sh
# Stands in for the Check suites when configure did not find Check, so that
# `make check` fails with the reason instead of passing with nothing tested.
set -eu
echo "Bail out! the Check unit test framework was not found by configure; install it (Debian: apt-get install check) and re-run configure"
exit 1
