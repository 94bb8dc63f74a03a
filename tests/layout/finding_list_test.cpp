#include "layout/finding_list.h"

#include <doctest/doctest.h>

#include <string>

#include "layout/fixed_width_measurer.h"
#include "layout/style.h"

namespace boardbrief::layout {
namespace {

using testing::bounds_of;
using testing::FixedWidthMeasurer;
using testing::recorded;

const FixedWidthMeasurer kMeasurer;  // 10 pt text: 5 pt per code point
constexpr double kLeft = style::kMarginLeft;
constexpr double kWidth = style::kContentWidth;

// A sentence of two lines on page 1 (470 pt of text = 94 code points per line).
FindingItem two_line_finding(int rank) {
  FindingItem f;
  f.rank = rank;
  f.direction = Direction::Up;
  f.tone = Tone::Bad;
  f.sentence =
      "**38%** of customer messages went unanswered in October, up **12 points** from "
      "September. **1,832 customers** are still waiting for a reply.";
  f.why_lead = "Why it matters:";
  f.why_text = "The board's target is at most 15%, and unanswered questions stay visible.";
  return f;
}

TEST_SUITE("layout") {
  TEST_CASE("the rank sits at the content edge on the first baseline, Bold 13 pt ink") {
    RecordingCanvas canvas;
    draw_findings(canvas, kMeasurer, {kLeft, 150}, {two_line_finding(1)}, kWidth);
    const auto runs = recorded<TextRun>(canvas);
    REQUIRE_FALSE(runs.empty());
    CHECK(runs[0].text == "1");
    CHECK(runs[0].at.x == kLeft);
    CHECK(runs[0].at.y == 150 + kFindingFirstBaseline);
    CHECK(runs[0].face == FontFace::Bold);
    CHECK(runs[0].size_pt == 13);
    CHECK(runs[0].color == style::kInk);
    CHECK(runs[1].at.x == kLeft + 29);
    CHECK(runs[1].text == "38%");
    CHECK(runs[1].face == FontFace::Bold);
    CHECK(runs[1].at.y == runs[0].at.y);
  }

  TEST_CASE("markers: tone triangle at +16, hollow circle for a data gap, ink60 when neutral") {
    FindingItem up_bad = two_line_finding(1);
    FindingItem gap = two_line_finding(2);
    gap.data_gap = true;
    FindingItem neutral = two_line_finding(3);
    neutral.direction = Direction::Down;
    neutral.tone = Tone::Neutral;
    RecordingCanvas canvas;
    draw_findings(canvas, kMeasurer, {kLeft, 0}, {up_bad, gap, neutral}, kWidth);
    const auto paths = recorded<Path>(canvas);
    REQUIRE(paths.size() == 2);
    CHECK(paths[0].fill_color == style::kBad);
    CHECK(paths[0].points[0].x == doctest::Approx(kLeft + 16));
    CHECK(paths[0].points[1].x == doctest::Approx(kLeft + 16 + 6.4));
    CHECK(paths[0].points[2].y < paths[0].points[0].y);  // points up
    CHECK(paths[1].fill_color == style::kInk60);
    CHECK(paths[1].points[2].y > paths[1].points[0].y);  // points down
    const auto circles = recorded<Circle>(canvas);
    REQUIRE(circles.size() == 1);
    CHECK(circles[0].radius_pt == doctest::Approx(3));
    CHECK(circles[0].stroke);
    CHECK(circles[0].stroke_color == style::kInk60);
    CHECK(circles[0].center.x == doctest::Approx(kLeft + 16 + 3));
  }

  TEST_CASE("the section variant has no rank, the marker at 0 and the text at +12") {
    RecordingCanvas canvas;
    draw_findings(canvas, kMeasurer, {300, 0}, {two_line_finding(1)}, style::span(6), FindingVariant::Section);
    const auto runs = recorded<TextRun>(canvas);
    CHECK(runs[0].text == "38%");
    CHECK(runs[0].at.x == 312);
    CHECK(recorded<Path>(canvas)[0].points[0].x == doctest::Approx(300));
  }

  TEST_CASE("the why line has an Italic lead-in in ink60 and wraps fully, never cut") {
    FindingItem f = two_line_finding(1);
    f.why_text = std::string(300, 'w');  // one long word: four lines
    const FindingBlock block(kMeasurer, {f}, kWidth);
    const auto& laid = block.findings().at(0);
    REQUIRE(laid.why.size() == 4);
    CHECK(laid.why[0].runs[0].text == "Why it matters:");
    CHECK(laid.why[0].runs[0].face == FontFace::Italic);
    std::string all;
    for (const auto& line : laid.why)
      for (const auto& r : line.runs) all += r.text;
    CHECK(all.find("\u2026") == std::string::npos);
    CHECK(all.find(std::string(300, 'w')) != std::string::npos);
    CHECK(block.height() ==
          doctest::Approx(laid.why_first_baseline + 3 * style::kWhy.leading + 0.25 * style::kWhy.size));
    RecordingCanvas canvas;
    block.draw(canvas, {kLeft, 0});
    for (const auto& r : recorded<TextRun>(canvas)) {
      if (r.size_pt == style::kWhy.size) CHECK(r.color == style::kInk60);
    }
  }

  TEST_CASE("measure and draw agree, and nothing leaves the block") {
    std::vector<FindingItem> items;
    for (int i = 1; i <= 5; ++i) items.push_back(two_line_finding(i));
    items[3].why_text +=
        " It also means the spike was not the only cause of the backlog, and a "
        "longer why line wraps onto a second line here.";
    const double top = 150;
    const double measured = measure_findings(kMeasurer, items, kWidth);
    RecordingCanvas canvas;
    CHECK(draw_findings(canvas, kMeasurer, {kLeft, top}, items, kWidth) == measured);
    for (const auto& p : canvas.items()) {
      const auto b = bounds_of(p, kMeasurer);
      CHECK(b.left >= kLeft);
      CHECK(b.right <= kLeft + kWidth + 1e-9);
      CHECK(b.top >= top);
      CHECK(b.bottom <= top + measured + 1e-9);
    }
  }

  TEST_CASE("five two-line findings fit page 1 as in the mock-up") {
    std::vector<FindingItem> items;
    for (int i = 1; i <= 5; ++i) items.push_back(two_line_finding(i));
    const FindingBlock block(kMeasurer, items, kWidth);
    for (const auto& f : block.findings()) {
      CHECK(f.sentence.size() == 2);
      CHECK(f.why.size() == 1);
    }
    // Per finding: 10 to the first baseline, 13 to the second, 13.75 to the why line, then
    // 0.25 × 8.5 descent; 6.5 between findings. The mock's findings span about 215 pt.
    CHECK(block.height() == doctest::Approx(5 * (10 + 13 + 13.75 + 2.125) + 4 * 6.5));
    CHECK(block.height() < 230);
  }

  TEST_CASE("no findings take no height") { CHECK(measure_findings(kMeasurer, {}, kWidth) == 0); }
}

}  // namespace
}  // namespace boardbrief::layout
