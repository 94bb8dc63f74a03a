// Pages that scale and charts a board can read (docs/visual-rules.md): the board briefing of
// generated 20- and 200-channel companies, end to end with the real binary, read back with
// pdfinfo and pdftotext (-layout for rows, -bbox for word boxes). Also the Danish wording check
// (docs/glossary.md): no English leftovers and no capitalised month after a comma or separator.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/pdf_words.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

struct Rendered {
  fs::path pdf;
  int pages = 0;
  std::string layout;  // pdftotext -layout
  std::string bbox;    // pdftotext -bbox
};

// A company of `channels` channels (one in ten a competitor), its October 2026 board briefing.
Rendered render(int channels, const std::string& lang) {
  static std::map<std::string, Rendered> cache;
  const std::string key = std::to_string(channels) + lang;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  const fs::path dir = bt::scratch_dir("scaling-" + std::to_string(channels));
  const fs::path db = dir / "company.db";
  if (!fs::exists(db)) {
    auto s = bt::run(bt::binary() + " sample --out " + bt::quote(db) + " --channels " + std::to_string(channels) +
                     " --days 430 --interactions " + std::to_string(channels * 300) + " --force");
    REQUIRE_MESSAGE(s.exit_code == 0, s.err);
  }
  Rendered r;
  r.pdf = dir / ("board-" + lang + ".pdf");
  auto rep = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02" +
                     " --org 'Nørre Ålbæk Energi A/S' --lang " + lang + " --out " + bt::quote(r.pdf));
  REQUIRE_MESSAGE(rep.exit_code == 0, rep.err);
  auto info = bt::run("pdfinfo " + bt::quote(r.pdf));
  std::smatch m;
  REQUIRE(std::regex_search(info.out, m, std::regex("Pages: +([0-9]+)")));
  r.pages = std::stoi(m[1]);
  r.layout = bt::run("pdftotext -enc UTF-8 -layout " + bt::quote(r.pdf) + " -").out;
  r.bbox = bt::run("pdftotext -enc UTF-8 -bbox " + bt::quote(r.pdf) + " -").out;
  return cache[key] = r;
}

using Word = bt::PdfWord;

// The first cell of every body row of the per-channel tables: lines that open with a platform
// name or the folded "Other"/"Øvrige" row, up to the run of spaces before the first number.
std::vector<std::vector<std::string>> table_labels(const std::string& layout) {
  std::vector<std::vector<std::string>> tables;
  std::vector<std::string> current;
  std::regex row(
      R"re(^ {0,4}((?:Facebook|Instagram|LinkedIn|X|YouTube|TikTok|Other|Øvrige)\S*(?: \S+)*?)  +[−+0-9])re");
  std::istringstream in(layout);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, row)) {
      current.push_back(m[1]);
    } else if (!current.empty()) {
      tables.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) tables.push_back(current);
  return tables;
}

}  // namespace

TEST_SUITE("document") {
  TEST_CASE(
      "a 20-channel company's board briefing fits 8 pages, a 200-channel one 10, with the rest folded into one row") {
    for (const std::string lang : {"en", "da"}) {
      CAPTURE(lang);
      const auto r20 = render(20, lang);
      const auto r200 = render(200, lang);
      CHECK(r20.pages <= 8);
      CHECK(r200.pages <= 10);
      // Nothing cut: the channels beyond the largest are one counted row, not dropped.
      const std::string other = lang == "en" ? "Other (12 channels)" : "Øvrige (12 kanaler)";
      CHECK(r20.layout.find(other) != std::string::npos);
      CHECK(r200.layout.find(lang == "en" ? "Other (174 channels)" : "Øvrige (174 kanaler)") != std::string::npos);
      // Every channel is named in full in appendix E.
      for (const char* handle : {"norrealbaek17", "@norrealbaek29", "vindkraftdanmark7"})
        CHECK(r200.layout.find(handle) != std::string::npos);
    }
  }

  TEST_CASE("no two rows of a per-channel table share a label, at 20 and 200 channels") {
    for (int channels : {20, 200}) {
      const auto r = render(channels, "en");
      const auto tables = table_labels(r.layout);
      CHECK(tables.size() >= 4);  // dialogue, audience, engagement, sentiment (and share of voice)
      for (const auto& labels : tables) {
        std::set<std::string> seen;
        for (const auto& l : labels) CHECK_MESSAGE(seen.insert(l).second, channels << " channels: '" << l << "' twice");
      }
    }
  }

  TEST_CASE("every word of the 20- and 200-channel briefings lies inside the page margins") {
    // A4 portrait: 48 pt left and right, 40 pt top and bottom; the footer sits in the bottom
    // margin by design (its baseline 26 pt above the page edge), so the check there is 16 pt.
    for (int channels : {20, 200}) {
      for (const std::string lang : {"en", "da"}) {
        for (const auto& w : bt::pdf_words(render(channels, lang).bbox)) {
          CAPTURE(channels);
          CAPTURE(lang);
          CAPTURE(w.page);
          CAPTURE(w.text);
          CHECK(w.x0 >= 48 - 0.5);
          CHECK(w.x1 <= 595.276 - 48 + 0.5);
          CHECK(w.y0 >= 30);
          CHECK(w.y1 <= 841.89 - 16);
        }
      }
    }
  }

  TEST_CASE("chart axes carry round labels in one unit: no '.0 k', no '.0 M', no 'tus.'") {
    for (const std::string lang : {"en", "da"}) {
      const auto& text = render(200, lang).layout;
      CHECK(text.find(".0\u00A0k") == std::string::npos);
      CHECK(text.find(".0\u00A0M") == std::string::npos);
      CHECK(text.find(",0\u00A0mio.") == std::string::npos);
      CHECK(text.find("tus.") == std::string::npos);
    }
  }

  TEST_CASE("the Danish briefing has no English leftovers and no capitalised month after a comma or separator") {
    for (int channels : {20, 200}) {
      const auto& text = render(channels, "da").layout;
      for (const char* english : {"Share of voice",
                                  "share of voice",
                                  "SHARE OF VOICE",
                                  "briefing",
                                  "Genereret",
                                  "tider i Europe/",
                                  "i Europe/Copenhagen",
                                  "tus.",
                                  "Engagement",
                                  "engagement",
                                  "Nettosentiment",
                                  "nettosentiment",
                                  "Søjle",
                                  "henvendelse",
                                  "Other (",
                                  "tick",
                                  "target",
                                  "1 kanaler",
                                  "Måletal",
                                  "kl. 00.00"})
        CHECK_MESSAGE(text.find(english) == std::string::npos,
                      channels << " channels: '" << std::string(english) << "'");
      static const std::regex capital_month(
          "(,|·|\\|)\\s+(Januar|Februar|Marts|April|Maj|Juni|Juli|August|September|Oktober|November|December|"
          "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Okt\\.|Nov\\.|Dec\\.)");
      std::smatch m;
      CHECK_MESSAGE(!std::regex_search(text, m, capital_month), m.str());
      // Axis month labels are lower case ("okt.", "jan."), as the language file writes them.
      static const std::regex capital_axis("(^|\\s)(Okt|Jan|Apr|Jul)\\.(\\s|$)");
      CHECK_MESSAGE(!std::regex_search(text, m, capital_axis), m.str());
    }
  }
}
