/*
 * cuda_parity.c: backend parity. Every operator family x dtype x shape
 * family runs through the public API on each compiled backend other than
 * the CPU (today: CUDA) and on the CPU, and the results are compared:
 * exact for integers and bool, rtol 1e-5 for float32/complex64, 1e-12 for
 * float64/complex128, 1e-2 for float16/bfloat16 (relative to the largest
 * magnitude of the CPU result, so that sums in another order pass); uniform
 * and integer random draws with the same seed must be bitwise equal, normal
 * ones within a few ulp. A call that fails must fail on both devices with
 * the same status (unsupported dtypes, integer division by zero).
 *
 * A standalone program (not Check), printing TAP: "ok N - add float32
 * broadcast" per case and a final "N passed, N failed" line; exit 1 when a
 * case failed. Without a device: "1..0 # SKIP no CUDA device: <reason>" and
 * exit 77. CT_PARITY_DEVICE=cpu compares the CPU with itself, to test this
 * program where no GPU is. CT_PARITY_VERBOSE=1 prints a diagnostic line for
 * every failed element comparison (the first few per case).
 */
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctensor/ctensor.h"

enum { MAX_IN = 4, MAX_OUT = 3 };

/* An operator under test: fills outs[0 .. MAX_OUT-1] (NULL where it has fewer results). */
typedef ct_status (*op_fn)(ct_tensor **outs, ct_tensor *const *in, const void *ctx);

static ct_device_type dev_type = CT_DEVICE_CUDA;
static int n_case, n_pass, n_fail;
static bool verbose;

static const char *dtname(ct_dtype d) {
  const char *n = "?";
  ct_dtype_name(&n, d);
  return n;
}

static bool is_int_like(ct_dtype d) { return d <= CT_INT64; }

/* The comparison tolerance of a result dtype (relative, see the file comment). */
static double dtype_rtol(ct_dtype d) {
  switch (d) {
  case CT_FLOAT16:
  case CT_BFLOAT16: return 1e-2;
  case CT_FLOAT32:
  case CT_COMPLEX64: return 1e-5;
  case CT_FLOAT64:
  case CT_COMPLEX128: return 1e-12;
  default: return 0;
  }
}

/* Prints one TAP line and counts it. */
__attribute__((format(printf, 2, 3))) static void report(bool ok, const char *fmt, ...) {
  va_list ap;
  n_case++;
  if (ok)
    n_pass++;
  else
    n_fail++;
  printf("%s %d - ", ok ? "ok" : "not ok", n_case);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
  fflush(stdout);
}

/* ---- inputs --------------------------------------------------------------------------------- */

/* How a test input is laid out on its device. */
enum { LAYOUT_PLAIN = 0, LAYOUT_TRANSPOSED = 1, LAYOUT_EXPANDED = 2 };
/* What values it holds. */
enum { VALUES_ANY = 0, VALUES_POSITIVE = 1, VALUES_UNIT = 2 };

/*
 * A deterministic input of dtype and shape on (type, 0): drawn on the CPU from seed, moved to the
 * device, and only then made a transposed (last two dims) or expanded (dim 0 from 1) view there,
 * so both devices see the same values through the same kind of strides.
 */
static ct_status make_input(ct_tensor **out, ct_dtype dt, int32_t ndim, const int64_t *shape, int layout,
                            int values, uint64_t seed, ct_device_type type) {
  int64_t base[8];
  *out = NULL;
  memcpy(base, shape, (size_t)ndim * sizeof(int64_t));
  if (layout == LAYOUT_TRANSPOSED && ndim >= 2) {
    base[ndim - 2] = shape[ndim - 1];
    base[ndim - 1] = shape[ndim - 2];
  } else if (layout == LAYOUT_EXPANDED && ndim >= 1) {
    base[0] = 1;
  }
  ct_generator *g = NULL;
  ct_tensor *cpu = NULL, *tmp = NULL, *moved = NULL;
  ct_status s = ct_generator_create(&g, seed);
  bool floating = dt == CT_FLOAT16 || dt == CT_BFLOAT16 || dt == CT_FLOAT32 || dt == CT_FLOAT64 ||
                  dt == CT_COMPLEX64 || dt == CT_COMPLEX128;
  if (s == CT_OK && floating) {
    if (values == VALUES_ANY) {
      s = ct_randn(&tmp, g, ndim, base, CT_FLOAT64, CT_DEVICE_CPU, 0);
      if (s == CT_OK) s = ct_mul_scalar_(tmp, (double[]){2.5}, CT_FLOAT64);
    } else {
      s = ct_rand(&tmp, g, ndim, base, CT_FLOAT64, CT_DEVICE_CPU, 0);
      if (s == CT_OK && values == VALUES_POSITIVE) s = ct_add_scalar_(tmp, (double[]){0.25}, CT_FLOAT64, NULL, CT_DTYPE_NONE);
      if (s == CT_OK && values == VALUES_UNIT) s = ct_mul_scalar_(tmp, (double[]){0.9}, CT_FLOAT64);
    }
    if (s == CT_OK && (dt == CT_COMPLEX64 || dt == CT_COMPLEX128)) {
      /* A complex input with a nonzero imaginary part: x + i * reversed(x). */
      ct_tensor *flipped = NULL, *im = NULL;
      int64_t all[8];
      for (int32_t d = 0; d < ndim; d++) all[d] = d;
      s = ct_flip(&flipped, tmp, all, ndim);
      if (s == CT_OK) s = ct_to(&im, flipped, dt, CT_DEVICE_CPU, 0, true);
      if (s == CT_OK) s = ct_mul_scalar_(im, (double[]){0, 1}, CT_COMPLEX128);
      if (s == CT_OK) s = ct_add(&cpu, tmp, im, NULL, CT_DTYPE_NONE);
      ct_tensor_release(flipped);
      ct_tensor_release(im);
      ct_tensor_release(tmp);
      tmp = cpu;
      cpu = NULL;
    }
    if (s == CT_OK) s = ct_to(&cpu, tmp, dt, CT_DEVICE_CPU, 0, true);
  } else if (s == CT_OK) {
    int64_t lo = values == VALUES_ANY ? -9 : 1, hi = 10;
    if (dt == CT_UINT8 || dt == CT_BOOL) lo = dt == CT_BOOL && values == VALUES_ANY ? 0 : lo < 0 ? 0 : lo;
    if (dt == CT_BOOL) hi = 2;
    s = ct_randint(&tmp, g, lo, hi, ndim, base, CT_INT64, CT_DEVICE_CPU, 0);
    if (s == CT_OK) s = ct_to(&cpu, tmp, dt, CT_DEVICE_CPU, 0, true);
  }
  ct_tensor_release(tmp);
  ct_generator_release(g);
  if (s == CT_OK) s = ct_to(&moved, cpu, CT_DTYPE_NONE, type, 0, false);
  ct_tensor_release(cpu);
  if (s != CT_OK) return s;
  if (layout == LAYOUT_TRANSPOSED && ndim >= 2)
    s = ct_transpose(out, moved, ndim - 2, ndim - 1);
  else if (layout == LAYOUT_EXPANDED && ndim >= 1)
    s = ct_expand(out, moved, ndim, shape);
  else
    return (*out = moved), CT_OK;
  ct_tensor_release(moved);
  return s;
}

