/*
 * check_linalg.c: tests of include/ctensor/linalg.h: matmul with every shape
 * rule (1-D, 2-D, batched with broadcasting, size-0 dims, k = 0), mm, bmm,
 * mv, dot, outer, addmm and baddbmm (beta, alpha, broadcast input, beta = 0
 * ignoring NaN, in place), the _out forms (strided and transposed out, wrong
 * shape or dtype, read-only, aliasing an operand), einsum's forms and
 * malformed equations, results independent of the thread count, and every
 * documented error.
 *
 * The reference is a naive triple loop in this file, accumulating in double
 * (complex double) or in wrapping 64-bit integers, over the operands' values
 * read element by element. Operand values are small multiples of 1/8, so that
 * every float sum is exact in any order: BLAS and the built-in kernel must
 * then match the reference rounded once to the dtype, bit for bit (float16
 * and bfloat16 included, which checks that they round once). One test uses
 * general values with a tolerance instead.
 *
 * Every test records the allocator statistics first and checks at the end
 * that it left nothing behind (CK_FORK=no runs the tests in one process).
 */
#include <math.h>
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

/* ---- operands --------------------------------------------------------------------------------- */

static const ct_dtype all_dtypes[] = {CT_UINT8, CT_INT8, CT_INT16, CT_INT32, CT_INT64,
                                      CT_FLOAT16, CT_BFLOAT16, CT_FLOAT32, CT_FLOAT64,
                                      CT_COMPLEX64, CT_COMPLEX128};
enum { N_DTYPES = sizeof all_dtypes / sizeof all_dtypes[0] };

static bool is_complex(ct_dtype d) { return d == CT_COMPLEX64 || d == CT_COMPLEX128; }
static bool is_integral(ct_dtype d) { return d <= CT_INT64; }

static const char *dname(ct_dtype d) {
  const char *n = "?";
  ct_dtype_name(&n, d);
  return n;
}

/* A hash of (seed, i) for operand values. */
static uint64_t mix(uint64_t seed, int64_t i) {
  uint64_t x = seed * 0x9E3779B97F4A7C15u + (uint64_t)i * 0xBF58476D1CE4E5B9u + 1;
  x ^= x >> 31;
  x *= 0x94D049BB133111EBu;
  x ^= x >> 29;
  return x;
}

/*
 * Value i of a pseudo-random operand: multiples of 1/8 in [-1, 1] for
 * floating dtypes (complex: both parts), small integers otherwise; every
 * product sum of a few hundred of them is exact in float32.
 */
static void pick(double z[2], ct_dtype dt, uint64_t seed, int64_t i) {
  uint64_t h = mix(seed, i);
  z[1] = 0;
  if (dt == CT_BOOL)
    z[0] = (double)(h & 1);
  else if (dt == CT_UINT8)
    z[0] = (double)(h % 6);
  else if (is_integral(dt))
    z[0] = (double)(int)(h % 11) - 5;
  else
    z[0] = ((double)(int)(h % 17) - 8) / 8;
  if (is_complex(dt)) z[1] = ((double)(int)((h >> 20) % 17) - 8) / 8;
}

/* A 1-D tensor of n picked values. */
static ct_tensor *filled(int64_t n, ct_dtype dt, uint64_t seed) {
  double *v = malloc((size_t)(2 * n + 2) * sizeof(double));
  ck_assert_ptr_nonnull(v);
  for (int64_t i = 0; i < n; i++) pick(v + 2 * i, dt, seed, i);
  ct_tensor *t = NULL;
  CT_OK_(ct_from_data(&t, v, CT_COMPLEX128, 1, &n, dt, CT_DEVICE_NONE, -1));
  free(v);
  return t;
}

/* Memory layouts of test operands. */
enum {
  L_CONTIG,  /* row-major */
  L_TRANS,   /* the last two dims swapped in memory (a transposed matrix) */
  L_REV,     /* every dim reversed in memory */
  L_STEP,    /* row-major with every stride doubled and an offset of 3 */
  L_EXPAND,  /* row-major with dim 0 expanded (stride 0), offset 1 */
  L_COUNT
};
static const char *layout_name[L_COUNT] = {"contig", "trans", "rev", "step", "expand"};

/* A tensor of the given shape and layout, viewing a storage of picked values through ct_as_strided. */
static ct_tensor *make_t(int32_t nd, const int64_t *shape, ct_dtype dt, int layout, uint64_t seed) {
  int64_t strides[MAX_DIMS], perm[MAX_DIMS], off = 0;
  for (int32_t d = 0; d < nd; d++) perm[d] = d;
  if (layout == L_TRANS && nd >= 2) perm[nd - 2] = nd - 1, perm[nd - 1] = nd - 2;
  if (layout == L_REV)
    for (int32_t d = 0; d < nd; d++) perm[d] = nd - 1 - d;
  int64_t run = layout == L_STEP ? 2 : 1;
  for (int32_t p = nd - 1; p >= 0; p--) {
    strides[perm[p]] = run;
    run *= shape[perm[p]] > 0 ? shape[perm[p]] : 1;
  }
  if (layout == L_STEP) off = 3;
  if (layout == L_EXPAND && nd > 0) strides[0] = 0, off = 1;
  int64_t n = off + 1;
  bool empty = false;
  for (int32_t d = 0; d < nd; d++) {
    empty |= shape[d] == 0;
    n += shape[d] > 0 ? (shape[d] - 1) * strides[d] : 0;
  }
  if (empty) n = off + 1;
  ct_tensor *base = filled(n, dt, seed), *v = NULL;
  CT_OK_(ct_as_strided(&v, base, nd, shape, strides, off));
  ct_tensor_release(base);
  return v;
}

/* Values of t in row-major order: as complex doubles and as (wrapping) integers. */
typedef struct vals {
  int64_t n;
  double *re, *im;
  int64_t *iv;
} vals;

/*
 * Reads elements of t in row-major order without an assertion per element
 * (Check records every passing assertion, which would dominate the run time).
 */
typedef struct reader {
  int32_t nd;
  int64_t shape[MAX_DIMS], strides[MAX_DIMS], itemsize;
  ct_dtype dtype;
  const char *data;
} reader;

static reader make_reader(ct_tensor *t) {
  reader r;
  void *p = NULL;
  CT_OK_(ct_tensor_ndim(&r.nd, t));
  ck_assert_int_le(r.nd, MAX_DIMS);
  CT_OK_(ct_tensor_shape(r.shape, MAX_DIMS, t));
  CT_OK_(ct_tensor_strides(r.strides, MAX_DIMS, t));
  CT_OK_(ct_tensor_dtype(&r.dtype, t));
  CT_OK_(ct_tensor_element_size(&r.itemsize, t));
  CT_OK_(ct_tensor_data_ptr(&p, t));
  r.data = p;
  return r;
}

/* Element i converted to dst_dtype into dst. */
static void read_elem(void *dst, ct_dtype dst_dtype, const reader *r, int64_t i) {
  int64_t off = 0;
  for (int32_t d = r->nd - 1; d >= 0; d--) {
    off += (i % r->shape[d]) * r->strides[d];
    i /= r->shape[d];
  }
  if (ct_dtype_convert(dst, dst_dtype, r->data + off * r->itemsize, r->dtype, 1) != CT_OK)
    ck_abort_msg("ct_dtype_convert failed: %s", ct_last_error_message());
}

static vals read_vals(ct_tensor *t) {
  vals v = {numel_of(t), NULL, NULL, NULL};
  v.re = calloc((size_t)v.n + 1, sizeof(double));
  v.im = calloc((size_t)v.n + 1, sizeof(double));
  v.iv = calloc((size_t)v.n + 1, sizeof(int64_t));
  ck_assert(v.re && v.im && v.iv);
  reader r = make_reader(t);
  for (int64_t i = 0; i < v.n; i++) {
    double z[2];
    read_elem(z, CT_COMPLEX128, &r, i);
    v.re[i] = z[0];
    v.im[i] = z[1];
    if (is_integral(r.dtype) || r.dtype == CT_BOOL) read_elem(&v.iv[i], CT_INT64, &r, i);
  }
  return v;
}

static vals new_vals(int64_t n) {
  vals v = {n, calloc((size_t)n + 1, sizeof(double)), calloc((size_t)n + 1, sizeof(double)),
            calloc((size_t)n + 1, sizeof(int64_t))};
  ck_assert(v.re && v.im && v.iv);
  return v;
}

static void free_vals(vals *v) {
  free(v->re);
  free(v->im);
  free(v->iv);
}

/* v[i] += x[p] * y[q], in complex double and in wrapping integers. */
static void fma_at(vals *v, int64_t i, const vals *x, int64_t p, const vals *y, int64_t q) {
  v->re[i] += x->re[p] * y->re[q] - x->im[p] * y->im[q];
  v->im[i] += x->re[p] * y->im[q] + x->im[p] * y->re[q];
  v->iv[i] = (int64_t)((uint64_t)v->iv[i] + (uint64_t)x->iv[p] * (uint64_t)y->iv[q]);
}

/*
 * Checks t (of dtype dt) against expected values: integers exactly (after
 * wrapping to dt), floating values exactly after rounding the reference to
 * dt once, or within rel (relative to scale) when rel > 0.
 */
static void check_vals(ct_tensor *t, const vals *e, double rel, double scale, const char *what) {
  reader r = make_reader(t);
  ct_dtype dt = r.dtype;
  ck_assert_int_eq(numel_of(t), e->n);
  for (int64_t i = 0; i < e->n; i++) {
    unsigned char buf[16];
    if (is_integral(dt) || dt == CT_BOOL) {
      int64_t want = e->iv[i], got;
      if (dt == CT_BOOL) want = want != 0;
      read_elem(&got, CT_INT64, &r, i);
      if (ct_dtype_convert(buf, dt, &want, CT_INT64, 1) != CT_OK ||
          ct_dtype_convert(&want, CT_INT64, buf, dt, 1) != CT_OK)
        ck_abort_msg("ct_dtype_convert failed");
      if (got != want) fail_note("%s: element %lld is %lld, expected %lld", what, (long long)i, (long long)got, (long long)want);
      continue;
    }
    double z[2] = {e->re[i], e->im[i]}, w[2], g[2];
    if (ct_dtype_convert(buf, dt, z, CT_COMPLEX128, 1) != CT_OK ||
        ct_dtype_convert(w, CT_COMPLEX128, buf, dt, 1) != CT_OK)
      ck_abort_msg("ct_dtype_convert failed");
    read_elem(g, CT_COMPLEX128, &r, i);
    bool ok = rel > 0 ? fabs(g[0] - w[0]) <= rel * scale && fabs(g[1] - w[1]) <= rel * scale
                      : g[0] == w[0] && g[1] == w[1];
    if (!ok)
      fail_note("%s: element %lld is (%.9g, %.9g), expected (%.9g, %.9g)", what, (long long)i, g[0], g[1], w[0],
                w[1]);
  }
}

static void shape_str(char *buf, size_t size, int32_t nd, const int64_t *shape) {
  size_t u = (size_t)snprintf(buf, size, "[");
  for (int32_t d = 0; d < nd && u < size; d++) u += (size_t)snprintf(buf + u, size - u, "%s%lld", d ? ", " : "", (long long)shape[d]);
  if (u < size) snprintf(buf + u, size - u, "]");
}

/* ---- the reference ---------------------------------------------------------------------------- */

/*
 * torch.matmul by its definition: a 1-D a is a row (dim removed after), a
 * 1-D b a column, the batch dims broadcast. Writes the result's shape.
 */
