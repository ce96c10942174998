/*
 * example.c: the small program shared by every ctensor binding (issue 5):
 * create, fill, add, matmul, reduce, print and a DLPack round trip. The same
 * program is in example.py, rust/ and julia/example.jl; all of them print
 * exactly the text of expected.txt (the tensor text comes from the C
 * formatter, ct_tensor_format, in every language).
 *
 * Build and run with `make examples`, or against an installed ctensor:
 *
 *   cc example.c $(pkg-config --cflags --libs ctensor) && ./a.out
 *
 * Every call's status is checked: on failure the library's message goes to
 * stderr and the program exits with status 1. Every tensor is released.
 */
#include <ctensor/ctensor.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

static void check(ct_status status, const char *call) {
  if (status != CT_OK) {
    fprintf(stderr, "example: %s failed with %s: %s\n", call, ct_status_name(status),
            ct_last_error_message());
    exit(EXIT_FAILURE);
  }
}
#define CHECK(call) check((call), #call)

/* Prints the label line, then t's text (PyTorch's repr, from the C formatter). */
static void show(const char *label, ct_tensor *t) {
  size_t length = 0;
  /* Like snprintf: a first call with size 0 gives the length. */
  CHECK(ct_tensor_format(NULL, 0, &length, t, ""));
  char *text = malloc(length + 1);
  if (text == NULL) {
    fprintf(stderr, "example: out of memory\n");
    exit(EXIT_FAILURE);
  }
  CHECK(ct_tensor_format(text, length + 1, &length, t, ""));
  printf("%s\n%s\n", label, text);
  free(text);
}

int main(void) {
  const int64_t two_three[2] = {2, 3};

  /* 1. a = arange(6) as float32, reshaped to [2, 3]. */
  ct_tensor *flat = NULL, *a = NULL;
  CHECK(ct_arange(&flat, 0.0, 6.0, 1.0, CT_FLOAT32, CT_DEVICE_NONE, -1));
  CHECK(ct_view(&a, flat, 2, two_three));
  show("a =", a);

  /* 2. b = full([2, 3], 2.0) as float32. */
  const double two = 2.0;
  ct_tensor *b = NULL;
  CHECK(ct_full(&b, 2, two_three, &two, CT_FLOAT64, CT_FLOAT32, CT_DEVICE_NONE, -1));
  show("b =", b);

  /* 3. c = a + b (alpha NULL: 1). */
  ct_tensor *c = NULL;
  CHECK(ct_add(&c, a, b, NULL, CT_DTYPE_NONE));
  show("a + b =", c);

  /* 4. m = c @ c.T */
  ct_tensor *ct = NULL, *m = NULL;
  CHECK(ct_t(&ct, c));
  CHECK(ct_matmul(&m, c, ct));
  show("c @ c.T =", m);

  /* 5. s = the sum of all elements (no dims: every dim). */
  ct_tensor *s = NULL;
  CHECK(ct_sum(&s, c, NULL, 0, false, CT_DTYPE_NONE));
  show("sum =", s);

  /* 6. r = the mean over dim 1. */
  const int64_t dim1[1] = {1};
  ct_tensor *r = NULL;
  CHECK(ct_mean(&r, c, dim1, 1, false, CT_DTYPE_NONE));
  show("mean(dim=1) =", r);

  /* 7. DLPack round trip: export c as a versioned managed tensor sharing its memory,
   *    import it back as d (d takes the managed tensor over: its deleter runs when d dies). */
  DLManagedTensorVersioned *managed = NULL;
  CHECK(ct_to_dlpack_versioned(&managed, c, CT_DLPACK_COPY_NEVER, CT_DEVICE_NONE, -1));
  ct_tensor *d = NULL;
  CHECK(ct_from_dlpack_versioned(&d, managed));
  void *c_data = NULL, *d_data = NULL;
  CHECK(ct_tensor_data_ptr(&c_data, c));
  CHECK(ct_tensor_data_ptr(&d_data, d));
  printf("dlpack round trip: same memory = %s\n", c_data == d_data ? "true" : "false");

  /* d += 1 in place, seen through c (alpha NULL: 1). */
  const double one = 1.0;
  CHECK(ct_add_scalar_(d, &one, CT_FLOAT64, NULL, CT_DTYPE_NONE));
  show("c after d += 1 =", c);

  /* 8. */
  printf("done\n");

  ct_tensor_release(d);
  ct_tensor_release(r);
  ct_tensor_release(s);
  ct_tensor_release(m);
  ct_tensor_release(ct);
  ct_tensor_release(c);
  ct_tensor_release(b);
  ct_tensor_release(a);
  ct_tensor_release(flat);
  return EXIT_SUCCESS;
}
