/*
 * cuda_index.cu: the kernels of the index family: bounds checks of index
 * tensors, the indexed copy (advanced indexing get and put, index_select,
 * gather, scatter, take), nonzero, masked_select and masked_fill.
 *
 * The indexed copy runs a plan made by the glue (cuda_index.h) in one of
 * three modes, all giving the CPU backend's results bit for bit:
 * - ordered: one thread per parallel position walks the serial positions in
 *   order, as a CPU thread does; colliding PUTs land last-wins and float
 *   ADD/MUL round in index order. No atomics, so it is also deterministic.
 * - atomic: integer and bool ADD/MUL, where wrapping sums and products (and
 *   or/and) do not depend on order, on one thread per position.
 * - claim: PUT on one thread per position; the last serial position aiming
 *   at an element wins a claim word and only it writes.
 * GET and PUT move bytes, so they are instantiated per element size only.
 *
 * nonzero and masked_select count per fixed chunk of CU_NZ_CHUNK elements,
 * scan the counts, then each chunk writes its elements in row-major order
 * from its start (ballot + popc within warps): deterministic, no sorting.
 */
#include "cuda_common.cuh"
#include "cuda_index.h"

/* ---- shared helpers ------------------------------------------------------------------------ */

/* One element of size bytes (a runtime size). */
__device__ __forceinline__ void cu_ix_move_n(char *d, const char *s, int size) {
  switch (size) {
    case 1: cu_move<1>(d, s); break;
    case 2: cu_move<2>(d, s); break;
    case 4: cu_move<4>(d, s); break;
    case 8: cu_move<8>(d, s); break;
    default: cu_move<16>(d, s); break;
  }
}

__device__ __forceinline__ int64_t cu_ix_load_index(const char *p, bool is64) {
  return is64 ? *(const int64_t *)p : (int64_t) * (const int32_t *)p;
}

/* Whether a descriptor is row-major contiguous (size-1 dims ignored): then element e is at data + e. */
static bool cu_ix_rowmajor(const cu_tensor &t) {
  int64_t expect = 1;
  for (int d = t.ndim - 1; d >= 0; d--) {
    if (t.shape[d] == 1) continue;
    if (t.strides[d] != expect) return false;
    expect *= t.shape[d];
  }
  return true;
}

/* Pointer to the row-major element e of t. */
__device__ __forceinline__ char *cu_ix_at(const cu_tensor &t, int64_t e, bool rowmajor) {
  return t.data + (rowmajor ? e : cu_offset(t, e)) * cu_itemsize(t.dtype);
}

/* ---- bounds of index tensors --------------------------------------------------------------- */

/* first = the smallest row-major position of an element outside [lo, hi) (atomicMin: order-free). */
__global__ void cu_oor_kernel(const __grid_constant__ cu_tensor idx, int64_t lo, int64_t hi,
                              unsigned long long *first) {
  bool is64 = idx.dtype == CU_INT64;
  CU_GRID_LOOP(i, idx.numel) {
    int64_t v = cu_ix_load_index(cu_elem(idx, i), is64);
    if (v < lo || v >= hi) atomicMin(first, (unsigned long long)i);
  }
}

/* scratch[1] = the value at position scratch[0] when there is one (scratch[0] >= 0). */
__global__ void cu_oor_value_kernel(const __grid_constant__ cu_tensor idx, int64_t *scratch) {
  int64_t pos = scratch[0];
  scratch[1] = pos >= 0 ? cu_ix_load_index(cu_elem(idx, pos), idx.dtype == CU_INT64) : 0;
}

CU_EXTERN int cu_find_out_of_range(cu_tensor idx, int64_t lo, int64_t hi, int64_t *scratch, cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  /* All ones: position -1 as int64, the largest value for atomicMin as unsigned. */
  cudaError_t e = cudaMemsetAsync(scratch, 0xff, 2 * sizeof(int64_t), st);
  if (e != cudaSuccess) return (int)e;
  cu_oor_kernel<<<cu_blocks(idx.numel), CU_BLOCK, 0, st>>>(idx, lo, hi, (unsigned long long *)scratch);
  cu_oor_value_kernel<<<1, 1, 0, st>>>(idx, scratch);
  return (int)cudaGetLastError();
}

