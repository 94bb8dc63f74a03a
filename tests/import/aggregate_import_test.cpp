// `boardbrief import metrics --aggregate sum`: per-post exports summed per channel, metric and
// day across all files of one command.
#include <doctest/doctest.h>

#include <filesystem>

#include "import/import_support.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief::testing;

namespace {

const char* kDaily =
    "SELECT c.handle, d.day, d.metric, d.value FROM daily_metric d "
    "JOIN channel c ON c.id = d.channel_id ORDER BY 1, 2, 3";

const std::string kArgs =
    " --platform twitter --handle @acme --aggregate sum --day-column time --tz Europe/Copenhagen"
    " --column impressions=impressions --column engagements=engagements --count-rows posts ";

// Two monthly exports in UTC. In Copenhagen (UTC+1 after 25 Oct 2026) the last October post,
// 23:30 UTC on the 31st, was posted on 1 November: that day's total needs both files.
const char* kOctober =
    "\"Tweet id\",\"Tweet text\",\"time\",\"impressions\",\"engagements\"\n"
    "\"1\",\"first, with a comma\",\"2026-10-30 09:00 +0000\",\"100.0\",\"5.0\"\n"
    "\"2\",\"second\",\"2026-10-30 18:00 +0000\",\"50.0\",\"-\"\n"
    "\"3\",\"late\n(two lines)\",\"2026-10-31 23:30 +0000\",\"40.0\",\"4.0\"\n";
const char* kNovember =
    "\"Tweet id\",\"Tweet text\",\"time\",\"impressions\",\"engagements\"\n"
    "\"4\",\"november\",\"2026-11-01 10:00 +0000\",\"60.0\",\"6.0\"\n"
    "\"5\",\"naive local time\",\"2026-11-03 08:15\",\"7\",\"1\"\n";

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("--aggregate sum adds up posts per day across files, the day taken in --tz") {
    fs::path dir = scratch_dir("import-aggregate");
    fs::path oct = write_file(dir, "oct.csv", kOctober), nov = write_file(dir, "nov.csv", kNovember);
    fs::path db = dir / "social.db";
    RunResult r = run(binary() + " import metrics --db " + db.string() + kArgs + oct.string() + " " + nov.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == "read " + oct.string() +
                       ": 3 rows, 8 values, 1 empty cell (no data)\n"
                       "read " +
                       nov.string() +
                       ": 2 rows, 6 values\n"
                       "summed per day: 9 daily values (9 inserted, 0 updated, 0 unchanged), 1 channel created\n"
                       "created " +
                       db.string() + ": 2 of 2 files imported\n");
    const std::string expected =
        "@acme|2026-10-30|engagements|5.0\n"  // the second post's '-' is no data, not 0
        "@acme|2026-10-30|impressions|150.0\n"
        "@acme|2026-10-30|posts|2.0\n"
        "@acme|2026-11-01|engagements|10.0\n"  // 4 + 6: one post from each file
        "@acme|2026-11-01|impressions|100.0\n"
        "@acme|2026-11-01|posts|2.0\n"
        "@acme|2026-11-03|engagements|1.0\n"
        "@acme|2026-11-03|impressions|7.0\n"
        "@acme|2026-11-03|posts|1.0\n";
    CHECK(dump(db, kDaily) == expected);

    // The same files again give the same totals: nothing changes.
    RunResult again = run(binary() + " import metrics --db " + db.string() + kArgs + oct.string() + " " + nov.string());
    CHECK(again.out.find("summed per day: 9 daily values (0 inserted, 0 updated, 9 unchanged)") != std::string::npos);
    CHECK(dump(db, kDaily) == expected);

    // The documented rule: a day's value is replaced by this command's total, so a file given
    // alone replaces 1 November with its own part. Giving both files again restores it.
    RunResult alone = run(binary() + " import metrics --db " + db.string() + kArgs + nov.string());
    CHECK(alone.out.find("6 daily values (0 inserted, 3 updated, 3 unchanged)") != std::string::npos);
    CHECK(dump(db, "SELECT value FROM daily_metric WHERE day = '2026-11-01' AND metric = 'impressions'") == "60.0\n");
    run(binary() + " import metrics --db " + db.string() + kArgs + oct.string() + " " + nov.string());
    CHECK(dump(db, kDaily) == expected);
  }

