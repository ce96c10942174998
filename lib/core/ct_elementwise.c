/*
 * ct_elementwise.c: the one front end of every elementwise op.
 *
 * For a call it decides, as PyTorch's TensorIterator does: the broadcast
 * shape; the result dtype by type promotion (ct__result_type) and the op's
 * rules (integer to float, bool or real outputs); the dtypes the kernel
 * reads and writes (float16 and bfloat16 compute in float32); the output,
 * allocated with the inputs' layout when they share a dense one, or checked
 * when given (shape, castable dtype, writable, no partial overlap with an
 * input). Inputs are not expanded into new headers: the backend gets their
 * strides over the output's shape, so that broadcasting allocates nothing.
 * The backend then runs the kernel, converting operands as it goes.
 */
#include <string.h>

#include "ct_elementwise.h"

#define CT__EW_INFO(ID, name, nin, flags, dtypes, cost) [CT__EW_##ID] = {CT__EW_##ID, nin, flags, dtypes},
const ct__ew_info ct__ew_infos[CT__EW_OP_COUNT] = {CT__EW_OPS(CT__EW_INFO)};
#undef CT__EW_INFO

ct_status ct__ew_scalar_init(ct__ew_scalar *sc, struct ct_tensor **t, const void *value, ct_dtype dtype,
                             const char *fn, const char *arg) {
  *t = NULL;
  if (!value) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s is NULL", fn, arg);
  if (!ct__dtype_valid(dtype))
    return ct__error(CT_ERR_DTYPE, "%s: %s_dtype = %d is not a valid dtype", fn, arg, (int)dtype);
  memcpy(sc->value.bytes, value, (size_t)ct__itemsize(dtype));
  ct_storage *s = &sc->storage;
  memset(s, 0, sizeof *s);
  atomic_init(&s->refcount, 1);
  s->data = sc->value.bytes;
  s->nbytes = (size_t)ct__itemsize(dtype);
  s->device_type = CT_DEVICE_CPU;
  s->read_only = true;
  struct ct_tensor *x = &sc->tensor;
  atomic_init(&x->refcount, 1);
  x->storage = s;
  x->dtype = dtype;
  x->ndim = 0;
  x->offset = 0;
  x->numel = 1;
  x->shape = x->dims;
  x->strides = x->dims;
  x->wrapped = true;
  *t = x;
  return CT_OK;
}

/* Whether two views of one storage touch a common byte without being the same view. */
static bool ct__partial_overlap(const struct ct_tensor *a, const struct ct_tensor *b) {
  if (a == b || a->storage != b->storage || a->numel == 0 || b->numel == 0) return false;
  if (a->offset == b->offset && a->dtype == b->dtype && a->ndim == b->ndim &&
      memcmp(a->dims, b->dims, 2 * (size_t)a->ndim * sizeof(int64_t)) == 0)
    return false;
  int64_t alo = a->offset * ct__itemsize(a->dtype), blo = b->offset * ct__itemsize(b->dtype), ahi, bhi;
  ct__strided_extent(&ahi, a->ndim, a->shape, a->strides, a->offset, ct__itemsize(a->dtype));
  ct__strided_extent(&bhi, b->ndim, b->shape, b->strides, b->offset, ct__itemsize(b->dtype));
  return alo < bhi && blo < ahi;
}

static bool ct__same_shape(const struct ct_tensor *t, int32_t ndim, const int64_t *shape) {
  return t->ndim == ndim && (ndim == 0 || memcmp(t->shape, shape, (size_t)ndim * sizeof(int64_t)) == 0);
}

