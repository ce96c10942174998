/* Internal DLPack helpers shared by ct_dlpack.c and ct_dlpack_python.c. */
#ifndef CT_DLPACK_INTERNAL_H
#define CT_DLPACK_INTERNAL_H

#include <stdbool.h>
#include "ctensor/dlpack.h"

/* Calls a managed tensor's deleter (NULL deleters are skipped). */
typedef void (*ct__dl_deleter_call)(void *managed, bool versioned);
void ct__dl_call_deleter(void *managed, bool versioned);

/*
 * The deleter context of an imported storage: the managed tensor (NULL:
 * detached) and how to call its deleter (ct__dl_call_deleter, or a wrapper
 * that takes the GIL for a tensor that came from Python).
 */
typedef struct {
  void *managed;
  bool versioned;
  ct__dl_deleter_call call;
} ct__dl_owner;

/*
 * Imports a managed tensor (versioned or legacy); its deleter will be called
 * through call (NULL: ct__dl_call_deleter). On failure the deleter is
 * called exactly once when own_on_error, and not at all otherwise (the
 * caller keeps the tensor, e.g. inside an unconsumed capsule).
 */
ct_status ct__dl_import(ct_tensor **out, void *managed, bool versioned, bool own_on_error,
                        ct__dl_deleter_call call, const char *fn);

#endif
