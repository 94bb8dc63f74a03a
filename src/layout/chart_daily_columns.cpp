#include "layout/chart_daily_columns.h"

#include <algorithm>
#include <numeric>

#include "layout/chart_axis.h"
#include "layout/chart_text.h"
#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kDayTick = 2.5;                           // under the 1st and each Monday
constexpr double kDetailStep = 9;                          // headline baseline to detail baseline
const std::vector<std::uint16_t> kReferenceDash = {2, 2};  // a 2/1.5 reference dash, in whole points

double day_total(const DailyColumn& d) { return std::accumulate(d.parts.begin(), d.parts.end(), 0.0); }

// The text block of an annotation, laid out at a headline baseline and a left edge.
struct Note {
  std::vector<TextRun> runs;
  Box knockout;
};

Note place_note(const TextMeasurer& m, const DailyAnnotation& a, double x, double baseline, bool right_aligned) {
  const auto& hs = style::kSmall;
  const auto& ds = style::kAxis;
  const double hw = m.width(FontFace::Bold, hs.size, a.headline);
  const double dw = a.detail.empty() ? 0 : m.width(ds.face, ds.size, a.detail);
  const double w = std::max(hw, dw);
  Note n;
  n.runs.push_back(
      TextRun{{right_aligned ? x - hw : x, baseline}, a.headline, FontFace::Bold, hs.size, style::kInk, 0});
  double bottom = baseline + 0.25 * hs.size;
  if (!a.detail.empty()) {
    n.runs.push_back(
        TextRun{{right_aligned ? x - dw : x, baseline + kDetailStep}, a.detail, ds.face, ds.size, style::kInk60, 0});
    bottom = baseline + kDetailStep + 0.25 * ds.size;
  }
  const double left = right_aligned ? x - w : x;
  n.knockout = Box{left - kKnockoutPad, baseline - m.ascent(FontFace::Bold, hs.size) - kKnockoutPad,
                   left + w + kKnockoutPad, bottom + kKnockoutPad};
  return n;
}

// Stacked columns, one per day; returns each column's box, to steer annotations clear of them.
std::vector<Box> draw_columns(Canvas& canvas, const DailyChartSpec& spec, const CategoryBands& bands,
                              const ValueScale& scale, double plot_bottom) {
  std::vector<Box> columns;
  const double w = bands.band() * spec.column_fraction;
  for (std::size_t i = 0; i < spec.days.size(); ++i) {
    double base = 0;
    const double x = bands.center(i) - w / 2;
    for (std::size_t k = 0; k < spec.days[i].parts.size() && k < spec.part_colors.size(); ++k) {
      const double v = spec.days[i].parts[k];
      if (v > 0) {
        canvas.draw(Rect{
            x, scale.y(base + v), w, scale.y(base) - scale.y(base + v), true, spec.part_colors[k], false, {}, 0.5});
      }
      base += v;
    }
    columns.push_back(Box{x, scale.y(base), x + w, plot_bottom});
  }
  return columns;
}

// The 1st and each Monday, with a tick under the zero line (docs/visual-rules.md, "Charts").
void draw_day_labels(Canvas& canvas, const TextMeasurer& m, const DailyChartSpec& spec, const CategoryBands& bands,
                     double plot_bottom, double left, double right) {
  for (std::size_t i = 0; i < spec.days.size(); ++i) {
    if (spec.days[i].label.empty()) continue;
    const double x = bands.center(i);
    canvas.draw(line_path({x, plot_bottom}, {x, plot_bottom + kDayTick}, style::kInk, 0.5));
    TextRun label = centered_run(m, spec.days[i].label, style::kAxis.face, style::kAxis.size, style::kInk60, x,
                                 plot_bottom + kCategoryLabelDrop);
    label.at.x = std::clamp(label.at.x, left, right - m.width(label.face, label.size_pt, label.text));
    canvas.draw(label);
  }
}

