/*
 * The C side of Python's DLPack protocol: capsules, their destructors, and
 * the DLPack C exchange API (see include/ctensor/dlpack.h).
 *
 * libctensor does not link Python. The binding hands over the addresses of
 * the few CPython entry points used here (ct_dlpack_py_init), so these
 * functions work in any interpreter that loaded the library, and everything
 * else in the library keeps working without one. Every function here is
 * called with the GIL held; the capsule destructors are plain C so that they
 * run even while a Python exception is pending (a ctypes callback cannot),
 * and the managed tensors' deleters never touch Python at all.
 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ct_internal.h"
#include "ct_dlpack.h"

/* The CPython entry points, in CT_PYAPI_* order. Objects are opaque pointers here. */
static struct {
  void *(*capsule_new)(void *pointer, const char *name, void (*destructor)(void *));
  int (*capsule_is_valid)(void *capsule, const char *name);
  void *(*capsule_get_pointer)(void *capsule, const char *name);
  int (*capsule_set_name)(void *capsule, const char *name);
  void (*err_fetch)(void **type, void **value, void **traceback);
  void (*err_restore)(void *type, void *value, void *traceback);
  void (*err_set_string)(void *type, const char *message);
  void *(*get_attr_string)(void *object, const char *name);
  void *(*long_as_void_ptr)(void *object);
  void *(*long_from_void_ptr)(void *pointer);
  void *(*call_object_args)(void *callable, ...);
  void (*dec_ref)(void *object);
  void *(*err_occurred)(void);
  void *exc_buffer_error, *exc_memory_error, *exc_runtime_error;
  void *wrap_handle;
  void (*inc_ref)(void *object);
  int (*gil_ensure)(void);
  void (*gil_release)(int state);
  int (*is_initialized)(void);
  void *raise_status;
} ct__py;
static atomic_bool ct__py_ready;

static const char ct__cap_legacy[] = "dltensor", ct__cap_versioned[] = "dltensor_versioned";
static const char ct__cap_used_legacy[] = "used_dltensor", ct__cap_used_versioned[] = "used_dltensor_versioned";
static const char ct__cap_api[] = "dlpack_exchange_api";

