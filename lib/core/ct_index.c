/*
 * ct_index.c: the front ends of indexing: ct_index / ct_index_put_ (Python's
 * t[...] and t[...] = v), index_select, gather, scatter, masked_fill,
 * masked_select, nonzero and take.
 *
 * Basic items (integers, slices, None, ellipsis, bools) only change the view
 * geometry. Index tensors then turn the view into an indexed copy: every
 * operand (result or value, the view, each index tensor) is given one
 * iteration shape by "restriding" it (stride 0 where it does not vary), and
 * the backend's indexed_copy adds index * stride offsets (see ct_index.h).
 * Index values are checked here, through the backend's find_out_of_range,
 * before any element moves, so a failing call writes nothing.
 */
#include <stdio.h>
#include <string.h>

#include "ct_index.h"

/* ---- helpers ------------------------------------------------------------------------------- */

ct_status ct__index_kernels(const struct ct_backend_index_i **out, const ct_tensor *t, const char *fn) {
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, t->storage->device_type, fn));
  if (!b->index)
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: the %s backend has no index kernels", fn, b->name);
  *out = b->index;
  return CT_OK;
}

/* Refuses a tensor (argument arg) on another device than t. */
static ct_status ct__same_device(const ct_tensor *x, const ct_tensor *t, const char *fn, const char *arg) {
  if (x->storage->device_type == t->storage->device_type && x->storage->device_index == t->storage->device_index)
    return CT_OK;
  return ct__error(CT_ERR_DEVICE, "%s: %s is on device %d:%d but t is on device %d:%d", fn, arg,
                   (int)x->storage->device_type, (int)x->storage->device_index, (int)t->storage->device_type,
                   (int)t->storage->device_index);
}

/* Refuses an output with several elements at one address (a stride-0 dim of size > 1). */
static ct_status ct__check_no_overlap(const ct_tensor *t, const char *fn, const char *arg) {
  for (int32_t d = 0; d < t->ndim; d++)
    if (t->strides[d] == 0 && t->shape[d] > 1 && t->numel > 0)
      return ct__error(CT_ERR_INVALID_ARGUMENT,
                       "%s: more than one element of %s refers to a single memory location (dim %d has "
                       "stride 0); clone it first",
                       fn, arg, (int)d);
  return CT_OK;
}

/* Checks an index tensor's values against [lo, size) through the backend; names dim and size. */
static ct_status ct__check_bounds(const struct ct_backend_index_i *k, const ct_tensor *idx, bool negatives,
                                  int64_t size, int32_t dim, const char *fn) {
  if (idx->numel == 0) return CT_OK;
  bool found;
  int64_t v;
  CT_TRY(ct__error_in(k->find_out_of_range(&found, &v, idx, negatives ? -size : 0, size), fn));
  if (found)
    return ct__error(CT_ERR_INDEX, "%s: index %lld is out of bounds for dimension %d with size %lld", fn,
                     (long long)v, (int)dim, (long long)size);
  return CT_OK;
}

/* A view over base's storage with base's dtype and any geometry. */
static ct_status ct__restride(ct_tensor **out, const ct_tensor *base, int32_t ndim, const int64_t *shape,
                              const int64_t *strides, int64_t offset, const char *fn) {
  return ct__tensor_make(out, base->storage, base->dtype, ndim, shape, strides, offset, fn);
}

/*
 * One value of value_dtype converted to t's dtype as PyTorch converts a
 * Scalar (refusing what overflows), as a 0-d tensor on t's device.
 */
static ct_status ct__scalar_value(ct_tensor **out, const void *value, ct_dtype value_dtype, const ct_tensor *t,
                                  const char *fn) {
  *out = NULL;
  if (!value) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: value is NULL", fn);
  CT_TRY(ct__check_dtype(value_dtype, fn, "value_dtype"));
  CT_TRY(ct__check_fill_value(value, value_dtype, t->dtype, fn));
  return ct__error_in(ct_full(out, 0, NULL, value, value_dtype, t->dtype, t->storage->device_type,
                              t->storage->device_index),
                      fn);
}

/* A copy of x in fresh storage when it shares storage with t (a write target), else a new reference. */
static ct_status ct__apart_from(ct_tensor **out, ct_tensor *x, const ct_tensor *t, const char *fn) {
  if (x->storage != t->storage) {
    atomic_fetch_add(&x->refcount, 1);
    *out = x;
    return CT_OK;
  }
  return ct__error_in(ct_clone(out, x), fn);
}

static bool ct__is_int_index(ct_dtype d) { return d == CT_INT64 || d == CT_INT32; }

/* Releases the n tensors of ts (NULL entries allowed). */
static void ct__release_all(ct_tensor **ts, int32_t n) {
  for (int32_t i = 0; i < n; i++) ct_tensor_release(ts[i]);
}

/* ---- the index description ----------------------------------------------------------------- */

/*
 * t after the basic items, and the index tensors that apply to its dims: the
 * result of walking an index description. at[d] is the int32/int64 index
 * tensor of view dim d (a reference held) or NULL; check[d] whether its
 * values still need a bounds check (the user's tensors; masks' coordinates
 * and bools are in range by construction).
 */
typedef struct ct__ix {
  ct_tensor *view;
  int32_t nd;
  ct_tensor **at;
  bool *check;
  int32_t nadv;
  void *mem;
} ct__ix;

static void ct__ix_free(ct__ix *ix) {
  if (ix->at) ct__release_all(ix->at, ix->nd);
  ct_tensor_release(ix->view);
  ct__free(ix->mem);
  memset(ix, 0, sizeof *ix);
}

