/*
 * ct_creation.c: factories (empty, zeros, ones, full, arange, linspace, eye,
 * from_data, from_blob) and their *_like and new_* forms.
 *
 * Every factory resolves dtype and device, checks the shape, allocates on the
 * device's backend and fills through the backend. Values that are computed
 * (arange, linspace, from_data) are made in host memory and then converted,
 * and moved when the target is another device.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ct_internal.h"

/* Room for one element of any dtype, aligned for all of them. */
typedef union ct__elem {
  double d[2];
  int64_t i;
  unsigned char bytes[16];
} ct__elem;

/* The complex counterpart of a floating dtype, as PyTorch pairs them for fill values. */
static ct_dtype ct__complex_of(ct_dtype d) { return d == CT_FLOAT64 ? CT_COMPLEX128 : CT_COMPLEX64; }

/* The dtype PyTorch infers for a fill value of value_dtype. */
static ct_dtype ct__infer_dtype(ct_dtype value_dtype) {
  const ct__dtype_info *v = &ct__dtypes[value_dtype];
  if (value_dtype == CT_BOOL) return CT_BOOL;
  if (v->is_complex) return ct__complex_of(ct__default_dtype());
  if (v->is_floating) return ct__default_dtype();
  return CT_INT64;
}

/* Largest finite value of a floating dtype. */
static double ct__float_max(ct_dtype d) {
  switch (d) {
    case CT_FLOAT16: return 65504.0;
    case CT_BFLOAT16: return 3.38953138925153547590470800371487866880e38;
    case CT_FLOAT32: case CT_COMPLEX64: return FLT_MAX;
    default: return INFINITY;
  }
}

/* Range of an integer dtype (bool excluded). */
static void ct__int_range(ct_dtype d, int64_t *lo, int64_t *hi) {
  switch (d) {
    case CT_UINT8: *lo = 0; *hi = UINT8_MAX; break;
    case CT_INT8: *lo = INT8_MIN; *hi = INT8_MAX; break;
    case CT_INT16: *lo = INT16_MIN; *hi = INT16_MAX; break;
    case CT_INT32: *lo = INT32_MIN; *hi = INT32_MAX; break;
    default: *lo = INT64_MIN; *hi = INT64_MAX; break;
  }
}

/*
 * PyTorch refuses a fill value that the dtype cannot hold ("value cannot be
 * converted to type uint8_t without overflow"), by c10::overflows: integers
 * out of range (negative integers may wrap into an unsigned dtype down to
 * -max), floats beyond the largest finite value, NaN or infinity for integer
 * dtypes, complex numbers with an imaginary part for real dtypes. Anything
 * fits bool.
 */
static bool ct__fits_real(double v, ct_dtype dtype) {
  if (ct__dtypes[dtype].is_floating || ct__dtypes[dtype].is_complex)
    return isnan(v) || isinf(v) || fabs(v) <= ct__float_max(dtype);
  int64_t lo, hi;
  ct__int_range(dtype, &lo, &hi);
  return v >= (double)lo && v <= (double)hi;
}

ct_status ct__check_fill_value(const void *value, ct_dtype value_dtype, ct_dtype dtype, const char *fn) {
  const ct__dtype_info *v = &ct__dtypes[value_dtype], *t = &ct__dtypes[dtype];
  char shown[96];
  bool fits;
  if (dtype == CT_BOOL) return CT_OK;
  if (!v->is_floating && !v->is_complex) {
    int64_t iv;
    ct_dtype_convert(&iv, CT_INT64, value, value_dtype, 1);
    snprintf(shown, sizeof shown, "%lld", (long long)iv);
    if (t->is_floating || t->is_complex) {
      fits = fabs((double)iv) <= ct__float_max(dtype);
    } else {
      int64_t lo, hi;
      ct__int_range(dtype, &lo, &hi);
      fits = iv <= hi && (iv >= lo || (lo == 0 && iv >= -hi));
    }
  } else {
    double c[2];
    ct_dtype_convert(c, CT_COMPLEX128, value, value_dtype, 1);
    if (v->is_complex)
      snprintf(shown, sizeof shown, "(%g%+gj)", c[0], c[1]);
    else
      snprintf(shown, sizeof shown, "%g", c[0]);
    fits = (t->is_complex || c[1] == 0) && ct__fits_real(c[0], dtype) && ct__fits_real(c[1], dtype);
  }
  if (!fits)
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: value %s cannot be converted to %s without overflow", fn,
                     shown, t->name);
  return CT_OK;
}

