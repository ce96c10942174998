/*
 * ctensor/format.h: printing tensors as PyTorch does.
 */
#ifndef CTENSOR_FORMAT_H
#define CTENSOR_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Writes PyTorch's repr of t, character for character: "tensor([1., 2.])",
 * "tensor([1, 2], dtype=int32)", "tensor([1.4549], device='cuda:0')", with
 * PyTorch's number formats, summarisation and line breaks under the current
 * print options. dtype_prefix goes before dtype names in the dtype= suffix:
 * "" or NULL gives "dtype=float64", "torch." gives "dtype=torch.float64".
 * Like snprintf: *length receives the full length (without the NUL); at most
 * size - 1 characters and a NUL are written to buf (buf may be NULL when
 * size is 0). Call with size 0 to learn the length.
 * Errors: CT_ERR_INVALID_ARGUMENT (t or length NULL, buf NULL with size > 0),
 * CT_ERR_OUT_OF_MEMORY.
 */
CT_API ct_status ct_tensor_format(char *buf, size_t size, size_t *length, ct_tensor *t,
                                  const char *dtype_prefix);

/**
 * Sets the print options, as torch.set_printoptions: precision (digits after
 * the point, >= 0), threshold (element count above which a tensor is
 * summarised, >= 0), edgeitems (items shown at each end when summarised,
 * >= 0), linewidth (characters per line, >= 1) and sci_mode (-1 automatic,
 * 0 never, 1 always). Defaults: 4, 1000, 3, 80, -1. Process-wide.
 * Errors: CT_ERR_INVALID_ARGUMENT (a value out of range; nothing is changed).
 */
CT_API ct_status ct_set_print_options(int32_t precision, int64_t threshold, int64_t edgeitems,
                                      int64_t linewidth, int32_t sci_mode);

/** Reads the print options; any pointer may be NULL to skip it. Never fails. */
CT_API ct_status ct_get_print_options(int32_t *precision, int64_t *threshold, int64_t *edgeitems,
                                      int64_t *linewidth, int32_t *sci_mode);

#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_FORMAT_H */
