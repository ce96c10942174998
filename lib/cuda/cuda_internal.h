/*
 * cuda_internal.h: what the C files of the CUDA module (ct_cuda.so) share.
 *
 * The module is split in two layers:
 * - C glue (cuda_*.c, compiled by the C compiler, includes this header and
 *   libctensor's internal headers): unpacks checked tensors into plain
 *   descriptors, allocates scratch, calls launchers and turns CUDA errors
 *   into ct_status with a message naming the public function.
 * - kernels (cuda_*.cu, compiled by nvcc, include cuda_kernels.h only):
 *   extern "C" launchers taking descriptors and a stream and returning a
 *   cudaError_t, never touching ctensor's structs or error record.
 *
 * The module cannot see libctensor's hidden symbols: ct__error and the
 * ct__tensor_* helpers used by the glue are the module's own, forwarding to
 * the table libctensor hands to ct_backend_cuda_init (cuda_core.c).
 */
#ifndef CT_CUDA_INTERNAL_H
#define CT_CUDA_INTERNAL_H

#include <cuda_runtime_api.h>

#include "../core/ct_internal.h"
#include "cuda_kernels.h"

/* The module's backend table (cuda_plugin.c) and the core table it was given. */
extern const struct ct_backend_i ct__cuda_backend;
extern const ct__core_i *ct__cuda_core;

/* ---- errors --------------------------------------------------------------------------------- */

/*
 * Turns a CUDA runtime error into a recorded ctensor error naming fn and
 * what was being done: cudaErrorMemoryAllocation -> CT_ERR_OUT_OF_MEMORY,
 * cudaErrorInvalidDevice/NoDevice -> CT_ERR_DEVICE, anything else ->
 * CT_ERR_DEVICE_FAILURE with cudaGetErrorName and cudaGetErrorString.
 * cudaSuccess returns CT_OK. Clears the runtime's sticky last error.
 */
ct_status ct__cuda_check(cudaError_t e, const char *fn, const char *what);

/* ---- devices and streams (cuda_runtime.c) ------------------------------------------------- */

/* Devices seen by the runtime (0 when the runtime failed to initialise). */
int32_t ct__cuda_device_count(void);

/* Makes device current on this thread for the runtime (cudaSetDevice when it differs). */
ct_status ct__cuda_use_device(int32_t device, const char *fn);

/*
 * This thread's current stream for a device (0, the legacy default stream,
 * until ct_cuda_set_stream). Never fails. Every kernel and copy of a
 * ctensor operation goes to ct__cuda_stream(tensor's device).
 */
cudaStream_t ct__cuda_stream(int32_t device);

/* Launch-side properties of a device, cached: multiprocessors and max threads per block. */
int32_t ct__cuda_sm_count(int32_t device);

/* ---- the caching allocator (cuda_alloc.c) -------------------------------------------------- */

/*
 * nbytes (> 0) of device memory for use on stream `stream` of `device`,
 * from the cache or cudaMalloc (after emptying the cache once when that
 * fails). Records CT_ERR_OUT_OF_MEMORY naming fn on failure.
 * The backend's alloc is this with the device's current stream.
 */
ct_status ct__cuda_malloc(void **p, size_t nbytes, int32_t device, cudaStream_t stream, const char *fn);
/* Returns a block to the cache; its memory may be reused by its stream at once, by others after an event. */
void ct__cuda_free(void *p);
/* Marks a block as used by another stream: its reuse then waits for that stream's work (record_stream). */
ct_status ct__cuda_record_stream(void *p, cudaStream_t stream, const char *fn);

/*
 * Scratch device memory for one operation, freed with ct__cuda_free after
 * the kernels that use it are enqueued (stream order makes that safe).
 */
static inline ct_status ct__cuda_scratch(void **p, size_t nbytes, int32_t device, const char *fn) {
  return ct__cuda_malloc(p, nbytes ? nbytes : 1, device, ct__cuda_stream(device), fn);
}

/* ---- descriptors ---------------------------------------------------------------------------- */

/* The device of a CUDA tensor. */
static inline int32_t ct__cuda_dev(const struct ct_tensor *t) { return t->storage->device_index; }

/*
 * Fills a kernel descriptor from a checked CUDA tensor, strides in elements
 * (shape and strides copied; ndim <= CU_MAX_DIMS, else CT_ERR_NOT_IMPLEMENTED
 * naming fn). data is element (0, ..., 0).
 */
ct_status ct__cuda_desc(cu_tensor *d, const struct ct_tensor *t, const char *fn);

/*
 * A read of a 0-d CPU tensor's value (the wrapped numbers of binary ops
 * with a scalar) converted to dtype into *v (16 bytes room).
 */
void ct__cuda_host_scalar(void *v, ct_dtype dtype, const struct ct_tensor *t);

/* The tables each family file defines (cuda_<family>.c). */
extern const struct ct_backend_elementwise_i ct__cuda_elementwise;
extern const struct ct_backend_index_i ct__cuda_index;
extern const struct ct_backend_reduce_i ct__cuda_reduce;
extern const struct ct_backend_linalg_i ct__cuda_linalg;
extern const struct ct_backend_structure_i ct__cuda_structure;
extern const struct ct_backend_cuda_i ct__cuda_ext;

/* The backend's copy, fill and random (cuda_copy.c, cuda_random.c). */
ct_status ct__cuda_copy(struct ct_tensor *dst, struct ct_tensor *src);
ct_status ct__cuda_fill(struct ct_tensor *dst, const void *value);
ct_status ct__cuda_random(struct ct_tensor *dst, const ct__rng_args *args);
/* The backend's transfer (cuda_runtime.c). */
ct_status ct__cuda_transfer(void *dst, int32_t dst_device, const void *src, int32_t src_device, size_t nbytes,
                            int32_t direction, bool non_blocking, const char *fn);
bool ct__cuda_is_pinned(const void *p);
/* Backend alloc and free (cuda_alloc.c) on the device's current stream. */
ct_status ct__cuda_backend_alloc(void **ptr, size_t nbytes, int32_t device_index);
void ct__cuda_backend_free(void *ptr, size_t nbytes, int32_t device_index);

#endif /* CT_CUDA_INTERNAL_H */
