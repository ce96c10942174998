/*
 * cuda_reduce.cu: the CUDA kernels of the reductions, scans and softmax
 * (the semantics of lib/cpu/cpu_reduce.c).
 *
 * Reductions: an operation is a small struct (state type S, identity,
 * element fold, combination of two states, final store), templated on its
 * compute type only; x and the results are read and written through their
 * runtime dtypes. One kernel shape serves every operation (see
 * cu_red_plan in cuda_reduce.h): each thread folds a fixed, strided subset
 * of its output's elements (ascending), the threads of an output combine
 * in a fixed tree in shared memory, and long reductions with few outputs
 * are cut in chunks whose states a second kernel combines, again in a
 * fixed tree. Every cut depends on the shapes only, so results are the
 * same bits run to run; no atomics are used. Accumulators follow the CPU:
 * integer sums and products wrap in 64 bits, float16/bfloat16 accumulate
 * in float, variances in double (Welford per thread, Chan's formula
 * between states). The float sums and means of contiguous runs also have a
 * 16-byte vector load path that visits the elements in the same order.
 *
 * Scans and softmax work on lines: a thread per line where lines lie side
 * by side (or are short), else a block (or a group of threads) per line.
 */
#include <math.h>
#include <string.h>

#include "cuda_common.cuh"
#include "cuda_reduce.h"

