/*
 * check_allocfail.c: allocation-failure injection (testing.h) over representative operations
 * of every family.
 *
 * For each operation and k = 1, 2, ... the k-th host allocation from the start of the call
 * fails (once, then again with every allocation after it failing too); the call must then
 * return CT_ERR_OUT_OF_MEMORY with a message naming the function (or recover and succeed with
 * the right result), leave every out-parameter NULL, leave its inputs (and the tensor it
 * writes) unchanged, and leak nothing: ct_memory_stats' live blocks and bytes come back to
 * where they were once everything made by the call is released. k stops at the first value
 * where no failure was injected (the call made fewer than k allocations). The number of
 * injected failure points is printed per operation, per family and in total, as TAP comments.
 */
#include "ct_test.h"
#include "ctensor/testing.h"

#include <sys/mman.h>

enum { AF_MAX_OUTS = 4, AF_MAX_K = 100000 };

/* The shared inputs, made once; snapshots of them (contiguous clones) to see that no call writes them. */
static struct {
  ct_tensor *a;     /* float32 (3, 4): -5 .. 6 */
  ct_tensor *at;    /* a transposed: (4, 3), not contiguous */
  ct_tensor *b;     /* float64 (4): broadcasts against a, promotes it */
  ct_tensor *ai;    /* int64 (3, 4) */
  ct_tensor *mask;  /* bool (3, 4) */
  ct_tensor *idx;   /* int64 (2): 1, 0 */
  ct_tensor *val;   /* float32 (2) */
  ct_tensor *row;   /* float32 (5) */
  ct_tensor *gidx;  /* int64 (3, 4) in [0, 4) */
  ct_tensor *mat;   /* float32 (4, 5) */
  ct_tensor *vec;   /* float32 (4) */
  ct_tensor *ba;    /* float32 (2, 3, 4) */
  ct_tensor *bb;    /* float32 (2, 4, 5) */
  ct_tensor *big;   /* float32 (40, 40): summarised when printed */
  ct_tensor *cx;    /* complex64 (3) */
  ct_tensor *dup;   /* int64 (8) with repeats */
  ct_tensor *half;  /* float64 (3, 4) */
  ct_tensor *nc;    /* float64 (3, 4), a transposed (4, 3) */
  ct_tensor *one;   /* float64 (1) */
  ct_tensor *bmask; /* bool (4): broadcasts against a */
} G;

enum { AF_NINPUTS = sizeof G / sizeof(ct_tensor *) };
static ct_tensor *snapshots[AF_NINPUTS];

static ct_tensor **input_slot(int i) { return &((ct_tensor **)(void *)&G)[i]; }

/* One run of an operation: what it returns, and what it writes, made before injection is armed. */
typedef struct af_run {
  ct_tensor *t[AF_MAX_OUTS];      /* tensor out-parameters */
  DLManagedTensor *dl;            /* DLPack exports */
  DLManagedTensorVersioned *dlv;
  char text[4096];                /* ct_tensor_format */
  size_t length;
  int32_t count;                  /* split and friends */
  ct_tensor *target;              /* the tensor an in-place or out= call writes */
} af_run;

typedef struct af_op {
  const char *name; /* the function, which the message must name */
  const char *family;
  int nouts;        /* how many of t[] the call sets */
  void (*prepare)(af_run *r);
  ct_status (*run)(af_run *r);
  bool random;      /* results differ from run to run: compare shapes only */
} af_op;

/* ---- helpers ---------------------------------------------------------------------------------- */

static ct_tensor *from_f64(ct_dtype dtype, int32_t ndim, const int64_t *shape, const double *v) {
  ct_tensor *t = NULL;
  CT_OK_(ct_from_data(&t, v, CT_FLOAT64, ndim, shape, dtype, CT_DEVICE_NONE, -1));
  return t;
}

static ct_tensor *clone_of(ct_tensor *t) {
  ct_tensor *c = NULL;
  CT_OK_(ct_clone(&c, t));
  return c;
}

/*
 * Whether a and b have the same dtype, shape and (with values) bytes. No Check assertion here:
 * each one writes to Check's pipe, and this runs for every input after every call.
 */
static bool same_tensor(ct_tensor *a, ct_tensor *b, bool values) {
  int32_t na = -1, nb = -2;
  int64_t sa[MAX_DIMS], sb[MAX_DIMS], nbytes = 0;
  ct_dtype da = CT_DTYPE_NONE, db = CT_DTYPE_NONE;
  if (ct_tensor_ndim(&na, a) || ct_tensor_ndim(&nb, b) || na != nb || na > MAX_DIMS) return false;
  if (ct_tensor_dtype(&da, a) || ct_tensor_dtype(&db, b) || da != db) return false;
  if (ct_tensor_shape(sa, MAX_DIMS, a) || ct_tensor_shape(sb, MAX_DIMS, b)) return false;
  for (int32_t d = 0; d < na; d++)
    if (sa[d] != sb[d]) return false;
  if (!values) return true;
  ct_tensor *ca = NULL, *cb = NULL;
  void *pa = NULL, *pb = NULL;
  bool same = ct_contiguous(&ca, a) == CT_OK && ct_contiguous(&cb, b) == CT_OK &&
              ct_tensor_nbytes(&nbytes, ca) == CT_OK && ct_tensor_data_ptr(&pa, ca) == CT_OK &&
              ct_tensor_data_ptr(&pb, cb) == CT_OK && memcmp(pa, pb, (size_t)nbytes) == 0;
  ct_tensor_release(ca);
  ct_tensor_release(cb);
  return same;
}

static void release_outs(af_run *r) {
  for (int i = 0; i < AF_MAX_OUTS; i++) {
    if (r->t[i] && r->t[i] != POISON) ct_tensor_release(r->t[i]);
    r->t[i] = NULL;
  }
  if (r->dl && r->dl != (void *)POISON) r->dl->deleter(r->dl);
  if (r->dlv && r->dlv != (void *)POISON) r->dlv->deleter(r->dlv);
  r->dl = NULL;
  r->dlv = NULL;
}

/* ---- prepares: the written tensor ------------------------------------------------------------- */

static void prep_f32(af_run *r) { r->target = clone_of(G.a); }
static void prep_f64(af_run *r) { r->target = clone_of(G.half); }
static void prep_out_f64(af_run *r) {
  const int64_t shape[] = {3, 4};
  CT_OK_(ct_full(&r->target, 2, shape, &(double){7}, CT_FLOAT64, CT_FLOAT64, CT_DEVICE_NONE, -1));
}
static void prep_out_f32_4x5(af_run *r) {
  const int64_t shape[] = {3, 5};
  CT_OK_(ct_full(&r->target, 2, shape, &(double){7}, CT_FLOAT64, CT_FLOAT32, CT_DEVICE_NONE, -1));
}
static void prep_out_sum(af_run *r) {
  const int64_t shape[] = {4};
  CT_OK_(ct_full(&r->target, 1, shape, &(double){7}, CT_FLOAT64, CT_FLOAT32, CT_DEVICE_NONE, -1));
}
static void prep_out_cat(af_run *r) {
  const int64_t shape[] = {6, 4};
  CT_OK_(ct_full(&r->target, 2, shape, &(double){7}, CT_FLOAT64, CT_FLOAT32, CT_DEVICE_NONE, -1));
}

