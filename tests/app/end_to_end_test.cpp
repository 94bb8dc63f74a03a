// The real binary on a real sample database, checked with independent PDF readers
// (qpdf, pdftotext, pdffonts, pdfinfo) and with figures recomputed in SQL.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

// One sample database per test process, made by the binary itself.
const fs::path& sample_db() {
  static const fs::path path = [] {
    fs::path dir = bt::scratch_dir("e2e-sample");
    fs::path db = dir / "demo.db";
    auto r = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --interactions 20000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return db;
  }();
  return path;
}

bt::RunResult report(const fs::path& out, const std::string& extra = "") {
  return bt::run(bt::binary() + " report --db " + bt::quote(sample_db()) + " --period 2026-10 --as-of 2026-11-02" +
                 " --org 'Nørre Ålbæk Energi A/S' --out " + bt::quote(out) + " " + extra);
}

std::string thousands(long v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

}  // namespace

TEST_SUITE("end_to_end") {
  TEST_CASE("a briefing from the sample database opens cleanly in independent readers") {
    fs::path dir = bt::scratch_dir("e2e-report");
    fs::path pdf = dir / "briefing.pdf";
    auto r = report(pdf, "--findings-json " + bt::quote(dir / "briefing.json"));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(bt::read_file(pdf).rfind("%PDF-", 0) == 0);

    auto check = bt::run("qpdf --check " + bt::quote(pdf));
    CHECK_MESSAGE(check.exit_code == 0, check.out);
    CHECK(check.err.empty());

    auto text = bt::run("pdftotext -enc UTF-8 " + bt::quote(pdf) + " -");
    CHECK(text.exit_code == 0);
    CHECK(text.err.empty());  // no "Syntax Warning" (ToUnicode fix)
    CHECK(text.out.find("October 2026") != std::string::npos);
    CHECK(text.out.find("compared with September 2026 and October 2025") != std::string::npos);
    CHECK(text.out.find("NØRRE ÅLBÆK ENERGI A/S") != std::string::npos);
    CHECK(text.out.find("Nørre Ålbæk Energi A/S") != std::string::npos);
    CHECK(text.out.find("Page 1 of") != std::string::npos);

    // A KPI value recomputed in SQL: messages needing a reply in October in Copenhagen time.
    SQLite::Database db(sample_db().string(), SQLite::OPEN_READONLY);
    long needs_reply = db.execAndGet(
                             "SELECT COUNT(*) FROM interaction i JOIN channel c ON c.id = i.channel_id "
                             "WHERE c.owner = 'own' AND i.needs_reply = 1 AND i.received_at >= '2026-09-30T22:00:00Z' "
                             "AND i.received_at < '2026-10-31T23:00:00Z'")
                           .getInt64();
    CHECK(needs_reply > 100);
    CHECK_MESSAGE(text.out.find(thousands(needs_reply)) != std::string::npos, "needs reply ", thousands(needs_reply));

    auto fonts = bt::run("pdffonts " + bt::quote(pdf));
    CHECK(fonts.exit_code == 0);
    int embedded = 0;
    std::istringstream lines(fonts.out);
    for (std::string line; std::getline(lines, line);)
      if (line.find("Lato") != std::string::npos) {
        CHECK_MESSAGE(line.find("yes yes yes") != std::string::npos, line);
        ++embedded;
      }
    CHECK(embedded == 3);

    auto info = bt::run("pdfinfo -isodates " + bt::quote(pdf));
    CHECK(info.out.find("Author:          Nørre Ålbæk Energi A/S") != std::string::npos);
    CHECK(info.out.find("CreationDate:    2026-11-01T23:00:00Z") !=
          std::string::npos);  // --as-of 2026-11-02 in Copenhagen
    CHECK(info.out.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);

    std::string json = bt::read_file(dir / "briefing.json");
    CHECK(json.find("\"utc_begin\" : \"2026-09-30T22:00:00Z\"") != std::string::npos);
    CHECK(json.find("\"utc_end\" : \"2026-10-31T23:00:00Z\"") != std::string::npos);
  }

  TEST_CASE("the same inputs give the same bytes") {
    fs::path dir = bt::scratch_dir("e2e-determinism");
    REQUIRE(report(dir / "a.pdf").exit_code == 0);
    REQUIRE(report(dir / "b.pdf").exit_code == 0);
    CHECK(bt::read_file(dir / "a.pdf") == bt::read_file(dir / "b.pdf"));
  }

  TEST_CASE("a directory as --out gets briefing-<period>.pdf, and Danish uses Danish words") {
    fs::path dir = bt::scratch_dir("e2e-danish");
    auto r = report(dir, "--lang da");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    fs::path pdf = dir / "briefing-2026-10.pdf";
    REQUIRE(fs::exists(pdf));
    auto text = bt::run("pdftotext -enc UTF-8 " + bt::quote(pdf) + " -");
    CHECK(text.out.find("Oktober 2026") != std::string::npos);
    CHECK(text.out.find("BESTYRELSESORIENTERING") != std::string::npos);
    CHECK(text.out.find("Side 1 af") != std::string::npos);
    // No temporary files are left beside the output.
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 1);
  }

  TEST_CASE("bad input stops with one clear line and the documented exit code") {
    fs::path dir = bt::scratch_dir("e2e-errors");
    std::string db = bt::quote(sample_db());
    struct Case {
      std::string args;
      int code;
      std::string message;
    };
    std::vector<Case> cases = {
        {"report --db " + bt::quote(dir / "missing.db") + " --period 2026-10", 3, "missing.db: no such file"},
        {"report --db " + db + " --period 2026-13 --as-of 2026-11-02", 2, "--period '2026-13': not a period"},
        {"report --db " + db + " --period 2027-01 --as-of 2026-11-02", 2,
         "period 2027-01 starts after --as-of 2026-11-02"},
        {"report --db " + db + " --period 2020-01 --as-of 2026-11-02", 3, "no data for own channels in 2020-01"},
        {"report --db " + db + " --from 2026-10-31 --to 2026-10-01 --as-of 2026-11-02", 2,
         "--from 2026-10-31 is after --to 2026-10-01"},
        {"report --db " + db + " --period 2026-10 --lang fr", 2, "--lang 'fr': no language file "},
        {"report --db " + db + " --period 2026-10 --tz Mars/Base", 2, "unknown time zone 'Mars/Base'"},
        {"report --period 2026-10", 2, "--db is required"},
        {"report --db " + db + " --period 2026-10 --as-of 2026-11-02 --out " + bt::quote(dir / "no" / "such" / "x.pdf"),
         4, "cannot write"},
        {"frobnicate", 2, "unknown command 'frobnicate'"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.args);
      auto r = bt::run(bt::binary() + " " + c.args);
      CHECK(r.exit_code == c.code);
      CHECK_MESSAGE(r.err.find(c.message) != std::string::npos, r.err);
      CHECK(r.err.rfind("boardbrief: error: ", 0) == 0);
      CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
  }

  TEST_CASE("check reports the contract and the planned gaps, and exit 3 on a broken contract") {
    auto ok = bt::run(bt::binary() + " check --db " + bt::quote(sample_db()));
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.find("contract: ok") != std::string::npos);
    CHECK(ok.out.find("(youtube), impressions: ") != std::string::npos);
    CHECK(ok.out.find(" 2026-10-30..2026-10-31") != std::string::npos);

    fs::path dir = bt::scratch_dir("e2e-check");
    fs::path broken = dir / "broken.db";
    bt::make_db(broken,
                bt::schema_sql() +
                    "INSERT INTO channel VALUES (1, 'x', '@a', 'A', 'own');"
                    "INSERT INTO metric VALUES ('posts', 'Posts', 'sum', 'count', 'none');"
                    "INSERT INTO daily_metric VALUES (1, '2026-02-30', 'posts', 3), (1, '2026-10-01', 'posts', -2);"
                    "INSERT INTO interaction VALUES (1, 1, '2026-10-01T10:00:00Z', 'message', 1, "
                    "'2026-10-01T09:00:00Z', NULL, NULL);");
    auto bad = bt::run(bt::binary() + " check --db " + bt::quote(broken));
    CHECK(bad.exit_code == 3);
    CHECK(
        bad.out.find("table daily_metric: day is not a real day in the form YYYY-MM-DD (1 rows; e.g. channel 1, posts: "
                     "'2026-02-30')") != std::string::npos);
    CHECK(bad.out.find("table daily_metric: value is negative") != std::string::npos);
    CHECK(bad.out.find("table interaction: first_reply_at is before received_at") != std::string::npos);
  }

  TEST_CASE("--help and --version answer on stdout") {
    auto help = bt::run(bt::binary() + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--period") != std::string::npos);
    CHECK(help.out.find("Exit codes") != std::string::npos);
    auto version = bt::run(bt::binary() + " --version");
    CHECK(version.exit_code == 0);
    CHECK(version.out.rfind("boardbrief ", 0) == 0);
  }
}
