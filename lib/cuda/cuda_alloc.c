/*
 * cuda_alloc.c: the caching allocator for device memory, a small version of
 * PyTorch's CUDACachingAllocator.
 *
 * cudaMalloc and cudaFree are slow and synchronise the device, so freed
 * memory is kept and handed out again. The rules are PyTorch's:
 * - sizes are rounded up to 512 bytes; requests up to 1 MiB ("small") are
 *   carved from 2 MiB segments, larger ones from 20 MiB segments (up to
 *   10 MiB) or from a segment of their own rounded to 2 MiB;
 * - a block is split when the rest is worth keeping (512 bytes in the small
 *   pool, more than 1 MiB in the large one) and merged with its free
 *   neighbours of the same segment when freed;
 * - every segment belongs to the stream it was allocated for: a freed block
 *   is reused at once by later work of that stream (stream order makes that
 *   safe) and never by another stream, unless ct__cuda_record_stream added
 *   that stream: then freeing records an event on each added stream and the
 *   block stays out of the cache until the events have completed.
 * Free blocks sit in arrays sorted by (stream, size, address) per device and
 * pool, so a best fit is one binary search; allocated blocks are found from
 * their address through a hash map. One mutex guards everything.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cuda_internal.h"

/*
 * The ext table's memory functions (cuda_ext.c resolves and checks the
 * device first). Declared here and there until cuda_internal.h has them.
 */
ct_status ct__cuda_alloc_stats(int64_t *allocated, int64_t *reserved, int64_t *peak, int32_t device);
ct_status ct__cuda_alloc_reset_peak(int32_t device);
ct_status ct__cuda_alloc_empty_cache(void);

enum {
  CT_CUDA_MIN_BLOCK = 512,            /* granularity of every block */
  CT_CUDA_SMALL_SIZE = 1 << 20,       /* largest request of the small pool */
  CT_CUDA_SMALL_SEGMENT = 2 << 20,    /* segments of the small pool */
  CT_CUDA_LARGE_SEGMENT = 20 << 20,   /* shared segments for requests below MIN_LARGE_ALLOC */
  CT_CUDA_MIN_LARGE_ALLOC = 10 << 20, /* from here a request gets a segment of its own */
  CT_CUDA_ROUND_LARGE = 2 << 20,      /* rounding of those segments */
};

typedef struct ct_cuda_block {
  char *ptr;
  size_t size;
  int32_t device;
  bool small;                        /* pool: small or large */
  bool allocated;
  int32_t pending;                   /* events still to complete before reuse */
  cudaStream_t stream;               /* the stream the segment was allocated for */
  cudaStream_t *uses;                /* other streams that used the block (record_stream) */
  int32_t nuses, cap_uses;
  struct ct_cuda_block *prev, *next; /* neighbours in the segment */
} ct_cuda_block;

/* Free blocks sorted by (stream, size, ptr). */
typedef struct ct_cuda_pool {
  ct_cuda_block **v;
  size_t n, cap;
} ct_cuda_pool;

typedef struct ct_cuda_dev {
  ct_cuda_pool pools[2]; /* [0] large, [1] small */
  int64_t allocated, reserved, peak;
} ct_cuda_dev;

/* An event recorded on a stream that used a freed block. */
typedef struct ct_cuda_pending {
  cudaEvent_t ev;
  ct_cuda_block *b;
} ct_cuda_pending;

static pthread_once_t ct_cuda_alloc_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t ct_cuda_mu = PTHREAD_MUTEX_INITIALIZER;
static ct_cuda_dev *ct_cuda_devs;
static int32_t ct_cuda_ndev;
/* Allocated blocks by address: open addressing, linear probing, power-of-two size. */
static ct_cuda_block **ct_cuda_map;
static size_t ct_cuda_map_cap, ct_cuda_map_n;
static ct_cuda_pending *ct_cuda_pend;
static size_t ct_cuda_npend, ct_cuda_cap_pend;
/* In a child forked after the cache was set up: the memory is the parent's, nothing here may touch CUDA. */
static bool ct_cuda_forked;

/* ---- fork ----------------------------------------------------------------------------------- */