ct_status ct_dlpack_py_init(const void *const *api, int32_t count) {
  CT_CHECK_NOT_NULL(api);
  CT_CHECK_ARG(count == CT_PYAPI_COUNT, CT_ERR_INVALID_ARGUMENT,
               "ct_dlpack_py_init: count = %d but the table has %d slots", (int)count, (int)CT_PYAPI_COUNT);
  for (int32_t i = 0; i < count; i++)
    CT_CHECK_ARG(api[i] != NULL, CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_init: api[%d] is NULL", (int)i);
  /* Function pointers travel as data pointers here: POSIX guarantees they convert. */
  _Static_assert(sizeof ct__py == CT_PYAPI_COUNT * sizeof(void *), "one slot per entry point");
  memcpy(&ct__py, api, sizeof ct__py);
  atomic_store(&ct__py_ready, true);
  return CT_OK;
}

#define CT__PY_REQUIRE()                                                                                  \
  CT_CHECK_ARG(atomic_load(&ct__py_ready), CT_ERR_INVALID_ARGUMENT,                                      \
               "%s: ct_dlpack_py_init has not been called", __func__)

/* ---- capsules ---------------------------------------------------------------------------------- */

/*
 * A capsule destructor: frees the managed tensor only if no consumer took it
 * (a consumer renames the capsule). Neither PyCapsule_IsValid nor a
 * successful PyCapsule_GetPointer raises, and the pending exception, if any,
 * is set aside around the deleter all the same.
 */
static void ct__py_capsule_free(void *capsule, const char *name, bool versioned) {
  if (!ct__py.capsule_is_valid(capsule, name)) return;
  void *type, *value, *traceback;
  ct__py.err_fetch(&type, &value, &traceback);
  ct__dl_call_deleter(ct__py.capsule_get_pointer(capsule, name), versioned);
  ct__py.err_restore(type, value, traceback);
}

static void ct__py_capsule_free_versioned(void *capsule) {
  ct__py_capsule_free(capsule, ct__cap_versioned, true);
}

static void ct__py_capsule_free_legacy(void *capsule) {
  ct__py_capsule_free(capsule, ct__cap_legacy, false);
}

/*
 * Raises the binding's exception for the last ctensor error (status st) through
 * its CT_PYAPI_RAISE callable; RuntimeError with the message if that callable
 * does not raise. Returns NULL, for the callers' return statements.
 */
static void *ct__py_raise_status(ct_status st) {
  void *code = ct__py.long_from_void_ptr((void *)(intptr_t)st);
  if (code) {
    void *result = ct__py.call_object_args(ct__py.raise_status, code, NULL);
    ct__py.dec_ref(code);
    if (result) ct__py.dec_ref(result);
  }
  if (!ct__py.err_occurred()) ct__py.err_set_string(ct__py.exc_runtime_error, ct_last_error_message());
  return NULL;
}

void *ct_dlpack_py_export(ct_tensor *t, bool versioned, ct_dlpack_copy copy, ct_device_type dl_device_type,
                          int32_t dl_device_index) {
  if (!atomic_load(&ct__py_ready)) {
    ct__error(CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_export: ct_dlpack_py_init has not been called");
    return NULL;
  }
  void *capsule;
  ct_status st;
  if (versioned) {
    DLManagedTensorVersioned *m;
    st = ct_to_dlpack_versioned(&m, t, copy, dl_device_type, dl_device_index);
    if (st != CT_OK) return ct__py_raise_status(st);
    capsule = ct__py.capsule_new(m, ct__cap_versioned, ct__py_capsule_free_versioned);
    if (!capsule) m->deleter(m);
  } else {
    DLManagedTensor *m;
    st = ct_to_dlpack(&m, t, copy, dl_device_type, dl_device_index);
    if (st != CT_OK) return ct__py_raise_status(st);
    capsule = ct__py.capsule_new(m, ct__cap_legacy, ct__py_capsule_free_legacy);
    if (!capsule) m->deleter(m);
  }
  /* PyCapsule_New's own exception (MemoryError) stays set. */
  if (!capsule) ct__error(CT_ERR_OUT_OF_MEMORY, "ct_dlpack_py_export: PyCapsule_New failed");
  return capsule;
}

/*
 * The deleter call of tensors imported from Python objects: producers' deleters
 * may touch Python (NumPy's drops its array), but ctensor releases storage
 * from any thread, usually without the GIL (CDLL calls drop it). So the GIL is
 * taken around them, as PyTorch does; after Py_Finalize nothing can be
 * called safely, and the tensor is leaked.
 */
static void ct__py_call_deleter(void *managed, bool versioned) {
  if (!managed || !ct__py.is_initialized()) return;
  int state = ct__py.gil_ensure();
  ct__dl_call_deleter(managed, versioned);
  ct__py.gil_release(state);
}

/* The managed tensor behind an import's storage, detached so that no deleter runs. */
static void ct__py_detach(ct_tensor *t) {
  ct__dl_owner *owner = t->storage->deleter_ctx;
  owner->managed = NULL;
}

ct_status ct_dlpack_py_import(ct_tensor **out, void *py_capsule, bool read_only) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(py_capsule);
  CT__PY_REQUIRE();
  bool versioned;
  if (ct__py.capsule_is_valid(py_capsule, ct__cap_versioned))
    versioned = true;
  else if (ct__py.capsule_is_valid(py_capsule, ct__cap_legacy))
    versioned = false;
  else
    return ct__error(CT_ERR_INVALID_ARGUMENT,
                     "ct_dlpack_py_import: the object is not an unused \"dltensor\" or \"dltensor_versioned\" "
                     "capsule (a DLPack capsule can be consumed only once)");
  void *managed = ct__py.capsule_get_pointer(py_capsule, versioned ? ct__cap_versioned : ct__cap_legacy);
  CT_CHECK_ARG(managed != NULL, CT_ERR_DLPACK, "ct_dlpack_py_import: the capsule holds NULL");
  /* Import first, rename after: on any failure the capsule still owns the tensor. */
  CT_TRY(ct__dl_import(out, managed, versioned, false, ct__py_call_deleter, __func__));
  if (ct__py.capsule_set_name(py_capsule, versioned ? ct__cap_used_versioned : ct__cap_used_legacy) != 0) {
    ct__py_detach(*out);
    ct_tensor_release(*out);
    *out = NULL;
    return ct__error(CT_ERR_DLPACK, "ct_dlpack_py_import: cannot rename the capsule");
  }
  /* The storage is brand new and only this tensor refers to it. */
  if (read_only) (*out)->storage->read_only = true;
  return CT_OK;
}

/*
 * Makes ctensor's current stream on a CUDA device wait for the work the
 * producer has enqueued on its current stream there (the stream handshake of
 * the exchange API, whose imports do not synchronise).
 */
static ct_status ct__py_wait_producer(const DLPackExchangeAPI *api, int32_t device) {
  const char *fn = "ct_dlpack_py_import_exchange";
  void *theirs = NULL;
  if (api->current_work_stream && api->current_work_stream(kDLCUDA, device, &theirs) != 0)
    return ct__error(CT_ERR_DLPACK, "%s: the producer's current_work_stream failed for cuda:%d", fn, (int)device);
  ct_cuda_stream *ours = NULL, *producer = NULL;
  CT_TRY(ct_cuda_current_stream(&ours, device));
  void *ours_handle = NULL;
  ct_cuda_stream_info(&ours_handle, NULL, ours);
  ct_status st = CT_OK;
  if (ours_handle != theirs) {
    st = ct_cuda_stream_from_handle(&producer, theirs, device);
    if (st == CT_OK) st = ct_cuda_stream_wait_stream(ours, producer);
  }
  ct_cuda_stream_release(producer);
  ct_cuda_stream_release(ours);
  return st;
}

ct_status ct_dlpack_py_import_exchange(ct_tensor **out, void *py_api, void *py_obj) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(py_api);
  CT_CHECK_NOT_NULL(py_obj);
  CT__PY_REQUIRE();
  CT_CHECK_ARG(ct__py.capsule_is_valid(py_api, ct__cap_api), CT_ERR_DLPACK,
               "ct_dlpack_py_import_exchange: py_api is not a \"dlpack_exchange_api\" capsule");
  const DLPackExchangeAPI *api = ct__py.capsule_get_pointer(py_api, ct__cap_api);
  CT_CHECK_ARG(api && api->header.version.major == DLPACK_MAJOR_VERSION, CT_ERR_DLPACK,
               "ct_dlpack_py_import_exchange: exchange API major version %u is not supported",
               api ? (unsigned)api->header.version.major : 0u);
  CT_CHECK_ARG(api->managed_tensor_from_py_object_no_sync != NULL, CT_ERR_DLPACK,
               "ct_dlpack_py_import_exchange: the producer's managed_tensor_from_py_object_no_sync is NULL");
  DLManagedTensorVersioned *m = NULL;
  if (api->managed_tensor_from_py_object_no_sync(py_obj, &m) != 0 || !m)
    return ct__error(CT_ERR_DLPACK, "ct_dlpack_py_import_exchange: the producer could not export the object");
  /* "no_sync": ordering the producer's work before ctensor's is the consumer's job. */
  if (m->dl_tensor.device.device_type == kDLCUDA) {
    ct_status st = ct__py_wait_producer(api, m->dl_tensor.device.device_id);
    if (st != CT_OK) {
      ct__py_call_deleter(m, true);
      return st;
    }
  }
  return ct__dl_import(out, m, true, true, ct__py_call_deleter, __func__);
}

