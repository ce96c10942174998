/*
 * cpu_index.c: the CPU kernels of the index family: the indexed copy under
 * advanced indexing, index_select, gather, scatter and take; bounds checks
 * of index tensors; nonzero, masked_select and masked_fill.
 *
 * The indexed copy walks one iteration shape for all operands (dst, src and
 * the index tensors), adding index * stride to one side's address. Element
 * operations are written once and instantiated per element type by macros.
 * Nonzero and masked_select count per fixed block first, so that each block
 * knows where its output starts and blocks can run on any thread.
 */
#include <string.h>

#include "cpu_internal.h"
#include "ct_index.h"

/* Elements per block of the block-wise kernels (counting, nonzero, masked_select). */
enum { CT_CPU_BLOCK = 1 << 16 };
/* Work (elements) below which a kernel stays on one thread. */
enum { CT_CPU_GRAIN = 1 << 15 };

typedef struct {
  uint64_t lo, hi;
} ct_cpu_u128;
typedef struct {
  float re, im;
} ct_cpu_c64;
typedef struct {
  double re, im;
} ct_cpu_c128;

/* Byte strides of t, for the strided iterator. */
static void ct_cpu_bstrides(int64_t *out, const ct_tensor *t) {
  int64_t itemsize = ct__itemsize(t->dtype);
  for (int32_t d = 0; d < t->ndim; d++) out[d] = ct__byte_stride(t->strides[d], itemsize);
}

/* Reads an int32 or int64 index. */
static inline int64_t ct_cpu_load_index(const char *p, bool is64) {
  return is64 ? *(const int64_t *)(const void *)p : *(const int32_t *)(const void *)p;
}

/* ---- a row-major walk ---------------------------------------------------------------------- */

/*
 * A walk over a shape for one or two operands that visits elements in
 * row-major order, which nonzero, masked_select and the bounds check rely on
 * (positions are row-major). Size-1 dims are dropped and neighbours merged
 * where every operand allows, which keeps that order.
 */
typedef struct ct_cpu_walk {
  int32_t nops, nd;
  int64_t numel;
  char *data[2];
  int64_t *size; /* nd sizes, outermost first */
  int64_t *st;   /* nd * nops byte strides, st[k * nops + op] */
  void *mem;
} ct_cpu_walk;

static ct_status ct_cpu_walk_init(ct_cpu_walk *w, int32_t nops, const ct_tensor *const *ts, const char *fn) {
  const ct_tensor *t0 = ts[0];
  w->nops = nops;
  w->nd = 0;
  w->numel = t0->numel;
  for (int32_t op = 0; op < nops; op++) w->data[op] = ct__data(ts[op]);
  CT_TRY(ct__alloc_or_error(&w->mem, (size_t)(t0->ndim + 1) * (size_t)(1 + nops) * sizeof(int64_t), fn,
                            "a walk"));
  w->size = w->mem;
  w->st = w->size + t0->ndim + 1;
  for (int32_t d = 0; d < t0->ndim; d++) {
    if (t0->shape[d] == 1) continue;
    int64_t *row = w->st + (size_t)w->nd * nops;
    for (int32_t op = 0; op < nops; op++) row[op] = ct__byte_stride(ts[op]->strides[d], ct__itemsize(ts[op]->dtype));
    bool merge = w->nd > 0;
    for (int32_t op = 0; merge && op < nops; op++) merge = row[op - nops] == row[op] * t0->shape[d];
    if (merge) {
      w->size[w->nd - 1] *= t0->shape[d];
      memcpy(row - nops, row, (size_t)nops * sizeof(int64_t));
    } else {
      w->size[w->nd++] = t0->shape[d];
    }
  }
  if (w->nd == 0) {
    /* A single element: one dim of size 1 carries it. */
    w->size[0] = 1;
    for (int32_t op = 0; op < nops; op++) w->st[op] = 0;
    w->nd = 1;
  }
  return CT_OK;
}

static void ct_cpu_walk_free(ct_cpu_walk *w) { ct__free(w->mem); }

/*
 * Calls loop on the runs (along the innermost dim) covering row-major
 * positions [begin, end). Returns false when it could not get memory for its
 * counters (more than CT__DIMS_INLINE dims).
 */
static bool ct_cpu_walk_range(const ct_cpu_walk *w, int64_t begin, int64_t end, ct__loop_fn loop, void *ctx) {
  int32_t nd = w->nd, nops = w->nops;
  int64_t idx_stack[CT__DIMS_INLINE], *idx = idx_stack;
  if (begin >= end) return true;
  if (nd > CT__DIMS_INLINE) {
    idx = ct__malloc((size_t)nd * sizeof(int64_t));
    if (!idx) return false;
  }
  char *ptr[2];
  const int64_t *inner = w->st + (size_t)(nd - 1) * nops;
  int64_t rem = begin;
  for (int32_t op = 0; op < nops; op++) ptr[op] = w->data[op];
  for (int32_t k = nd - 1; k >= 0; k--) {
    idx[k] = rem % w->size[k];
    rem /= w->size[k];
    for (int32_t op = 0; op < nops; op++) ptr[op] += idx[k] * w->st[(size_t)k * nops + op];
  }
  for (int64_t left = end - begin;;) {
    int64_t n = w->size[nd - 1] - idx[nd - 1];
    if (n > left) n = left;
    loop(ptr, inner, n, ctx);
    left -= n;
    if (left == 0) break;
    for (int32_t op = 0; op < nops; op++) ptr[op] -= idx[nd - 1] * inner[op];
    idx[nd - 1] = 0;
    for (int32_t k = nd - 2; k >= 0; k--) {
      for (int32_t op = 0; op < nops; op++) ptr[op] += w->st[(size_t)k * nops + op];
      if (++idx[k] < w->size[k]) break;
      for (int32_t op = 0; op < nops; op++) ptr[op] -= w->st[(size_t)k * nops + op] * w->size[k];
      idx[k] = 0;
    }
  }
  if (idx != idx_stack) ct__free(idx);
  return true;
}

