/*
 * ct_view.c: views: new tensor headers over the same storage (view, reshape,
 * transpose, permute, squeeze, expand, narrow, select, slice, diagonal,
 * unfold, movedim, real and imaginary parts).
 *
 * Each function computes the new shape, strides and offset from t's and
 * hands them to ct__tensor_make; no kernel runs, except in the copy that
 * reshape (and flatten) fall back to when no view can express the result.
 * The read-only flag lives in the storage, so views keep it.
 */
#include <stdio.h>
#include <string.h>

#include "ct_index.h"

/* ---- shared helpers ------------------------------------------------------------------------ */

ct_status ct__dim_arg(int32_t *out, int64_t dim, int32_t n, int32_t ndim, const char *fn,
                      const char *arg) {
  if (dim < -(int64_t)n || dim >= n) {
    if (n == 0)
      return ct__error(CT_ERR_INDEX, "%s: %s = %lld is out of range: t is 0-d and has no dims", fn, arg,
                       (long long)dim);
    return ct__error(CT_ERR_INDEX, "%s: %s = %lld is out of range [%d, %d] for a %d-d tensor", fn, arg,
                     (long long)dim, (int)-n, (int)n - 1, (int)ndim);
  }
  *out = (int32_t)(dim < 0 ? dim + n : dim);
  return CT_OK;
}

ct_status ct__view_of(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape,
                      const int64_t *strides, int64_t offset, const char *fn) {
  return ct__tensor_make(out, t->storage, t->dtype, ndim, shape, strides, offset, fn);
}

/*
 * The shape and strides of a view being built: one ct__dims holding the
 * sizes in v[0 .. ndim-1] and the strides in v[ndim .. 2 ndim - 1].
 */
typedef struct ct__geom {
  ct__dims d;
  int32_t ndim;
  int64_t *shape, *strides;
} ct__geom;

static ct_status ct__geom_init(ct__geom *g, int32_t ndim, const char *fn) {
  g->ndim = ndim;
  CT_TRY(ct__dims_init(&g->d, 2 * ndim, fn));
  g->shape = g->d.v;
  g->strides = g->d.v + ndim;
  return CT_OK;
}

/* Makes the view of t described by g and offset, and frees g. */
static ct_status ct__geom_view(ct_tensor **out, ct_tensor *t, ct__geom *g, int64_t offset, const char *fn) {
  ct_status s = ct__view_of(out, t, g->ndim, g->shape, g->strides, offset, fn);
  ct__dims_free(&g->d);
  return s;
}

/* A view of t with t's own geometry (PyTorch's alias). */
static ct_status ct__alias(ct_tensor **out, ct_tensor *t, const char *fn) {
  return ct__view_of(out, t, t->ndim, t->shape, t->strides, t->offset, fn);
}

/* The checks every function here starts with. */
#define CT__VIEW_BEGIN(out, t)                                                                   \
  CT_CHECK_NOT_NULL(out);                                                                        \
  *(out) = NULL;                                                                                 \
  CT_CHECK_NOT_NULL(t)

/* Checks a (pointer, count) list argument. */
static ct_status ct__list_arg(const int64_t *p, int32_t n, const char *fn, const char *arg,
                              const char *count) {
  if (n < 0) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s = %d is negative", fn, count, (int)n);
  if (n > 0 && !p)
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s is NULL but %s = %d", fn, arg, count, (int)n);
  return CT_OK;
}

/* ---- view and reshape ---------------------------------------------------------------------- */

/*
 * PyTorch's infer_size: a copy of shape (in g's sizes) with its -1 replaced
 * so that the sizes multiply to numel. Like every tensor's shape, the result
 * must have row-major strides (and their byte extent, at itemsize) within
 * int64, even when numel is 0.
 */
static ct_status ct__infer_shape(ct__geom *g, int64_t numel, int32_t ndim, const int64_t *shape,
                                 int64_t itemsize, const char *fn) {
  CT_TRY(ct__list_arg(shape, ndim, fn, "shape", "ndim"));
  int32_t infer = -1;
  int64_t known = 1;
  bool overflow = false;
  char s[CT__SHAPE_STR_MAX];
  for (int32_t d = 0; d < ndim; d++) {
    if (shape[d] == -1) {
      if (infer >= 0)
        return ct__error(CT_ERR_SHAPE, "%s: shape %s has more than one -1: only one dimension can be inferred",
                         fn, ct__shape_str(s, sizeof s, ndim, shape));
      infer = d;
    } else if (shape[d] < 0) {
      return ct__error(CT_ERR_SHAPE, "%s: shape[%d] = %lld is not a valid size", fn, (int)d,
                       (long long)shape[d]);
    } else {
      overflow |= __builtin_mul_overflow(known, shape[d], &known);
    }
  }
  bool ok = !overflow && (known == numel || (infer >= 0 && known > 0 && numel % known == 0));
  if (!ok)
    return ct__error(CT_ERR_SHAPE, "%s: shape %s is invalid for a tensor of %lld elements", fn,
                     ct__shape_str(s, sizeof s, ndim, shape), (long long)numel);
  if (infer >= 0 && known == 0)
    return ct__error(CT_ERR_SHAPE,
                     "%s: cannot reshape a tensor of 0 elements into shape %s: the size -1 could be anything",
                     fn, ct__shape_str(s, sizeof s, ndim, shape));
  CT_TRY(ct__geom_init(g, ndim, fn));
  for (int32_t d = 0; d < ndim; d++) g->shape[d] = d == infer ? numel / known : shape[d];
  int64_t n;
  ct_status st = ct__check_shape(&n, ndim, g->shape, itemsize, fn);
  if (st != CT_OK) ct__dims_free(&g->d);
  return st;
}

