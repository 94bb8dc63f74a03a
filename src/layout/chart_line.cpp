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

double draw_line_chart(Canvas& canvas, const TextMeasurer& m, const LineChartSpec& spec, Point top_left,
                       double width_pt) {
  const std::size_t n = spec.categories.size();
  if (n == 0) return 0;
  const double left = top_left.x, right = top_left.x + width_pt;
  const double plot_top = top_left.y + kLineTopRoom, plot_bottom = plot_top + spec.plot_height;
  const double bottom = plot_bottom + kCategoryAxisHeight;
  const std::size_t report = spec.report_index.value_or(n - 1);

  const Ticks ticks = line_chart_ticks(spec);
  const ValueScale scale{ticks.lo(), ticks.hi(), plot_top, plot_bottom};
  const TickFormatter tick_label = tick_formatter(spec.format, spec.axis_format, ticks.hi(), ticks.step);
  const TickFormatter value_label = tick_formatter(spec.format, spec.axis_format, ticks.hi(), 0);
  // The tick labels stay inside the chart's box (and so the page margins): the gutter grows
  // to the widest of them (docs/visual-rules.md, "Charts").
  const double gutter = std::max(spec.label_gutter, widest_tick_label(m, ticks, tick_label) + kTickLabelGap);
  const double plot_left = left + gutter, plot_right = right - spec.right_gutter;
  const CategoryBands bands{plot_left, plot_right, n};

  draw_report_band(canvas, bands, report, top_left.y, bottom);
  draw_value_axis(canvas, m, ticks, scale, plot_left, plot_right, tick_label);
  if (!ticks.includes_zero()) {
    // a zoomed axis draws its lowest tick as a plain gridline.
    Path p;
    p.points = {{plot_left, plot_bottom}, {plot_right, plot_bottom}};
    p.stroke_color = style::kInk10;
    canvas.draw(p);
  }
  draw_category_labels(canvas, m, bands, spec.categories, plot_bottom, report);
  if (spec.reference) {
    Path p;
    p.points = {{plot_left, scale.y(*spec.reference)}, {plot_right, scale.y(*spec.reference)}};
    p.stroke_color = style::kInk60;
    p.line_width_pt = 0.7;
    p.dash = kReferenceDash;
    canvas.draw(p);
    if (!spec.reference_label.empty()) {
      const double w = m.width(style::kAxis.face, style::kAxis.size, spec.reference_label);
      canvas.draw(TextRun{{plot_right - w, scale.y(*spec.reference) - 2.5},
                          spec.reference_label,
                          style::kAxis.face,
                          style::kAxis.size,
                          style::kInk60,
                          0});
    }
  }
  draw_zero_line(canvas, ticks, scale, plot_left, plot_right);

  std::vector<EndLabel> labels;
  // The first series is the most important: draw it last so it lies on top.
  for (std::size_t s = spec.series.size(); s-- > 0;) {
    const LineSeries& series = spec.series[s];
    std::vector<std::optional<Point>> points;
    for (std::size_t i = 0; i < n; ++i) {
      const auto v = i < series.values.size() ? series.values[i] : std::nullopt;
      points.push_back(v ? std::optional<Point>(Point{bands.center(i), scale.y(*v)}) : std::nullopt);
    }
    for (const Path& p : broken_line(points, series.color, series.line_width_pt)) canvas.draw(p);
    std::optional<std::size_t> last;
    for (std::size_t i = 0; i < n; ++i) {
      if (!points[i]) continue;
      last = i;
      const bool missed = std::find(series.missed.begin(), series.missed.end(), i) != series.missed.end();
      if (i == report) {  // a miss in the report period keeps the report dot's size, in the bad colour
        canvas.draw(dot(*points[i], kReportDotRadius, missed ? style::kBad : style::kAccent));
      } else if (missed) {
        canvas.draw(dot(*points[i], kDotRadius + 0.6, style::kBad));  // a miss shows even without dots
      } else if (spec.dots && n <= kMaxDottedPoints) {
        canvas.draw(dot(*points[i], kDotRadius, series.color));
      }
    }
    for (std::size_t i : series.marked) {
      if (i >= n || !points[i]) continue;
      Circle ring;
      ring.center = *points[i];
      ring.radius_pt = kSpikeRingRadius;
      ring.fill = false;
      ring.stroke = true;
      ring.stroke_color = style::kInk;
      ring.line_width_pt = 0.75;
      canvas.draw(ring);
    }
    if (last) {
      const double x = *last + 1 == n ? plot_right + kEndLabelGap : points[*last]->x + bands.band() / 2 + kEndLabelGap;
      labels.push_back(EndLabel{s, x, points[*last]->y + 0.35 * style::kSmall.size});
    }
  }
  const std::vector<EndLabel> natural = labels;
  // End labels stay above the month-label row when they can without moving far from their
  // lines; pushed down into it, the lowest one would read on with the last month's label
  // ("Oct LinkedIn"), so it then keeps a clear distance to the right of it.
  {
    const double row_top = plot_bottom + kCategoryLabelDrop - m.ascent(style::kAxis.face, style::kAxis.size) - 1.5;
    auto above = labels;
    nudge_apart(m, above, top_left.y, row_top);
    bool near = true;
    for (std::size_t k = 0; k < above.size(); ++k) {
      for (const EndLabel& o : natural)
        if (o.series == above[k].series &&
            std::abs(o.baseline - above[k].baseline) > kMaxNudgeShare * above[k].height(m))
          near = false;
      if (k > 0 && above[k].top(m) < above[k - 1].top(m) + above[k - 1].height(m)) near = false;
      if (above[k].top(m) < top_left.y - 0.01) near = false;
    }
    if (near) {
      labels = std::move(above);
    } else {
      nudge_apart(m, labels, top_left.y, bottom);
      const auto& cat = spec.categories[n - 1].label;
      const FontFace face = report == n - 1 ? FontFace::Bold : style::kAxis.face;
      const double cat_right = bands.center(n - 1) + m.width(face, style::kAxis.size, cat) / 2;
      for (EndLabel& l : labels)
        if (l.top(m) + l.height(m) > row_top) l.x = std::max(l.x, cat_right + 2 * kEndLabelGap);
    }
  }
  const auto last_value = [&](const LineSeries& series) {
    for (std::size_t i = n; i-- > 0;) {
      if (i < series.values.size() && series.values[i]) return *series.values[i];
    }
    return 0.0;
  };
  // End labels pushed far from their lines (three lines ending together) or still colliding
  // for want of room would mislead: a legend row under the axis names the series instead.
  bool legend = false;
  for (const EndLabel& l : labels) {
    for (const EndLabel& o : natural)
      if (o.series == l.series && std::abs(o.baseline - l.baseline) > kMaxNudgeShare * l.height(m)) legend = true;
  }
  for (std::size_t i = 1; i < labels.size(); ++i)
    if (labels[i].top(m) < labels[i - 1].top(m) + labels[i - 1].height(m)) legend = true;
  if (legend) {
    const double baseline = bottom + kLegendGap + m.ascent(style::kAxis.face, style::kAxis.size);
    double x = plot_left;
    double row = 0;
    for (std::size_t s = 0; s < spec.series.size(); ++s) {
      const LineSeries& series = spec.series[s];
      const std::string value = value_label(last_value(series));
      const double w = kSwatchWidth + kSwatchGap + m.width(style::kAxis.face, style::kAxis.size, series.name) +
                       m.width(style::kAxis.face, style::kAxis.size, " ") +
                       m.width(FontFace::Bold, style::kAxis.size, value);
      if (x > plot_left && x + w > right) x = plot_left, row += kLegendRow;  // next row, never overlapping
      const double y = baseline + row;
      Path swatch;
      swatch.points = {{x, y - 0.3 * style::kAxis.size}, {x + kSwatchWidth, y - 0.3 * style::kAxis.size}};
      swatch.stroke_color = series.color;
      swatch.line_width_pt = std::max(series.line_width_pt, 1.4);
      canvas.draw(swatch);
      double tx = x + kSwatchWidth + kSwatchGap;
      canvas.draw(TextRun{{tx, y}, series.name, style::kAxis.face, style::kAxis.size, style::kInk60, 0});
      tx += m.width(style::kAxis.face, style::kAxis.size, series.name) +
            m.width(style::kAxis.face, style::kAxis.size, " ");
      canvas.draw(TextRun{{tx, y}, value, FontFace::Bold, style::kAxis.size, series.color, 0});
      x += w + kLegendItemGap;
    }
    return baseline + row + 0.25 * style::kAxis.size - top_left.y;
  }
  for (const EndLabel& l : labels) {
    const LineSeries& series = spec.series[l.series];
    const double v = last_value(series);
    canvas.draw(TextRun{{l.x, l.baseline}, value_label(v), FontFace::Bold, style::kSmall.size, series.color, 0});
    if (!series.name.empty()) {
      canvas.draw(
          TextRun{{l.x, l.baseline + kNameStep}, series.name, style::kAxis.face, style::kAxis.size, style::kInk60, 0});
    }
  }
  return bottom - top_left.y;
}

}  // namespace boardbrief::layout
