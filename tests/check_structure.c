/*
 * check_structure.c: tests of include/ctensor/structure.h: cat and stack (with
 * their out forms and PyTorch's dtype promotion), split, split_with_sizes,
 * chunk and unbind (views sharing storage, the count-query protocol), flip,
 * roll, repeat, tile, and tril/triu (functional, in place, out).
 *
 * Every op is checked against a naive reference written here (index
 * arithmetic over the logical elements, read through ct_as_strided views of
 * every layout: contiguous, transposed, stepped, expanded, offset), on every
 * dtype, and against cases generated with PyTorch by
 * tools/gen_structure_cases.py (cat's result dtypes, chunk and split sizes,
 * roll, flip, repeat, tile, tril and triu values). Every test records the
 * allocator statistics first and checks at the end that it left nothing
 * behind (CK_FORK=no runs the tests in one process).
 */
#include <stdint.h>

#include "ct_test.h"

/*
 * Under valgrind the thread-count test stays on one thread: libgomp's pool
 * threads outlive the program and valgrind would report their stacks as
 * possibly lost (run the suite with OMP_NUM_THREADS=1 there, as well).
 */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND() (RUNNING_ON_VALGRIND != 0)
#endif
#endif
#ifndef UNDER_VALGRIND
#define UNDER_VALGRIND() false
#endif

/* ---- tensors to test on ---------------------------------------------------------------------- */

static const ct_dtype all_dtypes[] = {CT_BOOL,    CT_UINT8,   CT_INT8,      CT_INT16,
                                      CT_INT32,   CT_INT64,   CT_FLOAT16,   CT_BFLOAT16,
                                      CT_FLOAT32, CT_FLOAT64, CT_COMPLEX64, CT_COMPLEX128};
enum { NDTYPES = sizeof all_dtypes / sizeof all_dtypes[0] };

static int64_t prod(int32_t ndim, const int64_t *shape) {
  int64_t n = 1;
  for (int32_t d = 0; d < ndim; d++) n *= shape[d];
  return n;
}

/* A contiguous tensor whose element i is ((5 i + seed) mod 11) + (i mod 3) j, converted to dtype. */
static ct_tensor *pattern(ct_dtype dtype, int32_t ndim, const int64_t *shape, int seed) {
  int64_t n = prod(ndim, shape);
  double *z = malloc((size_t)(n > 0 ? n : 1) * 2 * sizeof(double));
  for (int64_t i = 0; i < n; i++) {
    z[2 * i] = (double)((5 * i + seed) % 11);
    z[2 * i + 1] = (double)(i % 3);
  }
  ct_tensor *t = NULL;
  CT_OK_(ct_from_data(&t, z, CT_COMPLEX128, ndim, shape, dtype, CT_DEVICE_NONE, -1));
  free(z);
  return t;
}

/* The layouts an input is given in. */
enum { L_CONTIGUOUS, L_TRANSPOSED, L_STEPPED, L_EXPANDED, L_OFFSET, L_COUNT };
static const char *const layout_names[L_COUNT] = {"contiguous", "transposed", "stepped", "expanded",
                                                  "offset"};

/*
 * A tensor of the given shape and dtype laid out as asked, over a larger pattern
 * base: transposed is column-major, stepped has every stride doubled, expanded has
 * stride 0 on dim 0, offset starts 5 elements in.
 */
static ct_tensor *laid_out(ct_dtype dtype, int32_t ndim, const int64_t *shape, int layout, int seed) {
  int64_t strides[MAX_DIMS], run = 1, offset = layout == L_OFFSET || layout == L_STEPPED ? 5 : 0;
  for (int32_t k = 0; k < ndim; k++) {
    int32_t d = layout == L_TRANSPOSED ? k : ndim - 1 - k;
    strides[d] = run * (layout == L_STEPPED ? 2 : 1);
    run *= shape[d] > 0 ? shape[d] : 1;
  }
  if (layout == L_EXPANDED && ndim > 0) strides[0] = 0;
  int64_t len = offset + 1;
  for (int32_t d = 0; d < ndim; d++) len += (shape[d] > 0 ? shape[d] - 1 : 0) * strides[d];
  ct_tensor *base = pattern(dtype, 1, &len, seed), *v = NULL;
  CT_OK_(ct_as_strided(&v, base, ndim, shape, strides, offset));
  ct_tensor_release(base);
  return v;
}

static void unravel(int64_t i, int32_t ndim, const int64_t *shape, int64_t *idx) {
  for (int32_t d = ndim - 1; d >= 0; d--) {
    idx[d] = shape[d] > 0 ? i % shape[d] : 0;
    i = shape[d] > 0 ? i / shape[d] : 0;
  }
}

static int64_t ravel(int32_t ndim, const int64_t *shape, const int64_t *idx) {
  int64_t i = 0;
  for (int32_t d = 0; d < ndim; d++) i = i * shape[d] + idx[d];
  return i;
}

static int32_t ndim_of(ct_tensor *t) {
  int32_t n = -1;
  CT_OK_(ct_tensor_ndim(&n, t));
  return n;
}

static void shape_of(ct_tensor *t, int64_t *shape) {
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, t));
}

/*
 * A tensor's layout read once, so that reference loops reach elements without a
 * call (or a Check assertion, which costs a system call) per element.
 */
typedef struct tview {
  ct_dtype dtype;
  int32_t ndim;
  int64_t itemsize, numel;
  int64_t shape[MAX_DIMS], strides[MAX_DIMS];
  const char *data;
} tview;

static void tv_get(tview *v, ct_tensor *t) {
  void *data = NULL;
  CT_OK_(ct_tensor_ndim(&v->ndim, t));
  ck_assert_int_le(v->ndim, MAX_DIMS);
  CT_OK_(ct_tensor_shape(v->shape, MAX_DIMS, t));
  CT_OK_(ct_tensor_strides(v->strides, MAX_DIMS, t));
  CT_OK_(ct_tensor_dtype(&v->dtype, t));
  CT_OK_(ct_tensor_element_size(&v->itemsize, t));
  CT_OK_(ct_tensor_numel(&v->numel, t));
  CT_OK_(ct_tensor_data_ptr(&data, t));
  v->data = data;
}

/* Element i (row-major over the shape) of v. */
static const void *tv_ptr(const tview *v, int64_t i) {
  int64_t off = 0;
  for (int32_t d = v->ndim - 1; d >= 0; d--) {
    off += (i % v->shape[d]) * v->strides[d];
    i /= v->shape[d];
  }
  return v->data + off * v->itemsize;
}

/* Element i of v converted to dtype, as complex128 (what a converting copy must store). */
static void tv_converted(double z[2], const tview *v, int64_t i, ct_dtype dtype) {
  unsigned char buf[16];
  z[0] = z[1] = -12345;
  if (ct_dtype_convert(buf, dtype, tv_ptr(v, i), v->dtype, 1) == CT_OK)
    ct_dtype_convert(z, CT_COMPLEX128, buf, dtype, 1);
}

/* Notes a difference when element i of out is not element src_i of src converted to out's dtype. */
static void expect_tv(const tview *out, int64_t i, const tview *src, int64_t src_i, const char *what) {
  double got[2], want[2];
  tv_converted(got, out, i, out->dtype);
  tv_converted(want, src, src_i, out->dtype);
  if (got[0] != want[0] || got[1] != want[1])
    fail_note("%s: element %lld is (%g, %g), expected (%g, %g) from source element %lld", what, (long long)i,
              got[0], got[1], want[0], want[1], (long long)src_i);
}

/* Notes a difference when element i of out is not zero. */
static void expect_zero_tv(const tview *out, int64_t i, const char *what) {
  double got[2];
  tv_converted(got, out, i, out->dtype);
  if (got[0] != 0 || got[1] != 0)
    fail_note("%s: element %lld is (%g, %g), expected 0", what, (long long)i, got[0], got[1]);
}

/* expect_tv() for a single element of two tensors. */
static void expect_from(ct_tensor *out, int64_t i, ct_tensor *src, int64_t src_i, const char *what) {
  tview o, s;
  tv_get(&o, out);
  tv_get(&s, src);
  expect_tv(&o, i, &s, src_i, what);
}

/* Notes a difference when t's values (real parts, row-major) are not values[0 .. numel-1]. */
static void expect_values(ct_tensor *t, const double *values, const char *what) {
  tview v;
  tv_get(&v, t);
  for (int64_t i = 0; i < v.numel; i++) {
    double z[2];
    tv_converted(z, &v, i, CT_COMPLEX128);
    if (z[0] != values[i])
      fail_note("%s: element %lld is %g, expected %g", what, (long long)i, z[0], values[i]);
  }
}

