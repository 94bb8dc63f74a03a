// Shared by the robustness tests: one small sample database per test process (made by the
// binary), copies of it with SQL applied, file hashes, and running `boardbrief report`.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/test_db.h"

namespace boardbrief::robust {

namespace fs = std::filesystem;
namespace bt = boardbrief::testing;

inline std::string q(const fs::path& p) {
  std::string s = p.string(), out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// The sample database (data to 2026-10-31), made once per test process.
inline const fs::path& sample_db() {
  static const fs::path path = [] {
    fs::path db = bt::scratch_dir("robust-sample") / "sample.db";
    auto r = bt::run(bt::binary() + " sample --out " + q(db) + " --interactions 5000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
  }();
  return path;
}

// A copy of the sample database at `to` with `sql` applied (in a rollback-journal database).
inline fs::path sample_copy(const fs::path& to, const std::string& sql = "") {
  fs::copy_file(sample_db(), to, fs::copy_options::overwrite_existing);
  if (!sql.empty()) {
    SQLite::Database db(to.string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
  }
  return to;
}

// The sample's rows under a schema given as SQL text (to make schema variants).
inline fs::path sample_with_schema(const fs::path& to, const std::string& schema, const std::string& after = "") {
  bt::make_db(to, schema);
  SQLite::Database db(to.string(), SQLite::OPEN_READWRITE);
  db.exec("ATTACH " + q(sample_db()) + " AS s");
  db.exec("PRAGMA ignore_check_constraints = 1");
  for (const char* t : {"channel", "metric", "daily_metric", "interaction", "target"})
    db.exec(std::string("INSERT INTO main.") + t + " SELECT * FROM s." + t);
  db.exec("DETACH s");
  if (!after.empty()) db.exec(after);
  return to;
}

// schema.sql with `from` replaced by `to` (REQUIREs that `from` occurs).
inline std::string schema_with(const std::string& from, const std::string& to) {
  std::string s = bt::schema_sql();
  auto at = s.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return s.replace(at, from.size(), to);
}

// sha256 of a file, or "absent".
inline std::string hash_of(const fs::path& p) {
  if (!fs::exists(p)) return "absent";
  auto r = bt::run("sha256sum " + q(p));
  return r.out.substr(0, 64);
}

// The database file and its -wal/-shm/-journal companions, hashed.
inline std::string hash_db_files(const fs::path& db) {
  std::string out;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    out += std::string(suffix) + "=" + hash_of(db.string() + suffix) + " ";
  return out;
}

inline bt::RunResult report(const fs::path& db, const std::string& args) {
  return bt::run(bt::binary() + " report --db " + q(db) + " " + args);
}

// Files in `dir` whose name contains ".tmp-" (left-over temporary outputs).
inline int temp_files_in(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  return n;
}

// A copy of the installation data (fonts, templates) that a test may break.
inline fs::path data_dir_copy(const fs::path& to) {
  fs::create_directories(to);
  fs::copy(bt::source_dir() / "fonts", to / "fonts", fs::copy_options::recursive);
  fs::copy(bt::source_dir() / "templates", to / "templates", fs::copy_options::recursive);
  return to;
}

}  // namespace boardbrief::robust
