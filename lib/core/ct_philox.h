/*
 * ct_philox.h: the Philox4x32-10 block function and the mapping from its
 * output words to the values of one random element.
 *
 * Header-only and plain C with fixed-width types, so that the CPU backend
 * and a CUDA backend compile the very same code and draw the same bits.
 * The counter scheme is the one of random.h: element i of a draw takes the
 * 64-bit counter offset + i (low word c0, high word c1, c2 = c3 = 0) under
 * the key seed (low word k0, high word k1), one block per element, and
 * reads its value from the four output words w0..w3.
 *
 * Philox is from Salmon, Moraes, Dror and Shaw, "Parallel random numbers:
 * as easy as 1, 2, 3" (SC11); the constants and round structure are those of
 * Random123's philox.h, and tests/check_random.c checks the block against
 * Random123's known-answer vectors.
 */
#ifndef CT_PHILOX_H
#define CT_PHILOX_H

#include <math.h>
#include <stdint.h>

#if defined(__CUDACC__)
#define CT__PHILOX_FN static inline __host__ __device__
#else
#define CT__PHILOX_FN static inline
#endif

enum { CT__PHILOX_ROUNDS = 10 };

#define CT__PHILOX_M0 UINT32_C(0xD2511F53)
#define CT__PHILOX_M1 UINT32_C(0xCD9E8D57)
#define CT__PHILOX_W0 UINT32_C(0x9E3779B9)
#define CT__PHILOX_W1 UINT32_C(0xBB67AE85)

/* One round: two 32x32->64 bit products, their halves mixed with the other words and the key. */
CT__PHILOX_FN void ct__philox_round(uint32_t c[4], uint32_t k0, uint32_t k1) {
  uint64_t p0 = (uint64_t)CT__PHILOX_M0 * c[0];
  uint64_t p1 = (uint64_t)CT__PHILOX_M1 * c[2];
  uint32_t hi0 = (uint32_t)(p0 >> 32), lo0 = (uint32_t)p0;
  uint32_t hi1 = (uint32_t)(p1 >> 32), lo1 = (uint32_t)p1;
  uint32_t n0 = hi1 ^ c[1] ^ k0;
  uint32_t n2 = hi0 ^ c[3] ^ k1;
  c[0] = n0;
  c[1] = lo1;
  c[2] = n2;
  c[3] = lo0;
}

/* Philox4x32-10: out = block(ctr, key). The key is bumped by the Weyl constants between rounds. */
CT__PHILOX_FN void ct__philox4x32_10(uint32_t out[4], const uint32_t ctr[4],
                                     const uint32_t key[2]) {
  uint32_t c[4] = {ctr[0], ctr[1], ctr[2], ctr[3]};
  uint32_t k0 = key[0], k1 = key[1];
  for (int r = 0; r < CT__PHILOX_ROUNDS; r++) {
    if (r > 0) {
      k0 += CT__PHILOX_W0;
      k1 += CT__PHILOX_W1;
    }
    ct__philox_round(c, k0, k1);
  }
  out[0] = c[0];
  out[1] = c[1];
  out[2] = c[2];
  out[3] = c[3];
}

/* The four words of the element whose counter is `counter` (offset + i) under seed. */
CT__PHILOX_FN void ct__philox_element(uint32_t w[4], uint64_t seed, uint64_t counter) {
  const uint32_t ctr[4] = {(uint32_t)counter, (uint32_t)(counter >> 32), 0, 0};
  const uint32_t key[2] = {(uint32_t)seed, (uint32_t)(seed >> 32)};
  ct__philox4x32_10(w, ctr, key);
}

/* Two words as one 64-bit value, a the high half. */
CT__PHILOX_FN uint64_t ct__philox_u64(uint32_t a, uint32_t b) { return (uint64_t)a << 32 | b; }

/*
 * Uniform values in [0, 1). Each keeps only as many top bits of the word as
 * the type has significand bits, so the value is exactly representable and
 * can never round up to 1. float16 and bfloat16 values are returned as the
 * float that converts exactly to them. The scale factors are powers of two
 * written as quotients (exact), not hexadecimal literals, which C++ before
 * C++17 (a CUDA compile) lacks.
 */
CT__PHILOX_FN float ct__philox_uniform_f32(uint32_t w) {
  return (float)(w >> 8) * (1.0f / 16777216.0f); /* 2^-24 */
}
CT__PHILOX_FN float ct__philox_uniform_f16(uint32_t w) {
  return (float)(w >> 21) * (1.0f / 2048.0f); /* 2^-11 */
}
CT__PHILOX_FN float ct__philox_uniform_bf16(uint32_t w) {
  return (float)(w >> 24) * (1.0f / 256.0f); /* 2^-8 */
}
CT__PHILOX_FN double ct__philox_uniform_f64(uint32_t hi, uint32_t lo) {
  return (double)(ct__philox_u64(hi, lo) >> 11) * (1.0 / 9007199254740992.0); /* 2^-53 */
}

/*
 * Two independent standard normals by Box-Muller in double from the 53-bit
 * uniforms u1 = (w0, w1) and u2 = (w2, w3): z1 = r cos(2 pi u2) and
 * z2 = r sin(2 pi u2) with r = sqrt(-2 log(1 - u1)); 1 - u1 lies in (0, 1],
 * so the logarithm is finite.
 */
CT__PHILOX_FN void ct__philox_normal2(double *z1, double *z2, const uint32_t w[4]) {
  const double two_pi = 6.283185307179586476925286766559;
  double u1 = ct__philox_uniform_f64(w[0], w[1]);
  double u2 = ct__philox_uniform_f64(w[2], w[3]);
  double r = sqrt(-2.0 * log(1.0 - u1));
  *z1 = r * cos(two_pi * u2);
  *z2 = r * sin(two_pi * u2);
}

/* The normal of a real element: z1 of ct__philox_normal2(). */
CT__PHILOX_FN double ct__philox_normal(const uint32_t w[4]) {
  double z1, z2;
  ct__philox_normal2(&z1, &z2, w);
  return z1;
}

/*
 * An integer uniform in [low, low + range) (range > 0), as low plus the
 * 64-bit word pair modulo range. The sum is taken in uint64 so that it wraps
 * instead of overflowing; the caller's bounds keep the result in range.
 */
CT__PHILOX_FN int64_t ct__philox_int(const uint32_t w[4], int64_t low, uint64_t range) {
  uint64_t r = ct__philox_u64(w[0], w[1]) % range;
  return (int64_t)((uint64_t)low + r);
}

#endif /* CT_PHILOX_H */
