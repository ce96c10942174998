#!/usr/bin/env python3
"""Writes include/ctensor/elementwise.h from the spec table below.

Every elementwise op has several forms (functional, in place, out, and for
binary ops the same three with a scalar operand) whose declarations and
comments follow one pattern; generating them keeps the header consistent
with itself and with lib/core/ct_ew_ops.c, whose CT__EW_*_FORMS macros
define the same functions.

Usage: python3 tools/gen_elementwise_header.py [output]
(default output: include/ctensor/elementwise.h next to this script's
tools/ directory). The output depends only on this file.
"""
import os
import sys

# ---- the spec -------------------------------------------------------------------------------

# Dtype sets, as the header's comments name them.
ALL = "all dtypes"
NUMBER = "all dtypes but bool"
NOCPX = "bool, integer and floating dtypes"
REAL = "integer and floating dtypes"
BI = "bool and integer dtypes"
INT = "integer dtypes"
FLT = "floating dtypes"
FC = "floating and complex dtypes"
ITF = "floating and complex dtypes; bool and integer inputs give the default float dtype"

# Extra parameters of a form, as (declaration, comment text).
EXTRA = {
    None: ("", ""),
    "alpha": (", const void *alpha, ct_dtype alpha_dtype",
              "alpha is one value of alpha_dtype (NULL: 1). "),
    "rounding": (", ct_rounding_mode rounding_mode", ""),
    "decimals": (", int64_t decimals", ""),
    "gelu": (", ct_gelu_approximate approximate", ""),
    "softplus": (", double beta, double threshold", ""),
    "nan_to_num": (", const double *nan, const double *posinf, const double *neginf", ""),
}

# Binary ops: (name, formula over {a} and {b}, torch name, dtypes, extra, extra errors).
# The formula is written with {a} and {b}, filled in per form (a/b, self/other, a/value).
BINARY = [
    ("add", "{a} + alpha * {b}", "torch.add", ALL, "alpha",
     "CT_ERR_DTYPE also for a bool alpha with a non-bool result, a floating alpha with an integral result, "
     "a complex alpha with a non-complex result"),
    ("sub", "{a} - alpha * {b}", "torch.sub", NUMBER, "alpha",
     "CT_ERR_DTYPE also for a bool operand and for alpha as in ct_add"),
    ("mul", "{a} * {b}", "torch.mul", ALL, None, ""),
    ("div", "{a} / {b}", "torch.div", "CT_ROUNDING_NONE: true division, integers giving the default float "
     "dtype; CT_ROUNDING_TRUNC, CT_ROUNDING_FLOOR: rounded toward zero or down, integers staying integers",
     "rounding", "CT_ERR_INVALID_ARGUMENT also for a bad rounding_mode or an integer division by zero"),
    ("floor_divide", "floor({a} / {b})", "torch.floor_divide", REAL, None,
     "CT_ERR_INVALID_ARGUMENT also for an integer division by zero"),
    ("remainder", "{a} mod {b} with the sign of {b} (Python's %)", "torch.remainder", REAL, None,
     "CT_ERR_INVALID_ARGUMENT also for an integer division by zero"),
    ("fmod", "{a} mod {b} with the sign of {a} (C's fmod)", "torch.fmod", REAL, None,
     "CT_ERR_INVALID_ARGUMENT also for an integer division by zero"),
    ("pow", "{a} ** {b}", "torch.pow", NUMBER, None,
     "integer to a negative integer tensor power gives 0, 1 or -1; to a negative scalar power it is "
     "CT_ERR_INVALID_ARGUMENT; 0 ** 0 = 1"),
    ("maximum", "max({a}, {b}), NaN if either is NaN", "torch.maximum", NOCPX, None, ""),
    ("minimum", "min({a}, {b}), NaN if either is NaN", "torch.minimum", NOCPX, None, ""),
    ("atan2", "atan2({a}, {b})", "torch.atan2",
     "floating dtypes; bool and integer inputs give the default float dtype", None, ""),
    ("hypot", "sqrt({a}^2 + {b}^2)", "torch.hypot", FLT, None, ""),
    ("eq", "{a} == {b} (bool)", "torch.eq", ALL, None, ""),
    ("ne", "{a} != {b} (bool)", "torch.ne", ALL, None, ""),
    ("lt", "{a} < {b} (bool)", "torch.lt", NOCPX, None, ""),
    ("le", "{a} <= {b} (bool)", "torch.le", NOCPX, None, ""),
    ("gt", "{a} > {b} (bool)", "torch.gt", NOCPX, None, ""),
    ("ge", "{a} >= {b} (bool)", "torch.ge", NOCPX, None, ""),
    ("logical_and", "{a} && {b} (bool; non-zero is true)", "torch.logical_and", ALL, None, ""),
    ("logical_or", "{a} || {b} (bool; non-zero is true)", "torch.logical_or", ALL, None, ""),
    ("logical_xor", "{a} != {b} as truth values (bool)", "torch.logical_xor", ALL, None, ""),
    ("bitwise_and", "{a} & {b}", "torch.bitwise_and", BI, None, ""),
    ("bitwise_or", "{a} | {b}", "torch.bitwise_or", BI, None, ""),
    ("bitwise_xor", "{a} ^ {b}", "torch.bitwise_xor", BI, None, ""),
    ("bitwise_left_shift", "{a} << {b} (0 for shifts outside [0, bits))", "torch.bitwise_left_shift", INT,
     None, ""),
    ("bitwise_right_shift", "{a} >> {b}, arithmetic (a shift past the width fills with the sign)",
     "torch.bitwise_right_shift", INT, None, ""),
]

