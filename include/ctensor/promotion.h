/*
 * ctensor/promotion.h: PyTorch's type promotion, and scalars that promote as
 * Python numbers do.
 *
 * Categories rank bool < integer < floating < complex. Among tensors with
 * dimensions, dtypes promote as torch.promote_types. A 0-d tensor or a
 * scalar only decides the result when its category is higher than that of
 * every tensor with dimensions (torch.ones(3, dtype=int8) + 1000 stays int8;
 * + 2.5 gives the default float dtype). A scalar (a "wrapped number", made by
 * ct_scalar_tensor()) of a floating kind counts as the default dtype, a
 * complex one as its complex counterpart, whatever its own width.
 */
#ifndef CTENSOR_PROMOTION_H
#define CTENSOR_PROMOTION_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The smallest dtype both a and b convert to without losing their category,
 * as torch.promote_types (uint8 with int8 gives int16; float16 with bfloat16
 * gives float32; float64 with complex64 gives complex128).
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_DTYPE (a or b out of range).
 */
CT_API ct_status ct_promote_types(ct_dtype *result, ct_dtype a, ct_dtype b);

/**
 * Whether PyTorch allows an operation whose result has dtype from to write
 * into a tensor of dtype to, as torch.can_cast: false from complex to
 * non-complex, from floating to integer or bool, and from non-bool to bool.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_DTYPE.
 */
CT_API ct_status ct_can_cast(bool *result, ct_dtype from, ct_dtype to);

/**
 * The dtype of an operation on the n tensors, as torch.result_type (see the
 * file comment for 0-d tensors and wrapped numbers).
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL result or tensors, n < 1, a NULL tensor).
 */
CT_API ct_status ct_result_type(ct_dtype *result, int32_t n, ct_tensor *const *tensors);

/**
 * A 0-d CPU tensor holding one value, flagged as a wrapped number so that it
 * promotes like a Python scalar in every operation (x + 2.5, 2 ** x, where(c, x, 0)).
 * Its dtype is value_dtype.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_DTYPE, CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_scalar_tensor(ct_tensor **out, const void *value, ct_dtype value_dtype);

/** Whether t was made by ct_scalar_tensor(). Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_tensor_is_wrapped_number(bool *result, ct_tensor *t);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_PROMOTION_H */
