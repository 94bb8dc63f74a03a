// Imports are kept aside as they are read and written in one sorted pass (docs/import.md,
// "Speed and memory"): the same results and counts as row by row, for repeated ids, rows without
// an id, and tables whose key is not declared (written row by row).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "import/import_support.h"
#include "importer/interaction_rows.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief::testing;

namespace {

RunResult import(const std::string& what, const fs::path& db, const std::string& args) {
  return run(binary() + " import " + what + " --db " + db.string() + " " + args);
}

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("a repeated message id keeps its first row, wherever the repeat is in the file") {
    fs::path dir = scratch_dir("staged-repeated");
    fs::path db = dir / "s.db";
    fs::path csv = write_file(dir, "a.csv",
                              "id,received_at,first_reply_at,platform,handle\n"
                              "m2,2026-10-02T11:00:00Z,,x,@a\n"
                              "m1,2026-10-02T10:00:00Z,2026-10-02T10:30:00Z,x,@a\n"
                              "m3,2026-10-02T12:00:00Z,,x,@a\n"
                              "m1,2026-10-02T10:00:00Z,2026-10-02T23:00:00Z,x,@a\n"
                              "m2,2026-10-02T11:00:00Z,2026-10-02T11:05:00Z,x,@a\n"
                              "m1,2026-10-02T10:00:00Z,,x,@a\n");
    RunResult r = import("interactions", db, csv.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("6 rows read, 3 interactions (3 inserted, 0 updated, 0 unchanged)") != std::string::npos);
    CHECK(r.out.find("skipped 3: repeated message id (the first row is kept)") != std::string::npos);
    const std::int64_t m1 = boardbrief::importer::stable_id("x\x1fm1");
    CHECK(dump(db, "SELECT first_reply_at FROM interaction WHERE id = " + std::to_string(m1)) ==
          "2026-10-02T10:30:00Z\n");
    CHECK(dump(db, "SELECT count(first_reply_at) FROM interaction") == "1\n");
    RunResult again = import("interactions", db, csv.string());
    CHECK(again.out.find("3 interactions (0 inserted, 0 updated, 3 unchanged)") != std::string::npos);
    CHECK(again.out.find("skipped 3: repeated message id (the first row is kept)") != std::string::npos);
    // The repeats differ from the stored rows, yet the first row still wins.
    CHECK(dump(db, "SELECT first_reply_at FROM interaction WHERE id = " + std::to_string(m1)) ==
          "2026-10-02T10:30:00Z\n");
    // An export where m2 is now answered and m4 is new: one update, one insert, two unchanged.
    fs::path later = write_file(dir, "b.csv",
                                "id,received_at,first_reply_at,platform,handle\n"
                                "m4,2026-10-03T09:00:00Z,,x,@a\n"
                                "m3,2026-10-02T12:00:00Z,,x,@a\n"
                                "m2,2026-10-02T11:00:00Z,2026-10-02T11:05:00Z,x,@a\n"
                                "m1,2026-10-02T10:00:00Z,2026-10-02T10:30:00Z,x,@a\n");
    RunResult upd = import("interactions", db, later.string());
    CHECK(upd.out.find("4 interactions (1 inserted, 1 updated, 2 unchanged)") != std::string::npos);
    CHECK(dump(db, "SELECT count(*), count(first_reply_at) FROM interaction") == "4|2\n");
    CHECK(dump(db, "PRAGMA integrity_check") == "ok\n");
    CHECK(dump(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interaction'") ==
          "interaction_received_at\n");
  }

  TEST_CASE("without an id column, identical rows get the ids of their identity and their count") {
    fs::path dir = scratch_dir("staged-identity");
    fs::path db = dir / "s.db";
    fs::path csv = write_file(dir, "a.csv",
                              "received_at,platform,handle,needs_reply\n"
                              "2026-10-01T10:00:00Z,x,@a,true\n2026-10-01T09:00:00Z,x,@a,true\n"
                              "2026-10-01T10:00:00Z,x,@a,true\n");
    REQUIRE(import("interactions", db, csv.string()).exit_code == 0);
    const std::string base = "x\x1f@a\x1f" + std::to_string(1790848800) + "\x1fmessage\x1f";
    const auto id = [&](int n) { return std::to_string(boardbrief::importer::stable_id(base + std::to_string(n))); };
    CHECK(dump(db, "SELECT count(*) FROM interaction WHERE id IN (" + id(0) + ", " + id(1) + ")") == "2\n");
    CHECK(dump(db, "SELECT count(*) FROM interaction") == "3\n");
    RunResult again = import("interactions", db, csv.string());
    CHECK(again.out.find("3 interactions (0 inserted, 0 updated, 3 unchanged)") != std::string::npos);
  }

  TEST_CASE("a daily_metric table without its primary key is written row by row with the same counts") {
    fs::path dir = scratch_dir("staged-no-key");
    fs::path db = dir / "s.db";
    std::string schema = schema_sql();
    const std::string key = ",\n  PRIMARY KEY (channel_id, metric, day)\n) WITHOUT ROWID;";
    REQUIRE(schema.find(key) != std::string::npos);
    schema.replace(schema.find(key), key.size(), "\n);");
    make_db(db, schema + "INSERT INTO metric VALUES ('impressions', 'Impressions', 'sum', 'count', 'up');");
    fs::path csv = write_file(dir, "a.csv",
                              "day,platform,handle,metric,value\n"
                              "2026-10-02,x,@a,impressions,5\n2026-10-01,x,@a,impressions,4\n");
    RunResult r = import("metrics", db, csv.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("2 values (2 inserted, 0 updated, 0 unchanged)") != std::string::npos);
    fs::path changed = write_file(dir, "b.csv",
                                  "day,platform,handle,metric,value\n"
                                  "2026-10-02,x,@a,impressions,6\n2026-10-01,x,@a,impressions,4\n");
    RunResult upd = import("metrics", db, changed.string());
    CHECK(upd.out.find("2 values (0 inserted, 1 updated, 1 unchanged)") != std::string::npos);
    CHECK(dump(db, "SELECT day, value FROM daily_metric ORDER BY day") == "2026-10-01|4.0\n2026-10-02|6.0\n");
    // A repeated value is still an error naming both lines.
    fs::path twice = write_file(dir, "c.csv",
                                "day,platform,handle,metric,value\n"
                                "2026-10-03,x,@a,impressions,1\n2026-10-03,x,@a,impressions,2\n");
    RunResult bad = import("metrics", db, twice.string());
    CHECK(bad.exit_code == 3);
    CHECK(bad.err.find(twice.string() + ":3:5: impressions for x @a on 2026-10-03 is already given on line 2") !=
          std::string::npos);
    CHECK(dump(db, "SELECT count(*) FROM daily_metric") == "2\n");
  }

  TEST_CASE("an interaction table whose id is not its primary key is written row by row with the same counts") {
    fs::path dir = scratch_dir("staged-no-id-key");
    fs::path db = dir / "s.db";
    std::string schema = schema_sql();
    const std::string key = "id             INTEGER PRIMARY KEY,";
    REQUIRE(schema.find(key) != std::string::npos);
    schema.replace(schema.find(key), key.size(), "id             INTEGER NOT NULL,");
    make_db(db, schema + "INSERT INTO metric VALUES ('impressions', 'Impressions', 'sum', 'count', 'up');");
    const std::string head = "id,received_at,platform,handle,needs_reply,topic\n";
    const std::string rows = "b,2026-10-01T10:00:00Z,x,@a,true,\nb,2026-10-01T11:00:00Z,x,@a,true,\n";
    fs::path csv = write_file(dir, "a.csv", head + rows + "a,2026-10-01T09:00:00Z,x,@a,true,t\n");
    RunResult r = import("interactions", db, csv.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("2 interactions (2 inserted, 0 updated, 0 unchanged)") != std::string::npos);
    CHECK(r.out.find("skipped 1: repeated message id (the first row is kept)") != std::string::npos);
    fs::path changed = write_file(dir, "b.csv", head + rows + "a,2026-10-01T09:00:00Z,x,@a,true,u\n");
    RunResult upd = import("interactions", db, changed.string());
    CHECK(upd.out.find("2 interactions (0 inserted, 1 updated, 1 unchanged)") != std::string::npos);
    CHECK(dump(db, "SELECT received_at, topic FROM interaction ORDER BY received_at") ==
          "2026-10-01T09:00:00Z|u\n2026-10-01T10:00:00Z|NULL\n");
  }
}
