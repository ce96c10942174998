/*
 * check_status.c: the status table and the thread-local error record (status.h).
 */
#include <pthread.h>

#include "ct_test.h"

START_TEST(test_names_and_strings) {
  ck_assert_str_eq(ct_status_name(CT_OK), "CT_OK");
  ck_assert_str_eq(ct_status_name(CT_ERR_INVALID_ARGUMENT), "CT_ERR_INVALID_ARGUMENT");
  ck_assert_str_eq(ct_status_name(CT_ERR_SHAPE), "CT_ERR_SHAPE");
  ck_assert_str_eq(ct_status_name(CT_ERR_BACKEND_UNAVAILABLE), "CT_ERR_BACKEND_UNAVAILABLE");
  ck_assert_str_eq(ct_status_name(CT_ERR_INTERNAL), "CT_ERR_INTERNAL");
  ck_assert_str_eq(ct_status_string(CT_ERR_OUT_OF_MEMORY), "out of memory");
  ck_assert_str_eq(ct_status_string(CT_ERR_BACKEND_UNAVAILABLE), "backend unavailable");
  ck_assert_str_eq(ct_status_string(CT_OK), "success");
}
END_TEST

START_TEST(test_every_kind_named) {
  /* The table is append-only and dense: every code below the count has its own name and message. */
  ck_assert_int_eq(CT_ERR_COUNT, 13);
  for (ct_status s = 1; s < CT_ERR_COUNT; s++) {
    ck_assert_str_ne(ct_status_name(s), "CT_ERR_UNKNOWN");
    ck_assert_str_ne(ct_status_string(s), "unknown status code");
    for (ct_status r = 1; r < s; r++) ck_assert_str_ne(ct_status_name(s), ct_status_name(r));
  }
}
END_TEST

START_TEST(test_unknown_codes) {
  ck_assert_str_eq(ct_status_name(CT_ERR_COUNT), "CT_ERR_UNKNOWN");
  ck_assert_str_eq(ct_status_name(-5), "CT_ERR_UNKNOWN");
  ck_assert_str_eq(ct_status_string(9999), "unknown status code");
}
END_TEST

START_TEST(test_record_set_and_cleared) {
  ct_clear_error();
  ck_assert_int_eq(ct_last_error_code(), CT_OK);
  ck_assert_str_eq(ct_last_error_message(), "");
  ct_tensor *t = POISON;
  ck_assert_int_eq(ct_zeros(&t, -1, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_INVALID_ARGUMENT);
  ck_assert_ptr_null(t);
  ck_assert_int_eq(ct_last_error_code(), CT_ERR_INVALID_ARGUMENT);
  ck_assert_str_eq(ct_last_error_message(), "ct_zeros: ndim = -1 is negative");
  /* A successful call leaves the record alone. */
  CT_OK_(ct_zeros(&t, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ck_assert_int_eq(ct_last_error_code(), CT_ERR_INVALID_ARGUMENT);
  ct_tensor_release(t);
  ct_clear_error();
  ck_assert_int_eq(ct_last_error_code(), CT_OK);
  ck_assert_str_eq(ct_last_error_message(), "");
}
END_TEST

START_TEST(test_long_message_truncated_safely) {
  /* A huge shape in a message is abbreviated, never overflowing the fixed buffer. */
  int64_t shape[300];
  for (int i = 0; i < 300; i++) shape[i] = 1LL << 40;
  ct_tensor *t;
  CT_FAILS_(ct_zeros(&t, 300, shape, CT_FLOAT32, CT_DEVICE_NONE, -1), CT_ERR_SHAPE, "ct_zeros: shape [");
  MSG_HAS_("...");
  ck_assert_uint_lt(strlen(ct_last_error_message()), 1024);
}
END_TEST

static void *thread_fails(void *arg) {
  (void)arg;
  ct_clear_error();
  ct_tensor *t;
  ct_ones(&t, 1, (int64_t[]){-7}, CT_FLOAT32, CT_DEVICE_NONE, -1);
  return (void *)(intptr_t)(ct_last_error_code() == CT_ERR_INVALID_ARGUMENT &&
                            strstr(ct_last_error_message(), "shape[0] = -7") != NULL);
}

START_TEST(test_record_is_per_thread) {
  ct_clear_error();
  ck_assert_int_eq(ct_dtype_name(NULL, CT_FLOAT32), CT_ERR_INVALID_ARGUMENT);
  char mine[256];
  snprintf(mine, sizeof mine, "%s", ct_last_error_message());
  pthread_t th;
  void *ok;
  ck_assert_int_eq(pthread_create(&th, NULL, thread_fails, NULL), 0);
  ck_assert_int_eq(pthread_join(th, &ok), 0);
  ck_assert_msg(ok != NULL, "the other thread did not see its own error");
  /* This thread's record is untouched by the other thread's failure. */
  ck_assert_str_eq(ct_last_error_message(), mine);
  ck_assert_int_eq(ct_last_error_code(), CT_ERR_INVALID_ARGUMENT);
}
END_TEST

int main(void) {
  const ct_test_case cases[] = {
    {"names_and_strings", test_names_and_strings},
    {"every_kind_named", test_every_kind_named},
    {"unknown_codes", test_unknown_codes},
    {"record_set_and_cleared", test_record_set_and_cleared},
    {"long_message_truncated_safely", test_long_message_truncated_safely},
    {"record_is_per_thread", test_record_is_per_thread},
  };
  Suite *s = suite_create("status");
  CT_TEST_ADD_CASES_(s, cases, NULL);
  return ct_test_run(s);
}
