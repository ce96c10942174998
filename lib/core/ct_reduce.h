/*
 * ct_reduce.h: the reduce family's kernel table, between the front ends in
 * ct_reduce.c and each backend's kernels (lib/cpu/cpu_reduce.c).
 *
 * The front end validates, picks result dtypes, converts x to the dtype the
 * kernel reads when it must, and allocates the results; a kernel gets
 * checked arguments only.
 */
#ifndef CT_REDUCE_H
#define CT_REDUCE_H

#include "ct_internal.h"

/* What the reduce entry computes (values fixed inside the library only). */
enum {
  CT__RED_SUM = 0,    /* out = sum */
  CT__RED_PROD = 1,   /* out = product */
  CT__RED_MEAN = 2,   /* out = sum / n (floating and complex x) */
  CT__RED_MAX = 3,    /* out = max, NaN propagating (not complex) */
  CT__RED_MIN = 4,    /* out = min */
  CT__RED_ARGMAX = 5, /* out = int64 index of the max (first; NaN wins), out2 (or NULL) = the max */
  CT__RED_ARGMIN = 6, /* as ARGMAX for the min */
  CT__RED_ALL = 7,    /* out = all nonzero */
  CT__RED_ANY = 8,    /* out = any nonzero */
  CT__RED_COUNT_NZ = 9,   /* out = count of nonzeros */
  CT__RED_NORM = 10,      /* out = vector p-norm, args->p (floating and complex x) */
  CT__RED_VAR = 11,       /* out = variance with args->correction, out2 (or NULL) = mean */
  CT__RED_STD = 12,       /* as VAR, the square root */
  CT__RED_LOGSUMEXP = 13, /* out = log(sum(exp(x))) (floating x) */
  CT__RED_KIND_COUNT
};

typedef struct ct__reduce_args {
  int32_t kind;      /* CT__RED_* */
  double p;          /* CT__RED_NORM */
  double correction; /* CT__RED_VAR, CT__RED_STD */
} ct__reduce_args;

/* What the scan entry computes. */
enum { CT__SCAN_CUMSUM = 0, CT__SCAN_CUMPROD = 1 };

/*
 * Kernels of the reduce family. Tensors are on the backend's device; outputs
 * are writable, share no memory with x, and hold no element twice. Results
 * are converted to each output's dtype on store. Every entry records its own
 * error (out of memory), naming fn (the public function), and returns it.
 */
struct ct_backend_reduce_i {
  /*
   * Reduces x over the dims d where reduced[d]: out (and out2 for the kinds
   * that have one, else NULL) have x's ndim with size 1 on the reduced dims
   * and x's sizes elsewhere. ARGMAX/ARGMIN reduce exactly one dim. Results
   * must be bitwise independent of the thread count.
   */
  ct_status (*reduce)(struct ct_tensor *out, struct ct_tensor *out2, struct ct_tensor *x,
                      const bool *reduced, const ct__reduce_args *args, const char *fn);
  /* Running sum or product (CT__SCAN_*) of x along dim into out (x's shape). */
  ct_status (*scan)(struct ct_tensor *out, struct ct_tensor *x, int32_t dim, int32_t kind,
                    const char *fn);
  /* Softmax (or log-softmax) of a floating x along dim into out (x's shape and dtype). */
  ct_status (*softmax)(struct ct_tensor *out, struct ct_tensor *x, int32_t dim, bool log,
                       const char *fn);
  /*
   * Stable sort of a non-complex x along dim, keeping the first k (<= the
   * size of dim) of each line: values (x's dtype, or NULL) and int64 indices
   * (or NULL) have x's shape with size k on dim. NaN sorts above everything.
   */
  ct_status (*sort)(struct ct_tensor *values, struct ct_tensor *indices, struct ct_tensor *x,
                    int32_t dim, bool descending, int64_t k, const char *fn);
  /*
   * The distinct elements of a non-complex x in ascending order (a new 1-d
   * tensor of x's dtype in *out), with inverse (int64, x's shape, or NULL)
   * filled and *counts (a new int64 tensor) made when counts is not NULL.
   */
  ct_status (*unique)(struct ct_tensor **out, struct ct_tensor *inverse, struct ct_tensor **counts,
                      struct ct_tensor *x, const char *fn);
};

#endif /* CT_REDUCE_H */
