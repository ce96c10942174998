/*
 * ct_tensor.c: storage and tensor lifetimes, shape checks, queries, item()
 * and as_strided.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ct_internal.h"

/* ---- shared helpers ------------------------------------------------------------------------ */

const char *ct__shape_str(char *buf, size_t size, int32_t ndim, const int64_t *shape) {
  size_t used = 0;
  buf[0] = '\0';
  used += (size_t)snprintf(buf, size, "[");
  for (int32_t d = 0; d < ndim && used < size; d++) {
    if (used + 32 > size) {
      snprintf(buf + used, size - used, "...");
      used = size;
      break;
    }
    used += (size_t)snprintf(buf + used, size - used, "%s%lld", d ? ", " : "", (long long)shape[d]);
  }
  if (used < size) snprintf(buf + used, size - used, "]");
  return buf;
}

ct_status ct__check_dtype(ct_dtype dtype, const char *fn, const char *arg) {
  if (!ct__dtype_valid(dtype))
    return ct__error(CT_ERR_DTYPE, "%s: %s = %d is not a valid dtype", fn, arg, (int)dtype);
  return CT_OK;
}

ct_status ct__check_shape(int64_t *numel, int32_t ndim, const int64_t *shape, int64_t itemsize,
                          const char *fn) {
  *numel = 0;
  if (ndim < 0) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: ndim = %d is negative", fn, (int)ndim);
  if (ndim > 0 && !shape)
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: shape is NULL but ndim = %d", fn, (int)ndim);
  for (int32_t d = 0; d < ndim; d++)
    if (shape[d] < 0)
      return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: shape[%d] = %lld is negative", fn, (int)d,
                       (long long)shape[d]);
  /*
   * Row-major strides are products of the sizes (size 0 counted as 1), so
   * that product must fit too, even when a zero size makes numel 0.
   */
  int64_t n = 1, span = 1;
  bool overflow = false;
  for (int32_t d = 0; d < ndim; d++) {
    overflow |= __builtin_mul_overflow(n, shape[d], &n);
    overflow |= __builtin_mul_overflow(span, shape[d] ? shape[d] : 1, &span);
  }
  int64_t nbytes;
  overflow |= __builtin_mul_overflow(span, itemsize, &nbytes);
  if (overflow || (uint64_t)nbytes > SIZE_MAX) {
    char s[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: shape %s is too large: its element count or byte size overflows",
                     fn, ct__shape_str(s, sizeof s, ndim, shape));
  }
  *numel = n;
  return CT_OK;
}

bool ct__strided_extent(int64_t *nbytes, int32_t ndim, const int64_t *shape, const int64_t *strides,
                        int64_t offset, int64_t itemsize) {
  int64_t last = offset, reach;
  bool overflow = false;
  for (int32_t d = 0; d < ndim; d++) {
    if (shape[d] == 0) {
      *nbytes = 0;
      return true;
    }
    overflow |= __builtin_mul_overflow(shape[d] - 1, strides[d], &reach);
    overflow |= __builtin_add_overflow(last, reach, &last);
  }
  overflow |= __builtin_add_overflow(last, 1, &last);
  overflow |= __builtin_mul_overflow(last, itemsize, nbytes);
  overflow |= (uint64_t)*nbytes > SIZE_MAX;
  return !overflow;
}

/* ---- lifetimes ----------------------------------------------------------------------------- */

void ct__storage_release(ct_storage *s) {
  if (atomic_fetch_sub(&s->refcount, 1) != 1) return;
  if (s->backend) {
    if (s->data && !s->data_inline) s->backend->free(s->data, s->nbytes, s->device_index);
  } else if (s->deleter) {
    s->deleter(s->data, s->deleter_ctx);
  }
  ct__free(s);
}

