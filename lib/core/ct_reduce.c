/*
 * ct_reduce.c: front ends of the reduce family: reductions, scans, softmax,
 * sort, topk and unique.
 *
 * Each public function validates its arguments, works out the reduced dims,
 * the result shape and PyTorch's result dtype, converts x to the dtype the
 * kernel reads when PyTorch would compute in another one (sum(x, dtype=) and
 * friends), allocates the results and hands everything to the backend's
 * reduce table. Outputs that share memory with x (or with each other) are
 * computed into a temporary and copied in at the end.
 */
#include <math.h>
#include <string.h>

#include "ct_reduce.h"

/* ---- dtypes --------------------------------------------------------------------------------- */

static bool ct__is_integral(ct_dtype d) { return d >= CT_BOOL && d <= CT_INT64; }
static bool ct__is_float(ct_dtype d) { return ct__dtypes[d].is_floating; }
static bool ct__is_cplx(ct_dtype d) { return ct__dtypes[d].is_complex; }
static const char *ct__dname(ct_dtype d) { return ct__dtypes[d].name; }

static ct_status ct__no_complex(const ct_tensor *x, const char *fn) {
  CT_CHECK_ARG(!ct__is_cplx(x->dtype), CT_ERR_DTYPE, "%s: dtype %s is not supported", fn,
               ct__dname(x->dtype));
  return CT_OK;
}

/* ---- reduced dims --------------------------------------------------------------------------- */

/* A reduction's dims: which of x's dims are reduced, the element count of each, the result shape. */
typedef struct ct__rdims {
  int32_t ndim;  /* x's ndim (the kernel's view) */
  bool *reduced; /* ndim flags */
  bool inline_mask[CT__DIMS_INLINE];
  bool keepdim;     /* the result has ndim dims, size 1 where reduced */
  bool all;         /* no dims were named */
  bool flat;        /* x is read flattened to one dim (ndim is then 1) */
  int64_t m;        /* elements reduced into each output */
  int32_t zero_dim; /* a reduced dim of size 0, or -1 */
  ct__dims shape;   /* the result shape */
} ct__rdims;

static void ct__rdims_free(ct__rdims *r) {
  if (r->reduced != r->inline_mask) ct__free(r->reduced);
  r->reduced = r->inline_mask;
  ct__dims_free(&r->shape);
}

/* Fills r from a dims list (ndims = 0: every dim); free with ct__rdims_free also after an error. */
static ct_status ct__rdims_init(ct__rdims *r, const ct_tensor *x, const int64_t *dims,
                                int32_t ndims, bool keepdim, const char *fn) {
  int32_t nd = x->ndim;
  r->ndim = nd;
  r->reduced = r->inline_mask;
  r->keepdim = keepdim;
  r->all = ndims == 0;
  r->flat = false;
  r->shape.v = r->shape.inline_v;
  r->shape.ndim = 0;
  CT_CHECK_ARG(ndims >= 0, CT_ERR_INVALID_ARGUMENT, "%s: ndims = %d is negative", fn, (int)ndims);
  CT_CHECK_ARG(ndims == 0 || dims, CT_ERR_INVALID_ARGUMENT, "%s: dims is NULL but ndims = %d", fn,
               (int)ndims);
  if (nd > CT__DIMS_INLINE)
    CT_TRY(ct__alloc_or_error((void **)&r->reduced, (size_t)nd, fn, "the reduced dims"));
  for (int32_t d = 0; d < nd; d++) r->reduced[d] = ndims == 0;
  bool seen0 = false; /* a 0-d x takes dim 0 (or -1) once */
  for (int32_t i = 0; i < ndims; i++) {
    int32_t d;
    CT_TRY(ct__wrap_dim(&d, dims[i], nd > 0 ? nd : 1, fn));
    bool *seen = nd > 0 ? &r->reduced[d] : &seen0;
    CT_CHECK_ARG(!*seen, CT_ERR_INVALID_ARGUMENT,
                 "%s: dim %d appears multiple times in the list of dims", fn, (int)d);
    *seen = true;
  }
  r->m = 1;
  r->zero_dim = -1;
  int32_t kept = 0;
  for (int32_t d = 0; d < nd; d++) {
    if (r->reduced[d]) {
      r->m *= x->shape[d];
      if (x->shape[d] == 0 && r->zero_dim < 0) r->zero_dim = d;
    } else {
      kept++;
    }
  }
  CT_TRY(ct__dims_init(&r->shape, keepdim ? nd : kept, fn));
  for (int32_t d = 0, k = 0; d < nd; d++) {
    if (keepdim)
      r->shape.v[d] = r->reduced[d] ? 1 : x->shape[d];
    else if (!r->reduced[d])
      r->shape.v[k++] = x->shape[d];
  }
  return CT_OK;
}

/*
 * A reduction over the flattened x (argmax with dim=None): x viewed as 1-d,
 * its one dim reduced; the result has keepdim ? x's ndim ones : no dims.
 */