/*
 * The common path of empty/zeros/ones/full and their like/new forms: value
 * (one element of value_dtype) fills the result unless NULL; check_value asks
 * for PyTorch's overflow check of full(). With like, the result takes like's
 * layout (PyTorch's preserve_format) instead of row-major strides.
 */
static ct_status ct__factory(ct_tensor **out, const ct_tensor *like, int32_t ndim, const int64_t *shape,
                             ct_dtype dtype,
                             ct_device_type dev_type, int32_t dev_index, ct_dtype dflt_dtype,
                             ct_device_type dflt_type, int32_t dflt_index, const void *value,
                             ct_dtype value_dtype, bool check_value, const char *fn) {
  if (!out) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: out is NULL", fn);
  *out = NULL;
  if (dtype == CT_DTYPE_NONE) dtype = dflt_dtype;
  CT_TRY(ct__check_dtype(dtype, fn, "dtype"));
  if (check_value) CT_TRY(ct__check_fill_value(value, value_dtype, dtype, fn));
  ct_device_type type;
  int32_t index;
  const struct ct_backend_i *b;
  CT_TRY(ct__device_resolve(&type, &index, &b, dev_type, dev_index, dflt_type, dflt_index, fn));
  int64_t numel;
  CT_TRY(ct__check_shape(&numel, ndim, shape, ct__itemsize(dtype), fn));
  ct_tensor *t;
  if (like)
    CT_TRY(ct__tensor_empty_like(&t, like, dtype, b, index, fn));
  else
    CT_TRY(ct__tensor_empty(&t, ndim, shape, dtype, b, index, fn));
  if (value && numel > 0) {
    ct__elem e;
    ct_dtype_convert(e.bytes, dtype, value, value_dtype, 1);
    ct_status s = b->fill(t, e.bytes);
    if (s != CT_OK) {
      ct_tensor_release(t);
      return s;
    }
  }
  *out = t;
  return CT_OK;
}

static const bool ct__false = false;
static const int64_t ct__one = 1;

/* Checks a fill value pointer and its dtype before the common path. */
static ct_status ct__check_value_arg(const void *value, ct_dtype value_dtype, const char *fn) {
  if (!value) return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: value is NULL", fn);
  return ct__check_dtype(value_dtype, fn, "value_dtype");
}

ct_status ct_empty(ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                   ct_device_type device_type, int32_t device_index) {
  return ct__factory(out, NULL, ndim, shape, dtype, device_type, device_index, ct__default_dtype(),
                     CT_DEVICE_CPU, 0, NULL, CT_BOOL, false, __func__);
}

ct_status ct_zeros(ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                   ct_device_type device_type, int32_t device_index) {
  return ct__factory(out, NULL, ndim, shape, dtype, device_type, device_index, ct__default_dtype(),
                     CT_DEVICE_CPU, 0, &ct__false, CT_BOOL, false, __func__);
}

ct_status ct_ones(ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                  ct_device_type device_type, int32_t device_index) {
  return ct__factory(out, NULL, ndim, shape, dtype, device_type, device_index, ct__default_dtype(),
                     CT_DEVICE_CPU, 0, &ct__one, CT_INT64, false, __func__);
}