/* Checks the arrays of an index description and counts the dims it names (PyTorch's rule). */
static ct_status ct__ix_validate(int32_t *specified, ct_tensor *t, int32_t n, const int32_t *kinds,
                                 const int64_t *values, ct_tensor *const *tensors, const char *fn) {
  CT_CHECK_ARG(n >= 0, CT_ERR_INVALID_ARGUMENT, "%s: n = %d is negative", fn, (int)n);
  CT_CHECK_ARG(n == 0 || kinds, CT_ERR_INVALID_ARGUMENT, "%s: kinds is NULL but n = %d", fn, (int)n);
  int32_t count = 0, ellipses = 0;
  for (int32_t i = 0; i < n; i++) {
    int32_t k = kinds[i];
    CT_CHECK_ARG(k >= 0 && k < CT_INDEX_KIND_COUNT, CT_ERR_INVALID_ARGUMENT, "%s: kinds[%d] = %d is not a ct_index_kind",
                 fn, (int)i, (int)k);
    if (k == CT_INDEX_INT || k == CT_INDEX_SLICE || k == CT_INDEX_BOOL)
      CT_CHECK_ARG(values, CT_ERR_INVALID_ARGUMENT, "%s: values is NULL but kinds[%d] = %d needs it", fn, (int)i,
                   (int)k);
    switch (k) {
      case CT_INDEX_INT: count++; break;
      case CT_INDEX_SLICE:
        CT_CHECK_ARG(values[3 * i + 2] > 0, CT_ERR_INVALID_ARGUMENT,
                     "%s: item %d is a slice with step %lld; the step must be greater than zero", fn, (int)i,
                     (long long)values[3 * i + 2]);
        count++;
        break;
      case CT_INDEX_ELLIPSIS:
        CT_CHECK_ARG(++ellipses == 1, CT_ERR_INVALID_ARGUMENT, "%s: an index can only have a single ellipsis (item %d)",
                     fn, (int)i);
        break;
      case CT_INDEX_TENSOR: {
        CT_CHECK_ARG(tensors, CT_ERR_INVALID_ARGUMENT, "%s: tensors is NULL but kinds[%d] is CT_INDEX_TENSOR", fn,
                     (int)i);
        ct_tensor *x = tensors[i];
        CT_CHECK_ARG(x, CT_ERR_INVALID_ARGUMENT, "%s: tensors[%d] is NULL", fn, (int)i);
        /* CPU index tensors may index a device tensor (PyTorch's rule): they are moved over below. */
        if (x->storage->device_type != CT_DEVICE_CPU) CT_TRY(ct__same_device(x, t, fn, "an index tensor"));
        bool mask = x->dtype == CT_BOOL || x->dtype == CT_UINT8;
        bool integral = mask || (!ct__dtypes[x->dtype].is_floating && !ct__dtypes[x->dtype].is_complex);
        /* 0-d integer tensors of any width act as integers; otherwise only int64 and int32 index. */
        CT_CHECK_ARG(mask || ct__is_int_index(x->dtype) || (x->ndim == 0 && integral), CT_ERR_DTYPE,
                     "%s: tensors used as indices must be int64, int32, uint8 or bool, but tensors[%d] is %s", fn,
                     (int)i, ct__dtypes[x->dtype].name);
        count += mask ? x->ndim : 1;
        break;
      }
      default: break;
    }
  }
  if (count > t->ndim) {
    if (t->ndim == 0)
      return ct__error(CT_ERR_INDEX, "%s: too many indices for tensor of dimension 0 (t is 0-d; read its value "
                       "with ct_tensor_item)", fn);
    return ct__error(CT_ERR_INDEX, "%s: too many indices for tensor of dimension %d (the index names %d dims)", fn,
                     (int)t->ndim, (int)count);
  }
  *specified = count;
  return CT_OK;
}

/* The int64 index tensor that a bool item stands for: [0] for true (keep the new dim), [] for false. */
static ct_status ct__bool_index(ct_tensor **out, bool value, const ct_tensor *t, const char *fn) {
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, t->storage->device_type, fn));
  int64_t len = value ? 1 : 0;
  CT_TRY(ct__tensor_empty(out, 1, &len, CT_INT64, b, t->storage->device_index, fn));
  if (value) {
    int64_t zero = 0;
    ct_status s = b->fill(*out, &zero);
    if (s != CT_OK) {
      ct_tensor_release(*out);
      *out = NULL;
      return ct__error(s, "%s: cannot fill an index tensor", fn);
    }
  }
  return CT_OK;
}

/* The coordinates of mask's true elements as one int64 index tensor per mask dim (columns of nonzero). */
static ct_status ct__mask_columns(ct_tensor **cols, ct_tensor *mask, const char *fn) {
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, mask, fn));
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, mask->storage->device_type, fn));
  int64_t count;
  CT_TRY(ct__error_in(k->count_nonzero(&count, mask), fn));
  int64_t shape[2] = {count, mask->ndim};
  ct_tensor *nz;
  CT_TRY(ct__tensor_empty(&nz, 2, shape, CT_INT64, b, mask->storage->device_index, fn));
  ct_status s = count > 0 ? ct__error_in(k->nonzero(nz, mask), fn) : CT_OK;
  for (int32_t j = 0; s == CT_OK && j < mask->ndim; j++) {
    int64_t stride = mask->ndim;
    s = ct__tensor_make(&cols[j], nz->storage, CT_INT64, 1, &count, &stride, nz->offset + j, fn);
  }
  ct_tensor_release(nz);
  return s;
}

/*
 * Walks an index description over t (PyTorch's applySlicing): the basic
 * items build the view's geometry, the tensors are recorded per view dim.
 */
