// (Helpers live in a *_test.cpp file so that CMake's test glob compiles them.)
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "import/import_support.h"
#include "support/test_db.h"

namespace boardbrief::testing {

std::filesystem::path write_file(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
  std::filesystem::path p = dir / name;
  std::ofstream out(p, std::ios::binary);
  out << text;
  return p;
}

std::string dump(const std::filesystem::path& db, const std::string& sql) {
  SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(d, sql);
  std::string out;
  while (q.executeStep()) {
    for (int i = 0; i < q.getColumnCount(); ++i) {
      if (i) out += '|';
      out += q.getColumn(i).isNull() ? "NULL" : q.getColumn(i).getString();
    }
    out += '\n';
  }
  return out;
}

std::filesystem::path realdata_dir() {
  std::error_code ec;
  const char* env = std::getenv("BOARDBRIEF_REALDATA");
  auto p = env ? std::filesystem::path(env)
               : std::filesystem::weakly_canonical(source_dir() / ".." / "shared" / "realdata", ec);
  return !ec && std::filesystem::is_directory(p, ec) ? p : std::filesystem::path();
}

}  // namespace boardbrief::testing
