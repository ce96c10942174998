/*
 * cuda_common.cuh: device-side helpers every kernel file shares: the C++
 * type of each dtype, loads and stores converting through a runtime dtype,
 * offsets of a linear index in a strided descriptor, and launch sizes.
 *
 * Conversions follow ctensor's CPU rules (and PyTorch's): float to integer
 * truncates toward zero (out-of-range values are undefined in C, so the
 * kernels saturate through int64 as the CPU backend does), to bool is
 * "nonzero", float16/bfloat16 round to nearest even, complex to real drops
 * the imaginary part.
 */
#ifndef CT_CUDA_COMMON_CUH
#define CT_CUDA_COMMON_CUH

#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>
#include <cuda/std/complex>
#include <stdint.h>

#include "cuda_kernels.h"

enum {
  CU_BOOL = 0, CU_UINT8 = 1, CU_INT8 = 2, CU_INT16 = 3, CU_INT32 = 4, CU_INT64 = 5,
  CU_FLOAT16 = 6, CU_BFLOAT16 = 7, CU_FLOAT32 = 8, CU_FLOAT64 = 9, CU_COMPLEX64 = 10,
  CU_COMPLEX128 = 11
};

typedef cuda::std::complex<float> cu_c64;
typedef cuda::std::complex<double> cu_c128;

/* ---- scalar conversion between the compute types -------------------------------------------- */

template <typename T> struct cu_is_complex { static constexpr bool value = false; };
template <> struct cu_is_complex<cu_c64> { static constexpr bool value = true; };
template <> struct cu_is_complex<cu_c128> { static constexpr bool value = true; };

/* The real part of any compute value, as double (complex: the real part). */
template <typename T> __device__ __forceinline__ double cu_real_of(T v) { return (double)v; }
template <> __device__ __forceinline__ double cu_real_of<cu_c64>(cu_c64 v) { return v.real(); }
template <> __device__ __forceinline__ double cu_real_of<cu_c128>(cu_c128 v) { return v.real(); }
template <> __device__ __forceinline__ double cu_real_of<__half>(__half v) { return __half2float(v); }
template <> __device__ __forceinline__ double cu_real_of<__nv_bfloat16>(__nv_bfloat16 v) {
  return __bfloat162float(v);
}

/* Whether a value is nonzero (bool conversion); complex: either part. */
template <typename T> __device__ __forceinline__ bool cu_nonzero(T v) { return v != T(0); }
template <> __device__ __forceinline__ bool cu_nonzero<cu_c64>(cu_c64 v) {
  return v.real() != 0.f || v.imag() != 0.f;
}
template <> __device__ __forceinline__ bool cu_nonzero<cu_c128>(cu_c128 v) {
  return v.real() != 0.0 || v.imag() != 0.0;
}

/*
 * float16 and bfloat16 bits as ctensor's CPU conversions (ct_dtype.c): exact
 * widening with a NaN kept quiet with its sign and payload, narrowing to
 * nearest even with NaN as 0x7E00 (sign kept) or 0x7FC0.
 */
__device__ __forceinline__ float cu_f16_to_f32(uint16_t h) {
  if ((h & 0x7C00u) == 0x7C00u && (h & 0x3FFu))
    return __uint_as_float(((uint32_t)(h & 0x8000u) << 16) | 0x7FC00000u | ((uint32_t)(h & 0x3FFu) << 13));
  return __half2float(__ushort_as_half(h));
}
__device__ __forceinline__ uint16_t cu_f32_to_f16(float f) {
  if (f != f) return (uint16_t)(((__float_as_uint(f) >> 16) & 0x8000u) | 0x7E00u);
  return __half_as_ushort(__float2half_rn(f));
}
__device__ __forceinline__ uint16_t cu_f32_to_bf16(float f) {
  if (f != f) return 0x7FC0u;
  return __bfloat16_as_ushort(__float2bfloat16_rn(f));
}

