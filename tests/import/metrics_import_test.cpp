// `boardbrief import metrics` end to end: real CSV files in, a real SQLite file out.
#include <doctest/doctest.h>

#include <filesystem>
#include <date/date.h>

#include <fstream>
#include <functional>
#include <iterator>

#include "import/import_support.h"
#include "support/test_db.h"

namespace fs = std::filesystem;
using namespace boardbrief::testing;

namespace {

const char* kDaily =
    "SELECT c.platform, c.handle, c.owner, d.day, d.metric, d.value FROM daily_metric d "
    "JOIN channel c ON c.id = d.channel_id ORDER BY 1, 2, 4, 5";

RunResult import_metrics(const fs::path& db, const std::string& args) {
  return run(binary() + " import metrics --db " + db.string() + " " + args);
}

const char* kLong =
    "day,platform,handle,metric,value\n"
    "2026-10-01,instagram,@acme,followers,1200\n"
    "2026-10-01,instagram,@acme,impressions,5400\n"
    "2026-10-02,instagram,@acme,followers,1210\n"
    "2026-10-02,instagram,@acme,impressions,\n"
    "2026-10-01,facebook,acme,posts,2\n";

}  // namespace

TEST_SUITE("import") {
  TEST_CASE("long form creates the database, its channels and one row per value") {
    fs::path dir = scratch_dir("import-long");
    fs::path csv = write_file(dir, "daily.csv", kLong);
    RunResult r = import_metrics(dir / "social.db", csv.string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "imported " + csv.string() +
                       ": 5 rows read, 4 values (4 inserted, 0 updated, 0 unchanged), "
                       "2 channels created, 1 empty cell (no data)\ncreated " +
                       (dir / "social.db").string() + ": 1 of 1 file imported\n");
    CHECK(dump(dir / "social.db", kDaily) ==
          "facebook|acme|own|2026-10-01|posts|2.0\n"
          "instagram|@acme|own|2026-10-01|followers|1200.0\n"
          "instagram|@acme|own|2026-10-01|impressions|5400.0\n"
          "instagram|@acme|own|2026-10-02|followers|1210.0\n");
    // The new database meets the data contract as the report checks it.
    RunResult check = run(binary() + " check --db " + (dir / "social.db").string());
    CHECK_MESSAGE(check.exit_code == 0, check.err);
  }

  TEST_CASE("wide form with the mapping on the command line") {
    fs::path dir = scratch_dir("import-wide");
    fs::path csv = write_file(dir, "export.csv",
                              "Date,impressions_total,Followers,ignored\n"
                              "10/30/2026,100,50,x\n"
                              "10/31/2026,\"1200\",51,y\n");
    RunResult r = import_metrics(dir / "s.db",
                                 "--platform instagram --handle @x --owner competitor --name 'Rival A/S' "
                                 "--column impressions=impressions_total --column followers=Followers "
                                 "--day-column Date --day-format %m/%d/%Y " +
                                     csv.string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(dump(dir / "s.db", kDaily) ==
          "instagram|@x|competitor|2026-10-30|followers|50.0\n"
          "instagram|@x|competitor|2026-10-30|impressions|100.0\n"
          "instagram|@x|competitor|2026-10-31|followers|51.0\n"
          "instagram|@x|competitor|2026-10-31|impressions|1200.0\n");
    CHECK(dump(dir / "s.db", "SELECT name FROM channel") == "Rival A/S\n");
  }

  TEST_CASE("wide form without --column takes columns named after catalogue metrics") {
    fs::path dir = scratch_dir("import-wide-auto");
    fs::path csv = write_file(dir, "w.csv", "day,Followers,Link clicks\n2026-10-01,10,3\n");
    RunResult r = import_metrics(dir / "s.db", "--platform x --handle @a " + csv.string());
    CHECK(r.exit_code == 0);
    CHECK(dump(dir / "s.db", "SELECT metric, value FROM daily_metric ORDER BY 1") ==
          "followers|10.0\nlink_clicks|3.0\n");
  }

  TEST_CASE("a TOML mapping file, with the command line overriding it") {
    fs::path dir = scratch_dir("import-mapping");
    fs::path map =
        write_file(dir, "map.toml",
                   "platform = \"linkedin\"\nhandle = \"acme\"\nday_column = \"ds\"\n[columns]\nimpressions = \"y\"\n");
    fs::path csv = write_file(dir, "pv.csv", "\"ds\",\"y\"\n2026-10-01,14629\n2026-10-02,5012\n");
    RunResult r = import_metrics(dir / "s.db", "--mapping " + map.string() + " --handle acme-dk " + csv.string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(dump(dir / "s.db", kDaily) ==
          "linkedin|acme-dk|own|2026-10-01|impressions|14629.0\nlinkedin|acme-dk|own|2026-10-02|impressions|5012.0\n");
    RunResult bad = import_metrics(
        dir / "s.db", "--mapping " + write_file(dir, "bad.toml", "handle = 1\n").string() + " " + csv.string());
    CHECK(bad.exit_code == 2);
    CHECK(bad.err == "boardbrief: error: " + (dir / "bad.toml").string() + ":1:10: key 'handle' must be a string\n");
  }

  TEST_CASE("re-importing the same file changes nothing; a changed value is an update") {
    fs::path dir = scratch_dir("import-idempotent");
    fs::path db = dir / "s.db";
    fs::path csv = write_file(dir, "daily.csv", kLong);
    REQUIRE(import_metrics(db, csv.string()).exit_code == 0);
    auto hash = [&] {
      return std::hash<std::string>{}(dump(db, "SELECT * FROM channel ORDER BY id") +
                                      dump(db, "SELECT * FROM daily_metric ORDER BY channel_id, metric, day") +
                                      dump(db, "SELECT * FROM metric ORDER BY key"));
    };
    const std::size_t before = hash();
    RunResult again = import_metrics(db, csv.string());
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("4 values (0 inserted, 0 updated, 4 unchanged)") != std::string::npos);
    CHECK(again.out.find("channels created") == std::string::npos);
    CHECK(hash() == before);

    fs::path changed = write_file(dir, "changed.csv",
                                  "day,platform,handle,metric,value\n2026-10-02,instagram,@acme,followers,1215\n"
                                  "2026-10-03,instagram,@acme,followers,1220\n");
    RunResult upd = import_metrics(db, changed.string());
    CHECK(upd.out.find("2 values (1 inserted, 1 updated, 0 unchanged)") != std::string::npos);
    CHECK(hash() != before);
    CHECK(dump(db, "SELECT value FROM daily_metric WHERE day = '2026-10-02' AND metric = 'followers'") == "1215.0\n");
  }

  TEST_CASE("every bad cell is reported with file:line:column and nothing from the file is written") {
    fs::path dir = scratch_dir("import-errors");
    fs::path csv = write_file(dir, "export.csv",
                              "day,platform,handle,metric,value\n"
                              "2026-10-01,instagram,@acme,impressions,100\n"
                              "2026-10-02,instagram,@acme,impressions,abc\n"
                              "2026-10-03,instagram,@acme,impressions,-5\n"
                              "2026-13-01,instagram,@acme,impressions,1\n"
                              "2026-10-04,instagram,@acme,likes,1\n"
                              "2026-10-05,instagram,@acme,impressions\n"
                              "2026-10-01,instagram,@acme,impressions,100\n"
                              "2026-10-06,instagram,,impressions,1\n");
    RunResult r = import_metrics(dir / "s.db", csv.string());
    CHECK(r.exit_code == 3);
    const std::string f = csv.string();
    CHECK(r.err == "boardbrief: error: " + f +
                       ":3:5: value 'abc' is not a number (column value)\n"
                       "boardbrief: error: " +
                       f +
                       ":4:5: value '-5' is negative (column value)\n"
                       "boardbrief: error: " +
                       f +
                       ":5:1: day '2026-13-01' does not match %Y-%m-%d (column day)\n"
                       "boardbrief: error: " +
                       f +
                       ":6:4: unknown metric 'likes' (catalogue: engagements, followers, impressions, "
                       "link_clicks, mentions, posts, reach)\n"
                       "boardbrief: error: " +
                       f +
                       ":7: the row has 4 fields, the header has 5\n"
                       "boardbrief: error: " +
                       f +
                       ":8:5: impressions for instagram @acme on 2026-10-01 is already given on line 2 "
                       "(one row per post? --aggregate sum adds them up per day)\n"
                       "boardbrief: error: " +
                       f +
                       ":9:3: the handle is empty (column handle)\n"
                       "boardbrief: not imported " +
                       f +
                       ": nothing from this file was written\n"
                       "boardbrief: error: 1 of 1 file not imported: " +
                       f + "\n");
    // A first import that failed leaves no empty database behind.
    CHECK_FALSE(fs::exists(dir / "s.db"));
    CHECK(r.out == (dir / "s.db").string() + ": not created, none of 1 file imported\n");
  }

  TEST_CASE("the header is checked first: missing columns and metrics outside the catalogue") {
    fs::path dir = scratch_dir("import-header");
    fs::path csv = write_file(dir, "w.csv", "Date,impressions_total,tweets\n2026-10-01,1,2\n");
    RunResult missing =
        import_metrics(dir / "s.db", "--platform x --handle @a --column impressions=impressions " + csv.string());
    CHECK(missing.exit_code == 3);
    CHECK(missing.err.find(csv.string() + ":1: no column 'day' for the day (use --day-column) (columns: Date, "
                                          "impressions_total, tweets)") != std::string::npos);
    RunResult unknown = import_metrics(
        dir / "s.db", "--platform x --handle @a --day-column Date --column tweets=tweets " + csv.string());
    CHECK(unknown.err.find(
              "--column tweets=tweets: unknown metric 'tweets' (catalogue: engagements, followers, impressions, "
              "link_clicks, mentions, posts, reach)") != std::string::npos);
    RunResult unmapped = import_metrics(dir / "s.db", "--platform x --handle @a --day-column Date " + csv.string());
    CHECK(unmapped.err.find(csv.string() +
                            ":1:2: column 'impressions_total' is not a catalogue metric; map the columns to "
                            "import with --column METRIC=COLUMN") != std::string::npos);
    RunResult malformed = import_metrics(dir / "s.db", write_file(dir, "m.csv",
                                                                  "day,platform,handle,metric,value\n"
                                                                  "2026-10-01,x,\"@a\"b,posts,1\n")
                                                           .string());
    CHECK(
        malformed.err.find("m.csv:2: malformed CSV: a quote inside an unquoted field, or text after a closing quote") !=
        std::string::npos);
  }

  TEST_CASE("all or nothing per file: the good file is imported, the bad one not at all") {
    fs::path dir = scratch_dir("import-per-file");
    fs::path db = dir / "s.db";
    fs::path good = write_file(dir, "good.csv", "day,platform,handle,metric,value\n2026-10-01,x,@a,posts,1\n");
    fs::path bad = write_file(dir, "bad.csv",
                              "day,platform,handle,metric,value\n2026-10-02,x,@b,posts,1\n"
                              "2026-10-03,x,@b,posts,2\n2026-10-04,x,@b,posts,many\n");
    RunResult r = import_metrics(db, bad.string() + " " + good.string());
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("imported " + good.string() + ": 1 row read") != std::string::npos);
    CHECK(r.out.find("1 of 2 files imported") != std::string::npos);
    CHECK(r.err.find("not imported " + bad.string()) != std::string::npos);
    CHECK(r.err.find("error: 1 of 2 files not imported: " + bad.string()) != std::string::npos);
    // Neither bad.csv's values nor its channel were written.
    CHECK(dump(db, "SELECT handle FROM channel") == "@a\n");
    CHECK(dump(db, "SELECT day, value FROM daily_metric") == "2026-10-01|1.0\n");
  }

  TEST_CASE("a file that is not a boardbrief database is refused untouched") {
    fs::path dir = scratch_dir("import-foreign");
    make_db(dir / "other.db", "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    fs::path csv = write_file(dir, "d.csv", kLong);
    RunResult r = import_metrics(dir / "other.db", csv.string());
    CHECK(r.exit_code == 3);
    CHECK(r.err == "boardbrief: error: " + (dir / "other.db").string() +
                       ": schema version 0 (PRAGMA user_version), expected 1; see docs/data-contract.md\n");
    CHECK(dump(dir / "other.db", "SELECT name FROM sqlite_schema") == "t\n");
    RunResult nofile = import_metrics(dir / "new.db", (dir / "missing.csv").string());
    CHECK(nofile.exit_code == 3);
    CHECK_FALSE(fs::exists(dir / "new.db"));
  }

  TEST_CASE("import usage errors and help") {
    CHECK(run(binary() + " import").exit_code == 0);
    RunResult h = run(binary() + " import metrics --help");
    CHECK(h.exit_code == 0);
    CHECK(h.out.find("--column METRIC=COL") != std::string::npos);
    CHECK(h.out.find("Examples:") != std::string::npos);
    RunResult hi = run(binary() + " import interactions --help");
    CHECK(hi.out.find("--conversation-log") != std::string::npos);
    RunResult what = run(binary() + " import posts --db x.db a.csv");
    CHECK(what.exit_code == 2);
    CHECK(what.err ==
          "boardbrief: error: import 'posts': use import metrics or import interactions (see boardbrief import "
          "--help)\n");
    CHECK(run(binary() + " import metrics a.csv").exit_code == 2);
    RunResult col = run(binary() + " import metrics --db x.db --column impressions a.csv");
    CHECK(col.exit_code == 2);
    CHECK(col.err ==
          "boardbrief: error: --column 'impressions': use METRIC=COLUMN, e.g. --column impressions=Impressions\n");
    RunResult owner = run(binary() + " import metrics --db x.db --owner ours a.csv");
    CHECK(owner.err == "boardbrief: error: --owner: owner 'ours': use own or competitor\n");
  }

  TEST_CASE("a progress bar for a large file only when stderr is a terminal") {
    fs::path dir = scratch_dir("import-progress");
    std::string text = "day,handle,impressions,reach,engagements\n";
    const date::local_days first{date::year{2020} / 1 / 1};
    for (int ch = 0; ch < 30; ++ch)
      for (int d = 0; d < 1000; ++d)
        text += date::format("%F", first + date::days{d}) + ",@channel" + std::to_string(ch) + "," +
                std::to_string(100000 + d) + "," + std::to_string(50000 + d) + "," + std::to_string(1000 + d) + "\n";
    REQUIRE(text.size() > (1u << 20));
    fs::path csv = write_file(dir, "large.csv", text);
    RunResult plain = import_metrics(dir / "a.db", "--platform x " + csv.string());
    CHECK(plain.exit_code == 0);
    CHECK(plain.err.empty());
    if (run("command -v script").exit_code != 0) {
      MESSAGE("skipped the terminal half: util-linux 'script' is not installed");
      return;
    }
    // script(1) gives the command a terminal and records what it wrote there.
    fs::path typescript = dir / "typescript";
    RunResult tty = run("script -qec '" + binary() + " import metrics --db " + (dir / "b.db").string() +
                        " --platform x " + csv.string() + "' " + typescript.string() + " > /dev/null");
    CHECK(tty.exit_code == 0);
    std::ifstream in(typescript, std::ios::binary);
    std::string seen((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(seen.find("\rimporting large.csv [") != std::string::npos);
    CHECK(seen.find(" rows/s") != std::string::npos);
    CHECK(seen.find("] 100%, 30000 rows read, writing them to the database") != std::string::npos);
    CHECK(seen.find("\r\033[Kimported " + csv.string()) != std::string::npos);
  }

  TEST_CASE("importing into an existing database reuses its channels and adds to its rows") {
    fs::path dir = scratch_dir("import-into-sample");
    fs::path db = dir / "sample.db";
    REQUIRE(run(binary() + " sample --out " + db.string() + " --interactions 500").exit_code == 0);
    const std::string channels = dump(db, "SELECT * FROM channel ORDER BY id");
    const std::string count = dump(db, "SELECT count(*) FROM daily_metric");
    fs::path csv = write_file(dir, "nov.csv", "Day,Followers,Impressions\n2026-11-01,48300,9100\n");
    RunResult r = import_metrics(db, "--platform instagram --handle @norrealbaek --day-column day " + csv.string());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("2 values (2 inserted, 0 updated, 0 unchanged)\n") != std::string::npos);  // no channel created
    CHECK(dump(db, "SELECT * FROM channel ORDER BY id") == channels);
    CHECK(std::stol(dump(db, "SELECT count(*) FROM daily_metric")) == std::stol(count) + 2);
    CHECK(dump(db,
               "SELECT c.handle, d.value FROM daily_metric d JOIN channel c ON c.id = d.channel_id "
               "WHERE d.day = '2026-11-01' AND d.metric = 'followers'") == "@norrealbaek|48300.0\n");
  }
}
