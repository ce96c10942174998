/*
 * check_creation.c: tests of include/ctensor/creation.h: the factories, their
 * values against PyTorch (arange, linspace and full come from tables that
 * tools/gen_creation_cases.py generates with PyTorch), from_data and the
 * zero-copy from_blob with its deleter, the *_like and new_* forms, the
 * CT_DTYPE_NONE / CT_DEVICE_NONE defaults, the default dtype, and every
 * documented error of every function.
 *
 * Every test records the allocator statistics first and checks at the end that
 * it left nothing behind (CK_FORK=no runs the tests in one process); a checked
 * teardown restores the default dtype even when a test fails.
 */
#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>

#include "ct_test.h"

#define MEM_BEGIN                                                                                \
  int64_t mem_blocks_, mem_bytes_;                                                               \
  ct_test_mem_begin(&mem_blocks_, &mem_bytes_)
#define MEM_END CT_NO_LEAK_(mem_blocks_, mem_bytes_)

/* Out-parameters are preset to this before a failing call, to see that the call resets them. */
static char poison_byte;
#define POISON ((ct_tensor *)(void *)&poison_byte)

/*
 * CT_FAILS_ for a call that returns a tensor through out: out must come back NULL. A tensor
 * returned by a call that should have failed is released first, so a failure leaks nothing.
 */
#define FAILS_NULL_(out, expr, code, needle)                                                     \
  do {                                                                                           \
    (out) = POISON;                                                                              \
    ct_clear_error();                                                                            \
    ct_status fails_s_ = (expr);                                                                 \
    if (fails_s_ == CT_OK && (out) != POISON) ct_tensor_release(out);                            \
    ck_assert_msg(fails_s_ == (code), "%s returned %s, expected %s (%s)", #expr,                 \
                  ct_status_name(fails_s_), ct_status_name(code), ct_last_error_message());      \
    ck_assert_int_eq(ct_last_error_code(), (code));                                              \
    ck_assert_msg(strstr(ct_last_error_message(), (needle)) != NULL,                             \
                  "message of %s is \"%s\", expected it to contain \"%s\"", #expr,              \
                  ct_last_error_message(), (needle));                                            \
    ck_assert_ptr_null(out);                                                                     \
  } while (0)

/* Asserts that the last error message also contains s (CT_FAILS_ checks one needle). */
#define MSG_HAS_(s)                                                                              \
  ck_assert_msg(strstr(ct_last_error_message(), (s)) != NULL, "message \"%s\" lacks \"%s\"",      \
                ct_last_error_message(), (s))

enum { MAX_DIMS = 64 };

/* Element i of t, in row-major order over t's shape, read through its strides as complex128. */
static void elem(double z[2], ct_tensor *t, int64_t i) {
  int32_t nd;
  int64_t shape[MAX_DIMS], strides[MAX_DIMS], itemsize;
  ct_dtype dtype;
  void *data;
  CT_OK_(ct_tensor_ndim(&nd, t));
  ck_assert_int_le(nd, MAX_DIMS);
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, t));
  CT_OK_(ct_tensor_strides(strides, MAX_DIMS, t));
  CT_OK_(ct_tensor_dtype(&dtype, t));
  CT_OK_(ct_tensor_element_size(&itemsize, t));
  CT_OK_(ct_tensor_data_ptr(&data, t));
  int64_t off = 0;
  for (int32_t d = nd - 1; d >= 0; d--) {
    off += (i % shape[d]) * strides[d];
    i /= shape[d];
  }
  CT_OK_(ct_dtype_convert(z, CT_COMPLEX128, (char *)data + off * itemsize, dtype, 1));
}

static double value(ct_tensor *t, int64_t i) {
  double z[2];
  elem(z, t, i);
  return z[0];
}

/* Element i as an int64 (exact for every integer dtype). */
static int64_t ivalue(ct_tensor *t, int64_t i) {
  int32_t nd;
  int64_t shape[MAX_DIMS], strides[MAX_DIMS], itemsize, v;
  ct_dtype dtype;
  void *data;
  CT_OK_(ct_tensor_ndim(&nd, t));
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, t));
  CT_OK_(ct_tensor_strides(strides, MAX_DIMS, t));
  CT_OK_(ct_tensor_dtype(&dtype, t));
  CT_OK_(ct_tensor_element_size(&itemsize, t));
  CT_OK_(ct_tensor_data_ptr(&data, t));
  int64_t off = 0;
  for (int32_t d = nd - 1; d >= 0; d--) {
    off += (i % shape[d]) * strides[d];
    i /= shape[d];
  }
  CT_OK_(ct_dtype_convert(&v, CT_INT64, (char *)data + off * itemsize, dtype, 1));
  return v;
}

static int64_t numel_of(ct_tensor *t) {
  int64_t n = -1;
  CT_OK_(ct_tensor_numel(&n, t));
  return n;
}

static ct_dtype dtype_of(ct_tensor *t) {
  ct_dtype d = -7;
  CT_OK_(ct_tensor_dtype(&d, t));
  return d;
}

/* Checks a *_like result of a dense x: x's shape and strides (preserve_format), CPU, writable. */
static void check_like(ct_tensor *t, ct_dtype dtype, ct_tensor *x) {
  int32_t nd = -1, xnd = -2;
  int64_t got[MAX_DIMS], want[MAX_DIMS];
  bool ro = true;
  ck_assert_int_eq(dtype_of(t), dtype);
  CT_OK_(ct_tensor_ndim(&nd, t));
  CT_OK_(ct_tensor_ndim(&xnd, x));
  ck_assert_int_eq(nd, xnd);
  CT_OK_(ct_tensor_shape(got, MAX_DIMS, t));
  CT_OK_(ct_tensor_shape(want, MAX_DIMS, x));
  for (int32_t d = 0; d < nd; d++) ck_assert_int_eq(got[d], want[d]);
  CT_OK_(ct_tensor_strides(got, MAX_DIMS, t));
  CT_OK_(ct_tensor_strides(want, MAX_DIMS, x));
  for (int32_t d = 0; d < nd; d++) ck_assert_int_eq(got[d], want[d]);
  CT_OK_(ct_tensor_is_read_only(&ro, t));
  ck_assert(!ro);
}

/* Checks the properties every factory result has: dtype, shape, row-major strides, CPU, writable. */
static void check_fresh(ct_tensor *t, ct_dtype dtype, int32_t ndim, const int64_t *shape) {
  int32_t nd = -1;
  int64_t got[MAX_DIMS], strides[MAX_DIMS], run = 1;
  bool b;
  ct_device_type type = -7;
  int32_t index = -7;
  ck_assert_int_eq(dtype_of(t), dtype);
  CT_OK_(ct_tensor_ndim(&nd, t));
  ck_assert_int_eq(nd, ndim);
  CT_OK_(ct_tensor_shape(got, MAX_DIMS, t));
  CT_OK_(ct_tensor_strides(strides, MAX_DIMS, t));
  for (int32_t d = ndim - 1; d >= 0; d--) {
    ck_assert_int_eq(got[d], shape[d]);
    ck_assert_int_eq(strides[d], run);
    run *= shape[d] ? shape[d] : 1;
  }
  CT_OK_(ct_tensor_is_contiguous(&b, t));
  ck_assert(b);
  CT_OK_(ct_tensor_is_read_only(&b, t));
  ck_assert(!b);
  CT_OK_(ct_tensor_device(&type, &index, t));
  ck_assert_int_eq(type, CT_DEVICE_CPU);
  ck_assert_int_eq(index, 0);
  int64_t off = -1;
  CT_OK_(ct_tensor_storage_offset(&off, t));
  ck_assert_int_eq(off, 0);
}

static bool is_integral(ct_dtype d) { return d <= CT_INT64; }

/* Every element of t equals z (NaN equal to NaN). */
static void check_all(ct_tensor *t, double re, double im) {
  for (int64_t i = 0, n = numel_of(t); i < n; i++) {
    double z[2];
    elem(z, t, i);
    ck_assert_msg((z[0] == re || (isnan(z[0]) && isnan(re))) && (z[1] == im || (isnan(z[1]) && isnan(im))),
                  "element %lld is (%.17g, %.17g), expected (%.17g, %.17g)", (long long)i, z[0], z[1], re, im);
  }
}

static void restore_default_dtype(void) { ct_set_default_dtype(CT_FLOAT32); }

/* Table tests note every differing case and fail once at the end, listing them all. */
static char fail_log[8192];
static int n_fails;

static void fail_reset(void) {
  fail_log[0] = '\0';
  n_fails = 0;
}

__attribute__((format(printf, 1, 2))) static void fail_note(const char *fmt, ...) {
  size_t used = strlen(fail_log);
  va_list ap;
  n_fails++;
  if (used + 2 >= sizeof fail_log) return;
  fail_log[used++] = '\n';
  va_start(ap, fmt);
  vsnprintf(fail_log + used, sizeof fail_log - used, fmt, ap);
  va_end(ap);
}

#define FAIL_IF_NOTED_(what) ck_assert_msg(n_fails == 0, "%d %s:%s", n_fails, (what), fail_log)

/* Whether a CUDA backend can be used here (then the "unavailable" checks are skipped). */
static bool cuda_available(void) {
  bool a = true;
  CT_OK_(ct_backend_available(&a, CT_DEVICE_CUDA));
  return a;
}

/* ---- generated cases ------------------------------------------------------------------------- */

struct arange_case {
  double start, end, step;
  ct_dtype dtype, want_dtype;
  int64_t len;
  int exact; /* 0: PyTorch's vectorised loop rounds differently; compared within a few ulps */
  const double *values;
};

struct linspace_case {
  double start, end;
  int64_t steps;
  ct_dtype dtype, want_dtype;
  const double *values; /* PyTorch's */
  const double *alt;    /* the same formula without (or with) fused multiply-adds, or NULL */
};

struct full_case {
  ct_dtype value_dtype; /* CT_BOOL, CT_INT64 (ivalue), CT_FLOAT64 or CT_COMPLEX128 (zvalue) */
  int64_t ivalue;
  double zvalue[2];
  ct_dtype dtype;
  int ok;          /* 0: PyTorch refuses the value ("cannot be converted ... without overflow") */
  double want[2];  /* the stored value */
  int64_t want_i;  /* the stored value, for integer dtypes */
};

