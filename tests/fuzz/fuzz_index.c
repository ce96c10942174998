/*
 * fuzz_index: Python's t[index] and t[index] = value through ct_index,
 * ct_index_put_ and ct_index_put, with arbitrary item kinds (valid or not),
 * values, small index tensors (int64, int32, bool and uint8 masks, and
 * dtypes that must be refused), NULL arrays and handles, read-only and
 * overlapping (expanded) targets.
 *
 * t wraps an exactly-sized malloc block, so ASan sees any access past it.
 * Invariants: the result contract; a get without index tensors is a view
 * inside t's block; results read through ct_contiguous; a failed write
 * leaves t unchanged, a read-only t is never written; the block's deleter
 * runs once; no ctensor memory is left behind.
 */
#include "fuzz_common.h"

#define MAX_ITEMS 10
#define MAX_READ 4096

static int deleter_calls;

static void blob_deleter(void *data, void *ctx) {
  (void)ctx;
  free(data);
  deleter_calls++;
}

/* A small tensor of dtype with sizes in [0, 4] and values from the input (NULL if creation fails). */
static ct_tensor *small_tensor(fz_in *in, ct_dtype dtype, int32_t max_ndim, int64_t lo, int64_t span) {
  int32_t nd = (int32_t)fz_below(in, (uint32_t)max_ndim + 1);
  int64_t shape[4], numel = 1;
  for (int32_t d = 0; d < nd; d++) {
    shape[d] = fz_below(in, 5);
    numel *= shape[d];
  }
  int64_t v[256];
  double dv[256];
  bool bv[256];
  for (int64_t i = 0; i < numel; i++) {
    v[i] = fz_i64(in, lo, span);
    dv[i] = (double)v[i];
    bv[i] = v[i] & 1;
  }
  const void *src = v;
  ct_dtype src_dtype = CT_INT64;
  if (dtype == CT_BOOL) src = bv, src_dtype = CT_BOOL;
  else if (dtype >= CT_FLOAT16) src = dv, src_dtype = CT_FLOAT64;
  ct_tensor *t = NULL;
  /* Conversions of out-of-range values may be refused: then a plain one. */
  ct_status st = ct_from_data(&t, src, src_dtype, nd, shape, dtype, CT_DEVICE_CPU, 0);
  fz_check_result("ct_from_data", st, t);
  if (st != CT_OK) {
    st = ct_zeros(&t, nd, shape, dtype, CT_DEVICE_CPU, 0);
    fz_check_result("ct_zeros", st, t);
    FZ_ASSERT(st == CT_OK, "ct_zeros of a small shape failed");
  }
  return t;
}

