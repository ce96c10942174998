/*
 * check_plugin.c: tests of the backend plugin loader (lib/core/ct_backend.c)
 * with fake CUDA modules: a missing module, one of the wrong backend API
 * version, one without an init function, one whose init fails with a
 * reason, a file that is not a shared object, a search path of several
 * entries, and a module that loads but has no kernels.
 *
 * The loader keeps its first result for the life of the process, so every
 * scenario runs in a child: this program execs itself with
 * "--scenario NAME" and CTENSOR_PLUGIN_PATH set, the child checks what a
 * program sees and exits 0 (passed), 1 (failed, the reason on stderr) or 77
 * (not applicable here). The fake modules are tests/plugin_<name>.c, built
 * as <builddir>/tests/plugins/<name>/ct_cuda.so (libtool puts it in .libs);
 * CT_TEST_PLUGINS=<dir> overrides where <name>/ct_cuda.so is looked for.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ct_internal.h"
#include "ct_test.h"

/* ---- the child: one scenario per process ---------------------------------------------------- */

static int child_failures;

/* Notes a failed expectation of the child on stderr (the parent shows it). */
__attribute__((format(printf, 1, 2))) static void child_fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("  ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  child_failures++;
}

/* The thread's error message contains needle. */
static void child_msg_has(const char *what, const char *needle) {
  if (!strstr(ct_last_error_message(), needle))
    child_fail("%s: message \"%s\" lacks \"%s\"", what, ct_last_error_message(), needle);
}

/*
 * A CUDA request fails with CT_ERR_BACKEND_UNAVAILABLE, every needle in the message (NULL ends
 * the list); the same holds on a second request (the reason is kept) and through every kind of
 * CUDA entry point: a factory, a conversion, the device count and availability.
 */
static void child_expect_unavailable(const char *const *needles) {
  for (int round = 0; round < 2; round++) {
    ct_tensor *t = POISON;
    ct_clear_error();
    ct_status s = ct_zeros(&t, 1, (int64_t[]){3}, CT_FLOAT32, CT_DEVICE_CUDA, 0);
    if (s != CT_ERR_BACKEND_UNAVAILABLE) {
      child_fail("ct_zeros on cuda returned %s, expected CT_ERR_BACKEND_UNAVAILABLE (%s)", ct_status_name(s),
                 ct_last_error_message());
      if (s == CT_OK) ct_tensor_release(t);
      return;
    }
    if (t != NULL) child_fail("ct_zeros on cuda failed but left out non-NULL");
    child_msg_has("ct_zeros", "ct_zeros: backend unavailable for device 'cuda'");
    for (const char *const *n = needles; *n; n++) child_msg_has("ct_zeros", *n);
  }

  /* A conversion names itself and the same reason; its input is untouched. */
  ct_tensor *x = NULL, *y = POISON;
  if (ct_ones(&x, 1, (int64_t[]){4}, CT_FLOAT32, CT_DEVICE_NONE, -1) != CT_OK) {
    child_fail("ct_ones on the CPU failed: %s", ct_last_error_message());
    return;
  }
  ct_status s = ct_to(&y, x, CT_DTYPE_NONE, CT_DEVICE_CUDA, -1, false);
  if (s != CT_ERR_BACKEND_UNAVAILABLE) child_fail("ct_to returned %s", ct_status_name(s));
  if (s == CT_OK) ct_tensor_release(y);
  child_msg_has("ct_to", "ct_to");
  for (const char *const *n = needles; *n; n++) child_msg_has("ct_to", *n);
  ct_tensor_release(x);

  /* Probes never fail and leave the caller's error record alone. */
  char before[1024];
  snprintf(before, sizeof before, "%s", ct_last_error_message());
  bool avail = true;
  int32_t count = -1;
  if (ct_backend_available(&avail, CT_DEVICE_CUDA) != CT_OK || avail)
    child_fail("ct_backend_available: %s / %d", ct_last_error_message(), (int)avail);
  if (ct_device_count(&count, CT_DEVICE_CUDA) != CT_OK || count != 0)
    child_fail("ct_device_count: %s / %d", ct_last_error_message(), (int)count);
  if (strcmp(before, ct_last_error_message()) != 0)
    child_fail("probing changed the error record from \"%s\" to \"%s\"", before, ct_last_error_message());
}

