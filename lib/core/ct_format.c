/*
 * ct_format.c: PyTorch's tensor repr and the print options.
 *
 * The output must match torch/_tensor_str.py character for character, so the
 * code follows its steps and names:
 * 1. Choose the elements to show: all of them, or, when the tensor has more
 *    than threshold elements, edgeitems at each end of every longer dimension
 *    (get_summarized_data). Only those are read, into a host array.
 * 2. Measure them with _Formatter: integer, fixed or scientific mode and one
 *    common width; complex tensors get one formatter for the real parts and
 *    one for the imaginary parts.
 * 3. Write the nested brackets, wrapping vectors to the line width
 *    (_tensor_str_with_formatter, _vector_str), then the dtype and device
 *    suffixes (_add_suffixes).
 */
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ct_internal.h"

/* ---- print options -------------------------------------------------------------------------- */

/*
 * Process-wide, as torch's PRINT_OPTS. Each option is atomic, so any thread may
 * read or set them; a repr made while another thread sets them may mix old
 * and new values.
 */
static _Atomic int32_t ct__print_precision = 4;
static _Atomic int64_t ct__print_threshold = 1000;
static _Atomic int64_t ct__print_edgeitems = 3;
static _Atomic int64_t ct__print_linewidth = 80;
static _Atomic int32_t ct__print_sci_mode = -1;

typedef struct fmt_options {
  int32_t precision;
  int64_t threshold;
  int64_t edgeitems;
  int64_t linewidth;
  int32_t sci_mode; /* -1 automatic, 0 never, 1 always */
} fmt_options;

ct_status ct_set_print_options(int32_t precision, int64_t threshold, int64_t edgeitems,
                               int64_t linewidth, int32_t sci_mode) {
  CT_CHECK_ARG(precision >= 0, CT_ERR_INVALID_ARGUMENT,
               "ct_set_print_options: precision = %" PRId32 " must be >= 0", precision);
  CT_CHECK_ARG(threshold >= 0, CT_ERR_INVALID_ARGUMENT,
               "ct_set_print_options: threshold = %" PRId64 " must be >= 0", threshold);
  CT_CHECK_ARG(edgeitems >= 0, CT_ERR_INVALID_ARGUMENT,
               "ct_set_print_options: edgeitems = %" PRId64 " must be >= 0", edgeitems);
  CT_CHECK_ARG(linewidth >= 1, CT_ERR_INVALID_ARGUMENT,
               "ct_set_print_options: linewidth = %" PRId64 " must be >= 1", linewidth);
  CT_CHECK_ARG(sci_mode >= -1 && sci_mode <= 1, CT_ERR_INVALID_ARGUMENT,
               "ct_set_print_options: sci_mode = %" PRId32 " must be -1 (automatic), 0 or 1",
               sci_mode);
  atomic_store(&ct__print_precision, precision);
  atomic_store(&ct__print_threshold, threshold);
  atomic_store(&ct__print_edgeitems, edgeitems);
  atomic_store(&ct__print_linewidth, linewidth);
  atomic_store(&ct__print_sci_mode, sci_mode);
  return CT_OK;
}

ct_status ct_get_print_options(int32_t *precision, int64_t *threshold, int64_t *edgeitems,
                               int64_t *linewidth, int32_t *sci_mode) {
  if (precision) *precision = atomic_load(&ct__print_precision);
  if (threshold) *threshold = atomic_load(&ct__print_threshold);
  if (edgeitems) *edgeitems = atomic_load(&ct__print_edgeitems);
  if (linewidth) *linewidth = atomic_load(&ct__print_linewidth);
  if (sci_mode) *sci_mode = atomic_load(&ct__print_sci_mode);
  return CT_OK;
}

/* ---- growable text buffer ------------------------------------------------------------------- */

/*
 * Appends never fail visibly: the first allocation failure sets failed (and
 * the size that was wanted), later appends do nothing, and the caller checks
 * once at the end. This keeps the layout code free of error paths.
 */
