/*
 * ct_random.c: generators and the random factories of random.h.
 *
 * A generator is a seed and an offset, both atomic. A draw of n elements
 * reserves the counter range [offset, offset + n) with one atomic_fetch_add,
 * so concurrent draws from one generator get disjoint ranges without a lock,
 * then hands (seed, first counter) to the backend's random kernel, which
 * computes every element from its own counter alone (ct_philox.h).
 *
 * The front ends validate and resolve everything (dtype for the kind of
 * draw, bounds, device, shape) before anything is allocated or reserved, and
 * the offset is only advanced once the output exists, so a call refused for
 * its arguments or for memory leaves the generator as it was (a kernel that
 * fails after that has used up its range). A draw of zero elements advances
 * the offset by zero, as PyTorch's CPU generator does not move for an empty
 * tensor.
 *
 * Seed and offset are separate atomics: reseeding a generator while another
 * thread draws from it may pair the old seed with the new offset. That is
 * the caller's race, like writing a tensor that another thread reads.
 */
#include <stdatomic.h>

#include "ct_internal.h"

struct ct_generator {
  atomic_int_fast64_t refcount;
  _Atomic(uint64_t) seed;
  _Atomic(uint64_t) offset;
  bool is_default; /* the static default generator: never freed, refcount unused */
};

/* PyTorch's default CPU seed (c10::detail::default_rng_seed_val). */
#define CT__DEFAULT_SEED UINT64_C(67280421310721)

static struct ct_generator ct__default_gen = {
  .refcount = 1,
  .seed = CT__DEFAULT_SEED,
  .offset = 0,
  .is_default = true,
};

/* ---- generator objects --------------------------------------------------------------------- */

ct_status ct_generator_create(ct_generator **out, uint64_t seed) {
  CT_CHECK_ARG(out != NULL, CT_ERR_INVALID_ARGUMENT, "ct_generator_create: out is NULL");
  *out = NULL;
  void *mem = NULL;
  CT_TRY(ct__alloc_or_error(&mem, sizeof(struct ct_generator), "ct_generator_create",
                            "the generator"));
  struct ct_generator *g = mem;
  atomic_init(&g->refcount, 1);
  atomic_init(&g->seed, seed);
  atomic_init(&g->offset, 0);
  g->is_default = false;
  *out = g;
  return CT_OK;
}

ct_status ct_default_generator(ct_generator **out) {
  CT_CHECK_ARG(out != NULL, CT_ERR_INVALID_ARGUMENT, "ct_default_generator: out is NULL");
  *out = &ct__default_gen;
  return CT_OK;
}

ct_status ct_generator_retain(ct_generator *g) {
  CT_CHECK_ARG(g != NULL, CT_ERR_INVALID_ARGUMENT, "ct_generator_retain: g is NULL");
  if (!g->is_default) atomic_fetch_add(&g->refcount, 1);
  return CT_OK;
}

void ct_generator_release(ct_generator *g) {
  if (g == NULL || g->is_default) return;
  if (atomic_fetch_sub(&g->refcount, 1) == 1) ct__free(g);
}

/*
 * The generator-object functions below need a real handle (NULL is an
 * invalid argument, as their documented error says); only the drawing
 * functions read NULL as the default generator. ct_default_generator()
 * gives a handle to the default one.
 */
ct_status ct_generator_manual_seed(ct_generator *g, uint64_t seed) {
  CT_CHECK_ARG(g != NULL, CT_ERR_INVALID_ARGUMENT, "ct_generator_manual_seed: g is NULL");
  atomic_store(&g->seed, seed);
  atomic_store(&g->offset, 0);
  return CT_OK;
}