// One annotation right of its column, or left when it would run past `right`, lifted above every
// column (and earlier note) it spans but not out of the chart; on a white knockout, joined to
// the column's top by a leader. Returns its knockout.
Box draw_annotation(Canvas& canvas, const TextMeasurer& m, const DailyAnnotation& a, const Box& col,
                    const std::vector<Box>& columns, const std::vector<Box>& notes, double top, double right) {
  const double mark_y = col.top;
  double baseline = mark_y + 0.35 * style::kSmall.size;
  Note note = place_note(m, a, col.right + kAnnotationOffset, baseline, false);
  const bool flipped = note.knockout.right > right;
  const double x = flipped ? col.left - kAnnotationOffset : col.right + kAnnotationOffset;
  if (flipped) note = place_note(m, a, x, baseline, true);
  double lift = 0;
  for (const Box& c : columns)
    if (c.left < note.knockout.right && note.knockout.left < c.right)
      lift = std::max(lift, note.knockout.bottom - c.top);
  for (const Box& o : notes)
    if (o.overlaps(note.knockout)) lift = std::max(lift, note.knockout.bottom - o.top);
  const double room = note.knockout.top - top;
  baseline -= std::min(lift > 0 ? lift + 0.5 : 0.0, std::max(0.0, room));
  note = place_note(m, a, x, baseline, flipped);
  const Box& ko = note.knockout;
  canvas.draw(Rect{ko.left, ko.top, ko.right - ko.left, ko.bottom - ko.top, true, style::kWhite, false, {}, 0.5});
  const double leader_y = baseline - 0.35 * style::kSmall.size;
  const Point from{flipped ? col.left - 1 : col.right + 1, mark_y};
  canvas.draw(line_path(from, {flipped ? ko.right : ko.left, leader_y}, style::kInk, 0.5));
  for (const TextRun& r : note.runs) canvas.draw(r);
  return ko;
}

}  // namespace

double draw_daily_columns(Canvas& canvas, const TextMeasurer& m, const DailyChartSpec& spec, Point top_left,
                          double width_pt) {
  const std::size_t n = spec.days.size();
  if (n == 0) return 0;
  const PlotArea a =
      plot_area(top_left, width_pt, spec.label_gutter, 0, top_left.y + kDailyTopRoom, spec.plot_height, n);
  const double bottom = a.plot_bottom + kCategoryLabelDrop + 0.25 * style::kAxis.size + 2;

  double hi = spec.reference.value_or(0);
  for (const auto& d : spec.days) hi = std::max(hi, day_total(d));
  const Ticks ticks = column_ticks(0, hi, spec.max_ticks, 1);  // messages per day: whole numbers
  const ValueScale scale{ticks.lo(), ticks.hi(), a.plot_top, a.plot_bottom};
  draw_value_axis(canvas, m, ticks, scale, a.plot_left, a.right,
                  tick_formatter(spec.format, spec.axis_format, ticks.hi(), ticks.step));
  const std::vector<Box> columns = draw_columns(canvas, spec, a.bands, scale, a.plot_bottom);
  draw_zero_line(canvas, ticks, scale, a.plot_left, a.right);
  if (spec.reference) {
    Path p = horizontal_rule(a.plot_left, a.right, scale.y(*spec.reference), style::kInk60, 0.7);
    p.dash = kReferenceDash;
    canvas.draw(p);
  }
  draw_day_labels(canvas, m, spec, a.bands, a.plot_bottom, a.left, a.right);
  std::vector<Box> notes;
  for (std::size_t k = 0; k < spec.annotations.size() && k < 2; ++k)
    if (spec.annotations[k].day < n)
      notes.push_back(draw_annotation(canvas, m, spec.annotations[k], columns[spec.annotations[k].day], columns, notes,
                                      top_left.y, a.right));
  return bottom - top_left.y;
}

}  // namespace boardbrief::layout
