/*
 * check_version.c: library and ABI versions (version.h).
 */
#include "ct_test.h"

START_TEST(test_version_string) {
  const char *v = ct_version();
  ck_assert_ptr_nonnull(v);
  int major, minor, patch;
  ck_assert_int_eq(sscanf(v, "%d.%d.%d", &major, &minor, &patch), 3);
  ck_assert_int_ge(major, 0);
}
END_TEST

START_TEST(test_abi_version_matches_headers) {
  ck_assert_int_eq(ct_abi_version(), CT_ABI_VERSION);
  ck_assert_int_ge(ct_abi_version(), 1);
}
END_TEST

int main(void) {
  Suite *s = suite_create("version");
  TCase *tc = tcase_create("version_string");
  tcase_add_test(tc, test_version_string);
  suite_add_tcase(s, tc);
  tc = tcase_create("abi_version_matches_headers");
  tcase_add_test(tc, test_abi_version_matches_headers);
  suite_add_tcase(s, tc);
  return ct_test_run(s);
}