static ct_status ct__rdims_flat(ct__rdims *r, const ct_tensor *x, bool keepdim, const char *fn) {
  r->ndim = 1;
  r->reduced = r->inline_mask;
  r->reduced[0] = true;
  r->keepdim = false; /* the result has no kept dims to map */
  r->all = true;
  r->flat = true;
  r->m = x->numel;
  r->zero_dim = x->numel == 0 ? 0 : -1;
  r->shape.v = r->shape.inline_v;
  CT_TRY(ct__dims_init(&r->shape, keepdim ? x->ndim : 0, fn));
  for (int32_t d = 0; d < r->shape.ndim; d++) r->shape.v[d] = 1;
  return CT_OK;
}

/*
 * The kernel's view of a result res (shaped r->shape): r->ndim dims, size 1
 * and stride 0 where reduced, res's sizes and strides elsewhere.
 */
static ct_status ct__rdims_view(ct_tensor **v, ct_tensor *res, const ct__rdims *r,
                                const ct_tensor *x, const char *fn) {
  ct__dims shape, strides;
  CT_TRY(ct__dims_init(&shape, r->ndim, fn));
  ct_status s = ct__dims_init(&strides, r->ndim, fn);
  if (s != CT_OK) {
    ct__dims_free(&shape);
    return s;
  }
  for (int32_t d = 0, k = 0; d < r->ndim; d++) {
    if (r->reduced[d]) {
      shape.v[d] = 1;
      strides.v[d] = 0;
      if (r->keepdim) k++;
    } else {
      int32_t rd = r->keepdim ? d : k++;
      shape.v[d] = x->shape[d];
      strides.v[d] = res->strides[rd];
    }
  }
  s = ct__tensor_make(v, res->storage, res->dtype, r->ndim, shape.v, strides.v, res->offset, fn);
  ct__dims_free(&shape);
  ct__dims_free(&strides);
  return s;
}

/* ---- outputs -------------------------------------------------------------------------------- */

/* Checks an out tensor against the result it must receive (shape, dtype, device, writes). */
static ct_status ct__check_out(const ct_tensor *out, const ct_tensor *x, int32_t ndim,
                               const int64_t *shape, ct_dtype dtype, const char *fn,
                               const char *arg) {
  char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
  if (out->ndim != ndim || (ndim > 0 && memcmp(out->shape, shape, (size_t)ndim * sizeof(int64_t))))
    return ct__error(CT_ERR_SHAPE, "%s: %s has shape %s but the result has shape %s", fn, arg,
                     ct__shape_str(a, sizeof a, out->ndim, out->shape),
                     ct__shape_str(b, sizeof b, ndim, shape));
  CT_CHECK_ARG(out->dtype == dtype, CT_ERR_DTYPE, "%s: %s has dtype %s but the result has dtype %s",
               fn, arg, ct__dname(out->dtype), ct__dname(dtype));
  CT_CHECK_ARG(out->storage->device_type == x->storage->device_type &&
                   out->storage->device_index == x->storage->device_index,
               CT_ERR_DEVICE, "%s: %s is on device %d:%d but x is on device %d:%d", fn, arg,
               (int)out->storage->device_type, (int)out->storage->device_index,
               (int)x->storage->device_type, (int)x->storage->device_index);
  CT_TRY(ct__check_writable(out, fn, arg));
  for (int32_t d = 0; d < out->ndim; d++)
    CT_CHECK_ARG(out->strides[d] != 0 || out->shape[d] <= 1 || out->numel == 0, CT_ERR_INVALID_ARGUMENT,
                 "%s: more than one element of %s refers to a single memory location (dim %d has "
                 "stride 0)",
                 fn, arg, (int)d);
  return CT_OK;
}

/* The reduce kernels of x's device. */
static ct_status ct__reduce_backend(const struct ct_backend_reduce_i **out, const ct_tensor *x,
                                    const char *fn) {
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, x->storage->device_type, fn));
  CT_CHECK_ARG(b->reduce != NULL, CT_ERR_NOT_IMPLEMENTED,
               "%s: the %s backend has no reduce kernels", fn, b->name);
  *out = b->reduce;
  return CT_OK;
}

/*
 * x as dtype, contiguous when contig: a new reference to x itself when it
 * already is, else a converted row-major copy (errors name fn).
 */
static ct_status ct__as(ct_tensor **out, ct_tensor *x, ct_dtype dtype, bool contig, const char *fn) {
  if (x->dtype == dtype && (!contig || ct__is_contiguous(x))) {
    atomic_fetch_add(&x->refcount, 1);
    *out = x;
    return CT_OK;
  }
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, x->storage->device_type, fn));
  ct_tensor *c;
  CT_TRY(ct__tensor_empty(&c, x->ndim, x->shape, dtype, b, x->storage->device_index, fn));
  ct_status s = ct__error_in(ct_copy_(c, x), fn);
  if (s != CT_OK) {
    ct_tensor_release(c);
    return s;
  }
  *out = c;
  return CT_OK;
}

/*
 * Where a kernel writes one result: the given out, or a fresh tensor (when
 * out is NULL, or when it shares memory with x or with avoid and must be
 * filled through a temporary). *tmp is set when a temporary was made.
 */
static ct_status ct__target(ct_tensor **target, bool *tmp, ct_tensor *out, const ct_tensor *x,
                            const ct_tensor *avoid, int32_t ndim, const int64_t *shape,
                            ct_dtype dtype, const char *fn) {
  *tmp = false;
  if (out && out->storage != x->storage && (!avoid || out->storage != avoid->storage)) {
    atomic_fetch_add(&out->refcount, 1);
    *target = out;
    return CT_OK;
  }
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, x->storage->device_type, fn));
  CT_TRY(ct__tensor_empty(target, ndim, shape, dtype, b, x->storage->device_index, fn));
  *tmp = out != NULL;
  return CT_OK;
}

