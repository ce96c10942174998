/*
 * cpu_internal.h: kernels of the built-in CPU backend, shared between its files.
 */
#ifndef CT_CPU_INTERNAL_H
#define CT_CPU_INTERNAL_H

#include "ct_internal.h"

/* Random draws into a contiguous CPU tensor (ct_cpu_backend.random). In cpu_random.c. */
ct_status ct_cpu_random(struct ct_tensor *dst, const ct__rng_args *args);

#endif /* CT_CPU_INTERNAL_H */
