/*
 * ctensor/dlpack.h: zero-copy exchange with other array libraries through
 * DLPack, and the C side of Python's __dlpack__ protocol.
 *
 * The DL* declarations below are ctensor's own, written from the DLPack
 * specification (version 1.3): the same names, values and layouts, checked by
 * static assertions. A program that includes the upstream dlpack.h first gets
 * the upstream declarations instead (they must be DLPack 1.x); one that
 * includes it afterwards gets nothing more, because this header defines the
 * upstream include guard.
 *
 * Ownership. Export (ct_to_dlpack, ct_to_dlpack_versioned) hands out a new
 * managed tensor that holds one reference on the ctensor storage; its deleter
 * drops that reference and frees the struct, from any thread, without any
 * Python. Import (ct_from_dlpack, ct_from_dlpack_versioned) always takes the
 * managed tensor over: on success the new tensor's storage calls its deleter
 * exactly once when the last view dies; on failure the deleter has been
 * called, exactly once, before the function returns.
 *
 * Layout. Exports point data at the first element and set byte_offset 0,
 * strides are always filled (in elements; a 0-d tensor gets non-NULL empty
 * arrays), ctensor's CPU memory is at least 64-byte aligned. Imports accept
 * NULL strides (C-contiguous), byte_offset, a NULL shape for 0-d tensors,
 * NULL data for zero elements and zero strides; negative strides are
 * rejected (as torch.from_numpy does), and so are strides whose extent
 * overflows. Host-accessible CUDA memory (kDLCUDAHost, kDLCUDAManaged) is
 * imported as a CPU tensor. Read-only tensors export with
 * DLPACK_FLAG_BITMASK_READ_ONLY (the legacy struct cannot say so: exporting
 * one that way is CT_ERR_DLPACK); importing that flag makes a read-only
 * tensor.
 *
 * dtypes map one to one: bool (6, 8), uint8 (1, 8), int8..int64 (0, 8..64),
 * float16/32/64 (2, 16/32/64), bfloat16 (4, 16), complex64/128 (5, 64/128),
 * all with one lane. Anything else is CT_ERR_DLPACK on import.
 */
#ifndef CTENSOR_DLPACK_H
#define CTENSOR_DLPACK_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/device.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- the DLPack declarations ------------------------------------------------------------------ */

#ifndef DLPACK_DLPACK_H_
#define DLPACK_DLPACK_H_
#define CT_DLPACK_OWN_DECLARATIONS 1

/* The DLPack version these declarations follow. */
#define DLPACK_MAJOR_VERSION 1
#define DLPACK_MINOR_VERSION 3

/* A DLPack version: the major changes with the managed struct's layout. */
typedef struct {
  uint32_t major;
  uint32_t minor;
} DLPackVersion;

/* Where the data lives; the same numbers as ct_device_type. */
typedef enum {
  kDLCPU = 1,
  kDLCUDA = 2,
  kDLCUDAHost = 3,
  kDLOpenCL = 4,
  kDLVulkan = 7,
  kDLMetal = 8,
  kDLVPI = 9,
  kDLROCM = 10,
  kDLROCMHost = 11,
  kDLExtDev = 12,
  kDLCUDAManaged = 13,
  kDLOneAPI = 14,
  kDLWebGPU = 15,
  kDLHexagon = 16,
  kDLMAIA = 17,
  kDLTrn = 18
} DLDeviceType;

/* A device: its type and the producer's index for it. */
typedef struct {
  DLDeviceType device_type;
  int32_t device_id;
} DLDevice;

/* Type codes of DLDataType.code. */
typedef enum {
  kDLInt = 0,
  kDLUInt = 1,
  kDLFloat = 2,
  kDLOpaqueHandle = 3,
  kDLBfloat = 4,
  kDLComplex = 5,
  kDLBool = 6,
  kDLFloat8_e3m4 = 7,
  kDLFloat8_e4m3 = 8,
  kDLFloat8_e4m3b11fnuz = 9,
  kDLFloat8_e4m3fn = 10,
  kDLFloat8_e4m3fnuz = 11,
  kDLFloat8_e5m2 = 12,
  kDLFloat8_e5m2fnuz = 13,
  kDLFloat8_e8m0fnu = 14,
  kDLFloat6_e2m3fn = 15,
  kDLFloat6_e3m2fn = 16,
  kDLFloat4_e2m1fn = 17
} DLDataTypeCode;

/* An element type: code (a DLDataTypeCode), bits per lane, lanes per element. */
typedef struct {
  uint8_t code;
  uint8_t bits;
  uint16_t lanes;
} DLDataType;

