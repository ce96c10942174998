/*
 * check_dlpack.c: tests of include/ctensor/dlpack.h at the C level (checklist
 * items 1-10 and 28 of reference/dlpack.md, section 5, and every documented
 * error of the header).
 *
 * - The DLPack declarations: sizes and offsets (LP64), enum values, flags,
 *   version 1.3, the upstream include guard.
 * - Export, versioned and legacy: every field, every dtype, transposed,
 *   stepped, offset, expanded, 0-d and empty views, read-only tensors, the
 *   copy and dl_device arguments, the deleter and the live counters, and an
 *   export that outlives its tensor.
 * - Import from managed tensors made here in C (with a deleter that counts its
 *   calls): NULL strides, 0-d with and without arrays, empty with NULL data,
 *   byte_offset, zero, negative and overflowing strides, unsupported dtypes and
 *   devices, version 2 refused without reading past flags (a guard page),
 *   minor 99, READ_ONLY, a NULL deleter, views that outlive the imported base;
 *   on every failure the deleter runs exactly once.
 * - Round trips, the C exchange API table, the Python entry points before
 *   ct_dlpack_py_init, and deleters and releases on other threads.
 *
 * Every test records the allocator statistics first and checks at the end that
 * it left nothing behind (CK_FORK=no runs the tests in one process).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "ct_test.h"

/* The header defines the upstream include guard, so a later upstream dlpack.h adds nothing. */
#ifndef DLPACK_DLPACK_H_
#error "ctensor/dlpack.h must define DLPACK_DLPACK_H_"
#endif
#if defined(__has_include)
#if __has_include(<dlpack/dlpack.h>)
#include <dlpack/dlpack.h>
#endif
#endif

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND() (RUNNING_ON_VALGRIND != 0)
#endif
#endif
#ifndef UNDER_VALGRIND
#define UNDER_VALGRIND() false
#endif

/* ---- helpers ----------------------------------------------------------------------------------- */

static const ct_dtype all_dtypes[] = {CT_BOOL,    CT_UINT8,   CT_INT8,      CT_INT16,
                                      CT_INT32,   CT_INT64,   CT_FLOAT16,   CT_BFLOAT16,
                                      CT_FLOAT32, CT_FLOAT64, CT_COMPLEX64, CT_COMPLEX128};
enum { NDTYPES = sizeof all_dtypes / sizeof all_dtypes[0] };

/* The DLPack (code, bits) of each entry of all_dtypes (lanes 1), from the header comment. */
static const struct {
  uint8_t code, bits;
} dl_of[NDTYPES] = {{6, 8},  {1, 8},  {0, 8},  {0, 16}, {0, 32}, {0, 64},
                    {2, 16}, {4, 16}, {2, 32}, {2, 64}, {5, 64}, {5, 128}};

static int64_t live_exports(void) {
  int64_t e = -1, i = -1;
  CT_OK_(ct_dlpack_live(&e, &i));
  return e;
}

static int64_t live_imports(void) {
  int64_t e = -1, i = -1;
  CT_OK_(ct_dlpack_live(&e, &i));
  return i;
}

/* A contiguous tensor of dtype whose element i is (7 i + 3) mod 11 (true/false for bool). */
static ct_tensor *pattern(ct_dtype dtype, int32_t ndim, const int64_t *shape) {
  int64_t n = 1;
  for (int32_t d = 0; d < ndim; d++) n *= shape[d];
  double *v = malloc((size_t)(n > 0 ? n : 1) * sizeof(double));
  for (int64_t i = 0; i < n; i++) v[i] = (double)((7 * i + 3) % 11);
  ct_tensor *t = NULL;
  CT_OK_(ct_from_data(&t, v, CT_FLOAT64, ndim, shape, dtype, CT_DEVICE_NONE, -1));
  free(v);
  return t;
}

/* Element i (row-major over the shape) of a DLTensor. */
static const void *dl_elem(const DLTensor *dl, int64_t i) {
  int64_t off = 0;
  for (int32_t d = dl->ndim - 1; d >= 0; d--) {
    off += (i % dl->shape[d]) * dl->strides[d];
    i /= dl->shape[d];
  }
  return (const char *)dl->data + dl->byte_offset + off * (dl->dtype.bits * dl->dtype.lanes / 8);
}

/*
 * An export of t (sharing its memory) describes t exactly: CPU (1, 0), t's dtype, shape and
 * strides (never NULL), byte_offset 0, data at t's first element, the same element bytes.
 */
static void check_export_of(const DLTensor *dl, ct_tensor *t) {
  int32_t nd = -1;
  int64_t shape[MAX_DIMS], strides[MAX_DIMS];
  CT_OK_(ct_tensor_ndim(&nd, t));
  CT_OK_(ct_tensor_shape(shape, MAX_DIMS, t));
  CT_OK_(ct_tensor_strides(strides, MAX_DIMS, t));
  uint8_t code, bits;
  uint16_t lanes;
  CT_OK_(ct_dlpack_dtype(&code, &bits, &lanes, dtype_of(t)));
  ck_assert_int_eq(dl->device.device_type, kDLCPU);
  ck_assert_int_eq(dl->device.device_id, 0);
  ck_assert_int_eq(dl->ndim, nd);
  ck_assert_int_eq(dl->dtype.code, code);
  ck_assert_int_eq(dl->dtype.bits, bits);
  ck_assert_int_eq(dl->dtype.lanes, lanes);
  ck_assert_ptr_nonnull(dl->shape);
  ck_assert_ptr_nonnull(dl->strides);
  for (int32_t d = 0; d < nd; d++) {
    ck_assert_int_eq(dl->shape[d], shape[d]);
    ck_assert_int_eq(dl->strides[d], strides[d]);
  }
  ck_assert_uint_eq(dl->byte_offset, 0);
  int64_t n = numel_of(t), itemsize = itemsize_of(dtype_of(t));
  if (n > 0) ck_assert_ptr_eq(dl->data, data_of(t));
  for (int64_t i = 0; i < n; i++) {
    ct_dtype dt;
    ck_assert_msg(memcmp(dl_elem(dl, i), ct_test_elem_ptr(t, i, &dt), (size_t)itemsize) == 0,
                  "element %lld differs", (long long)i);
  }
}

/* The row-major strides of dl's shape are its strides (a plain copy). */
static void check_row_major(const DLTensor *dl) {
  int64_t run = 1;
  for (int32_t d = dl->ndim - 1; d >= 0; d--) {
    if (dl->shape[d] != 1) ck_assert_int_eq(dl->strides[d], run);
    run *= dl->shape[d] ? dl->shape[d] : 1;
  }
}

/* Both export forms of t, in one shape: the DLTensor, the flags (0 for legacy), the deleter. */
typedef struct exported {
  bool versioned;
  DLManagedTensorVersioned *v;
  DLManagedTensor *l;
  DLTensor *dl;
  uint64_t flags;
} exported;

static ct_status export_as(exported *e, bool versioned, ct_tensor *t, ct_dlpack_copy copy, ct_device_type type,
                           int32_t index) {
  memset(e, 0, sizeof *e);
  e->versioned = versioned;
  ct_status s;
  if (versioned) {
    s = ct_to_dlpack_versioned(&e->v, t, copy, type, index);
    if (s == CT_OK) {
      e->dl = &e->v->dl_tensor;
      e->flags = e->v->flags;
    }
  } else {
    s = ct_to_dlpack(&e->l, t, copy, type, index);
    if (s == CT_OK) e->dl = &e->l->dl_tensor;
  }
  return s;
}

static void export_delete(exported *e) {
  if (e->v) e->v->deleter(e->v);
  if (e->l) e->l->deleter(e->l);
  e->v = NULL;
  e->l = NULL;
  e->dl = NULL;
}

static const char *export_fn(bool versioned) {
  return versioned ? "ct_to_dlpack_versioned:" : "ct_to_dlpack:";
}

/* ---- managed tensors made here (the foreign producer) ------------------------------------------- */

static atomic_int made_deleted;       /* deleter calls of made tensors */
static pthread_t made_deleter_thread; /* the thread of the last call */

/* One heap block per managed tensor, the managed struct first (the deleter frees the block). */
typedef struct made {
  union {
    DLManagedTensorVersioned v;
    DLManagedTensor l;
  } m;
  bool versioned;
  int64_t shape[4], strides[4];
  _Alignas(64) double data[64]; /* data[i] = i */
} made;

static void made_note(void) {
  made_deleter_thread = pthread_self();
  atomic_fetch_add(&made_deleted, 1);
}

static void made_delete_v(DLManagedTensorVersioned *self) {
  made_note();
  free(self->manager_ctx);
}

static void made_delete_l(DLManagedTensor *self) {
  made_note();
  free(self->manager_ctx);
}

static DLTensor *made_dl(made *m) { return m->versioned ? &m->m.v.dl_tensor : &m->m.l.dl_tensor; }

/*
 * A managed tensor over 64 doubles 0, 1, ..., 63 read as dtype (code, bits, 1), of the given
 * shape and strides (each NULL: a NULL pointer; else copied into the block), version 1.3.
 */
static made *made_new(bool versioned, uint8_t code, uint8_t bits, int32_t ndim, const int64_t *shape,
                      const int64_t *strides) {
  made *m = aligned_alloc(64, sizeof(made));
  ck_assert_ptr_nonnull(m);
  memset(m, 0, sizeof *m);
  m->versioned = versioned;
  for (int i = 0; i < 64; i++) m->data[i] = i;
  DLTensor *dl = made_dl(m);
  dl->data = m->data;
  dl->device.device_type = kDLCPU;
  dl->device.device_id = 0;
  dl->ndim = ndim;
  dl->dtype.code = code;
  dl->dtype.bits = bits;
  dl->dtype.lanes = 1;
  ck_assert_int_le(ndim, 4);
  if (shape) {
    if (ndim > 0) memcpy(m->shape, shape, (size_t)ndim * sizeof(int64_t));
    dl->shape = m->shape;
  }
  if (strides) {
    if (ndim > 0) memcpy(m->strides, strides, (size_t)ndim * sizeof(int64_t));
    dl->strides = m->strides;
  }
  dl->byte_offset = 0;
  if (versioned) {
    m->m.v.version.major = 1;
    m->m.v.version.minor = 3;
    m->m.v.manager_ctx = m;
    m->m.v.deleter = made_delete_v;
    m->m.v.flags = 0;
  } else {
    m->m.l.manager_ctx = m;
    m->m.l.deleter = made_delete_l;
  }
  return m;
}

/* A float64 managed tensor (the common case). */
static made *made_f64(bool versioned, int32_t ndim, const int64_t *shape, const int64_t *strides) {
  return made_new(versioned, kDLFloat, 64, ndim, shape, strides);
}

static ct_status made_import(ct_tensor **out, made *m) {
  return m->versioned ? ct_from_dlpack_versioned(out, &m->m.v) : ct_from_dlpack(out, &m->m.l);
}

