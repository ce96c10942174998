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
  const ct_test_case tests[] = {
    {"version_string", test_version_string},
    {"abi_version_matches_headers", test_abi_version_matches_headers},
  };
  Suite *s = suite_create("version");
  CT_TEST_ADD_CASES_(s, tests, NULL);
  return ct_test_run(s);
}