/* What a reduction computes. */
typedef struct ct__red_req {
  const char *fn;
  ct__reduce_args args;
  ct_dtype in_dtype; /* x is converted to this first */
  ct_dtype dt1, dt2; /* result dtypes; dt2 CT_DTYPE_NONE: no second result */
} ct__red_req;

/*
 * Runs a reduction: into out1 (and out2) when out1 is given, else into new
 * tensors returned through res1 (and res2 when not NULL; the kernel's second
 * result is skipped when res2 is NULL).
 */
static ct_status ct__red_exec(ct_tensor **res1, ct_tensor **res2, ct_tensor *out1, ct_tensor *out2,
                              ct_tensor *x, const ct__rdims *r, const ct__red_req *q) {
  const char *fn = q->fn;
  const struct ct_backend_reduce_i *k;
  CT_TRY(ct__reduce_backend(&k, x, fn));
  bool two = q->dt2 != CT_DTYPE_NONE && (out1 ? out2 != NULL : res2 != NULL);
  if (out1) {
    CT_TRY(ct__check_out(out1, x, r->shape.ndim, r->shape.v, q->dt1, fn,
                         q->dt2 == CT_DTYPE_NONE ? "out" : "indices"));
    if (two) CT_TRY(ct__check_out(out2, x, r->shape.ndim, r->shape.v, q->dt2, fn, "values"));
  }
  ct_tensor *xk = NULL, *t1 = NULL, *t2 = NULL, *v1 = NULL, *v2 = NULL;
  bool tmp1 = false, tmp2 = false;
  ct_status s = ct__as(&xk, x, q->in_dtype, r->flat, fn);
  if (s == CT_OK) s = ct__target(&t1, &tmp1, out1, x, NULL, r->shape.ndim, r->shape.v, q->dt1, fn);
  if (s == CT_OK && two)
    s = ct__target(&t2, &tmp2, out2, x, out1, r->shape.ndim, r->shape.v, q->dt2, fn);
  if (s == CT_OK) s = ct__rdims_view(&v1, t1, r, xk, fn);
  if (s == CT_OK && two) s = ct__rdims_view(&v2, t2, r, xk, fn);
  if (s == CT_OK && r->flat && xk->ndim != 1) {
    /* The flattened form: the kernel reads the contiguous x as one dim. */
    ct_tensor *flat = NULL;
    int64_t n = xk->numel;
    s = ct__tensor_make(&flat, xk->storage, xk->dtype, 1, &n, NULL, xk->offset, fn);
    ct_tensor_release(xk);
    xk = flat;
  }
  if (s == CT_OK) s = k->reduce(v1, v2, xk, r->reduced, &q->args, fn);
  if (s == CT_OK && tmp1) s = ct__error_in(ct_copy_(out1, t1), fn);
  if (s == CT_OK && tmp2) s = ct__error_in(ct_copy_(out2, t2), fn);
  ct_tensor_release(v1);
  ct_tensor_release(v2);
  ct_tensor_release(xk);
  if (s == CT_OK && !out1) {
    *res1 = t1;
    if (two) *res2 = t2;
  } else {
    ct_tensor_release(t1);
    ct_tensor_release(t2);
  }
  return s;
}

/* The common tail of the dims-list reductions: parse dims, run, clean up. */
static ct_status ct__red_dims(ct_tensor **res1, ct_tensor **res2, ct_tensor *out1, ct_tensor *out2,
                              ct_tensor *x, const int64_t *dims, int32_t ndims, bool keepdim,
                              const ct__red_req *q, bool needs_elements) {
  ct__rdims r;
  ct_status s = ct__rdims_init(&r, x, dims, ndims, keepdim, q->fn);
  if (s == CT_OK && needs_elements && r.m == 0) {
    if (r.all)
      s = ct__error(CT_ERR_SHAPE,
                    "%s: the reduction cannot be performed on a zero-size dimension: x is empty "
                    "and has no identity; specify dim",
                    q->fn);
    else
      s = ct__error(CT_ERR_SHAPE,
                    "%s: the reduction cannot be performed on a zero-size dimension (dim %d has "
                    "size 0)",
                    q->fn, (int)r.zero_dim);
  }
  if (s == CT_OK) s = ct__red_exec(res1, res2, out1, out2, x, &r, q);
  ct__rdims_free(&r);
  return s;
}

/* ---- sum, prod, mean ------------------------------------------------------------------------ */