/* ---- the indexed copy: element operations -------------------------------------------------- */

/* The element size of a dtype, at compile time. */
template <int DT> __host__ __device__ constexpr int cu_ix_size() {
  return DT <= CU_INT8 ? 1 : DT == CU_INT16 || DT == CU_FLOAT16 || DT == CU_BFLOAT16 ? 2
         : DT == CU_INT32 || DT == CU_FLOAT32 ? 4 : DT == CU_COMPLEX128 ? 16 : 8;
}

/*
 * *d = *d + *s or *d * *s in dtype DT, as the CPU backend computes it:
 * integers wrap (unsigned arithmetic of their width), bool adds as "or" and
 * multiplies as "and", float16/bfloat16 compute in float32 and round once.
 * The _rn intrinsics keep nvcc from contracting the complex product into
 * FMAs, which the CPU's plain formula does not use.
 */
template <int DT, bool MUL> __device__ __forceinline__ void cu_ix_acc(char *d, const char *s) {
  if constexpr (DT == CU_BOOL) {
    uint8_t a = *(uint8_t *)d, b = *(const uint8_t *)s;
    *(uint8_t *)d = (uint8_t)(MUL ? a & b : a | b);
  } else if constexpr (DT == CU_UINT8 || DT == CU_INT8) {
    uint32_t a = *(uint8_t *)d, b = *(const uint8_t *)s;
    *(uint8_t *)d = (uint8_t)(MUL ? a * b : a + b);
  } else if constexpr (DT == CU_INT16) {
    uint32_t a = *(uint16_t *)d, b = *(const uint16_t *)s;
    *(uint16_t *)d = (uint16_t)(MUL ? a * b : a + b);
  } else if constexpr (DT == CU_INT32) {
    uint32_t a = *(uint32_t *)d, b = *(const uint32_t *)s;
    *(uint32_t *)d = MUL ? a * b : a + b;
  } else if constexpr (DT == CU_INT64) {
    uint64_t a = *(uint64_t *)d, b = *(const uint64_t *)s;
    *(uint64_t *)d = MUL ? a * b : a + b;
  } else if constexpr (DT == CU_FLOAT16) {
    float a = __half2float(*(__half *)d), b = __half2float(*(const __half *)s);
    *(__half *)d = __float2half_rn(MUL ? __fmul_rn(a, b) : __fadd_rn(a, b));
  } else if constexpr (DT == CU_BFLOAT16) {
    float a = __bfloat162float(*(__nv_bfloat16 *)d), b = __bfloat162float(*(const __nv_bfloat16 *)s);
    *(__nv_bfloat16 *)d = __float2bfloat16_rn(MUL ? __fmul_rn(a, b) : __fadd_rn(a, b));
  } else if constexpr (DT == CU_FLOAT32) {
    float a = *(float *)d, b = *(const float *)s;
    *(float *)d = MUL ? __fmul_rn(a, b) : __fadd_rn(a, b);
  } else if constexpr (DT == CU_FLOAT64) {
    double a = *(double *)d, b = *(const double *)s;
    *(double *)d = MUL ? __dmul_rn(a, b) : __dadd_rn(a, b);
  } else if constexpr (DT == CU_COMPLEX64) {
    float *z = (float *)d;
    const float *w = (const float *)s;
    float ar = z[0], ai = z[1], br = w[0], bi = w[1];
    if (MUL) {
      z[0] = __fsub_rn(__fmul_rn(ar, br), __fmul_rn(ai, bi));
      z[1] = __fadd_rn(__fmul_rn(ar, bi), __fmul_rn(ai, br));
    } else {
      z[0] = __fadd_rn(ar, br);
      z[1] = __fadd_rn(ai, bi);
    }
  } else {
    double *z = (double *)d;
    const double *w = (const double *)s;
    double ar = z[0], ai = z[1], br = w[0], bi = w[1];
    if (MUL) {
      z[0] = __dsub_rn(__dmul_rn(ar, br), __dmul_rn(ai, bi));
      z[1] = __dadd_rn(__dmul_rn(ar, bi), __dmul_rn(ai, br));
    } else {
      z[0] = __dadd_rn(ar, br);
      z[1] = __dadd_rn(ai, bi);
    }
  }
}

