// A period whose data stop before it ends (data_quality.partial): page 1's KPI tiles show their
// values marked "partial" and no change against last month or last year, in both languages;
// the same database with complete data does show those changes (so the check can fail).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <string>

#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// Occurrences of a tile's comparison ("vs Sep" / "ift. sep."), not of the heading note's
// "vs September 2026" / "ift. september 2026".
int tile_comparisons(const std::string& text, const std::string& lang) {
  const std::string needle = lang == "en" ? "vs Sep" : "ift. sep.";
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    n += lang == "da" || at + needle.size() >= text.size() || text[at + needle.size()] != 't';
  return n;
}

std::string page1(const fs::path& db, const fs::path& pdf, const std::string& lang) {
  auto r = bt::run(bt::binary() + " report --db " + q(db) +
                   " --period 2026-10 --as-of 2026-11-02 --template board --lang " + lang + " --out " + q(pdf));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto text = bt::run("pdftotext -enc UTF-8 -f 1 -l 1 -layout " + q(pdf) + " -");
  REQUIRE(text.exit_code == 0);
  return text.out;
}

// Every page of the board briefing as plain text.
std::string all_pages(const fs::path& db, const fs::path& pdf, const std::string& lang) {
  auto r = bt::run(bt::binary() + " report --db " + q(db) +
                   " --period 2026-10 --as-of 2026-11-02 --template board --lang " + lang + " --out " + q(pdf));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto text = bt::run("pdftotext -enc UTF-8 " + q(pdf) + " -");
  REQUIRE(text.exit_code == 0);
  return text.out;
}

int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("document") {
  TEST_CASE("a partial period: tiles show the value marked partial and no change vs last month or year") {
    const fs::path dir = bt::scratch_dir("partial-period");
    const fs::path full = dir / "full.db", cut = dir / "cut.db";
    auto r = bt::run(bt::binary() + " sample --out " + q(full) + " --interactions 5000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    fs::copy_file(full, cut);
    {
      SQLite::Database db(cut.string(), SQLite::OPEN_READWRITE);
      db.exec(
          "DELETE FROM daily_metric WHERE day > '2026-10-20'; "
          "DELETE FROM interaction WHERE received_at >= '2026-10-20T22:00:00Z'");
    }
    for (const std::string lang : {"en", "da"}) {
      CAPTURE(lang);
      const std::string complete = page1(full, dir / ("full-" + lang + ".pdf"), lang);
      CHECK(tile_comparisons(complete, lang) >= 3);  // the tiles compare when the period is complete
      CHECK(complete.find(lang == "en" ? "partial period" : "delvis periode") == std::string::npos);

      const std::string partial = page1(cut, dir / ("cut-" + lang + ".pdf"), lang);
      CHECK(partial.find(lang == "en" ? "The data end on" : "Data slutter") != std::string::npos);
      CHECK(partial.find(lang == "en" ? "partial period: no change shown" : "delvis periode: ingen ændring vist") !=
            std::string::npos);
      CHECK(tile_comparisons(partial, lang) == 0);
      CHECK(partial.find(lang == "en" ? "vs Oct 2025" : "ift. okt. 2025") == std::string::npos);
    }
  }

  TEST_CASE("a partial period: no page claims a change against last month, in headlines, tables or notes") {
    const fs::path dir = bt::scratch_dir("partial-period-pages");
    const fs::path full = dir / "full.db", cut = dir / "cut.db";
    auto r = bt::run(bt::binary() + " sample --out " + q(full) + " --interactions 5000");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    fs::copy_file(full, cut);
    {
      SQLite::Database db(cut.string(), SQLite::OPEN_READWRITE);
      db.exec(
          "DELETE FROM daily_metric WHERE day > '2026-10-20'; "
          "DELETE FROM interaction WHERE received_at >= '2026-10-20T22:00:00Z'");
    }
    for (const std::string lang : {"en", "da"}) {
      CAPTURE(lang);
      const bool en = lang == "en";
      const std::string vs = en ? "vs Sep" : "ift. sep";  // tiles, headlines, column headers, subtitles
      // Not the method notes' "Changes are compared with the previous period" (appendix C).
      const std::string compared = en ? "compared with September" : "sammenlignet med september";

      // The complete period compares on page 1 and in the later sections (the check can fail).
      const std::string complete = all_pages(full, dir / ("full-" + lang + ".pdf"), lang);
      CHECK(count(complete, vs) >= 8);
      CHECK(count(complete, compared) >= 3);
      CHECK(complete.find(en ? "followers, +" : "ved udgangen af oktober,") != std::string::npos);
      CHECK(complete.find(en ? "Partial period" : "Delvis periode") == std::string::npos);

      const std::string partial = all_pages(cut, dir / ("cut-" + lang + ".pdf"), lang);
      CHECK(count(partial, vs) == 0);
      CHECK(count(partial, compared) == 0);
      CHECK(partial.find(en ? "changes are not shown" : "ændringer vises ikke") != std::string::npos);
      // The section headlines keep the value, without a change.
      CHECK(partial.find(en ? "Own channels had " : "De egne kanaler havde ") != std::string::npos);
      CHECK(partial.find(en ? "engagements on own channels in the part of"
                            : "interaktioner på de egne kanaler i den del af") != std::string::npos);
      // The dialogue, audience, engagement and share-of-voice tables say why their change columns are gone.
      CHECK(count(partial, en ? "Partial period: the data end before" : "Delvis periode: data slutter før") >= 4);
    }
  }
}
