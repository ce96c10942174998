/*
 * cuda_random.h: the launcher of the CUDA random kernel (cuda_random.cu),
 * behind ct__cuda_random.
 */
#ifndef CT_CUDA_RANDOM_H
#define CT_CUDA_RANDOM_H

#include "cuda_kernels.h"

/* What a draw makes: the values of CT__RNG_UNIFORM, CT__RNG_NORMAL and CT__RNG_INT (ct_internal.h). */
enum { CU_RNG_UNIFORM = 0, CU_RNG_NORMAL = 1, CU_RNG_INT = 2 };

/* One draw, as ct__rng_args: element i of the block from counter offset + i under seed. */
typedef struct cu_rng {
  int32_t kind;   /* CU_RNG_* */
  int32_t dtype;  /* checked for the kind by the front end */
  uint64_t seed;
  uint64_t offset;
  int64_t low;    /* CU_RNG_INT: values are low + (r mod range) */
  uint64_t range; /* CU_RNG_INT: > 0 */
} cu_rng;

/* Fills the n (>= 1) elements of the dense block at data with the draw r. */
CU_EXTERN int cu_random(char *data, int64_t n, cu_rng r, cu_stream stream);

#endif /* CT_CUDA_RANDOM_H */
