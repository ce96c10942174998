/*
 * fuzz_view: ct_as_strided with arbitrary sizes, strides and offsets over a
 * small tensor that wraps an exactly-sized malloc block, then chains of view
 * functions (narrow, select, slice, view, reshape, permute, expand,
 * unsqueeze, squeeze, transpose, flatten, unflatten, diagonal, unfold,
 * movedim, real/imag, view_as_real/complex, broadcast_to) with arbitrary
 * parameters.
 *
 * Invariants: the result contract of every call; a view that shares the base
 * storage lies inside the block (checked from its public metadata, so even a
 * few bytes past the end inside the allocator's slack are caught) and reads,
 * through ct_contiguous, exactly the bytes its strides address;
 * ct_as_strided accepts exactly the views that fit (when sizes are
 * non-negative and nothing overflows); the base's deleter runs once, when
 * the last view dies; no ctensor memory is left behind.
 */
#include "fuzz_common.h"

#define MAX_BASE 64   /* elements of the base block */
#define MAX_READ 4096 /* elements read through ct_contiguous */
#define MAX_STEPS 10

static int deleter_calls;

static void blob_deleter(void *data, void *ctx) {
  (void)ctx;
  free(data);
  deleter_calls++;
}

typedef struct {
  const char *blob;
  int64_t blob_bytes;
  ct_tensor *base;
} fz_base;

/* An array of n int64 (n clamped to [0, 16]) for shapes, strides or dims. */
static int32_t read_list(fz_in *in, int64_t *v, int32_t n, int64_t lo, int64_t span) {
  for (int32_t i = 0; i < n && i < 16; i++) v[i] = fz_i64(in, lo, span);
  return n;
}

/* ndim argument: usually 0..6, sometimes negative; never more than 16 (the arrays' length). */
static int32_t read_ndim(fz_in *in) {
  int32_t n = fz_i32(in, 0, 7);
  if (n > 16) n %= 17;
  return n;
}

/* Checks a successful view against the base block; reads it. */
static void check_view(const fz_base *b, ct_tensor *v, const char *what) {
  ct_tensor *c = fz_read_all(v, MAX_READ);
  bool shares = false;
  FZ_ASSERT(ct_tensor_shares_storage(&shares, v, b->base) == CT_OK, "shares_storage");
  int32_t nd;
  int64_t shape[64], strides[64], numel;
  ct_dtype dt;
  ct_tensor_ndim(&nd, v);
  ct_tensor_shape(shape, nd, v);
  ct_tensor_strides(strides, nd, v);
  ct_tensor_numel(&numel, v);
  ct_tensor_dtype(&dt, v);
  int64_t isz = fz_itemsize(dt);
  if (shares && numel > 0) {
    void *p = NULL;
    FZ_ASSERT(ct_tensor_data_ptr(&p, v) == CT_OK, "data_ptr");
    const char *first = p;
    /* The last byte reached: first + sum (size - 1) * stride * isz + isz - 1, within the block. */
    __int128 last = (__int128)(intptr_t)(first - b->blob);
    for (int32_t d = 0; d < nd; d++) last += (__int128)(shape[d] - 1) * strides[d] * isz;
    last += isz - 1;
    if (first < b->blob || last >= b->blob_bytes)
      FZ_FAIL("%s: a view of the base starts at byte %lld and ends at byte %lld of a %lld-byte block", what,
              (long long)(first - b->blob), (long long)last, (long long)b->blob_bytes);
    if (c) {
      const char *cp = NULL;
      FZ_ASSERT(ct_tensor_data_ptr((void **)&cp, c) == CT_OK, "data_ptr");
      int64_t idx[64] = {0};
      for (int64_t k = 0; k < numel; k++) {
        int64_t off = 0;
        for (int32_t d = 0; d < nd; d++) off += idx[d] * strides[d];
        if (memcmp(cp + k * isz, first + off * isz, (size_t)isz) != 0)
          FZ_FAIL("%s: element %lld of the contiguous copy differs from the memory its strides address", what,
                  (long long)k);
        for (int32_t d = nd - 1; d >= 0; d--) {
          if (++idx[d] < shape[d]) break;
          idx[d] = 0;
        }
      }
    }
  }
  ct_tensor_release(c);
}

