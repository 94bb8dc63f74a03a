// Page composition on the recording canvas: the appendix's closing provenance block never ends
// the document alone on a page (a widow) when the page before can give it company.
#include <doctest/doctest.h>

#include <string>

#include "document/document.h"
#include "layout/chart_fakes.h"
#include "layout/compose.h"

namespace bl = boardbrief::layout;
namespace bd = boardbrief::document;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

namespace {

// Cover page, then an audit list of `entries` one-line entries, a short channels section and
// the provenance under its own heading, as the appendix ends.
bd::Document appendix_of(int entries) {
  bd::Document doc;
  doc.blocks.push_back(bd::PageBreak{});
  doc.blocks.push_back(bd::SectionHeading{"D · All findings", "", ""});
  for (int k = 0; k < entries; ++k) doc.blocks.push_back(bd::Paragraph{"Entry " + std::to_string(k), false, k > 0});
  doc.blocks.push_back(bd::SectionHeading{"E · Channels", "", ""});
  for (int k = 0; k < 3; ++k) doc.blocks.push_back(bd::Paragraph{"Channel " + std::to_string(k), true, k > 0});
  doc.blocks.push_back(bd::SectionHeading{"F · Provenance", "", ""});
  bd::Provenance p;
  p.in_flow = true;
  for (int k = 0; k < 6; ++k) p.rows.push_back({"Row" + std::to_string(k), "value " + std::to_string(k)});
  doc.blocks.push_back(p);
  return doc;
}

bool holds(const bl::PageDrawing& page, const std::string& prefix) {
  for (const auto& r : all_of<bl::TextRun>(page.canvas))
    if (r.text.rfind(prefix, 0) == 0) return true;
  return false;
}

}  // namespace

TEST_CASE("the closing provenance never stands alone on the last page, whatever the list length") {
  HalfEmMeasurer m;
  int three_page_docs = 0;
  for (int entries = 20; entries < 80; ++entries) {
    const auto doc = appendix_of(entries);
    const auto out = bl::compose(doc, m);
    if (out.pages.size() != 3) continue;  // the appendix on one page, or more than two
    ++three_page_docs;
    const auto& last = out.pages.back();
    REQUIRE(holds(last, "F · Provenance"));
    const bool has_company = holds(last, "Entry ") || holds(last, "Channel ") || holds(last, "E · Channels");
    CHECK_MESSAGE(has_company, entries << " entries: the provenance is alone on the last page");
    // Whatever moved, a heading is never the last thing on the page before.
    const auto runs = all_of<bl::TextRun>(out.pages[1].canvas);
    std::string last_text;
    double lowest = 0;
    for (const auto& r : runs)
      if (r.at.y > lowest && r.at.y < out.pages[1].height_pt - 50) lowest = r.at.y, last_text = r.text;
    CHECK_MESSAGE(last_text.find(" · ") == std::string::npos, entries << " entries: page 2 ends in a heading");
  }
  CHECK(three_page_docs > 10);
}

TEST_CASE("columns stand side by side on a landscape page and follow one another on a portrait one") {
  HalfEmMeasurer m;
  bd::Document doc;
  doc.blocks.push_back(bd::Columns{bd::Columns::Mark::Begin});
  doc.blocks.push_back(bd::Paragraph{"Left text", false, false});
  doc.blocks.push_back(bd::Columns{bd::Columns::Mark::Next});
  doc.blocks.push_back(bd::Paragraph{"Right text", false, false});
  doc.blocks.push_back(bd::Columns{bd::Columns::Mark::End});
  doc.blocks.push_back(bd::Paragraph{"Below", false, false});
  auto find = [](const bl::PageDrawing& page, const std::string& text) {
    for (const auto& r : all_of<bl::TextRun>(page.canvas))
      if (r.text == text) return r.at;
    FAIL("no run " << text);
    return bl::Point{};
  };
  SUBCASE("landscape") {
    std::swap(doc.page.width_pt, doc.page.height_pt);
    const auto out = bl::compose(doc, m);
    REQUIRE(out.pages.size() == 1);
    const auto left = find(out.pages[0], "Left text"), right = find(out.pages[0], "Right text");
    const auto below = find(out.pages[0], "Below");
    CHECK(right.y == doctest::Approx(left.y));
    CHECK(right.x > left.x + 300);
    CHECK(below.x == doctest::Approx(left.x));
    CHECK(below.y > left.y);
  }
  SUBCASE("portrait") {
    const auto out = bl::compose(doc, m);
    const auto left = find(out.pages[0], "Left text"), right = find(out.pages[0], "Right text");
    CHECK(right.x == doctest::Approx(left.x));
    CHECK(right.y > left.y);
  }
  SUBCASE("landscape, a right block too tall for the page follows the columns at full width") {
    std::swap(doc.page.width_pt, doc.page.height_pt);
    std::string tall;
    for (int k = 0; k < 400; ++k) tall += "word ";
    doc.blocks[3] = bd::Paragraph{tall, false, false};
    const auto out = bl::compose(doc, m);
    REQUIRE(out.pages.size() >= 2);
    for (const auto& page : out.pages)
      for (const auto& r : all_of<bl::TextRun>(page.canvas))
        CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= page.width_pt - 48 + 0.01);
    CHECK(find(out.pages.back(), "Below").y > 0);
  }
}

TEST_CASE("a heading note too long for its column wraps under the rule instead of being cut off") {
  HalfEmMeasurer m;
  bd::Document doc;
  std::swap(doc.page.width_pt, doc.page.height_pt);
  const std::string note = "Change vs September 2026 and vs October 2025; lines show the last 13 months";
  doc.blocks.push_back(bd::Columns{bd::Columns::Mark::Begin});
  doc.blocks.push_back(bd::Paragraph{"Left text", false, false});
  doc.blocks.push_back(bd::Columns{bd::Columns::Mark::Next});
  doc.blocks.push_back(bd::SectionHeading{"Key figures", note, ""});
  doc.blocks.push_back(bd::Paragraph{"Right text", false, false});
  doc.blocks.push_back(bd::Columns{bd::Columns::Mark::End});
  const auto out = bl::compose(doc, m);
  REQUIRE(out.pages.size() == 1);
  std::string shown;
  double note_y = 0, body_y = 0, heading_y = 0;
  for (const auto& r : all_of<bl::TextRun>(out.pages[0].canvas)) {
    CHECK(r.text.find("…") == std::string::npos);
    CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= out.pages[0].width_pt - 48 + 0.01);
    if (note.find(r.text) != std::string::npos && r.text.size() > 3)
      shown += (shown.empty() ? "" : " ") + r.text, note_y = r.at.y;
    if (r.text == "Right text") body_y = r.at.y;
    if (r.text == "Key figures") heading_y = r.at.y;
  }
  CHECK(shown == note);
  CHECK(note_y > heading_y);
  CHECK(body_y > note_y);
}
