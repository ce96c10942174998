/*
 * cpu_reduce.c: the CPU kernels of the reduce family: reductions, scans,
 * softmax, sort and unique.
 *
 * Reductions run on one engine. The reduced dims and the kept dims of x are
 * each sorted by stride and merged where memory allows, so that a
 * contiguous reduction becomes one long run per output. Two shapes of work
 * follow:
 * - inner: the reduced elements of an output lie along the smallest stride.
 *   Each output reduces runs of that dim (a vectorised pairwise loop per
 *   run), and the runs are combined pairwise (a binary counter of partial
 *   states).
 * - outer: a kept dim has the smallest stride. A tile of outputs along it is
 *   reduced together, row by row, into a vector of partial states, so that
 *   the loads stay contiguous and the loop vectorises across outputs (each
 *   output adds at most CT_CPU_RED_ROWS rows in a row).
 * The reduction of each output is cut into chunks of a FIXED size
 * (CT_CPU_RED_CHUNK elements, or CT_CPU_RED_ROWS rows), whatever the thread
 * count; threads take whole chunks, and the chunk results of an output are
 * combined pairwise in chunk order. The bits of every result therefore
 * depend on the shapes and strides only, never on ct_set_num_threads().
 *
 * An operation is a small table of functions over an opaque partial state
 * (ct_cpu_red_op): fresh state of a run, of a block of rows, the combination
 * of two states (the left one earlier), and the final value(s). The
 * functions are written once per operation as macros and instantiated per
 * dtype. float16 and bfloat16 load into float32; integer sums and products
 * wrap in 64 bits (computed unsigned, so that overflow is defined). The
 * float32/float64 sums and the float32 softmax also have hand-vectorised
 * forms at the SSE2 width and, picked at run time, the AVX2+FMA width: the
 * sums give the same bits at either width; the softmax's exponential fuses
 * its multiply-adds at the wider one, so its last bits follow the CPU (never
 * the thread count).
 *
 * Scans and softmax work on lines along one dim (side by side in tiles when
 * another dim is the contiguous one); sort and unique use a stable merge
 * sort of (key, position) pairs.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "cpu_internal.h"
#include "ct_reduce.h"

typedef float _Complex ct_cpu_c64;
typedef double _Complex ct_cpu_c128;

/* ---- loads ---------------------------------------------------------------------------------- */

static inline float ct_cpu_f32_from_bits(uint32_t u) {
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
}

static inline uint32_t ct_cpu_f32_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof u);
  return u;
}

/*
 * float16 to float32, exact, as ct__f16_to_f32 but without a loop: the
 * exponent and mantissa bits, moved into float32 position, are scaled by
 * 2^112 (which also normalises subnormals); infinities and NaNs (quietened)
 * are patched in afterwards.
 */
static inline float ct_cpu_h2f(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
  uint32_t em = h & 0x7FFFu;
  uint32_t bits = ct_cpu_f32_bits(ct_cpu_f32_from_bits(em << 13) * 0x1p112f);
  if (em >= 0x7C00u) bits = 0x7F800000u | (em << 13) | (em > 0x7C00u ? 0x400000u : 0u);
  return ct_cpu_f32_from_bits(bits | sign);
}

static inline float ct_cpu_bf2f(uint16_t b) { return ct_cpu_f32_from_bits((uint32_t)b << 16); }

/* Element loads: the value of one stored element in the type the kernels compute with. */
#define LD_BOOL(v) ((v) != 0)
#define LD_PLAIN(v) (v)
#define LD_F16(v) ct_cpu_h2f(v)
#define LD_BF16(v) ct_cpu_bf2f(v)

/* The element at byte offset off from p, of C type T. */
#define CT_CPU_AT(T, p, off) (*(const T *)(const void *)((p) + (off)))

/*
 * The real dtypes: X(DT, T, LOAD, V, NUM, NUM_DT, CMP, CMP_DT) with T the
 * stored type, V the loaded value's type, NUM the sum/product accumulator
 * (uint64_t for bool and integers: wrapping), CMP the type extrema compare
 * in.
 */
#define CT_CPU_INT_DTYPES(X)                                                                       \
  X(BOOL, uint8_t, LD_BOOL, int64_t, uint64_t, CT_INT64, uint8_t, CT_BOOL)                         \
  X(UINT8, uint8_t, LD_PLAIN, int64_t, uint64_t, CT_INT64, uint8_t, CT_UINT8)                      \
  X(INT8, int8_t, LD_PLAIN, int64_t, uint64_t, CT_INT64, int8_t, CT_INT8)                          \
  X(INT16, int16_t, LD_PLAIN, int64_t, uint64_t, CT_INT64, int16_t, CT_INT16)                      \
  X(INT32, int32_t, LD_PLAIN, int64_t, uint64_t, CT_INT64, int32_t, CT_INT32)                      \
  X(INT64, int64_t, LD_PLAIN, int64_t, uint64_t, CT_INT64, int64_t, CT_INT64)
#define CT_CPU_FLOAT_DTYPES(X)                                                                     \
  X(FLOAT16, uint16_t, LD_F16, float, float, CT_FLOAT32, float, CT_FLOAT32)                        \
  X(BFLOAT16, uint16_t, LD_BF16, float, float, CT_FLOAT32, float, CT_FLOAT32)                      \
  X(FLOAT32, float, LD_PLAIN, float, float, CT_FLOAT32, float, CT_FLOAT32)                         \
  X(FLOAT64, double, LD_PLAIN, double, double, CT_FLOAT64, double, CT_FLOAT64)
#define CT_CPU_COMPLEX_DTYPES(X)                                                                   \
  X(COMPLEX64, ct_cpu_c64, LD_PLAIN, ct_cpu_c64, ct_cpu_c64, CT_COMPLEX64, ct_cpu_c64,             \
    CT_COMPLEX64)                                                                                  \
  X(COMPLEX128, ct_cpu_c128, LD_PLAIN, ct_cpu_c128, ct_cpu_c128, CT_COMPLEX128, ct_cpu_c128,       \
    CT_COMPLEX128)
#define CT_CPU_REAL_DTYPES(X) CT_CPU_INT_DTYPES(X) CT_CPU_FLOAT_DTYPES(X)
#define CT_CPU_ALL_DTYPES(X) CT_CPU_REAL_DTYPES(X) CT_CPU_COMPLEX_DTYPES(X)

/* Complex products as PyTorch computes them (no C99 Annex G recovery of infinities). */
static inline ct_cpu_c64 ct_cpu_cmul64(ct_cpu_c64 a, ct_cpu_c64 b) {
  ct_cpu_c64 r;
  __real__ r = __real__ a * __real__ b - __imag__ a * __imag__ b;
  __imag__ r = __real__ a * __imag__ b + __imag__ a * __real__ b;
  return r;
}

static inline ct_cpu_c128 ct_cpu_cmul128(ct_cpu_c128 a, ct_cpu_c128 b) {
  ct_cpu_c128 r;
  __real__ r = __real__ a * __real__ b - __imag__ a * __imag__ b;
  __imag__ r = __real__ a * __imag__ b + __imag__ a * __real__ b;
  return r;
}

/* ---- the operation table and the engine ----------------------------------------------------- */

typedef struct ct_cpu_red_op {
  int32_t ssize;       /* bytes of one partial state (<= CT_CPU_RED_MAX_SSIZE) */
  ct_dtype fin1, fin2; /* dtypes fin writes (fin2 CT_DTYPE_NONE: one result) */
  /* st[0 .. n) = the state of an empty reduction. */
  void (*init)(void *st, int64_t n, const ct__reduce_args *a);
  /* st[0] = the state of n (>= 1) elements at p, bs bytes apart, the first at index base. */
  void (*run)(void *st, const char *p, int64_t n, int64_t bs, int64_t base,
              const ct__reduce_args *a);
  /*
   * st[j] (j < w) = the state of column j over nr (>= 1) rows: element (r, j)
   * at p + r * rs + j * cs, row 0 at index base.
   */
  void (*rows)(void *st, int64_t w, const char *p, int64_t cs, int64_t nr, int64_t rs, int64_t base,
               const ct__reduce_args *a);
  /* a[i] = a[i] then b[i] (a holds the earlier elements), i < n. */
  void (*comb)(void *a, const void *b, int64_t n, const ct__reduce_args *a_);
  /* o1[i] (of fin1) and o2[i] (of fin2, when there is one) from st[i] over m elements, i < n. */
  void (*fin)(void *o1, void *o2, const void *st, int64_t n, int64_t m, const ct__reduce_args *a);
} ct_cpu_red_op;

enum {
  CT_CPU_RED_MAX_SSIZE = 32,     /* largest state (variance: four doubles) */
  CT_CPU_RED_MAX_FSIZE = 16,     /* largest final value (complex128) */
  CT_CPU_LANES = 16,             /* independent accumulators in a run */
  CT_CPU_PW = 512,               /* pairwise leaf: runs longer than this are halved */
  CT_CPU_RED_CHUNK = 32768,      /* elements of one inner chunk */
  CT_CPU_RED_ROWS = 256,         /* rows of one outer chunk */
  CT_CPU_RED_TILE_BYTES = 16384, /* states of one outer tile */
  CT_CPU_RED_GRAIN = 32768,      /* elements of work worth a thread */
  CT_CPU_RED_STACK_DEPTH = 64
};

/* Partial states combined as a binary counter: level i holds 2^i consecutive states. */
typedef struct ct_cpu_red_stack {
  int64_t count;
  _Alignas(32) char lv[CT_CPU_RED_STACK_DEPTH][CT_CPU_RED_MAX_SSIZE];
} ct_cpu_red_stack;

static void ct_cpu_red_push(ct_cpu_red_stack *s, const void *st, const ct_cpu_red_op *op,
                            const ct__reduce_args *a) {
  _Alignas(32) char cur[CT_CPU_RED_MAX_SSIZE];
  memcpy(cur, st, (size_t)op->ssize);
  int lvl = 0;
  for (int64_t c = s->count; c & 1; c >>= 1, lvl++) {
    op->comb(s->lv[lvl], cur, 1, a);
    memcpy(cur, s->lv[lvl], (size_t)op->ssize);
  }
  memcpy(s->lv[lvl], cur, (size_t)op->ssize);
  s->count++;
}

/* res = every pushed state combined, earliest first (the empty state when none was pushed). */
static void ct_cpu_red_stack_result(const ct_cpu_red_stack *s, void *res, const ct_cpu_red_op *op,
                                    const ct__reduce_args *a) {
  if (s->count == 0) {
    op->init(res, 1, a);
    return;
  }
  bool first = true;
  for (int lvl = CT_CPU_RED_STACK_DEPTH - 1; lvl >= 0; lvl--) {
    if (!((s->count >> lvl) & 1)) continue;
    if (first)
      memcpy(res, s->lv[lvl], (size_t)op->ssize);
    else
      op->comb(res, s->lv[lvl], 1, a);
    first = false;
  }
}

/*
 * Dims of a reduction after sorting and merging, outermost first. Kept dims
 * carry the byte strides of x, out1 and out2; reduced dims those of x.
 */
typedef struct ct_cpu_red_geom {
  int32_t nk, nr;
  int64_t *ksize, *kxs, *ko1, *ko2, *rsize, *rxs;
  int64_t o, m;
  int64_t inline_buf[6 * CT__DIMS_INLINE];
  int64_t *heap;
} ct_cpu_red_geom;

static ct_status ct_cpu_red_geom_init(ct_cpu_red_geom *g, const ct_tensor *out1,
                                      const ct_tensor *out2, const ct_tensor *x,
                                      const bool *reduced, const char *fn) {
  int32_t nd = x->ndim;
  int64_t *buf = g->inline_buf;
  g->heap = NULL;
  if (nd > CT__DIMS_INLINE) {
    CT_TRY(ct__alloc_or_error((void **)&g->heap, 6 * (size_t)nd * sizeof(int64_t), fn, "dims"));
    buf = g->heap;
  }
  int32_t cap = nd > CT__DIMS_INLINE ? nd : CT__DIMS_INLINE;
  g->ksize = buf;
  g->kxs = buf + cap;
  g->ko1 = buf + 2 * cap;
  g->ko2 = buf + 3 * cap;
  g->rsize = buf + 4 * cap;
  g->rxs = buf + 5 * cap;
  int64_t xi = ct__itemsize(x->dtype), o1i = ct__itemsize(out1->dtype);
  int64_t o2i = out2 ? ct__itemsize(out2->dtype) : 0;
  g->nk = g->nr = 0;
  g->o = g->m = 1;
  for (int32_t d = 0; d < nd; d++) {
    int64_t s = x->shape[d];
    if (reduced[d]) {
      g->m *= s;
      if (s == 1) continue;
      g->rsize[g->nr] = s;
      g->rxs[g->nr++] = x->strides[d] * xi;
    } else {
      g->o *= s;
      if (s == 1) continue;
      g->ksize[g->nk] = s;
      g->kxs[g->nk] = x->strides[d] * xi;
      g->ko1[g->nk] = out1->strides[d] * o1i;
      g->ko2[g->nk++] = out2 ? out2->strides[d] * o2i : 0;
    }
  }
  if (g->m == 0) g->nr = 0;
  int64_t *kc[4] = {g->kxs, g->ksize, g->ko1, g->ko2};
  ct__sort_dims(g->nk, 4, kc, 0);
  int64_t *ks[3] = {g->kxs, g->ko1, g->ko2};
  g->nk = ct__merge_dims(g->nk, 3, g->ksize, ks);
  int64_t *rc[2] = {g->rxs, g->rsize};
  ct__sort_dims(g->nr, 2, rc, 0);
  int64_t *rs[1] = {g->rxs};
  g->nr = ct__merge_dims(g->nr, 1, g->rsize, rs);
  return CT_OK;
}

/* One reduction in flight: what every worker reads. */
typedef struct ct_cpu_red_job {
  const ct_cpu_red_op *op;
  const ct__reduce_args *args;
  const ct_cpu_red_geom *g;
  const char *x;
  char *o1, *o2;
  ct__loop_fn cast1, cast2;
  bool inner;
  int64_t nchunks, tile; /* outer: columns of a tile */
  int64_t ntiles;
  char *partials; /* nchunks * O states, chunk-major (nchunks > 1) */
  atomic_bool oom;
} ct_cpu_red_job;

/* Byte offsets of output o (row-major over the first nk kept dims) in x, out1 and out2. */
static void ct_cpu_red_offsets(const ct_cpu_red_geom *g, int32_t nk, int64_t o, int64_t *xo,
                               int64_t *o1o, int64_t *o2o) {
  int64_t a = 0, b = 0, c = 0;
  for (int32_t d = nk - 1; d >= 0 && o > 0; d--) {
    int64_t i = o % g->ksize[d];
    o /= g->ksize[d];
    a += i * g->kxs[d];
    b += i * g->ko1[d];
    c += i * g->ko2[d];
  }
  *xo = a;
  *o1o = b;
  *o2o = c;
}

/* Writes the final values of n states to out1 (and out2), stride1/stride2 bytes apart. */
static void ct_cpu_red_emit(const ct_cpu_red_job *j, char *o1, char *o2, int64_t s1, int64_t s2,
                            const void *st, int64_t n, char *fbuf) {
  const ct_cpu_red_op *op = j->op;
  int64_t f1 = ct__itemsize(op->fin1), f2 = op->fin2 >= 0 ? ct__itemsize(op->fin2) : 0;
  char *b1 = fbuf, *b2 = fbuf + n * f1;
  op->fin(b1, b2, st, n, j->g->m, j->args);
  char *d1[2] = {o1, b1};
  int64_t st1[2] = {s1, f1};
  j->cast1(d1, st1, n, NULL);
  if (o2 && j->cast2) {
    char *d2[2] = {o2, b2};
    int64_t st2[2] = {s2, f2};
    j->cast2(d2, st2, n, NULL);
  }
}

