/*
 * cuda_runtime.c: the CUDA module's thin layer over the runtime API: error
 * mapping, the device count and device switching, cached launch properties,
 * transfers between host and device or between devices, pinned-memory
 * queries, and the small helpers the family glue shares (descriptors and
 * host scalars).
 *
 * Streams and the thread's current device as the public API sees it live in
 * cuda_ext.c; here the "device" of use_device is only the runtime's current
 * device, which ctensor switches freely before enqueueing work.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cuda_internal.h"

/* ---- errors --------------------------------------------------------------------------------- */

ct_status ct__cuda_check(cudaError_t e, const char *fn, const char *what) {
  if (e == cudaSuccess) return CT_OK;
  /* Reset the runtime's last error so that a later, unrelated check does not report this one. */
  (void)cudaGetLastError();
  ct_status code;
  switch (e) {
    case cudaErrorMemoryAllocation: code = CT_ERR_OUT_OF_MEMORY; break;
    case cudaErrorInvalidDevice:
    case cudaErrorNoDevice: code = CT_ERR_DEVICE; break;
    default: code = CT_ERR_DEVICE_FAILURE; break;
  }
  return ct__error(code, "%s: CUDA error %s (%s) while %s", fn, cudaGetErrorName(e), cudaGetErrorString(e),
                   what);
}

/* ---- devices -------------------------------------------------------------------------------- */

static pthread_once_t ct_cuda_count_once = PTHREAD_ONCE_INIT;
static int32_t ct_cuda_count;
/* Multiprocessor counts, one per device, 0 until first asked (ct_cuda_count entries). */
static _Atomic int32_t *ct_cuda_sm_counts;
/*
 * Set in a child forked after this process initialised CUDA: the CUDA
 * runtime cannot be used there (the driver's state does not survive fork),
 * so every entry point that would touch it reports that instead of hanging
 * or failing obscurely, as PyTorch's "Cannot re-initialize CUDA in forked
 * subprocess".
 */
static atomic_bool ct_cuda_bad_fork;

static void ct_cuda_atfork_child(void) { atomic_store(&ct_cuda_bad_fork, true); }

static void ct_cuda_count_init(void) {
  int n = 0;
  if (cudaGetDeviceCount(&n) != cudaSuccess) {
    (void)cudaGetLastError();
    n = 0;
  }
  ct_cuda_count = n;
  if (n > 0) {
    ct_cuda_sm_counts = calloc((size_t)n, sizeof *ct_cuda_sm_counts);
    if (!ct_cuda_sm_counts) ct_cuda_count = 0;
  }
  /* cudaGetDeviceCount has initialised the driver: a fork from now on gives an unusable child. */
  pthread_atfork(NULL, NULL, ct_cuda_atfork_child);
}

int32_t ct__cuda_device_count(void) {
  pthread_once(&ct_cuda_count_once, ct_cuda_count_init);
  return atomic_load(&ct_cuda_bad_fork) ? 0 : ct_cuda_count;
}

ct_status ct__cuda_use_device(int32_t device, const char *fn) {
  int32_t count = ct__cuda_device_count();
  if (atomic_load(&ct_cuda_bad_fork))
    return ct__error(CT_ERR_DEVICE_FAILURE,
                     "%s: CUDA cannot be used in a process forked after CUDA was initialised "
                     "(start worker processes with exec/spawn instead of fork)",
                     fn);
  if (device < 0 || device >= count)
    return ct__error(CT_ERR_DEVICE, "%s: CUDA device %d is out of range (%d CUDA devices)", fn, (int)device,
                     (int)count);
  /*
   * The runtime's device is asked for each time rather than cached: code
   * around ctensor (PyTorch, a user's kernels) may call cudaSetDevice too,
   * and cudaGetDevice is a cheap thread-local read in the runtime.
   */
  int cur = -1;
  cudaError_t e = cudaGetDevice(&cur);
  if (e == cudaSuccess && cur == device) return CT_OK;
  return ct__cuda_check(cudaSetDevice(device), fn, "selecting the CUDA device");
}

int32_t ct__cuda_sm_count(int32_t device) {
  if (device < 0 || device >= ct__cuda_device_count()) return 1;
  int32_t n = atomic_load(&ct_cuda_sm_counts[device]);
  if (n > 0) return n;
  int v = 0;
  if (cudaDeviceGetAttribute(&v, cudaDevAttrMultiProcessorCount, device) != cudaSuccess || v <= 0) {
    /* Launch sizes only: a wrong guess costs speed, never correctness. */
    (void)cudaGetLastError();
    return 1;
  }
  atomic_store(&ct_cuda_sm_counts[device], v);
  return v;
}

/* ---- transfers ------------------------------------------------------------------------------ */