/*
 * The same operation as an atomic, for integer and bool dtypes. Elements
 * narrower than 32 bits update their byte or half-word inside the aligned
 * 32-bit word holding them: bool with atomicOr/atomicAnd (its bytes are 0 or
 * 1, so "or" and "and" act on that byte alone), the others by a CAS loop.
 */
template <int DT, bool MUL> __device__ __forceinline__ void cu_ix_atomic(char *d, const char *s) {
  if constexpr (DT == CU_BOOL || DT == CU_UINT8 || DT == CU_INT8 || DT == CU_INT16) {
    constexpr unsigned lanemask = DT == CU_INT16 ? 0xffffu : 0xffu;
    uintptr_t addr = (uintptr_t)d;
    unsigned int *word = (unsigned int *)(addr & ~(uintptr_t)3);
    unsigned shift = (unsigned)(addr & 3) * 8, mask = lanemask << shift;
    unsigned v = DT == CU_INT16 ? (unsigned)*(const uint16_t *)s : (unsigned)*(const uint8_t *)s;
    if constexpr (DT == CU_BOOL) {
      if (MUL)
        atomicAnd(word, ~mask | (v << shift));
      else
        atomicOr(word, v << shift);
    } else {
      unsigned old = *(volatile unsigned *)word, assumed;
      do {
        assumed = old;
        unsigned cur = (assumed & mask) >> shift;
        unsigned next = ((MUL ? cur * v : cur + v) << shift) & mask;
        old = atomicCAS(word, assumed, (assumed & ~mask) | next);
      } while (old != assumed);
    }
  } else if constexpr (DT == CU_INT32) {
    unsigned *p = (unsigned *)d, v = *(const unsigned *)s;
    if (!MUL) {
      atomicAdd(p, v);
    } else {
      unsigned old = *(volatile unsigned *)p, assumed;
      do {
        assumed = old;
        old = atomicCAS(p, assumed, assumed * v);
      } while (old != assumed);
    }
  } else {
    static_assert(DT == CU_INT64, "atomic updates are for integer and bool dtypes");
    unsigned long long *p = (unsigned long long *)d, v = *(const unsigned long long *)s;
    if (!MUL) {
      atomicAdd(p, v);
    } else {
      unsigned long long old = *(volatile unsigned long long *)p, assumed;
      do {
        assumed = old;
        old = atomicCAS(p, assumed, assumed * v);
      } while (old != assumed);
    }
  }
}

/* ---- the indexed copy: positions ----------------------------------------------------------- */

/* Operand offsets (elements): o[0] dst, o[1] src, o[2 + j] index tensor j. */
enum { CU_IX_OPS = 2 + CU_IX_MAX_INDEX };

/* Adds to o the offsets of the row-major position lin over plan dims [k0, k1). */
__device__ __forceinline__ void cu_ix_add_dims(const cu_ix_plan &x, int k0, int k1, int64_t lin, int64_t *o) {
  int nops = 2 + x.nidx;
  for (int k = k1 - 1; k >= k0; k--) {
    int64_t sz = x.size[k], q = lin / sz, c = lin - q * sz;
    lin = q;
    for (int op = 0; op < nops; op++) o[op] += c * x.st[k][op];
  }
}

