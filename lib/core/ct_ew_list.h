/*
 * ct_ew_list.h: the list of elementwise ops, with the flags and dtype sets
 * its rows use. Plain macros over the public dtype enum, with nothing of C11
 * beyond it, so that the CUDA kernels (C++) number their ops from the very
 * same list as the core.
 */
#ifndef CT_EW_LIST_H
#define CT_EW_LIST_H

#include "ctensor/dtype.h"

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

#endif /* CT_EW_LIST_H */