/* The state of the reduced elements [f0, f1) (flat over the reduced dims) starting at x. */
static void ct_cpu_red_inner_range(const ct_cpu_red_job *j, const char *x, int64_t f0, int64_t f1,
                                   void *res) {
  const ct_cpu_red_geom *g = j->g;
  const ct_cpu_red_op *op = j->op;
  int64_t len = g->nr ? g->rsize[g->nr - 1] : 1, rs = g->nr ? g->rxs[g->nr - 1] : 0;
  if (f1 - f0 <= len - f0 % len && f0 < f1) {
    /* One run: no combining needed. */
    int64_t pos = f0 % len, q = f0 / len, off = pos * rs;
    for (int32_t d = g->nr - 2; d >= 0; d--) {
      off += (q % g->rsize[d]) * g->rxs[d];
      q /= g->rsize[d];
    }
    op->run(res, x + off, f1 - f0, rs, pos, j->args);
    return;
  }
  ct_cpu_red_stack stk;
  stk.count = 0;
  _Alignas(32) char tmp[CT_CPU_RED_MAX_SSIZE];
  for (int64_t f = f0; f < f1;) {
    int64_t pos = f % len, q = f / len, off = pos * rs;
    for (int32_t d = g->nr - 2; d >= 0; d--) {
      off += (q % g->rsize[d]) * g->rxs[d];
      q /= g->rsize[d];
    }
    int64_t n = len - pos < f1 - f ? len - pos : f1 - f;
    op->run(tmp, x + off, n, rs, pos, j->args);
    ct_cpu_red_push(&stk, tmp, op, j->args);
    f += n;
  }
  ct_cpu_red_stack_result(&stk, res, op, j->args);
}

enum { CT_CPU_RED_GROUP = 256 }; /* outputs finished together */

static void ct_cpu_red_inner_cb(int64_t begin, int64_t end, void *ctx) {
  ct_cpu_red_job *j = ctx;
  const ct_cpu_red_geom *g = j->g;
  int64_t ss = j->op->ssize;
  _Alignas(32) char st[CT_CPU_RED_GROUP * CT_CPU_RED_MAX_SSIZE];
  _Alignas(32) char fbuf[CT_CPU_RED_GROUP * 2 * CT_CPU_RED_MAX_FSIZE];
  if (j->nchunks == 1) {
    /* Whole outputs: those along the innermost kept dim are finished together. */
    int64_t w0 = g->nk > 0 ? g->ksize[g->nk - 1] : 1, kx = g->nk > 0 ? g->kxs[g->nk - 1] : 0;
    int64_t s1 = g->nk > 0 ? g->ko1[g->nk - 1] : 0, s2 = g->nk > 0 ? g->ko2[g->nk - 1] : 0;
    for (int64_t o = begin; o < end;) {
      int64_t run = w0 - o % w0;
      if (run > end - o) run = end - o;
      if (run > CT_CPU_RED_GROUP) run = CT_CPU_RED_GROUP;
      int64_t xo, o1o, o2o;
      ct_cpu_red_offsets(g, g->nk, o, &xo, &o1o, &o2o);
      for (int64_t q = 0; q < run; q++)
        ct_cpu_red_inner_range(j, j->x + xo + q * kx, 0, g->m, st + q * ss);
      ct_cpu_red_emit(j, j->o1 + o1o, j->o2 ? j->o2 + o2o : NULL, s1, s2, st, run, fbuf);
      o += run;
    }
    return;
  }
  for (int64_t it = begin; it < end; it++) {
    int64_t o = it / j->nchunks, c = it % j->nchunks;
    int64_t xo, o1o, o2o;
    ct_cpu_red_offsets(g, g->nk, o, &xo, &o1o, &o2o);
    int64_t f0 = c * CT_CPU_RED_CHUNK,
            f1 = f0 + CT_CPU_RED_CHUNK < g->m ? f0 + CT_CPU_RED_CHUNK : g->m;
    ct_cpu_red_inner_range(j, j->x + xo, f0, f1, st);
    memcpy(j->partials + (c * g->o + o) * ss, st, (size_t)ss);
  }
}

static void ct_cpu_red_outer_cb(int64_t begin, int64_t end, void *ctx) {
  ct_cpu_red_job *j = ctx;
  const ct_cpu_red_geom *g = j->g;
  const ct_cpu_red_op *op = j->op;
  int64_t ss = op->ssize;
  char *ws = ct__malloc((size_t)(j->tile * (2 * ss + 2 * CT_CPU_RED_MAX_FSIZE)));
  if (!ws) {
    atomic_store(&j->oom, true);
    return;
  }
  char *st = ws, *tmp = ws + j->tile * ss, *fbuf = ws + 2 * j->tile * ss;
  int32_t k0 = g->nk - 1;
  int64_t w0 = g->ksize[k0], cs = g->kxs[k0];
  int64_t len = g->nr ? g->rsize[g->nr - 1] : 1, rs = g->nr ? g->rxs[g->nr - 1] : 0;
  for (int64_t it = begin; it < end; it++) {
    int64_t c = it % j->nchunks, t = (it / j->nchunks) % j->ntiles,
            oo = it / (j->nchunks * j->ntiles);
    int64_t xo, o1o, o2o;
    ct_cpu_red_offsets(g, k0, oo, &xo, &o1o, &o2o);
    int64_t c0 = t * j->tile, w = w0 - c0 < j->tile ? w0 - c0 : j->tile;
    const char *xb = j->x + xo + c0 * cs;
    int64_t f0 = c * CT_CPU_RED_ROWS,
            f1 = f0 + CT_CPU_RED_ROWS < g->m ? f0 + CT_CPU_RED_ROWS : g->m;
    bool first = true;
    for (int64_t f = f0; f < f1;) {
      int64_t pos = f % len, q = f / len, off = pos * rs;
      for (int32_t d = g->nr - 2; d >= 0; d--) {
        off += (q % g->rsize[d]) * g->rxs[d];
        q /= g->rsize[d];
      }
      int64_t n = len - pos < f1 - f ? len - pos : f1 - f;
      op->rows(first ? st : tmp, w, xb + off, cs, n, rs, pos, j->args);
      if (!first) op->comb(st, tmp, w, j->args);
      first = false;
      f += n;
    }
    if (j->nchunks == 1) {
      ct_cpu_red_emit(j, j->o1 + o1o + c0 * g->ko1[k0],
                      j->o2 ? j->o2 + o2o + c0 * g->ko2[k0] : NULL, g->ko1[k0], g->ko2[k0], st, w,
                      fbuf);
    } else {
      memcpy(j->partials + (c * g->o + oo * w0 + c0) * ss, st, (size_t)(w * ss));
    }
  }
  ct__free(ws);
}

/*
 * Combines the chunk states of output groups [begin, end) (CT_CPU_RED_GROUP
 * consecutive outputs each) pairwise in chunk order, a whole group per
 * step, and writes the results.
 */
static void ct_cpu_red_combine_cb(int64_t begin, int64_t end, void *ctx) {
  ct_cpu_red_job *j = ctx;
  const ct_cpu_red_geom *g = j->g;
  const ct_cpu_red_op *op = j->op;
  int64_t ss = op->ssize, gs = CT_CPU_RED_GROUP * ss;
  int depth = 1;
  while ((1LL << (depth - 1)) < j->nchunks) depth++;
  char *ws = ct__malloc((size_t)(depth * gs + CT_CPU_RED_GROUP * 2 * CT_CPU_RED_MAX_FSIZE));
  if (!ws) {
    atomic_store(&j->oom, true);
    return;
  }
  char *fbuf = ws + depth * gs;
  int64_t w0 = g->nk > 0 ? g->ksize[g->nk - 1] : 1;
  int64_t s1 = g->nk > 0 ? g->ko1[g->nk - 1] : 0, s2 = g->nk > 0 ? g->ko2[g->nk - 1] : 0;
  for (int64_t grp = begin; grp < end; grp++) {
    int64_t o0 = grp * CT_CPU_RED_GROUP,
            n = g->o - o0 < CT_CPU_RED_GROUP ? g->o - o0 : CT_CPU_RED_GROUP;
    /* The binary counter of ct_cpu_red_push, on whole groups: level l at ws + l * gs. */
    for (int64_t c = 0; c < j->nchunks; c++) {
      const char *cur = j->partials + (c * g->o + o0) * ss;
      int lvl = 0;
      for (int64_t cnt = c; cnt & 1; cnt >>= 1, lvl++) {
        op->comb(ws + lvl * gs, cur, n, j->args);
        cur = ws + lvl * gs;
      }
      if (cur != ws + lvl * gs) memcpy(ws + lvl * gs, cur, (size_t)(n * ss));
    }
    char *res = NULL;
    for (int lvl = depth - 1; lvl >= 0; lvl--) {
      if (!((j->nchunks >> lvl) & 1)) continue;
      if (!res)
        res = ws + lvl * gs;
      else
        op->comb(res, ws + lvl * gs, n, j->args);
    }
    /* Write runs of outputs along the innermost kept dim. */
    for (int64_t q = 0; q < n;) {
      int64_t o = o0 + q, run = w0 - o % w0 < n - q ? w0 - o % w0 : n - q;
      int64_t xo, o1o, o2o;
      ct_cpu_red_offsets(g, g->nk, o, &xo, &o1o, &o2o);
      ct_cpu_red_emit(j, j->o1 + o1o, j->o2 ? j->o2 + o2o : NULL, s1, s2, res + q * ss, run, fbuf);
      q += run;
    }
  }
  ct__free(ws);
}

static ct_status ct_cpu_red_run(const ct_cpu_red_op *op, ct_tensor *out1, ct_tensor *out2,
                                ct_tensor *x, const bool *reduced, const ct__reduce_args *args,
                                const char *fn) {
  ct_cpu_red_geom g;
  CT_TRY(ct_cpu_red_geom_init(&g, out1, out2, x, reduced, fn));
  if (g.o == 0) {
    ct__free(g.heap);
    return CT_OK;
  }
  ct_cpu_red_job j = {.op = op,
                      .args = args,
                      .g = &g,
                      .x = ct__data(x),
                      .o1 = ct__data(out1),
                      .o2 = out2 ? ct__data(out2) : NULL};
  atomic_init(&j.oom, false);
  j.cast1 = ct__cast_loop(out1->dtype, op->fin1);
  j.cast2 = out2 && op->fin2 >= 0 ? ct__cast_loop(out2->dtype, op->fin2) : NULL;
  /* Inner unless a kept dim has the smallest stride, or the runs are too short to pay. */
  j.inner = g.nk == 0 || g.m == 0 ||
            (g.nr > 0 && g.rxs[g.nr - 1] < g.kxs[g.nk - 1] && g.rsize[g.nr - 1] >= 16);
  int64_t nitems, work;
  if (j.inner) {
    j.nchunks = g.m > CT_CPU_RED_CHUNK ? (g.m + CT_CPU_RED_CHUNK - 1) / CT_CPU_RED_CHUNK : 1;
    nitems = g.o * j.nchunks;
    work = g.m < CT_CPU_RED_CHUNK ? g.m : CT_CPU_RED_CHUNK;
  } else {
    int64_t w0 = g.ksize[g.nk - 1];
    j.tile = CT_CPU_RED_TILE_BYTES / op->ssize;
    if (j.tile > w0) j.tile = w0;
    j.ntiles = (w0 + j.tile - 1) / j.tile;
    j.nchunks = (g.m + CT_CPU_RED_ROWS - 1) / CT_CPU_RED_ROWS;
    nitems = (g.o / w0) * j.ntiles * j.nchunks;
    work = (g.m < CT_CPU_RED_ROWS ? g.m : CT_CPU_RED_ROWS) * j.tile;
  }
  if (j.nchunks > 1) {
    ct_status s = ct__alloc_or_error((void **)&j.partials, (size_t)(g.o * j.nchunks * op->ssize),
                                     fn, "partial results");
    if (s != CT_OK) {
      ct__free(g.heap);
      return s;
    }
  }
  if (work < 1) work = 1;
  ct__parallel_for(nitems, (CT_CPU_RED_GRAIN + work - 1) / work,
                   j.inner ? ct_cpu_red_inner_cb : ct_cpu_red_outer_cb, &j);
  if (!atomic_load(&j.oom) && j.nchunks > 1) {
    int64_t groups = (g.o + CT_CPU_RED_GROUP - 1) / CT_CPU_RED_GROUP,
            per = j.nchunks * CT_CPU_RED_GROUP;
    ct__parallel_for(groups, (CT_CPU_RED_GRAIN + per - 1) / per, ct_cpu_red_combine_cb, &j);
  }
  ct__free(j.partials);
  ct__free(g.heap);
  if (atomic_load(&j.oom))
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cannot allocate a worker's tile", fn);
  return CT_OK;
}

/* ---- element operations ------------------------------------------------------------------- */

static inline bool ct_cpu_nan_f(float v) { return isnan(v); }
static inline bool ct_cpu_nan_d(double v) { return isnan(v); }
static inline bool ct_cpu_nan_i(int64_t v) {
  (void)v;
  return false;
}
/* Whether a loaded value is NaN (never for integers). */
#define CT_CPU_ISNAN(v)                                                                            \
  _Generic((v), float : ct_cpu_nan_f, double : ct_cpu_nan_d, default : ct_cpu_nan_i)(v)

/* The larger (smaller) of a and v, NaN winning, for float, double and the integers. */
static inline float ct_cpu_max_f(float a, float v) { return v > a || isnan(v) ? v : a; }
static inline double ct_cpu_max_d(double a, double v) { return v > a || isnan(v) ? v : a; }
static inline int64_t ct_cpu_max_i(int64_t a, int64_t v) { return v > a ? v : a; }
static inline float ct_cpu_min_f(float a, float v) { return v < a || isnan(v) ? v : a; }
static inline double ct_cpu_min_d(double a, double v) { return v < a || isnan(v) ? v : a; }
static inline int64_t ct_cpu_min_i(int64_t a, int64_t v) { return v < a ? v : a; }
#define CT_CPU_MAXNAN(a, v)                                                                        \
  _Generic((a), float : ct_cpu_max_f, double : ct_cpu_max_d, default : ct_cpu_max_i)((a), (v))
#define CT_CPU_MINNAN(a, v)                                                                        \
  _Generic((a), float : ct_cpu_min_f, double : ct_cpu_min_d, default : ct_cpu_min_i)((a), (v))

#define CT_CPU_ADD(a, v) ((a) + (v))
#define CT_CPU_AND_NZ(a, v) ((uint8_t)((a) & ((v) != 0)))
#define CT_CPU_OR_NZ(a, v) ((uint8_t)((a) | ((v) != 0)))
#define CT_CPU_AND(a, b) ((uint8_t)((a) & (b)))
#define CT_CPU_OR(a, b) ((uint8_t)((a) | (b)))
#define CT_CPU_ADD_NZ(a, v) ((a) + ((v) != 0))
#define CT_CPU_FIN_ID(s) (s)

/* Smallest and largest value of each real dtype: the identities of max and min. */
#define CT_CPU_LOWEST_BOOL 0
#define CT_CPU_LOWEST_UINT8 0
#define CT_CPU_LOWEST_INT8 INT8_MIN
#define CT_CPU_LOWEST_INT16 INT16_MIN
#define CT_CPU_LOWEST_INT32 INT32_MIN
#define CT_CPU_LOWEST_INT64 INT64_MIN
#define CT_CPU_LOWEST_FLOAT16 (-INFINITY)
#define CT_CPU_LOWEST_BFLOAT16 (-INFINITY)
#define CT_CPU_LOWEST_FLOAT32 (-INFINITY)
#define CT_CPU_LOWEST_FLOAT64 (-INFINITY)
#define CT_CPU_HIGHEST_BOOL 1
#define CT_CPU_HIGHEST_UINT8 UINT8_MAX
#define CT_CPU_HIGHEST_INT8 INT8_MAX
#define CT_CPU_HIGHEST_INT16 INT16_MAX
#define CT_CPU_HIGHEST_INT32 INT32_MAX
#define CT_CPU_HIGHEST_INT64 INT64_MAX
#define CT_CPU_HIGHEST_FLOAT16 INFINITY
#define CT_CPU_HIGHEST_BFLOAT16 INFINITY
#define CT_CPU_HIGHEST_FLOAT32 INFINITY
#define CT_CPU_HIGHEST_FLOAT64 INFINITY

/* ---- simple reductions: one accumulator per output ---------------------------------------- */

/*
 * NAME_pw(p, n, bs, ctx): the fold of n elements of type T, bs bytes apart:
 * CT_CPU_LANES independent accumulators (vectorisable), combined in a fixed
 * tree, and pairwise halving above CT_CPU_PW elements, so that float sums
 * stay accurate (2^24 float32 ones sum to exactly 2^24). ACC may read ctx.
 */
