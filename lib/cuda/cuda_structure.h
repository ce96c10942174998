/*
 * cuda_structure.h: the launcher of the structure family's kernel
 * (cuda_structure.cu): the tril/triu mask.
 */
#ifndef CT_CUDA_STRUCTURE_H
#define CT_CUDA_STRUCTURE_H

#include "cuda_kernels.h"

/*
 * dst (..., M, N) = src with the elements outside the band zeroed: upper
 * false keeps col - row <= diagonal, upper true keeps col - row >= diagonal.
 * Same shape and dtype; inplace (dst and src are one tensor) only zeroes.
 */
CU_EXTERN int cu_tril_triu(cu_tensor dst, cu_tensor src, int64_t diagonal, bool upper, bool inplace,
                           cu_stream stream);

#endif /* CT_CUDA_STRUCTURE_H */
