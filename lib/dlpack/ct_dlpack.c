/*
 * DLPack export and import (see include/ctensor/dlpack.h and
 * shared/reference/dlpack.md, sections 5 and 6).
 *
 * An export is one heap block: the managed struct, the shape and strides it
 * points at, and the storage reference that keeps the memory alive. Its
 * deleter only drops that reference and frees the block, so any thread may
 * call it, with or without Python. An import wraps the producer's memory in a
 * storage whose deleter calls the managed tensor's deleter exactly once.
 */
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ct_internal.h"
#include "ct_dlpack.h"

#if UINTPTR_MAX == UINT64_MAX
/* The DLPack layouts on LP64 (reference/dlpack.md, section 1.9). */
_Static_assert(sizeof(DLDevice) == 8, "DLDevice");
_Static_assert(sizeof(DLDataType) == 4, "DLDataType");
_Static_assert(sizeof(DLTensor) == 48, "DLTensor");
_Static_assert(offsetof(DLTensor, device) == 8 && offsetof(DLTensor, ndim) == 16 &&
                   offsetof(DLTensor, dtype) == 20 && offsetof(DLTensor, shape) == 24 &&
                   offsetof(DLTensor, strides) == 32 && offsetof(DLTensor, byte_offset) == 40,
               "DLTensor fields");
_Static_assert(sizeof(DLManagedTensor) == 64 && offsetof(DLManagedTensor, manager_ctx) == 48 &&
                   offsetof(DLManagedTensor, deleter) == 56,
               "DLManagedTensor");
_Static_assert(sizeof(DLManagedTensorVersioned) == 80 && offsetof(DLManagedTensorVersioned, manager_ctx) == 8 &&
                   offsetof(DLManagedTensorVersioned, deleter) == 16 &&
                   offsetof(DLManagedTensorVersioned, flags) == 24 &&
                   offsetof(DLManagedTensorVersioned, dl_tensor) == 32,
               "DLManagedTensorVersioned");
_Static_assert(sizeof(DLPackExchangeAPIHeader) == 16 && sizeof(DLPackExchangeAPI) == 56, "DLPackExchangeAPI");
#endif
_Static_assert(sizeof(DLDeviceType) == 4, "DLDeviceType is an int");
_Static_assert((int)kDLCPU == (int)CT_DEVICE_CPU && (int)kDLCUDA == (int)CT_DEVICE_CUDA &&
                   (int)kDLCUDAHost == (int)CT_DEVICE_CUDA_HOST &&
                   (int)kDLCUDAManaged == (int)CT_DEVICE_CUDA_MANAGED && (int)kDLTrn == (int)CT_DEVICE_TRN,
               "ctensor's device numbers are DLPack's");

static atomic_int_fast64_t ct__dl_live_exports, ct__dl_live_imports;

/* (code, bits) of each ctensor dtype, in ct_dtype order. */
static const struct { uint8_t code, bits; } ct__dl_types[CT_DTYPE_COUNT] = {
  [CT_BOOL] = {kDLBool, 8},     [CT_UINT8] = {kDLUInt, 8},      [CT_INT8] = {kDLInt, 8},
  [CT_INT16] = {kDLInt, 16},    [CT_INT32] = {kDLInt, 32},      [CT_INT64] = {kDLInt, 64},
  [CT_FLOAT16] = {kDLFloat, 16}, [CT_BFLOAT16] = {kDLBfloat, 16}, [CT_FLOAT32] = {kDLFloat, 32},
  [CT_FLOAT64] = {kDLFloat, 64}, [CT_COMPLEX64] = {kDLComplex, 64}, [CT_COMPLEX128] = {kDLComplex, 128},
};

ct_status ct_dlpack_dtype(uint8_t *code, uint8_t *bits, uint16_t *lanes, ct_dtype dtype) {
  if (code) *code = 0;
  if (bits) *bits = 0;
  if (lanes) *lanes = 0;
  CT_CHECK_NOT_NULL(code);
  CT_CHECK_NOT_NULL(bits);
  CT_CHECK_NOT_NULL(lanes);
  CT_TRY(ct__check_dtype(dtype, __func__, "dtype"));
  *code = ct__dl_types[dtype].code;
  *bits = ct__dl_types[dtype].bits;
  *lanes = 1;
  return CT_OK;
}

