/*
 * cpu_linalg.c: the CPU matrix product behind every linalg op.
 *
 * float32, float64, complex64 and complex128 go to OpenBLAS when the build
 * has it. Each matrix is handed over as it lies whenever it is row-major or
 * column-major (a transposed view becomes a transpose flag and a leading
 * dimension; a column-major result swaps the product to c^T = b^T a^T);
 * only a matrix that is neither is copied to a dense buffer first. Vectors
 * (n == 1, m == 1) go to gemv and dot. OpenBLAS runs on its own thread
 * pool, given ct_get_num_threads() threads before each call; its results
 * may differ in the last bits with the thread count (as PyTorch's do).
 *
 * Everything else (integers, bool, float16, bfloat16, every dtype without
 * BLAS, and tiny products where a BLAS call costs more than the arithmetic)
 * runs the built-in kernel: the GotoBLAS scheme of blocks of b (KC x NC) and
 * a (MC x KC) packed into MR-row and NR-column panels, in the accumulator
 * type (float32 for float16/bfloat16, unsigned wrap-around integers for
 * integers), and a register-blocked MR x NR micro-kernel written once with
 * vector extensions and compiled twice per real accumulator type (plain and
 * AVX2+FMA, picked at run time). Each (MC x NC) tile of c sums over all of k
 * in an accumulator tile and is stored once: float16 and bfloat16 round
 * once. Tiles are independent, so the threads only change who computes a
 * tile, never its bits.
 */
#include <limits.h>
#include <stdatomic.h>
#include <string.h>

#ifdef CT_HAVE_OPENBLAS
#include <cblas.h>
#endif

#include "cpu_internal.h"
#include "ct_linalg.h"

/* ---- batch iteration ------------------------------------------------------------------------ */

/* Element offsets of batch index bi (row-major over the batch shape) for a, b and c. */
static void ct_cpu_batch_offsets(int64_t off[3], const ct__gemm_args *g, int64_t bi) {
  off[0] = off[1] = off[2] = 0;
  for (int32_t d = g->batch_ndim - 1; d >= 0 && bi > 0; d--) {
    int64_t i = bi % g->batch_shape[d];
    bi /= g->batch_shape[d];
    for (int op = 0; op < 3; op++) off[op] += i * g->batch_strides[op][d];
  }
}

static int64_t ct_cpu_batch_count(const ct__gemm_args *g) {
  int64_t n = 1;
  for (int32_t d = 0; d < g->batch_ndim; d++) n *= g->batch_shape[d];
  return n;
}

/* ---- the built-in kernel: per-dtype pieces -------------------------------------------------- */

/*
 * The pieces a dtype supplies. Buffers are in the accumulator type: a packed
 * a panel holds, for each k, MR values (complex: MR real parts then MR
 * imaginary parts); b panels likewise with NR; the accumulator tile is
 * row-major with ldt elements a row (complex: interleaved pairs).
 */
typedef struct ct_cpu_gemm_kind {
  int64_t mr, nr;     /* micro-tile */
  int64_t acc_bytes;  /* one accumulator element (both parts for complex) */
  void (*pack_a)(void *dst, const char *a, int64_t rs, int64_t cs, int64_t mc, int64_t kc);
  void (*pack_b)(void *dst, const char *b, int64_t rs, int64_t cs, int64_t kc, int64_t nc);
  /* tile (MR x NR at t, ldt a row) = (first ? 0 : tile) + packed a panel @ packed b panel */
  void (*micro)(int64_t kc, const void *pa, const void *pb, void *t, int64_t ldt, bool first);
  /* c (mc x nc) = alpha * tile + beta * c */
  void (*store)(char *c, int64_t rs, int64_t cs, const void *t, int64_t ldt, int64_t mc, int64_t nc,
                const ct__gemm_args *g);
  /* c (m x n) = alpha * a @ b + beta * c by plain loops (tiny products), rows [r0, r1) only */
  void (*direct)(const ct__gemm_args *g, const char *a, const char *b, char *c, int64_t r0,
                 int64_t r1);
  /* c (m x n) = beta * c (k == 0 or alpha == 0) */
  void (*scale)(const ct__gemm_args *g, char *c);
} ct_cpu_gemm_kind;

/* Loads and stores between a stored element and the accumulator type. */
#define CT_LD_SAME(T, ACC, p) ((ACC) * (const T *)(p))
#define CT_ST_SAME(T, ACC, p, v) (*(T *)(p) = (T)(v))
#define CT_LD_F16(T, ACC, p) ct__f16_to_f32(*(const uint16_t *)(p))
#define CT_ST_F16(T, ACC, p, v) (*(uint16_t *)(p) = ct__f32_to_f16(v))
#define CT_LD_BF16(T, ACC, p) ct__bf16_to_f32(*(const uint16_t *)(p))
#define CT_ST_BF16(T, ACC, p, v) (*(uint16_t *)(p) = ct__f32_to_bf16(v))
/* Signed integers enter the unsigned accumulator sign-extended: the low bits of the sum are exact. */
#define CT_LD_INT(T, ACC, p) ((ACC)(int64_t) * (const T *)(p))
#define CT_LD_BOOL(T, ACC, p) ((ACC)(*(const uint8_t *)(p) != 0))
#define CT_ST_BOOL(T, ACC, p, v) (*(uint8_t *)(p) = (uint8_t)((v) != 0))

/* alpha and beta in the accumulator type: floating kinds take the real value, integers the truncated one. */
#define CT_SCALAR_FLOAT(ACC, s) ((ACC)(s).re)
#define CT_SCALAR_INT(ACC, s) ((ACC)(uint64_t)(s).i)

/*
 * The micro-kernel of real accumulators: an MR x NR block of sums held in
 * registers as MR x 2 vectors of 32 bytes (NR = 2 vectors' lanes), one
 * rank-1 update per k: two vector loads of b, MR broadcasts of a.
 */
