# CT_CHECK_CFLAG(FLAG, [ACTION-IF-OK], [ACTION-IF-NOT])
# Tries to compile an empty program with FLAG added to CFLAGS (warnings as errors,
# so that a flag the compiler only warns about counts as unsupported).
AC_DEFUN([CT_CHECK_CFLAG], [
  AC_MSG_CHECKING([whether $CC accepts $1])
  ct_save_CFLAGS=$CFLAGS
  CFLAGS="$CFLAGS -Werror $1"
  AC_COMPILE_IFELSE([AC_LANG_PROGRAM([], [])],
    [AC_MSG_RESULT([yes]); CFLAGS=$ct_save_CFLAGS; $2],
    [AC_MSG_RESULT([no]); CFLAGS=$ct_save_CFLAGS; $3])
])

# CT_CHECK_LDFLAG(FLAG, [ACTION-IF-OK], [ACTION-IF-NOT], [PROGRAM])
# Tries to link PROGRAM (default: an empty one) with FLAG added to LDFLAGS.
AC_DEFUN([CT_CHECK_LDFLAG], [
  AC_MSG_CHECKING([whether the linker accepts $1])
  ct_save_LDFLAGS=$LDFLAGS
  LDFLAGS="$LDFLAGS $1"
  AC_LINK_IFELSE([m4_default([$4], [AC_LANG_PROGRAM([], [])])],
    [AC_MSG_RESULT([yes]); LDFLAGS=$ct_save_LDFLAGS; $2],
    [AC_MSG_RESULT([no]); LDFLAGS=$ct_save_LDFLAGS; $3])
])
