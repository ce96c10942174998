/*
 * check_dtype.c: tests of include/ctensor/dtype.h: names and aliases, the
 * dtype properties, the default dtype, float16/bfloat16 rounding and every
 * conversion pair against values generated from PyTorch.
 */
#include <math.h>
#include <stdint.h>

#include "ct_test.h"

static const char *const canonical_names[CT_DTYPE_COUNT] = {
  "bool", "uint8", "int8", "int16", "int32", "int64",
  "float16", "bfloat16", "float32", "float64", "complex64", "complex128",
};

/* Out-of-range dtype values that every dtype-taking function must refuse. */
static const ct_dtype bad_dtypes[] = {CT_DTYPE_NONE, -2, CT_DTYPE_COUNT, 1000, INT32_MIN};
enum { N_BAD_DTYPES = sizeof bad_dtypes / sizeof bad_dtypes[0] };

/* ---- names ----------------------------------------------------------------------------------- */

START_TEST(test_name_canonical) {
  for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
    const char *name = NULL;
    CT_OK_(ct_dtype_name(&name, d));
    ck_assert_str_eq(name, canonical_names[d]);
  }
}
END_TEST

START_TEST(test_name_errors) {
  CT_FAILS_(ct_dtype_name(NULL, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_name: name is NULL");
  for (int i = 0; i < N_BAD_DTYPES; i++) {
    const char *name = "sentinel";
    char needle[64];
    snprintf(needle, sizeof needle, "ct_dtype_name: dtype = %d is not a valid dtype",
             (int)bad_dtypes[i]);
    CT_FAILS_(ct_dtype_name(&name, bad_dtypes[i]), CT_ERR_DTYPE, needle);
    ck_assert_ptr_null(name);
  }
}
END_TEST

START_TEST(test_from_name_canonical_and_prefixes) {
  static const char *const prefixes[] = {"", "torch.", "ctensor."};
  for (int p = 0; p < 3; p++) {
    for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
      char buf[64];
      snprintf(buf, sizeof buf, "%s%s", prefixes[p], canonical_names[d]);
      ct_dtype got = -7;
      CT_OK_(ct_dtype_from_name(&got, buf));
      ck_assert_int_eq(got, d);
    }
  }
}
END_TEST

START_TEST(test_from_name_aliases) {
  static const struct {
    const char *name;
    ct_dtype dtype;
  } aliases[] = {
    {"float", CT_FLOAT32},          {"double", CT_FLOAT64},
    {"half", CT_FLOAT16},           {"long", CT_INT64},
    {"int", CT_INT32},              {"short", CT_INT16},
    {"cfloat", CT_COMPLEX64},       {"cdouble", CT_COMPLEX128},
    {"torch.float", CT_FLOAT32},    {"torch.double", CT_FLOAT64},
    {"torch.half", CT_FLOAT16},     {"torch.long", CT_INT64},
    {"torch.int", CT_INT32},        {"torch.short", CT_INT16},
    {"torch.cfloat", CT_COMPLEX64}, {"torch.cdouble", CT_COMPLEX128},
    {"ctensor.half", CT_FLOAT16},   {"ctensor.cdouble", CT_COMPLEX128},
  };
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
    ct_dtype got = -7;
    CT_OK_(ct_dtype_from_name(&got, aliases[i].name));
    ck_assert_msg(got == aliases[i].dtype, "%s gave %d", aliases[i].name, (int)got);
  }
}
END_TEST

START_TEST(test_from_name_errors) {
  ct_dtype got = 5;
  CT_FAILS_(ct_dtype_from_name(NULL, "float32"), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_from_name: dtype is NULL");
  CT_FAILS_(ct_dtype_from_name(&got, NULL), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_from_name: name is NULL");
  ck_assert_int_eq(got, CT_DTYPE_NONE);

  static const char *const unknown[] = {
    "", "float33", "Float32", "FLOAT", "torch.", "torch.torch.float", "ctensor.torch.float",
    "float32 ", " float32", "tf32", "qint8", "uint16",
  };
  for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
    char needle[96];
    snprintf(needle, sizeof needle, "ct_dtype_from_name: unknown dtype name \"%s\"", unknown[i]);
    got = 5;
    CT_FAILS_(ct_dtype_from_name(&got, unknown[i]), CT_ERR_DTYPE, needle);
    ck_assert_int_eq(got, CT_DTYPE_NONE);
  }
  CT_FAILS_(ct_dtype_from_name(&got, "chalf"), CT_ERR_DTYPE,
            "ct_dtype_from_name: dtype \"chalf\" is not supported");
  CT_FAILS_(ct_dtype_from_name(&got, "torch.complex32"), CT_ERR_DTYPE,
            "ct_dtype_from_name: dtype \"torch.complex32\" is not supported");
}
END_TEST

/* A long unknown name is cut in the message, never overflowing the error record. */
START_TEST(test_from_name_long) {
  char name[4096];
  memset(name, 'x', sizeof name - 1);
  name[sizeof name - 1] = '\0';
  ct_dtype got;
  CT_FAILS_(ct_dtype_from_name(&got, name), CT_ERR_DTYPE, "ct_dtype_from_name: unknown dtype name");
  ck_assert_uint_lt(strlen(ct_last_error_message()), 200);
}
END_TEST

/* ---- properties ------------------------------------------------------------------------------ */

static const int64_t itemsizes[CT_DTYPE_COUNT] = {1, 1, 1, 2, 4, 8, 2, 2, 4, 8, 8, 16};
static const bool floating[CT_DTYPE_COUNT] = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0};
static const bool complex_[CT_DTYPE_COUNT] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
static const bool signed_[CT_DTYPE_COUNT] = {0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

START_TEST(test_properties) {
  for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
    int64_t size = -1;
    bool b = !floating[d];
    CT_OK_(ct_dtype_itemsize(&size, d));
    ck_assert_int_eq(size, itemsizes[d]);
    CT_OK_(ct_dtype_is_floating_point(&b, d));
    ck_assert_int_eq(b, floating[d]);
    b = !complex_[d];
    CT_OK_(ct_dtype_is_complex(&b, d));
    ck_assert_int_eq(b, complex_[d]);
    b = !signed_[d];
    CT_OK_(ct_dtype_is_signed(&b, d));
    ck_assert_int_eq(b, signed_[d]);
  }
}
END_TEST