/* Imports m, which must succeed; its deleter must not have run. */
static ct_tensor *import_ok(made *m) {
  int before = atomic_load(&made_deleted);
  ct_tensor *t = NULL;
  CT_OK_(made_import(&t, m));
  ck_assert_ptr_nonnull(t);
  ck_assert_int_eq(atomic_load(&made_deleted), before);
  return t;
}

/*
 * Importing m fails with code, naming the import function and containing needle; out comes
 * back NULL, m's deleter ran exactly once and no import is live.
 */
static void import_fails(made *m, ct_status code, const char *needle) {
  bool versioned = m->versioned;
  int before = atomic_load(&made_deleted);
  int64_t imports = live_imports();
  ct_tensor *t = POISON;
  ct_clear_error();
  ct_status s = made_import(&t, m); /* m is gone now */
  if (s == CT_OK && t != POISON) ct_tensor_release(t);
  CT_FAILED_WITH_(s, versioned ? "ct_from_dlpack_versioned" : "ct_from_dlpack", code,
                  versioned ? "ct_from_dlpack_versioned:" : "ct_from_dlpack:");
  MSG_HAS_(needle);
  ck_assert_ptr_null(t);
  ck_assert_int_eq(atomic_load(&made_deleted), before + 1);
  ck_assert_int_eq(live_imports(), imports);
}

/* The tensor's values (real parts, row-major) are want[0 .. n-1]. */
static void check_values(ct_tensor *t, int64_t n, const double *want) {
  ck_assert_int_eq(numel_of(t), n);
  for (int64_t i = 0; i < n; i++)
    ck_assert_msg(value(t, i) == want[i], "element %lld is %g, expected %g", (long long)i, value(t, i), want[i]);
}

static bool is_read_only(ct_tensor *t) {
  bool r = false;
  CT_OK_(ct_tensor_is_read_only(&r, t));
  return r;
}

/* ---- 1. the declarations ------------------------------------------------------------------------ */

#if UINTPTR_MAX == UINT64_MAX
_Static_assert(sizeof(DLTensor) == 48 && sizeof(DLManagedTensor) == 64 && sizeof(DLManagedTensorVersioned) == 80,
               "DLPack sizes on LP64");
#endif

START_TEST(test_layout) {
  MEM_BEGIN;
  ck_assert_int_eq(DLPACK_MAJOR_VERSION, 1);
  ck_assert_int_eq(DLPACK_MINOR_VERSION, 3);
#ifdef DLPACK_DLPACK_H_
  bool guard = true;
#else
  bool guard = false;
#endif
  ck_assert(guard);
  ck_assert_uint_eq(sizeof(DLPackVersion), 8);
  ck_assert_uint_eq(offsetof(DLPackVersion, major), 0);
  ck_assert_uint_eq(offsetof(DLPackVersion, minor), 4);
  ck_assert_uint_eq(sizeof(DLDeviceType), 4);
  ck_assert_uint_eq(sizeof(DLDevice), 8);
  ck_assert_uint_eq(offsetof(DLDevice, device_type), 0);
  ck_assert_uint_eq(offsetof(DLDevice, device_id), 4);
  ck_assert_uint_eq(sizeof(DLDataType), 4);
  ck_assert_uint_eq(offsetof(DLDataType, code), 0);
  ck_assert_uint_eq(offsetof(DLDataType, bits), 1);
  ck_assert_uint_eq(offsetof(DLDataType, lanes), 2);
  if (sizeof(void *) == 8) {
    ck_assert_uint_eq(sizeof(DLTensor), 48);
    ck_assert_uint_eq(offsetof(DLTensor, data), 0);
    ck_assert_uint_eq(offsetof(DLTensor, device), 8);
    ck_assert_uint_eq(offsetof(DLTensor, ndim), 16);
    ck_assert_uint_eq(offsetof(DLTensor, dtype), 20);
    ck_assert_uint_eq(offsetof(DLTensor, shape), 24);
    ck_assert_uint_eq(offsetof(DLTensor, strides), 32);
    ck_assert_uint_eq(offsetof(DLTensor, byte_offset), 40);
    ck_assert_uint_eq(sizeof(DLManagedTensor), 64);
    ck_assert_uint_eq(offsetof(DLManagedTensor, dl_tensor), 0);
    ck_assert_uint_eq(offsetof(DLManagedTensor, manager_ctx), 48);
    ck_assert_uint_eq(offsetof(DLManagedTensor, deleter), 56);
    ck_assert_uint_eq(sizeof(DLManagedTensorVersioned), 80);
    ck_assert_uint_eq(offsetof(DLManagedTensorVersioned, version), 0);
    ck_assert_uint_eq(offsetof(DLManagedTensorVersioned, manager_ctx), 8);
    ck_assert_uint_eq(offsetof(DLManagedTensorVersioned, deleter), 16);
    ck_assert_uint_eq(offsetof(DLManagedTensorVersioned, flags), 24);
    ck_assert_uint_eq(offsetof(DLManagedTensorVersioned, dl_tensor), 32);
    ck_assert_uint_eq(sizeof(DLPackExchangeAPIHeader), 16);
    ck_assert_uint_eq(offsetof(DLPackExchangeAPIHeader, version), 0);
    ck_assert_uint_eq(offsetof(DLPackExchangeAPIHeader, prev_api), 8);
    ck_assert_uint_eq(sizeof(DLPackExchangeAPI), 56);
    ck_assert_uint_eq(offsetof(DLPackExchangeAPI, header), 0);
    ck_assert_uint_eq(offsetof(DLPackExchangeAPI, managed_tensor_allocator), 16);
    ck_assert_uint_eq(offsetof(DLPackExchangeAPI, managed_tensor_from_py_object_no_sync), 24);
    ck_assert_uint_eq(offsetof(DLPackExchangeAPI, managed_tensor_to_py_object_no_sync), 32);
    ck_assert_uint_eq(offsetof(DLPackExchangeAPI, dltensor_from_py_object_no_sync), 40);
    ck_assert_uint_eq(offsetof(DLPackExchangeAPI, current_work_stream), 48);
  }
  /* DLDeviceType (section 1.3) and ctensor's equal device numbers. */
  const int devices[][2] = {{kDLCPU, 1},       {kDLCUDA, 2},         {kDLCUDAHost, 3}, {kDLOpenCL, 4},
                            {kDLVulkan, 7},    {kDLMetal, 8},        {kDLVPI, 9},      {kDLROCM, 10},
                            {kDLROCMHost, 11}, {kDLExtDev, 12},      {kDLCUDAManaged, 13},
                            {kDLOneAPI, 14},   {kDLWebGPU, 15},      {kDLHexagon, 16}, {kDLMAIA, 17},
                            {kDLTrn, 18}};
  for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++) ck_assert_int_eq(devices[i][0], devices[i][1]);
  ck_assert_int_eq(kDLCPU, CT_DEVICE_CPU);
  ck_assert_int_eq(kDLCUDA, CT_DEVICE_CUDA);
  ck_assert_int_eq(kDLCUDAHost, CT_DEVICE_CUDA_HOST);
  ck_assert_int_eq(kDLCUDAManaged, CT_DEVICE_CUDA_MANAGED);
  ck_assert_int_eq(kDLTrn, CT_DEVICE_TRN);
  /* DLDataTypeCode (section 1.5). */
  const int codes[][2] = {{kDLInt, 0},
                          {kDLUInt, 1},
                          {kDLFloat, 2},
                          {kDLOpaqueHandle, 3},
                          {kDLBfloat, 4},
                          {kDLComplex, 5},
                          {kDLBool, 6},
                          {kDLFloat8_e3m4, 7},
                          {kDLFloat8_e4m3, 8},
                          {kDLFloat8_e4m3b11fnuz, 9},
                          {kDLFloat8_e4m3fn, 10},
                          {kDLFloat8_e4m3fnuz, 11},
                          {kDLFloat8_e5m2, 12},
                          {kDLFloat8_e5m2fnuz, 13},
                          {kDLFloat8_e8m0fnu, 14},
                          {kDLFloat6_e2m3fn, 15},
                          {kDLFloat6_e3m2fn, 16},
                          {kDLFloat4_e2m1fn, 17}};
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) ck_assert_int_eq(codes[i][0], codes[i][1]);
  /* Flags (section 1.9). */
  ck_assert_uint_eq(DLPACK_FLAG_BITMASK_READ_ONLY, 1);
  ck_assert_uint_eq(DLPACK_FLAG_BITMASK_IS_COPIED, 2);
  ck_assert_uint_eq(DLPACK_FLAG_BITMASK_IS_SUBBYTE_TYPE_PADDED, 4);
  /* ctensor's own constants. */
  ck_assert_int_eq(CT_DLPACK_COPY_IF_NEEDED, 0);
  ck_assert_int_eq(CT_DLPACK_COPY_ALWAYS, 1);
  ck_assert_int_eq(CT_DLPACK_COPY_NEVER, 2);
  ck_assert_int_eq(CT_DLPACK_COPY_COUNT, 3);
  ck_assert_int_eq(CT_PYAPI_CAPSULE_NEW, 0);
  ck_assert_int_eq(CT_PYAPI_WRAP_HANDLE, 16);
  ck_assert_int_eq(CT_PYAPI_RAISE, 21);
  ck_assert_int_eq(CT_PYAPI_COUNT, 22);
  MEM_END;
}
END_TEST