#define CT_CPU_RED_PW(NAME, T, A, LOAD, ID, ACC, COMB)                                             \
  static A NAME##_pw(const char *p, int64_t n, int64_t bs, const void *ctx) {                      \
    (void)ctx;                                                                                     \
    if (n > CT_CPU_PW) {                                                                           \
      int64_t h = (n / 2) & ~(int64_t)(CT_CPU_LANES - 1);                                          \
      A lo = NAME##_pw(p, h, bs, ctx);                                                             \
      A hi = NAME##_pw(p + h * bs, n - h, bs, ctx);                                                \
      return COMB(lo, hi);                                                                         \
    }                                                                                              \
    A acc[CT_CPU_LANES];                                                                           \
    for (int l = 0; l < CT_CPU_LANES; l++) acc[l] = (ID);                                          \
    int64_t i = 0;                                                                                 \
    if (bs == (int64_t)sizeof(T)) {                                                                \
      const T *q = (const T *)(const void *)p;                                                     \
      for (; i + CT_CPU_LANES <= n; i += CT_CPU_LANES)                                             \
        for (int l = 0; l < CT_CPU_LANES; l++) acc[l] = ACC(acc[l], LOAD(q[i + l]));               \
    } else {                                                                                       \
      for (; i + CT_CPU_LANES <= n; i += CT_CPU_LANES)                                             \
        for (int l = 0; l < CT_CPU_LANES; l++)                                                     \
          acc[l] = ACC(acc[l], LOAD(CT_CPU_AT(T, p, (i + l) * bs)));                               \
    }                                                                                              \
    for (int s = CT_CPU_LANES / 2; s > 0; s /= 2)                                                  \
      for (int l = 0; l < s; l++) acc[l] = COMB(acc[l], acc[l + s]);                               \
    A r = acc[0];                                                                                  \
    for (; i < n; i++) r = ACC(r, LOAD(CT_CPU_AT(T, p, i * bs)));                                  \
    return r;                                                                                      \
  }

/*
 * A reduction whose state is one accumulator A: identity ID, element fold
 * ACC(a, v), state combination COMB(a, b), final value FIN(s) of type F
 * (dtype F_DT; FIN may read m, the element count, and args).
 */
#define CT_CPU_RED_SIMPLE(NAME, T, A, LOAD, ID, ACC, COMB, F, F_DT, FIN)                           \
  CT_CPU_RED_PW(NAME, T, A, LOAD, ID, ACC, COMB)                                                   \
  static void NAME##_init(void *st, int64_t n, const ct__reduce_args *args) {                      \
    (void)args;                                                                                    \
    A *s = st;                                                                                     \
    for (int64_t i = 0; i < n; i++) s[i] = (ID);                                                   \
  }                                                                                                \
  static void NAME##_run(void *st, const char *p, int64_t n, int64_t bs, int64_t base,             \
                         const ct__reduce_args *args) {                                            \
    (void)base;                                                                                    \
    *(A *)st = NAME##_pw(p, n, bs, args);                                                          \
  }                                                                                                \
  static void NAME##_rows(void *st, int64_t w, const char *p, int64_t cs, int64_t nr, int64_t rs,  \
                          int64_t base, const ct__reduce_args *args) {                             \
    const void *ctx = args;                                                                        \
    (void)ctx;                                                                                     \
    (void)base;                                                                                    \
    A *s = st;                                                                                     \
    for (int64_t j = 0; j < w; j++) s[j] = (ID);                                                   \
    for (int64_t r = 0; r < nr; r++) {                                                             \
      const char *row = p + r * rs;                                                                \
      int64_t j = 0;                                                                               \
      if (cs == (int64_t)sizeof(T)) {                                                              \
        const T *q = (const T *)(const void *)row;                                                 \
        for (; j + CT_CPU_LANES <= w; j += CT_CPU_LANES)                                           \
          for (int l = 0; l < CT_CPU_LANES; l++) s[j + l] = ACC(s[j + l], LOAD(q[j + l]));         \
      }                                                                                            \
      for (; j < w; j++) s[j] = ACC(s[j], LOAD(CT_CPU_AT(T, row, j * cs)));                        \
    }                                                                                              \
  }                                                                                                \
  static void NAME##_comb(void *a_, const void *b_, int64_t n, const ct__reduce_args *args) {      \
    (void)args;                                                                                    \
    A *a = a_;                                                                                     \
    const A *b = b_;                                                                               \
    for (int64_t i = 0; i < n; i++) a[i] = COMB(a[i], b[i]);                                       \
  }                                                                                                \
  static void NAME##_fin(void *o1, void *o2, const void *st, int64_t n, int64_t m,                 \
                         const ct__reduce_args *args) {                                            \
    (void)o2;                                                                                      \
    (void)m;                                                                                       \
    (void)args;                                                                                    \
    F *o = o1;                                                                                     \
    const A *s = st;                                                                               \
    for (int64_t i = 0; i < n; i++) o[i] = FIN(s[i]);                                              \
  }                                                                                                \
  __attribute__((unused)) static const ct_cpu_red_op NAME = {                                      \
      (int32_t)sizeof(A), F_DT,        CT_DTYPE_NONE, NAME##_init,                                 \
      NAME##_run,         NAME##_rows, NAME##_comb,   NAME##_fin};

/* sum and prod, every dtype; mean (the sum's state, divided at the end), floating and complex. */
#define CT_CPU_MUL_uint64_t(a, b) ((a) * (uint64_t)(b))
#define CT_CPU_MUL_float(a, b) ((a) * (b))
#define CT_CPU_MUL_double(a, b) ((a) * (b))
#define CT_CPU_MUL_ct_cpu_c64(a, b) ct_cpu_cmul64((a), (b))
#define CT_CPU_MUL_ct_cpu_c128(a, b) ct_cpu_cmul128((a), (b))
#define CT_CPU_SUM_ACC(a, v) ((a) + (v))

#define CT_CPU_DEF_SUM(DT, T, LOAD, V, NUM, NUM_DT, CMP, CMP_DT)                                   \
  CT_CPU_RED_SIMPLE(ct_cpu_sum_##DT, T, NUM, LOAD, (NUM)0, CT_CPU_SUM_ACC, CT_CPU_ADD, NUM,        \
                    NUM_DT, CT_CPU_FIN_ID)                                                         \
  CT_CPU_RED_SIMPLE(ct_cpu_prod_##DT, T, NUM, LOAD, (NUM)1, CT_CPU_MUL_##NUM, CT_CPU_MUL_##NUM,    \
                    NUM, NUM_DT, CT_CPU_FIN_ID)
CT_CPU_ALL_DTYPES(CT_CPU_DEF_SUM)

/* The real type a complex (or real) accumulator divides by. */
#define CT_CPU_REAL_OF_float float
#define CT_CPU_REAL_OF_double double
#define CT_CPU_REAL_OF_ct_cpu_c64 float
#define CT_CPU_REAL_OF_ct_cpu_c128 double

#define CT_CPU_DEF_MEAN(DT, T, LOAD, V, NUM, NUM_DT, CMP, CMP_DT)                                  \
  static void ct_cpu_mean_##DT##_fin(void *o1, void *o2, const void *st, int64_t n, int64_t m,     \
                                     const ct__reduce_args *args) {                                \
    (void)o2;                                                                                      \
    (void)args;                                                                                    \
    NUM *o = o1;                                                                                   \
    const NUM *s = st;                                                                             \
    for (int64_t i = 0; i < n; i++) o[i] = s[i] / (CT_CPU_REAL_OF_##NUM)m;                         \
  }                                                                                                \
  __attribute__((unused)) static const ct_cpu_red_op ct_cpu_mean_##DT = {                          \
      (int32_t)sizeof(NUM),   NUM_DT,                                                              \
      CT_DTYPE_NONE,          ct_cpu_sum_##DT##_init,                                              \
      ct_cpu_sum_##DT##_run,  ct_cpu_sum_##DT##_rows,                                              \
      ct_cpu_sum_##DT##_comb, ct_cpu_mean_##DT##_fin};
CT_CPU_FLOAT_DTYPES(CT_CPU_DEF_MEAN)
CT_CPU_COMPLEX_DTYPES(CT_CPU_DEF_MEAN)

/* amax and amin, NaN propagating; every real dtype. */
#define CT_CPU_DEF_MINMAX(DT, T, LOAD, V, NUM, NUM_DT, CMP, CMP_DT)                                \
  CT_CPU_RED_SIMPLE(ct_cpu_max_##DT, T, CMP, LOAD, (CMP)CT_CPU_LOWEST_##DT, CT_CPU_MAXNAN,         \
                    CT_CPU_MAXNAN, CMP, CMP_DT, CT_CPU_FIN_ID)                                     \
  CT_CPU_RED_SIMPLE(ct_cpu_min_##DT, T, CMP, LOAD, (CMP)CT_CPU_HIGHEST_##DT, CT_CPU_MINNAN,        \
                    CT_CPU_MINNAN, CMP, CMP_DT, CT_CPU_FIN_ID)
CT_CPU_REAL_DTYPES(CT_CPU_DEF_MINMAX)

/* all, any and count_nonzero; every dtype (NaN is nonzero). */
#define CT_CPU_DEF_LOGICAL(DT, T, LOAD, V, NUM, NUM_DT, CMP, CMP_DT)                               \
  CT_CPU_RED_SIMPLE(ct_cpu_all_##DT, T, uint8_t, LOAD, (uint8_t)1, CT_CPU_AND_NZ, CT_CPU_AND,      \
                    uint8_t, CT_BOOL, CT_CPU_FIN_ID)                                               \
  CT_CPU_RED_SIMPLE(ct_cpu_any_##DT, T, uint8_t, LOAD, (uint8_t)0, CT_CPU_OR_NZ, CT_CPU_OR,        \
                    uint8_t, CT_BOOL, CT_CPU_FIN_ID)                                               \
  CT_CPU_RED_SIMPLE(ct_cpu_cnz_##DT, T, int64_t, LOAD, (int64_t)0, CT_CPU_ADD_NZ, CT_CPU_ADD,      \
                    int64_t, CT_INT64, CT_CPU_FIN_ID)
CT_CPU_ALL_DTYPES(CT_CPU_DEF_LOGICAL)

/* Vector norms; floating and complex dtypes, accumulating in float (double for 64-bit parts). */
static inline float ct_cpu_cabs64(ct_cpu_c64 v) { return hypotf(__real__ v, __imag__ v); }
static inline double ct_cpu_cabs128(ct_cpu_c128 v) { return hypot(__real__ v, __imag__ v); }
static inline float ct_cpu_sq_f(float v) { return v * v; }
static inline double ct_cpu_sq_d(double v) { return v * v; }
static inline float ct_cpu_csq64(ct_cpu_c64 v) {
  return __real__ v * __real__ v + __imag__ v * __imag__ v;
}
static inline double ct_cpu_csq128(ct_cpu_c128 v) {
  return __real__ v * __real__ v + __imag__ v * __imag__ v;
}
#define CT_CPU_ABS(v)                                                                              \
  _Generic((v), float                                                                              \
           : fabsf, double                                                                         \
           : fabs, ct_cpu_c64                                                                      \
           : ct_cpu_cabs64, ct_cpu_c128                                                            \
           : ct_cpu_cabs128)(v)
#define CT_CPU_SQ(v)                                                                               \
  _Generic((v), float                                                                              \
           : ct_cpu_sq_f, double                                                                   \
           : ct_cpu_sq_d, ct_cpu_c64                                                               \
           : ct_cpu_csq64, ct_cpu_c128                                                             \
           : ct_cpu_csq128)(v)
#define CT_CPU_POW(a, p) _Generic((a), float : powf, double : pow)((a), (p))
#define CT_CPU_SQRT(a) _Generic((a), float : sqrtf, double : sqrt)(a)
#define CT_CPU_NORM_P(ctx) (((const ct__reduce_args *)(ctx))->p)

#define CT_CPU_N1_ACC(a, v) ((a) + CT_CPU_ABS(v))
#define CT_CPU_N2_ACC(a, v) ((a) + CT_CPU_SQ(v))
#define CT_CPU_N2_FIN(s) CT_CPU_SQRT(s)
#define CT_CPU_NINF_ACC(a, v) CT_CPU_MAXNAN((a), CT_CPU_ABS(v))
#define CT_CPU_NNEGINF_ACC(a, v) CT_CPU_MINNAN((a), CT_CPU_ABS(v))
#define CT_CPU_N0_ACC(a, v) ((a) + (__typeof__(a))((v) != 0))
#define CT_CPU_NP_ACC(a, v) ((a) + CT_CPU_POW(CT_CPU_ABS(v), (__typeof__(a))CT_CPU_NORM_P(ctx)))
#define CT_CPU_NP_FIN(s) CT_CPU_POW((s), (__typeof__(s))(1.0 / args->p))

#define CT_CPU_NORM_DTYPES(X)                                                                      \
  X(FLOAT16, uint16_t, LD_F16, float, CT_FLOAT32)                                                  \
  X(BFLOAT16, uint16_t, LD_BF16, float, CT_FLOAT32)                                                \
  X(FLOAT32, float, LD_PLAIN, float, CT_FLOAT32)                                                   \
  X(FLOAT64, double, LD_PLAIN, double, CT_FLOAT64)                                                 \
  X(COMPLEX64, ct_cpu_c64, LD_PLAIN, float, CT_FLOAT32)                                            \
  X(COMPLEX128, ct_cpu_c128, LD_PLAIN, double, CT_FLOAT64)

#define CT_CPU_DEF_NORM(DT, T, LOAD, R, R_DT)                                                      \
  CT_CPU_RED_SIMPLE(ct_cpu_n1_##DT, T, R, LOAD, (R)0, CT_CPU_N1_ACC, CT_CPU_ADD, R, R_DT,          \
                    CT_CPU_FIN_ID)                                                                 \
  CT_CPU_RED_SIMPLE(ct_cpu_n2_##DT, T, R, LOAD, (R)0, CT_CPU_N2_ACC, CT_CPU_ADD, R, R_DT,          \
                    CT_CPU_N2_FIN)                                                                 \
  CT_CPU_RED_SIMPLE(ct_cpu_ninf_##DT, T, R, LOAD, (R)0, CT_CPU_NINF_ACC, CT_CPU_MAXNAN, R, R_DT,   \
                    CT_CPU_FIN_ID)                                                                 \
  CT_CPU_RED_SIMPLE(ct_cpu_nneginf_##DT, T, R, LOAD, (R)INFINITY, CT_CPU_NNEGINF_ACC,              \
                    CT_CPU_MINNAN, R, R_DT, CT_CPU_FIN_ID)                                         \
  CT_CPU_RED_SIMPLE(ct_cpu_n0_##DT, T, R, LOAD, (R)0, CT_CPU_N0_ACC, CT_CPU_ADD, R, R_DT,          \
                    CT_CPU_FIN_ID)                                                                 \
  CT_CPU_RED_SIMPLE(ct_cpu_np_##DT, T, R, LOAD, (R)0, CT_CPU_NP_ACC, CT_CPU_ADD, R, R_DT,          \
                    CT_CPU_NP_FIN)
CT_CPU_NORM_DTYPES(CT_CPU_DEF_NORM)

/* ---- variance: two passes per run, runs merged by Chan's formula -------------------------- */

/*
 * The state of a variance: the count, the mean (real and imaginary parts)
 * and the sum of squared distances from the mean, all in double. A run is
 * done in two passes (its mean, then the squared distances from it), so a
 * large mean costs no accuracy; runs and chunks merge pairwise.
 */
typedef struct ct_cpu_var_st {
  double n, mre, mim, m2;
} ct_cpu_var_st;

static void ct_cpu_var_init(void *st, int64_t n, const ct__reduce_args *args) {
  (void)args;
  ct_cpu_var_st *s = st;
  for (int64_t i = 0; i < n; i++) s[i] = (ct_cpu_var_st){0, 0, 0, 0};
}

static void ct_cpu_var_comb(void *a_, const void *b_, int64_t n, const ct__reduce_args *args) {
  (void)args;
  ct_cpu_var_st *a = a_;
  const ct_cpu_var_st *b = b_;
  for (int64_t i = 0; i < n; i++) {
    if (b[i].n == 0) continue;
    if (a[i].n == 0) {
      a[i] = b[i];
      continue;
    }
    double tot = a[i].n + b[i].n, f = b[i].n / tot;
    double dre = b[i].mre - a[i].mre, dim = b[i].mim - a[i].mim;
    a[i].m2 += b[i].m2 + (dre * dre + dim * dim) * a[i].n * f;
    a[i].mre += dre * f;
    a[i].mim += dim * f;
    a[i].n = tot;
  }
}

/* out1 = variance (or its root, for CT__RED_STD) as float64; out2 = the mean. */
static void ct_cpu_var_fin_common(double *o, const ct_cpu_var_st *s, int64_t n,
                                  const ct__reduce_args *args) {
  for (int64_t i = 0; i < n; i++) {
    double dof = s[i].n - args->correction;
    double v = s[i].m2 / (dof > 0 ? dof : 0);
    o[i] = args->kind == CT__RED_STD ? sqrt(v) : v;
  }
}

static void ct_cpu_var_fin_real(void *o1, void *o2, const void *st, int64_t n, int64_t m,
                                const ct__reduce_args *args) {
  (void)m;
  const ct_cpu_var_st *s = st;
  ct_cpu_var_fin_common(o1, s, n, args);
  double *mean = o2;
  for (int64_t i = 0; i < n; i++) mean[i] = s[i].n > 0 ? s[i].mre : NAN;
}

static void ct_cpu_var_fin_complex(void *o1, void *o2, const void *st, int64_t n, int64_t m,
                                   const ct__reduce_args *args) {
  (void)m;
  const ct_cpu_var_st *s = st;
  ct_cpu_var_fin_common(o1, s, n, args);
  double *mean = o2;
  for (int64_t i = 0; i < n; i++) {
    mean[2 * i] = s[i].n > 0 ? s[i].mre : NAN;
    mean[2 * i + 1] = s[i].n > 0 ? s[i].mim : NAN;
  }
}

static inline double ct_cpu_sqdev_d(double v, const void *mean) {
  double d = v - *(const double *)mean;
  return d * d;
}
static inline double ct_cpu_sqdev_c(ct_cpu_c128 v, const void *mean) {
  const double *m = mean;
  double dr = __real__ v - m[0], di = __imag__ v - m[1];
  return dr * dr + di * di;
}
#define CT_CPU_VAR_SQ_ACC(a, v)                                                                    \
  ((a) + _Generic((v), ct_cpu_c64                                                                  \
                  : ct_cpu_sqdev_c, ct_cpu_c128                                                    \
                  : ct_cpu_sqdev_c, default                                                        \
                  : ct_cpu_sqdev_d)((v), ctx))

/* VA: double for real dtypes, ct_cpu_c128 for complex ones. */
#define CT_CPU_DEF_VAR(DT, T, LOAD, VA, FIN, MEAN_DT)                                              \
  CT_CPU_RED_PW(ct_cpu_vsum_##DT, T, VA, LOAD, (VA)0, CT_CPU_SUM_ACC, CT_CPU_ADD)                  \
  CT_CPU_RED_PW(ct_cpu_vsq_##DT, T, double, LOAD, 0.0, CT_CPU_VAR_SQ_ACC, CT_CPU_ADD)              \
  static void ct_cpu_var_##DT##_run(void *st, const char *p, int64_t n, int64_t bs, int64_t base,  \
                                    const ct__reduce_args *args) {                                 \
    (void)base;                                                                                    \
    (void)args;                                                                                    \
    VA mean = ct_cpu_vsum_##DT##_pw(p, n, bs, NULL) / (double)n;                                   \
    double m[2] = {__real__ mean, __imag__ mean};                                                  \
    *(ct_cpu_var_st *)st =                                                                         \
        (ct_cpu_var_st){(double)n, m[0], m[1], ct_cpu_vsq_##DT##_pw(p, n, bs, m)};                 \
  }                                                                                                \
  static void ct_cpu_var_##DT##_rows(void *st, int64_t w, const char *p, int64_t cs, int64_t nr,   \
                                     int64_t rs, int64_t base, const ct__reduce_args *args) {      \
    (void)base;                                                                                    \
    (void)args;                                                                                    \
    ct_cpu_var_st *s = st;                                                                         \
    for (int64_t j = 0; j < w; j++) s[j] = (ct_cpu_var_st){(double)nr, 0, 0, 0};                   \
    for (int64_t r = 0; r < nr; r++)                                                               \
      for (int64_t j = 0; j < w; j++) {                                                            \
        VA v = LOAD(CT_CPU_AT(T, p, r * rs + j * cs));                                             \
        s[j].mre += __real__ v;                                                                    \
        s[j].mim += __imag__ v;                                                                    \
      }                                                                                            \
    for (int64_t j = 0; j < w; j++) {                                                              \
      s[j].mre /= (double)nr;                                                                      \
      s[j].mim /= (double)nr;                                                                      \
    }                                                                                              \
    for (int64_t r = 0; r < nr; r++)                                                               \
      for (int64_t j = 0; j < w; j++) {                                                            \
        VA v = LOAD(CT_CPU_AT(T, p, r * rs + j * cs));                                             \
        double dr = __real__ v - s[j].mre, di = __imag__ v - s[j].mim;                             \
        s[j].m2 += dr * dr + di * di;                                                              \
      }                                                                                            \
  }                                                                                                \
  static const ct_cpu_red_op ct_cpu_var_##DT = {(int32_t)sizeof(ct_cpu_var_st),                    \
                                                CT_FLOAT64,                                        \
                                                MEAN_DT,                                           \
                                                ct_cpu_var_init,                                   \
                                                ct_cpu_var_##DT##_run,                             \
                                                ct_cpu_var_##DT##_rows,                            \
                                                ct_cpu_var_comb,                                   \
                                                FIN};
CT_CPU_DEF_VAR(FLOAT16, uint16_t, LD_F16, double, ct_cpu_var_fin_real, CT_FLOAT64)
CT_CPU_DEF_VAR(BFLOAT16, uint16_t, LD_BF16, double, ct_cpu_var_fin_real, CT_FLOAT64)
CT_CPU_DEF_VAR(FLOAT32, float, LD_PLAIN, double, ct_cpu_var_fin_real, CT_FLOAT64)
CT_CPU_DEF_VAR(FLOAT64, double, LD_PLAIN, double, ct_cpu_var_fin_real, CT_FLOAT64)
CT_CPU_DEF_VAR(COMPLEX64, ct_cpu_c64, LD_PLAIN, ct_cpu_c128, ct_cpu_var_fin_complex, CT_COMPLEX128)
CT_CPU_DEF_VAR(COMPLEX128, ct_cpu_c128, LD_PLAIN, ct_cpu_c128, ct_cpu_var_fin_complex,
               CT_COMPLEX128)

/* ---- logsumexp: the maximum, and the sum of exp(x - maximum) ------------------------------ */

#define CT_CPU_EXP(a) _Generic((a), float : expf, double : exp)(a)
#define CT_CPU_LOG(a) _Generic((a), float : logf, double : log)(a)
#define CT_CPU_LSE_ACC(a, v) ((a) + CT_CPU_EXP((__typeof__(a))(v) - *(const __typeof__(a) *)ctx))

/*
 * State {m, s}: the largest element and sum(exp(x - m)); m = -inf means no
 * finite weight (s = 0), m = +inf an infinite result (s = 1), NaN a NaN.
 */
#define CT_CPU_DEF_LSE(DT, T, LOAD, R, R_DT)                                                       \
  typedef struct ct_cpu_lse_##DT##_st {                                                            \
    R m, s;                                                                                        \
  } ct_cpu_lse_##DT##_st;                                                                          \
  CT_CPU_RED_PW(ct_cpu_lsemax_##DT, T, R, LOAD, (R)-INFINITY, CT_CPU_MAXNAN, CT_CPU_MAXNAN)        \
  CT_CPU_RED_PW(ct_cpu_lsesum_##DT, T, R, LOAD, (R)0, CT_CPU_LSE_ACC, CT_CPU_ADD)                  \
  static void ct_cpu_lse_##DT##_fix(ct_cpu_lse_##DT##_st *s) {                                     \
    if (isnan(s->m))                                                                               \
      s->s = s->m;                                                                                 \
    else if (isinf(s->m))                                                                          \
      s->s = s->m > 0 ? 1 : 0;                                                                     \
  }                                                                                                \
  static void ct_cpu_lse_##DT##_init(void *st, int64_t n, const ct__reduce_args *args) {           \
    (void)args;                                                                                    \
    ct_cpu_lse_##DT##_st *s = st;                                                                  \
    for (int64_t i = 0; i < n; i++) s[i] = (ct_cpu_lse_##DT##_st){-INFINITY, 0};                   \
  }                                                                                                \
  static void ct_cpu_lse_##DT##_run(void *st, const char *p, int64_t n, int64_t bs, int64_t base,  \
                                    const ct__reduce_args *args) {                                 \
    (void)base;                                                                                    \
    (void)args;                                                                                    \
    ct_cpu_lse_##DT##_st *s = st;                                                                  \
    s->m = ct_cpu_lsemax_##DT##_pw(p, n, bs, NULL);                                                \
    if (isfinite(s->m))                                                                            \
      s->s = ct_cpu_lsesum_##DT##_pw(p, n, bs, &s->m);                                             \
    else                                                                                           \
      ct_cpu_lse_##DT##_fix(s);                                                                    \
  }                                                                                                \
  static void ct_cpu_lse_##DT##_rows(void *st, int64_t w, const char *p, int64_t cs, int64_t nr,   \
                                     int64_t rs, int64_t base, const ct__reduce_args *args) {      \
    (void)base;                                                                                    \
    (void)args;                                                                                    \
    ct_cpu_lse_##DT##_st *s = st;                                                                  \
    for (int64_t j = 0; j < w; j++) s[j] = (ct_cpu_lse_##DT##_st){-INFINITY, 0};                   \
    for (int64_t r = 0; r < nr; r++)                                                               \
      for (int64_t j = 0; j < w; j++)                                                              \
        s[j].m = CT_CPU_MAXNAN(s[j].m, (R)LOAD(CT_CPU_AT(T, p, r * rs + j * cs)));                 \
    for (int64_t r = 0; r < nr; r++)                                                               \
      for (int64_t j = 0; j < w; j++)                                                              \
        s[j].s += CT_CPU_EXP((R)LOAD(CT_CPU_AT(T, p, r * rs + j * cs)) - s[j].m);                  \
    for (int64_t j = 0; j < w; j++) ct_cpu_lse_##DT##_fix(&s[j]);                                  \
  }                                                                                                \
  static void ct_cpu_lse_##DT##_comb(void *a_, const void *b_, int64_t n,                          \
                                     const ct__reduce_args *args) {                                \
    (void)args;                                                                                    \
    ct_cpu_lse_##DT##_st *a = a_;                                                                  \
    const ct_cpu_lse_##DT##_st *b = b_;                                                            \
    for (int64_t i = 0; i < n; i++) {                                                              \
      if (isnan(a[i].m) || isnan(b[i].m)) {                                                        \
        a[i].m = a[i].s = (R)NAN;                                                                  \
      } else if (b[i].m == -INFINITY) {                                                            \
      } else if (a[i].m == -INFINITY) {                                                            \
        a[i] = b[i];                                                                               \
      } else if (a[i].m == INFINITY || b[i].m == INFINITY) {                                       \
        a[i].m = (R)INFINITY;                                                                      \
        a[i].s = 1;                                                                                \
      } else {                                                                                     \
        R mx = a[i].m > b[i].m ? a[i].m : b[i].m;                                                  \
        a[i].s = a[i].s * CT_CPU_EXP(a[i].m - mx) + b[i].s * CT_CPU_EXP(b[i].m - mx);              \
        a[i].m = mx;                                                                               \
      }                                                                                            \
    }                                                                                              \
  }                                                                                                \
  static void ct_cpu_lse_##DT##_fin(void *o1, void *o2, const void *st, int64_t n, int64_t m,      \
                                    const ct__reduce_args *args) {                                 \
    (void)o2;                                                                                      \
    (void)m;                                                                                       \
    (void)args;                                                                                    \
    R *o = o1;                                                                                     \
    const ct_cpu_lse_##DT##_st *s = st;                                                            \
    for (int64_t i = 0; i < n; i++) o[i] = s[i].m + CT_CPU_LOG(s[i].s);                            \
  }                                                                                                \
  static const ct_cpu_red_op ct_cpu_lse_##DT = {(int32_t)sizeof(ct_cpu_lse_##DT##_st),             \
                                                R_DT,                                              \
                                                CT_DTYPE_NONE,                                     \
                                                ct_cpu_lse_##DT##_init,                            \
                                                ct_cpu_lse_##DT##_run,                             \
                                                ct_cpu_lse_##DT##_rows,                            \
                                                ct_cpu_lse_##DT##_comb,                            \
                                                ct_cpu_lse_##DT##_fin};
