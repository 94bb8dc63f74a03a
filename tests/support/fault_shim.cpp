// LD_PRELOAD fault injection for the output stage (tests/robustness/fault_injection_test.cpp).
// Wraps the libc calls that write an output file and, for files under $BB_FAULT_DIR only:
//   - appends "<op> <path>" to $BB_FAULT_LOG for each call (to list the steps), and
//   - makes the $BB_FAULT_NTH-th call of $BB_FAULT_OP fail with EIO.
// Ops: open (a file opened for writing, or the directory opened to sync it), write, fchmod,
// fsync, close, link, rename. Other calls pass through untouched.
// With $BB_HARU_LOG set it also counts libharu documents created and freed (written to that
// file at exit), and $BB_HARU_FAIL makes HPDF_SetCurrentEncoder fail the way libharu does
// (through the document's error handler): the failure the HaruDoc constructor checks for.
#include <dlfcn.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

template <typename F>
F real(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

thread_local bool inside = false;  // our own logging must not count

std::string fd_path(int fd) {
  char link[64], buf[4096];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t n = ::readlink(link, buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

bool watched(const std::string& path) {
  const char* dir = std::getenv("BB_FAULT_DIR");
  return dir && *dir && path.rfind(dir, 0) == 0;
}

// Logs the call and says whether it must fail.
bool step(const char* op, const std::string& path) {
  if (inside || !watched(path)) return false;
  inside = true;
  if (const char* log = std::getenv("BB_FAULT_LOG")) {
    if (FILE* f = std::fopen(log, "a")) {
      std::fprintf(f, "%s %s\n", op, path.c_str());
      std::fclose(f);
    }
  }
  static int counts[16];
  static const char* const ops[] = {"open", "write", "fchmod", "fsync", "close", "link", "rename"};
  bool fail = false;
  const char* want = std::getenv("BB_FAULT_OP");
  const char* nth = std::getenv("BB_FAULT_NTH");
  for (int i = 0; i < 7; ++i) {
    if (std::strcmp(ops[i], op) != 0) continue;
    ++counts[i];
    fail = want && nth && std::strcmp(want, op) == 0 && counts[i] == std::atoi(nth);
  }
  inside = false;
  if (fail) errno = EIO;
  return fail;
}

std::string absolute(const char* path) {
  if (!path) return {};
  if (path[0] == '/') return path;
  char cwd[4096];
  return ::getcwd(cwd, sizeof cwd) ? std::string(cwd) + "/" + path : std::string(path);
}

bool for_output(int flags) { return (flags & (O_WRONLY | O_RDWR | O_CREAT)) != 0 || (flags & O_DIRECTORY) != 0; }

}  // namespace

extern "C" {

int open(const char* path, int flags, ...) {
  mode_t mode = 0;
  if (flags & (O_CREAT | O_TMPFILE)) {
    va_list ap;
    va_start(ap, flags);
    mode = static_cast<mode_t>(va_arg(ap, int));
    va_end(ap);
  }
  if (for_output(flags) && step("open", absolute(path))) return -1;
  return real<int (*)(const char*, int, ...)>("open")(path, flags, mode);
}

int open64(const char* path, int flags, ...) {
  mode_t mode = 0;
  if (flags & (O_CREAT | O_TMPFILE)) {
    va_list ap;
    va_start(ap, flags);
    mode = static_cast<mode_t>(va_arg(ap, int));
    va_end(ap);
  }
  if (for_output(flags) && step("open", absolute(path))) return -1;
  return real<int (*)(const char*, int, ...)>("open64")(path, flags, mode);
}

ssize_t write(int fd, const void* buf, size_t n) {
  if (step("write", fd_path(fd))) return -1;
  return real<ssize_t (*)(int, const void*, size_t)>("write")(fd, buf, n);
}

int fchmod(int fd, mode_t mode) {
  if (step("fchmod", fd_path(fd))) return -1;
  return real<int (*)(int, mode_t)>("fchmod")(fd, mode);
}

int fsync(int fd) {
  if (step("fsync", fd_path(fd))) return -1;
  return real<int (*)(int)>("fsync")(fd);
}

int close(int fd) {
  // The descriptor is closed even when the call "fails", as the kernel does (EIO from close).
  const bool fail = step("close", fd_path(fd));
  const int rc = real<int (*)(int)>("close")(fd);
  if (fail) {
    errno = EIO;
    return -1;
  }
  return rc;
}

int link(const char* from, const char* to) {
  if (step("link", absolute(to))) return -1;
  return real<int (*)(const char*, const char*)>("link")(from, to);
}

int rename(const char* from, const char* to) {
  if (step("rename", absolute(to))) return -1;
  return real<int (*)(const char*, const char*)>("rename")(from, to);
}

// --- libharu documents ---------------------------------------------------------------------

typedef void* HPDF_Doc;
typedef unsigned long HPDF_STATUS;
typedef void (*HPDF_Error_Handler)(HPDF_STATUS, HPDF_STATUS, void*);

static int haru_new = 0, haru_free = 0;
static HPDF_Error_Handler haru_handler = nullptr;
static void* haru_user = nullptr;

static void haru_report() {
  if (const char* log = std::getenv("BB_HARU_LOG")) {
    if (FILE* f = std::fopen(log, "w")) {
      std::fprintf(f, "new %d free %d\n", haru_new, haru_free);
      std::fclose(f);
    }
  }
}

HPDF_Doc HPDF_New(HPDF_Error_Handler handler, void* user) {
  if (haru_new++ == 0) std::atexit(haru_report);
  haru_handler = handler;
  haru_user = user;
  return real<HPDF_Doc (*)(HPDF_Error_Handler, void*)>("HPDF_New")(handler, user);
}

void HPDF_Free(HPDF_Doc doc) {
  if (doc) ++haru_free;
  real<void (*)(HPDF_Doc)>("HPDF_Free")(doc);
}

HPDF_STATUS HPDF_SetCurrentEncoder(HPDF_Doc doc, const char* name) {
  if (std::getenv("BB_HARU_FAIL") && haru_handler) {
    haru_handler(0x1017, 0, haru_user);
    return 0x1017;
  }
  return real<HPDF_STATUS (*)(HPDF_Doc, const char*)>("HPDF_SetCurrentEncoder")(doc, name);
}

}  // extern "C"
