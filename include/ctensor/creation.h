/*
 * ctensor/creation.h: factories, the *_like forms and the new_* forms.
 *
 * Conventions shared by every function here:
 * - out receives a new reference (see tensor.h); on failure *out is NULL.
 * - shape has ndim entries, each >= 0; ndim may be 0 (a scalar tensor, and
 *   then shape may be NULL). The element count times the element size must
 *   fit in int64_t and size_t.
 * - dtype CT_DTYPE_NONE means the default dtype (ct_get_default_dtype()) for
 *   factories, and the input's dtype for the *_like and new_* forms.
 * - device_type CT_DEVICE_NONE means the CPU for factories, and the input's
 *   device for *_like and new_*; device_index -1 means the current device.
 * - Results are writable and contiguous, except that *_like results keep
 *   the input's strides when it is dense (PyTorch's preserve_format: the
 *   like of a transposed matrix is transposed).
 * Errors common to all: CT_ERR_INVALID_ARGUMENT (NULL pointer, ndim < 0,
 * negative size), CT_ERR_SHAPE (the element count, the byte size or the
 * row-major strides (products of trailing sizes, 0 counted as 1) overflow),
 * CT_ERR_DTYPE (dtype out of range), CT_ERR_DEVICE (device out of range),
 * CT_ERR_BACKEND_UNAVAILABLE (device backend not loadable),
 * CT_ERR_OUT_OF_MEMORY.
 */
#ifndef CTENSOR_CREATION_H
#define CTENSOR_CREATION_H

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

/** A tensor with uninitialised contents, as torch.empty. */
CT_API ct_status ct_empty(ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                          ct_device_type device_type, int32_t device_index);

/** A tensor filled with zeros, as torch.zeros. */
CT_API ct_status ct_zeros(ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                          ct_device_type device_type, int32_t device_index);

/** A tensor filled with ones, as torch.ones. */
CT_API ct_status ct_ones(ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                         ct_device_type device_type, int32_t device_index);

/**
 * A tensor filled with one value, as torch.full. The value is one element of
 * value_dtype at *value, converted to dtype by ct_dtype_convert() rules.
 * dtype CT_DTYPE_NONE takes PyTorch's inference from the value: bool for
 * bool, int64 for integers, the default dtype for floats, its complex
 * counterpart for complex values.
 * Extra errors: CT_ERR_INVALID_ARGUMENT (the value cannot be held by dtype, by
 * PyTorch's overflow rule: integers out of range, but negative integers may
 * wrap into uint8 down to -255; NaN or infinity for integer dtypes; finite
 * floats beyond the largest value; a nonzero imaginary part for real dtypes).
 */
CT_API ct_status ct_full(ct_tensor **out, int32_t ndim, const int64_t *shape, const void *value,
                         ct_dtype value_dtype, ct_dtype dtype, ct_device_type device_type,
                         int32_t device_index);

/**
 * Values start, start + step, ... up to but excluding end, as torch.arange;
 * ceil((end - start) / step) elements (for int64, counted exactly from the
 * bounds truncated to integers, as PyTorch). dtype CT_DTYPE_NONE gives int64
 * when start, end and step are all integral, the default dtype otherwise.
 * Integer results step from the truncated start by the truncated step in
 * int64, floating ones are computed in double.
 * Extra errors: CT_ERR_INVALID_ARGUMENT (step 0 or truncated to 0 for an
 * integer dtype, non-finite bound, step sign against end - start),
 * CT_ERR_DTYPE (bool or complex dtype).
 */
CT_API ct_status ct_arange(ct_tensor **out, double start, double end, double step, ct_dtype dtype,
                           ct_device_type device_type, int32_t device_index);

/**
 * steps values evenly spaced from start to end inclusive, as torch.linspace:
 * the first half counted from start, the second from end (so both ends are
 * exact), in the dtype's own arithmetic; steps = 1 gives start; integer
 * dtypes use the truncated bounds.
 * Extra errors: CT_ERR_INVALID_ARGUMENT (steps < 0), CT_ERR_DTYPE (bool).
 */
CT_API ct_status ct_linspace(ct_tensor **out, double start, double end, int64_t steps,
                             ct_dtype dtype, ct_device_type device_type, int32_t device_index);

/**
 * An n by m matrix with ones on the diagonal, as torch.eye; m = -1 means m = n.
 * Extra errors: CT_ERR_INVALID_ARGUMENT (n < 0, m < -1).
 */