/* The offset the index values at operand offsets o add (to dst, or to src for GET). */
__device__ __forceinline__ int64_t cu_ix_index_offset(const cu_ix_plan &x, const int64_t *o) {
  int64_t off = 0;
  for (int j = 0; j < x.nidx; j++) {
    bool is64 = (x.is64 >> j) & 1u;
    int64_t v = cu_ix_load_index(x.idx[j] + o[2 + j] * (is64 ? 8 : 4), is64);
    off += (v < 0 ? v + x.isize[j] : v) * x.istride[j];
  }
  return off;
}

/* Applies op OP of dtype DT at operand offsets o with index offset off, without atomics. */
template <int OP, int DT>
__device__ __forceinline__ void cu_ix_apply(const cu_ix_plan &x, const int64_t *o, int64_t off) {
  constexpr int SZ = cu_ix_size<DT>();
  char *d = x.dst + (o[0] + (OP == CU_IX_GET ? 0 : off)) * SZ;
  const char *s = x.src + (o[1] + (OP == CU_IX_GET ? off : 0)) * SZ;
  if constexpr (OP == CU_IX_GET || OP == CU_IX_PUT)
    cu_move<SZ>(d, s);
  else
    cu_ix_acc<DT, OP == CU_IX_MUL>(d, s);
}

/*
 * Ordered mode: thread p owns parallel position p and walks the serial
 * positions in row-major order, stepping its offsets like an odometer.
 */
template <int OP, int DT> __global__ void __launch_bounds__(CU_BLOCK) cu_ix_ordered_kernel(const __grid_constant__ cu_ix_plan x) {
  int nops = 2 + x.nidx, nser = x.nser;
  CU_GRID_LOOP(p, x.npar) {
    int64_t o[CU_IX_OPS], cnt[CU_MAX_DIMS];
    for (int op = 0; op < nops; op++) o[op] = 0;
    for (int k = 0; k < nser; k++) cnt[k] = 0;
    cu_ix_add_dims(x, nser, x.nd, p, o);
    for (int64_t s = 0; s < x.nser_total; s++) {
      cu_ix_apply<OP, DT>(x, o, cu_ix_index_offset(x, o));
      for (int k = nser - 1; k >= 0; k--) {
        for (int op = 0; op < nops; op++) o[op] += x.st[k][op];
        if (++cnt[k] < x.size[k]) break;
        for (int op = 0; op < nops; op++) o[op] -= x.st[k][op] * x.size[k];
        cnt[k] = 0;
      }
    }
  }
}

/* Atomic mode: every position (serial dims outermost, as in the plan) on its own thread. */
template <int DT, bool MUL> __global__ void __launch_bounds__(CU_BLOCK) cu_ix_atomic_kernel(const __grid_constant__ cu_ix_plan x) {
  constexpr int SZ = cu_ix_size<DT>();
  int nops = 2 + x.nidx;
  CU_GRID_LOOP(i, x.nser_total * x.npar) {
    int64_t o[CU_IX_OPS];
    for (int op = 0; op < nops; op++) o[op] = 0;
    cu_ix_add_dims(x, 0, x.nd, i, o);
    int64_t off = cu_ix_index_offset(x, o);
    cu_ix_atomic<DT, MUL>(x.dst + (o[0] + off) * SZ, x.src + o[1] * SZ);
  }
}

/*
 * Claim mode, first pass: position i (serial position s = i / npar) raises
 * its destination element's claim to s + 1. Second pass: the position whose
 * s + 1 stands there writes. The largest s, the last write of the serial
 * order, wins; claims are integers, so the result does not depend on timing.
 */
