// `boardbrief import` into a database it cannot write: held by another connection, or a
// read-only file. One clear line and exit 4 (docs/errors.md); nothing written.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "import/import_support.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief::testing;

namespace {

const char* kCsv = "day,platform,handle,metric,value\n2026-10-01,instagram,@acme,followers,1200\n";
const char* kRows = "SELECT day, metric, value FROM daily_metric ORDER BY 1, 2";

// A database made by a first import, so the file meets the contract.
fs::path seeded(const fs::path& dir) {
  fs::path db = dir / "social.db";
  fs::path first = write_file(dir, "first.csv", kCsv);
  RunResult r = run(binary() + " import metrics --db " + db.string() + " " + first.string());
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return db;
}

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("a database another process holds (BEGIN EXCLUSIVE) is reported as locked, exit 4") {
    fs::path dir = scratch_dir("import-locked");
    fs::path db = seeded(dir);
    fs::path csv =
        write_file(dir, "more.csv", "day,platform,handle,metric,value\n2026-10-02,instagram,@acme,followers,1210\n");
    {
      SQLite::Database holder(db.string(), SQLite::OPEN_READWRITE);
      holder.exec("BEGIN EXCLUSIVE");
      holder.exec("UPDATE channel SET name = name");  // the exclusive lock itself, not just the intent
      // The importer waits for its busy timeout (5 s), then gives up.
      RunResult r = run(binary() + " import metrics --db " + db.string() + " " + csv.string());
      CHECK(r.exit_code == 4);
      CHECK(r.err == "boardbrief: error: cannot write '" + db.string() +
                         "': the database is locked by another process (gave up after 5 s)\n");
      CHECK(r.out.empty());
    }
    CHECK(dump(db, kRows) == "2026-10-01|followers|1200.0\n");
    // Once the lock is gone the same import works.
    RunResult after = run(binary() + " import metrics --db " + db.string() + " " + csv.string());
    CHECK_MESSAGE(after.exit_code == 0, after.err);
    CHECK(dump(db, kRows) == "2026-10-01|followers|1200.0\n2026-10-02|followers|1210.0\n");
  }

  TEST_CASE("a read-only database file is refused before any file is read, exit 4") {
    fs::path dir = scratch_dir("import-readonly");
    fs::path db = seeded(dir);
    fs::path csv =
        write_file(dir, "more.csv", "day,platform,handle,metric,value\n2026-10-02,instagram,@acme,followers,1210\n");
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    // root ignores permission bits: make the file immutable instead (needs CAP_LINUX_IMMUTABLE).
    bool immutable = false;
    if (geteuid() == 0) {
      immutable = run("chattr +i " + db.string()).exit_code == 0;
      if (!immutable) {
        MESSAGE("skipped: running as root and chattr +i is not allowed here, so no file is read-only");
        fs::permissions(db, fs::perms::owner_all);
        return;
      }
    }
    RunResult r = run(binary() + " import metrics --db " + db.string() + " " + csv.string());
    const std::string content = dump(db, kRows);
    if (immutable) run("chattr -i " + db.string());
    fs::permissions(db, fs::perms::owner_all);
    CHECK(r.exit_code == 4);
    CHECK(r.err == "boardbrief: error: cannot write '" + db.string() + "': the file is read-only\n");
    CHECK(r.out.empty());
    CHECK(content == "2026-10-01|followers|1200.0\n");
  }
}
