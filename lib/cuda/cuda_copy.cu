/*
 * cuda_copy.cu: the copy and fill kernels behind the backend's copy and fill
 * (cuda_copy.c), on descriptors the glue has already coalesced (mostly 1 or
 * 2 dims; contiguous same-dtype copies never get here, they are memcpys).
 *
 * A copy between equal dtypes moves raw elements (one kernel per element
 * size). A converting copy follows the CPU backend's conversion
 * (lib/core/ct_dtype.c) exactly rather than cu_load/cu_store: the source is
 * widened to its kind (int64, double or a pair of doubles), then narrowed
 * with x86-64's rules, so that NaN and out-of-range floats give INT_MIN as
 * cvttsd2si does, int8/int16 wrap from int32, uint8 from int64, int64 to
 * float rounds once, and float16/bfloat16 NaNs have the CPU's bits.
 */
#include <stdint.h>
#include <string.h>

#include "cuda_common.cuh"

/* ---- offsets -------------------------------------------------------------------------------- */

/*
 * Offsets (in elements) of the row-major index i in two descriptors of the
 * same shape: one division per inner dim serves both, and the outermost dim
 * needs none.
 */
__device__ __forceinline__ void cu_copy_offsets(const cu_tensor &d, const cu_tensor &s, int64_t i, int64_t &od,
                                                int64_t &os) {
  od = 0;
  os = 0;
  for (int k = d.ndim - 1; k > 0; k--) {
    int64_t n = d.shape[k];
    int64_t q = i / n;
    int64_t r = i - q * n;
    od += r * d.strides[k];
    os += r * s.strides[k];
    i = q;
  }
  if (d.ndim > 0) {
    od += i * d.strides[0];
    os += i * s.strides[0];
  }
}

/* The same for one descriptor. */
__device__ __forceinline__ int64_t cu_copy_offset(const cu_tensor &d, int64_t i) {
  int64_t o = 0;
  for (int k = d.ndim - 1; k > 0; k--) {
    int64_t n = d.shape[k];
    int64_t q = i / n;
    o += (i - q * n) * d.strides[k];
    i = q;
  }
  return d.ndim > 0 ? o + i * d.strides[0] : o;
}

/* ---- conversion as the CPU backend ---------------------------------------------------------- */

/* A value widened to its kind: integers to int64, reals to double, complex to two doubles. */
enum { CU_KIND_INT = 0, CU_KIND_REAL = 1, CU_KIND_COMPLEX = 2 };
struct cu_copy_value {
  int kind;
  int64_t i;
  double re, im;
};

__device__ __forceinline__ cu_copy_value cu_copy_load(const char *p, int dtype) {
  cu_copy_value v;
  v.kind = CU_KIND_INT;
  v.i = 0;
  v.re = 0.0;
  v.im = 0.0;
  switch (dtype) {
    case CU_BOOL: v.i = *(const uint8_t *)p != 0; break;
    case CU_UINT8: v.i = *(const uint8_t *)p; break;
    case CU_INT8: v.i = *(const int8_t *)p; break;
    case CU_INT16: v.i = *(const int16_t *)p; break;
    case CU_INT32: v.i = *(const int32_t *)p; break;
    case CU_INT64: v.i = *(const int64_t *)p; break;
    case CU_FLOAT16:
      v.kind = CU_KIND_REAL;
      v.re = cu_f16_to_f32(*(const uint16_t *)p);
      break;
    case CU_BFLOAT16:
      v.kind = CU_KIND_REAL;
      v.re = __uint_as_float((uint32_t)*(const uint16_t *)p << 16);
      break;
    case CU_FLOAT32:
      v.kind = CU_KIND_REAL;
      v.re = *(const float *)p;
      break;
    case CU_FLOAT64:
      v.kind = CU_KIND_REAL;
      v.re = *(const double *)p;
      break;
    case CU_COMPLEX64:
      v.kind = CU_KIND_COMPLEX;
      v.re = ((const float *)p)[0];
      v.im = ((const float *)p)[1];
      break;
    default:
      v.kind = CU_KIND_COMPLEX;
      v.re = ((const double *)p)[0];
      v.im = ((const double *)p)[1];
      break;
  }
  return v;
}

/* The value as float32: integers round once from int64 (never through double). */
__device__ __forceinline__ float cu_copy_as_f32(const cu_copy_value &v) {
  return v.kind == CU_KIND_INT ? (float)v.i : (float)v.re;
}