/* An input's description: make_input's arguments but the device. */
typedef struct in_spec {
  ct_dtype dtype;
  int32_t ndim;
  int64_t shape[6];
  int layout;
  int values;
} in_spec;

/* ---- comparison ----------------------------------------------------------------------------- */

/* Writes into why (size n) how the device result d differs from the CPU result c; "" when equal. */
static void compare(char *why, size_t n, ct_tensor *c, ct_tensor *d, double rtol_override) {
  why[0] = '\0';
  ct_dtype dc, dd;
  int32_t nc, nd;
  int64_t sc[16], sd[16];
  ct_tensor_dtype(&dc, c);
  ct_tensor_dtype(&dd, d);
  if (dc != dd) {
    snprintf(why, n, "dtype %s on the CPU, %s on the device", dtname(dc), dtname(dd));
    return;
  }
  ct_tensor_ndim(&nc, c);
  ct_tensor_ndim(&nd, d);
  ct_tensor_shape(sc, 16, c);
  ct_tensor_shape(sd, 16, d);
  if (nc != nd || memcmp(sc, sd, (size_t)nc * sizeof(int64_t)) != 0) {
    snprintf(why, n, "shapes differ (ndim %d and %d)", (int)nc, (int)nd);
    return;
  }
  ct_device_type t;
  int32_t idx;
  ct_tensor_device(&t, &idx, d);
  if (t != dev_type) {
    snprintf(why, n, "the device result is on device type %d", (int)t);
    return;
  }
  /* Both as contiguous CPU tensors of int64 (exact types) or complex128. */
  ct_dtype as = is_int_like(dc) ? CT_INT64 : CT_COMPLEX128;
  ct_tensor *hc = NULL, *hd = NULL, *cc = NULL, *cd = NULL;
  if (ct_to(&hc, c, as, CT_DEVICE_CPU, 0, false) != CT_OK || ct_to(&hd, d, as, CT_DEVICE_CPU, 0, false) != CT_OK ||
      ct_contiguous(&cc, hc) != CT_OK || ct_contiguous(&cd, hd) != CT_OK) {
    snprintf(why, n, "reading the results back failed: %s", ct_last_error_message());
  } else {
    int64_t count = 0;
    void *pc = NULL, *pd = NULL;
    ct_tensor_numel(&count, cc);
    ct_tensor_data_ptr(&pc, cc);
    ct_tensor_data_ptr(&pd, cd);
    if (as == CT_INT64) {
      for (int64_t i = 0; i < count && !why[0]; i++)
        if (((int64_t *)pc)[i] != ((int64_t *)pd)[i])
          snprintf(why, n, "element %lld: %lld on the CPU, %lld on the device", (long long)i,
                   (long long)((int64_t *)pc)[i], (long long)((int64_t *)pd)[i]);
    } else {
      const double *vc = pc, *vd = pd;
      double scale = 1, rtol = rtol_override >= 0 ? rtol_override : dtype_rtol(dc);
      for (int64_t i = 0; i < 2 * count; i++)
        if (isfinite(vc[i]) && fabs(vc[i]) > scale) scale = fabs(vc[i]);
      int bad = 0;
      for (int64_t i = 0; i < 2 * count; i++) {
        double a = vc[i], b = vd[i];
        bool same = (isnan(a) && isnan(b)) || a == b || (isfinite(a) && isfinite(b) && fabs(a - b) <= rtol * scale);
        if (same) continue;
        if (!bad++)
          snprintf(why, n, "element %lld%s: %.17g on the CPU, %.17g on the device (rtol %g, scale %g)",
                   (long long)(i / 2), i % 2 ? " (imag)" : "", a, b, rtol, scale);
        if (verbose && bad <= 5) printf("#   element %lld: %.17g vs %.17g\n", (long long)(i / 2), a, b);
      }
    }
  }
  ct_tensor_release(hc);
  ct_tensor_release(hd);
  ct_tensor_release(cc);
  ct_tensor_release(cd);
}

/*
 * One case: the inputs made on the CPU and on the device, op run on each, the results compared.
 * rtol < 0 takes the results' dtype tolerance.
 */
