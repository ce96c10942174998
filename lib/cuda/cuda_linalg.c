/*
 * cuda_linalg.c: the CUDA matrix product behind every linalg op
 * (ct__cuda_linalg.gemm; the contract is ct__gemm_args in ct_linalg.h).
 *
 * float16, bfloat16, float32, float64, complex64 and complex128 go to
 * cuBLAS (cublasGemmStridedBatchedEx). cuBLAS is column-major, so the
 * product is handed over as c^T = b^T a^T: a row-major c (m x n, leading
 * dimension rs) is a column-major n x m matrix as it lies, and each operand
 * is passed as it lies when it is row-major (no transpose) or column-major
 * (transpose flag), with its row or column stride as leading dimension; a
 * column-major c swaps the whole product to c^T = b^T a^T first, as the
 * CPU's BLAS path does. Only an operand that is neither (both strides
 * != 1, overlapping rows, a leading dimension past INT_MAX) is copied into
 * a dense buffer with cu_copy, and c is then copied back.
 *
 * Batches: the innermost batch dims whose strides collapse to one stride
 * per operand run as one strided-batched call (stride 0 for a broadcast
 * operand); the outer ones are a host loop. Counts and sizes past INT_MAX
 * (cuBLAS takes int) are split into several calls; a split of k adds the
 * later parts with beta = 1.
 *
 * Precision: float32 (and complex64) use CUBLAS_COMPUTE_32F, without TF32,
 * unless ct_cuda_set_allow_tf32 allowed it (CUBLAS_COMPUTE_32F_FAST_TF32,
 * PyTorch's allow_tf32 also covers complex64); float16 and bfloat16
 * accumulate in float with alpha and beta as float, and the handle
 * disallows reduced-precision split-k reductions, so that, as on the CPU,
 * their sums round once.
 *
 * Integer and bool dtypes, and the products that only scale c (k == 0 or
 * alpha == 0, where a and b must not be read), run the module's own kernel
 * (cuda_linalg.cu) on any layout.
 *
 * One cuBLAS handle per device, created on first use and kept for the life
 * of the process, guarded by a mutex held while a product is enqueued (a
 * handle's stream is shared state); cublasSetStream before each product
 * puts it on the calling thread's current stream and cuBLAS's default
 * workspace for that stream.
 */
#include <limits.h>
#include <pthread.h>
#include <string.h>

#include <cublas_v2.h>

#include "../core/ct_linalg.h"
#include "cuda_internal.h"
#include "cuda_linalg.h"

/* ---- cuBLAS handles ------------------------------------------------------------------------- */

/* Devices with a handle slot (PyTorch compiles in 16). */
enum { CT_CUDA_BLAS_MAX_DEVICES = 64 };

typedef struct ct_cuda_blas_slot {
  pthread_mutex_t lock;
  cublasHandle_t handle; /* NULL until the device's first product */
} ct_cuda_blas_slot;

static ct_cuda_blas_slot ct_cuda_blas_slots[CT_CUDA_BLAS_MAX_DEVICES];
static pthread_once_t ct_cuda_blas_once = PTHREAD_ONCE_INIT;

static void ct_cuda_blas_init(void) {
  for (int i = 0; i < CT_CUDA_BLAS_MAX_DEVICES; i++) pthread_mutex_init(&ct_cuda_blas_slots[i].lock, NULL);
}

/* A failed cuBLAS call as a recorded error naming fn and what was being done. */
static ct_status ct_cuda_blas_check(cublasStatus_t s, const char *fn, const char *what) {
  if (s == CUBLAS_STATUS_SUCCESS) return CT_OK;
  if (s == CUBLAS_STATUS_ALLOC_FAILED)
    return ct__error(CT_ERR_OUT_OF_MEMORY, "%s: cuBLAS is out of memory (%s)", fn, what);
  return ct__error(CT_ERR_DEVICE_FAILURE, "%s: cuBLAS failed (%s): %s: %s", fn, what, cublasGetStatusName(s),
                   cublasGetStatusString(s));
}

/*
 * The handle of dev (the current device) on this thread's current stream,
 * with the slot's lock held: ct_cuda_blas_release unlocks it.
 */