START_TEST(test_dtype_map) {
  MEM_BEGIN;
  for (int k = 0; k < NDTYPES; k++) {
    uint8_t code = 99, bits = 99;
    uint16_t lanes = 99;
    CT_OK_(ct_dlpack_dtype(&code, &bits, &lanes, all_dtypes[k]));
    ck_assert_int_eq(code, dl_of[k].code);
    ck_assert_int_eq(bits, dl_of[k].bits);
    ck_assert_int_eq(lanes, 1);
    ck_assert_int_eq(bits / 8, itemsize_of(all_dtypes[k]));
  }
  uint8_t code = 9, bits = 9;
  uint16_t lanes = 9;
  CT_FAILS_(ct_dlpack_dtype(NULL, &bits, &lanes, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, "ct_dlpack_dtype: code");
  ck_assert_int_eq(bits, 0);
  ck_assert_int_eq(lanes, 0);
  CT_FAILS_(ct_dlpack_dtype(&code, NULL, &lanes, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, "bits");
  CT_FAILS_(ct_dlpack_dtype(&code, &bits, NULL, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT, "lanes");
  code = bits = 9;
  lanes = 9;
  CT_FAILS_(ct_dlpack_dtype(&code, &bits, &lanes, CT_DTYPE_COUNT), CT_ERR_DTYPE, "ct_dlpack_dtype");
  ck_assert_int_eq(code, 0);
  ck_assert_int_eq(bits, 0);
  ck_assert_int_eq(lanes, 0);
  CT_FAILS_(ct_dlpack_dtype(&code, &bits, &lanes, CT_DTYPE_NONE), CT_ERR_DTYPE, "ct_dlpack_dtype");
  CT_FAILS_(ct_dlpack_dtype(&code, &bits, &lanes, -7), CT_ERR_DTYPE, "ct_dlpack_dtype");

  int64_t e, i;
  CT_FAILS_(ct_dlpack_live(NULL, &i), CT_ERR_INVALID_ARGUMENT, "ct_dlpack_live: exports");
  CT_FAILS_(ct_dlpack_live(&e, NULL), CT_ERR_INVALID_ARGUMENT, "ct_dlpack_live: imports");
  MEM_END;
}
END_TEST

/* ---- 2. export ---------------------------------------------------------------------------------- */

START_TEST(test_export_fields) {
  MEM_BEGIN;
  int64_t e0 = live_exports();
  ct_tensor *t = pattern(CT_FLOAT32, 2, (int64_t[]){4, 5});
  for (int v = 0; v < 2; v++) {
    exported e;
    CT_OK_(export_as(&e, v, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
    ck_assert_int_eq(live_exports(), e0 + 1);
    if (v) {
      ck_assert_uint_eq(e.v->version.major, 1);
      ck_assert_uint_eq(e.v->version.minor, 3);
      ck_assert_uint_eq(e.v->flags, 0);
      ck_assert_ptr_nonnull(e.v->deleter);
    } else {
      ck_assert_ptr_nonnull(e.l->deleter);
    }
    DLTensor *dl = e.dl;
    ck_assert_int_eq(dl->device.device_type, kDLCPU);
    ck_assert_int_eq(dl->device.device_id, 0);
    ck_assert_int_eq(dl->dtype.code, kDLFloat);
    ck_assert_int_eq(dl->dtype.bits, 32);
    ck_assert_int_eq(dl->dtype.lanes, 1);
    ck_assert_int_eq(dl->ndim, 2);
    ck_assert_int_eq(dl->shape[0], 4);
    ck_assert_int_eq(dl->shape[1], 5);
    ck_assert_ptr_nonnull(dl->strides);
    ck_assert_int_eq(dl->strides[0], 5);
    ck_assert_int_eq(dl->strides[1], 1);
    ck_assert_uint_eq(dl->byte_offset, 0);
    ck_assert_ptr_eq(dl->data, data_of(t));
    ck_assert_uint_eq((uintptr_t)dl->data % 64, 0);
    check_export_of(dl, t);
    export_delete(&e);
    ck_assert_int_eq(live_exports(), e0);
  }
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_export_all_dtypes) {
  MEM_BEGIN;
  for (int k = 0; k < NDTYPES; k++)
    for (int v = 0; v < 2; v++) {
      ct_tensor *t = pattern(all_dtypes[k], 2, (int64_t[]){3, 4});
      exported e;
      CT_OK_(export_as(&e, v, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
      ck_assert_int_eq(e.dl->dtype.code, dl_of[k].code);
      ck_assert_int_eq(e.dl->dtype.bits, dl_of[k].bits);
      ck_assert_int_eq(e.dl->dtype.lanes, 1);
      check_export_of(e.dl, t);
      ct_tensor_release(t); /* the export keeps the memory */
      export_delete(&e);
    }
  MEM_END;
}
END_TEST

START_TEST(test_export_views) {
  MEM_BEGIN;
  ct_tensor *base = pattern(CT_FLOAT64, 2, (int64_t[]){4, 5}), *row = NULL, *v[8];
  int n = 0;
  CT_OK_(ct_transpose(&v[n++], base, 0, 1));             /* strides [1, 5] */
  CT_OK_(ct_slice(&v[n++], base, 1, 0, INT64_MAX, 2));   /* [4, 3], strides [5, 2] */
  CT_OK_(ct_slice(&v[n++], base, 0, 1, INT64_MAX, 1));   /* offset 5 */
  ct_tensor *tmp;
  CT_OK_(ct_slice(&tmp, base, 0, 1, 3, 1));
  CT_OK_(ct_slice(&v[n++], tmp, 1, 1, INT64_MAX, 3));    /* offset 6, [2, 2], strides [5, 3] */
  ct_tensor_release(tmp);
  CT_OK_(ct_select(&row, base, 0, 2));
  CT_OK_(ct_expand(&v[n++], row, 2, (int64_t[]){3, 5})); /* strides [0, 1], offset 10 */
  CT_OK_(ct_select(&tmp, row, 0, 3));
  v[n++] = tmp;                                          /* 0-d, offset 13 */
  CT_OK_(ct_slice(&v[n++], base, 0, 4, INT64_MAX, 1));   /* [0, 5] */
  CT_OK_(ct_empty(&v[n++], 2, (int64_t[]){0, 3}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ct_tensor_release(row);
  for (int k = 0; k < n; k++)
    for (int ver = 0; ver < 2; ver++) {
      exported e;
      CT_OK_(export_as(&e, ver, v[k], CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
      check_export_of(e.dl, v[k]);
      if (ver) ck_assert_uint_eq(e.flags, 0);
      if (numel_of(v[k]) > 0) ck_assert_ptr_eq(e.dl->data, data_of(v[k]));
      else ck_assert(e.dl->data == NULL || e.dl->data == data_of(v[k]));
      export_delete(&e);
    }
  /* The expected layouts. */
  exported e;
  CT_OK_(export_as(&e, true, v[0], CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(e.dl->strides[0], 1);
  ck_assert_int_eq(e.dl->strides[1], 5);
  export_delete(&e);
  CT_OK_(export_as(&e, true, v[3], CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  ck_assert_ptr_eq(e.dl->data, (double *)data_of(base) + 6);
  ck_assert_int_eq(e.dl->strides[0], 5);
  ck_assert_int_eq(e.dl->strides[1], 3);
  ck_assert_uint_eq(e.dl->byte_offset, 0);
  export_delete(&e);
  CT_OK_(export_as(&e, false, v[4], CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(e.dl->strides[0], 0);
  ck_assert_ptr_eq(e.dl->data, (double *)data_of(base) + 10);
  export_delete(&e);
  CT_OK_(export_as(&e, true, v[5], CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(e.dl->ndim, 0);
  ck_assert_ptr_nonnull(e.dl->shape);
  ck_assert_ptr_nonnull(e.dl->strides);
  ck_assert_ptr_eq(e.dl->data, (double *)data_of(base) + 13);
  ck_assert(*(double *)e.dl->data == (double)((7 * 13 + 3) % 11));
  export_delete(&e);
  CT_OK_(export_as(&e, false, v[5], CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  ck_assert_ptr_nonnull(e.dl->shape);
  ck_assert_ptr_nonnull(e.dl->strides);
  export_delete(&e);
  for (int k = 0; k < n; k++) ct_tensor_release(v[k]);
  ct_tensor_release(base);
  MEM_END;
}
END_TEST

/* Counts calls of a ct_from_blob deleter. */
static atomic_int blob_deleted;
static void blob_delete(void *data, void *ctx) {
  (void)ctx;
  free(data);
  atomic_fetch_add(&blob_deleted, 1);
}

START_TEST(test_export_read_only) {
  MEM_BEGIN;
  float *buf = malloc(6 * sizeof(float));
  for (int i = 0; i < 6; i++) buf[i] = (float)i;
  int deleted0 = atomic_load(&blob_deleted);
  ct_tensor *t, *tt;
  CT_OK_(ct_from_blob(&t, buf, 2, (int64_t[]){2, 3}, NULL, CT_FLOAT32, CT_DEVICE_CPU, 0, blob_delete, NULL,
                      CT_BLOB_READ_ONLY));
  CT_OK_(ct_transpose(&tt, t, 0, 1));
  int64_t e0 = live_exports();
  /* Versioned: shared, flagged read-only, whatever copy allows sharing. */
  const ct_dlpack_copy shared[] = {CT_DLPACK_COPY_IF_NEEDED, CT_DLPACK_COPY_NEVER};
  for (int k = 0; k < 2; k++) {
    exported e;
    CT_OK_(export_as(&e, true, t, shared[k], CT_DEVICE_NONE, -1));
    ck_assert_uint_eq(e.flags, DLPACK_FLAG_BITMASK_READ_ONLY);
    ck_assert_ptr_eq(e.dl->data, buf);
    check_export_of(e.dl, t);
    export_delete(&e);
    CT_OK_(export_as(&e, true, tt, shared[k], CT_DEVICE_NONE, -1));
    ck_assert_uint_eq(e.flags, DLPACK_FLAG_BITMASK_READ_ONLY);
    check_export_of(e.dl, tt);
    export_delete(&e);
  }
  /* Legacy: cannot say read-only. */
  for (int k = 0; k < 2; k++) {
    DLManagedTensor *l = (DLManagedTensor *)POISON;
    CT_FAILS_(ct_to_dlpack(&l, t, shared[k], CT_DEVICE_NONE, -1), CT_ERR_DLPACK, "ct_to_dlpack:");
    MSG_HAS_("read-only");
    ck_assert_ptr_null(l);
    CT_FAILS_(ct_to_dlpack(&l, tt, shared[k], CT_DEVICE_NONE, -1), CT_ERR_DLPACK, "read-only");
    ck_assert_ptr_null(l);
  }
  ck_assert_int_eq(live_exports(), e0);
  /* A copy is the consumer's own, writable: no READ_ONLY, IS_COPIED, and legacy may have it. */
  for (int v = 0; v < 2; v++) {
    exported e;
    CT_OK_(export_as(&e, v, tt, CT_DLPACK_COPY_ALWAYS, CT_DEVICE_NONE, -1));
    if (v) ck_assert_uint_eq(e.flags, DLPACK_FLAG_BITMASK_IS_COPIED);
    ck_assert_ptr_ne(e.dl->data, buf);
    check_row_major(e.dl);
    for (int64_t i = 0; i < 6; i++) ck_assert(*(const float *)dl_elem(e.dl, i) == (float)value(tt, i));
    ((float *)e.dl->data)[0] = 42; /* writable, and not the original */
    ck_assert(buf[0] == 0);
    export_delete(&e);
  }
  ct_tensor_release(tt);
  ct_tensor_release(t);
  ck_assert_int_eq(atomic_load(&blob_deleted), deleted0 + 1);
  MEM_END;
}
END_TEST

START_TEST(test_export_copy) {
  MEM_BEGIN;
  ct_tensor *base = pattern(CT_INT32, 2, (int64_t[]){4, 5}), *v[4], *row;
  CT_OK_(ct_transpose(&v[0], base, 0, 1));
  CT_OK_(ct_slice(&v[1], base, 1, 1, INT64_MAX, 2));
  CT_OK_(ct_select(&row, base, 0, 1));
  CT_OK_(ct_expand(&v[2], row, 2, (int64_t[]){3, 5}));
  ct_tensor_release(row);
  v[3] = base;
  ct_tensor_retain(base);
  for (int k = 0; k < 4; k++)
    for (int ver = 0; ver < 2; ver++) {
      int64_t blocks0;
      ct_memory_stats(&blocks0, NULL, NULL);
      exported e;
      CT_OK_(export_as(&e, ver, v[k], CT_DLPACK_COPY_ALWAYS, CT_DEVICE_NONE, -1));
      if (ver) ck_assert_uint_eq(e.flags, DLPACK_FLAG_BITMASK_IS_COPIED);
      ck_assert_ptr_ne(e.dl->data, data_of(v[k]));
      ck_assert_uint_eq((uintptr_t)e.dl->data % 64, 0);
      ck_assert_uint_eq(e.dl->byte_offset, 0);
      ck_assert_int_eq(e.dl->ndim, 2);
      check_row_major(e.dl);
      int64_t n = numel_of(v[k]);
      for (int64_t i = 0; i < n; i++) ck_assert_int_eq(*(const int32_t *)dl_elem(e.dl, i), ivalue(v[k], i));
      /* Independent of the original. */
      *(int32_t *)e.dl->data = -1000;
      ck_assert_int_ne(ivalue(v[k], 0), -1000);
      export_delete(&e);
      int64_t blocks1;
      ct_memory_stats(&blocks1, NULL, NULL);
      ck_assert_int_eq(blocks1, blocks0);
    }
  /* NEVER and IF_NEEDED on the CPU: the same memory, no flag. */
  for (int k = 0; k < 4; k++)
    for (int ver = 0; ver < 2; ver++) {
      exported e;
      CT_OK_(export_as(&e, ver, v[k], CT_DLPACK_COPY_NEVER, CT_DEVICE_NONE, -1));
      ck_assert_ptr_eq(e.dl->data, data_of(v[k]));
      ck_assert_uint_eq(e.flags, 0);
      check_export_of(e.dl, v[k]);
      export_delete(&e);
    }
  /* A 0-d and an empty copy. */
  ct_tensor *z, *empty;
  CT_OK_(ct_select(&row, base, 0, 1));
  CT_OK_(ct_select(&z, row, 0, 2));
  ct_tensor_release(row);
  CT_OK_(ct_empty(&empty, 2, (int64_t[]){0, 3}, CT_FLOAT32, CT_DEVICE_NONE, -1));
  for (int ver = 0; ver < 2; ver++) {
    exported e;
    CT_OK_(export_as(&e, ver, z, CT_DLPACK_COPY_ALWAYS, CT_DEVICE_NONE, -1));
    ck_assert_int_eq(e.dl->ndim, 0);
    ck_assert_ptr_nonnull(e.dl->shape);
    ck_assert_ptr_nonnull(e.dl->strides);
    ck_assert_ptr_ne(e.dl->data, data_of(z));
    ck_assert_int_eq(*(const int32_t *)e.dl->data, ivalue(z, 0));
    export_delete(&e);
    CT_OK_(export_as(&e, ver, empty, CT_DLPACK_COPY_ALWAYS, CT_DEVICE_NONE, -1));
    ck_assert_int_eq(e.dl->ndim, 2);
    ck_assert_int_eq(e.dl->shape[0], 0);
    ck_assert_int_eq(e.dl->shape[1], 3);
    ck_assert_ptr_nonnull(e.dl->strides);
    export_delete(&e);
  }
  ct_tensor_release(z);
  ct_tensor_release(empty);
  for (int k = 0; k < 4; k++) ct_tensor_release(v[k]);
  ct_tensor_release(base);
  MEM_END;
}
END_TEST

START_TEST(test_export_device_and_errors) {
  MEM_BEGIN;
  int64_t e0 = live_exports();
  ct_tensor *t = pattern(CT_FLOAT32, 1, (int64_t[]){3});
  for (int v = 0; v < 2; v++) {
    exported e;
    /* The tensor's own device: nothing to do. */
    CT_OK_(export_as(&e, v, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_CPU, 0));
    ck_assert_ptr_eq(e.dl->data, data_of(t));
    ck_assert_int_eq(e.dl->device.device_type, kDLCPU);
    export_delete(&e);
    CT_OK_(export_as(&e, v, t, CT_DLPACK_COPY_NEVER, CT_DEVICE_CPU, -1));
    export_delete(&e);
    CT_OK_(export_as(&e, v, t, CT_DLPACK_COPY_ALWAYS, CT_DEVICE_CPU, 0));
    export_delete(&e);
    /* Another device: ctensor cannot copy there. */
    const int32_t bad_devices[][2] = {{CT_DEVICE_CUDA, 0}, {CT_DEVICE_CUDA, -1}, {CT_DEVICE_CPU, 1},
                                      {CT_DEVICE_METAL, 0}, {99, 0}};
    for (size_t k = 0; k < sizeof bad_devices / sizeof bad_devices[0]; k++)
      for (int c = 0; c < CT_DLPACK_COPY_COUNT; c++) {
        ct_clear_error();
        ct_status s = export_as(&e, v, t, c, bad_devices[k][0], bad_devices[k][1]);
        CT_FAILED_WITH_(s, "export to another device", CT_ERR_DLPACK, export_fn(v));
        MSG_HAS_("dl_device");
        ck_assert_ptr_null(e.v);
        ck_assert_ptr_null(e.l);
      }
    /* Bad copy values. */
    const ct_dlpack_copy bad_copies[] = {-1, CT_DLPACK_COPY_COUNT, 1000};
    for (size_t k = 0; k < 3; k++) {
      ct_clear_error();
      ct_status s = export_as(&e, v, t, bad_copies[k], CT_DEVICE_NONE, -1);
      CT_FAILED_WITH_(s, "export with a bad copy", CT_ERR_INVALID_ARGUMENT, export_fn(v));
      MSG_HAS_("copy");
    }
  }
  /* NULL arguments; out comes back NULL. */
  DLManagedTensorVersioned *mv = (DLManagedTensorVersioned *)POISON;
  DLManagedTensor *ml = (DLManagedTensor *)POISON;
  CT_FAILS_(ct_to_dlpack_versioned(NULL, t, 0, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_to_dlpack_versioned: out");
  CT_FAILS_(ct_to_dlpack_versioned(&mv, NULL, 0, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_to_dlpack_versioned: t is NULL");
  ck_assert_ptr_null(mv);
  CT_FAILS_(ct_to_dlpack(NULL, t, 0, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_to_dlpack: out");
  CT_FAILS_(ct_to_dlpack(&ml, NULL, 0, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_to_dlpack: t is NULL");
  ck_assert_ptr_null(ml);
  /* A read-only tensor with a bad copy value: the argument error comes first. */
  float buf[3] = {1, 2, 3};
  ct_tensor *ro;
  CT_OK_(ct_from_blob(&ro, buf, 1, (int64_t[]){3}, NULL, CT_FLOAT32, CT_DEVICE_CPU, 0, NULL, NULL,
                      CT_BLOB_READ_ONLY));
  CT_FAILS_(ct_to_dlpack(&ml, ro, 7, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT, "ct_to_dlpack: copy");
  CT_FAILS_(ct_to_dlpack_versioned(&mv, ro, 7, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_to_dlpack_versioned: copy");
  ct_tensor_release(ro);
  ck_assert_int_eq(live_exports(), e0);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- 3. the export's deleter and lifetime -------------------------------------------------------- */

START_TEST(test_export_deleter_counts) {
  MEM_BEGIN;
  int64_t e0 = live_exports(), i0 = live_imports();
  ct_tensor *t = pattern(CT_FLOAT64, 2, (int64_t[]){2, 3});
  int64_t uses = use_count(t), blocks0, bytes0;
  ct_memory_stats(&blocks0, &bytes0, NULL);
  exported a, b, c;
  CT_OK_(export_as(&a, true, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  CT_OK_(export_as(&b, false, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  CT_OK_(export_as(&c, true, t, CT_DLPACK_COPY_ALWAYS, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(live_exports(), e0 + 3);
  ck_assert_int_eq(live_imports(), i0);
  ck_assert_int_eq(use_count(t), uses); /* exports hold the storage, not the tensor */
  int64_t blocks1;
  ct_memory_stats(&blocks1, NULL, NULL);
  ck_assert_int_gt(blocks1, blocks0);
  /* A consumer stub: each deleter once, in any order. */
  export_delete(&b);
  ck_assert_int_eq(live_exports(), e0 + 2);
  export_delete(&a);
  export_delete(&c);
  ck_assert_int_eq(live_exports(), e0);
  int64_t blocks2, bytes2;
  ct_memory_stats(&blocks2, &bytes2, NULL);
  ck_assert_int_eq(blocks2, blocks0);
  ck_assert_int_eq(bytes2, bytes0);
  /* The original still works. */
  double one = 1;
  CT_OK_(ct_add_scalar_(t, &one, CT_FLOAT64, NULL, CT_DTYPE_NONE));
  for (int64_t i = 0; i < 6; i++) ck_assert(value(t, i) == (double)((7 * i + 3) % 11) + 1);
  ct_tensor *sum;
  CT_OK_(ct_add(&sum, t, t, NULL, CT_DTYPE_NONE));
  ct_tensor_release(sum);
  ck_assert_int_eq(use_count(t), 1);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_export_outlives_tensor) {
  MEM_BEGIN;
  int64_t e0 = live_exports();
  for (int v = 0; v < 2; v++) {
    /* Wrapped memory: its deleter waits for the export. */
    int32_t *buf = malloc(12 * sizeof(int32_t));
    for (int i = 0; i < 12; i++) buf[i] = 100 + i;
    int deleted0 = atomic_load(&blob_deleted);
    ct_tensor *t, *view;
    CT_OK_(ct_from_blob(&t, buf, 2, (int64_t[]){3, 4}, NULL, CT_INT32, CT_DEVICE_CPU, 0, blob_delete, NULL, 0));
    CT_OK_(ct_slice(&view, t, 1, 1, INT64_MAX, 2)); /* [3, 2]: 101 103 / 105 107 / 109 111 */
    exported e;
    CT_OK_(export_as(&e, v, view, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
    ct_tensor_release(view);
    ct_tensor_release(t);
    ck_assert_int_eq(atomic_load(&blob_deleted), deleted0);
    ck_assert_ptr_eq(e.dl->data, buf + 1);
    for (int64_t i = 0; i < 6; i++) ck_assert_int_eq(*(const int32_t *)dl_elem(e.dl, i), 101 + 2 * i);
    export_delete(&e);
    ck_assert_int_eq(atomic_load(&blob_deleted), deleted0 + 1);

    /* ctensor's own memory: the data block stays allocated until the deleter. */
    int64_t blocks0;
    ct_memory_stats(&blocks0, NULL, NULL);
    t = pattern(CT_FLOAT32, 1, (int64_t[]){1000});
    CT_OK_(export_as(&e, v, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
    ct_tensor_release(t);
    int64_t blocks1;
    ct_memory_stats(&blocks1, NULL, NULL);
    ck_assert_int_gt(blocks1, blocks0);
    for (int64_t i = 0; i < 1000; i++) ck_assert(((const float *)e.dl->data)[i] == (float)((7 * i + 3) % 11));
    export_delete(&e);
    ct_memory_stats(&blocks1, NULL, NULL);
    ck_assert_int_eq(blocks1, blocks0);
  }
  ck_assert_int_eq(live_exports(), e0);
  MEM_END;
}
END_TEST

/* ---- 4-9. import ---------------------------------------------------------------------------------- */

START_TEST(test_import_contiguous) {
  MEM_BEGIN;
  int64_t i0 = live_imports();
  for (int v = 0; v < 2; v++) {
    /* NULL strides: C-contiguous. */
    made *m = made_f64(v, 2, (int64_t[]){2, 3}, NULL);
    void *data = m->data;
    int d0 = atomic_load(&made_deleted);
    ct_tensor *t = import_ok(m);
    ck_assert_int_eq(live_imports(), i0 + 1);
    check_shape(t, 2, (int64_t[]){2, 3});
    check_strides(t, 2, (int64_t[]){3, 1});
    ck_assert_int_eq(dtype_of(t), CT_FLOAT64);
    ck_assert_ptr_eq(data_of(t), data);
    ck_assert(!is_read_only(t));
    ct_device_type dt;
    int32_t di;
    CT_OK_(ct_tensor_device(&dt, &di, t));
    ck_assert_int_eq(dt, CT_DEVICE_CPU);
    ck_assert_int_eq(di, 0);
    check_values(t, 6, (double[]){0, 1, 2, 3, 4, 5});
    ct_tensor_release(t);
    ck_assert_int_eq(atomic_load(&made_deleted), d0 + 1);
    ck_assert(pthread_equal(made_deleter_thread, pthread_self()));
    ck_assert_int_eq(live_imports(), i0);

    /* Explicit strides, column-major. */
    m = made_f64(v, 2, (int64_t[]){2, 3}, (int64_t[]){1, 2});
    t = import_ok(m);
    check_strides(t, 2, (int64_t[]){1, 2});
    check_values(t, 6, (double[]){0, 2, 4, 1, 3, 5});
    ct_tensor_release(t);
    ck_assert_int_eq(atomic_load(&made_deleted), d0 + 2);
  }
  MEM_END;
}
END_TEST

START_TEST(test_import_all_dtypes) {
  MEM_BEGIN;
  for (int k = 0; k < NDTYPES; k++)
    for (int v = 0; v < 2; v++) {
      made *m = made_new(v, dl_of[k].code, dl_of[k].bits, 1, (int64_t[]){4}, NULL);
      int64_t itemsize = dl_of[k].bits / 8;
      unsigned char *bytes = (unsigned char *)m->data;
      for (int i = 0; i < 4 * itemsize; i++) bytes[i] = (unsigned char)(all_dtypes[k] == CT_BOOL ? i % 2 : 3 * i + 1);
      ct_tensor *t = import_ok(m);
      ck_assert_int_eq(dtype_of(t), all_dtypes[k]);
      ck_assert_ptr_eq(data_of(t), bytes);
      for (int64_t i = 0; i < 4; i++) {
        ct_dtype dt;
        ck_assert(memcmp(ct_test_elem_ptr(t, i, &dt), bytes + i * itemsize, (size_t)itemsize) == 0);
      }
      ct_tensor_release(t);
    }
  MEM_END;
}
END_TEST

START_TEST(test_import_0d_and_empty) {
  MEM_BEGIN;
  for (int v = 0; v < 2; v++) {
    int d0 = atomic_load(&made_deleted);
    /* 0-d with shape and strides NULL (allowed since 1.3). */
    made *m = made_f64(v, 0, NULL, NULL);
    m->data[0] = 2.5;
    ct_tensor *t = import_ok(m);
    int32_t nd = -1;
    CT_OK_(ct_tensor_ndim(&nd, t));
    ck_assert_int_eq(nd, 0);
    ck_assert_int_eq(numel_of(t), 1);
    double x = 0;
    CT_OK_(ct_tensor_item_double(&x, t));
    ck_assert(x == 2.5);
    ct_tensor_release(t);
    /* 0-d with non-NULL empty arrays. */
    int64_t none[1] = {77};
    m = made_f64(v, 0, none, none);
    m->data[0] = -4;
    t = import_ok(m);
    CT_OK_(ct_tensor_ndim(&nd, t));
    ck_assert_int_eq(nd, 0);
    CT_OK_(ct_tensor_item_double(&x, t));
    ck_assert(x == -4);
    ct_tensor_release(t);
    /* Size 0 with data NULL and strides [0, 0], and with NULL strides. */
    m = made_f64(v, 2, (int64_t[]){0, 3}, (int64_t[]){0, 0});
    made_dl(m)->data = NULL;
    t = import_ok(m);
    check_shape(t, 2, (int64_t[]){0, 3});
    ck_assert_int_eq(numel_of(t), 0);
    ct_tensor *c;
    CT_OK_(ct_contiguous(&c, t)); /* usable */
    ct_tensor_release(c);
    ct_tensor_release(t);
    m = made_f64(v, 2, (int64_t[]){3, 0}, NULL);
    made_dl(m)->data = NULL;
    t = import_ok(m);
    check_shape(t, 2, (int64_t[]){3, 0});
    ct_tensor_release(t);
    /* Size 0 with data non-NULL and odd strides (even negative ones: nothing is addressed). */
    m = made_f64(v, 2, (int64_t[]){0, 3}, (int64_t[]){-5, 7});
    t = import_ok(m);
    ck_assert_int_eq(numel_of(t), 0);
    ct_tensor_release(t);
    ck_assert_int_eq(atomic_load(&made_deleted), d0 + 5);
  }
  MEM_END;
}
END_TEST

START_TEST(test_import_byte_offset) {
  MEM_BEGIN;
  for (int v = 0; v < 2; v++) {
    made *m = made_f64(v, 2, (int64_t[]){2, 2}, NULL);
    made_dl(m)->byte_offset = 3 * sizeof(double);
    double *base = m->data;
    ct_tensor *t = import_ok(m);
    ck_assert_ptr_eq(data_of(t), base + 3);
    check_values(t, 4, (double[]){3, 4, 5, 6});
    /* A write lands at data + byte_offset, and nowhere else. */
    double hundred = 100;
    CT_OK_(ct_add_scalar_(t, &hundred, CT_FLOAT64, NULL, CT_DTYPE_NONE));
    for (int i = 0; i < 10; i++) ck_assert(base[i] == (i >= 3 && i < 7 ? i + 100 : i));
    ct_tensor *view;
    CT_OK_(ct_select(&view, t, 0, 1));
    ck_assert_ptr_eq(data_of(view), base + 5);
    ct_tensor_release(view);
    ct_tensor_release(t);
    /* With strides too. */
    m = made_f64(v, 2, (int64_t[]){2, 3}, (int64_t[]){1, 2});
    made_dl(m)->byte_offset = 8 * sizeof(double);
    t = import_ok(m);
    check_values(t, 6, (double[]){8, 10, 12, 9, 11, 13});
    ct_tensor_release(t);
    /* Past int64: refused. */
    m = made_f64(v, 1, (int64_t[]){1}, NULL);
    made_dl(m)->byte_offset = (uint64_t)INT64_MAX + 1;
    import_fails(m, CT_ERR_DLPACK, "byte_offset");
  }
  MEM_END;
}
END_TEST

START_TEST(test_import_strides) {
  MEM_BEGIN;
  for (int v = 0; v < 2; v++) {
    /* Zero strides: a broadcast row. */
    made *m = made_f64(v, 2, (int64_t[]){3, 4}, (int64_t[]){0, 1});
    ct_tensor *t = import_ok(m);
    check_strides(t, 2, (int64_t[]){0, 1});
    check_values(t, 12, (double[]){0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3});
    ct_tensor_release(t);
    /* Every stride zero. */
    m = made_f64(v, 2, (int64_t[]){2, 2}, (int64_t[]){0, 0});
    m->data[0] = 9;
    t = import_ok(m);
    check_values(t, 4, (double[]){9, 9, 9, 9});
    ct_tensor_release(t);
    /* A negative stride on a size-1 dim never steps: accepted. */
    m = made_f64(v, 2, (int64_t[]){1, 3}, (int64_t[]){-7, 2});
    t = import_ok(m);
    check_shape(t, 2, (int64_t[]){1, 3});
    check_values(t, 3, (double[]){0, 2, 4});
    int64_t st = 0;
    CT_OK_(ct_tensor_stride(&st, t, 1));
    ck_assert_int_eq(st, 2);
    ct_tensor_release(t);
    /* Negative strides that step: refused, deleter once. */
    m = made_f64(v, 1, (int64_t[]){3}, (int64_t[]){-1});
    made_dl(m)->data = m->data + 2;
    import_fails(m, CT_ERR_DLPACK, "negative");
    m = made_f64(v, 2, (int64_t[]){2, 3}, (int64_t[]){3, -1});
    import_fails(m, CT_ERR_DLPACK, "strides[1] = -1");
    /* CuPy's bug (cupy#10172): arange(8.)[::-2] exported with stride 2^62 - 2. */
    m = made_f64(v, 1, (int64_t[]){4}, (int64_t[]){4611686018427387902});
    import_fails(m, CT_ERR_DLPACK, "overflow");
    /* Each product fits but the sum of the dims' reaches does not. */
    m = made_new(v, kDLUInt, 8, 2, (int64_t[]){2, 2}, (int64_t[]){INT64_C(1) << 62, INT64_C(1) << 62});
    import_fails(m, CT_ERR_DLPACK, "overflow");
    m = made_f64(v, 2, (int64_t[]){3, 2}, (int64_t[]){INT64_MAX, 1});
    import_fails(m, CT_ERR_DLPACK, "overflow");
  }
  MEM_END;
}
END_TEST

START_TEST(test_import_bad_dtypes) {
  MEM_BEGIN;
  const struct {
    uint8_t code, bits;
    uint16_t lanes;
  } bad[] = {
      {kDLFloat, 32, 4},  /* float4 vector */
      {kDLUInt, 1, 1},    /* sub-byte uint */
      {kDLOpaqueHandle, 64, 1},
      {kDLFloat4_e2m1fn, 8, 1},
      {kDLFloat4_e2m1fn, 4, 1},
      {kDLFloat6_e2m3fn, 8, 1},
      {kDLFloat6_e3m2fn, 6, 1},
      {kDLFloat8_e4m3fn, 8, 1},
      {200, 8, 1},
      {kDLUInt, 16, 1},   /* uint16: no ctensor dtype */
      {kDLUInt, 32, 1},
      {kDLUInt, 64, 1},
      {kDLInt, 128, 1},
      {kDLFloat, 8, 1},
      {kDLComplex, 32, 1},
      {kDLBool, 1, 1},
      {kDLBool, 8, 0},    /* no lanes */
      {kDLFloat, 64, 2},
  };
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
    for (int v = 0; v < 2; v++) {
      made *m = made_new(v, bad[k].code, bad[k].bits, 1, (int64_t[]){2}, NULL);
      made_dl(m)->dtype.lanes = bad[k].lanes;
      char needle[64];
      snprintf(needle, sizeof needle, "(code %u, bits %u, lanes %u)", (unsigned)bad[k].code,
               (unsigned)bad[k].bits, (unsigned)bad[k].lanes);
      import_fails(m, CT_ERR_DLPACK, needle);
    }
  MEM_END;
}
END_TEST

/* A deleter for the guard-page test: counts, frees nothing (the test unmaps). */
static atomic_int guard_deleted;
static void guard_delete(DLManagedTensorVersioned *self) {
  (void)self;
  atomic_fetch_add(&guard_deleted, 1);
}

START_TEST(test_import_version) {
  MEM_BEGIN;
  /*
   * Major 2 (and 0): refused, deleter once, and no field after flags read: the struct ends its
   * page, and dl_tensor would lie on the next, unreadable one.
   */
  long page = sysconf(_SC_PAGESIZE);
  ck_assert_int_gt(page, 0);
  char *pages = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ck_assert(pages != MAP_FAILED);
  ck_assert_int_eq(mprotect(pages + page, (size_t)page, PROT_NONE), 0);
  DLManagedTensorVersioned *g =
      (DLManagedTensorVersioned *)(void *)(pages + page - offsetof(DLManagedTensorVersioned, dl_tensor));
  const uint32_t majors[] = {2, 0, 0xffffffffu};
  for (size_t k = 0; k < 3; k++) {
    g->version.major = majors[k];
    g->version.minor = 0;
    g->manager_ctx = NULL;
    g->deleter = guard_delete;
    g->flags = 0;
    int before = atomic_load(&guard_deleted);
    ct_tensor *t = POISON;
    char needle[64];
    snprintf(needle, sizeof needle, "major version %u", (unsigned)majors[k]);
    CT_FAILS_(ct_from_dlpack_versioned(&t, g), CT_ERR_DLPACK, "ct_from_dlpack_versioned:");
    MSG_HAS_(needle);
    ck_assert_ptr_null(t);
    ck_assert_int_eq(atomic_load(&guard_deleted), before + 1);
  }
  /* With a NULL deleter nothing is called, and nothing crashes. */
  g->version.major = 2;
  g->deleter = NULL;
  ct_tensor *t = POISON;
  CT_FAILS_(ct_from_dlpack_versioned(&t, g), CT_ERR_DLPACK, "major version 2");
  ck_assert_int_eq(munmap(pages, 2 * (size_t)page), 0);

  /* Minor 99 of major 1: fine when every value is known. */
  made *m = made_f64(true, 1, (int64_t[]){3}, NULL);
  m->m.v.version.minor = 99;
  t = import_ok(m);
  check_values(t, 3, (double[]){0, 1, 2});
  ct_tensor_release(t);
  m = made_f64(true, 1, (int64_t[]){3}, NULL);
  m->m.v.version.minor = 0;
  t = import_ok(m);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

START_TEST(test_import_flags) {
  MEM_BEGIN;
  int d0 = atomic_load(&made_deleted);
  /* READ_ONLY: a read-only tensor, and its views too. */
  made *m = made_f64(true, 1, (int64_t[]){4}, NULL);
  m->m.v.flags = DLPACK_FLAG_BITMASK_READ_ONLY;
  ct_tensor *t = import_ok(m), *other, *view;
  ck_assert(is_read_only(t));
  CT_OK_(ct_slice(&view, t, 0, 1, 3, 1));
  ck_assert(is_read_only(view));
  CT_OK_(ct_ones(&other, 1, (int64_t[]){4}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_FAILS_(ct_add_(t, other, NULL, CT_DTYPE_NONE), CT_ERR_READ_ONLY, "read-only");
  double one = 1;
  CT_FAILS_(ct_add_scalar_(view, &one, CT_FLOAT64, NULL, CT_DTYPE_NONE), CT_ERR_READ_ONLY, "read-only");
  CT_FAILS_(ct_copy_(t, other), CT_ERR_READ_ONLY, "read-only");
  check_values(t, 4, (double[]){0, 1, 2, 3});
  /* Reading is fine. */
  ct_tensor *sum;
  CT_OK_(ct_add(&sum, t, other, NULL, CT_DTYPE_NONE));
  check_values(sum, 4, (double[]){1, 2, 3, 4});
  ct_tensor_release(sum);
  ct_tensor_release(view);
  ct_tensor_release(t);
  ck_assert_int_eq(atomic_load(&made_deleted), d0 + 1);
  /* IS_COPIED and the sub-byte flag change nothing for ctensor's types; legacy is writable. */
  const uint64_t flags[] = {DLPACK_FLAG_BITMASK_IS_COPIED, DLPACK_FLAG_BITMASK_IS_SUBBYTE_TYPE_PADDED};
  for (int k = 0; k < 2; k++) {
    m = made_f64(true, 1, (int64_t[]){4}, NULL);
    m->m.v.flags = flags[k];
    t = import_ok(m);
    ck_assert(!is_read_only(t));
    CT_OK_(ct_add_(t, other, NULL, CT_DTYPE_NONE));
    check_values(t, 4, (double[]){1, 2, 3, 4});
    ct_tensor_release(t);
  }
  m = made_f64(false, 1, (int64_t[]){4}, NULL);
  t = import_ok(m);
  ck_assert(!is_read_only(t));
  ct_tensor_release(t);
  ct_tensor_release(other);
  ck_assert_int_eq(atomic_load(&made_deleted), d0 + 4);
  MEM_END;
}
END_TEST

START_TEST(test_import_errors) {
  MEM_BEGIN;
  for (int v = 0; v < 2; v++) {
    made *m;
    /* NULL data with elements. */
    m = made_f64(v, 2, (int64_t[]){2, 3}, NULL);
    made_dl(m)->data = NULL;
    import_fails(m, CT_ERR_DLPACK, "data is NULL");
    /* NULL shape with ndim > 0. */
    m = made_f64(v, 2, NULL, NULL);
    import_fails(m, CT_ERR_DLPACK, "shape is NULL");
    /* Negative ndim and sizes. */
    m = made_f64(v, 1, (int64_t[]){3}, NULL);
    made_dl(m)->ndim = -1;
    import_fails(m, CT_ERR_DLPACK, "ndim = -1");
    m = made_f64(v, 2, (int64_t[]){3, -2}, NULL);
    import_fails(m, CT_ERR_DLPACK, "shape[1] = -2");
    /* A shape whose element count overflows (zero strides: no memory needed). */
    m = made_new(v, kDLUInt, 8, 2, (int64_t[]){INT64_C(1) << 40, INT64_C(1) << 40}, (int64_t[]){0, 0});
    import_fails(m, CT_ERR_DLPACK, "too large");
    /* Devices ctensor does not know. */
    const int32_t devices[] = {kDLOpenCL, kDLVulkan, kDLMetal, kDLROCM, kDLROCMHost, kDLOneAPI, kDLTrn, 5, 0, 99};
    for (size_t k = 0; k < sizeof devices / sizeof devices[0]; k++) {
      m = made_f64(v, 1, (int64_t[]){3}, NULL);
      made_dl(m)->device.device_type = (DLDeviceType)devices[k];
      import_fails(m, CT_ERR_DLPACK, "device");
    }
    /* CUDA memory without a CUDA backend. */
    if (!cuda_available()) {
      m = made_f64(v, 1, (int64_t[]){3}, NULL);
      made_dl(m)->device.device_type = kDLCUDA;
      import_fails(m, CT_ERR_BACKEND_UNAVAILABLE, "cuda");
    }
    /* Host-accessible CUDA memory is host memory: a CPU tensor. */
    const DLDeviceType host[] = {kDLCUDAHost, kDLCUDAManaged};
    for (int k = 0; k < 2; k++) {
      m = made_f64(v, 1, (int64_t[]){3}, NULL);
      made_dl(m)->device.device_type = host[k];
      made_dl(m)->device.device_id = k + 1;
      ct_tensor *t = import_ok(m);
      ct_device_type dt;
      int32_t di;
      CT_OK_(ct_tensor_device(&dt, &di, t));
      ck_assert_int_eq(dt, CT_DEVICE_CPU);
      ck_assert_int_eq(di, 0);
      check_values(t, 3, (double[]){0, 1, 2});
      ct_tensor_release(t);
    }
    /* The CPU's device_id is not an index ctensor checks. */
    m = made_f64(v, 1, (int64_t[]){3}, NULL);
    made_dl(m)->device.device_id = 3;
    ct_tensor_release(import_ok(m));
  }
  /* NULL arguments: a NULL out still takes the tensor over (the deleter runs). */
  int d0 = atomic_load(&made_deleted);
  ct_tensor *t = POISON;
  FAILS_NULL_(t, ct_from_dlpack_versioned(&t, NULL), CT_ERR_INVALID_ARGUMENT, "ct_from_dlpack_versioned: src");
  FAILS_NULL_(t, ct_from_dlpack(&t, NULL), CT_ERR_INVALID_ARGUMENT, "ct_from_dlpack: src");
  made *m = made_f64(true, 1, (int64_t[]){3}, NULL);
  CT_FAILS_(ct_from_dlpack_versioned(NULL, &m->m.v), CT_ERR_INVALID_ARGUMENT, "ct_from_dlpack_versioned: out");
  ck_assert_int_eq(atomic_load(&made_deleted), d0 + 1);
  m = made_f64(false, 1, (int64_t[]){3}, NULL);
  CT_FAILS_(ct_from_dlpack(NULL, &m->m.l), CT_ERR_INVALID_ARGUMENT, "ct_from_dlpack: out");
  ck_assert_int_eq(atomic_load(&made_deleted), d0 + 2);
  CT_FAILS_(ct_from_dlpack_versioned(NULL, NULL), CT_ERR_INVALID_ARGUMENT, "ct_from_dlpack_versioned: out");
  CT_FAILS_(ct_from_dlpack(NULL, NULL), CT_ERR_INVALID_ARGUMENT, "ct_from_dlpack: out");
  MEM_END;
}
END_TEST

START_TEST(test_import_null_deleter) {
  MEM_BEGIN;
  for (int v = 0; v < 2; v++) {
    int d0 = atomic_load(&made_deleted);
    made *m = made_f64(v, 1, (int64_t[]){3}, NULL);
    if (v) m->m.v.deleter = NULL;
    else m->m.l.deleter = NULL;
    ct_tensor *t = NULL;
    CT_OK_(made_import(&t, m));
    check_values(t, 3, (double[]){0, 1, 2});
    ct_tensor_release(t);
    /* A failing import with a NULL deleter calls nothing. */
    made_dl(m)->dtype.code = 200;
    CT_FAILS_(made_import(&t, m), CT_ERR_DLPACK, "code 200");
    ck_assert_ptr_null(t);
    if (v) {
      m->m.v.version.major = 2;
      CT_FAILS_(made_import(&t, m), CT_ERR_DLPACK, "major version 2");
    }
    ck_assert_int_eq(atomic_load(&made_deleted), d0);
    free(m); /* still ours */
  }
  MEM_END;
}
END_TEST

START_TEST(test_import_view_outlives_base) {
  MEM_BEGIN;
  int64_t i0 = live_imports();
  for (int v = 0; v < 2; v++) {
    int d0 = atomic_load(&made_deleted);
    made *m = made_f64(v, 2, (int64_t[]){3, 4}, NULL);
    ct_tensor *t = import_ok(m), *view, *view2;
    CT_OK_(ct_transpose(&view, t, 0, 1));
    CT_OK_(ct_select(&view2, view, 0, 2)); /* column 2: 2, 6, 10 */
    ct_tensor_release(t);
    ct_tensor_release(view);
    ck_assert_int_eq(atomic_load(&made_deleted), d0);
    ck_assert_int_eq(live_imports(), i0 + 1);
    check_values(view2, 3, (double[]){2, 6, 10});
    double one = 1;
    CT_OK_(ct_add_scalar_(view2, &one, CT_FLOAT64, NULL, CT_DTYPE_NONE));
    ct_tensor_release(view2);
    ck_assert_int_eq(atomic_load(&made_deleted), d0 + 1);
    ck_assert_int_eq(live_imports(), i0);
  }
  MEM_END;
}
END_TEST

/* ---- round trips ------------------------------------------------------------------------------- */

START_TEST(test_round_trip) {
  MEM_BEGIN;
  int64_t e0 = live_exports(), i0 = live_imports();
  for (int k = 0; k < NDTYPES; k++)
    for (int v = 0; v < 2; v++)
      for (int release_first = 0; release_first < 2; release_first++) {
        ct_tensor *t = pattern(all_dtypes[k], 2, (int64_t[]){3, 4}), *tt, *back = NULL;
        CT_OK_(ct_transpose(&tt, t, 0, 1));
        exported e;
        CT_OK_(export_as(&e, v, tt, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
        if (v) CT_OK_(ct_from_dlpack_versioned(&back, e.v));
        else CT_OK_(ct_from_dlpack(&back, e.l));
        ck_assert_int_eq(live_exports(), e0 + 1);
        ck_assert_int_eq(live_imports(), i0 + 1);
        ck_assert_ptr_eq(data_of(back), data_of(tt));
        ck_assert_int_eq(dtype_of(back), all_dtypes[k]);
        check_shape(back, 2, (int64_t[]){4, 3});
        check_strides(back, 2, (int64_t[]){1, 4});
        ck_assert(!is_read_only(back));
        /* Shared memory: a write through one is seen through the other. */
        ct_tensor *zeros;
        CT_OK_(ct_zeros_like(&zeros, back, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
        CT_OK_(ct_copy_(back, zeros));
        ct_tensor_release(zeros);
        for (int64_t i = 0; i < 12; i++) ck_assert(value(t, i) == 0);
        if (release_first) {
          ct_tensor_release(t);
          ct_tensor_release(tt);
        }
        ct_tensor_release(back);
        ck_assert_int_eq(live_exports(), e0);
        ck_assert_int_eq(live_imports(), i0);
        if (!release_first) {
          ct_tensor_release(t);
          ct_tensor_release(tt);
        }
      }
  /* A read-only tensor comes back read-only. */
  float buf[4] = {1, 2, 3, 4};
  ct_tensor *ro, *back;
  DLManagedTensorVersioned *mv;
  CT_OK_(ct_from_blob(&ro, buf, 1, (int64_t[]){4}, NULL, CT_FLOAT32, CT_DEVICE_CPU, 0, NULL, NULL,
                      CT_BLOB_READ_ONLY));
  CT_OK_(ct_to_dlpack_versioned(&mv, ro, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  CT_OK_(ct_from_dlpack_versioned(&back, mv));
  ck_assert(is_read_only(back));
  ck_assert_ptr_eq(data_of(back), buf);
  ct_tensor_release(ro);
  ct_tensor_release(back);
  /* A foreign tensor re-exported: the producer's deleter waits for the re-export. */
  int d0 = atomic_load(&made_deleted);
  made *m = made_f64(false, 1, (int64_t[]){5}, NULL);
  ct_tensor *t = import_ok(m);
  CT_OK_(ct_to_dlpack_versioned(&mv, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
  ct_tensor_release(t);
  ck_assert_int_eq(atomic_load(&made_deleted), d0);
  ck_assert(((double *)mv->dl_tensor.data)[4] == 4);
  mv->deleter(mv);
  ck_assert_int_eq(atomic_load(&made_deleted), d0 + 1);
  ck_assert_int_eq(live_exports(), e0);
  ck_assert_int_eq(live_imports(), i0);
  MEM_END;
}
END_TEST

/* ---- 10. the C exchange API -------------------------------------------------------------------- */

typedef struct set_error_log {
  int calls;
  char kind[64], message[512];
} set_error_log;

static void set_error(void *ctx, const char *kind, const char *message) {
  set_error_log *log = ctx;
  log->calls++;
  snprintf(log->kind, sizeof log->kind, "%s", kind ? kind : "(null)");
  snprintf(log->message, sizeof log->message, "%s", message ? message : "(null)");
}

/* The allocator refuses prototype: SetError once with a kind, -1, out NULL. */
static void allocator_fails(const DLPackExchangeAPI *api, DLTensor *prototype, const char *needle) {
  set_error_log log = {0, "", ""};
  DLManagedTensorVersioned *out = (DLManagedTensorVersioned *)POISON;
  int r = api->managed_tensor_allocator(prototype, &out, &log, set_error);
  ck_assert_int_eq(r, -1);
  ck_assert_ptr_null(out);
  ck_assert_int_eq(log.calls, 1);
  ck_assert_msg(strcmp(log.kind, "BufferError") == 0 || strcmp(log.kind, "RuntimeError") == 0 ||
                    strcmp(log.kind, "MemoryError") == 0 || strcmp(log.kind, "ValueError") == 0,
                "kind \"%s\"", log.kind);
  ck_assert_msg(strstr(log.message, needle) != NULL, "message \"%s\" lacks \"%s\"", log.message, needle);
}

START_TEST(test_exchange_api) {
  MEM_BEGIN;
  int64_t e0 = live_exports();
  const DLPackExchangeAPI *api = NULL;
  CT_OK_(ct_dlpack_exchange_api(&api));
  ck_assert_ptr_nonnull(api);
  const DLPackExchangeAPI *again = NULL;
  CT_OK_(ct_dlpack_exchange_api(&again));
  ck_assert_ptr_eq(api, again); /* static */
  ck_assert_uint_eq(api->header.version.major, 1);
  ck_assert_uint_eq(api->header.version.minor, 3);
  ck_assert_ptr_null(api->header.prev_api);
  ck_assert(api->managed_tensor_allocator != NULL);
  ck_assert(api->managed_tensor_from_py_object_no_sync != NULL);
  ck_assert(api->managed_tensor_to_py_object_no_sync != NULL);
  ck_assert(api->dltensor_from_py_object_no_sync != NULL);
  ck_assert(api->current_work_stream != NULL);
  CT_FAILS_(ct_dlpack_exchange_api(NULL), CT_ERR_INVALID_ARGUMENT, "ct_dlpack_exchange_api: api");

  /* current_work_stream on the CPU: 0 and NULL. */
  void *stream = (void *)POISON;
  ck_assert_int_eq(api->current_work_stream(kDLCPU, 0, &stream), 0);
  ck_assert_ptr_null(stream);
  ck_assert_int_eq(live_exports(), e0);
  MEM_END;
}
END_TEST

START_TEST(test_exchange_allocator) {
  MEM_BEGIN;
  int64_t e0 = live_exports();
  const DLPackExchangeAPI *api = NULL;
  CT_OK_(ct_dlpack_exchange_api(&api));
  int64_t shape[2] = {2, 3};
  DLTensor proto;
  memset(&proto, 0, sizeof proto);
  proto.device.device_type = kDLCPU;
  proto.device.device_id = 0;
  proto.ndim = 2;
  proto.shape = shape;
  proto.dtype.code = 200;
  proto.dtype.bits = 8;
  proto.dtype.lanes = 1;
  allocator_fails(api, &proto, "code 200");
  proto.dtype.code = kDLFloat;
  proto.dtype.bits = 32;
  proto.dtype.lanes = 4;
  allocator_fails(api, &proto, "lanes 4");
  proto.dtype.lanes = 1;
  shape[1] = -3;
  allocator_fails(api, &proto, "-3");
  shape[1] = 3;
  if (!cuda_available()) {
    proto.device.device_type = kDLCUDA;
    allocator_fails(api, &proto, "cuda");
  }
  ck_assert_int_eq(live_exports(), e0);

  /* A valid prototype: a fresh versioned tensor whose deleter frees it. */
  proto.device.device_type = kDLCPU;
  proto.data = (void *)POISON; /* not read */
  proto.strides = (int64_t *)(void *)POISON;
  set_error_log log = {0, "", ""};
  DLManagedTensorVersioned *out = NULL;
  ck_assert_int_eq(api->managed_tensor_allocator(&proto, &out, &log, set_error), 0);
  ck_assert_int_eq(log.calls, 0);
  ck_assert_ptr_nonnull(out);
  ck_assert_int_eq(live_exports(), e0 + 1);
  ck_assert_uint_eq(out->version.major, 1);
  ck_assert_uint_eq(out->version.minor, 3);
  ck_assert_uint_eq(out->flags, 0);
  DLTensor *dl = &out->dl_tensor;
  ck_assert_int_eq(dl->device.device_type, kDLCPU);
  ck_assert_int_eq(dl->device.device_id, 0);
  ck_assert_int_eq(dl->ndim, 2);
  ck_assert_ptr_ne(dl->shape, shape);
  ck_assert_int_eq(dl->shape[0], 2);
  ck_assert_int_eq(dl->shape[1], 3);
  ck_assert_int_eq(dl->strides[0], 3);
  ck_assert_int_eq(dl->strides[1], 1);
  ck_assert_int_eq(dl->dtype.code, kDLFloat);
  ck_assert_int_eq(dl->dtype.bits, 32);
  ck_assert_int_eq(dl->dtype.lanes, 1);
  ck_assert_uint_eq(dl->byte_offset, 0);
  ck_assert_ptr_nonnull(dl->data);
  ck_assert_uint_eq((uintptr_t)dl->data % 64, 0);
  for (int i = 0; i < 6; i++) ((float *)dl->data)[i] = (float)i; /* writable */
  /* It imports back like any managed tensor. */
  ct_tensor *t;
  CT_OK_(ct_from_dlpack_versioned(&t, out));
  check_values(t, 6, (double[]){0, 1, 2, 3, 4, 5});
  ct_tensor_release(t);
  ck_assert_int_eq(live_exports(), e0);
  /* A 0-d prototype with a NULL shape, and a bool one. */
  proto.ndim = 0;
  proto.shape = NULL;
  proto.dtype.code = kDLBool;
  proto.dtype.bits = 8;
  ck_assert_int_eq(api->managed_tensor_allocator(&proto, &out, &log, set_error), 0);
  ck_assert_int_eq(out->dl_tensor.ndim, 0);
  ck_assert_int_eq(out->dl_tensor.dtype.code, kDLBool);
  out->deleter(out);
  ck_assert_int_eq(log.calls, 0);
  ck_assert_int_eq(live_exports(), e0);
  MEM_END;
}
END_TEST

/* ---- the Python entry points, without Python ---------------------------------------------------- */

/* A CPython-convention function (NULL on failure) that failed with code and a message holding needle. */
#define PY_FAILS_(expr, code, needle)                                                                \
  do {                                                                                               \
    ct_clear_error();                                                                                \
    ck_assert_ptr_null(expr);                                                                        \
    ck_assert_int_eq(ct_last_error_code(), (code));                                                  \
    ck_assert_msg(strstr(ct_last_error_message(), (needle)) != NULL, "message \"%s\" lacks \"%s\"",  \
                  ct_last_error_message(), (needle));                                                \
  } while (0)

START_TEST(test_python_uninitialised) {
  MEM_BEGIN;
  ct_tensor *t = pattern(CT_FLOAT32, 1, (int64_t[]){3});
  char dummy_object;
  PY_FAILS_(ct_dlpack_py_export(t, true, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_export: ct_dlpack_py_init has not been called");
  PY_FAILS_(ct_dlpack_py_export(t, false, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1),
            CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_init");
  ct_tensor *out = POISON;
  FAILS_NULL_(out, ct_dlpack_py_import(&out, &dummy_object, false), CT_ERR_INVALID_ARGUMENT,
              "ct_dlpack_py_import: ct_dlpack_py_init");
  FAILS_NULL_(out, ct_dlpack_py_import(&out, NULL, false), CT_ERR_INVALID_ARGUMENT, "py_capsule");
  CT_FAILS_(ct_dlpack_py_import(NULL, &dummy_object, false), CT_ERR_INVALID_ARGUMENT, "out");
  FAILS_NULL_(out, ct_dlpack_py_import_exchange(&out, &dummy_object, &dummy_object), CT_ERR_INVALID_ARGUMENT,
              "ct_dlpack_py_import_exchange: ct_dlpack_py_init");
  FAILS_NULL_(out, ct_dlpack_py_import_exchange(&out, NULL, &dummy_object), CT_ERR_INVALID_ARGUMENT, "py_api");
  FAILS_NULL_(out, ct_dlpack_py_import_exchange(&out, &dummy_object, NULL), CT_ERR_INVALID_ARGUMENT, "py_obj");
  PY_FAILS_(ct_dlpack_py_exchange_api(), CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_exchange_api: ct_dlpack_py_init");
  float buffer[3] = {1, 2, 3};
  FAILS_NULL_(out, ct_dlpack_py_wrap_buffer(&out, &dummy_object, buffer, 1, (int64_t[]){3}, NULL, CT_FLOAT32, 0),
              CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_wrap_buffer: ct_dlpack_py_init");
  FAILS_NULL_(out, ct_dlpack_py_wrap_buffer(&out, NULL, buffer, 1, (int64_t[]){3}, NULL, CT_FLOAT32, 0),
              CT_ERR_INVALID_ARGUMENT, "py_owner");
  CT_FAILS_(ct_dlpack_py_wrap_buffer(NULL, &dummy_object, buffer, 1, (int64_t[]){3}, NULL, CT_FLOAT32, 0),
            CT_ERR_INVALID_ARGUMENT, "out");

  /* ct_dlpack_py_init refuses a wrong count and NULL slots (and so stays uninitialised). */
  const void *api[CT_PYAPI_COUNT + 1];
  for (int i = 0; i <= CT_PYAPI_COUNT; i++) api[i] = &dummy_object;
  CT_FAILS_(ct_dlpack_py_init(NULL, CT_PYAPI_COUNT), CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_init: api");
  const int32_t counts[] = {0, -1, CT_PYAPI_COUNT - 1, CT_PYAPI_COUNT + 1, 1000};
  for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
    CT_FAILS_(ct_dlpack_py_init(api, counts[k]), CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_init: count");
  for (int i = 0; i < CT_PYAPI_COUNT; i++) {
    api[i] = NULL;
    char needle[64];
    snprintf(needle, sizeof needle, "api[%d] is NULL", i);
    CT_FAILS_(ct_dlpack_py_init(api, CT_PYAPI_COUNT), CT_ERR_INVALID_ARGUMENT, needle);
    api[i] = &dummy_object;
  }
  PY_FAILS_(ct_dlpack_py_exchange_api(), CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_init");
  PY_FAILS_(ct_dlpack_py_export(t, true, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT,
            "ct_dlpack_py_init");
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* ---- 28. threads --------------------------------------------------------------------------------- */

static void *delete_on_thread(void *arg) {
  exported *e = arg;
  export_delete(e);
  return NULL;
}

/* Imports a managed tensor made on this thread, reads it, releases it; returns NULL when all went well. */
typedef struct import_job {
  bool versioned;
  ct_tensor *keep;    /* if set: imported here, released by the main thread */
  ct_tensor *release; /* if set: released here */
  pthread_t self;
  const char *error;
} import_job;

static void *import_on_thread(void *arg) {
  import_job *job = arg;
  job->self = pthread_self();
  if (job->release) {
    ct_tensor_release(job->release);
    return NULL;
  }
  made *m = made_f64(job->versioned, 1, (int64_t[]){8}, NULL);
  ct_tensor *t = NULL;
  if (made_import(&t, m) != CT_OK) {
    job->error = "import failed";
    return NULL;
  }
  double sum = 0;
  if (ct_tensor_item_double(&sum, t) == CT_OK) job->error = "item of 8 elements succeeded";
  for (int64_t i = 0; i < 8; i++) sum += ((double *)m->data)[i];
  if (sum != 28) job->error = "wrong values";
  job->keep = t;
  return NULL;
}

enum { N_THREADS = 8 };

typedef struct stress_job {
  ct_tensor *t;
  int rounds;
  int failures;
} stress_job;

static void *export_stress(void *arg) {
  stress_job *job = arg;
  for (int r = 0; r < job->rounds; r++) {
    exported e;
    if (export_as(&e, r % 2, job->t, r % 3 == 0 ? CT_DLPACK_COPY_ALWAYS : CT_DLPACK_COPY_IF_NEEDED,
                  CT_DEVICE_NONE, -1) != CT_OK) {
      job->failures++;
      continue;
    }
    ct_tensor *back = NULL;
    int64_t n = 0;
    ct_status s = e.versioned ? ct_from_dlpack_versioned(&back, e.v) : ct_from_dlpack(&back, e.l);
    if (s != CT_OK || ct_tensor_numel(&n, back) != CT_OK || n != 64) job->failures++;
    ct_tensor_release(back);
  }
  return NULL;
}

START_TEST(test_threads) {
  MEM_BEGIN;
  int64_t e0 = live_exports(), i0 = live_imports();
  /* Export here, delete on another thread, after the tensor is gone. */
  for (int v = 0; v < 2; v++) {
    ct_tensor *t = pattern(CT_FLOAT32, 2, (int64_t[]){16, 16});
    exported e;
    CT_OK_(export_as(&e, v, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1));
    ct_tensor_release(t);
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, delete_on_thread, &e), 0);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_int_eq(live_exports(), e0);
  }
  /* Import and release on another thread: the deleter runs there. */
  for (int v = 0; v < 2; v++) {
    int d0 = atomic_load(&made_deleted);
    import_job job = {.versioned = v};
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, import_on_thread, &job), 0);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_msg(job.error == NULL, "%s", job.error);
    ck_assert_ptr_nonnull(job.keep);
    ck_assert_int_eq(live_imports(), i0 + 1);
    /* Imported there, read here, released on a third thread. */
    check_values(job.keep, 8, (double[]){0, 1, 2, 3, 4, 5, 6, 7});
    import_job rel = {.release = job.keep};
    ck_assert_int_eq(pthread_create(&th, NULL, import_on_thread, &rel), 0);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_int_eq(atomic_load(&made_deleted), d0 + 1);
    ck_assert(pthread_equal(made_deleter_thread, rel.self));
    ck_assert_int_eq(live_imports(), i0);
  }
  /* Many threads exporting and importing one tensor at once. */
  ct_tensor *shared = pattern(CT_FLOAT64, 1, (int64_t[]){64});
  stress_job jobs[N_THREADS];
  pthread_t th[N_THREADS];
  for (int k = 0; k < N_THREADS; k++) {
    jobs[k] = (stress_job){.t = shared, .rounds = UNDER_VALGRIND() ? 50 : 2000, .failures = 0};
    ck_assert_int_eq(pthread_create(&th[k], NULL, export_stress, &jobs[k]), 0);
  }
  for (int k = 0; k < N_THREADS; k++) {
    ck_assert_int_eq(pthread_join(th[k], NULL), 0);
    ck_assert_int_eq(jobs[k].failures, 0);
  }
  ck_assert_int_eq(use_count(shared), 1);
  ct_tensor_release(shared);
  ck_assert_int_eq(live_exports(), e0);
  ck_assert_int_eq(live_imports(), i0);
  MEM_END;
}
END_TEST

int main(void) {
  const ct_test_case tests[] = {
      {"layout", test_layout},
      {"dtype_map", test_dtype_map},
      {"export_fields", test_export_fields},
      {"export_all_dtypes", test_export_all_dtypes},
      {"export_views", test_export_views},
      {"export_read_only", test_export_read_only},
      {"export_copy", test_export_copy},
      {"export_device_and_errors", test_export_device_and_errors},
      {"export_deleter_counts", test_export_deleter_counts},
      {"export_outlives_tensor", test_export_outlives_tensor},
      {"import_contiguous", test_import_contiguous},
      {"import_all_dtypes", test_import_all_dtypes},
      {"import_0d_and_empty", test_import_0d_and_empty},
      {"import_byte_offset", test_import_byte_offset},
      {"import_strides", test_import_strides},
      {"import_bad_dtypes", test_import_bad_dtypes},
      {"import_version", test_import_version},
      {"import_flags", test_import_flags},
      {"import_errors", test_import_errors},
      {"import_null_deleter", test_import_null_deleter},
      {"import_view_outlives_base", test_import_view_outlives_base},
      {"round_trip", test_round_trip},
      {"exchange_api", test_exchange_api},
      {"exchange_allocator", test_exchange_allocator},
      {"python_uninitialised", test_python_uninitialised},
      {"threads", test_threads},
  };
  Suite *s = suite_create("dlpack");
  const ct_test_tcase_opts opts = {.timeout = 120};
  CT_TEST_ADD_CASES_(s, tests, &opts);
  return ct_test_run(s);
}
