/*
 * ctensor/status.h: status codes and the thread-local error record.
 *
 * Every fallible function returns a ct_status: CT_OK (0) on success, one of
 * the CT_ERR_* kinds below on failure. On failure the function's
 * out-parameters are set to NULL or 0, nothing the caller owned is lost, and
 * the calling thread's error record holds the code and a message naming the
 * function, the argument and the offending values.
 */
#ifndef CTENSOR_STATUS_H
#define CTENSOR_STATUS_H

#include <stdint.h>
#include "ctensor/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Status returned by every fallible function: 0 on success, a CT_ERR_* kind otherwise. */
typedef int32_t ct_status;

/*
 * The one table of error kinds: XX(NAME, value, default message).
 * Append-only: a released value never changes meaning.
 */
#define CT_ERROR_MAP(XX)                                                    \
  XX(INVALID_ARGUMENT,     1, "invalid argument")                           \
  XX(SHAPE,                2, "shape mismatch or invalid shape")            \
  XX(DTYPE,                3, "unsupported or mismatched dtype")            \
  XX(DEVICE,               4, "unsupported or mismatched device")           \
  XX(INDEX,                5, "index or dimension out of range")            \
  XX(READ_ONLY,            6, "write to a read-only tensor")                \
  XX(OUT_OF_MEMORY,        7, "out of memory")                              \
  XX(NOT_IMPLEMENTED,      8, "not implemented")                            \
  XX(BACKEND_UNAVAILABLE,  9, "backend unavailable")                        \
  XX(DLPACK,              10, "DLPack exchange error")                      \
  XX(INTERNAL,            11, "internal error")                            \
  XX(DEVICE_FAILURE,      12, "the device or its driver reported a failure")

#define CT__ERROR_ENUM(name, value, msg) CT_ERR_##name = value,
/** Error kinds. CT_ERR_COUNT is one past the largest kind. */
enum {
  CT_OK = 0,
  CT_ERROR_MAP(CT__ERROR_ENUM)
  CT_ERR_COUNT
};
#undef CT__ERROR_ENUM

/** Code of the last failing call on this thread, or CT_OK if none failed since ct_clear_error(). */
CT_API ct_status ct_last_error_code(void);

/**
 * Message of the last failing call on this thread ("" if none). The pointer is
 * borrowed: it stays valid until the next failing call on the same thread.
 */
CT_API const char *ct_last_error_message(void);

/** Resets this thread's error record to CT_OK and an empty message. */
CT_API void ct_clear_error(void);

/** Name of a status code ("CT_OK", "CT_ERR_SHAPE", ...); "CT_ERR_UNKNOWN" for other values. Static string. */
CT_API const char *ct_status_name(ct_status status);

/** Default one-line description of a status code ("shape mismatch or invalid shape"). Static string. */
CT_API const char *ct_status_string(ct_status status);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_STATUS_H */
