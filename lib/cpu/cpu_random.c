/*
 * cpu_random.c: the CPU random kernel (ct_cpu_backend.random).
 *
 * dst is dense (row-major, or the permuted layout of a *_like input), so its
 * numel elements fill one block; the element at memory position i is computed from the
 * Philox block of counter args->offset + i alone (ct_philox.h), so the
 * result never depends on how the loop is split, now or once it is threaded.
 * The front end (ct_random.c) has checked the dtype against the kind.
 */
#include <string.h>

#include "cpu_internal.h"
#include "ct_philox.h"

/* A double known to be integral and in range (randint) or any value (normal), stored as dtype. */
static void ct_cpu_store_real(char *p, ct_dtype dtype, double v) {
  switch (dtype) {
    case CT_BOOL: { uint8_t x = v != 0; memcpy(p, &x, 1); break; }
    case CT_UINT8: { uint8_t x = (uint8_t)v; memcpy(p, &x, sizeof x); break; }
    case CT_INT8: { int8_t x = (int8_t)v; memcpy(p, &x, sizeof x); break; }
    case CT_INT16: { int16_t x = (int16_t)v; memcpy(p, &x, sizeof x); break; }
    case CT_INT32: { int32_t x = (int32_t)v; memcpy(p, &x, sizeof x); break; }
    case CT_FLOAT16: { uint16_t x = ct__f32_to_f16((float)v); memcpy(p, &x, sizeof x); break; }
    case CT_BFLOAT16: { uint16_t x = ct__f32_to_bf16((float)v); memcpy(p, &x, sizeof x); break; }
    case CT_FLOAT32: { float x = (float)v; memcpy(p, &x, sizeof x); break; }
    case CT_FLOAT64: memcpy(p, &v, sizeof v); break;
    default: break;
  }
}

/* Uniform [0, 1): each dtype takes as many top bits of its words as it has significand bits. */
static void ct_cpu_uniform(char *p, ct_dtype dtype, const uint32_t w[4]) {
  switch (dtype) {
    case CT_FLOAT16: {
      uint16_t x = ct__f32_to_f16(ct__philox_uniform_f16(w[0]));
      memcpy(p, &x, sizeof x);
      break;
    }
    case CT_BFLOAT16: {
      uint16_t x = ct__f32_to_bf16(ct__philox_uniform_bf16(w[0]));
      memcpy(p, &x, sizeof x);
      break;
    }
    case CT_FLOAT32: {
      float x = ct__philox_uniform_f32(w[0]);
      memcpy(p, &x, sizeof x);
      break;
    }
    case CT_FLOAT64: {
      double x = ct__philox_uniform_f64(w[0], w[1]);
      memcpy(p, &x, sizeof x);
      break;
    }
    case CT_COMPLEX64: {
      float x[2] = {ct__philox_uniform_f32(w[0]), ct__philox_uniform_f32(w[2])};
      memcpy(p, x, sizeof x);
      break;
    }
    case CT_COMPLEX128: {
      double x[2] = {ct__philox_uniform_f64(w[0], w[1]), ct__philox_uniform_f64(w[2], w[3])};
      memcpy(p, x, sizeof x);
      break;
    }
    default: break;
  }
}

/* Standard normal; complex values get both Box-Muller outputs scaled to variance 1/2 each. */
static void ct_cpu_normal(char *p, ct_dtype dtype, const uint32_t w[4]) {
  const double sqrt_half = 0.70710678118654752440084436210485;
  double z1, z2;
  ct__philox_normal2(&z1, &z2, w);
  switch (dtype) {
    case CT_COMPLEX64: {
      float x[2] = {(float)(z1 * sqrt_half), (float)(z2 * sqrt_half)};
      memcpy(p, x, sizeof x);
      break;
    }
    case CT_COMPLEX128: {
      double x[2] = {z1 * sqrt_half, z2 * sqrt_half};
      memcpy(p, x, sizeof x);
      break;
    }
    default: ct_cpu_store_real(p, dtype, z1); break;
  }
}

/* low + (r mod range); int64 is stored directly, since not every int64 survives a double. */
static void ct_cpu_int(char *p, ct_dtype dtype, const uint32_t w[4], int64_t low, uint64_t range) {
  int64_t v = ct__philox_int(w, low, range);
  if (dtype == CT_INT64) {
    memcpy(p, &v, sizeof v);
  } else {
    /* The bounds check keeps v within 2^53 for every other dtype, so the double is exact. */
    ct_cpu_store_real(p, dtype, (double)v);
  }
}

ct_status ct_cpu_random(struct ct_tensor *dst, const ct__rng_args *args) {
  char *data = ct__data(dst);
  const ct_dtype dtype = dst->dtype;
  const int64_t itemsize = ct__itemsize(dtype);
  const int64_t n = dst->numel;
  for (int64_t i = 0; i < n; i++) {
    uint32_t w[4];
    ct__philox_element(w, args->seed, args->offset + (uint64_t)i);
    char *p = data + i * itemsize;
    switch (args->kind) {
      case CT__RNG_UNIFORM: ct_cpu_uniform(p, dtype, w); break;
      case CT__RNG_NORMAL: ct_cpu_normal(p, dtype, w); break;
      default: ct_cpu_int(p, dtype, w, args->low, args->range); break;
    }
  }
  return CT_OK;
}
