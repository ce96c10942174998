/*
 * ct_test.h: helpers shared by the Check suites.
 *
 * Everything here is a macro or a static inline function, so that a suite
 * pays (and warns) for nothing it does not use.
 */
#ifndef CT_TEST_H
#define CT_TEST_H

#include <check.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctensor/ctensor.h"

/* ---- status assertions ------------------------------------------------------------------------ */

/* Asserts that a call succeeds, printing the thread's error message if not. */
#define CT_OK_(expr)                                                                            \
  do {                                                                                           \
    ct_status ct_t_s = (expr);                                                                   \
    ck_assert_msg(ct_t_s == CT_OK, "%s failed: %s (%s)", #expr, ct_status_name(ct_t_s),          \
                  ct_last_error_message());                                                      \
  } while (0)

/*
 * Asserts that status, returned by the call spelt call_text, is code and that the error record
 * holds that code and a message containing needle. The common part of CT_FAILS_ and FAILS_NULL_.
 */
#define CT_FAILED_WITH_(status, call_text, code, needle)                                        \
  do {                                                                                           \
    ck_assert_msg(status == (code), "%s returned %s, expected %s (%s)", (call_text),             \
                  ct_status_name(status), ct_status_name(code), ct_last_error_message());        \
    ck_assert_int_eq(ct_last_error_code(), (code));                                              \
    ck_assert_msg(strstr(ct_last_error_message(), (needle)) != NULL,                             \
                  "message of %s is \"%s\", expected it to contain \"%s\"", (call_text),         \
                  ct_last_error_message(), (needle));                                            \
  } while (0)

/*
 * Asserts that a call fails with code and that the error record holds that
 * code and a message containing needle (which should name the function and
 * argument).
 */
#define CT_FAILS_(expr, code, needle)                                                           \
  do {                                                                                           \
    ct_clear_error();                                                                            \
    ct_status ct_t_s = (expr);                                                                   \
    CT_FAILED_WITH_(ct_t_s, #expr, code, needle);                                                \
  } while (0)

/* Asserts that the last error message also contains s (CT_FAILS_ checks one needle). */
#define MSG_HAS_(s)                                                                              \
  ck_assert_msg(strstr(ct_last_error_message(), (s)) != NULL, "message \"%s\" lacks \"%s\"",      \
                ct_last_error_message(), (s))

/* Out-parameters are preset to this before a failing call, to see that the call resets them. */
static inline ct_tensor *ct_test_poison(void) {
  static char poison_byte;
  return (ct_tensor *)(void *)&poison_byte;
}
#define POISON (ct_test_poison())

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
    CT_FAILED_WITH_(fails_s_, #expr, code, needle);                                              \
    ck_assert_ptr_null(out);                                                                     \
  } while (0)

/* ---- leaks ------------------------------------------------------------------------------------ */

/* Records allocator statistics at the start of a test; CT_NO_LEAK_ compares at the end. */
static inline void ct_test_mem_begin(int64_t *blocks, int64_t *bytes) {
  ct_memory_stats(blocks, bytes, NULL);
}

#define CT_NO_LEAK_(blocks0, bytes0)                                                            \
  do {                                                                                           \
    int64_t ct_t_b, ct_t_n;                                                                      \
    ct_memory_stats(&ct_t_b, &ct_t_n, NULL);                                                     \
    ck_assert_msg(ct_t_b == (blocks0) && ct_t_n == (bytes0),                                     \
                  "leak: %lld blocks / %lld bytes live, %lld / %lld at start",                   \
                  (long long)ct_t_b, (long long)ct_t_n, (long long)(blocks0),                    \
                  (long long)(bytes0));                                                          \
  } while (0)

/*
 * A test that starts with MEM_BEGIN and ends with MEM_END fails if it left anything allocated
 * (CK_FORK=no runs all tests in one process, so a leak would otherwise go unseen).
 */
#define MEM_BEGIN                                                                                \
  int64_t mem_blocks_, mem_bytes_;                                                               \
  ct_test_mem_begin(&mem_blocks_, &mem_bytes_)
#define MEM_END CT_NO_LEAK_(mem_blocks_, mem_bytes_)

/* ---- tensor accessors ------------------------------------------------------------------------- */

/* The size in bytes of an element of dtype d. */
static inline int64_t itemsize_of(ct_dtype d) {
  int64_t size = 0;
  CT_OK_(ct_dtype_itemsize(&size, d));
  return size;
}

/* Buffers for shapes and strides; the helpers below take tensors of at most this many dims. */
enum { MAX_DIMS = 64 };

/* Where element i of t is, in row-major order over t's shape, read through its strides. */
static inline const void *ct_test_elem_ptr(ct_tensor *t, int64_t i, ct_dtype *dtype) {
  int32_t nd;
  int64_t shape[MAX_DIMS], strides[MAX_DIMS], itemsize;
  void *data;
  CT_OK_(ct_tensor_ndim(&nd, t));
  ck_assert_int_le(nd, MAX_DIMS);
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, t));
  CT_OK_(ct_tensor_strides(strides, MAX_DIMS, t));
  CT_OK_(ct_tensor_dtype(dtype, t));
  CT_OK_(ct_tensor_element_size(&itemsize, t));
  CT_OK_(ct_tensor_data_ptr(&data, t));
  int64_t off = 0;
  for (int32_t d = nd - 1; d >= 0; d--) {
    off += (i % shape[d]) * strides[d];
    i /= shape[d];
  }
  return (const char *)data + off * itemsize;
}

