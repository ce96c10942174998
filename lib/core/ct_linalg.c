/*
 * ct_linalg.c: the front ends of matmul, mm, bmm, mv, dot, outer, addmm,
 * baddbmm and einsum.
 *
 * Each op checks its operands, works out the result's shape, and describes
 * its product as one batched matrix product over views: a 1-D operand is a
 * row or a column with a missing dim, broadcast batch dims get stride 0, and
 * einsum groups its subscripts into batch, row, column and contracted dims.
 * ct_la_compute then handles out (checked, or computed aside when it shares
 * memory with an operand), addmm's input, and the call to the backend;
 * ct_la_run turns the views into ct__gemm_args, merging batch dims where the
 * strides allow (a (b, m, k) @ (k, n) product becomes one (b*m, k) @ (k, n)).
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ct_linalg.h"

/* ---- checks shared by the products ------------------------------------------------------------ */

static const char *ct_la_dname(ct_dtype d) { return ct__dtypes[d].name; }

static bool ct_la_is_integral(ct_dtype d) { return !ct__dtypes[d].is_floating && !ct__dtypes[d].is_complex; }

static ct_status ct_la_same_device(const ct_tensor *x, const char *xn, const ct_tensor *y,
                                   const char *yn, const char *fn) {
  if (x->storage->device_type == y->storage->device_type &&
      x->storage->device_index == y->storage->device_index)
    return CT_OK;
  const char *tx = "?", *ty = "?";
  ct_device_type_name(&tx, x->storage->device_type);
  ct_device_type_name(&ty, y->storage->device_type);
  return ct__error(CT_ERR_DEVICE, "%s: %s is on %s:%d but %s is on %s:%d", fn, xn, tx,
                   (int)x->storage->device_index, yn, ty, (int)y->storage->device_index);
}

/* x and y, two operands of one product: one dtype, one device. */
static ct_status ct_la_same(const ct_tensor *x, const char *xn, const ct_tensor *y, const char *yn,
                            const char *fn) {
  if (x->dtype != y->dtype)
    return ct__error(CT_ERR_DTYPE, "%s: %s is %s but %s is %s; the operands must have one dtype", fn,
                     xn, ct_la_dname(x->dtype), yn, ct_la_dname(y->dtype));
  return ct_la_same_device(x, xn, y, yn, fn);
}

static ct_status ct_la_not_bool(ct_dtype d, const char *fn) {
  if (d == CT_BOOL) return ct__error(CT_ERR_DTYPE, "%s: dtype bool is not supported", fn);
  return CT_OK;
}

/* A shape for messages ("[3, 4]"), in a caller's buffer. */
#define CT_LA_SHAPE(buf, t) ct__shape_str((buf), sizeof(buf), (t)->ndim, (t)->shape)

/* Requires t to have exactly nd dims; what names the requirement ("a matrix (2-D)"). */
static ct_status ct_la_rank(const ct_tensor *t, int32_t nd, const char *name, const char *what,
                            const char *fn) {
  if (t->ndim == nd) return CT_OK;
  char s[CT__SHAPE_STR_MAX];
  return ct__error(CT_ERR_SHAPE, "%s: %s must be %s but is %s", fn, name, what, CT_LA_SHAPE(s, t));
}

/* Whether x and y may touch the same bytes (conservatively: their address ranges meet). */
static bool ct_la_overlap(const ct_tensor *x, const ct_tensor *y) {
  if (x->storage != y->storage || x->numel == 0 || y->numel == 0) return false;
  int64_t xlo = x->offset * ct__itemsize(x->dtype), ylo = y->offset * ct__itemsize(y->dtype), xhi, yhi;
  ct__strided_extent(&xhi, x->ndim, x->shape, x->strides, x->offset, ct__itemsize(x->dtype));
  ct__strided_extent(&yhi, y->ndim, y->shape, y->strides, y->offset, ct__itemsize(y->dtype));
  return xlo < yhi && ylo < xhi;
}

/*
 * out of an _out form: the result's shape, dtype (unless dtype is
 * CT_DTYPE_NONE), like's device, writable, no two elements at one address.
 */
static ct_status ct_la_check_out(const ct_tensor *out, int32_t nd, const int64_t *shape,
                                 ct_dtype dtype, const ct_tensor *like, const char *fn) {
  if (dtype != CT_DTYPE_NONE && out->dtype != dtype)
    return ct__error(CT_ERR_DTYPE, "%s: out is %s but the result is %s", fn, ct_la_dname(out->dtype),
                     ct_la_dname(dtype));
  bool same = out->ndim == nd;
  for (int32_t d = 0; same && d < nd; d++) same = out->shape[d] == shape[d];
  if (!same) {
    char s[CT__SHAPE_STR_MAX], r[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: out is %s but the result is %s (out is not resized)", fn,
                     CT_LA_SHAPE(s, out), ct__shape_str(r, sizeof r, nd, shape));
  }
  CT_TRY(ct_la_same_device(out, "out", like, "the operands", fn));
  CT_TRY(ct__check_writable(out, fn, "out"));
  for (int32_t d = 0; d < nd; d++)
    if (out->strides[d] == 0 && out->shape[d] > 1 && out->numel > 0)
      return ct__error(CT_ERR_INVALID_ARGUMENT,
                       "%s: more than one element of out refers to a single memory location (dim %d "
                       "has stride 0); clone it first", fn, (int)d);
  return CT_OK;
}

/*
 * Largest finite value a scalar for a floating dtype may have (per part for
 * complex): float16 and bfloat16 products take their scalars as float32.
 */
static double ct_la_float_max(ct_dtype d) {
  return d == CT_FLOAT64 || d == CT_COMPLEX128 ? DBL_MAX : FLT_MAX;
}

/*
 * Converts a scalar argument (one element of vd at v, NULL for 1) to dtype,
 * refusing what the dtype cannot hold by c10's overflow rule: floating
 * values must lie in the dtype's range (infinity and NaN pass for floating
 * dtypes), integers too, except that uint8 takes negative integers down to
 * -255 (they wrap); a float for an integer dtype truncates toward zero.
 */
