/*
 * ctensor/tensor.h: the tensor handle, its lifetime and its properties.
 *
 * A ct_tensor is an opaque, reference-counted view: a dtype, an N-dimensional
 * shape (no fixed limit on dimensions), strides in elements, an element offset
 * and a reference to a storage (memory on one device, owned by ctensor or
 * wrapped from the caller). Several tensors may view one storage; the storage
 * lives as long as any of them.
 *
 * Ownership: every function that returns a tensor through a ct_tensor **out
 * parameter gives the caller one new reference, to be dropped with
 * ct_tensor_release(). Tensors passed in are borrowed: the callee takes its own
 * reference if it keeps one.
 *
 * Argument order: results (out-parameters) come first, then inputs.
 *
 * Threads: any function may be called from any thread. A tensor may be read
 * from several threads at once; writing a tensor while another thread reads or
 * writes it is the caller's race, as in PyTorch. Reference counts are atomic.
 */
#ifndef CTENSOR_TENSOR_H
#define CTENSOR_TENSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/device.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque tensor handle. */
typedef struct ct_tensor ct_tensor;

/** Adds one reference to t. Errors: CT_ERR_INVALID_ARGUMENT (t NULL). */
CT_API ct_status ct_tensor_retain(ct_tensor *t);

/**
 * Drops one reference; the last one frees the tensor, and the storage once no
 * tensor views it (running a wrapped storage's deleter exactly once).
 * ct_tensor_release(NULL) does nothing.
 */
CT_API void ct_tensor_release(ct_tensor *t);

/** Current number of references to t (for tests and debugging). Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_use_count(int64_t *count, ct_tensor *t);

/** Number of dimensions (0 for a scalar tensor). Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_ndim(int32_t *ndim, ct_tensor *t);

/**
 * Copies the shape into shape[0 .. ndim-1]; len is the capacity of shape.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL with ndim > 0, len < ndim).
 */
CT_API ct_status ct_tensor_shape(int64_t *shape, int32_t len, ct_tensor *t);

/**
 * Size of dimension dim; negative dims count from the end (-1 is the last).
 * Errors: CT_ERR_INVALID_ARGUMENT, CT_ERR_INDEX (dim out of range, also for a 0-d tensor).
 */
CT_API ct_status ct_tensor_size(int64_t *size, ct_tensor *t, int32_t dim);

/** Copies the strides (in elements) into strides[0 .. ndim-1]. Errors as ct_tensor_shape(). */
CT_API ct_status ct_tensor_strides(int64_t *strides, int32_t len, ct_tensor *t);

/** Stride (in elements) of dimension dim, negative dims allowed. Errors as ct_tensor_size(). */
CT_API ct_status ct_tensor_stride(int64_t *stride, ct_tensor *t, int32_t dim);

/** Number of elements (1 for a 0-d tensor). Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_numel(int64_t *numel, ct_tensor *t);

/** Element type. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_dtype(ct_dtype *dtype, ct_tensor *t);

/** Device type and index. Either pointer may be NULL to skip it, but not both. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_device(ct_device_type *type, int32_t *index, ct_tensor *t);

/**
 * Whether t is contiguous in row-major order, by PyTorch's definition
 * (dimensions of size 1 do not count; an empty tensor is contiguous).
 * Errors: CT_ERR_INVALID_ARGUMENT.
 */
CT_API ct_status ct_tensor_is_contiguous(bool *result, ct_tensor *t);

/** Size of one element in bytes. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_element_size(int64_t *size, ct_tensor *t);

/** numel times the element size. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_nbytes(int64_t *nbytes, ct_tensor *t);

/**
 * Address of the first element (storage base plus offset). Borrowed: valid
 * while t or another view keeps the storage alive. A device pointer for
 * non-CPU tensors; never write through it when the tensor is read-only.
 * Errors: CT_ERR_INVALID_ARGUMENT.
 */
CT_API ct_status ct_tensor_data_ptr(void **data, ct_tensor *t);

/** Offset of the first element from the storage base, in elements. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_storage_offset(int64_t *offset, ct_tensor *t);

/** Whether writes to t are refused (a read-only wrapped or imported storage). Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_is_read_only(bool *result, ct_tensor *t);

/** Whether a and b view the same storage. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_shares_storage(bool *result, ct_tensor *a, ct_tensor *b);

/**
 * The value of a tensor with exactly one element, as a double (Python's
 * float(tensor)).
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_SHAPE (numel != 1),
 * CT_ERR_DTYPE (complex tensor), CT_ERR_NOT_IMPLEMENTED (non-CPU tensor, for now).
 */
CT_API ct_status ct_tensor_item_double(double *value, ct_tensor *t);

/**
 * The value of a one-element tensor as an int64_t; floating values truncate
 * toward zero, as Python's int(tensor).
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL; NaN, infinite or out of the int64
 * range), CT_ERR_SHAPE (numel != 1), CT_ERR_DTYPE (complex tensor),
 * CT_ERR_NOT_IMPLEMENTED (non-CPU tensor, for now).
 */
CT_API ct_status ct_tensor_item_int64(int64_t *value, ct_tensor *t);

/**
 * The value of a one-element tensor as a complex number (imaginary part 0
 * for real dtypes).
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_SHAPE (numel != 1),
 * CT_ERR_NOT_IMPLEMENTED (non-CPU tensor, for now).
 */
CT_API ct_status ct_tensor_item_complex(double *real, double *imag, ct_tensor *t);

/**
 * The value of a one-element tensor converted to value_dtype and written to
 * *value (which must have room for one element of that dtype), by the rules
 * of ct_dtype_convert().
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_DTYPE, CT_ERR_SHAPE (numel != 1),
 * CT_ERR_NOT_IMPLEMENTED (non-CPU tensor, for now).
 */
CT_API ct_status ct_tensor_item(void *value, ct_dtype value_dtype, ct_tensor *t);

/**
 * A view of t's storage with the given shape, strides (in elements, >= 0) and
 * storage offset (in elements, >= 0), as torch.as_strided. The view must lie
 * inside the storage. The result shares storage and read-only flag with t.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL, ndim < 0, negative size or stride,
 * negative offset), CT_ERR_SHAPE (overflow), CT_ERR_INDEX (outside the storage).
 */
CT_API ct_status ct_as_strided(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape,
                               const int64_t *strides, int64_t storage_offset);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_TENSOR_H */