static ct_status ct__ix_walk(ct__ix *ix, ct_tensor *t, int32_t n, const int32_t *kinds, const int64_t *values,
                             ct_tensor *const *tensors, const char *fn) {
  memset(ix, 0, sizeof *ix);
  int32_t specified = 0;
  CT_TRY(ct__ix_validate(&specified, t, n, kinds, values, tensors, fn));
  /* Every item adds at most one dim beyond t's (None and bools); masks keep the dims they cover. */
  int32_t cap = t->ndim + n;
  size_t bytes = (size_t)cap * (2 * sizeof(int64_t) + sizeof(ct_tensor *) + sizeof(bool));
  CT_TRY(ct__alloc_or_error(&ix->mem, bytes ? bytes : 1, fn, "the index"));
  int64_t *shape = ix->mem, *strides = shape + cap;
  ix->at = (ct_tensor **)(void *)(strides + cap);
  ix->check = (bool *)(void *)(ix->at + cap);
  memset(ix->at, 0, (size_t)cap * sizeof(ct_tensor *));
  memset(ix->check, 0, (size_t)cap);
  ix->nd = cap; /* every slot releasable until the real count is known */

  int64_t offset = t->offset;
  int32_t od = 0, sd = 0;
  ct_status s = CT_OK;
  for (int32_t i = 0; i < n && s == CT_OK; i++) {
    int32_t kind = kinds[i];
    int64_t v0 = values ? values[3 * i] : 0;
    ct_tensor *x = kind == CT_INDEX_TENSOR ? tensors[i] : NULL;
    bool x_mask = x && (x->dtype == CT_BOOL || x->dtype == CT_UINT8);
    /* 0-d index tensors are integers or bools. */
    if (x && x->ndim == 0) {
      if (x_mask) {
        uint8_t b;
        s = ct_tensor_item(&b, CT_UINT8, x);
        kind = CT_INDEX_BOOL;
        v0 = b != 0;
      } else {
        s = ct_tensor_item_int64(&v0, x);
        kind = CT_INDEX_INT;
      }
      if (s != CT_OK) break;
    }
    switch (kind) {
      case CT_INDEX_INT: {
        int64_t size = t->shape[sd];
        if (v0 < -size || v0 >= size) {
          s = ct__error(CT_ERR_INDEX, "%s: index %lld is out of bounds for dimension %d with size %lld", fn,
                        (long long)v0, (int)sd, (long long)size);
          break;
        }
        offset = ct__moved_offset(offset, v0 < 0 ? v0 + size : v0, t->strides[sd]);
        sd++;
        break;
      }
      case CT_INDEX_SLICE: {
        int64_t size = t->shape[sd], start = v0, stop = values[3 * i + 1], step = values[3 * i + 2];
        if (start < 0) start += size;
        if (stop < 0) stop += size;
        start = start < 0 ? 0 : start > size ? size : start;
        stop = stop < start ? start : stop > size ? size : stop;
        shape[od] = stop == start ? 0 : (stop - start - 1) / step + 1;
        strides[od] = ct__step_stride(t->strides[sd], step);
        offset = ct__moved_offset(offset, start, t->strides[sd]);
        od++, sd++;
        break;
      }
      case CT_INDEX_NONE:
      case CT_INDEX_BOOL:
        /* A new size-1 dim, with unsqueeze's stride. */
        shape[od] = 1;
        strides[od] = sd < t->ndim ? ct__step_stride(t->strides[sd], t->shape[sd]) : 1; /* size 1: on overflow, any */
        if (kind == CT_INDEX_BOOL) s = ct__bool_index(&ix->at[od], v0 != 0, t, fn);
        od++;
        break;
      case CT_INDEX_ELLIPSIS:
        for (int32_t k = 0; k < t->ndim - specified; k++, od++, sd++) {
          shape[od] = t->shape[sd];
          strides[od] = t->strides[sd];
        }
        break;
      default: /* CT_INDEX_TENSOR with dims */
        if (x_mask) {
          for (int32_t j = 0; j < x->ndim; j++)
            if (x->shape[j] != t->shape[sd + j]) {
              char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
              s = ct__error(CT_ERR_INDEX,
                            "%s: the shape of the mask %s (tensors[%d]) at index %d does not match the shape of the "
                            "indexed tensor %s at index %d",
                            fn, ct__shape_str(a, sizeof a, x->ndim, x->shape), (int)i, (int)j,
                            ct__shape_str(b, sizeof b, t->ndim, t->shape), (int)(sd + j));
              break;
            }
          if (s == CT_OK) s = ct__mask_columns(&ix->at[od], x, fn);
          for (int32_t j = 0; j < x->ndim; j++, od++, sd++) {
            shape[od] = t->shape[sd];
            strides[od] = t->strides[sd];
          }
        } else {
          shape[od] = t->shape[sd];
          strides[od] = t->strides[sd];
          atomic_fetch_add(&x->refcount, 1);
          ix->at[od] = x;
          ix->check[od] = true;
          od++, sd++;
        }
        break;
    }
  }
  for (; s == CT_OK && sd < t->ndim; od++, sd++) {
    shape[od] = t->shape[sd];
    strides[od] = t->strides[sd];
  }
  for (int32_t d = 0; s == CT_OK && d < od; d++) {
    ct_tensor *x = ix->at[d];
    if (!x || (x->storage->device_type == t->storage->device_type &&
               x->storage->device_index == t->storage->device_index))
      continue;
    s = ct__error_in(ct_to(&ix->at[d], x, CT_DTYPE_NONE, t->storage->device_type, t->storage->device_index, false),
                     fn);
    ct_tensor_release(x);
  }
  if (s == CT_OK) s = ct__view_of(&ix->view, t, od, shape, strides, offset, fn);
  if (s != CT_OK) {
    ct__ix_free(ix);
    return s;
  }
  ix->nd = od;
  for (int32_t d = 0; d < od; d++) ix->nadv += ix->at[d] != NULL;
  return CT_OK;
}

/*
 * The advanced part of an index: the iteration shape (the result's), where
 * the broadcast index shape sits in it, and the restrided view and index
 * tensors over that shape. Built from a walked ct__ix.
 */
typedef struct ct__adv {
  ct__dims shape;    /* the result's shape */
  int32_t pos, nb;   /* the broadcast index dims are shape[pos .. pos + nb - 1] */
  ct_tensor *base;   /* the view restrided to shape (stride 0 on the index dims) */
  ct_tensor **idx;   /* nadv index tensors restrided to shape */
  int64_t *sizes, *strides;
  int32_t nadv;
  void *mem;
} ct__adv;

static void ct__adv_free(ct__adv *a) {
  if (a->idx) ct__release_all(a->idx, a->nadv);
  ct_tensor_release(a->base);
  ct__free(a->mem);
  ct__dims_free(&a->shape);
  memset(a, 0, sizeof *a);
  a->shape.v = a->shape.inline_v;
}

/* Checks the index values, broadcasts the index tensors and places their dims (PyTorch's rule). */
static ct_status ct__adv_build(ct__adv *a, ct__ix *ix, const char *fn) {
  memset(a, 0, sizeof *a);
  a->shape.v = a->shape.inline_v;
  ct_tensor *view = ix->view;
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, view, fn));
  for (int32_t d = 0; d < ix->nd; d++)
    if (ix->at[d] && ix->check[d]) CT_TRY(ct__check_bounds(k, ix->at[d], true, view->shape[d], d, fn));

  int32_t nadv = ix->nadv, first = -1, last = -1;
  size_t bytes = (size_t)nadv * (sizeof(ct_tensor *) * 2 + 2 * sizeof(int64_t)) + 1;
  CT_TRY(ct__alloc_or_error(&a->mem, bytes, fn, "the index plan"));
  ct_tensor **list = a->mem;
  a->idx = list + nadv;
  a->sizes = (int64_t *)(void *)(a->idx + nadv);
  a->strides = a->sizes + nadv;
  memset(a->idx, 0, (size_t)nadv * sizeof(ct_tensor *));
  a->nadv = nadv;
  for (int32_t d = 0, j = 0; d < ix->nd; d++) {
    if (!ix->at[d]) continue;
    if (first < 0) first = d;
    last = d;
    list[j] = ix->at[d];
    a->sizes[j] = view->shape[d];
    a->strides[j] = view->strides[d];
    j++;
  }
  ct__dims b;
  char what[96];
  snprintf(what, sizeof what, "%s: the index tensors", fn);
  ct_status s = ct__broadcast_shapes(&b, nadv, list, what);
  if (s != CT_OK) {
    ct__dims_free(&b);
    return s;
  }
  /* Adjacent indexed dims keep their place; indexed dims separated by others go first. */
  bool adjacent = last - first + 1 == nadv;
  a->nb = b.ndim;
  a->pos = adjacent ? first : 0;
  int32_t rd = ix->nd - nadv + b.ndim;
  s = ct__dims_init(&a->shape, 2 * rd, fn);
  if (s == CT_OK) {
    int64_t *shape = a->shape.v, *strides = a->shape.v + rd;
    int32_t r = 0;
    for (int32_t d = 0; d <= ix->nd; d++) {
      if (d == (adjacent ? first : 0))
        for (int32_t j = 0; j < b.ndim; j++, r++) {
          shape[r] = b.v[j];
          strides[r] = 0;
        }
      if (d == ix->nd) break;
      if (ix->at[d]) continue;
      shape[r] = view->shape[d];
      strides[r] = view->strides[d];
      r++;
    }
    a->shape.ndim = rd;
    s = ct__restride(&a->base, view, rd, shape, strides, view->offset, fn);
    /* Each index tensor: its broadcast strides on the index dims, 0 elsewhere. */
    for (int32_t j = 0; s == CT_OK && j < nadv; j++) {
      for (int32_t r2 = 0; r2 < rd; r2++) strides[r2] = 0;
      ct__broadcast_strides(strides + a->pos, list[j], b.ndim, b.v);
      s = ct__restride(&a->idx[j], list[j], rd, shape, strides, list[j]->offset, fn);
    }
  }
  ct__dims_free(&b);
  return s;
}

