/*
 * cuda_sort.cu: the CUDA kernels of sort, topk and unique (the semantics of
 * lib/cpu/cpu_reduce.c: stable, NaN above every number, -0.0 equal to 0.0).
 *
 * Every element becomes an unsigned key (32 bits, 64 for int64 and
 * float64) whose order is the wanted one: integers with the sign bit
 * flipped, floats by their bits (negative ones inverted), NaN the largest
 * key, -0.0 the key of 0.0; descending sorts invert the key. Ties then keep their positions by
 * construction: short lines sort (key, position) pairs in shared memory with a bitonic network,
 * whose order is total since positions differ; long lines go through CUB's radix sort of all
 * elements at once (stable), then a second, stable radix sort by line number.
 */
#include <cub/device/device_radix_sort.cuh>
#include <cub/device/device_scan.cuh>

#include "cuda_common.cuh"
#include "cuda_reduce.h"

namespace {

/* Bits of a dtype's keys: 64 for int64 and float64, 32 for the others. */
__host__ __device__ __forceinline__ int cu_sort_bits(int dt) {
  return dt == CU_INT64 || dt == CU_FLOAT64 ? 64 : 32;
}

/* The mask that inverts a key of dt (descending order). */
__host__ __device__ __forceinline__ uint64_t cu_sort_mask(int dt) {
  return cu_sort_bits(dt) == 64 ? ~0ULL : 0xFFFFFFFFULL;
}

/* The ascending sort key of the element at p (dtype dt, not complex); NaN's is cu_sort_mask(dt). */
__device__ __forceinline__ uint64_t cu_sort_key(const char *p, int dt) {
  if (dt == CU_INT64) return (uint64_t) * (const int64_t *)p ^ (1ULL << 63);
  if (dt <= CU_INT32) return (uint32_t)(int32_t)cu_load<int64_t>(p, dt) ^ 0x80000000u;
  if (dt == CU_FLOAT64) {
    double v = *(const double *)p;
    if (v != v) return ~0ULL;
    uint64_t b = (uint64_t)__double_as_longlong(v == 0.0 ? 0.0 : v);
    return b ^ (b >> 63 ? ~0ULL : 1ULL << 63);
  }
  float v = cu_load<float>(p, dt);
  if (v != v) return 0xFFFFFFFFULL;
  uint32_t b = __float_as_uint(v == 0.0f ? 0.0f : v);
  return b ^ (b >> 31 ? 0xFFFFFFFFu : 0x80000000u);
}

/* Copies one element of isz (1, 2, 4 or 8) bytes. */
__device__ __forceinline__ void cu_sort_copy(char *d, const char *s, int isz) {
  switch (isz) {
    case 1: *(uint8_t *)d = *(const uint8_t *)s; break;
    case 2: *(uint16_t *)d = *(const uint16_t *)s; break;
    case 4: *(uint32_t *)d = *(const uint32_t *)s; break;
    default: *(uint64_t *)d = *(const uint64_t *)s; break;
  }
}

/*
 * Short lines: tpl threads per line, CU_RED_THREADS / tpl lines per block,
 * each line's n2 (n rounded up to a power of two) keys and positions in
 * shared memory. Padding has the largest key and positions >= n, so it
 * sorts after every element.
 */
__global__ void __launch_bounds__(CU_RED_THREADS)
    cu_sort_small_kernel(cu_line_geom g, bool desc, int64_t k, int n2, int tpl) {
  extern __shared__ uint64_t cu_sort_sm[];
  const int lpb = CU_RED_THREADS / tpl, grp = threadIdx.x / tpl, t = threadIdx.x % tpl;
  uint64_t *K = cu_sort_sm + grp * n2;
  int32_t *I = (int32_t *)(cu_sort_sm + lpb * n2) + grp * n2;
  const int xi = cu_itemsize(g.xdt);
  for (int64_t lb = blockIdx.x; lb * lpb < g.lines; lb += gridDim.x) {
    const int64_t l = lb * lpb + grp;
    const bool live = l < g.lines;
    int64_t xo = 0, vo = 0, io = 0;
    if (live) cu_dims_offsets3(g.nk, g.ksize, g.kx, g.ko, g.ko2, l, xo, vo, io);
    const char *x = g.x + xo * xi;
    for (int i = t; i < n2; i += tpl) {
      uint64_t key = ~0ULL;
      if (live && i < g.n) {
        key = cu_sort_key(x + i * g.xs * xi, g.xdt);
        if (desc) key ^= cu_sort_mask(g.xdt);
      }
      K[i] = key;
      I[i] = i;
    }
    __syncthreads();
    for (int size = 2; size <= n2; size <<= 1)
      for (int stride = size >> 1; stride > 0; stride >>= 1) {
        for (int q = t; q < n2 / 2; q += tpl) {
          const int lo = 2 * q - (q & (stride - 1)), hi = lo + stride;
          const bool up = (lo & size) == 0;
          const uint64_t ka = K[lo], kb = K[hi];
          const int32_t ia = I[lo], ib = I[hi];
          if ((ka > kb || (ka == kb && ia > ib)) == up) {
            K[lo] = kb;
            K[hi] = ka;
            I[lo] = ib;
            I[hi] = ia;
          }
        }
        __syncthreads();
      }
    if (live)
      for (int64_t q = t; q < k; q += tpl) {
        const int64_t j = I[q];
        if (g.o) cu_sort_copy(g.o + (vo + q * g.os) * xi, x + j * g.xs * xi, xi);
        if (g.o2) ((int64_t *)g.o2)[io + q * g.o2s] = j;
      }
    __syncthreads();
  }
}

/* keys[i], pos[i] for element i of the lines laid end to end (i = line * n + position). */
__global__ void cu_sort_keys_kernel(cu_line_geom g, bool desc, uint64_t *keys, int64_t *pos) {
  const int xi = cu_itemsize(g.xdt);
  CU_GRID_LOOP(i, g.lines * g.n) {
    const int64_t l = i / g.n, j = i - l * g.n;
    int64_t xo, u1, u2;
    cu_dims_offsets3(g.nk, g.ksize, g.kx, g.ko, g.ko2, l, xo, u1, u2);
    const uint64_t key = cu_sort_key(g.x + (xo + j * g.xs) * xi, g.xdt);
    keys[i] = desc ? key ^ cu_sort_mask(g.xdt) : key;
    pos[i] = i;
  }
}

/* The second sort's keys: the line of each sorted element. */
__global__ void cu_sort_lines_kernel(int64_t total, int64_t n, const int64_t *pos, uint64_t *keys) {
  CU_GRID_LOOP(i, total) keys[i] = (uint64_t)(pos[i] / n);
}

/* Element q < k of line l (at l * n + q after both sorts) into values and indices. */
__global__ void cu_sort_gather_kernel(cu_line_geom g, int64_t k, const int64_t *pos) {
  const int xi = cu_itemsize(g.xdt);
  CU_GRID_LOOP(i, g.lines * g.n) {
    const int64_t l = i / g.n, q = i - l * g.n;
    if (q >= k) continue;
    const int64_t j = pos[i] - l * g.n;
    int64_t xo, vo, io;
    cu_dims_offsets3(g.nk, g.ksize, g.kx, g.ko, g.ko2, l, xo, vo, io);
    if (g.o) cu_sort_copy(g.o + (vo + q * g.os) * xi, g.x + (xo + j * g.xs) * xi, xi);
    if (g.o2) ((int64_t *)g.o2)[io + q * g.o2s] = j;
  }
}

/* Unique: keys of n contiguous elements. */
__global__ void cu_unique_keys_kernel(const char *x, int dt, int64_t n, uint64_t *keys,
                                      int64_t *pos) {
  const int xi = cu_itemsize(dt);
  CU_GRID_LOOP(i, n) {
    keys[i] = cu_sort_key(x + i * xi, dt);
    pos[i] = i;
  }
}

/* 1 where a sorted element starts a group: its key differs from the previous one, or it is NaN. */
__global__ void cu_unique_flags_kernel(int64_t n, const uint64_t *keys, int dt, int64_t *flags) {
  const bool is_float = dt >= CU_FLOAT16;
  const uint64_t nan_key = cu_sort_mask(dt);
  CU_GRID_LOOP(i, n)
  flags[i] = i == 0 || keys[i] != keys[i - 1] || (is_float && keys[i] == nan_key);
}

/* Each group's first element into vals and its start into start; every element's group into
 * inverse. */
__global__ void cu_unique_scatter_kernel(const char *x, int dt, int64_t n, const int64_t *grp,
                                         const int64_t *pos, char *vals, int64_t *start,
                                         int64_t *inverse) {
  const int xi = cu_itemsize(dt);
  CU_GRID_LOOP(i, n) {
    const int64_t gi = grp[i] - 1, src = pos[i];
    if (i == 0 || grp[i] != grp[i - 1]) {
      cu_sort_copy(vals + gi * xi, x + src * xi, xi);
      start[gi] = i;
    }
    if (inverse) inverse[src] = gi;
  }
}

__global__ void cu_unique_counts_kernel(int64_t n, int64_t u, const int64_t *start,
                                        int64_t *counts) {
  CU_GRID_LOOP(gi, u) counts[gi] = (gi + 1 < u ? start[gi + 1] : n) - start[gi];
}

/* Scratch layout: five arrays of total 8-byte words (keys, keys', positions, positions', groups),
 * then CUB's. */
size_t cu_sort_array_bytes(int64_t total) { return ((size_t)total * 8 + 255) / 256 * 256; }

struct cu_sort_bufs {
  uint64_t *k0, *k1;
  int64_t *p0, *p1, *grp;
  void *temp;
  size_t temp_bytes;
};

cu_sort_bufs cu_sort_split(void *scratch, size_t bytes, int64_t total) {
  const size_t a = cu_sort_array_bytes(total);
  char *s = (char *)scratch;
  return cu_sort_bufs{(uint64_t *)s,          (uint64_t *)(s + a),    (int64_t *)(s + 2 * a),
                      (int64_t *)(s + 3 * a), (int64_t *)(s + 4 * a), s + 5 * a,
                      bytes - 5 * a};
}

/* Bits needed for the numbers [0, v]. */
int cu_bits(int64_t v) {
  int b = 1;
  while (b < 63 && (v >> b) != 0) b++;
  return b;
}

} /* namespace */

