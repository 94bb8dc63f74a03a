#include "layout/sparkline.h"

#include <doctest/doctest.h>

#include "layout/fixed_width_measurer.h"
#include "layout/style.h"

namespace boardbrief::layout {
namespace {

using testing::bounds_of;
using testing::FixedWidthMeasurer;
using testing::recorded;

std::vector<std::optional<double>> thirteen(double first, double step) {
  std::vector<std::optional<double>> v;
  for (int i = 0; i < 13; ++i) v.push_back(first + step * i);
  return v;
}

TEST_SUITE("layout") {
  TEST_CASE("the scale spans min to max plus 8 % padding on each side") {
    SparklineSpec s{thirteen(100, 10), ValueKind::Count, std::nullopt, false};  // 100..220
    const auto r = sparkline_range(s);
    REQUIRE(r);
    CHECK(r->low == doctest::Approx(100 - 9.6));
    CHECK(r->high == doctest::Approx(220 + 9.6));
  }

  TEST_CASE("the target is part of the scale") {
    SparklineSpec s{thirteen(0.20, 0.01), ValueKind::Share, 0.15, false};  // 0.20..0.32
    const auto r = sparkline_range(s);
    REQUIRE(r);
    CHECK(r->low < 0.15);
    CHECK(r->high > 0.32);
  }

  TEST_CASE("a nearly flat series is widened to the minimum span of its kind") {
    SparklineSpec counts{thirteen(1000, 1), ValueKind::Count, std::nullopt, false};
    auto r = sparkline_range(counts);  // mean 1006: span >= 201.2, centred on 1006
    CHECK(r->high - r->low == doctest::Approx(0.2 * 1006));
    CHECK((r->high + r->low) / 2 == doctest::Approx(1006));

    SparklineSpec shares{thirteen(0.30, 0.001), ValueKind::Share, std::nullopt, false};
    r = sparkline_range(shares);
    CHECK(r->high - r->low == doctest::Approx(0.10));

    SparklineSpec scores{thirteen(-4, 0.5), ValueKind::Score, std::nullopt, false};
    r = sparkline_range(scores);
    CHECK(r->high - r->low == doctest::Approx(20));
  }

  TEST_CASE("a series without values has no scale and draws nothing") {
    SparklineSpec s{std::vector<std::optional<double>>(13), ValueKind::Count, std::nullopt, false};
    CHECK_FALSE(sparkline_range(s));
    RecordingCanvas canvas;
    draw_sparkline(canvas, {0, 0}, s);
    CHECK(canvas.items().empty());
  }

  TEST_CASE("a missing value breaks the line into two paths without interpolation") {
    auto v = thirteen(10, 1);
    v[6] = std::nullopt;
    RecordingCanvas canvas;
    draw_sparkline(canvas, {100, 50}, SparklineSpec{v, ValueKind::Count, std::nullopt, false});
    const auto paths = recorded<Path>(canvas);
    REQUIRE(paths.size() == 2);
    CHECK(paths[0].points.size() == 6);
    CHECK(paths[1].points.size() == 6);
    CHECK(paths[0].line_width_pt == doctest::Approx(0.9));
    CHECK(paths[0].stroke_color == style::kInk60);
    CHECK(paths[0].round_joins);
    // The gap spans two period steps: no point is drawn at the missing period.
    const double step = (60 - 2 * kSparklineInset) / 12;
    CHECK(paths[1].points.front().x - paths[0].points.back().x == doctest::Approx(2 * step));
  }

  TEST_CASE("an isolated value is a small dot") {
    std::vector<std::optional<double>> v(13);
    v[0] = 5;
    v[1] = 6;
    v[5] = 7;
    v[11] = 6;
    v[12] = 8;
    RecordingCanvas canvas;
    draw_sparkline(canvas, {0, 0}, SparklineSpec{v, ValueKind::Count, std::nullopt, false});
    CHECK(recorded<Path>(canvas).size() == 2);
    const auto dots = recorded<Circle>(canvas);
    REQUIRE(dots.size() == 3);  // isolated, first, last
    CHECK(dots[0].radius_pt == doctest::Approx(0.7));
  }

  TEST_CASE("first point is an ink40 dot and the last an accent dot, both inside the box") {
    RecordingCanvas canvas;
    draw_sparkline(canvas, {100, 50}, SparklineSpec{thirteen(10, 1), ValueKind::Count, std::nullopt, false});
    const auto dots = recorded<Circle>(canvas);
    REQUIRE(dots.size() == 2);
    CHECK(dots[0].fill_color == style::kInk40);
    CHECK(dots[0].radius_pt == doctest::Approx(1.3));
    CHECK(dots[1].fill_color == style::kAccent);
    CHECK(dots[1].radius_pt == doctest::Approx(2.1));
    CHECK(dots[1].center.y < dots[0].center.y);  // rising series: last point higher
    FixedWidthMeasurer m;
    for (const auto& p : canvas.items()) {
      const auto b = bounds_of(p, m);
      CHECK(b.left >= 100);
      CHECK(b.right <= 160);
      CHECK(b.top >= 50);
      CHECK(b.bottom <= 72);
    }
  }

  TEST_CASE("a provisional last value is a hollow accent ring") {
    RecordingCanvas canvas;
    draw_sparkline(canvas, {0, 0}, SparklineSpec{thirteen(10, 1), ValueKind::Count, std::nullopt, true});
    const auto ring = recorded<Circle>(canvas).back();
    CHECK(ring.radius_pt == doctest::Approx(2.0));
    CHECK(ring.stroke);
    CHECK(ring.stroke_color == style::kAccent);
    CHECK(ring.line_width_pt == doctest::Approx(0.9));
    CHECK(ring.fill_color == style::kWhite);
  }

  TEST_CASE("the target is a dashed ink60 line across the box at the target's height") {
    RecordingCanvas canvas;
    // Values 0.20..0.32 and target 0.15: padded range 0.1364..0.3336.
    draw_sparkline(canvas, {0, 0}, SparklineSpec{thirteen(0.20, 0.01), ValueKind::Share, 0.15, false});
    const auto t = recorded<Path>(canvas).front();
    CHECK(t.dash == std::vector<std::uint16_t>{1, 1});
    CHECK(t.line_width_pt == doctest::Approx(0.5));
    CHECK(t.points[0].x == 0);
    CHECK(t.points[1].x == 60);
    const double inner = 22 - 2 * kSparklineInset;
    const double expected = kSparklineInset + inner * (0.3336 - 0.15) / (0.3336 - 0.1364);
    CHECK(t.points[0].y == doctest::Approx(expected));
  }
}

}  // namespace
}  // namespace boardbrief::layout
