/*
 * cpu_elementwise.c: the CPU engine of the elementwise family.
 *
 * When the output is dense and every input either shares its strides or is
 * a single element, the operands are walked as flat runs in memory order
 * (the common case: contiguous tensors, scalars, outputs allocated like
 * their inputs). Otherwise one strided walk (ct__iter) covers them, its
 * dimensions ordered by the output's strides so that the innermost loop
 * runs along the output's memory; an input laid out across that order
 * (b in a.T + b) is read in tiles transposed through a buffer, so that
 * every run the kernel sees is contiguous. Each walk is split over the
 * threads in ranges of its order (tiles: in column blocks). Each run of
 * elements goes to the op's kernel directly when every operand already has
 * the kernel's dtype; otherwise it goes in blocks through small stack
 * buffers: inputs converted to the compute dtype (float16 and bfloat16 by
 * vectorized loops), the kernel, the output converted back. A one-element
 * input (a scalar) is converted once, up front. Integer division by zero,
 * which a kernel cannot return, comes back through params->fault.
 */
#include <string.h>

#include "cpu_internal.h"

enum {
  CT_CPU_EW_BLOCK = 256,     /* elements per buffered block: 4 KiB per complex128 operand */
  CT_CPU_EW_GRAIN = 1 << 15  /* elements of a cost-1 op below which a call stays on one thread */
};

enum { CT_CPU_EW_NOPS = 1 + CT__EW_MAX_IN };

/* The conversion loop for a pair of dtypes: a fast one where there is one, else the core's. */
static ct__loop_fn ct_cpu_ew_cast(ct_dtype dst, ct_dtype src) {
  ct__loop_fn f = ct_cpu_ew_fast_cast(dst, src);
  return f ? f : ct__cast_loop(dst, src);
}

/* Per-op cost (cheap operations per element), which scales the grain. */
#define CT_CPU_EW_COST(ID, name, nin, flags, dtypes, cost) [CT__EW_##ID] = cost,
static const int16_t ct_cpu_ew_costs[CT__EW_OP_COUNT] = {CT__EW_OPS(CT_CPU_EW_COST)};
#undef CT_CPU_EW_COST

typedef struct ct_cpu_ew {
  ct__ew_kernel kernel;
  const ct__ew_params *params;
  int32_t nops;
  bool any_cast;
  bool cast[CT_CPU_EW_NOPS];        /* operand k (0 = output) needs conversion */
  ct__loop_fn conv[CT_CPU_EW_NOPS]; /* to the kernel's dtype (inputs) or from it (output) */
  int64_t ksize[CT_CPU_EW_NOPS];    /* itemsize of the kernel's dtype of each operand */
  /* The flat walk: base pointers and byte strides (itemsize, or 0 for a single element). */
  char *data[CT_CPU_EW_NOPS];
  int64_t flat[CT_CPU_EW_NOPS];
  ct__iter it;
} ct_cpu_ew;

/* One run of n elements: straight to the kernel, or through the buffers. */
static void ct_cpu_ew_run_loop(char **data, const int64_t *bstrides, int64_t n, void *vctx) {
  const ct_cpu_ew *e = vctx;
  if (!e->any_cast) {
    e->kernel(data, bstrides, n, e->params);
    return;
  }
  int32_t nops = e->nops;
  _Alignas(64) unsigned char buf[CT_CPU_EW_NOPS][CT_CPU_EW_BLOCK * 16];
  for (int64_t off = 0; off < n; off += CT_CPU_EW_BLOCK) {
    int64_t m = n - off < CT_CPU_EW_BLOCK ? n - off : CT_CPU_EW_BLOCK;
    char *kd[CT_CPU_EW_NOPS];
    int64_t ks[CT_CPU_EW_NOPS];
    for (int32_t k = 0; k < nops; k++) {
      char *p = data[k] + off * bstrides[k];
      if (!e->cast[k]) {
        kd[k] = p;
        ks[k] = bstrides[k];
        continue;
      }
      kd[k] = (char *)buf[k];
      ks[k] = e->ksize[k];
      if (k > 0) {
        char *cd[2] = {kd[k], p};
        int64_t cs[2] = {ks[k], bstrides[k]};
        e->conv[k](cd, cs, m, NULL);
      }
    }
    e->kernel(kd, ks, m, e->params);
    if (e->cast[0]) {
      char *cd[2] = {data[0] + off * bstrides[0], kd[0]};
      int64_t cs[2] = {bstrides[0], ks[0]};
      e->conv[0](cd, cs, m, NULL);
    }
  }
}

