#include "layout/markers.h"

#include <doctest/doctest.h>

#include <cmath>

#include "layout/fixed_width_measurer.h"
#include "layout/style.h"

namespace boardbrief::layout {
namespace {

using testing::recorded;

TEST_SUITE("layout") {
  TEST_CASE("an up triangle has its apex above its centre and the given width") {
    RecordingCanvas canvas;
    draw_triangle(canvas, {10, 20}, 6.4, true, style::kGood);
    const auto paths = recorded<Path>(canvas);
    REQUIRE(paths.size() == 1);
    const Path& p = paths[0];
    CHECK(p.closed);
    CHECK(p.fill);
    CHECK_FALSE(p.stroke);
    CHECK(p.fill_color == style::kGood);
    CHECK(p.points[1].x - p.points[0].x == doctest::Approx(6.4));
    CHECK(p.points[2].y < 20);
    CHECK(p.points[0].y - p.points[2].y == doctest::Approx(6.4 * std::sqrt(3.0) / 2));
  }

  TEST_CASE("a flat change is a dash and no comparison draws nothing") {
    RecordingCanvas canvas;
    draw_direction_mark(canvas, {10, 20}, 5.2, Direction::Flat, style::kInk60);
    draw_direction_mark(canvas, {10, 20}, 5.2, Direction::None, style::kInk60);
    REQUIRE(canvas.items().size() == 1);
    const auto rects = recorded<Rect>(canvas);
    REQUIRE(rects.size() == 1);
    CHECK(rects[0].w == doctest::Approx(5.2));
    CHECK(rects[0].x == doctest::Approx(7.4));
  }

  TEST_CASE("tones map to the good, bad and ink60 colours") {
    CHECK(tone_color(Tone::Good) == style::kGood);
    CHECK(tone_color(Tone::Bad) == style::kBad);
    CHECK(tone_color(Tone::Neutral) == style::kInk60);
  }

  TEST_CASE("platform swatches use the fixed platform colours and others get ink60") {
    CHECK(style::platform_color("facebook") == hex("#0072B2"));
    CHECK(style::platform_color("TikTok") == hex("#E69F00"));
    CHECK(style::platform_color("mastodon") == style::kInk60);
    RecordingCanvas canvas;
    draw_platform_swatch(canvas, {0, 0}, "YouTube");
    draw_platform_swatch(canvas, {0, 0}, "instagram");
    const auto rects = recorded<Rect>(canvas);
    CHECK(rects[0].w == doctest::Approx(6.5));
    CHECK(rects[0].stroke);  // pale yellow needs an edge
    CHECK_FALSE(rects[1].stroke);
    CHECK(rects[1].fill_color == hex("#CC79A7"));
  }
}

}  // namespace
}  // namespace boardbrief::layout
