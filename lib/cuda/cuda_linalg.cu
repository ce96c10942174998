/*
 * cuda_linalg.cu: the CUDA module's own batched matrix product, the
 * reference beside cuBLAS and the kernel for what cuBLAS lacks: integer and
 * bool dtypes (cuda_linalg.c sends every other dtype to cuBLAS), and the
 * products that only scale c (k == 0 or alpha == 0, where a and b must not
 * be read).
 *
 * The arithmetic mirrors the CPU's built-in kernel (lib/cpu/cpu_linalg.c):
 * integers load sign-extended into uint64 and wrap (the low bits of the sum
 * are those of the CPU's uint32 accumulator for the narrow types), bool
 * loads as 0/1, sums as an integer and stores "nonzero" (logical and / or);
 * float16 and bfloat16 accumulate in float and round once; complex products
 * use the CPU's explicit formulas. c = alpha * sum + beta * c, beta skipped
 * when zero (c is not read), and c = beta * c (or 0) when a and b are skipped.
 *
 * Every thread of a 16 x 16 block owns one element of a 16 x 16 tile of c
 * and sums over k in order, reading a and b through tiles in shared memory:
 * plain, but the result does not depend on the grid, and operands are read
 * through their strides and runtime dtype, so any layout works.
 */
#include "cuda_common.cuh"
#include "cuda_linalg.h"

enum { CU_LA_TILE = 16 };

/*
 * The arithmetic of one compute type: its accumulator, loads and stores
 * through the runtime dtype, alpha and beta, and + and *.
 */
template <typename T> struct cu_la_real {
  typedef T acc;
  static __device__ __forceinline__ acc zero() { return T(0); }
  static __device__ __forceinline__ acc load(const char *p, int dtype) { return cu_load<T>(p, dtype); }
  static __device__ __forceinline__ void store(char *p, int dtype, acc v) { cu_store<T>(p, dtype, v); }
  static __device__ __forceinline__ acc scalar(const double *v, int64_t) { return (T)v[0]; }
  static __device__ __forceinline__ acc add(acc x, acc y) { return x + y; }
  static __device__ __forceinline__ acc mul(acc x, acc y) { return x * y; }
};

/* Integers and bool: uint64 arithmetic wraps where signed overflow would be undefined. */
struct cu_la_int {
  typedef uint64_t acc;
  static __device__ __forceinline__ acc zero() { return 0; }
  static __device__ __forceinline__ acc load(const char *p, int dtype) {
    if (dtype == CU_BOOL) return *(const uint8_t *)p != 0;
    return (uint64_t)cu_load<int64_t>(p, dtype);
  }
  static __device__ __forceinline__ void store(char *p, int dtype, acc v) {
    if (dtype == CU_BOOL)
      *(uint8_t *)p = v != 0;
    else
      cu_store<int64_t>(p, dtype, (int64_t)v); /* keeps the low bits */
  }
  static __device__ __forceinline__ acc scalar(const double *, int64_t i) { return (uint64_t)i; }
  static __device__ __forceinline__ acc add(acc x, acc y) { return x + y; }
  static __device__ __forceinline__ acc mul(acc x, acc y) { return x * y; }
};

/* Complex values as plain pairs, so that the products are exactly the CPU's formulas. */
template <typename R> struct cu_la_pair {
  R re, im;
};
template <typename R> struct cu_la_complex {
  typedef cu_la_pair<R> acc;
  typedef cuda::std::complex<R> C;
  static __device__ __forceinline__ acc zero() { return acc{R(0), R(0)}; }
  static __device__ __forceinline__ acc load(const char *p, int dtype) {
    C v = cu_load<C>(p, dtype);
    return acc{v.real(), v.imag()};
  }
  static __device__ __forceinline__ void store(char *p, int dtype, acc v) {
    cu_store<C>(p, dtype, C(v.re, v.im));
  }
  static __device__ __forceinline__ acc scalar(const double *v, int64_t) { return acc{(R)v[0], (R)v[1]}; }
  static __device__ __forceinline__ acc add(acc x, acc y) { return acc{x.re + y.re, x.im + y.im}; }
  static __device__ __forceinline__ acc mul(acc x, acc y) {
    return acc{x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re};
  }
};

/*
 * c (m, n) = beta * c + alpha * a (m, k) @ b (k, n) for every batch index.
 * Block (x, y) = (column, row) within a tile; the grid strides over column
 * tiles (x), row tiles (y) and batch indices (z), so any size fits.
 */