static vals ref_matmul(int32_t *rnd, int64_t *rshape, ct_tensor *a, ct_tensor *b) {
  int32_t an, bn;
  int64_t as[MAX_DIMS], bs[MAX_DIMS];
  CT_OK_(ct_tensor_ndim(&an, a));
  CT_OK_(ct_tensor_ndim(&bn, b));
  CT_OK_(ct_tensor_shape(as, MAX_DIMS, a));
  CT_OK_(ct_tensor_shape(bs, MAX_DIMS, b));
  int64_t m = an >= 2 ? as[an - 2] : 1, k = as[an - 1], n = bn >= 2 ? bs[bn - 1] : 1;
  int32_t abn = an > 2 ? an - 2 : 0, bbn = bn > 2 ? bn - 2 : 0, nb = abn > bbn ? abn : bbn;
  int64_t batch[MAX_DIMS], nbatch = 1;
  for (int32_t d = 0; d < nb; d++) {
    int32_t da = d - (nb - abn), db = d - (nb - bbn);
    int64_t x = da >= 0 ? as[da] : 1, y = db >= 0 ? bs[db] : 1;
    batch[d] = x == 1 ? y : x;
    nbatch *= batch[d];
  }
  *rnd = 0;
  for (int32_t d = 0; d < nb; d++) rshape[(*rnd)++] = batch[d];
  if (an >= 2) rshape[(*rnd)++] = m;
  if (bn >= 2) rshape[(*rnd)++] = n;
  vals va = read_vals(a), vb = read_vals(b), r = new_vals(nbatch * m * n);
  for (int64_t bi = 0; bi < nbatch; bi++) {
    /* Batch offsets of a and b (row-major over their own batch dims, broadcast where size 1). */
    int64_t rem = bi, oa = 0, ob = 0, ma = 1, mb = 1;
    for (int32_t d = nb - 1; d >= 0; d--) {
      int64_t i = rem % batch[d];
      rem /= batch[d];
      int32_t da = d - (nb - abn), db = d - (nb - bbn);
      if (da >= 0) {
        oa += (as[da] == 1 ? 0 : i) * ma;
        ma *= as[da];
      }
      if (db >= 0) {
        ob += (bs[db] == 1 ? 0 : i) * mb;
        mb *= bs[db];
      }
    }
    for (int64_t i = 0; i < m; i++)
      for (int64_t j = 0; j < n; j++)
        for (int64_t p = 0; p < k; p++)
          fma_at(&r, (bi * m + i) * n + j, &va, (oa * m + i) * k + p, &vb, (ob * k + p) * n + j);
  }
  free_vals(&va);
  free_vals(&vb);
  return r;
}

/* ---- matmul ----------------------------------------------------------------------------------- */

struct mm_case {
  int32_t an, bn;
  int64_t as[4], bs[4];
};

static const struct mm_case matmul_cases[] = {
  {1, 1, {3}, {3}},
  {1, 2, {3}, {3, 4}},
  {2, 1, {3, 4}, {4}},
  {2, 2, {2, 3}, {3, 4}},
  {2, 2, {1, 1}, {1, 1}},
  {2, 2, {5, 1}, {1, 4}},
  {3, 2, {5, 2, 3}, {3, 4}},
  {2, 3, {2, 3}, {5, 3, 4}},
  {4, 3, {2, 1, 3, 4}, {5, 4, 2}},
  {1, 3, {4}, {2, 4, 3}},
  {3, 1, {2, 3, 4}, {4}},
  {3, 3, {1, 2, 3}, {4, 3, 2}},
  {4, 4, {2, 1, 2, 3}, {1, 3, 3, 2}},
  {2, 2, {0, 3}, {3, 4}},
  {2, 2, {2, 0}, {0, 3}},
  {2, 2, {2, 3}, {3, 0}},
  {3, 2, {0, 2, 3}, {3, 4}},
  {2, 1, {3, 0}, {0}},
  {1, 1, {0}, {0}},
  {3, 3, {2, 5, 0}, {2, 0, 3}},
  {2, 2, {9, 20}, {20, 17}},
  {2, 1, {40, 33}, {33}},
  {1, 2, {33}, {33, 40}},
};

/* Runs matmul on a and b and compares with the reference; what names the case. */
static void check_matmul(ct_tensor *a, ct_tensor *b, const char *what) {
  ct_tensor *r = NULL;
  int32_t rnd;
  int64_t rshape[MAX_DIMS];
  ct_status s = ct_matmul(&r, a, b);
  if (s != CT_OK) {
    fail_note("%s: ct_matmul failed: %s", what, ct_last_error_message());
    return;
  }
  vals e = ref_matmul(&rnd, rshape, a, b);
  int32_t nd;
  int64_t got[MAX_DIMS];
  CT_OK_(ct_tensor_ndim(&nd, r));
  CT_OK_(ct_tensor_shape(got, MAX_DIMS, r));
  bool same = nd == rnd;
  for (int32_t d = 0; same && d < nd; d++) same = got[d] == rshape[d];
  if (!same) {
    char g[128], w[128];
    shape_str(g, sizeof g, nd, got);
    shape_str(w, sizeof w, rnd, rshape);
    fail_note("%s: result is %s, expected %s", what, g, w);
  } else {
    ck_assert_int_eq(dtype_of(r), dtype_of(a));
    check_vals(r, &e, 0, 0, what);
  }
  free_vals(&e);
  ct_tensor_release(r);
}

START_TEST(test_matmul_shapes) {
  MEM_BEGIN;
  fail_reset();
  static const int pairs[][2] = {{L_CONTIG, L_CONTIG}, {L_TRANS, L_TRANS}, {L_TRANS, L_CONTIG},
                                 {L_STEP, L_EXPAND}, {L_REV, L_STEP}, {L_EXPAND, L_REV}};
  for (size_t c = 0; c < sizeof matmul_cases / sizeof matmul_cases[0]; c++) {
    const struct mm_case *mc = &matmul_cases[c];
    for (int di = 0; di < N_DTYPES; di++)
      for (size_t p = 0; p < sizeof pairs / sizeof pairs[0]; p++) {
        ct_dtype dt = all_dtypes[di];
        ct_tensor *a = make_t(mc->an, mc->as, dt, pairs[p][0], 11 + c);
        ct_tensor *b = make_t(mc->bn, mc->bs, dt, pairs[p][1], 97 + c);
        char what[256], sa[64], sb[64];
        shape_str(sa, sizeof sa, mc->an, mc->as);
        shape_str(sb, sizeof sb, mc->bn, mc->bs);
        snprintf(what, sizeof what, "%s @ %s %s (%s, %s)", sa, sb, dname(dt), layout_name[pairs[p][0]],
                 layout_name[pairs[p][1]]);
        check_matmul(a, b, what);
        ct_tensor_release(a);
        ct_tensor_release(b);
      }
  }
  FAIL_IF_NOTED_("matmul results differ from the reference");
  MEM_END;
}
END_TEST

/* Sizes past the kernel's blocks (row and column tiles, k blocks), every dtype, two layouts. */
START_TEST(test_matmul_blocked) {
  MEM_BEGIN;
  fail_reset();
  const int64_t as[2] = {131, 300}, bs[2] = {300, 270};
  for (int di = 0; di < N_DTYPES; di++)
    for (int lay = 0; lay < 2; lay++) {
      ct_dtype dt = all_dtypes[di];
      ct_tensor *a = make_t(2, as, dt, lay ? L_TRANS : L_CONTIG, 5);
      ct_tensor *b = make_t(2, bs, dt, lay ? L_STEP : L_TRANS, 6);
      char what[128];
      snprintf(what, sizeof what, "[131, 300] @ [300, 270] %s layout %d", dname(dt), lay);
      check_matmul(a, b, what);
      ct_tensor_release(a);
      ct_tensor_release(b);
    }
  /* k past what a thread keeps of packed b (its blocks are then packed for each tile). */
  const int64_t ls[2] = {100, 4100}, lb[2] = {4100, 260};
  ct_tensor *a = make_t(2, ls, CT_INT32, L_CONTIG, 7), *b = make_t(2, lb, CT_INT32, L_TRANS, 8);
  check_matmul(a, b, "[100, 4100] @ [4100, 260] int32");
  ct_tensor_release(a);
  ct_tensor_release(b);
  FAIL_IF_NOTED_("large matmul results differ from the reference");
  MEM_END;
}
END_TEST

/* Many small matrices in a batch, and a batch folded into the rows of one product. */
START_TEST(test_matmul_batches) {
  MEM_BEGIN;
  fail_reset();
  const int64_t as[3] = {300, 3, 4}, bs[3] = {300, 4, 2}, b2[2] = {4, 50}, a3[3] = {7, 60, 40},
                bs3[2] = {40, 30};
  ct_dtype dts[] = {CT_FLOAT32, CT_FLOAT64, CT_INT32, CT_COMPLEX64, CT_BFLOAT16};
  for (size_t i = 0; i < sizeof dts / sizeof dts[0]; i++) {
    for (int lay = 0; lay < L_COUNT; lay++) {
      ct_tensor *a = make_t(3, as, dts[i], lay, 1), *b = make_t(3, bs, dts[i], L_REV, 2);
      ct_tensor *c = make_t(2, b2, dts[i], lay, 3), *d = make_t(3, a3, dts[i], lay, 4);
      ct_tensor *e = make_t(2, bs3, dts[i], L_TRANS, 5);
      char what[128];
      snprintf(what, sizeof what, "batched %s %s", dname(dts[i]), layout_name[lay]);
      check_matmul(a, b, what);
      check_matmul(a, c, what);
      check_matmul(d, e, what);
      ct_tensor_release(a);
      ct_tensor_release(b);
      ct_tensor_release(c);
      ct_tensor_release(d);
      ct_tensor_release(e);
    }
  }
  /*
   * Batch dims folded into the product: into a's rows when b is broadcast
   * (also with one row), into b's columns when a is (b's batch dim lying
   * between its rows and columns in memory).
   */
  for (size_t i = 0; i < sizeof dts / sizeof dts[0]; i++) {
    ct_tensor *v = make_t(1, (int64_t[]){4}, dts[i], L_CONTIG, 1), *base = filled(60, dts[i], 2), *b = NULL;
    CT_OK_(ct_as_strided(&b, base, 3, (int64_t[]){5, 4, 3}, (int64_t[]){3, 15, 1}, 0));
    ct_tensor *a1 = make_t(3, (int64_t[]){5, 1, 4}, dts[i], L_CONTIG, 3), *m = make_t(2, (int64_t[]){4, 3}, dts[i], L_TRANS, 4);
    char what[64];
    snprintf(what, sizeof what, "folded batch %s", dname(dts[i]));
    check_matmul(v, b, what);
    check_matmul(a1, m, what);
    check_matmul(a1, b, what);
    ct_tensor_release(v);
    ct_tensor_release(base);
    ct_tensor_release(b);
    ct_tensor_release(a1);
    ct_tensor_release(m);
  }
  FAIL_IF_NOTED_("batched matmul results differ from the reference");
  MEM_END;
}
END_TEST

/* General float values: BLAS and the built-in kernel within a few ulps of the double reference. */
START_TEST(test_matmul_general_values) {
  MEM_BEGIN;
  fail_reset();
  const int64_t as[2] = {70, 90}, bs[2] = {90, 110};
  ct_dtype dts[] = {CT_FLOAT32, CT_FLOAT64, CT_COMPLEX64, CT_COMPLEX128};
  for (size_t i = 0; i < sizeof dts / sizeof dts[0]; i++) {
    ct_tensor *a = NULL, *b = NULL, *r = NULL;
    ct_generator *g = NULL;
    CT_OK_(ct_generator_create(&g, 42 + i));
    CT_OK_(ct_rand(&a, g, 2, as, dts[i], CT_DEVICE_NONE, -1));
    CT_OK_(ct_rand(&b, g, 2, bs, dts[i], CT_DEVICE_NONE, -1));
    ct_generator_release(g);
    CT_OK_(ct_matmul(&r, a, b));
    int32_t rnd;
    int64_t rshape[4];
    vals e = ref_matmul(&rnd, rshape, a, b);
    double tol = dts[i] == CT_FLOAT32 || dts[i] == CT_COMPLEX64 ? 1e-5 : 1e-13;
    check_vals(r, &e, tol, 90, dname(dts[i]));
    free_vals(&e);
    ct_tensor_release(a);
    ct_tensor_release(b);
    ct_tensor_release(r);
  }
  FAIL_IF_NOTED_("matmul of general values is off");
  MEM_END;
}
END_TEST

