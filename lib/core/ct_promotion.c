/*
 * ct_promotion.c: PyTorch's type promotion (c10's promoteTypes and
 * at::native::result_type) and wrapped-number scalars.
 */
#include <string.h>

#include "ct_internal.h"

ct_dtype ct__to_complex(ct_dtype d) { return d == CT_FLOAT64 ? CT_COMPLEX128 : CT_COMPLEX64; }

ct_dtype ct__to_real(ct_dtype d) {
  if (d == CT_COMPLEX64) return CT_FLOAT32;
  if (d == CT_COMPLEX128) return CT_FLOAT64;
  return d;
}

/* Rank of an integer dtype's width, to pick the wider one. */
static int ct__int_rank(ct_dtype d) {
  switch (d) {
    case CT_BOOL: return 0;
    case CT_UINT8: case CT_INT8: return 1;
    case CT_INT16: return 2;
    case CT_INT32: return 3;
    default: return 4;
  }
}

/*
 * The lattice of torch.promote_types, derived rather than tabulated:
 * complex wins and takes the wider precision of the two; among floats,
 * float16 with bfloat16 meets at float32, else the wider wins; a float
 * beats any integer; uint8 with a signed type needs the next wider signed
 * type (at least int16); bool yields to everything.
 */
ct_dtype ct__promote_types(ct_dtype a, ct_dtype b) {
  if (a == b) return a;
  const ct__dtype_info *x = &ct__dtypes[a], *y = &ct__dtypes[b];
  if (x->is_complex || y->is_complex) {
    bool wide = a == CT_COMPLEX128 || b == CT_COMPLEX128 || a == CT_FLOAT64 || b == CT_FLOAT64;
    return wide ? CT_COMPLEX128 : CT_COMPLEX64;
  }
  if (x->is_floating && y->is_floating) {
    if ((a == CT_FLOAT16 && b == CT_BFLOAT16) || (a == CT_BFLOAT16 && b == CT_FLOAT16)) return CT_FLOAT32;
    return x->itemsize >= y->itemsize ? a : b;
  }
  if (x->is_floating) return a;
  if (y->is_floating) return b;
  if (a == CT_BOOL) return b;
  if (b == CT_BOOL) return a;
  if (a == CT_UINT8 || b == CT_UINT8) {
    ct_dtype s = a == CT_UINT8 ? b : a; /* the signed one */
    return ct__int_rank(s) <= 1 ? CT_INT16 : s;
  }
  return ct__int_rank(a) >= ct__int_rank(b) ? a : b;
}

bool ct__can_cast(ct_dtype from, ct_dtype to) {
  const ct__dtype_info *f = &ct__dtypes[from], *t = &ct__dtypes[to];
  if (f->is_complex && !t->is_complex) return false;
  if (f->is_floating && !t->is_floating && !t->is_complex) return false;
  if (from != CT_BOOL && to == CT_BOOL) return false;
  return true;
}

/* Category of a dtype: 0 bool, 1 integer, 2 floating, 3 complex. */
static int ct__category(ct_dtype d) {
  if (d == CT_BOOL) return 0;
  if (ct__dtypes[d].is_complex) return 3;
  if (ct__dtypes[d].is_floating) return 2;
  return 1;
}

/*
 * c10's combine_categories: the higher-priority participant wins unless the
 * lower one is of a higher category, in which case the lower one's dtype (or
 * for complex over floating, the complex type of the higher one's precision)
 * is taken. -1 stands for "no participant".
 */
static ct_dtype ct__combine(ct_dtype higher, ct_dtype lower) {
  if (higher < 0) return lower;
  if (lower < 0) return higher;
  int ch = ct__category(higher), cl = ct__category(lower);
  if (ch == 3) return higher;
  if (cl == 3) return ch == 2 ? ct__to_complex(higher) : lower;
  if (ch == 2) return higher;
  if (higher == CT_BOOL || cl == 2) return ct__promote_types(higher, lower);
  return higher;
}

ct_dtype ct__result_type(int32_t n, struct ct_tensor *const *ts) {
  ct_dtype dim = -1, zero = -1, wrapped = -1;
  for (int32_t i = 0; i < n; i++) {
    const struct ct_tensor *t = ts[i];
    ct_dtype d = t->dtype;
    if (t->wrapped) {
      /* A Python float counts as the default dtype, a Python complex as its complex type. */
      if (ct__dtypes[d].is_complex)
        d = ct__to_complex(ct__default_dtype());
      else if (ct__dtypes[d].is_floating)
        d = ct__default_dtype();
      wrapped = wrapped < 0 ? d : ct__promote_types(wrapped, d);
    } else if (t->ndim > 0) {
      dim = dim < 0 ? d : ct__promote_types(dim, d);
    } else {
      zero = zero < 0 ? d : ct__promote_types(zero, d);
    }
  }
  return ct__combine(dim, ct__combine(zero, wrapped));
}

ct_status ct_promote_types(ct_dtype *result, ct_dtype a, ct_dtype b) {
  CT_CHECK_NOT_NULL(result);
  *result = CT_DTYPE_NONE;
  CT_TRY(ct__check_dtype(a, __func__, "a"));
  CT_TRY(ct__check_dtype(b, __func__, "b"));
  *result = ct__promote_types(a, b);
  return CT_OK;
}

ct_status ct_can_cast(bool *result, ct_dtype from, ct_dtype to) {
  CT_CHECK_NOT_NULL(result);
  *result = false;
  CT_TRY(ct__check_dtype(from, __func__, "from"));
  CT_TRY(ct__check_dtype(to, __func__, "to"));
  *result = ct__can_cast(from, to);
  return CT_OK;
}

ct_status ct_result_type(ct_dtype *result, int32_t n, ct_tensor *const *tensors) {
  CT_CHECK_NOT_NULL(result);
  *result = CT_DTYPE_NONE;
  CT_CHECK_NOT_NULL(tensors);
  CT_CHECK_ARG(n >= 1, CT_ERR_INVALID_ARGUMENT, "ct_result_type: n = %d must be >= 1", (int)n);
  for (int32_t i = 0; i < n; i++)
    CT_CHECK_ARG(tensors[i] != NULL, CT_ERR_INVALID_ARGUMENT, "ct_result_type: tensors[%d] is NULL", (int)i);
  *result = ct__result_type(n, tensors);
  return CT_OK;
}

ct_status ct_scalar_tensor(ct_tensor **out, const void *value, ct_dtype value_dtype) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(value);
  CT_TRY(ct__check_dtype(value_dtype, __func__, "value_dtype"));
  ct_tensor *t;
  CT_TRY(ct__tensor_empty(&t, 0, NULL, value_dtype, &ct_cpu_backend, 0, __func__));
  memcpy(t->storage->data, value, (size_t)ct__itemsize(value_dtype));
  t->wrapped = true;
  *out = t;
  return CT_OK;
}

ct_status ct_tensor_is_wrapped_number(bool *result, ct_tensor *t) {
  CT_CHECK_NOT_NULL(result);
  *result = false;
  CT_CHECK_NOT_NULL(t);
  *result = t->wrapped;
  return CT_OK;
}