static void run_case(const char *label, op_fn op, const void *ctx, int nin, const in_spec *specs, uint64_t seed,
                     double rtol) {
  ct_tensor *in[2][MAX_IN] = {{NULL}}, *outs[2][MAX_OUT] = {{NULL}};
  ct_status st[2] = {CT_OK, CT_OK};
  char msg[2][384] = {"", ""};
  const ct_device_type types[2] = {CT_DEVICE_CPU, dev_type};
  char why[1200] = "";
  for (int side = 0; side < 2 && !why[0]; side++) {
    for (int k = 0; k < nin && !why[0]; k++)
      if (make_input(&in[side][k], specs[k].dtype, specs[k].ndim, specs[k].shape, specs[k].layout,
                     specs[k].values, seed + (uint64_t)k, types[side]) != CT_OK)
        snprintf(why, sizeof why, "making input %d on %s failed: %s", k, side ? "the device" : "the CPU",
                 ct_last_error_message());
    if (why[0]) break;
    ct_clear_error();
    st[side] = op(outs[side], in[side], ctx);
    snprintf(msg[side], sizeof msg[side], "%s", ct_last_error_message());
  }
  if (!why[0]) {
    if (st[0] != st[1]) {
      snprintf(why, sizeof why, "CPU: %s (%s); device: %s (%s)", ct_status_name(st[0]), st[0] ? msg[0] : "",
               ct_status_name(st[1]), st[1] ? msg[1] : "");
    } else if (st[0] == CT_OK) {
      for (int k = 0; k < MAX_OUT && !why[0]; k++) {
        if (!outs[0][k] != !outs[1][k]) {
          snprintf(why, sizeof why, "result %d is missing on one device", k);
        } else if (outs[0][k]) {
          char w[700];
          compare(w, sizeof w, outs[0][k], outs[1][k], rtol);
          if (w[0]) snprintf(why, sizeof why, "result %d: %s", k, w);
        }
      }
    }
  }
  if (why[0])
    report(false, "%s\n# %s", label, why);
  else if (st[0] != CT_OK)
    report(true, "%s (both refuse: %s)", label, ct_status_name(st[0]));
  else
    report(true, "%s", label);
  for (int side = 0; side < 2; side++) {
    for (int k = 0; k < MAX_IN; k++) ct_tensor_release(in[side][k]);
    for (int k = 0; k < MAX_OUT; k++) ct_tensor_release(outs[side][k]);
  }
}

/* ---- shape families ------------------------------------------------------------------------- */

typedef struct family {
  const char *name;
  int32_t ndim_a, ndim_b;
  int64_t a[4], b[4];
  int layout_a, layout_b;
} family;

static const family families[] = {
  {"contiguous", 2, 2, {4, 5}, {4, 5}, LAYOUT_PLAIN, LAYOUT_PLAIN},
  {"transposed", 2, 2, {4, 5}, {4, 5}, LAYOUT_TRANSPOSED, LAYOUT_PLAIN},
  {"broadcast", 3, 2, {4, 1, 5}, {3, 1}, LAYOUT_PLAIN, LAYOUT_EXPANDED},
  {"expanded", 2, 2, {4, 5}, {4, 5}, LAYOUT_EXPANDED, LAYOUT_TRANSPOSED},
  {"zero-size", 2, 1, {0, 5}, {5}, LAYOUT_PLAIN, LAYOUT_PLAIN},
  {"0-d", 0, 0, {0}, {0}, LAYOUT_PLAIN, LAYOUT_PLAIN},
};
enum { N_FAMILIES = sizeof families / sizeof families[0] };

static in_spec spec(ct_dtype dt, int32_t ndim, const int64_t *shape, int layout, int values) {
  in_spec s = {dt, ndim, {0}, layout, values};
  memcpy(s.shape, shape, (size_t)ndim * sizeof(int64_t));
  return s;
}

static uint64_t next_seed(void) {
  static uint64_t seed = 1000;
  return seed += 16;
}

/* ---- elementwise ---------------------------------------------------------------------------- */

typedef ct_status (*unary_fn)(ct_tensor **, ct_tensor *);
typedef ct_status (*binary_fn)(ct_tensor **, ct_tensor *, ct_tensor *);
typedef ct_status (*ternary_fn)(ct_tensor **, ct_tensor *, ct_tensor *, ct_tensor *);

static ct_status op_unary(ct_tensor **o, ct_tensor *const *in, const void *ctx) { return ((unary_fn)ctx)(o, in[0]); }
static ct_status op_binary(ct_tensor **o, ct_tensor *const *in, const void *ctx) {
  return ((binary_fn)ctx)(o, in[0], in[1]);
}
static ct_status op_ternary(ct_tensor **o, ct_tensor *const *in, const void *ctx) {
  return ((ternary_fn)ctx)(o, in[0], in[1], in[2]);
}

