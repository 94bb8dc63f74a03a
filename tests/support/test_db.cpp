#include "support/test_db.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace boardbrief::testing {

namespace fs = std::filesystem;

namespace {

// The scratch directories of this process, removed when it ends: a full run writes a few GB of
// databases and PDFs, which would otherwise pile up run after run (pids differ each time).
// BOARDBRIEF_KEEP_TEST_TMP=1 keeps them for a look after a failure.
struct ScratchDirs {
  std::vector<fs::path> dirs;
  ~ScratchDirs() {
    const char* keep = std::getenv("BOARDBRIEF_KEEP_TEST_TMP");
    if (keep && *keep && std::string(keep) != "0") return;
    std::error_code ignored;
    for (const auto& d : dirs) fs::remove_all(d, ignored);
  }
};

ScratchDirs& scratch_dirs() {
  static ScratchDirs dirs;
  return dirs;
}

}  // namespace

fs::path scratch_dir(const std::string& name) {
  // ctest runs test cases as parallel processes: the pid keeps their directories apart.
  fs::path dir = fs::path(BOARDBRIEF_TEST_TMP) / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  scratch_dirs().dirs.push_back(dir);
  return dir;
}

void make_db(const fs::path& path, const std::string& sql) {
  fs::remove(path);
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(sql);
}

std::string schema_sql() {
  std::ifstream in(source_dir() / "schema.sql");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RunResult run(const std::string& command_line) {
  static int counter = 0;
  fs::path dir = fs::path(BOARDBRIEF_TEST_TMP) / "run-output";
  fs::create_directories(dir);
  std::string stem = std::to_string(::getpid()) + "-" + std::to_string(counter++);
  fs::path out = dir / (stem + ".out"), err = dir / (stem + ".err");
  std::string cmd = "(" + command_line + ") >'" + out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  fs::remove(out);
  fs::remove(err);
  return r;
}

std::string quote(const fs::path& p) {
  std::string out = "'";
  for (char ch : p.string()) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

std::string binary() { return BOARDBRIEF_BINARY; }
fs::path source_dir() { return BOARDBRIEF_SOURCE_DIR; }

}  // namespace boardbrief::testing
