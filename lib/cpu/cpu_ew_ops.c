/*
 * cpu_ew_ops.c: the CPU kernels of the elementwise ops.
 *
 * Each op's element function is written once per kind of dtype (bool,
 * unsigned and signed integers, floating, complex) as a function body over
 * x (y, z), the typedefs ET (the element type) and EU (the unsigned type of
 * an integer, the real type of a complex, double for a float) and the
 * context c (scalar parameters v[] in the compute dtype, options opt[]); the
 * CT_DEF macros instantiate it for every dtype of the kind together with its
 * loop kernel. A kernel's loops share the element function: the contiguous
 * loops (vectorized; a stride-0 operand held in a register) and the strided
 * one. Float32 transcendental functions compute in double and round once,
 * which keeps them within an ulp of the correctly rounded result; exp
 * instead runs a vectorizable float32 exp (about 1 ulp), and sigmoid, tanh,
 * silu and the tanh gelu a vectorizable double exp, rather than libm.
 * float16 and bfloat16 never reach a kernel: they compute as float32.
 *
 * The file includes itself: once for the element functions (section 1),
 * then once per instruction set for the kernels and their table (section
 * 2: baseline, and on x86 with GCC also AVX2 and AVX-512 under #pragma GCC
 * target). The table of the best set the CPU supports is picked on first
 * use ($CTENSOR_CPU_ISA = base, avx2 or avx512 caps it). Every set computes
 * the same bits: no fused multiply-add, no approximations.
 */
#include <complex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cpu_internal.h"

#ifndef CT_EW_SECTION


/*
 * Kernels compute IEEE results (no errno, no fused multiply-add, so that
 * every loop and every build gives an element the same bits).
 */
#pragma GCC optimize("no-math-errno", "no-trapping-math", "fp-contract=off")

#if defined(_OPENMP)
#define CT_SIMD _Pragma("omp simd")
#else
#define CT_SIMD _Pragma("GCC ivdep")
#endif

/* ---- dtype kinds: X(suffix, type, helper type, dtype, ...) -------------------------------------- */

#define CT_K_BOOL(X, ...) X(b, bool, unsigned, CT_BOOL, __VA_ARGS__)
#define CT_K_UINT(X, ...) X(u8, uint8_t, unsigned, CT_UINT8, __VA_ARGS__)
#define CT_K_SINT(X, ...)                                                                        \
  X(i8, int8_t, unsigned, CT_INT8, __VA_ARGS__)                                                  \
  X(i16, int16_t, unsigned, CT_INT16, __VA_ARGS__)                                               \
  X(i32, int32_t, uint32_t, CT_INT32, __VA_ARGS__)                                               \
  X(i64, int64_t, uint64_t, CT_INT64, __VA_ARGS__)
#define CT_K_FLT(X, ...)                                                                         \
  X(f32, float, double, CT_FLOAT32, __VA_ARGS__)                                                 \
  X(f64, double, double, CT_FLOAT64, __VA_ARGS__)
#define CT_K_CPX(X, ...)                                                                         \
  X(c64, float _Complex, float, CT_COMPLEX64, __VA_ARGS__)                                       \
  X(c128, double _Complex, double, CT_COMPLEX128, __VA_ARGS__)
#define CT_K_INT(X, ...) CT_K_UINT(X, __VA_ARGS__) CT_K_SINT(X, __VA_ARGS__)
#define CT_K_BI(X, ...) CT_K_BOOL(X, __VA_ARGS__) CT_K_INT(X, __VA_ARGS__)
#define CT_K_REAL(X, ...) CT_K_INT(X, __VA_ARGS__) CT_K_FLT(X, __VA_ARGS__)
#define CT_K_NOCPX(X, ...) CT_K_BI(X, __VA_ARGS__) CT_K_FLT(X, __VA_ARGS__)
#define CT_K_NUMBER(X, ...) CT_K_REAL(X, __VA_ARGS__) CT_K_CPX(X, __VA_ARGS__)
#define CT_K_FC(X, ...) CT_K_FLT(X, __VA_ARGS__) CT_K_CPX(X, __VA_ARGS__)
#define CT_K_ALL(X, ...) CT_K_BOOL(X, __VA_ARGS__) CT_K_NUMBER(X, __VA_ARGS__)

/* ---- the context of a kernel: its scalar parameters in the compute dtype ---------------------- */

#define CT_CTX_DEF(s, T, U, D, ...)                                                              \
  typedef struct ct_ctx_##s {                                                                    \
    T v[CT__EW_MAX_SCALARS];                                                                     \
    int64_t opt[2];                                                                              \
    atomic_int *fault;                                                                           \
  } ct_ctx_##s;                                                                                  \
  static inline void ct_ctx_load_##s(ct_ctx_##s *c, const ct__ew_params *p) {                    \
    for (int k = 0; k < CT__EW_MAX_SCALARS; k++) memcpy(&c->v[k], p->value[k].bytes, sizeof(T)); \
    c->opt[0] = p->option[0];                                                                    \
    c->opt[1] = p->option[1];                                                                    \
    c->fault = p->fault;                                                                         \
  }
CT_K_ALL(CT_CTX_DEF, _)

/* Records an error the kernel cannot return; the engine reports it after the run. */
#define CT_FAULT(c, code) atomic_store_explicit((c)->fault, (code), memory_order_relaxed)

/* ---- loop kernels ------------------------------------------------------------------------------ */

/* A kernel's name: ct_k_<op>_<dtype suffix>_<ISA>, one per instruction set it is compiled for. */
#define CT_CAT_(a, b) a##b
#define CT_CAT(a, b) CT_CAT_(a, b)
#define CT_KN(op, s) CT_CAT(ct_k_##op##_##s##_, CT_EW_ISA)

#define CT_P(T, p) ((T *)(void *)(p))
#define CT_CP(T, p) ((const T *)(const void *)(p))

/* out (TO) = f(in (T)) */
#define CT_KERN1(op, s, T, TO)                                                                   \
  static void CT_KN(op, s)(char **data, const int64_t *bs, int64_t n, const ct__ew_params *p) { \
    ct_ctx_##s c;                                                                                \
    ct_ctx_load_##s(&c, p);                                                                      \
    if (bs[0] == (int64_t)sizeof(TO) && bs[1] == (int64_t)sizeof(T)) {                           \
      TO *o = CT_P(TO, data[0]);                                                                 \
      const T *a = CT_CP(T, data[1]);                                                            \
      CT_SIMD for (int64_t i = 0; i < n; i++) o[i] = ct_e_##op##_##s(a[i], &c);                  \
    } else {                                                                                     \
      for (int64_t i = 0; i < n; i++)                                                            \
        *CT_P(TO, data[0] + i * bs[0]) = ct_e_##op##_##s(*CT_CP(T, data[1] + i * bs[1]), &c);    \
    }                                                                                            \
  }

/* out (TO) = f(a (T), b (T)); contiguous loops for both inputs, or one of them a scalar. */
#define CT_KERN2(op, s, T, TO)                                                                   \
  static void CT_KN(op, s)(char **data, const int64_t *bs, int64_t n, const ct__ew_params *p) { \
    ct_ctx_##s c;                                                                                \
    ct_ctx_load_##s(&c, p);                                                                      \
    TO *o = CT_P(TO, data[0]);                                                                   \
    const T *a = CT_CP(T, data[1]), *b = CT_CP(T, data[2]);                                      \
    const int64_t so = (int64_t)sizeof(TO), si = (int64_t)sizeof(T);                             \
    if (bs[0] == so && bs[1] == si && bs[2] == si) {                                             \
      CT_SIMD for (int64_t i = 0; i < n; i++) o[i] = ct_e_##op##_##s(a[i], b[i], &c);            \
    } else if (bs[0] == so && bs[1] == si && bs[2] == 0) {                                       \
      const T y = *b;                                                                            \
      CT_SIMD for (int64_t i = 0; i < n; i++) o[i] = ct_e_##op##_##s(a[i], y, &c);               \
    } else if (bs[0] == so && bs[1] == 0 && bs[2] == si) {                                       \
      const T x = *a;                                                                            \
      CT_SIMD for (int64_t i = 0; i < n; i++) o[i] = ct_e_##op##_##s(x, b[i], &c);               \
    } else {                                                                                     \
      for (int64_t i = 0; i < n; i++)                                                            \
        *CT_P(TO, data[0] + i * bs[0]) =                                                         \
            ct_e_##op##_##s(*CT_CP(T, data[1] + i * bs[1]), *CT_CP(T, data[2] + i * bs[2]), &c); \
    }                                                                                            \
  }

