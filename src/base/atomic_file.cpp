#include "base/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>

#include "base/error.h"

namespace boardbrief {

namespace {

[[noreturn]] void fail(const std::string& path, int err) {
  throw OutputError("cannot write '" + path + "': " + std::strerror(err));
}

std::string parent_dir(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// Writes all of `bytes` to `fd`; SIGPIPE is ignored meanwhile so a closed pipe is an error
// (EPIPE) that the caller can roll back from, not a silent death.
void write_all(int fd, std::string_view bytes, const std::string& path) {
  struct sigaction ignore {
  }, previous{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &previous);
  const char* p = bytes.data();
  std::size_t left = bytes.size();
  int err = 0;
  while (left > 0 && err == 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno != EINTR) err = errno;  // ENOSPC, EDQUOT, EIO, EPIPE, ...
      continue;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  ::sigaction(SIGPIPE, &previous, nullptr);
  if (err != 0) fail(path, err);
}

// /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name a descriptor this process already
// has: writing to it keeps the shell's redirection (a pipe, or a file opened for appending).
int stream_descriptor(const std::string& path) {
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.rfind(prefix, 0) != 0) continue;
    const std::string n = path.substr(prefix.size());
    if (!n.empty() && n.size() <= 6 && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return std::stoi(n);
  }
  return -1;
}

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

// Owns the temporary file until it has been renamed over the target; removes it otherwise.
class TempFile {
 public:
  explicit TempFile(const OutputTarget& target) : target_(target) {
    // O_EXCL with our pid makes the name ours; a stale file from a crashed run with the same
    // pid is skipped. Mode 0600 until finish() sets the final mode, so a private file being
    // replaced is never readable by others through its temporary copy.
    const std::string stem = target.real + ".tmp-" + std::to_string(::getpid()) + "-";
    for (int attempt = 0; attempt < 100; ++attempt) {
      path_ = stem + std::to_string(attempt);
      fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd_ >= 0 || errno != EEXIST) break;
    }
    if (fd_ < 0) fail(target_.path, errno);
  }

  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(path_.c_str());
  }

  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write(std::string_view bytes) { write_all(fd_, bytes, target_.path); }

  // Gives the file the previous file's permissions (a new file: 0666 less the umask), flushes it
  // to disk and closes it: after this only the rename is left.
  void finish() {
    struct stat st {};
    mode_t mode = new_file_mode();
    if (::stat(target_.real.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      mode = st.st_mode & 0777;
      // Only root can give a file away; for anyone else the owner is already theirs.
      if (::geteuid() == 0 && ::fchown(fd_, st.st_uid, st.st_gid) != 0) fail(target_.path, errno);
    }
    if (::fchmod(fd_, mode) != 0) fail(target_.path, errno);
    // Without fsync a crash after the rename could leave an empty file under the final name.
    if (::fsync(fd_) != 0) fail(target_.path, errno);
    const int fd = fd_;
    fd_ = -1;
    // close() can report a delayed write error (NFS, some quota setups).
    if (::close(fd) != 0) fail(target_.path, errno);
  }

  void rename_over() {
    if (::rename(path_.c_str(), target_.real.c_str()) != 0) {
      if (errno == EISDIR) throw OutputError("'" + target_.path + "': is a directory");
      fail(target_.path, errno);
    }
    renamed_ = true;
  }

 private:
  OutputTarget target_;
  std::string path_;
  int fd_ = -1;
  bool renamed_ = false;
};

// Makes the rename itself durable. Best effort: the file is already in place, so a failure
// here is not worth reporting as a failed write.
void sync_dir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void write_in_place(const OutputTarget& t, std::string_view bytes) {
  if (t.stream_fd >= 0) return write_all(t.stream_fd, bytes, t.path);
  // O_NONBLOCK: a FIFO nobody reads fails at once (ENXIO) instead of waiting forever.
  const int fd = ::open(t.real.c_str(), O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENXIO) throw OutputError("cannot write '" + t.path + "': a FIFO that nobody is reading");
    fail(t.path, errno);
  }
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  try {
    write_all(fd, bytes, t.path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) fail(t.path, errno);
}

[[noreturn]] void refuse_special(const std::string& path, const char* what) {
  throw OutputError("'" + path + "': is a " + std::string(what) +
                    "; boardbrief writes regular files, character devices (/dev/null) and FIFOs, and never replaces "
                    "a special file");
}

// The target does not exist: its directory must.
void check_directory(const OutputTarget& t) {
  if (t.path.back() == '/') throw OutputError("cannot write '" + t.path + "': no such directory");
  const std::string dir = parent_dir(t.real);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT) throw OutputError("cannot write '" + t.path + "': directory '" + dir + "' does not exist");
    fail(t.path, errno);
  }
  if (!S_ISDIR(st.st_mode)) throw OutputError("cannot write '" + t.path + "': '" + dir + "' is not a directory");
}

}  // namespace