/* ---- ct_index ------------------------------------------------------------------------------ */

ct_status ct_index(ct_tensor **out, ct_tensor *t, int32_t n, const int32_t *kinds, const int64_t *values,
                   ct_tensor *const *tensors) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  ct__ix ix;
  CT_TRY(ct__ix_walk(&ix, t, n, kinds, values, tensors, __func__));
  if (ix.nadv == 0) {
    *out = ix.view;
    ix.view = NULL;
    ct__ix_free(&ix);
    return CT_OK;
  }
  ct__adv a;
  ct_status s = ct__adv_build(&a, &ix, __func__);
  ct_tensor *r = NULL;
  const struct ct_backend_i *b;
  const struct ct_backend_index_i *k;
  if (s == CT_OK) s = ct__backend_get(&b, t->storage->device_type, __func__);
  if (s == CT_OK) s = ct__index_kernels(&k, t, __func__);
  if (s == CT_OK) s = ct__tensor_empty(&r, a.shape.ndim, a.shape.v, t->dtype, b, t->storage->device_index, __func__);
  if (s == CT_OK) {
    ct__index_args args = {CT__INDEX_GET, r, a.base, a.nadv, a.idx, a.sizes, a.strides, 0, 0};
    s = ct__error_in(k->indexed_copy(&args), __func__);
  }
  ct__adv_free(&a);
  ct__ix_free(&ix);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

/* ---- ct_index_put_ ------------------------------------------------------------------------- */

/* value without its leading size-1 dims (PyTorch's slicePrefix1sSize), a new view. */
static ct_status ct__strip_leading_ones(ct_tensor **out, ct_tensor *value, const char *fn) {
  int32_t lead = 0;
  while (lead < value->ndim && value->shape[lead] == 1) lead++;
  return ct__view_of(out, value, value->ndim - lead, value->shape + lead, value->strides + lead, value->offset,
                     fn);
}

/* Checks that value broadcasts to shape (ndim dims), naming both. */
static ct_status ct__check_broadcast_to(const ct_tensor *value, int32_t ndim, const int64_t *shape, const char *fn,
                                        const char *what) {
  bool ok = value->ndim <= ndim;
  for (int32_t d = 0; ok && d < value->ndim; d++) {
    int64_t vs = value->shape[d], ts = shape[ndim - value->ndim + d];
    ok = vs == ts || vs == 1;
  }
  if (ok) return CT_OK;
  char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
  return ct__error(CT_ERR_SHAPE, "%s: value of shape %s cannot be broadcast to %s of shape %s", fn,
                   ct__shape_str(a, sizeof a, value->ndim, value->shape), what, ct__shape_str(b, sizeof b, ndim, shape));
}

/*
 * value made ready to be written into t: the dtype rule (t's dtype, or a
 * wrapped number converted), and a copy aside when it shares t's storage.
 */
static ct_status ct__put_value(ct_tensor **out, ct_tensor *value, ct_tensor *t, const char *fn) {
  *out = NULL;
  if (value->dtype != t->dtype) {
    if (!value->wrapped)
      return ct__error(CT_ERR_DTYPE,
                       "%s: index put requires the source and destination dtypes to match, but value is %s "
                       "and t is %s",
                       fn, ct__dtypes[value->dtype].name, ct__dtypes[t->dtype].name);
    return ct__error_in(ct_to(out, value, t->dtype, CT_DEVICE_NONE, -1, true), fn);
  }
  return ct__apart_from(out, value, t, fn);
}

/* Runs one put/accumulate of value (broadcast to dst's shape) into dst along the index plan. */
static ct_status ct__run_put(ct_tensor *dst, ct_tensor *value, int32_t op, int32_t nidx, ct_tensor *const *idx,
                             const int64_t *sizes, const int64_t *strides, int32_t s0, int32_t s1, const char *fn) {
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, dst, fn));
  ct__dims st;
  CT_TRY(ct__dims_init(&st, dst->ndim, fn));
  ct__broadcast_strides(st.v, value, dst->ndim, dst->shape);
  ct_tensor *src;
  ct_status s = ct__restride(&src, value, dst->ndim, dst->shape, st.v, value->offset, fn);
  ct__dims_free(&st);
  CT_TRY(s);
  ct__index_args args = {op, dst, src, nidx, idx, sizes, strides, s0, s1};
  s = ct__error_in(k->indexed_copy(&args), fn);
  ct_tensor_release(src);
  return s;
}

