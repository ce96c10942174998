/*
 * cuda_ext.c: what the CUDA module adds behind ctensor/cuda.h (the
 * ct_backend_cuda_i table): device queries, the thread's current device and
 * current streams, stream and event objects, and the memory functions.
 *
 * The thread's current device is ctensor's own (thread-local, 0 until set),
 * as torch.cuda.current_device: kernels switch the runtime's device freely
 * (ct__cuda_use_device) without changing what ct_cuda_ext_current_device says.
 * Each thread also holds one current stream per device, with a reference, in
 * an array made on its first ct_cuda_ext_set_stream and released when the thread
 * exits.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#include "cuda_internal.h"

/* The allocator's side of the memory functions (cuda_alloc.c); devices are checked here first. */
ct_status ct__cuda_alloc_stats(int64_t *allocated, int64_t *reserved, int64_t *peak, int32_t device);
ct_status ct__cuda_alloc_reset_peak(int32_t device);
ct_status ct__cuda_alloc_empty_cache(void);

struct ct_cuda_stream {
  atomic_int_fast64_t refcount;
  cudaStream_t handle; /* 0: the legacy default stream */
  int32_t device;
  bool owned; /* created here: destroyed with the last reference */
};

struct ct_cuda_event {
  cudaEvent_t ev;
  int32_t device;
  uint32_t flags; /* CT_CUDA_EVENT_* */
  bool recorded;
};

/* ---- the thread's device and streams -------------------------------------------------------- */

static _Thread_local int32_t ct_cuda_tls_device;
/* ct_cuda_tls_nstreams entries, one reference each (NULL: the default stream). */
static _Thread_local struct ct_cuda_stream **ct_cuda_tls_streams;
static _Thread_local int32_t ct_cuda_tls_nstreams;

static pthread_once_t ct_cuda_key_once = PTHREAD_ONCE_INIT;
static pthread_key_t ct_cuda_key;
static bool ct_cuda_key_ok;

static void ct_cuda_ext_stream_release(struct ct_cuda_stream *s);

/* Drops the references an exiting thread held on its current streams. */
static void ct_cuda_thread_exit(void *v) {
  struct ct_cuda_stream **a = v;
  for (int32_t d = 0; d < ct_cuda_tls_nstreams; d++) ct_cuda_ext_stream_release(a[d]);
  free(a);
  ct_cuda_tls_streams = NULL;
  ct_cuda_tls_nstreams = 0;
}

static void ct_cuda_key_init(void) { ct_cuda_key_ok = pthread_key_create(&ct_cuda_key, ct_cuda_thread_exit) == 0; }

cudaStream_t ct__cuda_stream(int32_t device) {
  if (device < 0 || device >= ct_cuda_tls_nstreams) return 0;
  struct ct_cuda_stream *s = ct_cuda_tls_streams[device];
  return s ? s->handle : 0;
}

/* Resolves -1 to this thread's device and checks the range. */
static ct_status ct_cuda_resolve(int32_t *device, const char *fn) {
  int32_t count = ct__cuda_device_count();
  int32_t d = *device == -1 ? ct_cuda_tls_device : *device;
  if (d < 0 || d >= count)
    return ct__error(CT_ERR_DEVICE, "%s: CUDA device %d is out of range (%d CUDA devices)", fn, (int)d,
                     (int)count);
  *device = d;
  return CT_OK;
}

/* ---- devices -------------------------------------------------------------------------------- */

typedef struct ct_cuda_props {
  atomic_bool loaded;
  struct cudaDeviceProp p;
} ct_cuda_props;

static pthread_once_t ct_cuda_props_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t ct_cuda_props_mu = PTHREAD_MUTEX_INITIALIZER;
static ct_cuda_props *ct_cuda_props_v; /* one per device */

static void ct_cuda_props_init(void) {
  ct_cuda_props_v = calloc((size_t)ct__cuda_device_count(), sizeof *ct_cuda_props_v);
}