ct_status ct_generator_initial_seed(uint64_t *seed, ct_generator *g) {
  CT_CHECK_ARG(seed != NULL, CT_ERR_INVALID_ARGUMENT, "ct_generator_initial_seed: seed is NULL");
  *seed = 0;
  CT_CHECK_ARG(g != NULL, CT_ERR_INVALID_ARGUMENT, "ct_generator_initial_seed: g is NULL");
  *seed = atomic_load(&g->seed);
  return CT_OK;
}

ct_status ct_generator_get_offset(uint64_t *offset, ct_generator *g) {
  CT_CHECK_ARG(offset != NULL, CT_ERR_INVALID_ARGUMENT, "ct_generator_get_offset: offset is NULL");
  *offset = 0;
  CT_CHECK_ARG(g != NULL, CT_ERR_INVALID_ARGUMENT, "ct_generator_get_offset: g is NULL");
  *offset = atomic_load(&g->offset);
  return CT_OK;
}

ct_status ct_generator_set_offset(ct_generator *g, uint64_t offset) {
  CT_CHECK_ARG(g != NULL, CT_ERR_INVALID_ARGUMENT, "ct_generator_set_offset: g is NULL");
  atomic_store(&g->offset, offset);
  return CT_OK;
}

ct_status ct_manual_seed(uint64_t seed) {
  atomic_store(&ct__default_gen.seed, seed);
  atomic_store(&ct__default_gen.offset, 0);
  return CT_OK;
}

/* ---- drawing ------------------------------------------------------------------------------- */

/* What a front end has resolved: the request for the common path below. */
typedef struct ct__draw {
  const char *fn;
  ct_generator *g; /* NULL: the default generator */
  int32_t ndim;
  const int64_t *shape;
  const struct ct_tensor *like; /* *_like: the input, whose layout the result keeps */
  ct_dtype dtype;           /* resolved and checked for the kind */
  ct_device_type req_type;  /* as passed */
  int32_t req_index;
  ct_device_type dflt_type; /* CPU for factories, the input's device for *_like */
  int32_t dflt_index;
  int32_t kind;             /* CT__RNG_* */
  int64_t low, high;        /* CT__RNG_INT: the bounds as passed */
} ct__draw;

/* Resolves the device, checks the shape, allocates, reserves the counters and runs the kernel. */
static ct_status ct__draw_run(struct ct_tensor **out, ct__draw *d) {
  ct_device_type type;
  int32_t index;
  const struct ct_backend_i *backend;
  CT_TRY(ct__device_resolve(&type, &index, &backend, d->req_type, d->req_index, d->dflt_type,
                            d->dflt_index, d->fn));
  int64_t numel;
  CT_TRY(ct__check_shape(&numel, d->ndim, d->shape, ct__itemsize(d->dtype), d->fn));
  CT_CHECK_ARG(backend->random != NULL, CT_ERR_NOT_IMPLEMENTED,
               "%s: random draws are not implemented by the %s backend", d->fn, backend->name);

  struct ct_tensor *t = NULL;
  if (d->like)
    CT_TRY(ct__tensor_empty_like(&t, d->like, d->dtype, backend, index, d->fn));
  else
    CT_TRY(ct__tensor_empty(&t, d->ndim, d->shape, d->dtype, backend, index, d->fn));

  ct_generator *g = d->g != NULL ? d->g : &ct__default_gen;
  ct__rng_args args = {.kind = d->kind};
  if (d->kind == CT__RNG_INT) {
    /* high - low may exceed INT64_MAX, so the range is taken in uint64; it is > 0 (checked). */
    args.low = d->low;
    args.range = (uint64_t)d->high - (uint64_t)d->low;
  }
  args.seed = atomic_load(&g->seed);
  args.offset = atomic_fetch_add(&g->offset, (uint64_t)numel);
  if (numel > 0) {
    ct_status s = backend->random(t, &args);
    if (s != CT_OK) {
      ct_tensor_release(t);
      return s;
    }
  }
  *out = t;
  return CT_OK;
}