/* Ops with extra arguments, as plain unary/binary functions. */
static ct_status w_add(ct_tensor **o, ct_tensor *a, ct_tensor *b) { return ct_add(o, a, b, NULL, CT_DTYPE_NONE); }
static ct_status w_add_alpha(ct_tensor **o, ct_tensor *a, ct_tensor *b) {
  return ct_add(o, a, b, (int64_t[]){2}, CT_INT64);
}
static ct_status w_sub(ct_tensor **o, ct_tensor *a, ct_tensor *b) { return ct_sub(o, a, b, NULL, CT_DTYPE_NONE); }
static ct_status w_div(ct_tensor **o, ct_tensor *a, ct_tensor *b) { return ct_div(o, a, b, CT_ROUNDING_NONE); }
static ct_status w_div_trunc(ct_tensor **o, ct_tensor *a, ct_tensor *b) { return ct_div(o, a, b, CT_ROUNDING_TRUNC); }
static ct_status w_div_floor(ct_tensor **o, ct_tensor *a, ct_tensor *b) { return ct_div(o, a, b, CT_ROUNDING_FLOOR); }
static ct_status w_add_scalar(ct_tensor **o, ct_tensor *a) {
  return ct_add_scalar(o, a, (double[]){1.5}, CT_FLOAT64, NULL, CT_DTYPE_NONE);
}
static ct_status w_mul_scalar(ct_tensor **o, ct_tensor *a) { return ct_mul_scalar(o, a, (int64_t[]){3}, CT_INT64); }
static ct_status w_pow_scalar(ct_tensor **o, ct_tensor *a) { return ct_pow_scalar(o, a, (int64_t[]){3}, CT_INT64); }
static ct_status w_gelu(ct_tensor **o, ct_tensor *a) { return ct_gelu(o, a, CT_GELU_NONE); }
static ct_status w_gelu_tanh(ct_tensor **o, ct_tensor *a) { return ct_gelu(o, a, CT_GELU_TANH); }
static ct_status w_softplus(ct_tensor **o, ct_tensor *a) { return ct_softplus(o, a, 1.0, 20.0); }
static ct_status w_round(ct_tensor **o, ct_tensor *a) { return ct_round(o, a, 0); }
static ct_status w_round2(ct_tensor **o, ct_tensor *a) { return ct_round(o, a, 2); }
static ct_status w_nan_to_num(ct_tensor **o, ct_tensor *a) { return ct_nan_to_num(o, a, NULL, NULL, NULL); }
static ct_status w_clamp_scalar(ct_tensor **o, ct_tensor *a) {
  return ct_clamp_scalar(o, a, (double[]){-1}, CT_FLOAT64, (double[]){2}, CT_FLOAT64);
}
static ct_status w_inplace_add(ct_tensor **o, ct_tensor *a, ct_tensor *b) {
  /* In place on a copy of a (the inputs are borrowed). */
  ct_status s = ct_clone(o, a);
  if (s == CT_OK) s = ct_add_(*o, b, NULL, CT_DTYPE_NONE);
  return s;
}

#define NAMED(f) {#f, (void (*)(void))f}
typedef struct named_fn {
  const char *name;
  void (*fn)(void);
} named_fn;

static const named_fn unary_ops[] = {
  NAMED(ct_neg), NAMED(ct_abs), NAMED(ct_sign), NAMED(ct_sgn), NAMED(ct_sqrt), NAMED(ct_rsqrt),
  NAMED(ct_square), NAMED(ct_reciprocal), NAMED(ct_exp), NAMED(ct_exp2), NAMED(ct_expm1), NAMED(ct_log),
  NAMED(ct_log2), NAMED(ct_log10), NAMED(ct_log1p), NAMED(ct_sin), NAMED(ct_cos), NAMED(ct_tan),
  NAMED(ct_asin), NAMED(ct_acos), NAMED(ct_atan), NAMED(ct_sinh), NAMED(ct_cosh), NAMED(ct_tanh),
  NAMED(ct_asinh), NAMED(ct_acosh), NAMED(ct_atanh), NAMED(ct_sigmoid), NAMED(ct_relu), NAMED(ct_silu),
  NAMED(ct_erf), NAMED(ct_erfc), NAMED(ct_floor), NAMED(ct_ceil), NAMED(ct_trunc), NAMED(ct_frac),
  NAMED(ct_isnan), NAMED(ct_isinf), NAMED(ct_isfinite), NAMED(ct_logical_not), NAMED(ct_bitwise_not),
  NAMED(ct_conj), NAMED(ct_angle), NAMED(w_gelu), NAMED(w_gelu_tanh), NAMED(w_softplus), NAMED(w_round),
  NAMED(w_round2), NAMED(w_nan_to_num), NAMED(w_clamp_scalar), NAMED(w_add_scalar), NAMED(w_mul_scalar),
  NAMED(w_pow_scalar),
};

static const named_fn binary_ops[] = {
  NAMED(w_add), NAMED(w_add_alpha), NAMED(w_sub), NAMED(ct_mul), NAMED(w_div), NAMED(w_div_trunc),
  NAMED(w_div_floor), NAMED(ct_floor_divide), NAMED(ct_remainder), NAMED(ct_fmod), NAMED(ct_pow),
  NAMED(ct_maximum), NAMED(ct_minimum), NAMED(ct_atan2), NAMED(ct_hypot), NAMED(ct_eq), NAMED(ct_ne),
  NAMED(ct_lt), NAMED(ct_le), NAMED(ct_gt), NAMED(ct_ge), NAMED(ct_logical_and), NAMED(ct_logical_or),
  NAMED(ct_logical_xor), NAMED(ct_bitwise_and), NAMED(ct_bitwise_or), NAMED(ct_bitwise_xor),
  NAMED(ct_bitwise_left_shift), NAMED(ct_bitwise_right_shift), NAMED(w_inplace_add),
};

static const named_fn ternary_ops[] = {NAMED(ct_where), NAMED(ct_clamp), NAMED(ct_lerp)};

/* An op's name without the "ct_" of a function or the "w_" of a wrapper. */
static const char *opname(const char *n) { return strncmp(n, "ct_", 3) == 0 ? n + 3 : strncmp(n, "w_", 2) == 0 ? n + 2 : n; }