#if defined(__GNUC__)
#define CT_CPU_MICRO_REAL(name, ACC, MR, NR, attr)                                                \
  attr static void name(int64_t kc, const void *pa_, const void *pb_, void *t_, int64_t ldt,      \
                        bool first) {                                                             \
    typedef ACC vec_t __attribute__((vector_size(32)));                                           \
    enum { L = 32 / sizeof(ACC) };                                                                \
    _Static_assert(NR == 2 * L, "NR must be two vectors");                                        \
    const ACC *pa = pa_, *pb = pb_;                                                               \
    ACC *t = t_;                                                                                  \
    vec_t c[MR][2];                                                                               \
    _Pragma("GCC unroll 8") for (int i = 0; i < MR; i++) c[i][0] = c[i][1] = (vec_t){0};          \
    for (int64_t p = 0; p < kc; p++) {                                                            \
      vec_t b0, b1;                                                                               \
      memcpy(&b0, pb + p * NR, sizeof b0);                                                        \
      memcpy(&b1, pb + p * NR + L, sizeof b1);                                                    \
      _Pragma("GCC unroll 8") for (int i = 0; i < MR; i++) {                                      \
        ACC ai = pa[p * MR + i];                                                                  \
        c[i][0] += ai * b0;                                                                       \
        c[i][1] += ai * b1;                                                                       \
      }                                                                                           \
    }                                                                                             \
    _Pragma("GCC unroll 8") for (int i = 0; i < MR; i++) {                                        \
      _Pragma("GCC unroll 2") for (int h = 0; h < 2; h++) {                                       \
        ACC *q = t + i * ldt + h * L;                                                             \
        vec_t x = c[i][h];                                                                        \
        if (!first) {                                                                             \
          vec_t y;                                                                                \
          memcpy(&y, q, sizeof y);                                                                \
          x += y;                                                                                 \
        }                                                                                         \
        memcpy(q, &x, sizeof x);                                                                  \
      }                                                                                           \
    }                                                                                             \
  }
#else
#define CT_CPU_MICRO_REAL(name, ACC, MR, NR, attr)                                                \
  static void name(int64_t kc, const void *pa_, const void *pb_, void *t_, int64_t ldt,           \
                   bool first) {                                                                  \
    const ACC *pa = pa_, *pb = pb_;                                                               \
    ACC *t = t_, acc[MR][NR] = {{0}};                                                             \
    for (int64_t p = 0; p < kc; p++)                                                              \
      for (int i = 0; i < MR; i++)                                                                \
        for (int j = 0; j < NR; j++) acc[i][j] += pa[p * MR + i] * pb[p * NR + j];                \
    for (int i = 0; i < MR; i++)                                                                  \
      for (int j = 0; j < NR; j++) t[i * ldt + j] = first ? acc[i][j] : t[i * ldt + j] + acc[i][j]; \
  }
#endif

/* The complex micro-kernel: real and imaginary sums kept apart, (ar + i ai)(br + i bi). */
#define CT_CPU_MICRO_COMPLEX(name, R, MR, NR)                                                     \
  static void name(int64_t kc, const void *pa_, const void *pb_, void *t_, int64_t ldt,           \
                   bool first) {                                                                  \
    const R *restrict pa = pa_;                                                                   \
    const R *restrict pb = pb_;                                                                   \
    R *restrict t = t_;                                                                           \
    R accr[MR][NR], acci[MR][NR];                                                                 \
    for (int i = 0; i < MR; i++)                                                                  \
      for (int j = 0; j < NR; j++) accr[i][j] = acci[i][j] = 0;                                   \
    for (int64_t p = 0; p < kc; p++) {                                                            \
      const R *restrict br = pb + p * 2 * NR, *restrict bi = br + NR;                             \
      for (int i = 0; i < MR; i++) {                                                              \
        R xr = pa[p * 2 * MR + i], xi = pa[p * 2 * MR + MR + i];                                  \
        for (int j = 0; j < NR; j++) {                                                            \
          accr[i][j] += xr * br[j] - xi * bi[j];                                                  \
          acci[i][j] += xr * bi[j] + xi * br[j];                                                  \
        }                                                                                         \
      }                                                                                           \
    }                                                                                             \
    for (int i = 0; i < MR; i++)                                                                  \
      for (int j = 0; j < NR; j++) {                                                              \
        R *q = t + 2 * (i * ldt + j);                                                             \
        q[0] = first ? accr[i][j] : q[0] + accr[i][j];                                            \
        q[1] = first ? acci[i][j] : q[1] + acci[i][j];                                            \
      }                                                                                           \
  }

/* Micro-kernels, one per accumulator type and tile shape. */
enum { CT_MR4 = 6, CT_NR4 = 16, CT_MR8 = 6, CT_NR8 = 8, CT_MRC = 4, CT_NRC = 8, CT_NRZ = 4 };
CT_CPU_MICRO_REAL(ct_cpu_micro_f32, float, CT_MR4, CT_NR4, )
CT_CPU_MICRO_REAL(ct_cpu_micro_f64, double, CT_MR8, CT_NR8, )
CT_CPU_MICRO_REAL(ct_cpu_micro_u32, uint32_t, CT_MR4, CT_NR4, )
CT_CPU_MICRO_REAL(ct_cpu_micro_u64, uint64_t, CT_MR8, CT_NR8, )
CT_CPU_MICRO_COMPLEX(ct_cpu_micro_c64, float, CT_MRC, CT_NRC)
CT_CPU_MICRO_COMPLEX(ct_cpu_micro_c128, double, CT_MRC, CT_NRZ)

#if defined(__x86_64__) && defined(__GNUC__)
#define CT_CPU_HAVE_AVX2_VARIANT 1
/* The same bodies for AVX2 with FMA (chosen at run time when the CPU has both). */
#define CT_AVX2 __attribute__((target("avx2,fma")))
CT_CPU_MICRO_REAL(ct_cpu_micro_f32_avx2, float, CT_MR4, CT_NR4, CT_AVX2)
CT_CPU_MICRO_REAL(ct_cpu_micro_f64_avx2, double, CT_MR8, CT_NR8, CT_AVX2)
CT_CPU_MICRO_REAL(ct_cpu_micro_u32_avx2, uint32_t, CT_MR4, CT_NR4, CT_AVX2)
CT_CPU_MICRO_REAL(ct_cpu_micro_u64_avx2, uint64_t, CT_MR8, CT_NR8, CT_AVX2)

static bool ct_cpu_has_avx2(void) {
  static atomic_int known; /* 0 unknown, 1 no, 2 yes */
  int k = atomic_load(&known);
  if (k == 0) {
    __builtin_cpu_init();
    k = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 2 : 1;
    atomic_store(&known, k);
  }
  return k == 2;
}
#endif

/*
 * Packing, store, direct and scale for a real dtype T with accumulator ACC:
 * LD/ST convert one element, SC converts alpha and beta.
 */
