#include "layout/chart_columns.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "layout/chart_fakes.h"
#include "layout/style.h"

namespace bl = boardbrief::layout;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

namespace {

std::string count(double v) { return std::to_string(static_cast<long>(std::lround(v))); }

const bl::Color kA = bl::hex("#1877F2"), kB = bl::hex("#C13584"), kC = bl::hex("#F5A623");

// Thirteen months of three series; `missing` months have no value in any series.
bl::ColumnChartSpec posts(bl::ColumnMode mode, std::vector<std::size_t> missing = {}) {
  bl::ColumnChartSpec s;
  s.mode = mode;
  const char* months[] = {"Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"};
  for (const char* mo : months) s.categories.push_back({mo, ""});
  s.series = {{"Facebook", {}, kA}, {"Instagram", {}, kB}, {"TikTok", {}, kC}};
  for (std::size_t i = 0; i < 13; ++i) {
    const bool gap = std::find(missing.begin(), missing.end(), i) != missing.end();
    for (std::size_t k = 0; k < 3; ++k)
      s.series[k].values.push_back(gap ? std::nullopt : std::optional<double>(10.0 * (k + 1) + static_cast<double>(i)));
  }
  s.format = count;
  s.no_data = "no data";
  s.min_step = 1;
  return s;
}

std::vector<bl::Rect> columns(const bl::RecordingCanvas& c) {
  std::vector<bl::Rect> out;
  for (const auto& r : all_of<bl::Rect>(c))
    if (r.fill && (r.fill_color == kA || r.fill_color == kB || r.fill_color == kC) && r.w > 0 && r.h != 7)
      out.push_back(r);
  return out;
}

constexpr bl::Point kOrigin{48, 200};
constexpr double kWidth = 499.28;

// The plot's box: between the zero-or-lowest gridline and the top gridline, across the plot.
struct Plot {
  double left, right, top, bottom;
};
Plot plot_of(const bl::RecordingCanvas& c, const bl::ColumnChartSpec& s) {
  double top = 1e9, bottom = -1e9;
  for (const auto& p : all_of<bl::Path>(c))
    if (p.points.size() == 2 && p.points[0].y == p.points[1].y && p.points[0].x == kOrigin.x + s.label_gutter)
      top = std::min(top, p.points[0].y), bottom = std::max(bottom, p.points[0].y);
  return {kOrigin.x + s.label_gutter, kOrigin.x + kWidth, top, bottom};
}

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("grouped columns sit side by side inside their band and inside the plot") {
    const HalfEmMeasurer m;
    for (auto mode : {bl::ColumnMode::Grouped, bl::ColumnMode::Stacked}) {
      bl::RecordingCanvas canvas;
      const auto spec = posts(mode);
      const double h = bl::draw_column_chart(canvas, m, spec, kOrigin, kWidth);
      const Plot p = plot_of(canvas, spec);
      const auto cols = columns(canvas);
      REQUIRE(cols.size() == 39);
      for (const auto& r : cols) {
        CHECK(r.x >= p.left - 1e-9);
        CHECK(r.x + r.w <= p.right + 1e-9);
        CHECK(r.y >= p.top - 1e-9);
        CHECK(r.y + r.h <= p.bottom + 1e-9);
      }
      CHECK(h > spec.plot_height);
      if (mode == bl::ColumnMode::Grouped) {
        // Same month: three columns left to right, not overlapping, from the zero line.
        CHECK(cols[0].x + cols[0].w < cols[1].x + 1e-9);  // Facebook then Instagram (series order)
        CHECK(cols[0].y + cols[0].h == doctest::Approx(p.bottom));
      } else {
        // Stacked: Instagram starts where Facebook ends.
        CHECK(cols[1].y + cols[1].h == doctest::Approx(cols[0].y));
        CHECK(cols[0].x == doctest::Approx(cols[1].x));
      }
    }
  }

  TEST_CASE("a missing month is a gap with a label, never a zero column") {
    const HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    auto spec = posts(bl::ColumnMode::Grouped, {4, 5});
    bl::draw_column_chart(canvas, m, spec, kOrigin, kWidth);
    CHECK(columns(canvas).size() == 33);
    int no_data = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) no_data += r.text == "no data";
    CHECK(no_data == 2);
    // In a narrow chart the text would collide with its neighbour: a dash instead.
    bl::RecordingCanvas narrow;
    bl::draw_column_chart(narrow, m, spec, kOrigin, 200);
    int dashes = 0;
    for (const auto& r : all_of<bl::TextRun>(narrow)) dashes += r.text == "\u2013";
    CHECK(dashes == 2);
    CHECK(bl::testing::overlapping_runs(m, narrow).empty());
  }

  TEST_CASE("negative values hang below the zero line, inside the plot") {
    const HalfEmMeasurer m;
    for (auto mode : {bl::ColumnMode::Grouped, bl::ColumnMode::Stacked}) {
      auto spec = posts(mode);
      spec.series[1].values[2] = -25.0;
      spec.series[2].values[2] = -40.0;
      bl::RecordingCanvas canvas;
      bl::draw_column_chart(canvas, m, spec, kOrigin, kWidth);
      const Plot p = plot_of(canvas, spec);
      double zero_y = 0;
      for (const auto& path : all_of<bl::Path>(canvas))
        if (path.stroke_color == bl::style::kInk && path.points.size() == 2) zero_y = path.points[0].y;
      REQUIRE(zero_y > p.top);
      CHECK(zero_y < p.bottom);  // ticks below zero exist
      int below = 0;
      for (const auto& r : columns(canvas)) {
        CHECK(r.y >= p.top - 1e-9);
        CHECK(r.y + r.h <= p.bottom + 1e-9);
        if (r.y >= zero_y - 1e-9 && r.h > 0) ++below;  // entirely under the zero line
      }
      CHECK(below >= 2);
    }
  }

  TEST_CASE("column chart labels and legend never overlap, even with many long legend names") {
    const HalfEmMeasurer m;
    auto spec = posts(bl::ColumnMode::Stacked);
    for (auto& s : spec.series) s.name += " (own channels, all accounts together)";
    bl::RecordingCanvas canvas;
    const double h = bl::draw_column_chart(canvas, m, spec, kOrigin, 240);
    const auto overlaps = bl::testing::overlapping_runs(m, canvas);
    for (const auto& [a, b] : overlaps) INFO("'", a.text, "' overlaps '", b.text, "'");
    CHECK(overlaps.empty());
    int legend = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      CHECK(r.at.y <= kOrigin.y + h);
      if (r.text.find("own channels") != std::string::npos) {
        ++legend;
        CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= kOrigin.x + 240 + 1e-9);
      }
    }
    CHECK(legend == 3);
    // The legend's swatches sit above the plot.
    const Plot p = plot_of(canvas, spec);
    for (const auto& r : all_of<bl::Rect>(canvas))
      if (r.h == 7) CHECK(r.y + r.h < p.top);
  }

  TEST_CASE("an all-zero count series draws no columns and ticks 0 and 1") {
    const HalfEmMeasurer m;
    auto spec = posts(bl::ColumnMode::Grouped);
    for (auto& s : spec.series)
      for (auto& v : s.values) v = 0.0;
    bl::RecordingCanvas canvas;
    bl::draw_column_chart(canvas, m, spec, kOrigin, kWidth);
    CHECK(columns(canvas).empty());
    std::vector<std::string> ticks;
    for (const auto& r : all_of<bl::TextRun>(canvas))
      if (r.text == "0" || r.text == "1" || r.text == "2") ticks.push_back(r.text);
    CHECK(ticks.size() == 2);
  }

}  // TEST_SUITE
