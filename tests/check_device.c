/*
 * check_device.c: device types, parsing, backend availability and the
 * allocator statistics (device.h).
 */
#include <stdlib.h>

#include "ct_test.h"

START_TEST(test_type_names) {
  const char *name = NULL;
  CT_OK_(ct_device_type_name(&name, CT_DEVICE_CPU));
  ck_assert_str_eq(name, "cpu");
  CT_OK_(ct_device_type_name(&name, CT_DEVICE_CUDA));
  ck_assert_str_eq(name, "cuda");
  CT_OK_(ct_device_type_name(&name, CT_DEVICE_TRN));
  ck_assert_str_eq(name, "trn");
  /* DLPack's numbering: these values are fixed. */
  ck_assert_int_eq(CT_DEVICE_CPU, 1);
  ck_assert_int_eq(CT_DEVICE_CUDA, 2);
  ck_assert_int_eq(CT_DEVICE_CUDA_HOST, 3);
  ck_assert_int_eq(CT_DEVICE_ROCM, 10);
  ck_assert_int_eq(CT_DEVICE_CUDA_MANAGED, 13);
  ck_assert_int_eq(CT_DEVICE_ONEAPI, 14);
}
END_TEST

START_TEST(test_type_name_errors) {
  const char *name = "x";
  CT_FAILS_(ct_device_type_name(NULL, CT_DEVICE_CPU), CT_ERR_INVALID_ARGUMENT, "ct_device_type_name: name is NULL");
  CT_FAILS_(ct_device_type_name(&name, 0), CT_ERR_DEVICE, "type = 0");
  ck_assert_ptr_null(name);
  CT_FAILS_(ct_device_type_name(&name, 5), CT_ERR_DEVICE, "type = 5"); /* a hole in DLPack's numbering */
  CT_FAILS_(ct_device_type_name(&name, CT_DEVICE_TYPE_COUNT), CT_ERR_DEVICE, "ct_device_type_name");
  CT_FAILS_(ct_device_type_name(&name, -1), CT_ERR_DEVICE, "type = -1");
}
END_TEST

START_TEST(test_parse) {
  static const struct {
    const char *str;
    ct_device_type type;
    int32_t index;
  } ok[] = {
    {"cpu", CT_DEVICE_CPU, -1},   {"cpu:0", CT_DEVICE_CPU, 0},   {"cuda", CT_DEVICE_CUDA, -1},
    {"cuda:1", CT_DEVICE_CUDA, 1}, {"cuda:17", CT_DEVICE_CUDA, 17}, {"rocm:2", CT_DEVICE_ROCM, 2},
  };
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    ct_device_type type;
    int32_t index;
    CT_OK_(ct_device_parse(&type, &index, ok[i].str));
    ck_assert_int_eq(type, ok[i].type);
    ck_assert_int_eq(index, ok[i].index);
  }
}
END_TEST

START_TEST(test_parse_errors) {
  ct_device_type type = 7;
  int32_t index = 7;
  static const char *bad[] = {"", "gpu", "cuda:", "cuda:x", "cuda:1x", "cuda:-1", "cuda:99999999999", "CPU", ":0"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    CT_FAILS_(ct_device_parse(&type, &index, bad[i]), CT_ERR_DEVICE, "ct_device_parse: str = \"");
    ck_assert_int_eq(type, 0);
    ck_assert_int_eq(index, 0);
  }
  CT_FAILS_(ct_device_parse(NULL, &index, "cpu"), CT_ERR_INVALID_ARGUMENT, "type is NULL");
  CT_FAILS_(ct_device_parse(&type, NULL, "cpu"), CT_ERR_INVALID_ARGUMENT, "index is NULL");
  CT_FAILS_(ct_device_parse(&type, &index, NULL), CT_ERR_INVALID_ARGUMENT, "str is NULL");
}
END_TEST

START_TEST(test_backend_available) {
  bool avail = false;
  CT_OK_(ct_backend_available(&avail, CT_DEVICE_CPU));
  ck_assert(avail);
  /* Probing an absent backend answers false and keeps the caller's error record. */
  ct_clear_error();
  ct_device_parse(NULL, NULL, NULL);
  ck_assert_int_eq(ct_last_error_code(), CT_ERR_INVALID_ARGUMENT);
  CT_OK_(ct_backend_available(&avail, CT_DEVICE_OPENCL));
  ck_assert(!avail);
  ck_assert_int_eq(ct_last_error_code(), CT_ERR_INVALID_ARGUMENT);
  MSG_HAS_("ct_device_parse");
  CT_FAILS_(ct_backend_available(NULL, CT_DEVICE_CPU), CT_ERR_INVALID_ARGUMENT, "available is NULL");
  CT_FAILS_(ct_backend_available(&avail, 99), CT_ERR_DEVICE, "ct_backend_available: type = 99");
}
END_TEST

