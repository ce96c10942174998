/*
 * fuzz_format: ct_tensor_format and the print options (ct_set_print_options,
 * ct_get_print_options) with arbitrary options, small tensors of every dtype
 * with arbitrary element bits (NaN, infinities, subnormals, huge values),
 * non-contiguous and empty views, any dtype prefix, and buffer sizes from 0
 * up, each buffer exactly as large as claimed so that ASan sees a write past
 * it.
 *
 * Invariants: the setter refuses exactly the documented out-of-range values
 * and then changes nothing; the getter returns what was set; the length is
 * the same whatever the buffer size; a buffer receives the output's prefix
 * and a NUL, never more than size bytes; the text starts with "tensor(" and
 * ends with ")"; no ctensor memory is left behind. The options are reset to
 * the defaults at the start of every input, so that inputs replay alike.
 */
#include "fuzz_common.h"

#define MAX_NDIM 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  int64_t baseline = fz_live_blocks();
  FZ_ASSERT(ct_set_print_options(4, 1000, 3, 80, -1) == CT_OK, "the default print options");

  /* Options: arbitrary values for the setter; those used to format stay moderate (precision 0..40). */
  int32_t precision = fz_i32(&in, 0, 12);
  int64_t threshold = fz_i64(&in, 0, 40), edgeitems = fz_i64(&in, 0, 5), linewidth = fz_i64(&in, 0, 120);
  int32_t sci_mode = fz_i32(&in, -2, 4);
  if (precision > 40 && fz_u8(&in) < 250) precision %= 41;
  bool valid = precision >= 0 && threshold >= 0 && edgeitems >= 0 && linewidth >= 1 && sci_mode >= -1 &&
               sci_mode <= 1;
  int32_t p0, s0;
  int64_t t0, e0, l0;
  ct_get_print_options(&p0, &t0, &e0, &l0, &s0);
  ct_status st = ct_set_print_options(precision, threshold, edgeitems, linewidth, sci_mode);
  int32_t p1, s1;
  int64_t t1, e1, l1;
  ct_get_print_options(&p1, &t1, &e1, &l1, &s1);
  if (valid) {
    FZ_ASSERT(st == CT_OK, "ct_set_print_options refused valid options");
    FZ_ASSERT(p1 == precision && t1 == threshold && e1 == edgeitems && l1 == linewidth && s1 == sci_mode,
              "ct_get_print_options does not return what was set");
  } else {
    FZ_ASSERT(st == CT_ERR_INVALID_ARGUMENT, "ct_set_print_options accepted invalid options");
    fz_check_error("ct_set_print_options", st);
    FZ_ASSERT(p1 == p0 && t1 == t0 && e1 == e0 && l1 == l0 && s1 == s0, "a refused ct_set_print_options changed options");
  }
  ct_get_print_options(NULL, NULL, NULL, NULL, NULL);
  if (precision > 40) ct_set_print_options(4, 1000, 3, 80, -1); /* a huge precision prints that many digits */

  /* The tensor: every dtype, 0..4 dims, sometimes one long dim (summarisation), arbitrary bits. */
  ct_dtype dtype = (ct_dtype)fz_below(&in, CT_DTYPE_COUNT);
  int32_t nd = (int32_t)fz_below(&in, MAX_NDIM + 1);
  int64_t shape[MAX_NDIM], numel = 1;
  for (int32_t d = 0; d < nd; d++) {
    uint8_t s = fz_u8(&in);
    shape[d] = s < 230 ? s % 5 : s < 250 ? s % 40 : 1000 + fz_below(&in, 1200);
    numel *= shape[d];
  }
  if (numel > 4096) nd = 1, shape[0] = numel % 4096, numel = shape[0];
  ct_tensor *t = NULL;
  uint8_t make = fz_u8(&in);
  if (make < 16) {
    uint8_t v[16];
    for (int i = 0; i < 16; i++) v[i] = fz_u8(&in);
    if (dtype == CT_BOOL) v[0] &= 1;
    st = ct_scalar_tensor(&t, v, dtype);
    fz_check_result("ct_scalar_tensor", st, t);
  } else {
    st = ct_empty(&t, nd, shape, dtype, CT_DEVICE_CPU, 0);
    fz_check_result("ct_empty", st, t);
    if (st == CT_OK) {
      uint8_t *p;
      ct_tensor_data_ptr((void **)&p, t);
      int64_t isz = fz_itemsize(dtype);
      /* Element bits: raw input bytes, or a special value of the dtype's kind. */
      for (int64_t i = 0; i < numel; i++) {
        uint8_t *e = p + i * isz;
        uint8_t sel = fz_u8(&in);
        for (int64_t b = 0; b < isz; b++) e[b] = fz_u8(&in);
        if (dtype == CT_BOOL) e[0] &= 1;
        if (sel >= 200 && (dtype == CT_FLOAT64 || dtype == CT_COMPLEX128)) {
          static const double sp[] = {0.0 / 0.0, 1.0 / 0.0, -1.0 / 0.0, 4.9e-324, -0.0, 1.7976931348623157e308,
                                      1e-300, 123456789.0, 1e16, 0.1};
          double x = sp[sel % 10];
          memcpy(e, &x, sizeof x);
        } else if (sel >= 200 && (dtype == CT_FLOAT32 || dtype == CT_COMPLEX64)) {
          static const float sp[] = {0.0f / 0.0f, 1.0f / 0.0f, -1.0f / 0.0f, 1.4e-45f, -0.0f, 3.4028235e38f,
                                     1e-30f, 16777217.0f, 1e8f, 0.1f};
          float x = sp[sel % 10];
          memcpy(e, &x, sizeof x);
        }
      }
    }
  }
  FZ_ASSERT(st == CT_OK, "making a small tensor failed");
  uint8_t view = fz_u8(&in);
  ct_tensor *v = NULL;
  if (view >= 220 && nd >= 2) st = ct_transpose(&v, t, 0, -1);
  else if (view >= 200 && nd >= 1) st = ct_slice(&v, t, 0, 0, INT64_MAX, 1 + fz_below(&in, 3));
  else if (view >= 190) {
    int64_t e[MAX_NDIM + 1] = {(int64_t)fz_below(&in, 3), -1, -1, -1, -1};
    st = ct_expand(&v, t, nd + 1, e);
  }
  if (v) {
    fz_check_result("a view", st, v);
    ct_tensor_release(t);
    t = v;
  }

  /* The prefix: NULL, "", "torch." or input bytes. */
  char prefix[17];
  const char *pfx = NULL;
  uint8_t ps = fz_u8(&in);
  if (ps < 64) pfx = "";
  else if (ps < 160) pfx = "torch.";
  else if (ps < 200) {
    size_t n = fz_below(&in, 17);
    for (size_t i = 0; i < n; i++) prefix[i] = (char)(fz_u8(&in) | 1); /* no NUL inside */
    prefix[n] = 0;
    pfx = prefix;
  }

  /* The length, then the reference text, then buffers of other sizes. */
  size_t len = (size_t)-1;
  st = ct_tensor_format(NULL, 0, &len, t, pfx);
  if (st != CT_OK) {
    fz_check_error("ct_tensor_format", st);
    FZ_FAIL("ct_tensor_format of a small tensor failed");
  }
  FZ_ASSERT(len >= 8 && len < ((size_t)1 << 26), "length %zu", len);
  char *full = malloc(len + 1);
  size_t len2 = 0;
  FZ_ASSERT(ct_tensor_format(full, len + 1, &len2, t, pfx) == CT_OK && len2 == len, "the length changed");
  FZ_ASSERT(full[len] == 0 && strlen(full) == len, "the text is not NUL-terminated at its length");
  FZ_ASSERT(strncmp(full, "tensor(", 7) == 0 && full[len - 1] == ')', "the text is not tensor(...): %.80s", full);
  for (int k = 0; k < 3; k++) {
    uint8_t sel = fz_u8(&in);
    size_t sz = sel < 64 ? sel % 4 : sel < 128 ? len : sel < 160 ? len + 1 : sel < 192 ? len / 2 : fz_below(&in, (uint32_t)len + 3);
    char *buf = malloc(sz ? sz : 1);
    size_t got = 0;
    st = ct_tensor_format(sz ? buf : (fz_bool(&in) ? NULL : buf), sz, &got, t, pfx);
    FZ_ASSERT(st == CT_OK && got == len, "ct_tensor_format into %zu bytes", sz);
    if (sz) {
      size_t n = sz - 1 < len ? sz - 1 : len;
      FZ_ASSERT(memcmp(buf, full, n) == 0 && buf[n] == 0, "a %zu-byte buffer got other text", sz);
    }
    free(buf);
  }
  /* Arguments the function must refuse. */
  if (fz_u8(&in) >= 240) {
    char b[4];
    size_t got;
    st = ct_tensor_format(NULL, 4, &got, t, pfx);
    FZ_ASSERT(st == CT_ERR_INVALID_ARGUMENT, "buf NULL with size 4 was accepted");
    st = ct_tensor_format(b, sizeof b, NULL, t, pfx);
    FZ_ASSERT(st == CT_ERR_INVALID_ARGUMENT, "length NULL was accepted");
    st = ct_tensor_format(b, sizeof b, &got, NULL, pfx);
    FZ_ASSERT(st == CT_ERR_INVALID_ARGUMENT, "t NULL was accepted");
    fz_check_error("ct_tensor_format", st);
  }
  free(full);
  ct_tensor_release(t);
  ct_set_print_options(4, 1000, 3, 80, -1);
  fz_check_no_leak(baseline, "fuzz_format");
  return 0;
}