/* The cached properties of a checked device (read once, under the mutex). */
static ct_status ct_cuda_props_get(const struct cudaDeviceProp **out, int32_t device, const char *fn) {
  pthread_once(&ct_cuda_props_once, ct_cuda_props_init);
  if (!ct_cuda_props_v) return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of memory", fn);
  ct_cuda_props *pr = &ct_cuda_props_v[device];
  ct_status s = CT_OK;
  if (!atomic_load(&pr->loaded)) {
    pthread_mutex_lock(&ct_cuda_props_mu);
    if (!atomic_load(&pr->loaded)) {
      s = ct__cuda_check(cudaGetDeviceProperties(&pr->p, device), fn, "reading the device's properties");
      if (s == CT_OK) atomic_store(&pr->loaded, true);
    }
    pthread_mutex_unlock(&ct_cuda_props_mu);
  }
  if (s == CT_OK) *out = &pr->p;
  return s;
}

static ct_status ct_cuda_ext_device_name(char *buf, size_t size, int32_t device) {
  const char *fn = "ct_cuda_device_name";
  const struct cudaDeviceProp *p;
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct_cuda_props_get(&p, device, fn));
  snprintf(buf, size, "%s", p->name);
  return CT_OK;
}

static ct_status ct_cuda_ext_device_capability(int32_t *major, int32_t *minor, int32_t device) {
  const char *fn = "ct_cuda_device_capability";
  const struct cudaDeviceProp *p;
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct_cuda_props_get(&p, device, fn));
  *major = p->major;
  *minor = p->minor;
  return CT_OK;
}

static ct_status ct_cuda_ext_device_properties(int64_t *total_memory, int32_t *multiprocessors, int32_t device) {
  const char *fn = "ct_cuda_device_properties";
  const struct cudaDeviceProp *p;
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct_cuda_props_get(&p, device, fn));
  if (total_memory) *total_memory = (int64_t)p->totalGlobalMem;
  if (multiprocessors) *multiprocessors = p->multiProcessorCount;
  return CT_OK;
}

static ct_status ct_cuda_ext_mem_get_info(int64_t *free_bytes, int64_t *total_bytes, int32_t device) {
  const char *fn = "ct_cuda_mem_get_info";
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct__cuda_use_device(device, fn));
  size_t f = 0, t = 0;
  CT_TRY(ct__cuda_check(cudaMemGetInfo(&f, &t), fn, "reading the device's free memory"));
  *free_bytes = (int64_t)f;
  *total_bytes = (int64_t)t;
  return CT_OK;
}

static ct_status ct_cuda_ext_current_device(int32_t *device) {
  *device = ct_cuda_tls_device;
  return CT_OK;
}

static ct_status ct_cuda_ext_set_device(int32_t device) {
  const char *fn = "ct_cuda_set_device";
  CT_TRY(ct_cuda_resolve(&device, fn));
  /* The runtime's device follows too, for CUDA code around ctensor, as torch.cuda.set_device. */
  CT_TRY(ct__cuda_use_device(device, fn));
  ct_cuda_tls_device = device;
  return CT_OK;
}

static ct_status ct_cuda_ext_synchronize(int32_t device) {
  const char *fn = "ct_cuda_synchronize";
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct__cuda_use_device(device, fn));
  return ct__cuda_check(cudaDeviceSynchronize(), fn, "waiting for the device");
}

/* ---- streams -------------------------------------------------------------------------------- */

static ct_status ct_cuda_stream_new(struct ct_cuda_stream **out, cudaStream_t handle, int32_t device, bool owned,
                                    const char *fn) {
  struct ct_cuda_stream *s = malloc(sizeof *s);
  if (!s) return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of memory for a stream", fn);
  atomic_init(&s->refcount, 1);
  s->handle = handle;
  s->device = device;
  s->owned = owned;
  *out = s;
  return CT_OK;
}