/* BEGIN GENERATED by tools/gen_creation_cases.py: do not edit by hand. */
/* From PyTorch 1.13.0a0 on x86-64. */
static const struct arange_case arange_cases[] = {
  {0.0, 5.0, 1.0, CT_DTYPE_NONE, CT_INT64, 5, 1, (const double[]){0.0, 1.0, 2.0, 3.0, 4.0}},
  {0.0, -3.0, -1.0, CT_DTYPE_NONE, CT_INT64, 3, 1, (const double[]){0.0, -1.0, -2.0}},
  {10.0, 0.0, -3.0, CT_DTYPE_NONE, CT_INT64, 4, 1, (const double[]){10.0, 7.0, 4.0, 1.0}},
  {5.0, 5.0, 1.0, CT_DTYPE_NONE, CT_INT64, 0, 1, NULL},
  {-7.0, 8.0, 4.0, CT_DTYPE_NONE, CT_INT64, 4, 1, (const double[]){-7.0, -3.0, 1.0, 5.0}},
  {0.0, 1.0, 0.1, CT_DTYPE_NONE, CT_FLOAT32, 10, 1, (const double[]){0.0, 0.10000000149011612, 0.20000000298023224, 0.30000001192092896, 0.4000000059604645, 0.5, 0.6000000238418579, 0.699999988079071, 0.800000011920929, 0.8999999761581421}},
  {0.0, 1.0, 0.1, CT_FLOAT64, CT_FLOAT64, 10, 1, (const double[]){0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9}},
  {0.0, 1.0, 0.1, CT_FLOAT16, CT_FLOAT16, 10, 1, (const double[]){0.0, 0.0999755859375, 0.199951171875, 0.300048828125, 0.39990234375, 0.5, 0.60009765625, 0.7001953125, 0.7998046875, 0.89990234375}},
  {0.0, 1.0, 0.1, CT_BFLOAT16, CT_BFLOAT16, 10, 1, (const double[]){0.0, 0.10009765625, 0.2001953125, 0.30078125, 0.400390625, 0.5, 0.6015625, 0.69921875, 0.80078125, 0.8984375}},
  {0.0, 0.3, 0.1, CT_FLOAT32, CT_FLOAT32, 3, 1, (const double[]){0.0, 0.10000000149011612, 0.20000000298023224}},
  {0.0, 0.3, 0.1, CT_FLOAT64, CT_FLOAT64, 3, 1, (const double[]){0.0, 0.1, 0.2}},
  {0.0, 0.9, 0.3, CT_FLOAT64, CT_FLOAT64, 3, 1, (const double[]){0.0, 0.3, 0.6}},
  {1.0, 2.5, 0.5, CT_FLOAT16, CT_FLOAT16, 3, 1, (const double[]){1.0, 1.5, 2.0}},
  {1.0, 2.5, 0.3, CT_DTYPE_NONE, CT_FLOAT32, 5, 1, (const double[]){1.0, 1.2999999523162842, 1.600000023841858, 1.899999976158142, 2.200000047683716}},
  {0.0, 4.0, 1.5, CT_FLOAT32, CT_FLOAT32, 3, 1, (const double[]){0.0, 1.5, 3.0}},
  {2.5, -1.0, -0.75, CT_FLOAT64, CT_FLOAT64, 5, 1, (const double[]){2.5, 1.75, 1.0, 0.25, -0.5}},
  {0.0, 10.0, 3.0, CT_UINT8, CT_UINT8, 4, 1, (const double[]){0.0, 3.0, 6.0, 9.0}},
  {0.5, 5.0, 1.5, CT_INT32, CT_INT32, 3, 1, (const double[]){0.0, 1.0, 2.0}},
  {-2.5, 2.5, 1.0, CT_INT32, CT_INT32, 5, 1, (const double[]){-2.0, -1.0, 0.0, 1.0, 2.0}},
  {0.0, 6.0, 2.0, CT_INT8, CT_INT8, 3, 1, (const double[]){0.0, 2.0, 4.0}},
  {0.0, 5.0, 1.0, CT_FLOAT32, CT_FLOAT32, 5, 1, (const double[]){0.0, 1.0, 2.0, 3.0, 4.0}},
  {-1.0, 1.0, 0.1, CT_FLOAT32, CT_FLOAT32, 20, 0, (const double[]){-1.0, -0.8999999761581421, -0.800000011920929, -0.699999988079071, -0.6000000238418579, -0.5, -0.4000000059604645, -0.30000001192092896, -0.20000000298023224, -0.10000000149011612, -2.9802322831784522e-09, 0.09999999403953552, 0.20000000298023224, 0.30000001192092896, 0.4000000059604645, 0.5, 0.6000000238418579, 0.699999988079071, 0.800000011920929, 0.8999999761581421}},
  {10.0, 0.0, -0.3, CT_FLOAT64, CT_FLOAT64, 34, 0, (const double[]){10.0, 9.7, 9.4, 9.1, 8.8, 8.5, 8.200000000000001, 7.9, 7.6, 7.3, 7.0, 6.699999999999999, 6.4, 6.1000000000000005, 5.800000000000001, 5.5, 5.2, 4.9, 4.6000000000000005, 4.3, 4.0, 3.7, 3.4, 3.1, 2.8000000000000003, 2.5000000000000004, 2.2, 1.9000000000000004, 1.6000000000000003, 1.3000000000000003, 1.0000000000000004, 0.7000000000000004, 0.40000000000000036, 0.10000000000000037}},
  {0.0, 10.0, 0.7, CT_FLOAT32, CT_FLOAT32, 15, 1, (const double[]){0.0, 0.699999988079071, 1.399999976158142, 2.0999999046325684, 2.799999952316284, 3.5, 4.199999809265137, 4.900000095367432, 5.599999904632568, 6.300000190734863, 7.0, 7.699999809265137, 8.399999618530273, 9.100000381469727, 9.800000190734863}},
};

static const struct linspace_case linspace_cases[] = {
  {0.0, 1.0, 0, CT_DTYPE_NONE, CT_FLOAT32, NULL,
   NULL},
  {0.0, 1.0, 1, CT_DTYPE_NONE, CT_FLOAT32, (const double[]){0.0},
   NULL},
  {0.0, 1.0, 2, CT_DTYPE_NONE, CT_FLOAT32, (const double[]){0.0, 1.0},
   NULL},
  {0.0, 1.0, 5, CT_DTYPE_NONE, CT_FLOAT32, (const double[]){0.0, 0.25, 0.5, 0.75, 1.0},
   NULL},
  {3.0, -2.0, 6, CT_DTYPE_NONE, CT_FLOAT32, (const double[]){3.0, 2.0, 1.0, 0.0, -1.0, -2.0},
   NULL},
  {-1.0, 1.0, 7, CT_FLOAT32, CT_FLOAT32, (const double[]){-1.0, -0.6666666269302368, -0.3333333134651184, -2.9802322387695312e-08, 0.3333333134651184, 0.6666666269302368, 1.0},
   (const double[]){-1.0, -0.6666666269302368, -0.3333333134651184, 0.0, 0.3333333134651184, 0.6666666269302368, 1.0}},
  {-1.0, 1.0, 7, CT_FLOAT64, CT_FLOAT64, (const double[]){-1.0, -0.6666666666666667, -0.33333333333333337, 5.551115123125783e-17, 0.33333333333333337, 0.6666666666666667, 1.0},
   (const double[]){-1.0, -0.6666666666666667, -0.33333333333333337, 0.0, 0.33333333333333337, 0.6666666666666667, 1.0}},
  {0.1, 0.9, 7, CT_FLOAT64, CT_FLOAT64, (const double[]){0.1, 0.23333333333333334, 0.3666666666666667, 0.5, 0.6333333333333333, 0.7666666666666667, 0.9},
   NULL},
  {0.1, 0.9, 7, CT_FLOAT32, CT_FLOAT32, (const double[]){0.10000000149011612, 0.23333331942558289, 0.36666664481163025, 0.5, 0.6333333253860474, 0.7666666507720947, 0.8999999761581421},
   NULL},
  {5.0, 5.0, 3, CT_FLOAT32, CT_FLOAT32, (const double[]){5.0, 5.0, 5.0},
   NULL},
  {2.0, 7.0, 1, CT_FLOAT64, CT_FLOAT64, (const double[]){2.0},
   NULL},
  {-3.0, 4.0, 2, CT_FLOAT64, CT_FLOAT64, (const double[]){-3.0, 4.0},
   NULL},
  {0.0, 1.0, 3, CT_FLOAT16, CT_FLOAT16, (const double[]){0.0, 0.5, 1.0},
   NULL},
  {-1.0, 1.0, 7, CT_FLOAT16, CT_FLOAT16, (const double[]){-1.0, -0.6669921875, -0.33349609375, 0.0, 0.33349609375, 0.6669921875, 1.0},
   NULL},
  {0.5, 10.7, 6, CT_BFLOAT16, CT_BFLOAT16, (const double[]){0.5, 2.53125, 4.5625, 6.625, 8.625, 10.6875},
   NULL},
  {0.0, 10.0, 5, CT_INT64, CT_INT64, (const double[]){0.0, 2.0, 5.0, 7.0, 10.0},
   NULL},
  {0.9, 5.9, 3, CT_INT64, CT_INT64, (const double[]){0.0, 2.0, 5.0},
   NULL},
  {3.0, -2.0, 6, CT_INT32, CT_INT32, (const double[]){3.0, 2.0, 1.0, 0.0, -1.0, -2.0},
   NULL},
  {0.0, 255.0, 7, CT_UINT8, CT_UINT8, (const double[]){0.0, 42.0, 85.0, 127.0, 170.0, 212.0, 255.0},
   NULL},
  {-5.0, 5.0, 4, CT_INT8, CT_INT8, (const double[]){-5.0, -1.0, 1.0, 5.0},
   NULL},
  {-7.0, 7.0, 7, CT_INT16, CT_INT16, (const double[]){-7.0, -4.0, -2.0, 0.0, 2.0, 4.0, 7.0},
   NULL},
  {0.0, 1.0, 3, CT_COMPLEX64, CT_COMPLEX64, (const double[]){0.0, 0.5, 1.0},
   NULL},
  {1.0, -1.0, 5, CT_COMPLEX128, CT_COMPLEX128, (const double[]){1.0, 0.5, 0.0, -0.5, -1.0},
   NULL},
  {0.3, 2.9, 7, CT_FLOAT32, CT_FLOAT32, (const double[]){0.30000001192092896, 0.7333333492279053, 1.1666667461395264, 1.600000023841858, 2.0333333015441895, 2.4666666984558105, 2.9000000953674316},
   NULL},
  {0.3, 2.9, 7, CT_FLOAT16, CT_FLOAT16, (const double[]){0.300048828125, 0.7333984375, 1.1669921875, 1.6005859375, 2.033203125, 2.466796875, 2.900390625},
   NULL},
  {-2.2, 7.7, 6, CT_BFLOAT16, CT_BFLOAT16, (const double[]){-2.203125, -0.2265625, 1.75, 3.734375, 5.71875, 7.6875},
   NULL},
  {0.1, 0.7, 7, CT_FLOAT64, CT_FLOAT64, (const double[]){0.1, 0.2, 0.3, 0.39999999999999997, 0.5, 0.6, 0.7},
   NULL},
  {1.0, 100.0, 7, CT_INT64, CT_INT64, (const double[]){1.0, 17.0, 34.0, 50.0, 67.0, 83.0, 100.0},
   NULL},
  {-1.0, 1.0, 5, CT_FLOAT32, CT_FLOAT32, (const double[]){-1.0, -0.5, 0.0, 0.5, 1.0},
   NULL},
};