static ct_status ct_la_scalar(ct__gemm_scalar *s, const void *v, ct_dtype vd, ct_dtype dtype,
                              const char *fn, const char *arg) {
  s->re = 1;
  s->im = 0;
  s->i = 1;
  s->zero = false;
  if (!v) return CT_OK;
  if (!ct__dtype_valid(vd))
    return ct__error(CT_ERR_DTYPE, "%s: %s_dtype = %d is not a valid dtype", fn, arg, (int)vd);
  double z[2];
  ct_dtype_convert(z, CT_COMPLEX128, v, vd, 1);
  const char *dn = ct_la_dname(dtype);
  if (ct__dtypes[dtype].is_complex) {
    double mx = ct_la_float_max(dtype);
    if ((isfinite(z[0]) && fabs(z[0]) > mx) || (isfinite(z[1]) && fabs(z[1]) > mx))
      return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s = %g%+gj cannot be converted to %s without overflow",
                       fn, arg, z[0], z[1], dn);
    s->re = z[0];
    s->im = z[1];
    s->zero = z[0] == 0 && z[1] == 0;
    return CT_OK;
  }
  if (z[1] != 0)
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s = %g%+gj cannot be converted to %s", fn, arg, z[0],
                     z[1], dn);
  if (ct__dtypes[dtype].is_floating) {
    if (isfinite(z[0]) && fabs(z[0]) > ct_la_float_max(dtype))
      return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s = %g cannot be converted to %s without overflow",
                       fn, arg, z[0], dn);
    s->re = z[0];
    s->im = 0;
    s->zero = z[0] == 0;
    return CT_OK;
  }
  int64_t lo = INT64_MIN, hi = INT64_MAX;
  switch (dtype) {
    case CT_UINT8: lo = 0, hi = 255; break;
    case CT_INT8: lo = INT8_MIN, hi = INT8_MAX; break;
    case CT_INT16: lo = INT16_MIN, hi = INT16_MAX; break;
    case CT_INT32: lo = INT32_MIN, hi = INT32_MAX; break;
    case CT_BOOL: lo = 0, hi = 1; break;
    default: break;
  }
  if (ct_la_is_integral(vd)) {
    ct_dtype_convert(&s->i, CT_INT64, v, vd, 1); /* exact, even past 2^53 */
    if (dtype == CT_UINT8) lo = -255;
    if (s->i < lo || s->i > hi)
      return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s = %lld cannot be converted to %s without overflow",
                       fn, arg, (long long)s->i, dn);
  } else {
    /* The float itself must lie in the range (2^63 is past int64's). */
    if (!(z[0] >= (double)lo && (hi == INT64_MAX ? z[0] < 9223372036854775808.0 : z[0] <= (double)hi)))
      return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s = %g cannot be converted to %s without overflow",
                       fn, arg, z[0], dn);
    s->i = (int64_t)z[0];
  }
  s->re = (double)s->i;
  s->im = 0;
  s->zero = s->i == 0;
  return CT_OK;
}

/* ---- the product ----------------------------------------------------------------------------- */

/*
 * One operand of a product as a matrix view of a tensor: its first nb dims
 * are batch dims (aligned on the right with the product's batch dims), row
 * and col are the dims holding its rows and columns, -1 where missing (a
 * 1-D operand: size 1).
 */
typedef struct ct_la_mat {
  ct_tensor *t;
  int32_t nb, row, col;
} ct_la_mat;

/* A product: c = beta * input + alpha * a @ b, c of the result's shape with rows at c_row and columns at c_col. */
typedef struct ct_la_problem {
  ct_la_mat a, b;
  int32_t c_row, c_col;
  int32_t batch_ndim;
  const int64_t *batch_shape;
  int64_t m, n, k;
  int32_t res_ndim;
  const int64_t *res_shape;
  ct_dtype dtype;
  ct_tensor *input; /* addmm, baddbmm: broadcast to the result; NULL otherwise */
  ct__gemm_scalar alpha, beta;
} ct_la_problem;

static const ct__gemm_scalar ct_la_one = {1, 0, 1, false};
static const ct__gemm_scalar ct_la_zero = {0, 0, 0, true};

/* The strides of a matrix view: per batch dim (0 where broadcast or missing), row and column. */
static void ct_la_strides(int64_t *bstrides, int64_t *rs, int64_t *cs, const ct_la_mat *x,
                          int32_t batch_ndim) {
  for (int32_t d = 0; d < batch_ndim; d++) {
    int32_t td = d - (batch_ndim - x->nb);
    bstrides[d] = td >= 0 && x->t->shape[td] != 1 ? x->t->strides[td] : 0;
  }
  *rs = x->row >= 0 ? x->t->strides[x->row] : 0;
  *cs = x->col >= 0 ? x->t->strides[x->col] : 0;
}

/*
 * Runs the product into c (allocated or checked). The batch dims are
 * simplified first: size-1 dims dropped, neighbours merged where every
 * operand's strides allow, and the innermost ones folded into the rows of a
 * and c when b is broadcast along them (or into b's and c's columns when a is).
 */
static ct_status ct_la_run(ct_tensor *c, const ct_la_problem *p, const struct ct_backend_i *be,
                           const char *fn) {
  int64_t m = p->m, n = p->n;
  if (m == 0 || n == 0) return CT_OK;
  int32_t nbd = p->batch_ndim;
  ct__dims buf;
  CT_TRY(ct__dims_init(&buf, 4 * nbd + 1, fn));
  int64_t *shape = buf.v, *st[3] = {buf.v + nbd, buf.v + 2 * nbd, buf.v + 3 * nbd};
  ct_la_mat cm = {c, nbd, p->c_row, p->c_col};
  int64_t rs[3], cs[3];
  ct_la_strides(st[0], &rs[0], &cs[0], &p->a, nbd);
  ct_la_strides(st[1], &rs[1], &cs[1], &p->b, nbd);
  ct_la_strides(st[2], &rs[2], &cs[2], &cm, nbd);

  int32_t w = 0;
  for (int32_t d = 0; d < nbd; d++) {
    if (p->batch_shape[d] == 0) {
      ct__dims_free(&buf);
      return CT_OK;
    }
    if (p->batch_shape[d] == 1) continue;
    bool merge = w > 0;
    for (int op = 0; op < 3 && merge; op++) merge = st[op][w - 1] == st[op][d] * p->batch_shape[d];
    if (merge) {
      shape[w - 1] *= p->batch_shape[d];
      for (int op = 0; op < 3; op++) st[op][w - 1] = st[op][d];
    } else {
      shape[w] = p->batch_shape[d];
      for (int op = 0; op < 3; op++) st[op][w] = st[op][d];
      w++;
    }
  }
  while (w > 0) {
    int32_t d = w - 1;
    if (st[1][d] == 0 && (m == 1 || (st[0][d] == m * rs[0] && st[2][d] == m * rs[2]))) {
      if (m == 1) rs[0] = st[0][d], rs[2] = st[2][d];
      m *= shape[d];
    } else if (st[0][d] == 0 && (n == 1 || (st[1][d] == n * cs[1] && st[2][d] == n * cs[2]))) {
      if (n == 1) cs[1] = st[1][d], cs[2] = st[2][d];
      n *= shape[d];
    } else {
      break;
    }
    w--;
  }

  ct__gemm_args g = {
    .dtype = p->dtype,
    .m = m,
    .n = n,
    .k = p->k,
    .batch_ndim = w,
    .batch_shape = shape,
    .batch_strides = {st[0], st[1], st[2]},
    .data = {ct__data(p->a.t), ct__data(p->b.t), ct__data(c)},
    .rs = {rs[0], rs[1], rs[2]},
    .cs = {cs[0], cs[1], cs[2]},
    .alpha = p->alpha,
    .beta = p->beta,
    .fn = fn,
  };
  ct_status s = be->linalg->gemm(&g);
  ct__dims_free(&buf);
  return s;
}

/*
 * The shared tail of every product: into out (checked; computed aside and
 * copied when out shares memory with a or b) or into a new tensor *result.
 */
