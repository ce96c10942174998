/*
 * ct_structure.c: the front ends of the structure family.
 *
 * Everything but the tril/triu mask is views and strided copies: the result
 * is allocated here and filled by the backend's copy (which converts dtypes
 * and coalesces dimensions) through views of it and of the inputs. A view
 * header made once is re-pointed between copies (its offset and one size
 * changed), so that cat of many pieces costs one copy call per piece and no
 * allocation. Destination views keep the result's strides, so a piece that is
 * contiguous in both lands as a single memmove.
 */
#include <stdio.h>
#include <string.h>

#include "ct_structure.h"

/* ---- shared helpers ------------------------------------------------------------------------ */

/* Recomputes numel after a view's shape was changed in place. */
static void st_renumel(ct_tensor *v) {
  int64_t n = 1;
  for (int32_t d = 0; d < v->ndim; d++) n *= v->shape[d];
  v->numel = n;
}

/* A private header with t's dtype, shape, strides and offset, for this file to re-point. */
static ct_status st_alias(ct_tensor **v, const ct_tensor *t, const char *fn) {
  return ct__tensor_make(v, t->storage, t->dtype, t->ndim, t->shape, t->strides, t->offset, fn);
}

/* A view of t with dimension dim removed (t.select(dim, 0)). */
static ct_status st_drop_dim(ct_tensor **v, const ct_tensor *t, int32_t dim, const char *fn) {
  ct__dims d;
  CT_TRY(ct__dims_init(&d, 2 * t->ndim, fn));
  int32_t nd = 0;
  for (int32_t k = 0; k < t->ndim; k++) {
    if (k == dim) continue;
    d.v[nd] = t->shape[k];
    d.v[t->ndim + nd] = t->strides[k];
    nd++;
  }
  ct_status s = ct__tensor_make(v, t->storage, t->dtype, nd, d.v, d.v + t->ndim, t->offset, fn);
  ct__dims_free(&d);
  return s;
}

static bool st_same_device(const ct_tensor *a, const ct_tensor *b) {
  return a->storage->device_type == b->storage->device_type &&
         a->storage->device_index == b->storage->device_index;
}

/* "cpu:0", "cuda:1" for messages. */
static const char *st_device_str(char *buf, size_t size, const ct_tensor *t) {
  const char *name = NULL;
  if (ct_device_type_name(&name, t->storage->device_type) != CT_OK || !name) name = "device";
  snprintf(buf, size, "%s:%d", name, (int)t->storage->device_index);
  return buf;
}

/* Whether two tensors may touch a common byte of one storage (their extents intersect). */
static bool st_overlap(const ct_tensor *a, const ct_tensor *b) {
  if (a->storage != b->storage || a->numel == 0 || b->numel == 0) return false;
  int64_t alo = a->offset * ct__itemsize(a->dtype), blo = b->offset * ct__itemsize(b->dtype), ahi, bhi;
  ct__strided_extent(&ahi, a->ndim, a->shape, a->strides, a->offset, ct__itemsize(a->dtype));
  ct__strided_extent(&bhi, b->ndim, b->shape, b->strides, b->offset, ct__itemsize(b->dtype));
  return alo < bhi && blo < ahi;
}

/* Same storage, dtype, offset, shape and strides. */
static bool st_same_view(const ct_tensor *a, const ct_tensor *b) {
  return a->storage == b->storage && a->dtype == b->dtype && a->ndim == b->ndim && a->offset == b->offset &&
         memcmp(a->dims, b->dims, 2 * (size_t)a->ndim * sizeof(int64_t)) == 0;
}

/* Fails when two elements of t share an address through a stride-0 dimension (as ct_copy_ does). */
static ct_status st_check_no_internal_overlap(const ct_tensor *t, const char *fn, const char *arg) {
  for (int32_t d = 0; d < t->ndim; d++)
    if (t->strides[d] == 0 && t->shape[d] > 1 && t->numel > 0)
      return ct__error(CT_ERR_INVALID_ARGUMENT,
                       "%s: more than one element of %s refers to a single memory location "
                       "(dim %d has stride 0); clone it first",
                       fn, arg, (int)d);
  return CT_OK;
}

/*
 * Checks an out argument for a result of the given shape and dtype on ref's
 * device: writable, no internal overlap, the exact shape, and a dtype equal to
 * the result's (exact) or one it can be cast to.
 */
static ct_status st_check_out(const ct_tensor *out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                              bool exact_dtype, const ct_tensor *ref, const char *fn) {
  char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
  CT_TRY(ct__check_writable(out, fn, "out"));
  if (!st_same_device(out, ref))
    return ct__error(CT_ERR_DEVICE, "%s: out is on %s but the inputs are on %s", fn,
                     st_device_str(a, sizeof a, out), st_device_str(b, sizeof b, ref));
  if (out->ndim != ndim || memcmp(out->shape, shape, (size_t)ndim * sizeof(int64_t)) != 0)
    return ct__error(CT_ERR_SHAPE, "%s: out has shape %s but the result has shape %s", fn,
                     ct__shape_str(a, sizeof a, out->ndim, out->shape),
                     ct__shape_str(b, sizeof b, ndim, shape));
  if (exact_dtype && out->dtype != dtype)
    return ct__error(CT_ERR_DTYPE, "%s: out has dtype %s but the result has dtype %s", fn,
                     ct__dtypes[out->dtype].name, ct__dtypes[dtype].name);
  if (!exact_dtype && !ct__can_cast(dtype, out->dtype))
    return ct__error(CT_ERR_DTYPE, "%s: the result dtype %s can't be cast to out's dtype %s", fn,
                     ct__dtypes[dtype].name, ct__dtypes[out->dtype].name);
  return st_check_no_internal_overlap(out, fn, "out");
}