/* ---- bounds of index tensors --------------------------------------------------------------- */

typedef struct {
  bool is64;
  int64_t lo, hi;
  int64_t pos;   /* linear position of the next element of the range */
  int64_t first; /* position of the first bad element, or -1 */
} ct_cpu_bounds_ctx;

static void ct_cpu_bounds_loop(char **data, const int64_t *bstrides, int64_t n, void *vctx) {
  ct_cpu_bounds_ctx *c = vctx;
  if (c->first >= 0) return;
  for (int64_t i = 0; i < n; i++) {
    int64_t v = ct_cpu_load_index(data[0] + i * bstrides[0], c->is64);
    if (v < c->lo || v >= c->hi) {
      c->first = c->pos + i;
      return;
    }
  }
  c->pos += n;
}

typedef struct {
  const ct_cpu_walk *w;
  bool is64;
  int64_t lo, hi;
  _Atomic int64_t first; /* smallest bad position found, INT64_MAX for none */
  _Atomic bool oom;
} ct_cpu_bounds_job;

static void ct_cpu_bounds_range(int64_t begin, int64_t end, void *vjob) {
  ct_cpu_bounds_job *job = vjob;
  ct_cpu_bounds_ctx c = {job->is64, job->lo, job->hi, begin, -1};
  if (!ct_cpu_walk_range(job->w, begin, end, ct_cpu_bounds_loop, &c)) atomic_store(&job->oom, true);
  if (c.first < 0) return;
  int64_t cur = atomic_load(&job->first);
  while (c.first < cur && !atomic_compare_exchange_weak(&job->first, &cur, c.first)) {
  }
}

static ct_status ct_cpu_find_out_of_range(bool *found, int64_t *value, const ct_tensor *idx, int64_t lo,
                                          int64_t hi) {
  *found = false;
  *value = 0;
  ct_cpu_walk w;
  CT_TRY(ct_cpu_walk_init(&w, 1, &idx, "find_out_of_range"));
  ct_cpu_bounds_job job = {&w, idx->dtype == CT_INT64, lo, hi, INT64_MAX, false};
  ct__parallel_for(w.numel, CT_CPU_GRAIN, ct_cpu_bounds_range, &job);
  int64_t first = atomic_load(&job.first);
  ct_cpu_walk_free(&w);
  if (atomic_load(&job.oom)) return ct__error(CT_ERR_OUT_OF_MEMORY, "find_out_of_range: out of memory for its counters");
  if (first != INT64_MAX) {
    /* The walk only records positions: locate the offending element from its row-major position. */
    int64_t pos = first, off = 0;
    for (int32_t d = idx->ndim - 1; d >= 0; d--) {
      off += (pos % idx->shape[d]) * idx->strides[d];
      pos /= idx->shape[d];
    }
    *found = true;
    *value = ct_cpu_load_index(ct__data(idx) + off * ct__itemsize(idx->dtype), idx->dtype == CT_INT64);
  }
  return CT_OK;
}

/* ---- the indexed copy ---------------------------------------------------------------------- */

/* The plan of one indexed copy: dims reordered serial-first, size-1 dims dropped, runs merged. */
typedef struct ct_cpu_ix {
  int32_t op, nidx, nops; /* nops = 2 + nidx: dst, src, then the index tensors */
  int32_t nd, nser;       /* dims kept; the first nser of them are serial */
  int64_t nser_total;     /* positions of the serial dims */
  int64_t npar;           /* positions of the parallel dims */
  int64_t *size;          /* nd */
  int64_t *st;            /* nd * nops byte strides, st[k * nops + op] */
  char **base;            /* nops pointers at element (0, ..., 0) */
  bool *is64;             /* nidx */
  int64_t *isize;         /* nidx sizes of the indexed dims */
  int64_t *istride;       /* nidx byte strides of the indexed dims */
  int32_t nvar, nconst;   /* index tensors varying along the innermost dim, and constant along it */
  int32_t *var, *cst;     /* their numbers (nidx entries between them) */
  void (*run)(char *d, char *s, char *const *ip, int64_t n, const int64_t *st, const struct ct_cpu_ix *x);
  _Atomic bool oom;
} ct_cpu_ix;

/* The byte offset that the index tensors constant along a run add (read at its first element). */
static inline int64_t ct_cpu_ix_const_offset(char *const *ip, const ct_cpu_ix *x) {
  int64_t off = 0;
  for (int32_t k = 0; k < x->nconst; k++) {
    int32_t j = x->cst[k];
    int64_t v = ct_cpu_load_index(ip[j], x->is64[j]);
    off += (v < 0 ? v + x->isize[j] : v) * x->istride[j];
  }
  return off;
}

/*
 * One run of n elements along the innermost dim: st holds the operands' byte
 * strides along it. GET moves the source address, the others the
 * destination's. Index tensors constant along the run (index_select,
 * gathering whole rows) add one offset for all of it, leaving a plain strided
 * copy; one varying int64 or int32 index (a flat gather) gets its own loop.
 */