# Unary ops: (name, formula over {x}, torch name, dtypes, extra, extra errors).
UNARY = [
    ("neg", "-{x}", "torch.neg", NUMBER, None, ""),
    ("abs", "|{x}| (complex gives its real dtype)", "torch.abs", NUMBER, None, ""),
    ("sign", "-1, 0 or 1 by the sign of {x} (0 for NaN)", "torch.sign", NOCPX, None,
     "CT_ERR_DTYPE for complex (use ct_sgn)"),
    ("sgn", "{x} / |{x}| (0 at 0) for complex, sign({x}) otherwise", "torch.sgn", ALL, None, ""),
    ("sqrt", "sqrt({x})", "torch.sqrt", ITF, None, ""),
    ("rsqrt", "1 / sqrt({x})", "torch.rsqrt", ITF, None, ""),
    ("square", "{x} * {x}", "torch.square", NUMBER + " (bool gives int64)", None, ""),
    ("reciprocal", "1 / {x}", "torch.reciprocal", ITF, None, ""),
    ("exp", "e^{x}", "torch.exp", ITF, None, ""),
    ("exp2", "2^{x}", "torch.exp2", ITF, None, ""),
    ("expm1", "e^{x} - 1", "torch.expm1", ITF, None, ""),
    ("log", "ln({x})", "torch.log", ITF, None, ""),
    ("log2", "log2({x})", "torch.log2", ITF, None, ""),
    ("log10", "log10({x})", "torch.log10", ITF, None, ""),
    ("log1p", "ln(1 + {x})", "torch.log1p", ITF, None, ""),
    ("sin", "sin({x})", "torch.sin", ITF, None, ""),
    ("cos", "cos({x})", "torch.cos", ITF, None, ""),
    ("tan", "tan({x})", "torch.tan", ITF, None, ""),
    ("asin", "asin({x})", "torch.asin", ITF, None, ""),
    ("acos", "acos({x})", "torch.acos", ITF, None, ""),
    ("atan", "atan({x})", "torch.atan", ITF, None, ""),
    ("sinh", "sinh({x})", "torch.sinh", ITF, None, ""),
    ("cosh", "cosh({x})", "torch.cosh", ITF, None, ""),
    ("tanh", "tanh({x})", "torch.tanh", ITF, None, ""),
    ("asinh", "asinh({x})", "torch.asinh", ITF, None, ""),
    ("acosh", "acosh({x})", "torch.acosh", ITF, None, ""),
    ("atanh", "atanh({x})", "torch.atanh", ITF, None, ""),
    ("sigmoid", "1 / (1 + e^-{x})", "torch.sigmoid", ITF, None, ""),
    ("relu", "max({x}, 0)", "torch.relu", REAL, None, ""),
    ("gelu", "{x}/2 (1 + erf({x} / sqrt 2)), or with approximate CT_GELU_TANH "
     "{x}/2 (1 + tanh(sqrt(2/pi) ({x} + 0.044715 {x}^3)))", "torch.nn.functional.gelu", FLT, "gelu",
     "CT_ERR_INVALID_ARGUMENT also for a bad approximate"),
    ("silu", "{x} / (1 + e^-{x})", "torch.nn.functional.silu", FC, None, ""),
    ("softplus", "ln(1 + e^(beta {x})) / beta, or {x} where beta {x} > threshold",
     "torch.nn.functional.softplus; its defaults are beta 1, threshold 20", FLT, "softplus", ""),
    ("erf", "erf({x})", "torch.erf", "floating dtypes; bool and integer inputs give the default float dtype",
     None, ""),
    ("erfc", "1 - erf({x})", "torch.erfc", "floating dtypes; bool and integer inputs give the default float dtype",
     None, ""),
    ("floor", "floor({x}) (integers unchanged)", "torch.floor", REAL, None, ""),
    ("ceil", "ceil({x}) (integers unchanged)", "torch.ceil", REAL, None, ""),
    ("round", "{x} rounded to 10^-decimals, ties to even", "torch.round",
     REAL + " (integers unchanged; decimals != 0: floating only)", "decimals", ""),
    ("trunc", "trunc({x}) (integers unchanged)", "torch.trunc", REAL, None, ""),
    ("frac", "{x} - trunc({x})", "torch.frac", FLT, None, ""),
    ("isnan", "whether {x} is NaN (bool)", "torch.isnan", ALL, None, ""),
    ("isinf", "whether {x} is infinite (bool)", "torch.isinf", ALL, None, ""),
    ("isfinite", "whether {x} is finite (bool)", "torch.isfinite", ALL, None, ""),
    ("logical_not", "!{x} (bool)", "torch.logical_not", ALL, None, ""),
    ("bitwise_not", "~{x} (not for bool)", "torch.bitwise_not", BI, None, ""),
    ("nan_to_num", "{x} with NaN, +inf and -inf replaced by *nan, *posinf, *neginf (NULL: 0 and the "
     "result dtype's largest finite values)", "torch.nan_to_num", ALL, "nan_to_num", ""),
    ("conj", "the complex conjugate of {x}, a copy (a real {x} is copied)",
     "torch.conj_physical; torch.conj returns a lazy view", ALL, None, ""),
    ("angle", "arg({x}) (pi for negative reals, else 0)", "torch.angle", ITF +
     "; complex gives its real dtype", None, ""),
]

