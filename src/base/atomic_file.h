// Output files are replaced atomically: written to a temporary file beside the target, flushed,
// and renamed over it. A failure leaves the previous file untouched and no temporary behind.
// The rules (what counts as a target, special files, permissions, the order of a pair) are in
// docs/errors.md, "Output files".
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace boardbrief {

// How an output path is written.
enum class TargetKind {
  Replace,  // a regular file, or none yet: temporary file beside it, then rename
  InPlace,  // a character device (/dev/null), a FIFO, or a stream (/dev/stdout, /dev/fd/N): written directly
};

struct OutputTarget {
  std::string path;  // as given (for messages)
  std::string real;  // what is written: symbolic links resolved, so a link stays a link
  TargetKind kind = TargetKind::Replace;
  int stream_fd = -1;  // /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: that descriptor
};

// Classifies `path` without writing anything. Throws OutputError naming the path when it
// cannot be an output: empty, a directory, a socket or block device (never replaced), or a
// file whose directory is missing or not a directory.
OutputTarget inspect_output(const std::string& path);

// Writes `bytes` to `path` atomically. Throws OutputError naming the path and the reason
// (directory missing or unwritable, target is a directory, disk full, ...).
void write_file_atomically(const std::string& path, std::string_view bytes);

// Several outputs of one run (the findings JSON and the PDF) replaced together: add() writes and
// flushes each regular target to its temporary file (throwing OutputError as above); commit()
// renames them in the order added, then writes the in-place targets. When a rename or in-place
// write fails, the targets already renamed get their previous file back (kept as a hard link
// until the end), so the pair stays all-or-nothing except across a crash between two renames.
// Destroying without commit() removes the temporary files.
class StagedFiles {
 public:
  StagedFiles();
  ~StagedFiles();
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;

  void add(const std::string& path, std::string_view bytes);
  void commit();

 private:
  struct Staged;
  std::vector<std::unique_ptr<Staged>> staged_;
};

}  // namespace boardbrief