/*
 * PyTorch's computeStride: strides for viewing t with g's sizes, written to
 * g's strides, or false when t's strides cannot express them. Each run of t's
 * dims that is contiguous with respect to itself ("chunk") must be split
 * into whole dims of the new shape.
 */
static bool ct__view_strides(ct__geom *g, const ct_tensor *t) {
  int32_t nd = g->ndim;
  if (t->ndim == 0) {
    for (int32_t d = 0; d < nd; d++) g->strides[d] = 1;
    return true;
  }
  if (t->numel == 0) {
    bool same = nd == t->ndim && memcmp(g->shape, t->shape, (size_t)nd * sizeof(int64_t)) == 0;
    if (same) {
      memcpy(g->strides, t->strides, (size_t)nd * sizeof(int64_t));
    } else {
      for (int32_t d = nd - 1; d >= 0; d--)
        g->strides[d] = d == nd - 1 ? 1 : (g->shape[d + 1] > 1 ? g->shape[d + 1] : 1) * g->strides[d + 1];
    }
    return true;
  }
  int32_t view_d = nd - 1;
  int64_t chunk_base = t->strides[t->ndim - 1], tensor_numel = 1, view_numel = 1;
  for (int32_t td = t->ndim - 1; td >= 0; td--) {
    tensor_numel *= t->shape[td];
    bool chunk_ends = td == 0 || (t->shape[td - 1] != 1 && t->strides[td - 1] != tensor_numel * chunk_base);
    if (!chunk_ends) continue;
    while (view_d >= 0 && (view_numel < tensor_numel || g->shape[view_d] == 1)) {
      g->strides[view_d] = view_numel * chunk_base;
      view_numel *= g->shape[view_d];
      view_d--;
    }
    if (view_numel != tensor_numel) return false;
    if (td > 0) {
      chunk_base = t->strides[td - 1];
      tensor_numel = 1;
      view_numel = 1;
    }
  }
  return view_d == -1;
}

ct_status ct_view(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape) {
  CT__VIEW_BEGIN(out, t);
  ct__geom g;
  CT_TRY(ct__infer_shape(&g, t->numel, ndim, shape, ct__itemsize(t->dtype), __func__));
  if (!ct__view_strides(&g, t)) {
    char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX], c[CT__SHAPE_STR_MAX];
    ct__error(CT_ERR_SHAPE,
              "ct_view: shape %s is not compatible with t's size %s and strides %s (at least one dimension "
              "spans across two contiguous subspaces); use ct_reshape instead",
              ct__shape_str(a, sizeof a, g.ndim, g.shape), ct__shape_str(b, sizeof b, t->ndim, t->shape),
              ct__shape_str(c, sizeof c, t->ndim, t->strides));
    ct__dims_free(&g.d);
    return CT_ERR_SHAPE;
  }
  return ct__geom_view(out, t, &g, t->offset, __func__);
}

ct_status ct__reshape(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape, const char *fn) {
  ct__geom g;
  CT_TRY(ct__infer_shape(&g, t->numel, ndim, shape, ct__itemsize(t->dtype), fn));
  if (ct__view_strides(&g, t)) return ct__geom_view(out, t, &g, t->offset, fn);
  /* No view: a contiguous copy, viewed with the new shape's row-major strides. */
  ct_tensor *c;
  ct_status s = ct__error_in(ct_contiguous(&c, t), fn);
  if (s == CT_OK) {
    s = ct__tensor_make(out, c->storage, c->dtype, g.ndim, g.shape, NULL, c->offset, fn);
    ct_tensor_release(c);
  }
  ct__dims_free(&g.d);
  return s;
}

ct_status ct_reshape(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape) {
  CT__VIEW_BEGIN(out, t);
  return ct__reshape(out, t, ndim, shape, __func__);
}

/* ---- transpose, permute, t, mT ------------------------------------------------------------- */

/* The view of t with dims d0 and d1 (valid) swapped. */
static ct_status ct__swap(ct_tensor **out, ct_tensor *t, int32_t d0, int32_t d1, const char *fn) {
  ct__geom g;
  CT_TRY(ct__geom_init(&g, t->ndim, fn));
  memcpy(g.d.v, t->dims, 2 * (size_t)t->ndim * sizeof(int64_t));
  g.shape[d0] = t->shape[d1], g.shape[d1] = t->shape[d0];
  g.strides[d0] = t->strides[d1], g.strides[d1] = t->strides[d0];
  return ct__geom_view(out, t, &g, t->offset, fn);
}

ct_status ct_transpose(ct_tensor **out, ct_tensor *t, int64_t dim0, int64_t dim1) {
  CT__VIEW_BEGIN(out, t);
  int32_t n = t->ndim > 0 ? t->ndim : 1, d0, d1;
  CT_TRY(ct__dim_arg(&d0, dim0, n, t->ndim, __func__, "dim0"));
  CT_TRY(ct__dim_arg(&d1, dim1, n, t->ndim, __func__, "dim1"));
  if (t->ndim == 0) return ct__alias(out, t, __func__);
  return ct__swap(out, t, d0, d1, __func__);
}

