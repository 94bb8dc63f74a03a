// Every row of docs/errors.md's "Bad inputs" table: make the bad input, run the real binary,
// and check the exit code and the one line on stderr. A row's expected line may hold `*`
// (any text: row counts and ids that depend on the sample) and {db}/{dir} for the paths.
#include <functional>
#include <vector>

#include "robustness/robust_support.h"

using namespace boardbrief::robust;

namespace {

const std::string kPeriod = "--period 2026-10 --as-of 2026-11-02";

// Glob match where '*' stands for any run of characters.
bool glob(const std::string& pattern, const std::string& text) {
  std::size_t p = 0, t = 0, star = std::string::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

struct Row {
  const char* cause;
  // Makes the bad input under `dir` and returns the command line after `boardbrief`.
  std::function<std::string(const fs::path& dir, const fs::path& db)> make;
  int exit;
  std::string line;  // the first line on stderr, without "boardbrief: error: " for exit != 0
  std::function<void(const fs::path& dir, const fs::path& db)> also = nullptr;
};

std::string report_args(const fs::path& dir, const fs::path& db, const std::string& extra = "") {
  return "report --db " + q(db) + " " + kPeriod + " --out " + q(dir / "o.pdf") + " " + extra;
}

// A report on the sample with `sql` applied to the database.
std::function<std::string(const fs::path&, const fs::path&)> with_sql(const std::string& sql,
                                                                      const std::string& extra = "") {
  return [=](const fs::path& dir, const fs::path& db) {
    sample_copy(db, "PRAGMA ignore_check_constraints = 1; " + sql);
    return report_args(dir, db, extra);
  };
}

// A report with an option (and the sample database as it is).
std::function<std::string(const fs::path&, const fs::path&)> with_args(const std::string& args) {
  return [=](const fs::path& dir, const fs::path& db) {
    sample_copy(db);
    return "report --db " + q(db) + " --out " + q(dir / "o.pdf") + " " + args;
  };
}

// A report with a template file holding `toml`.
std::function<std::string(const fs::path&, const fs::path&)> with_template(const std::string& toml) {
  return [=](const fs::path& dir, const fs::path& db) {
    sample_copy(db);
    spit(dir / "t.toml", toml);
    return report_args(dir, db, "--template " + q(dir / "t.toml"));
  };
}

// A report with a copy of the data directory changed by `change`.
std::function<std::string(const fs::path&, const fs::path&)> with_data_dir(
    std::function<void(const fs::path&)> change) {
  return [=](const fs::path& dir, const fs::path& db) {
    sample_copy(db);
    auto data = data_dir_copy(dir / "data");
    change(data);
    return report_args(dir, db, "--data-dir " + q(data));
  };
}

// The PDF opens cleanly and the database is unchanged (for inputs that must succeed).
void pdf_ok(const fs::path& dir, const fs::path&) {
  auto check = bt::run("qpdf --check " + q(dir / "o.pdf"));
  CHECK_MESSAGE(check.exit_code == 0, check.out);
}

const std::string kWeird[] = {
    "Quote \"double\" and 'single'",
    "Back\\slash \\\\ and \\n",
    "Emoji 🎉🚀👩‍👩‍👧 channel",
    "قناة العملاء",
    "ערוץ לקוחות (RTL)",
};

std::string weird_names_sql() {
  std::string sql;
  int id = 1;
  for (const auto& n : kWeird) {
    std::string quoted = replace_all(n, "'", "''");
    sql += "UPDATE channel SET name = '" + quoted + "', handle = '" + quoted + "' WHERE id = " + std::to_string(id++) +
           ";";
  }
  sql += "UPDATE channel SET name = '" + std::string(500, 'N') + "' WHERE id = 6;";
  return sql;
}

const std::string kSqlText = "x'); DROP TABLE channel; --";

std::vector<Row> rows() {
  const std::string corrupt_page = [] {
    std::string s = slurp(sample_db());
    for (std::size_t i = 8192; i < s.size() && i < 8192 + 4096 * 8; ++i) s[i] = static_cast<char>(i * 7);
    return s;
  }();
  return {
      // Opening the database
      {"missing database file", [](auto& dir, auto& db) { return report_args(dir, db); }, 3, "{db}: no such file"},
      {"database path is a directory",
       [](auto& dir, auto& db) {
         fs::create_directories(db);
         return report_args(dir, db);
       },
       3, "{db}: is a directory, not a database file"},
      {"not an SQLite file",
       [](auto& dir, auto& db) {
         spit(db, "channel,day,value\n1,2026-10-01,5\n");
         return report_args(dir, db);
       },
       3, "{db}: not an SQLite database"},
      {"empty file",
       [](auto& dir, auto& db) {
         spit(db, "");
         return report_args(dir, db);
       },
       3, "{db}: empty file, not an SQLite database"},
      {"truncated database (first 3 pages kept)",
       [](auto& dir, auto& db) {
         spit(db, slurp(sample_db()).substr(0, 3 * 4096));
         return report_args(dir, db);
       },
       3, "{db}: the database file is corrupt (database disk image is malformed)"},
      {"corrupt database (pages overwritten)",
       [corrupt_page](auto& dir, auto& db) {
         spit(db, corrupt_page);
         return report_args(dir, db);
       },
       3, "{db}: the database file is corrupt (*)"},
      {"wrong schema version", with_sql("PRAGMA user_version = 2"), 3,
       "{db}: schema version 2 (PRAGMA user_version), expected 1; see docs/data-contract.md"},
      {"missing table", with_sql("DROP TABLE interaction"), 3,
       "{db}: table interaction is missing (schema version 1 expects it)"},
      {"missing column", with_sql("ALTER TABLE interaction DROP COLUMN sentiment"), 3,
       "{db}: table interaction lacks column sentiment (schema version 1 expects it)"},
      {"wrong column type (day INTEGER)",
       [](auto& dir, auto& db) {
         sample_with_schema(db, schema_with("day        TEXT NOT NULL,", "day        INTEGER NOT NULL,"));
         return report_args(dir, db);
       },
       3, "{db}: table daily_metric, column day is declared INTEGER; schema version 1 declares it TEXT"},
      {"wrong column type (value TEXT)",
       [](auto& dir, auto& db) {
         sample_with_schema(
             db, schema_with("value      REAL NOT NULL,\n  PRIMARY", "value      TEXT NOT NULL,\n  PRIMARY"));
         return report_args(dir, db);
       },
       3, "{db}: table daily_metric, column value is declared TEXT; schema version 1 declares it REAL"},
      {"duplicate daily_metric keys (no primary key)",
       [](auto& dir, auto& db) {
         sample_with_schema(db,
                            schema_with("  PRIMARY KEY (channel_id, metric, day)\n) WITHOUT ROWID;",
                                        "  UNIQUE (channel_id, metric, day, value)\n);"),
                            "INSERT INTO daily_metric SELECT channel_id, day, metric, value + 1 FROM daily_metric "
                            "WHERE channel_id = 1 AND metric = 'impressions' AND day = '2026-10-15'");
         return report_args(dir, db);
       },
       3,
       "{db}: table daily_metric: 1 duplicate (channel_id, metric, day) keys, e.g. channel 1, impressions, 2026-10-15; "
       "every key must be unique (schema version 1)"},
      {"duplicate channel ids",
       [](auto& dir, auto& db) {
         sample_with_schema(db, schema_with("id       INTEGER PRIMARY KEY,", "id       INTEGER NOT NULL,"),
                            "INSERT INTO channel VALUES (1, 'facebook', 'copy', 'Copy', 'own')");
         return report_args(dir, db);
       },
       3, "{db}: table channel: 1 duplicate channel ids, e.g. 1; every key must be unique (schema version 1)"},
      // Rows: days, timestamps, counts
      {"unparsable day (2026-02-30)",
       with_sql("UPDATE daily_metric SET day = '2026-02-30' WHERE channel_id = 1 AND metric = 'posts' AND day = "
                "'2026-02-27'"),
       3,
       "{db}: table daily_metric, channel 1, metric 'posts', day '2026-02-30': day is not a real day (YYYY-MM-DD) "
       "(1 bad row in the report's days; the figures would be wrong)"},
      {"unparsable day (2026-10-1)",
       with_sql("UPDATE daily_metric SET day = '2026-10-1' WHERE channel_id = 1 AND metric = 'posts' AND day = "
                "'2026-10-10'"),
       3,
       "{db}: table daily_metric, channel 1, metric 'posts', day '2026-10-1': day is not a real day (YYYY-MM-DD) "
       "(1 bad row in the report's days; the figures would be wrong)"},
      {"value NaN (text in a REAL column)",
       with_sql("UPDATE daily_metric SET value = 'NaN' WHERE channel_id = 1 AND metric = 'impressions' AND day = "
                "'2026-10-15'"),
       3,
       "{db}: table daily_metric, channel 1, metric 'impressions', day '2026-10-15': value 'NaN' is not a number "
       "(1 bad row in the report's days; the figures would be wrong)"},
      {"value NULL (NaN as SQLite stores it)",
       [](auto& dir, auto& db) {
         sample_with_schema(db, schema_with("value      REAL NOT NULL,\n  PRIMARY", "value      REAL,\n  PRIMARY"),
                            "UPDATE daily_metric SET value = 0.0 / 0 WHERE channel_id = 2 AND metric = 'reach' AND day "
                            "= '2026-10-01'");
         return report_args(dir, db);
       },
       3,
       "{db}: table daily_metric, channel 2, metric 'reach', day '2026-10-01': value NULL is not a number "
       "(1 bad row in the report's days; the figures would be wrong)"},
      {"value infinite",
       with_sql("UPDATE daily_metric SET value = 9e999 WHERE channel_id = 1 AND metric = 'impressions' AND day = "
                "'2026-10-15'"),
       3,
       "{db}: table daily_metric, channel 1, metric 'impressions', day '2026-10-15': value is infinite "
       "(1 bad row in the report's days; the figures would be wrong)"},
      {"value negative",
       with_sql(
           "UPDATE daily_metric SET value = -5 WHERE metric = 'posts' AND day = '2026-10-01' AND channel_id IN (1, 2)"),
       3,
       "{db}: table daily_metric, channel 1, metric 'posts', day '2026-10-01': value -5.0 is negative "
       "(2 bad rows in the report's days; the figures would be wrong)"},
      {"value absurdly large",
       with_sql("UPDATE daily_metric SET value = 3e15 WHERE channel_id = 1 AND metric = 'impressions' AND day = "
                "'2026-10-15'"),
       3,
       "{db}: table daily_metric, channel 1, metric 'impressions', day '2026-10-15': value 3.0e+15 is absurdly large "
       "(over 1e12) (1 bad row in the report's days; the figures would be wrong)"},
      {"a few unparsable received_at (skipped, warned)",
       with_sql("UPDATE interaction SET received_at = '2026-10-05T25:00:00Z' WHERE id = "
                "(SELECT MIN(id) FROM interaction WHERE received_at >= '2026-10-05')"),
       0,
       "boardbrief: warning: {db}: skipped 1 of * interaction rows read for the report, the first: table interaction, "
       "row id *: received_at '2026-10-05T25:00:00Z' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)",
       pdf_ok},
      {"a few unparsable received_at with --strict",
       with_sql("UPDATE interaction SET received_at = '2026-10-05T25:00:00Z' WHERE id = "
                "(SELECT MIN(id) FROM interaction WHERE received_at >= '2026-10-05')",
                "--strict"),
       3,
       "{db}: skipped 1 of * interaction rows read for the report, the first: table interaction, row id *: received_at "
       "'2026-10-05T25:00:00Z' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ) (--strict)"},
      {"many unparsable received_at (over 1 %)",
       with_sql("UPDATE interaction SET received_at = substr(received_at, 1, 10) || 'X' || substr(received_at, 12) "
                "WHERE id % 20 = 0"),
       3,
       "{db}: * of * interaction rows read for the report are bad (more than 1 %), the first: table interaction, row "
       "id *: "
       "received_at '*X*' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ); run `boardbrief check --db {db}`"},
      {"unparsable first_reply_at",
       with_sql("UPDATE interaction SET first_reply_at = 'soon' WHERE id = "
                "(SELECT MIN(id) FROM interaction WHERE received_at >= '2026-10-05' AND first_reply_at IS NOT NULL)"),
       0,
       "boardbrief: warning: {db}: skipped 1 of * interaction rows read for the report, the first: table interaction, "
       "row id *: first_reply_at 'soon' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)",
       pdf_ok},
      {"first reply before the message was received",
       with_sql("UPDATE interaction SET first_reply_at = '2026-10-01T00:00:00Z' WHERE id = "
                "(SELECT MIN(id) FROM interaction WHERE received_at >= '2026-10-05' AND first_reply_at IS NOT NULL)"),
       0,
       "boardbrief: warning: {db}: skipped 1 of * interaction rows read for the report, the first: table interaction, "
       "row id *: first_reply_at is before received_at",
       pdf_ok},
      {"first reply before receipt in many rows (over 1 %)",
       with_sql("UPDATE interaction SET first_reply_at = '2000-01-01T00:00:00Z' WHERE first_reply_at IS NOT NULL"), 3,
       "{db}: * of * interaction rows read for the report are bad (more than 1 %), the first: table interaction, row "
       "id *: "
       "first_reply_at is before received_at; run `boardbrief check --db {db}`"},
      {"sentiment outside [-1, 1]",
       with_sql("UPDATE interaction SET sentiment = 7 WHERE id = (SELECT MIN(id) FROM interaction WHERE received_at >= "
                "'2026-10-05')"),
       0,
       "boardbrief: warning: {db}: skipped 1 of * interaction rows read for the report, the first: table interaction, "
       "row id *: sentiment is outside [-1, 1]",
       pdf_ok},
      {"needs_reply 'yes' (skipped, warned)",
       with_sql("UPDATE interaction SET needs_reply = 'yes' WHERE id = (SELECT MIN(id) FROM interaction WHERE "
                "received_at >= '2026-10-05')"),
       0,
       "boardbrief: warning: {db}: skipped 1 of * interaction rows read for the report, the first: table interaction, "
       "row id *: needs_reply 'yes' is not 0 or 1",
       pdf_ok},
      {"needs_reply 2 in many rows (over 1 %)", with_sql("UPDATE interaction SET needs_reply = 2 WHERE id % 20 = 0"), 3,
       "{db}: * of * interaction rows read for the report are bad (more than 1 %), the first: table interaction, row "
       "id *: "
       "needs_reply 2 is not 0 or 1; run `boardbrief check --db {db}`"},
      {"received_at as Unix epoch seconds in every row",
       with_sql("UPDATE interaction SET received_at = strftime('%s', received_at)"), 3,
       "{db}: * of * interaction rows read for the report are bad (more than 1 %), the first: table interaction, row "
       "id *: "
       "received_at '1*' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ; it looks like a Unix epoch number); run "
       "`boardbrief check --db {db}`"},
      {"received_at as Unix epoch integers (no column type)",
       [](auto& dir, auto& db) {
         sample_with_schema(db, schema_with("received_at    TEXT NOT NULL,", "received_at    NOT NULL,"),
                            "UPDATE interaction SET received_at = CAST(strftime('%s', received_at) AS INTEGER)");
         return report_args(dir, db);
       },
       3,
       "{db}: * of * interaction rows read for the report are bad (more than 1 %), the first: table interaction, row "
       "id *: "
       "received_at 1* is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ; it looks like a Unix epoch number); run "
       "`boardbrief check --db {db}`"},
      {"received_at 'yesterday' (cannot be placed in time; skipped, warned)",
       with_sql("UPDATE interaction SET received_at = 'yesterday' WHERE id = 5"), 0,
       "boardbrief: warning: {db}: skipped 1 of * interaction rows read for the report, the first: table interaction, "
       "row id 5: received_at 'yesterday' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)",
       pdf_ok},
      {"daily_metric without its primary key, followers of 1 October corrected by delete and insert",
       [](auto& dir, auto& db) {
         auto schema = schema_with("  PRIMARY KEY (channel_id, metric, day)\n) WITHOUT ROWID;", "  CHECK (1)\n);");
         const std::string day_index = "CREATE INDEX daily_metric_day ON daily_metric (day);";
         REQUIRE(schema.find(day_index) != std::string::npos);
         schema.replace(schema.find(day_index), day_index.size(),
                        "CREATE INDEX daily_metric_series ON daily_metric (channel_id, metric);");
         sample_with_schema(db, schema,
                            "CREATE TEMP TABLE fix AS SELECT * FROM daily_metric WHERE metric = 'followers' AND "
                            "day = '2026-10-01'; DELETE FROM daily_metric WHERE metric = 'followers' AND day = "
                            "'2026-10-01'; INSERT INTO daily_metric SELECT * FROM fix");
         return report_args(dir, db);
       },
       0, "boardbrief: wrote *",
       [](auto& dir, auto& db) {
         // The same figures as the sample with its primary key: "last" is 31 October, not 1 October.
         fs::create_directories(dir / "plain");
         sample_copy(dir / "plain" / "x.db");
         auto plain = bt::run(bt::binary() + " " + report_args(dir / "plain", dir / "plain" / "x.db"));
         REQUIRE(plain.exit_code == 0);
         auto text = [](const fs::path& pdf) { return bt::run("pdftotext -enc UTF-8 " + q(pdf) + " -").out; };
         const std::string got = text(dir / "o.pdf"), want = text(dir / "plain" / "o.pdf");
         CHECK(got.find(" followers, ") != std::string::npos);
         CHECK(got == want);
         (void)db;
       }},
      {"received_at with a space for the T (check's rule; skipped, warned)",
       with_sql("UPDATE interaction SET received_at = replace(received_at, 'T', ' ') WHERE id = "
                "(SELECT MIN(id) FROM interaction WHERE received_at >= '2026-10-05')"),
       0,
       "boardbrief: warning: {db}: skipped 1 of * interaction rows read for the report, the first: table interaction, "
       "row id *: received_at '2026-10-05 *' is not a UTC instant (YYYY-MM-DDTHH:MM:SSZ)",
       pdf_ok},
      {"interaction on a channel id not in table channel (skipped, warned)",
       with_sql("UPDATE interaction SET channel_id = 99 WHERE id = (SELECT MIN(id) FROM interaction WHERE received_at "
                ">= '2026-10-05')"),
       0,
       "boardbrief: warning: {db}: skipped 1 of * interaction rows read for the report, the first: table interaction, "
       "row id *: channel_id 99 is not in table channel",
       pdf_ok},
      {"every interaction on channel ids not in table channel",
       with_sql("UPDATE interaction SET channel_id = channel_id + 100"), 3,
       "{db}: * of * interaction rows read for the report are bad (more than 1 %), the first: table interaction, row "
       "id *: "
       "channel_id 10* is not in table channel; run `boardbrief check --db {db}`"},
      {"target value NULL (no NOT NULL in the schema)",
       [](auto& dir, auto& db) {
         sample_with_schema(db, schema_with("value      REAL NOT NULL\n);", "value      REAL\n);"),
                            "INSERT INTO target VALUES ('impressions', NULL, '2026-01-01', '2026-12-31', NULL)");
         return report_args(dir, db);
       },
       3, "{db}: table target, row *: value NULL is not a number"},
      {"target value text", with_sql("UPDATE target SET value = 'ten percent' WHERE metric = 'unanswered_share'"), 3,
       "{db}: table target, row *: value 'ten percent' is not a number"},
      {"target value huge (1e300 impressions)",
       with_sql("INSERT INTO target VALUES ('impressions', NULL, '2026-01-01', '2026-12-31', 1e300)"), 3,
       "{db}: table target, row *: value 1e300 for impressions is outside [0, 1e15] (a count)"},
      {"target value near the largest double",
       with_sql("INSERT INTO target VALUES ('impressions', NULL, '2026-01-01', '2026-12-31', 1.7976931348623157e308)"),
       3, "{db}: table target, row *: value 1.79769313486232e308 for impressions is outside [0, 1e15] (a count)"},
      {"target share given as a percentage (15 for 15 %)",
       with_sql("UPDATE target SET value = 15 WHERE metric = 'unanswered_share'"), 3,
       "{db}: table target, row *: value 15 for unanswered_share is outside [0, 1] (shares are fractions: 0.15 = 15 "
       "%)"},
      {"target negative count",
       with_sql("INSERT INTO target VALUES ('impressions', NULL, '2026-01-01', '2026-12-31', -5)"), 3,
       "{db}: table target, row *: value -5 for impressions is outside [0, 1e15] (a count)"},
      {"unknown metric key in daily_metric (ignored, warned)",
       with_sql("INSERT INTO daily_metric VALUES (1, '2026-10-15', 'bogus_metric', 5)"), 0,
       "boardbrief: warning: {db}: ignored 1 daily_metric row of an unknown channel or metric (e.g. channel 1, metric "
       "'bogus_metric', day 2026-10-15)",
       pdf_ok},
      {"unknown aggregation in the metric catalogue",
       with_sql("UPDATE metric SET aggregation = 'median' WHERE key = 'posts'"), 3,
       "{db}: table metric, key 'posts': aggregation 'median' is not sum, last, mean or max"},
      {"unknown channel owner", with_sql("UPDATE channel SET owner = 'ours' WHERE id = 2"), 3,
       "{db}: table channel, row id 2: owner 'ours' is neither 'own' nor 'competitor'"},
      {"data end before the period does (pipeline stopped)",
       [](auto& dir, auto& db) {
         sample_copy(db,
                     "DELETE FROM daily_metric WHERE day > '2026-10-20'; "
                     "DELETE FROM interaction WHERE received_at >= '2026-10-20T22:00:00Z'");
         return report_args(dir, db, "--findings-json " + q(dir / "o.json"));
       },
       0,
       "boardbrief: warning: {db}: data end on 2026-10-20, 11 days before 2026-10 ends (2026-10-31): the figures are "
       "partial and no trends or changes are claimed",
       [](auto& dir, auto& db) {
         pdf_ok(dir, db);
         auto text = bt::run("pdftotext -enc UTF-8 " + q(dir / "o.pdf") + " -").out;
         CHECK(text.find("The data end on") != std::string::npos);
         // No trend or change claim is kept for the partial period; the trace says why.
         auto json = slurp(dir / "o.json");
         auto kept = json.substr(0, json.find("\"findings_dropped\""));
         CHECK(kept.find("\"type\" : \"trend\"") == std::string::npos);
         CHECK(kept.find("\"type\" : \"change\"") == std::string::npos);
         CHECK(json.find("\"dropped_by\" : \"partial_period\"") != std::string::npos);
       }},
      {"data end before the period does, with --strict",
       with_sql("DELETE FROM daily_metric WHERE day > '2026-10-20'; "
                "DELETE FROM interaction WHERE received_at >= '2026-10-20T22:00:00Z'",
                "--strict"),
       3,
       "{db}: data end on 2026-10-20, 11 days before 2026-10 ends (2026-10-31): the figures are partial and no trends "
       "or changes are claimed (--strict)"},
      // Periods and options
      {"a period with no data", with_args("--period 2020-01 --as-of 2026-11-02"), 3,
       "{db}: no data for own channels in 2020-01 (2020-01-01 to 2020-01-31); run `boardbrief check --db {db}`"},
      {"a period in the future", with_args("--period 2027-01 --as-of 2026-11-02"), 2,
       "period 2027-01 starts after --as-of 2026-11-02: there are no data for it yet"},
      {"--from after --to", with_args("--from 2026-10-31 --to 2026-10-01 --as-of 2026-11-02"), 2,
       "--from 2026-10-31 is after --to 2026-10-01"},
      {"--from not a day", with_args("--from 2026-02-30 --to 2026-03-31 --as-of 2026-11-02"), 2,
       "--from: '2026-02-30' is not a day (YYYY-MM-DD)"},
      {"unknown time zone", with_args(kPeriod + " --tz Mars/Olympus_Mons"), 2,
       "unknown time zone 'Mars/Olympus_Mons' (use an IANA name such as Europe/Copenhagen)"},
      {"bad --period syntax (month 13)", with_args("--period 2026-13 --as-of 2026-11-02"), 2,
       "--period '2026-13': not a period (use YYYY-MM, YYYY-Qn, YYYY, YYYY-Www, last-month, last-quarter or "
       "last-week)"},
      {"bad --period syntax (words)", with_args("--period 'Q3 2026' --as-of 2026-11-02"), 2,
       "--period 'Q3 2026': not a period (use YYYY-MM, YYYY-Qn, YYYY, YYYY-Www, last-month, last-quarter or "
       "last-week)"},
      {"SQL-like text in --period", with_args("--period \"2026-10'; DROP TABLE channel; --\" --as-of 2026-11-02"), 2,
       "--period '2026-10'; DROP TABLE channel; --': not a period (use YYYY-MM, YYYY-Qn, YYYY, YYYY-Www, last-month, "
       "last-quarter or last-week)"},
      {"SQL-like text in --tz", with_args(kPeriod + " --tz \"UTC' OR 1=1 --\""), 2,
       "unknown time zone 'UTC' OR 1=1 --' (use an IANA name such as Europe/Copenhagen)"},
      {"--lang without a language file", with_args(kPeriod + " --lang xx"), 2,
       "--lang 'xx': no language file */templates/lang/xx.toml (available: da, en)"},
      {"--response-window out of range", with_args(kPeriod + " --response-window 0"), 2,
       "--response-window 0: use 1 to 720 hours"},
      // Template, language file, fonts
      {"template syntax error", with_template("[findings]\nsummary_count = 3\n[dialogue\nsection = true\n"), 3,
       "{dir}/t.toml:3:10: *"},
      {"template unknown key", with_template("[findings]\nsumary_count = 3\n"), 3,
       "{dir}/t.toml:2:16: unknown template key 'findings.sumary_count'"},
      {"template wrong type", with_template("[findings]\nsummary_count = \"five\"\n"), 3,
       "{dir}/t.toml:2:17: 'findings.summary_count' must be a whole number"},
      {"template missing",
       [](auto& dir, auto& db) {
         sample_copy(db);
         return report_args(dir, db, "--template " + q(dir / "none.toml"));
       },
       3, "{dir}/none.toml: cannot read the template"},
      {"missing logo",
       [](auto& dir, auto& db) {
         sample_copy(db);
         spit(dir / "t.toml", "[branding]\nlogo = \"" + (dir / "missing.png").string() + "\"\n");
         return report_args(dir, db, "--template " + q(dir / "t.toml"));
       },
       3, "{dir}/t.toml:2:8: 'branding.logo': no such file *missing.png*"},
      {"corrupt logo (PNG signature, then garbage)",
       [](auto& dir, auto& db) {
         sample_copy(db);
         spit(dir / "logo.png", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(300, 'x'));
         spit(dir / "t.toml", "[branding]\nlogo = \"" + (dir / "logo.png").string() + "\"\n");
         return report_args(dir, db, "--template " + q(dir / "t.toml"));
       },
       3, "*logo.png: cannot read the logo (*)"},
      {"language file with a syntax error",
       with_data_dir([](const fs::path& d) { spit(d / "templates" / "lang" / "en.toml", "language = \"en\n"); }), 3,
       "{dir}/data/templates/lang/en.toml:1:*"},
      {"missing regular font", with_data_dir([](const fs::path& d) { fs::remove(d / "fonts" / "Lato-Regular.ttf"); }),
       3, "--data-dir '{dir}/data': no fonts/Lato-Regular.ttf and templates/lang/en.toml there"},
      {"non-TrueType font (CFF/OpenType)",
       with_data_dir([](const fs::path& d) { spit(d / "fonts" / "Lato-Bold.ttf", "OTTO" + std::string(400, '\0')); }),
       3, "font '{dir}/data/fonts/Lato-Bold.ttf' is not a TrueType font"},
      {"font that is not a font at all",
       with_data_dir([](const fs::path& d) { spit(d / "fonts" / "Lato-Italic.ttf", "GIF89a"); }), 3,
       "font '{dir}/data/fonts/Lato-Italic.ttf' is not a TrueType font (file too short)"},
      // Names and free text
      {"channel names with quotes, backslashes, emoji, right-to-left text and 500 characters",
       with_sql(weird_names_sql()), 0, "boardbrief: wrote *", pdf_ok},
      {"--org with quotes, backslashes, emoji, right-to-left text and 500 characters",
       with_args(kPeriod + " --org \"Quote \\\"double\\\" 'single' back\\\\slash 🎉 قناة العملاء ערוץ " +
                 std::string(500, 'N') + "\""),
       0, "boardbrief: wrote *",
       [](auto& dir, auto& db) {
         pdf_ok(dir, db);
         auto text = bt::run("pdftotext -enc UTF-8 " + q(dir / "o.pdf") + " -").out;
         CHECK(text.find("Quote \"double\" 'single' back\\slash") != std::string::npos);
       }},
      {"SQL-like text in channel names and --org",
       [](auto& dir, auto& db) {
         sample_copy(db, "UPDATE channel SET name = '" + replace_all(kSqlText, "'", "''") + "' WHERE id IN (1, 7)");
         return report_args(dir, db, "--org \"" + kSqlText + "\"");
       },
       0, "boardbrief: wrote *",
       [](auto& dir, auto& db) {
         pdf_ok(dir, db);
         SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
         CHECK(d.execAndGet("SELECT COUNT(*) FROM channel").getInt() == 9);
         auto text = bt::run("pdftotext -enc UTF-8 " + q(dir / "o.pdf") + " -").out;
         CHECK(text.find(kSqlText) != std::string::npos);  // printed as given, e.g. in the footer
       }},
  };
}

}  // namespace

TEST_SUITE("robustness") {
  TEST_CASE("every bad input gets its exit code and one line on stderr (docs/errors.md)") {
    auto base = bt::scratch_dir("robust-bad-input");
    int n = 0;
    std::ofstream tried(base / "tried.txt");  // cause | exit | first stderr line, for the issue note
    for (const auto& row : rows()) {
      std::string cause = row.cause;
      CAPTURE(cause);
      fs::path dir = base / std::to_string(n++);
      fs::create_directories(dir);
      fs::path db = dir / "x.db";
      std::string args = row.make(dir, db);
      std::string before = hash_db_files(db);
      auto r = bt::run(bt::binary() + " " + args);
      CAPTURE(r.err);
      CHECK(r.exit_code == row.exit);
      std::string line = r.err.substr(0, r.err.find('\n'));
      tried << row.cause << " | " << r.exit_code << " | " << replace_all(line, dir.string(), "<dir>") << "\n";
      std::string want = replace_all(replace_all(row.line, "{db}", db.string()), "{dir}", dir.string());
      if (row.exit != 0) {
        CHECK(glob("boardbrief: error: " + want, line));
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);  // one line
        CHECK_FALSE(fs::exists(dir / "o.pdf"));
      } else {
        CHECK(glob(want, line));
      }
      CHECK(hash_db_files(db) == before);
      if (row.also) row.also(dir, db);
    }
    MESSAGE(n << " bad inputs tried");
  }
}
