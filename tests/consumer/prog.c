/*
 * prog.c: a program built outside the ctensor tree against the installed
 * library with nothing but `cc prog.c $(pkg-config --cflags --libs ctensor)`.
 *
 * It makes a tensor of every dtype, inspects, views, converts and prints it,
 * builds a few tensors the way the PyTorch tutorial does, triggers one error
 * of several kinds, releases everything and checks that no allocation is left.
 * tests/consumer/run.sh compares its standard output with expected.txt, which
 * gen_expected.py writes by doing the same in PyTorch; error messages (which
 * PyTorch cannot predict) go to standard error.
 */
#include <ctensor/ctensor.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Stops the program with the library's message when a call that should succeed fails. */
#define CHECK(call)                                                                              \
  do {                                                                                           \
    ct_status check_s_ = (call);                                                                 \
    if (check_s_ != CT_OK) {                                                                     \
      fprintf(stderr, "%s:%d: %s failed: %s: %s\n", __FILE__, __LINE__, #call,                   \
              ct_status_name(check_s_), ct_last_error_message());                                \
      exit(EXIT_FAILURE);                                                                        \
    }                                                                                            \
  } while (0)

static const char *py_bool(bool b) { return b ? "True" : "False"; }

static const char *dtype_name(ct_dtype dtype) {
  const char *name = NULL;
  CHECK(ct_dtype_name(&name, dtype));
  return name;
}

/* PyTorch's repr of t, with prefix before dtype names; the caller frees it. */
static char *format_prefixed(ct_tensor *t, const char *prefix) {
  size_t length = 0;
  CHECK(ct_tensor_format(NULL, 0, &length, t, prefix));
  char *buf = malloc(length + 1);
  if (!buf) {
    fprintf(stderr, "out of memory\n");
    exit(EXIT_FAILURE);
  }
  size_t again = 0;
  CHECK(ct_tensor_format(buf, length + 1, &again, t, prefix));
  if (again != length || strlen(buf) != length) {
    fprintf(stderr, "ct_tensor_format: length %zu then %zu, string of %zu\n", length, again,
            strlen(buf));
    exit(EXIT_FAILURE);
  }
  return buf;
}

/* PyTorch's repr of t with plain dtype names ("dtype=float64"). */
static char *format(ct_tensor *t) { return format_prefixed(t, ""); }

static void print_tensor(ct_tensor *t) {
  char *s = format(t);
  printf("%s\n", s);
  free(s);
}

/* Exactly PyTorch's repr ("dtype=torch.float64"). */
static void print_tensor_torch(ct_tensor *t) {
  char *s = format_prefixed(t, "torch.");
  printf("%s\n", s);
  free(s);
}

/* Prints what Python prints for t.dim(), t.shape, t.element_size(), ... */
static void describe(ct_tensor *t) {
  int32_t ndim = 0;
  int64_t shape[8], numel = 0, itemsize = 0, nbytes = 0;
  ct_dtype dtype = CT_DTYPE_NONE;
  bool contiguous = false, is_signed = false, is_floating = false, is_complex = false;

  CHECK(ct_tensor_ndim(&ndim, t));
  CHECK(ct_tensor_shape(shape, 8, t));
  CHECK(ct_tensor_numel(&numel, t));
  CHECK(ct_tensor_element_size(&itemsize, t));
  CHECK(ct_tensor_nbytes(&nbytes, t));
  CHECK(ct_tensor_dtype(&dtype, t));
  CHECK(ct_tensor_is_contiguous(&contiguous, t));
  CHECK(ct_dtype_is_signed(&is_signed, dtype));
  CHECK(ct_dtype_is_floating_point(&is_floating, dtype));
  CHECK(ct_dtype_is_complex(&is_complex, dtype));

  int64_t itemsize_of_dtype = 0;
  CHECK(ct_dtype_itemsize(&itemsize_of_dtype, dtype));
  if (itemsize_of_dtype != itemsize) {
    fprintf(stderr, "ct_dtype_itemsize %lld != ct_tensor_element_size %lld\n",
            (long long)itemsize_of_dtype, (long long)itemsize);
    exit(EXIT_FAILURE);
  }

  printf("dtype=%s ndim=%d shape=[", dtype_name(dtype), (int)ndim);
  for (int32_t i = 0; i < ndim; i++) printf("%s%lld", i ? ", " : "", (long long)shape[i]);
  printf("] itemsize=%lld numel=%lld nbytes=%lld contiguous=%s\n", (long long)itemsize,
         (long long)numel, (long long)nbytes, py_bool(contiguous));
  printf("is_signed=%s is_floating_point=%s is_complex=%s\n", py_bool(is_signed),
         py_bool(is_floating), py_bool(is_complex));
}