template <typename Ops> __global__ void cu_gemm_kernel(cu_gemm g) {
  typedef typename Ops::acc A;
  __shared__ A as[CU_LA_TILE][CU_LA_TILE + 1];
  __shared__ A bs[CU_LA_TILE][CU_LA_TILE + 1];
  const int tx = threadIdx.x, ty = threadIdx.y, dt = g.dtype;
  const int64_t isz = cu_itemsize(dt);
  int64_t nbatch = 1;
  for (int d = 0; d < g.batch_ndim; d++) nbatch *= g.batch_shape[d];
  const int64_t mtiles = (g.m + CU_LA_TILE - 1) / CU_LA_TILE, ntiles = (g.n + CU_LA_TILE - 1) / CU_LA_TILE;
  const A alpha = Ops::scalar(g.alpha, g.alpha_i), beta = Ops::scalar(g.beta, g.beta_i);

  for (int64_t bi = blockIdx.z; bi < nbatch; bi += gridDim.z) {
    int64_t off[3] = {0, 0, 0};
    int64_t rest = bi;
    for (int d = g.batch_ndim - 1; d >= 0 && rest > 0; d--) {
      int64_t i = rest % g.batch_shape[d];
      rest /= g.batch_shape[d];
      for (int op = 0; op < 3; op++) off[op] += i * g.batch_strides[op][d];
    }
    const char *a = g.data[0] + off[0] * isz, *b = g.data[1] + off[1] * isz;
    char *c = g.data[2] + off[2] * isz;

    for (int64_t ti = blockIdx.y; ti < mtiles; ti += gridDim.y)
      for (int64_t tj = blockIdx.x; tj < ntiles; tj += gridDim.x) {
        const int64_t i = ti * CU_LA_TILE + ty, j = tj * CU_LA_TILE + tx;
        A s = Ops::zero();
        if (!g.skip_ab) {
          for (int64_t p0 = 0; p0 < g.k; p0 += CU_LA_TILE) {
            const int64_t pa = p0 + tx, pb = p0 + ty;
            as[ty][tx] = i < g.m && pa < g.k ? Ops::load(a + (i * g.rs[0] + pa * g.cs[0]) * isz, dt) : Ops::zero();
            bs[ty][tx] = pb < g.k && j < g.n ? Ops::load(b + (pb * g.rs[1] + j * g.cs[1]) * isz, dt) : Ops::zero();
            __syncthreads();
            /* Only the k that exist: a padded zero product could turn a sum of -0 into +0. */
            const int kk = g.k - p0 < CU_LA_TILE ? (int)(g.k - p0) : CU_LA_TILE;
            for (int q = 0; q < kk; q++) s = Ops::add(s, Ops::mul(as[ty][q], bs[q][tx]));
            __syncthreads();
          }
        }
        if (i < g.m && j < g.n) {
          char *p = c + (i * g.rs[2] + j * g.cs[2]) * isz;
          A v;
          if (g.skip_ab)
            v = g.beta_zero ? Ops::zero() : Ops::mul(beta, Ops::load(p, dt));
          else if (g.beta_zero)
            v = Ops::mul(alpha, s);
          else
            v = Ops::add(Ops::mul(alpha, s), Ops::mul(beta, Ops::load(p, dt)));
          Ops::store(p, dt, v);
        }
      }
  }
}

template <typename Ops> static int cu_gemm_launch(const cu_gemm *g, cudaStream_t stream) {
  int64_t nbatch = 1;
  for (int d = 0; d < g->batch_ndim; d++) nbatch *= g->batch_shape[d];
  const int64_t mtiles = (g->m + CU_LA_TILE - 1) / CU_LA_TILE, ntiles = (g->n + CU_LA_TILE - 1) / CU_LA_TILE;
  const int64_t cap = 65535; /* the limit of grid y and z; the kernel strides past it */
  dim3 grid((unsigned)(ntiles < cap ? ntiles : cap), (unsigned)(mtiles < cap ? mtiles : cap),
            (unsigned)(nbatch < cap ? nbatch : cap));
  cu_gemm_kernel<Ops><<<grid, dim3(CU_LA_TILE, CU_LA_TILE), 0, stream>>>(*g);
  return (int)cudaGetLastError();
}

CU_EXTERN int cu_gemm_fallback(const cu_gemm *g, cu_stream stream) {
  cudaStream_t s = (cudaStream_t)stream;
  switch (g->dtype) {
    case CU_FLOAT16:
    case CU_BFLOAT16:
    case CU_FLOAT32: return cu_gemm_launch<cu_la_real<float>>(g, s);
    case CU_FLOAT64: return cu_gemm_launch<cu_la_real<double>>(g, s);
    case CU_COMPLEX64: return cu_gemm_launch<cu_la_complex<float>>(g, s);
    case CU_COMPLEX128: return cu_gemm_launch<cu_la_complex<double>>(g, s);
    default: return cu_gemm_launch<cu_la_int>(g, s);
  }
}
