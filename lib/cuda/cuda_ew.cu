/*
 * cuda_ew.cu: the elementwise kernels of the CUDA backend.
 *
 * Every op is one functor (cu_ew_op_<ID>) whose body is written once per
 * kind of compute type (bool, unsigned and signed integers, floating,
 * complex) with `if constexpr`, as lib/cpu/cpu_ew_ops.c writes its element
 * functions, and with the same arithmetic, so that results match the CPU
 * backend's: no fused multiply-add where the CPU has none (a product that
 * meets a sum, or a function's result that does, goes through __fmul_rn,
 * __fadd_rn and friends, which nvcc never contracts); float32
 * transcendental functions computed in double and rounded once; the CPU's
 * own exp approximations ported where it uses them; complex multiplication
 * and division by c10's formulas. Complex transcendental functions are
 * cuda::std's, in double precision as the CPU's are.
 *
 * Each (op, compute type) has a general kernel: any shape, strides and
 * stored dtypes, each element's address from its linear index, operands
 * read and written through cu_load/cu_store with their runtime dtypes (out
 * of line, so that the hundreds of kernels share one copy). The cheaper
 * ops computing in float32, float64, int32 or int64 also get a fast kernel:
 * one flat dim, every operand contiguous or a single value, stored as the
 * compute type (or as float16/bfloat16 for float32), read and written as
 * 16-byte (float16: 8-byte) vectors when aligned. Both call the same
 * functor, so they give the same bits.
 */
#include <string.h>

#include <math_constants.h>
#include <type_traits>

#include "cuda_common.cuh"
#include "cuda_ew.h"

/* ---- kinds of compute types ------------------------------------------------------------------ */

enum { CU_EW_KB = 1, CU_EW_KU = 2, CU_EW_KS = 4, CU_EW_KF = 8, CU_EW_KX = 16 };
enum {
  CU_EW_KI = CU_EW_KU | CU_EW_KS,
  CU_EW_KBI = CU_EW_KB | CU_EW_KI,
  CU_EW_KREAL = CU_EW_KI | CU_EW_KF,
  CU_EW_KNOCPX = CU_EW_KB | CU_EW_KREAL,
  CU_EW_KNUMBER = CU_EW_KREAL | CU_EW_KX,
  CU_EW_KFC = CU_EW_KF | CU_EW_KX,
  CU_EW_KALL = CU_EW_KB | CU_EW_KNUMBER
};

/*
 * The kind of a compute type and its helper type U, as the CPU's EU: the
 * unsigned type integers wrap in, double for floats (their transcendental
 * functions compute in double), the real type of a complex.
 */
template <typename C> struct cu_ew_type;
#define CU_EW_TYPE(T, K, UT)                                                                     \
  template <> struct cu_ew_type<T> {                                                             \
    static constexpr int kind = K;                                                               \
    typedef UT U;                                                                                \
  };
CU_EW_TYPE(bool, CU_EW_KB, unsigned)
CU_EW_TYPE(uint8_t, CU_EW_KU, unsigned)
CU_EW_TYPE(int8_t, CU_EW_KS, unsigned)
CU_EW_TYPE(int16_t, CU_EW_KS, unsigned)
CU_EW_TYPE(int32_t, CU_EW_KS, uint32_t)
CU_EW_TYPE(int64_t, CU_EW_KS, uint64_t)
CU_EW_TYPE(float, CU_EW_KF, double)
CU_EW_TYPE(double, CU_EW_KF, double)
CU_EW_TYPE(cu_c64, CU_EW_KX, float)
CU_EW_TYPE(cu_c128, CU_EW_KX, double)
#undef CU_EW_TYPE

/* The kind of a compute dtype; 0 for float16 and bfloat16, which never compute. */
static int cu_ew_kind_of(int32_t dtype) {
  switch (dtype) {
    case CU_BOOL: return CU_EW_KB;
    case CU_UINT8: return CU_EW_KU;
    case CU_INT8: case CU_INT16: case CU_INT32: case CU_INT64: return CU_EW_KS;
    case CU_FLOAT32: case CU_FLOAT64: return CU_EW_KF;
    case CU_COMPLEX64: case CU_COMPLEX128: return CU_EW_KX;
    default: return 0;
  }
}

/* What a kernel's element function sees besides its operands. */
template <typename C> struct cu_ew_ctx {
  C v[3];          /* the op's scalar parameters (alpha, nan_to_num's values, ...) */
  C sc[3];         /* inputs passed by value (a 0-d CPU tensor read on the host) */
  bool cond;       /* where's condition passed by value */
  int64_t opt[2];  /* integer options */
  int32_t *fault;  /* set to 1 on integer division by zero */
};

/* ---- arithmetic as the CPU rounds it ---------------------------------------------------------- */

/* Products and sums rounded one by one: nvcc never fuses these into a multiply-add. */
__device__ __forceinline__ float cu_ew_mul(float a, float b) { return __fmul_rn(a, b); }
__device__ __forceinline__ double cu_ew_mul(double a, double b) { return __dmul_rn(a, b); }
__device__ __forceinline__ float cu_ew_add(float a, float b) { return __fadd_rn(a, b); }
__device__ __forceinline__ double cu_ew_add(double a, double b) { return __dadd_rn(a, b); }
__device__ __forceinline__ float cu_ew_sub(float a, float b) { return __fsub_rn(a, b); }
__device__ __forceinline__ double cu_ew_sub(double a, double b) { return __dsub_rn(a, b); }

#define CU_EW_PI 3.14159265358979323846
#define CU_EW_LN2 0.69314718055994530942
#define CU_EW_LN10 2.30258509299404568402
#define CU_EW_SQRT1_2 0.70710678118654752440

/* c10::complex's multiplication: the plain formula, no NaN recovery. */
template <typename C> __device__ __forceinline__ C cu_ew_cmul(C a, C b) {
  return C(cu_ew_sub(cu_ew_mul(a.real(), b.real()), cu_ew_mul(a.imag(), b.imag())),
           cu_ew_add(cu_ew_mul(a.real(), b.imag()), cu_ew_mul(a.imag(), b.real())));
}

/* c10::complex's division (NumPy's scaled algorithm), in the operands' precision. */
template <typename C> __device__ __forceinline__ C cu_ew_cdiv(C x, C y) {
  typedef typename C::value_type U;
  U a = x.real(), b = x.imag(), c = y.real(), d = y.imag();
  U ac = c < 0 ? -c : c, ad = d < 0 ? -d : d;
  if (ac >= ad) {
    if (ac == 0 && ad == 0) return C(a / ac, b / ad);
    U rat = d / c, scl = (U)1.0 / cu_ew_add(c, cu_ew_mul(d, rat));
    return C(cu_ew_mul(cu_ew_add(a, cu_ew_mul(b, rat)), scl), cu_ew_mul(cu_ew_sub(b, cu_ew_mul(a, rat)), scl));
  }
  U rat = c / d, scl = (U)1.0 / cu_ew_add(d, cu_ew_mul(c, rat));
  return C(cu_ew_mul(cu_ew_add(cu_ew_mul(a, rat), b), scl), cu_ew_mul(cu_ew_sub(cu_ew_mul(b, rat), a), scl));
}

