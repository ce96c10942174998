/*
 * ctensor/structure.h: copying structure ops: cat, stack, flip, roll, repeat,
 * tile, tril and triu; and split, chunk and unbind, which return views.
 *
 * Every op takes tensors of any dtype and any layout (non-contiguous,
 * expanded, offset views); dims may be negative and wrap as in PyTorch. Tensor
 * lists cross the ABI as (ct_tensor *const *tensors, int32_t count), dims and
 * sizes as (const int64_t *dims, int32_t ndims).
 *
 * Ops that return several views (split, split_with_sizes, chunk, unbind)
 * write them into a caller array: (ct_tensor **outs, int32_t capacity,
 * int32_t *count, ...). Call with outs = NULL and capacity = 0 to learn the
 * number of views in *count; then call with an array of at least that many
 * entries. On success outs[0 .. *count-1] hold new references (one each, for
 * the caller to release) and outs[*count .. capacity-1] are set to NULL; on
 * failure every entry of outs and *count are NULL/0. The views share t's
 * storage, as PyTorch's do: writing through one is seen in t.
 */
#ifndef CTENSOR_STRUCTURE_H
#define CTENSOR_STRUCTURE_H

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
 * Concatenates count tensors along dim, as torch.cat: the result dtype is
 * torch.result_type of all of them; 1-d tensors of shape [0] are skipped (the
 * legacy rule); the result is contiguous. Errors: CT_ERR_INVALID_ARGUMENT (NULL,
 * count < 1), CT_ERR_SHAPE (a 0-d tensor; ndims or sizes other than dim differ),
 * CT_ERR_INDEX (dim), CT_ERR_DEVICE (tensors on different devices), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_cat(ct_tensor **out, ct_tensor *const *tensors, int32_t count, int64_t dim);

/**
 * ct_cat() written into out, which must have the result's shape, a dtype the
 * result dtype can be cast to (torch.can_cast), and share no memory with an input.
 * Errors: those of ct_cat(), CT_ERR_SHAPE (out's shape), CT_ERR_DTYPE (cast),
 * CT_ERR_READ_ONLY, CT_ERR_INVALID_ARGUMENT (out overlaps an input or itself).
 */
CT_API ct_status ct_cat_out(ct_tensor *out, ct_tensor *const *tensors, int32_t count, int64_t dim);

/**
 * Stacks count tensors of one shape along a new dim (in [-ndim-1, ndim]), as
 * torch.stack; the result dtype promotes as ct_cat(); the result is contiguous.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL, count < 1), CT_ERR_SHAPE (shapes differ),
 * CT_ERR_INDEX (dim), CT_ERR_DEVICE, CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_stack(ct_tensor **out, ct_tensor *const *tensors, int32_t count, int64_t dim);

/**
 * ct_stack() written into out, under the rules of ct_cat_out().
 * Errors: those of ct_stack() and of ct_cat_out() for out.
 */
CT_API ct_status ct_stack_out(ct_tensor *out, ct_tensor *const *tensors, int32_t count, int64_t dim);

/**
 * Views of t cut along dim into pieces of split_size (the last may be
 * smaller), as torch.split; one empty piece when the dim has size 0. Output
 * protocol in the file comment. Errors: CT_ERR_INVALID_ARGUMENT (NULL, capacity
 * too small, split_size < 0, or 0 for a non-empty dim), CT_ERR_SHAPE (0-d t), CT_ERR_INDEX (dim).
 */
CT_API ct_status ct_split(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t,
                          int64_t split_size, int64_t dim);

/**
 * Views of t cut along dim into pieces of sizes[0 .. nsizes-1], which must sum
 * to the dim's size, as torch.split with a list (split_with_sizes). Output
 * protocol in the file comment. Errors: CT_ERR_INVALID_ARGUMENT (NULL, capacity,
 * a negative size), CT_ERR_SHAPE (0-d t, sizes do not sum to the dim's size), CT_ERR_INDEX (dim).
 */
CT_API ct_status ct_split_with_sizes(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t,
                                     const int64_t *sizes, int32_t nsizes, int64_t dim);

