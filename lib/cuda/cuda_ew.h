/*
 * cuda_ew.h: the launcher of the elementwise kernels (cuda_ew.cu), called by
 * cuda_elementwise.c.
 *
 * The glue hands over one call resolved by the core (ct__ew_call) as plain
 * data: the op (CU_EW_<ID>, the same numbers as CT__EW_<ID>, which the glue
 * checks at compile time), the compute dtype, and up to four operands (0 the
 * output, 1..3 the inputs) over one shape whose dims the glue has already
 * ordered and merged. An input read on the host (a 0-d CPU tensor) comes as
 * a value in its kernel dtype instead of a pointer.
 */
#ifndef CT_CUDA_EW_H
#define CT_CUDA_EW_H

#include "cuda_kernels.h"
#include "../core/ct_ew_list.h"

/* The elementwise ops: CU_EW_<ID> is CT__EW_<ID>, from the core's own list. */
#define CU_EW_ENUM(ID, name, nin, flags, dtypes, cost) CU_EW_##ID,
enum { CT__EW_OPS(CU_EW_ENUM) CU_EW_OP_COUNT };
#undef CU_EW_ENUM

enum { CU_EW_MAX_OPS = 4 }; /* the output and up to three inputs */

typedef struct cu_ew_args {
  int32_t op;      /* CU_EW_* */
  int32_t nin;     /* 1, 2 or 3 */
  int32_t compute; /* the compute dtype: never float16 or bfloat16 */
  int32_t ndim;    /* >= 1; a single element is one dim of size 1 */
  int64_t numel;   /* > 0 */
  int64_t shape[CU_MAX_DIMS];
  /*
   * Operand k: data[k] points at its element (0, ..., 0) and advances by
   * bstrides[k][d] BYTES along dim d (0 where broadcast, may be negative);
   * dtype[k] is its dtype as stored. An input with data[k] == NULL is the
   * value scalar[k - 1], held in its kernel dtype (the compute dtype, or
   * bool for where's condition), which dtype[k] then names.
   */
  char *data[CU_EW_MAX_OPS];
  int32_t dtype[CU_EW_MAX_OPS];
  int64_t bstrides[CU_EW_MAX_OPS][CU_MAX_DIMS];
  unsigned char scalar[CU_EW_MAX_OPS - 1][16];
  unsigned char value[3][16]; /* the op's scalar parameters in the compute dtype (ct__ew_params.value) */
  int64_t option[2];          /* ct__ew_params.option */
  int32_t *fault;             /* device word set to 1 on integer division by zero, or NULL */
} cu_ew_args;

/* Whether op has a kernel computing in dtype compute. */
CU_EXTERN bool cu_ew_supported(int32_t op, int32_t compute);

/* Enqueues out = op(in...) over every element; the output never partially overlaps an input. */
CU_EXTERN int cu_ew(const cu_ew_args *args, cu_stream stream);

#endif /* CT_CUDA_EW_H */
