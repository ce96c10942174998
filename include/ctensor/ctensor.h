/*
 * ctensor.h: the umbrella header of ctensor, an embeddable tensor runtime
 * with PyTorch's semantics behind a C ABI callable through libffi.
 *
 * The rules every declaration follows:
 * - Functions are named ct_*; types ct_*; constants CT_*.
 * - Every fallible function returns ct_status (0 = CT_OK) and writes results
 *   through out-parameters, which come first; on failure they are NULL or 0.
 *   The calling thread's error record then names the function, the argument
 *   and the values (ct_last_error_message()).
 * - Handles (ct_tensor, ct_generator) are opaque and reference-counted;
 *   returned handles are new references, passed handles are borrowed.
 * - Only scalars and pointers cross the boundary: no struct by value, no
 *   varargs, fixed-width integers, enums as int32_t with append-only values.
 * - The library never aborts, exits or prints.
 */
#ifndef CTENSOR_H
#define CTENSOR_H

#include "ctensor/export.h"
#include "ctensor/version.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/device.h"
#include "ctensor/tensor.h"
#include "ctensor/creation.h"
#include "ctensor/random.h"
#include "ctensor/convert.h"
#include "ctensor/format.h"
#include "ctensor/promotion.h"
#include "ctensor/threads.h"
#include "ctensor/elementwise.h"
#include "ctensor/view.h"
#include "ctensor/index.h"
#include "ctensor/reduce.h"
#include "ctensor/linalg.h"
#include "ctensor/structure.h"
#include "ctensor/dlpack.h"
#include "ctensor/cuda.h"
#include "ctensor/testing.h"

#endif /* CTENSOR_H */