static ct_status ct__index_put(ct_tensor *t, int32_t n, const int32_t *kinds, const int64_t *values,
                               ct_tensor *const *tensors, ct_tensor *value, bool accumulate, const char *fn) {
  if (!value) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: value is NULL", fn);
  CT_TRY(ct__same_device(value, t, fn, "value"));
  CT_TRY(ct__check_writable(t, fn, "t"));
  ct__ix ix;
  CT_TRY(ct__ix_walk(&ix, t, n, kinds, values, tensors, fn));
  ct_tensor *v = NULL, *ready = NULL;
  ct__adv a;
  memset(&a, 0, sizeof a);
  a.shape.v = a.shape.inline_v;
  ct_status s = ct__strip_leading_ones(&v, value, fn);
  if (s == CT_OK) v->wrapped = value->wrapped; /* a wrapped number stays one */
  if (s == CT_OK && ix.nadv == 0) {
    /* Basic items only: write into the view. */
    s = ct__check_broadcast_to(v, ix.view->ndim, ix.view->shape, fn, "the indexed view");
    if (s == CT_OK) s = ct__check_no_overlap(ix.view, fn, "the indexed view");
    if (s == CT_OK && !accumulate) {
      s = ct__error_in(ct_copy_(ix.view, v), fn);
    } else if (s == CT_OK) {
      s = ct__put_value(&ready, v, t, fn);
      if (s == CT_OK && ix.view->numel > 0)
        s = ct__run_put(ix.view, ready, CT__INDEX_ADD, 0, NULL, NULL, NULL, 0, 0, fn);
    }
  } else if (s == CT_OK) {
    s = ct__check_no_overlap(t, fn, "t");
    if (s == CT_OK) s = ct__adv_build(&a, &ix, fn);
    if (s == CT_OK) s = ct__check_broadcast_to(v, a.shape.ndim, a.shape.v, fn, "the indexing result");
    if (s == CT_OK) s = ct__put_value(&ready, v, t, fn);
    /* Index tensors read while t is written must not live in t's storage. */
    for (int32_t j = 0; s == CT_OK && j < a.nadv; j++) {
      if (a.idx[j]->storage != t->storage) continue;
      ct_tensor *c;
      s = ct__error_in(ct_clone(&c, a.idx[j]), fn);
      if (s == CT_OK) {
        ct_tensor_release(a.idx[j]);
        a.idx[j] = c;
      }
    }
    if (s == CT_OK && a.base->numel > 0)
      s = ct__run_put(a.base, ready, accumulate ? CT__INDEX_ADD : CT__INDEX_PUT, a.nadv, a.idx, a.sizes, a.strides,
                      a.pos, a.pos + a.nb, fn);
  }
  ct_tensor_release(ready);
  ct_tensor_release(v);
  ct__adv_free(&a);
  ct__ix_free(&ix);
  return s;
}

ct_status ct_index_put_(ct_tensor *t, int32_t n, const int32_t *kinds, const int64_t *values,
                        ct_tensor *const *tensors, ct_tensor *value, bool accumulate) {
  CT_CHECK_NOT_NULL(t);
  return ct__index_put(t, n, kinds, values, tensors, value, accumulate, __func__);
}

ct_status ct_index_put(ct_tensor **out, ct_tensor *t, int32_t n, const int32_t *kinds, const int64_t *values,
                       ct_tensor *const *tensors, ct_tensor *value, bool accumulate) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  ct_tensor *r;
  CT_TRY(ct__error_in(ct_clone(&r, t), __func__));
  ct_status s = ct__index_put(r, n, kinds, values, tensors, value, accumulate, __func__);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

/* ---- index_select, gather, take ------------------------------------------------------------ */

/* Checks an index tensor argument: present, on t's device, of an allowed dtype. */
static ct_status ct__index_arg(const ct_tensor *index, const ct_tensor *t, bool allow_int32, const char *fn) {
  if (!index) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: index is NULL", fn);
  CT_TRY(ct__same_device(index, t, fn, "index"));
  if (index->dtype == CT_INT64 || (allow_int32 && index->dtype == CT_INT32)) return CT_OK;
  return ct__error(CT_ERR_DTYPE, "%s: index is %s; expected %s", fn, ct__dtypes[index->dtype].name,
                   allow_int32 ? "int64 or int32" : "int64");
}

/* Checks an out argument: its shape and dtype, writable, no element twice. */
static ct_status ct__out_arg(const ct_tensor *out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                             const char *fn) {
  if (!out) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: out is NULL", fn);
  if (out->ndim != ndim || memcmp(out->shape, shape, (size_t)ndim * sizeof(int64_t)) != 0) {
    char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: out has shape %s but the result has shape %s", fn,
                     ct__shape_str(a, sizeof a, out->ndim, out->shape), ct__shape_str(b, sizeof b, ndim, shape));
  }
  if (out->dtype != dtype)
    return ct__error(CT_ERR_DTYPE, "%s: out is %s but the result is %s", fn, ct__dtypes[out->dtype].name,
                     ct__dtypes[dtype].name);
  CT_TRY(ct__check_writable(out, fn, "out"));
  return ct__check_no_overlap(out, fn, "out");
}

/*
 * The result of a GET indexed copy into out when given (a temporary first
 * when out shares storage with an input), else into a new tensor *res.
 */
static ct_status ct__run_get(ct_tensor **res, ct_tensor *out, ct_tensor *src, int32_t ndim, const int64_t *shape,
                             int32_t nidx, ct_tensor *const *idx, const int64_t *sizes, const int64_t *strides,
                             const ct_tensor *in0, const ct_tensor *in1, const char *fn) {
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, src, fn));
  ct_tensor *dst = out;
  bool temp = !out || out->storage == in0->storage || out->storage == in1->storage;
  if (temp) {
    const struct ct_backend_i *b;
    CT_TRY(ct__backend_get(&b, src->storage->device_type, fn));
    CT_TRY(ct__tensor_empty(&dst, ndim, shape, src->dtype, b, src->storage->device_index, fn));
  }
  ct__index_args args = {CT__INDEX_GET, dst, src, nidx, idx, sizes, strides, 0, 0};
  ct_status s = ct__error_in(k->indexed_copy(&args), fn);
  if (s == CT_OK && out && temp) s = ct__error_in(ct_copy_(out, dst), fn);
  if (s != CT_OK || out) {
    if (temp) ct_tensor_release(dst);
    return s;
  }
  *res = dst;
  return CT_OK;
}

/* index_select into *res (new) or out. */
static ct_status ct__index_select(ct_tensor **res, ct_tensor *out, ct_tensor *t, int64_t dim, ct_tensor *index,
                                  const char *fn) {
  CT_TRY(ct__index_arg(index, t, true, fn));
  int32_t d;
  CT_TRY(ct__dim_arg(&d, dim, t->ndim > 0 ? t->ndim : 1, t->ndim, fn, "dim"));
  CT_CHECK_ARG(index->ndim <= 1, CT_ERR_SHAPE, "%s: index has %d dims; it must be a vector (1-d) or 0-d", fn,
               (int)index->ndim);
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, t, fn));
  int64_t size = t->ndim > 0 ? t->shape[d] : 1;
  CT_TRY(ct__check_bounds(k, index, false, size, d, fn));
  /* A 0-d t gives a 0-d result, as PyTorch; otherwise dim takes index's length. */
  int32_t rd = t->ndim;
  ct__dims g;
  CT_TRY(ct__dims_init(&g, 3 * (rd > 0 ? rd : 1), fn));
  int64_t *shape = g.v, *sst = g.v + (rd > 0 ? rd : 1), *ist = sst + (rd > 0 ? rd : 1);
  for (int32_t i = 0; i < rd; i++) {
    shape[i] = i == d ? index->numel : t->shape[i];
    sst[i] = i == d ? 0 : t->strides[i];
    ist[i] = i == d && index->ndim == 1 ? index->strides[0] : 0;
  }
  ct_status s = CT_OK;
  if (out) s = ct__out_arg(out, rd, shape, t->dtype, fn);
  ct_tensor *src = NULL, *iv = NULL;
  if (s == CT_OK) s = ct__restride(&src, t, rd, shape, sst, t->offset, fn);
  if (s == CT_OK) s = ct__restride(&iv, index, rd, shape, ist, index->offset, fn);
  int64_t stride = t->ndim > 0 ? t->strides[d] : 0;
  /* A 0-d t: every index is 0 (checked), so the result is t's value, even for an empty index. */
  if (s == CT_OK) s = ct__run_get(res, out, src, rd, shape, rd > 0, &iv, &size, &stride, t, index, fn);
  ct_tensor_release(src);
  ct_tensor_release(iv);
  ct__dims_free(&g);
  return s;
}

