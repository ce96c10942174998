/*
 * ctensor/version.h: library and ABI versions.
 */
#ifndef CTENSOR_VERSION_H
#define CTENSOR_VERSION_H

#include <stdint.h>
#include "ctensor/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** ABI level of these headers: raised by one for every release that adds symbols; never lowered. */
enum { CT_ABI_VERSION = 1 };

/** The package version of the loaded library, e.g. "0.1.0". Static string. */
CT_API const char *ct_version(void);

/**
 * The ABI level of the loaded library. A binding generated from headers with
 * CT_ABI_VERSION = n can use every symbol of level n when this returns >= n.
 */
CT_API int32_t ct_abi_version(void);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_VERSION_H */