static void elementwise(void) {
  for (size_t i = 0; i < sizeof unary_ops / sizeof unary_ops[0]; i++)
    for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++)
      for (int f = 0; f < N_FAMILIES; f++) {
        char label[128];
        const family *fam = &families[f];
        in_spec s = spec(dt, fam->ndim_a, fam->a, fam->layout_a, VALUES_ANY);
        snprintf(label, sizeof label, "%s %s %s", opname(unary_ops[i].name), dtname(dt), fam->name);
        run_case(label, op_unary, (const void *)unary_ops[i].fn, 1, &s, next_seed(), -1);
      }
  for (size_t i = 0; i < sizeof binary_ops / sizeof binary_ops[0]; i++)
    for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++)
      for (int f = 0; f < N_FAMILIES; f++) {
        char label[128];
        const family *fam = &families[f];
        in_spec s[2] = {spec(dt, fam->ndim_a, fam->a, fam->layout_a, VALUES_ANY),
                        spec(dt, fam->ndim_b, fam->b, fam->layout_b, VALUES_ANY)};
        snprintf(label, sizeof label, "%s %s %s", opname(binary_ops[i].name), dtname(dt), fam->name);
        run_case(label, op_binary, (const void *)binary_ops[i].fn, 2, s, next_seed(), -1);
      }
  /* Mixed dtypes: promotion happens in the front end, the kernels see it. */
  const ct_dtype mixed[][2] = {{CT_INT32, CT_FLOAT32}, {CT_UINT8, CT_INT8}, {CT_FLOAT16, CT_BFLOAT16},
                               {CT_BOOL, CT_FLOAT64}, {CT_FLOAT32, CT_COMPLEX128}, {CT_INT64, CT_FLOAT16}};
  for (size_t m = 0; m < sizeof mixed / sizeof mixed[0]; m++)
    for (size_t i = 0; i < 5; i++) {
      char label[128];
      const family *fam = &families[2];
      in_spec s[2] = {spec(mixed[m][0], fam->ndim_a, fam->a, fam->layout_a, VALUES_ANY),
                      spec(mixed[m][1], fam->ndim_b, fam->b, fam->layout_b, VALUES_ANY)};
      snprintf(label, sizeof label, "%s %s+%s broadcast", opname(binary_ops[i].name), dtname(mixed[m][0]),
               dtname(mixed[m][1]));
      run_case(label, op_binary, (const void *)binary_ops[i].fn, 2, s, next_seed(), -1);
    }
  for (size_t i = 0; i < sizeof ternary_ops / sizeof ternary_ops[0]; i++)
    for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++)
      for (int f = 0; f < N_FAMILIES; f++) {
        char label[128];
        const family *fam = &families[f];
        bool where = i == 0;
        in_spec s[3] = {spec(where ? CT_BOOL : dt, fam->ndim_a, fam->a, fam->layout_a, VALUES_ANY),
                        spec(dt, fam->ndim_b, fam->b, fam->layout_b, VALUES_ANY),
                        spec(dt, fam->ndim_b, fam->b, LAYOUT_PLAIN, i == 2 ? VALUES_UNIT : VALUES_ANY)};
        snprintf(label, sizeof label, "%s %s %s", opname(ternary_ops[i].name), dtname(dt), fam->name);
        run_case(label, op_ternary, (const void *)ternary_ops[i].fn, 3, s, next_seed(), -1);
      }
}

/* ---- reductions, scans, softmax, sort --------------------------------------------------------- */

static const int64_t last_dim[1] = {-1};
static const int64_t dims01[2] = {0, 1};

static ct_status r_sum(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_sum(o, in[0], NULL, 0, false, CT_DTYPE_NONE);
}
static ct_status r_sum_dim(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_sum(o, in[0], last_dim, 1, true, CT_DTYPE_NONE);
}
static ct_status r_prod_dim(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_prod(o, in[0], last_dim, 1, false, CT_DTYPE_NONE);
}
static ct_status r_mean(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_mean(o, in[0], last_dim, 1, false, CT_DTYPE_NONE);
}
static ct_status r_max(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_max(o, in[0]);
}
static ct_status r_min(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_min(o, in[0]);
}
static ct_status r_max_dim(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_max_dim(&o[0], &o[1], in[0], -1, false);
}
static ct_status r_min_dim(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_min_dim(&o[0], &o[1], in[0], -1, true);
}
static ct_status r_amax(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_amax(o, in[0], last_dim, 1, false);
}
static ct_status r_amin(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_amin(o, in[0], NULL, 0, false);
}
static ct_status r_argmax(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_argmax(o, in[0], last_dim, false);
}
static ct_status r_argmin(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_argmin(o, in[0], NULL, false);
}
static ct_status r_all(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_all(o, in[0], last_dim, 1, false);
}
static ct_status r_any(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_any(o, in[0], NULL, 0, false);
}
static ct_status r_norm(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_norm(o, in[0], 2.0, last_dim, 1, false, CT_DTYPE_NONE);
}
static ct_status r_norm_inf(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_norm(o, in[0], INFINITY, NULL, 0, false, CT_DTYPE_NONE);
}
static ct_status r_var(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_var(o, in[0], last_dim, 1, 1.0, false);
}
static ct_status r_std_mean(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_std_mean(&o[0], &o[1], in[0], NULL, 0, 0.0, false);
}
static ct_status r_logsumexp(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_logsumexp(o, in[0], last_dim, 1, false);
}
static ct_status r_count_nonzero(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_count_nonzero(o, in[0], last_dim, 1);
}
static ct_status r_cumsum(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_cumsum(o, in[0], -1, CT_DTYPE_NONE);
}
static ct_status r_cumprod(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_cumprod(o, in[0], 0, CT_DTYPE_NONE);
}
static ct_status r_softmax(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_softmax(o, in[0], -1, CT_DTYPE_NONE);
}
static ct_status r_log_softmax(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_log_softmax(o, in[0], 0, CT_DTYPE_NONE);
}
static ct_status r_sort(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_sort(&o[0], &o[1], in[0], -1, false, true);
}
static ct_status r_sort_desc(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_sort(&o[0], &o[1], in[0], 0, true, true);
}
static ct_status r_argsort(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_argsort(o, in[0], -1, false, true);
}
static ct_status r_topk(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  /* Indices of equal values may come in any order: compare the values only. */
  ct_tensor *idx = NULL;
  ct_status s = ct_topk(&o[0], &idx, in[0], 1, -1, true, true);
  ct_tensor_release(idx);
  return s;
}
static ct_status r_unique(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_unique(&o[0], &o[1], &o[2], in[0], true);
}
static ct_status r_sum_all_dims(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_sum(o, in[0], dims01, 2, false, CT_FLOAT64);
}

