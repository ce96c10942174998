/*
 * fuzz_broadcast: type promotion (ct_promote_types, ct_can_cast,
 * ct_result_type) over any dtype values, broadcasting (ct_broadcast_to) and
 * a binary op (ct_add, ct_add_) over arbitrary pairs of small shapes and
 * dtypes, with wrapped numbers, 0-d tensors, expanded and transposed inputs,
 * arbitrary element bits (NaN, infinities, subnormals, extreme integers) and
 * any alpha.
 *
 * Invariants: the result contract; promote_types is symmetric, idempotent,
 * refuses exactly the out-of-range dtypes, and every input can be cast to
 * the promoted type; result_type of two dimensioned tensors is their
 * promote_types; broadcast_to and add accept exactly the shapes NumPy's
 * rules accept, and add's result has the broadcast shape and the
 * result_type dtype; an in-place add keeps its shape; no ctensor memory is
 * left behind.
 */
#include "fuzz_common.h"

#define MAX_NDIM 5
#define MAX_NUMEL 512

/* A tensor of small shape with arbitrary element bits (bool elements stay 0 or 1). */
static ct_tensor *make_tensor(fz_in *in) {
  uint8_t kind = fz_u8(in);
  ct_dtype dtype = (ct_dtype)fz_below(in, CT_DTYPE_COUNT);
  ct_tensor *t = NULL;
  ct_status st;
  if (kind < 24) { /* a wrapped number */
    uint8_t v[16];
    for (int i = 0; i < 16; i++) v[i] = fz_u8(in);
    if (dtype == CT_BOOL) v[0] &= 1;
    st = ct_scalar_tensor(&t, v, dtype);
    fz_check_result("ct_scalar_tensor", st, t);
    FZ_ASSERT(st == CT_OK, "ct_scalar_tensor failed");
    return t;
  }
  int32_t nd = (int32_t)fz_below(in, MAX_NDIM + 1);
  int64_t shape[MAX_NDIM], numel = 1;
  for (int32_t d = 0; d < nd; d++) {
    uint8_t s = fz_u8(in);
    shape[d] = s < 240 ? s % 4 : s % 8;
    numel *= shape[d];
  }
  if (numel > MAX_NUMEL) nd = 1, shape[0] = 3, numel = 3;
  st = ct_empty(&t, nd, shape, dtype, CT_DEVICE_CPU, 0);
  fz_check_result("ct_empty", st, t);
  FZ_ASSERT(st == CT_OK, "ct_empty of a small shape failed");
  uint8_t *p;
  ct_tensor_data_ptr((void **)&p, t);
  int64_t nbytes = numel * fz_itemsize(dtype);
  for (int64_t i = 0; i < nbytes; i++) p[i] = dtype == CT_BOOL ? fz_u8(in) & 1 : fz_u8(in);
  uint8_t view = fz_u8(in);
  ct_tensor *v = NULL;
  if (view >= 200 && nd >= 2) {
    st = ct_transpose(&v, t, 0, -1);
  } else if (view >= 160 && nd >= 1) {
    int64_t e[MAX_NDIM + 1];
    e[0] = fz_below(in, 3);
    for (int32_t d = 0; d < nd; d++) e[d + 1] = shape[d] == 1 ? (int64_t)fz_below(in, 3) : -1;
    st = ct_expand(&v, t, nd + 1, e);
  } else {
    return t;
  }
  fz_check_result("a view", st, v);
  if (st == CT_OK) {
    ct_tensor_release(t);
    t = v;
  }
  return t;
}

typedef struct {
  int32_t nd;
  int64_t s[64];
} shape_t;

static shape_t shape_of(ct_tensor *t) {
  shape_t r;
  ct_tensor_ndim(&r.nd, t);
  FZ_ASSERT(r.nd <= 64, "ndim");
  ct_tensor_shape(r.s, r.nd, t);
  return r;
}

/* NumPy's rule: the broadcast shape of a and b, or false. */
static bool broadcast(shape_t *out, const shape_t *a, const shape_t *b) {
  out->nd = a->nd > b->nd ? a->nd : b->nd;
  for (int32_t i = 0; i < out->nd; i++) {
    int32_t da = a->nd - 1 - i, db = b->nd - 1 - i;
    int64_t x = da >= 0 ? a->s[da] : 1, y = db >= 0 ? b->s[db] : 1;
    if (x != y && x != 1 && y != 1) return false;
    out->s[out->nd - 1 - i] = x == 1 ? y : x;
  }
  return true;
}