/* out (TO) = f(a (TA), b (T), c (T)); contiguous loops for all three, or b and/or c scalars. */
#define CT_KERN3(op, s, TA, T, TO)                                                               \
  static void CT_KN(op, s)(char **data, const int64_t *bs, int64_t n, const ct__ew_params *p) { \
    ct_ctx_##s c;                                                                                \
    ct_ctx_load_##s(&c, p);                                                                      \
    TO *o = CT_P(TO, data[0]);                                                                   \
    const TA *a = CT_CP(TA, data[1]);                                                            \
    const T *b = CT_CP(T, data[2]), *w = CT_CP(T, data[3]);                                      \
    const int64_t so = (int64_t)sizeof(TO), sa = (int64_t)sizeof(TA), si = (int64_t)sizeof(T);   \
    if (bs[0] == so && bs[1] == sa && bs[2] == si && bs[3] == si) {                              \
      CT_SIMD for (int64_t i = 0; i < n; i++) o[i] = ct_e_##op##_##s(a[i], b[i], w[i], &c);      \
    } else if (bs[0] == so && bs[1] == sa && bs[2] == si && bs[3] == 0) {                        \
      const T z = *w;                                                                            \
      CT_SIMD for (int64_t i = 0; i < n; i++) o[i] = ct_e_##op##_##s(a[i], b[i], z, &c);         \
    } else if (bs[0] == so && bs[1] == sa && bs[2] == 0 && bs[3] == 0) {                         \
      const T y = *b, z = *w;                                                                    \
      CT_SIMD for (int64_t i = 0; i < n; i++) o[i] = ct_e_##op##_##s(a[i], y, z, &c);            \
    } else {                                                                                     \
      for (int64_t i = 0; i < n; i++)                                                            \
        *CT_P(TO, data[0] + i * bs[0]) =                                                         \
            ct_e_##op##_##s(*CT_CP(TA, data[1] + i * bs[1]), *CT_CP(T, data[2] + i * bs[2]),     \
                            *CT_CP(T, data[3] + i * bs[3]), &c);                                 \
    }                                                                                            \
  }

/* The output type of an op: the input's (SAME), bool, or a complex input's real type (REAL). */
#define CT_OUT_SAME(T, U) T
#define CT_OUT_BOOL(T, U) bool
#define CT_OUT_REAL(T, U) U
#define CT_TA_SAME(T) T
#define CT_TA_BOOL(T) bool

#define CT_ELEM_TYPES(T, U)                                                                      \
  typedef T ET __attribute__((unused));                                                          \
  typedef U EU __attribute__((unused));                                                          \
  (void)c;

/*
 * CT_DEFn(op, out, kinds, body...) gives, for every dtype of kinds, the
 * element function ct_e_<op>_<s> with the given body (section 1) or its
 * kernel (section 2). An element function is always inlined, so that each
 * kernel vectorizes it for its own instruction set.
 */
#define CT_DEF1(op, outk, kinds, ...) kinds(CT_DEF1_X, op, outk, __VA_ARGS__)
#define CT_DEF2(op, outk, kinds, ...) kinds(CT_DEF2_X, op, outk, __VA_ARGS__)
#define CT_DEF3(op, firstk, kinds, ...) kinds(CT_DEF3_X, op, firstk, __VA_ARGS__)
#define CT_INLINE static inline __attribute__((always_inline))

#define CT_DEF1_ELEM(s, T, U, D, op, outk, ...)                                                  \
  CT_INLINE CT_OUT_##outk(T, U) ct_e_##op##_##s(T x, const ct_ctx_##s *c) {                      \
    CT_ELEM_TYPES(T, U) __VA_ARGS__                                                              \
  }
#define CT_DEF2_ELEM(s, T, U, D, op, outk, ...)                                                  \
  CT_INLINE CT_OUT_##outk(T, U) ct_e_##op##_##s(T x, T y, const ct_ctx_##s *c) {                 \
    CT_ELEM_TYPES(T, U) __VA_ARGS__                                                              \
  }
#define CT_DEF3_ELEM(s, T, U, D, op, TA, ...)                                                    \
  CT_INLINE T ct_e_##op##_##s(CT_TA_##TA(T) x, T y, T z, const ct_ctx_##s *c) {                  \
    CT_ELEM_TYPES(T, U) __VA_ARGS__                                                              \
  }
#define CT_DEF1_KERN(s, T, U, D, op, outk, ...) CT_KERN1(op, s, T, CT_OUT_##outk(T, U))
#define CT_DEF2_KERN(s, T, U, D, op, outk, ...) CT_KERN2(op, s, T, CT_OUT_##outk(T, U))
#define CT_DEF3_KERN(s, T, U, D, op, TA, ...) CT_KERN3(op, s, CT_TA_##TA(T), T, T)

/* ---- math helpers -------------------------------------------------------------------------------- */

/* An exact function (floor, sqrt, rint, ...) in the element's own precision: it vectorizes. */
#define CT_FX(fn, v) (sizeof(ET) == sizeof(float) ? (ET)fn##f((float)(v)) : (ET)fn((double)(v)))
/* A transcendental function computed in double and rounded once. */
#define CT_FD(fn, v) ((ET)fn((double)(v)))
#define CT_FD2(fn, v, w) ((ET)fn((double)(v), (double)(w)))

/* Complex values are built from parts and computed in double, then rounded to their precision. */
#define CT_RE(z) ((double)creal(z))
#define CT_IM(z) ((double)cimag(z))
#define CT_CD(z) ((double _Complex)(z))
#define CT_CFD(fn, z) ((ET)fn(CT_CD(z)))

/*
 * c10::complex's multiplication (the plain formula, no NaN recovery) and
 * division (NumPy's scaled algorithm), computed in the operands' precision.
 */
#define CT_CPX_HELPERS(s, T, U, D, ...)                                                          \
  static inline T ct_cmk_##s(U re, U im) {                                                       \
    T z;                                                                                         \
    __real__ z = re;                                                                             \
    __imag__ z = im;                                                                             \
    return z;                                                                                    \
  }                                                                                              \
  static inline T ct_cmul_##s(T a, T b) {                                                        \
    U ar = __real__ a, ai = __imag__ a, br = __real__ b, bi = __imag__ b;                        \
    return ct_cmk_##s(ar * br - ai * bi, ar * bi + ai * br);                                     \
  }                                                                                              \
  static inline T ct_cdiv_##s(T x, T y) {                                                        \
    U a = __real__ x, b = __imag__ x, c = __real__ y, d = __imag__ y;                            \
    U ac = c < 0 ? -c : c, ad = d < 0 ? -d : d;                                                  \
    if (ac >= ad) {                                                                              \
      if (ac == 0 && ad == 0) return ct_cmk_##s(a / ac, b / ad);                                 \
      U rat = d / c, scl = (U)1.0 / (c + d * rat);                                               \
      return ct_cmk_##s((a + b * rat) * scl, (b - a * rat) * scl);                               \
    }                                                                                            \
    U rat = c / d, scl = (U)1.0 / (d + c * rat);                                                 \
    return ct_cmk_##s((a * rat + b) * scl, (b * rat - a) * scl);                                 \
  }
CT_K_CPX(CT_CPX_HELPERS, _)

#define CT_CPX_GENERIC(name, z) _Generic((z), float _Complex: name##_c64, double _Complex: name##_c128)
#define CT_CMK(re, im) CT_CPX_GENERIC(ct_cmk, (ET)0)((EU)(re), (EU)(im))
#define CT_CMUL(a, b) CT_CPX_GENERIC(ct_cmul, (a))((a), (b))
#define CT_CDIV(a, b) CT_CPX_GENERIC(ct_cdiv, (a))((a), (b))

