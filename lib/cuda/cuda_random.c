/*
 * cuda_random.c: the CUDA backend's random kernel (ct__cuda_random).
 *
 * As on the CPU (lib/cpu/cpu_random.c), dst is dense, so its numel
 * elements fill one block starting at element (0, ..., 0), and the element
 * at memory position i is drawn from counter args->offset + i alone: the
 * kernel (cuda_random.cu) needs no layout, and the values are the CPU's
 * whatever the launch shape.
 */
#include "cuda_internal.h"
#include "cuda_random.h"

_Static_assert((int)CU_RNG_UNIFORM == (int)CT__RNG_UNIFORM && (int)CU_RNG_NORMAL == (int)CT__RNG_NORMAL &&
                 (int)CU_RNG_INT == (int)CT__RNG_INT,
               "cuda_random.h mirrors the CT__RNG_* kinds");

ct_status ct__cuda_random(struct ct_tensor *dst, const ct__rng_args *args) {
  /* ct__rng_args names no public function: the factory of the kind stands for its *_like form too. */
  const char *fn = args->kind == CT__RNG_UNIFORM ? "ct_rand" : args->kind == CT__RNG_NORMAL ? "ct_randn" : "ct_randint";
  if (dst->numel == 0) return CT_OK;
  const int32_t dev = ct__cuda_dev(dst);
  CT_TRY(ct__cuda_use_device(dev, fn));
  cu_rng r = {
    .kind = args->kind, .dtype = dst->dtype, .seed = args->seed, .offset = args->offset,
    .low = args->low, .range = args->range,
  };
  int e = cu_random(ct__data(dst), dst->numel, r, (cu_stream)ct__cuda_stream(dev));
  return ct__cuda_check((cudaError_t)e, fn, "the random kernel");
}
