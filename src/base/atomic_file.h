// Output files are replaced atomically: written to a temporary file beside the target, flushed,
// and renamed over it. A failure leaves the previous file untouched and no temporary behind.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace boardbrief {

// Writes `bytes` to `path` atomically. Throws OutputError naming the path and the reason
// (directory missing or unwritable, target is a directory, disk full, ...).
void write_file_atomically(const std::string& path, std::string_view bytes);

// Several outputs of one run (the PDF and --findings-json) replaced together: add() writes and
// flushes each to its temporary file (throwing OutputError as above); commit() only renames, so
// a failure while writing any of them leaves every target untouched. Destroying without
// commit() removes the temporary files.
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