template <bool WRITE, int SZ>
__global__ void __launch_bounds__(CU_BLOCK) cu_ix_claim_kernel(const __grid_constant__ cu_ix_plan x, uint32_t *claim, int64_t claim_min) {
  int nops = 2 + x.nidx;
  CU_GRID_LOOP(i, x.nser_total * x.npar) {
    int64_t o[CU_IX_OPS];
    for (int op = 0; op < nops; op++) o[op] = 0;
    cu_ix_add_dims(x, 0, x.nd, i, o);
    int64_t at = o[0] + cu_ix_index_offset(x, o);
    uint32_t mine = (uint32_t)(i / x.npar + 1);
    if (!WRITE)
      atomicMax(&claim[at - claim_min], mine);
    else if (claim[at - claim_min] == mine)
      cu_move<SZ>(x.dst + at * SZ, x.src + o[1] * SZ);
  }
}

/* ---- the indexed copy: launch -------------------------------------------------------------- */

/* The dtype standing for an element size in GET and PUT, which only move bytes. */
static int cu_ix_size_dtype(int dtype) {
  switch (cu_itemsize(dtype)) {
    case 1: return CU_UINT8;
    case 2: return CU_INT16;
    case 4: return CU_INT32;
    case 8: return CU_INT64;
    default: return CU_COMPLEX128;
  }
}

#define CU_IX_CASE(DT, launch) \
  case DT: launch(DT); break;
/* Calls launch(DT) for the plan's dtype as a compile-time constant. */
#define CU_IX_EVERY_DTYPE(dtype, launch)                                                            \
  switch (dtype) {                                                                                  \
    CU_IX_CASE(CU_BOOL, launch) CU_IX_CASE(CU_UINT8, launch) CU_IX_CASE(CU_INT8, launch)            \
    CU_IX_CASE(CU_INT16, launch) CU_IX_CASE(CU_INT32, launch) CU_IX_CASE(CU_INT64, launch)          \
    CU_IX_CASE(CU_FLOAT16, launch) CU_IX_CASE(CU_BFLOAT16, launch) CU_IX_CASE(CU_FLOAT32, launch)   \
    CU_IX_CASE(CU_FLOAT64, launch) CU_IX_CASE(CU_COMPLEX64, launch)                                 \
    default: launch(CU_COMPLEX128); break;                                                          \
  }
#define CU_IX_EVERY_SIZE(dtype, launch)                                                             \
  switch (cu_ix_size_dtype(dtype)) {                                                                \
    CU_IX_CASE(CU_UINT8, launch) CU_IX_CASE(CU_INT16, launch) CU_IX_CASE(CU_INT32, launch)          \
    CU_IX_CASE(CU_INT64, launch)                                                                    \
    default: launch(CU_COMPLEX128); break;                                                          \
  }
#define CU_IX_EVERY_INTEGER(dtype, launch)                                                          \
  switch (dtype) {                                                                                  \
    CU_IX_CASE(CU_BOOL, launch) CU_IX_CASE(CU_UINT8, launch) CU_IX_CASE(CU_INT8, launch)            \
    CU_IX_CASE(CU_INT16, launch) CU_IX_CASE(CU_INT32, launch)                                       \
    default: launch(CU_INT64); break;                                                               \
  }