static ct_status ct__sum_like(ct_tensor **res, ct_tensor *out, ct_tensor *x, const int64_t *dims,
                              int32_t ndims, bool keepdim, ct_dtype dtype, int32_t kind,
                              const char *fn) {
  if (dtype != CT_DTYPE_NONE) CT_TRY(ct__check_dtype(dtype, fn, "dtype"));
  if (kind == CT__RED_MEAN && dtype == CT_DTYPE_NONE)
    CT_CHECK_ARG(ct__is_float(x->dtype) || ct__is_cplx(x->dtype), CT_ERR_DTYPE,
                 "%s: could not infer the output dtype: x's dtype %s must be a floating point or "
                 "complex dtype (pass a floating dtype)",
                 fn, ct__dname(x->dtype));
  if (out && dtype == CT_DTYPE_NONE) dtype = out->dtype;
  if (kind == CT__RED_MEAN && dtype != CT_DTYPE_NONE)
    CT_CHECK_ARG(ct__is_float(dtype) || ct__is_cplx(dtype), CT_ERR_DTYPE,
                 "%s: dtype %s must be a floating point or complex dtype", fn, ct__dname(dtype));
  ct_dtype r = dtype != CT_DTYPE_NONE ? dtype : ct__is_integral(x->dtype) ? CT_INT64 : x->dtype;
  /* Integer sums wrap the same in int64 as in any narrower integer type: no conversion needed. */
  ct_dtype in =
      kind != CT__RED_MEAN && ct__is_integral(r) && ct__is_integral(x->dtype) ? x->dtype : r;
  ct__red_req q = {fn, {kind, 0, 0}, in, r, CT_DTYPE_NONE};
  return ct__red_dims(res, NULL, out, NULL, x, dims, ndims, keepdim, &q, false);
}

ct_status ct_sum(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims, bool keepdim,
                 ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__sum_like(out, NULL, x, dims, ndims, keepdim, dtype, CT__RED_SUM, __func__);
}

ct_status ct_sum_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims, bool keepdim,
                     ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__sum_like(NULL, out, x, dims, ndims, keepdim, dtype, CT__RED_SUM, __func__);
}

ct_status ct_prod(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims, bool keepdim,
                  ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__sum_like(out, NULL, x, dims, ndims, keepdim, dtype, CT__RED_PROD, __func__);
}

ct_status ct_prod_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                      bool keepdim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__sum_like(NULL, out, x, dims, ndims, keepdim, dtype, CT__RED_PROD, __func__);
}

ct_status ct_mean(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims, bool keepdim,
                  ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__sum_like(out, NULL, x, dims, ndims, keepdim, dtype, CT__RED_MEAN, __func__);
}

ct_status ct_mean_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                      bool keepdim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__sum_like(NULL, out, x, dims, ndims, keepdim, dtype, CT__RED_MEAN, __func__);
}

/* ---- logsumexp ------------------------------------------------------------------------------ */

static ct_status ct__logsumexp(ct_tensor **res, ct_tensor *out, ct_tensor *x, const int64_t *dims,
                               int32_t ndims, bool keepdim, const char *fn) {
  CT_TRY(ct__no_complex(x, fn));
  ct_dtype r = ct__is_integral(x->dtype) ? ct__default_dtype() : x->dtype;
  ct__red_req q = {fn, {CT__RED_LOGSUMEXP, 0, 0}, r, r, CT_DTYPE_NONE};
  return ct__red_dims(res, NULL, out, NULL, x, dims, ndims, keepdim, &q, false);
}

ct_status ct_logsumexp(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                       bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__logsumexp(out, NULL, x, dims, ndims, keepdim, __func__);
}

ct_status ct_logsumexp_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                           bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__logsumexp(NULL, out, x, dims, ndims, keepdim, __func__);
}

/*
 * The functional and out forms of a dims-list reduction whose implementation
 * takes a reduction kind: pointers are checked here, the rest by impl.
 */
#define CT__RED_KIND_FORMS(name, impl, kind)                                                     \
  ct_status ct_##name(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,         \
                      bool keepdim) {                                                            \
    CT_CHECK_NOT_NULL(out);                                                                      \
    *out = NULL;                                                                                 \
    CT_CHECK_NOT_NULL(x);                                                                        \
    return impl(out, NULL, x, dims, ndims, keepdim, kind, __func__);                             \
  }                                                                                              \
  ct_status ct_##name##_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,    \
                            bool keepdim) {                                                      \
    CT_CHECK_NOT_NULL(out);                                                                      \
    CT_CHECK_NOT_NULL(x);                                                                        \
    return impl(NULL, out, x, dims, ndims, keepdim, kind, __func__);                             \
  }

/* ---- extrema -------------------------------------------------------------------------------- */

static ct_status ct__amax_like(ct_tensor **res, ct_tensor *out, ct_tensor *x, const int64_t *dims,
                               int32_t ndims, bool keepdim, int32_t kind, const char *fn) {
  CT_TRY(ct__no_complex(x, fn));
  ct__red_req q = {fn, {kind, 0, 0}, x->dtype, x->dtype, CT_DTYPE_NONE};
  return ct__red_dims(res, NULL, out, NULL, x, dims, ndims, keepdim, &q, true);
}

CT__RED_KIND_FORMS(amax, ct__amax_like, CT__RED_MAX)

CT__RED_KIND_FORMS(amin, ct__amax_like, CT__RED_MIN)

ct_status ct_max(ct_tensor **out, ct_tensor *x) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__amax_like(out, NULL, x, NULL, 0, false, CT__RED_MAX, __func__);
}

ct_status ct_min(ct_tensor **out, ct_tensor *x) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__amax_like(out, NULL, x, NULL, 0, false, CT__RED_MIN, __func__);
}

