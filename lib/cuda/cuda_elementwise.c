/*
 * cuda_elementwise.c: the CUDA backend's elementwise family (the glue of
 * cuda_ew.cu).
 *
 * A resolved call becomes one launch over a shape shared by every operand:
 * dims ordered by the output's strides (outermost first, as the CPU backend
 * walks them, so that consecutive threads write consecutive memory), size-1
 * dims dropped and neighbours merged where every operand allows, so that
 * contiguous operands of any shape make one dim, which the kernels'
 * vectorized path takes. A 0-d CPU input (a wrapped number, or a 0-d CPU
 * tensor mixed with CUDA tensors) is read here once and passed by value.
 * Integer division by zero, which a kernel cannot return, comes back in a
 * device word that is read (with a stream synchronisation) only for the
 * ops and dtypes that can meet it, and is reported as the CPU backend does.
 */
#include <string.h>

#include "../core/ct_elementwise.h"
#include "cuda_ew.h"
#include "cuda_internal.h"

_Static_assert((int)CU_EW_MAX_OPS == 1 + (int)CT__EW_MAX_IN && (int)CT__EW_MAX_SCALARS == 3, "cuda_ew.h: operand counts");

static bool ct_cuda_ew_cpu_scalar(const struct ct_tensor *t) {
  return t->ndim == 0 && t->storage->device_type == CT_DEVICE_CPU;
}

/* Whether the op computing in dtype compute can divide an integer by zero. */
static bool ct_cuda_ew_can_fault(int32_t op, ct_dtype compute) {
  bool division = op == CT__EW_DIV_TRUNC || op == CT__EW_DIV_FLOOR || op == CT__EW_REMAINDER || op == CT__EW_FMOD;
  return division && compute != CT_BOOL && !ct__dtypes[compute].is_floating && !ct__dtypes[compute].is_complex;
}

/*
 * Fills the operands and the merged shape of a: dims ordered by out's
 * strides (a stable insertion sort: few dims), size-1 dims dropped, a dim
 * merged into the one outside it when every operand steps through both as
 * through one. Byte strides; inputs passed by value have none.
 */
static ct_status ct_cuda_ew_shape(cu_ew_args *a, const ct__ew_call *call) {
  const struct ct_tensor *out = call->out;
  int32_t ndim = out->ndim, nops = 1 + call->nin;
  const int64_t *st[CU_EW_MAX_OPS];
  int64_t size[CU_EW_MAX_OPS];
  for (int32_t k = 0; k < nops; k++) {
    st[k] = k == 0 ? out->strides : call->in_strides[k - 1];
    size[k] = a->data[k] ? ct__itemsize((ct_dtype)a->dtype[k]) : 0;
  }
  ct__dims perm;
  CT_TRY(ct__dims_init(&perm, ndim, call->fn));
  int32_t n = 0;
  for (int32_t d = 0; d < ndim; d++) {
    if (out->shape[d] == 1) continue;
    int32_t j = n++;
    for (; j > 0 && out->strides[perm.v[j - 1]] < out->strides[d]; j--) perm.v[j] = perm.v[j - 1];
    perm.v[j] = d;
  }
  int32_t m = 0;
  for (int32_t i = 0; i < n; i++) {
    int32_t d = (int32_t)perm.v[i];
    int64_t len = out->shape[d];
    bool merge = m > 0;
    for (int32_t k = 0; k < nops && merge; k++)
      merge = a->bstrides[k][m - 1] == st[k][d] * size[k] * len;
    if (merge) {
      a->shape[m - 1] *= len;
      for (int32_t k = 0; k < nops; k++) a->bstrides[k][m - 1] = st[k][d] * size[k];
      continue;
    }
    if (m == CU_MAX_DIMS) {
      ct__dims_free(&perm);
      return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: more than %d dims that cannot be merged on CUDA", call->fn,
                       CU_MAX_DIMS);
    }
    a->shape[m] = len;
    for (int32_t k = 0; k < nops; k++) a->bstrides[k][m] = st[k][d] * size[k];
    m++;
  }
  ct__dims_free(&perm);
  if (m == 0) {
    /* a single element: one dim of size 1, read as contiguous */
    a->shape[0] = 1;
    for (int32_t k = 0; k < nops; k++) a->bstrides[k][0] = size[k];
    m = 1;
  }
  a->ndim = m;
  return CT_OK;
}

static ct_status ct_cuda_ew_run(const ct__ew_call *call) {
  const struct ct_tensor *out = call->out;
  if (!cu_ew_supported(call->op, call->compute))
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: not implemented for dtype %s on CUDA", call->fn,
                     ct__dtypes[call->compute].name);
  int32_t dev = ct__cuda_dev(out);
  CT_TRY(ct__cuda_use_device(dev, call->fn));
  cudaStream_t stream = ct__cuda_stream(dev);

  cu_ew_args a;
  memset(&a, 0, sizeof a);
  a.op = call->op;
  a.nin = call->nin;
  a.compute = call->compute;
  a.numel = out->numel;
  a.data[0] = ct__data(out);
  a.dtype[0] = out->dtype;
  for (int32_t k = 0; k < call->nin; k++) {
    const struct ct_tensor *t = call->in[k];
    if (ct_cuda_ew_cpu_scalar(t)) {
      ct__cuda_host_scalar(a.scalar[k], call->kernel_in[k], t);
      a.dtype[k + 1] = call->kernel_in[k];
    } else {
      a.data[k + 1] = ct__data(t);
      a.dtype[k + 1] = t->dtype;
    }
  }
  const ct__ew_params *p = call->params;
  if (p) {
    for (int32_t k = 0; k < p->nscalars; k++) memcpy(a.value[k], p->value[k].bytes, sizeof a.value[k]);
    a.option[0] = p->option[0];
    a.option[1] = p->option[1];
  }
  CT_TRY(ct_cuda_ew_shape(&a, call));

  void *fault = NULL;
  if (ct_cuda_ew_can_fault(call->op, call->compute)) {
    CT_TRY(ct__cuda_scratch(&fault, sizeof(int32_t), dev, call->fn));
    ct_status s = ct__cuda_check(cudaMemsetAsync(fault, 0, sizeof(int32_t), stream), call->fn,
                                 "clearing the division-by-zero flag");
    if (s != CT_OK) {
      ct__cuda_free(fault);
      return s;
    }
    a.fault = fault;
  }
  ct_status s = ct__cuda_check((cudaError_t)cu_ew(&a, stream), call->fn, "launching the elementwise kernel");
  if (fault) {
    int32_t flag = 0;
    if (s == CT_OK)
      s = ct__cuda_check(cudaMemcpyAsync(&flag, fault, sizeof flag, cudaMemcpyDeviceToHost, stream), call->fn,
                         "reading the division-by-zero flag");
    if (s == CT_OK) s = ct__cuda_check(cudaStreamSynchronize(stream), call->fn, "running the elementwise kernel");
    ct__cuda_free(fault);
    if (s == CT_OK && flag)
      s = ct__error(CT_ERR_INVALID_ARGUMENT, "%s: ZeroDivisionError (integer division by zero)", call->fn);
  }
  return s;
}

const struct ct_backend_elementwise_i ct__cuda_elementwise = {
  .run = ct_cuda_ew_run,
};