START_TEST(test_properties_errors) {
  CT_FAILS_(ct_dtype_itemsize(NULL, CT_INT8), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_itemsize: itemsize is NULL");
  CT_FAILS_(ct_dtype_is_floating_point(NULL, CT_INT8), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_is_floating_point: result is NULL");
  CT_FAILS_(ct_dtype_is_complex(NULL, CT_INT8), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_is_complex: result is NULL");
  CT_FAILS_(ct_dtype_is_signed(NULL, CT_INT8), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_is_signed: result is NULL");
  for (int i = 0; i < N_BAD_DTYPES; i++) {
    char needle[64];
    int64_t size = 3;
    bool b = true;
    snprintf(needle, sizeof needle, "dtype = %d is not a valid dtype", (int)bad_dtypes[i]);
    CT_FAILS_(ct_dtype_itemsize(&size, bad_dtypes[i]), CT_ERR_DTYPE, needle);
    ck_assert_int_eq(size, 0);
    CT_FAILS_(ct_dtype_is_floating_point(&b, bad_dtypes[i]), CT_ERR_DTYPE, needle);
    ck_assert(!b);
    b = true;
    CT_FAILS_(ct_dtype_is_complex(&b, bad_dtypes[i]), CT_ERR_DTYPE, needle);
    ck_assert(!b);
    b = true;
    CT_FAILS_(ct_dtype_is_signed(&b, bad_dtypes[i]), CT_ERR_DTYPE, needle);
    ck_assert(!b);
  }
  CT_FAILS_(ct_dtype_is_signed(NULL, 99), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_is_signed: result is NULL");
}
END_TEST

/* ---- the default dtype ----------------------------------------------------------------------- */

START_TEST(test_default_dtype) {
  ct_dtype d = -5;
  CT_OK_(ct_get_default_dtype(&d));
  ck_assert_int_eq(d, CT_FLOAT32);
  static const ct_dtype allowed[] = {CT_FLOAT16, CT_BFLOAT16, CT_FLOAT64, CT_FLOAT32};
  for (int i = 0; i < 4; i++) {
    CT_OK_(ct_set_default_dtype(allowed[i]));
    CT_OK_(ct_get_default_dtype(&d));
    ck_assert_int_eq(d, allowed[i]);
  }
}
END_TEST

START_TEST(test_default_dtype_errors) {
  CT_FAILS_(ct_get_default_dtype(NULL), CT_ERR_INVALID_ARGUMENT,
            "ct_get_default_dtype: dtype is NULL");
  CT_OK_(ct_set_default_dtype(CT_FLOAT64));
  for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
    if (floating[d]) continue;
    char needle[96];
    snprintf(needle, sizeof needle, "ct_set_default_dtype: dtype %s is not a floating point dtype",
             canonical_names[d]);
    CT_FAILS_(ct_set_default_dtype(d), CT_ERR_DTYPE, needle);
  }
  for (int i = 0; i < N_BAD_DTYPES; i++) {
    char needle[96];
    snprintf(needle, sizeof needle, "ct_set_default_dtype: dtype = %d is not a valid dtype",
             (int)bad_dtypes[i]);
    CT_FAILS_(ct_set_default_dtype(bad_dtypes[i]), CT_ERR_DTYPE, needle);
  }
  /* A refused value leaves the default as it was. */
  ct_dtype d;
  CT_OK_(ct_get_default_dtype(&d));
  ck_assert_int_eq(d, CT_FLOAT64);
  CT_OK_(ct_set_default_dtype(CT_FLOAT32));
}
END_TEST

/* ---- float16 and bfloat16 -------------------------------------------------------------------- */

static uint32_t f32_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

static float f32_from_bits(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

/* The bits of f converted to dtype, float16 or bfloat16. */
static uint16_t to_half(ct_dtype dtype, float f) {
  uint16_t h = 0xDEAD;
  CT_OK_(ct_dtype_convert(&h, dtype, &f, CT_FLOAT32, 1));
  return h;
}

static uint16_t to_f16(float f) { return to_half(CT_FLOAT16, f); }

static uint16_t to_bf16(float f) { return to_half(CT_BFLOAT16, f); }

/* The value of a finite float16 by its definition (exact in float; 0x7C00 read as 65536). */
static float f16_value(uint16_t h) {
  int e = (h >> 10) & 0x1F;
  int m = h & 0x3FF;
  float v = e == 0 ? ldexpf((float)m, -24) : ldexpf((float)(m | 0x400), e - 25);
  return (h & 0x8000) ? -v : v;
}

/*
 * All 65536 float16 patterns to float32: exact values, infinities, and NaNs
 * made quiet with their sign and payload kept.
 */
START_TEST(test_f16_to_f32_exhaustive) {
  static uint16_t in[65536];
  static float out[65536];
  for (uint32_t i = 0; i < 65536; i++) in[i] = (uint16_t)i;
  CT_OK_(ct_dtype_convert(out, CT_FLOAT32, in, CT_FLOAT16, 65536));
  for (uint32_t h = 0; h < 65536; h++) {
    uint32_t sign = (h & 0x8000u) << 16;
    uint32_t want;
    if ((h & 0x7C00u) == 0x7C00u) {
      want = (h & 0x3FFu) == 0 ? sign | 0x7F800000u : sign | 0x7FC00000u | (h & 0x3FFu) << 13;
    } else {
      want = f32_bits(f16_value((uint16_t)h));
    }
    ck_assert_msg(f32_bits(out[h]) == want, "f16 0x%04x -> f32 0x%08x, expected 0x%08x", h,
                  f32_bits(out[h]), want);
  }
}
END_TEST

/*
 * float32 to float16 rounds to nearest even: for every pair of neighbouring
 * float16 values (of both signs), the midpoint goes to the even one and the
 * floats just below and above it go down and up. The last pair is 65504 and
 * the overflow threshold, so 65520 goes to infinity and its predecessor to
 * 65504; the first pair is 0 and 2^-24, so 2^-25 goes to zero.
 */
START_TEST(test_f32_to_f16_rounding) {
  for (uint32_t h = 0; h < 0x7C00u; h++) {
    for (uint32_t sign = 0; sign <= 0x8000u; sign += 0x8000u) {
      uint16_t a = (uint16_t)(h | sign), b = (uint16_t)((h + 1) | sign);
      float mid = (f16_value(a) + f16_value(b)) / 2;
      uint16_t even = (h & 1) ? b : a;
      ck_assert_msg(to_f16(f16_value(a)) == a, "0x%04x does not round-trip", a);
      ck_assert_msg(to_f16(mid) == even, "midpoint of 0x%04x: 0x%04x", a, to_f16(mid));
      ck_assert_msg(to_f16(nextafterf(mid, 0)) == a, "below the midpoint of 0x%04x", a);
      ck_assert_msg(to_f16(nextafterf(mid, sign ? -INFINITY : INFINITY)) == b,
                    "above the midpoint of 0x%04x", a);
    }
  }
  ck_assert_uint_eq(to_f16(65519.996f), 0x7BFF);
  ck_assert_uint_eq(to_f16(65520.0f), 0x7C00);
  ck_assert_uint_eq(to_f16(-65520.0f), 0xFC00);
  ck_assert_uint_eq(to_f16(1e30f), 0x7C00);
  ck_assert_uint_eq(to_f16(INFINITY), 0x7C00);
  ck_assert_uint_eq(to_f16(-INFINITY), 0xFC00);
  ck_assert_uint_eq(to_f16(1e-8f), 0x0000);
  ck_assert_uint_eq(to_f16(-1e-8f), 0x8000);
  ck_assert_uint_eq(to_f16(f32_from_bits(0x00000001u)), 0x0000);
  ck_assert_uint_eq(to_f16(-0.0f), 0x8000);
}
END_TEST

/* Each float32 NaN nans[0 .. 4] converts to dtype (float16 or bfloat16) as want, negated as want_neg. */
static void check_nans_to_half(ct_dtype dtype, const uint32_t nans[5], uint16_t want, uint16_t want_neg) {
  for (int i = 0; i < 5; i++) {
    for (int neg = 0; neg < 2; neg++) {
      uint32_t bits = neg ? nans[i] | 0x80000000u : nans[i];
      uint16_t got = to_half(dtype, f32_from_bits(bits));
      ck_assert_msg(got == (neg ? want_neg : want), "dtype %d: NaN 0x%08x gave 0x%04x, expected 0x%04x", (int)dtype,
                    bits, got, neg ? want_neg : want);
    }
  }
}

/* NaN to float16 is the quiet NaN 0x7E00, sign kept and payload dropped, as c10::Half. */
START_TEST(test_f32_to_f16_nan) {
  static const uint32_t nans[5] = {0x7FC00000u, 0x7F800001u, 0x7FE00000u, 0x7FFFFFFFu, 0x7FC02000u};
  check_nans_to_half(CT_FLOAT16, nans, 0x7E00, 0xFE00);
}
END_TEST

/* bfloat16 to float32 is exact (the upper half); float32 to bfloat16 rounds to nearest even. */
START_TEST(test_bf16_exhaustive) {
  static uint16_t in[65536];
  static float out[65536];
  for (uint32_t i = 0; i < 65536; i++) in[i] = (uint16_t)i;
  CT_OK_(ct_dtype_convert(out, CT_FLOAT32, in, CT_BFLOAT16, 65536));
  for (uint32_t b = 0; b < 65536; b++) {
    ck_assert_uint_eq(f32_bits(out[b]), b << 16);
    if ((b & 0x7FFFu) >= 0x7F80u) continue; /* infinities and NaN below */
    uint32_t x = b << 16;
    uint16_t up = (uint16_t)(b + 1); /* 0x7F7F + 1 is infinity: the overflow by rounding */
    ck_assert_uint_eq(to_bf16(f32_from_bits(x)), b);
    ck_assert_uint_eq(to_bf16(f32_from_bits(x | 0x7FFFu)), b);
    ck_assert_uint_eq(to_bf16(f32_from_bits(x | 0x8000u)), (b & 1) ? up : b);
    ck_assert_uint_eq(to_bf16(f32_from_bits(x | 0x8001u)), up);
    ck_assert_uint_eq(to_bf16(f32_from_bits(x | 0xFFFFu)), up);
  }
  ck_assert_uint_eq(to_bf16(INFINITY), 0x7F80);
  ck_assert_uint_eq(to_bf16(-INFINITY), 0xFF80);
  ck_assert_uint_eq(to_bf16(3.4028235e38f), 0x7F80);
}
END_TEST

/* Every NaN to bfloat16 is 0x7FC0, whatever its sign, as c10::BFloat16. */
START_TEST(test_f32_to_bf16_nan) {
  static const uint32_t nans[5] = {0x7FC00000u, 0x7F800001u, 0x7FFF0000u, 0x7FFFFFFFu, 0x7F80FFFFu};
  check_nans_to_half(CT_BFLOAT16, nans, 0x7FC0, 0x7FC0);
}
END_TEST

/* ---- conversions: the table generated from PyTorch ------------------------------------------- */

struct cvt_case {
  ct_dtype src;
  uint64_t src_lo, src_hi;
  ct_dtype dst;
  uint64_t dst_lo, dst_hi;
};

/* BEGIN GENERATED by tools/gen_convert_cases.py */
/* Generated by tools/gen_convert_cases.py from PyTorch 1.13.0a0 on x86-64; do not edit. */
/* Cases rewritten from PyTorch's output (see the script's docstring):
 *   float32 nan -> bfloat16: torch 0xffff, ctensor 0x7fc0
 *   float32 -nan -> bfloat16: torch 0xffff, ctensor 0x7fc0
 *   complex64 (0.0, 1.0) -> bool: torch 0, ctensor 1
 *   complex64 (0.0, nan) -> bool: torch 0, ctensor 1
 *   complex128 (0.0, 1.0) -> bool: torch 0, ctensor 1
 *   complex128 (0.0, nan) -> bool: torch 0, ctensor 1
 */
static const struct cvt_case cvt_cases[] = {
  /* bool False */
  {CT_BOOL, 0, 0, CT_UINT8, 0, 0},
  {CT_BOOL, 0, 0, CT_INT8, 0, 0},
  {CT_BOOL, 0, 0, CT_INT16, 0, 0},
  {CT_BOOL, 0, 0, CT_INT32, 0, 0},
  {CT_BOOL, 0, 0, CT_INT64, 0, 0},
  {CT_BOOL, 0, 0, CT_FLOAT16, 0, 0},
  {CT_BOOL, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_BOOL, 0, 0, CT_FLOAT32, 0, 0},
  {CT_BOOL, 0, 0, CT_FLOAT64, 0, 0},
  {CT_BOOL, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_BOOL, 0, 0, CT_COMPLEX128, 0, 0},
  /* bool True */
  {CT_BOOL, 0x1u, 0, CT_UINT8, 0x1u, 0},
  {CT_BOOL, 0x1u, 0, CT_INT8, 0x1u, 0},
  {CT_BOOL, 0x1u, 0, CT_INT16, 0x1u, 0},
  {CT_BOOL, 0x1u, 0, CT_INT32, 0x1u, 0},
  {CT_BOOL, 0x1u, 0, CT_INT64, 0x1u, 0},
  {CT_BOOL, 0x1u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_BOOL, 0x1u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_BOOL, 0x1u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_BOOL, 0x1u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_BOOL, 0x1u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_BOOL, 0x1u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* uint8 0 */
  {CT_UINT8, 0, 0, CT_BOOL, 0, 0},
  {CT_UINT8, 0, 0, CT_INT8, 0, 0},
  {CT_UINT8, 0, 0, CT_INT16, 0, 0},
  {CT_UINT8, 0, 0, CT_INT32, 0, 0},
  {CT_UINT8, 0, 0, CT_INT64, 0, 0},
  {CT_UINT8, 0, 0, CT_FLOAT16, 0, 0},
  {CT_UINT8, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_UINT8, 0, 0, CT_FLOAT32, 0, 0},
  {CT_UINT8, 0, 0, CT_FLOAT64, 0, 0},
  {CT_UINT8, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_UINT8, 0, 0, CT_COMPLEX128, 0, 0},
  /* uint8 1 */
  {CT_UINT8, 0x1u, 0, CT_BOOL, 0x1u, 0},
  {CT_UINT8, 0x1u, 0, CT_INT8, 0x1u, 0},
  {CT_UINT8, 0x1u, 0, CT_INT16, 0x1u, 0},
  {CT_UINT8, 0x1u, 0, CT_INT32, 0x1u, 0},
  {CT_UINT8, 0x1u, 0, CT_INT64, 0x1u, 0},
  {CT_UINT8, 0x1u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_UINT8, 0x1u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_UINT8, 0x1u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_UINT8, 0x1u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_UINT8, 0x1u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_UINT8, 0x1u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* uint8 127 */
  {CT_UINT8, 0x7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_UINT8, 0x7fu, 0, CT_INT8, 0x7fu, 0},
  {CT_UINT8, 0x7fu, 0, CT_INT16, 0x7fu, 0},
  {CT_UINT8, 0x7fu, 0, CT_INT32, 0x7fu, 0},
  {CT_UINT8, 0x7fu, 0, CT_INT64, 0x7fu, 0},
  {CT_UINT8, 0x7fu, 0, CT_FLOAT16, 0x57f0u, 0},
  {CT_UINT8, 0x7fu, 0, CT_BFLOAT16, 0x42feu, 0},
  {CT_UINT8, 0x7fu, 0, CT_FLOAT32, 0x42fe0000u, 0},
  {CT_UINT8, 0x7fu, 0, CT_FLOAT64, 0x405fc00000000000u, 0},
  {CT_UINT8, 0x7fu, 0, CT_COMPLEX64, 0x42fe0000u, 0},
  {CT_UINT8, 0x7fu, 0, CT_COMPLEX128, 0x405fc00000000000u, 0},
  /* uint8 128 */
  {CT_UINT8, 0x80u, 0, CT_BOOL, 0x1u, 0},
  {CT_UINT8, 0x80u, 0, CT_INT8, 0x80u, 0},
  {CT_UINT8, 0x80u, 0, CT_INT16, 0x80u, 0},
  {CT_UINT8, 0x80u, 0, CT_INT32, 0x80u, 0},
  {CT_UINT8, 0x80u, 0, CT_INT64, 0x80u, 0},
  {CT_UINT8, 0x80u, 0, CT_FLOAT16, 0x5800u, 0},
  {CT_UINT8, 0x80u, 0, CT_BFLOAT16, 0x4300u, 0},
  {CT_UINT8, 0x80u, 0, CT_FLOAT32, 0x43000000u, 0},
  {CT_UINT8, 0x80u, 0, CT_FLOAT64, 0x4060000000000000u, 0},
  {CT_UINT8, 0x80u, 0, CT_COMPLEX64, 0x43000000u, 0},
  {CT_UINT8, 0x80u, 0, CT_COMPLEX128, 0x4060000000000000u, 0},
  /* uint8 200 */
  {CT_UINT8, 0xc8u, 0, CT_BOOL, 0x1u, 0},
  {CT_UINT8, 0xc8u, 0, CT_INT8, 0xc8u, 0},
  {CT_UINT8, 0xc8u, 0, CT_INT16, 0xc8u, 0},
  {CT_UINT8, 0xc8u, 0, CT_INT32, 0xc8u, 0},
  {CT_UINT8, 0xc8u, 0, CT_INT64, 0xc8u, 0},
  {CT_UINT8, 0xc8u, 0, CT_FLOAT16, 0x5a40u, 0},
  {CT_UINT8, 0xc8u, 0, CT_BFLOAT16, 0x4348u, 0},
  {CT_UINT8, 0xc8u, 0, CT_FLOAT32, 0x43480000u, 0},
  {CT_UINT8, 0xc8u, 0, CT_FLOAT64, 0x4069000000000000u, 0},
  {CT_UINT8, 0xc8u, 0, CT_COMPLEX64, 0x43480000u, 0},
  {CT_UINT8, 0xc8u, 0, CT_COMPLEX128, 0x4069000000000000u, 0},
  /* uint8 255 */
  {CT_UINT8, 0xffu, 0, CT_BOOL, 0x1u, 0},
  {CT_UINT8, 0xffu, 0, CT_INT8, 0xffu, 0},
  {CT_UINT8, 0xffu, 0, CT_INT16, 0xffu, 0},
  {CT_UINT8, 0xffu, 0, CT_INT32, 0xffu, 0},
  {CT_UINT8, 0xffu, 0, CT_INT64, 0xffu, 0},
  {CT_UINT8, 0xffu, 0, CT_FLOAT16, 0x5bf8u, 0},
  {CT_UINT8, 0xffu, 0, CT_BFLOAT16, 0x437fu, 0},
  {CT_UINT8, 0xffu, 0, CT_FLOAT32, 0x437f0000u, 0},
  {CT_UINT8, 0xffu, 0, CT_FLOAT64, 0x406fe00000000000u, 0},
  {CT_UINT8, 0xffu, 0, CT_COMPLEX64, 0x437f0000u, 0},
  {CT_UINT8, 0xffu, 0, CT_COMPLEX128, 0x406fe00000000000u, 0},
  /* int8 0 */
  {CT_INT8, 0, 0, CT_BOOL, 0, 0},
  {CT_INT8, 0, 0, CT_UINT8, 0, 0},
  {CT_INT8, 0, 0, CT_INT16, 0, 0},
  {CT_INT8, 0, 0, CT_INT32, 0, 0},
  {CT_INT8, 0, 0, CT_INT64, 0, 0},
  {CT_INT8, 0, 0, CT_FLOAT16, 0, 0},
  {CT_INT8, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_INT8, 0, 0, CT_FLOAT32, 0, 0},
  {CT_INT8, 0, 0, CT_FLOAT64, 0, 0},
  {CT_INT8, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_INT8, 0, 0, CT_COMPLEX128, 0, 0},
  /* int8 1 */
  {CT_INT8, 0x1u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT8, 0x1u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT8, 0x1u, 0, CT_INT16, 0x1u, 0},
  {CT_INT8, 0x1u, 0, CT_INT32, 0x1u, 0},
  {CT_INT8, 0x1u, 0, CT_INT64, 0x1u, 0},
  {CT_INT8, 0x1u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_INT8, 0x1u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_INT8, 0x1u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_INT8, 0x1u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_INT8, 0x1u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_INT8, 0x1u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* int8 -1 */
  {CT_INT8, 0xffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT8, 0xffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT8, 0xffu, 0, CT_INT16, 0xffffu, 0},
  {CT_INT8, 0xffu, 0, CT_INT32, 0xffffffffu, 0},
  {CT_INT8, 0xffu, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_INT8, 0xffu, 0, CT_FLOAT16, 0xbc00u, 0},
  {CT_INT8, 0xffu, 0, CT_BFLOAT16, 0xbf80u, 0},
  {CT_INT8, 0xffu, 0, CT_FLOAT32, 0xbf800000u, 0},
  {CT_INT8, 0xffu, 0, CT_FLOAT64, 0xbff0000000000000u, 0},
  {CT_INT8, 0xffu, 0, CT_COMPLEX64, 0xbf800000u, 0},
  {CT_INT8, 0xffu, 0, CT_COMPLEX128, 0xbff0000000000000u, 0},
  /* int8 127 */
  {CT_INT8, 0x7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT8, 0x7fu, 0, CT_UINT8, 0x7fu, 0},
  {CT_INT8, 0x7fu, 0, CT_INT16, 0x7fu, 0},
  {CT_INT8, 0x7fu, 0, CT_INT32, 0x7fu, 0},
  {CT_INT8, 0x7fu, 0, CT_INT64, 0x7fu, 0},
  {CT_INT8, 0x7fu, 0, CT_FLOAT16, 0x57f0u, 0},
  {CT_INT8, 0x7fu, 0, CT_BFLOAT16, 0x42feu, 0},
  {CT_INT8, 0x7fu, 0, CT_FLOAT32, 0x42fe0000u, 0},
  {CT_INT8, 0x7fu, 0, CT_FLOAT64, 0x405fc00000000000u, 0},
  {CT_INT8, 0x7fu, 0, CT_COMPLEX64, 0x42fe0000u, 0},
  {CT_INT8, 0x7fu, 0, CT_COMPLEX128, 0x405fc00000000000u, 0},
  /* int8 -128 */
  {CT_INT8, 0x80u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT8, 0x80u, 0, CT_UINT8, 0x80u, 0},
  {CT_INT8, 0x80u, 0, CT_INT16, 0xff80u, 0},
  {CT_INT8, 0x80u, 0, CT_INT32, 0xffffff80u, 0},
  {CT_INT8, 0x80u, 0, CT_INT64, 0xffffffffffffff80u, 0},
  {CT_INT8, 0x80u, 0, CT_FLOAT16, 0xd800u, 0},
  {CT_INT8, 0x80u, 0, CT_BFLOAT16, 0xc300u, 0},
  {CT_INT8, 0x80u, 0, CT_FLOAT32, 0xc3000000u, 0},
  {CT_INT8, 0x80u, 0, CT_FLOAT64, 0xc060000000000000u, 0},
  {CT_INT8, 0x80u, 0, CT_COMPLEX64, 0xc3000000u, 0},
  {CT_INT8, 0x80u, 0, CT_COMPLEX128, 0xc060000000000000u, 0},
  /* int8 100 */
  {CT_INT8, 0x64u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT8, 0x64u, 0, CT_UINT8, 0x64u, 0},
  {CT_INT8, 0x64u, 0, CT_INT16, 0x64u, 0},
  {CT_INT8, 0x64u, 0, CT_INT32, 0x64u, 0},
  {CT_INT8, 0x64u, 0, CT_INT64, 0x64u, 0},
  {CT_INT8, 0x64u, 0, CT_FLOAT16, 0x5640u, 0},
  {CT_INT8, 0x64u, 0, CT_BFLOAT16, 0x42c8u, 0},
  {CT_INT8, 0x64u, 0, CT_FLOAT32, 0x42c80000u, 0},
  {CT_INT8, 0x64u, 0, CT_FLOAT64, 0x4059000000000000u, 0},
  {CT_INT8, 0x64u, 0, CT_COMPLEX64, 0x42c80000u, 0},
  {CT_INT8, 0x64u, 0, CT_COMPLEX128, 0x4059000000000000u, 0},
  /* int8 -100 */
  {CT_INT8, 0x9cu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT8, 0x9cu, 0, CT_UINT8, 0x9cu, 0},
  {CT_INT8, 0x9cu, 0, CT_INT16, 0xff9cu, 0},
  {CT_INT8, 0x9cu, 0, CT_INT32, 0xffffff9cu, 0},
  {CT_INT8, 0x9cu, 0, CT_INT64, 0xffffffffffffff9cu, 0},
  {CT_INT8, 0x9cu, 0, CT_FLOAT16, 0xd640u, 0},
  {CT_INT8, 0x9cu, 0, CT_BFLOAT16, 0xc2c8u, 0},
  {CT_INT8, 0x9cu, 0, CT_FLOAT32, 0xc2c80000u, 0},
  {CT_INT8, 0x9cu, 0, CT_FLOAT64, 0xc059000000000000u, 0},
  {CT_INT8, 0x9cu, 0, CT_COMPLEX64, 0xc2c80000u, 0},
  {CT_INT8, 0x9cu, 0, CT_COMPLEX128, 0xc059000000000000u, 0},
  /* int16 0 */
  {CT_INT16, 0, 0, CT_BOOL, 0, 0},
  {CT_INT16, 0, 0, CT_UINT8, 0, 0},
  {CT_INT16, 0, 0, CT_INT8, 0, 0},
  {CT_INT16, 0, 0, CT_INT32, 0, 0},
  {CT_INT16, 0, 0, CT_INT64, 0, 0},
  {CT_INT16, 0, 0, CT_FLOAT16, 0, 0},
  {CT_INT16, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_INT16, 0, 0, CT_FLOAT32, 0, 0},
  {CT_INT16, 0, 0, CT_FLOAT64, 0, 0},
  {CT_INT16, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_INT16, 0, 0, CT_COMPLEX128, 0, 0},
  /* int16 1 */
  {CT_INT16, 0x1u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0x1u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT16, 0x1u, 0, CT_INT8, 0x1u, 0},
  {CT_INT16, 0x1u, 0, CT_INT32, 0x1u, 0},
  {CT_INT16, 0x1u, 0, CT_INT64, 0x1u, 0},
  {CT_INT16, 0x1u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_INT16, 0x1u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_INT16, 0x1u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_INT16, 0x1u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_INT16, 0x1u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_INT16, 0x1u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* int16 -1 */
  {CT_INT16, 0xffffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0xffffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT16, 0xffffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT16, 0xffffu, 0, CT_INT32, 0xffffffffu, 0},
  {CT_INT16, 0xffffu, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_INT16, 0xffffu, 0, CT_FLOAT16, 0xbc00u, 0},
  {CT_INT16, 0xffffu, 0, CT_BFLOAT16, 0xbf80u, 0},
  {CT_INT16, 0xffffu, 0, CT_FLOAT32, 0xbf800000u, 0},
  {CT_INT16, 0xffffu, 0, CT_FLOAT64, 0xbff0000000000000u, 0},
  {CT_INT16, 0xffffu, 0, CT_COMPLEX64, 0xbf800000u, 0},
  {CT_INT16, 0xffffu, 0, CT_COMPLEX128, 0xbff0000000000000u, 0},
  /* int16 127 */
  {CT_INT16, 0x7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0x7fu, 0, CT_UINT8, 0x7fu, 0},
  {CT_INT16, 0x7fu, 0, CT_INT8, 0x7fu, 0},
  {CT_INT16, 0x7fu, 0, CT_INT32, 0x7fu, 0},
  {CT_INT16, 0x7fu, 0, CT_INT64, 0x7fu, 0},
  {CT_INT16, 0x7fu, 0, CT_FLOAT16, 0x57f0u, 0},
  {CT_INT16, 0x7fu, 0, CT_BFLOAT16, 0x42feu, 0},
  {CT_INT16, 0x7fu, 0, CT_FLOAT32, 0x42fe0000u, 0},
  {CT_INT16, 0x7fu, 0, CT_FLOAT64, 0x405fc00000000000u, 0},
  {CT_INT16, 0x7fu, 0, CT_COMPLEX64, 0x42fe0000u, 0},
  {CT_INT16, 0x7fu, 0, CT_COMPLEX128, 0x405fc00000000000u, 0},
  /* int16 128 */
  {CT_INT16, 0x80u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0x80u, 0, CT_UINT8, 0x80u, 0},
  {CT_INT16, 0x80u, 0, CT_INT8, 0x80u, 0},
  {CT_INT16, 0x80u, 0, CT_INT32, 0x80u, 0},
  {CT_INT16, 0x80u, 0, CT_INT64, 0x80u, 0},
  {CT_INT16, 0x80u, 0, CT_FLOAT16, 0x5800u, 0},
  {CT_INT16, 0x80u, 0, CT_BFLOAT16, 0x4300u, 0},
  {CT_INT16, 0x80u, 0, CT_FLOAT32, 0x43000000u, 0},
  {CT_INT16, 0x80u, 0, CT_FLOAT64, 0x4060000000000000u, 0},
  {CT_INT16, 0x80u, 0, CT_COMPLEX64, 0x43000000u, 0},
  {CT_INT16, 0x80u, 0, CT_COMPLEX128, 0x4060000000000000u, 0},
  /* int16 -129 */
  {CT_INT16, 0xff7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0xff7fu, 0, CT_UINT8, 0x7fu, 0},
  {CT_INT16, 0xff7fu, 0, CT_INT8, 0x7fu, 0},
  {CT_INT16, 0xff7fu, 0, CT_INT32, 0xffffff7fu, 0},
  {CT_INT16, 0xff7fu, 0, CT_INT64, 0xffffffffffffff7fu, 0},
  {CT_INT16, 0xff7fu, 0, CT_FLOAT16, 0xd808u, 0},
  {CT_INT16, 0xff7fu, 0, CT_BFLOAT16, 0xc301u, 0},
  {CT_INT16, 0xff7fu, 0, CT_FLOAT32, 0xc3010000u, 0},
  {CT_INT16, 0xff7fu, 0, CT_FLOAT64, 0xc060200000000000u, 0},
  {CT_INT16, 0xff7fu, 0, CT_COMPLEX64, 0xc3010000u, 0},
  {CT_INT16, 0xff7fu, 0, CT_COMPLEX128, 0xc060200000000000u, 0},
  /* int16 255 */
  {CT_INT16, 0xffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0xffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT16, 0xffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT16, 0xffu, 0, CT_INT32, 0xffu, 0},
  {CT_INT16, 0xffu, 0, CT_INT64, 0xffu, 0},
  {CT_INT16, 0xffu, 0, CT_FLOAT16, 0x5bf8u, 0},
  {CT_INT16, 0xffu, 0, CT_BFLOAT16, 0x437fu, 0},
  {CT_INT16, 0xffu, 0, CT_FLOAT32, 0x437f0000u, 0},
  {CT_INT16, 0xffu, 0, CT_FLOAT64, 0x406fe00000000000u, 0},
  {CT_INT16, 0xffu, 0, CT_COMPLEX64, 0x437f0000u, 0},
  {CT_INT16, 0xffu, 0, CT_COMPLEX128, 0x406fe00000000000u, 0},
  /* int16 256 */
  {CT_INT16, 0x100u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0x100u, 0, CT_UINT8, 0, 0},
  {CT_INT16, 0x100u, 0, CT_INT8, 0, 0},
  {CT_INT16, 0x100u, 0, CT_INT32, 0x100u, 0},
  {CT_INT16, 0x100u, 0, CT_INT64, 0x100u, 0},
  {CT_INT16, 0x100u, 0, CT_FLOAT16, 0x5c00u, 0},
  {CT_INT16, 0x100u, 0, CT_BFLOAT16, 0x4380u, 0},
  {CT_INT16, 0x100u, 0, CT_FLOAT32, 0x43800000u, 0},
  {CT_INT16, 0x100u, 0, CT_FLOAT64, 0x4070000000000000u, 0},
  {CT_INT16, 0x100u, 0, CT_COMPLEX64, 0x43800000u, 0},
  {CT_INT16, 0x100u, 0, CT_COMPLEX128, 0x4070000000000000u, 0},
  /* int16 2049 */
  {CT_INT16, 0x801u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0x801u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT16, 0x801u, 0, CT_INT8, 0x1u, 0},
  {CT_INT16, 0x801u, 0, CT_INT32, 0x801u, 0},
  {CT_INT16, 0x801u, 0, CT_INT64, 0x801u, 0},
  {CT_INT16, 0x801u, 0, CT_FLOAT16, 0x6800u, 0},
  {CT_INT16, 0x801u, 0, CT_BFLOAT16, 0x4500u, 0},
  {CT_INT16, 0x801u, 0, CT_FLOAT32, 0x45001000u, 0},
  {CT_INT16, 0x801u, 0, CT_FLOAT64, 0x40a0020000000000u, 0},
  {CT_INT16, 0x801u, 0, CT_COMPLEX64, 0x45001000u, 0},
  {CT_INT16, 0x801u, 0, CT_COMPLEX128, 0x40a0020000000000u, 0},
  /* int16 32767 */
  {CT_INT16, 0x7fffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0x7fffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT16, 0x7fffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT16, 0x7fffu, 0, CT_INT32, 0x7fffu, 0},
  {CT_INT16, 0x7fffu, 0, CT_INT64, 0x7fffu, 0},
  {CT_INT16, 0x7fffu, 0, CT_FLOAT16, 0x7800u, 0},
  {CT_INT16, 0x7fffu, 0, CT_BFLOAT16, 0x4700u, 0},
  {CT_INT16, 0x7fffu, 0, CT_FLOAT32, 0x46fffe00u, 0},
  {CT_INT16, 0x7fffu, 0, CT_FLOAT64, 0x40dfffc000000000u, 0},
  {CT_INT16, 0x7fffu, 0, CT_COMPLEX64, 0x46fffe00u, 0},
  {CT_INT16, 0x7fffu, 0, CT_COMPLEX128, 0x40dfffc000000000u, 0},
  /* int16 -32768 */
  {CT_INT16, 0x8000u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0x8000u, 0, CT_UINT8, 0, 0},
  {CT_INT16, 0x8000u, 0, CT_INT8, 0, 0},
  {CT_INT16, 0x8000u, 0, CT_INT32, 0xffff8000u, 0},
  {CT_INT16, 0x8000u, 0, CT_INT64, 0xffffffffffff8000u, 0},
  {CT_INT16, 0x8000u, 0, CT_FLOAT16, 0xf800u, 0},
  {CT_INT16, 0x8000u, 0, CT_BFLOAT16, 0xc700u, 0},
  {CT_INT16, 0x8000u, 0, CT_FLOAT32, 0xc7000000u, 0},
  {CT_INT16, 0x8000u, 0, CT_FLOAT64, 0xc0e0000000000000u, 0},
  {CT_INT16, 0x8000u, 0, CT_COMPLEX64, 0xc7000000u, 0},
  {CT_INT16, 0x8000u, 0, CT_COMPLEX128, 0xc0e0000000000000u, 0},
  /* int16 -1000 */
  {CT_INT16, 0xfc18u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT16, 0xfc18u, 0, CT_UINT8, 0x18u, 0},
  {CT_INT16, 0xfc18u, 0, CT_INT8, 0x18u, 0},
  {CT_INT16, 0xfc18u, 0, CT_INT32, 0xfffffc18u, 0},
  {CT_INT16, 0xfc18u, 0, CT_INT64, 0xfffffffffffffc18u, 0},
  {CT_INT16, 0xfc18u, 0, CT_FLOAT16, 0xe3d0u, 0},
  {CT_INT16, 0xfc18u, 0, CT_BFLOAT16, 0xc47au, 0},
  {CT_INT16, 0xfc18u, 0, CT_FLOAT32, 0xc47a0000u, 0},
  {CT_INT16, 0xfc18u, 0, CT_FLOAT64, 0xc08f400000000000u, 0},
  {CT_INT16, 0xfc18u, 0, CT_COMPLEX64, 0xc47a0000u, 0},
  {CT_INT16, 0xfc18u, 0, CT_COMPLEX128, 0xc08f400000000000u, 0},
  /* int32 0 */
  {CT_INT32, 0, 0, CT_BOOL, 0, 0},
  {CT_INT32, 0, 0, CT_UINT8, 0, 0},
  {CT_INT32, 0, 0, CT_INT8, 0, 0},
  {CT_INT32, 0, 0, CT_INT16, 0, 0},
  {CT_INT32, 0, 0, CT_INT64, 0, 0},
  {CT_INT32, 0, 0, CT_FLOAT16, 0, 0},
  {CT_INT32, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_INT32, 0, 0, CT_FLOAT32, 0, 0},
  {CT_INT32, 0, 0, CT_FLOAT64, 0, 0},
  {CT_INT32, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_INT32, 0, 0, CT_COMPLEX128, 0, 0},
  /* int32 1 */
  {CT_INT32, 0x1u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x1u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT32, 0x1u, 0, CT_INT8, 0x1u, 0},
  {CT_INT32, 0x1u, 0, CT_INT16, 0x1u, 0},
  {CT_INT32, 0x1u, 0, CT_INT64, 0x1u, 0},
  {CT_INT32, 0x1u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_INT32, 0x1u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_INT32, 0x1u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_INT32, 0x1u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_INT32, 0x1u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_INT32, 0x1u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* int32 -1 */
  {CT_INT32, 0xffffffffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0xffffffffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT32, 0xffffffffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT32, 0xffffffffu, 0, CT_INT16, 0xffffu, 0},
  {CT_INT32, 0xffffffffu, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_INT32, 0xffffffffu, 0, CT_FLOAT16, 0xbc00u, 0},
  {CT_INT32, 0xffffffffu, 0, CT_BFLOAT16, 0xbf80u, 0},
  {CT_INT32, 0xffffffffu, 0, CT_FLOAT32, 0xbf800000u, 0},
  {CT_INT32, 0xffffffffu, 0, CT_FLOAT64, 0xbff0000000000000u, 0},
  {CT_INT32, 0xffffffffu, 0, CT_COMPLEX64, 0xbf800000u, 0},
  {CT_INT32, 0xffffffffu, 0, CT_COMPLEX128, 0xbff0000000000000u, 0},
  /* int32 127 */
  {CT_INT32, 0x7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x7fu, 0, CT_UINT8, 0x7fu, 0},
  {CT_INT32, 0x7fu, 0, CT_INT8, 0x7fu, 0},
  {CT_INT32, 0x7fu, 0, CT_INT16, 0x7fu, 0},
  {CT_INT32, 0x7fu, 0, CT_INT64, 0x7fu, 0},
  {CT_INT32, 0x7fu, 0, CT_FLOAT16, 0x57f0u, 0},
  {CT_INT32, 0x7fu, 0, CT_BFLOAT16, 0x42feu, 0},
  {CT_INT32, 0x7fu, 0, CT_FLOAT32, 0x42fe0000u, 0},
  {CT_INT32, 0x7fu, 0, CT_FLOAT64, 0x405fc00000000000u, 0},
  {CT_INT32, 0x7fu, 0, CT_COMPLEX64, 0x42fe0000u, 0},
  {CT_INT32, 0x7fu, 0, CT_COMPLEX128, 0x405fc00000000000u, 0},
  /* int32 128 */
  {CT_INT32, 0x80u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x80u, 0, CT_UINT8, 0x80u, 0},
  {CT_INT32, 0x80u, 0, CT_INT8, 0x80u, 0},
  {CT_INT32, 0x80u, 0, CT_INT16, 0x80u, 0},
  {CT_INT32, 0x80u, 0, CT_INT64, 0x80u, 0},
  {CT_INT32, 0x80u, 0, CT_FLOAT16, 0x5800u, 0},
  {CT_INT32, 0x80u, 0, CT_BFLOAT16, 0x4300u, 0},
  {CT_INT32, 0x80u, 0, CT_FLOAT32, 0x43000000u, 0},
  {CT_INT32, 0x80u, 0, CT_FLOAT64, 0x4060000000000000u, 0},
  {CT_INT32, 0x80u, 0, CT_COMPLEX64, 0x43000000u, 0},
  {CT_INT32, 0x80u, 0, CT_COMPLEX128, 0x4060000000000000u, 0},
  /* int32 -129 */
  {CT_INT32, 0xffffff7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_UINT8, 0x7fu, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_INT8, 0x7fu, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_INT16, 0xff7fu, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_INT64, 0xffffffffffffff7fu, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_FLOAT16, 0xd808u, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_BFLOAT16, 0xc301u, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_FLOAT32, 0xc3010000u, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_FLOAT64, 0xc060200000000000u, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_COMPLEX64, 0xc3010000u, 0},
  {CT_INT32, 0xffffff7fu, 0, CT_COMPLEX128, 0xc060200000000000u, 0},
  /* int32 255 */
  {CT_INT32, 0xffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0xffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT32, 0xffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT32, 0xffu, 0, CT_INT16, 0xffu, 0},
  {CT_INT32, 0xffu, 0, CT_INT64, 0xffu, 0},
  {CT_INT32, 0xffu, 0, CT_FLOAT16, 0x5bf8u, 0},
  {CT_INT32, 0xffu, 0, CT_BFLOAT16, 0x437fu, 0},
  {CT_INT32, 0xffu, 0, CT_FLOAT32, 0x437f0000u, 0},
  {CT_INT32, 0xffu, 0, CT_FLOAT64, 0x406fe00000000000u, 0},
  {CT_INT32, 0xffu, 0, CT_COMPLEX64, 0x437f0000u, 0},
  {CT_INT32, 0xffu, 0, CT_COMPLEX128, 0x406fe00000000000u, 0},
  /* int32 256 */
  {CT_INT32, 0x100u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x100u, 0, CT_UINT8, 0, 0},
  {CT_INT32, 0x100u, 0, CT_INT8, 0, 0},
  {CT_INT32, 0x100u, 0, CT_INT16, 0x100u, 0},
  {CT_INT32, 0x100u, 0, CT_INT64, 0x100u, 0},
  {CT_INT32, 0x100u, 0, CT_FLOAT16, 0x5c00u, 0},
  {CT_INT32, 0x100u, 0, CT_BFLOAT16, 0x4380u, 0},
  {CT_INT32, 0x100u, 0, CT_FLOAT32, 0x43800000u, 0},
  {CT_INT32, 0x100u, 0, CT_FLOAT64, 0x4070000000000000u, 0},
  {CT_INT32, 0x100u, 0, CT_COMPLEX64, 0x43800000u, 0},
  {CT_INT32, 0x100u, 0, CT_COMPLEX128, 0x4070000000000000u, 0},
  /* int32 2049 */
  {CT_INT32, 0x801u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x801u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT32, 0x801u, 0, CT_INT8, 0x1u, 0},
  {CT_INT32, 0x801u, 0, CT_INT16, 0x801u, 0},
  {CT_INT32, 0x801u, 0, CT_INT64, 0x801u, 0},
  {CT_INT32, 0x801u, 0, CT_FLOAT16, 0x6800u, 0},
  {CT_INT32, 0x801u, 0, CT_BFLOAT16, 0x4500u, 0},
  {CT_INT32, 0x801u, 0, CT_FLOAT32, 0x45001000u, 0},
  {CT_INT32, 0x801u, 0, CT_FLOAT64, 0x40a0020000000000u, 0},
  {CT_INT32, 0x801u, 0, CT_COMPLEX64, 0x45001000u, 0},
  {CT_INT32, 0x801u, 0, CT_COMPLEX128, 0x40a0020000000000u, 0},
  /* int32 65520 */
  {CT_INT32, 0xfff0u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0xfff0u, 0, CT_UINT8, 0xf0u, 0},
  {CT_INT32, 0xfff0u, 0, CT_INT8, 0xf0u, 0},
  {CT_INT32, 0xfff0u, 0, CT_INT16, 0xfff0u, 0},
  {CT_INT32, 0xfff0u, 0, CT_INT64, 0xfff0u, 0},
  {CT_INT32, 0xfff0u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT32, 0xfff0u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_INT32, 0xfff0u, 0, CT_FLOAT32, 0x477ff000u, 0},
  {CT_INT32, 0xfff0u, 0, CT_FLOAT64, 0x40effe0000000000u, 0},
  {CT_INT32, 0xfff0u, 0, CT_COMPLEX64, 0x477ff000u, 0},
  {CT_INT32, 0xfff0u, 0, CT_COMPLEX128, 0x40effe0000000000u, 0},
  /* int32 16777217 */
  {CT_INT32, 0x1000001u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x1000001u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT32, 0x1000001u, 0, CT_INT8, 0x1u, 0},
  {CT_INT32, 0x1000001u, 0, CT_INT16, 0x1u, 0},
  {CT_INT32, 0x1000001u, 0, CT_INT64, 0x1000001u, 0},
  {CT_INT32, 0x1000001u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT32, 0x1000001u, 0, CT_BFLOAT16, 0x4b80u, 0},
  {CT_INT32, 0x1000001u, 0, CT_FLOAT32, 0x4b800000u, 0},
  {CT_INT32, 0x1000001u, 0, CT_FLOAT64, 0x4170000010000000u, 0},
  {CT_INT32, 0x1000001u, 0, CT_COMPLEX64, 0x4b800000u, 0},
  {CT_INT32, 0x1000001u, 0, CT_COMPLEX128, 0x4170000010000000u, 0},
  /* int32 16842753 */
  {CT_INT32, 0x1010001u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x1010001u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT32, 0x1010001u, 0, CT_INT8, 0x1u, 0},
  {CT_INT32, 0x1010001u, 0, CT_INT16, 0x1u, 0},
  {CT_INT32, 0x1010001u, 0, CT_INT64, 0x1010001u, 0},
  {CT_INT32, 0x1010001u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT32, 0x1010001u, 0, CT_BFLOAT16, 0x4b80u, 0},
  {CT_INT32, 0x1010001u, 0, CT_FLOAT32, 0x4b808000u, 0},
  {CT_INT32, 0x1010001u, 0, CT_FLOAT64, 0x4170100010000000u, 0},
  {CT_INT32, 0x1010001u, 0, CT_COMPLEX64, 0x4b808000u, 0},
  {CT_INT32, 0x1010001u, 0, CT_COMPLEX128, 0x4170100010000000u, 0},
  /* int32 2147483647 */
  {CT_INT32, 0x7fffffffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_INT16, 0xffffu, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_INT64, 0x7fffffffu, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_BFLOAT16, 0x4f00u, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_FLOAT32, 0x4f000000u, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_FLOAT64, 0x41dfffffffc00000u, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_COMPLEX64, 0x4f000000u, 0},
  {CT_INT32, 0x7fffffffu, 0, CT_COMPLEX128, 0x41dfffffffc00000u, 0},
  /* int32 -2147483648 */
  {CT_INT32, 0x80000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT32, 0x80000000u, 0, CT_UINT8, 0, 0},
  {CT_INT32, 0x80000000u, 0, CT_INT8, 0, 0},
  {CT_INT32, 0x80000000u, 0, CT_INT16, 0, 0},
  {CT_INT32, 0x80000000u, 0, CT_INT64, 0xffffffff80000000u, 0},
  {CT_INT32, 0x80000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_INT32, 0x80000000u, 0, CT_BFLOAT16, 0xcf00u, 0},
  {CT_INT32, 0x80000000u, 0, CT_FLOAT32, 0xcf000000u, 0},
  {CT_INT32, 0x80000000u, 0, CT_FLOAT64, 0xc1e0000000000000u, 0},
  {CT_INT32, 0x80000000u, 0, CT_COMPLEX64, 0xcf000000u, 0},
  {CT_INT32, 0x80000000u, 0, CT_COMPLEX128, 0xc1e0000000000000u, 0},
  /* int64 0 */
  {CT_INT64, 0, 0, CT_BOOL, 0, 0},
  {CT_INT64, 0, 0, CT_UINT8, 0, 0},
  {CT_INT64, 0, 0, CT_INT8, 0, 0},
  {CT_INT64, 0, 0, CT_INT16, 0, 0},
  {CT_INT64, 0, 0, CT_INT32, 0, 0},
  {CT_INT64, 0, 0, CT_FLOAT16, 0, 0},
  {CT_INT64, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_INT64, 0, 0, CT_FLOAT32, 0, 0},
  {CT_INT64, 0, 0, CT_FLOAT64, 0, 0},
  {CT_INT64, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_INT64, 0, 0, CT_COMPLEX128, 0, 0},
  /* int64 1 */
  {CT_INT64, 0x1u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x1u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT64, 0x1u, 0, CT_INT8, 0x1u, 0},
  {CT_INT64, 0x1u, 0, CT_INT16, 0x1u, 0},
  {CT_INT64, 0x1u, 0, CT_INT32, 0x1u, 0},
  {CT_INT64, 0x1u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_INT64, 0x1u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_INT64, 0x1u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_INT64, 0x1u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_INT64, 0x1u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_INT64, 0x1u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* int64 -1 */
  {CT_INT64, 0xffffffffffffffffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_INT16, 0xffffu, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_INT32, 0xffffffffu, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_FLOAT16, 0xbc00u, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_BFLOAT16, 0xbf80u, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_FLOAT32, 0xbf800000u, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_FLOAT64, 0xbff0000000000000u, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_COMPLEX64, 0xbf800000u, 0},
  {CT_INT64, 0xffffffffffffffffu, 0, CT_COMPLEX128, 0xbff0000000000000u, 0},
  /* int64 2 */
  {CT_INT64, 0x2u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x2u, 0, CT_UINT8, 0x2u, 0},
  {CT_INT64, 0x2u, 0, CT_INT8, 0x2u, 0},
  {CT_INT64, 0x2u, 0, CT_INT16, 0x2u, 0},
  {CT_INT64, 0x2u, 0, CT_INT32, 0x2u, 0},
  {CT_INT64, 0x2u, 0, CT_FLOAT16, 0x4000u, 0},
  {CT_INT64, 0x2u, 0, CT_BFLOAT16, 0x4000u, 0},
  {CT_INT64, 0x2u, 0, CT_FLOAT32, 0x40000000u, 0},
  {CT_INT64, 0x2u, 0, CT_FLOAT64, 0x4000000000000000u, 0},
  {CT_INT64, 0x2u, 0, CT_COMPLEX64, 0x40000000u, 0},
  {CT_INT64, 0x2u, 0, CT_COMPLEX128, 0x4000000000000000u, 0},
  /* int64 127 */
  {CT_INT64, 0x7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x7fu, 0, CT_UINT8, 0x7fu, 0},
  {CT_INT64, 0x7fu, 0, CT_INT8, 0x7fu, 0},
  {CT_INT64, 0x7fu, 0, CT_INT16, 0x7fu, 0},
  {CT_INT64, 0x7fu, 0, CT_INT32, 0x7fu, 0},
  {CT_INT64, 0x7fu, 0, CT_FLOAT16, 0x57f0u, 0},
  {CT_INT64, 0x7fu, 0, CT_BFLOAT16, 0x42feu, 0},
  {CT_INT64, 0x7fu, 0, CT_FLOAT32, 0x42fe0000u, 0},
  {CT_INT64, 0x7fu, 0, CT_FLOAT64, 0x405fc00000000000u, 0},
  {CT_INT64, 0x7fu, 0, CT_COMPLEX64, 0x42fe0000u, 0},
  {CT_INT64, 0x7fu, 0, CT_COMPLEX128, 0x405fc00000000000u, 0},
  /* int64 128 */
  {CT_INT64, 0x80u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x80u, 0, CT_UINT8, 0x80u, 0},
  {CT_INT64, 0x80u, 0, CT_INT8, 0x80u, 0},
  {CT_INT64, 0x80u, 0, CT_INT16, 0x80u, 0},
  {CT_INT64, 0x80u, 0, CT_INT32, 0x80u, 0},
  {CT_INT64, 0x80u, 0, CT_FLOAT16, 0x5800u, 0},
  {CT_INT64, 0x80u, 0, CT_BFLOAT16, 0x4300u, 0},
  {CT_INT64, 0x80u, 0, CT_FLOAT32, 0x43000000u, 0},
  {CT_INT64, 0x80u, 0, CT_FLOAT64, 0x4060000000000000u, 0},
  {CT_INT64, 0x80u, 0, CT_COMPLEX64, 0x43000000u, 0},
  {CT_INT64, 0x80u, 0, CT_COMPLEX128, 0x4060000000000000u, 0},
  /* int64 -128 */
  {CT_INT64, 0xffffffffffffff80u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_UINT8, 0x80u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_INT8, 0x80u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_INT16, 0xff80u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_INT32, 0xffffff80u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_FLOAT16, 0xd800u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_BFLOAT16, 0xc300u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_FLOAT32, 0xc3000000u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_FLOAT64, 0xc060000000000000u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_COMPLEX64, 0xc3000000u, 0},
  {CT_INT64, 0xffffffffffffff80u, 0, CT_COMPLEX128, 0xc060000000000000u, 0},
  /* int64 -129 */
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_UINT8, 0x7fu, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_INT8, 0x7fu, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_INT16, 0xff7fu, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_INT32, 0xffffff7fu, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_FLOAT16, 0xd808u, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_BFLOAT16, 0xc301u, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_FLOAT32, 0xc3010000u, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_FLOAT64, 0xc060200000000000u, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_COMPLEX64, 0xc3010000u, 0},
  {CT_INT64, 0xffffffffffffff7fu, 0, CT_COMPLEX128, 0xc060200000000000u, 0},
  /* int64 255 */
  {CT_INT64, 0xffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT64, 0xffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT64, 0xffu, 0, CT_INT16, 0xffu, 0},
  {CT_INT64, 0xffu, 0, CT_INT32, 0xffu, 0},
  {CT_INT64, 0xffu, 0, CT_FLOAT16, 0x5bf8u, 0},
  {CT_INT64, 0xffu, 0, CT_BFLOAT16, 0x437fu, 0},
  {CT_INT64, 0xffu, 0, CT_FLOAT32, 0x437f0000u, 0},
  {CT_INT64, 0xffu, 0, CT_FLOAT64, 0x406fe00000000000u, 0},
  {CT_INT64, 0xffu, 0, CT_COMPLEX64, 0x437f0000u, 0},
  {CT_INT64, 0xffu, 0, CT_COMPLEX128, 0x406fe00000000000u, 0},
  /* int64 256 */
  {CT_INT64, 0x100u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x100u, 0, CT_UINT8, 0, 0},
  {CT_INT64, 0x100u, 0, CT_INT8, 0, 0},
  {CT_INT64, 0x100u, 0, CT_INT16, 0x100u, 0},
  {CT_INT64, 0x100u, 0, CT_INT32, 0x100u, 0},
  {CT_INT64, 0x100u, 0, CT_FLOAT16, 0x5c00u, 0},
  {CT_INT64, 0x100u, 0, CT_BFLOAT16, 0x4380u, 0},
  {CT_INT64, 0x100u, 0, CT_FLOAT32, 0x43800000u, 0},
  {CT_INT64, 0x100u, 0, CT_FLOAT64, 0x4070000000000000u, 0},
  {CT_INT64, 0x100u, 0, CT_COMPLEX64, 0x43800000u, 0},
  {CT_INT64, 0x100u, 0, CT_COMPLEX128, 0x4070000000000000u, 0},
  /* int64 32767 */
  {CT_INT64, 0x7fffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x7fffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT64, 0x7fffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT64, 0x7fffu, 0, CT_INT16, 0x7fffu, 0},
  {CT_INT64, 0x7fffu, 0, CT_INT32, 0x7fffu, 0},
  {CT_INT64, 0x7fffu, 0, CT_FLOAT16, 0x7800u, 0},
  {CT_INT64, 0x7fffu, 0, CT_BFLOAT16, 0x4700u, 0},
  {CT_INT64, 0x7fffu, 0, CT_FLOAT32, 0x46fffe00u, 0},
  {CT_INT64, 0x7fffu, 0, CT_FLOAT64, 0x40dfffc000000000u, 0},
  {CT_INT64, 0x7fffu, 0, CT_COMPLEX64, 0x46fffe00u, 0},
  {CT_INT64, 0x7fffu, 0, CT_COMPLEX128, 0x40dfffc000000000u, 0},
  /* int64 32768 */
  {CT_INT64, 0x8000u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x8000u, 0, CT_UINT8, 0, 0},
  {CT_INT64, 0x8000u, 0, CT_INT8, 0, 0},
  {CT_INT64, 0x8000u, 0, CT_INT16, 0x8000u, 0},
  {CT_INT64, 0x8000u, 0, CT_INT32, 0x8000u, 0},
  {CT_INT64, 0x8000u, 0, CT_FLOAT16, 0x7800u, 0},
  {CT_INT64, 0x8000u, 0, CT_BFLOAT16, 0x4700u, 0},
  {CT_INT64, 0x8000u, 0, CT_FLOAT32, 0x47000000u, 0},
  {CT_INT64, 0x8000u, 0, CT_FLOAT64, 0x40e0000000000000u, 0},
  {CT_INT64, 0x8000u, 0, CT_COMPLEX64, 0x47000000u, 0},
  {CT_INT64, 0x8000u, 0, CT_COMPLEX128, 0x40e0000000000000u, 0},
  /* int64 -32769 */
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_INT16, 0x7fffu, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_INT32, 0xffff7fffu, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_FLOAT16, 0xf800u, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_BFLOAT16, 0xc700u, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_FLOAT32, 0xc7000100u, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_FLOAT64, 0xc0e0002000000000u, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_COMPLEX64, 0xc7000100u, 0},
  {CT_INT64, 0xffffffffffff7fffu, 0, CT_COMPLEX128, 0xc0e0002000000000u, 0},
  /* int64 2049 */
  {CT_INT64, 0x801u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x801u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT64, 0x801u, 0, CT_INT8, 0x1u, 0},
  {CT_INT64, 0x801u, 0, CT_INT16, 0x801u, 0},
  {CT_INT64, 0x801u, 0, CT_INT32, 0x801u, 0},
  {CT_INT64, 0x801u, 0, CT_FLOAT16, 0x6800u, 0},
  {CT_INT64, 0x801u, 0, CT_BFLOAT16, 0x4500u, 0},
  {CT_INT64, 0x801u, 0, CT_FLOAT32, 0x45001000u, 0},
  {CT_INT64, 0x801u, 0, CT_FLOAT64, 0x40a0020000000000u, 0},
  {CT_INT64, 0x801u, 0, CT_COMPLEX64, 0x45001000u, 0},
  {CT_INT64, 0x801u, 0, CT_COMPLEX128, 0x40a0020000000000u, 0},
  /* int64 2051 */
  {CT_INT64, 0x803u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x803u, 0, CT_UINT8, 0x3u, 0},
  {CT_INT64, 0x803u, 0, CT_INT8, 0x3u, 0},
  {CT_INT64, 0x803u, 0, CT_INT16, 0x803u, 0},
  {CT_INT64, 0x803u, 0, CT_INT32, 0x803u, 0},
  {CT_INT64, 0x803u, 0, CT_FLOAT16, 0x6802u, 0},
  {CT_INT64, 0x803u, 0, CT_BFLOAT16, 0x4500u, 0},
  {CT_INT64, 0x803u, 0, CT_FLOAT32, 0x45003000u, 0},
  {CT_INT64, 0x803u, 0, CT_FLOAT64, 0x40a0060000000000u, 0},
  {CT_INT64, 0x803u, 0, CT_COMPLEX64, 0x45003000u, 0},
  {CT_INT64, 0x803u, 0, CT_COMPLEX128, 0x40a0060000000000u, 0},
  /* int64 65504 */
  {CT_INT64, 0xffe0u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffe0u, 0, CT_UINT8, 0xe0u, 0},
  {CT_INT64, 0xffe0u, 0, CT_INT8, 0xe0u, 0},
  {CT_INT64, 0xffe0u, 0, CT_INT16, 0xffe0u, 0},
  {CT_INT64, 0xffe0u, 0, CT_INT32, 0xffe0u, 0},
  {CT_INT64, 0xffe0u, 0, CT_FLOAT16, 0x7bffu, 0},
  {CT_INT64, 0xffe0u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_INT64, 0xffe0u, 0, CT_FLOAT32, 0x477fe000u, 0},
  {CT_INT64, 0xffe0u, 0, CT_FLOAT64, 0x40effc0000000000u, 0},
  {CT_INT64, 0xffe0u, 0, CT_COMPLEX64, 0x477fe000u, 0},
  {CT_INT64, 0xffe0u, 0, CT_COMPLEX128, 0x40effc0000000000u, 0},
  /* int64 65519 */
  {CT_INT64, 0xffefu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffefu, 0, CT_UINT8, 0xefu, 0},
  {CT_INT64, 0xffefu, 0, CT_INT8, 0xefu, 0},
  {CT_INT64, 0xffefu, 0, CT_INT16, 0xffefu, 0},
  {CT_INT64, 0xffefu, 0, CT_INT32, 0xffefu, 0},
  {CT_INT64, 0xffefu, 0, CT_FLOAT16, 0x7bffu, 0},
  {CT_INT64, 0xffefu, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_INT64, 0xffefu, 0, CT_FLOAT32, 0x477fef00u, 0},
  {CT_INT64, 0xffefu, 0, CT_FLOAT64, 0x40effde000000000u, 0},
  {CT_INT64, 0xffefu, 0, CT_COMPLEX64, 0x477fef00u, 0},
  {CT_INT64, 0xffefu, 0, CT_COMPLEX128, 0x40effde000000000u, 0},
  /* int64 65520 */
  {CT_INT64, 0xfff0u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xfff0u, 0, CT_UINT8, 0xf0u, 0},
  {CT_INT64, 0xfff0u, 0, CT_INT8, 0xf0u, 0},
  {CT_INT64, 0xfff0u, 0, CT_INT16, 0xfff0u, 0},
  {CT_INT64, 0xfff0u, 0, CT_INT32, 0xfff0u, 0},
  {CT_INT64, 0xfff0u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT64, 0xfff0u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_INT64, 0xfff0u, 0, CT_FLOAT32, 0x477ff000u, 0},
  {CT_INT64, 0xfff0u, 0, CT_FLOAT64, 0x40effe0000000000u, 0},
  {CT_INT64, 0xfff0u, 0, CT_COMPLEX64, 0x477ff000u, 0},
  {CT_INT64, 0xfff0u, 0, CT_COMPLEX128, 0x40effe0000000000u, 0},
  /* int64 16777217 */
  {CT_INT64, 0x1000001u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x1000001u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT64, 0x1000001u, 0, CT_INT8, 0x1u, 0},
  {CT_INT64, 0x1000001u, 0, CT_INT16, 0x1u, 0},
  {CT_INT64, 0x1000001u, 0, CT_INT32, 0x1000001u, 0},
  {CT_INT64, 0x1000001u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT64, 0x1000001u, 0, CT_BFLOAT16, 0x4b80u, 0},
  {CT_INT64, 0x1000001u, 0, CT_FLOAT32, 0x4b800000u, 0},
  {CT_INT64, 0x1000001u, 0, CT_FLOAT64, 0x4170000010000000u, 0},
  {CT_INT64, 0x1000001u, 0, CT_COMPLEX64, 0x4b800000u, 0},
  {CT_INT64, 0x1000001u, 0, CT_COMPLEX128, 0x4170000010000000u, 0},
  /* int64 16842753 */
  {CT_INT64, 0x1010001u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x1010001u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT64, 0x1010001u, 0, CT_INT8, 0x1u, 0},
  {CT_INT64, 0x1010001u, 0, CT_INT16, 0x1u, 0},
  {CT_INT64, 0x1010001u, 0, CT_INT32, 0x1010001u, 0},
  {CT_INT64, 0x1010001u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT64, 0x1010001u, 0, CT_BFLOAT16, 0x4b80u, 0},
  {CT_INT64, 0x1010001u, 0, CT_FLOAT32, 0x4b808000u, 0},
  {CT_INT64, 0x1010001u, 0, CT_FLOAT64, 0x4170100010000000u, 0},
  {CT_INT64, 0x1010001u, 0, CT_COMPLEX64, 0x4b808000u, 0},
  {CT_INT64, 0x1010001u, 0, CT_COMPLEX128, 0x4170100010000000u, 0},
  /* int64 2147483647 */
  {CT_INT64, 0x7fffffffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_INT16, 0xffffu, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_INT32, 0x7fffffffu, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_BFLOAT16, 0x4f00u, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_FLOAT32, 0x4f000000u, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_FLOAT64, 0x41dfffffffc00000u, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_COMPLEX64, 0x4f000000u, 0},
  {CT_INT64, 0x7fffffffu, 0, CT_COMPLEX128, 0x41dfffffffc00000u, 0},
  /* int64 2147483648 */
  {CT_INT64, 0x80000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x80000000u, 0, CT_UINT8, 0, 0},
  {CT_INT64, 0x80000000u, 0, CT_INT8, 0, 0},
  {CT_INT64, 0x80000000u, 0, CT_INT16, 0, 0},
  {CT_INT64, 0x80000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_INT64, 0x80000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT64, 0x80000000u, 0, CT_BFLOAT16, 0x4f00u, 0},
  {CT_INT64, 0x80000000u, 0, CT_FLOAT32, 0x4f000000u, 0},
  {CT_INT64, 0x80000000u, 0, CT_FLOAT64, 0x41e0000000000000u, 0},
  {CT_INT64, 0x80000000u, 0, CT_COMPLEX64, 0x4f000000u, 0},
  {CT_INT64, 0x80000000u, 0, CT_COMPLEX128, 0x41e0000000000000u, 0},
  /* int64 -2147483648 */
  {CT_INT64, 0xffffffff80000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_UINT8, 0, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_INT8, 0, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_INT16, 0, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_BFLOAT16, 0xcf00u, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_FLOAT32, 0xcf000000u, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_FLOAT64, 0xc1e0000000000000u, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_COMPLEX64, 0xcf000000u, 0},
  {CT_INT64, 0xffffffff80000000u, 0, CT_COMPLEX128, 0xc1e0000000000000u, 0},
  /* int64 -2147483649 */
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_INT16, 0xffffu, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_INT32, 0x7fffffffu, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_BFLOAT16, 0xcf00u, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_FLOAT32, 0xcf000000u, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_FLOAT64, 0xc1e0000000200000u, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_COMPLEX64, 0xcf000000u, 0},
  {CT_INT64, 0xffffffff7fffffffu, 0, CT_COMPLEX128, 0xc1e0000000200000u, 0},
  /* int64 9007199254740993 */
  {CT_INT64, 0x20000000000001u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_INT8, 0x1u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_INT16, 0x1u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_INT32, 0x1u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_BFLOAT16, 0x5a00u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_FLOAT32, 0x5a000000u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_FLOAT64, 0x4340000000000000u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_COMPLEX64, 0x5a000000u, 0},
  {CT_INT64, 0x20000000000001u, 0, CT_COMPLEX128, 0x4340000000000000u, 0},
  /* int64 -9007199254740993 */
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_INT16, 0xffffu, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_INT32, 0xffffffffu, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_BFLOAT16, 0xda00u, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_FLOAT32, 0xda000000u, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_FLOAT64, 0xc340000000000000u, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_COMPLEX64, 0xda000000u, 0},
  {CT_INT64, 0xffdfffffffffffffu, 0, CT_COMPLEX128, 0xc340000000000000u, 0},
  /* int64 4611686293305294849 */
  {CT_INT64, 0x4000004000000001u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_UINT8, 0x1u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_INT8, 0x1u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_INT16, 0x1u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_INT32, 0x1u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_BFLOAT16, 0x5e80u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_FLOAT32, 0x5e800001u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_FLOAT64, 0x43d0000010000000u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_COMPLEX64, 0x5e800001u, 0},
  {CT_INT64, 0x4000004000000001u, 0, CT_COMPLEX128, 0x43d0000010000000u, 0},
  /* int64 9223372036854775807 */
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_UINT8, 0xffu, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_INT8, 0xffu, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_INT16, 0xffffu, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_INT32, 0xffffffffu, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_BFLOAT16, 0x5f00u, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_FLOAT32, 0x5f000000u, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_FLOAT64, 0x43e0000000000000u, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_COMPLEX64, 0x5f000000u, 0},
  {CT_INT64, 0x7fffffffffffffffu, 0, CT_COMPLEX128, 0x43e0000000000000u, 0},
  /* int64 -9223372036854775808 */
  {CT_INT64, 0x8000000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_UINT8, 0, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_INT8, 0, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_INT16, 0, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_INT32, 0, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_BFLOAT16, 0xdf00u, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_FLOAT32, 0xdf000000u, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_FLOAT64, 0xc3e0000000000000u, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_COMPLEX64, 0xdf000000u, 0},
  {CT_INT64, 0x8000000000000000u, 0, CT_COMPLEX128, 0xc3e0000000000000u, 0},
  /* float16 0.0 (0x0000) */
  {CT_FLOAT16, 0, 0, CT_BOOL, 0, 0},
  {CT_FLOAT16, 0, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0, 0, CT_INT32, 0, 0},
  {CT_FLOAT16, 0, 0, CT_INT64, 0, 0},
  {CT_FLOAT16, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_FLOAT16, 0, 0, CT_FLOAT32, 0, 0},
  {CT_FLOAT16, 0, 0, CT_FLOAT64, 0, 0},
  {CT_FLOAT16, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_FLOAT16, 0, 0, CT_COMPLEX128, 0, 0},
  /* float16 -0.0 (0x8000) */
  {CT_FLOAT16, 0x8000u, 0, CT_BOOL, 0, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_INT32, 0, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_INT64, 0, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_BFLOAT16, 0x8000u, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_FLOAT32, 0x80000000u, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_FLOAT64, 0x8000000000000000u, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_COMPLEX64, 0x80000000u, 0},
  {CT_FLOAT16, 0x8000u, 0, CT_COMPLEX128, 0x8000000000000000u, 0},
  /* float16 5.960464477539063e-08 (0x0001) */
  {CT_FLOAT16, 0x1u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x1u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x1u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x1u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x1u, 0, CT_INT32, 0, 0},
  {CT_FLOAT16, 0x1u, 0, CT_INT64, 0, 0},
  {CT_FLOAT16, 0x1u, 0, CT_BFLOAT16, 0x3380u, 0},
  {CT_FLOAT16, 0x1u, 0, CT_FLOAT32, 0x33800000u, 0},
  {CT_FLOAT16, 0x1u, 0, CT_FLOAT64, 0x3e70000000000000u, 0},
  {CT_FLOAT16, 0x1u, 0, CT_COMPLEX64, 0x33800000u, 0},
  {CT_FLOAT16, 0x1u, 0, CT_COMPLEX128, 0x3e70000000000000u, 0},
  /* float16 6.097555160522461e-05 (0x03ff) */
  {CT_FLOAT16, 0x3ffu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_INT32, 0, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_INT64, 0, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_BFLOAT16, 0x3880u, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_FLOAT32, 0x387fc000u, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_FLOAT64, 0x3f0ff80000000000u, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_COMPLEX64, 0x387fc000u, 0},
  {CT_FLOAT16, 0x3ffu, 0, CT_COMPLEX128, 0x3f0ff80000000000u, 0},
  /* float16 6.103515625e-05 (0x0400) */
  {CT_FLOAT16, 0x400u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x400u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x400u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x400u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x400u, 0, CT_INT32, 0, 0},
  {CT_FLOAT16, 0x400u, 0, CT_INT64, 0, 0},
  {CT_FLOAT16, 0x400u, 0, CT_BFLOAT16, 0x3880u, 0},
  {CT_FLOAT16, 0x400u, 0, CT_FLOAT32, 0x38800000u, 0},
  {CT_FLOAT16, 0x400u, 0, CT_FLOAT64, 0x3f10000000000000u, 0},
  {CT_FLOAT16, 0x400u, 0, CT_COMPLEX64, 0x38800000u, 0},
  {CT_FLOAT16, 0x400u, 0, CT_COMPLEX128, 0x3f10000000000000u, 0},
  /* float16 0.333251953125 (0x3555) */
  {CT_FLOAT16, 0x3555u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_INT32, 0, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_INT64, 0, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_BFLOAT16, 0x3eabu, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_FLOAT32, 0x3eaaa000u, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_FLOAT64, 0x3fd5540000000000u, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_COMPLEX64, 0x3eaaa000u, 0},
  {CT_FLOAT16, 0x3555u, 0, CT_COMPLEX128, 0x3fd5540000000000u, 0},
  /* float16 0.5 (0x3800) */
  {CT_FLOAT16, 0x3800u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_INT32, 0, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_INT64, 0, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_BFLOAT16, 0x3f00u, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_FLOAT32, 0x3f000000u, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_FLOAT64, 0x3fe0000000000000u, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_COMPLEX64, 0x3f000000u, 0},
  {CT_FLOAT16, 0x3800u, 0, CT_COMPLEX128, 0x3fe0000000000000u, 0},
  /* float16 1.0 (0x3c00) */
  {CT_FLOAT16, 0x3c00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_FLOAT16, 0x3c00u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* float16 1.0009765625 (0x3c01) */
  {CT_FLOAT16, 0x3c01u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_FLOAT32, 0x3f802000u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_FLOAT64, 0x3ff0040000000000u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_COMPLEX64, 0x3f802000u, 0},
  {CT_FLOAT16, 0x3c01u, 0, CT_COMPLEX128, 0x3ff0040000000000u, 0},
  /* float16 1.5 (0x3e00) */
  {CT_FLOAT16, 0x3e00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_BFLOAT16, 0x3fc0u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_FLOAT32, 0x3fc00000u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_FLOAT64, 0x3ff8000000000000u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_COMPLEX64, 0x3fc00000u, 0},
  {CT_FLOAT16, 0x3e00u, 0, CT_COMPLEX128, 0x3ff8000000000000u, 0},
  /* float16 2.5 (0x4100) */
  {CT_FLOAT16, 0x4100u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_UINT8, 0x2u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_INT8, 0x2u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_INT16, 0x2u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_INT32, 0x2u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_INT64, 0x2u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_BFLOAT16, 0x4020u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_FLOAT32, 0x40200000u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_FLOAT64, 0x4004000000000000u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_COMPLEX64, 0x40200000u, 0},
  {CT_FLOAT16, 0x4100u, 0, CT_COMPLEX128, 0x4004000000000000u, 0},
  /* float16 -1.5 (0xbe00) */
  {CT_FLOAT16, 0xbe00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_UINT8, 0xffu, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_INT8, 0xffu, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_INT16, 0xffffu, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_INT32, 0xffffffffu, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_BFLOAT16, 0xbfc0u, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_FLOAT32, 0xbfc00000u, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_FLOAT64, 0xbff8000000000000u, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_COMPLEX64, 0xbfc00000u, 0},
  {CT_FLOAT16, 0xbe00u, 0, CT_COMPLEX128, 0xbff8000000000000u, 0},
  /* float16 256.0 (0x5c00) */
  {CT_FLOAT16, 0x5c00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_INT16, 0x100u, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_INT32, 0x100u, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_INT64, 0x100u, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_BFLOAT16, 0x4380u, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_FLOAT32, 0x43800000u, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_FLOAT64, 0x4070000000000000u, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_COMPLEX64, 0x43800000u, 0},
  {CT_FLOAT16, 0x5c00u, 0, CT_COMPLEX128, 0x4070000000000000u, 0},
  /* float16 255.875 (0x5bff) */
  {CT_FLOAT16, 0x5bffu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_UINT8, 0xffu, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_INT8, 0xffu, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_INT16, 0xffu, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_INT32, 0xffu, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_INT64, 0xffu, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_BFLOAT16, 0x4380u, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_FLOAT32, 0x437fe000u, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_FLOAT64, 0x406ffc0000000000u, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_COMPLEX64, 0x437fe000u, 0},
  {CT_FLOAT16, 0x5bffu, 0, CT_COMPLEX128, 0x406ffc0000000000u, 0},
  /* float16 65504.0 (0x7bff) */
  {CT_FLOAT16, 0x7bffu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_UINT8, 0xe0u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_INT8, 0xe0u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_INT16, 0xffe0u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_INT32, 0xffe0u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_INT64, 0xffe0u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_FLOAT32, 0x477fe000u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_FLOAT64, 0x40effc0000000000u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_COMPLEX64, 0x477fe000u, 0},
  {CT_FLOAT16, 0x7bffu, 0, CT_COMPLEX128, 0x40effc0000000000u, 0},
  /* float16 -65504.0 (0xfbff) */
  {CT_FLOAT16, 0xfbffu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_UINT8, 0x20u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_INT8, 0x20u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_INT16, 0x20u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_INT32, 0xffff0020u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_INT64, 0xffffffffffff0020u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_BFLOAT16, 0xc780u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_FLOAT32, 0xc77fe000u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_FLOAT64, 0xc0effc0000000000u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_COMPLEX64, 0xc77fe000u, 0},
  {CT_FLOAT16, 0xfbffu, 0, CT_COMPLEX128, 0xc0effc0000000000u, 0},
  /* float16 inf (0x7c00) */
  {CT_FLOAT16, 0x7c00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_BFLOAT16, 0x7f80u, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_FLOAT32, 0x7f800000u, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_FLOAT64, 0x7ff0000000000000u, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_COMPLEX64, 0x7f800000u, 0},
  {CT_FLOAT16, 0x7c00u, 0, CT_COMPLEX128, 0x7ff0000000000000u, 0},
  /* float16 -inf (0xfc00) */
  {CT_FLOAT16, 0xfc00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_BFLOAT16, 0xff80u, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_FLOAT32, 0xff800000u, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_FLOAT64, 0xfff0000000000000u, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_COMPLEX64, 0xff800000u, 0},
  {CT_FLOAT16, 0xfc00u, 0, CT_COMPLEX128, 0xfff0000000000000u, 0},
  /* float16 nan (0x7e00) */
  {CT_FLOAT16, 0x7e00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_BFLOAT16, 0x7fc0u, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_FLOAT32, 0x7fc00000u, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_FLOAT64, 0x7ff8000000000000u, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_COMPLEX64, 0x7fc00000u, 0},
  {CT_FLOAT16, 0x7e00u, 0, CT_COMPLEX128, 0x7ff8000000000000u, 0},
  /* float16 -nan (0xfe00) */
  {CT_FLOAT16, 0xfe00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_BFLOAT16, 0x7fc0u, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_FLOAT32, 0xffc00000u, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_FLOAT64, 0xfff8000000000000u, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_COMPLEX64, 0xffc00000u, 0},
  {CT_FLOAT16, 0xfe00u, 0, CT_COMPLEX128, 0xfff8000000000000u, 0},
  /* float16 nan (0x7d00) */
  {CT_FLOAT16, 0x7d00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_INT8, 0, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_INT16, 0, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_BFLOAT16, 0x7fc0u, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_FLOAT32, 0x7fe00000u, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_FLOAT64, 0x7ffc000000000000u, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_COMPLEX64, 0x7fe00000u, 0},
  {CT_FLOAT16, 0x7d00u, 0, CT_COMPLEX128, 0x7ffc000000000000u, 0},
  /* bfloat16 0.0 (0x0000) */
  {CT_BFLOAT16, 0, 0, CT_BOOL, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_INT32, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_INT64, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_FLOAT16, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_FLOAT32, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_FLOAT64, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_BFLOAT16, 0, 0, CT_COMPLEX128, 0, 0},
  /* bfloat16 -0.0 (0x8000) */
  {CT_BFLOAT16, 0x8000u, 0, CT_BOOL, 0, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_INT32, 0, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_INT64, 0, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_FLOAT16, 0x8000u, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_FLOAT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_FLOAT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_COMPLEX64, 0x80000000u, 0},
  {CT_BFLOAT16, 0x8000u, 0, CT_COMPLEX128, 0x8000000000000000u, 0},
  /* bfloat16 9.183549615799121e-41 (0x0001) */
  {CT_BFLOAT16, 0x1u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_INT32, 0, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_INT64, 0, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_FLOAT16, 0, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_FLOAT32, 0x10000u, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_FLOAT64, 0x37a0000000000000u, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_COMPLEX64, 0x10000u, 0},
  {CT_BFLOAT16, 0x1u, 0, CT_COMPLEX128, 0x37a0000000000000u, 0},
  /* bfloat16 1.1663108012064884e-38 (0x007f) */
  {CT_BFLOAT16, 0x7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_INT32, 0, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_INT64, 0, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_FLOAT16, 0, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_FLOAT32, 0x7f0000u, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_FLOAT64, 0x380fc00000000000u, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_COMPLEX64, 0x7f0000u, 0},
  {CT_BFLOAT16, 0x7fu, 0, CT_COMPLEX128, 0x380fc00000000000u, 0},
  /* bfloat16 1.1754943508222875e-38 (0x0080) */
  {CT_BFLOAT16, 0x80u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_INT32, 0, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_INT64, 0, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_FLOAT16, 0, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_FLOAT32, 0x800000u, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_FLOAT64, 0x3810000000000000u, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_COMPLEX64, 0x800000u, 0},
  {CT_BFLOAT16, 0x80u, 0, CT_COMPLEX128, 0x3810000000000000u, 0},
  /* bfloat16 1.0 (0x3f80) */
  {CT_BFLOAT16, 0x3f80u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_UINT8, 0x1u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_INT8, 0x1u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_INT16, 0x1u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_INT32, 0x1u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_INT64, 0x1u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_BFLOAT16, 0x3f80u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* bfloat16 -1.0 (0xbf80) */
  {CT_BFLOAT16, 0xbf80u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_UINT8, 0xffu, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_INT8, 0xffu, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_INT16, 0xffffu, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_INT32, 0xffffffffu, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_FLOAT16, 0xbc00u, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_FLOAT32, 0xbf800000u, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_FLOAT64, 0xbff0000000000000u, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_COMPLEX64, 0xbf800000u, 0},
  {CT_BFLOAT16, 0xbf80u, 0, CT_COMPLEX128, 0xbff0000000000000u, 0},
  /* bfloat16 1.5 (0x3fc0) */
  {CT_BFLOAT16, 0x3fc0u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_UINT8, 0x1u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_INT8, 0x1u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_INT16, 0x1u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_INT32, 0x1u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_INT64, 0x1u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_FLOAT16, 0x3e00u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_FLOAT32, 0x3fc00000u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_FLOAT64, 0x3ff8000000000000u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_COMPLEX64, 0x3fc00000u, 0},
  {CT_BFLOAT16, 0x3fc0u, 0, CT_COMPLEX128, 0x3ff8000000000000u, 0},
  /* bfloat16 2.5 (0x4020) */
  {CT_BFLOAT16, 0x4020u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_UINT8, 0x2u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_INT8, 0x2u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_INT16, 0x2u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_INT32, 0x2u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_INT64, 0x2u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_FLOAT16, 0x4100u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_FLOAT32, 0x40200000u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_FLOAT64, 0x4004000000000000u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_COMPLEX64, 0x40200000u, 0},
  {CT_BFLOAT16, 0x4020u, 0, CT_COMPLEX128, 0x4004000000000000u, 0},
  /* bfloat16 1.0078125 (0x3f81) */
  {CT_BFLOAT16, 0x3f81u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_UINT8, 0x1u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_INT8, 0x1u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_INT16, 0x1u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_INT32, 0x1u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_INT64, 0x1u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_FLOAT16, 0x3c08u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_FLOAT32, 0x3f810000u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_FLOAT64, 0x3ff0200000000000u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_COMPLEX64, 0x3f810000u, 0},
  {CT_BFLOAT16, 0x3f81u, 0, CT_COMPLEX128, 0x3ff0200000000000u, 0},
  /* bfloat16 3.003515303134918e-08 (0x3301) */
  {CT_BFLOAT16, 0x3301u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_INT32, 0, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_INT64, 0, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_FLOAT16, 0x1u, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_FLOAT32, 0x33010000u, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_FLOAT64, 0x3e60200000000000u, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_COMPLEX64, 0x33010000u, 0},
  {CT_BFLOAT16, 0x3301u, 0, CT_COMPLEX128, 0x3e60200000000000u, 0},
  /* bfloat16 16777216.0 (0x4b80) */
  {CT_BFLOAT16, 0x4b80u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_INT32, 0x1000000u, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_INT64, 0x1000000u, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_FLOAT32, 0x4b800000u, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_FLOAT64, 0x4170000000000000u, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_COMPLEX64, 0x4b800000u, 0},
  {CT_BFLOAT16, 0x4b80u, 0, CT_COMPLEX128, 0x4170000000000000u, 0},
  /* bfloat16 2147483648.0 (0x4f00) */
  {CT_BFLOAT16, 0x4f00u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_INT64, 0x80000000u, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_FLOAT32, 0x4f000000u, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_FLOAT64, 0x41e0000000000000u, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_COMPLEX64, 0x4f000000u, 0},
  {CT_BFLOAT16, 0x4f00u, 0, CT_COMPLEX128, 0x41e0000000000000u, 0},
  /* bfloat16 -2147483648.0 (0xcf00) */
  {CT_BFLOAT16, 0xcf00u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_INT64, 0xffffffff80000000u, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_FLOAT32, 0xcf000000u, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_FLOAT64, 0xc1e0000000000000u, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_COMPLEX64, 0xcf000000u, 0},
  {CT_BFLOAT16, 0xcf00u, 0, CT_COMPLEX128, 0xc1e0000000000000u, 0},
  /* bfloat16 9.223372036854776e+18 (0x5f00) */
  {CT_BFLOAT16, 0x5f00u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_FLOAT32, 0x5f000000u, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_FLOAT64, 0x43e0000000000000u, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_COMPLEX64, 0x5f000000u, 0},
  {CT_BFLOAT16, 0x5f00u, 0, CT_COMPLEX128, 0x43e0000000000000u, 0},
  /* bfloat16 65280.0 (0x477f) */
  {CT_BFLOAT16, 0x477fu, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_INT16, 0xff00u, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_INT32, 0xff00u, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_INT64, 0xff00u, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_FLOAT16, 0x7bf8u, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_FLOAT32, 0x477f0000u, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_FLOAT64, 0x40efe00000000000u, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_COMPLEX64, 0x477f0000u, 0},
  {CT_BFLOAT16, 0x477fu, 0, CT_COMPLEX128, 0x40efe00000000000u, 0},
  /* bfloat16 65536.0 (0x4780) */
  {CT_BFLOAT16, 0x4780u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_INT32, 0x10000u, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_INT64, 0x10000u, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_FLOAT32, 0x47800000u, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_FLOAT64, 0x40f0000000000000u, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_COMPLEX64, 0x47800000u, 0},
  {CT_BFLOAT16, 0x4780u, 0, CT_COMPLEX128, 0x40f0000000000000u, 0},
  /* bfloat16 3.3895313892515355e+38 (0x7f7f) */
  {CT_BFLOAT16, 0x7f7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_FLOAT32, 0x7f7f0000u, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_FLOAT64, 0x47efe00000000000u, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_COMPLEX64, 0x7f7f0000u, 0},
  {CT_BFLOAT16, 0x7f7fu, 0, CT_COMPLEX128, 0x47efe00000000000u, 0},
  /* bfloat16 -3.3895313892515355e+38 (0xff7f) */
  {CT_BFLOAT16, 0xff7fu, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_FLOAT32, 0xff7f0000u, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_FLOAT64, 0xc7efe00000000000u, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_COMPLEX64, 0xff7f0000u, 0},
  {CT_BFLOAT16, 0xff7fu, 0, CT_COMPLEX128, 0xc7efe00000000000u, 0},
  /* bfloat16 inf (0x7f80) */
  {CT_BFLOAT16, 0x7f80u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_FLOAT32, 0x7f800000u, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_FLOAT64, 0x7ff0000000000000u, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_COMPLEX64, 0x7f800000u, 0},
  {CT_BFLOAT16, 0x7f80u, 0, CT_COMPLEX128, 0x7ff0000000000000u, 0},
  /* bfloat16 -inf (0xff80) */
  {CT_BFLOAT16, 0xff80u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_FLOAT32, 0xff800000u, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_FLOAT64, 0xfff0000000000000u, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_COMPLEX64, 0xff800000u, 0},
  {CT_BFLOAT16, 0xff80u, 0, CT_COMPLEX128, 0xfff0000000000000u, 0},
  /* bfloat16 nan (0x7fc0) */
  {CT_BFLOAT16, 0x7fc0u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_FLOAT16, 0x7e00u, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_FLOAT32, 0x7fc00000u, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_FLOAT64, 0x7ff8000000000000u, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_COMPLEX64, 0x7fc00000u, 0},
  {CT_BFLOAT16, 0x7fc0u, 0, CT_COMPLEX128, 0x7ff8000000000000u, 0},
  /* bfloat16 -nan (0xffc0) */
  {CT_BFLOAT16, 0xffc0u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_FLOAT16, 0xfe00u, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_FLOAT32, 0xffc00000u, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_FLOAT64, 0xfff8000000000000u, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_COMPLEX64, 0xffc00000u, 0},
  {CT_BFLOAT16, 0xffc0u, 0, CT_COMPLEX128, 0xfff8000000000000u, 0},
  /* bfloat16 nan (0x7f81) */
  {CT_BFLOAT16, 0x7f81u, 0, CT_BOOL, 0x1u, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_UINT8, 0, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_INT8, 0, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_INT16, 0, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_INT32, 0x80000000u, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_FLOAT16, 0x7e00u, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_FLOAT32, 0x7f810000u, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_FLOAT64, 0x7ff8200000000000u, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_COMPLEX64, 0x7f810000u, 0},
  {CT_BFLOAT16, 0x7f81u, 0, CT_COMPLEX128, 0x7ff8200000000000u, 0},
  /* float32 0.0 */
  {CT_FLOAT32, 0, 0, CT_BOOL, 0, 0},
  {CT_FLOAT32, 0, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0, 0, CT_FLOAT16, 0, 0},
  {CT_FLOAT32, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_FLOAT32, 0, 0, CT_FLOAT64, 0, 0},
  {CT_FLOAT32, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_FLOAT32, 0, 0, CT_COMPLEX128, 0, 0},
  /* float32 -0.0 */
  {CT_FLOAT32, 0x80000000u, 0, CT_BOOL, 0, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_FLOAT16, 0x8000u, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_BFLOAT16, 0x8000u, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_FLOAT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_COMPLEX64, 0x80000000u, 0},
  {CT_FLOAT32, 0x80000000u, 0, CT_COMPLEX128, 0x8000000000000000u, 0},
  /* float32 0.5 */
  {CT_FLOAT32, 0x3f000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_FLOAT16, 0x3800u, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_BFLOAT16, 0x3f00u, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_FLOAT64, 0x3fe0000000000000u, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_COMPLEX64, 0x3f000000u, 0},
  {CT_FLOAT32, 0x3f000000u, 0, CT_COMPLEX128, 0x3fe0000000000000u, 0},
  /* float32 -0.5 */
  {CT_FLOAT32, 0xbf000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_FLOAT16, 0xb800u, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_BFLOAT16, 0xbf00u, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_FLOAT64, 0xbfe0000000000000u, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_COMPLEX64, 0xbf000000u, 0},
  {CT_FLOAT32, 0xbf000000u, 0, CT_COMPLEX128, 0xbfe0000000000000u, 0},
  /* float32 1.5 */
  {CT_FLOAT32, 0x3fc00000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_FLOAT16, 0x3e00u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_BFLOAT16, 0x3fc0u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_FLOAT64, 0x3ff8000000000000u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_COMPLEX64, 0x3fc00000u, 0},
  {CT_FLOAT32, 0x3fc00000u, 0, CT_COMPLEX128, 0x3ff8000000000000u, 0},
  /* float32 -1.5 */
  {CT_FLOAT32, 0xbfc00000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_UINT8, 0xffu, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_INT8, 0xffu, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_INT16, 0xffffu, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_INT32, 0xffffffffu, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_FLOAT16, 0xbe00u, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_BFLOAT16, 0xbfc0u, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_FLOAT64, 0xbff8000000000000u, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_COMPLEX64, 0xbfc00000u, 0},
  {CT_FLOAT32, 0xbfc00000u, 0, CT_COMPLEX128, 0xbff8000000000000u, 0},
  /* float32 2.5 */
  {CT_FLOAT32, 0x40200000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_UINT8, 0x2u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_INT8, 0x2u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_INT16, 0x2u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_INT32, 0x2u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_INT64, 0x2u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_FLOAT16, 0x4100u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_BFLOAT16, 0x4020u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_FLOAT64, 0x4004000000000000u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_COMPLEX64, 0x40200000u, 0},
  {CT_FLOAT32, 0x40200000u, 0, CT_COMPLEX128, 0x4004000000000000u, 0},
  /* float32 -2.5 */
  {CT_FLOAT32, 0xc0200000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_UINT8, 0xfeu, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_INT8, 0xfeu, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_INT16, 0xfffeu, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_INT32, 0xfffffffeu, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_INT64, 0xfffffffffffffffeu, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_FLOAT16, 0xc100u, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_BFLOAT16, 0xc020u, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_FLOAT64, 0xc004000000000000u, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_COMPLEX64, 0xc0200000u, 0},
  {CT_FLOAT32, 0xc0200000u, 0, CT_COMPLEX128, 0xc004000000000000u, 0},
  /* float32 0.10000000149011612 */
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_FLOAT16, 0x2e66u, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_BFLOAT16, 0x3dcdu, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_FLOAT64, 0x3fb99999a0000000u, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_COMPLEX64, 0x3dcccccdu, 0},
  {CT_FLOAT32, 0x3dcccccdu, 0, CT_COMPLEX128, 0x3fb99999a0000000u, 0},
  /* float32 1.0 */
  {CT_FLOAT32, 0x3f800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_FLOAT64, 0x3ff0000000000000u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_FLOAT32, 0x3f800000u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* float32 -1.0 */
  {CT_FLOAT32, 0xbf800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_UINT8, 0xffu, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_INT8, 0xffu, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_INT16, 0xffffu, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_INT32, 0xffffffffu, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_FLOAT16, 0xbc00u, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_BFLOAT16, 0xbf80u, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_FLOAT64, 0xbff0000000000000u, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_COMPLEX64, 0xbf800000u, 0},
  {CT_FLOAT32, 0xbf800000u, 0, CT_COMPLEX128, 0xbff0000000000000u, 0},
  /* float32 255.89999389648438 */
  {CT_FLOAT32, 0x437fe666u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_UINT8, 0xffu, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_INT8, 0xffu, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_INT16, 0xffu, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_INT32, 0xffu, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_INT64, 0xffu, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_FLOAT16, 0x5bffu, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_BFLOAT16, 0x4380u, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_FLOAT64, 0x406ffcccc0000000u, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_COMPLEX64, 0x437fe666u, 0},
  {CT_FLOAT32, 0x437fe666u, 0, CT_COMPLEX128, 0x406ffcccc0000000u, 0},
  /* float32 -129.5 */
  {CT_FLOAT32, 0xc3018000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_UINT8, 0x7fu, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_INT8, 0x7fu, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_INT16, 0xff7fu, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_INT32, 0xffffff7fu, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_INT64, 0xffffffffffffff7fu, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_FLOAT16, 0xd80cu, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_BFLOAT16, 0xc302u, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_FLOAT64, 0xc060300000000000u, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_COMPLEX64, 0xc3018000u, 0},
  {CT_FLOAT32, 0xc3018000u, 0, CT_COMPLEX128, 0xc060300000000000u, 0},
  /* float32 300.0 */
  {CT_FLOAT32, 0x43960000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_UINT8, 0x2cu, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_INT8, 0x2cu, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_INT16, 0x12cu, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_INT32, 0x12cu, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_INT64, 0x12cu, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_FLOAT16, 0x5cb0u, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_BFLOAT16, 0x4396u, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_FLOAT64, 0x4072c00000000000u, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_COMPLEX64, 0x43960000u, 0},
  {CT_FLOAT32, 0x43960000u, 0, CT_COMPLEX128, 0x4072c00000000000u, 0},
  /* float32 40000.0 */
  {CT_FLOAT32, 0x471c4000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_UINT8, 0x40u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_INT8, 0x40u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_INT16, 0x9c40u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_INT32, 0x9c40u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_INT64, 0x9c40u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_FLOAT16, 0x78e2u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_BFLOAT16, 0x471cu, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_FLOAT64, 0x40e3880000000000u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_COMPLEX64, 0x471c4000u, 0},
  {CT_FLOAT32, 0x471c4000u, 0, CT_COMPLEX128, 0x40e3880000000000u, 0},
  /* float32 65504.0 */
  {CT_FLOAT32, 0x477fe000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_UINT8, 0xe0u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_INT8, 0xe0u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_INT16, 0xffe0u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_INT32, 0xffe0u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_INT64, 0xffe0u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_FLOAT16, 0x7bffu, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_FLOAT64, 0x40effc0000000000u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_COMPLEX64, 0x477fe000u, 0},
  {CT_FLOAT32, 0x477fe000u, 0, CT_COMPLEX128, 0x40effc0000000000u, 0},
  /* float32 65519.0 */
  {CT_FLOAT32, 0x477fef00u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_UINT8, 0xefu, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_INT8, 0xefu, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_INT16, 0xffefu, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_INT32, 0xffefu, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_INT64, 0xffefu, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_FLOAT16, 0x7bffu, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_FLOAT64, 0x40effde000000000u, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_COMPLEX64, 0x477fef00u, 0},
  {CT_FLOAT32, 0x477fef00u, 0, CT_COMPLEX128, 0x40effde000000000u, 0},
  /* float32 65520.0 */
  {CT_FLOAT32, 0x477ff000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_UINT8, 0xf0u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_INT8, 0xf0u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_INT16, 0xfff0u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_INT32, 0xfff0u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_INT64, 0xfff0u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_FLOAT64, 0x40effe0000000000u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_COMPLEX64, 0x477ff000u, 0},
  {CT_FLOAT32, 0x477ff000u, 0, CT_COMPLEX128, 0x40effe0000000000u, 0},
  /* float32 9.99999993922529e-09 */
  {CT_FLOAT32, 0x322bcc77u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_FLOAT16, 0, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_BFLOAT16, 0x322cu, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_FLOAT64, 0x3e45798ee0000000u, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_COMPLEX64, 0x322bcc77u, 0},
  {CT_FLOAT32, 0x322bcc77u, 0, CT_COMPLEX128, 0x3e45798ee0000000u, 0},
  /* float32 5.99999978589949e-08 */
  {CT_FLOAT32, 0x3380d959u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_FLOAT16, 0x1u, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_BFLOAT16, 0x3381u, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_FLOAT64, 0x3e701b2b20000000u, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_COMPLEX64, 0x3380d959u, 0},
  {CT_FLOAT32, 0x3380d959u, 0, CT_COMPLEX128, 0x3e701b2b20000000u, 0},
  /* float32 9.999999747378752e-06 */
  {CT_FLOAT32, 0x3727c5acu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_FLOAT16, 0xa8u, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_BFLOAT16, 0x3728u, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_FLOAT64, 0x3ee4f8b580000000u, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_COMPLEX64, 0x3727c5acu, 0},
  {CT_FLOAT32, 0x3727c5acu, 0, CT_COMPLEX128, 0x3ee4f8b580000000u, 0},
  /* float32 2147483648.0 */
  {CT_FLOAT32, 0x4f000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_INT64, 0x80000000u, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_BFLOAT16, 0x4f00u, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_FLOAT64, 0x41e0000000000000u, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_COMPLEX64, 0x4f000000u, 0},
  {CT_FLOAT32, 0x4f000000u, 0, CT_COMPLEX128, 0x41e0000000000000u, 0},
  /* float32 -2147483648.0 */
  {CT_FLOAT32, 0xcf000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_INT64, 0xffffffff80000000u, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_BFLOAT16, 0xcf00u, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_FLOAT64, 0xc1e0000000000000u, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_COMPLEX64, 0xcf000000u, 0},
  {CT_FLOAT32, 0xcf000000u, 0, CT_COMPLEX128, 0xc1e0000000000000u, 0},
  /* float32 3000000000.0 */
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_INT64, 0xb2d05e00u, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_BFLOAT16, 0x4f33u, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_FLOAT64, 0x41e65a0bc0000000u, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_COMPLEX64, 0x4f32d05eu, 0},
  {CT_FLOAT32, 0x4f32d05eu, 0, CT_COMPLEX128, 0x41e65a0bc0000000u, 0},
  /* float32 -3000000000.0 */
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_INT64, 0xffffffff4d2fa200u, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_BFLOAT16, 0xcf33u, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_FLOAT64, 0xc1e65a0bc0000000u, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_COMPLEX64, 0xcf32d05eu, 0},
  {CT_FLOAT32, 0xcf32d05eu, 0, CT_COMPLEX128, 0xc1e65a0bc0000000u, 0},
  /* float32 10000000000.0 */
  {CT_FLOAT32, 0x501502f9u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_INT64, 0x2540be400u, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_BFLOAT16, 0x5015u, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_FLOAT64, 0x4202a05f20000000u, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_COMPLEX64, 0x501502f9u, 0},
  {CT_FLOAT32, 0x501502f9u, 0, CT_COMPLEX128, 0x4202a05f20000000u, 0},
  /* float32 9.223372036854776e+18 */
  {CT_FLOAT32, 0x5f000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_BFLOAT16, 0x5f00u, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_FLOAT64, 0x43e0000000000000u, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_COMPLEX64, 0x5f000000u, 0},
  {CT_FLOAT32, 0x5f000000u, 0, CT_COMPLEX128, 0x43e0000000000000u, 0},
  /* float32 -9.223372036854776e+18 */
  {CT_FLOAT32, 0xdf000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_BFLOAT16, 0xdf00u, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_FLOAT64, 0xc3e0000000000000u, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_COMPLEX64, 0xdf000000u, 0},
  {CT_FLOAT32, 0xdf000000u, 0, CT_COMPLEX128, 0xc3e0000000000000u, 0},
  /* float32 1.0000000200408773e+20 */
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_BFLOAT16, 0x60adu, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_FLOAT64, 0x4415af1d80000000u, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_COMPLEX64, 0x60ad78ecu, 0},
  {CT_FLOAT32, 0x60ad78ecu, 0, CT_COMPLEX128, 0x4415af1d80000000u, 0},
  /* float32 -1.0000000200408773e+20 */
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_BFLOAT16, 0xe0adu, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_FLOAT64, 0xc415af1d80000000u, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_COMPLEX64, 0xe0ad78ecu, 0},
  {CT_FLOAT32, 0xe0ad78ecu, 0, CT_COMPLEX128, 0xc415af1d80000000u, 0},
  /* float32 16777216.0 */
  {CT_FLOAT32, 0x4b800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_INT32, 0x1000000u, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_INT64, 0x1000000u, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_BFLOAT16, 0x4b80u, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_FLOAT64, 0x4170000000000000u, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_COMPLEX64, 0x4b800000u, 0},
  {CT_FLOAT32, 0x4b800000u, 0, CT_COMPLEX128, 0x4170000000000000u, 0},
  /* float32 1.00390625 */
  {CT_FLOAT32, 0x3f808000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_FLOAT16, 0x3c04u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_FLOAT64, 0x3ff0100000000000u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_COMPLEX64, 0x3f808000u, 0},
  {CT_FLOAT32, 0x3f808000u, 0, CT_COMPLEX128, 0x3ff0100000000000u, 0},
  /* float32 1.01171875 */
  {CT_FLOAT32, 0x3f818000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_FLOAT16, 0x3c0cu, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_BFLOAT16, 0x3f82u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_FLOAT64, 0x3ff0300000000000u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_COMPLEX64, 0x3f818000u, 0},
  {CT_FLOAT32, 0x3f818000u, 0, CT_COMPLEX128, 0x3ff0300000000000u, 0},
  /* float32 1.00048828125 */
  {CT_FLOAT32, 0x3f801000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_FLOAT64, 0x3ff0020000000000u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_COMPLEX64, 0x3f801000u, 0},
  {CT_FLOAT32, 0x3f801000u, 0, CT_COMPLEX128, 0x3ff0020000000000u, 0},
  /* float32 1.001953125 */
  {CT_FLOAT32, 0x3f804000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_FLOAT16, 0x3c02u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_FLOAT64, 0x3ff0080000000000u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_COMPLEX64, 0x3f804000u, 0},
  {CT_FLOAT32, 0x3f804000u, 0, CT_COMPLEX128, 0x3ff0080000000000u, 0},
  /* float32 inf */
  {CT_FLOAT32, 0x7f800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_BFLOAT16, 0x7f80u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_FLOAT64, 0x7ff0000000000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_COMPLEX64, 0x7f800000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_COMPLEX128, 0x7ff0000000000000u, 0},
  /* float32 9.99994610111476e-41 */
  {CT_FLOAT32, 0x116c2u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_FLOAT16, 0, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_BFLOAT16, 0x1u, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_FLOAT64, 0x37a16c2000000000u, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_COMPLEX64, 0x116c2u, 0},
  {CT_FLOAT32, 0x116c2u, 0, CT_COMPLEX128, 0x37a16c2000000000u, 0},
  /* float32 0.0 */
  {CT_FLOAT32, 0, 0, CT_BOOL, 0, 0},
  {CT_FLOAT32, 0, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0, 0, CT_INT32, 0, 0},
  {CT_FLOAT32, 0, 0, CT_INT64, 0, 0},
  {CT_FLOAT32, 0, 0, CT_FLOAT16, 0, 0},
  {CT_FLOAT32, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_FLOAT32, 0, 0, CT_FLOAT64, 0, 0},
  {CT_FLOAT32, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_FLOAT32, 0, 0, CT_COMPLEX128, 0, 0},
  /* float32 inf */
  {CT_FLOAT32, 0x7f800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_BFLOAT16, 0x7f80u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_FLOAT64, 0x7ff0000000000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_COMPLEX64, 0x7f800000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_COMPLEX128, 0x7ff0000000000000u, 0},
  /* float32 inf */
  {CT_FLOAT32, 0x7f800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_BFLOAT16, 0x7f80u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_FLOAT64, 0x7ff0000000000000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_COMPLEX64, 0x7f800000u, 0},
  {CT_FLOAT32, 0x7f800000u, 0, CT_COMPLEX128, 0x7ff0000000000000u, 0},
  /* float32 -inf */
  {CT_FLOAT32, 0xff800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_BFLOAT16, 0xff80u, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_FLOAT64, 0xfff0000000000000u, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_COMPLEX64, 0xff800000u, 0},
  {CT_FLOAT32, 0xff800000u, 0, CT_COMPLEX128, 0xfff0000000000000u, 0},
  /* float32 nan */
  {CT_FLOAT32, 0x7fc00000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_FLOAT16, 0x7e00u, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_BFLOAT16, 0x7fc0u, 0}, /* rewritten */
  {CT_FLOAT32, 0x7fc00000u, 0, CT_FLOAT64, 0x7ff8000000000000u, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_COMPLEX64, 0x7fc00000u, 0},
  {CT_FLOAT32, 0x7fc00000u, 0, CT_COMPLEX128, 0x7ff8000000000000u, 0},
  /* float32 -nan */
  {CT_FLOAT32, 0xffc00000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_FLOAT16, 0xfe00u, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_BFLOAT16, 0x7fc0u, 0}, /* rewritten */
  {CT_FLOAT32, 0xffc00000u, 0, CT_FLOAT64, 0xfff8000000000000u, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_COMPLEX64, 0xffc00000u, 0},
  {CT_FLOAT32, 0xffc00000u, 0, CT_COMPLEX128, 0xfff8000000000000u, 0},
  /* float64 0.0 */
  {CT_FLOAT64, 0, 0, CT_BOOL, 0, 0},
  {CT_FLOAT64, 0, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0, 0, CT_FLOAT16, 0, 0},
  {CT_FLOAT64, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_FLOAT64, 0, 0, CT_FLOAT32, 0, 0},
  {CT_FLOAT64, 0, 0, CT_COMPLEX64, 0, 0},
  {CT_FLOAT64, 0, 0, CT_COMPLEX128, 0, 0},
  /* float64 -0.0 */
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_BOOL, 0, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_FLOAT16, 0x8000u, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_BFLOAT16, 0x8000u, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_FLOAT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_COMPLEX64, 0x80000000u, 0},
  {CT_FLOAT64, 0x8000000000000000u, 0, CT_COMPLEX128, 0x8000000000000000u, 0},
  /* float64 0.5 */
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_FLOAT16, 0x3800u, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_BFLOAT16, 0x3f00u, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_FLOAT32, 0x3f000000u, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_COMPLEX64, 0x3f000000u, 0},
  {CT_FLOAT64, 0x3fe0000000000000u, 0, CT_COMPLEX128, 0x3fe0000000000000u, 0},
  /* float64 -0.5 */
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_FLOAT16, 0xb800u, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_BFLOAT16, 0xbf00u, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_FLOAT32, 0xbf000000u, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_COMPLEX64, 0xbf000000u, 0},
  {CT_FLOAT64, 0xbfe0000000000000u, 0, CT_COMPLEX128, 0xbfe0000000000000u, 0},
  /* float64 1.5 */
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_FLOAT16, 0x3e00u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_BFLOAT16, 0x3fc0u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_FLOAT32, 0x3fc00000u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_COMPLEX64, 0x3fc00000u, 0},
  {CT_FLOAT64, 0x3ff8000000000000u, 0, CT_COMPLEX128, 0x3ff8000000000000u, 0},
  /* float64 -1.5 */
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_UINT8, 0xffu, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_INT8, 0xffu, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_INT16, 0xffffu, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_INT32, 0xffffffffu, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_FLOAT16, 0xbe00u, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_BFLOAT16, 0xbfc0u, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_FLOAT32, 0xbfc00000u, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_COMPLEX64, 0xbfc00000u, 0},
  {CT_FLOAT64, 0xbff8000000000000u, 0, CT_COMPLEX128, 0xbff8000000000000u, 0},
  /* float64 2.5 */
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_UINT8, 0x2u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_INT8, 0x2u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_INT16, 0x2u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_INT32, 0x2u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_INT64, 0x2u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_FLOAT16, 0x4100u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_BFLOAT16, 0x4020u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_FLOAT32, 0x40200000u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_COMPLEX64, 0x40200000u, 0},
  {CT_FLOAT64, 0x4004000000000000u, 0, CT_COMPLEX128, 0x4004000000000000u, 0},
  /* float64 -2.5 */
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_UINT8, 0xfeu, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_INT8, 0xfeu, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_INT16, 0xfffeu, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_INT32, 0xfffffffeu, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_INT64, 0xfffffffffffffffeu, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_FLOAT16, 0xc100u, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_BFLOAT16, 0xc020u, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_FLOAT32, 0xc0200000u, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_COMPLEX64, 0xc0200000u, 0},
  {CT_FLOAT64, 0xc004000000000000u, 0, CT_COMPLEX128, 0xc004000000000000u, 0},
  /* float64 0.1 */
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_FLOAT16, 0x2e66u, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_BFLOAT16, 0x3dcdu, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_FLOAT32, 0x3dcccccdu, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_COMPLEX64, 0x3dcccccdu, 0},
  {CT_FLOAT64, 0x3fb999999999999au, 0, CT_COMPLEX128, 0x3fb999999999999au, 0},
  /* float64 1.0 */
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_FLOAT32, 0x3f800000u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_COMPLEX64, 0x3f800000u, 0},
  {CT_FLOAT64, 0x3ff0000000000000u, 0, CT_COMPLEX128, 0x3ff0000000000000u, 0},
  /* float64 -1.0 */
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_UINT8, 0xffu, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_INT8, 0xffu, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_INT16, 0xffffu, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_INT32, 0xffffffffu, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_FLOAT16, 0xbc00u, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_BFLOAT16, 0xbf80u, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_FLOAT32, 0xbf800000u, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_COMPLEX64, 0xbf800000u, 0},
  {CT_FLOAT64, 0xbff0000000000000u, 0, CT_COMPLEX128, 0xbff0000000000000u, 0},
  /* float64 255.9 */
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_UINT8, 0xffu, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_INT8, 0xffu, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_INT16, 0xffu, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_INT32, 0xffu, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_INT64, 0xffu, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_FLOAT16, 0x5bffu, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_BFLOAT16, 0x4380u, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_FLOAT32, 0x437fe666u, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_COMPLEX64, 0x437fe666u, 0},
  {CT_FLOAT64, 0x406ffccccccccccdu, 0, CT_COMPLEX128, 0x406ffccccccccccdu, 0},
  /* float64 -129.5 */
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_UINT8, 0x7fu, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_INT8, 0x7fu, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_INT16, 0xff7fu, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_INT32, 0xffffff7fu, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_INT64, 0xffffffffffffff7fu, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_FLOAT16, 0xd80cu, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_BFLOAT16, 0xc302u, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_FLOAT32, 0xc3018000u, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_COMPLEX64, 0xc3018000u, 0},
  {CT_FLOAT64, 0xc060300000000000u, 0, CT_COMPLEX128, 0xc060300000000000u, 0},
  /* float64 300.0 */
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_UINT8, 0x2cu, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_INT8, 0x2cu, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_INT16, 0x12cu, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_INT32, 0x12cu, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_INT64, 0x12cu, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_FLOAT16, 0x5cb0u, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_BFLOAT16, 0x4396u, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_FLOAT32, 0x43960000u, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_COMPLEX64, 0x43960000u, 0},
  {CT_FLOAT64, 0x4072c00000000000u, 0, CT_COMPLEX128, 0x4072c00000000000u, 0},
  /* float64 40000.0 */
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_UINT8, 0x40u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_INT8, 0x40u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_INT16, 0x9c40u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_INT32, 0x9c40u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_INT64, 0x9c40u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_FLOAT16, 0x78e2u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_BFLOAT16, 0x471cu, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_FLOAT32, 0x471c4000u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_COMPLEX64, 0x471c4000u, 0},
  {CT_FLOAT64, 0x40e3880000000000u, 0, CT_COMPLEX128, 0x40e3880000000000u, 0},
  /* float64 65504.0 */
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_UINT8, 0xe0u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_INT8, 0xe0u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_INT16, 0xffe0u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_INT32, 0xffe0u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_INT64, 0xffe0u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_FLOAT16, 0x7bffu, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_FLOAT32, 0x477fe000u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_COMPLEX64, 0x477fe000u, 0},
  {CT_FLOAT64, 0x40effc0000000000u, 0, CT_COMPLEX128, 0x40effc0000000000u, 0},
  /* float64 65519.0 */
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_UINT8, 0xefu, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_INT8, 0xefu, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_INT16, 0xffefu, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_INT32, 0xffefu, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_INT64, 0xffefu, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_FLOAT16, 0x7bffu, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_FLOAT32, 0x477fef00u, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_COMPLEX64, 0x477fef00u, 0},
  {CT_FLOAT64, 0x40effde000000000u, 0, CT_COMPLEX128, 0x40effde000000000u, 0},
  /* float64 65520.0 */
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_UINT8, 0xf0u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_INT8, 0xf0u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_INT16, 0xfff0u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_INT32, 0xfff0u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_INT64, 0xfff0u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_FLOAT32, 0x477ff000u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_COMPLEX64, 0x477ff000u, 0},
  {CT_FLOAT64, 0x40effe0000000000u, 0, CT_COMPLEX128, 0x40effe0000000000u, 0},
  /* float64 1e-08 */
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_FLOAT16, 0, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_BFLOAT16, 0x322cu, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_FLOAT32, 0x322bcc77u, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_COMPLEX64, 0x322bcc77u, 0},
  {CT_FLOAT64, 0x3e45798ee2308c3au, 0, CT_COMPLEX128, 0x3e45798ee2308c3au, 0},
  /* float64 6e-08 */
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_FLOAT16, 0x1u, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_BFLOAT16, 0x3381u, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_FLOAT32, 0x3380d959u, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_COMPLEX64, 0x3380d959u, 0},
  {CT_FLOAT64, 0x3e701b2b29a4692bu, 0, CT_COMPLEX128, 0x3e701b2b29a4692bu, 0},
  /* float64 1e-05 */
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_FLOAT16, 0xa8u, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_BFLOAT16, 0x3728u, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_FLOAT32, 0x3727c5acu, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_COMPLEX64, 0x3727c5acu, 0},
  {CT_FLOAT64, 0x3ee4f8b588e368f1u, 0, CT_COMPLEX128, 0x3ee4f8b588e368f1u, 0},
  /* float64 2147483648.0 */
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_INT64, 0x80000000u, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_BFLOAT16, 0x4f00u, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_FLOAT32, 0x4f000000u, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_COMPLEX64, 0x4f000000u, 0},
  {CT_FLOAT64, 0x41e0000000000000u, 0, CT_COMPLEX128, 0x41e0000000000000u, 0},
  /* float64 -2147483648.0 */
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_INT64, 0xffffffff80000000u, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_BFLOAT16, 0xcf00u, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_FLOAT32, 0xcf000000u, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_COMPLEX64, 0xcf000000u, 0},
  {CT_FLOAT64, 0xc1e0000000000000u, 0, CT_COMPLEX128, 0xc1e0000000000000u, 0},
  /* float64 3000000000.0 */
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_INT64, 0xb2d05e00u, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_BFLOAT16, 0x4f33u, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_FLOAT32, 0x4f32d05eu, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_COMPLEX64, 0x4f32d05eu, 0},
  {CT_FLOAT64, 0x41e65a0bc0000000u, 0, CT_COMPLEX128, 0x41e65a0bc0000000u, 0},
  /* float64 -3000000000.0 */
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_INT64, 0xffffffff4d2fa200u, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_BFLOAT16, 0xcf33u, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_FLOAT32, 0xcf32d05eu, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_COMPLEX64, 0xcf32d05eu, 0},
  {CT_FLOAT64, 0xc1e65a0bc0000000u, 0, CT_COMPLEX128, 0xc1e65a0bc0000000u, 0},
  /* float64 10000000000.0 */
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_INT64, 0x2540be400u, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_BFLOAT16, 0x5015u, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_FLOAT32, 0x501502f9u, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_COMPLEX64, 0x501502f9u, 0},
  {CT_FLOAT64, 0x4202a05f20000000u, 0, CT_COMPLEX128, 0x4202a05f20000000u, 0},
  /* float64 9.223372036854776e+18 */
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_BFLOAT16, 0x5f00u, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_FLOAT32, 0x5f000000u, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_COMPLEX64, 0x5f000000u, 0},
  {CT_FLOAT64, 0x43e0000000000000u, 0, CT_COMPLEX128, 0x43e0000000000000u, 0},
  /* float64 -9.223372036854776e+18 */
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_BFLOAT16, 0xdf00u, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_FLOAT32, 0xdf000000u, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_COMPLEX64, 0xdf000000u, 0},
  {CT_FLOAT64, 0xc3e0000000000000u, 0, CT_COMPLEX128, 0xc3e0000000000000u, 0},
  /* float64 1e+20 */
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_BFLOAT16, 0x60adu, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_FLOAT32, 0x60ad78ecu, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_COMPLEX64, 0x60ad78ecu, 0},
  {CT_FLOAT64, 0x4415af1d78b58c40u, 0, CT_COMPLEX128, 0x4415af1d78b58c40u, 0},
  /* float64 -1e+20 */
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_BFLOAT16, 0xe0adu, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_FLOAT32, 0xe0ad78ecu, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_COMPLEX64, 0xe0ad78ecu, 0},
  {CT_FLOAT64, 0xc415af1d78b58c40u, 0, CT_COMPLEX128, 0xc415af1d78b58c40u, 0},
  /* float64 16777217.0 */
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_INT32, 0x1000001u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_INT64, 0x1000001u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_BFLOAT16, 0x4b80u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_FLOAT32, 0x4b800000u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_COMPLEX64, 0x4b800000u, 0},
  {CT_FLOAT64, 0x4170000010000000u, 0, CT_COMPLEX128, 0x4170000010000000u, 0},
  /* float64 1.00390625 */
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_FLOAT16, 0x3c04u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_FLOAT32, 0x3f808000u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_COMPLEX64, 0x3f808000u, 0},
  {CT_FLOAT64, 0x3ff0100000000000u, 0, CT_COMPLEX128, 0x3ff0100000000000u, 0},
  /* float64 1.01171875 */
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_FLOAT16, 0x3c0cu, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_BFLOAT16, 0x3f82u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_FLOAT32, 0x3f818000u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_COMPLEX64, 0x3f818000u, 0},
  {CT_FLOAT64, 0x3ff0300000000000u, 0, CT_COMPLEX128, 0x3ff0300000000000u, 0},
  /* float64 1.0004882812509095 */
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_FLOAT32, 0x3f801000u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_COMPLEX64, 0x3f801000u, 0},
  {CT_FLOAT64, 0x3ff0020000001000u, 0, CT_COMPLEX128, 0x3ff0020000001000u, 0},
  /* float64 1.0019531250009095 */
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_UINT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_INT8, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_INT16, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_INT32, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_INT64, 0x1u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_FLOAT16, 0x3c02u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_FLOAT32, 0x3f804000u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_COMPLEX64, 0x3f804000u, 0},
  {CT_FLOAT64, 0x3ff0080000001000u, 0, CT_COMPLEX128, 0x3ff0080000001000u, 0},
  /* float64 1e+39 */
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_BFLOAT16, 0x7f80u, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_FLOAT32, 0x7f800000u, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_COMPLEX64, 0x7f800000u, 0},
  {CT_FLOAT64, 0x48078287f49c4a1du, 0, CT_COMPLEX128, 0x48078287f49c4a1du, 0},
  /* float64 1e-40 */
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_FLOAT16, 0, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_BFLOAT16, 0x1u, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_FLOAT32, 0x116c2u, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_COMPLEX64, 0x116c2u, 0},
  {CT_FLOAT64, 0x37a16c262777579cu, 0, CT_COMPLEX128, 0x37a16c262777579cu, 0},
  /* float64 1e-46 */
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_INT32, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_INT64, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_FLOAT16, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_BFLOAT16, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_FLOAT32, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_COMPLEX64, 0, 0},
  {CT_FLOAT64, 0x366244ce242c5561u, 0, CT_COMPLEX128, 0x366244ce242c5561u, 0},
  /* float64 3.4028235677973366e+38 */
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_BFLOAT16, 0x7f80u, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_FLOAT32, 0x7f800000u, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_COMPLEX64, 0x7f800000u, 0},
  {CT_FLOAT64, 0x47effffff0000000u, 0, CT_COMPLEX128, 0x47effffff0000000u, 0},
  /* float64 inf */
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_BFLOAT16, 0x7f80u, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_FLOAT32, 0x7f800000u, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_COMPLEX64, 0x7f800000u, 0},
  {CT_FLOAT64, 0x7ff0000000000000u, 0, CT_COMPLEX128, 0x7ff0000000000000u, 0},
  /* float64 -inf */
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_FLOAT16, 0xfc00u, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_BFLOAT16, 0xff80u, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_FLOAT32, 0xff800000u, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_COMPLEX64, 0xff800000u, 0},
  {CT_FLOAT64, 0xfff0000000000000u, 0, CT_COMPLEX128, 0xfff0000000000000u, 0},
  /* float64 nan */
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_FLOAT16, 0x7e00u, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_BFLOAT16, 0x7fc0u, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_FLOAT32, 0x7fc00000u, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_COMPLEX64, 0x7fc00000u, 0},
  {CT_FLOAT64, 0x7ff8000000000000u, 0, CT_COMPLEX128, 0x7ff8000000000000u, 0},
  /* float64 -nan */
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_UINT8, 0, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_INT8, 0, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_INT16, 0, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_FLOAT16, 0xfe00u, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_BFLOAT16, 0x7fc0u, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_FLOAT32, 0xffc00000u, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_COMPLEX64, 0xffc00000u, 0},
  {CT_FLOAT64, 0xfff8000000000000u, 0, CT_COMPLEX128, 0xfff8000000000000u, 0},
  /* complex64 (0.0, 0.0) */
  {CT_COMPLEX64, 0, 0, CT_BOOL, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_INT32, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_INT64, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_FLOAT16, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_FLOAT32, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_FLOAT64, 0, 0},
  {CT_COMPLEX64, 0, 0, CT_COMPLEX128, 0, 0},
  /* complex64 (-0.0, 0.0) */
  {CT_COMPLEX64, 0x80000000u, 0, CT_BOOL, 0, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_INT32, 0, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_INT64, 0, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_FLOAT16, 0x8000u, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_BFLOAT16, 0x8000u, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_FLOAT32, 0x80000000u, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_FLOAT64, 0x8000000000000000u, 0},
  {CT_COMPLEX64, 0x80000000u, 0, CT_COMPLEX128, 0x8000000000000000u, 0},
  /* complex64 (0.0, 1.0) */
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_BOOL, 0x1u, 0}, /* rewritten */
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_INT32, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_INT64, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_FLOAT16, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_BFLOAT16, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_FLOAT32, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_FLOAT64, 0, 0},
  {CT_COMPLEX64, 0x3f80000000000000u, 0, CT_COMPLEX128, 0, 0x3ff0000000000000u},
  /* complex64 (0.0, -0.0) */
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_BOOL, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_INT32, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_INT64, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_FLOAT16, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_BFLOAT16, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_FLOAT32, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_FLOAT64, 0, 0},
  {CT_COMPLEX64, 0x8000000000000000u, 0, CT_COMPLEX128, 0, 0x8000000000000000u},
  /* complex64 (1.5, -2.5) */
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_UINT8, 0x1u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_INT8, 0x1u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_INT16, 0x1u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_INT32, 0x1u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_INT64, 0x1u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_FLOAT16, 0x3e00u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_BFLOAT16, 0x3fc0u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_FLOAT32, 0x3fc00000u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_FLOAT64, 0x3ff8000000000000u, 0},
  {CT_COMPLEX64, 0xc02000003fc00000u, 0, CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u},
  /* complex64 (-2.5, 1.0000000200408773e+20) */
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_UINT8, 0xfeu, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_INT8, 0xfeu, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_INT16, 0xfffeu, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_INT32, 0xfffffffeu, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_INT64, 0xfffffffffffffffeu, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_FLOAT16, 0xc100u, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_BFLOAT16, 0xc020u, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_FLOAT32, 0xc0200000u, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_FLOAT64, 0xc004000000000000u, 0},
  {CT_COMPLEX64, 0x60ad78ecc0200000u, 0, CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d80000000u},
  /* complex64 (3000000000.0, 1.0) */
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_INT32, 0x80000000u, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_INT64, 0xb2d05e00u, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_BFLOAT16, 0x4f33u, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_FLOAT32, 0x4f32d05eu, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_FLOAT64, 0x41e65a0bc0000000u, 0},
  {CT_COMPLEX64, 0x3f8000004f32d05eu, 0, CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u},
  /* complex64 (65520.0, 65504.0) */
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_UINT8, 0xf0u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_INT8, 0xf0u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_INT16, 0xfff0u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_INT32, 0xfff0u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_INT64, 0xfff0u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_BFLOAT16, 0x4780u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_FLOAT32, 0x477ff000u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_FLOAT64, 0x40effe0000000000u, 0},
  {CT_COMPLEX64, 0x477fe000477ff000u, 0, CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u},
  /* complex64 (300.0, -300.0) */
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_UINT8, 0x2cu, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_INT8, 0x2cu, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_INT16, 0x12cu, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_INT32, 0x12cu, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_INT64, 0x12cu, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_FLOAT16, 0x5cb0u, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_BFLOAT16, 0x4396u, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_FLOAT32, 0x43960000u, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_FLOAT64, 0x4072c00000000000u, 0},
  {CT_COMPLEX64, 0xc396000043960000u, 0, CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u},
  /* complex64 (-1.0, 0.5) */
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_UINT8, 0xffu, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_INT8, 0xffu, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_INT16, 0xffffu, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_INT32, 0xffffffffu, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_FLOAT16, 0xbc00u, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_BFLOAT16, 0xbf80u, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_FLOAT32, 0xbf800000u, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_FLOAT64, 0xbff0000000000000u, 0},
  {CT_COMPLEX64, 0x3f000000bf800000u, 0, CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u},
  /* complex64 (9.99999993922529e-09, 9.99994610111476e-41) */
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_INT32, 0, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_INT64, 0, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_FLOAT16, 0, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_BFLOAT16, 0x322cu, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_FLOAT32, 0x322bcc77u, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_FLOAT64, 0x3e45798ee0000000u, 0},
  {CT_COMPLEX64, 0x116c2322bcc77u, 0, CT_COMPLEX128, 0x3e45798ee0000000u, 0x37a16c2000000000u},
  /* complex64 (1.00048828125, inf) */
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_UINT8, 0x1u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_INT8, 0x1u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_INT16, 0x1u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_INT32, 0x1u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_INT64, 0x1u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_FLOAT16, 0x3c00u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_BFLOAT16, 0x3f80u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_FLOAT32, 0x3f801000u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_FLOAT64, 0x3ff0020000000000u, 0},
  {CT_COMPLEX64, 0x7f8000003f801000u, 0, CT_COMPLEX128, 0x3ff0020000000000u, 0x7ff0000000000000u},
  /* complex64 (inf, -inf) */
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_FLOAT16, 0x7c00u, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_BFLOAT16, 0x7f80u, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_FLOAT32, 0x7f800000u, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_FLOAT64, 0x7ff0000000000000u, 0},
  {CT_COMPLEX64, 0xff8000007f800000u, 0, CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u},
  /* complex64 (nan, 0.0) */
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_FLOAT16, 0x7e00u, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_BFLOAT16, 0x7fc0u, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_FLOAT32, 0x7fc00000u, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_FLOAT64, 0x7ff8000000000000u, 0},
  {CT_COMPLEX64, 0x7fc00000u, 0, CT_COMPLEX128, 0x7ff8000000000000u, 0},
  /* complex64 (0.0, nan) */
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_BOOL, 0x1u, 0}, /* rewritten */
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_INT32, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_INT64, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_FLOAT16, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_BFLOAT16, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_FLOAT32, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_FLOAT64, 0, 0},
  {CT_COMPLEX64, 0x7fc0000000000000u, 0, CT_COMPLEX128, 0, 0x7ff8000000000000u},
  /* complex128 (0.0, 0.0) */
  {CT_COMPLEX128, 0, 0, CT_BOOL, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_INT32, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_INT64, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_FLOAT16, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_BFLOAT16, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_FLOAT32, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_FLOAT64, 0, 0},
  {CT_COMPLEX128, 0, 0, CT_COMPLEX64, 0, 0},
  /* complex128 (-0.0, 0.0) */
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_BOOL, 0, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_INT32, 0, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_INT64, 0, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_FLOAT16, 0x8000u, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_BFLOAT16, 0x8000u, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_FLOAT32, 0x80000000u, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_FLOAT64, 0x8000000000000000u, 0},
  {CT_COMPLEX128, 0x8000000000000000u, 0, CT_COMPLEX64, 0x80000000u, 0},
  /* complex128 (0.0, 1.0) */
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_BOOL, 0x1u, 0}, /* rewritten */
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_INT32, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_INT64, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_FLOAT16, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_BFLOAT16, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_FLOAT32, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_FLOAT64, 0, 0},
  {CT_COMPLEX128, 0, 0x3ff0000000000000u, CT_COMPLEX64, 0x3f80000000000000u, 0},
  /* complex128 (0.0, -0.0) */
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_BOOL, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_INT32, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_INT64, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_FLOAT16, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_BFLOAT16, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_FLOAT32, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_FLOAT64, 0, 0},
  {CT_COMPLEX128, 0, 0x8000000000000000u, CT_COMPLEX64, 0x8000000000000000u, 0},
  /* complex128 (1.5, -2.5) */
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_UINT8, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_INT8, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_INT16, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_INT32, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_INT64, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_FLOAT16, 0x3e00u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_BFLOAT16, 0x3fc0u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_FLOAT32, 0x3fc00000u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_FLOAT64, 0x3ff8000000000000u, 0},
  {CT_COMPLEX128, 0x3ff8000000000000u, 0xc004000000000000u, CT_COMPLEX64, 0xc02000003fc00000u, 0},
  /* complex128 (-2.5, 1e+20) */
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_UINT8, 0xfeu, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_INT8, 0xfeu, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_INT16, 0xfffeu, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_INT32, 0xfffffffeu, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_INT64, 0xfffffffffffffffeu, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_FLOAT16, 0xc100u, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_BFLOAT16, 0xc020u, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_FLOAT32, 0xc0200000u, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_FLOAT64, 0xc004000000000000u, 0},
  {CT_COMPLEX128, 0xc004000000000000u, 0x4415af1d78b58c40u, CT_COMPLEX64, 0x60ad78ecc0200000u, 0},
  /* complex128 (3000000000.0, 1.0) */
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_INT32, 0x80000000u, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_INT64, 0xb2d05e00u, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_FLOAT16, 0x7c00u, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_BFLOAT16, 0x4f33u, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_FLOAT32, 0x4f32d05eu, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_FLOAT64, 0x41e65a0bc0000000u, 0},
  {CT_COMPLEX128, 0x41e65a0bc0000000u, 0x3ff0000000000000u, CT_COMPLEX64, 0x3f8000004f32d05eu, 0},
  /* complex128 (65520.0, 65504.0) */
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_UINT8, 0xf0u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_INT8, 0xf0u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_INT16, 0xfff0u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_INT32, 0xfff0u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_INT64, 0xfff0u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_FLOAT16, 0x7c00u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_BFLOAT16, 0x4780u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_FLOAT32, 0x477ff000u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_FLOAT64, 0x40effe0000000000u, 0},
  {CT_COMPLEX128, 0x40effe0000000000u, 0x40effc0000000000u, CT_COMPLEX64, 0x477fe000477ff000u, 0},
  /* complex128 (300.0, -300.0) */
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_UINT8, 0x2cu, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_INT8, 0x2cu, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_INT16, 0x12cu, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_INT32, 0x12cu, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_INT64, 0x12cu, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_FLOAT16, 0x5cb0u, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_BFLOAT16, 0x4396u, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_FLOAT32, 0x43960000u, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_FLOAT64, 0x4072c00000000000u, 0},
  {CT_COMPLEX128, 0x4072c00000000000u, 0xc072c00000000000u, CT_COMPLEX64, 0xc396000043960000u, 0},
  /* complex128 (-1.0, 0.5) */
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_UINT8, 0xffu, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_INT8, 0xffu, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_INT16, 0xffffu, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_INT32, 0xffffffffu, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_INT64, 0xffffffffffffffffu, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_FLOAT16, 0xbc00u, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_BFLOAT16, 0xbf80u, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_FLOAT32, 0xbf800000u, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_FLOAT64, 0xbff0000000000000u, 0},
  {CT_COMPLEX128, 0xbff0000000000000u, 0x3fe0000000000000u, CT_COMPLEX64, 0x3f000000bf800000u, 0},
  /* complex128 (1e-08, 1e-40) */
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_INT32, 0, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_INT64, 0, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_FLOAT16, 0, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_BFLOAT16, 0x322cu, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_FLOAT32, 0x322bcc77u, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_FLOAT64, 0x3e45798ee2308c3au, 0},
  {CT_COMPLEX128, 0x3e45798ee2308c3au, 0x37a16c262777579cu, CT_COMPLEX64, 0x116c2322bcc77u, 0},
  /* complex128 (1.0004882812509095, 1e+39) */
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_UINT8, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_INT8, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_INT16, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_INT32, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_INT64, 0x1u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_FLOAT16, 0x3c00u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_BFLOAT16, 0x3f80u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_FLOAT32, 0x3f801000u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_FLOAT64, 0x3ff0020000001000u, 0},
  {CT_COMPLEX128, 0x3ff0020000001000u, 0x48078287f49c4a1du, CT_COMPLEX64, 0x7f8000003f801000u, 0},
  /* complex128 (inf, -inf) */
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_INT32, 0x80000000u, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_INT64, 0x8000000000000000u, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_FLOAT16, 0x7c00u, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_BFLOAT16, 0x7f80u, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_FLOAT32, 0x7f800000u, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_FLOAT64, 0x7ff0000000000000u, 0},
  {CT_COMPLEX128, 0x7ff0000000000000u, 0xfff0000000000000u, CT_COMPLEX64, 0xff8000007f800000u, 0},
  /* complex128 (nan, 0.0) */
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_BOOL, 0x1u, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_INT32, 0x80000000u, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_INT64, 0x8000000000000000u, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_FLOAT16, 0x7e00u, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_BFLOAT16, 0x7fc0u, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_FLOAT32, 0x7fc00000u, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_FLOAT64, 0x7ff8000000000000u, 0},
  {CT_COMPLEX128, 0x7ff8000000000000u, 0, CT_COMPLEX64, 0x7fc00000u, 0},
  /* complex128 (0.0, nan) */
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_BOOL, 0x1u, 0}, /* rewritten */
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_UINT8, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_INT8, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_INT16, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_INT32, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_INT64, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_FLOAT16, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_BFLOAT16, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_FLOAT32, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_FLOAT64, 0, 0},
  {CT_COMPLEX128, 0, 0x7ff8000000000000u, CT_COMPLEX64, 0x7fc0000000000000u, 0},
};
/* END GENERATED */