namespace {

/* ---- scalar helpers ------------------------------------------------------------------------- */

template <typename T>
__device__ __forceinline__ bool cu_red_isnan(T v) {
  return v != v;
}
template <>
__device__ __forceinline__ bool cu_red_isnan<int64_t>(int64_t) {
  return false;
}

template <typename T>
__device__ __forceinline__ T cu_red_mul(T a, T b) {
  return a * b;
}
/* Complex products as PyTorch computes them (no recovery of infinities). */
template <>
__device__ __forceinline__ cu_c64 cu_red_mul<cu_c64>(cu_c64 a, cu_c64 b) {
  return cu_c64(a.real() * b.real() - a.imag() * b.imag(),
                a.real() * b.imag() + a.imag() * b.real());
}
template <>
__device__ __forceinline__ cu_c128 cu_red_mul<cu_c128>(cu_c128 a, cu_c128 b) {
  return cu_c128(a.real() * b.real() - a.imag() * b.imag(),
                 a.real() * b.imag() + a.imag() * b.real());
}

__device__ __forceinline__ float cu_red_exp(float v) { return expf(v); }
__device__ __forceinline__ double cu_red_exp(double v) { return exp(v); }
__device__ __forceinline__ float cu_red_log(float v) { return logf(v); }
__device__ __forceinline__ double cu_red_log(double v) { return log(v); }

/* The larger (smaller) of a and v, NaN winning: max/min and the infinity norms. */
template <typename T>
__device__ __forceinline__ T cu_red_maxnan(T a, T v) {
  return v > a || cu_red_isnan(v) ? v : a;
}
template <typename T>
__device__ __forceinline__ T cu_red_minnan(T a, T v) {
  return v < a || cu_red_isnan(v) ? v : a;
}

/* What an accumulator loads: integers sum and multiply in uint64 (wrapping) from int64. */
template <typename A>
struct cu_red_val {
  typedef A T;
};
template <>
struct cu_red_val<uint64_t> {
  typedef int64_t T;
};

/* A final numeric value into a result of dtype dt; integer accumulators as int64 (their sign). */
__device__ __forceinline__ void cu_red_put(char *p, int dt, uint64_t v) {
  cu_store<int64_t>(p, dt, (int64_t)v);
}
template <typename A>
__device__ __forceinline__ void cu_red_put(char *p, int dt, A v) {
  cu_store<A>(p, dt, v);
}

/* ---- operations ----------------------------------------------------------------------------- */

/* sum, and mean (the sum divided by m at the end): every dtype (mean: floating and complex). */
template <typename A>
struct cu_op_sum {
  typedef A S;
  typedef typename cu_red_val<A>::T V;
  bool mean;
  int64_t m;
  __device__ S init() const { return S(0); }
  __device__ S acc(S s, V v, int64_t) const { return s + (S)v; }
  __device__ S comb(S a, S b) const { return a + b; }
  __device__ void fin(S s, char *o1, int d1, char *, int) const { cu_red_put(o1, d1, s); }
};
template <>
__device__ __forceinline__ void cu_op_sum<float>::fin(float s, char *o1, int d1, char *,
                                                      int) const {
  cu_red_put(o1, d1, mean ? s / (float)m : s);
}
template <>
__device__ __forceinline__ void cu_op_sum<double>::fin(double s, char *o1, int d1, char *,
                                                       int) const {
  cu_red_put(o1, d1, mean ? s / (double)m : s);
}
template <>
__device__ __forceinline__ void cu_op_sum<cu_c64>::fin(cu_c64 s, char *o1, int d1, char *,
                                                       int) const {
  cu_red_put(o1, d1, mean ? s / (float)m : s);
}
template <>
__device__ __forceinline__ void cu_op_sum<cu_c128>::fin(cu_c128 s, char *o1, int d1, char *,
                                                        int) const {
  cu_red_put(o1, d1, mean ? s / (double)m : s);
}

template <typename A>
struct cu_op_prod {
  typedef A S;
  typedef typename cu_red_val<A>::T V;
  __device__ S init() const { return S(1); }
  __device__ S acc(S s, V v, int64_t) const { return cu_red_mul<S>(s, (S)v); }
  __device__ S comb(S a, S b) const { return cu_red_mul<S>(a, b); }
  __device__ void fin(S s, char *o1, int d1, char *, int) const { cu_red_put(o1, d1, s); }
};

/* amax/amin, NaN propagating; C is int64 for bool and the integers. */
template <typename C>
struct cu_op_minmax {
  typedef C S;
  typedef C V;
  bool is_max;
  S lowest, highest;
  __device__ S init() const { return is_max ? lowest : highest; }
  __device__ S acc(S s, V v, int64_t) const {
    return is_max ? cu_red_maxnan(s, v) : cu_red_minnan(s, v);
  }
  __device__ S comb(S a, S b) const { return acc(a, b, 0); }
  __device__ void fin(S s, char *o1, int d1, char *, int) const { cu_store<C>(o1, d1, s); }
};

/* argmax/argmin: the best value and its first index, NaN best; i < 0 marks an empty state. */
template <typename C>
struct cu_arg_st {
  C v;
  int64_t i;
};
template <typename C>
struct cu_op_arg {
  typedef cu_arg_st<C> S;
  typedef C V;
  bool is_max;
  __device__ bool better(C v, C a) const {
    return (is_max ? v > a : v < a) || (cu_red_isnan(v) && !cu_red_isnan(a));
  }
  __device__ S init() const { return S{C(0), -1}; }
  __device__ S acc(S s, V v, int64_t f) const { return s.i < 0 || better(v, s.v) ? S{v, f} : s; }
  __device__ S comb(S a, S b) const {
    if (b.i < 0) return a;
    if (a.i < 0) return b;
    return better(b.v, a.v) || (!better(a.v, b.v) && b.i < a.i) ? b : a;
  }
  __device__ void fin(S s, char *o1, int d1, char *o2, int d2) const {
    cu_store<int64_t>(o1, d1, s.i < 0 ? 0 : s.i);
    if (o2) cu_store<C>(o2, d2, s.v);
  }
};

/* all, any, count_nonzero: a count of the nonzero elements (NaN is nonzero). */
struct cu_op_logic {
  typedef int64_t S;
  typedef bool V;
  int32_t kind;
  int64_t m;
  __device__ S init() const { return 0; }
  __device__ S acc(S s, V v, int64_t) const { return s + (v ? 1 : 0); }
  __device__ S comb(S a, S b) const { return a + b; }
  __device__ void fin(S s, char *o1, int d1, char *, int) const {
    if (kind == CU_RED_COUNT_NZ)
      cu_store<int64_t>(o1, d1, s);
    else
      cu_store<bool>(o1, d1, kind == CU_RED_ALL ? s == m : s > 0);
  }
};

/* Vector norms: V is what x loads as (float, double, complex), R its real accumulator. */
template <typename V>
struct cu_real_t {
  typedef V T;
};
template <>
struct cu_real_t<cu_c64> {
  typedef float T;
};
template <>
struct cu_real_t<cu_c128> {
  typedef double T;
};

__device__ __forceinline__ float cu_red_abs(float v) { return fabsf(v); }
__device__ __forceinline__ double cu_red_abs(double v) { return fabs(v); }
__device__ __forceinline__ float cu_red_abs(cu_c64 v) { return hypotf(v.real(), v.imag()); }
__device__ __forceinline__ double cu_red_abs(cu_c128 v) { return hypot(v.real(), v.imag()); }
__device__ __forceinline__ float cu_red_sq(float v) { return v * v; }
__device__ __forceinline__ double cu_red_sq(double v) { return v * v; }
__device__ __forceinline__ float cu_red_sq(cu_c64 v) {
  return v.real() * v.real() + v.imag() * v.imag();
}
__device__ __forceinline__ double cu_red_sq(cu_c128 v) {
  return v.real() * v.real() + v.imag() * v.imag();
}

template <typename VT>
struct cu_op_norm {
  typedef typename cu_real_t<VT>::T S;
  typedef VT V;
  int32_t pcase;
  S p, invp;
  __device__ S init() const { return pcase == CU_NORM_NEGINF ? S(INFINITY) : S(0); }
  __device__ S acc(S s, V v, int64_t) const {
    switch (pcase) {
      case CU_NORM_1: return s + cu_red_abs(v);
      case CU_NORM_2: return s + cu_red_sq(v);
      case CU_NORM_INF: return cu_red_maxnan(s, cu_red_abs(v));
      case CU_NORM_NEGINF: return cu_red_minnan(s, cu_red_abs(v));
      case CU_NORM_0: return s + (cu_nonzero<V>(v) ? S(1) : S(0));
      default: return s + pow(cu_red_abs(v), p);
    }
  }
  __device__ S comb(S a, S b) const {
    return pcase == CU_NORM_INF      ? cu_red_maxnan(a, b)
           : pcase == CU_NORM_NEGINF ? cu_red_minnan(a, b)
                                     : a + b;
  }
  __device__ void fin(S s, char *o1, int d1, char *, int) const {
    S r = pcase == CU_NORM_2 ? sqrt(s) : pcase == CU_NORM_P ? pow(s, invp) : s;
    cu_store<S>(o1, d1, r);
  }
};

/* Variance: count, mean (both parts) and sum of squared distances, in double. */
struct cu_var_st {
  double n, mre, mim, m2;
};
__device__ __forceinline__ double cu_red_re(double v) { return v; }
__device__ __forceinline__ double cu_red_im(double) { return 0.0; }
__device__ __forceinline__ double cu_red_re(cu_c128 v) { return v.real(); }
__device__ __forceinline__ double cu_red_im(cu_c128 v) { return v.imag(); }

template <typename VT>
struct cu_op_var {
  typedef cu_var_st S;
  typedef VT V; /* double or cu_c128 */
  bool is_std;
  double correction;
  __device__ S init() const { return S{0, 0, 0, 0}; }
  /* Welford's update. */
  __device__ S acc(S s, V v, int64_t) const {
    double n = s.n + 1, dr = cu_red_re(v) - s.mre, di = cu_red_im(v) - s.mim;
    s.mre += dr / n;
    s.mim += di / n;
    s.m2 += dr * (cu_red_re(v) - s.mre) + di * (cu_red_im(v) - s.mim);
    s.n = n;
    return s;
  }
  /* Chan's merge, as the CPU backend. */
  __device__ S comb(S a, S b) const {
    if (b.n == 0) return a;
    if (a.n == 0) return b;
    double tot = a.n + b.n, f = b.n / tot;
    double dre = b.mre - a.mre, dim = b.mim - a.mim;
    a.m2 += b.m2 + (dre * dre + dim * dim) * a.n * f;
    a.mre += dre * f;
    a.mim += dim * f;
    a.n = tot;
    return a;
  }
  __device__ void fin(S s, char *o1, int d1, char *o2, int d2) const {
    double dof = s.n - correction;
    double v = s.m2 / (dof > 0 ? dof : 0);
    cu_store<double>(o1, d1, is_std ? sqrt(v) : v);
    if (o2) {
      double re = s.n > 0 ? s.mre : (double)NAN, im = s.n > 0 ? s.mim : (double)NAN;
      cu_store<cu_c128>(o2, d2, cu_c128(re, im));
    }
  }
};

/*
 * logsumexp: {m, s} = the largest element and sum(exp(x - m)); m = -inf
 * means no weight (s = 0), m = +inf an infinite result (s = 1), NaN a NaN.
 */
template <typename R>
struct cu_lse_st {
  R m, s;
};
template <typename R>
struct cu_op_lse {
  typedef cu_lse_st<R> S;
  typedef R V;
  __device__ S init() const { return S{R(-INFINITY), R(0)}; }
  __device__ S comb(S a, S b) const {
    if (cu_red_isnan(a.m) || cu_red_isnan(b.m)) return S{R(NAN), R(NAN)};
    if (b.m == R(-INFINITY)) return a;
    if (a.m == R(-INFINITY)) return b;
    if (a.m == R(INFINITY) || b.m == R(INFINITY)) return S{R(INFINITY), R(1)};
    R mx = a.m > b.m ? a.m : b.m;
    return S{mx, a.s * cu_red_exp(a.m - mx) + b.s * cu_red_exp(b.m - mx)};
  }
  /* An online update (one exponential) while both are finite; comb's rules otherwise. */
  __device__ S acc(S s, V v, int64_t) const {
    bool fin_v = isfinite(v), fin_s = isfinite(s.m);
    if (fin_v && fin_s) {
      if (v > s.m) return S{v, s.s * cu_red_exp(s.m - v) + R(1)};
      return S{s.m, s.s + cu_red_exp(v - s.m)};
    }
    S e = cu_red_isnan(v) ? S{v, v} : v == R(-INFINITY) ? S{v, R(0)} : S{v, R(1)};
    return comb(s, e);
  }
  __device__ void fin(S s, char *o1, int d1, char *, int) const {
    cu_store<R>(o1, d1, s.m + cu_red_log(s.s));
  }
};

/* ---- the reduction kernels ------------------------------------------------------------------ */

/*
 * An element of x as the operation's value type. The logical reductions
 * read "nonzero", which for complex x means either part (cu_load<bool>
 * looks at the real part only, as conversions to bool do).
 */
template <typename V>
__device__ __forceinline__ V cu_red_load(const char *p, int dt) {
  return cu_load<V>(p, dt);
}
template <>
__device__ __forceinline__ bool cu_red_load<bool>(const char *p, int dt) {
  return dt >= CU_COMPLEX64 ? cu_nonzero<cu_c128>(cu_load<cu_c128>(p, dt)) : cu_load<bool>(p, dt);
}

__device__ __forceinline__ float cu_red_widen(float v) { return v; }
__device__ __forceinline__ double cu_red_widen(double v) { return v; }
__device__ __forceinline__ float cu_red_widen(__half v) { return __half2float(v); }
__device__ __forceinline__ float cu_red_widen(__nv_bfloat16 v) { return __bfloat162float(v); }

/* Element offset of the reduced element f (row-major over the reduced dims). */
__device__ __forceinline__ int64_t cu_red_roff(const cu_red_geom &g, int64_t f) {
  int64_t off = 0;
  for (int d = g.nr - 1; d >= 0; d--) {
    int64_t q = f / g.rsize[d];
    off += (f - q * g.rsize[d]) * g.rx[d];
    f = q;
  }
  return off;
}

/*
 * Folds the elements [f0, f1) of one output (x at its first element) that
 * belong to thread rl of by: the generic path takes elements rl, rl + by,
 * ... through the runtime dtype.
 */
template <class Op, typename T>
struct cu_red_fold {
  static __device__ typename Op::S run(const Op &op, const cu_red_geom &g, const char *x,
                                       int64_t f0, int64_t f1, int rl, int by, typename Op::S s) {
    const int isz = cu_itemsize(g.xdt);
    if (g.nr <= 1) {
      const int64_t bs = (g.nr ? g.rx[0] : 0) * isz;
      for (int64_t f = f0 + rl; f < f1; f += by)
        s = op.acc(s, cu_red_load<typename Op::V>(x + f * bs, g.xdt), f);
    } else {
      for (int64_t f = f0 + rl; f < f1; f += by)
        s = op.acc(s, cu_red_load<typename Op::V>(x + cu_red_roff(g, f) * isz, g.xdt), f);
    }
    return s;
  }
};

/*
 * The fast path: x of stored type T, the elements contiguous. Element e of
 * the chunk belongs to thread (e / W) % by (W elements in 16 bytes), each
 * thread visiting its elements in order; aligned chunks load 16 bytes at a
 * time, others one element at a time in the same order, so that the bits
 * never depend on where x lies in memory.
 */
template <class Op, typename T>
struct cu_red_fold_vec {
  static __device__ typename Op::S run(const Op &op, const cu_red_geom &g, const char *x,
                                       int64_t f0, int64_t f1, int rl, int by, typename Op::S s) {
    constexpr int W = 16 / sizeof(T);
    const T *b = (const T *)x + f0;
    const int64_t len = f1 - f0, nv = len / W;
    if (((uintptr_t)b & 15) == 0) {
      const uint4 *bv = (const uint4 *)b;
#pragma unroll 4
      for (int64_t j = rl; j < nv; j += by) {
        uint4 u = __ldg(bv + j);
        T e[W];
        memcpy(e, &u, sizeof u);
#pragma unroll
        for (int q = 0; q < W; q++) s = op.acc(s, cu_red_widen(e[q]), f0 + j * W + q);
      }
      if (nv % by == rl)
        for (int64_t e = nv * W; e < len; e++) s = op.acc(s, cu_red_widen(b[e]), f0 + e);
    } else {
      for (int64_t j = rl; j * W < len; j += by)
        for (int64_t e = j * W; e < j * W + W && e < len; e++)
          s = op.acc(s, cu_red_widen(b[e]), f0 + e);
    }
    return s;
  }
};
template <class Op>
struct cu_red_fold_vec<Op, void> : cu_red_fold<Op, void> {};

/*
 * x (o outputs of m elements) into out1/out2 or the chunk states: block
 * item it covers outputs (it / nchunks) * bx + [0, bx) and chunk
 * it % nchunks; thread (ol, rl) folds its share, the by threads of an
 * output then combine in a tree (lower rl on the left).
 */
template <class Op, typename T>
__global__ void __launch_bounds__(CU_RED_THREADS)
    cu_red_kernel(cu_red_geom g, Op op, cu_red_plan p, typename Op::S *part) {
  typedef typename Op::S S;
  __shared__ __align__(16) unsigned char smraw[CU_RED_THREADS * sizeof(S)];
  S *sm = reinterpret_cast<S *>(smraw);
  const int tid = threadIdx.x;
  const int rl = p.rfast ? tid % p.by : tid / p.bx;
  const int ol = p.rfast ? tid / p.by : tid % p.bx;
  const int64_t items = (g.o + p.bx - 1) / p.bx * p.nchunks;
  const int isz = cu_itemsize(g.xdt);
  for (int64_t it = blockIdx.x; it < items; it += gridDim.x) {
    const int64_t c = it % p.nchunks, o = it / p.nchunks * p.bx + ol;
    int64_t xo = 0, q1 = 0, q2 = 0;
    S s = op.init();
    if (o < g.o) {
      cu_dims_offsets3(g.nk, g.ksize, g.kx, g.ko1, g.ko2, o, xo, q1, q2);
      const int64_t f0 = c * p.csize, f1 = g.m - f0 < p.csize ? g.m : f0 + p.csize;
      s = cu_red_fold_vec<Op, T>::run(op, g, g.x + xo * isz, f0, f1, rl, p.by, s);
    }
    sm[tid] = s;
    __syncthreads();
    for (int st = p.by / 2; st > 0; st >>= 1) {
      if (rl < st) {
        const int a = tid, b = p.rfast ? tid + st : tid + st * p.bx;
        sm[a] = op.comb(sm[a], sm[b]);
      }
      __syncthreads();
    }
    if (rl == 0 && o < g.o) {
      if (p.nchunks == 1)
        op.fin(sm[tid], g.o1 + q1 * cu_itemsize(g.o1dt), g.o1dt,
               g.o2 ? g.o2 + q2 * cu_itemsize(g.o2dt) : nullptr, g.o2dt);
      else
        part[c * g.o + o] = sm[tid];
    }
    __syncthreads();
  }
}

/*
 * The chunk states of each output combined and stored: cb threads per
 * output (a power of two), each combining chunks lane, lane + cb, ...,
 * then a tree, as in cu_red_kernel.
 */
template <class Op>
__global__ void __launch_bounds__(CU_RED_THREADS)
    cu_red_comb_kernel(cu_red_geom g, Op op, int64_t nchunks, int cb, const typename Op::S *part) {
  typedef typename Op::S S;
  __shared__ __align__(16) unsigned char smraw[CU_RED_THREADS * sizeof(S)];
  S *sm = reinterpret_cast<S *>(smraw);
  const int tid = threadIdx.x, lane = tid % cb, per = CU_RED_THREADS / cb;
  for (int64_t ob = blockIdx.x; ob * per < g.o; ob += gridDim.x) {
    const int64_t o = ob * per + tid / cb;
    S s = op.init();
    if (o < g.o) {
#pragma unroll 4
      for (int64_t c = lane; c < nchunks; c += cb) s = op.comb(s, part[c * g.o + o]);
    }
    sm[tid] = s;
    __syncthreads();
    for (int st = cb / 2; st > 0; st >>= 1) {
      if (lane < st) sm[tid] = op.comb(sm[tid], sm[tid + st]);
      __syncthreads();
    }
    if (lane == 0 && o < g.o) {
      int64_t xo, q1, q2;
      cu_dims_offsets3(g.nk, g.ksize, g.kx, g.ko1, g.ko2, o, xo, q1, q2);
      op.fin(sm[tid], g.o1 + q1 * cu_itemsize(g.o1dt), g.o1dt,
             g.o2 ? g.o2 + q2 * cu_itemsize(g.o2dt) : nullptr, g.o2dt);
    }
    __syncthreads();
  }
}

/* Blocks for n work items of a grid-stride kernel. */
unsigned cu_red_grid(int64_t n) {
  const int64_t cap = 65535LL * 8;
  return (unsigned)(n < 1 ? 1 : n > cap ? cap : n);
}

template <typename T, class Op>
int cu_red_launch(const cu_red_geom *g, Op op, const cu_red_plan &p, void *part, cudaStream_t st) {
  typedef typename Op::S S;
  static_assert(sizeof(S) <= CU_RED_STATE_MAX, "a state outgrows the partials' room");
  const int64_t items = (g->o + p.bx - 1) / p.bx * p.nchunks;
  cu_red_kernel<Op, T><<<cu_red_grid(items), CU_RED_THREADS, 0, st>>>(*g, op, p, (S *)part);
  if (p.nchunks > 1) {
    int cb = 1;
    while (cb < CU_RED_THREADS && cb < p.nchunks) cb *= 2;
    const int64_t per = CU_RED_THREADS / cb;
    cu_red_comb_kernel<Op><<<cu_red_grid((g->o + per - 1) / per), CU_RED_THREADS, 0, st>>>(
        *g, op, p.nchunks, cb, (const S *)part);
  }
  return (int)cudaGetLastError();
}

/* sum/mean of floating x: the vector path where the elements of an output are contiguous. */
template <typename A, typename T>
int cu_red_sum_float(const cu_red_geom *g, cu_op_sum<A> op, const cu_red_plan &p, void *part,
                     cudaStream_t st) {
  if (p.rfast && g->nr == 1 && g->rx[0] == 1) return cu_red_launch<T>(g, op, p, part, st);
  return cu_red_launch<void>(g, op, p, part, st);
}

bool cu_is_int(int dt) { return dt <= CU_INT64; }

} /* namespace */

