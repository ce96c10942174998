/*
 * ct_dtype.c: the dtype table, dtype names, the default dtype, float16 and
 * bfloat16 bit conversions, and the elementwise conversion loops.
 *
 * Conversions follow PyTorch on x86-64 (c10/util/TypeCast.h, c10::Half,
 * c10::BFloat16) bit for bit; tests/check_dtype.c holds a table of cases
 * generated from PyTorch itself by tools/gen_convert_cases.py.
 */
#include <stdatomic.h>
#include <string.h>

#include "ct_internal.h"

/* ---- the table and the simple queries ------------------------------------------------------ */

/* ct__dtypes itself is in ct_dtype_table.c, which the CUDA module compiles too. */

/* Validates the pair (out pointer, dtype) that every query below takes. */
static ct_status ct__check_query(const void *out, ct_dtype dtype, const char *fn, const char *arg) {
  CT_CHECK_ARG(out != NULL, CT_ERR_INVALID_ARGUMENT, "%s: %s is NULL", fn, arg);
  CT_CHECK_ARG(ct__dtype_valid(dtype), CT_ERR_DTYPE, "%s: dtype = %d is not a valid dtype", fn,
               (int)dtype);
  return CT_OK;
}

ct_status ct_dtype_name(const char **name, ct_dtype dtype) {
  if (name != NULL) *name = NULL;
  CT_TRY(ct__check_query(name, dtype, "ct_dtype_name", "name"));
  *name = ct__dtypes[dtype].name;
  return CT_OK;
}

ct_status ct_dtype_itemsize(int64_t *itemsize, ct_dtype dtype) {
  if (itemsize != NULL) *itemsize = 0;
  CT_TRY(ct__check_query(itemsize, dtype, "ct_dtype_itemsize", "itemsize"));
  *itemsize = ct__dtypes[dtype].itemsize;
  return CT_OK;
}

ct_status ct_dtype_is_floating_point(bool *result, ct_dtype dtype) {
  if (result != NULL) *result = false;
  CT_TRY(ct__check_query(result, dtype, "ct_dtype_is_floating_point", "result"));
  *result = ct__dtypes[dtype].is_floating;
  return CT_OK;
}

ct_status ct_dtype_is_complex(bool *result, ct_dtype dtype) {
  if (result != NULL) *result = false;
  CT_TRY(ct__check_query(result, dtype, "ct_dtype_is_complex", "result"));
  *result = ct__dtypes[dtype].is_complex;
  return CT_OK;
}

ct_status ct_dtype_is_signed(bool *result, ct_dtype dtype) {
  if (result != NULL) *result = false;
  CT_TRY(ct__check_query(result, dtype, "ct_dtype_is_signed", "result"));
  *result = ct__dtypes[dtype].is_signed;
  return CT_OK;
}

/* ---- names --------------------------------------------------------------------------------- */

/* PyTorch's aliases (torch.float is torch.float32, ...); canonical names come from ct__dtypes. */
static const struct {
  const char *name;
  ct_dtype dtype;
} ct__dtype_aliases[] = {
  {"float", CT_FLOAT32},  {"double", CT_FLOAT64},     {"half", CT_FLOAT16},
  {"long", CT_INT64},     {"int", CT_INT32},          {"short", CT_INT16},
  {"cfloat", CT_COMPLEX64}, {"cdouble", CT_COMPLEX128},
};