/* A strided view of memory; strides count elements. It does not manage that memory. */
typedef struct {
  void *data;
  DLDevice device;
  int32_t ndim;
  DLDataType dtype;
  int64_t *shape;
  int64_t *strides;
  uint64_t byte_offset;
} DLTensor;

/* The legacy (pre-1.0) managed tensor: deleter frees manager_ctx and the struct itself. */
typedef struct DLManagedTensor {
  DLTensor dl_tensor;
  void *manager_ctx;
  void (*deleter)(struct DLManagedTensor *self);
} DLManagedTensor;

/* Flags of DLManagedTensorVersioned. */
#define DLPACK_FLAG_BITMASK_READ_ONLY (1UL << 0UL)
#define DLPACK_FLAG_BITMASK_IS_COPIED (1UL << 1UL)
#define DLPACK_FLAG_BITMASK_IS_SUBBYTE_TYPE_PADDED (1UL << 2UL)

/* The versioned managed tensor (DLPack 1.x). Fields up to flags never move. */
typedef struct DLManagedTensorVersioned {
  DLPackVersion version;
  void *manager_ctx;
  void (*deleter)(struct DLManagedTensorVersioned *self);
  uint64_t flags;
  DLTensor dl_tensor;
} DLManagedTensorVersioned;

#endif /* DLPACK_DLPACK_H_ */

#if DLPACK_MAJOR_VERSION != 1
#error "ctensor/dlpack.h needs DLPack 1.x declarations"
#endif

#if defined(CT_DLPACK_OWN_DECLARATIONS) || DLPACK_MINOR_VERSION < 2
/* The C exchange API (DLPack 1.2+): a static table a Python array type publishes. */
typedef void (*DLPackSetErrorFunc)(void *error_ctx, const char *kind, const char *message);
typedef int (*DLPackManagedTensorAllocator)(DLTensor *prototype, DLManagedTensorVersioned **out,
                                            void *error_ctx, DLPackSetErrorFunc SetError);
typedef int (*DLPackManagedTensorFromPyObjectNoSync)(void *py_object, DLManagedTensorVersioned **out);
typedef int (*DLPackManagedTensorToPyObjectNoSync)(DLManagedTensorVersioned *tensor, void **out_py_object);
typedef int (*DLPackDLTensorFromPyObjectNoSync)(void *py_object, DLTensor *out);
typedef int (*DLPackCurrentWorkStream)(DLDeviceType device_type, int32_t device_id, void **out_current_stream);

/* The header of every version of the table; prev_api leads to an older one. */
typedef struct DLPackExchangeAPIHeader {
  DLPackVersion version;
  struct DLPackExchangeAPIHeader *prev_api;
} DLPackExchangeAPIHeader;

/* The table itself (its Python capsule is named "dlpack_exchange_api"). */
typedef struct DLPackExchangeAPI {
  DLPackExchangeAPIHeader header;
  DLPackManagedTensorAllocator managed_tensor_allocator;
  DLPackManagedTensorFromPyObjectNoSync managed_tensor_from_py_object_no_sync;
  DLPackManagedTensorToPyObjectNoSync managed_tensor_to_py_object_no_sync;
  DLPackDLTensorFromPyObjectNoSync dltensor_from_py_object_no_sync;
  DLPackCurrentWorkStream current_work_stream;
} DLPackExchangeAPI;
#endif

/* ---- ctensor's DLPack functions ---------------------------------------------------------------- */

/* The copy argument of the exports (the array API's copy=None/True/False). */
typedef int32_t ct_dlpack_copy;
enum {
  CT_DLPACK_COPY_IF_NEEDED = 0, /* copy=None: share the memory when possible */
  CT_DLPACK_COPY_ALWAYS = 1,    /* copy=True: a fresh contiguous copy (flag IS_COPIED) */
  CT_DLPACK_COPY_NEVER = 2,     /* copy=False: fail with CT_ERR_DLPACK rather than copy */
  CT_DLPACK_COPY_COUNT
};

/**
 * Exports t as a versioned managed tensor (version 1.3) that shares t's memory, or copies it
 * per copy. dl_device_type/dl_device_index: the device the consumer wants (CT_DEVICE_NONE: t's).
 * Flags: READ_ONLY for a read-only t, IS_COPIED for a copy. Free it by calling (*out)->deleter.
 * Errors: CT_ERR_INVALID_ARGUMENT (NULL, bad copy), CT_ERR_DLPACK (a copy is needed but
 * copy is NEVER; a device that needs a copy ctensor cannot make), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_to_dlpack_versioned(DLManagedTensorVersioned **out, ct_tensor *t, ct_dlpack_copy copy,
                                        ct_device_type dl_device_type, int32_t dl_device_index);

/**
 * As ct_to_dlpack_versioned, as the legacy DLManagedTensor (what consumers that pass no
 * max_version get). Extra error: CT_ERR_DLPACK for a read-only t (the legacy struct cannot
 * mark it read-only).
 */