static ct_status ct_cuda_blas_acquire(cublasHandle_t *out, int32_t dev, const char *fn) {
  if (dev < 0 || dev >= CT_CUDA_BLAS_MAX_DEVICES)
    return ct__error(CT_ERR_NOT_IMPLEMENTED, "%s: matrix products on device %d (the cuBLAS path has %d slots)", fn,
                     (int)dev, CT_CUDA_BLAS_MAX_DEVICES);
  pthread_once(&ct_cuda_blas_once, ct_cuda_blas_init);
  ct_cuda_blas_slot *slot = &ct_cuda_blas_slots[dev];
  pthread_mutex_lock(&slot->lock);
  cublasStatus_t s;
  if (!slot->handle) {
    cublasHandle_t h;
    s = cublasCreate(&h);
    if (s != CUBLAS_STATUS_SUCCESS) {
      pthread_mutex_unlock(&slot->lock);
      return ct_cuda_blas_check(s, fn, "cublasCreate");
    }
    s = cublasSetMathMode(h, (cublasMath_t)(CUBLAS_DEFAULT_MATH | CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION));
    if (s != CUBLAS_STATUS_SUCCESS) {
      cublasDestroy(h);
      pthread_mutex_unlock(&slot->lock);
      return ct_cuda_blas_check(s, fn, "cublasSetMathMode");
    }
    slot->handle = h;
  }
  s = cublasSetStream(slot->handle, ct__cuda_stream(dev));
  if (s != CUBLAS_STATUS_SUCCESS) {
    pthread_mutex_unlock(&slot->lock);
    return ct_cuda_blas_check(s, fn, "cublasSetStream");
  }
  *out = slot->handle;
  return CT_OK;
}

static void ct_cuda_blas_release(int32_t dev) { pthread_mutex_unlock(&ct_cuda_blas_slots[dev].lock); }

/* ---- layouts -------------------------------------------------------------------------------- */

static int64_t ct_cuda_min(int64_t x, int64_t y) { return x < y ? x : y; }

/*
 * An operand of a cuBLAS call: element (0, 0) of the first inner batch
 * index, row and column strides, the stride between inner batch indices,
 * and how cuBLAS takes it (from ct_cuda_blas_fit).
 */
typedef struct ct_cuda_mat {
  char *p;
  int64_t rs, cs, bs;
  bool trans; /* stored column-major */
  int64_t ld;
} ct_cuda_mat;

/*
 * Whether a rows x cols matrix (rows, cols >= 1) can be passed as it lies:
 * row-major (unit column stride, rows at least cols apart) or column-major,
 * with a leading dimension that fits an int. A size-1 dim's stride does not
 * matter. The rule of the CPU's ct_cpu_blas_fit, except that a single row
 * (column) takes a leading dimension of at most INT_MAX: cuBLAS only needs
 * it to cover the part of the row in one call, which the splits keep within
 * INT_MAX.
 */
static bool ct_cuda_blas_fit(ct_cuda_mat *x, int64_t rows, int64_t cols) {
  if ((cols == 1 || x->cs == 1) && (rows == 1 || x->rs >= cols)) {
    int64_t ld = rows == 1 ? ct_cuda_min(cols, INT_MAX) : x->rs;
    if (ld <= INT_MAX) {
      x->trans = false;
      x->ld = ld;
      return true;
    }
  }
  if ((rows == 1 || x->rs == 1) && (cols == 1 || x->cs >= rows)) {
    int64_t ld = cols == 1 ? ct_cuda_min(rows, INT_MAX) : x->cs;
    if (ld <= INT_MAX) {
      x->trans = true;
      x->ld = ld;
      return true;
    }
  }
  return false;
}

/*
 * The strides of a dense copy of a rows x cols matrix: row-major, or
 * column-major when a row is too long for an int leading dimension.
 */
static void ct_cuda_dense_strides(int64_t *rs, int64_t *cs, int64_t rows, int64_t cols) {
  if (cols <= INT_MAX) {
    *rs = cols;
    *cs = 1;
  } else {
    *rs = 1;
    *cs = rows;
  }
}

