/*
 * ct_bench.c: the C side of the ctensor benchmark (bench/run.sh runs it).
 *
 * Times ctensor's public C API with no Python in the loop, and the machine's
 * memory bandwidth with plain C loops, and prints one JSON object per line:
 *   {"type":"info","key":...,"value":...}
 *   {"type":"result","case":...,"status":"ok"|"n/a"|"error","time":seconds,...}
 * bench/report.py turns them (with the Python side's lines) into the table;
 * it also holds the byte and flop counts of each case, so that both sides
 * only report times under the same case names.
 *
 * Method (bench/py_bench.py does the same): one checked call, warm-up calls
 * for at least BENCH_WARMUP seconds, then samples of `inner` back-to-back
 * calls (inner chosen so that a sample lasts about BENCH_SAMPLE seconds, at
 * least one call), repeated until BENCH_BUDGET seconds have passed and at
 * least 5 samples exist (at most 200). The time reported is the median
 * sample divided by inner. Functional ops allocate their result and the
 * harness releases it inside the timed loop, as PyTorch's functional ops do.
 *
 * Ops missing from the library or its headers at build time are reported as
 * "n/a": run.sh generates ct_avail.h with one HAVE_<symbol> per symbol that
 * the library exports and include/ctensor declares.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "ctensor/ctensor.h"
#include "ct_avail.h"

#ifndef HAVE_ct_add
#define HAVE_ct_add 0
#endif
#ifndef HAVE_ct_add_out
#define HAVE_ct_add_out 0
#endif
#ifndef HAVE_ct_mul
#define HAVE_ct_mul 0
#endif
#ifndef HAVE_ct_exp
#define HAVE_ct_exp 0
#endif
#ifndef HAVE_ct_sum
#define HAVE_ct_sum 0
#endif
#ifndef HAVE_ct_mean
#define HAVE_ct_mean 0
#endif
#ifndef HAVE_ct_softmax
#define HAVE_ct_softmax 0
#endif
#ifndef HAVE_ct_matmul
#define HAVE_ct_matmul 0
#endif
#ifndef HAVE_ct_transpose
#define HAVE_ct_transpose 0
#endif
#ifndef HAVE_ct_linalg_backend
#define HAVE_ct_linalg_backend 0
#endif

/* ---- settings and output --------------------------------------------------------------------- */

static double g_budget = 0.25;  /* seconds of samples per case */
static double g_warmup = 0.02;  /* seconds of warm-up calls per case */
static double g_sample = 1e-3;  /* target length of one sample */
static int g_threads = 2;
enum { MIN_SAMPLES = 5, MAX_SAMPLES = 200 };