CT_API ct_status ct_to_dlpack(DLManagedTensor **out, ct_tensor *t, ct_dlpack_copy copy,
                              ct_device_type dl_device_type, int32_t dl_device_index);

/**
 * A tensor viewing a versioned managed tensor, which it takes over (see the file comment: on
 * failure the deleter has been called). A major version other than 1 is refused before any field
 * after flags is read. Errors: CT_ERR_INVALID_ARGUMENT (NULL), CT_ERR_DLPACK (version, dtype,
 * lanes, device, negative or overflowing strides, NULL data with elements, NULL shape with
 * ndim > 0), CT_ERR_BACKEND_UNAVAILABLE (device memory without its backend), CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_from_dlpack_versioned(ct_tensor **out, DLManagedTensorVersioned *src);

/** As ct_from_dlpack_versioned, for a legacy managed tensor. Errors as there. */
CT_API ct_status ct_from_dlpack(ct_tensor **out, DLManagedTensor *src);

/**
 * The DLPack dtype of a ctensor dtype, as three fields. Errors: CT_ERR_INVALID_ARGUMENT (NULL),
 * CT_ERR_DTYPE (not a dtype).
 */
CT_API ct_status ct_dlpack_dtype(uint8_t *code, uint8_t *bits, uint16_t *lanes, ct_dtype dtype);

/**
 * Counters for tests and leak checks: exports not yet deleted, and imported managed tensors whose
 * deleter has not yet been called. Errors: CT_ERR_INVALID_ARGUMENT (NULL).
 */
CT_API ct_status ct_dlpack_live(int64_t *exports, int64_t *imports);

/* ---- the C side of Python's DLPack protocol ---------------------------------------------------- */

/*
 * These functions call the CPython C API and must be called with the GIL held
 * (through ctypes.PyDLL, or from a C extension). Those that make Python
 * objects follow CPython's convention rather than returning a ct_status: a
 * new reference, or NULL with a Python exception set (raised by the binding's
 * CT_PYAPI_RAISE callable, so that it is the binding's own exception class;
 * the ctensor error is recorded as usual). libctensor does not link
 * Python: ct_dlpack_py_init receives the addresses of the entry points it
 * uses (ctypes.pythonapi gives them), in the order of the CT_PYAPI_* slots.
 * Capsule destructors are C functions of this library: they run safely while
 * a Python exception is pending (they never raise and leave it as it was).
 * Capsule names are "dltensor" and "dltensor_versioned"; a consumer renames a
 * capsule to "used_dltensor[_versioned]" and then owns the tensor.
 */

/* Slots of the table given to ct_dlpack_py_init. */
enum {
  CT_PYAPI_CAPSULE_NEW = 0,          /* PyCapsule_New */
  CT_PYAPI_CAPSULE_IS_VALID = 1,     /* PyCapsule_IsValid */
  CT_PYAPI_CAPSULE_GET_POINTER = 2,  /* PyCapsule_GetPointer */
  CT_PYAPI_CAPSULE_SET_NAME = 3,     /* PyCapsule_SetName */
  CT_PYAPI_ERR_FETCH = 4,            /* PyErr_Fetch */
  CT_PYAPI_ERR_RESTORE = 5,          /* PyErr_Restore */
  CT_PYAPI_ERR_SET_STRING = 6,       /* PyErr_SetString */
  CT_PYAPI_OBJECT_GET_ATTR_STRING = 7, /* PyObject_GetAttrString */
  CT_PYAPI_LONG_AS_VOID_PTR = 8,     /* PyLong_AsVoidPtr */
  CT_PYAPI_LONG_FROM_VOID_PTR = 9,   /* PyLong_FromVoidPtr */
  CT_PYAPI_OBJECT_CALL_ONE = 10,     /* PyObject_CallFunctionObjArgs */
  CT_PYAPI_DEC_REF = 11,             /* Py_DecRef */
  CT_PYAPI_ERR_OCCURRED = 12,        /* PyErr_Occurred */
  CT_PYAPI_EXC_BUFFER_ERROR = 13,    /* the object BufferError */
  CT_PYAPI_EXC_MEMORY_ERROR = 14,    /* the object MemoryError */
  CT_PYAPI_EXC_RUNTIME_ERROR = 15,   /* the object RuntimeError */
  CT_PYAPI_WRAP_HANDLE = 16,         /* a callable: int handle -> tensor object owning it */
  CT_PYAPI_INC_REF = 17,             /* Py_IncRef */
  CT_PYAPI_GIL_ENSURE = 18,          /* PyGILState_Ensure */
  CT_PYAPI_GIL_RELEASE = 19,         /* PyGILState_Release */
  CT_PYAPI_IS_INITIALIZED = 20,      /* Py_IsInitialized */
  CT_PYAPI_RAISE = 21,               /* a callable: ct_status -> raises the binding's exception for
                                        the thread's last ctensor error */
  CT_PYAPI_COUNT
};

