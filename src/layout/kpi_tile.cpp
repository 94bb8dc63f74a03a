#include "layout/kpi_tile.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>

#include "layout/text_wrap.h"

namespace boardbrief::layout {

namespace {

// Offsets from the tile's top edge (baselines unless said otherwise).
constexpr double kLabelBaseline = 13;
constexpr double kSparkTop = 19;
constexpr double kValueBaseline = 38;
constexpr double kContextBaseline = 51;
constexpr double kPrevBaseline = 64.5;
constexpr double kYearBaseline = 75.5;
constexpr double kTargetBaseline = 87.5;
constexpr double kValueClearance = 6;  // between value and sparkline
constexpr double kMarkGap = 3;         // between a triangle and its value
constexpr double kTagRingRadius = 2;
constexpr double kTagRingGap = 3;  // between the tag's ring and its word
constexpr double kLabelTagGap = 6;

struct ValuePart {
  std::string text;
  bool unit_size;
};

bool is_unit_code_point(std::string_view cp) {
  if (cp.size() == 1) {
    const char c = cp[0];
    return c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  // Spaces between figure and unit; other letters (æ, ø ...) are not expected in values.
  return cp == "\u00A0" || cp == "\u2009" || cp == "\u202F";
}

std::vector<ValuePart> split_value(const std::string& value, const std::string& unit) {
  std::vector<ValuePart> parts;
  for (std::size_t i = 0; i < value.size();) {
    const std::size_t next = next_code_point(value, i);
    const std::string_view cp(value.data() + i, next - i);
    const bool small = is_unit_code_point(cp);
    if (parts.empty() || parts.back().unit_size != small) parts.push_back({"", small});
    parts.back().text += cp;
    i = next;
  }
  if (!unit.empty()) {
    if (parts.empty() || !parts.back().unit_size) parts.push_back({"", true});
    parts.back().text += unit;
  }
  return parts;
}

double parts_width(const TextMeasurer& m, const std::vector<ValuePart>& parts, double number_pt, double unit_pt) {
  double w = 0;
  for (const ValuePart& p : parts) {
    w += m.width(style::kTileValue.face, p.unit_size ? unit_pt : number_pt, p.text);
  }
  return w;
}

void text(Canvas& canvas, double x, double baseline, std::string s, FontFace face, double size, Color color) {
  if (s.empty()) return;
  canvas.draw(TextRun{{x, baseline}, std::move(s), face, size, color, 0});
}

void draw_delta(Canvas& canvas, const TextMeasurer& m, double x, double baseline, double width, const Delta& d) {
  const auto& ts = style::kTileDelta;
  const double right = x + width;
  if (d.direction == Direction::None) {
    text(canvas, x, baseline, ellipsize(m, ts.face, ts.size, d.comparison_text, width), ts.face, ts.size,
         style::kInk60);
    return;
  }
  const Color color = tone_color(d.tone);
  // Centred a little above half the x-height so the mark sits with the figures.
  draw_direction_mark(canvas, {x + kDeltaTriangleWidth / 2, baseline - 0.36 * ts.size}, kDeltaTriangleWidth,
                      d.direction, color);
  double cx = x + kDeltaTriangleWidth + kMarkGap;
  const std::string value = ellipsize(m, FontFace::Bold, ts.size, d.value_text, right - cx);
  text(canvas, cx, baseline, value, FontFace::Bold, ts.size, color);
  cx += m.width(FontFace::Bold, ts.size, value) + m.width(ts.face, ts.size, " ");
  if (cx < right) {
    text(canvas, cx, baseline, ellipsize(m, ts.face, ts.size, d.comparison_text, right - cx), ts.face, ts.size,
         style::kInk60);
  }
}

}  // namespace

namespace {

// Right edge of the label's room: the provisional tag takes the right end of the first line.
double label_right_edge(const TextMeasurer& m, const TileSpec& tile, double right) {
  if (!tile.provisional) return right;
  const double word_w = m.width(FontFace::Italic, style::kSmall.size, tile.provisional_text);
  return right - word_w - kTagRingGap - 2 * kTagRingRadius - kLabelTagGap;
}

}  // namespace

std::vector<std::string> tile_label_lines(const TextMeasurer& m, const TileSpec& tile) {
  const auto& ls = style::kTileLabel;
  const double mark_w = m.width(FontFace::Regular, ls.size, tile.footnote_mark);
  const double room = std::max(0.0, label_right_edge(m, tile, tile.width) - mark_w);
  std::vector<std::string> lines;
  for (const WrappedLine& l : wrap_text(m, ls.face, ls.size, tile.label, room)) lines.push_back(l.text);
  if (lines.size() > kMaxTileLabelLines) {  // a third line: the second ends in "…" (labels are short)
    std::string rest = lines[kMaxTileLabelLines - 1];
    for (std::size_t i = kMaxTileLabelLines; i < lines.size(); ++i) rest += " " + lines[i];
    lines.resize(kMaxTileLabelLines);
    lines.back() = ellipsize(m, ls.face, ls.size, rest, room);
  }
  return lines;
}

namespace {

// The top rule and, right-aligned on the label's baseline, the provisional tag (ring + Italic word).
void draw_tile_head(Canvas& canvas, const TextMeasurer& m, double x, double y, const TileSpec& tile) {
  const double right = x + tile.width;
  canvas.draw(horizontal_rule(x, right, y, style::kInk40, 0.5));
  if (!tile.provisional) return;
  const auto& small = style::kSmall;
  const double word_x = right - m.width(FontFace::Italic, small.size, tile.provisional_text);
  const double ring_cx = word_x - kTagRingGap - kTagRingRadius;
  draw_hollow_circle(canvas, {ring_cx, y + kLabelBaseline - 0.36 * small.size}, kTagRingRadius, style::kInk60, 0.6);
  text(canvas, word_x, y + kLabelBaseline, tile.provisional_text, FontFace::Italic, small.size, style::kInk60);
}

// The label (one or two lines, docs/visual-rules.md "Danish") with its footnote mark; returns
// how far the rest of the tile moves down for a second line.
double draw_tile_label(Canvas& canvas, const TextMeasurer& m, double x, double y, const TileSpec& tile) {
  const auto& ls = style::kTileLabel;
  const std::vector<std::string> lines = tile_label_lines(m, tile);
  for (std::size_t i = 0; i < lines.size(); ++i)
    text(canvas, x, y + kLabelBaseline + static_cast<double>(i) * ls.leading, lines[i], ls.face, ls.size, style::kInk);
  if (lines.empty()) return 0;
  const double last = static_cast<double>(lines.size() - 1) * ls.leading;
  text(canvas, x + m.width(ls.face, ls.size, lines.back()), y + kLabelBaseline + last, tile.footnote_mark,
       FontFace::Regular, ls.size, style::kInk60);
  return last;
}

// The value, stepped down in size until it ends kValueClearance before the sparkline, and the
// sparkline (left out of a narrowed tile whose value still does not fit).
TileLayout draw_tile_value(Canvas& canvas, const TextMeasurer& m, double x, double y, const TileSpec& tile) {
  const double spark_x = x + tile.width - kSparklineWidth;
  TileLayout result;
  const std::vector<ValuePart> parts = split_value(tile.value, tile.unit);
  const double room = spark_x - kValueClearance - x;
  const double unit_ratio = style::kTileUnit.size / style::kTileValue.size;
  for (double size : {24.0, 20.0, 18.0}) {
    result.value_size_pt = size;
    result.unit_size_pt = size * unit_ratio;
    result.value_fits = parts_width(m, parts, size, result.unit_size_pt) <= room;
    if (result.value_fits) break;
  }
  if (result.value_fits || tile.width >= kTileWidth)
    draw_sparkline(canvas, {spark_x, y + kSparkTop},
                   SparklineSpec{tile.spark, tile.kind, tile.target, tile.provisional});
  double vx = x;
  for (const ValuePart& p : parts) {
    const double size = p.unit_size ? result.unit_size_pt : result.value_size_pt;
    text(canvas, vx, y + kValueBaseline, p.text, style::kTileValue.face, size, style::kInk);
    vx += m.width(style::kTileValue.face, size, p.text);
  }
  return result;
}

// The target line: label ink60, then the status Bold in its tone.
void draw_tile_target(Canvas& canvas, const TextMeasurer& m, double x, double baseline, const TileSpec& tile) {
  if (!tile.target_label) return;
  const auto& small = style::kSmall;
  const double right = x + tile.width;
  const std::string label_text = ellipsize(m, small.face, small.size, *tile.target_label, tile.width);
  text(canvas, x, baseline, label_text, small.face, small.size, style::kInk60);
  const double sx = x + m.width(small.face, small.size, label_text) + m.width(small.face, small.size, " ");
  if (tile.target_status && sx < right)
    text(canvas, sx, baseline, ellipsize(m, FontFace::Bold, small.size, tile.target_status->text, right - sx),
         FontFace::Bold, small.size, tone_color(tile.target_status->tone));
}

}  // namespace

TileLayout draw_tile(Canvas& canvas, const TextMeasurer& m, Point top_left, const TileSpec& tile, double body_shift) {
  const double x = top_left.x, w = tile.width;
  draw_tile_head(canvas, m, x, top_left.y, tile);
  // A label too long for one line wraps to a second; the rest of the tile moves down by
  // `body_shift` (the grid gives every tile of a row the same shift, so values stay aligned).
  const double y = top_left.y + std::max(body_shift, draw_tile_label(canvas, m, x, top_left.y, tile));
  const TileLayout result = draw_tile_value(canvas, m, x, y, tile);
  const auto& small = style::kSmall;
  text(canvas, x, y + kContextBaseline, ellipsize(m, small.face, small.size, tile.context, w), small.face, small.size,
       style::kInk60);
  draw_delta(canvas, m, x, y + kPrevBaseline, w, tile.vs_prev);
  draw_delta(canvas, m, x, y + kYearBaseline, w, tile.vs_year);
  draw_tile_target(canvas, m, x, y + kTargetBaseline, tile);
  return result;
}

double draw_tile_grid(Canvas& canvas, const TextMeasurer& measurer, double x, double y,
                      const std::vector<TileSpec>& tiles, int columns, double row_pitch) {
  const auto cols = static_cast<std::size_t>(std::max(columns, 1));
  const std::size_t rows = (tiles.size() + cols - 1) / cols;
  // Per row: the shift of a two-line label, shared by the row's tiles, and the row's top.
  std::vector<double> shift(rows, 0.0), row_top(rows, y);
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    const std::size_t n = tile_label_lines(measurer, tiles[i]).size();
    if (n > 1) shift[i / cols] = std::max(shift[i / cols], static_cast<double>(n - 1) * style::kTileLabel.leading);
  }
  for (std::size_t r = 1; r < rows; ++r) row_top[r] = row_top[r - 1] + row_pitch + shift[r - 1];
  double last_row_bottom = 0;  // the last row ends where its lowest tile does, not a pitch later
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    const double tx = x + static_cast<double>(i % cols) * (tiles[i].width + style::kGutter);
    const double ty = row_top[i / cols];
    if (i / cols + 1 < rows) {
      draw_tile(canvas, measurer, {tx, ty}, tiles[i], shift[i / cols]);
      continue;
    }
    RecordingCanvas tile;
    draw_tile(tile, measurer, {tx, ty}, tiles[i], shift[i / cols]);
    for (const Primitive& p : tile.items()) {
      if (const auto* t = std::get_if<TextRun>(&p))
        last_row_bottom = std::max(last_row_bottom, t->at.y + 0.25 * t->size_pt - ty);
      canvas.draw(p);
    }
  }
  if (rows == 0) return 0;
  return row_top[rows - 1] - y + std::min(row_pitch + shift[rows - 1], last_row_bottom + 4);
}

}  // namespace boardbrief::layout
