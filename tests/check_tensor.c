/*
 * check_tensor.c: tests of include/ctensor/tensor.h: reference counting, every
 * property query (with negative dims, 0-d and empty tensors and PyTorch's
 * contiguity rule), item() in all its forms, as_strided and its bounds, views
 * that outlive their base, and tensors of many dimensions.
 *
 * Every test records the allocator statistics first and checks at the end that
 * it left nothing behind (CK_FORK=no runs the tests in one process).
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>

#include "ct_test.h"

/* A tensor of dtype holding values (row-major, given as doubles). */
static ct_tensor *make(ct_dtype dtype, int32_t ndim, const int64_t *shape, const double *values) {
  ct_tensor *t = NULL;
  CT_OK_(ct_from_data(&t, values, CT_FLOAT64, ndim, shape, dtype, CT_DEVICE_NONE, -1));
  return t;
}

/*
 * A query of t into an int64 (named name, its result argument arg) refuses a NULL result and a
 * NULL tensor, naming the argument; the latter sets the result to 0.
 */
static void check_query_null_args(ct_status (*query)(int64_t *, ct_tensor *), const char *name, const char *arg,
                                  ct_tensor *t) {
  char needle[64];
  int64_t n = 42;
  snprintf(needle, sizeof needle, "%s: %s", name, arg);
  CT_FAILS_(query(NULL, t), CT_ERR_INVALID_ARGUMENT, needle);
  snprintf(needle, sizeof needle, "%s: t", name);
  CT_FAILS_(query(&n, NULL), CT_ERR_INVALID_ARGUMENT, needle);
  ck_assert_int_eq(n, 0);
}

/* ---- reference counting ---------------------------------------------------------------------- */