static ct_status ct_cuda_ext_stream_create(struct ct_cuda_stream **out, int32_t device, int32_t priority) {
  const char *fn = "ct_cuda_stream_create";
  *out = NULL;
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct__cuda_use_device(device, fn));
  /* least is the lowest priority (0), greatest the highest (a negative number). */
  int least = 0, greatest = 0;
  CT_TRY(ct__cuda_check(cudaDeviceGetStreamPriorityRange(&least, &greatest), fn, "reading stream priorities"));
  int prio = priority < greatest ? greatest : priority > least ? least : (int)priority;
  cudaStream_t h;
  CT_TRY(ct__cuda_check(cudaStreamCreateWithPriority(&h, cudaStreamNonBlocking, prio), fn, "creating a stream"));
  ct_status s = ct_cuda_stream_new(out, h, device, true, fn);
  if (s != CT_OK) cudaStreamDestroy(h);
  return s;
}

static ct_status ct_cuda_ext_stream_from_handle(struct ct_cuda_stream **out, void *handle, int32_t device) {
  const char *fn = "ct_cuda_stream_from_handle";
  *out = NULL;
  CT_TRY(ct_cuda_resolve(&device, fn));
  return ct_cuda_stream_new(out, (cudaStream_t)handle, device, false, fn);
}

static void ct_cuda_ext_stream_retain(struct ct_cuda_stream *s) { atomic_fetch_add(&s->refcount, 1); }

static void ct_cuda_ext_stream_release(struct ct_cuda_stream *s) {
  if (!s || atomic_fetch_sub(&s->refcount, 1) != 1) return;
  if (s->owned) {
    /*
     * Wait before destroying: the caching allocator keys free blocks by
     * stream handle, and a later stream could get this handle while work
     * of this one still uses memory freed to it.
     */
    if (cudaStreamSynchronize(s->handle) != cudaSuccess) (void)cudaGetLastError();
    if (cudaStreamDestroy(s->handle) != cudaSuccess) (void)cudaGetLastError();
  }
  free(s);
}

static void ct_cuda_ext_stream_info(void **handle, int32_t *device, const struct ct_cuda_stream *s) {
  if (handle) *handle = (void *)s->handle;
  if (device) *device = s->device;
}

static ct_status ct_cuda_ext_current_stream(struct ct_cuda_stream **out, int32_t device) {
  const char *fn = "ct_cuda_current_stream";
  *out = NULL;
  CT_TRY(ct_cuda_resolve(&device, fn));
  struct ct_cuda_stream *s = device < ct_cuda_tls_nstreams ? ct_cuda_tls_streams[device] : NULL;
  if (!s) return ct_cuda_stream_new(out, 0, device, false, fn);
  ct_cuda_ext_stream_retain(s);
  *out = s;
  return CT_OK;
}

static ct_status ct_cuda_ext_default_stream(struct ct_cuda_stream **out, int32_t device) {
  const char *fn = "ct_cuda_default_stream";
  *out = NULL;
  CT_TRY(ct_cuda_resolve(&device, fn));
  return ct_cuda_stream_new(out, 0, device, false, fn);
}

static ct_status ct_cuda_ext_set_stream(struct ct_cuda_stream *s) {
  const char *fn = "ct_cuda_set_stream";
  int32_t device = s ? s->device : ct_cuda_tls_device;
  CT_TRY(ct_cuda_resolve(&device, fn));
  if (!ct_cuda_tls_streams) {
    if (!s) return CT_OK; /* nothing set yet: already the default stream */
    pthread_once(&ct_cuda_key_once, ct_cuda_key_init);
    int32_t n = ct__cuda_device_count();
    struct ct_cuda_stream **a = calloc((size_t)n, sizeof *a);
    if (!a || !ct_cuda_key_ok || pthread_setspecific(ct_cuda_key, a) != 0) {
      free(a);
      return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of memory for the thread's streams", fn);
    }
    ct_cuda_tls_streams = a;
    ct_cuda_tls_nstreams = n;
  }
  if (s) ct_cuda_ext_stream_retain(s);
  struct ct_cuda_stream *old = ct_cuda_tls_streams[device];
  ct_cuda_tls_streams[device] = s;
  ct_cuda_ext_stream_release(old);
  return CT_OK;
}