START_TEST(test_device_count) {
  int32_t n = -1;
  CT_OK_(ct_device_count(&n, CT_DEVICE_CPU));
  ck_assert_int_eq(n, 1);
  CT_OK_(ct_device_count(&n, CT_DEVICE_VULKAN));
  ck_assert_int_eq(n, 0);
  CT_FAILS_(ct_device_count(NULL, CT_DEVICE_CPU), CT_ERR_INVALID_ARGUMENT, "count is NULL");
  CT_FAILS_(ct_device_count(&n, 0), CT_ERR_DEVICE, "ct_device_count: type = 0");
  ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(test_cuda_unavailable_says_why) {
  /* This test assumes no CUDA module is reachable, as on the CPU-only CI machine. */
  bool avail;
  CT_OK_(ct_backend_available(&avail, CT_DEVICE_CUDA));
  if (avail) return;
  ct_tensor *t;
  FAILS_NULL_(t, ct_zeros(&t, 1, (int64_t[]){3}, CT_FLOAT32, CT_DEVICE_CUDA, 0), CT_ERR_BACKEND_UNAVAILABLE,
              "ct_zeros: backend unavailable for device 'cuda'");
  MSG_HAS_("ct_cuda.so");
  int32_t n = 5;
  CT_OK_(ct_device_count(&n, CT_DEVICE_CUDA));
  ck_assert_int_eq(n, 0);
}
END_TEST

START_TEST(test_other_backends_unavailable) {
  ct_tensor *t;
  CT_FAILS_(ct_ones(&t, 0, NULL, CT_FLOAT32, CT_DEVICE_METAL, 0), CT_ERR_BACKEND_UNAVAILABLE,
            "backend unavailable for device 'metal'");
  CT_FAILS_(ct_ones(&t, 0, NULL, CT_FLOAT32, 6, 0), CT_ERR_DEVICE, "device_type = 6");
  CT_FAILS_(ct_ones(&t, 0, NULL, CT_FLOAT32, CT_DEVICE_CPU, 1), CT_ERR_DEVICE,
            "device_index = 1 is out of range for 'cpu'");
  CT_FAILS_(ct_ones(&t, 0, NULL, CT_FLOAT32, CT_DEVICE_CPU, -2), CT_ERR_DEVICE, "device_index = -2");
  CT_FAILS_(ct_ones(&t, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, 0), CT_ERR_DEVICE,
            "device_index = 0 given without a device_type");
}
END_TEST

START_TEST(test_memory_stats) {
  int64_t b0, n0, peak0;
  CT_OK_(ct_memory_stats(&b0, &n0, &peak0));
  ct_tensor *t;
  CT_OK_(ct_zeros(&t, 2, (int64_t[]){100, 10}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  int64_t b1, n1, peak1;
  CT_OK_(ct_memory_stats(&b1, &n1, &peak1));
  /* Storage header with its data, and the tensor header: at least two blocks and the 8000 data bytes. */
  ck_assert_int_ge(b1 - b0, 2);
  ck_assert_int_ge(n1 - n0, 8000);
  ck_assert_int_ge(peak1, n1);
  void *data;
  CT_OK_(ct_tensor_data_ptr(&data, t));
  ck_assert_uint_eq((uintptr_t)data % 64, 0);
  ct_tensor_release(t);
  CT_NO_LEAK_(b0, n0);
  CT_OK_(ct_memory_stats(NULL, NULL, NULL));
}
END_TEST

int main(void) {
  const ct_test_case cases[] = {
    {"type_names", test_type_names},
    {"type_name_errors", test_type_name_errors},
    {"parse", test_parse},
    {"parse_errors", test_parse_errors},
    {"backend_available", test_backend_available},
    {"device_count", test_device_count},
    {"cuda_unavailable_says_why", test_cuda_unavailable_says_why},
    {"other_backends_unavailable", test_other_backends_unavailable},
    {"memory_stats", test_memory_stats},
  };
  Suite *s = suite_create("device");
  CT_TEST_ADD_CASES_(s, cases, NULL);
  return ct_test_run(s);
}