/* Element i of t (as ct_test_elem_ptr) as complex128. */
static inline void elem(double z[2], ct_tensor *t, int64_t i) {
  ct_dtype dtype;
  const void *p = ct_test_elem_ptr(t, i, &dtype);
  CT_OK_(ct_dtype_convert(z, CT_COMPLEX128, p, dtype, 1));
}

/* The real part of element i. */
static inline double value(ct_tensor *t, int64_t i) {
  double z[2];
  elem(z, t, i);
  return z[0];
}

/* Element i as an int64 (exact for every integer dtype). */
static inline int64_t ivalue(ct_tensor *t, int64_t i) {
  ct_dtype dtype;
  int64_t v;
  const void *p = ct_test_elem_ptr(t, i, &dtype);
  CT_OK_(ct_dtype_convert(&v, CT_INT64, p, dtype, 1));
  return v;
}

static inline int64_t numel_of(ct_tensor *t) {
  int64_t n = -1;
  CT_OK_(ct_tensor_numel(&n, t));
  return n;
}

static inline ct_dtype dtype_of(ct_tensor *t) {
  ct_dtype d = -7;
  CT_OK_(ct_tensor_dtype(&d, t));
  return d;
}

static inline void *data_of(ct_tensor *t) {
  void *p = NULL;
  CT_OK_(ct_tensor_data_ptr(&p, t));
  return p;
}

static inline int64_t use_count(ct_tensor *t) {
  int64_t n = -1;
  CT_OK_(ct_tensor_use_count(&n, t));
  return n;
}

static inline bool shares(ct_tensor *a, ct_tensor *b) {
  bool r = false;
  CT_OK_(ct_tensor_shares_storage(&r, a, b));
  return r;
}

static inline bool contiguous(ct_tensor *t) {
  bool r = false;
  CT_OK_(ct_tensor_is_contiguous(&r, t));
  return r;
}

/* t has ndim dims whose sizes (strides false) or strides (strides true) are want[0 .. ndim-1]. */
static inline void ct_test_check_dims(ct_tensor *t, int32_t ndim, const int64_t *want, bool strides) {
  int32_t nd = -1;
  int64_t got[MAX_DIMS];
  ck_assert_int_le(ndim, MAX_DIMS);
  CT_OK_(ct_tensor_ndim(&nd, t));
  ck_assert_int_eq(nd, ndim);
  if (strides)
    CT_OK_(ct_tensor_strides(got, MAX_DIMS, t));
  else
    CT_OK_(ct_tensor_shape(got, MAX_DIMS, t));
  for (int32_t d = 0; d < ndim; d++)
    ck_assert_msg(got[d] == want[d], "%s %d is %lld, expected %lld", strides ? "stride" : "size", (int)d,
                  (long long)got[d], (long long)want[d]);
}

/* t has ndim dims of the sizes shape[0 .. ndim-1]. */
static inline void check_shape(ct_tensor *t, int32_t ndim, const int64_t *shape) {
  ct_test_check_dims(t, ndim, shape, false);
}

/* t has ndim dims with the strides strides[0 .. ndim-1]. */
static inline void check_strides(ct_tensor *t, int32_t ndim, const int64_t *strides) {
  ct_test_check_dims(t, ndim, strides, true);
}

