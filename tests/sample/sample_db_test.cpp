#include "sample/sample_db.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/error.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief;
namespace bt = boardbrief::testing;

namespace {

constexpr std::int64_t kInteractions = 20000;

sample::SampleOptions small_options(std::uint64_t seed = 1) {
  sample::SampleOptions o;
  o.seed = seed;
  o.interactions = kInteractions;
  return o;
}

// The default sample (with fewer interactions), generated once for the content checks.
const fs::path& story_db() {
  static const fs::path path = [] {
    fs::path p = testing::scratch_dir("sample-story") / "demo.db";
    sample::write_sample_database(p.string(), small_options(), false);
    return p;
  }();
  return path;
}

double scalar(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getDouble(); }

// Share of needs_reply interactions received in `month` (UTC "YYYY-MM") without a reply
// within 72 hours (the report's definition of unanswered).
double unanswered_share(SQLite::Database& db, const std::string& month) {
  return scalar(db,
                "SELECT avg(first_reply_at IS NULL OR julianday(first_reply_at) - julianday(received_at) > 3) "
                "FROM interaction WHERE needs_reply = 1 AND received_at LIKE '" +
                    month + "-%'");
}

double monthly(SQLite::Database& db, const std::string& handle_platform, const std::string& metric,
               const std::string& month) {
  return scalar(db,
                "SELECT total(value) FROM daily_metric JOIN channel ON channel.id = channel_id "
                "WHERE platform || ':' || owner = '" +
                    handle_platform + "' AND metric = '" + metric + "' AND day LIKE '" + month + "-%'");
}

}  // namespace