/* ---- the cuBLAS product --------------------------------------------------------------------- */

/* alpha or beta as cublasGemmStridedBatchedEx takes it for the compute type: float or double pairs. */
typedef struct ct_cuda_blas_scalar {
  float f[2];
  double d[2];
} ct_cuda_blas_scalar;

static ct_cuda_blas_scalar ct_cuda_blas_scalar_of(double re, double im) {
  ct_cuda_blas_scalar s = {{(float)re, (float)im}, {re, im}};
  return s;
}

/* The cuBLAS types of a dtype: the storage type and the compute type. */
static void ct_cuda_blas_types(cudaDataType *type, cublasComputeType_t *compute, ct_dtype dt) {
  bool tf32 = ct__cuda_core->allow_tf32();
  switch (dt) {
    case CT_FLOAT16: *type = CUDA_R_16F; *compute = CUBLAS_COMPUTE_32F; break;
    case CT_BFLOAT16: *type = CUDA_R_16BF; *compute = CUBLAS_COMPUTE_32F; break;
    case CT_FLOAT32:
      *type = CUDA_R_32F;
      *compute = tf32 ? CUBLAS_COMPUTE_32F_FAST_TF32 : CUBLAS_COMPUTE_32F;
      break;
    case CT_FLOAT64: *type = CUDA_R_64F; *compute = CUBLAS_COMPUTE_64F; break;
    case CT_COMPLEX64:
      *type = CUDA_C_32F;
      *compute = tf32 ? CUBLAS_COMPUTE_32F_FAST_TF32 : CUBLAS_COMPUTE_32F;
      break;
    default: *type = CUDA_C_64F; *compute = CUBLAS_COMPUTE_64F; break;
  }
}

/*
 * c = beta * c + alpha * a @ b for nbatch inner batch indices, every
 * operand fitting (ct_cuda_blas_fit): a (m x k), b (k x n), c (m x n).
 */
static ct_status ct_cuda_blas_product(cublasHandle_t h, const ct__gemm_args *g, ct_cuda_mat a, ct_cuda_mat b,
                                      ct_cuda_mat c, int64_t nbatch) {
  int64_t m = g->m, n = g->n;
  const int64_t k = g->k, isz = ct__itemsize(g->dtype);
  if (c.trans) {
    /* c column-major: compute c^T (n x m, row-major) = b^T a^T, every pair of strides swapped. */
    ct_cuda_mat t = a;
    a = b;
    b = t;
    int64_t s = m;
    m = n;
    n = s;
    ct_cuda_mat *ops[3] = {&a, &b, &c};
    for (int i = 0; i < 3; i++) {
      s = ops[i]->rs;
      ops[i]->rs = ops[i]->cs;
      ops[i]->cs = s;
    }
    /* Each still fits, c now row-major: it was column-major with an int leading dimension. */
    ct_cuda_blas_fit(&a, m, k);
    ct_cuda_blas_fit(&b, k, n);
    ct_cuda_blas_fit(&c, m, n);
  }
  cudaDataType type;
  cublasComputeType_t compute;
  ct_cuda_blas_types(&type, &compute, g->dtype);
  const bool dbl = compute == CUBLAS_COMPUTE_64F;
  ct_cuda_blas_scalar alpha = ct_cuda_blas_scalar_of(g->alpha.re, g->alpha.im);
  ct_cuda_blas_scalar beta0 = ct_cuda_blas_scalar_of(g->beta.zero ? 0 : g->beta.re, g->beta.zero ? 0 : g->beta.im);
  ct_cuda_blas_scalar one = ct_cuda_blas_scalar_of(1, 0);
  const void *al = dbl ? (const void *)alpha.d : (const void *)alpha.f;
  /* cuBLAS's first operand is b^T (n x k), its second a^T (k x m), its result c^T (n x m). */
  cublasOperation_t opb = b.trans ? CUBLAS_OP_T : CUBLAS_OP_N, opa = a.trans ? CUBLAS_OP_T : CUBLAS_OP_N;
  const int64_t step = INT_MAX;
  for (int64_t b0 = 0; b0 < nbatch; b0 += step) {
    int64_t nb = ct_cuda_min(step, nbatch - b0);
    for (int64_t i0 = 0; i0 < m; i0 += step) {
      int64_t mm = ct_cuda_min(step, m - i0);
      for (int64_t j0 = 0; j0 < n; j0 += step) {
        int64_t nn = ct_cuda_min(step, n - j0);
        for (int64_t p0 = 0; p0 < k; p0 += step) {
          int64_t kk = ct_cuda_min(step, k - p0);
          const ct_cuda_blas_scalar *be = p0 == 0 ? &beta0 : &one;
          const char *pa = a.p + (b0 * a.bs + i0 * a.rs + p0 * a.cs) * isz;
          const char *pb = b.p + (b0 * b.bs + p0 * b.rs + j0 * b.cs) * isz;
          char *pc = c.p + (b0 * c.bs + i0 * c.rs + j0 * c.cs) * isz;
          cublasStatus_t s = cublasGemmStridedBatchedEx(
            h, opb, opa, (int)nn, (int)mm, (int)kk, al, pb, type, (int)b.ld, b.bs, pa, type, (int)a.ld, a.bs,
            dbl ? (const void *)be->d : (const void *)be->f, pc, type, (int)c.ld, c.bs, (int)nb, compute,
            CUBLAS_GEMM_DEFAULT);
          CT_TRY(ct_cuda_blas_check(s, g->fn, "cublasGemmStridedBatchedEx"));
        }
      }
    }
  }
  return CT_OK;
}