CU_EXTERN int cu_indexed_copy(const cu_ix_plan *plan, int32_t mode, uint32_t *claim, int64_t claim_min,
                              int64_t claim_span, cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  const cu_ix_plan &x = *plan;
  int64_t total = x.nser_total * x.npar;
  if (mode == CU_IX_CLAIM) {
    cudaError_t e = cudaMemsetAsync(claim, 0, (size_t)claim_span * sizeof(uint32_t), st);
    if (e != cudaSuccess) return (int)e;
    unsigned g = cu_blocks(total);
#define CU_IX_LAUNCH_CLAIM(DT)                                                                      \
  cu_ix_claim_kernel<false, cu_ix_size<DT>()><<<g, CU_BLOCK, 0, st>>>(x, claim, claim_min);         \
  cu_ix_claim_kernel<true, cu_ix_size<DT>()><<<g, CU_BLOCK, 0, st>>>(x, claim, claim_min);
    CU_IX_EVERY_SIZE(x.dtype, CU_IX_LAUNCH_CLAIM)
#undef CU_IX_LAUNCH_CLAIM
  } else if (mode == CU_IX_ATOMIC) {
    unsigned g = cu_blocks(total);
#define CU_IX_LAUNCH_ATOMIC(DT)                                                                     \
  if (x.op == CU_IX_MUL)                                                                            \
    cu_ix_atomic_kernel<DT, true><<<g, CU_BLOCK, 0, st>>>(x);                                       \
  else                                                                                              \
    cu_ix_atomic_kernel<DT, false><<<g, CU_BLOCK, 0, st>>>(x);
    CU_IX_EVERY_INTEGER(x.dtype, CU_IX_LAUNCH_ATOMIC)
#undef CU_IX_LAUNCH_ATOMIC
  } else {
    unsigned g = cu_blocks(x.npar);
#define CU_IX_LAUNCH_GET(DT) cu_ix_ordered_kernel<CU_IX_GET, DT><<<g, CU_BLOCK, 0, st>>>(x);
#define CU_IX_LAUNCH_PUT(DT) cu_ix_ordered_kernel<CU_IX_PUT, DT><<<g, CU_BLOCK, 0, st>>>(x);
#define CU_IX_LAUNCH_ADD(DT) cu_ix_ordered_kernel<CU_IX_ADD, DT><<<g, CU_BLOCK, 0, st>>>(x);
#define CU_IX_LAUNCH_MUL(DT) cu_ix_ordered_kernel<CU_IX_MUL, DT><<<g, CU_BLOCK, 0, st>>>(x);
    switch (x.op) {
      case CU_IX_GET: CU_IX_EVERY_SIZE(x.dtype, CU_IX_LAUNCH_GET) break;
      case CU_IX_PUT: CU_IX_EVERY_SIZE(x.dtype, CU_IX_LAUNCH_PUT) break;
      case CU_IX_ADD: CU_IX_EVERY_DTYPE(x.dtype, CU_IX_LAUNCH_ADD) break;
      default: CU_IX_EVERY_DTYPE(x.dtype, CU_IX_LAUNCH_MUL) break;
    }
#undef CU_IX_LAUNCH_GET
#undef CU_IX_LAUNCH_PUT
#undef CU_IX_LAUNCH_ADD
#undef CU_IX_LAUNCH_MUL
  }
  return (int)cudaGetLastError();
}

/* ---- nonzero, masked_select: count, scan, write -------------------------------------------- */

/* Whether the element at p is nonzero as the CPU backend tests it: NaN is, -0.0 is not. */
__device__ __forceinline__ bool cu_nz_test(const char *p, int dtype) {
  switch (dtype) {
    case CU_BOOL: case CU_UINT8: case CU_INT8: return *(const uint8_t *)p != 0;
    case CU_INT16: return *(const int16_t *)p != 0;
    case CU_FLOAT16: case CU_BFLOAT16: return (*(const uint16_t *)p & 0x7fff) != 0;
    case CU_INT32: return *(const int32_t *)p != 0;
    case CU_FLOAT32: return *(const float *)p != 0.f;
    case CU_INT64: return *(const int64_t *)p != 0;
    case CU_FLOAT64: return *(const double *)p != 0.0;
    case CU_COMPLEX64: return ((const float *)p)[0] != 0.f || ((const float *)p)[1] != 0.f;
    default: return ((const double *)p)[0] != 0.0 || ((const double *)p)[1] != 0.0;
  }
}

enum { CU_NZ_WARPS = CU_BLOCK / 32, CU_NZ_ROUNDS = CU_NZ_CHUNK / CU_BLOCK };
static_assert(CU_NZ_CHUNK % CU_BLOCK == 0, "a chunk is whole rounds of a block");

/* Grid of the chunk kernels: one block per chunk up to a cap, then blocks loop over chunks. */
static unsigned cu_nz_grid(int64_t nchunks) { return (unsigned)(nchunks < 65535 * 8 ? nchunks : 65535 * 8); }