/* ---- memory owned by a Python object ----------------------------------------------------------- */

/*
 * The storage deleter of ct_dlpack_py_wrap_buffer: drops the owner's
 * reference with the GIL, which this thread may or may not hold (PyGILState
 * handles both). After Py_Finalize there is no interpreter left to ask: the
 * reference is leaked, as NumPy and PyTorch do.
 */
static void ct__py_owner_release(void *data, void *owner) {
  (void)data;
  if (!ct__py.is_initialized()) return;
  int state = ct__py.gil_ensure();
  ct__py.dec_ref(owner);
  ct__py.gil_release(state);
}

ct_status ct_dlpack_py_wrap_buffer(ct_tensor **out, void *py_owner, void *data, int32_t ndim,
                                   const int64_t *shape, const int64_t *strides, ct_dtype dtype, uint32_t flags) {
  CT_CHECK_NOT_NULL(out);
  *out = NULL;
  CT_CHECK_NOT_NULL(py_owner);
  CT__PY_REQUIRE();
  /* The reference is taken before the tensor exists: the deleter may only run once it does. */
  ct__py.inc_ref(py_owner);
  ct_status st = ct_from_blob(out, data, ndim, shape, strides, dtype, CT_DEVICE_CPU, 0, ct__py_owner_release,
                              py_owner, flags);
  if (st != CT_OK) {
    /* ct_from_blob never calls the deleter on failure: the reference is still ours to drop. */
    ct__py.dec_ref(py_owner);
    /* Name this function, not the one it called. */
    char message[512];
    snprintf(message, sizeof message, "%s", ct_last_error_message());
    const char *tail = strncmp(message, "ct_from_blob: ", 14) == 0 ? message + 14 : message;
    return ct__error(st, "ct_dlpack_py_wrap_buffer: %s", tail);
  }
  return CT_OK;
}