#define CT_CPU_IX_RUN(name, T, GET, APPLY)                                                          \
  static void name(char *d, char *s, char *const *ip, int64_t n, const int64_t *st,                 \
                   const ct_cpu_ix *x) {                                                            \
    int64_t off0 = ct_cpu_ix_const_offset(ip, x), ds = st[0], ss = st[1];                           \
    if (GET)                                                                                        \
      s += off0;                                                                                    \
    else                                                                                            \
      d += off0;                                                                                    \
    if (x->nvar == 0) {                                                                             \
      if (ds == (int64_t)sizeof(T) && ss == (int64_t)sizeof(T)) {                                   \
        T *dp = (T *)(void *)d;                                                                     \
        const T *sp = (const T *)(const void *)s;                                                   \
        for (int64_t i = 0; i < n; i++) APPLY(dp + i, sp + i);                                      \
      } else {                                                                                      \
        for (int64_t i = 0; i < n; i++)                                                             \
          APPLY((T *)(void *)(d + i * ds), (const T *)(const void *)(s + i * ss));                  \
      }                                                                                             \
    } else if (x->nvar == 1) {                                                                      \
      int32_t j = x->var[0];                                                                        \
      const char *q = ip[j];                                                                        \
      int64_t qs = st[2 + j], size = x->isize[j], is = x->istride[j];                               \
      if (x->is64[j]) {                                                                             \
        for (int64_t i = 0; i < n; i++) {                                                           \
          int64_t v = *(const int64_t *)(const void *)(q + i * qs), off = (v < 0 ? v + size : v) * is; \
          APPLY((T *)(void *)(d + i * ds + (GET ? 0 : off)),                                        \
                (const T *)(const void *)(s + i * ss + (GET ? off : 0)));                           \
        }                                                                                           \
      } else {                                                                                      \
        for (int64_t i = 0; i < n; i++) {                                                           \
          int64_t v = *(const int32_t *)(const void *)(q + i * qs), off = (v < 0 ? v + size : v) * is; \
          APPLY((T *)(void *)(d + i * ds + (GET ? 0 : off)),                                        \
                (const T *)(const void *)(s + i * ss + (GET ? off : 0)));                           \
        }                                                                                           \
      }                                                                                             \
    } else {                                                                                        \
      for (int64_t i = 0; i < n; i++) {                                                             \
        int64_t off = 0;                                                                            \
        for (int32_t k = 0; k < x->nvar; k++) {                                                     \
          int32_t j = x->var[k];                                                                    \
          int64_t v = ct_cpu_load_index(ip[j] + i * st[2 + j], x->is64[j]);                         \
          off += (v < 0 ? v + x->isize[j] : v) * x->istride[j];                                     \
        }                                                                                           \
        APPLY((T *)(void *)(d + i * ds + (GET ? 0 : off)),                                          \
              (const T *)(const void *)(s + i * ss + (GET ? off : 0)));                             \
      }                                                                                             \
    }                                                                                               \
  }

#define CT_CPU_ASSIGN(dp, sp) (*(dp) = *(sp))
CT_CPU_IX_RUN(ct_cpu_ix_get_1, uint8_t, 1, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_get_2, uint16_t, 1, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_get_4, uint32_t, 1, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_get_8, uint64_t, 1, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_get_16, ct_cpu_u128, 1, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_put_1, uint8_t, 0, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_put_2, uint16_t, 0, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_put_4, uint32_t, 0, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_put_8, uint64_t, 0, CT_CPU_ASSIGN)
CT_CPU_IX_RUN(ct_cpu_ix_put_16, ct_cpu_u128, 0, CT_CPU_ASSIGN)

/*
 * Accumulation per dtype. Integers wrap (computed in the unsigned type of
 * their width); bool adds as "or" and multiplies as "and"; float16 and
 * bfloat16 compute in float32 and round once.
 */
#define CT_CPU_BOOL_ADD(dp, sp) (*(dp) = (uint8_t)(*(dp) | *(sp)))
#define CT_CPU_BOOL_MUL(dp, sp) (*(dp) = (uint8_t)(*(dp) & *(sp)))
#define CT_CPU_DEF_INT(T, U)                                                                        \
  static inline void ct_cpu_add_##T(T *dp, const T *sp) { *dp = (T)(U)((U)*dp + (U)*sp); }         \
  static inline void ct_cpu_mul_##T(T *dp, const T *sp) { *dp = (T)(U)((U)*dp * (U)*sp); }
CT_CPU_DEF_INT(uint8_t, uint32_t)
CT_CPU_DEF_INT(int8_t, uint32_t)
CT_CPU_DEF_INT(int16_t, uint32_t)
CT_CPU_DEF_INT(int32_t, uint32_t)
CT_CPU_DEF_INT(int64_t, uint64_t)

static inline void ct_cpu_add_f16(uint16_t *dp, const uint16_t *sp) {
  *dp = ct__f32_to_f16(ct__f16_to_f32(*dp) + ct__f16_to_f32(*sp));
}
static inline void ct_cpu_mul_f16(uint16_t *dp, const uint16_t *sp) {
  *dp = ct__f32_to_f16(ct__f16_to_f32(*dp) * ct__f16_to_f32(*sp));
}
static inline void ct_cpu_add_bf16(uint16_t *dp, const uint16_t *sp) {
  *dp = ct__f32_to_bf16(ct__bf16_to_f32(*dp) + ct__bf16_to_f32(*sp));
}
static inline void ct_cpu_mul_bf16(uint16_t *dp, const uint16_t *sp) {
  *dp = ct__f32_to_bf16(ct__bf16_to_f32(*dp) * ct__bf16_to_f32(*sp));
}
static inline void ct_cpu_add_float(float *dp, const float *sp) { *dp += *sp; }
static inline void ct_cpu_mul_float(float *dp, const float *sp) { *dp *= *sp; }
static inline void ct_cpu_add_double(double *dp, const double *sp) { *dp += *sp; }
static inline void ct_cpu_mul_double(double *dp, const double *sp) { *dp *= *sp; }
#define CT_CPU_DEF_COMPLEX(C, R)                                                                    \
  static inline void ct_cpu_add_##C(C *dp, const C *sp) {                                          \
    dp->re += sp->re;                                                                               \
    dp->im += sp->im;                                                                               \
  }                                                                                                 \
  static inline void ct_cpu_mul_##C(C *dp, const C *sp) {                                          \
    R re = dp->re * sp->re - dp->im * sp->im, im = dp->re * sp->im + dp->im * sp->re;               \
    dp->re = re;                                                                                    \
    dp->im = im;                                                                                    \
  }
