/*
 * ct_backend.c: device types, the backend registry and the plugin loader.
 *
 * The CPU backend is built in. Any other backend lives in a loadable module
 * "ct_<name>.so" searched in $CTENSOR_PLUGIN_PATH (colon-separated) and then
 * in the installed plugin directory. The module exports
 * ct_backend_<name>_init(const struct ct_backend_i **, const ct__core_i *):
 * it receives the table of core functions it may call (ct__core) and hands
 * back its kernel table, which must carry exactly CT__BACKEND_API_VERSION.
 * An init that fails (no driver, no GPU) records why, and that reason is
 * what every later request for the device reports. The result of the first
 * attempt is kept for the life of the process.
 */
#include <dlfcn.h>
#include <unistd.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ct_internal.h"

static const char *const ct__device_names[CT_DEVICE_TYPE_COUNT] = {
  [CT_DEVICE_CPU] = "cpu",
  [CT_DEVICE_CUDA] = "cuda",
  [CT_DEVICE_CUDA_HOST] = "cuda_host",
  [CT_DEVICE_OPENCL] = "opencl",
  [CT_DEVICE_VULKAN] = "vulkan",
  [CT_DEVICE_METAL] = "metal",
  [CT_DEVICE_VPI] = "vpi",
  [CT_DEVICE_ROCM] = "rocm",
  [CT_DEVICE_ROCM_HOST] = "rocm_host",
  [CT_DEVICE_EXT_DEV] = "ext_dev",
  [CT_DEVICE_CUDA_MANAGED] = "cuda_managed",
  [CT_DEVICE_ONEAPI] = "oneapi",
  [CT_DEVICE_WEBGPU] = "webgpu",
  [CT_DEVICE_HEXAGON] = "hexagon",
  [CT_DEVICE_MAIA] = "maia",
  [CT_DEVICE_TRN] = "trn",
};

static bool ct__device_type_valid(ct_device_type type) {
  return type > 0 && type < CT_DEVICE_TYPE_COUNT && ct__device_names[type] != NULL;
}

ct_status ct_device_type_name(const char **name, ct_device_type type) {
  CT_CHECK_NOT_NULL(name);
  *name = NULL;
  CT_CHECK_ARG(ct__device_type_valid(type), CT_ERR_DEVICE,
               "ct_device_type_name: type = %d is not a device type", (int)type);
  *name = ct__device_names[type];
  return CT_OK;
}

ct_status ct_device_parse(ct_device_type *type, int32_t *index, const char *str) {
  if (type) *type = 0;
  if (index) *index = 0;
  CT_CHECK_NOT_NULL(type);
  CT_CHECK_NOT_NULL(index);
  CT_CHECK_NOT_NULL(str);
  const char *colon = strchr(str, ':');
  size_t len = colon ? (size_t)(colon - str) : strlen(str);
  ct_device_type found = 0;
  for (ct_device_type t = 1; t < CT_DEVICE_TYPE_COUNT; t++) {
    const char *n = ct__device_names[t];
    if (n && strlen(n) == len && strncmp(n, str, len) == 0) found = t;
  }
  CT_CHECK_ARG(found != 0, CT_ERR_DEVICE, "ct_device_parse: str = \"%s\" names no device type", str);
  int32_t idx = -1;
  if (colon) {
    const char *p = colon + 1;
    long long v = 0;
    CT_CHECK_ARG(*p >= '0' && *p <= '9', CT_ERR_DEVICE,
                 "ct_device_parse: str = \"%s\" has no device index after ':'", str);
    for (; *p >= '0' && *p <= '9'; p++) {
      v = v * 10 + (*p - '0');
      CT_CHECK_ARG(v <= INT32_MAX, CT_ERR_DEVICE,
                   "ct_device_parse: str = \"%s\" has a device index out of range", str);
    }
    CT_CHECK_ARG(*p == '\0', CT_ERR_DEVICE,
                 "ct_device_parse: str = \"%s\" has trailing characters after the index", str);
    idx = (int32_t)v;
  }
  *type = found;
  *index = idx;
  return CT_OK;
}

/* ---- plugins -------------------------------------------------------------------------------- */

typedef struct ct__plugin {
  pthread_once_t once;
  const char *name;                  /* "cuda" */
  ct_device_type type;
  const struct ct_backend_i *backend; /* NULL when loading failed */
  char why[512];                     /* the reason loading failed */
} ct__plugin;

static ct__plugin ct__cuda_plugin = {PTHREAD_ONCE_INIT, "cuda", CT_DEVICE_CUDA, NULL, ""};

#ifndef CT_PLUGIN_DIR
#define CT_PLUGIN_DIR "/usr/local/lib/ctensor"
#endif

/* Records why a module could not be used (truncated to the buffer, which is fine for a message). */
__attribute__((format(printf, 2, 3))) static void ct__plugin_why(ct__plugin *pl, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(pl->why, sizeof pl->why, fmt, ap);
  va_end(ap);
}

