// Test helpers: scratch directories, SQLite files built from SQL text, and running the binary.
#pragma once

#include <filesystem>
#include <string>

namespace boardbrief::testing {

// A fresh, empty directory under the build tree, named after `name` and this process;
// removed and recreated, and removed again when the process ends (unless the environment sets
// BOARDBRIEF_KEEP_TEST_TMP=1, to look at what a failing test wrote).
std::filesystem::path scratch_dir(const std::string& name);

// Creates an SQLite file at `path` (replacing it) and runs `sql` in it.
void make_db(const std::filesystem::path& path, const std::string& sql);

// The project's schema.sql text.
std::string schema_sql();

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs a shell command line, capturing stdout and stderr.
RunResult run(const std::string& command_line);

// A path single-quoted for the shell (a ' inside is escaped).
std::string quote(const std::filesystem::path& p);

// The whole content of a file ("" when it cannot be read).
std::string read_file(const std::filesystem::path& p);

// Path of the boardbrief binary under test, and of the source tree.
std::string binary();
std::filesystem::path source_dir();

}  // namespace boardbrief::testing