CU_EXTERN int cu_sort_small(const cu_line_geom *g, bool descending, int64_t k, cu_stream stream) {
  if (g->lines == 0 || g->n == 0 || k == 0) return (int)cudaSuccess;
  int n2 = 1;
  while (n2 < g->n) n2 *= 2;
  const int tpl = n2 / 2 < 1 ? 1 : n2 / 2 > CU_RED_THREADS ? CU_RED_THREADS : n2 / 2;
  const int lpb = CU_RED_THREADS / tpl;
  const size_t smem = (size_t)lpb * n2 * (sizeof(uint64_t) + sizeof(int32_t));
  int64_t blocks = (g->lines + lpb - 1) / lpb;
  if (blocks > 65535LL * 8) blocks = 65535LL * 8;
  cu_sort_small_kernel<<<(unsigned)blocks, CU_RED_THREADS, smem, (cudaStream_t)stream>>>(
      *g, descending, k, n2, tpl);
  return (int)cudaGetLastError();
}

CU_EXTERN int cu_sort_scratch_bytes(size_t *bytes, int64_t total) {
  cub::DoubleBuffer<uint64_t> kb(nullptr, nullptr);
  cub::DoubleBuffer<int64_t> vb(nullptr, nullptr);
  size_t sort_bytes = 0, scan_bytes = 0;
  cudaError_t e = cub::DeviceRadixSort::SortPairs(nullptr, sort_bytes, kb, vb, total);
  if (e == cudaSuccess)
    e = cub::DeviceScan::InclusiveSum(nullptr, scan_bytes, (const int64_t *)nullptr,
                                      (int64_t *)nullptr, total);
  const size_t temp = sort_bytes > scan_bytes ? sort_bytes : scan_bytes;
  *bytes = 5 * cu_sort_array_bytes(total) + (temp + 255) / 256 * 256;
  return (int)e;
}