CT_CPU_DEF_LSE(FLOAT16, uint16_t, LD_F16, float, CT_FLOAT32)
CT_CPU_DEF_LSE(BFLOAT16, uint16_t, LD_BF16, float, CT_FLOAT32)
CT_CPU_DEF_LSE(FLOAT32, float, LD_PLAIN, float, CT_FLOAT32)
CT_CPU_DEF_LSE(FLOAT64, double, LD_PLAIN, double, CT_FLOAT64)

/* ---- argmax and argmin: the best value and its first index -------------------------------- */

#define CT_CPU_ARGMAX_BETTER(v, a) ((v) > (a) || (CT_CPU_ISNAN(v) && !CT_CPU_ISNAN(a)))
#define CT_CPU_ARGMIN_BETTER(v, a) ((v) < (a) || (CT_CPU_ISNAN(v) && !CT_CPU_ISNAN(a)))

/*
 * State {v, i}. Within a run each of CT_CPU_LANES lanes keeps its first best
 * element; lanes and states then combine by value, ties (equal values, or
 * both NaN) going to the smaller index.
 */
#define CT_CPU_DEF_ARG(NAME, DT, T, LOAD, CMP, CMP_DT, BETTER)                                     \
  typedef struct NAME##_st {                                                                       \
    CMP v;                                                                                         \
    int64_t i;                                                                                     \
  } NAME##_st;                                                                                     \
  static inline bool NAME##_wins(CMP v, int64_t vi, CMP a, int64_t ai) {                           \
    return BETTER(v, a) || (!BETTER(a, v) && vi < ai);                                             \
  }                                                                                                \
  static void NAME##_init(void *st, int64_t n, const ct__reduce_args *args) {                      \
    (void)args;                                                                                    \
    NAME##_st *s = st;                                                                             \
    for (int64_t i = 0; i < n; i++) s[i] = (NAME##_st){(CMP)0, 0};                                 \
  }                                                                                                \
  static void NAME##_run(void *st, const char *p, int64_t n, int64_t bs, int64_t base,             \
                         const ct__reduce_args *args) {                                            \
    (void)args;                                                                                    \
    CMP best = LOAD(CT_CPU_AT(T, p, 0));                                                           \
    int64_t bi = 0, i = 1;                                                                         \
    if (n >= 2 * CT_CPU_LANES) {                                                                   \
      CMP v[CT_CPU_LANES];                                                                         \
      int64_t ix[CT_CPU_LANES];                                                                    \
      for (int l = 0; l < CT_CPU_LANES; l++) {                                                     \
        v[l] = LOAD(CT_CPU_AT(T, p, l * bs));                                                      \
        ix[l] = l;                                                                                 \
      }                                                                                            \
      for (i = CT_CPU_LANES; i + CT_CPU_LANES <= n; i += CT_CPU_LANES)                             \
        for (int l = 0; l < CT_CPU_LANES; l++) {                                                   \
          CMP x = LOAD(CT_CPU_AT(T, p, (i + l) * bs));                                             \
          if (BETTER(x, v[l])) {                                                                   \
            v[l] = x;                                                                              \
            ix[l] = i + l;                                                                         \
          }                                                                                        \
        }                                                                                          \
      best = v[0];                                                                                 \
      bi = ix[0];                                                                                  \
      for (int l = 1; l < CT_CPU_LANES; l++)                                                       \
        if (NAME##_wins(v[l], ix[l], best, bi)) {                                                  \
          best = v[l];                                                                             \
          bi = ix[l];                                                                              \
        }                                                                                          \
    }                                                                                              \
    for (; i < n; i++) {                                                                           \
      CMP x = LOAD(CT_CPU_AT(T, p, i * bs));                                                       \
      if (BETTER(x, best)) {                                                                       \
        best = x;                                                                                  \
        bi = i;                                                                                    \
      }                                                                                            \
    }                                                                                              \
    *(NAME##_st *)st = (NAME##_st){best, base + bi};                                               \
  }                                                                                                \
  static void NAME##_rows(void *st, int64_t w, const char *p, int64_t cs, int64_t nr, int64_t rs,  \
                          int64_t base, const ct__reduce_args *args) {                             \
    (void)args;                                                                                    \
    NAME##_st *s = st;                                                                             \
    for (int64_t j = 0; j < w; j++) s[j] = (NAME##_st){LOAD(CT_CPU_AT(T, p, j * cs)), base};       \
    for (int64_t r = 1; r < nr; r++)                                                               \
      for (int64_t j = 0; j < w; j++) {                                                            \
        CMP x = LOAD(CT_CPU_AT(T, p, r * rs + j * cs));                                            \
        if (BETTER(x, s[j].v)) s[j] = (NAME##_st){x, base + r};                                    \
      }                                                                                            \
  }                                                                                                \
  static void NAME##_comb(void *a_, const void *b_, int64_t n, const ct__reduce_args *args) {      \
    (void)args;                                                                                    \
    NAME##_st *a = a_;                                                                             \
    const NAME##_st *b = b_;                                                                       \
    for (int64_t i = 0; i < n; i++)                                                                \
      if (NAME##_wins(b[i].v, b[i].i, a[i].v, a[i].i)) a[i] = b[i];                                \
  }                                                                                                \
  static void NAME##_fin(void *o1, void *o2, const void *st, int64_t n, int64_t m,                 \
                         const ct__reduce_args *args) {                                            \
    (void)m;                                                                                       \
    (void)args;                                                                                    \
    int64_t *idx = o1;                                                                             \
    CMP *val = o2;                                                                                 \
    const NAME##_st *s = st;                                                                       \
    for (int64_t i = 0; i < n; i++) {                                                              \
      idx[i] = s[i].i;                                                                             \
      val[i] = s[i].v;                                                                             \
    }                                                                                              \
  }                                                                                                \
  static const ct_cpu_red_op NAME = {(int32_t)sizeof(NAME##_st),                                   \
                                     CT_INT64,                                                     \
                                     CMP_DT,                                                       \
                                     NAME##_init,                                                  \
                                     NAME##_run,                                                   \
                                     NAME##_rows,                                                  \
                                     NAME##_comb,                                                  \
                                     NAME##_fin};
#define CT_CPU_DEF_ARGS(DT, T, LOAD, V, NUM, NUM_DT, CMP, CMP_DT)                                  \
  CT_CPU_DEF_ARG(ct_cpu_argmax_##DT, DT, T, LOAD, CMP, CMP_DT, CT_CPU_ARGMAX_BETTER)               \
  CT_CPU_DEF_ARG(ct_cpu_argmin_##DT, DT, T, LOAD, CMP, CMP_DT, CT_CPU_ARGMIN_BETTER)
CT_CPU_REAL_DTYPES(CT_CPU_DEF_ARGS)

/* ---- float32 and float64 sums: explicit vectors ------------------------------------------- */

/*
 * The hot case of the benchmarks, written with GCC vector extensions twice:
 * at the SSE2 width every x86-64 has, and at the AVX2 width where the CPU
 * has AVX2 and FMA (picked at run time). Both keep the same lanes, element
 * i + j of every block adding into lane j, and reduce the lanes in one
 * fixed tree, so they give the same bits (sums have no product to fuse).
 * The pairwise structure is the generic one: results stay thread-independent
 * and 2^24 ones still sum exactly.
 */
typedef float ct_cpu_v4f __attribute__((vector_size(16)));
typedef double ct_cpu_v2d __attribute__((vector_size(16)));
typedef int32_t ct_cpu_v4i __attribute__((vector_size(16)));
typedef uint32_t ct_cpu_v4u __attribute__((vector_size(16)));

#if defined(__GNUC__) && defined(__x86_64__)
#define CT_CPU_AVX2_PATH 1
#define CT_CPU_AVX2 __attribute__((target("avx2,fma")))
typedef float ct_cpu_v8f __attribute__((vector_size(32)));
typedef double ct_cpu_v4d __attribute__((vector_size(32)));
typedef int32_t ct_cpu_v8i __attribute__((vector_size(32)));
typedef uint32_t ct_cpu_v8u __attribute__((vector_size(32)));
/* Whether the AVX2 forms may run: the CPU has AVX2 and FMA, and $CTENSOR_CPU_ISA is not "base". */
static bool ct_cpu_has_avx2(void) {
  static atomic_int chosen; /* 0: not yet, 1: no, 2: yes (every thread picks the same) */
  int c = atomic_load_explicit(&chosen, memory_order_acquire);
  if (c == 0) {
    const char *cap = getenv("CTENSOR_CPU_ISA");
    __builtin_cpu_init();
    bool yes = !(cap && strcmp(cap, "base") == 0) && __builtin_cpu_supports("avx2") &&
               __builtin_cpu_supports("fma");
    c = yes ? 2 : 1;
    atomic_store_explicit(&chosen, c, memory_order_release);
  }
  return c == 2;
}
#else
#define CT_CPU_AVX2_PATH 0
#endif

/* Accumulators a0..a7 (a0..a3) += the vectors at q (of type V, W lanes each). */
#define CT_CPU_LOADV(V, x, q) memcpy(&(x), (q), sizeof(V))
#define CT_CPU_ACC8(V, W, q)                                                                       \
  do {                                                                                             \
    V x0, x1, x2, x3, x4, x5, x6, x7;                                                              \
    CT_CPU_LOADV(V, x0, (q));                                                                      \
    CT_CPU_LOADV(V, x1, (q) + (W));                                                                \
    CT_CPU_LOADV(V, x2, (q) + 2 * (W));                                                            \
    CT_CPU_LOADV(V, x3, (q) + 3 * (W));                                                            \
    CT_CPU_LOADV(V, x4, (q) + 4 * (W));                                                            \
    CT_CPU_LOADV(V, x5, (q) + 5 * (W));                                                            \
    CT_CPU_LOADV(V, x6, (q) + 6 * (W));                                                            \
    CT_CPU_LOADV(V, x7, (q) + 7 * (W));                                                            \
    a0 += x0;                                                                                      \
    a1 += x1;                                                                                      \
    a2 += x2;                                                                                      \
    a3 += x3;                                                                                      \
    a4 += x4;                                                                                      \
    a5 += x5;                                                                                      \
    a6 += x6;                                                                                      \
    a7 += x7;                                                                                      \
  } while (0)
#define CT_CPU_ACC4(V, W, q)                                                                       \
  do {                                                                                             \
    V x0, x1, x2, x3;                                                                              \
    CT_CPU_LOADV(V, x0, (q));                                                                      \
    CT_CPU_LOADV(V, x1, (q) + (W));                                                                \
    CT_CPU_LOADV(V, x2, (q) + 2 * (W));                                                            \
    CT_CPU_LOADV(V, x3, (q) + 3 * (W));                                                            \
    a0 += x0;                                                                                      \
    a1 += x1;                                                                                      \
    a2 += x2;                                                                                      \
    a3 += x3;                                                                                      \
  } while (0)

/*
 * Pairwise sum of n contiguous elements with 32 float (16 double) lanes,
 * halving above CT_CPU_PW_VEC elements (each lane then adds at most 64
 * elements in a row). The lanes are added in one tree (lane l takes lane
 * l + 16, then l + 8, ...), done with vector adds: a_k holds lanes
 * kW .. kW + W - 1.
 */
enum { CT_CPU_PW_VEC = 2048 };

static inline float ct_cpu_tail_f32(float r, const float *p, int64_t i, int64_t n) {
  for (; i < n; i++) r += p[i];
  return r;
}
static inline double ct_cpu_tail_f64(double r, const double *p, int64_t i, int64_t n) {
  for (; i < n; i++) r += p[i];
  return r;
}

static float ct_cpu_sum_f32_sse(const float *p, int64_t n) {
  if (n > CT_CPU_PW_VEC) {
    int64_t h = (n / 2) & ~(int64_t)31;
    return ct_cpu_sum_f32_sse(p, h) + ct_cpu_sum_f32_sse(p + h, n - h);
  }
  ct_cpu_v4f a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0}, a4 = {0}, a5 = {0}, a6 = {0}, a7 = {0};
  int64_t i = 0;
  for (; i + 32 <= n; i += 32) CT_CPU_ACC8(ct_cpu_v4f, 4, p + i);
  a0 += a4, a1 += a5, a2 += a6, a3 += a7; /* lane l += lane l + 16 */
  a0 += a2, a1 += a3;                     /* l += l + 8 */
  a0 += a1;                               /* l += l + 4 */
  return ct_cpu_tail_f32((a0[0] + a0[2]) + (a0[1] + a0[3]), p, i, n);
}

static double ct_cpu_sum_f64_sse(const double *p, int64_t n) {
  if (n > CT_CPU_PW_VEC) {
    int64_t h = (n / 2) & ~(int64_t)15;
    return ct_cpu_sum_f64_sse(p, h) + ct_cpu_sum_f64_sse(p + h, n - h);
  }
  ct_cpu_v2d a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0}, a4 = {0}, a5 = {0}, a6 = {0}, a7 = {0};
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) CT_CPU_ACC8(ct_cpu_v2d, 2, p + i);
  a0 += a4, a1 += a5, a2 += a6, a3 += a7; /* lane l += lane l + 8 */
  a0 += a2, a1 += a3;                     /* l += l + 4 */
  a0 += a1;                               /* l += l + 2 */
  return ct_cpu_tail_f64(a0[0] + a0[1], p, i, n);
}

#if CT_CPU_AVX2_PATH
CT_CPU_AVX2 static float ct_cpu_sum_f32_avx2(const float *p, int64_t n) {
  if (n > CT_CPU_PW_VEC) {
    int64_t h = (n / 2) & ~(int64_t)31;
    return ct_cpu_sum_f32_avx2(p, h) + ct_cpu_sum_f32_avx2(p + h, n - h);
  }
  ct_cpu_v8f a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};
  int64_t i = 0;
  for (; i + 32 <= n; i += 32) CT_CPU_ACC4(ct_cpu_v8f, 8, p + i);
  a0 += a2, a1 += a3; /* lane l += lane l + 16 */
  a0 += a1;           /* l += l + 8 */
  float h8[8];
  memcpy(h8, &a0, sizeof h8);
  ct_cpu_v4f lo, hi;
  memcpy(&lo, h8, sizeof lo);
  memcpy(&hi, h8 + 4, sizeof hi);
  lo += hi; /* l += l + 4 */
  return ct_cpu_tail_f32((lo[0] + lo[2]) + (lo[1] + lo[3]), p, i, n);
}

CT_CPU_AVX2 static double ct_cpu_sum_f64_avx2(const double *p, int64_t n) {
  if (n > CT_CPU_PW_VEC) {
    int64_t h = (n / 2) & ~(int64_t)15;
    return ct_cpu_sum_f64_avx2(p, h) + ct_cpu_sum_f64_avx2(p + h, n - h);
  }
  ct_cpu_v4d a0 = {0}, a1 = {0}, a2 = {0}, a3 = {0};
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) CT_CPU_ACC4(ct_cpu_v4d, 4, p + i);
  a0 += a2, a1 += a3; /* lane l += lane l + 8 */
  a0 += a1;           /* l += l + 4 */
  double h4[4];
  memcpy(h4, &a0, sizeof h4);
  ct_cpu_v2d lo, hi;
  memcpy(&lo, h4, sizeof lo);
  memcpy(&hi, h4 + 2, sizeof hi);
  lo += hi; /* l += l + 2 */
  return ct_cpu_tail_f64(lo[0] + lo[1], p, i, n);
}
#endif

