#include "layout/chart_combo.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "layout/style.h"
#include "layout/chart_fakes.h"

namespace bl = boardbrief::layout;
using bl::testing::all_of;
using bl::testing::HalfEmMeasurer;

namespace {

std::string count(double v) { return std::to_string(static_cast<long>(std::lround(v))); }
std::string percent(double v) { return std::to_string(static_cast<long>(std::lround(v * 100))) + "%"; }

// Thirteen months, Oct 2025 .. Oct 2026, as in the dialogue mock-up.
bl::ComboChartSpec dialogue_spec() {
  const char* months[] = {"Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"};
  const double answered[] = {2530, 2680, 2350, 2750, 2680, 2700, 2590, 2500, 2370, 2220, 2460, 2700, 2980};
  const double unanswered[] = {680, 680, 680, 740, 620, 700, 580, 580, 600, 680, 800, 940, 1832};
  bl::ComboChartSpec s;
  for (int i = 0; i < 13; ++i) {
    bl::ComboCategory c;
    c.label.label = months[i];
    if (i == 0) c.label.year = "2025";
    if (i == 3) c.label.year = "2026";
    c.answered = answered[i];
    c.unanswered = unanswered[i];
    s.categories.push_back(c);
  }
  s.count_format = count;
  s.share_format = percent;
  s.rate_label = "Unanswered share";
  s.unanswered_label = "Unanswered";
  s.answered_label = "Answered";
  s.answered_note = "by month end";
  s.target_share = 0.15;
  s.target_label = "target \u2264\u00A015%";  // the figure stays glued to its sign
  s.bracket_word = "open";
  s.no_data = "no data";
  return s;
}

std::vector<bl::Rect> rects_of(const bl::RecordingCanvas& c, bl::Color fill) {
  std::vector<bl::Rect> out;
  for (const auto& r : all_of<bl::Rect>(c)) {
    if (r.fill && r.fill_color == fill) out.push_back(r);
  }
  return out;
}

const bl::Point kOrigin{48, 200};
constexpr double kWidth = 499.28;

}  // namespace