/* Fails when out shares memory with any of the inputs. */
static ct_status st_check_out_apart(const ct_tensor *out, ct_tensor *const *ts, int32_t count,
                                    const char *fn) {
  for (int32_t i = 0; i < count; i++)
    if (st_overlap(out, ts[i]))
      return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: out overlaps tensors[%d] in memory", fn, (int)i);
  return CT_OK;
}

/* The backend of t's device, and its structure table when needed. */
static ct_status st_backend(const struct ct_backend_i **b, const ct_tensor *t, bool need_table,
                            const char *fn) {
  CT_TRY(ct__backend_get(b, t->storage->device_type, fn));
  if (need_table && !(*b)->structure)
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: the %s backend has no structure kernels", fn, (*b)->name);
  return CT_OK;
}

/* ---- cat and stack ------------------------------------------------------------------------- */

/* Checks a tensor list: count >= 1, no NULL, one device. */
static ct_status st_check_list(ct_tensor *const *ts, int32_t count, const char *fn) {
  CT_CHECK_ARG(count >= 0, CT_ERR_INVALID_ARGUMENT, "%s: count = %d is negative", fn, (int)count);
  CT_CHECK_ARG(count > 0, CT_ERR_INVALID_ARGUMENT, "%s: expected a non-empty list of tensors (count = 0)",
               fn);
  CT_CHECK_ARG(ts != NULL, CT_ERR_INVALID_ARGUMENT, "%s: tensors is NULL", fn);
  for (int32_t i = 0; i < count; i++)
    CT_CHECK_ARG(ts[i] != NULL, CT_ERR_INVALID_ARGUMENT, "%s: tensors[%d] is NULL", fn, (int)i);
  for (int32_t i = 1; i < count; i++)
    if (!st_same_device(ts[i], ts[0])) {
      char a[64], b[64];
      return ct__error(CT_ERR_DEVICE, "%s: tensors[%d] is on %s but tensors[0] is on %s", fn, (int)i,
                       st_device_str(a, sizeof a, ts[i]), st_device_str(b, sizeof b, ts[0]));
    }
  return CT_OK;
}

/*
 * The dtype both cat and stack give: PyTorch's result_type over tensors that
 * all have dims by then (stack promotes its unsqueezed inputs), so the plain
 * promote_types fold.
 */
static ct_dtype st_list_dtype(ct_tensor *const *ts, int32_t count) {
  ct_dtype d = ts[0]->dtype;
  for (int32_t i = 1; i < count; i++) d = ct__promote_types(d, ts[i]->dtype);
  return d;
}

/* PyTorch's legacy rule: a 1-d tensor of shape [0] takes no part in cat's shape checks. */
static bool st_cat_skipped(const ct_tensor *t) {
  return t->ndim == 1 && t->shape[0] == 0;
}

typedef struct st_cat_plan {
  int32_t ref;    /* the first tensor not skipped; count when all are */
  int32_t dim;    /* wrapped against tensors[ref] */
  ct_dtype dtype; /* of the result */
  ct__dims shape; /* of the result; ct__dims_free it on every path */
} st_cat_plan;

/* Validates cat's arguments and computes the result's shape and dtype. */
static ct_status st_cat_plan_make(st_cat_plan *p, ct_tensor *const *ts, int32_t count, int64_t dim,
                                  const char *fn) {
  p->shape.ndim = 0;
  p->shape.v = p->shape.inline_v;
  CT_TRY(st_check_list(ts, count, fn));
  for (int32_t i = 0; i < count; i++)
    CT_CHECK_ARG(ts[i]->ndim > 0, CT_ERR_SHAPE, "%s: tensors[%d] is 0-d and cannot be concatenated", fn,
                 (int)i);
  p->dtype = st_list_dtype(ts, count);
  p->ref = 0;
  while (p->ref < count && st_cat_skipped(ts[p->ref])) p->ref++;
  if (p->ref == count) {
    /* Nothing but [0] tensors: the result is one of them, in the promoted dtype; dim is not checked. */
    p->dim = 0;
    CT_TRY(ct__dims_init(&p->shape, 1, fn));
    p->shape.v[0] = 0;
    return CT_OK;
  }
  const ct_tensor *r = ts[p->ref];
  CT_TRY(ct__wrap_dim(&p->dim, dim, r->ndim, fn));
  int64_t total = 0;
  for (int32_t i = p->ref; i < count; i++) {
    const ct_tensor *t = ts[i];
    if (st_cat_skipped(t)) continue;
    if (t->ndim != r->ndim)
      return ct__error(CT_ERR_SHAPE, "%s: tensors[%d] has %d dims but tensors[%d] has %d", fn, (int)i,
                       (int)t->ndim, (int)p->ref, (int)r->ndim);
    for (int32_t d = 0; d < r->ndim; d++)
      if (d != p->dim && t->shape[d] != r->shape[d]) {
        char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
        return ct__error(CT_ERR_SHAPE, "%s: tensors[%d] has shape %s but tensors[%d] has %s (dim %d aside)",
                         fn, (int)i, ct__shape_str(a, sizeof a, t->ndim, t->shape), (int)p->ref,
                         ct__shape_str(b, sizeof b, r->ndim, r->shape), (int)p->dim);
      }
    CT_CHECK_ARG(!__builtin_add_overflow(total, t->shape[p->dim], &total), CT_ERR_SHAPE,
                 "%s: the concatenated size along dim %d overflows int64", fn, (int)p->dim);
  }
  CT_TRY(ct__dims_init(&p->shape, r->ndim, fn));
  memcpy(p->shape.v, r->shape, (size_t)r->ndim * sizeof(int64_t));
  p->shape.v[p->dim] = total;
  int64_t numel;
  return ct__check_shape(&numel, r->ndim, p->shape.v, ct__itemsize(p->dtype), fn);
}