static ct_dtype index_dtype(fz_in *in) {
  static const ct_dtype d[] = {CT_INT64, CT_INT64, CT_INT32, CT_BOOL, CT_BOOL, CT_UINT8, CT_INT16, CT_FLOAT32};
  return d[fz_u8(in) % 8];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  int64_t baseline = fz_live_blocks();
  deleter_calls = 0;

  /* t: a block of 0..4 dims of sizes 0..4, maybe viewed through as_strided. */
  ct_dtype dtype = (ct_dtype)fz_below(&in, CT_DTYPE_COUNT);
  int64_t isz = fz_itemsize(dtype);
  int32_t nd = (int32_t)fz_below(&in, 5);
  int64_t shape[4], numel = 1;
  for (int32_t d = 0; d < nd; d++) {
    shape[d] = fz_below(&in, 5);
    numel *= shape[d];
  }
  uint32_t flags = fz_u8(&in) < 24 ? CT_BLOB_READ_ONLY : 0;
  size_t nbytes = (size_t)(numel * isz);
  char *block = malloc(nbytes ? nbytes : 1);
  for (size_t i = 0; i < nbytes; i++) block[i] = (char)fz_u8(&in);
  char *before = malloc(nbytes ? nbytes : 1);
  ct_tensor *base = NULL;
  ct_status st = ct_from_blob(&base, block, nd, shape, NULL, dtype, CT_DEVICE_CPU, 0, blob_deleter, NULL, flags);
  fz_check_result("ct_from_blob", st, base);
  FZ_ASSERT(st == CT_OK, "ct_from_blob failed");
  ct_tensor *t = base;
  ct_tensor_retain(t);
  uint8_t vsel = fz_u8(&in);
  if (vsel >= 192) { /* a view: transposed, expanded (overlapping) or strided */
    ct_tensor *v = NULL;
    if (vsel < 216) st = ct_transpose(&v, t, 0, -1);
    else if (vsel < 240) {
      int64_t e[5] = {2, -1, -1, -1, -1};
      st = ct_expand(&v, t, nd + 1, e);
    } else {
      /* Small sizes: a huge stride-0 view would make index copies of gigabytes (fuzz_view covers huge ones). */
      int64_t sh[2] = {fz_below(&in, 5), fz_below(&in, 5)};
      int64_t str[2] = {fz_u8(&in) < 240 ? fz_below(&in, 5) : fz_i64(&in, 0, 4), fz_below(&in, 5)};
      st = ct_as_strided(&v, t, 2, sh, str, fz_below(&in, 9));
    }
    fz_check_result("a view of t", st, v);
    if (st == CT_OK) {
      ct_tensor_release(t);
      t = v;
    }
  }

  /* The index. */
  int32_t n = fz_i32(&in, 0, 6);
  if (n > MAX_ITEMS) n %= MAX_ITEMS + 1;
  int32_t kinds[MAX_ITEMS];
  int64_t values[3 * MAX_ITEMS];
  ct_tensor *tensors[MAX_ITEMS] = {0};
  for (int32_t i = 0; i < n; i++) {
    uint8_t k = fz_u8(&in);
    kinds[i] = k < 250 ? (int32_t)(k % 7) : fz_i32(&in, -2, 10);
    values[3 * i] = fz_i64(&in, -5, 11);
    if (kinds[i] == CT_INDEX_SLICE) {
      values[3 * i + 1] = fz_u8(&in) < 128 ? INT64_MAX : fz_i64(&in, -5, 11);
      values[3 * i + 2] = fz_u8(&in) < 160 ? 1 : fz_i64(&in, -1, 4);
    } else {
      values[3 * i + 1] = fz_i64(&in, -5, 11);
      values[3 * i + 2] = fz_i64(&in, -5, 11);
    }
    if (kinds[i] == CT_INDEX_BOOL && fz_u8(&in) < 200) values[3 * i] &= 1;
    if (kinds[i] == CT_INDEX_TENSOR && fz_u8(&in) < 250) {
      ct_dtype idt = index_dtype(&in);
      tensors[i] = small_tensor(&in, idt, 3, -5, 11);
    }
  }
  uint8_t nulls = fz_u8(&in);
  const int32_t *kinds_arg = nulls == 255 ? NULL : kinds;
  const int64_t *values_arg = nulls == 254 ? NULL : values;
  ct_tensor *const *tensors_arg = nulls == 253 ? NULL : tensors;
  bool has_tensor = false;
  /* (PyTorch turns True and False into index tensors too: those results may be copies.) */
  for (int32_t i = 0; i < n; i++) has_tensor |= (kinds[i] == CT_INDEX_TENSOR && tensors[i]) || kinds[i] == CT_INDEX_BOOL;

  /* get */
  ct_tensor *r = (ct_tensor *)(uintptr_t)1;
  st = ct_index(&r, t, n, kinds_arg, values_arg, tensors_arg);
  fz_check_result("ct_index", st, r);
  int64_t rnumel = 0;
  if (st == CT_OK) {
    ct_tensor_numel(&rnumel, r);
    bool shares = false;
    ct_tensor_shares_storage(&shares, r, base);
    if (!has_tensor) FZ_ASSERT(shares, "t[index] without index tensors is not a view");
    if (shares && rnumel > 0) {
      /* A view: every element inside the block. */
      int32_t rnd;
      int64_t rs[64], rst[64];
      void *p;
      ct_tensor_ndim(&rnd, r);
      FZ_ASSERT(rnd <= 64, "ndim");
      ct_tensor_shape(rs, rnd, r);
      ct_tensor_strides(rst, rnd, r);
      ct_tensor_data_ptr(&p, r);
      __int128 last = (char *)p - block;
      for (int32_t d = 0; d < rnd; d++) last += (__int128)(rs[d] - 1) * rst[d] * isz;
      FZ_ASSERT((char *)p >= block && last + isz <= (__int128)nbytes, "t[index] reaches outside t's block");
    }
    ct_tensor_release(fz_read_all(r, MAX_READ));
  }

  /* put: a value of r's shape (or smaller, broadcasting), of t's dtype or another, or a wrapped number. */
  ct_tensor *value = NULL;
  uint8_t vk = fz_u8(&in);
  if (vk < 64) {
    double x = (double)fz_i64(&in, -3, 7);
    st = ct_scalar_tensor(&value, &x, CT_FLOAT64);
    fz_check_result("ct_scalar_tensor", st, value);
  } else if (vk < 160 && st == CT_OK && r && rnumel <= 256) {
    st = ct_full_like(&value, r, &(int64_t){1}, CT_INT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1);
    fz_check_result("ct_full_like", st, value);
  } else if (vk < 250) {
    value = small_tensor(&in, fz_u8(&in) < 200 ? dtype : (ct_dtype)fz_below(&in, CT_DTYPE_COUNT), 3, -3, 7);
  }
  if (st == CT_OK) ct_tensor_release(r);
  bool accumulate = fz_bool(&in);
  bool inplace = fz_u8(&in) < 192;
  memcpy(before, block, nbytes);
  if (inplace) {
    st = ct_index_put_(t, n, kinds_arg, values_arg, tensors_arg, value, accumulate);
    if (st != CT_OK) {
      fz_check_error("ct_index_put_", st);
      /* Every index is checked before anything is written. */
      if (st != CT_ERR_OUT_OF_MEMORY)
        FZ_ASSERT(memcmp(before, block, nbytes) == 0, "a failed ct_index_put_ (%s) wrote to t", ct_status_name(st));
    }
    if (flags & CT_BLOB_READ_ONLY) {
      FZ_ASSERT(st != CT_OK || memcmp(before, block, nbytes) == 0 || rnumel == 0, "a read-only t was written");
      FZ_ASSERT(memcmp(before, block, nbytes) == 0, "a read-only t was written");
    }
  } else {
    ct_tensor *o = (ct_tensor *)(uintptr_t)1;
    st = ct_index_put(&o, t, n, kinds_arg, values_arg, tensors_arg, value, accumulate);
    fz_check_result("ct_index_put", st, o);
    FZ_ASSERT(memcmp(before, block, nbytes) == 0, "ct_index_put wrote to its input");
    if (st == CT_OK) ct_tensor_release(fz_read_all(o, MAX_READ));
    ct_tensor_release(o);
  }
  ct_tensor_release(value);
  for (int32_t i = 0; i < n; i++) ct_tensor_release(tensors[i]);
  ct_tensor_release(t);
  FZ_ASSERT(deleter_calls == 0, "the block's deleter ran while base was alive");
  ct_tensor_release(base);
  FZ_ASSERT(deleter_calls == 1, "the block's deleter ran %d times", deleter_calls);
  free(before);
  fz_check_no_leak(baseline, "fuzz_index");
  return 0;
}