/* ct_as_strided's oracle: whether the view fits t's storage (t a view of the base), or -1 if unknown. */
static int as_strided_fits(const fz_base *b, ct_tensor *t, int32_t nd, const int64_t *shape, const int64_t *strides,
                           int64_t offset) {
  bool shares = false;
  ct_tensor_shares_storage(&shares, t, b->base);
  if (!shares || nd < 0 || offset < 0) return nd < 0 || offset < 0 ? 0 : -1;
  ct_dtype dt;
  ct_tensor_dtype(&dt, t);
  int64_t isz = fz_itemsize(dt), numel;
  for (int32_t d = 0; d < nd; d++)
    if (shape[d] < 0 || strides[d] < 0) return 0;
  int64_t nbytes;
  if (!fz_numel(&numel, nd, shape) || !fz_mul(&nbytes, numel, isz)) return -1; /* overflow: CT_ERR_SHAPE */
  if (numel == 0) return -1;                   /* empty views: the offset is not checked (as PyTorch) */
  __int128 end = offset;
  for (int32_t d = 0; d < nd; d++) end += (__int128)(shape[d] - 1) * strides[d];
  end = (end + 1) * isz;
  if (end > INT64_MAX) return -1; /* overflow: CT_ERR_SHAPE */
  return end <= b->blob_bytes;
}