static void ct_cpu_ew_range_flat(int64_t begin, int64_t end, void *vctx) {
  ct_cpu_ew *e = vctx;
  char *data[CT_CPU_EW_NOPS];
  for (int32_t k = 0; k < e->nops; k++) data[k] = e->data[k] + begin * e->flat[k];
  ct_cpu_ew_run_loop(data, e->flat, end - begin, e);
}

static void ct_cpu_ew_range(int64_t begin, int64_t end, void *vctx) {
  ct_cpu_ew *e = vctx;
  ct__iter_range(&e->it, begin, end, ct_cpu_ew_run_loop, e);
}

/* ---- the tiled walk: inputs laid out across the output's order ------------------------------- */

enum {
  CT_CPU_EW_TILE1 = 32,           /* elements of a tile along the walk's second dimension */
  CT_CPU_EW_TILE_BYTES = 16 << 10 /* bytes of a tile of one crossed input (its first dimension follows) */
};

/*
 * Operand k is "crossed" when it steps through memory along the walk's
 * second dimension, not its first (b in a.T + b): read straight, each run
 * of the walk would touch one element per cache line. Such operands are
 * read in tiles, each transposed into a buffer whose rows run along the
 * walk, and the rows go to the kernel as if the operand were contiguous.
 */
static bool ct_cpu_ew_crossed(const ct__iter *it, int32_t k, int64_t size) {
  int32_t nops = it->nops;
  int64_t s0 = it->st[k], s1 = it->st[nops + k];
  return s1 == size && s0 != size && s0 != 0;
}

/* dst[j][i] = src at (i, j): a tile of rows along dim 1 transposed into rows along dim 0 (n0 x n1). */
static void ct_cpu_ew_transpose(char *dst, const char *src, int64_t s0, int64_t size, int64_t n0, int64_t n1) {
#define CT_CPU_EW_TRANSPOSE(T)                                                                   \
  for (int64_t i = 0; i < n0; i++) {                                                             \
    const T *row = (const T *)(const void *)(src + i * s0);                                      \
    T *col = (T *)(void *)dst + i;                                                               \
    for (int64_t j = 0; j < n1; j++) col[j * n0] = row[j];                                       \
  }
  switch (size) {
    case 1: CT_CPU_EW_TRANSPOSE(uint8_t) break;
    case 2: CT_CPU_EW_TRANSPOSE(uint16_t) break;
    case 4: ct_cpu_ew_fast_transpose4()(dst, src, s0, n0, n1); break;
    case 8: CT_CPU_EW_TRANSPOSE(uint64_t) break;
    default:
      for (int64_t i = 0; i < n0; i++)
        for (int64_t j = 0; j < n1; j++) memcpy(dst + (j * n0 + i) * size, src + i * s0 + j * size, (size_t)size);
  }
#undef CT_CPU_EW_TRANSPOSE
}

/*
 * A unit of the tiled walk is a column block of CT_CPU_EW_TILE1 along the
 * walk's second dimension in one position of the outer ones, all along the
 * first; units are independent, so any split gives the same results.
 */
typedef struct ct_cpu_ew_tiles {
  ct_cpu_ew *e;
  bool crossed[CT_CPU_EW_NOPS];
  int64_t size[CT_CPU_EW_NOPS]; /* itemsize of each operand as stored */
  int64_t tile0;                /* elements of a tile along the first dimension (128 for float32) */
  int64_t blocks1;              /* column blocks per outer position */
} ct_cpu_ew_tiles;