ct_status ct_dtype_from_name(ct_dtype *dtype, const char *name) {
  static const char *const prefixes[] = {"torch.", "ctensor."};
  if (dtype != NULL) *dtype = CT_DTYPE_NONE;
  CT_CHECK_ARG(dtype != NULL, CT_ERR_INVALID_ARGUMENT, "ct_dtype_from_name: dtype is NULL");
  CT_CHECK_ARG(name != NULL, CT_ERR_INVALID_ARGUMENT, "ct_dtype_from_name: name is NULL");

  const char *bare = name;
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    size_t len = strlen(prefixes[i]);
    if (strncmp(bare, prefixes[i], len) == 0) {
      bare += len;
      break;
    }
  }
  for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
    if (strcmp(bare, ct__dtypes[d].name) == 0) {
      *dtype = d;
      return CT_OK;
    }
  }
  for (size_t i = 0; i < sizeof ct__dtype_aliases / sizeof ct__dtype_aliases[0]; i++) {
    if (strcmp(bare, ct__dtype_aliases[i].name) == 0) {
      *dtype = ct__dtype_aliases[i].dtype;
      return CT_OK;
    }
  }
  /* PyTorch has these, ctensor does not (yet): say so rather than "unknown". */
  if (strcmp(bare, "complex32") == 0 || strcmp(bare, "chalf") == 0) {
    return ct__error(CT_ERR_DTYPE, "ct_dtype_from_name: dtype \"%.64s\" is not supported", name);
  }
  return ct__error(CT_ERR_DTYPE, "ct_dtype_from_name: unknown dtype name \"%.64s\"", name);
}

/* ---- the default dtype --------------------------------------------------------------------- */

static _Atomic(int32_t) ct__default_dtype_value = CT_FLOAT32;

ct_dtype ct__default_dtype(void) { return atomic_load(&ct__default_dtype_value); }

ct_status ct_get_default_dtype(ct_dtype *dtype) {
  CT_CHECK_ARG(dtype != NULL, CT_ERR_INVALID_ARGUMENT, "ct_get_default_dtype: dtype is NULL");
  *dtype = ct__default_dtype();
  return CT_OK;
}

ct_status ct_set_default_dtype(ct_dtype dtype) {
  CT_CHECK_ARG(ct__dtype_valid(dtype), CT_ERR_DTYPE,
               "ct_set_default_dtype: dtype = %d is not a valid dtype", (int)dtype);
  CT_CHECK_ARG(ct__dtypes[dtype].is_floating, CT_ERR_DTYPE,
               "ct_set_default_dtype: dtype %s is not a floating point dtype",
               ct__dtypes[dtype].name);
  atomic_store(&ct__default_dtype_value, dtype);
  return CT_OK;
}

/* ---- float16 and bfloat16 ------------------------------------------------------------------ */

static inline uint32_t ct__f32_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