/* max/min along one dim: the kernel's first result is the index, its second the value. */
static ct_status ct__max_dim(ct_tensor **values, ct_tensor **indices, ct_tensor *vout,
                             ct_tensor *iout, ct_tensor *x, int64_t dim, bool keepdim, int32_t kind,
                             const char *fn) {
  CT_TRY(ct__no_complex(x, fn));
  ct__red_req q = {fn, {kind, 0, 0}, x->dtype, CT_INT64, x->dtype};
  return ct__red_dims(indices, values, iout, vout, x, &dim, 1, keepdim, &q, true);
}

ct_status ct_max_dim(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t dim,
                     bool keepdim) {
  if (values) *values = NULL;
  if (indices) *indices = NULL;
  CT_CHECK_NOT_NULL(values);
  CT_CHECK_NOT_NULL(indices);
  CT_CHECK_NOT_NULL(x);
  return ct__max_dim(values, indices, NULL, NULL, x, dim, keepdim, CT__RED_ARGMAX, __func__);
}

ct_status ct_max_dim_out(ct_tensor *values, ct_tensor *indices, ct_tensor *x, int64_t dim,
                         bool keepdim) {
  CT_CHECK_NOT_NULL(values);
  CT_CHECK_NOT_NULL(indices);
  CT_CHECK_NOT_NULL(x);
  return ct__max_dim(NULL, NULL, values, indices, x, dim, keepdim, CT__RED_ARGMAX, __func__);
}

ct_status ct_min_dim(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t dim,
                     bool keepdim) {
  if (values) *values = NULL;
  if (indices) *indices = NULL;
  CT_CHECK_NOT_NULL(values);
  CT_CHECK_NOT_NULL(indices);
  CT_CHECK_NOT_NULL(x);
  return ct__max_dim(values, indices, NULL, NULL, x, dim, keepdim, CT__RED_ARGMIN, __func__);
}

ct_status ct_min_dim_out(ct_tensor *values, ct_tensor *indices, ct_tensor *x, int64_t dim,
                         bool keepdim) {
  CT_CHECK_NOT_NULL(values);
  CT_CHECK_NOT_NULL(indices);
  CT_CHECK_NOT_NULL(x);
  return ct__max_dim(NULL, NULL, values, indices, x, dim, keepdim, CT__RED_ARGMIN, __func__);
}

static ct_status ct__argmax(ct_tensor **res, ct_tensor *out, ct_tensor *x, const int64_t *dim,
                            bool keepdim, int32_t kind, const char *fn) {
  CT_CHECK_ARG(!ct__is_cplx(x->dtype) && x->dtype != CT_BOOL, CT_ERR_DTYPE,
               "%s: dtype %s is not supported", fn, ct__dname(x->dtype));
  ct__red_req q = {fn, {kind, 0, 0}, x->dtype, CT_INT64, CT_DTYPE_NONE};
  if (dim) return ct__red_dims(res, NULL, out, NULL, x, dim, 1, keepdim, &q, true);
  ct__rdims r;
  ct_status s = ct__rdims_flat(&r, x, keepdim, fn);
  if (s == CT_OK && x->numel == 0)
    s = ct__error(CT_ERR_SHAPE,
                  "%s: the reduction cannot be performed on a zero-size dimension: x is empty; "
                  "specify dim",
                  fn);
  if (s == CT_OK) s = ct__red_exec(res, NULL, out, NULL, x, &r, &q);
  ct__rdims_free(&r);
  return s;
}

ct_status ct_argmax(ct_tensor **out, ct_tensor *x, const int64_t *dim, bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__argmax(out, NULL, x, dim, keepdim, CT__RED_ARGMAX, __func__);
}

ct_status ct_argmax_out(ct_tensor *out, ct_tensor *x, const int64_t *dim, bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__argmax(NULL, out, x, dim, keepdim, CT__RED_ARGMAX, __func__);
}

ct_status ct_argmin(ct_tensor **out, ct_tensor *x, const int64_t *dim, bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__argmax(out, NULL, x, dim, keepdim, CT__RED_ARGMIN, __func__);
}

ct_status ct_argmin_out(ct_tensor *out, ct_tensor *x, const int64_t *dim, bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__argmax(NULL, out, x, dim, keepdim, CT__RED_ARGMIN, __func__);
}

/* ---- var, std, norm ------------------------------------------------------------------------- */

static ct_status ct__var(ct_tensor **res, ct_tensor **mean, ct_tensor *out, ct_tensor *x,
                         const int64_t *dims, int32_t ndims, double correction, bool keepdim,
                         int32_t kind, const char *fn) {
  CT_CHECK_ARG(ct__is_float(x->dtype) || ct__is_cplx(x->dtype), CT_ERR_DTYPE,
               "%s: std and var only support floating point and complex dtypes, not %s", fn,
               ct__dname(x->dtype));
  ct__red_req q = {
      fn, {kind, 0, correction}, x->dtype, ct__to_real(x->dtype), mean ? x->dtype : CT_DTYPE_NONE};
  return ct__red_dims(res, mean, out, NULL, x, dims, ndims, keepdim, &q, false);
}

ct_status ct_var(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                 double correction, bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__var(out, NULL, NULL, x, dims, ndims, correction, keepdim, CT__RED_VAR, __func__);
}

