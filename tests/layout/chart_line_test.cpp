#include "layout/chart_line.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "layout/chart_fakes.h"
#include "layout/style.h"

namespace bl = boardbrief::layout;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

namespace {

std::string hours(double v) { return std::to_string(static_cast<long>(std::lround(v))) + " h"; }

// Median and 90th percentile of the first response, 13 months, as in the mock-up.
bl::LineChartSpec response_spec(double last_median, double last_p90) {
  bl::LineChartSpec s;
  const char* months[] = {"Oct", "", "", "Jan", "", "", "Apr", "", "", "Jul", "", "", "Oct"};
  for (const char* mo : months) s.categories.push_back({mo, ""});
  s.categories[0].year = "2025";
  s.categories[3].year = "2026";
  bl::LineSeries median{"median", {}, bl::style::kInk, 1.4, {}, {}};
  bl::LineSeries p90{"90th percentile", {}, bl::style::kInk60, 1.0, {}, {}};
  for (int i = 0; i < 12; ++i) {
    median.values.push_back(2.0 + 0.05 * i);
    p90.values.push_back(9.0 + 0.4 * i);
  }
  median.values.push_back(last_median);
  p90.values.push_back(last_p90);
  s.series = {median, p90};
  s.format = hours;
  return s;
}

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("line chart end labels never overlap, even when the lines end together") {
    HalfEmMeasurer m;
    for (auto [median, p90] : {std::pair{3.5, 26.7}, std::pair{10.0, 10.5}, std::pair{10.5, 10.0}, std::pair{0.0, 0.2},
                               std::pair{30.0, 30.0}}) {
      bl::RecordingCanvas canvas;
      bl::draw_line_chart(canvas, m, response_spec(median, p90), {48, 300}, 243.6);
      const auto overlaps = bl::testing::overlapping_runs(m, canvas);
      for (const auto& [a, b] : overlaps) INFO("'", a.text, "' overlaps '", b.text, "'");
      CHECK(overlaps.empty());
      int names = 0;
      for (const auto& r : all_of<bl::TextRun>(canvas)) {
        if (r.text == "median" || r.text == "90th percentile") {
          ++names;
          CHECK(r.at.x > 48 + 243.6 - 78);  // in the right gutter
        }
      }
      CHECK(names == 2);
    }
  }

  TEST_CASE("a missing value breaks the line and the report point is an accent dot") {
    HalfEmMeasurer m;
    auto spec = response_spec(3.5, 26.7);
    spec.series[0].values[4].reset();
    bl::RecordingCanvas canvas;
    bl::draw_line_chart(canvas, m, spec, {48, 300}, 243.6);
    int median_runs = 0;
    for (const auto& p : all_of<bl::Path>(canvas)) {
      median_runs += p.line_width_pt == 1.4 ? 1 : 0;
    }
    CHECK(median_runs == 2);
    int accent = 0;
    for (const auto& c : all_of<bl::Circle>(canvas)) accent += c.fill_color == bl::style::kAccent ? 1 : 0;
    CHECK(accent == 2);
    CHECK(all_of<bl::Circle>(canvas).size() == 12 + 13);  // r 1.6 dots for <= 13 points
  }

  TEST_CASE("tick labels are right-aligned 5 pt left of the plot") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    bl::draw_line_chart(canvas, m, response_spec(3.5, 26.7), {48, 300}, 243.6);
    int ticks = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.text.size() > 2 && r.text.substr(r.text.size() - 2) == " h" && r.face == bl::FontFace::Regular) {
        ++ticks;
        CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) == doctest::Approx(48 + 26 - 5));
      }
    }
    CHECK(ticks == 4);  // 0, 10, 20, 30 h
  }

}  // TEST_SUITE

TEST_SUITE("layout") {
  TEST_CASE("three lines ending at nearly equal values get a legend row, nothing overlaps") {
    HalfEmMeasurer m;
    bl::LineChartSpec s = response_spec(10.0, 10.2);
    bl::LineSeries third{"Instagram", s.series[0].values, bl::style::kAccent, 1.4, {}, {}};
    third.values.back() = 10.1;
    s.series.push_back(third);
    s.plot_height = 60;
    bl::RecordingCanvas canvas;
    const double h = bl::draw_line_chart(canvas, m, s, {48, 300}, 243.6);
    const auto overlaps = bl::testing::overlapping_runs(m, canvas);
    for (const auto& [a, b] : overlaps) INFO("'", a.text, "' overlaps '", b.text, "'");
    CHECK(overlaps.empty());
    int names = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.text == "median" || r.text == "90th percentile" || r.text == "Instagram") {
        ++names;
        CHECK(r.at.y > 300 + bl::kLineTopRoom + 60);  // under the plot: the legend row
        CHECK(r.at.y + 0.25 * r.size_pt <= 300 + h + 1e-9);
        CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= 48 + 243.6 + 1e-9);
      }
    }
    CHECK(names == 3);
  }

  TEST_CASE("two lines ending apart keep their end labels and no legend") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    bl::draw_line_chart(canvas, m, response_spec(3.5, 26.7), {48, 300}, 243.6);
    for (const auto& r : all_of<bl::TextRun>(canvas))
      if (r.text == "median") CHECK(r.at.x > 48 + 243.6 - 78);
  }

}  // TEST_SUITE

TEST_SUITE("layout") {
  TEST_CASE("an end label near the bottom never reads on with the last month's label") {
    HalfEmMeasurer m;
    for (double low : {0.0, 150.0, 400.0, 1900.0}) {
      bl::LineChartSpec s;
      const char* months[] = {"Oct", "", "", "Jan", "", "", "Apr", "", "", "Jul", "", "", "Oct"};
      for (const char* mo : months) s.categories.push_back({mo, ""});
      bl::LineSeries a{"Facebook", {}, bl::style::kInk, 1.4, {}, {}},
          b{"Instagram", {}, bl::style::kInk60, 1.0, {}, {}}, c{"LinkedIn", {}, bl::style::kInk40, 1.0, {}, {}};
      for (int i = 0; i < 13; ++i) {
        a.values.push_back(7000 + 100 * (i % 3));
        b.values.push_back(low + 240);
        c.values.push_back(low);
      }
      s.series = {a, b, c};
      s.format = [](double v) { return std::to_string(static_cast<long>(v)); };
      bl::RecordingCanvas canvas;
      bl::draw_line_chart(canvas, m, s, {48, 300}, 243.6);
      CHECK(bl::testing::overlapping_runs(m, canvas).empty());
      const auto runs = all_of<bl::TextRun>(canvas);
      bl::TextRun oct;
      for (const auto& r : runs)
        if (r.text == "Oct" && r.at.x > oct.at.x) oct = r;
      const double oct_right = oct.at.x + m.width(oct.face, oct.size_pt, oct.text);
      for (const auto& r : runs) {
        if (r.text != "LinkedIn" && r.text != "Instagram") continue;
        const bool same_row = std::abs(r.at.y - oct.at.y) < oct.size_pt;
        if (same_row)
          CHECK_MESSAGE(r.at.x - oct_right >= 7.5, r.text << " at " << r.at.x << " beside Oct ending " << oct_right);
      }
    }
  }

}  // TEST_SUITE