#define CT_CPU_GEMM_REAL(name, T, ACC, MR, NR, LD, ST, SC)                                        \
  static void name##_pack_a(void *dst_, const char *a, int64_t rs, int64_t cs, int64_t mc,        \
                            int64_t kc) {                                                         \
    ACC *dst = dst_;                                                                              \
    const int64_t sz = (int64_t)sizeof(T);                                                        \
    for (int64_t i0 = 0; i0 < mc; i0 += MR) {                                                     \
      int64_t mr = mc - i0 < MR ? mc - i0 : MR;                                                   \
      for (int64_t p = 0; p < kc; p++, dst += MR) {                                               \
        const char *col = a + (i0 * rs + p * cs) * sz;                                            \
        int64_t i = 0;                                                                            \
        for (; i < mr; i++) dst[i] = LD(T, ACC, col + i * rs * sz);                               \
        for (; i < MR; i++) dst[i] = 0;                                                           \
      }                                                                                           \
    }                                                                                             \
  }                                                                                               \
  static void name##_pack_b(void *dst_, const char *b, int64_t rs, int64_t cs, int64_t kc,        \
                            int64_t nc) {                                                         \
    ACC *dst = dst_;                                                                              \
    const int64_t sz = (int64_t)sizeof(T);                                                        \
    for (int64_t j0 = 0; j0 < nc; j0 += NR) {                                                     \
      int64_t nr = nc - j0 < NR ? nc - j0 : NR;                                                   \
      for (int64_t p = 0; p < kc; p++, dst += NR) {                                               \
        const char *row = b + (p * rs + j0 * cs) * sz;                                            \
        int64_t j = 0;                                                                            \
        if (cs == 1)                                                                              \
          for (; j < nr; j++) dst[j] = LD(T, ACC, row + j * sz);                                  \
        else                                                                                      \
          for (; j < nr; j++) dst[j] = LD(T, ACC, row + j * cs * sz);                             \
        for (; j < NR; j++) dst[j] = 0;                                                           \
      }                                                                                           \
    }                                                                                             \
  }                                                                                               \
  static void name##_store(char *c, int64_t rs, int64_t cs, const void *t_, int64_t ldt,          \
                           int64_t mc, int64_t nc, const ct__gemm_args *g) {                      \
    const ACC *t = t_;                                                                            \
    const int64_t sz = (int64_t)sizeof(T);                                                        \
    ACC alpha = SC(ACC, g->alpha), beta = SC(ACC, g->beta);                                       \
    for (int64_t i = 0; i < mc; i++)                                                              \
      for (int64_t j = 0; j < nc; j++) {                                                          \
        char *q = c + (i * rs + j * cs) * sz;                                                     \
        ACC v = alpha * t[i * ldt + j];                                                           \
        if (!g->beta.zero) v += beta * LD(T, ACC, q);                                             \
        ST(T, ACC, q, v);                                                                         \
      }                                                                                           \
  }                                                                                               \
  static void name##_direct(const ct__gemm_args *g, const char *a, const char *b, char *c,        \
                            int64_t r0, int64_t r1) {                                             \
    const int64_t sz = (int64_t)sizeof(T);                                                        \
    const int64_t *rs = g->rs, *cs = g->cs;                                                       \
    ACC alpha = SC(ACC, g->alpha), beta = SC(ACC, g->beta);                                       \
    for (int64_t i = r0; i < r1; i++)                                                             \
      for (int64_t j = 0; j < g->n; j++) {                                                        \
        ACC s = 0;                                                                                \
        for (int64_t p = 0; p < g->k; p++)                                                        \
          s += LD(T, ACC, a + (i * rs[0] + p * cs[0]) * sz) *                                     \
               LD(T, ACC, b + (p * rs[1] + j * cs[1]) * sz);                                      \
        char *q = c + (i * rs[2] + j * cs[2]) * sz;                                               \
        ACC v = alpha * s;                                                                        \
        if (!g->beta.zero) v += beta * LD(T, ACC, q);                                             \
        ST(T, ACC, q, v);                                                                         \
      }                                                                                           \
  }                                                                                               \
  static void name##_scale(const ct__gemm_args *g, char *c) {                                     \
    const int64_t sz = (int64_t)sizeof(T);                                                        \
    ACC beta = SC(ACC, g->beta);                                                                  \
    for (int64_t i = 0; i < g->m; i++)                                                            \
      for (int64_t j = 0; j < g->n; j++) {                                                        \
        char *q = c + (i * g->rs[2] + j * g->cs[2]) * sz;                                         \
        ACC v = 0;                                                                                \
        if (!g->beta.zero) v = beta * LD(T, ACC, q);                                              \
        ST(T, ACC, q, v);                                                                         \
      }                                                                                           \
  }