/* The row-major strides of shape in strides[0 .. ndim-1], a size-0 dim counted as 1 (as PyTorch). */
static inline void contiguous_strides(int64_t *strides, int32_t ndim, const int64_t *shape) {
  int64_t run = 1;
  for (int32_t d = ndim - 1; d >= 0; d--) {
    strides[d] = run;
    run *= shape[d] ? shape[d] : 1;
  }
}

/* A 1-d tensor 0, 1, ..., n-1 of dtype. */
static inline ct_tensor *iota(int64_t n, ct_dtype dtype) {
  ct_tensor *t = NULL;
  CT_OK_(ct_arange(&t, 0, (double)n, 1, dtype, CT_DEVICE_NONE, -1));
  return t;
}

/* Whether a CUDA backend can be used here (then the "unavailable" checks are skipped). */
static inline bool cuda_available(void) {
  bool a = true;
  CT_OK_(ct_backend_available(&a, CT_DEVICE_CUDA));
  return a;
}

/* ---- table tests: note every differing case, fail once at the end listing them all ---------- */

/* Check refuses failure messages of 4 KiB or more ("Message string too long"), so the log stays below. */
struct ct_test_note_log {
  char log[3000];
  int count;
};

static inline struct ct_test_note_log *ct_test_notes(void) {
  static struct ct_test_note_log notes;
  return &notes;
}

/* Forgets the notes of an earlier test. */
static inline void fail_reset(void) {
  ct_test_notes()->log[0] = '\0';
  ct_test_notes()->count = 0;
}

/* Notes one differing case (printf-style); the log keeps what fits. */
__attribute__((format(printf, 1, 2))) static inline void fail_note(const char *fmt, ...) {
  struct ct_test_note_log *n = ct_test_notes();
  size_t used = strlen(n->log);
  va_list ap;
  n->count++;
  if (used + 2 >= sizeof n->log) return;
  n->log[used++] = '\n';
  va_start(ap, fmt);
  vsnprintf(n->log + used, sizeof n->log - used, fmt, ap);
  va_end(ap);
}

/* Fails with "<count> <what>:" and the noted cases, one a line, if any was noted. */
#define FAIL_IF_NOTED_(what)                                                                     \
  ck_assert_msg(ct_test_notes()->count == 0, "%d %s:%s", ct_test_notes()->count, (what),         \
                ct_test_notes()->log)

/* ---- suites ----------------------------------------------------------------------------------- */

/* A test case of a suite: its TCase's name and its one test. */
typedef struct ct_test_case {
  const char *name;
  const TTest *test;
} ct_test_case;

/* What each TCase gets: a checked fixture (either function may be NULL), a timeout in seconds. */
typedef struct ct_test_tcase_opts {
  SFun setup, teardown;
  double timeout; /* 0: Check's default */
} ct_test_tcase_opts;

/* Adds a TCase called name to s, set up as opts says (NULL: Check's defaults), and returns it. */
static inline TCase *ct_test_tcase(Suite *s, const char *name, const ct_test_tcase_opts *opts) {
  TCase *tc = tcase_create(name);
  if (opts && (opts->setup || opts->teardown))
    tcase_add_checked_fixture(tc, opts->setup, opts->teardown);
  if (opts && opts->timeout > 0) tcase_set_timeout(tc, opts->timeout);
  suite_add_tcase(s, tc);
  return tc;
}

/* Adds one TCase per case of cases[0 .. n-1], in that order, each set up as opts says. */
static inline void ct_test_add_cases(Suite *s, const ct_test_case *cases, size_t n,
                                     const ct_test_tcase_opts *opts) {
  for (size_t i = 0; i < n; i++) tcase_add_test(ct_test_tcase(s, cases[i].name, opts), cases[i].test);
}

/* ct_test_add_cases() of a whole array. */
#define CT_TEST_ADD_CASES_(s, cases, opts)                                                       \
  ct_test_add_cases((s), (cases), sizeof(cases) / sizeof((cases)[0]), (opts))

/*
 * Runs one suite with TAP or normal output (CK_TAP_LOG_FILE_NAME, set by
 * `make check`), returning the process exit status.
 */
static inline int ct_test_run(Suite *s) {
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_ENV);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif /* CT_TEST_H */