/* Checks a given output (in-place target or out=) against the result's shape and dtype. */
static ct_status ct__ew_check_out(struct ct_tensor *out, const ct__dims *shape, ct_dtype result,
                                  struct ct_tensor *const *in, int32_t nin, bool inplace, const char *fn) {
  const char *what = inplace ? "self" : "out";
  if (!ct__same_shape(out, shape->ndim, shape->v)) {
    char a[CT__SHAPE_STR_MAX], b[CT__SHAPE_STR_MAX];
    return ct__error(CT_ERR_SHAPE, "%s: %s has shape %s but the result has shape %s", fn, what,
                     ct__shape_str(a, sizeof a, out->ndim, out->shape),
                     ct__shape_str(b, sizeof b, shape->ndim, shape->v));
  }
  if (!ct__can_cast(result, out->dtype))
    return ct__error(CT_ERR_DTYPE, "%s: result type %s can't be cast to the desired output type %s", fn,
                     ct__dtypes[result].name, ct__dtypes[out->dtype].name);
  CT_TRY(ct__check_writable(out, fn, what));
  for (int32_t d = 0; d < out->ndim; d++)
    if (out->strides[d] == 0 && out->shape[d] > 1 && out->numel > 0)
      return ct__error(CT_ERR_INVALID_ARGUMENT,
                       "%s: more than one element of %s refers to a single memory location (dim %d has "
                       "stride 0); clone it first", fn, what, (int)d);
  for (int32_t k = 0; k < nin; k++)
    if (ct__partial_overlap(out, in[k]))
      return ct__error(CT_ERR_INVALID_ARGUMENT,
                       "%s: some elements of input %d and the written-to tensor refer to a single memory "
                       "location; clone the input first", fn, (int)k);
  return CT_OK;
}

/* A new output: the layout of an input that already has the result's shape and a dense layout, else row-major. */
static ct_status ct__ew_alloc(struct ct_tensor **out, const ct__dims *shape, ct_dtype dtype,
                              struct ct_tensor *const *in, int32_t nin, const struct ct_backend_i *b,
                              int32_t index, const char *fn) {
  for (int32_t k = 0; k < nin; k++) {
    const struct ct_tensor *t = in[k];
    if (!t->wrapped && t->numel > 1 && ct__same_shape(t, shape->ndim, shape->v)) {
      if (ct__is_contiguous(t)) break;
      return ct__tensor_empty_like(out, t, dtype, b, index, fn);
    }
  }
  return ct__tensor_empty(out, shape->ndim, shape->v, dtype, b, index, fn);
}

static bool ct__is_cpu_scalar(const struct ct_tensor *t) {
  return t->ndim == 0 && t->storage->device_type == CT_DEVICE_CPU;
}

