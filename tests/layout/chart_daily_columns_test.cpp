#include "layout/chart_daily_columns.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/chart_fakes.h"
#include "layout/style.h"

namespace bl = boardbrief::layout;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

namespace {

std::string plain(double v) { return std::to_string(static_cast<long>(v)); }

bl::DailyChartSpec october(std::size_t spike_day) {
  bl::DailyChartSpec s;
  for (std::size_t d = 0; d < 31; ++d) {
    bl::DailyColumn c;
    if (d == 0) c.label = "1 Oct";
    if (d % 7 == 4) c.label = std::to_string(d + 1);
    c.parts = {30, 110};
    if (d == spike_day) c.parts = {389, 123};
    s.days.push_back(c);
  }
  s.part_colors = {bl::style::kBadFill, bl::style::kInk30};
  s.format = plain;
  s.reference = 121;
  s.annotations.push_back(
      {spike_day, "14 Oct: 389 negative messages, 13 times a usual Wednesday", "61% about billing"});
  return s;
}

constexpr bl::Point kOrigin{48, 600};
constexpr double kWidth = 499.28;

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("the annotation sits on a white knockout inside the chart box") {
    HalfEmMeasurer m;
    for (std::size_t spike : {13u, 28u}) {  // 28: the text must flip to the left
      bl::RecordingCanvas canvas;
      const double height = bl::draw_daily_columns(canvas, m, october(spike), kOrigin, kWidth);
      std::vector<bl::Rect> knockouts;
      for (const auto& r : all_of<bl::Rect>(canvas)) {
        if (r.fill_color == bl::style::kWhite) knockouts.push_back(r);
      }
      REQUIRE(knockouts.size() == 1);
      const auto& k = knockouts[0];
      CHECK(k.x >= kOrigin.x);
      CHECK(k.x + k.w <= kOrigin.x + kWidth + 1e-9);
      CHECK(k.y >= kOrigin.y);
      CHECK(k.y + k.h <= kOrigin.y + height);
      // The headline is on the knockout, and no column is covered by it.
      bool on = false;
      for (const auto& r : all_of<bl::TextRun>(canvas)) {
        if (r.face == bl::FontFace::Bold) {
          on = r.at.x >= k.x && r.at.x + m.width(r.face, r.size_pt, r.text) <= k.x + k.w + 1e-9 && r.at.y > k.y &&
               r.at.y < k.y + k.h;
        }
      }
      CHECK(on);
      const bl::Box kb{k.x, k.y, k.x + k.w, k.y + k.h};
      for (const auto& r : all_of<bl::Rect>(canvas)) {
        if (r.fill_color == bl::style::kBadFill || r.fill_color == bl::style::kInk30) {
          CHECK_FALSE(kb.overlaps(bl::Box{r.x, r.y, r.x + r.w, r.y + r.h}));
        }
      }
      // The knockout is drawn after the gridlines and the reference line.
      std::size_t knockout_at = 0, last_line = 0;
      for (std::size_t i = 0; i < canvas.items().size(); ++i) {
        if (const auto* r = std::get_if<bl::Rect>(&canvas.items()[i]); r && r->fill_color == bl::style::kWhite)
          knockout_at = i;
        if (const auto* p = std::get_if<bl::Path>(&canvas.items()[i]); p && !p->dash.empty()) last_line = i;
      }
      CHECK(knockout_at > last_line);
    }
  }

  TEST_CASE("days are labelled on the 1st and on Mondays with a tick, columns from zero") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    bl::draw_daily_columns(canvas, m, october(13), kOrigin, kWidth);
    int labels = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      labels += (r.text == "1 Oct" || r.text == "5" || r.text == "12" || r.text == "19" || r.text == "26") ? 1 : 0;
    }
    CHECK(labels == 5);
    double zero = 0;
    for (const auto& p : all_of<bl::Path>(canvas)) {
      if (p.line_width_pt == 0.75) zero = p.points[0].y;
    }
    for (const auto& r : all_of<bl::Rect>(canvas)) {
      if (r.fill_color == bl::style::kBadFill) CHECK(r.y + r.h == doctest::Approx(zero));
    }
    CHECK(bl::testing::overlapping_runs(m, canvas).empty());
  }

}  // TEST_SUITE

TEST_SUITE("layout") {
  TEST_CASE("a month without any message gets the axis labels 0 and 1, each once") {
    bl::DailyChartSpec s = october(3);
    s.annotations.clear();
    s.reference.reset();
    for (auto& d : s.days) d.parts = {0, 0};
    bl::RecordingCanvas canvas;
    const HalfEmMeasurer m;
    bl::draw_daily_columns(canvas, m, s, kOrigin, kWidth);
    std::vector<std::string> axis;
    for (const auto& r : all_of<bl::TextRun>(canvas))
      if (r.text == "0" || r.text == "1" || r.text == "2") axis.push_back(r.text);
    std::sort(axis.begin(), axis.end());
    CHECK(axis == std::vector<std::string>{"0", "1"});
  }

}  // TEST_SUITE