static ct_status ct_la_compute(ct_tensor **result, ct_tensor *out, const ct_la_problem *p,
                               const char *fn) {
  if (result) *result = NULL;
  const ct_tensor *a = p->a.t;
  const struct ct_backend_i *be;
  CT_TRY(ct__backend_get(&be, a->storage->device_type, fn));
  if (!be->linalg || !be->linalg->gemm)
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: the %s backend has no matrix products", fn, be->name);
  if (out) CT_TRY(ct_la_check_out(out, p->res_ndim, p->res_shape, p->dtype, a, fn));
  ct_tensor *c = out;
  if (!out || ct_la_overlap(out, p->a.t) || ct_la_overlap(out, p->b.t))
    CT_TRY(ct__tensor_empty(&c, p->res_ndim, p->res_shape, p->dtype, be, a->storage->device_index, fn));
  ct_status s = CT_OK;
  if (p->input && !p->beta.zero) s = ct__error_in(ct_copy_(c, p->input), fn);
  if (s == CT_OK) s = ct_la_run(c, p, be, fn);
  if (s == CT_OK && out && c != out) s = ct__error_in(ct_copy_(out, c), fn);
  if (c != out && (s != CT_OK || out)) ct_tensor_release(c);
  if (s == CT_OK && !out) *result = c;
  return s;
}

/* ---- matmul, mm, bmm, mv, dot ------------------------------------------------------------------ */

/*
 * The functional and out forms of a product: the public boundary checks its
 * pointers (messages name the parameters A and B) and hands over to ct_la_<name>.
 */
#define CT_LA_FORMS(name, A, B)                                                                  \
  ct_status ct_##name(ct_tensor **out, ct_tensor *A, ct_tensor *B) {                             \
    CT_CHECK_NOT_NULL(out);                                                                      \
    *out = NULL;                                                                                 \
    CT_CHECK_NOT_NULL(A);                                                                        \
    CT_CHECK_NOT_NULL(B);                                                                        \
    return ct_la_##name(out, NULL, A, B, __func__);                                              \
  }                                                                                              \
  ct_status ct_##name##_out(ct_tensor *out, ct_tensor *A, ct_tensor *B) {                        \
    CT_CHECK_NOT_NULL(out);                                                                      \
    CT_CHECK_NOT_NULL(A);                                                                        \
    CT_CHECK_NOT_NULL(B);                                                                        \
    return ct_la_##name(NULL, out, A, B, __func__);                                              \
  }

/* The product of two matrix views without batch dims, a (m, k) and b (k, n), into c of res_shape. */
static ct_status ct_la_simple(ct_tensor **result, ct_tensor *out, ct_la_mat a, ct_la_mat b,
                              int32_t c_row, int32_t c_col, int64_t m, int64_t n, int64_t k,
                              int32_t res_ndim, const int64_t *res_shape, const char *fn) {
  ct_la_problem p = {
    .a = a, .b = b, .c_row = c_row, .c_col = c_col, .batch_ndim = 0, .batch_shape = NULL,
    .m = m, .n = n, .k = k, .res_ndim = res_ndim, .res_shape = res_shape, .dtype = a.t->dtype,
    .input = NULL, .alpha = ct_la_one, .beta = ct_la_zero,
  };
  return ct_la_compute(result, out, &p, fn);
}

static ct_status ct_la_matmul(ct_tensor **result, ct_tensor *out, ct_tensor *a, ct_tensor *b,
                              const char *fn) {
  char sa[CT__SHAPE_STR_MAX], sb[CT__SHAPE_STR_MAX];
  int32_t an = a->ndim, bn = b->ndim;
  if (an == 0 || bn == 0)
    return ct__error(CT_ERR_SHAPE, "%s: both arguments need at least 1 dim, but a is %s and b is %s", fn,
                     CT_LA_SHAPE(sa, a), CT_LA_SHAPE(sb, b));
  CT_TRY(ct_la_same(a, "a", b, "b", fn));
  int64_t m = an >= 2 ? a->shape[an - 2] : 1, k = a->shape[an - 1];
  int64_t kb = bn >= 2 ? b->shape[bn - 2] : b->shape[0], n = bn >= 2 ? b->shape[bn - 1] : 1;
  if (k != kb)
    return ct__error(CT_ERR_SHAPE, "%s: a is %s but b is %s; a's last dim (%lld) must equal b's %s (%lld)",
                     fn, CT_LA_SHAPE(sa, a), CT_LA_SHAPE(sb, b), (long long)k,
                     bn >= 2 ? "second-to-last dim" : "size", (long long)kb);
  int32_t abn = an > 2 ? an - 2 : 0, bbn = bn > 2 ? bn - 2 : 0, nb = abn > bbn ? abn : bbn;
  CT_TRY(ct_la_not_bool(a->dtype, fn));
  ct__dims dims;
  CT_TRY(ct__dims_init(&dims, 2 * nb + 2, fn));
  int64_t *batch = dims.v, *res = dims.v + nb;
  for (int32_t d = 0; d < nb; d++) {
    int32_t da = d - (nb - abn), db = d - (nb - bbn);
    int64_t x = da >= 0 ? a->shape[da] : 1, y = db >= 0 ? b->shape[db] : 1;
    if (x != y && x != 1 && y != 1) {
      ct__dims_free(&dims);
      return ct__error(CT_ERR_SHAPE, "%s: a is %s and b is %s: their batch dims cannot be broadcast "
                       "(%lld and %lld at batch dim %d)", fn, CT_LA_SHAPE(sa, a), CT_LA_SHAPE(sb, b),
                       (long long)x, (long long)y, (int)d);
    }
    batch[d] = x == 1 ? y : x;
  }
  int32_t rn = nb;
  memcpy(res, batch, (size_t)nb * sizeof(int64_t));
  if (an >= 2) res[rn++] = m;
  if (bn >= 2) res[rn++] = n;
  ct_la_problem p = {
    .a = an == 1 ? (ct_la_mat){a, 0, -1, 0} : (ct_la_mat){a, an - 2, an - 2, an - 1},
    .b = bn == 1 ? (ct_la_mat){b, 0, 0, -1} : (ct_la_mat){b, bn - 2, bn - 2, bn - 1},
    .c_row = an >= 2 ? nb : -1,
    .c_col = bn >= 2 ? rn - 1 : -1,
    .batch_ndim = nb,
    .batch_shape = batch,
    .m = m, .n = n, .k = k,
    .res_ndim = rn,
    .res_shape = res,
    .dtype = a->dtype,
    .input = NULL,
    .alpha = ct_la_one,
    .beta = ct_la_zero,
  };
  ct_status s = ct_la_compute(result, out, &p, fn);
  ct__dims_free(&dims);
  return s;
}

CT_LA_FORMS(matmul, a, b)

static ct_status ct_la_mm(ct_tensor **result, ct_tensor *out, ct_tensor *a, ct_tensor *b,
                          const char *fn) {
  CT_TRY(ct_la_rank(a, 2, "a", "a matrix (2-D)", fn));
  CT_TRY(ct_la_rank(b, 2, "b", "a matrix (2-D)", fn));
  CT_TRY(ct_la_same(a, "a", b, "b", fn));
  CT_TRY(ct_la_not_bool(a->dtype, fn));
  if (a->shape[1] != b->shape[0]) {
    char sa[CT__SHAPE_STR_MAX], sb[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: a is %s but b is %s; a's columns (%lld) must equal b's rows (%lld)",
                     fn, CT_LA_SHAPE(sa, a), CT_LA_SHAPE(sb, b), (long long)a->shape[1],
                     (long long)b->shape[0]);
  }
  int64_t res[2] = {a->shape[0], b->shape[1]};
  return ct_la_simple(result, out, (ct_la_mat){a, 0, 0, 1}, (ct_la_mat){b, 0, 0, 1}, 0, 1, res[0],
                      res[1], a->shape[1], 2, res, fn);
}