static const struct full_case full_cases[] = {
  {CT_BOOL, 1LL, {0.0, 0.0}, CT_FLOAT32, 1, {1.0, 0.0}, 0LL}, /* True -> float32 */
  {CT_BOOL, 0LL, {0.0, 0.0}, CT_INT64, 1, {0.0, 0.0}, 0LL}, /* False -> int64 */
  {CT_INT64, 7LL, {0.0, 0.0}, CT_FLOAT32, 1, {7.0, 0.0}, 0LL}, /* 7 -> float32 */
  {CT_INT64, 300LL, {0.0, 0.0}, CT_BOOL, 1, {1.0, 0.0}, 1LL}, /* 300 -> bool */
  {CT_INT64, 300LL, {0.0, 0.0}, CT_UINT8, 0, {0.0, 0.0}, 0LL}, /* 300 -> uint8 */
  {CT_INT64, 255LL, {0.0, 0.0}, CT_UINT8, 1, {255.0, 0.0}, 255LL}, /* 255 -> uint8 */
  {CT_INT64, -1LL, {0.0, 0.0}, CT_UINT8, 1, {255.0, 0.0}, 255LL}, /* -1 -> uint8 */
  {CT_INT64, -255LL, {0.0, 0.0}, CT_UINT8, 1, {1.0, 0.0}, 1LL}, /* -255 -> uint8 */
  {CT_INT64, -256LL, {0.0, 0.0}, CT_UINT8, 0, {0.0, 0.0}, 0LL}, /* -256 -> uint8 */
  {CT_INT64, 128LL, {0.0, 0.0}, CT_INT8, 0, {0.0, 0.0}, 0LL}, /* 128 -> int8 */
  {CT_INT64, -128LL, {0.0, 0.0}, CT_INT8, 1, {-128.0, 0.0}, -128LL}, /* -128 -> int8 */
  {CT_INT64, -129LL, {0.0, 0.0}, CT_INT8, 0, {0.0, 0.0}, 0LL}, /* -129 -> int8 */
  {CT_INT64, 2147483648LL, {0.0, 0.0}, CT_INT32, 0, {0.0, 0.0}, 0LL}, /* 2147483648 -> int32 */
  {CT_INT64, 2147483647LL, {0.0, 0.0}, CT_INT32, 1, {2147483647.0, 0.0}, 2147483647LL}, /* 2147483647 -> int32 */
  {CT_INT64, 9223372036854775807LL, {0.0, 0.0}, CT_INT64, 1, {9.223372036854776e+18, 0.0}, 9223372036854775807LL}, /* 9223372036854775807 -> int64 */
  {CT_INT64, 70000LL, {0.0, 0.0}, CT_FLOAT16, 0, {0.0, 0.0}, 0LL}, /* 70000 -> float16 */
  {CT_INT64, 65504LL, {0.0, 0.0}, CT_FLOAT16, 1, {65504.0, 0.0}, 0LL}, /* 65504 -> float16 */
  {CT_INT64, 9223372036854775807LL, {0.0, 0.0}, CT_FLOAT16, 0, {0.0, 0.0}, 0LL}, /* 9223372036854775807 -> float16 */
  {CT_FLOAT64, 0LL, {2.5, 0.0}, CT_INT64, 1, {2.0, 0.0}, 2LL}, /* 2.5 -> int64 */
  {CT_FLOAT64, 0LL, {-2.5, 0.0}, CT_INT32, 1, {-2.0, 0.0}, -2LL}, /* -2.5 -> int32 */
  {CT_FLOAT64, 0LL, {255.5, 0.0}, CT_UINT8, 0, {0.0, 0.0}, 0LL}, /* 255.5 -> uint8 */
  {CT_FLOAT64, 0LL, {256.0, 0.0}, CT_UINT8, 0, {0.0, 0.0}, 0LL}, /* 256.0 -> uint8 */
  {CT_FLOAT64, 0LL, {-1.0, 0.0}, CT_UINT8, 0, {0.0, 0.0}, 0LL}, /* -1.0 -> uint8 */
  {CT_FLOAT64, 0LL, {127.9, 0.0}, CT_INT8, 0, {0.0, 0.0}, 0LL}, /* 127.9 -> int8 */
  {CT_FLOAT64, 0LL, {-128.9, 0.0}, CT_INT8, 0, {0.0, 0.0}, 0LL}, /* -128.9 -> int8 */
  {CT_FLOAT64, 0LL, {1e+19, 0.0}, CT_INT64, 0, {0.0, 0.0}, 0LL}, /* 1e+19 -> int64 */
  {CT_FLOAT64, 0LL, {NAN, 0.0}, CT_INT64, 0, {0.0, 0.0}, 0LL}, /* nan -> int64 */
  {CT_FLOAT64, 0LL, {NAN, 0.0}, CT_INT32, 0, {0.0, 0.0}, 0LL}, /* nan -> int32 */
  {CT_FLOAT64, 0LL, {NAN, 0.0}, CT_FLOAT32, 1, {NAN, 0.0}, 0LL}, /* nan -> float32 */
  {CT_FLOAT64, 0LL, {NAN, 0.0}, CT_BOOL, 1, {1.0, 0.0}, 1LL}, /* nan -> bool */
  {CT_FLOAT64, 0LL, {INFINITY, 0.0}, CT_FLOAT32, 1, {INFINITY, 0.0}, 0LL}, /* inf -> float32 */
  {CT_FLOAT64, 0LL, {-INFINITY, 0.0}, CT_FLOAT16, 1, {-INFINITY, 0.0}, 0LL}, /* -inf -> float16 */
  {CT_FLOAT64, 0LL, {INFINITY, 0.0}, CT_INT32, 0, {0.0, 0.0}, 0LL}, /* inf -> int32 */
  {CT_FLOAT64, 0LL, {1e+40, 0.0}, CT_FLOAT32, 0, {0.0, 0.0}, 0LL}, /* 1e+40 -> float32 */
  {CT_FLOAT64, 0LL, {3.4e+38, 0.0}, CT_FLOAT32, 1, {3.3999999521443642e+38, 0.0}, 0LL}, /* 3.4e+38 -> float32 */
  {CT_FLOAT64, 0LL, {3.5e+38, 0.0}, CT_FLOAT32, 0, {0.0, 0.0}, 0LL}, /* 3.5e+38 -> float32 */
  {CT_FLOAT64, 0LL, {65520.0, 0.0}, CT_FLOAT16, 0, {0.0, 0.0}, 0LL}, /* 65520.0 -> float16 */
  {CT_FLOAT64, 0LL, {100000.0, 0.0}, CT_FLOAT16, 0, {0.0, 0.0}, 0LL}, /* 100000.0 -> float16 */
  {CT_FLOAT64, 0LL, {1e+39, 0.0}, CT_BFLOAT16, 0, {0.0, 0.0}, 0LL}, /* 1e+39 -> bfloat16 */
  {CT_FLOAT64, 0LL, {1e+300, 0.0}, CT_FLOAT64, 1, {1e+300, 0.0}, 0LL}, /* 1e+300 -> float64 */
  {CT_FLOAT64, 0LL, {0.1, 0.0}, CT_FLOAT16, 1, {0.0999755859375, 0.0}, 0LL}, /* 0.1 -> float16 */
  {CT_COMPLEX128, 0LL, {1.0, 2.0}, CT_FLOAT32, 0, {0.0, 0.0}, 0LL}, /* (1+2j) -> float32 */
  {CT_COMPLEX128, 0LL, {1.0, 0.0}, CT_FLOAT32, 1, {1.0, 0.0}, 0LL}, /* (1+0j) -> float32 */
  {CT_COMPLEX128, 0LL, {2.0, 0.0}, CT_INT32, 1, {2.0, 0.0}, 2LL}, /* (2+0j) -> int32 */
  {CT_COMPLEX128, 0LL, {1.0, 2.0}, CT_INT32, 0, {0.0, 0.0}, 0LL}, /* (1+2j) -> int32 */
  {CT_COMPLEX128, 0LL, {1.0, 2.0}, CT_BOOL, 1, {1.0, 0.0}, 1LL}, /* (1+2j) -> bool */
  {CT_COMPLEX128, 0LL, {1.0, NAN}, CT_FLOAT32, 0, {0.0, 0.0}, 0LL}, /* (1+nanj) -> float32 */
  {CT_COMPLEX128, 0LL, {NAN, 0.0}, CT_FLOAT64, 1, {NAN, 0.0}, 0LL}, /* (nan+0j) -> float64 */
  {CT_COMPLEX128, 0LL, {1.5, -2.0}, CT_COMPLEX64, 1, {1.5, -2.0}, 0LL}, /* (1.5-2j) -> complex64 */
  {CT_COMPLEX128, 0LL, {1e+40, 0.0}, CT_COMPLEX64, 0, {0.0, 0.0}, 0LL}, /* (1e+40+0j) -> complex64 */
  {CT_COMPLEX128, 0LL, {1e+40, 0.0}, CT_COMPLEX128, 1, {1e+40, 0.0}, 0LL}, /* (1e+40+0j) -> complex128 */
  {CT_FLOAT64, 0LL, {2.5, 0.0}, CT_COMPLEX128, 1, {2.5, 0.0}, 0LL}, /* 2.5 -> complex128 */
  {CT_INT64, -3LL, {0.0, 0.0}, CT_COMPLEX64, 1, {-3.0, 0.0}, 0LL}, /* -3 -> complex64 */
};
/* END GENERATED */

enum { N_ARANGE = sizeof arange_cases / sizeof arange_cases[0] };
enum { N_LINSPACE = sizeof linspace_cases / sizeof linspace_cases[0] };
enum { N_FULL = sizeof full_cases / sizeof full_cases[0] };

/* ---- empty, zeros, ones ---------------------------------------------------------------------- */

START_TEST(test_empty) {
  MEM_BEGIN;
  static const struct {
    int32_t ndim;
    int64_t shape[4];
  } shapes[] = {{0, {0}}, {1, {5}}, {2, {2, 3}}, {3, {2, 0, 3}}, {4, {1, 2, 1, 3}}};
  for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++)
    for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
      ct_tensor *t = POISON;
      CT_OK_(ct_empty(&t, shapes[s].ndim, shapes[s].ndim ? shapes[s].shape : NULL, d, CT_DEVICE_NONE, -1));
      check_fresh(t, d, shapes[s].ndim, shapes[s].shape);
      void *p = NULL;
      CT_OK_(ct_tensor_data_ptr(&p, t));
      if (numel_of(t) > 0) {
        ck_assert_ptr_nonnull(p);
        ck_assert_int_eq((uintptr_t)p % 64, 0); /* CPU allocations are 64-byte aligned */
        int64_t nbytes;
        CT_OK_(ct_tensor_nbytes(&nbytes, t));
        memset(p, 0x5A, (size_t)nbytes); /* the whole size is writable (valgrind sees overruns) */
      }
      ct_tensor_release(t);
    }
  MEM_END;
}
END_TEST

START_TEST(test_zeros_ones) {
  MEM_BEGIN;
  const int64_t shape[3] = {2, 3, 5};
  for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
    ct_tensor *z, *o;
    CT_OK_(ct_zeros(&z, 3, shape, d, CT_DEVICE_NONE, -1));
    CT_OK_(ct_ones(&o, 3, shape, d, CT_DEVICE_NONE, -1));
    check_fresh(z, d, 3, shape);
    check_fresh(o, d, 3, shape);
    /* zeros is all-zero bits (also -0.0 is not acceptable), ones converts to exactly 1. */
    unsigned char *p;
    int64_t nbytes;
    CT_OK_(ct_tensor_data_ptr((void **)&p, z));
    CT_OK_(ct_tensor_nbytes(&nbytes, z));
    for (int64_t i = 0; i < nbytes; i++) ck_assert_int_eq(p[i], 0);
    check_all(o, 1, 0);
    ct_tensor_release(z);
    ct_tensor_release(o);
  }
  ct_tensor *t;
  CT_OK_(ct_ones(&t, 0, NULL, CT_INT64, CT_DEVICE_CPU, 0));
  ck_assert_int_eq(ivalue(t, 0), 1);
  ct_tensor_release(t);
  CT_OK_(ct_zeros(&t, 2, (int64_t[]){0, 4}, CT_FLOAT32, CT_DEVICE_CPU, -1));
  ck_assert_int_eq(numel_of(t), 0);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- full ------------------------------------------------------------------------------------ */

START_TEST(test_full_values) {
  MEM_BEGIN;
  fail_reset();
  for (int i = 0; i < N_FULL; i++) {
    const struct full_case *c = &full_cases[i];
    const bool b = c->ivalue != 0;
    const void *v = c->value_dtype == CT_BOOL ? (const void *)&b
                    : c->value_dtype == CT_INT64 ? (const void *)&c->ivalue
                                                 : (const void *)c->zvalue;
    char what[160];
    snprintf(what, sizeof what, "case %d: full(value (%.17g, %.17g) / %lld of dtype %d, dtype %d)", i,
             c->zvalue[0], c->zvalue[1], (long long)c->ivalue, (int)c->value_dtype, (int)c->dtype);
    ct_tensor *t = POISON;
    ct_clear_error();
    ct_status s = ct_full(&t, 1, (int64_t[]){2}, v, c->value_dtype, c->dtype, CT_DEVICE_NONE, -1);
    if (!c->ok) {
      if (s != CT_ERR_INVALID_ARGUMENT || t != NULL || !strstr(ct_last_error_message(), "ct_full") ||
          !strstr(ct_last_error_message(), "without overflow"))
        fail_note("%s: %s, PyTorch refuses it (\"value cannot be converted ... without overflow\")", what,
                  ct_status_name(s));
      if (s == CT_OK) ct_tensor_release(t);
      continue;
    }
    if (s != CT_OK) {
      fail_note("%s: %s (%s), PyTorch gives (%.17g, %.17g)", what, ct_status_name(s), ct_last_error_message(),
                c->want[0], c->want[1]);
      continue;
    }
    check_fresh(t, c->dtype, 1, (int64_t[]){2});
    for (int64_t k = 0; k < 2; k++) {
      double z[2];
      elem(z, t, k);
      bool same = is_integral(c->dtype) ? ivalue(t, k) == c->want_i
                                        : (z[0] == c->want[0] || (isnan(z[0]) && isnan(c->want[0]))) &&
                                              (z[1] == c->want[1] || (isnan(z[1]) && isnan(c->want[1])));
      if (!same) {
        fail_note("%s [%lld]: (%.17g, %.17g), PyTorch (%.17g, %.17g)", what, (long long)k, z[0], z[1],
                  c->want[0], c->want[1]);
        break;
      }
    }
    ct_tensor_release(t);
  }
  FAIL_IF_NOTED_("fill values differ from PyTorch's");
  MEM_END;
}
END_TEST