/* Copies the inputs into their slices of out along the plan's dim. */
static ct_status st_cat_fill(ct_tensor *out, ct_tensor *const *ts, int32_t count, const st_cat_plan *p,
                             const char *fn) {
  if (out->numel == 0) return CT_OK;
  const struct ct_backend_i *b;
  CT_TRY(st_backend(&b, out, false, fn));
  ct_tensor *v;
  CT_TRY(st_alias(&v, out, fn));
  ct_status s = CT_OK;
  int64_t pos = 0;
  for (int32_t i = p->ref; i < count && s == CT_OK; i++) {
    ct_tensor *t = ts[i];
    if (st_cat_skipped(t)) continue;
    if (t->numel > 0) {
      v->shape[p->dim] = t->shape[p->dim];
      v->offset = out->offset + pos * out->strides[p->dim];
      v->numel = t->numel;
      s = b->copy(v, t);
    }
    pos += t->shape[p->dim];
  }
  ct_tensor_release(v);
  return s;
}

ct_status ct_cat(ct_tensor **out, ct_tensor *const *tensors, int32_t count, int64_t dim) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  st_cat_plan p;
  ct_tensor *r = NULL;
  const struct ct_backend_i *b;
  ct_status s = st_cat_plan_make(&p, tensors, count, dim, __func__);
  if (s == CT_OK) s = st_backend(&b, tensors[0], false, __func__);
  if (s == CT_OK)
    s = ct__tensor_empty(&r, p.shape.ndim, p.shape.v, p.dtype, b, tensors[0]->storage->device_index,
                         __func__);
  if (s == CT_OK) s = st_cat_fill(r, tensors, count, &p, __func__);
  ct__dims_free(&p.shape);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

ct_status ct_cat_out(ct_tensor *out, ct_tensor *const *tensors, int32_t count, int64_t dim) {
  CT_CHECK_NOT_NULL(out);
  st_cat_plan p;
  ct_status s = st_cat_plan_make(&p, tensors, count, dim, __func__);
  if (s == CT_OK) s = st_check_out(out, p.shape.ndim, p.shape.v, p.dtype, false, tensors[0], __func__);
  if (s == CT_OK) s = st_check_out_apart(out, tensors, count, __func__);
  if (s == CT_OK) s = st_cat_fill(out, tensors, count, &p, __func__);
  ct__dims_free(&p.shape);
  return s;
}

/* Validates stack's arguments; shape gets the result's shape (free it on every path). */
static ct_status st_stack_plan(ct__dims *shape, int32_t *dim, ct_dtype *dtype, ct_tensor *const *ts,
                               int32_t count, int64_t dim_arg, const char *fn) {
  shape->ndim = 0;
  shape->v = shape->inline_v;
  CT_TRY(st_check_list(ts, count, fn));
  const ct_tensor *r = ts[0];
  for (int32_t i = 1; i < count; i++) {
    const ct_tensor *t = ts[i];
    if (t->ndim != r->ndim || memcmp(t->shape, r->shape, (size_t)r->ndim * sizeof(int64_t)) != 0) {
      char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
      return ct__error(CT_ERR_SHAPE,
                       "%s: tensors[%d] has shape %s but tensors[0] has %s; stack needs equal shapes", fn,
                       (int)i, ct__shape_str(a, sizeof a, t->ndim, t->shape),
                       ct__shape_str(b, sizeof b, r->ndim, r->shape));
    }
  }
  CT_TRY(ct__wrap_dim(dim, dim_arg, r->ndim + 1, fn));
  *dtype = st_list_dtype(ts, count);
  CT_TRY(ct__dims_init(shape, r->ndim + 1, fn));
  for (int32_t d = 0, k = 0; d <= r->ndim; d++) shape->v[d] = d == *dim ? count : r->shape[k++];
  int64_t numel;
  return ct__check_shape(&numel, r->ndim + 1, shape->v, ct__itemsize(*dtype), fn);
}

/* Copies tensors[i] into out.select(dim, i) for each i. */
static ct_status st_stack_fill(ct_tensor *out, ct_tensor *const *ts, int32_t count, int32_t dim,
                               const char *fn) {
  if (out->numel == 0) return CT_OK;
  const struct ct_backend_i *b;
  CT_TRY(st_backend(&b, out, false, fn));
  ct_tensor *v;
  CT_TRY(st_drop_dim(&v, out, dim, fn));
  ct_status s = CT_OK;
  for (int32_t i = 0; i < count && s == CT_OK; i++) {
    v->offset = out->offset + i * out->strides[dim];
    s = b->copy(v, ts[i]);
  }
  ct_tensor_release(v);
  return s;
}

