// The report's bulk reads stay on the contract's indexes (docs/data-contract.md, "Indexes"):
// EXPLAIN QUERY PLAN must show key or index ranges (SEARCH), never a full SCAN of the big
// tables and never an AUTOMATIC index (SQLite builds one for some joins: ~10 s at 10M rows).
// `boardbrief check` warns when an index is missing.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sample/sample_db.h"
#include "store/queries.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> plan_of(const std::string& path, const char* sql) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, std::string("EXPLAIN QUERY PLAN ") + sql);
  std::vector<std::string> lines;
  while (q.executeStep()) lines.push_back(q.getColumn(3).getString());
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

bool any_line(const std::vector<std::string>& lines, const std::string& text) {
  for (const auto& l : lines)
    if (l.find(text) != std::string::npos) return true;
  return false;
}

void check_plans(const std::string& path) {
  auto daily = plan_of(path, boardbrief::store::kDailyByKeySql);
  INFO("daily plan:\n", joined(daily));
  CHECK(any_line(daily, "SEARCH d USING PRIMARY KEY (channel_id=? AND metric=? AND day>? AND day<?)"));
  CHECK_FALSE(any_line(daily, "SCAN d"));
  CHECK_FALSE(any_line(daily, "AUTOMATIC"));
  CHECK_FALSE(any_line(daily, "TEMP B-TREE"));

  auto series = plan_of(path, boardbrief::store::kDailyOfSeriesSql);
  INFO("series plan:\n", joined(series));
  CHECK(any_line(series, "SEARCH daily_metric USING PRIMARY KEY (channel_id=? AND metric=? AND day>? AND day<?)"));
  CHECK_FALSE(any_line(series, "SCAN"));
  CHECK_FALSE(any_line(series, "AUTOMATIC"));
  CHECK_FALSE(any_line(series, "TEMP B-TREE"));  // ORDER BY day comes from the key: no sort

  auto list = plan_of(path, boardbrief::store::kSeriesSql);
  INFO("catalogue plan:\n", joined(list));
  CHECK_FALSE(any_line(list, "AUTOMATIC"));
  CHECK_FALSE(any_line(list, "daily_metric"));  // the catalogue only, never the big table

  auto scan = plan_of(path, boardbrief::store::kInteractionScanSql);
  INFO("interaction plan:\n", joined(scan));
  CHECK(any_line(scan, "SEARCH interaction USING INDEX interaction_received_at (received_at>? AND received_at<?)"));
  CHECK_FALSE(any_line(scan, "SCAN interaction"));
  CHECK_FALSE(any_line(scan, "AUTOMATIC"));
  CHECK_FALSE(any_line(scan, "TEMP B-TREE"));  // the index gives the order: no sort

  auto unplaced = plan_of(path, boardbrief::store::kUnplacedInteractionsSql);
  INFO("unplaced plan:\n", joined(unplaced));
  CHECK(any_line(unplaced, "SEARCH interaction USING COVERING INDEX interaction_received_at (received_at<?)"));
  CHECK(any_line(unplaced, "SEARCH interaction USING COVERING INDEX interaction_received_at (received_at>?)"));
  CHECK_FALSE(any_line(unplaced, "SCAN"));
}

// A small sample database (3 months, a few thousand interactions), made once.
const fs::path& sample_db() {
  static const fs::path path = [] {
    fs::path p = bt::scratch_dir("query-plan") / "sample.db";
    boardbrief::sample::SampleOptions o;
    o.months = 3;
    o.interactions = 3000;
    boardbrief::sample::write_sample_database(p.string(), o, true);
    return p;
  }();
  return path;
}

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("the report's queries are index ranges on an empty schema and on sample data") {
    auto dir = bt::scratch_dir("query-plan-empty");
    std::string empty = (dir / "empty.db").string();
    bt::make_db(empty, bt::schema_sql());
    SUBCASE("empty schema") { check_plans(empty); }
    SUBCASE("sample data") { check_plans(sample_db().string()); }
  }

  TEST_CASE("the plans stay on the indexes when the database has planner statistics (ANALYZE)") {
    // Monitoring pipelines may run ANALYZE; with statistics SQLite weighs the indexes anew.
    auto dir = bt::scratch_dir("query-plan-analyze");
    fs::path copy = dir / "analyzed.db";
    fs::copy_file(sample_db(), copy);
    {
      SQLite::Database db(copy.string(), SQLite::OPEN_READWRITE);
      db.exec("ANALYZE");
    }
    check_plans(copy.string());
  }

  TEST_CASE("check warns once per missing index and is quiet when both are there") {
    auto dir = bt::scratch_dir("query-plan-check");
    fs::path no_index = dir / "no_index.db";
    fs::copy_file(sample_db(), no_index);
    {
      SQLite::Database db(no_index.string(), SQLite::OPEN_READWRITE);
      db.exec("DROP INDEX interaction_received_at");
    }
    auto quiet = bt::run(bt::binary() + " check --db '" + sample_db().string() + "'");
    CHECK(quiet.out.find("warning: no index") == std::string::npos);
    auto warned = bt::run(bt::binary() + " check --db '" + no_index.string() + "'");
    CHECK(warned.out.find("warning: no index on interaction(received_at): reports will scan the whole table") !=
          std::string::npos);
    CHECK(warned.out.find("warning: no index on daily_metric") == std::string::npos);
    // With the index gone the scan falls back to a full scan: the plan test above would fail.
    auto plan = plan_of(no_index.string(), boardbrief::store::kInteractionScanSql);
    CHECK(any_line(plan, "SCAN interaction"));
  }
}