static void ct_cpu_ew_range_tiled(int64_t begin, int64_t end, void *vctx) {
  const ct_cpu_ew_tiles *tl = vctx;
  ct_cpu_ew *e = tl->e;
  const ct__iter *it = &e->it;
  int32_t nops = it->nops, nd = it->nd;
  int64_t n0 = it->size[0], n1 = it->size[1];
  _Alignas(64) unsigned char buf[CT__EW_MAX_IN][CT_CPU_EW_TILE_BYTES];
  for (int64_t u = begin; u < end; u++) {
    /* the operands' pointers at this unit: outer position, then the column block */
    int64_t outer = u / tl->blocks1, j0 = (u % tl->blocks1) * CT_CPU_EW_TILE1;
    char *base[CT_CPU_EW_NOPS];
    for (int32_t k = 0; k < nops; k++) base[k] = it->data[k] + j0 * it->st[nops + k];
    for (int32_t d = 2; d < nd; d++) {
      int64_t c = outer % it->size[d];
      outer /= it->size[d];
      for (int32_t k = 0; k < nops; k++) base[k] += c * it->st[d * nops + k];
    }
    int64_t m1 = n1 - j0 < CT_CPU_EW_TILE1 ? n1 - j0 : CT_CPU_EW_TILE1;
    for (int64_t i0 = 0; i0 < n0; i0 += tl->tile0) {
      int64_t m0 = n0 - i0 < tl->tile0 ? n0 - i0 : tl->tile0;
      for (int32_t k = 1; k < nops; k++)
        if (tl->crossed[k])
          ct_cpu_ew_transpose((char *)buf[k - 1], base[k] + i0 * it->st[k], it->st[k], tl->size[k], m0, m1);
      for (int64_t j = 0; j < m1; j++) {
        char *ptr[CT_CPU_EW_NOPS];
        int64_t st[CT_CPU_EW_NOPS];
        for (int32_t k = 0; k < nops; k++) {
          if (tl->crossed[k]) {
            ptr[k] = (char *)buf[k - 1] + j * m0 * tl->size[k];
            st[k] = tl->size[k];
          } else {
            ptr[k] = base[k] + i0 * it->st[k] + j * it->st[nops + k];
            st[k] = it->st[k];
          }
        }
        ct_cpu_ew_run_loop(ptr, st, m0, e);
      }
    }
  }
}

/* Runs the walk tiled when an input crosses it and the tiles are worth it; false otherwise. */
static bool ct_cpu_ew_try_tiled(ct_cpu_ew *e, const ct__ew_call *call, int64_t grain) {
  const ct__iter *it = &e->it;
  if (it->nd < 2 || it->size[0] < 16 || it->size[1] < 16) return false;
  ct_cpu_ew_tiles tl = {.e = e};
  int64_t widest = 0;
  for (int32_t k = 0; k < it->nops; k++) {
    const struct ct_tensor *t = k == 0 ? call->out : call->in[k - 1];
    tl.size[k] = ct__itemsize(t->dtype);
    tl.crossed[k] = k > 0 && ct_cpu_ew_crossed(it, k, tl.size[k]);
    if (tl.crossed[k] && tl.size[k] > widest) widest = tl.size[k];
  }
  if (!widest) return false;
  tl.tile0 = CT_CPU_EW_TILE_BYTES / (CT_CPU_EW_TILE1 * widest);
  tl.blocks1 = (it->size[1] + CT_CPU_EW_TILE1 - 1) / CT_CPU_EW_TILE1;
  int64_t units = it->numel / (it->size[0] * it->size[1]) * tl.blocks1;
  int64_t per_unit = it->size[0] * CT_CPU_EW_TILE1, ugrain = (grain + per_unit - 1) / per_unit;
  if (units <= ugrain)
    ct_cpu_ew_range_tiled(0, units, &tl);
  else
    ct__parallel_for(units, ugrain, ct_cpu_ew_range_tiled, &tl);
  return true;
}

/* Whether out's elements can be walked in memory order with every input along. */
static bool ct_cpu_ew_flat(const ct__ew_call *call, const bool *single) {
  const struct ct_tensor *out = call->out;
  if (!ct__is_contiguous(out) && !ct__is_dense(out)) return false;
  for (int32_t k = 0; k < call->nin; k++) {
    if (single[k]) continue;
    const int64_t *st = call->in_strides[k];
    for (int32_t d = 0; d < out->ndim; d++)
      if (out->shape[d] != 1 && st[d] != out->strides[d]) return false;
  }
  return true;
}