ct_status ct_var_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                     double correction, bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__var(NULL, NULL, out, x, dims, ndims, correction, keepdim, CT__RED_VAR, __func__);
}

ct_status ct_std(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                 double correction, bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__var(out, NULL, NULL, x, dims, ndims, correction, keepdim, CT__RED_STD, __func__);
}

ct_status ct_std_out(ct_tensor *out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                     double correction, bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__var(NULL, NULL, out, x, dims, ndims, correction, keepdim, CT__RED_STD, __func__);
}

ct_status ct_var_mean(ct_tensor **var, ct_tensor **mean, ct_tensor *x, const int64_t *dims,
                      int32_t ndims, double correction, bool keepdim) {
  if (var) *var = NULL;
  if (mean) *mean = NULL;
  CT_CHECK_NOT_NULL(var);
  CT_CHECK_NOT_NULL(mean);
  CT_CHECK_NOT_NULL(x);
  return ct__var(var, mean, NULL, x, dims, ndims, correction, keepdim, CT__RED_VAR, __func__);
}

ct_status ct_std_mean(ct_tensor **std, ct_tensor **mean, ct_tensor *x, const int64_t *dims,
                      int32_t ndims, double correction, bool keepdim) {
  if (std) *std = NULL;
  if (mean) *mean = NULL;
  CT_CHECK_NOT_NULL(std);
  CT_CHECK_NOT_NULL(mean);
  CT_CHECK_NOT_NULL(x);
  return ct__var(std, mean, NULL, x, dims, ndims, correction, keepdim, CT__RED_STD, __func__);
}

static ct_status ct__norm(ct_tensor **res, ct_tensor *out, ct_tensor *x, double p,
                          const int64_t *dims, int32_t ndims, bool keepdim, ct_dtype dtype,
                          const char *fn) {
  CT_CHECK_ARG(ct__is_float(x->dtype) || ct__is_cplx(x->dtype), CT_ERR_DTYPE,
               "%s: x must be a floating point or complex tensor, not %s", fn, ct__dname(x->dtype));
  if (dtype == CT_DTYPE_NONE) dtype = x->dtype;
  CT_TRY(ct__check_dtype(dtype, fn, "dtype"));
  if (ct__is_cplx(x->dtype))
    CT_CHECK_ARG(ct__is_cplx(dtype), CT_ERR_DTYPE, "%s: dtype %s must be complex for a complex x",
                 fn, ct__dname(dtype));
  else
    CT_CHECK_ARG(ct__is_float(dtype), CT_ERR_DTYPE,
                 "%s: dtype %s must be floating point for a real x", fn, ct__dname(dtype));
  CT_CHECK_ARG(ct__promote_types(x->dtype, dtype) == dtype, CT_ERR_DTYPE,
               "%s: x's dtype %s cannot be converted to dtype %s without narrowing", fn,
               ct__dname(x->dtype), ct__dname(dtype));
  CT_CHECK_ARG(!isnan(p), CT_ERR_INVALID_ARGUMENT, "%s: p is NaN", fn);
  ct__red_req q = {fn, {CT__RED_NORM, p, 0}, dtype, ct__to_real(dtype), CT_DTYPE_NONE};
  ct__rdims r;
  ct_status s = ct__rdims_init(&r, x, dims, ndims, keepdim, fn);
  if (s == CT_OK && r.m == 0 && (p < 0 || isinf(p)))
    s = ct__error(CT_ERR_SHAPE,
                  "%s: cannot compute the %g norm of an empty reduction (zero-size dimension): it "
                  "has no identity",
                  fn, p);
  if (s == CT_OK) s = ct__red_exec(res, NULL, out, NULL, x, &r, &q);
  ct__rdims_free(&r);
  return s;
}

ct_status ct_norm(ct_tensor **out, ct_tensor *x, double p, const int64_t *dims, int32_t ndims,
                  bool keepdim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__norm(out, NULL, x, p, dims, ndims, keepdim, dtype, __func__);
}

ct_status ct_norm_out(ct_tensor *out, ct_tensor *x, double p, const int64_t *dims, int32_t ndims,
                      bool keepdim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__norm(NULL, out, x, p, dims, ndims, keepdim, dtype, __func__);
}

ct_status ct_norm_fro(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims,
                      bool keepdim) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__norm(out, NULL, x, 2, dims, ndims, keepdim, CT_DTYPE_NONE, __func__);
}

/* ---- all, any, count_nonzero ---------------------------------------------------------------- */

static ct_status ct__logical(ct_tensor **res, ct_tensor *out, ct_tensor *x, const int64_t *dims,
                             int32_t ndims, bool keepdim, int32_t kind, const char *fn) {
  ct__red_req q = {
      fn, {kind, 0, 0}, x->dtype, kind == CT__RED_COUNT_NZ ? CT_INT64 : CT_BOOL, CT_DTYPE_NONE};
  return ct__red_dims(res, NULL, out, NULL, x, dims, ndims, keepdim, &q, false);
}

CT__RED_KIND_FORMS(all, ct__logical, CT__RED_ALL)

CT__RED_KIND_FORMS(any, ct__logical, CT__RED_ANY)