static int scenario_missing(void) {
  /* An installed CUDA module in the plugin directory would be found after the path: not applicable. */
  ct_tensor *t = NULL;
  if (ct_zeros(&t, 1, (int64_t[]){1}, CT_FLOAT32, CT_DEVICE_CUDA, 0) == CT_OK ||
      !strstr(ct_last_error_message(), "was not found")) {
    ct_tensor_release(t);
    fprintf(stderr, "  an installed CUDA module was found: %s\n", ct_last_error_message());
    return 77;
  }
  child_expect_unavailable((const char *const[]){"ct_cuda.so", "was not found", "CTENSOR_PLUGIN_PATH", NULL});
  return 0;
}

static int scenario_badversion(void) {
  char needs[64];
  snprintf(needs, sizeof needs, "needs %d", (int)CT__BACKEND_API_VERSION);
  child_expect_unavailable((const char *const[]){"ct_cuda.so has backend API 999", needs, NULL});
  return 0;
}

static int scenario_noinit(void) {
  child_expect_unavailable((const char *const[]){"ct_cuda.so does not export ct_backend_cuda_init", NULL});
  return 0;
}

static int scenario_initfail(void) {
  child_expect_unavailable((const char *const[]){"ct_cuda.so", "ct_backend_cuda_init: no GPU here (0 devices)", NULL});
  return 0;
}

static int scenario_garbage(void) {
  child_expect_unavailable((const char *const[]){"loading ", "ct_cuda.so failed", NULL});
  return 0;
}

/* The first module found decides, even when a later directory holds a good one. */
static int scenario_first_found_decides(void) {
  child_expect_unavailable((const char *const[]){"does not export ct_backend_cuda_init", NULL});
  return 0;
}

/* A module that loads: creation reaches it, operators report the missing kernel families. */
static int scenario_fake(void) {
  int32_t count = -1;
  bool avail = false;
  if (ct_device_count(&count, CT_DEVICE_CUDA) != CT_OK || count != 1)
    child_fail("ct_device_count: %d (%s)", (int)count, ct_last_error_message());
  if (ct_backend_available(&avail, CT_DEVICE_CUDA) != CT_OK || !avail) child_fail("ct_backend_available: false");

  ct_tensor *a = NULL, *b = NULL, *c = POISON;
  if (ct_ones(&a, 2, (int64_t[]){2, 3}, CT_FLOAT32, CT_DEVICE_CUDA, 0) != CT_OK ||
      ct_zeros(&b, 2, (int64_t[]){2, 3}, CT_FLOAT32, CT_DEVICE_CUDA, -1) != CT_OK) {
    child_fail("creation on the fake device failed: %s", ct_last_error_message());
    ct_tensor_release(a);
    return 0;
  }
  ct_device_type type = 0;
  int32_t index = -1;
  if (ct_tensor_device(&type, &index, a) != CT_OK || type != CT_DEVICE_CUDA || index != 0)
    child_fail("ct_tensor_device: %d:%d", (int)type, (int)index);
  /* The fake device's memory is host memory: the fill reached it. */
  void *p = NULL;
  if (ct_tensor_data_ptr(&p, a) != CT_OK || !p || ((float *)p)[5] != 1.0f) child_fail("ct_ones did not fill");

  /* A device index the backend does not have. */
  ct_tensor *t = POISON;
  ct_clear_error();
  if (ct_zeros(&t, 1, (int64_t[]){1}, CT_FLOAT32, CT_DEVICE_CUDA, 1) != CT_ERR_DEVICE || t != NULL)
    child_fail("ct_zeros on cuda:1 of 1 device: %s", ct_last_error_message());
  child_msg_has("cuda:1", "out of range");

  ct_clear_error();
  ct_status s = ct_add(&c, a, b, NULL, CT_DTYPE_NONE);
  if (s != CT_ERR_NOT_IMPLEMENTED || c != NULL)
    child_fail("ct_add returned %s, expected CT_ERR_NOT_IMPLEMENTED", ct_status_name(s));
  if (s == CT_OK) ct_tensor_release(c);
  child_msg_has("ct_add", "ct_add: the cuda backend has no elementwise kernels");

  /* The module has no ctensor/cuda.h table: those functions say so, availability does not care. */
  avail = false;
  if (ct_cuda_is_available(&avail) != CT_OK || !avail) child_fail("ct_cuda_is_available: false");
  ct_clear_error();
  s = ct_cuda_synchronize(-1);
  if (s != CT_ERR_BACKEND_UNAVAILABLE) child_fail("ct_cuda_synchronize returned %s", ct_status_name(s));
  child_msg_has("ct_cuda_synchronize", "ct_cuda_synchronize: the CUDA module has no device functions");

  ct_tensor_release(a);
  ct_tensor_release(b);
  return 0;
}