ct_status ct_stack(ct_tensor **out, ct_tensor *const *tensors, int32_t count, int64_t dim) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  ct__dims shape;
  int32_t d = 0;
  ct_dtype dtype = CT_FLOAT32;
  ct_tensor *r = NULL;
  const struct ct_backend_i *b;
  ct_status s = st_stack_plan(&shape, &d, &dtype, tensors, count, dim, __func__);
  if (s == CT_OK) s = st_backend(&b, tensors[0], false, __func__);
  if (s == CT_OK)
    s = ct__tensor_empty(&r, shape.ndim, shape.v, dtype, b, tensors[0]->storage->device_index, __func__);
  if (s == CT_OK) s = st_stack_fill(r, tensors, count, d, __func__);
  ct__dims_free(&shape);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

ct_status ct_stack_out(ct_tensor *out, ct_tensor *const *tensors, int32_t count, int64_t dim) {
  CT_CHECK_NOT_NULL(out);
  ct__dims shape;
  int32_t d = 0;
  ct_dtype dtype = CT_FLOAT32;
  ct_status s = st_stack_plan(&shape, &d, &dtype, tensors, count, dim, __func__);
  if (s == CT_OK) s = st_check_out(out, shape.ndim, shape.v, dtype, false, tensors[0], __func__);
  if (s == CT_OK) s = st_check_out_apart(out, tensors, count, __func__);
  if (s == CT_OK) s = st_stack_fill(out, tensors, count, d, __func__);
  ct__dims_free(&shape);
  return s;
}

/* ---- split, chunk, unbind ------------------------------------------------------------------ */

/* Validates the (outs, capacity, count) triple and clears it, so that every failure leaves it cleared. */
static ct_status st_outs_begin(ct_tensor **outs, int32_t capacity, int32_t *count, const char *fn) {
  if (outs != NULL)
    for (int32_t i = 0; i < capacity; i++) outs[i] = NULL;
  CT_CHECK_ARG(count != NULL, CT_ERR_INVALID_ARGUMENT, "%s: count is NULL", fn);
  *count = 0;
  CT_CHECK_ARG(capacity >= 0, CT_ERR_INVALID_ARGUMENT, "%s: capacity = %d is negative", fn, (int)capacity);
  CT_CHECK_ARG(outs != NULL || capacity == 0, CT_ERR_INVALID_ARGUMENT,
               "%s: outs is NULL but capacity = %d (pass outs = NULL with capacity = 0 to query the count)",
               fn, (int)capacity);
  for (int32_t i = 0; i < capacity; i++) outs[i] = NULL;
  return CT_OK;
}

/* How t is cut along a dim: n pieces of sizes[i], or of size each with the last of last. */
typedef struct st_pieces {
  int64_t n;
  const int64_t *sizes; /* NULL: uniform */
  int64_t size, last;
  bool drop; /* unbind: each piece has size 1 and loses the dim */
} st_pieces;

/* Writes the views of the pieces into outs (or only their count when outs is NULL). */
static ct_status st_emit(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t, int32_t dim,
                         const st_pieces *pc, const char *fn) {
  CT_CHECK_ARG(pc->n <= INT32_MAX, CT_ERR_INVALID_ARGUMENT,
               "%s: the %lld views are more than an int32 count holds", fn, (long long)pc->n);
  int32_t n = (int32_t)pc->n;
  if (!outs) {
    *count = n;
    return CT_OK;
  }
  CT_CHECK_ARG(capacity >= n, CT_ERR_INVALID_ARGUMENT,
               "%s: capacity = %d is less than the %d views; call with outs = NULL to get the count", fn,
               (int)capacity, (int)n);
  ct__dims buf;
  CT_TRY(ct__dims_init(&buf, 2 * t->ndim, fn));
  int64_t *shape = buf.v, *strides = buf.v + t->ndim;
  int32_t nd = 0;
  for (int32_t d = 0; d < t->ndim; d++) {
    if (pc->drop && d == dim) continue;
    shape[nd] = t->shape[d];
    strides[nd] = t->strides[d];
    nd++;
  }
  ct_status s = CT_OK;
  int64_t start = 0;
  for (int32_t i = 0; i < n; i++) {
    int64_t size = pc->drop ? 1 : pc->sizes ? pc->sizes[i] : i == n - 1 ? pc->last : pc->size;
    if (!pc->drop) shape[dim] = size;
    s = ct__tensor_make(&outs[i], t->storage, t->dtype, nd, shape, strides,
                        t->offset + start * t->strides[dim], fn);
    if (s != CT_OK) break;
    start += size;
  }
  ct__dims_free(&buf);
  if (s != CT_OK) {
    for (int32_t i = 0; i < n; i++) {
      ct_tensor_release(outs[i]);
      outs[i] = NULL;
    }
    return s;
  }
  *count = n;
  return CT_OK;
}

/* t has dims and dim wraps into them (split and chunk refuse 0-d tensors before looking at dim). */
static ct_status st_split_dim(int32_t *d, const ct_tensor *t, int64_t dim, const char *fn) {
  CT_CHECK_ARG(t->ndim > 0, CT_ERR_SHAPE, "%s: t is 0-d; it needs at least 1 dim to be cut", fn);
  return ct__wrap_dim(d, dim, t->ndim, fn);
}

/* Pieces of split_size (> 0, or 0 for an empty dim) along a dim of size n. */
static st_pieces st_uniform(int64_t n, int64_t split_size) {
  st_pieces pc = {.n = 1, .size = split_size, .last = n};
  if (split_size > 0 && n > 0) {
    pc.n = n / split_size + (n % split_size != 0);
    pc.last = n - split_size * (pc.n - 1);
  }
  return pc;
}