ct_status ct_index_select(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  return ct__index_select(out, NULL, t, dim, index, __func__);
}

ct_status ct_index_select_out(ct_tensor *out, ct_tensor *t, int64_t dim, ct_tensor *index) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(t);
  return ct__index_select(NULL, out, t, dim, index, __func__);
}

/*
 * The shape checks of gather and scatter (PyTorch's, with 0-d tensors
 * counting as 1-d): index has t's dims, and index.size(i) <= t.size(i) for
 * i != d (and <= src.size(i) for every i when src is given).
 */
static ct_status ct__scatter_gather_shapes(const ct_tensor *t, int32_t d, const ct_tensor *index,
                                           const ct_tensor *src, const char *fn) {
  int32_t tn = t->ndim > 0 ? t->ndim : 1, in = index->ndim > 0 ? index->ndim : 1;
  CT_CHECK_ARG(tn == in, CT_ERR_SHAPE, "%s: index has %d dims but t has %d; they must have the same number", fn,
               (int)index->ndim, (int)t->ndim);
  if (src) {
    int32_t sn = src->ndim > 0 ? src->ndim : 1;
    CT_CHECK_ARG(sn == in, CT_ERR_SHAPE, "%s: index has %d dims but src has %d; they must have the same number", fn,
                 (int)index->ndim, (int)src->ndim);
  }
  if (src && index->numel == 0) return CT_OK;
  for (int32_t i = 0; i < tn; i++) {
    int64_t is = index->ndim ? index->shape[i] : 1, ts = t->ndim ? t->shape[i] : 1;
    bool bad = i != d && is > ts;
    if (src) bad |= is > (src->ndim ? src->shape[i] : 1);
    if (!bad) continue;
    char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX], c[CT__SHAPE_STR_MAX];
    if (src)
      return ct__error(CT_ERR_SHAPE,
                       "%s: index of shape %s must be no larger than t %s apart from dim %d, and no larger than src "
                       "%s (dim %d)",
                       fn, ct__shape_str(a, sizeof a, index->ndim, index->shape),
                       ct__shape_str(b, sizeof b, t->ndim, t->shape), (int)d,
                       ct__shape_str(c, sizeof c, src->ndim, src->shape), (int)i);
    return ct__error(CT_ERR_SHAPE, "%s: index of shape %s must be no larger than t %s apart from dim %d (dim %d)", fn,
                     ct__shape_str(a, sizeof a, index->ndim, index->shape),
                     ct__shape_str(b, sizeof b, t->ndim, t->shape), (int)d, (int)i);
  }
  return CT_OK;
}

/* gather into *res (new) or out. */
static ct_status ct__gather(ct_tensor **res, ct_tensor *out, ct_tensor *t, int64_t dim, ct_tensor *index,
                            const char *fn) {
  CT_TRY(ct__index_arg(index, t, false, fn));
  int32_t d;
  CT_TRY(ct__dim_arg(&d, dim, t->ndim > 0 ? t->ndim : 1, t->ndim, fn, "dim"));
  CT_TRY(ct__scatter_gather_shapes(t, d, index, NULL, fn));
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, t, fn));
  int64_t size = t->ndim > 0 ? t->shape[d] : 1;
  CT_TRY(ct__check_bounds(k, index, false, size, d, fn));
  if (out) CT_TRY(ct__out_arg(out, index->ndim, index->shape, t->dtype, fn));
  /* Over index's shape: t's strides but along dim, index's own. */
  int32_t rd = index->ndim;
  ct__dims g;
  CT_TRY(ct__dims_init(&g, rd, fn));
  for (int32_t i = 0; i < rd; i++) g.v[i] = i == d || t->ndim == 0 ? 0 : t->strides[i];
  ct_tensor *src = NULL;
  ct_status s = ct__restride(&src, t, rd, index->shape, g.v, t->offset, fn);
  int64_t stride = t->ndim > 0 ? t->strides[d] : 0;
  if (s == CT_OK) s = ct__run_get(res, out, src, rd, index->shape, 1, &index, &size, &stride, t, index, fn);
  ct_tensor_release(src);
  ct__dims_free(&g);
  return s;
}

ct_status ct_gather(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  return ct__gather(out, NULL, t, dim, index, __func__);
}

ct_status ct_gather_out(ct_tensor *out, ct_tensor *t, int64_t dim, ct_tensor *index) {
  CT_CHECK_NOT_NULL(out);
  CT_CHECK_NOT_NULL(t);
  return ct__gather(NULL, out, t, dim, index, __func__);
}

ct_status ct_take(ct_tensor **out, ct_tensor *t, ct_tensor *index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(ct__index_arg(index, t, false, __func__));
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, t, __func__));
  if (index->numel > 0) {
    bool found;
    int64_t v;
    CT_TRY(ct__error_in(k->find_out_of_range(&found, &v, index, -t->numel, t->numel), __func__));
    CT_CHECK_ARG(!found, CT_ERR_INDEX, "ct_take: index %lld is out of range for t of %lld elements", (long long)v,
                 (long long)t->numel);
  }
  /* t's elements in row-major order as one dim: a view when possible. */
  ct_tensor *flat;
  CT_TRY(ct__reshape(&flat, t, 1, &t->numel, __func__));
  ct__dims g;
  ct_status s = ct__dims_init(&g, index->ndim, __func__);
  ct_tensor *src = NULL;
  if (s == CT_OK) {
    for (int32_t i = 0; i < index->ndim; i++) g.v[i] = 0;
    s = ct__restride(&src, flat, index->ndim, index->shape, g.v, flat->offset, __func__);
    ct__dims_free(&g);
  }
  int64_t stride = flat->strides[0], size = t->numel;
  if (s == CT_OK) s = ct__run_get(out, NULL, src, index->ndim, index->shape, 1, &index, &size, &stride, t, index,
                                  __func__);
  ct_tensor_release(src);
  ct_tensor_release(flat);
  return s;
}