/*
 * Floating to integer as ctensor's CPU conversions (ct_dtype.c, which follow
 * cvttsd2si on x86-64): truncation toward zero, and the most negative value
 * for NaN and out-of-range inputs. int64 and uint8 go through int64
 * (PyTorch's special case for uint8), int8, int16 and int32 through int32;
 * the narrow types keep the low bits.
 */
__device__ __forceinline__ int32_t cu_f_to_i32(double x) {
  return x > -2147483649.0 && x < 2147483648.0 ? (int32_t)x : INT32_MIN;
}
__device__ __forceinline__ int64_t cu_f_to_i64(double x) {
  return x >= -9223372036854775808.0 && x < 9223372036854775808.0 ? (int64_t)x : INT64_MIN;
}
template <typename I> __device__ __forceinline__ I cu_float_to_int(double d) {
  return (I)(uint32_t)cu_f_to_i32(d);
}
template <> __device__ __forceinline__ int32_t cu_float_to_int<int32_t>(double d) { return cu_f_to_i32(d); }
template <> __device__ __forceinline__ int64_t cu_float_to_int<int64_t>(double d) { return cu_f_to_i64(d); }
template <> __device__ __forceinline__ uint8_t cu_float_to_int<uint8_t>(double d) {
  return (uint8_t)(uint64_t)cu_f_to_i64(d);
}

/*
 * Converts a value of type S to type D. The generic path goes through
 * double for real types; complex sources keep both parts for complex
 * destinations.
 */
template <typename D, typename S> struct cu_cast {
  static __device__ __forceinline__ D run(S v) { return (D)v; }
};
/* to bool */
template <typename S> struct cu_cast<bool, S> {
  static __device__ __forceinline__ bool run(S v) { return cu_nonzero<S>(v); }
};
template <> struct cu_cast<bool, bool> {
  static __device__ __forceinline__ bool run(bool v) { return v; }
};
/* complex destinations */
template <typename S> struct cu_cast<cu_c64, S> {
  static __device__ __forceinline__ cu_c64 run(S v) { return cu_c64((float)cu_real_of<S>(v), 0.f); }
};
template <typename S> struct cu_cast<cu_c128, S> {
  static __device__ __forceinline__ cu_c128 run(S v) { return cu_c128(cu_real_of<S>(v), 0.0); }
};
template <> struct cu_cast<cu_c64, cu_c64> {
  static __device__ __forceinline__ cu_c64 run(cu_c64 v) { return v; }
};
template <> struct cu_cast<cu_c64, cu_c128> {
  static __device__ __forceinline__ cu_c64 run(cu_c128 v) { return cu_c64((float)v.real(), (float)v.imag()); }
};
template <> struct cu_cast<cu_c128, cu_c64> {
  static __device__ __forceinline__ cu_c128 run(cu_c64 v) { return cu_c128(v.real(), v.imag()); }
};
template <> struct cu_cast<cu_c128, cu_c128> {
  static __device__ __forceinline__ cu_c128 run(cu_c128 v) { return v; }
};
/* real destinations from complex: the real part (bool tests both parts, through cu_nonzero above) */
#define CU_CAST_FROM_COMPLEX(D)                                                                 \
  template <> struct cu_cast<D, cu_c64> {                                                       \
    static __device__ __forceinline__ D run(cu_c64 v) { return cu_cast<D, float>::run(v.real()); } \
  };                                                                                            \
  template <> struct cu_cast<D, cu_c128> {                                                      \
    static __device__ __forceinline__ D run(cu_c128 v) { return cu_cast<D, double>::run(v.real()); } \
  };
/* integer destinations from floating: truncation through int64 */
#define CU_CAST_INT_FROM_FLOAT(I)                                                               \
  template <> struct cu_cast<I, float> {                                                        \
    static __device__ __forceinline__ I run(float v) { return cu_float_to_int<I>(v); }          \
  };                                                                                            \
  template <> struct cu_cast<I, double> {                                                       \
    static __device__ __forceinline__ I run(double v) { return cu_float_to_int<I>(v); }         \
  };