static double env_double(const char *name, double dflt) {
  const char *s = getenv(name);
  return (s && *s) ? atof(s) : dflt;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Prints s as a JSON string (quotes, backslashes and control characters escaped). */
static void json_str(const char *s) {
  putchar('"');
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

static void info(const char *key, const char *value) {
  printf("{\"type\":\"info\",\"key\":");
  json_str(key);
  printf(",\"value\":");
  json_str(value);
  printf("}\n");
  fflush(stdout);
}

static void info_num(const char *key, double value) {
  char buf[64];
  snprintf(buf, sizeof buf, "%.6g", value);
  info(key, buf);
}

static void result_na(const char *name, const char *why) {
  printf("{\"type\":\"result\",\"case\":");
  json_str(name);
  printf(",\"status\":\"n/a\",\"msg\":");
  json_str(why);
  printf("}\n");
  fflush(stdout);
}

static void result_error(const char *name, ct_status st) {
  char msg[512];
  snprintf(msg, sizeof msg, "%s: %s", ct_status_name(st), ct_last_error_message());
  printf("{\"type\":\"result\",\"case\":");
  json_str(name);
  printf(",\"status\":\"error\",\"msg\":");
  json_str(msg);
  printf("}\n");
  fflush(stdout);
}

static void result_ok(const char *name, double median, double min, int samples, long inner,
                      const char *check) {
  printf("{\"type\":\"result\",\"case\":");
  json_str(name);
  printf(",\"status\":\"ok\",\"time\":%.9g,\"min\":%.9g,\"samples\":%d,\"inner\":%ld,\"check\":",
         median, min, samples, inner);
  json_str(check);
  printf("}\n");
  fflush(stdout);
}

/* ---- timing ---------------------------------------------------------------------------------- */

static int cmp_double(const void *pa, const void *pb) {
  double a = *(const double *)pa, b = *(const double *)pb;
  return (a > b) - (a < b);
}

/* One timed unit of work: returns 0, or a ct_status on failure. */
typedef int (*work_fn)(void *ctx);

typedef struct {
  double median, min;
  int samples;
  long inner;
} timing;

/* Times fn by the method in the file comment; fn has already run once. */
static int time_work(work_fn fn, void *ctx, timing *t) {
  double t0 = now(), elapsed;
  long calls = 0;
  do {
    int st = fn(ctx);
    if (st) return st;
    calls++;
    elapsed = now() - t0;
  } while (calls < 2 || elapsed < g_warmup);
  double per = elapsed / (double)calls;
  long inner = per >= g_sample ? 1 : (long)ceil(g_sample / per);
  double s[MAX_SAMPLES];
  int n = 0;
  double start = now();
  while (n < MAX_SAMPLES && (n < MIN_SAMPLES || now() - start < g_budget)) {
    double a = now();
    for (long i = 0; i < inner; i++) {
      int st = fn(ctx);
      if (st) return st;
    }
    s[n++] = (now() - a) / (double)inner;
  }
  qsort(s, (size_t)n, sizeof s[0], cmp_double);
  t->median = n % 2 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  t->min = s[0];
  t->samples = n;
  t->inner = inner;
  return 0;
}

/* ---- ctensor cases --------------------------------------------------------------------------- */

typedef enum { K_ADD, K_MUL, K_EXP, K_ADD_OUT, K_SUM, K_MEAN, K_SOFTMAX, K_MATMUL } op_kind;

typedef struct {
  op_kind kind;
  ct_tensor *a, *b, *out; /* inputs (b may be NULL) and the preallocated output of _out forms */
  int64_t dims[2];        /* reduction dims */
  int32_t ndims;
  ct_tensor *result;      /* the result of the checked first call */
} op_ctx;

/* One call of the op; a functional result lands in *res (NULL for _out forms). */
static ct_status op_call(op_ctx *c, ct_tensor **res) {
  *res = NULL;
  switch (c->kind) {
#if HAVE_ct_add
  case K_ADD: return ct_add(res, c->a, c->b, NULL, CT_DTYPE_NONE);
#endif
#if HAVE_ct_add_out
  case K_ADD_OUT: return ct_add_out(c->out, c->a, c->b, NULL, CT_DTYPE_NONE);
#endif
#if HAVE_ct_mul
  case K_MUL: return ct_mul(res, c->a, c->b);
#endif
#if HAVE_ct_exp
  case K_EXP: return ct_exp(res, c->a);
#endif
#if HAVE_ct_sum
  case K_SUM: return ct_sum(res, c->a, c->dims, c->ndims, false, CT_DTYPE_NONE);
#endif
#if HAVE_ct_mean
  case K_MEAN: return ct_mean(res, c->a, c->dims, c->ndims, false, CT_DTYPE_NONE);
#endif
#if HAVE_ct_softmax
  case K_SOFTMAX: return ct_softmax(res, c->a, c->dims[0], CT_DTYPE_NONE);
#endif
#if HAVE_ct_matmul
  case K_MATMUL: return ct_matmul(res, c->a, c->b);
#endif
  default: return CT_ERR_NOT_IMPLEMENTED;
  }
}

static int op_available(op_kind k) {
  switch (k) {
  case K_ADD: return HAVE_ct_add;
  case K_ADD_OUT: return HAVE_ct_add_out;
  case K_MUL: return HAVE_ct_mul;
  case K_EXP: return HAVE_ct_exp;
  case K_SUM: return HAVE_ct_sum;
  case K_MEAN: return HAVE_ct_mean;
  case K_SOFTMAX: return HAVE_ct_softmax;
  case K_MATMUL: return HAVE_ct_matmul;
  }
  return 0;
}

static const char *op_symbol(op_kind k) {
  static const char *names[] = {"ct_add", "ct_mul", "ct_exp", "ct_add_out",
                                "ct_sum", "ct_mean", "ct_softmax", "ct_matmul"};
  return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

/* The timed unit: call, then release the result (allocation and release are part of the op). */
static int op_work(void *p) {
  ct_tensor *r;
  ct_status st = op_call((op_ctx *)p, &r);
  ct_tensor_release(r);
  return st;
}

/* Element (i, j) of a 1-D or 2-D tensor as a double (a 1-D tensor is broadcast as a row: x[j]). */
static double elem(ct_tensor *t, int64_t i, int64_t j) {
  int32_t nd = 0;
  int64_t st[2] = {0, 0};
  void *p = NULL;
  ct_dtype dt = CT_FLOAT32;
  ct_tensor_ndim(&nd, t);
  ct_tensor_strides(st, 2, t);
  ct_tensor_data_ptr(&p, t);
  ct_tensor_dtype(&dt, t);
  int64_t off = nd == 0 ? 0 : nd == 1 ? j * st[0] : i * st[0] + j * st[1];
  int64_t isz = 4;
  ct_tensor_element_size(&isz, t);
  double v = 0;
  ct_dtype_convert(&v, CT_FLOAT64, (char *)p + off * isz, dt, 1);
  return v;
}

static int64_t size_of(ct_tensor *t, int32_t dim) {
  int64_t s = 0;
  ct_tensor_size(&s, t, dim);
  return s;
}

static int32_t ndim_of(ct_tensor *t) {
  int32_t n = 0;
  ct_tensor_ndim(&n, t);
  return n;
}

static int close_to(double got, double want, double rtol) {
  return fabs(got - want) <= rtol * fmax(1.0, fabs(want));
}

/*
 * Checks the first call's result at a few positions against a double
 * computation from the inputs, so that a fast but wrong kernel shows up.
 * Writes "ok" or what differs into msg.
 */
static void check_result(op_ctx *c, ct_tensor *r, char *msg, size_t len) {
  snprintf(msg, len, "ok");
  ct_tensor *out = c->kind == K_ADD_OUT ? c->out : r;
  if (!out) {
    snprintf(msg, len, "no result");
    return;
  }
  ct_dtype dt = CT_FLOAT32;
  ct_tensor_dtype(&dt, c->a);
  double rtol = dt == CT_FLOAT16 ? 2e-3 : 2e-5;
  int32_t nd = ndim_of(c->a);
  int64_t rows = nd == 2 ? size_of(c->a, 0) : 1, cols = size_of(c->a, nd - 1);
  switch (c->kind) {
  case K_ADD: case K_ADD_OUT: case K_MUL: case K_EXP: {
    int32_t ond = ndim_of(out);
    int64_t orows = ond == 2 ? size_of(out, 0) : 1, ocols = size_of(out, ond - 1);
    for (int k = 0; k < 5; k++) {
      int64_t i = (orows - 1) * k / 4, j = (ocols - 1) * (4 - k) / 4;
      double x = elem(c->a, i, j), want;
      if (c->kind == K_EXP) want = exp(x);
      else if (c->kind == K_MUL) want = x * elem(c->b, i, j);
      else want = x + elem(c->b, i, j);
      double got = elem(out, i, j);
      if (!close_to(got, want, rtol)) {
        snprintf(msg, len, "at (%lld, %lld): got %.9g, want %.9g", (long long)i, (long long)j, got,
                 want);
        return;
      }
    }
    return;
  }
  case K_SUM: case K_MEAN: {
    double scale = 1.0;
    if (c->ndims == 0) {
      double s = 0;
      for (int64_t i = 0; i < rows; i++)
        for (int64_t j = 0; j < cols; j++) s += elem(c->a, i, j);
      if (c->kind == K_MEAN) s /= (double)(rows * cols);
      double got = elem(out, 0, 0);
      if (!close_to(got, s, 1e-4)) snprintf(msg, len, "got %.9g, want %.9g", got, s);
      return;
    }
    int64_t d = c->dims[0];
    int64_t n = d == 0 ? cols : rows, m = d == 0 ? rows : cols;
    if (c->kind == K_MEAN) scale = 1.0 / (double)m;
    for (int k = 0; k < 3; k++) {
      int64_t idx = (n - 1) * k / 2;
      double s = 0;
      for (int64_t t = 0; t < m; t++) s += d == 0 ? elem(c->a, t, idx) : elem(c->a, idx, t);
      s *= scale;
      double got = elem(out, 0, idx);
      if (!close_to(got, s, 1e-4)) {
        snprintf(msg, len, "at %lld: got %.9g, want %.9g", (long long)idx, got, s);
        return;
      }
    }
    return;
  }
  case K_SOFTMAX: {
    for (int k = 0; k < 3; k++) {
      int64_t i = (rows - 1) * k / 2;
      double mx = -INFINITY, s = 0;
      for (int64_t j = 0; j < cols; j++) mx = fmax(mx, elem(c->a, i, j));
      for (int64_t j = 0; j < cols; j++) s += exp(elem(c->a, i, j) - mx);
      int64_t j = (cols - 1) * k / 2;
      double want = exp(elem(c->a, i, j) - mx) / s, got = elem(out, i, j);
      if (!close_to(got, want, 1e-4)) {
        snprintf(msg, len, "at (%lld, %lld): got %.9g, want %.9g", (long long)i, (long long)j,
                 got, want);
        return;
      }
    }
    return;
  }
  case K_MATMUL: {
    int64_t kk = size_of(c->a, 1), n = size_of(c->b, 1);
    for (int k = 0; k < 3; k++) {
      int64_t i = (rows - 1) * k / 2, j = (n - 1) * (2 - k) / 2;
      double s = 0;
      for (int64_t t = 0; t < kk; t++) s += elem(c->a, i, t) * elem(c->b, t, j);
      double got = elem(out, i, j);
      if (!close_to(got, s, 1e-3)) {
        snprintf(msg, len, "at (%lld, %lld): got %.9g, want %.9g", (long long)i, (long long)j,
                 got, s);
        return;
      }
    }
    return;
  }
  }
}

/* Runs one case: n/a when the op is missing, error when setup or the first call fails. */
static void run_case(const char *name, op_ctx *c) {
  if (!op_available(c->kind)) {
    char why[96];
    snprintf(why, sizeof why, "%s not in the library yet", op_symbol(c->kind));
    result_na(name, why);
    return;
  }
  int binary = c->kind == K_ADD || c->kind == K_MUL || c->kind == K_ADD_OUT || c->kind == K_MATMUL;
  if (!c->a || (binary && !c->b) || (c->kind == K_ADD_OUT && !c->out)) {
    result_error(name, ct_last_error_code() ? ct_last_error_code() : CT_ERR_INTERNAL);
    return;
  }
  ct_tensor *r = NULL;
  ct_clear_error();
  ct_status st = op_call(c, &r);
  if (st) {
    result_error(name, st);
    return;
  }
  char check[256];
  check_result(c, r, check, sizeof check);
  ct_tensor_release(r);
  timing t;
  st = time_work(op_work, c, &t);
  if (st) {
    result_error(name, st);
    return;
  }
  result_ok(name, t.median, t.min, t.samples, t.inner, check);
}

static ct_generator *g_gen;

/* Uniform [0, 1) float32 values of a 1-D or 2-D shape, optionally converted to dtype. */
static ct_tensor *rand_tensor(int32_t ndim, int64_t d0, int64_t d1, ct_dtype dtype) {
  int64_t shape[2] = {d0, d1};
  ct_tensor *t = NULL, *c = NULL;
  if (ct_rand(&t, g_gen, ndim, shape, CT_FLOAT32, CT_DEVICE_CPU, 0)) return NULL;
  if (dtype == CT_FLOAT32) return t;
  ct_to(&c, t, dtype, CT_DEVICE_NONE, -1, false);
  ct_tensor_release(t);
  return c;
}

static ct_tensor *transposed(ct_tensor *t) {
  ct_tensor *r = NULL;
#if HAVE_ct_transpose
  ct_transpose(&r, t, 0, 1);
#else
  (void)t;
#endif
  return r;
}

static void ctx_free(op_ctx *c) {
  ct_tensor_release(c->a);
  ct_tensor_release(c->b);
  ct_tensor_release(c->out);
  memset(c, 0, sizeof *c);
}

/* Binary op on two new 1-D tensors of n elements. */
static void case_binary(const char *name, op_kind k, int64_t n, ct_dtype dt) {
  op_ctx c = {.kind = k};
  c.a = rand_tensor(1, n, 0, dt);
  c.b = rand_tensor(1, n, 0, dt);
  if (k == K_ADD_OUT) {
    int64_t shape[1] = {n};
    ct_empty(&c.out, 1, shape, dt, CT_DEVICE_CPU, 0);
  }
  run_case(name, &c);
  ctx_free(&c);
}

static void case_unary(const char *name, op_kind k, int64_t n) {
  op_ctx c = {.kind = k};
  c.a = rand_tensor(1, n, 0, CT_FLOAT32);
  run_case(name, &c);
  ctx_free(&c);
}

/* a.T + b.T (both_t) or a.T + b, over (m, m) float32 matrices. */
static void case_add_transposed(const char *name, int64_t m, int both_t) {
  op_ctx c = {.kind = K_ADD};
  ct_tensor *a = rand_tensor(2, m, m, CT_FLOAT32), *b = rand_tensor(2, m, m, CT_FLOAT32);
  if (!HAVE_ct_transpose) {
    ct_tensor_release(a);
    ct_tensor_release(b);
    result_na(name, "ct_transpose not in the library yet");
    return;
  }
  c.a = a ? transposed(a) : NULL;
  c.b = both_t ? (b ? transposed(b) : NULL) : b;
  if (both_t) ct_tensor_release(b);
  ct_tensor_release(a);
  if (!c.b) {
    ct_tensor_release(c.a);
    c.a = NULL;
  }
  run_case(name, &c);
  ctx_free(&c);
}

/* (m, m) matrix + (m,) row vector. */
static void case_add_broadcast(const char *name, int64_t m) {
  op_ctx c = {.kind = K_ADD};
  c.a = rand_tensor(2, m, m, CT_FLOAT32);
  c.b = rand_tensor(1, m, 0, CT_FLOAT32);
  run_case(name, &c);
  ctx_free(&c);
}

/* Reduction of a 1-D (rows = 0) or 2-D tensor over everything (dim < 0) or one dim. */
static void case_reduce(const char *name, op_kind k, int64_t rows, int64_t cols, int dim) {
  op_ctx c = {.kind = k};
  c.a = rows ? rand_tensor(2, rows, cols, CT_FLOAT32) : rand_tensor(1, cols, 0, CT_FLOAT32);
  if (dim >= 0) {
    c.dims[0] = dim;
    c.ndims = 1;
  }
  run_case(name, &c);
  ctx_free(&c);
}

static void case_softmax(const char *name, int64_t rows, int64_t cols) {
  op_ctx c = {.kind = K_SOFTMAX, .ndims = 1};
  c.dims[0] = 1;
  c.a = rand_tensor(2, rows, cols, CT_FLOAT32);
  run_case(name, &c);
  ctx_free(&c);
}

static void case_matmul(const char *name, int64_t n) {
  op_ctx c = {.kind = K_MATMUL};
  c.a = rand_tensor(2, n, n, CT_FLOAT32);
  c.b = rand_tensor(2, n, n, CT_FLOAT32);
  run_case(name, &c);
  ctx_free(&c);
}

/* ---- memory bandwidth with plain C loops ------------------------------------------------------ */

typedef struct {
  float *a, *b, *c;
  long n;
  double sink;
} bw_ctx;

static int bw_copy(void *p) {
  bw_ctx *x = p;
  float *restrict dst = x->c;
  const float *restrict src = x->a;
  long n = x->n;
#pragma omp parallel for simd num_threads(g_threads) schedule(static)
  for (long i = 0; i < n; i++) dst[i] = src[i];
  return 0;
}

static int bw_read(void *p) {
  bw_ctx *x = p;
  const float *restrict src = x->a;
  long n = x->n;
  float s = 0;
#pragma omp parallel for simd num_threads(g_threads) schedule(static) reduction(+ : s)
  for (long i = 0; i < n; i++) s += src[i];
  x->sink += s;
  return 0;
}

static void add_loop(float *restrict c, const float *restrict a, const float *restrict b, long n) {
#pragma omp parallel for simd num_threads(g_threads) schedule(static)
  for (long i = 0; i < n; i++) c[i] = a[i] + b[i];
}

static int bw_add(void *p) {
  bw_ctx *x = p;
  add_loop(x->c, x->a, x->b, x->n);
  return 0;
}

/*
 * c = a + b into a newly allocated c, freed after: a functional op's memory
 * traffic plus the page faults of fresh memory (glibc maps blocks this large
 * anew on every malloc). With huge set, the block is 2 MiB aligned and
 * madvise(MADV_HUGEPAGE)d first, as NumPy does for large arrays, so that one
 * fault maps 2 MiB instead of 4 KiB where transparent huge pages are "madvise".
 */
static int add_alloc(bw_ctx *x, int huge) {
  size_t bytes = (size_t)x->n * sizeof(float);
  size_t align = huge ? (size_t)2 << 20 : 64;
  float *c = aligned_alloc(align, (bytes + align - 1) / align * align);
  if (!c) return CT_ERR_OUT_OF_MEMORY;
#ifdef MADV_HUGEPAGE
  if (huge) madvise(c, bytes, MADV_HUGEPAGE);
#endif
  add_loop(c, x->a, x->b, x->n);
  x->sink += c[x->n / 2];
  free(c);
  return 0;
}

static int bw_add_alloc(void *p) { return add_alloc(p, 0); }
static int bw_add_alloc_huge(void *p) { return add_alloc(p, 1); }

static void run_bandwidth(long n) {
  bw_ctx x = {0};
  x.n = n;
  size_t bytes = (size_t)n * sizeof(float);
  x.a = aligned_alloc(64, bytes);
  x.b = aligned_alloc(64, bytes);
  x.c = aligned_alloc(64, bytes);
  if (!x.a || !x.b || !x.c) {
    result_na("bw_copy", "out of memory");
    free(x.a);
    free(x.b);
    free(x.c);
    return;
  }
  /* First touch by the same threads and schedule as the loops. */
#pragma omp parallel for num_threads(g_threads) schedule(static)
  for (long i = 0; i < n; i++) {
    x.a[i] = (float)(i % 1000) * 1e-3f;
    x.b[i] = 1.0f;
    x.c[i] = 0.0f;
  }
  static const struct {
    const char *name;
    work_fn fn;
  } loops[] = {{"bw_copy", bw_copy}, {"bw_read", bw_read}, {"bw_add", bw_add},
               {"bw_add_alloc", bw_add_alloc},
               {"bw_add_alloc_huge", bw_add_alloc_huge}};
  for (size_t k = 0; k < sizeof loops / sizeof loops[0]; k++) {
    timing t;
    loops[k].fn(&x);
    if (time_work(loops[k].fn, &x, &t)) result_na(loops[k].name, "out of memory");
    else result_ok(loops[k].name, t.median, t.min, t.samples, t.inner, "ok");
  }
  free(x.a);
  free(x.b);
  free(x.c);
}

/* ---- main ------------------------------------------------------------------------------------ */

/* The 1-minute load average: other work on the machine stalls multithreaded timings. */
static void info_load(const char *key) {
  char buf[128] = "";
  FILE *f = fopen("/proc/loadavg", "r");
  if (f) {
    if (!fgets(buf, sizeof buf, f)) buf[0] = 0;
    fclose(f);
  }
  char *sp = strchr(buf, ' ');
  if (sp) *sp = 0;
  info(key, buf[0] ? buf : "?");
}

/*
 * CPU seconds the whole machine spent busy (from /proc/stat), and this
 * process's CPU seconds: their difference over a run is the CPU time other
 * processes took, which report.py prints as a noise warning.
 */
static double machine_busy_seconds(void) {
  unsigned long long v[8] = {0};
  FILE *f = fopen("/proc/stat", "r");
  if (!f) return 0;
  int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3], &v[4],
                 &v[5], &v[6], &v[7]);
  fclose(f);
  if (n < 5) return 0;
  unsigned long long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
  return (double)busy / (double)sysconf(_SC_CLK_TCK);
}

static double process_cpu_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void print_blas_info(void) {
  char *(*corename)(void) = (char *(*)(void))dlsym(RTLD_DEFAULT, "openblas_get_corename");
  char *(*config)(void) = (char *(*)(void))dlsym(RTLD_DEFAULT, "openblas_get_config");
  int (*nthreads)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "openblas_get_num_threads");
  void (*set_threads)(int) = (void (*)(int))dlsym(RTLD_DEFAULT, "openblas_set_num_threads");
  if (set_threads) set_threads(g_threads);
  if (corename) info("blas_core", corename());
  if (config) info("blas_config", config());
  if (nthreads) info_num("blas_threads", nthreads());
  if (corename) {
    Dl_info di;
    if (dladdr((void *)corename, &di) && di.dli_fname) info("blas_library", di.dli_fname);
  }
#if HAVE_ct_linalg_backend
  const char *be = NULL;
  if (ct_linalg_backend(&be) == CT_OK) info("linalg_backend", be);
#endif
}

