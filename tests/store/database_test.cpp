// The store against small SQLite files built by the tests: contract checks on open, with
// the exact messages, and the aggregation rules of the metric catalogue.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>

#include "base/error.h"
#include "store/database.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
using boardbrief::DataError;
using boardbrief::store::Database;

namespace {

using namespace date::literals;

std::string error_of(const std::string& path) {
  try {
    Database db(path, 100);
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

const char* kRows = R"sql(
INSERT INTO channel VALUES (1, 'facebook', '@a', 'A on Facebook', 'own'), (2, 'x', '@b', 'B on X', 'own'),
                           (3, 'x', '@c', 'Rival', 'competitor');
INSERT INTO metric VALUES ('followers', 'Followers', 'last', 'count', 'up'),
                          ('impressions', 'Impressions', 'sum', 'count', 'up'),
                          ('engagements', 'Engagements', 'sum', 'count', 'up');
INSERT INTO daily_metric VALUES (1, '2026-10-01', 'followers', 100), (1, '2026-10-15', 'followers', 120),
  (1, '2026-10-20', 'followers', 130), (1, '2026-11-01', 'followers', 999),
  (1, '2026-10-01', 'impressions', 1000), (1, '2026-10-31', 'impressions', 500),
  (2, '2026-10-02', 'impressions', 250), (1, '2026-10-01', 'engagements', 30);
INSERT INTO interaction VALUES
  (1, 1, '2026-10-01T08:00:00Z', 'message', 1, '2026-10-01T09:30:00Z', 0.5, 'billing'),
  (2, 1, '2026-10-31T23:30:00Z', 'message', 1, NULL, -0.8, 'outage'),
  (3, 2, '2026-10-15T12:00:00Z', 'comment', 0, NULL, NULL, NULL);
)sql";

}  // namespace

TEST_SUITE("store") {
  TEST_CASE("opening checks the file, the schema version, the tables and the columns") {
    auto dir = bt::scratch_dir("store-contract");
    std::string missing = (dir / "nope.db").string();
    CHECK(error_of(missing) == missing + ": no such file");

    std::string text = (dir / "text.db").string();
    std::ofstream(text) << "this is not a database";
    CHECK(error_of(text) == text + ": not an SQLite database");

    std::string v2 = (dir / "v2.db").string();
    bt::make_db(v2, "PRAGMA user_version = 2; CREATE TABLE t(x);");
    CHECK(error_of(v2) == v2 + ": schema version 2 (PRAGMA user_version), expected 1; see docs/data-contract.md");

    std::string no_table = (dir / "no_table.db").string();
    bt::make_db(no_table, bt::schema_sql() + "DROP TABLE interaction;");
    CHECK(error_of(no_table) == no_table + ": table interaction is missing (schema version 1 expects it)");

    std::string no_col = (dir / "social.db").string();
    bt::make_db(no_col, bt::schema_sql() + "ALTER TABLE interaction DROP COLUMN first_reply_at;");
    CHECK(error_of(no_col) == no_col + ": table interaction lacks column first_reply_at (schema version 1 expects it)");

    std::string ok = (dir / "ok.db").string();
    bt::make_db(ok, bt::schema_sql() + "DROP TABLE target;");  // target is optional
    Database db(ok);
    CHECK(db.schema_version() == 1);
    CHECK(db.targets().empty());
  }

  TEST_CASE("aggregation follows the catalogue: sums, the last value of a stock, per range") {
    auto dir = bt::scratch_dir("store-aggregate");
    std::string path = (dir / "a.db").string();
    bt::make_db(path, bt::schema_sql() + kRows);
    Database db(path);
    std::vector<boardbrief::model::DayRange> ranges = {
        {date::local_days{2026_y / 10 / 1}, date::local_days{2026_y / 10 / 31}},
        {date::local_days{2026_y / 10 / 1}, date::local_days{2026_y / 10 / 15}}};
    auto aggs = db.aggregate_metrics(ranges);
    auto find = [&](std::size_t r, std::int64_t ch, const std::string& m) {
      for (const auto& a : aggs)
        if (a.range == r && a.channel_id == ch && a.metric == m) return a;
      FAIL("no aggregate for ", m);
      return boardbrief::model::MetricAggregate{};
    };
    CHECK(find(0, 1, "followers").last == 130);  // last day with data in October, not November's 999
    CHECK(find(0, 1, "followers").days == 3);
    CHECK(find(1, 1, "followers").last == 120);  // ranges may overlap
    CHECK(find(0, 1, "impressions").sum == 1500);
    CHECK(find(0, 2, "impressions").sum == 250);
    CHECK(find(0, 1, "impressions").max == 1000);
  }

  TEST_CASE("a stock's last value is its latest day in any row order (no primary key, a corrected day re-inserted)") {
    // The contract allows daily_metric without its primary key; rows then come in insertion
    // order. A pipeline that corrects 1 October by delete and insert puts that day last.
    auto dir = bt::scratch_dir("store-last-order");
    std::string path = (dir / "nopk.db").string();
    std::string schema = bt::schema_sql();
    const std::string pk = "  PRIMARY KEY (channel_id, metric, day)\n) WITHOUT ROWID;";
    REQUIRE(schema.find(pk) != std::string::npos);
    schema.replace(schema.find(pk), pk.size(), "  CHECK (1)\n);");
    const std::string day_index = "CREATE INDEX daily_metric_day ON daily_metric (day);";
    REQUIRE(schema.find(day_index) != std::string::npos);
    schema.replace(schema.find(day_index), day_index.size(),
                   "CREATE INDEX daily_metric_series ON daily_metric (channel_id, metric);");
    bt::make_db(path,
                schema + kRows +
                    "DELETE FROM daily_metric WHERE channel_id = 1 AND metric = 'followers' AND day = '2026-10-01';"
                    "INSERT INTO daily_metric VALUES (1, '2026-10-01', 'followers', 101);");
    {
      // The premise: without ORDER BY, this table hands the corrected day over last.
      SQLite::Database raw(path, SQLite::OPEN_READONLY);
      CHECK(raw.execAndGet("SELECT day FROM daily_metric WHERE channel_id = 1 AND metric = 'followers' "
                           "AND day BETWEEN '2026-10-01' AND '2026-10-31'")
                .getString() == "2026-10-15");
    }
    Database db(path);
    auto aggs = db.aggregate_metrics({{date::local_days{2026_y / 10 / 1}, date::local_days{2026_y / 10 / 31}}});
    bool found = false;
    for (const auto& a : aggs)
      if (a.channel_id == 1 && a.metric == "followers") {
        found = true;
        CHECK(a.last == 130);  // 20 October, not the corrected 1 October (101)
        CHECK(a.max == 130);
        CHECK(a.days == 3);
      }
    CHECK(found);
  }

  TEST_CASE("interactions stream in time order inside the range, with parsed instants") {
    auto dir = bt::scratch_dir("store-scan");
    std::string path = (dir / "a.db").string();
    bt::make_db(path, bt::schema_sql() + kRows);
    Database db(path);
    std::vector<boardbrief::model::InteractionRow> rows;
    // [2026-10-01T00:00Z, 2026-11-01T00:00Z)
    db.scan_interactions(1790812800, 1793491200, [&](const auto& r) { rows.push_back(r); });
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].received == 1790812800 + 8 * 3600);
    CHECK(rows[0].first_reply == 1790812800 + 9 * 3600 + 1800);
    CHECK(rows[0].sentiment == doctest::Approx(0.5));
    CHECK(rows[1].channel_id == 2);
    CHECK_FALSE(rows[1].needs_reply);
    CHECK_FALSE(rows[2].first_reply.has_value());
  }

  TEST_CASE("a bad row in the scan is skipped and counted, with the first one named") {
    auto dir = bt::scratch_dir("store-badrow");
    std::string path = (dir / "a.db").string();
    bt::make_db(path,
                bt::schema_sql() + kRows +
                    "PRAGMA ignore_check_constraints = 1;"
                    "INSERT INTO interaction VALUES (9, 1, '2026-10-05T25:00:00Z', 'message', 1, NULL, NULL, NULL),"
                    " (10, 1, '2026-10-06T10:00:00Z', 'message', 1, '2026-10-06T09:00:00Z', NULL, NULL),"
                    " (11, 1, '2026-10-07T10:00:00Z', 'message', 1, 'soon', NULL, NULL),"
                    " (12, 1, '2026-10-08T10:00:00Z', 'message', 1, NULL, 1.5, NULL);");
    Database db(path);
    std::size_t visited = 0;
    db.scan_interactions(1790812800, 1793491200, [&](const auto&) { ++visited; });
    CHECK(visited == 3);
    const auto& q = db.data_quality();
    CHECK(q.interactions_scanned == 7);
    CHECK(q.bad_received_at == 1);
    CHECK(q.reply_before_received == 1);
    CHECK(q.bad_first_reply_at == 1);
    CHECK(q.bad_sentiment == 1);
    CHECK(q.interactions_skipped() == 4);
    CHECK(q.first_example == path +
                                 ": table interaction, row id 9: received_at '2026-10-05T25:00:00Z' is not a UTC "
                                 "instant (YYYY-MM-DDTHH:MM:SSZ)");
  }

  TEST_CASE("rows no time range can meet (epochs, words) count as bad; needs_reply must be the number 0 or 1") {
    auto dir = bt::scratch_dir("store-unplaced");
    std::string path = (dir / "a.db").string();
    std::string schema = bt::schema_sql();
    const std::string typed = "received_at    TEXT NOT NULL,";
    REQUIRE(schema.find(typed) != std::string::npos);
    schema.replace(schema.find(typed), typed.size(), "received_at    NOT NULL,");  // keeps integers integers
    bt::make_db(path, schema + kRows +
                          "PRAGMA ignore_check_constraints = 1;"
                          "INSERT INTO interaction VALUES (20, 1, 1791000000, 'message', 1, NULL, NULL, NULL),"
                          " (21, 1, '1791000000', 'message', 1, NULL, NULL, NULL),"
                          " (22, 1, 'yesterday', 'message', 1, NULL, NULL, NULL),"
                          " (23, 1, '1969-07-20T20:17:00Z', 'message', 1, NULL, NULL, NULL),"  // readable: not bad
                          " (24, 1, '2026-10-09T10:00:00Z', 'message', 'yes', NULL, NULL, NULL),"
                          " (25, 1, '2026-10-09T11:00:00Z', 'message', 2, NULL, NULL, NULL),"
                          " (26, 1, '2026-10-09T12:00:00Z', 'message', 1.0, NULL, NULL, NULL);");
    Database db(path);
    std::size_t visited = 0, needing = 0;
    db.scan_interactions(1790812800, 1793491200, [&](const auto& r) {
      ++visited;
      needing += r.needs_reply;
    });
    const auto& q = db.data_quality();
    CHECK(visited == 4);  // the three of kRows and row 26 (1.0 is the number 1)
    CHECK(needing == 3);
    CHECK(q.bad_received_at == 3);
    CHECK(q.bad_needs_reply == 2);
    CHECK(q.interactions_scanned == 9);
    CHECK(q.first_example == path +
                                 ": table interaction, row id 20: received_at 1791000000 is not a UTC instant "
                                 "(YYYY-MM-DDTHH:MM:SSZ; it looks like a Unix epoch number)");
  }

  TEST_CASE("the database file is not modified by reading it") {
    auto dir = bt::scratch_dir("store-readonly");
    std::string path = (dir / "a.db").string();
    bt::make_db(path, bt::schema_sql() + kRows);
    auto before = bt::run("sha256sum '" + path + "'").out;
    {
      Database db(path);
      db.channels();
      db.metrics();
      db.scan_interactions(0, 2000000000, [](const auto&) {});
    }
    CHECK(bt::run("sha256sum '" + path + "'").out == before);
  }
}
