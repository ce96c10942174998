/*
 * check_stress.c: many threads using the library at once.
 *
 * CT_STRESS_THREADS threads (default 8) each run CT_STRESS_ITERS iterations (default 2000) of:
 * creating tensors and views of their own; running ops on SHARED read-only inputs (the same
 * tensors from every thread) and comparing the results with ones computed on one thread
 * beforehand; exporting the shared inputs through DLPack and importing them, with the deleter
 * or the release of the import often run by another thread; retaining shared and own tensors
 * and passing them through a queue to another thread, which releases them; setting and reading
 * the thread-local error record (each thread must keep seeing its own message); and changing
 * the kernel thread count while the others compute. At the end every handle is released, the
 * shared inputs are back to one reference, no DLPack export or import is live and the
 * allocator's live blocks and bytes are back to where they were. Meant to be run under
 * ThreadSanitizer as well (configure --enable-sanitizers=thread).
 */
#include "ct_test.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

/* ---- shared inputs and their single-threaded results ------------------------------------------ */

enum { N = 48 };

static struct {
  ct_tensor *a;    /* float32 (N, N) */
  ct_tensor *b;    /* float32 (N, N) */
  ct_tensor *at;   /* a transposed: a view, not contiguous */
  ct_tensor *v;    /* float64 (N) */
  ct_tensor *mask; /* bool (N, N) */
  ct_tensor *idx;  /* int64 (5) */
  ct_tensor *s;    /* float32 (2, 3), printed */
  ct_tensor *big;  /* float32 (128, 512): twice the parallel kernels' grain */
} G;

enum { NREFS = 12 };
static ct_tensor *refs[NREFS];
static char ref_text[512];

/* The shared ops: the k-th result of (shared inputs), in out. */
static ct_status shared_op(int k, ct_tensor **out) {
  switch (k) {
    case 0: return ct_matmul(out, G.a, G.b);
    case 1: return ct_add(out, G.at, G.v, &(double){0.5}, CT_FLOAT64);
    case 2: return ct_sum(out, G.a, (const int64_t[]){1}, 1, false, -1);
    case 3: return ct_softmax(out, G.at, 0, -1);
    case 4: {
      ct_tensor *indices = NULL;
      ct_status s = ct_sort(out, &indices, G.v, 0, true, true);
      ct_tensor_release(indices);
      return s;
    }
    case 5: {
      const int32_t kinds[] = {CT_INDEX_TENSOR};
      ct_tensor *const ts[] = {G.mask};
      return ct_index(out, G.a, 1, kinds, NULL, ts);
    }
    case 6: {
      ct_tensor *const ts[] = {G.a, G.at};
      return ct_cat(out, ts, 2, 1);
    }
    case 7: return ct_index_select(out, G.at, 0, G.idx);
    case 8: return ct_var(out, G.b, (const int64_t[]){0}, 1, 1, true);
    case 9: {
      ct_tensor *const ops[] = {G.at, G.b};
      return ct_einsum(out, "ij,jk->ik", ops, 2);
    }
    case 10: return ct_mul(out, G.big, G.big);
    default: return ct_amax(out, G.big, (const int64_t[]){0}, 1, false);
  }
}

/* Whether a and b have one dtype, shape and exactly the same values. */
static bool same_values(ct_tensor *a, ct_tensor *b) {
  int32_t na, nb;
  int64_t sa[MAX_DIMS], sb[MAX_DIMS];
  if (ct_tensor_ndim(&na, a) != CT_OK || ct_tensor_ndim(&nb, b) != CT_OK || na != nb) return false;
  ct_tensor_shape(sa, MAX_DIMS, a);
  ct_tensor_shape(sb, MAX_DIMS, b);
  for (int32_t d = 0; d < na; d++)
    if (sa[d] != sb[d]) return false;
  ct_dtype da, db;
  ct_tensor_dtype(&da, a);
  ct_tensor_dtype(&db, b);
  if (da != db) return false;
  ct_tensor *eq = NULL, *all = NULL;
  bool r = false;
  if (ct_eq(&eq, a, b) == CT_OK && ct_all(&all, eq, NULL, 0, false) == CT_OK) {
    int64_t v = 0;
    ct_tensor_item_int64(&v, all);
    r = v != 0;
  }
  ct_tensor_release(eq);
  ct_tensor_release(all);
  return r;
}

static ct_tensor *from_f64(ct_dtype dtype, int32_t ndim, const int64_t *shape, const double *v) {
  ct_tensor *t = NULL;
  CT_OK_(ct_from_data(&t, v, CT_FLOAT64, ndim, shape, dtype, CT_DEVICE_NONE, -1));
  return t;
}

