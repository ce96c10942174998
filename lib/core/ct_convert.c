/*
 * ct_convert.c: to(), contiguous(), clone() and copy_().
 *
 * copy_ is the one place where data moves between tensors of different
 * dtypes and layouts: it broadcasts the source to the destination's shape,
 * removes any overlap between them by copying the source aside first, and
 * hands the elementwise conversion to the device's backend.
 */
#include <string.h>

#include "ct_internal.h"

/* Byte range [lo, hi) of the storage that a non-empty tensor can touch (no overflow: it exists). */
static void ct__extent(const ct_tensor *t, int64_t *lo, int64_t *hi) {
  *lo = t->offset * ct__itemsize(t->dtype);
  ct__strided_extent(hi, t->ndim, t->shape, t->strides, t->offset, ct__itemsize(t->dtype));
}

static ct_status ct__copy(ct_tensor *dst, ct_tensor *src, bool non_blocking, const char *fn);

/* Same dtype, shape and strides, and dense: the two hold one block of bytes in the same order. */
static bool ct__same_dense_block(const ct_tensor *a, const ct_tensor *b) {
  return a->dtype == b->dtype && a->ndim == b->ndim &&
         memcmp(a->dims, b->dims, 2 * (size_t)a->ndim * sizeof(int64_t)) == 0 && ct__is_dense(a) &&
         ct__is_dense(b);
}

/*
 * dst <- src across devices (dst has at least src's ndim, broadcast checked).
 * The bytes move once, by the device backend's transfer: when src and dst
 * are laid out alike, straight between their memories; otherwise src is
 * first converted to dst's dtype in a contiguous block on its own device,
 * moved into a contiguous block on dst's device, and copied (broadcasting)
 * into dst there. Temporaries are never pinned, so only a direct transfer
 * between a CUDA tensor and pinned memory can be non-blocking.
 */
static ct_status ct__copy_across(ct_tensor *dst, ct_tensor *src, bool non_blocking, const char *fn) {
  const struct ct_backend_i *sb, *db, *xb;
  CT_TRY(ct__backend_get(&sb, src->storage->device_type, fn));
  CT_TRY(ct__backend_get(&db, dst->storage->device_type, fn));
  xb = sb->transfer ? sb : db;
  if (!xb->transfer || (sb->transfer && db->transfer && sb != db))
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: copies between '%s' and '%s' are not supported", fn,
                     sb->name, db->name);
  int32_t direction = sb == db ? CT__TRANSFER_PEER : sb->transfer ? CT__TRANSFER_TO_HOST : CT__TRANSFER_FROM_HOST;

  ct_tensor *s = src, *s_tmp = NULL, *d_tmp = NULL;
  ct_status st = CT_OK;
  if (!ct__same_dense_block(src, dst)) {
    /* src in dst's dtype, contiguous, on its own device. */
    if (!(src->dtype == dst->dtype && ct__is_contiguous(src))) {
      CT_TRY(ct__tensor_empty(&s_tmp, src->ndim, src->shape, dst->dtype, sb, src->storage->device_index, fn));
      st = sb->copy(s_tmp, src);
      s = s_tmp;
    }
  }
  ct_tensor *d = dst;
  if (st == CT_OK && !ct__same_dense_block(s, dst)) {
    st = ct__tensor_empty(&d_tmp, s->ndim, s->shape, dst->dtype, db, dst->storage->device_index, fn);
    d = d_tmp;
  }
  if (st == CT_OK) {
    size_t nbytes = (size_t)s->numel * (size_t)ct__itemsize(s->dtype);
    st = xb->transfer(ct__data(d), d->storage->device_index, ct__data(s), s->storage->device_index, nbytes,
                      direction, non_blocking && !s_tmp && !d_tmp, fn);
  }
  if (st == CT_OK && d_tmp) st = ct__copy(dst, d_tmp, false, fn);
  ct_tensor_release(s_tmp);
  ct_tensor_release(d_tmp);
  return st;
}