CT_LA_FORMS(mm, a, b)

/* The shapes of a batched product a (bt, m, k) @ b (bt, k, n), without broadcasting. */
static ct_status ct_la_check_bmm(const ct_tensor *a, const ct_tensor *b, const char *fn) {
  CT_TRY(ct_la_rank(a, 3, "a", "3-D", fn));
  CT_TRY(ct_la_rank(b, 3, "b", "3-D", fn));
  CT_TRY(ct_la_same(a, "a", b, "b", fn));
  CT_TRY(ct_la_not_bool(a->dtype, fn));
  if (a->shape[0] != b->shape[0] || a->shape[2] != b->shape[1]) {
    char sa[CT__SHAPE_STR_MAX], sb[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE,
                     "%s: a is %s but b is %s; the batch sizes must be equal and a's dim 2 must "
                     "equal b's dim 1", fn, CT_LA_SHAPE(sa, a), CT_LA_SHAPE(sb, b));
  }
  return CT_OK;
}

static ct_status ct_la_bmm(ct_tensor **result, ct_tensor *out, ct_tensor *a, ct_tensor *b,
                           const char *fn) {
  CT_TRY(ct_la_check_bmm(a, b, fn));
  int64_t res[3] = {a->shape[0], a->shape[1], b->shape[2]};
  ct_la_problem p = {
    .a = {a, 1, 1, 2}, .b = {b, 1, 1, 2}, .c_row = 1, .c_col = 2, .batch_ndim = 1,
    .batch_shape = res, .m = res[1], .n = res[2], .k = a->shape[2], .res_ndim = 3,
    .res_shape = res, .dtype = a->dtype, .input = NULL, .alpha = ct_la_one, .beta = ct_la_zero,
  };
  return ct_la_compute(result, out, &p, fn);
}

CT_LA_FORMS(bmm, a, b)

static ct_status ct_la_mv(ct_tensor **result, ct_tensor *out, ct_tensor *a, ct_tensor *x,
                          const char *fn) {
  CT_TRY(ct_la_rank(a, 2, "a", "a matrix (2-D)", fn));
  CT_TRY(ct_la_rank(x, 1, "x", "a vector (1-D)", fn));
  CT_TRY(ct_la_same(a, "a", x, "x", fn));
  CT_TRY(ct_la_not_bool(a->dtype, fn));
  if (a->shape[1] != x->shape[0]) {
    char sa[CT__SHAPE_STR_MAX], sx[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: a is %s but x is %s; a's columns (%lld) must equal x's size (%lld)",
                     fn, CT_LA_SHAPE(sa, a), CT_LA_SHAPE(sx, x), (long long)a->shape[1],
                     (long long)x->shape[0]);
  }
  int64_t res[1] = {a->shape[0]};
  return ct_la_simple(result, out, (ct_la_mat){a, 0, 0, 1}, (ct_la_mat){x, 0, 0, -1}, 0, -1, res[0], 1,
                      a->shape[1], 1, res, fn);
}

CT_LA_FORMS(mv, a, x)

static ct_status ct_la_dot(ct_tensor **result, ct_tensor *out, ct_tensor *a, ct_tensor *b,
                           const char *fn) {
  char sa[CT__SHAPE_STR_MAX], sb[CT__SHAPE_STR_MAX];
  if (a->ndim != 1 || b->ndim != 1)
    return ct__error(CT_ERR_SHAPE, "%s: a and b must be 1-D but are %s and %s", fn, CT_LA_SHAPE(sa, a),
                     CT_LA_SHAPE(sb, b));
  CT_TRY(ct_la_same(a, "a", b, "b", fn));
  CT_TRY(ct_la_not_bool(a->dtype, fn));
  if (a->shape[0] != b->shape[0])
    return ct__error(CT_ERR_SHAPE, "%s: a is %s but b is %s; they must have the same number of elements",
                     fn, CT_LA_SHAPE(sa, a), CT_LA_SHAPE(sb, b));
  return ct_la_simple(result, out, (ct_la_mat){a, 0, -1, 0}, (ct_la_mat){b, 0, 0, -1}, -1, -1, 1, 1,
                      a->shape[0], 0, NULL, fn);
}

CT_LA_FORMS(dot, a, b)

/* ---- outer ------------------------------------------------------------------------------------ */

/*
 * a[i] * b[j] as a product with k = 1 (exact: one multiplication each, in
 * float32 for float16 and bfloat16, rounded once). into: out's dtype may
 * differ from the promoted one when the promoted one casts to it.
 */
static ct_status ct_la_outer(ct_tensor **result, ct_tensor *out, ct_tensor *a, ct_tensor *b,
                             const char *fn) {
  char sa[CT__SHAPE_STR_MAX], sb[CT__SHAPE_STR_MAX];
  if (a->ndim != 1 || b->ndim != 1)
    return ct__error(CT_ERR_SHAPE, "%s: a and b must be 1-D but are %s and %s", fn, CT_LA_SHAPE(sa, a),
                     CT_LA_SHAPE(sb, b));
  CT_TRY(ct_la_same_device(a, "a", b, "b", fn));
  ct_dtype dt = ct__promote_types(a->dtype, b->dtype);
  int64_t res[2] = {a->shape[0], b->shape[0]};
  ct_tensor *out_exact = out;
  if (out) {
    CT_TRY(ct_la_check_out(out, 2, res, CT_DTYPE_NONE, a, fn));
    if (out->dtype != dt) {
      if (!ct__can_cast(dt, out->dtype))
        return ct__error(CT_ERR_DTYPE, "%s: the result dtype %s can't be cast to out's dtype %s", fn,
                         ct_la_dname(dt), ct_la_dname(out->dtype));
      out_exact = NULL;
    }
  }
  ct_tensor *ca = NULL, *cb = NULL, *tmp = NULL;
  ct_status s = ct__error_in(ct_to(&ca, a, dt, CT_DEVICE_NONE, -1, false), fn);
  if (s == CT_OK) s = ct__error_in(ct_to(&cb, b, dt, CT_DEVICE_NONE, -1, false), fn);
  if (s == CT_OK)
    s = ct_la_simple(out_exact ? NULL : &tmp, out_exact, (ct_la_mat){ca, 0, 0, -1},
                     (ct_la_mat){cb, 0, -1, 0}, 0, 1, res[0], res[1], 1, 2, res, fn);
  if (s == CT_OK && out && !out_exact) s = ct__error_in(ct_copy_(out, tmp), fn);
  if (s == CT_OK && !out) {
    *result = tmp;
    tmp = NULL;
  }
  ct_tensor_release(tmp);
  ct_tensor_release(ca);
  ct_tensor_release(cb);
  return s;
}

CT_LA_FORMS(outer, a, b)

/* ---- addmm, baddbmm --------------------------------------------------------------------------- */

/* input of addmm/baddbmm: one dtype and device with a, broadcastable to res (exactly res in place). */
static ct_status ct_la_check_input(const ct_tensor *input, const ct_tensor *a, int32_t nd,
                                   const int64_t *res, bool in_place, const char *fn) {
  CT_TRY(ct_la_same(input, "input", a, "a", fn));
  bool ok = input->ndim <= nd;
  for (int32_t d = 0; ok && d < input->ndim; d++) {
    int64_t x = input->shape[d], y = res[nd - input->ndim + d];
    ok = x == y || (x == 1 && !in_place);
  }
  if (in_place) ok = ok && input->ndim == nd;
  if (!ok) {
    char si[CT__SHAPE_STR_MAX], sr[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, in_place ? "%s: input is %s but the product is %s"
                                            : "%s: input of shape %s cannot be broadcast to %s",
                     fn, CT_LA_SHAPE(si, input), ct__shape_str(sr, sizeof sr, nd, res));
  }
  return CT_OK;
}

