/*
 * cuda_kernels.h: the boundary between the CUDA module's C glue and its
 * kernels. Plain C, included by both the C files and the .cu files: tensor
 * descriptors and the extern "C" launchers of every kernel file.
 *
 * A launcher enqueues its kernels on the stream it is given and returns
 * cudaSuccess or the error of the launch (as int, cudaError_t's value); it
 * never synchronises, allocates or records a ctensor error. Descriptors are
 * passed by value to kernels, so they stay small and fixed.
 *
 * dtypes are ct_dtype values (ctensor/dtype.h): 0 bool, 1 uint8, 2 int8,
 * 3 int16, 4 int32, 5 int64, 6 float16, 7 bfloat16, 8 float32, 9 float64,
 * 10 complex64, 11 complex128.
 */
#ifndef CT_CUDA_KERNELS_H
#define CT_CUDA_KERNELS_H

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
#define CU_EXTERN extern "C"
#else
#define CU_EXTERN
#endif

/* Most dims a kernel descriptor holds (PyTorch's limit for CUDA kernels too). */
#define CU_MAX_DIMS 25

/* A strided tensor on the device: element (i0, ..., in) is at data + sum(ik * strides[k]) elements. */
typedef struct cu_tensor {
  char *data;
  int32_t dtype;
  int32_t ndim;
  int64_t numel;
  int64_t shape[CU_MAX_DIMS];
  int64_t strides[CU_MAX_DIMS]; /* elements, may be 0 (broadcast) or negative (internal flips) */
} cu_tensor;

/* cudaStream_t without the CUDA headers. */
typedef void *cu_stream;

/* ---- copy and fill (cuda_copy.cu) ---------------------------------------------------------- */

/* dst[i] = convert(src[i]) over dst's shape; src seen through dst's shape. */
CU_EXTERN int cu_copy(cu_tensor dst, cu_tensor src, cu_stream stream);
/* Every element of dst = *value (16 bytes holding one element of dst's dtype). */
CU_EXTERN int cu_fill(cu_tensor dst, const void *value, cu_stream stream);

#endif /* CT_CUDA_KERNELS_H */