/* counts[c] = nonzero elements of t in chunk c, in rounds of CU_BLOCK consecutive elements. */
__global__ void __launch_bounds__(CU_BLOCK) cu_nz_count_kernel(const __grid_constant__ cu_tensor t, bool rowmajor,
                                                               int64_t nchunks, int64_t *counts) {
  __shared__ int warp_sum[CU_NZ_WARPS];
  int lane = threadIdx.x & 31, w = threadIdx.x >> 5;
  for (int64_t c = blockIdx.x; c < nchunks; c += gridDim.x) {
    int n = 0;
    for (int r = 0; r < CU_NZ_ROUNDS; r++) {
      int64_t e = c * CU_NZ_CHUNK + r * CU_BLOCK + threadIdx.x;
      if (e < t.numel) n += cu_nz_test(cu_ix_at(t, e, rowmajor), t.dtype);
    }
    for (int sh = 16; sh > 0; sh >>= 1) n += __shfl_down_sync(0xffffffffu, n, sh);
    if (lane == 0) warp_sum[w] = n;
    __syncthreads();
    if (threadIdx.x == 0) {
      int64_t sum = 0;
      for (int k = 0; k < CU_NZ_WARPS; k++) sum += warp_sum[k];
      counts[c] = sum;
    }
    __syncthreads();
  }
}

/* counts[0 .. n) become exclusive prefix sums and counts[n] the total: one block of 1024 threads. */
__global__ void __launch_bounds__(1024) cu_nz_scan_kernel(int64_t *counts, int64_t n) {
  __shared__ int64_t warp_inc[32];
  int lane = threadIdx.x & 31, w = threadIdx.x >> 5;
  int64_t carry = 0;
  for (int64_t base = 0; base < n; base += 1024) {
    int64_t i = base + threadIdx.x, v = i < n ? counts[i] : 0, inc = v;
    for (int sh = 1; sh < 32; sh <<= 1) {
      int64_t y = __shfl_up_sync(0xffffffffu, inc, sh);
      if (lane >= sh) inc += y;
    }
    if (lane == 31) warp_inc[w] = inc;
    __syncthreads();
    if (w == 0) {
      int64_t t = warp_inc[lane];
      for (int sh = 1; sh < 32; sh <<= 1) {
        int64_t y = __shfl_up_sync(0xffffffffu, t, sh);
        if (lane >= sh) t += y;
      }
      warp_inc[lane] = t;
    }
    __syncthreads();
    if (i < n) counts[i] = carry + (w > 0 ? warp_inc[w - 1] : 0) + inc - v;
    carry += warp_inc[31];
    __syncthreads();
  }
  if (threadIdx.x == 0) counts[n] = carry;
}

/*
 * Chunk c writes its flagged elements from output row counts[c], in the
 * count kernel's rounds: within a round, the warps before this one and the
 * lanes before this one (ballot + popc) give the row. SELECT copies src's
 * element to out; otherwise the element's coordinates in flags' shape are
 * written as one int64 row of out.
 */
