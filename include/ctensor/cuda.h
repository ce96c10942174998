/*
 * ctensor/cuda.h: CUDA devices, streams, events, memory and settings.
 *
 * These mirror torch.cuda. Every function is in libctensor itself and works
 * on any system: the CUDA module (ct_cuda.so) is loaded on first use, and
 * where it, a driver or a GPU is missing each call fails with
 * CT_ERR_BACKEND_UNAVAILABLE and a message saying why (ct_cuda_is_available
 * and ct_cuda_device_count never fail: they report false and 0).
 *
 * Devices: a device argument of -1 means this thread's current device.
 * Streams: every CUDA operation of ctensor is enqueued on the calling
 * thread's current stream of the tensor's device; until ct_cuda_set_stream
 * is called that is the device's legacy default stream (handle 0), as in
 * PyTorch. Streams are reference counted handles; a stream made from an
 * external cudaStream_t (ct_cuda_stream_from_handle) does not own it.
 * Results read back to the host (ct_tensor_item, printing, copies to CPU
 * memory that is not pinned) synchronise with the stream first.
 */
#ifndef CTENSOR_CUDA_H
#define CTENSOR_CUDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A CUDA stream (opaque, reference counted). */
typedef struct ct_cuda_stream ct_cuda_stream;
/** A CUDA event (opaque). */
typedef struct ct_cuda_event ct_cuda_event;

/* ---- devices ------------------------------------------------------------------------------- */

/** Whether CUDA can be used: the module loads, a driver is present and there is a GPU. Never fails but for NULL. */
CT_API ct_status ct_cuda_is_available(bool *available);

/** Number of CUDA devices; 0 without the module, a driver or a GPU. Never fails but for NULL. */
CT_API ct_status ct_cuda_device_count(int32_t *count);

/**
 * Name of a device ("NVIDIA H100 80GB HBM3"), written NUL-terminated into buf
 * (truncated to size - 1 bytes).
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL, size 0), CT_ERR_DEVICE (device out of range),
 * CT_ERR_BACKEND_UNAVAILABLE.
 */
CT_API ct_status ct_cuda_device_name(char *buf, size_t size, int32_t device);

/** Compute capability of a device (9, 0 for an H100). Errors as ct_cuda_device_name. */
CT_API ct_status ct_cuda_device_capability(int32_t *major, int32_t *minor, int32_t device);

/** Total memory in bytes and streaming multiprocessors of a device. Either pointer may be NULL. */
CT_API ct_status ct_cuda_device_properties(int64_t *total_memory, int32_t *multiprocessors,
                                           int32_t device);

/** Free and total device memory in bytes, as the driver reports them (cudaMemGetInfo). */
CT_API ct_status ct_cuda_mem_get_info(int64_t *free_bytes, int64_t *total_bytes, int32_t device);

/** This thread's current device (0 until set). */
CT_API ct_status ct_cuda_current_device(int32_t *device);

/** Sets this thread's current device. Errors: CT_ERR_DEVICE (out of range), CT_ERR_BACKEND_UNAVAILABLE. */
CT_API ct_status ct_cuda_set_device(int32_t device);

/** Waits for all work on a device (-1: the current one) to finish. */
CT_API ct_status ct_cuda_synchronize(int32_t device);

/* ---- streams ------------------------------------------------------------------------------- */

/**
 * A new non-blocking stream on a device (-1: current) with a priority
 * (0 is the default; lower numbers are higher priority, clamped to the
 * device's range). One reference for the caller.
 */
CT_API ct_status ct_cuda_stream_create(ct_cuda_stream **out, int32_t device, int32_t priority);

/**
 * A stream handle over an existing cudaStream_t (for example PyTorch's current
 * stream) on a device; the cudaStream_t is not destroyed with the handle.
 * handle 0 (NULL) is the legacy default stream, (void *)1 cudaStreamLegacy,
 * (void *)2 cudaStreamPerThread.
 */
CT_API ct_status ct_cuda_stream_from_handle(ct_cuda_stream **out, void *handle, int32_t device);

/** Adds a reference. Errors: CT_ERR_INVALID_ARGUMENT (NULL). */
CT_API ct_status ct_cuda_stream_retain(ct_cuda_stream *stream);

/** Drops a reference (NULL does nothing); the last one destroys a stream ctensor created. */
CT_API void ct_cuda_stream_release(ct_cuda_stream *stream);

/** The cudaStream_t behind a stream, and its device. Either pointer may be NULL. */
CT_API ct_status ct_cuda_stream_info(void **handle, int32_t *device, const ct_cuda_stream *stream);