/* The view of t with result dim i taken from t's dim perm[i] (a checked permutation). */
static ct_status ct__permuted(ct_tensor **out, ct_tensor *t, const int32_t *perm, const char *fn) {
  ct__geom g;
  CT_TRY(ct__geom_init(&g, t->ndim, fn));
  for (int32_t i = 0; i < t->ndim; i++) {
    g.shape[i] = t->shape[perm[i]];
    g.strides[i] = t->strides[perm[i]];
  }
  return ct__geom_view(out, t, &g, t->offset, fn);
}

/* A buffer of n int32 dims (inline for the common case), for permutations. */
typedef struct ct__perm {
  int32_t *v;
  int32_t inline_v[CT__DIMS_INLINE];
} ct__perm;

static ct_status ct__perm_init(ct__perm *p, int32_t n, const char *fn) {
  p->v = p->inline_v;
  if (n > CT__DIMS_INLINE)
    CT_TRY(ct__alloc_or_error((void **)&p->v, (size_t)n * sizeof(int32_t), fn, "a permutation"));
  return CT_OK;
}

static void ct__perm_free(ct__perm *p) {
  if (p->v != p->inline_v) ct__free(p->v);
}

/*
 * Wraps the n dims of list (argument arg) into p (room for n), refusing a
 * repeated dim. dims may take npos positions (0-d tensors: 1).
 */
static ct_status ct__wrap_dims(int32_t *p, const int64_t *list, int32_t n, int32_t npos, int32_t ndim,
                               const char *fn, const char *arg) {
  for (int32_t i = 0; i < n; i++) {
    char name[64];
    snprintf(name, sizeof name, "%s[%d]", arg, (int)i);
    CT_TRY(ct__dim_arg(&p[i], list[i], npos, ndim, fn, name));
    for (int32_t j = 0; j < i; j++)
      if (p[j] == p[i])
        return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s[%d] = %lld and %s[%d] = %lld name the same dim %d",
                         fn, arg, (int)j, (long long)list[j], arg, (int)i, (long long)list[i], (int)p[i]);
  }
  return CT_OK;
}

ct_status ct_permute(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims) {
  CT__VIEW_BEGIN(out, t);
  CT_TRY(ct__list_arg(dims, ndims, __func__, "dims", "ndims"));
  CT_CHECK_ARG(ndims == t->ndim, CT_ERR_INVALID_ARGUMENT,
               "ct_permute: ndims = %d does not match t's %d dims", (int)ndims, (int)t->ndim);
  ct__perm p;
  CT_TRY(ct__perm_init(&p, ndims, __func__));
  ct_status s = ct__wrap_dims(p.v, dims, ndims, ndims, t->ndim, __func__, "dims");
  if (s == CT_OK) s = ct__permuted(out, t, p.v, __func__);
  ct__perm_free(&p);
  return s;
}

ct_status ct_t(ct_tensor **out, ct_tensor *t) {
  CT__VIEW_BEGIN(out, t);
  CT_CHECK_ARG(t->ndim <= 2, CT_ERR_SHAPE, "ct_t: t has %d dims; t() expects a tensor with <= 2 dims",
               (int)t->ndim);
  if (t->ndim < 2) return ct__alias(out, t, __func__);
  return ct__swap(out, t, 0, 1, __func__);
}

ct_status ct_mT(ct_tensor **out, ct_tensor *t) {
  CT__VIEW_BEGIN(out, t);
  CT_CHECK_ARG(t->ndim != 1, CT_ERR_SHAPE,
               "ct_mT: t has 1 dim; mT is only supported on matrices or batches of matrices");
  if (t->ndim == 0) return ct__alias(out, t, __func__);
  return ct__swap(out, t, t->ndim - 2, t->ndim - 1, __func__);
}

/* ---- squeeze and unsqueeze ----------------------------------------------------------------- */

/* t without the dims d for which drop[d] is true (each of size 1). */
static ct_status ct__drop_dims(ct_tensor **out, ct_tensor *t, const bool *drop, const char *fn) {
  int32_t nd = 0;
  for (int32_t d = 0; d < t->ndim; d++) nd += !drop[d];
  ct__geom g;
  CT_TRY(ct__geom_init(&g, nd, fn));
  for (int32_t d = 0, k = 0; d < t->ndim; d++) {
    if (drop[d]) continue;
    g.shape[k] = t->shape[d];
    g.strides[k] = t->strides[d];
    k++;
  }
  return ct__geom_view(out, t, &g, t->offset, fn);
}

/* A buffer of flags, one per dim of a tensor. */
typedef struct ct__flags {
  bool *v;
  bool inline_v[CT__DIMS_INLINE];
} ct__flags;

static ct_status ct__flags_init(ct__flags *f, int32_t n, const char *fn) {
  f->v = f->inline_v;
  if (n > CT__DIMS_INLINE) CT_TRY(ct__alloc_or_error((void **)&f->v, (size_t)n, fn, "dim flags"));
  memset(f->v, 0, (size_t)(n > 0 ? n : 0));
  return CT_OK;
}

