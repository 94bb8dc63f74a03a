// `boardbrief check` through the real binary on small SQLite files: coverage per series over its
// own days (not the database's range), days without any message, what a missing day means, and
// the warning for a daily_metric table that does not refuse a second row for a day.
#include <doctest/doctest.h>

#include <string>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

// Channel A: impressions 1–31 January 2026 but for 10–12 January. Channel B: impressions from
// 20 January only (a later start is not missing), ending on `b_last`. Messages every day at noon
// UTC except 15 and 16 January.
std::string rows(const std::string& b_last = "2026-01-31") {
  return "INSERT INTO channel VALUES (1, 'x', '@a', 'A', 'own'), (2, 'facebook', 'b', 'B', 'own');"
         "INSERT INTO metric VALUES ('impressions', 'Impressions', 'sum', 'count', 'up');"
         "WITH RECURSIVE d(day) AS (SELECT '2026-01-01' UNION ALL SELECT date(day, '+1 day') FROM d "
         "WHERE day < '2026-01-31') "
         "INSERT INTO daily_metric SELECT 1, day, 'impressions', 10 FROM d "
         "WHERE day NOT BETWEEN '2026-01-10' AND '2026-01-12' "
         "UNION ALL SELECT 2, day, 'impressions', 20 FROM d WHERE day BETWEEN '2026-01-20' AND '" +
         b_last +
         "';"
         "WITH RECURSIVE d(day) AS (SELECT '2026-01-01' UNION ALL SELECT date(day, '+1 day') FROM d "
         "WHERE day < '2026-01-31') "
         "INSERT INTO interaction (channel_id, received_at, kind, needs_reply) SELECT 1, day || 'T12:00:00Z', "
         "'message', 1 FROM d WHERE day NOT IN ('2026-01-15', '2026-01-16');";
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("app") {
  TEST_CASE("check measures each series from its own first day and names days without any message") {
    auto dir = bt::scratch_dir("check-coverage");
    fs::path db = dir / "c.db";
    bt::make_db(db, bt::schema_sql() + rows());
    auto r = bt::run(bt::binary() + " check --db " + bt::quote(db));
    INFO(r.out, r.err);
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "contract: ok\n"));
    // B starts on 20 January: its 19 days before are not missing (the database's range would say 22).
    CHECK(has(r.out,
              "coverage of daily values (each channel and metric from its first to its last day): 1 of 2 series "
              "miss days, 3 days in all\n"));
    CHECK(has(r.out, "  A (x), impressions: 3 days missing of 2026-01-01 to 2026-01-31: 2026-01-10..2026-01-12\n"));
    CHECK_FALSE(has(r.out, "B (facebook)"));
    CHECK(has(r.out,
              "coverage of messages 2026-01-01 to 2026-01-31 (local days in Europe/Copenhagen): 2 days without "
              "any message: 2026-01-15..2026-01-16\n"));
    CHECK(has(r.out, "what a missing day means: "));
    CHECK(has(r.out, "what to do: "));
    CHECK_FALSE(has(r.out, "warning:"));  // schema.sql's primary key and indexes
  }

  TEST_CASE("check names a series that stops early; with --period it counts the days up to the window's end") {
    auto dir = bt::scratch_dir("check-stops");
    fs::path db = dir / "c.db";
    bt::make_db(db, bt::schema_sql() + rows("2026-01-25"));
    auto all = bt::run(bt::binary() + " check --db " + bt::quote(db));
    INFO(all.out);
    CHECK(has(all.out, "1 of 2 series miss days, 3 days in all; 1 series stops before the latest day with data\n"));
    CHECK(has(all.out,
              "  B (facebook), impressions: no data after 2026-01-25 (latest day with data 2026-01-31): "
              "2026-01-26..2026-01-31\n"));
    auto period = bt::run(bt::binary() + " check --db " + bt::quote(db) + " --period 2026-01 --as-of 2026-02-05");
    INFO(period.out);
    CHECK(period.exit_code == 0);
    CHECK(has(period.out,
              "coverage of daily values 2025-01-01 to 2026-01-31 (each channel and metric from its first "
              "day there): 2 of 2 series miss days, 9 days in all\n"));
    CHECK(has(period.out,
              "  B (facebook), impressions: 6 days missing of 2026-01-20 to 2026-01-31: "
              "2026-01-26..2026-01-31\n"));
    CHECK(has(period.out, "coverage of messages 2026-01-01 to 2026-01-31 (local days in Europe/Copenhagen): 2 days"));
  }

  TEST_CASE("check is quiet about coverage when nothing is missing") {
    auto dir = bt::scratch_dir("check-full");
    fs::path db = dir / "c.db";
    bt::make_db(db, bt::schema_sql() + rows() +
                        "INSERT INTO daily_metric VALUES (1, '2026-01-10', 'impressions', 1), "
                        "(1, '2026-01-11', 'impressions', 1), (1, '2026-01-12', 'impressions', 1);"
                        "INSERT INTO interaction (channel_id, received_at, kind, needs_reply) VALUES "
                        "(1, '2026-01-15T12:00:00Z', 'message', 0), (2, '2026-01-16T12:00:00Z', 'message', 0);");
    auto r = bt::run(bt::binary() + " check --db " + bt::quote(db));
    INFO(r.out);
    CHECK(has(r.out, ": no missing days in 2 series\n"));
    CHECK(has(r.out, "(local days in Europe/Copenhagen): a message on every day\n"));
    CHECK_FALSE(has(r.out, "what a missing day means"));
  }

  TEST_CASE("check warns when daily_metric lacks its primary key, and lists duplicate days as a violation") {
    auto dir = bt::scratch_dir("check-no-key");
    fs::path db = dir / "c.db";
    std::string schema = bt::schema_sql();
    const std::string pk = "  PRIMARY KEY (channel_id, metric, day)\n) WITHOUT ROWID;";
    REQUIRE(has(schema, pk));
    schema.replace(schema.find(pk), pk.size(), "  CHECK (1)\n);");
    bt::make_db(db, schema + rows());
    auto r = bt::run(bt::binary() + " check --db " + bt::quote(db));
    INFO(r.out);
    CHECK(r.exit_code == 0);
    CHECK(has(r.out, "warning: table daily_metric has no primary key or unique index on (channel_id, metric, day): "));
    // A correction inserted without deleting the old row: now the contract is broken.
    bt::make_db(db, schema + rows() + "INSERT INTO daily_metric VALUES (1, '2026-01-05', 'impressions', 11);");
    auto dup = bt::run(bt::binary() + " check --db " + bt::quote(db));
    INFO(dup.out);
    CHECK(dup.exit_code == 3);
    CHECK(has(dup.out,
              "contract violation: table daily_metric: (channel_id, metric, day) is not unique (2 rows; e.g. "
              "channel 1, impressions, 2026-01-05)\n"));
    CHECK_FALSE(has(dup.out, "contract: ok"));
  }
}