/* Integer products wrap around as PyTorch's do; float16 rounds once (checked by exact cases above). */
START_TEST(test_matmul_int_wrap) {
  MEM_BEGIN;
  int8_t av[4] = {100, 100, 100, 100}, bv[4] = {1, 1, 1, 1};
  uint8_t uv[4] = {100, 100, 100, 100}, uw[4] = {1, 1, 1, 1};
  int64_t as[2] = {1, 4}, bs[2] = {4, 1};
  ct_tensor *a = NULL, *b = NULL, *r = NULL;
  CT_OK_(ct_from_data(&a, av, CT_INT8, 2, as, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_from_data(&b, bv, CT_INT8, 2, bs, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_mm(&r, a, b));
  ck_assert_int_eq(ivalue(r, 0), -112); /* torch.mm of int8: 400 wraps to -112 */
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(r);
  CT_OK_(ct_from_data(&a, uv, CT_UINT8, 2, as, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_from_data(&b, uw, CT_UINT8, 2, bs, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_mm(&r, a, b));
  ck_assert_int_eq(ivalue(r, 0), 144);
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(r);
  int64_t big[2] = {INT64_MAX, 2}, one[2] = {2, 1};
  int64_t s1[1] = {2};
  CT_OK_(ct_from_data(&a, big, CT_INT64, 1, s1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_from_data(&b, one, CT_INT64, 1, s1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_dot(&r, a, b));
  ck_assert_int_eq(ivalue(r, 0), (int64_t)((uint64_t)INT64_MAX * 2 + 2));
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(r);
  MEM_END;
}
END_TEST

/* k = 0 gives zeros (even into an out full of NaN), and size-0 results are fine. */
START_TEST(test_matmul_k0) {
  MEM_BEGIN;
  for (int di = 0; di < N_DTYPES; di++) {
    ct_dtype dt = all_dtypes[di];
    int64_t as[2] = {3, 0}, bs[2] = {0, 2}, rs[2] = {3, 2};
    ct_tensor *a = make_t(2, as, dt, L_CONTIG, 1), *b = make_t(2, bs, dt, L_CONTIG, 2), *r = NULL,
              *o = NULL;
    CT_OK_(ct_matmul(&r, a, b));
    check_shape(r, 2, rs);
    for (int64_t i = 0; i < 6; i++) ck_assert(value(r, i) == 0);
    double nan = NAN;
    if (!is_integral(dt)) {
      CT_OK_(ct_full(&o, 2, rs, &nan, CT_FLOAT64, dt, CT_DEVICE_NONE, -1));
      CT_OK_(ct_matmul_out(o, a, b));
      for (int64_t i = 0; i < 6; i++) ck_assert_msg(value(o, i) == 0, "%s: %g", dname(dt), value(o, i));
    }
    ct_tensor_release(a);
    ct_tensor_release(b);
    ct_tensor_release(r);
    ct_tensor_release(o);
  }
  MEM_END;
}
END_TEST

START_TEST(test_matmul_errors) {
  MEM_BEGIN;
  int64_t s34[2] = {3, 4}, s52[2] = {5, 2}, s3[1] = {3}, s4[1] = {4}, s234[3] = {2, 3, 4},
          s342[3] = {3, 4, 2}, s5[1] = {5};
  ct_tensor *a = make_t(2, s34, CT_FLOAT32, L_CONTIG, 1), *b = make_t(2, s52, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *v3 = make_t(1, s3, CT_FLOAT32, L_CONTIG, 3), *v4 = make_t(1, s4, CT_FLOAT32, L_CONTIG, 4);
  ct_tensor *b3 = make_t(3, s234, CT_FLOAT32, L_CONTIG, 5), *c3 = make_t(3, s342, CT_FLOAT32, L_CONTIG, 6);
  ct_tensor *v5 = make_t(1, s5, CT_FLOAT32, L_CONTIG, 7), *d = make_t(2, s34, CT_FLOAT64, L_CONTIG, 8);
  ct_tensor *z = NULL, *r = NULL, *bb = NULL, *bb2 = NULL;
  double one = 1;
  CT_OK_(ct_full(&z, 0, NULL, &one, CT_FLOAT64, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&bb, 2, s34, CT_BOOL, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&bb2, 2, s52, CT_BOOL, CT_DEVICE_NONE, -1));

  FAILS_NULL_(r, ct_matmul(&r, a, b), CT_ERR_SHAPE, "ct_matmul: a is [3, 4] but b is [5, 2]");
  MSG_HAS_("(4)");
  MSG_HAS_("(5)");
  FAILS_NULL_(r, ct_matmul(&r, v3, v4), CT_ERR_SHAPE, "ct_matmul: a is [3] but b is [4]");
  FAILS_NULL_(r, ct_matmul(&r, a, v5), CT_ERR_SHAPE, "ct_matmul: a is [3, 4] but b is [5]");
  FAILS_NULL_(r, ct_matmul(&r, v5, a), CT_ERR_SHAPE, "ct_matmul: a is [5] but b is [3, 4]");
  FAILS_NULL_(r, ct_matmul(&r, b3, c3), CT_ERR_SHAPE, "ct_matmul: a is [2, 3, 4] and b is [3, 4, 2]");
  MSG_HAS_("cannot be broadcast");
  FAILS_NULL_(r, ct_matmul(&r, z, a), CT_ERR_SHAPE, "ct_matmul: both arguments need at least 1 dim, but a is []");
  FAILS_NULL_(r, ct_matmul(&r, a, z), CT_ERR_SHAPE, "and b is []");
  FAILS_NULL_(r, ct_matmul(&r, a, d), CT_ERR_DTYPE, "ct_matmul: a is float32 but b is float64");
  FAILS_NULL_(r, ct_matmul(&r, bb, bb2), CT_ERR_SHAPE, "ct_matmul: a is [3, 4]");
  ct_tensor *bt = NULL;
  int64_t s43[2] = {4, 3};
  CT_OK_(ct_ones(&bt, 2, s43, CT_BOOL, CT_DEVICE_NONE, -1));
  FAILS_NULL_(r, ct_matmul(&r, bb, bt), CT_ERR_DTYPE, "ct_matmul: dtype bool is not supported");
  FAILS_NULL_(r, ct_matmul(&r, NULL, a), CT_ERR_INVALID_ARGUMENT, "ct_matmul: a is NULL");
  FAILS_NULL_(r, ct_matmul(&r, a, NULL), CT_ERR_INVALID_ARGUMENT, "ct_matmul: b is NULL");
  CT_FAILS_(ct_matmul(NULL, a, a), CT_ERR_INVALID_ARGUMENT, "ct_matmul: out is NULL");
  CT_FAILS_(ct_matmul_out(NULL, a, a), CT_ERR_INVALID_ARGUMENT, "ct_matmul_out: out is NULL");
  CT_FAILS_(ct_matmul_out(a, NULL, a), CT_ERR_INVALID_ARGUMENT, "ct_matmul_out: a is NULL");
  CT_FAILS_(ct_matmul_out(a, a, NULL), CT_ERR_INVALID_ARGUMENT, "ct_matmul_out: b is NULL");
  CT_FAILS_(ct_matmul_out(a, a, b), CT_ERR_SHAPE, "ct_matmul_out: a is [3, 4] but b is [5, 2]");

  ct_tensor *all[] = {a, b, v3, v4, b3, c3, v5, d, z, bb, bb2, bt};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) ct_tensor_release(all[i]);
  MEM_END;
}
END_TEST

/* ---- mm, bmm, mv, dot -------------------------------------------------------------------------- */

START_TEST(test_mm) {
  MEM_BEGIN;
  fail_reset();
  int64_t as[2] = {7, 5}, bs[2] = {5, 6};
  for (int di = 0; di < N_DTYPES; di++)
    for (int lay = 0; lay < L_COUNT; lay++) {
      ct_dtype dt = all_dtypes[di];
      ct_tensor *a = make_t(2, as, dt, lay, 1), *b = make_t(2, bs, dt, (lay + 1) % L_COUNT, 2), *r = NULL;
      CT_OK_(ct_mm(&r, a, b));
      int32_t rnd;
      int64_t rs[4];
      vals e = ref_matmul(&rnd, rs, a, b);
      check_shape(r, 2, rs);
      ck_assert(contiguous(r));
      char what[64];
      snprintf(what, sizeof what, "mm %s %s", dname(dt), layout_name[lay]);
      check_vals(r, &e, 0, 0, what);
      free_vals(&e);
      ct_tensor_release(a);
      ct_tensor_release(b);
      ct_tensor_release(r);
    }
  FAIL_IF_NOTED_("mm results differ");

  int64_t s3[1] = {3}, s233[3] = {2, 3, 3}, s34[2] = {3, 4}, s52[2] = {5, 2};
  ct_tensor *v = make_t(1, s3, CT_FLOAT32, L_CONTIG, 1), *t3 = make_t(3, s233, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *a = make_t(2, s34, CT_FLOAT32, L_CONTIG, 3), *b = make_t(2, s52, CT_FLOAT32, L_CONTIG, 4);
  ct_tensor *d = make_t(2, s34, CT_FLOAT64, L_CONTIG, 5), *r = NULL;
  FAILS_NULL_(r, ct_mm(&r, v, a), CT_ERR_SHAPE, "ct_mm: a must be a matrix (2-D) but is [3]");
  FAILS_NULL_(r, ct_mm(&r, a, t3), CT_ERR_SHAPE, "ct_mm: b must be a matrix (2-D) but is [2, 3, 3]");
  FAILS_NULL_(r, ct_mm(&r, a, b), CT_ERR_SHAPE, "ct_mm: a is [3, 4] but b is [5, 2]; a's columns (4) must equal b's rows (5)");
  FAILS_NULL_(r, ct_mm(&r, d, b), CT_ERR_DTYPE, "ct_mm: a is float64 but b is float32");
  FAILS_NULL_(r, ct_mm(&r, NULL, b), CT_ERR_INVALID_ARGUMENT, "ct_mm: a is NULL");
  CT_FAILS_(ct_mm_out(NULL, a, b), CT_ERR_INVALID_ARGUMENT, "ct_mm_out: out is NULL");
  CT_FAILS_(ct_mm_out(a, a, b), CT_ERR_SHAPE, "ct_mm_out: a is [3, 4] but b is [5, 2]");
  ct_tensor_release(v);
  ct_tensor_release(t3);
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(d);
  MEM_END;
}
END_TEST

START_TEST(test_bmm) {
  MEM_BEGIN;
  fail_reset();
  int64_t as[3] = {4, 3, 5}, bs[3] = {4, 5, 2};
  for (int di = 0; di < N_DTYPES; di++)
    for (int lay = 0; lay < L_COUNT; lay++) {
      ct_dtype dt = all_dtypes[di];
      ct_tensor *a = make_t(3, as, dt, lay, 1), *b = make_t(3, bs, dt, (lay + 2) % L_COUNT, 2), *r = NULL;
      CT_OK_(ct_bmm(&r, a, b));
      int32_t rnd;
      int64_t rs[4];
      vals e = ref_matmul(&rnd, rs, a, b);
      check_shape(r, 3, rs);
      char what[64];
      snprintf(what, sizeof what, "bmm %s %s", dname(dt), layout_name[lay]);
      check_vals(r, &e, 0, 0, what);
      free_vals(&e);
      ct_tensor_release(a);
      ct_tensor_release(b);
      ct_tensor_release(r);
    }
  FAIL_IF_NOTED_("bmm results differ");

  int64_t s33[2] = {3, 3}, s233[3] = {2, 3, 3}, s332[3] = {3, 3, 2}, s242[3] = {2, 4, 2};
  ct_tensor *m = make_t(2, s33, CT_FLOAT32, L_CONTIG, 1), *a = make_t(3, s233, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *b = make_t(3, s332, CT_FLOAT32, L_CONTIG, 3), *c = make_t(3, s242, CT_FLOAT32, L_CONTIG, 4);
  ct_tensor *r = NULL;
  FAILS_NULL_(r, ct_bmm(&r, m, a), CT_ERR_SHAPE, "ct_bmm: a must be 3-D but is [3, 3]");
  FAILS_NULL_(r, ct_bmm(&r, a, m), CT_ERR_SHAPE, "ct_bmm: b must be 3-D but is [3, 3]");
  FAILS_NULL_(r, ct_bmm(&r, a, b), CT_ERR_SHAPE, "ct_bmm: a is [2, 3, 3] but b is [3, 3, 2]");
  FAILS_NULL_(r, ct_bmm(&r, a, c), CT_ERR_SHAPE, "ct_bmm: a is [2, 3, 3] but b is [2, 4, 2]");
  CT_FAILS_(ct_bmm_out(NULL, a, c), CT_ERR_INVALID_ARGUMENT, "ct_bmm_out: out is NULL");
  FAILS_NULL_(r, ct_bmm(&r, a, NULL), CT_ERR_INVALID_ARGUMENT, "ct_bmm: b is NULL");
  ct_tensor_release(m);
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(c);
  MEM_END;
}
END_TEST

START_TEST(test_mv) {
  MEM_BEGIN;
  fail_reset();
  int64_t as[2] = {6, 5}, xs[1] = {5};
  for (int di = 0; di < N_DTYPES; di++)
    for (int lay = 0; lay < L_COUNT; lay++) {
      ct_dtype dt = all_dtypes[di];
      ct_tensor *a = make_t(2, as, dt, lay, 1), *x = make_t(1, xs, dt, lay, 2), *r = NULL;
      CT_OK_(ct_mv(&r, a, x));
      int32_t rnd;
      int64_t rs[4];
      vals e = ref_matmul(&rnd, rs, a, x);
      check_shape(r, 1, rs);
      char what[64];
      snprintf(what, sizeof what, "mv %s %s", dname(dt), layout_name[lay]);
      check_vals(r, &e, 0, 0, what);
      free_vals(&e);
      ct_tensor_release(a);
      ct_tensor_release(x);
      ct_tensor_release(r);
    }
  FAIL_IF_NOTED_("mv results differ");
  int64_t s3[1] = {3}, s34[2] = {3, 4}, s41[2] = {4, 1};
  ct_tensor *v = make_t(1, s3, CT_FLOAT32, L_CONTIG, 1), *a = make_t(2, s34, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *c = make_t(2, s41, CT_FLOAT32, L_CONTIG, 3), *r = NULL;
  FAILS_NULL_(r, ct_mv(&r, v, v), CT_ERR_SHAPE, "ct_mv: a must be a matrix (2-D) but is [3]");
  FAILS_NULL_(r, ct_mv(&r, a, c), CT_ERR_SHAPE, "ct_mv: x must be a vector (1-D) but is [4, 1]");
  FAILS_NULL_(r, ct_mv(&r, a, v), CT_ERR_SHAPE, "ct_mv: a is [3, 4] but x is [3]");
  FAILS_NULL_(r, ct_mv(&r, a, NULL), CT_ERR_INVALID_ARGUMENT, "ct_mv: x is NULL");
  CT_FAILS_(ct_mv_out(NULL, a, v), CT_ERR_INVALID_ARGUMENT, "ct_mv_out: out is NULL");
  ct_tensor_release(v);
  ct_tensor_release(a);
  ct_tensor_release(c);
  MEM_END;
}
END_TEST

START_TEST(test_dot) {
  MEM_BEGIN;
  fail_reset();
  int64_t ns[] = {0, 1, 7, 300};
  for (size_t ni = 0; ni < sizeof ns / sizeof ns[0]; ni++)
    for (int di = 0; di < N_DTYPES; di++)
      for (int lay = 0; lay < L_COUNT; lay++) {
        ct_dtype dt = all_dtypes[di];
        ct_tensor *a = make_t(1, &ns[ni], dt, lay, 1), *b = make_t(1, &ns[ni], dt, (lay + 3) % L_COUNT, 2);
        ct_tensor *r = NULL;
        CT_OK_(ct_dot(&r, a, b));
        int32_t rnd;
        int64_t rs[4];
        vals e = ref_matmul(&rnd, rs, a, b);
        check_shape(r, 0, NULL);
        char what[64];
        snprintf(what, sizeof what, "dot n=%lld %s %s", (long long)ns[ni], dname(dt), layout_name[lay]);
        check_vals(r, &e, 0, 0, what);
        free_vals(&e);
        ct_tensor_release(a);
        ct_tensor_release(b);
        ct_tensor_release(r);
      }
  FAIL_IF_NOTED_("dot results differ");
  int64_t s3[1] = {3}, s4[1] = {4}, s31[2] = {3, 1};
  ct_tensor *a = make_t(1, s3, CT_FLOAT32, L_CONTIG, 1), *b = make_t(1, s4, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *c = make_t(2, s31, CT_FLOAT32, L_CONTIG, 3), *d = make_t(1, s3, CT_FLOAT64, L_CONTIG, 4);
  ct_tensor *r = NULL;
  FAILS_NULL_(r, ct_dot(&r, a, b), CT_ERR_SHAPE, "ct_dot: a is [3] but b is [4]; they must have the same number of elements");
  FAILS_NULL_(r, ct_dot(&r, c, a), CT_ERR_SHAPE, "ct_dot: a and b must be 1-D but are [3, 1] and [3]");
  FAILS_NULL_(r, ct_dot(&r, a, d), CT_ERR_DTYPE, "ct_dot: a is float32 but b is float64");
  FAILS_NULL_(r, ct_dot(&r, NULL, d), CT_ERR_INVALID_ARGUMENT, "ct_dot: a is NULL");
  CT_FAILS_(ct_dot_out(NULL, a, a), CT_ERR_INVALID_ARGUMENT, "ct_dot_out: out is NULL");
  ct_tensor *o = NULL;
  CT_OK_(ct_zeros(&o, 0, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_dot_out(o, a, a), CT_ERR_DTYPE, "ct_dot_out: out is float64 but the result is float32");
  ct_tensor_release(o);
  CT_OK_(ct_zeros(&o, 1, s3, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_dot_out(o, a, a), CT_ERR_SHAPE, "ct_dot_out: out is [3] but the result is []");
  ct_tensor_release(o);
  CT_OK_(ct_zeros(&o, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_dot_out(o, a, a));
  double want = 0;
  for (int64_t i = 0; i < 3; i++) want += value(a, i) * value(a, i);
  ck_assert(value(o, 0) == want);
  ct_tensor_release(o);
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(c);
  ct_tensor_release(d);
  MEM_END;
}
END_TEST

/* ---- outer ------------------------------------------------------------------------------------ */

START_TEST(test_outer) {
  MEM_BEGIN;
  fail_reset();
  int64_t sa[1] = {5}, sb[1] = {4};
  const ct_dtype dts[] = {CT_BOOL, CT_UINT8, CT_INT8, CT_INT64, CT_FLOAT16, CT_BFLOAT16, CT_FLOAT32,
                          CT_FLOAT64, CT_COMPLEX64, CT_COMPLEX128};
  for (size_t i = 0; i < sizeof dts / sizeof dts[0]; i++)
    for (size_t j = 0; j < sizeof dts / sizeof dts[0]; j++) {
      ct_tensor *a = make_t(1, sa, dts[i], i % 2 ? L_STEP : L_CONTIG, 1);
      ct_tensor *b = make_t(1, sb, dts[j], j % 2 ? L_EXPAND : L_CONTIG, 2), *r = NULL;
      CT_OK_(ct_outer(&r, a, b));
      ct_dtype want = CT_DTYPE_NONE;
      CT_OK_(ct_promote_types(&want, dts[i], dts[j]));
      ck_assert_msg(dtype_of(r) == want, "outer %s x %s gave %s", dname(dts[i]), dname(dts[j]), dname(dtype_of(r)));
      int64_t rs[2] = {5, 4};
      check_shape(r, 2, rs);
      vals va = read_vals(a), vb = read_vals(b), e = new_vals(20);
      for (int64_t p = 0; p < 5; p++)
        for (int64_t q = 0; q < 4; q++) fma_at(&e, p * 4 + q, &va, p, &vb, q);
      char what[64];
      snprintf(what, sizeof what, "outer %s x %s", dname(dts[i]), dname(dts[j]));
      check_vals(r, &e, 0, 0, what);
      free_vals(&va);
      free_vals(&vb);
      free_vals(&e);
      ct_tensor_release(a);
      ct_tensor_release(b);
      ct_tensor_release(r);
    }
  FAIL_IF_NOTED_("outer results differ");

  /* out of another dtype the result casts to; a dtype it does not cast to. */
  ct_tensor *a = make_t(1, sa, CT_FLOAT32, L_CONTIG, 1), *b = make_t(1, sb, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *o = NULL, *r = NULL;
  int64_t rs[2] = {5, 4};
  CT_OK_(ct_zeros(&o, 2, rs, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_outer_out(o, a, b));
  for (int64_t i = 0; i < 20; i++) ck_assert(value(o, i) == value(a, i / 4) * value(b, i % 4));
  ct_tensor_release(o);
  CT_OK_(ct_zeros(&o, 2, rs, CT_INT64, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_outer_out(o, a, b), CT_ERR_DTYPE, "ct_outer_out: the result dtype float32 can't be cast to out's dtype int64");
  ct_tensor_release(o);
  int64_t s54[2] = {5, 4};
  ct_tensor *m = make_t(2, s54, CT_FLOAT32, L_CONTIG, 3);
  FAILS_NULL_(r, ct_outer(&r, m, b), CT_ERR_SHAPE, "ct_outer: a and b must be 1-D but are [5, 4] and [4]");
  FAILS_NULL_(r, ct_outer(&r, a, NULL), CT_ERR_INVALID_ARGUMENT, "ct_outer: b is NULL");
  CT_FAILS_(ct_outer_out(m, a, a), CT_ERR_SHAPE, "ct_outer_out: out is [5, 4] but the result is [5, 5]");
  CT_FAILS_(ct_outer_out(NULL, a, a), CT_ERR_INVALID_ARGUMENT, "ct_outer_out: out is NULL");
  ct_tensor_release(m);
  ct_tensor_release(a);
  ct_tensor_release(b);
  MEM_END;
}
END_TEST

/* ---- addmm, baddbmm --------------------------------------------------------------------------- */

/* The reference of beta * input (broadcast to the product's shape) + alpha * product. */
static vals ref_add(const vals *prod, ct_tensor *input, int32_t rnd, const int64_t *rshape, const double beta[2],
                    const double alpha[2], int64_t ibeta, int64_t ialpha) {
  int32_t ind;
  int64_t is[MAX_DIMS];
  CT_OK_(ct_tensor_ndim(&ind, input));
  CT_OK_(ct_tensor_shape(is, MAX_DIMS, input));
  vals vi = read_vals(input), r = new_vals(prod->n);
  for (int64_t i = 0; i < prod->n; i++) {
    int64_t rem = i, off = 0, mul = 1;
    for (int32_t d = rnd - 1; d >= 0; d--) {
      int64_t x = rem % rshape[d];
      rem /= rshape[d];
      int32_t id = d - (rnd - ind);
      if (id >= 0) {
        off += (is[id] == 1 ? 0 : x) * mul;
        mul *= is[id];
      }
    }
    double pr = prod->re[i], pi = prod->im[i];
    r.re[i] = alpha[0] * pr - alpha[1] * pi;
    r.im[i] = alpha[0] * pi + alpha[1] * pr;
    r.iv[i] = (int64_t)((uint64_t)ialpha * (uint64_t)prod->iv[i]);
    if (beta[0] != 0 || beta[1] != 0) {
      r.re[i] += beta[0] * vi.re[off] - beta[1] * vi.im[off];
      r.im[i] += beta[0] * vi.im[off] + beta[1] * vi.re[off];
    }
    r.iv[i] = (int64_t)((uint64_t)r.iv[i] + (uint64_t)ibeta * (uint64_t)vi.iv[off]);
  }
  free_vals(&vi);
  return r;
}

START_TEST(test_addmm) {
  MEM_BEGIN;
  fail_reset();
  int64_t as[2] = {6, 5}, bs[2] = {5, 7};
  struct {
    int32_t nd;
    int64_t shape[2];
  } inputs[] = {{2, {6, 7}}, {1, {7}}, {2, {1, 7}}, {2, {6, 1}}, {0, {0}}};
  for (int di = 0; di < N_DTYPES; di++)
    for (size_t ii = 0; ii < sizeof inputs / sizeof inputs[0]; ii++) {
      ct_dtype dt = all_dtypes[di];
      ct_tensor *a = make_t(2, as, dt, ii % 2 ? L_TRANS : L_CONTIG, 1), *b = make_t(2, bs, dt, L_STEP, 2);
      ct_tensor *in = make_t(inputs[ii].nd, inputs[ii].shape, dt, ii == 0 ? L_REV : L_CONTIG, 3), *r = NULL;
      /* beta 2, alpha -1 (complex: alpha 0.5 - 1j); integers also with a float alpha that truncates. */
      double beta = 2, alpha[2] = {-1, 0}, betaz[2] = {2, 0};
      int64_t ialpha = -1;
      if (is_complex(dt)) {
        alpha[0] = 0.5;
        alpha[1] = -1;
        CT_OK_(ct_addmm(&r, in, a, b, &beta, CT_FLOAT64, alpha, CT_COMPLEX128));
      } else if (is_integral(dt)) {
        double fa = 2.75; /* truncates to 2, as PyTorch */
        alpha[0] = 2;
        ialpha = 2;
        CT_OK_(ct_addmm(&r, in, a, b, &beta, CT_FLOAT64, &fa, CT_FLOAT64));
      } else {
        CT_OK_(ct_addmm(&r, in, a, b, &beta, CT_FLOAT64, alpha, CT_FLOAT64));
      }
      int32_t rnd;
      int64_t rs[4];
      vals p = ref_matmul(&rnd, rs, a, b), e = ref_add(&p, in, rnd, rs, betaz, alpha, 2, ialpha);
      check_shape(r, 2, rs);
      char what[64];
      snprintf(what, sizeof what, "addmm %s input %zu", dname(dt), ii);
      check_vals(r, &e, 0, 0, what);
      free_vals(&p);
      free_vals(&e);
      ct_tensor_release(a);
      ct_tensor_release(b);
      ct_tensor_release(in);
      ct_tensor_release(r);
    }
  FAIL_IF_NOTED_("addmm results differ");
  MEM_END;
}
END_TEST

/* beta = 0 ignores NaN in input; alpha = 0 ignores NaN in the operands; NULL scalars are 1. */
START_TEST(test_addmm_nan_and_defaults) {
  MEM_BEGIN;
  const ct_dtype dts[] = {CT_FLOAT16, CT_BFLOAT16, CT_FLOAT32, CT_FLOAT64, CT_COMPLEX64, CT_COMPLEX128};
  int64_t rs[2] = {3, 2}, as[2] = {3, 4}, bs[2] = {4, 2}, k0a[2] = {3, 0}, k0b[2] = {0, 2};
  for (size_t i = 0; i < sizeof dts / sizeof dts[0]; i++) {
    ct_dtype dt = dts[i];
    double nan = NAN, zero = 0, one = 1, two = 2;
    ct_tensor *in = NULL, *a = NULL, *b = NULL, *an = NULL, *r = NULL, *ka = NULL, *kb = NULL;
    CT_OK_(ct_full(&in, 2, rs, &nan, CT_FLOAT64, dt, CT_DEVICE_NONE, -1));
    CT_OK_(ct_ones(&a, 2, as, dt, CT_DEVICE_NONE, -1));
    CT_OK_(ct_ones(&b, 2, bs, dt, CT_DEVICE_NONE, -1));
    CT_OK_(ct_full(&an, 2, as, &nan, CT_FLOAT64, dt, CT_DEVICE_NONE, -1));
    CT_OK_(ct_addmm(&r, in, a, b, &zero, CT_FLOAT64, NULL, CT_DTYPE_NONE));
    for (int64_t j = 0; j < 6; j++) ck_assert_msg(value(r, j) == 4, "%s beta=0: %g", dname(dt), value(r, j));
    ct_tensor_release(r);
    ct_tensor *c = NULL;
    CT_OK_(ct_ones(&c, 2, rs, dt, CT_DEVICE_NONE, -1));
    CT_OK_(ct_addmm(&r, c, an, b, &two, CT_FLOAT64, &zero, CT_FLOAT64));
    for (int64_t j = 0; j < 6; j++) ck_assert_msg(value(r, j) == 2, "%s alpha=0: %g", dname(dt), value(r, j));
    ct_tensor_release(r);
    CT_OK_(ct_addmm(&r, c, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE));
    for (int64_t j = 0; j < 6; j++) ck_assert(value(r, j) == 5);
    ct_tensor_release(r);
    /* k = 0: beta * input alone; with beta = 0 zeros even over NaN. */
    CT_OK_(ct_empty(&ka, 2, k0a, dt, CT_DEVICE_NONE, -1));
    CT_OK_(ct_empty(&kb, 2, k0b, dt, CT_DEVICE_NONE, -1));
    CT_OK_(ct_addmm(&r, c, ka, kb, &two, CT_FLOAT64, &one, CT_FLOAT64));
    for (int64_t j = 0; j < 6; j++) ck_assert(value(r, j) == 2);
    ct_tensor_release(r);
    CT_OK_(ct_addmm(&r, in, ka, kb, &zero, CT_FLOAT64, &one, CT_FLOAT64));
    for (int64_t j = 0; j < 6; j++) ck_assert(value(r, j) == 0);
    ct_tensor_release(r);
    ct_tensor_release(c);
    ct_tensor_release(ka);
    ct_tensor_release(kb);
    ct_tensor_release(in);
    ct_tensor_release(a);
    ct_tensor_release(b);
    ct_tensor_release(an);
  }
  MEM_END;
}
END_TEST

START_TEST(test_addmm_errors) {
  MEM_BEGIN;
  int64_t s32[2] = {3, 2}, s34[2] = {3, 4}, s42[2] = {4, 2}, s3[1] = {3}, s52[2] = {5, 2};
  ct_tensor *in = make_t(2, s32, CT_FLOAT32, L_CONTIG, 1), *a = make_t(2, s34, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *b = make_t(2, s42, CT_FLOAT32, L_CONTIG, 3), *v = make_t(1, s3, CT_FLOAT32, L_CONTIG, 4);
  ct_tensor *d = make_t(2, s32, CT_FLOAT64, L_CONTIG, 5), *bad = make_t(2, s52, CT_FLOAT32, L_CONTIG, 6);
  ct_tensor *ia = NULL, *ib = NULL, *ii = NULL, *h = NULL, *ha = NULL, *hb = NULL, *r = NULL;
  CT_OK_(ct_ones(&ia, 2, s34, CT_INT8, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&ib, 2, s42, CT_INT8, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&ii, 2, s32, CT_INT8, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&h, 2, s32, CT_FLOAT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&ha, 2, s34, CT_FLOAT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&hb, 2, s42, CT_FLOAT16, CT_DEVICE_NONE, -1));
  double cj[2] = {0, 1}, big = 1e39, nan = NAN, f = 1.5, h70k = 70000, fi = 127.5;
  int64_t i300 = 300;
  FAILS_NULL_(r, ct_addmm(&r, v, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_SHAPE,
              "ct_addmm: input of shape [3] cannot be broadcast to [3, 2]");
  FAILS_NULL_(r, ct_addmm(&r, d, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_DTYPE,
              "ct_addmm: input is float64 but a is float32");
  FAILS_NULL_(r, ct_addmm(&r, in, a, bad, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_SHAPE,
              "ct_addmm: a is [3, 4] but b is [5, 2]");
  FAILS_NULL_(r, ct_addmm(&r, in, v, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_SHAPE,
              "ct_addmm: a must be a matrix (2-D) but is [3]");
  FAILS_NULL_(r, ct_addmm(&r, in, a, b, NULL, CT_DTYPE_NONE, cj, CT_COMPLEX128), CT_ERR_INVALID_ARGUMENT,
              "ct_addmm: alpha = 0+1j cannot be converted to float32");
  FAILS_NULL_(r, ct_addmm(&r, h, ha, hb, &big, CT_FLOAT64, NULL, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_addmm: beta = 1e+39 cannot be converted to float16 without overflow");
  CT_OK_(ct_addmm(&r, h, ha, hb, &h70k, CT_FLOAT64, NULL, CT_DTYPE_NONE)); /* float16 scalars are float32, as PyTorch */
  ct_tensor_release(r);
  FAILS_NULL_(r, ct_addmm(&r, ii, ia, ib, NULL, CT_DTYPE_NONE, &fi, CT_FLOAT64), CT_ERR_INVALID_ARGUMENT,
              "ct_addmm: alpha = 127.5 cannot be converted to int8");
  FAILS_NULL_(r, ct_addmm(&r, ii, ia, ib, &nan, CT_FLOAT64, NULL, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_addmm: beta = nan cannot be converted to int8");
  FAILS_NULL_(r, ct_addmm(&r, ii, ia, ib, NULL, CT_DTYPE_NONE, &i300, CT_INT64), CT_ERR_INVALID_ARGUMENT,
              "ct_addmm: alpha = 300 cannot be converted to int8 without overflow");
  /* uint8 takes negative integers down to -255 (they wrap), but no negative float (c10's overflow rule). */
  ct_tensor *ua = NULL, *ub = NULL, *ui = NULL;
  CT_OK_(ct_ones(&ua, 2, s34, CT_UINT8, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&ub, 2, s42, CT_UINT8, CT_DEVICE_NONE, -1));
  CT_OK_(ct_ones(&ui, 2, s32, CT_UINT8, CT_DEVICE_NONE, -1));
  int64_t m1 = -1, m256 = -256;
  double fm1 = -1;
  CT_OK_(ct_addmm(&r, ui, ua, ub, NULL, CT_DTYPE_NONE, &m1, CT_INT64));
  ck_assert_int_eq(ivalue(r, 0), 253); /* 1 - 4 wraps, as torch.addmm(..., alpha=-1) */
  ct_tensor_release(r);
  FAILS_NULL_(r, ct_addmm(&r, ui, ua, ub, NULL, CT_DTYPE_NONE, &fm1, CT_FLOAT64), CT_ERR_INVALID_ARGUMENT,
              "ct_addmm: alpha = -1 cannot be converted to uint8");
  FAILS_NULL_(r, ct_addmm(&r, ui, ua, ub, NULL, CT_DTYPE_NONE, &m256, CT_INT64), CT_ERR_INVALID_ARGUMENT,
              "ct_addmm: alpha = -256 cannot be converted to uint8");
  ct_tensor_release(ua);
  ct_tensor_release(ub);
  ct_tensor_release(ui);
  FAILS_NULL_(r, ct_addmm(&r, in, a, b, &f, 99, NULL, CT_DTYPE_NONE), CT_ERR_DTYPE,
              "ct_addmm: beta_dtype = 99 is not a valid dtype");
  FAILS_NULL_(r, ct_addmm(&r, NULL, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_addmm: input is NULL");
  CT_FAILS_(ct_addmm_(v, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_SHAPE,
            "ct_addmm_: input is [3] but the product is [3, 2]");
  CT_FAILS_(ct_addmm_out(NULL, in, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
            "ct_addmm_out: out is NULL");
  CT_FAILS_(ct_addmm_(NULL, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
            "ct_addmm_: input is NULL");

  /* In place: input becomes beta * input + alpha * a @ b. */
  ct_tensor *ref = NULL;
  double beta = 3;
  CT_OK_(ct_addmm(&ref, in, a, b, &beta, CT_FLOAT64, NULL, CT_DTYPE_NONE));
  CT_OK_(ct_addmm_(in, a, b, &beta, CT_FLOAT64, NULL, CT_DTYPE_NONE));
  for (int64_t i = 0; i < 6; i++) ck_assert(value(in, i) == value(ref, i));
  ct_tensor_release(ref);
  ct_tensor *all[] = {in, a, b, v, d, bad, ia, ib, ii, h, ha, hb};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) ct_tensor_release(all[i]);
  MEM_END;
}
END_TEST

START_TEST(test_baddbmm) {
  MEM_BEGIN;
  fail_reset();
  int64_t as[3] = {3, 4, 5}, bs[3] = {3, 5, 2};
  struct {
    int32_t nd;
    int64_t shape[3];
  } inputs[] = {{3, {3, 4, 2}}, {2, {1, 2}}, {3, {3, 1, 2}}, {1, {2}}, {0, {0}}};
  for (int di = 0; di < N_DTYPES; di++)
    for (size_t ii = 0; ii < sizeof inputs / sizeof inputs[0]; ii++) {
      ct_dtype dt = all_dtypes[di];
      ct_tensor *a = make_t(3, as, dt, ii % 2 ? L_REV : L_CONTIG, 1), *b = make_t(3, bs, dt, L_TRANS, 2);
      ct_tensor *in = make_t(inputs[ii].nd, inputs[ii].shape, dt, L_CONTIG, 3), *r = NULL;
      int64_t beta = 3, alpha = 2;
      double db[2] = {3, 0}, da[2] = {2, 0};
      CT_OK_(ct_baddbmm(&r, in, a, b, &beta, CT_INT64, &alpha, CT_INT64));
      int32_t rnd;
      int64_t rs[4];
      vals p = ref_matmul(&rnd, rs, a, b), e = ref_add(&p, in, rnd, rs, db, da, 3, 2);
      check_shape(r, 3, rs);
      char what[64];
      snprintf(what, sizeof what, "baddbmm %s input %zu", dname(dt), ii);
      check_vals(r, &e, 0, 0, what);
      free_vals(&p);
      free_vals(&e);
      ct_tensor_release(a);
      ct_tensor_release(b);
      ct_tensor_release(in);
      ct_tensor_release(r);
    }
  FAIL_IF_NOTED_("baddbmm results differ");

  int64_t s432[3] = {4, 4, 2}, s342[3] = {3, 4, 2};
  ct_tensor *a = make_t(3, as, CT_FLOAT32, L_CONTIG, 1), *b = make_t(3, bs, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *bad = make_t(3, s432, CT_FLOAT32, L_CONTIG, 3), *in = make_t(3, s342, CT_FLOAT32, L_CONTIG, 4);
  ct_tensor *r = NULL, *ref = NULL;
  FAILS_NULL_(r, ct_baddbmm(&r, bad, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_SHAPE,
              "ct_baddbmm: input of shape [4, 4, 2] cannot be broadcast to [3, 4, 2]");
  FAILS_NULL_(r, ct_baddbmm(&r, in, a, a, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_SHAPE,
              "ct_baddbmm: a is [3, 4, 5] but b is [3, 4, 5]");
  FAILS_NULL_(r, ct_baddbmm(&r, in, NULL, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_baddbmm: a is NULL");
  CT_FAILS_(ct_baddbmm_out(NULL, in, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
            "ct_baddbmm_out: out is NULL");
  CT_FAILS_(ct_baddbmm_(bad, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE), CT_ERR_SHAPE,
            "ct_baddbmm_: input is [4, 4, 2] but the product is [3, 4, 2]");
  double half = 0.5;
  CT_OK_(ct_baddbmm(&ref, in, a, b, &half, CT_FLOAT64, &half, CT_FLOAT64));
  CT_OK_(ct_baddbmm_(in, a, b, &half, CT_FLOAT64, &half, CT_FLOAT64));
  for (int64_t i = 0; i < 24; i++) ck_assert(value(in, i) == value(ref, i));
  ct_tensor *o = NULL;
  CT_OK_(ct_empty(&o, 3, s342, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_baddbmm_out(o, in, a, b, &half, CT_FLOAT64, &half, CT_FLOAT64));
  ct_tensor_release(ref);
  CT_OK_(ct_baddbmm(&ref, in, a, b, &half, CT_FLOAT64, &half, CT_FLOAT64));
  for (int64_t i = 0; i < 24; i++) ck_assert(value(o, i) == value(ref, i));
  ct_tensor_release(o);
  ct_tensor_release(ref);
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(bad);
  ct_tensor_release(in);
  MEM_END;
}
END_TEST

/* ---- out forms -------------------------------------------------------------------------------- */

/* out laid out as given (a view of a larger buffer), filled with NaN first. */
static ct_tensor *make_out(int32_t nd, const int64_t *shape, ct_dtype dt, int layout) {
  ct_tensor *t = make_t(nd, shape, dt, layout, 9);
  if (!is_integral(dt)) {
    ct_tensor *nanv = NULL;
    double nan = NAN;
    CT_OK_(ct_full(&nanv, 0, NULL, &nan, CT_FLOAT64, dt, CT_DEVICE_NONE, -1));
    CT_OK_(ct_copy_(t, nanv));
    ct_tensor_release(nanv);
  }
  return t;
}

START_TEST(test_out_layouts) {
  MEM_BEGIN;
  fail_reset();
  int64_t as[2] = {20, 30}, bs[2] = {30, 25}, rs[2] = {20, 25};
  const int outs[] = {L_CONTIG, L_TRANS, L_STEP, L_REV};
  for (int di = 0; di < N_DTYPES; di++)
    for (size_t oi = 0; oi < sizeof outs / sizeof outs[0]; oi++) {
      ct_dtype dt = all_dtypes[di];
      ct_tensor *a = make_t(2, as, dt, L_CONTIG, 1), *b = make_t(2, bs, dt, L_TRANS, 2);
      ct_tensor *o = make_out(2, rs, dt, outs[oi]);
      int64_t st0[2], st1[2];
      CT_OK_(ct_tensor_strides(st0, 2, o));
      CT_OK_(ct_matmul_out(o, a, b));
      CT_OK_(ct_tensor_strides(st1, 2, o));
      ck_assert(st0[0] == st1[0] && st0[1] == st1[1]);
      int32_t rnd;
      int64_t rsh[4];
      vals e = ref_matmul(&rnd, rsh, a, b);
      char what[64];
      snprintf(what, sizeof what, "matmul_out %s into %s", dname(dt), layout_name[outs[oi]]);
      check_vals(o, &e, 0, 0, what);
      /* addmm_out accumulating into the same strided out: out = 1 * out + 1 * a @ b. */
      CT_OK_(ct_addmm_out(o, o, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE));
      for (int64_t i = 0; i < e.n; i++) {
        e.re[i] *= 2;
        e.im[i] *= 2;
        e.iv[i] = (int64_t)((uint64_t)e.iv[i] * 2);
      }
      snprintf(what, sizeof what, "addmm_out %s into %s", dname(dt), layout_name[outs[oi]]);
      check_vals(o, &e, 0, 0, what);
      free_vals(&e);
      ct_tensor_release(a);
      ct_tensor_release(b);
      ct_tensor_release(o);
    }
  FAIL_IF_NOTED_("out variants differ");

  /* Every _out form into a fresh out, same values as the functional form. */
  int64_t s3[1] = {3}, s33[2] = {3, 3}, s233[3] = {2, 3, 3};
  ct_tensor *v = make_t(1, s3, CT_FLOAT64, L_CONTIG, 1), *m = make_t(2, s33, CT_FLOAT64, L_TRANS, 2);
  ct_tensor *t = make_t(3, s233, CT_FLOAT64, L_CONTIG, 3), *o = NULL, *r = NULL;
  CT_OK_(ct_empty(&o, 1, s3, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_mv_out(o, m, v));
  CT_OK_(ct_mv(&r, m, v));
  for (int64_t i = 0; i < 3; i++) ck_assert(value(o, i) == value(r, i));
  ct_tensor_release(o);
  ct_tensor_release(r);
  CT_OK_(ct_empty(&o, 2, s33, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_mm_out(o, m, m));
  CT_OK_(ct_mm(&r, m, m));
  for (int64_t i = 0; i < 9; i++) ck_assert(value(o, i) == value(r, i));
  ct_tensor_release(o);
  ct_tensor_release(r);
  CT_OK_(ct_empty(&o, 3, s233, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_bmm_out(o, t, t));
  CT_OK_(ct_bmm(&r, t, t));
  for (int64_t i = 0; i < 18; i++) ck_assert(value(o, i) == value(r, i));
  ct_tensor_release(o);
  ct_tensor_release(r);
  ct_tensor_release(v);
  ct_tensor_release(m);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

static void noop_deleter(void *data, void *ctx) {
  (void)data;
  (void)ctx;
}

START_TEST(test_out_errors) {
  MEM_BEGIN;
  int64_t s23[2] = {2, 3}, s34[2] = {3, 4}, s24[2] = {2, 4}, s33[2] = {3, 3};
  ct_tensor *a = make_t(2, s23, CT_FLOAT32, L_CONTIG, 1), *b = make_t(2, s34, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *o = NULL;
  CT_OK_(ct_empty(&o, 2, s33, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_matmul_out(o, a, b), CT_ERR_SHAPE, "ct_matmul_out: out is [3, 3] but the result is [2, 4]");
  ct_tensor_release(o);
  CT_OK_(ct_empty(&o, 2, s24, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_matmul_out(o, a, b), CT_ERR_DTYPE, "ct_matmul_out: out is float64 but the result is float32");
  CT_FAILS_(ct_mm_out(o, a, b), CT_ERR_DTYPE, "ct_mm_out: out is float64 but the result is float32");
  ct_tensor_release(o);
  /* Read-only out. */
  float buf[8];
  CT_OK_(ct_from_blob(&o, buf, 2, s24, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1, noop_deleter, NULL,
                      CT_BLOB_READ_ONLY));
  CT_FAILS_(ct_matmul_out(o, a, b), CT_ERR_READ_ONLY, "ct_matmul_out");
  ct_tensor_release(o);
  /* An out whose elements share one address. */
  ct_tensor *base = NULL;
  int64_t st0[2] = {0, 1};
  CT_OK_(ct_zeros(&base, 1, (int64_t[]){4}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_as_strided(&o, base, 2, s24, st0, 0));
  CT_FAILS_(ct_matmul_out(o, a, b), CT_ERR_INVALID_ARGUMENT, "ct_matmul_out: more than one element of out");
  ct_tensor_release(o);
  ct_tensor_release(base);
  ct_tensor_release(a);
  ct_tensor_release(b);
  MEM_END;
}
END_TEST

/* out sharing memory with an operand: the result is what it would be without the sharing. */
START_TEST(test_out_aliasing) {
  MEM_BEGIN;
  ct_dtype dts[] = {CT_FLOAT32, CT_INT32, CT_FLOAT16};
  for (size_t i = 0; i < sizeof dts / sizeof dts[0]; i++) {
    int64_t s[2] = {4, 4}, s3[3] = {2, 4, 4};
    ct_tensor *a = make_t(2, s, dts[i], L_CONTIG, 1), *b = make_t(2, s, dts[i], L_TRANS, 2), *ref = NULL;
    CT_OK_(ct_mm(&ref, a, b));
    ct_tensor *a2 = NULL, *b2 = NULL;
    CT_OK_(ct_clone(&a2, a));
    CT_OK_(ct_clone(&b2, b));
    CT_OK_(ct_mm_out(a2, a2, b));
    CT_OK_(ct_matmul_out(b2, a, b2));
    for (int64_t j = 0; j < 16; j++) {
      ck_assert(value(a2, j) == value(ref, j));
      ck_assert(value(b2, j) == value(ref, j));
    }
    ct_tensor_release(a2);
    ct_tensor_release(b2);
    /* a.addmm_(a, b) and addmm_out with out = input = b. */
    ct_tensor *r2 = NULL;
    CT_OK_(ct_clone(&a2, a));
    CT_OK_(ct_addmm(&r2, a, a, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE));
    CT_OK_(ct_addmm_(a2, a2, b, NULL, CT_DTYPE_NONE, NULL, CT_DTYPE_NONE));
    for (int64_t j = 0; j < 16; j++) ck_assert(value(a2, j) == value(r2, j));
    ct_tensor_release(r2);
    ct_tensor_release(a2);
    /* An out overlapping a only in part: a row-shifted view of a's storage. */
    ct_tensor *big = make_t(2, (int64_t[]){6, 4}, dts[i], L_CONTIG, 7), *va = NULL, *vo = NULL;
    CT_OK_(ct_as_strided(&va, big, 2, s, (int64_t[]){4, 1}, 0));
    CT_OK_(ct_as_strided(&vo, big, 2, s, (int64_t[]){4, 1}, 8));
    ct_tensor *r3 = NULL;
    CT_OK_(ct_mm(&r3, va, b));
    CT_OK_(ct_mm_out(vo, va, b));
    for (int64_t j = 0; j < 16; j++) ck_assert(value(vo, j) == value(r3, j));
    ct_tensor_release(r3);
    ct_tensor_release(va);
    ct_tensor_release(vo);
    ct_tensor_release(big);
    /* bmm into its own operand. */
    ct_tensor *t = make_t(3, s3, dts[i], L_CONTIG, 3), *t2 = NULL, *r4 = NULL;
    CT_OK_(ct_bmm(&r4, t, t));
    CT_OK_(ct_clone(&t2, t));
    CT_OK_(ct_bmm_out(t2, t2, t2));
    for (int64_t j = 0; j < 32; j++) ck_assert(value(t2, j) == value(r4, j));
    ct_tensor_release(t);
    ct_tensor_release(t2);
    ct_tensor_release(r4);
    ct_tensor_release(a);
    ct_tensor_release(b);
    ct_tensor_release(ref);
  }
  MEM_END;
}
END_TEST

/* ---- einsum ----------------------------------------------------------------------------------- */

/*
 * einsum by its definition, for equations of letters with an explicit
 * output: the sum over every assignment of the labels of the product of the
 * operands' elements (repeated labels pick diagonals; size-1 dims broadcast).
 */
static vals ref_einsum(const char *eq, ct_tensor *const *ops, int32_t n, int32_t *rnd, int64_t *rshape) {
  const char *arrow = strstr(eq, "->");
  ck_assert_ptr_nonnull(arrow);
  int64_t size[128];
  for (int i = 0; i < 128; i++) size[i] = -1;
  const char *terms[3];
  int tlen[3];
  terms[0] = eq;
  int t = 0;
  for (const char *p = eq; p < arrow; p++)
    if (*p == ',') terms[++t] = p + 1;
  ck_assert_int_eq(t + 1, n);
  for (int i = 0; i < n; i++) tlen[i] = (int)((i + 1 < n ? terms[i + 1] - 1 : arrow) - terms[i]);
  vals v[3];
  int64_t shapes[3][MAX_DIMS];
  for (int i = 0; i < n; i++) {
    int64_t *sh = shapes[i];
    CT_OK_(ct_tensor_shape(sh, MAX_DIMS, ops[i]));
    for (int j = 0; j < tlen[i]; j++) {
      int c = terms[i][j];
      if (size[c] < 0 || size[c] == 1) size[c] = sh[j];
    }
    v[i] = read_vals(ops[i]);
  }
  const char *out = arrow + 2;
  int olen = (int)strlen(out);
  *rnd = olen;
  int64_t rn = 1;
  for (int j = 0; j < olen; j++) rn *= (rshape[j] = size[(int)out[j]]);
  vals r = new_vals(rn);
  char labels[64];
  int nl = 0;
  for (int c = 0; c < 128; c++)
    if (size[c] >= 0) labels[nl++] = (char)c;
  int64_t idx[128] = {0};
  vals one = new_vals(1);
  one.re[0] = 1;
  one.iv[0] = 1;
  int64_t total = 1;
  for (int l = 0; l < nl; l++) total *= size[(int)labels[l]];
  for (int64_t it = 0; it < total; it++) {
    int64_t rem = it;
    for (int l = nl - 1; l >= 0; l--) {
      idx[(int)labels[l]] = rem % size[(int)labels[l]];
      rem /= size[(int)labels[l]];
    }
    int64_t pos[3];
    for (int i = 0; i < n; i++) {
      const int64_t *sh = shapes[i];
      pos[i] = 0;
      for (int j = 0; j < tlen[i]; j++) pos[i] = pos[i] * sh[j] + (sh[j] == 1 ? 0 : idx[(int)terms[i][j]]);
    }
    int64_t o = 0;
    for (int j = 0; j < olen; j++) o = o * rshape[j] + idx[(int)out[j]];
    if (n == 1) {
      fma_at(&r, o, &v[0], pos[0], &one, 0);
    } else {
      fma_at(&r, o, &v[0], pos[0], &v[1], pos[1]);
    }
  }
  for (int i = 0; i < n; i++) free_vals(&v[i]);
  free_vals(&one);
  return r;
}

struct ein_case {
  const char *eq;   /* what ct_einsum gets */
  const char *ref;  /* the same with an explicit output, for the reference */
  bool own_sum;     /* an operand is summed over a subscript of its own: int64 for integers */
  int32_t n;
  int32_t nd[2];
  int64_t shape[2][4];
};

static const struct ein_case ein_cases[] = {
  {"ij,jk->ik", "ij,jk->ik", false, 2, {2, 2}, {{3, 4}, {4, 5}}},
  {"bij,bjk->bik", "bij,bjk->bik", false, 2, {3, 3}, {{2, 3, 4}, {2, 4, 5}}},
  {"i,i->", "i,i->", false, 2, {1, 1}, {{7}, {7}}},
  {"ij,j->i", "ij,j->i", false, 2, {2, 1}, {{3, 4}, {4}}},
  {"bi,bi->b", "bi,bi->b", false, 2, {2, 2}, {{5, 3}, {5, 3}}},
  {"ij,jk", "ij,jk->ik", false, 2, {2, 2}, {{3, 4}, {4, 2}}},
  {"ba,bc", "ba,bc->ac", false, 2, {2, 2}, {{3, 2}, {3, 4}}},
  {"i,j->ij", "i,j->ij", false, 2, {1, 1}, {{3}, {4}}},
  {"i,j", "i,j->ij", false, 2, {1, 1}, {{3}, {4}}},
  {"ij,ij->", "ij,ij->", false, 2, {2, 2}, {{3, 4}, {3, 4}}},
  {"ij,ij", "ij,ij->", false, 2, {2, 2}, {{3, 4}, {3, 4}}},
  {"ij,jk->ki", "ij,jk->ki", false, 2, {2, 2}, {{3, 2}, {2, 4}}},
  {"bij,bjk->ibk", "bij,bjk->ibk", false, 2, {3, 3}, {{5, 3, 2}, {5, 2, 4}}},
  {"ij,k->k", "ij,k->k", true, 2, {2, 1}, {{2, 3}, {3}}},
  {"ij,jk->ik", "ij,jk->ik", false, 2, {2, 2}, {{2, 1}, {3, 4}}},
  {"bij,bjk->bik", "bij,bjk->bik", false, 2, {3, 3}, {{1, 2, 3}, {5, 3, 4}}},
  {" i j , j k -> i k ", "ij,jk->ik", false, 2, {2, 2}, {{2, 3}, {3, 2}}},
  {"iJ,Jk->ik", "iJ,Jk->ik", false, 2, {2, 2}, {{2, 3}, {3, 2}}},
  {"abc,cd->bad", "abc,cd->bad", false, 2, {3, 2}, {{2, 3, 4}, {4, 5}}},
  {"abcd,cbe->aed", "abcd,cbe->aed", false, 2, {4, 3}, {{2, 3, 4, 2}, {4, 3, 5}}},
  {"ij,jk->ik", "ij,jk->ik", false, 2, {2, 2}, {{2, 0}, {0, 3}}},
  {"ij->ji", "ij->ji", false, 1, {2}, {{3, 4}}},
  {"ij", "ij->ij", false, 1, {2}, {{3, 4}}},
  {"ij->i", "ij->i", true, 1, {2}, {{3, 4}}},
  {"ij->j", "ij->j", true, 1, {2}, {{3, 4}}},
  {"ij->", "ij->", true, 1, {2}, {{3, 4}}},
  {"ii->i", "ii->i", false, 1, {2}, {{3, 3}}},
  {"ii", "ii->", true, 1, {2}, {{3, 3}}},
  {"iij->ji", "iij->ji", false, 1, {3}, {{2, 2, 3}}},
  {"ij->i", "ij->i", true, 1, {2}, {{2, 0}}},
};

START_TEST(test_einsum_forms) {
  MEM_BEGIN;
  fail_reset();
  const ct_dtype dts[] = {CT_FLOAT32, CT_FLOAT64, CT_INT8, CT_INT64, CT_BFLOAT16, CT_COMPLEX128};
  for (size_t c = 0; c < sizeof ein_cases / sizeof ein_cases[0]; c++)
    for (size_t di = 0; di < sizeof dts / sizeof dts[0]; di++)
      for (int lay = 0; lay < 3; lay++) {
        const struct ein_case *ec = &ein_cases[c];
        ct_dtype dt = dts[di];
        ct_tensor *ops[2] = {NULL, NULL}, *r = NULL;
        for (int i = 0; i < ec->n; i++)
          ops[i] = make_t(ec->nd[i], ec->shape[i], dt, lay == 0 ? L_CONTIG : lay == 1 ? L_TRANS : L_STEP, 3 + i);
        char what[128];
        snprintf(what, sizeof what, "einsum \"%s\" %s %s", ec->eq, dname(dt), layout_name[lay]);
        if (ct_einsum(&r, ec->eq, ops, ec->n) != CT_OK) {
          fail_note("%s failed: %s", what, ct_last_error_message());
        } else {
          int32_t rnd;
          int64_t rs[MAX_DIMS];
          vals e = ref_einsum(ec->ref, ops, ec->n, &rnd, rs);
          int32_t nd;
          int64_t got[MAX_DIMS];
          CT_OK_(ct_tensor_ndim(&nd, r));
          CT_OK_(ct_tensor_shape(got, MAX_DIMS, r));
          bool same = nd == rnd;
          for (int32_t d = 0; same && d < nd; d++) same = got[d] == rs[d];
          /* An operand summed over its own subscripts gives int64 for integers (torch.sum). */
          ct_dtype want = ec->own_sum && is_integral(dt) ? CT_INT64 : dt;
          if (!same)
            fail_note("%s: wrong shape", what);
          else if (dtype_of(r) != want)
            fail_note("%s: dtype %s, expected %s", what, dname(dtype_of(r)), dname(want));
          else
            check_vals(r, &e, 0, 0, what);
          free_vals(&e);
        }
        ct_tensor_release(r);
        ct_tensor_release(ops[0]);
        ct_tensor_release(ops[1]);
      }
  FAIL_IF_NOTED_("einsum results differ");
  MEM_END;
}
END_TEST

/* One operand without summation is a view; dtype rules of sums; ellipses. */
START_TEST(test_einsum_rules) {
  MEM_BEGIN;
  int64_t s34[2] = {3, 4}, s33[2] = {3, 3};
  ct_tensor *x = make_t(2, s34, CT_FLOAT32, L_CONTIG, 1), *r = NULL, *d = make_t(2, s33, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *ops[2] = {x, NULL};
  CT_OK_(ct_einsum(&r, "ij->ji", ops, 1));
  ck_assert(shares(r, x));
  int64_t st[2] = {1, 4};
  check_strides(r, 2, st);
  ct_tensor_release(r);
  ops[0] = d;
  CT_OK_(ct_einsum(&r, "ii->i", ops, 1));
  ck_assert(shares(r, d));
  int64_t st4[1] = {4};
  check_strides(r, 1, st4);
  ct_tensor_release(r);

  /* Integer and bool sums over one operand's own subscripts give int64; products keep the dtype. */
  ct_tensor *i8 = make_t(2, s34, CT_INT8, L_CONTIG, 3), *bl = NULL;
  CT_OK_(ct_ones(&bl, 2, s34, CT_BOOL, CT_DEVICE_NONE, -1));
  ops[0] = i8;
  CT_OK_(ct_einsum(&r, "ij->i", ops, 1));
  ck_assert_int_eq(dtype_of(r), CT_INT64);
  ct_tensor_release(r);
  ops[0] = bl;
  CT_OK_(ct_einsum(&r, "ij->j", ops, 1));
  ck_assert_int_eq(dtype_of(r), CT_INT64);
  ck_assert_int_eq(ivalue(r, 0), 3);
  ct_tensor_release(r);
  CT_OK_(ct_einsum(&r, "ij->ji", ops, 1));
  ck_assert_int_eq(dtype_of(r), CT_BOOL);
  ct_tensor_release(r);
  ops[1] = bl;
  CT_OK_(ct_einsum(&r, "ij,ij->ij", ops, 2));
  ck_assert_int_eq(dtype_of(r), CT_BOOL);
  ck_assert_int_eq(ivalue(r, 5), 1);
  ct_tensor_release(r);
  CT_OK_(ct_einsum(&r, "ij,kl->ijkl", ops, 2));
  ck_assert_int_eq(dtype_of(r), CT_BOOL);
  ct_tensor_release(r);
  ops[0] = i8;
  ops[1] = i8;
  CT_OK_(ct_einsum(&r, "ij,kj->k", ops, 2)); /* i summed in operand 0 alone: int64 */
  ck_assert_int_eq(dtype_of(r), CT_INT64);
  ct_tensor_release(r);
  CT_OK_(ct_einsum(&r, "ij,ij->", ops, 2));
  ck_assert_int_eq(dtype_of(r), CT_INT8);
  ct_tensor_release(r);

  /* Ellipses broadcast like matmul's batch dims; the implicit output puts them first. */
  int64_t s523[3] = {5, 2, 3}, s34b[2] = {3, 4}, s1523[4] = {1, 5, 2, 3};
  ct_tensor *a = make_t(3, s523, CT_FLOAT64, L_CONTIG, 4), *b = make_t(2, s34b, CT_FLOAT64, L_TRANS, 5);
  ct_tensor *m = NULL, *a4 = make_t(4, s1523, CT_FLOAT64, L_REV, 6);
  CT_OK_(ct_matmul(&m, a, b));
  ops[0] = a;
  ops[1] = b;
  const char *eqs[] = {"...ij,...jk->...ik", "...ij,...jk", "...ij,jk->...ik", "bij,jk->bik"};
  for (size_t i = 0; i < sizeof eqs / sizeof eqs[0]; i++) {
    CT_OK_(ct_einsum(&r, eqs[i], ops, 2));
    int64_t rs[3] = {5, 2, 4};
    check_shape(r, 3, rs);
    for (int64_t j = 0; j < 40; j++) ck_assert_msg(value(r, j) == value(m, j), "%s element %lld", eqs[i], (long long)j);
    ct_tensor_release(r);
  }
  ct_tensor_release(m);
  ops[0] = a4;
  CT_OK_(ct_matmul(&m, a4, b));
  CT_OK_(ct_einsum(&r, "...ij,...jk->...ik", ops, 2));
  int64_t rs4[4] = {1, 5, 2, 4};
  check_shape(r, 4, rs4);
  for (int64_t j = 0; j < 40; j++) ck_assert(value(r, j) == value(m, j));
  ct_tensor_release(r);
  ct_tensor_release(m);
  /* "...ij->ij" sums the ellipsis dims away; the implicit order puts capitals first. */
  ops[0] = a;
  CT_OK_(ct_einsum(&r, "...ij->ij", ops, 1));
  int64_t s23[2] = {2, 3};
  check_shape(r, 2, s23);
  ct_tensor_release(r);
  int64_t s23b[2] = {2, 3}, s45[2] = {4, 5};
  ct_tensor *p = make_t(2, s23b, CT_FLOAT32, L_CONTIG, 7), *q = make_t(2, s45, CT_FLOAT32, L_CONTIG, 8);
  ops[0] = p;
  ops[1] = q;
  CT_OK_(ct_einsum(&r, "Ji,jK", ops, 2));
  int64_t s2534[4] = {2, 5, 3, 4};
  check_shape(r, 4, s2534);
  ct_tensor_release(r);
  /* 0-d operands. */
  ct_tensor *z = NULL;
  double three = 3;
  CT_OK_(ct_full(&z, 0, NULL, &three, CT_FLOAT64, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ops[0] = z;
  ops[1] = z;
  CT_OK_(ct_einsum(&r, ",->", ops, 2));
  ck_assert(value(r, 0) == 9);
  ct_tensor_release(r);
  CT_OK_(ct_einsum(&r, "->", ops, 1));
  ck_assert(value(r, 0) == 3);
  ct_tensor_release(r);

  ct_tensor *all[] = {x, d, i8, bl, a, b, a4, p, q, z};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) ct_tensor_release(all[i]);
  MEM_END;
}
END_TEST

START_TEST(test_einsum_errors) {
  MEM_BEGIN;
  int64_t s23[2] = {2, 3}, s3[1] = {3};
  ct_tensor *x = make_t(2, s23, CT_FLOAT32, L_CONTIG, 1), *y = make_t(1, s3, CT_FLOAT32, L_CONTIG, 2);
  ct_tensor *d = make_t(2, s23, CT_FLOAT64, L_CONTIG, 3), *bl = NULL, *r = NULL;
  CT_OK_(ct_ones(&bl, 2, s23, CT_BOOL, CT_DEVICE_NONE, -1));
  ct_tensor *xx[2] = {x, x}, *xy[2] = {x, y}, *xd[2] = {x, d}, *bb[2] = {bl, bl}, *x3[3] = {x, x, x};
  ct_tensor *xn[2] = {x, NULL};
  FAILS_NULL_(r, ct_einsum(&r, "i1,j->i", xy, 2), CT_ERR_INVALID_ARGUMENT,
              "ct_einsum: invalid subscript '1' at index 1 of the equation");
  FAILS_NULL_(r, ct_einsum(&r, "..i->i", &y, 1), CT_ERR_INVALID_ARGUMENT,
              "ct_einsum: '.' at index 0 of the equation is not part of an ellipsis");
  FAILS_NULL_(r, ct_einsum(&r, "...i...->i", &y, 1), CT_ERR_INVALID_ARGUMENT, "second ellipsis");
  FAILS_NULL_(r, ct_einsum(&r, "i->i->i", &y, 1), CT_ERR_INVALID_ARGUMENT, "invalid subscript '-' at index 4");
  FAILS_NULL_(r, ct_einsum(&r, "i-j", &y, 1), CT_ERR_INVALID_ARGUMENT, "invalid subscript '-' at index 1");
  FAILS_NULL_(r, ct_einsum(&r, "i->i,j", &y, 1), CT_ERR_INVALID_ARGUMENT, "invalid subscript ','");
  FAILS_NULL_(r, ct_einsum(&r, "ij,jk->ik", &x, 1), CT_ERR_INVALID_ARGUMENT,
              "ct_einsum: the equation \"ij,jk->ik\" has 2 operands but n = 1");
  FAILS_NULL_(r, ct_einsum(&r, "ij->ik", &x, 1), CT_ERR_INVALID_ARGUMENT,
              "ct_einsum: output subscript 'k' does not appear in any operand");
  FAILS_NULL_(r, ct_einsum(&r, "ij->jj", &x, 1), CT_ERR_INVALID_ARGUMENT,
              "ct_einsum: output subscript 'j' appears more than once in the output");
  FAILS_NULL_(r, ct_einsum(&r, "ijk->i", &x, 1), CT_ERR_SHAPE,
              "ct_einsum: operand 0 has 2 dims but the equation gives it 3 subscripts");
  FAILS_NULL_(r, ct_einsum(&r, "ij,jk->ik", xx, 2), CT_ERR_SHAPE,
              "ct_einsum: subscript 'j' has size 2 for operand 1, which does not broadcast with size 3");
  FAILS_NULL_(r, ct_einsum(&r, "ii->i", &x, 1), CT_ERR_SHAPE,
              "ct_einsum: subscript 'i' is repeated for operand 0 but its sizes differ, 2 and 3");
  FAILS_NULL_(r, ct_einsum(&r, "ij,ij->i", xd, 2), CT_ERR_DTYPE,
              "ct_einsum: operands[1] is float64 but operands[0] is float32");
  FAILS_NULL_(r, ct_einsum(&r, "ij,kj->ik", bb, 2), CT_ERR_DTYPE,
              "ct_einsum: dtype bool is not supported for a contraction (subscript 'j' is summed)");
  FAILS_NULL_(r, ct_einsum(&r, "i,i,i->", x3, 3), CT_ERR_NOT_IMPLEMENTED,
              "ct_einsum: 3 operands: only one or two are supported");
  FAILS_NULL_(r, ct_einsum(&r, "ij", xx, 0), CT_ERR_INVALID_ARGUMENT, "ct_einsum: n = 0 must be >= 1");
  FAILS_NULL_(r, ct_einsum(&r, NULL, xx, 1), CT_ERR_INVALID_ARGUMENT, "ct_einsum: equation is NULL");
  FAILS_NULL_(r, ct_einsum(&r, "ij", NULL, 1), CT_ERR_INVALID_ARGUMENT, "ct_einsum: operands is NULL");
  FAILS_NULL_(r, ct_einsum(&r, "ij,ij", xn, 2), CT_ERR_INVALID_ARGUMENT, "ct_einsum: operands[1] is NULL");
  CT_FAILS_(ct_einsum(NULL, "ij", xx, 1), CT_ERR_INVALID_ARGUMENT, "ct_einsum: out is NULL");
  FAILS_NULL_(r, ct_einsum(&r, "", &x, 1), CT_ERR_SHAPE, "operand 0 has 2 dims but the equation gives it 0 subscripts");
  ct_tensor *all[] = {x, y, d, bl};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) ct_tensor_release(all[i]);
  MEM_END;
}
END_TEST

/* ---- threads, backend ------------------------------------------------------------------------- */

/* The built-in kernel gives the same bits for any thread count (general values, every dtype it runs). */
START_TEST(test_thread_count_invariance) {
  MEM_BEGIN;
  int32_t saved = 1;
  CT_OK_(ct_get_num_threads(&saved));
  const char *impl = NULL;
  CT_OK_(ct_linalg_backend(&impl));
  bool blas = strcmp(impl, "openblas") == 0;
  int64_t as[3] = {3, 150, 290}, bs[2] = {290, 170};
  int32_t many = UNDER_VALGRIND() ? 1 : 3;
  for (int di = 0; di < N_DTYPES; di++) {
    ct_dtype dt = all_dtypes[di];
    if (blas && (dt == CT_FLOAT32 || dt == CT_FLOAT64 || is_complex(dt))) continue;
    ct_tensor *a = NULL, *b = NULL, *r1 = NULL, *r3 = NULL;
    if (is_integral(dt)) {
      a = make_t(3, as, dt, L_CONTIG, 1);
      b = make_t(2, bs, dt, L_TRANS, 2);
    } else {
      ct_generator *g = NULL;
      CT_OK_(ct_generator_create(&g, 7));
      CT_OK_(ct_randn(&a, g, 3, as, dt, CT_DEVICE_NONE, -1));
      CT_OK_(ct_randn(&b, g, 2, bs, dt, CT_DEVICE_NONE, -1));
      ct_generator_release(g);
    }
    CT_OK_(ct_set_num_threads(1));
    CT_OK_(ct_matmul(&r1, a, b));
    CT_OK_(ct_set_num_threads(many));
    CT_OK_(ct_matmul(&r3, a, b));
    CT_OK_(ct_set_num_threads(saved));
    int64_t nb = 0;
    CT_OK_(ct_tensor_nbytes(&nb, r1));
    ck_assert_msg(memcmp(data_of(r1), data_of(r3), (size_t)nb) == 0, "%s differs with the thread count", dname(dt));
    ct_tensor_release(a);
    ct_tensor_release(b);
    ct_tensor_release(r1);
    ct_tensor_release(r3);
  }
  CT_OK_(ct_set_num_threads(saved));
  MEM_END;
}
END_TEST

START_TEST(test_backend_name) {
  MEM_BEGIN;
  const char *impl = NULL;
  CT_OK_(ct_linalg_backend(&impl));
  ck_assert(strcmp(impl, "openblas") == 0 || strcmp(impl, "builtin") == 0);
  CT_FAILS_(ct_linalg_backend(NULL), CT_ERR_INVALID_ARGUMENT, "ct_linalg_backend: name is NULL");
  MEM_END;
}
END_TEST

int main(void) {
  const ct_test_case tests[] = {
    {"matmul_shapes", test_matmul_shapes},
    {"matmul_blocked", test_matmul_blocked},
    {"matmul_batches", test_matmul_batches},
    {"matmul_general_values", test_matmul_general_values},
    {"matmul_int_wrap", test_matmul_int_wrap},
    {"matmul_k0", test_matmul_k0},
    {"matmul_errors", test_matmul_errors},
    {"mm", test_mm},
    {"bmm", test_bmm},
    {"mv", test_mv},
    {"dot", test_dot},
    {"outer", test_outer},
    {"addmm", test_addmm},
    {"addmm_nan_and_defaults", test_addmm_nan_and_defaults},
    {"addmm_errors", test_addmm_errors},
    {"baddbmm", test_baddbmm},
    {"out_layouts", test_out_layouts},
    {"out_errors", test_out_errors},
    {"out_aliasing", test_out_aliasing},
    {"einsum_forms", test_einsum_forms},
    {"einsum_rules", test_einsum_rules},
    {"einsum_errors", test_einsum_errors},
    {"thread_count_invariance", test_thread_count_invariance},
    {"backend_name", test_backend_name},
  };
  Suite *s = suite_create("linalg");
  const ct_test_tcase_opts opts = {NULL, NULL, 120};
  CT_TEST_ADD_CASES_(s, tests, &opts);
  return ct_test_run(s);
}