  TEST_CASE("--zero-days gives the export's days without posts a 0 instead of a gap") {
    fs::path dir = scratch_dir("import-aggregate-zero");
    fs::path nov = write_file(dir, "nov.csv", kNovember);
    fs::path db = dir / "social.db";
    RunResult r = run(binary() + " import metrics --db " + db.string() + kArgs + "--zero-days 2026-11-01:2026-11-04 " +
                      nov.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("12 daily values (12 inserted, 0 updated, 0 unchanged), 1 channel created, 2 days without posts × "
                     "3 metrics set to 0") != std::string::npos);
    CHECK(dump(db, "SELECT day, value FROM daily_metric WHERE metric = 'posts' ORDER BY day") ==
          "2026-11-01|1.0\n2026-11-02|0.0\n2026-11-03|1.0\n2026-11-04|0.0\n");
    // The filled database meets the data contract.
    RunResult check = run(binary() + " check --db " + db.string());
    CHECK_MESSAGE(check.exit_code == 0, check.out, check.err);
  }

  TEST_CASE("--aggregate: one bad file and nothing of any file is written") {
    fs::path dir = scratch_dir("import-aggregate-bad");
    fs::path oct = write_file(dir, "oct.csv", kOctober);
    fs::path bad = write_file(dir, "bad.csv",
                              "\"Tweet id\",\"Tweet text\",\"time\",\"impressions\",\"engagements\"\n"
                              "\"4\",\"ok\",\"2026-11-01 10:00 +0000\",\"60.0\",\"6.0\"\n"
                              "\"5\",\"bad\",\"yesterday\",\"abc\",\"1\"\n");
    fs::path db = dir / "social.db";
    RunResult r = run(binary() + " import metrics --db " + db.string() + kArgs + oct.string() + " " + bad.string());
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("boardbrief: error: " + bad.string() +
                     ":3:3: 'yesterday' is neither a day (%Y-%m-%d) nor a timestamp (column time)\n") !=
          std::string::npos);
    CHECK(r.err.find("boardbrief: error: " + bad.string() +
                     ":3:4: value 'abc' is not a number (column impressions)\n") != std::string::npos);
    CHECK(r.err.find("with --aggregate sum the files are imported together; nothing was written") != std::string::npos);
    CHECK(r.err.find("2 of 2 files not imported: " + oct.string() + ", " + bad.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(db));  // a first import that wrote nothing leaves no database

    // Into an existing database: its rows stay as they were.
    write_file(dir, "seed.csv", "day,platform,handle,metric,value\n2026-10-30,twitter,@acme,posts,9\n");
    REQUIRE(run(binary() + " import metrics --db " + db.string() + " " + (dir / "seed.csv").string()).exit_code == 0);
    RunResult again = run(binary() + " import metrics --db " + db.string() + kArgs + oct.string() + " " + bad.string());
    CHECK(again.exit_code == 3);
    CHECK(dump(db, kDaily) == "@acme|2026-10-30|posts|9.0\n");
  }

  TEST_CASE("--aggregate: a timestamp needs --tz to tell its day; option checks") {
    fs::path dir = scratch_dir("import-aggregate-usage");
    fs::path oct = write_file(dir, "oct.csv", kOctober);
    fs::path db = dir / "social.db";
    const std::string base = binary() + " import metrics --db " + db.string() + " --platform twitter --handle @acme ";
    RunResult no_tz = run(base + "--aggregate sum --day-column time --column impressions=impressions " + oct.string());
    CHECK(no_tz.exit_code == 3);
    CHECK(no_tz.err.find(oct.string() +
                         ":2:3: timestamp '2026-10-30 09:00 +0000' needs --tz ZONE to tell its day (column time)") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(db));

    // Without --aggregate a timestamp is not a day, and a repeated day is an error.
    RunResult plain = run(base + "--day-column time --column impressions=impressions " + oct.string());
    CHECK(plain.exit_code == 3);
    CHECK(plain.err.find(":2:3: day '2026-10-30 09:00 +0000' does not match %Y-%m-%d (column time)") !=
          std::string::npos);

    RunResult count =
        run(base + "--count-rows posts --day-column time --column impressions=impressions " + oct.string());
    CHECK(count.exit_code == 2);
    CHECK(count.err == "boardbrief: error: --count-rows posts: only with --aggregate sum (one row per post)\n");
    RunResult mean = run(base + "--aggregate mean " + oct.string());
    CHECK(mean.exit_code == 2);
    CHECK(mean.err ==
          "boardbrief: error: --aggregate: aggregate 'mean': use sum (add up the rows per channel, metric and day)\n");
    RunResult zero = run(base +
                         "--aggregate sum --tz UTC --day-column time --column impressions=impressions "
                         "--zero-days 2026-11-05:2026-11-01 " +
                         oct.string());
    CHECK(zero.exit_code == 2);
    CHECK(zero.err == "boardbrief: error: --zero-days '2026-11-05:2026-11-01': FROM is after TO\n");
    RunResult unknown = run(base + "--aggregate sum --tz UTC --day-column time --count-rows likes " + oct.string());
    CHECK(unknown.exit_code == 3);
    CHECK(unknown.err.find("--count-rows likes: unknown metric 'likes' (catalogue: ") != std::string::npos);
    CHECK_FALSE(fs::exists(db));
    // Followers is a level (aggregation 'last'): per-post values of it do not add up.
    RunResult level =
        run(base + "--aggregate sum --tz UTC --day-column time --column followers=impressions " + oct.string());
    CHECK(level.exit_code == 3);
    CHECK(level.err.find(
              "boardbrief: error: --aggregate sum: metric 'followers' is not a count (its aggregation is not sum), "
              "so values per post cannot be added up (counts: engagements, impressions, link_clicks, mentions, "
              "posts, reach)\n") != std::string::npos);
    CHECK_FALSE(fs::exists(db));
  }

