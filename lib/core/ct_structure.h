/*
 * ct_structure.h: the structure family's kernel table.
 *
 * Most structure ops (cat, stack, split, chunk, unbind, flip, roll, repeat,
 * tile) are built in lib/core from views and the backend's strided copy, so a
 * backend gets them by implementing copy alone. Two things about those copies
 * matter to a backend: flip hands copy a source view with NEGATIVE strides
 * (its offset is the first element read, stepping backwards), and repeat a
 * source with stride-0 dims; the destination always has non-negative strides
 * and no stride-0 dim of size > 1.
 *
 * Only the masking of tril/triu needs a kernel of its own.
 */
#ifndef CT_STRUCTURE_H
#define CT_STRUCTURE_H

#include "ct_internal.h"

struct ct_backend_structure_i {
  /*
   * dst (..., M, N) = src (..., M, N) with the elements outside a band set to
   * zero (all bits zero, which is 0 in every dtype): upper = false (tril)
   * keeps col - row <= diagonal, upper = true (triu) keeps col - row >= diagonal.
   * Same shape and dtype, ndim >= 2, on this backend's device. dst == src
   * (the same header) means in place: only the zeroing is done. Otherwise dst
   * and src do not overlap, and no two elements of dst share an address.
   */
  ct_status (*tril_triu)(struct ct_tensor *dst, struct ct_tensor *src, int64_t diagonal, bool upper);
};

#endif /* CT_STRUCTURE_H */
