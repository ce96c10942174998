/*
 * ctensor/convert.h: conversion between dtypes and devices, and copying.
 */
#ifndef CTENSOR_CONVERT_H
#define CTENSOR_CONVERT_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/device.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * t converted to dtype and moved to a device, as Tensor.to(): CT_DTYPE_NONE
 * and CT_DEVICE_NONE keep t's. When nothing changes and copy is false, *out
 * is a new reference to t itself; otherwise a new tensor, laid out as
 * ct_clone() lays out its copy.
 * Errors: CT_ERR_INVALID_ARGUMENT, CT_ERR_DTYPE, CT_ERR_DEVICE,
 * CT_ERR_BACKEND_UNAVAILABLE (no backend for the device), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_to(ct_tensor **out, ct_tensor *t, ct_dtype dtype, ct_device_type device_type,
                       int32_t device_index, bool copy);

/**
 * t itself (a new reference) when already contiguous, else a contiguous copy,
 * as Tensor.contiguous(). Errors: CT_ERR_INVALID_ARGUMENT, CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_contiguous(ct_tensor **out, ct_tensor *t);

/**
 * A copy of t in new writable storage, as Tensor.clone(): the strides are kept
 * when t is dense and non-overlapping (a transposed tensor stays transposed),
 * otherwise the copy is contiguous. Errors: CT_ERR_INVALID_ARGUMENT, CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_clone(ct_tensor **out, ct_tensor *t);

/**
 * Copies src into dst in place, as Tensor.copy_(): src is broadcast to dst's
 * shape and converted to dst's dtype; src and dst may overlap in memory.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL; dst has a dimension of stride 0 and
 * size > 1, so several of its elements share one address), CT_ERR_SHAPE (not
 * broadcastable), CT_ERR_READ_ONLY (dst read-only), CT_ERR_NOT_IMPLEMENTED
 * (src and dst on different devices: not yet supported), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_copy_(ct_tensor *dst, ct_tensor *src);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_CONVERT_H */
