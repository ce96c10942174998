/* Fake <stddef.h> for tools/gen_bindings.py (see stdint.h). offsetof is left
 * undefined on purpose: pycparser parses offsetof(type, member) itself. */
#ifndef CT_FAKE_STDDEF_H
#define CT_FAKE_STDDEF_H
typedef unsigned long size_t;
typedef long ptrdiff_t;
typedef int wchar_t;
#define NULL ((void *)0)
#endif
