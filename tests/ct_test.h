/*
 * ct_test.h: helpers shared by the Check suites.
 */
#ifndef CT_TEST_H
#define CT_TEST_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctensor/ctensor.h"

/* Asserts that a call succeeds, printing the thread's error message if not. */
#define CT_OK_(expr)                                                                            \
  do {                                                                                           \
    ct_status ct_t_s = (expr);                                                                   \
    ck_assert_msg(ct_t_s == CT_OK, "%s failed: %s (%s)", #expr, ct_status_name(ct_t_s),          \
                  ct_last_error_message());                                                      \
  } while (0)

/*
 * Asserts that a call fails with code and that the error record holds that
 * code and a message containing needle (which should name the function and
 * argument).
 */
#define CT_FAILS_(expr, code, needle)                                                           \
  do {                                                                                           \
    ct_clear_error();                                                                            \
    ct_status ct_t_s = (expr);                                                                   \
    ck_assert_msg(ct_t_s == (code), "%s returned %s, expected %s (%s)", #expr,                   \
                  ct_status_name(ct_t_s), ct_status_name(code), ct_last_error_message());        \
    ck_assert_int_eq(ct_last_error_code(), (code));                                              \
    ck_assert_msg(strstr(ct_last_error_message(), (needle)) != NULL,                             \
                  "message of %s is \"%s\", expected it to contain \"%s\"", #expr,               \
                  ct_last_error_message(), (needle));                                            \
  } while (0)

/* Records allocator statistics at the start of a test; ct_test_no_leak() compares at the end. */
static inline void ct_test_mem_begin(int64_t *blocks, int64_t *bytes) {
  ct_memory_stats(blocks, bytes, NULL);
}

#define CT_NO_LEAK_(blocks0, bytes0)                                                            \
  do {                                                                                           \
    int64_t ct_t_b, ct_t_n;                                                                      \
    ct_memory_stats(&ct_t_b, &ct_t_n, NULL);                                                     \
    ck_assert_msg(ct_t_b == (blocks0) && ct_t_n == (bytes0),                                     \
                  "leak: %lld blocks / %lld bytes live, %lld / %lld at start",                   \
                  (long long)ct_t_b, (long long)ct_t_n, (long long)(blocks0),                    \
                  (long long)(bytes0));                                                          \
  } while (0)

/*
 * Runs one suite with TAP or normal output (CK_TAP_LOG_FILE_NAME, set by
 * `make check`), returning the process exit status.
 */
static inline int ct_test_run(Suite *s) {
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_ENV);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif /* CT_TEST_H */
