/*
 * ctensor/threads.h: the number of threads CPU kernels use.
 *
 * Large elementwise operations and reductions split their work over the
 * threads; small ones run on the calling thread. Results never depend on
 * the thread count: reductions combine fixed blocks in a fixed order.
 */
#ifndef CTENSOR_THREADS_H
#define CTENSOR_THREADS_H

#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Sets the number of threads CPU kernels may use (>= 1), process-wide, as
 * torch.set_num_threads. The initial value is $OMP_NUM_THREADS when set,
 * else the number of cores.
 * Errors: CT_ERR_INVALID_ARGUMENT (n < 1).
 */
CT_API ct_status ct_set_num_threads(int32_t n);

/** The number of threads CPU kernels may use. Errors: CT_ERR_INVALID_ARGUMENT (NULL). */
CT_API ct_status ct_get_num_threads(int32_t *n);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_THREADS_H */
