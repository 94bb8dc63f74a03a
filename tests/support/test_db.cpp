#include "support/test_db.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace boardbrief::testing {

namespace fs = std::filesystem;

fs::path scratch_dir(const std::string& name) {
  // ctest runs test cases as parallel processes: the pid keeps their directories apart.
  fs::path dir = fs::path(BOARDBRIEF_TEST_TMP) / (name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
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
