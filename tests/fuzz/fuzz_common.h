/*
 * tests/fuzz/fuzz_common.h: what the fuzz targets share: a reader that turns
 * the fuzzer's bytes into arguments (running out of bytes gives zeros, so
 * every input is valid), the invariant checks, and the leak check.
 *
 * The targets use the public API only (ctensor/ctensor.h). A violated
 * invariant calls abort() after printing why, so that libFuzzer (or the
 * replay program of `make check`) reports it.
 */
#ifndef CT_FUZZ_COMMON_H
#define CT_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctensor/ctensor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct {
  const uint8_t *p;
  size_t n;
} fz_in;

static inline uint8_t fz_u8(fz_in *in) {
  if (in->n == 0) return 0;
  in->n--;
  return *in->p++;
}

static inline uint16_t fz_u16(fz_in *in) {
  uint16_t v = fz_u8(in);
  return (uint16_t)(v | (uint16_t)fz_u8(in) << 8);
}

static inline uint32_t fz_u32(fz_in *in) {
  uint32_t v = fz_u16(in);
  return v | (uint32_t)fz_u16(in) << 16;
}

static inline uint64_t fz_u64(fz_in *in) {
  uint64_t v = fz_u32(in);
  return v | (uint64_t)fz_u32(in) << 32;
}

static inline bool fz_bool(fz_in *in) { return fz_u8(in) & 1; }

/* A value in [0, n) (n >= 1). */
static inline uint32_t fz_below(fz_in *in, uint32_t n) { return n <= 256 ? fz_u8(in) % n : fz_u16(in) % n; }

/* Values that tend to break size arithmetic. */
static const int64_t fz_interesting[] = {
  0, 1, -1, 2, -2, 3, 4, 7, 8, 16, 64, 255, 256, 1000, 65535, 65536,
  INT32_MAX, INT32_MIN, (int64_t)INT32_MAX + 1, (int64_t)UINT32_MAX, (int64_t)1 << 32, (int64_t)1 << 40,
  (int64_t)1 << 62, -((int64_t)1 << 62), INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1,
  INT64_MAX / 2, INT64_MAX / 3, INT64_MAX / 8 + 1, -((int64_t)1 << 32),
};

/*
 * An int64 argument: usually small (in [lo, lo + span)), sometimes an
 * interesting value, sometimes 8 raw bytes.
 */
static inline int64_t fz_i64(fz_in *in, int64_t lo, int64_t span) {
  uint8_t sel = fz_u8(in);
  if (sel < 200) return lo + (int64_t)(fz_u8(in) % (uint64_t)(span > 0 ? span : 1));
  if (sel < 250) return fz_interesting[fz_u8(in) % (sizeof fz_interesting / sizeof fz_interesting[0])];
  return (int64_t)fz_u64(in);
}

static inline int32_t fz_i32(fz_in *in, int32_t lo, int32_t span) {
  uint8_t sel = fz_u8(in);
  if (sel < 220) return lo + (int32_t)(fz_u8(in) % (uint32_t)(span > 0 ? span : 1));
  if (sel < 240) {
    static const int32_t v[] = {0, -1, 1, INT32_MAX, INT32_MIN, 65536, -65536, 1000, 100000};
    return v[fz_u8(in) % (sizeof v / sizeof v[0])];
  }
  return (int32_t)fz_u32(in);
}

#define FZ_FAIL(...)                                                        \
  do {                                                                      \
    fprintf(stderr, "fuzz invariant violated at %s:%d: ", __FILE__, __LINE__); \
    fprintf(stderr, __VA_ARGS__);                                           \
    fprintf(stderr, "\n  last ctensor error: %s\n", ct_last_error_message()); \
    abort();                                                                \
  } while (0)

#define FZ_ASSERT(cond, ...)                                                \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "(%s) ", #cond);                                      \
      FZ_FAIL(__VA_ARGS__);                                                 \
    }                                                                       \
  } while (0)

/* The error state after a failed call: a known kind, equal to the status, and a message. */
static inline void fz_check_error(const char *what, ct_status st) {
  if (st <= CT_OK || st >= CT_ERR_COUNT) FZ_FAIL("%s returned the unknown status %d", what, (int)st);
  const char *msg = ct_last_error_message();
  if (!msg || !msg[0]) FZ_FAIL("%s failed (%s) with an empty message", what, ct_status_name(st));
  if (ct_last_error_code() != st)
    FZ_FAIL("%s returned %s but ct_last_error_code() is %s", what, ct_status_name(st),
            ct_status_name(ct_last_error_code()));
}