CU_CAST_INT_FROM_FLOAT(uint8_t)
CU_CAST_INT_FROM_FLOAT(int8_t)
CU_CAST_INT_FROM_FLOAT(int16_t)
CU_CAST_INT_FROM_FLOAT(int32_t)
CU_CAST_INT_FROM_FLOAT(int64_t)
CU_CAST_FROM_COMPLEX(uint8_t)
CU_CAST_FROM_COMPLEX(int8_t)
CU_CAST_FROM_COMPLEX(int16_t)
CU_CAST_FROM_COMPLEX(int32_t)
CU_CAST_FROM_COMPLEX(int64_t)
CU_CAST_FROM_COMPLEX(float)
CU_CAST_FROM_COMPLEX(double)
#undef CU_CAST_FROM_COMPLEX
#undef CU_CAST_INT_FROM_FLOAT

/* ---- loads and stores through a runtime dtype ----------------------------------------------- */

/* Reads element p (of dtype) as compute type C. */
template <typename C> __device__ __forceinline__ C cu_load(const char *p, int dtype) {
  switch (dtype) {
    case CU_BOOL: return cu_cast<C, bool>::run(*(const bool *)p);
    case CU_UINT8: return cu_cast<C, uint8_t>::run(*(const uint8_t *)p);
    case CU_INT8: return cu_cast<C, int8_t>::run(*(const int8_t *)p);
    case CU_INT16: return cu_cast<C, int16_t>::run(*(const int16_t *)p);
    case CU_INT32: return cu_cast<C, int32_t>::run(*(const int32_t *)p);
    case CU_INT64: return cu_cast<C, int64_t>::run(*(const int64_t *)p);
    case CU_FLOAT16: return cu_cast<C, float>::run(cu_f16_to_f32(*(const uint16_t *)p));
    case CU_BFLOAT16: return cu_cast<C, float>::run(__bfloat162float(*(const __nv_bfloat16 *)p));
    case CU_FLOAT32: return cu_cast<C, float>::run(*(const float *)p);
    case CU_FLOAT64: return cu_cast<C, double>::run(*(const double *)p);
    case CU_COMPLEX64: return cu_cast<C, cu_c64>::run(*(const cu_c64 *)p);
    default: return cu_cast<C, cu_c128>::run(*(const cu_c128 *)p);
  }
}

/* Writes v (compute type C) to element p of dtype. float16/bfloat16 round from float. */
template <typename C> __device__ __forceinline__ void cu_store(char *p, int dtype, C v) {
  switch (dtype) {
    case CU_BOOL: *(bool *)p = cu_cast<bool, C>::run(v); break;
    case CU_UINT8: *(uint8_t *)p = cu_cast<uint8_t, C>::run(v); break;
    case CU_INT8: *(int8_t *)p = cu_cast<int8_t, C>::run(v); break;
    case CU_INT16: *(int16_t *)p = cu_cast<int16_t, C>::run(v); break;
    case CU_INT32: *(int32_t *)p = cu_cast<int32_t, C>::run(v); break;
    case CU_INT64: *(int64_t *)p = cu_cast<int64_t, C>::run(v); break;
    case CU_FLOAT16: *(uint16_t *)p = cu_f32_to_f16(cu_cast<float, C>::run(v)); break;
    case CU_BFLOAT16: *(uint16_t *)p = cu_f32_to_bf16(cu_cast<float, C>::run(v)); break;
    case CU_FLOAT32: *(float *)p = cu_cast<float, C>::run(v); break;
    case CU_FLOAT64: *(double *)p = cu_cast<double, C>::run(v); break;
    case CU_COMPLEX64: *(cu_c64 *)p = cu_cast<cu_c64, C>::run(v); break;
    default: *(cu_c128 *)p = cu_cast<cu_c128, C>::run(v); break;
  }
}

