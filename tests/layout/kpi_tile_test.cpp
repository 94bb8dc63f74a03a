#include "layout/kpi_tile.h"

#include <doctest/doctest.h>

#include "layout/fixed_width_measurer.h"

namespace boardbrief::layout {
namespace {

using testing::bounds_of;
using testing::FixedWidthMeasurer;
using testing::recorded;

const FixedWidthMeasurer kMeasurer;

TileSpec unanswered() {
  TileSpec t;
  t.label = "Unanswered messages";
  t.value = "38";
  t.unit = "%";
  t.context = "1,832 of 4,812 messages";
  t.vs_prev = {Direction::Up, Tone::Bad, "+12 pp", "vs Sep"};
  t.vs_year = {Direction::Up, Tone::Neutral, "+17 pp", "vs Oct 2025"};
  t.target_label = "Target \u2264 15%:";
  t.target_status = TargetStatus{"23 pp above", Tone::Bad};
  for (int i = 0; i < 13; ++i) t.spark.push_back(0.2 + 0.01 * i);
  t.kind = ValueKind::Share;
  t.target = 0.15;
  return t;
}

const TextRun* find_run(const std::vector<TextRun>& runs, const std::string& text) {
  for (const auto& r : runs) {
    if (r.text == text) return &r;
  }
  return nullptr;
}

TEST_SUITE("layout") {
  TEST_CASE(
      "a tile places rule, label, value, context, deltas and target at the tile offsets of docs/visual-rules.md") {
    RecordingCanvas canvas;
    const TileLayout l = draw_tile(canvas, kMeasurer, {48, 400}, unanswered());
    CHECK(l.value_size_pt == 24);
    CHECK(l.value_fits);
    const auto rule = recorded<Path>(canvas).front();
    CHECK(rule.points[0].y == 400);
    CHECK(rule.points[1].x - rule.points[0].x == doctest::Approx(kTileWidth));
    CHECK(rule.stroke_color == style::kInk40);

    const auto runs = recorded<TextRun>(canvas);
    CHECK(find_run(runs, "Unanswered messages")->at.y == 413);
    const TextRun* number = find_run(runs, "38");
    REQUIRE(number);
    CHECK(number->at.y == 438);
    CHECK(number->size_pt == 24);
    const TextRun* unit = find_run(runs, "%");
    REQUIRE(unit);
    CHECK(unit->size_pt == 13);
    CHECK(unit->at.x == doctest::Approx(48 + 24));  // straight after the number
    CHECK(find_run(runs, "1,832 of 4,812 messages")->at.y == 451);
    CHECK(find_run(runs, "+12 pp")->at.y == 464.5);
    CHECK(find_run(runs, "+17 pp")->at.y == 475.5);
    CHECK(find_run(runs, "23 pp above")->at.y == 487.5);
  }

  TEST_CASE("delta values take the tone colour, comparisons stay ink60") {
    RecordingCanvas canvas;
    draw_tile(canvas, kMeasurer, {0, 0}, unanswered());
    const auto runs = recorded<TextRun>(canvas);
    const TextRun* bad = find_run(runs, "+12 pp");
    CHECK(bad->color == style::kBad);
    CHECK(bad->face == FontFace::Bold);
    CHECK(find_run(runs, "+17 pp")->color == style::kInk60);
    CHECK(find_run(runs, "vs Sep")->color == style::kInk60);
    CHECK(find_run(runs, "vs Sep")->face == FontFace::Regular);
    CHECK(find_run(runs, "23 pp above")->color == style::kBad);
    // Triangles: the first two filled paths after the rule and sparkline target are the deltas.
    std::vector<Path> triangles;
    for (const auto& p : recorded<Path>(canvas)) {
      if (p.fill) triangles.push_back(p);
    }
    REQUIRE(triangles.size() == 2);
    CHECK(triangles[0].fill_color == style::kBad);
    CHECK(triangles[1].fill_color == style::kInk60);
    CHECK(triangles[0].points[1].x - triangles[0].points[0].x == doctest::Approx(5.2));
  }

  TEST_CASE("a missing comparison shows only its text, without a triangle") {
    TileSpec t = unanswered();
    t.vs_year = {Direction::None, Tone::Neutral, "", "no data vs Oct 2025"};
    RecordingCanvas canvas;
    draw_tile(canvas, kMeasurer, {0, 0}, t);
    const auto runs = recorded<TextRun>(canvas);
    const TextRun* r = find_run(runs, "no data vs Oct 2025");
    REQUIRE(r);
    CHECK(r->at.x == 0);
    CHECK(r->color == style::kInk60);
    int filled = 0;
    for (const auto& p : recorded<Path>(canvas)) filled += p.fill ? 1 : 0;
    CHECK(filled == 1);
  }

  TEST_CASE("a long value steps down to 20 then 18 pt to keep 6 pt from the sparkline") {
    TileSpec t = unanswered();
    t.unit.clear();
    RecordingCanvas canvas;
    t.value = "4,812,345";  // 9 code points: 108 pt at 24, 90 pt at 20; room 92.4
    CHECK(draw_tile(canvas, kMeasurer, {0, 0}, t).value_size_pt == 20);
    t.value = "24,812,345";  // 100 pt at 20, 90 pt at 18
    const TileLayout l = draw_tile(canvas, kMeasurer, {0, 0}, t);
    CHECK(l.value_size_pt == 18);
    CHECK(l.value_fits);
    t.value = "124,812,345,678";
    CHECK_FALSE(draw_tile(canvas, kMeasurer, {0, 0}, t).value_fits);
  }

  TEST_CASE("letters inside a value are set at the unit size") {
    TileSpec t = unanswered();
    t.value = "3 h 30";
    t.unit = " min";
    RecordingCanvas canvas;
    draw_tile(canvas, kMeasurer, {0, 0}, t);
    const auto runs = recorded<TextRun>(canvas);
    REQUIRE(find_run(runs, " h "));
    CHECK(find_run(runs, "3")->size_pt == 24);
    CHECK(find_run(runs, " h ")->size_pt == 13);
    CHECK(find_run(runs, "30")->size_pt == 24);
    CHECK(find_run(runs, "30")->at.x == doctest::Approx(12 + 19.5));
    CHECK(find_run(runs, " min")->size_pt == 13);
  }

  TEST_CASE("nothing is drawn outside the tile, even with long Danish texts") {
    TileSpec t = unanswered();
    t.label = "Beskeder der kræver svar fra kundeservice";
    t.footnote_mark = "\u00B9";
    t.provisional = true;
    t.provisional_text = "foreløbig";
    t.context = "Facebook, Instagram, X, TikTok, LinkedIn, YouTube og Threads";
    t.vs_prev = {Direction::Down, Tone::Good, "\u22121 t 20 min", "ift. september 2026 og mere"};
    t.vs_year = {Direction::Flat, Tone::Neutral, "\u00B10 pct.-point", "ift. oktober 2025 i alt"};
    t.target_label = "Mål \u2264 2 t, målt over hele perioden:";
    t.target_status = TargetStatus{"1 t 30 min over", Tone::Bad};
    RecordingCanvas canvas;
    const double x = 218.4;
    draw_tile(canvas, kMeasurer, {x, 100}, t);
    for (const auto& p : canvas.items()) {
      const auto b = bounds_of(p, kMeasurer);
      CHECK(b.left >= x - 1e-9);
      CHECK(b.right <= x + kTileWidth + 1e-9);
      CHECK(b.top >= 100 - 1e-9);
      CHECK(b.bottom <= 100 + kTileRowPitch + style::kTileLabel.leading);
    }
    // The label stops before the provisional tag and wraps to a second line, uncut.
    const auto runs = recorded<TextRun>(canvas);
    const TextRun* tag = find_run(runs, "foreløbig");
    REQUIRE(tag);
    CHECK(tag->at.x + kMeasurer.width(tag->face, tag->size_pt, tag->text) == doctest::Approx(x + kTileWidth));
    const TextRun& label = runs[1];
    CHECK_FALSE(label.text.ends_with("\u2026"));
    CHECK(label.at.x + kMeasurer.width(label.face, label.size_pt, label.text) < tag->at.x - 5);
    const auto lines = tile_label_lines(kMeasurer, t);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] + " " + lines[1] == t.label);
    CHECK(runs[2].text == lines[1]);
    CHECK(runs[2].at.y == doctest::Approx(label.at.y + style::kTileLabel.leading));
  }