/* One dtype: a 2x3 tensor, its transpose (a strided view), and the round trip through float64. */
static void walk_dtype(ct_dtype dtype) {
  /* bool and uint8 get no negative values: converting those is not portable in PyTorch either. */
  static const double signed_values[6] = {0.0, 1.5, -2.0, 3.25, 100.0, -7.0};
  static const double unsigned_values[6] = {0.0, 1.5, 2.0, 3.25, 100.0, 7.0};
  const int64_t shape[2] = {2, 3};
  const int64_t t_shape[2] = {3, 2}, t_strides[2] = {1, 3};
  bool is_signed = false;
  ct_tensor *t = NULL, *tt = NULL, *wide = NULL, *back = NULL;

  CHECK(ct_dtype_is_signed(&is_signed, dtype));
  CHECK(ct_from_data(&t, is_signed ? signed_values : unsigned_values, CT_FLOAT64, 2, shape, dtype,
                     CT_DEVICE_NONE, -1));
  printf("== %s\n", dtype_name(dtype));
  describe(t);
  print_tensor(t);

  CHECK(ct_as_strided(&tt, t, 2, t_shape, t_strides, 0));
  bool shares = false;
  CHECK(ct_tensor_shares_storage(&shares, tt, t));
  printf("t() shares storage=%s\n", py_bool(shares));
  describe(tt);
  print_tensor(tt);

  CHECK(ct_to(&wide, tt, CT_FLOAT64, CT_DEVICE_NONE, -1, false));
  printf("t().to(float64):\n");
  print_tensor(wide);
  CHECK(ct_to(&back, wide, dtype, CT_DEVICE_NONE, -1, false));
  char *a = format(tt), *b = format(back);
  printf("round trip equal=%s\n", py_bool(strcmp(a, b) == 0));
  free(a);
  free(b);

  ct_tensor_release(back);
  ct_tensor_release(wide);
  ct_tensor_release(tt);
  ct_tensor_release(t);
}

/* Complex values with imaginary parts, and the real part that to(float64) keeps. */
static void walk_complex(ct_dtype dtype) {
  static const double values[6] = {1.0, 2.0, -0.5, -1.0, 0.0, 3.25}; /* re, im pairs */
  const int64_t shape[1] = {3};
  ct_tensor *z = NULL, *re = NULL;

  CHECK(ct_from_data(&z, values, CT_COMPLEX128, 1, shape, dtype, CT_DEVICE_NONE, -1));
  printf("== %s with imaginary parts\n", dtype_name(dtype));
  print_tensor(z);
  print_tensor_torch(z);
  CHECK(ct_to(&re, z, CT_FLOAT64, CT_DEVICE_NONE, -1, false));
  print_tensor(re);
  print_tensor_torch(re);
  ct_tensor_release(re);
  ct_tensor_release(z);
}