ct_status ct_dlpack_live(int64_t *exports, int64_t *imports) {
  if (exports) *exports = 0;
  if (imports) *imports = 0;
  CT_CHECK_NOT_NULL(exports);
  CT_CHECK_NOT_NULL(imports);
  *exports = (int64_t)atomic_load(&ct__dl_live_exports);
  *imports = (int64_t)atomic_load(&ct__dl_live_imports);
  return CT_OK;
}

/* ---- export ------------------------------------------------------------------------------------ */

/* The block behind one export; the managed struct comes first so the deleter finds the rest. */
typedef struct {
  union {
    DLManagedTensorVersioned v;
    DLManagedTensor legacy;
  } m;
  ct_storage *storage; /* one reference */
  int64_t dims[];      /* shape, then strides */
} ct__dl_export;

static void ct__dl_export_free(ct__dl_export *e) {
  ct__storage_release(e->storage);
  ct__free(e);
  atomic_fetch_sub(&ct__dl_live_exports, 1);
}

static void ct__dl_delete_versioned(DLManagedTensorVersioned *self) {
  if (self) ct__dl_export_free((ct__dl_export *)self);
}

static void ct__dl_delete_legacy(DLManagedTensor *self) {
  if (self) ct__dl_export_free((ct__dl_export *)self);
}

/*
 * The tensor to export for t under copy and the requested device: t itself
 * (a new reference) or a fresh contiguous copy (*copied set).
 */
static ct_status ct__dl_source(ct_tensor **src, bool *copied, ct_tensor *t, ct_dlpack_copy copy,
                               ct_device_type dl_type, int32_t dl_index, const char *fn) {
  *src = NULL;
  *copied = false;
  CT_CHECK_ARG(t != NULL, CT_ERR_INVALID_ARGUMENT, "%s: t is NULL", fn);
  CT_CHECK_ARG(copy >= 0 && copy < CT_DLPACK_COPY_COUNT, CT_ERR_INVALID_ARGUMENT,
               "%s: copy = %d is not a ct_dlpack_copy value", fn, (int)copy);
  CT_CHECK_ARG(dl_index >= -1, CT_ERR_DEVICE, "%s: dl_device_index = %d is below -1 (the current device)", fn,
               (int)dl_index);
  const ct_storage *s = t->storage;
  if (dl_type != CT_DEVICE_NONE) {
    bool same = dl_type == s->device_type && (dl_index == s->device_index || dl_index < 0);
    /* Host memory of a CPU tensor is what any host-side consumer wants. */
    if (!same) {
      const char *name = "?";
      ct_device_type_name(&name, s->device_type);
      return ct__error(CT_ERR_DLPACK, "%s: cannot export a tensor on %s:%d to dl_device (%d, %d)", fn, name,
                       (int)s->device_index, (int)dl_type, (int)dl_index);
    }
  }
  if (copy == CT_DLPACK_COPY_ALWAYS) {
    CT_TRY(ct__error_in(ct_clone(src, t), fn));
    /* clone keeps a dense layout's strides; an export copy is plainly row-major. */
    if (!ct__is_contiguous(*src)) {
      ct_tensor *c;
      ct_status st = ct__error_in(ct_contiguous(&c, *src), fn);
      ct_tensor_release(*src);
      *src = NULL;
      CT_TRY(st);
      *src = c;
    }
    *copied = true;
    return CT_OK;
  }
  ct_tensor_retain(t);
  *src = t;
  return CT_OK;
}

