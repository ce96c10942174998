/*
 * ct_index.h: what the view and index family shares between its files: the
 * kernel table of the index family and the helpers of its front ends
 * (ct_view.c, ct_index.c).
 *
 * Every index-driven copy (advanced indexing get and put, index_select,
 * gather, scatter, take) is one kernel, indexed_copy: the front end
 * "restrides" the operands so that all of them have one iteration shape, and
 * the kernel only adds index * stride offsets.
 */
#ifndef CT_INDEX_H
#define CT_INDEX_H

#include "ct_internal.h"

/* What indexed_copy does with each element (see ct__index_args). */
enum {
  CT__INDEX_GET = 0, /* dst[p] = src[p + off] */
  CT__INDEX_PUT = 1, /* dst[p + off] = src[p] */
  CT__INDEX_ADD = 2, /* dst[p + off] += src[p] */
  CT__INDEX_MUL = 3, /* dst[p + off] *= src[p] */
  CT__INDEX_OP_COUNT
};

/*
 * One indexed copy. dst, src and idx[0 .. nidx-1] all have dst's shape (their
 * strides are 0 where they are broadcast). For each position p of that
 * shape, off = sum over j of k_j * strides[j] (elements), where k_j is idx[j]
 * at p, plus sizes[j] when negative. The front end has checked every index
 * value against [-sizes[j], sizes[j]) (or [0, sizes[j]) where negatives are
 * refused), that dst and src have one dtype, and that idx[j] is int32 or
 * int64. Dims [serial_begin, serial_end) are walked in order on one thread
 * for each position of the other dims, so that writes colliding through
 * repeated indices land in a fixed order whatever the thread count (the
 * last one wins for PUT; ADD and MUL accumulate in index order).
 */
typedef struct ct__index_args {
  int32_t op; /* CT__INDEX_* */
  struct ct_tensor *dst, *src;
  int32_t nidx;
  struct ct_tensor *const *idx;
  const int64_t *sizes;   /* nidx: the size of each indexed dim */
  const int64_t *strides; /* nidx: its stride, in elements of dst (PUT/ADD/MUL) or src (GET) */
  int32_t serial_begin, serial_end;
} ct__index_args;

/*
 * The kernels of the index family. Arguments are checked by the front ends
 * (lib/core/ct_index.c); tensors are on the backend's device.
 */
struct ct_backend_index_i {
  /*
   * Looks for the first element of idx (int32 or int64, any strides), in
   * row-major order, outside [lo, hi): *found tells whether there is one and
   * *value is it.
   */
  ct_status (*find_out_of_range)(bool *found, int64_t *value, const struct ct_tensor *idx, int64_t lo,
                                 int64_t hi);
  /* Runs one indexed copy (see ct__index_args). */
  ct_status (*indexed_copy)(const ct__index_args *args);
  /* The number of nonzero elements of t (any dtype: NaN counts, -0.0 does not). */
  ct_status (*count_nonzero)(int64_t *count, const struct ct_tensor *t);
  /*
   * out (int64, contiguous, [count, t's ndim]) receives the coordinates of
   * t's nonzero elements in row-major order; count is count_nonzero's.
   */
  ct_status (*nonzero)(struct ct_tensor *out, const struct ct_tensor *t);
  /*
   * out (contiguous, 1-d, src's dtype, as many elements as mask has true ones)
   * receives src's elements where mask (bool, src's shape) is true, in
   * row-major order.
   */
  ct_status (*masked_select)(struct ct_tensor *out, const struct ct_tensor *src,
                             const struct ct_tensor *mask);
  /* dst's elements where mask (bool, dst's shape, strides 0 where broadcast) is true become *value (dst's dtype). */
  ct_status (*masked_fill)(struct ct_tensor *dst, const struct ct_tensor *mask, const void *value);
};

/* ---- front-end helpers shared by ct_view.c and ct_index.c ---------------------------------- */

/*
 * Wraps a dim argument (named arg) of fn into [0, n), where n is the number
 * of positions it may take (ndim, ndim + 1 for unsqueeze, at least 1 where
 * a 0-d tensor counts as 1-d); CT_ERR_INDEX otherwise, naming t's ndim.
 */
ct_status ct__dim_arg(int32_t *out, int64_t dim, int32_t n, int32_t ndim, const char *fn,
                      const char *arg);

/* A view of t's storage with t's dtype and the given geometry (a new reference). */
ct_status ct__view_of(struct ct_tensor **out, struct ct_tensor *t, int32_t ndim, const int64_t *shape,
                      const int64_t *strides, int64_t offset, const char *fn);

/* t reshaped as ct_reshape() does it (a view when possible, else a contiguous copy), errors naming fn. */
ct_status ct__reshape(struct ct_tensor **out, struct ct_tensor *t, int32_t ndim, const int64_t *shape,
                      const char *fn);

/*
 * stride * step for a dim taking every step-th element. It can only overflow
 * when the dim keeps at most one element (else the view would reach past its
 * storage), and then the stride does not matter: the plain stride is kept.
 */
static inline int64_t ct__step_stride(int64_t stride, int64_t step) {
  int64_t r;
  return __builtin_mul_overflow(stride, step, &r) ? stride : r;
}

/*
 * offset + index * stride, the offset of a view that starts index steps of
 * stride into t. It can overflow only for a view with no elements (one with
 * elements lies inside its storage), whose offset does not matter: then
 * offset itself.
 */
static inline int64_t ct__moved_offset(int64_t offset, int64_t index, int64_t stride) {
  int64_t step, r;
  if (__builtin_mul_overflow(index, stride, &step) || __builtin_add_overflow(offset, step, &r)) return offset;
  return r;
}

/* The index family's kernel table for t's device, or CT_ERR_NOT_IMPLEMENTED naming fn. */
ct_status ct__index_kernels(const struct ct_backend_index_i **out, const struct ct_tensor *t,
                            const char *fn);

#endif /* CT_INDEX_H */