static void make_shared(void) {
  static double v[128 * 512];
  for (int i = 0; i < 128 * 512; i++) v[i] = ((i * 7919) % 211) / 16.0 - 6;
  const int64_t nn[] = {N, N};
  G.a = from_f64(CT_FLOAT32, 2, nn, v);
  G.b = from_f64(CT_FLOAT32, 2, nn, v + N * N);
  CT_OK_(ct_transpose(&G.at, G.a, 0, 1));
  G.v = from_f64(CT_FLOAT64, 1, (const int64_t[]){N}, v + 17);
  double m[N * N];
  for (int i = 0; i < N * N; i++) m[i] = (i * 31) % 5 == 0;
  G.mask = from_f64(CT_BOOL, 2, nn, m);
  G.idx = from_f64(CT_INT64, 1, (const int64_t[]){5}, (const double[]){3, 0, N - 1, 7, 3});
  G.big = from_f64(CT_FLOAT32, 2, (const int64_t[]){128, 512}, v);
  G.s = from_f64(CT_FLOAT32, 2, (const int64_t[]){2, 3}, (const double[]){1.5, -2, 0, 3.25, 1e-3, 7});
  for (int k = 0; k < NREFS; k++) CT_OK_(shared_op(k, &refs[k]));
  size_t len;
  CT_OK_(ct_tensor_format(ref_text, sizeof ref_text, &len, G.s, ""));
}

static ct_tensor **shared_slot(int i) { return &((ct_tensor **)(void *)&G)[i]; }
enum { NSHARED = sizeof G / sizeof(ct_tensor *) };

static void free_shared(void) {
  for (int i = 0; i < NSHARED; i++) {
    ct_tensor_release(*shared_slot(i));
    *shared_slot(i) = NULL;
  }
  for (int k = 0; k < NREFS; k++) {
    ct_tensor_release(refs[k]);
    refs[k] = NULL;
  }
}

/* ---- the hand-over queue ---------------------------------------------------------------------- */

enum { Q_TENSOR, Q_DLPACK }; /* release the tensor; run the managed tensor's deleter */
enum { QCAP = 1024 };

typedef struct q_item {
  int kind, producer;
  void *p;
} q_item;

static struct {
  pthread_mutex_t lock;
  q_item items[QCAP];
  int n;
} queue = {PTHREAD_MUTEX_INITIALIZER, {{0, 0, NULL}}, 0};

/* Counters of what crossed threads, and of problems seen by workers (checked at the end). */
static atomic_long cross_releases, cross_deletes, own_releases, ops_done, problems;
static pthread_mutex_t problem_lock = PTHREAD_MUTEX_INITIALIZER;
static char first_problem[512];

static void problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void problem(const char *fmt, ...) {
  if (atomic_fetch_add(&problems, 1) == 0) {
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&problem_lock);
    vsnprintf(first_problem, sizeof first_problem, fmt, ap);
    pthread_mutex_unlock(&problem_lock);
    va_end(ap);
  }
}

static void consume(q_item it, int me) {
  bool cross = it.producer != me;
  if (it.kind == Q_TENSOR) {
    ct_tensor_release(it.p);
    atomic_fetch_add(cross ? &cross_releases : &own_releases, 1);
  } else {
    DLManagedTensorVersioned *m = it.p;
    m->deleter(m);
    if (cross) atomic_fetch_add(&cross_deletes, 1);
  }
}

/* Hands an item to another thread; when the queue is full, the producer consumes it itself. */
static void push(int kind, void *p, int me) {
  q_item it = {kind, me, p};
  pthread_mutex_lock(&queue.lock);
  bool full = queue.n == QCAP;
  if (!full) queue.items[queue.n++] = it;
  pthread_mutex_unlock(&queue.lock);
  if (full) consume(it, me);
}

/* Consumes up to max items produced by other threads (me < 0: any). */
static void pop_others(int me, int max) {
  for (int done = 0; done < max; done++) {
    q_item it;
    bool got = false;
    pthread_mutex_lock(&queue.lock);
    for (int i = 0; i < queue.n; i++)
      if (me < 0 || queue.items[i].producer != me) {
        it = queue.items[i];
        queue.items[i] = queue.items[--queue.n];
        got = true;
        break;
      }
    pthread_mutex_unlock(&queue.lock);
    if (!got) return;
    consume(it, me);
  }
}

/*
 * ---- the workers ------------------------------------------------------------------------------
 * They make no Check assertion (Check is not thread-safe): problems are counted, the first one
 * kept, and the main thread fails the test after joining them.
 */

static int nthreads = 8, iters = 150;