/* rand and randn: floating or complex dtypes. */
static ct_status ct__check_real_draw_dtype(ct_dtype dtype, const char *fn) {
  CT_CHECK_ARG(ct__dtype_valid(dtype), CT_ERR_DTYPE, "%s: dtype = %d is not a valid dtype", fn,
               (int)dtype);
  CT_CHECK_ARG(ct__dtypes[dtype].is_floating || ct__dtypes[dtype].is_complex, CT_ERR_DTYPE,
               "%s: dtype %s is not a floating or complex dtype", fn, ct__dtypes[dtype].name);
  return CT_OK;
}

/*
 * randint: any real dtype, with both low and high - 1 representable, as
 * PyTorch's check_from_to_in_range: integers by their range, floating types
 * up to 2^digits (beyond which not every integer exists), bool in [0, 1].
 */
static ct_status ct__check_randint(ct_dtype dtype, int64_t low, int64_t high, const char *fn) {
  CT_CHECK_ARG(ct__dtype_valid(dtype), CT_ERR_DTYPE, "%s: dtype = %d is not a valid dtype", fn,
               (int)dtype);
  CT_CHECK_ARG(!ct__dtypes[dtype].is_complex, CT_ERR_DTYPE,
               "%s: dtype %s is not supported (randint draws real values)", fn,
               ct__dtypes[dtype].name);
  CT_CHECK_ARG(low < high, CT_ERR_INVALID_ARGUMENT, "%s: low = %lld must be < high = %lld", fn,
               (long long)low, (long long)high);

  int64_t min, max;
  switch (dtype) {
    case CT_BOOL: min = 0; max = 1; break;
    case CT_UINT8: min = 0; max = UINT8_MAX; break;
    case CT_INT8: min = INT8_MIN; max = INT8_MAX; break;
    case CT_INT16: min = INT16_MIN; max = INT16_MAX; break;
    case CT_INT32: min = INT32_MIN; max = INT32_MAX; break;
    case CT_FLOAT16: min = -(INT64_C(1) << 11); max = INT64_C(1) << 11; break;
    case CT_BFLOAT16: min = -(INT64_C(1) << 8); max = INT64_C(1) << 8; break;
    case CT_FLOAT32: min = -(INT64_C(1) << 24); max = INT64_C(1) << 24; break;
    case CT_FLOAT64: min = -(INT64_C(1) << 53); max = INT64_C(1) << 53; break;
    default: min = INT64_MIN; max = INT64_MAX; break;
  }
  const char *name = ct__dtypes[dtype].name;
  CT_CHECK_ARG(low >= min && low <= max, CT_ERR_INVALID_ARGUMENT,
               "%s: low = %lld is out of bounds for %s [%lld, %lld]", fn, (long long)low, name,
               (long long)min, (long long)max);
  CT_CHECK_ARG(high - 1 >= min && high - 1 <= max, CT_ERR_INVALID_ARGUMENT,
               "%s: high - 1 = %lld is out of bounds for %s [%lld, %lld]", fn,
               (long long)(high - 1), name, (long long)min, (long long)max);
  return CT_OK;
}

/* The common front end: out, then the dtype (default resolved), then the rest in ct__draw_run. */
static ct_status ct__draw_factory(struct ct_tensor **out, ct__draw *d, ct_dtype dflt_dtype) {
  CT_CHECK_ARG(out != NULL, CT_ERR_INVALID_ARGUMENT, "%s: out is NULL", d->fn);
  *out = NULL;
  if (d->dtype == CT_DTYPE_NONE) d->dtype = dflt_dtype;
  if (d->kind == CT__RNG_INT) {
    CT_TRY(ct__check_randint(d->dtype, d->low, d->high, d->fn));
  } else {
    CT_TRY(ct__check_real_draw_dtype(d->dtype, d->fn));
  }
  return ct__draw_run(out, d);
}