/* The same pieces for complex T = R[2]: (re, im) pairs, alpha and beta complex. */
#define CT_CPU_GEMM_COMPLEX(name, R, MR, NR)                                                      \
  static void name##_pack_a(void *dst_, const char *a, int64_t rs, int64_t cs, int64_t mc,        \
                            int64_t kc) {                                                         \
    R *dst = dst_;                                                                                \
    for (int64_t i0 = 0; i0 < mc; i0 += MR) {                                                     \
      int64_t mr = mc - i0 < MR ? mc - i0 : MR;                                                   \
      for (int64_t p = 0; p < kc; p++, dst += 2 * MR) {                                           \
        const R *col = (const R *)(const void *)a + 2 * (i0 * rs + p * cs);                       \
        int64_t i = 0;                                                                            \
        for (; i < mr; i++) {                                                                     \
          dst[i] = col[2 * i * rs];                                                               \
          dst[MR + i] = col[2 * i * rs + 1];                                                      \
        }                                                                                         \
        for (; i < MR; i++) dst[i] = dst[MR + i] = 0;                                             \
      }                                                                                           \
    }                                                                                             \
  }                                                                                               \
  static void name##_pack_b(void *dst_, const char *b, int64_t rs, int64_t cs, int64_t kc,        \
                            int64_t nc) {                                                         \
    R *dst = dst_;                                                                                \
    for (int64_t j0 = 0; j0 < nc; j0 += NR) {                                                     \
      int64_t nr = nc - j0 < NR ? nc - j0 : NR;                                                   \
      for (int64_t p = 0; p < kc; p++, dst += 2 * NR) {                                           \
        const R *row = (const R *)(const void *)b + 2 * (p * rs + j0 * cs);                       \
        int64_t j = 0;                                                                            \
        for (; j < nr; j++) {                                                                     \
          dst[j] = row[2 * j * cs];                                                               \
          dst[NR + j] = row[2 * j * cs + 1];                                                      \
        }                                                                                         \
        for (; j < NR; j++) dst[j] = dst[NR + j] = 0;                                             \
      }                                                                                           \
    }                                                                                             \
  }                                                                                               \
  /* q = alpha * (tr + i ti) + beta * q, beta skipped when zero. */                               \
  static inline void name##_put(R *q, R tr, R ti, const ct__gemm_args *g) {                       \
    R ar = (R)g->alpha.re, ai = (R)g->alpha.im;                                                   \
    R vr = ar * tr - ai * ti, vi = ar * ti + ai * tr;                                             \
    if (!g->beta.zero) {                                                                          \
      R br = (R)g->beta.re, bi = (R)g->beta.im, cr = q[0], ci = q[1];                             \
      vr += br * cr - bi * ci;                                                                    \
      vi += br * ci + bi * cr;                                                                    \
    }                                                                                             \
    q[0] = vr;                                                                                    \
    q[1] = vi;                                                                                    \
  }                                                                                               \
  static void name##_store(char *c, int64_t rs, int64_t cs, const void *t_, int64_t ldt,          \
                           int64_t mc, int64_t nc, const ct__gemm_args *g) {                      \
    const R *t = t_;                                                                              \
    for (int64_t i = 0; i < mc; i++)                                                              \
      for (int64_t j = 0; j < nc; j++)                                                            \
        name##_put((R *)(void *)c + 2 * (i * rs + j * cs), t[2 * (i * ldt + j)],                  \
                   t[2 * (i * ldt + j) + 1], g);                                                  \
  }                                                                                               \
  static void name##_direct(const ct__gemm_args *g, const char *a_, const char *b_, char *c_,     \
                            int64_t r0, int64_t r1) {                                             \
    const R *a = (const R *)(const void *)a_, *b = (const R *)(const void *)b_;                   \
    const int64_t *rs = g->rs, *cs = g->cs;                                                       \
    for (int64_t i = r0; i < r1; i++)                                                             \
      for (int64_t j = 0; j < g->n; j++) {                                                        \
        R sr = 0, si = 0;                                                                         \
        for (int64_t p = 0; p < g->k; p++) {                                                      \
          const R *x = a + 2 * (i * rs[0] + p * cs[0]), *y = b + 2 * (p * rs[1] + j * cs[1]);     \
          sr += x[0] * y[0] - x[1] * y[1];                                                        \
          si += x[0] * y[1] + x[1] * y[0];                                                        \
        }                                                                                         \
        name##_put((R *)(void *)c_ + 2 * (i * rs[2] + j * cs[2]), sr, si, g);                     \
      }                                                                                           \
  }                                                                                               \
  static void name##_scale(const ct__gemm_args *g, char *c) {                                     \
    for (int64_t i = 0; i < g->m; i++)                                                            \
      for (int64_t j = 0; j < g->n; j++) {                                                        \
        R *q = (R *)(void *)c + 2 * (i * g->rs[2] + j * g->cs[2]);                                \
        if (g->beta.zero) {                                                                       \
          q[0] = q[1] = 0;                                                                        \
        } else {                                                                                  \
          R br = (R)g->beta.re, bi = (R)g->beta.im, cr = q[0], ci = q[1];                         \
          q[0] = br * cr - bi * ci;                                                               \
          q[1] = br * ci + bi * cr;                                                               \
        }                                                                                         \
      }                                                                                           \
  }

CT_CPU_GEMM_REAL(ct_cpu_bool, uint8_t, uint32_t, CT_MR4, CT_NR4, CT_LD_BOOL, CT_ST_BOOL, CT_SCALAR_INT)
CT_CPU_GEMM_REAL(ct_cpu_u8, uint8_t, uint32_t, CT_MR4, CT_NR4, CT_LD_INT, CT_ST_SAME, CT_SCALAR_INT)
CT_CPU_GEMM_REAL(ct_cpu_i8, int8_t, uint32_t, CT_MR4, CT_NR4, CT_LD_INT, CT_ST_SAME, CT_SCALAR_INT)
CT_CPU_GEMM_REAL(ct_cpu_i16, int16_t, uint32_t, CT_MR4, CT_NR4, CT_LD_INT, CT_ST_SAME, CT_SCALAR_INT)
CT_CPU_GEMM_REAL(ct_cpu_i32, int32_t, uint32_t, CT_MR4, CT_NR4, CT_LD_INT, CT_ST_SAME, CT_SCALAR_INT)
CT_CPU_GEMM_REAL(ct_cpu_i64, int64_t, uint64_t, CT_MR8, CT_NR8, CT_LD_INT, CT_ST_SAME, CT_SCALAR_INT)
CT_CPU_GEMM_REAL(ct_cpu_f16, uint16_t, float, CT_MR4, CT_NR4, CT_LD_F16, CT_ST_F16, CT_SCALAR_FLOAT)
CT_CPU_GEMM_REAL(ct_cpu_bf16, uint16_t, float, CT_MR4, CT_NR4, CT_LD_BF16, CT_ST_BF16, CT_SCALAR_FLOAT)
CT_CPU_GEMM_REAL(ct_cpu_f32, float, float, CT_MR4, CT_NR4, CT_LD_SAME, CT_ST_SAME, CT_SCALAR_FLOAT)
CT_CPU_GEMM_REAL(ct_cpu_f64, double, double, CT_MR8, CT_NR8, CT_LD_SAME, CT_ST_SAME, CT_SCALAR_FLOAT)
CT_CPU_GEMM_COMPLEX(ct_cpu_c64, float, CT_MRC, CT_NRC)
CT_CPU_GEMM_COMPLEX(ct_cpu_c128, double, CT_MRC, CT_NRZ)

