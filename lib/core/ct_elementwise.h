/*
 * ct_elementwise.h: the elementwise family: the op list, op descriptions for
 * the front end (ct_elementwise.c), the call handed to a backend, and its
 * kernel table.
 *
 * The front end resolves everything PyTorch decides per call (broadcast
 * shape, result dtype by promotion, the dtype a kernel computes in, output
 * allocation or checks of a given output) and hands the backend one
 * ct__ew_call: an output and up to three inputs seen through the output's
 * shape (broadcast dims with stride 0), whatever their dtypes. The backend
 * converts operands to and from the kernel's dtypes as it goes.
 */
#ifndef CT_ELEMENTWISE_H
#define CT_ELEMENTWISE_H

#include "ct_internal.h"

enum { CT__EW_MAX_IN = 3, CT__EW_MAX_SCALARS = 3 };

#include "ct_ew_list.h"

#define CT__EW_ENUM(ID, name, nin, flags, dtypes, cost) CT__EW_##ID,
enum { CT__EW_OPS(CT__EW_ENUM) CT__EW_OP_COUNT };
#undef CT__EW_ENUM

/* One value of a kernel's compute dtype (or of the dtype a scalar was given in). */
typedef union ct__ew_value {
  unsigned char bytes[16];
  double d[2];
  float f[2];
  int64_t i64;
} ct__ew_value;

struct ct__ew_params;

/*
 * A per-call hook of an op, run once the result dtype is known and before
 * anything is allocated: it checks what depends on that dtype (add's alpha,
 * pow's integer exponent) and may fill in params (nan_to_num's defaults).
 */
typedef ct_status (*ct__ew_prepare_fn)(ct_dtype result, struct ct_tensor *const *in,
                                       struct ct__ew_params *p, const char *fn);

/*
 * Scalar parameters of an op (alpha, nan_to_num's values, softplus's beta
 * and threshold, round's 10^decimals) and integer options. The caller fills
 * raw[] with (value, dtype); the front end converts each to the kernel's
 * compute dtype into value[] before the kernel runs. fault is set by the
 * backend for the kernel: a kernel that meets an error it cannot return
 * (integer division by zero) stores CT__EW_FAULT_* there.
 */
typedef struct ct__ew_params {
  int32_t nscalars;
  ct__ew_value raw[CT__EW_MAX_SCALARS];
  ct_dtype raw_dtype[CT__EW_MAX_SCALARS];
  ct__ew_value value[CT__EW_MAX_SCALARS];
  int64_t option[2];
  ct__ew_prepare_fn prepare; /* NULL: none */
  atomic_int *fault;
} ct__ew_params;

enum { CT__EW_FAULT_NONE = 0, CT__EW_FAULT_ZERO_DIVISION = 1 };

/*
 * A kernel: out = op(in...) over n elements; data[0] is the output (of the
 * kernel's out dtype), data[1..nin] the inputs (of their kernel dtypes), each
 * advancing by bstrides[k] bytes. It must give the same results for any
 * strides (contiguous runs may take a faster path sharing the op body).
 */
typedef void (*ct__ew_kernel)(char **data, const int64_t *bstrides, int64_t n, const ct__ew_params *p);

typedef struct ct__ew_call {
  int32_t op;
  int32_t nin;
  struct ct_tensor *out;                  /* the output (written); its shape is the broadcast shape */
  const struct ct_tensor *in[CT__EW_MAX_IN]; /* the inputs as given */
  const int64_t *in_strides[CT__EW_MAX_IN];  /* their strides (elements) over out's shape, 0 where broadcast */
  ct_dtype kernel_in[CT__EW_MAX_IN];      /* the dtype the kernel reads each input in */
  ct_dtype kernel_out;                    /* the dtype the kernel writes */
  ct_dtype compute;                       /* the kernel's compute dtype (selects the kernel) */
  const ct__ew_params *params;
  const char *fn;                         /* the public function, for messages */
} ct__ew_call;

struct ct_backend_elementwise_i {
  /* Runs a resolved call; operands may overlap only as identical views. */
  ct_status (*run)(const ct__ew_call *call);
};

/* ---- op descriptions and the front end ------------------------------------------------------ */

typedef struct ct__ew_info {
  int32_t op;       /* the backend's op id */
  int32_t nin;      /* 1, 2 or 3 */
  uint32_t flags;   /* CT__EW_* */
  uint32_t dtypes;  /* CT__DT bits of the promoted dtypes supported */
} ct__ew_info;

/* Every op's description, from CT__EW_OPS, indexed by op id. */
extern const ct__ew_info ct__ew_infos[CT__EW_OP_COUNT];

enum { CT__EW_FUNCTIONAL = 0, CT__EW_INPLACE = 1, CT__EW_OUT_GIVEN = 2 };

/*
 * The front end shared by every elementwise op. mode CT__EW_FUNCTIONAL
 * allocates *result; CT__EW_INPLACE writes out (in[0] when out is NULL),
 * which must be one of the inputs; CT__EW_OUT_GIVEN writes out. in[] holds
 * info->nin tensors, not yet validated (NULLs are reported by their names[],
 * or as "input k" when names is NULL). params may be NULL (no scalars, no
 * options, no prepare hook).
 */
ct_status ct__ew(const ct__ew_info *info, int32_t mode, struct ct_tensor **result, struct ct_tensor *out,
                 struct ct_tensor *const *in, ct__ew_params *params, const char *const *names, const char *fn);

/* The dtype a kernel computes in for a promoted dtype: float16 and bfloat16 compute in float32. */
static inline ct_dtype ct__ew_compute_dtype(ct_dtype d) {
  return d == CT_FLOAT16 || d == CT_BFLOAT16 ? CT_FLOAT32 : d;
}

/*
 * A 0-d CPU "wrapped number" tensor living on the caller's stack, for the
 * scalar forms of binary ops: no allocation, never released (its reference
 * counts stay above zero). The tensor is the last member because it ends in
 * a flexible array (a GCC/Clang extension inside a struct).
 */
typedef struct ct__ew_scalar {
  ct_storage storage;
  ct__ew_value value;
  struct ct_tensor tensor;
} ct__ew_scalar;

/*
 * Makes *t a wrapped number holding one value of dtype (copied into sc).
 * Errors name fn and arg: value NULL, dtype out of range.
 */
ct_status ct__ew_scalar_init(ct__ew_scalar *sc, struct ct_tensor **t, const void *value, ct_dtype dtype,
                             const char *fn, const char *arg);

#endif /* CT_ELEMENTWISE_H */