/* The mutex is held across fork so that the child never inherits it locked by a thread it does not have. */
static void ct_cuda_fork_prepare(void) { pthread_mutex_lock(&ct_cuda_mu); }
static void ct_cuda_fork_parent(void) { pthread_mutex_unlock(&ct_cuda_mu); }
static void ct_cuda_fork_child(void) {
  ct_cuda_forked = true;
  pthread_mutex_unlock(&ct_cuda_mu);
}

static void ct_cuda_alloc_init(void) {
  int32_t n = ct__cuda_device_count();
  if (n > 0) {
    ct_cuda_devs = calloc((size_t)n, sizeof *ct_cuda_devs);
    if (ct_cuda_devs) ct_cuda_ndev = n;
  }
  pthread_atfork(ct_cuda_fork_prepare, ct_cuda_fork_parent, ct_cuda_fork_child);
}

/* ---- the address map ------------------------------------------------------------------------ */

static size_t ct_cuda_hash(const void *p) {
  /* Blocks are 512-byte aligned: drop the zero bits, then spread with Fibonacci hashing. */
  return (size_t)((((uint64_t)(uintptr_t)p >> 9) * UINT64_C(0x9E3779B97F4A7C15)) >> 20);
}

static bool ct_cuda_map_insert(ct_cuda_block *b);

static bool ct_cuda_map_grow(void) {
  size_t old_cap = ct_cuda_map_cap;
  ct_cuda_block **old = ct_cuda_map;
  size_t cap = old_cap ? old_cap * 2 : 256;
  ct_cuda_block **m = calloc(cap, sizeof *m);
  if (!m) return false;
  ct_cuda_map = m;
  ct_cuda_map_cap = cap;
  ct_cuda_map_n = 0;
  for (size_t i = 0; i < old_cap; i++)
    if (old[i]) ct_cuda_map_insert(old[i]);
  free(old);
  return true;
}

static bool ct_cuda_map_insert(ct_cuda_block *b) {
  if (2 * (ct_cuda_map_n + 1) > ct_cuda_map_cap && !ct_cuda_map_grow()) return false;
  size_t mask = ct_cuda_map_cap - 1;
  size_t i = ct_cuda_hash(b->ptr) & mask;
  while (ct_cuda_map[i]) i = (i + 1) & mask;
  ct_cuda_map[i] = b;
  ct_cuda_map_n++;
  return true;
}

/* The slot holding p, or SIZE_MAX. */
static size_t ct_cuda_map_slot(const void *p) {
  if (!ct_cuda_map_cap) return SIZE_MAX;
  size_t mask = ct_cuda_map_cap - 1;
  for (size_t i = ct_cuda_hash(p) & mask; ct_cuda_map[i]; i = (i + 1) & mask)
    if (ct_cuda_map[i]->ptr == p) return i;
  return SIZE_MAX;
}

/* Removes slot i, shifting back later entries of its probe run so that lookups need no tombstones. */
static void ct_cuda_map_erase(size_t i) {
  size_t mask = ct_cuda_map_cap - 1;
  ct_cuda_map[i] = NULL;
  ct_cuda_map_n--;
  for (size_t j = (i + 1) & mask; ct_cuda_map[j]; j = (j + 1) & mask) {
    size_t home = ct_cuda_hash(ct_cuda_map[j]->ptr) & mask;
    /* Move j into the hole when its home is not in the cyclic range (i, j]. */
    bool in_range = i < j ? (home > i && home <= j) : (home > i || home <= j);
    if (!in_range) {
      ct_cuda_map[i] = ct_cuda_map[j];
      ct_cuda_map[j] = NULL;
      i = j;
    }
  }
}

/* ---- the free pools ------------------------------------------------------------------------- */

static int ct_cuda_key_cmp(const ct_cuda_block *b, cudaStream_t stream, size_t size, const char *ptr) {
  uintptr_t bs = (uintptr_t)b->stream, s = (uintptr_t)stream;
  if (bs != s) return bs < s ? -1 : 1;
  if (b->size != size) return b->size < size ? -1 : 1;
  if (b->ptr != ptr) return (uintptr_t)b->ptr < (uintptr_t)ptr ? -1 : 1;
  return 0;
}