/* ---- creation --------------------------------------------------------------------------------- */

static const int64_t S34[] = {3, 4};
static const double D12[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

static ct_status op_empty(af_run *r) { return ct_empty(&r->t[0], 2, S34, CT_FLOAT32, CT_DEVICE_NONE, -1); }
static ct_status op_zeros(af_run *r) { return ct_zeros(&r->t[0], 2, S34, CT_INT32, CT_DEVICE_CPU, 0); }
static ct_status op_ones(af_run *r) { return ct_ones(&r->t[0], 2, S34, CT_COMPLEX64, CT_DEVICE_NONE, -1); }
static ct_status op_full(af_run *r) {
  return ct_full(&r->t[0], 2, S34, &(double){2.5}, CT_FLOAT64, CT_FLOAT16, CT_DEVICE_NONE, -1);
}
static ct_status op_arange(af_run *r) { return ct_arange(&r->t[0], 0, 10, 0.5, CT_FLOAT32, CT_DEVICE_NONE, -1); }
static ct_status op_linspace(af_run *r) { return ct_linspace(&r->t[0], -1, 1, 9, CT_FLOAT64, CT_DEVICE_NONE, -1); }
static ct_status op_eye(af_run *r) { return ct_eye(&r->t[0], 3, 5, CT_BOOL, CT_DEVICE_NONE, -1); }
static ct_status op_rand(af_run *r) { return ct_rand(&r->t[0], NULL, 2, S34, CT_FLOAT32, CT_DEVICE_NONE, -1); }
static ct_status op_randn(af_run *r) { return ct_randn(&r->t[0], NULL, 2, S34, CT_FLOAT64, CT_DEVICE_NONE, -1); }
static ct_status op_randint(af_run *r) {
  return ct_randint(&r->t[0], NULL, -3, 9, 2, S34, CT_INT64, CT_DEVICE_NONE, -1);
}
static ct_status op_rand_like(af_run *r) { return ct_rand_like(&r->t[0], G.at, NULL, -1, CT_DEVICE_NONE, -1); }
static ct_status op_randn_like(af_run *r) { return ct_randn_like(&r->t[0], G.a, NULL, CT_FLOAT64, CT_DEVICE_NONE, -1); }
static ct_status op_randint_like(af_run *r) { return ct_randint_like(&r->t[0], G.at, NULL, 0, 5, -1, CT_DEVICE_NONE, -1); }
static ct_status op_from_data(af_run *r) {
  return ct_from_data(&r->t[0], D12, CT_FLOAT64, 2, S34, CT_BFLOAT16, CT_DEVICE_NONE, -1);
}
static ct_status op_empty_like(af_run *r) { return ct_empty_like(&r->t[0], G.at, -1, CT_DEVICE_NONE, -1); }
static ct_status op_zeros_like(af_run *r) { return ct_zeros_like(&r->t[0], G.at, CT_INT8, CT_DEVICE_NONE, -1); }
static ct_status op_ones_like(af_run *r) { return ct_ones_like(&r->t[0], G.a, -1, CT_DEVICE_NONE, -1); }
static ct_status op_full_like(af_run *r) {
  return ct_full_like(&r->t[0], G.ai, &(int64_t){3}, CT_INT64, -1, CT_DEVICE_NONE, -1);
}
static ct_status op_new_empty(af_run *r) { return ct_new_empty(&r->t[0], G.a, 2, S34, -1, CT_DEVICE_NONE, -1); }
static ct_status op_new_zeros(af_run *r) { return ct_new_zeros(&r->t[0], G.a, 2, S34, -1, CT_DEVICE_NONE, -1); }
static ct_status op_new_ones(af_run *r) { return ct_new_ones(&r->t[0], G.ai, 2, S34, -1, CT_DEVICE_NONE, -1); }
static ct_status op_new_full(af_run *r) {
  return ct_new_full(&r->t[0], G.a, 2, S34, &(double){-1}, CT_FLOAT64, -1, CT_DEVICE_NONE, -1);
}
static ct_status op_new_tensor(af_run *r) {
  return ct_new_tensor(&r->t[0], G.a, D12, CT_FLOAT64, 2, S34, -1, CT_DEVICE_NONE, -1);
}
static ct_status op_scalar_tensor(af_run *r) { return ct_scalar_tensor(&r->t[0], &(double){1.5}, CT_FLOAT64); }

/* ---- elementwise ------------------------------------------------------------------------------ */

static ct_status op_add_bcast(af_run *r) { return ct_add(&r->t[0], G.a, G.b, &(double){2}, CT_FLOAT64); }
static ct_status op_add_int_float(af_run *r) { return ct_add(&r->t[0], G.ai, G.a, NULL, 0); }
static ct_status op_mul_noncontig(af_run *r) { return ct_mul(&r->t[0], G.at, G.at); }
static ct_status op_div_scalar(af_run *r) {
  return ct_div_scalar(&r->t[0], G.ai, &(int64_t){2}, CT_INT64, 0);
}
static ct_status op_pow(af_run *r) { return ct_pow(&r->t[0], G.ai, G.b); }
static ct_status op_eq(af_run *r) { return ct_eq(&r->t[0], G.a, G.ai); }
static ct_status op_where(af_run *r) { return ct_where(&r->t[0], G.mask, G.a, G.b); }
static ct_status op_clamp(af_run *r) { return ct_clamp(&r->t[0], G.a, NULL, G.b); }
static ct_status op_exp(af_run *r) { return ct_exp(&r->t[0], G.at); }
static ct_status op_neg_int(af_run *r) { return ct_neg(&r->t[0], G.ai); }
static ct_status op_add_(af_run *r) { return ct_add_(r->target, G.b, NULL, 0); }
static ct_status op_mul_t_(af_run *r) { return ct_mul_(r->target, G.nc); }
static ct_status op_exp_(af_run *r) { return ct_exp_(r->target); }
static ct_status op_add_out(af_run *r) { return ct_add_out(r->target, G.a, G.b, NULL, 0); }
static ct_status op_mul_scalar_out(af_run *r) {
  return ct_mul_scalar_out(r->target, G.ai, &(double){0.5}, CT_FLOAT64);
}

/* ---- views ------------------------------------------------------------------------------------ */

static ct_status op_view(af_run *r) { return ct_view(&r->t[0], G.a, 2, (const int64_t[]){2, 6}); }
static ct_status op_reshape_copy(af_run *r) { return ct_reshape(&r->t[0], G.at, 1, (const int64_t[]){12}); }
static ct_status op_transpose(af_run *r) { return ct_transpose(&r->t[0], G.a, 0, 1); }
static ct_status op_permute(af_run *r) { return ct_permute(&r->t[0], G.ba, (const int64_t[]){2, 0, 1}, 3); }
static ct_status op_expand(af_run *r) { return ct_expand(&r->t[0], G.b, 3, (const int64_t[]){2, 3, 4}); }
static ct_status op_narrow(af_run *r) { return ct_narrow(&r->t[0], G.a, 1, 1, 2); }
static ct_status op_select(af_run *r) { return ct_select(&r->t[0], G.ba, 1, -1); }
static ct_status op_slice(af_run *r) { return ct_slice(&r->t[0], G.a, 1, 0, 4, 2); }
static ct_status op_diagonal(af_run *r) { return ct_diagonal(&r->t[0], G.a, 1, 0, 1); }
static ct_status op_unsqueeze(af_run *r) { return ct_unsqueeze(&r->t[0], G.a, 1); }
static ct_status op_squeeze(af_run *r) { return ct_squeeze(&r->t[0], G.a); }
static ct_status op_flatten(af_run *r) { return ct_flatten(&r->t[0], G.ba, 0, 1); }
static ct_status op_unfold(af_run *r) { return ct_unfold(&r->t[0], G.a, 1, 2, 1); }
static ct_status op_movedim(af_run *r) { return ct_movedim(&r->t[0], G.ba, 0, 2); }
static ct_status op_view_as_real(af_run *r) { return ct_view_as_real(&r->t[0], G.cx); }
static ct_status op_imag(af_run *r) { return ct_imag(&r->t[0], G.cx); }
static ct_status op_as_strided(af_run *r) {
  return ct_as_strided(&r->t[0], G.a, 2, (const int64_t[]){2, 2}, (const int64_t[]){1, 2}, 1);
}

/* ---- indexing --------------------------------------------------------------------------------- */

static ct_status op_index_basic(af_run *r) {
  const int32_t kinds[] = {CT_INDEX_NONE, CT_INDEX_INT, CT_INDEX_SLICE};
  const int64_t values[] = {0, 0, 0, -1, 0, 0, 1, INT64_MAX, 2};
  return ct_index(&r->t[0], G.a, 3, kinds, values, NULL);
}
static ct_status op_index_advanced(af_run *r) {
  const int32_t kinds[] = {CT_INDEX_SLICE, CT_INDEX_TENSOR};
  const int64_t values[] = {0, INT64_MAX, 1, 0, 0, 0};
  ct_tensor *const tensors[] = {NULL, G.idx};
  return ct_index(&r->t[0], G.a, 2, kinds, values, tensors);
}
static ct_status op_index_two_tensors(af_run *r) {
  const int32_t kinds[] = {CT_INDEX_TENSOR, CT_INDEX_SLICE, CT_INDEX_TENSOR};
  const int64_t values[] = {0, 0, 0, 0, INT64_MAX, 1, 0, 0, 0};
  ct_tensor *const tensors[] = {G.idx, NULL, G.idx};
  return ct_index(&r->t[0], G.ba, 3, kinds, values, tensors);
}
static ct_status op_index_mask(af_run *r) {
  const int32_t kinds[] = {CT_INDEX_TENSOR};
  ct_tensor *const tensors[] = {G.mask};
  return ct_index(&r->t[0], G.a, 1, kinds, NULL, tensors);
}
static ct_status op_index_put_basic(af_run *r) {
  const int32_t kinds[] = {CT_INDEX_SLICE, CT_INDEX_INT};
  const int64_t values[] = {0, INT64_MAX, 2, 1, 0, 0};
  return ct_index_put_(r->target, 2, kinds, values, NULL, G.val, false);
}
static ct_status op_index_put_adv(af_run *r) {
  const int32_t kinds[] = {CT_INDEX_ELLIPSIS, CT_INDEX_TENSOR};
  ct_tensor *const tensors[] = {NULL, G.idx};
  return ct_index_put_(r->target, 2, kinds, NULL, tensors, G.val, true);
}
static ct_status op_index_put_mask(af_run *r) {
  const int32_t kinds[] = {CT_INDEX_TENSOR};
  ct_tensor *const tensors[] = {G.mask};
  return ct_index_put_(r->target, 1, kinds, NULL, tensors, G.one, false);
}
static ct_status op_index_put_functional(af_run *r) {
  const int32_t kinds[] = {CT_INDEX_TENSOR};
  ct_tensor *const tensors[] = {G.idx};
  return ct_index_put(&r->t[0], G.a, 1, kinds, NULL, tensors, G.vec, true);
}
static ct_status op_index_select(af_run *r) { return ct_index_select(&r->t[0], G.at, 1, G.idx); }
static ct_status op_gather(af_run *r) { return ct_gather(&r->t[0], G.a, 1, G.gidx); }
static ct_status op_scatter_add(af_run *r) { return ct_scatter_add(&r->t[0], G.a, 1, G.gidx, G.a); }
static ct_status op_scatter_add_(af_run *r) { return ct_scatter_add_(r->target, 1, G.gidx, G.half); }
static ct_status op_masked_fill(af_run *r) {
  return ct_masked_fill(&r->t[0], G.nc, G.bmask, &(double){9}, CT_FLOAT64);
}
static ct_status op_masked_fill_(af_run *r) {
  return ct_masked_fill_(r->target, G.mask, &(double){9}, CT_FLOAT64);
}
static ct_status op_masked_select(af_run *r) { return ct_masked_select(&r->t[0], G.a, G.mask); }
static ct_status op_nonzero(af_run *r) { return ct_nonzero(&r->t[0], G.ai); }
static ct_status op_take(af_run *r) { return ct_take(&r->t[0], G.at, G.gidx); }

/* ---- reductions ------------------------------------------------------------------------------- */

static const int64_t DIM0[] = {0}, DIM1[] = {1}, DIM01[] = {0, 1};

static ct_status op_sum_all(af_run *r) { return ct_sum(&r->t[0], G.a, NULL, 0, false, -1); }
static ct_status op_sum_dims(af_run *r) { return ct_sum(&r->t[0], G.ba, DIM01, 2, true, CT_FLOAT64); }
static ct_status op_sum_noncontig(af_run *r) { return ct_sum(&r->t[0], G.at, DIM1, 1, false, -1); }
static ct_status op_sum_out(af_run *r) { return ct_sum_out(r->target, G.a, DIM0, 1, false, -1); }
static ct_status op_prod_int(af_run *r) { return ct_prod(&r->t[0], G.ai, DIM1, 1, false, -1); }
static ct_status op_mean(af_run *r) { return ct_mean(&r->t[0], G.at, DIM0, 1, false, -1); }
static ct_status op_max(af_run *r) { return ct_max(&r->t[0], G.a); }
static ct_status op_max_dim(af_run *r) { return ct_max_dim(&r->t[0], &r->t[1], G.a, 1, true); }
static ct_status op_argmax(af_run *r) { return ct_argmax(&r->t[0], G.at, DIM0, false); }
static ct_status op_amin(af_run *r) { return ct_amin(&r->t[0], G.ba, DIM01, 2, false); }
static ct_status op_var(af_run *r) { return ct_var(&r->t[0], G.a, DIM1, 1, 1, false); }
static ct_status op_std_mean(af_run *r) { return ct_std_mean(&r->t[0], &r->t[1], G.at, NULL, 0, 0, true); }
static ct_status op_norm(af_run *r) { return ct_norm(&r->t[0], G.a, 3, DIM1, 1, false, -1); }
static ct_status op_norm_fro(af_run *r) { return ct_norm_fro(&r->t[0], G.cx, NULL, 0, false); }
static ct_status op_all(af_run *r) { return ct_all(&r->t[0], G.mask, DIM1, 1, false); }
static ct_status op_count_nonzero(af_run *r) { return ct_count_nonzero(&r->t[0], G.ai, DIM0, 1); }
static ct_status op_logsumexp(af_run *r) { return ct_logsumexp(&r->t[0], G.a, DIM1, 1, false); }
static ct_status op_cumsum(af_run *r) { return ct_cumsum(&r->t[0], G.at, 0, CT_FLOAT64); }
static ct_status op_cumprod(af_run *r) { return ct_cumprod(&r->t[0], G.ai, 1, -1); }
static ct_status op_cumsum_(af_run *r) { return ct_cumsum_(r->target, 1); }
static ct_status op_softmax(af_run *r) { return ct_softmax(&r->t[0], G.a, 1, -1); }
static ct_status op_log_softmax(af_run *r) { return ct_log_softmax(&r->t[0], G.at, 0, CT_FLOAT64); }
static ct_status op_sort(af_run *r) { return ct_sort(&r->t[0], &r->t[1], G.at, 0, true, true); }
static ct_status op_argsort(af_run *r) { return ct_argsort(&r->t[0], G.dup, 0, false, true); }
static ct_status op_topk(af_run *r) { return ct_topk(&r->t[0], &r->t[1], G.a, 2, 1, true, true); }
static ct_status op_unique(af_run *r) { return ct_unique(&r->t[0], &r->t[1], &r->t[2], G.dup, true); }

/* ---- linear algebra --------------------------------------------------------------------------- */

static ct_status op_matmul(af_run *r) { return ct_matmul(&r->t[0], G.a, G.mat); }
static ct_status op_matmul_bcast(af_run *r) { return ct_matmul(&r->t[0], G.ba, G.mat); }
static ct_status op_matmul_vec(af_run *r) { return ct_matmul(&r->t[0], G.a, G.vec); }
static ct_status op_matmul_out(af_run *r) { return ct_matmul_out(r->target, G.a, G.mat); }
static ct_status op_mm_noncontig(af_run *r) { return ct_mm(&r->t[0], G.at, G.a); }
static ct_status op_bmm(af_run *r) { return ct_bmm(&r->t[0], G.ba, G.bb); }
static ct_status op_dot(af_run *r) { return ct_dot(&r->t[0], G.vec, G.vec); }
static ct_status op_outer(af_run *r) { return ct_outer(&r->t[0], G.vec, G.b); }
static ct_status op_addmm(af_run *r) {
  return ct_addmm(&r->t[0], G.row, G.a, G.mat, &(double){0.5}, CT_FLOAT64, NULL, 0);
}
static ct_status op_einsum_bmm(af_run *r) {
  ct_tensor *const ops[] = {G.ba, G.bb};
  return ct_einsum(&r->t[0], "bij,bjk->bik", ops, 2);
}
static ct_status op_einsum_trace(af_run *r) {
  ct_tensor *const ops[] = {G.ba};
  return ct_einsum(&r->t[0], "bij->j", ops, 1);
}
static ct_status op_einsum_outer(af_run *r) {
  ct_tensor *const ops[] = {G.vec, G.row};
  return ct_einsum(&r->t[0], "i,j->ij", ops, 2);
}

/* ---- structure -------------------------------------------------------------------------------- */

static ct_status op_cat(af_run *r) {
  ct_tensor *const ts[] = {G.a, G.half, G.ai};
  return ct_cat(&r->t[0], ts, 3, 1);
}
static ct_status op_cat_out(af_run *r) {
  ct_tensor *const ts[] = {G.a, G.ai};
  return ct_cat_out(r->target, ts, 2, 0);
}
static ct_status op_stack(af_run *r) {
  ct_tensor *const ts[] = {G.a, G.half, G.a};
  return ct_stack(&r->t[0], ts, 3, 2);
}
static ct_status op_split(af_run *r) { return ct_split(r->t, AF_MAX_OUTS, &r->count, G.a, 3, 1); }
static ct_status op_chunk(af_run *r) { return ct_chunk(r->t, AF_MAX_OUTS, &r->count, G.ba, 2, 2); }
static ct_status op_unbind(af_run *r) { return ct_unbind(r->t, AF_MAX_OUTS, &r->count, G.a, 0); }
static ct_status op_flip(af_run *r) { return ct_flip(&r->t[0], G.at, (const int64_t[]){0, 1}, 2); }
static ct_status op_roll(af_run *r) {
  return ct_roll(&r->t[0], G.a, (const int64_t[]){1, -1}, 2, (const int64_t[]){0, 1}, 2);
}
static ct_status op_roll_flat(af_run *r) { return ct_roll(&r->t[0], G.at, (const int64_t[]){5}, 1, NULL, 0); }
static ct_status op_tril(af_run *r) { return ct_tril(&r->t[0], G.ba, 0); }
static ct_status op_triu_(af_run *r) { return ct_triu_(r->target, 1); }
static ct_status op_repeat(af_run *r) { return ct_repeat(&r->t[0], G.at, (const int64_t[]){2, 1, 2}, 3); }
static ct_status op_tile(af_run *r) { return ct_tile(&r->t[0], G.vec, (const int64_t[]){2, 2}, 2); }

/* ---- conversion ------------------------------------------------------------------------------- */

static ct_status op_to_dtype(af_run *r) { return ct_to(&r->t[0], G.at, CT_INT16, CT_DEVICE_NONE, -1, false); }
static ct_status op_to_copy(af_run *r) { return ct_to(&r->t[0], G.a, -1, CT_DEVICE_CPU, 0, true); }
static ct_status op_contiguous(af_run *r) { return ct_contiguous(&r->t[0], G.at); }
static ct_status op_clone(af_run *r) { return ct_clone(&r->t[0], G.at); }
static ct_status op_copy_(af_run *r) { return ct_copy_(r->target, G.b); }
static ct_status op_copy_t_(af_run *r) { return ct_copy_(r->target, G.nc); }

/* ---- DLPack ----------------------------------------------------------------------------------- */

static ct_status op_to_dlpack_v(af_run *r) { return ct_to_dlpack_versioned(&r->dlv, G.at, 0, CT_DEVICE_NONE, -1); }
static ct_status op_to_dlpack_v_copy(af_run *r) {
  return ct_to_dlpack_versioned(&r->dlv, G.at, CT_DLPACK_COPY_ALWAYS, CT_DEVICE_NONE, -1);
}
static ct_status op_to_dlpack(af_run *r) { return ct_to_dlpack(&r->dl, G.a, 0, CT_DEVICE_NONE, -1); }

/* A foreign managed tensor of 2 x 3 int32 with strides, whose deleter counts its calls. */
static int foreign_deletes;
static int32_t foreign_data[7] = {1, 2, 3, 4, 5, 6, 7}; /* the legacy import starts 4 bytes in */
static int64_t foreign_shape[2] = {2, 3}, foreign_strides[2] = {1, 2};

static void foreign_deleter_v(DLManagedTensorVersioned *self) {
  foreign_deletes++;
  free(self);
}
static void foreign_deleter(DLManagedTensor *self) {
  foreign_deletes++;
  free(self);
}

static ct_status op_from_dlpack_v(af_run *r) {
  DLManagedTensorVersioned *m = calloc(1, sizeof *m);
  ck_assert_ptr_nonnull(m);
  m->version.major = 1;
  m->version.minor = 0;
  m->deleter = foreign_deleter_v;
  m->flags = DLPACK_FLAG_BITMASK_READ_ONLY;
  m->dl_tensor = (DLTensor){foreign_data, {kDLCPU, 0}, 2, {kDLInt, 32, 1}, foreign_shape, foreign_strides, 0};
  foreign_deletes = 0;
  return ct_from_dlpack_versioned(&r->t[0], m);
}
static ct_status op_from_dlpack(af_run *r) {
  DLManagedTensor *m = calloc(1, sizeof *m);
  ck_assert_ptr_nonnull(m);
  m->deleter = foreign_deleter;
  m->dl_tensor = (DLTensor){foreign_data, {kDLCPU, 0}, 2, {kDLInt, 32, 1}, foreign_shape, NULL, 4};
  foreign_deletes = 0;
  return ct_from_dlpack(&r->t[0], m);
}

/* ---- formatting ------------------------------------------------------------------------------- */

static ct_status op_format_small(af_run *r) { return ct_tensor_format(r->text, sizeof r->text, &r->length, G.a, ""); }
static ct_status op_format_int(af_run *r) { return ct_tensor_format(r->text, sizeof r->text, &r->length, G.ai, "torch."); }
static ct_status op_format_complex(af_run *r) { return ct_tensor_format(r->text, sizeof r->text, &r->length, G.cx, NULL); }
static ct_status op_format_big(af_run *r) { return ct_tensor_format(r->text, sizeof r->text, &r->length, G.big, ""); }
static ct_status op_format_view(af_run *r) { return ct_tensor_format(r->text, sizeof r->text, &r->length, G.at, ""); }

/* ---- the table -------------------------------------------------------------------------------- */

#define OP_(fn, fam, nouts, prep, run) {fn, fam, nouts, prep, run, false}
#define RND_(fn, fam, run) {fn, fam, 1, NULL, run, true}

static const af_op ops[] = {
    RND_("ct_empty", "creation", op_empty),
    OP_("ct_zeros", "creation", 1, NULL, op_zeros),
    OP_("ct_ones", "creation", 1, NULL, op_ones),
    OP_("ct_full", "creation", 1, NULL, op_full),
    OP_("ct_arange", "creation", 1, NULL, op_arange),
    OP_("ct_linspace", "creation", 1, NULL, op_linspace),
    OP_("ct_eye", "creation", 1, NULL, op_eye),
    RND_("ct_rand", "creation", op_rand),
    RND_("ct_randn", "creation", op_randn),
    RND_("ct_randint", "creation", op_randint),
    RND_("ct_rand_like", "creation", op_rand_like),
    RND_("ct_randn_like", "creation", op_randn_like),
    RND_("ct_randint_like", "creation", op_randint_like),
    OP_("ct_from_data", "creation", 1, NULL, op_from_data),
    RND_("ct_empty_like", "creation", op_empty_like),
    OP_("ct_zeros_like", "creation", 1, NULL, op_zeros_like),
    OP_("ct_ones_like", "creation", 1, NULL, op_ones_like),
    OP_("ct_full_like", "creation", 1, NULL, op_full_like),
    RND_("ct_new_empty", "creation", op_new_empty),
    OP_("ct_new_zeros", "creation", 1, NULL, op_new_zeros),
    OP_("ct_new_ones", "creation", 1, NULL, op_new_ones),
    OP_("ct_new_full", "creation", 1, NULL, op_new_full),
    OP_("ct_new_tensor", "creation", 1, NULL, op_new_tensor),
    OP_("ct_scalar_tensor", "creation", 1, NULL, op_scalar_tensor),

    OP_("ct_add", "elementwise", 1, NULL, op_add_bcast),
    OP_("ct_add", "elementwise", 1, NULL, op_add_int_float),
    OP_("ct_mul", "elementwise", 1, NULL, op_mul_noncontig),
    OP_("ct_div_scalar", "elementwise", 1, NULL, op_div_scalar),
    OP_("ct_pow", "elementwise", 1, NULL, op_pow),
    OP_("ct_eq", "elementwise", 1, NULL, op_eq),
    OP_("ct_where", "elementwise", 1, NULL, op_where),
    OP_("ct_clamp", "elementwise", 1, NULL, op_clamp),
    OP_("ct_exp", "elementwise", 1, NULL, op_exp),
    OP_("ct_neg", "elementwise", 1, NULL, op_neg_int),
    OP_("ct_add_", "elementwise", 0, prep_f32, op_add_),
    OP_("ct_mul_", "elementwise", 0, prep_f32, op_mul_t_),
    OP_("ct_exp_", "elementwise", 0, prep_f64, op_exp_),
    OP_("ct_add_out", "elementwise", 0, prep_out_f64, op_add_out),
    OP_("ct_mul_scalar_out", "elementwise", 0, prep_out_f64, op_mul_scalar_out),

    OP_("ct_view", "views", 1, NULL, op_view),
    OP_("ct_reshape", "views", 1, NULL, op_reshape_copy),
    OP_("ct_transpose", "views", 1, NULL, op_transpose),
    OP_("ct_permute", "views", 1, NULL, op_permute),
    OP_("ct_expand", "views", 1, NULL, op_expand),
    OP_("ct_narrow", "views", 1, NULL, op_narrow),
    OP_("ct_select", "views", 1, NULL, op_select),
    OP_("ct_slice", "views", 1, NULL, op_slice),
    OP_("ct_diagonal", "views", 1, NULL, op_diagonal),
    OP_("ct_unsqueeze", "views", 1, NULL, op_unsqueeze),
    OP_("ct_squeeze", "views", 1, NULL, op_squeeze),
    OP_("ct_flatten", "views", 1, NULL, op_flatten),
    OP_("ct_unfold", "views", 1, NULL, op_unfold),
    OP_("ct_movedim", "views", 1, NULL, op_movedim),
    OP_("ct_view_as_real", "views", 1, NULL, op_view_as_real),
    OP_("ct_imag", "views", 1, NULL, op_imag),
    OP_("ct_as_strided", "views", 1, NULL, op_as_strided),

    OP_("ct_index", "indexing", 1, NULL, op_index_basic),
    OP_("ct_index", "indexing", 1, NULL, op_index_advanced),
    OP_("ct_index", "indexing", 1, NULL, op_index_two_tensors),
    OP_("ct_index", "indexing", 1, NULL, op_index_mask),
    OP_("ct_index_put_", "indexing", 0, prep_f32, op_index_put_basic),
    OP_("ct_index_put_", "indexing", 0, prep_f32, op_index_put_adv),
    OP_("ct_index_put_", "indexing", 0, prep_f64, op_index_put_mask),
    OP_("ct_index_put", "indexing", 1, NULL, op_index_put_functional),
    OP_("ct_index_select", "indexing", 1, NULL, op_index_select),
    OP_("ct_gather", "indexing", 1, NULL, op_gather),
    OP_("ct_scatter_add", "indexing", 1, NULL, op_scatter_add),
    OP_("ct_scatter_add_", "indexing", 0, prep_f64, op_scatter_add_),
    OP_("ct_masked_fill", "indexing", 1, NULL, op_masked_fill),
    OP_("ct_masked_fill_", "indexing", 0, prep_f32, op_masked_fill_),
    OP_("ct_masked_select", "indexing", 1, NULL, op_masked_select),
    OP_("ct_nonzero", "indexing", 1, NULL, op_nonzero),
    OP_("ct_take", "indexing", 1, NULL, op_take),

    OP_("ct_sum", "reductions", 1, NULL, op_sum_all),
    OP_("ct_sum", "reductions", 1, NULL, op_sum_dims),
    OP_("ct_sum", "reductions", 1, NULL, op_sum_noncontig),
    OP_("ct_sum_out", "reductions", 0, prep_out_sum, op_sum_out),
    OP_("ct_prod", "reductions", 1, NULL, op_prod_int),
    OP_("ct_mean", "reductions", 1, NULL, op_mean),
    OP_("ct_max", "reductions", 1, NULL, op_max),
    OP_("ct_max_dim", "reductions", 2, NULL, op_max_dim),
    OP_("ct_argmax", "reductions", 1, NULL, op_argmax),
    OP_("ct_amin", "reductions", 1, NULL, op_amin),
    OP_("ct_var", "reductions", 1, NULL, op_var),
    OP_("ct_std_mean", "reductions", 2, NULL, op_std_mean),
    OP_("ct_norm", "reductions", 1, NULL, op_norm),
    OP_("ct_norm_fro", "reductions", 1, NULL, op_norm_fro),
    OP_("ct_all", "reductions", 1, NULL, op_all),
    OP_("ct_count_nonzero", "reductions", 1, NULL, op_count_nonzero),
    OP_("ct_logsumexp", "reductions", 1, NULL, op_logsumexp),
    OP_("ct_cumsum", "reductions", 1, NULL, op_cumsum),
    OP_("ct_cumprod", "reductions", 1, NULL, op_cumprod),
    OP_("ct_cumsum_", "reductions", 0, prep_f32, op_cumsum_),
    OP_("ct_softmax", "reductions", 1, NULL, op_softmax),
    OP_("ct_log_softmax", "reductions", 1, NULL, op_log_softmax),
    OP_("ct_sort", "reductions", 2, NULL, op_sort),
    OP_("ct_argsort", "reductions", 1, NULL, op_argsort),
    OP_("ct_topk", "reductions", 2, NULL, op_topk),
    OP_("ct_unique", "reductions", 3, NULL, op_unique),

    OP_("ct_matmul", "linalg", 1, NULL, op_matmul),
    OP_("ct_matmul", "linalg", 1, NULL, op_matmul_bcast),
    OP_("ct_matmul", "linalg", 1, NULL, op_matmul_vec),
    OP_("ct_matmul_out", "linalg", 0, prep_out_f32_4x5, op_matmul_out),
    OP_("ct_mm", "linalg", 1, NULL, op_mm_noncontig),
    OP_("ct_bmm", "linalg", 1, NULL, op_bmm),
    OP_("ct_dot", "linalg", 1, NULL, op_dot),
    OP_("ct_outer", "linalg", 1, NULL, op_outer),
    OP_("ct_addmm", "linalg", 1, NULL, op_addmm),
    OP_("ct_einsum", "linalg", 1, NULL, op_einsum_bmm),
    OP_("ct_einsum", "linalg", 1, NULL, op_einsum_trace),
    OP_("ct_einsum", "linalg", 1, NULL, op_einsum_outer),

    OP_("ct_cat", "structure", 1, NULL, op_cat),
    OP_("ct_cat_out", "structure", 0, prep_out_cat, op_cat_out),
    OP_("ct_stack", "structure", 1, NULL, op_stack),
    OP_("ct_split", "structure", AF_MAX_OUTS, NULL, op_split),
    OP_("ct_chunk", "structure", AF_MAX_OUTS, NULL, op_chunk),
    OP_("ct_unbind", "structure", AF_MAX_OUTS, NULL, op_unbind),
    OP_("ct_flip", "structure", 1, NULL, op_flip),
    OP_("ct_roll", "structure", 1, NULL, op_roll),
    OP_("ct_roll", "structure", 1, NULL, op_roll_flat),
    OP_("ct_tril", "structure", 1, NULL, op_tril),
    OP_("ct_triu_", "structure", 0, prep_f32, op_triu_),
    OP_("ct_repeat", "structure", 1, NULL, op_repeat),
    OP_("ct_tile", "structure", 1, NULL, op_tile),

    OP_("ct_to", "convert", 1, NULL, op_to_dtype),
    OP_("ct_to", "convert", 1, NULL, op_to_copy),
    OP_("ct_contiguous", "convert", 1, NULL, op_contiguous),
    OP_("ct_clone", "convert", 1, NULL, op_clone),
    OP_("ct_copy_", "convert", 0, prep_f32, op_copy_),
    OP_("ct_copy_", "convert", 0, prep_f64, op_copy_t_),

    OP_("ct_to_dlpack_versioned", "dlpack", 0, NULL, op_to_dlpack_v),
    OP_("ct_to_dlpack_versioned", "dlpack", 0, NULL, op_to_dlpack_v_copy),
    OP_("ct_to_dlpack", "dlpack", 0, NULL, op_to_dlpack),
    OP_("ct_from_dlpack_versioned", "dlpack", 1, NULL, op_from_dlpack_v),
    OP_("ct_from_dlpack", "dlpack", 1, NULL, op_from_dlpack),

    OP_("ct_tensor_format", "format", 0, NULL, op_format_small),
    OP_("ct_tensor_format", "format", 0, NULL, op_format_int),
    OP_("ct_tensor_format", "format", 0, NULL, op_format_complex),
    OP_("ct_tensor_format", "format", 0, NULL, op_format_big),
    OP_("ct_tensor_format", "format", 0, NULL, op_format_view),
};

enum { AF_NOPS = sizeof ops / sizeof ops[0] };

/* ---- the driver ------------------------------------------------------------------------------- */

static void make_inputs(void) {
  double v[1600];
  for (int i = 0; i < 1600; i++) v[i] = (i * 37 % 101) / 8.0 - 6;
  const double a[] = {-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6};
  G.a = from_f64(CT_FLOAT32, 2, S34, a);
  CT_OK_(ct_transpose(&G.at, G.a, 0, 1));
  G.b = from_f64(CT_FLOAT64, 1, (const int64_t[]){4}, (const double[]){0.5, -1, 2, 3});
  G.ai = from_f64(CT_INT64, 2, S34, (const double[]){3, -1, 4, 1, -5, 9, 2, 6, 5, 3, -5, 8});
  G.mask = from_f64(CT_BOOL, 2, S34, (const double[]){1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1});
  G.idx = from_f64(CT_INT64, 1, (const int64_t[]){2}, (const double[]){1, 0});
  G.val = from_f64(CT_FLOAT32, 1, (const int64_t[]){2}, (const double[]){10, 20});
  G.row = from_f64(CT_FLOAT32, 1, (const int64_t[]){5}, (const double[]){1, 2, 3, 4, 5});
  G.gidx = from_f64(CT_INT64, 2, S34, (const double[]){0, 3, 1, 1, 2, 2, 0, 3, 3, 0, 1, 2});
  G.mat = from_f64(CT_FLOAT32, 2, (const int64_t[]){4, 5}, v);
  G.vec = from_f64(CT_FLOAT32, 1, (const int64_t[]){4}, (const double[]){1, -2, 0.25, 4});
  G.ba = from_f64(CT_FLOAT32, 3, (const int64_t[]){2, 3, 4}, v + 20);
  G.bb = from_f64(CT_FLOAT32, 3, (const int64_t[]){2, 4, 5}, v + 50);
  G.big = from_f64(CT_FLOAT32, 2, (const int64_t[]){40, 40}, v);
  const double cx[] = {1, -1, 0.5, 2, -3, 0.25};
  CT_OK_(ct_from_data(&G.cx, cx, CT_COMPLEX128, 1, (const int64_t[]){3}, CT_COMPLEX64, CT_DEVICE_NONE, -1));
  G.dup = from_f64(CT_INT64, 1, (const int64_t[]){8}, (const double[]){3, 1, 3, 0, 1, 7, 3, 0});
  G.half = from_f64(CT_FLOAT64, 2, S34, v + 100);
  ct_tensor *t43 = from_f64(CT_FLOAT64, 2, (const int64_t[]){4, 3}, v + 200);
  CT_OK_(ct_transpose(&G.nc, t43, 0, 1));
  G.bmask = from_f64(CT_BOOL, 1, (const int64_t[]){4}, (const double[]){0, 1, 1, 0});
  G.one = from_f64(CT_FLOAT64, 1, (const int64_t[]){1}, (const double[]){9});
  ct_tensor_release(t43);
  for (int i = 0; i < AF_NINPUTS; i++) snapshots[i] = clone_of(*input_slot(i));
}

static void free_inputs(void) {
  for (int i = 0; i < AF_NINPUTS; i++) {
    ct_tensor_release(*input_slot(i));
    ct_tensor_release(snapshots[i]);
    *input_slot(i) = NULL;
    snapshots[i] = NULL;
  }
}

/* Runs op once without injection: the reference outputs (ref[i]) and text. */
static void reference(const af_op *op, af_run *ref) {
  memset(ref, 0, sizeof *ref);
  if (op->prepare) op->prepare(ref);
  ct_status s = op->run(ref);
  ck_assert_msg(s == CT_OK, "%s (%s): fails without injection: %s", op->name, op->family,
                ct_last_error_message());
}

static void release_run(af_run *r) {
  release_outs(r);
  ct_tensor_release(r->target);
  r->target = NULL;
}

/* Whether message starts "fn: ", as the library's messages do. */
static bool names(const char *message, const char *fn) {
  size_t n = strlen(fn);
  return strncmp(message, fn, n) == 0 && message[n] == ':';
}

/* Checks one injected run, noting what is wrong; returns whether a failure was injected. */
static bool run_at(const af_op *op, int64_t k, bool persistent, const af_run *ref, int64_t blocks0,
                   int64_t bytes0, int64_t exports0, int64_t imports0) {
  af_run r;
  memset(&r, 0, sizeof r);
  if (op->prepare) op->prepare(&r);
  ct_tensor *target_before = r.target ? clone_of(r.target) : NULL;
  for (int i = 0; i < AF_MAX_OUTS; i++) r.t[i] = POISON;
  r.dl = (void *)POISON;
  r.dlv = (void *)POISON;
  r.count = -1;
  memcpy(r.text, "poison", 7);
  r.length = 99;
  ct_clear_error();

  CT_OK_(ct_test_fail_allocation(k, persistent));
  ct_status s = op->run(&r);
  int64_t injected = 0;
  CT_OK_(ct_test_injected_failures(&injected));
  CT_OK_(ct_test_fail_allocation(0, false));

  const char *mode = persistent ? "persistent" : "once";
  if (injected > 0 && s != CT_OK) {
    if (s != CT_ERR_OUT_OF_MEMORY)
      fail_note("%s k=%lld %s: %s, expected CT_ERR_OUT_OF_MEMORY (%s)", op->name, (long long)k, mode,
                ct_status_name(s), ct_last_error_message());
    if (ct_last_error_code() != s)
      fail_note("%s k=%lld %s: error record holds %s, returned %s", op->name, (long long)k, mode,
                ct_status_name(ct_last_error_code()), ct_status_name(s));
    if (!names(ct_last_error_message(), op->name))
      fail_note("%s k=%lld %s: message \"%s\" does not name the function", op->name, (long long)k,
                mode, ct_last_error_message());
    for (int i = 0; i < op->nouts; i++)
      if (r.t[i] != NULL) {
        fail_note("%s k=%lld %s: out %d is not NULL after failure", op->name, (long long)k, mode, i);
        if (r.t[i] == POISON) r.t[i] = NULL;
      }
    if (op->run == op_split || op->run == op_chunk || op->run == op_unbind)
      if (r.count != 0) fail_note("%s k=%lld %s: count %d after failure", op->name, (long long)k, mode, r.count);
    if (ref->dl || ref->dlv) {
      if ((ref->dl && r.dl != NULL) || (ref->dlv && r.dlv != NULL))
        fail_note("%s k=%lld %s: DLPack out not NULL after failure", op->name, (long long)k, mode);
    }
    if (op->run == op_format_small || op->run == op_format_int || op->run == op_format_complex ||
        op->run == op_format_big || op->run == op_format_view)
      if (r.text[0] != '\0' || r.length != 0)
        fail_note("%s k=%lld %s: text or length set after failure", op->name, (long long)k, mode);
    if (r.target && !same_tensor(r.target, target_before, true))
      fail_note("%s k=%lld %s: the written tensor changed although the call failed", op->name, (long long)k, mode);
  } else if (s != CT_OK) {
    fail_note("%s k=%lld %s: fails (%s: %s) with no failure injected", op->name, (long long)k, mode,
              ct_status_name(s), ct_last_error_message());
  } else {
    /* Succeeded (nothing injected, or recovered): the results are the reference's. */
    if (persistent && injected > 0)
      fail_note("%s k=%lld %s: succeeded although every allocation from the %lld-th failed",
                op->name, (long long)k, mode, (long long)k);
    int nouts = op->nouts;
    if (r.count >= 0) nouts = r.count;
    for (int i = 0; i < nouts; i++)
      if (!r.t[i] || r.t[i] == POISON || !same_tensor(r.t[i], ref->t[i], !op->random))
        fail_note("%s k=%lld %s: result %d differs from the reference", op->name, (long long)k, mode, i);
    if (r.target && !same_tensor(r.target, ref->target, true))
      fail_note("%s k=%lld %s: the written tensor differs from the reference", op->name, (long long)k, mode);
    if (ref->text[0] && (strcmp(r.text, ref->text) != 0 || r.length != ref->length))
      fail_note("%s k=%lld %s: text differs from the reference", op->name, (long long)k, mode);
  }
  if (op->run == op_from_dlpack_v || op->run == op_from_dlpack) {
    if (s != CT_OK && foreign_deletes != 1)
      fail_note("%s k=%lld %s: the deleter ran %d times on failure", op->name, (long long)k, mode, foreign_deletes);
    if (s == CT_OK && foreign_deletes != 0)
      fail_note("%s k=%lld %s: the deleter ran before the release", op->name, (long long)k, mode);
  }

  for (int i = 0; i < AF_MAX_OUTS; i++)
    if (r.t[i] == POISON) r.t[i] = NULL;
  if (r.dl == (void *)POISON) r.dl = NULL;
  if (r.dlv == (void *)POISON) r.dlv = NULL;
  release_run(&r);
  ct_tensor_release(target_before);
  if ((op->run == op_from_dlpack_v || op->run == op_from_dlpack) && foreign_deletes != 1)
    fail_note("%s k=%lld %s: the deleter ran %d times in all", op->name, (long long)k, mode, foreign_deletes);

  /* Inputs unchanged, nothing leaked. */
  for (int i = 0; i < AF_NINPUTS; i++) {
    if (!same_tensor(*input_slot(i), snapshots[i], true))
      fail_note("%s k=%lld %s: shared input %d changed", op->name, (long long)k, mode, i);
    int64_t uses = -1;
    if (ct_tensor_use_count(&uses, *input_slot(i)) != CT_OK || uses != 1)
      fail_note("%s k=%lld %s: shared input %d has %lld references", op->name, (long long)k, mode, i,
                (long long)uses);
  }
  int64_t blocks, bytes, exports, imports;
  CT_OK_(ct_memory_stats(&blocks, &bytes, NULL));
  if (blocks != blocks0 || bytes != bytes0)
    fail_note("%s k=%lld %s: leak: %lld blocks / %lld bytes live, %lld / %lld before", op->name,
              (long long)k, mode, (long long)blocks, (long long)bytes, (long long)blocks0, (long long)bytes0);
  CT_OK_(ct_dlpack_live(&exports, &imports));
  if (exports != exports0 || imports != imports0)
    fail_note("%s k=%lld %s: %lld DLPack exports and %lld imports live", op->name, (long long)k, mode,
              (long long)exports, (long long)imports);
  return injected > 0;
}

/* The failure points of op in both modes (each the count of k that injected a failure). */
static void drive(const af_op *op, int64_t *once, int64_t *persistent) {
  af_run ref;
  int64_t blocks0, bytes0, exports0, imports0;
  reference(op, &ref);
  /* The reference's own allocations stay live during the runs: the baseline includes them. */
  CT_OK_(ct_memory_stats(&blocks0, &bytes0, NULL));
  CT_OK_(ct_dlpack_live(&exports0, &imports0));
  for (int mode = 0; mode < 2; mode++) {
    int64_t k = 1;
    while (k < AF_MAX_K && run_at(op, k, mode == 1, &ref, blocks0, bytes0, exports0, imports0)) k++;
    ck_assert_msg(k < AF_MAX_K, "%s: still injecting at k = %lld", op->name, (long long)k);
    *(mode ? persistent : once) = k - 1;
  }
  release_run(&ref);
}

/* Failure points summed over the tests, in memory shared with Check's forked test processes. */
static struct af_totals {
  int64_t ops, once, persistent;
} *totals;

/* One test per family: every op of that family. */
static void drive_family(const char *family) {
  int64_t blocks0, bytes0, total = 0, total_p = 0;
  int nops = 0;
  fail_reset();
  /* Warm up whatever the library sets up once (the default generator, the thread pool). */
  make_inputs();
  for (size_t i = 0; i < AF_NOPS; i++)
    if (strcmp(ops[i].family, family) == 0) {
      af_run warm;
      reference(&ops[i], &warm);
      release_run(&warm);
    }
  free_inputs();
  CT_OK_(ct_memory_stats(&blocks0, &bytes0, NULL));
  make_inputs();
  for (size_t i = 0; i < AF_NOPS; i++) {
    if (strcmp(ops[i].family, family) != 0) continue;
    int64_t once = 0, persistent = 0;
    drive(&ops[i], &once, &persistent);
    printf("# allocfail %-11s %-25s (#%zu) %3lld failure points (%lld persistent)\n", family, ops[i].name,
           i, (long long)once, (long long)persistent);
    total += once;
    total_p += persistent;
    nops++;
  }
  printf("# allocfail %-11s %d operations, %lld failure points (%lld persistent)\n", family, nops,
         (long long)total, (long long)total_p);
  fflush(stdout);
  free_inputs();
  FAIL_IF_NOTED_("allocation-failure problems");
  CT_NO_LEAK_(blocks0, bytes0);
  totals->ops += nops;
  totals->once += total;
  totals->persistent += total_p;
}

#define FAMILY_TEST_(fam)                                                                        \
  START_TEST(test_##fam) { drive_family(#fam); }                                                 \
  END_TEST

FAMILY_TEST_(creation)
FAMILY_TEST_(elementwise)
FAMILY_TEST_(views)
FAMILY_TEST_(indexing)
FAMILY_TEST_(reductions)
FAMILY_TEST_(linalg)
FAMILY_TEST_(structure)
FAMILY_TEST_(convert)
FAMILY_TEST_(dlpack)
FAMILY_TEST_(format)

int main(void) {
  totals = mmap(NULL, sizeof *totals, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (totals == MAP_FAILED) return EXIT_FAILURE;
  Suite *s = suite_create("allocfail");
  const ct_test_case cases[] = {
      {"creation", test_creation},     {"elementwise", test_elementwise}, {"views", test_views},
      {"indexing", test_indexing},     {"reductions", test_reductions},   {"linalg", test_linalg},
      {"structure", test_structure},   {"convert", test_convert},         {"dlpack", test_dlpack},
      {"format", test_format},
  };
  const ct_test_tcase_opts opts = {NULL, NULL, 120};
  CT_TEST_ADD_CASES_(s, cases, &opts);
  int status = ct_test_run(s);
  printf("# allocfail total: %lld operations, %lld failure points (%lld persistent)\n",
         (long long)totals->ops, (long long)totals->once, (long long)totals->persistent);
  return status;
}