/* A descriptor of a matrix with ninner batch dims in front (sizes shape, strides st). */
static void ct_cuda_mat_desc(cu_tensor *t, char *p, ct_dtype dt, int32_t ninner, const int64_t *shape,
                             const int64_t *st, int64_t rows, int64_t cols, int64_t rs, int64_t cs) {
  memset(t, 0, sizeof *t);
  t->data = p;
  t->dtype = dt;
  t->ndim = ninner + 2;
  t->numel = rows * cols;
  for (int32_t d = 0; d < ninner; d++) {
    t->shape[d] = shape[d];
    t->strides[d] = st[d];
    t->numel *= shape[d];
  }
  t->shape[ninner] = rows;
  t->shape[ninner + 1] = cols;
  t->strides[ninner] = rs;
  t->strides[ninner + 1] = cs;
}

/*
 * How one operand takes part: as it lies, or through a dense copy in
 * scratch (one matrix when it is broadcast over every inner batch dim,
 * else one per inner batch index).
 */
typedef struct ct_cuda_operand {
  bool copy, single;
  int64_t rows, cols;
  int64_t drs, dcs; /* the copy's strides */
  char *buf;
} ct_cuda_operand;

static ct_status ct_cuda_gemm_blas(const ct__gemm_args *g, int32_t dev, int64_t nbatch) {
  const ct_dtype dt = g->dtype;
  const int64_t isz = ct__itemsize(dt);
  const int32_t nbd = g->batch_ndim;
  const int64_t *shape = g->batch_shape;
  ct_cuda_operand op[3] = {
    {.rows = g->m, .cols = g->k}, {.rows = g->k, .cols = g->n}, {.rows = g->m, .cols = g->n}};
  for (int i = 0; i < 3; i++) {
    ct_cuda_mat x = {.rs = g->rs[i], .cs = g->cs[i]};
    op[i].copy = !ct_cuda_blas_fit(&x, op[i].rows, op[i].cols);
    ct_cuda_dense_strides(&op[i].drs, &op[i].dcs, op[i].rows, op[i].cols);
  }

  /*
   * The inner batch dims: the longest run of innermost dims whose strides
   * collapse to one for every operand used as it lies (a copy is dense), at
   * most what a copy's descriptor holds.
   */
  int32_t ninner = 0;
  while (ninner < nbd && ninner < CU_MAX_DIMS - 2) {
    int32_t d = nbd - 1 - ninner;
    bool ok = true;
    for (int i = 0; i < 3 && ok && ninner > 0; i++)
      ok = op[i].copy || g->batch_strides[i][d] == g->batch_strides[i][d + 1] * shape[d + 1];
    if (!ok) break;
    ninner++;
  }
  const int32_t nouter = nbd - ninner;
  int64_t ninner_count = 1;
  for (int32_t d = nouter; d < nbd; d++) ninner_count *= shape[d];
  const int64_t nouter_count = nbatch / ninner_count;

  ct_cuda_mat mat[3];
  int64_t dense_st[3][CU_MAX_DIMS];
  ct_status s = CT_OK;
  for (int i = 0; i < 3; i++) {
    mat[i] = (ct_cuda_mat){.rs = g->rs[i], .cs = g->cs[i], .bs = ninner > 0 ? g->batch_strides[i][nbd - 1] : 0};
    if (!op[i].copy) continue;
    /* a or b broadcast over every inner dim (c never is: no two of its elements share an address). */
    op[i].single = i < 2;
    for (int32_t d = nouter; d < nbd; d++) op[i].single = op[i].single && g->batch_strides[i][d] == 0;
    /* The copy is row-major over the inner dims, each of its matrices dense. */
    const int64_t msize = op[i].rows * op[i].cols;
    int64_t size = msize, nbytes = 0;
    bool overflow = false;
    for (int32_t d = nbd - 1; d >= nouter && !op[i].single; d--) {
      dense_st[i][d - nouter] = size;
      overflow = overflow || __builtin_mul_overflow(size, shape[d], &size);
    }
    mat[i].rs = op[i].drs;
    mat[i].cs = op[i].dcs;
    mat[i].bs = op[i].single ? 0 : msize;
    if (s == CT_OK && (overflow || __builtin_mul_overflow(size, isz, &nbytes)))
      s = ct__error(CT_ERR_OUT_OF_MEMORY, "%s: a dense copy of an operand for cuBLAS overflows the address space",
                    g->fn);
    if (s == CT_OK) s = ct__cuda_scratch((void **)&op[i].buf, (size_t)nbytes, dev, g->fn);
  }
  for (int i = 0; i < 3; i++) ct_cuda_blas_fit(&mat[i], op[i].rows, op[i].cols);

  cublasHandle_t h = NULL;
  if (s == CT_OK) s = ct_cuda_blas_acquire(&h, dev, g->fn);
  cudaStream_t stream = ct__cuda_stream(dev);
  for (int64_t ob = 0; ob < nouter_count && s == CT_OK; ob++) {
    /* Element offsets of outer index ob (row-major over the outer dims). */
    int64_t off[3] = {0, 0, 0}, rest = ob;
    for (int32_t d = nouter - 1; d >= 0; d--) {
      int64_t i = rest % shape[d];
      rest /= shape[d];
      for (int o = 0; o < 3; o++) off[o] += i * g->batch_strides[o][d];
    }
    cu_tensor dst, src;
    for (int i = 0; i < 3 && s == CT_OK; i++) {
      char *p = g->data[i] + off[i] * isz;
      mat[i].p = op[i].copy ? op[i].buf : p;
      if (!op[i].copy || (i == 2 && g->beta.zero)) continue;
      int32_t nd = op[i].single ? 0 : ninner;
      ct_cuda_mat_desc(&src, p, dt, nd, shape + nouter, g->batch_strides[i] + nouter, op[i].rows, op[i].cols,
                       g->rs[i], g->cs[i]);
      ct_cuda_mat_desc(&dst, op[i].buf, dt, nd, shape + nouter, dense_st[i], op[i].rows, op[i].cols, op[i].drs,
                       op[i].dcs);
      s = ct__cuda_check((cudaError_t)cu_copy(dst, src, (cu_stream)stream), g->fn, "copying an operand for cuBLAS");
    }
    if (s == CT_OK) s = ct_cuda_blas_product(h, g, mat[0], mat[1], mat[2], ninner_count);
    if (s == CT_OK && op[2].copy) {
      ct_cuda_mat_desc(&dst, g->data[2] + off[2] * isz, dt, ninner, shape + nouter, g->batch_strides[2] + nouter,
                       g->m, g->n, g->rs[2], g->cs[2]);
      ct_cuda_mat_desc(&src, op[2].buf, dt, ninner, shape + nouter, dense_st[2], g->m, g->n, op[2].drs, op[2].dcs);
      s = ct__cuda_check((cudaError_t)cu_copy(dst, src, (cu_stream)stream), g->fn, "copying the result back");
    }
  }
  if (h) ct_cuda_blas_release(dev);
  for (int i = 0; i < 3; i++)
    if (op[i].buf) ct__cuda_free(op[i].buf);
  return s;
}