ct_status ct_full(ct_tensor **out, int32_t ndim, const int64_t *shape, const void *value,
                  ct_dtype value_dtype, ct_dtype dtype, ct_device_type device_type,
                  int32_t device_index) {
  if (out) *out = NULL;
  CT_TRY(ct__check_value_arg(value, value_dtype, __func__));
  return ct__factory(out, NULL, ndim, shape, dtype, device_type, device_index, ct__infer_dtype(value_dtype),
                     CT_DEVICE_CPU, 0, value, value_dtype, true, __func__);
}

/* ---- like and new forms -------------------------------------------------------------------- */

/* The like/new forms share one shape: defaults come from the input tensor x. */
#define CT__FROM(x) (x)->dtype, (x)->storage->device_type, (x)->storage->device_index

#define CT__CHECK_INPUT(out, x)                                                                  \
  do {                                                                                           \
    CT_CHECK_NOT_NULL(out);                                                                      \
    *(out) = NULL;                                                                               \
    CT_CHECK_NOT_NULL(x);                                                                        \
  } while (0)

ct_status ct_empty_like(ct_tensor **out, ct_tensor *x, ct_dtype dtype, ct_device_type device_type,
                        int32_t device_index) {
  CT__CHECK_INPUT(out, x);
  return ct__factory(out, x, x->ndim, x->shape, dtype, device_type, device_index, CT__FROM(x), NULL,
                     CT_BOOL, false, __func__);
}

ct_status ct_zeros_like(ct_tensor **out, ct_tensor *x, ct_dtype dtype, ct_device_type device_type,
                        int32_t device_index) {
  CT__CHECK_INPUT(out, x);
  return ct__factory(out, x, x->ndim, x->shape, dtype, device_type, device_index, CT__FROM(x),
                     &ct__false, CT_BOOL, false, __func__);
}

ct_status ct_ones_like(ct_tensor **out, ct_tensor *x, ct_dtype dtype, ct_device_type device_type,
                       int32_t device_index) {
  CT__CHECK_INPUT(out, x);
  return ct__factory(out, x, x->ndim, x->shape, dtype, device_type, device_index, CT__FROM(x),
                     &ct__one, CT_INT64, false, __func__);
}

ct_status ct_full_like(ct_tensor **out, ct_tensor *x, const void *value, ct_dtype value_dtype,
                       ct_dtype dtype, ct_device_type device_type, int32_t device_index) {
  CT__CHECK_INPUT(out, x);
  CT_TRY(ct__check_value_arg(value, value_dtype, __func__));
  return ct__factory(out, x, x->ndim, x->shape, dtype, device_type, device_index, CT__FROM(x), value,
                     value_dtype, true, __func__);
}

ct_status ct_new_empty(ct_tensor **out, ct_tensor *self, int32_t ndim, const int64_t *shape,
                       ct_dtype dtype, ct_device_type device_type, int32_t device_index) {
  CT__CHECK_INPUT(out, self);
  return ct__factory(out, NULL, ndim, shape, dtype, device_type, device_index, CT__FROM(self), NULL,
                     CT_BOOL, false, __func__);
}

ct_status ct_new_zeros(ct_tensor **out, ct_tensor *self, int32_t ndim, const int64_t *shape,
                       ct_dtype dtype, ct_device_type device_type, int32_t device_index) {
  CT__CHECK_INPUT(out, self);
  return ct__factory(out, NULL, ndim, shape, dtype, device_type, device_index, CT__FROM(self),
                     &ct__false, CT_BOOL, false, __func__);
}

ct_status ct_new_ones(ct_tensor **out, ct_tensor *self, int32_t ndim, const int64_t *shape,
                      ct_dtype dtype, ct_device_type device_type, int32_t device_index) {
  CT__CHECK_INPUT(out, self);
  return ct__factory(out, NULL, ndim, shape, dtype, device_type, device_index, CT__FROM(self),
                     &ct__one, CT_INT64, false, __func__);
}