COMMON_ERRORS = "the common ones"
WRITE_ERRORS = "those of a written tensor"

HEADER_TOP = """\
/*
 * ctensor/elementwise.h: elementwise operators with PyTorch's semantics.
 *
 * GENERATED by tools/gen_elementwise_header.py from its spec table; edit the
 * spec there and rerun it, not this file.
 *
 * Every op broadcasts its operands (NumPy's rules) and promotes their dtypes
 * as PyTorch does (see promotion.h: categories bool < integer < floating <
 * complex; a 0-d tensor or a scalar only decides the dtype when its category
 * is higher). float16 and bfloat16 compute in float32 and are rounded once.
 * Each op comes in three forms, and a binary op also with a scalar second
 * operand:
 * - ct_op(&out, a, b): a new tensor (a new reference) of the broadcast shape,
 *   laid out like the inputs when they share a dense layout;
 * - ct_op_(self, other): in place; the result dtype must cast to self's
 *   (torch.can_cast: an int tensor cannot take a float result) and self
 *   must have the broadcast shape;
 * - ct_op_out(out, a, b): into out, which must have the broadcast shape
 *   and a dtype the result casts to; the result is converted into it;
 * - ct_op_scalar(&out, a, value, value_dtype), ct_op_scalar_(self, value,
 *   value_dtype), ct_op_scalar_out(out, a, value, value_dtype): b is the one
 *   value of value_dtype at value, promoting like a Python number (a float
 *   scalar does not widen a float16 tensor). A 0-d tensor from
 *   ct_scalar_tensor() behaves the same in any operand position (2 - x).
 * A written tensor (self or out) may be one of the inputs only as the same
 * view. Inputs are borrowed. Large tensors are split over the threads
 * (threads.h); results do not depend on the thread count.
 *
 * The common errors of every op: CT_ERR_INVALID_ARGUMENT (a NULL argument),
 * CT_ERR_SHAPE (operands that do not broadcast, naming both shapes),
 * CT_ERR_DTYPE (a dtype the op does not support, or an invalid dtype code),
 * CT_ERR_DEVICE (operands on different devices), CT_ERR_OUT_OF_MEMORY. The
 * errors of a written tensor (self, out): CT_ERR_SHAPE (not the broadcast
 * shape), CT_ERR_DTYPE (the result dtype does not cast to its dtype),
 * CT_ERR_READ_ONLY, CT_ERR_INVALID_ARGUMENT (it overlaps an input other than
 * as the same view, or repeats elements through a stride of 0).
 */
#ifndef CTENSOR_ELEMENTWISE_H
#define CTENSOR_ELEMENTWISE_H

#include <stdbool.h>
#include <stdint.h>
#include "ctensor/export.h"
#include "ctensor/status.h"
#include "ctensor/dtype.h"
#include "ctensor/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Rounding of ct_div (torch.div's rounding_mode). */
typedef int32_t ct_rounding_mode;
enum {
  CT_ROUNDING_NONE = 0,  /* true division */
  CT_ROUNDING_TRUNC = 1, /* "trunc": toward zero */
  CT_ROUNDING_FLOOR = 2, /* "floor": toward -infinity */
  CT_ROUNDING_COUNT
};

/* The approximation of ct_gelu (torch.nn.functional.gelu's approximate). */
typedef int32_t ct_gelu_approximate;
enum {
  CT_GELU_NONE = 0, /* "none": the exact erf form */
  CT_GELU_TANH = 1, /* "tanh" */
  CT_GELU_COUNT
};
"""