typedef struct reduce_op {
  const char *name;
  op_fn fn;
} reduce_op;

static void reductions(void) {
  const reduce_op ops[] = {
    {"sum", r_sum}, {"sum dim", r_sum_dim}, {"sum dims float64", r_sum_all_dims}, {"prod", r_prod_dim},
    {"mean", r_mean}, {"max", r_max}, {"min", r_min}, {"max_dim", r_max_dim}, {"min_dim", r_min_dim},
    {"amax", r_amax}, {"amin", r_amin}, {"argmax", r_argmax}, {"argmin", r_argmin}, {"all", r_all},
    {"any", r_any}, {"norm", r_norm}, {"norm inf", r_norm_inf}, {"var", r_var}, {"std_mean", r_std_mean},
    {"logsumexp", r_logsumexp}, {"count_nonzero", r_count_nonzero}, {"cumsum", r_cumsum},
    {"cumprod", r_cumprod}, {"softmax", r_softmax}, {"log_softmax", r_log_softmax}, {"sort", r_sort},
    {"sort descending", r_sort_desc}, {"argsort", r_argsort}, {"topk", r_topk}, {"unique", r_unique},
  };
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++)
      for (int f = 0; f < N_FAMILIES; f++) {
        char label[128];
        const family *fam = &families[f];
        in_spec s = spec(dt, fam->ndim_a, fam->a, fam->layout_a, VALUES_ANY);
        snprintf(label, sizeof label, "%s %s %s", ops[i].name, dtname(dt), fam->name);
        run_case(label, ops[i].fn, NULL, 1, &s, next_seed(), -1);
      }
  /* A long reduction: the device's tree order against the CPU's. */
  const int64_t big[2] = {3, 100000};
  for (ct_dtype dt = CT_FLOAT16; dt <= CT_FLOAT64; dt++) {
    in_spec s = spec(dt, 2, big, LAYOUT_PLAIN, VALUES_ANY);
    char label[128];
    snprintf(label, sizeof label, "sum %s [3, 100000]", dtname(dt));
    run_case(label, r_sum_dim, NULL, 1, &s, next_seed(), dt == CT_FLOAT64 ? 1e-10 : -1);
    snprintf(label, sizeof label, "softmax %s [3, 100000]", dtname(dt));
    run_case(label, r_softmax, NULL, 1, &s, next_seed(), -1);
  }
}

/* ---- indexing ------------------------------------------------------------------------------- */

/* An int64 index tensor of the given values on the device of like. */
static ct_status index_on(ct_tensor **out, ct_tensor *like, int32_t ndim, const int64_t *shape, const int64_t *v) {
  ct_device_type t;
  int32_t i;
  ct_tensor_device(&t, &i, like);
  return ct_from_data(out, v, CT_INT64, ndim, shape, CT_INT64, t, i);
}

static ct_status i_index_select(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  ct_tensor *idx = NULL;
  ct_status s = index_on(&idx, in[0], 1, (int64_t[]){5}, (int64_t[]){3, 0, 4, 3, 1});
  if (s == CT_OK) s = ct_index_select(o, in[0], -1, idx);
  ct_tensor_release(idx);
  return s;
}
static ct_status i_gather(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  ct_tensor *idx = NULL;
  ct_status s = index_on(&idx, in[0], 2, (int64_t[]){2, 3}, (int64_t[]){0, 4, 2, 1, 1, 3});
  if (s == CT_OK) s = ct_gather(o, in[0], 1, idx);
  ct_tensor_release(idx);
  return s;
}
static ct_status i_scatter(ct_tensor **o, ct_tensor *const *in, const void *c) {
  ct_tensor *idx = NULL;
  ct_status s = index_on(&idx, in[0], 2, (int64_t[]){2, 3}, (int64_t[]){0, 4, 2, 1, 1, 3});
  if (s == CT_OK && c) s = ct_scatter_add(o, in[0], 1, idx, in[1]);
  if (s == CT_OK && !c) s = ct_scatter(o, in[0], 1, idx, in[1], CT_SCATTER_REDUCE_NONE);
  ct_tensor_release(idx);
  return s;
}
static ct_status i_index_put(ct_tensor **o, ct_tensor *const *in, const void *c) {
  /* Repeated indices: accumulate adds them in order, plain writes keep the last. */
  ct_tensor *idx = NULL, *val = NULL;
  ct_status s = index_on(&idx, in[0], 1, (int64_t[]){4}, (int64_t[]){1, 3, 1, 0});
  if (s == CT_OK) s = ct_narrow(&val, in[1], 0, 0, 4);
  if (s == CT_OK)
    s = ct_index_put(o, in[0], 1, (int32_t[]){CT_INDEX_TENSOR}, NULL, (ct_tensor *const[]){idx}, val, c != NULL);
  ct_tensor_release(val);
  ct_tensor_release(idx);
  return s;
}
static ct_status i_masked_fill(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_masked_fill(o, in[0], in[1], (double[]){-3}, CT_FLOAT64);
}
static ct_status i_masked_select(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_masked_select(o, in[0], in[1]);
}
static ct_status i_nonzero(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_nonzero(o, in[0]);
}
static ct_status i_take(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  ct_tensor *idx = NULL;
  ct_status s = index_on(&idx, in[0], 2, (int64_t[]){2, 2}, (int64_t[]){0, 19, -1, 7});
  if (s == CT_OK) s = ct_take(o, in[0], idx);
  ct_tensor_release(idx);
  return s;
}
static ct_status i_out_of_range(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  ct_tensor *idx = NULL;
  ct_status s = index_on(&idx, in[0], 1, (int64_t[]){2}, (int64_t[]){0, 99});
  if (s == CT_OK) s = ct_index_select(o, in[0], 0, idx);
  ct_tensor_release(idx);
  return s;
}