/*
 * Column sums s[j] = sum of rows r < nr of p[r * rs + j] (sequential down
 * each column): rows are taken 8 at a time and walked along, 4W columns at
 * once, so that every load streams forward.
 */
#define CT_CPU_DEF_SUM_ROWS(NAME, T, V, W, ATTR)                                                   \
  ATTR static void NAME(T *s, int64_t w, const char *p, int64_t nr, int64_t rs) {                  \
    for (int64_t j = 0; j < w; j++) s[j] = 0;                                                      \
    for (int64_t r0 = 0; r0 < nr; r0 += 8) {                                                       \
      int64_t rn = nr - r0 < 8 ? nr - r0 : 8;                                                      \
      const char *q0 = p + r0 * rs;                                                                \
      int64_t j = 0;                                                                               \
      for (; j + 4 * (W) <= w; j += 4 * (W)) {                                                     \
        V a0, a1, a2, a3;                                                                          \
        CT_CPU_LOADV(V, a0, s + j);                                                                \
        CT_CPU_LOADV(V, a1, s + j + (W));                                                          \
        CT_CPU_LOADV(V, a2, s + j + 2 * (W));                                                      \
        CT_CPU_LOADV(V, a3, s + j + 3 * (W));                                                      \
        for (int64_t r = 0; r < rn; r++)                                                           \
          CT_CPU_ACC4(V, W, (const T *)(const void *)(q0 + r * rs) + j);                           \
        memcpy(s + j, &a0, sizeof a0);                                                             \
        memcpy(s + j + (W), &a1, sizeof a1);                                                       \
        memcpy(s + j + 2 * (W), &a2, sizeof a2);                                                   \
        memcpy(s + j + 3 * (W), &a3, sizeof a3);                                                   \
      }                                                                                            \
      for (; j < w; j++) {                                                                         \
        T a = s[j];                                                                                \
        for (int64_t r = 0; r < rn; r++) a += ((const T *)(const void *)(q0 + r * rs))[j];         \
        s[j] = a;                                                                                  \
      }                                                                                            \
    }                                                                                              \
  }

CT_CPU_DEF_SUM_ROWS(ct_cpu_rows_f32_sse, float, ct_cpu_v4f, 4, )
CT_CPU_DEF_SUM_ROWS(ct_cpu_rows_f64_sse, double, ct_cpu_v2d, 2, )
#if CT_CPU_AVX2_PATH
CT_CPU_DEF_SUM_ROWS(ct_cpu_rows_f32_avx2, float, ct_cpu_v8f, 8, CT_CPU_AVX2)
CT_CPU_DEF_SUM_ROWS(ct_cpu_rows_f64_avx2, double, ct_cpu_v4d, 4, CT_CPU_AVX2)
#define CT_CPU_PICK(avx2, sse) (ct_cpu_has_avx2() ? (avx2) : (sse))
#else
#define CT_CPU_PICK(avx2, sse) (sse)
#endif

static void ct_cpu_sum_f32_run(void *st, const char *p, int64_t n, int64_t bs, int64_t base,
                               const ct__reduce_args *args) {
  if (bs == (int64_t)sizeof(float))
    *(float *)st =
        CT_CPU_PICK(ct_cpu_sum_f32_avx2, ct_cpu_sum_f32_sse)((const float *)(const void *)p, n);
  else
    ct_cpu_sum_FLOAT32_run(st, p, n, bs, base, args);
}

static void ct_cpu_sum_f64_run(void *st, const char *p, int64_t n, int64_t bs, int64_t base,
                               const ct__reduce_args *args) {
  if (bs == (int64_t)sizeof(double))
    *(double *)st =
        CT_CPU_PICK(ct_cpu_sum_f64_avx2, ct_cpu_sum_f64_sse)((const double *)(const void *)p, n);
  else
    ct_cpu_sum_FLOAT64_run(st, p, n, bs, base, args);
}

static void ct_cpu_sum_f32_rows(void *st, int64_t w, const char *p, int64_t cs, int64_t nr,
                                int64_t rs, int64_t base, const ct__reduce_args *args) {
  if (cs == (int64_t)sizeof(float))
    CT_CPU_PICK(ct_cpu_rows_f32_avx2, ct_cpu_rows_f32_sse)(st, w, p, nr, rs);
  else
    ct_cpu_sum_FLOAT32_rows(st, w, p, cs, nr, rs, base, args);
}

static void ct_cpu_sum_f64_rows(void *st, int64_t w, const char *p, int64_t cs, int64_t nr,
                                int64_t rs, int64_t base, const ct__reduce_args *args) {
  if (cs == (int64_t)sizeof(double))
    CT_CPU_PICK(ct_cpu_rows_f64_avx2, ct_cpu_rows_f64_sse)(st, w, p, nr, rs);
  else
    ct_cpu_sum_FLOAT64_rows(st, w, p, cs, nr, rs, base, args);
}

static const ct_cpu_red_op ct_cpu_sum_fast_FLOAT32 = {4,
                                                      CT_FLOAT32,
                                                      CT_DTYPE_NONE,
                                                      ct_cpu_sum_FLOAT32_init,
                                                      ct_cpu_sum_f32_run,
                                                      ct_cpu_sum_f32_rows,
                                                      ct_cpu_sum_FLOAT32_comb,
                                                      ct_cpu_sum_FLOAT32_fin};
static const ct_cpu_red_op ct_cpu_mean_fast_FLOAT32 = {4,
                                                       CT_FLOAT32,
                                                       CT_DTYPE_NONE,
                                                       ct_cpu_sum_FLOAT32_init,
                                                       ct_cpu_sum_f32_run,
                                                       ct_cpu_sum_f32_rows,
                                                       ct_cpu_sum_FLOAT32_comb,
                                                       ct_cpu_mean_FLOAT32_fin};
static const ct_cpu_red_op ct_cpu_sum_fast_FLOAT64 = {8,
                                                      CT_FLOAT64,
                                                      CT_DTYPE_NONE,
                                                      ct_cpu_sum_FLOAT64_init,
                                                      ct_cpu_sum_f64_run,
                                                      ct_cpu_sum_f64_rows,
                                                      ct_cpu_sum_FLOAT64_comb,
                                                      ct_cpu_sum_FLOAT64_fin};