static ct_status ct_la_addmm(ct_tensor **result, ct_tensor *out, ct_tensor *input, ct_tensor *a,
                             ct_tensor *b, const void *beta, ct_dtype beta_dtype, const void *alpha,
                             ct_dtype alpha_dtype, bool in_place, const char *fn) {
  CT_TRY(ct_la_rank(a, 2, "a", "a matrix (2-D)", fn));
  CT_TRY(ct_la_rank(b, 2, "b", "a matrix (2-D)", fn));
  CT_TRY(ct_la_same(a, "a", b, "b", fn));
  CT_TRY(ct_la_not_bool(a->dtype, fn));
  if (a->shape[1] != b->shape[0]) {
    char sa[CT__SHAPE_STR_MAX], sb[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: a is %s but b is %s; a's columns (%lld) must equal b's rows (%lld)",
                     fn, CT_LA_SHAPE(sa, a), CT_LA_SHAPE(sb, b), (long long)a->shape[1],
                     (long long)b->shape[0]);
  }
  int64_t res[2] = {a->shape[0], b->shape[1]};
  CT_TRY(ct_la_check_input(input, a, 2, res, in_place, fn));
  ct_la_problem p = {
    .a = {a, 0, 0, 1}, .b = {b, 0, 0, 1}, .c_row = 0, .c_col = 1, .batch_ndim = 0,
    .batch_shape = NULL, .m = res[0], .n = res[1], .k = a->shape[1], .res_ndim = 2,
    .res_shape = res, .dtype = a->dtype, .input = input,
  };
  CT_TRY(ct_la_scalar(&p.beta, beta, beta_dtype, a->dtype, fn, "beta"));
  CT_TRY(ct_la_scalar(&p.alpha, alpha, alpha_dtype, a->dtype, fn, "alpha"));
  return ct_la_compute(result, out, &p, fn);
}

ct_status ct_addmm(ct_tensor **out, ct_tensor *input, ct_tensor *a, ct_tensor *b, const void *beta,
                   ct_dtype beta_dtype, const void *alpha, ct_dtype alpha_dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(input);
  CT_CHECK_NOT_NULL(a);
  CT_CHECK_NOT_NULL(b);
  return ct_la_addmm(out, NULL, input, a, b, beta, beta_dtype, alpha, alpha_dtype, false, __func__);
}

ct_status ct_addmm_out(ct_tensor *out, ct_tensor *input, ct_tensor *a, ct_tensor *b, const void *beta,
                       ct_dtype beta_dtype, const void *alpha, ct_dtype alpha_dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(input);
  CT_CHECK_NOT_NULL(a);
  CT_CHECK_NOT_NULL(b);
  return ct_la_addmm(NULL, out, input, a, b, beta, beta_dtype, alpha, alpha_dtype, false, __func__);
}

ct_status ct_addmm_(ct_tensor *input, ct_tensor *a, ct_tensor *b, const void *beta,
                    ct_dtype beta_dtype, const void *alpha, ct_dtype alpha_dtype) {
  CT_CHECK_NOT_NULL(input);
  CT_CHECK_NOT_NULL(a);
  CT_CHECK_NOT_NULL(b);
  return ct_la_addmm(NULL, input, input, a, b, beta, beta_dtype, alpha, alpha_dtype, true, __func__);
}

static ct_status ct_la_baddbmm(ct_tensor **result, ct_tensor *out, ct_tensor *input, ct_tensor *a,
                               ct_tensor *b, const void *beta, ct_dtype beta_dtype,
                               const void *alpha, ct_dtype alpha_dtype, bool in_place,
                               const char *fn) {
  CT_TRY(ct_la_check_bmm(a, b, fn));
  int64_t res[3] = {a->shape[0], a->shape[1], b->shape[2]};
  CT_TRY(ct_la_check_input(input, a, 3, res, in_place, fn));
  ct_la_problem p = {
    .a = {a, 1, 1, 2}, .b = {b, 1, 1, 2}, .c_row = 1, .c_col = 2, .batch_ndim = 1,
    .batch_shape = res, .m = res[1], .n = res[2], .k = a->shape[2], .res_ndim = 3,
    .res_shape = res, .dtype = a->dtype, .input = input,
  };
  CT_TRY(ct_la_scalar(&p.beta, beta, beta_dtype, a->dtype, fn, "beta"));
  CT_TRY(ct_la_scalar(&p.alpha, alpha, alpha_dtype, a->dtype, fn, "alpha"));
  return ct_la_compute(result, out, &p, fn);
}

ct_status ct_baddbmm(ct_tensor **out, ct_tensor *input, ct_tensor *a, ct_tensor *b, const void *beta,
                     ct_dtype beta_dtype, const void *alpha, ct_dtype alpha_dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(input);
  CT_CHECK_NOT_NULL(a);
  CT_CHECK_NOT_NULL(b);
  return ct_la_baddbmm(out, NULL, input, a, b, beta, beta_dtype, alpha, alpha_dtype, false, __func__);
}

ct_status ct_baddbmm_out(ct_tensor *out, ct_tensor *input, ct_tensor *a, ct_tensor *b,
                         const void *beta, ct_dtype beta_dtype, const void *alpha,
                         ct_dtype alpha_dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(input);
  CT_CHECK_NOT_NULL(a);
  CT_CHECK_NOT_NULL(b);
  return ct_la_baddbmm(NULL, out, input, a, b, beta, beta_dtype, alpha, alpha_dtype, false, __func__);
}

ct_status ct_baddbmm_(ct_tensor *input, ct_tensor *a, ct_tensor *b, const void *beta,
                      ct_dtype beta_dtype, const void *alpha, ct_dtype alpha_dtype) {
  CT_CHECK_NOT_NULL(input);
  CT_CHECK_NOT_NULL(a);
  CT_CHECK_NOT_NULL(b);
  return ct_la_baddbmm(NULL, input, input, a, b, beta, beta_dtype, alpha, alpha_dtype, true, __func__);
}

/* ---- einsum ----------------------------------------------------------------------------------- */

/*
 * Subscripts are labels: the letters A-Z as 0-25 and a-z as 26-51 (so that
 * sorting labels sorts A-Z before a-z, as PyTorch's implicit output does),
 * then the dims under the ellipses as 52, 53, ..., right-aligned so that the
 * ellipses of the operands broadcast against each other.
 */
enum { CT_LA_LETTERS = 52, CT_LA_ELL = -1 };

static int ct_la_letter(char ch) {
  if (ch >= 'A' && ch <= 'Z') return ch - 'A';
  if (ch >= 'a' && ch <= 'z') return 26 + (ch - 'a');
  return -1;
}

/* A label for messages: "subscript 'j'" or "an ellipsis dim". */
static const char *ct_la_label_str(char *buf, size_t size, int64_t l) {
  if (l < CT_LA_LETTERS)
    snprintf(buf, size, "subscript '%c'", (char)(l < 26 ? 'A' + l : 'a' + (l - 26)));
  else
    snprintf(buf, size, "ellipsis dim %d", (int)(l - CT_LA_LETTERS));
  return buf;
}

