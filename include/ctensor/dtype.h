/*
 * ctensor/dtype.h: element types.
 *
 * A ct_dtype is an int32_t with the fixed, append-only values below. Where a
 * function takes a dtype that may be left unspecified (PyTorch's dtype=None),
 * CT_DTYPE_NONE (-1) means: the default dtype for factories, the input's dtype
 * for the *_like and new_* forms.
 *
 * Scalars cross the ABI as a pointer to one element plus its dtype
 * (const void *value, ct_dtype value_dtype): a double with CT_FLOAT64, an
 * int64_t with CT_INT64, a bool with CT_BOOL, two doubles {re, im} with
 * CT_COMPLEX128, and so on. Nothing is lost in passing, whatever the dtype.
 */
#ifndef CTENSOR_DTYPE_H
#define CTENSOR_DTYPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Element type; values are fixed and append-only. */
typedef int32_t ct_dtype;

enum {
  CT_DTYPE_NONE = -1, /* "not specified": see the file comment */
  CT_BOOL = 0,
  CT_UINT8 = 1,
  CT_INT8 = 2,
  CT_INT16 = 3,
  CT_INT32 = 4,
  CT_INT64 = 5,
  CT_FLOAT16 = 6,
  CT_BFLOAT16 = 7,
  CT_FLOAT32 = 8,
  CT_FLOAT64 = 9,
  CT_COMPLEX64 = 10,
  CT_COMPLEX128 = 11,
  CT_DTYPE_COUNT
};

/**
 * Canonical name of a dtype ("float32", "complex64", ...), as PyTorch prints
 * it after "torch.". *name is a static string.
 * Errors: CT_ERR_INVALID_ARGUMENT (name NULL), CT_ERR_DTYPE (dtype out of range).
 */
CT_API ct_status ct_dtype_name(const char **name, ct_dtype dtype);

/**
 * Looks a dtype up by name: canonical names and PyTorch's aliases ("float",
 * "double", "half", "long", "int", "short", "cfloat", "cdouble", ...), with or
 * without a "torch." or "ctensor." prefix.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL pointer), CT_ERR_DTYPE (unknown name).
 */
CT_API ct_status ct_dtype_from_name(ct_dtype *dtype, const char *name);

/** Size of one element in bytes. Errors: CT_ERR_INVALID_ARGUMENT, CT_ERR_DTYPE. */
CT_API ct_status ct_dtype_itemsize(int64_t *itemsize, ct_dtype dtype);

/** True for float16, bfloat16, float32, float64. Errors: CT_ERR_INVALID_ARGUMENT, CT_ERR_DTYPE. */
CT_API ct_status ct_dtype_is_floating_point(bool *result, ct_dtype dtype);

/** True for complex64 and complex128. Errors: CT_ERR_INVALID_ARGUMENT, CT_ERR_DTYPE. */
CT_API ct_status ct_dtype_is_complex(bool *result, ct_dtype dtype);

/** True for dtypes that hold negative values (every dtype but bool and uint8). Errors as above. */
CT_API ct_status ct_dtype_is_signed(bool *result, ct_dtype dtype);

/**
 * Converts count contiguous elements from src (of src_dtype) to dst (of
 * dst_dtype) with PyTorch's rules: float16/bfloat16 round to nearest even and
 * keep NaN and infinity; float to integer truncates toward zero (out-of-range
 * values give what PyTorch gives on x86-64); complex to real drops the
 * imaginary part; anything to bool is "!= 0". src and dst must not overlap
 * unless they are the same pointer with the same itemsize.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL with count > 0, count < 0), CT_ERR_DTYPE.
 */
CT_API ct_status ct_dtype_convert(void *dst, ct_dtype dst_dtype, const void *src,
                                  ct_dtype src_dtype, int64_t count);

/**
 * The default floating dtype used when a factory gets CT_DTYPE_NONE and by
 * the formatter (initially float32). Process-wide, like torch.get_default_dtype().
 * Errors: CT_ERR_INVALID_ARGUMENT.
 */
CT_API ct_status ct_get_default_dtype(ct_dtype *dtype);

/**
 * Sets the default floating dtype (float16, bfloat16, float32 or float64).
 * Process-wide; safe to call from any thread.
 * Errors: CT_ERR_DTYPE (not a floating dtype).
 */
CT_API ct_status ct_set_default_dtype(ct_dtype dtype);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_DTYPE_H */