/* ---- the built-in kernel -------------------------------------------------------------------- */

/* Runs g on the module's own kernel, looping on the host over batch dims past CU_MAX_DIMS. */
static ct_status ct_cuda_gemm_builtin(const ct__gemm_args *g, int32_t dev, int64_t nbatch) {
  const int64_t isz = ct__itemsize(g->dtype);
  const int32_t nbd = g->batch_ndim, ninner = nbd < CU_MAX_DIMS ? nbd : CU_MAX_DIMS, nouter = nbd - ninner;
  cu_gemm k = {
    .dtype = g->dtype, .batch_ndim = ninner, .m = g->m, .n = g->n, .k = g->k,
    .alpha = {g->alpha.re, g->alpha.im}, .beta = {g->beta.re, g->beta.im},
    .alpha_i = g->alpha.i, .beta_i = g->beta.i,
    .beta_zero = g->beta.zero, .skip_ab = g->k == 0 || g->alpha.zero,
  };
  int64_t ninner_count = 1;
  for (int32_t d = 0; d < ninner; d++) {
    k.batch_shape[d] = g->batch_shape[nouter + d];
    ninner_count *= k.batch_shape[d];
    for (int o = 0; o < 3; o++) k.batch_strides[o][d] = g->batch_strides[o][nouter + d];
  }
  for (int o = 0; o < 3; o++) {
    k.rs[o] = g->rs[o];
    k.cs[o] = g->cs[o];
  }
  cudaStream_t stream = ct__cuda_stream(dev);
  for (int64_t ob = 0; ob < nbatch / ninner_count; ob++) {
    int64_t off[3] = {0, 0, 0}, rest = ob;
    for (int32_t d = nouter - 1; d >= 0; d--) {
      int64_t i = rest % g->batch_shape[d];
      rest /= g->batch_shape[d];
      for (int o = 0; o < 3; o++) off[o] += i * g->batch_strides[o][d];
    }
    for (int o = 0; o < 3; o++) k.data[o] = g->data[o] + off[o] * isz;
    CT_TRY(ct__cuda_check((cudaError_t)cu_gemm_fallback(&k, (cu_stream)stream), g->fn, "the matrix product kernel"));
  }
  return CT_OK;
}

