/*
 * check_cuda.c: tests of include/ctensor/cuda.h.
 *
 * One suite for every machine. Without a usable GPU (no module, no driver
 * or no device) every CUDA entry point must fail cleanly with
 * CT_ERR_BACKEND_UNAVAILABLE and a message naming the function and the
 * reason, probes report false and 0, and nothing leaks. With a GPU the
 * same suite runs the device cases instead: properties, streams, events,
 * the caching allocator's statistics (including a two-stream stress loop),
 * pinned memory, transfers, printing and item(). Each group skips with a
 * "# skip" note where it does not apply, so the suite passes everywhere
 * and says what it did not run.
 *
 * Every test records the host allocator statistics first and checks at the
 * end that it left nothing behind.
 */
#include <math.h>

#include "ct_test.h"

/* True with a GPU; otherwise notes that the calling GPU case is skipped. */
static bool need_gpu(const char *test) {
  if (cuda_available()) return true;
  printf("# skip %s: no CUDA device\n", test);
  return false;
}

/* True without a GPU; otherwise notes that the calling "unavailable" case is skipped. */
static bool need_no_gpu(const char *test) {
  if (!cuda_available()) return true;
  printf("# skip %s: a CUDA device is present\n", test);
  return false;
}

/* The message of an unavailable CUDA call: its name and the registry's reason. */
#define UNAVAILABLE_(expr, fn)                                                                   \
  do {                                                                                           \
    CT_FAILS_(expr, CT_ERR_BACKEND_UNAVAILABLE, fn ": backend unavailable for device 'cuda'");   \
    ck_assert_msg(strlen(ct_last_error_message()) > strlen(fn ": backend unavailable for device 'cuda': "), \
                  "no reason in \"%s\"", ct_last_error_message());                               \
  } while (0)

/* ---- without a GPU ------------------------------------------------------------------------- */

