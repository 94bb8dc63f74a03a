// A database with channels and daily metrics but not a single interaction: the dialogue tiles
// say the message data are missing (not "0 · ±0"), no chart plots zeros and no axis ticks
// beyond 0 and 1, in both languages.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

// Channel 1 posts every day of September and October 2026; the interaction table stays empty.
fs::path no_interaction_db() {
  fs::path db = bt::scratch_dir("no-interactions") / "quiet.db";
  std::string sql = bt::schema_sql() +
                    "INSERT INTO channel VALUES (1, 'facebook', '@quiet', 'Quiet Page', 'own');"
                    "INSERT INTO metric VALUES ('posts', 'Posts', 'sum', 'count', 'none');";
  for (int month : {9, 10})
    for (int day = 1; day <= (month == 9 ? 30 : 31); ++day)
      sql += "INSERT INTO daily_metric VALUES (1, '2026-" + std::to_string(month) + (day < 10 ? "-0" : "-") +
             std::to_string(day) + "', 'posts', 2);";
  for (std::size_t i = sql.find("2026-9-"); i != std::string::npos; i = sql.find("2026-9-"))
    sql.replace(i, 7, "2026-09-");
  bt::make_db(db, sql);
  return db;
}

}  // namespace

TEST_SUITE("document") {
  TEST_CASE("no interactions at all: the dialogue tile says no data and count axes tick 0 and 1") {
    const fs::path db = no_interaction_db();
    for (const std::string lang : {"en", "da"}) {
      const fs::path pdf = db.parent_path() / ("quiet-" + lang + ".pdf");
      auto r = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02 --lang " +
                       lang + " --out " + bt::quote(pdf));
      REQUIRE_MESSAGE(r.exit_code == 0, r.err);
      auto page1 = bt::run("pdftotext -f 1 -l 1 -layout " + bt::quote(pdf) + " -");
      REQUIRE(page1.exit_code == 0);
      CHECK(page1.out.find(lang == "en" ? "Message data are missing" : "Beskeddata mangler") != std::string::npos);
      // The needs-reply tile no longer claims a quiet month ("0" with "±0 vs Sep").
      CHECK(page1.out.find("\u00B10") == std::string::npos);
      // Axis labels of the daily chart (page 1) and the combo chart (page 2): each count once.
      for (int page : {1, 2}) {
        auto text = bt::run("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " -raw " +
                            bt::quote(pdf) + " -");
        CHECK(text.out.find("\n2\n") == std::string::npos);
        CHECK(text.out.find("0.2") == std::string::npos);
        CHECK(text.out.find("0,2") == std::string::npos);
      }
    }
  }
}