/* The parsed equation: nterms terms (the inputs, then the output when arrow), items CT_LA_ELL or letters. */
typedef struct ct_la_eq {
  int32_t nin;
  bool arrow;
  int32_t *start, *len, *item;
} ct_la_eq;

static ct_status ct_la_parse(ct_la_eq *e, const char *eq, const char *fn) {
  size_t n = strlen(eq);
  int32_t commas = 0;
  for (size_t i = 0; i < n; i++) commas += eq[i] == ',';
  if (n > INT32_MAX / 2)
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: the equation is too long", fn);
  size_t nterms = (size_t)commas + 2;
  int32_t *mem;
  CT_TRY(ct__alloc_or_error((void **)&mem, (2 * nterms + n + 1) * sizeof(int32_t), fn, "the equation"));
  e->start = mem;
  e->len = mem + nterms;
  e->item = mem + 2 * nterms;
  e->arrow = false;
  int32_t term = 0, count = 0;
  bool ell = false;
  e->start[0] = 0;
  e->len[0] = 0;
  for (size_t i = 0; i < n; i++) {
    char ch = eq[i];
    if (ch == ' ') continue;
    int l = ct_la_letter(ch);
    if (l >= 0) {
      e->item[count++] = l;
      e->len[term]++;
    } else if (ch == '.') {
      if (i + 2 >= n || eq[i + 1] != '.' || eq[i + 2] != '.') {
        ct__free(mem);
        return ct__error(CT_ERR_INVALID_ARGUMENT,
                         "%s: '.' at index %d of the equation is not part of an ellipsis", fn, (int)i);
      }
      if (ell) {
        ct__free(mem);
        return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s%d of the equation has a second ellipsis at index %d",
                         fn, e->arrow ? "the output" : "operand ", e->arrow ? 0 : (int)term, (int)i);
      }
      ell = true;
      e->item[count++] = CT_LA_ELL;
      e->len[term]++;
      i += 2;
    } else if (ch == ',' && !e->arrow) {
      term++;
      e->start[term] = count;
      e->len[term] = 0;
      ell = false;
    } else if (ch == '-' && !e->arrow && i + 1 < n && eq[i + 1] == '>') {
      e->arrow = true;
      term++;
      e->start[term] = count;
      e->len[term] = 0;
      ell = false;
      i++;
    } else {
      ct__free(mem);
      return ct__error(CT_ERR_INVALID_ARGUMENT,
                       "%s: invalid subscript '%c' at index %d of the equation; subscripts must be in "
                       "[a-zA-Z]", fn, ch, (int)i);
    }
  }
  e->nin = e->arrow ? term : term + 1;
  return CT_OK;
}

/*
 * Merges a group of dims (sizes sz, strides st, cnt of them) into one dim
 * when the strides allow; an empty group is one dim of size 1.
 */
static bool ct_la_merge(int64_t *size, int64_t *stride, const int64_t *sz, const int64_t *st,
                        int32_t cnt) {
  int64_t total = 1, inner = 0, span = 0;
  bool any = false;
  for (int32_t d = cnt - 1; d >= 0; d--) {
    if (sz[d] == 1) continue;
    if (sz[d] == 0) {
      *size = 0;
      *stride = 0;
      return true;
    }
    if (!any) {
      inner = st[d];
      span = st[d] * sz[d];
      any = true;
    } else {
      if (st[d] != span) return false;
      span *= sz[d];
    }
    total *= sz[d];
  }
  *size = total;
  *stride = inner;
  return true;
}

/* The working state of one einsum call: per label and per operand. */
typedef struct ct_la_ein {
  int32_t nl;           /* labels: letters, then ellipsis dims */
  int64_t *lsize;       /* per label: its (broadcast) size, -1 when unused */
  int64_t *count;       /* per label: occurrences in the inputs */
  int64_t *outpos;      /* per label: position in the output, -1 when summed */
  int64_t *osize[2];    /* per operand and label: its own size, -1 when absent */
  int64_t *ostride[2];  /* per operand and label: its stride (summed over repeats: a diagonal) */
  int64_t *out;         /* the output labels */
  int32_t nout;
  int64_t *work;        /* 6 * nl scratch for views */
} ct_la_ein;

/*
 * A view of operand op (tensor t) with dims for the labels lab[0 .. cnt-1]:
 * each label's size, and the operand's stride where it has the label at that
 * size (0 where it lacks it or broadcasts it).
 */
static void ct_la_label_dims(int64_t *sz, int64_t *st, const ct_la_ein *w, int op, const int64_t *lab,
                             int32_t cnt) {
  for (int32_t i = 0; i < cnt; i++) {
    int64_t l = lab[i];
    sz[i] = w->lsize[l];
    st[i] = op >= 0 && w->osize[op][l] == w->lsize[l] ? w->ostride[op][l] : 0;
  }
}

/*
 * The matrix view [batch..., rows, cols] of operand op over the label groups
 * gb (batch), g1 (rows), g2 (cols): made dense first when a group's dims do
 * not merge. t's strides must be those ostride[op] was filled from.
 */
static ct_status ct_la_group_view(ct_tensor **view, ct_tensor *t, const ct_la_ein *w, int op,
                                  const int64_t *gb, int32_t nb, const int64_t *g1, int32_t n1,
                                  const int64_t *g2, int32_t n2, const char *fn) {
  int32_t nd = nb + n1 + n2;
  int64_t *sz = w->work, *st = w->work + w->nl, *vsz = w->work + 2 * w->nl, *vst = w->work + 3 * w->nl;
  ct_la_label_dims(sz, st, w, op, gb, nb);
  ct_la_label_dims(sz + nb, st + nb, w, op, g1, n1);
  ct_la_label_dims(sz + nb + n1, st + nb + n1, w, op, g2, n2);
  memcpy(vsz, sz, (size_t)nb * sizeof(int64_t));
  memcpy(vst, st, (size_t)nb * sizeof(int64_t));
  ct_tensor *base = t, *dense = NULL;
  if (!ct_la_merge(&vsz[nb], &vst[nb], sz + nb, st + nb, n1) ||
      !ct_la_merge(&vsz[nb + 1], &vst[nb + 1], sz + nb + n1, st + nb + n1, n2)) {
    /* A copy laid out as [batch..., g1..., g2...], in which every group merges. */
    ct_tensor *full;
    CT_TRY(ct__tensor_make(&full, t->storage, t->dtype, nd, sz, st, t->offset, fn));
    ct_status s = ct__error_in(ct_contiguous(&dense, full), fn);
    ct_tensor_release(full);
    CT_TRY(s);
    base = dense;
    memcpy(vst, dense->strides, (size_t)nb * sizeof(int64_t));
    ct_la_merge(&vsz[nb], &vst[nb], sz + nb, dense->strides + nb, n1);
    ct_la_merge(&vsz[nb + 1], &vst[nb + 1], sz + nb + n1, dense->strides + nb + n1, n2);
  }
  ct_status s = ct__tensor_make(view, base->storage, base->dtype, nb + 2, vsz, vst, base->offset, fn);
  ct_tensor_release(dense);
  return s;
}