/* dst <- src with broadcasting, conversion and overlap removal; both checked by the caller. */
static ct_status ct__copy(ct_tensor *dst, ct_tensor *src, bool non_blocking, const char *fn) {
  char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
  if (src->ndim > dst->ndim)
    return ct__error(CT_ERR_SHAPE, "%s: src of shape %s cannot be broadcast to dst of shape %s", fn,
                     ct__shape_str(a, sizeof a, src->ndim, src->shape),
                     ct__shape_str(b, sizeof b, dst->ndim, dst->shape));
  for (int32_t d = 0; d < dst->ndim; d++) {
    if (dst->strides[d] == 0 && dst->shape[d] > 1 && dst->numel > 0)
      return ct__error(CT_ERR_INVALID_ARGUMENT,
                       "%s: more than one element of dst refers to a single memory location "
                       "(dim %d has stride 0); clone it first", fn, (int)d);
    int32_t sd = d - (dst->ndim - src->ndim);
    if (sd >= 0 && src->shape[sd] != dst->shape[d] && src->shape[sd] != 1)
      return ct__error(CT_ERR_SHAPE, "%s: src of shape %s cannot be broadcast to dst of shape %s", fn,
                       ct__shape_str(a, sizeof a, src->ndim, src->shape),
                       ct__shape_str(b, sizeof b, dst->ndim, dst->shape));
  }
  if (dst->numel == 0) return CT_OK;
  if (src->storage->device_type != dst->storage->device_type ||
      src->storage->device_index != dst->storage->device_index)
    return ct__copy_across(dst, src, non_blocking, fn);

  const struct ct_backend_i *backend;
  CT_TRY(ct__backend_get(&backend, dst->storage->device_type, fn));

  /* A source sharing memory with dst is first copied aside, so that no element is read after it was written. */
  ct_tensor *aside = NULL;
  if (src->storage == dst->storage) {
    int64_t slo, shi, dlo, dhi;
    ct__extent(src, &slo, &shi);
    ct__extent(dst, &dlo, &dhi);
    bool same_view = src->dtype == dst->dtype && src->ndim == dst->ndim && src->offset == dst->offset &&
                     memcmp(src->dims, dst->dims, 2 * (size_t)dst->ndim * sizeof(int64_t)) == 0;
    if (same_view) return CT_OK;
    if (slo < dhi && dlo < shi) {
      CT_TRY(ct__tensor_empty(&aside, src->ndim, src->shape, src->dtype, backend,
                              src->storage->device_index, fn));
      ct_status s = backend->copy(aside, src);
      if (s != CT_OK) {
        ct_tensor_release(aside);
        return s;
      }
      src = aside;
    }
  }

  /* The source seen through dst's shape: broadcast dims get stride 0. */
  ct_tensor *view;
  ct_status s = ct__tensor_make(&view, src->storage, src->dtype, dst->ndim, dst->shape, dst->strides,
                                src->offset, fn);
  if (s == CT_OK) {
    for (int32_t d = 0; d < dst->ndim; d++) {
      int32_t sd = d - (dst->ndim - src->ndim);
      view->strides[d] = sd < 0 || src->shape[sd] == 1 ? 0 : src->strides[sd];
    }
    s = backend->copy(dst, view);
    ct_tensor_release(view);
  }
  ct_tensor_release(aside);
  return s;
}

ct_status ct_copy_(ct_tensor *dst, ct_tensor *src) {
  CT_CHECK_NOT_NULL(dst);
  CT_CHECK_NOT_NULL(src);
  CT_TRY(ct__check_writable(dst, __func__, "dst"));
  return ct__copy(dst, src, false, __func__);
}

ct_status ct_copy_non_blocking_(ct_tensor *dst, ct_tensor *src) {
  CT_CHECK_NOT_NULL(dst);
  CT_CHECK_NOT_NULL(src);
  CT_TRY(ct__check_writable(dst, __func__, "dst"));
  return ct__copy(dst, src, true, __func__);
}

/* A fresh tensor laid out like t (see ct__empty_like_layout) holding t's values converted to dtype. */
static ct_status ct__copy_new(ct_tensor **out, ct_tensor *t, ct_dtype dtype, ct_device_type type,
                              int32_t index, bool keep_layout, const char *fn) {
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, type, fn));
  ct_tensor *r;
  if (keep_layout)
    CT_TRY(ct__tensor_empty_like(&r, t, dtype, b, index, fn));
  else
    CT_TRY(ct__tensor_empty(&r, t->ndim, t->shape, dtype, b, index, fn));
  ct_status s = ct__copy(r, t, false, fn);
  if (s != CT_OK) {
    ct_tensor_release(r);
    return s;
  }
  *out = r;
  return CT_OK;
}

ct_status ct_to(ct_tensor **out, ct_tensor *t, ct_dtype dtype, ct_device_type device_type,
                int32_t device_index, bool copy) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  if (dtype == CT_DTYPE_NONE) dtype = t->dtype;
  CT_TRY(ct__check_dtype(dtype, __func__, "dtype"));
  ct_device_type type;
  int32_t index;
  const struct ct_backend_i *b;
  CT_TRY(ct__device_resolve(&type, &index, &b, device_type, device_index, t->storage->device_type,
                            t->storage->device_index, __func__));
  if (!copy && dtype == t->dtype && type == t->storage->device_type && index == t->storage->device_index) {
    atomic_fetch_add(&t->refcount, 1);
    *out = t;
    return CT_OK;
  }
  return ct__copy_new(out, t, dtype, type, index, true, __func__);
}

ct_status ct_contiguous(ct_tensor **out, ct_tensor *t) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  if (ct__is_contiguous(t)) {
    atomic_fetch_add(&t->refcount, 1);
    *out = t;
    return CT_OK;
  }
  return ct__copy_new(out, t, t->dtype, t->storage->device_type, t->storage->device_index, false,
                      __func__);
}

ct_status ct_clone(ct_tensor **out, ct_tensor *t) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  return ct__copy_new(out, t, t->dtype, t->storage->device_type, t->storage->device_index, true,
                      __func__);
}