static const ct_cpu_red_op ct_cpu_mean_fast_FLOAT64 = {8,
                                                       CT_FLOAT64,
                                                       CT_DTYPE_NONE,
                                                       ct_cpu_sum_FLOAT64_init,
                                                       ct_cpu_sum_f64_run,
                                                       ct_cpu_sum_f64_rows,
                                                       ct_cpu_sum_FLOAT64_comb,
                                                       ct_cpu_mean_FLOAT64_fin};

/* ---- the reduce entry --------------------------------------------------------------------- */

#define CT_CPU_ROW_ALL(P)                                                                          \
  {                                                                                                \
    &P##BOOL, &P##UINT8, &P##INT8, &P##INT16, &P##INT32, &P##INT64, &P##FLOAT16, &P##BFLOAT16,     \
        &P##FLOAT32, &P##FLOAT64, &P##COMPLEX64, &P##COMPLEX128                                    \
  }
#define CT_CPU_ROW_REAL(P)                                                                         \
  {                                                                                                \
    &P##BOOL, &P##UINT8, &P##INT8, &P##INT16, &P##INT32, &P##INT64, &P##FLOAT16, &P##BFLOAT16,     \
        &P##FLOAT32, &P##FLOAT64, NULL, NULL                                                       \
  }
#define CT_CPU_ROW_FLOATC(P)                                                                       \
  {                                                                                                \
    NULL, NULL, NULL, NULL, NULL, NULL, &P##FLOAT16, &P##BFLOAT16, &P##FLOAT32, &P##FLOAT64,       \
        &P##COMPLEX64, &P##COMPLEX128                                                              \
  }
#define CT_CPU_ROW_FLOAT(P)                                                                        \
  {                                                                                                \
    NULL, NULL, NULL, NULL, NULL, NULL, &P##FLOAT16, &P##BFLOAT16, &P##FLOAT32, &P##FLOAT64, NULL, \
        NULL                                                                                       \
  }

/* Norm kinds inside this file: by p. */
enum { CT_CPU_N1, CT_CPU_N2, CT_CPU_NINF, CT_CPU_NNEGINF, CT_CPU_N0, CT_CPU_NP, CT_CPU_NORM_KINDS };

static const ct_cpu_red_op *const ct_cpu_red_table[CT__RED_KIND_COUNT][CT_DTYPE_COUNT] = {
    [CT__RED_SUM] = {&ct_cpu_sum_BOOL, &ct_cpu_sum_UINT8, &ct_cpu_sum_INT8, &ct_cpu_sum_INT16,
                     &ct_cpu_sum_INT32, &ct_cpu_sum_INT64, &ct_cpu_sum_FLOAT16,
                     &ct_cpu_sum_BFLOAT16, &ct_cpu_sum_fast_FLOAT32, &ct_cpu_sum_fast_FLOAT64,
                     &ct_cpu_sum_COMPLEX64, &ct_cpu_sum_COMPLEX128},
    [CT__RED_PROD] = CT_CPU_ROW_ALL(ct_cpu_prod_),
    [CT__RED_MEAN] = {NULL, NULL, NULL, NULL, NULL, NULL, &ct_cpu_mean_FLOAT16,
                      &ct_cpu_mean_BFLOAT16, &ct_cpu_mean_fast_FLOAT32, &ct_cpu_mean_fast_FLOAT64,
                      &ct_cpu_mean_COMPLEX64, &ct_cpu_mean_COMPLEX128},
    [CT__RED_MAX] = CT_CPU_ROW_REAL(ct_cpu_max_),
    [CT__RED_MIN] = CT_CPU_ROW_REAL(ct_cpu_min_),
    [CT__RED_ARGMAX] = CT_CPU_ROW_REAL(ct_cpu_argmax_),
    [CT__RED_ARGMIN] = CT_CPU_ROW_REAL(ct_cpu_argmin_),
    [CT__RED_ALL] = CT_CPU_ROW_ALL(ct_cpu_all_),
    [CT__RED_ANY] = CT_CPU_ROW_ALL(ct_cpu_any_),
    [CT__RED_COUNT_NZ] = CT_CPU_ROW_ALL(ct_cpu_cnz_),
    [CT__RED_VAR] = CT_CPU_ROW_FLOATC(ct_cpu_var_),
    [CT__RED_STD] = CT_CPU_ROW_FLOATC(ct_cpu_var_),
    [CT__RED_LOGSUMEXP] = CT_CPU_ROW_FLOAT(ct_cpu_lse_),
};

static const ct_cpu_red_op *const ct_cpu_norm_table[CT_CPU_NORM_KINDS][CT_DTYPE_COUNT] = {
    [CT_CPU_N1] = CT_CPU_ROW_FLOATC(ct_cpu_n1_),
    [CT_CPU_N2] = CT_CPU_ROW_FLOATC(ct_cpu_n2_),
    [CT_CPU_NINF] = CT_CPU_ROW_FLOATC(ct_cpu_ninf_),
    [CT_CPU_NNEGINF] = CT_CPU_ROW_FLOATC(ct_cpu_nneginf_),
    [CT_CPU_N0] = CT_CPU_ROW_FLOATC(ct_cpu_n0_),
    [CT_CPU_NP] = CT_CPU_ROW_FLOATC(ct_cpu_np_),
};

static ct_status ct_cpu_reduce_kernel(ct_tensor *out, ct_tensor *out2, ct_tensor *x,
                                      const bool *reduced, const ct__reduce_args *args,
                                      const char *fn) {
  const ct_cpu_red_op *op = NULL;
  if (args->kind == CT__RED_NORM) {
    double p = args->p;
    int k = p == 1           ? CT_CPU_N1
            : p == 2         ? CT_CPU_N2
            : p == INFINITY  ? CT_CPU_NINF
            : p == -INFINITY ? CT_CPU_NNEGINF
            : p == 0         ? CT_CPU_N0
                             : CT_CPU_NP;
    op = ct_cpu_norm_table[k][x->dtype];
  } else if (args->kind >= 0 && args->kind < CT__RED_KIND_COUNT) {
    op = ct_cpu_red_table[args->kind][x->dtype];
  }
  if (!op)
    return ct__error(CT_ERR_DTYPE, "%s: reduction %d is not implemented for %s", fn,
                     (int)args->kind, ct__dtypes[x->dtype].name);
  return ct_cpu_red_run(op, out, out2, x, reduced, args, fn);
}

/* ---- lines along one dim: scans, softmax and sort ----------------------------------------- */

/*
 * x and up to two outputs share x's shape except along dim. The other dims
 * are sorted by x's stride and merged, and each (merged) index of them
 * names one line along dim.
 */
typedef struct ct_cpu_line_geom {
  int64_t n, xs, os, o2s; /* size of dim in x, byte strides along it */
  int32_t nk;
  int64_t *ksize, *kx, *ko, *ko2;
  int64_t lines;
  int64_t inline_buf[4 * CT__DIMS_INLINE];
  int64_t *heap;
} ct_cpu_line_geom;

static ct_status ct_cpu_line_geom_init(ct_cpu_line_geom *g, const ct_tensor *x, const ct_tensor *o,
                                       const ct_tensor *o2, int32_t dim, const char *fn) {
  int32_t nd = x->ndim;
  int64_t *buf = g->inline_buf;
  g->heap = NULL;
  if (nd > CT__DIMS_INLINE) {
    CT_TRY(ct__alloc_or_error((void **)&g->heap, 4 * (size_t)nd * sizeof(int64_t), fn, "dims"));
    buf = g->heap;
  }
  int32_t cap = nd > CT__DIMS_INLINE ? nd : CT__DIMS_INLINE;
  g->ksize = buf;
  g->kx = buf + cap;
  g->ko = buf + 2 * cap;
  g->ko2 = buf + 3 * cap;
  int64_t xi = ct__itemsize(x->dtype), oi = o ? ct__itemsize(o->dtype) : 0;
  int64_t o2i = o2 ? ct__itemsize(o2->dtype) : 0;
  g->n = nd ? x->shape[dim] : 1;
  g->xs = nd ? x->strides[dim] * xi : 0;
  g->os = o && nd ? o->strides[dim] * oi : 0;
  g->o2s = o2 && nd ? o2->strides[dim] * o2i : 0;
  g->nk = 0;
  g->lines = 1;
  for (int32_t d = 0; d < nd; d++) {
    if (d == dim) continue;
    g->lines *= x->shape[d];
    if (x->shape[d] == 1) continue;
    g->ksize[g->nk] = x->shape[d];
    g->kx[g->nk] = x->strides[d] * xi;
    g->ko[g->nk] = o ? o->strides[d] * oi : 0;
    g->ko2[g->nk++] = o2 ? o2->strides[d] * o2i : 0;
  }
  int64_t *cols[4] = {g->kx, g->ksize, g->ko, g->ko2};
  ct__sort_dims(g->nk, 4, cols, 0);
  int64_t *st[3] = {g->kx, g->ko, g->ko2};
  g->nk = ct__merge_dims(g->nk, 3, g->ksize, st);
  return CT_OK;
}

/* Byte offsets of line l (row-major over the first nk merged dims). */
static void ct_cpu_line_offsets(const ct_cpu_line_geom *g, int32_t nk, int64_t l, int64_t *xo,
                                int64_t *oo, int64_t *o2o) {
  int64_t a = 0, b = 0, c = 0;
  for (int32_t d = nk - 1; d >= 0 && l > 0; d--) {
    int64_t i = l % g->ksize[d];
    l /= g->ksize[d];
    a += i * g->kx[d];
    b += i * g->ko[d];
    c += i * g->ko2[d];
  }
  *xo = a;
  *oo = b;
  *o2o = c;
}

/*
 * Whether to work on tiles of lines side by side (the innermost other dim
 * has a smaller stride than dim, so loads along it are the contiguous ones).
 */
static bool ct_cpu_line_tiled(const ct_cpu_line_geom *g) {
  return g->nk > 0 && g->kx[g->nk - 1] < g->xs && g->ksize[g->nk - 1] >= 4;
}

enum { CT_CPU_SCAN_BLOCK = 256, CT_CPU_TILE = 64 };

typedef void (*ct_cpu_scan_fn)(const char *x, int64_t xs, int64_t cs, char *o, int64_t os,
                               int64_t ocs, int64_t n, int64_t w, ct__loop_fn cast);

/*
 * Running fold of w side-by-side lines of n elements: element (i, j) at
 * x + i * xs + j * cs, result at o + i * os + j * ocs. One line is done in
 * blocks, a tile row by row; either way the accumulators (type A) are
 * converted to out's dtype by cast.
 */
#define CT_CPU_DEF_SCAN(NAME, T, LOAD, A, OP, ID)                                                  \
  static void NAME(const char *x, int64_t xs, int64_t cs, char *o, int64_t os, int64_t ocs,        \
                   int64_t n, int64_t w, ct__loop_fn cast) {                                       \
    A buf[CT_CPU_SCAN_BLOCK];                                                                      \
    if (w == 1) {                                                                                  \
      A acc = (ID);                                                                                \
      for (int64_t i0 = 0; i0 < n; i0 += CT_CPU_SCAN_BLOCK) {                                      \
        int64_t m = n - i0 < CT_CPU_SCAN_BLOCK ? n - i0 : CT_CPU_SCAN_BLOCK;                       \
        for (int64_t i = 0; i < m; i++) {                                                          \
          acc = OP(acc, LOAD(CT_CPU_AT(T, x, (i0 + i) * xs)));                                     \
          buf[i] = acc;                                                                            \
        }                                                                                          \
        char *d[2] = {o + i0 * os, (char *)buf};                                                   \
        int64_t s[2] = {os, (int64_t)sizeof(A)};                                                   \
        cast(d, s, m, NULL);                                                                       \
      }                                                                                            \
      return;                                                                                      \
    }                                                                                              \
    for (int64_t j = 0; j < w; j++) buf[j] = (ID);                                                 \
    for (int64_t i = 0; i < n; i++) {                                                              \
      const char *row = x + i * xs;                                                                \
      for (int64_t j = 0; j < w; j++) buf[j] = OP(buf[j], LOAD(CT_CPU_AT(T, row, j * cs)));        \
      char *d[2] = {o + i * os, (char *)buf};                                                      \
      int64_t s[2] = {ocs, (int64_t)sizeof(A)};                                                    \
      cast(d, s, w, NULL);                                                                         \
    }                                                                                              \
  }

/* Accumulators of the scans, as PyTorch's CPU acc_type: int64, float, double, complex<double>. */
#define CT_CPU_SCAN_DTYPES(X)                                                                      \
  X(BOOL, uint8_t, LD_BOOL, uint64_t, CT_INT64)                                                    \
  X(UINT8, uint8_t, LD_PLAIN, uint64_t, CT_INT64)                                                  \
  X(INT8, int8_t, LD_PLAIN, uint64_t, CT_INT64)                                                    \
  X(INT16, int16_t, LD_PLAIN, uint64_t, CT_INT64)                                                  \
  X(INT32, int32_t, LD_PLAIN, uint64_t, CT_INT64)                                                  \
  X(INT64, int64_t, LD_PLAIN, uint64_t, CT_INT64)                                                  \
  X(FLOAT16, uint16_t, LD_F16, float, CT_FLOAT32)                                                  \
  X(BFLOAT16, uint16_t, LD_BF16, float, CT_FLOAT32)                                                \
  X(FLOAT32, float, LD_PLAIN, double, CT_FLOAT64)                                                  \
  X(FLOAT64, double, LD_PLAIN, double, CT_FLOAT64)                                                 \
  X(COMPLEX64, ct_cpu_c64, LD_PLAIN, ct_cpu_c128, CT_COMPLEX128)                                   \
  X(COMPLEX128, ct_cpu_c128, LD_PLAIN, ct_cpu_c128, CT_COMPLEX128)