/* ---- entry ---------------------------------------------------------------------------------- */

static ct_status ct_cuda_gemm(const ct__gemm_args *g) {
  int64_t nbatch = 1;
  for (int32_t d = 0; d < g->batch_ndim; d++) nbatch *= g->batch_shape[d];
  if (nbatch == 0 || g->m == 0 || g->n == 0) return CT_OK;
  /* ct__gemm_args carries no device: c's pointer names it. */
  struct cudaPointerAttributes attr;
  CT_TRY(ct__cuda_check(cudaPointerGetAttributes(&attr, g->data[2]), g->fn, "finding the result's device"));
  const int32_t dev = attr.device;
  CT_TRY(ct__cuda_use_device(dev, g->fn));
  const ct_dtype dt = g->dtype;
  bool blas = dt == CT_FLOAT16 || dt == CT_BFLOAT16 || dt == CT_FLOAT32 || dt == CT_FLOAT64 ||
              dt == CT_COMPLEX64 || dt == CT_COMPLEX128;
  if (blas && g->k > 0 && !g->alpha.zero) return ct_cuda_gemm_blas(g, dev, nbatch);
  return ct_cuda_gemm_builtin(g, dev, nbatch);
}

const struct ct_backend_linalg_i ct__cuda_linalg = {
  .impl = "cublas",
  .gemm = ct_cuda_gemm,
};