/* Records an event on the current stream of from_device and makes to_device's current stream wait for it. */
static ct_status ct_cuda_stream_barrier(int32_t to_device, int32_t from_device, const char *fn) {
  cudaEvent_t ev;
  CT_TRY(ct__cuda_use_device(from_device, fn));
  CT_TRY(ct__cuda_check(cudaEventCreateWithFlags(&ev, cudaEventDisableTiming), fn, "creating an event"));
  cudaError_t e = cudaEventRecord(ev, ct__cuda_stream(from_device));
  if (e == cudaSuccess) {
    ct_status s = ct__cuda_use_device(to_device, fn);
    if (s != CT_OK) {
      cudaEventDestroy(ev);
      return s;
    }
    e = cudaStreamWaitEvent(ct__cuda_stream(to_device), ev, 0);
  }
  /* Destroying an event with work still waiting on it is allowed: it is freed once complete. */
  cudaEventDestroy(ev);
  return ct__cuda_check(e, fn, "ordering the streams of a copy between devices");
}

/*
 * A peer copy is enqueued on the source device's current stream, with a
 * barrier both ways with the destination's current stream (PyTorch's
 * copy_device_to_device): the copy waits for the work already enqueued on the
 * destination (which may still read or write dst), and later work there waits
 * for the copy.
 */
static ct_status ct_cuda_transfer_peer(void *dst, int32_t dst_device, const void *src, int32_t src_device,
                                       size_t nbytes, bool non_blocking, const char *fn) {
  cudaStream_t st = ct__cuda_stream(src_device);
  if (dst_device != src_device) CT_TRY(ct_cuda_stream_barrier(src_device, dst_device, fn));
  CT_TRY(ct__cuda_use_device(src_device, fn));
  CT_TRY(ct__cuda_check(cudaMemcpyPeerAsync(dst, dst_device, src, src_device, nbytes, st), fn,
                        "copying between CUDA devices"));
  if (dst_device != src_device) CT_TRY(ct_cuda_stream_barrier(dst_device, src_device, fn));
  if (non_blocking) return CT_OK;
  CT_TRY(ct__cuda_use_device(src_device, fn));
  return ct__cuda_check(cudaStreamSynchronize(st), fn, "waiting for a copy between CUDA devices");
}

ct_status ct__cuda_transfer(void *dst, int32_t dst_device, const void *src, int32_t src_device, size_t nbytes,
                            int32_t direction, bool non_blocking, const char *fn) {
  if (nbytes == 0) return CT_OK;
  if (direction == CT__TRANSFER_PEER)
    return ct_cuda_transfer_peer(dst, dst_device, src, src_device, nbytes, non_blocking, fn);

  bool to_host = direction == CT__TRANSFER_TO_HOST;
  int32_t device = to_host ? src_device : dst_device;
  const void *host = to_host ? (const void *)dst : src;
  CT_TRY(ct__cuda_use_device(device, fn));
  cudaStream_t st = ct__cuda_stream(device);
  CT_TRY(ct__cuda_check(cudaMemcpyAsync(dst, src, nbytes, to_host ? cudaMemcpyDeviceToHost : cudaMemcpyHostToDevice,
                                        st),
                        fn, to_host ? "copying from the device to the host" : "copying from the host to the device"));
  /*
   * Only pinned memory is truly asynchronous; for pageable memory (and for
   * every blocking copy) wait, so that the host side may be reused and, for
   * reads, holds the data on return, as PyTorch's copy_.
   */
  if (non_blocking && ct__cuda_is_pinned(host)) return CT_OK;
  return ct__cuda_check(cudaStreamSynchronize(st), fn,
                        to_host ? "waiting for a copy to the host" : "waiting for a copy from the host");
}

bool ct__cuda_is_pinned(const void *p) {
  if (!p || ct__cuda_device_count() == 0) return false;
  struct cudaPointerAttributes attr;
  if (cudaPointerGetAttributes(&attr, p) != cudaSuccess) {
    /* Older runtimes fail on memory they never saw instead of reporting "unregistered". */
    (void)cudaGetLastError();
    return false;
  }
  return attr.type == cudaMemoryTypeHost;
}

/* ---- descriptors and scalars ---------------------------------------------------------------- */

ct_status ct__cuda_desc(cu_tensor *d, const struct ct_tensor *t, const char *fn) {
  if (t->ndim > CU_MAX_DIMS)
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: CUDA kernels take at most %d dimensions, got a tensor of %d", fn,
                     CU_MAX_DIMS, (int)t->ndim);
  d->data = ct__data(t);
  d->dtype = (int32_t)t->dtype;
  d->ndim = t->ndim;
  d->numel = t->numel;
  for (int32_t k = 0; k < t->ndim; k++) {
    d->shape[k] = t->shape[k];
    d->strides[k] = t->strides[k];
  }
  return CT_OK;
}

void ct__cuda_host_scalar(void *v, ct_dtype dtype, const struct ct_tensor *t) {
  memset(v, 0, 16);
  /* Both dtypes are valid and the pointers non-NULL, so the conversion cannot fail. */
  (void)ct_dtype_convert(v, dtype, ct__data(t), t->dtype, 1);
}