TEST_SUITE("layout") {
  TEST_CASE("combo columns start at the zero line and their heights are proportional") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    const auto spec = dialogue_spec();
    bl::draw_combo_chart(canvas, m, spec, kOrigin, kWidth);
    const auto answered = rects_of(canvas, bl::style::kInk80);
    const auto unanswered = rects_of(canvas, bl::style::kBadFill);
    REQUIRE(answered.size() == 13);
    REQUIRE(unanswered.size() == 13);
    const double zero = answered[0].y + answered[0].h;
    const double per_message = answered[0].h / 2530;
    for (std::size_t i = 0; i < 13; ++i) {
      CHECK(answered[i].y + answered[i].h == doctest::Approx(zero));
      CHECK(unanswered[i].y + unanswered[i].h == doctest::Approx(answered[i].y));  // stacked
      CHECK(answered[i].h == doctest::Approx(*spec.categories[i].answered * per_message));
      CHECK(unanswered[i].h == doctest::Approx(*spec.categories[i].unanswered * per_message));
    }
    // Column width 0.64 of the category (plot 499.28 - 74 - 34 over 13 months).
    CHECK(answered[0].w == doctest::Approx((kWidth - 74 - 34) / 13 * 0.64));
    // Zero line 0.75 pt ink at the bottom of the columns.
    bool zero_line = false;
    for (const auto& p : all_of<bl::Path>(canvas)) {
      zero_line = zero_line || (p.line_width_pt == 0.75 && p.stroke_color == bl::style::kInk &&
                                p.points[0].y == doctest::Approx(zero));
    }
    CHECK(zero_line);
  }

  TEST_CASE("the report band spans both tiers and the report label is bold ink") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    const double height = bl::draw_combo_chart(canvas, m, dialogue_spec(), kOrigin, kWidth);
    const auto bands = rects_of(canvas, bl::style::kAccentTint);
    REQUIRE(bands.size() == 1);
    const auto columns = rects_of(canvas, bl::style::kInk80);
    CHECK(bands[0].y <= kOrigin.y + bl::kComboTopRoom);                     // above the rate tier
    CHECK(bands[0].y + bands[0].h == doctest::Approx(kOrigin.y + height));  // below the axis labels
    CHECK(bands[0].x < columns.back().x);
    CHECK(bands[0].x + bands[0].w > columns.back().x + columns.back().w);
    int bold_october = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.text == "Oct" && r.face == bl::FontFace::Bold && r.color == bl::style::kInk) {
        ++bold_october;
        CHECK(r.at.y < bands[0].y + bands[0].h);
      }
    }
    CHECK(bold_october == 1);
    bool accent_point = false;
    for (const auto& c : all_of<bl::Circle>(canvas)) {
      accent_point = accent_point || (c.fill_color == bl::style::kAccent && c.radius_pt == 2.2);
    }
    CHECK(accent_point);
    CHECK(height == doctest::Approx(bl::kComboTopRoom + 58 + 28 + 150 + bl::kCategoryAxisHeight));
  }

  TEST_CASE("a missing month has no column, splits the line and says no data") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    auto spec = dialogue_spec();
    spec.categories[5].answered.reset();
    spec.categories[5].unanswered.reset();
    bl::draw_combo_chart(canvas, m, spec, kOrigin, kWidth);
    CHECK(rects_of(canvas, bl::style::kInk80).size() == 12);
    int line_runs = 0;
    for (const auto& p : all_of<bl::Path>(canvas)) {
      if (p.line_width_pt == 1.0 && p.stroke_color == bl::style::kInk) {
        ++line_runs;
        CHECK(p.points.size() >= 2);
      }
    }
    CHECK(line_runs == 2);
    int no_data = 0;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.text == "no data") {
        ++no_data;
        CHECK(r.size_pt == 7);
        CHECK(r.color == bl::style::kInk40);
      }
    }
    CHECK(no_data == 1);
  }

  TEST_CASE("a provisional month is outlined and hatched inside a clip, with a hollow point") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    auto spec = dialogue_spec();
    spec.categories[12].provisional = true;
    bl::draw_combo_chart(canvas, m, spec, kOrigin, kWidth);
    CHECK(rects_of(canvas, bl::style::kInk80).size() == 12);  // no solid fill for it
    const auto& items = canvas.items();
    int clips = 0;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto* clip = std::get_if<bl::ClipBegin>(&items[i]);
      if (!clip) continue;
      ++clips;
      int hatch = 0;
      std::size_t j = i + 1;
      for (; j < items.size() && !std::holds_alternative<bl::ClipEnd>(items[j]); ++j) {
        const auto& p = std::get<bl::Path>(items[j]);
        CHECK(p.line_width_pt == 0.5);
        const double dx = p.points[1].x - p.points[0].x, dy = p.points[0].y - p.points[1].y;
        CHECK(dx == doctest::Approx(dy));  // 45°
        ++hatch;
      }
      CHECK(j < items.size());
      CHECK(hatch >= 2);
      const auto& outline = std::get<bl::Rect>(items[j + 1]);
      CHECK_FALSE(outline.fill);
      CHECK(outline.x == doctest::Approx(clip->x));
      CHECK(outline.h == doctest::Approx(clip->h));
    }
    CHECK(clips == 2);  // answered and unanswered parts
    bool hollow = false;
    for (const auto& c : all_of<bl::Circle>(canvas)) {
      hollow = hollow || (c.stroke && c.fill_color == bl::style::kWhite);
    }
    CHECK(hollow);
  }

  TEST_CASE("combo labels never overlap each other") {
    HalfEmMeasurer m;
    for (int variant = 0; variant < 4; ++variant) {
      auto spec = dialogue_spec();
      if (variant == 1) spec.categories[11].unanswered = 20;     // thin previous part
      if (variant == 2) spec.categories[0].unanswered = 3;       // thin first part
      if (variant == 3) spec.categories[12].unanswered = 40000;  // report far above the rest
      if (variant == 3) spec.categories[6].answered.reset();
      bl::RecordingCanvas canvas;
      bl::draw_combo_chart(canvas, m, spec, kOrigin, kWidth);
      const auto overlaps = bl::testing::overlapping_runs(m, canvas);
      for (const auto& [a, b] : overlaps) INFO(variant, ": '", a.text, "' overlaps '", b.text, "'");
      CHECK(overlaps.empty());
    }
  }

  TEST_CASE("data labels only for the first, previous and report month, report in bold") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    bl::draw_combo_chart(canvas, m, dialogue_spec(), kOrigin, kWidth);
    std::vector<std::string> bold;
    bool first = false, previous = false;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.face == bl::FontFace::Bold && r.color == bl::style::kInk) bold.push_back(r.text);
      first = first || r.text == "3210";
      previous = previous || r.text == "3640";
    }
    CHECK(first);
    CHECK(previous);
    CHECK(std::count(bold.begin(), bold.end(), "4812") == 1);
    CHECK(std::count(bold.begin(), bold.end(), "38%") == 1);
    bool bracket_value = false, bracket_word = false;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      bracket_value = bracket_value || (r.text == "1832" && r.color == bl::style::kBad);
      bracket_word = bracket_word || (r.text == "open" && r.color == bl::style::kBad);
    }
    CHECK(bracket_value);
    CHECK(bracket_word);
  }

  TEST_CASE("the target line is dashed in whole points and labelled at its right end") {
    HalfEmMeasurer m;
    bl::RecordingCanvas canvas;
    bl::draw_combo_chart(canvas, m, dialogue_spec(), kOrigin, kWidth);
    int dashed = 0;
    double line_end = 0;
    for (const auto& p : all_of<bl::Path>(canvas)) {
      if (!p.dash.empty()) {
        ++dashed;
        CHECK(p.line_width_pt == 0.6);
        for (auto d : p.dash) CHECK((d >= 1 && d <= 100));
        line_end = p.points.back().x;
      }
    }
    CHECK(dashed == 1);
    bool label = false;
    for (const auto& r : all_of<bl::TextRun>(canvas)) {
      if (r.text == "target") {
        label = true;
        CHECK(r.at.x > line_end);
        CHECK(r.at.x + m.width(r.face, r.size_pt, r.text) <= kOrigin.x + kWidth + 1e-9);
      }
    }
    CHECK(label);
  }

}  // TEST_SUITE