/* The tutorial's other tensors: ones(5), zeros(5, 3, dtype=long), a 0-d tensor, ... */
static void walk_factories(void) {
  const int64_t five[1] = {5}, five_three[2] = {5, 3}, none[1] = {0};
  const double value = 3.5;
  ct_dtype dflt = CT_DTYPE_NONE;
  ct_tensor *t = NULL;

  printf("== factories\n");
  CHECK(ct_get_default_dtype(&dflt));
  printf("default dtype=%s\n", dtype_name(dflt));

  CHECK(ct_ones(&t, 1, five, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  print_tensor(t);
  ct_tensor_release(t);

  CHECK(ct_full(&t, 1, five, &(double){2.0}, CT_FLOAT64, CT_FLOAT64, CT_DEVICE_NONE, -1));
  print_tensor(t);
  ct_tensor_release(t);

  CHECK(ct_zeros(&t, 2, five_three, CT_INT64, CT_DEVICE_NONE, -1));
  print_tensor(t);
  ct_tensor_release(t);

  CHECK(ct_full(&t, 0, NULL, &value, CT_FLOAT64, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  describe(t);
  print_tensor(t);
  ct_tensor_release(t);

  CHECK(ct_zeros(&t, 1, none, CT_INT64, CT_DEVICE_NONE, -1));
  describe(t);
  print_tensor(t);
  ct_tensor_release(t);

  CHECK(ct_arange(&t, 0.0, 10.0, 1.0, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  print_tensor(t);
  ct_tensor_release(t);

  CHECK(ct_linspace(&t, 0.0, 1.0, 5, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  print_tensor(t);
  ct_tensor_release(t);

  CHECK(ct_eye(&t, 3, -1, CT_INT32, CT_DEVICE_NONE, -1));
  print_tensor(t);
  ct_tensor_release(t);
}

/*
 * Prints the kind of error a call returned; the message goes to standard
 * error. The thread's error record must agree with the returned status and
 * its message must name the function.
 */
static void show_error(const char *what, ct_status status, const char *fn) {
  const char *msg = ct_last_error_message();
  bool agrees = ct_last_error_code() == status && strstr(msg, fn) != NULL;
  printf("%s -> %s (record agrees=%s)\n", what, ct_status_name(status), py_bool(agrees));
  fprintf(stderr, "%s: %s\n", what, msg);
}

static void walk_errors(void) {
  const int64_t bad_shape[2] = {2, -3}, shape[2] = {2, 3}, four[1] = {4};
  ct_tensor *t = NULL, *ok = NULL, *ro = NULL, *src = NULL;
  float buffer[4] = {1, 2, 3, 4};
  const char *name = NULL;
  int64_t size = 0;
  double value = 0.0;
  ct_device_type type = CT_DEVICE_NONE;
  int32_t index = 0;

  printf("== errors\n");
  t = (ct_tensor *)&t; /* a stale value, which the failing call must reset */
  show_error("zeros((2, -3))", ct_zeros(&t, 2, bad_shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1),
             "ct_zeros");
  printf("out is NULL=%s\n", py_bool(t == NULL));

  show_error("dtype 42", ct_dtype_name(&name, 42), "ct_dtype_name");

  CHECK(ct_zeros(&ok, 2, shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  show_error("size(5) of a 2-d tensor", ct_tensor_size(&size, ok, 5), "ct_tensor_size");
  show_error("item() of 6 elements", ct_tensor_item_double(&value, ok), "ct_tensor_item_double");
  show_error("device 'tpu'", ct_device_parse(&type, &index, "tpu"), "ct_device_parse");

  CHECK(ct_from_blob(&ro, buffer, 1, four, NULL, CT_FLOAT32, CT_DEVICE_CPU, 0, NULL, NULL,
                     CT_BLOB_READ_ONLY));
  CHECK(ct_zeros(&src, 1, four, CT_FLOAT32, CT_DEVICE_NONE, -1));
  show_error("copy_ into a read-only tensor", ct_copy_(ro, src), "ct_copy_");
  print_tensor(ro);

  show_error("retain(NULL)", ct_tensor_retain(NULL), "ct_tensor_retain");
  ct_tensor_release(NULL);

  ct_clear_error();
  printf("after clear: %s \"%s\"\n", ct_status_name(ct_last_error_code()), ct_last_error_message());

  ct_tensor_release(src);
  ct_tensor_release(ro);
  ct_tensor_release(ok);
}

int main(void) {
  printf("abi level >= %d: %s\n", (int)CT_ABI_VERSION, py_bool(ct_abi_version() >= CT_ABI_VERSION));
  fprintf(stderr, "ctensor %s\n", ct_version());

  for (ct_dtype dtype = 0; dtype < CT_DTYPE_COUNT; dtype++) walk_dtype(dtype);
  walk_complex(CT_COMPLEX64);
  walk_complex(CT_COMPLEX128);
  walk_factories();
  walk_errors();

  int64_t live_blocks = -1, live_bytes = -1;
  CHECK(ct_memory_stats(&live_blocks, &live_bytes, NULL));
  printf("live blocks=%lld bytes=%lld\n", (long long)live_blocks, (long long)live_bytes);
  return live_blocks == 0 && live_bytes == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
