/*
 * cuda_plugin.c: the module's entry point and its backend table.
 *
 * libctensor dlopen()s ct_cuda.so on the first CUDA request and calls
 * ct_backend_cuda_init once. Init fails, with the reason recorded, when the
 * runtime finds no driver or no GPU: libctensor then reports that reason
 * for every CUDA request, and CPU-only systems never get further than here.
 */
#include "cuda_internal.h"

static int32_t ct_cuda_device_count_fn(void) { return ct__cuda_device_count(); }

const struct ct_backend_i ct__cuda_backend = {
  .api_version = CT__BACKEND_API_VERSION,
  .name = "cuda",
  .device_type = CT_DEVICE_CUDA,
  .host_memory = false,
  .device_count = ct_cuda_device_count_fn,
  .alloc = ct__cuda_backend_alloc,
  .free = ct__cuda_backend_free,
  .copy = ct__cuda_copy,
  .fill = ct__cuda_fill,
  .random = ct__cuda_random,
  .elementwise = &ct__cuda_elementwise,
  .index = &ct__cuda_index,
  .reduce = &ct__cuda_reduce,
  .linalg = &ct__cuda_linalg,
  .structure = &ct__cuda_structure,
  .transfer = ct__cuda_transfer,
  .is_pinned = ct__cuda_is_pinned,
  .cuda = &ct__cuda_ext,
};

__attribute__((visibility("default"))) ct_status ct_backend_cuda_init(const struct ct_backend_i **out,
                                                                      const ct__core_i *core);

ct_status ct_backend_cuda_init(const struct ct_backend_i **out, const ct__core_i *core) {
  *out = NULL;
  /*
   * Only the version word of a core table from another API version can be
   * trusted: hand the table back unused, so that libctensor reports both
   * version numbers.
   */
  if (!core || core->api_version != CT__BACKEND_API_VERSION) {
    *out = &ct__cuda_backend;
    return CT_OK;
  }
  ct__cuda_core = core;
  int n = 0;
  cudaError_t e = cudaGetDeviceCount(&n);
  if (e != cudaSuccess) {
    cudaGetLastError();
    return ct__error(CT_ERR_BACKEND_UNAVAILABLE, "no usable CUDA driver or device (cudaGetDeviceCount: %s: %s)",
                     cudaGetErrorName(e), cudaGetErrorString(e));
  }
  if (n == 0) return ct__error(CT_ERR_BACKEND_UNAVAILABLE, "the CUDA driver reports no device");
  *out = &ct__cuda_backend;
  return CT_OK;
}