START_TEST(test_retain_release) {
  MEM_BEGIN;
  ct_tensor *t;
  int64_t n = -1;
  CT_OK_(ct_zeros(&t, 2, (int64_t[]){2, 3}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_tensor_use_count(&n, t));
  ck_assert_int_eq(n, 1);
  CT_OK_(ct_tensor_retain(t));
  CT_OK_(ct_tensor_retain(t));
  CT_OK_(ct_tensor_use_count(&n, t));
  ck_assert_int_eq(n, 3);
  ct_tensor_release(t);
  CT_OK_(ct_tensor_use_count(&n, t));
  ck_assert_int_eq(n, 2);
  ct_tensor_release(t);
  CT_OK_(ct_tensor_use_count(&n, t));
  ck_assert_int_eq(n, 1);
  ct_tensor_release(t); /* the last reference frees everything */
  ct_tensor_release(NULL); /* does nothing */
  MEM_END;
}
END_TEST

START_TEST(test_retain_use_count_errors) {
  MEM_BEGIN;
  CT_FAILS_(ct_tensor_retain(NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_retain: t is NULL");
  ct_tensor *t;
  CT_OK_(ct_zeros(&t, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  check_query_null_args(ct_tensor_use_count, "ct_tensor_use_count", "count", t);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

enum { N_THREADS = 4, N_ROUNDS = 20000 };

static void *retain_release_loop(void *arg) {
  ct_tensor *t = arg;
  for (int i = 0; i < N_ROUNDS; i++) {
    if (ct_tensor_retain(t) != CT_OK) return arg;
    ct_tensor_release(t);
  }
  for (int i = 0; i < N_ROUNDS; i++)
    if (ct_tensor_retain(t) != CT_OK) return arg;
  return NULL;
}

START_TEST(test_refcount_atomic) {
  MEM_BEGIN;
  ct_tensor *t;
  CT_OK_(ct_ones(&t, 1, (int64_t[]){8}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  pthread_t th[N_THREADS];
  for (int k = 0; k < N_THREADS; k++) ck_assert_int_eq(pthread_create(&th[k], NULL, retain_release_loop, t), 0);
  for (int k = 0; k < N_THREADS; k++) {
    void *r = (void *)1;
    ck_assert_int_eq(pthread_join(th[k], &r), 0);
    ck_assert_ptr_null(r);
  }
  int64_t n;
  CT_OK_(ct_tensor_use_count(&n, t));
  ck_assert_int_eq(n, 1 + (int64_t)N_THREADS * N_ROUNDS);
  for (int64_t i = 0; i < (int64_t)N_THREADS * N_ROUNDS; i++) ct_tensor_release(t);
  CT_OK_(ct_tensor_use_count(&n, t));
  ck_assert_int_eq(n, 1);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- shape queries ------------------------------------------------------------------------- */

START_TEST(test_ndim) {
  MEM_BEGIN;
  ct_tensor *s, *t;
  int32_t nd = -1;
  CT_OK_(ct_zeros(&s, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&t, 3, (int64_t[]){2, 3, 4}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_tensor_ndim(&nd, s));
  ck_assert_int_eq(nd, 0);
  CT_OK_(ct_tensor_ndim(&nd, t));
  ck_assert_int_eq(nd, 3);
  CT_FAILS_(ct_tensor_ndim(NULL, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_ndim: ndim");
  nd = 42;
  CT_FAILS_(ct_tensor_ndim(&nd, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_ndim: t");
  ck_assert_int_eq(nd, 0);
  ct_tensor_release(s);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_shape) {
  MEM_BEGIN;
  ct_tensor *s, *t;
  CT_OK_(ct_zeros(&s, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&t, 3, (int64_t[]){2, 0, 4}, CT_INT8, CT_DEVICE_NONE, -1));
  int64_t got[5] = {-1, -1, -1, -1, -1};
  CT_OK_(ct_tensor_shape(got, 5, t)); /* a larger buffer: the rest is left alone */
  ck_assert_int_eq(got[0], 2);
  ck_assert_int_eq(got[1], 0);
  ck_assert_int_eq(got[2], 4);
  ck_assert_int_eq(got[3], -1);
  CT_OK_(ct_tensor_shape(got, 3, t));
  CT_OK_(ct_tensor_shape(NULL, 0, s)); /* a 0-d tensor needs no buffer */
  CT_OK_(ct_tensor_shape(got, 0, s));
  CT_FAILS_(ct_tensor_shape(got, 2, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_shape: len = 2");
  CT_FAILS_(ct_tensor_shape(got, -1, s), CT_ERR_INVALID_ARGUMENT, "ct_tensor_shape: len = -1");
  CT_FAILS_(ct_tensor_shape(NULL, 3, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_shape: shape is NULL");
  CT_FAILS_(ct_tensor_shape(got, 3, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_shape: t is NULL");
  ct_tensor_release(s);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/*
 * A query of one dim (ct_tensor_size or ct_tensor_stride, named name, its result argument arg)
 * of the 3-d t gives want[0 .. 2] at dims 0 .. 2 and again at -3 .. -1. Dims outside t, any dim
 * of the 0-d s, and NULL arguments fail, naming the function and the argument and setting the
 * result to 0.
 */
static void check_dim_query(ct_status (*query)(int64_t *, ct_tensor *, int32_t), const char *name,
                            const char *arg, ct_tensor *t, ct_tensor *s, const int64_t want[3]) {
  for (int32_t dim = -3; dim < 3; dim++) {
    int64_t n = -1;
    CT_OK_(query(&n, t, dim));
    ck_assert_msg(n == want[(dim + 3) % 3], "%s(t, %d) = %lld, expected %lld", name, (int)dim, (long long)n,
                  (long long)want[(dim + 3) % 3]);
  }
  static const struct {
    bool scalar; /* of s rather than t */
    int32_t dim;
  } bad[] = {{false, 3}, {false, -4}, {false, INT32_MIN}, {true, 0}, {true, -1}};
  char needle[64];
  int64_t n;
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    snprintf(needle, sizeof needle, "%s: dim = %d", name, (int)bad[i].dim);
    n = 42;
    CT_FAILS_(query(&n, bad[i].scalar ? s : t, bad[i].dim), CT_ERR_INDEX, needle);
    ck_assert_int_eq(n, 0);
  }
  snprintf(needle, sizeof needle, "%s: %s", name, arg);
  CT_FAILS_(query(NULL, t, 0), CT_ERR_INVALID_ARGUMENT, needle);
  snprintf(needle, sizeof needle, "%s: t", name);
  n = 42;
  CT_FAILS_(query(&n, NULL, 0), CT_ERR_INVALID_ARGUMENT, needle);
  ck_assert_int_eq(n, 0);
}

START_TEST(test_size_negative_dims) {
  MEM_BEGIN;
  ct_tensor *t, *s;
  CT_OK_(ct_empty(&t, 3, (int64_t[]){2, 3, 4}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_empty(&s, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  check_dim_query(ct_tensor_size, "ct_tensor_size", "size", t, s, (const int64_t[]){2, 3, 4});
  ct_tensor_release(t);
  ct_tensor_release(s);
  MEM_END;
}
END_TEST

START_TEST(test_strides) {
  MEM_BEGIN;
  /* Row-major strides count a size-0 dim as 1, as PyTorch: torch.empty(2, 0, 3).stride() == (3, 3, 1). */
  static const struct {
    int32_t ndim;
    int64_t shape[4], strides[4];
  } cases[] = {
    {1, {5}, {1}},         {2, {2, 3}, {3, 1}},         {3, {2, 3, 4}, {12, 4, 1}},
    {3, {2, 0, 3}, {3, 3, 1}}, {2, {3, 0}, {1, 1}},     {4, {1, 2, 1, 3}, {6, 3, 3, 1}},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ct_tensor *t;
    CT_OK_(ct_empty(&t, cases[i].ndim, cases[i].shape, CT_INT16, CT_DEVICE_NONE, -1));
    check_strides(t, cases[i].ndim, cases[i].strides);
    ct_tensor_release(t);
  }
  ct_tensor *t, *s;
  int64_t got[3];
  CT_OK_(ct_empty(&t, 2, (int64_t[]){2, 3}, CT_INT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_empty(&s, 0, NULL, CT_INT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_tensor_strides(NULL, 0, s));
  CT_FAILS_(ct_tensor_strides(got, 1, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_strides: len = 1");
  CT_FAILS_(ct_tensor_strides(NULL, 2, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_strides: strides is NULL");
  CT_FAILS_(ct_tensor_strides(got, 2, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_strides: t is NULL");
  ct_tensor_release(t);
  ct_tensor_release(s);
  MEM_END;
}
END_TEST

START_TEST(test_stride_negative_dims) {
  MEM_BEGIN;
  ct_tensor *base = iota(24, CT_FLOAT64), *t, *s;
  /* A permuted view: shape [4, 3, 2] with strides [1, 4, 12]. */
  CT_OK_(ct_as_strided(&t, base, 3, (int64_t[]){4, 3, 2}, (int64_t[]){1, 4, 12}, 0));
  CT_OK_(ct_empty(&s, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  check_dim_query(ct_tensor_stride, "ct_tensor_stride", "stride", t, s, (const int64_t[]){1, 4, 12});
  ct_tensor_release(t);
  ct_tensor_release(s);
  ct_tensor_release(base);
  MEM_END;
}
END_TEST

START_TEST(test_numel) {
  MEM_BEGIN;
  static const struct {
    int32_t ndim;
    int64_t shape[3], numel;
  } cases[] = {{0, {0}, 1}, {1, {7}, 7}, {3, {2, 3, 4}, 24}, {2, {2, 0}, 0}, {3, {1, 1, 1}, 1}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ct_tensor *t;
    int64_t n = -1;
    CT_OK_(ct_empty(&t, cases[i].ndim, cases[i].ndim ? cases[i].shape : NULL, CT_UINT8,
                    CT_DEVICE_NONE, -1));
    CT_OK_(ct_tensor_numel(&n, t));
    ck_assert_int_eq(n, cases[i].numel);
    ct_tensor_release(t);
  }
  ct_tensor *t;
  CT_OK_(ct_empty(&t, 0, NULL, CT_UINT8, CT_DEVICE_NONE, -1));
  check_query_null_args(ct_tensor_numel, "ct_tensor_numel", "numel", t);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- dtype, sizes in bytes, device --------------------------------------------------------- */

static const int64_t itemsizes[CT_DTYPE_COUNT] = {1, 1, 1, 2, 4, 8, 2, 2, 4, 8, 8, 16};

START_TEST(test_dtype_element_size_nbytes) {
  MEM_BEGIN;
  for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
    ct_tensor *t, *v;
    ct_dtype got = -7;
    int64_t size = -1, nbytes = -1;
    CT_OK_(ct_zeros(&t, 2, (int64_t[]){2, 3}, d, CT_DEVICE_NONE, -1));
    CT_OK_(ct_tensor_dtype(&got, t));
    ck_assert_int_eq(got, d);
    CT_OK_(ct_tensor_element_size(&size, t));
    ck_assert_int_eq(size, itemsizes[d]);
    CT_OK_(ct_tensor_nbytes(&nbytes, t));
    ck_assert_int_eq(nbytes, 6 * itemsizes[d]);
    /* A view's nbytes counts its own elements, not the storage. */
    CT_OK_(ct_as_strided(&v, t, 1, (int64_t[]){2}, (int64_t[]){3}, 1));
    CT_OK_(ct_tensor_nbytes(&nbytes, v));
    ck_assert_int_eq(nbytes, 2 * itemsizes[d]);
    CT_OK_(ct_tensor_dtype(&got, v));
    ck_assert_int_eq(got, d);
    ct_tensor_release(v);
    ct_tensor_release(t);
  }
  ct_tensor *t;
  CT_OK_(ct_empty(&t, 2, (int64_t[]){0, 5}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  int64_t n = 42;
  ct_dtype d = 42;
  CT_OK_(ct_tensor_nbytes(&n, t));
  ck_assert_int_eq(n, 0);
  CT_FAILS_(ct_tensor_dtype(NULL, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_dtype: dtype");
  CT_FAILS_(ct_tensor_dtype(&d, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_dtype: t");
  ck_assert_int_eq(d, 0);
  check_query_null_args(ct_tensor_element_size, "ct_tensor_element_size", "size", t);
  check_query_null_args(ct_tensor_nbytes, "ct_tensor_nbytes", "nbytes", t);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_device) {
  MEM_BEGIN;
  ct_tensor *t;
  CT_OK_(ct_zeros(&t, 1, (int64_t[]){3}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ct_device_type type = -7;
  int32_t index = -7;
  CT_OK_(ct_tensor_device(&type, &index, t));
  ck_assert_int_eq(type, CT_DEVICE_CPU);
  ck_assert_int_eq(index, 0);
  type = -7;
  CT_OK_(ct_tensor_device(&type, NULL, t)); /* either pointer may be NULL */
  ck_assert_int_eq(type, CT_DEVICE_CPU);
  index = -7;
  CT_OK_(ct_tensor_device(NULL, &index, t));
  ck_assert_int_eq(index, 0);
  CT_FAILS_(ct_tensor_device(NULL, NULL, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_device");
  type = 42;
  index = 42;
  CT_FAILS_(ct_tensor_device(&type, &index, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_device: t");
  ck_assert_int_eq(type, 0);
  ck_assert_int_eq(index, 0);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- contiguity ------------------------------------------------------------------------------ */

START_TEST(test_is_contiguous) {
  MEM_BEGIN;
  /* Views of one storage; the answers are PyTorch's Tensor.is_contiguous() for the same as_strided. */
  static const struct {
    int32_t ndim;
    int64_t shape[3], strides[3];
    bool contiguous;
  } cases[] = {
    {0, {0}, {0}, true},                   /* 0-d */
    {2, {2, 3}, {3, 1}, true},
    {2, {3, 2}, {1, 3}, false},            /* transposed */
    {2, {2, 3}, {4, 1}, false},            /* padded rows */
    {1, {4}, {2}, false},                  /* every other element */
    {1, {3}, {0}, false},                  /* expanded */
    {3, {2, 1, 3}, {3, 99, 1}, true},      /* a size-1 dim's stride does not count */
    {1, {1}, {7}, true},
    {2, {1, 1}, {0, 0}, true},
    {2, {3, 1}, {1, 1}, true},
    {2, {1, 5}, {1, 1}, true},
    {2, {0, 3}, {5, 7}, true},             /* empty: always contiguous */
    {3, {2, 0, 3}, {3, 3, 1}, true},
    {3, {2, 3, 4}, {12, 4, 1}, true},
    {3, {2, 3, 4}, {12, 1, 3}, false},
  };
  ct_tensor *base;
  CT_OK_(ct_zeros(&base, 1, (int64_t[]){1000}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ct_tensor *v;
    bool c = !cases[i].contiguous;
    CT_OK_(ct_as_strided(&v, base, cases[i].ndim, cases[i].shape, cases[i].strides, 0));
    CT_OK_(ct_tensor_is_contiguous(&c, v));
    ck_assert_msg(c == cases[i].contiguous, "case %zu: is_contiguous gave %d", i, (int)c);
    ct_tensor_release(v);
  }
  bool c = true;
  CT_FAILS_(ct_tensor_is_contiguous(NULL, base), CT_ERR_INVALID_ARGUMENT, "ct_tensor_is_contiguous: result");
  CT_FAILS_(ct_tensor_is_contiguous(&c, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_is_contiguous: t");
  ck_assert(!c);
  ct_tensor_release(base);
  MEM_END;
}
END_TEST

/* ---- memory: data pointer, offset, read-only, sharing ---------------------------------------- */

START_TEST(test_data_ptr_storage_offset) {
  MEM_BEGIN;
  ct_tensor *t, *v;
  void *p = NULL, *q = NULL;
  int64_t off = -1;
  CT_OK_(ct_zeros(&t, 2, (int64_t[]){4, 5}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_tensor_data_ptr(&p, t));
  ck_assert_ptr_nonnull(p);
  ck_assert_int_eq((uintptr_t)p % 64, 0); /* CPU allocations are 64-byte aligned */
  CT_OK_(ct_tensor_storage_offset(&off, t));
  ck_assert_int_eq(off, 0);
  CT_OK_(ct_as_strided(&v, t, 2, (int64_t[]){2, 2}, (int64_t[]){5, 1}, 7));
  CT_OK_(ct_tensor_data_ptr(&q, v));
  ck_assert_ptr_eq(q, (char *)p + 7 * 8);
  CT_OK_(ct_tensor_storage_offset(&off, v));
  ck_assert_int_eq(off, 7);
  ((double *)p)[7] = 2.5; /* writes through one view are seen through the other */
  ck_assert_double_eq(value(v, 0), 2.5);

  double blob[4] = {1, 2, 3, 4};
  ct_tensor *b;
  CT_OK_(ct_from_blob(&b, blob, 1, (int64_t[]){4}, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1, NULL, NULL, 0));
  CT_OK_(ct_tensor_data_ptr(&q, b));
  ck_assert_ptr_eq(q, blob);

  void *pp = POISON;
  CT_FAILS_(ct_tensor_data_ptr(NULL, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_data_ptr: data");
  CT_FAILS_(ct_tensor_data_ptr(&pp, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_data_ptr: t");
  ck_assert_ptr_null(pp);
  check_query_null_args(ct_tensor_storage_offset, "ct_tensor_storage_offset", "offset", t);
  ct_tensor_release(b);
  ct_tensor_release(v);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_is_read_only) {
  MEM_BEGIN;
  float blob[6] = {0};
  ct_tensor *t, *ro, *v;
  bool r = true;
  CT_OK_(ct_zeros(&t, 1, (int64_t[]){3}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_tensor_is_read_only(&r, t));
  ck_assert(!r);
  CT_OK_(ct_from_blob(&ro, blob, 2, (int64_t[]){2, 3}, NULL, CT_FLOAT32, CT_DEVICE_CPU, 0, NULL, NULL,
                      CT_BLOB_READ_ONLY));
  CT_OK_(ct_tensor_is_read_only(&r, ro));
  ck_assert(r);
  CT_OK_(ct_as_strided(&v, ro, 1, (int64_t[]){3}, (int64_t[]){2}, 0)); /* views share the flag */
  r = false;
  CT_OK_(ct_tensor_is_read_only(&r, v));
  ck_assert(r);
  CT_FAILS_(ct_tensor_is_read_only(NULL, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_is_read_only: result");
  CT_FAILS_(ct_tensor_is_read_only(&r, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_is_read_only: t");
  ck_assert(!r);
  ct_tensor_release(v);
  ct_tensor_release(ro);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_shares_storage) {
  MEM_BEGIN;
  ct_tensor *a, *b, *v, *c;
  bool r = false;
  CT_OK_(ct_zeros(&a, 1, (int64_t[]){6}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&b, 1, (int64_t[]){6}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_as_strided(&v, a, 2, (int64_t[]){2, 2}, (int64_t[]){1, 2}, 1));
  CT_OK_(ct_clone(&c, a));
  CT_OK_(ct_tensor_shares_storage(&r, a, a));
  ck_assert(r);
  CT_OK_(ct_tensor_shares_storage(&r, a, v));
  ck_assert(r);
  CT_OK_(ct_tensor_shares_storage(&r, v, a));
  ck_assert(r);
  CT_OK_(ct_tensor_shares_storage(&r, a, b));
  ck_assert(!r);
  CT_OK_(ct_tensor_shares_storage(&r, a, c));
  ck_assert(!r);
  r = true;
  CT_FAILS_(ct_tensor_shares_storage(NULL, a, b), CT_ERR_INVALID_ARGUMENT, "ct_tensor_shares_storage: result");
  CT_FAILS_(ct_tensor_shares_storage(&r, NULL, b), CT_ERR_INVALID_ARGUMENT, "ct_tensor_shares_storage: a");
  ck_assert(!r);
  r = true;
  CT_FAILS_(ct_tensor_shares_storage(&r, a, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_shares_storage: b");
  ck_assert(!r);
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(v);
  ct_tensor_release(c);
  MEM_END;
}
END_TEST

/* ---- item ------------------------------------------------------------------------------------ */

START_TEST(test_item_double) {
  MEM_BEGIN;
  static const struct {
    ct_dtype dtype;
    int32_t ndim;
    double in, out;
  } cases[] = {
    {CT_FLOAT32, 0, 2.5, 2.5},      {CT_FLOAT64, 1, -0.1, -0.1},    {CT_INT64, 3, 7, 7},
    {CT_UINT8, 2, 200, 200},        {CT_BOOL, 0, 1, 1},             {CT_FLOAT16, 1, 0.1, 0.0999755859375},
    {CT_BFLOAT16, 0, 0.1, 0.10009765625}, {CT_INT8, 0, -128, -128}, {CT_FLOAT64, 0, INFINITY, INFINITY},
  };
  static const int64_t ones[3] = {1, 1, 1}; /* any shape with one element */
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ct_tensor *t = make(cases[i].dtype, cases[i].ndim, ones, &cases[i].in);
    double v = -42;
    CT_OK_(ct_tensor_item_double(&v, t));
    ck_assert_msg(v == cases[i].out, "case %zu: %.17g", i, v);
    ct_tensor_release(t);
  }
  ct_tensor *two, *none, *c;
  double v;
  CT_OK_(ct_zeros(&two, 1, (int64_t[]){2}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&none, 2, (int64_t[]){0, 1}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&c, 0, NULL, CT_COMPLEX64, CT_DEVICE_NONE, -1));
  v = 42;
  CT_FAILS_(ct_tensor_item_double(&v, two), CT_ERR_SHAPE, "ct_tensor_item_double");
  ck_assert_double_eq(v, 0);
  CT_FAILS_(ct_tensor_item_double(&v, none), CT_ERR_SHAPE, "ct_tensor_item_double");
  v = 42;
  CT_FAILS_(ct_tensor_item_double(&v, c), CT_ERR_DTYPE, "ct_tensor_item_double");
  ck_assert_double_eq(v, 0);
  CT_FAILS_(ct_tensor_item_double(NULL, c), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_double: value");
  v = 42;
  CT_FAILS_(ct_tensor_item_double(&v, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_double: t");
  ck_assert_double_eq(v, 0);
  ct_tensor_release(two);
  ct_tensor_release(none);
  ct_tensor_release(c);
  MEM_END;
}
END_TEST

START_TEST(test_item_int64) {
  MEM_BEGIN;
  /* Python's int(tensor): truncation toward zero; integers are exact, whatever their size. */
  static const struct {
    ct_dtype dtype;
    int64_t raw;   /* the element, for integer dtypes */
    double in;     /* the element, for floating dtypes */
    int64_t out;
  } cases[] = {
    {CT_FLOAT32, 0, 2.7, 2},
    {CT_FLOAT64, 0, -2.7, -2},
    {CT_FLOAT64, 0, -0.5, 0},
    {CT_FLOAT16, 0, 65504, 65504},
    {CT_FLOAT64, 0, -9223372036854775808.0, INT64_MIN},
    {CT_FLOAT64, 0, 9223372036854774784.0, 9223372036854774784LL}, /* the largest double below 2^63 */
    {CT_INT64, INT64_MAX, 0, INT64_MAX},
    {CT_INT64, INT64_MIN, 0, INT64_MIN},
    {CT_INT64, (1LL << 53) + 1, 0, (1LL << 53) + 1}, /* not through a double */
    {CT_UINT8, 200, 0, 200},
    {CT_INT32, -5, 0, -5},
    {CT_BOOL, 1, 0, 1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ct_tensor *t;
    if (cases[i].dtype == CT_FLOAT16 || cases[i].dtype == CT_FLOAT32 || cases[i].dtype == CT_FLOAT64)
      t = make(cases[i].dtype, 0, NULL, &cases[i].in);
    else
      CT_OK_(ct_from_data(&t, &cases[i].raw, CT_INT64, 0, NULL, cases[i].dtype, CT_DEVICE_NONE, -1));
    int64_t v = 42;
    ct_status st = ct_tensor_item_int64(&v, t);
    ct_tensor_release(t);
    ck_assert_msg(st == CT_OK && v == cases[i].out, "case %zu: %s, %lld (%s)", i, ct_status_name(st),
                  (long long)v, ct_last_error_message());
  }
  /* What has no int64 value: NaN, infinities, 2^63 and beyond. */
  static const double bad[] = {NAN, INFINITY, -INFINITY, 9223372036854775808.0, 1e19, -1e19};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    ct_tensor *t = make(CT_FLOAT64, 1, (int64_t[]){1}, &bad[i]);
    int64_t v = 42;
    CT_FAILS_(ct_tensor_item_int64(&v, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_int64");
    ck_assert_int_eq(v, 0);
    ct_tensor_release(t);
  }
  ct_tensor *two, *c;
  int64_t v = 42;
  CT_OK_(ct_zeros(&two, 2, (int64_t[]){1, 2}, CT_INT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&c, 1, (int64_t[]){1}, CT_COMPLEX128, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_tensor_item_int64(&v, two), CT_ERR_SHAPE, "ct_tensor_item_int64");
  ck_assert_int_eq(v, 0);
  v = 42;
  CT_FAILS_(ct_tensor_item_int64(&v, c), CT_ERR_DTYPE, "ct_tensor_item_int64");
  ck_assert_int_eq(v, 0);
  CT_FAILS_(ct_tensor_item_int64(NULL, two), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_int64: value");
  v = 42;
  CT_FAILS_(ct_tensor_item_int64(&v, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_int64: t");
  ck_assert_int_eq(v, 0);
  ct_tensor_release(two);
  ct_tensor_release(c);
  MEM_END;
}
END_TEST

START_TEST(test_item_complex) {
  MEM_BEGIN;
  double re = 0, im = 0;
  ct_tensor *t;
  const double z[2] = {1.5, -2.25};
  CT_OK_(ct_from_data(&t, z, CT_COMPLEX128, 0, NULL, CT_COMPLEX64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_tensor_item_complex(&re, &im, t));
  ck_assert_double_eq(re, 1.5);
  ck_assert_double_eq(im, -2.25);
  ct_tensor_release(t);
  const double x = -3.5;
  t = make(CT_FLOAT32, 2, (int64_t[]){1, 1}, &x);
  im = 42;
  CT_OK_(ct_tensor_item_complex(&re, &im, t)); /* real dtypes: imaginary part 0 */
  ck_assert_double_eq(re, -3.5);
  ck_assert_double_eq(im, 0);
  ct_tensor_release(t);

  ct_tensor *three;
  CT_OK_(ct_zeros(&three, 1, (int64_t[]){3}, CT_COMPLEX128, CT_DEVICE_NONE, -1));
  re = im = 42;
  CT_FAILS_(ct_tensor_item_complex(&re, &im, three), CT_ERR_SHAPE, "ct_tensor_item_complex");
  ck_assert_double_eq(re, 0);
  ck_assert_double_eq(im, 0);
  im = 42;
  CT_FAILS_(ct_tensor_item_complex(NULL, &im, three), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_complex: real");
  re = 42;
  CT_FAILS_(ct_tensor_item_complex(&re, NULL, three), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_complex: imag");
  ck_assert_double_eq(re, 0);
  re = im = 42;
  CT_FAILS_(ct_tensor_item_complex(&re, &im, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_complex: t");
  ck_assert_double_eq(re, 0);
  ck_assert_double_eq(im, 0);
  ct_tensor_release(three);
  MEM_END;
}
END_TEST

START_TEST(test_item_any_dtype) {
  MEM_BEGIN;
  /* A float32 2.75 read out as every dtype, by ct_dtype_convert's rules. */
  const double x = 2.75;
  ct_tensor *t = make(CT_FLOAT32, 0, NULL, &x);
  for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
    unsigned char got[16], want[16];
    const float xf = 2.75f;
    memset(got, 0xAB, sizeof got);
    memset(want, 0xAB, sizeof want);
    CT_OK_(ct_tensor_item(got, d, t));
    CT_OK_(ct_dtype_convert(want, d, &xf, CT_FLOAT32, 1));
    ck_assert_msg(memcmp(got, want, sizeof got) == 0, "dtype %d", (int)d);
  }
  bool b = false;
  int32_t i = 0;
  CT_OK_(ct_tensor_item(&b, CT_BOOL, t));
  ck_assert(b);
  CT_OK_(ct_tensor_item(&i, CT_INT32, t));
  ck_assert_int_eq(i, 2);

  ct_tensor *two;
  CT_OK_(ct_zeros(&two, 1, (int64_t[]){2}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  double v;
  CT_FAILS_(ct_tensor_item(NULL, CT_FLOAT64, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item: value");
  CT_FAILS_(ct_tensor_item(&v, CT_FLOAT64, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_item: t");
  CT_FAILS_(ct_tensor_item(&v, 42, t), CT_ERR_DTYPE, "ct_tensor_item: value_dtype = 42");
  CT_FAILS_(ct_tensor_item(&v, -2, t), CT_ERR_DTYPE, "value_dtype = -2");
  CT_FAILS_(ct_tensor_item(&v, CT_DTYPE_NONE, t), CT_ERR_DTYPE, "value_dtype = -1");
  CT_FAILS_(ct_tensor_item(&v, CT_FLOAT64, two), CT_ERR_SHAPE, "ct_tensor_item");
  ct_tensor_release(two);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- as_strided ------------------------------------------------------------------------------ */

START_TEST(test_as_strided_views) {
  MEM_BEGIN;
  ct_tensor *base = iota(12, CT_FLOAT64), *v;
  bool shared = false, ro = true;
  int64_t n;
  /* Transposed [3, 4] -> [4, 3]. */
  CT_OK_(ct_as_strided(&v, base, 2, (int64_t[]){4, 3}, (int64_t[]){1, 4}, 0));
  check_shape(v, 2, (int64_t[]){4, 3});
  check_strides(v, 2, (int64_t[]){1, 4});
  for (int64_t i = 0; i < 12; i++) ck_assert_double_eq(value(v, i), (double)((i % 3) * 4 + i / 3));
  CT_OK_(ct_tensor_shares_storage(&shared, v, base));
  ck_assert(shared);
  CT_OK_(ct_tensor_is_read_only(&ro, v));
  ck_assert(!ro);
  CT_OK_(ct_tensor_use_count(&n, base)); /* the view holds the storage, not the base tensor */
  ck_assert_int_eq(n, 1);
  ct_tensor_release(v);
  /* With an offset, reaching exactly the last element. */
  CT_OK_(ct_as_strided(&v, base, 2, (int64_t[]){2, 3}, (int64_t[]){5, 2}, 1));
  static const double want[6] = {1, 3, 5, 6, 8, 10};
  for (int64_t i = 0; i < 6; i++) ck_assert_double_eq(value(v, i), want[i]);
  ct_tensor_release(v);
  /* Broadcast with stride 0. */
  CT_OK_(ct_as_strided(&v, base, 2, (int64_t[]){3, 2}, (int64_t[]){0, 1}, 10));
  for (int64_t i = 0; i < 6; i++) ck_assert_double_eq(value(v, i), 10 + i % 2);
  ct_tensor_release(v);
  /* 0-d (shape and strides may be NULL) at the last element. */
  CT_OK_(ct_as_strided(&v, base, 0, NULL, NULL, 11));
  double x;
  CT_OK_(ct_tensor_item_double(&x, v));
  ck_assert_double_eq(x, 11);
  ct_tensor_release(v);
  /* Empty views need not fit: they touch no memory. */
  CT_OK_(ct_as_strided(&v, base, 2, (int64_t[]){0, 5}, (int64_t[]){100, 100}, 100));
  CT_OK_(ct_tensor_numel(&n, v));
  ck_assert_int_eq(n, 0);
  ct_tensor_release(v);
  /* A view of a view. */
  ct_tensor *w;
  CT_OK_(ct_as_strided(&v, base, 1, (int64_t[]){6}, (int64_t[]){2}, 0));
  CT_OK_(ct_as_strided(&w, v, 1, (int64_t[]){3}, (int64_t[]){3}, 2));
  for (int64_t i = 0; i < 3; i++) ck_assert_double_eq(value(w, i), 2 + 3 * i);
  ct_tensor_release(w);
  ct_tensor_release(v);
  ct_tensor_release(base);
  MEM_END;
}
END_TEST

START_TEST(test_as_strided_errors) {
  MEM_BEGIN;
  ct_tensor *base = iota(12, CT_FLOAT64), *v;
  const int64_t sh[2] = {3, 4}, st[2] = {4, 1};
  CT_FAILS_(ct_as_strided(NULL, base, 2, sh, st, 0), CT_ERR_INVALID_ARGUMENT, "ct_as_strided: out");
  FAILS_NULL_(v, ct_as_strided(&v, NULL, 2, sh, st, 0), CT_ERR_INVALID_ARGUMENT, "ct_as_strided: t");
  FAILS_NULL_(v, ct_as_strided(&v, base, -1, sh, st, 0), CT_ERR_INVALID_ARGUMENT, "ct_as_strided: ndim = -1");
  FAILS_NULL_(v, ct_as_strided(&v, base, 2, NULL, st, 0), CT_ERR_INVALID_ARGUMENT, "ct_as_strided: shape");
  FAILS_NULL_(v, ct_as_strided(&v, base, 2, sh, NULL, 0), CT_ERR_INVALID_ARGUMENT, "ct_as_strided: strides");
  FAILS_NULL_(v, ct_as_strided(&v, base, 2, (int64_t[]){3, -1}, st, 0), CT_ERR_INVALID_ARGUMENT,
              "shape[1] = -1");
  FAILS_NULL_(v, ct_as_strided(&v, base, 2, sh, (int64_t[]){4, -1}, 0), CT_ERR_INVALID_ARGUMENT,
              "strides[1] = -1");
  FAILS_NULL_(v, ct_as_strided(&v, base, 2, sh, st, -1), CT_ERR_INVALID_ARGUMENT, "storage_offset = -1");
  /* Outside the storage of 12 elements. */
  static const struct {
    int32_t ndim;
    int64_t shape[2], strides[2], offset;
  } outside[] = {
    {1, {13}, {1}, 0}, {2, {3, 4}, {4, 1}, 1}, {1, {4}, {4}, 0}, {1, {1}, {1}, 12},
    {0, {0}, {0}, 12}, {2, {2, 2}, {0, 12}, 0}, {1, {2}, {1}, INT64_MAX / 16},
  };
  for (size_t i = 0; i < sizeof outside / sizeof outside[0]; i++)
    FAILS_NULL_(v, ct_as_strided(&v, base, outside[i].ndim, outside[i].shape, outside[i].strides,
                                 outside[i].offset),
                CT_ERR_INDEX, "ct_as_strided");
  /* Overflow of the element count or of the extent. */
  static const struct {
    int32_t ndim;
    int64_t shape[2], strides[2], offset;
  } overflow[] = {
    {2, {1LL << 62, 4}, {0, 0}, 0},       /* element count */
    {1, {2}, {INT64_MAX}, 0},             /* extent in elements */
    {2, {1LL << 31, 2}, {1LL << 33, 1}, 0},
    {1, {3}, {1}, INT64_MAX},             /* offset plus extent */
    {1, {1}, {1}, INT64_MAX - 1},         /* extent in bytes */
  };
  for (size_t i = 0; i < sizeof overflow / sizeof overflow[0]; i++)
    FAILS_NULL_(v, ct_as_strided(&v, base, overflow[i].ndim, overflow[i].shape, overflow[i].strides,
                                 overflow[i].offset),
                CT_ERR_SHAPE, "ct_as_strided");
  ct_tensor_release(base);
  MEM_END;
}
END_TEST

START_TEST(test_views_outlive_base) {
  MEM_BEGIN;
  ct_tensor *base = iota(10, CT_FLOAT64), *v, *w;
  CT_OK_(ct_as_strided(&v, base, 1, (int64_t[]){5}, (int64_t[]){2}, 0));
  CT_OK_(ct_as_strided(&w, base, 2, (int64_t[]){2, 2}, (int64_t[]){1, 2}, 5));
  ct_tensor_release(base); /* the views keep the storage alive */
  for (int64_t i = 0; i < 5; i++) ck_assert_double_eq(value(v, i), 2.0 * i);
  double *p;
  CT_OK_(ct_tensor_data_ptr((void **)&p, v));
  p[5] = -1; /* element 5 of the storage: w's first element */
  ck_assert_double_eq(value(w, 0), -1);
  ct_tensor_release(v);
  ck_assert_double_eq(value(w, 3), 8);
  ct_tensor *x;
  CT_OK_(ct_as_strided(&x, w, 0, NULL, NULL, 9)); /* a view made from a view, after the base went */
  ct_tensor_release(w);
  double d;
  CT_OK_(ct_tensor_item_double(&d, x));
  ck_assert_double_eq(d, 9);
  ct_tensor_release(x); /* the last view frees the storage */
  MEM_END;
}
END_TEST

/* ---- many dimensions ------------------------------------------------------------------------- */

enum { MANY = 40 };

START_TEST(test_many_dims) {
  MEM_BEGIN;
  /* 40 dims, every fourth of size 2: 1024 elements. */
  int64_t shape[MANY], strides[MANY], rshape[MANY], rstrides[MANY];
  for (int d = 0; d < MANY; d++) shape[d] = d % 4 == 0 ? 2 : 1;
  contiguous_strides(strides, MANY, shape);
  ct_tensor *t, *r;
  CT_OK_(ct_arange(&r, 0, 1024, 1, CT_INT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_as_strided(&t, r, MANY, shape, strides, 0));
  check_shape(t, MANY, shape);
  check_strides(t, MANY, strides);
  int64_t n, s;
  bool c = false;
  CT_OK_(ct_tensor_numel(&n, t));
  ck_assert_int_eq(n, 1024);
  CT_OK_(ct_tensor_size(&s, t, -MANY));
  ck_assert_int_eq(s, 2);
  CT_OK_(ct_tensor_stride(&s, t, -MANY));
  ck_assert_int_eq(s, 512);
  CT_OK_(ct_tensor_is_contiguous(&c, t));
  ck_assert(c);
  CT_FAILS_(ct_tensor_size(&s, t, MANY), CT_ERR_INDEX, "dim = 40");
  CT_FAILS_(ct_tensor_shape(shape, MANY - 1, t), CT_ERR_INVALID_ARGUMENT, "len = 39");
  /* The same elements with the dims reversed (a transpose of all 40 dims). */
  for (int d = 0; d < MANY; d++) {
    rshape[d] = shape[MANY - 1 - d];
    rstrides[d] = strides[MANY - 1 - d];
  }
  ct_tensor *v;
  CT_OK_(ct_as_strided(&v, t, MANY, rshape, rstrides, 0));
  CT_OK_(ct_tensor_is_contiguous(&c, v));
  ck_assert(!c);
  /* Element i of v has the bits of i reversed across the ten size-2 dims. */
  for (int64_t i = 0; i < 1024; i++) {
    int64_t j = 0;
    for (int b = 0; b < 10; b++) j |= ((i >> b) & 1) << (9 - b);
    ck_assert_double_eq(value(v, i), (double)j);
  }
  ct_tensor_release(v);
  ct_tensor_release(t);
  /* Far more dims than any fixed limit, all of size 1, and an empty one. */
  int64_t ones[200];
  for (int d = 0; d < 200; d++) ones[d] = 1;
  CT_OK_(ct_as_strided(&t, r, 200, ones, ones, 1023));
  int32_t nd;
  CT_OK_(ct_tensor_ndim(&nd, t));
  ck_assert_int_eq(nd, 200);
  CT_OK_(ct_tensor_item_int64(&n, t));
  ck_assert_int_eq(n, 1023);
  ct_tensor_release(t);
  ct_tensor_release(r);
  MEM_END;
}
END_TEST

int main(void) {
  const ct_test_case tests[] = {
    {"retain_release", test_retain_release},
    {"retain_use_count_errors", test_retain_use_count_errors},
    {"refcount_atomic", test_refcount_atomic},
    {"ndim", test_ndim},
    {"shape", test_shape},
    {"size_negative_dims", test_size_negative_dims},
    {"strides", test_strides},
    {"stride_negative_dims", test_stride_negative_dims},
    {"numel", test_numel},
    {"dtype_element_size_nbytes", test_dtype_element_size_nbytes},
    {"device", test_device},
    {"is_contiguous", test_is_contiguous},
    {"data_ptr_storage_offset", test_data_ptr_storage_offset},
    {"is_read_only", test_is_read_only},
    {"shares_storage", test_shares_storage},
    {"item_double", test_item_double},
    {"item_int64", test_item_int64},
    {"item_complex", test_item_complex},
    {"item_any_dtype", test_item_any_dtype},
    {"as_strided_views", test_as_strided_views},
    {"as_strided_errors", test_as_strided_errors},
    {"views_outlive_base", test_views_outlive_base},
    {"many_dims", test_many_dims},
  };
  Suite *s = suite_create("tensor");
  CT_TEST_ADD_CASES_(s, tests, NULL);
  return ct_test_run(s);
}
