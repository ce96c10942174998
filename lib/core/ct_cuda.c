/*
 * ct_cuda.c: ctensor/cuda.h, and the table of core functions that backend
 * modules call (ct__core).
 *
 * Every public function here validates its pointers, then loads the CUDA
 * module through the registry and forwards to the module's ct_backend_cuda_i.
 * Without the module (or a driver, or a GPU) the registry's error is what
 * the caller sees: CT_ERR_BACKEND_UNAVAILABLE with the reason.
 */
#include <stdatomic.h>
#include <string.h>

#include "ct_internal.h"

/* ---- the core table ------------------------------------------------------------------------- */

static atomic_bool ct__tf32 = false;

bool ct__allow_tf32(void) { return atomic_load_explicit(&ct__tf32, memory_order_relaxed); }

const ct__core_i ct__core = {
  .api_version = CT__BACKEND_API_VERSION,
  .error_v = ct__error_v,
  .tensor_empty = ct__tensor_empty,
  .tensor_empty_like = ct__tensor_empty_like,
  .tensor_make = ct__tensor_make,
  .is_dense = ct__is_dense,
  .is_contiguous = ct__is_contiguous,
  .shape_str = ct__shape_str,
  .allow_tf32 = ct__allow_tf32,
  .dims_init = ct__dims_init,
  .dims_free = ct__dims_free,
};

/* ---- forwarding ----------------------------------------------------------------------------- */

/* The CUDA module's extension table, or the registry's error naming fn. */
static ct_status ct__cuda(const struct ct_backend_cuda_i **ext, const char *fn) {
  *ext = NULL;
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, CT_DEVICE_CUDA, fn));
  if (!b->cuda)
    return ct__error(CT_ERR_BACKEND_UNAVAILABLE, "%s: the CUDA module has no device functions", fn);
  *ext = b->cuda;
  return CT_OK;
}

#define CT__CUDA_FORWARD(call)                                                                   \
  do {                                                                                           \
    const struct ct_backend_cuda_i *x_ = NULL;                                                        \
    CT_TRY(ct__cuda(&x_, __func__));                                                             \
    return x_->call;                                                                             \
  } while (0)

ct_status ct_cuda_is_available(bool *available) {
  CT_CHECK_NOT_NULL(available);
  return ct_backend_available(available, CT_DEVICE_CUDA);
}

ct_status ct_cuda_device_count(int32_t *count) {
  CT_CHECK_NOT_NULL(count);
  return ct_device_count(count, CT_DEVICE_CUDA);
}

ct_status ct_cuda_device_name(char *buf, size_t size, int32_t device) {
  CT_CHECK_NOT_NULL(buf);
  CT_CHECK_ARG(size > 0, CT_ERR_INVALID_ARGUMENT, "ct_cuda_device_name: size is 0");
  buf[0] = '\0';
  CT__CUDA_FORWARD(device_name(buf, size, device));
}

ct_status ct_cuda_device_capability(int32_t *major, int32_t *minor, int32_t device) {
  if (major) *major = 0;
  if (minor) *minor = 0;
  CT_CHECK_NOT_NULL(major);
  CT_CHECK_NOT_NULL(minor);
  CT__CUDA_FORWARD(device_capability(major, minor, device));
}

ct_status ct_cuda_device_properties(int64_t *total_memory, int32_t *multiprocessors, int32_t device) {
  if (total_memory) *total_memory = 0;
  if (multiprocessors) *multiprocessors = 0;
  CT__CUDA_FORWARD(device_properties(total_memory, multiprocessors, device));
}

ct_status ct_cuda_mem_get_info(int64_t *free_bytes, int64_t *total_bytes, int32_t device) {
  if (free_bytes) *free_bytes = 0;
  if (total_bytes) *total_bytes = 0;
  CT_CHECK_NOT_NULL(free_bytes);
  CT_CHECK_NOT_NULL(total_bytes);
  CT__CUDA_FORWARD(mem_get_info(free_bytes, total_bytes, device));
}

ct_status ct_cuda_current_device(int32_t *device) {
  CT_CHECK_NOT_NULL(device);
  *device = 0;
  CT__CUDA_FORWARD(current_device(device));
}

