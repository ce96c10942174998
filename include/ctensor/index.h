/*
 * ctensor/index.h: indexing: Python's t[...] and t[...] = v through one
 * entry each (ct_index, ct_index_put_), and PyTorch's index functions
 * (index_select, gather, scatter, masked_fill, masked_select, nonzero, take).
 *
 * An index is described by plain arrays, so that any language can pass it.
 * Item i of n has kind kinds[i] (a CT_INDEX_* value) and three int64 slots
 * values[3 i], values[3 i + 1], values[3 i + 2]:
 *
 *   kind               Python         values[3 i .. 3 i + 2]     tensors[i]
 *   CT_INDEX_INT       t[2], t[-1]    index, -, -                -
 *   CT_INDEX_SLICE     t[a:b:c]       start, stop, step          -
 *   CT_INDEX_NONE      t[None]        -, -, -                    -
 *   CT_INDEX_ELLIPSIS  t[...]         -, -, -                    -
 *   CT_INDEX_TENSOR    t[idx]         -, -, -                    an index tensor
 *   CT_INDEX_BOOL      t[True]        0 or 1, -, -               -
 *
 * Slots marked - are ignored. A slice's omitted parts are passed as start 0,
 * stop INT64_MAX, step 1 (step must be > 0, as in PyTorch); negative start
 * and stop count from the end and are then clamped to the dim. values may be
 * NULL when no item is INT, SLICE or BOOL; tensors (an array of n handles,
 * read only at TENSOR items) may be NULL when no item is TENSOR.
 *
 * Semantics are PyTorch's: INT removes its dim, SLICE keeps it, NONE and BOOL
 * insert a size-1 dim, ELLIPSIS stands for as many full slices as the other
 * items leave dims (at most one ELLIPSIS). Index tensors are int64 or int32
 * (one entry per index along one dim; negative values count from the end),
 * or bool or uint8 masks (covering as many dims as they have, which must
 * match t's). A 0-d integer tensor acts as INT, a 0-d bool or uint8 tensor as
 * BOOL. Without index tensors the result is a view; with them, a copy built
 * by advanced indexing: the index tensors (and the masks' nonzero
 * coordinates) broadcast together, and their shape replaces the indexed dims
 * where those are adjacent, or comes first when slices separate them.
 *
 * Writes (ct_index_put_) broadcast the value to the shape of t[index],
 * ignoring its leading size-1 dims. A plain write without index tensors
 * converts the value to t's dtype (as copy_); otherwise it must have t's
 * dtype unless it is a wrapped number (ct_scalar_tensor), as in PyTorch.
 * Repeated indices leave the last value written, or with accumulate add up
 * in index order. uint8 masks are PyTorch's deprecated spelling of bool ones.
 *
 * Every index value is checked before anything is written, even where the
 * result has no elements: an out-of-range one is CT_ERR_INDEX ("index 5 is
 * out of bounds for dimension 0 with size 3"). Index tensors must be on t's
 * device (else CT_ERR_DEVICE). Inputs may overlap the tensors written to:
 * they are read first. Results do not depend on the thread count.
 */
#ifndef CTENSOR_INDEX_H
#define CTENSOR_INDEX_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Kinds of index items (see the file comment); values are fixed and append-only. */
typedef int32_t ct_index_kind;

enum {
  CT_INDEX_INT = 0,
  CT_INDEX_SLICE = 1,
  CT_INDEX_NONE = 2,
  CT_INDEX_ELLIPSIS = 3,
  CT_INDEX_TENSOR = 4,
  CT_INDEX_BOOL = 5,
  CT_INDEX_KIND_COUNT
};

/** How scatter combines a source value with the element it lands on; values fixed, append-only. */
typedef int32_t ct_scatter_reduce;

enum {
  CT_SCATTER_REDUCE_NONE = 0,     /* the element is replaced */
  CT_SCATTER_REDUCE_ADD = 1,      /* added (PyTorch's reduce="add", scatter_add) */
  CT_SCATTER_REDUCE_MULTIPLY = 2, /* multiplied (reduce="multiply") */
  CT_SCATTER_REDUCE_COUNT
};

