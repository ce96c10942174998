/*
 * ct_version.c: library and ABI versions.
 */
#include "ct_internal.h"

const char *ct_version(void) { return CT_PACKAGE_VERSION; }

int32_t ct_abi_version(void) { return CT_ABI_VERSION; }
