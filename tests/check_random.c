/*
 * check_random.c: tests of include/ctensor/random.h: the Philox block
 * against Random123's known answers, the counter scheme, generators and
 * their lifetimes, the value ranges and distributions of ct_rand, ct_randn
 * and ct_randint, every error path, and drawing from several threads.
 *
 * ct_philox.h is an internal header, but header-only and free of library
 * state, so the test includes it directly to check the block function and
 * to compute the expected value of every element from the documented scheme.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>

#include "ct_test.h"
#include "../lib/core/ct_philox.h"

/* Float16 and bfloat16 bits of a float known to be exactly representable. */
static uint16_t exact_f16_bits(float f) {
  uint16_t h;
  CT_OK_(ct_dtype_convert(&h, CT_FLOAT16, &f, CT_FLOAT32, 1));
  return h;
}

static float f16_value(uint16_t h) {
  float f;
  CT_OK_(ct_dtype_convert(&f, CT_FLOAT32, &h, CT_FLOAT16, 1));
  return f;
}

static float bf16_value(uint16_t b) {
  float f;
  CT_OK_(ct_dtype_convert(&f, CT_FLOAT32, &b, CT_BFLOAT16, 1));
  return f;
}

/* A new generator of seed (its offset 0). */
static ct_generator *new_generator(uint64_t seed) {
  ct_generator *g = NULL;
  CT_OK_(ct_generator_create(&g, seed));
  ck_assert_ptr_nonnull(g);
  return g;
}

static uint64_t offset_of(ct_generator *g) {
  uint64_t off = UINT64_MAX;
  CT_OK_(ct_generator_get_offset(&off, g));
  return off;
}

/* Whether two tensors hold the same bytes (same dtype and element count assumed). */
static bool same_bytes(ct_tensor *a, ct_tensor *b) {
  int64_t na = 0, nb = 0;
  CT_OK_(ct_tensor_nbytes(&na, a));
  CT_OK_(ct_tensor_nbytes(&nb, b));
  return na == nb && memcmp(data_of(a), data_of(b), (size_t)na) == 0;
}

static const ct_dtype float_dtypes[] = {CT_FLOAT16, CT_BFLOAT16, CT_FLOAT32, CT_FLOAT64,
                                        CT_COMPLEX64, CT_COMPLEX128};
enum { N_FLOAT_DTYPES = sizeof float_dtypes / sizeof float_dtypes[0] };

/* ---- the Philox block ---------------------------------------------------------------------- */

/*
 * Random123 tests/kat_vectors, the three "philox4x32 10" lines
 * (counter c0..c3, key k0 k1, expected output).
 */