/* Tries one directory; returns true when the module was found (loaded or not). */
static bool ct__plugin_try(ct__plugin *pl, const char *dir, size_t dirlen) {
  char path[4096];
  int n = snprintf(path, sizeof path, "%.*s/ct_%s.so", (int)dirlen, dir, pl->name);
  if (n < 0 || (size_t)n >= sizeof path) return false;
  /* A missing file is not an error yet: the next directory may have it. A file that
     exists but cannot be loaded (a missing libcublas, say) is the reason to report. */
  if (access(path, F_OK) != 0) return false;
  void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *e = dlerror();
    ct__plugin_why(pl, "loading %s failed: %s", path, e ? e : "unknown error");
    return true;
  }
  char sym[64];
  snprintf(sym, sizeof sym, "ct_backend_%s_init", pl->name);
  ct__backend_init_fn init = NULL;
  *(void **)&init = dlsym(h, sym);
  const struct ct_backend_i *b = NULL;
  if (!init) {
    ct__plugin_why(pl, "%s does not export %s", path, sym);
  } else if (init(&b, &ct__core) != CT_OK || !b) {
    ct__plugin_why(pl, "%s: %s", path, ct_last_error_message()[0] ? ct_last_error_message()
                                                                  : "its init failed without a reason");
  } else if (b->api_version != CT__BACKEND_API_VERSION) {
    ct__plugin_why(pl, "%s has backend API %d, this libctensor needs %d", path,
             (int)b->api_version, (int)CT__BACKEND_API_VERSION);
  } else {
    pl->backend = b;
    return true; /* the module stays loaded for the life of the process */
  }
  dlclose(h);
  return true;
}

static void ct__cuda_plugin_load(void) {
  ct__plugin *pl = &ct__cuda_plugin;
  const char *env = getenv("CTENSOR_PLUGIN_PATH");
  if (env) {
    for (const char *p = env; *p;) {
      size_t len = strcspn(p, ":");
      if (len > 0 && ct__plugin_try(pl, p, len)) return;
      p += len;
      if (*p == ':') p++;
    }
  }
  if (ct__plugin_try(pl, CT_PLUGIN_DIR, strlen(CT_PLUGIN_DIR))) return;
  snprintf(pl->why, sizeof pl->why,
           "the CUDA module ct_cuda.so was not found in $CTENSOR_PLUGIN_PATH (%s) or %s "
           "(this ctensor was built without CUDA, or the module is not installed)",
           env ? env : "unset", CT_PLUGIN_DIR);
}

ct_status ct__backend_get(const struct ct_backend_i **out, ct_device_type type, const char *fn) {
  *out = NULL;
  if (type == CT_DEVICE_CPU) {
    *out = &ct_cpu_backend;
    return CT_OK;
  }
  if (!ct__device_type_valid(type))
    return ct__error(CT_ERR_DEVICE, "%s: device type %d is not a device type", fn, (int)type);
  if (type == CT_DEVICE_CUDA) {
    pthread_once(&ct__cuda_plugin.once, ct__cuda_plugin_load);
    if (ct__cuda_plugin.backend) {
      *out = ct__cuda_plugin.backend;
      return CT_OK;
    }
    return ct__error(CT_ERR_BACKEND_UNAVAILABLE, "%s: backend unavailable for device 'cuda': %s", fn,
                     ct__cuda_plugin.why);
  }
  return ct__error(CT_ERR_BACKEND_UNAVAILABLE,
                   "%s: backend unavailable for device '%s': ctensor has no backend for it", fn,
                   ct__device_names[type]);
}

ct_status ct__device_resolve(ct_device_type *type, int32_t *index,
                             const struct ct_backend_i **backend, ct_device_type req_type,
                             int32_t req_index, ct_device_type dflt_type, int32_t dflt_index,
                             const char *fn) {
  *backend = NULL;
  if (req_type == CT_DEVICE_NONE) {
    if (req_index != -1)
      return ct__error(CT_ERR_DEVICE, "%s: device_index = %d given without a device_type", fn,
                       (int)req_index);
    req_type = dflt_type;
    req_index = dflt_index;
  }
  if (!ct__device_type_valid(req_type))
    return ct__error(CT_ERR_DEVICE, "%s: device_type = %d is not a device type", fn, (int)req_type);
  if (req_index < -1)
    return ct__error(CT_ERR_DEVICE, "%s: device_index = %d is negative", fn, (int)req_index);
  const struct ct_backend_i *b;
  CT_TRY(ct__backend_get(&b, req_type, fn));
  int32_t count = b->device_count();
  if (req_index == -1 && b->cuda) CT_TRY(b->cuda->current_device(&req_index));
  if (req_index == -1) req_index = 0;
  if (req_index >= count)
    return ct__error(CT_ERR_DEVICE, "%s: device_index = %d is out of range for '%s' (%d device%s)", fn,
                     (int)req_index, b->name, (int)count, count == 1 ? "" : "s");
  *type = req_type;
  *index = req_index;
  *backend = b;
  return CT_OK;
}

ct_status ct_backend_available(bool *available, ct_device_type type) {
  CT_CHECK_NOT_NULL(available);
  *available = false;
  CT_CHECK_ARG(ct__device_type_valid(type), CT_ERR_DEVICE,
               "ct_backend_available: type = %d is not a device type", (int)type);
  /* Probing must not disturb the caller's error record. */
  ct_status saved_code = ct_last_error_code();
  char saved[1024];
  snprintf(saved, sizeof saved, "%s", ct_last_error_message());
  const struct ct_backend_i *b;
  ct_status s = ct__backend_get(&b, type, "ct_backend_available");
  if (saved_code == CT_OK)
    ct_clear_error();
  else
    ct__error(saved_code, "%s", saved);
  *available = s == CT_OK && b->device_count() > 0;
  return CT_OK;
}

ct_status ct_device_count(int32_t *count, ct_device_type type) {
  CT_CHECK_NOT_NULL(count);
  *count = 0;
  CT_CHECK_ARG(ct__device_type_valid(type), CT_ERR_DEVICE,
               "ct_device_count: type = %d is not a device type", (int)type);
  bool avail;
  CT_TRY(ct_backend_available(&avail, type));
  if (avail) {
    const struct ct_backend_i *b;
    CT_TRY(ct__backend_get(&b, type, "ct_device_count"));
    *count = b->device_count();
  }
  return CT_OK;
}