/* ---- ctensor's own exchange API ---------------------------------------------------------------- */

static const char *ct__py_exception_name(void) {
  switch (ct_last_error_code()) {
    case CT_ERR_DLPACK: case CT_ERR_DTYPE: case CT_ERR_DEVICE: return "BufferError";
    case CT_ERR_OUT_OF_MEMORY: return "MemoryError";
    default: return "RuntimeError";
  }
}

static int ct__py_raise(void) {
  ct__py_raise_status(ct_last_error_code());
  return -1;
}

/* The handle of a ctensor tensor object (attribute _h), or NULL with a Python exception set. */
static ct_tensor *ct__py_handle(void *object) {
  void *h = ct__py.get_attr_string(object, "_h");
  if (!h) return NULL;
  ct_tensor *t = ct__py.long_as_void_ptr(h);
  ct__py.dec_ref(h);
  if (!t && !ct__py.err_occurred())
    ct__py.err_set_string(ct__py.exc_runtime_error, "ctensor exchange API: the tensor has no handle");
  return t;
}

static int ct__ex_allocator(DLTensor *prototype, DLManagedTensorVersioned **out, void *error_ctx,
                            DLPackSetErrorFunc set_error) {
  static const char fn[] = "ctensor exchange API managed_tensor_allocator";
  *out = NULL;
  ct_tensor *t = NULL;
  ct_status st = CT_OK;
  uint8_t code, bits;
  uint16_t lanes;
  ct_dtype dtype = CT_DTYPE_NONE;
  for (int d = 0; d < CT_DTYPE_COUNT && dtype == CT_DTYPE_NONE; d++)
    if (ct_dlpack_dtype(&code, &bits, &lanes, d) == CT_OK && code == prototype->dtype.code &&
        bits == prototype->dtype.bits && lanes == prototype->dtype.lanes)
      dtype = d;
  if (dtype == CT_DTYPE_NONE)
    st = ct__error(CT_ERR_DLPACK, "%s: the DLPack dtype (code %u, bits %u, lanes %u) has no ctensor dtype", fn,
                   (unsigned)prototype->dtype.code, (unsigned)prototype->dtype.bits,
                   (unsigned)prototype->dtype.lanes);
  if (st == CT_OK)
    st = ct_empty(&t, prototype->ndim, prototype->shape, dtype, (ct_device_type)prototype->device.device_type,
                  prototype->device.device_id);
  if (st == CT_OK) st = ct_to_dlpack_versioned(out, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1);
  ct_tensor_release(t);
  if (st == CT_OK) return 0;
  set_error(error_ctx, ct__py_exception_name(), ct_last_error_message());
  return -1;
}

