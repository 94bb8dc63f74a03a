// The bad-row policy (store/data_quality.h) on small databases: where the line between warning
// and stopping lies, computed from the counts rather than assumed.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/error.h"
#include "store/data_quality.h"
#include "store/database.h"
#include "store/timestamp.h"
#include "store/violations.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
using boardbrief::DataError;
using boardbrief::model::DataQuality;
using boardbrief::model::DayRange;
using boardbrief::model::Period;
using namespace date::literals;
namespace store = boardbrief::store;

namespace {

const char* kRows = R"sql(
INSERT INTO channel VALUES (1, 'facebook', '@a', 'A', 'own');
INSERT INTO metric VALUES ('posts', 'Posts', 'sum', 'count', 'up');
INSERT INTO daily_metric VALUES (1, '2026-10-01', 'posts', 3), (1, '2026-10-02', 'posts', 4);
)sql";

const DayRange kOctober{date::local_days{2026_y / 10 / 1}, date::local_days{2026_y / 10 / 31}};

Period october() {
  Period p;
  p.first = kOctober.first;
  p.last = kOctober.last;
  p.key = "2026-10";
  return p;
}

}  // namespace

TEST_SUITE("data_quality") {
  TEST_CASE("bad interaction rows: up to 1 % is a warning, more stops the report") {
    DataQuality q;
    q.interactions_scanned = 1000;
    q.bad_received_at = 10;
    q.first_example = "x.db: table interaction, row id 7: sentiment is outside [-1, 1]";
    auto w = store::judge_interactions("x.db", q);
    REQUIRE(w);
    CHECK(*w ==
          "x.db: skipped 10 of 1000 interaction rows read for the report, the first: table interaction, row id 7: "
          "sentiment is outside [-1, 1]");
    q.reply_before_received = 1;  // 11 of 1000 > 1 %
    CHECK_THROWS_WITH_AS(store::judge_interactions("x.db", q),
                         "x.db: 11 of 1000 interaction rows read for the report are bad (more than 1 %), the first: "
                         "table interaction, row id 7: sentiment is outside [-1, 1]; run `boardbrief check --db x.db`",
                         DataError);
    CHECK_FALSE(store::judge_interactions("x.db", DataQuality{}));
  }

  TEST_CASE("data that end more than a day before the period ends are partial, once the period is over") {
    auto p = october();
    auto nov2 = date::local_days{2026_y / 11 / 2};
    CHECK_FALSE(store::stale_data_warning("x.db", p, p.last, nov2));
    CHECK_FALSE(store::stale_data_warning("x.db", p, p.last - date::days{1}, nov2));  // late data for one day
    auto w = store::stale_data_warning("x.db", p, p.last - date::days{2}, nov2);
    REQUIRE(w);
    CHECK(*w ==
          "x.db: data end on 2026-10-29, 2 days before 2026-10 ends (2026-10-31): the figures are partial and no "
          "trends or changes are claimed");
    // A report during the period (as-of inside it) is not partial data, it is an early report.
    CHECK_FALSE(store::stale_data_warning("x.db", p, p.first, date::local_days{2026_y / 10 / 15}));
    CHECK_FALSE(store::stale_data_warning("x.db", p, std::nullopt, nov2));
  }

  TEST_CASE("daily values: the last day, unknown metrics warned, bad values stop the aggregation") {
    auto dir = bt::scratch_dir("dq-daily");
    std::string path = (dir / "a.db").string();
    bt::make_db(path, bt::schema_sql() + kRows);
    {
      store::Database db(path);
      CHECK(store::last_metric_day(db, kOctober) == date::local_days{2026_y / 10 / 2});
      CHECK(store::check_daily_metric(db, kOctober).empty());
      CHECK_NOTHROW(store::check_duplicate_keys(db, kOctober));
      CHECK_NOTHROW(store::check_column_types(db));
    }
    {
      SQLite::Database w(path, SQLite::OPEN_READWRITE);
      w.exec("INSERT INTO daily_metric VALUES (1, '2026-10-03', 'nope', 1), (9, '2026-10-03', 'posts', 1)");
    }
    {
      store::Database db(path);
      auto warnings = store::check_daily_metric(db, kOctober);
      REQUIRE(warnings.size() == 1);
      CHECK(warnings[0] == path +
                               ": ignored 2 daily_metric rows of an unknown channel or metric (e.g. channel 1, "
                               "metric 'nope', day 2026-10-03)");
    }
    {
      SQLite::Database w(path, SQLite::OPEN_READWRITE);
      w.exec("INSERT INTO daily_metric VALUES (1, '2026-10-04', 'posts', -1)");
    }
    store::Database db(path);
    CHECK(store::check_daily_metric(db, kOctober).size() == 1);  // still only the unknown rows
    // The bad value stops the report in the one pass that aggregates the window.
    CHECK_THROWS_WITH_AS(db.aggregate_metrics({kOctober}),
                         (path + ": table daily_metric, channel 1, metric 'posts', day '2026-10-04': value -1.0 is "
                                 "negative (1 bad row in the report's days; the figures would be wrong)")
                             .c_str(),
                         DataError);
    // Outside the report's days the same row is check's business, not the report's.
    CHECK(store::check_daily_metric(db, {kOctober.first, date::local_days{2026_y / 10 / 3}}).size() == 1);
    // The daily read for spikes and coverage applies the same policy: never a figure from it.
    CHECK_THROWS_WITH_AS(db.daily_values(kOctober),
                         (path + ": table daily_metric, channel 1, metric 'posts', day '2026-10-04': value -1.0 is "
                                 "negative (in the report's days; the figures would be wrong)")
                             .c_str(),
                         DataError);
    CHECK(db.daily_values({kOctober.first, date::local_days{2026_y / 10 / 3}}).size() == 2);  // catalogued rows only
  }

  TEST_CASE("check judges target rows with the report's bounds: not a number, out of bounds, not a day") {
    auto dir = bt::scratch_dir("dq-targets");
    std::string path = (dir / "t.db").string();
    std::string schema = bt::schema_sql();
    const std::string not_null = "value      REAL NOT NULL\n);";
    REQUIRE(schema.find(not_null) != std::string::npos);
    schema.replace(schema.find(not_null), not_null.size(), "value      REAL\n);");
    bt::make_db(path, schema + kRows +
                          "INSERT INTO target VALUES ('unanswered_share', NULL, '2026-01-01', '2026-12-31', 0.15),"
                          "('unanswered_share', NULL, '2026-01-01', '2026-12-31', 15),"
                          "('impressions', NULL, '2026-01-01', '2026-12-31', 1e300),"
                          "('net_sentiment', NULL, '2026-01-01', '2026-12-31', -40),"
                          "('impressions', NULL, '2026-01-01', '2026-12-31', NULL),"
                          "('impressions', NULL, '2026-01-01', '2026-12-31', 'lots'),"
                          "('impressions', NULL, '2026-02-30', '2026-12-31', 5);");
    store::Database db(path);
    std::map<std::string, store::Violation> found;
    for (const auto& v : store::find_violations(db))
      if (v.table == "target") found[v.rule.substr(0, 20)] = v;
    REQUIRE(found.size() == 3);
    CHECK(found["value is not a numbe"].rows == 2);
    CHECK(found["value is not a numbe"].example == "row 5, impressions: NULL");
    CHECK(found["value is outside the"].rows == 2);
    CHECK(found["value is outside the"].example == "row 2, unanswered_share: 15.0");
    CHECK(found["valid_from or valid_"].rows == 1);
    CHECK(found["valid_from or valid_"].example == "row 7, impressions: '2026-02-30' to '2026-12-31'");
    // The report stops on the first of them, in rowid order.
    CHECK_THROWS_WITH_AS(db.targets(),
                         (path + ": table target, row 2: value 15 for unanswered_share is outside [0, 1] (shares are "
                                 "fractions: 0.15 = 15 %)")
                             .c_str(),
                         DataError);
  }

  TEST_CASE("check lists duplicate keys and infinite values as contract violations") {
    auto dir = bt::scratch_dir("dq-check");
    std::string path = (dir / "a.db").string();
    std::string schema = bt::schema_sql();
    auto at = schema.find("  PRIMARY KEY (channel_id, metric, day)\n) WITHOUT ROWID;");
    REQUIRE(at != std::string::npos);
    schema.replace(at, std::string("  PRIMARY KEY (channel_id, metric, day)\n) WITHOUT ROWID;").size(),
                   "  UNIQUE (channel_id, metric, day, value)\n);");
    bt::make_db(path, schema + kRows +
                          "INSERT INTO daily_metric VALUES (1, '2026-10-01', 'posts', 5);"
                          "INSERT INTO daily_metric VALUES (1, '2026-10-05', 'posts', 9e999);");
    store::Database db(path);
    auto v = store::find_violations(db);
    std::map<std::string, std::int64_t> rules;
    for (const auto& x : v) rules[x.rule] = x.rows;
    CHECK(rules["(channel_id, metric, day) is not unique"] == 2);
    CHECK(rules["value is infinite"] == 1);
    CHECK_THROWS_WITH_AS(store::check_duplicate_keys(db, kOctober),
                         (path + ": table daily_metric: 1 duplicate (channel_id, metric, day) keys, e.g. channel 1, "
                                 "posts, 2026-10-01; every key must be unique (schema version 1)")
                             .c_str(),
                         DataError);
  }
}