/* Fills the DLTensor of an export block from src. */
static void ct__dl_fill(DLTensor *dl, ct__dl_export *e, const ct_tensor *src) {
  int32_t nd = src->ndim;
  memcpy(e->dims, src->shape, (size_t)nd * sizeof(int64_t));
  memcpy(e->dims + nd, src->strides, (size_t)nd * sizeof(int64_t));
  dl->data = src->numel == 0 && !src->storage->data ? NULL : ct__data(src);
  dl->device.device_type = (DLDeviceType)src->storage->device_type;
  dl->device.device_id = src->storage->device_index;
  dl->ndim = nd;
  dl->dtype.code = ct__dl_types[src->dtype].code;
  dl->dtype.bits = ct__dl_types[src->dtype].bits;
  dl->dtype.lanes = 1;
  dl->shape = e->dims;
  dl->strides = e->dims + nd;
  dl->byte_offset = 0;
}

/* One export block for src (a new storage reference inside). */
static ct_status ct__dl_export_new(ct__dl_export **out, const ct_tensor *src, const char *fn) {
  ct__dl_export *e;
  size_t nbytes = sizeof *e + 2 * (size_t)src->ndim * sizeof(int64_t);
  CT_TRY(ct__alloc_meta_or_error((void **)&e, nbytes, fn, "a DLPack export"));
  memset(e, 0, sizeof *e);
  e->storage = src->storage;
  atomic_fetch_add(&e->storage->refcount, 1);
  atomic_fetch_add(&ct__dl_live_exports, 1);
  *out = e;
  return CT_OK;
}

ct_status ct_to_dlpack_versioned(DLManagedTensorVersioned **out, ct_tensor *t, ct_dlpack_copy copy,
                                 ct_device_type dl_device_type, int32_t dl_device_index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  ct_tensor *src;
  bool copied;
  CT_TRY(ct__dl_source(&src, &copied, t, copy, dl_device_type, dl_device_index, __func__));
  ct__dl_export *e;
  ct_status st = ct__dl_export_new(&e, src, __func__);
  if (st == CT_OK) {
    e->m.v.version.major = DLPACK_MAJOR_VERSION;
    e->m.v.version.minor = DLPACK_MINOR_VERSION;
    e->m.v.manager_ctx = e;
    e->m.v.deleter = ct__dl_delete_versioned;
    e->m.v.flags = (src->storage->read_only ? DLPACK_FLAG_BITMASK_READ_ONLY : 0) |
                   (copied ? DLPACK_FLAG_BITMASK_IS_COPIED : 0);
    ct__dl_fill(&e->m.v.dl_tensor, e, src);
    *out = &e->m.v;
  }
  ct_tensor_release(src);
  return st;
}

ct_status ct_to_dlpack(DLManagedTensor **out, ct_tensor *t, ct_dlpack_copy copy, ct_device_type dl_device_type,
                       int32_t dl_device_index) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(t);
  /* A bad copy value is reported by ct__dl_source, as an invalid argument. */
  bool bad_copy = copy < 0 || copy >= CT_DLPACK_COPY_COUNT;
  CT_CHECK_ARG(!t->storage->read_only || copy == CT_DLPACK_COPY_ALWAYS || bad_copy, CT_ERR_DLPACK,
               "ct_to_dlpack: the tensor is read-only and the legacy DLManagedTensor cannot say so "
               "(ask for the versioned struct, or a copy)");
  ct_tensor *src;
  bool copied;
  CT_TRY(ct__dl_source(&src, &copied, t, copy, dl_device_type, dl_device_index, __func__));
  ct__dl_export *e;
  ct_status st = ct__dl_export_new(&e, src, __func__);
  if (st == CT_OK) {
    e->m.legacy.manager_ctx = e;
    e->m.legacy.deleter = ct__dl_delete_legacy;
    ct__dl_fill(&e->m.legacy.dl_tensor, e, src);
    *out = &e->m.legacy;
  }
  ct_tensor_release(src);
  return st;
}

/* ---- import ------------------------------------------------------------------------------------ */

void ct__dl_call_deleter(void *managed, bool versioned) {
  if (!managed) return;
  if (versioned) {
    DLManagedTensorVersioned *m = managed;
    if (m->deleter) m->deleter(m);
  } else {
    DLManagedTensor *m = managed;
    if (m->deleter) m->deleter(m);
  }
}

