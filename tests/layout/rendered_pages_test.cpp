// The composed briefing as a reader sees it (docs/visual-rules.md, "Page 1 notes" and "Pages
// that scale"): the demo and generated 20- and 200-channel companies, in English and Danish,
// rendered by the real binary and read back with pdftotext -bbox. Page 1 keeps its notes and a
// daily chart tall enough to read the ordinary days; no page is left mostly empty except where
// a section ends; the labels of a chart never touch.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>

#include "support/pdf_words.h"
#include "support/test_db.h"

namespace bt = boardbrief::testing;
namespace fs = std::filesystem;

namespace {

constexpr double kPageHeight = 841.89;
constexpr double kChartMin = 60;  // the least plot height of page 1's daily chart (compose.cpp)

using Word = bt::PdfWord;

struct Rendered {
  std::string name;
  int pages = 0;
  std::vector<Word> words;
};

std::vector<Word> read_words(const fs::path& pdf) {
  return bt::pdf_words(bt::run("pdftotext -enc UTF-8 -bbox " + bt::quote(pdf) + " -").out);
}

// `channels` 0: the demo database; else a generated company of that many channels, made as
// `make pages` makes it (so the test reads the pages one looks at). Both languages are rendered
// at once and the database removed (the 200-channel one is large).
const Rendered& render(int channels, const std::string& lang) {
  static std::map<std::string, Rendered> cache;
  const std::string key = std::to_string(channels) + "-" + lang;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  const fs::path dir = bt::scratch_dir("rendered-pages-" + std::to_string(channels));
  const fs::path db = dir / "company.db";
  std::string sample = bt::binary() + " sample --out " + bt::quote(db) + " --force";
  if (channels > 0)
    sample +=
        " --channels " + std::to_string(channels) + " --days 760 --interactions " + std::to_string(channels * 5000);
  auto s = bt::run(sample);
  REQUIRE_MESSAGE(s.exit_code == 0, s.err);
  for (const std::string l : {"en", "da"}) {
    const fs::path pdf = dir / ("board-" + l + ".pdf");
    auto r = bt::run(bt::binary() + " report --db " + bt::quote(db) + " --period 2026-10 --as-of 2026-11-02" +
                     " --org 'Nørre Ålbæk Energi A/S' --lang " + l + " --out " + bt::quote(pdf) + " --quiet");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Rendered out;
    out.name = (channels > 0 ? std::to_string(channels) + " channels " : std::string("demo ")) + l;
    out.words = read_words(pdf);
    for (const Word& w : out.words) out.pages = std::max(out.pages, w.page);
    cache[std::to_string(channels) + "-" + l] = out;
  }
  fs::remove(db);
  return cache[key];
}

std::vector<Word> on_page(const Rendered& r, int page) {
  std::vector<Word> out;
  for (const Word& w : r.words)
    if (w.page == page) out.push_back(w);
  return out;
}

bool is_number(const std::string& s) { return std::regex_match(s, std::regex("[0-9][0-9.,\u00A0]*")); }

// The plot height of page 1's daily chart: from the top tick label's centre to the "0" label's,
// the tick labels being the numbers left of the plot under the chart's title.
double page1_chart_height(const Rendered& r, const std::string& title_word) {
  const auto words = on_page(r, 1);
  double title_y = -1;
  for (const Word& w : words)
    if (w.text == title_word && w.y0 > 400) title_y = w.y1;
  REQUIRE_MESSAGE(title_y > 0, r.name << ": no daily chart on page 1");
  double top = 1e9, zero = -1;
  for (const Word& w : words) {
    if (w.y0 < title_y || w.x1 > 48 + 40 || !is_number(w.text)) continue;
    const double centre = (w.y0 + w.y1) / 2;
    if (w.text == "0") zero = std::max(zero, centre);
    top = std::min(top, centre);
  }
  REQUIRE_MESSAGE(zero > 0, r.name << ": no zero tick on page 1's chart");
  return zero - top;
}

// The first text line of a page under the running header: a section opening starts with its
// kicker in capitals ("2 · CUSTOMER DIALOGUE", "APPENDIX", "BILAG").
bool opens_section(const Rendered& r, int page) {
  const Word* first = nullptr;
  for (const Word& w : r.words)
    if (w.page == page && w.y0 > 55 && (!first || w.y0 < first->y0 - 1 || (w.y0 < first->y0 + 1 && w.x0 < first->x0)))
      first = &w;
  if (!first) return false;
  static const std::regex kicker("[0-9]+|[A-ZÆØÅ]{2,}");
  return std::regex_match(first->text, kicker);
}

// Share of the page's content area (below the header, above the footer) down to its lowest word.
double fill(const Rendered& r, int page) {
  const double top = page == 1 ? 126 : 62, bottom = kPageHeight - 50;
  double lowest = top;
  for (const Word& w : on_page(r, page))
    if (w.y0 > 55 && w.y1 < kPageHeight - 36) lowest = std::max(lowest, w.y1);
  return (lowest - top) / (bottom - top);
}

constexpr double kWordSpace = 3;       // at most this between the words of one label (7 pt text)
constexpr double kLabelClearance = 5;  // at least this between two labels on one line

// The words joined into labels: neighbours on one baseline at most a word space apart.
std::vector<Word> phrases(std::vector<Word> words) {
  std::sort(words.begin(), words.end(),
            [](const Word& a, const Word& b) { return std::abs(a.y0 - b.y0) > 0.5 ? a.y0 < b.y0 : a.x0 < b.x0; });
  std::vector<Word> out;
  for (const Word& w : words) {
    if (!out.empty() && std::abs(out.back().y0 - w.y0) <= 0.5 && w.x0 - out.back().x1 <= kWordSpace) {
      out.back().x1 = std::max(out.back().x1, w.x1);
      out.back().text += " " + w.text;
    } else {
      out.push_back(w);
    }
  }
  return out;
}

// The page and top of the dialogue section's response-time chart title ("Median reply time, …").
std::pair<int, double> response_chart(const Rendered& r, const std::string& lang) {
  const std::string second = lang == "da" ? "svartid," : "reply";
  for (const Word& w : r.words)
    if (w.page > 1 && w.text == "Median" && w.x0 < 60)
      for (const Word& v : r.words)
        if (v.page == w.page && v.text == second && std::abs(v.y0 - w.y0) < 1) return {w.page, w.y0};
  return {0, 0};
}

struct Case {
  int channels;
  const char* lang;
};
const Case kCases[] = {{0, "en"}, {0, "da"}, {20, "en"}, {20, "da"}, {200, "en"}, {200, "da"}};

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("page 1 keeps its notes and a daily chart at least 60 pt tall, demo and 20/200 channels, en and da") {
    for (const Case& c : kCases) {
      const Rendered& r = render(c.channels, c.lang);
      CAPTURE(r.name);
      const bool da = std::string(c.lang) == "da";
      bool notes = false, provisional = false;
      for (const Word& w : on_page(r, 1)) {
        notes = notes || w.text == (da ? "Noter" : "Notes");
        provisional = provisional || w.text == (da ? "Foreløbig:" : "Provisional:");
      }
      CHECK_MESSAGE(notes, r.name << ": page 1 has no notes row");
      CHECK_MESSAGE(provisional, r.name << ": page 1 does not explain the provisional tag");
      const double h = page1_chart_height(r, da ? "dag" : "day");
      MESSAGE(r.name << ": page-1 chart " << h << " pt");
      CHECK(h >= kChartMin - 0.5);
    }
  }

