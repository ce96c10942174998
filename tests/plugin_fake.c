/*
 * plugin_fake.c: a fake CUDA module (built as ct_cuda.so for check_plugin)
 * that loads and initialises: one "device" whose memory is plain host
 * memory from malloc, a fill kernel so that ct_zeros/ct_ones reach the
 * device, and no kernel tables at all, so that every operator must report
 * that the backend lacks that family instead of crashing. It checks the
 * core table's version the way the real module does.
 */
#include <stdlib.h>
#include <string.h>

#include "ct_internal.h"

CT_API ct_status ct_backend_cuda_init(const struct ct_backend_i **out, const ct__core_i *core);

static const ct__core_i *fake_core;

static int32_t fake_device_count(void) { return 1; }

static ct_status fake_error(ct_status code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ct_status s = fake_core->error_v(code, fmt, ap);
  va_end(ap);
  return s;
}

static ct_status fake_alloc(void **ptr, size_t nbytes, int32_t device_index) {
  (void)device_index;
  *ptr = malloc(nbytes);
  return *ptr ? CT_OK : fake_error(CT_ERR_OUT_OF_MEMORY, "fake cuda: out of memory for %zu bytes", nbytes);
}

static void fake_free(void *ptr, size_t nbytes, int32_t device_index) {
  (void)nbytes;
  (void)device_index;
  free(ptr);
}

/*
 * Fills the dense block behind dst (creation only makes contiguous tensors).
 * The module sees no hidden symbol of libctensor (ct__dtypes, ct__data), so
 * it keeps its own item sizes, indexed by ct_dtype.
 */
static ct_status fake_fill(struct ct_tensor *dst, const void *value) {
  static const int64_t itemsizes[CT_DTYPE_COUNT] = {1, 1, 1, 2, 4, 8, 2, 2, 4, 8, 8, 16};
  int64_t itemsize = itemsizes[dst->dtype];
  char *p = (char *)dst->storage->data + dst->offset * itemsize;
  for (int64_t i = 0; i < dst->numel; i++) memcpy(p + i * itemsize, value, (size_t)itemsize);
  return CT_OK;
}

static const struct ct_backend_i fake_backend = {
  .api_version = CT__BACKEND_API_VERSION,
  .name = "cuda",
  .device_type = CT_DEVICE_CUDA,
  .host_memory = false,
  .device_count = fake_device_count,
  .alloc = fake_alloc,
  .free = fake_free,
  .fill = fake_fill,
};

ct_status ct_backend_cuda_init(const struct ct_backend_i **out, const ct__core_i *core) {
  *out = NULL;
  if (core->api_version != CT__BACKEND_API_VERSION) return CT_ERR_BACKEND_UNAVAILABLE;
  fake_core = core;
  *out = &fake_backend;
  return CT_OK;
}