static ct_status ct_cuda_ext_stream_synchronize(struct ct_cuda_stream *s) {
  const char *fn = "ct_cuda_stream_synchronize";
  /* The legacy default stream is the current device's: select the stream's device first. */
  CT_TRY(ct__cuda_use_device(s->device, fn));
  return ct__cuda_check(cudaStreamSynchronize(s->handle), fn, "waiting for the stream");
}

static ct_status ct_cuda_ext_stream_query(bool *done, struct ct_cuda_stream *s) {
  const char *fn = "ct_cuda_stream_query";
  CT_TRY(ct__cuda_use_device(s->device, fn));
  cudaError_t e = cudaStreamQuery(s->handle);
  *done = e != cudaErrorNotReady;
  if (e == cudaErrorNotReady) {
    (void)cudaGetLastError();
    return CT_OK;
  }
  return ct__cuda_check(e, fn, "querying the stream");
}

static ct_status ct_cuda_ext_stream_wait_stream(struct ct_cuda_stream *s, struct ct_cuda_stream *other) {
  const char *fn = "ct_cuda_stream_wait_stream";
  if (s->handle == other->handle && s->device == other->device) return CT_OK; /* already in order */
  CT_TRY(ct__cuda_use_device(other->device, fn));
  cudaEvent_t ev;
  CT_TRY(ct__cuda_check(cudaEventCreateWithFlags(&ev, cudaEventDisableTiming), fn, "creating an event"));
  ct_status st = ct__cuda_check(cudaEventRecord(ev, other->handle), fn, "recording an event");
  if (st == CT_OK) st = ct__cuda_use_device(s->device, fn);
  if (st == CT_OK) st = ct__cuda_check(cudaStreamWaitEvent(s->handle, ev, 0), fn, "waiting for an event");
  /* The wait keeps what it needs: the event may go at once. */
  cudaEventDestroy(ev);
  return st;
}

/* ---- events --------------------------------------------------------------------------------- */

static unsigned ct_cuda_event_flags(uint32_t flags) {
  unsigned f = cudaEventDefault;
  if (!(flags & CT_CUDA_EVENT_TIMING)) f |= cudaEventDisableTiming;
  if (flags & CT_CUDA_EVENT_BLOCKING_SYNC) f |= cudaEventBlockingSync;
  return f;
}

static ct_status ct_cuda_ext_event_create(struct ct_cuda_event **out, uint32_t flags) {
  const char *fn = "ct_cuda_event_create";
  *out = NULL;
  if (flags & CT_CUDA_EVENT_INTERPROCESS)
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: CT_CUDA_EVENT_INTERPROCESS is not supported yet", fn);
  int32_t device = -1;
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct__cuda_use_device(device, fn));
  struct ct_cuda_event *e = malloc(sizeof *e);
  if (!e) return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of memory for an event", fn);
  ct_status s = ct__cuda_check(cudaEventCreateWithFlags(&e->ev, ct_cuda_event_flags(flags)), fn, "creating an event");
  if (s != CT_OK) {
    free(e);
    return s;
  }
  e->device = device;
  e->flags = flags;
  e->recorded = false;
  *out = e;
  return CT_OK;
}

static void ct_cuda_ext_event_release(struct ct_cuda_event *e) {
  if (!e) return;
  if (cudaEventDestroy(e->ev) != cudaSuccess) (void)cudaGetLastError();
  free(e);
}