enum { N_CVT_CASES = sizeof cvt_cases / sizeof cvt_cases[0] };

static void put_bits(unsigned char *p, uint64_t lo, uint64_t hi, ct_dtype dtype) {
  int64_t size = itemsize_of(dtype);
  unsigned char buf[16];
  for (int i = 0; i < 8; i++) {
    buf[i] = (unsigned char)(lo >> (8 * i));
    buf[8 + i] = (unsigned char)(hi >> (8 * i));
  }
  memcpy(p, buf, (size_t)size);
}

static void check_bits(const unsigned char *got, const struct cvt_case *c, const char *how) {
  int64_t size = itemsize_of(c->dst);
  unsigned char want[16];
  put_bits(want, c->dst_lo, c->dst_hi, c->dst);
  if (memcmp(got, want, (size_t)size) != 0) {
    uint64_t lo = 0, hi = 0;
    for (int i = 0; i < size && i < 8; i++) lo |= (uint64_t)got[i] << (8 * i);
    for (int i = 8; i < size; i++) hi |= (uint64_t)got[i] << (8 * (i - 8));
    const char *sname, *dname;
    ct_dtype_name(&sname, c->src);
    ct_dtype_name(&dname, c->dst);
    ck_abort_msg("%s: %s 0x%llx 0x%llx -> %s gave 0x%llx 0x%llx, PyTorch 0x%llx 0x%llx", how,
                 sname, (unsigned long long)c->src_lo, (unsigned long long)c->src_hi, dname,
                 (unsigned long long)lo, (unsigned long long)hi, (unsigned long long)c->dst_lo,
                 (unsigned long long)c->dst_hi);
  }
}

