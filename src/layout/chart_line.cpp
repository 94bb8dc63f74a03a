#include "layout/chart_line.h"

#include <cmath>

#include <algorithm>
#include <limits>

#include "layout/chart_marks.h"
#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kDotRadius = 1.6;
constexpr double kReportDotRadius = 2.2;
constexpr std::size_t kMaxDottedPoints = 13;
constexpr double kEndLabelGap = 4;      // band or point to an end label
constexpr double kNameStep = 9;         // value baseline to name baseline
constexpr double kLabelSpacing = 1.5;   // between stacked end labels
constexpr double kMaxNudgeShare = 1.5;  // an end label moved further than this × its height: legend
constexpr double kLegendGap = 6;        // category labels to the legend row
constexpr double kLegendRow = 11;
constexpr double kSwatchWidth = 12, kSwatchGap = 4, kLegendItemGap = 12;
constexpr double kLabelClearance = 6;                      // between the reference label and an end label beside it
const std::vector<std::uint16_t> kReferenceDash = {2, 2};  // 2/1.5, in whole points

// An end label: value over series name, placed by the value's baseline.
struct EndLabel {
  std::size_t series = 0;
  double x = 0, baseline = 0;
  double top(const TextMeasurer& m) const { return baseline - m.ascent(FontFace::Bold, style::kSmall.size); }
  double height(const TextMeasurer& m) const {
    return m.ascent(FontFace::Bold, style::kSmall.size) + kNameStep + 0.25 * style::kAxis.size;
  }
};

// Pushes labels apart top to bottom, then back up if the last one runs below `bottom`.
void nudge_apart(const TextMeasurer& m, std::vector<EndLabel>& labels, double top, double bottom) {
  std::sort(labels.begin(), labels.end(), [](const EndLabel& a, const EndLabel& b) { return a.baseline < b.baseline; });
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double min_top = i == 0 ? top : labels[i - 1].top(m) + labels[i - 1].height(m) + kLabelSpacing;
    labels[i].baseline += std::max(0.0, min_top - labels[i].top(m));
  }
  for (std::size_t i = labels.size(); i-- > 0;) {
    const double max_bottom = i + 1 == labels.size() ? bottom : labels[i + 1].top(m) - kLabelSpacing;
    labels[i].baseline -= std::max(0.0, labels[i].top(m) + labels[i].height(m) - max_bottom);
  }
}

}  // namespace

Ticks line_chart_ticks(const LineChartSpec& spec) {
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  for (const auto& s : spec.series) {
    for (const auto& v : s.values) {
      if (v) lo = std::min(lo, *v), hi = std::max(hi, *v);
    }
  }
  if (spec.reference) lo = std::min(lo, *spec.reference), hi = std::max(hi, *spec.reference);
  if (lo > hi) lo = hi = 0;  // no values at all
  if (spec.scale_span) lo = std::min(lo, spec.scale_span->first), hi = std::max(hi, spec.scale_span->second);
  return line_ticks(lo, hi, spec.max_ticks, spec.allow_zoom);
}