ct_status ct_new_full(ct_tensor **out, ct_tensor *self, int32_t ndim, const int64_t *shape,
                      const void *value, ct_dtype value_dtype, ct_dtype dtype,
                      ct_device_type device_type, int32_t device_index) {
  CT__CHECK_INPUT(out, self);
  CT_TRY(ct__check_value_arg(value, value_dtype, __func__));
  return ct__factory(out, NULL, ndim, shape, dtype, device_type, device_index, CT__FROM(self), value,
                     value_dtype, true, __func__);
}

/* ---- computed values ----------------------------------------------------------------------- */

/*
 * Finishes a factory whose values were made on the host in `host` (a CPU
 * tensor): converts to dtype and moves to the resolved device, consuming host.
 */
static ct_status ct__finish_host(ct_tensor **out, ct_tensor *host, ct_dtype dtype,
                                 ct_device_type type, int32_t index, const char *fn) {
  ct_status s = ct__error_in(ct_to(out, host, dtype, type, index, false), fn);
  ct_tensor_release(host);
  return s;
}

/* A contiguous CPU tensor of dtype (dtype and shape already checked). */
static ct_status ct__host_empty(ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                                const char *fn) {
  return ct__tensor_empty(out, ndim, shape, dtype, &ct_cpu_backend, 0, fn);
}

/* The path of from_data and new_tensor: a host copy of data converted to dtype, moved to the device. */
static ct_status ct__from_data(ct_tensor **out, const void *data, ct_dtype data_dtype, int32_t ndim,
                               const int64_t *shape, ct_dtype dtype, ct_device_type dev_type,
                               int32_t dev_index, ct_device_type dflt_type, int32_t dflt_index,
                               const char *fn) {
  CT_TRY(ct__check_dtype(data_dtype, fn, "data_dtype"));
  if (dtype == CT_DTYPE_NONE) dtype = data_dtype;
  CT_TRY(ct__check_dtype(dtype, fn, "dtype"));
  ct_device_type type;
  int32_t index;
  const struct ct_backend_i *b;
  CT_TRY(ct__device_resolve(&type, &index, &b, dev_type, dev_index, dflt_type, dflt_index, fn));
  int64_t numel;
  CT_TRY(ct__check_shape(&numel, ndim, shape, ct__itemsize(dtype), fn));
  CT_TRY(ct__check_shape(&numel, ndim, shape, ct__itemsize(data_dtype), fn));
  if (!data && numel > 0)
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: data is NULL but the shape has %lld elements", fn,
                     (long long)numel);
  ct_tensor *host;
  CT_TRY(ct__host_empty(&host, ndim, shape, dtype, fn));
  if (numel > 0) ct_dtype_convert(host->storage->data, dtype, data, data_dtype, numel);
  return ct__finish_host(out, host, dtype, type, index, fn);
}

ct_status ct_from_data(ct_tensor **out, const void *data, ct_dtype data_dtype, int32_t ndim,
                       const int64_t *shape, ct_dtype dtype, ct_device_type device_type,
                       int32_t device_index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  return ct__from_data(out, data, data_dtype, ndim, shape, dtype, device_type, device_index,
                       CT_DEVICE_CPU, 0, __func__);
}

ct_status ct_new_tensor(ct_tensor **out, ct_tensor *self, const void *data, ct_dtype data_dtype,
                        int32_t ndim, const int64_t *shape, ct_dtype dtype,
                        ct_device_type device_type, int32_t device_index) {
  CT__CHECK_INPUT(out, self);
  if (dtype == CT_DTYPE_NONE) dtype = self->dtype;
  return ct__from_data(out, data, data_dtype, ndim, shape, dtype, device_type, device_index,
                       self->storage->device_type, self->storage->device_index, __func__);
}

