#include "layout/chart_title.h"

#include <doctest/doctest.h>

#include "layout/chart_fakes.h"
#include "layout/style.h"

namespace bl = boardbrief::layout;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

TEST_SUITE("layout") {
  TEST_CASE("the key is right-aligned on the title line and the subtitle follows the title") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    bl::ChartTitle t{"Messages needing a reply, per day",
                     "October 2026",
                     true,
                     {{bl::KeyEntry::Kind::Swatch, bl::style::kBadFill, "negative", 0.7, {}},
                      {bl::KeyEntry::Kind::Line, bl::style::kInk60, "September average", 0.7, {2, 2}}}};
    const double h = bl::draw_chart_title(canvas, m, t, {48, 100}, 499.28);
    CHECK(h == doctest::Approx(11));
    const auto runs = all_of<bl::TextRun>(canvas);
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].face == bl::FontFace::Bold);
    CHECK(runs[0].size_pt == 9);
    CHECK(runs[1].at.y == runs[0].at.y);  // inline subtitle
    const auto& last = runs.back();
    CHECK(last.at.x + m.width(last.face, last.size_pt, last.text) == doctest::Approx(48 + 499.28));
    CHECK(last.at.y == runs[0].at.y);
    const auto swatches = all_of<bl::Rect>(canvas);
    REQUIRE(swatches.size() == 1);
    CHECK(swatches[0].w == 6.5);
    bool sample = false;
    for (const auto& p : all_of<bl::Path>(canvas)) {
      sample = sample || (p.points[1].x - p.points[0].x == doctest::Approx(11) && !p.dash.empty());
    }
    CHECK(sample);
  }

  TEST_CASE("a subtitle that would run into the key moves below the title") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    bl::ChartTitle t{"First response time",
                     "Hours per month; answered messages only",
                     true,
                     {{bl::KeyEntry::Kind::Swatch, bl::style::kInk80, "a long key entry here", 0.7, {}}}};
    const double h = bl::draw_chart_title(canvas, m, t, {0, 0}, 243.6);
    CHECK(h == doctest::Approx(21));
    CHECK(bl::testing::overlapping_runs(m, canvas).empty());
  }

}  // TEST_SUITE