ct_status ct__tensor_make(struct ct_tensor **out, ct_storage *storage, ct_dtype dtype, int32_t ndim,
                          const int64_t *shape, const int64_t *strides, int64_t offset,
                          const char *fn) {
  *out = NULL;
  struct ct_tensor *t;
  size_t nbytes = sizeof *t + 2 * (size_t)ndim * sizeof(int64_t);
  CT_TRY(ct__alloc_meta_or_error((void **)&t, nbytes, fn, "a tensor"));
  atomic_init(&t->refcount, 1);
  t->storage = storage;
  atomic_fetch_add(&storage->refcount, 1);
  t->dtype = dtype;
  t->ndim = ndim;
  t->offset = offset;
  t->wrapped = false;
  t->shape = t->dims;
  t->strides = t->dims + ndim;
  int64_t numel = 1, run = 1;
  for (int32_t d = ndim - 1; d >= 0; d--) {
    t->shape[d] = shape[d];
    t->strides[d] = strides ? strides[d] : run;
    run *= shape[d] ? shape[d] : 1;
    numel *= shape[d];
  }
  t->numel = numel;
  *out = t;
  return CT_OK;
}

/* A storage header holding one reference that the caller hands to a tensor or drops. */
static ct_status ct__storage_new(ct_storage **out, const char *fn) {
  ct_storage *s;
  CT_TRY(ct__alloc_meta_or_error((void **)&s, sizeof *s, fn, "a storage"));
  memset(s, 0, sizeof *s);
  atomic_init(&s->refcount, 1);
  *out = s;
  return CT_OK;
}

ct_status ct__tensor_empty(struct ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                           const struct ct_backend_i *backend, int32_t device_index, const char *fn) {
  *out = NULL;
  int64_t numel = 1;
  for (int32_t d = 0; d < ndim; d++) numel *= shape[d];
  size_t nbytes = (size_t)numel * (size_t)ct__itemsize(dtype);
  ct_storage *s;
  /* Host memory shares one block with the storage header: one allocation fewer per tensor. */
  const size_t header = (sizeof(ct_storage) + CT__ALIGNMENT - 1) / CT__ALIGNMENT * CT__ALIGNMENT;
  if (backend->host_memory && nbytes > 0 && nbytes <= SIZE_MAX - header) {
    s = ct__malloc(header + nbytes);
    if (!s)
      return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cannot allocate %zu bytes of tensor data on %s:%d", fn,
                       nbytes, backend->name, (int)device_index);
    memset(s, 0, sizeof *s);
    atomic_init(&s->refcount, 1);
    s->data = (char *)s + header;
    s->data_inline = true;
  } else {
    CT_TRY(ct__storage_new(&s, fn));
  }
  s->device_type = backend->device_type;
  s->device_index = device_index;
  s->nbytes = nbytes;
  if (nbytes > 0 && !s->data_inline) {
    ct_status st = backend->alloc(&s->data, nbytes, device_index);
    if (st != CT_OK) {
      ct__free(s);
      return ct__error(st, "%s: cannot allocate %zu bytes of tensor data on %s:%d", fn, nbytes,
                       backend->name, (int)device_index);
    }
  }
  s->backend = backend;
  ct_status st = ct__tensor_make(out, s, dtype, ndim, shape, NULL, 0, fn);
  ct__storage_release(s); /* the tensor holds its own reference, or the storage goes */
  return st;
}

ct_status ct__storage_wrap(ct_storage **out, void *data, size_t nbytes, ct_device_type type,
                           int32_t index, ct_deleter deleter, void *ctx, bool read_only,
                           const char *fn) {
  CT_TRY(ct__storage_new(out, fn));
  (*out)->data = data;
  (*out)->nbytes = nbytes;
  (*out)->device_type = type;
  (*out)->device_index = index;
  (*out)->deleter = deleter;
  (*out)->deleter_ctx = ctx;
  (*out)->read_only = read_only;
  return CT_OK;
}

bool ct__is_dense(const ct_tensor *t) {
  if (t->numel == 0) return false;
  int32_t nd = 0;
  int64_t st[64], sz[64];
  for (int32_t d = 0; d < t->ndim; d++) {
    if (t->shape[d] == 1) continue;
    if (t->strides[d] == 0 || nd == 64) return false;
    st[nd] = t->strides[d];
    sz[nd] = t->shape[d];
    nd++;
  }
  /* Sort by stride (insertion sort: few dims), then each stride must be the product of the smaller dims. */
  for (int32_t i = 1; i < nd; i++)
    for (int32_t j = i; j > 0 && st[j - 1] > st[j]; j--) {
      int64_t a = st[j], b = sz[j];
      st[j] = st[j - 1], sz[j] = sz[j - 1];
      st[j - 1] = a, sz[j - 1] = b;
    }
  int64_t expected = 1;
  for (int32_t i = 0; i < nd; i++) {
    if (st[i] != expected) return false;
    expected *= sz[i];
  }
  return true;
}