static inline float ct__f32_from_bits(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

/*
 * Integer-only, so that the result never depends on the FPU's rounding mode
 * or flush-to-zero flags. NaN becomes the quiet NaN 0x7E00 with the sign
 * kept and the payload dropped, as c10::Half (fp16_ieee_from_fp32_value).
 */
uint16_t ct__f32_to_f16(float f) {
  uint32_t x = ct__f32_bits(f);
  uint16_t sign = (uint16_t)((x >> 16) & 0x8000u);
  uint32_t ax = x & 0x7FFFFFFFu;

  if (ax >= 0x7F800000u) return (uint16_t)(sign | (ax > 0x7F800000u ? 0x7E00u : 0x7C00u));
  /* 65520 and above round to infinity (65504 is the largest float16). */
  if (ax >= 0x477FF000u) return (uint16_t)(sign | 0x7C00u);
  if (ax >= 0x38800000u) {
    /*
     * Normal float16 (>= 2^-14): rebias the exponent by 127 - 15 and round
     * the 13 dropped mantissa bits to nearest even; a carry out of the
     * mantissa correctly bumps the exponent.
     */
    uint32_t odd = (ax >> 13) & 1u;
    ax = ax - (112u << 23) + 0xFFFu + odd;
    return (uint16_t)(sign | (ax >> 13));
  }
  /* Below 2^-25 everything rounds to zero (2^-25 itself is a tie, to even zero). */
  if (ax <= 0x33000000u) return sign;
  /*
   * Subnormal float16: the result counts units of 2^-24. The float is
   * m * 2^(e - 150) with the implicit bit in m, so the count is m shifted
   * right by 126 - e (14 to 24 here), rounded to nearest even.
   */
  uint32_t e = ax >> 23;
  uint32_t m = (ax & 0x7FFFFFu) | 0x800000u;
  uint32_t shift = 126u - e;
  uint32_t q = m >> shift;
  uint32_t rest = m & ((1u << shift) - 1u);
  uint32_t half = 1u << (shift - 1u);
  if (rest > half || (rest == half && (q & 1u))) q++;
  return (uint16_t)(sign | q);
}

/* Exact. NaN keeps its sign and payload and becomes quiet, as c10::Half's conversion on x86-64. */
float ct__f16_to_f32(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1Fu;
  uint32_t mant = h & 0x3FFu;

  if (exp == 0x1Fu) {
    if (mant == 0) return ct__f32_from_bits(sign | 0x7F800000u);
    return ct__f32_from_bits(sign | 0x7FC00000u | (mant << 13));
  }
  if (exp == 0) {
    if (mant == 0) return ct__f32_from_bits(sign);
    /* Subnormal: normalise so that the leading one becomes the implicit bit. */
    exp = 113u;
    while ((mant & 0x400u) == 0) {
      mant <<= 1;
      exp--;
    }
    return ct__f32_from_bits(sign | (exp << 23) | ((mant & 0x3FFu) << 13));
  }
  return ct__f32_from_bits(sign | ((exp + 112u) << 23) | (mant << 13));
}

/*
 * Round to nearest even by adding 0x7FFF plus the lowest kept bit, as
 * c10::BFloat16's round_to_nearest_even; overflow carries into infinity.
 * Every NaN becomes 0x7FC0 whatever its sign, as c10::BFloat16 (PyTorch's
 * AVX2 vector path writes 0xFFFF instead; both are NaN).
 */
uint16_t ct__f32_to_bf16(float f) {
  uint32_t x = ct__f32_bits(f);
  if ((x & 0x7FFFFFFFu) > 0x7F800000u) return 0x7FC0u;
  return (uint16_t)((x + 0x7FFFu + ((x >> 16) & 1u)) >> 16);
}

/* Exact: bfloat16 is the upper half of a float32 (a signalling NaN stays one, as in PyTorch). */
float ct__bf16_to_f32(uint16_t b) { return ct__f32_from_bits((uint32_t)b << 16); }

/* ---- elementwise conversion ---------------------------------------------------------------- */

/*
 * Every source value widens exactly to one of three kinds: int64_t
 * (bool and the integers), double (the four floating types) or a pair of
 * doubles (the complex types). Each destination then has one conversion
 * per kind, written to give what PyTorch's static_cast chain gives on x86-64.
 * That makes 12 loaders and 36 converters instead of 144 bodies, and the
 * macros below stitch them into the 144 loops.
 */
typedef struct ct__cplx {
  double re, im;
} ct__cplx;

/*
 * float or double to int32 as cvttsd2si does (what static_cast<int32_t>
 * compiles to on x86-64): truncation toward zero, and INT32_MIN for NaN and
 * values outside the int32 range. The range check comes first, so the C
 * conversion itself is always defined. int8 and int16 keep the low bits of
 * this int32.
 */
static inline int32_t ct__f_to_i32(double x) {
  if (x > -2147483649.0 && x < 2147483648.0) return (int32_t)x;
  return INT32_MIN;
}

/* As ct__f_to_i32, for cvttsd2si with a 64-bit destination. */
static inline int64_t ct__f_to_i64(double x) {
  if (x >= -9223372036854775808.0 && x < 9223372036854775808.0) return (int64_t)x;
  return INT64_MIN;
}

/*
 * int64 to float32 with one rounding to nearest even, as static_cast<float>
 * gives. Written out rather than left to the 64-bit cvtsi2ss, because
 * valgrind emulates that instruction through double and so rounds twice
 * (2^62 + 2^38 + 1 would come out 2^62): beyond 2^53 the bits below the
 * 53 kept ones are folded into a sticky bit, which the float rounding (at
 * bit 29 or higher there) sees just as it would see the original bits.
 */
static inline float ct__i64_to_f32(int64_t v) {
  const int64_t exact = INT64_C(1) << 53;
  if (v >= -exact && v <= exact) return (float)(double)v;
  uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  uint64_t kept = (u >> 11) | ((u & 0x7FFu) != 0);
  float f = (float)((double)(int64_t)kept * 2048.0);
  return v < 0 ? -f : f;
}

/*
 * Wrapping conversions of int64 to the narrower integers: keep the low bits,
 * read back as two's complement (the int64 value is taken modulo 2^bits
 * through unsigned arithmetic, so nothing here is implementation-defined
 * beyond the final narrowing, which GCC and Clang define as wrapping).
 */
#define CT__WRAP(T, UT, v) ((T)(UT)(uint64_t)(v))

/* Loading one element of each source dtype, widened to its kind. */
typedef uint8_t ct__t_BOOL;
typedef uint8_t ct__t_UINT8;
typedef int8_t ct__t_INT8;
typedef int16_t ct__t_INT16;
typedef int32_t ct__t_INT32;
typedef int64_t ct__t_INT64;
typedef uint16_t ct__t_FLOAT16;
typedef uint16_t ct__t_BFLOAT16;
typedef float ct__t_FLOAT32;
typedef double ct__t_FLOAT64;
typedef struct { float re, im; } ct__t_COMPLEX64;
typedef struct { double re, im; } ct__t_COMPLEX128;

#define CT__KIND_BOOL I
#define CT__KIND_UINT8 I
#define CT__KIND_INT8 I
#define CT__KIND_INT16 I
#define CT__KIND_INT32 I
#define CT__KIND_INT64 I
#define CT__KIND_FLOAT16 F
#define CT__KIND_BFLOAT16 F
#define CT__KIND_FLOAT32 F
#define CT__KIND_FLOAT64 F
#define CT__KIND_COMPLEX64 C
#define CT__KIND_COMPLEX128 C

typedef int64_t ct__k_I;
typedef double ct__k_F;
typedef ct__cplx ct__k_C;

/* A stored bool is a byte; any non-zero byte reads as true, as a C _Bool would. */
static inline int64_t ct__widen_BOOL(ct__t_BOOL v) { return v != 0; }
static inline int64_t ct__widen_UINT8(ct__t_UINT8 v) { return v; }
static inline int64_t ct__widen_INT8(ct__t_INT8 v) { return v; }
static inline int64_t ct__widen_INT16(ct__t_INT16 v) { return v; }
static inline int64_t ct__widen_INT32(ct__t_INT32 v) { return v; }
static inline int64_t ct__widen_INT64(ct__t_INT64 v) { return v; }
static inline double ct__widen_FLOAT16(ct__t_FLOAT16 v) { return ct__f16_to_f32(v); }
static inline double ct__widen_BFLOAT16(ct__t_BFLOAT16 v) { return ct__bf16_to_f32(v); }
static inline double ct__widen_FLOAT32(ct__t_FLOAT32 v) { return v; }
static inline double ct__widen_FLOAT64(ct__t_FLOAT64 v) { return v; }
static inline ct__cplx ct__widen_COMPLEX64(ct__t_COMPLEX64 v) {
  return (ct__cplx){v.re, v.im};
}
static inline ct__cplx ct__widen_COMPLEX128(ct__t_COMPLEX128 v) {
  return (ct__cplx){v.re, v.im};
}

/*
 * Converters ct__to_<DST>_<KIND>. Integer to float16/bfloat16 and double to
 * float16/bfloat16 go through float, as c10::Half(float(x)) does (so double
 * is rounded twice, like PyTorch). Complex to real takes the real part; to
 * bool it tests both parts, as PyTorch >= 2.3 (pytorch/pytorch#121803).
 */
static inline ct__t_BOOL ct__to_BOOL_I(int64_t v) { return v != 0; }
static inline ct__t_BOOL ct__to_BOOL_F(double v) { return v != 0; }
static inline ct__t_BOOL ct__to_BOOL_C(ct__cplx v) { return v.re != 0 || v.im != 0; }

static inline ct__t_UINT8 ct__to_UINT8_I(int64_t v) { return CT__WRAP(uint8_t, uint8_t, v); }
/* static_cast<uint8_t>(static_cast<int64_t>(x)), PyTorch's special case for uint8. */
static inline ct__t_UINT8 ct__to_UINT8_F(double v) {
  return CT__WRAP(uint8_t, uint8_t, ct__f_to_i64(v));
}
static inline ct__t_UINT8 ct__to_UINT8_C(ct__cplx v) { return ct__to_UINT8_F(v.re); }

static inline ct__t_INT8 ct__to_INT8_I(int64_t v) { return CT__WRAP(int8_t, uint8_t, v); }
static inline ct__t_INT8 ct__to_INT8_F(double v) {
  return CT__WRAP(int8_t, uint8_t, ct__f_to_i32(v));
}
static inline ct__t_INT8 ct__to_INT8_C(ct__cplx v) { return ct__to_INT8_F(v.re); }

static inline ct__t_INT16 ct__to_INT16_I(int64_t v) { return CT__WRAP(int16_t, uint16_t, v); }
static inline ct__t_INT16 ct__to_INT16_F(double v) {
  return CT__WRAP(int16_t, uint16_t, ct__f_to_i32(v));
}
static inline ct__t_INT16 ct__to_INT16_C(ct__cplx v) { return ct__to_INT16_F(v.re); }

static inline ct__t_INT32 ct__to_INT32_I(int64_t v) { return CT__WRAP(int32_t, uint32_t, v); }
static inline ct__t_INT32 ct__to_INT32_F(double v) { return ct__f_to_i32(v); }
static inline ct__t_INT32 ct__to_INT32_C(ct__cplx v) { return ct__to_INT32_F(v.re); }

static inline ct__t_INT64 ct__to_INT64_I(int64_t v) { return v; }
static inline ct__t_INT64 ct__to_INT64_F(double v) { return ct__f_to_i64(v); }
static inline ct__t_INT64 ct__to_INT64_C(ct__cplx v) { return ct__to_INT64_F(v.re); }

static inline ct__t_FLOAT16 ct__to_FLOAT16_I(int64_t v) {
  return ct__f32_to_f16(ct__i64_to_f32(v));
}
static inline ct__t_FLOAT16 ct__to_FLOAT16_F(double v) { return ct__f32_to_f16((float)v); }
static inline ct__t_FLOAT16 ct__to_FLOAT16_C(ct__cplx v) { return ct__to_FLOAT16_F(v.re); }

static inline ct__t_BFLOAT16 ct__to_BFLOAT16_I(int64_t v) {
  return ct__f32_to_bf16(ct__i64_to_f32(v));
}
static inline ct__t_BFLOAT16 ct__to_BFLOAT16_F(double v) { return ct__f32_to_bf16((float)v); }
static inline ct__t_BFLOAT16 ct__to_BFLOAT16_C(ct__cplx v) { return ct__to_BFLOAT16_F(v.re); }

static inline ct__t_FLOAT32 ct__to_FLOAT32_I(int64_t v) { return ct__i64_to_f32(v); }
static inline ct__t_FLOAT32 ct__to_FLOAT32_F(double v) { return (float)v; }
static inline ct__t_FLOAT32 ct__to_FLOAT32_C(ct__cplx v) { return (float)v.re; }

static inline ct__t_FLOAT64 ct__to_FLOAT64_I(int64_t v) { return (double)v; }
static inline ct__t_FLOAT64 ct__to_FLOAT64_F(double v) { return v; }
static inline ct__t_FLOAT64 ct__to_FLOAT64_C(ct__cplx v) { return v.re; }

static inline ct__t_COMPLEX64 ct__to_COMPLEX64_I(int64_t v) {
  return (ct__t_COMPLEX64){ct__i64_to_f32(v), 0.0f};
}
static inline ct__t_COMPLEX64 ct__to_COMPLEX64_F(double v) {
  return (ct__t_COMPLEX64){(float)v, 0.0f};
}
static inline ct__t_COMPLEX64 ct__to_COMPLEX64_C(ct__cplx v) {
  return (ct__t_COMPLEX64){(float)v.re, (float)v.im};
}

static inline ct__t_COMPLEX128 ct__to_COMPLEX128_I(int64_t v) {
  return (ct__t_COMPLEX128){(double)v, 0.0};
}
static inline ct__t_COMPLEX128 ct__to_COMPLEX128_F(double v) {
  return (ct__t_COMPLEX128){v, 0.0};
}
static inline ct__t_COMPLEX128 ct__to_COMPLEX128_C(ct__cplx v) {
  return (ct__t_COMPLEX128){v.re, v.im};
}

#define CT__CAT_(a, b) a##b
#define CT__CAT(a, b) CT__CAT_(a, b)
#define CT__CONVERTER(DST, SRC) CT__CAT(ct__to_##DST##_, CT__KIND_##SRC)

/*
 * One loop per (DST, SRC) pair. The element body (load, widen, convert,
 * store, through memcpy so that unaligned buffers from ct_dtype_convert are
 * fine) is shared by the contiguous run and the strided run; the contiguous
 * run only exists so that the compiler sees constant strides. Loading before
 * storing makes in-place conversion between equal itemsizes safe.
 */
#define CT__DEFINE_CAST(DST, SRC)                                                                \
  static inline void ct__cast1_##DST##_##SRC(char *d, const char *s) {                           \
    ct__t_##SRC in;                                                                              \
    memcpy(&in, s, sizeof in);                                                                   \
    ct__t_##DST out = CT__CONVERTER(DST, SRC)(ct__widen_##SRC(in));                              \
    memcpy(d, &out, sizeof out);                                                                 \
  }                                                                                              \
  static void ct__cast_##DST##_##SRC(char **data, const int64_t *bstrides, int64_t n,            \
                                     void *ctx) {                                                \
    (void)ctx;                                                                                   \
    char *d = data[0];                                                                           \
    const char *s = data[1];                                                                     \
    if (bstrides[0] == (int64_t)sizeof(ct__t_##DST) &&                                           \
        bstrides[1] == (int64_t)sizeof(ct__t_##SRC)) {                                           \
      for (int64_t i = 0; i < n; i++) {                                                          \
        ct__cast1_##DST##_##SRC(d + i * (int64_t)sizeof(ct__t_##DST),                            \
                                s + i * (int64_t)sizeof(ct__t_##SRC));                           \
      }                                                                                          \
    } else {                                                                                     \
      for (int64_t i = 0; i < n; i++) {                                                          \
        ct__cast1_##DST##_##SRC(d + i * bstrides[0], s + i * bstrides[1]);                       \
      }                                                                                          \
    }                                                                                            \
  }

/*
 * A same-dtype "conversion" is a byte copy, so that NaN payloads, signalling
 * NaNs and non-canonical bool bytes pass through unchanged, as a copy_ does.
 */
#define CT__DEFINE_COPY(T)                                                                       \
  static void ct__copy_##T(char **data, const int64_t *bstrides, int64_t n, void *ctx) {         \
    (void)ctx;                                                                                   \
    if (bstrides[0] == (int64_t)sizeof(ct__t_##T) && bstrides[1] == (int64_t)sizeof(ct__t_##T)) { \
      if (n > 0 && data[0] != data[1]) memmove(data[0], data[1], (size_t)n * sizeof(ct__t_##T)); \
      return;                                                                                    \
    }                                                                                            \
    for (int64_t i = 0; i < n; i++) {                                                            \
      memmove(data[0] + i * bstrides[0], data[1] + i * bstrides[1], sizeof(ct__t_##T));          \
    }                                                                                            \
  }

/*
 * The dtypes in enum order, for the X-macros below. The second copy exists
 * because a macro cannot expand inside its own expansion, and the 12 x 12
 * pairs need one list nested in the other.
 */
#define CT__FOR_EACH_DTYPE(X, A)                                                                 \
  X(A, BOOL) X(A, UINT8) X(A, INT8) X(A, INT16) X(A, INT32) X(A, INT64) X(A, FLOAT16)            \
  X(A, BFLOAT16) X(A, FLOAT32) X(A, FLOAT64) X(A, COMPLEX64) X(A, COMPLEX128)
#define CT__FOR_EACH_DTYPE2(X, A)                                                                \
  X(A, BOOL) X(A, UINT8) X(A, INT8) X(A, INT16) X(A, INT32) X(A, INT64) X(A, FLOAT16)            \
  X(A, BFLOAT16) X(A, FLOAT32) X(A, FLOAT64) X(A, COMPLEX64) X(A, COMPLEX128)

/* Both lists must follow the enum exactly, since the tables below are indexed by it. */
#define CT__LIST_POSITION(IGNORED, T) CT__POS_##T,
#define CT__LIST_POSITION2(IGNORED, T) CT__POS2_##T,
enum { CT__FOR_EACH_DTYPE(CT__LIST_POSITION, _) CT__POS_COUNT };
enum { CT__FOR_EACH_DTYPE2(CT__LIST_POSITION2, _) CT__POS2_COUNT };
#define CT__CHECK_POSITION(IGNORED, T)                                                           \
  _Static_assert((int)CT__POS_##T == (int)CT_##T && (int)CT__POS2_##T == (int)CT_##T,           \
                 "the dtype lists name " #T " out of enum order");
CT__FOR_EACH_DTYPE(CT__CHECK_POSITION, _)
_Static_assert((int)CT__POS_COUNT == (int)CT_DTYPE_COUNT &&
                   (int)CT__POS2_COUNT == (int)CT_DTYPE_COUNT,
               "the dtype lists miss a dtype");

#define CT__DEFINE_CASTS_TO(IGNORED, DST) CT__FOR_EACH_DTYPE2(CT__DEFINE_CAST, DST)
CT__FOR_EACH_DTYPE(CT__DEFINE_CASTS_TO, _)

#define CT__DEFINE_COPY_X(IGNORED, T) CT__DEFINE_COPY(T)
CT__FOR_EACH_DTYPE(CT__DEFINE_COPY_X, _)

/* ct__cast_table[dst][src]; ct__cast_loop() serves the diagonal from ct__copy_table instead. */
#define CT__CAST_ENTRY(DST, SRC) ct__cast_##DST##_##SRC,
#define CT__CAST_ROW(IGNORED, DST) {CT__FOR_EACH_DTYPE2(CT__CAST_ENTRY, DST)},
static const ct__loop_fn ct__cast_table[CT_DTYPE_COUNT][CT_DTYPE_COUNT] = {
  CT__FOR_EACH_DTYPE(CT__CAST_ROW, _)
};

#define CT__COPY_ENTRY(IGNORED, T) ct__copy_##T,
static const ct__loop_fn ct__copy_table[CT_DTYPE_COUNT] = {CT__FOR_EACH_DTYPE(CT__COPY_ENTRY, _)};

ct__loop_fn ct__cast_loop(ct_dtype dst, ct_dtype src) {
  if (dst == src) return ct__copy_table[dst];
  return ct__cast_table[dst][src];
}

ct_status ct_dtype_convert(void *dst, ct_dtype dst_dtype, const void *src, ct_dtype src_dtype,
                           int64_t count) {
  static const char fn[] = "ct_dtype_convert";
  CT_CHECK_ARG(count >= 0, CT_ERR_INVALID_ARGUMENT, "%s: count = %lld is negative", fn,
               (long long)count);
  CT_CHECK_ARG(dst != NULL || count == 0, CT_ERR_INVALID_ARGUMENT,
               "%s: dst is NULL with count = %lld", fn, (long long)count);
  CT_CHECK_ARG(src != NULL || count == 0, CT_ERR_INVALID_ARGUMENT,
               "%s: src is NULL with count = %lld", fn, (long long)count);
  CT_CHECK_ARG(ct__dtype_valid(dst_dtype), CT_ERR_DTYPE,
               "%s: dst_dtype = %d is not a valid dtype", fn, (int)dst_dtype);
  CT_CHECK_ARG(ct__dtype_valid(src_dtype), CT_ERR_DTYPE,
               "%s: src_dtype = %d is not a valid dtype", fn, (int)src_dtype);
  if (count == 0) return CT_OK;

  char *data[2] = {(char *)dst, (char *)(uintptr_t)src};
  const int64_t bstrides[2] = {ct__itemsize(dst_dtype), ct__itemsize(src_dtype)};
  ct__cast_loop(dst_dtype, src_dtype)(data, bstrides, count, NULL);
  return CT_OK;
}