typedef struct scenario {
  const char *name;
  int (*run)(void);
} scenario;

static const scenario scenarios[] = {
  {"missing", scenario_missing},
  {"badversion", scenario_badversion},
  {"noinit", scenario_noinit},
  {"initfail", scenario_initfail},
  {"garbage", scenario_garbage},
  {"first_found_decides", scenario_first_found_decides},
  {"fake", scenario_fake},
  {"path_list", scenario_fake},
};

static int run_scenario(const char *name) {
  for (size_t i = 0; i < sizeof scenarios / sizeof scenarios[0]; i++) {
    if (strcmp(scenarios[i].name, name) != 0) continue;
    int rc = scenarios[i].run();
    if (rc == 0 && child_failures) rc = 1;
    return rc;
  }
  fprintf(stderr, "check_plugin: no scenario \"%s\"\n", name);
  return 2;
}

/* ---- the parent: find the fake modules, run each scenario in a child ------------------------ */

static char self_path[PATH_MAX];

/* Whether dir/ct_cuda.so exists. */
static bool has_module(const char *dir) {
  char path[PATH_MAX + 16];
  snprintf(path, sizeof path, "%s/ct_cuda.so", dir);
  return access(path, F_OK) == 0;
}

/* The directory holding the fake module <name>'s ct_cuda.so into dir, or fails the test. */
static void plugin_dir(char *dir, size_t size, const char *name) {
  const char *over = getenv("CT_TEST_PLUGINS");
  const char *top = getenv("CT_TOP_BUILDDIR");
  if (over) {
    snprintf(dir, size, "%s/%s", over, name);
    if (has_module(dir)) return;
  }
  if (!top) top = ".";
  snprintf(dir, size, "%s/tests/plugins/%s/.libs", top, name);
  if (has_module(dir)) return;
  snprintf(dir, size, "%s/tests/plugins/%s", top, name);
  ck_assert_msg(has_module(dir), "the fake module %s/ct_cuda.so was not built (CT_TOP_BUILDDIR=%s)", dir, top);
}

/*
 * Runs this program's scenario name in a child with CTENSOR_PLUGIN_PATH=path and asserts that it
 * passed (77, not applicable, passes with a note). Its stderr comes back in the failure message.
 */
static void run_child(const char *name, const char *path) {
  int fds[2];
  ck_assert_int_eq(pipe(fds), 0);
  fflush(NULL);
  pid_t pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    setenv("CTENSOR_PLUGIN_PATH", path, 1);
    execl(self_path, self_path, "--scenario", name, (char *)NULL);
    fprintf(stderr, "exec %s failed: %s\n", self_path, strerror(errno));
    _exit(3);
  }
  close(fds[1]);
  char log[2048];
  size_t used = 0;
  ssize_t n;
  while ((n = read(fds[0], log + used, sizeof log - 1 - used)) > 0) used += (size_t)n;
  log[used] = '\0';
  close(fds[0]);
  int status = 0;
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert_msg(WIFEXITED(status), "scenario %s (CTENSOR_PLUGIN_PATH=%s) died:\n%s", name, path, log);
  int rc = WEXITSTATUS(status);
  if (rc == 77) {
    printf("# scenario %s not applicable here:\n%s", name, log);
    return;
  }
  ck_assert_msg(rc == 0, "scenario %s (CTENSOR_PLUGIN_PATH=%s) failed (exit %d):\n%s", name, path, rc, log);
}