HEADER_BOTTOM = """
#ifdef __cplusplus
}
#endif
#endif /* CTENSOR_ELEMENTWISE_H */
"""


def comment(lines):
    """A /** */ comment of the given lines (each already wrapped)."""
    if len(lines) == 1 and len(lines[0]) <= 93:
        return "/** %s */" % lines[0]
    return "/**\n" + "".join(" * %s\n" % line for line in lines) + " */"


def wrap(text, width=93):
    """Wraps text into lines of at most width characters."""
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = w if not line else line + " " + w
    if line:
        lines.append(line)
    return lines


def decl(name, params):
    text = "CT_API ct_status %s(%s);" % (name, params)
    if len(text) <= 105:
        return text
    # Break after the comma nearest to the limit, aligning with the open parenthesis.
    head = "CT_API ct_status %s(" % name
    parts, out, line = params.split(", "), [], head
    for i, p in enumerate(parts):
        piece = p + (", " if i < len(parts) - 1 else ");")
        if len(line) + len(piece.rstrip()) > 105 and line.strip() != head.strip():
            out.append(line.rstrip())
            line = " " * len(head) + piece
        else:
            line += piece
    out.append(line.rstrip())
    return "\n".join(out)


def binary(name, formula, torch, dtypes, extra, errors):
    xdecl, xtext = EXTRA[extra]
    xparams = xdecl[2:] if xdecl else ""
    tail = (", " + xparams) if xparams else ""
    f = lambda a, b: formula.format(a=a, b=b)
    out = []
    first = "out = %s, elementwise (%s). %sDtypes: %s." % (f("a", "b"), torch, xtext, dtypes)
    errs = "Errors: %s%s." % (COMMON_ERRORS, "; " + errors if errors else "")
    out.append(comment(wrap(first + " " + errs)))
    out.append(decl("ct_" + name, "ct_tensor **out, ct_tensor *a, ct_tensor *b" + tail))
    out.append(comment(wrap("In place: self = %s (Tensor.%s_). Errors as ct_%s, and %s." %
                            (f("self", "other"), name, name, WRITE_ERRORS))))
    out.append(decl("ct_%s_" % name, "ct_tensor *self, ct_tensor *other" + tail))
    out.append(comment(wrap("Into out: out = %s (%s(..., out=out)). Errors as ct_%s_." %
                            (f("a", "b"), torch, name))))
    out.append(decl("ct_%s_out" % name, "ct_tensor *out, ct_tensor *a, ct_tensor *b" + tail))
    out.append(comment(wrap("out = %s for one scalar value of value_dtype, promoting like a Python number. "
                            "Errors as ct_%s." % (f("a", "value"), name))))
    out.append(decl("ct_%s_scalar" % name, "ct_tensor **out, ct_tensor *a, const void *value, ct_dtype value_dtype" + tail))
    out.append(comment(wrap("In place: self = %s for a scalar value. Errors as ct_%s_." % (f("self", "value"), name))))
    out.append(decl("ct_%s_scalar_" % name, "ct_tensor *self, const void *value, ct_dtype value_dtype" + tail))
    out.append(comment(wrap("Into out: out = %s for a scalar value. Errors as ct_%s_out." % (f("a", "value"), name))))
    out.append(decl("ct_%s_scalar_out" % name, "ct_tensor *out, ct_tensor *a, const void *value, ct_dtype value_dtype" + tail))
    return "\n".join(out)


