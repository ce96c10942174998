#!/bin/sh
# nvcc-libtool.sh NVCC ARGS...: runs nvcc for `libtool --mode=compile`.
# libtool adds -fPIC (and -DPIC) for the shared object; nvcc rejects -fPIC as its own
# option, so it goes to the host compiler instead. Everything else passes unchanged.
nvcc=$1
shift
for a in "$@"; do
  shift
  case $a in
    -fPIC|-fpic) set -- "$@" -Xcompiler "$a" ;;
    *) set -- "$@" "$a" ;;
  esac
done
exec "$nvcc" "$@"
