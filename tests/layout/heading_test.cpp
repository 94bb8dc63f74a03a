#include "layout/heading.h"

#include <doctest/doctest.h>

#include "layout/fixed_width_measurer.h"
#include "layout/style.h"

namespace boardbrief::layout {
namespace {

using testing::FixedWidthMeasurer;
using testing::recorded;

const FixedWidthMeasurer kMeasurer;

TEST_SUITE("layout") {
  TEST_CASE("a section heading has its rule 5 pt below the baseline and the note right-aligned") {
    RecordingCanvas canvas;
    const double rule_y = draw_section_heading(canvas, kMeasurer, {48, 135}, 499.28, "What the board should know",
                                               "Ranked by importance");
    CHECK(rule_y == 140);
    const auto runs = recorded<TextRun>(canvas);
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].size_pt == 12.5);
    CHECK(runs[0].face == FontFace::Bold);
    CHECK(runs[1].color == style::kInk60);
    CHECK(runs[1].size_pt == 8);
    CHECK(runs[1].at.y == 135);
    CHECK(runs[1].at.x + kMeasurer.width(runs[1].face, 8, runs[1].text) == doctest::Approx(48 + 499.28));
    const auto rule = recorded<Path>(canvas).at(0);
    CHECK(rule.line_width_pt == doctest::Approx(0.75));
    CHECK(rule.stroke_color == style::kInk);
    CHECK(rule.points[1].x == doctest::Approx(48 + 499.28));
  }

  TEST_CASE("a note that would collide with the title is shortened") {
    RecordingCanvas canvas;
    // Title 20 code points × 6.25 = 125 pt; 200 - 125 - 12 = 63 pt for the note (15 code points).
    draw_section_heading(canvas, kMeasurer, {0, 20}, 200, "Nøgletal i oktober 2",
                         "Ændring ift. september 2026 og oktober 2025");
    const auto runs = recorded<TextRun>(canvas);
    REQUIRE(runs.size() == 2);
    CHECK(runs[1].text == "Ændring ift. s\u2026");
    CHECK(runs[1].at.x >= 125 + 12);
  }

  TEST_CASE("a kicker carries the tracking and its width leaves out the last character's") {
    RecordingCanvas canvas;
    draw_kicker(canvas, {48, 51}, "NORDLYS", style::kAccent);
    const auto run = recorded<TextRun>(canvas).at(0);
    CHECK(run.tracking_pt == doctest::Approx(0.9));
    CHECK(run.size_pt == 7.5);
    CHECK(run.face == FontFace::Bold);
    CHECK(kicker_width(kMeasurer, "NORDLYS") == doctest::Approx(7 * 3.75 + 6 * 0.9));
    CHECK(kicker_width(kMeasurer, "BESTYRELSESORIENTERING") > kicker_width(kMeasurer, "BOARD"));
  }
}

}  // namespace
}  // namespace boardbrief::layout