CT_API ct_status ct_eye(ct_tensor **out, int64_t n, int64_t m, ct_dtype dtype,
                        ct_device_type device_type, int32_t device_index);

/**
 * A new tensor holding a copy of host memory: data holds the elements of the
 * given shape in row-major order, each of data_dtype, and they are converted
 * to dtype (CT_DTYPE_NONE keeps data_dtype). data is only read, and may be
 * NULL when the shape has no elements.
 */
CT_API ct_status ct_from_data(ct_tensor **out, const void *data, ct_dtype data_dtype, int32_t ndim,
                              const int64_t *shape, ct_dtype dtype, ct_device_type device_type,
                              int32_t device_index);

/** Called once when a wrapped storage is freed, with the data pointer and context given to ct_from_blob(). */
typedef void (*ct_deleter)(void *data, void *ctx);

/** Flags for ct_from_blob(). */
enum {
  CT_BLOB_READ_ONLY = 1 /* writes through this tensor and its views fail with CT_ERR_READ_ONLY */
};

/**
 * A tensor that views caller memory without copying. data points at the
 * element at index (0, ..., 0); strides are in elements (NULL for row-major,
 * else each >= 0). When the last view is released, deleter(data, ctx) runs
 * exactly once, from whichever thread releases it; deleter may be NULL when
 * the caller keeps the memory alive longer than every view. On failure
 * nothing is wrapped and the deleter is not called: the memory stays the
 * caller's. flags: 0 or CT_BLOB_READ_ONLY.
 * Extra errors: CT_ERR_INVALID_ARGUMENT (data NULL with elements, negative
 * stride, unknown flag bits).
 */
CT_API ct_status ct_from_blob(ct_tensor **out, void *data, int32_t ndim, const int64_t *shape,
                              const int64_t *strides, ct_dtype dtype, ct_device_type device_type,
                              int32_t device_index, ct_deleter deleter, void *ctx, uint32_t flags);

/** torch.empty_like: x's shape, dtype and device unless overridden. */
CT_API ct_status ct_empty_like(ct_tensor **out, ct_tensor *x, ct_dtype dtype,
                               ct_device_type device_type, int32_t device_index);

/** torch.zeros_like. */
CT_API ct_status ct_zeros_like(ct_tensor **out, ct_tensor *x, ct_dtype dtype,
                               ct_device_type device_type, int32_t device_index);

/** torch.ones_like. */
CT_API ct_status ct_ones_like(ct_tensor **out, ct_tensor *x, ct_dtype dtype,
                              ct_device_type device_type, int32_t device_index);

/** torch.full_like; the value is passed as in ct_full(). */
CT_API ct_status ct_full_like(ct_tensor **out, ct_tensor *x, const void *value, ct_dtype value_dtype,
                              ct_dtype dtype, ct_device_type device_type, int32_t device_index);

/** Tensor.new_empty: the given shape, self's dtype and device unless overridden. */
CT_API ct_status ct_new_empty(ct_tensor **out, ct_tensor *self, int32_t ndim, const int64_t *shape,
                              ct_dtype dtype, ct_device_type device_type, int32_t device_index);

/** Tensor.new_zeros. */
CT_API ct_status ct_new_zeros(ct_tensor **out, ct_tensor *self, int32_t ndim, const int64_t *shape,
                              ct_dtype dtype, ct_device_type device_type, int32_t device_index);

/** Tensor.new_ones. */
CT_API ct_status ct_new_ones(ct_tensor **out, ct_tensor *self, int32_t ndim, const int64_t *shape,
                             ct_dtype dtype, ct_device_type device_type, int32_t device_index);

/** Tensor.new_full; the value is passed as in ct_full(). */
CT_API ct_status ct_new_full(ct_tensor **out, ct_tensor *self, int32_t ndim, const int64_t *shape,
                             const void *value, ct_dtype value_dtype, ct_dtype dtype,
                             ct_device_type device_type, int32_t device_index);

/** Tensor.new_tensor: a copy of host data as in ct_from_data(), self's dtype and device unless overridden. */
CT_API ct_status ct_new_tensor(ct_tensor **out, ct_tensor *self, const void *data,
                               ct_dtype data_dtype, int32_t ndim, const int64_t *shape,
                               ct_dtype dtype, ct_device_type device_type, int32_t device_index);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_CREATION_H */