static void ct__flags_free(ct__flags *f) {
  if (f->v != f->inline_v) ct__free(f->v);
}

ct_status ct_squeeze(ct_tensor **out, ct_tensor *t) {
  CT__VIEW_BEGIN(out, t);
  ct__flags f;
  CT_TRY(ct__flags_init(&f, t->ndim, __func__));
  for (int32_t d = 0; d < t->ndim; d++) f.v[d] = t->shape[d] == 1;
  ct_status s = ct__drop_dims(out, t, f.v, __func__);
  ct__flags_free(&f);
  return s;
}

/* t without those of the listed dims (argument arg) that have size 1. */
static ct_status ct__squeeze(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims, const char *fn,
                             const char *arg) {
  ct__perm p;
  CT_TRY(ct__perm_init(&p, ndims, fn));
  ct__flags f;
  ct_status s = ct__flags_init(&f, t->ndim, fn);
  if (s == CT_OK) {
    s = ct__wrap_dims(p.v, dims, ndims, t->ndim > 0 ? t->ndim : 1, t->ndim, fn, arg);
    /* A 0-d tensor has nothing to drop: dim 0 (or -1) names the tensor itself. */
    for (int32_t i = 0; s == CT_OK && i < ndims && t->ndim > 0; i++) f.v[p.v[i]] = t->shape[p.v[i]] == 1;
    if (s == CT_OK) s = ct__drop_dims(out, t, f.v, fn);
    ct__flags_free(&f);
  }
  ct__perm_free(&p);
  return s;
}

ct_status ct_squeeze_dim(ct_tensor **out, ct_tensor *t, int64_t dim) {
  CT__VIEW_BEGIN(out, t);
  int32_t d;
  CT_TRY(ct__dim_arg(&d, dim, t->ndim > 0 ? t->ndim : 1, t->ndim, __func__, "dim"));
  return ct__squeeze(out, t, &dim, 1, __func__, "dim");
}

ct_status ct_squeeze_dims(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims) {
  CT__VIEW_BEGIN(out, t);
  CT_TRY(ct__list_arg(dims, ndims, __func__, "dims", "ndims"));
  return ct__squeeze(out, t, dims, ndims, __func__, "dims");
}

ct_status ct_unsqueeze(ct_tensor **out, ct_tensor *t, int64_t dim) {
  CT__VIEW_BEGIN(out, t);
  int32_t d;
  CT_TRY(ct__dim_arg(&d, dim, t->ndim + 1, t->ndim, __func__, "dim"));
  ct__geom g;
  CT_TRY(ct__geom_init(&g, t->ndim + 1, __func__));
  for (int32_t i = 0, k = 0; i <= t->ndim; i++) {
    if (i == d) {
      /* PyTorch's stride for the new dim: the extent of the dim after it. */
      g.shape[i] = 1;
      g.strides[i] = d < t->ndim ? ct__step_stride(t->strides[d], t->shape[d]) : 1; /* a size-1 dim: on overflow, any */
      continue;
    }
    g.shape[i] = t->shape[k];
    g.strides[i] = t->strides[k];
    k++;
  }
  return ct__geom_view(out, t, &g, t->offset, __func__);
}

/* ---- expand -------------------------------------------------------------------------------- */

/* PyTorch's inferExpandGeometry. */
static ct_status ct__expand(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape, const char *fn) {
  CT_TRY(ct__list_arg(shape, ndim, fn, "shape", "ndim"));
  char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
  if (ndim < t->ndim)
    return ct__error(CT_ERR_SHAPE, "%s: the %d sizes of %s are fewer than the %d dims of t (shape %s)", fn,
                     (int)ndim, ct__shape_str(a, sizeof a, ndim, shape), (int)t->ndim,
                     ct__shape_str(b, sizeof b, t->ndim, t->shape));
  ct__geom g;
  CT_TRY(ct__geom_init(&g, ndim, fn));
  for (int32_t i = ndim - 1; i >= 0; i--) {
    int32_t d = i - (ndim - t->ndim);
    int64_t size = d >= 0 ? t->shape[d] : 1;
    /* New leading dims continue the strides; a 0-d tensor's all get 0, as PyTorch's. */
    /* (A new dim has size 1 or stride 0, so where the product overflows, any stride will do.) */
    int64_t stride = d >= 0 ? t->strides[d] : t->ndim == 0 ? 0 : ct__step_stride(g.strides[i + 1], g.shape[i + 1]);
    int64_t target = shape[i];
    ct_status s = CT_OK;
    if (target == -1 && d < 0)
      s = ct__error(CT_ERR_SHAPE, "%s: the size -1 in shape %s is not allowed in a new leading dim %d", fn,
                    ct__shape_str(a, sizeof a, ndim, shape), (int)i);
    else if (target < -1)
      s = ct__error(CT_ERR_SHAPE, "%s: shape[%d] = %lld is not a valid size", fn, (int)i, (long long)target);
    else if (target != -1 && target != size && size != 1)
      s = ct__error(CT_ERR_SHAPE,
                    "%s: the expanded size %lld must match the existing size %lld at non-singleton dim %d "
                    "(target shape %s, t's shape %s)",
                    fn, (long long)target, (long long)size, (int)i, ct__shape_str(a, sizeof a, ndim, shape),
                    ct__shape_str(b, sizeof b, t->ndim, t->shape));
    if (s != CT_OK) {
      ct__dims_free(&g.d);
      return s;
    }
    if (target != -1 && target != size) {
      size = target;
      stride = 0;
    }
    g.shape[i] = size;
    g.strides[i] = stride;
  }
  int64_t numel;
  ct_status s = ct__check_shape(&numel, ndim, g.shape, ct__itemsize(t->dtype), fn);
  if (s != CT_OK) {
    ct__dims_free(&g.d);
    return s;
  }
  return ct__geom_view(out, t, &g, t->offset, fn);
}