START_TEST(test_full_value_dtypes) {
  MEM_BEGIN;
  /* The value may be one element of any dtype. */
  const int8_t i8 = -5;
  const uint8_t u8 = 200;
  const int16_t i16 = -300;
  const int32_t i32 = 70000;
  const float f32 = 2.5f;
  const uint16_t f16 = 0x3E00;  /* 1.5 */
  const uint16_t bf16 = 0xC020; /* -2.5 */
  const float c64[2] = {1.5f, -0.5f};
  static const struct {
    ct_dtype value_dtype, dtype;
    double re, im;
  } cases[] = {
    {CT_INT8, CT_FLOAT32, -5, 0},    {CT_UINT8, CT_INT16, 200, 0},     {CT_INT16, CT_INT32, -300, 0},
    {CT_INT32, CT_FLOAT64, 70000, 0}, {CT_FLOAT32, CT_FLOAT16, 2.5, 0}, {CT_FLOAT16, CT_FLOAT32, 1.5, 0},
    {CT_BFLOAT16, CT_INT8, -2, 0},   {CT_COMPLEX64, CT_COMPLEX128, 1.5, -0.5},
  };
  const void *values[] = {&i8, &u8, &i16, &i32, &f32, &f16, &bf16, c64};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ct_tensor *t;
    CT_OK_(ct_full(&t, 2, (int64_t[]){2, 2}, values[i], cases[i].value_dtype, cases[i].dtype, CT_DEVICE_NONE, -1));
    check_fresh(t, cases[i].dtype, 2, (int64_t[]){2, 2});
    check_all(t, cases[i].re, cases[i].im);
    ct_tensor_release(t);
  }
  MEM_END;
}
END_TEST

