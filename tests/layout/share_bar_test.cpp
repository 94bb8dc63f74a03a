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
  const char* names[] = {"Own channels", "Vindkraft Danmark", "Østkyst Forsyning",
                         "GrønStrøm",    "Tiny A/S",          "Tinier ApS"};
  for (std::size_t i = 0; i < values.size(); ++i)
    s.segments.push_back({names[i], values[i], i == 0 ? bl::ShareRole::Own : bl::ShareRole::Competitor});
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
      CHECK(segs[i].fill_color == bl::share_colour(spec.segments, i));
      x += w;
    }
    CHECK(segs.back().x + segs.back().w == doctest::Approx(kOrigin.x + kWidth));
    // Labels inside segments fit there; every segment is labelled once with its name and share.
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.at.y > kOrigin.y + spec.bar_height) continue;
      bool inside = false;
      for (const auto& s : segs)
        inside = inside || (r.at.x >= s.x && r.at.x + m.width(r.face, r.size_pt, r.text) <= s.x + s.w);
      CHECK(inside);
    }
    int labels = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) labels += r.text.ends_with("%");
    CHECK(labels == 4);
  }

  TEST_CASE("own and competitors get distinct colours; neighbouring competitors differ; the rest is lightest") {
    bl::ShareBarSpec s = voice({5, 4, 3, 2});
    s.segments.push_back({"Other (4 channels)", 1, bl::ShareRole::Other});
    for (std::size_t i = 1; i < s.segments.size(); ++i) {
      CHECK(bl::share_colour(s.segments, i) != bl::share_colour(s.segments, 0));
      CHECK(bl::share_colour(s.segments, i) != bl::share_colour(s.segments, i - 1));
    }
  }

  TEST_CASE("tiny shares are labelled outside the bar, below it, and their labels never overlap") {
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
      CHECK(names == 0);  // the names come with their shares: "Tiny A/S 0%"
      int outside = 0;
      for (const auto& r : all_of<bl::TextRun>(canvas))
        outside += r.at.y > kOrigin.y + spec.bar_height &&
                   (r.text.starts_with("Tiny A/S ") || r.text.starts_with("Tinier ApS "));
      CHECK(outside == 2);
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

TEST_SUITE("layout") {
  TEST_CASE("outside labels of many slivers: no leader runs through a label, no two labels overlap") {
    const HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    auto spec = voice({3000, 20, 19, 18, 17, 16});  // the own segment and five slivers at the right
    bl::draw_share_bar(canvas, m, spec, kOrigin, kWidth);
    std::vector<bl::TextRun> below;
    for (const auto& r : all_of<bl::TextRun>(canvas))
      if (r.at.y > kOrigin.y + spec.bar_height) below.push_back(r);
    REQUIRE(below.size() == 5);
    auto box = [&](const bl::TextRun& r) {
      const double w = m.width(r.face, r.size_pt, r.text);
      return std::make_pair(r.at.x, r.at.x + w);
    };
    for (const auto& p : all_of<bl::Path>(canvas)) {
      if (p.points.size() != 2 || p.points[0].x != p.points[1].x) continue;  // leaders are vertical
      const double x = p.points[0].x, end = p.points[1].y;
      for (const auto& r : below) {
        const auto [x0, x1] = box(r);
        const bool above_end = r.at.y < end;  // a label on a row the leader passes
        CHECK_MESSAGE(!(above_end && x > x0 && x < x1), "a leader runs through '" << r.text << "'");
      }
    }
    for (std::size_t a = 0; a < below.size(); ++a)
      for (std::size_t b = a + 1; b < below.size(); ++b)
        if (below[a].at.y == below[b].at.y) {
          const auto [a0, a1] = box(below[a]);
          const auto [b0, b1] = box(below[b]);
          CHECK((a1 <= b0 || b1 <= a0));
        }
  }
}