/**
 * Installs the CPython entry points (count must be CT_PYAPI_COUNT, no entry NULL). The objects
 * are borrowed: the caller keeps them alive while the library is used. May be called again (the
 * last table wins). Errors: CT_ERR_INVALID_ARGUMENT.
 */
CT_API ct_status ct_dlpack_py_init(const void *const *api, int32_t count);

/**
 * Python's t.__dlpack__: a new capsule holding ct_to_dlpack_versioned's result when versioned,
 * else ct_to_dlpack's (a new reference; NULL with a Python exception set on failure). Errors:
 * those of the exports, CT_ERR_OUT_OF_MEMORY when PyCapsule_New fails (its own exception stays
 * set), and CT_ERR_INVALID_ARGUMENT before ct_dlpack_py_init (then no Python exception is set).
 */
CT_API void *ct_dlpack_py_export(ct_tensor *t, bool versioned, ct_dlpack_copy copy,
                                 ct_device_type dl_device_type, int32_t dl_device_index);

/**
 * from_dlpack's last step: a tensor viewing the tensor of an unused "dltensor" or
 * "dltensor_versioned" capsule, which is then renamed "used_..." (consumed). read_only makes the
 * tensor read-only whatever the capsule says (for producers whose memory is immutable but whose
 * legacy capsule cannot say so, as JAX's). On failure the capsule is left as it was, so that its
 * own destructor frees it. Errors: CT_ERR_INVALID_ARGUMENT (NULL, not a capsule of those names),
 * the import errors.
 */
CT_API ct_status ct_dlpack_py_import(ct_tensor **out, void *py_capsule, bool read_only);

/**
 * Imports obj through a producer's C exchange API: py_api is the capsule "dlpack_exchange_api" of
 * type(obj).__dlpack_c_exchange_api__. Errors: CT_ERR_DLPACK (not such a capsule, a major version
 * other than 1, the producer failed - its Python exception stays set), the import errors.
 */
CT_API ct_status ct_dlpack_py_import_exchange(ct_tensor **out, void *py_api, void *py_obj);

/**
 * A tensor viewing memory that a Python object owns (a NumPy array through its
 * __array_interface__, say), keeping a reference on py_owner until the last view dies: then
 * the reference is dropped under the GIL, from whichever thread, and leaked if the interpreter
 * has already finalised. data, shape and strides (in elements, >= 0; NULL: row-major) are as in
 * ct_from_blob. flags: 0 or CT_BLOB_READ_ONLY. Errors: those of ct_from_blob, and
 * CT_ERR_INVALID_ARGUMENT before ct_dlpack_py_init or for a NULL py_owner.
 */
CT_API ct_status ct_dlpack_py_wrap_buffer(ct_tensor **out, void *py_owner, void *data, int32_t ndim,
                                          const int64_t *shape, const int64_t *strides, ct_dtype dtype,
                                          uint32_t flags);

/**
 * ctensor's own C exchange API table (DLPack 1.3; its Python objects are the tensor objects of
 * the CT_PYAPI_WRAP_HANDLE callable, which carry the handle in the attribute "_h"). Its
 * functions report failures with the CT_PYAPI_RAISE callable. Errors: CT_ERR_INVALID_ARGUMENT.
 */
CT_API ct_status ct_dlpack_exchange_api(const DLPackExchangeAPI **api);

/**
 * A new capsule "dlpack_exchange_api" of ctensor's table (for the type attribute
 * __dlpack_c_exchange_api__): a new reference, or NULL as ct_dlpack_py_export.
 */
CT_API void *ct_dlpack_py_exchange_api(void);

#ifdef __cplusplus
}
#endif

#endif /* CTENSOR_DLPACK_H */