ct_status ct__tensor_empty_like(ct_tensor **out, const ct_tensor *t, ct_dtype dtype,
                                const struct ct_backend_i *b, int32_t index, const char *fn) {
  CT_TRY(ct__tensor_empty(out, t->ndim, t->shape, dtype, b, index, fn));
  if (ct__is_dense(t)) memcpy((*out)->strides, t->strides, (size_t)t->ndim * sizeof(int64_t));
  return CT_OK;
}

ct_status ct_tensor_retain(ct_tensor *t) {
  CT_CHECK_NOT_NULL(t);
  atomic_fetch_add(&t->refcount, 1);
  return CT_OK;
}

void ct_tensor_release(ct_tensor *t) {
  if (!t || atomic_fetch_sub(&t->refcount, 1) != 1) return;
  ct__storage_release(t->storage);
  ct__free(t);
}

ct_status ct_tensor_use_count(int64_t *count, ct_tensor *t) {
  CT_CHECK_NOT_NULL(count);
  *count = 0;
  CT_CHECK_NOT_NULL(t);
  *count = (int64_t)atomic_load(&t->refcount);
  return CT_OK;
}

/* ---- queries ------------------------------------------------------------------------------- */

/* The body every one-value query shares: check out, zero it, check t, then assign. */
#define CT__QUERY(out, t, value)                                                                 \
  do {                                                                                           \
    CT_CHECK_NOT_NULL(out);                                                                      \
    *(out) = 0;                                                                                  \
    CT_CHECK_NOT_NULL(t);                                                                        \
    *(out) = (value);                                                                            \
    return CT_OK;                                                                                \
  } while (0)

ct_status ct_tensor_ndim(int32_t *ndim, ct_tensor *t) { CT__QUERY(ndim, t, t->ndim); }
ct_status ct_tensor_numel(int64_t *numel, ct_tensor *t) { CT__QUERY(numel, t, t->numel); }
ct_status ct_tensor_dtype(ct_dtype *dtype, ct_tensor *t) { CT__QUERY(dtype, t, t->dtype); }
ct_status ct_tensor_element_size(int64_t *size, ct_tensor *t) {
  CT__QUERY(size, t, ct__itemsize(t->dtype));
}
ct_status ct_tensor_nbytes(int64_t *nbytes, ct_tensor *t) {
  CT__QUERY(nbytes, t, t->numel * ct__itemsize(t->dtype));
}
ct_status ct_tensor_storage_offset(int64_t *offset, ct_tensor *t) { CT__QUERY(offset, t, t->offset); }
ct_status ct_tensor_is_contiguous(bool *result, ct_tensor *t) {
  CT__QUERY(result, t, ct__is_contiguous(t));
}
ct_status ct_tensor_is_read_only(bool *result, ct_tensor *t) {
  CT__QUERY(result, t, t->storage->read_only);
}
ct_status ct_tensor_data_ptr(void **data, ct_tensor *t) {
  CT__QUERY(data, t, t->storage->data ? (void *)ct__data(t) : NULL);
}

ct_status ct_tensor_shares_storage(bool *result, ct_tensor *a, ct_tensor *b) {
  CT_CHECK_NOT_NULL(result);
  *result = false;
  CT_CHECK_NOT_NULL(a);
  CT_CHECK_NOT_NULL(b);
  *result = a->storage == b->storage;
  return CT_OK;
}

ct_status ct_tensor_device(ct_device_type *type, int32_t *index, ct_tensor *t) {
  CT_CHECK_ARG(type || index, CT_ERR_INVALID_ARGUMENT, "ct_tensor_device: type and index are both NULL");
  if (type) *type = 0;
  if (index) *index = 0;
  CT_CHECK_NOT_NULL(t);
  if (type) *type = t->storage->device_type;
  if (index) *index = t->storage->device_index;
  return CT_OK;
}