/* ---- scatter ------------------------------------------------------------------------------- */

/* scatter of src (a tensor with src's shape, or a 0-d value when is_value) into t in place. */
static ct_status ct__scatter(ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src, bool is_value,
                             int32_t reduce, const char *fn) {
  CT_TRY(ct__index_arg(index, t, false, fn));
  if (!src) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: src is NULL", fn);
  CT_CHECK_ARG(reduce >= 0 && reduce < CT_SCATTER_REDUCE_COUNT, CT_ERR_INVALID_ARGUMENT,
               "%s: reduce = %d is not a ct_scatter_reduce", fn, (int)reduce);
  CT_TRY(ct__same_device(src, t, fn, "src"));
  int32_t d;
  CT_TRY(ct__dim_arg(&d, dim, t->ndim > 0 ? t->ndim : 1, t->ndim, fn, "dim"));
  CT_CHECK_ARG(src->dtype == t->dtype, CT_ERR_DTYPE, "%s: src is %s but t is %s; they must have the same dtype", fn,
               ct__dtypes[src->dtype].name, ct__dtypes[t->dtype].name);
  CT_TRY(ct__scatter_gather_shapes(t, d, index, is_value ? NULL : src, fn));
  CT_TRY(ct__check_writable(t, fn, "t"));
  CT_TRY(ct__check_no_overlap(t, fn, "t"));
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, t, fn));
  int64_t size = t->ndim > 0 ? t->shape[d] : 1;
  CT_TRY(ct__check_bounds(k, index, false, size, d, fn));
  if (index->numel == 0) return CT_OK;
  /* Over index's shape: t's strides but 0 along dim (the index supplies it); src's own strides. */
  int32_t rd = index->ndim;
  ct__dims g;
  CT_TRY(ct__dims_init(&g, 2 * rd, fn));
  for (int32_t i = 0; i < rd; i++) {
    g.v[i] = i == d || t->ndim == 0 ? 0 : t->strides[i];
    g.v[rd + i] = is_value || src->ndim == 0 ? 0 : src->strides[i];
  }
  ct_tensor *dst = NULL, *sv = NULL, *s_apart = NULL, *i_apart = NULL;
  ct_status s = ct__apart_from(&s_apart, src, t, fn);
  if (s == CT_OK) s = ct__apart_from(&i_apart, index, t, fn);
  if (s == CT_OK) s = ct__restride(&dst, t, rd, index->shape, g.v, t->offset, fn);
  if (s == CT_OK) s = ct__restride(&sv, s_apart, rd, index->shape, g.v + rd, s_apart->offset, fn);
  if (s == CT_OK) {
    static const int32_t ops[CT_SCATTER_REDUCE_COUNT] = {CT__INDEX_PUT, CT__INDEX_ADD, CT__INDEX_MUL};
    int64_t stride = t->ndim > 0 ? t->strides[d] : 0;
    /* The dim that the index addresses is walked in order, so collisions resolve in index order. */
    int32_t s0 = rd > 0 ? d : 0, s1 = rd > 0 ? d + 1 : 0;
    ct__index_args args = {ops[reduce], dst, sv, 1, &i_apart, &size, &stride, s0, s1};
    s = ct__error_in(k->indexed_copy(&args), fn);
  }
  ct_tensor_release(dst);
  ct_tensor_release(sv);
  ct_tensor_release(s_apart);
  ct_tensor_release(i_apart);
  ct__dims_free(&g);
  return s;
}

/* The functional form of a scatter: the in-place form on a clone of t. */
static ct_status ct__scatter_copy(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src,
                                  bool is_value, int32_t reduce, const char *fn) {
  ct_tensor *r;
  CT_TRY(ct__error_in(ct_clone(&r, t), fn));
  ct_status s = ct__scatter(r, dim, index, src, is_value, reduce, fn);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

ct_status ct_scatter_(ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src, int32_t reduce) {
  CT_CHECK_NOT_NULL(t);
  return ct__scatter(t, dim, index, src, false, reduce, __func__);
}

ct_status ct_scatter(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src, int32_t reduce) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  return ct__scatter_copy(out, t, dim, index, src, false, reduce, __func__);
}

ct_status ct_scatter_value_(ct_tensor *t, int64_t dim, ct_tensor *index, const void *value, ct_dtype value_dtype,
                            int32_t reduce) {
  CT_CHECK_NOT_NULL(t);
  CT_TRY(ct__check_dtype(value_dtype, __func__, "value_dtype"));
  ct_tensor *v;
  CT_TRY(ct__scalar_value(&v, value, value_dtype, t, __func__));
  ct_status s = ct__scatter(t, dim, index, v, true, reduce, __func__);
  ct_tensor_release(v);
  return s;
}

ct_status ct_scatter_value(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index, const void *value,
                           ct_dtype value_dtype, int32_t reduce) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(ct__check_dtype(value_dtype, __func__, "value_dtype"));
  ct_tensor *v;
  CT_TRY(ct__scalar_value(&v, value, value_dtype, t, __func__));
  ct_status s = ct__scatter_copy(out, t, dim, index, v, true, reduce, __func__);
  ct_tensor_release(v);
  return s;
}

ct_status ct_scatter_add_(ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src) {
  CT_CHECK_NOT_NULL(t);
  return ct__scatter(t, dim, index, src, false, CT_SCATTER_REDUCE_ADD, __func__);
}

ct_status ct_scatter_add(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  return ct__scatter_copy(out, t, dim, index, src, false, CT_SCATTER_REDUCE_ADD, __func__);
}

/* ---- masked_fill, masked_select, nonzero --------------------------------------------------- */

static ct_status ct__mask_arg(const ct_tensor *mask, const ct_tensor *t, const char *fn) {
  if (!mask) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: mask is NULL", fn);
  CT_TRY(ct__same_device(mask, t, fn, "mask"));
  if (mask->dtype != CT_BOOL)
    return ct__error(CT_ERR_DTYPE, "%s: mask is %s; expected a bool mask", fn, ct__dtypes[mask->dtype].name);
  return CT_OK;
}

