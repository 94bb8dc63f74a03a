// What bench/run.sh relies on, through the real binary: `sample --channels/--days` and the
// per-stage timings that BOARDBRIEF_TIMINGS=1 prints on stderr (and only then).
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {}  // namespace

TEST_SUITE("app") {
  TEST_CASE("sample --channels/--days makes the benchmark's shape, and reports run on it with timings on request") {
    auto dir = bt::scratch_dir("bench-support");
    fs::path db = dir / "scale.db";
    auto r = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --channels 20 --days 400 --interactions 8000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    {
      SQLite::Database d(db.string(), SQLite::OPEN_READONLY);
      CHECK(d.execAndGet("SELECT count(*) FROM channel WHERE owner = 'own'").getInt() == 18);
      CHECK(d.execAndGet("SELECT count(*) FROM channel WHERE owner = 'competitor'").getInt() == 2);
      CHECK(d.execAndGet("SELECT min(day) FROM daily_metric").getString() == "2025-09-27");  // 400 days to 2026-10-31
    }

    const std::string report = bt::binary() + " report --db " + bt::quote(db) +
                               " --period 2026-10 --as-of 2026-11-02 --out " + bt::quote(dir / "b.pdf");
    auto plain = bt::run(report);
    REQUIRE_MESSAGE(plain.exit_code == 0, plain.err);
    CHECK(plain.err.find("timing") == std::string::npos);

    auto timed = bt::run("BOARDBRIEF_TIMINGS=1 " + report);
    REQUIRE_MESSAGE(timed.exit_code == 0, timed.err);
    for (const char* stage : {"timing open ", "timing metrics ", "timing scan ", "timing analysis ", "timing layout ",
                              "timing pdf ", "timing total ", "timing peak_rss "}) {
      CAPTURE(stage);
      CHECK(timed.err.find(stage) != std::string::npos);
    }
    CHECK(timed.out == plain.out);  // stdout untouched
  }

  TEST_CASE("sample rejects a channel or day count out of range with exit code 2") {
    auto dir = bt::scratch_dir("bench-support-usage");
    auto one = bt::run(bt::binary() + " sample --out " + bt::quote(dir / "x.db") + " --channels 1");
    CHECK(one.exit_code == 2);
    CHECK(one.err.find("--channels 1: use 2 to 10000") != std::string::npos);
    auto short_days = bt::run(bt::binary() + " sample --out " + bt::quote(dir / "x.db") + " --days 10");
    CHECK(short_days.exit_code == 2);
    CHECK(short_days.err.find("--days 10: use 60 to 36500") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "x.db"));
  }
}