#define CT_CPU_KIND(name, MR, NR, ACCB, micro)                                                    \
  {MR, NR, ACCB, name##_pack_a, name##_pack_b, micro, name##_store, name##_direct, name##_scale}

static const ct_cpu_gemm_kind ct_cpu_gemm_kinds[CT_DTYPE_COUNT] = {
  [CT_BOOL] = CT_CPU_KIND(ct_cpu_bool, CT_MR4, CT_NR4, 4, ct_cpu_micro_u32),
  [CT_UINT8] = CT_CPU_KIND(ct_cpu_u8, CT_MR4, CT_NR4, 4, ct_cpu_micro_u32),
  [CT_INT8] = CT_CPU_KIND(ct_cpu_i8, CT_MR4, CT_NR4, 4, ct_cpu_micro_u32),
  [CT_INT16] = CT_CPU_KIND(ct_cpu_i16, CT_MR4, CT_NR4, 4, ct_cpu_micro_u32),
  [CT_INT32] = CT_CPU_KIND(ct_cpu_i32, CT_MR4, CT_NR4, 4, ct_cpu_micro_u32),
  [CT_INT64] = CT_CPU_KIND(ct_cpu_i64, CT_MR8, CT_NR8, 8, ct_cpu_micro_u64),
  [CT_FLOAT16] = CT_CPU_KIND(ct_cpu_f16, CT_MR4, CT_NR4, 4, ct_cpu_micro_f32),
  [CT_BFLOAT16] = CT_CPU_KIND(ct_cpu_bf16, CT_MR4, CT_NR4, 4, ct_cpu_micro_f32),
  [CT_FLOAT32] = CT_CPU_KIND(ct_cpu_f32, CT_MR4, CT_NR4, 4, ct_cpu_micro_f32),
  [CT_FLOAT64] = CT_CPU_KIND(ct_cpu_f64, CT_MR8, CT_NR8, 8, ct_cpu_micro_f64),
  [CT_COMPLEX64] = CT_CPU_KIND(ct_cpu_c64, CT_MRC, CT_NRC, 8, ct_cpu_micro_c64),
  [CT_COMPLEX128] = CT_CPU_KIND(ct_cpu_c128, CT_MRC, CT_NRZ, 16, ct_cpu_micro_c128),
};
_Static_assert(CT_DTYPE_COUNT == 12, "ct_cpu_gemm_kinds needs an entry for every dtype");

/* The kind for a dtype, with the AVX2 micro-kernel where the CPU has it. */
static ct_cpu_gemm_kind ct_cpu_kind(ct_dtype dtype) {
  ct_cpu_gemm_kind k = ct_cpu_gemm_kinds[dtype];
#ifdef CT_CPU_HAVE_AVX2_VARIANT
  if (ct_cpu_has_avx2()) {
    if (k.micro == ct_cpu_micro_f32) k.micro = ct_cpu_micro_f32_avx2;
    if (k.micro == ct_cpu_micro_f64) k.micro = ct_cpu_micro_f64_avx2;
    if (k.micro == ct_cpu_micro_u32) k.micro = ct_cpu_micro_u32_avx2;
    if (k.micro == ct_cpu_micro_u64) k.micro = ct_cpu_micro_u64_avx2;
  }
#endif
  return k;
}

/* ---- the built-in kernel: blocking and threads ---------------------------------------------- */

/* Block sizes in elements: a's block (MC x KC) stays in L2, b's micro-panel (KC x NR) in L1. */
enum { CT_KC = 256, CT_MC_PANELS = 16, CT_NC_PANELS = 16 };
/* Products of at most this many multiply-adds run the plain loops (packing would cost more). */
enum { CT_DIRECT_MAX = 4096, CT_BLAS_MIN = 512 };
/* The most bytes a thread keeps of packed b, a whole column panel (all of k) at a time. */
enum { CT_B_PANEL_MAX = 4 << 20 };
/* Work (multiply-adds) below which a thread is not worth starting. */
enum { CT_GRAIN_MACS = 1 << 15 };

typedef struct ct_cpu_gemm_job {
  const ct__gemm_args *g;
  ct_cpu_gemm_kind kind;
  int64_t mc, nc;         /* block sizes */
  int64_t mtiles, ntiles; /* per batch index */
  atomic_bool oom;
} ct_cpu_gemm_job;

static int64_t ct_cpu_round_up(int64_t x, int64_t m) { return (x + m - 1) / m * m; }

/*
 * Computes tiles [begin, end): tile t is batch index t / (mtiles * ntiles),
 * then column block, then row block (fastest), so that a thread's
 * consecutive tiles mostly share their column block of b: when all of k
 * fits (CT_B_PANEL_MAX), that whole panel of b is packed once and kept.
 */
static void ct_cpu_gemm_tiles(int64_t begin, int64_t end, void *ctx) {
  ct_cpu_gemm_job *job = ctx;
  const ct__gemm_args *g = job->g;
  const ct_cpu_gemm_kind *kd = &job->kind;
  const int64_t ab = kd->acc_bytes, isz = ct__itemsize(g->dtype);
  int64_t kcmax = g->k < CT_KC ? g->k : CT_KC;
  int64_t mcp = ct_cpu_round_up(g->m < job->mc ? g->m : job->mc, kd->mr);
  int64_t ncp = ct_cpu_round_up(g->n < job->nc ? g->n : job->nc, kd->nr);
  bool keep_b = g->k * ncp * ab <= CT_B_PANEL_MAX;
  size_t na = (size_t)(mcp * kcmax), nb = (size_t)((keep_b ? g->k : kcmax) * ncp), nt = (size_t)(mcp * ncp);
  char *buf = ct__malloc((na + nb + nt) * (size_t)ab);
  if (!buf) {
    atomic_store(&job->oom, true);
    return;
  }
  char *pa = buf, *pb = pa + na * (size_t)ab, *tile = pb + nb * (size_t)ab;
  int64_t packed_bi = -1, packed_j0 = -1; /* the panel of b in pb when keep_b */
  for (int64_t t = begin; t < end; t++) {
    int64_t per_batch = job->mtiles * job->ntiles;
    int64_t bi = t / per_batch, r = t % per_batch;
    int64_t i0 = (r % job->mtiles) * job->mc, j0 = (r / job->mtiles) * job->nc;
    int64_t mc = g->m - i0 < job->mc ? g->m - i0 : job->mc;
    int64_t nc = g->n - j0 < job->nc ? g->n - j0 : job->nc;
    int64_t ldt = ct_cpu_round_up(nc, kd->nr), mcr = ct_cpu_round_up(mc, kd->mr);
    int64_t off[3];
    ct_cpu_batch_offsets(off, g, bi);
    const char *a = g->data[0] + (off[0] + i0 * g->rs[0]) * isz;
    const char *b = g->data[1] + (off[1] + j0 * g->cs[1]) * isz;
    bool pack_b = !keep_b || bi != packed_bi || j0 != packed_j0;
    packed_bi = bi;
    packed_j0 = j0;
    for (int64_t p0 = 0; p0 < g->k; p0 += CT_KC) {
      int64_t kc = g->k - p0 < CT_KC ? g->k - p0 : CT_KC;
      /* The block of b for rows [p0, p0 + kc): at p0 in the kept panel, else reusing one block. */
      char *pbk = keep_b ? pb + p0 * ldt * ab : pb;
      kd->pack_a(pa, a + p0 * g->cs[0] * isz, g->rs[0], g->cs[0], mc, kc);
      if (pack_b) kd->pack_b(pbk, b + p0 * g->rs[1] * isz, g->rs[1], g->cs[1], kc, nc);
      for (int64_t jr = 0; jr < ldt; jr += kd->nr)
        for (int64_t ir = 0; ir < mcr; ir += kd->mr)
          kd->micro(kc, pa + ir * kc * ab, pbk + jr * kc * ab, tile + (ir * ldt + jr) * ab, ldt, p0 == 0);
    }
    kd->store(g->data[2] + (off[2] + i0 * g->rs[2] + j0 * g->cs[2]) * isz, g->rs[2], g->cs[2], tile,
              ldt, mc, nc, g);
  }
  ct__free(buf);
}

/* Plain loops over rows: task t is row t % m of batch index t / m. */
static void ct_cpu_gemm_direct_rows(int64_t begin, int64_t end, void *ctx) {
  ct_cpu_gemm_job *job = ctx;
  const ct__gemm_args *g = job->g;
  const int64_t isz = ct__itemsize(g->dtype);
  while (begin < end) {
    int64_t bi = begin / g->m, r0 = begin % g->m;
    int64_t r1 = g->m < r0 + (end - begin) ? g->m : r0 + (end - begin);
    int64_t off[3];
    ct_cpu_batch_offsets(off, g, bi);
    job->kind.direct(g, g->data[0] + off[0] * isz, g->data[1] + off[1] * isz,
                     g->data[2] + off[2] * isz, r0, r1);
    begin += r1 - r0;
  }
}

/* c = beta * c for every batch index (k == 0 or alpha == 0). */
static void ct_cpu_gemm_scale(int64_t begin, int64_t end, void *ctx) {
  ct_cpu_gemm_job *job = ctx;
  const int64_t isz = ct__itemsize(job->g->dtype);
  for (int64_t bi = begin; bi < end; bi++) {
    int64_t off[3];
    ct_cpu_batch_offsets(off, job->g, bi);
    job->kind.scale(job->g, job->g->data[2] + off[2] * isz);
  }
}

/* The built-in kernel over the whole batch. */
static ct_status ct_cpu_gemm_builtin(const ct__gemm_args *g, int64_t nbatch) {
  ct_cpu_gemm_job job = {.g = g, .kind = ct_cpu_kind(g->dtype)};
  atomic_init(&job.oom, false);
  int64_t mn = g->m * g->n;
  if (g->k == 0 || g->alpha.zero) {
    ct__parallel_for(nbatch, 1 + CT_GRAIN_MACS / (mn ? mn : 1), ct_cpu_gemm_scale, &job);
    return CT_OK;
  }
  /* m * n * k, saturating: only compared with small bounds. */
  int64_t work = mn > INT64_MAX / g->k ? INT64_MAX : mn * g->k;
  if (work <= CT_DIRECT_MAX) {
    int64_t row_work = g->n * g->k;
    ct__parallel_for(nbatch * g->m, 1 + CT_GRAIN_MACS / row_work, ct_cpu_gemm_direct_rows, &job);
    return CT_OK;
  }
  job.mc = job.kind.mr * CT_MC_PANELS;
  job.nc = job.kind.nr * CT_NC_PANELS;
  job.mtiles = (g->m + job.mc - 1) / job.mc;
  job.ntiles = (g->n + job.nc - 1) / job.nc;
  int64_t tile_work = job.mc * job.nc * g->k;
  ct__parallel_for(nbatch * job.mtiles * job.ntiles,
                   tile_work >= CT_GRAIN_MACS ? 1 : CT_GRAIN_MACS / tile_work, ct_cpu_gemm_tiles,
                   &job);
  if (atomic_load(&job.oom))
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of memory for the packing buffers", g->fn);
  return CT_OK;
}

/* ---- OpenBLAS ------------------------------------------------------------------------------- */

#ifdef CT_HAVE_OPENBLAS

/* Gives OpenBLAS's own thread pool the thread count of ct_set_num_threads (when it changed). */
static void ct_cpu_blas_threads(void) {
  static atomic_int last;
  int n = ct__num_threads();
  if (atomic_exchange(&last, n) != n) openblas_set_num_threads(n);
}

/* A matrix as a CblasRowMajor call sees it: stored as is or as its transpose, with a leading dimension. */
typedef struct ct_cpu_blas_mat {
  const char *p;
  bool trans;
  int ld;
} ct_cpu_blas_mat;

/*
 * Whether a rows x cols matrix (rows, cols >= 1) with strides rs, cs can be
 * passed without a copy: row-major (unit column stride, rows apart by at
 * least cols) or column-major. A size-1 dim's stride does not matter.
 */
static bool ct_cpu_blas_fit(ct_cpu_blas_mat *o, int64_t rows, int64_t cols, int64_t rs, int64_t cs) {
  if ((cols == 1 || cs == 1) && (rows == 1 || rs >= cols)) {
    int64_t ld = rows == 1 ? cols : rs;
    if (ld > INT_MAX) return false;
    o->trans = false;
    o->ld = (int)ld;
    return true;
  }
  if ((rows == 1 || rs == 1) && (cols == 1 || cs >= rows)) {
    int64_t ld = cols == 1 ? rows : cs;
    if (ld > INT_MAX) return false;
    o->trans = true;
    o->ld = (int)ld;
    return true;
  }
  return false;
}

/* Copies a strided rows x cols matrix into dense row-major dst. */
static void ct_cpu_dense_copy(char *dst, const char *src, int64_t rows, int64_t cols, int64_t rs,
                              int64_t cs, int64_t isz) {
  for (int64_t i = 0; i < rows; i++)
    for (int64_t j = 0; j < cols; j++)
      memcpy(dst + (i * cols + j) * isz, src + (i * rs + j * cs) * isz, (size_t)isz);
}

/* Copies dense row-major src back into a strided matrix. */
static void ct_cpu_dense_scatter(char *dst, const char *src, int64_t rows, int64_t cols, int64_t rs,
                                 int64_t cs, int64_t isz) {
  for (int64_t i = 0; i < rows; i++)
    for (int64_t j = 0; j < cols; j++)
      memcpy(dst + (i * rs + j * cs) * isz, src + (i * cols + j) * isz, (size_t)isz);
}

/* alpha or beta as BLAS takes it: a float or double value, or a pointer to a complex pair. */
typedef struct ct_cpu_blas_scalar {
  float s[2];
  double d[2];
} ct_cpu_blas_scalar;

static ct_cpu_blas_scalar ct_cpu_blas_scalar_of(const ct__gemm_scalar *v) {
  ct_cpu_blas_scalar r = {{(float)v->re, (float)v->im}, {v->re, v->im}};
  return r;
}

static void ct_cpu_blas_gemm(ct_dtype dt, bool ta, bool tb, int m, int n, int k,
                             const ct_cpu_blas_scalar *al, const void *a, int lda, const void *b,
                             int ldb, const ct_cpu_blas_scalar *be, void *c, int ldc) {
  enum CBLAS_TRANSPOSE TA = ta ? CblasTrans : CblasNoTrans, TB = tb ? CblasTrans : CblasNoTrans;
  switch (dt) {
    case CT_FLOAT32:
      cblas_sgemm(CblasRowMajor, TA, TB, m, n, k, al->s[0], a, lda, b, ldb, be->s[0], c, ldc);
      break;
    case CT_FLOAT64:
      cblas_dgemm(CblasRowMajor, TA, TB, m, n, k, al->d[0], a, lda, b, ldb, be->d[0], c, ldc);
      break;
    case CT_COMPLEX64:
      cblas_cgemm(CblasRowMajor, TA, TB, m, n, k, al->s, a, lda, b, ldb, be->s, c, ldc);
      break;
    default:
      cblas_zgemm(CblasRowMajor, TA, TB, m, n, k, al->d, a, lda, b, ldb, be->d, c, ldc);
      break;
  }
}

/* y (length of op(A)'s rows) = alpha * op(A) x + beta * y for a row-major A (rows x cols). */
static void ct_cpu_blas_gemv(ct_dtype dt, bool trans, int rows, int cols,
                             const ct_cpu_blas_scalar *al, const void *a, int lda, const void *x,
                             int incx, const ct_cpu_blas_scalar *be, void *y, int incy) {
  enum CBLAS_TRANSPOSE T = trans ? CblasTrans : CblasNoTrans;
  switch (dt) {
    case CT_FLOAT32:
      cblas_sgemv(CblasRowMajor, T, rows, cols, al->s[0], a, lda, x, incx, be->s[0], y, incy);
      break;
    case CT_FLOAT64:
      cblas_dgemv(CblasRowMajor, T, rows, cols, al->d[0], a, lda, x, incx, be->d[0], y, incy);
      break;
    case CT_COMPLEX64:
      cblas_cgemv(CblasRowMajor, T, rows, cols, al->s, a, lda, x, incx, be->s, y, incy);
      break;
    default:
      cblas_zgemv(CblasRowMajor, T, rows, cols, al->d, a, lda, x, incx, be->d, y, incy);
      break;
  }
}

/* *c = alpha * (x . y) + beta * *c (beta skipped when zero), without conjugation. */
static void ct_cpu_blas_dot(ct_dtype dt, int n, const void *x, int incx, const void *y, int incy,
                            const ct__gemm_args *g, void *c) {
  double r[2] = {0, 0};
  switch (dt) {
    case CT_FLOAT32: r[0] = cblas_sdot(n, x, incx, y, incy); break;
    case CT_FLOAT64: r[0] = cblas_ddot(n, x, incx, y, incy); break;
    case CT_COMPLEX64: {
      float z[2];
      cblas_cdotu_sub(n, x, incx, y, incy, z);
      r[0] = z[0];
      r[1] = z[1];
      break;
    }
    default: cblas_zdotu_sub(n, x, incx, y, incy, r); break;
  }
  /* The scaling in the dtype's own precision, as the kernels do it. */
  if (dt == CT_FLOAT32 || dt == CT_COMPLEX64) {
    float *q = c, rr = (float)r[0], ri = (float)r[1], ar = (float)g->alpha.re, ai = (float)g->alpha.im;
    float vr = ar * rr - ai * ri, vi = ar * ri + ai * rr;
    if (!g->beta.zero) {
      float br = (float)g->beta.re, bi = (float)g->beta.im, cr = q[0], ci = dt == CT_COMPLEX64 ? q[1] : 0;
      vr += br * cr - bi * ci;
      vi += br * ci + bi * cr;
    }
    q[0] = vr;
    if (dt == CT_COMPLEX64) q[1] = vi;
  } else {
    double *q = c, ar = g->alpha.re, ai = g->alpha.im;
    double vr = ar * r[0] - ai * r[1], vi = ar * r[1] + ai * r[0];
    if (!g->beta.zero) {
      double br = g->beta.re, bi = g->beta.im, cr = q[0], ci = dt == CT_COMPLEX128 ? q[1] : 0;
      vr += br * cr - bi * ci;
      vi += br * ci + bi * cr;
    }
    q[0] = vr;
    if (dt == CT_COMPLEX128) q[1] = vi;
  }
}

/*
 * Dense copies for operands that no BLAS layout fits, one buffer per operand
 * (sized for a, b and c), allocated on first use: the layout is the same for
 * every product of a batch, so either the first product allocates or none does.
 */
typedef struct ct_cpu_blas_scratch {
  char *buf[3];
  size_t size[3];
  const char *fn;
} ct_cpu_blas_scratch;

static ct_status ct_cpu_scratch(char **out, ct_cpu_blas_scratch *sc, int i) {
  if (!sc->buf[i]) CT_TRY(ct__alloc_or_error((void **)&sc->buf[i], sc->size[i], sc->fn, "a BLAS operand copy"));
  *out = sc->buf[i];
  return CT_OK;
}

/*
 * A vector of n elements with stride s as BLAS takes it (increment >= 1):
 * the vector itself, or a dense copy in scratch buffer i when its stride is 0.
 */
static ct_status ct_cpu_blas_vec(const char **out, int *inc, const char *p, int64_t n, int64_t s,
                                 ct_cpu_blas_scratch *sc, int i, int64_t isz) {
  *out = p;
  *inc = 1;
  if (n == 1) return CT_OK;
  if (s >= 1) {
    *inc = (int)s;
    return CT_OK;
  }
  char *buf;
  CT_TRY(ct_cpu_scratch(&buf, sc, i));
  ct_cpu_dense_copy(buf, p, n, 1, s, 0, isz);
  *out = buf;
  return CT_OK;
}

/* Zeroes y (n elements, stride inc) so that beta = 0 cannot meet a NaN in it. */
static void ct_cpu_zero_vec(char *y, int64_t n, int64_t inc, int64_t isz) {
  for (int64_t i = 0; i < n; i++) memset(y + i * inc * isz, 0, (size_t)isz);
}

/*
 * A rows x cols operand as a CblasRowMajor call takes it: as it lies when a
 * layout fits, else a dense row-major copy in scratch buffer i.
 */
static ct_status ct_cpu_blas_operand(ct_cpu_blas_mat *o, const char *p, int64_t rows, int64_t cols,
                                     int64_t rs, int64_t cs, ct_cpu_blas_scratch *sc, int i,
                                     int64_t isz) {
  o->p = p;
  if (ct_cpu_blas_fit(o, rows, cols, rs, cs)) return CT_OK;
  char *buf;
  CT_TRY(ct_cpu_scratch(&buf, sc, i));
  ct_cpu_dense_copy(buf, p, rows, cols, rs, cs, isz);
  o->p = buf;
  o->trans = false;
  o->ld = (int)cols;
  return CT_OK;
}

/*
 * One product of the batch through BLAS: a (m x k), b (k x n), c (m x n) at
 * the given addresses with g's strides; m, n, k >= 1 and small enough for int.
 */
static ct_status ct_cpu_blas_one(const ct__gemm_args *g, const char *a, const char *b, char *c,
                                 ct_cpu_blas_scratch *sc) {
  const ct_dtype dt = g->dtype;
  const int64_t isz = ct__itemsize(dt);
  int64_t m = g->m, n = g->n, k = g->k;
  ct_cpu_blas_scalar al = ct_cpu_blas_scalar_of(&g->alpha), be = ct_cpu_blas_scalar_of(&g->beta);

  if (m == 1 && n == 1) {
    int incx, incy;
    const char *x, *y;
    CT_TRY(ct_cpu_blas_vec(&x, &incx, a, k, g->cs[0], sc, 0, isz));
    CT_TRY(ct_cpu_blas_vec(&y, &incy, b, k, g->rs[1], sc, 1, isz));
    ct_cpu_blas_dot(dt, (int)k, x, incx, y, incy, g, c);
    return CT_OK;
  }
  if (n == 1 || m == 1) {
    /* c's column (n == 1) is A x with x b's column; c's row (m == 1) is B^T x with x a's row. */
    bool col = n == 1;
    ct_cpu_blas_mat A;
    int incx;
    const char *x;
    if (col) {
      CT_TRY(ct_cpu_blas_operand(&A, a, m, k, g->rs[0], g->cs[0], sc, 0, isz));
      CT_TRY(ct_cpu_blas_vec(&x, &incx, b, k, g->rs[1], sc, 1, isz));
    } else {
      CT_TRY(ct_cpu_blas_operand(&A, b, k, n, g->rs[1], g->cs[1], sc, 1, isz));
      CT_TRY(ct_cpu_blas_vec(&x, &incx, a, k, g->cs[0], sc, 0, isz));
    }
    int64_t rows = col ? m : k, cols = col ? k : n;
    int64_t ylen = col ? m : n, ys = col ? g->rs[2] : g->cs[2];
    /* c has no two elements at one address, so its stride along a length > 1 is >= 1. */
    if (g->beta.zero) ct_cpu_zero_vec(c, ylen, ys, isz);
    /*
     * The matrix stored as is (rows x cols, row-major): the column case wants
     * A x (NoTrans), the row case B^T x (Trans). Stored transposed (cols x
     * rows), the flags swap.
     */
    bool trans = col ? A.trans : !A.trans;
    int r = A.trans ? (int)cols : (int)rows, q = A.trans ? (int)rows : (int)cols;
    ct_cpu_blas_gemv(dt, trans, r, q, &al, A.p, A.ld, x, incx, &be, c, (int)ys);
    return CT_OK;
  }

  /* c row-major as it lies, or the whole product transposed when c is column-major. */
  int64_t ars = g->rs[0], acs = g->cs[0], brs = g->rs[1], bcs = g->cs[1];
  ct_cpu_blas_mat C;
  char *cbuf = NULL;
  if (!ct_cpu_blas_fit(&C, m, n, g->rs[2], g->cs[2])) {
    CT_TRY(ct_cpu_scratch(&cbuf, sc, 2));
    if (!g->beta.zero) ct_cpu_dense_copy(cbuf, c, m, n, g->rs[2], g->cs[2], isz);
    C.trans = false;
    C.ld = (int)n;
  }
  const char *pa = a, *pb = b;
  int ia = 0, ib = 1; /* the scratch buffer (sized for a or for b) each side may use */
  if (C.trans) {
    /* c^T (n x m) = b^T (n x k) a^T (k x m): swap the operands and every pair of strides. */
    int64_t t;
    const char *tp = pa;
    pa = pb;
    pb = tp;
    ia = 1;
    ib = 0;
    t = m, m = n, n = t;
    t = ars, ars = bcs, bcs = t;
    t = acs, acs = brs, brs = t;
  }
  ct_cpu_blas_mat A, B;
  CT_TRY(ct_cpu_blas_operand(&A, pa, m, k, ars, acs, sc, ia, isz));
  CT_TRY(ct_cpu_blas_operand(&B, pb, k, n, brs, bcs, sc, ib, isz));
  ct_cpu_blas_gemm(dt, A.trans, B.trans, (int)m, (int)n, (int)k, &al, A.p, A.ld, B.p, B.ld, &be,
                   cbuf ? cbuf : c, C.ld);
  if (cbuf) ct_cpu_dense_scatter(c, cbuf, g->m, g->n, g->rs[2], g->cs[2], isz);
  return CT_OK;
}

/* Whether BLAS takes this product: its dtypes, sizes that fit an int, enough work to pay for a call. */
static bool ct_cpu_blas_wanted(const ct__gemm_args *g) {
  if (g->dtype != CT_FLOAT32 && g->dtype != CT_FLOAT64 && g->dtype != CT_COMPLEX64 &&
      g->dtype != CT_COMPLEX128)
    return false;
  if (g->k == 0 || g->alpha.zero) return false;
  if (g->m > INT_MAX / 2 || g->n > INT_MAX / 2 || g->k > INT_MAX / 2) return false;
  for (int op = 0; op < 3; op++)
    if (g->rs[op] > INT_MAX || g->cs[op] > INT_MAX) return false;
  int64_t mn = g->m * g->n;
  return mn > CT_BLAS_MIN / g->k;
}

static ct_status ct_cpu_gemm_blas(const ct__gemm_args *g, int64_t nbatch) {
  const int64_t isz = ct__itemsize(g->dtype);
  int64_t m = g->m, n = g->n, k = g->k;
  ct_cpu_blas_scratch sc = {{NULL, NULL, NULL},
                            {(size_t)(m * k * isz), (size_t)(k * n * isz), (size_t)(m * n * isz)},
                            g->fn};
  ct_status s = CT_OK;
  ct_cpu_blas_threads();
  for (int64_t bi = 0; bi < nbatch && s == CT_OK; bi++) {
    int64_t off[3];
    ct_cpu_batch_offsets(off, g, bi);
    s = ct_cpu_blas_one(g, g->data[0] + off[0] * isz, g->data[1] + off[1] * isz,
                        g->data[2] + off[2] * isz, &sc);
  }
  for (int i = 0; i < 3; i++) ct__free(sc.buf[i]);
  return s;
}

#endif /* CT_HAVE_OPENBLAS */

/* ---- entry ---------------------------------------------------------------------------------- */

static ct_status ct_cpu_gemm(const ct__gemm_args *g) {
  int64_t nbatch = ct_cpu_batch_count(g);
  if (nbatch == 0 || g->m == 0 || g->n == 0) return CT_OK;
#ifdef CT_HAVE_OPENBLAS
  if (ct_cpu_blas_wanted(g)) return ct_cpu_gemm_blas(g, nbatch);
#endif
  return ct_cpu_gemm_builtin(g, nbatch);
}

const struct ct_backend_linalg_i ct_cpu_linalg = {
#ifdef CT_HAVE_OPENBLAS
  .impl = "openblas",
#else
  .impl = "builtin",
#endif
  .gemm = ct_cpu_gemm,
};