/*
 * Puts the source bits of every case of the pair s -> d into src, case k at element k * stride
 * (in elements of s), and its index in cvt_cases into index[k]; returns the number of cases.
 */
static int64_t gather_pair(unsigned char *src, int64_t stride, int *index, ct_dtype s, ct_dtype d) {
  int64_t ssize = itemsize_of(s), n = 0;
  for (int i = 0; i < N_CVT_CASES; i++) {
    if (cvt_cases[i].src != s || cvt_cases[i].dst != d) continue;
    put_bits(src + stride * n * ssize, cvt_cases[i].src_lo, cvt_cases[i].src_hi, s);
    index[n++] = i;
  }
  return n;
}

/* Every case on its own: one element through ct_dtype_convert(). */
START_TEST(test_convert_table_single) {
  for (int i = 0; i < N_CVT_CASES; i++) {
    const struct cvt_case *c = &cvt_cases[i];
    unsigned char src[16], dst[16];
    put_bits(src, c->src_lo, c->src_hi, c->src);
    memset(dst, 0xA5, sizeof dst);
    CT_OK_(ct_dtype_convert(dst, c->dst, src, c->src, 1));
    check_bits(dst, c, "single");
  }
}
END_TEST

/* Every dtype pair as one contiguous run of all its cases (the loops' fast path). */
START_TEST(test_convert_table_runs) {
  static unsigned char src[N_CVT_CASES * 16], dst[N_CVT_CASES * 16];
  static int index[N_CVT_CASES];
  int pairs = 0;
  for (ct_dtype s = 0; s < CT_DTYPE_COUNT; s++) {
    for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
      int64_t dsize = itemsize_of(d), n = gather_pair(src, 1, index, s, d);
      if (s == d) {
        ck_assert_int_eq(n, 0);
        continue;
      }
      ck_assert_msg(n > 0, "no cases for the pair %d <- %d", (int)d, (int)s);
      pairs++;
      CT_OK_(ct_dtype_convert(dst, d, src, s, n));
      for (int64_t k = 0; k < n; k++) check_bits(dst + k * dsize, &cvt_cases[index[k]], "run");
    }
  }
  ck_assert_int_eq(pairs, CT_DTYPE_COUNT * (CT_DTYPE_COUNT - 1));
}
END_TEST

