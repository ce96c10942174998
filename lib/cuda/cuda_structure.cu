/*
 * cuda_structure.cu: the kernel of the structure family: the tril/triu mask.
 *
 * The mask only moves elements or writes zeros (all bits zero is 0, 0.0 and
 * 0+0j in every dtype), so the kernel is instantiated per element size, not
 * per dtype. One thread per element of dst; row-major operands skip the
 * offset arithmetic.
 */
#include "cuda_common.cuh"
#include "cuda_structure.h"

/*
 * dst and src are (..., m, n). Element (..., i, j) is kept when j - i is on
 * the kept side of diagonal; both lie in (-m, n), so the comparison with any
 * int64 diagonal cannot overflow.
 */
template <int SZ>
__global__ void cu_tri_kernel(const __grid_constant__ cu_tensor dst, const __grid_constant__ cu_tensor src,
                              int64_t diagonal, bool upper, bool inplace, bool rowmajor) {
  typedef typename cu_word<SZ>::type W;
  int64_t n = dst.shape[dst.ndim - 1], m = dst.shape[dst.ndim - 2];
  CU_GRID_LOOP(e, dst.numel) {
    int64_t r = e / n, j = e - r * n, i = r % m;
    bool keep = upper ? j - i >= diagonal : j - i <= diagonal;
    if (keep && inplace) continue;
    W *d = (W *)dst.data + (rowmajor ? e : cu_offset(dst, e));
    if (keep) {
      *d = *((const W *)src.data + (rowmajor ? e : cu_offset(src, e)));
    } else {
      *d = W(); /* value-initialised: all bits zero */
    }
  }
}

/* Whether a descriptor is row-major contiguous (size-1 dims ignored). */
static bool cu_tri_rowmajor(const cu_tensor &t) {
  int64_t expect = 1;
  for (int d = t.ndim - 1; d >= 0; d--) {
    if (t.shape[d] == 1) continue;
    if (t.strides[d] != expect) return false;
    expect *= t.shape[d];
  }
  return true;
}

CU_EXTERN int cu_tril_triu(cu_tensor dst, cu_tensor src, int64_t diagonal, bool upper, bool inplace,
                           cu_stream stream) {
  cudaStream_t st = (cudaStream_t)stream;
  if (dst.numel == 0) return (int)cudaSuccess;
  bool row = cu_tri_rowmajor(dst) && (inplace || cu_tri_rowmajor(src));
  unsigned g = cu_blocks(dst.numel);
  switch (cu_itemsize(dst.dtype)) {
    case 1: cu_tri_kernel<1><<<g, CU_BLOCK, 0, st>>>(dst, src, diagonal, upper, inplace, row); break;
    case 2: cu_tri_kernel<2><<<g, CU_BLOCK, 0, st>>>(dst, src, diagonal, upper, inplace, row); break;
    case 4: cu_tri_kernel<4><<<g, CU_BLOCK, 0, st>>>(dst, src, diagonal, upper, inplace, row); break;
    case 8: cu_tri_kernel<8><<<g, CU_BLOCK, 0, st>>>(dst, src, diagonal, upper, inplace, row); break;
    default: cu_tri_kernel<16><<<g, CU_BLOCK, 0, st>>>(dst, src, diagonal, upper, inplace, row); break;
  }
  return (int)cudaGetLastError();
}
