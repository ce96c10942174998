/*
 * ct_dtype_table.c: the dtype table. Plain data in a file of its own, so
 * that the CUDA module (which cannot see libctensor's hidden symbols)
 * compiles the same table instead of a copy.
 */
#include "ct_internal.h"

const ct__dtype_info ct__dtypes[CT_DTYPE_COUNT] = {
  [CT_BOOL] = {"bool", 1, false, false, false},
  [CT_UINT8] = {"uint8", 1, false, false, false},
  [CT_INT8] = {"int8", 1, false, false, true},
  [CT_INT16] = {"int16", 2, false, false, true},
  [CT_INT32] = {"int32", 4, false, false, true},
  [CT_INT64] = {"int64", 8, false, false, true},
  [CT_FLOAT16] = {"float16", 2, true, false, true},
  [CT_BFLOAT16] = {"bfloat16", 2, true, false, true},
  [CT_FLOAT32] = {"float32", 4, true, false, true},
  [CT_FLOAT64] = {"float64", 8, true, false, true},
  [CT_COMPLEX64] = {"complex64", 8, false, true, true},
  [CT_COMPLEX128] = {"complex128", 16, false, true, true},
};
_Static_assert(CT_DTYPE_COUNT == 12, "ct__dtypes needs a row for every dtype");