/*
 * The strided loops: ct_copy_ between strided views of wrapped buffers
 * (source stride 3, destination stride 2) must give the table's bits too.
 * This goes through the CPU backend's copy, which runs the same cast loops.
 */
START_TEST(test_convert_table_strided) {
  static unsigned char src[N_CVT_CASES * 16 * 3], dst[N_CVT_CASES * 16 * 2];
  static int index[N_CVT_CASES];
  for (ct_dtype s = 0; s < CT_DTYPE_COUNT; s++) {
    for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
      if (s == d) continue;
      const int64_t dsize = itemsize_of(d);
      memset(src, 0, sizeof src);
      const int64_t n = gather_pair(src, 3, index, s, d);
      const int64_t shape[1] = {n}, sstride[1] = {3}, dstride[1] = {2};
      ct_tensor *ts = NULL, *td = NULL;
      CT_OK_(ct_from_blob(&ts, src, 1, shape, sstride, s, CT_DEVICE_CPU, 0, NULL, NULL,
                          CT_BLOB_READ_ONLY));
      CT_OK_(ct_from_blob(&td, dst, 1, shape, dstride, d, CT_DEVICE_CPU, 0, NULL, NULL, 0));
      CT_OK_(ct_copy_(td, ts));
      for (int64_t k = 0; k < n; k++) {
        check_bits(dst + 2 * k * dsize, &cvt_cases[index[k]], "strided");
      }
      ct_tensor_release(ts);
      ct_tensor_release(td);
    }
  }
}
END_TEST