/* A contiguous float64 0, 1, ..., n-1 of the given shape (the generated cases' input). */
static ct_tensor *arange_shaped(int32_t ndim, const int64_t *shape) {
  int64_t n = prod(ndim, shape);
  double *v = malloc((size_t)(n > 0 ? n : 1) * sizeof(double));
  for (int64_t i = 0; i < n; i++) v[i] = (double)i;
  ct_tensor *t = NULL;
  CT_OK_(ct_from_data(&t, v, CT_FLOAT64, ndim, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  free(v);
  return t;
}

/* t has row-major strides. */
static void check_contiguous_strides(ct_tensor *t) {
  int32_t nd = ndim_of(t);
  int64_t shape[MAX_DIMS], strides[MAX_DIMS], run = 1;
  shape_of(t, shape);
  for (int32_t d = nd - 1; d >= 0; d--) {
    strides[d] = run;
    run *= shape[d] > 0 ? shape[d] : 1;
  }
  check_strides(t, nd, strides);
}

static bool read_only(ct_tensor *t) {
  bool r = false;
  CT_OK_(ct_tensor_is_read_only(&r, t));
  return r;
}

/* ---- generated cases ------------------------------------------------------------------------- */

struct cat_dtype_case {
  ct_dtype a, b, empty, result; /* cat([empty [0] of `empty` (if not NONE), a [2, 2], b [1, 2]]) */
};
struct chunk_case {
  int64_t n, arg; /* dim size, chunks (or split_size) */
  int32_t count;
  int64_t sizes[20];
};
struct roll_case {
  int32_t ndim;
  int64_t shape[4];
  int32_t nshifts;
  int64_t shifts[4];
  int32_t ndims;
  int64_t dims[4];
  double values[48];
};
struct flip_case {
  int32_t ndim;
  int64_t shape[4];
  int32_t ndims;
  int64_t dims[4];
  double values[48];
};
struct repeat_case {
  int tile;
  int32_t ndim;
  int64_t shape[4];
  int32_t nreps;
  int64_t reps[4];
  int32_t out_ndim;
  int64_t out_shape[4];
  double values[48];
};
struct tri_case {
  int32_t ndim;
  int64_t shape[4];
  int upper;
  int64_t diagonal;
  double values[48];
};

/* BEGIN GENERATED by tools/gen_structure_cases.py: do not edit by hand. */
/* From PyTorch 1.13.0a0. */
static const struct cat_dtype_case cat_dtype_cases[] = {
  {CT_BOOL, CT_BOOL, CT_DTYPE_NONE, CT_BOOL},
  {CT_BOOL, CT_UINT8, CT_DTYPE_NONE, CT_UINT8},
  {CT_BOOL, CT_INT8, CT_DTYPE_NONE, CT_INT8},
  {CT_BOOL, CT_INT16, CT_DTYPE_NONE, CT_INT16},
  {CT_BOOL, CT_INT32, CT_DTYPE_NONE, CT_INT32},
  {CT_BOOL, CT_INT64, CT_DTYPE_NONE, CT_INT64},
  {CT_BOOL, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_BOOL, CT_BFLOAT16, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_BOOL, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_BOOL, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_BOOL, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_BOOL, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_UINT8, CT_BOOL, CT_DTYPE_NONE, CT_UINT8},
  {CT_UINT8, CT_UINT8, CT_DTYPE_NONE, CT_UINT8},
  {CT_UINT8, CT_INT8, CT_DTYPE_NONE, CT_INT16},
  {CT_UINT8, CT_INT16, CT_DTYPE_NONE, CT_INT16},
  {CT_UINT8, CT_INT32, CT_DTYPE_NONE, CT_INT32},
  {CT_UINT8, CT_INT64, CT_DTYPE_NONE, CT_INT64},
  {CT_UINT8, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_UINT8, CT_BFLOAT16, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_UINT8, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_UINT8, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_UINT8, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_UINT8, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_INT8, CT_BOOL, CT_DTYPE_NONE, CT_INT8},
  {CT_INT8, CT_UINT8, CT_DTYPE_NONE, CT_INT16},
  {CT_INT8, CT_INT8, CT_DTYPE_NONE, CT_INT8},
  {CT_INT8, CT_INT16, CT_DTYPE_NONE, CT_INT16},
  {CT_INT8, CT_INT32, CT_DTYPE_NONE, CT_INT32},
  {CT_INT8, CT_INT64, CT_DTYPE_NONE, CT_INT64},
  {CT_INT8, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_INT8, CT_BFLOAT16, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_INT8, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_INT8, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_INT8, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_INT8, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_INT16, CT_BOOL, CT_DTYPE_NONE, CT_INT16},
  {CT_INT16, CT_UINT8, CT_DTYPE_NONE, CT_INT16},
  {CT_INT16, CT_INT8, CT_DTYPE_NONE, CT_INT16},
  {CT_INT16, CT_INT16, CT_DTYPE_NONE, CT_INT16},
  {CT_INT16, CT_INT32, CT_DTYPE_NONE, CT_INT32},
  {CT_INT16, CT_INT64, CT_DTYPE_NONE, CT_INT64},
  {CT_INT16, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_INT16, CT_BFLOAT16, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_INT16, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_INT16, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_INT16, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_INT16, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_INT32, CT_BOOL, CT_DTYPE_NONE, CT_INT32},
  {CT_INT32, CT_UINT8, CT_DTYPE_NONE, CT_INT32},
  {CT_INT32, CT_INT8, CT_DTYPE_NONE, CT_INT32},
  {CT_INT32, CT_INT16, CT_DTYPE_NONE, CT_INT32},
  {CT_INT32, CT_INT32, CT_DTYPE_NONE, CT_INT32},
  {CT_INT32, CT_INT64, CT_DTYPE_NONE, CT_INT64},
  {CT_INT32, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_INT32, CT_BFLOAT16, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_INT32, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_INT32, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_INT32, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_INT32, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_INT64, CT_BOOL, CT_DTYPE_NONE, CT_INT64},
  {CT_INT64, CT_UINT8, CT_DTYPE_NONE, CT_INT64},
  {CT_INT64, CT_INT8, CT_DTYPE_NONE, CT_INT64},
  {CT_INT64, CT_INT16, CT_DTYPE_NONE, CT_INT64},
  {CT_INT64, CT_INT32, CT_DTYPE_NONE, CT_INT64},
  {CT_INT64, CT_INT64, CT_DTYPE_NONE, CT_INT64},
  {CT_INT64, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_INT64, CT_BFLOAT16, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_INT64, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_INT64, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_INT64, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_INT64, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_FLOAT16, CT_BOOL, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_FLOAT16, CT_UINT8, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_FLOAT16, CT_INT8, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_FLOAT16, CT_INT16, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_FLOAT16, CT_INT32, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_FLOAT16, CT_INT64, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_FLOAT16, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT16},
  {CT_FLOAT16, CT_BFLOAT16, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT16, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT16, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT16, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_FLOAT16, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_BFLOAT16, CT_BOOL, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_BFLOAT16, CT_UINT8, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_BFLOAT16, CT_INT8, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_BFLOAT16, CT_INT16, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_BFLOAT16, CT_INT32, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_BFLOAT16, CT_INT64, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_BFLOAT16, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_BFLOAT16, CT_BFLOAT16, CT_DTYPE_NONE, CT_BFLOAT16},
  {CT_BFLOAT16, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_BFLOAT16, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_BFLOAT16, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_BFLOAT16, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_FLOAT32, CT_BOOL, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_UINT8, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_INT8, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_INT16, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_INT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_INT64, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_BFLOAT16, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT32},
  {CT_FLOAT32, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT32, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_FLOAT32, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_FLOAT64, CT_BOOL, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_UINT8, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_INT8, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_INT16, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_INT32, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_INT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_FLOAT16, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_BFLOAT16, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_FLOAT32, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_FLOAT64, CT_DTYPE_NONE, CT_FLOAT64},
  {CT_FLOAT64, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_FLOAT64, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX64, CT_BOOL, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_UINT8, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_INT8, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_INT16, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_INT32, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_INT64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_FLOAT16, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_BFLOAT16, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_FLOAT32, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_FLOAT64, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX64, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX64},
  {CT_COMPLEX64, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_BOOL, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_UINT8, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_INT8, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_INT16, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_INT32, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_INT64, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_FLOAT16, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_BFLOAT16, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_FLOAT32, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_FLOAT64, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_COMPLEX64, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_COMPLEX128, CT_COMPLEX128, CT_DTYPE_NONE, CT_COMPLEX128},
  {CT_UINT8, CT_UINT8, CT_BOOL, CT_UINT8},
  {CT_INT64, CT_INT64, CT_BOOL, CT_INT64},
  {CT_FLOAT16, CT_FLOAT16, CT_BOOL, CT_FLOAT16},
  {CT_FLOAT32, CT_FLOAT32, CT_BOOL, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_UINT8, CT_UINT8},
  {CT_INT64, CT_INT64, CT_UINT8, CT_INT64},
  {CT_FLOAT16, CT_FLOAT16, CT_UINT8, CT_FLOAT16},
  {CT_FLOAT32, CT_FLOAT32, CT_UINT8, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_INT8, CT_INT16},
  {CT_INT64, CT_INT64, CT_INT8, CT_INT64},
  {CT_FLOAT16, CT_FLOAT16, CT_INT8, CT_FLOAT16},
  {CT_FLOAT32, CT_FLOAT32, CT_INT8, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_INT16, CT_INT16},
  {CT_INT64, CT_INT64, CT_INT16, CT_INT64},
  {CT_FLOAT16, CT_FLOAT16, CT_INT16, CT_FLOAT16},
  {CT_FLOAT32, CT_FLOAT32, CT_INT16, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_INT32, CT_INT32},
  {CT_INT64, CT_INT64, CT_INT32, CT_INT64},
  {CT_FLOAT16, CT_FLOAT16, CT_INT32, CT_FLOAT16},
  {CT_FLOAT32, CT_FLOAT32, CT_INT32, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_INT64, CT_INT64},
  {CT_INT64, CT_INT64, CT_INT64, CT_INT64},
  {CT_FLOAT16, CT_FLOAT16, CT_INT64, CT_FLOAT16},
  {CT_FLOAT32, CT_FLOAT32, CT_INT64, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_FLOAT16, CT_FLOAT16},
  {CT_INT64, CT_INT64, CT_FLOAT16, CT_FLOAT16},
  {CT_FLOAT16, CT_FLOAT16, CT_FLOAT16, CT_FLOAT16},
  {CT_FLOAT32, CT_FLOAT32, CT_FLOAT16, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_BFLOAT16, CT_BFLOAT16},
  {CT_INT64, CT_INT64, CT_BFLOAT16, CT_BFLOAT16},
  {CT_FLOAT16, CT_FLOAT16, CT_BFLOAT16, CT_FLOAT32},
  {CT_FLOAT32, CT_FLOAT32, CT_BFLOAT16, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_FLOAT32, CT_FLOAT32},
  {CT_INT64, CT_INT64, CT_FLOAT32, CT_FLOAT32},
  {CT_FLOAT16, CT_FLOAT16, CT_FLOAT32, CT_FLOAT32},
  {CT_FLOAT32, CT_FLOAT32, CT_FLOAT32, CT_FLOAT32},
  {CT_UINT8, CT_UINT8, CT_FLOAT64, CT_FLOAT64},
  {CT_INT64, CT_INT64, CT_FLOAT64, CT_FLOAT64},
  {CT_FLOAT16, CT_FLOAT16, CT_FLOAT64, CT_FLOAT64},
  {CT_FLOAT32, CT_FLOAT32, CT_FLOAT64, CT_FLOAT64},
  {CT_UINT8, CT_UINT8, CT_COMPLEX64, CT_COMPLEX64},
  {CT_INT64, CT_INT64, CT_COMPLEX64, CT_COMPLEX64},
  {CT_FLOAT16, CT_FLOAT16, CT_COMPLEX64, CT_COMPLEX64},
  {CT_FLOAT32, CT_FLOAT32, CT_COMPLEX64, CT_COMPLEX64},
  {CT_UINT8, CT_UINT8, CT_COMPLEX128, CT_COMPLEX128},
  {CT_INT64, CT_INT64, CT_COMPLEX128, CT_COMPLEX128},
  {CT_FLOAT16, CT_FLOAT16, CT_COMPLEX128, CT_COMPLEX128},
  {CT_FLOAT32, CT_FLOAT32, CT_COMPLEX128, CT_COMPLEX128},
};
static const struct chunk_case chunk_cases[] = {
  {0, 1, 1, {0}},
  {0, 2, 2, {0, 0}},
  {0, 3, 3, {0, 0, 0}},
  {0, 4, 4, {0, 0, 0, 0}},
  {0, 6, 6, {0, 0, 0, 0, 0, 0}},
  {0, 7, 7, {0, 0, 0, 0, 0, 0, 0}},
  {0, 20, 20, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
  {1, 1, 1, {1}},
  {1, 2, 1, {1}},
  {1, 3, 1, {1}},
  {1, 4, 1, {1}},
  {1, 6, 1, {1}},
  {1, 7, 1, {1}},
  {1, 20, 1, {1}},
  {2, 1, 1, {2}},
  {2, 2, 2, {1, 1}},
  {2, 3, 2, {1, 1}},
  {2, 4, 2, {1, 1}},
  {2, 6, 2, {1, 1}},
  {2, 7, 2, {1, 1}},
  {2, 20, 2, {1, 1}},
  {5, 1, 1, {5}},
  {5, 2, 2, {3, 2}},
  {5, 3, 3, {2, 2, 1}},
  {5, 4, 3, {2, 2, 1}},
  {5, 6, 5, {1, 1, 1, 1, 1}},
  {5, 7, 5, {1, 1, 1, 1, 1}},
  {5, 20, 5, {1, 1, 1, 1, 1}},
  {6, 1, 1, {6}},
  {6, 2, 2, {3, 3}},
  {6, 3, 3, {2, 2, 2}},
  {6, 4, 3, {2, 2, 2}},
  {6, 6, 6, {1, 1, 1, 1, 1, 1}},
  {6, 7, 6, {1, 1, 1, 1, 1, 1}},
  {6, 20, 6, {1, 1, 1, 1, 1, 1}},
  {7, 1, 1, {7}},
  {7, 2, 2, {4, 3}},
  {7, 3, 3, {3, 3, 1}},
  {7, 4, 4, {2, 2, 2, 1}},
  {7, 6, 4, {2, 2, 2, 1}},
  {7, 7, 7, {1, 1, 1, 1, 1, 1, 1}},
  {7, 20, 7, {1, 1, 1, 1, 1, 1, 1}},
  {10, 1, 1, {10}},
  {10, 2, 2, {5, 5}},
  {10, 3, 3, {4, 4, 2}},
  {10, 4, 4, {3, 3, 3, 1}},
  {10, 6, 5, {2, 2, 2, 2, 2}},
  {10, 7, 5, {2, 2, 2, 2, 2}},
  {10, 20, 10, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
  {13, 1, 1, {13}},
  {13, 2, 2, {7, 6}},
  {13, 3, 3, {5, 5, 3}},
  {13, 4, 4, {4, 4, 4, 1}},
  {13, 6, 5, {3, 3, 3, 3, 1}},
  {13, 7, 7, {2, 2, 2, 2, 2, 2, 1}},
  {13, 20, 13, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
};
static const struct chunk_case split_cases[] = {
  {0, 1, 1, {0}},
  {0, 2, 1, {0}},
  {0, 3, 1, {0}},
  {0, 5, 1, {0}},
  {0, 13, 1, {0}},
  {0, 20, 1, {0}},
  {0, 0, 1, {0}},
  {1, 1, 1, {1}},
  {1, 2, 1, {1}},
  {1, 3, 1, {1}},
  {1, 5, 1, {1}},
  {1, 13, 1, {1}},
  {1, 20, 1, {1}},
  {5, 1, 5, {1, 1, 1, 1, 1}},
  {5, 2, 3, {2, 2, 1}},
  {5, 3, 2, {3, 2}},
  {5, 5, 1, {5}},
  {5, 13, 1, {5}},
  {5, 20, 1, {5}},
  {6, 1, 6, {1, 1, 1, 1, 1, 1}},
  {6, 2, 3, {2, 2, 2}},
  {6, 3, 2, {3, 3}},
  {6, 5, 2, {5, 1}},
  {6, 13, 1, {6}},
  {6, 20, 1, {6}},
  {7, 1, 7, {1, 1, 1, 1, 1, 1, 1}},
  {7, 2, 4, {2, 2, 2, 1}},
  {7, 3, 3, {3, 3, 1}},
  {7, 5, 2, {5, 2}},
  {7, 13, 1, {7}},
  {7, 20, 1, {7}},
  {13, 1, 13, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}},
  {13, 2, 7, {2, 2, 2, 2, 2, 2, 1}},
  {13, 3, 5, {3, 3, 3, 3, 1}},
  {13, 5, 3, {5, 5, 3}},
  {13, 13, 1, {13}},
  {13, 20, 1, {13}},
};
static const struct roll_case roll_cases[] = {
  {1, {6}, 1, {2}, 0, {0}, {4.0, 5.0, 0.0, 1.0, 2.0, 3.0}},
  {1, {6}, 1, {-1}, 0, {0}, {1.0, 2.0, 3.0, 4.0, 5.0, 0.0}},
  {1, {6}, 1, {13}, 1, {0}, {5.0, 0.0, 1.0, 2.0, 3.0, 4.0}},
  {2, {2, 3}, 1, {1}, 0, {0}, {5.0, 0.0, 1.0, 2.0, 3.0, 4.0}},
  {2, {2, 3}, 1, {1}, 1, {1}, {2.0, 0.0, 1.0, 5.0, 3.0, 4.0}},
  {2, {2, 3}, 1, {-4}, 1, {1}, {1.0, 2.0, 0.0, 4.0, 5.0, 3.0}},
  {2, {2, 3}, 2, {1, 1}, 2, {0, 1}, {5.0, 3.0, 4.0, 2.0, 0.0, 1.0}},
  {2, {2, 3}, 2, {1, 2}, 2, {1, 1}, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0}},
  {3, {2, 3, 4}, 3, {1, -1, 2}, 3, {0, 1, 2}, {18.0, 19.0, 16.0, 17.0, 22.0, 23.0, 20.0, 21.0, 14.0, 15.0, 12.0, 13.0, 6.0, 7.0, 4.0, 5.0, 10.0, 11.0, 8.0, 9.0, 2.0, 3.0, 0.0, 1.0}},
  {3, {2, 3, 4}, 1, {5}, 0, {0}, {19.0, 20.0, 21.0, 22.0, 23.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0}},
  {3, {2, 3, 4}, 2, {3, 1}, 2, {-1, 0}, {13.0, 14.0, 15.0, 12.0, 17.0, 18.0, 19.0, 16.0, 21.0, 22.0, 23.0, 20.0, 1.0, 2.0, 3.0, 0.0, 5.0, 6.0, 7.0, 4.0, 9.0, 10.0, 11.0, 8.0}},
  {3, {4, 1, 3}, 3, {2, 7, 1}, 3, {0, 1, 2}, {8.0, 6.0, 7.0, 11.0, 9.0, 10.0, 2.0, 0.0, 1.0, 5.0, 3.0, 4.0}},
};
static const struct flip_case flip_cases[] = {
  {1, {5}, 1, {0}, {4.0, 3.0, 2.0, 1.0, 0.0}},
  {2, {2, 3}, 1, {0}, {3.0, 4.0, 5.0, 0.0, 1.0, 2.0}},
  {2, {2, 3}, 1, {-1}, {2.0, 1.0, 0.0, 5.0, 4.0, 3.0}},
  {2, {2, 3}, 2, {0, 1}, {5.0, 4.0, 3.0, 2.0, 1.0, 0.0}},
  {2, {2, 3}, 0, {0}, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0}},
  {3, {2, 3, 4}, 2, {0, 2}, {15.0, 14.0, 13.0, 12.0, 19.0, 18.0, 17.0, 16.0, 23.0, 22.0, 21.0, 20.0, 3.0, 2.0, 1.0, 0.0, 7.0, 6.0, 5.0, 4.0, 11.0, 10.0, 9.0, 8.0}},
  {3, {2, 1, 3}, 2, {1, 2}, {2.0, 1.0, 0.0, 5.0, 4.0, 3.0}},
};
static const struct repeat_case repeat_cases[] = {
  {0, 1, {3}, 1, {2}, 1, {6}, {0.0, 1.0, 2.0, 0.0, 1.0, 2.0}},
  {0, 2, {2, 2}, 2, {2, 3}, 2, {4, 6}, {0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 2.0, 3.0, 2.0, 3.0, 2.0, 3.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 2.0, 3.0, 2.0, 3.0, 2.0, 3.0}},
  {0, 1, {3}, 2, {2, 2}, 2, {2, 6}, {0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0}},
  {0, 2, {2, 1}, 3, {1, 2, 3}, 3, {1, 4, 3}, {0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0}},
  {0, 0, {0}, 1, {4}, 1, {4}, {0.0, 0.0, 0.0, 0.0}},
  {0, 2, {2, 3}, 2, {1, 0}, 2, {2, 0}, {0}},
  {1, 2, {2, 3}, 1, {2}, 2, {2, 6}, {0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 3.0, 4.0, 5.0}},
  {1, 1, {3}, 2, {2, 2}, 2, {2, 6}, {0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0, 0.0, 1.0, 2.0}},
  {1, 2, {2, 2}, 0, {0}, 2, {2, 2}, {0.0, 1.0, 2.0, 3.0}},
  {1, 0, {0}, 1, {3}, 1, {3}, {0.0, 0.0, 0.0}},
  {1, 2, {1, 2}, 3, {3, 1, 2}, 3, {3, 1, 4}, {0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0}},
};
static const struct tri_case tri_cases[] = {
  {2, {3, 4}, 0, -5, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
  {2, {3, 4}, 0, -2, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 8.0, 0.0, 0.0, 0.0}},
  {2, {3, 4}, 0, -1, {0.0, 0.0, 0.0, 0.0, 4.0, 0.0, 0.0, 0.0, 8.0, 9.0, 0.0, 0.0}},
  {2, {3, 4}, 0, 0, {0.0, 0.0, 0.0, 0.0, 4.0, 5.0, 0.0, 0.0, 8.0, 9.0, 10.0, 0.0}},
  {2, {3, 4}, 0, 1, {0.0, 1.0, 0.0, 0.0, 4.0, 5.0, 6.0, 0.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {3, 4}, 0, 2, {0.0, 1.0, 2.0, 0.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {3, 4}, 0, 5, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {3, 4}, 1, -5, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {3, 4}, 1, -2, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {3, 4}, 1, -1, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 0.0, 9.0, 10.0, 11.0}},
  {2, {3, 4}, 1, 0, {0.0, 1.0, 2.0, 3.0, 0.0, 5.0, 6.0, 7.0, 0.0, 0.0, 10.0, 11.0}},
  {2, {3, 4}, 1, 1, {0.0, 1.0, 2.0, 3.0, 0.0, 0.0, 6.0, 7.0, 0.0, 0.0, 0.0, 11.0}},
  {2, {3, 4}, 1, 2, {0.0, 0.0, 2.0, 3.0, 0.0, 0.0, 0.0, 7.0, 0.0, 0.0, 0.0, 0.0}},
  {2, {3, 4}, 1, 5, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
  {2, {4, 3}, 0, -5, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
  {2, {4, 3}, 0, -2, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 6.0, 0.0, 0.0, 9.0, 10.0, 0.0}},
  {2, {4, 3}, 0, -1, {0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 6.0, 7.0, 0.0, 9.0, 10.0, 11.0}},
  {2, {4, 3}, 0, 0, {0.0, 0.0, 0.0, 3.0, 4.0, 0.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {4, 3}, 0, 1, {0.0, 1.0, 0.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {4, 3}, 0, 2, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {4, 3}, 0, 5, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {4, 3}, 1, -5, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {2, {4, 3}, 1, -2, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 0.0, 10.0, 11.0}},
  {2, {4, 3}, 1, -1, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 7.0, 8.0, 0.0, 0.0, 11.0}},
  {2, {4, 3}, 1, 0, {0.0, 1.0, 2.0, 0.0, 4.0, 5.0, 0.0, 0.0, 8.0, 0.0, 0.0, 0.0}},
  {2, {4, 3}, 1, 1, {0.0, 1.0, 2.0, 0.0, 0.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
  {2, {4, 3}, 1, 2, {0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
  {2, {4, 3}, 1, 5, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
  {3, {2, 2, 3}, 0, -5, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
  {3, {2, 2, 3}, 0, -2, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
  {3, {2, 2, 3}, 0, -1, {0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 9.0, 0.0, 0.0}},
  {3, {2, 2, 3}, 0, 0, {0.0, 0.0, 0.0, 3.0, 4.0, 0.0, 6.0, 0.0, 0.0, 9.0, 10.0, 0.0}},
  {3, {2, 2, 3}, 0, 1, {0.0, 1.0, 0.0, 3.0, 4.0, 5.0, 6.0, 7.0, 0.0, 9.0, 10.0, 11.0}},
  {3, {2, 2, 3}, 0, 2, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {3, {2, 2, 3}, 0, 5, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {3, {2, 2, 3}, 1, -5, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {3, {2, 2, 3}, 1, -2, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {3, {2, 2, 3}, 1, -1, {0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0}},
  {3, {2, 2, 3}, 1, 0, {0.0, 1.0, 2.0, 0.0, 4.0, 5.0, 6.0, 7.0, 8.0, 0.0, 10.0, 11.0}},
  {3, {2, 2, 3}, 1, 1, {0.0, 1.0, 2.0, 0.0, 0.0, 5.0, 0.0, 7.0, 8.0, 0.0, 0.0, 11.0}},
  {3, {2, 2, 3}, 1, 2, {0.0, 0.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0, 8.0, 0.0, 0.0, 0.0}},
  {3, {2, 2, 3}, 1, 5, {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0}},
};
/* END GENERATED */

/* ---- references ------------------------------------------------------------------------------ */

/* out against cat(ts, dim) computed element by element (1-d [0] inputs skipped). */
static void check_cat_ref(ct_tensor *out, ct_tensor *const *ts, int32_t count, int32_t dim,
                          const char *what) {
  tview o, *in = malloc((size_t)count * sizeof(tview));
  tv_get(&o, out);
  for (int32_t k = 0; k < count; k++) tv_get(&in[k], ts[k]);
  int64_t idx[MAX_DIMS];
  for (int64_t i = 0; i < o.numel; i++) {
    unravel(i, o.ndim, o.shape, idx);
    int64_t pos = idx[dim];
    for (int32_t k = 0; k < count; k++) {
      if (in[k].ndim == 1 && in[k].numel == 0) continue;
      if (pos < in[k].shape[dim]) {
        int64_t j[MAX_DIMS];
        memcpy(j, idx, sizeof(int64_t) * (size_t)o.ndim);
        j[dim] = pos;
        expect_tv(&o, i, &in[k], ravel(o.ndim, in[k].shape, j), what);
        break;
      }
      pos -= in[k].shape[dim];
    }
  }
  free(in);
}

/* out against stack(ts, dim). */
static void check_stack_ref(ct_tensor *out, ct_tensor *const *ts, int32_t dim, const char *what) {
  tview o, in;
  tv_get(&o, out);
  int64_t idx[MAX_DIMS], ishape[MAX_DIMS], j[MAX_DIMS];
  for (int64_t k = 0; k < o.shape[dim]; k++) {
    tv_get(&in, ts[k]);
    for (int64_t i = 0; i < o.numel; i++) {
      unravel(i, o.ndim, o.shape, idx);
      if (idx[dim] != k) continue;
      int32_t m = 0;
      for (int32_t d = 0; d < o.ndim; d++)
        if (d != dim) {
          j[m] = idx[d];
          ishape[m++] = o.shape[d];
        }
      expect_tv(&o, i, &in, ravel(o.ndim - 1, ishape, j), what);
    }
  }
}

/* out against t flipped along the dims with flipped[d] set. */
static void check_flip_ref(ct_tensor *out, ct_tensor *t, const bool *flipped, const char *what) {
  tview o, v;
  tv_get(&o, out);
  tv_get(&v, t);
  int64_t idx[MAX_DIMS];
  for (int64_t i = 0; i < v.numel; i++) {
    unravel(i, v.ndim, v.shape, idx);
    for (int32_t d = 0; d < v.ndim; d++)
      if (flipped[d]) idx[d] = v.shape[d] - 1 - idx[d];
    expect_tv(&o, i, &v, ravel(v.ndim, v.shape, idx), what);
  }
}

static int64_t mod(int64_t a, int64_t n) {
  return ((a % n) + n) % n;
}

/* out against t rolled by shift[d] along every dim (0 where not rolled). */
static void check_roll_ref(ct_tensor *out, ct_tensor *t, const int64_t *shift, const char *what) {
  tview o, v;
  tv_get(&o, out);
  tv_get(&v, t);
  int64_t idx[MAX_DIMS];
  for (int64_t i = 0; i < v.numel; i++) {
    unravel(i, v.ndim, v.shape, idx);
    for (int32_t d = 0; d < v.ndim; d++) idx[d] = mod(idx[d] - shift[d], v.shape[d]);
    expect_tv(&o, i, &v, ravel(v.ndim, v.shape, idx), what);
  }
}

/* out against t repeated (out has at least t's dims; leading extra dims are repeats). */
static void check_repeat_ref(ct_tensor *out, ct_tensor *t, const char *what) {
  tview o, v;
  tv_get(&o, out);
  tv_get(&v, t);
  int64_t idx[MAX_DIMS], j[MAX_DIMS];
  for (int64_t i = 0; i < o.numel; i++) {
    unravel(i, o.ndim, o.shape, idx);
    for (int32_t d = 0; d < v.ndim; d++) j[d] = idx[o.ndim - v.ndim + d] % v.shape[d];
    expect_tv(&o, i, &v, ravel(v.ndim, v.shape, j), what);
  }
}

/* out against tril (upper false) or triu of t. */
static void check_tri_ref(ct_tensor *out, ct_tensor *t, int64_t diagonal, bool upper, const char *what) {
  tview o, v;
  tv_get(&o, out);
  tv_get(&v, t);
  int64_t idx[MAX_DIMS];
  for (int64_t i = 0; i < v.numel; i++) {
    unravel(i, v.ndim, v.shape, idx);
    int64_t off = idx[v.ndim - 1] - idx[v.ndim - 2];
    bool keep = upper ? off >= diagonal : off <= diagonal;
    if (keep)
      expect_tv(&o, i, &v, i, what);
    else
      expect_zero_tv(&o, i, what);
  }
}

/* ---- cat ------------------------------------------------------------------------------------- */

START_TEST(test_cat_values) {
  MEM_BEGIN;
  fail_reset();
  /* Three inputs differing along dim, in every layout and dtype, for each dim (given negative too). */
  const int64_t base[3] = {2, 3, 4};
  const int64_t along[3] = {1, 3, 2};
  for (int32_t dim = 0; dim < 3; dim++)
    for (int layout = 0; layout < L_COUNT; layout++)
      for (int k = 0; k < NDTYPES; k++) {
        ct_dtype dt = all_dtypes[k];
        ct_tensor *ts[3], *out = NULL;
        for (int i = 0; i < 3; i++) {
          int64_t shape[3] = {base[0], base[1], base[2]};
          shape[dim] = along[i];
          ts[i] = laid_out(dt, 3, shape, (layout + i) % L_COUNT, i);
        }
        CT_OK_(ct_cat(&out, ts, 3, layout % 2 ? dim - 3 : dim));
        int64_t want[3] = {base[0], base[1], base[2]};
        want[dim] = 6;
        check_shape(out, 3, want);
        check_contiguous_strides(out);
        ck_assert_int_eq(dtype_of(out), dt);
        char what[96];
        snprintf(what, sizeof what, "cat dim %d %s %d", (int)dim, layout_names[layout], (int)dt);
        check_cat_ref(out, ts, 3, dim, what);
        for (int i = 0; i < 3; i++) ck_assert(!shares(out, ts[i]));
        ct_tensor_release(out);
        for (int i = 0; i < 3; i++) ct_tensor_release(ts[i]);
      }
  FAIL_IF_NOTED_("cat elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_cat_single_and_many) {
  MEM_BEGIN;
  fail_reset();
  /* One input: a copy, not the input itself. */
  ct_tensor *x = pattern(CT_INT32, 2, (int64_t[]){2, 3}, 0), *out;
  CT_OK_(ct_cat(&out, &x, 1, 1));
  check_shape(out, 2, (int64_t[]){2, 3});
  ck_assert(!shares(out, x));
  check_cat_ref(out, &x, 1, 1, "cat of one");
  ct_tensor_release(out);
  /* 100 pieces of one row each, alternating layouts, the same tensor more than once. */
  enum { N = 100 };
  ct_tensor *ts[N];
  for (int i = 0; i < N; i++)
    ts[i] = i % 7 == 3 ? x : laid_out(CT_INT32, 2, (int64_t[]){i % 3, 3}, i % L_COUNT, i);
  CT_OK_(ct_cat(&out, ts, N, 0));
  check_cat_ref(out, ts, N, 0, "cat of many");
  ct_tensor_release(out);
  for (int i = 0; i < N; i++)
    if (ts[i] != x) ct_tensor_release(ts[i]);
  ct_tensor_release(x);
  FAIL_IF_NOTED_("cat elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_cat_large_contiguous) {
  MEM_BEGIN;
  fail_reset();
  /* The memcpy path: contiguous pieces along dim 0, and along the last dim (a run per row). */
  const int64_t rows[3] = {1000, 1, 3000};
  ct_tensor *ts[3], *out;
  for (int i = 0; i < 3; i++) ts[i] = pattern(CT_FLOAT32, 2, (int64_t[]){rows[i], 300}, i);
  CT_OK_(ct_cat(&out, ts, 3, 0));
  check_shape(out, 2, (int64_t[]){4001, 300});
  const float *o = data_of(out);
  int64_t at = 0;
  for (int i = 0; i < 3; i++) {
    const float *p = data_of(ts[i]);
    ck_assert(memcmp(o + at, p, (size_t)(rows[i] * 300) * sizeof(float)) == 0);
    at += rows[i] * 300;
  }
  ct_tensor_release(out);
  for (int i = 0; i < 3; i++) ct_tensor_release(ts[i]);
  for (int i = 0; i < 3; i++) ts[i] = pattern(CT_FLOAT64, 2, (int64_t[]){500, rows[i] / 10 + 1}, i);
  CT_OK_(ct_cat(&out, ts, 3, -1));
  check_shape(out, 2, (int64_t[]){500, 101 + 1 + 301});
  check_cat_ref(out, ts, 3, 1, "cat large last dim");
  ct_tensor_release(out);
  for (int i = 0; i < 3; i++) ct_tensor_release(ts[i]);
  FAIL_IF_NOTED_("cat elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_cat_promotion) {
  MEM_BEGIN;
  fail_reset();
  for (size_t c = 0; c < sizeof cat_dtype_cases / sizeof cat_dtype_cases[0]; c++) {
    const struct cat_dtype_case *k = &cat_dtype_cases[c];
    ct_tensor *ts[3], *out = NULL;
    int32_t n = 0;
    if (k->empty != CT_DTYPE_NONE) ts[n++] = pattern(k->empty, 1, (int64_t[]){0}, 0);
    ts[n++] = laid_out(k->a, 2, (int64_t[]){2, 2}, L_TRANSPOSED, 1);
    ts[n++] = pattern(k->b, 2, (int64_t[]){1, 2}, 2);
    CT_OK_(ct_cat(&out, ts, n, 0));
    if (dtype_of(out) != k->result)
      fail_note("cat(%s%d, %d, %d) has dtype %d, PyTorch gives %d", k->empty != CT_DTYPE_NONE ? "[0] " : "",
                (int)k->empty, (int)k->a, (int)k->b, (int)dtype_of(out), (int)k->result);
    check_shape(out, 2, (int64_t[]){3, 2});
    check_cat_ref(out, ts, n, 0, "cat promotion");
    ct_tensor_release(out);
    for (int32_t i = 0; i < n; i++) ct_tensor_release(ts[i]);
  }
  FAIL_IF_NOTED_("cat promotions differ");
  MEM_END;
}
END_TEST

START_TEST(test_cat_legacy_empty) {
  MEM_BEGIN;
  fail_reset();
  ct_tensor *e = pattern(CT_FLOAT64, 1, (int64_t[]){0}, 0), *x = pattern(CT_FLOAT32, 2, (int64_t[]){2, 3}, 1);
  ct_tensor *out;
  /* [0] tensors are skipped for shapes and dims (dim 1 would not exist for them) but set the dtype. */
  ct_tensor *l1[] = {e, x, e};
  CT_OK_(ct_cat(&out, l1, 3, 1));
  check_shape(out, 2, (int64_t[]){2, 3});
  ck_assert_int_eq(dtype_of(out), CT_FLOAT64);
  check_cat_ref(out, l1, 3, 1, "cat with [0] tensors");
  ct_tensor_release(out);
  CT_OK_(ct_cat(&out, l1, 3, -1));
  check_shape(out, 2, (int64_t[]){2, 3});
  ct_tensor_release(out);
  /* Only [0] tensors: a [0] result, whatever dim says. */
  ct_tensor *e2 = pattern(CT_INT16, 1, (int64_t[]){0}, 0);
  ct_tensor *l2[] = {e2, e};
  CT_OK_(ct_cat(&out, l2, 2, 5));
  check_shape(out, 1, (int64_t[]){0});
  ck_assert_int_eq(dtype_of(out), CT_FLOAT64);
  ct_tensor_release(out);
  CT_OK_(ct_cat(&out, &e2, 1, 0));
  check_shape(out, 1, (int64_t[]){0});
  ck_assert_int_eq(dtype_of(out), CT_INT16);
  ct_tensor_release(out);
  /* A [0, 3] tensor is not skipped: its other sizes must agree. */
  ct_tensor *z = pattern(CT_FLOAT32, 2, (int64_t[]){0, 3}, 0),
            *w = pattern(CT_FLOAT32, 2, (int64_t[]){0, 4}, 0);
  ct_tensor *l3[] = {z, x};
  CT_OK_(ct_cat(&out, l3, 2, 0));
  check_shape(out, 2, (int64_t[]){2, 3});
  check_cat_ref(out, l3, 2, 0, "cat [0, 3]");
  ct_tensor_release(out);
  ct_tensor *l4[] = {w, x};
  FAILS_NULL_(out, ct_cat(&out, l4, 2, 0), CT_ERR_SHAPE,
              "ct_cat: tensors[1] has shape [2, 3] but tensors[0] has [0, 4]");
  /* Size-0 results. */
  ct_tensor *l5[] = {z, z};
  CT_OK_(ct_cat(&out, l5, 2, 1));
  check_shape(out, 2, (int64_t[]){0, 6});
  ct_tensor_release(out);
  /* A skipped tensor first: the reference for messages is the first one not skipped. */
  ct_tensor *y = pattern(CT_FLOAT32, 3, (int64_t[]){2, 3, 1}, 0);
  ct_tensor *l6[] = {e, x, y};
  FAILS_NULL_(out, ct_cat(&out, l6, 3, 0), CT_ERR_SHAPE,
              "ct_cat: tensors[2] has 3 dims but tensors[1] has 2");
  ct_tensor_release(y);
  ct_tensor_release(z);
  ct_tensor_release(w);
  ct_tensor_release(e2);
  ct_tensor_release(e);
  ct_tensor_release(x);
  FAIL_IF_NOTED_("cat elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_cat_errors) {
  MEM_BEGIN;
  ct_tensor *x = pattern(CT_FLOAT32, 2, (int64_t[]){2, 3}, 0),
            *y = pattern(CT_FLOAT32, 2, (int64_t[]){2, 4}, 0);
  ct_tensor *s0 = pattern(CT_FLOAT32, 0, NULL, 0), *z3 = pattern(CT_FLOAT32, 3, (int64_t[]){2, 3, 1}, 0);
  ct_tensor *out;
  ct_tensor *xy[] = {x, y}, *xn[] = {x, NULL}, *xs[] = {x, s0}, *xz[] = {x, z3};
  CT_FAILS_(ct_cat(NULL, xy, 2, 1), CT_ERR_INVALID_ARGUMENT, "ct_cat: out is NULL");
  FAILS_NULL_(out, ct_cat(&out, NULL, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_cat: tensors is NULL");
  FAILS_NULL_(out, ct_cat(&out, xy, 0, 0), CT_ERR_INVALID_ARGUMENT, "ct_cat: expected a non-empty list");
  FAILS_NULL_(out, ct_cat(&out, xy, -1, 0), CT_ERR_INVALID_ARGUMENT, "ct_cat: count = -1 is negative");
  FAILS_NULL_(out, ct_cat(&out, xn, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_cat: tensors[1] is NULL");
  FAILS_NULL_(out, ct_cat(&out, xs, 2, 0), CT_ERR_SHAPE,
              "ct_cat: tensors[1] is 0-d and cannot be concatenated");
  FAILS_NULL_(out, ct_cat(&out, &s0, 1, 0), CT_ERR_SHAPE, "ct_cat: tensors[0] is 0-d");
  FAILS_NULL_(out, ct_cat(&out, xz, 2, 0), CT_ERR_SHAPE,
              "ct_cat: tensors[1] has 3 dims but tensors[0] has 2");
  FAILS_NULL_(out, ct_cat(&out, xy, 2, 0), CT_ERR_SHAPE,
              "ct_cat: tensors[1] has shape [2, 4] but tensors[0] has [2, 3] (dim 0 aside)");
  FAILS_NULL_(out, ct_cat(&out, xy, 2, 2), CT_ERR_INDEX, "ct_cat: dim = 2 is out of range");
  FAILS_NULL_(out, ct_cat(&out, xy, 2, -3), CT_ERR_INDEX, "ct_cat: dim = -3 is out of range");
  /* Along dim 1 the two agree. */
  CT_OK_(ct_cat(&out, xy, 2, 1));
  check_shape(out, 2, (int64_t[]){2, 7});
  ct_tensor_release(out);
  /* A result whose size overflows. */
  float one = 1;
  ct_tensor *huge;
  CT_OK_(ct_from_blob(&huge, &one, 1, (int64_t[]){(INT64_C(1) << 61) - 1}, (int64_t[]){0}, CT_FLOAT32,
                      CT_DEVICE_NONE, -1, NULL, NULL, 0));
  ct_tensor *hh[] = {huge, huge, huge, huge, huge};
  FAILS_NULL_(out, ct_cat(&out, hh, 5, 0), CT_ERR_SHAPE,
              "ct_cat: the concatenated size along dim 0 overflows");
  ct_tensor_release(huge);
  /* Too large to allocate: nothing leaks. */
  ct_tensor *big;
  CT_OK_(ct_from_blob(&big, &one, 2, (int64_t[]){1LL << 29, 1LL << 30}, (int64_t[]){0, 0}, CT_FLOAT32,
                      CT_DEVICE_NONE, -1, NULL, NULL, 0));
  ct_tensor *bb[] = {big, big};
  FAILS_NULL_(out, ct_cat(&out, bb, 2, 0), CT_ERR_OUT_OF_MEMORY, "ct_cat");
  ct_tensor_release(big);
  ct_tensor_release(x);
  ct_tensor_release(y);
  ct_tensor_release(s0);
  ct_tensor_release(z3);
  MEM_END;
}
END_TEST

START_TEST(test_cat_out) {
  MEM_BEGIN;
  fail_reset();
  ct_tensor *a = laid_out(CT_INT32, 2, (int64_t[]){2, 3}, L_TRANSPOSED, 0);
  ct_tensor *b = pattern(CT_UINT8, 2, (int64_t[]){1, 3}, 1);
  ct_tensor *ab[] = {a, b};
  /* Into the result dtype, into a wider dtype, into a non-contiguous out. */
  ct_tensor *out;
  CT_OK_(ct_empty(&out, 2, (int64_t[]){3, 3}, CT_INT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_cat_out(out, ab, 2, 0));
  check_cat_ref(out, ab, 2, 0, "cat_out int32");
  ct_tensor_release(out);
  CT_OK_(ct_empty(&out, 2, (int64_t[]){3, 3}, CT_COMPLEX128, CT_DEVICE_NONE, -1));
  CT_OK_(ct_cat_out(out, ab, 2, -2));
  check_cat_ref(out, ab, 2, 0, "cat_out complex128");
  ct_tensor_release(out);
  ct_tensor *base = pattern(CT_FLOAT32, 1, (int64_t[]){40}, 0), *tv;
  CT_OK_(ct_as_strided(&tv, base, 2, (int64_t[]){3, 3}, (int64_t[]){1, 6}, 2));
  CT_OK_(ct_cat_out(tv, ab, 2, 0));
  check_cat_ref(tv, ab, 2, 0, "cat_out transposed out");
  ck_assert_double_eq(value(base, 0), 0); /* untouched around the view */
  ck_assert_double_eq(value(base, 1), 5);
  ct_tensor_release(tv);

  /* Errors: out's shape and dtype, read-only, overlap with an input, internal overlap. */
  ct_tensor *o;
  CT_FAILS_(ct_cat_out(NULL, ab, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_cat_out: out is NULL");
  CT_OK_(ct_empty(&o, 2, (int64_t[]){3, 4}, CT_INT32, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_cat_out(o, ab, 2, 0), CT_ERR_SHAPE,
            "ct_cat_out: out has shape [3, 4] but the result has shape [3, 3]");
  ct_tensor_release(o);
  CT_OK_(ct_empty(&o, 2, (int64_t[]){3, 3}, CT_INT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_cat_out(o, ab, 2, 0)); /* int32 to int16: same kind, allowed as in PyTorch */
  ct_tensor_release(o);
  CT_OK_(ct_empty(&o, 2, (int64_t[]){3, 3}, CT_BOOL, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_cat_out(o, ab, 2, 0), CT_ERR_DTYPE,
            "ct_cat_out: the result dtype int32 can't be cast to out's dtype bool");
  ct_tensor_release(o);
  ct_tensor *f = pattern(CT_FLOAT32, 2, (int64_t[]){1, 3}, 0), *af[] = {a, f};
  CT_OK_(ct_empty(&o, 2, (int64_t[]){3, 3}, CT_INT64, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_cat_out(o, af, 2, 0), CT_ERR_DTYPE, "can't be cast to out's dtype int64");
  ct_tensor_release(o);
  float mem[9];
  CT_OK_(ct_from_blob(&o, mem, 2, (int64_t[]){3, 3}, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1, NULL, NULL,
                      CT_BLOB_READ_ONLY));
  CT_FAILS_(ct_cat_out(o, ab, 2, 0), CT_ERR_READ_ONLY, "ct_cat_out: out is read-only");
  ct_tensor_release(o);
  CT_OK_(ct_as_strided(&o, base, 2, (int64_t[]){3, 3}, (int64_t[]){0, 1}, 0));
  CT_FAILS_(ct_cat_out(o, ab, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_cat_out: more than one element of out");
  ct_tensor_release(o);
  ct_tensor *p1, *p2;
  CT_OK_(ct_as_strided(&p1, base, 2, (int64_t[]){1, 3}, (int64_t[]){3, 1}, 0));
  CT_OK_(ct_as_strided(&o, base, 2, (int64_t[]){2, 3}, (int64_t[]){3, 1}, 2));
  ct_tensor *pp[] = {f, p1};
  CT_FAILS_(ct_cat_out(o, pp, 2, 0), CT_ERR_INVALID_ARGUMENT,
            "ct_cat_out: out overlaps tensors[1] in memory");
  /* Apart in the same storage is fine. */
  CT_OK_(ct_as_strided(&p2, base, 2, (int64_t[]){1, 3}, (int64_t[]){3, 1}, 30));
  ct_tensor *pq[] = {f, p2};
  CT_OK_(ct_cat_out(o, pq, 2, 0));
  check_cat_ref(o, pq, 2, 0, "cat_out same storage apart");
  /* Errors of ct_cat itself come first. */
  CT_FAILS_(ct_cat_out(o, pq, 0, 0), CT_ERR_INVALID_ARGUMENT, "ct_cat_out: expected a non-empty list");
  CT_FAILS_(ct_cat_out(o, pq, 2, 3), CT_ERR_INDEX, "ct_cat_out: dim = 3");
  ct_tensor_release(p1);
  ct_tensor_release(p2);
  ct_tensor_release(o);
  ct_tensor_release(f);
  ct_tensor_release(base);
  ct_tensor_release(a);
  ct_tensor_release(b);
  FAIL_IF_NOTED_("cat_out elements differ");
  MEM_END;
}
END_TEST

/* ---- stack ----------------------------------------------------------------------------------- */

START_TEST(test_stack_values) {
  MEM_BEGIN;
  fail_reset();
  const int64_t shape[2] = {3, 4};
  for (int64_t dim = -3; dim <= 2; dim++)
    for (int layout = 0; layout < L_COUNT; layout++)
      for (int k = 0; k < NDTYPES; k++) {
        ct_dtype dt = all_dtypes[k];
        ct_tensor *ts[3], *out;
        for (int i = 0; i < 3; i++) ts[i] = laid_out(dt, 2, shape, (layout + i) % L_COUNT, i);
        CT_OK_(ct_stack(&out, ts, 3, dim));
        int32_t d = (int32_t)(dim < 0 ? dim + 3 : dim);
        int64_t want[3];
        for (int32_t j = 0, m = 0; j < 3; j++) want[j] = j == d ? 3 : shape[m++];
        check_shape(out, 3, want);
        check_contiguous_strides(out);
        ck_assert_int_eq(dtype_of(out), dt);
        char what[64];
        snprintf(what, sizeof what, "stack dim %d %s %d", (int)dim, layout_names[layout], (int)dt);
        check_stack_ref(out, ts, d, what);
        ct_tensor_release(out);
        for (int i = 0; i < 3; i++) ct_tensor_release(ts[i]);
      }
  /* 0-d inputs make a 1-d result; mixed dtypes promote as cat's do. */
  ct_tensor *a = pattern(CT_INT64, 0, NULL, 3), *b = pattern(CT_FLOAT32, 0, NULL, 4), *out;
  ct_tensor *ab[] = {a, b, a};
  CT_OK_(ct_stack(&out, ab, 3, 0));
  check_shape(out, 1, (int64_t[]){3});
  ck_assert_int_eq(dtype_of(out), CT_FLOAT32);
  check_stack_ref(out, ab, 0, "stack 0-d");
  ct_tensor_release(out);
  CT_OK_(ct_stack(&out, ab, 3, -1));
  check_shape(out, 1, (int64_t[]){3});
  ct_tensor_release(out);
  /* Size-0 inputs. */
  ct_tensor *z = pattern(CT_INT8, 2, (int64_t[]){0, 2}, 0), *zz[] = {z, z};
  CT_OK_(ct_stack(&out, zz, 2, 1));
  check_shape(out, 3, (int64_t[]){0, 2, 2});
  ct_tensor_release(out);
  ct_tensor_release(z);
  ct_tensor_release(a);
  ct_tensor_release(b);
  FAIL_IF_NOTED_("stack elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_stack_errors_and_out) {
  MEM_BEGIN;
  fail_reset();
  ct_tensor *x = pattern(CT_FLOAT32, 2, (int64_t[]){4, 3}, 0),
            *y = pattern(CT_FLOAT32, 2, (int64_t[]){3, 2}, 0);
  ct_tensor *e = pattern(CT_FLOAT32, 1, (int64_t[]){0}, 0), *v = pattern(CT_FLOAT32, 1, (int64_t[]){2}, 0);
  ct_tensor *out, *xy[] = {x, y}, *xn[] = {NULL, x}, *ev[] = {e, v};
  CT_FAILS_(ct_stack(NULL, xy, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_stack: out is NULL");
  FAILS_NULL_(out, ct_stack(&out, NULL, 1, 0), CT_ERR_INVALID_ARGUMENT, "ct_stack: tensors is NULL");
  FAILS_NULL_(out, ct_stack(&out, xy, 0, 0), CT_ERR_INVALID_ARGUMENT, "ct_stack: expected a non-empty list");
  FAILS_NULL_(out, ct_stack(&out, xn, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_stack: tensors[0] is NULL");
  FAILS_NULL_(out, ct_stack(&out, xy, 2, 0), CT_ERR_SHAPE,
              "ct_stack: tensors[1] has shape [3, 2] but tensors[0] has [4, 3]");
  /* No legacy skipping in stack. */
  FAILS_NULL_(out, ct_stack(&out, ev, 2, 0), CT_ERR_SHAPE,
              "ct_stack: tensors[1] has shape [2] but tensors[0] has [0]");
  FAILS_NULL_(out, ct_stack(&out, &x, 1, 3), CT_ERR_INDEX, "ct_stack: dim = 3 is out of range [-3, 2]");
  FAILS_NULL_(out, ct_stack(&out, &x, 1, -4), CT_ERR_INDEX, "ct_stack: dim = -4");

  /* stack_out: values, conversion, errors. */
  ct_tensor *xx[] = {x, v};
  ct_tensor *o;
  CT_OK_(ct_empty(&o, 3, (int64_t[]){4, 2, 3}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ct_tensor *xs[] = {x, x};
  CT_OK_(ct_stack_out(o, xs, 2, 1));
  check_stack_ref(o, xs, 1, "stack_out");
  CT_FAILS_(ct_stack_out(o, xs, 2, 0), CT_ERR_SHAPE,
            "ct_stack_out: out has shape [4, 2, 3] but the result has shape [2, 4, 3]");
  CT_FAILS_(ct_stack_out(o, xx, 2, 0), CT_ERR_SHAPE, "ct_stack_out: tensors[1]");
  CT_FAILS_(ct_stack_out(NULL, xs, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_stack_out: out is NULL");
  ct_tensor_release(o);
  CT_OK_(ct_empty(&o, 3, (int64_t[]){4, 2, 3}, CT_INT32, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_stack_out(o, xs, 2, 1), CT_ERR_DTYPE,
            "ct_stack_out: the result dtype float32 can't be cast to out's dtype int32");
  ct_tensor_release(o);
  /* out overlapping an input: stacking x's rows into x's own storage. */
  ct_tensor *r0, *r1, *dst;
  CT_OK_(ct_as_strided(&r0, x, 1, (int64_t[]){3}, (int64_t[]){1}, 0));
  CT_OK_(ct_as_strided(&r1, x, 1, (int64_t[]){3}, (int64_t[]){1}, 3));
  CT_OK_(ct_as_strided(&dst, x, 2, (int64_t[]){2, 3}, (int64_t[]){3, 1}, 6));
  ct_tensor *rr[] = {r0, r1};
  CT_OK_(ct_stack_out(dst, rr, 2, 0)); /* rows 0, 1 into rows 2, 3: apart */
  check_stack_ref(dst, rr, 0, "stack_out into the same storage");
  ct_tensor *r2 = NULL;
  CT_OK_(ct_as_strided(&r2, x, 1, (int64_t[]){3}, (int64_t[]){1}, 7));
  ct_tensor *r02[] = {r0, r2};
  CT_FAILS_(ct_stack_out(dst, r02, 2, 0), CT_ERR_INVALID_ARGUMENT,
            "ct_stack_out: out overlaps tensors[1] in memory");
  ct_tensor_release(r0);
  ct_tensor_release(r1);
  ct_tensor_release(r2);
  ct_tensor_release(dst);
  ct_tensor_release(x);
  ct_tensor_release(y);
  ct_tensor_release(e);
  ct_tensor_release(v);
  FAIL_IF_NOTED_("stack elements differ");
  MEM_END;
}
END_TEST

/* ---- split, chunk, unbind -------------------------------------------------------------------- */

/*
 * The views in outs[0 .. n-1] are t cut along dim into pieces of sizes[] (drop: unbind):
 * shapes, shared storage, storage offsets, strides, values, and a write through each seen in t.
 */
static void check_pieces(ct_tensor **outs, int32_t n, ct_tensor *t, int32_t dim, const int64_t *sizes,
                         bool drop, const char *what) {
  int32_t nd = ndim_of(t);
  int64_t shape[MAX_DIMS], strides[MAX_DIMS], off0 = 0;
  shape_of(t, shape);
  CT_OK_(ct_tensor_strides(strides, MAX_DIMS, t));
  CT_OK_(ct_tensor_storage_offset(&off0, t));
  int64_t start = 0;
  for (int32_t i = 0; i < n; i++) {
    ct_tensor *p = outs[i];
    ck_assert_ptr_nonnull(p);
    ck_assert(shares(p, t));
    ck_assert_int_eq(dtype_of(p), dtype_of(t));
    int64_t want[MAX_DIMS], wst[MAX_DIMS], off = -1;
    int32_t m = 0;
    for (int32_t d = 0; d < nd; d++) {
      if (drop && d == dim) continue;
      want[m] = d == dim ? sizes[i] : shape[d];
      wst[m++] = strides[d];
    }
    check_shape(p, m, want);
    check_strides(p, m, wst);
    CT_OK_(ct_tensor_storage_offset(&off, p));
    ck_assert_int_eq(off, off0 + start * strides[dim]);
    /* Values: element j of the piece is t at the same index shifted by start along dim. */
    int64_t idx[MAX_DIMS], tidx[MAX_DIMS];
    tview pv, tv;
    tv_get(&pv, p);
    tv_get(&tv, t);
    for (int64_t j = 0; j < pv.numel; j++) {
      unravel(j, m, want, idx);
      for (int32_t d = 0, q = 0; d < nd; d++) tidx[d] = d == dim ? start + (drop ? 0 : idx[q++]) : idx[q++];
      expect_tv(&pv, j, &tv, ravel(nd, shape, tidx), what);
    }
    start += sizes[i];
  }
  ck_assert_int_eq(start, shape[dim]);
}

/* A write through piece lands in t's memory: piece's first element is an element of t, and reads back. */
static void check_write_through(ct_tensor *piece, ct_tensor *t) {
  if (numel_of(piece) == 0) return;
  ct_tensor *seven = NULL;
  double v = 7;
  CT_OK_(ct_full_like(&seven, piece, &v, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_copy_(piece, seven));
  ct_tensor_release(seven);
  const void *pp = data_of(piece);
  bool seen = false;
  for (int64_t i = 0, n = numel_of(t); i < n && !seen; i++) {
    ct_dtype dt;
    seen = ct_test_elem_ptr(t, i, &dt) == pp && value(t, i) == value(piece, 0) && value(t, i) != 0;
  }
  ck_assert_msg(seen, "a write through a view was not seen in t");
}

START_TEST(test_split_sizes) {
  MEM_BEGIN;
  fail_reset();
  ct_tensor *outs[20];
  int32_t count = -1;
  for (size_t c = 0; c < sizeof split_cases / sizeof split_cases[0]; c++) {
    const struct chunk_case *k = &split_cases[c];
    ct_tensor *t = laid_out(CT_INT16, 2, (int64_t[]){2, k->n}, L_TRANSPOSED, 0);
    CT_OK_(ct_split(NULL, 0, &count, t, k->arg, 1));
    ck_assert_int_eq(count, k->count);
    CT_OK_(ct_split(outs, 20, &count, t, k->arg, -1));
    ck_assert_int_eq(count, k->count);
    check_pieces(outs, count, t, 1, k->sizes, false, "split");
    for (int32_t i = count; i < 20; i++) ck_assert_ptr_null(outs[i]);
    for (int32_t i = 0; i < count; i++) ct_tensor_release(outs[i]);
    ct_tensor_release(t);
  }
  for (size_t c = 0; c < sizeof chunk_cases / sizeof chunk_cases[0]; c++) {
    const struct chunk_case *k = &chunk_cases[c];
    ct_tensor *t = laid_out(CT_COMPLEX64, 2, (int64_t[]){k->n, 3}, L_STEPPED, 0);
    CT_OK_(ct_chunk(NULL, 0, &count, t, k->arg, 0));
    ck_assert_int_eq(count, k->count);
    CT_OK_(ct_chunk(outs, k->count, &count, t, k->arg, -2));
    ck_assert_int_eq(count, k->count);
    check_pieces(outs, count, t, 0, k->sizes, false, "chunk");
    for (int32_t i = 0; i < count; i++) ct_tensor_release(outs[i]);
    ct_tensor_release(t);
  }
  FAIL_IF_NOTED_("split or chunk values differ");
  MEM_END;
}
END_TEST

START_TEST(test_split_views) {
  MEM_BEGIN;
  fail_reset();
  ct_tensor *outs[8];
  int32_t count = -1;
  for (int k = 0; k < NDTYPES; k++)
    for (int layout = 0; layout < L_COUNT; layout++) {
      if (layout == L_EXPANDED) continue; /* writes through would alias */
      ct_dtype dt = all_dtypes[k];
      ct_tensor *t = laid_out(dt, 3, (int64_t[]){2, 5, 3}, layout, k);
      /* split by size */
      CT_OK_(ct_split(outs, 8, &count, t, 2, 1));
      ck_assert_int_eq(count, 3);
      check_pieces(outs, count, t, 1, (int64_t[]){2, 2, 1}, false, "split views");
      for (int32_t i = 0; i < count; i++) check_write_through(outs[i], t);
      for (int32_t i = 0; i < count; i++) ct_tensor_release(outs[i]);
      /* split by sizes, with a zero size */
      CT_OK_(ct_split_with_sizes(outs, 8, &count, t, (int64_t[]){1, 0, 2}, 3, -1));
      ck_assert_int_eq(count, 3);
      check_pieces(outs, count, t, 2, (int64_t[]){1, 0, 2}, false, "split_with_sizes views");
      for (int32_t i = 0; i < count; i++) check_write_through(outs[i], t);
      for (int32_t i = 0; i < count; i++) ct_tensor_release(outs[i]);
      /* unbind */
      CT_OK_(ct_unbind(outs, 8, &count, t, -2));
      ck_assert_int_eq(count, 5);
      check_pieces(outs, count, t, 1, (int64_t[]){1, 1, 1, 1, 1}, true, "unbind views");
      for (int32_t i = 0; i < count; i++) check_write_through(outs[i], t);
      for (int32_t i = 0; i < count; i++) ct_tensor_release(outs[i]);
      /* The views keep the storage alive after t goes. */
      CT_OK_(ct_chunk(outs, 8, &count, t, 2, 0));
      ck_assert_int_eq(count, 2);
      ct_tensor *copy = NULL;
      CT_OK_(ct_clone(&copy, t));
      ct_tensor_release(t);
      tview cv, pv;
      tv_get(&cv, copy);
      for (int32_t i = 0; i < count; i++) {
        tv_get(&pv, outs[i]);
        for (int64_t j = 0; j < 15; j++) expect_tv(&pv, j, &cv, i * 15 + j, "chunk views after release");
      }
      for (int32_t i = 0; i < count; i++) ct_tensor_release(outs[i]);
      ct_tensor_release(copy);
    }
  /* Views of a read-only tensor are read-only. */
  float mem[6] = {0, 1, 2, 3, 4, 5};
  ct_tensor *ro;
  CT_OK_(ct_from_blob(&ro, mem, 1, (int64_t[]){6}, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1, NULL, NULL,
                      CT_BLOB_READ_ONLY));
  CT_OK_(ct_split(outs, 8, &count, ro, 4, 0));
  ck_assert_int_eq(count, 2);
  ck_assert(read_only(outs[1]));
  ck_assert_ptr_eq(data_of(outs[1]), &mem[4]);
  for (int32_t i = 0; i < count; i++) ct_tensor_release(outs[i]);
  ct_tensor_release(ro);
  FAIL_IF_NOTED_("views differ");
  MEM_END;
}
END_TEST

START_TEST(test_split_unbind_edges) {
  MEM_BEGIN;
  fail_reset();
  ct_tensor *outs[4] = {POISON, POISON, POISON, POISON};
  int32_t count = -1;
  /* unbind of a size-0 dim gives no views; of a 1-d tensor, 0-d views. */
  ct_tensor *z = pattern(CT_FLOAT32, 2, (int64_t[]){0, 3}, 0);
  CT_OK_(ct_unbind(outs, 4, &count, z, 0));
  ck_assert_int_eq(count, 0);
  for (int i = 0; i < 4; i++) ck_assert_ptr_null(outs[i]);
  CT_OK_(ct_unbind(NULL, 0, &count, z, 0));
  ck_assert_int_eq(count, 0);
  CT_OK_(ct_unbind(outs, 4, &count, z, 1));
  ck_assert_int_eq(count, 3);
  for (int i = 0; i < 3; i++) check_shape(outs[i], 1, (int64_t[]){0});
  for (int i = 0; i < 3; i++) ct_tensor_release(outs[i]);
  ct_tensor *v = laid_out(CT_BFLOAT16, 1, (int64_t[]){3}, L_STEPPED, 0);
  CT_OK_(ct_unbind(outs, 3, &count, v, 0));
  ck_assert_int_eq(count, 3);
  check_pieces(outs, 3, v, 0, (int64_t[]){1, 1, 1}, true, "unbind 1-d");
  for (int i = 0; i < 3; i++) check_shape(outs[i], 0, NULL);
  for (int i = 0; i < 3; i++) ct_tensor_release(outs[i]);
  /* split_with_sizes with no sizes of an empty dim. */
  CT_OK_(ct_split_with_sizes(outs, 4, &count, z, NULL, 0, 0));
  ck_assert_int_eq(count, 0);
  /* split of a size-0 dim with split_size 0 gives one empty view. */
  CT_OK_(ct_split(outs, 4, &count, z, 0, 0));
  ck_assert_int_eq(count, 1);
  check_shape(outs[0], 2, (int64_t[]){0, 3});
  ct_tensor_release(outs[0]);
  ct_tensor_release(v);
  ct_tensor_release(z);
  FAIL_IF_NOTED_("views differ");
  MEM_END;
}
END_TEST

/* Every outs entry and count are cleared by a failing call. */
#define SPLIT_FAILS_(cap, call, code, needle)                                                                \
  do {                                                                                                       \
    for (int i_ = 0; i_ < 4; i_++) outs[i_] = POISON;                                                        \
    count = -7;                                                                                              \
    CT_FAILS_(call, code, needle);                                                                           \
    ck_assert_int_eq(count, 0);                                                                              \
    for (int i_ = 0; i_ < (cap); i_++) ck_assert_ptr_null(outs[i_]);                                         \
  } while (0)

START_TEST(test_split_errors) {
  MEM_BEGIN;
  ct_tensor *outs[4];
  int32_t count;
  ct_tensor *t = pattern(CT_FLOAT32, 2, (int64_t[]){5, 3}, 0), *s0 = pattern(CT_FLOAT32, 0, NULL, 0);
  /* The output protocol. */
  CT_FAILS_(ct_split(outs, 4, NULL, t, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_split: count is NULL");
  SPLIT_FAILS_(2, ct_split(outs, 2, &count, t, 2, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_split: capacity = 2 is less than the 3 views");
  SPLIT_FAILS_(0, ct_split(outs, -1, &count, t, 2, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_split: capacity = -1 is negative");
  count = -7;
  CT_FAILS_(ct_split(NULL, 3, &count, t, 2, 0), CT_ERR_INVALID_ARGUMENT,
            "ct_split: outs is NULL but capacity = 3");
  ck_assert_int_eq(count, 0);
  SPLIT_FAILS_(4, ct_split(outs, 4, &count, NULL, 2, 0), CT_ERR_INVALID_ARGUMENT, "ct_split: t is NULL");
  /* split */
  SPLIT_FAILS_(4, ct_split(outs, 4, &count, s0, 1, 0), CT_ERR_SHAPE, "ct_split: t is 0-d");
  SPLIT_FAILS_(4, ct_split(outs, 4, &count, t, 2, 2), CT_ERR_INDEX, "ct_split: dim = 2 is out of range");
  SPLIT_FAILS_(4, ct_split(outs, 4, &count, t, -1, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_split: split_size = -1 is negative");
  SPLIT_FAILS_(4, ct_split(outs, 4, &count, t, 0, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_split: split_size = 0 is only allowed for a dim of size 0, but dim 0 has size 5");
  /* split_with_sizes */
  SPLIT_FAILS_(4, ct_split_with_sizes(outs, 4, &count, t, (int64_t[]){2, 2}, 2, 0), CT_ERR_SHAPE,
               "ct_split_with_sizes: sizes [2, 2] sum to 4 but dim 0 of t has size 5");
  SPLIT_FAILS_(4, ct_split_with_sizes(outs, 4, &count, t, (int64_t[]){6, -1}, 2, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_split_with_sizes: sizes[1] = -1 is negative");
  SPLIT_FAILS_(4, ct_split_with_sizes(outs, 4, &count, t, (int64_t[]){INT64_MAX, INT64_MAX, 2}, 3, 0),
               CT_ERR_SHAPE, "sum to more than");
  SPLIT_FAILS_(4, ct_split_with_sizes(outs, 4, &count, t, NULL, 2, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_split_with_sizes: sizes is NULL but nsizes = 2");
  SPLIT_FAILS_(4, ct_split_with_sizes(outs, 4, &count, t, (int64_t[]){1}, -1, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_split_with_sizes: nsizes = -1 is negative");
  SPLIT_FAILS_(4, ct_split_with_sizes(outs, 4, &count, s0, (int64_t[]){1}, 1, 0), CT_ERR_SHAPE,
               "ct_split_with_sizes: t is 0-d");
  SPLIT_FAILS_(4, ct_split_with_sizes(outs, 4, &count, t, (int64_t[]){1, 2}, 2, -3), CT_ERR_INDEX,
               "ct_split_with_sizes: dim = -3");
  SPLIT_FAILS_(1, ct_split_with_sizes(outs, 1, &count, t, (int64_t[]){1, 2}, 2, 1), CT_ERR_INVALID_ARGUMENT,
               "ct_split_with_sizes: capacity = 1 is less than the 2 views");
  /* chunk */
  SPLIT_FAILS_(4, ct_chunk(outs, 4, &count, t, 0, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_chunk: chunks = 0 is not positive");
  SPLIT_FAILS_(4, ct_chunk(outs, 4, &count, s0, 1, 0), CT_ERR_SHAPE, "ct_chunk: t is 0-d");
  SPLIT_FAILS_(4, ct_chunk(outs, 4, &count, t, 2, 5), CT_ERR_INDEX, "ct_chunk: dim = 5");
  SPLIT_FAILS_(2, ct_chunk(outs, 2, &count, t, 3, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_chunk: capacity = 2 is less than the 3");
  ct_tensor *z = pattern(CT_FLOAT32, 1, (int64_t[]){0}, 0);
  SPLIT_FAILS_(4, ct_chunk(outs, 4, &count, z, (int64_t)1 << 40, 0), CT_ERR_INVALID_ARGUMENT,
               "more than an int32 count holds");
  /* unbind */
  SPLIT_FAILS_(4, ct_unbind(outs, 4, &count, s0, 0), CT_ERR_INDEX,
               "ct_unbind: dim = 0 is out of range for a 0-d tensor");
  SPLIT_FAILS_(4, ct_unbind(outs, 4, &count, t, 2), CT_ERR_INDEX, "ct_unbind: dim = 2");
  SPLIT_FAILS_(4, ct_unbind(outs, 4, &count, t, 0), CT_ERR_INVALID_ARGUMENT,
               "ct_unbind: capacity = 4 is less than the 5");
  ct_tensor_release(z);
  ct_tensor_release(t);
  ct_tensor_release(s0);
  MEM_END;
}
END_TEST

/* ---- flip ------------------------------------------------------------------------------------ */

START_TEST(test_flip_cases) {
  MEM_BEGIN;
  fail_reset();
  for (size_t c = 0; c < sizeof flip_cases / sizeof flip_cases[0]; c++) {
    const struct flip_case *k = &flip_cases[c];
    ct_tensor *t = arange_shaped(k->ndim, k->shape), *out;
    CT_OK_(ct_flip(&out, t, k->dims, k->ndims));
    check_shape(out, k->ndim, k->shape);
    ck_assert(!shares(out, t));
    expect_values(out, k->values, "flip");
    ct_tensor_release(out);
    ct_tensor_release(t);
  }
  FAIL_IF_NOTED_("flip values differ from PyTorch");
  MEM_END;
}
END_TEST

START_TEST(test_flip_reference) {
  MEM_BEGIN;
  fail_reset();
  const int64_t shape[3] = {3, 1, 4};
  for (int k = 0; k < NDTYPES; k++)
    for (int layout = 0; layout < L_COUNT; layout++)
      for (int mask = 0; mask < 8; mask++) {
        ct_tensor *t = laid_out(all_dtypes[k], 3, shape, layout, k), *out;
        int64_t dims[3];
        int32_t nd = 0;
        bool flipped[3] = {false, false, false};
        for (int32_t d = 0; d < 3; d++)
          if (mask & (1 << d)) {
            dims[nd++] = d % 2 ? d : d - 3; /* some negative */
            flipped[d] = true;
          }
        CT_OK_(ct_flip(&out, t, dims, nd));
        ck_assert_int_eq(dtype_of(out), all_dtypes[k]);
        char what[64];
        snprintf(what, sizeof what, "flip %d %s mask %d", (int)all_dtypes[k], layout_names[layout], mask);
        check_flip_ref(out, t, flipped, what);
        ct_tensor_release(out);
        ct_tensor_release(t);
      }
  /* Laid out as clone: a transposed input stays transposed; an expanded one becomes contiguous. */
  ct_tensor *t = laid_out(CT_FLOAT32, 2, (int64_t[]){3, 4}, L_TRANSPOSED, 0), *out;
  CT_OK_(ct_flip(&out, t, (int64_t[]){0}, 1));
  check_strides(out, 2, (int64_t[]){1, 3});
  check_flip_ref(out, t, (bool[]){true, false}, "flip transposed");
  ct_tensor_release(out);
  ct_tensor_release(t);
  t = laid_out(CT_FLOAT32, 2, (int64_t[]){3, 4}, L_EXPANDED, 0);
  CT_OK_(ct_flip(&out, t, (int64_t[]){1}, 1));
  check_strides(out, 2, (int64_t[]){4, 1});
  ct_tensor_release(out);
  ct_tensor_release(t);
  /* 0-d accepts dim 0 and -1; size 0 and no dims give copies. */
  t = pattern(CT_INT64, 0, NULL, 3);
  CT_OK_(ct_flip(&out, t, (int64_t[]){-1}, 1));
  check_shape(out, 0, NULL);
  ck_assert_int_eq(ivalue(out, 0), 3);
  ct_tensor_release(out);
  CT_OK_(ct_flip(&out, t, (int64_t[]){0}, 1));
  ct_tensor_release(out);
  ct_tensor_release(t);
  t = pattern(CT_INT64, 2, (int64_t[]){0, 2}, 0);
  CT_OK_(ct_flip(&out, t, (int64_t[]){0, 1}, 2));
  check_shape(out, 2, (int64_t[]){0, 2});
  ct_tensor_release(out);
  ct_tensor_release(t);
  t = pattern(CT_UINT8, 1, (int64_t[]){5}, 1);
  CT_OK_(ct_flip(&out, t, NULL, 0));
  ck_assert(!shares(out, t));
  check_flip_ref(out, t, (bool[]){false}, "flip no dims");
  ct_tensor_release(out);
  ct_tensor_release(t);
  FAIL_IF_NOTED_("flip elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_flip_errors) {
  MEM_BEGIN;
  ct_tensor *t = pattern(CT_FLOAT32, 2, (int64_t[]){2, 3}, 0), *s0 = pattern(CT_FLOAT32, 0, NULL, 0), *out;
  CT_FAILS_(ct_flip(NULL, t, (int64_t[]){0}, 1), CT_ERR_INVALID_ARGUMENT, "ct_flip: out is NULL");
  FAILS_NULL_(out, ct_flip(&out, NULL, (int64_t[]){0}, 1), CT_ERR_INVALID_ARGUMENT, "ct_flip: t is NULL");
  FAILS_NULL_(out, ct_flip(&out, t, NULL, 1), CT_ERR_INVALID_ARGUMENT, "ct_flip: dims is NULL but ndims = 1");
  FAILS_NULL_(out, ct_flip(&out, t, (int64_t[]){0}, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_flip: ndims = -1 is negative");
  FAILS_NULL_(out, ct_flip(&out, t, (int64_t[]){0, -2}, 2), CT_ERR_INVALID_ARGUMENT,
              "ct_flip: dim 0 appears more than once in dims");
  FAILS_NULL_(out, ct_flip(&out, t, (int64_t[]){2}, 1), CT_ERR_INDEX,
              "ct_flip: dim = 2 is out of range [-2, 1]");
  FAILS_NULL_(out, ct_flip(&out, s0, (int64_t[]){1}, 1), CT_ERR_INDEX,
              "ct_flip: dim = 1 is out of range [-1, 0]");
  float one = 1;
  ct_tensor *big;
  CT_OK_(ct_from_blob(&big, &one, 2, (int64_t[]){1LL << 29, 1LL << 30}, (int64_t[]){0, 0}, CT_FLOAT32,
                      CT_DEVICE_NONE, -1, NULL, NULL, 0));
  FAILS_NULL_(out, ct_flip(&out, big, (int64_t[]){0}, 1), CT_ERR_OUT_OF_MEMORY, "ct_flip");
  ct_tensor_release(big);
  ct_tensor_release(t);
  ct_tensor_release(s0);
  MEM_END;
}
END_TEST

/* ---- roll ------------------------------------------------------------------------------------ */

START_TEST(test_roll_cases) {
  MEM_BEGIN;
  fail_reset();
  for (size_t c = 0; c < sizeof roll_cases / sizeof roll_cases[0]; c++) {
    const struct roll_case *k = &roll_cases[c];
    for (int layout = 0; layout < L_COUNT; layout++) {
      if (layout == L_EXPANDED) continue;
      /* The arange values copied into the layout. */
      ct_tensor *a = arange_shaped(k->ndim, k->shape),
                *t = laid_out(CT_FLOAT64, k->ndim, k->shape, layout, 0), *out;
      CT_OK_(ct_copy_(t, a));
      CT_OK_(ct_roll(&out, t, k->shifts, k->nshifts, k->dims, k->ndims));
      check_shape(out, k->ndim, k->shape);
      check_contiguous_strides(out);
      char what[64];
      snprintf(what, sizeof what, "roll case %d %s", (int)c, layout_names[layout]);
      expect_values(out, k->values, what);
      ct_tensor_release(out);
      ct_tensor_release(t);
      ct_tensor_release(a);
    }
  }
  FAIL_IF_NOTED_("roll values differ from PyTorch");
  MEM_END;
}
END_TEST

START_TEST(test_roll_reference) {
  MEM_BEGIN;
  fail_reset();
  /* Every dtype and layout; shifts beyond the size and negative ones. */
  for (int k = 0; k < NDTYPES; k++)
    for (int layout = 0; layout < L_COUNT; layout++) {
      ct_tensor *t = laid_out(all_dtypes[k], 3, (int64_t[]){3, 4, 2}, layout, k), *out;
      CT_OK_(ct_roll(&out, t, (int64_t[]){-7, 5}, 2, (int64_t[]){1, 0}, 2));
      char what[64];
      snprintf(what, sizeof what, "roll %d %s", (int)all_dtypes[k], layout_names[layout]);
      check_roll_ref(out, t, (int64_t[]){2, 1, 0}, what);
      ct_tensor_release(out);
      ct_tensor_release(t);
    }
  /* Many rolled dims (several passes: 5 dims is 2 passes, 9 dims 3), transposed. */
  for (int32_t nd = 1; nd <= 9; nd++) {
    int64_t shape[9], shifts[9], dims[9], want[9];
    for (int32_t d = 0; d < nd; d++) {
      shape[d] = 2 + d % 2;
      shifts[d] = d + 1;
      dims[d] = nd - 1 - d;
    }
    for (int32_t d = 0; d < nd; d++) want[dims[d]] = shifts[d];
    ct_tensor *t = laid_out(CT_INT32, nd, shape, L_TRANSPOSED, nd), *out;
    CT_OK_(ct_roll(&out, t, shifts, nd, dims, nd));
    check_roll_ref(out, t, want, "roll many dims");
    ct_tensor_release(out);
    ct_tensor_release(t);
  }
  /* Flattened rolls of non-contiguous tensors. */
  for (int layout = 0; layout < L_COUNT; layout++) {
    ct_tensor *t = laid_out(CT_FLOAT16, 2, (int64_t[]){3, 5}, layout, 1), *out, *c;
    CT_OK_(ct_roll(&out, t, (int64_t[]){-4}, 1, NULL, 0));
    CT_OK_(ct_contiguous(&c, t));
    tview ov, cv;
    tv_get(&ov, out);
    tv_get(&cv, c);
    for (int64_t i = 0; i < 15; i++) expect_tv(&ov, i, &cv, mod(i + 4, 15), "roll flattened");
    ct_tensor_release(c);
    ct_tensor_release(out);
    ct_tensor_release(t);
  }
  /* 0-d and size 0. */
  ct_tensor *t = pattern(CT_COMPLEX128, 0, NULL, 2), *out;
  CT_OK_(ct_roll(&out, t, (int64_t[]){3}, 1, NULL, 0));
  check_shape(out, 0, NULL);
  expect_from(out, 0, t, 0, "roll 0-d");
  ct_tensor_release(out);
  ct_tensor_release(t);
  t = pattern(CT_BOOL, 2, (int64_t[]){0, 3}, 0);
  CT_OK_(ct_roll(&out, t, (int64_t[]){1, 1}, 2, (int64_t[]){0, 1}, 2));
  check_shape(out, 2, (int64_t[]){0, 3});
  ct_tensor_release(out);
  CT_OK_(ct_roll(&out, t, (int64_t[]){1}, 1, NULL, 0));
  check_shape(out, 2, (int64_t[]){0, 3});
  ct_tensor_release(out);
  ct_tensor_release(t);
  /* Extreme shifts. */
  t = pattern(CT_INT8, 1, (int64_t[]){7}, 0);
  CT_OK_(ct_roll(&out, t, (int64_t[]){INT64_MIN, INT64_MAX}, 2, (int64_t[]){0, 0}, 2));
  check_roll_ref(out, t, (int64_t[]){mod(mod(INT64_MIN, 7) + mod(INT64_MAX, 7), 7)}, "roll extreme shifts");
  ct_tensor_release(out);
  ct_tensor_release(t);
  FAIL_IF_NOTED_("roll elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_roll_errors) {
  MEM_BEGIN;
  ct_tensor *t = pattern(CT_FLOAT32, 2, (int64_t[]){2, 3}, 0), *s0 = pattern(CT_FLOAT32, 0, NULL, 0), *out;
  CT_FAILS_(ct_roll(NULL, t, (int64_t[]){1}, 1, NULL, 0), CT_ERR_INVALID_ARGUMENT, "ct_roll: out is NULL");
  FAILS_NULL_(out, ct_roll(&out, NULL, (int64_t[]){1}, 1, NULL, 0), CT_ERR_INVALID_ARGUMENT,
              "ct_roll: t is NULL");
  FAILS_NULL_(out, ct_roll(&out, t, NULL, 0, NULL, 0), CT_ERR_INVALID_ARGUMENT, "ct_roll: shifts is empty");
  FAILS_NULL_(out, ct_roll(&out, t, NULL, 1, NULL, 0), CT_ERR_INVALID_ARGUMENT,
              "ct_roll: shifts is NULL but nshifts = 1");
  FAILS_NULL_(out, ct_roll(&out, t, (int64_t[]){1}, 1, NULL, 1), CT_ERR_INVALID_ARGUMENT,
              "ct_roll: dims is NULL but ndims = 1");
  FAILS_NULL_(out, ct_roll(&out, t, (int64_t[]){1}, -1, NULL, 0), CT_ERR_INVALID_ARGUMENT,
              "ct_roll: nshifts = -1");
  FAILS_NULL_(out, ct_roll(&out, t, (int64_t[]){1, 2}, 2, NULL, 0), CT_ERR_INVALID_ARGUMENT,
              "ct_roll: 2 shifts but no dims");
  FAILS_NULL_(out, ct_roll(&out, t, (int64_t[]){1, 2}, 2, (int64_t[]){0}, 1), CT_ERR_INVALID_ARGUMENT,
              "ct_roll: 2 shifts but 1 dims");
  FAILS_NULL_(out, ct_roll(&out, t, (int64_t[]){1}, 1, (int64_t[]){2}, 1), CT_ERR_INDEX,
              "ct_roll: dim = 2 is out of range");
  FAILS_NULL_(out, ct_roll(&out, s0, (int64_t[]){1}, 1, (int64_t[]){0}, 1), CT_ERR_INDEX,
              "ct_roll: dim = 0 is out of range for a 0-d tensor");
  ct_tensor_release(t);
  ct_tensor_release(s0);
  MEM_END;
}
END_TEST

/* ---- repeat and tile ------------------------------------------------------------------------- */

START_TEST(test_repeat_cases) {
  MEM_BEGIN;
  fail_reset();
  for (size_t c = 0; c < sizeof repeat_cases / sizeof repeat_cases[0]; c++) {
    const struct repeat_case *k = &repeat_cases[c];
    ct_tensor *t = arange_shaped(k->ndim, k->shape), *out;
    if (k->tile)
      CT_OK_(ct_tile(&out, t, k->reps, k->nreps));
    else
      CT_OK_(ct_repeat(&out, t, k->reps, k->nreps));
    check_shape(out, k->out_ndim, k->out_shape);
    check_contiguous_strides(out);
    char what[48];
    snprintf(what, sizeof what, "%s case %d", k->tile ? "tile" : "repeat", (int)c);
    expect_values(out, k->values, what);
    ct_tensor_release(out);
    ct_tensor_release(t);
  }
  FAIL_IF_NOTED_("repeat or tile values differ from PyTorch");
  MEM_END;
}
END_TEST

START_TEST(test_repeat_reference) {
  MEM_BEGIN;
  fail_reset();
  for (int k = 0; k < NDTYPES; k++)
    for (int layout = 0; layout < L_COUNT; layout++) {
      ct_tensor *t = laid_out(all_dtypes[k], 2, (int64_t[]){2, 3}, layout, k), *out;
      char what[64];
      snprintf(what, sizeof what, "repeat %d %s", (int)all_dtypes[k], layout_names[layout]);
      CT_OK_(ct_repeat(&out, t, (int64_t[]){2, 3, 1}, 3));
      check_shape(out, 3, (int64_t[]){2, 6, 3});
      ck_assert_int_eq(dtype_of(out), all_dtypes[k]);
      check_repeat_ref(out, t, what);
      ct_tensor_release(out);
      CT_OK_(ct_tile(&out, t, (int64_t[]){3}, 1));
      check_shape(out, 2, (int64_t[]){2, 9});
      check_repeat_ref(out, t, what);
      ct_tensor_release(out);
      ct_tensor_release(t);
    }
  /* Repeats of ones: a copy. 0-d repeated into dims. */
  ct_tensor *t = laid_out(CT_INT64, 2, (int64_t[]){3, 2}, L_TRANSPOSED, 0), *out;
  CT_OK_(ct_repeat(&out, t, (int64_t[]){1, 1}, 2));
  ck_assert(!shares(out, t));
  check_repeat_ref(out, t, "repeat ones");
  ct_tensor_release(out);
  ct_tensor_release(t);
  t = pattern(CT_FLOAT32, 0, NULL, 4);
  CT_OK_(ct_repeat(&out, t, (int64_t[]){2, 3}, 2));
  check_shape(out, 2, (int64_t[]){2, 3});
  check_repeat_ref(out, t, "repeat 0-d");
  ct_tensor_release(out);
  CT_OK_(ct_repeat(&out, t, NULL, 0));
  check_shape(out, 0, NULL);
  ct_tensor_release(out);
  ct_tensor_release(t);
  /* A large repeat along dim 0 (rows copied whole). */
  t = pattern(CT_FLOAT32, 2, (int64_t[]){4, 1000}, 0);
  CT_OK_(ct_repeat(&out, t, (int64_t[]){50, 2}, 2));
  check_shape(out, 2, (int64_t[]){200, 2000});
  check_repeat_ref(out, t, "repeat large");
  ct_tensor_release(out);
  ct_tensor_release(t);
  FAIL_IF_NOTED_("repeat elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_repeat_errors) {
  MEM_BEGIN;
  ct_tensor *t = pattern(CT_FLOAT32, 2, (int64_t[]){2, 3}, 0), *out;
  CT_FAILS_(ct_repeat(NULL, t, (int64_t[]){1, 1}, 2), CT_ERR_INVALID_ARGUMENT, "ct_repeat: out is NULL");
  FAILS_NULL_(out, ct_repeat(&out, NULL, (int64_t[]){1, 1}, 2), CT_ERR_INVALID_ARGUMENT,
              "ct_repeat: t is NULL");
  FAILS_NULL_(out, ct_repeat(&out, t, (int64_t[]){2}, 1), CT_ERR_INVALID_ARGUMENT,
              "ct_repeat: nrepeats = 1 is less than t's 2 dims");
  FAILS_NULL_(out, ct_repeat(&out, t, NULL, 2), CT_ERR_INVALID_ARGUMENT,
              "ct_repeat: repeats is NULL but nrepeats = 2");
  FAILS_NULL_(out, ct_repeat(&out, t, (int64_t[]){1}, -1), CT_ERR_INVALID_ARGUMENT,
              "ct_repeat: nrepeats = -1");
  FAILS_NULL_(out, ct_repeat(&out, t, (int64_t[]){2, -1}, 2), CT_ERR_INVALID_ARGUMENT,
              "ct_repeat: repeats[1] = -1 is negative");
  FAILS_NULL_(out, ct_repeat(&out, t, (int64_t[]){INT64_MAX / 2 + 1, 1}, 2), CT_ERR_SHAPE,
              "ct_repeat: shape [2, 3] repeated");
  FAILS_NULL_(out, ct_repeat(&out, t, (int64_t[]){1LL << 40, 1LL << 20}, 2), CT_ERR_SHAPE,
              "ct_repeat: shape");
  FAILS_NULL_(out, ct_repeat(&out, t, (int64_t[]){1LL << 28, 1LL << 28}, 2), CT_ERR_OUT_OF_MEMORY,
              "ct_repeat");
  CT_FAILS_(ct_tile(NULL, t, (int64_t[]){1}, 1), CT_ERR_INVALID_ARGUMENT, "ct_tile: out is NULL");
  FAILS_NULL_(out, ct_tile(&out, NULL, (int64_t[]){1}, 1), CT_ERR_INVALID_ARGUMENT, "ct_tile: t is NULL");
  FAILS_NULL_(out, ct_tile(&out, t, NULL, 1), CT_ERR_INVALID_ARGUMENT, "ct_tile: dims is NULL but ndims = 1");
  FAILS_NULL_(out, ct_tile(&out, t, (int64_t[]){-2}, 1), CT_ERR_INVALID_ARGUMENT,
              "ct_tile: dims[0] = -2 is negative");
  FAILS_NULL_(out, ct_tile(&out, t, (int64_t[]){1, 1, -1}, 3), CT_ERR_INVALID_ARGUMENT,
              "ct_tile: dims[2] = -1 is negative");
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- tril and triu --------------------------------------------------------------------------- */

START_TEST(test_tri_cases) {
  MEM_BEGIN;
  fail_reset();
  for (size_t c = 0; c < sizeof tri_cases / sizeof tri_cases[0]; c++) {
    const struct tri_case *k = &tri_cases[c];
    ct_tensor *t = arange_shaped(k->ndim, k->shape), *out;
    CT_OK_((k->upper ? ct_triu : ct_tril)(&out, t, k->diagonal));
    check_shape(out, k->ndim, k->shape);
    char what[48];
    snprintf(what, sizeof what, "%s case %d", k->upper ? "triu" : "tril", (int)c);
    expect_values(out, k->values, what);
    ct_tensor_release(out);
    /* The same in place, on a copy. */
    CT_OK_((k->upper ? ct_triu_ : ct_tril_)(t, k->diagonal));
    expect_values(t, k->values, what);
    ct_tensor_release(t);
  }
  FAIL_IF_NOTED_("tril or triu values differ from PyTorch");
  MEM_END;
}
END_TEST

START_TEST(test_tri_reference) {
  MEM_BEGIN;
  fail_reset();
  const int64_t diags[] = {-3, -1, 0, 2, INT64_MIN, INT64_MAX};
  for (int k = 0; k < NDTYPES; k++)
    for (int layout = 0; layout < L_COUNT; layout++)
      for (int upper = 0; upper < 2; upper++)
        for (size_t j = 0; j < sizeof diags / sizeof diags[0]; j++) {
          ct_tensor *t = laid_out(all_dtypes[k], 3, (int64_t[]){2, 4, 3}, layout, k), *out;
          char what[64];
          snprintf(what, sizeof what, "%s %d %s %lld", upper ? "triu" : "tril", (int)all_dtypes[k],
                   layout_names[layout], (long long)diags[j]);
          CT_OK_((upper ? ct_triu : ct_tril)(&out, t, diags[j]));
          check_contiguous_strides(out);
          ck_assert_int_eq(dtype_of(out), all_dtypes[k]);
          check_tri_ref(out, t, diags[j], upper, what);
          /* In place on a non-expanded copy laid out the same; out into a transposed tensor. */
          if (layout != L_EXPANDED) {
            ct_tensor *u = laid_out(all_dtypes[k], 3, (int64_t[]){2, 4, 3}, layout, 0);
            CT_OK_(ct_copy_(u, t));
            CT_OK_((upper ? ct_triu_ : ct_tril_)(u, diags[j]));
            check_tri_ref(u, t, diags[j], upper, what);
            ct_tensor_release(u);
          }
          ct_tensor *o = laid_out(all_dtypes[k], 3, (int64_t[]){2, 4, 3}, L_TRANSPOSED, 0);
          CT_OK_((upper ? ct_triu_out : ct_tril_out)(o, t, diags[j]));
          check_tri_ref(o, t, diags[j], upper, what);
          ct_tensor_release(o);
          ct_tensor_release(out);
          ct_tensor_release(t);
        }
  FAIL_IF_NOTED_("tril or triu elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_tri_large_threads) {
  MEM_BEGIN;
  fail_reset();
  int32_t saved;
  CT_OK_(ct_get_num_threads(&saved));
  ct_tensor *t = pattern(CT_FLOAT32, 3, (int64_t[]){3, 300, 257}, 0), *a, *b;
  CT_OK_(ct_set_num_threads(1));
  CT_OK_(ct_triu(&a, t, 5));
  const char *env = getenv("OMP_NUM_THREADS");
  CT_OK_(ct_set_num_threads(UNDER_VALGRIND() || (env && strcmp(env, "1") == 0) ? 1 : 2));
  CT_OK_(ct_triu(&b, t, 5));
  CT_OK_(ct_set_num_threads(saved));
  ck_assert(memcmp(data_of(a), data_of(b), 3 * 300 * 257 * sizeof(float)) == 0);
  check_tri_ref(b, t, 5, true, "triu large");
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(t);
  FAIL_IF_NOTED_("triu elements differ");
  MEM_END;
}
END_TEST

START_TEST(test_tri_out_and_errors) {
  MEM_BEGIN;
  ct_tensor *t = pattern(CT_FLOAT32, 2, (int64_t[]){3, 3}, 1), *v = pattern(CT_FLOAT32, 1, (int64_t[]){3}, 0),
            *out;
  /* out is t itself, or the same view through another header: in place. */
  ct_tensor *ref, *same;
  CT_OK_(ct_clone(&ref, t));
  CT_OK_(ct_tril_out(t, t, 0));
  fail_reset();
  check_tri_ref(t, ref, 0, false, "tril_out in place");
  CT_OK_(ct_as_strided(&same, t, 2, (int64_t[]){3, 3}, (int64_t[]){3, 1}, 0));
  CT_OK_(ct_triu_out(same, t, 0));
  for (int64_t i = 0; i < 9; i++) ck_assert_double_eq(value(t, i), i % 4 == 0 ? value(ref, i) : 0);
  FAIL_IF_NOTED_("tril_out differs");
  /* Size 0. */
  ct_tensor *z = pattern(CT_INT32, 3, (int64_t[]){2, 0, 3}, 0);
  CT_OK_(ct_tril(&out, z, 0));
  check_shape(out, 3, (int64_t[]){2, 0, 3});
  ct_tensor_release(out);
  CT_OK_(ct_triu_(z, 1));
  ct_tensor_release(z);

  CT_FAILS_(ct_tril(NULL, t, 0), CT_ERR_INVALID_ARGUMENT, "ct_tril: out is NULL");
  FAILS_NULL_(out, ct_tril(&out, NULL, 0), CT_ERR_INVALID_ARGUMENT, "ct_tril: t is NULL");
  FAILS_NULL_(out, ct_triu(&out, v, 0), CT_ERR_SHAPE, "ct_triu: t has shape [3]; it needs at least 2 dims");
  CT_FAILS_(ct_tril_(NULL, 0), CT_ERR_INVALID_ARGUMENT, "ct_tril_: t is NULL");
  CT_FAILS_(ct_triu_(v, 0), CT_ERR_SHAPE, "ct_triu_: t has shape [3]");
  CT_FAILS_(ct_tril_out(NULL, t, 0), CT_ERR_INVALID_ARGUMENT, "ct_tril_out: out is NULL");
  CT_FAILS_(ct_triu_out(t, NULL, 0), CT_ERR_INVALID_ARGUMENT, "ct_triu_out: t is NULL");
  /* Read-only, expanded. */
  float mem[9] = {0};
  ct_tensor *ro, *ex, *o;
  CT_OK_(ct_from_blob(&ro, mem, 2, (int64_t[]){3, 3}, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1, NULL, NULL,
                      CT_BLOB_READ_ONLY));
  CT_FAILS_(ct_tril_(ro, 0), CT_ERR_READ_ONLY, "ct_tril_: t is read-only");
  CT_FAILS_(ct_tril_out(ro, t, 0), CT_ERR_READ_ONLY, "ct_tril_out: out is read-only");
  CT_OK_(ct_tril(&out, ro, 0)); /* reading is fine */
  ct_tensor_release(out);
  CT_OK_(ct_as_strided(&ex, t, 2, (int64_t[]){3, 3}, (int64_t[]){0, 1}, 0));
  CT_FAILS_(ct_triu_(ex, 0), CT_ERR_INVALID_ARGUMENT, "ct_triu_: more than one element of t");
  CT_FAILS_(ct_triu_out(ex, ref, 0), CT_ERR_INVALID_ARGUMENT, "ct_triu_out: more than one element of out");
  /* out's shape, dtype, overlap. */
  CT_OK_(ct_empty(&o, 2, (int64_t[]){3, 4}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_tril_out(o, t, 0), CT_ERR_SHAPE,
            "ct_tril_out: out has shape [3, 4] but the result has shape [3, 3]");
  ct_tensor_release(o);
  CT_OK_(ct_empty(&o, 2, (int64_t[]){3, 3}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_tril_out(o, t, 0), CT_ERR_DTYPE,
            "ct_tril_out: out has dtype float64 but the result has dtype float32");
  ct_tensor_release(o);
  CT_OK_(ct_as_strided(&o, t, 2, (int64_t[]){3, 3}, (int64_t[]){1, 3}, 0)); /* t transposed */
  CT_FAILS_(ct_tril_out(o, t, 0), CT_ERR_INVALID_ARGUMENT, "ct_tril_out: out overlaps t in memory");
  ct_tensor_release(o);
  ct_tensor_release(ex);
  ct_tensor_release(ro);
  ct_tensor_release(same);
  ct_tensor_release(ref);
  ct_tensor_release(v);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- inputs are only read -------------------------------------------------------------------- */

START_TEST(test_read_only_inputs) {
  MEM_BEGIN;
  fail_reset();
  int32_t mem[6] = {1, 2, 3, 4, 5, 6};
  ct_tensor *ro, *out;
  CT_OK_(ct_from_blob(&ro, mem, 2, (int64_t[]){2, 3}, NULL, CT_INT32, CT_DEVICE_NONE, -1, NULL, NULL,
                      CT_BLOB_READ_ONLY));
  ct_tensor *rr[] = {ro, ro};
  CT_OK_(ct_cat(&out, rr, 2, 1));
  ck_assert(!read_only(out));
  check_cat_ref(out, rr, 2, 1, "cat of read-only");
  ct_tensor_release(out);
  CT_OK_(ct_stack(&out, rr, 2, 0));
  ct_tensor_release(out);
  CT_OK_(ct_flip(&out, ro, (int64_t[]){1}, 1));
  ct_tensor_release(out);
  CT_OK_(ct_roll(&out, ro, (int64_t[]){1}, 1, (int64_t[]){1}, 1));
  ct_tensor_release(out);
  CT_OK_(ct_repeat(&out, ro, (int64_t[]){2, 2}, 2));
  ct_tensor_release(out);
  CT_OK_(ct_triu(&out, ro, 0));
  ct_tensor_release(out);
  for (int i = 0; i < 6; i++) ck_assert_int_eq(mem[i], i + 1);
  ct_tensor_release(ro);
  FAIL_IF_NOTED_("elements differ");
  MEM_END;
}
END_TEST

int main(void) {
  const ct_test_case tests[] = {
      {"cat_values", test_cat_values},
      {"cat_single_and_many", test_cat_single_and_many},
      {"cat_large_contiguous", test_cat_large_contiguous},
      {"cat_promotion", test_cat_promotion},
      {"cat_legacy_empty", test_cat_legacy_empty},
      {"cat_errors", test_cat_errors},
      {"cat_out", test_cat_out},
      {"stack_values", test_stack_values},
      {"stack_errors_and_out", test_stack_errors_and_out},
      {"split_sizes", test_split_sizes},
      {"split_views", test_split_views},
      {"split_unbind_edges", test_split_unbind_edges},
      {"split_errors", test_split_errors},
      {"flip_cases", test_flip_cases},
      {"flip_reference", test_flip_reference},
      {"flip_errors", test_flip_errors},
      {"roll_cases", test_roll_cases},
      {"roll_reference", test_roll_reference},
      {"roll_errors", test_roll_errors},
      {"repeat_cases", test_repeat_cases},
      {"repeat_reference", test_repeat_reference},
      {"repeat_errors", test_repeat_errors},
      {"tri_cases", test_tri_cases},
      {"tri_reference", test_tri_reference},
      {"tri_large_threads", test_tri_large_threads},
      {"tri_out_and_errors", test_tri_out_and_errors},
      {"read_only_inputs", test_read_only_inputs},
  };
  Suite *s = suite_create("structure");
  const ct_test_tcase_opts opts = {.timeout = 120};
  CT_TEST_ADD_CASES_(s, tests, &opts);
  return ct_test_run(s);
}