ct_status ct_from_blob(ct_tensor **out, void *data, int32_t ndim, const int64_t *shape,
                       const int64_t *strides, ct_dtype dtype, ct_device_type device_type,
                       int32_t device_index, ct_deleter deleter, void *ctx, uint32_t flags) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_TRY(ct__check_dtype(dtype, __func__, "dtype"));
  CT_CHECK_ARG((flags & ~(uint32_t)CT_BLOB_READ_ONLY) == 0, CT_ERR_INVALID_ARGUMENT,
               "ct_from_blob: flags = 0x%x has unknown bits", (unsigned)flags);
  ct_device_type type;
  int32_t index;
  const struct ct_backend_i *b;
  CT_TRY(ct__device_resolve(&type, &index, &b, device_type, device_index, CT_DEVICE_CPU, 0, __func__));
  int64_t numel;
  CT_TRY(ct__check_shape(&numel, ndim, shape, ct__itemsize(dtype), __func__));
  CT_CHECK_ARG(data || numel == 0, CT_ERR_INVALID_ARGUMENT,
               "ct_from_blob: data is NULL but the shape has %lld elements", (long long)numel);
  for (int32_t d = 0; d < ndim && strides; d++)
    CT_CHECK_ARG(strides[d] >= 0, CT_ERR_INVALID_ARGUMENT, "ct_from_blob: strides[%d] = %lld is negative",
                 (int)d, (long long)strides[d]);
  /* The storage is exactly as long as the view reaches. */
  int64_t nbytes = numel * ct__itemsize(dtype);
  CT_CHECK_ARG(!strides || ct__strided_extent(&nbytes, ndim, shape, strides, 0, ct__itemsize(dtype)),
               CT_ERR_SHAPE, "ct_from_blob: the extent of the strided view overflows");
  ct_storage *s;
  CT_TRY(ct__storage_wrap(&s, data, (size_t)nbytes, type, index, deleter, ctx,
                          (flags & CT_BLOB_READ_ONLY) != 0, __func__));
  ct_status st = ct__tensor_make(out, s, dtype, ndim, shape, strides, 0, __func__);
  if (st != CT_OK) {
    /* The caller keeps its memory on failure: detach the deleter before dropping the header. */
    s->deleter = NULL;
  }
  ct__storage_release(s);
  return st;
}

/*
 * Values that are computed (arange, linspace) are generated in chunks of
 * int64 or double on the stack and converted straight into a host tensor
 * of the target dtype: no full-length scratch buffer, whatever the length.
 */
enum { CT__GEN_CHUNK = 512 };

typedef struct ct__gen {
  bool as_int;      /* chunk elements are int64 (else double) */
  double start, end, step;
  int64_t istart, istep, steps;
  ct_dtype dtype;   /* linspace: the dtype whose arithmetic is emulated */
} ct__gen;

/* Rounds x to the precision of a floating dtype, as arithmetic in that dtype would. */
static double ct__round_to(double x, ct_dtype dtype) {
  switch (dtype) {
    case CT_FLOAT32: case CT_COMPLEX64: return (float)x;
    case CT_FLOAT16: return ct__f16_to_f32(ct__f32_to_f16((float)x));
    case CT_BFLOAT16: return ct__bf16_to_f32(ct__f32_to_bf16((float)x));
    default: return x;
  }
}

static void ct__gen_arange(void *chunk, int64_t first, int64_t n, const ct__gen *g) {
  for (int64_t k = 0; k < n; k++) {
    if (g->as_int)
      ((int64_t *)chunk)[k] = g->istart + g->istep * (first + k);
    else
      ((double *)chunk)[k] = g->start + g->step * (double)(first + k);
  }
}

/*
 * PyTorch's linspace: the first half counted up from start, the second down
 * from end (so both ends are exact), each operation in the dtype's own
 * precision (float for float32, rounding to half for float16 and bfloat16).
 * Integer dtypes use the truncated bounds and a double step.
 */
static void ct__gen_linspace(void *chunk, int64_t first, int64_t n, const ct__gen *g) {
  int64_t half = g->steps / 2;
  for (int64_t k = 0; k < n; k++) {
    int64_t i = first + k;
    double v;
    if (g->steps == 1)
      v = g->start;
    else if (i < half)
      v = g->start + ct__round_to(g->step * ct__round_to((double)i, g->dtype), g->dtype);
    else
      v = g->end - ct__round_to(g->step * ct__round_to((double)(g->steps - i - 1), g->dtype), g->dtype);
    ((double *)chunk)[k] = ct__round_to(v, g->dtype);
  }
}