/* ---- conversions: other contracts ------------------------------------------------------------ */

/* Same dtype is a byte copy: NaN payloads, signalling NaNs and odd bool bytes pass unchanged. */
START_TEST(test_convert_same_dtype_copies_bytes) {
  const uint32_t f32[3] = {0x7F800001u, 0xFFC12345u, 0x00000001u};
  uint32_t f32_out[3] = {0};
  CT_OK_(ct_dtype_convert(f32_out, CT_FLOAT32, f32, CT_FLOAT32, 3));
  ck_assert_mem_eq(f32_out, f32, sizeof f32);
  const uint16_t f16[2] = {0x7C01u, 0xFD55u};
  uint16_t f16_out[2] = {0};
  CT_OK_(ct_dtype_convert(f16_out, CT_FLOAT16, f16, CT_FLOAT16, 2));
  ck_assert_mem_eq(f16_out, f16, sizeof f16);
  CT_OK_(ct_dtype_convert(f16_out, CT_BFLOAT16, f16, CT_BFLOAT16, 2));
  ck_assert_mem_eq(f16_out, f16, sizeof f16);
  const double c128[2] = {1.5, -2.5};
  double c128_out[2] = {0, 0};
  CT_OK_(ct_dtype_convert(c128_out, CT_COMPLEX128, c128, CT_COMPLEX128, 1));
  ck_assert_mem_eq(c128_out, c128, sizeof c128);
  /* The same buffer as source and destination is fine. */
  CT_OK_(ct_dtype_convert(c128_out, CT_COMPLEX128, c128_out, CT_COMPLEX128, 1));
  ck_assert_mem_eq(c128_out, c128, sizeof c128);
}
END_TEST

