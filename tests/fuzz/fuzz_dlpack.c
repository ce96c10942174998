/*
 * fuzz_dlpack: DLPack import (ct_from_dlpack_versioned, ct_from_dlpack) of
 * managed tensors built from the input: any version, flags, ndim (0..64 or
 * negative), shape, strides (or NULL), byte_offset, dtype code/bits/lanes,
 * device, NULL data or shape, NULL deleter; then a round trip through the
 * exports with arbitrary copy and device arguments.
 *
 * The data block is exactly as large as the fields claim when they are
 * consistent and small, so that ASan sees any read past it; a versioned
 * struct with a major version other than 1 is allocated only up to its flags,
 * so that reading a field after them is caught too.
 *
 * Invariants: the result contract; the library accepts exactly the
 * consistent descriptions (a model of the documented rules below) and
 * describes them faithfully (shape, strides, data pointer, dtype, read-only
 * flag, the bytes read); the deleter runs exactly once on every path, and
 * only when the last view dies; the live import/export counters and the
 * ctensor memory are back to their start.
 */
#include "fuzz_common.h"

#define MAX_NDIM 64
#define MAX_BLOCK (1 << 20) /* bytes of data allocated for a consistent description */
#define MAX_READ 4096

static int deleter_calls;

typedef struct {
  void *managed;
  char *block;
  int64_t *shape, *strides;
} owner;

static void owner_free(owner *o) {
  free(o->block);
  free(o->shape);
  free(o->strides);
  free(o->managed);
  free(o);
}

static void delete_versioned(DLManagedTensorVersioned *self) {
  deleter_calls++;
  owner_free(self->manager_ctx);
}

static void delete_legacy(DLManagedTensor *self) {
  deleter_calls++;
  owner_free(self->manager_ctx);
}

/* The itemsize of a DLPack dtype ctensor maps, or 0. */
static int64_t dl_itemsize(DLDataType t) {
  if (t.lanes != 1) return 0;
  switch (t.code) {
    case kDLBool: return t.bits == 8 ? 1 : 0;
    case kDLUInt: return t.bits == 8 ? 1 : 0;
    case kDLInt: return t.bits == 8 || t.bits == 16 || t.bits == 32 || t.bits == 64 ? t.bits / 8 : 0;
    case kDLFloat: return t.bits == 16 || t.bits == 32 || t.bits == 64 ? t.bits / 8 : 0;
    case kDLBfloat: return t.bits == 16 ? 2 : 0;
    case kDLComplex: return t.bits == 64 || t.bits == 128 ? t.bits / 8 : 0;
    default: return 0;
  }
}

static DLDataType read_dtype(fz_in *in) {
  static const DLDataType valid[] = {
    {kDLBool, 8, 1}, {kDLUInt, 8, 1}, {kDLInt, 8, 1}, {kDLInt, 16, 1}, {kDLInt, 32, 1}, {kDLInt, 64, 1},
    {kDLFloat, 16, 1}, {kDLBfloat, 16, 1}, {kDLFloat, 32, 1}, {kDLFloat, 64, 1}, {kDLComplex, 64, 1},
    {kDLComplex, 128, 1},
  };
  uint8_t sel = fz_u8(in);
  DLDataType t = valid[sel % 12];
  if (sel >= 240) { /* anything */
    t.code = fz_u8(in);
    t.bits = fz_u8(in);
    t.lanes = fz_u16(in);
  } else if (sel >= 228) { /* one field off */
    switch (fz_u8(in) % 3) {
      case 0: t.code = fz_u8(in) % 20; break;
      case 1: t.bits = fz_u8(in); break;
      default: t.lanes = fz_u16(in); break;
    }
  }
  return t;
}