/* The device and handle of a stream argument, NULL meaning this thread's current stream. */
static void ct_cuda_stream_or_current(int32_t *device, cudaStream_t *h, const struct ct_cuda_stream *s) {
  *device = s ? s->device : ct_cuda_tls_device;
  *h = s ? s->handle : ct__cuda_stream(ct_cuda_tls_device);
}

static ct_status ct_cuda_ext_event_record(struct ct_cuda_event *e, struct ct_cuda_stream *s) {
  const char *fn = "ct_cuda_event_record";
  int32_t device;
  cudaStream_t h;
  ct_cuda_stream_or_current(&device, &h, s);
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct__cuda_use_device(device, fn));
  if (e->device != device) {
    /*
     * An event can only be recorded on a stream of its own device. Until
     * its first record the event takes the stream's device, as PyTorch's
     * (which creates its event lazily); after that it is a mistake.
     */
    if (e->recorded)
      return ct__error(CT_ERR_DEVICE, "%s: the event belongs to cuda:%d and the stream to cuda:%d", fn,
                       (int)e->device, (int)device);
    cudaEvent_t ev;
    CT_TRY(ct__cuda_check(cudaEventCreateWithFlags(&ev, ct_cuda_event_flags(e->flags)), fn, "creating an event"));
    if (cudaEventDestroy(e->ev) != cudaSuccess) (void)cudaGetLastError();
    e->ev = ev;
    e->device = device;
  }
  CT_TRY(ct__cuda_check(cudaEventRecord(e->ev, h), fn, "recording the event"));
  e->recorded = true;
  return CT_OK;
}

static ct_status ct_cuda_ext_event_wait(struct ct_cuda_event *e, struct ct_cuda_stream *s) {
  const char *fn = "ct_cuda_event_wait";
  /* An event never recorded has nothing to wait for (PyTorch's Event.wait does nothing either). */
  if (!e->recorded) return CT_OK;
  int32_t device;
  cudaStream_t h;
  ct_cuda_stream_or_current(&device, &h, s);
  CT_TRY(ct_cuda_resolve(&device, fn));
  CT_TRY(ct__cuda_use_device(device, fn));
  return ct__cuda_check(cudaStreamWaitEvent(h, e->ev, 0), fn, "waiting for the event");
}

static ct_status ct_cuda_ext_event_synchronize(struct ct_cuda_event *e) {
  if (!e->recorded) return CT_OK;
  return ct__cuda_check(cudaEventSynchronize(e->ev), "ct_cuda_event_synchronize", "waiting for the event");
}

static ct_status ct_cuda_ext_event_query(bool *done, struct ct_cuda_event *e) {
  *done = true;
  if (!e->recorded) return CT_OK;
  cudaError_t r = cudaEventQuery(e->ev);
  if (r == cudaErrorNotReady) {
    (void)cudaGetLastError();
    *done = false;
    return CT_OK;
  }
  return ct__cuda_check(r, "ct_cuda_event_query", "querying the event");
}

static ct_status ct_cuda_ext_event_elapsed_time(float *ms, struct ct_cuda_event *start, struct ct_cuda_event *end) {
  const char *fn = "ct_cuda_event_elapsed_time";
  CT_CHECK_ARG((start->flags & CT_CUDA_EVENT_TIMING) && (end->flags & CT_CUDA_EVENT_TIMING),
               CT_ERR_INVALID_ARGUMENT, "%s: both events must be created with CT_CUDA_EVENT_TIMING", fn);
  CT_CHECK_ARG(start->recorded && end->recorded, CT_ERR_INVALID_ARGUMENT,
               "%s: both events must be recorded before measuring the time between them", fn);
  CT_CHECK_ARG(start->device == end->device, CT_ERR_DEVICE,
               "%s: the events were recorded on different devices (cuda:%d and cuda:%d)", fn, (int)start->device,
               (int)end->device);
  cudaError_t e = cudaEventElapsedTime(ms, start->ev, end->ev);
  if (e == cudaErrorNotReady) {
    (void)cudaGetLastError();
    return ct__error(CT_ERR_INVALID_ARGUMENT, "%s: the events have not completed yet (synchronize first)", fn);
  }
  return ct__cuda_check(e, fn, "measuring the time between the events");
}