static void indexing(void) {
  const int64_t sh[2] = {4, 5}, src[2] = {4, 5};
  const struct {
    const char *name;
    op_fn fn;
    const void *ctx;
    int nin;
    ct_dtype second; /* dtype of the second input; CT_DTYPE_NONE: the same */
  } ops[] = {
    {"index_select", i_index_select, NULL, 1, CT_DTYPE_NONE},
    {"gather", i_gather, NULL, 1, CT_DTYPE_NONE},
    {"scatter", i_scatter, NULL, 2, CT_DTYPE_NONE},
    {"scatter_add", i_scatter, "add", 2, CT_DTYPE_NONE},
    {"index_put", i_index_put, NULL, 2, CT_DTYPE_NONE},
    {"index_put accumulate", i_index_put, "acc", 2, CT_DTYPE_NONE},
    {"masked_fill", i_masked_fill, NULL, 2, CT_BOOL},
    {"masked_select", i_masked_select, NULL, 2, CT_BOOL},
    {"nonzero", i_nonzero, NULL, 1, CT_DTYPE_NONE},
    {"take", i_take, NULL, 1, CT_DTYPE_NONE},
    {"index_select out of range", i_out_of_range, NULL, 1, CT_DTYPE_NONE},
  };
  const int layouts[] = {LAYOUT_PLAIN, LAYOUT_TRANSPOSED};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++)
      for (int l = 0; l < 2; l++) {
        char label[128];
        in_spec s[2] = {spec(dt, 2, sh, layouts[l], VALUES_ANY),
                        spec(ops[i].second == CT_DTYPE_NONE ? dt : ops[i].second, 2, src, LAYOUT_PLAIN, VALUES_ANY)};
        snprintf(label, sizeof label, "%s %s %s", ops[i].name, dtname(dt), l ? "transposed" : "contiguous");
        run_case(label, ops[i].fn, ops[i].ctx, ops[i].nin, s, next_seed(), -1);
      }
}

/* ---- structure ------------------------------------------------------------------------------ */

static ct_status s_tril(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_tril(o, in[0], -1);
}
static ct_status s_triu(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_triu(o, in[0], 1);
}
static ct_status s_cat(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_cat(o, in, 2, 0);
}
static ct_status s_stack(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_stack(o, in, 2, 1);
}
static ct_status s_flip(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_flip(o, in[0], dims01, 2);
}
static ct_status s_roll(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_roll(o, in[0], (int64_t[]){2, -1}, 2, dims01, 2);
}
static ct_status s_repeat(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_repeat(o, in[0], (int64_t[]){2, 1, 3}, 3);
}
static ct_status s_contiguous(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_contiguous(o, in[0]);
}

static void structure(void) {
  const reduce_op ops[] = {{"tril", s_tril}, {"triu", s_triu}, {"cat", s_cat}, {"stack", s_stack},
                           {"flip", s_flip}, {"roll", s_roll}, {"repeat", s_repeat}, {"contiguous", s_contiguous}};
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++)
      for (int f = 0; f < N_FAMILIES; f++) {
        const family *fam = &families[f];
        if (fam->ndim_a != 2) continue; /* these take matrices */
        char label[128];
        in_spec s[2] = {spec(dt, 2, fam->a, fam->layout_a, VALUES_ANY), spec(dt, 2, fam->a, LAYOUT_PLAIN, VALUES_ANY)};
        snprintf(label, sizeof label, "%s %s %s", ops[i].name, dtname(dt), fam->name);
        run_case(label, ops[i].fn, NULL, 2, s, next_seed(), -1);
      }
}

/* ---- linear algebra ------------------------------------------------------------------------- */

static ct_status l_matmul(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_matmul(o, in[0], in[1]);
}
static ct_status l_bmm(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_bmm(o, in[0], in[1]);
}
static ct_status l_mv(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_mv(o, in[0], in[1]);
}
static ct_status l_dot(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_dot(o, in[0], in[1]);
}
static ct_status l_outer(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_outer(o, in[0], in[1]);
}
static ct_status l_addmm(ct_tensor **o, ct_tensor *const *in, const void *c) {
  (void)c;
  return ct_addmm(o, in[2], in[0], in[1], (double[]){0.5}, CT_FLOAT64, (int64_t[]){2}, CT_INT64);
}

static void linalg(void) {
  const struct {
    const char *name;
    op_fn fn;
    int32_t nda, ndb, ndc;
    int64_t a[3], b[3], c[3];
  } ops[] = {
    {"matmul", l_matmul, 2, 2, 0, {33, 17}, {17, 9}, {0}},
    {"matmul batched broadcast", l_matmul, 3, 2, 0, {3, 8, 6}, {6, 5}, {0}},
    {"matmul empty k", l_matmul, 2, 2, 0, {4, 0}, {0, 3}, {0}},
    {"bmm", l_bmm, 3, 3, 0, {2, 7, 5}, {2, 5, 3}, {0}},
    {"mv", l_mv, 2, 1, 0, {6, 9}, {9}, {0}},
    {"dot", l_dot, 1, 1, 0, {100}, {100}, {0}},
    {"outer", l_outer, 1, 1, 0, {5}, {4}, {0}},
    {"addmm", l_addmm, 2, 2, 2, {6, 4}, {4, 5}, {6, 5}},
  };
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++)
      for (int l = 0; l < 2; l++) {
        char label[128];
        int lay = l && ops[i].nda >= 2 ? LAYOUT_TRANSPOSED : LAYOUT_PLAIN;
        in_spec s[3] = {spec(dt, ops[i].nda, ops[i].a, lay, VALUES_ANY),
                        spec(dt, ops[i].ndb, ops[i].b, l && ops[i].ndb >= 2 ? LAYOUT_TRANSPOSED : LAYOUT_PLAIN, VALUES_ANY),
                        spec(dt, ops[i].ndc, ops[i].c, LAYOUT_PLAIN, VALUES_ANY)};
        snprintf(label, sizeof label, "%s %s %s", ops[i].name, dtname(dt), l ? "transposed" : "contiguous");
        /* Half precision accumulates in float32 on both, but rounds the sum differently. */
        run_case(label, ops[i].fn, NULL, ops[i].ndc ? 3 : 2, s, next_seed(),
                 dt == CT_FLOAT16 || dt == CT_BFLOAT16 ? 2e-2 : -1);
      }
}