  TEST_CASE("a long Danish label wraps to two lines; its row's values share a baseline, the next row moves down") {
    std::vector<TileSpec> tiles(6, unanswered());
    tiles[1].label = "Ubesvarede beskeder fra kunder på egne kanaler";  // too long for one line
    REQUIRE(tile_label_lines(kMeasurer, tiles[1]).size() == 2);
    REQUIRE(tile_label_lines(kMeasurer, tiles[0]).size() == 1);
    RecordingCanvas canvas;
    const double h = draw_tile_grid(canvas, kMeasurer, 48, 300, tiles);
    const auto runs = recorded<TextRun>(canvas);
    std::vector<double> value_baselines;
    bool cut = false;
    for (const auto& r : runs) {
      if (r.text == "38") value_baselines.push_back(r.at.y);
      cut = cut || r.text.ends_with("\u2026");
    }
    CHECK_FALSE(cut);
    REQUIRE(value_baselines.size() == 6);
    CHECK(value_baselines[0] == doctest::Approx(value_baselines[1]));
    CHECK(value_baselines[1] == doctest::Approx(value_baselines[2]));
    // Row 1's body moved down one leading, and row 2 starts one leading lower.
    CHECK(value_baselines[0] == doctest::Approx(300 + 38 + style::kTileLabel.leading));
    CHECK(value_baselines[3] == doctest::Approx(300 + kTileRowPitch + style::kTileLabel.leading + 38));
    // The second label line stays above the value's top (24 pt figures, ascent 0.75 em at most).
    const TextRun* second = find_run(runs, tile_label_lines(kMeasurer, tiles[1])[1]);
    REQUIRE(second);
    CHECK(second->at.y + 0.25 * second->size_pt < value_baselines[1] - 0.75 * 24);
    CHECK(h > 2 * kTileRowPitch - 20);
  }