/*
 * The contraction of t0 and t1 (t1 may be a 0-d tensor without labels: a
 * sum over t0's own labels) into a new tensor with the output's dims: the
 * labels split into batch (in both and the output), rows (t0's alone in the
 * output), columns (t1's) and the summed rest, and one batched product
 * [batch, M, K] @ [batch, K, N] computes them; the result views its
 * [batch, M, N] storage in the output's order.
 */
static ct_status ct_la_contract(ct_tensor **result, ct_tensor *t0, ct_tensor *t1, bool t1_labelled,
                                ct_la_ein *w, const char *fn) {
  int64_t *gb = w->work + 4 * w->nl, *gm = gb + w->nl, *gn = gm + w->nl, *gk = gn + w->nl;
  int32_t nb = 0, nm = 0, nn = 0, nk = 0;
  for (int32_t p = 0; p < w->nout; p++) {
    int64_t l = w->out[p];
    bool in0 = w->osize[0][l] >= 0, in1 = t1_labelled && w->osize[1][l] >= 0;
    if (in0 && in1)
      gb[nb++] = l;
    else if (in0)
      gm[nm++] = l;
    else
      gn[nn++] = l;
  }
  for (int32_t l = 0; l < w->nl; l++)
    if (w->outpos[l] < 0 && w->count[l] > 0) gk[nk++] = l;

  ct_tensor *va = NULL, *vb = NULL, *c = NULL;
  ct__dims dims;
  CT_TRY(ct__dims_init(&dims, nb + 2 + w->nout * 2, fn));
  int64_t *cshape = dims.v, *rshape = dims.v + nb + 2, *rstride = rshape + w->nout;
  ct_status s = ct_la_group_view(&va, t0, w, 0, gb, nb, gm, nm, gk, nk, fn);
  if (s == CT_OK) s = ct_la_group_view(&vb, t1, w, t1_labelled ? 1 : -1, gb, nb, gk, nk, gn, nn, fn);
  if (s == CT_OK) {
    int64_t mt = 1, nt = 1;
    for (int32_t i = 0; i < nb; i++) cshape[i] = w->lsize[gb[i]];
    for (int32_t i = 0; i < nm; i++) mt *= w->lsize[gm[i]];
    for (int32_t i = 0; i < nn; i++) nt *= w->lsize[gn[i]];
    cshape[nb] = mt;
    cshape[nb + 1] = nt;
    ct_la_problem p = {
      .a = {va, nb, nb, nb + 1}, .b = {vb, nb, nb, nb + 1}, .c_row = nb, .c_col = nb + 1,
      .batch_ndim = nb, .batch_shape = cshape, .m = mt, .n = nt, .k = va->shape[nb + 1],
      .res_ndim = nb + 2, .res_shape = cshape, .dtype = va->dtype, .input = NULL,
      .alpha = ct_la_one, .beta = ct_la_zero,
    };
    s = ct_la_compute(&c, NULL, &p, fn);
  }
  if (s == CT_OK) {
    /* c is row-major [batch..., M, N] with M = gm's labels, N = gn's, each row-major inside. */
    int64_t run = 1;
    for (int32_t i = nn - 1; i >= 0; i--) {
      rstride[w->outpos[gn[i]]] = run;
      run *= w->lsize[gn[i]] ? w->lsize[gn[i]] : 1;
    }
    for (int32_t i = nm - 1; i >= 0; i--) {
      rstride[w->outpos[gm[i]]] = run;
      run *= w->lsize[gm[i]] ? w->lsize[gm[i]] : 1;
    }
    for (int32_t i = 0; i < nb; i++) rstride[w->outpos[gb[i]]] = c->strides[i];
    for (int32_t p = 0; p < w->nout; p++) rshape[p] = w->lsize[w->out[p]];
    s = ct__tensor_make(result, c->storage, c->dtype, w->nout, rshape, rstride, 0, fn);
  }
  ct_tensor_release(c);
  ct_tensor_release(va);
  ct_tensor_release(vb);
  ct__dims_free(&dims);
  return s;
}

/* Reads the operands' dims into w's per-label tables (sizes, strides, counts), checking sizes. */
static ct_status ct_la_ein_dims(ct_la_ein *w, ct_tensor *const *ops, int32_t n, const ct_la_eq *e,
                                int32_t nell, const char *fn) {
  char lb[48];
  for (int32_t i = 0; i < n; i++) {
    const ct_tensor *t = ops[i];
    int32_t d = 0, e_i = t->ndim - (e->len[i] - 1);
    for (int32_t j = 0; j < e->len[i]; j++) {
      int32_t it = e->item[e->start[i] + j];
      int32_t nlab = it == CT_LA_ELL ? e_i : 1;
      for (int32_t q = 0; q < nlab; q++, d++) {
        int64_t l = it == CT_LA_ELL ? CT_LA_LETTERS + (nell - e_i) + q : it;
        int64_t s = t->shape[d];
        w->count[l]++;
        if (w->osize[i][l] >= 0) {
          if (w->osize[i][l] != s)
            return ct__error(CT_ERR_SHAPE, "%s: %s is repeated for operand %d but its sizes differ, %lld and %lld",
                             fn, ct_la_label_str(lb, sizeof lb, l), (int)i, (long long)w->osize[i][l],
                             (long long)s);
          w->ostride[i][l] += t->strides[d];
        } else {
          w->osize[i][l] = s;
          w->ostride[i][l] = t->strides[d];
        }
      }
    }
  }
  for (int32_t i = 0; i < n; i++)
    for (int32_t l = 0; l < w->nl; l++) {
      int64_t s = w->osize[i][l];
      if (s < 0) continue;
      if (w->lsize[l] < 0 || w->lsize[l] == 1)
        w->lsize[l] = s;
      else if (s != 1 && s != w->lsize[l])
        return ct__error(CT_ERR_SHAPE, "%s: %s has size %lld for operand %d, which does not broadcast with size %lld",
                         fn, ct_la_label_str(lb, sizeof lb, l), (long long)s, (int)i, (long long)w->lsize[l]);
    }
  return CT_OK;
}

/* The output labels: the explicit ones after "->", or PyTorch's implicit order. */
static ct_status ct_la_ein_output(ct_la_ein *w, const ct_la_eq *e, int32_t nell, const char *fn) {
  char lb[48];
  w->nout = 0;
  if (e->arrow) {
    int32_t o = e->nin;
    for (int32_t j = 0; j < e->len[o]; j++) {
      int32_t it = e->item[e->start[o] + j];
      if (it == CT_LA_ELL) {
        for (int32_t q = 0; q < nell; q++) w->out[w->nout++] = CT_LA_LETTERS + q;
        continue;
      }
      if (w->count[it] == 0)
        return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: output %s does not appear in any operand", fn,
                         ct_la_label_str(lb, sizeof lb, it));
      for (int32_t p = 0; p < w->nout; p++)
        if (w->out[p] == it)
          return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: output %s appears more than once in the output",
                           fn, ct_la_label_str(lb, sizeof lb, it));
      w->out[w->nout++] = it;
    }
  } else {
    for (int32_t q = 0; q < nell; q++) w->out[w->nout++] = CT_LA_LETTERS + q;
    for (int32_t l = 0; l < CT_LA_LETTERS; l++)
      if (w->count[l] == 1) w->out[w->nout++] = l;
  }
  for (int32_t p = 0; p < w->nout; p++) w->outpos[w->out[p]] = p;
  return CT_OK;
}