/* ---- conversions and random ----------------------------------------------------------------- */

static ct_status c_to(ct_tensor **o, ct_tensor *const *in, const void *c) {
  return ct_to(o, in[0], *(const ct_dtype *)c, CT_DEVICE_NONE, -1, true);
}

static void conversions(void) {
  static ct_dtype targets[CT_DTYPE_COUNT];
  for (ct_dtype from = 0; from < CT_DTYPE_COUNT; from++)
    for (ct_dtype to = 0; to < CT_DTYPE_COUNT; to++)
      for (int f = 0; f < N_FAMILIES; f++) {
        const family *fam = &families[f];
        char label[128];
        targets[to] = to;
        in_spec s = spec(from, fam->ndim_a, fam->a, fam->layout_a, VALUES_ANY);
        snprintf(label, sizeof label, "to %s from %s %s", dtname(to), dtname(from), fam->name);
        run_case(label, c_to, &targets[to], 1, &s, next_seed(), -1);
      }
}

typedef struct random_args {
  int kind; /* 0 rand, 1 randn, 2 randint */
  ct_dtype dtype;
  int32_t ndim;
  int64_t shape[3];
} random_args;

/* Draws on the device of in[0] (a placeholder input) from a fresh generator of a fixed seed. */
static ct_status r_random(ct_tensor **o, ct_tensor *const *in, const void *c) {
  const random_args *a = c;
  ct_device_type t;
  int32_t i;
  ct_tensor_device(&t, &i, in[0]);
  ct_generator *g = NULL;
  ct_status s = ct_generator_create(&g, 20240611);
  if (s == CT_OK && a->kind == 0) s = ct_rand(o, g, a->ndim, a->shape, a->dtype, t, i);
  if (s == CT_OK && a->kind == 1) s = ct_randn(o, g, a->ndim, a->shape, a->dtype, t, i);
  if (s == CT_OK && a->kind == 2) s = ct_randint(o, g, -1000, 1000, a->ndim, a->shape, a->dtype, t, i);
  /* A second draw from the same generator continues the stream at the same offset on both. */
  if (s == CT_OK && a->kind == 0) s = ct_rand(&o[1], g, a->ndim, a->shape, a->dtype, t, i);
  ct_generator_release(g);
  return s;
}

static void random_draws(void) {
  const char *kinds[] = {"rand", "randn", "randint"};
  const int64_t shapes[][3] = {{1000}, {7, 13}, {0}, {3, 1, 5}};
  const int32_t ndims[] = {1, 2, 1, 3};
  static random_args args[3][CT_DTYPE_COUNT][4];
  for (int k = 0; k < 3; k++)
    for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++)
      for (int sh = 0; sh < 4; sh++) {
        random_args *a = &args[k][dt][sh];
        a->kind = k;
        a->dtype = dt;
        a->ndim = ndims[sh];
        memcpy(a->shape, shapes[sh], sizeof a->shape);
        char label[128];
        in_spec s = spec(CT_FLOAT32, 0, NULL, LAYOUT_PLAIN, VALUES_ANY);
        snprintf(label, sizeof label, "%s %s shape %d", kinds[k], dtname(dt), sh);
        /* Uniform and integer draws are bitwise equal; normal ones within a few ulp. */
        double rtol = k == 1 ? (dt == CT_FLOAT64 || dt == CT_COMPLEX128 ? 1e-14 : dtype_rtol(dt) / 10) : 0;
        run_case(label, r_random, a, 1, &s, next_seed(), rtol);
      }
}

/* ---- main ----------------------------------------------------------------------------------- */

int main(void) {
  const char *forced = getenv("CT_PARITY_DEVICE");
  verbose = getenv("CT_PARITY_VERBOSE") && atoi(getenv("CT_PARITY_VERBOSE"));
  if (forced && strcmp(forced, "cpu") == 0) {
    dev_type = CT_DEVICE_CPU;
    printf("# CT_PARITY_DEVICE=cpu: comparing the CPU with itself (a test of this program)\n");
  } else {
    bool avail = false;
    int32_t count = 0;
    ct_cuda_is_available(&avail);
    if (!avail) {
      /* Ask for the device to learn why it is unavailable. */
      ct_tensor *t = NULL;
      ct_status s = ct_empty(&t, 0, NULL, CT_FLOAT32, CT_DEVICE_CUDA, 0);
      ct_tensor_release(t);
      printf("1..0 # SKIP no CUDA device: %s\n", s != CT_OK ? ct_last_error_message() : "the module reports none");
      return 77;
    }
    ct_cuda_device_count(&count);
    char name[256] = "";
    ct_cuda_device_name(name, sizeof name, 0);
    printf("# backend parity: cuda:0 (%s, %d device%s) against the CPU\n", name, (int)count, count == 1 ? "" : "s");
  }
  elementwise();
  reductions();
  indexing();
  structure();
  linalg();
  conversions();
  random_draws();
  printf("1..%d\n", n_case);
  printf("# %d passed, %d failed\n", n_pass, n_fail);
  printf("%d passed, %d failed\n", n_pass, n_fail);
  return n_fail ? 1 : 0;
}