CU_EXTERN bool cu_reduce_supported(int kind, int pcase, int dt) {
  (void)pcase;
  const bool is_int = cu_is_int(dt), is_cplx = dt >= CU_COMPLEX64;
  switch (kind) {
    case CU_RED_SUM:
    case CU_RED_PROD:
    case CU_RED_ALL:
    case CU_RED_ANY:
    case CU_RED_COUNT_NZ: return true;
    case CU_RED_MEAN:
    case CU_RED_NORM:
    case CU_RED_VAR:
    case CU_RED_STD: return !is_int;
    case CU_RED_MAX:
    case CU_RED_MIN:
    case CU_RED_ARGMAX:
    case CU_RED_ARGMIN: return !is_cplx;
    case CU_RED_LOGSUMEXP: return !is_int && !is_cplx;
    default: return false;
  }
}

CU_EXTERN int cu_reduce(const cu_red_geom *g, cu_red_args a, cu_red_plan p, void *part,
                        cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  const int dt = g->xdt;
  if (g->o == 0) return (int)cudaSuccess;
  switch (a.kind) {
    case CU_RED_SUM:
    case CU_RED_MEAN: {
      const bool mean = a.kind == CU_RED_MEAN;
      if (cu_is_int(dt))
        return cu_red_launch<void>(g, cu_op_sum<uint64_t>{mean, g->m}, p, part, st);
      switch (dt) {
        case CU_FLOAT16: return cu_red_sum_float<float, __half>(g, {mean, g->m}, p, part, st);
        case CU_BFLOAT16:
          return cu_red_sum_float<float, __nv_bfloat16>(g, {mean, g->m}, p, part, st);
        case CU_FLOAT32: return cu_red_sum_float<float, float>(g, {mean, g->m}, p, part, st);
        case CU_FLOAT64: return cu_red_sum_float<double, double>(g, {mean, g->m}, p, part, st);
        case CU_COMPLEX64:
          return cu_red_launch<void>(g, cu_op_sum<cu_c64>{mean, g->m}, p, part, st);
        default: return cu_red_launch<void>(g, cu_op_sum<cu_c128>{mean, g->m}, p, part, st);
      }
    }
    case CU_RED_PROD:
      if (cu_is_int(dt)) return cu_red_launch<void>(g, cu_op_prod<uint64_t>{}, p, part, st);
      switch (dt) {
        case CU_FLOAT64: return cu_red_launch<void>(g, cu_op_prod<double>{}, p, part, st);
        case CU_COMPLEX64: return cu_red_launch<void>(g, cu_op_prod<cu_c64>{}, p, part, st);
        case CU_COMPLEX128: return cu_red_launch<void>(g, cu_op_prod<cu_c128>{}, p, part, st);
        default: return cu_red_launch<void>(g, cu_op_prod<float>{}, p, part, st);
      }
    case CU_RED_MAX:
    case CU_RED_MIN: {
      const bool mx = a.kind == CU_RED_MAX;
      if (cu_is_int(dt))
        return cu_red_launch<void>(g, cu_op_minmax<int64_t>{mx, INT64_MIN, INT64_MAX}, p, part, st);
      if (dt == CU_FLOAT64)
        return cu_red_launch<void>(g, cu_op_minmax<double>{mx, -INFINITY, INFINITY}, p, part, st);
      return cu_red_launch<void>(g, cu_op_minmax<float>{mx, -INFINITY, INFINITY}, p, part, st);
    }
    case CU_RED_ARGMAX:
    case CU_RED_ARGMIN: {
      const bool mx = a.kind == CU_RED_ARGMAX;
      if (cu_is_int(dt)) return cu_red_launch<void>(g, cu_op_arg<int64_t>{mx}, p, part, st);
      if (dt == CU_FLOAT64) return cu_red_launch<void>(g, cu_op_arg<double>{mx}, p, part, st);
      return cu_red_launch<void>(g, cu_op_arg<float>{mx}, p, part, st);
    }
    case CU_RED_ALL:
    case CU_RED_ANY:
    case CU_RED_COUNT_NZ: return cu_red_launch<void>(g, cu_op_logic{a.kind, g->m}, p, part, st);
    case CU_RED_NORM: {
      const float pf = (float)a.p, ipf = (float)(1.0 / a.p);
      switch (dt) {
        case CU_FLOAT64:
          return cu_red_launch<void>(g, cu_op_norm<double>{a.pcase, a.p, 1.0 / a.p}, p, part, st);
        case CU_COMPLEX64:
          return cu_red_launch<void>(g, cu_op_norm<cu_c64>{a.pcase, pf, ipf}, p, part, st);
        case CU_COMPLEX128:
          return cu_red_launch<void>(g, cu_op_norm<cu_c128>{a.pcase, a.p, 1.0 / a.p}, p, part, st);
        default: return cu_red_launch<void>(g, cu_op_norm<float>{a.pcase, pf, ipf}, p, part, st);
      }
    }
    case CU_RED_VAR:
    case CU_RED_STD: {
      const bool sd = a.kind == CU_RED_STD;
      if (dt >= CU_COMPLEX64)
        return cu_red_launch<void>(g, cu_op_var<cu_c128>{sd, a.correction}, p, part, st);
      return cu_red_launch<void>(g, cu_op_var<double>{sd, a.correction}, p, part, st);
    }
    case CU_RED_LOGSUMEXP:
      if (dt == CU_FLOAT64) return cu_red_launch<void>(g, cu_op_lse<double>{}, p, part, st);
      return cu_red_launch<void>(g, cu_op_lse<float>{}, p, part, st);
    default: return (int)cudaErrorInvalidValue;
  }
}