/* ---- memory --------------------------------------------------------------------------------- */

static ct_status ct_cuda_ext_memory_stats(int64_t *allocated, int64_t *reserved, int64_t *peak, int32_t device) {
  CT_TRY(ct_cuda_resolve(&device, "ct_cuda_memory_stats"));
  return ct__cuda_alloc_stats(allocated, reserved, peak, device);
}

static ct_status ct_cuda_ext_reset_peak_memory_stats(int32_t device) {
  CT_TRY(ct_cuda_resolve(&device, "ct_cuda_reset_peak_memory_stats"));
  return ct__cuda_alloc_reset_peak(device);
}

static ct_status ct_cuda_ext_empty_cache(void) { return ct__cuda_alloc_empty_cache(); }

static ct_status ct_cuda_ext_host_alloc(void **p, size_t nbytes, const char *fn) {
  *p = NULL;
  /* Selecting a device makes sure the runtime works here (not after fork) and has a context. */
  CT_TRY(ct__cuda_use_device(ct_cuda_tls_device, fn));
  /* Portable: pinned for every device's context, not only the current one. */
  void *q = NULL;
  cudaError_t e = cudaHostAlloc(&q, nbytes ? nbytes : 1, cudaHostAllocPortable);
  if (e == cudaErrorMemoryAllocation) {
    (void)cudaGetLastError();
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cannot allocate %zu bytes of pinned host memory", fn, nbytes);
  }
  CT_TRY(ct__cuda_check(e, fn, "allocating pinned host memory"));
  *p = q;
  return CT_OK;
}

static void ct_cuda_ext_host_free(void *p) {
  if (p && cudaFreeHost(p) != cudaSuccess) (void)cudaGetLastError();
}

const struct ct_backend_cuda_i ct__cuda_ext = {
  .device_name = ct_cuda_ext_device_name,
  .device_capability = ct_cuda_ext_device_capability,
  .device_properties = ct_cuda_ext_device_properties,
  .mem_get_info = ct_cuda_ext_mem_get_info,
  .current_device = ct_cuda_ext_current_device,
  .set_device = ct_cuda_ext_set_device,
  .synchronize = ct_cuda_ext_synchronize,
  .stream_create = ct_cuda_ext_stream_create,
  .stream_from_handle = ct_cuda_ext_stream_from_handle,
  .stream_retain = ct_cuda_ext_stream_retain,
  .stream_release = ct_cuda_ext_stream_release,
  .stream_info = ct_cuda_ext_stream_info,
  .current_stream = ct_cuda_ext_current_stream,
  .default_stream = ct_cuda_ext_default_stream,
  .set_stream = ct_cuda_ext_set_stream,
  .stream_synchronize = ct_cuda_ext_stream_synchronize,
  .stream_query = ct_cuda_ext_stream_query,
  .stream_wait_stream = ct_cuda_ext_stream_wait_stream,
  .event_create = ct_cuda_ext_event_create,
  .event_release = ct_cuda_ext_event_release,
  .event_record = ct_cuda_ext_event_record,
  .event_wait = ct_cuda_ext_event_wait,
  .event_synchronize = ct_cuda_ext_event_synchronize,
  .event_query = ct_cuda_ext_event_query,
  .event_elapsed_time = ct_cuda_ext_event_elapsed_time,
  .memory_stats = ct_cuda_ext_memory_stats,
  .reset_peak_memory_stats = ct_cuda_ext_reset_peak_memory_stats,
  .empty_cache = ct_cuda_ext_empty_cache,
  .host_alloc = ct_cuda_ext_host_alloc,
  .host_free = ct_cuda_ext_host_free,
};
