#include "layout/share_bar.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "layout/chart_fakes.h"
#include "layout/style.h"

namespace bl = boardbrief::layout;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

namespace {

std::string pct(double v) { return std::to_string(static_cast<long>(std::lround(v * 100))) + "%"; }

bl::ShareBarSpec voice(std::vector<double> values) {
  bl::ShareBarSpec s;
  const char* names[] = {"Own channels", "Vindkraft Danmark", "Østkyst Forsyning", "GrønStrøm", "Tiny A/S", "Tinier ApS"};
  const char* colors[] = {"#1F4E79", "#595959", "#808080", "#A6A6A6", "#C4C4C4", "#DADADA"};
  for (std::size_t i = 0; i < values.size(); ++i) s.segments.push_back({names[i], values[i], bl::hex(colors[i]), i == 0});
  s.share_format = pct;
  s.no_data = "no data";
  return s;
}

std::vector<bl::Rect> bar_rects(const bl::RecordingCanvas& c, double top, double h) {
  std::vector<bl::Rect> out;
  for (const auto& r : all_of<bl::Rect>(c))
    if (r.y == top && r.h == h) out.push_back(r);
  return out;
}

constexpr bl::Point kOrigin{48, 300};
constexpr double kWidth = 499.28;

}  // namespace

TEST_SUITE("layout") {

TEST_CASE("share-of-voice segments are proportional, in order, and stay inside the bar") {
  const HalfEmMeasurer m;
  bl::RecordingCanvas canvas;
  const auto spec = voice({1063, 749, 448, 406});
  bl::draw_share_bar(canvas, m, spec, kOrigin, kWidth);
  const auto segs = bar_rects(canvas, kOrigin.y, spec.bar_height);
  REQUIRE(segs.size() == 4);
  const double sum = 1063 + 749 + 448 + 406;
  double x = kOrigin.x;
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(segs[i].x == doctest::Approx(x));
    const double w = spec.segments[i].value / sum * kWidth;
    CHECK(segs[i].w == doctest::Approx(i + 1 < 4 ? w - bl::kShareSegmentGap : w));
    CHECK(segs[i].fill_color == spec.segments[i].color);
    x += w;
  }
  CHECK(segs.back().x + segs.back().w == doctest::Approx(kOrigin.x + kWidth));
  // Shares inside segments fit there; the legend names every segment with its share.
  for (const auto& r : all_of<bl::TextRun>(canvas)) {
    if (r.at.y > kOrigin.y + spec.bar_height) continue;
    bool inside = false;
    for (const auto& s : segs)
      inside = inside || (r.at.x >= s.x && r.at.x + m.width(r.face, r.size_pt, r.text) <= s.x + s.w);
    CHECK(inside);
  }
  int legend_shares = 0;
  for (const auto& r : all_of<bl::TextRun>(canvas))
    if (r.at.y > kOrigin.y + spec.bar_height && r.text.ends_with("%")) ++legend_shares;
  CHECK(legend_shares == 4);
}

TEST_CASE("tiny shares get no inside label and their legend entries never overlap") {
  const HalfEmMeasurer m;
  for (double width : {kWidth, 240.0, 150.0}) {
    bl::RecordingCanvas canvas;
    const auto spec = voice({5000, 3000, 2000, 4, 2, 1});
    const double h = bl::draw_share_bar(canvas, m, spec, kOrigin, width);
    const auto overlaps = bl::testing::overlapping_runs(m, canvas);
    for (const auto& [a, b] : overlaps) INFO("'", a.text, "' overlaps '", b.text, "'");
    CHECK(overlaps.empty());
    int names = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= kOrigin.x + width + 1e-9);
      CHECK(r.at.y <= kOrigin.y + h);
      names += r.text == "Tinier ApS" || r.text == "Tiny A/S";
    }
    CHECK(names == 2);
    // The tiny segments still show as slivers inside the bar.
    for (const auto& r : bar_rects(canvas, kOrigin.y, spec.bar_height)) {
      CHECK(r.w > 0);
      CHECK(r.x + r.w <= kOrigin.x + width + 1e-9);
    }
  }
}

TEST_CASE("no mentions at all: an outlined empty bar that says no data") {
  const HalfEmMeasurer m;
  bl::RecordingCanvas canvas;
  bl::draw_share_bar(canvas, m, voice({0, 0}), kOrigin, kWidth);
  const auto runs = all_of<bl::TextRun>(canvas);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].text == "no data");
}

}  // TEST_SUITE