/* The first position whose block is not below the key (stream, size, ptr). */
static size_t ct_cuda_pool_lower(const ct_cuda_pool *pool, cudaStream_t stream, size_t size, const char *ptr) {
  size_t lo = 0, hi = pool->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ct_cuda_key_cmp(pool->v[mid], stream, size, ptr) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static bool ct_cuda_pool_insert(ct_cuda_pool *pool, ct_cuda_block *b) {
  if (pool->n == pool->cap) {
    size_t cap = pool->cap ? pool->cap * 2 : 64;
    ct_cuda_block **v = realloc(pool->v, cap * sizeof *v);
    if (!v) return false;
    pool->v = v;
    pool->cap = cap;
  }
  size_t i = ct_cuda_pool_lower(pool, b->stream, b->size, b->ptr);
  memmove(pool->v + i + 1, pool->v + i, (pool->n - i) * sizeof *pool->v);
  pool->v[i] = b;
  pool->n++;
  return true;
}

static void ct_cuda_pool_remove_at(ct_cuda_pool *pool, size_t i) {
  memmove(pool->v + i, pool->v + i + 1, (pool->n - i - 1) * sizeof *pool->v);
  pool->n--;
}

static void ct_cuda_pool_remove(ct_cuda_pool *pool, const ct_cuda_block *b) {
  size_t i = ct_cuda_pool_lower(pool, b->stream, b->size, b->ptr);
  if (i < pool->n && pool->v[i] == b) ct_cuda_pool_remove_at(pool, i);
}

static ct_cuda_pool *ct_cuda_pool_of(const ct_cuda_block *b) {
  return &ct_cuda_devs[b->device].pools[b->small ? 1 : 0];
}

/* A block is in its pool exactly when it is neither allocated nor waiting for events. */
static bool ct_cuda_block_cached(const ct_cuda_block *b) { return b && !b->allocated && b->pending == 0; }

static void ct_cuda_block_destroy(ct_cuda_block *b) {
  free(b->uses);
  free(b);
}

/*
 * Puts a block back in its pool, merged with free neighbours. Should the
 * pool's array fail to grow, the block is only lost to reuse: it stays
 * counted as reserved and its segment is never returned to the driver.
 */
static void ct_cuda_block_cache(ct_cuda_block *b) {
  ct_cuda_pool *pool = ct_cuda_pool_of(b);
  b->nuses = 0;
  ct_cuda_block *p = b->prev;
  if (ct_cuda_block_cached(p)) {
    ct_cuda_pool_remove(pool, p);
    p->size += b->size;
    p->next = b->next;
    if (b->next) b->next->prev = p;
    ct_cuda_block_destroy(b);
    b = p;
  }
  ct_cuda_block *n = b->next;
  if (ct_cuda_block_cached(n)) {
    ct_cuda_pool_remove(pool, n);
    b->size += n->size;
    b->next = n->next;
    if (n->next) n->next->prev = b;
    ct_cuda_block_destroy(n);
  }
  ct_cuda_pool_insert(pool, b);
}

/* ---- events of cross-stream frees ----------------------------------------------------------- */

/* Makes device the runtime's current one, saving the previous in *prev (no error is recorded). */
static void ct_cuda_switch(int32_t device, int *prev) {
  if (cudaGetDevice(prev) != cudaSuccess) {
    (void)cudaGetLastError();
    *prev = -1;
  }
  if (*prev != device && cudaSetDevice(device) != cudaSuccess) (void)cudaGetLastError();
}

static void ct_cuda_switch_back(int32_t device, int prev) {
  if (prev >= 0 && prev != device && cudaSetDevice(prev) != cudaSuccess) (void)cudaGetLastError();
}

/*
 * Records an event on each stream that used b besides its own. When an event
 * cannot be had, that stream is waited for instead, which is slower but as safe.
 */
static void ct_cuda_record_uses(ct_cuda_block *b) {
  int prev;
  ct_cuda_switch(b->device, &prev);
  for (int32_t k = 0; k < b->nuses; k++) {
    cudaEvent_t ev;
    bool queued = false;
    if (ct_cuda_npend == ct_cuda_cap_pend) {
      size_t cap = ct_cuda_cap_pend ? 2 * ct_cuda_cap_pend : 64;
      ct_cuda_pending *v = realloc(ct_cuda_pend, cap * sizeof *v);
      if (v) {
        ct_cuda_pend = v;
        ct_cuda_cap_pend = cap;
      }
    }
    if (ct_cuda_npend < ct_cuda_cap_pend &&
        cudaEventCreateWithFlags(&ev, cudaEventDisableTiming) == cudaSuccess) {
      if (cudaEventRecord(ev, b->uses[k]) == cudaSuccess) {
        ct_cuda_pend[ct_cuda_npend++] = (ct_cuda_pending){ev, b};
        b->pending++;
        queued = true;
      } else {
        cudaEventDestroy(ev);
      }
    }
    if (!queued) {
      (void)cudaGetLastError();
      if (cudaStreamSynchronize(b->uses[k]) != cudaSuccess) (void)cudaGetLastError();
    }
  }
  b->nuses = 0;
  ct_cuda_switch_back(b->device, prev);
}

/* Retires completed events (all of them, waiting, when wait is set); blocks whose last event completed are cached. */
static void ct_cuda_process_events(bool wait) {
  size_t keep = 0;
  for (size_t i = 0; i < ct_cuda_npend; i++) {
    ct_cuda_pending pe = ct_cuda_pend[i];
    cudaError_t e = wait ? cudaEventSynchronize(pe.ev) : cudaEventQuery(pe.ev);
    if (e == cudaErrorNotReady) {
      (void)cudaGetLastError();
      ct_cuda_pend[keep++] = pe;
      continue;
    }
    /* A failed event (a broken context) must not pin the block forever: treat it as done. */
    if (e != cudaSuccess) (void)cudaGetLastError();
    cudaEventDestroy(pe.ev);
    if (--pe.b->pending == 0) ct_cuda_block_cache(pe.b);
  }
  ct_cuda_npend = keep;
}

/* ---- returning memory to the driver --------------------------------------------------------- */

/* cudaFrees every cached whole segment of a device; the first failure is returned. */
static cudaError_t ct_cuda_release_cached(int32_t device) {
  ct_cuda_dev *dev = &ct_cuda_devs[device];
  cudaError_t first = cudaSuccess;
  int prev;
  ct_cuda_switch(device, &prev);
  for (int k = 0; k < 2; k++) {
    ct_cuda_pool *pool = &dev->pools[k];
    for (size_t i = pool->n; i-- > 0;) {
      ct_cuda_block *b = pool->v[i];
      if (b->prev || b->next) continue; /* part of a segment still in use */
      cudaError_t e = cudaFree(b->ptr);
      if (e != cudaSuccess) {
        (void)cudaGetLastError();
        if (first == cudaSuccess) first = e;
        continue;
      }
      dev->reserved -= (int64_t)b->size;
      ct_cuda_pool_remove_at(pool, i);
      ct_cuda_block_destroy(b);
    }
  }
  ct_cuda_switch_back(device, prev);
  return first;
}

/* ---- allocation ----------------------------------------------------------------------------- */

static size_t ct_cuda_round_up(size_t n, size_t to) { return (n + to - 1) / to * to; }

/* The size of a new segment for a rounded request. */
static size_t ct_cuda_segment_size(size_t size) {
  if (size <= CT_CUDA_SMALL_SIZE) return CT_CUDA_SMALL_SEGMENT;
  if (size < CT_CUDA_MIN_LARGE_ALLOC) return CT_CUDA_LARGE_SEGMENT;
  return ct_cuda_round_up(size, CT_CUDA_ROUND_LARGE);
}

/* The best-fitting cached block of stream for size, taken out of its pool, or NULL. */
static ct_cuda_block *ct_cuda_pool_take(ct_cuda_pool *pool, cudaStream_t stream, size_t size) {
  size_t i = ct_cuda_pool_lower(pool, stream, size, NULL);
  if (i == pool->n || pool->v[i]->stream != stream) return NULL;
  ct_cuda_block *b = pool->v[i];
  ct_cuda_pool_remove_at(pool, i);
  return b;
}

static ct_status ct_cuda_oom(const char *fn, size_t nbytes, int32_t device) {
  const ct_cuda_dev *dev = &ct_cuda_devs[device];
  size_t free_b = 0, total_b = 0;
  if (cudaMemGetInfo(&free_b, &total_b) != cudaSuccess) (void)cudaGetLastError();
  return ct__error(CT_ERR_OUT_OF_MEMORY,
                   "%s: CUDA out of memory: tried to allocate %zu bytes on cuda:%d (ctensor has %lld bytes "
                   "allocated and %lld reserved; the device has %zu of %zu bytes free)",
                   fn, nbytes, (int)device, (long long)dev->allocated, (long long)dev->reserved, free_b, total_b);
}

/* A new segment of seg bytes as one free block (not in any pool), emptying the device's cache once if needed. */
static ct_status ct_cuda_new_segment(ct_cuda_block **out, size_t seg, size_t nbytes, int32_t device,
                                     cudaStream_t stream, bool small, const char *fn) {
  void *ptr = NULL;
  cudaError_t e = cudaMalloc(&ptr, seg);
  if (e == cudaErrorMemoryAllocation) {
    (void)cudaGetLastError();
    ct_cuda_process_events(true);
    ct_cuda_release_cached(device);
    e = cudaMalloc(&ptr, seg);
  }
  if (e == cudaErrorMemoryAllocation) {
    (void)cudaGetLastError();
    return ct_cuda_oom(fn, nbytes, device);
  }
  CT_TRY(ct__cuda_check(e, fn, "allocating device memory"));
  ct_cuda_block *b = calloc(1, sizeof *b);
  if (!b) {
    cudaFree(ptr);
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of host memory for the CUDA allocator's records", fn);
  }
  b->ptr = ptr;
  b->size = seg;
  b->device = device;
  b->small = small;
  b->stream = stream;
  ct_cuda_devs[device].reserved += (int64_t)seg;
  *out = b;
  return CT_OK;
}

/* Cuts a block down to size when the rest is worth keeping; the rest goes to the pool. */
static void ct_cuda_split(ct_cuda_block *b, size_t size) {
  size_t rest = b->size - size;
  if (b->small ? rest < CT_CUDA_MIN_BLOCK : rest <= CT_CUDA_SMALL_SIZE) return;
  ct_cuda_block *r = calloc(1, sizeof *r);
  if (!r) return; /* the caller simply gets the whole block */
  *r = (ct_cuda_block){.ptr = b->ptr + size, .size = rest, .device = b->device, .small = b->small,
                       .stream = b->stream, .prev = b, .next = b->next};
  if (b->next) b->next->prev = r;
  b->next = r;
  b->size = size;
  ct_cuda_pool_insert(ct_cuda_pool_of(r), r);
}

ct_status ct__cuda_malloc(void **p, size_t nbytes, int32_t device, cudaStream_t stream, const char *fn) {
  *p = NULL;
  CT_TRY(ct__cuda_use_device(device, fn));
  pthread_once(&ct_cuda_alloc_once, ct_cuda_alloc_init);
  if (device >= ct_cuda_ndev)
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of host memory for the CUDA allocator's records", fn);
  if (nbytes > SIZE_MAX / 2)
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: CUDA out of memory: tried to allocate %zu bytes on cuda:%d", fn,
                     nbytes, (int)device);
  size_t size = ct_cuda_round_up(nbytes, CT_CUDA_MIN_BLOCK);
  bool small = size <= CT_CUDA_SMALL_SIZE;

  pthread_mutex_lock(&ct_cuda_mu);
  ct_cuda_process_events(false);
  ct_cuda_dev *dev = &ct_cuda_devs[device];
  ct_cuda_block *b = ct_cuda_pool_take(&dev->pools[small ? 1 : 0], stream, size);
  ct_status s = CT_OK;
  if (!b) s = ct_cuda_new_segment(&b, ct_cuda_segment_size(size), nbytes, device, stream, small, fn);
  if (s == CT_OK) {
    ct_cuda_split(b, size);
    b->allocated = true;
    if (!ct_cuda_map_insert(b)) {
      b->allocated = false;
      ct_cuda_block_cache(b);
      s = ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of host memory for the CUDA allocator's records", fn);
    }
  }
  if (s == CT_OK) {
    dev->allocated += (int64_t)b->size;
    if (dev->allocated > dev->peak) dev->peak = dev->allocated;
    *p = b->ptr;
  }
  pthread_mutex_unlock(&ct_cuda_mu);
  return s;
}