ct_status ct_split(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t, int64_t split_size,
                   int64_t dim) {
  CT_TRY(st_outs_begin(outs, capacity, count, __func__));
  CT_CHECK_NOT_NULL(t);
  int32_t d;
  CT_TRY(st_split_dim(&d, t, dim, __func__));
  CT_CHECK_ARG(split_size >= 0, CT_ERR_INVALID_ARGUMENT, "ct_split: split_size = %lld is negative",
               (long long)split_size);
  CT_CHECK_ARG(split_size > 0 || t->shape[d] == 0, CT_ERR_INVALID_ARGUMENT,
               "ct_split: split_size = 0 is only allowed for a dim of size 0, but dim %d has size %lld",
               (int)d, (long long)t->shape[d]);
  st_pieces pc = st_uniform(t->shape[d], split_size);
  return st_emit(outs, capacity, count, t, d, &pc, __func__);
}

ct_status ct_split_with_sizes(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t,
                              const int64_t *sizes, int32_t nsizes, int64_t dim) {
  CT_TRY(st_outs_begin(outs, capacity, count, __func__));
  CT_CHECK_NOT_NULL(t);
  CT_CHECK_ARG(nsizes >= 0, CT_ERR_INVALID_ARGUMENT, "ct_split_with_sizes: nsizes = %d is negative",
               (int)nsizes);
  CT_CHECK_ARG(sizes != NULL || nsizes == 0, CT_ERR_INVALID_ARGUMENT,
               "ct_split_with_sizes: sizes is NULL but nsizes = %d", (int)nsizes);
  int32_t d;
  CT_TRY(st_split_dim(&d, t, dim, __func__));
  int64_t sum = 0;
  bool overflow = false;
  for (int32_t i = 0; i < nsizes; i++) {
    CT_CHECK_ARG(sizes[i] >= 0, CT_ERR_INVALID_ARGUMENT, "ct_split_with_sizes: sizes[%d] = %lld is negative",
                 (int)i, (long long)sizes[i]);
    overflow |= __builtin_add_overflow(sum, sizes[i], &sum);
  }
  if (overflow || sum != t->shape[d]) {
    char a[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE,
                     "ct_split_with_sizes: sizes %s sum to %s%lld but dim %d of t has size %lld",
                     ct__shape_str(a, sizeof a, nsizes, sizes), overflow ? "more than " : "", (long long)sum,
                     (int)d, (long long)t->shape[d]);
  }
  st_pieces pc = {.n = nsizes, .sizes = sizes};
  return st_emit(outs, capacity, count, t, d, &pc, __func__);
}

ct_status ct_chunk(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t, int64_t chunks,
                   int64_t dim) {
  CT_TRY(st_outs_begin(outs, capacity, count, __func__));
  CT_CHECK_NOT_NULL(t);
  int32_t d;
  CT_TRY(st_split_dim(&d, t, dim, __func__));
  CT_CHECK_ARG(chunks > 0, CT_ERR_INVALID_ARGUMENT, "ct_chunk: chunks = %lld is not positive",
               (long long)chunks);
  int64_t n = t->shape[d];
  /* An empty dim still gives `chunks` (empty) pieces, as PyTorch's split_with_sizes path does. */
  st_pieces pc =
      n == 0 ? (st_pieces){.n = chunks, .size = 0, .last = 0} : st_uniform(n, n / chunks + (n % chunks != 0));
  return st_emit(outs, capacity, count, t, d, &pc, __func__);
}

ct_status ct_unbind(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t, int64_t dim) {
  CT_TRY(st_outs_begin(outs, capacity, count, __func__));
  CT_CHECK_NOT_NULL(t);
  int32_t d;
  CT_TRY(ct__wrap_dim(&d, dim, t->ndim, __func__));
  st_pieces pc = {.n = t->shape[d], .drop = true};
  return st_emit(outs, capacity, count, t, d, &pc, __func__);
}

/* ---- flip and roll ------------------------------------------------------------------------- */

/* Checks a dims list argument (ndims >= 0, non-NULL when used). */
static ct_status st_check_list_arg(const int64_t *list, int32_t n, const char *fn, const char *name,
                                   const char *count_name) {
  CT_CHECK_ARG(n >= 0, CT_ERR_INVALID_ARGUMENT, "%s: %s = %d is negative", fn, count_name, (int)n);
  CT_CHECK_ARG(list != NULL || n == 0, CT_ERR_INVALID_ARGUMENT, "%s: %s is NULL but %s = %d", fn, name,
               count_name, (int)n);
  return CT_OK;
}