static void own_tensors(int me, int it) {
  /* Creation and views of tensors of its own; the values are checked through a view. */
  ct_tensor *r = NULL, *v = NULL, *t = NULL, *n = NULL, *c = NULL, *z = NULL, *g = NULL;
  ct_generator *gen = NULL;
  ct_status s = ct_arange(&r, 0, 60, 1, CT_INT64, CT_DEVICE_NONE, -1);
  if (s == CT_OK) s = ct_view(&v, r, 3, (const int64_t[]){3, 4, 5});
  if (s == CT_OK) s = ct_transpose(&t, v, 0, 2);               /* (5, 4, 3) */
  if (s == CT_OK) s = ct_narrow(&n, t, 0, 1, 2);               /* (2, 4, 3) */
  if (s == CT_OK) s = ct_contiguous(&c, n);
  if (s == CT_OK) {
    /* c[i][j][k] = r[k][j][i + 1] = 20 k + 5 j + i + 1 */
    int64_t want = 20 * 2 + 5 * 3 + 1 + 1, got = -1;
    void *p = NULL;
    s = ct_tensor_data_ptr(&p, c); /* no Check assertion on a worker thread */
    if (s == CT_OK) got = ((const int64_t *)p)[1 * 12 + 3 * 3 + 2];
    if (got != want) problem("thread %d iteration %d: view value %lld, expected %lld", me, it, (long long)got, (long long)want);
  }
  if (s == CT_OK) s = ct_zeros(&z, 2, (const int64_t[]){me + 1, it % 7 + 1}, CT_FLOAT64, CT_DEVICE_NONE, -1);
  if (s == CT_OK) s = ct_generator_create(&gen, (uint64_t)(me * 100003 + it));
  if (s == CT_OK) s = ct_randn(&g, it % 2 ? gen : NULL, 1, (const int64_t[]){16}, CT_FLOAT32, CT_DEVICE_NONE, -1);
  if (s != CT_OK) problem("thread %d iteration %d: own tensors: %s", me, it, ct_last_error_message());
  ct_generator_release(gen);
  /* Hand some over instead of releasing them here. */
  if (v && it % 3 == 0) {
    push(Q_TENSOR, v, me);
    v = NULL;
  }
  if (c && ct_tensor_retain(c) == CT_OK) push(Q_TENSOR, c, me);
  ct_tensor *all[] = {r, v, t, n, c, z, g};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) ct_tensor_release(all[i]);
  atomic_fetch_add(&ops_done, 10);
}

static void shared_ops(int me, int it) {
  for (int j = 0; j < 3; j++) {
    int k = (me + it * 3 + j) % NREFS;
    ct_tensor *out = NULL;
    ct_status s = shared_op(k, &out);
    if (s != CT_OK)
      problem("thread %d iteration %d: shared op %d: %s", me, it, k, ct_last_error_message());
    else if (!same_values(out, refs[k]))
      problem("thread %d iteration %d: shared op %d differs from the single-threaded result", me, it, k);
    ct_tensor_release(out);
    atomic_fetch_add(&ops_done, 1);
  }
  if (it % 5 == me % 5) {
    char text[512];
    size_t len;
    if (ct_tensor_format(text, sizeof text, &len, G.s, "") != CT_OK || strcmp(text, ref_text) != 0)
      problem("thread %d iteration %d: format gives \"%s\", expected \"%s\"", me, it, text, ref_text);
    atomic_fetch_add(&ops_done, 1);
  }
}

static void dlpack_round(int me, int it) {
  DLManagedTensorVersioned *m = NULL;
  ct_tensor *src = it % 2 ? G.at : G.a;
  if (ct_to_dlpack_versioned(&m, src, CT_DLPACK_COPY_IF_NEEDED, CT_DEVICE_NONE, -1) != CT_OK) {
    problem("thread %d iteration %d: export: %s", me, it, ct_last_error_message());
    return;
  }
  switch ((me + it) % 3) {
    case 0: /* the deleter runs on another thread (most of the time) */
      push(Q_DLPACK, m, me);
      break;
    case 1: { /* imported here; the import is released by another thread */
      ct_tensor *t = NULL;
      if (ct_from_dlpack_versioned(&t, m) != CT_OK) {
        problem("thread %d iteration %d: import: %s", me, it, ct_last_error_message());
        break;
      }
      if (!same_values(t, src)) problem("thread %d iteration %d: imported values differ", me, it);
      push(Q_TENSOR, t, me);
      break;
    }
    default:
      m->deleter(m);
  }
  atomic_fetch_add(&ops_done, 2);
}

