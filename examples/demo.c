/*
 * demo.c: the tensor examples of the PyTorch tutorial ("60 minutes to
 * PyTorch"), written against ctensor's C API. Build and run with `make demo`,
 * or against an installed ctensor:
 *
 *   cc demo.c $(pkg-config --cflags --libs ctensor) && ./a.out
 *
 * Every ctensor call returns a status; CHECK() stops the program with the
 * library's message when one fails. Every tensor made is released at the end.
 */
#include <ctensor/ctensor.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static void check(ct_status status, const char *call) {
  if (status != CT_OK) {
    fprintf(stderr, "demo: %s failed with %s: %s\n", call, ct_status_name(status),
            ct_last_error_message());
    exit(EXIT_FAILURE);
  }
}
#define CHECK(call) check((call), #call)

/* Prints "label" and PyTorch's repr of t. */
static void show(const char *label, ct_tensor *t) {
  char small[256];
  size_t length = 0;
  /* Like snprintf: length is the full length, whatever fits in the buffer. */
  CHECK(ct_tensor_format(small, sizeof small, &length, t, ""));
  if (length < sizeof small) {
    printf("%s\n%s\n\n", label, small);
    return;
  }
  char *big = malloc(length + 1);
  if (big == NULL) {
    fprintf(stderr, "demo: out of memory\n");
    exit(EXIT_FAILURE);
  }
  CHECK(ct_tensor_format(big, length + 1, &length, t, ""));
  printf("%s\n%s\n\n", label, big);
  free(big);
}

int main(void) {
  const int64_t five_three[2] = {5, 3};
  const int64_t five[1] = {5};

  /* x = torch.empty(5, 3): memory is not initialised, so only its size is shown. */
  ct_tensor *empty = NULL;
  CHECK(ct_empty(&empty, 2, five_three, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  int64_t rows = 0, cols = 0;
  CHECK(ct_tensor_size(&rows, empty, 0));
  CHECK(ct_tensor_size(&cols, empty, 1));
  printf("x = torch.empty(5, 3): uninitialised, size [%lld, %lld]\n\n", (long long)rows,
         (long long)cols);

  /* torch.rand(5, 3): the default generator (NULL), seeded as PyTorch's. */
  ct_tensor *rand = NULL;
  CHECK(ct_rand(&rand, NULL, 2, five_three, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  show("x = torch.rand(5, 3)", rand);

  ct_tensor *zeros = NULL;
  CHECK(ct_zeros(&zeros, 2, five_three, CT_INT64, CT_DEVICE_NONE, -1));
  show("x = torch.zeros(5, 3, dtype=torch.long)", zeros);

  /* torch.tensor([5.5, 3]): host data (here doubles) copied into the default dtype, float32. */
  const double values[2] = {5.5, 3.0};
  const int64_t two[1] = {2};
  ct_tensor *x = NULL;
  CHECK(ct_from_data(&x, values, CT_FLOAT64, 1, two, CT_FLOAT32, CT_DEVICE_NONE, -1));
  show("x = torch.tensor([5.5, 3])", x);

  ct_tensor *ones_double = NULL;
  CHECK(ct_new_ones(&ones_double, x, 2, five_three, CT_FLOAT64, CT_DEVICE_NONE, -1));
  show("x = x.new_ones(5, 3, dtype=torch.double)", ones_double);

  ct_tensor *like = NULL;
  CHECK(ct_randn_like(&like, ones_double, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  show("x = torch.randn_like(x, dtype=torch.float)", like);

  int32_t ndim = 0;
  int64_t shape[2] = {0, 0};
  CHECK(ct_tensor_ndim(&ndim, like));
  CHECK(ct_tensor_shape(shape, 2, like));
  printf("x.size()\ntorch.Size([%lld, %lld])  (%d dimensions)\n\n", (long long)shape[0],
         (long long)shape[1], (int)ndim);

  ct_tensor *a = NULL;
  CHECK(ct_ones(&a, 1, five, CT_DTYPE_NONE, CT_DEVICE_NONE, -1));
  show("a = torch.ones(5)", a);

  /* Non-default dtypes are named after the values, as PyTorch prints them. */
  const double two_value = 2.0;
  ct_tensor *b = NULL;
  CHECK(ct_full(&b, 1, five, &two_value, CT_FLOAT64, CT_FLOAT64, CT_DEVICE_NONE, -1));
  show("b = torch.full((5,), 2.0, dtype=torch.float64)", b);

  /* .to() changes the dtype and/or the device; here: to the CPU and to double. */
  ct_tensor *as_double = NULL;
  CHECK(ct_to(&as_double, x, CT_FLOAT64, CT_DEVICE_CPU, 0, false));
  show("x = torch.tensor([5.5, 3]); x.to(\"cpu\", torch.double)", as_double);

  bool cuda = false;
  CHECK(ct_backend_available(&cuda, CT_DEVICE_CUDA));
  printf("torch.cuda.is_available()\n%s\n\n", cuda ? "True" : "False");

  /* Errors: a status code, and a message naming the function and the bad argument. */
  const int64_t bad_shape[2] = {5, -3};
  ct_tensor *bad = NULL;
  ct_status status = ct_zeros(&bad, 2, bad_shape, CT_DTYPE_NONE, CT_DEVICE_NONE, -1);
  printf("torch.zeros(5, -3)\n%s: %s\n", ct_status_name(status), ct_last_error_message());

  ct_tensor_release(as_double);
  ct_tensor_release(b);
  ct_tensor_release(a);
  ct_tensor_release(like);
  ct_tensor_release(ones_double);
  ct_tensor_release(x);
  ct_tensor_release(zeros);
  ct_tensor_release(rand);
  ct_tensor_release(empty);
  return status == CT_ERR_INVALID_ARGUMENT ? EXIT_SUCCESS : EXIT_FAILURE;
}