/**
 * t[index] as Python's __getitem__: a view of t without index tensors, else a
 * new tensor. Errors: CT_ERR_INVALID_ARGUMENT (NULL arrays or tensors, n < 0,
 * unknown kind, step <= 0, two ellipses), CT_ERR_INDEX (too many indices, out
 * of range, a mask's shape), CT_ERR_DTYPE (an index tensor's dtype),
 * CT_ERR_SHAPE (index tensors that do not broadcast), CT_ERR_DEVICE.
 */
CT_API ct_status ct_index(ct_tensor **out, ct_tensor *t, int32_t n, const int32_t *kinds,
                          const int64_t *values, ct_tensor *const *tensors);

/**
 * t[index] = value as Python's __setitem__, or with accumulate t[index] +=
 * value (index_put_ with accumulate=True); see the file comment.
 * Errors: those of ct_index(), CT_ERR_READ_ONLY, CT_ERR_SHAPE (value does not
 * broadcast), CT_ERR_DTYPE (value's dtype), CT_ERR_INVALID_ARGUMENT (t has
 * several elements at one address).
 */
CT_API ct_status ct_index_put_(ct_tensor *t, int32_t n, const int32_t *kinds, const int64_t *values,
                               ct_tensor *const *tensors, ct_tensor *value, bool accumulate);

/** ct_index_put_() on a copy of t (as torch.index_put), returned in out. Errors as ct_index_put_(), t may be read-only. */
CT_API ct_status ct_index_put(ct_tensor **out, ct_tensor *t, int32_t n, const int32_t *kinds,
                              const int64_t *values, ct_tensor *const *tensors, ct_tensor *value,
                              bool accumulate);

/**
 * The entries of t at the positions index (1-d or 0-d, int64 or int32, in
 * [0, size)) along dim, as torch.index_select. Errors:
 * CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_INDEX (dim, an index), CT_ERR_DTYPE
 * (index's), CT_ERR_SHAPE (index has more than 1 dim), CT_ERR_DEVICE.
 */
CT_API ct_status ct_index_select(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index);

/**
 * ct_index_select() into out, which must have the result's shape and t's
 * dtype (and may overlap t or index). Extra errors: CT_ERR_SHAPE, CT_ERR_DTYPE
 * (out's), CT_ERR_READ_ONLY.
 */
CT_API ct_status ct_index_select_out(ct_tensor *out, ct_tensor *t, int64_t dim, ct_tensor *index);

/**
 * out[i][j][k] = t[index[i][j][k]][j][k] for dim 0 (likewise for other dims),
 * as torch.gather: out has index's shape; index is int64 with t's ndim, no
 * larger than t but along dim, values in [0, size of dim). Errors:
 * CT_ERR_INVALID_ARGUMENT, CT_ERR_INDEX, CT_ERR_DTYPE, CT_ERR_SHAPE, CT_ERR_DEVICE.
 */
CT_API ct_status ct_gather(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index);

/**
 * ct_gather() into out, which must have index's shape and t's dtype (and may
 * overlap t or index). Extra errors: CT_ERR_SHAPE, CT_ERR_DTYPE, CT_ERR_READ_ONLY.
 */
CT_API ct_status ct_gather_out(ct_tensor *out, ct_tensor *t, int64_t dim, ct_tensor *index);

/**
 * t[index[i][j][k]][j][k] = src[i][j][k] for dim 0 (likewise for other dims),
 * combined as reduce says (a ct_scatter_reduce), as Tensor.scatter_: index is
 * int64, as gather's but bounded by src in every dim; src has t's dtype.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL, reduce), CT_ERR_INDEX, CT_ERR_DTYPE,
 * CT_ERR_SHAPE, CT_ERR_READ_ONLY, CT_ERR_DEVICE.
 */
CT_API ct_status ct_scatter_(ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src, int32_t reduce);

/** ct_scatter_() on a copy of t, as torch.scatter. Errors as ct_scatter_(), t may be read-only. */
CT_API ct_status ct_scatter(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src,
                            int32_t reduce);

