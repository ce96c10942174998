/*
 * ct_internal.h: what the files of libctensor share and the public headers
 * do not show: the error macros, the allocator, the tensor and storage
 * structs, the strided iterator and the backend interface.
 *
 * Names here are ct__* (shared across files) and never exported: the library
 * is built with -fvisibility=hidden and only CT_API declarations escape.
 */
#ifndef CT_INTERNAL_H
#define CT_INTERNAL_H

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctensor/ctensor.h"

/* ---- errors --------------------------------------------------------------------------------- */

/*
 * Records code and a printf-style message in this thread's error record and
 * returns code, so that a failing path reads `return ct__error(...)`.
 */
ct_status ct__error(ct_status code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Validates at the public boundary: on failure records the error and returns its code. */
#define CT_CHECK_ARG(cond, code, ...)                                                            \
  do {                                                                                           \
    if (!(cond)) return ct__error((code), __VA_ARGS__);                                          \
  } while (0)

/* Validates that a pointer argument of the calling public function is not NULL. */
#define CT_CHECK_NOT_NULL(p)                                                                     \
  CT_CHECK_ARG((p) != NULL, CT_ERR_INVALID_ARGUMENT, "%s: %s is NULL", __func__, #p)

/*
 * For a failure s of a function that fn called (another public function, a
 * backend kernel), puts fn's name in front of the recorded message, so that
 * it names the function the caller called: "ct_sum: ct_copy_: cannot
 * allocate ...". A message that already starts with "fn:" is kept. Returns s.
 */
ct_status ct__error_in(ct_status s, const char *fn);

/* Forwards a failure of an inner call, whose error record is already set. */
#define CT_TRY(expr)                                                                             \
  do {                                                                                           \
    ct_status ct__s = (expr);                                                                    \
    if (ct__s != CT_OK) return ct__s;                                                            \
  } while (0)

/* ---- allocation ----------------------------------------------------------------------------- */

/* Every host allocation of the library goes through these (statistics, failure injection). */
enum { CT__ALIGNMENT = 64 };

/* nbytes of memory aligned to CT__ALIGNMENT, or NULL (no error is recorded: callers name the failure). */
void *ct__malloc(size_t nbytes);
/* As ct__malloc, zero-filled. */
void *ct__calloc(size_t nbytes);
/*
 * nbytes with malloc's own alignment (16 on x86-64), for small headers (tensors,
 * storages, DLPack blocks): much cheaper than an aligned block. Freed by ct__free.
 */
void *ct__malloc_meta(size_t nbytes);
/* Frees memory from ct__malloc/ct__calloc/ct__malloc_meta; NULL does nothing. */
void ct__free(void *p);
/* ct__malloc that records CT_ERR_OUT_OF_MEMORY naming fn and what on failure. */
ct_status ct__alloc_or_error(void **out, size_t nbytes, const char *fn, const char *what);
/* The same for ct__malloc_meta. */
ct_status ct__alloc_meta_or_error(void **out, size_t nbytes, const char *fn, const char *what);

/* ---- dtypes --------------------------------------------------------------------------------- */

typedef struct ct__dtype_info {
  const char *name;  /* "float32" */
  int64_t itemsize;  /* bytes */
  bool is_floating;  /* float16, bfloat16, float32, float64 */
  bool is_complex;
  bool is_signed;
} ct__dtype_info;

extern const ct__dtype_info ct__dtypes[CT_DTYPE_COUNT];

static inline bool ct__dtype_valid(ct_dtype d) { return d >= 0 && d < CT_DTYPE_COUNT; }
static inline int64_t ct__itemsize(ct_dtype d) { return ct__dtypes[d].itemsize; }

/* The default floating dtype (atomic: set from any thread). */
ct_dtype ct__default_dtype(void);

/*
 * Inner loop of the strided iterator for a conversion: data[0] is the
 * destination (dst dtype), data[1] the source (src dtype); bstrides in bytes.
 */
typedef void (*ct__loop_fn)(char **data, const int64_t *bstrides, int64_t n, void *ctx);
/* The conversion loop for a dtype pair (both valid). Same dtype: a plain element copy. */
ct__loop_fn ct__cast_loop(ct_dtype dst, ct_dtype src);

/* float16/bfloat16 bit conversions, round to nearest even, NaN and infinity kept. */
uint16_t ct__f32_to_f16(float f);
float ct__f16_to_f32(uint16_t h);
uint16_t ct__f32_to_bf16(float f);
float ct__bf16_to_f32(uint16_t b);

/* ---- devices and backends ------------------------------------------------------------------ */

struct ct_tensor;
struct ct_storage;
struct ct__dims;

/* What a random kernel draws; see random.h for the counter scheme. */
enum { CT__RNG_UNIFORM = 0, CT__RNG_NORMAL = 1, CT__RNG_INT = 2 };

typedef struct ct__rng_args {
  int32_t kind;   /* CT__RNG_* */
  uint64_t seed;  /* Philox key */
  uint64_t offset; /* counter of element 0 (row-major order of dst) */
  int64_t low;    /* CT__RNG_INT: values are low + (r mod range) */
  uint64_t range; /* CT__RNG_INT: high - low, > 0 */
} ct__rng_args;

/*
 * A backend: a table of kernels for one device type. The core validates,
 * allocates outputs and dispatches; a backend only runs kernels on checked
 * arguments. api_version must equal CT__BACKEND_API_VERSION exactly.
 */
enum { CT__BACKEND_API_VERSION = 2 };

/*
 * Each operator family has its own kernel table, declared in its own
 * internal header (lib/core/ct_<family>.h) and pointed to from the backend,
 * so that families grow without touching each other. A NULL table means the
 * backend does not implement the family.
 */
struct ct_backend_elementwise_i;
struct ct_backend_index_i;
struct ct_backend_reduce_i;
struct ct_backend_linalg_i;
struct ct_backend_structure_i;

struct ct_backend_cuda_i;

/* Directions of ct_backend_i.transfer. */
enum { CT__TRANSFER_TO_HOST = 0, CT__TRANSFER_FROM_HOST = 1, CT__TRANSFER_PEER = 2 };

struct ct_backend_i {
  int32_t api_version;
  const char *name;           /* "cpu", "cuda" */
  ct_device_type device_type;
  bool host_memory;           /* alloc/free are ct__malloc/ct__free: data may share the storage's block */

  int32_t (*device_count)(void);
  /* Allocates nbytes (> 0) on a device; records the error itself on failure. */
  ct_status (*alloc)(void **ptr, size_t nbytes, int32_t device_index);
  void (*free)(void *ptr, size_t nbytes, int32_t device_index);
  /*
   * dst[i] = convert(src[i]) elementwise over dst's shape; src has dst's ndim,
   * its strides already broadcast (0 on expanded dims) and possibly negative
   * (internal reversed views, as flip makes); both on this device.
   * Overlap between dst and src has been removed by the caller.
   */
  ct_status (*copy)(struct ct_tensor *dst, struct ct_tensor *src);
  /* Fills every element of dst with *value, one element of dst's dtype. */
  ct_status (*fill)(struct ct_tensor *dst, const void *value);
  /*
   * Fills dst with random draws, element i of its memory block from counter
   * offset + i; dst is dense (ct__is_dense or row-major), its dtype checked for the kind.
   */
  ct_status (*random)(struct ct_tensor *dst, const ct__rng_args *args);

  const struct ct_backend_elementwise_i *elementwise; /* ct_elementwise.h */
  const struct ct_backend_index_i *index;             /* ct_index.h */
  const struct ct_backend_reduce_i *reduce;           /* ct_reduce.h */
  const struct ct_backend_linalg_i *linalg;           /* ct_linalg.h */
  const struct ct_backend_structure_i *structure;     /* ct_structure.h */

  /*
   * Moves nbytes of contiguous memory between this device and the host, or
   * between two devices of this backend: CT__TRANSFER_TO_HOST (dst is host
   * memory, src on device), CT__TRANSFER_FROM_HOST (dst on device, src host
   * memory), CT__TRANSFER_PEER (dst on dst_device, src on src_device). It is
   * ordered on the current stream of the device side, and the host side may
   * be read or written again when it returns, unless non_blocking is set and
   * the host side is pinned memory. NULL for backends on host memory.
   */
  ct_status (*transfer)(void *dst, int32_t dst_device, const void *src, int32_t src_device, size_t nbytes,
                        int32_t direction, bool non_blocking, const char *fn);
  /* Whether p points into page-locked host memory of this backend (NULL: never). */
  bool (*is_pinned)(const void *p);
  const struct ct_backend_cuda_i *cuda; /* ctensor/cuda.h: the CUDA backend only, else NULL */
};

/*
 * What the CUDA backend adds behind ctensor/cuda.h. libctensor validates the
 * public arguments (NULL pointers, flags) and forwards; these check device
 * numbers and record their own errors. The stream and event types are the
 * module's own.
 */
struct ct_cuda_stream;
struct ct_cuda_event;
struct ct_backend_cuda_i {
  ct_status (*device_name)(char *buf, size_t size, int32_t device);
  ct_status (*device_capability)(int32_t *major, int32_t *minor, int32_t device);
  ct_status (*device_properties)(int64_t *total_memory, int32_t *multiprocessors, int32_t device);
  ct_status (*mem_get_info)(int64_t *free_bytes, int64_t *total_bytes, int32_t device);
  ct_status (*current_device)(int32_t *device);
  ct_status (*set_device)(int32_t device);
  ct_status (*synchronize)(int32_t device);
  ct_status (*stream_create)(struct ct_cuda_stream **out, int32_t device, int32_t priority);
  ct_status (*stream_from_handle)(struct ct_cuda_stream **out, void *handle, int32_t device);
  void (*stream_retain)(struct ct_cuda_stream *s);
  void (*stream_release)(struct ct_cuda_stream *s);
  void (*stream_info)(void **handle, int32_t *device, const struct ct_cuda_stream *s);
  ct_status (*current_stream)(struct ct_cuda_stream **out, int32_t device);
  ct_status (*default_stream)(struct ct_cuda_stream **out, int32_t device);
  ct_status (*set_stream)(struct ct_cuda_stream *s);
  ct_status (*stream_synchronize)(struct ct_cuda_stream *s);
  ct_status (*stream_query)(bool *done, struct ct_cuda_stream *s);
  ct_status (*stream_wait_stream)(struct ct_cuda_stream *s, struct ct_cuda_stream *other);
  ct_status (*event_create)(struct ct_cuda_event **out, uint32_t flags);
  void (*event_release)(struct ct_cuda_event *e);
  ct_status (*event_record)(struct ct_cuda_event *e, struct ct_cuda_stream *s);
  ct_status (*event_wait)(struct ct_cuda_event *e, struct ct_cuda_stream *s);
  ct_status (*event_synchronize)(struct ct_cuda_event *e);
  ct_status (*event_query)(bool *done, struct ct_cuda_event *e);
  ct_status (*event_elapsed_time)(float *ms, struct ct_cuda_event *start, struct ct_cuda_event *end);
  ct_status (*memory_stats)(int64_t *allocated, int64_t *reserved, int64_t *peak, int32_t device);
  ct_status (*reset_peak_memory_stats)(int32_t device);
  ct_status (*empty_cache)(void);
  /* Page-locked host memory (cudaHostAlloc), freed by host_free. */
  ct_status (*host_alloc)(void **p, size_t nbytes, const char *fn);
  void (*host_free)(void *p);
};

/*
 * What libctensor lends a backend module, which cannot see its hidden
 * symbols: the module's own ct__error, ct__tensor_* and friends forward
 * through this table (lib/cuda/cuda_core.c). Its version is the backend API's.
 */
typedef struct ct__core_i {
  int32_t api_version;
  ct_status (*error_v)(ct_status code, const char *fmt, va_list ap);
  ct_status (*tensor_empty)(struct ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                            const struct ct_backend_i *backend, int32_t device_index, const char *fn);
  ct_status (*tensor_empty_like)(struct ct_tensor **out, const struct ct_tensor *t, ct_dtype dtype,
                                 const struct ct_backend_i *b, int32_t index, const char *fn);
  ct_status (*tensor_make)(struct ct_tensor **out, struct ct_storage *storage, ct_dtype dtype, int32_t ndim,
                           const int64_t *shape, const int64_t *strides, int64_t offset, const char *fn);
  bool (*is_dense)(const struct ct_tensor *t);
  bool (*is_contiguous)(const struct ct_tensor *t);
  const char *(*shape_str)(char *buf, size_t size, int32_t ndim, const int64_t *shape);
  bool (*allow_tf32)(void);
  ct_status (*dims_init)(struct ct__dims *d, int32_t ndim, const char *fn);
  void (*dims_free)(struct ct__dims *d);
} ct__core_i;

/* The table libctensor hands to a module's init, and the name and type of that init. */
extern const ct__core_i ct__core;
typedef ct_status (*ct__backend_init_fn)(const struct ct_backend_i **out, const ct__core_i *core);

/* The TF32 setting of ctensor/cuda.h. */
bool ct__allow_tf32(void);

/* ct__error with a va_list. */
ct_status ct__error_v(ct_status code, const char *fmt, va_list ap);

/* The backend for a device type, loading its module on first use. */
ct_status ct__backend_get(const struct ct_backend_i **out, ct_device_type type, const char *fn);
/*
 * Validates and resolves a requested device (CT_DEVICE_NONE and index -1
 * resolved against the given defaults), and returns its backend.
 */
ct_status ct__device_resolve(ct_device_type *type, int32_t *index,
                             const struct ct_backend_i **backend, ct_device_type req_type,
                             int32_t req_index, ct_device_type dflt_type, int32_t dflt_index,
                             const char *fn);

extern const struct ct_backend_i ct_cpu_backend;

/* ---- storage and tensors ------------------------------------------------------------------- */

typedef struct ct_storage {
  atomic_int_fast64_t refcount;
  void *data;
  size_t nbytes;
  ct_device_type device_type;
  int32_t device_index;
  const struct ct_backend_i *backend; /* frees owned memory; NULL for wrapped memory */
  ct_deleter deleter;                 /* wrapped memory: runs once at the end, may be NULL */
  void *deleter_ctx;
  bool read_only;
  bool data_inline;                   /* data lives in this header's block (freed with it) */
} ct_storage;

struct ct_tensor {
  atomic_int_fast64_t refcount;
  ct_storage *storage; /* one reference held */
  ct_dtype dtype;
  int32_t ndim;
  int64_t offset;   /* elements from storage->data to element (0, ..., 0) */
  int64_t numel;
  int64_t *shape;   /* ndim entries, in dims[] */
  int64_t *strides; /* ndim entries, in elements, in dims[] */
  bool wrapped;     /* a wrapped number (ct_scalar_tensor): promotes like a Python scalar */
  int64_t dims[];   /* shape then strides */
};

/* Releases one storage reference (running the deleter or backend free at zero). */
void ct__storage_release(ct_storage *s);

/*
 * Checks a shape from the public boundary: ndim >= 0, shape non-NULL when
 * ndim > 0, sizes >= 0, numel * itemsize without overflow of int64 or size_t.
 * Writes the element count. Errors name fn.
 */
ct_status ct__check_shape(int64_t *numel, int32_t ndim, const int64_t *shape, int64_t itemsize,
                          const char *fn);

/*
 * A tensor header over storage (taking a new reference to it). strides NULL
 * means row-major. No validation: callers have checked everything.
 */
ct_status ct__tensor_make(struct ct_tensor **out, ct_storage *storage, ct_dtype dtype, int32_t ndim,
                          const int64_t *shape, const int64_t *strides, int64_t offset,
                          const char *fn);

/* A new contiguous tensor with fresh storage on a resolved device (checked shape). */
ct_status ct__tensor_empty(struct ct_tensor **out, int32_t ndim, const int64_t *shape, ct_dtype dtype,
                           const struct ct_backend_i *backend, int32_t device_index, const char *fn);

/*
 * True when t's elements cover a block of memory exactly once in some order
 * of dimensions (PyTorch's "non-overlapping and dense"), so that a copy may
 * keep its strides.
 */
bool ct__is_dense(const struct ct_tensor *t);

/*
 * A new uninitialised tensor shaped like t with PyTorch's preserve_format:
 * t's strides when t is dense, row-major otherwise.
 */
ct_status ct__tensor_empty_like(struct ct_tensor **out, const struct ct_tensor *t, ct_dtype dtype,
                                const struct ct_backend_i *b, int32_t index, const char *fn);

/* A storage header over caller memory (one reference, for the caller to hand on or drop). */
ct_status ct__storage_wrap(ct_storage **out, void *data, size_t nbytes, ct_device_type type,
                           int32_t index, ct_deleter deleter, void *ctx, bool read_only,
                           const char *fn);

/*
 * A stride in bytes for kernels. It overflows only for a dim that is never
 * stepped (size 1, or an empty tensor: views such as as_strided's or a slice
 * with a huge step may keep any stride there), so then 0.
 */
static inline int64_t ct__byte_stride(int64_t stride, int64_t itemsize) {
  int64_t r;
  return __builtin_mul_overflow(stride, itemsize, &r) ? 0 : r;
}

/* Pointer to element (0, ..., 0) (on the tensor's device). */
static inline char *ct__data(const struct ct_tensor *t) {
  /* An empty storage may have no memory at all (NULL data): then NULL, without arithmetic on it. */
  char *base = t->storage->data;
  return base ? base + t->offset * ct__itemsize(t->dtype) : NULL;
}

/*
 * Writes "[2, 3]" (abbreviated with "..." past a few dozen dims) into buf for
 * error messages; returns buf.
 */
const char *ct__shape_str(char *buf, size_t size, int32_t ndim, const int64_t *shape);
enum { CT__SHAPE_STR_MAX = 256 };

/*
 * PyTorch's refusal of a scalar that dtype cannot hold (c10's overflow rule;
 * see ct_full in creation.h), naming fn. value_dtype must be valid.
 */
ct_status ct__check_fill_value(const void *value, ct_dtype value_dtype, ct_dtype dtype, const char *fn);

/* Validates a dtype argument of fn (CT_ERR_DTYPE naming arg and value). */
ct_status ct__check_dtype(ct_dtype dtype, const char *fn, const char *arg);

/*
 * Bytes from a storage base to the end of the last element of a strided view
 * (0 when it has no element); strides >= 0. False when that overflows.
 */
bool ct__strided_extent(int64_t *nbytes, int32_t ndim, const int64_t *shape, const int64_t *strides,
                        int64_t offset, int64_t itemsize);

/* Row-major contiguity by PyTorch's rule (size-1 dims ignored). */
bool ct__is_contiguous(const struct ct_tensor *t);

/* Records CT_ERR_READ_ONLY naming fn and arg when t is read-only. */
ct_status ct__check_writable(const struct ct_tensor *t, const char *fn, const char *arg);

/* ---- type promotion and broadcasting ------------------------------------------------------- */

/* torch.promote_types for two valid dtypes. */
ct_dtype ct__promote_types(ct_dtype a, ct_dtype b);
/* torch.can_cast for two valid dtypes. */
bool ct__can_cast(ct_dtype from, ct_dtype to);
/* torch.result_type over n (>= 1) valid tensors, honouring 0-d tensors and wrapped numbers. */
ct_dtype ct__result_type(int32_t n, struct ct_tensor *const *ts);
/* The complex dtype of a floating one's precision (float64 -> complex128, others -> complex64). */
ct_dtype ct__to_complex(ct_dtype d);
/* The real dtype of a complex one's precision (complex128 -> float64); other dtypes unchanged. */
ct_dtype ct__to_real(ct_dtype d);

/*
 * Dimensions of a shape computed on the fly: inline room for the common case,
 * the heap past it. ct__dims_init reserves ndim entries; ct__dims_free after.
 */
enum { CT__DIMS_INLINE = 16 };
typedef struct ct__dims {
  int32_t ndim;
  int64_t *v;
  int64_t inline_v[CT__DIMS_INLINE];
} ct__dims;
ct_status ct__dims_init(ct__dims *d, int32_t ndim, const char *fn);
void ct__dims_free(ct__dims *d);

/*
 * The broadcast shape of n tensors (NumPy's rules: align on the right, sizes
 * equal or 1). Errors name fn and the shapes: "ct_add: shapes [3, 4] and [5]
 * cannot be broadcast". out is initialised by this call (free it with
 * ct__dims_free, also after an error).
 */
ct_status ct__broadcast_shapes(ct__dims *out, int32_t n, struct ct_tensor *const *ts, const char *fn);

/* Strides (in elements) of t seen through a broadcast shape of ndim >= t->ndim dims: 0 where expanded. */
void ct__broadcast_strides(int64_t *strides, const struct ct_tensor *t, int32_t ndim, const int64_t *shape);

/* Wraps a possibly negative dim into [0, ndim), with CT_ERR_INDEX naming fn otherwise. */
ct_status ct__wrap_dim(int32_t *out, int64_t dim, int32_t ndim, const char *fn);

/* ---- threads -------------------------------------------------------------------------------- */

/* The thread count set by ct_set_num_threads (>= 1). */
int32_t ct__num_threads(void);

/*
 * Calls fn(begin, end, ctx) over [0, n) split in contiguous ranges on up to
 * ct__num_threads() threads; with n <= grain, or one thread, a single call on
 * this thread. The ranges depend on the thread count: callers whose result
 * depends on the split (reductions) must split by a fixed block size first.
 */
void ct__parallel_for(int64_t n, int64_t grain, void (*fn)(int64_t begin, int64_t end, void *ctx),
                      void *ctx);

/* ---- strided iteration --------------------------------------------------------------------- */

/*
 * Dimension columns of a strided walk: cols[c][d] is column c's value for
 * dim d (sizes and per-operand strides). Sorts dims [0, n) by |cols[key]|,
 * largest first (stable), moving all ncols columns together.
 */
static inline void ct__sort_dims(int32_t n, int32_t ncols, int64_t **cols, int32_t key) {
  for (int32_t i = 1; i < n; i++)
    for (int32_t j = i; j > 0; j--) {
      int64_t a = cols[key][j - 1], b = cols[key][j];
      if ((a < 0 ? -a : a) >= (b < 0 ? -b : b)) break;
      for (int32_t c = 0; c < ncols; c++) {
        int64_t t = cols[c][j];
        cols[c][j] = cols[c][j - 1];
        cols[c][j - 1] = t;
      }
    }
}

/*
 * Merges neighbouring dims (outer i-1, inner i) of sorted columns where every
 * stride column st[0..nst) lets them be one dim; returns the dims left.
 */
static inline int32_t ct__merge_dims(int32_t n, int32_t nst, int64_t *size, int64_t **st) {
  int32_t out = 0;
  for (int32_t i = 0; i < n; i++) {
    if (out > 0) {
      bool merge = true;
      for (int32_t c = 0; c < nst && merge; c++) merge = st[c][out - 1] == st[c][i] * size[i];
      if (merge) {
        size[out - 1] *= size[i];
        for (int32_t c = 0; c < nst; c++) st[c][out - 1] = st[c][i];
        continue;
      }
    }
    size[out] = size[i];
    for (int32_t c = 0; c < nst; c++) st[c][out] = st[c][i];
    out++;
  }
  return out;
}

enum { CT__ITER_MAX_OPERANDS = 4 };

/*
 * A strided walk over shape (ndim dims) for nops operands: data[k] points at
 * operand k's element (0, ..., 0), strides[k] holds its ndim strides in
 * BYTES. Dimensions are reordered innermost-first, size-1 dims dropped and
 * neighbours merged where every operand allows, so a contiguous tensor of
 * any shape is one run. loop receives the operands' pointers and their byte
 * strides along a run of n elements.
 */
typedef struct ct__iter {
  int32_t nops, nd; /* operands; dims after coalescing (0: a single element) */
  int64_t numel;
  char *data[CT__ITER_MAX_OPERANDS];
  int64_t *size;    /* nd sizes, innermost first */
  int64_t *st;      /* nd * nops byte strides: st[k * nops + op] */
  int64_t size_inline[CT__DIMS_INLINE];
  int64_t st_inline[CT__DIMS_INLINE * CT__ITER_MAX_OPERANDS];
} ct__iter;

ct_status ct__iter_init(ct__iter *it, int32_t nops, char *const *data, const int64_t *const *strides,
                        int32_t ndim, const int64_t *shape, const char *fn);
/* Visits the elements [begin, end) of the walk's order (any split of [0, numel) covers each once). */
void ct__iter_range(const ct__iter *it, int64_t begin, int64_t end, ct__loop_fn loop, void *ctx);
void ct__iter_free(ct__iter *it);
/* init, the whole range, free. */
ct_status ct__iter_run(int32_t nops, char *const *data, const int64_t *const *strides, int32_t ndim,
                       const int64_t *shape, ct__loop_fn loop, void *ctx, const char *fn);

#endif /* CT_INTERNAL_H */