ct_status ct_flip(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(st_check_list_arg(dims, ndims, __func__, "dims", "ndims"));
  /* A 0-d tensor accepts dim 0 and -1, as PyTorch's wrap_scalar does. */
  int32_t nd = t->ndim > 0 ? t->ndim : 1;
  ct__dims flipped;
  CT_TRY(ct__dims_init(&flipped, nd, __func__));
  memset(flipped.v, 0, (size_t)nd * sizeof(int64_t));
  ct_status s = CT_OK;
  for (int32_t i = 0; i < ndims && s == CT_OK; i++) {
    int32_t d;
    s = ct__wrap_dim(&d, dims[i], nd, __func__);
    if (s == CT_OK && flipped.v[d])
      s = ct__error(CT_ERR_INVALID_ARGUMENT, "ct_flip: dim %d appears more than once in dims", (int)d);
    if (s == CT_OK) flipped.v[d] = 1;
  }
  const struct ct_backend_i *b;
  ct_tensor *r = NULL, *v = NULL;
  if (s == CT_OK) s = st_backend(&b, t, false, __func__);
  if (s == CT_OK) s = ct__tensor_empty_like(&r, t, t->dtype, b, t->storage->device_index, __func__);
  if (s == CT_OK && t->numel > 0) {
    /* The source read backwards along each flipped dim: start at its last element, negate the stride. */
    s = st_alias(&v, t, __func__);
    if (s == CT_OK) {
      for (int32_t d = 0; d < t->ndim; d++)
        if (flipped.v[d]) {
          v->offset += (t->shape[d] - 1) * t->strides[d];
          v->strides[d] = -t->strides[d];
        }
      s = b->copy(r, v);
    }
  }
  ct_tensor_release(v);
  ct__dims_free(&flipped);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

/* At most this many dims are rolled per pass: a pass is 2^k block copies. */
enum { ST_ROLL_DIMS_PER_PASS = 4 };

/*
 * dst = src rolled by amount[j] along dim list[j] for j < k (shapes equal,
 * 0 < amount[j] < size): along each dim the block [0, n - a) of src moves to
 * [a, n) and [n - a, n) to [0, a), so the 2^k combinations of blocks are
 * copied one by one.
 */
static ct_status st_roll_pass(const struct ct_backend_i *b, ct_tensor *dst, ct_tensor *src,
                              const int32_t *list, const int64_t *amount, int32_t k, const char *fn) {
  ct_tensor *dv = NULL, *sv = NULL;
  ct_status s = st_alias(&dv, dst, fn);
  if (s == CT_OK) s = st_alias(&sv, src, fn);
  for (int32_t mask = 0; s == CT_OK && mask < (1 << k); mask++) {
    dv->offset = dst->offset;
    sv->offset = src->offset;
    for (int32_t j = 0; j < k; j++) {
      int32_t d = list[j];
      int64_t n = dst->shape[d], a = amount[j];
      if (mask & (1 << j)) {
        sv->offset += (n - a) * src->strides[d];
        dv->shape[d] = sv->shape[d] = a;
      } else {
        dv->offset += a * dst->strides[d];
        dv->shape[d] = sv->shape[d] = n - a;
      }
    }
    st_renumel(dv);
    st_renumel(sv);
    s = b->copy(dv, sv);
  }
  ct_tensor_release(dv);
  ct_tensor_release(sv);
  return s;
}

/* r = t rolled by amount[j] along list[j] (k dims, distinct), in passes through a scratch tensor. */
static ct_status st_roll_dims(const struct ct_backend_i *b, ct_tensor *r, ct_tensor *t, const int32_t *list,
                              const int64_t *amount, int32_t k, const char *fn) {
  if (k == 0) return b->copy(r, t);
  int32_t passes = (k + ST_ROLL_DIMS_PER_PASS - 1) / ST_ROLL_DIMS_PER_PASS;
  ct_tensor *tmp = NULL;
  if (passes > 1)
    CT_TRY(ct__tensor_empty(&tmp, r->ndim, r->shape, r->dtype, b, r->storage->device_index, fn));
  /* Alternate r and tmp so that the last pass writes r. */
  ct_status s = CT_OK;
  ct_tensor *src = t;
  for (int32_t p = 0; p < passes && s == CT_OK; p++) {
    ct_tensor *dst = (passes - 1 - p) % 2 == 0 ? r : tmp;
    int32_t first = p * ST_ROLL_DIMS_PER_PASS;
    int32_t kk = k - first < ST_ROLL_DIMS_PER_PASS ? k - first : ST_ROLL_DIMS_PER_PASS;
    s = st_roll_pass(b, dst, src, list + first, amount + first, kk, fn);
    src = dst;
  }
  ct_tensor_release(tmp);
  return s;
}

/* (a + b) mod n in [0, n), n > 0, without overflow. */
static int64_t st_mod_add(int64_t a, int64_t b, int64_t n) {
  int64_t x = a % n, y = b % n;
  if (x < 0) x += n;
  if (y < 0) y += n;
  return x >= n - y ? x - (n - y) : x + y;
}

ct_status ct_roll(ct_tensor **out, ct_tensor *t, const int64_t *shifts, int32_t nshifts, const int64_t *dims,
                  int32_t ndims) {
  static const char fn[] = "ct_roll";
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(st_check_list_arg(shifts, nshifts, fn, "shifts", "nshifts"));
  CT_TRY(st_check_list_arg(dims, ndims, fn, "dims", "ndims"));
  CT_CHECK_ARG(nshifts > 0, CT_ERR_INVALID_ARGUMENT, "ct_roll: shifts is empty; give at least one shift");
  CT_CHECK_ARG(ndims > 0 || nshifts == 1, CT_ERR_INVALID_ARGUMENT,
               "ct_roll: %d shifts but no dims; without dims t is rolled flattened, by exactly one shift",
               (int)nshifts);
  CT_CHECK_ARG(ndims == 0 || nshifts == ndims, CT_ERR_INVALID_ARGUMENT,
               "ct_roll: %d shifts but %d dims; shifts and dims must pair up", (int)nshifts, (int)ndims);

  /* amount[d]: the total shift of dim d mod its size (a dim may be named more than once). */
  ct__dims amount;
  CT_TRY(ct__dims_init(&amount, t->ndim + 1, fn));
  memset(amount.v, 0, (size_t)(t->ndim + 1) * sizeof(int64_t));
  ct_status s = CT_OK;
  for (int32_t i = 0; i < ndims && s == CT_OK; i++) {
    int32_t d;
    s = ct__wrap_dim(&d, dims[i], t->ndim, fn);
    if (s == CT_OK && t->shape[d] > 0) amount.v[d] = st_mod_add(amount.v[d], shifts[i], t->shape[d]);
  }

  const struct ct_backend_i *b;
  ct_tensor *r = NULL, *flat_src = NULL, *flat_dst = NULL, *tmp = NULL;
  if (s == CT_OK) s = st_backend(&b, t, false, fn);
  if (s == CT_OK) s = ct__tensor_empty(&r, t->ndim, t->shape, t->dtype, b, t->storage->device_index, fn);
  if (s == CT_OK && t->numel > 0) {
    if (ndims == 0) {
      /* Flattened: roll 1-d views of r and of t (t copied contiguous first when it is not). */
      ct_tensor *src = t;
      if (!ct__is_contiguous(t)) {
        s = ct__tensor_empty(&tmp, t->ndim, t->shape, t->dtype, b, t->storage->device_index, fn);
        if (s == CT_OK) s = b->copy(tmp, t);
        src = tmp;
      }
      int64_t n = t->numel, a = st_mod_add(0, shifts[0], n);
      int32_t zero = 0;
      if (s == CT_OK) s = ct__tensor_make(&flat_src, src->storage, t->dtype, 1, &n, NULL, src->offset, fn);
      if (s == CT_OK) s = ct__tensor_make(&flat_dst, r->storage, t->dtype, 1, &n, NULL, r->offset, fn);
      if (s == CT_OK) s = st_roll_dims(b, flat_dst, flat_src, &zero, &a, a != 0, fn);
    } else {
      /* Only the dims whose shift is not a whole turn move anything. */
      int32_t k = 0;
      int32_t list_stack[CT__DIMS_INLINE], *list = list_stack;
      if (t->ndim > CT__DIMS_INLINE)
        s = ct__alloc_or_error((void **)&list, (size_t)t->ndim * sizeof(int32_t), fn, "a dim list");
      for (int32_t d = 0; d < t->ndim && s == CT_OK; d++)
        if (amount.v[d] != 0) {
          list[k] = d;
          amount.v[k++] = amount.v[d]; /* k <= d: compacting in place is safe */
        }
      if (s == CT_OK) s = st_roll_dims(b, r, t, list, amount.v, k, fn);
      if (list != list_stack) ct__free(list);
    }
  }
  ct_tensor_release(flat_src);
  ct_tensor_release(flat_dst);
  ct_tensor_release(tmp);
  ct__dims_free(&amount);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

/* ---- repeat and tile ----------------------------------------------------------------------- */

/*
 * t repeated (reps has n >= t->ndim entries, checked). The result (r0*s0,
 * r1*s1, ...) is seen as the 2n-d (r0, s0, r1, s1, ...) and the source as the
 * same shape with stride 0 on every r dim, so one strided copy fills it.
 */
static ct_status st_repeat(ct_tensor **out, ct_tensor *t, const int64_t *reps, int32_t n, const char *fn) {
  for (int32_t d = 0; d < n; d++)
    CT_CHECK_ARG(reps[d] >= 0, CT_ERR_INVALID_ARGUMENT, "%s: repeats[%d] = %lld is negative", fn, (int)d,
                 (long long)reps[d]);
  int32_t pad = n - t->ndim;
  ct__dims buf;
  CT_TRY(ct__dims_init(&buf, 7 * n, fn));
  int64_t *oshape = buf.v, *shape = buf.v + n, *dstr = shape + 2 * n, *sstr = dstr + 2 * n;
  ct_status s = CT_OK;
  for (int32_t d = 0; d < n && s == CT_OK; d++) {
    int64_t size = d < pad ? 1 : t->shape[d - pad];
    if (__builtin_mul_overflow(size, reps[d], &oshape[d])) {
      char a[CT__SHAPE_STR_MAX], c[CT__SHAPE_STR_MAX];
      s = ct__error(CT_ERR_SHAPE, "%s: shape %s repeated %s overflows int64", fn,
                    ct__shape_str(a, sizeof a, t->ndim, t->shape), ct__shape_str(c, sizeof c, n, reps));
    }
  }
  int64_t numel = 0;
  if (s == CT_OK) s = ct__check_shape(&numel, n, oshape, ct__itemsize(t->dtype), fn);
  const struct ct_backend_i *b;
  ct_tensor *r = NULL, *dv = NULL, *sv = NULL;
  if (s == CT_OK) s = st_backend(&b, t, false, fn);
  if (s == CT_OK) s = ct__tensor_empty(&r, n, oshape, t->dtype, b, t->storage->device_index, fn);
  if (s == CT_OK && numel > 0) {
    for (int32_t d = 0; d < n; d++) {
      int64_t size = d < pad ? 1 : t->shape[d - pad];
      shape[2 * d] = reps[d];
      shape[2 * d + 1] = size;
      dstr[2 * d] = size * r->strides[d];
      dstr[2 * d + 1] = r->strides[d];
      sstr[2 * d] = 0;
      sstr[2 * d + 1] = d < pad ? 0 : t->strides[d - pad];
    }
    s = ct__tensor_make(&dv, r->storage, r->dtype, 2 * n, shape, dstr, r->offset, fn);
    if (s == CT_OK) s = ct__tensor_make(&sv, t->storage, t->dtype, 2 * n, shape, sstr, t->offset, fn);
    if (s == CT_OK) s = b->copy(dv, sv);
  }
  ct_tensor_release(dv);
  ct_tensor_release(sv);
  ct__dims_free(&buf);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

ct_status ct_repeat(ct_tensor **out, ct_tensor *t, const int64_t *repeats, int32_t nrepeats) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(st_check_list_arg(repeats, nrepeats, __func__, "repeats", "nrepeats"));
  CT_CHECK_ARG(nrepeats >= t->ndim, CT_ERR_INVALID_ARGUMENT,
               "ct_repeat: nrepeats = %d is less than t's %d dims; give at least one repeat per dim",
               (int)nrepeats, (int)t->ndim);
  return st_repeat(out, t, repeats, nrepeats, __func__);
}

ct_status ct_tile(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(st_check_list_arg(dims, ndims, __func__, "dims", "ndims"));
  for (int32_t d = 0; d < ndims; d++)
    CT_CHECK_ARG(dims[d] >= 0, CT_ERR_INVALID_ARGUMENT, "ct_tile: dims[%d] = %lld is negative", (int)d,
                 (long long)dims[d]);
  if (ndims >= t->ndim) return st_repeat(out, t, dims, ndims, __func__);
  /* Fewer repeats than dims: NumPy pads them with leading 1s. */
  ct__dims reps;
  CT_TRY(ct__dims_init(&reps, t->ndim, __func__));
  int32_t pad = t->ndim - ndims;
  for (int32_t d = 0; d < t->ndim; d++) reps.v[d] = d < pad ? 1 : dims[d - pad];
  ct_status s = st_repeat(out, t, reps.v, t->ndim, __func__);
  ct__dims_free(&reps);
  return s;
}

/* ---- tril and triu ------------------------------------------------------------------------- */

static ct_status st_check_matrix(const ct_tensor *t, const char *fn) {
  if (t->ndim < 2) {
    char a[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: t has shape %s; it needs at least 2 dims", fn,
                     ct__shape_str(a, sizeof a, t->ndim, t->shape));
  }
  return CT_OK;
}

static ct_status st_tri(ct_tensor **out, ct_tensor *t, int64_t diagonal, bool upper, const char *fn) {
  CT_CHECK_ARG(out != NULL, CT_ERR_INVALID_ARGUMENT, "%s: out is NULL", fn);
  *out = NULL;
  CT_CHECK_ARG(t != NULL, CT_ERR_INVALID_ARGUMENT, "%s: t is NULL", fn);
  CT_TRY(st_check_matrix(t, fn));
  const struct ct_backend_i *b;
  CT_TRY(st_backend(&b, t, true, fn));
  ct_tensor *r;
  CT_TRY(ct__tensor_empty(&r, t->ndim, t->shape, t->dtype, b, t->storage->device_index, fn));
  if (r->numel > 0) {
    ct_status s = b->structure->tril_triu(r, t, diagonal, upper);
    if (s != CT_OK) {
      ct_tensor_release(r);
      return s;
    }
  }
  *out = r;
  return CT_OK;
}

static ct_status st_tri_out(ct_tensor *out, ct_tensor *t, int64_t diagonal, bool upper, const char *fn,
                            const char *out_name) {
  CT_CHECK_ARG(out != NULL, CT_ERR_INVALID_ARGUMENT, "%s: %s is NULL", fn, out_name);
  CT_CHECK_ARG(t != NULL, CT_ERR_INVALID_ARGUMENT, "%s: t is NULL", fn);
  CT_TRY(st_check_matrix(t, fn));
  if (out != t) CT_TRY(st_check_out(out, t->ndim, t->shape, t->dtype, true, t, fn));
  CT_TRY(ct__check_writable(out, fn, out_name));
  CT_TRY(st_check_no_internal_overlap(out, fn, out_name));
  const struct ct_backend_i *b;
  CT_TRY(st_backend(&b, t, true, fn));
  if (st_same_view(out, t))
    t = out; /* in place */
  else if (st_overlap(out, t))
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: out overlaps t in memory (pass t itself to work in place)",
                     fn);
  if (out->numel == 0) return CT_OK;
  return b->structure->tril_triu(out, t, diagonal, upper);
}

ct_status ct_tril(ct_tensor **out, ct_tensor *t, int64_t diagonal) {
  return st_tri(out, t, diagonal, false, __func__);
}
ct_status ct_triu(ct_tensor **out, ct_tensor *t, int64_t diagonal) {
  return st_tri(out, t, diagonal, true, __func__);
}
ct_status ct_tril_(ct_tensor *t, int64_t diagonal) {
  return st_tri_out(t, t, diagonal, false, __func__, "t");
}
ct_status ct_triu_(ct_tensor *t, int64_t diagonal) {
  return st_tri_out(t, t, diagonal, true, __func__, "t");
}
ct_status ct_tril_out(ct_tensor *out, ct_tensor *t, int64_t diagonal) {
  return st_tri_out(out, t, diagonal, false, __func__, "out");
}
ct_status ct_triu_out(ct_tensor *out, ct_tensor *t, int64_t diagonal) {
  return st_tri_out(out, t, diagonal, true, __func__, "out");
}