/* Bytes of one element of a dtype. */
__host__ __device__ __forceinline__ int cu_itemsize(int dtype) {
  return dtype <= CU_INT8 ? 1 : dtype == CU_INT16 || dtype == CU_FLOAT16 || dtype == CU_BFLOAT16 ? 2
         : dtype == CU_INT32 || dtype == CU_FLOAT32 ? 4 : dtype == CU_COMPLEX128 ? 16 : 8;
}

/* ---- strided offsets ------------------------------------------------------------------------ */

/* Offset in elements of the row-major linear index i in t (shape and strides of t). */
__device__ __forceinline__ int64_t cu_offset(const cu_tensor &t, int64_t i) {
  int64_t off = 0;
  for (int d = t.ndim - 1; d >= 0; d--) {
    int64_t s = t.shape[d];
    int64_t q = i / s;
    off += (i - q * s) * t.strides[d];
    i = q;
  }
  return off;
}

/* Pointer to the row-major linear element i of t. */
__device__ __forceinline__ char *cu_elem(const cu_tensor &t, int64_t i) {
  return t.data + cu_offset(t, i) * cu_itemsize(t.dtype);
}

/* ---- raw element moves ---------------------------------------------------------------------- */

/* 16 bytes moved as two 8-byte words: complex128 storage need not be 16-byte aligned. */
struct cu_u128 {
  uint64_t lo, hi;
};

/* The word type that moves one element of SZ bytes as it is. */
template <int SZ> struct cu_word;
template <> struct cu_word<1> { typedef uint8_t type; };
template <> struct cu_word<2> { typedef uint16_t type; };
template <> struct cu_word<4> { typedef uint32_t type; };
template <> struct cu_word<8> { typedef uint64_t type; };
template <> struct cu_word<16> { typedef cu_u128 type; };

template <int SZ> __device__ __forceinline__ void cu_move(char *d, const char *s) {
  typedef typename cu_word<SZ>::type W;
  *(W *)d = *(const W *)s;
}

/* ---- launch sizes --------------------------------------------------------------------------- */

enum { CU_BLOCK = 256 };

/* Blocks for n elements with a grid-stride loop (capped; every kernel loops). */
static inline unsigned cu_blocks(int64_t n, int per_thread = 1) {
  int64_t b = (n + (int64_t)CU_BLOCK * per_thread - 1) / ((int64_t)CU_BLOCK * per_thread);
  if (b < 1) b = 1;
  if (b > 65535 * 8) b = 65535 * 8;
  return (unsigned)b;
}

/* Runs f(i) for every i in [0, n) across the grid. */
#define CU_GRID_LOOP(i, n)                                                                      \
  for (int64_t i = (int64_t)blockIdx.x * blockDim.x + threadIdx.x; i < (n);                     \
       i += (int64_t)blockDim.x * gridDim.x)


/* ==== reduce family (cuda_reduce.cu, cuda_sort.cu) ============================================ */

/*
 * Offsets (in elements) of the row-major index i over nd dims of the given
 * sizes in three stride sets at once: where an output (or a line) starts in
 * x and in its one or two results.
 */
__device__ __forceinline__ void cu_dims_offsets3(int nd, const int64_t *size, const int64_t *s0,
                                                 const int64_t *s1, const int64_t *s2, int64_t i,
                                                 int64_t &o0, int64_t &o1, int64_t &o2) {
  int64_t a = 0, b = 0, c = 0;
  for (int d = nd - 1; d >= 0; d--) {
    int64_t q = i / size[d], r = i - q * size[d];
    a += r * s0[d];
    b += r * s1[d];
    c += r * s2[d];
    i = q;
  }
  o0 = a;
  o1 = b;
  o2 = c;
}

#endif /* CT_CUDA_COMMON_CUH */