void ct__cuda_free(void *p) {
  if (!p) return;
  pthread_mutex_lock(&ct_cuda_mu);
  size_t i = ct_cuda_map_slot(p);
  /* After fork the blocks belong to the parent's CUDA context: leave them alone. */
  if (i != SIZE_MAX && !ct_cuda_forked) {
    ct_cuda_block *b = ct_cuda_map[i];
    ct_cuda_map_erase(i);
    b->allocated = false;
    ct_cuda_devs[b->device].allocated -= (int64_t)b->size;
    if (b->nuses > 0) ct_cuda_record_uses(b);
    if (b->pending == 0) ct_cuda_block_cache(b);
  }
  pthread_mutex_unlock(&ct_cuda_mu);
}

ct_status ct__cuda_record_stream(void *p, cudaStream_t stream, const char *fn) {
  ct_status s = CT_OK;
  pthread_mutex_lock(&ct_cuda_mu);
  size_t i = ct_cuda_map_slot(p);
  if (i == SIZE_MAX) {
    s = ct__error(CT_ERR_INVALID_ARGUMENT, "%s: %p is not memory of the CUDA caching allocator", fn, p);
  } else {
    ct_cuda_block *b = ct_cuda_map[i];
    bool known = stream == b->stream;
    for (int32_t k = 0; k < b->nuses && !known; k++) known = b->uses[k] == stream;
    if (!known && b->nuses == b->cap_uses) {
      int32_t cap = b->cap_uses ? 2 * b->cap_uses : 4;
      cudaStream_t *v = realloc(b->uses, (size_t)cap * sizeof *v);
      if (v) {
        b->uses = v;
        b->cap_uses = cap;
      } else {
        s = ct__error(CT_ERR_OUT_OF_MEMORY, "%s: out of host memory for the CUDA allocator's records", fn);
      }
    }
    if (!known && s == CT_OK) b->uses[b->nuses++] = stream;
  }
  pthread_mutex_unlock(&ct_cuda_mu);
  return s;
}