/** This thread's current stream on a device (-1: current); a new reference. */
CT_API ct_status ct_cuda_current_stream(ct_cuda_stream **out, int32_t device);

/** The legacy default stream of a device (-1: current); a new reference. */
CT_API ct_status ct_cuda_default_stream(ct_cuda_stream **out, int32_t device);

/**
 * Makes stream this thread's current stream on its device (the thread keeps
 * a reference until another stream is set). NULL restores the current
 * device's default stream.
 */
CT_API ct_status ct_cuda_set_stream(ct_cuda_stream *stream);

/** Waits until all work enqueued on stream has finished. */
CT_API ct_status ct_cuda_stream_synchronize(ct_cuda_stream *stream);

/** *done = whether all work enqueued on stream has finished (never blocks). */
CT_API ct_status ct_cuda_stream_query(bool *done, ct_cuda_stream *stream);

/** Work enqueued on stream from now on waits for the work already enqueued on other. */
CT_API ct_status ct_cuda_stream_wait_stream(ct_cuda_stream *stream, ct_cuda_stream *other);

/* ---- events -------------------------------------------------------------------------------- */

/** Event flags. */
enum {
  CT_CUDA_EVENT_TIMING = 1,        /* can be used with ct_cuda_event_elapsed_time */
  CT_CUDA_EVENT_BLOCKING_SYNC = 2, /* synchronize sleeps instead of spinning */
  CT_CUDA_EVENT_INTERPROCESS = 4   /* reserved: refused for now */
};

/** A new event on the current device. Errors: CT_ERR_INVALID_ARGUMENT (unknown flags). */
CT_API ct_status ct_cuda_event_create(ct_cuda_event **out, uint32_t flags);

/** Destroys an event (NULL does nothing). */
CT_API void ct_cuda_event_release(ct_cuda_event *event);

/** Records event on stream (NULL: this thread's current stream of the current device). */
CT_API ct_status ct_cuda_event_record(ct_cuda_event *event, ct_cuda_stream *stream);

/** Work enqueued on stream (NULL: current) from now on waits for event. */
CT_API ct_status ct_cuda_event_wait(ct_cuda_event *event, ct_cuda_stream *stream);

/** Waits for the work before event's record to finish. */
CT_API ct_status ct_cuda_event_synchronize(ct_cuda_event *event);

/** *done = whether the work before event's record has finished. */
CT_API ct_status ct_cuda_event_query(bool *done, ct_cuda_event *event);

/**
 * Milliseconds between two recorded timing events.
 * Errors: CT_ERR_INVALID_ARGUMENT (an event without CT_CUDA_EVENT_TIMING, not recorded or not finished).
 */
CT_API ct_status ct_cuda_event_elapsed_time(float *ms, ct_cuda_event *start, ct_cuda_event *end);

/* ---- memory -------------------------------------------------------------------------------- */

/**
 * The caching allocator's statistics for a device (-1: current), in bytes:
 * allocated to tensors now, reserved from the driver (allocated plus cached),
 * and the peak of allocated since the start or the last reset. Any pointer
 * may be NULL.
 */
CT_API ct_status ct_cuda_memory_stats(int64_t *allocated, int64_t *reserved, int64_t *peak_allocated,
                                      int32_t device);

/** Resets the peak of allocated bytes to the current value. */
CT_API ct_status ct_cuda_reset_peak_memory_stats(int32_t device);

/** Returns every cached block that no tensor uses to the driver (all devices). */
CT_API ct_status ct_cuda_empty_cache(void);

/** A copy of a CPU tensor in page-locked (pinned) host memory; still a CPU tensor. */
CT_API ct_status ct_pin_memory(ct_tensor **out, ct_tensor *t);

/** Whether t's memory is page-locked host memory (false without CUDA). */
CT_API ct_status ct_tensor_is_pinned(bool *pinned, const ct_tensor *t);

/**
 * copy_ that does not wait for the copy: when src and dst are a CUDA tensor
 * and pinned host memory (either way) the copy is only enqueued on the
 * current stream, and the host memory must stay untouched until that stream
 * has reached it. Any other pair behaves as ct_copy_.
 */
CT_API ct_status ct_copy_non_blocking_(ct_tensor *dst, ct_tensor *src);

/* ---- settings ------------------------------------------------------------------------------ */

/**
 * Whether float32 matrix products may use TF32 tensor cores (PyTorch's
 * torch.backends.cuda.matmul.allow_tf32; false by default). Process-wide.
 * The setter works without CUDA too (it only records the setting).
 */
CT_API ct_status ct_cuda_set_allow_tf32(bool allow);
CT_API ct_status ct_cuda_allow_tf32(bool *allow);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_CUDA_H */