ct_status ct__ew(const ct__ew_info *info, int32_t mode, struct ct_tensor **result, struct ct_tensor *out,
                 struct ct_tensor *const *in, ct__ew_params *params, const char *const *names, const char *fn) {
  if (mode == CT__EW_FUNCTIONAL) {
    if (!result) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: out is NULL", fn);
    *result = NULL;
  } else if (mode == CT__EW_OUT_GIVEN && !out) {
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: out is NULL", fn);
  }
  int32_t nin = info->nin;
  for (int32_t k = 0; k < nin; k++)
    if (!in[k]) {
      if (names) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %s is NULL", fn, names[k]);
      return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: input %d is NULL", fn, (int)k);
    }
  if (mode == CT__EW_INPLACE && !out) out = in[0];

  /* The device: every input that is not a CPU scalar must be on the output's device. */
  const struct ct_tensor *lead = mode == CT__EW_FUNCTIONAL ? NULL : out;
  for (int32_t k = 0; k < nin && !lead; k++)
    if (!ct__is_cpu_scalar(in[k])) lead = in[k];
  if (!lead) lead = in[0];
  for (int32_t k = 0; k < nin; k++) {
    const struct ct_tensor *t = in[k];
    if (!ct__is_cpu_scalar(t) && (t->storage->device_type != lead->storage->device_type ||
                                  t->storage->device_index != lead->storage->device_index))
      return ct__error(CT_ERR_DEVICE, "%s: expected all tensors on one device, but input %d is on device %d:%d "
                       "and another on %d:%d", fn, (int)k, (int)t->storage->device_type,
                       (int)t->storage->device_index, (int)lead->storage->device_type,
                       (int)lead->storage->device_index);
  }

  /* dtypes */
  int32_t first = info->flags & CT__EW_COND_FIRST ? 1 : 0;
  ct_dtype dtype = ct__result_type(nin - first, in + first);
  if ((info->flags & CT__EW_INT_TO_FLOAT) && !ct__dtypes[dtype].is_floating && !ct__dtypes[dtype].is_complex)
    dtype = ct__default_dtype();
  if (params && params->prepare) CT_TRY(params->prepare(dtype, in, params, fn));
  if (!(info->dtypes & CT__DT(dtype)))
    return ct__error(CT_ERR_DTYPE, "%s: dtype %s is not supported", fn, ct__dtypes[dtype].name);
  ct_dtype out_dtype = info->flags & CT__EW_OUT_BOOL ? CT_BOOL
                       : info->flags & CT__EW_OUT_REAL ? ct__to_real(dtype) : dtype;

  /* The broadcast shape: the common case of equal shapes needs no work. */
  ct__dims shape;
  ct_status s = CT_OK;
  bool equal = true;
  for (int32_t k = 1; k < nin && equal; k++) equal = ct__same_shape(in[k], in[0]->ndim, in[0]->shape);
  if (equal) {
    s = ct__dims_init(&shape, in[0]->ndim, fn);
    if (s == CT_OK && in[0]->ndim) memcpy(shape.v, in[0]->shape, (size_t)in[0]->ndim * sizeof(int64_t));
  } else {
    s = ct__broadcast_shapes(&shape, nin, in, fn);
  }
  if (s != CT_OK) {
    ct__dims_free(&shape);
    return s;
  }

  struct ct_tensor *made = NULL;
  const struct ct_backend_i *b = NULL;
  ct__dims bstrides[CT__EW_MAX_IN];
  int32_t nbstrides = 0;
  s = ct__backend_get(&b, lead->storage->device_type, fn);
  if (s == CT_OK && !b->elementwise)
    s = ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: the %s backend has no elementwise kernels", fn, b->name);
  if (s == CT_OK) {
    if (mode == CT__EW_FUNCTIONAL)
      s = ct__ew_alloc(&made, &shape, out_dtype, in, nin, b, lead->storage->device_index, fn);
    else
      s = ct__ew_check_out(out, &shape, out_dtype, in, nin, mode == CT__EW_INPLACE, fn);
  }
  if (s == CT_OK && made) out = made;

  if (s == CT_OK && out->numel > 0) {
    ct__ew_call call = {.op = info->op, .nin = nin, .out = out, .params = params, .fn = fn};
    ct_dtype compute = info->flags & CT__EW_BOOL_COMPUTE ? CT_BOOL : ct__ew_compute_dtype(dtype);
    call.compute = compute;
    for (int32_t k = 0; k < nin && s == CT_OK; k++) {
      const struct ct_tensor *t = in[k];
      call.in[k] = t;
      call.kernel_in[k] = k < first ? CT_BOOL : compute;
      if (ct__same_shape(t, shape.ndim, shape.v)) {
        call.in_strides[k] = t->strides;
        continue;
      }
      s = ct__dims_init(&bstrides[nbstrides], shape.ndim, fn);
      if (s != CT_OK) break;
      ct__broadcast_strides(bstrides[nbstrides].v, t, shape.ndim, shape.v);
      call.in_strides[k] = bstrides[nbstrides++].v;
    }
    call.kernel_out = info->flags & CT__EW_OUT_BOOL ? CT_BOOL
                      : info->flags & CT__EW_OUT_REAL ? ct__to_real(compute) : compute;
    for (int32_t k = 0; params && k < params->nscalars; k++)
      ct_dtype_convert(params->value[k].bytes, compute, params->raw[k].bytes, params->raw_dtype[k], 1);
    if (s == CT_OK) s = b->elementwise->run(&call);
  }

  for (int32_t k = 0; k < nbstrides; k++) ct__dims_free(&bstrides[k]);
  ct__dims_free(&shape);
  if (s != CT_OK) {
    ct_tensor_release(made);
    return s;
  }
  if (mode == CT__EW_FUNCTIONAL) *result = made;
  return CT_OK;
}