static ct_status ct_cpu_ew_run(const ct__ew_call *call) {
  ct_cpu_ew e;
  e.kernel = ct_cpu_ew_kernel(call->op, call->compute);
  if (!e.kernel)
    return ct__error(CT_ERR_DTYPE, "%s: not implemented for dtype %s on the CPU", call->fn,
                     ct__dtypes[call->compute].name);
  ct__ew_params kp;
  if (call->params)
    kp = *call->params;
  else
    memset(&kp, 0, sizeof kp);
  atomic_int fault;
  atomic_init(&fault, CT__EW_FAULT_NONE);
  kp.fault = &fault;
  e.params = &kp;

  const struct ct_tensor *out = call->out;
  int32_t nops = 1 + call->nin, ndim = out->ndim;
  ct__ew_value scalar[CT__EW_MAX_IN];
  bool single[CT__EW_MAX_IN];
  e.nops = nops;
  e.any_cast = false;
  for (int32_t k = 0; k < nops; k++) {
    const struct ct_tensor *t = k == 0 ? out : call->in[k - 1];
    ct_dtype want = k == 0 ? call->kernel_out : call->kernel_in[k - 1];
    e.data[k] = ct__data(t);
    e.ksize[k] = ct__itemsize(want);
    e.cast[k] = t->dtype != want;
    e.flat[k] = ct__itemsize(t->dtype);
    if (k > 0) {
      single[k - 1] = t->numel == 1;
      if (single[k - 1]) {
        e.flat[k] = 0;
        if (e.cast[k]) {
          /* A scalar: convert its one element now and read it with stride 0. */
          ct_dtype_convert(scalar[k - 1].bytes, want, e.data[k], t->dtype, 1);
          e.data[k] = (char *)scalar[k - 1].bytes;
          e.cast[k] = false;
        }
      }
    }
    if (e.cast[k]) e.conv[k] = k == 0 ? ct_cpu_ew_cast(t->dtype, want) : ct_cpu_ew_cast(want, t->dtype);
    e.any_cast |= e.cast[k];
  }
  int64_t grain = CT_CPU_EW_GRAIN / ct_cpu_ew_costs[call->op];

  ct_status s = CT_OK;
  if (ct_cpu_ew_flat(call, single)) {
    if (out->numel <= grain)
      ct_cpu_ew_range_flat(0, out->numel, &e);
    else
      ct__parallel_for(out->numel, grain, ct_cpu_ew_range_flat, &e);
  } else {
    /*
     * The strided walk, dims ordered by the output's strides (outermost
     * first, a stable insertion sort: few dims), with byte strides.
     */
    ct__dims perm, strides[CT_CPU_EW_NOPS], shape;
    const int64_t *sp[CT_CPU_EW_NOPS];
    int32_t made = 0;
    s = ct__dims_init(&perm, ndim, call->fn);
    if (s == CT_OK) s = ct__dims_init(&shape, ndim, call->fn);
    if (s == CT_OK) {
      for (int32_t d = 0; d < ndim; d++) perm.v[d] = d;
      for (int32_t i = 1; i < ndim; i++)
        for (int32_t j = i; j > 0 && out->strides[perm.v[j - 1]] < out->strides[perm.v[j]]; j--) {
          int64_t x = perm.v[j];
          perm.v[j] = perm.v[j - 1];
          perm.v[j - 1] = x;
        }
      for (int32_t d = 0; d < ndim; d++) shape.v[d] = out->shape[perm.v[d]];
    }
    for (int32_t k = 0; k < nops && s == CT_OK; k++, made++) {
      s = ct__dims_init(&strides[k], ndim, call->fn);
      if (s != CT_OK) break;
      const int64_t *st = k == 0 ? out->strides : call->in_strides[k - 1];
      int64_t size = k == 0 ? ct__itemsize(out->dtype) : ct__itemsize(call->in[k - 1]->dtype);
      bool zero = k > 0 && single[k - 1];
      for (int32_t d = 0; d < ndim; d++) strides[k].v[d] = zero ? 0 : st[perm.v[d]] * size;
      sp[k] = strides[k].v;
    }
    if (s == CT_OK) s = ct__iter_init(&e.it, nops, e.data, sp, ndim, shape.v, call->fn);
    if (s == CT_OK) {
      bool tiled = ct_cpu_ew_try_tiled(&e, call, grain);
      if (!tiled && e.it.numel <= grain)
        ct_cpu_ew_range(0, e.it.numel, &e);
      else if (!tiled)
        ct__parallel_for(e.it.numel, grain, ct_cpu_ew_range, &e);
      ct__iter_free(&e.it);
    }
    for (int32_t k = 0; k < made; k++) ct__dims_free(&strides[k]);
    ct__dims_free(&shape);
    ct__dims_free(&perm);
  }
  if (s == CT_OK && atomic_load(&fault) == CT__EW_FAULT_ZERO_DIVISION)
    s = ct__error(CT_ERR_INVALID_ARGUMENT, "%s: ZeroDivisionError (integer division by zero)", call->fn);
  return s;
}

const struct ct_backend_elementwise_i ct_cpu_elementwise = {
  .run = ct_cpu_ew_run,
};