static ct_status do_step(fz_in *in, const fz_base *b, ct_tensor *t, ct_tensor **out, const char **what) {
  int64_t a[16], c[16];
  /* reshape and flatten may copy: not for a huge (expanded) view, whose copy would take gigabytes. */
  int64_t numel = 0;
  ct_dtype dt = CT_BOOL;
  ct_tensor_numel(&numel, t);
  ct_tensor_dtype(&dt, t);
  bool big = numel > (1 << 20) / fz_itemsize(dt);
  int32_t n;
  int64_t d0, d1, d2;
  uint32_t op = fz_below(in, 26);
  switch (op) {
    case 0: {
      n = read_ndim(in);
      read_list(in, a, n, 0, 6);
      read_list(in, c, n, 0, 9);
      int64_t off = fz_i64(in, 0, 70);
      bool null_strides = fz_u8(in) == 0xff;
      *what = "ct_as_strided";
      ct_status st = ct_as_strided(out, t, n, a, null_strides ? NULL : c, off);
      int fits = null_strides && n > 0 ? 0 : as_strided_fits(b, t, n, a, c, off);
      if (fits == 1 && st != CT_OK) FZ_FAIL("ct_as_strided refused a view that fits its storage");
      if (fits == 0 && st == CT_OK) FZ_FAIL("ct_as_strided accepted a view that does not fit its storage");
      return st;
    }
    case 1:
      d0 = fz_i64(in, -4, 9), d1 = fz_i64(in, -5, 11), d2 = fz_i64(in, -1, 7);
      *what = "ct_narrow";
      return ct_narrow(out, t, d0, d1, d2);
    case 2:
      d0 = fz_i64(in, -4, 9), d1 = fz_i64(in, -5, 11);
      *what = "ct_select";
      return ct_select(out, t, d0, d1);
    case 3: {
      d0 = fz_i64(in, -4, 9), d1 = fz_i64(in, -6, 13), d2 = fz_i64(in, -6, 13);
      int64_t step = fz_i64(in, -1, 5);
      *what = "ct_slice";
      return ct_slice(out, t, d0, d1, d2, step);
    }
    case 4:
      n = read_ndim(in);
      read_list(in, a, n, -2, 10);
      *what = "ct_view";
      return ct_view(out, t, n, a);
    case 5:
      n = read_ndim(in);
      read_list(in, a, n, -2, 10);
      *what = big ? "ct_view" : "ct_reshape";
      return big ? ct_view(out, t, n, a) : ct_reshape(out, t, n, a);
    case 6:
      n = read_ndim(in);
      read_list(in, a, n, -4, 9);
      *what = "ct_permute";
      return ct_permute(out, t, a, n);
    case 7:
      n = read_ndim(in);
      read_list(in, a, n, -2, 8);
      *what = "ct_expand";
      return ct_expand(out, t, n, a);
    case 8:
      *what = "ct_unsqueeze";
      return ct_unsqueeze(out, t, fz_i64(in, -5, 11));
    case 9:
      *what = "ct_squeeze";
      return ct_squeeze(out, t);
    case 10:
      *what = "ct_squeeze_dim";
      return ct_squeeze_dim(out, t, fz_i64(in, -4, 9));
    case 11:
      d0 = fz_i64(in, -4, 9), d1 = fz_i64(in, -4, 9);
      *what = "ct_transpose";
      return ct_transpose(out, t, d0, d1);
    case 12:
      *what = "ct_t";
      return ct_t(out, t);
    case 13:
      *what = "ct_mT";
      return ct_mT(out, t);
    case 14:
      d0 = fz_i64(in, -4, 9), d1 = fz_i64(in, -4, 9);
      *what = big ? "ct_movedim" : "ct_flatten";
      return big ? ct_movedim(out, t, d0, d1) : ct_flatten(out, t, d0, d1);
    case 15:
      d0 = fz_i64(in, -4, 9);
      n = read_ndim(in);
      read_list(in, a, n, -2, 8);
      *what = "ct_unflatten";
      return ct_unflatten(out, t, d0, a, n);
    case 16:
      d0 = fz_i64(in, -4, 9), d1 = fz_i64(in, -4, 9), d2 = fz_i64(in, -4, 9);
      *what = "ct_diagonal";
      return ct_diagonal(out, t, d0, d1, d2);
    case 17:
      d0 = fz_i64(in, -4, 9), d1 = fz_i64(in, -1, 7), d2 = fz_i64(in, -1, 5);
      *what = "ct_unfold";
      return ct_unfold(out, t, d0, d1, d2);
    case 18:
      d0 = fz_i64(in, -4, 9), d1 = fz_i64(in, -4, 9);
      *what = "ct_movedim";
      return ct_movedim(out, t, d0, d1);
    case 19:
      *what = "ct_real";
      return ct_real(out, t);
    case 20:
      *what = "ct_imag";
      return ct_imag(out, t);
    case 21:
      *what = "ct_view_as_real";
      return ct_view_as_real(out, t);
    case 22:
      *what = "ct_view_as_complex";
      return ct_view_as_complex(out, t);
    case 23:
      n = read_ndim(in);
      read_list(in, a, n, -2, 8);
      *what = "ct_broadcast_to";
      return ct_broadcast_to(out, t, n, a);
    case 24:
      n = read_ndim(in);
      read_list(in, a, n, -4, 9);
      *what = "ct_squeeze_dims";
      return ct_squeeze_dims(out, t, a, n);
    default:
      n = read_ndim(in);
      read_list(in, a, n, -4, 9);
      read_list(in, c, n, -4, 9);
      *what = "ct_movedims";
      return ct_movedims(out, t, a, c, n);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  int64_t baseline = fz_live_blocks();
  deleter_calls = 0;

  ct_dtype dtype = (ct_dtype)fz_below(&in, CT_DTYPE_COUNT);
  int64_t n = fz_below(&in, MAX_BASE + 1), isz = fz_itemsize(dtype);
  uint32_t flags = fz_u8(&in) < 32 ? CT_BLOB_READ_ONLY : 0;
  char *blob = malloc(n ? (size_t)(n * isz) : 1);
  if (!blob) return 0;
  for (int64_t i = 0; i < n * isz; i++) blob[i] = (char)(i * 131 + 7); /* distinct neighbours; no NaN traps */
  fz_base b = {blob, n * isz, NULL};
  ct_status st = ct_from_blob(&b.base, blob, 1, &n, NULL, dtype, CT_DEVICE_CPU, 0, blob_deleter, NULL, flags);
  fz_check_result("ct_from_blob", st, b.base);
  if (st != CT_OK) FZ_FAIL("ct_from_blob of %lld elements failed", (long long)n);

  ct_tensor *cur = b.base;
  ct_tensor_retain(cur);
  check_view(&b, cur, "ct_from_blob");
  int steps = 1 + (int)fz_below(&in, MAX_STEPS);
  ct_tensor *keep = NULL; /* one intermediate view kept alive, to release out of order */
  for (int s = 0; s < steps && in.n > 0; s++) {
    ct_tensor *out = (ct_tensor *)(uintptr_t)1; /* must be overwritten on every path */
    const char *what = "?";
    st = do_step(&in, &b, cur, &out, &what);
    fz_check_result(what, st, out);
    if (st != CT_OK) continue;
    check_view(&b, out, what);
    if (!keep && fz_u8(&in) < 40) {
      keep = cur;
    } else {
      ct_tensor_release(cur);
    }
    cur = out;
  }
  /* The storage lives while any view of it does. */
  bool alive = false, k = false;
  ct_tensor_shares_storage(&alive, cur, b.base);
  if (keep) ct_tensor_shares_storage(&k, keep, b.base);
  alive = alive || k;
  ct_tensor_release(b.base);
  if (alive && deleter_calls != 0) FZ_FAIL("the base's deleter ran while views of it were alive");
  if (!alive && deleter_calls != 1) FZ_FAIL("the base's deleter ran %d times with no view left", deleter_calls);
  ct_tensor_release(cur);
  ct_tensor_release(keep);
  if (deleter_calls != 1) FZ_FAIL("the base's deleter ran %d times", deleter_calls);
  fz_check_no_leak(baseline, "fuzz_view");
  return 0;
}
