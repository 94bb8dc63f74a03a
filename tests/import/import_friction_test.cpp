// Import errors that name their fix, a reply rule that is never guessed, --zero-days for files
// with a gap, a metric table that cannot be read (exit 3, not a crash), and a user's <db>.tmp
// that `sample` and a first import leave alone (docs/errors.md, "boardbrief import").
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "import/import_support.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief::testing;

TEST_SUITE("import") {
  TEST_CASE("a messages file without any reply column is refused until --needs-reply says the rule") {
    fs::path dir = scratch_dir("friction-needs-reply");
    fs::path db = dir / "s.db";
    fs::path csv = write_file(dir, "mentions.csv", "received_at,platform,handle\n2026-10-01T10:00:00Z,x,@a\n");
    RunResult r = run(binary() + " import interactions --db " + db.string() + " " + csv.string());
    CHECK(r.exit_code == 2);
    CHECK(r.err == "boardbrief: error: " + csv.string() +
                       ": no column says which messages need a reply (no first_reply_at, no needs_reply): give "
                       "--needs-reply true (every message needs a reply, e.g. a care inbox) or --needs-reply false "
                       "(none does, e.g. mentions), or name the columns with --first-reply-column or "
                       "--needs-reply-column\n");
    CHECK_FALSE(fs::exists(db));  // refused before the database is touched
    RunResult ok = run(binary() + " import interactions --db " + db.string() + " --needs-reply false " + csv.string());
    CHECK(ok.exit_code == 0);
    CHECK(dump(db, "SELECT needs_reply FROM interaction") == "0\n");
    // A first_reply_at column or a needs_reply column is a rule of its own.
    fs::path replies =
        write_file(dir, "inbox.csv", "received_at,first_reply_at,platform,handle\n2026-10-01T10:00:00Z,,x,@a\n");
    CHECK(run(binary() + " import interactions --db " + db.string() + " " + replies.string()).exit_code == 0);
    fs::path flags =
        write_file(dir, "flags.csv", "received_at,needs_reply,platform,handle\n2026-10-02T10:00:00Z,yes,x,@a\n");
    CHECK(run(binary() + " import interactions --db " + db.string() + " " + flags.string()).exit_code == 0);
  }

  TEST_CASE("a conversation log imported as plain messages names --conversation-log") {
    fs::path dir = scratch_dir("friction-log");
    fs::path csv = write_file(dir, "twcs.csv",
                              "tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id\n"
                              "1,115712,True,Tue Oct 31 22:10:47 +0000 2017,@sprintcare help,2,\n"
                              "2,sprintcare,False,Tue Oct 31 22:11:45 +0000 2017,@115712 hi,,1\n");
    RunResult r =
        run(binary() + " import interactions --db " + (dir / "s.db").string() + " --needs-reply true " + csv.string());
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(csv.string() + ":1: no column 'received_at'; the file looks like a conversation log (replies are "
                                    "rows of their own, columns inbound and in_response_to_tweet_id): use "
                                    "--conversation-log\n") != std::string::npos);
    RunResult log =
        run(binary() + " import interactions --db " + (dir / "s.db").string() + " --conversation-log " + csv.string());
    CHECK(log.exit_code == 0);
  }

  TEST_CASE("several rows for one day name --aggregate sum") {
    fs::path dir = scratch_dir("friction-per-post");
    fs::path csv = write_file(dir, "posts.csv", "day,impressions\n2026-10-01,100\n2026-10-01,50\n2026-10-02,70\n");
    RunResult r =
        run(binary() + " import metrics --db " + (dir / "s.db").string() + " --platform x --handle @a " + csv.string());
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(csv.string() + ":3:2: impressions for x @a on 2026-10-01 is already given on line 2 (one row per "
                                    "post? --aggregate sum adds them up per day)\n") != std::string::npos);
    RunResult sum = run(binary() + " import metrics --db " + (dir / "s.db").string() +
                        " --platform x --handle @a --aggregate sum " + csv.string());
    CHECK(sum.exit_code == 0);
    CHECK(dump(dir / "s.db", "SELECT day, value FROM daily_metric ORDER BY day") ==
          "2026-10-01|150.0\n2026-10-02|70.0\n");
  }

  TEST_CASE("--zero-days twice fills both ranges of a file set with a gap, and says days × metrics") {
    fs::path dir = scratch_dir("friction-zero-days");
    fs::path db = dir / "s.db";
    fs::path july = write_file(dir, "july.csv", "time,impressions,engagements\n2019-07-02,10,1\n");
    fs::path sept = write_file(dir, "sept.csv", "time,impressions,engagements\n2019-09-03,20,2\n");
    RunResult r = run(binary() + " import metrics --db " + db.string() +
                      " --platform twitter --handle @a --aggregate sum --day-column time"
                      " --zero-days 2019-07-01:2019-07-04 --zero-days 2019-09-01:2019-09-04 " +
                      july.string() + " " + sept.string());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("6 days without posts × 2 metrics set to 0") != std::string::npos);
    // August is the gap between the exports: no zeros there.
    CHECK(
        dump(db, "SELECT count(*), sum(value = 0), min(day), max(day), sum(day LIKE '2019-08-%') FROM daily_metric") ==
        "16|12|2019-07-01|2019-09-04|0\n");
    RunResult bad = run(binary() + " import metrics --db " + db.string() +
                        " --platform twitter --handle @a --aggregate sum --day-column time"
                        " --zero-days 2019-07-01:2019-07-04 --zero-days 2019-09-31:2019-10-01 " +
                        july.string());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--zero-days '2019-09-31:2019-10-01': use FROM:TO with days as YYYY-MM-DD") !=
          std::string::npos);
  }

  TEST_CASE("a metric table that cannot be read is bad data (exit 3), not an internal error") {
    fs::path dir = scratch_dir("friction-metric-table");
    fs::path db = dir / "s.db";
    REQUIRE(run(binary() + " sample --out " + db.string()).exit_code == 0);
    // A view in the table's place that fails when read (the contract check only reads its columns).
    {
      SQLite::Database w(db.string(), SQLite::OPEN_READWRITE);
      w.exec(
          "ALTER TABLE metric RENAME TO metric_rows; CREATE VIEW metric AS SELECT key, label, aggregation, unit, "
          "better FROM metric_rows WHERE abs(-9223372036854775807 - 1) > 0;");
    }
    fs::path csv = write_file(dir, "m.csv", "day,platform,handle,metric,value\n2026-10-01,x,@a,impressions,1\n");
    RunResult r = run(binary() + " import metrics --db " + db.string() + " " + csv.string());
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("boardbrief: error: '" + db.string() +
                     "': cannot read the metric catalogue (table metric): integer overflow\n") != std::string::npos);
  }

  TEST_CASE("sample and a first import leave a user's <db>.tmp as it was") {
    fs::path dir = scratch_dir("friction-tmp");
    const std::string precious = "my notes, not a database\n";
    fs::path sample_tmp = write_file(dir, "demo.db.tmp", precious);
    REQUIRE(run(binary() + " sample --out " + (dir / "demo.db").string()).exit_code == 0);
    CHECK(read_file(sample_tmp) == precious);
    fs::path import_tmp = write_file(dir, "new.db.tmp", precious);
    fs::path csv = write_file(dir, "m.csv", "day,platform,handle,metric,value\n2026-10-01,x,@a,impressions,1\n");
    REQUIRE(run(binary() + " import metrics --db " + (dir / "new.db").string() + " " + csv.string()).exit_code == 0);
    CHECK(read_file(import_tmp) == precious);
    // Nothing else is left beside them: the temporaries were the tool's own.
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir))
      files += e.path().filename().string().find(".tmp-") == std::string::npos;
    CHECK(files == std::size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator())));
  }
}