OutputTarget inspect_output(const std::string& path) {
  if (path.empty()) throw OutputError("cannot write '': empty file name");
  OutputTarget t{path, path, TargetKind::Replace, stream_descriptor(path)};
  struct stat st {};
  if (t.stream_fd >= 0) {
    if (::fstat(t.stream_fd, &st) != 0) fail(path, errno);
    t.kind = TargetKind::InPlace;
    return t;
  }
  if (::stat(path.c_str(), &st) != 0) {
    if (errno != ENOENT && errno != ENOTDIR) fail(path, errno);
    check_directory(t);
    return t;
  }
  if (S_ISDIR(st.st_mode)) throw OutputError("'" + path + "': is a directory");
  if (S_ISSOCK(st.st_mode)) refuse_special(path, "socket");
  if (S_ISBLK(st.st_mode)) refuse_special(path, "block device");
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
    t.kind = TargetKind::InPlace;
    return t;
  }
  // "out/x.pdf/" can only name a directory; a file is there instead.
  if (path.back() == '/') fail(path, ENOTDIR);
  std::error_code ec;
  const auto real = std::filesystem::canonical(path, ec);  // a symbolic link stays a link
  if (!ec) t.real = real.string();
  return t;
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  StagedFiles one;
  one.add(path, bytes);
  one.commit();
}

struct StagedFiles::Staged {
  OutputTarget target;
  std::unique_ptr<TempFile> tmp;  // Replace
  std::string bytes;              // InPlace: written by commit()
  bool had_previous = false;      // a regular file was there before the rename
  std::string backup;             // a hard link to it, until commit() ends
  bool renamed = false;
};

StagedFiles::StagedFiles() = default;

// A backup still named here after a failed commit() could not be renamed back: it is the only
// copy of the user's previous file, so it stays on disk.
StagedFiles::~StagedFiles() = default;

void StagedFiles::add(const std::string& path, std::string_view bytes) {
  auto s = std::make_unique<Staged>();
  s->target = inspect_output(path);
  if (s->target.kind == TargetKind::InPlace) {
    s->bytes.assign(bytes);
  } else {
    s->tmp = std::make_unique<TempFile>(s->target);
    s->tmp->write(bytes);
    s->tmp->finish();
  }
  staged_.push_back(std::move(s));
}

namespace {

// Keeps the file about to be replaced reachable under a second name, so a failure later in the
// same commit can put it back. Without hard links (some file systems) there is no way back.
void keep_previous(const std::string& real, bool& had_previous, std::string& backup) {
  struct stat st {};
  had_previous = ::lstat(real.c_str(), &st) == 0 && S_ISREG(st.st_mode);
  if (!had_previous) return;
  const std::string stem = real + ".tmp-" + std::to_string(::getpid()) + "-previous";
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string name = stem + std::to_string(attempt);
    if (::link(real.c_str(), name.c_str()) == 0) {
      backup = name;
      return;
    }
    if (errno != EEXIST) return;
  }
}

}  // namespace

void StagedFiles::commit() {
  // Renames first (in the order added: the report adds the JSON first and the PDF last), then
  // the in-place targets, which cannot be taken back.
  std::vector<Staged*> order;
  for (auto& s : staged_)
    if (s->tmp) order.push_back(s.get());
  for (auto& s : staged_)
    if (!s->tmp) order.push_back(s.get());
  try {
    for (Staged* s : order) {
      if (!s->tmp) {
        write_in_place(s->target, s->bytes);
        continue;
      }
      keep_previous(s->target.real, s->had_previous, s->backup);
      s->tmp->rename_over();
      s->renamed = true;
    }
  } catch (...) {
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      Staged& s = **it;
      if (!s.renamed) {  // the previous file is still in place: its backup link is not needed
        if (!s.backup.empty()) ::unlink(s.backup.c_str());
        s.backup.clear();
        continue;
      }
      if (!s.backup.empty() && ::rename(s.backup.c_str(), s.target.real.c_str()) == 0)
        s.backup.clear();
      else if (!s.had_previous)
        ::unlink(s.target.real.c_str());
    }
    throw;
  }
  for (Staged* s : order) {
    if (!s->backup.empty()) ::unlink(s->backup.c_str());
    s->backup.clear();
  }
  std::set<std::string> dirs;
  for (Staged* s : order)
    if (s->tmp) dirs.insert(parent_dir(s->target.real));
  for (const auto& dir : dirs) sync_dir(dir);
  staged_.clear();
}

}  // namespace boardbrief
