/*
 * plugin_noinit.c: a fake CUDA module (built as ct_cuda.so for check_plugin)
 * that loads but exports no ct_backend_cuda_init, which the loader must
 * report by the symbol's name.
 */
#include "ctensor/export.h"

CT_API int ct_backend_cuda_something_else(void);

int ct_backend_cuda_something_else(void) { return 42; }