/*
 * exp(x) in double without libm, so that it vectorizes: x = k ln2 + r with
 * |r| <= ln2/2, exp(r) by its Taylor series to r^9 (relative error below
 * 1e-11, far under float32's 6e-8), scaled by 2^k built in the exponent
 * bits. Arguments beyond +-708 give infinity or 0 (exactly what a float32
 * result needs, and IEEE at +-inf); NaN passes.
 */
static inline double ct_exp_d(double x) {
  double xc = x < -708.0 ? -708.0 : x;
  xc = xc > 708.0 ? 708.0 : xc;
  const double shifter = 0x1.8p52, inv_ln2 = 0x1.71547652b82fep0;
  const double ln2_hi = 0x1.62e42fefa39efp-1, ln2_lo = 0x1.abc9e3b39803fp-56;
  double kd = xc * inv_ln2 + shifter;
  uint64_t kbits;
  memcpy(&kbits, &kd, sizeof kbits);
  kd -= shifter;
  double r = (xc - kd * ln2_hi) - kd * ln2_lo;
  double p = 1.0 / 362880.0;
  p = p * r + 1.0 / 40320.0;
  p = p * r + 1.0 / 5040.0;
  p = p * r + 1.0 / 720.0;
  p = p * r + 1.0 / 120.0;
  p = p * r + 1.0 / 24.0;
  p = p * r + 1.0 / 6.0;
  p = p * r + 0.5;
  p = p * r + 1.0;
  p = p * r + 1.0;
  /* kbits holds k in its low bits (shifter + k); (k + 1023) << 52 is 2^k. */
  uint64_t sbits = (kbits + 1023u) << 52;
  double scale;
  memcpy(&scale, &sbits, sizeof scale);
  double e = p * scale;
  e = x > 708.0 ? (double)INFINITY : e;
  return x < -708.0 ? 0.0 : e;
}

/*
 * exp(x) of a float32 in float32, vectorizable (16 lanes under AVX-512):
 * x = k ln2 + r with |r| <= ln2/2 (ln2 split so that k C1 is exact),
 * e^r = 1 + r + r^2 P(r) with Cephes' degree-5 minimax P (the sum kept in
 * that order so that its rounding errors stay small): about 1 ulp at worst.
 * The scaling by 2^k is split in two powers of two so that a subnormal
 * result is rounded once. Beyond [-104, 89] the result is 0 or infinity;
 * NaN passes.
 */
static inline float ct_exp_f(float x) {
  float xc = x < -104.0f ? -104.0f : x;
  xc = xc > 89.0f ? 89.0f : xc;
  const float shifter = 0x1.8p23f;
  float kf = (xc * 1.44269504088896341f + shifter) - shifter; /* round to nearest */
  float r = (xc - kf * 0.693359375f) - kf * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = (p * (r * r) + r) + 1.0f;
  int32_t k = (int32_t)kf, k1 = k >> 1, k2 = k - k1;
  uint32_t b1 = (uint32_t)(k1 + 127) << 23, b2 = (uint32_t)(k2 + 127) << 23;
  float s1, s2;
  memcpy(&s1, &b1, sizeof s1);
  memcpy(&s2, &b2, sizeof s2);
  return (p * s1) * s2;
}

/* tanh in double for a float32 argument: its series near 0 (keeping -0), 1 - 2 / (e^2x + 1) elsewhere. */
static inline double ct_tanh_d(double x) {
  double x2 = x * x;
  double small = x * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0)));
  double big = 1.0 - 2.0 / (ct_exp_d(2.0 * x) + 1.0);
  return (x < 0x1p-9 && x > -0x1p-9) ? small : big;
}

/*
 * float16 and bfloat16 to and from float32, bit for bit as ct__f16_to_f32,
 * ct__f32_to_f16, ct__bf16_to_f32 and ct__f32_to_bf16 (round to nearest
 * even; NaN quieted, float16 keeping the sign), but written as selects
 * without branches so that the conversion loops vectorize.
 */
static inline float ct_h2f(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000u) << 16, em = h & 0x7FFFu, mant = h & 0x3FFu;
  /* normal and subnormal halves alike: rebias by a multiplication by 2^112 (exact) */
  uint32_t eb = em << 13;
  float mag;
  memcpy(&mag, &eb, sizeof mag);
  mag *= 0x1p112f;
  uint32_t bits;
  memcpy(&bits, &mag, sizeof bits);
  uint32_t special = 0x7F800000u | (mant << 13) | (mant ? 0x400000u : 0u);
  bits = sign | (em >= 0x7C00u ? special : bits);
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static inline uint16_t ct_f2h(float f) {
  uint32_t x;
  memcpy(&x, &f, sizeof x);
  uint32_t sign = (x >> 16) & 0x8000u, ax = x & 0x7FFFFFFFu;
  uint32_t normal = (ax - (112u << 23) + 0xFFFu + ((ax >> 13) & 1u)) >> 13;
  /* below 2^-14: adding 0.5 leaves the half's units of 2^-24 in the low bits, rounded by the FPU */
  float a, d;
  memcpy(&a, &ax, sizeof a);
  d = a + 0.5f;
  uint32_t db;
  memcpy(&db, &d, sizeof db);
  uint32_t r = ax < 0x38800000u ? db - 0x3F000000u : normal;
  r = ax >= 0x477FF000u ? 0x7C00u : r;
  r = ax > 0x7F800000u ? 0x7E00u : r;
  return (uint16_t)(sign | r);
}

static inline float ct_b2f(uint16_t b) {
  uint32_t bits = (uint32_t)b << 16;
  float f;
  memcpy(&f, &bits, sizeof f);
  return f;
}

static inline uint16_t ct_f2b(float f) {
  uint32_t x;
  memcpy(&x, &f, sizeof x);
  uint32_t r = (x + 0x7FFFu + ((x >> 16) & 1u)) >> 16;
  return (uint16_t)((x & 0x7FFFFFFFu) > 0x7F800000u ? 0x7FC0u : r);
}

/* ---- the passes over the op definitions ---------------------------------------------------------- */

#if defined(__GNUC__) && !defined(__clang__) && (defined(__x86_64__) || defined(__i386__))
#define CT_EW_X86 1
#else
#define CT_EW_X86 0
#endif

typedef ct__ew_kernel ct_ew_table[CT__EW_OP_COUNT][CT_DTYPE_COUNT];

/* What one instruction set offers: the kernels, and the float16/bfloat16 conversion loops. */
typedef struct ct_ew_isa {
  const ct_ew_table *kernels;
  ct__loop_fn h2f, f2h, b2f, f2b;
  ct_cpu_ew_transpose_fn transpose4;
} ct_ew_isa;

/* Section 1: the element functions. */
#define CT_EW_SECTION 1
#define CT_DEF1_X CT_DEF1_ELEM
#define CT_DEF2_X CT_DEF2_ELEM
#define CT_DEF3_X CT_DEF3_ELEM
#include __FILE__
#undef CT_DEF1_X
#undef CT_DEF2_X
#undef CT_DEF3_X
#undef CT_EW_SECTION

/* Section 2: the kernels and their table, per instruction set. */
#define CT_EW_SECTION 2
#define CT_DEF1_X CT_DEF1_KERN
#define CT_DEF2_X CT_DEF2_KERN
#define CT_DEF3_X CT_DEF3_KERN

#define CT_EW_ISA base
#define CT_EW_WIDE 0 /* 32-byte vectors are native */
#include __FILE__
#undef CT_EW_WIDE
#undef CT_EW_ISA

#if CT_EW_X86
#pragma GCC push_options
#pragma GCC target("avx2,fma,bmi,bmi2,popcnt,f16c")
#define CT_EW_ISA avx2
#define CT_EW_WIDE 1
#include __FILE__
#undef CT_EW_WIDE
#undef CT_EW_ISA
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw,avx512dq,avx2,fma,bmi,bmi2,popcnt,f16c,prefer-vector-width=512")
#define CT_EW_ISA avx512
#define CT_EW_WIDE 1
#include __FILE__
#undef CT_EW_WIDE
#undef CT_EW_ISA
#pragma GCC pop_options
#endif

