/*
 * plugin_badversion.c: a fake CUDA module (built as ct_cuda.so for
 * check_plugin) whose init succeeds but hands back a table of backend API
 * version 999, which the loader must refuse naming both versions.
 */
#include "ct_internal.h"

CT_API ct_status ct_backend_cuda_init(const struct ct_backend_i **out, const ct__core_i *core);

static const struct ct_backend_i fake_backend = {.api_version = 999, .name = "cuda", .device_type = CT_DEVICE_CUDA};

ct_status ct_backend_cuda_init(const struct ct_backend_i **out, const ct__core_i *core) {
  (void)core;
  *out = &fake_backend;
  return CT_OK;
}