ct_status ct__cuda_backend_alloc(void **ptr, size_t nbytes, int32_t device_index) {
  return ct__cuda_malloc(ptr, nbytes, device_index, ct__cuda_stream(device_index), "alloc");
}

void ct__cuda_backend_free(void *ptr, size_t nbytes, int32_t device_index) {
  (void)nbytes;
  (void)device_index;
  ct__cuda_free(ptr);
}

/* ---- statistics and emptying ---------------------------------------------------------------- */

ct_status ct__cuda_alloc_stats(int64_t *allocated, int64_t *reserved, int64_t *peak, int32_t device) {
  pthread_once(&ct_cuda_alloc_once, ct_cuda_alloc_init);
  int64_t a = 0, r = 0, pk = 0;
  pthread_mutex_lock(&ct_cuda_mu);
  if (device >= 0 && device < ct_cuda_ndev) {
    a = ct_cuda_devs[device].allocated;
    r = ct_cuda_devs[device].reserved;
    pk = ct_cuda_devs[device].peak;
  }
  pthread_mutex_unlock(&ct_cuda_mu);
  if (allocated) *allocated = a;
  if (reserved) *reserved = r;
  if (peak) *peak = pk;
  return CT_OK;
}

ct_status ct__cuda_alloc_reset_peak(int32_t device) {
  pthread_once(&ct_cuda_alloc_once, ct_cuda_alloc_init);
  pthread_mutex_lock(&ct_cuda_mu);
  if (device >= 0 && device < ct_cuda_ndev) ct_cuda_devs[device].peak = ct_cuda_devs[device].allocated;
  pthread_mutex_unlock(&ct_cuda_mu);
  return CT_OK;
}

ct_status ct__cuda_alloc_empty_cache(void) {
  pthread_once(&ct_cuda_alloc_once, ct_cuda_alloc_init);
  cudaError_t first = cudaSuccess;
  pthread_mutex_lock(&ct_cuda_mu);
  if (!ct_cuda_forked) {
    /* Blocks waiting for other streams are waited for, so that they can go back too (PyTorch does the same). */
    ct_cuda_process_events(true);
    for (int32_t d = 0; d < ct_cuda_ndev; d++) {
      cudaError_t e = ct_cuda_release_cached(d);
      if (first == cudaSuccess) first = e;
    }
  }
  pthread_mutex_unlock(&ct_cuda_mu);
  return ct__cuda_check(first, "ct_cuda_empty_cache", "returning cached memory to the driver");
}