template <bool SELECT>
__global__ void __launch_bounds__(CU_BLOCK) cu_nz_write_kernel(const __grid_constant__ cu_tensor flags, bool frow,
                                                               const __grid_constant__ cu_tensor src, bool srow,
                                                               char *out, const int64_t *counts, int64_t nchunks) {
  __shared__ int warp_cnt[CU_NZ_WARPS];
  int lane = threadIdx.x & 31, w = threadIdx.x >> 5;
  for (int64_t c = blockIdx.x; c < nchunks; c += gridDim.x) {
    int64_t row = counts[c];
    for (int r = 0; r < CU_NZ_ROUNDS; r++) {
      int64_t e = c * CU_NZ_CHUNK + r * CU_BLOCK + threadIdx.x;
      bool f = e < flags.numel && cu_nz_test(cu_ix_at(flags, e, frow), flags.dtype);
      unsigned ballot = __ballot_sync(0xffffffffu, f);
      if (lane == 0) warp_cnt[w] = __popc(ballot);
      __syncthreads();
      int before = 0, total = 0;
      for (int k = 0; k < CU_NZ_WARPS; k++) {
        before += k < w ? warp_cnt[k] : 0;
        total += warp_cnt[k];
      }
      if (f) {
        int64_t at = row + before + __popc(ballot & ((1u << lane) - 1u));
        if (SELECT) {
          int size = cu_itemsize(src.dtype);
          cu_ix_move_n(out + at * size, cu_ix_at(src, e, srow), size);
        } else {
          int64_t *coord = (int64_t *)out + at * flags.ndim, rem = e;
          for (int d = flags.ndim - 1; d >= 0; d--) {
            int64_t q = rem / flags.shape[d];
            coord[d] = rem - q * flags.shape[d];
            rem = q;
          }
        }
      }
      row += total;
      __syncthreads();
    }
  }
}

CU_EXTERN int cu_count_chunks(cu_tensor t, int64_t *counts, cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  int64_t nchunks = cu_nz_chunks(t.numel);
  if (nchunks > 0)
    cu_nz_count_kernel<<<cu_nz_grid(nchunks), CU_BLOCK, 0, st>>>(t, cu_ix_rowmajor(t), nchunks, counts);
  cu_nz_scan_kernel<<<1, 1024, 0, st>>>(counts, nchunks);
  return (int)cudaGetLastError();
}

CU_EXTERN int cu_nonzero(cu_tensor t, int64_t *out, const int64_t *counts, cu_stream stream) {
  int64_t nchunks = cu_nz_chunks(t.numel);
  bool row = cu_ix_rowmajor(t);
  if (nchunks > 0)
    cu_nz_write_kernel<false><<<cu_nz_grid(nchunks), CU_BLOCK, 0, (cudaStream_t)stream>>>(t, row, t, row, (char *)out,
                                                                                         counts, nchunks);
  return (int)cudaGetLastError();
}

CU_EXTERN int cu_masked_select(cu_tensor src, cu_tensor mask, char *out, const int64_t *counts, cu_stream stream) {
  int64_t nchunks = cu_nz_chunks(mask.numel);
  if (nchunks > 0)
    cu_nz_write_kernel<true><<<cu_nz_grid(nchunks), CU_BLOCK, 0, (cudaStream_t)stream>>>(
        mask, cu_ix_rowmajor(mask), src, cu_ix_rowmajor(src), out, counts, nchunks);
  return (int)cudaGetLastError();
}

/* ---- masked_fill --------------------------------------------------------------------------- */

struct cu_ix_value {
  alignas(16) char b[16];
};

/* dst (any shape) = value where mask (dst's shape, stride 0 where broadcast) is true. */
__global__ void cu_masked_fill_kernel(const __grid_constant__ cu_tensor dst, const __grid_constant__ cu_tensor mask,
                                      const __grid_constant__ cu_ix_value value, bool rowmajor) {
  int size = cu_itemsize(dst.dtype);
  CU_GRID_LOOP(i, dst.numel) {
    if (*(const uint8_t *)(mask.data + (rowmajor ? i : cu_offset(mask, i))))
      cu_ix_move_n(dst.data + (rowmajor ? i : cu_offset(dst, i)) * size, value.b, size);
  }
}

CU_EXTERN int cu_masked_fill(cu_tensor dst, cu_tensor mask, const void *value, cu_stream stream) {
  cu_ix_value v;
  memcpy(v.b, value, (size_t)cu_itemsize(dst.dtype));
  bool row = cu_ix_rowmajor(dst) && cu_ix_rowmajor(mask);
  cu_masked_fill_kernel<<<cu_blocks(dst.numel), CU_BLOCK, 0, (cudaStream_t)stream>>>(dst, mask, v, row);
  return (int)cudaGetLastError();
}