CU_EXTERN int cu_sort_large(const cu_line_geom *g, bool descending, int64_t k, void *scratch,
                            size_t scratch_bytes, cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  const int64_t total = g->lines * g->n;
  if (total == 0 || k == 0) return (int)cudaSuccess;
  cu_sort_bufs b = cu_sort_split(scratch, scratch_bytes, total);
  cu_sort_keys_kernel<<<cu_blocks(total), CU_BLOCK, 0, st>>>(*g, descending, b.k0, b.p0);
  cub::DoubleBuffer<uint64_t> kb(b.k0, b.k1);
  cub::DoubleBuffer<int64_t> vb(b.p0, b.p1);
  cudaError_t e = cub::DeviceRadixSort::SortPairs(b.temp, b.temp_bytes, kb, vb, total, 0,
                                                  cu_sort_bits(g->xdt), st);
  if (e != cudaSuccess) return (int)e;
  if (g->lines > 1) {
    /* Stable by line: each line's elements keep the order of the first sort. */
    cu_sort_lines_kernel<<<cu_blocks(total), CU_BLOCK, 0, st>>>(total, g->n, vb.Current(),
                                                                kb.Current());
    e = cub::DeviceRadixSort::SortPairs(b.temp, b.temp_bytes, kb, vb, total, 0,
                                        cu_bits(g->lines - 1), st);
    if (e != cudaSuccess) return (int)e;
  }
  cu_sort_gather_kernel<<<cu_blocks(total), CU_BLOCK, 0, st>>>(*g, k, vb.Current());
  return (int)cudaGetLastError();
}

