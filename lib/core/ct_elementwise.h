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

/* How an op's dtypes follow from its inputs' promoted dtype (result_type). */
enum {
  CT__EW_INT_TO_FLOAT = 1 << 0, /* bool and integer results become the default float dtype */
  CT__EW_OUT_BOOL = 1 << 1,     /* the output is bool (comparisons, logical ops, isnan, ...) */
  CT__EW_OUT_REAL = 1 << 2,     /* complex results give their real dtype (abs, angle) */
  CT__EW_COND_FIRST = 1 << 3,   /* in[0] is a condition read as bool, outside promotion (where) */
  CT__EW_BOOL_COMPUTE = 1 << 4  /* logical ops: inputs are read as bool (compute dtype bool) */
};

/* A bit per dtype for the dtypes an op supports, by the promoted (logical) dtype. */
#define CT__DT(d) (1u << (d))
#define CT__DT_BOOL CT__DT(CT_BOOL)
#define CT__DT_INTEGRAL (CT__DT(CT_UINT8) | CT__DT(CT_INT8) | CT__DT(CT_INT16) | CT__DT(CT_INT32) | CT__DT(CT_INT64))
#define CT__DT_FLOATING (CT__DT(CT_FLOAT16) | CT__DT(CT_BFLOAT16) | CT__DT(CT_FLOAT32) | CT__DT(CT_FLOAT64))
#define CT__DT_COMPLEX (CT__DT(CT_COMPLEX64) | CT__DT(CT_COMPLEX128))
#define CT__DT_ALL (CT__DT_BOOL | CT__DT_INTEGRAL | CT__DT_FLOATING | CT__DT_COMPLEX)
#define CT__DT_REAL (CT__DT_INTEGRAL | CT__DT_FLOATING)           /* no bool, no complex */
#define CT__DT_NOCPX (CT__DT_BOOL | CT__DT_INTEGRAL | CT__DT_FLOATING)
#define CT__DT_NUMBER (CT__DT_INTEGRAL | CT__DT_FLOATING | CT__DT_COMPLEX) /* no bool */
#define CT__DT_FC (CT__DT_FLOATING | CT__DT_COMPLEX)
#define CT__DT_BI (CT__DT_BOOL | CT__DT_INTEGRAL)

/*
 * The ops: X(ID, name, nin, flags, dtypes, cost). ID names the enum value
 * CT__EW_<ID>; dtypes are the CT__DT bits of the promoted dtypes (after
 * CT__EW_INT_TO_FLOAT) the op supports; cost is a rough count of cheap
 * operations per element, which sets the size below which a call stays on
 * one thread. Append-only is not needed (the ids are internal), but every
 * backend's kernel table is indexed by them.
 */