/* ---- lines: scans and softmax --------------------------------------------------------------- */

namespace {

/*
 * Whether a thread takes a whole line: the lines lie side by side (another
 * dim has the smaller stride) and are many, or the lines are short.
 */
bool cu_line_per_thread(const cu_line_geom *g) {
  const bool side = g->nk > 0 && llabs((long long)g->kx[g->nk - 1]) < llabs((long long)g->xs) &&
                    g->ksize[g->nk - 1] >= 4;
  return side ? g->lines >= 1024 || g->n <= 32 : g->n <= 32;
}

/* Start of line l in x and o (element offsets). */
__device__ __forceinline__ void cu_line_start(const cu_line_geom &g, int64_t l, int64_t &xo,
                                              int64_t &oo) {
  int64_t unused;
  cu_dims_offsets3(g.nk, g.ksize, g.kx, g.ko, g.ko2, l, xo, oo, unused);
}

template <typename A>
__device__ __forceinline__ A cu_scan_op(A a, A b, bool prod) {
  return prod ? cu_red_mul<A>(a, b) : a + b;
}

/* A running fold per thread along its lines. */
template <typename A>
__global__ void cu_scan_line_kernel(cu_line_geom g, bool prod) {
  typedef typename cu_red_val<A>::T V;
  const int xi = cu_itemsize(g.xdt), oi = cu_itemsize(g.odt);
  CU_GRID_LOOP(l, g.lines) {
    int64_t xo, oo;
    cu_line_start(g, l, xo, oo);
    const char *x = g.x + xo * xi;
    char *o = g.o + oo * oi;
    A acc = prod ? A(1) : A(0);
    for (int64_t i = 0; i < g.n; i++) {
      acc = cu_scan_op<A>(acc, (A)cu_load<V>(x + i * g.xs * xi, g.xdt), prod);
      cu_red_put(o + i * g.os * oi, g.odt, acc);
    }
  }
}

/*
 * Inclusive scan of one tile of CU_RED_THREADS values, v from each thread
 * (Hillis-Steele in shared memory, a fixed order): returns this thread's
 * prefix and leaves the tile's total in sm[CU_RED_THREADS - 1]. The caller
 * syncs before sm is used again.
 */
template <typename A>
__device__ __forceinline__ A cu_scan_tile(A v, bool prod, A id, A *sm) {
  const int tid = threadIdx.x;
  sm[tid] = v;
  __syncthreads();
  for (int off = 1; off < CU_RED_THREADS; off <<= 1) {
    A left = tid >= off ? sm[tid - off] : id;
    __syncthreads();
    v = cu_scan_op<A>(left, v, prod);
    sm[tid] = v;
    __syncthreads();
  }
  return v;
}

/*
 * Scans elements [i0, i1) of a line (x and o at its start) tile by tile
 * from carry, storing the results when store is set; returns the carry at
 * the end.
 */
template <typename A>
__device__ A cu_scan_range(const cu_line_geom &g, const char *x, char *o, int64_t i0, int64_t i1,
                           A carry, bool prod, bool store, A *sm) {
  typedef typename cu_red_val<A>::T V;
  const int xi = cu_itemsize(g.xdt), oi = cu_itemsize(g.odt);
  const A id = prod ? A(1) : A(0);
  for (int64_t t0 = i0; t0 < i1; t0 += CU_RED_THREADS) {
    const int64_t i = t0 + threadIdx.x;
    const A v =
        cu_scan_tile<A>(i < i1 ? (A)cu_load<V>(x + i * g.xs * xi, g.xdt) : id, prod, id, sm);
    if (store && i < i1) cu_red_put(o + i * g.os * oi, g.odt, cu_scan_op<A>(carry, v, prod));
    carry = cu_scan_op<A>(carry, sm[CU_RED_THREADS - 1], prod);
    __syncthreads();
  }
  return carry;
}

/*
 * Block item it = (line, chunk), nch chunks of csize elements per line
 * (nch = 1: whole lines). With tot, the chunk's total goes to tot[it] and
 * nothing is stored (the first pass of a chunked scan); otherwise the
 * chunk is scanned into o from the carry cin[it] (cin NULL: the identity).
 */
template <typename A>
__global__ void __launch_bounds__(CU_RED_THREADS)
    cu_scan_block_kernel(cu_line_geom g, bool prod, int64_t csize, int64_t nch, const A *cin,
                         A *tot) {
  __shared__ __align__(16) unsigned char smraw[CU_RED_THREADS * sizeof(A)];
  A *sm = reinterpret_cast<A *>(smraw);
  const int xi = cu_itemsize(g.xdt), oi = cu_itemsize(g.odt);
  for (int64_t it = blockIdx.x; it < g.lines * nch; it += gridDim.x) {
    const int64_t l = it / nch, c = it - l * nch;
    int64_t xo, oo;
    cu_line_start(g, l, xo, oo);
    const int64_t i0 = c * csize, i1 = g.n - i0 < csize ? g.n : i0 + csize;
    const A carry = cin ? cin[it] : prod ? A(1) : A(0);
    const A end = cu_scan_range<A>(g, g.x + xo * xi, g.o + oo * oi, i0, i1, carry, prod, !tot, sm);
    if (tot && threadIdx.x == 0) tot[it] = end;
  }
}

/* The chunk totals of each line (a block per line) into exclusive prefixes, in place. */
template <typename A>
__global__ void __launch_bounds__(CU_RED_THREADS)
    cu_scan_carry_kernel(int64_t lines, int64_t nch, bool prod, A *tot) {
  __shared__ __align__(16) unsigned char smraw[CU_RED_THREADS * sizeof(A)];
  A *sm = reinterpret_cast<A *>(smraw);
  const int tid = threadIdx.x;
  const A id = prod ? A(1) : A(0);
  for (int64_t l = blockIdx.x; l < lines; l += gridDim.x) {
    A *t = tot + l * nch, carry = id;
    for (int64_t t0 = 0; t0 < nch; t0 += CU_RED_THREADS) {
      const int64_t i = t0 + tid;
      cu_scan_tile<A>(i < nch ? t[i] : id, prod, id, sm);
      const A before = tid > 0 ? sm[tid - 1] : id;
      if (i < nch) t[i] = cu_scan_op<A>(carry, before, prod);
      carry = cu_scan_op<A>(carry, sm[CU_RED_THREADS - 1], prod);
      __syncthreads();
    }
  }
}

template <typename A>
int cu_scan_launch(const cu_line_geom *g, bool prod, void *scratch, cudaStream_t st) {
  const int64_t nch = cu_line_chunks(g);
  if (cu_line_per_thread(g)) {
    cu_scan_line_kernel<A><<<cu_blocks(g->lines), CU_BLOCK, 0, st>>>(*g, prod);
  } else if (nch == 1) {
    cu_scan_block_kernel<A>
        <<<cu_red_grid(g->lines), CU_RED_THREADS, 0, st>>>(*g, prod, g->n, 1, nullptr, nullptr);
  } else {
    /* Chunk totals, their exclusive prefixes per line, then each chunk from its prefix. */
    A *tot = (A *)scratch;
    const unsigned grid = cu_red_grid(g->lines * nch);
    cu_scan_block_kernel<A>
        <<<grid, CU_RED_THREADS, 0, st>>>(*g, prod, CU_LINE_CHUNK, nch, nullptr, tot);
    cu_scan_carry_kernel<A>
        <<<cu_red_grid(g->lines), CU_RED_THREADS, 0, st>>>(g->lines, nch, prod, tot);
    cu_scan_block_kernel<A>
        <<<grid, CU_RED_THREADS, 0, st>>>(*g, prod, CU_LINE_CHUNK, nch, tot, nullptr);
  }
  return (int)cudaGetLastError();
}

/* Softmax of whole lines, one thread each: the maximum, the sum of exponentials, the results. */
template <typename A>
__global__ void cu_softmax_line_kernel(cu_line_geom g, bool log_) {
  const int xi = cu_itemsize(g.xdt), oi = cu_itemsize(g.odt);
  CU_GRID_LOOP(l, g.lines) {
    int64_t xo, oo;
    cu_line_start(g, l, xo, oo);
    const char *x = g.x + xo * xi;
    char *o = g.o + oo * oi;
    A mx = A(-INFINITY), sum = A(0);
    for (int64_t i = 0; i < g.n; i++) mx = cu_red_maxnan(mx, cu_load<A>(x + i * g.xs * xi, g.xdt));
    for (int64_t i = 0; i < g.n; i++) sum += cu_red_exp(cu_load<A>(x + i * g.xs * xi, g.xdt) - mx);
    const A c = log_ ? cu_red_log(sum) : A(1) / sum;
    for (int64_t i = 0; i < g.n; i++) {
      A v = cu_load<A>(x + i * g.xs * xi, g.xdt) - mx;
      cu_store<A>(o + i * g.os * oi, g.odt, log_ ? v - c : cu_red_exp(v) * c);
    }
  }
}

/*
 * Softmax with a group of `by` threads per line (CU_RED_THREADS / by lines
 * per block): each pass folds a strided share per thread, then a tree.
 */
template <typename A>
__global__ void __launch_bounds__(CU_RED_THREADS)
    cu_softmax_group_kernel(cu_line_geom g, bool log_, int by) {
  __shared__ A sm[CU_RED_THREADS];
  const int tid = threadIdx.x, rl = tid % by, per = CU_RED_THREADS / by;
  const int xi = cu_itemsize(g.xdt), oi = cu_itemsize(g.odt);
  for (int64_t lb = blockIdx.x; lb * per < g.lines; lb += gridDim.x) {
    const int64_t l = lb * per + tid / by;
    const bool live = l < g.lines;
    int64_t xo = 0, oo = 0;
    if (live) cu_line_start(g, l, xo, oo);
    const char *x = g.x + xo * xi;
    char *o = g.o + oo * oi;
    A mx = A(-INFINITY), sum = A(0);
    if (live)
      for (int64_t i = rl; i < g.n; i += by)
        mx = cu_red_maxnan(mx, cu_load<A>(x + i * g.xs * xi, g.xdt));
    sm[tid] = mx;
    __syncthreads();
    for (int st = by / 2; st > 0; st >>= 1) {
      if (rl < st) sm[tid] = cu_red_maxnan(sm[tid], sm[tid + st]);
      __syncthreads();
    }
    mx = sm[tid - rl];
    __syncthreads();
    if (live)
      for (int64_t i = rl; i < g.n; i += by)
        sum += cu_red_exp(cu_load<A>(x + i * g.xs * xi, g.xdt) - mx);
    sm[tid] = sum;
    __syncthreads();
    for (int st = by / 2; st > 0; st >>= 1) {
      if (rl < st) sm[tid] = sm[tid] + sm[tid + st];
      __syncthreads();
    }
    sum = sm[tid - rl];
    __syncthreads();
    const A c = log_ ? cu_red_log(sum) : A(1) / sum;
    if (live)
      for (int64_t i = rl; i < g.n; i += by) {
        A v = cu_load<A>(x + i * g.xs * xi, g.xdt) - mx;
        cu_store<A>(o + i * g.os * oi, g.odt, log_ ? v - c : cu_red_exp(v) * c);
      }
  }
}

/*
 * A few long lines: the logsumexp state {max, sum of exp(x - max)} of each
 * chunk of CU_LINE_CHUNK elements (a block per chunk, a fixed tree) ...
 */
template <typename A>
__global__ void __launch_bounds__(CU_RED_THREADS)
    cu_softmax_part_kernel(cu_line_geom g, int64_t nch, cu_lse_st<A> *part) {
  typedef cu_lse_st<A> S;
  __shared__ __align__(16) unsigned char smraw[CU_RED_THREADS * sizeof(S)];
  S *sm = reinterpret_cast<S *>(smraw);
  const cu_op_lse<A> op{};
  const int tid = threadIdx.x, xi = cu_itemsize(g.xdt);
  for (int64_t it = blockIdx.x; it < g.lines * nch; it += gridDim.x) {
    const int64_t l = it / nch, c = it - l * nch;
    int64_t xo, oo;
    cu_line_start(g, l, xo, oo);
    const char *x = g.x + xo * xi;
    const int64_t i0 = c * CU_LINE_CHUNK, i1 = g.n - i0 < CU_LINE_CHUNK ? g.n : i0 + CU_LINE_CHUNK;
    S s = op.init();
    for (int64_t i = i0 + tid; i < i1; i += CU_RED_THREADS)
      s = op.acc(s, cu_load<A>(x + i * g.xs * xi, g.xdt), i);
    sm[tid] = s;
    __syncthreads();
    for (int st = CU_RED_THREADS / 2; st > 0; st >>= 1) {
      if (tid < st) sm[tid] = op.comb(sm[tid], sm[tid + st]);
      __syncthreads();
    }
    if (tid == 0) part[it] = sm[0];
    __syncthreads();
  }
}

/* ... combined per line (a block per line) into part[lines * nch + line] ... */
template <typename A>
__global__ void __launch_bounds__(CU_RED_THREADS)
    cu_softmax_total_kernel(int64_t lines, int64_t nch, cu_lse_st<A> *part) {
  typedef cu_lse_st<A> S;
  __shared__ __align__(16) unsigned char smraw[CU_RED_THREADS * sizeof(S)];
  S *sm = reinterpret_cast<S *>(smraw);
  const cu_op_lse<A> op{};
  const int tid = threadIdx.x;
  for (int64_t l = blockIdx.x; l < lines; l += gridDim.x) {
    S s = op.init();
    for (int64_t c = tid; c < nch; c += CU_RED_THREADS) s = op.comb(s, part[l * nch + c]);
    sm[tid] = s;
    __syncthreads();
    for (int st = CU_RED_THREADS / 2; st > 0; st >>= 1) {
      if (tid < st) sm[tid] = op.comb(sm[tid], sm[tid + st]);
      __syncthreads();
    }
    if (tid == 0) part[lines * nch + l] = sm[0];
    __syncthreads();
  }
}

/*
 * ... and applied to every element. A +inf maximum makes the sum NaN, as
 * the direct form (exp(inf - inf)) does.
 */
template <typename A>
__global__ void cu_softmax_apply_kernel(cu_line_geom g, bool log_, const cu_lse_st<A> *tot) {
  const int xi = cu_itemsize(g.xdt), oi = cu_itemsize(g.odt);
  CU_GRID_LOOP(i, g.lines * g.n) {
    const int64_t l = i / g.n, j = i - l * g.n;
    int64_t xo, oo;
    cu_line_start(g, l, xo, oo);
    const cu_lse_st<A> t = tot[l];
    const A sum = t.m == A(INFINITY) ? A(NAN) : t.s;
    const A v = cu_load<A>(g.x + (xo + j * g.xs) * xi, g.xdt) - t.m;
    cu_store<A>(g.o + (oo + j * g.os) * oi, g.odt,
                log_ ? v - cu_red_log(sum) : cu_red_exp(v) * (A(1) / sum));
  }
}

template <typename A>
int cu_softmax_launch(const cu_line_geom *g, bool log_, void *scratch, cudaStream_t st) {
  const int64_t nch = cu_line_chunks(g);
  if (cu_line_per_thread(g)) {
    cu_softmax_line_kernel<A><<<cu_blocks(g->lines), CU_BLOCK, 0, st>>>(*g, log_);
  } else if (nch == 1) {
    int by = 32;
    while (by < CU_RED_THREADS && by < g->n) by *= 2;
    const int per = CU_RED_THREADS / by;
    cu_softmax_group_kernel<A>
        <<<cu_red_grid((g->lines + per - 1) / per), CU_RED_THREADS, 0, st>>>(*g, log_, by);
  } else {
    cu_lse_st<A> *part = (cu_lse_st<A> *)scratch;
    cu_softmax_part_kernel<A>
        <<<cu_red_grid(g->lines * nch), CU_RED_THREADS, 0, st>>>(*g, nch, part);
    cu_softmax_total_kernel<A>
        <<<cu_red_grid(g->lines), CU_RED_THREADS, 0, st>>>(g->lines, nch, part);
    cu_softmax_apply_kernel<A>
        <<<cu_blocks(g->lines * g->n), CU_BLOCK, 0, st>>>(*g, log_, part + g->lines * nch);
  }
  return (int)cudaGetLastError();
}

} /* namespace */