ct_status ct_expand(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape) {
  CT__VIEW_BEGIN(out, t);
  return ct__expand(out, t, ndim, shape, __func__);
}

ct_status ct_broadcast_to(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape) {
  CT__VIEW_BEGIN(out, t);
  return ct__expand(out, t, ndim, shape, __func__);
}

/* ---- flatten and unflatten ----------------------------------------------------------------- */

ct_status ct_flatten(ct_tensor **out, ct_tensor *t, int64_t start_dim, int64_t end_dim) {
  CT__VIEW_BEGIN(out, t);
  int32_t n = t->ndim > 0 ? t->ndim : 1, s0, s1;
  CT_TRY(ct__dim_arg(&s0, start_dim, n, t->ndim, __func__, "start_dim"));
  CT_TRY(ct__dim_arg(&s1, end_dim, n, t->ndim, __func__, "end_dim"));
  CT_CHECK_ARG(s0 <= s1, CT_ERR_INVALID_ARGUMENT,
               "ct_flatten: start_dim = %lld comes after end_dim = %lld (dims %d and %d)", (long long)start_dim,
               (long long)end_dim, (int)s0, (int)s1);
  if (t->ndim == 0) {
    const int64_t one = 1;
    return ct__reshape(out, t, 1, &one, __func__);
  }
  if (s0 == s1) return ct__alias(out, t, __func__);
  ct__dims shape;
  CT_TRY(ct__dims_init(&shape, t->ndim - (s1 - s0), __func__));
  int32_t k = 0;
  for (int32_t d = 0; d < t->ndim; d++) {
    if (d > s0 && d <= s1) {
      shape.v[k - 1] *= t->shape[d];
      continue;
    }
    shape.v[k++] = t->shape[d];
  }
  ct_status s = ct__reshape(out, t, k, shape.v, __func__);
  ct__dims_free(&shape);
  return s;
}

ct_status ct_unflatten(ct_tensor **out, ct_tensor *t, int64_t dim, const int64_t *sizes, int32_t nsizes) {
  CT__VIEW_BEGIN(out, t);
  int32_t d;
  CT_TRY(ct__dim_arg(&d, dim, t->ndim, t->ndim, __func__, "dim"));
  CT_TRY(ct__list_arg(sizes, nsizes, __func__, "sizes", "nsizes"));
  CT_CHECK_ARG(nsizes > 0, CT_ERR_SHAPE, "ct_unflatten: sizes is empty (nsizes = 0)");
  /* The sizes with the -1 inferred, as a view of the one dim. */
  ct__geom part;
  ct_status s = ct__infer_shape(&part, t->shape[d], nsizes, sizes, ct__itemsize(t->dtype), __func__);
  if (s == CT_ERR_SHAPE) {
    char a[CT__SHAPE_STR_MAX], why[512];
    snprintf(why, sizeof why, "%s", ct_last_error_message());
    return ct__error(s, "ct_unflatten: sizes %s cannot split dim %d of size %lld (%s)",
                     ct__shape_str(a, sizeof a, nsizes, sizes), (int)d, (long long)t->shape[d], why);
  }
  CT_TRY(s);
  /* Splitting one dim is always a view; its strides are view()'s, as PyTorch's unflatten. */
  ct__geom g;
  s = ct__geom_init(&g, t->ndim - 1 + nsizes, __func__);
  if (s == CT_OK) {
    for (int32_t i = 0, k = 0; i < t->ndim; i++) {
      if (i != d) {
        g.shape[k++] = t->shape[i];
        continue;
      }
      for (int32_t j = 0; j < nsizes; j++) g.shape[k++] = part.shape[j];
    }
    int64_t n;
    if (t->numel == 0 && ct__check_shape(&n, g.ndim, g.shape, ct__itemsize(t->dtype), __func__) != CT_OK) {
      /* An empty dim split into huge ones: the other dims' sizes make the strides overflow. */
      ct__dims_free(&g.d);
      s = CT_ERR_SHAPE;
    } else if (ct__view_strides(&g, t)) {
      s = ct__geom_view(out, t, &g, t->offset, __func__);
    } else {
      ct__dims_free(&g.d);
      s = ct__error(CT_ERR_INTERNAL, "ct_unflatten: no view splits dim %d", (int)d);
    }
  }
  ct__dims_free(&part.d);
  return s;
}

/* ---- narrow, select, slice ----------------------------------------------------------------- */