ct_status ct_count_nonzero(ct_tensor **out, ct_tensor *x, const int64_t *dims, int32_t ndims) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__logical(out, NULL, x, dims, ndims, false, CT__RED_COUNT_NZ, __func__);
}

/* ---- whole-shape results along one dim: scans, softmax -------------------------------------- */

/*
 * Runs kernel(target, xk) for an op whose result has x's shape and dtype r:
 * into out when given (checked), else into a new tensor in *res. xk is x
 * converted to in.
 */
typedef ct_status (*ct__line_kernel)(const struct ct_backend_reduce_i *k, ct_tensor *dst,
                                     ct_tensor *x, int32_t dim, int32_t arg, const char *fn);

static ct_status ct__line_exec(ct_tensor **res, ct_tensor *out, ct_tensor *x, int64_t dim,
                               ct_dtype in, ct_dtype r, ct__line_kernel kernel, int32_t arg,
                               const char *fn) {
  int32_t d;
  CT_TRY(ct__wrap_dim(&d, dim, x->ndim > 0 ? x->ndim : 1, fn));
  const struct ct_backend_reduce_i *k;
  CT_TRY(ct__reduce_backend(&k, x, fn));
  if (out) CT_TRY(ct__check_out(out, x, x->ndim, x->shape, r, fn, "out"));
  ct_tensor *xk = NULL, *t = NULL;
  bool tmp = false;
  ct_status s = ct__as(&xk, x, in, false, fn);
  if (s == CT_OK) s = ct__target(&t, &tmp, out, x, NULL, x->ndim, x->shape, r, fn);
  if (s == CT_OK) s = kernel(k, t, xk, d, arg, fn);
  if (s == CT_OK && tmp) s = ct__error_in(ct_copy_(out, t), fn);
  ct_tensor_release(xk);
  if (s == CT_OK && !out)
    *res = t;
  else
    ct_tensor_release(t);
  return s;
}

static ct_status ct__scan_kernel(const struct ct_backend_reduce_i *k, ct_tensor *dst, ct_tensor *x,
                                 int32_t dim, int32_t kind, const char *fn) {
  return k->scan(dst, x, dim, kind, fn);
}

static ct_status ct__scan(ct_tensor **res, ct_tensor *out, ct_tensor *x, int64_t dim,
                          ct_dtype dtype, int32_t kind, const char *fn) {
  if (dtype != CT_DTYPE_NONE) CT_TRY(ct__check_dtype(dtype, fn, "dtype"));
  if (out && dtype == CT_DTYPE_NONE) dtype = out->dtype;
  ct_dtype r = dtype != CT_DTYPE_NONE ? dtype : ct__is_integral(x->dtype) ? CT_INT64 : x->dtype;
  ct_dtype in = ct__is_integral(r) && ct__is_integral(x->dtype) ? x->dtype : r;
  return ct__line_exec(res, out, x, dim, in, r, ct__scan_kernel, kind, fn);
}

ct_status ct_cumsum(ct_tensor **out, ct_tensor *x, int64_t dim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__scan(out, NULL, x, dim, dtype, CT__SCAN_CUMSUM, __func__);
}

ct_status ct_cumsum_out(ct_tensor *out, ct_tensor *x, int64_t dim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__scan(NULL, out, x, dim, dtype, CT__SCAN_CUMSUM, __func__);
}

ct_status ct_cumsum_(ct_tensor *x, int64_t dim) {
  CT_CHECK_NOT_NULL(x);
  return ct__scan(NULL, x, x, dim, x->dtype, CT__SCAN_CUMSUM, __func__);
}

ct_status ct_cumprod(ct_tensor **out, ct_tensor *x, int64_t dim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__scan(out, NULL, x, dim, dtype, CT__SCAN_CUMPROD, __func__);
}

ct_status ct_cumprod_out(ct_tensor *out, ct_tensor *x, int64_t dim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__scan(NULL, out, x, dim, dtype, CT__SCAN_CUMPROD, __func__);
}

ct_status ct_cumprod_(ct_tensor *x, int64_t dim) {
  CT_CHECK_NOT_NULL(x);
  return ct__scan(NULL, x, x, dim, x->dtype, CT__SCAN_CUMPROD, __func__);
}

static ct_status ct__softmax_kernel(const struct ct_backend_reduce_i *k, ct_tensor *dst,
                                    ct_tensor *x, int32_t dim, int32_t log_, const char *fn) {
  return k->softmax(dst, x, dim, log_ != 0, fn);
}

static ct_status ct__softmax(ct_tensor **res, ct_tensor *out, ct_tensor *x, int64_t dim,
                             ct_dtype dtype, bool log_, const char *fn) {
  if (dtype != CT_DTYPE_NONE) CT_TRY(ct__check_dtype(dtype, fn, "dtype"));
  ct_dtype r = dtype != CT_DTYPE_NONE ? dtype : x->dtype;
  CT_CHECK_ARG(ct__is_float(r), CT_ERR_DTYPE,
               "%s: dtype %s is not supported (a floating point x or dtype is needed)", fn,
               ct__dname(r));
  return ct__line_exec(res, out, x, dim, r, r, ct__softmax_kernel, log_, fn);
}

ct_status ct_softmax(ct_tensor **out, ct_tensor *x, int64_t dim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__softmax(out, NULL, x, dim, dtype, false, __func__);
}

