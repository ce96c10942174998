/*
 * cuda_random.cu: the CUDA random kernel. Element i of the draw's memory
 * block takes the Philox block of counter offset + i (ct_philox.h, the very
 * code the CPU runs, __host__ __device__ under nvcc), so uniform and integer
 * draws give the CPU's bits and normal draws the CPU's mapping (Box-Muller
 * in double; the device's log, sin and cos may differ from the host's libm
 * in the last bit).
 *
 * The mapping from the four words to a value of each dtype lives in
 * lib/cpu/cpu_random.c as static functions; the cu_rng_* functions below
 * mirror them one for one, each naming the CPU function it copies. They
 * belong in ct_philox.h, shared, once that header grows a store through a
 * dtype.
 */
#include "cuda_common.cuh"
#include "cuda_random.h"
#include "../core/ct_philox.h"

/* ct_cpu_store_real: a double known to be integral and in range (randint) or any value (normal), as dtype. */
__device__ __forceinline__ void cu_rng_store_real(char *p, int dtype, double v) {
  switch (dtype) {
    case CU_BOOL: *(uint8_t *)p = v != 0; break;
    case CU_UINT8: *(uint8_t *)p = (uint8_t)v; break;
    case CU_INT8: *(int8_t *)p = (int8_t)v; break;
    case CU_INT16: *(int16_t *)p = (int16_t)v; break;
    case CU_INT32: *(int32_t *)p = (int32_t)v; break;
    case CU_FLOAT16: *(__half *)p = __float2half_rn((float)v); break;
    case CU_BFLOAT16: *(__nv_bfloat16 *)p = __float2bfloat16_rn((float)v); break;
    case CU_FLOAT32: *(float *)p = (float)v; break;
    case CU_FLOAT64: *(double *)p = v; break;
    default: break;
  }
}

/* ct_cpu_uniform: [0, 1), each dtype taking as many top bits of its words as it has significand bits. */
__device__ __forceinline__ void cu_rng_uniform(char *p, int dtype, const uint32_t w[4]) {
  switch (dtype) {
    case CU_FLOAT16: *(__half *)p = __float2half_rn(ct__philox_uniform_f16(w[0])); break;
    case CU_BFLOAT16: *(__nv_bfloat16 *)p = __float2bfloat16_rn(ct__philox_uniform_bf16(w[0])); break;
    case CU_FLOAT32: *(float *)p = ct__philox_uniform_f32(w[0]); break;
    case CU_FLOAT64: *(double *)p = ct__philox_uniform_f64(w[0], w[1]); break;
    case CU_COMPLEX64:
      ((float *)p)[0] = ct__philox_uniform_f32(w[0]);
      ((float *)p)[1] = ct__philox_uniform_f32(w[2]);
      break;
    case CU_COMPLEX128:
      ((double *)p)[0] = ct__philox_uniform_f64(w[0], w[1]);
      ((double *)p)[1] = ct__philox_uniform_f64(w[2], w[3]);
      break;
    default: break;
  }
}

/* ct_cpu_normal: standard normal; complex values get both Box-Muller outputs scaled to variance 1/2 each. */
__device__ __forceinline__ void cu_rng_normal(char *p, int dtype, const uint32_t w[4]) {
  const double sqrt_half = 0.70710678118654752440084436210485;
  double z1, z2;
  ct__philox_normal2(&z1, &z2, w);
  switch (dtype) {
    case CU_COMPLEX64:
      ((float *)p)[0] = (float)(z1 * sqrt_half);
      ((float *)p)[1] = (float)(z2 * sqrt_half);
      break;
    case CU_COMPLEX128:
      ((double *)p)[0] = z1 * sqrt_half;
      ((double *)p)[1] = z2 * sqrt_half;
      break;
    default: cu_rng_store_real(p, dtype, z1); break;
  }
}

/* ct_cpu_int: low + (r mod range); int64 stored directly, every other dtype through an exact double. */
__device__ __forceinline__ void cu_rng_int(char *p, int dtype, const uint32_t w[4], int64_t low, uint64_t range) {
  int64_t v = ct__philox_int(w, low, range);
  if (dtype == CU_INT64)
    *(int64_t *)p = v;
  else
    cu_rng_store_real(p, dtype, (double)v);
}

/* data holds n elements of r.dtype; element i from counter r.offset + i. */
__global__ void cu_random_kernel(char *data, int64_t n, cu_rng r) {
  const int64_t isz = cu_itemsize(r.dtype);
  CU_GRID_LOOP(i, n) {
    uint32_t w[4];
    ct__philox_element(w, r.seed, r.offset + (uint64_t)i);
    char *p = data + i * isz;
    switch (r.kind) {
      case CU_RNG_UNIFORM: cu_rng_uniform(p, r.dtype, w); break;
      case CU_RNG_NORMAL: cu_rng_normal(p, r.dtype, w); break;
      default: cu_rng_int(p, r.dtype, w, r.low, r.range); break;
    }
  }
}

CU_EXTERN int cu_random(char *data, int64_t n, cu_rng r, cu_stream stream) {
  cu_random_kernel<<<cu_blocks(n), CU_BLOCK, 0, (cudaStream_t)stream>>>(data, n, r);
  return (int)cudaGetLastError();
}