/**
 * Views of t cut along dim into at most chunks pieces of ceil(size / chunks)
 * elements, as torch.chunk (chunks empty pieces when the dim has size 0).
 * Output protocol in the file comment. Errors: CT_ERR_INVALID_ARGUMENT (NULL,
 * capacity, chunks < 1), CT_ERR_SHAPE (0-d t), CT_ERR_INDEX (dim).
 */
CT_API ct_status ct_chunk(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t, int64_t chunks,
                          int64_t dim);

/**
 * The views t.select(dim, i) for every i, as torch.unbind. Output protocol in
 * the file comment. Errors: CT_ERR_INVALID_ARGUMENT (NULL, capacity), CT_ERR_INDEX (dim; 0-d t).
 */
CT_API ct_status ct_unbind(ct_tensor **outs, int32_t capacity, int32_t *count, ct_tensor *t, int64_t dim);

/**
 * A copy of t reversed along each of dims[0 .. ndims-1], as torch.flip; laid
 * out as ct_clone() lays out its copy. Errors: CT_ERR_INVALID_ARGUMENT (NULL, a
 * dim given twice), CT_ERR_INDEX (a dim out of range), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_flip(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims);

/**
 * A contiguous copy of t rolled by shifts[i] along dims[i], as torch.roll:
 * element j moves to j + shift (mod size). With ndims = 0, t is rolled as if
 * flattened, by the one shift given. Errors: CT_ERR_INVALID_ARGUMENT (NULL, no
 * shift, nshifts != ndims, or != 1 without dims), CT_ERR_INDEX (dim), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_roll(ct_tensor **out, ct_tensor *t, const int64_t *shifts, int32_t nshifts,
                         const int64_t *dims, int32_t ndims);

/**
 * t repeated repeats[d] times along each dim, as Tensor.repeat: nrepeats must
 * be at least t's ndim, and extra leading repeats add leading dims. Contiguous.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL, nrepeats < ndim, a negative repeat),
 * CT_ERR_SHAPE (the result's size overflows), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_repeat(ct_tensor **out, ct_tensor *t, const int64_t *repeats, int32_t nrepeats);

/**
 * t tiled as torch.tile (NumPy's tile): as ct_repeat(), except that fewer
 * dims than t has are padded with leading 1s. Errors: as ct_repeat(), less
 * the nrepeats < ndim one.
 */
CT_API ct_status ct_tile(ct_tensor **out, ct_tensor *t, const int64_t *dims, int32_t ndims);

/**
 * A contiguous copy of t (..., M, N) with the elements above diagonal
 * zeroed (kept: col - row <= diagonal), batched over leading dims, as
 * torch.tril. Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_SHAPE (ndim < 2), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_tril(ct_tensor **out, ct_tensor *t, int64_t diagonal);

/**
 * ct_tril() in place, as Tensor.tril_. Errors: as ct_tril(), CT_ERR_READ_ONLY,
 * CT_ERR_INVALID_ARGUMENT (t has a stride-0 dim of size > 1).
 */
CT_API ct_status ct_tril_(ct_tensor *t, int64_t diagonal);

/**
 * ct_tril() written into out, which must have t's shape and dtype; out may be
 * t itself (then it is ct_tril_()) but may not otherwise overlap t.
 * Errors: as ct_tril_() for out, CT_ERR_SHAPE, CT_ERR_DTYPE, CT_ERR_DEVICE.
 */
CT_API ct_status ct_tril_out(ct_tensor *out, ct_tensor *t, int64_t diagonal);

/**
 * A contiguous copy of t (..., M, N) with the elements below diagonal
 * zeroed (kept: col - row >= diagonal), as torch.triu. Errors: as ct_tril().
 */
CT_API ct_status ct_triu(ct_tensor **out, ct_tensor *t, int64_t diagonal);

/** ct_triu() in place, as Tensor.triu_. Errors: as ct_tril_(). */
CT_API ct_status ct_triu_(ct_tensor *t, int64_t diagonal);

/** ct_triu() written into out, under the rules of ct_tril_out(). Errors: as ct_tril_out(). */
CT_API ct_status ct_triu_out(ct_tensor *out, ct_tensor *t, int64_t diagonal);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_STRUCTURE_H */
