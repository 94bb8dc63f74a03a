// A very long organisation name (500 characters) in the title band's kicker, the running header
// and the footer: everything is shortened so that no text box overlaps another, in English and
// Danish, on A4 and Letter in both orientations.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "document/document.h"
#include "layout/chart_fakes.h"
#include "layout/compose.h"
#include "layout/style.h"
#include "layout/text_wrap.h"

namespace bl = boardbrief::layout;
namespace bd = boardbrief::document;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

namespace {

// The box of a run including the kicker's tracking (text_box counts plain glyph widths).
bl::Box tracked_box(const bl::TextMeasurer& m, const bl::TextRun& r) {
  bl::Box b = bl::text_box(m, r);
  std::size_t n = 0;
  for (unsigned char c : r.text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  if (n > 1) b.right += r.tracking_pt * static_cast<double>(n - 1);
  return b;
}

struct Language {
  const char* doc_type;
  const char* running_title;
  const char* confidential;
  const char* generated;
  const char* page;
};

// Runs in the band [top, bottom) of a page whose boxes overlap each other or leave the content width.
void check_band(const bl::TextMeasurer& m, const bl::PageDrawing& page, double top, double bottom, const char* what) {
  std::vector<bl::TextRun> runs;
  for (const auto& r : all_of<bl::TextRun>(page.canvas))
    if (r.at.y >= top && r.at.y < bottom && !r.text.empty()) runs.push_back(r);
  CHECK_MESSAGE(runs.size() >= 2, what);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const bl::Box a = tracked_box(m, runs[i]);
    CHECK_MESSAGE(a.left >= bl::style::kMarginLeft - 0.01, what << ": " << runs[i].text);
    CHECK_MESSAGE(a.right <= page.width_pt - bl::style::kMarginRight + 0.01, what << ": " << runs[i].text);
    for (std::size_t j = i + 1; j < runs.size(); ++j)
      CHECK_MESSAGE(!a.overlaps(tracked_box(m, runs[j])),
                    what << ": '" << runs[i].text << "' overlaps '" << runs[j].text << "'");
  }
}

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("a 500-character organisation name overlaps nothing in the title band, header and footer") {
    HalfEmMeasurer m;
    const std::string org = std::string(250, 'N') + " Ålbæk Energi " + std::string(236, 'x');
    REQUIRE(org.size() >= 500);
    const std::vector<Language> languages = {
        {"BOARD BRIEFING", "· Board briefing", "Confidential · for the board of ", "Generated 2 November 2026, 06:00",
         "Page {n} of {total}"},
        {"BESTYRELSESORIENTERING", "· Bestyrelsesorientering", "Fortroligt · til bestyrelsen for ",
         "Dannet 2. november 2026 kl. 06.00", "Side {n} af {total}"}};
    const std::vector<std::pair<double, double>> sizes = {{595.276, 841.89}, {841.89, 595.276}, {612, 792}, {792, 612}};
    for (const auto& lang : languages) {
      for (const auto& [w, h] : sizes) {
        CAPTURE(lang.doc_type);
        CAPTURE(w);
        bd::Document doc;
        doc.page.width_pt = w;
        doc.page.height_pt = h;
        doc.furniture.header_org = org;
        doc.furniture.header_title = lang.running_title;
        doc.furniture.header_period = "October 2026";
        doc.furniture.footer_left = lang.confidential + org;
        doc.furniture.footer_centre = lang.generated;
        doc.furniture.page_pattern = lang.page;
        bd::TitleBand band;
        band.org_kicker = org;
        band.doc_type = lang.doc_type;
        band.title = "Social media and customer dialogue";
        band.period = "October 2026";
        band.comparison = "compared with September 2026 and October 2025";
        band.scope = "Own channels: " + org;
        doc.blocks.push_back(band);
        doc.blocks.push_back(bd::PageBreak{});
        doc.blocks.push_back(bd::Paragraph{"Body text on page 2."});
        const auto out = bl::compose(doc, m);
        REQUIRE(out.pages.size() >= 2);
        check_band(m, out.pages[0], 0, 120, "title band");
        check_band(m, out.pages[1], 0, 50, "running header");
        for (const auto& p : out.pages) check_band(m, p, h - 40, h + 1, "footer");
        bool shortened = false;
        for (const auto& r : all_of<bl::TextRun>(out.pages[0].canvas))
          shortened = shortened || (r.at.y < 60 && r.text.find("…") != std::string::npos);
        CHECK(shortened);
      }
    }
  }
}  // TEST_SUITE