/* A complex value widened to double, and a double result rounded to C's precision. */
template <typename C> __device__ __forceinline__ cu_c128 cu_ew_cd(C z) { return cu_c128(z.real(), z.imag()); }
template <typename C> __device__ __forceinline__ C cu_ew_cr(cu_c128 z) {
  typedef typename C::value_type U;
  return C((U)z.real(), (U)z.imag());
}

/* The CPU's vectorizable double exp (ct_exp_d in cpu_ew_ops.c), operation for operation. */
__device__ __forceinline__ double cu_ew_exp_d(double x) {
  double xc = x < -708.0 ? -708.0 : x;
  xc = xc > 708.0 ? 708.0 : xc;
  const double shifter = 0x1.8p52, inv_ln2 = 0x1.71547652b82fep0;
  const double ln2_hi = 0x1.62e42fefa39efp-1, ln2_lo = 0x1.abc9e3b39803fp-56;
  double kd = __dadd_rn(__dmul_rn(xc, inv_ln2), shifter);
  unsigned long long kbits = (unsigned long long)__double_as_longlong(kd);
  kd = __dsub_rn(kd, shifter);
  double r = __dsub_rn(__dsub_rn(xc, __dmul_rn(kd, ln2_hi)), __dmul_rn(kd, ln2_lo));
  double p = 1.0 / 362880.0;
  p = __dadd_rn(__dmul_rn(p, r), 1.0 / 40320.0);
  p = __dadd_rn(__dmul_rn(p, r), 1.0 / 5040.0);
  p = __dadd_rn(__dmul_rn(p, r), 1.0 / 720.0);
  p = __dadd_rn(__dmul_rn(p, r), 1.0 / 120.0);
  p = __dadd_rn(__dmul_rn(p, r), 1.0 / 24.0);
  p = __dadd_rn(__dmul_rn(p, r), 1.0 / 6.0);
  p = __dadd_rn(__dmul_rn(p, r), 0.5);
  p = __dadd_rn(__dmul_rn(p, r), 1.0);
  p = __dadd_rn(__dmul_rn(p, r), 1.0);
  double scale = __longlong_as_double((long long)((kbits + 1023u) << 52));
  double e = __dmul_rn(p, scale);
  e = x > 708.0 ? CUDART_INF : e;
  return x < -708.0 ? 0.0 : e;
}

/* The CPU's float32 exp (ct_exp_f), operation for operation. */
__device__ __forceinline__ float cu_ew_exp_f(float x) {
  float xc = x < -104.0f ? -104.0f : x;
  xc = xc > 89.0f ? 89.0f : xc;
  const float shifter = 0x1.8p23f;
  float kf = __fsub_rn(__fadd_rn(__fmul_rn(xc, 1.44269504088896341f), shifter), shifter);
  float r = __fsub_rn(__fsub_rn(xc, __fmul_rn(kf, 0.693359375f)), __fmul_rn(kf, -2.12194440e-4f));
  float p = 1.9875691500e-4f;
  p = __fadd_rn(__fmul_rn(p, r), 1.3981999507e-3f);
  p = __fadd_rn(__fmul_rn(p, r), 8.3334519073e-3f);
  p = __fadd_rn(__fmul_rn(p, r), 4.1665795894e-2f);
  p = __fadd_rn(__fmul_rn(p, r), 1.6666665459e-1f);
  p = __fadd_rn(__fmul_rn(p, r), 5.0000001201e-1f);
  p = __fadd_rn(__fadd_rn(__fmul_rn(p, __fmul_rn(r, r)), r), 1.0f);
  int32_t k = (int32_t)kf, k1 = k >> 1, k2 = k - k1;
  float s1 = __uint_as_float((uint32_t)(k1 + 127) << 23), s2 = __uint_as_float((uint32_t)(k2 + 127) << 23);
  return __fmul_rn(__fmul_rn(p, s1), s2);
}

/* The CPU's tanh of a float32 argument in double (ct_tanh_d). */
__device__ __forceinline__ double cu_ew_tanh_d(double x) {
  double x2 = __dmul_rn(x, x);
  double small = x * __dadd_rn(1.0, __dmul_rn(x2, __dadd_rn(-1.0 / 3.0, __dmul_rn(x2, 2.0 / 15.0))));
  double big = __dsub_rn(1.0, 2.0 / __dadd_rn(cu_ew_exp_d(2.0 * x), 1.0));
  return (x < 0x1p-9 && x > -0x1p-9) ? small : big;
}

/* ---- the ops -------------------------------------------------------------------------------- */

/*
 * Whether an op gets the fast kernel: not the ones of cost 16 in
 * CT__EW_OPS, nor floor division, remainder, fmod and hypot, whose
 * double-precision float bodies dominate any indexing and, unrolled per
 * vector element, would cost the most compile time.
 */
static constexpr bool cu_ew_cheap(int op) {
  switch (op) {
    case CU_EW_POW: case CU_EW_ATAN2: case CU_EW_EXP2: case CU_EW_EXPM1: case CU_EW_LOG: case CU_EW_LOG2:
    case CU_EW_LOG10: case CU_EW_LOG1P: case CU_EW_SIN: case CU_EW_COS: case CU_EW_TAN: case CU_EW_ASIN:
    case CU_EW_ACOS: case CU_EW_ATAN: case CU_EW_SINH: case CU_EW_COSH: case CU_EW_ASINH: case CU_EW_ACOSH:
    case CU_EW_ATANH: case CU_EW_GELU: case CU_EW_SOFTPLUS: case CU_EW_ERF: case CU_EW_ERFC:
    case CU_EW_DIV_FLOOR: case CU_EW_REMAINDER: case CU_EW_FMOD: case CU_EW_HYPOT:
      return false;
    default:
      return true;
  }
}

/*
 * CU_EW_OPn(ID, kinds, out_bool) opens functor cu_ew_op_<ID> with the
 * element function f over x (y, z) of compute type C; its body sees ET (C),
 * EU (cu_ew_type<C>::U), K (C's kind) and the context c, and is only
 * instantiated for the kinds listed. out_bool: the op returns bool.
 * Where's x is its bool condition (cond).
 */
