/*
 * ctensor/testing.h: hooks for tests of ctensor and of programs that embed
 * it. Nothing here is needed in production; the hooks cost one relaxed
 * atomic load per allocation while unused.
 */
#ifndef CTENSOR_TESTING_H
#define CTENSOR_TESTING_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Allocation-failure injection: the k-th host allocation made by ctensor from
 * now on (k >= 1) fails as if the system were out of memory, and with
 * persistent every allocation after it fails too; k = 0 turns injection off.
 * Process-wide: meant for a test driving one operation at a time. Device
 * memory (the CUDA allocator) is not affected.
 * Errors: CT_ERR_INVALID_ARGUMENT (k < 0).
 */
CT_API ct_status ct_test_fail_allocation(int64_t k, bool persistent);

/** How many allocations failed by injection since the last ct_test_fail_allocation. */
CT_API ct_status ct_test_injected_failures(int64_t *count);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_TESTING_H */
