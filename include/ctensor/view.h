/*
 * ctensor/view.h: views: new tensors over the same storage, as PyTorch's
 * view, reshape, transpose, permute, squeeze, expand, narrow, select, slice,
 * diagonal, unfold, movedim and the real and imaginary parts of complex
 * tensors.
 *
 * Conventions shared by every function here:
 * - out receives a new reference (see tensor.h); on failure *out is NULL.
 * - A view shares t's storage (and so its read-only flag): writes through the
 *   view are visible in t and in every other view of the storage. Only
 *   ct_reshape() and ct_flatten() may copy, when no view can express the
 *   result (as PyTorch). No function here runs a kernel otherwise.
 * - Dims are int64_t and may be negative: -1 is the last dim. A dim outside
 *   [-ndim, ndim) is CT_ERR_INDEX. Where PyTorch lets a 0-d tensor be
 *   treated as having one dim (squeeze, unsqueeze, flatten, unfold,
 *   transpose, movedim, diagonal's dims do not), so does ctensor.
 * - Shapes and dim lists are passed as (const int64_t *p, int32_t n); p may
 *   be NULL when n is 0.
 * Errors common to all: CT_ERR_INVALID_ARGUMENT (a NULL pointer, n < 0),
 * CT_ERR_INDEX (a dim out of range), CT_ERR_OUT_OF_MEMORY.
 */
#ifndef CTENSOR_VIEW_H
#define CTENSOR_VIEW_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * t viewed with a new shape of the same element count, as Tensor.view(shape);
 * one size may be -1, inferred from the others. Errors: CT_ERR_SHAPE (counts
 * differ, two -1, a size below -1, -1 ambiguous for 0 elements, or t's
 * strides cannot express the shape: "use ct_reshape instead").
 */
CT_API ct_status ct_view(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape);

/**
 * t with a new shape, as torch.reshape: a view when t's strides allow one
 * (PyTorch's rule), otherwise a contiguous copy. -1 as in ct_view().
 * Errors: CT_ERR_SHAPE (as ct_view(), but for the strides).
 */
CT_API ct_status ct_reshape(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape);

/**
 * t with dims dim0 and dim1 swapped, as torch.transpose. A 0-d tensor takes
 * dims 0 and -1. Errors: only the common ones.
 */
CT_API ct_status ct_transpose(ct_tensor **out, ct_tensor *t, int64_t dim0, int64_t dim1);

/**
 * t with its dims reordered, as torch.permute: result dim i is t's dim
 * dims[i]. Errors: CT_ERR_INVALID_ARGUMENT (ndims differs from t's ndim, a
 * dim repeated).
 */
CT_API ct_status ct_permute(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims);

/**
 * The transpose of a matrix, as Tensor.t(): 0-d and 1-d tensors come back as
 * views of themselves. Errors: CT_ERR_SHAPE (more than 2 dims).
 */
CT_API ct_status ct_t(ct_tensor **out, ct_tensor *t);

/**
 * t with its last two dims swapped, as Tensor.mT (a batch of matrices
 * transposed); a 0-d tensor comes back as a view of itself (as PyTorch 2.x,
 * which deprecates it). Errors: CT_ERR_SHAPE (a 1-d tensor).
 */
CT_API ct_status ct_mT(ct_tensor **out, ct_tensor *t);

/** t without any of its size-1 dims, as torch.squeeze(t). Errors: only the common ones. */
CT_API ct_status ct_squeeze(ct_tensor **out, ct_tensor *t);

/**
 * t without dim when that dim has size 1 (otherwise a view of t unchanged),
 * as torch.squeeze(t, dim). Errors: only the common ones.
 */
CT_API ct_status ct_squeeze_dim(ct_tensor **out, ct_tensor *t, int64_t dim);

/**
 * t without those of the listed dims that have size 1, as
 * torch.squeeze(t, dims). Errors: CT_ERR_INVALID_ARGUMENT (a dim repeated).
 */
CT_API ct_status ct_squeeze_dims(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims);

/**
 * t with a new size-1 dim inserted at position dim, as torch.unsqueeze; dim
 * may be in [-ndim - 1, ndim]. Errors: only the common ones.
 */
CT_API ct_status ct_unsqueeze(ct_tensor **out, ct_tensor *t, int64_t dim);

/**
 * t repeated along size-1 and new leading dims with stride 0, as
 * Tensor.expand(shape); -1 keeps an existing dim's size. Writers refuse the
 * result. Errors: CT_ERR_SHAPE (ndim < t's, a size against a non-1 size, -1
 * in a new leading dim, a size below -1).
 */
CT_API ct_status ct_expand(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape);

/** t broadcast to shape, as torch.broadcast_to (the rules of ct_expand()). Errors as ct_expand(). */
CT_API ct_status ct_broadcast_to(ct_tensor **out, ct_tensor *t, int32_t ndim, const int64_t *shape);