/* The storage deleter of an import: runs once, when the last view dies. */
static void ct__dl_import_release(void *data, void *ctx) {
  (void)data;
  ct__dl_owner *imp = ctx;
  imp->call(imp->managed, imp->versioned);
  ct__free(imp);
  atomic_fetch_sub(&ct__dl_live_imports, 1);
}

/* The ctensor dtype of a DLPack dtype, or CT_ERR_DLPACK naming it. */
static ct_status ct__dl_dtype_from(ct_dtype *dtype, DLDataType t, const char *fn) {
  *dtype = CT_DTYPE_NONE;
  for (int d = 0; d < CT_DTYPE_COUNT; d++)
    if (ct__dl_types[d].code == t.code && ct__dl_types[d].bits == t.bits && t.lanes == 1) {
      *dtype = d;
      return CT_OK;
    }
  return ct__error(CT_ERR_DLPACK, "%s: the DLPack dtype (code %u, bits %u, lanes %u) has no ctensor dtype", fn,
                   (unsigned)t.code, (unsigned)t.bits, (unsigned)t.lanes);
}

/*
 * Validates dl and makes the tensor viewing it; the storage gets imp as its
 * deleter context only on success (on failure nothing refers to imp).
 */
static ct_status ct__dl_view(ct_tensor **out, const DLTensor *dl, bool read_only, ct__dl_owner *imp,
                             const char *fn) {
  ct_dtype dtype;
  CT_TRY(ct__dl_dtype_from(&dtype, dl->dtype, fn));
  CT_CHECK_ARG(dl->ndim >= 0, CT_ERR_DLPACK, "%s: ndim = %d is negative", fn, (int)dl->ndim);
  CT_CHECK_ARG(dl->ndim == 0 || dl->shape, CT_ERR_DLPACK, "%s: shape is NULL with ndim = %d", fn, (int)dl->ndim);
  ct_device_type type;
  switch ((int)dl->device.device_type) {
    /* Pinned and managed CUDA memory is host memory too. */
    case kDLCPU: case kDLCUDAHost: case kDLCUDAManaged: type = CT_DEVICE_CPU; break;
    default: type = (ct_device_type)dl->device.device_type; break;
  }
  int32_t index = type == CT_DEVICE_CPU ? 0 : dl->device.device_id;
  CT_CHECK_ARG(type == CT_DEVICE_CPU || type == CT_DEVICE_CUDA, CT_ERR_DLPACK,
               "%s: DLPack device type %d is not supported", fn, (int)dl->device.device_type);
  const struct ct_backend_i *b;
  CT_TRY(ct__device_resolve(&type, &index, &b, type, index, CT_DEVICE_CPU, 0, fn));
  const int64_t *shape = dl->ndim ? dl->shape : NULL;
  for (int32_t d = 0; d < dl->ndim; d++)
    CT_CHECK_ARG(shape[d] >= 0, CT_ERR_DLPACK, "%s: shape[%d] = %lld is negative", fn, (int)d,
                 (long long)shape[d]);
  int64_t numel;
  if (ct__check_shape(&numel, dl->ndim, shape, ct__itemsize(dtype), fn) != CT_OK) {
    /* A shape too large for ctensor is a DLPack tensor it cannot import (the message says why). */
    char why[512];
    snprintf(why, sizeof why, "%s", ct_last_error_message());
    return ct__error(CT_ERR_DLPACK, "%s", why);
  }
  CT_CHECK_ARG(dl->data || numel == 0, CT_ERR_DLPACK, "%s: data is NULL but the shape has %lld elements", fn,
               (long long)numel);
  CT_CHECK_ARG(dl->byte_offset <= (uint64_t)INT64_MAX, CT_ERR_DLPACK, "%s: byte_offset %llu is too large", fn,
               (unsigned long long)dl->byte_offset);
  /*
   * Strides as ctensor keeps them: size-1 dims and empty tensors never step,
   * so their strides (even negative ones) are normalised to 0.
   */
  int64_t small[16], *strides = NULL;
  if (dl->ndim && dl->strides) {
    strides = dl->ndim <= 16 ? small : ct__malloc((size_t)dl->ndim * sizeof(int64_t));
    if (!strides) return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cannot allocate %d strides", fn, (int)dl->ndim);
    for (int32_t d = 0; d < dl->ndim; d++) {
      strides[d] = numel == 0 || shape[d] == 1 ? 0 : dl->strides[d];
      if (strides[d] < 0) {
        ct_status neg = ct__error(CT_ERR_DLPACK,
                                  "%s: strides[%d] = %lld is negative, which ctensor does not support "
                                  "(copy the array first)", fn, (int)d, (long long)dl->strides[d]);
        if (strides != small) ct__free(strides);
        return neg;
      }
    }
  }
  int64_t nbytes = numel * ct__itemsize(dtype);
  if (strides && !ct__strided_extent(&nbytes, dl->ndim, shape, strides, 0, ct__itemsize(dtype))) {
    if (strides != small) ct__free(strides);
    return ct__error(CT_ERR_DLPACK, "%s: the strides reach past 2^63 bytes (overflow)", fn);
  }
  char *data = dl->data ? (char *)dl->data + dl->byte_offset : NULL;
  ct_storage *s;
  ct_status st = ct__storage_wrap(&s, data, (size_t)nbytes, type, index, NULL, NULL, read_only, fn);
  if (st != CT_OK) {
    if (strides != small) ct__free(strides);
    return st;
  }
  st = ct__tensor_make(out, s, dtype, dl->ndim, shape, strides, 0, fn);
  if (st == CT_OK) {
    s->deleter = ct__dl_import_release;
    s->deleter_ctx = imp;
    atomic_fetch_add(&ct__dl_live_imports, 1);
  }
  ct__storage_release(s);
  if (strides != small) ct__free(strides);
  return st;
}