/* A view of t with dim d replaced by size entries starting at start, step apart. */
static ct_status ct__restrict(ct_tensor **out, ct_tensor *t, int32_t d, int64_t start, int64_t size,
                              int64_t step, const char *fn) {
  ct__geom g;
  CT_TRY(ct__geom_init(&g, t->ndim, fn));
  memcpy(g.d.v, t->dims, 2 * (size_t)t->ndim * sizeof(int64_t));
  g.shape[d] = size;
  g.strides[d] = ct__step_stride(t->strides[d], step);
  return ct__geom_view(out, t, &g, ct__moved_offset(t->offset, start, t->strides[d]), fn);
}

/* Checks that t has dims for fn (narrow, select, slice), then wraps dim. */
static ct_status ct__dim_of_nonscalar(int32_t *d, ct_tensor *t, int64_t dim, const char *fn, const char *what) {
  if (t->ndim == 0) return ct__error(CT_ERR_INDEX, "%s: t is 0-d: %s cannot be applied to a 0-d tensor", fn, what);
  return ct__dim_arg(d, dim, t->ndim, t->ndim, fn, "dim");
}

ct_status ct_narrow(ct_tensor **out, ct_tensor *t, int64_t dim, int64_t start, int64_t length) {
  CT__VIEW_BEGIN(out, t);
  int32_t d;
  CT_TRY(ct__dim_of_nonscalar(&d, t, dim, __func__, "narrow"));
  int64_t size = t->shape[d];
  CT_CHECK_ARG(start >= -size && start <= size, CT_ERR_INDEX,
               "ct_narrow: start = %lld is out of range [%lld, %lld] for dim %d of size %lld", (long long)start,
               (long long)-size, (long long)size, (int)d, (long long)size);
  if (start < 0) start += size;
  CT_CHECK_ARG(length >= 0, CT_ERR_INDEX, "ct_narrow: length = %lld is negative", (long long)length);
  CT_CHECK_ARG(length <= size - start, CT_ERR_INDEX,
               "ct_narrow: start (%lld) + length (%lld) exceeds the size %lld of dim %d", (long long)start,
               (long long)length, (long long)size, (int)d);
  return ct__restrict(out, t, d, start, length, 1, __func__);
}

ct_status ct_select(ct_tensor **out, ct_tensor *t, int64_t dim, int64_t index) {
  CT__VIEW_BEGIN(out, t);
  int32_t d;
  CT_TRY(ct__dim_of_nonscalar(&d, t, dim, __func__, "select"));
  int64_t size = t->shape[d];
  if (index < -size || index >= size) {
    char s[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_INDEX, "ct_select: index %lld is out of bounds for dimension %d with size %lld (t has shape %s)",
                     (long long)index, (int)d, (long long)size, ct__shape_str(s, sizeof s, t->ndim, t->shape));
  }
  if (index < 0) index += size;
  ct__geom g;
  CT_TRY(ct__geom_init(&g, t->ndim - 1, __func__));
  for (int32_t i = 0, k = 0; i < t->ndim; i++) {
    if (i == d) continue;
    g.shape[k] = t->shape[i];
    g.strides[k++] = t->strides[i];
  }
  return ct__geom_view(out, t, &g, ct__moved_offset(t->offset, index, t->strides[d]), __func__);
}

/* Python's slice bounds on a dim of size: negatives count from the end, then clamp to [0, size]. */
static void ct__slice_bounds(int64_t *start, int64_t *end, int64_t size) {
  if (*start < 0) *start += size;
  if (*end < 0) *end += size;
  if (*start < 0) *start = 0;
  else if (*start > size) *start = size;
  if (*end < *start) *end = *start;
  else if (*end > size) *end = size;
}

ct_status ct_slice(ct_tensor **out, ct_tensor *t, int64_t dim, int64_t start, int64_t end, int64_t step) {
  CT__VIEW_BEGIN(out, t);
  int32_t d;
  CT_TRY(ct__dim_of_nonscalar(&d, t, dim, __func__, "slice"));
  CT_CHECK_ARG(step > 0, CT_ERR_INVALID_ARGUMENT, "ct_slice: step = %lld must be positive", (long long)step);
  ct__slice_bounds(&start, &end, t->shape[d]);
  int64_t len = end - start;
  return ct__restrict(out, t, d, start, len == 0 ? 0 : (len - 1) / step + 1, step, __func__);
}

/* ---- diagonal and unfold ------------------------------------------------------------------- */

ct_status ct_diagonal(ct_tensor **out, ct_tensor *t, int64_t offset, int64_t dim1, int64_t dim2) {
  CT__VIEW_BEGIN(out, t);
  int32_t d1, d2;
  CT_TRY(ct__dim_arg(&d1, dim1, t->ndim, t->ndim, __func__, "dim1"));
  CT_TRY(ct__dim_arg(&d2, dim2, t->ndim, t->ndim, __func__, "dim2"));
  CT_CHECK_ARG(d1 != d2, CT_ERR_INVALID_ARGUMENT,
               "ct_diagonal: dim1 = %lld and dim2 = %lld name the same dim %d", (long long)dim1,
               (long long)dim2, (int)d1);
  int64_t s1 = t->shape[d1], s2 = t->shape[d2], size, start = t->offset;
  /* Offsets beyond the edge leave an empty diagonal (and the offset where it is). */
  if (offset >= 0)
    size = offset >= s2 ? 0 : (s1 < s2 - offset ? s1 : s2 - offset);
  else
    size = offset <= -s1 ? 0 : (s1 + offset < s2 ? s1 + offset : s2);
  if (size > 0)
    start = offset >= 0 ? ct__moved_offset(start, offset, t->strides[d2]) : ct__moved_offset(start, -offset, t->strides[d1]);
  ct__geom g;
  CT_TRY(ct__geom_init(&g, t->ndim - 1, __func__));
  int32_t k = 0;
  for (int32_t i = 0; i < t->ndim; i++) {
    if (i == d1 || i == d2) continue;
    g.shape[k] = t->shape[i];
    g.strides[k++] = t->strides[i];
  }
  g.shape[k] = size;
  /* The sum overflows only where the diagonal has at most one element (or t none): then the stride does not matter. */
  if (__builtin_add_overflow(t->strides[d1], t->strides[d2], &g.strides[k])) g.strides[k] = t->strides[d1];
  return ct__geom_view(out, t, &g, start, __func__);
}

