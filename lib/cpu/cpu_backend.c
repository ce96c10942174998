/*
 * cpu_backend.c: the built-in CPU backend: host memory from the library's
 * allocator, and the copy and fill kernels on the strided iterator.
 */
#include <string.h>

#include "cpu_internal.h"

static int32_t ct_cpu_device_count(void) { return 1; }

static ct_status ct_cpu_alloc(void **ptr, size_t nbytes, int32_t device_index) {
  (void)device_index;
  *ptr = ct__malloc(nbytes);
  return *ptr ? CT_OK : CT_ERR_OUT_OF_MEMORY;
}

static void ct_cpu_free(void *ptr, size_t nbytes, int32_t device_index) {
  (void)nbytes;
  (void)device_index;
  ct__free(ptr);
}

/* Byte strides of a tensor, for the iterator. */
static void ct_cpu_byte_strides(int64_t *out, const ct_tensor *t) {
  int64_t itemsize = ct__itemsize(t->dtype);
  for (int32_t d = 0; d < t->ndim; d++) out[d] = ct__byte_stride(t->strides[d], itemsize);
}

/* Runs loop over dst (and src when given) with byte strides kept on the stack or the heap. */
static ct_status ct_cpu_run(ct_tensor *dst, ct_tensor *src, ct__loop_fn loop, void *ctx,
                            const char *fn) {
  enum { STACK_DIMS = 16 };
  int64_t stack[2 * STACK_DIMS];
  int64_t *bs = stack;
  if (dst->ndim > STACK_DIMS)
    CT_TRY(ct__alloc_or_error((void **)&bs, 2 * (size_t)dst->ndim * sizeof(int64_t), fn, "strides"));
  ct_cpu_byte_strides(bs, dst);
  char *data[2] = {ct__data(dst), src ? ct__data(src) : NULL};
  const int64_t *strides[2] = {bs, bs + dst->ndim};
  if (src) ct_cpu_byte_strides(bs + dst->ndim, src);
  ct_status s = ct__iter_run(src ? 2 : 1, data, strides, dst->ndim, dst->shape, loop, ctx, fn);
  if (bs != stack) ct__free(bs);
  return s;
}

static ct_status ct_cpu_copy(ct_tensor *dst, ct_tensor *src) {
  return ct_cpu_run(dst, src, ct__cast_loop(dst->dtype, src->dtype), NULL, "copy");
}

/* Fill loops, one per element size: data[0] is the destination, ctx the element. */
#define CT_CPU_FILL(bytes, type)                                                                  \
  static void ct_cpu_fill_##bytes(char **data, const int64_t *bstrides, int64_t n, void *ctx) {   \
    type v;                                                                                       \
    memcpy(&v, ctx, sizeof v);                                                                    \
    char *p = data[0];                                                                            \
    if (bstrides[0] == (int64_t)sizeof v) {                                                       \
      type *q = (type *)(void *)p;                                                                \
      for (int64_t i = 0; i < n; i++) q[i] = v;                                                   \
    } else {                                                                                      \
      for (int64_t i = 0; i < n; i++) memcpy(p + i * bstrides[0], &v, sizeof v);                  \
    }                                                                                             \
  }
CT_CPU_FILL(1, uint8_t)
CT_CPU_FILL(2, uint16_t)
CT_CPU_FILL(4, uint32_t)
CT_CPU_FILL(8, uint64_t)

typedef struct {
  uint64_t lo, hi;
} ct_cpu_u128;
CT_CPU_FILL(16, ct_cpu_u128)

static ct_status ct_cpu_fill(ct_tensor *dst, const void *value) {
  ct__loop_fn loop;
  switch (ct__itemsize(dst->dtype)) {
    case 1: loop = ct_cpu_fill_1; break;
    case 2: loop = ct_cpu_fill_2; break;
    case 4: loop = ct_cpu_fill_4; break;
    case 8: loop = ct_cpu_fill_8; break;
    default: loop = ct_cpu_fill_16; break;
  }
  return ct_cpu_run(dst, NULL, loop, (void *)value, "fill");
}

const struct ct_backend_i ct_cpu_backend = {
  .api_version = CT__BACKEND_API_VERSION,
  .name = "cpu",
  .device_type = CT_DEVICE_CPU,
  .host_memory = true,
  .device_count = ct_cpu_device_count,
  .alloc = ct_cpu_alloc,
  .free = ct_cpu_free,
  .copy = ct_cpu_copy,
  .fill = ct_cpu_fill,
  .random = ct_cpu_random,
  .elementwise = &ct_cpu_elementwise,
  .index = &ct_cpu_index,
  .reduce = &ct_cpu_reduce,
  .linalg = &ct_cpu_linalg,
  .structure = &ct_cpu_structure,
};