/*
 * The contract of a call that returns a tensor through out: on success a
 * handle, on failure NULL, a known error kind and a non-empty message that
 * matches ct_last_error_code().
 */
static inline void fz_check_result(const char *what, ct_status st, ct_tensor *out) {
  if (st == CT_OK) {
    if (!out) FZ_FAIL("%s succeeded with out NULL", what);
    return;
  }
  if (st < 0 || st >= CT_ERR_COUNT) FZ_FAIL("%s returned the unknown status %d", what, (int)st);
  if (out) FZ_FAIL("%s failed (%s) but out is not NULL", what, ct_status_name(st));
  fz_check_error(what, st);
}


/* Live host blocks now (the leak check compares them with the count at the start of an input). */
static inline int64_t fz_live_blocks(void) {
  int64_t blocks = -1;
  ct_memory_stats(&blocks, NULL, NULL);
  return blocks;
}

static inline void fz_check_no_leak(int64_t baseline, const char *target) {
  int64_t now = fz_live_blocks();
  if (now != baseline)
    FZ_FAIL("%s: %lld ctensor host blocks live after the input, %lld before (a leak)", target, (long long)now,
            (long long)baseline);
}

static inline int64_t fz_itemsize(ct_dtype d) {
  int64_t s = 0;
  if (ct_dtype_itemsize(&s, d) != CT_OK) FZ_FAIL("ct_dtype_itemsize(%d) failed", (int)d);
  return s;
}

/* a * b into *r, false on overflow (either negative: false). */
static inline bool fz_mul(int64_t *r, int64_t a, int64_t b) {
  if (a < 0 || b < 0) return false;
  return !__builtin_mul_overflow(a, b, r);
}

static inline bool fz_add(int64_t *r, int64_t a, int64_t b) { return !__builtin_add_overflow(a, b, r); }

/* The numel of a shape, false on a negative size or overflow. */
static inline bool fz_numel(int64_t *numel, int32_t ndim, const int64_t *shape) {
  int64_t n = 1;
  bool zero = false;
  for (int32_t d = 0; d < ndim; d++) {
    if (shape[d] < 0) return false;
    if (shape[d] == 0) zero = true;
  }
  for (int32_t d = 0; d < ndim; d++)
    if (!fz_mul(&n, n, shape[d])) {
      if (!zero) return false;
      n = 0;
      break;
    }
  *numel = zero ? 0 : n;
  return true;
}

/*
 * Checks a tensor's metadata against its own accessors and, with
 * max_read > 0 elements, reads every element through ct_contiguous (ASan
 * catches a read outside the memory). Returns the contiguous copy (or NULL
 * when the tensor was too large to read), which the caller releases.
 */
static inline ct_tensor *fz_read_all(ct_tensor *t, int64_t max_read) {
  int32_t nd = -1;
  FZ_ASSERT(ct_tensor_ndim(&nd, t) == CT_OK && nd >= 0, "ndim");
  int64_t shape[64], strides[64];
  FZ_ASSERT(nd <= 64, "ndim %d", (int)nd);
  FZ_ASSERT(ct_tensor_shape(shape, nd, t) == CT_OK, "shape");
  FZ_ASSERT(ct_tensor_strides(strides, nd, t) == CT_OK, "strides");
  int64_t numel = -1, expect;
  FZ_ASSERT(ct_tensor_numel(&numel, t) == CT_OK, "numel");
  FZ_ASSERT(fz_numel(&expect, nd, shape) && expect == numel, "numel %lld does not match the shape", (long long)numel);
  for (int32_t d = 0; d < nd; d++) FZ_ASSERT(strides[d] >= 0, "stride %d = %lld", (int)d, (long long)strides[d]);
  if (numel > max_read) return NULL;
  ct_tensor *c = NULL;
  ct_status st = ct_contiguous(&c, t);
  fz_check_result("ct_contiguous", st, c);
  if (st != CT_OK) FZ_FAIL("ct_contiguous of a %lld-element tensor failed", (long long)numel);
  bool contig = false;
  FZ_ASSERT(ct_tensor_is_contiguous(&contig, c) == CT_OK && contig, "ct_contiguous gave a non-contiguous tensor");
  return c;
}

#endif /* CT_FUZZ_COMMON_H */