ct_status ct_unfold(ct_tensor **out, ct_tensor *t, int64_t dimension, int64_t size, int64_t step) {
  CT__VIEW_BEGIN(out, t);
  int32_t d;
  CT_TRY(ct__dim_arg(&d, dimension, t->ndim > 0 ? t->ndim : 1, t->ndim, __func__, "dimension"));
  int64_t dsize = t->ndim > 0 ? t->shape[d] : 1, dstride = t->ndim > 0 ? t->strides[d] : 1;
  CT_CHECK_ARG(size >= 0, CT_ERR_INVALID_ARGUMENT, "ct_unfold: size = %lld is negative", (long long)size);
  CT_CHECK_ARG(step > 0, CT_ERR_INVALID_ARGUMENT, "ct_unfold: step = %lld must be positive", (long long)step);
  CT_CHECK_ARG(size <= dsize, CT_ERR_SHAPE,
               "ct_unfold: size = %lld is larger than the size %lld of dimension %d", (long long)size,
               (long long)dsize, (int)d);
  int64_t windows = (dsize - size) / step; /* plus one: an expanded dim of size INT64_MAX has too many */
  CT_CHECK_ARG(windows < INT64_MAX, CT_ERR_SHAPE,
               "ct_unfold: dimension %d of size %lld has more windows of size %lld than int64 counts", (int)d,
               (long long)dsize, (long long)size);
  ct__geom g;
  CT_TRY(ct__geom_init(&g, t->ndim + 1, __func__));
  memcpy(g.shape, t->shape, (size_t)t->ndim * sizeof(int64_t));
  memcpy(g.strides, t->strides, (size_t)t->ndim * sizeof(int64_t));
  if (t->ndim > 0) {
    g.shape[d] = windows + 1;
    g.strides[d] = ct__step_stride(dstride, step);
  }
  g.shape[g.ndim - 1] = size;
  g.strides[g.ndim - 1] = dstride;
  /* Windows of an expanded or empty dim can count more elements than int64 holds. */
  int64_t numel;
  ct_status s = ct__check_shape(&numel, g.ndim, g.shape, ct__itemsize(t->dtype), __func__);
  if (s != CT_OK) {
    ct__dims_free(&g.d);
    return s;
  }
  return ct__geom_view(out, t, &g, t->offset, __func__);
}

/* ---- movedim ------------------------------------------------------------------------------- */

/* PyTorch's movedim: the listed dims go to their destinations, the rest fill the gaps in order. */
static ct_status ct__movedim(ct_tensor **out, ct_tensor *t, const int64_t *source, const int64_t *destination,
                             int32_t n, const char *fn) {
  CT_TRY(ct__list_arg(source, n, fn, "source", "n"));
  CT_TRY(ct__list_arg(destination, n, fn, "destination", "n"));
  int32_t npos = t->ndim > 0 ? t->ndim : 1;
  CT_CHECK_ARG(n <= npos, CT_ERR_INVALID_ARGUMENT, "%s: n = %d is more than t's %d dims", fn, (int)n,
               (int)t->ndim);
  if (t->ndim == 0) {
    int32_t unused;
    for (int32_t i = 0; i < n; i++) {
      CT_TRY(ct__dim_arg(&unused, source[i], 1, 0, fn, "source"));
      CT_TRY(ct__dim_arg(&unused, destination[i], 1, 0, fn, "destination"));
    }
    return ct__alias(out, t, fn);
  }
  /* One buffer: src and dst (n each), the permutation, and the free flags of both sides (ndim each). */
  ct__perm p;
  CT_TRY(ct__perm_init(&p, 2 * n + 3 * t->ndim, fn));
  int32_t *src = p.v, *dst = src + n, *perm = dst + n, *src_free = perm + t->ndim, *dst_free = src_free + t->ndim;
  ct_status s = ct__wrap_dims(src, source, n, t->ndim, t->ndim, fn, "source");
  if (s == CT_OK) s = ct__wrap_dims(dst, destination, n, t->ndim, t->ndim, fn, "destination");
  if (s == CT_OK) {
    for (int32_t d = 0; d < t->ndim; d++) perm[d] = -1, src_free[d] = 1, dst_free[d] = 1;
    for (int32_t i = 0; i < n; i++) {
      perm[dst[i]] = src[i];
      src_free[src[i]] = 0;
      dst_free[dst[i]] = 0;
    }
    int32_t si = 0;
    for (int32_t di = 0; di < t->ndim; di++) {
      if (!dst_free[di]) continue;
      while (!src_free[si]) si++;
      perm[di] = si++;
    }
    s = ct__permuted(out, t, perm, fn);
  }
  ct__perm_free(&p);
  return s;
}