  TEST_CASE("no page is less than half full unless a section ends on it, demo and 20/200 channels, en and da") {
    for (const Case& c : kCases) {
      const Rendered& r = render(c.channels, c.lang);
      for (int p = 1; p <= r.pages; ++p) {
        const bool section_ends = p == r.pages || opens_section(r, p + 1);
        CAPTURE(r.name);
        CAPTURE(p);
        if (!section_ends) CHECK(fill(r, p) >= 0.5);
      }
    }
  }

  TEST_CASE("the dialogue section keeps its response-time chart and what stands out on its page") {
    for (const Case& c : kCases) {
      const Rendered& r = render(c.channels, c.lang);
      CAPTURE(r.name);
      int kicker = 0;
      for (const Word& w : r.words)
        if (w.page > 1 && w.text == "2" && w.x0 < 50 && w.y0 > 60 && w.y0 < 76 && !kicker) kicker = w.page;
      REQUIRE(kicker > 0);
      CHECK(response_chart(r, c.lang).first == kicker);
    }
  }

  TEST_CASE("no two labels of the dialogue section's response-time chart touch, demo and 20/200 channels") {
    // The chart beside "What stands out": its tick, month, end and target labels.
    for (const Case& c : kCases) {
      const Rendered& r = render(c.channels, c.lang);
      CAPTURE(r.name);
      const auto [page, top] = response_chart(r, c.lang);
      double right = 0;
      REQUIRE_MESSAGE(page > 0, "no response-time chart");
      for (const Word& w : r.words)  // the list beside the chart starts where its title does
        if (w.page == page && std::abs(w.y0 - top) < 2 && w.x0 > 200 && (right == 0 || w.x0 < right)) right = w.x0;
      std::vector<Word> chart;
      for (const Word& w : on_page(r, page))
        if (w.y0 > top + 20 && w.y0 < top + 200 && w.x1 < (right > 0 ? right : 300)) chart.push_back(w);
      REQUIRE(chart.size() > 6);
      // Words a word space apart on one baseline are one label ("target ≤ 2 h"); two labels
      // side by side keep more than a word space between them, so they never read as one.
      const auto labels = phrases(chart);
      for (std::size_t a = 0; a < labels.size(); ++a)
        for (std::size_t b = a + 1; b < labels.size(); ++b) {
          const Word &u = labels[a], &v = labels[b];
          // (pdftotext's boxes are a line high, so labels on neighbouring lines may share 1 pt.)
          const bool apart =
              u.x1 + kLabelClearance <= v.x0 || v.x1 + kLabelClearance <= u.x0 || u.y1 <= v.y0 + 1 || v.y1 <= u.y0 + 1;
          CHECK_MESSAGE(apart, "'" << u.text << "' touches '" << v.text << "'");
        }
    }
  }
}