/**
 * Dims start_dim to end_dim (inclusive) merged into one, as torch.flatten (a
 * 0-d tensor gives [1]): a view when possible, else a copy (as ct_reshape()).
 * Errors: CT_ERR_INVALID_ARGUMENT (start_dim after end_dim).
 */
CT_API ct_status ct_flatten(ct_tensor **out, ct_tensor *t, int64_t start_dim, int64_t end_dim);

/**
 * Dim dim split into nsizes dims of the given sizes, as torch.unflatten; one
 * size may be -1. Always a view. Errors: CT_ERR_SHAPE (nsizes 0, the sizes
 * do not multiply to the dim's size, more than one -1, a size below -1).
 */
CT_API ct_status ct_unflatten(ct_tensor **out, ct_tensor *t, int64_t dim, const int64_t *sizes,
                              int32_t nsizes);

/**
 * Elements start to start + length - 1 along dim, as torch.narrow; a negative
 * start counts from the end. Errors: CT_ERR_INDEX (a 0-d t, start outside
 * [-size, size], length < 0, start + length > size).
 */
CT_API ct_status ct_narrow(ct_tensor **out, ct_tensor *t, int64_t dim, int64_t start, int64_t length);

/**
 * The slice at index along dim, which is removed, as torch.select; a negative
 * index counts from the end. Errors: CT_ERR_INDEX (a 0-d t, index outside
 * [-size, size), naming the index, the size and the dim).
 */
CT_API ct_status ct_select(ct_tensor **out, ct_tensor *t, int64_t dim, int64_t index);

/**
 * Elements start, start + step, ... below end along dim, as Python's slicing:
 * negative bounds count from the end, then clamp to [0, size] (0 and
 * INT64_MAX stand for omitted ones). Errors: CT_ERR_INVALID_ARGUMENT
 * (step <= 0), CT_ERR_INDEX (a 0-d t).
 */
CT_API ct_status ct_slice(ct_tensor **out, ct_tensor *t, int64_t dim, int64_t start, int64_t end,
                          int64_t step);

/**
 * The diagonal of dims dim1 and dim2 as a new last dim, as torch.diagonal:
 * offset > 0 above the main diagonal, < 0 below (empty past the edge).
 * Errors: CT_ERR_INVALID_ARGUMENT (dim1 and dim2 name the same dim).
 */
CT_API ct_status ct_diagonal(ct_tensor **out, ct_tensor *t, int64_t offset, int64_t dim1, int64_t dim2);

/**
 * The windows of size elements along dimension, step apart, as Tensor.unfold:
 * a new last dim of length size. Errors: CT_ERR_INVALID_ARGUMENT (step <= 0,
 * size < 0), CT_ERR_SHAPE (size larger than the dim).
 */
CT_API ct_status ct_unfold(ct_tensor **out, ct_tensor *t, int64_t dimension, int64_t size, int64_t step);

/** Dim source moved to position destination, the others keeping their order, as torch.movedim. */
CT_API ct_status ct_movedim(ct_tensor **out, ct_tensor *t, int64_t source, int64_t destination);

/**
 * Dims source[i] moved to positions destination[i], the others keeping their
 * order, as torch.movedim with lists (n entries each).
 * Errors: CT_ERR_INVALID_ARGUMENT (a dim repeated in either list).
 */
CT_API ct_status ct_movedims(ct_tensor **out, ct_tensor *t, const int64_t *source,
                             const int64_t *destination, int32_t n);

/**
 * The real parts of a complex tensor as a view (float32 for complex64,
 * float64 for complex128), as torch.real; for a real dtype, a new reference
 * to t itself (as PyTorch). Errors: only the common ones.
 */
CT_API ct_status ct_real(ct_tensor **out, ct_tensor *t);

/**
 * The imaginary parts of a complex tensor as a view, as torch.imag.
 * Errors: CT_ERR_DTYPE (t is not complex).
 */
CT_API ct_status ct_imag(ct_tensor **out, ct_tensor *t);

/**
 * A complex tensor viewed as real pairs: shape t's plus a last dim of 2
 * (real, imaginary), as torch.view_as_real. Errors: CT_ERR_DTYPE (t not complex).
 */
CT_API ct_status ct_view_as_real(ct_tensor **out, ct_tensor *t);

/**
 * A float32/float64 tensor of (real, imaginary) pairs in its last dim viewed
 * as complex64/complex128, as torch.view_as_complex. Errors: CT_ERR_DTYPE
 * (other dtypes: there is no complex32), CT_ERR_SHAPE (last dim not of size 2
 * and stride 1, another stride or the storage offset odd).
 */
CT_API ct_status ct_view_as_complex(ct_tensor **out, ct_tensor *t);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_VIEW_H */