ct_status ct_cuda_set_device(int32_t device) { CT__CUDA_FORWARD(set_device(device)); }

ct_status ct_cuda_synchronize(int32_t device) { CT__CUDA_FORWARD(synchronize(device)); }

ct_status ct_cuda_stream_create(ct_cuda_stream **out, int32_t device, int32_t priority) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT__CUDA_FORWARD(stream_create(out, device, priority));
}

ct_status ct_cuda_stream_from_handle(ct_cuda_stream **out, void *handle, int32_t device) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT__CUDA_FORWARD(stream_from_handle(out, handle, device));
}

ct_status ct_cuda_stream_retain(ct_cuda_stream *stream) {
  CT_CHECK_NOT_NULL(stream);
  const struct ct_backend_cuda_i *x = NULL;
  CT_TRY(ct__cuda(&x, __func__));
  x->stream_retain(stream);
  return CT_OK;
}

void ct_cuda_stream_release(ct_cuda_stream *stream) {
  const struct ct_backend_cuda_i *x = NULL;
  /* A stream exists only where the module loaded, so the lookup cannot fail for one. */
  if (stream && ct__cuda(&x, __func__) == CT_OK) x->stream_release(stream);
}

ct_status ct_cuda_stream_info(void **handle, int32_t *device, const ct_cuda_stream *stream) {
  if (handle) *handle = NULL;
  if (device) *device = 0;
  CT_CHECK_NOT_NULL(stream);
  const struct ct_backend_cuda_i *x = NULL;
  CT_TRY(ct__cuda(&x, __func__));
  x->stream_info(handle, device, stream);
  return CT_OK;
}

ct_status ct_cuda_current_stream(ct_cuda_stream **out, int32_t device) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT__CUDA_FORWARD(current_stream(out, device));
}

ct_status ct_cuda_default_stream(ct_cuda_stream **out, int32_t device) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT__CUDA_FORWARD(default_stream(out, device));
}

ct_status ct_cuda_set_stream(ct_cuda_stream *stream) { CT__CUDA_FORWARD(set_stream(stream)); }

ct_status ct_cuda_stream_synchronize(ct_cuda_stream *stream) {
  CT_CHECK_NOT_NULL(stream);
  CT__CUDA_FORWARD(stream_synchronize(stream));
}

ct_status ct_cuda_stream_query(bool *done, ct_cuda_stream *stream) {
  CT_CHECK_NOT_NULL(done);
  *done = false;
  CT_CHECK_NOT_NULL(stream);
  CT__CUDA_FORWARD(stream_query(done, stream));
}

ct_status ct_cuda_stream_wait_stream(ct_cuda_stream *stream, ct_cuda_stream *other) {
  CT_CHECK_NOT_NULL(stream);
  CT_CHECK_NOT_NULL(other);
  CT__CUDA_FORWARD(stream_wait_stream(stream, other));
}

ct_status ct_cuda_event_create(ct_cuda_event **out, uint32_t flags) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_ARG((flags & ~(uint32_t)(CT_CUDA_EVENT_TIMING | CT_CUDA_EVENT_BLOCKING_SYNC |
                                    CT_CUDA_EVENT_INTERPROCESS)) == 0,
               CT_ERR_INVALID_ARGUMENT, "ct_cuda_event_create: flags = 0x%x has unknown bits", (unsigned)flags);
  CT__CUDA_FORWARD(event_create(out, flags));
}

void ct_cuda_event_release(ct_cuda_event *event) {
  const struct ct_backend_cuda_i *x = NULL;
  if (event && ct__cuda(&x, __func__) == CT_OK) x->event_release(event);
}

ct_status ct_cuda_event_record(ct_cuda_event *event, ct_cuda_stream *stream) {
  CT_CHECK_NOT_NULL(event);
  CT__CUDA_FORWARD(event_record(event, stream));
}

ct_status ct_cuda_event_wait(ct_cuda_event *event, ct_cuda_stream *stream) {
  CT_CHECK_NOT_NULL(event);
  CT__CUDA_FORWARD(event_wait(event, stream));
}