namespace {

// The chart's geometry, worked out once from the spec and the box it is drawn in.
struct Frame {
  std::size_t n = 0, report = 0;
  double left = 0, right = 0, top = 0, plot_left = 0, plot_right = 0, plot_top = 0, plot_bottom = 0, bottom = 0;
  Ticks ticks;
  ValueScale scale;
  CategoryBands bands;
  TickFormatter tick_label, value_label;
};

Frame frame(const TextMeasurer& m, const LineChartSpec& spec, Point top_left, double width_pt) {
  Frame f;
  f.n = spec.categories.size();
  f.report = spec.report_index.value_or(f.n - 1);
  f.left = top_left.x, f.right = top_left.x + width_pt, f.top = top_left.y;
  f.plot_top = top_left.y + kLineTopRoom, f.plot_bottom = f.plot_top + spec.plot_height;
  f.bottom = f.plot_bottom + kCategoryAxisHeight;
  f.ticks = line_chart_ticks(spec);
  f.scale = ValueScale{f.ticks.lo(), f.ticks.hi(), f.plot_top, f.plot_bottom};
  f.tick_label = tick_formatter(spec.format, spec.axis_format, f.ticks.hi(), f.ticks.step);
  f.value_label = tick_formatter(spec.format, spec.axis_format, f.ticks.hi(), 0);
  // The tick labels stay inside the chart's box (and so the page margins): the gutter grows
  // to the widest of them (docs/visual-rules.md, "Charts").
  const double gutter = std::max(spec.label_gutter, widest_tick_label(m, f.ticks, f.tick_label) + kTickLabelGap);
  f.plot_left = f.left + gutter, f.plot_right = f.right - spec.right_gutter;
  f.bands = CategoryBands{f.plot_left, f.plot_right, f.n};
  return f;
}

// Report band, gridlines, category labels, the reference line and the zero line.
void draw_axes(Canvas& canvas, const TextMeasurer& m, const LineChartSpec& spec, const Frame& f) {
  draw_report_band(canvas, f.bands, f.report, f.top, f.bottom);
  draw_value_axis(canvas, m, f.ticks, f.scale, f.plot_left, f.plot_right, f.tick_label);
  if (!f.ticks.includes_zero())  // a zoomed axis draws its lowest tick as a plain gridline
    canvas.draw(horizontal_rule(f.plot_left, f.plot_right, f.plot_bottom, style::kInk10, 0.5));
  draw_category_labels(canvas, m, f.bands, spec.categories, f.plot_bottom, f.report);
  if (spec.reference) {
    Path p = horizontal_rule(f.plot_left, f.plot_right, f.scale.y(*spec.reference), style::kInk60, 0.7);
    p.dash = kReferenceDash;
    canvas.draw(p);
  }
  draw_zero_line(canvas, f.ticks, f.scale, f.plot_left, f.plot_right);
}

// One series: its line, dots, misses and rings; returns its end label's natural place.
std::optional<EndLabel> draw_series(Canvas& canvas, const LineChartSpec& spec, const Frame& f, std::size_t s) {
  const LineSeries& series = spec.series[s];
  std::vector<std::optional<Point>> points;
  for (std::size_t i = 0; i < f.n; ++i) {
    const auto v = i < series.values.size() ? series.values[i] : std::nullopt;
    points.push_back(v ? std::optional<Point>(Point{f.bands.center(i), f.scale.y(*v)}) : std::nullopt);
  }
  for (const Path& p : broken_line(points, series.color, series.line_width_pt)) canvas.draw(p);
  std::optional<std::size_t> last;
  for (std::size_t i = 0; i < f.n; ++i) {
    if (!points[i]) continue;
    last = i;
    const bool missed = std::find(series.missed.begin(), series.missed.end(), i) != series.missed.end();
    if (i == f.report) {  // a miss in the report period keeps the report dot's size, in the bad colour
      canvas.draw(dot(*points[i], kReportDotRadius, missed ? style::kBad : style::kAccent));
    } else if (missed) {
      canvas.draw(dot(*points[i], kDotRadius + 0.6, style::kBad));  // a miss shows even without dots
    } else if (spec.dots && f.n <= kMaxDottedPoints) {
      canvas.draw(dot(*points[i], kDotRadius, series.color));
    }
  }
  for (std::size_t i : series.marked) {
    if (i >= f.n || !points[i]) continue;
    Circle r = ring(*points[i], kSpikeRingRadius, style::kInk, 0.75);
    r.fill = false;
    canvas.draw(r);
  }
  if (!last) return std::nullopt;
  const double x =
      *last + 1 == f.n ? f.plot_right + kEndLabelGap : points[*last]->x + f.bands.band() / 2 + kEndLabelGap;
  return EndLabel{s, x, points[*last]->y + 0.35 * style::kSmall.size};
}

// An end label moved further than kMaxNudgeShare of its height from its line.
bool strayed(const TextMeasurer& m, const std::vector<EndLabel>& labels, const std::vector<EndLabel>& natural) {
  for (const EndLabel& l : labels)
    for (const EndLabel& o : natural)
      if (o.series == l.series && std::abs(o.baseline - l.baseline) > kMaxNudgeShare * l.height(m)) return true;
  return false;
}

bool overlapping(const TextMeasurer& m, const std::vector<EndLabel>& labels) {
  for (std::size_t k = 1; k < labels.size(); ++k)
    if (labels[k].top(m) < labels[k - 1].top(m) + labels[k - 1].height(m)) return true;
  return false;
}

// End labels stay above the month-label row when they can without moving far from their
// lines; pushed down into it, the lowest one would read on with the last month's label
// ("Oct LinkedIn"), so it then keeps a clear distance to the right of it. Returns false when a
// legend row must name the series instead (labels far from their lines or still colliding).
bool place_end_labels(const TextMeasurer& m, const LineChartSpec& spec, const Frame& f, std::vector<EndLabel>& labels) {
  const std::vector<EndLabel> natural = labels;
  const double row_top = f.plot_bottom + kCategoryLabelDrop - m.ascent(style::kAxis.face, style::kAxis.size) - 1.5;
  auto above = labels;
  nudge_apart(m, above, f.top, row_top);
  const bool out_of_box = !above.empty() && above.front().top(m) < f.top - 0.01;
  if (!strayed(m, above, natural) && !overlapping(m, above) && !out_of_box) {
    labels = std::move(above);
  } else {
    nudge_apart(m, labels, f.top, f.bottom);
    const auto& cat = spec.categories[f.n - 1].label;
    const FontFace face = f.report == f.n - 1 ? FontFace::Bold : style::kAxis.face;
    const double cat_right = f.bands.center(f.n - 1) + m.width(face, style::kAxis.size, cat) / 2;
    for (EndLabel& l : labels)
      if (l.top(m) + l.height(m) > row_top) l.x = std::max(l.x, cat_right + 2 * kEndLabelGap);
  }
  return !strayed(m, labels, natural) && !overlapping(m, labels);
}

double last_value(const LineSeries& series, std::size_t n) {
  for (std::size_t i = n; i-- > 0;)
    if (i < series.values.size() && series.values[i]) return *series.values[i];
  return 0.0;
}

// The legend row under the axis (swatch, name, last value), wrapping to more rows; returns the
// chart's height.
double draw_legend(Canvas& canvas, const TextMeasurer& m, const LineChartSpec& spec, const Frame& f) {
  const auto& ax = style::kAxis;
  const double baseline = f.bottom + kLegendGap + m.ascent(ax.face, ax.size);
  const double space = m.width(ax.face, ax.size, " ");
  double x = f.plot_left, row = 0;
  for (const LineSeries& series : spec.series) {
    const std::string value = f.value_label(last_value(series, f.n));
    const double name_w = m.width(ax.face, ax.size, series.name);
    const double w = kSwatchWidth + kSwatchGap + name_w + space + m.width(FontFace::Bold, ax.size, value);
    if (x > f.plot_left && x + w > f.right) x = f.plot_left, row += kLegendRow;  // next row, never overlapping
    const double y = baseline + row;
    canvas.draw(
        horizontal_rule(x, x + kSwatchWidth, y - 0.3 * ax.size, series.color, std::max(series.line_width_pt, 1.4)));
    const double tx = x + kSwatchWidth + kSwatchGap;
    canvas.draw(TextRun{{tx, y}, series.name, ax.face, ax.size, style::kInk60, 0});
    canvas.draw(TextRun{{tx + name_w + space, y}, value, FontFace::Bold, ax.size, series.color, 0});
    x += w + kLegendItemGap;
  }
  return baseline + row + 0.25 * ax.size - f.top;
}

void draw_end_labels(Canvas& canvas, const LineChartSpec& spec, const Frame& f, const std::vector<EndLabel>& labels) {
  for (const EndLabel& l : labels) {
    const LineSeries& series = spec.series[l.series];
    canvas.draw(TextRun{{l.x, l.baseline},
                        f.value_label(last_value(series, f.n)),
                        FontFace::Bold,
                        style::kSmall.size,
                        series.color,
                        0});
    if (!series.name.empty())
      canvas.draw(
          TextRun{{l.x, l.baseline + kNameStep}, series.name, style::kAxis.face, style::kAxis.size, style::kInk60, 0});
  }
}

// Whether a series' line passes through the box [x0, x1] × [top, bottom] (sampled along its
// segments).
bool crosses_series(const LineChartSpec& spec, const Frame& f, double x0, double x1, double top, double bottom) {
  for (const LineSeries& series : spec.series)
    for (std::size_t i = 0; i + 1 < f.n && i + 1 < series.values.size(); ++i) {
      if (!series.values[i] || !series.values[i + 1]) continue;
      const double ax = f.bands.center(i), bx = f.bands.center(i + 1);
      if (bx < x0 || ax > x1) continue;
      for (int k = 0; k <= 8; ++k) {
        const double t = k / 8.0, x = ax + t * (bx - ax);
        const double y = f.scale.y(*series.values[i] + t * (*series.values[i + 1] - *series.values[i]));
        if (x >= x0 && x <= x1 && y >= top - 1 && y <= bottom + 1) return true;
      }
    }
  return false;
}

// The reference line's label ("target ≤ 2 h"), small ink60 just above the line at its right end,
// ending kLabelClearance before an end label beside it so the two never read as one; where a
// series' line runs through that place, above the line's left end instead, else below either
// end (docs/visual-rules.md, "Charts").
void draw_reference_label(Canvas& canvas, const TextMeasurer& m, const LineChartSpec& spec, const Frame& f,
                          const std::vector<EndLabel>& labels) {
  if (!spec.reference || spec.reference_label.empty()) return;
  const auto& ax = style::kAxis;
  const double w = m.width(ax.face, ax.size, spec.reference_label);
  const double line_y = f.scale.y(*spec.reference), ascent = m.ascent(ax.face, ax.size);
  double right = f.plot_right;
  for (const EndLabel& l : labels) {
    const double top = line_y - 2.5 - ascent, bottom = line_y - 2.5 + 0.25 * ax.size;
    if (l.top(m) < bottom && top < l.top(m) + l.height(m)) right = std::min(right, l.x - kLabelClearance);
  }
  const double xs[] = {right - w, f.plot_left + 2};
  const double baselines[] = {line_y - 2.5, line_y + 2.5 + ascent};
  Point at{xs[0], baselines[0]};
  bool found = false;
  for (double baseline : baselines)
    for (double x : xs)
      if (!found && !crosses_series(spec, f, x, x + w, baseline - ascent, baseline + 0.25 * ax.size))
        at = {x, baseline}, found = true;
  canvas.draw(TextRun{at, spec.reference_label, ax.face, ax.size, style::kInk60, 0});
}

}  // namespace

double draw_line_chart(Canvas& canvas, const TextMeasurer& m, const LineChartSpec& spec, Point top_left,
                       double width_pt) {
  if (spec.categories.empty()) return 0;
  const Frame f = frame(m, spec, top_left, width_pt);
  draw_axes(canvas, m, spec, f);
  std::vector<EndLabel> labels;
  // The first series is the most important: draw it last so it lies on top.
  for (std::size_t s = spec.series.size(); s-- > 0;)
    if (auto label = draw_series(canvas, spec, f, s)) labels.push_back(*label);
  if (!place_end_labels(m, spec, f, labels)) {
    draw_reference_label(canvas, m, spec, f, {});
    return draw_legend(canvas, m, spec, f);
  }
  draw_reference_label(canvas, m, spec, f, labels);
  draw_end_labels(canvas, spec, f, labels);
  return f.bottom - top_left.y;
}

}  // namespace boardbrief::layout