ct_status ct_softmax_out(ct_tensor *out, ct_tensor *x, int64_t dim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__softmax(NULL, out, x, dim, dtype, false, __func__);
}

ct_status ct_log_softmax(ct_tensor **out, ct_tensor *x, int64_t dim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__softmax(out, NULL, x, dim, dtype, true, __func__);
}

ct_status ct_log_softmax_out(ct_tensor *out, ct_tensor *x, int64_t dim, ct_dtype dtype) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  return ct__softmax(NULL, out, x, dim, dtype, true, __func__);
}

/* ---- sort, argsort, topk, unique ------------------------------------------------------------ */

/* Sorts x along dim keeping the first k of each line into new values and/or indices. */
static ct_status ct__sort(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t dim,
                          bool descending, const int64_t *k, const char *fn) {
  CT_TRY(ct__no_complex(x, fn));
  int32_t d;
  CT_TRY(ct__wrap_dim(&d, dim, x->ndim > 0 ? x->ndim : 1, fn));
  int64_t n = x->ndim > 0 ? x->shape[d] : 1, keep = n;
  if (k) {
    CT_CHECK_ARG(*k >= 0 && *k <= n, CT_ERR_INDEX,
                 "%s: k = %lld is out of range [0, %lld] (the size of dim %d): selected index k "
                 "out of range",
                 fn, (long long)*k, (long long)n, (int)d);
    keep = x->ndim > 0 ? *k : 1; /* a 0-d x keeps its element, even for k = 0, as PyTorch */
  }
  const struct ct_backend_reduce_i *kr;
  CT_TRY(ct__reduce_backend(&kr, x, fn));
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, x->storage->device_type, fn));
  ct__dims shape;
  CT_TRY(ct__dims_init(&shape, x->ndim, fn));
  if (x->ndim > 0) memcpy(shape.v, x->shape, (size_t)x->ndim * sizeof(int64_t));
  if (x->ndim > 0) shape.v[d] = keep;
  ct_tensor *v = NULL, *ix = NULL;
  ct_status s = CT_OK;
  if (values) s = ct__tensor_empty(&v, x->ndim, shape.v, x->dtype, b, x->storage->device_index, fn);
  if (s == CT_OK && indices)
    s = ct__tensor_empty(&ix, x->ndim, shape.v, CT_INT64, b, x->storage->device_index, fn);
  if (s == CT_OK) s = kr->sort(v, ix, x, d, descending, keep, fn);
  ct__dims_free(&shape);
  if (s != CT_OK) {
    ct_tensor_release(v);
    ct_tensor_release(ix);
    return s;
  }
  if (values) *values = v;
  if (indices) *indices = ix;
  return CT_OK;
}

ct_status ct_sort(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t dim,
                  bool descending, bool stable) {
  (void)stable; /* always stable */
  if (values) *values = NULL;
  if (indices) *indices = NULL;
  CT_CHECK_ARG(values || indices, CT_ERR_INVALID_ARGUMENT, "%s: values and indices are both NULL",
               __func__);
  CT_CHECK_NOT_NULL(x);
  return ct__sort(values, indices, x, dim, descending, NULL, __func__);
}

ct_status ct_argsort(ct_tensor **out, ct_tensor *x, int64_t dim, bool descending, bool stable) {
  (void)stable;
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(x);
  return ct__sort(NULL, out, x, dim, descending, NULL, __func__);
}

ct_status ct_topk(ct_tensor **values, ct_tensor **indices, ct_tensor *x, int64_t k, int64_t dim,
                  bool largest, bool sorted) {
  (void)sorted; /* always sorted */
  if (values) *values = NULL;
  if (indices) *indices = NULL;
  CT_CHECK_NOT_NULL(values);
  CT_CHECK_NOT_NULL(indices);
  CT_CHECK_NOT_NULL(x);
  CT_CHECK_ARG(x->dtype != CT_BOOL, CT_ERR_DTYPE, "%s: dtype bool is not supported", __func__);
  return ct__sort(values, indices, x, dim, largest, &k, __func__);
}

ct_status ct_unique(ct_tensor **out, ct_tensor **inverse, ct_tensor **counts, ct_tensor *x,
                    bool sorted) {
  (void)sorted; /* always sorted */
  if (out) *out = NULL;
  if (inverse) *inverse = NULL;
  if (counts) *counts = NULL;
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(x);
  CT_TRY(ct__no_complex(x, __func__));
  const struct ct_backend_reduce_i *k;
  CT_TRY(ct__reduce_backend(&k, x, __func__));
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, x->storage->device_type, __func__));
  ct_tensor *c = NULL, *inv = NULL, *vals = NULL, *cnt = NULL;
  ct_status s = ct__as(&c, x, x->dtype, true, __func__);
  if (s == CT_OK && inverse)
    s = ct__tensor_empty(&inv, x->ndim, x->shape, CT_INT64, b, x->storage->device_index, __func__);
  if (s == CT_OK) s = k->unique(&vals, inv, counts ? &cnt : NULL, c, __func__);
  ct_tensor_release(c);
  if (s != CT_OK) {
    ct_tensor_release(inv);
    return s;
  }
  *out = vals;
  if (inverse) *inverse = inv;
  if (counts) *counts = cnt;
  return CT_OK;
}
