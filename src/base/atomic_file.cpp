#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "base/error.h"

namespace boardbrief {

namespace {

[[noreturn]] void fail(const std::string& path, int err) {
  throw OutputError("cannot write '" + path + "': " + std::strerror(err));
}

// Owns the temporary file until it has been renamed over the target; removes it otherwise.
class TempFile {
 public:
  explicit TempFile(const std::string& target) : target_(target) {
    // O_EXCL with our pid makes the name ours; a stale file from a crashed run with the same
    // pid is skipped. Mode 0666 lets the umask decide, as for any newly created output file
    // (mkstemp would force 0600).
    const std::string stem = target + ".tmp-" + std::to_string(::getpid()) + "-";
    for (int attempt = 0; attempt < 100; ++attempt) {
      path_ = stem + std::to_string(attempt);
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd_ >= 0 || errno != EEXIST) break;
    }
    if (fd_ < 0) fail(target_, errno);
  }

  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }

  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write_all(std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
      const ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        fail(target_, errno);  // ENOSPC, EDQUOT, EIO, ...
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
  }

  // Flushes to disk, closes and renames over the target.
  void commit() {
    finish();
    rename_over();
  }

  // Flushes to disk and closes: after this only the rename is left.
  void finish() {
    // Without fsync a crash after the rename could leave an empty file under the final name.
    if (::fsync(fd_) != 0) fail(target_, errno);
    const int fd = fd_;
    fd_ = -1;
    // close() can report a delayed write error (NFS, some quota setups).
    if (::close(fd) != 0) fail(target_, errno);
  }

  void rename_over() {
    if (::rename(path_.c_str(), target_.c_str()) != 0) {
      if (errno == EISDIR) throw OutputError("'" + target_ + "': is a directory");
      fail(target_, errno);
    }
    committed_ = true;
  }

 private:
  std::string target_;
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
};

std::string parent_dir(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// Makes the rename itself durable. Best effort: the file is already in place, so a failure
// here is not worth reporting as a failed write.
void sync_dir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

namespace {

void check_target(const std::string& path) {
  if (path.empty()) throw OutputError("cannot write '': empty file name");
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  const int stat_errno = errno;
  if (exists && S_ISDIR(st.st_mode)) throw OutputError("'" + path + "': is a directory");
  // "out/x.pdf/" can only name a directory, which does not exist here; without this check the
  // temporary file would be created inside "out/x.pdf".
  if (path.back() == '/') fail(path, exists ? ENOTDIR : stat_errno);
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
  check_target(path);
  TempFile tmp(path);
  tmp.write_all(bytes);
  tmp.commit();
  sync_dir(parent_dir(path));
}

struct StagedFiles::Staged {
  std::string path;
  TempFile tmp;
  explicit Staged(const std::string& p) : path(p), tmp(p) {}
};

StagedFiles::StagedFiles() = default;
StagedFiles::~StagedFiles() = default;  // unrenamed temporary files are removed by ~TempFile

void StagedFiles::add(const std::string& path, std::string_view bytes) {
  check_target(path);
  staged_.push_back(std::make_unique<Staged>(path));
  staged_.back()->tmp.write_all(bytes);
  staged_.back()->tmp.finish();
}

void StagedFiles::commit() {
  for (auto& s : staged_) s->tmp.rename_over();
  for (auto& s : staged_) sync_dir(parent_dir(s->path));
  staged_.clear();
}

}  // namespace boardbrief