TEST_SUITE("data_quality") {
  // `check` (SQL) and `report` (store/timestamp.cpp) must judge every timestamp alike: a row
  // that check passes is never one the report skips, and the other way round.
  TEST_CASE("check and the report agree on which received_at and first_reply_at are UTC instants") {
    const std::vector<std::string> stamps = {
        "2026-10-05T07:15:00Z",      "2026-10-05T07:15:00",          "2026-10-05T07:15:00+00:00",
        "2026-10-05T07:15:00.250Z",  "2026-10-05T07:15:00.5",        "2026-10-05T07:15:00-00:00",
        "2026-10-05T07:15:00+02:00", "2026-10-05T07:15:00Zjunk",     "2026-10-05T07:15:00.Z",
        "2026-10-05T07:15:00 Z",     "2026-10-05T25:00:00Z",         "2026-02-30T07:15:00Z",
        "2026-10-05 07:15:00Z",      "2026-10-05T07:15:00.12+00:00", "2026-10-05T07:15:00z"};
    auto dir = bt::scratch_dir("dq-instants");
    for (const char* column : {"received_at", "first_reply_at"}) {
      CAPTURE(column);
      for (const auto& stamp : stamps) {
        CAPTURE(stamp);
        std::string path = (dir / (std::string(column) + ".db")).string();
        std::filesystem::remove(path);
        // The other column holds an instant both accept, earlier than any stamp above.
        std::string received = std::string(column) == "received_at" ? stamp : "2026-01-01T00:00:00Z";
        std::string replied = std::string(column) == "received_at" ? "2026-12-01T00:00:00Z" : stamp;
        bt::make_db(path, bt::schema_sql() + kRows + "INSERT INTO interaction VALUES (1, 1, '" + received +
                              "', 'message', 1, '" + replied + "', NULL, NULL);");
        store::Database db(path);
        bool flagged = false;
        for (const auto& v : store::find_violations(db))
          if (v.table == "interaction" && v.rule.rfind(std::string(column) + " is not a UTC instant", 0) == 0)
            flagged = true;
        CHECK(flagged == !store::parse_utc_instant(stamp).has_value());
      }
    }
  }
}