/* A non-zero byte other than 1 in a bool source reads as true. */
START_TEST(test_convert_bool_bytes) {
  const uint8_t b[3] = {0, 1, 0x80};
  float f[3];
  CT_OK_(ct_dtype_convert(f, CT_FLOAT32, b, CT_BOOL, 3));
  ck_assert(f[0] == 0.0f && f[1] == 1.0f && f[2] == 1.0f);
  int64_t i[3];
  CT_OK_(ct_dtype_convert(i, CT_INT64, b, CT_BOOL, 3));
  ck_assert(i[0] == 0 && i[1] == 1 && i[2] == 1);
}
END_TEST

/* In place, with the same pointer and itemsize: int32 <-> float32, int64 <-> float64. */
START_TEST(test_convert_in_place) {
  union {
    int32_t i[4];
    float f[4];
  } u32 = {.i = {1, -2, 16777217, 0}};
  CT_OK_(ct_dtype_convert(u32.f, CT_FLOAT32, u32.i, CT_INT32, 4));
  ck_assert(u32.f[0] == 1.0f && u32.f[1] == -2.0f && u32.f[2] == 16777216.0f && u32.f[3] == 0.0f);
  CT_OK_(ct_dtype_convert(u32.i, CT_INT32, u32.f, CT_FLOAT32, 4));
  ck_assert(u32.i[0] == 1 && u32.i[1] == -2 && u32.i[2] == 16777216 && u32.i[3] == 0);
  union {
    int64_t i[2];
    double f[2];
  } u64 = {.f = {-2.75, 1e300}};
  CT_OK_(ct_dtype_convert(u64.i, CT_INT64, u64.f, CT_FLOAT64, 2));
  ck_assert(u64.i[0] == -2 && u64.i[1] == INT64_MIN);
}
END_TEST

