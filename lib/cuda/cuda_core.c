/*
 * cuda_core.c: the core functions the module's C files call, forwarding to
 * the table libctensor handed to ct_backend_cuda_init.
 *
 * The module cannot link against libctensor's hidden ct__* symbols, so it
 * defines the same names (hidden in the module) over ct__cuda_core: the
 * glue then reads like the CPU backend's, and errors land in the caller's
 * thread-local record inside libctensor. Host scratch memory is the C
 * library's: it never outlives a call.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cuda_internal.h"

const ct__core_i *ct__cuda_core;

ct_status ct__error(ct_status code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ct__cuda_core->error_v(code, fmt, ap);
  va_end(ap);
  return code;
}

ct_status ct__tensor_empty(struct ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                           const struct ct_backend_i *backend, int32_t device_index, const char *fn) {
  return ct__cuda_core->tensor_empty(out, ndim, shape, dtype, backend, device_index, fn);
}

ct_status ct__tensor_empty_like(struct ct_tensor **out, const struct ct_tensor *t, ct_dtype dtype,
                                const struct ct_backend_i *b, int32_t index, const char *fn) {
  return ct__cuda_core->tensor_empty_like(out, t, dtype, b, index, fn);
}

ct_status ct__tensor_make(struct ct_tensor **out, ct_storage *storage, ct_dtype dtype, int32_t ndim,
                          const int64_t *shape, const int64_t *strides, int64_t offset, const char *fn) {
  return ct__cuda_core->tensor_make(out, storage, dtype, ndim, shape, strides, offset, fn);
}

bool ct__is_dense(const struct ct_tensor *t) { return ct__cuda_core->is_dense(t); }

bool ct__is_contiguous(const struct ct_tensor *t) { return ct__cuda_core->is_contiguous(t); }

const char *ct__shape_str(char *buf, size_t size, int32_t ndim, const int64_t *shape) {
  return ct__cuda_core->shape_str(buf, size, ndim, shape);
}

ct_status ct__dims_init(ct__dims *d, int32_t ndim, const char *fn) {
  return ct__cuda_core->dims_init(d, ndim, fn);
}

void ct__dims_free(ct__dims *d) { ct__cuda_core->dims_free(d); }

void *ct__malloc(size_t nbytes) { return malloc(nbytes ? nbytes : 1); }

void *ct__calloc(size_t nbytes) { return calloc(1, nbytes ? nbytes : 1); }

void ct__free(void *p) { free(p); }

ct_status ct__alloc_or_error(void **out, size_t nbytes, const char *fn, const char *what) {
  *out = ct__malloc(nbytes);
  if (!*out)
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cannot allocate %zu bytes of host memory for %s", fn, nbytes,
                     what);
  return CT_OK;
}