/* Copies one per-dimension array (shape or strides) out, checking the capacity. */
static ct_status ct__copy_dims(int64_t *dst, int32_t len, ct_tensor *t, const int64_t *src,
                               const char *fn, const char *arg) {
  if (!t) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: t is NULL", fn);
  if (t->ndim > 0 && !dst)
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s is NULL but the tensor has %d dims", fn, arg,
                     (int)t->ndim);
  if (len < t->ndim)
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: len = %d is less than ndim = %d", fn, (int)len,
                     (int)t->ndim);
  if (t->ndim > 0) memcpy(dst, src, (size_t)t->ndim * sizeof(int64_t));
  return CT_OK;
}

ct_status ct_tensor_shape(int64_t *shape, int32_t len, ct_tensor *t) {
  return ct__copy_dims(shape, len, t, t ? t->shape : NULL, __func__, "shape");
}

ct_status ct_tensor_strides(int64_t *strides, int32_t len, ct_tensor *t) {
  return ct__copy_dims(strides, len, t, t ? t->strides : NULL, __func__, "strides");
}

ct_status ct__wrap_dim(int32_t *out, int64_t dim, int32_t ndim, const char *fn) {
  if (dim < -(int64_t)ndim || dim >= ndim) {
    if (ndim == 0)
      return ct__error(CT_ERR_INDEX, "%s: dim = %lld is out of range for a 0-d tensor", fn, (long long)dim);
    return ct__error(CT_ERR_INDEX, "%s: dim = %lld is out of range [%d, %d] for a %d-d tensor", fn,
                     (long long)dim, (int)-ndim, (int)ndim - 1, (int)ndim);
  }
  *out = (int32_t)(dim < 0 ? dim + ndim : dim);
  return CT_OK;
}

ct_status ct_tensor_size(int64_t *size, ct_tensor *t, int32_t dim) {
  CT_CHECK_NOT_NULL(size);
  *size = 0;
  CT_CHECK_NOT_NULL(t);
  int32_t d;
  CT_TRY(ct__wrap_dim(&d, dim, t->ndim, __func__));
  *size = t->shape[d];
  return CT_OK;
}

ct_status ct_tensor_stride(int64_t *stride, ct_tensor *t, int32_t dim) {
  CT_CHECK_NOT_NULL(stride);
  *stride = 0;
  CT_CHECK_NOT_NULL(t);
  int32_t d;
  CT_TRY(ct__wrap_dim(&d, dim, t->ndim, __func__));
  *stride = t->strides[d];
  return CT_OK;
}

bool ct__is_contiguous(const struct ct_tensor *t) {
  if (t->numel == 0) return true;
  int64_t expected = 1;
  for (int32_t d = t->ndim - 1; d >= 0; d--) {
    if (t->shape[d] == 1) continue;
    if (t->strides[d] != expected) return false;
    expected *= t->shape[d];
  }
  return true;
}

ct_status ct__check_writable(const struct ct_tensor *t, const char *fn, const char *arg) {
  if (t->storage->read_only)
    return ct__error(CT_ERR_READ_ONLY, "%s: %s is read-only", fn, arg);
  return CT_OK;
}

/* ---- item ---------------------------------------------------------------------------------- */

/* Reads t's single element converted to dtype into value (through a host copy for a device tensor). */
static ct_status ct__item(void *value, ct_dtype dtype, ct_tensor *t, const char *fn) {
  if (!t) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: t is NULL", fn);
  if (t->numel != 1) {
    char s[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: a tensor with %lld elements (shape %s) cannot be converted to a scalar",
                     fn, (long long)t->numel, ct__shape_str(s, sizeof s, t->ndim, t->shape));
  }
  if (t->storage->device_type != CT_DEVICE_CPU) {
    ct_tensor *host;
    CT_TRY(ct__error_in(ct_to(&host, t, CT_DTYPE_NONE, CT_DEVICE_CPU, 0, false), fn));
    ct_status s = ct_dtype_convert(value, dtype, ct__data(host), host->dtype, 1);
    ct_tensor_release(host);
    return s;
  }
  return ct_dtype_convert(value, dtype, ct__data(t), t->dtype, 1);
}

ct_status ct_tensor_item(void *value, ct_dtype value_dtype, ct_tensor *t) {
  CT_CHECK_NOT_NULL(value);
  CT_TRY(ct__check_dtype(value_dtype, __func__, "value_dtype"));
  return ct__item(value, value_dtype, t, __func__);
}