  TEST_CASE("--aggregate settings from a mapping file") {
    fs::path dir = scratch_dir("import-aggregate-mapping");
    fs::path nov = write_file(dir, "nov.csv", kNovember);
    fs::path map =
        write_file(dir, "posts.toml",
                   "platform = \"twitter\"\nhandle = \"@acme\"\naggregate = \"sum\"\ncount_rows = \"posts\"\n"
                   "day_column = \"time\"\ntz = \"UTC\"\nzero_days = \"2026-11-01:2026-11-02\"\n"
                   "[columns]\nimpressions = \"impressions\"\n");
    fs::path db = dir / "social.db";
    RunResult r =
        run(binary() + " import metrics --db " + db.string() + " --mapping " + map.string() + " " + nov.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // In UTC the naive 08:15 is 3 November; 2 November has no post.
    CHECK(dump(db, "SELECT day, metric, value FROM daily_metric ORDER BY 1, 2") ==
          "2026-11-01|impressions|60.0\n2026-11-01|posts|1.0\n2026-11-02|impressions|0.0\n2026-11-02|posts|0.0\n"
          "2026-11-03|impressions|7.0\n2026-11-03|posts|1.0\n");
  }

  TEST_CASE("--config: the report's INI file gives import its database and time zone") {
    fs::path dir = scratch_dir("import-config");
    fs::path oct = write_file(dir, "oct.csv", kOctober), nov = write_file(dir, "nov.csv", kNovember);
    fs::path db = dir / "social.db";
    fs::path ini =
        write_file(dir, "board.ini",
                   "# the monthly run\ndb = " + db.string() + "\ntz = Europe/Copenhagen\nlang = da\norg = Acme\n");
    const std::string args =
        " --platform twitter --handle @acme --aggregate sum --day-column time"
        " --column impressions=impressions ";
    RunResult r = run(binary() + " import metrics --config " + ini.string() + args + oct.string() + " " + nov.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // In Copenhagen the late October post belongs to 1 November.
    CHECK(dump(db, "SELECT day, value FROM daily_metric ORDER BY day") ==
          "2026-10-30|150.0\n2026-11-01|100.0\n2026-11-03|7.0\n");
    // The command line wins over the file: in UTC it stays on 31 October.
    fs::path utc = dir / "utc.db";
    RunResult u = run(binary() + " import metrics --config " + ini.string() + " --db " + utc.string() + " --tz UTC" +
                      args + oct.string() + " " + nov.string());
    REQUIRE_MESSAGE(u.exit_code == 0, u.err);
    CHECK(dump(utc, "SELECT day, value FROM daily_metric ORDER BY day") ==
          "2026-10-30|150.0\n2026-10-31|40.0\n2026-11-01|60.0\n2026-11-03|7.0\n");

    RunResult missing = run(binary() + " import metrics --config " + (dir / "nope.ini").string() + args + oct.string());
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "boardbrief: error: --config '" + (dir / "nope.ini").string() + "': cannot open the file\n");
    fs::path broken = write_file(dir, "broken.ini", "db\n");
    RunResult bad = run(binary() + " import metrics --config " + broken.string() + args + oct.string());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.rfind("boardbrief: error: --config '" + broken.string() + "': ", 0) == 0);
  }
}