START_TEST(test_full_dtype_inference) {
  MEM_BEGIN;
  /* PyTorch infers from the value: bool, int64 for integers, the default dtype for floats, its
   * complex counterpart for complex values (torch.full((1,), 1+2j).dtype == complex64). */
  const bool b = true;
  const uint8_t u8 = 3;
  const int32_t i32 = -3;
  const int64_t i64 = 1LL << 40;
  const double f64 = 2.5;
  const uint16_t f16 = 0x3C00;
  const float c64[2] = {1, 2};
  const double c128[2] = {1, 2};
  static const struct {
    ct_dtype value_dtype, want32, want64; /* with the default dtype float32, float64 */
  } cases[] = {
    {CT_BOOL, CT_BOOL, CT_BOOL},           {CT_UINT8, CT_INT64, CT_INT64},
    {CT_INT32, CT_INT64, CT_INT64},        {CT_INT64, CT_INT64, CT_INT64},
    {CT_FLOAT64, CT_FLOAT32, CT_FLOAT64},  {CT_FLOAT16, CT_FLOAT32, CT_FLOAT64},
    {CT_COMPLEX64, CT_COMPLEX64, CT_COMPLEX128}, {CT_COMPLEX128, CT_COMPLEX64, CT_COMPLEX128},
  };
  const void *values[] = {&b, &u8, &i32, &i64, &f64, &f16, c64, c128};
  for (int pass = 0; pass < 2; pass++) {
    CT_OK_(ct_set_default_dtype(pass ? CT_FLOAT64 : CT_FLOAT32));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      ct_tensor *t;
      CT_OK_(ct_full(&t, 0, NULL, values[i], cases[i].value_dtype, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
      ck_assert_msg(dtype_of(t) == (pass ? cases[i].want64 : cases[i].want32), "case %zu pass %d: %d", i,
                    pass, (int)dtype_of(t));
      ct_tensor_release(t);
    }
  }
  ct_tensor *t;
  CT_OK_(ct_full(&t, 0, NULL, &i64, CT_INT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(ivalue(t, 0), 1LL << 40);
  ct_tensor_release(t);
  CT_OK_(ct_set_default_dtype(CT_FLOAT32));
  MEM_END;
}
END_TEST

START_TEST(test_full_errors) {
  MEM_BEGIN;
  ct_tensor *t;
  const double v = 1;
  FAILS_NULL_(t, ct_full(&t, 1, (int64_t[]){2}, NULL, CT_FLOAT64, CT_FLOAT32, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_full: value is NULL");
  FAILS_NULL_(t, ct_full(&t, 1, (int64_t[]){2}, &v, 42, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
              "ct_full: value_dtype = 42");
  FAILS_NULL_(t, ct_full(&t, 1, (int64_t[]){2}, &v, -2, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
              "value_dtype = -2");
  FAILS_NULL_(t, ct_full(&t, 1, (int64_t[]){2}, &v, CT_DTYPE_NONE, CT_FLOAT32, CT_DEVICE_NONE, -1),
              CT_ERR_DTYPE, "value_dtype = -1");
  MEM_END;
}
END_TEST

/* ---- arange ---------------------------------------------------------------------------------- */

/* A few units in the last place of dtype at x, for PyTorch's vectorised rounding. */
static double ulps(ct_dtype d, double x) {
  double eps = d == CT_FLOAT16 ? 0x1p-10 : d == CT_BFLOAT16 ? 0x1p-7 : d == CT_FLOAT32 ? 0x1p-23 : 0x1p-52;
  return 4 * eps * fmax(1.0, fabs(x));
}

START_TEST(test_arange_values) {
  MEM_BEGIN;
  fail_reset();
  for (int i = 0; i < N_ARANGE; i++) {
    const struct arange_case *c = &arange_cases[i];
    ct_tensor *t;
    CT_OK_(ct_arange(&t, c->start, c->end, c->step, c->dtype, CT_DEVICE_NONE, -1));
    if (dtype_of(t) != c->want_dtype || numel_of(t) != c->len) {
      fail_note("case %d: arange(%.17g, %.17g, %.17g) has dtype %d and %lld elements, PyTorch %d and %lld", i,
                c->start, c->end, c->step, (int)dtype_of(t), (long long)numel_of(t), (int)c->want_dtype,
                (long long)c->len);
      ct_tensor_release(t);
      continue;
    }
    check_fresh(t, c->want_dtype, 1, &c->len);
    for (int64_t k = 0; k < c->len; k++) {
      double got = value(t, k), want = c->values[k];
      if (c->exact ? got != want : !(fabs(got - want) <= ulps(c->want_dtype, want))) {
        fail_note("case %d: arange(%.17g, %.17g, %.17g, dtype %d)[%lld] is %.17g, PyTorch %.17g", i, c->start,
                  c->end, c->step, (int)c->want_dtype, (long long)k, got, want);
        break;
      }
    }
    ct_tensor_release(t);
  }
  FAIL_IF_NOTED_("arange cases differ from PyTorch's");
  MEM_END;
}
END_TEST

START_TEST(test_arange_dtype_inference) {
  MEM_BEGIN;
  static const struct {
    double start, end, step;
    ct_dtype want32, want64; /* with the default dtype float32, float64 */
  } cases[] = {
    {0, 5, 1, CT_INT64, CT_INT64},      {-3, 3, 2, CT_INT64, CT_INT64},
    {0, 5, 0.5, CT_FLOAT32, CT_FLOAT64}, {0.5, 5, 1, CT_FLOAT32, CT_FLOAT64},
    {0, 5.5, 1, CT_FLOAT32, CT_FLOAT64},
  };
  for (int pass = 0; pass < 2; pass++) {
    CT_OK_(ct_set_default_dtype(pass ? CT_FLOAT64 : CT_FLOAT32));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
      ct_tensor *t;
      CT_OK_(ct_arange(&t, cases[i].start, cases[i].end, cases[i].step, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
      ck_assert_int_eq(dtype_of(t), pass ? cases[i].want64 : cases[i].want32);
      ct_tensor_release(t);
    }
  }
  CT_OK_(ct_set_default_dtype(CT_FLOAT32));
  MEM_END;
}
END_TEST

START_TEST(test_arange_errors) {
  MEM_BEGIN;
  ct_tensor *t;
  CT_FAILS_(ct_arange(NULL, 0, 5, 1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_arange: out is NULL");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, 0, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_arange: step = 0");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, NAN, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_arange: step");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, INFINITY, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_arange: step");
  FAILS_NULL_(t, ct_arange(&t, 0, INFINITY, 1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_arange");
  FAILS_NULL_(t, ct_arange(&t, NAN, 1, 1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_arange");
  FAILS_NULL_(t, ct_arange(&t, -INFINITY, 0, 1, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_arange");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, -1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_arange");
  MSG_HAS_("step");
  FAILS_NULL_(t, ct_arange(&t, 5, 0, 1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_arange");
  MSG_HAS_("step");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, 1, CT_BOOL, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "ct_arange: dtype bool");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, 1, CT_COMPLEX64, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "complex64");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, 1, CT_COMPLEX128, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "complex128");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, 1, 42, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "ct_arange: dtype = 42");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, 1, -2, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "dtype = -2");
  /* More elements than int64 or the byte count can hold. */
  FAILS_NULL_(t, ct_arange(&t, 0, 1e300, 1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_SHAPE, "ct_arange");
  FAILS_NULL_(t, ct_arange(&t, 0, 0x1p62, 1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_SHAPE, "ct_arange");
  /* 2^58 float32 elements: 2^60 bytes fit int64 but cannot be allocated. */
  FAILS_NULL_(t, ct_arange(&t, 0, 0x1p58, 1, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY, "ct_arange");
  MEM_END;
}
END_TEST

START_TEST(test_arange_integer_step_truncates_to_zero) {
  MEM_BEGIN;
  /* Integer results step in int64 from the truncated step: torch.arange(0, 5, 0.5, dtype=torch.int64)
   * raises "step must be nonzero" rather than repeating the start value. */
  ct_tensor *t;
  FAILS_NULL_(t, ct_arange(&t, 0, 5, 0.5, CT_INT64, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_arange");
  MSG_HAS_("step");
  FAILS_NULL_(t, ct_arange(&t, 0, 5, 0.5, CT_INT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "step");
  FAILS_NULL_(t, ct_arange(&t, 0, -5, -0.9, CT_UINT8, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "step");
  MEM_END;
}
END_TEST

/* ---- linspace -------------------------------------------------------------------------------- */

/* Whether t holds exactly the n values want (real, imaginary part 0). */
static bool holds(ct_tensor *t, int64_t n, const double *want) {
  for (int64_t k = 0; k < n; k++) {
    double z[2];
    elem(z, t, k);
    if (z[0] != want[k] || z[1] != 0) return false;
  }
  return true;
}

START_TEST(test_linspace_values) {
  MEM_BEGIN;
  fail_reset();
  for (int i = 0; i < N_LINSPACE; i++) {
    const struct linspace_case *c = &linspace_cases[i];
    ct_tensor *t;
    CT_OK_(ct_linspace(&t, c->start, c->end, c->steps, c->dtype, CT_DEVICE_NONE, -1));
    check_fresh(t, c->want_dtype, 1, &c->steps);
    if (!holds(t, c->steps, c->values) && !(c->alt && holds(t, c->steps, c->alt))) {
      for (int64_t k = 0; k < c->steps; k++) {
        double got = value(t, k);
        if (got != c->values[k]) {
          fail_note("case %d: linspace(%.17g, %.17g, %lld, dtype %d)[%lld] is %.17g, PyTorch %.17g", i, c->start,
                    c->end, (long long)c->steps, (int)c->want_dtype, (long long)k, got, c->values[k]);
          break;
        }
      }
    }
    ct_tensor_release(t);
  }
  FAIL_IF_NOTED_("linspace cases differ from PyTorch's");
  MEM_END;
}
END_TEST

START_TEST(test_linspace_long) {
  MEM_BEGIN;
  /* Long runs: both ends exact, symmetric about the middle, and near the ideal values. */
  ct_tensor *t;
  const int64_t n = 1001;
  CT_OK_(ct_linspace(&t, -1, 1, n, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ck_assert_double_eq(value(t, 0), -1);
  ck_assert_double_eq(value(t, n - 1), 1);
  for (int64_t k = 0; k < n; k++) {
    ck_assert_double_eq_tol(value(t, k), -1 + 2.0 * (double)k / (double)(n - 1), 1e-15);
    ck_assert_double_eq(value(t, k), -value(t, n - 1 - k));
  }
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_linspace_errors) {
  MEM_BEGIN;
  ct_tensor *t;
  CT_FAILS_(ct_linspace(NULL, 0, 1, 3, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_linspace: out is NULL");
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, -1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_linspace: steps = -1");
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, INT64_MIN, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_linspace: steps");
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, 3, CT_BOOL, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "ct_linspace: dtype bool");
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, 3, 42, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "ct_linspace: dtype = 42");
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, 3, -2, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "dtype = -2");
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, 1LL << 62, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_SHAPE, "ct_linspace");
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, 1LL << 59, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY,
              "ct_linspace");
  MEM_END;
}
END_TEST

START_TEST(test_linspace_huge_small_dtype) {
  MEM_BEGIN;
  /* 2^61 uint8 elements are 2^61 bytes, which fit int64 but cannot be allocated. (A float64
   * scratch buffer of the same length would need 2^64 bytes: that must not wrap around.) */
  ct_tensor *t;
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, 1LL << 61, CT_UINT8, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY,
              "ct_linspace");
  FAILS_NULL_(t, ct_linspace(&t, 0, 1, 1LL << 61, CT_FLOAT16, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY,
              "ct_linspace");
  MEM_END;
}
END_TEST

/* ---- eye ------------------------------------------------------------------------------------- */

START_TEST(test_eye) {
  MEM_BEGIN;
  static const struct {
    int64_t n, m, rows, cols;
    ct_dtype dtype, want;
  } cases[] = {
    {3, -1, 3, 3, CT_DTYPE_NONE, CT_FLOAT32}, {2, 4, 2, 4, CT_FLOAT64, CT_FLOAT64},
    {4, 2, 4, 2, CT_INT32, CT_INT32},         {3, 3, 3, 3, CT_BOOL, CT_BOOL},
    {0, -1, 0, 0, CT_FLOAT32, CT_FLOAT32},    {2, 0, 2, 0, CT_FLOAT32, CT_FLOAT32},
    {0, 3, 0, 3, CT_INT8, CT_INT8},           {1, -1, 1, 1, CT_COMPLEX64, CT_COMPLEX64},
    {5, 5, 5, 5, CT_BFLOAT16, CT_BFLOAT16},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ct_tensor *t;
    CT_OK_(ct_eye(&t, cases[i].n, cases[i].m, cases[i].dtype, CT_DEVICE_NONE, -1));
    check_fresh(t, cases[i].want, 2, (int64_t[]){cases[i].rows, cases[i].cols});
    for (int64_t k = 0; k < cases[i].rows * cases[i].cols; k++) {
      double z[2];
      elem(z, t, k);
      ck_assert_double_eq(z[0], k / cases[i].cols == k % cases[i].cols ? 1 : 0);
      ck_assert_double_eq(z[1], 0);
    }
    ct_tensor_release(t);
  }
  ct_tensor *t;
  CT_FAILS_(ct_eye(NULL, 2, -1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_eye: out is NULL");
  FAILS_NULL_(t, ct_eye(&t, -1, -1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_eye: n = -1");
  FAILS_NULL_(t, ct_eye(&t, 2, -2, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_eye: m = -2");
  FAILS_NULL_(t, ct_eye(&t, 2, 2, 42, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "ct_eye: dtype = 42");
  FAILS_NULL_(t, ct_eye(&t, 2, 2, -2, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "dtype = -2");
  FAILS_NULL_(t, ct_eye(&t, 1LL << 62, 4, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_SHAPE, "ct_eye");
  FAILS_NULL_(t, ct_eye(&t, 1LL << 30, -1, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY, "ct_eye");
  MEM_END;
}
END_TEST

/* ---- from_data ------------------------------------------------------------------------------- */

START_TEST(test_from_data) {
  MEM_BEGIN;
  int32_t src[6] = {1, -2, 3, 40000, -5, 6};
  ct_tensor *t;
  /* Converted from data_dtype; a copy (later changes to the source are not seen). */
  CT_OK_(ct_from_data(&t, src, CT_INT32, 2, (int64_t[]){2, 3}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_FLOAT32, 2, (int64_t[]){2, 3});
  src[0] = 99;
  static const double want[6] = {1, -2, 3, 40000, -5, 6};
  for (int k = 0; k < 6; k++) ck_assert_double_eq(value(t, k), want[k]);
  void *p;
  CT_OK_(ct_tensor_data_ptr(&p, t));
  ck_assert_ptr_ne(p, src);
  ct_tensor_release(t);
  /* CT_DTYPE_NONE keeps data_dtype. */
  CT_OK_(ct_from_data(&t, src, CT_INT32, 1, (int64_t[]){6}, CT_DTYPE_NONE, CT_DEVICE_CPU, 0));
  check_fresh(t, CT_INT32, 1, (int64_t[]){6});
  ck_assert_int_eq(ivalue(t, 0), 99);
  ck_assert_int_eq(ivalue(t, 3), 40000);
  ct_tensor_release(t);
  /* Narrowing and complex conversions, and a 0-d tensor. */
  const double f[3] = {2.7, -1.5, 300};
  CT_OK_(ct_from_data(&t, f, CT_FLOAT64, 1, (int64_t[]){3}, CT_INT16, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(ivalue(t, 0), 2);
  ck_assert_int_eq(ivalue(t, 1), -1);
  ck_assert_int_eq(ivalue(t, 2), 300);
  ct_tensor_release(t);
  const double z[2] = {0.5, -4};
  CT_OK_(ct_from_data(&t, z, CT_COMPLEX128, 0, NULL, CT_COMPLEX64, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_COMPLEX64, 0, NULL);
  check_all(t, 0.5, -4);
  ct_tensor_release(t);
  const bool bits[3] = {true, false, true};
  CT_OK_(ct_from_data(&t, bits, CT_BOOL, 1, (int64_t[]){3}, CT_UINT8, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(ivalue(t, 0) + 10 * ivalue(t, 1) + 100 * ivalue(t, 2), 101);
  ct_tensor_release(t);
  /* data may be NULL when there is nothing to read. */
  CT_OK_(ct_from_data(&t, NULL, CT_FLOAT32, 2, (int64_t[]){0, 2}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_FLOAT32, 2, (int64_t[]){0, 2});
  ct_tensor_release(t);

  CT_FAILS_(ct_from_data(NULL, src, CT_INT32, 1, (int64_t[]){6}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_from_data: out is NULL");
  FAILS_NULL_(t, ct_from_data(&t, NULL, CT_INT32, 1, (int64_t[]){6}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_from_data: data is NULL");
  FAILS_NULL_(t, ct_from_data(&t, src, 42, 1, (int64_t[]){6}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
              "ct_from_data: data_dtype = 42");
  FAILS_NULL_(t, ct_from_data(&t, src, CT_DTYPE_NONE, 1, (int64_t[]){6}, CT_FLOAT32, CT_DEVICE_NONE, -1),
              CT_ERR_DTYPE, "data_dtype = -1");
  FAILS_NULL_(t, ct_from_data(&t, src, CT_INT32, 1, (int64_t[]){6}, -2, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
              "ct_from_data: dtype = -2");
  MEM_END;
}
END_TEST

/* ---- from_blob ------------------------------------------------------------------------------- */

struct deleter_log {
  int calls;
  void *data;
};

static void log_deleter(void *data, void *ctx) {
  struct deleter_log *log = ctx;
  log->calls++;
  log->data = data;
}

START_TEST(test_from_blob_zero_copy) {
  MEM_BEGIN;
  float a[6] = {0, 1, 2, 3, 4, 5};
  ct_tensor *t;
  CT_OK_(ct_from_blob(&t, a, 2, (int64_t[]){2, 3}, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1, NULL, NULL, 0));
  check_fresh(t, CT_FLOAT32, 2, (int64_t[]){2, 3});
  float *p;
  CT_OK_(ct_tensor_data_ptr((void **)&p, t));
  ck_assert_ptr_eq(p, a);
  p[4] = -7; /* writes through the tensor are the caller's array */
  ck_assert_float_eq(a[4], -7);
  a[1] = 11; /* and the other way round */
  ck_assert_double_eq(value(t, 1), 11);
  ct_tensor *ones;
  CT_OK_(ct_ones(&ones, 1, (int64_t[]){3}, CT_INT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_copy_(t, ones)); /* broadcast over the rows, converted */
  for (int k = 0; k < 6; k++) ck_assert_float_eq(a[k], 1);
  ct_tensor_release(ones);
  ct_tensor_release(t);
  ck_assert_float_eq(a[0], 1); /* the memory stays the caller's */

  /* Strides: a transposed view of a 2 x 3 row-major array, and a broadcast one. */
  double d[6] = {0, 1, 2, 3, 4, 5};
  CT_OK_(ct_from_blob(&t, d, 2, (int64_t[]){3, 2}, (int64_t[]){1, 3}, CT_FLOAT64, CT_DEVICE_CPU, 0, NULL, NULL, 0));
  int64_t st[2];
  bool c = true;
  CT_OK_(ct_tensor_strides(st, 2, t));
  ck_assert_int_eq(st[0], 1);
  ck_assert_int_eq(st[1], 3);
  CT_OK_(ct_tensor_is_contiguous(&c, t));
  ck_assert(!c);
  static const double want[6] = {0, 3, 1, 4, 2, 5};
  for (int k = 0; k < 6; k++) ck_assert_double_eq(value(t, k), want[k]);
  /* The wrapped storage is exactly the view's extent: nothing past it can be viewed. */
  ct_tensor *v;
  FAILS_NULL_(v, ct_as_strided(&v, t, 1, (int64_t[]){7}, (int64_t[]){1}, 0), CT_ERR_INDEX, "ct_as_strided");
  CT_OK_(ct_as_strided(&v, t, 1, (int64_t[]){6}, (int64_t[]){1}, 0));
  ct_tensor_release(v);
  ct_tensor_release(t);
  CT_OK_(ct_from_blob(&t, d + 5, 2, (int64_t[]){2, 3}, (int64_t[]){0, 0}, CT_FLOAT64, CT_DEVICE_NONE, -1, NULL,
                      NULL, 0));
  check_all(t, 5, 0);
  ct_tensor_release(t);
  /* 0-d, and empty with NULL data. */
  CT_OK_(ct_from_blob(&t, d + 2, 0, NULL, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, NULL, NULL, 0));
  double x;
  CT_OK_(ct_tensor_item_double(&x, t));
  ck_assert_double_eq(x, 2);
  ct_tensor_release(t);
  CT_OK_(ct_from_blob(&t, NULL, 2, (int64_t[]){3, 0}, NULL, CT_INT8, CT_DEVICE_NONE, -1, NULL, NULL, 0));
  ck_assert_int_eq(numel_of(t), 0);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_from_blob_deleter) {
  MEM_BEGIN;
  int16_t a[4] = {1, 2, 3, 4};
  struct deleter_log log = {0, NULL};
  ct_tensor *t, *v, *same, *c;
  CT_OK_(ct_from_blob(&t, a, 1, (int64_t[]){4}, NULL, CT_INT16, CT_DEVICE_NONE, -1, log_deleter, &log, 0));
  CT_OK_(ct_tensor_retain(t));
  ct_tensor_release(t);
  ck_assert_int_eq(log.calls, 0);
  /* Views (as_strided, to() without a change) outlive the base; a clone holds its own memory. */
  CT_OK_(ct_as_strided(&v, t, 1, (int64_t[]){2}, (int64_t[]){2}, 1));
  CT_OK_(ct_to(&same, t, CT_DTYPE_NONE, CT_DEVICE_NONE, -1, false));
  CT_OK_(ct_clone(&c, t));
  ct_tensor_release(t);
  ck_assert_int_eq(log.calls, 0);
  ct_tensor_release(same);
  ck_assert_int_eq(log.calls, 0);
  ck_assert_int_eq(ivalue(v, 1), 4);
  ct_tensor_release(v); /* the last view: the deleter runs now, once, with data and ctx */
  ck_assert_int_eq(log.calls, 1);
  ck_assert_ptr_eq(log.data, a);
  ck_assert_int_eq(ivalue(c, 3), 4);
  ct_tensor_release(c);
  ck_assert_int_eq(log.calls, 1);
  /* An empty blob with NULL data still gets its one call. */
  log = (struct deleter_log){0, a};
  CT_OK_(ct_from_blob(&t, NULL, 1, (int64_t[]){0}, NULL, CT_INT16, CT_DEVICE_NONE, -1, log_deleter, &log, 0));
  ct_tensor_release(t);
  ck_assert_int_eq(log.calls, 1);
  ck_assert_ptr_null(log.data);
  MEM_END;
}
END_TEST

START_TEST(test_from_blob_read_only) {
  MEM_BEGIN;
  const float a[4] = {1, 2, 3, 4};
  ct_tensor *t, *v, *z, *c;
  bool ro = false;
  CT_OK_(ct_from_blob(&t, (void *)a, 1, (int64_t[]){4}, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1, NULL, NULL,
                      CT_BLOB_READ_ONLY));
  CT_OK_(ct_tensor_is_read_only(&ro, t));
  ck_assert(ro);
  CT_OK_(ct_as_strided(&v, t, 1, (int64_t[]){2}, (int64_t[]){1}, 2));
  CT_OK_(ct_zeros(&z, 1, (int64_t[]){4}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_copy_(t, z), CT_ERR_READ_ONLY, "ct_copy_: dst");
  CT_FAILS_(ct_copy_(v, z), CT_ERR_READ_ONLY, "ct_copy_: dst"); /* views inherit the flag */
  ck_assert_float_eq(a[2], 3);
  CT_OK_(ct_copy_(z, t)); /* reading is fine */
  ck_assert_double_eq(value(z, 3), 4);
  CT_OK_(ct_clone(&c, t)); /* a clone is writable */
  CT_OK_(ct_tensor_is_read_only(&ro, c));
  ck_assert(!ro);
  ct_tensor_release(c);
  CT_OK_(ct_zeros_like(&c, t, CT_DTYPE_NONE, CT_DEVICE_NONE, -1)); /* so are the like forms */
  CT_OK_(ct_tensor_is_read_only(&ro, c));
  ck_assert(!ro);
  ct_tensor_release(c);
  ct_tensor_release(z);
  ct_tensor_release(v);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_from_blob_errors) {
  MEM_BEGIN;
  /* On failure nothing is wrapped: out is NULL and the deleter never runs. */
  double a[8] = {0};
  struct deleter_log log = {0, NULL};
  ct_tensor *t;
  const int64_t sh[1] = {4};
#define BLOB_FAILS_(args, code, needle)                                                          \
  do {                                                                                           \
    FAILS_NULL_(t, ct_from_blob args, code, needle);                                             \
    ck_assert_int_eq(log.calls, 0);                                                              \
  } while (0)
  CT_FAILS_(ct_from_blob(NULL, a, 1, sh, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter, &log, 0),
            CT_ERR_INVALID_ARGUMENT, "ct_from_blob: out is NULL");
  ck_assert_int_eq(log.calls, 0);
  BLOB_FAILS_((&t, NULL, 1, sh, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter, &log, 0),
              CT_ERR_INVALID_ARGUMENT, "ct_from_blob: data is NULL");
  BLOB_FAILS_((&t, a, 1, sh, NULL, 42, CT_DEVICE_NONE, -1, log_deleter, &log, 0), CT_ERR_DTYPE,
              "ct_from_blob: dtype = 42");
  BLOB_FAILS_((&t, a, 1, sh, NULL, CT_DTYPE_NONE, CT_DEVICE_NONE, -1, log_deleter, &log, 0), CT_ERR_DTYPE,
              "dtype = -1");
  BLOB_FAILS_((&t, a, 1, sh, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter, &log, 2),
              CT_ERR_INVALID_ARGUMENT, "ct_from_blob: flags");
  BLOB_FAILS_((&t, a, 1, sh, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter, &log, 0x80000001u),
              CT_ERR_INVALID_ARGUMENT, "flags");
  BLOB_FAILS_((&t, a, 2, (int64_t[]){2, 2}, (int64_t[]){2, -1}, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter,
               &log, 0),
              CT_ERR_INVALID_ARGUMENT, "ct_from_blob: strides[1] = -1");
  BLOB_FAILS_((&t, a, -1, sh, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter, &log, 0),
              CT_ERR_INVALID_ARGUMENT, "ct_from_blob: ndim = -1");
  BLOB_FAILS_((&t, a, 1, NULL, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter, &log, 0),
              CT_ERR_INVALID_ARGUMENT, "ct_from_blob: shape");
  BLOB_FAILS_((&t, a, 2, (int64_t[]){2, -3}, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter, &log, 0),
              CT_ERR_INVALID_ARGUMENT, "shape[1] = -3");
  BLOB_FAILS_((&t, a, 2, (int64_t[]){1LL << 62, 4}, (int64_t[]){0, 0}, CT_FLOAT64, CT_DEVICE_NONE, -1,
               log_deleter, &log, 0),
              CT_ERR_SHAPE, "ct_from_blob");
  BLOB_FAILS_((&t, a, 1, (int64_t[]){2}, (int64_t[]){INT64_MAX}, CT_FLOAT64, CT_DEVICE_NONE, -1, log_deleter,
               &log, 0),
              CT_ERR_SHAPE, "ct_from_blob");
  BLOB_FAILS_((&t, a, 1, sh, NULL, 99, CT_DEVICE_NONE, -1, log_deleter, &log, 0), CT_ERR_DTYPE, "ct_from_blob");
  BLOB_FAILS_((&t, a, 1, sh, NULL, CT_FLOAT64, 99, -1, log_deleter, &log, 0), CT_ERR_DEVICE,
              "ct_from_blob: device_type = 99");
  BLOB_FAILS_((&t, a, 1, sh, NULL, CT_FLOAT64, CT_DEVICE_CPU, 1, log_deleter, &log, 0), CT_ERR_DEVICE,
              "ct_from_blob");
  if (!cuda_available())
    BLOB_FAILS_((&t, a, 1, sh, NULL, CT_FLOAT64, CT_DEVICE_CUDA, 0, log_deleter, &log, 0),
                CT_ERR_BACKEND_UNAVAILABLE, "backend unavailable");
#undef BLOB_FAILS_
  MEM_END;
}
END_TEST

/* ---- like and new forms ---------------------------------------------------------------------- */

START_TEST(test_like_forms) {
  MEM_BEGIN;
  /* x: a transposed float64 view [3, 2]; results take its shape and, as PyTorch's
   * preserve_format, its strides [1, 3], being dense. */
  ct_tensor *base, *x, *t;
  CT_OK_(ct_arange(&base, 0, 6, 1, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_as_strided(&x, base, 2, (int64_t[]){3, 2}, (int64_t[]){1, 3}, 0));
  const int64_t shape[2] = {3, 2};

  CT_OK_(ct_empty_like(&t, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_like(t, CT_FLOAT64, x);
  ct_tensor_release(t);
  CT_OK_(ct_empty_like(&t, x, CT_INT8, CT_DEVICE_CPU, 0));
  check_like(t, CT_INT8, x);
  ct_tensor_release(t);

  CT_OK_(ct_zeros_like(&t, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_like(t, CT_FLOAT64, x);
  check_all(t, 0, 0);
  ct_tensor_release(t);
  CT_OK_(ct_zeros_like(&t, x, CT_INT32, CT_DEVICE_NONE, -1)); /* like zeros_like(x, dtype=torch.int32) */
  check_like(t, CT_INT32, x);
  check_all(t, 0, 0);
  ct_tensor_release(t);

  CT_OK_(ct_ones_like(&t, x, CT_DTYPE_NONE, CT_DEVICE_CPU, -1));
  check_like(t, CT_FLOAT64, x);
  check_all(t, 1, 0);
  ct_tensor_release(t);
  CT_OK_(ct_ones_like(&t, x, CT_COMPLEX64, CT_DEVICE_NONE, -1));
  check_like(t, CT_COMPLEX64, x);
  check_all(t, 1, 0);
  ct_tensor_release(t);

  const int64_t seven = 7;
  const double half = 2.5;
  CT_OK_(ct_full_like(&t, x, &seven, CT_INT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1)); /* x's dtype */
  check_like(t, CT_FLOAT64, x);
  check_all(t, 7, 0);
  ct_tensor_release(t);
  CT_OK_(ct_full_like(&t, x, &half, CT_FLOAT64, CT_INT32, CT_DEVICE_NONE, -1)); /* truncated, as PyTorch */
  check_like(t, CT_INT32, x);
  check_all(t, 2, 0);
  ct_tensor_release(t);
  const int64_t big = 300;
  FAILS_NULL_(t, ct_full_like(&t, x, &big, CT_INT64, CT_UINT8, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_full_like");
  MSG_HAS_("without overflow");

  /* 0-d and empty inputs. */
  ct_tensor *s;
  CT_OK_(ct_zeros(&s, 0, NULL, CT_INT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones_like(&t, s, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_INT16, 0, NULL);
  check_all(t, 1, 0);
  ct_tensor_release(t);
  ct_tensor_release(s);
  CT_OK_(ct_zeros(&s, 2, (int64_t[]){0, 3}, CT_BOOL, CT_DEVICE_NONE, -1));
  CT_OK_(ct_full_like(&t, s, &seven, CT_INT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_BOOL, 2, (int64_t[]){0, 3});
  ct_tensor_release(t);
  ct_tensor_release(s);
  ct_tensor_release(x);
  ct_tensor_release(base);
  /* A non-dense input (every other column of a [3, 4] buffer) gives a row-major result. */
  ct_tensor *sparse;
  CT_OK_(ct_arange(&sparse, 0, 12, 1, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ct_tensor *cols;
  CT_OK_(ct_as_strided(&cols, sparse, 2, (int64_t[]){3, 2}, (int64_t[]){4, 2}, 0));
  CT_OK_(ct_zeros_like(&t, cols, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_FLOAT32, 2, shape);
  ct_tensor_release(t);
  ct_tensor_release(cols);
  ct_tensor_release(sparse);
  MEM_END;
}
END_TEST

START_TEST(test_new_forms) {
  MEM_BEGIN;
  ct_tensor *self, *t;
  CT_OK_(ct_zeros(&self, 1, (int64_t[]){2}, CT_INT16, CT_DEVICE_NONE, -1));
  const int64_t shape[2] = {3, 4};

  CT_OK_(ct_new_empty(&t, self, 2, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_INT16, 2, shape);
  ct_tensor_release(t);
  CT_OK_(ct_new_empty(&t, self, 0, NULL, CT_FLOAT32, CT_DEVICE_CPU, 0));
  check_fresh(t, CT_FLOAT32, 0, NULL);
  ct_tensor_release(t);

  CT_OK_(ct_new_zeros(&t, self, 2, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_INT16, 2, shape);
  check_all(t, 0, 0);
  ct_tensor_release(t);
  CT_OK_(ct_new_zeros(&t, self, 1, shape, CT_FLOAT64, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_FLOAT64, 1, shape);
  check_all(t, 0, 0);
  ct_tensor_release(t);

  CT_OK_(ct_new_ones(&t, self, 2, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_INT16, 2, shape);
  check_all(t, 1, 0);
  ct_tensor_release(t);
  CT_OK_(ct_new_ones(&t, self, 2, shape, CT_BOOL, CT_DEVICE_CPU, -1));
  check_fresh(t, CT_BOOL, 2, shape);
  check_all(t, 1, 0);
  ct_tensor_release(t);

  const double half = 2.5;
  CT_OK_(ct_new_full(&t, self, 2, shape, &half, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_INT16, 2, shape); /* self's dtype, not the value's: x.new_full((3, 4), 2.5) */
  check_all(t, 2, 0);
  ct_tensor_release(t);
  CT_OK_(ct_new_full(&t, self, 1, shape, &half, CT_FLOAT64, CT_FLOAT16, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_FLOAT16, 1, shape);
  check_all(t, 2.5, 0);
  ct_tensor_release(t);
  const int64_t big = 1LL << 20;
  FAILS_NULL_(t, ct_new_full(&t, self, 1, shape, &big, CT_INT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_new_full");
  MSG_HAS_("without overflow");

  /* new_tensor: a copy of host data in self's dtype, as x.new_tensor([1.5, 2.5, -3.5]). */
  const double data[3] = {1.5, 2.5, -3.5};
  CT_OK_(ct_new_tensor(&t, self, data, CT_FLOAT64, 1, (int64_t[]){3}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_INT16, 1, (int64_t[]){3});
  ck_assert_int_eq(ivalue(t, 0), 1);
  ck_assert_int_eq(ivalue(t, 1), 2);
  ck_assert_int_eq(ivalue(t, 2), -3);
  ct_tensor_release(t);
  CT_OK_(ct_new_tensor(&t, self, data, CT_FLOAT64, 2, (int64_t[]){3, 1}, CT_FLOAT32, CT_DEVICE_CPU, 0));
  check_fresh(t, CT_FLOAT32, 2, (int64_t[]){3, 1});
  ck_assert_double_eq(value(t, 2), -3.5);
  ct_tensor_release(t);
  CT_OK_(ct_new_tensor(&t, self, NULL, CT_FLOAT64, 1, (int64_t[]){0}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_INT16, 1, (int64_t[]){0});
  ct_tensor_release(t);
  FAILS_NULL_(t, ct_new_tensor(&t, self, NULL, CT_FLOAT64, 1, (int64_t[]){3}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_new_tensor: data is NULL");
  FAILS_NULL_(t, ct_new_tensor(&t, self, data, 42, 1, (int64_t[]){3}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_DTYPE, "ct_new_tensor: data_dtype = 42");
  ct_tensor_release(self);
  MEM_END;
}
END_TEST

/* ---- the errors every factory shares --------------------------------------------------------- */

/* Every function of creation.h called with a shape and a dtype, on the CPU; like forms take the
 * shape of a tensor made from it. g_self is the input of the new_* forms. */
static ct_tensor *g_self;
static double g_buf[4];

static ct_status f_empty(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_empty(o, n, s, d, CT_DEVICE_NONE, -1);
}
static ct_status f_zeros(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_zeros(o, n, s, d, CT_DEVICE_NONE, -1);
}
static ct_status f_ones(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_ones(o, n, s, d, CT_DEVICE_NONE, -1);
}
static ct_status f_full(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  const double v = 1.5;
  return ct_full(o, n, s, &v, CT_FLOAT64, d, CT_DEVICE_NONE, -1);
}
static ct_status f_from_data(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_from_data(o, g_buf, CT_FLOAT64, n, s, d, CT_DEVICE_NONE, -1);
}
static ct_status f_from_blob(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_from_blob(o, g_buf, n, s, NULL, d, CT_DEVICE_NONE, -1, NULL, NULL, 0);
}
static ct_status f_new_empty(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_new_empty(o, g_self, n, s, d, CT_DEVICE_NONE, -1);
}
static ct_status f_new_zeros(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_new_zeros(o, g_self, n, s, d, CT_DEVICE_NONE, -1);
}
static ct_status f_new_ones(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_new_ones(o, g_self, n, s, d, CT_DEVICE_NONE, -1);
}
static ct_status f_new_full(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  const int64_t v = 3;
  return ct_new_full(o, g_self, n, s, &v, CT_INT64, d, CT_DEVICE_NONE, -1);
}
static ct_status f_new_tensor(ct_tensor **o, int32_t n, const int64_t *s, ct_dtype d) {
  return ct_new_tensor(o, g_self, g_buf, CT_FLOAT64, n, s, d, CT_DEVICE_NONE, -1);
}

static const struct {
  const char *name;
  ct_status (*fn)(ct_tensor **, int32_t, const int64_t *, ct_dtype);
  bool allocates; /* the shape is allocated (from_data and new_tensor would read past g_buf first) */
} shaped[] = {
  {"ct_empty", f_empty, true},          {"ct_zeros", f_zeros, true},
  {"ct_ones", f_ones, true},            {"ct_full", f_full, true},
  {"ct_from_data", f_from_data, false}, {"ct_from_blob", f_from_blob, false},
  {"ct_new_empty", f_new_empty, true},  {"ct_new_zeros", f_new_zeros, true},
  {"ct_new_ones", f_new_ones, true},    {"ct_new_full", f_new_full, true},
  {"ct_new_tensor", f_new_tensor, false},
};
enum { N_SHAPED = sizeof shaped / sizeof shaped[0] };

START_TEST(test_shape_errors) {
  MEM_BEGIN;
  CT_OK_(ct_zeros(&g_self, 1, (int64_t[]){2}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  for (int i = 0; i < N_SHAPED; i++) {
    const char *fn = shaped[i].name;
    ct_tensor *t;
    char needle[96];
    snprintf(needle, sizeof needle, "%s: out is NULL", fn);
    CT_FAILS_(shaped[i].fn(NULL, 1, (int64_t[]){2}, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, needle);
    snprintf(needle, sizeof needle, "%s: ndim = -1", fn);
    FAILS_NULL_(t, shaped[i].fn(&t, -1, (int64_t[]){2}, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, needle);
    FAILS_NULL_(t, shaped[i].fn(&t, INT32_MIN, (int64_t[]){2}, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, fn);
    snprintf(needle, sizeof needle, "%s: shape is NULL", fn);
    FAILS_NULL_(t, shaped[i].fn(&t, 2, NULL, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, needle);
    snprintf(needle, sizeof needle, "%s: shape[1] = -2", fn);
    FAILS_NULL_(t, shaped[i].fn(&t, 2, (int64_t[]){3, -2}, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, needle);
    FAILS_NULL_(t, shaped[i].fn(&t, 1, (int64_t[]){INT64_MIN}, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, fn);
    /* Element counts or byte sizes beyond int64. */
    FAILS_NULL_(t, shaped[i].fn(&t, 2, (int64_t[]){1LL << 62, 4}, CT_FLOAT32), CT_ERR_SHAPE, fn);
    FAILS_NULL_(t, shaped[i].fn(&t, 3, (int64_t[]){1LL << 21, 1LL << 21, 1LL << 21}, CT_INT8), CT_ERR_SHAPE, fn);
    FAILS_NULL_(t, shaped[i].fn(&t, 1, (int64_t[]){1LL << 60}, CT_COMPLEX128), CT_ERR_SHAPE, fn);
    FAILS_NULL_(t, shaped[i].fn(&t, 2, (int64_t[]){INT64_MAX, INT64_MAX}, CT_BOOL), CT_ERR_SHAPE, fn);
    /* Out-of-range dtypes. */
    snprintf(needle, sizeof needle, "%s: dtype = 42", fn);
    FAILS_NULL_(t, shaped[i].fn(&t, 1, (int64_t[]){2}, 42), CT_ERR_DTYPE, needle);
    snprintf(needle, sizeof needle, "%s: dtype = -2", fn);
    FAILS_NULL_(t, shaped[i].fn(&t, 1, (int64_t[]){2}, -2), CT_ERR_DTYPE, needle);
    FAILS_NULL_(t, shaped[i].fn(&t, 1, (int64_t[]){2}, CT_DTYPE_COUNT), CT_ERR_DTYPE, fn);
    /* Byte counts that fit int64 but no memory: 2^61 bytes. */
    if (shaped[i].allocates) {
      FAILS_NULL_(t, shaped[i].fn(&t, 1, (int64_t[]){1LL << 59}, CT_FLOAT32), CT_ERR_OUT_OF_MEMORY, fn);
      FAILS_NULL_(t, shaped[i].fn(&t, 2, (int64_t[]){1LL << 30, 1LL << 31}, CT_UINT8), CT_ERR_OUT_OF_MEMORY, fn);
    }
  }
  ct_tensor_release(g_self);
  g_self = NULL;
  MEM_END;
}
END_TEST

START_TEST(test_input_errors) {
  MEM_BEGIN;
  /* The like and new forms: NULL out, NULL input, bad dtype, no memory. */
  ct_tensor *x, *t;
  double v = 1;
  CT_OK_(ct_zeros(&x, 1, (int64_t[]){2}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  const int64_t sh[1] = {2};
  CT_FAILS_(ct_empty_like(NULL, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_empty_like: out");
  CT_FAILS_(ct_zeros_like(NULL, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_zeros_like: out");
  CT_FAILS_(ct_ones_like(NULL, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_ones_like: out");
  CT_FAILS_(ct_full_like(NULL, x, &v, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_full_like: out");
  FAILS_NULL_(t, ct_empty_like(&t, NULL, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_empty_like: x is NULL");
  FAILS_NULL_(t, ct_zeros_like(&t, NULL, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_zeros_like: x is NULL");
  FAILS_NULL_(t, ct_ones_like(&t, NULL, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_ones_like: x is NULL");
  FAILS_NULL_(t, ct_full_like(&t, NULL, &v, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_full_like: x is NULL");
  FAILS_NULL_(t, ct_full_like(&t, x, NULL, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_full_like: value is NULL");
  FAILS_NULL_(t, ct_full_like(&t, x, &v, 42, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
              "ct_full_like: value_dtype = 42");
  FAILS_NULL_(t, ct_empty_like(&t, x, 42, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "ct_empty_like: dtype = 42");
  FAILS_NULL_(t, ct_zeros_like(&t, x, -2, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "ct_zeros_like: dtype = -2");
  FAILS_NULL_(t, ct_ones_like(&t, x, 42, CT_DEVICE_NONE, -1), CT_ERR_DTYPE, "ct_ones_like: dtype = 42");
  FAILS_NULL_(t, ct_full_like(&t, x, &v, CT_FLOAT64, -2, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
              "ct_full_like: dtype = -2");
  FAILS_NULL_(t, ct_new_empty(&t, NULL, 1, sh, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_new_empty: self is NULL");
  FAILS_NULL_(t, ct_new_zeros(&t, NULL, 1, sh, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_new_zeros: self is NULL");
  FAILS_NULL_(t, ct_new_ones(&t, NULL, 1, sh, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_new_ones: self is NULL");
  FAILS_NULL_(t, ct_new_full(&t, NULL, 1, sh, &v, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_new_full: self is NULL");
  FAILS_NULL_(t, ct_new_full(&t, x, 1, sh, NULL, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_new_full: value is NULL");
  FAILS_NULL_(t, ct_new_full(&t, x, 1, sh, &v, -2, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
              "ct_new_full: value_dtype = -2");
  FAILS_NULL_(t, ct_new_tensor(&t, NULL, &v, CT_FLOAT64, 1, sh, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, "ct_new_tensor: self is NULL");
  ct_tensor_release(x);
  /* A broadcast blob of 2^59 float32 elements (its storage is one element) has like results of
   * 2^61 bytes: more than any memory. */
  float one = 1;
  CT_OK_(ct_from_blob(&x, &one, 1, (int64_t[]){1LL << 59}, (int64_t[]){0}, CT_FLOAT32, CT_DEVICE_NONE, -1, NULL,
                      NULL, 0));
  FAILS_NULL_(t, ct_empty_like(&t, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY, "ct_empty_like");
  FAILS_NULL_(t, ct_zeros_like(&t, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY, "ct_zeros_like");
  FAILS_NULL_(t, ct_ones_like(&t, x, CT_UINT8, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY, "ct_ones_like");
  FAILS_NULL_(t, ct_full_like(&t, x, &v, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_OUT_OF_MEMORY,
              "ct_full_like");
  /* ... and with a wider dtype their byte count overflows. */
  FAILS_NULL_(t, ct_zeros_like(&t, x, CT_COMPLEX128, CT_DEVICE_NONE, -1), CT_ERR_SHAPE, "ct_zeros_like");
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* ---- devices --------------------------------------------------------------------------------- */

/* Every function of creation.h with only the device varying; g_self is the like/new input. */
static ct_status d_empty(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_empty(o, 1, (int64_t[]){2}, CT_DTYPE_NONE, t, i);
}
static ct_status d_zeros(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_zeros(o, 1, (int64_t[]){2}, CT_DTYPE_NONE, t, i);
}
static ct_status d_ones(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_ones(o, 1, (int64_t[]){2}, CT_DTYPE_NONE, t, i);
}
static ct_status d_full(ct_tensor **o, ct_device_type t, int32_t i) {
  const double v = 2;
  return ct_full(o, 1, (int64_t[]){2}, &v, CT_FLOAT64, CT_DTYPE_NONE, t, i);
}
static ct_status d_arange(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_arange(o, 0, 2, 1, CT_DTYPE_NONE, t, i);
}
static ct_status d_linspace(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_linspace(o, 0, 1, 2, CT_DTYPE_NONE, t, i);
}
static ct_status d_eye(ct_tensor **o, ct_device_type t, int32_t i) { return ct_eye(o, 2, -1, CT_DTYPE_NONE, t, i); }
static ct_status d_from_data(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_from_data(o, g_buf, CT_FLOAT64, 1, (int64_t[]){2}, CT_DTYPE_NONE, t, i);
}
static ct_status d_from_blob(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_from_blob(o, g_buf, 1, (int64_t[]){2}, NULL, CT_FLOAT64, t, i, NULL, NULL, 0);
}
static ct_status d_empty_like(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_empty_like(o, g_self, CT_DTYPE_NONE, t, i);
}
static ct_status d_zeros_like(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_zeros_like(o, g_self, CT_DTYPE_NONE, t, i);
}
static ct_status d_ones_like(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_ones_like(o, g_self, CT_DTYPE_NONE, t, i);
}
static ct_status d_full_like(ct_tensor **o, ct_device_type t, int32_t i) {
  const double v = 2;
  return ct_full_like(o, g_self, &v, CT_FLOAT64, CT_DTYPE_NONE, t, i);
}
static ct_status d_new_empty(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_new_empty(o, g_self, 1, (int64_t[]){2}, CT_DTYPE_NONE, t, i);
}
static ct_status d_new_zeros(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_new_zeros(o, g_self, 1, (int64_t[]){2}, CT_DTYPE_NONE, t, i);
}
static ct_status d_new_ones(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_new_ones(o, g_self, 1, (int64_t[]){2}, CT_DTYPE_NONE, t, i);
}
static ct_status d_new_full(ct_tensor **o, ct_device_type t, int32_t i) {
  const double v = 2;
  return ct_new_full(o, g_self, 1, (int64_t[]){2}, &v, CT_FLOAT64, CT_DTYPE_NONE, t, i);
}
static ct_status d_new_tensor(ct_tensor **o, ct_device_type t, int32_t i) {
  return ct_new_tensor(o, g_self, g_buf, CT_FLOAT64, 1, (int64_t[]){2}, CT_DTYPE_NONE, t, i);
}

static const struct {
  const char *name;
  ct_status (*fn)(ct_tensor **, ct_device_type, int32_t);
} placed[] = {
  {"ct_empty", d_empty},           {"ct_zeros", d_zeros},           {"ct_ones", d_ones},
  {"ct_full", d_full},             {"ct_arange", d_arange},         {"ct_linspace", d_linspace},
  {"ct_eye", d_eye},               {"ct_from_data", d_from_data},   {"ct_from_blob", d_from_blob},
  {"ct_empty_like", d_empty_like}, {"ct_zeros_like", d_zeros_like}, {"ct_ones_like", d_ones_like},
  {"ct_full_like", d_full_like},   {"ct_new_empty", d_new_empty},   {"ct_new_zeros", d_new_zeros},
  {"ct_new_ones", d_new_ones},     {"ct_new_full", d_new_full},     {"ct_new_tensor", d_new_tensor},
};
enum { N_PLACED = sizeof placed / sizeof placed[0] };

START_TEST(test_device_selection) {
  MEM_BEGIN;
  /* CT_DEVICE_NONE is the CPU (factories) or the input's device (like/new); index -1 is device 0. */
  CT_OK_(ct_zeros(&g_self, 1, (int64_t[]){2}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  static const struct {
    ct_device_type type;
    int32_t index;
  } ok[] = {{CT_DEVICE_NONE, -1}, {CT_DEVICE_CPU, -1}, {CT_DEVICE_CPU, 0}};
  for (int i = 0; i < N_PLACED; i++)
    for (size_t k = 0; k < sizeof ok / sizeof ok[0]; k++) {
      ct_tensor *t = NULL;
      ct_device_type type = -7;
      int32_t index = -7;
      ck_assert_msg(placed[i].fn(&t, ok[k].type, ok[k].index) == CT_OK, "%s (%d, %d): %s", placed[i].name,
                    (int)ok[k].type, (int)ok[k].index, ct_last_error_message());
      CT_OK_(ct_tensor_device(&type, &index, t));
      ck_assert_int_eq(type, CT_DEVICE_CPU);
      ck_assert_int_eq(index, 0);
      ct_tensor_release(t);
    }
  ct_tensor_release(g_self);
  g_self = NULL;
  MEM_END;
}
END_TEST

START_TEST(test_device_errors) {
  MEM_BEGIN;
  CT_OK_(ct_zeros(&g_self, 1, (int64_t[]){2}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  static const struct {
    ct_device_type type;
    int32_t index;
    const char *needle;
  } bad[] = {
    {99, -1, "device_type = 99"},   {0, -1, "device_type = 0"},  {5, 0, "device_type = 5"},
    {-2, -1, "device_type = -2"},   {CT_DEVICE_TYPE_COUNT, 0, "device_type"},
    {CT_DEVICE_CPU, 1, "index"}, {CT_DEVICE_CPU, -2, "device_index = -2"},
    {CT_DEVICE_CPU, INT32_MAX, "index"},
  };
  for (int i = 0; i < N_PLACED; i++)
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
      ct_tensor *t;
      FAILS_NULL_(t, placed[i].fn(&t, bad[k].type, bad[k].index), CT_ERR_DEVICE, bad[k].needle);
      MSG_HAS_(placed[i].name);
    }
  ct_tensor_release(g_self);
  g_self = NULL;
  MEM_END;
}
END_TEST

START_TEST(test_cuda_unavailable) {
  MEM_BEGIN;
  if (cuda_available()) return; /* this check is for machines without the CUDA module */
  CT_OK_(ct_zeros(&g_self, 1, (int64_t[]){2}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  for (int i = 0; i < N_PLACED; i++) {
    ct_tensor *t;
    FAILS_NULL_(t, placed[i].fn(&t, CT_DEVICE_CUDA, -1), CT_ERR_BACKEND_UNAVAILABLE, "backend unavailable");
    MSG_HAS_(placed[i].name);
    FAILS_NULL_(t, placed[i].fn(&t, CT_DEVICE_CUDA, 0), CT_ERR_BACKEND_UNAVAILABLE, "backend unavailable");
    /* Other device types without a backend fail the same way. */
    FAILS_NULL_(t, placed[i].fn(&t, CT_DEVICE_VULKAN, 0), CT_ERR_BACKEND_UNAVAILABLE, "backend unavailable");
    MSG_HAS_(placed[i].name);
  }
  ct_tensor *t;
  FAILS_NULL_(t, ct_zeros(&t, 2, (int64_t[]){2, 3}, CT_FLOAT32, CT_DEVICE_CUDA, 0), CT_ERR_BACKEND_UNAVAILABLE,
              "ct_zeros: backend unavailable");
  ct_tensor_release(g_self);
  g_self = NULL;
  MEM_END;
}
END_TEST

/* ---- the default dtype ----------------------------------------------------------------------- */

START_TEST(test_default_dtype_float64) {
  MEM_BEGIN;
  ct_dtype d;
  CT_OK_(ct_get_default_dtype(&d));
  ck_assert_int_eq(d, CT_FLOAT32);
  CT_OK_(ct_set_default_dtype(CT_FLOAT64));
  ct_tensor *t[8];
  const double f = 0.1;
  const double z[2] = {1, 2};
  const int64_t i = 3;
  CT_OK_(ct_empty(&t[0], 1, (int64_t[]){2}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&t[1], 1, (int64_t[]){2}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&t[2], 1, (int64_t[]){2}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_full(&t[3], 1, (int64_t[]){2}, &f, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_arange(&t[4], 0, 1, 0.25, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_linspace(&t[5], 0, 1, 3, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_eye(&t[6], 2, -1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_full(&t[7], 1, (int64_t[]){2}, z, CT_COMPLEX128, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  for (int k = 0; k < 7; k++) ck_assert_msg(dtype_of(t[k]) == CT_FLOAT64, "tensor %d", k);
  ck_assert_int_eq(dtype_of(t[7]), CT_COMPLEX128);
  ck_assert_double_eq(value(t[3], 1), 0.1); /* not rounded through float32 */
  for (int k = 0; k < 8; k++) ct_tensor_release(t[k]);
  /* Integral values still give int64, and the like/new forms still follow their input. */
  ct_tensor *x, *y;
  CT_OK_(ct_full(&x, 0, NULL, &i, CT_INT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(x), CT_INT64);
  CT_OK_(ct_arange(&y, 0, 3, 1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(y), CT_INT64);
  ct_tensor_release(y);
  CT_OK_(ct_ones_like(&y, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(y), CT_INT64);
  ct_tensor_release(y);
  CT_OK_(ct_new_zeros(&y, x, 1, (int64_t[]){2}, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(y), CT_INT64);
  ct_tensor_release(y);
  ct_tensor_release(x);
  /* float16 as the default too. */
  CT_OK_(ct_set_default_dtype(CT_FLOAT16));
  CT_OK_(ct_zeros(&x, 0, NULL, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(x), CT_FLOAT16);
  ct_tensor_release(x);
  CT_OK_(ct_set_default_dtype(CT_FLOAT32));
  CT_OK_(ct_zeros(&x, 0, NULL, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(x), CT_FLOAT32);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* ---- many dimensions ------------------------------------------------------------------------- */

enum { MANY = 40 };

START_TEST(test_many_dims) {
  MEM_BEGIN;
  /* 40 dims of sizes 1 and 2 (every third is 2: 2^14 elements). */
  int64_t shape[MANY];
  int64_t n = 1;
  for (int d = 0; d < MANY; d++) {
    shape[d] = d % 3 == 0 ? 2 : 1;
    n *= shape[d];
  }
  ct_tensor *t;
  for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
    CT_OK_(ct_ones(&t, MANY, shape, d, CT_DEVICE_NONE, -1));
    check_fresh(t, d, MANY, shape);
    ck_assert_int_eq(numel_of(t), n);
    check_all(t, 1, 0);
    ct_tensor_release(t);
  }
  CT_OK_(ct_empty(&t, MANY, shape, CT_INT32, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_INT32, MANY, shape);
  ct_tensor_release(t);
  const int64_t seven = 7;
  CT_OK_(ct_full(&t, MANY, shape, &seven, CT_INT64, CT_INT16, CT_DEVICE_NONE, -1));
  check_all(t, 7, 0);
  ct_tensor *z;
  CT_OK_(ct_zeros_like(&z, t, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_fresh(z, CT_INT16, MANY, shape);
  check_all(z, 0, 0);
  ct_tensor_release(z);
  CT_OK_(ct_new_zeros(&z, t, MANY, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  check_fresh(z, CT_FLOAT32, MANY, shape);
  ct_tensor_release(z);
  ct_tensor_release(t);
  double *data = malloc((size_t)n * sizeof *data);
  ck_assert_ptr_nonnull(data);
  for (int64_t i = 0; i < n; i++) data[i] = (double)i;
  CT_OK_(ct_from_data(&t, data, CT_FLOAT64, MANY, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  check_fresh(t, CT_FLOAT32, MANY, shape);
  for (int64_t i = 0; i < n; i += 97) ck_assert_double_eq(value(t, i), (double)i);
  ct_tensor_release(t);
  CT_OK_(ct_from_blob(&t, data, MANY, shape, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, NULL, NULL, 0));
  check_fresh(t, CT_FLOAT64, MANY, shape);
  ck_assert_double_eq(value(t, n - 1), (double)(n - 1));
  ct_tensor_release(t);
  free(data);
  /* Errors still name the offending dimension. */
  shape[37] = -1;
  FAILS_NULL_(t, ct_zeros(&t, MANY, shape, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_zeros: shape[37] = -1");
  MEM_END;
}
END_TEST

int main(void) {
  const struct {
    const char *name;
    const TTest *test;
  } tests[] = {
    {"empty", test_empty},
    {"zeros_ones", test_zeros_ones},
    {"full_values", test_full_values},
    {"full_value_dtypes", test_full_value_dtypes},
    {"full_dtype_inference", test_full_dtype_inference},
    {"full_errors", test_full_errors},
    {"arange_values", test_arange_values},
    {"arange_dtype_inference", test_arange_dtype_inference},
    {"arange_errors", test_arange_errors},
    {"arange_integer_step_truncates_to_zero", test_arange_integer_step_truncates_to_zero},
    {"linspace_values", test_linspace_values},
    {"linspace_long", test_linspace_long},
    {"linspace_errors", test_linspace_errors},
    {"eye", test_eye},
    {"from_data", test_from_data},
    {"from_blob_zero_copy", test_from_blob_zero_copy},
    {"from_blob_deleter", test_from_blob_deleter},
    {"from_blob_read_only", test_from_blob_read_only},
    {"from_blob_errors", test_from_blob_errors},
    {"like_forms", test_like_forms},
    {"new_forms", test_new_forms},
    {"shape_errors", test_shape_errors},
    {"input_errors", test_input_errors},
    {"device_selection", test_device_selection},
    {"device_errors", test_device_errors},
    {"cuda_unavailable", test_cuda_unavailable},
    {"default_dtype_float64", test_default_dtype_float64},
    {"many_dims", test_many_dims},
    /* Last: a regression here (a wrapped scratch size) crashes, which ends a CK_FORK=no run. */
    {"linspace_huge_small_dtype", test_linspace_huge_small_dtype},
  };
  Suite *s = suite_create("creation");
  for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
    TCase *tc = tcase_create(tests[i].name);
    tcase_add_checked_fixture(tc, NULL, restore_default_dtype);
    tcase_add_test(tc, tests[i].test);
    suite_add_tcase(s, tc);
  }
  return ct_test_run(s);
}