#define CT__EW_OPS(X)                                                                            \
  X(ADD, add, 2, 0, CT__DT_ALL, 1)                                                               \
  X(SUB, sub, 2, 0, CT__DT_NUMBER, 1)                                                            \
  X(MUL, mul, 2, 0, CT__DT_ALL, 1)                                                               \
  X(SQUARE, square, 2, 0, CT__DT_NUMBER, 1) /* pow(x, 2): in[1] is the 2 */                     \
  X(DIV, div, 2, CT__EW_INT_TO_FLOAT, CT__DT_FC, 2)                                              \
  X(DIV_TRUNC, div_trunc, 2, 0, CT__DT_REAL, 4)                                                  \
  X(DIV_FLOOR, div_floor, 2, 0, CT__DT_REAL, 4)                                                  \
  X(REMAINDER, remainder, 2, 0, CT__DT_REAL, 4)                                                  \
  X(FMOD, fmod, 2, 0, CT__DT_REAL, 4)                                                            \
  X(POW, pow, 2, 0, CT__DT_NUMBER, 16)                                                           \
  X(MAXIMUM, maximum, 2, 0, CT__DT_NOCPX, 1)                                                     \
  X(MINIMUM, minimum, 2, 0, CT__DT_NOCPX, 1)                                                     \
  X(ATAN2, atan2, 2, CT__EW_INT_TO_FLOAT, CT__DT_FLOATING, 16)                                   \
  X(HYPOT, hypot, 2, 0, CT__DT_FLOATING, 8)                                                      \
  X(EQ, eq, 2, CT__EW_OUT_BOOL, CT__DT_ALL, 1)                                                   \
  X(NE, ne, 2, CT__EW_OUT_BOOL, CT__DT_ALL, 1)                                                   \
  X(LT, lt, 2, CT__EW_OUT_BOOL, CT__DT_NOCPX, 1)                                                 \
  X(LE, le, 2, CT__EW_OUT_BOOL, CT__DT_NOCPX, 1)                                                 \
  X(GT, gt, 2, CT__EW_OUT_BOOL, CT__DT_NOCPX, 1)                                                 \
  X(GE, ge, 2, CT__EW_OUT_BOOL, CT__DT_NOCPX, 1)                                                 \
  X(LOGICAL_AND, logical_and, 2, CT__EW_OUT_BOOL | CT__EW_BOOL_COMPUTE, CT__DT_ALL, 1)           \
  X(LOGICAL_OR, logical_or, 2, CT__EW_OUT_BOOL | CT__EW_BOOL_COMPUTE, CT__DT_ALL, 1)             \
  X(LOGICAL_XOR, logical_xor, 2, CT__EW_OUT_BOOL | CT__EW_BOOL_COMPUTE, CT__DT_ALL, 1)           \
  X(BITWISE_AND, bitwise_and, 2, 0, CT__DT_BI, 1)                                                \
  X(BITWISE_OR, bitwise_or, 2, 0, CT__DT_BI, 1)                                                  \
  X(BITWISE_XOR, bitwise_xor, 2, 0, CT__DT_BI, 1)                                                \
  X(BITWISE_LEFT_SHIFT, bitwise_left_shift, 2, 0, CT__DT_INTEGRAL, 1)                            \
  X(BITWISE_RIGHT_SHIFT, bitwise_right_shift, 2, 0, CT__DT_INTEGRAL, 1)                          \
  X(CLAMP_MIN, clamp_min, 2, 0, CT__DT_REAL, 1)                                                  \
  X(CLAMP_MAX, clamp_max, 2, 0, CT__DT_REAL, 1)                                                  \
  X(CLAMP, clamp, 3, 0, CT__DT_REAL, 1)                                                          \
  X(WHERE, where, 3, CT__EW_COND_FIRST, CT__DT_ALL, 1)                                           \
  X(LERP, lerp, 3, 0, CT__DT_FC, 2)                                                              \
  X(NEG, neg, 1, 0, CT__DT_NUMBER, 1)                                                            \
  X(ABS, abs, 1, CT__EW_OUT_REAL, CT__DT_NUMBER, 1)                                              \
  X(SIGN, sign, 1, 0, CT__DT_NOCPX, 1)                                                           \
  X(SGN, sgn, 1, 0, CT__DT_ALL, 1)                                                               \
  X(SQRT, sqrt, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 2)                                            \
  X(RSQRT, rsqrt, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 4)                                          \
  X(RECIPROCAL, reciprocal, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 2)                                \
  X(EXP, exp, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 8)                                              \
  X(EXP2, exp2, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                           \
  X(EXPM1, expm1, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                         \
  X(LOG, log, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                             \
  X(LOG2, log2, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                           \
  X(LOG10, log10, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                         \
  X(LOG1P, log1p, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                         \
  X(SIN, sin, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                             \
  X(COS, cos, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                             \
  X(TAN, tan, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                             \
  X(ASIN, asin, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                           \
  X(ACOS, acos, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                           \
  X(ATAN, atan, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                           \
  X(SINH, sinh, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                           \
  X(COSH, cosh, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                           \
  X(TANH, tanh, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 8)                                            \
  X(ASINH, asinh, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                         \
  X(ACOSH, acosh, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                         \
  X(ATANH, atanh, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 16)                                         \
  X(SIGMOID, sigmoid, 1, CT__EW_INT_TO_FLOAT, CT__DT_FC, 8)                                      \
  X(RELU, relu, 1, 0, CT__DT_REAL, 1)                                                            \
  X(GELU, gelu, 1, 0, CT__DT_FLOATING, 16)                                                       \
  X(GELU_TANH, gelu_tanh, 1, 0, CT__DT_FLOATING, 8)                                              \
  X(SILU, silu, 1, 0, CT__DT_FC, 8)                                                              \
  X(SOFTPLUS, softplus, 1, 0, CT__DT_FLOATING, 16)                                               \
  X(ERF, erf, 1, CT__EW_INT_TO_FLOAT, CT__DT_FLOATING, 16)                                       \
  X(ERFC, erfc, 1, CT__EW_INT_TO_FLOAT, CT__DT_FLOATING, 16)                                     \
  X(FLOOR, floor, 1, 0, CT__DT_REAL, 2)                                                          \
  X(CEIL, ceil, 1, 0, CT__DT_REAL, 2)                                                            \
  X(ROUND, round, 1, 0, CT__DT_REAL, 2)                                                          \
  X(ROUND_DECIMALS, round_decimals, 1, 0, CT__DT_FLOATING, 4)                                    \
  X(TRUNC, trunc, 1, 0, CT__DT_REAL, 2)                                                          \
  X(FRAC, frac, 1, 0, CT__DT_FLOATING, 2)                                                        \
  X(ISNAN, isnan, 1, CT__EW_OUT_BOOL, CT__DT_ALL, 1)                                             \
  X(ISINF, isinf, 1, CT__EW_OUT_BOOL, CT__DT_ALL, 1)                                             \
  X(ISFINITE, isfinite, 1, CT__EW_OUT_BOOL, CT__DT_ALL, 1)                                       \
  X(LOGICAL_NOT, logical_not, 1, CT__EW_OUT_BOOL | CT__EW_BOOL_COMPUTE, CT__DT_ALL, 1)           \
  X(BITWISE_NOT, bitwise_not, 1, 0, CT__DT_BI, 1)                                                \
  X(NAN_TO_NUM, nan_to_num, 1, 0, CT__DT_ALL, 1)                                                 \
  X(CONJ, conj, 1, 0, CT__DT_ALL, 1)                                                             \
  X(ANGLE, angle, 1, CT__EW_INT_TO_FLOAT | CT__EW_OUT_REAL, CT__DT_FC, 8)

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
