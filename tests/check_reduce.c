/*
 * check_reduce.c: reductions, scans, softmax, sort, topk and unique
 * (ctensor/reduce.h).
 *
 * Results are checked two ways: against PyTorch on hand-picked cases (the
 * generated table: dtype rules, NaN, ties, empty reductions), and against
 * plain reference reductions written below in long double over every dtype,
 * layout and shape family the kernels distinguish (inner and outer
 * reductions, chunked ones, strided, broadcast and offset views).
 */
#include <math.h>

#include "ct_test.h"

/* ---- building tensors ----------------------------------------------------------------------- */

/* A tensor of dtype from row-major doubles (complex dtypes: re, im pairs). */
static ct_tensor *mk(ct_dtype dtype, int32_t ndim, const int64_t *shape, const double *vals) {
  ct_tensor *t = NULL;
  bool cplx = dtype == CT_COMPLEX64 || dtype == CT_COMPLEX128;
  CT_OK_(ct_from_data(&t, vals, cplx ? CT_COMPLEX128 : CT_FLOAT64, ndim, shape, dtype,
                      CT_DEVICE_NONE, -1));
  return t;
}

static uint64_t rng_state = 88172645463325252ULL;
static double urand(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (double)(rng_state >> 11) / 9007199254740992.0;
}

static bool is_int_dtype(ct_dtype d) { return d >= CT_BOOL && d <= CT_INT64; }
static bool is_cplx_dtype(ct_dtype d) { return d == CT_COMPLEX64 || d == CT_COMPLEX128; }
static bool is_float_dtype(ct_dtype d) { return d >= CT_FLOAT16 && d <= CT_FLOAT64; }

/*
 * Random values for dtype: integers in [lo, hi] (bool 0/1), floats uniform
 * in [lo, hi) rounded to the dtype, complex with both parts so.
 */
static ct_tensor *rnd(ct_dtype dtype, int32_t ndim, const int64_t *shape, double lo, double hi) {
  int64_t n = 1;
  for (int32_t d = 0; d < ndim; d++) n *= shape[d];
  double *v = malloc((size_t)(2 * n + 1) * sizeof(double));
  for (int64_t i = 0; i < 2 * n; i++) {
    double u = lo + (hi - lo) * urand();
    v[i] = dtype == CT_BOOL      ? (urand() < 0.5)
           : is_int_dtype(dtype) ? floor(lo + (hi - lo + 1) * urand())
                                 : u;
  }
  ct_tensor *t = mk(dtype, ndim, shape, v);
  free(v);
  return t;
}

/* Every element of t in row-major order as (re, im) pairs of doubles; free() it. */
static double *vals_of(ct_tensor *t) {
  ct_tensor *c = NULL, *d = NULL;
  CT_OK_(ct_to(&c, t, CT_COMPLEX128, CT_DEVICE_NONE, -1, false));
  CT_OK_(ct_contiguous(&d, c));
  int64_t n = numel_of(d);
  double *v = malloc((size_t)(2 * n + 1) * sizeof(double));
  if (n > 0) memcpy(v, data_of(d), (size_t)(2 * n) * sizeof(double));
  ct_tensor_release(c);
  ct_tensor_release(d);
  return v;
}

/* Every element of an integer tensor in row-major order as int64; free() it. */
static int64_t *ivals_of(ct_tensor *t) {
  ct_tensor *c = NULL, *d = NULL;
  CT_OK_(ct_to(&c, t, CT_INT64, CT_DEVICE_NONE, -1, false));
  CT_OK_(ct_contiguous(&d, c));
  int64_t n = numel_of(d);
  int64_t *v = malloc((size_t)(n + 1) * sizeof(int64_t));
  if (n > 0) memcpy(v, data_of(d), (size_t)n * sizeof(int64_t));
  ct_tensor_release(c);
  ct_tensor_release(d);
  return v;
}

static int32_t ndim_of(ct_tensor *t) {
  int32_t nd = -1;
  CT_OK_(ct_tensor_ndim(&nd, t));
  return nd;
}

/* A view of t's storage (as_strided) with the given sizes, strides and offset. */
static ct_tensor *view(ct_tensor *t, int32_t ndim, const int64_t *shape, const int64_t *strides,
                       int64_t offset) {
  ct_tensor *v = NULL;
  CT_OK_(ct_as_strided(&v, t, ndim, shape, strides, offset));
  return v;
}

/* The transpose of a 2-d contiguous tensor (a view). */
static ct_tensor *transposed(ct_tensor *t) {
  int64_t sh[2], st[2];
  CT_OK_(ct_tensor_shape(sh, 2, t));
  CT_OK_(ct_tensor_strides(st, 2, t));
  int64_t off = 0;
  CT_OK_(ct_tensor_storage_offset(&off, t));
  return view(t, 2, (int64_t[]){sh[1], sh[0]}, (int64_t[]){st[1], st[0]}, off);
}

/* ---- comparing ------------------------------------------------------------------------------ */

/* Notes a difference, keeping the first dozen (Check limits the length of a failure message). */
#define NOTE(...)                                                                                  \
  do {                                                                                             \
    if (ct_test_notes()->count < 12)                                                               \
      fail_note(__VA_ARGS__);                                                                      \
    else                                                                                           \
      ct_test_notes()->count++;                                                                    \
  } while (0)

/* Whether got is close to want: NaN matches NaN, infinities match exactly. */
static bool close_to(double got, long double want, double rtol, double atol) {
  if (isnan((double)want)) return isnan(got);
  if (isinf((double)want)) return got == (double)want;
  return fabsl((long double)got - want) <= atol + rtol * fabsl(want);
}

/* Tolerances of a floating dtype's results against an exact reference. */
static double rtol_of(ct_dtype d) {
  switch (d) {
    case CT_FLOAT16:
      return 2e-3;
    case CT_BFLOAT16:
      return 1.6e-2;
    case CT_FLOAT32:
    case CT_COMPLEX64:
      return 2e-5;
    case CT_FLOAT64:
    case CT_COMPLEX128:
      return 1e-12;
    default:
      return 0;
  }
}

/*
 * Checks that got (any dtype, row-major values) matches want (re, im per
 * element, n elements): exactly for integer results, within rtol (scaled by
 * the largest magnitude for atol) otherwise. Differences are noted.
 */
static void expect_vals(ct_tensor *got, int64_t n, const long double *re, const long double *im,
                        double rtol, const char *what) {
  ck_assert_int_eq(numel_of(got), n);
  double *v = vals_of(got);
  long double scale = 0;
  for (int64_t i = 0; i < n; i++)
    if (isfinite((double)re[i]) && fabsl(re[i]) > scale) scale = fabsl(re[i]);
  double atol = rtol * (double)scale * 1e-2 + 1e-300;
  for (int64_t i = 0; i < n; i++) {
    bool ok =
        close_to(v[2 * i], re[i], rtol, atol) && (!im || close_to(v[2 * i + 1], im[i], rtol, atol));
    if (!ok)
      NOTE("%s: element %lld is %.17g%+.17gi, expected %.17Lg%+.17Lgi", what, (long long)i,
           v[2 * i], v[2 * i + 1], re[i], im ? im[i] : 0.0L);
  }
  free(v);
}

/* ---- the reference reductions --------------------------------------------------------------- */

enum {
  R_SUM,
  R_PROD,
  R_MEAN,
  R_MAX,
  R_MIN,
  R_ARGMAX,
  R_ARGMIN,
  R_VAR,
  R_STD,
  R_NORM,
  R_ALL,
  R_ANY,
  R_COUNT,
  R_LSE
};

/*
 * Reduces x over the dims with mask[d] in long double (integers exactly,
 * wrapping in 64 bits): one value (re, im) per output in row-major order of
 * the kept dims, and the index for argmax/argmin. Returns the output count.
 */
typedef struct ref_res {
  int64_t n;
  long double *re, *im;
  int64_t *idx;  /* argmax/argmin */
  int64_t *ival; /* sums and products of integers, exact (wrapping in 64 bits) */
} ref_res;

static void ref_free(ref_res *r) {
  free(r->re);
  free(r->im);
  free(r->idx);
  free(r->ival);
}

static bool nz(double re, double im) { return re != 0 || im != 0 || isnan(re) || isnan(im); }

static ref_res ref_reduce(int op, ct_tensor *x, const bool *mask, double p, double correction) {
  int32_t nd = ndim_of(x);
  int64_t shape[MAX_DIMS];
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, x));
  int64_t n = numel_of(x), o = 1, m = 1;
  for (int32_t d = 0; d < nd; d++) {
    if (mask[d])
      m *= shape[d];
    else
      o *= shape[d];
  }
  ct_dtype dt = dtype_of(x);
  double *v = vals_of(x);
  int64_t *iv = is_int_dtype(dt) ? ivals_of(x) : NULL;
  ref_res r = {o, calloc((size_t)o + 1, sizeof(long double)),
               calloc((size_t)o + 1, sizeof(long double)), calloc((size_t)o + 1, sizeof(int64_t)),
               calloc((size_t)o + 1, sizeof(int64_t))};
  uint64_t *u = calloc((size_t)o + 1, sizeof(uint64_t));
  long double *aux = calloc((size_t)o + 1, sizeof(long double)); /* imaginary sums, maxima */
  int64_t *pos = calloc((size_t)o + 1, sizeof(int64_t));         /* elements seen per output */
  /* Output of element i, and its position along the reduced dims. */
  int64_t *out_of = malloc((size_t)(n + 1) * sizeof(int64_t));
  for (int64_t i = 0; i < n; i++) {
    int64_t rem = i, oi = 0, ostride = 1;
    for (int32_t d = nd - 1; d >= 0; d--) {
      int64_t c = rem % shape[d];
      rem /= shape[d];
      if (!mask[d]) {
        oi += c * ostride;
        ostride *= shape[d];
      }
    }
    out_of[i] = oi;
  }
  for (int64_t k = 0; k < o; k++) {
    switch (op) {
      case R_PROD:
        r.re[k] = 1;
        u[k] = 1;
        break;
      case R_MAX:
      case R_ARGMAX:
        r.re[k] = -INFINITY;
        r.idx[k] = -1;
        break;
      case R_MIN:
      case R_ARGMIN:
        r.re[k] = INFINITY;
        r.idx[k] = -1;
        break;
      case R_ALL:
        r.re[k] = 1;
        break;
      case R_NORM:
        r.re[k] = p == -INFINITY ? INFINITY : 0;
        break;
      case R_LSE:
        aux[k] = -INFINITY;
        break;
      default:
        break;
    }
  }
  /* Pass 1. */
  for (int64_t i = 0; i < n; i++) {
    int64_t k = out_of[i];
    long double re = v[2 * i], im = v[2 * i + 1];
    long double a = sqrtl(re * re + im * im);
    switch (op) {
      case R_SUM:
      case R_MEAN:
      case R_VAR:
      case R_STD:
        if (iv) u[k] += (uint64_t)iv[i];
        r.re[k] += re;
        aux[k] += im;
        break;
      case R_PROD:
        if (iv) {
          u[k] *= (uint64_t)iv[i];
        } else {
          long double nr = r.re[k] * re - aux[k] * im, ni = r.re[k] * im + aux[k] * re;
          r.re[k] = nr;
          aux[k] = ni;
        }
        break;
      case R_MAX:
      case R_ARGMAX:
      case R_MIN:
      case R_ARGMIN: {
        bool better = op == R_MAX || op == R_ARGMAX ? re > r.re[k] : re < r.re[k];
        if (r.idx[k] == -1 || (!isnan((double)r.re[k]) && (better || isnan((double)re)))) {
          r.re[k] = re;
          r.idx[k] = pos[k];
        }
        break;
      }
      case R_ALL:
        r.re[k] = r.re[k] && nz(v[2 * i], v[2 * i + 1]);
        break;
      case R_ANY:
        r.re[k] = r.re[k] || nz(v[2 * i], v[2 * i + 1]);
        break;
      case R_COUNT:
        r.re[k] += nz(v[2 * i], v[2 * i + 1]);
        break;
      case R_NORM:
        if (p == INFINITY)
          r.re[k] = isnan((double)a) || a > r.re[k] ? a : r.re[k];
        else if (p == -INFINITY)
          r.re[k] = isnan((double)a) || a < r.re[k] ? a : r.re[k];
        else if (p == 0)
          r.re[k] += nz(v[2 * i], v[2 * i + 1]);
        else
          r.re[k] += powl(a, p);
        break;
      case R_LSE:
        aux[k] = isnan((double)re) || re > aux[k] ? re : aux[k];
        break;
      default:
        break;
    }
    pos[k]++;
  }
  /* Pass 2 and the final values. */
  for (int64_t k = 0; k < o; k++) {
    if (op == R_SUM || op == R_PROD) {
      if (iv) r.ival[k] = (int64_t)u[k];
      if (iv)
        r.re[k] = (long double)(int64_t)u[k];
      else
        r.im[k] = aux[k];
    } else if (op == R_MEAN) {
      r.im[k] = aux[k] / m;
      r.re[k] /= m;
    } else if (op == R_VAR || op == R_STD) {
      r.re[k] /= m;
      r.im[k] = aux[k] / m;
      aux[k] = 0;
    } else if (op == R_NORM && p != 0 && !isinf(p)) {
      r.re[k] = powl(r.re[k], 1.0L / p);
    }
  }
  if (op == R_VAR || op == R_STD || op == R_LSE) {
    long double *acc = calloc((size_t)o + 1, sizeof(long double));
    for (int64_t i = 0; i < n; i++) {
      int64_t k = out_of[i];
      if (op == R_LSE) {
        acc[k] += isinf((double)aux[k]) ? 0 : expl((long double)v[2 * i] - aux[k]);
      } else {
        long double dr = v[2 * i] - r.re[k], di = v[2 * i + 1] - r.im[k];
        acc[k] += dr * dr + di * di;
      }
    }
    for (int64_t k = 0; k < o; k++) {
      if (op == R_LSE) {
        r.re[k] = isinf((double)aux[k]) || isnan((double)aux[k]) ? aux[k] : aux[k] + logl(acc[k]);
      } else {
        long double dof = m - correction;
        r.re[k] = acc[k] / (dof > 0 ? dof : 0);
        if (op == R_STD) r.re[k] = sqrtl(r.re[k]);
      }
      r.im[k] = 0;
    }
    free(acc);
  }
  free(v);
  free(iv);
  free(u);
  free(aux);
  free(pos);
  free(out_of);
  return r;
}

/* The mask of a dims list over ndim dims (ndims 0: all). */
static void mask_of(bool *mask, int32_t ndim, const int64_t *dims, int32_t ndims) {
  for (int32_t d = 0; d < ndim; d++) mask[d] = ndims == 0;
  for (int32_t i = 0; i < ndims; i++) mask[(dims[i] + ndim) % (ndim > 0 ? ndim : 1)] = true;
}

/* ---- the PyTorch cases ---------------------------------------------------------------------- */

enum {
  OP_SUM,
  OP_PROD,
  OP_MEAN,
  OP_AMAX,
  OP_AMIN,
  OP_MAX_ALL,
  OP_MIN_ALL,
  OP_MAX_DIM,
  OP_MIN_DIM,
  OP_ARGMAX,
  OP_ARGMIN,
  OP_VAR,
  OP_STD,
  OP_NORM,
  OP_ALL,
  OP_ANY,
  OP_COUNT_NZ,
  OP_LOGSUMEXP,
  OP_CUMSUM,
  OP_CUMPROD,
  OP_SOFTMAX,
  OP_LOG_SOFTMAX,
  OP_SORT,
  OP_TOPK,
  OP_UNIQUE
};

typedef struct gen_case {
  const char *name;
  int op;
  ct_dtype xdtype;
  int32_t xndim;
  const int64_t *xshape;
  const double *x;
  int32_t ndims; /* -1: no dims (dim=None) */
  const int64_t *dims;
  bool keepdim;
  ct_dtype dtype;
  double p, correction;
  int64_t k;
  bool desc;
  ct_dtype rdtype;
  int32_t rndim;
  const int64_t *rshape;
  int32_t nr;
  const double *r;
  int32_t nr2;
  const double *r2;
  int32_t nr3;
  const double *r3;
} gen_case;

