#include "base/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace boardbrief {

namespace {

// The error type of the exit code, so callers and tests can catch DataError or UsageError.
[[noreturn]] void refuse(ExitCode code, const std::string& message) {
  if (code == ExitCode::Usage) throw UsageError(message);
  if (code == ExitCode::Output) throw OutputError(message);
  if (code == ExitCode::Data) throw DataError(message);
  throw Error(code, message);
}

const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string size_text(std::uint64_t bytes) {
  if (bytes >= 10 * 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 10 * 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
}

std::uint64_t check_stat(const std::string& path, const struct stat& st, const InputRule& rule) {
  if (!S_ISREG(st.st_mode))
    refuse(rule.code,
           path + ": " + file_kind(st.st_mode) + ", not a regular file; " + rule.what + " must be a regular file");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (rule.max_bytes != 0 && size > rule.max_bytes)
    refuse(rule.code, path + ": " + size_text(size) + ", more than the " + size_text(rule.max_bytes) + " allowed for " +
                          rule.what);
  return size;
}

}  // namespace

bool path_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

std::uint64_t check_input_file(const std::string& path, const InputRule& rule) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    const int err = errno;
    if (err == ENOENT) refuse(rule.code, path + ": no such file (" + rule.what + ")");
    refuse(rule.code, path + ": cannot read " + rule.what + " (" + std::strerror(err) + ")");
  }
  return check_stat(path, st, rule);
}

std::string read_input_file(const std::string& path, const InputRule& rule) {
  check_input_file(path, rule);
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    refuse(rule.code, path + ": cannot read " + rule.what + " (" + std::strerror(err) + ")");
  }
  std::string text;
  try {
    struct stat st {};
    if (::fstat(fd, &st) != 0) refuse(rule.code, path + ": cannot read " + rule.what);
    check_stat(path, st, rule);  // what was opened, in case the path changed since the check
    char buf[65536];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) refuse(rule.code, path + ": cannot read " + rule.what + " (" + std::strerror(errno) + ")");
      if (n == 0) break;
      text.append(buf, static_cast<std::size_t>(n));
      if (rule.max_bytes != 0 && text.size() > rule.max_bytes)  // grew while we read
        refuse(rule.code, path + ": more than the " + size_text(rule.max_bytes) + " allowed for " + rule.what);
    }
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  return text;
}

}  // namespace boardbrief
