/*
 * cuda_bench.c: ctensor's CUDA backend from C (bench/README.md; issue 6).
 *
 * Cases: float32 add at 2^20 .. 2^27 elements (GB/s, and the share of the
 * device-to-device copy bandwidth measured the same way with ct_copy_ of a
 * contiguous tensor, which is a cudaMemcpy), float32 sum (same), softmax
 * over the rows of 4096 x 4096, matmul of 4096 x 4096 in float32 and
 * bfloat16 (TFLOP/s), and the host-side cost of a tiny op (ct_add on
 * 1-element CUDA tensors, microseconds per call; the target is < 3).
 *
 * Device times come from CUDA events around R back-to-back calls on the
 * current stream, after a warmup, as the median of N such samples. Results
 * print as a table and as one JSON object a line ("JSON {...}"), which
 * bench/cuda_bench.py --c-bench reads to put them beside PyTorch's.
 * Without a usable GPU it prints "SKIP: no CUDA device: <why>" and exits 0.
 *
 * Options: CT_BENCH_MAX_LOG2=N caps the add/sum sizes at 2^N (default 27),
 * CT_BENCH_SAMPLES=N (default 15).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctensor/ctensor.h"

static int samples = 15;

/* Exits with the failing call and the library's message: a benchmark has no use for partial results. */
static void check(ct_status s, const char *what) {
  if (s == CT_OK) return;
  fprintf(stderr, "cuda_bench: %s failed: %s (%s)\n", what, ct_status_name(s), ct_last_error_message());
  exit(1);
}
#define CHECK(call) check((call), #call)

typedef void (*bench_fn)(void *ctx);

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/*
 * Median milliseconds per call of fn(ctx): warmup calls, then `samples` samples of `reps`
 * back-to-back calls each between two events on the current stream.
 */