static ct_status ct_la_einsum(ct_tensor **result, const ct_la_eq *e, ct_tensor *const *ops,
                              int32_t n, const char *fn) {
  char lb[48];
  /* Dims under each operand's ellipsis, and the most of them. */
  int32_t nell = 0;
  for (int32_t i = 0; i < n; i++) {
    bool has_ell = false;
    for (int32_t j = 0; j < e->len[i]; j++) has_ell |= e->item[e->start[i] + j] == CT_LA_ELL;
    int32_t letters = e->len[i] - (has_ell ? 1 : 0);
    if (has_ell ? ops[i]->ndim < letters : ops[i]->ndim != letters)
      return ct__error(CT_ERR_SHAPE, "%s: operand %d has %d dims but the equation gives it %d subscripts%s",
                       fn, (int)i, (int)ops[i]->ndim, (int)letters, has_ell ? " and an ellipsis" : "");
    if (has_ell && ops[i]->ndim - letters > nell) nell = ops[i]->ndim - letters;
  }
  ct_la_ein w = {.nl = CT_LA_LETTERS + nell};
  int64_t *mem;
  size_t nl = (size_t)w.nl;
  CT_TRY(ct__alloc_or_error((void **)&mem, 18 * nl * sizeof(int64_t), fn, "einsum's tables"));
  w.lsize = mem;
  w.count = mem + nl;
  w.outpos = mem + 2 * nl;
  w.osize[0] = mem + 3 * nl;
  w.osize[1] = mem + 4 * nl;
  w.ostride[0] = mem + 5 * nl;
  w.ostride[1] = mem + 6 * nl;
  w.out = mem + 7 * nl;
  w.work = mem + 8 * nl; /* 10 * nl: dims of views, then the four label groups */
  for (size_t l = 0; l < nl; l++) {
    w.lsize[l] = w.outpos[l] = w.osize[0][l] = w.osize[1][l] = -1;
    w.count[l] = w.ostride[0][l] = w.ostride[1][l] = 0;
  }
  ct_tensor *conv[2] = {NULL, NULL}, *ones = NULL;
  ct_status s = ct_la_ein_dims(&w, ops, n, e, nell, fn);
  if (s == CT_OK) s = ct_la_ein_output(&w, e, nell, fn);
  if (s != CT_OK) goto done;

  /* Summed labels: in both operands (a contraction) or in one alone. */
  bool contraction = false, own_sum = false;
  int64_t summed = -1;
  for (int32_t l = 0; l < w.nl; l++) {
    if (w.outpos[l] >= 0 || w.count[l] == 0) continue;
    bool in0 = w.osize[0][l] >= 0, in1 = n == 2 && w.osize[1][l] >= 0;
    if (in0 && in1)
      contraction = true, summed = l;
    else
      own_sum = true;
  }
  ct_dtype dt = ops[0]->dtype;
  if (n == 1 && !own_sum) {
    /* A permutation (with diagonals): a view, as PyTorch. */
    int64_t *sz = w.work, *st = w.work + w.nl;
    ct_la_label_dims(sz, st, &w, 0, w.out, w.nout);
    s = ct__tensor_make(result, ops[0]->storage, dt, w.nout, sz, st, ops[0]->offset, fn);
    goto done;
  }
  /* PyTorch sums an operand's own labels with torch.sum first, which gives int64 for integers and bool. */
  ct_dtype wdt = own_sum && ct_la_is_integral(dt) ? CT_INT64 : dt;
  if (wdt == CT_BOOL && contraction) {
    s = ct__error(CT_ERR_DTYPE, "%s: dtype bool is not supported for a contraction (%s is summed)", fn,
                  ct_la_label_str(lb, sizeof lb, summed));
    goto done;
  }
  for (int32_t i = 0; i < n && s == CT_OK; i++) {
    s = ct__error_in(ct_to(&conv[i], ops[i], wdt, CT_DEVICE_NONE, -1, false), fn);
    if (s == CT_OK && conv[i] != ops[i]) {
      /* The copy has its own strides: read them again (sizes and counts are unchanged). */
      for (int32_t l = 0; l < w.nl; l++) w.osize[i][l] = -1, w.ostride[i][l] = 0;
      int32_t d = 0, e_i = conv[i]->ndim - (e->len[i] - 1);
      for (int32_t j = 0; j < e->len[i]; j++) {
        int32_t it = e->item[e->start[i] + j];
        int32_t nlab = it == CT_LA_ELL ? e_i : 1;
        for (int32_t q = 0; q < nlab; q++, d++) {
          int64_t l = it == CT_LA_ELL ? CT_LA_LETTERS + (nell - e_i) + q : it;
          if (w.osize[i][l] >= 0) {
            w.ostride[i][l] += conv[i]->strides[d];
          } else {
            w.osize[i][l] = conv[i]->shape[d];
            w.ostride[i][l] = conv[i]->strides[d];
          }
        }
      }
    }
  }
  if (s != CT_OK) goto done;
  if (n == 1) {
    s = ct__error_in(ct_ones(&ones, 0, NULL, wdt, ops[0]->storage->device_type, ops[0]->storage->device_index),
                     fn);
    if (s == CT_OK) s = ct_la_contract(result, conv[0], ones, false, &w, fn);
  } else {
    s = ct_la_contract(result, conv[0], conv[1], true, &w, fn);
  }
done:
  ct_tensor_release(conv[0]);
  ct_tensor_release(conv[1]);
  ct_tensor_release(ones);
  ct__free(mem);
  return s;
}

ct_status ct_einsum(ct_tensor **out, const char *equation, ct_tensor *const *operands, int32_t n) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(equation);
  CT_CHECK_ARG(n >= 1, CT_ERR_INVALID_ARGUMENT, "ct_einsum: n = %d must be >= 1", (int)n);
  CT_CHECK_NOT_NULL(operands);
  for (int32_t i = 0; i < n; i++)
    CT_CHECK_ARG(operands[i] != NULL, CT_ERR_INVALID_ARGUMENT, "ct_einsum: operands[%d] is NULL", (int)i);
  ct_la_eq e = {0};
  CT_TRY(ct_la_parse(&e, equation, __func__));
  ct_status s = CT_OK;
  if (e.nin != n)
    s = ct__error(CT_ERR_INVALID_ARGUMENT, "ct_einsum: the equation \"%s\" has %d operands but n = %d",
                  equation, (int)e.nin, (int)n);
  else if (n > 2)
    s = ct__error(CT_ERR_NOT_IMPLEMENTED,
                  "ct_einsum: %d operands: only one or two are supported (contract them pairwise)", (int)n);
  for (int32_t i = 1; i < n && s == CT_OK; i++) {
    char an[32];
    snprintf(an, sizeof an, "operands[%d]", (int)i);
    s = ct_la_same(operands[i], an, operands[0], "operands[0]", __func__);
  }
  if (s == CT_OK) s = ct_la_einsum(out, &e, operands, n, __func__);
  ct__free(e.start);
  return s;
}

ct_status ct_linalg_backend(const char **name) {
  CT_CHECK_NOT_NULL(name);
  *name = ct_cpu_backend.linalg && ct_cpu_backend.linalg->impl ? ct_cpu_backend.linalg->impl : "none";
  return CT_OK;
}
