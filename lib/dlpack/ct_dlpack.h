/* Internal DLPack helpers shared by ct_dlpack.c and ct_dlpack_python.c. */
#ifndef CT_DLPACK_INTERNAL_H
#define CT_DLPACK_INTERNAL_H

#include <stdbool.h>
#include "ctensor/dlpack.h"

/* The deleter context of an imported storage: the managed tensor (NULL: detached). */
typedef struct {
  void *managed;
  bool versioned;
} ct__dl_owner;

/*
 * Imports a managed tensor (versioned or legacy). On failure the deleter is
 * called exactly once when own_on_error, and not at all otherwise (the
 * caller keeps the tensor, e.g. inside an unconsumed capsule).
 */
ct_status ct__dl_import(ct_tensor **out, void *managed, bool versioned, bool own_on_error, const char *fn);

#endif
