/*
 * plugin_initfail.c: a fake CUDA module (built as ct_cuda.so for
 * check_plugin) whose init fails as a real one does on a machine without a
 * GPU: it records the reason through the core's error_v (ct__error itself is
 * hidden inside libctensor) and returns the error, which the loader must
 * keep and report on every CUDA request.
 */
#include "ct_internal.h"

CT_API ct_status ct_backend_cuda_init(const struct ct_backend_i **out, const ct__core_i *core);

/* ct__error for a module: a printf-style front to core->error_v. */
__attribute__((format(printf, 3, 4))) static ct_status fake_error(const ct__core_i *core, ct_status code,
                                                                  const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ct_status s = core->error_v(code, fmt, ap);
  va_end(ap);
  return s;
}

ct_status ct_backend_cuda_init(const struct ct_backend_i **out, const ct__core_i *core) {
  *out = NULL;
  return fake_error(core, CT_ERR_BACKEND_UNAVAILABLE, "ct_backend_cuda_init: %s (%d devices)", "no GPU here", 0);
}