static void error_record(int me, int it) {
  /* Each thread's message names its own number; others failing meanwhile must not change it. */
  int32_t n = -(me * 100000 + it + 1);
  char want[64];
  snprintf(want, sizeof want, "n = %d must be", (int)n);
  if (ct_set_num_threads(n) != CT_ERR_INVALID_ARGUMENT) problem("thread %d: ct_set_num_threads(%d) succeeded", me, (int)n);
  sched_yield();
  if (ct_last_error_code() != CT_ERR_INVALID_ARGUMENT || !strstr(ct_last_error_message(), want))
    problem("thread %d iteration %d: error record \"%s\", expected \"%s\"", me, it, ct_last_error_message(), want);
  ct_clear_error();
}

/* All workers start together, so that they overlap however slowly they were created. */
static pthread_barrier_t start_line;

static void *worker(void *arg) {
  int me = (int)(intptr_t)arg;
  pthread_barrier_wait(&start_line);
  for (int it = 0; it < iters; it++) {
    own_tensors(me, it);
    shared_ops(me, it);
    dlpack_round(me, it);
    error_record(me, it);
    /* Retain a shared input here, release it on another thread. */
    ct_tensor *shared = *shared_slot((me + it) % NSHARED);
    if (ct_tensor_retain(shared) == CT_OK) push(Q_TENSOR, shared, me);
    if (it % 8 == me % 8 && ct_set_num_threads(1 + (me + it) % 4) != CT_OK)
      problem("thread %d: ct_set_num_threads: %s", me, ct_last_error_message());
    int32_t nt = 0;
    if (ct_get_num_threads(&nt) != CT_OK || nt < 1) problem("thread %d: ct_get_num_threads gives %d", me, (int)nt);
    pop_others(me, 4);
  }
  return NULL;
}

static int env_int(const char *name, int fallback) {
  const char *s = getenv(name);
  return s && atoi(s) >= 1 ? atoi(s) : fallback;
}

START_TEST(test_stress) {
  nthreads = env_int("CT_STRESS_THREADS", 8);
  iters = env_int("CT_STRESS_ITERS", 2000);
  int32_t threads0 = 1;
  CT_OK_(ct_get_num_threads(&threads0));
  int64_t blocks0, bytes0;
  /* Warm up the default generator (made on first use) before the baseline. */
  ct_tensor *warm = NULL;
  CT_OK_(ct_rand(&warm, NULL, 0, NULL, CT_FLOAT32, CT_DEVICE_NONE, -1));
  ct_tensor_release(warm);
  ct_memory_stats(&blocks0, &bytes0, NULL);
  make_shared();

  pthread_t *tids = calloc((size_t)nthreads, sizeof *tids);
  ck_assert_ptr_nonnull(tids);
  ck_assert_int_eq(pthread_barrier_init(&start_line, NULL, (unsigned)nthreads), 0);
  for (int i = 0; i < nthreads; i++)
    ck_assert_int_eq(pthread_create(&tids[i], NULL, worker, (void *)(intptr_t)i), 0);
  for (int i = 0; i < nthreads; i++) ck_assert_int_eq(pthread_join(tids[i], NULL), 0);
  free(tids);
  pthread_barrier_destroy(&start_line);
  pop_others(-1, QCAP + 1); /* what is left, on the main thread */
  ck_assert_int_eq(queue.n, 0);

  printf("# stress: %d threads x %d iterations: %ld operations, %ld releases and %ld DLPack deleters "
         "on another thread than the producer's\n",
         nthreads, iters, atomic_load(&ops_done), atomic_load(&cross_releases), atomic_load(&cross_deletes));
  fflush(stdout);
  ck_assert_msg(atomic_load(&problems) == 0, "%ld problems, the first: %s", atomic_load(&problems), first_problem);

  /* The results again, single-threaded, after all that. */
  for (int k = 0; k < NREFS; k++) {
    ct_tensor *out = NULL;
    CT_OK_(shared_op(k, &out));
    ck_assert_msg(same_values(out, refs[k]), "shared op %d differs after the run", k);
    ct_tensor_release(out);
  }
  for (int i = 0; i < NSHARED; i++)
    ck_assert_msg(use_count(*shared_slot(i)) == 1, "shared input %d has %lld references", i,
                  (long long)use_count(*shared_slot(i)));
  int64_t exports, imports;
  CT_OK_(ct_dlpack_live(&exports, &imports));
  ck_assert_int_eq(exports, 0);
  ck_assert_int_eq(imports, 0);
  free_shared();
  CT_NO_LEAK_(blocks0, bytes0);
  CT_OK_(ct_set_num_threads(threads0));
}
END_TEST

int main(void) {
  Suite *s = suite_create("stress");
  const ct_test_case cases[] = {{"stress", test_stress}};
  const ct_test_tcase_opts opts = {NULL, NULL, 300};
  CT_TEST_ADD_CASES_(s, cases, &opts);
  return ct_test_run(s);
}