static ct_status ct__rand_common(ct_tensor **out, ct_generator *g, int32_t ndim,
                                 const int64_t *shape, ct_dtype dtype, ct_device_type device_type,
                                 int32_t device_index, int32_t kind, const char *fn) {
  ct__draw d = {
    .fn = fn, .g = g, .ndim = ndim, .shape = shape, .dtype = dtype,
    .req_type = device_type, .req_index = device_index,
    .dflt_type = CT_DEVICE_CPU, .dflt_index = 0,
    .kind = kind,
  };
  return ct__draw_factory(out, &d, ct__default_dtype());
}

ct_status ct_rand(ct_tensor **out, ct_generator *g, int32_t ndim, const int64_t *shape,
                  ct_dtype dtype, ct_device_type device_type, int32_t device_index) {
  return ct__rand_common(out, g, ndim, shape, dtype, device_type, device_index, CT__RNG_UNIFORM,
                         "ct_rand");
}

ct_status ct_randn(ct_tensor **out, ct_generator *g, int32_t ndim, const int64_t *shape,
                   ct_dtype dtype, ct_device_type device_type, int32_t device_index) {
  return ct__rand_common(out, g, ndim, shape, dtype, device_type, device_index, CT__RNG_NORMAL,
                         "ct_randn");
}

ct_status ct_randint(ct_tensor **out, ct_generator *g, int64_t low, int64_t high, int32_t ndim,
                     const int64_t *shape, ct_dtype dtype, ct_device_type device_type,
                     int32_t device_index) {
  ct__draw d = {
    .fn = "ct_randint", .g = g, .ndim = ndim, .shape = shape, .dtype = dtype,
    .req_type = device_type, .req_index = device_index,
    .dflt_type = CT_DEVICE_CPU, .dflt_index = 0,
    .kind = CT__RNG_INT, .low = low, .high = high,
  };
  return ct__draw_factory(out, &d, CT_INT64);
}

/* The *_like forms: x's shape, and x's dtype and device unless overridden. */
static ct_status ct__like_common(ct_tensor **out, ct_tensor *x, ct_generator *g, ct_dtype dtype,
                                 ct_device_type device_type, int32_t device_index, int32_t kind,
                                 int64_t low, int64_t high, const char *fn) {
  CT_CHECK_ARG(out != NULL, CT_ERR_INVALID_ARGUMENT, "%s: out is NULL", fn);
  *out = NULL;
  CT_CHECK_ARG(x != NULL, CT_ERR_INVALID_ARGUMENT, "%s: x is NULL", fn);
  ct__draw d = {
    .fn = fn, .g = g, .ndim = x->ndim, .shape = x->shape, .like = x, .dtype = dtype,
    .req_type = device_type, .req_index = device_index,
    .dflt_type = x->storage->device_type, .dflt_index = x->storage->device_index,
    .kind = kind, .low = low, .high = high,
  };
  return ct__draw_factory(out, &d, x->dtype);
}

ct_status ct_rand_like(ct_tensor **out, ct_tensor *x, ct_generator *g, ct_dtype dtype,
                       ct_device_type device_type, int32_t device_index) {
  return ct__like_common(out, x, g, dtype, device_type, device_index, CT__RNG_UNIFORM, 0, 1,
                         "ct_rand_like");
}

ct_status ct_randn_like(ct_tensor **out, ct_tensor *x, ct_generator *g, ct_dtype dtype,
                        ct_device_type device_type, int32_t device_index) {
  return ct__like_common(out, x, g, dtype, device_type, device_index, CT__RNG_NORMAL, 0, 1,
                         "ct_randn_like");
}

ct_status ct_randint_like(ct_tensor **out, ct_tensor *x, ct_generator *g, int64_t low,
                          int64_t high, ct_dtype dtype, ct_device_type device_type,
                          int32_t device_index) {
  return ct__like_common(out, x, g, dtype, device_type, device_index, CT__RNG_INT, low, high,
                         "ct_randint_like");
}
