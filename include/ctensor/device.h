/*
 * ctensor/device.h: devices and backends.
 *
 * A device is a (type, index) pair. Types use DLPack's numbering. Where a
 * function takes a device type that may be left unspecified, CT_DEVICE_NONE
 * (-1) means: the CPU for factories, the input's device for the *_like and
 * new_* forms. A device index of -1 means the current device of that type
 * (always 0 for the CPU).
 *
 * The CPU backend is built in. Other backends are loadable modules found in
 * $CTENSOR_PLUGIN_PATH (a colon-separated list of directories) or the
 * installed plugin directory; without one, requests for that device fail with
 * CT_ERR_BACKEND_UNAVAILABLE and a message saying why.
 */
#ifndef CTENSOR_DEVICE_H
#define CTENSOR_DEVICE_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Device type, numbered as DLPack's DLDeviceType; values are fixed and append-only. */
typedef int32_t ct_device_type;

enum {
  CT_DEVICE_NONE = -1, /* "not specified": see the file comment */
  CT_DEVICE_CPU = 1,
  CT_DEVICE_CUDA = 2,
  CT_DEVICE_CUDA_HOST = 3,
  CT_DEVICE_OPENCL = 4,
  CT_DEVICE_VULKAN = 7,
  CT_DEVICE_METAL = 8,
  CT_DEVICE_VPI = 9,
  CT_DEVICE_ROCM = 10,
  CT_DEVICE_ROCM_HOST = 11,
  CT_DEVICE_EXT_DEV = 12,
  CT_DEVICE_CUDA_MANAGED = 13,
  CT_DEVICE_ONEAPI = 14,
  CT_DEVICE_WEBGPU = 15,
  CT_DEVICE_HEXAGON = 16,
  CT_DEVICE_MAIA = 17,
  CT_DEVICE_TRN = 18,
  CT_DEVICE_TYPE_COUNT
};

/**
 * PyTorch-style name of a device type ("cpu", "cuda", ...). *name is static.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_DEVICE (unknown type).
 */
CT_API ct_status ct_device_type_name(const char **name, ct_device_type type);

/**
 * Parses "cpu", "cuda", "cuda:1", ... into a type and an index (-1 when the
 * string names no index).
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL pointer), CT_ERR_DEVICE (malformed or unknown).
 */
CT_API ct_status ct_device_parse(ct_device_type *type, int32_t *index, const char *str);

/**
 * Whether the backend for a device type can be used in this process (for
 * CUDA: the module loads and a driver is present). Never fails for a valid type:
 * *available is false, and ct_last_error_message() is left untouched.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_DEVICE (type out of range).
 */
CT_API ct_status ct_backend_available(bool *available, ct_device_type type);

/**
 * Number of devices of a type: 1 for the CPU, the GPU count for CUDA, 0 when
 * the backend is unavailable.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_DEVICE (type out of range).
 */
CT_API ct_status ct_device_count(int32_t *count, ct_device_type type);

/**
 * Host allocator statistics: blocks and bytes currently allocated by
 * ctensor (tensor data and every internal object), and the peak of bytes.
 * Any pointer may be NULL to skip that value. Never fails.
 */
CT_API ct_status ct_memory_stats(int64_t *live_blocks, int64_t *live_bytes, int64_t *peak_bytes);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_DEVICE_H */