ct_status ct_tensor_item_complex(double *real, double *imag, ct_tensor *t) {
  if (real) *real = 0;
  if (imag) *imag = 0;
  CT_CHECK_NOT_NULL(real);
  CT_CHECK_NOT_NULL(imag);
  double v[2];
  CT_TRY(ct__item(v, CT_COMPLEX128, t, __func__));
  *real = v[0];
  *imag = v[1];
  return CT_OK;
}

ct_status ct_tensor_item_double(double *value, ct_tensor *t) {
  CT_CHECK_NOT_NULL(value);
  *value = 0;
  CT_CHECK_NOT_NULL(t);
  CT_CHECK_ARG(!ct__dtypes[t->dtype].is_complex, CT_ERR_DTYPE,
               "ct_tensor_item_double: t is %s; use ct_tensor_item_complex", ct__dtypes[t->dtype].name);
  return ct__item(value, CT_FLOAT64, t, __func__);
}

ct_status ct_tensor_item_int64(int64_t *value, ct_tensor *t) {
  CT_CHECK_NOT_NULL(value);
  *value = 0;
  CT_CHECK_NOT_NULL(t);
  CT_CHECK_ARG(!ct__dtypes[t->dtype].is_complex, CT_ERR_DTYPE,
               "ct_tensor_item_int64: t is %s; use ct_tensor_item_complex", ct__dtypes[t->dtype].name);
  if (!ct__dtypes[t->dtype].is_floating) return ct__item(value, CT_INT64, t, __func__);
  double d;
  CT_TRY(ct__item(&d, CT_FLOAT64, t, __func__));
  /* Python's int() refuses what has no integer value; -2^63 and 2^63 are exact doubles. */
  CT_CHECK_ARG(!isnan(d) && !isinf(d), CT_ERR_INVALID_ARGUMENT,
               "ct_tensor_item_int64: the value %g has no integer value", d);
  CT_CHECK_ARG(d >= -9223372036854775808.0 && d < 9223372036854775808.0,
               CT_ERR_INVALID_ARGUMENT, "ct_tensor_item_int64: the value %.17g is out of the int64 range", d);
  *value = (int64_t)d;
  return CT_OK;
}

/* ---- as_strided ---------------------------------------------------------------------------- */

ct_status ct_as_strided(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape,
                        const int64_t *strides, int64_t storage_offset) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  int64_t numel;
  CT_TRY(ct__check_shape(&numel, ndim, shape, ct__itemsize(t->dtype), __func__));
  CT_CHECK_ARG(ndim == 0 || strides, CT_ERR_INVALID_ARGUMENT, "ct_as_strided: strides is NULL but ndim = %d",
               (int)ndim);
  CT_CHECK_ARG(storage_offset >= 0, CT_ERR_INVALID_ARGUMENT,
               "ct_as_strided: storage_offset = %lld is negative", (long long)storage_offset);
  for (int32_t d = 0; d < ndim; d++)
    CT_CHECK_ARG(strides[d] >= 0, CT_ERR_INVALID_ARGUMENT, "ct_as_strided: strides[%d] = %lld is negative",
                 (int)d, (long long)strides[d]);
  /* The bytes from the storage base to the end of the last element reached must lie in the storage. */
  int64_t end_bytes;
  CT_CHECK_ARG(ct__strided_extent(&end_bytes, ndim, shape, strides, storage_offset, ct__itemsize(t->dtype)),
               CT_ERR_SHAPE, "ct_as_strided: the view's extent overflows int64");
  if (numel > 0 && (uint64_t)end_bytes > t->storage->nbytes) {
    char s[CT__SHAPE_STR_MAX], r[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_INDEX,
                     "ct_as_strided: shape %s with strides %s and storage_offset %lld reaches byte %lld of a "
                     "storage of %zu bytes",
                     ct__shape_str(s, sizeof s, ndim, shape), ct__shape_str(r, sizeof r, ndim, strides),
                     (long long)storage_offset, (long long)end_bytes, t->storage->nbytes);
  }
  return ct__tensor_make(out, t->storage, t->dtype, ndim, shape, strides, storage_offset, __func__);
}