ct_status ct_cuda_event_synchronize(ct_cuda_event *event) {
  CT_CHECK_NOT_NULL(event);
  CT__CUDA_FORWARD(event_synchronize(event));
}

ct_status ct_cuda_event_query(bool *done, ct_cuda_event *event) {
  CT_CHECK_NOT_NULL(done);
  *done = false;
  CT_CHECK_NOT_NULL(event);
  CT__CUDA_FORWARD(event_query(done, event));
}

ct_status ct_cuda_event_elapsed_time(float *ms, ct_cuda_event *start, ct_cuda_event *end) {
  CT_CHECK_NOT_NULL(ms);
  *ms = 0;
  CT_CHECK_NOT_NULL(start);
  CT_CHECK_NOT_NULL(end);
  CT__CUDA_FORWARD(event_elapsed_time(ms, start, end));
}

ct_status ct_cuda_memory_stats(int64_t *allocated, int64_t *reserved, int64_t *peak_allocated,
                               int32_t device) {
  if (allocated) *allocated = 0;
  if (reserved) *reserved = 0;
  if (peak_allocated) *peak_allocated = 0;
  CT__CUDA_FORWARD(memory_stats(allocated, reserved, peak_allocated, device));
}

ct_status ct_cuda_reset_peak_memory_stats(int32_t device) {
  CT__CUDA_FORWARD(reset_peak_memory_stats(device));
}

ct_status ct_cuda_empty_cache(void) { CT__CUDA_FORWARD(empty_cache()); }

ct_status ct_cuda_set_allow_tf32(bool allow) {
  atomic_store(&ct__tf32, allow);
  return CT_OK;
}

ct_status ct_cuda_allow_tf32(bool *allow) {
  CT_CHECK_NOT_NULL(allow);
  *allow = ct__allow_tf32();
  return CT_OK;
}

/* ---- pinned memory ------------------------------------------------------------------------- */

static void ct__pinned_free(void *data, void *ctx) {
  const struct ct_backend_cuda_i *x = ctx;
  x->host_free(data);
}

ct_status ct_pin_memory(ct_tensor **out, ct_tensor *t) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  CT_CHECK_ARG(t->storage->device_type == CT_DEVICE_CPU, CT_ERR_DEVICE,
               "ct_pin_memory: t is on device type %d; only CPU tensors can be pinned",
               (int)t->storage->device_type);
  const struct ct_backend_cuda_i *x = NULL;
  CT_TRY(ct__cuda(&x, __func__));
  size_t nbytes = (size_t)t->numel * (size_t)ct__itemsize(t->dtype);
  void *p = NULL;
  if (nbytes > 0) CT_TRY(x->host_alloc(&p, nbytes, __func__));
  ct_storage *s;
  ct_status st = ct__storage_wrap(&s, p, nbytes, CT_DEVICE_CPU, 0, p ? ct__pinned_free : NULL,
                                  (void *)x, false, __func__);
  if (st != CT_OK) {
    if (p) x->host_free(p);
    return st;
  }
  ct_tensor *r;
  st = ct__tensor_make(&r, s, t->dtype, t->ndim, t->shape, NULL, 0, __func__);
  ct__storage_release(s);
  if (st != CT_OK) return st;
  st = ct__error_in(ct_copy_(r, t), __func__);
  if (st != CT_OK) {
    ct_tensor_release(r);
    return st;
  }
  *out = r;
  return CT_OK;
}

ct_status ct_tensor_is_pinned(bool *pinned, const ct_tensor *t) {
  CT_CHECK_NOT_NULL(pinned);
  *pinned = false;
  CT_CHECK_NOT_NULL(t);
  if (t->storage->device_type != CT_DEVICE_CPU || !t->storage->data) return CT_OK;
  /* Only ask the module when it is loaded and usable: pinning needs it anyway. */
  bool avail = false;
  ct_backend_available(&avail, CT_DEVICE_CUDA);
  if (!avail) return CT_OK;
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, CT_DEVICE_CUDA, __func__));
  *pinned = b->is_pinned && b->is_pinned(t->storage->data);
  return CT_OK;
}