  TEST_CASE("a tile grid places three tiles per row, 100 pt apart, and reports its height") {
    std::vector<TileSpec> tiles(5, unanswered());
    RecordingCanvas canvas;
    const double h = draw_tile_grid(canvas, kMeasurer, 48, 300, tiles);
    double lowest = 0;
    for (const auto& t : recorded<TextRun>(canvas)) lowest = std::max(lowest, t.at.y + 0.25 * t.size_pt);
    CHECK(h > 100);
    CHECK(h <= 200);
    CHECK(300 + h == doctest::Approx(std::min(lowest + 4, 500.0)));
    std::vector<Point> rules;
    for (const auto& p : recorded<Path>(canvas)) {
      if (p.stroke_color == style::kInk40 && p.points.size() == 2 &&
          p.points[1].x - p.points[0].x == doctest::Approx(kTileWidth)) {
        rules.push_back(p.points[0]);
      }
    }
    REQUIRE(rules.size() == 5);
    CHECK(rules[1].x == doctest::Approx(48 + kTileWidth + 12));
    CHECK(rules[2].x + kTileWidth == doctest::Approx(48 + style::kContentWidth).epsilon(0.001));
    CHECK(rules[3].x == 48);
    CHECK(rules[3].y == 400);
    CHECK(draw_tile_grid(canvas, kMeasurer, 0, 0, {}) == 0);
  }
}

}  // namespace
}  // namespace boardbrief::layout