/* masked_fill_ of t with the 0-d tensor v (t's dtype). */
static ct_status ct__masked_fill(ct_tensor *t, ct_tensor *mask, ct_tensor *v, const char *fn) {
  CT_TRY(ct__check_broadcast_to(mask, t->ndim, t->shape, fn, "t"));
  CT_TRY(ct__check_writable(t, fn, "t"));
  CT_TRY(ct__check_no_overlap(t, fn, "t"));
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, t, fn));
  if (t->numel == 0) return CT_OK;
  ct__dims st;
  CT_TRY(ct__dims_init(&st, t->ndim, fn));
  ct_tensor *m = NULL, *mv = NULL;
  ct_status s = ct__apart_from(&m, mask, t, fn);
  if (s == CT_OK) {
    ct__broadcast_strides(st.v, m, t->ndim, t->shape);
    s = ct__restride(&mv, m, t->ndim, t->shape, st.v, m->offset, fn);
  }
  unsigned char value[16];
  if (s == CT_OK) s = ct_tensor_item(value, t->dtype, v);
  if (s == CT_OK) s = ct__error_in(k->masked_fill(t, mv, value), fn);
  ct_tensor_release(mv);
  ct_tensor_release(m);
  ct__dims_free(&st);
  return s;
}

/* The out-of-place form: a contiguous tensor of the broadcast shape of t and mask, then filled. */
static ct_status ct__masked_fill_copy(ct_tensor **out, ct_tensor *t, ct_tensor *mask, ct_tensor *v, const char *fn) {
  ct_tensor *pair[2] = {t, mask};
  ct__dims shape;
  ct_status s = ct__broadcast_shapes(&shape, 2, pair, fn);
  ct_tensor *r = NULL;
  const struct ct_backend_i *b;
  if (s == CT_OK) s = ct__backend_get(&b, t->storage->device_type, fn);
  if (s == CT_OK) s = ct__tensor_empty(&r, shape.ndim, shape.v, t->dtype, b, t->storage->device_index, fn);
  ct__dims_free(&shape);
  if (s == CT_OK) s = ct__error_in(ct_copy_(r, t), fn);
  if (s == CT_OK) s = ct__masked_fill(r, mask, v, fn);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

/* The 0-d tensor value (any dtype) converted to t's dtype as a Scalar. */
static ct_status ct__tensor_value(ct_tensor **out, ct_tensor *value, const ct_tensor *t, const char *fn) {
  if (!value) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: value is NULL", fn);
  CT_CHECK_ARG(value->ndim == 0, CT_ERR_SHAPE, "%s: value has %d dim(s); only a 0-d value tensor is supported", fn,
               (int)value->ndim);
  unsigned char raw[16];
  CT_TRY(ct_tensor_item(raw, value->dtype, value));
  return ct__scalar_value(out, raw, value->dtype, t, fn);
}

ct_status ct_masked_fill_(ct_tensor *t, ct_tensor *mask, const void *value, ct_dtype value_dtype) {
  CT_CHECK_NOT_NULL(t);
  CT_TRY(ct__mask_arg(mask, t, __func__));
  CT_TRY(ct__check_dtype(value_dtype, __func__, "value_dtype"));
  ct_tensor *v;
  CT_TRY(ct__scalar_value(&v, value, value_dtype, t, __func__));
  ct_status s = ct__masked_fill(t, mask, v, __func__);
  ct_tensor_release(v);
  return s;
}

ct_status ct_masked_fill(ct_tensor **out, ct_tensor *t, ct_tensor *mask, const void *value, ct_dtype value_dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(ct__mask_arg(mask, t, __func__));
  CT_TRY(ct__check_dtype(value_dtype, __func__, "value_dtype"));
  ct_tensor *v;
  CT_TRY(ct__scalar_value(&v, value, value_dtype, t, __func__));
  ct_status s = ct__masked_fill_copy(out, t, mask, v, __func__);
  ct_tensor_release(v);
  return s;
}

ct_status ct_masked_fill_tensor_(ct_tensor *t, ct_tensor *mask, ct_tensor *value) {
  CT_CHECK_NOT_NULL(t);
  CT_TRY(ct__mask_arg(mask, t, __func__));
  ct_tensor *v;
  CT_TRY(ct__tensor_value(&v, value, t, __func__));
  ct_status s = ct__masked_fill(t, mask, v, __func__);
  ct_tensor_release(v);
  return s;
}

ct_status ct_masked_fill_tensor(ct_tensor **out, ct_tensor *t, ct_tensor *mask, ct_tensor *value) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(ct__mask_arg(mask, t, __func__));
  ct_tensor *v;
  CT_TRY(ct__tensor_value(&v, value, t, __func__));
  ct_status s = ct__masked_fill_copy(out, t, mask, v, __func__);
  ct_tensor_release(v);
  return s;
}

ct_status ct_masked_select(ct_tensor **out, ct_tensor *t, ct_tensor *mask) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_TRY(ct__mask_arg(mask, t, __func__));
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, t, __func__));
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, t->storage->device_type, __func__));
  ct_tensor *pair[2] = {t, mask};
  ct__dims shape;
  ct_status s = ct__broadcast_shapes(&shape, 2, pair, __func__);
  ct__dims st;
  if (s != CT_OK) {
    ct__dims_free(&shape);
    return s;
  }
  s = ct__dims_init(&st, 2 * shape.ndim, __func__);
  ct_tensor *tv = NULL, *mv = NULL, *r = NULL;
  if (s == CT_OK) {
    ct__broadcast_strides(st.v, t, shape.ndim, shape.v);
    ct__broadcast_strides(st.v + shape.ndim, mask, shape.ndim, shape.v);
    s = ct__restride(&tv, t, shape.ndim, shape.v, st.v, t->offset, __func__);
    if (s == CT_OK) s = ct__restride(&mv, mask, shape.ndim, shape.v, st.v + shape.ndim, mask->offset, __func__);
    ct__dims_free(&st);
  }
  int64_t count = 0;
  if (s == CT_OK && mv->numel > 0) s = ct__error_in(k->count_nonzero(&count, mv), __func__);
  if (s == CT_OK) s = ct__tensor_empty(&r, 1, &count, t->dtype, b, t->storage->device_index, __func__);
  if (s == CT_OK && count > 0) s = ct__error_in(k->masked_select(r, tv, mv), __func__);
  ct_tensor_release(tv);
  ct_tensor_release(mv);
  ct__dims_free(&shape);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

ct_status ct_nonzero(ct_tensor **out, ct_tensor *t) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  const struct ct_backend_index_i *k;
  CT_TRY(ct__index_kernels(&k, t, __func__));
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, t->storage->device_type, __func__));
  int64_t count = 0;
  if (t->numel > 0) CT_TRY(ct__error_in(k->count_nonzero(&count, t), __func__));
  int64_t shape[2] = {count, t->ndim};
  ct_tensor *r;
  CT_TRY(ct__tensor_empty(&r, 2, shape, CT_INT64, b, t->storage->device_index, __func__));
  ct_status s = count > 0 && t->ndim > 0 ? ct__error_in(k->nonzero(r, t), __func__) : CT_OK;
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}
