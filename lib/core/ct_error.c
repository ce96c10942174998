/*
 * ct_error.c: the thread-local error record and the status table.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ct_internal.h"

enum { CT__MESSAGE_MAX = 1024 };

/* One record per thread: a fixed buffer, so that reporting an error never allocates. */
static _Thread_local ct_status ct__last_code = CT_OK;
static _Thread_local char ct__last_message[CT__MESSAGE_MAX];

ct_status ct__error_v(ct_status code, const char *fmt, va_list ap) {
  vsnprintf(ct__last_message, sizeof ct__last_message, fmt, ap);
  ct__last_code = code;
  return code;
}

ct_status ct__error(ct_status code, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ct__error_v(code, fmt, ap);
  va_end(ap);
  return code;
}

ct_status ct__error_in(ct_status s, const char *fn) {
  if (s == CT_OK) return s;
  size_t n = strlen(fn);
  if (strncmp(ct__last_message, fn, n) == 0 && ct__last_message[n] == ':') return s;
  char inner[CT__MESSAGE_MAX];
  memcpy(inner, ct__last_message, sizeof inner);
  /* A message too long for the record loses its end, as every message does. */
  int w = snprintf(ct__last_message, sizeof ct__last_message, "%s: ", fn);
  if (w > 0 && (size_t)w < sizeof ct__last_message)
    snprintf(ct__last_message + w, sizeof ct__last_message - (size_t)w, "%s", inner);
  return s;
}

ct_status ct_last_error_code(void) { return ct__last_code; }

const char *ct_last_error_message(void) { return ct__last_message; }

void ct_clear_error(void) {
  ct__last_code = CT_OK;
  ct__last_message[0] = '\0';
}

#define CT__NAME_CASE(name, value, msg) case CT_ERR_##name: return "CT_ERR_" #name;
#define CT__STRING_CASE(name, value, msg) case CT_ERR_##name: return msg;

const char *ct_status_name(ct_status status) {
  switch (status) {
    case CT_OK: return "CT_OK";
    CT_ERROR_MAP(CT__NAME_CASE)
    default: return "CT_ERR_UNKNOWN";
  }
}

const char *ct_status_string(ct_status status) {
  switch (status) {
    case CT_OK: return "success";
    CT_ERROR_MAP(CT__STRING_CASE)
    default: return "unknown status code";
  }
}