int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  g_budget = env_double("BENCH_BUDGET", g_budget);
  g_warmup = env_double("BENCH_WARMUP", g_warmup);
  g_sample = env_double("BENCH_SAMPLE", g_sample);
  g_threads = (int)env_double("BENCH_THREADS", 2);
  if (g_threads < 1) g_threads = 1;
  const char *only = getenv("BENCH_ONLY"); /* substring filter on case names, for debugging */

  if (ct_set_num_threads(g_threads) != CT_OK) return 1;
  int32_t nt = 0;
  ct_get_num_threads(&nt);
  info("library", "ctensor");
  info("version", ct_version());
  info_num("threads", nt);
  const char *wait = getenv("OMP_WAIT_POLICY");
  info("env_OMP_WAIT_POLICY", wait && *wait ? wait : "(unset)");
  info_load("load_start");
  double wall0 = now(), busy0 = machine_busy_seconds(), self0 = process_cpu_seconds();
#ifdef _OPENMP
  info_num("omp_max_threads", omp_get_max_threads());
#endif
  print_blas_info();
  if (ct_generator_create(&g_gen, 1234) != CT_OK) return 1;

#define WANT(name) (!only || strstr((name), only))
  /*
   * Memory bandwidth on arrays of 2^24 float32 (64 MiB each, beyond the caches), measured first
   * and again last: report.py keeps the best sample, as STREAM does, so that a moment of other
   * work on the machine does not lower the limit the ops are compared with.
   */
  if (WANT("bw_")) run_bandwidth(1L << 24);

  static const int pows[] = {10, 16, 20, 24};
  char name[64];
  for (int i = 0; i < 4; i++) {
    int64_t n = (int64_t)1 << pows[i];
    snprintf(name, sizeof name, "add_f32_2^%d", pows[i]);
    if (WANT(name)) case_binary(name, K_ADD, n, CT_FLOAT32);
    snprintf(name, sizeof name, "mul_f32_2^%d", pows[i]);
    if (WANT(name)) case_binary(name, K_MUL, n, CT_FLOAT32);
    snprintf(name, sizeof name, "exp_f32_2^%d", pows[i]);
    if (WANT(name)) case_unary(name, K_EXP, n);
    snprintf(name, sizeof name, "add_f16_2^%d", pows[i]);
    if (WANT(name)) case_binary(name, K_ADD, n, CT_FLOAT16);
    snprintf(name, sizeof name, "add_out_f32_2^%d", pows[i]);
    if (WANT(name)) case_binary(name, K_ADD_OUT, n, CT_FLOAT32);
  }
  if (WANT("sum_all_f32_2^10")) case_reduce("sum_all_f32_2^10", K_SUM, 0, 1024, -1);
  static const int64_t mats[] = {1024, 4096};
  for (int i = 0; i < 2; i++) {
    int64_t m = mats[i];
    static const char *tags[] = {"all", "dim0", "dim1"};
    for (int d = -1; d <= 1; d++) {
      snprintf(name, sizeof name, "sum_%s_f32_%lldx%lld", tags[d + 1], (long long)m, (long long)m);
      if (WANT(name)) case_reduce(name, K_SUM, m, m, d);
      snprintf(name, sizeof name, "mean_%s_f32_%lldx%lld", tags[d + 1], (long long)m, (long long)m);
      if (WANT(name)) case_reduce(name, K_MEAN, m, m, d);
    }
    snprintf(name, sizeof name, "softmax_dim1_f32_%lldx%lld", (long long)m, (long long)m);
    if (WANT(name)) case_softmax(name, m, m);
    snprintf(name, sizeof name, "add_TT_f32_%lldx%lld", (long long)m, (long long)m);
    if (WANT(name)) case_add_transposed(name, m, 1);
    snprintf(name, sizeof name, "add_Tc_f32_%lldx%lld", (long long)m, (long long)m);
    if (WANT(name)) case_add_transposed(name, m, 0);
    snprintf(name, sizeof name, "add_bcast_f32_%lldx%lld", (long long)m, (long long)m);
    if (WANT(name)) case_add_broadcast(name, m);
  }
  static const int64_t mm[] = {256, 1024, 2048};
  for (int i = 0; i < 3; i++) {
    snprintf(name, sizeof name, "matmul_f32_%lld", (long long)mm[i]);
    if (WANT(name)) case_matmul(name, mm[i]);
  }
  if (WANT("bw_")) run_bandwidth(1L << 24);
  ct_generator_release(g_gen);
  info_load("load_end");
  double wall = now() - wall0, others = machine_busy_seconds() - busy0 - (process_cpu_seconds() - self0);
  info_num("wall_seconds", wall);
  info_num("other_cpu_seconds", others > 0 ? others : 0);
  info_num("cpus", (double)sysconf(_SC_NPROCESSORS_ONLN));
  return 0;
}
