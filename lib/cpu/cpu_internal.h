/*
 * cpu_internal.h: kernels of the built-in CPU backend, shared between its files.
 */
#ifndef CT_CPU_INTERNAL_H
#define CT_CPU_INTERNAL_H

#include "ct_internal.h"
#include "ct_elementwise.h"

/* Random draws into a contiguous CPU tensor (ct_cpu_backend.random). In cpu_random.c. */
ct_status ct_cpu_random(struct ct_tensor *dst, const ct__rng_args *args);

/* The CPU kernel of an elementwise op for a compute dtype, or NULL when unsupported (cpu_ew_ops.c). */
ct__ew_kernel ct_cpu_ew_kernel(int32_t op, ct_dtype compute);

/* Vectorized float16/bfloat16 <-> float32 conversion loops, or NULL for other pairs (cpu_ew_ops.c). */
ct__loop_fn ct_cpu_ew_fast_cast(ct_dtype dst, ct_dtype src);

/*
 * The tile transpose of 4-byte elements for the CPU's instruction set
 * (cpu_ew_ops.c): dst[j * n0 + i] = element (i, j) of src, whose rows are s0
 * bytes apart and contiguous along j.
 */
typedef void (*ct_cpu_ew_transpose_fn)(char *dst, const char *src, int64_t s0, int64_t n0, int64_t n1);
ct_cpu_ew_transpose_fn ct_cpu_ew_fast_transpose4(void);

/* The CPU kernel tables of the operator families, each defined in its cpu_<family>.c. */
extern const struct ct_backend_elementwise_i ct_cpu_elementwise;
extern const struct ct_backend_index_i ct_cpu_index;
extern const struct ct_backend_reduce_i ct_cpu_reduce;
extern const struct ct_backend_linalg_i ct_cpu_linalg;
extern const struct ct_backend_structure_i ct_cpu_structure;

#endif /* CT_CPU_INTERNAL_H */