TEST_SUITE("sample") {
  TEST_CASE("the same seed gives the same bytes and another seed a different file") {
    const fs::path dir = testing::scratch_dir("sample-determinism");
    sample::write_sample_database((dir / "a.db").string(), small_options(7), false);
    sample::write_sample_database((dir / "b.db").string(), small_options(7), false);
    sample::write_sample_database((dir / "c.db").string(), small_options(8), false);
    const std::string a = bt::read_file(dir / "a.db");
    CHECK(a.size() > 100000);
    CHECK(a == bt::read_file(dir / "b.db"));
    CHECK(a != bt::read_file(dir / "c.db"));
    // Only the three databases: no temporary left behind.
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 3);
  }

  TEST_CASE("an existing database is not overwritten without replace") {
    const fs::path path = testing::scratch_dir("sample-overwrite") / "demo.db";
    testing::make_db(path, "CREATE TABLE precious (x);");
    CHECK_THROWS_WITH_AS(sample::write_sample_database(path.string(), small_options(), false),
                         ("'" + path.string() + "' exists (use --force to replace it)").c_str(), OutputError);
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(db.tableExists("precious"));
  }

  TEST_CASE("options out of range are usage errors") {
    const fs::path path = testing::scratch_dir("sample-options") / "demo.db";
    auto o = small_options();
    o.months = 1;
    CHECK_THROWS_AS(sample::write_sample_database(path.string(), o, false), UsageError);
    o = small_options();
    o.days = 30;  // too short for a month-over-month story
    CHECK_THROWS_AS(sample::write_sample_database(path.string(), o, false), UsageError);
    o = small_options();
    o.own_channels = 0;
    CHECK_THROWS_AS(sample::write_sample_database(path.string(), o, false), UsageError);
    CHECK_FALSE(fs::exists(path));
  }

  TEST_CASE("the benchmark scale: many channels over a given number of days, deterministic") {
    const fs::path dir = testing::scratch_dir("sample-scale");
    sample::SampleOptions o;
    o.own_channels = 27;  // what `sample --channels 30` asks for: one in ten a competitor
    o.competitor_channels = 3;
    o.days = 100;
    o.interactions = 30000;
    sample::write_sample_database((dir / "a.db").string(), o, false);
    sample::write_sample_database((dir / "b.db").string(), o, false);
    CHECK(bt::read_file(dir / "a.db") == bt::read_file(dir / "b.db"));
    SQLite::Database db((dir / "a.db").string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM channel WHERE owner = 'own'").getInt() == 27);
    CHECK(db.execAndGet("SELECT count(*) FROM channel WHERE owner = 'competitor'").getInt() == 3);
    CHECK(db.execAndGet("SELECT count(DISTINCT handle || platform) FROM channel").getInt() == 30);
    // Exactly `days` days ending on the last day: 2026-07-24 .. 2026-10-31.
    const date::local_days last{date::year{2026} / date::October / 31};
    CHECK(db.execAndGet("SELECT min(day) || ' ' || max(day) FROM daily_metric").getString() ==
          date::format("%F", last - date::days{99}) + " 2026-10-31");
    // Every channel and metric on every day, except the planned gaps (all inside the data).
    const std::int64_t full = (27 * 7 + 3 * 3) * 100;
    const auto rows = db.execAndGet("SELECT count(*) FROM daily_metric").getInt64();
    CHECK(rows <= full);
    CHECK(rows >= full - 2 - 4);  // YouTube's last two days of impressions, four single days
    const auto n = db.execAndGet("SELECT count(*) FROM interaction").getInt64();
    CHECK(n >= o.interactions * 9 / 10);
    CHECK(n <= o.interactions * 11 / 10);
    // Interactions spread over the own channels of every round of platforms, not just the first six.
    CHECK(db.execAndGet("SELECT count(DISTINCT channel_id) FROM interaction").getInt() == 27);
    CHECK(db.execAndGet("SELECT min(received_at) >= '2026-07-23' FROM interaction").getInt() == 1);
  }

  TEST_CASE("the sample has the catalogue, channels, targets and about the requested interactions") {
    SQLite::Database db(story_db().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 1);
    CHECK(db.execAndGet("SELECT count(*) FROM channel WHERE owner = 'own'").getInt() == 6);
    CHECK(db.execAndGet("SELECT count(*) FROM channel WHERE owner = 'competitor'").getInt() == 3);
    CHECK(db.execAndGet("SELECT group_concat(platform, ',') FROM (SELECT platform FROM channel WHERE owner = 'own' "
                        "ORDER BY id)")
              .getString() == "facebook,instagram,linkedin,x,youtube,tiktok");
    CHECK(db.execAndGet("SELECT name FROM channel WHERE id = 1").getString() == "Nørre Ålbæk Energi");
    CHECK(db.execAndGet("SELECT handle FROM channel WHERE platform = 'instagram' AND owner = 'own'").getString() ==
          "@norrealbaek");
    CHECK(db.execAndGet("SELECT group_concat(key || ':' || aggregation || ':' || better, ',') FROM "
                        "(SELECT * FROM metric ORDER BY key)")
              .getString() ==
          "engagements:sum:up,followers:last:up,impressions:sum:up,link_clicks:sum:up,mentions:sum:up,"
          "posts:sum:none,reach:sum:up");
    const auto n = db.execAndGet("SELECT count(*) FROM interaction").getInt64();
    CHECK(n >= kInteractions * 9 / 10);
    CHECK(n <= kInteractions * 11 / 10);
    CHECK(db.execAndGet("SELECT group_concat(metric || ' ' || ifnull(channel_id, 'all') || ' ' || valid_from || ' ' || "
                        "valid_to || ' ' || value, '|') FROM target")
              .getString() ==
          "unanswered_share all 2026-01-01 2026-12-31 0.15|first_response_p50 all 2026-01-01 2026-12-31 120.0");
    // Every interaction is on an own channel, with a contract-conforming instant.
    CHECK(db.execAndGet("SELECT count(*) FROM interaction JOIN channel ON channel.id = channel_id "
                        "WHERE owner <> 'own' OR received_at NOT GLOB "
                        "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' "
                        "OR first_reply_at < received_at")
              .getInt() == 0);
  }

  TEST_CASE("every day from October 2024 to October 2026 is present except the planned gaps") {
    SQLite::Database db(story_db().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT min(day) || ' ' || max(day) FROM daily_metric").getString() == "2024-10-01 2026-10-31");
    // 6 own channels x 7 metrics + 3 competitors x 3 metrics; 761 days each.
    CHECK(db.execAndGet("SELECT count(*) FROM (SELECT 1 FROM daily_metric GROUP BY channel_id, metric)").getInt() ==
          51);
    const int complete = db.execAndGet(
                               "SELECT count(*) FROM (SELECT count(*) AS n FROM daily_metric "
                               "GROUP BY channel_id, metric HAVING n = 761)")
                             .getInt();
    CHECK(complete >= 45);
    // Planned: YouTube impressions stop two days early; Østkyst Forsyning has no March 2026 mentions.
    CHECK(db.execAndGet("SELECT group_concat(day, ',') FROM (SELECT day FROM daily_metric JOIN channel ON "
                        "channel.id = channel_id WHERE platform = 'youtube' AND metric = 'impressions' "
                        "AND day >= '2026-10-28' ORDER BY day)")
              .getString() == "2026-10-28,2026-10-29");
    const std::string ostkyst =
        "SELECT count(*) FROM daily_metric JOIN channel ON channel.id = channel_id "
        "WHERE name = 'Østkyst Forsyning' AND metric = 'mentions' AND day LIKE ";
    CHECK(db.execAndGet(ostkyst + "'2026-03-%'").getInt() == 0);
    CHECK(db.execAndGet(ostkyst + "'2026-02-%'").getInt() == 28);
    CHECK(db.execAndGet(ostkyst + "'2026-04-%'").getInt() == 30);
    // Besides those 2 + 31 rows, a few random single days are missing.
    const int missing = 51 * 761 - db.execAndGet("SELECT count(*) FROM daily_metric").getInt();
    CHECK(missing >= 2 + 31 + 3);
    CHECK(missing <= 2 + 31 + 4);
  }

  TEST_CASE("daily metrics are plausible counts") {
    SQLite::Database db(story_db().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM daily_metric WHERE value < 0 OR value <> round(value)").getInt() == 0);
    const std::string pair_sql =
        "SELECT count(*) FROM daily_metric a JOIN daily_metric b USING (channel_id, day) WHERE a.metric = ";
    CHECK(db.execAndGet(pair_sql + "'reach' AND b.metric = 'impressions' AND a.value > b.value").getInt() == 0);
    CHECK(db.execAndGet(pair_sql + "'engagements' AND b.metric = 'impressions' AND a.value >= b.value AND b.value > 0")
              .getInt() == 0);
    CHECK(db.execAndGet(pair_sql + "'link_clicks' AND b.metric = 'engagements' AND a.value > b.value").getInt() == 0);
    // Followers never jump: no day-to-day change above 2 %.
    CHECK(db.execAndGet("SELECT count(*) FROM (SELECT value, lag(value) OVER (PARTITION BY channel_id ORDER BY day) "
                        "AS prev FROM daily_metric WHERE metric = 'followers') WHERE abs(value - prev) > 0.02 * prev")
              .getInt() == 0);
  }

  TEST_CASE("the board's story is visible in the monthly figures") {
    SQLite::Database db(story_db().string(), SQLite::OPEN_READONLY);
    SUBCASE("unanswered share climbs from April to October 2026") {
      const double april = unanswered_share(db, "2026-04"), october = unanswered_share(db, "2026-10");
      CHECK(april < 0.24);
      CHECK(october > april + 0.12);
      CHECK(unanswered_share(db, "2025-10") < 0.22);
    }
    SUBCASE("answered messages wait longer in October than in April") {
      const std::string median =
          "SELECT (julianday(first_reply_at) - julianday(received_at)) * 1440 AS m FROM interaction "
          "WHERE needs_reply = 1 AND first_reply_at IS NOT NULL AND received_at LIKE ";
      auto median_of = [&](const std::string& month) {
        const std::string where = median + "'" + month + "-%'";
        return scalar(
            db, "SELECT m FROM (" + where + ") ORDER BY m LIMIT 1 OFFSET (SELECT count(*) / 2 FROM (" + where + "))");
      };
      CHECK(median_of("2026-10") > 1.15 * median_of("2026-04"));
    }
    SUBCASE("negative sentiment spikes on Wednesday 14 October 2026") {
      const std::string daily =
          "SELECT substr(received_at, 1, 10) AS d, sum(sentiment < 0) AS neg FROM interaction "
          "WHERE received_at LIKE '2026-10-%' GROUP BY d";
      const double spike = scalar(db, "SELECT neg FROM (" + daily + ") WHERE d = '2026-10-14'");
      const double median = scalar(db, "SELECT neg FROM (" + daily + ") ORDER BY neg LIMIT 1 OFFSET 15");
      CHECK(spike > 5 * median);
      CHECK(scalar(db,
                   "SELECT avg(topic = 'billing') FROM interaction WHERE received_at LIKE '2026-10-14%' "
                   "AND sentiment < 0") > 0.7);
    }
    SUBCASE("TikTok grows fast, LinkedIn stands still, own impressions grow about 10 % a year") {
      CHECK(monthly(db, "tiktok:own", "impressions", "2026-10") >
            2 * monthly(db, "tiktok:own", "impressions", "2025-10"));
      const double li_now = scalar(db,
                                   "SELECT value FROM daily_metric JOIN channel ON channel.id = channel_id "
                                   "WHERE platform = 'linkedin' AND metric = 'followers' AND day = '2026-10-31'");
      const double li_then = scalar(db,
                                    "SELECT value FROM daily_metric JOIN channel ON channel.id = channel_id "
                                    "WHERE platform = 'linkedin' AND metric = 'followers' AND day = '2025-10-31'");
      CHECK(std::abs(li_now / li_then - 1) < 0.05);
      const std::string own_impressions =
          "SELECT total(value) FROM daily_metric JOIN channel ON channel.id = "
          "channel_id WHERE owner = 'own' AND metric = 'impressions' AND day LIKE ";
      const double growth = scalar(db, own_impressions + "'2026-09-%'") / scalar(db, own_impressions + "'2025-09-%'");
      CHECK(growth > 1.05);
      CHECK(growth < 1.2);
    }
    SUBCASE("a few messages arrive at 23:30 UTC on a month's last day") {
      for (const char* at :
           {"2024-10-31T23:30:00Z", "2026-02-28T23:30:00Z", "2026-09-30T23:30:00Z", "2026-10-31T23:30:00Z"}) {
        CAPTURE(at);
        CHECK(
            db.execAndGet(std::string("SELECT count(*) FROM interaction WHERE received_at = '") + at + "'").getInt() >=
            1);
      }
    }
  }
}