/**
 * ct_scatter_() with one value (converted to t's dtype as a PyTorch Scalar)
 * in place of src. Extra errors: CT_ERR_INVALID_ARGUMENT (the value does not
 * fit t's dtype: "value ... cannot be converted ... without overflow").
 */
CT_API ct_status ct_scatter_value_(ct_tensor *t, int64_t dim, ct_tensor *index, const void *value,
                                   ct_dtype value_dtype, int32_t reduce);

/** ct_scatter_value_() on a copy of t. Errors as ct_scatter_value_(), t may be read-only. */
CT_API ct_status ct_scatter_value(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index,
                                  const void *value, ct_dtype value_dtype, int32_t reduce);

/** ct_scatter_() with CT_SCATTER_REDUCE_ADD, as Tensor.scatter_add_. Errors as ct_scatter_(). */
CT_API ct_status ct_scatter_add_(ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src);

/** ct_scatter() with CT_SCATTER_REDUCE_ADD, as torch.scatter_add. Errors as ct_scatter(). */
CT_API ct_status ct_scatter_add(ct_tensor **out, ct_tensor *t, int64_t dim, ct_tensor *index, ct_tensor *src);

/**
 * t's elements where mask (bool, broadcast to t's shape) is true set to the
 * value (converted as a PyTorch Scalar), as Tensor.masked_fill_. Errors:
 * CT_ERR_INVALID_ARGUMENT (NULL, a value that does not fit t's dtype),
 * CT_ERR_DTYPE (mask not bool), CT_ERR_SHAPE, CT_ERR_READ_ONLY, CT_ERR_DEVICE.
 */
CT_API ct_status ct_masked_fill_(ct_tensor *t, ct_tensor *mask, const void *value, ct_dtype value_dtype);

/**
 * torch.masked_fill: a new tensor of the broadcast shape of t and mask, t's
 * dtype, with ct_masked_fill_() applied. Errors as ct_masked_fill_() (t may
 * be read-only; CT_ERR_SHAPE when t and mask do not broadcast).
 */
CT_API ct_status ct_masked_fill(ct_tensor **out, ct_tensor *t, ct_tensor *mask, const void *value,
                                ct_dtype value_dtype);

/**
 * ct_masked_fill_() with the value of a 0-d tensor (any dtype, converted as
 * a Scalar). Extra errors: CT_ERR_SHAPE (value is not 0-d).
 */
CT_API ct_status ct_masked_fill_tensor_(ct_tensor *t, ct_tensor *mask, ct_tensor *value);

/** ct_masked_fill() with the value of a 0-d tensor. Errors as ct_masked_fill_tensor_(). */
CT_API ct_status ct_masked_fill_tensor(ct_tensor **out, ct_tensor *t, ct_tensor *mask, ct_tensor *value);

/**
 * The elements of t where mask (bool) is true, both broadcast together, in
 * row-major order as a new 1-d tensor (torch.masked_select). Errors:
 * CT_ERR_INVALID_ARGUMENT, CT_ERR_DTYPE (mask not bool), CT_ERR_SHAPE, CT_ERR_DEVICE.
 */
CT_API ct_status ct_masked_select(ct_tensor **out, ct_tensor *t, ct_tensor *mask);

/**
 * The coordinates of t's nonzero elements (NaN is nonzero, -0.0 is not) in
 * row-major order, as an int64 tensor of shape [count, t's ndim] (torch.nonzero).
 * Errors: CT_ERR_INVALID_ARGUMENT.
 */
CT_API ct_status ct_nonzero(ct_tensor **out, ct_tensor *t);

/**
 * t's elements at the positions index (int64, any shape; negatives count from
 * the end) in t's row-major order, as torch.take. Errors:
 * CT_ERR_INVALID_ARGUMENT, CT_ERR_INDEX, CT_ERR_DTYPE, CT_ERR_DEVICE.
 */
CT_API ct_status ct_take(ct_tensor **out, ct_tensor *t, ct_tensor *index);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_INDEX_H */
