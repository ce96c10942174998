/*
 * cpu_structure.c: the CPU kernels of the structure family: the tril/triu mask.
 *
 * The mask only moves elements or writes zeros (all bits zero is 0, 0.0 and
 * 0+0j in every dtype), so the kernel is instantiated per element size, not
 * per dtype. Rows of all the matrices are split across threads; each row is
 * a kept run copied from the source and zeros on either side.
 */
#include <string.h>

#include "cpu_internal.h"
#include "ct_structure.h"

typedef struct {
  uint64_t lo, hi;
} ct_cpu_tri_u128;

/*
 * One row of n elements: zeros outside [lo, hi), src copied inside unless in
 * place. Strides in elements. The contiguous call passes literal 1s, which
 * the inlined body turns into plain loops.
 */
#define CT_CPU_TRI_ROW(bytes, type)                                                                          \
  static inline void ct_cpu_tri_row_body_##bytes(type *d, int64_t ds, const type *s, int64_t ss, int64_t n,  \
                                                 int64_t lo, int64_t hi, bool inplace) {                     \
    type zero;                                                                                               \
    memset(&zero, 0, sizeof zero);                                                                           \
    for (int64_t j = 0; j < lo; j++) d[j * ds] = zero;                                                       \
    if (!inplace)                                                                                            \
      for (int64_t j = lo; j < hi; j++) d[j * ds] = s[j * ss];                                               \
    for (int64_t j = hi; j < n; j++) d[j * ds] = zero;                                                       \
  }                                                                                                          \
  static void ct_cpu_tri_row_##bytes(char *d, int64_t ds, const char *s, int64_t ss, int64_t n, int64_t lo,  \
                                     int64_t hi, bool inplace) {                                             \
    if (ds == 1 && ss == 1)                                                                                  \
      ct_cpu_tri_row_body_##bytes((type *)(void *)d, 1, (const type *)(const void *)s, 1, n, lo, hi,         \
                                  inplace);                                                                  \
    else                                                                                                     \
      ct_cpu_tri_row_body_##bytes((type *)(void *)d, ds, (const type *)(const void *)s, ss, n, lo, hi,       \
                                  inplace);                                                                  \
  }
CT_CPU_TRI_ROW(1, uint8_t)
CT_CPU_TRI_ROW(2, uint16_t)
CT_CPU_TRI_ROW(4, uint32_t)
CT_CPU_TRI_ROW(8, uint64_t)
CT_CPU_TRI_ROW(16, ct_cpu_tri_u128)

typedef void (*ct_cpu_tri_row_fn)(char *d, int64_t ds, const char *s, int64_t ss, int64_t n, int64_t lo,
                                  int64_t hi, bool inplace);

typedef struct {
  const ct_tensor *dst, *src;
  int64_t diagonal; /* clamped to [-m - 1, n] so that row + diagonal + 1 cannot overflow */
  bool upper, inplace;
  int64_t m, n; /* each matrix is (m, n) */
  ct_cpu_tri_row_fn row;
} ct_cpu_tri_ctx;

/* Rows [begin, end) of the (batch * m) rows, the batch index unravelled over the leading dims. */
static void ct_cpu_tri_rows(int64_t begin, int64_t end, void *vctx) {
  const ct_cpu_tri_ctx *c = vctx;
  const ct_tensor *dst = c->dst, *src = c->src;
  int32_t nb = dst->ndim - 2;
  int64_t isz = ct__itemsize(dst->dtype);
  for (int64_t r = begin; r < end; r++) {
    int64_t i = r % c->m, b = r / c->m;
    int64_t doff = i * dst->strides[nb], soff = i * src->strides[nb];
    for (int32_t d = nb - 1; d >= 0; d--) {
      int64_t k = b % dst->shape[d];
      b /= dst->shape[d];
      doff += k * dst->strides[d];
      soff += k * src->strides[d];
    }
    int64_t lo, hi;
    if (c->upper) {
      lo = i + c->diagonal;
      lo = lo < 0 ? 0 : lo > c->n ? c->n : lo;
      hi = c->n;
    } else {
      lo = 0;
      hi = i + c->diagonal + 1;
      hi = hi < 0 ? 0 : hi > c->n ? c->n : hi;
    }
    c->row(ct__data(dst) + doff * isz, dst->strides[nb + 1], ct__data(src) + soff * isz, src->strides[nb + 1],
           c->n, lo, hi, c->inplace);
  }
}

static ct_status ct_cpu_tril_triu(ct_tensor *dst, ct_tensor *src, int64_t diagonal, bool upper) {
  /* dst and src are (..., m, n), same shape and dtype. */
  ct_cpu_tri_ctx c = {.dst = dst, .src = src, .upper = upper, .inplace = dst == src};
  c.m = dst->shape[dst->ndim - 2];
  c.n = dst->shape[dst->ndim - 1];
  c.diagonal = diagonal < -c.m - 1 ? -c.m - 1 : diagonal > c.n ? c.n : diagonal;
  switch (ct__itemsize(dst->dtype)) {
    case 1: c.row = ct_cpu_tri_row_1; break;
    case 2: c.row = ct_cpu_tri_row_2; break;
    case 4: c.row = ct_cpu_tri_row_4; break;
    case 8: c.row = ct_cpu_tri_row_8; break;
    default: c.row = ct_cpu_tri_row_16; break;
  }
  int64_t rows = c.n > 0 ? dst->numel / c.n : 0;
  int64_t grain = c.n >= 32768 ? 1 : 32768 / (c.n > 0 ? c.n : 1);
  ct__parallel_for(rows, grain, ct_cpu_tri_rows, &c);
  return CT_OK;
}

const struct ct_backend_structure_i ct_cpu_structure = {
  .tril_triu = ct_cpu_tril_triu,
};