/* clang-format off */
/* BEGIN GENERATED by tools/gen_reduce_cases.py (torch 1.13.0a0) */
static const gen_case gen_cases[] = {
  {"sum_int8_to_int64", OP_SUM, CT_INT8, 2, (int64_t[]){2, 3}, (double[]){100.0, 100.0, 100.0, -5.0, 7.0, 1.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 1, (int64_t[]){2}, 2, (double[]){300.0, 3.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_bool_to_int64", OP_SUM, CT_BOOL, 1, (int64_t[]){4}, (double[]){1, 0, 1, 1},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){3.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_uint8_all_keepdim", OP_SUM, CT_UINT8, 2, (int64_t[]){2, 2}, (double[]){200.0, 200.0, 200.0, 1.0},
   -1, (int64_t[]){0}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 2, (int64_t[]){1, 1}, 1, (double[]){601.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_int32_neg_dim", OP_SUM, CT_INT32, 2, (int64_t[]){2, 3}, (double[]){1.0, -2.0, 3.0, 4.0, 5.0, -6.0},
   1, (int64_t[]){-2}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 2, (int64_t[]){1, 3}, 3, (double[]){5.0, 3.0, -3.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_int16_dtype_int8_wraps", OP_SUM, CT_INT16, 1, (int64_t[]){3}, (double[]){100.0, 100.0, 100.0},
   1, (int64_t[]){0}, false, CT_INT8, 0.0, 1.0, 0, false,
   CT_INT8, 0, (int64_t[]){0}, 1, (double[]){44.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_float_dtype_int32_truncates", OP_SUM, CT_FLOAT32, 1, (int64_t[]){3}, (double[]){1.5, 2.700000047683716, -0.5},
   1, (int64_t[]){0}, false, CT_INT32, 0.0, 1.0, 0, false,
   CT_INT32, 0, (int64_t[]){0}, 1, (double[]){3.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_int8_dtype_float32", OP_SUM, CT_INT8, 2, (int64_t[]){2, 3}, (double[]){1.0, -2.0, 3.0, 4.0, 5.0, -6.0},
   2, (int64_t[]){0, 1}, false, CT_FLOAT32, 0.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){5.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_bool_dtype_bool", OP_SUM, CT_BOOL, 1, (int64_t[]){2}, (double[]){1, 0},
   -1, (int64_t[]){0}, false, CT_BOOL, 0.0, 1.0, 0, false,
   CT_BOOL, 0, (int64_t[]){0}, 1, (double[]){1}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_f16", OP_SUM, CT_FLOAT16, 1, (int64_t[]){5}, (double[]){0.0999755859375, 0.199951171875, 0.300048828125, 1000.0, 0.7001953125},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT16, 0, (int64_t[]){0}, 1, (double[]){1001.5}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_bf16", OP_SUM, CT_BFLOAT16, 2, (int64_t[]){2, 2}, (double[]){0.10009765625, 0.2001953125, 0.30078125, 256.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BFLOAT16, 1, (int64_t[]){2}, 2, (double[]){0.30078125, 256.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_f32_dtype_f64", OP_SUM, CT_FLOAT32, 1, (int64_t[]){3}, (double[]){0.10000000149011612, 0.20000000298023224, 0.30000001192092896},
   1, (int64_t[]){0}, false, CT_FLOAT64, 0.0, 1.0, 0, false,
   CT_FLOAT64, 0, (int64_t[]){0}, 1, (double[]){0.6000000163912773}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_c64", OP_SUM, CT_COMPLEX64, 2, (int64_t[]){2, 2}, (double[]){1.0, 2.0, 3.0, -1.0, 0.0, 0.5, -2.0, 0.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_COMPLEX64, 1, (int64_t[]){2}, 4, (double[]){1.0, 2.5, 1.0, -1.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_empty", OP_SUM, CT_FLOAT32, 2, (int64_t[]){0, 3}, (double[]){0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){3}, 3, (double[]){0.0, 0.0, 0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_empty_int", OP_SUM, CT_INT32, 2, (int64_t[]){2, 0}, (double[]){0},
   1, (int64_t[]){1}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 2, (int64_t[]){2, 1}, 2, (double[]){0.0, 0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_0d", OP_SUM, CT_FLOAT32, 0, (int64_t[]){0}, (double[]){5.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){5.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sum_0d_int", OP_SUM, CT_INT16, 0, (int64_t[]){0}, (double[]){7.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){7.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"prod_int16", OP_PROD, CT_INT16, 2, (int64_t[]){2, 2}, (double[]){2.0, 3.0, 4.0, -5.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 1, (int64_t[]){2}, 2, (double[]){6.0, -20.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"prod_uint8_wraps_in_int64", OP_PROD, CT_UINT8, 1, (int64_t[]){3}, (double[]){200.0, 200.0, 200.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){8000000.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"prod_bool", OP_PROD, CT_BOOL, 1, (int64_t[]){3}, (double[]){1, 0, 1},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"prod_f32_keepdim", OP_PROD, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){0.5, 2.0, 3.0, 1.5, -1.0, 4.0},
   1, (int64_t[]){0}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){1, 3}, 3, (double[]){0.75, -2.0, 12.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"prod_c128", OP_PROD, CT_COMPLEX128, 1, (int64_t[]){3}, (double[]){1.0, 1.0, 2.0, -1.0, 0.0, 0.5},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_COMPLEX128, 0, (int64_t[]){0}, 2, (double[]){-0.5, 1.5}, 0, (double[]){0}, 0, (double[]){0}},
  {"prod_empty", OP_PROD, CT_FLOAT64, 2, (int64_t[]){0, 2}, (double[]){0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT64, 1, (int64_t[]){2}, 2, (double[]){1.0, 1.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"mean_f32", OP_MEAN, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){1.0, 2.0, 4.0, 3.0, 5.0, 7.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){2.3333332538604736, 5.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"mean_f16", OP_MEAN, CT_FLOAT16, 1, (int64_t[]){3}, (double[]){1.0, 2.0, 2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT16, 0, (int64_t[]){0}, 1, (double[]){1.6669921875}, 0, (double[]){0}, 0, (double[]){0}},
  {"mean_int_dtype_f64", OP_MEAN, CT_INT64, 2, (int64_t[]){2, 3}, (double[]){1.0, -2.0, 3.0, 4.0, 5.0, -6.0},
   1, (int64_t[]){0}, false, CT_FLOAT64, 0.0, 1.0, 0, false,
   CT_FLOAT64, 1, (int64_t[]){3}, 3, (double[]){2.5, 1.5, -1.5}, 0, (double[]){0}, 0, (double[]){0}},
  {"mean_c64", OP_MEAN, CT_COMPLEX64, 1, (int64_t[]){2}, (double[]){1.0, 1.0, 2.0, -3.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_COMPLEX64, 0, (int64_t[]){0}, 2, (double[]){1.5, -1.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"mean_empty_nan", OP_MEAN, CT_FLOAT32, 2, (int64_t[]){0, 2}, (double[]){0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){NAN, NAN}, 0, (double[]){0}, 0, (double[]){0}},
  {"mean_all_keepdim", OP_MEAN, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){1.0, 2.0, 3.0, 5.0},
   -1, (int64_t[]){0}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){1, 1}, 1, (double[]){2.75}, 0, (double[]){0}, 0, (double[]){0}},
  {"amax_nan", OP_AMAX, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){1.0, NAN, 3.0, 4.0, 5.0, -INFINITY},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){NAN, 5.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"amin_dims", OP_AMIN, CT_INT32, 3, (int64_t[]){2, 2, 2}, (double[]){1.0, 9.0, 3.0, -4.0, 0.0, 2.0, 8.0, 7.0},
   2, (int64_t[]){0, 2}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT32, 3, (int64_t[]){1, 2, 1}, 2, (double[]){0.0, -4.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"amax_bool", OP_AMAX, CT_BOOL, 2, (int64_t[]){2, 2}, (double[]){1, 0, 0, 0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 1, (int64_t[]){2}, 2, (double[]){1, 0}, 0, (double[]){0}, 0, (double[]){0}},
  {"amax_uint8", OP_AMAX, CT_UINT8, 1, (int64_t[]){3}, (double[]){3.0, 250.0, 7.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_UINT8, 0, (int64_t[]){0}, 1, (double[]){250.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"max_all_nan", OP_MAX_ALL, CT_FLOAT32, 1, (int64_t[]){3}, (double[]){1.0, NAN, 3.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){NAN}, 0, (double[]){0}, 0, (double[]){0}},
  {"min_all_f16", OP_MIN_ALL, CT_FLOAT16, 1, (int64_t[]){3}, (double[]){1.0, -2.5, 3.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT16, 0, (int64_t[]){0}, 1, (double[]){-2.5}, 0, (double[]){0}, 0, (double[]){0}},
  {"max_all_int64", OP_MAX_ALL, CT_INT64, 1, (int64_t[]){3}, (double[]){-9.0, -3.0, -7.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){-3.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"max_dim_ties_first", OP_MAX_DIM, CT_INT64, 2, (int64_t[]){2, 4}, (double[]){1.0, 5.0, 5.0, 2.0, 7.0, 7.0, 0.0, 7.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 1, (int64_t[]){2}, 2, (double[]){5.0, 7.0}, 2, (double[]){1.0, 0.0}, 0, (double[]){0}},
  {"min_dim_nan_index", OP_MIN_DIM, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){1.0, NAN, -3.0, 2.0, 0.0, NAN},
   1, (int64_t[]){1}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){2, 1}, 2, (double[]){NAN, NAN}, 2, (double[]){1.0, 2.0}, 0, (double[]){0}},
  {"max_dim_0", OP_MAX_DIM, CT_FLOAT32, 2, (int64_t[]){3, 2}, (double[]){1.0, 8.0, 3.0, -4.0, 3.0, 9.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){3.0, 9.0}, 2, (double[]){1.0, 2.0}, 0, (double[]){0}},
  {"argmax_nan", OP_ARGMAX, CT_FLOAT32, 1, (int64_t[]){5}, (double[]){1.0, 7.0, NAN, 7.0, NAN},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){2.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"argmin_ties", OP_ARGMIN, CT_INT8, 2, (int64_t[]){2, 3}, (double[]){4.0, 1.0, 1.0, 0.0, 0.0, 3.0},
   1, (int64_t[]){1}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 2, (int64_t[]){2, 1}, 2, (double[]){1.0, 0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"argmax_flat", OP_ARGMAX, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){1.0, 9.0, 9.0, 3.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){1.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"argmax_flat_keepdim", OP_ARGMAX, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){1.0, 2.0, 9.0, 3.0},
   -1, (int64_t[]){0}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 2, (int64_t[]){1, 1}, 1, (double[]){2.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"argmin_bf16", OP_ARGMIN, CT_BFLOAT16, 1, (int64_t[]){4}, (double[]){3.0, -1.0, -1.0, 2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){1.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"var_default", OP_VAR, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){1.0, 2.0, 4.0, 3.0, 3.0, 3.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){2.3333332538604736, 0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"var_correction0_all", OP_VAR, CT_FLOAT64, 1, (int64_t[]){4}, (double[]){1.0, 2.0, 3.0, 4.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 0.0, 0, false,
   CT_FLOAT64, 0, (int64_t[]){0}, 1, (double[]){1.25}, 0, (double[]){0}, 0, (double[]){0}},
  {"std_correction2_keepdim", OP_STD, CT_FLOAT32, 2, (int64_t[]){3, 2}, (double[]){1.0, 2.0, 4.0, 8.0, 0.0, 1.0},
   1, (int64_t[]){0}, true, CT_DTYPE_NONE, 0.0, 2.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){1, 2}, 2, (double[]){2.943920373916626, 5.3541259765625}, 0, (double[]){0}, 0, (double[]){0}},
  {"var_one_element_nan", OP_VAR, CT_FLOAT32, 1, (int64_t[]){1}, (double[]){5.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){NAN}, 0, (double[]){0}, 0, (double[]){0}},
  {"std_complex", OP_STD, CT_COMPLEX64, 1, (int64_t[]){3}, (double[]){1.0, 2.0, 3.0, -1.0, -0.0, -2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){2.581989049911499}, 0, (double[]){0}, 0, (double[]){0}},
  {"var_f16", OP_VAR, CT_FLOAT16, 1, (int64_t[]){3}, (double[]){1.0, 2.0, 3.5},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT16, 0, (int64_t[]){0}, 1, (double[]){1.5830078125}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_2", OP_NORM, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){3.0, 4.0, 1.0, -1.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 2.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){5.0, 1.4142135381698608}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_1_all", OP_NORM, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){3.0, -4.0, 1.0, -1.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 1.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){9.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_inf", OP_NORM, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){3.0, -4.0, 1.0, -1.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, INFINITY, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){3.0, 4.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_neginf", OP_NORM, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){3.0, -4.0, 1.0, -0.5},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, -INFINITY, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){3.0, 0.5}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_0", OP_NORM, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){3.0, 0.0, 0.0, 0.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){1.0, 0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_3_keepdim", OP_NORM, CT_FLOAT64, 2, (int64_t[]){2, 2}, (double[]){1.0, 2.0, 3.0, 4.0},
   1, (int64_t[]){1}, true, CT_DTYPE_NONE, 3.0, 1.0, 0, false,
   CT_FLOAT64, 2, (int64_t[]){2, 1}, 2, (double[]){2.080083823051904, 4.497941445275415}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_complex_real_result", OP_NORM, CT_COMPLEX64, 1, (int64_t[]){2}, (double[]){3.0, 4.0, 1.0, -1.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 2.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){5.196152210235596}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_complex_inf", OP_NORM, CT_COMPLEX128, 1, (int64_t[]){2}, (double[]){3.0, 4.0, 1.0, -1.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, INFINITY, 1.0, 0, false,
   CT_FLOAT64, 0, (int64_t[]){0}, 1, (double[]){5.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_dtype_f64", OP_NORM, CT_FLOAT32, 1, (int64_t[]){2}, (double[]){3.0, 4.0},
   1, (int64_t[]){0}, false, CT_FLOAT64, 2.0, 1.0, 0, false,
   CT_FLOAT64, 0, (int64_t[]){0}, 1, (double[]){5.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_f16", OP_NORM, CT_FLOAT16, 1, (int64_t[]){2}, (double[]){3.0, 4.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 2.0, 1.0, 0, false,
   CT_FLOAT16, 0, (int64_t[]){0}, 1, (double[]){5.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"norm_empty_2", OP_NORM, CT_FLOAT32, 2, (int64_t[]){0, 2}, (double[]){0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 2.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){0.0, 0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"all_f32_nan_true", OP_ALL, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){1.0, NAN, 0.0, 2.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 1, (int64_t[]){2}, 2, (double[]){1, 0}, 0, (double[]){0}, 0, (double[]){0}},
  {"any_int", OP_ANY, CT_INT64, 2, (int64_t[]){2, 2}, (double[]){0.0, 0.0, 0.0, 3.0},
   1, (int64_t[]){1}, true, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 2, (int64_t[]){2, 1}, 2, (double[]){0, 1}, 0, (double[]){0}, 0, (double[]){0}},
  {"all_uint8_is_bool", OP_ALL, CT_UINT8, 1, (int64_t[]){3}, (double[]){1.0, 2.0, 0.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 0, (int64_t[]){0}, 1, (double[]){0}, 0, (double[]){0}, 0, (double[]){0}},
  {"any_uint8_is_bool", OP_ANY, CT_UINT8, 1, (int64_t[]){3}, (double[]){0.0, 2.0, 0.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 0, (int64_t[]){0}, 1, (double[]){1}, 0, (double[]){0}, 0, (double[]){0}},
  {"all_empty_true", OP_ALL, CT_FLOAT32, 1, (int64_t[]){0}, (double[]){0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 0, (int64_t[]){0}, 1, (double[]){1}, 0, (double[]){0}, 0, (double[]){0}},
  {"any_empty_false", OP_ANY, CT_FLOAT32, 2, (int64_t[]){0, 2}, (double[]){0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 1, (int64_t[]){2}, 2, (double[]){0, 0}, 0, (double[]){0}, 0, (double[]){0}},
  {"all_complex", OP_ALL, CT_COMPLEX64, 1, (int64_t[]){3}, (double[]){0.0, 1.0, 1.0, 0.0, 0.0, 0.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 0, (int64_t[]){0}, 1, (double[]){0}, 0, (double[]){0}, 0, (double[]){0}},
  {"count_nonzero_dims", OP_COUNT_NZ, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){1.0, 0.0, NAN, 0.0, 0.0, 2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 1, (int64_t[]){3}, 3, (double[]){1.0, 0.0, 2.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"count_nonzero_all", OP_COUNT_NZ, CT_BOOL, 2, (int64_t[]){2, 2}, (double[]){1, 0, 1, 1},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 0, (int64_t[]){0}, 1, (double[]){3.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"logsumexp_f32", OP_LOGSUMEXP, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){1.0, 2.0, 3.0, 1000.0, 1000.0, -INFINITY},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){3.4076058864593506, 1000.6931762695312}, 0, (double[]){0}, 0, (double[]){0}},
  {"logsumexp_inf", OP_LOGSUMEXP, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){INFINITY, 1.0, -INFINITY, -INFINITY},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){INFINITY, -INFINITY}, 0, (double[]){0}, 0, (double[]){0}},
  {"logsumexp_int_default_dtype", OP_LOGSUMEXP, CT_INT64, 1, (int64_t[]){3}, (double[]){1.0, 2.0, 3.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){3.4076058864593506}, 0, (double[]){0}, 0, (double[]){0}},
  {"logsumexp_empty", OP_LOGSUMEXP, CT_FLOAT32, 2, (int64_t[]){0, 2}, (double[]){0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){-INFINITY, -INFINITY}, 0, (double[]){0}, 0, (double[]){0}},
  {"cumsum_int8_to_int64", OP_CUMSUM, CT_INT8, 1, (int64_t[]){3}, (double[]){100.0, 100.0, 100.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 1, (int64_t[]){3}, 3, (double[]){100.0, 200.0, 300.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"cumsum_bool", OP_CUMSUM, CT_BOOL, 2, (int64_t[]){2, 2}, (double[]){1, 1, 0, 1},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 2, (int64_t[]){2, 2}, 4, (double[]){1.0, 1.0, 1.0, 2.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"cumsum_f16", OP_CUMSUM, CT_FLOAT16, 2, (int64_t[]){2, 3}, (double[]){1000.0, 0.5, 0.25, 1.0, 2.0, 3.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT16, 2, (int64_t[]){2, 3}, 6, (double[]){1000.0, 1000.5, 1001.0, 1.0, 3.0, 6.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"cumsum_dtype_f64", OP_CUMSUM, CT_FLOAT32, 1, (int64_t[]){3}, (double[]){0.10000000149011612, 0.20000000298023224, 0.30000001192092896},
   1, (int64_t[]){0}, false, CT_FLOAT64, 0.0, 1.0, 0, false,
   CT_FLOAT64, 1, (int64_t[]){3}, 3, (double[]){0.10000000149011612, 0.30000000447034836, 0.6000000163912773}, 0, (double[]){0}, 0, (double[]){0}},
  {"cumsum_c64", OP_CUMSUM, CT_COMPLEX64, 1, (int64_t[]){2}, (double[]){1.0, 1.0, 2.0, -1.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_COMPLEX64, 1, (int64_t[]){2}, 4, (double[]){1.0, 1.0, 3.0, 0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"cumprod_int32_keeps_int64", OP_CUMPROD, CT_INT32, 2, (int64_t[]){2, 3}, (double[]){2.0, 3.0, 4.0, -1.0, 5.0, 6.0},
   1, (int64_t[]){-1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 2, (int64_t[]){2, 3}, 6, (double[]){2.0, 6.0, 24.0, -1.0, -5.0, -30.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"cumprod_f32_dim0", OP_CUMPROD, CT_FLOAT32, 2, (int64_t[]){3, 2}, (double[]){2.0, 3.0, 0.5, -1.0, 4.0, 2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){3, 2}, 6, (double[]){2.0, 3.0, 1.0, -3.0, 4.0, -6.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"cumsum_0d", OP_CUMSUM, CT_FLOAT32, 0, (int64_t[]){0}, (double[]){3.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){3.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"softmax_rows", OP_SOFTMAX, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){1.0, 2.0, 3.0, 0.0, 0.0, -INFINITY},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){2, 3}, 6, (double[]){0.09003057330846786, 0.2447284758090973, 0.6652409434318542, 0.5, 0.5, 0.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"softmax_dim0", OP_SOFTMAX, CT_FLOAT32, 2, (int64_t[]){2, 2}, (double[]){1.0, 2.0, 3.0, -1.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){2, 2}, 4, (double[]){0.11920291930437088, 0.9525741338729858, 0.8807970285415649, 0.04742587357759476}, 0, (double[]){0}, 0, (double[]){0}},
  {"softmax_f16", OP_SOFTMAX, CT_FLOAT16, 1, (int64_t[]){3}, (double[]){1.0, 2.0, 3.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT16, 1, (int64_t[]){3}, 3, (double[]){0.09002685546875, 0.2447509765625, 0.6650390625}, 0, (double[]){0}, 0, (double[]){0}},
  {"softmax_int_dtype", OP_SOFTMAX, CT_INT64, 1, (int64_t[]){3}, (double[]){1.0, 2.0, 3.0},
   1, (int64_t[]){0}, false, CT_FLOAT64, 0.0, 1.0, 0, false,
   CT_FLOAT64, 1, (int64_t[]){3}, 3, (double[]){0.09003057317038045, 0.2447284710547976, 0.6652409557748218}, 0, (double[]){0}, 0, (double[]){0}},
  {"log_softmax_rows", OP_LOG_SOFTMAX, CT_FLOAT32, 2, (int64_t[]){2, 3}, (double[]){1.0, 2.0, 3.0, 10.0, 0.0, -5.0},
   1, (int64_t[]){-1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){2, 3}, 6, (double[]){-2.4076058864593506, -1.4076058864593506, -0.40760594606399536, -4.577531944960356e-05, -10.000045776367188, -15.000045776367188}, 0, (double[]){0}, 0, (double[]){0}},
  {"log_softmax_bf16", OP_LOG_SOFTMAX, CT_BFLOAT16, 1, (int64_t[]){3}, (double[]){1.0, 2.0, 3.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BFLOAT16, 1, (int64_t[]){3}, 3, (double[]){-2.40625, -1.40625, -0.408203125}, 0, (double[]){0}, 0, (double[]){0}},
  {"softmax_0d", OP_SOFTMAX, CT_FLOAT32, 0, (int64_t[]){0}, (double[]){4.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 0, (int64_t[]){0}, 1, (double[]){1.0}, 0, (double[]){0}, 0, (double[]){0}},
  {"sort_nan_last", OP_SORT, CT_FLOAT32, 1, (int64_t[]){7}, (double[]){3.0, NAN, 1.0, -INFINITY, 1.0, NAN, 2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){7}, 7, (double[]){-INFINITY, 1.0, 1.0, 2.0, 3.0, NAN, NAN}, 7, (double[]){3.0, 2.0, 4.0, 6.0, 0.0, 1.0, 5.0}, 0, (double[]){0}},
  {"sort_desc_nan_first", OP_SORT, CT_FLOAT32, 1, (int64_t[]){7}, (double[]){3.0, NAN, 1.0, -INFINITY, 1.0, NAN, 2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, true,
   CT_FLOAT32, 1, (int64_t[]){7}, 7, (double[]){NAN, NAN, 3.0, 2.0, 1.0, 1.0, -INFINITY}, 7, (double[]){1.0, 5.0, 0.0, 6.0, 2.0, 4.0, 3.0}, 0, (double[]){0}},
  {"sort_stable_ties", OP_SORT, CT_INT16, 2, (int64_t[]){2, 5}, (double[]){2.0, 1.0, 2.0, 1.0, 0.0, 5.0, 5.0, 5.0, 5.0, 5.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT16, 2, (int64_t[]){2, 5}, 10, (double[]){0.0, 1.0, 1.0, 2.0, 2.0, 5.0, 5.0, 5.0, 5.0, 5.0}, 10, (double[]){4.0, 1.0, 3.0, 0.0, 2.0, 0.0, 1.0, 2.0, 3.0, 4.0}, 0, (double[]){0}},
  {"sort_stable_desc", OP_SORT, CT_INT64, 2, (int64_t[]){1, 5}, (double[]){2.0, 1.0, 2.0, 1.0, 0.0},
   1, (int64_t[]){1}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, true,
   CT_INT64, 2, (int64_t[]){1, 5}, 5, (double[]){2.0, 2.0, 1.0, 1.0, 0.0}, 5, (double[]){0.0, 2.0, 1.0, 3.0, 4.0}, 0, (double[]){0}},
  {"sort_dim0", OP_SORT, CT_FLOAT32, 2, (int64_t[]){3, 2}, (double[]){3.0, 1.0, 1.0, 2.0, 2.0, 0.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 2, (int64_t[]){3, 2}, 6, (double[]){1.0, 0.0, 2.0, 1.0, 3.0, 2.0}, 6, (double[]){1.0, 2.0, 2.0, 0.0, 0.0, 1.0}, 0, (double[]){0}},
  {"sort_bool", OP_SORT, CT_BOOL, 1, (int64_t[]){4}, (double[]){1, 0, 1, 0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 1, (int64_t[]){4}, 4, (double[]){0, 0, 1, 1}, 4, (double[]){1.0, 3.0, 0.0, 2.0}, 0, (double[]){0}},
  {"sort_f16", OP_SORT, CT_FLOAT16, 1, (int64_t[]){3}, (double[]){0.5, -1.0, 0.25},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, true,
   CT_FLOAT16, 1, (int64_t[]){3}, 3, (double[]){0.5, 0.25, -1.0}, 3, (double[]){0.0, 2.0, 1.0}, 0, (double[]){0}},
  {"topk_largest", OP_TOPK, CT_FLOAT32, 1, (int64_t[]){5}, (double[]){1.0, 5.0, 3.0, 5.0, -2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 3, true,
   CT_FLOAT32, 1, (int64_t[]){3}, 3, (double[]){5.0, 5.0, 3.0}, 3, (double[]){1.0, 3.0, 2.0}, 0, (double[]){0}},
  {"topk_smallest_dim0", OP_TOPK, CT_INT32, 2, (int64_t[]){3, 2}, (double[]){1.0, 9.0, 0.0, 2.0, 4.0, -3.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 2, false,
   CT_INT32, 2, (int64_t[]){2, 2}, 4, (double[]){0.0, -3.0, 1.0, 2.0}, 4, (double[]){1.0, 2.0, 0.0, 1.0}, 0, (double[]){0}},
  {"topk_nan_largest", OP_TOPK, CT_FLOAT32, 1, (int64_t[]){3}, (double[]){1.0, NAN, 3.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 2, true,
   CT_FLOAT32, 1, (int64_t[]){2}, 2, (double[]){NAN, 3.0}, 2, (double[]){1.0, 2.0}, 0, (double[]){0}},
  {"topk_k0", OP_TOPK, CT_FLOAT32, 1, (int64_t[]){2}, (double[]){1.0, 2.0},
   1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, true,
   CT_FLOAT32, 1, (int64_t[]){0}, 0, (double[]){0}, 0, (double[]){0}, 0, (double[]){0}},
  {"unique_int", OP_UNIQUE, CT_INT64, 2, (int64_t[]){2, 3}, (double[]){3.0, 1.0, 3.0, 2.0, 1.0, 1.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT64, 1, (int64_t[]){3}, 3, (double[]){1.0, 2.0, 3.0}, 6, (double[]){2.0, 0.0, 2.0, 1.0, 0.0, 0.0}, 3, (double[]){3.0, 1.0, 2.0}},
  {"unique_bool", OP_UNIQUE, CT_BOOL, 1, (int64_t[]){3}, (double[]){1, 0, 1},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_BOOL, 1, (int64_t[]){2}, 2, (double[]){0, 1}, 3, (double[]){1.0, 0.0, 1.0}, 2, (double[]){1.0, 2.0}},
  {"unique_f32", OP_UNIQUE, CT_FLOAT32, 1, (int64_t[]){5}, (double[]){2.5, -1.0, 2.5, 0.0, -0.0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_FLOAT32, 1, (int64_t[]){3}, 3, (double[]){-1.0, 0.0, 2.5}, 5, (double[]){2.0, 0.0, 2.0, 1.0, 1.0}, 3, (double[]){1.0, 2.0, 2.0}},
  {"unique_empty", OP_UNIQUE, CT_INT8, 1, (int64_t[]){0}, (double[]){0},
   -1, (int64_t[]){0}, false, CT_DTYPE_NONE, 0.0, 1.0, 0, false,
   CT_INT8, 1, (int64_t[]){0}, 0, (double[]){0}, 0, (double[]){0}, 0, (double[]){0}},
};
/* END GENERATED */
/* clang-format on */

/* Compares t with n expected values (pairs for complex dtypes) from a generated case. */
static void gen_expect(const gen_case *c, ct_tensor *t, int32_t n, const double *want,
                       const char *what) {
  ct_dtype dt = dtype_of(t);
  bool cplx = is_cplx_dtype(dt);
  int64_t cnt = cplx ? n / 2 : n;
  if (numel_of(t) != cnt) {
    NOTE("%s: %s has %lld elements, expected %lld", c->name, what, (long long)numel_of(t),
         (long long)cnt);
    return;
  }
  double *v = vals_of(t);
  double rtol = rtol_of(dt);
  if (rtol < 1e-6 && !is_int_dtype(dt) && dt != CT_BOOL) rtol = 1e-6; /* torch computed float32 */
  if (dt == CT_FLOAT64) rtol = 1e-6;
  for (int64_t i = 0; i < cnt; i++) {
    double re = cplx ? want[2 * i] : want[i], im = cplx ? want[2 * i + 1] : 0;
    bool ok = close_to(v[2 * i], re, rtol, 1e-6) && close_to(v[2 * i + 1], im, rtol, 1e-6);
    if (!ok)
      NOTE("%s: %s[%lld] = %.9g%+.9gi, PyTorch gives %.9g%+.9gi", c->name, what, (long long)i,
           v[2 * i], v[2 * i + 1], re, im);
  }
  free(v);
}

static void gen_run(const gen_case *c) {
  ct_tensor *x = mk(c->xdtype, c->xndim, c->xshape, c->x);
  ct_tensor *r = NULL, *r2 = NULL, *r3 = NULL;
  const int64_t *dims = c->ndims > 0 ? c->dims : NULL;
  int32_t nd = c->ndims > 0 ? c->ndims : 0;
  ct_status s = CT_OK;
  switch (c->op) {
    case OP_SUM:
      s = ct_sum(&r, x, dims, nd, c->keepdim, c->dtype);
      break;
    case OP_PROD:
      s = ct_prod(&r, x, dims, nd, c->keepdim, c->dtype);
      break;
    case OP_MEAN:
      s = ct_mean(&r, x, dims, nd, c->keepdim, c->dtype);
      break;
    case OP_AMAX:
      s = ct_amax(&r, x, dims, nd, c->keepdim);
      break;
    case OP_AMIN:
      s = ct_amin(&r, x, dims, nd, c->keepdim);
      break;
    case OP_MAX_ALL:
      s = ct_max(&r, x);
      break;
    case OP_MIN_ALL:
      s = ct_min(&r, x);
      break;
    case OP_MAX_DIM:
      s = ct_max_dim(&r, &r2, x, c->dims[0], c->keepdim);
      break;
    case OP_MIN_DIM:
      s = ct_min_dim(&r, &r2, x, c->dims[0], c->keepdim);
      break;
    case OP_ARGMAX:
      s = ct_argmax(&r, x, dims, c->keepdim);
      break;
    case OP_ARGMIN:
      s = ct_argmin(&r, x, dims, c->keepdim);
      break;
    case OP_VAR:
      s = ct_var(&r, x, dims, nd, c->correction, c->keepdim);
      break;
    case OP_STD:
      s = ct_std(&r, x, dims, nd, c->correction, c->keepdim);
      break;
    case OP_NORM:
      s = ct_norm(&r, x, c->p, dims, nd, c->keepdim, c->dtype);
      break;
    case OP_ALL:
      s = ct_all(&r, x, dims, nd, c->keepdim);
      break;
    case OP_ANY:
      s = ct_any(&r, x, dims, nd, c->keepdim);
      break;
    case OP_COUNT_NZ:
      s = ct_count_nonzero(&r, x, dims, nd);
      break;
    case OP_LOGSUMEXP:
      s = ct_logsumexp(&r, x, dims, nd, c->keepdim);
      break;
    case OP_CUMSUM:
      s = ct_cumsum(&r, x, c->dims[0], c->dtype);
      break;
    case OP_CUMPROD:
      s = ct_cumprod(&r, x, c->dims[0], c->dtype);
      break;
    case OP_SOFTMAX:
      s = ct_softmax(&r, x, c->dims[0], c->dtype);
      break;
    case OP_LOG_SOFTMAX:
      s = ct_log_softmax(&r, x, c->dims[0], c->dtype);
      break;
    case OP_SORT:
      s = ct_sort(&r, &r2, x, c->dims[0], c->desc, true);
      break;
    case OP_TOPK:
      s = ct_topk(&r, &r2, x, c->k, c->dims[0], c->desc, true);
      break;
    case OP_UNIQUE:
      s = ct_unique(&r, &r2, &r3, x, true);
      break;
    default:
      ck_abort_msg("unknown op");
  }
  if (s != CT_OK) {
    NOTE("%s: failed with %s (%s)", c->name, ct_status_name(s), ct_last_error_message());
    ct_tensor_release(x);
    return;
  }
  if (dtype_of(r) != c->rdtype)
    NOTE("%s: dtype %d, expected %d", c->name, (int)dtype_of(r), (int)c->rdtype);
  int64_t shape[MAX_DIMS];
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, r));
  if (ndim_of(r) != c->rndim ||
      (c->rndim > 0 && memcmp(shape, c->rshape, (size_t)c->rndim * sizeof(int64_t))))
    NOTE("%s: the result's shape differs from PyTorch's", c->name);
  gen_expect(c, r, c->nr, c->r, "result");
  if (r2) gen_expect(c, r2, c->nr2, c->r2, "second result");
  if (r3) gen_expect(c, r3, c->nr3, c->r3, "third result");
  ct_tensor_release(r);
  ct_tensor_release(r2);
  ct_tensor_release(r3);
  ct_tensor_release(x);
}

START_TEST(test_pytorch_cases) {
  MEM_BEGIN;
  fail_reset();
  for (size_t i = 0; i < sizeof gen_cases / sizeof gen_cases[0]; i++) gen_run(&gen_cases[i]);
  FAIL_IF_NOTED_("cases differ from PyTorch");
  MEM_END;
}
END_TEST

/* ---- reductions against the reference ------------------------------------------------------- */

static const ct_dtype all_dtypes[] = {CT_BOOL,    CT_UINT8,   CT_INT8,      CT_INT16,
                                      CT_INT32,   CT_INT64,   CT_FLOAT16,   CT_BFLOAT16,
                                      CT_FLOAT32, CT_FLOAT64, CT_COMPLEX64, CT_COMPLEX128};
enum { N_DTYPES = sizeof all_dtypes / sizeof all_dtypes[0] };

static ct_dtype real_of(ct_dtype d) {
  return d == CT_COMPLEX64 ? CT_FLOAT32 : d == CT_COMPLEX128 ? CT_FLOAT64 : d;
}

/* The dtype PyTorch gives op on x. */
static ct_dtype result_dtype(int op, ct_dtype x) {
  switch (op) {
    case R_SUM:
    case R_PROD:
      return is_int_dtype(x) ? CT_INT64 : x;
    case R_ARGMAX:
    case R_ARGMIN:
    case R_COUNT:
      return CT_INT64;
    case R_ALL:
    case R_ANY:
      return CT_BOOL;
    case R_VAR:
    case R_STD:
    case R_NORM:
      return real_of(x);
    case R_LSE:
      return is_int_dtype(x) ? CT_FLOAT32 : x;
    default:
      return x;
  }
}

static ct_status run_red(ct_tensor **r, int op, ct_tensor *x, const int64_t *dims, int32_t ndims,
                         bool keepdim, double p, double corr) {
  switch (op) {
    case R_SUM:
      return ct_sum(r, x, dims, ndims, keepdim, CT_DTYPE_NONE);
    case R_PROD:
      return ct_prod(r, x, dims, ndims, keepdim, CT_DTYPE_NONE);
    case R_MEAN:
      return ct_mean(r, x, dims, ndims, keepdim, CT_DTYPE_NONE);
    case R_MAX:
      return ct_amax(r, x, dims, ndims, keepdim);
    case R_MIN:
      return ct_amin(r, x, dims, ndims, keepdim);
    case R_ARGMAX:
      return ct_argmax(r, x, ndims ? dims : NULL, keepdim);
    case R_ARGMIN:
      return ct_argmin(r, x, ndims ? dims : NULL, keepdim);
    case R_VAR:
      return ct_var(r, x, dims, ndims, corr, keepdim);
    case R_STD:
      return ct_std(r, x, dims, ndims, corr, keepdim);
    case R_NORM:
      return ct_norm(r, x, p, dims, ndims, keepdim, CT_DTYPE_NONE);
    case R_ALL:
      return ct_all(r, x, dims, ndims, keepdim);
    case R_ANY:
      return ct_any(r, x, dims, ndims, keepdim);
    case R_COUNT:
      return ct_count_nonzero(r, x, dims, ndims);
    case R_LSE:
      return ct_logsumexp(r, x, dims, ndims, keepdim);
    default:
      return CT_ERR_INTERNAL;
  }
}

static const char *const red_names[] = {"sum",    "prod",   "mean",          "amax",     "amin",
                                        "argmax", "argmin", "var",           "std",      "norm",
                                        "all",    "any",    "count_nonzero", "logsumexp"};

/*
 * Runs reduction op of x over dims and compares dtype, shape and values with
 * the reference. Argmax/argmin over no dims reduce the flattened x. rtol 0:
 * the result dtype's tolerance.
 */
static void check_red(int op, ct_tensor *x, const int64_t *dims, int32_t ndims, bool keepdim,
                      double p, double corr, double rtol) {
  ct_tensor *r = NULL;
  char what[256];
  int32_t nd = ndim_of(x);
  int64_t shape[MAX_DIMS];
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, x));
  const char *dn = "?";
  ct_dtype_name(&dn, dtype_of(x));
  snprintf(what, sizeof what, "%s of a %d-d %s over %d dims%s", red_names[op], (int)nd, dn,
           (int)ndims, keepdim ? " (keepdim)" : "");
  ct_status s = run_red(&r, op, x, dims, ndims, keepdim, p, corr);
  if (s != CT_OK) {
    NOTE("%s failed: %s", what, ct_last_error_message());
    return;
  }
  bool mask[MAX_DIMS];
  mask_of(mask, nd, dims, ndims);
  bool flat = (op == R_ARGMAX || op == R_ARGMIN) && ndims == 0;
  /* The expected shape. */
  int64_t want[MAX_DIMS];
  int32_t wn = 0;
  for (int32_t d = 0; d < nd; d++) {
    if (!mask[d])
      want[wn++] = shape[d];
    else if (keepdim && op != R_COUNT)
      want[wn++] = 1;
  }
  if (flat) wn = keepdim ? nd : 0;
  int64_t got[MAX_DIMS];
  CT_OK_(ct_tensor_shape(got, MAX_DIMS, r));
  if (ndim_of(r) != wn || (wn > 0 && memcmp(got, want, (size_t)wn * sizeof(int64_t))))
    NOTE("%s: wrong result shape (%d dims)", what, (int)ndim_of(r));
  if (dtype_of(r) != result_dtype(op, dtype_of(x)))
    NOTE("%s: result dtype %d, expected %d", what, (int)dtype_of(r),
         (int)result_dtype(op, dtype_of(x)));
  ref_res ref = ref_reduce(op, x, mask, p, corr);
  bool exact_int = (op == R_SUM || op == R_PROD) && is_int_dtype(dtype_of(x));
  if (op == R_ARGMAX || op == R_ARGMIN || exact_int) {
    int64_t *iv = ivals_of(r), *expect_i = exact_int ? ref.ival : ref.idx;
    for (int64_t i = 0; i < ref.n; i++)
      if (iv[i] != expect_i[i])
        NOTE("%s: element %lld is %lld, expected %lld", what, (long long)i, (long long)iv[i],
             (long long)expect_i[i]);
    free(iv);
  } else {
    ct_dtype rd = dtype_of(r);
    expect_vals(r, ref.n, ref.re, is_cplx_dtype(rd) ? ref.im : NULL, rtol > 0 ? rtol : rtol_of(rd),
                what);
  }
  ref_free(&ref);
  ct_tensor_release(r);
}

/* Dims lists of a 3-d tensor: none (all), single dims, pairs, negative, unordered. */
static const int64_t dim_sets[][3] = {{0}, {0}, {1}, {2}, {-1, 0}, {2, 1}, {0, 1, 2}, {-2}};
static const int32_t dim_counts[] = {0, 1, 1, 1, 2, 2, 3, 1};
enum { N_DIM_SETS = sizeof dim_counts / sizeof dim_counts[0] };

/* Random data for dtype suited to products and sums: small integers, floats in [0.5, 1.5). */
static ct_tensor *rnd_data(ct_dtype dt, int32_t nd, const int64_t *shape) {
  if (dt == CT_UINT8) return rnd(dt, nd, shape, 0, 4);
  if (is_int_dtype(dt)) return rnd(dt, nd, shape, -3, 3);
  return rnd(dt, nd, shape, 0.5, 1.5);
}

START_TEST(test_sum_prod_mean_dtypes) {
  MEM_BEGIN;
  fail_reset();
  int64_t shape[3] = {4, 5, 6};
  for (int t = 0; t < N_DTYPES; t++) {
    ct_dtype dt = all_dtypes[t];
    ct_tensor *x = rnd_data(dt, 3, shape);
    for (int k = 0; k < N_DIM_SETS; k++) {
      bool keep = k % 2 == 1;
      check_red(R_SUM, x, dim_sets[k], dim_counts[k], keep, 0, 0, 0);
      check_red(R_PROD, x, dim_sets[k], dim_counts[k], !keep, 0, 0, 0);
      if (!is_int_dtype(dt)) check_red(R_MEAN, x, dim_sets[k], dim_counts[k], keep, 0, 0, 0);
    }
    ct_tensor_release(x);
  }
  FAIL_IF_NOTED_("reductions differ from the reference");
  MEM_END;
}
END_TEST

START_TEST(test_extrema_dtypes) {
  MEM_BEGIN;
  fail_reset();
  int64_t shape[3] = {5, 6, 7};
  for (int t = 0; t < N_DTYPES; t++) {
    ct_dtype dt = all_dtypes[t];
    if (is_cplx_dtype(dt)) continue;
    /* Few distinct values, so that ties are common. */
    ct_tensor *x =
        is_int_dtype(dt) ? rnd(dt, 3, shape, dt == CT_UINT8 ? 0 : -4, 4) : rnd(dt, 3, shape, -4, 4);
    for (int k = 0; k < N_DIM_SETS; k++) {
      check_red(R_MAX, x, dim_sets[k], dim_counts[k], k % 2, 0, 0, 0);
      check_red(R_MIN, x, dim_sets[k], dim_counts[k], k % 2 == 0, 0, 0, 0);
    }
    if (dt != CT_BOOL) {
      for (int64_t d = -3; d < 3; d++) {
        check_red(R_ARGMAX, x, &d, 1, d % 2 == 0, 0, 0, 0);
        check_red(R_ARGMIN, x, &d, 1, d % 2 != 0, 0, 0, 0);
      }
      check_red(R_ARGMAX, x, NULL, 0, false, 0, 0, 0);
      check_red(R_ARGMIN, x, NULL, 0, true, 0, 0, 0);
    }
    ct_tensor_release(x);
  }
  FAIL_IF_NOTED_("extrema differ from the reference");
  MEM_END;
}
END_TEST

START_TEST(test_nan_semantics) {
  MEM_BEGIN;
  fail_reset();
  /* NaN propagates through max/min/amax; argmax and argmin pick the first NaN. */
  double v[] = {1, NAN, 3, -INFINITY, 2, NAN, 7, 0, 5, 6, 4, 3};
  for (ct_dtype dt = CT_FLOAT16; dt <= CT_FLOAT64; dt++) {
    ct_tensor *x = mk(dt, 2, (int64_t[]){3, 4}, v);
    for (int64_t d = 0; d < 2; d++) {
      check_red(R_MAX, x, &d, 1, false, 0, 0, 0);
      check_red(R_MIN, x, &d, 1, true, 0, 0, 0);
      check_red(R_ARGMAX, x, &d, 1, false, 0, 0, 0);
      check_red(R_ARGMIN, x, &d, 1, false, 0, 0, 0);
      check_red(R_SUM, x, &d, 1, false, 0, 0, 0);
      check_red(R_LSE, x, &d, 1, false, 0, 0, 0);
      check_red(R_NORM, x, &d, 1, false, INFINITY, 0, 0);
      check_red(R_VAR, x, &d, 1, false, 0, 1, 0);
      check_red(R_ALL, x, &d, 1, false, 0, 0, 0);
    }
    ct_tensor *m = NULL, *vals = NULL, *idx = NULL;
    CT_OK_(ct_max(&m, x));
    ck_assert(isnan(value(m, 0)));
    CT_OK_(ct_max_dim(&vals, &idx, x, 1, false));
    ck_assert(isnan(value(vals, 0)) && ivalue(idx, 0) == 1);
    ck_assert(isnan(value(vals, 1)) && ivalue(idx, 1) == 1);
    ck_assert(value(vals, 2) == 6 && ivalue(idx, 2) == 1);
    ct_tensor_release(m);
    ct_tensor_release(vals);
    ct_tensor_release(idx);
    ct_tensor_release(x);
  }
  FAIL_IF_NOTED_("NaN handling differs from the reference");
  MEM_END;
}
END_TEST

START_TEST(test_var_std_norm_logsumexp_dtypes) {
  MEM_BEGIN;
  fail_reset();
  int64_t shape[3] = {3, 4, 5};
  const double ps[] = {1, 2, INFINITY, -INFINITY, 0, 3, 0.5, -1.5};
  for (int t = 0; t < N_DTYPES; t++) {
    ct_dtype dt = all_dtypes[t];
    if (is_int_dtype(dt)) continue;
    ct_tensor *x = rnd(dt, 3, shape, -2, 2);
    for (int k = 0; k < N_DIM_SETS; k++) {
      check_red(R_VAR, x, dim_sets[k], dim_counts[k], k % 2, 0, 1, 0);
      check_red(R_STD, x, dim_sets[k], dim_counts[k], k % 2 == 0, 0, k % 3, 0);
      for (size_t i = 0; i < sizeof ps / sizeof ps[0]; i++)
        check_red(R_NORM, x, dim_sets[k], dim_counts[k], i % 2, ps[i], 0, 0);
      if (!is_cplx_dtype(dt)) check_red(R_LSE, x, dim_sets[k], dim_counts[k], k % 2, 0, 0, 0);
    }
    ct_tensor_release(x);
  }
  /* Integers: logsumexp gives the default dtype. */
  ct_tensor *xi = rnd(CT_INT32, 3, shape, -5, 5);
  check_red(R_LSE, xi, (int64_t[]){1}, 1, false, 0, 0, 0);
  ct_tensor_release(xi);
  FAIL_IF_NOTED_("statistics differ from the reference");
  MEM_END;
}
END_TEST

START_TEST(test_logical_dtypes) {
  MEM_BEGIN;
  fail_reset();
  int64_t shape[3] = {3, 4, 5};
  for (int t = 0; t < N_DTYPES; t++) {
    ct_dtype dt = all_dtypes[t];
    /* Mostly nonzero, some zeros: all is sometimes true. */
    ct_tensor *x =
        is_int_dtype(dt) ? rnd(dt, 3, shape, 0, dt == CT_BOOL ? 1 : 6) : rnd(dt, 3, shape, -0.2, 3);
    if (!is_int_dtype(dt)) {
      ct_tensor *f = NULL;
      /* floor() of floats makes exact zeros appear. */
      double *v = vals_of(x);
      for (int64_t i = 0; i < 60; i++)
        v[2 * i] = floor(v[2 * i]), v[2 * i + 1] = is_cplx_dtype(dt) && i % 7 == 0 ? 1 : 0;
      f = mk(dt, 3, shape, v);
      free(v);
      ct_tensor_release(x);
      x = f;
    }
    for (int k = 0; k < N_DIM_SETS; k++) {
      check_red(R_ALL, x, dim_sets[k], dim_counts[k], k % 2, 0, 0, 0);
      check_red(R_ANY, x, dim_sets[k], dim_counts[k], k % 2 == 0, 0, 0, 0);
      check_red(R_COUNT, x, dim_sets[k], dim_counts[k], false, 0, 0, 0);
    }
    ct_tensor_release(x);
  }
  FAIL_IF_NOTED_("logical reductions differ from the reference");
  MEM_END;
}
END_TEST

START_TEST(test_noncontiguous_inputs) {
  MEM_BEGIN;
  fail_reset();
  const ct_dtype dts[] = {CT_INT32, CT_FLOAT16, CT_FLOAT32, CT_FLOAT64, CT_COMPLEX64};
  for (size_t t = 0; t < sizeof dts / sizeof dts[0]; t++) {
    ct_dtype dt = dts[t];
    ct_tensor *base =
        rnd(dt, 1, (int64_t[]){400}, is_int_dtype(dt) ? -9 : 0.5, is_int_dtype(dt) ? 9 : 1.5);
    ct_tensor *vs[4];
    vs[0] = view(base, 2, (int64_t[]){7, 6}, (int64_t[]){1, 7}, 0);          /* transposed */
    vs[1] = view(base, 3, (int64_t[]){3, 4, 5}, (int64_t[]){100, 20, 3}, 1); /* stepped, offset */
    vs[2] = view(base, 3, (int64_t[]){4, 3, 6}, (int64_t[]){0, 6, 1}, 5);    /* expanded dim 0 */
    vs[3] = view(base, 2, (int64_t[]){5, 9}, (int64_t[]){2, 37}, 13);        /* both strided */
    for (int v = 0; v < 4; v++) {
      int32_t nd = ndim_of(vs[v]);
      for (int64_t d = 0; d < nd; d++) {
        check_red(R_SUM, vs[v], &d, 1, false, 0, 0, 0);
        if (!is_cplx_dtype(dt)) {
          check_red(R_MAX, vs[v], &d, 1, true, 0, 0, 0);
          check_red(R_ARGMAX, vs[v], &d, 1, false, 0, 0, 0);
        }
        if (!is_int_dtype(dt)) {
          check_red(R_MEAN, vs[v], &d, 1, false, 0, 0, 0);
          check_red(R_VAR, vs[v], &d, 1, false, 0, 1, 0);
          check_red(R_NORM, vs[v], &d, 1, false, 2, 0, 0);
        }
        check_red(R_ALL, vs[v], &d, 1, false, 0, 0, 0);
      }
      check_red(R_SUM, vs[v], NULL, 0, false, 0, 0, 0);
      check_red(R_PROD, vs[v], (int64_t[]){0, nd - 1}, nd > 1 ? 2 : 1, true, 0, 0,
                dt == CT_FLOAT32 ? 1e-4 : 0);
      if (!is_cplx_dtype(dt)) check_red(R_ARGMIN, vs[v], NULL, 0, false, 0, 0, 0);
      ct_tensor_release(vs[v]);
    }
    ct_tensor_release(base);
  }
  FAIL_IF_NOTED_("strided reductions differ from the reference");
  MEM_END;
}
END_TEST

/* Shapes that take every path of the engine: long runs cut into chunks, outer tiles, short runs. */
START_TEST(test_engine_paths) {
  MEM_BEGIN;
  fail_reset();
  struct {
    int32_t nd;
    int64_t shape[3];
    int32_t ndims;
    int64_t dims[2];
  } cases[] = {
      {2, {3, 100003}, 1, {1}},     /* inner, several chunks per output */
      {2, {100003, 3}, 1, {0}},     /* outer, narrow tiles, many row chunks */
      {2, {257, 300}, 1, {0}},      /* outer, two row chunks */
      {2, {300, 257}, 1, {1}},      /* inner, one run per output */
      {3, {40, 50, 60}, 2, {0, 2}}, /* inner, runs combined over an outer reduced dim */
      {3, {40, 50, 60}, 1, {1}},    /* outer with a kept outer dim */
      {2, {2, 70000}, 0, {0}},      /* all: one output, chunked */
      {2, {50, 4}, 1, {1}},         /* short runs: outer over strided columns */
      {3, {5, 6000, 3}, 2, {0, 1}}, /* outer, reduced dims that do not merge */
      {3, {3, 600, 40}, 1, {1}},    /* outer with a kept outer dim and several row chunks */
  };
  const ct_dtype dts[] = {CT_FLOAT32, CT_FLOAT64, CT_INT32, CT_BFLOAT16};
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    for (size_t t = 0; t < sizeof dts / sizeof dts[0]; t++) {
      ct_dtype dt = dts[t];
      ct_tensor *x = is_int_dtype(dt) ? rnd(dt, cases[c].nd, cases[c].shape, -50, 50)
                                      : rnd(dt, cases[c].nd, cases[c].shape, 0.5, 1.5);
      const int64_t *dims = cases[c].dims;
      int32_t nds = cases[c].ndims;
      double tol = dt == CT_FLOAT32 ? 1e-5 : 0;
      check_red(R_SUM, x, dims, nds, false, 0, 0, tol);
      check_red(R_MAX, x, dims, nds, true, 0, 0, 0);
      check_red(R_COUNT, x, dims, nds, false, 0, 0, 0);
      if (nds <= 1 && dt != CT_BFLOAT16) check_red(R_ARGMIN, x, dims, nds, false, 0, 0, 0);
      if (!is_int_dtype(dt)) {
        check_red(R_MEAN, x, dims, nds, false, 0, 0, tol);
        check_red(R_VAR, x, dims, nds, true, 0, 1, dt == CT_BFLOAT16 ? 0 : 1e-6);
        check_red(R_NORM, x, dims, nds, false, 2, 0, tol);
        check_red(R_NORM, x, dims, nds, false, INFINITY, 0, 0);
        check_red(R_LSE, x, dims, nds, false, 0, 0, tol);
      }
      ct_tensor_release(x);
    }
  }
  /* Kept dims that do not merge, around a contiguous reduced run. */
  ct_tensor *base = rnd(CT_FLOAT32, 1, (int64_t[]){14000}, 0.5, 1.5);
  ct_tensor *v = view(base, 3, (int64_t[]){6, 7, 40}, (int64_t[]){300, 1900, 1}, 3);
  check_red(R_SUM, v, (int64_t[]){2}, 1, false, 0, 0, 1e-5);
  check_red(R_ARGMAX, v, (int64_t[]){-1}, 1, true, 0, 0, 0);
  check_red(R_VAR, v, (int64_t[]){2, 0}, 2, false, 0, 1, 1e-6);
  ct_tensor_release(v);
  ct_tensor_release(base);
  FAIL_IF_NOTED_("engine paths differ from the reference");
  MEM_END;
}
END_TEST

START_TEST(test_sum_of_2p24_ones_is_exact) {
  MEM_BEGIN;
  int64_t n = 1LL << 24;
  ct_tensor *x = NULL, *s = NULL, *m = NULL, *sq = NULL;
  CT_OK_(ct_ones(&x, 1, &n, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_sum(&s, x, NULL, 0, false, CT_DTYPE_NONE));
  ck_assert_int_eq(dtype_of(s), CT_FLOAT32);
  ck_assert_double_eq(value(s, 0), 16777216.0);
  CT_OK_(ct_mean(&m, x, NULL, 0, false, CT_DTYPE_NONE));
  ck_assert_double_eq(value(m, 0), 1.0);
  ct_tensor_release(s);
  ct_tensor_release(m);
  /* As a 4096 x 4096 matrix, along either dim (outer and inner paths). */
  ct_tensor *mat = view(x, 2, (int64_t[]){4096, 4096}, (int64_t[]){4096, 1}, 0);
  for (int64_t d = 0; d < 2; d++) {
    CT_OK_(ct_sum(&s, mat, &d, 1, false, CT_DTYPE_NONE));
    float *p = data_of(s);
    for (int64_t i = 0; i < 4096; i++) ck_assert_float_eq(p[i], 4096.0f);
    ct_tensor_release(s);
  }
  /* Summed as float64 and as float16 (accumulated in float32, 2048 is exact in float16). */
  CT_OK_(ct_sum(&s, x, NULL, 0, false, CT_FLOAT64));
  ck_assert_double_eq(value(s, 0), 16777216.0);
  ct_tensor_release(s);
  ct_tensor *h = NULL, *hs = NULL;
  CT_OK_(ct_ones(&h, 1, (int64_t[]){2048}, CT_FLOAT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_sum(&hs, h, NULL, 0, false, CT_DTYPE_NONE));
  ck_assert_int_eq(dtype_of(hs), CT_FLOAT16);
  ck_assert_double_eq(value(hs, 0), 2048.0);
  CT_OK_(ct_sum(&sq, mat, (int64_t[]){0, 1}, 2, true, CT_DTYPE_NONE));
  ck_assert_double_eq(value(sq, 0), 16777216.0);
  ct_tensor_release(sq);
  ct_tensor_release(h);
  ct_tensor_release(hs);
  ct_tensor_release(mat);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

START_TEST(test_accuracy) {
  MEM_BEGIN;
  /* Pairwise float32 sums: relative error near log2(n) ulps, not n ulps. */
  int64_t n = 1 << 20;
  ct_tensor *x = rnd(CT_FLOAT32, 1, &n, 0, 1), *s = NULL;
  const float *p = data_of(x);
  long double want = 0;
  for (int64_t i = 0; i < n; i++) want += p[i];
  CT_OK_(ct_sum(&s, x, NULL, 0, false, CT_DTYPE_NONE));
  ck_assert_msg(fabsl(value(s, 0) - want) / want < 1e-6, "sum error %Lg",
                fabsl(value(s, 0) - want) / want);
  ct_tensor_release(s);
  /* Column sums of a tall matrix. */
  ct_tensor *mat = view(x, 2, (int64_t[]){16384, 64}, (int64_t[]){64, 1}, 0);
  CT_OK_(ct_sum(&s, mat, (int64_t[]){0}, 1, false, CT_DTYPE_NONE));
  for (int64_t j = 0; j < 64; j++) {
    long double w = 0;
    for (int64_t i = 0; i < 16384; i++) w += p[i * 64 + j];
    ck_assert_msg(fabsl(value(s, j) - w) / w < 1e-5, "column %lld error %Lg", (long long)j,
                  fabsl(value(s, j) - w) / w);
  }
  ct_tensor_release(s);
  ct_tensor_release(mat);
  ct_tensor_release(x);
  /* The variance of data with a large mean (a one-pass E[x^2] - E[x]^2 would lose it all). */
  int64_t m = 100000;
  double *v = malloc((size_t)m * sizeof(double));
  for (int64_t i = 0; i < m; i++) v[i] = 1e4 + urand();
  ct_tensor *y = mk(CT_FLOAT32, 1, &m, v), *var = NULL;
  free(v);
  const float *q = data_of(y);
  long double mean = 0, ss = 0;
  for (int64_t i = 0; i < m; i++) mean += q[i];
  mean /= m;
  for (int64_t i = 0; i < m; i++) ss += (q[i] - mean) * (q[i] - mean);
  CT_OK_(ct_var(&var, y, NULL, 0, 1, false));
  long double wv = ss / (m - 1);
  ck_assert_msg(fabsl(value(var, 0) - wv) / wv < 1e-6, "var %.9g, expected %.9Lg", value(var, 0),
                wv);
  ct_tensor_release(var);
  ct_tensor_release(y);
  MEM_END;
}
END_TEST

/* Bytes of a contiguous tensor, for bitwise comparisons. */
static void *bytes_of(ct_tensor *t, int64_t *nbytes) {
  ct_tensor *c = NULL;
  CT_OK_(ct_contiguous(&c, t));
  CT_OK_(ct_tensor_nbytes(nbytes, c));
  void *b = malloc((size_t)*nbytes + 1);
  memcpy(b, data_of(c), (size_t)*nbytes);
  ct_tensor_release(c);
  return b;
}

enum { N_DET = 17 };

/* Results whose bits must not depend on the thread count. */
static void det_results(void **out, int64_t *sizes, ct_tensor *x, ct_tensor *mat, ct_tensor *h,
                        ct_tensor *near1) {
  ct_tensor *r[N_DET] = {0}, *r2 = NULL;
  int64_t d0 = 0, d1 = 1;
  CT_OK_(ct_sum(&r[0], x, NULL, 0, false, CT_DTYPE_NONE));
  CT_OK_(ct_sum(&r[1], mat, &d0, 1, false, CT_DTYPE_NONE));
  CT_OK_(ct_sum(&r[2], mat, &d1, 1, false, CT_DTYPE_NONE));
  CT_OK_(ct_mean(&r[3], x, NULL, 0, false, CT_DTYPE_NONE));
  CT_OK_(ct_var(&r[4], x, NULL, 0, 1, false));
  CT_OK_(ct_std(&r[5], mat, &d1, 1, 1, false));
  CT_OK_(ct_norm(&r[6], x, 2, NULL, 0, false, CT_DTYPE_NONE));
  CT_OK_(ct_logsumexp(&r[7], x, NULL, 0, false));
  CT_OK_(ct_amax(&r[8], mat, &d0, 1, false));
  CT_OK_(ct_argmax(&r[9], x, NULL, false));
  CT_OK_(ct_prod(&r[10], near1, NULL, 0, false, CT_DTYPE_NONE));
  CT_OK_(ct_cumsum(&r[11], mat, 0, CT_DTYPE_NONE));
  CT_OK_(ct_softmax(&r[12], mat, 1, CT_DTYPE_NONE));
  CT_OK_(ct_sum(&r[13], h, NULL, 0, false, CT_DTYPE_NONE));
  CT_OK_(ct_var_mean(&r[14], &r2, mat, &d0, 1, 0, false));
  CT_OK_(ct_sum(&r[15], x, NULL, 0, false, CT_FLOAT64));
  CT_OK_(ct_norm(&r[16], mat, 3, &d0, 1, false, CT_DTYPE_NONE));
  for (int i = 0; i < N_DET; i++) {
    out[i] = bytes_of(r[i], &sizes[i]);
    ct_tensor_release(r[i]);
  }
  ct_tensor_release(r2);
}

START_TEST(test_thread_count_determinism) {
  MEM_BEGIN;
  int32_t saved = 0;
  CT_OK_(ct_get_num_threads(&saved));
  int64_t n = 1 << 22;
  ct_tensor *x = rnd(CT_FLOAT32, 1, &n, -1, 1);
  ct_tensor *mat = view(x, 2, (int64_t[]){2048, 2048}, (int64_t[]){2048, 1}, 0);
  ct_tensor *h = rnd(CT_FLOAT16, 1, (int64_t[]){1 << 20}, 0, 1);
  ct_tensor *near1 = rnd(CT_FLOAT64, 1, (int64_t[]){1 << 20}, 0.9999, 1.0001);
  void *a[N_DET], *b[N_DET];
  int64_t sa[N_DET], sb[N_DET];
  CT_OK_(ct_set_num_threads(1));
  det_results(a, sa, x, mat, h, near1);
  CT_OK_(ct_set_num_threads(4));
  det_results(b, sb, x, mat, h, near1);
  CT_OK_(ct_set_num_threads(3));
  void *c[N_DET];
  int64_t sc[N_DET];
  det_results(c, sc, x, mat, h, near1);
  CT_OK_(ct_set_num_threads(saved));
  for (int i = 0; i < N_DET; i++) {
    ck_assert_int_eq(sa[i], sb[i]);
    ck_assert_msg(memcmp(a[i], b[i], (size_t)sa[i]) == 0,
                  "result %d differs between 1 and 4 threads", i);
    ck_assert_msg(memcmp(a[i], c[i], (size_t)sa[i]) == 0,
                  "result %d differs between 1 and 3 threads", i);
    free(a[i]);
    free(b[i]);
    free(c[i]);
  }
  ct_tensor_release(near1);
  ct_tensor_release(h);
  ct_tensor_release(mat);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* ---- empty reductions and 0-d tensors ------------------------------------------------------- */

START_TEST(test_empty_reductions) {
  MEM_BEGIN;
  ct_tensor *x = NULL, *r = NULL, *r2 = NULL;
  CT_OK_(ct_zeros(&x, 2, (int64_t[]){0, 3}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  int64_t d0 = 0, d1 = 1;
  /* Identities: sum 0, prod 1, mean and var NaN, norms 0, all true, any false, logsumexp -inf. */
  CT_OK_(ct_sum(&r, x, &d0, 1, false, CT_DTYPE_NONE));
  check_shape(r, 1, (int64_t[]){3});
  ck_assert_double_eq(value(r, 2), 0);
  ct_tensor_release(r);
  CT_OK_(ct_sum(&r, x, NULL, 0, false, CT_DTYPE_NONE));
  ck_assert_double_eq(value(r, 0), 0);
  ct_tensor_release(r);
  CT_OK_(ct_prod(&r, x, NULL, 0, true, CT_DTYPE_NONE));
  check_shape(r, 2, (int64_t[]){1, 1});
  ck_assert_double_eq(value(r, 0), 1);
  ct_tensor_release(r);
  CT_OK_(ct_mean(&r, x, &d0, 1, false, CT_DTYPE_NONE));
  ck_assert(isnan(value(r, 0)));
  ct_tensor_release(r);
  CT_OK_(ct_var(&r, x, NULL, 0, 1, false));
  ck_assert(isnan(value(r, 0)));
  ct_tensor_release(r);
  CT_OK_(ct_std_mean(&r, &r2, x, &d0, 1, 0, false));
  ck_assert(isnan(value(r, 0)) && isnan(value(r2, 0)));
  ct_tensor_release(r);
  ct_tensor_release(r2);
  const double ps[] = {2, 1, 0, 0.5};
  for (int i = 0; i < 4; i++) {
    CT_OK_(ct_norm(&r, x, ps[i], &d0, 1, false, CT_DTYPE_NONE));
    ck_assert_double_eq(value(r, 1), 0);
    ct_tensor_release(r);
  }
  CT_OK_(ct_all(&r, x, NULL, 0, false));
  ck_assert_int_eq(dtype_of(r), CT_BOOL);
  ck_assert_double_eq(value(r, 0), 1);
  ct_tensor_release(r);
  CT_OK_(ct_any(&r, x, &d0, 1, false));
  ck_assert_double_eq(value(r, 0), 0);
  ct_tensor_release(r);
  CT_OK_(ct_count_nonzero(&r, x, NULL, 0));
  ck_assert_int_eq(ivalue(r, 0), 0);
  ct_tensor_release(r);
  CT_OK_(ct_logsumexp(&r, x, &d0, 1, false));
  ck_assert(value(r, 0) == -INFINITY);
  ct_tensor_release(r);
  /* Reducing the non-empty dim of an empty tensor gives an empty result, even for max. */
  CT_OK_(ct_amax(&r, x, &d1, 1, false));
  check_shape(r, 1, (int64_t[]){0});
  ct_tensor_release(r);
  CT_OK_(ct_max_dim(&r, &r2, x, 1, true));
  check_shape(r, 2, (int64_t[]){0, 1});
  ct_tensor_release(r);
  ct_tensor_release(r2);
  CT_OK_(ct_argmax(&r, x, &d1, false));
  check_shape(r, 1, (int64_t[]){0});
  ct_tensor_release(r);
  /* No identity: errors naming the zero-size dim or asking for a dim. */
  FAILS_NULL_(r, ct_max(&r, x), CT_ERR_SHAPE, "specify dim");
  MSG_HAS_("ct_max");
  FAILS_NULL_(r, ct_min(&r, x), CT_ERR_SHAPE, "zero-size dimension");
  FAILS_NULL_(r, ct_amax(&r, x, &d0, 1, false), CT_ERR_SHAPE, "zero-size dimension");
  MSG_HAS_("dim 0");
  FAILS_NULL_(r, ct_amin(&r, x, NULL, 0, true), CT_ERR_SHAPE, "ct_amin");
  FAILS_NULL_(r, ct_argmax(&r, x, NULL, false), CT_ERR_SHAPE, "specify dim");
  FAILS_NULL_(r, ct_argmin(&r, x, &d0, false), CT_ERR_SHAPE, "zero-size dimension");
  r2 = POISON;
  FAILS_NULL_(r, ct_max_dim(&r, &r2, x, 0, false), CT_ERR_SHAPE, "ct_max_dim");
  ck_assert_ptr_null(r2);
  FAILS_NULL_(r, ct_min_dim(&r, &r2, x, -2, false), CT_ERR_SHAPE, "zero-size dimension");
  FAILS_NULL_(r, ct_norm(&r, x, INFINITY, &d0, 1, false, CT_DTYPE_NONE), CT_ERR_SHAPE, "inf norm");
  FAILS_NULL_(r, ct_norm(&r, x, -INFINITY, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_SHAPE, "ct_norm");
  FAILS_NULL_(r, ct_norm(&r, x, -1, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_SHAPE, "no identity");
  /* Whole-shape ops on an empty tensor give empty results. */
  CT_OK_(ct_cumsum(&r, x, 0, CT_DTYPE_NONE));
  check_shape(r, 2, (int64_t[]){0, 3});
  ct_tensor_release(r);
  CT_OK_(ct_softmax(&r, x, 1, CT_DTYPE_NONE));
  check_shape(r, 2, (int64_t[]){0, 3});
  ct_tensor_release(r);
  CT_OK_(ct_sort(&r, &r2, x, 0, false, false));
  check_shape(r2, 2, (int64_t[]){0, 3});
  ct_tensor_release(r);
  ct_tensor_release(r2);
  CT_OK_(ct_topk(&r, &r2, x, 0, 0, true, true));
  check_shape(r, 2, (int64_t[]){0, 3});
  ct_tensor_release(r);
  ct_tensor_release(r2);
  ct_tensor *inv = NULL, *cnt = NULL;
  CT_OK_(ct_unique(&r, &inv, &cnt, x, true));
  check_shape(r, 1, (int64_t[]){0});
  check_shape(inv, 2, (int64_t[]){0, 3});
  check_shape(cnt, 1, (int64_t[]){0});
  ct_tensor_release(r);
  ct_tensor_release(inv);
  ct_tensor_release(cnt);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

START_TEST(test_zero_d) {
  MEM_BEGIN;
  double five = 5;
  ct_tensor *x = mk(CT_FLOAT32, 0, NULL, &five), *r = NULL, *r2 = NULL;
  const int64_t dims[][1] = {{0}, {-1}};
  for (int i = 0; i < 2; i++) {
    CT_OK_(ct_sum(&r, x, dims[i], 1, true, CT_DTYPE_NONE));
    ck_assert_int_eq(ndim_of(r), 0);
    ck_assert_double_eq(value(r, 0), 5);
    ct_tensor_release(r);
    CT_OK_(ct_amax(&r, x, dims[i], 1, false));
    ck_assert_double_eq(value(r, 0), 5);
    ct_tensor_release(r);
    CT_OK_(ct_argmax(&r, x, dims[i], true));
    ck_assert_int_eq(ndim_of(r), 0);
    ck_assert_int_eq(ivalue(r, 0), 0);
    ct_tensor_release(r);
    CT_OK_(ct_max_dim(&r, &r2, x, dims[i][0], false));
    ck_assert_double_eq(value(r, 0), 5);
    ck_assert_int_eq(ivalue(r2, 0), 0);
    ct_tensor_release(r);
    ct_tensor_release(r2);
  }
  CT_OK_(ct_sum(&r, x, NULL, 0, false, CT_DTYPE_NONE));
  ck_assert_int_eq(ndim_of(r), 0);
  ct_tensor_release(r);
  CT_OK_(ct_argmin(&r, x, NULL, true));
  ck_assert_int_eq(ndim_of(r), 0);
  ct_tensor_release(r);
  CT_OK_(ct_var(&r, x, NULL, 0, 1, false));
  ck_assert(isnan(value(r, 0)));
  ct_tensor_release(r);
  CT_OK_(ct_var(&r, x, NULL, 0, 0, false));
  ck_assert_double_eq(value(r, 0), 0);
  ct_tensor_release(r);
  CT_OK_(ct_count_nonzero(&r, x, dims[0], 1));
  ck_assert_int_eq(ivalue(r, 0), 1);
  ct_tensor_release(r);
  CT_OK_(ct_cumsum(&r, x, 0, CT_DTYPE_NONE));
  ck_assert_int_eq(ndim_of(r), 0);
  ck_assert_double_eq(value(r, 0), 5);
  ct_tensor_release(r);
  CT_OK_(ct_softmax(&r, x, -1, CT_DTYPE_NONE));
  ck_assert_double_eq(value(r, 0), 1);
  ct_tensor_release(r);
  CT_OK_(ct_log_softmax(&r, x, 0, CT_DTYPE_NONE));
  ck_assert_double_eq(value(r, 0), 0);
  ct_tensor_release(r);
  CT_OK_(ct_sort(&r, &r2, x, 0, true, false));
  ck_assert_int_eq(ndim_of(r), 0);
  ck_assert_double_eq(value(r, 0), 5);
  ck_assert_int_eq(ivalue(r2, 0), 0);
  ct_tensor_release(r);
  ct_tensor_release(r2);
  for (int64_t k = 0; k < 2; k++) { /* k = 0 keeps the element of a 0-d x, as PyTorch */
    CT_OK_(ct_topk(&r, &r2, x, k, 0, true, true));
    ck_assert_int_eq(ndim_of(r), 0);
    ck_assert_double_eq(value(r, 0), 5);
    ck_assert_int_eq(ivalue(r2, 0), 0);
    ct_tensor_release(r);
    ct_tensor_release(r2);
  }
  CT_OK_(ct_unique(&r, NULL, NULL, x, true));
  check_shape(r, 1, (int64_t[]){1});
  ct_tensor_release(r);
  FAILS_NULL_(r, ct_sum(&r, x, (int64_t[]){0, -1}, 2, false, CT_DTYPE_NONE),
              CT_ERR_INVALID_ARGUMENT, "appears multiple times");
  FAILS_NULL_(r, ct_sum(&r, x, (int64_t[]){1}, 1, false, CT_DTYPE_NONE), CT_ERR_INDEX, "ct_sum");
  FAILS_NULL_(r, ct_cumsum(&r, x, 1, CT_DTYPE_NONE), CT_ERR_INDEX, "ct_cumsum");
  FAILS_NULL_(r, ct_topk(&r, &r2, x, 2, 0, true, true), CT_ERR_INDEX, "k = 2");
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* ---- scans ---------------------------------------------------------------------------------- */

/* Checks cumsum/cumprod (prod) of x along dim against a running fold in long double (64-bit wrapping for integers). */
static void check_scan(ct_tensor *x, int64_t dim, bool prod, ct_dtype dtype) {
  ct_tensor *r = NULL;
  CT_OK_(prod ? ct_cumprod(&r, x, dim, dtype) : ct_cumsum(&r, x, dim, dtype));
  ct_dtype xd = dtype_of(x);
  ct_dtype want_dt = dtype != CT_DTYPE_NONE ? dtype : is_int_dtype(xd) ? CT_INT64 : xd;
  ck_assert_int_eq(dtype_of(r), want_dt);
  int32_t nd = ndim_of(x);
  int64_t shape[MAX_DIMS];
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, x));
  check_shape(r, nd, shape);
  /* The input as the kernel sees it: converted to the result's dtype when PyTorch does so. */
  ct_tensor *xc = NULL;
  bool conv = dtype != CT_DTYPE_NONE && !(is_int_dtype(dtype) && is_int_dtype(xd));
  CT_OK_(ct_to(&xc, x, conv ? dtype : xd, CT_DEVICE_NONE, -1, false));
  double *v = vals_of(xc);
  int64_t *iv = is_int_dtype(dtype_of(xc)) ? ivals_of(xc) : NULL;
  int64_t n = numel_of(x);
  int32_t d = (int32_t)((dim + nd) % (nd ? nd : 1));
  int64_t inner = 1;
  for (int32_t k = d + 1; k < nd; k++) inner *= shape[k];
  int64_t len = nd ? shape[d] : 1;
  long double *re = malloc((size_t)(n + 1) * sizeof(long double)),
              *im = malloc((size_t)(n + 1) * sizeof(long double));
  uint64_t *ir = malloc((size_t)(n + 1) * sizeof(uint64_t)); /* integers: exact, wrapping */
  for (int64_t i = 0; i < n; i++) {
    int64_t pos = (i / inner) % len;
    if (pos == 0) {
      re[i] = v[2 * i];
      im[i] = v[2 * i + 1];
      if (iv) ir[i] = (uint64_t)iv[i];
    } else {
      int64_t q = i - inner;
      if (iv) {
        ir[i] = prod ? ir[q] * (uint64_t)iv[i] : ir[q] + (uint64_t)iv[i];
      } else if (prod) {
        re[i] = re[q] * v[2 * i] - im[q] * v[2 * i + 1];
        im[i] = re[q] * v[2 * i + 1] + im[q] * v[2 * i];
      } else {
        re[i] = re[q] + v[2 * i];
        im[i] = im[q] + v[2 * i + 1];
      }
    }
  }
  if (is_int_dtype(want_dt) && iv) {
    /* Integer results, exactly (narrow dtypes wrap). */
    int64_t *got = ivals_of(r);
    for (int64_t i = 0; i < n; i++) {
      int64_t t = (int64_t)ir[i], narrowed = 0;
      char buf[16];
      CT_OK_(ct_dtype_convert(buf, want_dt, &t, CT_INT64, 1));
      CT_OK_(ct_dtype_convert(&narrowed, CT_INT64, buf, want_dt, 1));
      if (got[i] != narrowed)
        NOTE("%s: element %lld is %lld, expected %lld", prod ? "cumprod" : "cumsum", (long long)i,
             (long long)got[i], (long long)narrowed);
    }
    free(got);
  } else {
    if (iv)
      for (int64_t i = 0; i < n; i++) re[i] = (long double)(int64_t)ir[i];
    expect_vals(r, n, re, is_cplx_dtype(want_dt) ? im : NULL, rtol_of(want_dt) * 4,
                prod ? "cumprod" : "cumsum");
  }
  free(ir);
  free(re);
  free(im);
  free(v);
  free(iv);
  ct_tensor_release(xc);
  ct_tensor_release(r);
}

START_TEST(test_scans) {
  MEM_BEGIN;
  fail_reset();
  for (int t = 0; t < N_DTYPES; t++) {
    ct_dtype dt = all_dtypes[t];
    ct_tensor *x = rnd_data(dt, 3, (int64_t[]){4, 5, 6});
    for (int64_t d = -3; d < 3; d++) {
      check_scan(x, d, false, CT_DTYPE_NONE);
      check_scan(x, d, true, CT_DTYPE_NONE);
    }
    ct_tensor_release(x);
  }
  /* Long lines (blocks), tiles of lines side by side, strided inputs, dtype arguments. */
  ct_tensor *big = rnd(CT_FLOAT32, 2, (int64_t[]){300, 700}, -1, 1);
  check_scan(big, 0, false, CT_DTYPE_NONE);
  check_scan(big, 1, false, CT_DTYPE_NONE);
  ct_tensor *bt = transposed(big);
  check_scan(bt, 0, false, CT_DTYPE_NONE);
  check_scan(bt, 1, false, CT_FLOAT64);
  ct_tensor_release(bt);
  ct_tensor_release(big);
  ct_tensor *xi = rnd(CT_INT8, 2, (int64_t[]){6, 50}, -100, 100);
  check_scan(xi, 1, false, CT_DTYPE_NONE);
  check_scan(xi, 1, false, CT_FLOAT32);
  check_scan(xi, 0, false, CT_INT16);
  check_scan(xi, 1, true, CT_INT8);
  ct_tensor_release(xi);
  ct_tensor *xf = rnd(CT_FLOAT32, 1, (int64_t[]){9}, -3, 3);
  check_scan(xf, 0, false, CT_INT32);
  ct_tensor_release(xf);
  FAIL_IF_NOTED_("scans differ from the reference");
  MEM_END;
}
END_TEST

START_TEST(test_scans_in_place_and_out) {
  MEM_BEGIN;
  double v[] = {1, 2, 3, 4, 5, 6};
  ct_tensor *x = mk(CT_INT32, 2, (int64_t[]){2, 3}, v);
  CT_OK_(ct_cumsum_(x, 1));
  ck_assert_int_eq(dtype_of(x), CT_INT32);
  const int64_t want[] = {1, 3, 6, 4, 9, 15};
  for (int i = 0; i < 6; i++) ck_assert_int_eq(ivalue(x, i), want[i]);
  CT_OK_(ct_cumprod_(x, 0));
  const int64_t want2[] = {1, 3, 6, 4, 27, 90};
  for (int i = 0; i < 6; i++) ck_assert_int_eq(ivalue(x, i), want2[i]);
  /* out of another dtype: the dtype is taken from it. */
  ct_tensor *o = NULL;
  CT_OK_(ct_empty(&o, 2, (int64_t[]){2, 3}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_cumsum_out(o, x, 0, CT_DTYPE_NONE));
  ck_assert_double_eq(value(o, 5), 96);
  CT_OK_(ct_cumprod_out(o, x, -1, CT_DTYPE_NONE));
  ck_assert_double_eq(value(o, 5), 4 * 27 * 90);
  CT_FAILS_(ct_cumsum_out(o, x, 0, CT_INT64), CT_ERR_DTYPE, "ct_cumsum_out: out has dtype float64");
  ct_tensor_release(o);
  /* out aliasing x through a transposed view of the same memory. */
  ct_tensor *y = mk(CT_FLOAT32, 2, (int64_t[]){3, 3}, (double[]){1, 2, 3, 4, 5, 6, 7, 8, 9});
  ct_tensor *yt = transposed(y);
  CT_OK_(ct_cumsum_out(yt, y, 1, CT_DTYPE_NONE));
  /* cumsum along rows of the original: [[1,3,6],[4,9,15],[7,15,24]], written transposed. */
  const double w3[] = {1, 4, 7, 3, 9, 15, 6, 15, 24};
  for (int i = 0; i < 9; i++) ck_assert_double_eq(value(y, i), w3[i]);
  ct_tensor_release(yt);
  ct_tensor_release(y);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* ---- softmax -------------------------------------------------------------------------------- */

static void check_softmax(ct_tensor *x, int64_t dim, bool log_, ct_dtype dtype, double rtol) {
  ct_tensor *r = NULL;
  CT_OK_(log_ ? ct_log_softmax(&r, x, dim, dtype) : ct_softmax(&r, x, dim, dtype));
  ct_dtype want_dt = dtype != CT_DTYPE_NONE ? dtype : dtype_of(x);
  ck_assert_int_eq(dtype_of(r), want_dt);
  int32_t nd = ndim_of(x);
  int64_t shape[MAX_DIMS];
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, x));
  ct_tensor *xc = NULL;
  CT_OK_(ct_to(&xc, x, want_dt, CT_DEVICE_NONE, -1, false));
  double *v = vals_of(xc);
  int64_t n = numel_of(x);
  int32_t d = (int32_t)((dim + nd) % (nd ? nd : 1));
  int64_t inner = 1;
  for (int32_t k = d + 1; k < nd; k++) inner *= shape[k];
  int64_t len = nd ? shape[d] : 1;
  long double *want = malloc((size_t)(n + 1) * sizeof(long double));
  for (int64_t i = 0; i < n; i++) {
    int64_t base = i - ((i / inner) % len) * inner;
    long double mx = -INFINITY, s = 0;
    for (int64_t j = 0; j < len; j++) {
      long double e = v[2 * (base + j * inner)];
      mx = isnan((double)e) || e > mx ? e : mx;
    }
    for (int64_t j = 0; j < len; j++) s += expl(v[2 * (base + j * inner)] - mx);
    want[i] = log_ ? v[2 * i] - mx - logl(s) : expl(v[2 * i] - mx) / s;
  }
  expect_vals(r, n, want, NULL, rtol > 0 ? rtol : rtol_of(want_dt) * 4,
              log_ ? "log_softmax" : "softmax");
  free(want);
  free(v);
  ct_tensor_release(xc);
  ct_tensor_release(r);
}

START_TEST(test_softmax) {
  MEM_BEGIN;
  fail_reset();
  for (ct_dtype dt = CT_FLOAT16; dt <= CT_FLOAT64; dt++) {
    ct_tensor *x = rnd(dt, 2, (int64_t[]){37, 129}, -5, 5);
    for (int64_t d = -2; d < 2; d++) {
      check_softmax(x, d, false, CT_DTYPE_NONE, 0);
      check_softmax(x, d, true, CT_DTYPE_NONE, dt == CT_FLOAT32 ? 1e-5 : 0);
    }
    ct_tensor *xt = transposed(x);
    check_softmax(xt, 1, false, CT_DTYPE_NONE, 0);
    check_softmax(xt, 0, true, CT_DTYPE_NONE, dt == CT_FLOAT32 ? 1e-5 : 0);
    ct_tensor_release(xt);
    ct_tensor_release(x);
  }
  /* Large and infinite values: no overflow; -inf gives 0; a row of -inf gives NaN, as PyTorch. */
  double v[] = {1000,      1001,      999,       -INFINITY, 0,  -INFINITY,
                -INFINITY, -INFINITY, -INFINITY, 88,        89, -200};
  ct_tensor *y = mk(CT_FLOAT32, 2, (int64_t[]){4, 3}, v), *r = NULL;
  check_softmax(y, 1, false, CT_DTYPE_NONE, 0);
  check_softmax(y, 1, true, CT_DTYPE_NONE, 1e-5);
  check_softmax(y, 0, false, CT_FLOAT64, 0);
  CT_OK_(ct_softmax(&r, y, 1, CT_DTYPE_NONE));
  ck_assert(isnan(value(r, 6)));
  ck_assert_double_eq(value(r, 3), 0);
  ct_tensor_release(r);
  ct_tensor_release(y);
  /* Integers need a floating dtype. */
  ct_tensor *xi = rnd(CT_INT32, 2, (int64_t[]){3, 4}, -3, 3);
  check_softmax(xi, 1, false, CT_FLOAT32, 0);
  check_softmax(xi, 0, true, CT_FLOAT64, 0);
  FAILS_NULL_(r, ct_softmax(&r, xi, 1, CT_DTYPE_NONE), CT_ERR_DTYPE, "ct_softmax: dtype int32");
  FAILS_NULL_(r, ct_log_softmax(&r, xi, 1, CT_INT64), CT_ERR_DTYPE, "ct_log_softmax");
  ct_tensor_release(xi);
  /* Many rows: the threaded path of the fast float32 kernel. */
  ct_tensor *big = rnd(CT_FLOAT32, 2, (int64_t[]){512, 1000}, -20, 20);
  check_softmax(big, 1, false, CT_DTYPE_NONE, 0);
  ct_tensor_release(big);
  FAIL_IF_NOTED_("softmax differs from the reference");
  MEM_END;
}
END_TEST

/* ---- sort, topk, unique --------------------------------------------------------------------- */

/* Reference order: ascending (or descending) with NaN above everything, ties by position. */
typedef struct ref_kv {
  double k;
  int64_t i;
} ref_kv;
static bool ref_desc;
static int ref_cmp(const void *pa, const void *pb) {
  const ref_kv *a = pa, *b = pb;
  bool an = isnan(a->k), bn = isnan(b->k);
  int c = 0;
  if (an != bn)
    c = an ? 1 : -1;
  else if (!an && a->k != b->k)
    c = a->k < b->k ? -1 : 1;
  if (ref_desc) c = -c;
  if (c == 0) c = a->i < b->i ? -1 : a->i > b->i;
  return c;
}

/* Checks sort (k < 0) or topk (k >= 0) of x along dim against the reference order. */
static void check_sort(ct_tensor *x, int64_t dim, bool desc, int64_t k) {
  ct_tensor *vals = NULL, *idx = NULL;
  CT_OK_(k < 0 ? ct_sort(&vals, &idx, x, dim, desc, true)
               : ct_topk(&vals, &idx, x, k, dim, desc, true));
  ck_assert_int_eq(dtype_of(vals), dtype_of(x));
  ck_assert_int_eq(dtype_of(idx), CT_INT64);
  int32_t nd = ndim_of(x);
  int64_t shape[MAX_DIMS];
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, x));
  int32_t d = (int32_t)((dim + nd) % (nd ? nd : 1));
  int64_t len = nd ? shape[d] : 1, keep = k < 0 ? len : k;
  int64_t inner = 1;
  for (int32_t q = d + 1; q < nd; q++) inner *= shape[q];
  double *v = vals_of(x), *gv = vals_of(vals);
  int64_t *gi = ivals_of(idx);
  int64_t n = numel_of(x), lines = len ? n / len : 0;
  ref_kv *kv = malloc((size_t)(len + 1) * sizeof(ref_kv));
  ref_desc = desc;
  for (int64_t l = 0; l < lines; l++) {
    int64_t base = (l / inner) * inner * len + l % inner;
    for (int64_t j = 0; j < len; j++) kv[j] = (ref_kv){v[2 * (base + j * inner)], j};
    qsort(kv, (size_t)len, sizeof *kv, ref_cmp);
    int64_t obase = (l / inner) * inner * keep + l % inner;
    for (int64_t j = 0; j < keep; j++) {
      int64_t o = obase + j * inner;
      bool same = isnan(kv[j].k) ? isnan(gv[2 * o]) : gv[2 * o] == kv[j].k;
      if (gi[o] != kv[j].i || !same)
        NOTE("%s line %lld position %lld: (%g, %lld), expected (%g, %lld)", k < 0 ? "sort" : "topk",
             (long long)l, (long long)j, gv[2 * o], (long long)gi[o], kv[j].k, (long long)kv[j].i);
    }
  }
  free(kv);
  free(v);
  free(gv);
  free(gi);
  ct_tensor_release(vals);
  ct_tensor_release(idx);
}

START_TEST(test_sort_topk) {
  MEM_BEGIN;
  fail_reset();
  for (int t = 0; t < N_DTYPES; t++) {
    ct_dtype dt = all_dtypes[t];
    if (is_cplx_dtype(dt)) continue;
    /* Few distinct values: many ties, so stability shows. */
    ct_tensor *x = rnd(dt, 2, (int64_t[]){13, 57}, dt == CT_UINT8 ? 0 : -5, 5);
    if (is_float_dtype(dt)) {
      double *v = vals_of(x);
      for (int64_t i = 0; i < 13 * 57; i++) {
        v[i] = floor(v[2 * i]);
        if (i % 17 == 3) v[i] = NAN;
        if (i % 23 == 5) v[i] = -INFINITY;
      }
      ct_tensor_release(x);
      x = mk(dt, 2, (int64_t[]){13, 57}, v);
      free(v);
    }
    for (int64_t d = -2; d < 2; d++) {
      check_sort(x, d, false, -1);
      check_sort(x, d, true, -1);
      if (dt != CT_BOOL) {
        check_sort(x, d, true, 5);
        check_sort(x, d, false, 1);
      }
    }
    ct_tensor *xt = transposed(x);
    check_sort(xt, 1, false, -1);
    check_sort(xt, 0, true, -1);
    if (dt != CT_BOOL) check_sort(xt, 0, true, 13);
    ct_tensor_release(xt);
    ct_tensor_release(x);
  }
  /* A long line (merge passes) and argsort. */
  ct_tensor *big = rnd(CT_FLOAT32, 1, (int64_t[]){5000}, -100, 100), *a = NULL, *vals = NULL,
            *idx = NULL;
  check_sort(big, 0, false, -1);
  check_sort(big, 0, true, 100);
  CT_OK_(ct_argsort(&a, big, 0, true, true));
  CT_OK_(ct_sort(NULL, &idx, big, 0, true, true));
  CT_OK_(ct_sort(&vals, NULL, big, 0, true, true));
  ck_assert(memcmp(data_of(a), data_of(idx), 5000 * sizeof(int64_t)) == 0);
  ck_assert_double_eq(value(vals, 0), value(big, ivalue(a, 0)));
  ct_tensor_release(a);
  ct_tensor_release(idx);
  ct_tensor_release(vals);
  ct_tensor_release(big);
  FAIL_IF_NOTED_("sorts differ from the reference");
  MEM_END;
}
END_TEST

START_TEST(test_unique) {
  MEM_BEGIN;
  const ct_dtype dts[] = {CT_BOOL,    CT_UINT8,   CT_INT32,  CT_INT64,
                          CT_FLOAT16, CT_FLOAT32, CT_FLOAT64};
  for (size_t t = 0; t < sizeof dts / sizeof dts[0]; t++) {
    ct_tensor *base = rnd(dts[t], 2, (int64_t[]){23, 17}, 0, 9);
    ct_tensor *x = transposed(base), *u = NULL, *inv = NULL, *cnt = NULL;
    CT_OK_(ct_unique(&u, &inv, &cnt, x, false));
    ck_assert_int_eq(dtype_of(u), dts[t]);
    ck_assert_int_eq(dtype_of(inv), CT_INT64);
    ck_assert_int_eq(dtype_of(cnt), CT_INT64);
    check_shape(inv, 2, (int64_t[]){17, 23});
    int64_t nu = numel_of(u);
    ck_assert_int_eq(numel_of(cnt), nu);
    double *uv = vals_of(u), *xv = vals_of(x);
    int64_t *iv = ivals_of(inv), *cv = ivals_of(cnt), total = 0;
    for (int64_t i = 0; i + 1 < nu; i++) ck_assert(uv[2 * i] < uv[2 * i + 2]);
    for (int64_t i = 0; i < nu; i++) total += cv[i];
    ck_assert_int_eq(total, 17 * 23);
    for (int64_t i = 0; i < 17 * 23; i++) {
      ck_assert(iv[i] >= 0 && iv[i] < nu);
      ck_assert_double_eq(uv[2 * iv[i]], xv[2 * i]);
    }
    free(uv);
    free(xv);
    free(iv);
    free(cv);
    ct_tensor_release(u);
    ct_tensor_release(inv);
    ct_tensor_release(cnt);
    ct_tensor_release(x);
    ct_tensor_release(base);
  }
  /* Each NaN is its own element (NaN != NaN), after every number. */
  ct_tensor *y = mk(CT_FLOAT32, 1, (int64_t[]){5}, (double[]){NAN, 1, NAN, 1, -2}), *u = NULL,
            *inv = NULL;
  CT_OK_(ct_unique(&u, &inv, NULL, y, true));
  check_shape(u, 1, (int64_t[]){4});
  ck_assert_double_eq(value(u, 0), -2);
  ck_assert_double_eq(value(u, 1), 1);
  ck_assert(isnan(value(u, 2)) && isnan(value(u, 3)));
  ck_assert_int_eq(ivalue(inv, 0), 2);
  ck_assert_int_eq(ivalue(inv, 2), 3);
  ck_assert_int_eq(ivalue(inv, 4), 0);
  ct_tensor_release(u);
  ct_tensor_release(inv);
  ct_tensor_release(y);
  MEM_END;
}
END_TEST

/* ---- out variants --------------------------------------------------------------------------- */

/* Whether two tensors hold the same values (NaN equal to NaN). */
static bool same_values(ct_tensor *a, ct_tensor *b) {
  if (numel_of(a) != numel_of(b)) return false;
  double *va = vals_of(a), *vb = vals_of(b);
  bool same = true;
  for (int64_t i = 0; i < 2 * numel_of(a); i++)
    if (!(va[i] == vb[i] || (isnan(va[i]) && isnan(vb[i])))) same = false;
  free(va);
  free(vb);
  return same;
}

/* A fresh out of shape (2 dims: laid out transposed, so writes go through strides) and dtype. */
static ct_tensor *strided_out(int32_t nd, const int64_t *shape, ct_dtype dtype) {
  ct_tensor *o = NULL;
  if (nd != 2) {
    CT_OK_(ct_full(&o, nd, shape, &(double){-7}, CT_FLOAT64, dtype, CT_DEVICE_NONE, -1));
    return o;
  }
  ct_tensor *b = NULL;
  CT_OK_(ct_full(&b, 2, (int64_t[]){shape[1], shape[0]}, &(double){-7}, CT_FLOAT64, dtype,
                 CT_DEVICE_NONE, -1));
  o = transposed(b);
  ct_tensor_release(b);
  return o;
}

START_TEST(test_out_variants) {
  MEM_BEGIN;
  ct_tensor *x = rnd(CT_FLOAT32, 3, (int64_t[]){4, 6, 5}, 0.5, 2), *f = NULL, *o = NULL, *o2 = NULL;
  const int64_t d1 = 1;
  int64_t rs[2] = {4, 5};
  /* Each out form matches its functional form, written through a transposed out. */
#define SAME_AS(call_fn, call_out, dt)                                                             \
  do {                                                                                             \
    CT_OK_(call_fn);                                                                               \
    o = strided_out(2, rs, dt);                                                                    \
    CT_OK_(call_out);                                                                              \
    ck_assert_msg(same_values(f, o), "%s differs from %s", #call_out, #call_fn);                   \
    ct_tensor_release(f);                                                                          \
    ct_tensor_release(o);                                                                          \
  } while (0)
  SAME_AS(ct_sum(&f, x, &d1, 1, false, CT_DTYPE_NONE),
          ct_sum_out(o, x, &d1, 1, false, CT_DTYPE_NONE), CT_FLOAT32);
  SAME_AS(ct_sum(&f, x, &d1, 1, false, CT_FLOAT64), ct_sum_out(o, x, &d1, 1, false, CT_DTYPE_NONE),
          CT_FLOAT64);
  SAME_AS(ct_prod(&f, x, &d1, 1, false, CT_DTYPE_NONE),
          ct_prod_out(o, x, &d1, 1, false, CT_FLOAT32), CT_FLOAT32);
  SAME_AS(ct_mean(&f, x, &d1, 1, false, CT_DTYPE_NONE),
          ct_mean_out(o, x, &d1, 1, false, CT_DTYPE_NONE), CT_FLOAT32);
  SAME_AS(ct_amax(&f, x, &d1, 1, false), ct_amax_out(o, x, &d1, 1, false), CT_FLOAT32);
  SAME_AS(ct_amin(&f, x, &d1, 1, false), ct_amin_out(o, x, &d1, 1, false), CT_FLOAT32);
  SAME_AS(ct_argmax(&f, x, &d1, false), ct_argmax_out(o, x, &d1, false), CT_INT64);
  SAME_AS(ct_argmin(&f, x, &d1, false), ct_argmin_out(o, x, &d1, false), CT_INT64);
  SAME_AS(ct_var(&f, x, &d1, 1, 1, false), ct_var_out(o, x, &d1, 1, 1, false), CT_FLOAT32);
  SAME_AS(ct_std(&f, x, &d1, 1, 0, false), ct_std_out(o, x, &d1, 1, 0, false), CT_FLOAT32);
  SAME_AS(ct_norm(&f, x, 3, &d1, 1, false, CT_DTYPE_NONE),
          ct_norm_out(o, x, 3, &d1, 1, false, CT_DTYPE_NONE), CT_FLOAT32);
  SAME_AS(ct_all(&f, x, &d1, 1, false), ct_all_out(o, x, &d1, 1, false), CT_BOOL);
  SAME_AS(ct_any(&f, x, &d1, 1, false), ct_any_out(o, x, &d1, 1, false), CT_BOOL);
  SAME_AS(ct_logsumexp(&f, x, &d1, 1, false), ct_logsumexp_out(o, x, &d1, 1, false), CT_FLOAT32);
#undef SAME_AS
  /* Two results. */
  ct_tensor *v = NULL, *i = NULL;
  CT_OK_(ct_max_dim(&v, &i, x, 1, false));
  o = strided_out(2, rs, CT_FLOAT32);
  o2 = strided_out(2, rs, CT_INT64);
  CT_OK_(ct_max_dim_out(o, o2, x, 1, false));
  ck_assert(same_values(v, o) && same_values(i, o2));
  ct_tensor_release(v);
  ct_tensor_release(i);
  CT_OK_(ct_min_dim(&v, &i, x, 1, false));
  CT_OK_(ct_min_dim_out(o, o2, x, 1, false));
  ck_assert(same_values(v, o) && same_values(i, o2));
  /* Wrong shapes and dtypes. */
  CT_FAILS_(ct_min_dim_out(o2, o, x, 1, false), CT_ERR_DTYPE,
            "ct_min_dim_out: indices has dtype float32");
  CT_FAILS_(ct_sum_out(o, x, &d1, 1, true, CT_DTYPE_NONE), CT_ERR_SHAPE,
            "ct_sum_out: out has shape [4, 5] but the result has shape [4, 1, 5]");
  CT_FAILS_(ct_sum_out(o, x, &d1, 1, false, CT_FLOAT64), CT_ERR_DTYPE,
            "ct_sum_out: out has dtype float32 but the result has dtype float64");
  CT_FAILS_(ct_amax_out(o2, x, &d1, 1, false), CT_ERR_DTYPE, "ct_amax_out");
  CT_FAILS_(ct_all_out(o, x, &d1, 1, false), CT_ERR_DTYPE, "ct_all_out: out has dtype float32");
  CT_FAILS_(ct_softmax_out(o, x, 0, CT_DTYPE_NONE), CT_ERR_SHAPE, "ct_softmax_out");
  ct_tensor_release(v);
  ct_tensor_release(i);
  ct_tensor_release(o);
  ct_tensor_release(o2);
  /* softmax, log_softmax and mean of integers with out. */
  CT_OK_(ct_softmax(&f, x, 2, CT_DTYPE_NONE));
  CT_OK_(ct_empty_like(&o, x, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_softmax_out(o, x, 2, CT_DTYPE_NONE));
  ck_assert(same_values(f, o));
  ct_tensor_release(f);
  CT_OK_(ct_log_softmax(&f, x, 0, CT_DTYPE_NONE));
  CT_OK_(ct_log_softmax_out(o, x, 0, CT_DTYPE_NONE));
  ck_assert(same_values(f, o));
  ct_tensor_release(f);
  ct_tensor_release(o);
  ct_tensor *xi = rnd(CT_INT32, 1, (int64_t[]){10}, -5, 5);
  CT_OK_(ct_zeros(&o, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_mean_out(o, xi, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_DTYPE, "ct_mean_out");
  /* sum of integers into a float out computes in float, as PyTorch. */
  CT_OK_(ct_sum_out(o, xi, NULL, 0, false, CT_DTYPE_NONE));
  ct_tensor *si = NULL;
  CT_OK_(ct_sum(&si, xi, NULL, 0, false, CT_DTYPE_NONE));
  ck_assert_double_eq(value(o, 0), (double)ivalue(si, 0));
  ct_tensor_release(si);
  ct_tensor_release(o);
  ct_tensor_release(xi);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

static void noop_deleter(void *data, void *ctx) {
  (void)data;
  (void)ctx;
}

START_TEST(test_out_aliasing_and_checks) {
  MEM_BEGIN;
  /* out is the first row of x itself: the column sums of the original x land there. */
  double v[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  ct_tensor *x = mk(CT_FLOAT64, 2, (int64_t[]){3, 4}, v);
  ct_tensor *row = view(x, 1, (int64_t[]){4}, (int64_t[]){1}, 0);
  CT_OK_(ct_sum_out(row, x, (int64_t[]){0}, 1, false, CT_DTYPE_NONE));
  const double want[] = {15, 18, 21, 24, 5, 6, 7, 8, 9, 10, 11, 12};
  for (int i = 0; i < 12; i++) ck_assert_double_eq(value(x, i), want[i]);
  /* max_dim_out with the values in x's memory. */
  ct_tensor *idx = NULL;
  CT_OK_(ct_empty(&idx, 1, (int64_t[]){4}, CT_INT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_max_dim_out(row, idx, x, 0, false));
  ck_assert_double_eq(value(row, 0), 15);
  ck_assert_int_eq(ivalue(idx, 3), 0);
  /* softmax_out into x itself. */
  CT_OK_(ct_softmax_out(x, x, 1, CT_DTYPE_NONE));
  ck_assert(fabs(value(x, 0) + value(x, 1) + value(x, 2) + value(x, 3) - 1) < 1e-12);
  /* A read-only out, and an out holding one element twice. */
  double mem[4] = {0};
  ct_tensor *ro = NULL, *bc = NULL;
  CT_OK_(ct_from_blob(&ro, mem, 1, (int64_t[]){4}, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1,
                      noop_deleter, NULL, CT_BLOB_READ_ONLY));
  CT_FAILS_(ct_sum_out(ro, x, (int64_t[]){0}, 1, false, CT_DTYPE_NONE), CT_ERR_READ_ONLY,
            "ct_sum_out");
  CT_FAILS_(ct_cumsum_out(ro, row, 0, CT_DTYPE_NONE), CT_ERR_READ_ONLY, "ct_cumsum_out");
  CT_OK_(ct_from_blob(&bc, mem, 1, (int64_t[]){4}, (int64_t[]){0}, CT_FLOAT64, CT_DEVICE_NONE, -1,
                      noop_deleter, NULL, 0));
  CT_FAILS_(ct_sum_out(bc, x, (int64_t[]){0}, 1, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
            "more than one element of out refers to a single memory location");
  CT_FAILS_(ct_cumsum_(ro, 0), CT_ERR_READ_ONLY, "ct_cumsum_");
  ct_tensor_release(ro);
  ct_tensor_release(bc);
  ct_tensor_release(idx);
  ct_tensor_release(row);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* ---- dtype arguments ------------------------------------------------------------------------ */

START_TEST(test_dtype_arguments) {
  MEM_BEGIN;
  ct_tensor *x = mk(CT_INT8, 1, (int64_t[]){4}, (double[]){100, 100, 100, -3}), *r = NULL;
  CT_OK_(ct_sum(&r, x, NULL, 0, false, CT_DTYPE_NONE));
  ck_assert_int_eq(dtype_of(r), CT_INT64);
  ck_assert_int_eq(ivalue(r, 0), 297);
  ct_tensor_release(r);
  CT_OK_(ct_sum(&r, x, NULL, 0, false, CT_INT8)); /* wraps: 297 - 256 */
  ck_assert_int_eq(dtype_of(r), CT_INT8);
  ck_assert_int_eq(ivalue(r, 0), 41);
  ct_tensor_release(r);
  CT_OK_(ct_sum(&r, x, NULL, 0, false, CT_FLOAT16));
  ck_assert_int_eq(dtype_of(r), CT_FLOAT16);
  ck_assert_double_eq(value(r, 0), 297);
  ct_tensor_release(r);
  CT_OK_(ct_mean(&r, x, NULL, 0, true, CT_FLOAT64));
  ck_assert_int_eq(dtype_of(r), CT_FLOAT64);
  ck_assert_double_eq(value(r, 0), 74.25);
  ct_tensor_release(r);
  CT_OK_(ct_prod(&r, x, NULL, 0, false, CT_COMPLEX64));
  ck_assert_int_eq(dtype_of(r), CT_COMPLEX64);
  ck_assert_double_eq(value(r, 0), -3e6);
  ct_tensor_release(r);
  ct_tensor *f = mk(CT_FLOAT32, 1, (int64_t[]){3}, (double[]){3, 4, 12});
  CT_OK_(ct_norm(&r, f, 2, NULL, 0, false, CT_FLOAT64));
  ck_assert_int_eq(dtype_of(r), CT_FLOAT64);
  ck_assert_double_eq(value(r, 0), 13);
  ct_tensor_release(r);
  CT_OK_(ct_norm_fro(&r, f, NULL, 0, true));
  ck_assert_int_eq(dtype_of(r), CT_FLOAT32);
  check_shape(r, 1, (int64_t[]){1});
  ck_assert_double_eq(value(r, 0), 13);
  ct_tensor_release(r);
  FAILS_NULL_(r, ct_norm(&r, f, 2, NULL, 0, false, CT_FLOAT16), CT_ERR_DTYPE, "without narrowing");
  FAILS_NULL_(r, ct_norm(&r, f, 2, NULL, 0, false, CT_COMPLEX64), CT_ERR_DTYPE,
              "must be floating point");
  FAILS_NULL_(r, ct_norm(&r, f, 2, NULL, 0, false, CT_INT64), CT_ERR_DTYPE, "ct_norm");
  ct_tensor *z = mk(CT_COMPLEX64, 1, (int64_t[]){1}, (double[]){3, 4});
  FAILS_NULL_(r, ct_norm(&r, z, 2, NULL, 0, false, CT_FLOAT64), CT_ERR_DTYPE, "must be complex");
  CT_OK_(ct_norm(&r, z, 2, NULL, 0, false, CT_COMPLEX128));
  ck_assert_int_eq(dtype_of(r), CT_FLOAT64);
  ck_assert_double_eq(value(r, 0), 5);
  ct_tensor_release(r);
  ct_tensor *mn = NULL;
  CT_OK_(ct_var_mean(&r, &mn, z, NULL, 0, 0, false));
  ck_assert_int_eq(dtype_of(r), CT_FLOAT32);
  ck_assert_int_eq(dtype_of(mn), CT_COMPLEX64);
  ck_assert_double_eq(value(r, 0), 0);
  ct_tensor_release(r);
  ct_tensor_release(mn);
  ct_tensor_release(f);
  ct_tensor_release(z);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* ---- errors --------------------------------------------------------------------------------- */

START_TEST(test_argument_errors) {
  MEM_BEGIN;
  ct_tensor *x = rnd(CT_FLOAT32, 2, (int64_t[]){2, 3}, 0, 1), *r = NULL, *r2 = NULL, *r3 = NULL;
  ct_tensor *xi = rnd(CT_INT64, 1, (int64_t[]){3}, 0, 5),
            *xb = rnd(CT_BOOL, 1, (int64_t[]){3}, 0, 1);
  ct_tensor *xc = rnd(CT_COMPLEX64, 1, (int64_t[]){3}, 0, 1);
  int64_t d = 0;
  /* NULL pointers. */
  CT_FAILS_(ct_sum(NULL, x, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
            "ct_sum: out is NULL");
  FAILS_NULL_(r, ct_sum(&r, NULL, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_sum: x is NULL");
  CT_FAILS_(ct_sum_out(NULL, x, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
            "ct_sum_out: out is NULL");
  FAILS_NULL_(r, ct_prod(&r, NULL, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_prod: x");
  FAILS_NULL_(r, ct_mean(&r, NULL, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_mean: x");
  FAILS_NULL_(r, ct_amax(&r, NULL, NULL, 0, false), CT_ERR_INVALID_ARGUMENT, "ct_amax: x");
  FAILS_NULL_(r, ct_max(&r, NULL), CT_ERR_INVALID_ARGUMENT, "ct_max: x");
  CT_FAILS_(ct_max(NULL, x), CT_ERR_INVALID_ARGUMENT, "ct_max: out");
  r2 = POISON;
  FAILS_NULL_(r, ct_max_dim(&r, &r2, NULL, 0, false), CT_ERR_INVALID_ARGUMENT, "ct_max_dim: x");
  ck_assert_ptr_null(r2);
  CT_FAILS_(ct_max_dim(&r, NULL, x, 0, false), CT_ERR_INVALID_ARGUMENT, "ct_max_dim: indices");
  CT_FAILS_(ct_min_dim_out(NULL, x, x, 0, false), CT_ERR_INVALID_ARGUMENT,
            "ct_min_dim_out: values");
  FAILS_NULL_(r, ct_argmax(&r, NULL, NULL, false), CT_ERR_INVALID_ARGUMENT, "ct_argmax: x");
  FAILS_NULL_(r, ct_var(&r, NULL, NULL, 0, 1, false), CT_ERR_INVALID_ARGUMENT, "ct_var: x");
  CT_FAILS_(ct_var_mean(&r, NULL, x, NULL, 0, 1, false), CT_ERR_INVALID_ARGUMENT,
            "ct_var_mean: mean");
  FAILS_NULL_(r, ct_norm(&r, NULL, 2, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_norm: x");
  FAILS_NULL_(r, ct_all(&r, NULL, NULL, 0, false), CT_ERR_INVALID_ARGUMENT, "ct_all: x");
  FAILS_NULL_(r, ct_count_nonzero(&r, NULL, NULL, 0), CT_ERR_INVALID_ARGUMENT,
              "ct_count_nonzero: x");
  FAILS_NULL_(r, ct_logsumexp(&r, NULL, NULL, 0, false), CT_ERR_INVALID_ARGUMENT,
              "ct_logsumexp: x");
  FAILS_NULL_(r, ct_cumsum(&r, NULL, 0, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT, "ct_cumsum: x");
  CT_FAILS_(ct_cumprod_(NULL, 0), CT_ERR_INVALID_ARGUMENT, "ct_cumprod_: x");
  FAILS_NULL_(r, ct_softmax(&r, NULL, 0, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT, "ct_softmax: x");
  CT_FAILS_(ct_sort(NULL, NULL, x, 0, false, false), CT_ERR_INVALID_ARGUMENT,
            "values and indices are both NULL");
  FAILS_NULL_(r, ct_argsort(&r, NULL, 0, false, false), CT_ERR_INVALID_ARGUMENT, "ct_argsort: x");
  CT_FAILS_(ct_topk(&r, NULL, x, 1, 0, true, true), CT_ERR_INVALID_ARGUMENT, "ct_topk: indices");
  FAILS_NULL_(r, ct_unique(&r, NULL, NULL, NULL, true), CT_ERR_INVALID_ARGUMENT, "ct_unique: x");
  /* Dims lists. */
  FAILS_NULL_(r, ct_sum(&r, x, NULL, 2, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_sum: dims is NULL but ndims = 2");
  FAILS_NULL_(r, ct_amin(&r, x, &d, -1, false), CT_ERR_INVALID_ARGUMENT,
              "ct_amin: ndims = -1 is negative");
  FAILS_NULL_(r, ct_mean(&r, x, (int64_t[]){2}, 1, false, CT_DTYPE_NONE), CT_ERR_INDEX,
              "ct_mean: dim = 2 is out of range [-2, 1]");
  FAILS_NULL_(r, ct_var(&r, x, (int64_t[]){-3}, 1, 1, false), CT_ERR_INDEX, "ct_var: dim = -3");
  FAILS_NULL_(r, ct_std(&r, x, (int64_t[]){1, -1}, 2, 1, false), CT_ERR_INVALID_ARGUMENT,
              "ct_std: dim 1 appears multiple times in the list of dims");
  FAILS_NULL_(r, ct_argmax(&r, x, (int64_t[]){5}, false), CT_ERR_INDEX, "ct_argmax: dim = 5");
  FAILS_NULL_(r, ct_max_dim(&r, &r2, x, -3, false), CT_ERR_INDEX, "ct_max_dim: dim = -3");
  FAILS_NULL_(r, ct_softmax(&r, x, 2, CT_DTYPE_NONE), CT_ERR_INDEX, "ct_softmax: dim = 2");
  FAILS_NULL_(r, ct_sort(&r, NULL, x, 7, false, false), CT_ERR_INDEX, "ct_sort: dim = 7");
  FAILS_NULL_(r, ct_count_nonzero(&r, x, (int64_t[]){0, 0}, 2), CT_ERR_INVALID_ARGUMENT,
              "appears multiple times");
  /* dtypes. */
  FAILS_NULL_(r, ct_sum(&r, x, NULL, 0, false, 99), CT_ERR_DTYPE,
              "ct_sum: dtype = 99 is not a valid dtype");
  FAILS_NULL_(r, ct_cumsum(&r, x, 0, -5), CT_ERR_DTYPE, "ct_cumsum: dtype = -5");
  FAILS_NULL_(r, ct_softmax(&r, x, 0, 12), CT_ERR_DTYPE, "ct_softmax: dtype = 12");
  FAILS_NULL_(
      r, ct_mean(&r, xi, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_DTYPE,
      "ct_mean: could not infer the output dtype: x's dtype int64 must be a floating point");
  FAILS_NULL_(r, ct_mean(&r, xb, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_DTYPE, "dtype bool");
  FAILS_NULL_(r, ct_mean(&r, x, NULL, 0, false, CT_INT32), CT_ERR_DTYPE,
              "ct_mean: dtype int32 must be a floating point or complex dtype");
  FAILS_NULL_(r, ct_var(&r, xi, NULL, 0, 1, false), CT_ERR_DTYPE,
              "ct_var: std and var only support floating point and complex dtypes, not int64");
  FAILS_NULL_(r, ct_std_mean(&r, &r2, xb, NULL, 0, 1, false), CT_ERR_DTYPE, "ct_std_mean");
  FAILS_NULL_(r, ct_norm(&r, xi, 2, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_DTYPE,
              "ct_norm: x must be a floating point or complex tensor, not int64");
  FAILS_NULL_(r, ct_norm(&r, x, NAN, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_INVALID_ARGUMENT,
              "ct_norm: p is NaN");
  FAILS_NULL_(r, ct_amax(&r, xc, NULL, 0, false), CT_ERR_DTYPE,
              "ct_amax: dtype complex64 is not supported");
  FAILS_NULL_(r, ct_max(&r, xc), CT_ERR_DTYPE, "ct_max: dtype complex64");
  FAILS_NULL_(r, ct_min_dim(&r, &r2, xc, 0, false), CT_ERR_DTYPE, "ct_min_dim: dtype complex64");
  FAILS_NULL_(r, ct_argmax(&r, xb, NULL, false), CT_ERR_DTYPE,
              "ct_argmax: dtype bool is not supported");
  FAILS_NULL_(r, ct_argmin(&r, xc, NULL, false), CT_ERR_DTYPE, "ct_argmin: dtype complex64");
  FAILS_NULL_(r, ct_logsumexp(&r, xc, NULL, 0, false), CT_ERR_DTYPE,
              "ct_logsumexp: dtype complex64");
  FAILS_NULL_(r, ct_softmax(&r, xc, 0, CT_DTYPE_NONE), CT_ERR_DTYPE, "ct_softmax: dtype complex64");
  FAILS_NULL_(r, ct_sort(&r, NULL, xc, 0, false, false), CT_ERR_DTYPE, "ct_sort: dtype complex64");
  FAILS_NULL_(r, ct_argsort(&r, xc, 0, false, false), CT_ERR_DTYPE, "ct_argsort");
  FAILS_NULL_(r, ct_topk(&r, &r2, xb, 1, 0, true, true), CT_ERR_DTYPE, "ct_topk: dtype bool");
  FAILS_NULL_(r, ct_topk(&r, &r2, xc, 1, 0, true, true), CT_ERR_DTYPE, "ct_topk: dtype complex64");
  FAILS_NULL_(r, ct_unique(&r, &r2, &r3, xc, true), CT_ERR_DTYPE, "ct_unique: dtype complex64");
  /* topk's k. */
  FAILS_NULL_(r, ct_topk(&r, &r2, x, 4, 1, true, true), CT_ERR_INDEX,
              "ct_topk: k = 4 is out of range [0, 3]");
  FAILS_NULL_(r, ct_topk(&r, &r2, x, -1, 0, true, true), CT_ERR_INDEX,
              "selected index k out of range");
  ct_tensor_release(xc);
  ct_tensor_release(xb);
  ct_tensor_release(xi);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

START_TEST(test_devices_and_memory) {
  MEM_BEGIN;
  /* A broadcast blob of 2^59 elements whose storage is one float: every dense copy, output
   * or workspace needs memory that does not exist, and fails cleanly. */
  float one = 1;
  ct_tensor *x = NULL, *r = NULL, *r2 = NULL;
  CT_OK_(ct_from_blob(&x, &one, 2, (int64_t[]){1LL << 29, 1LL << 30}, (int64_t[]){0, 0}, CT_FLOAT32,
                      CT_DEVICE_NONE, -1, NULL, NULL, 0));
  FAILS_NULL_(r, ct_sum(&r, x, NULL, 0, false, CT_FLOAT64), CT_ERR_OUT_OF_MEMORY, "ct_sum: cannot allocate");
  FAILS_NULL_(r, ct_sum(&r, x, NULL, 0, false, CT_DTYPE_NONE), CT_ERR_OUT_OF_MEMORY,
              "partial results");
  FAILS_NULL_(r, ct_amax(&r, x, (int64_t[]){0}, 1, false), CT_ERR_OUT_OF_MEMORY, "ct_amax");
  FAILS_NULL_(r, ct_argmax(&r, x, NULL, false), CT_ERR_OUT_OF_MEMORY, "ct_argmax");
  FAILS_NULL_(r, ct_cumsum(&r, x, 0, CT_DTYPE_NONE), CT_ERR_OUT_OF_MEMORY, "ct_cumsum");
  FAILS_NULL_(r, ct_softmax(&r, x, 0, CT_DTYPE_NONE), CT_ERR_OUT_OF_MEMORY, "ct_softmax");
  FAILS_NULL_(r, ct_sort(&r, &r2, x, 0, false, false), CT_ERR_OUT_OF_MEMORY, "ct_sort");
  FAILS_NULL_(r, ct_unique(&r, NULL, NULL, x, true), CT_ERR_OUT_OF_MEMORY, "ct_unique");
  ct_tensor_release(x);
  /* A long line of a small broadcast tensor: the sort kernel's line buffer cannot be had. */
  CT_OK_(ct_from_blob(&x, &one, 2, (int64_t[]){1, 1LL << 58}, (int64_t[]){0, 0}, CT_FLOAT32,
                      CT_DEVICE_NONE, -1, NULL, NULL, 0));
  ct_tensor *xs = view(x, 2, (int64_t[]){1, 1LL << 58}, (int64_t[]){0, 0}, 0);
  FAILS_NULL_(r, ct_topk(&r, &r2, xs, 1, 1, true, true), CT_ERR_OUT_OF_MEMORY, "ct_topk: cannot allocate");
  ct_tensor_release(xs);
  ct_tensor_release(x);
  /* CUDA tensors need the CUDA module (skipped where it exists). */
  if (!cuda_available()) {
    ct_tensor *c = NULL;
    ck_assert_int_ne(ct_zeros(&c, 1, (int64_t[]){2}, CT_FLOAT32, CT_DEVICE_CUDA, 0), CT_OK);
    ck_assert_ptr_null(c);
  }
  MEM_END;
}
END_TEST

START_TEST(test_many_dims) {
  MEM_BEGIN;
  fail_reset();
  /* 20 dims (past every inline buffer), sizes alternating 1 and 2. */
  int64_t shape[20];
  for (int d = 0; d < 20; d++) shape[d] = d % 2 ? 2 : 1;
  ct_tensor *x = rnd(CT_FLOAT64, 20, shape, -1, 1);
  const int64_t dims[] = {1, 3, 18, -1, 5};
  check_red(R_SUM, x, dims, 5, true, 0, 0, 0);
  check_red(R_SUM, x, dims, 5, false, 0, 0, 0);
  check_red(R_VAR, x, dims + 2, 2, false, 0, 1, 0);
  check_red(R_MAX, x, NULL, 0, false, 0, 0, 0);
  check_red(R_ARGMAX, x, dims + 1, 1, true, 0, 0, 0);
  check_scan(x, 17, false, CT_DTYPE_NONE);
  check_softmax(x, 19, false, CT_DTYPE_NONE, 0);
  check_sort(x, 3, true, -1);
  ct_tensor_release(x);
  FAIL_IF_NOTED_("many-dim results differ from the reference");
  MEM_END;
}
END_TEST

int main(void) {
  const ct_test_case tests[] = {
      {"pytorch_cases", test_pytorch_cases},
      {"sum_prod_mean_dtypes", test_sum_prod_mean_dtypes},
      {"extrema_dtypes", test_extrema_dtypes},
      {"nan_semantics", test_nan_semantics},
      {"var_std_norm_logsumexp_dtypes", test_var_std_norm_logsumexp_dtypes},
      {"logical_dtypes", test_logical_dtypes},
      {"noncontiguous_inputs", test_noncontiguous_inputs},
      {"engine_paths", test_engine_paths},
      {"sum_of_2p24_ones_is_exact", test_sum_of_2p24_ones_is_exact},
      {"accuracy", test_accuracy},
      {"thread_count_determinism", test_thread_count_determinism},
      {"empty_reductions", test_empty_reductions},
      {"zero_d", test_zero_d},
      {"scans", test_scans},
      {"scans_in_place_and_out", test_scans_in_place_and_out},
      {"softmax", test_softmax},
      {"sort_topk", test_sort_topk},
      {"unique", test_unique},
      {"out_variants", test_out_variants},
      {"out_aliasing_and_checks", test_out_aliasing_and_checks},
      {"dtype_arguments", test_dtype_arguments},
      {"argument_errors", test_argument_errors},
      {"devices_and_memory", test_devices_and_memory},
      {"many_dims", test_many_dims},
  };
  Suite *s = suite_create("reduce");
  ct_test_tcase_opts opts = {NULL, NULL, 120};
  CT_TEST_ADD_CASES_(s, tests, &opts);
  return ct_test_run(s);
}
