/*
 * check_threads.c: the kernel thread count (threads.h).
 */
#include "ct_test.h"

START_TEST(test_set_and_get) {
  int32_t n0 = 0, n = 0;
  CT_OK_(ct_get_num_threads(&n0));
  ck_assert_int_ge(n0, 1);
  CT_OK_(ct_set_num_threads(3));
  CT_OK_(ct_get_num_threads(&n));
  ck_assert_int_eq(n, 3);
  CT_OK_(ct_set_num_threads(n0));
  CT_OK_(ct_get_num_threads(&n));
  ck_assert_int_eq(n, n0);
}
END_TEST

START_TEST(test_errors) {
  int32_t n0, n;
  CT_OK_(ct_get_num_threads(&n0));
  CT_FAILS_(ct_set_num_threads(0), CT_ERR_INVALID_ARGUMENT, "ct_set_num_threads: n = 0 must be >= 1");
  CT_FAILS_(ct_set_num_threads(-4), CT_ERR_INVALID_ARGUMENT, "n = -4");
  CT_OK_(ct_get_num_threads(&n));
  ck_assert_int_eq(n, n0); /* a refused value changes nothing */
  CT_FAILS_(ct_get_num_threads(NULL), CT_ERR_INVALID_ARGUMENT, "ct_get_num_threads: n is NULL");
}
END_TEST

START_TEST(test_omp_num_threads_default) {
  /* make check runs each suite in its own process; the default honours OMP_NUM_THREADS when set. */
  const char *env = getenv("OMP_NUM_THREADS");
  int32_t n;
  CT_OK_(ct_get_num_threads(&n));
  if (env && atoi(env) >= 1) ck_assert_int_eq(n, atoi(env));
}
END_TEST

int main(void) {
  Suite *s = suite_create("threads");
  TCase *tc = tcase_create("omp_num_threads_default");
  tcase_add_test(tc, test_omp_num_threads_default);
  suite_add_tcase(s, tc);
  tc = tcase_create("set_and_get");
  tcase_add_test(tc, test_set_and_get);
  suite_add_tcase(s, tc);
  tc = tcase_create("errors");
  tcase_add_test(tc, test_errors);
  suite_add_tcase(s, tc);
  return ct_test_run(s);
}