#define CU_EW_HEAD(ID, NIN, KINDS, OUTB, COND)                                                   \
  struct cu_ew_op_##ID {                                                                         \
    static constexpr int nin = NIN, kinds = KINDS;                                               \
    static constexpr bool out_bool = OUTB, cond = COND, fast = cu_ew_cheap(CU_EW_##ID);
#define CU_EW_TYPES                                                                              \
  using ET [[maybe_unused]] = C;                                                                 \
  using EU [[maybe_unused]] = typename cu_ew_type<C>::U;                                         \
  [[maybe_unused]] constexpr int K = cu_ew_type<C>::kind;
#define CU_EW_OP1(ID, KINDS, OUTB)                                                               \
  CU_EW_HEAD(ID, 1, KINDS, OUTB, false)                                                          \
  template <typename C> static __device__ __forceinline__ auto f(C x, [[maybe_unused]] const cu_ew_ctx<C> &c) { \
    CU_EW_TYPES
#define CU_EW_OP2(ID, KINDS, OUTB)                                                               \
  CU_EW_HEAD(ID, 2, KINDS, OUTB, false)                                                          \
  template <typename C>                                                                          \
  static __device__ __forceinline__ auto f(C x, C y, [[maybe_unused]] const cu_ew_ctx<C> &c) {   \
    CU_EW_TYPES
#define CU_EW_OP3(ID, KINDS, COND)                                                               \
  CU_EW_HEAD(ID, 3, KINDS, false, COND)                                                          \
  template <typename C>                                                                          \
  static __device__ __forceinline__ auto f(std::conditional_t<COND, bool, C> x, C y, C z,        \
                                           [[maybe_unused]] const cu_ew_ctx<C> &c) {             \
    CU_EW_TYPES
#define CU_EW_END                                                                                \
  }                                                                                              \
  };

/* An exact function in the element's own precision; a transcendental one in double, rounded once. */
#define CU_FX(fn, v) (sizeof(ET) == sizeof(float) ? (ET)fn##f((float)(v)) : (ET)fn((double)(v)))
#define CU_FD(fn, v) ((ET)fn((double)(v)))
#define CU_FD2(fn, v, w) ((ET)fn((double)(v), (double)(w)))
/* A cuda::std complex function in double, rounded to C's precision. */
#define CU_CFD(fn, z) (cu_ew_cr<ET>(cuda::std::fn(cu_ew_cd(z))))

/* Integer division by zero: recorded for the glue to report, the element set to 0. */
#define CU_EW_ZERO_DIVISION()                                                                    \
  do {                                                                                           \
    if (c.fault) *c.fault = 1;                                                                   \
    return (ET)0;                                                                                \
  } while (0)

/* ---- binary ops ---- */

/* add, sub: x +- alpha * y (alpha in v[0]); integers wrap. */
CU_EW_OP2(ADD, CU_EW_KALL, false)
  if constexpr (K == CU_EW_KB) return (ET)(x | (c.v[0] & y));
  else if constexpr ((K & CU_EW_KI) != 0) return (ET)((EU)x + (EU)c.v[0] * (EU)y);
  else if constexpr (K == CU_EW_KF) return cu_ew_add(x, cu_ew_mul(c.v[0], y));
  else return x + cu_ew_cmul(c.v[0], y);
CU_EW_END
CU_EW_OP2(SUB, CU_EW_KNUMBER, false)
  if constexpr ((K & CU_EW_KI) != 0) return (ET)((EU)x - (EU)c.v[0] * (EU)y);
  else if constexpr (K == CU_EW_KF) return cu_ew_sub(x, cu_ew_mul(c.v[0], y));
  else return x - cu_ew_cmul(c.v[0], y);
CU_EW_END
CU_EW_OP2(MUL, CU_EW_KALL, false)
  if constexpr (K == CU_EW_KB) return (ET)(x & y);
  else if constexpr ((K & CU_EW_KI) != 0) return (ET)((EU)x * (EU)y);
  else if constexpr (K == CU_EW_KF) return cu_ew_mul(x, y);
  else return cu_ew_cmul(x, y);
CU_EW_END
/* pow(x, 2) by multiplication; y is the 2 that set the result dtype. */
CU_EW_OP2(SQUARE, CU_EW_KNUMBER, false)
  (void)y;
  if constexpr ((K & CU_EW_KI) != 0) return (ET)((EU)x * (EU)x);
  else if constexpr (K == CU_EW_KF) return cu_ew_mul(x, x);
  else return cu_ew_cmul(x, x);
CU_EW_END
CU_EW_OP2(DIV, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return x / y;
  else return cu_ew_cdiv(x, y);
CU_EW_END

/* Integer division: by zero is an error; MIN / -1 wraps. */
CU_EW_OP2(DIV_TRUNC, CU_EW_KREAL, false)
  if constexpr (K == CU_EW_KU) {
    if (y == 0) CU_EW_ZERO_DIVISION();
    return (ET)(x / y);
  } else if constexpr (K == CU_EW_KS) {
    if (y == 0) CU_EW_ZERO_DIVISION();
    if (y == -1) return (ET)(0u - (EU)x);
    return (ET)(x / y);
  } else {
    return CU_FX(trunc, x / y);
  }
CU_EW_END
/* Floor division: integers round the quotient down; floats follow c10's div_floor_floating. */
CU_EW_OP2(DIV_FLOOR, CU_EW_KREAL, false)
  if constexpr (K == CU_EW_KU) {
    if (y == 0) CU_EW_ZERO_DIVISION();
    return (ET)(x / y);
  } else if constexpr (K == CU_EW_KS) {
    if (y == 0) CU_EW_ZERO_DIVISION();
    if (y == -1) return (ET)(0u - (EU)x);
    ET q = (ET)(x / y), r = (ET)(x % y);
    if (r != 0 && ((r < 0) != (y < 0))) q = (ET)(q - 1);
    return q;
  } else {
    if (y == 0) return x / y;
    ET mod = CU_FD2(fmod, x, y);
    ET div = (x - mod) / y;
    if (mod != 0 && ((y < 0) != (mod < 0))) div -= 1;
    if (div == 0) return CU_FD2(copysign, 0.0, x / y);
    ET fl = CU_FX(floor, div);
    if (div - fl > (ET)0.5) fl += 1;
    return fl;
  }
CU_EW_END
/* remainder: the sign of the divisor (Python's %); fmod: the sign of the dividend (C's). */
CU_EW_OP2(REMAINDER, CU_EW_KREAL, false)
  if constexpr (K == CU_EW_KU) {
    if (y == 0) CU_EW_ZERO_DIVISION();
    return (ET)(x % y);
  } else if constexpr (K == CU_EW_KS) {
    if (y == 0) CU_EW_ZERO_DIVISION();
    if (y == -1) return (ET)0;
    ET r = (ET)(x % y);
    if (r != 0 && ((r < 0) != (y < 0))) r = (ET)(r + y);
    return r;
  } else {
    ET mod = CU_FD2(fmod, x, y);
    if (mod != 0 && ((y < 0) != (mod < 0))) mod += y;
    return mod;
  }
CU_EW_END
CU_EW_OP2(FMOD, CU_EW_KREAL, false)
  if constexpr (K == CU_EW_KU) {
    if (y == 0) CU_EW_ZERO_DIVISION();
    return (ET)(x % y);
  } else if constexpr (K == CU_EW_KS) {
    if (y == 0) CU_EW_ZERO_DIVISION();
    if (y == -1) return (ET)0;
    return (ET)(x % y);
  } else {
    return CU_FD2(fmod, x, y);
  }
CU_EW_END

/* pow: integers by squaring (wrapping), a negative exponent as c10's powi; floats in double; 0^0 = 1. */
CU_EW_OP2(POW, CU_EW_KNUMBER, false)
  if constexpr ((K & CU_EW_KI) != 0) {
    if constexpr (K == CU_EW_KS) {
      if (y < 0) {
        if (x == 1) return (ET)1;
        if (x == -1) return (ET)((y & 1) ? -1 : 1);
        return (ET)0;
      }
    }
    EU r = 1, b = (EU)x;
    while (y) {
      if (y & 1) r *= b;
      y = (ET)(y >> 1);
      b *= b;
    }
    return (ET)r;
  } else if constexpr (K == CU_EW_KF) {
    return CU_FD2(pow, x, y);
  } else {
    if (y == ET(0)) return ET(1);
    return cu_ew_cr<ET>(cuda::std::pow(cu_ew_cd(x), cu_ew_cd(y)));
  }
CU_EW_END

/* maximum, minimum: NaN propagates; bool is or/and. */
CU_EW_OP2(MAXIMUM, CU_EW_KNOCPX, false)
  if constexpr (K == CU_EW_KB) return (ET)(x | y);
  else if constexpr ((K & CU_EW_KI) != 0) return x > y ? x : y;
  else return (x > y || x != x) ? x : y;
CU_EW_END
CU_EW_OP2(MINIMUM, CU_EW_KNOCPX, false)
  if constexpr (K == CU_EW_KB) return (ET)(x & y);
  else if constexpr ((K & CU_EW_KI) != 0) return x < y ? x : y;
  else return (x < y || x != x) ? x : y;
CU_EW_END
CU_EW_OP2(ATAN2, CU_EW_KF, false) return CU_FD2(atan2, x, y); CU_EW_END
CU_EW_OP2(HYPOT, CU_EW_KF, false) return CU_FD2(hypot, x, y); CU_EW_END

/* comparisons */
CU_EW_OP2(EQ, CU_EW_KALL, true) return (bool)(x == y); CU_EW_END
CU_EW_OP2(NE, CU_EW_KALL, true) return (bool)(x != y); CU_EW_END
CU_EW_OP2(LT, CU_EW_KNOCPX, true) return (bool)(x < y); CU_EW_END
CU_EW_OP2(LE, CU_EW_KNOCPX, true) return (bool)(x <= y); CU_EW_END
CU_EW_OP2(GT, CU_EW_KNOCPX, true) return (bool)(x > y); CU_EW_END
CU_EW_OP2(GE, CU_EW_KNOCPX, true) return (bool)(x >= y); CU_EW_END

/* logical ops read their inputs as bool (compute bool) */
CU_EW_OP2(LOGICAL_AND, CU_EW_KB, true) return (bool)(x & y); CU_EW_END
CU_EW_OP2(LOGICAL_OR, CU_EW_KB, true) return (bool)(x | y); CU_EW_END
CU_EW_OP2(LOGICAL_XOR, CU_EW_KB, true) return (bool)(x != y); CU_EW_END

CU_EW_OP2(BITWISE_AND, CU_EW_KBI, false) return (ET)(x & y); CU_EW_END
CU_EW_OP2(BITWISE_OR, CU_EW_KBI, false) return (ET)(x | y); CU_EW_END
CU_EW_OP2(BITWISE_XOR, CU_EW_KBI, false) return (ET)(x ^ y); CU_EW_END

/*
 * Shifts by PyTorch's rules: a shift outside [0, bits) gives 0 to the left;
 * to the right, a shift outside [0, bits - 1) (signed) or [0, bits)
 * (unsigned) shifts by the largest amount (sign fill, or 0).
 */
CU_EW_OP2(BITWISE_LEFT_SHIFT, CU_EW_KI, false)
  if constexpr (K == CU_EW_KU) {
    if ((int8_t)y < 0 || (unsigned)y >= 8u * (unsigned)sizeof(ET)) return (ET)0;
    return (ET)((EU)x << y);
  } else {
    if (y < 0 || y >= (ET)(8 * sizeof(ET))) return (ET)0;
    return (ET)((EU)x << y);
  }
CU_EW_END
CU_EW_OP2(BITWISE_RIGHT_SHIFT, CU_EW_KI, false)
  if constexpr (K == CU_EW_KU) {
    if ((int8_t)y < 0 || (unsigned)y >= 8u * (unsigned)sizeof(ET)) return (ET)0;
    return (ET)(x >> y);
  } else {
    const ET top = (ET)(8 * sizeof(ET) - 1);
    if (y < 0 || y >= top) return (ET)(x >> top);
    return (ET)(x >> y);
  }
CU_EW_END

/* clamp with one bound: NaN (of either operand) propagates */
CU_EW_OP2(CLAMP_MIN, CU_EW_KREAL, false)
  if constexpr ((K & CU_EW_KI) != 0) return x < y ? y : x;
  else return (x != x || y != y) ? x + y : (x < y ? y : x);
CU_EW_END
CU_EW_OP2(CLAMP_MAX, CU_EW_KREAL, false)
  if constexpr ((K & CU_EW_KI) != 0) return x > y ? y : x;
  else return (x != x || y != y) ? x + y : (x > y ? y : x);
CU_EW_END

/* ---- ternary ops ---- */

/* clamp(x, min, max) = min(max(x, min), max): max wins when min > max. */
CU_EW_OP3(CLAMP, CU_EW_KREAL, false)
  ET r = x < y ? y : x;
  r = r > z ? z : r;
  if constexpr ((K & CU_EW_KI) != 0) return r;
  else return (x != x || y != y || z != z) ? x + y + z : r;
CU_EW_END
CU_EW_OP3(WHERE, CU_EW_KALL, true) return x ? y : z; CU_EW_END
/* lerp as PyTorch: from the nearer end, by |weight| < 0.5 */
CU_EW_OP3(LERP, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) {
    ET aw = z < 0 ? -z : z;
    return aw < (ET)0.5 ? cu_ew_add(x, cu_ew_mul(z, y - x)) : cu_ew_sub(y, cu_ew_mul(y - x, (ET)1 - z));
  } else {
    /* 1 - z of the CPU's C is real minus complex (Annex G): its imaginary part is -im(z), not 0 - im(z). */
    ET omz(1 - z.real(), -z.imag());
    return hypot((double)z.real(), (double)z.imag()) < 0.5 ? x + cu_ew_cmul(z, y - x) : y - cu_ew_cmul(y - x, omz);
  }
CU_EW_END

/* ---- unary ops ---- */

CU_EW_OP1(NEG, CU_EW_KNUMBER, false)
  if constexpr ((K & CU_EW_KI) != 0) return (ET)(0u - (EU)x);
  else return -x;
CU_EW_END
CU_EW_OP1(ABS, CU_EW_KNUMBER, false)
  if constexpr (K == CU_EW_KU) return x;
  else if constexpr (K == CU_EW_KS) return x < 0 ? (ET)(0u - (EU)x) : x;
  else if constexpr (K == CU_EW_KF) return CU_FX(fabs, x);
  else return (EU)hypot((double)x.real(), (double)x.imag());
CU_EW_END

/* sign: -1, 0 or 1 (0 for NaN and both zeros); sgn of a complex: z / |z|, 0 at 0. */
CU_EW_OP1(SIGN, CU_EW_KNOCPX, false)
  if constexpr (K == CU_EW_KB) return x;
  else if constexpr (K == CU_EW_KU) return (ET)(x > 0);
  else return (ET)((0 < x) - (x < 0));
CU_EW_END
CU_EW_OP1(SGN, CU_EW_KALL, false)
  if constexpr (K != CU_EW_KX) {
    return cu_ew_op_SIGN::f(x, c);
  } else {
    double re = x.real(), im = x.imag();
    if (re == 0 && im == 0) return ET(0);
    double r = hypot(re, im);
    return ET((EU)(re / r), (EU)(im / r));
  }
CU_EW_END

CU_EW_OP1(SQRT, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return CU_FX(sqrt, x);
  else return CU_CFD(sqrt, x);
CU_EW_END
CU_EW_OP1(RSQRT, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return (ET)(1.0 / sqrt((double)x));
  else return cu_ew_cdiv(ET(1), CU_CFD(sqrt, x));
CU_EW_END
CU_EW_OP1(RECIPROCAL, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return (ET)1 / x;
  else return cu_ew_cdiv(ET(1), x);
CU_EW_END

/* exp: float32 by the CPU's float32 exp, float64 by the library's. */
CU_EW_OP1(EXP, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return sizeof(ET) == sizeof(float) ? (ET)cu_ew_exp_f((float)x) : (ET)exp((double)x);
  else return CU_CFD(exp, x);
CU_EW_END
CU_EW_OP1(EXP2, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return CU_FD(exp2, x);
  else return cu_ew_cr<ET>(cuda::std::exp(cu_c128((double)x.real() * CU_EW_LN2, (double)x.imag() * CU_EW_LN2)));
CU_EW_END
/* expm1(a + bi) = expm1(a) cos b - 2 sin^2(b/2) + i e^a sin b, exact near 0 */
CU_EW_OP1(EXPM1, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) {
    return CU_FD(expm1, x);
  } else {
    double a = x.real(), b = x.imag(), sh = sin(b / 2);
    return ET((EU)__dsub_rn(__dmul_rn(expm1(a), cos(b)), __dmul_rn(2 * sh, sh)), (EU)(exp(a) * sin(b)));
  }
CU_EW_END

CU_EW_OP1(LOG, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return CU_FD(log, x);
  else return CU_CFD(log, x);
CU_EW_END
CU_EW_OP1(LOG2, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) {
    return CU_FD(log2, x);
  } else {
    cu_c128 l = cuda::std::log(cu_ew_cd(x));
    return ET((EU)(l.real() / CU_EW_LN2), (EU)(l.imag() / CU_EW_LN2));
  }
CU_EW_END
CU_EW_OP1(LOG10, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) {
    return CU_FD(log10, x);
  } else {
    cu_c128 l = cuda::std::log(cu_ew_cd(x));
    return ET((EU)(l.real() / CU_EW_LN10), (EU)(l.imag() / CU_EW_LN10));
  }
CU_EW_END
/* log1p(z) as c10: 0.5 log1p(x (x + 2) + y^2) + i atan2(y, x + 1) near 0, else log|1 + z| */
CU_EW_OP1(LOG1P, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) {
    return CU_FD(log1p, x);
  } else {
    double a = x.real(), b = x.imag(), theta = atan2(b, a + 1);
    if (hypot(a, b) < 0.5) {
      double r = __dadd_rn(__dmul_rn(a, 2 + a), __dmul_rn(b, b));
      if (r == 0) return ET((EU)a, (EU)theta);
      return ET((EU)(0.5 * log1p(r)), (EU)theta);
    }
    return ET((EU)log(hypot(a + 1, b)), (EU)theta);
  }
CU_EW_END

#define CU_EW_LIBM(ID, fn)                                                                       \
  CU_EW_OP1(ID, CU_EW_KFC, false)                                                                \
    if constexpr (K == CU_EW_KF) return CU_FD(fn, x);                                            \
    else return CU_CFD(fn, x);                                                                   \
  CU_EW_END
CU_EW_LIBM(SIN, sin)
CU_EW_LIBM(COS, cos)
CU_EW_LIBM(TAN, tan)
CU_EW_LIBM(ASIN, asin)
CU_EW_LIBM(ACOS, acos)
CU_EW_LIBM(ATAN, atan)
CU_EW_LIBM(SINH, sinh)
CU_EW_LIBM(COSH, cosh)
CU_EW_LIBM(ASINH, asinh)
CU_EW_LIBM(ACOSH, acosh)
CU_EW_LIBM(ATANH, atanh)
#undef CU_EW_LIBM

CU_EW_OP1(TANH, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return sizeof(ET) == sizeof(float) ? (ET)cu_ew_tanh_d((double)x) : (ET)tanh((double)x);
  else return CU_CFD(tanh, x);
CU_EW_END

/* sigmoid = 1 / (1 + e^-x); silu = x * sigmoid(x); float32 through the CPU's double exp. */
CU_EW_OP1(SIGMOID, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) {
    double e = sizeof(ET) == sizeof(float) ? cu_ew_exp_d(-(double)x) : exp(-(double)x);
    return (ET)(1.0 / __dadd_rn(1.0, e));
  } else {
    return cu_ew_cdiv(ET(1), ET(1) + CU_CFD(exp, -x));
  }
CU_EW_END
CU_EW_OP1(SILU, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) {
    double e = sizeof(ET) == sizeof(float) ? cu_ew_exp_d(-(double)x) : exp(-(double)x);
    return (ET)((double)x / __dadd_rn(1.0, e));
  } else {
    return cu_ew_cdiv(x, ET(1) + CU_CFD(exp, -x));
  }
CU_EW_END

/* relu keeps -0 and NaN, as PyTorch's clamp_min(x, 0) */
CU_EW_OP1(RELU, CU_EW_KREAL, false)
  if constexpr (K == CU_EW_KU) return x;
  else return x < 0 ? (ET)0 : x;
CU_EW_END

/* gelu as x/2 erfc(-x / sqrt 2); the tanh form as x / (1 + e^-2u), u = sqrt(2/pi) (x + 0.044715 x^3) */
CU_EW_OP1(GELU, CU_EW_KF, false)
  double d = (double)x;
  return (ET)(0.5 * d * erfc(-d * CU_EW_SQRT1_2));
CU_EW_END
CU_EW_OP1(GELU_TANH, CU_EW_KF, false)
  double d = (double)x, u = 0.7978845608028654 * __dadd_rn(d, 0.044715 * d * d * d);
  return (ET)(d / __dadd_rn(1.0, sizeof(ET) == sizeof(float) ? cu_ew_exp_d(-2.0 * u) : exp(-2.0 * u)));
CU_EW_END

/* softplus(x) = log(1 + e^(beta x)) / beta, or x where beta x > threshold (v[0] beta, v[1] threshold) */
CU_EW_OP1(SOFTPLUS, CU_EW_KF, false)
  if (cu_ew_mul(x, c.v[0]) > c.v[1]) return x;
  return (ET)(log1p(exp((double)x * (double)c.v[0])) / (double)c.v[0]);
CU_EW_END

CU_EW_OP1(ERF, CU_EW_KF, false) return CU_FD(erf, x); CU_EW_END
CU_EW_OP1(ERFC, CU_EW_KF, false) return CU_FD(erfc, x); CU_EW_END

/* rounding: integers are left as they are */
#define CU_EW_ROUNDING(ID, fn)                                                                   \
  CU_EW_OP1(ID, CU_EW_KREAL, false)                                                              \
    if constexpr ((K & CU_EW_KI) != 0) return x;                                                 \
    else return CU_FX(fn, x);                                                                    \
  CU_EW_END
CU_EW_ROUNDING(FLOOR, floor)
CU_EW_ROUNDING(CEIL, ceil)
CU_EW_ROUNDING(ROUND, rint)
CU_EW_ROUNDING(TRUNC, trunc)
#undef CU_EW_ROUNDING
/* round to decimals as PyTorch: v[0] = 10^|decimals|, opt[0] < 0 for negative decimals */
CU_EW_OP1(ROUND_DECIMALS, CU_EW_KF, false)
  return c.opt[0] < 0 ? cu_ew_mul(CU_FX(rint, x / c.v[0]), c.v[0]) : CU_FX(rint, cu_ew_mul(x, c.v[0])) / c.v[0];
CU_EW_END
CU_EW_OP1(FRAC, CU_EW_KF, false) return x - CU_FX(trunc, x); CU_EW_END

CU_EW_OP1(ISNAN, CU_EW_KALL, true)
  if constexpr ((K & CU_EW_KBI) != 0) return false;
  else if constexpr (K == CU_EW_KF) return (bool)(x != x);
  else return (bool)(x.real() != x.real() || x.imag() != x.imag());
CU_EW_END
CU_EW_OP1(ISINF, CU_EW_KALL, true)
  if constexpr ((K & CU_EW_KBI) != 0) return false;
  else if constexpr (K == CU_EW_KF) return (bool)(x == (ET)INFINITY || x == -(ET)INFINITY);
  else return (bool)(isinf((double)x.real()) || isinf((double)x.imag()));
CU_EW_END
CU_EW_OP1(ISFINITE, CU_EW_KALL, true)
  if constexpr ((K & CU_EW_KBI) != 0) return true;
  else if constexpr (K == CU_EW_KF) return (bool)(x - x == 0);
  else return (bool)(isfinite((double)x.real()) && isfinite((double)x.imag()));
CU_EW_END

CU_EW_OP1(LOGICAL_NOT, CU_EW_KB, true) return (bool)!x; CU_EW_END
CU_EW_OP1(BITWISE_NOT, CU_EW_KBI, false)
  if constexpr (K == CU_EW_KB) return (ET)!x;
  else return (ET)~x;
CU_EW_END

/* nan_to_num: v[0] replaces NaN, v[1] +inf, v[2] -inf (part by part for complex, by their real parts) */
template <typename R> __device__ __forceinline__ R cu_ew_nan_to_num(R e, R nan, R pinf, R ninf) {
  return e != e ? nan : e == (R)INFINITY ? pinf : e == -(R)INFINITY ? ninf : e;
}
CU_EW_OP1(NAN_TO_NUM, CU_EW_KALL, false)
  if constexpr ((K & CU_EW_KBI) != 0) return x;
  else if constexpr (K == CU_EW_KF) return cu_ew_nan_to_num<ET>(x, c.v[0], c.v[1], c.v[2]);
  else return ET(cu_ew_nan_to_num<EU>(x.real(), c.v[0].real(), c.v[1].real(), c.v[2].real()),
                 cu_ew_nan_to_num<EU>(x.imag(), c.v[0].real(), c.v[1].real(), c.v[2].real()));
CU_EW_END

CU_EW_OP1(CONJ, CU_EW_KALL, false)
  if constexpr (K != CU_EW_KX) return x;
  else return ET(x.real(), -x.imag());
CU_EW_END

/* angle: pi for negative reals, 0 for others, NaN kept; arg(z) for complex */
CU_EW_OP1(ANGLE, CU_EW_KFC, false)
  if constexpr (K == CU_EW_KF) return x != x ? x : x < 0 ? (ET)CU_EW_PI : (ET)0;
  else return (EU)atan2((double)x.imag(), (double)x.real());
CU_EW_END

/* ---- kernels -------------------------------------------------------------------------------- */

/* The type an op reads input 0 in: bool for where's condition, else the compute type. */
template <typename Op, typename C> using cu_ew_in0 = std::conditional_t<Op::cond, bool, C>;

template <typename Op, typename C>
__device__ __forceinline__ cu_ew_in0<Op, C> cu_ew_value0(const cu_ew_ctx<C> &c) {
  if constexpr (Op::cond) return c.cond;
  else return c.sc[0];
}

template <typename Op, typename C>
__device__ __forceinline__ auto cu_ew_apply(cu_ew_in0<Op, C> x0, C x1, C x2, const cu_ew_ctx<C> &c) {
  if constexpr (Op::nin == 1) return Op::template f<C>(x0, c);
  else if constexpr (Op::nin == 2) return Op::template f<C>(x0, x1, c);
  else return Op::template f<C>(x0, x1, x2, c);
}

/*
 * The general kernel's out-of-line parts, one copy each shared by every
 * (op, type) kernel instead of being inlined in each, which would multiply
 * the module's compile time: the operands' addresses at a linear index, and
 * loads and stores through a runtime dtype. The descriptor stays in the
 * kernel's parameter space (__grid_constant__), so that passing it by
 * reference copies nothing.
 */
struct cu_ew_ptrs {
  char *p[CU_EW_MAX_OPS];
};

/* The operands' addresses at row-major linear index i (32-bit divisions when numel allows). */
static __device__ __noinline__ cu_ew_ptrs cu_ew_locate(const cu_ew_args &a, int64_t i) {
  int64_t off[CU_EW_MAX_OPS] = {};
  if (a.numel <= (int64_t)UINT32_MAX) {
    uint32_t j = (uint32_t)i;
    for (int d = a.ndim - 1; d > 0; d--) {
      uint32_t s = (uint32_t)a.shape[d], q = j / s, r = j - q * s;
      for (int k = 0; k < CU_EW_MAX_OPS; k++) off[k] += (int64_t)r * a.bstrides[k][d];
      j = q;
    }
    i = j;
  } else {
    for (int d = a.ndim - 1; d > 0; d--) {
      int64_t s = a.shape[d], q = i / s, r = i - q * s;
      for (int k = 0; k < CU_EW_MAX_OPS; k++) off[k] += r * a.bstrides[k][d];
      i = q;
    }
  }
  cu_ew_ptrs r;
  for (int k = 0; k < CU_EW_MAX_OPS; k++) r.p[k] = a.data[k] ? a.data[k] + off[k] + i * a.bstrides[k][0] : nullptr;
  return r;
}

template <typename T> __device__ __noinline__ T cu_ew_load(const char *p, int dtype) { return cu_load<T>(p, dtype); }
template <typename T> __device__ __noinline__ void cu_ew_store(char *p, int dtype, T v) { cu_store<T>(p, dtype, v); }

/*
 * The general kernel: out (a.shape) = op(inputs seen through a.shape), any
 * strides and stored dtypes; an input with a.data[k] NULL is c.sc/c.cond.
 */
template <typename Op, typename C>
__global__ void __launch_bounds__(CU_BLOCK)
cu_ew_strided_kernel(const __grid_constant__ cu_ew_args a, const cu_ew_ctx<C> c) {
  typedef cu_ew_in0<Op, C> T0;
  CU_GRID_LOOP(i, a.numel) {
    cu_ew_ptrs p = cu_ew_locate(a, i);
    T0 x0 = p.p[1] ? cu_ew_load<T0>(p.p[1], a.dtype[1]) : cu_ew_value0<Op>(c);
    C x1 = c.sc[1], x2 = c.sc[2];
    if constexpr (Op::nin > 1) {
      if (p.p[2]) x1 = cu_ew_load<C>(p.p[2], a.dtype[2]);
    }
    if constexpr (Op::nin > 2) {
      if (p.p[3]) x2 = cu_ew_load<C>(p.p[3], a.dtype[3]);
    }
    cu_ew_store(p.p[0], a.dtype[0], cu_ew_apply<Op, C>(x0, x1, x2, c));
  }
}

/* Storage to compute type and back for the fast kernel (float16/bfloat16 round to nearest even as cu_store). */
__device__ __forceinline__ bool cu_ew_up(bool v) { return v; }
__device__ __forceinline__ float cu_ew_up(float v) { return v; }
__device__ __forceinline__ double cu_ew_up(double v) { return v; }
__device__ __forceinline__ int32_t cu_ew_up(int32_t v) { return v; }
__device__ __forceinline__ int64_t cu_ew_up(int64_t v) { return v; }
__device__ __forceinline__ float cu_ew_up(__half v) { return __half2float(v); }
__device__ __forceinline__ float cu_ew_up(__nv_bfloat16 v) { return __bfloat162float(v); }
__device__ __forceinline__ void cu_ew_put(bool &d, bool v) { d = v; }
__device__ __forceinline__ void cu_ew_put(float &d, float v) { d = v; }
__device__ __forceinline__ void cu_ew_put(double &d, double v) { d = v; }
__device__ __forceinline__ void cu_ew_put(int32_t &d, int32_t v) { d = v; }
__device__ __forceinline__ void cu_ew_put(int64_t &d, int64_t v) { d = v; }
__device__ __forceinline__ void cu_ew_put(__half &d, float v) { d = __float2half_rn(v); }
__device__ __forceinline__ void cu_ew_put(__nv_bfloat16 &d, float v) { d = __float2bfloat16_rn(v); }

template <typename T, int N> struct alignas(sizeof(T) * N) cu_ew_vec {
  T v[N];
};

/* The fast kernel's operands: each contiguous (CU_EW_RUN), a value in the context, or one device element. */
enum { CU_EW_RUN = 0, CU_EW_VALUE = 1, CU_EW_ONE = 2 };
typedef struct cu_ew_flat {
  char *data[CU_EW_MAX_OPS];
  int32_t mode[CU_EW_MAX_OPS];
  int64_t n;
  bool vec; /* every contiguous operand is aligned for N-element vectors */
} cu_ew_flat;

/* Elements base..base+N-1 of p: one vector load when whole, else one by one up to n (the rest repeat p[base]). */
template <typename T, int N>
__device__ __forceinline__ void cu_ew_read(cu_ew_vec<T, N> &r, const T *p, int64_t base, bool whole, int64_t n) {
  if (whole) {
    r = *(const cu_ew_vec<T, N> *)(p + base);
    return;
  }
#pragma unroll
  for (int j = 0; j < N; j++) r.v[j] = p[base + j < n ? base + j : base];
}

template <typename T, int N>
__device__ __forceinline__ void cu_ew_write(const cu_ew_vec<T, N> &r, T *p, int64_t base, bool whole, int64_t n) {
  if (whole) {
    *(cu_ew_vec<T, N> *)(p + base) = r;
    return;
  }
#pragma unroll
  for (int j = 0; j < N; j++)
    if (base + j < n) p[base + j] = r.v[j];
}

/*
 * The fast kernel: out[i] = op(in[i]...) over n elements, inputs stored as
 * S (where's condition as bool), the output as S or bool (out_bool ops), N
 * elements per thread and step: vector loads and stores when aligned, one
 * by one for the last partial group or unaligned operands.
 */
template <typename Op, typename C, typename S, int N>
__global__ void __launch_bounds__(CU_BLOCK) cu_ew_fast_kernel(const cu_ew_flat f, const cu_ew_ctx<C> c) {
  typedef cu_ew_in0<Op, C> T0;
  typedef std::conditional_t<Op::cond, bool, S> S0;
  typedef std::conditional_t<Op::out_bool, bool, S> SO;
  constexpr int nin = Op::nin;
  /* single values, read once */
  T0 v0 = f.mode[1] == CU_EW_ONE ? (T0)cu_ew_up(*(const S0 *)f.data[1]) : cu_ew_value0<Op>(c);
  C v1 = c.sc[1], v2 = c.sc[2];
  if constexpr (nin > 1) {
    if (f.mode[2] == CU_EW_ONE) v1 = cu_ew_up(*(const S *)f.data[2]);
  }
  if constexpr (nin > 2) {
    if (f.mode[3] == CU_EW_ONE) v2 = cu_ew_up(*(const S *)f.data[3]);
  }
  const bool run0 = f.mode[1] == CU_EW_RUN, run1 = nin > 1 && f.mode[2] == CU_EW_RUN,
             run2 = nin > 2 && f.mode[3] == CU_EW_RUN;
  const int64_t first = (int64_t)blockIdx.x * blockDim.x + threadIdx.x, step = (int64_t)blockDim.x * gridDim.x;
  const int64_t groups = (f.n + N - 1) / N;
  for (int64_t g = first; g < groups; g += step) {
    const int64_t base = g * N;
    const bool whole = f.vec && base + N <= f.n;
    cu_ew_vec<S0, N> a0;
    cu_ew_vec<S, N> a1, a2;
    if (run0) cu_ew_read(a0, (const S0 *)f.data[1], base, whole, f.n);
    if constexpr (nin > 1) {
      if (run1) cu_ew_read(a1, (const S *)f.data[2], base, whole, f.n);
    }
    if constexpr (nin > 2) {
      if (run2) cu_ew_read(a2, (const S *)f.data[3], base, whole, f.n);
    }
    cu_ew_vec<SO, N> o;
#pragma unroll
    for (int j = 0; j < N; j++) {
      T0 x0 = run0 ? (T0)cu_ew_up(a0.v[j]) : v0;
      C x1 = v1, x2 = v2;
      if constexpr (nin > 1) x1 = run1 ? (C)cu_ew_up(a1.v[j]) : v1;
      if constexpr (nin > 2) x2 = run2 ? (C)cu_ew_up(a2.v[j]) : v2;
      cu_ew_put(o.v[j], cu_ew_apply<Op, C>(x0, x1, x2, c));
    }
    cu_ew_write(o, (SO *)f.data[0], base, whole, f.n);
  }
}

/* ---- launch --------------------------------------------------------------------------------- */

template <typename Op, typename C, typename S, int N>
static int cu_ew_launch_fast(cu_ew_flat f, const cu_ew_ctx<C> &c, cudaStream_t s) {
  typedef std::conditional_t<Op::cond, bool, S> S0;
  typedef std::conditional_t<Op::out_bool, bool, S> SO;
  const size_t vin = sizeof(S) * N, vin0 = sizeof(S0) * N, vout = sizeof(SO) * N;
  f.vec = (uintptr_t)f.data[0] % vout == 0;
  for (int k = 1; k <= Op::nin; k++)
    if (f.mode[k] == CU_EW_RUN) f.vec = f.vec && (uintptr_t)f.data[k] % (k == 1 ? vin0 : vin) == 0;
  cu_ew_fast_kernel<Op, C, S, N><<<cu_blocks(f.n, N), CU_BLOCK, 0, s>>>(f, c);
  return (int)cudaGetLastError();
}

/*
 * Runs the fast kernel when the call fits it: one dim, every operand
 * contiguous or a single element, inputs of one dtype S that the compute
 * type C reads without conversion (float32 from float32, float16 or
 * bfloat16; float64, int32 and int64 from themselves), where's condition
 * bool, the output S or bool for out_bool ops. Returns false (nothing
 * launched) otherwise.
 */
template <typename Op, typename C>
static bool cu_ew_try_fast(const cu_ew_args *a, const cu_ew_ctx<C> &c, cudaStream_t s, int *err) {
  if (a->ndim != 1) return false;
  cu_ew_flat f = {};
  f.n = a->numel;
  int32_t sd = -1;
  for (int k = 0; k <= Op::nin; k++) {
    f.data[k] = a->data[k];
    f.mode[k] = CU_EW_RUN;
    if (!a->data[k]) {
      f.mode[k] = CU_EW_VALUE;
      continue;
    }
    int32_t dt = a->dtype[k];
    if (a->bstrides[k][0] == 0 && k > 0)
      f.mode[k] = CU_EW_ONE;
    else if (a->bstrides[k][0] != cu_itemsize(dt))
      return false;
    if ((k == 1 && Op::cond) || (k == 0 && Op::out_bool)) {
      if (dt != CU_BOOL) return false;
    } else if (sd < 0) {
      sd = dt;
    } else if (dt != sd) {
      return false;
    }
  }
  if (sd < 0) sd = a->compute; /* every input a value and a bool output: S is not read */
  if constexpr (std::is_same<C, float>::value) {
    if (sd == CU_FLOAT32) *err = cu_ew_launch_fast<Op, C, float, 4>(f, c, s);
    else if (sd == CU_FLOAT16) *err = cu_ew_launch_fast<Op, C, __half, 4>(f, c, s);
    else if (sd == CU_BFLOAT16) *err = cu_ew_launch_fast<Op, C, __nv_bfloat16, 4>(f, c, s);
    else return false;
  } else if constexpr (std::is_same<C, double>::value) {
    if (sd != CU_FLOAT64) return false;
    *err = cu_ew_launch_fast<Op, C, double, 2>(f, c, s);
  } else if constexpr (std::is_same<C, int32_t>::value) {
    if (sd != CU_INT32) return false;
    *err = cu_ew_launch_fast<Op, C, int32_t, 4>(f, c, s);
  } else {
    if (sd != CU_INT64) return false;
    *err = cu_ew_launch_fast<Op, C, int64_t, 2>(f, c, s);
  }
  return true;
}

template <typename Op, typename C> static int cu_ew_launch(const cu_ew_args *a, cudaStream_t s) {
  cu_ew_ctx<C> c{};
  for (int k = 0; k < 3; k++) memcpy((void *)&c.v[k], a->value[k], sizeof(C));
  for (int k = 0; k < Op::nin; k++) {
    if (a->data[k + 1]) continue;
    if (k == 0 && Op::cond)
      memcpy(&c.cond, a->scalar[0], sizeof(bool));
    else
      memcpy((void *)&c.sc[k], a->scalar[k], sizeof(C));
  }
  c.opt[0] = a->option[0];
  c.opt[1] = a->option[1];
  c.fault = a->fault;
  if constexpr (Op::fast && (cu_ew_type<C>::kind == CU_EW_KF || std::is_same<C, int32_t>::value ||
                             std::is_same<C, int64_t>::value)) {
    int err = 0;
    if (cu_ew_try_fast<Op, C>(a, c, s, &err)) return err;
  }
  cu_ew_strided_kernel<Op, C><<<cu_blocks(a->numel), CU_BLOCK, 0, s>>>(*a, c);
  return (int)cudaGetLastError();
}

template <typename Op> static int cu_ew_dispatch(const cu_ew_args *a, cudaStream_t s) {
#define CU_EW_CASE(D, T)                                                                         \
  case D:                                                                                        \
    if constexpr ((Op::kinds & cu_ew_type<T>::kind) != 0) return cu_ew_launch<Op, T>(a, s);      \
    break;
  switch (a->compute) {
    CU_EW_CASE(CU_BOOL, bool)
    CU_EW_CASE(CU_UINT8, uint8_t)
    CU_EW_CASE(CU_INT8, int8_t)
    CU_EW_CASE(CU_INT16, int16_t)
    CU_EW_CASE(CU_INT32, int32_t)
    CU_EW_CASE(CU_INT64, int64_t)
    CU_EW_CASE(CU_FLOAT32, float)
    CU_EW_CASE(CU_FLOAT64, double)
    CU_EW_CASE(CU_COMPLEX64, cu_c64)
    CU_EW_CASE(CU_COMPLEX128, cu_c128)
    default: break;
  }
#undef CU_EW_CASE
  return (int)cudaErrorInvalidValue;
}

CU_EXTERN bool cu_ew_supported(int32_t op, int32_t compute) {
  int kind = cu_ew_kind_of(compute);
  switch (op) {
#define CU_EW_SUPPORTED(ID, name, nin, flags, dtypes, cost)                                      \
  case CU_EW_##ID: return (cu_ew_op_##ID::kinds & kind) != 0;
    CT__EW_OPS(CU_EW_SUPPORTED)
#undef CU_EW_SUPPORTED
    default: return false;
  }
}

CU_EXTERN int cu_ew(const cu_ew_args *args, cu_stream stream) {
  cudaStream_t s = (cudaStream_t)stream;
  switch (args->op) {
#define CU_EW_RUN_OP(ID, name, nin, flags, dtypes, cost)                                         \
  case CU_EW_##ID: return cu_ew_dispatch<cu_ew_op_##ID>(args, s);
    CT__EW_OPS(CU_EW_RUN_OP)
#undef CU_EW_RUN_OP
    default: return (int)cudaErrorInvalidValue;
  }
}