static bool same_shape(const shape_t *a, const shape_t *b) {
  return a->nd == b->nd && memcmp(a->s, b->s, (size_t)a->nd * sizeof(int64_t)) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  int64_t baseline = fz_live_blocks();

  /* promote_types and can_cast over any dtype values. */
  for (int i = 0; i < 2; i++) {
    ct_dtype a = fz_i32(&in, -2, 15), b = fz_i32(&in, -2, 15), r = -7, r2 = -7;
    bool valid = a >= 0 && a < CT_DTYPE_COUNT && b >= 0 && b < CT_DTYPE_COUNT;
    ct_status st = ct_promote_types(&r, a, b);
    if (!valid) {
      FZ_ASSERT(st == CT_ERR_DTYPE, "ct_promote_types(%d, %d) gave %s", (int)a, (int)b, ct_status_name(st));
      fz_check_error("ct_promote_types", st);
      continue;
    }
    FZ_ASSERT(st == CT_OK && r >= 0 && r < CT_DTYPE_COUNT, "ct_promote_types(%d, %d)", (int)a, (int)b);
    FZ_ASSERT(ct_promote_types(&r2, b, a) == CT_OK && r2 == r, "promote_types is not symmetric for %d, %d", (int)a,
              (int)b);
    FZ_ASSERT(ct_promote_types(&r2, a, a) == CT_OK && r2 == a, "promote_types(%d, %d) is %d", (int)a, (int)a, (int)r2);
    bool ca = false, cb = false;
    FZ_ASSERT(ct_can_cast(&ca, a, r) == CT_OK && ct_can_cast(&cb, b, r) == CT_OK, "ct_can_cast failed");
    FZ_ASSERT(ca && cb, "promote_types(%d, %d) = %d, which %d or %d cannot be cast to", (int)a, (int)b, (int)r,
              (int)a, (int)b);
  }
  if (fz_u8(&in) == 0xff) {
    ct_status st = ct_promote_types(NULL, CT_INT8, CT_FLOAT32);
    FZ_ASSERT(st == CT_ERR_INVALID_ARGUMENT, "ct_promote_types with result NULL");
    fz_check_error("ct_promote_types", st);
  }

  ct_tensor *a = make_tensor(&in), *b = make_tensor(&in);
  shape_t sa = shape_of(a), sb = shape_of(b), sab;
  bool compatible = broadcast(&sab, &sa, &sb);
  bool wa = false, wb = false;
  ct_tensor_is_wrapped_number(&wa, a);
  ct_tensor_is_wrapped_number(&wb, b);
  ct_dtype da, db;
  ct_tensor_dtype(&da, a);
  ct_tensor_dtype(&db, b);

  /* result_type */
  ct_tensor *pair[2] = {a, b};
  ct_dtype rt = -7, pt;
  ct_status st = ct_result_type(&rt, 2, pair);
  FZ_ASSERT(st == CT_OK && rt >= 0 && rt < CT_DTYPE_COUNT, "ct_result_type failed");
  if (sa.nd > 0 && sb.nd > 0 && !wa && !wb) {
    ct_promote_types(&pt, da, db);
    FZ_ASSERT(rt == pt, "result_type %d, promote_types %d", (int)rt, (int)pt);
  }
  int32_t nbad = fz_i32(&in, 0, 3);
  if (nbad < 1) { /* (more than the array holds would be the caller's overflow) */
    ct_dtype unused;
    st = ct_result_type(&unused, nbad, pair);
    FZ_ASSERT(st != CT_OK || (nbad >= 1 && nbad <= 2), "ct_result_type accepted n = %d", (int)nbad);
    if (st != CT_OK) fz_check_error("ct_result_type", st);
  }

  /* broadcast_to b's shape */
  ct_tensor *r = (ct_tensor *)(uintptr_t)1;
  st = ct_broadcast_to(&r, a, sb.nd, sb.s);
  fz_check_result("ct_broadcast_to", st, r);
  bool fits = sa.nd <= sb.nd;
  for (int32_t i = 0; fits && i < sa.nd; i++) {
    int64_t x = sa.s[sa.nd - 1 - i], y = sb.s[sb.nd - 1 - i];
    fits = x == y || x == 1;
  }
  FZ_ASSERT((st == CT_OK) == fits, "ct_broadcast_to: %s for shapes that %s", ct_status_name(st),
            fits ? "fit" : "do not fit");
  if (st == CT_OK) {
    shape_t sr = shape_of(r);
    FZ_ASSERT(same_shape(&sr, &sb), "ct_broadcast_to's shape");
    ct_tensor_release(fz_read_all(r, 4096));
    ct_tensor_release(r);
  }

  /* add, with or without alpha */
  uint8_t alpha[16];
  ct_dtype alpha_dtype = (ct_dtype)fz_below(&in, CT_DTYPE_COUNT);
  for (int i = 0; i < 16; i++) alpha[i] = fz_u8(&in);
  if (alpha_dtype == CT_BOOL) alpha[0] &= 1;
  bool with_alpha = fz_bool(&in);
  r = (ct_tensor *)(uintptr_t)1;
  st = ct_add(&r, a, b, with_alpha ? alpha : NULL, alpha_dtype);
  fz_check_result("ct_add", st, r);
  if (!compatible) FZ_ASSERT(st != CT_OK, "ct_add accepted shapes that do not broadcast");
  if (compatible && !with_alpha) FZ_ASSERT(st == CT_OK, "ct_add refused shapes that broadcast");
  if (st == CT_OK) {
    shape_t sr = shape_of(r);
    ct_dtype dr;
    ct_tensor_dtype(&dr, r);
    FZ_ASSERT(same_shape(&sr, &sab), "ct_add's shape is not the broadcast shape");
    FZ_ASSERT(dr == rt, "ct_add's dtype %d is not result_type %d", (int)dr, (int)rt);
    ct_tensor_release(fz_read_all(r, 4096));
    ct_tensor_release(r);
  }

  /* in place: a += b */
  if (fz_bool(&in)) {
    st = ct_add_(a, b, with_alpha ? alpha : NULL, alpha_dtype);
    if (st != CT_OK) {
      fz_check_error("ct_add_", st);
    } else {
      FZ_ASSERT(compatible && same_shape(&sab, &sa), "ct_add_ accepted a result shape other than self's");
      shape_t s2 = shape_of(a);
      FZ_ASSERT(same_shape(&s2, &sa), "ct_add_ changed self's shape");
    }
  }
  ct_tensor_release(a);
  ct_tensor_release(b);
  fz_check_no_leak(baseline, "fuzz_broadcast");
  return 0;
}