/* The tables of the best instruction set this CPU has (capped by $CTENSOR_CPU_ISA). */
static const ct_ew_isa *ct_cpu_ew_pick(void) {
#if CT_EW_X86
  const char *cap = getenv("CTENSOR_CPU_ISA");
  bool base_only = cap && strcmp(cap, "base") == 0, avx2_only = cap && strcmp(cap, "avx2") == 0;
  __builtin_cpu_init();
  if (!base_only && !avx2_only && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
      __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq"))
    return &ct_cpu_ew_isa_avx512;
  if (!base_only && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    return &ct_cpu_ew_isa_avx2;
#endif
  return &ct_cpu_ew_isa_base;
}

static const ct_ew_isa *ct_cpu_ew_isa(void) {
  static _Atomic(const ct_ew_isa *) chosen;
  const ct_ew_isa *t = atomic_load_explicit(&chosen, memory_order_acquire);
  if (!t) {
    /* Every thread picks the same tables, so a race only repeats the work. */
    t = ct_cpu_ew_pick();
    atomic_store_explicit(&chosen, t, memory_order_release);
  }
  return t;
}

ct__ew_kernel ct_cpu_ew_kernel(int32_t op, ct_dtype compute) {
  if (op < 0 || op >= CT__EW_OP_COUNT || !ct__dtype_valid(compute)) return NULL;
  return (*ct_cpu_ew_isa()->kernels)[op][compute];
}

ct_cpu_ew_transpose_fn ct_cpu_ew_fast_transpose4(void) { return ct_cpu_ew_isa()->transpose4; }

ct__loop_fn ct_cpu_ew_fast_cast(ct_dtype dst, ct_dtype src) {
  const ct_ew_isa *t = ct_cpu_ew_isa();
  if (dst == CT_FLOAT32 && src == CT_FLOAT16) return t->h2f;
  if (dst == CT_FLOAT16 && src == CT_FLOAT32) return t->f2h;
  if (dst == CT_FLOAT32 && src == CT_BFLOAT16) return t->b2f;
  if (dst == CT_BFLOAT16 && src == CT_FLOAT32) return t->f2b;
  return NULL;
}

#else /* CT_EW_SECTION: the op definitions, read once per section */

/* ---- binary ops ------------------------------------------------------------------------------------ */

/* add, sub: x +- alpha * y (alpha in v[0]); integers wrap as in two's complement. */
CT_DEF2(ADD, SAME, CT_K_BOOL, return x | (c->v[0] & y);)
CT_DEF2(ADD, SAME, CT_K_INT, return (ET)((EU)x + (EU)c->v[0] * (EU)y);)
CT_DEF2(ADD, SAME, CT_K_FLT, return x + c->v[0] * y;)
CT_DEF2(ADD, SAME, CT_K_CPX, return x + CT_CMUL(c->v[0], y);)
CT_DEF2(SUB, SAME, CT_K_INT, return (ET)((EU)x - (EU)c->v[0] * (EU)y);)
CT_DEF2(SUB, SAME, CT_K_FLT, return x - c->v[0] * y;)
CT_DEF2(SUB, SAME, CT_K_CPX, return x - CT_CMUL(c->v[0], y);)

CT_DEF2(MUL, SAME, CT_K_BOOL, return x & y;)
CT_DEF2(MUL, SAME, CT_K_INT, return (ET)((EU)x * (EU)y);)
CT_DEF2(MUL, SAME, CT_K_FLT, return x * y;)
CT_DEF2(MUL, SAME, CT_K_CPX, return CT_CMUL(x, y);)

/* square (ct_square): pow(x, 2) by multiplication; y is the 2 that sets pow's result dtype. */
CT_DEF2(SQUARE, SAME, CT_K_INT, (void)y; return (ET)((EU)x * (EU)x);)
CT_DEF2(SQUARE, SAME, CT_K_FLT, (void)y; return x * x;)
CT_DEF2(SQUARE, SAME, CT_K_CPX, (void)y; return CT_CMUL(x, x);)

CT_DEF2(DIV, SAME, CT_K_FLT, return x / y;)
CT_DEF2(DIV, SAME, CT_K_CPX, return CT_CDIV(x, y);)

/*
 * Integer division: by zero is an error (as PyTorch's CPU kernels raise);
 * MIN / -1 wraps (to MIN) instead of trapping.
 */
CT_DEF2(DIV_TRUNC, SAME, CT_K_UINT,
        if (y == 0) {
          CT_FAULT(c, CT__EW_FAULT_ZERO_DIVISION);
          return 0;
        } return (ET)(x / y);)
CT_DEF2(DIV_TRUNC, SAME, CT_K_SINT,
        if (y == 0) {
          CT_FAULT(c, CT__EW_FAULT_ZERO_DIVISION);
          return 0;
        } if (y == -1) return (ET)(0u - (EU)x);
        return (ET)(x / y);)
CT_DEF2(DIV_TRUNC, SAME, CT_K_FLT, return CT_FX(trunc, x / y);)

/* Floor division: integers round the quotient down; floats follow c10's div_floor_floating. */
CT_DEF2(DIV_FLOOR, SAME, CT_K_UINT,
        if (y == 0) {
          CT_FAULT(c, CT__EW_FAULT_ZERO_DIVISION);
          return 0;
        } return (ET)(x / y);)
CT_DEF2(DIV_FLOOR, SAME, CT_K_SINT,
        if (y == 0) {
          CT_FAULT(c, CT__EW_FAULT_ZERO_DIVISION);
          return 0;
        } if (y == -1) return (ET)(0u - (EU)x);
        ET q = (ET)(x / y), r = (ET)(x % y);
        if (r != 0 && ((r < 0) != (y < 0))) q = (ET)(q - 1);
        return q;)
CT_DEF2(DIV_FLOOR, SAME, CT_K_FLT,
        if (y == 0) return x / y;
        ET mod = CT_FD2(fmod, x, y);
        ET div = (x - mod) / y;
        if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1;
        if (div == 0) return CT_FD2(copysign, 0.0, x / y);
        ET fl = CT_FX(floor, div);
        if (div - fl > (ET)0.5) fl += 1;
        return fl;)

/* remainder: the sign of the divisor (Python's %); fmod: the sign of the dividend (C's). */
CT_DEF2(REMAINDER, SAME, CT_K_UINT,
        if (y == 0) {
          CT_FAULT(c, CT__EW_FAULT_ZERO_DIVISION);
          return 0;
        } return (ET)(x % y);)
CT_DEF2(REMAINDER, SAME, CT_K_SINT,
        if (y == 0) {
          CT_FAULT(c, CT__EW_FAULT_ZERO_DIVISION);
          return 0;
        } if (y == -1) return 0;
        ET r = (ET)(x % y);
        if (r != 0 && ((r < 0) != (y < 0))) r = (ET)(r + y);
        return r;)
CT_DEF2(REMAINDER, SAME, CT_K_FLT,
        ET mod = CT_FD2(fmod, x, y);
        if (mod != 0 && ((y < 0) != (mod < 0))) mod += y;
        return mod;)
CT_DEF2(FMOD, SAME, CT_K_UINT,
        if (y == 0) {
          CT_FAULT(c, CT__EW_FAULT_ZERO_DIVISION);
          return 0;
        } return (ET)(x % y);)
CT_DEF2(FMOD, SAME, CT_K_SINT,
        if (y == 0) {
          CT_FAULT(c, CT__EW_FAULT_ZERO_DIVISION);
          return 0;
        } if (y == -1) return 0;
        return (ET)(x % y);)
CT_DEF2(FMOD, SAME, CT_K_FLT, return CT_FD2(fmod, x, y);)

/*
 * pow: integers by squaring (wrapping), a negative exponent giving 1, +-1 or
 * 0 as c10's powi; floats in double; 0^0 = 1 everywhere.
 */
CT_DEF2(POW, SAME, CT_K_UINT,
        EU r = 1, b = x;
        while (y) {
          if (y & 1) r *= b;
          y = (ET)(y >> 1);
          b *= b;
        } return (ET)r;)
CT_DEF2(POW, SAME, CT_K_SINT,
        if (y < 0) {
          if (x == 1) return 1;
          if (x == -1) return (ET)((y & 1) ? -1 : 1);
          return 0;
        } EU r = 1, b = (EU)x;
        while (y) {
          if (y & 1) r *= b;
          y = (ET)(y >> 1);
          b *= b;
        } return (ET)r;)
CT_DEF2(POW, SAME, CT_K_FLT, return CT_FD2(pow, x, y);)
CT_DEF2(POW, SAME, CT_K_CPX,
        if (y == 0) return 1;
        return (ET)cpow(CT_CD(x), CT_CD(y));)

/* maximum, minimum: NaN propagates; bool is or/and. */
CT_DEF2(MAXIMUM, SAME, CT_K_BOOL, return x | y;)
CT_DEF2(MAXIMUM, SAME, CT_K_INT, return x > y ? x : y;)
CT_DEF2(MAXIMUM, SAME, CT_K_FLT, return (x > y || x != x) ? x : y;)
CT_DEF2(MINIMUM, SAME, CT_K_BOOL, return x & y;)
CT_DEF2(MINIMUM, SAME, CT_K_INT, return x < y ? x : y;)
CT_DEF2(MINIMUM, SAME, CT_K_FLT, return (x < y || x != x) ? x : y;)

CT_DEF2(ATAN2, SAME, CT_K_FLT, return CT_FD2(atan2, x, y);)
CT_DEF2(HYPOT, SAME, CT_K_FLT, return CT_FD2(hypot, x, y);)

/* comparisons */
CT_DEF2(EQ, BOOL, CT_K_ALL, return x == y;)
CT_DEF2(NE, BOOL, CT_K_ALL, return x != y;)
CT_DEF2(LT, BOOL, CT_K_NOCPX, return x < y;)
CT_DEF2(LE, BOOL, CT_K_NOCPX, return x <= y;)
CT_DEF2(GT, BOOL, CT_K_NOCPX, return x > y;)
CT_DEF2(GE, BOOL, CT_K_NOCPX, return x >= y;)

/* logical ops read their inputs as bool */
CT_DEF2(LOGICAL_AND, BOOL, CT_K_BOOL, return x & y;)
CT_DEF2(LOGICAL_OR, BOOL, CT_K_BOOL, return x | y;)
CT_DEF2(LOGICAL_XOR, BOOL, CT_K_BOOL, return x != y;)

CT_DEF2(BITWISE_AND, SAME, CT_K_BI, return (ET)(x & y);)
CT_DEF2(BITWISE_OR, SAME, CT_K_BI, return (ET)(x | y);)
CT_DEF2(BITWISE_XOR, SAME, CT_K_BI, return (ET)(x ^ y);)

/*
 * Shifts by PyTorch's rules: a shift outside [0, bits) gives 0 to the left;
 * to the right, a shift outside [0, bits - 1) (signed) or [0, bits)
 * (unsigned) shifts by the largest amount (sign fill, or 0).
 */
CT_DEF2(BITWISE_LEFT_SHIFT, SAME, CT_K_UINT,
        if ((int8_t)y < 0 || (unsigned)y >= 8u * (unsigned)sizeof(ET)) return 0;
        return (ET)((EU)x << y);)
CT_DEF2(BITWISE_LEFT_SHIFT, SAME, CT_K_SINT,
        if (y < 0 || y >= (ET)(8 * sizeof(ET))) return 0;
        return (ET)((EU)x << y);)
CT_DEF2(BITWISE_RIGHT_SHIFT, SAME, CT_K_UINT,
        if ((int8_t)y < 0 || (unsigned)y >= 8u * (unsigned)sizeof(ET)) return 0;
        return (ET)(x >> y);)
CT_DEF2(BITWISE_RIGHT_SHIFT, SAME, CT_K_SINT,
        const ET top = (ET)(8 * sizeof(ET) - 1);
        if (y < 0 || y >= top) return (ET)(x >> top);
        return (ET)(x >> y);)

/* clamp with one bound: NaN (of either operand) propagates */
CT_DEF2(CLAMP_MIN, SAME, CT_K_INT, return x < y ? y : x;)
CT_DEF2(CLAMP_MIN, SAME, CT_K_FLT, return (x != x || y != y) ? x + y : (x < y ? y : x);)
CT_DEF2(CLAMP_MAX, SAME, CT_K_INT, return x > y ? y : x;)
CT_DEF2(CLAMP_MAX, SAME, CT_K_FLT, return (x != x || y != y) ? x + y : (x > y ? y : x);)

/* ---- ternary ops --------------------------------------------------------------------------------- */

/* clamp(x, min, max) = min(max(x, min), max): max wins when min > max. */
CT_DEF3(CLAMP, SAME, CT_K_INT, ET r = x < y ? y : x; return r > z ? z : r;)
CT_DEF3(CLAMP, SAME, CT_K_FLT,
        ET r = x < y ? y : x;
        r = r > z ? z : r;
        return (x != x || y != y || z != z) ? x + y + z : r;)

CT_DEF3(WHERE, BOOL, CT_K_ALL, return x ? y : z;)

/* lerp as PyTorch: from the nearer end, by |weight| < 0.5 */
CT_DEF3(LERP, SAME, CT_K_FLT,
        ET aw = z < 0 ? -z : z;
        return aw < (ET)0.5 ? x + z * (y - x) : y - (y - x) * ((ET)1 - z);)
CT_DEF3(LERP, SAME, CT_K_CPX,
        return hypot(CT_RE(z), CT_IM(z)) < 0.5 ? x + CT_CMUL(z, y - x) : y - CT_CMUL(y - x, 1 - z);)

/* ---- unary ops ------------------------------------------------------------------------------------- */

/* The identity, for ops that leave some dtypes as they are (floor of an integer, conj of a real). */
CT_DEF1(COPY, SAME, CT_K_NOCPX, return x;)

CT_DEF1(NEG, SAME, CT_K_INT, return (ET)(0u - (EU)x);)
CT_DEF1(NEG, SAME, CT_K_FC, return -x;)

CT_DEF1(ABS, SAME, CT_K_UINT, return x;)
CT_DEF1(ABS, SAME, CT_K_SINT, return x < 0 ? (ET)(0u - (EU)x) : x;)
CT_DEF1(ABS, SAME, CT_K_FLT, return CT_FX(fabs, x);)
CT_DEF1(ABS, REAL, CT_K_CPX, return (EU)hypot(CT_RE(x), CT_IM(x));)

/* sign: -1, 0 or 1 (0 for NaN and both zeros); sgn of a complex: z / |z|, 0 at 0. */
CT_DEF1(SIGN, SAME, CT_K_BOOL, return x;)
CT_DEF1(SIGN, SAME, CT_K_UINT, return x > 0;)
CT_DEF1(SIGN, SAME, CT_K_SINT, return (ET)((0 < x) - (x < 0));)
CT_DEF1(SIGN, SAME, CT_K_FLT, return (ET)((0 < x) - (x < 0));)
CT_DEF1(SGN, SAME, CT_K_CPX,
        double re = CT_RE(x), im = CT_IM(x);
        if (re == 0 && im == 0) return 0;
        double r = hypot(re, im);
        return CT_CMK(re / r, im / r);)

CT_DEF1(SQRT, SAME, CT_K_FLT, return CT_FX(sqrt, x);)
CT_DEF1(SQRT, SAME, CT_K_CPX, return CT_CFD(csqrt, x);)
CT_DEF1(RSQRT, SAME, CT_K_FLT, return (ET)(1.0 / sqrt((double)x));)
CT_DEF1(RSQRT, SAME, CT_K_CPX, return CT_CDIV((ET)1, CT_CFD(csqrt, x));)
CT_DEF1(RECIPROCAL, SAME, CT_K_FLT, return (ET)1 / x;)
CT_DEF1(RECIPROCAL, SAME, CT_K_CPX, return CT_CDIV((ET)1, x);)

/* exp and friends: float32 through the vectorizable double exp, float64 through libm. */
CT_DEF1(EXP, SAME, CT_K_FLT, return sizeof(ET) == sizeof(float) ? (ET)ct_exp_f((float)x) : (ET)exp((double)x);)
CT_DEF1(EXP, SAME, CT_K_CPX, return CT_CFD(cexp, x);)
CT_DEF1(EXP2, SAME, CT_K_FLT, return CT_FD(exp2, x);)
CT_DEF1(EXP2, SAME, CT_K_CPX, return (ET)cexp(CT_CD(x) * M_LN2);)
CT_DEF1(EXPM1, SAME, CT_K_FLT, return CT_FD(expm1, x);)
/* expm1(a + bi) = expm1(a) cos b - 2 sin^2(b/2) + i e^a sin b, exact near 0 */
CT_DEF1(EXPM1, SAME, CT_K_CPX,
        double a = CT_RE(x), b = CT_IM(x), sh = sin(b / 2);
        return CT_CMK(expm1(a) * cos(b) - 2 * sh * sh, exp(a) * sin(b));)

CT_DEF1(LOG, SAME, CT_K_FLT, return CT_FD(log, x);)
CT_DEF1(LOG, SAME, CT_K_CPX, return CT_CFD(clog, x);)
CT_DEF1(LOG2, SAME, CT_K_FLT, return CT_FD(log2, x);)
CT_DEF1(LOG2, SAME, CT_K_CPX, return (ET)(clog(CT_CD(x)) / M_LN2);)
CT_DEF1(LOG10, SAME, CT_K_FLT, return CT_FD(log10, x);)
CT_DEF1(LOG10, SAME, CT_K_CPX, return (ET)(clog(CT_CD(x)) / M_LN10);)
CT_DEF1(LOG1P, SAME, CT_K_FLT, return CT_FD(log1p, x);)
/* log1p(z) as c10: 0.5 log1p(x (x + 2) + y^2) + i atan2(y, x + 1) near 0, else log|1 + z| */
CT_DEF1(LOG1P, SAME, CT_K_CPX,
        double a = CT_RE(x), b = CT_IM(x), theta = atan2(b, a + 1);
        if (hypot(a, b) < 0.5) {
          double r = a * (2 + a) + b * b;
          if (r == 0) return CT_CMK(a, theta);
          return CT_CMK(0.5 * log1p(r), theta);
        } return CT_CMK(log(hypot(a + 1, b)), theta);)

#define CT_DEF_LIBM(OP, fn, cfn)                                                                 \
  CT_DEF1(OP, SAME, CT_K_FLT, return CT_FD(fn, x);)                                             \
  CT_DEF1(OP, SAME, CT_K_CPX, return CT_CFD(cfn, x);)
CT_DEF_LIBM(SIN, sin, csin)
CT_DEF_LIBM(COS, cos, ccos)
CT_DEF_LIBM(TAN, tan, ctan)
CT_DEF_LIBM(ASIN, asin, casin)
CT_DEF_LIBM(ACOS, acos, cacos)
CT_DEF_LIBM(ATAN, atan, catan)
CT_DEF_LIBM(SINH, sinh, csinh)
CT_DEF_LIBM(COSH, cosh, ccosh)
CT_DEF_LIBM(ASINH, asinh, casinh)
CT_DEF_LIBM(ACOSH, acosh, cacosh)
CT_DEF_LIBM(ATANH, atanh, catanh)

CT_DEF1(TANH, SAME, CT_K_FLT, return sizeof(ET) == sizeof(float) ? (ET)ct_tanh_d((double)x) : (ET)tanh((double)x);)
CT_DEF1(TANH, SAME, CT_K_CPX, return CT_CFD(ctanh, x);)

/* sigmoid = 1 / (1 + e^-x); silu = x * sigmoid(x) */
CT_DEF1(SIGMOID, SAME, CT_K_FLT,
        return sizeof(ET) == sizeof(float) ? (ET)(1.0 / (1.0 + ct_exp_d(-(double)x)))
                                           : (ET)(1.0 / (1.0 + exp(-(double)x)));)
CT_DEF1(SIGMOID, SAME, CT_K_CPX, return CT_CDIV((ET)1, (ET)1 + CT_CFD(cexp, -x));)
CT_DEF1(SILU, SAME, CT_K_FLT,
        return sizeof(ET) == sizeof(float) ? (ET)((double)x / (1.0 + ct_exp_d(-(double)x)))
                                           : (ET)((double)x / (1.0 + exp(-(double)x)));)
CT_DEF1(SILU, SAME, CT_K_CPX, return CT_CDIV(x, (ET)1 + CT_CFD(cexp, -x));)

/* relu keeps -0 and NaN, as PyTorch's clamp_min(x, 0) */
CT_DEF1(RELU, SAME, CT_K_UINT, return x;)
CT_DEF1(RELU, SAME, CT_K_SINT, return x < 0 ? 0 : x;)
CT_DEF1(RELU, SAME, CT_K_FLT, return x < 0 ? 0 : x;)

/*
 * gelu: x/2 (1 + erf(x / sqrt 2)), computed as x/2 erfc(-x / sqrt 2), which
 * does not cancel for negative x; the tanh approximation x/2 (1 + tanh(u)),
 * u = sqrt(2/pi) (x + 0.044715 x^3), likewise as x / (1 + e^-2u).
 */
CT_DEF1(GELU, SAME, CT_K_FLT, double d = (double)x; return (ET)(0.5 * d * erfc(-d * M_SQRT1_2));)
CT_DEF1(GELU_TANH, SAME, CT_K_FLT,
        double d = (double)x, u = 0.7978845608028654 * (d + 0.044715 * d * d * d);
        return (ET)(d / (1.0 + (sizeof(ET) == sizeof(float) ? ct_exp_d(-2.0 * u) : exp(-2.0 * u))));)

/* softplus(x) = log(1 + e^(beta x)) / beta, or x where beta x > threshold (v[0] beta, v[1] threshold) */
CT_DEF1(SOFTPLUS, SAME, CT_K_FLT,
        if (x * c->v[0] > c->v[1]) return x;
        return (ET)(log1p(exp((double)x * (double)c->v[0])) / (double)c->v[0]);)

CT_DEF1(ERF, SAME, CT_K_FLT, return CT_FD(erf, x);)
CT_DEF1(ERFC, SAME, CT_K_FLT, return CT_FD(erfc, x);)

CT_DEF1(FLOOR, SAME, CT_K_FLT, return CT_FX(floor, x);)
CT_DEF1(CEIL, SAME, CT_K_FLT, return CT_FX(ceil, x);)
CT_DEF1(TRUNC, SAME, CT_K_FLT, return CT_FX(trunc, x);)
CT_DEF1(ROUND, SAME, CT_K_FLT, return CT_FX(rint, x);)
/* round to decimals as PyTorch: v[0] = 10^|decimals|, opt[0] < 0 for negative decimals */
CT_DEF1(ROUND_DECIMALS, SAME, CT_K_FLT,
        return c->opt[0] < 0 ? CT_FX(rint, x / c->v[0]) * c->v[0] : CT_FX(rint, x * c->v[0]) / c->v[0];)
CT_DEF1(FRAC, SAME, CT_K_FLT, return x - CT_FX(trunc, x);)

CT_DEF1(ISNAN, BOOL, CT_K_BI, (void)x; return false;)
CT_DEF1(ISNAN, BOOL, CT_K_FLT, return x != x;)
CT_DEF1(ISNAN, BOOL, CT_K_CPX, return CT_RE(x) != CT_RE(x) || CT_IM(x) != CT_IM(x);)
CT_DEF1(ISINF, BOOL, CT_K_BI, (void)x; return false;)
CT_DEF1(ISINF, BOOL, CT_K_FLT, return x == (ET)INFINITY || x == -(ET)INFINITY;)
CT_DEF1(ISINF, BOOL, CT_K_CPX, return isinf(CT_RE(x)) || isinf(CT_IM(x));)
CT_DEF1(ISFINITE, BOOL, CT_K_BI, (void)x; return true;)
CT_DEF1(ISFINITE, BOOL, CT_K_FLT, return x - x == 0;)
CT_DEF1(ISFINITE, BOOL, CT_K_CPX, return isfinite(CT_RE(x)) && isfinite(CT_IM(x));)

CT_DEF1(LOGICAL_NOT, BOOL, CT_K_BOOL, return !x;)
CT_DEF1(BITWISE_NOT, SAME, CT_K_BOOL, return !x;)
CT_DEF1(BITWISE_NOT, SAME, CT_K_INT, return (ET)~x;)

/* nan_to_num: v[0] replaces NaN, v[1] +inf, v[2] -inf (the part by part for complex) */
#define CT_NAN_TO_NUM(e) ((e) != (e) ? c->v[0] : (e) == (EU)INFINITY ? c->v[1] : (e) == -(EU)INFINITY ? c->v[2] : (e))
CT_DEF1(NAN_TO_NUM, SAME, CT_K_FLT, return CT_NAN_TO_NUM(x);)
CT_DEF1(NAN_TO_NUM, SAME, CT_K_CPX,
        EU re = __real__ x, im = __imag__ x;
        return CT_CMK(re != re ? __real__ c->v[0] : re == (EU)INFINITY ? __real__ c->v[1] : re == -(EU)INFINITY ? __real__ c->v[2] : re,
                      im != im ? __real__ c->v[0] : im == (EU)INFINITY ? __real__ c->v[1] : im == -(EU)INFINITY ? __real__ c->v[2] : im);)

CT_DEF1(CONJ, SAME, CT_K_CPX, return CT_CMK(__real__ x, -__imag__ x);)

/* angle: pi for negative reals, 0 for others, NaN kept; arg(z) for complex */
CT_DEF1(ANGLE, SAME, CT_K_FLT, return x != x ? x : x < 0 ? (ET)M_PI : (ET)0;)
CT_DEF1(ANGLE, REAL, CT_K_CPX, return (EU)atan2(CT_IM(x), CT_RE(x));)

#if CT_EW_SECTION == 2
/* ---- the table ------------------------------------------------------------------------------------- */

#ifndef CT_ENTRY
#define CT_ENTRY(s, T, U, D, op) [D] = CT_KN(op, s),
#define CT_ROW(op, kinds) [CT__EW_##op] = {kinds(CT_ENTRY, op)}
/* A row whose dtypes of kinds1 run op1's kernels, of kinds2 op2's. */
#define CT_ROW2(op, op1, kinds1, op2, kinds2) [CT__EW_##op] = {kinds1(CT_ENTRY, op1) kinds2(CT_ENTRY, op2)}
#endif

static const ct_ew_table CT_CAT(ct_cpu_ew_table_, CT_EW_ISA) = {
  CT_ROW(ADD, CT_K_ALL),
  CT_ROW(SUB, CT_K_NUMBER),
  CT_ROW(MUL, CT_K_ALL),
  CT_ROW(SQUARE, CT_K_NUMBER),
  CT_ROW(DIV, CT_K_FC),
  CT_ROW(DIV_TRUNC, CT_K_REAL),
  CT_ROW(DIV_FLOOR, CT_K_REAL),
  CT_ROW(REMAINDER, CT_K_REAL),
  CT_ROW(FMOD, CT_K_REAL),
  CT_ROW(POW, CT_K_NUMBER),
  CT_ROW(MAXIMUM, CT_K_NOCPX),
  CT_ROW(MINIMUM, CT_K_NOCPX),
  CT_ROW(ATAN2, CT_K_FLT),
  CT_ROW(HYPOT, CT_K_FLT),
  CT_ROW(EQ, CT_K_ALL),
  CT_ROW(NE, CT_K_ALL),
  CT_ROW(LT, CT_K_NOCPX),
  CT_ROW(LE, CT_K_NOCPX),
  CT_ROW(GT, CT_K_NOCPX),
  CT_ROW(GE, CT_K_NOCPX),
  CT_ROW(LOGICAL_AND, CT_K_BOOL),
  CT_ROW(LOGICAL_OR, CT_K_BOOL),
  CT_ROW(LOGICAL_XOR, CT_K_BOOL),
  CT_ROW(BITWISE_AND, CT_K_BI),
  CT_ROW(BITWISE_OR, CT_K_BI),
  CT_ROW(BITWISE_XOR, CT_K_BI),
  CT_ROW(BITWISE_LEFT_SHIFT, CT_K_INT),
  CT_ROW(BITWISE_RIGHT_SHIFT, CT_K_INT),
  CT_ROW(CLAMP_MIN, CT_K_REAL),
  CT_ROW(CLAMP_MAX, CT_K_REAL),
  CT_ROW(CLAMP, CT_K_REAL),
  CT_ROW(WHERE, CT_K_ALL),
  CT_ROW(LERP, CT_K_FC),
  CT_ROW(NEG, CT_K_NUMBER),
  CT_ROW(ABS, CT_K_NUMBER),
  CT_ROW(SIGN, CT_K_NOCPX),
  CT_ROW2(SGN, SIGN, CT_K_NOCPX, SGN, CT_K_CPX),
  CT_ROW(SQRT, CT_K_FC),
  CT_ROW(RSQRT, CT_K_FC),
  CT_ROW(RECIPROCAL, CT_K_FC),
  CT_ROW(EXP, CT_K_FC),
  CT_ROW(EXP2, CT_K_FC),
  CT_ROW(EXPM1, CT_K_FC),
  CT_ROW(LOG, CT_K_FC),
  CT_ROW(LOG2, CT_K_FC),
  CT_ROW(LOG10, CT_K_FC),
  CT_ROW(LOG1P, CT_K_FC),
  CT_ROW(SIN, CT_K_FC),
  CT_ROW(COS, CT_K_FC),
  CT_ROW(TAN, CT_K_FC),
  CT_ROW(ASIN, CT_K_FC),
  CT_ROW(ACOS, CT_K_FC),
  CT_ROW(ATAN, CT_K_FC),
  CT_ROW(SINH, CT_K_FC),
  CT_ROW(COSH, CT_K_FC),
  CT_ROW(TANH, CT_K_FC),
  CT_ROW(ASINH, CT_K_FC),
  CT_ROW(ACOSH, CT_K_FC),
  CT_ROW(ATANH, CT_K_FC),
  CT_ROW(SIGMOID, CT_K_FC),
  CT_ROW(RELU, CT_K_REAL),
  CT_ROW(GELU, CT_K_FLT),
  CT_ROW(GELU_TANH, CT_K_FLT),
  CT_ROW(SILU, CT_K_FC),
  CT_ROW(SOFTPLUS, CT_K_FLT),
  CT_ROW(ERF, CT_K_FLT),
  CT_ROW(ERFC, CT_K_FLT),
  CT_ROW2(FLOOR, COPY, CT_K_INT, FLOOR, CT_K_FLT),
  CT_ROW2(CEIL, COPY, CT_K_INT, CEIL, CT_K_FLT),
  CT_ROW2(ROUND, COPY, CT_K_INT, ROUND, CT_K_FLT),
  CT_ROW(ROUND_DECIMALS, CT_K_FLT),
  CT_ROW2(TRUNC, COPY, CT_K_INT, TRUNC, CT_K_FLT),
  CT_ROW(FRAC, CT_K_FLT),
  CT_ROW(ISNAN, CT_K_ALL),
  CT_ROW(ISINF, CT_K_ALL),
  CT_ROW(ISFINITE, CT_K_ALL),
  CT_ROW(LOGICAL_NOT, CT_K_BOOL),
  CT_ROW(BITWISE_NOT, CT_K_BI),
  CT_ROW2(NAN_TO_NUM, COPY, CT_K_BI, NAN_TO_NUM, CT_K_FC),
  CT_ROW2(CONJ, COPY, CT_K_NOCPX, CONJ, CT_K_CPX),
  CT_ROW(ANGLE, CT_K_FC),
};

/* The float16/bfloat16 conversion loops of this instruction set (data[0] the destination). */
#ifndef CT_CONV_LOOP
#define CT_CONV_LOOP(name, TD, TS, fn)                                                           \
  static void CT_CAT(ct_c_##name##_, CT_EW_ISA)(char **data, const int64_t *bs, int64_t n, void *ctx) { \
    (void)ctx;                                                                                   \
    if (bs[0] == (int64_t)sizeof(TD) && bs[1] == (int64_t)sizeof(TS)) {                          \
      TD *d = CT_P(TD, data[0]);                                                                 \
      const TS *src = CT_CP(TS, data[1]);                                                        \
      CT_SIMD for (int64_t i = 0; i < n; i++) d[i] = fn(src[i]);                                 \
    } else {                                                                                     \
      for (int64_t i = 0; i < n; i++) *CT_P(TD, data[0] + i * bs[0]) = fn(*CT_CP(TS, data[1] + i * bs[1])); \
    }                                                                                            \
  }
#endif
CT_CONV_LOOP(h2f, float, uint16_t, ct_h2f)
CT_CONV_LOOP(f2h, uint16_t, float, ct_f2h)
CT_CONV_LOOP(b2f, float, uint16_t, ct_b2f)
CT_CONV_LOOP(f2b, uint16_t, float, ct_f2b)

/*
 * The tile transpose of 4-byte elements, in 8 x 8 blocks where 32-byte
 * vectors are native (three rounds of two-vector shuffles: the unpack,
 * shuffle and lane-permute steps of the classic AVX transpose, written as
 * GCC vector shuffles so that each instruction set gets its own
 * instructions), else in 4 x 4 blocks; then the edges one by one.
 */
static void CT_CAT(ct_t_transpose4_, CT_EW_ISA)(char *dst, const char *src, int64_t s0, int64_t n0, int64_t n1) {
#if defined(__GNUC__) && !defined(__clang__) && !CT_EW_WIDE
  typedef uint32_t v4 __attribute__((vector_size(16)));
  int64_t i = 0;
  for (; i + 4 <= n0; i += 4) {
    int64_t j = 0;
    for (; j + 4 <= n1; j += 4) {
      v4 r0, r1, r2, r3;
      memcpy(&r0, src + (i + 0) * s0 + j * 4, 16);
      memcpy(&r1, src + (i + 1) * s0 + j * 4, 16);
      memcpy(&r2, src + (i + 2) * s0 + j * 4, 16);
      memcpy(&r3, src + (i + 3) * s0 + j * 4, 16);
      v4 t0 = __builtin_shuffle(r0, r1, (v4){0, 4, 1, 5}), t1 = __builtin_shuffle(r0, r1, (v4){2, 6, 3, 7});
      v4 t2 = __builtin_shuffle(r2, r3, (v4){0, 4, 1, 5}), t3 = __builtin_shuffle(r2, r3, (v4){2, 6, 3, 7});
      v4 c0 = __builtin_shuffle(t0, t2, (v4){0, 1, 4, 5}), c1 = __builtin_shuffle(t0, t2, (v4){2, 3, 6, 7});
      v4 c2 = __builtin_shuffle(t1, t3, (v4){0, 1, 4, 5}), c3 = __builtin_shuffle(t1, t3, (v4){2, 3, 6, 7});
      memcpy(dst + ((j + 0) * n0 + i) * 4, &c0, 16);
      memcpy(dst + ((j + 1) * n0 + i) * 4, &c1, 16);
      memcpy(dst + ((j + 2) * n0 + i) * 4, &c2, 16);
      memcpy(dst + ((j + 3) * n0 + i) * 4, &c3, 16);
    }
    for (; j < n1; j++)
      for (int64_t q = i; q < i + 4; q++) memcpy(dst + (j * n0 + q) * 4, src + q * s0 + j * 4, 4);
  }
  for (; i < n0; i++)
    for (int64_t j = 0; j < n1; j++) memcpy(dst + (j * n0 + i) * 4, src + i * s0 + j * 4, 4);
#elif defined(__GNUC__) && !defined(__clang__)
  typedef uint32_t v8 __attribute__((vector_size(32)));
  int64_t i = 0;
  for (; i + 8 <= n0; i += 8) {
    int64_t j = 0;
    for (; j + 8 <= n1; j += 8) {
      v8 r0, r1, r2, r3, r4, r5, r6, r7;
      memcpy(&r0, src + (i + 0) * s0 + j * 4, 32);
      memcpy(&r1, src + (i + 1) * s0 + j * 4, 32);
      memcpy(&r2, src + (i + 2) * s0 + j * 4, 32);
      memcpy(&r3, src + (i + 3) * s0 + j * 4, 32);
      memcpy(&r4, src + (i + 4) * s0 + j * 4, 32);
      memcpy(&r5, src + (i + 5) * s0 + j * 4, 32);
      memcpy(&r6, src + (i + 6) * s0 + j * 4, 32);
      memcpy(&r7, src + (i + 7) * s0 + j * 4, 32);
      const v8 lo32 = {0, 8, 1, 9, 4, 12, 5, 13}, hi32 = {2, 10, 3, 11, 6, 14, 7, 15};
      const v8 lo64 = {0, 1, 8, 9, 4, 5, 12, 13}, hi64 = {2, 3, 10, 11, 6, 7, 14, 15};
      const v8 lo128 = {0, 1, 2, 3, 8, 9, 10, 11}, hi128 = {4, 5, 6, 7, 12, 13, 14, 15};
      v8 t0 = __builtin_shuffle(r0, r1, lo32), t1 = __builtin_shuffle(r0, r1, hi32);
      v8 t2 = __builtin_shuffle(r2, r3, lo32), t3 = __builtin_shuffle(r2, r3, hi32);
      v8 t4 = __builtin_shuffle(r4, r5, lo32), t5 = __builtin_shuffle(r4, r5, hi32);
      v8 t6 = __builtin_shuffle(r6, r7, lo32), t7 = __builtin_shuffle(r6, r7, hi32);
      v8 u0 = __builtin_shuffle(t0, t2, lo64), u1 = __builtin_shuffle(t0, t2, hi64);
      v8 u2 = __builtin_shuffle(t1, t3, lo64), u3 = __builtin_shuffle(t1, t3, hi64);
      v8 u4 = __builtin_shuffle(t4, t6, lo64), u5 = __builtin_shuffle(t4, t6, hi64);
      v8 u6 = __builtin_shuffle(t5, t7, lo64), u7 = __builtin_shuffle(t5, t7, hi64);
      v8 c0 = __builtin_shuffle(u0, u4, lo128), c4 = __builtin_shuffle(u0, u4, hi128);
      v8 c1 = __builtin_shuffle(u1, u5, lo128), c5 = __builtin_shuffle(u1, u5, hi128);
      v8 c2 = __builtin_shuffle(u2, u6, lo128), c6 = __builtin_shuffle(u2, u6, hi128);
      v8 c3 = __builtin_shuffle(u3, u7, lo128), c7 = __builtin_shuffle(u3, u7, hi128);
      char *d = dst + (j * n0 + i) * 4;
      const int64_t row = n0 * 4;
      memcpy(d + 0 * row, &c0, 32);
      memcpy(d + 1 * row, &c1, 32);
      memcpy(d + 2 * row, &c2, 32);
      memcpy(d + 3 * row, &c3, 32);
      memcpy(d + 4 * row, &c4, 32);
      memcpy(d + 5 * row, &c5, 32);
      memcpy(d + 6 * row, &c6, 32);
      memcpy(d + 7 * row, &c7, 32);
    }
    for (; j < n1; j++)
      for (int64_t q = i; q < i + 8; q++) memcpy(dst + (j * n0 + q) * 4, src + q * s0 + j * 4, 4);
  }
  for (; i < n0; i++)
    for (int64_t j = 0; j < n1; j++) memcpy(dst + (j * n0 + i) * 4, src + i * s0 + j * 4, 4);
#else
  for (int64_t i = 0; i < n0; i++)
    for (int64_t j = 0; j < n1; j++) memcpy(dst + (j * n0 + i) * 4, src + i * s0 + j * 4, 4);
#endif
}

static const ct_ew_isa CT_CAT(ct_cpu_ew_isa_, CT_EW_ISA) = {
  &CT_CAT(ct_cpu_ew_table_, CT_EW_ISA), CT_CAT(ct_c_h2f_, CT_EW_ISA), CT_CAT(ct_c_f2h_, CT_EW_ISA),
  CT_CAT(ct_c_b2f_, CT_EW_ISA), CT_CAT(ct_c_f2b_, CT_EW_ISA), CT_CAT(ct_t_transpose4_, CT_EW_ISA)};
#endif

#endif /* CT_EW_SECTION */