static DLDevice read_device(fz_in *in) {
  DLDevice d = {kDLCPU, 0};
  uint8_t sel = fz_u8(in);
  if (sel >= 160) {
    static const int32_t types[] = {kDLCPU, kDLCUDA, kDLCUDAHost, kDLCUDAManaged, kDLOpenCL, kDLROCM, kDLTrn, 0, -1,
                                    100};
    d.device_type = (DLDeviceType)types[fz_u8(in) % 10];
    d.device_id = fz_i32(in, -1, 4);
  }
  return d;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  int64_t baseline = fz_live_blocks();
  int64_t ex0, im0;
  ct_dlpack_live(&ex0, &im0);
  deleter_calls = 0;

  uint8_t mode = fz_u8(&in);
  bool versioned = mode & 1, null_deleter = (mode & 0x0e) == 0x0e, null_out = (mode & 0xf0) == 0xf0;
  DLPackVersion version = {1, fz_u8(&in) % 4};
  uint8_t vsel = fz_u8(&in);
  if (vsel >= 224) version.major = vsel >= 252 ? fz_u32(&in) : vsel % 3;
  uint64_t flags = fz_u8(&in) < 200 ? fz_u8(&in) % 8 : fz_u64(&in);
  int32_t ndim = fz_i32(&in, 0, 7);
  if (ndim > MAX_NDIM) ndim %= MAX_NDIM + 1;
  DLDataType dtype = read_dtype(&in);
  DLDevice device = read_device(&in);
  uint8_t nulls = fz_u8(&in);
  bool null_shape = nulls >= 248, null_strides = (nulls & 3) == 0, null_data = nulls >= 232 && nulls < 248;
  uint64_t byte_offset = 0;
  uint8_t osel = fz_u8(&in);
  if (osel >= 128) byte_offset = osel >= 240 ? fz_u64(&in) : (uint64_t)fz_i64(&in, 0, 64);

  owner *o = calloc(1, sizeof *o);
  int32_t n = ndim > 0 ? ndim : 0;
  o->shape = malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
  o->strides = malloc(sizeof(int64_t) * (size_t)(n ? n : 1));
  for (int32_t d = 0; d < n; d++) o->shape[d] = fz_i64(&in, 0, 5);
  for (int32_t d = 0; d < n; d++) o->strides[d] = fz_i64(&in, -1, 30);

  /* The model: does ctensor have to accept this, or refuse it? */
  int64_t isz = dl_itemsize(dtype), numel = 0, span = 1, extent_bytes = 0;
  bool cpu = device.device_type == kDLCPU || device.device_type == kDLCUDAHost ||
             device.device_type == kDLCUDAManaged;
  bool must_refuse = (versioned && version.major != 1) || isz == 0 || ndim < 0 || (ndim > 0 && null_shape) ||
                     !(cpu || device.device_type == kDLCUDA) || byte_offset > (uint64_t)INT64_MAX;
  bool shape_ok = true;
  for (int32_t d = 0; d < n; d++)
    if (o->shape[d] < 0) shape_ok = false;
  if (!must_refuse && !shape_ok) must_refuse = true;
  if (!must_refuse) {
    bool zero = false, ovf = false;
    for (int32_t d = 0; d < n; d++) {
      zero |= o->shape[d] == 0;
      ovf |= !fz_mul(&span, span, o->shape[d] ? o->shape[d] : 1);
    }
    int64_t bytes;
    if (ovf || !fz_mul(&bytes, span, isz)) must_refuse = true; /* a shape too large for ctensor */
    numel = zero ? 0 : span;
  }
  /* Strides as ctensor keeps them: 0 for size-1 dims and empty tensors; row-major when NULL. */
  int64_t norm[MAX_NDIM];
  if (!must_refuse) {
    int64_t run = 1;
    for (int32_t d = n - 1; d >= 0; d--) {
      norm[d] = null_strides ? run : (numel == 0 || o->shape[d] == 1 ? 0 : o->strides[d]);
      run *= o->shape[d] ? o->shape[d] : 1;
      if (norm[d] < 0) must_refuse = true;
    }
    if (null_data && numel > 0) must_refuse = true;
  }
  if (!must_refuse && numel > 0) {
    __int128 last = 0;
    for (int32_t d = 0; d < n; d++) last += (__int128)(o->shape[d] - 1) * norm[d];
    __int128 bytes = (last + 1) * isz;
    if (bytes > INT64_MAX) must_refuse = true; /* the strides' extent overflows */
    else extent_bytes = (int64_t)bytes;
  }
  bool must_accept = !must_refuse && cpu;
  /* The block: exactly byte_offset + extent bytes when that is small, else a token one. */
  bool readable = must_accept && numel > 0 && byte_offset + (uint64_t)extent_bytes <= MAX_BLOCK;
  size_t block_size = readable ? (size_t)(byte_offset + (uint64_t)extent_bytes) : 16;
  o->block = malloc(block_size);
  for (size_t i = 0; i < block_size; i++) o->block[i] = (char)(i * 37 + 11);
  char *dl_data = null_data ? NULL : o->block;

  DLTensor dl = {dl_data, device, ndim, dtype, null_shape ? NULL : o->shape, null_strides ? NULL : o->strides,
                 byte_offset};
  ct_tensor *t = (ct_tensor *)(uintptr_t)1;
  ct_status st;
  if (versioned) {
    /* A struct of another major version may end after flags: allocate only that much. */
    size_t bytes = version.major == 1 ? sizeof(DLManagedTensorVersioned) : offsetof(DLManagedTensorVersioned, dl_tensor);
    DLManagedTensorVersioned *m = calloc(1, bytes);
    m->version = version;
    m->manager_ctx = o;
    m->deleter = null_deleter ? NULL : delete_versioned;
    m->flags = flags;
    if (version.major == 1) m->dl_tensor = dl;
    o->managed = m;
    st = ct_from_dlpack_versioned(null_out ? NULL : &t, m);
  } else {
    DLManagedTensor *m = calloc(1, sizeof *m);
    m->dl_tensor = dl;
    m->manager_ctx = o;
    m->deleter = null_deleter ? NULL : delete_legacy;
    o->managed = m;
    st = ct_from_dlpack(null_out ? NULL : &t, m);
  }
  int expect_calls = null_deleter ? 0 : 1;
  if (null_out) {
    FZ_ASSERT(st == CT_ERR_INVALID_ARGUMENT, "out NULL gave %s", ct_status_name(st));
    fz_check_error("ct_from_dlpack with out NULL", st);
    FZ_ASSERT(deleter_calls == expect_calls, "out NULL: the deleter ran %d times", deleter_calls);
    if (null_deleter) owner_free(o);
    fz_check_no_leak(baseline, "fuzz_dlpack");
    return 0;
  }
  fz_check_result(versioned ? "ct_from_dlpack_versioned" : "ct_from_dlpack", st, t);
  if (st != CT_OK) {
    if (must_accept) FZ_FAIL("the import refused a consistent CPU tensor (%s)", ct_status_name(st));
    FZ_ASSERT(deleter_calls == expect_calls, "a failed import ran the deleter %d times", deleter_calls);
    if (null_deleter) owner_free(o);
    int64_t ex, im;
    ct_dlpack_live(&ex, &im);
    FZ_ASSERT(ex == ex0 && im == im0, "live counters %lld/%lld after a failed import", (long long)ex, (long long)im);
    fz_check_no_leak(baseline, "fuzz_dlpack");
    return 0;
  }
  if (must_refuse) FZ_FAIL("the import accepted an inconsistent description");
  FZ_ASSERT(deleter_calls == 0, "a successful import ran the deleter");

  /* A faithful description. */
  int32_t tnd;
  int64_t tshape[MAX_NDIM], tstrides[MAX_NDIM], tnumel;
  ct_dtype tdt;
  bool ro;
  FZ_ASSERT(ct_tensor_ndim(&tnd, t) == CT_OK && tnd == ndim, "ndim %d, not %d", (int)tnd, (int)ndim);
  ct_tensor_shape(tshape, tnd, t);
  ct_tensor_strides(tstrides, tnd, t);
  ct_tensor_numel(&tnumel, t);
  ct_tensor_dtype(&tdt, t);
  ct_tensor_is_read_only(&ro, t);
  FZ_ASSERT(tnumel == numel, "numel %lld, not %lld", (long long)tnumel, (long long)numel);
  FZ_ASSERT(fz_itemsize(tdt) == isz, "itemsize of dtype %d", (int)tdt);
  for (int32_t d = 0; d < n; d++) {
    FZ_ASSERT(tshape[d] == o->shape[d], "shape[%d]", (int)d);
    FZ_ASSERT(tstrides[d] == norm[d], "strides[%d] = %lld, not %lld", (int)d, (long long)tstrides[d],
              (long long)norm[d]);
  }
  FZ_ASSERT(ro == (versioned && (flags & DLPACK_FLAG_BITMASK_READ_ONLY)), "read-only flag");
  if (numel > 0 && cpu) {
    void *p;
    ct_tensor_data_ptr(&p, t);
    FZ_ASSERT((char *)p == dl_data + byte_offset, "data pointer");
  }
  if (readable) {
    ct_tensor *c = fz_read_all(t, MAX_READ);
    if (c) {
      const char *cp, *first = dl_data + byte_offset;
      ct_tensor_data_ptr((void **)&cp, c);
      int64_t idx[MAX_NDIM] = {0};
      for (int64_t k = 0; k < numel; k++) {
        int64_t off = 0;
        for (int32_t d = 0; d < n; d++) off += idx[d] * norm[d];
        FZ_ASSERT(memcmp(cp + k * isz, first + off * isz, (size_t)isz) == 0, "element %lld", (long long)k);
        for (int32_t d = n - 1; d >= 0; d--) {
          if (++idx[d] < o->shape[d]) break;
          idx[d] = 0;
        }
      }
      ct_tensor_release(c);
    }
  }

  /* A round trip through an export with arbitrary arguments. */
  ct_dlpack_copy copy = fz_u8(&in) < 200 ? (ct_dlpack_copy)(fz_u8(&in) % 3) : fz_i32(&in, -2, 6);
  ct_device_type dev = fz_u8(&in) < 200 ? CT_DEVICE_NONE : (ct_device_type)fz_i32(&in, -1, 20);
  int32_t dev_index = fz_i32(&in, -1, 3);
  bool export_copies = copy == CT_DLPACK_COPY_ALWAYS;
  /* A copy reads the elements: only those of a block that backs them. */
  if (!export_copies || numel == 0 || (readable && numel <= MAX_READ)) {
    ct_tensor *back = NULL;
    if (fz_bool(&in)) {
      DLManagedTensorVersioned *e = (DLManagedTensorVersioned *)(uintptr_t)1;
      st = ct_to_dlpack_versioned(&e, t, copy, dev, dev_index);
      if (st != CT_OK) {
        FZ_ASSERT(e == NULL, "a failed export left out set");
        fz_check_error("ct_to_dlpack_versioned", st);
      } else {
        FZ_ASSERT(e && e->deleter && e->version.major == 1, "export header");
        FZ_ASSERT(e->dl_tensor.ndim == ndim && e->dl_tensor.byte_offset == 0, "export fields");
        FZ_ASSERT(!!(e->flags & DLPACK_FLAG_BITMASK_READ_ONLY) == (ro && !export_copies), "export read-only flag");
        st = ct_from_dlpack_versioned(&back, e);
        fz_check_result("ct_from_dlpack_versioned of an export", st, back);
        FZ_ASSERT(st == CT_OK, "re-importing an export failed");
      }
    } else {
      DLManagedTensor *e = (DLManagedTensor *)(uintptr_t)1;
      st = ct_to_dlpack(&e, t, copy, dev, dev_index);
      if (st != CT_OK) {
        FZ_ASSERT(e == NULL, "a failed export left out set");
        fz_check_error("ct_to_dlpack", st);
      } else {
        FZ_ASSERT(e && e->deleter && e->dl_tensor.ndim == ndim, "export fields");
        FZ_ASSERT(!ro || export_copies, "a read-only tensor exported as a legacy struct without a copy");
        st = ct_from_dlpack(&back, e);
        fz_check_result("ct_from_dlpack of an export", st, back);
        FZ_ASSERT(st == CT_OK, "re-importing an export failed");
      }
    }
    if (back && readable) {
      ct_tensor *c1 = fz_read_all(t, MAX_READ), *c2 = fz_read_all(back, MAX_READ);
      if (c1 && c2) {
        const void *p1, *p2;
        ct_tensor_data_ptr((void **)&p1, c1);
        ct_tensor_data_ptr((void **)&p2, c2);
        FZ_ASSERT(memcmp(p1, p2, (size_t)(numel * isz)) == 0, "the round trip changed the elements");
      }
      ct_tensor_release(c1);
      ct_tensor_release(c2);
    }
    ct_tensor_release(back);
  }

  /* The deleter runs when the last view dies, not before. */
  ct_tensor *v = NULL;
  st = ct_unsqueeze(&v, t, 0);
  fz_check_result("ct_unsqueeze", st, v);
  FZ_ASSERT(st == CT_OK, "ct_unsqueeze of an import failed");
  ct_tensor_release(t);
  FZ_ASSERT(deleter_calls == 0, "the deleter ran while a view was alive");
  ct_tensor_release(v);
  FZ_ASSERT(deleter_calls == expect_calls, "the deleter ran %d times", deleter_calls);
  if (null_deleter) owner_free(o);
  int64_t ex, im;
  ct_dlpack_live(&ex, &im);
  FZ_ASSERT(ex == ex0 && im == im0, "live counters %lld/%lld at the end", (long long)ex, (long long)im);
  fz_check_no_leak(baseline, "fuzz_dlpack");
  return 0;
}