def unary(name, formula, torch, dtypes, extra, errors):
    xdecl, xtext = EXTRA[extra]
    xparams = xdecl[2:] if xdecl else ""
    tail = (", " + xparams) if xparams else ""
    f = lambda x: formula.format(x=x)
    out = []
    first = "out = %s, elementwise (%s). %sDtypes: %s." % (f("x"), torch, xtext, dtypes)
    errs = "Errors: %s%s." % (COMMON_ERRORS, "; " + errors if errors else "")
    out.append(comment(wrap(first + " " + errs)))
    out.append(decl("ct_" + name, "ct_tensor **out, ct_tensor *x" + tail))
    out.append(comment(wrap("In place: self = %s. Errors as ct_%s, and %s." % (f("self"), name, WRITE_ERRORS))))
    out.append(decl("ct_%s_" % name, "ct_tensor *self" + tail))
    out.append(comment(wrap("Into out: out = %s. Errors as ct_%s_." % (f("x"), name))))
    out.append(decl("ct_%s_out" % name, "ct_tensor *out, ct_tensor *x" + tail))
    return "\n".join(out)


# Ternary ops: (function, parameters, comment) for each form; {common} and {write} are the usual errors.
TERNARY = [
    ("ct_where", "ct_tensor **out, ct_tensor *cond, ct_tensor *a, ct_tensor *b",
     "out = a where cond else b, elementwise (torch.where); cond is bool, a and b promote together. "
     "Dtypes: all dtypes. Errors: {common}; CT_ERR_DTYPE also for a non-bool cond."),
    ("ct_where_", "ct_tensor *self, ct_tensor *cond, ct_tensor *other",
     "In place: self = self where cond else other. Errors as ct_where, and {write}."),
    ("ct_where_out", "ct_tensor *out, ct_tensor *cond, ct_tensor *a, ct_tensor *b",
     "Into out: out = a where cond else b. Errors as ct_where_."),
    ("ct_clamp", "ct_tensor **out, ct_tensor *x, ct_tensor *min, ct_tensor *max",
     "out = min(max(x, min), max), elementwise (torch.clamp); either bound may be NULL (not both); max "
     "wins where min > max; NaN anywhere gives NaN; x, min and max promote together. "
     "Dtypes: " + REAL + ". Errors: {common}; CT_ERR_INVALID_ARGUMENT also for both bounds NULL."),
    ("ct_clamp_", "ct_tensor *self, ct_tensor *min, ct_tensor *max",
     "In place: self = clamp(self, min, max). Errors as ct_clamp, and {write}."),
    ("ct_clamp_out", "ct_tensor *out, ct_tensor *x, ct_tensor *min, ct_tensor *max",
     "Into out: out = clamp(x, min, max). Errors as ct_clamp_."),
    ("ct_clamp_scalar", "ct_tensor **out, ct_tensor *x, const void *min, ct_dtype min_dtype, const void *max, "
     "ct_dtype max_dtype",
     "out = clamp(x, min, max) with scalar bounds: one value of min_dtype at min and of max_dtype at max, "
     "either pointer NULL for no bound (not both), promoting like Python numbers (an int tensor clamped at "
     "0.5 gives float). Errors as ct_clamp."),
    ("ct_clamp_scalar_", "ct_tensor *self, const void *min, ct_dtype min_dtype, const void *max, "
     "ct_dtype max_dtype",
     "In place: self = clamp(self, min, max) with scalar bounds. Errors as ct_clamp_."),
    ("ct_clamp_scalar_out", "ct_tensor *out, ct_tensor *x, const void *min, ct_dtype min_dtype, "
     "const void *max, ct_dtype max_dtype",
     "Into out: out = clamp(x, min, max) with scalar bounds. Errors as ct_clamp_out."),
    ("ct_lerp", "ct_tensor **out, ct_tensor *start, ct_tensor *end, ct_tensor *weight",
     "out = start + weight * (end - start), elementwise (torch.lerp); end and a tensor weight must have "
     "start's dtype (no promotion). Dtypes: " + FC + ". Errors: {common}; CT_ERR_DTYPE also for end or "
     "weight of another dtype."),
    ("ct_lerp_", "ct_tensor *self, ct_tensor *end, ct_tensor *weight",
     "In place: self = lerp(self, end, weight). Errors as ct_lerp, and {write}."),
    ("ct_lerp_out", "ct_tensor *out, ct_tensor *start, ct_tensor *end, ct_tensor *weight",
     "Into out: out = lerp(start, end, weight). Errors as ct_lerp_."),
    ("ct_lerp_scalar", "ct_tensor **out, ct_tensor *start, ct_tensor *end, const void *weight, "
     "ct_dtype weight_dtype",
     "out = lerp(start, end, weight) with weight one scalar of weight_dtype. Errors as ct_lerp."),
    ("ct_lerp_scalar_", "ct_tensor *self, ct_tensor *end, const void *weight, ct_dtype weight_dtype",
     "In place: self = lerp(self, end, weight) with a scalar weight. Errors as ct_lerp_."),
    ("ct_lerp_scalar_out", "ct_tensor *out, ct_tensor *start, ct_tensor *end, const void *weight, "
     "ct_dtype weight_dtype",
     "Into out: out = lerp(start, end, weight) with a scalar weight. Errors as ct_lerp_out."),
]


def ternary():
    out = []
    for name, params, text in TERNARY:
        out.append(comment(wrap(text.format(common=COMMON_ERRORS, write=WRITE_ERRORS))))
        out.append(decl(name, params))
    return "\n".join(out) + "\n"


def generate():
    parts = [HEADER_TOP]
    parts.append("/* ---- binary ops " + "-" * 80 + " */\n")
    for spec in BINARY:
        parts.append(binary(*spec) + "\n")
    parts.append("/* ---- ternary ops " + "-" * 79 + " */\n")
    parts.append(ternary())
    parts.append("/* ---- unary ops " + "-" * 81 + " */\n")
    for spec in UNARY:
        parts.append(unary(*spec) + "\n")
    return "\n".join(parts).rstrip("\n") + "\n" + HEADER_BOTTOM


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "include", "ctensor", "elementwise.h")
    with open(path, "w") as f:
        f.write(generate())


if __name__ == "__main__":
    main()
