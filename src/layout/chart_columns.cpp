#include "layout/chart_columns.h"

#include <algorithm>

#include "layout/style.h"

namespace boardbrief::layout {

namespace {

constexpr double kSwatch = 7;     // legend square
constexpr double kSwatchGap = 4;  // square to its name
constexpr double kLegendItemGap = 12;
constexpr double kTopRoom = 6;    // above the top gridline, for its tick label
constexpr double kColumnGap = 1;  // between the columns of one group

std::optional<double> value_at(const ColumnSeries& s, std::size_t i) {
  return i < s.values.size() ? s.values[i] : std::nullopt;
}

// Legend rows from `top`; returns the height used.
double draw_legend(Canvas& canvas, const TextMeasurer& m, const ColumnChartSpec& spec, double left, double right,
                   double top) {
  const auto& ax = style::kAxis;
  double x = left, row = 0;
  for (const ColumnSeries& s : spec.series) {
    const double w = kSwatch + kSwatchGap + m.width(ax.face, ax.size, s.name);
    if (x > left && x + w > right) x = left, row += kColumnLegendRow;
    const double baseline = top + row + m.ascent(ax.face, ax.size);
    Rect sw;
    sw.x = x;
    sw.y = baseline - kSwatch + 0.5;
    sw.w = sw.h = kSwatch;
    sw.fill_color = s.color;
    canvas.draw(sw);
    canvas.draw(TextRun{{x + kSwatch + kSwatchGap, baseline}, s.name, ax.face, ax.size, style::kInk60, 0});
    x += w + kLegendItemGap;
  }
  return spec.series.empty() ? 0 : row + kColumnLegendRow;
}

}  // namespace

double draw_column_chart(Canvas& canvas, const TextMeasurer& m, const ColumnChartSpec& spec, Point top_left,
                         double width_pt) {
  const std::size_t n = spec.categories.size();
  if (n == 0) return 0;
  const double legend_h =
      draw_legend(canvas, m, spec, top_left.x + spec.label_gutter, top_left.x + width_pt, top_left.y);
  const PlotArea a = plot_area(top_left, width_pt, spec.label_gutter, 0,
                               top_left.y + legend_h + kColumnLegendGap + kTopRoom, spec.plot_height, n);
  const double bottom = a.plot_bottom + kCategoryAxisHeight;
  const std::size_t report = spec.report_index.value_or(n - 1);

  // The value range: single values (grouped) or the positive and negative piles (stacked).
  double lo = 0, hi = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double up = 0, down = 0;
    for (const ColumnSeries& s : spec.series) {
      const auto v = value_at(s, i);
      if (!v) continue;
      if (spec.mode == ColumnMode::Grouped)
        lo = std::min(lo, *v), hi = std::max(hi, *v);
      else
        (*v >= 0 ? up : down) += *v;
    }
    lo = std::min(lo, down);
    hi = std::max(hi, up);
  }
  const Ticks ticks = column_ticks(lo, hi, spec.max_ticks, spec.min_step);
  const ValueScale scale{ticks.lo(), ticks.hi(), a.plot_top, a.plot_bottom};

  draw_report_band(canvas, a.bands, report, a.plot_top - kTopRoom, bottom);
  draw_value_axis(canvas, m, ticks, scale, a.plot_left, a.plot_right,
                  tick_formatter(spec.format, spec.axis_format, ticks.hi(), ticks.step));
  draw_category_labels(canvas, m, a.bands, spec.categories, a.plot_bottom, report);

  const std::size_t k = std::max<std::size_t>(spec.series.size(), 1);
  const double group_w = a.bands.band() * spec.group_fraction;
  const double col_w = spec.mode == ColumnMode::Grouped
                           ? std::max(0.5, (group_w - kColumnGap * static_cast<double>(k - 1)) / static_cast<double>(k))
                           : group_w;
  for (std::size_t i = 0; i < n; ++i) {
    const double x0 = a.bands.center(i) - group_w / 2;
    double up = 0, down = 0;  // stacked: the piles so far
    bool any = false;
    for (std::size_t s = 0; s < spec.series.size(); ++s) {
      const auto v = value_at(spec.series[s], i);
      if (!v) continue;  // missing: a gap, never a zero column
      any = true;
      double from = 0, to = *v, x = x0;
      if (spec.mode == ColumnMode::Grouped) {
        x = x0 + static_cast<double>(s) * (col_w + kColumnGap);
      } else if (*v >= 0) {
        from = up, to = up + *v, up = to;
      } else {
        from = down, to = down + *v, down = to;
      }
      if (to == from) continue;
      Rect r;
      r.x = x;
      r.w = col_w;
      r.y = std::min(scale.y(from), scale.y(to));
      r.h = std::abs(scale.y(to) - scale.y(from));
      r.fill_color = spec.series[s].color;
      canvas.draw(r);
    }
    if (!any && !spec.no_data.empty()) {
      // Only when it fits its band, so neighbouring "no data" never collide; else a dash.
      const auto& ax = style::kAxis;
      const bool fits = m.width(ax.face, ax.size, spec.no_data) <= a.bands.band() - 2;
      canvas.draw(centered_run(m, fits ? spec.no_data : std::string("\u2013"), ax.face, ax.size, style::kInk60,
                               a.bands.center(i), a.plot_bottom - 3));
    }
  }
  draw_zero_line(canvas, ticks, scale, a.plot_left, a.plot_right);
  return bottom - top_left.y;
}

}  // namespace boardbrief::layout