/* A 1-d tensor of len values from gen, converted to dtype and placed on the resolved device. */
static ct_status ct__generate(ct_tensor **out, int64_t len, ct_dtype dtype, const ct__gen *g,
                              void (*gen)(void *, int64_t, int64_t, const ct__gen *),
                              ct_device_type type, int32_t index, const char *fn) {
  ct_tensor *host;
  CT_TRY(ct__host_empty(&host, 1, &len, dtype, fn));
  int64_t chunk[CT__GEN_CHUNK];
  char *dst = host->storage->data;
  for (int64_t first = 0; first < len; first += CT__GEN_CHUNK) {
    int64_t n = len - first < CT__GEN_CHUNK ? len - first : CT__GEN_CHUNK;
    gen(chunk, first, n, g);
    ct_dtype_convert(dst + first * ct__itemsize(dtype), dtype, chunk, g->as_int ? CT_INT64 : CT_FLOAT64, n);
  }
  return ct__finish_host(out, host, dtype, type, index, fn);
}

ct_status ct_arange(ct_tensor **out, double start, double end, double step, ct_dtype dtype,
                    ct_device_type device_type, int32_t device_index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_ARG(isfinite(start) && isfinite(end), CT_ERR_INVALID_ARGUMENT,
               "ct_arange: unsupported range %g -> %g (bounds must be finite)", start, end);
  CT_CHECK_ARG(isfinite(step) && step != 0, CT_ERR_INVALID_ARGUMENT,
               "ct_arange: step = %g must be finite and nonzero", step);
  CT_CHECK_ARG((step > 0 && end >= start) || (step < 0 && end <= start), CT_ERR_INVALID_ARGUMENT,
               "ct_arange: upper bound %g and lower bound %g are inconsistent with step sign %g", end,
               start, step);
  bool integral = start == floor(start) && end == floor(end) && step == floor(step);
  if (dtype == CT_DTYPE_NONE) dtype = integral ? CT_INT64 : ct__default_dtype();
  CT_TRY(ct__check_dtype(dtype, __func__, "dtype"));
  CT_CHECK_ARG(dtype != CT_BOOL && !ct__dtypes[dtype].is_complex, CT_ERR_DTYPE,
               "ct_arange: dtype %s is not supported (integer or floating only)", ct__dtypes[dtype].name);
  /* As PyTorch: integer results step in int64 from the truncated bounds, floats in double. */
  ct__gen g = {.as_int = !ct__dtypes[dtype].is_floating, .start = start, .step = step};
  CT_CHECK_ARG(!g.as_int || (fabs(start) < 9.2e18 && fabs(step) < 9.2e18), CT_ERR_INVALID_ARGUMENT,
               "ct_arange: start = %g or step = %g is out of the int64 range", start, step);
  g.istart = (int64_t)start;
  g.istep = (int64_t)step;
  CT_CHECK_ARG(!g.as_int || g.istep != 0, CT_ERR_INVALID_ARGUMENT,
               "ct_arange: step = %g truncates to 0 for dtype %s: step must be nonzero", step,
               ct__dtypes[dtype].name);
  ct_device_type type;
  int32_t index;
  const struct ct_backend_i *b;
  CT_TRY(ct__device_resolve(&type, &index, &b, device_type, device_index, CT_DEVICE_CPU, 0, __func__));
  /*
   * PyTorch's length: ceil((end - start) / step) in double, except for int64,
   * whose length is counted exactly from the truncated bounds.
   */
  double n = ceil((end - start) / step);
  CT_CHECK_ARG(n >= 0 && n < 9.2e18, CT_ERR_SHAPE, "ct_arange: %g elements is too many", n);
  if (dtype == CT_INT64) {
    CT_CHECK_ARG(fabs(end) < 9.2e18, CT_ERR_INVALID_ARGUMENT, "ct_arange: end = %g is out of the int64 range", end);
    int64_t sgn = (g.istep > 0) - (g.istep < 0);
    __int128 span = (__int128)(int64_t)end - g.istart + g.istep - sgn;
    n = (double)(span / g.istep);
  }
  CT_CHECK_ARG(n >= 0 && n < 9.2e18, CT_ERR_SHAPE, "ct_arange: %g elements is too many", n);
  int64_t len = (int64_t)n, numel;
  CT_TRY(ct__check_shape(&numel, 1, &len, ct__itemsize(dtype), __func__));
  return ct__generate(out, len, dtype, &g, ct__gen_arange, type, index, __func__);
}