#define CT_CPU_DEF_SCANS(DT, T, LOAD, A, A_DT)                                                     \
  CT_CPU_DEF_SCAN(ct_cpu_cumsum_##DT, T, LOAD, A, CT_CPU_SUM_ACC, (A)0)                            \
  CT_CPU_DEF_SCAN(ct_cpu_cumprod_##DT, T, LOAD, A, CT_CPU_MUL_##A, (A)1)
CT_CPU_SCAN_DTYPES(CT_CPU_DEF_SCANS)

#define CT_CPU_SCAN_ENTRY(DT, T, LOAD, A, A_DT) {ct_cpu_cumsum_##DT, ct_cpu_cumprod_##DT, A_DT},
static const struct {
  ct_cpu_scan_fn sum, prod;
  ct_dtype acc;
} ct_cpu_scan_table[CT_DTYPE_COUNT] = {CT_CPU_SCAN_DTYPES(CT_CPU_SCAN_ENTRY)};

typedef struct ct_cpu_scan_job {
  const ct_cpu_line_geom *g;
  ct_cpu_scan_fn fn;
  ct__loop_fn cast;
  const char *x;
  char *o;
  bool tiled;
  int64_t ntiles;
} ct_cpu_scan_job;

static void ct_cpu_scan_cb(int64_t begin, int64_t end, void *ctx) {
  const ct_cpu_scan_job *j = ctx;
  const ct_cpu_line_geom *g = j->g;
  for (int64_t it = begin; it < end; it++) {
    int64_t xo, oo, unused;
    if (!j->tiled) {
      ct_cpu_line_offsets(g, g->nk, it, &xo, &oo, &unused);
      j->fn(j->x + xo, g->xs, 0, j->o + oo, g->os, 0, g->n, 1, j->cast);
      continue;
    }
    int32_t k0 = g->nk - 1;
    int64_t t = it % j->ntiles, c0 = t * CT_CPU_TILE;
    int64_t w = g->ksize[k0] - c0 < CT_CPU_TILE ? g->ksize[k0] - c0 : CT_CPU_TILE;
    ct_cpu_line_offsets(g, k0, it / j->ntiles, &xo, &oo, &unused);
    j->fn(j->x + xo + c0 * g->kx[k0], g->xs, g->kx[k0], j->o + oo + c0 * g->ko[k0], g->os,
          g->ko[k0], g->n, w, j->cast);
  }
}

static ct_status ct_cpu_scan(ct_tensor *out, ct_tensor *x, int32_t dim, int32_t kind,
                             const char *fn) {
  ct_cpu_line_geom g;
  CT_TRY(ct_cpu_line_geom_init(&g, x, out, NULL, dim, fn));
  ct_cpu_scan_job j = {.g = &g, .x = ct__data(x), .o = ct__data(out)};
  j.fn =
      kind == CT__SCAN_CUMPROD ? ct_cpu_scan_table[x->dtype].prod : ct_cpu_scan_table[x->dtype].sum;
  j.cast = ct__cast_loop(out->dtype, ct_cpu_scan_table[x->dtype].acc);
  j.tiled = ct_cpu_line_tiled(&g);
  int64_t items = g.lines;
  if (j.tiled) {
    int64_t w0 = g.ksize[g.nk - 1];
    j.ntiles = (w0 + CT_CPU_TILE - 1) / CT_CPU_TILE;
    items = g.lines / w0 * j.ntiles;
  }
  if (x->numel > 0) {
    int64_t work = x->numel / items;
    ct__parallel_for(items, (CT_CPU_RED_GRAIN + work) / (work + 1), ct_cpu_scan_cb, &j);
  }
  ct__free(g.heap);
  return CT_OK;
}

/* ---- softmax ------------------------------------------------------------------------------ */

#define CT_CPU_V4F(c) ((ct_cpu_v4f){(c), (c), (c), (c)})

static inline ct_cpu_v4f ct_cpu_v4f_select(ct_cpu_v4i mask, ct_cpu_v4f a, ct_cpu_v4f b) {
  return (ct_cpu_v4f)(((ct_cpu_v4i)a & mask) | ((ct_cpu_v4i)b & ~mask));
}

/*
 * exp of a vector of floats (Cephes' expf, within 2 ulp): x = n ln2 + r with
 * |r| <= ln2 / 2, a polynomial for e^r, and 2^n applied as two factors so
 * that results down to the smallest subnormal come out right. Above 89
 * gives inf, below -104 gives 0, NaN stays NaN. Written once for the SSE2
 * and the AVX2 widths (V, its int and unsigned vectors VI, VU, the clamp to
 * [-104, 89]); with FMA (the AVX2 form) the multiply-adds round once.
 */
#define CT_CPU_DEF_EXP(NAME, V, VI, VU, CLAMP, ATTR)                                               \
  ATTR static inline V NAME(V x) {                                                                 \
    x = CLAMP(x);                                                                                  \
    V t = x * 1.44269504088896341f + 12582912.0f; /* 1.5 * 2^23: rounds to an integer */           \
    V nf = t - 12582912.0f;                                                                        \
    VI n = (VI)((VU)t - 0x4B400000u);                                                              \
    V r = x - nf * 0.693359375f;                                                                   \
    r = r - nf * -2.12194440e-4f;                                                                  \
    V p = 1.9875691500E-4f * r + 1.3981999507E-3f;                                                 \
    p = p * r + 8.3334519073E-3f;                                                                  \
    p = p * r + 4.1665795894E-2f;                                                                  \
    p = p * r + 1.6666665459E-1f;                                                                  \
    p = p * r + 5.0000001201E-1f;                                                                  \
    V y = p * (r * r) + r + 1.0f;                                                                  \
    VI n1 = n >> 1, n2 = n - n1;                                                                   \
    V s1 = (V)(((VU)(n1 + 127)) << 23), s2 = (V)(((VU)(n2 + 127)) << 23);                          \
    return y * s1 * s2;                                                                            \
  }

/*
 * x clamped to [-104, 89], NaN kept: MINPS/MAXPS return their second
 * operand when either is NaN, so the bound goes first.
 */
#if defined(__GNUC__) && defined(__x86_64__)
#define CT_CPU_CLAMP_V4F(x)                                                                        \
  __builtin_ia32_maxps(CT_CPU_V4F(-104.0f), __builtin_ia32_minps(CT_CPU_V4F(89.0f), (x)))
#else
static inline ct_cpu_v4f ct_cpu_clamp_v4f(ct_cpu_v4f x) {
  x = ct_cpu_v4f_select(x > CT_CPU_V4F(89.0f), CT_CPU_V4F(89.0f), x);
  return ct_cpu_v4f_select(x < CT_CPU_V4F(-104.0f), CT_CPU_V4F(-104.0f), x);
}
#define CT_CPU_CLAMP_V4F(x) ct_cpu_clamp_v4f(x)
#endif
CT_CPU_DEF_EXP(ct_cpu_exp_v4f, ct_cpu_v4f, ct_cpu_v4i, ct_cpu_v4u, CT_CPU_CLAMP_V4F, )

static inline float ct_cpu_expf1(float x) { return ct_cpu_exp_v4f(CT_CPU_V4F(x))[0]; }

/*
 * Softmax (or log-softmax) of one contiguous float line; dst may be src.
 * The sum of exponentials keeps 16 lanes (element i + j of each block of 16
 * into lane j) reduced in a fixed tree, at either vector width.
 */
static void ct_cpu_softmax_f32_sse(float *dst, const float *src, int64_t n, bool log_) {
  /* The maximum (NaN winning), four chains of vectors. */
  ct_cpu_v4f m0 = CT_CPU_V4F(-INFINITY), m1 = m0, m2 = m0, m3 = m0;
  int64_t i = 0;
#define CT_CPU_MAXV(m, k)                                                                          \
  do {                                                                                             \
    ct_cpu_v4f v;                                                                                  \
    memcpy(&v, src + i + 4 * (k), sizeof v);                                                       \
    m = ct_cpu_v4f_select((v > m) | (v != v), v, m);                                               \
  } while (0)
  for (; i + 16 <= n; i += 16) {
    CT_CPU_MAXV(m0, 0);
    CT_CPU_MAXV(m1, 1);
    CT_CPU_MAXV(m2, 2);
    CT_CPU_MAXV(m3, 3);
  }
#undef CT_CPU_MAXV
  float mx = -INFINITY;
  for (int l = 0; l < 4; l++)
    mx = ct_cpu_max_f(ct_cpu_max_f(ct_cpu_max_f(ct_cpu_max_f(mx, m0[l]), m1[l]), m2[l]), m3[l]);
  for (; i < n; i++) mx = ct_cpu_max_f(mx, src[i]);
  ct_cpu_v4f a0 = CT_CPU_V4F(0), a1 = a0, a2 = a0, a3 = a0;
  for (i = 0; i + 16 <= n; i += 16) {
    ct_cpu_v4f v0, v1, v2, v3;
    memcpy(&v0, src + i, sizeof v0);
    memcpy(&v1, src + i + 4, sizeof v1);
    memcpy(&v2, src + i + 8, sizeof v2);
    memcpy(&v3, src + i + 12, sizeof v3);
    v0 = ct_cpu_exp_v4f(v0 - mx);
    v1 = ct_cpu_exp_v4f(v1 - mx);
    v2 = ct_cpu_exp_v4f(v2 - mx);
    v3 = ct_cpu_exp_v4f(v3 - mx);
    if (!log_) {
      memcpy(dst + i, &v0, sizeof v0);
      memcpy(dst + i + 4, &v1, sizeof v1);
      memcpy(dst + i + 8, &v2, sizeof v2);
      memcpy(dst + i + 12, &v3, sizeof v3);
    }
    a0 += v0, a1 += v1, a2 += v2, a3 += v3;
  }
  a0 += a2, a1 += a3; /* lane l += lane l + 8 */
  a0 += a1;           /* l += l + 4 */
  float sum = (a0[0] + a0[2]) + (a0[1] + a0[3]);
  for (; i < n; i++) {
    float e = ct_cpu_expf1(src[i] - mx);
    if (!log_) dst[i] = e;
    sum += e;
  }
  /* log: x - (max + log(sum)); else e * (1 / sum). */
  float c = log_ ? mx + logf(sum) : 1.0f / sum;
  for (i = 0; i + 4 <= n; i += 4) {
    ct_cpu_v4f v;
    memcpy(&v, (log_ ? src : dst) + i, sizeof v);
    v = log_ ? v - c : v * c;
    memcpy(dst + i, &v, sizeof v);
  }
  for (; i < n; i++) dst[i] = log_ ? src[i] - c : dst[i] * c;
}

#if CT_CPU_AVX2_PATH
#define CT_CPU_V8F(c) ((ct_cpu_v8f){(c), (c), (c), (c), (c), (c), (c), (c)})
CT_CPU_AVX2 static inline ct_cpu_v8f ct_cpu_v8f_select(ct_cpu_v8i mask, ct_cpu_v8f a,
                                                       ct_cpu_v8f b) {
  return (ct_cpu_v8f)(((ct_cpu_v8i)a & mask) | ((ct_cpu_v8i)b & ~mask));
}
#define CT_CPU_CLAMP_V8F(x)                                                                        \
  __builtin_ia32_maxps256(CT_CPU_V8F(-104.0f), __builtin_ia32_minps256(CT_CPU_V8F(89.0f), (x)))
CT_CPU_DEF_EXP(ct_cpu_exp_v8f, ct_cpu_v8f, ct_cpu_v8i, ct_cpu_v8u, CT_CPU_CLAMP_V8F, CT_CPU_AVX2)

CT_CPU_AVX2 static void ct_cpu_softmax_f32_avx2(float *dst, const float *src, int64_t n,
                                                bool log_) {
  ct_cpu_v8f m0 = CT_CPU_V8F(-INFINITY), m1 = m0, m2 = m0, m3 = m0;
  int64_t i = 0;
#define CT_CPU_MAXV(m, k)                                                                          \
  do {                                                                                             \
    ct_cpu_v8f v;                                                                                  \
    memcpy(&v, src + i + 8 * (k), sizeof v);                                                       \
    m = ct_cpu_v8f_select((v > m) | (v != v), v, m);                                               \
  } while (0)
  for (; i + 32 <= n; i += 32) {
    CT_CPU_MAXV(m0, 0);
    CT_CPU_MAXV(m1, 1);
    CT_CPU_MAXV(m2, 2);
    CT_CPU_MAXV(m3, 3);
  }
#undef CT_CPU_MAXV
  float mx = -INFINITY;
  for (int l = 0; l < 8; l++)
    mx = ct_cpu_max_f(ct_cpu_max_f(ct_cpu_max_f(ct_cpu_max_f(mx, m0[l]), m1[l]), m2[l]), m3[l]);
  for (; i < n; i++) mx = ct_cpu_max_f(mx, src[i]);
  ct_cpu_v8f a0 = CT_CPU_V8F(0), a1 = a0;
  for (i = 0; i + 16 <= n; i += 16) {
    ct_cpu_v8f v0, v1;
    memcpy(&v0, src + i, sizeof v0);
    memcpy(&v1, src + i + 8, sizeof v1);
    v0 = ct_cpu_exp_v8f(v0 - mx);
    v1 = ct_cpu_exp_v8f(v1 - mx);
    if (!log_) {
      memcpy(dst + i, &v0, sizeof v0);
      memcpy(dst + i + 8, &v1, sizeof v1);
    }
    a0 += v0, a1 += v1;
  }
  a0 += a1; /* lane l += lane l + 8 */
  float h8[8];
  memcpy(h8, &a0, sizeof h8);
  ct_cpu_v4f lo, hi;
  memcpy(&lo, h8, sizeof lo);
  memcpy(&hi, h8 + 4, sizeof hi);
  lo += hi; /* l += l + 4 */
  float sum = (lo[0] + lo[2]) + (lo[1] + lo[3]);
  for (; i < n; i++) {
    float e = ct_cpu_expf1(src[i] - mx);
    if (!log_) dst[i] = e;
    sum += e;
  }
  float c = log_ ? mx + logf(sum) : 1.0f / sum;
  for (i = 0; i + 8 <= n; i += 8) {
    ct_cpu_v8f v;
    memcpy(&v, (log_ ? src : dst) + i, sizeof v);
    v = log_ ? v - c : v * c;
    memcpy(dst + i, &v, sizeof v);
  }
  for (; i < n; i++) dst[i] = log_ ? src[i] - c : dst[i] * c;
}
#endif

static void ct_cpu_softmax_f32_line(float *dst, const float *src, int64_t n, bool log_) {
  CT_CPU_PICK(ct_cpu_softmax_f32_avx2, ct_cpu_softmax_f32_sse)(dst, src, n, log_);
}

static void ct_cpu_softmax_f64_line(double *dst, const double *src, int64_t n, bool log_) {
  double mx = -INFINITY, sum = 0;
  for (int64_t i = 0; i < n; i++) mx = ct_cpu_max_d(mx, src[i]);
  for (int64_t i = 0; i < n; i++) {
    double e = exp(src[i] - mx);
    if (!log_) dst[i] = e;
    sum += e;
  }
  if (log_) {
    double lse = log(sum);
    for (int64_t i = 0; i < n; i++) dst[i] = src[i] - mx - lse;
  } else {
    double inv = 1.0 / sum;
    for (int64_t i = 0; i < n; i++) dst[i] *= inv;
  }
}

typedef struct ct_cpu_softmax_job {
  const ct_cpu_line_geom *g;
  const char *x;
  char *o;
  bool log_, tiled, direct; /* direct: float32 lines contiguous in x and out */
  ct_dtype adt;             /* float32 or float64: what a line is computed in */
  ct__loop_fn load, store;  /* x -> adt, adt -> out */
  int64_t ntiles;
  atomic_bool oom;
} ct_cpu_softmax_job;

/* Copies n elements between strided memory and a contiguous buffer with a cast loop. */
static void ct_cpu_cast_run(ct__loop_fn f, char *dst, int64_t ds, const char *src, int64_t ss,
                            int64_t n) {
  char *d[2] = {dst, (char *)src};
  int64_t s[2] = {ds, ss};
  f(d, s, n, NULL);
}

/* w side-by-side lines (a tile), three passes: column maxima, sums of exp, results. */
static void ct_cpu_softmax_tile(const ct_cpu_softmax_job *j, const char *x, int64_t cs, char *o,
                                int64_t ocs, int64_t w) {
  const ct_cpu_line_geom *g = j->g;
  int64_t xi = g->xs, ai = ct__itemsize(j->adt);
  if (j->adt == CT_FLOAT32) {
    float row[CT_CPU_TILE], mx[CT_CPU_TILE], sum[CT_CPU_TILE];
    for (int64_t c = 0; c < w; c++) mx[c] = -INFINITY, sum[c] = 0;
    for (int64_t i = 0; i < g->n; i++) {
      ct_cpu_cast_run(j->load, (char *)row, ai, x + i * xi, cs, w);
      for (int64_t c = 0; c < w; c++) mx[c] = ct_cpu_max_f(mx[c], row[c]);
    }
    for (int64_t i = 0; i < g->n; i++) {
      ct_cpu_cast_run(j->load, (char *)row, ai, x + i * xi, cs, w);
      for (int64_t c = 0; c < w; c++) sum[c] += ct_cpu_expf1(row[c] - mx[c]);
    }
    for (int64_t c = 0; c < w; c++) sum[c] = j->log_ ? logf(sum[c]) : 1.0f / sum[c];
    for (int64_t i = 0; i < g->n; i++) {
      ct_cpu_cast_run(j->load, (char *)row, ai, x + i * xi, cs, w);
      for (int64_t c = 0; c < w; c++)
        row[c] = j->log_ ? row[c] - mx[c] - sum[c] : ct_cpu_expf1(row[c] - mx[c]) * sum[c];
      ct_cpu_cast_run(j->store, o + i * g->os, ocs, (char *)row, ai, w);
    }
  } else {
    double row[CT_CPU_TILE], mx[CT_CPU_TILE], sum[CT_CPU_TILE];
    for (int64_t c = 0; c < w; c++) mx[c] = -INFINITY, sum[c] = 0;
    for (int64_t i = 0; i < g->n; i++) {
      ct_cpu_cast_run(j->load, (char *)row, ai, x + i * xi, cs, w);
      for (int64_t c = 0; c < w; c++) mx[c] = ct_cpu_max_d(mx[c], row[c]);
    }
    for (int64_t i = 0; i < g->n; i++) {
      ct_cpu_cast_run(j->load, (char *)row, ai, x + i * xi, cs, w);
      for (int64_t c = 0; c < w; c++) sum[c] += exp(row[c] - mx[c]);
    }
    for (int64_t c = 0; c < w; c++) sum[c] = j->log_ ? log(sum[c]) : 1.0 / sum[c];
    for (int64_t i = 0; i < g->n; i++) {
      ct_cpu_cast_run(j->load, (char *)row, ai, x + i * xi, cs, w);
      for (int64_t c = 0; c < w; c++)
        row[c] = j->log_ ? row[c] - mx[c] - sum[c] : exp(row[c] - mx[c]) * sum[c];
      ct_cpu_cast_run(j->store, o + i * g->os, ocs, (char *)row, ai, w);
    }
  }
}

static void ct_cpu_softmax_cb(int64_t begin, int64_t end, void *ctx) {
  ct_cpu_softmax_job *j = ctx;
  const ct_cpu_line_geom *g = j->g;
  int64_t ai = ct__itemsize(j->adt);
  char *buf = NULL;
  if (!j->tiled && !j->direct) {
    buf = ct__malloc((size_t)(g->n * ai));
    if (!buf) {
      atomic_store(&j->oom, true);
      return;
    }
  }
  for (int64_t it = begin; it < end; it++) {
    int64_t xo, oo, unused;
    if (j->tiled) {
      int32_t k0 = g->nk - 1;
      int64_t c0 = (it % j->ntiles) * CT_CPU_TILE;
      int64_t w = g->ksize[k0] - c0 < CT_CPU_TILE ? g->ksize[k0] - c0 : CT_CPU_TILE;
      ct_cpu_line_offsets(g, k0, it / j->ntiles, &xo, &oo, &unused);
      ct_cpu_softmax_tile(j, j->x + xo + c0 * g->kx[k0], g->kx[k0], j->o + oo + c0 * g->ko[k0],
                          g->ko[k0], w);
      continue;
    }
    ct_cpu_line_offsets(g, g->nk, it, &xo, &oo, &unused);
    if (j->direct) {
      ct_cpu_softmax_f32_line((float *)(void *)(j->o + oo),
                              (const float *)(const void *)(j->x + xo), g->n, j->log_);
      continue;
    }
    ct_cpu_cast_run(j->load, buf, ai, j->x + xo, g->xs, g->n);
    if (j->adt == CT_FLOAT32)
      ct_cpu_softmax_f32_line((float *)(void *)buf, (const float *)(const void *)buf, g->n,
                              j->log_);
    else
      ct_cpu_softmax_f64_line((double *)(void *)buf, (const double *)(const void *)buf, g->n,
                              j->log_);
    ct_cpu_cast_run(j->store, j->o + oo, g->os, buf, ai, g->n);
  }
  ct__free(buf);
}

static ct_status ct_cpu_softmax(ct_tensor *out, ct_tensor *x, int32_t dim, bool log_,
                                const char *fn) {
  ct_cpu_line_geom g;
  CT_TRY(ct_cpu_line_geom_init(&g, x, out, NULL, dim, fn));
  ct_cpu_softmax_job j = {.g = &g, .x = ct__data(x), .o = ct__data(out), .log_ = log_};
  atomic_init(&j.oom, false);
  j.adt = x->dtype == CT_FLOAT64 ? CT_FLOAT64 : CT_FLOAT32;
  j.load = ct__cast_loop(j.adt, x->dtype);
  j.store = ct__cast_loop(out->dtype, j.adt);
  j.tiled = ct_cpu_line_tiled(&g);
  j.direct =
      !j.tiled && x->dtype == CT_FLOAT32 && out->dtype == CT_FLOAT32 && g.xs == 4 && g.os == 4;
  int64_t items = g.lines;
  if (j.tiled) {
    int64_t w0 = g.ksize[g.nk - 1];
    j.ntiles = (w0 + CT_CPU_TILE - 1) / CT_CPU_TILE;
    items = g.lines / w0 * j.ntiles;
  }
  if (x->numel > 0) {
    int64_t work = x->numel / items;
    ct__parallel_for(items, (CT_CPU_RED_GRAIN + work) / (work + 1), ct_cpu_softmax_cb, &j);
  }
  ct__free(g.heap);
  if (atomic_load(&j.oom))
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cannot allocate a line buffer", fn);
  return CT_OK;
}

/* ---- sort, topk and unique ---------------------------------------------------------------- */

/*
 * Stable merge sort of (key, index) pairs: insertion sort on runs of 16,
 * then merges that take the right element only when it is strictly before
 * the left one. Keys are int64 (bool and integers), float (float16,
 * bfloat16, float32) or double; NaN sorts above every number.
 */
#define CT_CPU_BEFORE_ASC(a, b) ((a) < (b) || (!CT_CPU_ISNAN(a) && CT_CPU_ISNAN(b)))
#define CT_CPU_BEFORE_DESC(a, b) ((a) > (b) || (CT_CPU_ISNAN(a) && !CT_CPU_ISNAN(b)))

#define CT_CPU_DEF_KV(K)                                                                           \
  typedef struct ct_cpu_kv_##K {                                                                   \
    K k;                                                                                           \
    int64_t i;                                                                                     \
  } ct_cpu_kv_##K;
CT_CPU_DEF_KV(int64_t)
CT_CPU_DEF_KV(float)
CT_CPU_DEF_KV(double)

#define CT_CPU_DEF_MSORT(NAME, K, BEFORE)                                                          \
  static void NAME(ct_cpu_kv_##K *a, ct_cpu_kv_##K *tmp, int64_t n) {                              \
    for (int64_t s = 0; s < n; s += 16) {                                                          \
      int64_t e = n - s < 16 ? n : s + 16;                                                         \
      for (int64_t i = s + 1; i < e; i++) {                                                        \
        ct_cpu_kv_##K v = a[i];                                                                    \
        int64_t j = i;                                                                             \
        for (; j > s && BEFORE(v.k, a[j - 1].k); j--) a[j] = a[j - 1];                             \
        a[j] = v;                                                                                  \
      }                                                                                            \
    }                                                                                              \
    ct_cpu_kv_##K *src = a, *dst = tmp;                                                            \
    for (int64_t w = 16; w < n; w *= 2) {                                                          \
      for (int64_t lo = 0; lo < n; lo += 2 * w) {                                                  \
        int64_t mid = n - lo < w ? n : lo + w, hi = n - lo < 2 * w ? n : lo + 2 * w;               \
        int64_t i = lo, j = mid, k = lo;                                                           \
        while (i < mid && j < hi) dst[k++] = BEFORE(src[j].k, src[i].k) ? src[j++] : src[i++];     \
        while (i < mid) dst[k++] = src[i++];                                                       \
        while (j < hi) dst[k++] = src[j++];                                                        \
      }                                                                                            \
      ct_cpu_kv_##K *t = src;                                                                      \
      src = dst;                                                                                   \
      dst = t;                                                                                     \
    }                                                                                              \
    if (src != a) memcpy(a, src, (size_t)n * sizeof *a);                                           \
  }
CT_CPU_DEF_MSORT(ct_cpu_msort_i64_asc, int64_t, CT_CPU_BEFORE_ASC)
CT_CPU_DEF_MSORT(ct_cpu_msort_i64_desc, int64_t, CT_CPU_BEFORE_DESC)
CT_CPU_DEF_MSORT(ct_cpu_msort_f32_asc, float, CT_CPU_BEFORE_ASC)
CT_CPU_DEF_MSORT(ct_cpu_msort_f32_desc, float, CT_CPU_BEFORE_DESC)
CT_CPU_DEF_MSORT(ct_cpu_msort_f64_asc, double, CT_CPU_BEFORE_ASC)
CT_CPU_DEF_MSORT(ct_cpu_msort_f64_desc, double, CT_CPU_BEFORE_DESC)

/* Loads n elements (xs bytes apart) as (key, position) pairs into kv (of the dtype's key type). */
typedef void (*ct_cpu_kv_load_fn)(void *kv, const char *x, int64_t xs, int64_t n);
#define CT_CPU_DEF_KVLOAD(DT, T, LOAD, K)                                                          \
  static void ct_cpu_kvload_##DT(void *kv, const char *x, int64_t xs, int64_t n) {                 \
    ct_cpu_kv_##K *a = kv;                                                                         \
    for (int64_t i = 0; i < n; i++) a[i] = (ct_cpu_kv_##K){(K)LOAD(CT_CPU_AT(T, x, i * xs)), i};   \
  }
#define CT_CPU_SORT_DTYPES(X)                                                                      \
  X(BOOL, uint8_t, LD_BOOL, int64_t)                                                               \
  X(UINT8, uint8_t, LD_PLAIN, int64_t)                                                             \
  X(INT8, int8_t, LD_PLAIN, int64_t)                                                               \
  X(INT16, int16_t, LD_PLAIN, int64_t)                                                             \
  X(INT32, int32_t, LD_PLAIN, int64_t)                                                             \
  X(INT64, int64_t, LD_PLAIN, int64_t)                                                             \
  X(FLOAT16, uint16_t, LD_F16, float)                                                              \
  X(BFLOAT16, uint16_t, LD_BF16, float)                                                            \
  X(FLOAT32, float, LD_PLAIN, float)                                                               \
  X(FLOAT64, double, LD_PLAIN, double)
CT_CPU_SORT_DTYPES(CT_CPU_DEF_KVLOAD)

typedef void (*ct_cpu_msort_fn)(void *a, void *tmp, int64_t n);
#define CT_CPU_SORT_ENTRY(DT, T, LOAD, K)                                                          \
  {ct_cpu_kvload_##DT, (int32_t)sizeof(ct_cpu_kv_##K), CT_CPU_KEY_##K},
enum { CT_CPU_KEY_int64_t = 0, CT_CPU_KEY_float = 1, CT_CPU_KEY_double = 2 };
static const struct {
  ct_cpu_kv_load_fn load;
  int32_t kvsize, key;
} ct_cpu_sort_table[CT_DTYPE_COUNT] = {CT_CPU_SORT_DTYPES(CT_CPU_SORT_ENTRY)};

static ct_cpu_msort_fn ct_cpu_msort_for(int32_t key, bool descending) {
  static const ct_cpu_msort_fn fns[3][2] = {
      {(ct_cpu_msort_fn)ct_cpu_msort_i64_asc, (ct_cpu_msort_fn)ct_cpu_msort_i64_desc},
      {(ct_cpu_msort_fn)ct_cpu_msort_f32_asc, (ct_cpu_msort_fn)ct_cpu_msort_f32_desc},
      {(ct_cpu_msort_fn)ct_cpu_msort_f64_asc, (ct_cpu_msort_fn)ct_cpu_msort_f64_desc}};
  return fns[key][descending];
}

/* The position field of pair i in a kv array (every kv type has it at offset kvsize - 8). */
static inline int64_t ct_cpu_kv_index(const char *kv, int32_t kvsize, int64_t i) {
  int64_t v;
  memcpy(&v, kv + i * kvsize + kvsize - (int32_t)sizeof(int64_t), sizeof v);
  return v;
}

typedef struct ct_cpu_sort_job {
  const ct_cpu_line_geom *g;
  const char *x;
  char *v, *ix;
  int64_t k, itemsize;
  ct_cpu_kv_load_fn load;
  ct_cpu_msort_fn sort;
  int32_t kvsize;
  atomic_bool oom;
} ct_cpu_sort_job;

static void ct_cpu_sort_cb(int64_t begin, int64_t end, void *ctx) {
  ct_cpu_sort_job *j = ctx;
  const ct_cpu_line_geom *g = j->g;
  char *kv = g->n <= INT64_MAX / 2 / j->kvsize ? ct__malloc((size_t)(2 * g->n * j->kvsize)) : NULL;
  if (!kv) {
    atomic_store(&j->oom, true);
    return;
  }
  for (int64_t l = begin; l < end; l++) {
    int64_t xo, vo, io;
    ct_cpu_line_offsets(g, g->nk, l, &xo, &vo, &io);
    const char *x = j->x + xo;
    j->load(kv, x, g->xs, g->n);
    j->sort(kv, kv + g->n * j->kvsize, g->n);
    for (int64_t q = 0; q < j->k; q++) {
      int64_t i = ct_cpu_kv_index(kv, j->kvsize, q);
      if (j->v) memcpy(j->v + vo + q * g->os, x + i * g->xs, (size_t)j->itemsize);
      if (j->ix) memcpy(j->ix + io + q * g->o2s, &i, sizeof i);
    }
  }
  ct__free(kv);
}

static ct_status ct_cpu_sort(ct_tensor *values, ct_tensor *indices, ct_tensor *x, int32_t dim,
                             bool descending, int64_t k, const char *fn) {
  ct_cpu_line_geom g;
  CT_TRY(ct_cpu_line_geom_init(&g, x, values, indices, dim, fn));
  ct_cpu_sort_job j = {.g = &g,
                       .x = ct__data(x),
                       .v = values ? ct__data(values) : NULL,
                       .ix = indices ? ct__data(indices) : NULL,
                       .k = k,
                       .itemsize = ct__itemsize(x->dtype),
                       .load = ct_cpu_sort_table[x->dtype].load,
                       .kvsize = ct_cpu_sort_table[x->dtype].kvsize};
  atomic_init(&j.oom, false);
  j.sort = ct_cpu_msort_for(ct_cpu_sort_table[x->dtype].key, descending);
  if (g.n > 0 && g.lines > 0 && k > 0) {
    int64_t work = g.n * 8;
    ct__parallel_for(g.lines, (CT_CPU_RED_GRAIN + work) / (work + 1), ct_cpu_sort_cb, &j);
  }
  ct__free(g.heap);
  if (atomic_load(&j.oom))
    return ct__error(CT_ERR_OUT_OF_MEMORY,
                     "%s: cannot allocate 2 x %lld x %d bytes for a line", fn, (long long)g.n,
                     (int)j.kvsize);
  return CT_OK;
}

/* x is contiguous; inverse, when given, is a contiguous int64 tensor of x's shape. */
static ct_status ct_cpu_unique(ct_tensor **out, ct_tensor *inverse, ct_tensor **counts,
                               ct_tensor *x, const char *fn) {
  *out = NULL;
  if (counts) *counts = NULL;
  int64_t n = x->numel, isz = ct__itemsize(x->dtype);
  int32_t kvsize = ct_cpu_sort_table[x->dtype].kvsize;
  char *kv = NULL;
  if (n > INT64_MAX / 2 / kvsize)
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: %lld elements are too many to sort", fn,
                     (long long)n);
  if (n > 0)
    CT_TRY(ct__alloc_or_error((void **)&kv, (size_t)(2 * n * kvsize), fn, "sorting"));
  const char *xd = ct__data(x);
  if (n > 0) {
    ct_cpu_sort_table[x->dtype].load(kv, xd, isz, n);
    ct_cpu_msort_for(ct_cpu_sort_table[x->dtype].key, false)(kv, kv + n * kvsize, n);
  }
  /* Neighbours are equal when their keys compare equal (so every NaN stands alone). */
#define CT_CPU_KV_EQ(K, a, b)                                                                      \
  (((const ct_cpu_kv_##K *)(const void *)kv)[a].k == ((const ct_cpu_kv_##K *)(const void *)kv)[b].k)
  int32_t key = ct_cpu_sort_table[x->dtype].key;
  int64_t u = 0;
  char *first = kv + n * kvsize; /* reused: one flag per pair, "starts a group" */
  for (int64_t i = 0; i < n; i++) {
    bool eq = i > 0 && (key == CT_CPU_KEY_int64_t ? CT_CPU_KV_EQ(int64_t, i, i - 1)
                        : key == CT_CPU_KEY_float ? CT_CPU_KV_EQ(float, i, i - 1)
                                                  : CT_CPU_KV_EQ(double, i, i - 1));
    first[i] = !eq;
    u += !eq;
  }
#undef CT_CPU_KV_EQ
  ct_tensor *vals = NULL, *cnt = NULL;
  ct_status s = ct__tensor_empty(&vals, 1, &u, x->dtype, &ct_cpu_backend, 0, fn);
  if (s == CT_OK && counts)
    s = ct__tensor_empty(&cnt, 1, &u, CT_INT64, &ct_cpu_backend, 0, fn);
  if (s != CT_OK) {
    ct_tensor_release(vals);
    ct__free(kv);
    return s;
  }
  char *vd = ct__data(vals);
  int64_t *cd = cnt ? (int64_t *)(void *)ct__data(cnt) : NULL;
  int64_t *inv = inverse ? (int64_t *)(void *)ct__data(inverse) : NULL;
  int64_t grp = -1;
  for (int64_t i = 0; i < n; i++) {
    int64_t src = ct_cpu_kv_index(kv, kvsize, i);
    if (first[i]) {
      grp++;
      memcpy(vd + grp * isz, xd + src * isz, (size_t)isz);
      if (cd) cd[grp] = 0;
    }
    if (cd) cd[grp]++;
    if (inv) inv[src] = grp;
  }
  ct__free(kv);
  *out = vals;
  if (counts) *counts = cnt;
  return CT_OK;
}

const struct ct_backend_reduce_i ct_cpu_reduce = {
    .reduce = ct_cpu_reduce_kernel,
    .scan = ct_cpu_scan,
    .softmax = ct_cpu_softmax,
    .sort = ct_cpu_sort,
    .unique = ct_cpu_unique,
};