ct_status ct_movedim(ct_tensor **out, ct_tensor *t, int64_t source, int64_t destination) {
  CT__VIEW_BEGIN(out, t);
  return ct__movedim(out, t, &source, &destination, 1, __func__);
}

ct_status ct_movedims(ct_tensor **out, ct_tensor *t, const int64_t *source, const int64_t *destination,
                      int32_t n) {
  CT__VIEW_BEGIN(out, t);
  return ct__movedim(out, t, source, destination, n, __func__);
}

/* ---- complex views ------------------------------------------------------------------------- */

/*
 * The real (part 0) or imaginary (part 1) parts of a complex tensor: the
 * real dtype of the same precision, every stride and the offset doubled.
 * extra_dim appends the pair as a last dim of size 2 (view_as_real).
 */
static ct_status ct__complex_part(ct_tensor **out, ct_tensor *t, int64_t part, bool extra_dim, const char *fn) {
  ct__geom g;
  CT_TRY(ct__geom_init(&g, t->ndim + extra_dim, fn));
  /*
   * A doubled stride or offset overflows only where it addresses nothing (a
   * size-1 dim, an empty view from as_strided): then any value will do.
   */
  for (int32_t d = 0; d < t->ndim; d++) {
    g.shape[d] = t->shape[d];
    g.strides[d] = ct__step_stride(t->strides[d], 2);
  }
  int64_t offset = ct__moved_offset(0, t->offset, 2);
  offset = ct__moved_offset(offset, 1, part);
  if (extra_dim) g.shape[t->ndim] = 2, g.strides[t->ndim] = 1;
  ct_status s = ct__tensor_make(out, t->storage, ct__to_real(t->dtype), g.ndim, g.shape, g.strides, offset, fn);
  ct__dims_free(&g.d);
  return s;
}

ct_status ct_real(ct_tensor **out, ct_tensor *t) {
  CT__VIEW_BEGIN(out, t);
  if (!ct__dtypes[t->dtype].is_complex) {
    atomic_fetch_add(&t->refcount, 1);
    *out = t;
    return CT_OK;
  }
  return ct__complex_part(out, t, 0, false, __func__);
}

ct_status ct_imag(ct_tensor **out, ct_tensor *t) {
  CT__VIEW_BEGIN(out, t);
  CT_CHECK_ARG(ct__dtypes[t->dtype].is_complex, CT_ERR_DTYPE,
               "ct_imag: t is %s; imag is only defined for complex dtypes", ct__dtypes[t->dtype].name);
  return ct__complex_part(out, t, 1, false, __func__);
}

ct_status ct_view_as_real(ct_tensor **out, ct_tensor *t) {
  CT__VIEW_BEGIN(out, t);
  CT_CHECK_ARG(ct__dtypes[t->dtype].is_complex, CT_ERR_DTYPE,
               "ct_view_as_real: t is %s; view_as_real is only supported for complex tensors",
               ct__dtypes[t->dtype].name);
  return ct__complex_part(out, t, 0, true, __func__);
}

ct_status ct_view_as_complex(ct_tensor **out, ct_tensor *t) {
  CT__VIEW_BEGIN(out, t);
  CT_CHECK_ARG(t->dtype == CT_FLOAT32 || t->dtype == CT_FLOAT64, CT_ERR_DTYPE,
               "ct_view_as_complex: t is %s; view_as_complex is only supported for float32 and float64",
               ct__dtypes[t->dtype].name);
  int32_t nd = t->ndim;
  CT_CHECK_ARG(nd >= 1 && t->shape[nd - 1] == 2, CT_ERR_SHAPE,
               "ct_view_as_complex: t must have a last dim of size 2 (its shape has %d dims, the last of size %lld)",
               (int)nd, (long long)(nd ? t->shape[nd - 1] : 0));
  CT_CHECK_ARG(t->strides[nd - 1] == 1, CT_ERR_SHAPE,
               "ct_view_as_complex: t's last dim must have stride 1, not %lld", (long long)t->strides[nd - 1]);
  for (int32_t d = 0; d < nd - 1; d++)
    CT_CHECK_ARG(t->strides[d] % 2 == 0, CT_ERR_SHAPE,
                 "ct_view_as_complex: stride %lld of dim %d is odd; all but the last must be divisible by 2",
                 (long long)t->strides[d], (int)d);
  CT_CHECK_ARG(t->offset % 2 == 0, CT_ERR_SHAPE,
               "ct_view_as_complex: storage offset %lld is odd; it must be divisible by 2", (long long)t->offset);
  ct__geom g;
  CT_TRY(ct__geom_init(&g, nd - 1, __func__));
  for (int32_t d = 0; d < nd - 1; d++) {
    g.shape[d] = t->shape[d];
    g.strides[d] = t->strides[d] / 2;
  }
  ct_status s = ct__tensor_make(out, t->storage, t->dtype == CT_FLOAT32 ? CT_COMPLEX64 : CT_COMPLEX128, g.ndim,
                                g.shape, g.strides, t->offset / 2, __func__);
  ct__dims_free(&g.d);
  return s;
}