/* A fresh empty temporary directory into dir. */
static void temp_dir(char *dir, size_t size) {
  const char *tmp = getenv("TMPDIR");
  snprintf(dir, size, "%s/ct_plugin_XXXXXX", tmp && *tmp ? tmp : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
}

START_TEST(test_missing) {
  char empty[PATH_MAX], path[2 * PATH_MAX + 64];
  temp_dir(empty, sizeof empty);
  /* An empty directory, a directory that does not exist and empty entries: nothing is found. */
  snprintf(path, sizeof path, "%s:/nonexistent/ctensor-plugins::", empty);
  run_child("missing", path);
  rmdir(empty);
}
END_TEST

START_TEST(test_badversion) {
  char dir[PATH_MAX];
  plugin_dir(dir, sizeof dir, "badversion");
  run_child("badversion", dir);
}
END_TEST

START_TEST(test_noinit) {
  char dir[PATH_MAX];
  plugin_dir(dir, sizeof dir, "noinit");
  run_child("noinit", dir);
}
END_TEST

START_TEST(test_initfail) {
  char dir[PATH_MAX];
  plugin_dir(dir, sizeof dir, "initfail");
  run_child("initfail", dir);
}
END_TEST

START_TEST(test_garbage) {
  char dir[PATH_MAX], file[PATH_MAX + 16];
  temp_dir(dir, sizeof dir);
  snprintf(file, sizeof file, "%s/ct_cuda.so", dir);
  FILE *f = fopen(file, "w");
  ck_assert_ptr_nonnull(f);
  fputs("this is not a shared object\n", f);
  fclose(f);
  run_child("garbage", dir);
  unlink(file);
  rmdir(dir);
}
END_TEST

START_TEST(test_first_found_decides) {
  char bad[PATH_MAX], good[PATH_MAX], path[2 * PATH_MAX + 8];
  plugin_dir(bad, sizeof bad, "noinit");
  plugin_dir(good, sizeof good, "fake");
  snprintf(path, sizeof path, "%s:%s", bad, good);
  run_child("first_found_decides", path);
}
END_TEST

START_TEST(test_fake) {
  char dir[PATH_MAX];
  plugin_dir(dir, sizeof dir, "fake");
  run_child("fake", dir);
}
END_TEST

START_TEST(test_path_list) {
  char dir[PATH_MAX], empty[PATH_MAX], path[3 * PATH_MAX];
  plugin_dir(dir, sizeof dir, "fake");
  temp_dir(empty, sizeof empty);
  /* Missing and empty directories and empty entries are passed over until the module is found. */
  snprintf(path, sizeof path, ":/nonexistent/ctensor-plugins:%s::%s:", empty, dir);
  run_child("path_list", path);
  rmdir(empty);
}
END_TEST

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--scenario") == 0) return run_scenario(argv[2]);
  ssize_t n = readlink("/proc/self/exe", self_path, sizeof self_path - 1);
  if (n <= 0) {
    fprintf(stderr, "check_plugin: cannot find its own executable: %s\n", strerror(errno));
    return 99;
  }
  self_path[n] = '\0';
  const ct_test_case tests[] = {
    {"missing", test_missing},
    {"badversion", test_badversion},
    {"noinit", test_noinit},
    {"initfail", test_initfail},
    {"garbage", test_garbage},
    {"first_found_decides", test_first_found_decides},
    {"fake", test_fake},
    {"path_list", test_path_list},
  };
  Suite *s = suite_create("plugin");
  CT_TEST_ADD_CASES_(s, tests, NULL);
  return ct_test_run(s);
}