ct_status ct__dl_import(ct_tensor **out, void *managed, bool versioned, bool own_on_error,
                        ct__dl_deleter_call call, const char *fn) {
  *out = NULL;
  ct_status st;
  ct__dl_owner *imp = NULL;
  if (versioned) {
    DLManagedTensorVersioned *m = managed;
    /* Nothing after flags may be read before the major version is known. */
    if (m->version.major != DLPACK_MAJOR_VERSION) {
      st = ct__error(CT_ERR_DLPACK, "%s: DLPack major version %u is not supported (ctensor reads %d.x)", fn,
                     (unsigned)m->version.major, DLPACK_MAJOR_VERSION);
      goto fail;
    }
  }
  st = ct__alloc_meta_or_error((void **)&imp, sizeof *imp, fn, "a DLPack import");
  if (st != CT_OK) goto fail;
  imp->managed = managed;
  imp->versioned = versioned;
  imp->call = call ? call : ct__dl_call_deleter;
  if (versioned) {
    DLManagedTensorVersioned *m = managed;
    st = ct__dl_view(out, &m->dl_tensor, (m->flags & DLPACK_FLAG_BITMASK_READ_ONLY) != 0, imp, fn);
  } else {
    st = ct__dl_view(out, &((DLManagedTensor *)managed)->dl_tensor, false, imp, fn);
  }
  if (st == CT_OK) return CT_OK;
fail:
  ct__free(imp);
  if (own_on_error) (call ? call : ct__dl_call_deleter)(managed, versioned);
  return st;
}

ct_status ct_from_dlpack_versioned(ct_tensor **out, DLManagedTensorVersioned *src) {
  if (!out) {
    /* The tensor is taken over on failure too: its deleter runs (the fields up to flags are stable). */
    ct__dl_call_deleter(src, true);
    return ct__error(CT_ERR_INVALID_ARGUMENT, "ct_from_dlpack_versioned: out is NULL");
  }
  *out = NULL;
  CT_CHECK_NOT_NULL(src);
  return ct__dl_import(out, src, true, true, NULL, __func__);
}

ct_status ct_from_dlpack(ct_tensor **out, DLManagedTensor *src) {
  if (!out) {
    ct__dl_call_deleter(src, false);
    return ct__error(CT_ERR_INVALID_ARGUMENT, "ct_from_dlpack: out is NULL");
  }
  *out = NULL;
  CT_CHECK_NOT_NULL(src);
  return ct__dl_import(out, src, false, true, NULL, __func__);
}