__device__ __forceinline__ void cu_copy_store(char *p, int dtype, const cu_copy_value &v) {
  bool is_int = v.kind == CU_KIND_INT;
  switch (dtype) {
    case CU_BOOL:
      *(uint8_t *)p = is_int ? v.i != 0 : (v.re != 0.0 || v.im != 0.0);
      break;
    case CU_UINT8: *(uint8_t *)p = (uint8_t)(uint64_t)(is_int ? v.i : cu_f_to_i64(v.re)); break;
    case CU_INT8: *(int8_t *)p = (int8_t)(uint8_t)(uint64_t)(is_int ? v.i : (int64_t)cu_f_to_i32(v.re)); break;
    case CU_INT16:
      *(int16_t *)p = (int16_t)(uint16_t)(uint64_t)(is_int ? v.i : (int64_t)cu_f_to_i32(v.re));
      break;
    case CU_INT32: *(int32_t *)p = is_int ? (int32_t)(uint32_t)(uint64_t)v.i : cu_f_to_i32(v.re); break;
    case CU_INT64: *(int64_t *)p = is_int ? v.i : cu_f_to_i64(v.re); break;
    case CU_FLOAT16: *(uint16_t *)p = cu_f32_to_f16(cu_copy_as_f32(v)); break;
    case CU_BFLOAT16: *(uint16_t *)p = cu_f32_to_bf16(cu_copy_as_f32(v)); break;
    case CU_FLOAT32: *(float *)p = cu_copy_as_f32(v); break;
    case CU_FLOAT64: *(double *)p = is_int ? (double)v.i : v.re; break;
    case CU_COMPLEX64:
      ((float *)p)[0] = cu_copy_as_f32(v);
      ((float *)p)[1] = (float)v.im;
      break;
    default:
      ((double *)p)[0] = is_int ? (double)v.i : v.re;
      ((double *)p)[1] = v.im;
      break;
  }
}

/* ---- kernels -------------------------------------------------------------------------------- */

/* dst and src have dst's shape; T is the element's size. */
template <typename T> __global__ void cu_copy_same_kernel(cu_tensor dst, cu_tensor src) {
  CU_GRID_LOOP(i, dst.numel) {
    int64_t od, os;
    cu_copy_offsets(dst, src, i, od, os);
    ((T *)dst.data)[od] = ((const T *)src.data)[os];
  }
}

/* dst and src have dst's shape and any dtypes. */
__global__ void cu_copy_convert_kernel(cu_tensor dst, cu_tensor src) {
  int dsize = cu_itemsize(dst.dtype), ssize = cu_itemsize(src.dtype);
  CU_GRID_LOOP(i, dst.numel) {
    int64_t od, os;
    cu_copy_offsets(dst, src, i, od, os);
    cu_copy_store(dst.data + od * dsize, dst.dtype, cu_copy_load(src.data + os * ssize, src.dtype));
  }
}

template <typename T> __global__ void cu_fill_kernel(cu_tensor dst, T v) {
  CU_GRID_LOOP(i, dst.numel) { ((T *)dst.data)[cu_copy_offset(dst, i)] = v; }
}

/* ---- launchers ------------------------------------------------------------------------------ */

template <typename T> static void cu_copy_same(const cu_tensor &dst, const cu_tensor &src, cudaStream_t st) {
  cu_copy_same_kernel<T><<<cu_blocks(dst.numel), CU_BLOCK, 0, st>>>(dst, src);
}

CU_EXTERN int cu_copy(cu_tensor dst, cu_tensor src, cu_stream stream) {
  if (dst.numel == 0) return (int)cudaSuccess;
  cudaStream_t st = (cudaStream_t)stream;
  if (dst.dtype != src.dtype) {
    cu_copy_convert_kernel<<<cu_blocks(dst.numel), CU_BLOCK, 0, st>>>(dst, src);
  } else {
    switch (cu_itemsize(dst.dtype)) {
      case 1: cu_copy_same<uint8_t>(dst, src, st); break;
      case 2: cu_copy_same<uint16_t>(dst, src, st); break;
      case 4: cu_copy_same<uint32_t>(dst, src, st); break;
      case 8: cu_copy_same<uint64_t>(dst, src, st); break;
      default: cu_copy_same<cu_u128>(dst, src, st); break;
    }
  }
  return (int)cudaGetLastError();
}

template <typename T> static void cu_fill_as(const cu_tensor &dst, const void *value, cudaStream_t st) {
  T v;
  memcpy(&v, value, sizeof v);
  cu_fill_kernel<T><<<cu_blocks(dst.numel), CU_BLOCK, 0, st>>>(dst, v);
}

CU_EXTERN int cu_fill(cu_tensor dst, const void *value, cu_stream stream) {
  if (dst.numel == 0) return (int)cudaSuccess;
  cudaStream_t st = (cudaStream_t)stream;
  switch (cu_itemsize(dst.dtype)) {
    case 1: cu_fill_as<uint8_t>(dst, value, st); break;
    case 2: cu_fill_as<uint16_t>(dst, value, st); break;
    case 4: cu_fill_as<uint32_t>(dst, value, st); break;
    case 8: cu_fill_as<uint64_t>(dst, value, st); break;
    default: cu_fill_as<cu_u128>(dst, value, st); break;
  }
  return (int)cudaGetLastError();
}