CT_CPU_DEF_COMPLEX(ct_cpu_c64, float)
CT_CPU_DEF_COMPLEX(ct_cpu_c128, double)

/* The accumulating runs of one dtype: name suffix, C type, element function suffix. */
#define CT_CPU_IX_ACC(sfx, T, fsfx)                                                                 \
  CT_CPU_IX_RUN(ct_cpu_ix_add_##sfx, T, 0, ct_cpu_add_##fsfx)                                       \
  CT_CPU_IX_RUN(ct_cpu_ix_mul_##sfx, T, 0, ct_cpu_mul_##fsfx)
CT_CPU_IX_RUN(ct_cpu_ix_add_bool, uint8_t, 0, CT_CPU_BOOL_ADD)
CT_CPU_IX_RUN(ct_cpu_ix_mul_bool, uint8_t, 0, CT_CPU_BOOL_MUL)
CT_CPU_IX_ACC(u8, uint8_t, uint8_t)
CT_CPU_IX_ACC(i8, int8_t, int8_t)
CT_CPU_IX_ACC(i16, int16_t, int16_t)
CT_CPU_IX_ACC(i32, int32_t, int32_t)
CT_CPU_IX_ACC(i64, int64_t, int64_t)
CT_CPU_IX_ACC(f16, uint16_t, f16)
CT_CPU_IX_ACC(bf16, uint16_t, bf16)
CT_CPU_IX_ACC(f32, float, float)
CT_CPU_IX_ACC(f64, double, double)
CT_CPU_IX_ACC(c64, ct_cpu_c64, ct_cpu_c64)
CT_CPU_IX_ACC(c128, ct_cpu_c128, ct_cpu_c128)

typedef void (*ct_cpu_ix_run_fn)(char *d, char *s, char *const *ip, int64_t n, const int64_t *st,
                                 const ct_cpu_ix *x);

/* Accumulating runs indexed [dtype][0: add, 1: mul]. */
static const ct_cpu_ix_run_fn ct_cpu_ix_acc[CT_DTYPE_COUNT][2] = {
  [CT_BOOL] = {ct_cpu_ix_add_bool, ct_cpu_ix_mul_bool},
  [CT_UINT8] = {ct_cpu_ix_add_u8, ct_cpu_ix_mul_u8},
  [CT_INT8] = {ct_cpu_ix_add_i8, ct_cpu_ix_mul_i8},
  [CT_INT16] = {ct_cpu_ix_add_i16, ct_cpu_ix_mul_i16},
  [CT_INT32] = {ct_cpu_ix_add_i32, ct_cpu_ix_mul_i32},
  [CT_INT64] = {ct_cpu_ix_add_i64, ct_cpu_ix_mul_i64},
  [CT_FLOAT16] = {ct_cpu_ix_add_f16, ct_cpu_ix_mul_f16},
  [CT_BFLOAT16] = {ct_cpu_ix_add_bf16, ct_cpu_ix_mul_bf16},
  [CT_FLOAT32] = {ct_cpu_ix_add_f32, ct_cpu_ix_mul_f32},
  [CT_FLOAT64] = {ct_cpu_ix_add_f64, ct_cpu_ix_mul_f64},
  [CT_COMPLEX64] = {ct_cpu_ix_add_c64, ct_cpu_ix_mul_c64},
  [CT_COMPLEX128] = {ct_cpu_ix_add_c128, ct_cpu_ix_mul_c128},
};
_Static_assert(CT_DTYPE_COUNT == 12, "ct_cpu_ix_acc covers every dtype");

static ct_cpu_ix_run_fn ct_cpu_ix_pick(int32_t op, ct_dtype dtype) {
  static const ct_cpu_ix_run_fn get[5] = {ct_cpu_ix_get_1, ct_cpu_ix_get_2, ct_cpu_ix_get_4, ct_cpu_ix_get_8,
                                          ct_cpu_ix_get_16};
  static const ct_cpu_ix_run_fn put[5] = {ct_cpu_ix_put_1, ct_cpu_ix_put_2, ct_cpu_ix_put_4, ct_cpu_ix_put_8,
                                          ct_cpu_ix_put_16};
  int64_t size = ct__itemsize(dtype);
  int k = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : size == 8 ? 3 : 4;
  switch (op) {
    case CT__INDEX_GET: return get[k];
    case CT__INDEX_PUT: return put[k];
    case CT__INDEX_ADD: return ct_cpu_ix_acc[dtype][0];
    default: return ct_cpu_ix_acc[dtype][1];
  }
}

/*
 * Walks parallel positions [begin, end) for every serial position, the
 * serial ones outermost and in order. Counters and pointers live on the
 * stack for the common case and on the heap past it.
 */
static void ct_cpu_ix_range(int64_t begin, int64_t end, void *vx) {
  ct_cpu_ix *x = vx;
  enum { STACK = 24 };
  int32_t nd = x->nd, nops = x->nops, nser = x->nser;
  int64_t idx_stack[STACK], *idx = idx_stack;
  char *ptr_stack[2 * STACK], **ptr = ptr_stack;
  void *heap = NULL;
  if (nd > STACK || nops > STACK) {
    heap = ct__malloc((size_t)nd * sizeof(int64_t) + 2 * (size_t)nops * sizeof(char *));
    if (!heap) {
      atomic_store(&x->oom, true);
      return;
    }
    idx = heap;
    ptr = (char **)(void *)(idx + nd);
  }
  char **sptr = ptr + nops; /* pointers at the current serial position */
  const int64_t *inner = x->st + (size_t)(nd - 1) * (size_t)nops;
  for (int32_t k = 0; k < nser; k++) idx[k] = 0;
  for (int32_t op = 0; op < nops; op++) sptr[op] = x->base[op];
  for (int64_t sp = 0; sp < x->nser_total; sp++) {
    /* The parallel counters at begin, and the pointers there. */
    int64_t rem = begin;
    for (int32_t op = 0; op < nops; op++) ptr[op] = sptr[op];
    for (int32_t k = nd - 1; k >= nser; k--) {
      idx[k] = rem % x->size[k];
      rem /= x->size[k];
      for (int32_t op = 0; op < nops; op++) ptr[op] += idx[k] * x->st[k * nops + op];
    }
    int64_t left = end - begin;
    while (left > 0) {
      int64_t n = x->size[nd - 1] - idx[nd - 1];
      if (n > left) n = left;
      x->run(ptr[0], ptr[1], ptr + 2, n, inner, x);
      left -= n;
      if (left == 0) break;
      /* Step to the start of the next run of the innermost dim. */
      for (int32_t op = 0; op < nops; op++) ptr[op] -= idx[nd - 1] * inner[op];
      idx[nd - 1] = 0;
      for (int32_t k = nd - 2; k >= nser; k--) {
        for (int32_t op = 0; op < nops; op++) ptr[op] += x->st[k * nops + op];
        if (++idx[k] < x->size[k]) break;
        for (int32_t op = 0; op < nops; op++) ptr[op] -= x->st[k * nops + op] * x->size[k];
        idx[k] = 0;
      }
    }
    /* The next serial position. */
    for (int32_t k = nser - 1; k >= 0; k--) {
      for (int32_t op = 0; op < nops; op++) sptr[op] += x->st[k * nops + op];
      if (++idx[k] < x->size[k]) break;
      for (int32_t op = 0; op < nops; op++) sptr[op] -= x->st[k * nops + op] * x->size[k];
      idx[k] = 0;
    }
  }
  ct__free(heap);
}

static ct_status ct_cpu_indexed_copy(const ct__index_args *a) {
  const ct_tensor *dst = a->dst;
  int32_t ndim = dst->ndim, nidx = a->nidx, nops = 2 + nidx;
  if (dst->numel == 0) return CT_OK;
  /* One block for the plan: sizes, strides, pointers, index facts; ndim + 1 dims (one may be added). */
  size_t nd_cap = (size_t)ndim + 1;
  size_t bytes = nd_cap * sizeof(int64_t) + nd_cap * (size_t)nops * sizeof(int64_t) +
                 (size_t)nops * sizeof(char *) + 2 * (size_t)nidx * sizeof(int64_t) +
                 2 * (size_t)nidx * sizeof(int32_t) + (size_t)nidx;
  void *mem;
  CT_TRY(ct__alloc_or_error(&mem, bytes, "indexed_copy", "its plan"));
  ct_cpu_ix x;
  x.op = a->op;
  x.nidx = nidx;
  x.nops = nops;
  x.size = mem;
  x.st = x.size + nd_cap;
  x.isize = x.st + nd_cap * (size_t)nops;
  x.istride = x.isize + nidx;
  x.base = (char **)(void *)(x.istride + nidx);
  x.var = (int32_t *)(void *)(x.base + nops);
  x.cst = x.var + nidx;
  x.is64 = (bool *)(void *)(x.cst + nidx);
  x.run = ct_cpu_ix_pick(a->op, dst->dtype);
  atomic_init(&x.oom, false);
  const ct_tensor *ops[2] = {a->dst, a->src};
  for (int32_t op = 0; op < nops; op++) x.base[op] = ct__data(op < 2 ? ops[op] : a->idx[op - 2]);
  int64_t itemsize = ct__itemsize(dst->dtype);
  for (int32_t j = 0; j < nidx; j++) {
    x.is64[j] = a->idx[j]->dtype == CT_INT64;
    x.isize[j] = a->sizes[j];
    x.istride[j] = ct__byte_stride(a->strides[j], itemsize);
  }
  /* Serial dims first, then the others, each group in order; size-1 dims dropped, runs merged. */
  int32_t nd = 0, nser = 0;
  x.nser_total = 1;
  x.npar = 1;
  for (int32_t pass = 0; pass < 2; pass++) {
    int32_t group_start = nd;
    for (int32_t d = 0; d < ndim; d++) {
      bool serial = d >= a->serial_begin && d < a->serial_end;
      if (serial != (pass == 0) || dst->shape[d] == 1) continue;
      int64_t *row = x.st + (size_t)nd * (size_t)nops;
      for (int32_t op = 0; op < nops; op++) {
        const ct_tensor *t = op < 2 ? ops[op] : a->idx[op - 2];
        row[op] = ct__byte_stride(t->strides[d], ct__itemsize(t->dtype));
      }
      /* Merge into the previous dim of the group when every operand steps through both as one run. */
      bool merge = nd > group_start;
      for (int32_t op = 0; merge && op < nops; op++)
        merge = x.st[(size_t)(nd - 1) * nops + op] == row[op] * dst->shape[d];
      if (merge) {
        x.size[nd - 1] *= dst->shape[d];
        memcpy(x.st + (size_t)(nd - 1) * nops, row, (size_t)nops * sizeof(int64_t));
      } else {
        x.size[nd++] = dst->shape[d];
      }
    }
    if (pass == 0) nser = nd;
  }
  for (int32_t k = 0; k < nd; k++) *(k < nser ? &x.nser_total : &x.npar) *= x.size[k];
  /* Only serial dims: nothing may be split, so everything runs in order on this thread. */
  bool single = nser > 0 && x.npar == 1;
  if (single) {
    nser = 0;
    x.nser_total = 1;
  }
  if (nd == nser) {
    /* A single element per serial position: one parallel dim of size 1 carries the run. */
    x.size[nd] = 1;
    memset(x.st + (size_t)nd * nops, 0, (size_t)nops * sizeof(int64_t));
    nd++;
  }
  x.nd = nd;
  x.nser = nser;
  x.nvar = x.nconst = 0;
  for (int32_t j = 0; j < nidx; j++) {
    if (x.st[(size_t)(nd - 1) * nops + 2 + j] != 0)
      x.var[x.nvar++] = j;
    else
      x.cst[x.nconst++] = j;
  }
  int64_t npar = 1;
  for (int32_t k = nser; k < nd; k++) npar *= x.size[k];
  if (single) {
    ct_cpu_ix_range(0, npar, &x);
  } else {
    int64_t grain = CT_CPU_GRAIN / x.nser_total;
    ct__parallel_for(npar, grain > 0 ? grain : 1, ct_cpu_ix_range, &x);
  }
  bool oom = atomic_load(&x.oom);
  ct__free(mem);
  if (oom) return ct__error(CT_ERR_OUT_OF_MEMORY, "indexed_copy: out of memory for its counters");
  return CT_OK;
}

/* ---- nonzero tests ------------------------------------------------------------------------- */

/* Whether the element at p is nonzero, per dtype: NaN is, -0.0 is not. */
#define CT_CPU_NZ_PLAIN(T) (*(const T *)(const void *)p != 0)
static inline bool ct_cpu_nz(const char *p, ct_dtype dtype) {
  switch (dtype) {
    case CT_BOOL: case CT_UINT8: case CT_INT8: return *(const uint8_t *)p != 0;
    case CT_INT16: return CT_CPU_NZ_PLAIN(int16_t);
    case CT_FLOAT16: case CT_BFLOAT16: return (*(const uint16_t *)(const void *)p & 0x7fff) != 0;
    case CT_INT32: return CT_CPU_NZ_PLAIN(int32_t);
    case CT_FLOAT32: return CT_CPU_NZ_PLAIN(float);
    case CT_INT64: return CT_CPU_NZ_PLAIN(int64_t);
    case CT_FLOAT64: return CT_CPU_NZ_PLAIN(double);
    case CT_COMPLEX64: {
      const float *z = (const float *)(const void *)p;
      return z[0] != 0 || z[1] != 0;
    }
    default: {
      const double *z = (const double *)(const void *)p;
      return z[0] != 0 || z[1] != 0;
    }
  }
}

/*
 * Counting runs, one per dtype so that the test inlines: ctx is the running
 * count (int64_t), data[0] the elements.
 */
#define CT_CPU_COUNT_LOOP(name, dtype)                                                              \
  static void name(char **data, const int64_t *bstrides, int64_t n, void *ctx) {                    \
    int64_t c = 0;                                                                                  \
    for (int64_t i = 0; i < n; i++) c += ct_cpu_nz(data[0] + i * bstrides[0], dtype);               \
    *(int64_t *)ctx += c;                                                                           \
  }
CT_CPU_COUNT_LOOP(ct_cpu_count_1, CT_UINT8)
CT_CPU_COUNT_LOOP(ct_cpu_count_i16, CT_INT16)
CT_CPU_COUNT_LOOP(ct_cpu_count_h, CT_FLOAT16)
CT_CPU_COUNT_LOOP(ct_cpu_count_i32, CT_INT32)
CT_CPU_COUNT_LOOP(ct_cpu_count_f32, CT_FLOAT32)
CT_CPU_COUNT_LOOP(ct_cpu_count_i64, CT_INT64)
CT_CPU_COUNT_LOOP(ct_cpu_count_f64, CT_FLOAT64)
CT_CPU_COUNT_LOOP(ct_cpu_count_c64, CT_COMPLEX64)
CT_CPU_COUNT_LOOP(ct_cpu_count_c128, CT_COMPLEX128)

static ct__loop_fn ct_cpu_count_loop(ct_dtype dtype) {
  switch (dtype) {
    case CT_BOOL: case CT_UINT8: case CT_INT8: return ct_cpu_count_1;
    case CT_INT16: return ct_cpu_count_i16;
    case CT_FLOAT16: case CT_BFLOAT16: return ct_cpu_count_h;
    case CT_INT32: return ct_cpu_count_i32;
    case CT_FLOAT32: return ct_cpu_count_f32;
    case CT_INT64: return ct_cpu_count_i64;
    case CT_FLOAT64: return ct_cpu_count_f64;
    case CT_COMPLEX64: return ct_cpu_count_c64;
    default: return ct_cpu_count_c128;
  }
}

/* ---- block-wise walks (count, then write at each block's prefix) --------------------------- */

/* A walk over one or two operands of one shape, split in blocks of CT_CPU_BLOCK elements. */
typedef struct ct_cpu_blocks {
  ct_cpu_walk it;
  int64_t nblocks;
  int64_t *counts; /* nblocks: per block, then their exclusive prefix sums */
  ct__loop_fn count;
  const void *job; /* the write pass's facts */
  void (*write)(int64_t block, struct ct_cpu_blocks *b);
  _Atomic bool oom;
} ct_cpu_blocks;

static ct_status ct_cpu_blocks_init(ct_cpu_blocks *b, int32_t nops, const ct_tensor *const *ts,
                                    const char *fn) {
  CT_TRY(ct_cpu_walk_init(&b->it, nops, ts, fn));
  b->nblocks = (b->it.numel + CT_CPU_BLOCK - 1) / CT_CPU_BLOCK;
  b->counts = NULL;
  atomic_init(&b->oom, false);
  ct_status s = CT_OK;
  if (b->nblocks > 0) {
    s = ct__alloc_or_error((void **)&b->counts, (size_t)b->nblocks * sizeof(int64_t), fn, "block counts");
    if (s != CT_OK) ct_cpu_walk_free(&b->it);
  }
  return s;
}

static void ct_cpu_blocks_free(ct_cpu_blocks *b) {
  ct__free(b->counts);
  ct_cpu_walk_free(&b->it);
}

/* Walks block k's positions with loop (recording a failure to get counter memory). */
static void ct_cpu_blocks_walk(ct_cpu_blocks *b, int64_t k, ct__loop_fn loop, void *ctx) {
  int64_t lo = k * CT_CPU_BLOCK, hi = lo + CT_CPU_BLOCK < b->it.numel ? lo + CT_CPU_BLOCK : b->it.numel;
  if (!ct_cpu_walk_range(&b->it, lo, hi, loop, ctx)) atomic_store(&b->oom, true);
}

static void ct_cpu_blocks_count_range(int64_t begin, int64_t end, void *vb) {
  ct_cpu_blocks *b = vb;
  for (int64_t k = begin; k < end; k++) {
    b->counts[k] = 0;
    ct_cpu_blocks_walk(b, k, b->count, &b->counts[k]);
  }
}

/* Counts every block, turns the counts into starts, and returns the total. */
static int64_t ct_cpu_blocks_count(ct_cpu_blocks *b) {
  ct__parallel_for(b->nblocks, CT_CPU_GRAIN / CT_CPU_BLOCK + 1, ct_cpu_blocks_count_range, b);
  int64_t total = 0;
  for (int64_t k = 0; k < b->nblocks; k++) {
    int64_t c = b->counts[k];
    b->counts[k] = total;
    total += c;
  }
  return total;
}

static void ct_cpu_blocks_write_range(int64_t begin, int64_t end, void *vb) {
  ct_cpu_blocks *b = vb;
  for (int64_t k = begin; k < end; k++) b->write(k, b);
}

static void ct_cpu_blocks_write(ct_cpu_blocks *b) {
  ct__parallel_for(b->nblocks, 1, ct_cpu_blocks_write_range, b);
}

/* ---- count_nonzero and nonzero ------------------------------------------------------------- */

static ct_status ct_cpu_count_nonzero(int64_t *count, const ct_tensor *t) {
  *count = 0;
  ct_cpu_blocks b;
  CT_TRY(ct_cpu_blocks_init(&b, 1, &t, "count_nonzero"));
  b.count = ct_cpu_count_loop(t->dtype);
  *count = ct_cpu_blocks_count(&b);
  bool oom = atomic_load(&b.oom);
  ct_cpu_blocks_free(&b);
  if (oom) return ct__error(CT_ERR_OUT_OF_MEMORY, "count_nonzero: out of memory for its counters");
  return CT_OK;
}

typedef struct {
  const ct_tensor *t;
  int64_t *out; /* [count, ndim] */
} ct_cpu_nonzero_job;

/* The state of one block's write: the next row and the coordinates of the current element. */
typedef struct {
  ct_dtype dtype;
  int32_t ndim;
  const int64_t *shape;
  int64_t *row;
  int64_t *coord;
} ct_cpu_nonzero_ctx;

static void ct_cpu_nonzero_loop(char **data, const int64_t *bstrides, int64_t n, void *vctx) {
  ct_cpu_nonzero_ctx *c = vctx;
  int32_t nd = c->ndim;
  for (int64_t i = 0; i < n; i++) {
    if (ct_cpu_nz(data[0] + i * bstrides[0], c->dtype)) {
      memcpy(c->row, c->coord, (size_t)nd * sizeof(int64_t));
      c->row += nd;
    }
    for (int32_t d = nd - 1; d >= 0; d--) {
      if (++c->coord[d] < c->shape[d]) break;
      c->coord[d] = 0;
    }
  }
}

static void ct_cpu_nonzero_block(int64_t k, ct_cpu_blocks *b) {
  const ct_cpu_nonzero_job *job = b->job;
  const ct_tensor *t = job->t;
  int64_t coord_stack[CT__DIMS_INLINE], *coord = coord_stack;
  if (t->ndim > CT__DIMS_INLINE) {
    coord = ct__malloc((size_t)t->ndim * sizeof(int64_t));
    if (!coord) {
      atomic_store(&b->oom, true);
      return;
    }
  }
  int64_t rem = k * CT_CPU_BLOCK;
  for (int32_t d = t->ndim - 1; d >= 0; d--) {
    coord[d] = rem % t->shape[d];
    rem /= t->shape[d];
  }
  ct_cpu_nonzero_ctx c = {t->dtype, t->ndim, t->shape, job->out + b->counts[k] * t->ndim, coord};
  ct_cpu_blocks_walk(b, k, ct_cpu_nonzero_loop, &c);
  if (coord != coord_stack) ct__free(coord);
}

static ct_status ct_cpu_nonzero(ct_tensor *out, const ct_tensor *t) {
  ct_cpu_blocks b;
  CT_TRY(ct_cpu_blocks_init(&b, 1, &t, "nonzero"));
  b.count = ct_cpu_count_loop(t->dtype);
  ct_cpu_nonzero_job job = {t, (int64_t *)(void *)ct__data(out)};
  b.job = &job;
  b.write = ct_cpu_nonzero_block;
  ct_cpu_blocks_count(&b);
  ct_cpu_blocks_write(&b);
  bool oom = atomic_load(&b.oom);
  ct_cpu_blocks_free(&b);
  if (oom) return ct__error(CT_ERR_OUT_OF_MEMORY, "nonzero: out of memory for its counters");
  return CT_OK;
}

/* ---- masked_select ------------------------------------------------------------------------- */

/* Counts the true elements of the mask, operand 1 of the walk. */
static void ct_cpu_count_mask(char **data, const int64_t *bstrides, int64_t n, void *ctx) {
  int64_t c = 0;
  for (int64_t i = 0; i < n; i++) c += *(const uint8_t *)(data[1] + i * bstrides[1]) != 0;
  *(int64_t *)ctx += c;
}

/* Appends the elements of operand 0 where operand 1 is true; ctx is the output cursor. */
#define CT_CPU_SELECT_LOOP(name, T)                                                                 \
  static void name(char **data, const int64_t *bstrides, int64_t n, void *ctx) {                    \
    T *o = *(T **)ctx;                                                                              \
    for (int64_t i = 0; i < n; i++)                                                                 \
      if (*(const uint8_t *)(data[1] + i * bstrides[1])) *o++ = *(const T *)(const void *)(data[0] + i * bstrides[0]); \
    *(T **)ctx = o;                                                                                 \
  }
CT_CPU_SELECT_LOOP(ct_cpu_select_1, uint8_t)
CT_CPU_SELECT_LOOP(ct_cpu_select_2, uint16_t)
CT_CPU_SELECT_LOOP(ct_cpu_select_4, uint32_t)
CT_CPU_SELECT_LOOP(ct_cpu_select_8, uint64_t)
CT_CPU_SELECT_LOOP(ct_cpu_select_16, ct_cpu_u128)

typedef struct {
  char *out;
  int64_t itemsize;
  ct__loop_fn loop;
} ct_cpu_select_job;

static void ct_cpu_select_block(int64_t k, ct_cpu_blocks *b) {
  const ct_cpu_select_job *job = b->job;
  char *cursor = job->out + b->counts[k] * job->itemsize;
  ct_cpu_blocks_walk(b, k, job->loop, &cursor);
}

static ct_status ct_cpu_masked_select(ct_tensor *out, const ct_tensor *src, const ct_tensor *mask) {
  const ct_tensor *ts[2] = {src, mask};
  ct_cpu_blocks b;
  CT_TRY(ct_cpu_blocks_init(&b, 2, ts, "masked_select"));
  int64_t itemsize = ct__itemsize(src->dtype);
  ct__loop_fn loops[5] = {ct_cpu_select_1, ct_cpu_select_2, ct_cpu_select_4, ct_cpu_select_8, ct_cpu_select_16};
  ct_cpu_select_job job = {ct__data(out), itemsize,
                           loops[itemsize == 1 ? 0 : itemsize == 2 ? 1 : itemsize == 4 ? 2 : itemsize == 8 ? 3 : 4]};
  b.count = ct_cpu_count_mask;
  b.job = &job;
  b.write = ct_cpu_select_block;
  ct_cpu_blocks_count(&b);
  ct_cpu_blocks_write(&b);
  bool oom = atomic_load(&b.oom);
  ct_cpu_blocks_free(&b);
  if (oom) return ct__error(CT_ERR_OUT_OF_MEMORY, "masked_select: out of memory for its counters");
  return CT_OK;
}

/* ---- masked_fill --------------------------------------------------------------------------- */

#define CT_CPU_FILL_LOOP(name, T)                                                                   \
  static void name(char **data, const int64_t *bstrides, int64_t n, void *ctx) {                    \
    T v;                                                                                            \
    memcpy(&v, ctx, sizeof v);                                                                      \
    for (int64_t i = 0; i < n; i++)                                                                 \
      if (*(const uint8_t *)(data[1] + i * bstrides[1])) *(T *)(void *)(data[0] + i * bstrides[0]) = v; \
  }
CT_CPU_FILL_LOOP(ct_cpu_mfill_1, uint8_t)
CT_CPU_FILL_LOOP(ct_cpu_mfill_2, uint16_t)
CT_CPU_FILL_LOOP(ct_cpu_mfill_4, uint32_t)
CT_CPU_FILL_LOOP(ct_cpu_mfill_8, uint64_t)
CT_CPU_FILL_LOOP(ct_cpu_mfill_16, ct_cpu_u128)

typedef struct {
  ct__iter *it;
  ct__loop_fn loop;
  const void *value;
} ct_cpu_mfill_job;

static void ct_cpu_mfill_range(int64_t begin, int64_t end, void *vjob) {
  ct_cpu_mfill_job *job = vjob;
  ct__iter_range(job->it, begin, end, job->loop, (void *)job->value);
}

static ct_status ct_cpu_masked_fill(ct_tensor *dst, const ct_tensor *mask, const void *value) {
  ct__dims bs;
  CT_TRY(ct__dims_init(&bs, 2 * dst->ndim, "masked_fill"));
  ct_cpu_bstrides(bs.v, dst);
  ct_cpu_bstrides(bs.v + dst->ndim, mask);
  char *data[2] = {ct__data(dst), ct__data(mask)};
  const int64_t *st[2] = {bs.v, bs.v + dst->ndim};
  ct__iter it;
  ct_status s = ct__iter_init(&it, 2, data, st, dst->ndim, dst->shape, "masked_fill");
  ct__dims_free(&bs);
  CT_TRY(s);
  int64_t itemsize = ct__itemsize(dst->dtype);
  ct__loop_fn loops[5] = {ct_cpu_mfill_1, ct_cpu_mfill_2, ct_cpu_mfill_4, ct_cpu_mfill_8, ct_cpu_mfill_16};
  ct_cpu_mfill_job job = {&it, loops[itemsize == 1 ? 0 : itemsize == 2 ? 1 : itemsize == 4 ? 2 : itemsize == 8 ? 3 : 4],
                          value};
  ct__parallel_for(it.numel, CT_CPU_GRAIN, ct_cpu_mfill_range, &job);
  ct__iter_free(&it);
  return CT_OK;
}

const struct ct_backend_index_i ct_cpu_index = {
  .find_out_of_range = ct_cpu_find_out_of_range,
  .indexed_copy = ct_cpu_indexed_copy,
  .count_nonzero = ct_cpu_count_nonzero,
  .nonzero = ct_cpu_nonzero,
  .masked_select = ct_cpu_masked_select,
  .masked_fill = ct_cpu_masked_fill,
};