typedef struct fmt_buf {
  char *data;
  size_t len;
  size_t cap; /* bytes at data, always > len when data is not NULL (room for the NUL) */
  bool failed;
  size_t wanted;
} fmt_buf;

static bool buf_reserve(fmt_buf *b, size_t extra) {
  if (b->failed) return false;
  if (extra >= SIZE_MAX - b->len) {
    b->failed = true;
    b->wanted = SIZE_MAX;
    return false;
  }
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return true;
  size_t cap = b->cap > 128 ? b->cap : 128;
  while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  char *data = ct__malloc(cap);
  if (!data) {
    b->failed = true;
    b->wanted = cap;
    return false;
  }
  if (b->len) memcpy(data, b->data, b->len);
  ct__free(b->data);
  b->data = data;
  b->cap = cap;
  return true;
}

static void buf_append(fmt_buf *b, const char *s, size_t n) {
  if (!buf_reserve(b, n)) return;
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

static void buf_puts(fmt_buf *b, const char *s) { buf_append(b, s, strlen(s)); }

static void buf_repeat(fmt_buf *b, char c, int64_t n) {
  if (n <= 0 || !buf_reserve(b, (size_t)n)) return;
  memset(b->data + b->len, c, (size_t)n);
  b->len += (size_t)n;
}

/* Inserts n copies of c at pos (<= len), moving the text after pos to the right. */
static void buf_insert(fmt_buf *b, size_t pos, char c, int64_t n) {
  if (n <= 0 || !buf_reserve(b, (size_t)n)) return;
  memmove(b->data + pos + n, b->data + pos, b->len - pos);
  memset(b->data + pos, c, (size_t)n);
  b->len += (size_t)n;
}

static void buf_printf(fmt_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void buf_printf(fmt_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  /* vsnprintf fails only when the text would exceed INT_MAX bytes: report it as memory. */
  if (n < 0) {
    if (!b->failed) b->wanted = SIZE_MAX;
    b->failed = true;
    return;
  }
  if (!buf_reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

/* ---- choosing and reading the elements shown ------------------------------------------------ */

/*
 * Which indices of one dimension are shown: head from the start, tail from
 * the end, and "..." between them when the dimension is summarised.
 */
typedef struct fmt_dim {
  int64_t size;
  int64_t head;
  int64_t tail;
  bool ellipsis;
} fmt_dim;

static int64_t dim_shown(const fmt_dim *d) { return d->head + d->tail; }

/* Tensor index of the j-th shown entry of a dimension. */
static int64_t dim_index(const fmt_dim *d, int64_t j) {
  return j < d->head ? j : d->size - d->tail + (j - d->head);
}

/*
 * PyTorch takes self[:e] and self[-e:] of the last dimension but rows
 * range(0, e) and range(len - e, len) of the others. With edgeitems 0,
 * self[-0:] is the whole vector, so a summarised vector shows " ..." and
 * then every element, while a higher dimension shows only "...".
 */
static void plan_dims(fmt_dim *dims, const ct_tensor *t, bool summarize, int64_t edgeitems) {
  for (int32_t d = 0; d < t->ndim; d++) {
    int64_t size = t->shape[d];
    fmt_dim *fd = &dims[d];
    fd->size = size;
    /* size > 2 * edgeitems, written so that a huge edgeitems cannot overflow. */
    fd->ellipsis = summarize && size > edgeitems && size - edgeitems > edgeitems;
    if (!fd->ellipsis) {
      fd->head = size;
      fd->tail = 0;
    } else {
      fd->head = edgeitems;
      fd->tail = (d == t->ndim - 1 && edgeitems == 0) ? size : edgeitems;
    }
  }
}

/* The elements shown, in row-major order of the shown shape, as host values. */
typedef struct fmt_values {
  ct_dtype dtype; /* CT_FLOAT64 or CT_COMPLEX128 in f, CT_INT64 (also for bool) in i */
  int64_t count;
  double *f; /* count values, or count (real, imaginary) pairs */
  int64_t *i;
} fmt_values;

/*
 * Copies element src of t (a CPU tensor) into slot k of v.
 */
static ct_status read_element(fmt_values *v, int64_t k, const ct_tensor *t, const char *src) {
  void *dst = v->dtype == CT_COMPLEX128 ? (void *)(v->f + 2 * k)
              : v->dtype == CT_FLOAT64  ? (void *)(v->f + k)
                                        : (void *)(v->i + k);
  return ct_dtype_convert(dst, v->dtype, src, t->dtype, 1);
}

/* Reads the shown elements of t into v (allocated here; the caller frees f and i). */
static ct_status read_shown(fmt_values *v, const ct_tensor *t, const fmt_dim *dims) {
  if (t->storage->device_type != CT_DEVICE_CPU) {
    /* A device tensor is read from a host copy (as PyTorch prints: the whole tensor comes over). */
    ct_tensor *host;
    CT_TRY(ct__error_in(ct_to(&host, (ct_tensor *)t, CT_DTYPE_NONE, CT_DEVICE_CPU, 0, false), "ct_tensor_format"));
    ct_status s = read_shown(v, host, dims);
    ct_tensor_release(host);
    return s;
  }
  const ct__dtype_info *info = &ct__dtypes[t->dtype];
  v->dtype = info->is_complex ? CT_COMPLEX128 : info->is_floating ? CT_FLOAT64 : CT_INT64;
  v->count = 1;
  for (int32_t d = 0; d < t->ndim; d++) v->count *= dim_shown(&dims[d]);
  if (v->count == 0) return CT_OK;

  size_t slot = v->dtype == CT_COMPLEX128 ? 2 * sizeof(double) : sizeof(double);
  if ((uint64_t)v->count > SIZE_MAX / slot)
    return ct__error(CT_ERR_OUT_OF_MEMORY, "ct_tensor_format: %" PRId64 " elements to show",
                     v->count);
  void *values = NULL;
  CT_TRY(ct__alloc_or_error(&values, (size_t)v->count * slot, "ct_tensor_format", "the elements"));
  if (v->dtype == CT_INT64)
    v->i = values;
  else
    v->f = values;
  void *idx_mem = NULL;
  CT_TRY(ct__alloc_or_error(&idx_mem, sizeof(int64_t) * (size_t)(t->ndim + 1), "ct_tensor_format",
                            "an index"));
  int64_t *idx = idx_mem;
  memset(idx, 0, sizeof(int64_t) * (size_t)t->ndim);

  const char *base = ct__data(t);
  int64_t itemsize = ct__itemsize(t->dtype);
  ct_status s = CT_OK;
  for (int64_t k = 0; k < v->count && s == CT_OK; k++) {
    int64_t offset = 0;
    for (int32_t d = 0; d < t->ndim; d++) offset += dim_index(&dims[d], idx[d]) * t->strides[d];
    s = read_element(v, k, t, base + offset * itemsize);
    for (int32_t d = t->ndim - 1; d >= 0; d--) {
      if (++idx[d] < dim_shown(&dims[d])) break;
      idx[d] = 0;
    }
  }
  ct__free(idx);
  return s;
}

/* ---- _Formatter ----------------------------------------------------------------------------- */

enum { FMT_FLOAT, FMT_INT, FMT_BOOL };

typedef struct fmt_formatter {
  int kind;
  bool int_mode;
  bool sci_mode;
  int64_t max_width;
  int32_t precision;
} fmt_formatter;

/*
 * The exact decimal expansion of a double ends within 1074 digits after the
 * point (its smallest unit is 2^-1074) and has at most 767 significant digits,
 * so with a larger precision every further digit is a zero. Those zeros are
 * written here rather than by printf, which would build them in a temporary
 * buffer as large as the precision, outside ctensor's allocator.
 */
enum { FMT_EXACT_DIGITS = 1100 };

static int32_t printf_precision(int32_t precision) {
  return precision < FMT_EXACT_DIGITS ? precision : FMT_EXACT_DIGITS;
}

static int64_t extra_zeros(int32_t precision) {
  return precision > FMT_EXACT_DIGITS ? (int64_t)precision - FMT_EXACT_DIGITS : 0;
}

/* Length of a printf result (short: the precision is capped as above). */
static int64_t text_len(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int64_t text_len(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  return n > 0 ? n : 0;
}

/* Widens f to the longest of the nonzero finite values as they would print in f's mode. */
static void measure_floats(fmt_formatter *f, const double *v, int64_t n, int64_t stride) {
  int32_t p = printf_precision(f->precision);
  for (int64_t k = 0; k < n; k++) {
    double x = v[k * stride];
    if (!isfinite(x) || x == 0) continue;
    int64_t len = f->int_mode && !f->sci_mode
                      ? text_len("%.0f.", x)
                      : text_len(f->sci_mode ? "%.*e" : "%.*f", p, x) + extra_zeros(f->precision);
    if (len > f->max_width) f->max_width = len;
  }
}

/*
 * _Formatter for floating values (n values, stride apart). As in PyTorch,
 * the mode depends on the nonzero finite values only, and when there are
 * none the sci_mode option is not applied either.
 */
static void formatter_float(fmt_formatter *f, const double *v, int64_t n, int64_t stride,
                            const fmt_options *o) {
  *f = (fmt_formatter){.kind = FMT_FLOAT, .int_mode = true, .max_width = 1,
                       .precision = o->precision};
  double min = INFINITY, max = 0;
  for (int64_t k = 0; k < n; k++) {
    double x = v[k * stride];
    if (!isfinite(x) || x == 0) continue;
    min = fmin(min, fabs(x));
    max = fmax(max, fabs(x));
    if (x != ceil(x)) f->int_mode = false;
  }
  if (max == 0) return;
  f->sci_mode = max / min > 1000.0 || max > 1.0e8 || (!f->int_mode && min < 1.0e-4);
  measure_floats(f, v, n, stride);
  if (o->sci_mode >= 0) f->sci_mode = o->sci_mode;
}

/* _Formatter for integers and bools: the width of the longest printed value. */
static void formatter_int(fmt_formatter *f, const int64_t *v, int64_t n, bool is_bool) {
  *f = (fmt_formatter){.kind = is_bool ? FMT_BOOL : FMT_INT, .max_width = 1};
  for (int64_t k = 0; k < n; k++) {
    int64_t len = is_bool ? (v[k] ? 4 : 5) : text_len("%" PRId64, v[k]);
    if (len > f->max_width) f->max_width = len;
  }
}

/* Appends a floating value as _Formatter.format does, before the padding to the common width. */
static void put_float_raw(fmt_buf *b, const fmt_formatter *f, double x) {
  int32_t p = printf_precision(f->precision);
  size_t start = b->len;
  /* printf may write "-nan"; Python always writes "nan", and no "." follows nan or inf. */
  if (isnan(x)) {
    buf_puts(b, "nan");
  } else if (isinf(x)) {
    buf_puts(b, x < 0 ? "-inf" : "inf");
  } else if (f->sci_mode) {
    buf_printf(b, "%.*e", p, x);
    const char *e = b->failed ? NULL : memchr(b->data + start, 'e', b->len - start);
    if (e) buf_insert(b, (size_t)(e - b->data), '0', extra_zeros(f->precision));
  } else if (f->int_mode) {
    buf_printf(b, "%.0f.", x);
  } else {
    buf_printf(b, "%.*f", p, x);
    buf_repeat(b, '0', extra_zeros(f->precision));
  }
}

/* Appends a value right-aligned to the formatter's width; x for floats, i otherwise. */
static void put_padded(fmt_buf *b, const fmt_formatter *f, double x, int64_t i) {
  size_t start = b->len;
  if (f->kind == FMT_FLOAT)
    put_float_raw(b, f, x);
  else if (f->kind == FMT_BOOL)
    buf_puts(b, i ? "True" : "False");
  else
    buf_printf(b, "%" PRId64, i);
  if (!b->failed) buf_insert(b, start, ' ', f->max_width - (int64_t)(b->len - start));
}

/* ---- layout --------------------------------------------------------------------------------- */

typedef struct fmt_printer {
  fmt_buf *out;
  const fmt_dim *dims;
  int32_t ndim;
  const fmt_values *values;
  fmt_formatter real;  /* the only formatter of real tensors */
  fmt_formatter imag;  /* complex tensors only */
  int64_t linewidth;
} fmt_printer;

/* Element k of the shown values, as _scalar_str and _val_formatter write it. */
static void put_element(const fmt_printer *p, int64_t k) {
  const fmt_values *v = p->values;
  if (v->dtype == CT_FLOAT64) {
    put_padded(p->out, &p->real, v->f[k], 0);
  } else if (v->dtype == CT_INT64) {
    put_padded(p->out, &p->real, 0, v->i[k]);
  } else {
    /* The imaginary part loses its padding (lstrip) and gains "+" unless it has a sign. */
    put_padded(p->out, &p->real, v->f[2 * k], 0);
    size_t start = p->out->len;
    put_float_raw(p->out, &p->imag, v->f[2 * k + 1]);
    buf_puts(p->out, "j");
    if (!p->out->failed && p->out->data[start] != '-' && p->out->data[start] != '+')
      buf_insert(p->out, start, '+', 1);
  }
}

/* The items of a dimension in order: head entries, "..." when summarised, tail entries. */
static int64_t dim_items(const fmt_dim *d) { return dim_shown(d) + (d->ellipsis ? 1 : 0); }

/* Shown-entry number of item, or -1 for the "..." item. */
static int64_t item_entry(const fmt_dim *d, int64_t item) {
  if (!d->ellipsis || item < d->head) return item;
  return item == d->head ? -1 : item - 1;
}

/* _vector_str: the last dimension, whose first value is number base of the shown values. */
static void put_vector(const fmt_printer *p, int64_t base, int64_t indent) {
  const fmt_dim *d = &p->dims[p->ndim - 1];
  int64_t element_length = p->real.max_width + 2;
  if (p->values->dtype == CT_COMPLEX128) element_length += p->imag.max_width + 1;
  int64_t room = p->linewidth - indent;
  int64_t per_line = room >= element_length ? room / element_length : 1;

  buf_puts(p->out, "[");
  for (int64_t item = 0; item < dim_items(d); item++) {
    if (item > 0 && item % per_line == 0) {
      buf_puts(p->out, ",\n");
      buf_repeat(p->out, ' ', indent + 1);
    } else if (item > 0) {
      buf_puts(p->out, ", ");
    }
    int64_t entry = item_entry(d, item);
    if (entry < 0)
      buf_puts(p->out, " ...");
    else
      put_element(p, base + entry);
  }
  buf_puts(p->out, "]");
}

/*
 * _tensor_str_with_formatter for the sub-tensor over dimensions dim.. that is
 * number base, in row-major order, of those at its level of the shown values.
 */
static void put_tensor(const fmt_printer *p, int32_t dim, int64_t base, int64_t indent) {
  if (p->ndim == 0) {
    put_element(p, 0);
    return;
  }
  if (dim == p->ndim - 1) {
    put_vector(p, base * dim_shown(&p->dims[dim]), indent);
    return;
  }
  const fmt_dim *d = &p->dims[dim];
  buf_puts(p->out, "[");
  for (int64_t item = 0; item < dim_items(d); item++) {
    if (item > 0) {
      buf_puts(p->out, ",");
      buf_repeat(p->out, '\n', p->ndim - dim - 1);
      buf_repeat(p->out, ' ', indent + 1);
    }
    int64_t entry = item_entry(d, item);
    if (entry < 0)
      buf_puts(p->out, "...");
    else
      put_tensor(p, dim + 1, base * dim_shown(d) + entry, indent + 1);
  }
  buf_puts(p->out, "]");
}

/* Builds the formatters of _tensor_str over the shown values. */
static void make_formatters(fmt_printer *p, const ct_tensor *t, const fmt_options *o) {
  const fmt_values *v = p->values;
  if (v->dtype == CT_COMPLEX128) {
    formatter_float(&p->real, v->f, v->count, 2, o);
    formatter_float(&p->imag, v->f ? v->f + 1 : NULL, v->count, 2, o); /* none shown (edgeitems 0): f is NULL */
  } else if (v->dtype == CT_FLOAT64) {
    formatter_float(&p->real, v->f, v->count, 1, o);
  } else {
    formatter_int(&p->real, v->i, v->count, t->dtype == CT_BOOL);
  }
}

/* _tensor_str for a tensor with elements. */
static ct_status put_body(fmt_buf *out, const ct_tensor *t, const fmt_options *o, int64_t indent) {
  void *dims_mem = NULL;
  CT_TRY(ct__alloc_or_error(&dims_mem, sizeof(fmt_dim) * (size_t)(t->ndim + 1), "ct_tensor_format",
                            "the dimensions"));
  fmt_dim *dims = dims_mem;
  plan_dims(dims, t, t->numel > o->threshold, o->edgeitems);
  fmt_values values = {0};
  fmt_printer p = {.out = out, .dims = dims, .ndim = t->ndim, .values = &values,
                   .linewidth = o->linewidth};
  ct_status s = read_shown(&values, t, dims);
  if (s == CT_OK) {
    make_formatters(&p, t, o);
    put_tensor(&p, 0, 0, indent);
  }
  ct__free(values.f);
  ct__free(values.i);
  ct__free(dims);
  return s;
}

/* ---- suffixes ------------------------------------------------------------------------------- */

/* _add_suffixes for one suffix; last_line_len is PyTorch's measure (two more than the line). */
static void add_suffix(fmt_buf *out, int64_t *last_line_len, const fmt_buf *suffix,
                       int64_t indent, int64_t linewidth) {
  int64_t len = (int64_t)suffix->len;
  if (*last_line_len + len + 2 > linewidth) {
    buf_puts(out, ",\n");
    buf_repeat(out, ' ', indent);
    *last_line_len = indent + len;
  } else {
    buf_puts(out, ", ");
    *last_line_len += len + 2;
  }
  buf_append(out, suffix->data, suffix->len);
}

/* Python's str(tuple(shape)): "(2, 0)", "(5,)", "()". */
static void put_shape_tuple(fmt_buf *b, const ct_tensor *t) {
  buf_puts(b, "(");
  for (int32_t d = 0; d < t->ndim; d++) buf_printf(b, d ? ", %" PRId64 : "%" PRId64, t->shape[d]);
  buf_puts(b, t->ndim == 1 ? ",)" : ")");
}

/* Whether _str_intern prints a dtype= suffix for t. */
static bool needs_dtype_suffix(const ct_tensor *t) {
  ct_dtype dflt = CT_FLOAT32;
  ct_get_default_dtype(&dflt);
  /* An empty tensor shows every dtype but the default, since no element hints at it. */
  if (t->numel == 0) return t->dtype != dflt;
  ct_dtype dflt_complex = dflt == CT_FLOAT64 ? CT_COMPLEX128 : CT_COMPLEX64;
  return t->dtype != dflt && t->dtype != dflt_complex && t->dtype != CT_INT64 &&
         t->dtype != CT_BOOL;
}

/*
 * The suffixes of _str_intern in its order: device (not the CPU), size (empty
 * and not 1-d), dtype. Each is written to scratch first, since whether it
 * starts a new line depends on its length.
 */
static ct_status put_suffixes(fmt_buf *out, fmt_buf *scratch, const ct_tensor *t,
                              const char *prefix, int64_t indent, int64_t linewidth) {
  /* len(text) - text.rfind("\n") + 1, with rfind giving -1 when there is no newline. */
  int64_t newline = (int64_t)out->len - 1;
  while (newline >= 0 && out->data[newline] != '\n') newline--;
  int64_t last_line_len = (int64_t)out->len - newline + 1;

  if (t->storage->device_type != CT_DEVICE_CPU) {
    const char *name = NULL;
    CT_TRY(ct_device_type_name(&name, t->storage->device_type));
    scratch->len = 0;
    buf_printf(scratch, "device='%s:%" PRId32 "'", name, t->storage->device_index);
    add_suffix(out, &last_line_len, scratch, indent, linewidth);
  }
  if (t->numel == 0 && t->ndim != 1) {
    scratch->len = 0;
    buf_puts(scratch, "size=");
    put_shape_tuple(scratch, t);
    add_suffix(out, &last_line_len, scratch, indent, linewidth);
  }
  if (needs_dtype_suffix(t)) {
    const char *name = NULL;
    CT_TRY(ct_dtype_name(&name, t->dtype));
    scratch->len = 0;
    buf_printf(scratch, "dtype=%s%s", prefix, name);
    add_suffix(out, &last_line_len, scratch, indent, linewidth);
  }
  return CT_OK;
}

/* ---- ct_tensor_format ----------------------------------------------------------------------- */

static void read_options(fmt_options *o) {
  ct_get_print_options(&o->precision, &o->threshold, &o->edgeitems, &o->linewidth, &o->sci_mode);
}

/* The whole repr of t into out; allocation failures are left in out->failed. */
static ct_status put_repr(fmt_buf *out, const ct_tensor *t, const char *prefix) {
  fmt_options o;
  read_options(&o);
  static const char head[] = "tensor(";
  const int64_t indent = (int64_t)sizeof head - 1;
  buf_puts(out, head);
  if (t->numel == 0)
    buf_puts(out, "[]");
  else
    CT_TRY(put_body(out, t, &o, indent));
  fmt_buf scratch = {0};
  ct_status s = put_suffixes(out, &scratch, t, prefix, indent, o.linewidth);
  if (scratch.failed && !out->failed) {
    out->failed = true;
    out->wanted = scratch.wanted;
  }
  ct__free(scratch.data);
  buf_puts(out, ")");
  return s;
}

ct_status ct_tensor_format(char *buf, size_t size, size_t *length, ct_tensor *t,
                           const char *dtype_prefix) {
  if (length) *length = 0;
  if (buf && size > 0) buf[0] = '\0';
  CT_CHECK_ARG(t != NULL, CT_ERR_INVALID_ARGUMENT, "ct_tensor_format: t is NULL");
  CT_CHECK_ARG(length != NULL, CT_ERR_INVALID_ARGUMENT, "ct_tensor_format: length is NULL");
  CT_CHECK_ARG(buf != NULL || size == 0, CT_ERR_INVALID_ARGUMENT,
               "ct_tensor_format: buf is NULL but size = %zu", size);

  fmt_buf out = {0};
  ct_status s = put_repr(&out, t, dtype_prefix ? dtype_prefix : "");
  if (s == CT_OK && out.failed)
    s = ct__error(CT_ERR_OUT_OF_MEMORY, "ct_tensor_format: cannot allocate %zu bytes for the text",
                  out.wanted);
  if (s == CT_OK) {
    *length = out.len;
    if (size > 0) {
      size_t n = out.len < size - 1 ? out.len : size - 1;
      memcpy(buf, out.data, n);
      buf[n] = '\0';
    }
  }
  ct__free(out.data);
  return s;
}