START_TEST(test_probes_without_gpu) {
  MEM_BEGIN;
  bool avail = true;
  int32_t n = -1;
  CT_FAILS_(ct_cuda_is_available(NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_is_available: available is NULL");
  CT_FAILS_(ct_cuda_device_count(NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_device_count: count is NULL");
  if (need_no_gpu("probes_without_gpu")) {
    /* Probes never fail and leave an earlier error record as it was. */
    ct_clear_error();
    CT_OK_(ct_cuda_is_available(&avail));
    ck_assert(!avail);
    CT_OK_(ct_cuda_device_count(&n));
    ck_assert_int_eq(n, 0);
    ck_assert_int_eq(ct_last_error_code(), CT_OK);
    CT_FAILS_(ct_cuda_is_available(NULL), CT_ERR_INVALID_ARGUMENT, "available is NULL");
    CT_OK_(ct_cuda_device_count(&n));
    MSG_HAS_("ct_cuda_is_available: available is NULL");
  }
  MEM_END;
}
END_TEST

/* Every device, stream, event and memory function: NULL out-pointers first, then unavailable. */
START_TEST(test_functions_without_gpu) {
  MEM_BEGIN;
  if (!need_no_gpu("functions_without_gpu")) return;
  char buf[64] = "x";
  int32_t i32 = 7, major = 7, minor = 7;
  int64_t i64 = 7, total = 7;
  bool done = true;
  float ms = 7;
  ct_cuda_stream *stream = (ct_cuda_stream *)POISON;
  ct_cuda_event *event = (ct_cuda_event *)POISON;
  /* A stand-in handle: calls must fail before looking at it. */
  ct_cuda_stream *fake_stream = (ct_cuda_stream *)POISON;
  ct_cuda_event *fake_event = (ct_cuda_event *)POISON;

  CT_FAILS_(ct_cuda_device_name(NULL, 8, 0), CT_ERR_INVALID_ARGUMENT, "ct_cuda_device_name: buf is NULL");
  CT_FAILS_(ct_cuda_device_name(buf, 0, 0), CT_ERR_INVALID_ARGUMENT, "ct_cuda_device_name: size is 0");
  UNAVAILABLE_(ct_cuda_device_name(buf, sizeof buf, 0), "ct_cuda_device_name");
  ck_assert_str_eq(buf, "");
  CT_FAILS_(ct_cuda_device_capability(NULL, &minor, 0), CT_ERR_INVALID_ARGUMENT, "major is NULL");
  CT_FAILS_(ct_cuda_device_capability(&major, NULL, 0), CT_ERR_INVALID_ARGUMENT, "minor is NULL");
  UNAVAILABLE_(ct_cuda_device_capability(&major, &minor, 0), "ct_cuda_device_capability");
  ck_assert_int_eq(major, 0);
  ck_assert_int_eq(minor, 0);
  UNAVAILABLE_(ct_cuda_device_properties(&i64, &i32, 0), "ct_cuda_device_properties");
  ck_assert_int_eq(i64, 0);
  ck_assert_int_eq(i32, 0);
  UNAVAILABLE_(ct_cuda_device_properties(NULL, NULL, -1), "ct_cuda_device_properties");
  CT_FAILS_(ct_cuda_mem_get_info(NULL, &total, 0), CT_ERR_INVALID_ARGUMENT, "free_bytes is NULL");
  CT_FAILS_(ct_cuda_mem_get_info(&i64, NULL, 0), CT_ERR_INVALID_ARGUMENT, "total_bytes is NULL");
  UNAVAILABLE_(ct_cuda_mem_get_info(&i64, &total, 0), "ct_cuda_mem_get_info");
  CT_FAILS_(ct_cuda_current_device(NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_current_device: device is NULL");
  UNAVAILABLE_(ct_cuda_current_device(&i32), "ct_cuda_current_device");
  UNAVAILABLE_(ct_cuda_set_device(0), "ct_cuda_set_device");
  UNAVAILABLE_(ct_cuda_synchronize(-1), "ct_cuda_synchronize");

  CT_FAILS_(ct_cuda_stream_create(NULL, -1, 0), CT_ERR_INVALID_ARGUMENT, "ct_cuda_stream_create: out is NULL");
  UNAVAILABLE_(ct_cuda_stream_create(&stream, -1, 0), "ct_cuda_stream_create");
  ck_assert_ptr_null(stream);
  CT_FAILS_(ct_cuda_stream_from_handle(NULL, NULL, 0), CT_ERR_INVALID_ARGUMENT, "out is NULL");
  stream = (ct_cuda_stream *)POISON;
  UNAVAILABLE_(ct_cuda_stream_from_handle(&stream, NULL, 0), "ct_cuda_stream_from_handle");
  ck_assert_ptr_null(stream);
  CT_FAILS_(ct_cuda_stream_retain(NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_stream_retain: stream is NULL");
  UNAVAILABLE_(ct_cuda_stream_retain(fake_stream), "ct_cuda_stream_retain");
  CT_FAILS_(ct_cuda_stream_info(NULL, NULL, NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_stream_info: stream is NULL");
  void *handle = buf;
  UNAVAILABLE_(ct_cuda_stream_info(&handle, &i32, fake_stream), "ct_cuda_stream_info");
  ck_assert_ptr_null(handle);
  CT_FAILS_(ct_cuda_current_stream(NULL, -1), CT_ERR_INVALID_ARGUMENT, "ct_cuda_current_stream: out is NULL");
  stream = (ct_cuda_stream *)POISON;
  UNAVAILABLE_(ct_cuda_current_stream(&stream, -1), "ct_cuda_current_stream");
  ck_assert_ptr_null(stream);
  CT_FAILS_(ct_cuda_default_stream(NULL, -1), CT_ERR_INVALID_ARGUMENT, "ct_cuda_default_stream: out is NULL");
  stream = (ct_cuda_stream *)POISON;
  UNAVAILABLE_(ct_cuda_default_stream(&stream, 0), "ct_cuda_default_stream");
  ck_assert_ptr_null(stream);
  UNAVAILABLE_(ct_cuda_set_stream(NULL), "ct_cuda_set_stream");
  CT_FAILS_(ct_cuda_stream_synchronize(NULL), CT_ERR_INVALID_ARGUMENT, "stream is NULL");
  UNAVAILABLE_(ct_cuda_stream_synchronize(fake_stream), "ct_cuda_stream_synchronize");
  CT_FAILS_(ct_cuda_stream_query(NULL, fake_stream), CT_ERR_INVALID_ARGUMENT, "ct_cuda_stream_query: done is NULL");
  CT_FAILS_(ct_cuda_stream_query(&done, NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_stream_query: stream is NULL");
  done = true;
  UNAVAILABLE_(ct_cuda_stream_query(&done, fake_stream), "ct_cuda_stream_query");
  ck_assert(!done);
  CT_FAILS_(ct_cuda_stream_wait_stream(NULL, fake_stream), CT_ERR_INVALID_ARGUMENT, "stream is NULL");
  CT_FAILS_(ct_cuda_stream_wait_stream(fake_stream, NULL), CT_ERR_INVALID_ARGUMENT, "other is NULL");
  UNAVAILABLE_(ct_cuda_stream_wait_stream(fake_stream, fake_stream), "ct_cuda_stream_wait_stream");

  CT_FAILS_(ct_cuda_event_create(NULL, 0), CT_ERR_INVALID_ARGUMENT, "ct_cuda_event_create: out is NULL");
  CT_FAILS_(ct_cuda_event_create(&event, 64), CT_ERR_INVALID_ARGUMENT, "ct_cuda_event_create: flags = 0x40");
  ck_assert_ptr_null(event);
  event = (ct_cuda_event *)POISON;
  UNAVAILABLE_(ct_cuda_event_create(&event, CT_CUDA_EVENT_TIMING), "ct_cuda_event_create");
  ck_assert_ptr_null(event);
  CT_FAILS_(ct_cuda_event_record(NULL, NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_event_record: event is NULL");
  UNAVAILABLE_(ct_cuda_event_record(fake_event, NULL), "ct_cuda_event_record");
  CT_FAILS_(ct_cuda_event_wait(NULL, NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_event_wait: event is NULL");
  UNAVAILABLE_(ct_cuda_event_wait(fake_event, NULL), "ct_cuda_event_wait");
  CT_FAILS_(ct_cuda_event_synchronize(NULL), CT_ERR_INVALID_ARGUMENT, "event is NULL");
  UNAVAILABLE_(ct_cuda_event_synchronize(fake_event), "ct_cuda_event_synchronize");
  CT_FAILS_(ct_cuda_event_query(NULL, fake_event), CT_ERR_INVALID_ARGUMENT, "ct_cuda_event_query: done is NULL");
  CT_FAILS_(ct_cuda_event_query(&done, NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_event_query: event is NULL");
  UNAVAILABLE_(ct_cuda_event_query(&done, fake_event), "ct_cuda_event_query");
  CT_FAILS_(ct_cuda_event_elapsed_time(NULL, fake_event, fake_event), CT_ERR_INVALID_ARGUMENT, "ms is NULL");
  CT_FAILS_(ct_cuda_event_elapsed_time(&ms, NULL, fake_event), CT_ERR_INVALID_ARGUMENT, "start is NULL");
  CT_FAILS_(ct_cuda_event_elapsed_time(&ms, fake_event, NULL), CT_ERR_INVALID_ARGUMENT, "end is NULL");
  ms = 7;
  UNAVAILABLE_(ct_cuda_event_elapsed_time(&ms, fake_event, fake_event), "ct_cuda_event_elapsed_time");
  ck_assert(ms == 0);

  i64 = total = 7;
  int64_t peak = 7;
  UNAVAILABLE_(ct_cuda_memory_stats(&i64, &total, &peak, -1), "ct_cuda_memory_stats");
  ck_assert(i64 == 0 && total == 0 && peak == 0);
  UNAVAILABLE_(ct_cuda_memory_stats(NULL, NULL, NULL, 0), "ct_cuda_memory_stats");
  UNAVAILABLE_(ct_cuda_reset_peak_memory_stats(-1), "ct_cuda_reset_peak_memory_stats");
  UNAVAILABLE_(ct_cuda_empty_cache(), "ct_cuda_empty_cache");

  /* Releasing nothing is allowed anywhere. */
  ct_cuda_stream_release(NULL);
  ct_cuda_event_release(NULL);
  MEM_END;
}
END_TEST

START_TEST(test_tensors_without_gpu) {
  MEM_BEGIN;
  if (!need_no_gpu("tensors_without_gpu")) return;
  ct_tensor *t, *x, *y;
  FAILS_NULL_(t, ct_ones(&t, 2, (int64_t[]){2, 3}, CT_FLOAT32, CT_DEVICE_CUDA, 0), CT_ERR_BACKEND_UNAVAILABLE,
              "ct_ones: backend unavailable for device 'cuda'");
  FAILS_NULL_(t, ct_empty(&t, 0, NULL, CT_INT64, CT_DEVICE_CUDA, -1), CT_ERR_BACKEND_UNAVAILABLE,
              "ct_empty: backend unavailable for device 'cuda'");

  /* A conversion to CUDA fails, leaves its input untouched and allocates nothing that stays. */
  int64_t blocks0, bytes0;
  CT_OK_(ct_arange(&x, 0, 6, 1, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ct_memory_stats(&blocks0, &bytes0, NULL);
  FAILS_NULL_(y, ct_to(&y, x, CT_DTYPE_NONE, CT_DEVICE_CUDA, 0, false), CT_ERR_BACKEND_UNAVAILABLE,
              "ct_to: backend unavailable for device 'cuda'");
  FAILS_NULL_(y, ct_to(&y, x, CT_FLOAT64, CT_DEVICE_CUDA, -1, true), CT_ERR_BACKEND_UNAVAILABLE,
              "ct_to: backend unavailable for device 'cuda'");
  CT_NO_LEAK_(blocks0, bytes0);
  ck_assert_int_eq(use_count(x), 1);
  ck_assert_int_eq(dtype_of(x), CT_FLOAT32);
  for (int64_t i = 0; i < 6; i++) ck_assert_double_eq(value(x, i), (double)i);

  /* Pinning needs CUDA; NULLs are refused first. */
  FAILS_NULL_(y, ct_pin_memory(&y, x), CT_ERR_BACKEND_UNAVAILABLE, "ct_pin_memory: backend unavailable for device 'cuda'");
  CT_FAILS_(ct_pin_memory(NULL, x), CT_ERR_INVALID_ARGUMENT, "ct_pin_memory: out is NULL");
  FAILS_NULL_(y, ct_pin_memory(&y, NULL), CT_ERR_INVALID_ARGUMENT, "ct_pin_memory: t is NULL");
  CT_NO_LEAK_(blocks0, bytes0);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* ---- anywhere ----------------------------------------------------------------------------- */

START_TEST(test_allow_tf32) {
  MEM_BEGIN;
  bool allow = true;
  CT_FAILS_(ct_cuda_allow_tf32(NULL), CT_ERR_INVALID_ARGUMENT, "ct_cuda_allow_tf32: allow is NULL");
  CT_OK_(ct_cuda_allow_tf32(&allow));
  ck_assert(!allow); /* PyTorch's default */
  CT_OK_(ct_cuda_set_allow_tf32(true));
  CT_OK_(ct_cuda_allow_tf32(&allow));
  ck_assert(allow);
  CT_OK_(ct_cuda_set_allow_tf32(false));
  CT_OK_(ct_cuda_allow_tf32(&allow));
  ck_assert(!allow);
  MEM_END;
}
END_TEST

START_TEST(test_release_null) {
  MEM_BEGIN;
  ct_cuda_stream_release(NULL);
  ct_cuda_event_release(NULL);
  MEM_END;
}
END_TEST

START_TEST(test_is_pinned_cpu) {
  MEM_BEGIN;
  bool pinned = true;
  ct_tensor *t, *e;
  CT_OK_(ct_ones(&t, 1, (int64_t[]){5}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_empty(&e, 1, (int64_t[]){0}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_tensor_is_pinned(&pinned, t));
  ck_assert(!pinned);
  pinned = true;
  CT_OK_(ct_tensor_is_pinned(&pinned, e));
  ck_assert(!pinned);
  CT_FAILS_(ct_tensor_is_pinned(NULL, t), CT_ERR_INVALID_ARGUMENT, "ct_tensor_is_pinned: pinned is NULL");
  pinned = true;
  CT_FAILS_(ct_tensor_is_pinned(&pinned, NULL), CT_ERR_INVALID_ARGUMENT, "ct_tensor_is_pinned: t is NULL");
  ck_assert(!pinned);
  ct_tensor_release(e);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/* Between CPU tensors ct_copy_non_blocking_ is ct_copy_: conversion, broadcasting, errors. */
START_TEST(test_copy_non_blocking_cpu) {
  MEM_BEGIN;
  ct_tensor *src, *row, *dst, *ref, *ro;
  CT_OK_(ct_arange(&src, 0, 6, 1, CT_INT32, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&dst, 1, (int64_t[]){6}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_copy_non_blocking_(dst, src));
  for (int64_t i = 0; i < 6; i++) ck_assert_double_eq(value(dst, i), (double)i);
  ct_tensor_release(dst);

  /* A row broadcast over a transposed destination, as ct_copy_ does it. */
  CT_OK_(ct_arange(&row, 1, 4, 1, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ct_tensor *base, *ref_base;
  CT_OK_(ct_zeros(&base, 2, (int64_t[]){3, 2}, CT_FLOAT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_zeros(&ref_base, 2, (int64_t[]){3, 2}, CT_FLOAT16, CT_DEVICE_NONE, -1));
  CT_OK_(ct_t(&dst, base));
  CT_OK_(ct_t(&ref, ref_base));
  CT_OK_(ct_copy_non_blocking_(dst, row));
  CT_OK_(ct_copy_(ref, row));
  for (int64_t i = 0; i < 6; i++) ck_assert_double_eq(value(dst, i), value(ref, i));
  ck_assert_double_eq(value(dst, 4), 2.0);

  /* The same errors as ct_copy_. */
  CT_FAILS_(ct_copy_non_blocking_(NULL, src), CT_ERR_INVALID_ARGUMENT, "dst is NULL");
  CT_FAILS_(ct_copy_non_blocking_(dst, NULL), CT_ERR_INVALID_ARGUMENT, "src is NULL");
  CT_FAILS_(ct_copy_non_blocking_(dst, src), CT_ERR_SHAPE, "ct_copy_non_blocking_");
  CT_OK_(ct_expand(&ro, row, 2, (int64_t[]){2, 3}));
  CT_FAILS_(ct_copy_non_blocking_(ro, dst), CT_ERR_INVALID_ARGUMENT, "ct_copy_non_blocking_");
  ct_tensor_release(ro);
  ct_tensor_release(ref);
  ct_tensor_release(dst);
  ct_tensor_release(ref_base);
  ct_tensor_release(base);
  ct_tensor_release(row);
  ct_tensor_release(src);
  MEM_END;
}
END_TEST

/* ---- with a GPU --------------------------------------------------------------------------- */

START_TEST(test_gpu_device) {
  if (!need_gpu("gpu_device")) return;
  MEM_BEGIN;
  int32_t count = 0, major = 0, minor = 0, sms = 0, dev = -1;
  int64_t total = 0, free_b = 0, total_b = 0;
  char name[256] = "", shortname[4] = "xxx";
  bool avail = false;
  CT_OK_(ct_cuda_is_available(&avail));
  ck_assert(avail);
  CT_OK_(ct_cuda_device_count(&count));
  ck_assert_int_ge(count, 1);
  CT_OK_(ct_cuda_device_name(name, sizeof name, 0));
  ck_assert_int_gt((int)strlen(name), 0);
  CT_OK_(ct_cuda_device_name(shortname, sizeof shortname, -1));
  ck_assert_int_eq((int)strlen(shortname), (int)(strlen(name) < 3 ? strlen(name) : 3));
  ck_assert(strncmp(shortname, name, strlen(shortname)) == 0);
  CT_OK_(ct_cuda_device_capability(&major, &minor, 0));
  ck_assert_int_ge(major, 3);
  ck_assert_int_ge(minor, 0);
  CT_OK_(ct_cuda_device_properties(&total, &sms, 0));
  ck_assert_int_gt(total, 0);
  ck_assert_int_gt(sms, 0);
  CT_OK_(ct_cuda_device_properties(NULL, NULL, 0));
  CT_OK_(ct_cuda_mem_get_info(&free_b, &total_b, 0));
  ck_assert_int_gt(total_b, 0);
  ck_assert_int_le(free_b, total_b);
  printf("# device 0: %s, sm_%d%d, %d SMs, %.1f GiB (%.1f GiB free)\n", name, (int)major, (int)minor,
         (int)sms, (double)total / (1 << 30), (double)free_b / (1 << 30));
  CT_OK_(ct_cuda_current_device(&dev));
  ck_assert_int_eq(dev, 0);
  CT_OK_(ct_cuda_set_device(0));
  CT_FAILS_(ct_cuda_set_device(count), CT_ERR_DEVICE, "ct_cuda_set_device");
  CT_FAILS_(ct_cuda_device_name(name, sizeof name, count), CT_ERR_DEVICE, "ct_cuda_device_name");
  CT_FAILS_(ct_cuda_device_capability(&major, &minor, 1000), CT_ERR_DEVICE, "ct_cuda_device_capability");
  CT_OK_(ct_cuda_synchronize(-1));
  CT_OK_(ct_cuda_synchronize(0));
  MEM_END;
}
END_TEST

/* x on the device, filled with 0, 1, ..., n-1 as float32. */
static ct_tensor *gpu_iota(int64_t n) {
  ct_tensor *t = NULL;
  CT_OK_(ct_arange(&t, 0, (double)n, 1, CT_FLOAT32, CT_DEVICE_CUDA, 0));
  return t;
}

START_TEST(test_gpu_streams) {
  if (!need_gpu("gpu_streams")) return;
  MEM_BEGIN;
  ct_cuda_stream *s = NULL, *cur = NULL, *dflt = NULL, *per_thread = NULL;
  void *h = NULL, *h2 = (void *)1;
  int32_t dev = -1;
  bool done = false;
  CT_OK_(ct_cuda_default_stream(&dflt, -1));
  CT_OK_(ct_cuda_stream_info(&h, &dev, dflt));
  ck_assert_ptr_null(h); /* the legacy default stream */
  ck_assert_int_eq(dev, 0);
  CT_OK_(ct_cuda_current_stream(&cur, 0));
  CT_OK_(ct_cuda_stream_info(&h2, NULL, cur));
  ck_assert_ptr_null(h2); /* current is the default until set */
  ct_cuda_stream_release(cur);

  CT_OK_(ct_cuda_stream_create(&s, -1, 0));
  CT_OK_(ct_cuda_stream_info(&h, &dev, s));
  ck_assert_ptr_nonnull(h);
  ck_assert_int_eq(dev, 0);
  CT_OK_(ct_cuda_stream_retain(s));
  ct_cuda_stream_release(s);
  CT_OK_(ct_cuda_set_stream(s));
  CT_OK_(ct_cuda_current_stream(&cur, -1));
  CT_OK_(ct_cuda_stream_info(&h2, NULL, cur));
  ck_assert_ptr_eq(h2, h);
  ct_cuda_stream_release(cur);

  /* Work on the stream: queries and synchronisation see it finish. */
  ct_tensor *a = gpu_iota(1 << 20), *b = NULL;
  CT_OK_(ct_mul(&b, a, a));
  CT_OK_(ct_cuda_stream_wait_stream(dflt, s));
  CT_OK_(ct_cuda_stream_synchronize(s));
  CT_OK_(ct_cuda_stream_query(&done, s));
  ck_assert(done);
  double v = 0;
  ct_tensor *last = NULL;
  CT_OK_(ct_select(&last, b, 0, (1 << 20) - 1));
  CT_OK_(ct_tensor_item_double(&v, last));
  ck_assert_double_eq(v, (double)((1 << 20) - 1) * (double)((1 << 20) - 1));
  ct_tensor_release(last);
  ct_tensor_release(b);
  ct_tensor_release(a);

  /* NULL restores the default stream; the thread's reference to s is dropped. */
  CT_OK_(ct_cuda_set_stream(NULL));
  CT_OK_(ct_cuda_current_stream(&cur, -1));
  CT_OK_(ct_cuda_stream_info(&h2, NULL, cur));
  ck_assert_ptr_null(h2);
  ct_cuda_stream_release(cur);
  ct_cuda_stream_release(s);

  /* A wrapped external handle: cudaStreamPerThread. */
  CT_OK_(ct_cuda_stream_from_handle(&per_thread, (void *)2, 0));
  CT_OK_(ct_cuda_stream_info(&h, &dev, per_thread));
  ck_assert_ptr_eq(h, (void *)2);
  CT_OK_(ct_cuda_stream_synchronize(per_thread));
  ct_cuda_stream_release(per_thread);
  CT_FAILS_(ct_cuda_stream_create(&s, 1000, 0), CT_ERR_DEVICE, "ct_cuda_stream_create");
  ct_cuda_stream_release(dflt);
  MEM_END;
}
END_TEST

START_TEST(test_gpu_events) {
  if (!need_gpu("gpu_events")) return;
  MEM_BEGIN;
  ct_cuda_event *start = NULL, *end = NULL, *plain = NULL;
  ct_cuda_stream *s = NULL;
  float ms = -1;
  bool done = false;
  CT_OK_(ct_cuda_event_create(&start, CT_CUDA_EVENT_TIMING));
  CT_OK_(ct_cuda_event_create(&end, CT_CUDA_EVENT_TIMING | CT_CUDA_EVENT_BLOCKING_SYNC));
  CT_OK_(ct_cuda_event_create(&plain, 0));
  CT_OK_(ct_cuda_stream_create(&s, 0, 0));
  CT_OK_(ct_cuda_event_record(start, NULL));
  ct_tensor *a = gpu_iota(1 << 22), *b = NULL;
  for (int i = 0; i < 10; i++) {
    CT_OK_(ct_add(&b, a, a, NULL, CT_DTYPE_NONE));
    ct_tensor_release(b);
  }
  CT_OK_(ct_cuda_event_record(end, NULL));
  CT_OK_(ct_cuda_event_record(plain, NULL));
  CT_OK_(ct_cuda_event_wait(plain, s)); /* s waits for the default stream's work */
  CT_OK_(ct_cuda_event_synchronize(end));
  CT_OK_(ct_cuda_event_query(&done, end));
  ck_assert(done);
  CT_OK_(ct_cuda_event_elapsed_time(&ms, start, end));
  ck_assert(ms >= 0 && ms < 60000);
  printf("# 10 float32 adds of 4M elements: %.3f ms\n", (double)ms);
  CT_FAILS_(ct_cuda_event_elapsed_time(&ms, start, plain), CT_ERR_INVALID_ARGUMENT, "ct_cuda_event_elapsed_time");
  CT_FAILS_(ct_cuda_event_create(&plain, CT_CUDA_EVENT_INTERPROCESS | 8), CT_ERR_INVALID_ARGUMENT, "flags");
  CT_OK_(ct_cuda_stream_synchronize(s));
  ct_tensor_release(a);
  ct_cuda_stream_release(s);
  ct_cuda_event_release(plain);
  ct_cuda_event_release(end);
  ct_cuda_event_release(start);
  MEM_END;
}
END_TEST

/* Allocated bytes on device 0 now. */
static int64_t gpu_allocated(void) {
  int64_t a = -1;
  CT_OK_(ct_cuda_memory_stats(&a, NULL, NULL, 0));
  return a;
}

START_TEST(test_gpu_memory_stats) {
  if (!need_gpu("gpu_memory_stats")) return;
  MEM_BEGIN;
  int64_t a0, r0, p0, a1, r1, p1, a2, r2;
  CT_OK_(ct_cuda_synchronize(-1));
  CT_OK_(ct_cuda_empty_cache());
  CT_OK_(ct_cuda_reset_peak_memory_stats(-1));
  CT_OK_(ct_cuda_memory_stats(&a0, &r0, &p0, -1));
  ck_assert_int_ge(r0, a0);
  ck_assert_int_eq(p0, a0);
  ct_tensor *t = NULL;
  CT_OK_(ct_zeros(&t, 1, (int64_t[]){1 << 22}, CT_FLOAT32, CT_DEVICE_CUDA, 0)); /* 16 MiB */
  CT_OK_(ct_cuda_memory_stats(&a1, &r1, &p1, 0));
  ck_assert_int_ge(a1 - a0, 16 << 20);
  ck_assert_int_ge(r1, a1);
  ck_assert_int_ge(p1, a1);
  ct_tensor_release(t);
  CT_OK_(ct_cuda_memory_stats(&a2, &r2, NULL, 0));
  ck_assert_int_eq(a2, a0);  /* back to tensors' use */
  ck_assert_int_ge(r2, a2);  /* the block stays cached */
  CT_OK_(ct_cuda_synchronize(-1));
  CT_OK_(ct_cuda_empty_cache());
  CT_OK_(ct_cuda_memory_stats(&a2, &r2, &p1, 0));
  ck_assert_int_eq(a2, a0);
  ck_assert_int_le(r2, r0);
  ck_assert_int_ge(p1, a0 + (16 << 20)); /* the peak stays until reset */
  CT_OK_(ct_cuda_reset_peak_memory_stats(0));
  CT_OK_(ct_cuda_memory_stats(NULL, NULL, &p1, 0));
  ck_assert_int_eq(p1, a0);
  CT_FAILS_(ct_cuda_memory_stats(&a2, NULL, NULL, 1000), CT_ERR_DEVICE, "ct_cuda_memory_stats");
  MEM_END;
}
END_TEST

START_TEST(test_gpu_pinned) {
  if (!need_gpu("gpu_pinned")) return;
  MEM_BEGIN;
  ct_tensor *x = NULL, *p = NULL, *d = NULL, *back = NULL, *dev = NULL;
  bool pinned = false;
  CT_OK_(ct_arange(&x, 0, 1000, 1, CT_FLOAT64, CT_DEVICE_NONE, -1));
  CT_OK_(ct_pin_memory(&p, x));
  CT_OK_(ct_tensor_is_pinned(&pinned, p));
  ck_assert(pinned);
  CT_OK_(ct_tensor_is_pinned(&pinned, x));
  ck_assert(!pinned);
  ct_device_type type = 0;
  int32_t index = -1;
  CT_OK_(ct_tensor_device(&type, &index, p));
  ck_assert_int_eq(type, CT_DEVICE_CPU);
  for (int64_t i = 0; i < 1000; i++) ck_assert_double_eq(value(p, i), (double)i);

  /* Host -> device -> host without waiting, then wait on the stream. */
  CT_OK_(ct_empty(&d, 1, (int64_t[]){1000}, CT_FLOAT64, CT_DEVICE_CUDA, 0));
  CT_OK_(ct_copy_non_blocking_(d, p));
  CT_OK_(ct_zeros(&back, 1, (int64_t[]){1000}, CT_FLOAT64, CT_DEVICE_NONE, -1));
  ct_tensor *pback = NULL;
  CT_OK_(ct_pin_memory(&pback, back));
  CT_OK_(ct_copy_non_blocking_(pback, d));
  ct_cuda_stream *cur = NULL;
  CT_OK_(ct_cuda_current_stream(&cur, 0));
  CT_OK_(ct_cuda_stream_synchronize(cur));
  ct_cuda_stream_release(cur);
  for (int64_t i = 0; i < 1000; i++) ck_assert_double_eq(value(pback, i), (double)i);

  /* Only CPU tensors can be pinned. */
  FAILS_NULL_(dev, ct_pin_memory(&dev, d), CT_ERR_DEVICE, "ct_pin_memory");
  ct_tensor_release(pback);
  ct_tensor_release(back);
  ct_tensor_release(d);
  ct_tensor_release(p);
  ct_tensor_release(x);
  MEM_END;
}
END_TEST

/* to("cuda") and back gives the same values and layout for every dtype and awkward shapes. */
START_TEST(test_gpu_to_and_back) {
  if (!need_gpu("gpu_to_and_back")) return;
  MEM_BEGIN;
  const struct {
    int32_t ndim;
    int64_t shape[3];
    bool transpose;
  } shapes[] = {{0, {0}, false}, {1, {0}, false}, {1, {17}, false}, {2, {3, 5}, true}, {3, {2, 0, 4}, false},
                {3, {4, 3, 2}, true}};
  for (ct_dtype dt = 0; dt < CT_DTYPE_COUNT; dt++) {
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
      ct_tensor *x = NULL, *v = NULL, *g = NULL, *back = NULL;
      int64_t n = 1;
      for (int32_t d = 0; d < shapes[k].ndim; d++) n *= shapes[k].shape[d];
      /* randint has no bool or complex form: those are converted from int64 draws. */
      bool convert = dt == CT_BOOL || dt == CT_COMPLEX64 || dt == CT_COMPLEX128;
      CT_OK_(ct_randint(&x, NULL, 0, 100, shapes[k].ndim, shapes[k].shape, convert ? CT_INT64 : dt, CT_DEVICE_NONE,
                        -1));
      if (convert) {
        ct_tensor *tmp = x;
        CT_OK_(ct_to(&x, tmp, dt, CT_DEVICE_NONE, -1, false));
        ct_tensor_release(tmp);
      }
      if (shapes[k].transpose) {
        CT_OK_(ct_transpose(&v, x, 0, shapes[k].ndim - 1));
      } else {
        CT_OK_(ct_tensor_retain(x));
        v = x;
      }
      CT_OK_(ct_to(&g, v, CT_DTYPE_NONE, CT_DEVICE_CUDA, -1, false));
      ct_device_type type = 0;
      int32_t index = -1;
      CT_OK_(ct_tensor_device(&type, &index, g));
      ck_assert_int_eq(type, CT_DEVICE_CUDA);
      ck_assert_int_eq(index, 0);
      ck_assert_int_eq(dtype_of(g), dt);
      CT_OK_(ct_to(&back, g, CT_DTYPE_NONE, CT_DEVICE_CPU, 0, false));
      ck_assert_int_eq(numel_of(back), n);
      for (int64_t i = 0; i < n; i++) {
        double z0[2], z1[2];
        elem(z0, v, i);
        elem(z1, back, i);
        ck_assert_msg(z0[0] == z1[0] && z0[1] == z1[1], "dtype %d shape case %zu element %lld differs", (int)dt, k,
                      (long long)i);
      }
      ct_tensor_release(back);
      ct_tensor_release(g);
      ct_tensor_release(v);
      ct_tensor_release(x);
    }
  }
  MEM_END;
}
END_TEST

START_TEST(test_gpu_print_and_item) {
  if (!need_gpu("gpu_print_and_item")) return;
  MEM_BEGIN;
  ct_tensor *t = NULL, *s = NULL, *c = NULL;
  char buf[512];
  size_t len = 0;
  CT_OK_(ct_arange(&t, 0, 3, 1, CT_FLOAT32, CT_DEVICE_CUDA, 0));
  CT_OK_(ct_tensor_format(buf, sizeof buf, &len, t, NULL));
  ck_assert_str_eq(buf, "tensor([0., 1., 2.], device='cuda:0')");
  double v = 0;
  int64_t iv = 0;
  CT_OK_(ct_full(&s, 0, NULL, (double[]){2.5}, CT_FLOAT64, CT_FLOAT64, CT_DEVICE_CUDA, 0));
  CT_OK_(ct_tensor_item_double(&v, s));
  ck_assert_double_eq(v, 2.5);
  CT_OK_(ct_tensor_format(buf, sizeof buf, &len, s, "torch."));
  ck_assert_str_eq(buf, "tensor(2.5000, device='cuda:0', dtype=torch.float64)");
  ct_tensor_release(s);
  CT_OK_(ct_full(&s, 1, (int64_t[]){1}, (int64_t[]){-7}, CT_INT64, CT_INT16, CT_DEVICE_CUDA, 0));
  CT_OK_(ct_tensor_item_int64(&iv, s));
  ck_assert_int_eq(iv, -7);
  CT_OK_(ct_full(&c, 0, NULL, (double[]){1.5, -2}, CT_COMPLEX128, CT_COMPLEX64, CT_DEVICE_CUDA, 0));
  double re = 0, im = 0;
  CT_OK_(ct_tensor_item_complex(&re, &im, c));
  ck_assert_double_eq(re, 1.5);
  ck_assert_double_eq(im, -2);
  ct_tensor_release(c);
  ct_tensor_release(s);
  ct_tensor_release(t);
  MEM_END;
}
END_TEST

/*
 * The caching allocator under two streams: tensors of random sizes are made
 * and dropped on two streams in turn, some of them used by the other stream
 * too, for 1000 rounds; at the end every byte is back and the values are
 * what the work wrote.
 */
START_TEST(test_gpu_allocator_two_streams) {
  if (!need_gpu("gpu_allocator_two_streams")) return;
  MEM_BEGIN;
  enum { LIVE = 24, ROUNDS = 1000 };
  ct_cuda_stream *streams[2] = {NULL, NULL};
  ct_tensor *live[LIVE] = {NULL};
  double expect[LIVE] = {0};
  CT_OK_(ct_cuda_synchronize(-1));
  int64_t a0 = gpu_allocated();
  CT_OK_(ct_cuda_stream_create(&streams[0], 0, 0));
  CT_OK_(ct_cuda_stream_create(&streams[1], 0, 0));
  uint64_t rng = 0x9e3779b97f4a7c15ull;
  for (int round = 0; round < ROUNDS; round++) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    int slot = (int)(rng % LIVE);
    int which = (int)((rng >> 8) & 1);
    CT_OK_(ct_cuda_set_stream(streams[which]));
    if (live[slot]) {
      /* Check a value (item synchronises with this stream after it waited for the other). */
      if ((rng >> 9) % 8 == 0) {
        CT_OK_(ct_cuda_stream_wait_stream(streams[which], streams[!which]));
        ct_tensor *e = NULL;
        double v = -1;
        CT_OK_(ct_select(&e, live[slot], 0, 0));
        CT_OK_(ct_tensor_item_double(&v, e));
        ck_assert_double_eq(v, expect[slot]);
        ct_tensor_release(e);
      }
      ct_tensor_release(live[slot]);
      live[slot] = NULL;
    } else {
      int64_t n = 1 + (int64_t)((rng >> 16) % (1u << ((rng >> 40) % 21)));
      double fill = (double)(round % 97);
      CT_OK_(ct_full(&live[slot], 1, &n, &fill, CT_FLOAT64, CT_FLOAT32, CT_DEVICE_CUDA, 0));
      CT_OK_(ct_add_scalar_(live[slot], (double[]){1}, CT_FLOAT64, NULL, CT_DTYPE_NONE));
      expect[slot] = fill + 1;
    }
  }
  CT_OK_(ct_cuda_set_stream(NULL));
  for (int i = 0; i < LIVE; i++) ct_tensor_release(live[i]);
  CT_OK_(ct_cuda_synchronize(-1));
  ck_assert_int_eq(gpu_allocated(), a0);
  ct_cuda_stream_release(streams[0]);
  ct_cuda_stream_release(streams[1]);
  CT_OK_(ct_cuda_empty_cache());
  ck_assert_int_eq(gpu_allocated(), a0);
  MEM_END;
}
END_TEST

int main(void) {
  const ct_test_case tests[] = {
    {"probes_without_gpu", test_probes_without_gpu},
    {"functions_without_gpu", test_functions_without_gpu},
    {"tensors_without_gpu", test_tensors_without_gpu},
    {"allow_tf32", test_allow_tf32},
    {"release_null", test_release_null},
    {"is_pinned_cpu", test_is_pinned_cpu},
    {"copy_non_blocking_cpu", test_copy_non_blocking_cpu},
    {"gpu_device", test_gpu_device},
    {"gpu_streams", test_gpu_streams},
    {"gpu_events", test_gpu_events},
    {"gpu_memory_stats", test_gpu_memory_stats},
    {"gpu_pinned", test_gpu_pinned},
    {"gpu_to_and_back", test_gpu_to_and_back},
    {"gpu_print_and_item", test_gpu_print_and_item},
    {"gpu_allocator_two_streams", test_gpu_allocator_two_streams},
  };
  Suite *s = suite_create("cuda");
  /* GPU cases copy and synchronise a lot; give them room. */
  const ct_test_tcase_opts opts = {NULL, NULL, 120};
  CT_TEST_ADD_CASES_(s, tests, &opts);
  return ct_test_run(s);
}
