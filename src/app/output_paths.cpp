#include "app/output_paths.h"

#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "base/atomic_file.h"
#include "base/error.h"

namespace boardbrief::app {

namespace fs = std::filesystem;

std::string pdf_path(const std::string& out, const model::Period& p) {
  std::error_code ec;
  const bool dir = (!out.empty() && out.back() == '/') || fs::is_directory(out, ec);
  if (dir) return (fs::path(out) / ("briefing-" + p.key + ".pdf")).string();
  const fs::path name = fs::path(out).filename();
  if (!out.empty() && !fs::exists(fs::symlink_status(out, ec)) && !name.has_extension())
    throw UsageError("--out '" + out +
                     "': no directory of that name, and no file extension; to write into a directory, "
                     "create it first (mkdir " +
                     out + "); to write a file, name it " + out + ".pdf");
  return out;
}

namespace {

// The path with symbolic links and ".." resolved as far as it exists.
std::string resolved(const std::string& path) {
  std::error_code ec;
  auto p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return ec ? path : p.string();
}

std::optional<std::pair<dev_t, ino_t>> file_id(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return std::make_pair(st.st_dev, st.st_ino);
}

struct Protected {
  std::string path;  // resolved
  std::string what;  // for the message
};

std::vector<Protected> database_files(const std::string& db) {
  std::vector<Protected> files;
  const std::string real = resolved(db);
  const std::pair<const char*, const char*> kinds[] = {{"", "the database"},
                                                       {"-wal", "the database's write-ahead log"},
                                                       {"-shm", "the database's shared-memory file"},
                                                       {"-journal", "the database's rollback journal"}};
  for (const auto& [suffix, what] : kinds) {
    files.push_back({real + suffix, std::string(what) + " " + db + suffix});
    files.push_back({resolved(db + suffix), std::string(what) + " " + db + suffix});
  }
  return files;
}

void check_one(const std::string& option, const std::string& path, const std::vector<Protected>& protect) {
  const std::string real = resolved(path);
  const auto id = file_id(path);
  for (const auto& p : protect) {
    const auto pid = file_id(p.path);
    if (real == p.path || (id && pid && *id == *pid))
      throw UsageError(option + " '" + path + "' is " + p.what +
                       " (after resolving links and ..); refusing to overwrite it");
  }
}

}  // namespace

void check_not_inputs(const std::string& pdf, const std::string& json,
                      const std::vector<std::pair<std::string, std::string>>& inputs) {
  std::vector<Protected> protect;
  for (const auto& [what, path] : inputs)
    if (!path.empty()) protect.push_back({resolved(path), what + " " + path});
  check_one("--out", pdf, protect);
  if (!json.empty()) check_one("--findings-json", json, protect);
}

void check_outputs(const std::string& db, const std::string& pdf, const std::string& json) {
  const auto protect = database_files(db);
  check_one("--out", pdf, protect);
  if (!json.empty()) {
    check_one("--findings-json", json, protect);
    // Writing twice to /dev/null is a dry run, not a lost file.
    struct stat st {};
    const bool device = ::stat(pdf.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
    if (!device && (json == pdf || resolved(json) == resolved(pdf)))
      throw UsageError("--findings-json '" + json + "' and --out '" + pdf +
                       "' name the same file; give them different names");
    inspect_output(json);
  }
  inspect_output(pdf);
}

}  // namespace boardbrief::app
