/*
 * ctensor/random.h: random number generators and random factories.
 *
 * Generators are counter-based Philox4x32-10: a 64-bit seed (the key) and a
 * 64-bit offset (the counter). A call that draws n elements takes the counter
 * values offset .. offset + n - 1, element i from counter offset + i, and
 * advances the offset by n. So a seed gives the same numbers on every run,
 * whatever the number of threads, and on every device for uniform and
 * integer draws.
 *
 * A ct_generator is an opaque, reference-counted handle. Functions that take
 * a generator accept NULL for the process-wide default generator (seed
 * 67280421310721 at start, as PyTorch's CPU default). Drawing from one
 * generator in several threads at once is safe: each call reserves its own
 * counter range atomically, though which thread gets which range is then up
 * to the scheduler.
 */
#ifndef CTENSOR_RANDOM_H
#define CTENSOR_RANDOM_H

#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/device.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque generator handle. */
typedef struct ct_generator ct_generator;

/** A new generator with the given seed and offset 0. Errors: CT_ERR_INVALID_ARGUMENT, CT_ERR_OUT_OF_MEMORY. */
CT_API ct_status ct_generator_create(ct_generator **out, uint64_t seed);

/** A new reference to the default generator. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_default_generator(ct_generator **out);

/** Adds a reference. Errors: CT_ERR_INVALID_ARGUMENT (g NULL). */
CT_API ct_status ct_generator_retain(ct_generator *g);

/** Drops a reference; the last frees the generator (never the default one). NULL does nothing. */
CT_API void ct_generator_release(ct_generator *g);

/** Sets the seed and resets the offset to 0, as Generator.manual_seed. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_generator_manual_seed(ct_generator *g, uint64_t seed);

/** The seed last set, as Generator.initial_seed. Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_generator_initial_seed(uint64_t *seed, ct_generator *g);

/** The current counter offset (the state, with the seed). Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_generator_get_offset(uint64_t *offset, ct_generator *g);

/** Restores a counter offset saved with ct_generator_get_offset(). Errors: CT_ERR_INVALID_ARGUMENT. */
CT_API ct_status ct_generator_set_offset(ct_generator *g, uint64_t offset);

/** Seeds the default generator, as torch.manual_seed. Never fails. */
CT_API ct_status ct_manual_seed(uint64_t seed);

/**
 * Uniform values in [0, 1), as torch.rand; complex dtypes get independent
 * uniform real and imaginary parts. g may be NULL (default generator).
 * Errors as the factories of creation.h, plus CT_ERR_DTYPE (bool or integer dtype).
 */
CT_API ct_status ct_rand(ct_tensor **out, ct_generator *g, int32_t ndim, const int64_t *shape,
                         ct_dtype dtype, ct_device_type device_type, int32_t device_index);

/**
 * Standard normal values, as torch.randn (Box-Muller); complex dtypes get
 * real and imaginary parts of variance 1/2 each, as PyTorch.
 * Errors as ct_rand().
 */
CT_API ct_status ct_randn(ct_tensor **out, ct_generator *g, int32_t ndim, const int64_t *shape,
                          ct_dtype dtype, ct_device_type device_type, int32_t device_index);

/**
 * Integers uniform in [low, high), as torch.randint; dtype CT_DTYPE_NONE is
 * int64. Floating dtypes get integral values.
 * Extra errors: CT_ERR_INVALID_ARGUMENT (low >= high, or a bound the dtype
 * cannot hold), CT_ERR_DTYPE (complex dtype).
 */
CT_API ct_status ct_randint(ct_tensor **out, ct_generator *g, int64_t low, int64_t high,
                            int32_t ndim, const int64_t *shape, ct_dtype dtype,
                            ct_device_type device_type, int32_t device_index);

/** torch.rand_like: x's shape, dtype and device unless overridden. */
CT_API ct_status ct_rand_like(ct_tensor **out, ct_tensor *x, ct_generator *g, ct_dtype dtype,
                              ct_device_type device_type, int32_t device_index);

/** torch.randn_like, as randn_like(x, dtype=torch.float). */
CT_API ct_status ct_randn_like(ct_tensor **out, ct_tensor *x, ct_generator *g, ct_dtype dtype,
                               ct_device_type device_type, int32_t device_index);

/** torch.randint_like. */
CT_API ct_status ct_randint_like(ct_tensor **out, ct_tensor *x, ct_generator *g, int64_t low,
                                 int64_t high, ct_dtype dtype, ct_device_type device_type,
                                 int32_t device_index);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_RANDOM_H */