CU_EXTERN int cu_unique_prepare(const char *x, int dtype, int64_t n, void *scratch,
                                size_t scratch_bytes, int64_t *last_group, int *pos_slot,
                                cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  cu_sort_bufs b = cu_sort_split(scratch, scratch_bytes, n);
  cu_unique_keys_kernel<<<cu_blocks(n), CU_BLOCK, 0, st>>>(x, dtype, n, b.k0, b.p0);
  cub::DoubleBuffer<uint64_t> kb(b.k0, b.k1);
  cub::DoubleBuffer<int64_t> vb(b.p0, b.p1);
  cudaError_t e =
      cub::DeviceRadixSort::SortPairs(b.temp, b.temp_bytes, kb, vb, n, 0, cu_sort_bits(dtype), st);
  if (e != cudaSuccess) return (int)e;
  *pos_slot = vb.Current() == b.p0 ? 0 : 1;
  int64_t *flags = (int64_t *)kb.Alternate();
  cu_unique_flags_kernel<<<cu_blocks(n), CU_BLOCK, 0, st>>>(n, kb.Current(), dtype, flags);
  e = cub::DeviceScan::InclusiveSum(b.temp, b.temp_bytes, (const int64_t *)flags, b.grp, n, st);
  if (e != cudaSuccess) return (int)e;
  e = cudaMemcpyAsync(last_group, b.grp + n - 1, sizeof(int64_t), cudaMemcpyDeviceToDevice, st);
  if (e != cudaSuccess) return (int)e;
  return (int)cudaGetLastError();
}

CU_EXTERN int cu_unique_finish(const char *x, int dtype, int64_t n, int64_t u, void *scratch,
                               size_t scratch_bytes, int pos_slot, char *vals, int64_t *inverse,
                               int64_t *counts, cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  cu_sort_bufs b = cu_sort_split(scratch, scratch_bytes, n);
  const int64_t *pos = pos_slot == 0 ? b.p0 : b.p1;
  int64_t *start = (int64_t *)b.k0; /* the keys are no longer needed */
  cu_unique_scatter_kernel<<<cu_blocks(n), CU_BLOCK, 0, st>>>(x, dtype, n, b.grp, pos, vals, start,
                                                              inverse);
  if (counts && u > 0)
    cu_unique_counts_kernel<<<cu_blocks(u), CU_BLOCK, 0, st>>>(n, u, start, counts);
  return (int)cudaGetLastError();
}