static int ct__ex_from_py(void *py_object, DLManagedTensorVersioned **out) {
  *out = NULL;
  ct_tensor *t = ct__py_handle(py_object);
  if (!t) return -1;
  if (ct_to_dlpack_versioned(out, t, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1) != CT_OK) return ct__py_raise();
  return 0;
}

static int ct__ex_to_py(DLManagedTensorVersioned *tensor, void **out_py_object) {
  *out_py_object = NULL;
  ct_tensor *t;
  if (ct__dl_import(&t, tensor, true, true, ct__py_call_deleter,
                    "ctensor exchange API managed_tensor_to_py_object_no_sync") != CT_OK)
    return ct__py_raise();
  void *h = ct__py.long_from_void_ptr(t);
  void *object = h ? ct__py.call_object_args(ct__py.wrap_handle, h, NULL) : NULL;
  if (h) ct__py.dec_ref(h);
  if (!object) {
    ct_tensor_release(t);
    return -1;
  }
  *out_py_object = object;
  return 0;
}

static int ct__ex_dltensor_from_py(void *py_object, DLTensor *out) {
  ct_tensor *t = ct__py_handle(py_object);
  if (!t) return -1;
  uint16_t lanes;
  ct_dlpack_dtype(&out->dtype.code, &out->dtype.bits, &lanes, t->dtype);
  out->dtype.lanes = lanes;
  out->data = t->numel == 0 && !t->storage->data ? NULL : ct__data(t);
  out->device.device_type = (DLDeviceType)t->storage->device_type;
  out->device.device_id = t->storage->device_index;
  out->ndim = t->ndim;
  out->shape = t->shape;
  out->strides = t->strides;
  out->byte_offset = 0;
  return 0;
}

/* The calling thread's current ctensor stream on a CUDA device (NULL: the legacy default stream). */
static int ct__ex_current_work_stream(DLDeviceType device_type, int32_t device_id, void **out_current_stream) {
  *out_current_stream = NULL;
  if (device_type != kDLCUDA) return 0;
  ct_cuda_stream *s;
  if (ct_cuda_current_stream(&s, device_id) != CT_OK) return ct__py_raise();
  ct_cuda_stream_info(out_current_stream, NULL, s);
  ct_cuda_stream_release(s);
  return 0;
}

static const DLPackExchangeAPI ct__exchange_api = {
  .header = {.version = {DLPACK_MAJOR_VERSION, DLPACK_MINOR_VERSION}, .prev_api = NULL},
  .managed_tensor_allocator = ct__ex_allocator,
  .managed_tensor_from_py_object_no_sync = ct__ex_from_py,
  .managed_tensor_to_py_object_no_sync = ct__ex_to_py,
  .dltensor_from_py_object_no_sync = ct__ex_dltensor_from_py,
  .current_work_stream = ct__ex_current_work_stream,
};

ct_status ct_dlpack_exchange_api(const DLPackExchangeAPI **api) {
  CT_CHECK_NOT_NULL(api);
  *api = &ct__exchange_api;
  return CT_OK;
}

void *ct_dlpack_py_exchange_api(void) {
  if (!atomic_load(&ct__py_ready)) {
    ct__error(CT_ERR_INVALID_ARGUMENT, "ct_dlpack_py_exchange_api: ct_dlpack_py_init has not been called");
    return NULL;
  }
  void *capsule = ct__py.capsule_new((void *)&ct__exchange_api, ct__cap_api, NULL);
  if (!capsule) ct__error(CT_ERR_OUT_OF_MEMORY, "ct_dlpack_py_exchange_api: PyCapsule_New failed");
  return capsule;
}