static double time_device(bench_fn fn, void *ctx, int reps) {
  ct_cuda_event *start, *end;
  CHECK(ct_cuda_event_create(&start, CT_CUDA_EVENT_TIMING));
  CHECK(ct_cuda_event_create(&end, CT_CUDA_EVENT_TIMING));
  for (int i = 0; i < 3; i++) fn(ctx);
  CHECK(ct_cuda_synchronize(-1));
  double *t = calloc((size_t)samples, sizeof *t);
  for (int s = 0; s < samples; s++) {
    float ms = 0;
    CHECK(ct_cuda_event_record(start, NULL));
    for (int r = 0; r < reps; r++) fn(ctx);
    CHECK(ct_cuda_event_record(end, NULL));
    CHECK(ct_cuda_event_synchronize(end));
    CHECK(ct_cuda_event_elapsed_time(&ms, start, end));
    t[s] = (double)ms / reps;
  }
  qsort(t, (size_t)samples, sizeof *t, cmp_double);
  double med = t[samples / 2];
  free(t);
  ct_cuda_event_release(start);
  ct_cuda_event_release(end);
  return med;
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

typedef struct operands {
  ct_tensor *a, *b, *out;
} operands;

static void run_copy(void *c) {
  operands *o = c;
  CHECK(ct_copy_(o->out, o->a));
}
static void run_add(void *c) {
  operands *o = c;
  CHECK(ct_add_out(o->out, o->a, o->b, NULL, CT_DTYPE_NONE));
}
static void run_sum(void *c) {
  operands *o = c;
  CHECK(ct_sum_out(o->out, o->a, NULL, 0, false, CT_DTYPE_NONE));
}
static void run_softmax(void *c) {
  operands *o = c;
  CHECK(ct_softmax_out(o->out, o->a, -1, CT_DTYPE_NONE));
}
static void run_matmul(void *c) {
  operands *o = c;
  CHECK(ct_matmul_out(o->out, o->a, o->b));
}

static void result(const char *name, const char *metric, double value, const char *unit, double ms,
                   const char *extra) {
  printf("%-34s %12.2f %-8s %10.4f ms  %s\n", name, value, unit, ms, extra ? extra : "");
  printf("JSON {\"lib\": \"ctensor-c\", \"case\": \"%s\", \"metric\": \"%s\", \"value\": %.6g, \"unit\": \"%s\", "
         "\"ms\": %.6g}\n",
         name, metric, value, unit, ms);
}

static ct_tensor *device_randn(int32_t ndim, const int64_t *shape, ct_dtype dt) {
  ct_tensor *t;
  CHECK(ct_randn(&t, NULL, ndim, shape, dt, CT_DEVICE_CUDA, 0));
  return t;
}

int main(void) {
  bool avail = false;
  ct_cuda_is_available(&avail);
  if (!avail) {
    ct_tensor *t = NULL;
    ct_status s = ct_empty(&t, 0, NULL, CT_FLOAT32, CT_DEVICE_CUDA, 0);
    ct_tensor_release(t);
    printf("SKIP: no CUDA device: %s\n", s != CT_OK ? ct_last_error_message() : "the module reports none");
    return 0;
  }
  if (getenv("CT_BENCH_SAMPLES")) samples = atoi(getenv("CT_BENCH_SAMPLES")) > 0 ? atoi(getenv("CT_BENCH_SAMPLES")) : 15;
  int max_log2 = getenv("CT_BENCH_MAX_LOG2") ? atoi(getenv("CT_BENCH_MAX_LOG2")) : 27;
  char name[256] = "";
  int32_t major = 0, minor = 0;
  CHECK(ct_cuda_device_name(name, sizeof name, 0));
  CHECK(ct_cuda_device_capability(&major, &minor, 0));
  printf("# ctensor CUDA benchmark on %s (sm_%d%d), median of %d samples\n", name, (int)major, (int)minor, samples);
  printf("%-34s %12s %-8s %13s\n", "case", "value", "unit", "time");

  /* Bandwidth: add and sum against a plain device copy of the same size. */
  for (int lg = 20; lg <= max_log2; lg++) {
    int64_t n = (int64_t)1 << lg;
    operands o = {device_randn(1, &n, CT_FLOAT32), device_randn(1, &n, CT_FLOAT32), NULL};
    CHECK(ct_empty(&o.out, 1, &n, CT_FLOAT32, CT_DEVICE_CUDA, 0));
    int reps = lg < 24 ? 20 : 5;
    double bytes = 4.0 * (double)n;
    double t_copy = time_device(run_copy, &o, reps);
    double copy_gbs = 2 * bytes / (t_copy * 1e6);
    double t_add = time_device(run_add, &o, reps);
    double add_gbs = 3 * bytes / (t_add * 1e6);
    ct_tensor_release(o.out);
    CHECK(ct_empty(&o.out, 0, NULL, CT_FLOAT32, CT_DEVICE_CUDA, 0));
    double t_sum = time_device(run_sum, &o, reps);
    double sum_gbs = bytes / (t_sum * 1e6);
    char label[64], extra[64];
    snprintf(label, sizeof label, "copy float32 2^%d", lg);
    result(label, "GB/s", copy_gbs, "GB/s", t_copy, "(device-to-device copy)");
    snprintf(label, sizeof label, "add float32 2^%d", lg);
    snprintf(extra, sizeof extra, "%.0f%% of copy", 100 * add_gbs / copy_gbs);
    result(label, "GB/s", add_gbs, "GB/s", t_add, extra);
    snprintf(label, sizeof label, "sum float32 2^%d", lg);
    snprintf(extra, sizeof extra, "%.0f%% of copy", 100 * sum_gbs / copy_gbs);
    result(label, "GB/s", sum_gbs, "GB/s", t_sum, extra);
    ct_tensor_release(o.a);
    ct_tensor_release(o.b);
    ct_tensor_release(o.out);
    CHECK(ct_cuda_empty_cache());
  }

  /* Softmax over the rows of 4096 x 4096. */
  {
    const int64_t sh[2] = {4096, 4096};
    operands o = {device_randn(2, sh, CT_FLOAT32), NULL, NULL};
    CHECK(ct_empty(&o.out, 2, sh, CT_FLOAT32, CT_DEVICE_CUDA, 0));
    double t = time_device(run_softmax, &o, 10);
    result("softmax float32 4096x4096 dim=-1", "GB/s", 2 * 4.0 * 4096 * 4096 / (t * 1e6), "GB/s", t, NULL);
    ct_tensor_release(o.a);
    ct_tensor_release(o.out);
  }

  /* Matrix products (TF32 off, PyTorch's default). */
  const ct_dtype mm_dtypes[] = {CT_FLOAT32, CT_BFLOAT16, CT_FLOAT16};
  const char *mm_names[] = {"matmul float32 4096", "matmul bfloat16 4096", "matmul float16 4096"};
  for (int k = 0; k < 3; k++) {
    const int64_t sh[2] = {4096, 4096};
    operands o = {device_randn(2, sh, mm_dtypes[k]), device_randn(2, sh, mm_dtypes[k]), NULL};
    CHECK(ct_empty(&o.out, 2, sh, mm_dtypes[k], CT_DEVICE_CUDA, 0));
    double t = time_device(run_matmul, &o, 5);
    result(mm_names[k], "TFLOP/s", 2.0 * 4096 * 4096 * 4096 / (t * 1e9), "TFLOP/s", t, NULL);
    ct_tensor_release(o.a);
    ct_tensor_release(o.b);
    ct_tensor_release(o.out);
  }

  /* Host cost of a tiny op: ct_add on 1-element tensors, a new result each call, as PyTorch's a + b. */
  {
    const int64_t one = 1;
    ct_tensor *a = device_randn(1, &one, CT_FLOAT32), *b = device_randn(1, &one, CT_FLOAT32), *c;
    for (int i = 0; i < 1000; i++) {
      CHECK(ct_add(&c, a, b, NULL, CT_DTYPE_NONE));
      ct_tensor_release(c);
    }
    CHECK(ct_cuda_synchronize(-1));
    double best = INFINITY;
    for (int s = 0; s < 5; s++) {
      const int calls = 20000;
      double t0 = now_s();
      for (int i = 0; i < calls; i++) {
        CHECK(ct_add(&c, a, b, NULL, CT_DTYPE_NONE));
        ct_tensor_release(c);
      }
      double us = (now_s() - t0) * 1e6 / calls;
      if (us < best) best = us;
      CHECK(ct_cuda_synchronize(-1)); /* do not let the queue grow across samples */
    }
    result("tiny add host cost (1 element)", "us/call", best, "us/call", best / 1000,
           best < 3 ? "(target < 3 us: met)" : "(target < 3 us: MISSED)");
    ct_tensor_release(a);
    ct_tensor_release(b);
  }
  return 0;
}