ct_status ct_linspace(ct_tensor **out, double start, double end, int64_t steps, ct_dtype dtype,
                      ct_device_type device_type, int32_t device_index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_ARG(steps >= 0, CT_ERR_INVALID_ARGUMENT, "ct_linspace: steps = %lld is negative",
               (long long)steps);
  if (dtype == CT_DTYPE_NONE) dtype = ct__default_dtype();
  CT_TRY(ct__check_dtype(dtype, __func__, "dtype"));
  CT_CHECK_ARG(dtype != CT_BOOL, CT_ERR_DTYPE, "ct_linspace: dtype bool is not supported");
  ct_device_type type;
  int32_t index;
  const struct ct_backend_i *b;
  CT_TRY(ct__device_resolve(&type, &index, &b, device_type, device_index, CT_DEVICE_CPU, 0, __func__));
  int64_t numel;
  CT_TRY(ct__check_shape(&numel, 1, &steps, ct__itemsize(dtype), __func__));
  ct__gen g = {.steps = steps, .dtype = dtype};
  if (ct__dtypes[dtype].is_floating || ct__dtypes[dtype].is_complex) {
    g.start = ct__round_to(start, dtype);
    g.end = ct__round_to(end, dtype);
    if (steps > 1) g.step = ct__round_to(ct__round_to(g.end - g.start, dtype) / ct__round_to((double)(steps - 1), dtype), dtype);
  } else {
    g.start = trunc(start);
    g.end = trunc(end);
    g.dtype = CT_FLOAT64;
    if (steps > 1) g.step = (g.end - g.start) / (double)(steps - 1);
  }
  return ct__generate(out, steps, dtype, &g, ct__gen_linspace, type, index, __func__);
}

ct_status ct_eye(ct_tensor **out, int64_t n, int64_t m, ct_dtype dtype, ct_device_type device_type,
                 int32_t device_index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_ARG(n >= 0, CT_ERR_INVALID_ARGUMENT, "ct_eye: n = %lld is negative", (long long)n);
  CT_CHECK_ARG(m >= -1, CT_ERR_INVALID_ARGUMENT, "ct_eye: m = %lld is negative", (long long)m);
  if (m == -1) m = n;
  int64_t shape[2] = {n, m};
  ct_tensor *t;
  CT_TRY(ct__factory(&t, NULL, 2, shape, dtype, device_type, device_index, ct__default_dtype(),
                     CT_DEVICE_CPU, 0, &ct__false, CT_BOOL, false, __func__));
  /* The diagonal is a strided view of the zeros; fill it with ones. */
  int64_t diag = n < m ? n : m, stride = m + 1;
  if (diag > 0) {
    ct_tensor *d;
    ct__elem one;
    ct_status s = ct__tensor_make(&d, t->storage, t->dtype, 1, &diag, &stride, 0, __func__);
    if (s == CT_OK) {
      ct_dtype_convert(one.bytes, t->dtype, &ct__one, CT_INT64, 1);
      s = t->storage->backend->fill(d, one.bytes);
      ct_tensor_release(d);
    }
    if (s != CT_OK) {
      ct_tensor_release(t);
      return s;
    }
  }
  *out = t;
  return CT_OK;
}