START_TEST(test_philox_kat) {
  static const struct {
    uint32_t ctr[4], key[2], out[4];
  } kat[] = {
    {{0x00000000, 0x00000000, 0x00000000, 0x00000000}, {0x00000000, 0x00000000},
     {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
    {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff}, {0xffffffff, 0xffffffff},
     {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
    {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, {0xa4093822, 0x299f31d0},
     {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
  };
  for (int i = 0; i < 3; i++) {
    uint32_t out[4];
    ct__philox4x32_10(out, kat[i].ctr, kat[i].key);
    for (int k = 0; k < 4; k++) {
      ck_assert_msg(out[k] == kat[i].out[k], "vector %d word %d: 0x%08x, expected 0x%08x", i, k,
                    out[k], kat[i].out[k]);
    }
  }
}
END_TEST

/* The public API on top of the block: seed 0, offset 0 is the all-zero vector, w0 = 0x6627e8d5. */
START_TEST(test_rand_known_value) {
  ct_generator *g = new_generator(0);
  ct_tensor *t = NULL;
  CT_OK_(ct_rand(&t, g, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert(*(float *)data_of(t) == (float)(0x6627e8d5u >> 8) * 0x1p-24f);
  ct_tensor_release(t);
  CT_OK_(ct_generator_set_offset(g, 0));
  CT_OK_(ct_randint(&t, g, 0, 1000, 0, NULL, CT_INT64, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(*(int64_t *)data_of(t), (int64_t)(0x6627e8d5e169c58dull % 1000u));
  ct_tensor_release(t);
  ct_generator_release(g);
}
END_TEST

/* ---- the counter scheme -------------------------------------------------------------------- */

/* The expected bytes of element i of a draw (from the documented mapping), in *out. */
static void expected_element(unsigned char *out, int kind, ct_dtype dtype, uint64_t seed,
                             uint64_t counter, int64_t low, uint64_t range) {
  uint32_t w[4];
  ct__philox_element(w, seed, counter);
  if (kind == 0) { /* uniform */
    switch (dtype) {
      case CT_FLOAT16: {
        uint16_t h = exact_f16_bits(ct__philox_uniform_f16(w[0]));
        memcpy(out, &h, 2);
        break;
      }
      case CT_BFLOAT16: {
        float f = ct__philox_uniform_bf16(w[0]);
        uint32_t u;
        memcpy(&u, &f, 4);
        ck_assert_uint_eq(u & 0xFFFFu, 0); /* exactly a bfloat16 */
        uint16_t b = (uint16_t)(u >> 16);
        memcpy(out, &b, 2);
        break;
      }
      case CT_FLOAT32: {
        float f = ct__philox_uniform_f32(w[0]);
        memcpy(out, &f, 4);
        break;
      }
      case CT_FLOAT64: {
        double d = ct__philox_uniform_f64(w[0], w[1]);
        memcpy(out, &d, 8);
        break;
      }
      case CT_COMPLEX64: {
        float f[2] = {ct__philox_uniform_f32(w[0]), ct__philox_uniform_f32(w[2])};
        memcpy(out, f, 8);
        break;
      }
      default: {
        double d[2] = {ct__philox_uniform_f64(w[0], w[1]), ct__philox_uniform_f64(w[2], w[3])};
        memcpy(out, d, 16);
        break;
      }
    }
  } else if (kind == 1) { /* normal */
    double z1, z2;
    ct__philox_normal2(&z1, &z2, w);
    const double s = 0.70710678118654752440084436210485;
    switch (dtype) {
      case CT_FLOAT32: {
        float f = (float)z1;
        memcpy(out, &f, 4);
        break;
      }
      case CT_FLOAT64: memcpy(out, &z1, 8); break;
      case CT_COMPLEX64: {
        float f[2] = {(float)(z1 * s), (float)(z2 * s)};
        memcpy(out, f, 8);
        break;
      }
      case CT_COMPLEX128: {
        double d[2] = {z1 * s, z2 * s};
        memcpy(out, d, 16);
        break;
      }
      default: {
        float f = (float)z1;
        CT_OK_(ct_dtype_convert(out, dtype, &f, CT_FLOAT32, 1));
        break;
      }
    }
  } else { /* integer */
    int64_t v = ct__philox_int(w, low, range);
    CT_OK_(ct_dtype_convert(out, dtype, &v, CT_INT64, 1));
  }
}

/*
 * Every dtype and kind: element i is the documented function of seed and
 * offset + i alone, for a draw starting at an offset that crosses the
 * 2^32 boundary of the counter's low word.
 */
START_TEST(test_counter_scheme) {
  const uint64_t seed = 0x0123456789ABCDEFull, start = 0xFFFFFFF0ull;
  const int64_t shape[2] = {4, 9};
  ct_generator *g = new_generator(seed);
  for (int kind = 0; kind < 3; kind++) {
    for (ct_dtype d = 0; d < CT_DTYPE_COUNT; d++) {
      bool floating = false, complex = false;
      CT_OK_(ct_dtype_is_floating_point(&floating, d));
      CT_OK_(ct_dtype_is_complex(&complex, d));
      if (kind < 2 && !floating && !complex) continue;
      if (kind == 2 && complex) continue;
      int64_t low = d == CT_BOOL ? 0 : d == CT_UINT8 ? 3 : -7, high = d == CT_BOOL ? 2 : 100;
      CT_OK_(ct_generator_set_offset(g, start));
      ct_tensor *t = NULL;
      if (kind == 0) CT_OK_(ct_rand(&t, g, 2, shape, d, CT_DEVICE_CPU, 0));
      if (kind == 1) CT_OK_(ct_randn(&t, g, 2, shape, d, CT_DEVICE_CPU, -1));
      if (kind == 2) CT_OK_(ct_randint(&t, g, low, high, 2, shape, d, CT_DEVICE_NONE, -1));
      ck_assert_uint_eq(offset_of(g), start + 36);
      const unsigned char *p = data_of(t);
      int64_t size = itemsize_of(d);
      for (int64_t i = 0; i < 36; i++) {
        unsigned char want[16];
        expected_element(want, kind, d, seed, start + (uint64_t)i, low, (uint64_t)(high - low));
        ck_assert_msg(memcmp(p + i * size, want, (size_t)size) == 0,
                      "kind %d dtype %d element %lld differs", kind, (int)d, (long long)i);
      }
      ct_tensor_release(t);
    }
  }
  ct_generator_release(g);
}
END_TEST

START_TEST(test_same_seed_same_values) {
  const int64_t shape[3] = {2, 3, 5};
  for (int i = 0; i < N_FLOAT_DTYPES; i++) {
    ct_generator *g1 = new_generator(1234), *g2 = new_generator(1234);
    ct_tensor *a = NULL, *b = NULL, *c = NULL, *e = NULL;
    CT_OK_(ct_rand(&a, g1, 3, shape, float_dtypes[i], CT_DEVICE_NONE, -1));
    CT_OK_(ct_rand(&b, g2, 3, shape, float_dtypes[i], CT_DEVICE_NONE, -1));
    ck_assert(same_bytes(a, b));
    CT_OK_(ct_randn(&c, g1, 3, shape, float_dtypes[i], CT_DEVICE_NONE, -1));
    CT_OK_(ct_randn(&e, g2, 3, shape, float_dtypes[i], CT_DEVICE_NONE, -1));
    ck_assert(same_bytes(c, e));
    ct_tensor_release(a);
    ct_tensor_release(b);
    ct_tensor_release(c);
    ct_tensor_release(e);
    ct_generator_release(g1);
    ct_generator_release(g2);
  }
}
END_TEST

START_TEST(test_manual_seed_resets) {
  const int64_t shape[1] = {50};
  ct_generator *g = new_generator(7);
  ct_tensor *a = NULL, *b = NULL, *c = NULL;
  CT_OK_(ct_rand(&a, g, 1, shape, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_rand(&b, g, 1, shape, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ck_assert(!same_bytes(a, b));
  CT_OK_(ct_generator_manual_seed(g, 7));
  ck_assert_uint_eq(offset_of(g), 0);
  CT_OK_(ct_rand(&c, g, 1, shape, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ck_assert(same_bytes(a, c));
  ct_tensor_release(c);
  /* Another seed gives other numbers; initial_seed reports the seed last set. */
  CT_OK_(ct_generator_manual_seed(g, 8));
  uint64_t seed = 0;
  CT_OK_(ct_generator_initial_seed(&seed, g));
  ck_assert_uint_eq(seed, 8);
  CT_OK_(ct_rand(&c, g, 1, shape, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ck_assert(!same_bytes(a, c));
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_tensor_release(c);
  ct_generator_release(g);
}
END_TEST

/*
 * The offset advances by numel; restoring it replays a draw; starting later
 * gives the tail of a longer draw.
 */
START_TEST(test_offsets) {
  ct_generator *g = new_generator(99);
  ck_assert_uint_eq(offset_of(g), 0);
  const int64_t shape34[2] = {3, 4}, shape20[1] = {20}, shape15[1] = {15};
  ct_tensor *a = NULL, *b = NULL;
  CT_OK_(ct_rand(&a, g, 2, shape34, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert_uint_eq(offset_of(g), 12);
  CT_OK_(ct_randint(&b, g, 0, 10, 1, shape20, CT_INT32, CT_DEVICE_NONE, -1));
  ck_assert_uint_eq(offset_of(g), 32);
  ct_tensor_release(b);
  CT_OK_(ct_randn(&b, g, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert_uint_eq(offset_of(g), 33);
  ct_tensor_release(b);

  CT_OK_(ct_generator_set_offset(g, 0));
  CT_OK_(ct_rand(&b, g, 2, shape34, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert(same_bytes(a, b));
  ct_tensor_release(a);
  ct_tensor_release(b);

  CT_OK_(ct_generator_set_offset(g, 0));
  CT_OK_(ct_rand(&a, g, 1, shape20, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_generator_set_offset(g, 5));
  CT_OK_(ct_rand(&b, g, 1, shape15, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ck_assert_mem_eq((double *)data_of(a) + 5, data_of(b), 15 * sizeof(double));
  ck_assert_uint_eq(offset_of(g), 20);
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_generator_release(g);
}
END_TEST

/* A draw with no elements returns an empty tensor and leaves the offset alone. */
START_TEST(test_empty_draw) {
  ct_generator *g = new_generator(5);
  CT_OK_(ct_generator_set_offset(g, 17));
  const int64_t shape[3] = {4, 0, 2};
  ct_tensor *t = NULL;
  CT_OK_(ct_rand(&t, g, 3, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(numel_of(t), 0);
  ct_tensor_release(t);
  CT_OK_(ct_randint(&t, g, 0, 3, 3, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(numel_of(t), 0);
  ct_tensor_release(t);
  ck_assert_uint_eq(offset_of(g), 17);
  ct_generator_release(g);
}
END_TEST

START_TEST(test_generators_independent) {
  const int64_t shape[1] = {64};
  ct_generator *g1 = new_generator(1), *g2 = new_generator(2);
  ct_tensor *a = NULL, *b = NULL;
  CT_OK_(ct_rand(&a, g1, 1, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert_uint_eq(offset_of(g1), 64);
  ck_assert_uint_eq(offset_of(g2), 0);
  CT_OK_(ct_rand(&b, g2, 1, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert(!same_bytes(a, b));
  ct_tensor_release(b);
  /* Reseeding g2 to g1's seed gives g1's numbers, whatever g1 did since. */
  CT_OK_(ct_generator_manual_seed(g2, 1));
  CT_OK_(ct_rand(&b, g2, 1, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert(same_bytes(a, b));
  ct_tensor_release(a);
  ct_tensor_release(b);
  ct_generator_release(g1);
  ct_generator_release(g2);
}
END_TEST

/* ---- the default generator ----------------------------------------------------------------- */

/* Must run before anything seeds the default generator (it is the first test case). */
START_TEST(test_default_generator_initial_state) {
  ct_generator *d = NULL;
  CT_OK_(ct_default_generator(&d));
  ck_assert_ptr_nonnull(d);
  uint64_t seed = 0;
  CT_OK_(ct_generator_initial_seed(&seed, d));
  ck_assert_uint_eq(seed, UINT64_C(67280421310721));
  ck_assert_uint_eq(offset_of(d), 0);
  ct_generator_release(d);
}
END_TEST

START_TEST(test_default_generator) {
  const int64_t shape[1] = {33};
  CT_OK_(ct_manual_seed(42));
  ct_generator *d = NULL, *d2 = NULL, *g = NULL;
  CT_OK_(ct_default_generator(&d));
  CT_OK_(ct_default_generator(&d2));
  ck_assert_ptr_eq(d, d2);
  uint64_t seed = 0;
  CT_OK_(ct_generator_initial_seed(&seed, d));
  ck_assert_uint_eq(seed, 42);
  ck_assert_uint_eq(offset_of(d), 0);

  /* NULL draws from the default generator, which then equals a fresh generator of its seed. */
  ct_tensor *a = NULL, *b = NULL;
  CT_OK_(ct_rand(&a, NULL, 1, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert_uint_eq(offset_of(d), 33);
  g = new_generator(42);
  CT_OK_(ct_rand(&b, g, 1, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert(same_bytes(a, b));
  ct_tensor_release(a);
  ct_tensor_release(b);

  /* The handle and NULL are the same generator. */
  CT_OK_(ct_generator_manual_seed(d, 42));
  CT_OK_(ct_rand(&a, d, 1, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_manual_seed(42));
  CT_OK_(ct_rand(&b, NULL, 1, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert(same_bytes(a, b));
  ct_tensor_release(a);
  ct_tensor_release(b);

  /* Retaining and releasing the default generator never frees it. */
  CT_OK_(ct_generator_retain(d));
  ct_generator_release(d);
  ct_generator_release(d);
  ct_generator_release(d2);
  ct_generator_release(d2);
  CT_OK_(ct_generator_initial_seed(&seed, d));
  ck_assert_uint_eq(seed, 42);
  ct_generator_release(g);
}
END_TEST

/* ---- lifetimes ----------------------------------------------------------------------------- */

START_TEST(test_refcount_and_leaks) {
  MEM_BEGIN;
  ct_generator *g = new_generator(3);
  CT_OK_(ct_generator_retain(g));
  CT_OK_(ct_generator_retain(g));
  ct_generator_release(g);
  ct_generator_release(g);
  /* Still alive: one reference left. */
  CT_OK_(ct_generator_set_offset(g, 9));
  ck_assert_uint_eq(offset_of(g), 9);
  const int64_t shape[2] = {16, 16};
  ct_tensor *t = NULL;
  CT_OK_(ct_randn(&t, g, 2, shape, CT_COMPLEX128, CT_DEVICE_NONE, -1));
  ct_tensor_release(t);
  ct_generator_release(g);
  ct_generator_release(NULL);
  MEM_END;
}
END_TEST

/* ---- values -------------------------------------------------------------------------------- */

/* A real part (k = 0) or imaginary part (k = 1) of element i, as a double. */
static double value_at(const void *p, ct_dtype d, int64_t i, int k) {
  switch (d) {
    case CT_FLOAT16: return f16_value(((const uint16_t *)p)[i]);
    case CT_BFLOAT16: return bf16_value(((const uint16_t *)p)[i]);
    case CT_FLOAT32: return ((const float *)p)[i];
    case CT_FLOAT64: return ((const double *)p)[i];
    case CT_COMPLEX64: return ((const float *)p)[2 * i + k];
    default: return ((const double *)p)[2 * i + k];
  }
}

/* 2^bits is the number of distinct uniform values of each dtype. */
static int uniform_bits(ct_dtype d) {
  switch (d) {
    case CT_FLOAT16: return 11;
    case CT_BFLOAT16: return 8;
    case CT_FLOAT32: case CT_COMPLEX64: return 24;
    default: return 53;
  }
}

/* Values in [0, 1), on the dtype's grid, with a mean near 1/2 (both parts for complex). */
START_TEST(test_rand_range) {
  const int64_t n = 20000, shape[1] = {n};
  ct_generator *g = new_generator(2024);
  for (int i = 0; i < N_FLOAT_DTYPES; i++) {
    ct_dtype d = float_dtypes[i];
    ct_tensor *t = NULL;
    CT_OK_(ct_rand(&t, g, 1, shape, d, CT_DEVICE_NONE, -1));
    const void *p = data_of(t);
    int parts = (d == CT_COMPLEX64 || d == CT_COMPLEX128) ? 2 : 1;
    for (int k = 0; k < parts; k++) {
      double sum = 0, lo = 1, hi = 0;
      for (int64_t j = 0; j < n; j++) {
        double v = value_at(p, d, j, k);
        ck_assert_msg(v >= 0 && v < 1, "dtype %d: %g", (int)d, v);
        double scaled = ldexp(v, uniform_bits(d));
        ck_assert_msg(scaled == floor(scaled), "dtype %d: %g is off the grid", (int)d, v);
        sum += v;
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
      }
      ck_assert_msg(fabs(sum / n - 0.5) < 0.01, "dtype %d part %d mean %g", (int)d, k, sum / n);
      ck_assert(lo < 0.01 && hi > 0.99);
    }
    ct_tensor_release(t);
  }
  ct_generator_release(g);
}
END_TEST

/* Mean 0 and variance 1 (1/2 per part for complex), over 10^5 seeded samples. */
START_TEST(test_randn_moments) {
  const int64_t n = 100000, shape[1] = {n};
  ct_generator *g = new_generator(31337);
  for (int i = 0; i < N_FLOAT_DTYPES; i++) {
    ct_dtype d = float_dtypes[i];
    ct_tensor *t = NULL;
    CT_OK_(ct_randn(&t, g, 1, shape, d, CT_DEVICE_NONE, -1));
    const void *p = data_of(t);
    bool complex = d == CT_COMPLEX64 || d == CT_COMPLEX128;
    double sum[2] = {0, 0}, sq[2] = {0, 0}, cross = 0;
    int64_t beyond3 = 0;
    for (int64_t j = 0; j < n; j++) {
      for (int k = 0; k < (complex ? 2 : 1); k++) {
        double v = value_at(p, d, j, k);
        ck_assert(isfinite(v));
        sum[k] += v;
        sq[k] += v * v;
      }
      if (complex) cross += value_at(p, d, j, 0) * value_at(p, d, j, 1);
      if (!complex && fabs(value_at(p, d, j, 0)) > 3) beyond3++;
    }
    double want_var = complex ? 0.5 : 1.0;
    for (int k = 0; k < (complex ? 2 : 1); k++) {
      double mean = sum[k] / n, var = sq[k] / n - mean * mean;
      ck_assert_msg(fabs(mean) < 0.02, "dtype %d part %d mean %g", (int)d, k, mean);
      ck_assert_msg(fabs(var - want_var) < 0.03 * want_var + 0.01, "dtype %d part %d variance %g",
                    (int)d, k, var);
    }
    if (complex) ck_assert_msg(fabs(cross / n) < 0.02, "dtype %d parts correlate", (int)d);
    /* P(|z| > 3) = 0.0027: a normal tail, not a uniform one. */
    if (!complex) ck_assert_msg(beyond3 > 150 && beyond3 < 400, "dtype %d tail %lld", (int)d,
                                (long long)beyond3);
    ct_tensor_release(t);
  }
  ct_generator_release(g);
}
END_TEST

/* randint: the default dtype is int64, every value in [low, high) occurs, floats are integral. */
START_TEST(test_randint_values) {
  const int64_t n = 5000, shape[1] = {n};
  ct_generator *g = new_generator(11);
  ct_tensor *t = NULL;
  CT_OK_(ct_randint(&t, g, -5, 5, 1, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(t), CT_INT64);
  int seen[10] = {0};
  for (int64_t j = 0; j < n; j++) {
    int64_t v = ((const int64_t *)data_of(t))[j];
    ck_assert(v >= -5 && v < 5);
    seen[v + 5]++;
  }
  for (int k = 0; k < 10; k++) ck_assert_int_gt(seen[k], 350);
  ct_tensor_release(t);

  static const struct {
    ct_dtype dtype;
    int64_t low, high;
  } cases[] = {
    {CT_BOOL, 0, 2},          {CT_UINT8, 0, 256},        {CT_UINT8, 250, 256},
    {CT_INT8, -128, 128},     {CT_INT16, -32768, 32768}, {CT_INT32, INT32_MIN, INT32_MAX},
    {CT_INT64, INT64_MIN, INT64_MAX},                    {CT_FLOAT16, -2048, 2049},
    {CT_BFLOAT16, -256, 257}, {CT_FLOAT32, -16777216, 16777217},
    {CT_FLOAT64, -(INT64_C(1) << 53), (INT64_C(1) << 53) + 1},
    {CT_FLOAT32, 3, 4},
  };
  for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    CT_OK_(ct_randint(&t, g, cases[c].low, cases[c].high, 1, shape, cases[c].dtype,
                      CT_DEVICE_NONE, -1));
    ck_assert_int_eq(dtype_of(t), cases[c].dtype);
    /* Read every element back as int64 (exact: all values are integral and in range). */
    static int64_t v[5000];
    CT_OK_(ct_dtype_convert(v, CT_INT64, data_of(t), cases[c].dtype, n));
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (int64_t j = 0; j < n; j++) {
      ck_assert_msg(v[j] >= cases[c].low && v[j] <= cases[c].high - 1, "case %zu: %lld", c,
                    (long long)v[j]);
      lo = v[j] < lo ? v[j] : lo;
      hi = v[j] > hi ? v[j] : hi;
    }
    /* Both ends of a small range are hit; a wide range spreads. */
    uint64_t range = (uint64_t)cases[c].high - (uint64_t)cases[c].low;
    if (range <= 512) {
      ck_assert_int_eq(lo, cases[c].low);
      ck_assert_int_eq(hi, cases[c].high - 1);
    } else {
      ck_assert((uint64_t)hi - (uint64_t)lo > range / 2);
    }
    ct_tensor_release(t);
  }
  ct_generator_release(g);
}
END_TEST

/* The default dtype applies to rand and randn with CT_DTYPE_NONE. */
START_TEST(test_default_dtype_used) {
  const int64_t shape[1] = {3};
  ct_tensor *t = NULL;
  CT_OK_(ct_rand(&t, NULL, 1, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(t), CT_FLOAT32);
  ct_tensor_release(t);
  CT_OK_(ct_set_default_dtype(CT_FLOAT64));
  CT_OK_(ct_randn(&t, NULL, 1, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(t), CT_FLOAT64);
  ct_tensor_release(t);
  CT_OK_(ct_set_default_dtype(CT_FLOAT32));
}
END_TEST

/* ---- the *_like forms ---------------------------------------------------------------------- */

START_TEST(test_like_forms) {
  const int64_t shape[3] = {2, 3, 4};
  ct_tensor *x = NULL, *t = NULL;
  CT_OK_(ct_zeros(&x, 3, shape, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ct_generator *g = new_generator(5);

  ct_device_type type;
  int32_t index;
  CT_OK_(ct_rand_like(&t, x, g, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  check_shape(t, 3, shape);
  ck_assert_int_eq(dtype_of(t), CT_FLOAT64);
  CT_OK_(ct_tensor_device(&type, &index, t));
  ck_assert(type == CT_DEVICE_CPU && index == 0);
  ck_assert_uint_eq(offset_of(g), 24);
  ct_tensor_release(t);

  CT_OK_(ct_randn_like(&t, x, g, CT_COMPLEX64, CT_DEVICE_CPU, 0));
  ck_assert_int_eq(dtype_of(t), CT_COMPLEX64);
  ck_assert_uint_eq(offset_of(g), 48);
  ct_tensor_release(t);

  CT_OK_(ct_randint_like(&t, x, g, 1, 3, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(t), CT_FLOAT64);
  for (int j = 0; j < 24; j++) {
    double v = ((const double *)data_of(t))[j];
    ck_assert(v == 1.0 || v == 2.0);
  }
  ct_tensor_release(t);

  /* The like forms match the plain ones drawn from the same state. */
  ct_tensor *a = NULL;
  CT_OK_(ct_generator_set_offset(g, 0));
  CT_OK_(ct_rand_like(&t, x, g, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  CT_OK_(ct_generator_set_offset(g, 0));
  CT_OK_(ct_rand(&a, g, 3, shape, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ck_assert(same_bytes(a, t));
  ct_tensor_release(a);
  ct_tensor_release(t);

  /* An integer x: randint_like keeps its dtype; rand_like needs a floating override. */
  ct_tensor *xi = NULL;
  CT_OK_(ct_zeros(&xi, 1, shape, CT_UINT8, CT_DEVICE_NONE, -1));
  CT_OK_(ct_randint_like(&t, xi, NULL, 0, 256, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(dtype_of(t), CT_UINT8);
  ct_tensor_release(t);
  CT_FAILS_(ct_rand_like(&t, xi, NULL, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
            "ct_rand_like: dtype uint8 is not a floating or complex dtype");
  CT_OK_(ct_rand_like(&t, xi, NULL, CT_BFLOAT16, CT_DEVICE_NONE, -1));
  ct_tensor_release(t);
  CT_FAILS_(ct_randint_like(&t, xi, NULL, 0, 257, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_randint_like: high - 1 = 256 is out of bounds for uint8");

  ct_tensor_release(xi);
  ct_tensor_release(x);
  ct_generator_release(g);
}
END_TEST

/* ---- errors -------------------------------------------------------------------------------- */

START_TEST(test_generator_errors) {
  uint64_t v = 5;
  CT_FAILS_(ct_generator_create(NULL, 1), CT_ERR_INVALID_ARGUMENT,
            "ct_generator_create: out is NULL");
  CT_FAILS_(ct_default_generator(NULL), CT_ERR_INVALID_ARGUMENT,
            "ct_default_generator: out is NULL");
  CT_FAILS_(ct_generator_retain(NULL), CT_ERR_INVALID_ARGUMENT, "ct_generator_retain: g is NULL");
  CT_FAILS_(ct_generator_manual_seed(NULL, 1), CT_ERR_INVALID_ARGUMENT,
            "ct_generator_manual_seed: g is NULL");
  CT_FAILS_(ct_generator_initial_seed(&v, NULL), CT_ERR_INVALID_ARGUMENT,
            "ct_generator_initial_seed: g is NULL");
  ck_assert_uint_eq(v, 0);
  ct_generator *g = new_generator(1);
  CT_FAILS_(ct_generator_initial_seed(NULL, g), CT_ERR_INVALID_ARGUMENT,
            "ct_generator_initial_seed: seed is NULL");
  v = 5;
  CT_FAILS_(ct_generator_get_offset(&v, NULL), CT_ERR_INVALID_ARGUMENT,
            "ct_generator_get_offset: g is NULL");
  ck_assert_uint_eq(v, 0);
  CT_FAILS_(ct_generator_get_offset(NULL, g), CT_ERR_INVALID_ARGUMENT,
            "ct_generator_get_offset: offset is NULL");
  CT_FAILS_(ct_generator_set_offset(NULL, 3), CT_ERR_INVALID_ARGUMENT,
            "ct_generator_set_offset: g is NULL");
  ct_generator_release(g);
}
END_TEST

/*
 * Each failing draw names the function and the argument, sets *out to NULL
 * and leaves the generator's offset alone.
 */
START_TEST(test_draw_errors) {
  ct_generator *g = new_generator(1);
  const int64_t shape[2] = {2, 3}, negative[2] = {2, -3};
  ct_tensor *t = POISON; /* any non-NULL value, to see it cleared */

  CT_FAILS_(ct_rand(NULL, g, 2, shape, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_rand: out is NULL");
  CT_FAILS_(ct_randn(NULL, g, 2, shape, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_randn: out is NULL");
  CT_FAILS_(ct_randint(NULL, g, 0, 5, 2, shape, CT_INT64, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_randint: out is NULL");

  static const ct_dtype not_float[] = {CT_BOOL, CT_UINT8, CT_INT8, CT_INT16, CT_INT32, CT_INT64};
  static const char *const not_float_names[] = {"bool", "uint8", "int8", "int16", "int32", "int64"};
  for (int i = 0; i < 6; i++) {
    char needle[96];
    snprintf(needle, sizeof needle, "ct_rand: dtype %s is not a floating or complex dtype",
             not_float_names[i]);
    CT_FAILS_(ct_rand(&t, g, 2, shape, not_float[i], CT_DEVICE_NONE, -1), CT_ERR_DTYPE, needle);
    ck_assert_ptr_null(t);
    snprintf(needle, sizeof needle, "ct_randn: dtype %s is not a floating or complex dtype",
             not_float_names[i]);
    CT_FAILS_(ct_randn(&t, g, 2, shape, not_float[i], CT_DEVICE_NONE, -1), CT_ERR_DTYPE, needle);
  }
  CT_FAILS_(ct_rand(&t, g, 2, shape, 12, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
            "ct_rand: dtype = 12 is not a valid dtype");
  CT_FAILS_(ct_randn(&t, g, 2, shape, -2, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
            "ct_randn: dtype = -2 is not a valid dtype");
  CT_FAILS_(ct_randint(&t, g, 0, 5, 2, shape, 99, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
            "ct_randint: dtype = 99 is not a valid dtype");
  CT_FAILS_(ct_randint(&t, g, 0, 5, 2, shape, CT_COMPLEX64, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
            "ct_randint: dtype complex64 is not supported");
  CT_FAILS_(ct_randint(&t, g, 0, 5, 2, shape, CT_COMPLEX128, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
            "ct_randint: dtype complex128 is not supported");

  CT_FAILS_(ct_randint(&t, g, 5, 5, 2, shape, CT_INT64, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_randint: low = 5 must be < high = 5");
  CT_FAILS_(ct_randint(&t, g, 7, -7, 2, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_randint: low = 7 must be < high = -7");

  static const struct {
    ct_dtype dtype;
    int64_t low, high;
    const char *needle;
  } bounds[] = {
    {CT_UINT8, 0, 300, "ct_randint: high - 1 = 299 is out of bounds for uint8"},
    {CT_UINT8, -1, 10, "ct_randint: low = -1 is out of bounds for uint8"},
    {CT_INT8, -129, 0, "ct_randint: low = -129 is out of bounds for int8"},
    {CT_INT8, 0, 129, "ct_randint: high - 1 = 128 is out of bounds for int8"},
    {CT_INT16, 0, 32769, "ct_randint: high - 1 = 32768 is out of bounds for int16"},
    {CT_INT32, INT32_MIN - INT64_C(1), 0,
     "ct_randint: low = -2147483649 is out of bounds for int32"},
    {CT_BOOL, 0, 3, "ct_randint: high - 1 = 2 is out of bounds for bool"},
    {CT_BOOL, -1, 1, "ct_randint: low = -1 is out of bounds for bool"},
    {CT_FLOAT16, 0, 2050, "ct_randint: high - 1 = 2049 is out of bounds for float16"},
    {CT_BFLOAT16, -257, 0, "ct_randint: low = -257 is out of bounds for bfloat16"},
    {CT_FLOAT32, 0, 16777218, "ct_randint: high - 1 = 16777217 is out of bounds for float32"},
    {CT_FLOAT64, 0, (INT64_C(1) << 53) + 2,
     "ct_randint: high - 1 = 9007199254740993 is out of bounds for float64"},
  };
  for (size_t i = 0; i < sizeof bounds / sizeof bounds[0]; i++) {
    CT_FAILS_(ct_randint(&t, g, bounds[i].low, bounds[i].high, 2, shape, bounds[i].dtype,
                         CT_DEVICE_NONE, -1),
              CT_ERR_INVALID_ARGUMENT, bounds[i].needle);
  }

  CT_FAILS_(ct_rand(&t, g, -1, shape, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_rand: ndim = -1 is negative");
  CT_FAILS_(ct_randn(&t, g, 2, negative, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_randn: shape[1] = -3 is negative");
  CT_FAILS_(ct_randint(&t, g, 0, 2, 2, NULL, CT_INT64, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_randint");
  const int64_t huge[2] = {INT64_C(1) << 40, INT64_C(1) << 40};
  CT_FAILS_(ct_rand(&t, g, 2, huge, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_SHAPE, "ct_rand");
  CT_FAILS_(ct_rand(&t, g, 2, shape, CT_FLOAT32, 99, -1), CT_ERR_DEVICE, "ct_rand");
  CT_FAILS_(ct_randn(&t, g, 2, shape, CT_FLOAT32, CT_DEVICE_CPU, 5), CT_ERR_DEVICE, "ct_randn");

  ct_tensor *x = NULL;
  CT_OK_(ct_zeros(&x, 2, shape, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_rand_like(NULL, x, g, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_rand_like: out is NULL");
  CT_FAILS_(ct_rand_like(&t, NULL, g, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_rand_like: x is NULL");
  CT_FAILS_(ct_randn_like(&t, NULL, g, CT_DTYPE_NONE, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_randn_like: x is NULL");
  CT_FAILS_(ct_randint_like(&t, NULL, g, 0, 1, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_randint_like: x is NULL");
  CT_FAILS_(ct_randn_like(&t, x, g, CT_INT32, CT_DEVICE_NONE, -1), CT_ERR_DTYPE,
            "ct_randn_like: dtype int32 is not a floating or complex dtype");
  CT_FAILS_(ct_randint_like(&t, x, g, 3, 2, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_randint_like: low = 3 must be < high = 2");
  ck_assert_ptr_null(t);
  ct_tensor_release(x);

  ck_assert_uint_eq(offset_of(g), 0);
  ct_generator_release(g);
}
END_TEST

/* ---- threads ------------------------------------------------------------------------------- */

enum { N_THREADS = 4, PER_THREAD = 1000, ROUNDS = 8 };

typedef struct {
  ct_generator *g;
  ct_tensor *out[ROUNDS];
  ct_status status;
} draw_job;

static void *draw_thread(void *arg) {
  draw_job *job = arg;
  const int64_t shape[1] = {PER_THREAD};
  job->status = CT_OK;
  for (int r = 0; r < ROUNDS && job->status == CT_OK; r++) {
    job->status = ct_rand(&job->out[r], job->g, 1, shape, CT_FLOAT64, CT_DEVICE_NONE, -1);
  }
  return NULL;
}

/*
 * Four threads draw from one generator at once: the offset advances by the
 * total, and every draw is exactly one of the PER_THREAD-element chunks of
 * the sequential draw, each chunk taken once.
 */
START_TEST(test_threads) {
  ct_generator *g = new_generator(777);
  draw_job jobs[N_THREADS];
  pthread_t threads[N_THREADS];
  memset(jobs, 0, sizeof jobs);
  for (int i = 0; i < N_THREADS; i++) {
    jobs[i].g = g;
    ck_assert_int_eq(pthread_create(&threads[i], NULL, draw_thread, &jobs[i]), 0);
  }
  for (int i = 0; i < N_THREADS; i++) ck_assert_int_eq(pthread_join(threads[i], NULL), 0);
  const int total = N_THREADS * ROUNDS * PER_THREAD;
  ck_assert_uint_eq(offset_of(g), (uint64_t)total);

  ct_tensor *seq = NULL;
  const int64_t shape[1] = {total};
  CT_OK_(ct_generator_set_offset(g, 0));
  CT_OK_(ct_rand(&seq, g, 1, shape, CT_FLOAT64, CT_DEVICE_NONE, -1));
  const double *all = data_of(seq);
  bool taken[N_THREADS * ROUNDS] = {false};
  for (int i = 0; i < N_THREADS; i++) {
    ck_assert_int_eq(jobs[i].status, CT_OK);
    for (int r = 0; r < ROUNDS; r++) {
      const double *p = data_of(jobs[i].out[r]);
      int chunk = -1;
      for (int c = 0; c < N_THREADS * ROUNDS; c++) {
        if (memcmp(p, all + (size_t)c * PER_THREAD, PER_THREAD * sizeof(double)) == 0) chunk = c;
      }
      ck_assert_msg(chunk >= 0, "thread %d round %d drew no chunk of the sequence", i, r);
      ck_assert_msg(!taken[chunk], "chunk %d drawn twice", chunk);
      taken[chunk] = true;
      ct_tensor_release(jobs[i].out[r]);
    }
  }
  ct_tensor_release(seq);
  ct_generator_release(g);
}
END_TEST

int main(void) {
  static const ct_test_tcase_opts opts = {NULL, NULL, 60};
  const ct_test_case tests[] = {
    {"default_generator_initial_state", test_default_generator_initial_state},
    {"philox_kat", test_philox_kat},
    {"rand_known_value", test_rand_known_value},
    {"counter_scheme", test_counter_scheme},
    {"same_seed_same_values", test_same_seed_same_values},
    {"manual_seed_resets", test_manual_seed_resets},
    {"offsets", test_offsets},
    {"empty_draw", test_empty_draw},
    {"generators_independent", test_generators_independent},
    {"default_generator", test_default_generator},
    {"refcount_and_leaks", test_refcount_and_leaks},
    {"rand_range", test_rand_range},
    {"randn_moments", test_randn_moments},
    {"randint_values", test_randint_values},
    {"default_dtype_used", test_default_dtype_used},
    {"like_forms", test_like_forms},
    {"generator_errors", test_generator_errors},
    {"draw_errors", test_draw_errors},
    {"threads", test_threads},
  };
  Suite *s = suite_create("random");
  CT_TEST_ADD_CASES_(s, tests, &opts);
  return ct_test_run(s);
}