/* Buffers need no alignment. */
START_TEST(test_convert_unaligned) {
  unsigned char src[1 + 3 * sizeof(double)], dst[1 + 3 * sizeof(int16_t)];
  const double vals[3] = {-3.9, 40000.0, 1e10};
  memcpy(src + 1, vals, sizeof vals);
  CT_OK_(ct_dtype_convert(dst + 1, CT_INT16, src + 1, CT_FLOAT64, 3));
  int16_t got[3];
  memcpy(got, dst + 1, sizeof got);
  /* 40000 wraps in int16; 1e10 is outside int32, so INT32_MIN, whose low 16 bits are 0. */
  ck_assert(got[0] == -3 && got[1] == -25536 && got[2] == 0);
}
END_TEST

START_TEST(test_convert_errors) {
  float f = 1.0f;
  double d = 0.0;
  CT_FAILS_(ct_dtype_convert(&d, CT_FLOAT64, &f, CT_FLOAT32, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_convert: count = -1 is negative");
  CT_FAILS_(ct_dtype_convert(NULL, CT_FLOAT64, &f, CT_FLOAT32, 1), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_convert: dst is NULL with count = 1");
  CT_FAILS_(ct_dtype_convert(&d, CT_FLOAT64, NULL, CT_FLOAT32, 2), CT_ERR_INVALID_ARGUMENT,
            "ct_dtype_convert: src is NULL with count = 2");
  for (int i = 0; i < N_BAD_DTYPES; i++) {
    char needle[96];
    snprintf(needle, sizeof needle, "ct_dtype_convert: dst_dtype = %d is not a valid dtype",
             (int)bad_dtypes[i]);
    CT_FAILS_(ct_dtype_convert(&d, bad_dtypes[i], &f, CT_FLOAT32, 1), CT_ERR_DTYPE, needle);
    snprintf(needle, sizeof needle, "ct_dtype_convert: src_dtype = %d is not a valid dtype",
             (int)bad_dtypes[i]);
    CT_FAILS_(ct_dtype_convert(&d, CT_FLOAT64, &f, bad_dtypes[i], 1), CT_ERR_DTYPE, needle);
  }
  ck_assert(d == 0.0);
  /* Nothing to convert: NULL pointers are fine. */
  CT_OK_(ct_dtype_convert(NULL, CT_FLOAT64, NULL, CT_FLOAT32, 0));
}
END_TEST

int main(void) {
  static const ct_test_tcase_opts opts = {NULL, NULL, 60};
  const ct_test_case tests[] = {
    {"name_canonical", test_name_canonical},
    {"name_errors", test_name_errors},
    {"from_name_canonical_and_prefixes", test_from_name_canonical_and_prefixes},
    {"from_name_aliases", test_from_name_aliases},
    {"from_name_errors", test_from_name_errors},
    {"from_name_long", test_from_name_long},
    {"properties", test_properties},
    {"properties_errors", test_properties_errors},
    {"default_dtype", test_default_dtype},
    {"default_dtype_errors", test_default_dtype_errors},
    {"f16_to_f32_exhaustive", test_f16_to_f32_exhaustive},
    {"f32_to_f16_rounding", test_f32_to_f16_rounding},
    {"f32_to_f16_nan", test_f32_to_f16_nan},
    {"bf16_exhaustive", test_bf16_exhaustive},
    {"f32_to_bf16_nan", test_f32_to_bf16_nan},
    {"convert_table_single", test_convert_table_single},
    {"convert_table_runs", test_convert_table_runs},
    {"convert_table_strided", test_convert_table_strided},
    {"convert_same_dtype_copies_bytes", test_convert_same_dtype_copies_bytes},
    {"convert_bool_bytes", test_convert_bool_bytes},
    {"convert_in_place", test_convert_in_place},
    {"convert_unaligned", test_convert_unaligned},
    {"convert_errors", test_convert_errors},
  };
  Suite *s = suite_create("dtype");
  CT_TEST_ADD_CASES_(s, tests, &opts);
  return ct_test_run(s);
}