CU_EXTERN int64_t cu_line_chunks(const cu_line_geom *g) {
  if (cu_line_per_thread(g) || g->lines >= 128 || g->n < 4 * CU_LINE_CHUNK) return 1;
  return (g->n + CU_LINE_CHUNK - 1) / CU_LINE_CHUNK;
}

/* Accumulators as the CPU backend's scans: int64 (wrapping), float, double, complex128. */
CU_EXTERN int cu_scan(const cu_line_geom *g, int kind, void *scratch, cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  const bool prod = kind == 1;
  if (g->lines == 0 || g->n == 0) return (int)cudaSuccess;
  switch (g->xdt) {
    case CU_FLOAT16:
    case CU_BFLOAT16: return cu_scan_launch<float>(g, prod, scratch, st);
    case CU_FLOAT32:
    case CU_FLOAT64: return cu_scan_launch<double>(g, prod, scratch, st);
    case CU_COMPLEX64:
    case CU_COMPLEX128: return cu_scan_launch<cu_c128>(g, prod, scratch, st);
    default: return cu_scan_launch<uint64_t>(g, prod, scratch, st);
  }
}

CU_EXTERN int cu_softmax(const cu_line_geom *g, bool log_, void *scratch, cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  if (g->lines == 0 || g->n == 0) return (int)cudaSuccess;
  if (g->xdt == CU_FLOAT64) return cu_softmax_launch<double>(g, log_, scratch, st);
  return cu_softmax_launch<float>(g, log_, scratch, st);
}
